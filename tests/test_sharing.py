"""Discovery and link previews: canonical URLs, Open Graph, JSON-LD, sitemap, Atom feed, robots.txt."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from builder.pipeline import BuildResult
from builder.sharing import json_ld
from tests.htmlkit import parse

BASE = "https://city-innovation-profiles.github.io/city-innovation-profiles/"
ATOM = "{http://www.w3.org/2005/Atom}"


def structured_data(page: Path) -> dict:
    match = re.search(r'<script type="application/ld\+json">\n(.*?)\n</script>', page.read_text("utf-8"), re.DOTALL)
    assert match, page
    return json.loads(match.group(1))


def test_every_page_has_a_canonical_url_and_link_preview(real_build: tuple[Path, BuildResult]) -> None:
    site, _ = real_build
    html = (site / "cities/huangshi/index.html").read_text("utf-8")
    assert f'<link rel="canonical" href="{BASE}cities/huangshi/">' in html
    assert f'<meta property="og:url" content="{BASE}cities/huangshi/">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    article = (site / "articles/hengyang-2018-12-06/index.html").read_text("utf-8")
    assert '<meta property="og:type" content="article">' in article
    assert (site / "assets/favicon.svg").read_text("utf-8").startswith("<svg")


def test_json_ld_describes_cities_articles_and_the_dataset(real_build: tuple[Path, BuildResult]) -> None:
    site, _ = real_build
    city = structured_data(site / "cities/huangshi/index.html")
    assert city["@type"] == "Place" and city["name"] == "Huangshi" and "黄石市" in city["alternateName"]
    assert city["containedInPlace"]["name"] == "Hubei"
    assert [citation["@type"] for citation in city["subjectOf"]] == ["NewsArticle"]
    article = structured_data(site / "articles/hengyang-2018-12-06/index.html")
    assert article["@type"] == "NewsArticle" and article["datePublished"] == "2018-12-06"
    data = structured_data(site / "data/index.html")
    assert data["@type"] == "Dataset"
    assert {d["contentUrl"] for d in data["distribution"]} == {f"{BASE}data/facts.csv", f"{BASE}data/facts.json",
                                                               f"{BASE}data/cities.json"}
    assert len(data["citation"]) == 5


def test_json_ld_cannot_close_its_script_element() -> None:
    text = str(json_ld({"name": "</script><script>alert(1)</script> R&D"}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> R&D"


def test_the_sitemap_lists_every_page_once(real_build: tuple[Path, BuildResult]) -> None:
    site, _ = real_build
    root = ET.parse(site / "sitemap.xml").getroot()
    urls = [loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    pages = [path for path in site.rglob("*.html") if "pagefind" not in path.parts and path.name != "404.html"]
    assert len(urls) == len(set(urls)) == len(pages)
    assert f"{BASE}cities/huangshi/" in urls and BASE in urls


def test_the_feed_lists_the_articles_newest_first(real_build: tuple[Path, BuildResult]) -> None:
    site, result = real_build
    feed = ET.parse(site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}id").text for entry in entries] == [  # type: ignore[union-attr]
        f"{BASE}articles/{slug}/" for slug in result.site.articles]
    assert feed.find(f"{ATOM}updated").text == "2022-07-21T00:00:00Z"  # type: ignore[union-attr]
    assert parse(site / "index.html").links.count("feed.xml") == 1


def test_robots_txt_points_at_the_sitemap(real_build: tuple[Path, BuildResult]) -> None:
    site, _ = real_build
    assert (site / "robots.txt").read_text() == f"User-agent: *\nAllow: /\nSitemap: {BASE}sitemap.xml\n"

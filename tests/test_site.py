"""End to end: the real content/ built into a temporary folder, checked page by page."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from builder.config import PROJECT_ROOT, Config
from builder.errors import BuildFailed
from builder.pipeline import BuildResult, build
from builder.text import normalize
from tests.htmlkit import internal_targets, parse

CONTENT = PROJECT_ROOT / "content"


def front_matter(path: Path) -> dict:
    """Read a content file's front matter independently of the builder."""
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def yaml_facts() -> list[tuple[str, int, dict]]:
    return [(path.stem, position, fact)
            for path in sorted((CONTENT / "articles").glob("*.md"))
            for position, fact in enumerate(front_matter(path)["facts"], start=1)]


def tree_digest(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_every_city_article_metric_and_ranking_page_exists(real_build: tuple[Path, BuildResult]) -> None:
    site, _ = real_build
    registry = yaml.safe_load((CONTENT / "metrics.yaml").read_text(encoding="utf-8"))
    expected = ["index.html", "404.html", "search/index.html", "compare/index.html", "data/index.html"]
    expected += [f"cities/{path.stem}/index.html" for path in (CONTENT / "cities").glob("*.md")]
    expected += [f"articles/{path.stem}/index.html" for path in (CONTENT / "articles").glob("*.md")]
    expected += [f"metrics/{metric['id']}/index.html" for metric in registry["metrics"]]
    expected += [f"compare/{metric['id']}/index.html" for metric in registry["metrics"] if metric["comparable"]]
    missing = [path for path in expected if not (site / path).is_file()]
    assert not missing
    assert len(list((site / "cities").glob("*/index.html"))) == 7


def test_every_fact_links_to_its_highlighted_quote(real_build: tuple[Path, BuildResult]) -> None:
    site, _ = real_build
    facts = yaml_facts()
    assert len(facts) >= 90
    for slug, position, fact in facts:
        city_page = parse(site / "cities" / fact["city"] / "index.html")
        fact_id = f"{slug}/{position}"
        assert fact_id in city_page.fact_text, f"{fact_id} is not shown on {fact['city']}'s page"
        links = [link for link in city_page.links if link.startswith(f"../../articles/{slug}/#q-")]
        article_page = parse(site / "articles" / slug / "index.html")
        anchors = {link.split("#")[1] for link in links}
        assert anchors <= article_page.ids
        quoted = [normalize(article_page.id_text[anchor]) for anchor in anchors]
        assert any(normalize(fact["quote"]).startswith(text) for text in quoted), fact["quote"]


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_numbers_shown_match_the_yaml(real_build: tuple[Path, BuildResult]) -> None:
    site, _ = real_build
    for slug, position, fact in yaml_facts():
        shown = parse(site / "cities" / fact["city"] / "index.html").fact_text[f"{slug}/{position}"]
        if "value" in fact:
            written = _digits(format(Decimal(str(fact["value"])).normalize(), "f").lstrip("-").lstrip("0"))
            assert written in _digits(shown), (fact, shown)
        else:
            assert str(fact.get("date", fact.get("year")))[:4] in shown


def test_downloads_hold_every_fact_in_canonical_units(real_build: tuple[Path, BuildResult]) -> None:
    site, _ = real_build
    registry = yaml.safe_load((CONTENT / "metrics.yaml").read_text(encoding="utf-8"))
    factors = {name: Decimal(str(factor)) for unit in registry["units"]
               for name, factor in (unit.get("from") or {}).items() if "/" not in str(factor)}
    records = {record["id"]: record for record in json.loads((site / "data/facts.json").read_text("utf-8"))}
    rows = list(csv.DictReader(io.StringIO((site / "data/facts.csv").read_text("utf-8"))))
    facts = yaml_facts()
    assert len(records) == len(rows) == len(facts)
    for slug, position, fact in facts:
        record = records[f"{slug}/{position}"]
        assert record["city"] == fact["city"] and record["metric"] == fact["metric"]
        assert record["quote_url"].startswith("https://") and "#q-" in record["quote_url"]
        if "value" in fact and fact.get("unit") in factors:
            expected = Decimal(str(fact["value"])) * factors[fact["unit"]]
            assert Decimal(str(record["value"])) == expected
        elif "value" in fact and "unit" not in fact:
            assert Decimal(str(record["value"])) == Decimal(str(fact["value"]))
    cities = json.loads((site / "data/cities.json").read_text("utf-8"))
    assert {city["slug"] for city in cities} == {path.stem for path in (CONTENT / "cities").glob("*.md")}


def test_chinese_names_appear(real_build: tuple[Path, BuildResult]) -> None:
    site, _ = real_build
    home = parse(site / "index.html").text
    for path in (CONTENT / "cities").glob("*.md"):
        name_zh = front_matter(path)["name_zh"]
        assert name_zh in parse(site / "cities" / path.stem / "index.html").text
        assert name_zh in home


def test_every_internal_link_and_anchor_resolves(real_build: tuple[Path, BuildResult]) -> None:
    site, _ = real_build
    pages = sorted(path for path in site.rglob("*.html") if "pagefind" not in path.parts and path.name != "404.html")
    assert len(pages) > 100
    parsed = {path: parse(path) for path in pages}
    broken = []
    for path, page in parsed.items():
        for link, target, fragment in internal_targets(site, path, page.links):
            missing_anchor = target.is_file() and fragment and fragment not in (parsed.get(target) or parse(target)).ids
            if link.startswith("javascript:") or not target.is_file() or missing_anchor:
                broken.append((path.relative_to(site).as_posix(), link))
    assert not broken


def test_comparisons_list_every_city_with_year_or_no_data(real_build: tuple[Path, BuildResult]) -> None:
    site, result = real_build
    for metric in (metric for metric in result.site.metrics.values() if metric.comparable):
        page = parse(site / "compare" / metric.id / "index.html").text
        for city in result.site.cities.values():
            assert city.name in page
        assert "no data" in page or len(result.site.cities) == sum(
            bool(result.site.facts_by_city[c]) for c in result.site.cities)
        years = {str(fact.year) for fact in result.site.facts_by_metric[metric.id]}
        assert any(year in page for year in years)


def test_the_search_bundle_indexes_every_content_page(real_build: tuple[Path, BuildResult]) -> None:
    site, _ = real_build
    for name in ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-entry.json"):
        assert (site / "pagefind" / name).is_file()
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text("utf-8"))
    indexed = [path for path in site.rglob("*.html") if "data-pagefind-body" in path.read_text("utf-8")]
    assert entry["languages"]["en"]["page_count"] == len(indexed)


def test_two_builds_are_byte_identical(real_build: tuple[Path, BuildResult], tmp_path: Path) -> None:
    site, _ = real_build
    again = tmp_path / "again"
    build(Config(content_dir=CONTENT, out_dir=again))
    assert tree_digest(again) == tree_digest(site)


def test_a_broken_file_fails_the_build_and_keeps_the_previous_site(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    out = tmp_path / "site"
    build(Config(content_dir=content, out_dir=out, search=False))
    before = tree_digest(out)
    article = content / "articles" / "huangshi-2022-07-18.md"
    article.write_text(article.read_text("utf-8").replace("value: 478", "value: lots", 1), encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        build(Config(content_dir=content, out_dir=out, search=False))
    assert any(p.path == "content/articles/huangshi-2022-07-18.md" and "expected a number" in p.message
               for p in failure.value.problems)
    assert tree_digest(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["content", "site"]

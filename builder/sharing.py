"""What the site tells search engines, feed readers and link previews: JSON-LD, sitemap, feed, robots.txt."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape

from markupsafe import Markup

from builder.model import Article, City, Site
from builder.views import article_url, city_url

SCHEMA_ORG = "https://schema.org"


def json_ld(data: dict[str, Any]) -> Markup:
    """JSON for a <script type="application/ld+json"> element; <, > and & are escaped so it cannot close it."""
    text = json.dumps({"@context": SCHEMA_ORG, **data}, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def _citation(site: Site, article: Article) -> dict[str, Any]:
    return {"@type": "NewsArticle", "headline": article.title, "datePublished": article.published.isoformat(),
            "publisher": {"@type": "Organization", "name": article.publisher}, "inLanguage": article.language,
            "url": site.base_url + article_url(article.slug)}


def place(site: Site, city: City, articles: Iterable[Article]) -> Markup:
    """A city as a schema.org Place, citing the articles its facts come from."""
    data: dict[str, Any] = {
        "@type": "Place", "name": city.name, "alternateName": [city.name_zh, *city.aliases],
        "url": site.base_url + city_url(city.slug),
        "containedInPlace": {"@type": "AdministrativeArea", "name": city.province,
                             "alternateName": city.province_zh},
        "subjectOf": [_citation(site, article) for article in articles],
    }
    if city.coordinates:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": float(city.coordinates[0]),
                       "longitude": float(city.coordinates[1])}
    return json_ld(data)


def news_article(site: Site, article: Article) -> Markup:
    """A source article as a schema.org NewsArticle, about the cities it covers."""
    return json_ld({**_citation(site, article),
                    "about": [{"@type": "Place", "name": site.cities[slug].name,
                               "url": site.base_url + city_url(slug)} for slug in article.cities]})


def dataset(site: Site) -> Markup:
    """The downloads as a schema.org Dataset, citing every source article."""
    return json_ld({
        "@type": "Dataset", "name": f"{site.title}: facts", "description": site.description,
        "url": site.base_url + "data/",
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": site.base_url + "data/facts.csv"},
            {"@type": "DataDownload", "encodingFormat": "application/json",
             "contentUrl": site.base_url + "data/facts.json"},
            {"@type": "DataDownload", "encodingFormat": "application/json",
             "contentUrl": site.base_url + "data/cities.json"}],
        "spatialCoverage": {"@type": "Place", "name": "China"},
        "citation": [_citation(site, article) for article in site.articles.values()],
    })


def website(site: Site) -> Markup:
    return json_ld({"@type": "WebSite", "name": site.title, "description": site.description, "url": site.base_url})


def sitemap(site: Site, paths: Iterable[str]) -> bytes:
    """sitemap.xml listing every page, by its canonical URL."""
    urls = "".join(f"<url><loc>{escape(site.base_url + path)}</loc></url>\n" for path in paths)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n").encode()


def atom_feed(site: Site) -> bytes:
    """An Atom feed of the source articles, newest first; its date is the newest article's."""
    articles = list(site.articles.values())
    updated = f"{articles[0].published.isoformat()}T00:00:00Z" if articles else "1970-01-01T00:00:00Z"
    entries = []
    for article in articles:
        url = site.base_url + article_url(article.slug)
        cities = ", ".join(site.cities[slug].name for slug in article.cities)
        summary = f"{article.publisher}. {len(article.facts)} facts about {cities}."
        entries.append(
            f"<entry><title>{escape(article.title)}</title><id>{escape(url)}</id>"
            f'<link href="{escape(url)}"/><updated>{article.published.isoformat()}T00:00:00Z</updated>'
            f"<summary>{escape(summary)}</summary></entry>\n")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
            f"<title>{escape(site.title)}: source articles</title>\n<id>{escape(site.base_url)}</id>\n"
            f'<link href="{escape(site.base_url)}"/>\n<link rel="self" href="{escape(site.base_url)}feed.xml"/>\n'
            f"<updated>{updated}</updated>\n<author><name>{escape(site.title)}</name></author>\n"
            + "".join(entries) + "</feed>\n").encode()


def robots_txt(site: Site) -> bytes:
    return f"User-agent: *\nAllow: /\nSitemap: {site.base_url}sitemap.xml\n".encode()


def page_url(path: str) -> str:
    """The URL of an output file relative to the root: cities/x/index.html -> cities/x/."""
    return path.removesuffix("index.html")


def discovery_files(site: Site, page_paths: Iterable[str]) -> dict[str, bytes]:
    """Output path -> bytes of the sitemap, the feed and robots.txt."""
    listed = [page_url(path) for path in page_paths if path != "404.html"]
    return {"sitemap.xml": sitemap(site, listed), "feed.xml": atom_feed(site), "robots.txt": robots_txt(site)}

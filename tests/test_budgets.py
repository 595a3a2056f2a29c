"""Budgets a reader feels: page weight, and a site that works offline with no outside requests."""

from __future__ import annotations

import re
from pathlib import Path

from builder.pipeline import BuildResult

CITY_PAGE_BUDGET = 60 * 1024  # HTML + CSS + JS of a city page, uncompressed, search excluded


def page_weight(page: Path) -> int:
    """The page's HTML plus the stylesheets and scripts it loads from the site (not Pagefind's)."""
    html = page.read_text("utf-8")
    assets = re.findall(r'<(?:link rel="stylesheet"|script) [^>]*(?:href|src)="([^"]+)"', html)
    weight = len(html.encode("utf-8"))
    for asset in assets:
        assert "pagefind" not in asset, "city pages do not load the search bundle"
        weight += (page.parent / asset).resolve().stat().st_size
    return weight


def test_every_city_page_is_within_its_budget(real_build: tuple[Path, BuildResult]) -> None:
    site, _ = real_build
    weights = {page.parent.name: page_weight(page) for page in site.glob("cities/*/index.html")}
    assert weights and max(weights.values()) < CITY_PAGE_BUDGET, weights


FETCHED = re.compile(r'<(?:link rel="(?:stylesheet|icon|preload|modulepreload)"[^>]*\bhref|script[^>]*\bsrc|'
                     r'img[^>]*\bsrc|iframe[^>]*\bsrc|source[^>]*\bsrc)="([^"]+)"')


def test_no_page_loads_anything_from_outside_the_site(real_build: tuple[Path, BuildResult]) -> None:
    site, _ = real_build
    pages = [page for page in site.rglob("*.html") if "pagefind" not in page.parts]
    fetched = {(page.name, url) for page in pages for url in FETCHED.findall(page.read_text("utf-8"))}
    assert len(fetched) > 3
    assert [item for item in fetched if item[1].startswith(("http:", "https:", "//"))] == []
    css = (site / "assets/site.css").read_text("utf-8")
    assert "@import" not in css and "url(" not in css

"""In headless Chromium, against the real site served under a sub-path: search and provenance."""

from __future__ import annotations

import re
from typing import Any

import pytest

from builder.config import PROJECT_ROOT

RESULT_LINKS = ".pagefind-ui__result-link"


def search(page: Any, site: str, query: str) -> list[tuple[str, str]]:
    """Type a query into the search page; return (title, href) of every result shown."""
    page.goto(site + "search/")
    page.fill(".pagefind-ui__search-input", query)
    page.wait_for_selector(RESULT_LINKS, timeout=10_000)
    links = page.locator(RESULT_LINKS)
    return [(links.nth(i).inner_text(), links.nth(i).get_attribute("href") or "") for i in range(links.count())]


@pytest.mark.parametrize("query", ["Huangshi", "黄石", "huangshi"])
def test_a_city_is_found_by_its_english_or_chinese_name(page: Any, served_site: str, query: str) -> None:
    results = search(page, served_site, query)
    assert results[0][1].endswith("/city-profiles/cities/huangshi/"), results
    assert "黄石市" in results[0][0]


ALL_RESULTS = """async (query) => {
    const pagefind = await import(new URL("../pagefind/pagefind.js", location.href));
    await pagefind.options({ baseUrl: new URL("../", location.href).pathname });
    const search = await pagefind.search(query);
    return Promise.all(search.results.map(async (result) => (await result.data()).url));
}"""


@pytest.mark.parametrize(("query", "expected"), [
    ("high-tech", "/metrics/high_tech_enterprises/"),
    ("patent", "/metrics/patent_applications_cumulative/"),
    ("incubator", "/cities/huangshi/"),
    ("Yellowstone", "/cities/huangshi/"),
])
def test_topics_and_metrics_are_found(page: Any, served_site: str, query: str, expected: str) -> None:
    shown = search(page, served_site, query)
    assert shown, query
    urls = page.evaluate(ALL_RESULTS, query)
    assert any(url.endswith(expected) for url in urls), urls


def result_count(page: Any) -> int:
    message = page.locator(".pagefind-ui__message").inner_text()
    match = re.match(r"(\d+) results?", message)
    assert match, message
    return int(match.group(1))


def test_a_filter_narrows_the_results(page: Any, served_site: str) -> None:
    search(page, served_site, "enterprises")
    unfiltered = result_count(page)
    page.get_by_text("province", exact=False).first.click()
    page.locator("label", has_text=re.compile(r"^\s*Sichuan")).first.click()
    page.wait_for_function(f"!document.querySelector('.pagefind-ui__message').innerText.startsWith('{unfiltered} ')")
    filtered = result_count(page)
    links = page.locator(RESULT_LINKS)
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    assert 0 < filtered < unfiltered
    assert all("neijiang" in href for href in hrefs), hrefs


def test_a_value_on_a_city_page_opens_its_highlighted_sentence(page: Any, served_site: str) -> None:
    page.goto(served_site + "cities/huangshi/")
    value = page.locator('[data-fact="huangshi-2022-07-18/12"] a.value')
    expected_quote = value.get_attribute("title") or ""
    value.click()
    page.wait_for_load_state()
    assert "/city-profiles/articles/huangshi-2022-07-18/#q-" in page.url
    target = page.locator(":target")
    assert target.evaluate("element => element.tagName") == "MARK"
    assert expected_quote.startswith(target.inner_text().strip())
    assert target.is_visible()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]  # type: ignore[index]


def test_pages_load_without_requests_outside_the_site(page: Any, served_site: str) -> None:
    outside: list[str] = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(
        served_site.split("/city-profiles/", maxsplit=1)[0]) else None)
    for path in ("", "cities/huangshi/", "compare/", "search/"):
        page.goto(served_site + path)
    assert outside == []
    assert (PROJECT_ROOT / "templates" / "static" / "search.js").is_file()

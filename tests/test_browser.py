"""In headless Chromium, against the real site served under a sub-path: search and provenance."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

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
    ("专利", "/metrics/patent_applications_cumulative/"),
    ("衡阳", "/cities/hengyang/"),
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
    article = (PROJECT_ROOT / "content/articles/huangshi-2022-07-18.md").read_text("utf-8")
    expected_quote = " ".join(yaml.safe_load(article.split("---\n")[1])["facts"][11]["quote"].split())
    page.goto(served_site + "cities/huangshi/")
    page.locator('[data-fact="huangshi-2022-07-18/12"] a.value').click()
    page.wait_for_load_state()
    assert "/city-profiles/articles/huangshi-2022-07-18/#q-" in page.url
    target = page.locator(":target")
    assert target.evaluate("element => element.tagName") == "MARK"
    assert expected_quote.startswith(" ".join(target.inner_text().split()))
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


SORT_FACTS = {"alpha": 478, "beta": 120, "gamma": 9}


@pytest.fixture
def sortable_site(fixture_content: Any, tmp_path: Any) -> Any:
    """The fixture site with values whose text order differs from their numeric order."""
    from builder.pipeline import build
    from tests.conftest import fixture_config, serve
    from tests.sitekit import write

    write(fixture_content, "articles/gamma-2022-01-01.md", """\
        ---
        title: Gamma counts nine
        publisher: Gamma Post
        published: 2022-01-01
        language: en
        source_file: gamma.txt
        cities:
          - gamma
        facts:
          - city: gamma
            metric: high_tech_enterprises
            value: 9
            year: 2021
            quote: "Gamma had 9 high-tech enterprises in 2021."
        ---
        Gamma had 9 high-tech enterprises in 2021.
        """)
    build(fixture_config(fixture_content, tmp_path / "site"))
    with serve(tmp_path / "site", tmp_path / "web") as url:
        yield url


def column_texts(page: Any, column: int) -> list[str]:
    return page.eval_on_selector_all(
        "table.ranking tbody tr", f"rows => rows.map(row => row.cells[{column}].innerText.trim())")


def test_a_column_sorts_by_number_not_by_text(page: Any, sortable_site: str) -> None:
    page.goto(sortable_site + "compare/high_tech_enterprises/")
    assert column_texts(page, 3)[:3] == ["478", "more than 120", "9"]  # the build's own order
    page.get_by_role("button", name="Sort by High-tech enterprises").click()
    assert column_texts(page, 3)[:3] == ["478", "more than 120", "9"]
    assert page.locator("th[aria-sort]").get_attribute("aria-sort") == "descending"
    page.get_by_role("button", name="Sort by High-tech enterprises").click()
    assert column_texts(page, 3)[:3] == ["9", "more than 120", "478"]
    page.get_by_role("button", name="Sort by City").click()
    assert [text.split()[0] for text in column_texts(page, 1)] == ["Alpha", "Beta", "Gamma"]


def test_the_overview_sorts_and_keeps_no_data_last(page: Any, served_site: str) -> None:
    page.goto(served_site + "compare/")
    page.get_by_role("button", name="Sort by Technology-based SMEs registered").click()
    page.get_by_role("button", name="Sort by Technology-based SMEs registered").click()
    cells = page.eval_on_selector_all(
        "table.overview tbody tr", "rows => rows.map(row => row.cells[4].dataset.sort)")
    filled = [float(value) for value in cells if value]
    assert filled == sorted(filled) and cells[len(filled):] == [""] * (len(cells) - len(filled))


def test_a_city_page_leads_to_its_side_by_side_comparison(page: Any, served_site: str) -> None:
    page.goto(served_site + "cities/hengyang/")
    page.get_by_role("link", name="Compare Hengyang with them side by side").click()
    assert page.url.endswith("/city-profiles/cities/hengyang/compare/")
    headers = page.eval_on_selector_all("table.overview thead th", "cells => cells.map(c => c.innerText)")
    assert headers[1].startswith("Hengyang") and len(headers) == 5


def test_keyboard_users_can_skip_to_the_content_and_see_focus(page: Any, served_site: str) -> None:
    page.goto(served_site + "cities/huangshi/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.className, document.activeElement.getBoundingClientRect().left]")
    assert focused[0] == "skip-link" and focused[1] >= 0  # on screen once focused
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    page.keyboard.press("Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_dark_mode_follows_the_system_and_print_drops_navigation(browser: Any, served_site: str) -> None:
    context = browser.new_context(color_scheme="dark")
    dark = context.new_page()
    dark.goto(served_site)
    background = dark.evaluate("() => getComputedStyle(document.documentElement).backgroundColor")
    assert background == "rgb(13, 17, 23)"
    dark.emulate_media(media="print")
    assert not dark.locator(".site-header nav").is_visible()
    context.close()


def test_crawling_the_served_site_reaches_every_page_with_no_broken_link(served_site: str,
                                                                         real_build: Any) -> None:
    import urllib.request
    from html.parser import HTMLParser
    from urllib.parse import urldefrag, urljoin

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.links: list[str] = []
            self.ids: set[str] = set()

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            attributes = dict(attrs)
            self.ids.update([attributes["id"]] if attributes.get("id") else [])
            for name in ("href", "src"):
                if attributes.get(name):
                    self.links.append(attributes[name] or "")

    pages: dict[str, Links] = {}
    queue, broken, anchors = [served_site], [], []
    while queue:
        url = queue.pop()
        if url in pages:
            continue
        with urllib.request.urlopen(url) as response:  # loopback only
            parser = Links()
            if "text/html" in response.headers.get("Content-Type", ""):
                parser.feed(response.read().decode("utf-8"))
        pages[url] = parser
        for link in parser.links:
            target, fragment = urldefrag(urljoin(url, link))
            if not target.startswith(served_site):
                assert not target.startswith(("http://127.0.0.1", "/")), (url, link)
                continue
            if fragment:
                anchors.append((url, target, fragment))
            if target not in pages and not target.startswith(served_site + "pagefind/"):
                try:
                    urllib.request.urlopen(target).close()
                    if target.endswith("/"):
                        queue.append(target)
                except OSError:
                    broken.append((url, link))
    assert broken == []
    assert [(url, fragment) for url, target, fragment in anchors if fragment not in pages[target].ids] == []
    site_dir, _ = real_build
    html_pages = [p for p in site_dir.rglob("index.html") if "pagefind" not in p.parts]
    assert len([url for url in pages if url.endswith("/")]) == len(html_pages)


def test_the_sorted_column_shows_it_is_sorted(page: Any, served_site: str) -> None:
    page.goto(served_site + "compare/high_tech_enterprises/")
    button = page.get_by_role("button", name="Sort by City")
    before = button.evaluate("element => getComputedStyle(element).backgroundColor")
    button.click()
    assert button.evaluate("element => getComputedStyle(element).backgroundColor") != before

"""text.py: quotes are found whitespace-insensitively and highlighted with their anchor."""

from __future__ import annotations

from builder.text import blocks, find_quote, quote_id, render_markdown, render_with_quotes

BODY = """First paragraph with *some emphasis* and a
line break inside it.

In 2021, there were 478 high -tech enterprises in the city.
"""


def test_a_quote_is_found_across_line_breaks_and_emphasis() -> None:
    span = find_quote(blocks(BODY), "with some   emphasis and a line break")
    assert span is not None and span.block == 0
    assert blocks(BODY)[0].text[span.start:span.end] == "with some emphasis and a\nline break"
    assert find_quote(blocks(BODY), "478 high-tech enterprises") is None  # verbatim: the space matters


def test_a_quote_never_spans_two_paragraphs() -> None:
    assert find_quote(blocks(BODY), "inside it. In 2021") is None


def test_highlighting_wraps_the_quote_and_anchors_it_once() -> None:
    quote = "emphasis and a line break"
    html = render_with_quotes(BODY, [quote, "there were 478"])
    assert html.count(f'id="{quote_id(quote)}"') == 1
    assert '<em>some <mark class="quote"' in html  # a mark never crosses the <em> boundary
    assert f'<mark class="quote" id="{quote_id("there were 478")}">there were 478</mark>' in html


def test_quote_ids_ignore_whitespace_and_differ_by_words() -> None:
    assert quote_id("a  b\nc") == quote_id("a b c")
    assert quote_id("a b c") != quote_id("a b d")


def test_raw_html_and_unsafe_links_are_not_rendered() -> None:
    html = render_markdown('<script>alert(1)</script> [x](javascript:alert(1)) [y](data:text/html,hi) '
                           '<img src=x onerror=alert(1)> [ok](https://example.org/)')
    assert "<script" not in html and "<img" not in html
    assert 'href="javascript:' not in html and 'href="data:' not in html
    assert '<a href="https://example.org/">ok</a>' in html

"""Small fixture sites built end to end: reports that disagree, no-data cities, escaping, sub-paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.errors import BuildFailed
from builder.pipeline import build
from tests.conftest import fixture_config
from tests.htmlkit import parse
from tests.sitekit import write

LATER_ALPHA = """\
---
title: Alpha revises its count
publisher: Alpha Evening
published: 2022-09-01
language: en
source_file: alpha-2.txt
cities:
  - alpha
facts:
  - city: alpha
    metric: high_tech_enterprises
    value: 500
    year: 2021
    quote: "Alpha had 500 high-tech enterprises in 2021."
---
Alpha had 500 high-tech enterprises in 2021.
"""


def test_two_reports_of_one_figure_are_both_shown_newest_first(fixture_content: Path, tmp_path: Path) -> None:
    write(fixture_content, "articles/alpha-2022-09-01.md", LATER_ALPHA)
    out = tmp_path / "site"
    build(fixture_config(fixture_content, out))
    metric_page = (out / "metrics/high_tech_enterprises/index.html").read_text("utf-8")
    newer = metric_page.index('data-fact="alpha-2022-09-01/1"')
    older = metric_page.index('data-fact="alpha-2022-07-01/1"')
    assert newer < older
    city = parse(out / "cities/alpha/index.html")
    assert "500" in city.fact_text["alpha-2022-09-01/1"] and "478" in city.fact_text["alpha-2022-07-01/1"]
    assert city.id_text["fact-alpha-2022-07-01-1"].count("Earlier report") == 1
    assert "Earlier report" not in city.id_text["fact-alpha-2022-09-01-1"]
    ranking = parse(out / "compare/high_tech_enterprises/index.html")
    assert "alpha-2022-09-01/1" in ranking.fact_text and "alpha-2022-07-01/1" not in ranking.fact_text
    records = {r["id"]: r for r in json.loads((out / "data/facts.json").read_text("utf-8"))}
    assert records["alpha-2022-07-01/1"]["earlier_report"] is True
    assert records["alpha-2022-09-01/1"]["earlier_report"] is False


def test_rankings_keep_cities_without_data_and_show_qualifiers(fixture_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(fixture_config(fixture_content, out))
    text = parse(out / "compare/high_tech_enterprises/index.html").text
    assert text.index("Alpha") < text.index("Beta") < text.index("Gamma")
    assert "more than 120" in text and "2020" in text and "2021" in text
    assert "Gamma 伽马市 prefecture-level city no data" in text
    assert "different years (2020 to 2021)" in text


def test_values_are_readable_and_designations_are_dated(fixture_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(fixture_config(fixture_content, out))
    city = parse(out / "cities/alpha/index.html")
    assert city.fact_text["alpha-2022-07-01/2"].strip() == "3 billion yuan"
    assert city.fact_text["alpha-2022-07-01/3"].strip() == "January 2022"
    records = {r["id"]: r for r in json.loads((out / "data/facts.json").read_text("utf-8"))}
    assert records["alpha-2022-07-01/2"]["value"] == 3_000_000_000
    assert records["alpha-2022-07-01/2"]["reported_unit"] == "billion yuan"


def test_special_characters_are_escaped(fixture_content: Path, tmp_path: Path) -> None:
    article = fixture_content / "articles/beta-2021-03-02.md"
    text = article.read_text("utf-8").replace("title: Beta counts its enterprises",
                                              """title: 'R&D <5% of "GDP" in Beta'""")
    write(fixture_content, "articles/beta-2021-03-02.md", text + "\nA & B < C > D \"E\"\n")
    out = tmp_path / "site"
    build(fixture_config(fixture_content, out))
    html = (out / "articles/beta-2021-03-02/index.html").read_text("utf-8")
    assert "<title>R&amp;D &lt;5% of &#34;GDP&#34; in Beta" in html
    assert "<p>A &amp; B &lt; C &gt; D &quot;E&quot;</p>" in html


def test_hostile_content_is_refused_and_nothing_is_written(fixture_content: Path, tmp_path: Path) -> None:
    article = fixture_content / "articles/beta-2021-03-02.md"
    text = article.read_text("utf-8").replace("title: Beta counts its enterprises",
                                              'title: "<script>alert(1)</script> Beta"')
    write(fixture_content, "articles/beta-2021-03-02.md",
          text + "\n<img src=x onerror=alert(1)> [click](javascript:alert(1))\n")
    out = tmp_path / "site"
    with pytest.raises(BuildFailed) as failure:
        build(fixture_config(fixture_content, out))
    assert [str(p).split(": ", 1)[1].split(" (")[0] for p in failure.value.problems] == [
        "title: HTML is not allowed here",
        "raw HTML is not allowed in the text",
        "the link 'javascript:alert(1)' is not allowed: only http(s), mailto and relative links are",
    ]
    assert not out.exists()


def test_links_are_relative_and_the_404_page_uses_the_base_path(fixture_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(fixture_config(fixture_content, out, base_url="https://example.org/repo-name/"))
    city = parse(out / "cities/alpha/index.html")
    assert all(not link.startswith("/") for link in city.links)
    assert 'href="/repo-name/assets/site.css"' in (out / "404.html").read_text("utf-8")
    records = json.loads((out / "data/facts.json").read_text("utf-8"))
    assert records[0]["quote_url"].startswith("https://example.org/repo-name/articles/")

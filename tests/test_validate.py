"""validate.py: every problem is found at once and located at the offending key or value."""

from __future__ import annotations

from pathlib import Path

from builder.load import load_content
from builder.validate import validate
from tests.sitekit import write

ARTICLE = "articles/alpha-2022-07-01.md"


def problems(content: Path, severity: str = "error") -> list[str]:
    loaded = load_content(content)
    return [str(problem) for problem in loaded.errors + validate(loaded.docs) if problem.severity == severity]


def edit(content: Path, relative: str, old: str, new: str) -> None:
    text = (content / relative).read_text(encoding="utf-8")
    assert old in text
    write(content, relative, text.replace(old, new, 1))


def test_the_fixture_site_is_valid_and_warns_of_a_city_without_facts(fixture_content: Path) -> None:
    assert problems(fixture_content) == []
    assert problems(fixture_content, "warning") == [
        "content/cities/gamma.md:1:1: no fact is about gamma (add facts about it from an article, "
        "or remove the city) [warning]"]


def test_every_problem_is_reported_with_its_place(fixture_content: Path) -> None:
    edit(fixture_content, ARTICLE, "value: 478", "value: lots")
    edit(fixture_content, ARTICLE, "metric: rd_spending", "metric: rd_spendin")
    edit(fixture_content, ARTICLE, "city: alpha\n    metric: national", "city: alfa\n    metric: national")
    edit(fixture_content, ARTICLE, "publisher: Alpha Daily", "publisher: Alpha Daily\npublsher: x")
    assert problems(fixture_content) == [
        "content/articles/alpha-2022-07-01.md:4:1: publsher: unknown key 'publsher' (did you mean 'publisher'?)",
        "content/articles/alpha-2022-07-01.md:13:12: facts[0].value: expected a number, got 'lots' "
        "(write digits only, e.g. 478 or 193.8)",
        "content/articles/alpha-2022-07-01.md:17:13: facts[1].metric: no metric 'rd_spendin' "
        "(did you mean 'rd_spending'?)",
        "content/articles/alpha-2022-07-01.md:22:11: facts[2].city: no city 'alfa' (did you mean 'alpha'?)",
    ]


def test_a_unit_must_convert_to_the_metrics_unit(fixture_content: Path) -> None:
    edit(fixture_content, ARTICLE, "unit: billion yuan", "unit: billion dollars")
    assert problems(fixture_content) == [
        "content/articles/alpha-2022-07-01.md:18:11: facts[1].unit: 'billion dollars' does not convert to CNY, "
        "the unit of rd_spending (did you mean 'billion yuan'?)"]


def test_a_quote_must_be_in_the_body(fixture_content: Path) -> None:
    edit(fixture_content, ARTICLE, '"R&D spending reached 3 billion yuan."', '"R&D spending reached 4 billion yuan."')
    assert problems(fixture_content) == [
        "content/articles/alpha-2022-07-01.md:20:12: facts[1].quote: not found in the article body "
        "(copy the passage exactly from one paragraph of the text below the front matter)"]


def test_designations_take_a_date_and_no_value(fixture_content: Path) -> None:
    edit(fixture_content, ARTICLE, "    date: 2022-01\n", "    value: 1\n")
    found = problems(fixture_content)
    assert found == [
        "content/articles/alpha-2022-07-01.md:21:5: facts[2]: give a year or a date (add `year: 2021` (the year "
        "the figure refers to) or `date: 2018-04`)",
        "content/articles/alpha-2022-07-01.md:23:12: facts[2].value: 'national_innovative_city' is a designation, "
        "which has a date but no value (remove the value line)",
    ]


def test_missing_keys_and_wrong_types_in_a_city(fixture_content: Path) -> None:
    write(fixture_content, "cities/delta.md", "---\nname: Delta\nname_zh: 德尔塔市\nprovince: no\n"
                                             "level: town\nparent: zeta\n---\n")
    assert problems(fixture_content) == [
        "content/cities/delta.md:2:1: missing required key 'province_zh' (add `province_zh:`; "
        "see docs/content-format.md)",
        "content/cities/delta.md:4:11: province: expected text, got false (YAML reads yes/no/on/off/true/false "
        "as true or false) (put the text in quotes)",
        "content/cities/delta.md:5:8: level: expected one of prefecture-level city, county-level city, county, "
        "district; got 'town' (pick one of these)",
        "content/cities/delta.md:6:9: parent: no other city has the slug 'zeta' (did you mean 'beta'?)",
    ]


def test_registry_references_are_checked(fixture_content: Path) -> None:
    edit(fixture_content, "metrics.yaml", "    theme: enterprises\n    unit: count",
         "    theme: enterprise\n    unit: counts")
    assert problems(fixture_content) == [
        "content/metrics.yaml:23:12: metrics[0].theme: no theme 'enterprise' (did you mean 'enterprises'?)",
        "content/metrics.yaml:24:11: metrics[0].unit: no unit 'counts' (did you mean 'count'?)",
    ]


def test_links_from_content_must_be_web_urls(fixture_content: Path) -> None:
    edit(fixture_content, ARTICLE, "source_file: alpha.txt", "source_file: alpha.txt\nsource_url: javascript:alert(1)")
    edit(fixture_content, "site.yaml", "base_url: https://example.org/profiles/", "base_url: /profiles/")
    assert problems(fixture_content) == [
        "content/articles/alpha-2022-07-01.md:7:13: source_url: expected an absolute URL starting with https:// "
        "or http://, got 'javascript:alert(1)' (copy the full address from the browser)",
        "content/site.yaml:3:11: base_url: expected an absolute URL starting with https:// or http://, "
        "got '/profiles/' (copy the full address from the browser)",
    ]

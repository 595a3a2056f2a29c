"""The keys each kind of content mapping takes, and the checks of their types."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from difflib import get_close_matches
from typing import Any

from builder.errors import SourceError
from builder.load import RawDoc
from builder.yamlread import KeyPath

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
IDENTIFIER = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
WEB_URL = re.compile(r"^https?://[^/\s]+", re.IGNORECASE)
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MIN_YEAR, MAX_YEAR = 1900, 2100

LEVELS = ("prefecture-level city", "county-level city", "county", "district")
KINDS = ("stock", "flow", "growth", "share", "rank", "designation")
QUALIFIERS = ("approx", "nearly", "more than", "at least", "less than", "by", "expected")

Problem = tuple[str, str]  # what is wrong, how to fix it
Check = Callable[[Any], "Problem | None"]


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes/no/on/off/true/false as true or false)"
    if isinstance(value, (int, Decimal, float)):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a mapping"
    if value is None:
        return "nothing"
    return repr(value)


def text(value: Any) -> Problem | None:
    if isinstance(value, str) and value.strip():
        return None
    return f"expected text, got {_describe(value)}", "put the text in quotes"


def label_text(value: Any) -> Problem | None:
    """Text that may be empty, such as the label of a unit shown without a word ("478")."""
    return None if isinstance(value, str) else text(value)


def number(value: Any) -> Problem | None:
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        finite = value.is_finite() if isinstance(value, Decimal) else True
        return None if finite else ("expected a finite number", "write digits only, e.g. 478 or 193.8")
    if isinstance(value, str) and re.fullmatch(r"[-+]?\d+(\.\d+)?[eE][-+]?\d+", value.strip()):
        return f"YAML reads {value} as text, not a number", "write the number in full, e.g. 1000 for 1e3"
    if isinstance(value, str) and re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", value.strip()):
        return f"expected a number, got {value!r}", f"write it without thousands separators: {value.replace(',', '')}"
    return f"expected a number, got {_describe(value)}", "write digits only, e.g. 478 or 193.8"


def boolean(value: Any) -> Problem | None:
    return None if isinstance(value, bool) else (f"expected true or false, got {_describe(value)}",
                                                 "write true or false")


def year(value: Any) -> Problem | None:
    if isinstance(value, int) and not isinstance(value, bool) and MIN_YEAR <= value <= MAX_YEAR:
        return None
    return (f"expected a year between {MIN_YEAR} and {MAX_YEAR}, got {_describe(value)}",
            "write the year in four digits, e.g. 2021")


def partial_date(value: Any) -> Problem | None:
    """A date as YYYY, YYYY-MM or YYYY-MM-DD."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return year(value.year)
    if isinstance(value, int) and not isinstance(value, bool):
        return year(value)
    match = PARTIAL_DATE.match(value) if isinstance(value, str) else None
    if match:
        y, m, d = (int(part) if part else 1 for part in match.groups())
        try:
            dt.date(y, m, d)
        except ValueError:
            return f"'{value}' is not a calendar date", "check the month and the day"
        return year(y)
    return (f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {_describe(value)}",
            "write e.g. 2018-04 for April 2018")


def full_date(value: Any) -> Problem | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return year(value.year)
    return f"expected a date as YYYY-MM-DD, got {_describe(value)}", "write e.g. 2022-07-18, without quotes"


def slug(value: Any) -> Problem | None:
    if isinstance(value, str) and SLUG.match(value):
        return None
    return (f"expected a slug (lower-case letters, digits and hyphens), got {_describe(value)}",
            "use the file name without .md, e.g. huangshi")


def identifier(value: Any) -> Problem | None:
    if isinstance(value, str) and IDENTIFIER.match(value):
        return None
    return (f"expected a snake_case id, got {_describe(value)}",
            "use lower-case words joined by underscores, e.g. high_tech_enterprises")


def web_url(value: Any) -> Problem | None:
    """An absolute http(s) URL: nothing else may become a link (no javascript: or data:)."""
    if isinstance(value, str) and WEB_URL.match(value) and not any(char.isspace() for char in value):
        return None
    return (f"expected an absolute URL starting with https:// or http://, got {_describe(value)}",
            "copy the full address from the browser")


def one_of(choices: tuple[str, ...]) -> Check:
    def check(value: Any) -> Problem | None:
        if value in choices:
            return None
        hint = suggest(str(value), choices) if isinstance(value, str) else ""
        return f"expected one of {', '.join(choices)}; got {_describe(value)}", hint or "pick one of these"
    check.choices = choices  # type: ignore[attr-defined]
    return check


def list_of(item: Check) -> Check:
    def check(value: Any) -> Problem | None:
        if not isinstance(value, list):
            return f"expected a list, got {_describe(value)}", "write one item per line starting with '- '"
        return None
    check.item = item  # type: ignore[attr-defined]
    return check


def mapping(value: Any) -> Problem | None:
    if isinstance(value, dict):
        return None
    return f"expected a mapping of keys to values, got {_describe(value)}", "write `key: value` lines, indented"


@dataclass(frozen=True)
class Field:
    """One key of a content mapping: its name, its check, and whether it must be present."""

    name: str
    check: Check
    required: bool = True


SITE = (Field("title", text), Field("description", text), Field("base_url", web_url), Field("language", text))
METRICS_FILE = (Field("themes", list_of(mapping)), Field("units", list_of(mapping)), Field("metrics", list_of(mapping)))
THEME = (Field("id", identifier), Field("label", text), Field("label_zh", text, required=False))
UNIT = (Field("id", text), Field("label", label_text),
        Field("from", mapping, required=False))
METRIC = (
    Field("id", identifier), Field("label", text), Field("label_zh", text, required=False), Field("theme", identifier),
    Field("unit", text, required=False), Field("kind", one_of(KINDS)), Field("definition", text),
    Field("higher_is_better", boolean), Field("comparable", boolean),
)
COORDINATES = (Field("lat", number), Field("lon", number))
CITY = (
    Field("name", text), Field("name_zh", text), Field("province", text), Field("province_zh", text),
    Field("level", one_of(LEVELS)), Field("parent", slug, required=False),
    Field("coordinates", mapping, required=False), Field("aliases", list_of(text), required=False),
)
ARTICLE = (
    Field("title", text), Field("publisher", text), Field("published", full_date), Field("language", text),
    Field("original_language", text, required=False), Field("source_file", text),
    Field("source_url", web_url, required=False), Field("cities", list_of(slug)), Field("facts", list_of(mapping)),
)
FACT = (
    Field("city", slug), Field("metric", identifier), Field("value", number, required=False),
    Field("unit", text, required=False), Field("year", year, required=False),
    Field("date", partial_date, required=False), Field("qualifier", one_of(QUALIFIERS), required=False),
    Field("scope", text, required=False), Field("note", text, required=False), Field("quote", text),
)


def suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """A 'did you mean' hint for a misspelt name, or an empty string."""
    close = get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def label(path: KeyPath) -> str:
    """A key path as a reader writes it: ("facts", 3, "value") -> facts[3].value."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def check_mapping(doc: RawDoc, path: KeyPath, data: dict[str, Any], fields: tuple[Field, ...]) -> list[SourceError]:
    """Unknown keys, missing required keys, and values of the wrong type in one mapping."""
    errors: list[SourceError] = []
    names = [field.name for field in fields]
    for key in data:
        if key not in names:
            hint = suggest(key, names) or f"the keys allowed here are: {', '.join(names)}"
            errors.append(doc.error((*path, key), f"{label((*path, key))}: unknown key '{key}'", hint, at_key=True))
    for field in fields:
        if field.name not in data:
            if field.required:
                prefix = f"{label(path)}: " if path else ""
                errors.append(doc.error(path, f"{prefix}missing required key '{field.name}'",
                                        f"add `{field.name}:`; see docs/content-format.md"))
            continue
        value = data[field.name]
        problem = field.check(value)
        if problem:
            errors.append(doc.error((*path, field.name), f"{label((*path, field.name))}: {problem[0]}", problem[1]))
            continue
        item_check = getattr(field.check, "item", None)
        if item_check is not None:
            for index, item in enumerate(value):
                item_problem = item_check(item)
                if item_problem:
                    where = (*path, field.name, index)
                    errors.append(doc.error(where, f"{label(where)}: {item_problem[0]}", item_problem[1]))
    return errors

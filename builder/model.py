"""The site's data: themes, units, metrics, cities, articles and their facts. No I/O, no HTML."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction


@dataclass(frozen=True)
class Theme:
    """A group of metrics shown together on a city page."""

    id: str
    label: str
    label_zh: str | None


@dataclass(frozen=True)
class Unit:
    """A canonical unit, its display label, and the declared units that convert to it."""

    id: str
    label: str
    factors: dict[str, Fraction]


@dataclass(frozen=True)
class Metric:
    """What is counted, in which unit, and how cities compare on it."""

    id: str
    label: str
    label_zh: str | None  # the usual Chinese term, so readers can search in Chinese
    theme: str
    unit: str | None
    kind: str
    definition: str
    higher_is_better: bool
    comparable: bool

    @property
    def is_designation(self) -> bool:
        return self.kind == "designation"


@dataclass(frozen=True)
class City:
    """A city or county: its identity, and a short Markdown description."""

    slug: str
    name: str
    name_zh: str
    province: str
    province_zh: str
    level: str
    parent: str | None
    coordinates: tuple[Decimal, Decimal] | None
    aliases: tuple[str, ...]
    body: str


@dataclass(frozen=True)
class Fact:
    """One figure or designation about one city, as one article states it."""

    id: str  # "<article slug>/<position in the article's facts, from 1>"
    article: str
    position: int
    city: str
    metric: str
    value: Decimal | None  # in the metric's canonical unit; None for designations
    reported_value: Decimal | None  # as written in the article
    reported_unit: str | None  # as written, when it differs from the canonical unit
    year: int
    date: str | None  # YYYY, YYYY-MM or YYYY-MM-DD when the article gives it
    qualifier: str | None
    scope: str | None
    note: str | None
    quote: str
    quote_id: str


@dataclass(frozen=True)
class Article:
    """A source article: its metadata, its cleaned text, and the facts taken from it."""

    slug: str
    title: str
    publisher: str
    published: dt.date
    language: str
    original_language: str | None
    source_file: str
    source_url: str | None
    cities: tuple[str, ...]
    facts: tuple[Fact, ...]
    body: str


@dataclass(frozen=True)
class Site:
    """Everything the pages are made from, with lookups by id and slug."""

    title: str
    description: str
    base_url: str
    language: str
    themes: tuple[Theme, ...]
    units: dict[str, Unit]
    metrics: dict[str, Metric]  # in registry order
    cities: dict[str, City]  # sorted by name
    articles: dict[str, Article]  # newest first
    facts: tuple[Fact, ...]  # in article order, newest article first
    facts_by_city: dict[str, tuple[Fact, ...]]  # every city has an entry, maybe empty
    facts_by_metric: dict[str, tuple[Fact, ...]]  # every metric has an entry, maybe empty
    earlier_reports: frozenset[str] = frozenset()  # ids of facts a newer article contradicts

"""The context each template receives: one dataclass per template, documented field by field.

A template's variables are exactly its context's fields (tests/test_templates.py holds
the templates to that). Every context extends Layout, which base.html uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from builder.charts import LineChart, Timeline
from builder.views import ArticleLink, CityLink, FactView, MetricLink, Ranking


@dataclass(frozen=True)
class Layout:
    """What every page shows around its content (base.html)."""

    site_title: str
    title: str  # the page's own title, used in <title> and <h1>
    description: str  # one sentence for the meta description
    root: str  # relative path from this page to the site root: "", "../", "../../"
    section: str  # which main navigation entry is current
    language: str
    indexed: bool  # whether Pagefind indexes this page's main content
    canonical_url: str  # the page's absolute URL on the published site
    og_type: str  # Open Graph type: "website", or "article" for source articles
    structured_data: Markup  # schema.org JSON-LD for this page, or empty


@dataclass(frozen=True)
class HomePage(Layout):
    """home.html: what the site is, the cities, the latest articles, a headline comparison."""

    intro: str
    cities: tuple[CityLink, ...]
    articles: tuple[ArticleLink, ...]
    headline: Ranking | None
    fact_count: int


@dataclass(frozen=True)
class CitiesPage(Layout):
    """cities.html: every city with its province, level and number of facts."""

    cities: tuple[CityLink, ...]


@dataclass(frozen=True)
class ThemeGroup:
    """The facts of one theme on a city page."""

    label: str
    facts: tuple[FactView, ...]


@dataclass(frozen=True)
class CityPage(Layout):
    """city.html: identity, designations timeline, key figures, every fact by theme."""

    city: CityLink
    province_zh: str
    parent: CityLink | None
    parts: tuple[CityLink, ...]  # cities whose parent this is
    aliases: tuple[str, ...]
    about_html: Markup
    designations: tuple[FactView, ...]  # oldest first
    timeline: Timeline | None  # the designations drawn along the years
    key_figures: tuple[FactView, ...]
    trends: tuple[LineChart, ...]  # metrics with figures for several years
    themes: tuple[ThemeGroup, ...]
    articles: tuple[ArticleLink, ...]
    peers: tuple[CityLink, ...]  # the cities most like this one, compared on its compare page
    compare_url: str  # relative to the root; empty when the city has no peers


@dataclass(frozen=True)
class CompareRow:
    """One comparable metric across the cities of a side-by-side comparison."""

    metric: MetricLink
    cells: tuple[FactView | None, ...]


@dataclass(frozen=True)
class PeersPage(Layout):
    """peers.html: a city side by side with its nearest peers on every comparable metric."""

    city: CityLink
    cities: tuple[CityLink, ...]  # the city first, then its peers
    rows: tuple[CompareRow, ...]  # only metrics on which at least one of them has a figure


@dataclass(frozen=True)
class ArticlesPage(Layout):
    """articles.html: every source article, newest first."""

    articles: tuple[ArticleLink, ...]


@dataclass(frozen=True)
class ArticlePage(Layout):
    """article.html: metadata, the text with every quote highlighted, the facts taken from it."""

    article: ArticleLink
    language_name: str
    original_language_name: str
    source_file: str
    source_url: str
    cities: tuple[CityLink, ...]
    provinces: tuple[str, ...]  # of the cities covered, each once, for the search filter
    body_html: Markup
    facts: tuple[FactView, ...]


@dataclass(frozen=True)
class OverviewRow:
    """One city's row of the overview table: a cell per comparable metric, None for no data."""

    city: CityLink
    cells: tuple[FactView | None, ...]


@dataclass(frozen=True)
class ComparePage(Layout):
    """compare.html: cities x comparable metrics, the latest whole-city value of each."""

    columns: tuple[MetricLink, ...]
    rows: tuple[OverviewRow, ...]


@dataclass(frozen=True)
class RankingPage(Layout):
    """ranking.html: one comparable metric, every city in order, no-data cities last."""

    ranking: Ranking


@dataclass(frozen=True)
class MetricGroup:
    """The metrics of one theme on the metrics page."""

    label: str
    metrics: tuple[MetricLink, ...]


@dataclass(frozen=True)
class MetricsPage(Layout):
    """metrics.html: the registry, by theme."""

    groups: tuple[MetricGroup, ...]


@dataclass(frozen=True)
class MetricPage(Layout):
    """metric.html: a metric's definition and unit, and every fact reported for it."""

    metric: MetricLink
    definition: str
    kind: str
    facts: tuple[FactView, ...]


@dataclass(frozen=True)
class DataPage(Layout):
    """data.html: the downloads and what each field means."""

    fact_count: int



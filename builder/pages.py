"""Every page of the site: its output path, its template, and the one context it is given.

Each template receives exactly one of the context dataclasses below; their fields are
the template's variables (a test holds the templates to that).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup

from builder import compare, display
from builder.model import Site
from builder.text import render_markdown, render_with_quotes
from builder.views import ArticleLink, CityLink, FactView, MetricLink, Ranking, Views

LATEST_ARTICLES_ON_HOME = 5


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
    key_figures: tuple[FactView, ...]
    themes: tuple[ThemeGroup, ...]
    articles: tuple[ArticleLink, ...]


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


@dataclass(frozen=True)
class Page:
    """One HTML file to write."""

    path: str
    template: str
    context: Layout


def _root(path: str) -> str:
    return "../" * path.count("/")


def pages(site: Site) -> list[Page]:
    """Every HTML page of the site, in a stable order."""
    return list(_pages(site, Views(site)))


def _pages(site: Site, views: Views) -> Iterator[Page]:
    def layout(path: str, title: str, description: str, section: str, indexed: bool = False) -> dict[str, object]:
        return {"site_title": site.title, "title": title, "description": description, "root": _root(path),
                "section": section, "language": site.language, "indexed": indexed}

    cities = tuple(views.cities.values())
    articles = tuple(views.articles.values())
    headline = compare.headline_metric(site, views.earlier)
    yield Page("index.html", "home.html", HomePage(
        **layout("index.html", site.title, site.description, "home"), intro=site.description, cities=cities,
        articles=articles[:LATEST_ARTICLES_ON_HOME], headline=views.ranking(headline) if headline else None,
        fact_count=len(site.facts)))
    yield Page("cities/index.html", "cities.html", CitiesPage(
        **layout("cities/index.html", "Cities", "Every city with facts on this site.", "cities"), cities=cities))
    for city in site.cities.values():
        yield _city_page(site, views, city.slug, layout)
    yield Page("articles/index.html", "articles.html", ArticlesPage(
        **layout("articles/index.html", "Source articles", "The news articles every figure comes from.",
                 "articles"), articles=articles))
    for article in site.articles.values():
        path = f"articles/{article.slug}/index.html"
        yield Page(path, "article.html", ArticlePage(
            **layout(path, article.title, f"{article.publisher}, {display.long_date(article.published)}.",
                     "articles", indexed=True),
            article=views.articles[article.slug], language_name=display.language_name(article.language),
            original_language_name=display.language_name(article.original_language),
            source_file=article.source_file, source_url=article.source_url or "",
            cities=tuple(views.cities[slug] for slug in article.cities),
            provinces=tuple(sorted({views.cities[slug].province for slug in article.cities})),
            body_html=Markup(render_with_quotes(article.body, [fact.quote for fact in article.facts])),
            facts=tuple(views.facts[fact.id] for fact in article.facts)))
    comparable = [metric for metric in site.metrics.values() if metric.comparable]
    yield Page("compare/index.html", "compare.html", ComparePage(
        **layout("compare/index.html", "Compare cities", "Cities side by side on every comparable metric.",
                 "compare", indexed=True),
        columns=tuple(views.metrics[metric.id] for metric in comparable),
        rows=tuple(OverviewRow(views.cities[slug], tuple(
            _cell(views, compare.headline(site, slug, metric.id, views.earlier)) for metric in comparable))
            for slug in site.cities)))
    for metric in comparable:
        path = f"compare/{metric.id}/index.html"
        yield Page(path, "ranking.html", RankingPage(
            **layout(path, f"Ranking: {metric.label}", metric.definition, "compare", indexed=True),
            ranking=views.ranking(metric)))
    yield Page("metrics/index.html", "metrics.html", MetricsPage(
        **layout("metrics/index.html", "Metrics", "What each figure on this site counts.", "metrics"),
        groups=tuple(MetricGroup(theme.label, tuple(views.metrics[m.id] for m in site.metrics.values()
                                                    if m.theme == theme.id)) for theme in site.themes)))
    for metric in site.metrics.values():
        path = f"metrics/{metric.id}/index.html"
        yield Page(path, "metric.html", MetricPage(
            **layout(path, metric.label, metric.definition, "metrics", indexed=True),
            metric=views.metrics[metric.id], definition=metric.definition,
            kind=display.KIND_LABELS[metric.kind], facts=views.ordered(site.facts_by_metric[metric.id])))
    yield Page("data/index.html", "data.html", DataPage(
        **layout("data/index.html", "Download the data", "Every fact as CSV and JSON.", "data"),
        fact_count=len(site.facts)))
    yield Page("search/index.html", "search.html", Layout(
        **layout("search/index.html", "Search", "Search cities, articles and metrics.", "search")))
    not_found = Layout(**{**layout("404.html", "Page not found", "There is no page at this address.", ""),
                          "root": urlsplit(site.base_url).path or "/"})
    yield Page("404.html", "404.html", not_found)


def _cell(views: Views, fact: object) -> FactView | None:
    return views.facts[fact.id] if fact is not None else None  # type: ignore[attr-defined]


def _city_page(site: Site, views: Views, slug: str, layout: object) -> Page:
    city = site.cities[slug]
    path = f"cities/{slug}/index.html"
    facts = site.facts_by_city[slug]
    designations = sorted((fact for fact in facts if site.metrics[fact.metric].is_designation),
                          key=lambda fact: (fact.date or str(fact.year), fact.id))
    themes = []
    for theme in site.themes:
        in_theme = [fact for metric in site.metrics.values() if metric.theme == theme.id
                    and not metric.is_designation for fact in views.ordered(
                        [f for f in facts if f.metric == metric.id])]
        if in_theme:
            themes.append(ThemeGroup(theme.label, tuple(in_theme)))
    key_figures = [compare.headline(site, slug, metric.id, views.earlier)
                   for metric in site.metrics.values() if metric.comparable]
    article_slugs = {fact.article for fact in facts} | {a.slug for a in site.articles.values() if slug in a.cities}
    return Page(path, "city.html", CityPage(
        **layout(path, city.name, f"{city.name} ({city.name_zh}), {city.level} in {city.province}: "  # type: ignore[operator]
                 "innovation facts with their sources.", "cities", True),
        city=views.cities[slug], province_zh=city.province_zh,
        parent=views.cities[city.parent] if city.parent else None,
        parts=tuple(views.cities[other.slug] for other in site.cities.values() if other.parent == slug),
        aliases=city.aliases, about_html=Markup(render_markdown(city.body)),
        designations=tuple(views.facts[fact.id] for fact in designations),
        key_figures=tuple(views.facts[fact.id] for fact in key_figures if fact is not None),
        themes=tuple(themes),
        articles=tuple(link for article_slug, link in views.articles.items() if article_slug in article_slugs)))

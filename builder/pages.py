"""Every page of the site: its output path, its template, and the context it is given."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypedDict
from urllib.parse import urlsplit

from markupsafe import Markup

from builder import charts, compare, display, sharing
from builder.contexts import (
    ArticlePage,
    ArticlesPage,
    CitiesPage,
    CityPage,
    ComparePage,
    CompareRow,
    DataPage,
    HomePage,
    Layout,
    MetricGroup,
    MetricPage,
    MetricsPage,
    OverviewRow,
    PeersPage,
    RankingPage,
    ThemeGroup,
)
from builder.model import Fact, Site
from builder.text import render_markdown, render_with_quotes
from builder.views import FactView, Views

LATEST_ARTICLES_ON_HOME = 5
NO_DATA = Markup("")


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


class LayoutFields(TypedDict):
    """The Layout fields every context is constructed with."""

    site_title: str
    title: str
    description: str
    root: str
    section: str
    language: str
    indexed: bool
    canonical_url: str
    og_type: str
    structured_data: Markup


def _layout(site: Site, path: str, title: str, description: str, section: str, *, indexed: bool = False,
            og_type: str = "website", structured_data: Markup = NO_DATA) -> LayoutFields:
    return LayoutFields(site_title=site.title, title=title, description=description, root=_root(path),
                        section=section, language=site.language, indexed=indexed,
                        canonical_url=site.base_url + sharing.page_url(path), og_type=og_type,
                        structured_data=structured_data)


def _pages(site: Site, views: Views) -> Iterator[Page]:

    cities = tuple(views.cities.values())
    articles = tuple(views.articles.values())
    headline = compare.headline_metric(site, views.earlier)
    yield Page("index.html", "home.html", HomePage(
        **_layout(site, "index.html", site.title, site.description, "home", structured_data=sharing.website(site)),
        intro=site.description, cities=cities,
        articles=articles[:LATEST_ARTICLES_ON_HOME], headline=views.ranking(headline) if headline else None,
        fact_count=len(site.facts)))
    yield Page("cities/index.html", "cities.html", CitiesPage(
        **_layout(site, "cities/index.html", "Cities", "Every city with facts on this site.", "cities"), cities=cities))
    parts: dict[str, list[str]] = defaultdict(list)
    articles_about: dict[str, set[str]] = defaultdict(set)
    for city in site.cities.values():
        if city.parent:
            parts[city.parent].append(city.slug)
    for article in site.articles.values():
        for slug in {*article.cities, *(fact.city for fact in article.facts)}:
            articles_about[slug].add(article.slug)
    for city in site.cities.values():
        yield _city_page(site, views, city.slug, parts[city.slug], articles_about[city.slug])
        peers_page = _peers_page(site, views, city.slug)
        if peers_page is not None:
            yield peers_page
    yield Page("articles/index.html", "articles.html", ArticlesPage(
        **_layout(site, "articles/index.html", "Source articles", "The news articles every figure comes from.",
                 "articles"), articles=articles))
    for article in site.articles.values():
        path = f"articles/{article.slug}/index.html"
        yield Page(path, "article.html", ArticlePage(
            **_layout(site, path, article.title, f"{article.publisher}, {display.long_date(article.published)}.",
                      "articles", indexed=True, og_type="article",
                      structured_data=sharing.news_article(site, article)),
            article=views.articles[article.slug], language_name=display.language_name(article.language),
            original_language_name=display.language_name(article.original_language),
            source_file=article.source_file, source_url=article.source_url or "",
            cities=tuple(views.cities[slug] for slug in article.cities),
            provinces=tuple(sorted({views.cities[slug].province for slug in article.cities})),
            body_html=Markup(render_with_quotes(article.body, [fact.quote for fact in article.facts])),
            facts=tuple(views.facts[fact.id] for fact in article.facts)))
    comparable = [metric for metric in site.metrics.values() if metric.comparable]
    yield Page("compare/index.html", "compare.html", ComparePage(
        **_layout(site, "compare/index.html", "Compare cities", "Cities side by side on every comparable metric.",
                 "compare", indexed=True),
        columns=tuple(views.metrics[metric.id] for metric in comparable),
        rows=tuple(OverviewRow(views.cities[slug], tuple(
            _cell(views, compare.headline(site, slug, metric.id, views.earlier)) for metric in comparable))
            for slug in site.cities)))
    for metric in comparable:
        path = f"compare/{metric.id}/index.html"
        yield Page(path, "ranking.html", RankingPage(
            **_layout(site, path, f"Ranking: {metric.label}", metric.definition, "compare", indexed=True),
            ranking=views.ranking(metric)))
    yield Page("metrics/index.html", "metrics.html", MetricsPage(
        **_layout(site, "metrics/index.html", "Metrics", "What each figure on this site counts.", "metrics"),
        groups=tuple(MetricGroup(theme.label, tuple(views.metrics[m.id] for m in site.metrics.values()
                                                    if m.theme == theme.id)) for theme in site.themes)))
    for metric in site.metrics.values():
        path = f"metrics/{metric.id}/index.html"
        yield Page(path, "metric.html", MetricPage(
            **_layout(site, path, metric.label, metric.definition, "metrics", indexed=True),
            metric=views.metrics[metric.id], definition=metric.definition,
            kind=display.KIND_LABELS[metric.kind], facts=views.ordered(site.facts_by_metric[metric.id])))
    yield Page("data/index.html", "data.html", DataPage(
        **_layout(site, "data/index.html", "Download the data", "Every fact as CSV and JSON.", "data",
                  structured_data=sharing.dataset(site)),
        fact_count=len(site.facts)))
    yield Page("search/index.html", "search.html", Layout(
        **_layout(site, "search/index.html", "Search", "Search cities, articles and metrics.", "search")))
    # GitHub Pages serves 404.html at any depth, so its links start from the site's base path.
    not_found = _layout(site, "404.html", "Page not found", "There is no page at this address.", "")
    not_found["root"] = urlsplit(site.base_url).path or "/"
    yield Page("404.html", "404.html", Layout(**not_found))


def _cell(views: Views, fact: Fact | None) -> FactView | None:
    return views.facts[fact.id] if fact is not None else None


def _theme_groups(site: Site, views: Views, facts: tuple[Fact, ...]) -> tuple[ThemeGroup, ...]:
    """A city's facts by theme, metrics in registry order, newest report first; designations apart."""
    by_metric: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_metric[fact.metric].append(fact)
    groups = []
    for theme in site.themes:
        rows: list[FactView] = []
        for metric in views.metrics_by_theme[theme.id]:
            if not metric.is_designation and metric.id in by_metric:
                rows += views.ordered(by_metric[metric.id])
        if rows:
            groups.append(ThemeGroup(theme.label, tuple(rows)))
    return tuple(groups)


def _city_page(site: Site, views: Views, slug: str, parts: list[str], articles: set[str]) -> Page:
    city = site.cities[slug]
    path = f"cities/{slug}/index.html"
    facts = site.facts_by_city[slug]
    designations = sorted((fact for fact in facts if site.metrics[fact.metric].is_designation),
                          key=lambda fact: (fact.date or str(fact.year), fact.id))
    key_figures = [compare.headline(site, slug, metric.id, views.earlier)
                   for metric in site.metrics.values() if metric.comparable]
    peers = views.peers[slug]
    return Page(path, "city.html", CityPage(
        **_layout(site, path, city.name, f"{city.name} ({city.name_zh}), {city.level} in {city.province}: "
                  "innovation facts with their sources.", "cities", indexed=True,
                  structured_data=sharing.place(site, city, [site.articles[a] for a in sorted(articles)])),
        city=views.cities[slug], province_zh=city.province_zh,
        parent=views.cities[city.parent] if city.parent else None,
        parts=tuple(views.cities[part] for part in parts),
        aliases=city.aliases, about_html=Markup(render_markdown(city.body)),
        designations=tuple(views.facts[fact.id] for fact in designations),
        timeline=_timeline(site, views, city.name, designations),
        key_figures=tuple(views.facts[fact.id] for fact in key_figures if fact is not None),
        trends=_trends(site, views, slug),
        themes=_theme_groups(site, views, facts),
        articles=tuple(views.articles[slug] for slug in sorted(articles, key=views.article_order.__getitem__)),
        peers=tuple(views.cities[peer] for peer in peers),
        compare_url=f"cities/{slug}/compare/" if peers else ""))


def _fractional_year(fact: Fact) -> float:
    """2018-04 -> 2018.25: where a designation stands on the timeline."""
    year, month, day = ([int(part) for part in (fact.date or str(fact.year)).split("-")] + [1, 1])[:3]
    return year + (month - 1) / 12 + (day - 1) / 365


def _timeline(site: Site, views: Views, name: str, designations: list[Fact]) -> charts.Timeline | None:
    events = [(_fractional_year(fact), site.metrics[fact.metric].label, views.facts[fact.id].value)
              for fact in designations]
    return charts.timeline(f"Designations of {name}",
                           "; ".join(f"{when}: {label}" for _, label, when in events) + ".", events)


def _trends(site: Site, views: Views, slug: str) -> tuple[charts.LineChart, ...]:
    trends = []
    for metric in site.metrics.values():
        facts = compare.series(site, slug, metric.id, views.earlier)
        values = [(fact.year, views.facts[fact.id].value, fact.value) for fact in facts if fact.value is not None]
        scope = f" ({facts[0].scope})" if facts and facts[0].scope else ""
        chart = charts.line_chart(f"{metric.label}{scope}, {values[0][0]} to {values[-1][0]}" if values else "",
                                  "; ".join(f"{year}: {text}" for year, text, _ in values) + ".", values)
        if chart is not None:
            trends.append(chart)
    return tuple(trends)


def _peers_page(site: Site, views: Views, slug: str) -> Page | None:
    """The city side by side with its nearest peers, on every comparable metric any of them reports."""
    cities = [slug, *views.peers[slug]]
    if len(cities) < 2:
        return None
    rows = []
    for metric in site.metrics.values():
        if not metric.comparable:
            continue
        cells = tuple(_cell(views, compare.headline(site, city, metric.id, views.earlier)) for city in cities)
        if any(cells):
            rows.append(CompareRow(views.metrics[metric.id], cells))
    city = site.cities[slug]
    path = f"cities/{slug}/compare/index.html"
    names = ", ".join(site.cities[other].name for other in cities[1:])
    return Page(path, "peers.html", PeersPage(
        **_layout(site, path, f"{city.name} compared with {names}",
                  f"{city.name} side by side with similar cities: {names}.", "cities"),
        city=views.cities[slug], cities=tuple(views.cities[other] for other in cities), rows=tuple(rows)))

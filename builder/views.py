"""Display-ready records that templates show as they are: links, formatted facts, rankings.

URLs here are relative to the site root; templates put the page's `root` in front, so
the site works at `/` and under any sub-path.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from builder import charts, compare, display
from builder.model import Article, City, Fact, Metric, Site


def city_url(slug: str) -> str:
    return f"cities/{slug}/"


def article_url(slug: str) -> str:
    return f"articles/{slug}/"


def metric_url(metric_id: str) -> str:
    return f"metrics/{metric_id}/"


def ranking_url(metric_id: str) -> str:
    return f"compare/{metric_id}/"


def quote_url(fact: Fact) -> str:
    return f"{article_url(fact.article)}#{fact.quote_id}"


@dataclass(frozen=True)
class CityLink:
    """A city as it appears in lists and tables."""

    slug: str
    name: str
    name_zh: str
    province: str
    level: str
    url: str
    fact_count: int


@dataclass(frozen=True)
class ArticleLink:
    """An article as it appears in lists."""

    title: str
    url: str
    publisher: str
    published: str
    published_iso: str
    fact_count: int


@dataclass(frozen=True)
class MetricLink:
    """A metric as it appears in lists and table headers."""

    id: str
    label: str
    label_zh: str  # empty when the registry gives none
    url: str
    unit: str
    ranking_url: str  # empty when the metric is not comparable
    higher_is_better: bool


@dataclass(frozen=True)
class FactView:
    """A fact ready to show: the value links to the quote it came from."""

    id: str
    metric: MetricLink
    city: CityLink
    article: ArticleLink
    value: str  # with its qualifier: "nearly 400", "3 billion yuan", "by 2018"
    reported: str  # as the article wrote it, when that differs: "1,700 acre"
    period: str  # "2021", "April 2018"
    qualifier: str
    scope: str
    note: str
    quote: str
    quote_url: str
    earlier: bool  # a newer article reports a different value for the same city, metric, year and scope
    sort_value: str  # the canonical number, for sorting scripts; empty for designations
    sort_period: str  # the date or year as YYYY[-MM[-DD]], which sorts in time order as text


@dataclass(frozen=True)
class Placing:
    """One row of a ranking: a position ("1", "=2", or "" when the city has no data)."""

    position: str
    rank: str  # the position as a number for sorting; empty when the city has no data
    city: CityLink
    fact: FactView | None


@dataclass(frozen=True)
class Ranking:
    """A comparable metric's ranking, with the caveats a reader needs before comparing."""

    metric: MetricLink
    definition: str
    placings: tuple[Placing, ...]
    caveats: tuple[str, ...]
    chart: charts.BarChart | None


class Views:
    """Makes each view once and hands it to every page that shows it."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.earlier = site.earlier_reports
        self.cities = {slug: self._city(city) for slug, city in site.cities.items()}
        self.articles = {slug: self._article(article) for slug, article in site.articles.items()}
        self.metrics = {metric_id: self._metric(metric) for metric_id, metric in site.metrics.items()}
        self.facts = {fact.id: self._fact(fact) for fact in site.facts}
        self.peers = compare.peer_index(site)
        self.article_order = {slug: position for position, slug in enumerate(site.articles)}  # newest first
        self.metrics_by_theme: dict[str, list[Metric]] = {theme.id: [] for theme in site.themes}
        for metric in site.metrics.values():
            self.metrics_by_theme[metric.theme].append(metric)

    def _city(self, city: City) -> CityLink:
        return CityLink(city.slug, city.name, city.name_zh, city.province, city.level, city_url(city.slug),
                        len(self.site.facts_by_city[city.slug]))

    def _article(self, article: Article) -> ArticleLink:
        return ArticleLink(article.title, article_url(article.slug), article.publisher,
                           display.long_date(article.published), article.published.isoformat(), len(article.facts))

    def _metric(self, metric: Metric) -> MetricLink:
        unit = self.site.units.get(metric.unit or "")
        unit_label = {"count": "count", "rank": "rank", "percent": "percent"}.get(metric.unit or "", "")
        return MetricLink(metric.id, metric.label, metric.label_zh or "", metric_url(metric.id),
                          unit_label or (unit.label if unit else "date"),
                          ranking_url(metric.id) if metric.comparable else "", metric.higher_is_better)

    def _fact(self, fact: Fact) -> FactView:
        metric = self.site.metrics[fact.metric]
        unit = self.site.units.get(metric.unit or "")
        return FactView(
            id=fact.id, metric=self.metrics[fact.metric], city=self.cities[fact.city],
            article=self.articles[fact.article], value=display.stated_text(fact, metric, unit),
            reported=display.reported_text(fact, metric, unit), period=display.period_text(fact),
            qualifier=display.qualifier_text(fact), scope=fact.scope or "", note=fact.note or "",
            quote=fact.quote, quote_url=quote_url(fact), earlier=fact.id in self.earlier,
            sort_value="" if fact.value is None else str(fact.value), sort_period=fact.date or str(fact.year),
        )

    def ordered(self, facts: tuple[Fact, ...] | list[Fact]) -> tuple[FactView, ...]:
        """Views of facts, newest report first."""
        return tuple(self.facts[fact.id] for fact in compare.report_order(self.site, facts))

    def ranking(self, metric: Metric) -> Ranking:
        placings = compare.ranking(self.site, metric, self.earlier)
        sharing = Counter(placing.position for placing in placings)
        rows = tuple(
            Placing(_position_text(placing.position, sharing),
                    "" if placing.position is None else str(placing.position),
                    self.cities[placing.city.slug],
                    self.facts[placing.fact.id] if placing.fact else None)
            for placing in placings
        )
        bars = [(placing.city.name, self.facts[placing.fact.id].value, placing.fact.value)
                for placing in placings if placing.fact is not None and placing.fact.value is not None]
        chart = charts.bar_chart(
            f"{metric.label}: the latest figure for each city",
            f"{len(bars)} of {len(placings)} cities have a figure. "
            + ("Longer bars are better." if metric.higher_is_better else "Shorter bars are better (1 is best)."),
            bars)
        return Ranking(self.metrics[metric.id], metric.definition, rows, _caveats(placings), chart)


def _position_text(position: int | None, sharing: Counter[int | None]) -> str:
    """1, or =2 when cities tie for second place, or "" for a city without a figure."""
    if position is None:
        return ""
    return f"={position}" if sharing[position] > 1 else str(position)


def _caveats(placings: list[compare.Placing]) -> tuple[str, ...]:
    facts = [placing.fact for placing in placings if placing.fact is not None]
    caveats: list[str] = []
    years = sorted({fact.year for fact in facts})
    if len(years) > 1:
        caveats.append(f"The figures are from different years ({years[0]} to {years[-1]}): "
                       "a city's position may reflect when it was reported as much as how it performs.")
    if any(fact.scope for fact in facts):
        caveats.append("Some figures cover only part of a city; their scope is shown beside them.")
    if any(fact.qualifier for fact in facts):
        caveats.append("Some figures are approximate, lower bounds or forecasts; the qualifier is shown with them.")
    missing = sum(placing.fact is None for placing in placings)
    if missing:
        caveats.append(f"{missing} of {len(placings)} cities have no figure in the articles yet; "
                       "they are listed at the end as “no data”, not ranked last.")
    return tuple(caveats)

"""Comparisons across cities: which report stands for a city, and how cities rank.

The rules are chosen so a table never misleads: a whole-city figure is preferred to a
partial one, a newer year to an older one, and a newer article to an earlier report of
the same figure; the year, qualifier and scope always travel with the value.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from builder.model import City, Fact, Metric, Site


def earlier_reports(site: Site) -> frozenset[str]:
    """Ids of facts that a newer article contradicts (same city, metric, year and scope)."""
    groups: dict[tuple[str, str, int, str | None], list[Fact]] = defaultdict(list)
    for fact in site.facts:
        groups[(fact.city, fact.metric, fact.year, fact.scope)].append(fact)
    earlier: set[str] = set()
    for facts in groups.values():
        if len({fact.value for fact in facts}) < 2:
            continue
        newest = max(site.articles[fact.article].published for fact in facts)
        earlier |= {fact.id for fact in facts if site.articles[fact.article].published < newest}
    return frozenset(earlier)


def report_order(site: Site, facts: tuple[Fact, ...] | list[Fact]) -> list[Fact]:
    """Facts newest first: by year, then date, then the article's publication."""
    return sorted(facts, key=lambda fact: (-fact.year, _negated_date(fact.date),
                                           -site.articles[fact.article].published.toordinal(),
                                           fact.article, fact.position))


def _negated_date(date: str | None) -> tuple[int, ...]:
    return tuple(-int(part) for part in date.split("-")) if date else (0,)


def headline(site: Site, city: str, metric: str, earlier: frozenset[str]) -> Fact | None:
    """The one fact that stands for a city on a metric: whole-city before partial, then newest."""
    candidates = [fact for fact in site.facts_by_city[city]
                  if fact.metric == metric and fact.id not in earlier and fact.value is not None]
    if not candidates:
        return None
    whole_city = [fact for fact in candidates if fact.scope is None]
    return report_order(site, whole_city or candidates)[0]


@dataclass(frozen=True)
class Placing:
    """A city's place in a ranking: its position (None when it has no data) and its fact."""

    city: City
    position: int | None
    fact: Fact | None


def ranking(site: Site, metric: Metric, earlier: frozenset[str]) -> list[Placing]:
    """Every city, those with a value first in the metric's order (ties share a place), then the rest."""
    with_value: list[tuple[Decimal, City, Fact]] = []
    without: list[Placing] = []
    for city in site.cities.values():
        fact = headline(site, city.slug, metric.id, earlier)
        if fact is None or fact.value is None:
            without.append(Placing(city, None, None))
        else:
            with_value.append((fact.value, city, fact))
    sign = -1 if metric.higher_is_better else 1
    with_value.sort(key=lambda item: (sign * item[0], item[1].name, item[1].slug))
    placings: list[Placing] = []
    for index, (value, city, fact) in enumerate(with_value):
        tied = index > 0 and with_value[index - 1][0] == value
        position = placings[-1].position if tied else index + 1
        placings.append(Placing(city, position, fact))
    return placings + without


def headline_metric(site: Site, earlier: frozenset[str]) -> Metric | None:
    """The comparable metric on which most cities have a value (the first such in the registry)."""
    best: tuple[int, Metric] | None = None
    for metric in site.metrics.values():
        if not metric.comparable:
            continue
        count = sum(headline(site, city, metric.id, earlier) is not None for city in site.cities)
        if count and (best is None or count > best[0]):
            best = (count, metric)
    return best[1] if best else None


def series(site: Site, city: str, metric: str, earlier: frozenset[str]) -> list[Fact]:
    """One fact per year for a city and metric, all of one scope (whole city first); [] if under two years."""
    by_scope: dict[str | None, dict[int, Fact]] = defaultdict(dict)
    for fact in report_order(site, [f for f in site.facts_by_city[city]
                                    if f.metric == metric and f.id not in earlier and f.value is not None]):
        by_scope[fact.scope].setdefault(fact.year, fact)  # newest report of each year
    for scope in sorted(by_scope, key=lambda scope: (scope is not None, scope or "")):
        if len(by_scope[scope]) >= 2:
            return sorted(by_scope[scope].values(), key=lambda fact: fact.year)
    return []


PEER_COUNT = 3


def peer_index(site: Site) -> dict[str, list[str]]:
    """Each city's nearest peers: same province and level, then same level, then same province.

    Within each group, cities with more facts come first, then by name. Built once, in
    O(N log N), for every city.
    """
    groups: dict[tuple[str, ...], list[City]] = defaultdict(list)
    for city in site.cities.values():
        for key in (("both", city.level, city.province), ("level", city.level), ("province", city.province)):
            groups[key].append(city)
    for members in groups.values():
        members.sort(key=lambda c: (-len(site.facts_by_city[c.slug]), c.name, c.slug))
    index: dict[str, list[str]] = {}
    for city in site.cities.values():
        chosen: list[str] = []
        for key in (("both", city.level, city.province), ("level", city.level), ("province", city.province)):
            for other in groups[key]:
                if len(chosen) == PEER_COUNT:
                    break
                if other.slug != city.slug and other.slug not in chosen:
                    chosen.append(other.slug)
        index[city.slug] = chosen
    return index

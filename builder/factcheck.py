"""Checks of each fact: its references, its value against its metric and its quote, and disagreements."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from builder import figures, schema
from builder.errors import SourceError
from builder.load import RawDoc
from builder.text import blocks, contains_quote
from builder.units import convert

NON_NEGATIVE_KINDS = ("stock", "flow")
PERCENT_KINDS = ("share",)


@dataclass
class Registry:
    """What articles may refer to: metric kinds and units, unit names and factors, city slugs."""

    metric_kind: dict[str, str] = field(default_factory=dict)
    metric_unit: dict[str, str | None] = field(default_factory=dict)
    unit_names: dict[str, set[str]] = field(default_factory=dict)
    factors: dict[str, dict[str, Fraction]] = field(default_factory=dict)
    cities: set[str] = field(default_factory=set)
    has_metrics: bool = False  # False when metrics.yaml could not be read: no metric can be checked


def items(doc: RawDoc, key: str) -> Iterable[tuple[int, dict[str, Any]]]:
    """The mappings of a list in the doc, with their indexes; anything else is skipped (and reported elsewhere)."""
    values = doc.data.get(key)
    if isinstance(values, list):
        yield from ((index, item) for index, item in enumerate(values) if isinstance(item, dict))


def check_fact(doc: RawDoc, index: int, fact: dict[str, Any], registry: Registry,
               covered: list[Any]) -> list[SourceError]:
    """Every problem with one fact of an article."""
    where = ("facts", index)
    errors = schema.check_mapping(doc, where, fact, schema.FACT)
    errors += _references(doc, index, fact, registry, covered)
    quote = fact.get("quote")
    quote_found = isinstance(quote, str) and contains_quote(blocks(doc.body), quote)
    if isinstance(quote, str) and quote.strip() and not quote_found:
        errors.append(doc.error((*where, "quote"), f"facts[{index}].quote: not found in the article body",
                                "copy the passage exactly from one paragraph of the text below the front matter"))
    metric = fact.get("metric")
    if not isinstance(metric, str) or metric not in registry.metric_kind:
        return errors
    if registry.metric_kind[metric] == "designation":
        return errors + [doc.error((*where, key), f"facts[{index}].{key}: '{metric}' is a designation, "
                                   "which has a date but no value", f"remove the {key} line")
                         for key in ("value", "unit") if key in fact]
    if "value" not in fact:
        return [*errors, doc.error(where, f"facts[{index}]: missing required key 'value'",
                                   "write the figure as a plain number, e.g. value: 478")]
    unit_errors = _unit(doc, index, fact, registry, metric)
    errors += unit_errors
    value = fact["value"]
    if schema.number(value) is None:
        out_of_range = _range(doc, index, value, registry, metric)
        errors += out_of_range
        if quote_found and not out_of_range and not unit_errors:
            errors += _value_in_quote(doc, index, fact, registry, metric)
    return errors


def _references(doc: RawDoc, index: int, fact: dict[str, Any], registry: Registry,
                covered: list[Any]) -> list[SourceError]:
    where = ("facts", index)
    errors: list[SourceError] = []
    city, metric = fact.get("city"), fact.get("metric")
    if isinstance(city, str) and schema.slug(city) is None and city not in registry.cities:
        errors.append(doc.error((*where, "city"), f"facts[{index}].city: no city '{city}'",
                                schema.suggest(city, sorted(registry.cities)) or "add content/cities/<slug>.md first"))
    elif isinstance(city, str) and city in registry.cities and city not in covered:
        errors.append(doc.error((*where, "city"), f"facts[{index}].city: '{city}' is not in this article's cities",
                                "add it to the cities: list at the top"))
    if (registry.has_metrics and isinstance(metric, str) and schema.identifier(metric) is None
            and metric not in registry.metric_kind):
        errors.append(doc.error((*where, "metric"), f"facts[{index}].metric: no metric '{metric}'",
                                schema.suggest(metric, sorted(registry.metric_kind))
                                or "pick one from content/metrics.yaml or add it there"))
    if "year" not in fact and "date" not in fact:
        errors.append(doc.error(where, f"facts[{index}]: give a year or a date",
                                "add `year: 2021` (the year the figure refers to) or `date: 2018-04`"))
    elif "year" in fact and "date" in fact:
        errors.append(doc.error((*where, "date"), f"facts[{index}]: give a year or a date, not both",
                                "keep the date; the year is taken from it"))
    return errors


def _unit(doc: RawDoc, index: int, fact: dict[str, Any], registry: Registry, metric: str) -> list[SourceError]:
    canonical = registry.metric_unit.get(metric)
    unit = fact.get("unit")
    if not isinstance(unit, str) or not canonical:
        return []
    allowed = sorted(registry.unit_names.get(canonical, {canonical}))
    if unit in allowed:
        return []
    return [doc.error(("facts", index, "unit"), f"facts[{index}].unit: '{unit}' does not convert to "
                      f"{canonical}, the unit of {metric}",
                      schema.suggest(unit, allowed) or f"use one of: {', '.join(allowed)}")]


def _range(doc: RawDoc, index: int, value: Decimal | int, registry: Registry, metric: str) -> list[SourceError]:
    where = ("facts", index, "value")
    kind, unit = registry.metric_kind[metric], registry.metric_unit.get(metric)
    if kind in PERCENT_KINDS and not 0 <= value <= 100:
        return [doc.error(where, f"facts[{index}].value: {value} is not a percentage between 0 and 100",
                          f"'{metric}' is a share; write 28.39 for 28.39%")]
    if kind == "rank" and (value < 1 or value != int(value)):
        return [doc.error(where, f"facts[{index}].value: {value} is not a position in a ranking",
                          "write the position as a whole number from 1, e.g. 23 for 23rd")]
    if kind in NON_NEGATIVE_KINDS and unit != "percent" and value < 0:
        return [doc.error(where, f"facts[{index}].value: {value} is negative, but '{metric}' counts or sums",
                          "write the figure without a sign; a fall belongs in a growth metric")]
    return []


def _value_in_quote(doc: RawDoc, index: int, fact: dict[str, Any], registry: Registry,
                    metric: str) -> list[SourceError]:
    value = Decimal(fact["value"])
    canonical_unit = registry.metric_unit.get(metric) or ""
    unit = fact.get("unit")
    factor = registry.factors.get(canonical_unit, {}).get(str(unit))
    values = [value] if factor is None else [value, convert(value, factor)]
    if figures.states(str(fact["quote"]), *values):
        return []
    stated = f"{value} in '{unit}' ({values[-1]} {canonical_unit})" if len(values) > 1 else str(value)
    return [doc.error(("facts", index, "quote"), f"facts[{index}].quote: does not state the value {stated}",
                      "quote the sentence that gives the figure, or correct the value and its unit")]


def check_conflicts(articles: list[RawDoc]) -> list[SourceError]:
    """Warn where facts claim different values for one city, metric, year and scope with no note saying why."""
    groups: dict[tuple[str, ...], list[tuple[RawDoc, int, dict[str, Any]]]] = defaultdict(list)
    for doc in articles:
        for index, fact in items(doc, "facts"):
            period = str(fact.get("date", fact.get("year", "")))[:4]
            key = (str(fact.get("city")), str(fact.get("metric")), period, str(fact.get("scope", "")))
            if "value" in fact:
                groups[key].append((doc, index, fact))
    warnings = []
    for (city, metric, year, _), facts in sorted(groups.items()):
        if len({str(fact["value"]) for _, _, fact in facts}) < 2 or any("note" in fact for _, _, fact in facts):
            continue
        for doc, index, fact in facts:
            others = [f"{other.path}:{other.position(('facts', i))[0]} ({other_fact['value']})"
                      for other, i, other_fact in facts if other is not doc or i != index]
            warnings.append(doc.warning(("facts", index), f"facts[{index}]: {metric} for {city} in {year} is "
                                        f"{fact['value']} here but differs at {', '.join(others)}",
                                        "if both are right, add a note to each saying why they differ"))
    return warnings

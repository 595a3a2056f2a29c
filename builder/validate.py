"""Check RawDocs against the content format and each other; collect every problem found."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from builder import schema
from builder.errors import SourceError
from builder.load import RawDoc
from builder.text import blocks, find_quote
from builder.units import parse_factor


@dataclass
class _Registry:
    """What articles may refer to: metric kinds and units, unit names, city slugs."""

    metric_kind: dict[str, str] = field(default_factory=dict)
    metric_unit: dict[str, str | None] = field(default_factory=dict)
    unit_names: dict[str, set[str]] = field(default_factory=dict)
    cities: set[str] = field(default_factory=set)


def validate(docs: list[RawDoc]) -> list[SourceError]:
    """Every problem in the content, errors and warnings, sorted by place."""
    by_kind: dict[str, list[RawDoc]] = defaultdict(list)
    for doc in docs:
        by_kind[doc.kind].append(doc)
    problems: list[SourceError] = []
    registry = _Registry(cities={doc.slug for doc in by_kind["city"]})
    for doc in by_kind["site"]:
        problems += schema.check_mapping(doc, (), doc.data, schema.SITE)
    for doc in by_kind["metrics"]:
        problems += _check_metrics(doc, registry)
    for doc in by_kind["city"]:
        problems += _check_city(doc, registry)
    for doc in by_kind["article"]:
        problems += _check_article(doc, registry)
    problems += _check_coverage(by_kind["city"], by_kind["article"])
    return sorted(problems)


def _items(doc: RawDoc, key: str) -> Iterable[tuple[int, dict[str, Any]]]:
    values = doc.data.get(key)
    if isinstance(values, list):
        yield from ((index, item) for index, item in enumerate(values) if isinstance(item, dict))


def _unique(doc: RawDoc, key: str, errors: list[SourceError]) -> set[str]:
    seen: dict[str, int] = {}
    for index, item in _items(doc, key):
        item_id = item.get("id")
        if not isinstance(item_id, str):
            continue
        if item_id in seen:
            line = doc.position((key, seen[item_id], "id"))[0]
            errors.append(doc.error((key, index, "id"), f"{key}[{index}].id: '{item_id}' is already used",
                                    f"at line {line}; ids must be unique"))
        seen[item_id] = index
    return set(seen)


def _check_metrics(doc: RawDoc, registry: _Registry) -> list[SourceError]:
    errors = schema.check_mapping(doc, (), doc.data, schema.METRICS_FILE)
    for key, fields in (("themes", schema.THEME), ("units", schema.UNIT), ("metrics", schema.METRIC)):
        for index, item in _items(doc, key):
            errors += schema.check_mapping(doc, (key, index), item, fields)
    themes = _unique(doc, "themes", errors)
    _unique(doc, "units", errors)
    _unique(doc, "metrics", errors)
    for index, unit_item in _items(doc, "units"):
        names = {str(unit_item.get("id"))}
        conversions = unit_item.get("from")
        for name, factor in (conversions.items() if isinstance(conversions, dict) else ()):
            if parse_factor(factor) is None:
                errors.append(doc.error(("units", index, "from", name), f"units[{index}].from.{name}: "
                                        f"expected a positive number or a fraction such as \"1/15\", got {factor!r}"))
            names.add(name)
        registry.unit_names[str(unit_item.get("id"))] = names
    for index, metric in _items(doc, "metrics"):
        where = ("metrics", index)
        metric_id, kind, unit = metric.get("id"), metric.get("kind"), metric.get("unit")
        if isinstance(metric_id, str):
            registry.metric_kind[metric_id] = str(kind)
            registry.metric_unit[metric_id] = unit if isinstance(unit, str) else None
        theme = metric.get("theme")
        if isinstance(theme, str) and theme not in themes:
            errors.append(doc.error((*where, "theme"), f"metrics[{index}].theme: no theme '{theme}'",
                                    schema.suggest(theme, sorted(themes)) or "add it under themes:"))
        if kind == "designation" and unit is not None:
            errors.append(doc.error((*where, "unit"), f"metrics[{index}].unit: a designation has no unit",
                                    "remove the unit line"))
        elif kind != "designation" and "unit" not in metric:
            errors.append(doc.error(where, f"metrics[{index}]: missing required key 'unit'",
                                    "every metric but a designation needs a canonical unit"))
        elif isinstance(unit, str) and unit not in registry.unit_names:
            errors.append(doc.error((*where, "unit"), f"metrics[{index}].unit: no unit '{unit}'",
                                    schema.suggest(unit, sorted(registry.unit_names)) or "add it under units:"))
    return errors


def _check_city(doc: RawDoc, registry: _Registry) -> list[SourceError]:
    errors = _check_slug(doc) + schema.check_mapping(doc, (), doc.data, schema.CITY)
    coordinates = doc.data.get("coordinates")
    if isinstance(coordinates, dict):
        errors += schema.check_mapping(doc, ("coordinates",), coordinates, schema.COORDINATES)
    parent = doc.data.get("parent")
    if isinstance(parent, str) and (parent not in registry.cities or parent == doc.slug):
        errors.append(doc.error(("parent",), f"parent: no other city has the slug '{parent}'",
                                schema.suggest(parent, sorted(registry.cities - {doc.slug}))
                                or "name a file in content/cities/ without .md, or remove the line"))
    return errors


def _check_slug(doc: RawDoc) -> list[SourceError]:
    if schema.SLUG.match(doc.slug):
        return []
    return [SourceError(doc.path, 1, 1, f"file name '{doc.slug}' is not a valid slug",
                        "rename the file using lower-case letters, digits and hyphens")]


def _check_article(doc: RawDoc, registry: _Registry) -> list[SourceError]:
    errors = _check_slug(doc) + schema.check_mapping(doc, (), doc.data, schema.ARTICLE)
    cities = doc.data.get("cities")
    covered: list[Any] = cities if isinstance(cities, list) else []
    for index, city in enumerate(covered):
        if isinstance(city, str) and city not in registry.cities:
            errors.append(doc.error(("cities", index), f"cities[{index}]: no city '{city}'",
                                    schema.suggest(city, sorted(registry.cities))
                                    or "add content/cities/<slug>.md first"))
    body_blocks = blocks(doc.body)
    for index, fact in _items(doc, "facts"):
        errors += _check_fact(doc, index, fact, registry, covered)
        quote = fact.get("quote")
        if isinstance(quote, str) and quote.strip() and find_quote(body_blocks, quote) is None:
            errors.append(doc.error(("facts", index, "quote"), f"facts[{index}].quote: not found in the article body",
                                    "copy the passage exactly from one paragraph of the text below the front matter"))
    return errors


def _check_fact(doc: RawDoc, index: int, fact: dict[str, Any], registry: _Registry,
                covered: list[Any]) -> list[SourceError]:
    where = ("facts", index)
    errors = schema.check_mapping(doc, where, fact, schema.FACT)
    city, metric = fact.get("city"), fact.get("metric")
    if isinstance(city, str) and city not in registry.cities:
        errors.append(doc.error((*where, "city"), f"facts[{index}].city: no city '{city}'",
                                schema.suggest(city, sorted(registry.cities)) or "add content/cities/<slug>.md first"))
    elif isinstance(city, str) and city not in covered:
        errors.append(doc.error((*where, "city"), f"facts[{index}].city: '{city}' is not in this article's cities",
                                "add it to the cities: list at the top"))
    if "year" not in fact and "date" not in fact:
        errors.append(doc.error(where, f"facts[{index}]: give a year or a date",
                                "add `year: 2021` (the year the figure refers to) or `date: 2018-04`"))
    elif "year" in fact and "date" in fact:
        errors.append(doc.error((*where, "date"), f"facts[{index}]: give a year or a date, not both",
                                "keep the date; the year is taken from it"))
    if not isinstance(metric, str):
        return errors
    if metric not in registry.metric_kind:
        return [*errors, doc.error((*where, "metric"), f"facts[{index}].metric: no metric '{metric}'",
                                   schema.suggest(metric, sorted(registry.metric_kind))
                                   or "pick one from content/metrics.yaml or add it there")]
    if registry.metric_kind[metric] == "designation":
        for key in ("value", "unit"):
            if key in fact:
                errors.append(doc.error((*where, key), f"facts[{index}].{key}: '{metric}' is a designation, "
                                        "which has a date but no value", f"remove the {key} line"))
        return errors
    if "value" not in fact:
        errors.append(doc.error(where, f"facts[{index}]: missing required key 'value'",
                                "write the figure as a plain number, e.g. value: 478"))
    canonical = registry.metric_unit.get(metric)
    unit = fact.get("unit")
    if isinstance(unit, str) and canonical and unit not in registry.unit_names.get(canonical, {canonical}):
        allowed = sorted(registry.unit_names.get(canonical, {canonical}))
        errors.append(doc.error((*where, "unit"), f"facts[{index}].unit: '{unit}' does not convert to "
                                f"{canonical}, the unit of {metric}",
                                schema.suggest(unit, allowed) or f"use one of: {', '.join(allowed)}"))
    return errors


def _check_coverage(cities: list[RawDoc], articles: list[RawDoc]) -> list[SourceError]:
    """Warn about cities no fact is about and articles that give no facts."""
    warnings: list[SourceError] = []
    with_facts: set[str] = set()
    for doc in articles:
        facts = list(_items(doc, "facts"))
        with_facts |= {str(fact.get("city")) for _, fact in facts}
        if not facts and isinstance(doc.data.get("facts"), list):
            warnings.append(doc.warning(("facts",), "this article gives no facts",
                                        "add the figures it states, or remove the article"))
    for doc in cities:
        if doc.slug not in with_facts:
            warnings.append(SourceError(doc.path, 1, 1, f"no fact is about {doc.slug}",
                                        "add facts about it from an article, or remove the city", "warning"))
    return warnings

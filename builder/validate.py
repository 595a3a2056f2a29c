"""Check RawDocs against the content format and each other; collect every problem found."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from builder import safety, schema
from builder.errors import SourceError
from builder.factcheck import Registry, check_conflicts, check_fact, items
from builder.load import RawDoc
from builder.units import parse_factor


def validate(docs: list[RawDoc]) -> list[SourceError]:
    """Every problem in the content, errors and warnings, sorted by place."""
    by_kind: dict[str, list[RawDoc]] = defaultdict(list)
    for doc in docs:
        by_kind[doc.kind].append(doc)
    problems: list[SourceError] = []
    registry = Registry(cities={doc.slug for doc in by_kind["city"]})
    for doc in by_kind["site"]:
        problems += schema.check_mapping(doc, (), doc.data, schema.SITE)
    for doc in by_kind["metrics"]:
        registry.has_metrics = True
        problems += _check_metrics(doc, registry)
    for doc in by_kind["city"]:
        problems += _check_city(doc, registry) + safety.check_body(doc)
    for doc in by_kind["article"]:
        problems += _check_article(doc, registry) + safety.check_body(doc)
    for doc in docs:
        problems += safety.check_text_fields(doc)
    problems += _check_coverage(by_kind["city"], by_kind["article"])
    problems += check_conflicts(by_kind["article"])
    problems += _same_value_twice(by_kind["city"], ("name_zh", "province"), "city")
    problems += _same_value_twice(by_kind["article"], ("source_file",), "article")
    return sorted(set(problems))


def _same_value_twice(docs: list[RawDoc], keys: tuple[str, ...], noun: str) -> list[SourceError]:
    """Warn when two files share values that should be unique together (the same city or article twice)."""
    first: dict[tuple[str, ...], RawDoc] = {}
    warnings = []
    for doc in docs:
        values = tuple(doc.data.get(key) for key in keys)
        if not all(isinstance(value, str) for value in values):
            continue
        if values in first:
            same = " and ".join(keys) + (" are" if len(keys) > 1 else " is")
            shown = ", ".join(f"'{value}'" for value in values)
            warnings.append(doc.warning((keys[0],), f"{same} the same as in {first[values].path} ({shown})",
                                        f"if both files are the same {noun}, merge them into one"))
        else:
            first[values] = doc  # type: ignore[index]
    return warnings


def _unique(doc: RawDoc, key: str, errors: list[SourceError]) -> set[str]:
    seen: dict[str, int] = {}
    for index, item in items(doc, key):
        item_id = item.get("id")
        if not isinstance(item_id, str):
            continue
        if item_id in seen:
            line = doc.position((key, seen[item_id], "id"))[0]
            errors.append(doc.error((key, index, "id"), f"{key}[{index}].id: '{item_id}' is already used",
                                    f"at line {line}; ids must be unique"))
        seen[item_id] = index
    return set(seen)


def _check_metrics(doc: RawDoc, registry: Registry) -> list[SourceError]:
    errors = schema.check_mapping(doc, (), doc.data, schema.METRICS_FILE)
    for key, fields in (("themes", schema.THEME), ("units", schema.UNIT), ("metrics", schema.METRIC)):
        for index, item in items(doc, key):
            errors += schema.check_mapping(doc, (key, index), item, fields)
    themes = _unique(doc, "themes", errors)
    _unique(doc, "units", errors)
    _unique(doc, "metrics", errors)
    for index, unit_item in items(doc, "units"):
        names = {str(unit_item.get("id"))}
        conversions = unit_item.get("from")
        factors = registry.factors.setdefault(str(unit_item.get("id")), {})
        for name, factor in (conversions.items() if isinstance(conversions, dict) else ()):
            parsed = parse_factor(factor)
            if parsed is None:
                errors.append(doc.error(("units", index, "from", name), f"units[{index}].from.{name}: "
                                        f"expected a positive number or a fraction such as \"1/15\", got {factor!r}"))
            else:
                factors[str(name)] = parsed
            names.add(name)
        registry.unit_names[str(unit_item.get("id"))] = names
    for index, metric in items(doc, "metrics"):
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


def _check_city(doc: RawDoc, registry: Registry) -> list[SourceError]:
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


def _check_article(doc: RawDoc, registry: Registry) -> list[SourceError]:
    errors = _check_slug(doc) + schema.check_mapping(doc, (), doc.data, schema.ARTICLE)
    cities = doc.data.get("cities")
    covered: list[Any] = cities if isinstance(cities, list) else []
    for index, city in enumerate(covered):
        if isinstance(city, str) and city not in registry.cities:
            errors.append(doc.error(("cities", index), f"cities[{index}]: no city '{city}'",
                                    schema.suggest(city, sorted(registry.cities))
                                    or "add content/cities/<slug>.md first"))
    for index, fact in items(doc, "facts"):
        errors += check_fact(doc, index, fact, registry, covered)
    return errors


def _check_coverage(cities: list[RawDoc], articles: list[RawDoc]) -> list[SourceError]:
    """Warn about cities no fact is about and articles that give no facts."""
    warnings: list[SourceError] = []
    with_facts: set[str] = set()
    for doc in articles:
        facts = list(items(doc, "facts"))
        with_facts |= {str(fact.get("city")) for _, fact in facts}
        if not facts and isinstance(doc.data.get("facts"), list):
            warnings.append(doc.warning(("facts",), "this article gives no facts",
                                        "add the figures it states, or remove the article"))
    for doc in cities:
        if doc.slug not in with_facts:
            warnings.append(SourceError(doc.path, 1, 1, f"no fact is about {doc.slug}",
                                        "add facts about it from an article, or remove the city", "warning"))
    return warnings

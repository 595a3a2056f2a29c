"""The data downloads: every fact as CSV and JSON, and the cities as JSON."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

from builder.model import Site
from builder.views import city_url, quote_url

FACT_FIELDS = (
    "id", "city", "city_name", "city_name_zh", "metric", "metric_label", "value", "unit",
    "reported_value", "reported_unit", "year", "date", "qualifier", "scope", "note",
    "earlier_report", "article", "article_title", "publisher", "published", "quote", "quote_url",
)


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def fact_records(site: Site) -> list[dict[str, Any]]:
    """One record per fact, values in the metric's canonical unit, with the quote's absolute URL."""
    records = []
    for fact in site.facts:
        city, metric, article = site.cities[fact.city], site.metrics[fact.metric], site.articles[fact.article]
        records.append({
            "id": fact.id, "city": fact.city, "city_name": city.name, "city_name_zh": city.name_zh,
            "metric": fact.metric, "metric_label": metric.label, "value": _number(fact.value),
            "unit": metric.unit, "reported_value": _number(fact.reported_value),
            "reported_unit": fact.reported_unit, "year": fact.year, "date": fact.date,
            "qualifier": fact.qualifier, "scope": fact.scope, "note": fact.note,
            "earlier_report": fact.id in site.earlier_reports, "article": fact.article, "article_title": article.title,
            "publisher": article.publisher, "published": article.published.isoformat(), "quote": fact.quote,
            "quote_url": site.base_url + quote_url(fact),
        })
    return records


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def facts_json(records: list[dict[str, Any]]) -> bytes:
    return _json(records)


def facts_csv(records: list[dict[str, Any]]) -> bytes:
    """CSV with a header row; booleans as true/false, missing values as empty cells."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FACT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: _csv_cell(value) for key, value in record.items()})
    return buffer.getvalue().encode("utf-8")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def cities_json(site: Site) -> bytes:
    return _json([
        {"slug": city.slug, "name": city.name, "name_zh": city.name_zh, "province": city.province,
         "province_zh": city.province_zh, "level": city.level, "parent": city.parent,
         "coordinates": {"lat": float(city.coordinates[0]), "lon": float(city.coordinates[1])}
         if city.coordinates else None,
         "aliases": list(city.aliases), "url": site.base_url + city_url(city.slug),
         "fact_count": len(site.facts_by_city[city.slug])}
        for city in site.cities.values()
    ])


def downloads(site: Site) -> dict[str, bytes]:
    """Output path -> bytes for every data file."""
    records = fact_records(site)
    return {"data/facts.csv": facts_csv(records), "data/facts.json": facts_json(records),
            "data/cities.json": cities_json(site)}

"""Turn validated RawDocs into the Site model: convert units, date facts, order everything."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from typing import Any

from builder.compare import earlier_reports
from builder.load import RawDoc
from builder.model import Article, City, Fact, Metric, Site, Theme, Unit
from builder.text import normalize, quote_id
from builder.units import convert, parse_factor


def assemble(docs: list[RawDoc], base_url: str | None = None) -> Site:
    """Build the Site from docs that passed validation (it relies on their shapes)."""
    site_doc = next(doc for doc in docs if doc.kind == "site")
    metrics_doc = next(doc for doc in docs if doc.kind == "metrics")
    units = {str(item["id"]): _unit(item) for item in metrics_doc.data["units"]}
    metrics = {item["id"]: _metric(item) for item in metrics_doc.data["metrics"]}
    cities = sorted((_city(doc) for doc in docs if doc.kind == "city"), key=lambda city: (city.name, city.slug))
    articles = sorted((_article(doc, metrics, units) for doc in docs if doc.kind == "article"),
                      key=lambda article: (-article.published.toordinal(), article.slug))
    facts = tuple(fact for article in articles for fact in article.facts)
    url = base_url if base_url is not None else str(site_doc.data["base_url"])
    site = Site(
        title=site_doc.data["title"],
        description=normalize(site_doc.data["description"]),
        base_url=url if url.endswith("/") else url + "/",
        language=site_doc.data["language"],
        themes=tuple(Theme(item["id"], item["label"], item.get("label_zh")) for item in metrics_doc.data["themes"]),
        units=units,
        metrics=metrics,
        cities={city.slug: city for city in cities},
        articles={article.slug: article for article in articles},
        facts=facts,
        facts_by_city=_group(facts, [city.slug for city in cities], "city"),
        facts_by_metric=_group(facts, list(metrics), "metric"),
    )
    return replace(site, earlier_reports=earlier_reports(site))


def _group(facts: tuple[Fact, ...], keys: list[str], attribute: str) -> dict[str, tuple[Fact, ...]]:
    groups: dict[str, list[Fact]] = {key: [] for key in keys}
    for fact in facts:
        groups[getattr(fact, attribute)].append(fact)
    return {key: tuple(group) for key, group in groups.items()}


def _unit(item: dict[str, Any]) -> Unit:
    factors = {str(name): parse_factor(factor) for name, factor in (item.get("from") or {}).items()}
    return Unit(str(item["id"]), item["label"], {name: f for name, f in factors.items() if f is not None})


def _metric(item: dict[str, Any]) -> Metric:
    return Metric(item["id"], item["label"], item.get("label_zh"), item["theme"], item.get("unit"), item["kind"],
                  normalize(item["definition"]), item["higher_is_better"], item["comparable"])


def _city(doc: RawDoc) -> City:
    data = doc.data
    coordinates = data.get("coordinates")
    return City(
        slug=doc.slug, name=data["name"], name_zh=data["name_zh"], province=data["province"],
        province_zh=data["province_zh"], level=data["level"], parent=data.get("parent"),
        coordinates=(Decimal(coordinates["lat"]), Decimal(coordinates["lon"])) if coordinates else None,
        aliases=tuple(data.get("aliases") or ()), body=doc.body,
    )


def _article(doc: RawDoc, metrics: dict[str, Metric], units: dict[str, Unit]) -> Article:
    data = doc.data
    facts = tuple(_fact(doc.slug, position, item, metrics, units)
                  for position, item in enumerate(data["facts"], start=1))
    return Article(
        slug=doc.slug, title=normalize(data["title"]), publisher=data["publisher"], published=data["published"],
        language=data["language"], original_language=data.get("original_language"),
        source_file=data["source_file"], source_url=data.get("source_url"),
        cities=tuple(data["cities"]), facts=facts, body=doc.body,
    )


def _date_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _fact(article: str, position: int, item: dict[str, Any], metrics: dict[str, Metric],
          units: dict[str, Unit]) -> Fact:
    metric = metrics[item["metric"]]
    date = _date_text(item["date"]) if "date" in item else None
    reported = Decimal(item["value"]) if "value" in item else None
    declared = item.get("unit")
    value = reported
    if reported is not None and declared and metric.unit and declared != metric.unit:
        value = convert(reported, units[metric.unit].factors[declared])
    return Fact(
        id=f"{article}/{position}", article=article, position=position, city=item["city"],
        metric=metric.id, value=value, reported_value=reported,
        reported_unit=declared if declared and declared != metric.unit else None,
        year=int(date[:4]) if date else int(item["year"]), date=date,
        qualifier=item.get("qualifier"), scope=item.get("scope"), note=item.get("note"),
        quote=normalize(item["quote"]), quote_id=quote_id(item["quote"]),
    )

"""How values, dates and qualifiers read on a page: "3 billion yuan", "23rd", "April 2018"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from builder.model import Fact, Metric, Unit

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
QUALIFIER_WORDS = {"approx": "about", "nearly": "nearly", "more than": "more than", "at least": "at least",
                   "less than": "less than", "by": "by", "expected": "expected"}
LANGUAGE_NAMES = {"en": "English", "zh": "Chinese"}
KIND_LABELS = {"stock": "count or amount at a point in time", "flow": "amount over a period",
               "growth": "change in percent", "share": "share in percent",
               "rank": "position in a ranking", "designation": "title granted on a date"}
_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))
_MAX_DECIMALS_SHOWN = 4


def number(value: Decimal) -> str:
    """Digits with thousands separators and no trailing zeros: 36,553 or 193.8."""
    if value == value.to_integral_value():
        return f"{value.quantize(Decimal(1)):,}"
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > _MAX_DECIMALS_SHOWN:
        value = value.quantize(Decimal("0.01"))
    return f"{value.normalize():,f}"


def ordinal(value: Decimal) -> str:
    """23 -> 23rd."""
    whole = int(value)
    suffix = "th" if 10 <= whole % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(whole % 10, "th")
    return f"{whole:,}{suffix}"


def money(value: Decimal, label: str) -> str:
    """An amount in a readable scale: 3 billion yuan, 50.423 million yuan, 5,000 yuan."""
    for scale, word in _SCALES:
        if abs(value) >= scale:
            return f"{number(value / scale)} {word} {label}"
    return f"{number(value)} {label}"


def value_text(value: Decimal, metric: Metric, unit: Unit | None) -> str:
    """A canonical value as a reader reads it, in the metric's unit."""
    if metric.unit == "CNY":
        return money(value, unit.label if unit else "yuan")
    if metric.unit == "rank":
        return ordinal(value)
    if metric.unit == "percent":
        sign = "+" if metric.kind == "growth" and value > 0 else ""
        return f"{sign}{number(value)}%".replace("-", "\u2212")
    label = unit.label if unit else ""
    return f"{number(value)} {label}".strip()


def date_text(date: str) -> str:
    """2018 -> 2018; 2018-04 -> April 2018; 2022-07-16 -> 16 July 2022."""
    parts = [int(part) for part in date.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"


def long_date(date: dt.date) -> str:
    return date_text(date.isoformat())


def period_text(fact: Fact) -> str:
    """When a figure applies: its date if the article gives one, else its year."""
    return date_text(fact.date) if fact.date else str(fact.year)


def qualifier_text(fact: Fact) -> str:
    return QUALIFIER_WORDS.get(fact.qualifier or "", "")


def stated_text(fact: Fact, metric: Metric, unit: Unit | None) -> str:
    """The value with its qualifier ("nearly 400"), or for a designation its date ("by 2018")."""
    main = period_text(fact) if fact.value is None else value_text(fact.value, metric, unit)
    qualifier = qualifier_text(fact)
    return f"{qualifier} {main}" if qualifier else main


def reported_text(fact: Fact, metric: Metric, unit: Unit | None) -> str:
    """The value as the article wrote it, when that reads differently from the canonical form."""
    if fact.reported_unit is None or fact.reported_value is None or fact.value is None:
        return ""
    written = f"{number(fact.reported_value)} {fact.reported_unit}"
    return "" if written == value_text(fact.value, metric, unit) else written


def language_name(code: str | None) -> str:
    return LANGUAGE_NAMES.get(code or "", code or "")

"""display.py and units.py: values read as people write them, and convert exactly."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from builder import display
from builder.model import Metric, Unit
from builder.units import convert, parse_factor


def metric(unit: str, kind: str = "stock") -> Metric:
    return Metric("m", "M", None, "t", unit, kind, "d", True, True)


YUAN = Unit("CNY", "yuan", {})


@pytest.mark.parametrize(("value", "unit", "kind", "label", "expected"), [
    ("3000000000", "CNY", "flow", YUAN, "3 billion yuan"),
    ("193800000000", "CNY", "stock", YUAN, "193.8 billion yuan"),
    ("50423000", "CNY", "flow", YUAN, "50.423 million yuan"),
    ("5000", "CNY", "flow", YUAN, "5,000 yuan"),
    ("36553", "count", "stock", Unit("count", "", {}), "36,553"),
    ("28.39", "percent", "share", Unit("percent", "%", {}), "28.39%"),
    ("70", "percent", "growth", Unit("percent", "%", {}), "+70%"),
    ("-1", "percent", "growth", Unit("percent", "%", {}), "\u22121%"),
    ("23", "rank", "rank", Unit("rank", "", {}), "23rd"),
    ("11", "rank", "rank", Unit("rank", "", {}), "11th"),
    ("687.965591808", "hectare", "stock", Unit("hectare", "ha", {}), "687.97 ha"),
])
def test_values_read_as_people_write_them(value: str, unit: str, kind: str, label: Unit, expected: str) -> None:
    assert display.value_text(Decimal(value), metric(unit, kind), label) == expected


def test_dates_read_in_words() -> None:
    assert [display.date_text(d) for d in ("2018", "2018-04", "2022-07-16")] == ["2018", "April 2018", "16 July 2022"]


def test_conversions_are_exact_or_rounded_only_when_they_must_be() -> None:
    assert convert(Decimal("193.8"), Fraction(10**9)) == Decimal(193800000000)
    assert convert(Decimal("1.2735"), Fraction(10**9)) == Decimal(1273500000)
    assert convert(Decimal(1700), Fraction(1, 15)) == Decimal("113.333333")
    assert parse_factor("1/15") == Fraction(1, 15) and parse_factor(0) is None and parse_factor("x") is None

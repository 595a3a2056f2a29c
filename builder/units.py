"""Converting declared units to a metric's canonical unit, exactly."""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

DECIMAL_PLACES_WHEN_INEXACT = 6


def parse_factor(value: Any) -> Fraction | None:
    """A conversion factor written as a number or as a fraction string ("1/15"); None if invalid."""
    if isinstance(value, bool):
        return None
    try:
        factor = Fraction(str(value).replace(",", "").strip())
    except (ValueError, ZeroDivisionError):
        return None
    return factor if factor > 0 else None


def convert(value: Decimal, factor: Fraction) -> Decimal:
    """value x factor as a Decimal: exact when it terminates, else rounded to 6 decimal places."""
    product = Fraction(value) * factor
    with localcontext() as context:
        context.prec = 50
        exact = Decimal(product.numerator) / Decimal(product.denominator)
        if Fraction(exact) != product:
            exact = exact.quantize(Decimal(1).scaleb(-DECIMAL_PLACES_WHEN_INEXACT))
    return exact.normalize() if exact != exact.to_integral_value() else exact.quantize(Decimal(1))

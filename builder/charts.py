"""Chart geometry for inline SVG: bars for a ranking, a line for a city's series, a designations timeline.

Only numbers and labels are computed here; templates/_charts.html draws them. Every
coordinate is rounded to one decimal so the output is byte-stable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 150
VALUE_WIDTH = 130
CHART_WIDTH = 640
SERIES_WIDTH, SERIES_HEIGHT, SERIES_PAD = 260, 110, 28
TIMELINE_WIDTH, TIMELINE_ROW = 640, 26


def _r(number: float | Decimal) -> float:
    return round(float(number), 1)


@dataclass(frozen=True)
class Bar:
    """One bar: the city it stands for, its value as read, and where it is drawn."""

    label: str
    value: str
    y: float
    x: float
    width: float


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one per city with a value, in ranking order."""

    title: str
    description: str
    width: int
    height: int
    label_width: int
    zero_x: float
    bars: tuple[Bar, ...]


def bar_chart(title: str, description: str, rows: Sequence[tuple[str, str, Decimal]]) -> BarChart | None:
    """rows: (label, value as read, number). None when no row has a value."""
    if not rows:
        return None
    numbers = [row[2] for row in rows]
    low, high = min(Decimal(0), *numbers), max(Decimal(0), *numbers)
    span = (high - low) or Decimal(1)
    plot = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    zero = LABEL_WIDTH + plot * float((0 - low) / span)
    bars = []
    for index, (label, value, number) in enumerate(rows):
        end = LABEL_WIDTH + plot * float((number - low) / span)
        bars.append(Bar(label, value, _r(index * (BAR_HEIGHT + BAR_GAP)), _r(min(zero, end)),
                        _r(max(abs(end - zero), 1.0))))
    return BarChart(title, description, CHART_WIDTH, len(rows) * (BAR_HEIGHT + BAR_GAP), LABEL_WIDTH,
                    _r(zero), tuple(bars))


@dataclass(frozen=True)
class Point:
    """One value of a series: its year, its value as read, and where it is drawn."""

    year: int
    value: str
    x: float
    y: float


@dataclass(frozen=True)
class LineChart:
    """A small line chart of one metric over several years for one city."""

    title: str
    description: str
    width: int
    height: int
    path: str
    points: tuple[Point, ...]


def line_chart(title: str, description: str, values: Sequence[tuple[int, str, Decimal]]) -> LineChart | None:
    """values: (year, value as read, number), one per year. None with fewer than two years."""
    if len({year for year, _, _ in values}) < 2:
        return None
    ordered = sorted(values)
    years = [year for year, _, _ in ordered]
    numbers = [number for _, _, number in ordered]
    low, high = min(Decimal(0), *numbers), max(numbers)
    span_y = (high - low) or Decimal(1)
    span_x = (years[-1] - years[0]) or 1
    inner_w, inner_h = SERIES_WIDTH - 2 * SERIES_PAD, SERIES_HEIGHT - 2 * SERIES_PAD
    points = tuple(
        Point(year, text, _r(SERIES_PAD + inner_w * (year - years[0]) / span_x),
              _r(SERIES_PAD + inner_h * float((high - number) / span_y)))
        for year, text, number in ordered)
    path = " ".join(f"{'M' if i == 0 else 'L'}{point.x} {point.y}" for i, point in enumerate(points))
    return LineChart(title, description, SERIES_WIDTH, SERIES_HEIGHT, path, points)


@dataclass(frozen=True)
class Milestone:
    """A designation on the timeline."""

    label: str
    when: str
    x: float
    y: float
    anchor: str  # "start", or "end" for milestones in the right half, so the label stays inside


@dataclass(frozen=True)
class Timeline:
    """Designations along a line of years."""

    title: str
    description: str
    width: int
    height: int
    first_year: int
    last_year: int
    axis_y: float
    milestones: tuple[Milestone, ...]


def timeline(title: str, description: str, events: Sequence[tuple[float, str, str]]) -> Timeline | None:
    """events: (fractional year, label, when as read), in date order. None when there are none."""
    if not events:
        return None
    first, last = int(events[0][0]), int(events[-1][0]) + 1
    span = (last - first) or 1
    plot = TIMELINE_WIDTH - 2 * SERIES_PAD
    milestones = []
    for index, (at, label, when) in enumerate(events):
        x = _r(SERIES_PAD + plot * (at - first) / span)
        milestones.append(Milestone(label, when, x, _r(index * TIMELINE_ROW),
                                    "end" if x > TIMELINE_WIDTH / 2 else "start"))
    axis = len(events) * TIMELINE_ROW + 6
    return Timeline(title, description, TIMELINE_WIDTH, axis + 22, first, last, _r(axis), tuple(milestones))

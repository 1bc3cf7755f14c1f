"""Server-rendered SVG charts: the geometry is worked out here, the markup is a template
(``editorial/reports/charts/*.html``) with a ``<title>`` and ``<desc>``; every chart sits
above a table holding the same numbers, so nothing is only in the picture.

No JavaScript: bars and lines are plain SVG shapes, each with a ``<title>`` tooltip.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import count

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
WIDTH = 760
LABEL_WIDTH = 290
LABEL_CHARS = 40
BAR = 14
BAR_GAP = 10
LINE_HEIGHT = 300
MARGIN = {"top": 24, "right": 24, "bottom": 40, "left": 56}

_ids = count(1)


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float | int | None]

    @property
    def numbers(self) -> list[float]:
        return [v for v in self.values if v is not None]


def nice_ticks(maximum: float, wanted: int = 5) -> list[float]:
    """Round axis ticks from 0 to at least ``maximum`` (steps of 1, 2 or 5 × 10ⁿ)."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / wanted
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    if maximum >= 1 and step < 1:
        step = 1
    ticks = [0.0]
    while ticks[-1] < maximum:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _short(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


@dataclass
class Chart:
    """A chart of one or more series over the same categories."""

    title: str
    description: str
    categories: list[str]
    series: list[Series]
    #: "bar" (horizontal bars, one band per category) or "line" (categories along x).
    kind: str = "bar"
    unit: str = ""
    chart_id: str = field(default_factory=lambda: f"report-chart-{next(_ids)}")

    @property
    def template_name(self) -> str:
        return f"editorial/reports/charts/{self.kind}.html"

    @property
    def maximum(self) -> float:
        return max((n for s in self.series for n in s.numbers), default=0)

    @property
    def ticks(self) -> list[float]:
        return nice_ticks(self.maximum)

    @property
    def legend(self) -> list[dict]:
        """Series names and colours, drawn as an HTML list above the chart."""
        return [
            {"label": s.label, "colour": PALETTE[i % len(PALETTE)]}
            for i, s in enumerate(self.series)
        ]

    # --- Horizontal bars -------------------------------------------------------------

    @property
    def band(self) -> int:
        return len(self.series) * BAR + BAR_GAP

    @property
    def bar_height(self) -> int:
        return MARGIN["top"] + len(self.categories) * self.band + MARGIN["bottom"]

    def bars(self) -> dict:
        plot_width = WIDTH - LABEL_WIDTH - MARGIN["right"]
        top = self.ticks[-1] or 1
        scale = plot_width / top
        bands = []
        for index, category in enumerate(self.categories):
            y = MARGIN["top"] + index * self.band
            bars = []
            for number, series in enumerate(self.series):
                value = series.values[index]
                width = 0 if value is None else value * scale
                bars.append(
                    {
                        "x": LABEL_WIDTH,
                        "y": y + number * BAR,
                        "width": round(width, 1),
                        "height": BAR - 2,
                        "colour": PALETTE[number % len(PALETTE)],
                        "value": "—" if value is None else _number(value),
                        "label_x": round(LABEL_WIDTH + width + 4, 1),
                        "label_y": y + number * BAR + BAR - 4,
                        "series": series.label,
                    }
                )
            bands.append(
                {
                    "label": category,
                    "short_label": _short(category),
                    "label_y": y + (self.band - BAR_GAP) / 2 + 4,
                    "bars": bars,
                }
            )
        axis_y = MARGIN["top"] + len(self.categories) * self.band
        ticks = [
            {"x": round(LABEL_WIDTH + tick * scale, 1), "label": _number(tick)}
            for tick in self.ticks
        ]
        return {
            "width": WIDTH,
            "height": self.bar_height,
            "bands": bands,
            "ticks": ticks,
            "axis_y": axis_y,
            "grid_top": MARGIN["top"] - 4,
            "plot_left": LABEL_WIDTH,
        }

    # --- Lines -----------------------------------------------------------------------

    def lines(self) -> dict:
        left, right = MARGIN["left"], WIDTH - MARGIN["right"]
        top, bottom = MARGIN["top"], LINE_HEIGHT - MARGIN["bottom"]
        slots = max(len(self.categories) - 1, 1)
        top_tick = self.ticks[-1] or 1

        def x_at(index: int) -> float:
            return round(left + (right - left) * index / slots, 1)

        def y_at(value: float) -> float:
            return round(bottom - (bottom - top) * value / top_tick, 1)

        lines = []
        for number, series in enumerate(self.series):
            points = [
                {
                    "x": x_at(i),
                    "y": y_at(v),
                    "value": _number(v),
                    "category": self.categories[i],
                }
                for i, v in enumerate(series.values)
                if v is not None
            ]
            lines.append(
                {
                    "label": series.label,
                    "colour": PALETTE[number % len(PALETTE)],
                    "points": points,
                    "path": " ".join(f"{p['x']},{p['y']}" for p in points),
                }
            )
        return {
            "width": WIDTH,
            "height": LINE_HEIGHT,
            "lines": lines,
            "x_labels": [{"x": x_at(i), "label": c} for i, c in enumerate(self.categories)],
            "y_ticks": [{"y": y_at(t), "label": _number(t)} for t in self.ticks],
            "left": left,
            "right": right,
            "bottom": bottom,
            "label_y": bottom + 18,
        }

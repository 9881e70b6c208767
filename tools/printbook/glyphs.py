"""A small font of our own for the few signs the body font lacks: the arrow (→), the tick box (☐)
and the circle to fill in (○), drawn to Atkinson Hyperlegible's measures (the minus sign's height
and stroke, its x-height), so that every PDF the course hands out draws its text from the book's
own type and from no fallback font (issue 24).

The font is written when the print editions are made (:func:`write`), into the built site's
``_static/fonts/`` where printbook.css and the print packs' stylesheet find it; it is text, so
the signs can be searched and read aloud. The drawing is ours (no outline is copied), in the
public domain like the rest of the code (MIT).
"""

from __future__ import annotations

import math
from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

FAMILY = "Boektekens"
FILE = "boektekens.ttf"
UPM = 1000
#: Atkinson Hyperlegible 400: the minus sign's stroke (y 209-288) and advance, and the x-height.
AXIS_LOW, AXIS_HIGH, X_HEIGHT = 209, 288, 496
STROKE = AXIS_HIGH - AXIS_LOW
SIGNS = {"→": "arrowright", "☐": "ballotbox", "○": "whitecircle"}


def _polygon(pen: TTGlyphPen, points: list[tuple[float, float]]) -> None:
    pen.moveTo(tuple(map(round, points[0])))
    for point in points[1:]:
        pen.lineTo(tuple(map(round, point)))
    pen.closePath()


def _arrow() -> tuple[object, int]:
    pen = TTGlyphPen(None)
    left, right, head = 60, 880, 260           # the head is 260 units long
    middle = (AXIS_LOW + AXIS_HIGH) / 2
    reach = 200                                 # half the head's height
    # one outline, clockwise: shaft and head
    _polygon(pen, [(left, AXIS_HIGH), (right - head + 40, AXIS_HIGH), (right - head - 30, middle + reach),
                   (right - head + 70, middle + reach), (right, middle), (right - head + 70, middle - reach),
                   (right - head - 30, middle - reach), (right - head + 40, AXIS_LOW), (left, AXIS_LOW)])
    return pen.glyph(), 940


def _box() -> tuple[object, int]:
    pen = TTGlyphPen(None)
    x0, y0, size, t = 70, -40, 640, STROKE
    _polygon(pen, [(x0, y0), (x0, y0 + size), (x0 + size, y0 + size), (x0 + size, y0)])          # clockwise
    _polygon(pen, [(x0 + t, y0 + t), (x0 + size - t, y0 + t), (x0 + size - t, y0 + size - t),
                   (x0 + t, y0 + size - t)])                                                     # the hole
    return pen.glyph(), 780


def _circle() -> tuple[object, int]:
    pen = TTGlyphPen(None)
    cx, cy, r = 390, X_HEIGHT / 2, 300

    def ring(radius: float, clockwise: bool) -> list[tuple[float, float]]:
        steps = [2 * math.pi * i / 64 for i in range(64)]
        return [(cx + radius * math.sin(a), cy + radius * math.cos(a)) for a in (steps if clockwise else steps[::-1])]

    _polygon(pen, ring(r, True))
    _polygon(pen, ring(r - STROKE, False))
    return pen.glyph(), 780


def build() -> FontBuilder:
    drawn = {"arrowright": _arrow(), "ballotbox": _box(), "whitecircle": _circle()}
    empty = TTGlyphPen(None).glyph()
    glyphs = {".notdef": empty, "space": empty, **{name: g for name, (g, _w) in drawn.items()}}
    fb = FontBuilder(UPM, isTTF=True)
    fb.setupGlyphOrder(list(glyphs))
    fb.setupCharacterMap({32: "space", **{ord(ch): name for ch, name in SIGNS.items()}})
    fb.setupGlyf(glyphs)
    metrics = {".notdef": (500, 0), "space": (250, 0)}
    for name, (glyph, width) in drawn.items():
        metrics[name] = (width, glyph.xMin)
    fb.setupHorizontalMetrics(metrics)
    fb.setupHorizontalHeader(ascent=950, descent=-290)
    fb.setupNameTable({"familyName": FAMILY, "styleName": "Regular",
                       "copyright": "Drawn for the course Sociale media en mentale gezondheid (MIT)"})
    fb.setupOS2(sTypoAscender=950, sTypoDescender=-290, usWinAscent=950, usWinDescent=290,
                sxHeight=X_HEIGHT, sCapHeight=668)
    fb.setupPost()
    return fb


def write(html_dir: Path) -> Path:
    """Write the font into the built site (``_static/fonts/boektekens.ttf``); return its path."""
    target = Path(html_dir) / "_static" / "fonts" / FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    build().save(str(target))
    return target

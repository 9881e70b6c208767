"""Empty figures for the worksheets of a lesson plan (``figuur:`` in a plan), drawn with drawsvg
(already used for the notebooks' charts) as inline SVG with a title for screen readers:

* ``spectrumlijn``: a line with the four positions of module 1, labels from the module's page;
* ``cirkel``: four empty steps in a circle with arrows (module 2's vicious circle);
* ``web``: a person in the middle and six empty threads (module 1's web).
"""

from __future__ import annotations

import math

import drawsvg as draw

INK = "#0b3d3a"
LINE = "#5a6f6d"
FONT = "Atkinson Hyperlegible, DejaVu Sans, sans-serif"


def _canvas(width: int, height: int, title: str) -> draw.Drawing:
    d = draw.Drawing(width, height, font_family=FONT, role="img")
    d.append(draw.Title(title))
    return d


def spectrum_line(positions: list[str]) -> str:
    """A long line with one box per position, to put a cross on."""
    width, height = 640, 120
    d = _canvas(width, height, "Een lange lijn met " + ", ".join(positions))
    d.append(draw.Line(20, 40, width - 20, 40, stroke=INK, stroke_width=3))
    step = (width - 40) / len(positions)
    for i, label in enumerate(positions):
        x = 20 + i * step
        d.append(draw.Rectangle(x + 4, 26, step - 8, 28, fill="none", stroke=INK, stroke_width=1.5))
        words = label.split()
        half = (len(words) + 1) // 2
        for j, line in enumerate((" ".join(words[:half]), " ".join(words[half:]))):
            if line:
                d.append(draw.Text(line, 13, x + step / 2, 78 + j * 16, text_anchor="middle", fill=INK))
    return d.as_svg()


def circle(steps: int = 4) -> str:
    """Empty boxes in a circle, joined by arrows clockwise."""
    size, r = 420, 140
    d = _canvas(size, size, f"Een lege cirkel van {steps} stappen met pijlen met de klok mee")
    arrow = draw.Marker(-0.1, -0.5, 0.9, 0.5, scale=8, orient="auto")
    arrow.append(draw.Lines(-0.1, -0.5, -0.1, 0.5, 0.9, 0, fill=LINE, close=True))
    cx = cy = size / 2
    for i in range(steps):
        a0 = -math.pi / 2 + 2 * math.pi * i / steps
        a1 = a0 + 2 * math.pi / steps
        d.append(draw.Arc(cx, cy, r, -math.degrees(a0 + 0.42), -math.degrees(a1 - 0.42), cw=True,
                          stroke=LINE, stroke_width=2, fill="none", marker_end=arrow))
        x, y = cx + r * math.cos(a0), cy + r * math.sin(a0)
        d.append(draw.Rectangle(x - 62, y - 30, 124, 60, rx=8, fill="#fff", stroke=INK, stroke_width=1.5))
        d.append(draw.Text(str(i + 1), 12, x - 54, y - 16, fill=INK))
    return d.as_svg()


def web(threads: int = 6) -> str:
    """A person in the middle and empty circles around it, joined by lines."""
    size, r = 420, 150
    d = _canvas(size, size, f"Een leeg web: een cirkel in het midden en {threads} lege cirkels eromheen")
    cx = cy = size / 2
    for i in range(threads):
        a = -math.pi / 2 + 2 * math.pi * i / threads
        x, y = cx + r * math.cos(a), cy + r * math.sin(a)
        d.append(draw.Line(cx, cy, x, y, stroke=LINE, stroke_width=1.5))
        d.append(draw.Circle(x, y, 40, fill="#fff", stroke=INK, stroke_width=1.5))
    d.append(draw.Circle(cx, cy, 46, fill="#fff", stroke=INK, stroke_width=2.5))
    return d.as_svg()

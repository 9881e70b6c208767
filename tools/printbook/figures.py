"""Empty figures for the worksheets of a lesson plan (``figuur:`` in a plan), drawn with drawsvg
(already used for the notebooks' charts) as inline SVG with a title for screen readers:

* ``spectrumlijn``: a line with the four positions of module 1, labels from the module's page;
* ``cirkel``: empty steps in a circle (as many as the case's chart has, else four) with arrows (module 2's
  vicious circle);
* ``web``: a person in the middle and six empty threads (module 1's web).
"""

from __future__ import annotations

import math

import drawsvg as draw

INK = "#0b3d3a"
LINE = "#5a6f6d"
FONT = "Atkinson Hyperlegible, DejaVu Sans, sans-serif"
#: Boxes on an empty circle when the plan's case does not say how many steps it has.
CIRCLE_STEPS = 4


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


def circle(steps: int = CIRCLE_STEPS) -> str:
    """Empty boxes in a circle, joined by arrows clockwise (one arc from each box to the next)."""
    size, r = 440, 150
    box_w, box_h = (124, 60) if steps <= 4 else (112, 54)
    d = _canvas(size, size, f"Een lege cirkel van {steps} stappen met pijlen met de klok mee")
    arrow = draw.Marker(-0.1, -0.5, 0.9, 0.5, scale=8, orient="auto")
    arrow.append(draw.Lines(-0.1, -0.5, -0.1, 0.5, 0.9, 0, fill=LINE, close=True))
    cx = cy = size / 2
    gap = math.asin(min(0.95, (box_w / 2 + 12) / r))   # the arc starts and ends just outside the boxes
    centres = [-math.pi / 2 + 2 * math.pi * i / steps for i in range(steps)]
    for a0 in centres:
        a1 = a0 + 2 * math.pi / steps
        start, stop = a0 + gap, a1 - gap
        if stop - start < 0.15:                          # boxes too close for an arc: a short one
            middle = (a0 + a1) / 2
            start, stop = middle - 0.08, middle + 0.08
        path = draw.Path(stroke=LINE, stroke_width=2, fill="none", marker_end=arrow)
        path.M(cx + r * math.cos(start), cy + r * math.sin(start))
        path.A(r, r, 0, 0, 1, cx + r * math.cos(stop), cy + r * math.sin(stop))
        d.append(path)
    for i, a0 in enumerate(centres):
        x, y = cx + r * math.cos(a0), cy + r * math.sin(a0)
        d.append(draw.Rectangle(x - box_w / 2, y - box_h / 2, box_w, box_h, rx=8, fill="#fff", stroke=INK,
                                stroke_width=1.5))
        d.append(draw.Text(str(i + 1), 12, x - box_w / 2 + 8, y - box_h / 2 + 14, fill=INK))
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

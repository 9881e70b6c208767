"""Drawing plumbing for the charts of every module (internal; English is fine here).

All charts are SVG, drawn with ``drawsvg`` (a pure-Python wheel that also runs in the
in-browser runtime). This file holds what every chart shares, so each module only says
*what* to draw:

- one canvas size and letter size: a chart is :data:`BREED` user units wide, and no text is
  smaller than :data:`KLEIN`. Printed 16 cm wide that is at least 8 pt (``KLEIN * 453.5 /
  BREED``); tests check it;
- the course font (:data:`LETTERTYPE`) on the root element, a white background (so a chart
  stays readable on the site's dark mode) and ``<title>``/``<desc>`` as the first children;
- text is always text: anything a learner typed is escaped by drawsvg and stripped of
  characters XML does not allow; it is never parsed as markup or maths;
- no script, no event attributes and no reference to another host.

See :class:`cursus._basis.Grafiek` for how a finished chart is shown.
"""

from __future__ import annotations

import math
import re
import unicodedata
import xml.sax.saxutils as _xml
from collections.abc import Callable, Iterable, Sequence

import drawsvg

from cursus._basis import KLEUREN, Grafiek

#: Width of every chart in SVG user units (about pixels on screen).
BREED = 720
#: Letter sizes in user units. KLEIN is the smallest text in any chart.
KLEIN, LETTER, TITEL = 15, 16, 20
#: The course font, with a generic fallback. Single quotes: drawsvg writes attributes as-is.
LETTERTYPE = ",".join(("'Atkinson Hyperlegible'", "sans-serif"))
#: Average advance width of a character in em, on the safe (wide) side, to size boxes.
TEKENBREEDTE = 0.6

INKT = KLEUREN["inkt"]

# characters XML 1.0 does not allow (C0 controls except tab/newline/return, surrogates,
# U+FFFE/U+FFFF); line and paragraph separators are turned into spaces as well
_NIET_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_WITRUIMTE = re.compile(r"\s+")


def schoon(tekst: str) -> str:
    """Text that is safe inside SVG: XML-forbidden characters dropped, white space single."""
    return _WITRUIMTE.sub(" ", _NIET_XML.sub("", str(tekst))).strip()


def tekstbreedte(tekst: str, grootte: float) -> float:
    """Estimated width of a line of text (no font metrics needed, errs on the wide side).

    Wide characters (Chinese, Japanese, Korean, most emoji) count as one em.
    """
    breed = sum(1 for teken in tekst if unicodedata.east_asian_width(teken) in "WF")
    return ((len(tekst) - breed) * TEKENBREEDTE + breed) * grootte


def mooie_stappen(laag: float, hoog: float, aantal: int = 5) -> list[float]:
    """Round tick values from ``laag`` to ``hoog`` (inclusive), about ``aantal`` of them."""
    if hoog <= laag:
        hoog = laag + 1
    ruw = (hoog - laag) / max(1, aantal)
    macht = 10 ** math.floor(math.log10(ruw))
    stap = next(m * macht for m in (1, 2, 2.5, 5, 10) if m * macht >= ruw)
    begin = math.ceil(laag / stap - 1e-9) * stap
    uit = []
    k = 0
    while begin + k * stap <= hoog + 1e-9:
        uit.append(round(begin + k * stap, 10))
        k += 1
    return uit


class Tekening:
    """A white canvas with the course font; add shapes, then call :meth:`grafiek`."""

    def __init__(self, hoogte: float, breedte: float = BREED) -> None:
        self.breedte, self.hoogte = breedte, hoogte
        self._d = drawsvg.Drawing(breedte, hoogte, font_family=LETTERTYPE, role="img")
        self._d.append(drawsvg.Rectangle(0, 0, breedte, hoogte, fill=KLEUREN["wit"]))

    # -- shapes ----------------------------------------------------------------------
    def tekst(self, x: float, y: float, inhoud: str | Sequence[str], grootte: float = LETTER,
              anker: str = "start", vet: bool = False, schuin: bool = False,
              kleur: str = INKT, draai: float | None = None, regelafstand: float = 1.2,
              klasse: str | None = None) -> None:
        """One line, or several lines (a list), of text; ``y`` is the first baseline.

        ``klasse`` becomes the SVG class attribute (tests use it to find parts of a chart).
        """
        regels = [inhoud] if isinstance(inhoud, str) else list(inhoud)
        regels = [schoon(r) for r in regels]
        extra = {"class_": klasse} if klasse else {}
        if vet:
            extra["font_weight"] = "bold"
        if schuin:
            extra["font_style"] = "italic"
        if draai is not None:
            extra["transform"] = "rotate(" + ",".join((f"{draai:g}", f"{x:.1f}", f"{y:.1f}")) + ")"
        if len(regels) == 1:
            self._d.append(drawsvg.Text(regels[0], grootte, round(x, 1), round(y, 1),
                                        text_anchor=anker, fill=kleur, **extra))
            return
        # multi-line text: one tspan per line, each with its own baseline
        element = drawsvg.Text("", grootte, round(x, 1), round(y, 1), text_anchor=anker,
                               fill=kleur, **extra)
        for i, regel in enumerate(regels):
            element.append(drawsvg.TSpan(regel, x=round(x, 1),
                                         y=round(y + i * grootte * regelafstand, 1)))
        self._d.append(element)

    def lijn(self, x1: float, y1: float, x2: float, y2: float, kleur: str = INKT,
             dikte: float = 1.5, streep: str | None = None, klasse: str | None = None) -> None:
        self.lijnen([(x1, y1), (x2, y2)], kleur, dikte, streep, klasse)

    def lijnen(self, punten: Iterable[tuple[float, float]], kleur: str = INKT, dikte: float = 1.5,
               streep: str | None = None, klasse: str | None = None) -> None:
        """An open polyline through ``punten``; ``streep`` is an SVG dash pattern like '8,5'."""
        plat = [round(c, 1) for p in punten for c in p]
        if len(plat) < 4:
            return
        extra = {"class_": klasse} if klasse else {}
        if streep:
            extra["stroke_dasharray"] = streep
        self._d.append(drawsvg.Lines(*plat, close=False, fill="none", stroke=kleur,
                                     stroke_width=dikte, stroke_linejoin="round", **extra))

    def rechthoek(self, x: float, y: float, b: float, h: float, vul: str = "none",
                  rand: str | None = None, dikte: float = 1.5, streep: str | None = None,
                  rond: float = 0, klasse: str | None = None) -> None:
        extra = {"class_": klasse} if klasse else {}
        if rand:
            extra.update(stroke=rand, stroke_width=dikte)
        if streep:
            extra["stroke_dasharray"] = streep
        if rond:
            extra.update(rx=rond, ry=rond)
        self._d.append(drawsvg.Rectangle(round(x, 1), round(y, 1), round(b, 1), round(h, 1),
                                         fill=vul, **extra))

    def veelhoek(self, punten: Sequence[tuple[float, float]], vul: str,
                 rand: str | None = None, dikte: float = 1.5, klasse: str | None = None) -> None:
        plat = [round(c, 1) for p in punten for c in p]
        extra = {"class_": klasse} if klasse else {}
        if rand:
            extra.update(stroke=rand, stroke_width=dikte)
        self._d.append(drawsvg.Lines(*plat, close=True, fill=vul, **extra))

    def kromme(self, start: tuple[float, float], controle: tuple[float, float],
               eind: tuple[float, float], kleur: str = INKT, dikte: float = 2.5,
               streep: str | None = None, klasse: str | None = None) -> None:
        """A quadratic Bézier curve (used for the arrows of the vicious circle)."""
        extra = {"class_": klasse} if klasse else {}
        if streep:
            extra["stroke_dasharray"] = streep
        pad = drawsvg.Path(fill="none", stroke=kleur, stroke_width=dikte, **extra)
        pad.M(*(round(c, 1) for c in start)).Q(*(round(c, 1) for c in controle + eind))
        self._d.append(pad)

    def punt(self, x: float, y: float, vorm: str, kleur: str, open_: bool = False,
             maat: float = 6.5, klasse: str | None = None) -> None:
        """A marker: 'rondje', 'vierkant', 'driehoek_op' or 'driehoek_neer'.

        ``open_`` draws a white marker with a thick coloured edge, so filled and open markers
        stay apart in greyscale.
        """
        vul, rand, dikte = (KLEUREN["wit"], kleur, 2.5) if open_ else (kleur, KLEUREN["wit"], 1)
        if vorm == "rondje":
            self._d.append(drawsvg.Circle(round(x, 1), round(y, 1), maat, fill=vul, stroke=rand,
                                          stroke_width=dikte, **({"class_": klasse} if klasse else {})))
        elif vorm == "vierkant":
            z = maat * 0.9
            self.rechthoek(x - z, y - z, 2 * z, 2 * z, vul, rand, dikte, klasse=klasse)
        else:  # a triangle pointing up ("driehoek_op") or down ("driehoek_neer")
            r = maat * 1.3
            richting = {"driehoek_op": -1, "driehoek_neer": 1}[vorm]
            self.veelhoek([(x, y + richting * r), (x - r * 0.87, y - richting * r * 0.5),
                           (x + r * 0.87, y - richting * r * 0.5)], vul, rand, dikte, klasse)

    def pijlpunt(self, punt: tuple[float, float], van: tuple[float, float], kleur: str = INKT,
                 lengte: float = 16, breedte: float = 12) -> None:
        """A filled arrowhead with its tip at ``punt``, pointing away from ``van``."""
        dx, dy = punt[0] - van[0], punt[1] - van[1]
        afstand = math.hypot(dx, dy) or 1.0
        ux, uy = dx / afstand, dy / afstand
        bx, by = punt[0] - ux * lengte, punt[1] - uy * lengte
        self.veelhoek([punt, (bx - uy * breedte / 2, by + ux * breedte / 2),
                       (bx + uy * breedte / 2, by - ux * breedte / 2)], kleur)

    # -- result ----------------------------------------------------------------------
    def grafiek(self, titel: str, beschrijving: str) -> Grafiek:
        """The finished chart; ``titel`` and ``beschrijving`` become <title> and <desc>.

        The alt text of the chart is the title followed by the description.
        """
        titel, beschrijving = schoon(titel), schoon(beschrijving)
        svg = self._d.as_svg(header="")
        kop, rest = svg.split(">\n", 1)  # the end of the <svg ...> start tag
        toegankelijk = (f">\n<title>{_xml.escape(titel)}</title>\n"
                        f"<desc>{_xml.escape(beschrijving)}</desc>\n")
        return Grafiek(kop + toegankelijk + rest, f"{titel}. {beschrijving}")


class Assen:
    """A plot area inside a :class:`Tekening`, mapping data values to positions."""

    def __init__(self, t: Tekening, links: float, boven: float, breedte: float, hoogte: float,
                 x_bereik: tuple[float, float], y_bereik: tuple[float, float]) -> None:
        self.t = t
        self.links, self.boven, self.breedte, self.hoogte = links, boven, breedte, hoogte
        self.x_bereik, self.y_bereik = x_bereik, y_bereik

    @property
    def onder(self) -> float:
        return self.boven + self.hoogte

    @property
    def rechts(self) -> float:
        return self.links + self.breedte

    def x(self, waarde: float) -> float:
        laag, hoog = self.x_bereik
        return self.links + (waarde - laag) / (hoog - laag) * self.breedte

    def y(self, waarde: float) -> float:
        laag, hoog = self.y_bereik
        waarde = min(max(waarde, laag), hoog)
        return self.onder - (waarde - laag) / (hoog - laag) * self.hoogte

    def band(self, laag: float, hoog: float, kleur: str = KLEUREN["lichtgrijs"]) -> None:
        """A horizontal band over the full width (e.g. 'no clear difference')."""
        self.t.rechthoek(self.links, self.y(hoog), self.breedte, self.y(laag) - self.y(hoog), kleur)

    def horizontaal(self, waarde: float, kleur: str = INKT, dikte: float = 1.5,
                    streep: str | None = None) -> None:
        self.t.lijn(self.links, self.y(waarde), self.rechts, self.y(waarde), kleur, dikte, streep)

    def y_as(self, waarden: Sequence[float], label: Sequence[str], teken: str = "") -> None:
        """Light grid lines with tick labels at ``waarden``, and a (rotated) axis label."""
        for w in waarden:
            self.t.lijn(self.links, self.y(w), self.rechts, self.y(w), KLEUREN["lichtgrijs"], 1)
            tekst = f"{w:+g}" if teken == "+" and w > 0 else f"{w:g}"
            self.t.tekst(self.links - 8, self.y(w) + KLEIN * 0.35, tekst.replace(".", ","), KLEIN,
                         anker="end")
        midden = self.boven + self.hoogte / 2
        x = self.links - 62
        regels = list(label)
        for i, regel in enumerate(regels):
            xi = x + (i - (len(regels) - 1)) * LETTER * 1.2
            self.t.tekst(xi, midden, regel, LETTER, anker="middle", draai=-90)

    def x_as(self, posities: Sequence[tuple[float, str]], label: str) -> None:
        """Tick labels under the plot at data positions, and the axis label below them."""
        self.t.lijn(self.links, self.onder, self.rechts, self.onder, INKT, 1.5)
        for w, tekst in posities:
            self.t.tekst(self.x(w), self.onder + LETTER * 1.3, tekst, KLEIN, anker="middle")
        if label:
            self.t.tekst(self.links + self.breedte / 2, self.onder + LETTER * 2.8, label, LETTER,
                         anker="middle")


def legenda(t: Tekening, x: float, y: float, items: Sequence[tuple[Callable[[Tekening, float, float], None], str]],
            rechts: float | None = None) -> float:
    """A legend in rows from (x, y); each item is (draw_sample(t, cx, cy), label).

    Items flow to the next row when a row would pass ``rechts``. Returns the y below it.
    """
    rechts = t.breedte - 12 if rechts is None else rechts
    rij_hoogte = LETTER * 1.6
    cx = x
    for teken_voorbeeld, label in items:
        breedte = 34 + tekstbreedte(label, KLEIN) + 22
        if cx > x and cx + breedte > rechts:
            cx, y = x, y + rij_hoogte
        teken_voorbeeld(t, cx + 14, y - KLEIN * 0.35)
        t.tekst(cx + 34, y, label, KLEIN)
        cx += breedte
    return y + rij_hoogte

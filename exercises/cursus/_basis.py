"""Shared basics of the learner-facing helpers (internal; English is fine here).

Every module in ``cursus`` builds on this file; nothing here is called from a notebook.

Messages
    Every public, learner-facing function is wrapped with :func:`vriendelijk`. Inside, code
    raises :class:`InvoerFout` with a one-line Dutch message when the learner's input is
    wrong. The wrapper turns that into a single printed line (no traceback) and returns
    ``None``. Tests call ``func.__wrapped__`` or use :func:`melding_van` to get the message.

Numbers and text
    :func:`getal` and :func:`heel` write numbers the Dutch way (decimal comma, thousands dot,
    never "-0"); :func:`kort` shortens anything a learner typed before it goes into a
    message; :func:`druk` prints running text wrapped at :data:`BREEDTE` characters.
    :func:`is_getal` / :func:`heel_getal` accept every :mod:`numbers` type (so numpy numbers
    work too), never ``bool``.

Colours
    :data:`KLEUREN` is the Okabe-Ito palette (safe for colour-blind readers). Hue alone never
    carries meaning: every chart also varies lightness, marker shape, fill or dashes, so it
    stays readable in greyscale print.

Display contract (the notebook, the site and the in-browser runtime rely on it)
    A chart is a :class:`Grafiek`: the SVG text (``.svg``) and its alt text (``.alt``). It
    has ``_repr_svg_()``, so Jupyter and myst-nb show it as ``image/svg+xml``. Helpers never
    display a chart themselves; they call :func:`toon` once per chart, which

    1. calls the hook :data:`TOON` as ``TOON(svg_text, alt_text)`` when it is set (the
       browser runtime sets ``cursus._basis.TOON`` to put the SVG on the page);
    2. otherwise uses ``IPython.display.display`` when IPython can be imported (Jupyter,
       myst-nb, nbclient);
    3. otherwise prints one line with the alt text (plain Python).

    Text output is always ``print()``. The package needs only the standard library and
    ``drawsvg`` (a pure-Python wheel): no numpy, no matplotlib, no IPython.
"""

from __future__ import annotations

import functools
import math
import numbers
import reprlib
import textwrap
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: Prefix printed before every input problem, so learners recognise it at a glance.
LET_OP = "Let op: "

#: Printed running text is wrapped at this many characters (notebook, site and print).
BREEDTE = 78


# ---------------------------------------------------------------------------
# one Dutch line instead of a traceback
# ---------------------------------------------------------------------------

class InvoerFout(ValueError):
    """A problem with what the learner typed or supplied; the message is one Dutch line."""

    def __init__(self, melding: str) -> None:
        melding = " ".join(str(melding).split())  # always exactly one line
        super().__init__(melding)
        self.melding = melding


def vriendelijk(func: F) -> F:
    """Print an :class:`InvoerFout` as one friendly line instead of a traceback."""

    @functools.wraps(func)  # also sets wrapper.__wrapped__ = func
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InvoerFout as fout:
            print(LET_OP + fout.melding)
            return None

    return wrapper  # type: ignore[return-value]


def melding_van(func: Callable[..., Any], *args: Any, **kwargs: Any) -> str | None:
    """Call the undecorated ``func`` and return its InvoerFout message, or None (for tests)."""
    kern = getattr(func, "__wrapped__", func)
    try:
        kern(*args, **kwargs)
    except InvoerFout as fout:
        return fout.melding
    return None


# ---------------------------------------------------------------------------
# what the learner gave
# ---------------------------------------------------------------------------

_NAMEN = {
    bool: "waar/onwaar (True/False)",
    str: "tekst",
    list: "een lijst",
    tuple: "een rijtje (tuple)",
    dict: "een woordenboek (dict)",
    set: "een verzameling (set)",
    type(None): "niets (None)",
}


def beschrijf_type(waarde: Any) -> str:
    """A short Dutch name for the type of ``waarde``, for messages like 'je gaf een getal'."""
    if type(waarde) in _NAMEN:
        return _NAMEN[type(waarde)]
    if is_getal(waarde):
        return "een getal"
    return f"iets van het type {kort(type(waarde).__name__, 40)}"


_KORT = reprlib.Repr()
_KORT.maxother = 40

#: Whole numbers with more digits than this are described, not written out.
MAX_CIJFERS = 15


def kort(waarde: Any, maximum: int = 40) -> str:
    """``waarde`` as a short, single-line text for a message; safe for any object and size.

    Strings are shown as they are (no quotes added), other values like ``repr``. Long
    texts are cut in the middle with '...'; a whole number with more than
    :data:`MAX_CIJFERS` digits becomes 'een getal van ongeveer 5000 cijfers'.
    """
    if isinstance(waarde, str):
        tekst = waarde
    elif is_getal(waarde) and isinstance(waarde, numbers.Integral) \
            and abs(int(waarde)) >= 10 ** MAX_CIJFERS:
        cijfers = int(abs(int(waarde)).bit_length() * math.log10(2)) + 1
        return f"een getal van ongeveer {heel(cijfers)} cijfers"
    else:
        try:
            tekst = _KORT.repr(waarde)
        except Exception:  # a learner's own object with a broken __repr__
            tekst = f"iets van het type {type(waarde).__name__}"
    tekst = " ".join(tekst.split())
    if len(tekst) > maximum:
        helft = (maximum - 3) // 2
        tekst = tekst[:helft] + "..." + tekst[len(tekst) - helft:]
    return tekst


def kort_repr(waarde: Any, maximum: int = 40) -> str:
    """Like :func:`kort`, but a string keeps quotes: 'twee' (for 'er is geen vraag '1'')."""
    if isinstance(waarde, str):
        return repr(kort(waarde, maximum))
    return kort(waarde, maximum)


# ---------------------------------------------------------------------------
# numbers
# ---------------------------------------------------------------------------

def is_getal(waarde: Any) -> bool:
    """True for every real number type (int, float, Fraction, numpy numbers), not for bool."""
    return isinstance(waarde, numbers.Real) and not isinstance(waarde, bool)


def heel_getal(waarde: Any) -> int | None:
    """The whole number ``waarde`` stands for (3, 3.0, numpy.int64(3)), else None.

    Never raises: NaN, infinity, 2.5, bool and non-numbers give None.
    """
    if not is_getal(waarde):
        return None
    if isinstance(waarde, numbers.Integral):
        try:
            return int(waarde)
        except (TypeError, ValueError, OverflowError):
            return None
    try:
        als_float = float(waarde)
    except (TypeError, ValueError, OverflowError):
        return None
    if math.isfinite(als_float) and als_float.is_integer():
        return int(als_float)
    return None


def kommagetal(waarde: Any) -> float | None:
    """``waarde`` as a float when it is a real number (huge ints become inf), else None."""
    if not is_getal(waarde):
        return None
    try:
        return float(waarde)
    except OverflowError:  # int too large for a float
        return math.inf if waarde > 0 else -math.inf
    except (TypeError, ValueError):
        return None


def getal(x: float, decimalen: int = 1, plus: bool = False) -> str:
    """Dutch number: 3.25 -> '3,3' (decimal comma); ``plus=True`` gives '+3,3'.

    One rule for zero: whatever rounds to zero is written without a sign ('0,0', never
    '-0,0' or '+0,0'). NaN is written 'onbekend'.
    """
    x = float(x)
    if math.isnan(x):
        return "onbekend"
    tekst = f"{x:.{decimalen}f}"
    if float(tekst) == 0:
        tekst = tekst.lstrip("-")
    elif plus and x > 0:
        tekst = "+" + tekst
    return tekst.replace(".", ",")


def heel(n: int) -> str:
    """12345 -> '12.345' (Dutch thousands separator)."""
    return f"{int(n):,}".replace(",", ".")


def uren_min(minuten: float) -> str:
    """95 -> '1 uur en 35 min' (a duration in Dutch words)."""
    minuten = int(round(minuten))
    u, m = divmod(minuten, 60)
    if u and m:
        return f"{u} uur en {m} min"
    if u:
        return f"{u} uur"
    return f"{m} min"


# ---------------------------------------------------------------------------
# printed text
# ---------------------------------------------------------------------------

def druk(tekst: str = "", inspringen: str = "", eerste: str = "") -> None:
    """Print running text wrapped at :data:`BREEDTE`; an empty text prints an empty line.

    ``eerste`` indents the first line, ``inspringen`` the lines after it.
    """
    if not tekst:
        print()
        return
    print(textwrap.fill(tekst, BREEDTE, initial_indent=eerste, subsequent_indent=inspringen,
                        break_on_hyphens=False, break_long_words=True))


# ---------------------------------------------------------------------------
# colours
# ---------------------------------------------------------------------------

#: Okabe-Ito colours, plus ink and greys. Dark and light members differ clearly in
#: lightness, so pairs like ``blauw`` / ``licht_blauw`` also work in greyscale.
KLEUREN = {
    "blauw": "#0072B2",
    "oranje": "#D55E00",       # Okabe-Ito "vermillion"
    "groen": "#009E73",        # Okabe-Ito "bluish green"
    "hemelsblauw": "#56B4E9",
    "licht_blauw": "#D6E8F5",
    "licht_oranje": "#FBE0CC",
    "licht_groen": "#CCEDE3",
    "inkt": "#1A1A1A",
    "grijs": "#6B6B6B",
    "lichtgrijs": "#E6E6E6",
    "wit": "#FFFFFF",
}


# ---------------------------------------------------------------------------
# charts: the display contract
# ---------------------------------------------------------------------------

class Grafiek:
    """A finished chart: SVG text plus alt text. Jupyter shows it through ``_repr_svg_``."""

    def __init__(self, svg: str, alt: str) -> None:
        self.svg = svg
        self.alt = alt

    def _repr_svg_(self) -> str:
        return self.svg

    def __repr__(self) -> str:  # text/plain, e.g. in a terminal
        return f"Figuur: {self.alt}"


#: Replaceable display hook: ``TOON(svg_text, alt_text)``. None means: IPython, else print.
TOON: Callable[[str, str], None] | None = None


def toon(grafiek: Grafiek) -> None:
    """Show one chart (see the display contract at the top of this file)."""
    if TOON is not None:
        TOON(grafiek.svg, grafiek.alt)
        return
    try:
        from IPython.display import display
    except ImportError:
        druk(repr(grafiek))
        return
    display(grafiek)

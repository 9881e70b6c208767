"""Runs notebook cells in the learner's browser (Pyodide, in a Web Worker), as Jupyter would.

Loaded by ``cursus-oefenen-worker.js`` next to the helper package ``cursus`` and ``drawsvg`` (the
same files the notebooks import; see ``course/sphinxext/runtime.py``). It adds no behaviour of its
own to the helpers; it only does what a Jupyter kernel does around them:

* one namespace for the whole page, like a kernel's;
* ``print()`` output and charts in the order they happen: charts come through the helpers'
  display hook ``cursus._basis.TOON`` (the display contract in ``cursus/_basis.py``);
  consecutive text is merged, as the notebook page shows it;
* the value of a cell's last expression is shown as IPython shows it (``_ipython_display_``,
  ``_repr_svg_`` or repr);
* a mistake in the learner's code gives one Dutch line with the line number, never a
  traceback: a syntax error (missing quote, bracket or comma, curly quotes), a name typo (with
  the nearest known name) and anything else. ``InvoerFout`` stays the helpers' own one line.
  Two texts with no comma between them (``"a" "b"``, which Python glues into one text) are
  refused too: in a list of steps that is a forgotten comma, not a wish;
* a part ``{"soort": "stop"}`` (shown as nothing) when the cell printed a "Let op" line and
  left one of the names it assigns empty (``dagboek = lees_dagboek(...)`` refused her file): the
  page then does not run the cells below, which would only repeat the problem or show old data.

Messages are Dutch (the learner reads them); this file's code and comments are English.
"""

from __future__ import annotations

import ast
import builtins
import difflib
import io
import json
import sys
import tokenize
import traceback
from typing import Any

from cursus import _basis

#: The file name the learner's cell is compiled under (how its frames are found in a traceback).
CEL = "<cel>"

#: The namespace every cell of the page runs in (a kernel's ``__main__``).
NAAMRUIMTE: dict[str, Any] = {"__name__": "__main__", "__builtins__": builtins}

_HAAKJES = {"(": ")", "[": "]", "{": "}"}


class _Uitvoer:
    """Output of one cell, in order: ('tekst', text) and ('svg', svg, alt)."""

    def __init__(self) -> None:
        self.delen: list[dict[str, str]] = []

    def tekst(self, tekst: str) -> None:
        if not tekst:
            return
        if self.delen and self.delen[-1]["soort"] == "tekst":
            self.delen[-1]["tekst"] += tekst
        else:
            self.delen.append({"soort": "tekst", "tekst": tekst})

    def svg(self, svg: str, alt: str) -> None:
        self.delen.append({"soort": "svg", "svg": svg, "alt": alt})

    def fout(self, melding: str) -> None:
        self.delen.append({"soort": "fout", "tekst": melding})


class _Stroom(io.TextIOBase):
    """A text stream (stdout/stderr) that writes into an :class:`_Uitvoer`."""

    def __init__(self, uitvoer: _Uitvoer) -> None:
        self._uitvoer = uitvoer

    def writable(self) -> bool:
        return True

    def write(self, tekst: str) -> int:
        self._uitvoer.tekst(tekst)
        return len(tekst)


def _melding(uitleg: str, code: str, nummer: int | None) -> str:
    """'Let op (regel 3): Uitleg. Op die regel staat: ...' (the helpers' 'Let op: ' without a line)."""
    regels = code.splitlines()
    begin = f"Let op (regel {nummer}): " if nummer else _basis.LET_OP
    melding = begin + uitleg[0].upper() + uitleg[1:]
    if nummer and 0 < nummer <= len(regels) and regels[nummer - 1].strip():
        melding += f" Op die regel staat: {_basis.kort(regels[nummer - 1].strip(), 60)}"
    return melding


def _komma_vergeten(fout: SyntaxError, code: str) -> bool:
    """'invalid syntax' at a ':' right after a text: '"A": "x" "B": "y"' (a missing comma between
    two entries of a dictionary; Python then glues the two texts together)."""
    regels = code.splitlines()
    if (fout.msg or "") != "invalid syntax" or not fout.lineno or not fout.offset or fout.lineno > len(regels):
        return False
    regel = regels[fout.lineno - 1]
    return regel[fout.offset - 1:fout.offset] == ":" and regel[:fout.offset - 1].rstrip().endswith(("'", '"'))


def _komma_regel(fout: SyntaxError, code: str) -> int | None:
    """The line where the comma is missing: the previous line when the entry starts its own line."""
    regels = code.splitlines()
    nummer = fout.lineno
    if nummer and fout.offset and nummer <= len(regels) and nummer > 1:
        voor = regels[nummer - 1][:fout.offset - 1].strip()
        if voor[:1] in "'\"" and voor.count(voor[0]) == 2:   # only the key stands before the ':'
            nummer -= 1
            while nummer > 1 and not regels[nummer - 1].strip():
                nummer -= 1
    return nummer


def uitleg_syntaxfout(fout: SyntaxError, code: str) -> str:
    """One Dutch line that explains a syntax error, with its line number."""
    nummer = fout.lineno or 1
    tekst = (fout.msg or "").lower()
    if ("unterminated" in tekst and "string" in tekst) or "eol while scanning" in tekst:
        uitleg = ("er ontbreekt een aanhalingsteken. Zet tekst altijd tussen twee dezelfde "
                  "aanhalingstekens, zoals \"TikTok\".")
    elif "invalid character" in tekst and any(q in (fout.msg or "") for q in "“”‘’„"):
        uitleg = ("hier staat een krul-aanhalingsteken (“ of ”), bijvoorbeeld uit een tekstverwerker. "
                  "Typ het gewone rechte aanhalingsteken \" in plaats daarvan.")
    elif "was never closed" in tekst:
        open_ = (fout.msg or "'('")[1]
        uitleg = (f"het haakje {open_} wordt niet gesloten. Zet er verderop {_HAAKJES.get(open_, ')')} "
                  "bij, en kijk of er geen komma of aanhalingsteken ontbreekt.")
    elif "unmatched" in tekst or "does not match" in tekst:
        uitleg = "de haakjes passen niet bij elkaar. Bij elk ( [ { hoort precies één ) ] }."
    elif "forgot a comma" in tekst or _komma_vergeten(fout, code):
        nummer = _komma_regel(fout, code)
        uitleg = ("mist hier een komma? Tussen twee onderdelen van een lijst of woordenboek staat altijd "
                  "een komma, ook aan het eind van een regel.")
    elif "expected ':'" in tekst:
        uitleg = "hier ontbreekt een dubbele punt (:)."
    elif isinstance(fout, IndentationError):
        uitleg = ("de regel staat niet goed ingesprongen. Laat de spaties aan het begin van de regel "
                  "staan zoals in het voorbeeld.")
    else:
        uitleg = ("Python begrijpt deze regel niet. Kijk vooral naar aanhalingstekens, komma's, "
                  "dubbele punten en haakjes.")
    return _melding(uitleg, code, nummer)


def plakte_teksten(code: str) -> int | None:
    """The line of the first text that follows another text with no comma between them, or None."""
    begin = {tokenize.STRING, getattr(tokenize, "FSTRING_START", tokenize.STRING)}
    eind = {tokenize.STRING, getattr(tokenize, "FSTRING_END", tokenize.STRING)}
    overslaan = {tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT}
    vorige = None
    diepte = 0   # inside an f-string's braces the tokens are code, not texts next to each other
    try:
        for teken in tokenize.generate_tokens(io.StringIO(code).readline):
            if teken.type in overslaan:
                continue
            if vorige is not None and vorige.type in eind and teken.type in begin and diepte == 0:
                return vorige.end[0]
            if teken.type == getattr(tokenize, "FSTRING_START", None):
                diepte += 1
            elif teken.type == getattr(tokenize, "FSTRING_END", None):
                diepte -= 1
            vorige = teken if diepte == 0 or teken.type == getattr(tokenize, "FSTRING_END", None) else vorige
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return None
    return None


def _regel_in_cel(fout: BaseException) -> int | None:
    nummer = None
    for frame in traceback.extract_tb(fout.__traceback__):
        if frame.filename == CEL:
            nummer = frame.lineno
    return nummer


def uitleg_fout(fout: BaseException, code: str) -> str:
    """One Dutch line for an error while the cell ran (no traceback)."""
    nummer = _regel_in_cel(fout)
    if isinstance(fout, NameError) and getattr(fout, "name", None):
        naam = fout.name
        bekend = [n for n in list(NAAMRUIMTE) + dir(builtins) if not n.startswith("_")]
        lijkt = difflib.get_close_matches(naam, bekend, n=1, cutoff=0.6)
        if lijkt:
            vervolg = f" Bedoel je {lijkt[0]}? Let op hoofdletters en tikfouten."
        else:
            vervolg = (" Staat het goed geschreven? Bedoel je tekst, zet die dan tussen "
                       "aanhalingstekens.")
        uitleg = f"Python kent de naam {_basis.kort(naam)} niet.{vervolg}"
    elif isinstance(fout, RecursionError):
        uitleg = "de code roept zichzelf steeds opnieuw aan en stopt niet."
    elif isinstance(fout, MemoryError):
        uitleg = "dit vraagt meer geheugen dan je browser heeft. Kies kleinere getallen."
    else:
        uitleg = (f"hier liep Python vast ({type(fout).__name__}). Vergelijk je code met het voorbeeld, "
                  "of zet het voorbeeld terug en probeer het opnieuw.")
    return _melding(uitleg, code, nummer)


def _toon_laatste(waarde: Any, uitvoer: _Uitvoer) -> None:
    """What IPython shows for a cell's last expression: nothing for None, what the object's
    ``_ipython_display_`` shows, its ``_repr_svg_``, or its repr."""
    if waarde is None:
        return
    eigen = getattr(waarde, "_ipython_display_", None)
    if callable(eigen):  # the object shows itself (e.g. cursus.spectrum.Uitslag: nothing)
        eigen()
        return
    maak_svg = getattr(waarde, "_repr_svg_", None)
    if callable(maak_svg):
        uitvoer.svg(maak_svg(), getattr(waarde, "alt", ""))
    else:
        uitvoer.tekst(repr(waarde) + "\n")


def voer_uit(code: str) -> list[dict[str, str]]:
    """Run one cell in the page's namespace; return its output parts (see :class:`_Uitvoer`)."""
    uitvoer = _Uitvoer()
    try:
        boom = ast.parse(code, CEL, "exec")
    except SyntaxError as fout:  # IndentationError included
        uitvoer.fout(uitleg_syntaxfout(fout, code))
        return uitvoer.delen
    geplakt = plakte_teksten(code)
    if geplakt:
        uitvoer.fout(_melding("tussen deze tekst en de volgende staat geen komma, dus plakt Python ze aan elkaar "
                              "tot één tekst. Zet een komma achter het aanhalingsteken aan het eind.", code, geplakt))
        return uitvoer.delen
    namen = [doel.id for knoop in boom.body if isinstance(knoop, (ast.Assign, ast.AnnAssign))
             for doel in (knoop.targets if isinstance(knoop, ast.Assign) else [knoop.target])
             if isinstance(doel, ast.Name)]
    laatste = None
    if boom.body and isinstance(boom.body[-1], ast.Expr) and not code.rstrip().endswith(";"):
        laatste = ast.Expression(boom.body.pop().value)
    oud = sys.stdout, sys.stderr, _basis.TOON
    sys.stdout = sys.stderr = _Stroom(uitvoer)
    _basis.TOON = uitvoer.svg
    try:
        exec(compile(boom, CEL, "exec"), NAAMRUIMTE)
        if laatste is not None:
            _toon_laatste(eval(compile(laatste, CEL, "eval"), NAAMRUIMTE), uitvoer)
    except SyntaxError as fout:  # from compile(), e.g. 'return' outside a function
        uitvoer.fout(uitleg_syntaxfout(fout, code))
    except BaseException as fout:  # noqa: BLE001 - the learner sees one line, whatever happened (exit() too)
        uitvoer.fout(uitleg_fout(fout, code))
    finally:
        sys.stdout, sys.stderr, _basis.TOON = oud
    gemeld = any(d["soort"] == "tekst" and any(r.startswith(_basis.LET_OP) for r in d["tekst"].splitlines())
                 for d in uitvoer.delen)
    if gemeld and any(NAAMRUIMTE.get(naam, ...) is None for naam in namen):
        uitvoer.delen.append({"soort": "stop"})
    return uitvoer.delen


def voer_uit_json(code: str) -> str:
    """:func:`voer_uit` as JSON text (what the worker posts to the page)."""
    return json.dumps(voer_uit(code), ensure_ascii=False)

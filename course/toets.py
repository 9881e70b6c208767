"""The final test (eindtoets): the item bank as data, loaded and checked without Sphinx.

The bank is one YAML file per module, ``book/afronden/vragen/m<N>.yml`` (``module: N`` and a list
``vragen``). A unit is a single question (``type: enkel``, one key; ``type: meer``, two or more keys)
or a short case (``type: casus``: a new situation and 2-3 ``deelvragen``). Every scored question has
an objective (``M2.1``: the numbered "Leerdoelen" of the module's index page, read through
:mod:`course.model`), a level (``kennis``, ``toepassing``, ``inzicht``), the stem, 3-5 options with
feedback each, the key (letters of the options as written) and the page to reread (a document
name).

The loader reads YAML as strictly as the lesson plans do (:mod:`course.plans`: no anchors or
aliases, no duplicate keys, bounded size, depth and numbers), checks the structure against
``schemas/eindtoets.schema.json`` and then in code what a schema cannot say: ids unique across the
bank and matching their module, keys among the options, objectives and pages that exist. Every
problem is a :class:`ToetsError` naming the file, the line and the item, in Dutch. Text stays
text: nothing in an item is interpreted as markup (the browser sets it with ``textContent``).

:func:`settings` reads ``cursus_eindtoets`` (test length and pass mark) from ``_config.yml``; the
SCORM packages read the pass mark from there too (contract toets/scorm).
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from course import ROOT, cues, plans

BANK = Path("book") / "afronden" / "vragen"
SCHEMA = Path(__file__).with_name("schemas") / "eindtoets.schema.json"
LEVELS = ("kennis", "toepassing", "inzicht")
#: Levels that count as applying knowledge (the blueprint asks at least :data:`MIN_APPLIED` of a draw).
APPLIED = ("toepassing", "inzicht")
MIN_APPLIED = 0.6
LETTERS = "ABCDE"
DEFAULTS = {"lengte": 20, "cesuur": 0.7}
CASE_PART = "abc"


class ToetsError(ValueError):
    """Bad item-bank data; the message names the file, the line and the item."""


@dataclass(frozen=True)
class Option:
    tekst: str
    feedback: str


@dataclass(frozen=True)
class Question:
    """One scored question: a single item, or one part of a case."""

    id: str                   # "E-M2-04", or "E-M2-10b" for the second part of case E-M2-10
    module: int
    doel: str                 # "M2.1"
    niveau: str
    type: str                 # "enkel" or "meer"
    vraag: str
    opties: tuple[Option, ...]
    sleutel: tuple[int, ...]  # indexes of the keys in the options as written
    herlees: str              # document name
    regel: int
    casus: str | None = None  # id of the case this question belongs to

    def cue_item(self) -> cues.Item:
        return cues.Item(self.id, tuple(o.tekst for o in self.opties), frozenset(self.sleutel))


@dataclass(frozen=True)
class Unit:
    """What a draw takes as a whole: a question, or a case with its parts."""

    id: str
    module: int
    type: str                 # "enkel", "meer" or "casus"
    situatie: str             # the case's situation ("" for a single question)
    vragen: tuple[Question, ...]
    regel: int


@dataclass(frozen=True)
class Bank:
    units: tuple[Unit, ...]

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for u in self.units for q in u.vragen)

    def modules(self) -> list[int]:
        return sorted({u.module for u in self.units})


# --- loading ------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


#: Messages that name their own subject (no "'field'" in front).
_OWN_SUBJECT = ("onbekend", "een ", "ontbrekende")


def _message(error) -> str:
    value = plans.shorten(error.instance)
    field_name = next((k for k in reversed(error.absolute_path) if isinstance(k, str)), "")
    if error.validator == "required":
        missing = sorted(set(error.validator_value) - set(error.instance))
        return f"ontbrekende sleutel(s): {', '.join(missing)}"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        return (f"onbekende sleutel(s) {', '.join(plans.shorten(u)[1:-1] for u in unknown)}; "
                f"toegestaan: {', '.join(allowed)}")
    if error.validator == "const":
        return f"'{field_name}' moet {error.validator_value} zijn"
    template = error.schema.get("x-melding") or plans.FALLBACK.get(error.validator,
                                                                   "heeft een ongeldige waarde {waarde}")
    text = template.replace("{waarde}", value)
    return f"'{field_name}' {text}" if field_name and not text.startswith(_OWN_SUBJECT) else text


def _own_words(message: str) -> str:
    """The plans' YAML reader speaks of a 'draaiboek'; here it is the item bank."""
    return message.replace("een draaiboek", "de vragenbank").replace("het draaiboek", "de vragenbank")


def load_file(path: Path, objectives: dict[int, list[str]] | None = None, docs: set[str] | None = None,
              name: str | None = None) -> list[Unit]:
    """Read and check one module's file. ``objectives`` (module -> texts) and ``docs`` (document
    names) are checked when given. Raises :class:`ToetsError`."""
    path = Path(path)
    name = name or path.as_posix()
    doc = plans._Doc(None, {})

    def where(p: tuple) -> str:
        parts = []
        if len(p) >= 2 and p[0] == "vragen" and isinstance(p[1], int):
            ident = plans._get(doc.data, ("vragen", p[1], "id"))
            parts.append(f"vraag {p[1] + 1}" + (f" {ident}" if isinstance(ident, str) else ""))
        for i, key in enumerate(p[:-1]):
            if key == "deelvragen" and isinstance(p[i + 1], int):
                parts.append(f"deelvraag {p[i + 1] + 1}")
            if key == "opties" and isinstance(p[i + 1], int):
                parts.append(f"optie {LETTERS[p[i + 1]] if p[i + 1] < len(LETTERS) else p[i + 1] + 1}")
        if p and isinstance(p[-1], str):
            parts.append(p[-1])
        return ", ".join(parts)

    def fail(p: tuple, message: str, line: int | None = None) -> ToetsError:
        if line is None:
            line = plans.line_of(doc, p)
        place = f"{name}, regel {line}" if line else name
        context = where(p)
        return ToetsError(f"vragenbank {place}{f' ({context})' if context else ''}: {message}")

    try:
        doc = plans._read_yaml(path)
    except plans._Refused as exc:
        raise fail(exc.path, _own_words(exc.message), exc.line) from None
    if not isinstance(doc.data, dict):
        raise fail((), "het bestand moet sleutels hebben (module, vragen)")
    errors = sorted(_validator().iter_errors(doc.data), key=lambda e: (
        doc.lines.get(tuple(e.absolute_path), 0), -len(e.absolute_path), e.validator != "additionalProperties"))
    if errors:
        raise fail(tuple(errors[0].absolute_path), _message(errors[0]))

    data = doc.data
    module = data["module"]
    if objectives is not None and module not in objectives:
        raise fail(("module",), f"module {module} bestaat niet in het boek")

    def question(p: tuple, raw: dict, ident: str, case: str | None) -> Question:
        goal = raw["doel"]
        m, number = map(int, plans.GOAL.match(goal).groups())
        if m != module:
            raise fail(p + ("doel",), f"doel {goal} hoort niet bij module {module}")
        if objectives is not None and not 1 <= number <= len(objectives[module]):
            raise fail(p + ("doel",), f"doel {goal}: module {module} heeft {len(objectives[module])} leerdoelen")
        keys = [raw["sleutel"]] if isinstance(raw["sleutel"], str) else list(raw["sleutel"])
        options = raw["opties"]
        for letter in keys:
            if LETTERS.index(letter) >= len(options):
                raise fail(p + ("sleutel",), f"de sleutel {letter} is geen van de opties "
                                             f"(er zijn {len(options)}: {LETTERS[0]} tot {LETTERS[len(options) - 1]})")
        if raw["type"] == "enkel" and len(keys) != 1:
            raise fail(p + ("sleutel",), "een vraag van type enkel heeft precies één sleutel, zoals sleutel: B")
        if raw["type"] == "meer" and not 2 <= len(keys) < len(options):
            raise fail(p + ("sleutel",), "een vraag van type meer heeft twee of meer sleutels, en minstens één "
                                         "optie die niet juist is, zoals sleutel: [A, C]")
        if docs is not None and raw["herlees"] not in docs:
            raise fail(p + ("herlees",), f"de pagina '{raw['herlees']}' bestaat niet in het boek")
        texts = [" ".join(o["tekst"].split()) for o in options]
        if len(set(texts)) != len(texts):
            raise fail(p + ("opties",), "twee opties hebben dezelfde tekst")
        return Question(ident, module, goal, raw["niveau"], raw["type"], " ".join(raw["vraag"].split()),
                        tuple(Option(t, " ".join(o["feedback"].split())) for t, o in zip(texts, options)),
                        tuple(sorted(LETTERS.index(k) for k in keys)), raw["herlees"], doc.lines[p], case)

    units = []
    for n, raw in enumerate(data["vragen"]):
        p = ("vragen", n)
        ident = raw["id"]
        if int(ident.split("-")[1][1:]) != module:
            raise fail(p + ("id",), f"het id {ident} hoort niet bij module {module} (begin met E-M{module}-)")
        if raw["type"] == "casus":
            parts = tuple(question(p + ("deelvragen", k), sub, ident + CASE_PART[k], ident)
                          for k, sub in enumerate(raw["deelvragen"]))
            units.append(Unit(ident, module, "casus", " ".join(raw["situatie"].split()), parts, doc.lines[p]))
        else:
            units.append(Unit(ident, module, raw["type"], "", (question(p, raw, ident, None),), doc.lines[p]))
    return units


def load_bank(folder: Path | None = None, objectives: dict[int, list[str]] | None = None,
              docs: set[str] | None = None, root: Path = ROOT) -> Bank:
    """Every module's file in ``folder`` (default: the course's bank), in module order. Ids must be
    unique across the bank, and a module has one file."""
    folder = Path(folder) if folder is not None else root / BANK
    files = sorted(folder.glob("m*.yml"), key=lambda p: (len(p.stem), p.stem))
    if not files:
        raise ToetsError(f"vragenbank {folder.as_posix()}: geen bestanden m1.yml, m2.yml, ... gevonden")
    units: list[Unit] = []
    seen: dict[str, tuple[str, int]] = {}
    modules: dict[int, str] = {}
    for path in files:
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        found = load_file(path, objectives, docs, name)
        for unit in found:
            if unit.module in modules and modules[unit.module] != name:
                raise ToetsError(f"vragenbank {name}: module {unit.module} staat ook in {modules[unit.module]}")
            modules[unit.module] = name
            if unit.id in seen:
                other, line = seen[unit.id]
                raise ToetsError(f"vragenbank {name}, regel {unit.regel} ({unit.id}): het id {unit.id} "
                                 f"staat er twee keer (ook in {other}, regel {line})")
            seen[unit.id] = (name, unit.regel)
        units.extend(found)
    return Bank(tuple(units))


# --- settings -------------------------------------------------------------------------------------


def settings(root: Path = ROOT) -> dict:
    """``{"lengte": 20, "cesuur": 0.7}`` from ``_config.yml`` (``sphinx.config.cursus_eindtoets``),
    with the defaults for missing keys. Raises :class:`ToetsError` for values that make no test."""
    config = yaml.safe_load((Path(root) / "_config.yml").read_text(encoding="utf-8")) or {}
    found = ((config.get("sphinx") or {}).get("config") or {}).get("cursus_eindtoets") or {}
    return check_settings(found)


def check_settings(found: dict) -> dict:
    if not isinstance(found, dict):
        raise ToetsError("_config.yml: cursus_eindtoets moet sleutels hebben (lengte, cesuur)")
    unknown = sorted(set(found) - set(DEFAULTS))
    if unknown:
        raise ToetsError(f"_config.yml: cursus_eindtoets heeft onbekende sleutel(s) {', '.join(map(str, unknown))}; "
                         f"toegestaan: {', '.join(DEFAULTS)}")
    out = {**DEFAULTS, **found}
    length, mark = out["lengte"], out["cesuur"]
    if isinstance(length, bool) or not isinstance(length, int) or not 1 <= length <= 200:
        raise ToetsError(f"_config.yml: cursus_eindtoets.lengte moet een heel aantal vragen zijn (1 tot 200), "
                         f"niet {plans.shorten(length)}")
    if isinstance(mark, bool) or not isinstance(mark, int | float) or not 0 < mark <= 1:
        raise ToetsError(f"_config.yml: cursus_eindtoets.cesuur moet een deel tussen 0 en 1 zijn, zoals 0.7, "
                         f"niet {plans.shorten(mark)}")
    return {"lengte": length, "cesuur": float(mark)}


def quota(modules: int, length: int) -> list[int]:
    """How many questions a draw takes from each module: as even as the length allows."""
    base, extra = divmod(length, modules)
    return [base + (1 if i < extra else 0) for i in range(modules)]


def max_knowledge(per_module: int) -> int:
    """At most this many ``kennis`` questions per module keeps a draw at least 60 % applied (2 of 5)."""
    return per_module - math.ceil(per_module * MIN_APPLIED - 1e-9)


def pass_score(maximum: int, mark: float) -> int:
    """The lowest raw score that passes: 14 of 20 at 0.7 (a tiny tolerance for 0.7 * 20 = 13.999...)."""
    return math.ceil(maximum * mark - 1e-9)


ID = re.compile(r"^E-M(\d+)-(\d{2})([a-c]?)$")
_ROLE = re.compile(r"\{[a-z:]+\}`([^`<]*?)(?:\s*<[^`>]*>)?`")


#: Minutes the final test takes, on top of the modules' own study times (for the certificate's study load).
TEST_MINUTES = 30
_TOTAL = re.compile(r"\*\*[Tt]otaal\*\* \| \*\*(\d+)\*\*")


def study_hours(course) -> float:
    """The study load on the certificate: the modules' "Duur" totals plus the test, to the half hour."""
    minutes = 0
    for module in course.modules:
        found = _TOTAL.search(course.text(module.index).split("## Duur", 1)[-1])
        minutes += int(found.group(1)) if found else 0
    return round((minutes + TEST_MINUTES) / 30) / 2


def plain_objective(text: str) -> str:
    """An objective as a reader sees it: ``{term}`afkappunten <afkappunt>``` -> 'afkappunten', no emphasis."""
    return " ".join(_ROLE.sub(lambda m: m.group(1).strip(), text).replace("**", "").replace("*", "").split())


def objectives_list(objectives: dict[int, list[str]]) -> list[dict]:
    """[{"code": "M1.1", "module": 1, "tekst": "..."}, ...] in module order (the voor- en nameting)."""
    return [{"code": f"M{m}.{n}", "module": m, "tekst": plain_objective(t)}
            for m in sorted(objectives) for n, t in enumerate(objectives[m], 1)]

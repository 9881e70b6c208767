"""Lesson plans (draaiboeken): YAML data, loaded and checked without Sphinx.

A plan is data, never markup. The loader:

* reads only a regular UTF-8 file of at most ``MAX_BYTES``;
* refuses YAML anchors and aliases (no "billion laughs"), duplicate keys, keys that are not text,
  numbers with more than ``MAX_DIGITS`` digits and nesting deeper than ``MAX_DEPTH``;
* checks the structure against ``schemas/draaiboek.schema.json`` (JSON Schema), with a Dutch
  message per rule (its ``x-melding``);
* checks in code what a schema cannot: sums of durations, clock times, objectives that exist,
  pages that exist, and the rules a trainer in the room relies on (:func:`room_problems`,
  :func:`safety_problems`): a round where everyone speaks fits the minutes for the largest group
  (``ROUND_SECONDS`` per person), an activity names one werkvorm (a pair has no observer), every
  session schedules the attendance list and the last one the evaluation, the confidentiality
  agreement states its exception, and the meldcode is never the route for every worry about a pupil;
* turns text into plain text plus the one kind of reference it may contain, ``{doc}`/path```
  (a link to a course page). Nothing else in a plan is interpreted.

Every problem is a :class:`DraaiboekError` whose message names the file, the line and the field,
with values shortened (``reprlib``), e.g. ``draaiboek kapot.yml, regel 12 (sessie 1, activiteit 2
'Casus Noor', duur): 'duur' moet een positief aantal minuten zijn ...``.
"""

from __future__ import annotations

import functools
import json
import re
import reprlib
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from course import published

MAX_BYTES = 200_000
MAX_DEPTH = 12
MAX_DIGITS = 6
BREAK = "pauze"
#: Spare minutes for an activity that runs over: timed like a break, with no goals.
BUFFER = "buffer"
SCHEMA = Path(__file__).with_name("schemas") / "draaiboek.schema.json"
GOAL = re.compile(r"^M(\d+)\.(\d+)$")
#: The least time one person takes in a round where everyone speaks in turn (seconds).
ROUND_SECONDS = 20
#: Words for a round in a task or a note: an activity that uses one says who speaks ("ronde").
ROUND_WORDS = re.compile(r"\b(ronde|rondje)\b", re.IGNORECASE)
#: Words that name a group form other than the activity's werkvorm (one werkvorm per activity).
OTHER_FORMS = {
    "tweetallen": re.compile(r"\b(drietal(len)?|trio'?s?|waarnemers?|groepjes?|viertal(len)?)\b", re.IGNORECASE),
    "kleine groepen": re.compile(r"\b(tweetal(len)?|duo'?s?)\b", re.IGNORECASE),
}
#: The forms every plan schedules: the attendance list in every session, the evaluation in the last.
ATTENDANCE, EVALUATION = "presentielijst", "evaluatie"
DOC_ROLE = re.compile(r"\{doc\}`([^`<>]*?)(?:\s*<([^`<>]+)>)?`")

#: Characters a plan's text may not hold: controls (tab and line ends aside), lone surrogates and the
#: non-characters U+FFFE/U+FFFF. XML (the decks, the PDFs, PowerPoint) cannot hold them, and a
#: terminal or a slide would show them as nothing or as garbage.
NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

_short = reprlib.Repr()
_short.maxstring = 60
_short.maxother = 60
_short.maxlong = 20


def shorten(value) -> str:
    return _short.repr(value)


class DraaiboekError(ValueError):
    """Bad plan data; the message names the file, the line and the field."""


# --- text with references ------------------------------------------------------------------


@dataclass(frozen=True)
class DocRef:
    """A reference to a course page: ``{doc}`/book/start/hulp``` or ``{doc}`tekst </book/...>```."""

    target: str   # document name without leading slash
    label: str    # "" when the page title should be used


Segment = str | DocRef


def parse_text(text: str) -> tuple[Segment, ...]:
    """Plain text and ``{doc}`` references; every other character stays literal text."""
    out: list[Segment] = []
    pos = 0
    text = " ".join(text.split())
    for m in DOC_ROLE.finditer(text):
        if m.start() > pos:
            out.append(text[pos : m.start()])
        label, target = (m.group(1).strip(), m.group(2)) if m.group(2) else ("", m.group(1))
        out.append(DocRef(target.strip().lstrip("/"), label))
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return tuple(out)


def plain(segments: tuple[Segment, ...], titles: dict[str, str] | None = None) -> str:
    """The text as a reader sees it (a reference shows its label or the page's title)."""
    titles = titles or {}
    return "".join(s if isinstance(s, str) else (s.label or titles.get(s.target, s.target)) for s in segments)


# --- the plan ---------------------------------------------------------------------------------


@dataclass
class Role:
    """One role of a role-play: its name, the task on its card, and the case whose text it plays."""

    rol: str
    opdracht: tuple[Segment, ...]
    casus: str | None
    regel: int


@dataclass
class Activity:
    titel: str
    duur: int
    werkvorm: str
    doelen: list[tuple[int, int]]
    materiaal: list[tuple[str, str, int]]  # (kind, target, line)
    notities: tuple[Segment, ...]
    regel: int
    start: int = 0  # minutes after the session's start
    opdracht: tuple[Segment, ...] = ()  # the participants' task: on the slide and on the plan's sheets
    figuur: str | None = None           # the figure the task needs on its sheets (spectrumlijn, cirkel, web)
    rollen: list[Role] = field(default_factory=list)
    waarnemer: tuple[Segment, ...] = ()  # the observer's task in a role-play
    schrappen: tuple[Segment, ...] = ()  # what the trainer leaves out when the session runs late
    ronde: str | None = None             # "iedereen" (everyone in turn) or "wie wil"
    horen: list[tuple[Segment, ...]] = field(default_factory=list)  # what the trainer wants to hear

    def materials(self, kind: str) -> list[tuple[str, int]]:
        """(target, line) of this activity's materials of one kind, in order."""
        return [(target, line) for k, target, line in self.materiaal if k == kind]

    @property
    def is_break(self) -> bool:
        """A break or a buffer: timed, without goals or materials."""
        return self.werkvorm in (BREAK, BUFFER)


@dataclass
class Session:
    titel: str
    duur: int
    begintijd: int  # minutes after midnight
    activiteiten: list[Activity]
    regel: int
    leerdoelen: list[tuple[Segment, ...]] = field(default_factory=list)  # 1-4 goals in plain language


@dataclass
class Plan:
    path: Path
    duur: int
    groepsgrootte: tuple[Segment, ...]
    ruimte: tuple[Segment, ...]
    online: tuple[Segment, ...]
    voorbereiding: list[tuple[Segment, ...]]
    sessies: list[Session] = field(default_factory=list)
    benodigdheden: list[tuple[Segment, ...]] = field(default_factory=list)  # what the trainer brings
    vooraf: list[tuple[Segment, ...]] = field(default_factory=list)         # participants' pre-reading
    zelfstudie: int = 0  # minutes of self-study (pre-reading, homework) on top of the sessions
    deelnemers: tuple[int, int] = (1, 1)  # (fewest, most) participants the timing is made for

    @property
    def activities(self) -> list[Activity]:
        return [a for s in self.sessies for a in s.activiteiten]

    def references(self) -> list[DocRef]:
        texts = [self.groepsgrootte, self.ruimte, self.online, *self.voorbereiding, *self.benodigdheden,
                 *self.vooraf, *(t for s in self.sessies for t in s.leerdoelen),
                 *(t for a in self.activities for t in (a.notities, a.opdracht, a.waarnemer, a.schrappen, *a.horen)),
                 *(r.opdracht for a in self.activities for r in a.rollen)]
        return [s for t in texts for s in t if isinstance(s, DocRef)]


#: The workshop kit's files that every plan gets once (tools/printbook/workshop.py writes them into
#: downloads/workshop/<plan>/; the plan pages link them): (file, Dutch label).
KIT_FILES = (
    ("hand-out.pdf", "Hand-out voor deelnemers (2 bladzijden)"),
    ("hulp-nodig-poster.pdf", "Poster “Hulp nodig?” (A4)"),
    ("presentielijst.pdf", "Presentielijst"),
    ("evaluatieformulier.pdf", "Evaluatieformulier"),
    ("evaluatie-vragen.txt", "Evaluatievragen als tekst, voor je eigen formuliertool"),
    ("bewijs-van-deelname.pdf", "Bewijs van deelname (in te vullen)"),
    ("uitnodiging.txt", "Uitnodiging met wat deelnemers vooraf lezen"),
    ("draaiboek.pdf", "Draaiboek met het veiligheidsprotocol"),
)


def kit_stem(kind: str, number: int, sessions: int) -> str:
    """'presentatie' or 'printpakket' for a plan of one session, '...-bijeenkomst-N' in a series."""
    return kind if sessions == 1 else f"{kind}-bijeenkomst-{number}"


def kit_files(plan: Plan) -> list[tuple[str, str]]:
    """Every file of a plan's workshop kit, (file, label), in the order a trainer needs them."""
    n = len(plan.sessies)
    out = []
    for number, session in enumerate(plan.sessies, 1):
        name = f" ({session.titel})" if n > 1 else ""
        out += [(f"{kit_stem('presentatie', number, n)}.html", f"Presentatie{name}, in de browser"),
                (f"{kit_stem('presentatie', number, n)}.pdf", f"Presentatie{name}"),
                (f"{kit_stem('presentatie', number, n)}.pptx", f"Presentatie{name}, aan te passen"),
                (f"{kit_stem('printpakket', number, n)}.pdf", f"Printpakket{name} met checklist")]
    return out + list(KIT_FILES)


def clock(minutes: int) -> str:
    """Minutes after midnight as a Dutch clock time: 810 -> '13:30'."""
    return f"{minutes // 60 % 24:d}:{minutes % 60:02d}"


def relative(minutes: int) -> str:
    """Minutes after a session's start as the time a trainer can move: 75 -> '1:15'."""
    return f"{minutes // 60:d}:{minutes % 60:02d}"


# --- YAML: safe, strict, with a line for every value ------------------------------------------


class _Strict(yaml.SafeLoader):
    """SafeLoader without anchors/aliases and with bounded depth and number size."""

    depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused(event.start_mark.line + 1, "gebruik geen verwijzingen (*naam) in een draaiboek")
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise _Refused(event.start_mark.line + 1, "gebruik geen ankers (&naam) in een draaiboek")
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _Refused(event.start_mark.line + 1, f"het draaiboek is dieper genest dan {MAX_DEPTH} niveaus")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Refused(Exception):
    def __init__(self, line: int | None, message: str, path: tuple = ()) -> None:
        super().__init__(message)
        self.line, self.message, self.path = line, message, path


@dataclass
class _Doc:
    data: object
    lines: dict[tuple, int]  # path -> 1-based line of the value


def _build(loader: _Strict, node: yaml.Node, path: tuple, lines: dict) -> object:
    """Plain Python data from a composed node, recording the line of every value."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                raise _Refused(key_node.start_mark.line + 1,
                               f"sleutel {shorten(getattr(key_node, 'value', '?'))} moet een woord zijn, zoals 'titel'")
            key = key_node.value
            if bad := NOT_TEXT.search(key):
                raise _Refused(key_node.start_mark.line + 1, _not_text(bad.group(0)), path)
            if key in out:
                raise _Refused(key_node.start_mark.line + 1, f"de sleutel '{shorten(key)[1:-1]}' staat er twee keer",
                               path)
            out[key] = _build(loader, value_node, path + (key,), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, child, path + (i,), lines) for i, child in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:int":
        digits = node.value.replace("_", "")
        if ":" in digits:  # YAML 1.1 reads 13:30 as the number 810
            raise _Refused(node.start_mark.line + 1,
                           f"'{path[-1]}' moet tussen aanhalingstekens, zoals {path[-1]}: \"{node.value}\"", path)
        if len(digits.lstrip("+-0")) > MAX_DIGITS:
            raise _Refused(node.start_mark.line + 1, f"het getal {shorten(node.value)} is te groot", path)
    if node.tag == "tag:yaml.org,2002:float" and len(node.value) > 20:
        raise _Refused(node.start_mark.line + 1, f"het getal {shorten(node.value)} is te lang", path)
    value = loader.construct_object(node, deep=True)
    if isinstance(value, str) and (bad := NOT_TEXT.search(value)):
        line = node.start_mark.line + 1 + (value[: bad.start()].count("\n") if node.style in ("|", ">") else 0)
        raise _Refused(line, _not_text(bad.group(0)), path)
    return value


def _not_text(char: str) -> str:
    return (f"de tekst bevat een onzichtbaar stuurteken (U+{ord(char):04X}) dat niet in een presentatie of "
            "PDF kan; haal het weg of typ de tekst opnieuw")


def line_of(doc, path: tuple) -> int | None:
    """The line of ``path`` in a strictly read YAML document, or of its nearest parent that has one
    (shared by the lesson plans and the final test's item bank)."""
    while path and path not in doc.lines:
        path = path[:-1]
    return doc.lines.get(path)


def _read_yaml(path: Path) -> _Doc:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise _Refused(None, "bestand niet gevonden") from None
    except OSError as exc:
        raise _Refused(None, f"het bestand kan niet worden gelezen ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise _Refused(None, "dit is geen gewoon bestand (maar bijvoorbeeld een map)")
    if info.st_size > MAX_BYTES:
        raise _Refused(None, f"het bestand is groter dan {MAX_BYTES // 1000} kB")
    try:
        raw = path.read_bytes()[: MAX_BYTES + 1]
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _Refused(line, "het bestand is niet in UTF-8 opgeslagen; sla het op als UTF-8") from None
    except OSError as exc:
        raise _Refused(None, f"het bestand kan niet worden gelezen ({exc.strerror or exc})") from None
    loader = None
    try:
        loader = _Strict(text)
        node = loader.get_single_node()
        if node is None:
            raise _Refused(None, "het bestand is leeg")
        lines: dict[tuple, int] = {}
        return _Doc(_build(loader, node, (), lines), lines)
    except yaml.reader.ReaderError as exc:   # a raw control character in the file itself
        line = text[: exc.position].count("\n") + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise _Refused(line, _not_text(char)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "onleesbare YAML"
        raise _Refused(mark.line + 1 if mark else None, f"geen geldige YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise _Refused(None, f"geen geldige YAML: {shorten(str(exc))}") from None
    except RecursionError:
        raise _Refused(None, "het draaiboek is te diep genest") from None
    finally:
        if loader is not None:
            loader.dispose()


@functools.lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


# --- loading -------------------------------------------------------------------------------------


def load_plan(path: Path, objectives: dict[int, list[str]] | None = None,
              docs: set[str] | None = None, worksheets: set[str] | None = None,
              name: str | None = None) -> Plan:
    """Read and check one plan. ``objectives`` (module -> texts), ``docs`` (document names) and
    ``worksheets`` (ids) are checked when given. ``name`` is how the file is named in messages
    (default: its path). Raises :class:`DraaiboekError`."""
    path = Path(path)
    name = name or path.as_posix()
    doc = _Doc(None, {})

    def where(p: tuple) -> str:
        parts = []
        data = doc.data
        for i, key in enumerate(p):
            index = p[i + 1] if i + 1 < len(p) and isinstance(p[i + 1], int) else None
            if key == "sessies" and index is not None:
                parts.append(f"sessie {index + 1}")
            elif key == "activiteiten" and index is not None:
                title = _get(data, p[: i + 2] + ("titel",))
                parts.append(f"activiteit {index + 1}" + (f" {shorten(title)}" if isinstance(title, str) else ""))
        fields = [k for k in p if isinstance(k, str) and k not in ("sessies", "activiteiten")]
        if fields:
            parts.append(fields[-1])
        return ", ".join(parts)

    def fail(p: tuple, message: str, line: int | None = None) -> DraaiboekError:
        if line is None:
            line = line_of(doc, p)
        place = f"{name}, regel {line}" if line else name
        context = where(p)
        return DraaiboekError(f"draaiboek {place}{f' ({context})' if context else ''}: {message}")

    try:
        doc = _read_yaml(path)
    except _Refused as exc:
        raise fail(exc.path, exc.message, exc.line) from None
    if path.suffix != ".yml" or not published.SAFE_NAME.fullmatch(path.stem):
        # the name becomes folder and zip names of the workshop kit (``...yml`` would be ``_build/..``)
        raise DraaiboekError(f"draaiboek {name}: de bestandsnaam {shorten(path.name)} kan niet; gebruik alleen "
                             "letters, cijfers en losse streepjes, met .yml erachter (zoals dagdeel.yml)")
    if not isinstance(doc.data, dict):
        raise fail((), "het bestand moet een lijst van sleutels zijn (duur, sessies, ...)")

    # The first error in the file; at one place, an unknown key (often a typo) before a missing one.
    errors = sorted(_validator().iter_errors(doc.data), key=lambda e: (
        doc.lines.get(tuple(e.absolute_path), 0), len(e.absolute_path), e.validator != "additionalProperties"))
    if errors:
        raise fail(tuple(errors[0].absolute_path), _message(errors[0]))

    def text(p: tuple) -> tuple[Segment, ...]:
        segments = parse_text(_get(doc.data, p) or "")
        for ref in segments:
            if isinstance(ref, DocRef) and docs is not None and ref.target not in docs:
                raise fail(p, f"de verwijzing naar de pagina '/{ref.target}' bestaat niet in het boek")
        return segments

    data = doc.data
    plan = Plan(path, data["duur"], text(("groepsgrootte",)), text(("ruimte",)), text(("online",)),
                [text(("voorbereiding", i)) for i in range(len(data["voorbereiding"]))],
                benodigdheden=[text(("benodigdheden", i)) for i in range(len(data.get("benodigdheden", [])))],
                vooraf=[text(("vooraf", i)) for i in range(len(data.get("vooraf", [])))],
                zelfstudie=data.get("zelfstudie", 0),
                deelnemers=(data["deelnemers"]["minimaal"], data["deelnemers"]["maximaal"]))
    if plan.deelnemers[0] > plan.deelnemers[1]:
        raise fail(("deelnemers", "minimaal"), f"minimaal {plan.deelnemers[0]} deelnemers is meer dan maximaal "
                   f"{plan.deelnemers[1]}")
    for p_path, segments in _all_texts(data):
        for problem in safety_problems(plain(parse_text(segments))):
            raise fail(p_path, problem)
    for s_no, sess in enumerate(data["sessies"]):
        sp = ("sessies", s_no)
        hours, minutes = map(int, sess["begintijd"].split(":"))
        session = Session(sess["titel"].strip(), sess["duur"], hours * 60 + minutes, [], doc.lines[sp],
                          [text(sp + ("leerdoelen", i)) for i in range(len(sess["leerdoelen"]))])
        offset = 0
        for a_no, act in enumerate(sess["activiteiten"]):
            ap = sp + ("activiteiten", a_no)
            goals = []
            for g_no, goal in enumerate(act.get("doelen", [])):
                module, number = map(int, GOAL.match(goal).groups())
                if objectives is not None:
                    if module not in objectives:
                        raise fail(ap + ("doelen", g_no), f"doel {goal}: module {module} bestaat niet")
                    if not 1 <= number <= len(objectives[module]):
                        raise fail(ap + ("doelen", g_no),
                                   f"doel {goal}: module {module} heeft {len(objectives[module])} leerdoelen")
                goals.append((module, number))
            materials = []
            for m_no, item in enumerate(act.get("materiaal", [])):
                (kind, target), = item.items()
                mp = ap + ("materiaal", m_no, kind)
                if kind in ("pagina", "notebook") and docs is not None and target.lstrip("/") not in docs:
                    raise fail(mp, f"{kind} '{target}' bestaat niet in het boek")
                if kind == "werkblad" and worksheets is not None and target not in worksheets:
                    raise fail(mp, f"werkblad '{target}' bestaat niet")
                if kind == "grafiek" and docs is not None and target.lstrip("/").split("#")[0] not in docs:
                    raise fail(mp, f"het notebook van grafiek '{target}' bestaat niet in het boek")
                if kind == "sectie" and docs is not None and target.lstrip("/").split("#")[0] not in docs:
                    raise fail(mp, f"de pagina van sectie '{target}' bestaat niet in het boek")
                if kind == "kernpunten" and objectives is not None and int(target[1:]) not in objectives:
                    raise fail(mp, f"kernpunten '{target}': module {target[1:]} bestaat niet")
                materials.append((kind, target, doc.lines[mp]))
            roles = []
            play = act.get("rollenspel", {})
            for r_no, role in enumerate(play.get("rollen", [])):
                rp = ap + ("rollenspel", "rollen", r_no)
                case = role.get("casus")
                if case and worksheets is not None and case not in worksheets:
                    raise fail(rp + ("casus",), f"werkblad '{case}' bestaat niet")
                roles.append(Role(role["rol"].strip(), text(rp + ("opdracht",)), case, doc.lines[rp]))
            activity = Activity(act["titel"].strip(), act["duur"], act["werkvorm"], goals, materials,
                                text(ap + ("notities",)), doc.lines[ap], offset, text(ap + ("opdracht",)),
                                act.get("figuur"), roles, text(ap + ("rollenspel", "waarnemer")),
                                text(ap + ("schrappen",)), act.get("ronde"),
                                [text(ap + ("horen", i)) for i in range(len(act.get("horen", [])))])
            for key, problem in room_problems(activity, plan.deelnemers[1]):
                raise fail(ap + (key,) if key else ap, problem)
            offset += activity.duur
            session.activiteiten.append(activity)
        if offset != session.duur:
            raise fail(sp, f"de activiteiten duren samen {offset} minuten, de sessie {session.duur}")
        last = s_no == len(data["sessies"]) - 1
        forms = {target for a in session.activiteiten for target, _line in a.materials("formulier")}
        for form, needed in ((ATTENDANCE, True), (EVALUATION, last)):
            if needed and form not in forms:
                raise fail(sp, f"plan de {form} in: zet 'formulier: {form}' bij het materiaal van de activiteit "
                           "waarin deelnemers hem invullen")
        plan.sessies.append(session)
    total = sum(s.duur for s in plan.sessies)
    if total != plan.duur:
        raise fail(("duur",), f"de sessies duren samen {total} minuten, het draaiboek {plan.duur}")
    return plan


def room_problems(act: Activity, most: int) -> list[tuple[str, str]]:
    """(field, Dutch message) for every rule of the room an activity breaks with ``most``
    participants: the time of a round, one werkvorm, a role-play that fits the werkvorm."""
    out: list[tuple[str, str]] = []
    said = {key: plain(value) for key, value in (("opdracht", act.opdracht), ("notities", act.notities),
                                                 ("waarnemer", act.waarnemer))}
    said.update({f"rol {r.rol}": plain(r.opdracht) for r in act.rollen})
    if act.ronde == "iedereen" and act.duur * 60 < most * ROUND_SECONDS:
        need = -(-most * ROUND_SECONDS // 60)
        out.append(("ronde", f"een ronde waarin iedereen iets zegt, duurt bij {most} deelnemers minstens "
                             f"{need} minuten ({ROUND_SECONDS} seconden per persoon); de activiteit duurt "
                             f"{act.duur}. Maak er 'ronde: wie wil' van of geef de activiteit meer tijd"))
    if act.ronde is None:
        for key in ("opdracht", "notities"):
            if ROUND_WORDS.search(said[key]):
                out.append((key, "er staat een ronde in: zeg met 'ronde: iedereen' of 'ronde: wie wil' wie er aan "
                                 "het woord komt, zodat de tijd kan worden nagerekend"))
                break
    other = OTHER_FORMS.get(act.werkvorm)
    for key, value in said.items():
        found = other.search(value) if other else None
        if found:
            out.append(("rollenspel" if key.startswith("rol") or key == "waarnemer" else key,
                        f"de werkvorm is '{act.werkvorm}', maar de tekst noemt '{found.group(0)}': kies één werkvorm"
                        " per activiteit"))
            break
    if act.rollen and act.werkvorm == "tweetallen" and (act.waarnemer or len(act.rollen) != 2):
        out.append(("rollenspel", "een rollenspel in tweetallen heeft twee rollen en geen waarnemer; "
                                  "met een waarnemer is de werkvorm 'kleine groepen' (drietallen)"))
    return out


#: Words that make a sentence about confidentiality, and the words of its exception.
_SECRET = re.compile(r"blijft (hier|binnen de groep|in de groep|tussen ons)|geheim(houden)?\b|vertrouwelijk", re.I)
_EXCEPTION = re.compile(r"\b(behalve|tenzij|uitzondering)\b", re.I)
_NOT_SECRET = re.compile(r"\b(niet|nooit|geen)\b[^.]*\b(geheim|beloven|belooft)|\bbeloof(t)? (niet|geen)", re.I)
_MELDCODE = re.compile(r"\bmeldcode\b", re.I)
_ABUSE = re.compile(r"huiselijk geweld|kindermishandeling", re.I)
_CARE = re.compile(r"zelfbeschadiging|zichzelf (pijn|iets aan)|somber|zorg(en)? (over|om) (een|de|je) "
                   r"(leerling|jongere|minderjarige)|\bminderjarige\b", re.I)


def sentences(text: str) -> list[str]:
    """A text cut into sentences (after . ! ? and at the start of a list item)."""
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+\s*[-*]\s+", text) if s.strip()]


def safety_problems(text: str) -> list[str]:
    """Dutch messages for what one text (a list item, a paragraph, a field of a plan) tells a trainer
    unsafely: a confidentiality promise without its exception (checked per sentence), or the
    meldcode as the route for a worry that belongs to the care route.

    The meldcode is for (suspected) domestic violence and child abuse; a worry about a pupil or a
    young person (low mood, self-harm) goes through the school's or organisation's care route. So
    a sentence that names the meldcode names what it is for and no other worry."""
    out = []
    for sentence in sentences(text):
        if _SECRET.search(sentence) and not _EXCEPTION.search(sentence) and not _NOT_SECRET.search(sentence):
            out.append(f"de afspraak over vertrouwelijkheid heeft geen uitzondering: {shorten(sentence)}; zeg erbij "
                       "wanneer je de vertrouwelijkheid doorbreekt (behalve als iemand in gevaar is ...)")
    if _MELDCODE.search(text) and (not _ABUSE.search(text) or _CARE.search(text)):
        out.append(f"de meldcode is voor huiselijk geweld en kindermishandeling, niet voor elke zorg over een "
                   f"jongere: {shorten(text)}; zorg over een leerling gaat via de zorgroute van de school")
    return out


def _all_texts(data: dict):
    """(path, text) of every text in plan data (already checked by the schema)."""
    def walk(value, path):
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            for key, child in value.items():
                yield from walk(child, path + (key,))
        elif isinstance(value, list):
            for i, child in enumerate(value):
                yield from walk(child, path + (i,))
    skip = {"titel", "werkvorm", "begintijd", "casus", "figuur", "ronde"}
    for path, value in walk(data, ()):
        if not (set(path) & skip or "materiaal" in path or "doelen" in path):
            yield path, value


def _get(data, path: tuple):
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _message(error) -> str:
    """A Dutch message for a JSON Schema error: the rule's ``x-melding``, or one per keyword."""
    value = shorten(error.instance)
    field_name = next((k for k in reversed(error.absolute_path) if isinstance(k, str)), "")
    if error.validator == "required":
        missing = sorted(set(error.validator_value) - set(error.instance))
        return f"ontbrekende sleutel(s): {', '.join(missing)}"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        return f"onbekende sleutel(s) {', '.join(shorten(u)[1:-1] for u in unknown)}; toegestaan: {', '.join(allowed)}"
    template = error.schema.get("x-melding") or FALLBACK.get(error.validator, "heeft een ongeldige waarde {waarde}")
    text = template.replace("{waarde}", value)
    return f"'{field_name}' {text}" if field_name and not text.startswith(OWN_SUBJECT) else text


#: Messages for rules without their own ``x-melding``.
FALLBACK = {
    "minItems": "mag niet leeg zijn",
    "type": "heeft het verkeerde soort waarde: {waarde}",
    "pattern": "heeft niet de juiste vorm: {waarde}",
    "enum": "heeft een onbekende waarde: {waarde}",
    "maximum": "is te groot: {waarde}",
    "minimum": "is te klein: {waarde}",
}
#: Messages that name their own subject (no "'field'" in front).
OWN_SUBJECT = ("onbekende", "doel ", "materiaal", "een ")

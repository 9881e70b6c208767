"""The workshop kit, assembled: what a trainer shows and hands out, per lesson plan (and per session
of a series), taken from the plan YAML and the labelled boxes of the built site.

Nothing here writes course text. A slide is a list of plain-text blocks, each taken from one place:

* the plan (``course.plans``): session and activity titles, clock times, the participants' task
  (``opdracht``), roles, the facilitation notes (speaker notes);
* the course index and the pages: cases and reflections by worksheet id, self-check questions and
  their feedback by id (``zelftoets: m2-toets-1``), a module's key points (``kernpunten: m2``, the
  list under ``## Kernpunten`` of its closing page), its objectives (``M2.4``), the charts of a
  notebook page (``grafiek: /exercises/...#2``), the short help notice, the course's address.

A deck runs: title, help lines, agenda (with the buffer and the end), the session's objectives on
one slide in plain language (the plan's ``leerdoelen``; the book's objectives they stand for are in
the notes, by code and whole), the activities, help lines, the closing slide; then an appendix with the key
points, so the closing minutes are not spent on them. Every slide has speaker notes: the minutes
and the plan's facilitation notes, on the help slides the safety protocol's first steps.

The only words of our own are the labels in :data:`LABELS` (slide headings such as "Agenda") and
clock times and durations; ``tests/test_workshop.py`` checks that every other text on a slide is
found in the plan or on the site. A reference that does not exist stops the build with the plan
file, the line and the field (:class:`AssemblyError`).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from course import ROOT, model, plans
from course import vocabulary as V
from tools.printbook.source import Source

#: The deck's own words: headings and short labels. Everything else on a slide comes from the
#: plan or the site.
LABELS = {
    "agenda": "Agenda",
    "objectives": "Leerdoelen",
    "keypoints": "Kernpunten",
    "task": "Opdracht",
    "roles": "Rollen",
    "observer": "Waarnemer",
    "answer": "Antwoord",
    "until": "tot",
    "minutes": "minuten",
    "break": "Pauze",
    "more": "Verder leren",
    "module": "Module",
    "session": "Bijeenkomst",
    "end": "Einde",
    "slide": "Dia",
    "appendix": "Bijlage na de slotdia",
    "next": "Volgende dia",
    "next_many": "Volgende dia's",
    "cut": "Als je uitloopt, schrap dan",
    "hear": "Wat je wilt horen",
    "round_all": "Ronde: iedereen om de beurt",
    "round_some": "Ronde: wie wil",
    "codes": "Uit de modules",
    "continued": "vervolg",
    "ready_by": "Klaar om",
}
#: Pages the kit takes text from by heading.
HELP_DOC = "book/start/hulp"
#: Parts of the help page the "Hulp nodig?" slide leaves out (as the poster does).
HELP_SKIP = ("de-huisarts", "voor-professionals", "in-een-workshop")
SAFETY_DOC = "book/trainers/veiligheid"
#: Key points per slide (a closing page has up to eight).
KEYPOINTS_PER_SLIDE = 2
#: What one slide holds at the sizes of the back of a room (PowerPoint body 28 pt on a 13.33-inch
#: slide, the HTML deck at 32 px or more on 1280 x 720): lines of about LINE_CHARS characters.
#: A slide with more is continued on the next ("vervolg"); tests/test_kit_round2.py measures it.
LINE_CHARS, SLIDE_LINES = 56, 10
#: Texts inside boxes that are site furniture, not course text.
DROP = (".bibtex-citation", "a.headerlink", "button", ".toggle-button", f".{V.WEB_ONLY}")
_ROLE = re.compile(r"\{[a-z]+\}`([^`<]*?)\s*(?:<[^`]*>)?`")


class AssemblyError(ValueError):
    """A plan names something the book does not have; the message names file, line and field."""


# --- text from the site ---------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """One line of course text: white space collapsed, no space before punctuation."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" ([.,;:!?)])", r"\1", text).replace("( ", "(")


def text_of(el: Tag) -> str:
    """The plain text of an element of a built page (citations and site controls left out)."""
    el = copy.copy(el)
    for sel in DROP:
        for junk in el.select(sel):
            junk.decompose()
    return clean_text(el.get_text(""))


def myst_plain(text: str) -> str:
    """MyST source text (an objective) as a reader sees it: ``{term}`a <b>``` -> 'a'."""
    return clean_text(_ROLE.sub(r"\1", text).replace("*", ""))


def objective_text(text: str) -> str:
    """An objective as a sentence on its own: the book's whole text, without the list's ';' or '.'."""
    return myst_plain(text).rstrip(";.")


@dataclass
class Block:
    """A piece of a slide: a paragraph, a list, self-check options, agenda rows or a chart."""

    kind: str                       # p, ul, ol, options, rows, img, meta
    items: list = field(default_factory=list)  # texts; for rows: [time, text]; for img: [alt]
    src: str = ""                   # img: the file in the built site (e.g. _images/x.svg)

    @property
    def texts(self) -> list[str]:
        out = []
        for item in self.items:
            out.extend(item if isinstance(item, (list, tuple)) else [item])
        return out


def blocks_of(container: Tag) -> list[Block]:
    """Paragraphs and lists of a box, in order, as plain-text blocks."""
    out = []
    for child in container.children:
        if not isinstance(child, Tag) or "admonition-title" in child.get("class", []):
            continue
        if child.name == "p":
            out.append(Block("p", [text_of(child)]))
        elif child.name in ("ul", "ol"):
            out.append(Block(child.name, [text_of(li) for li in child.find_all("li", recursive=False)]))
        elif child.name == "table":
            rows = [[text_of(cell) for cell in tr.find_all(["th", "td"])] for tr in child.select("tbody tr")]
            out.append(Block("rows", [r for r in rows if any(r)]))
        elif child.name in ("section", "div") and not {"solution", "admonition"} & set(child.get("class", [])):
            out.extend(blocks_of(child))
    return [b for b in out if any(b.items)]


def section_blocks(section: Tag) -> list[Block]:
    """What a slide shows of a section of a page (``sectie:``): its first list or table (not in a
    box), and from the paragraph after it the sentences that hold the page's bold key words (the
    spectrum's "hoe lang, hoe zwaar, hoeveel")."""
    found = next((el for el in section.find_all(["ul", "ol", "table"])
                  if not el.find_parent(class_=re.compile(r"^(admonition|solution|exercise)$"))), None)
    if found is None:
        return blocks_of(section)[:1]
    holder = found
    while holder.parent is not None and holder.parent is not section:
        holder = holder.parent
    wrapper = copy.copy(holder) if holder is not found else None
    out = blocks_of(wrapper) if wrapper is not None else []
    if not out:
        out = [Block(found.name, [text_of(li) for li in found.find_all("li", recursive=False)])]
    after = holder.find_next_sibling("p")
    if after is not None:
        keys = [text_of(s) for s in after.find_all("strong")]
        kept = [s for s in _sentences(text_of(after)) if any(k in s for k in keys)]
        if kept:
            out.append(Block("p", [" ".join(kept)]))
    return [b for b in out if b.kind != "img"]


@dataclass
class Slide:
    kind: str                 # title, help, agenda, objectives, activity, case, reflection, question,
    #                           chart, keypoints, break, closing
    title: str
    blocks: list[Block] = field(default_factory=list)
    reveal: list[Block] = field(default_factory=list)  # shown on the next step (self-check feedback)
    notes: list[str] = field(default_factory=list)     # speaker notes
    ident: str = ""           # the id of what it shows (case, question), if any

    def texts(self) -> list[str]:
        """Every text shown on the slide (title, blocks and revealed blocks)."""
        return [self.title, *(t for b in self.blocks + self.reveal for t in b.texts)]


@dataclass
class Deck:
    name: str          # file stem: "introductie-90" or "reeks-4x2-uur-2"
    plan: plans.Plan
    plan_title: str    # the plan page's title
    session: plans.Session
    number: int        # 1-based session number
    course_title: str
    slides: list[Slide]

    @property
    def times(self) -> str:
        s = self.session
        return f"{plans.clock(s.begintijd)}–{plans.clock(s.begintijd + s.duur)}"

    @property
    def last(self) -> bool:
        return self.number == len(self.plan.sessies)


def section_by_heading(library: Library, doc: str, heading: str) -> Tag:
    """The section of a built page under a heading (h2 or h3) with this exact text."""
    for h in library.section(doc).find_all(re.compile("^h[23]$")):
        if text_of(h) == heading:
            return h.find_parent("section")
    raise SystemExit(f"printbook: {doc} has no heading '{heading}'")


# --- the site, read for the kit -----------------------------------------------------------------------


class Library:
    """The parts of the built site a workshop uses, found by id; one per build."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.index = source.index
        self._sections: dict[str, Tag] = {}
        self.cases = {c["id"]: c for c in self.index["cases"]}
        self.reflections = {r["id"]: r for r in self.index["reflections"]}
        self.questions = {q["id"]: q for q in self.index["selfchecks"]}
        self.modules = {m["number"]: m for m in self.index["modules"]}
        self.titles = {d["doc"]: d["title"] for d in self.index["docs"]}

    def section(self, doc: str) -> Tag:
        if doc not in self._sections:
            self._sections[doc] = self.source.doc(doc)
        return self._sections[doc]

    def box(self, doc: str, ident: str) -> Tag:
        found = self.section(doc).find(id=ident)
        if found is None:
            raise SystemExit(f"printbook: '{ident}' is in the course index but not on {doc}")
        return found

    def case(self, ident: str) -> tuple[str, list[Block]]:
        info = self.cases[ident]
        return info["title"], blocks_of(self.box(info["doc"], ident))

    def reflection(self, ident: str) -> tuple[str, list[Block]]:
        info = self.reflections[ident]
        box = self.box(info["doc"], ident)
        return info["title"], blocks_of(box.select_one("section") or box)

    def question(self, ident: str) -> tuple[list[Block], Block, Block]:
        """(question text, options, the feedback: one line per option, as the self-check page has it)."""
        info = self.questions[ident]
        box = self.box(info["doc"], ident)
        content = box.select_one("section") or box
        text = [Block("p", [text_of(p)]) for p in content.find_all("p", recursive=False)]
        options = [text_of(li) for li in content.find("ul").find_all("li", recursive=False)]
        feedback = self.box(info["doc"], info["feedback"])
        lines = [text_of(li) for li in feedback.select("li")]
        return text, Block("options", options), Block("ul", lines)

    def keypoints(self, number: int) -> list[str]:
        closing = self.modules[number]["closing"]
        for h2 in self.section(closing).find_all("h2"):
            if text_of(h2) == LABELS["keypoints"]:
                return [text_of(li) for li in h2.find_parent("section").select("ul > li")]
        raise SystemExit(f"printbook: {closing} has no '## Kernpunten'")

    def part(self, target: str) -> Tag | None:
        """The section of a page a plan names by its heading's anchor (``sectie: /doc#anchor``)."""
        doc, anchor = target.lstrip("/").split("#")
        return self.section(doc).find("section", id=re.compile(rf"(^|-){re.escape(anchor)}$"))

    def charts(self, notebook: str) -> list[tuple[str, str]]:
        """(src in the built site, alt text) of every chart on a notebook page."""
        return [(img["src"], img.get("alt", "")) for img in self.section(notebook).find_all("img")]

    def address(self, doc: str) -> str:
        """The web address of a page of the course."""
        uri = next(d["uri"] for d in self.index["docs"] if d["doc"] == doc)
        return f"{self.site_url.rstrip('/')}/{uri}"

    def help_notice(self) -> tuple[str, list[Block]]:
        """The short "Hulp nodig?" notice, as every module page shows it, made to work on paper and
        on a screen without links: the help page's link gets its address, and the help page's
        "Direct gevaar" line (112) comes first."""
        box = copy.copy(self.section(self.modules[min(self.modules)]["index"]).select_one(f".{V.HELP_NOTICE}"))
        title = box.select_one(".admonition-title")
        for link in box.select("a.internal"):
            # a link to the help page: in the site "../start/hulp.html", in the print editions "#document-..."
            if link.get("href", "").split("#")[-1].split(".html")[0].endswith(HELP_DOC.rsplit("/", 1)[-1]):
                link.append(f" ({self.address(HELP_DOC)})")
        danger = self.section(HELP_DOC).find(id=re.compile(r"direct-gevaar$"))
        return text_of(title), [*blocks_of(danger), *blocks_of(box)]

    def help_rows(self) -> list[list[str]]:
        """The help page as the poster lists it, for a slide: per heading its numbers (the page's
        phone links, or its first link when it has none) and the heading; "Direct gevaar" keeps its
        sentence ("Bel 112"). The huisarts and the parts for professionals are left out."""
        rows = []
        for sub in self.section(HELP_DOC).find_all("section", recursive=False):
            if sub.get("id", "").split("--")[-1] in HELP_SKIP:
                continue
            heading = text_of(sub.find(re.compile("^h[23]$")))
            numbers = [text_of(a) for a in sub.select('a[href^="tel:"]')]
            if not numbers:
                numbers = [text_of(a) for a in sub.select("a[href]")[:1]]
            if not numbers:
                continue
            if sub.get("id", "").endswith("direct-gevaar"):
                heading = text_of(sub.find("p"))
            rows.append([" · ".join(dict.fromkeys(numbers)), heading])
        return rows

    def safety_notes(self, first: bool) -> list[str]:
        """Speaker notes for a help slide, from the trainers' safety protocol: at the start what to
        say about the help page, at the end what to do when someone was touched by the subject."""
        if first:
            before = section_by_heading(self, SAFETY_DOC, "Vooraf")
            notes = [text_of(li) for li in before.select("ul > li")[:2]]
        else:
            notes = [text_of(section_by_heading(self, HELP_DOC, "In een workshop").find("p"))]
        steps = section_by_heading(self, SAFETY_DOC, "Als iemand vertelt dat het niet goed gaat")
        return notes + [text_of(li) for li in steps.select("ol > li")[:2]]

    def objective(self, module: int, number: int) -> str:
        return self.modules[module]["objectives"][number - 1]

    def plan_title(self, plan_file: str) -> str:
        doc = next((p["doc"] for p in self.index["plans"] if p["file"] == plan_file), None)
        return self.titles.get(doc, Path(plan_file).stem) if doc else Path(plan_file).stem

    @property
    def site_url(self) -> str:
        return self.index["substitutions"].get("site_url", "")


# --- assembling ---------------------------------------------------------------------------------------------


def load_plans(library: Library, root: Path = ROOT) -> list[tuple[str, plans.Plan]]:
    """Every plan the site renders, loaded with every check on: (file relative to root, plan)."""
    course = model.load(root)
    objectives = {m.number: course.objectives(m) for m in course.modules}
    worksheets = set(library.index["worksheets"])
    out = []
    for entry in library.index["plans"]:
        path = root / entry["file"]
        try:
            plan = plans.load_plan(path, objectives, set(course.docs()), worksheets, name=entry["file"])
        except plans.DraaiboekError as exc:
            raise AssemblyError(str(exc)) from None
        out.append((entry["file"], plan))
    return out


def _fail(name: str, line: int, kind: str, message: str) -> AssemblyError:
    return AssemblyError(f"draaiboek {name}, regel {line} ({kind}): {message}")


def check_references(name: str, plan: plans.Plan, library: Library) -> None:
    """What the loader cannot know: self-check ids and chart numbers exist in the built site."""
    for act in plan.activities:
        for ident, line in act.materials("zelftoets"):
            if ident not in library.questions:
                raise _fail(name, line, "zelftoets", f"zelftoetsvraag '{ident}' bestaat niet")
        for target, line in act.materials("sectie"):
            if library.part(target) is None:
                raise _fail(name, line, "sectie", f"de pagina '/{target.lstrip('/').split('#')[0]}' heeft geen "
                            f"kop met het anker '#{target.split('#')[1]}'")
        for target, line in act.materials("grafiek"):
            notebook, number = target.lstrip("/").split("#")
            found = len(library.charts(notebook))
            if not 1 <= int(number) <= found:
                raise _fail(name, line, "grafiek", f"het notebook '/{notebook}' heeft {found} grafiek(en), "
                            f"niet een grafiek {number}")


def _meta(*parts: str) -> Block:
    return Block("meta", [" · ".join(p for p in parts if p)])


def _activity_slides(act: plans.Activity, start: int, library: Library,
                     titles: dict[str, str]) -> tuple[list[Slide], list[Slide]]:
    """(the activity's slides in the running deck, its key-point slides for the appendix).
    ``start`` is minutes after the session's start: slides and notes show times relative to the
    start ("0:10–0:25"), so a trainer who starts at another hour changes nothing."""
    when = plans.relative(start)
    span = f"{when}–{plans.relative(start + act.duur)}"
    if act.werkvorm == plans.BUFFER:
        return [], []
    minutes = f"{act.duur} {LABELS['minutes']}"
    if act.werkvorm == plans.BREAK:
        notes = [f"{span} · {minutes}"] + ([plans.plain(act.notities, titles)] if act.notities else [])
        return [Slide("break", act.titel, [_meta(span, minutes)], notes=notes)], []
    goals = [f"M{m}.{n}" for m, n in act.doelen]
    facilitation = plans.plain(act.notities, titles) if act.notities else ""
    notes = [f"{span} · {minutes} · {act.werkvorm} · {', '.join(goals)}"] + ([facilitation] if facilitation else [])
    if act.ronde:
        notes.append(LABELS["round_all" if act.ronde == "iedereen" else "round_some"])
    if act.horen:
        notes.append(f"{LABELS['hear']}: " + " · ".join(plans.plain(h, titles) for h in act.horen))
    if act.schrappen:
        notes.append(f"{LABELS['cut']}: {plans.plain(act.schrappen, titles)}")
    notes.append(f"{LABELS['ready_by']} {plans.relative(start + act.duur)}")
    head = Slide("activity", act.titel, [_meta(span, minutes, act.werkvorm)], notes=notes)
    if act.opdracht:
        head.blocks.append(Block("p", [plans.plain(act.opdracht, titles)]))
    if act.rollen:
        head.blocks.append(Block("rows", [[r.rol, plans.plain(r.opdracht, titles)] for r in act.rollen]
                                 + ([[LABELS["observer"], plans.plain(act.waarnemer, titles)]]
                                    if act.waarnemer else [])))
    if not act.opdracht and not act.rollen:
        # no task in the plan: what the activity is about, by the titles of its material
        about = []
        for kind, target, _line in act.materiaal:
            if kind == "werkblad":
                about.append((library.cases.get(target) or library.reflections.get(target) or {}).get("title", ""))
            elif kind in ("pagina", "notebook"):
                about.append(titles.get(target.lstrip("/"), ""))
        if any(about):
            head.blocks.append(Block("ul", [a for a in dict.fromkeys(about) if a]))
    slides = [head]
    appendix: list[Slide] = []
    for kind, target, _line in act.materiaal:
        if kind == "werkblad" and target in library.cases:
            title, blocks = library.case(target)
            slides.append(Slide("case", title, blocks, ident=target))
        elif kind == "werkblad":
            title, blocks = library.reflection(target)
            slides.append(Slide("reflection", title, blocks, ident=target))
        elif kind == "zelftoets":
            text, options, answer = library.question(target)
            info = library.questions[target]
            module = int(target[1:].split("-")[0])
            slides.append(Slide("question", info["title"], [_meta(info["pageTitle"], f"{LABELS['module']} {module}"),
                                                            *text, options], [answer], ident=target))
        elif kind == "sectie":
            section = library.part(target)
            slides.append(Slide("section", text_of(section.find(re.compile("^h[1-6]$"))), section_blocks(section),
                                ident=target))
        elif kind == "grafiek":
            notebook, number = target.lstrip("/").split("#")
            src, alt = library.charts(notebook)[int(number) - 1]
            slides.append(Slide("chart", titles.get(notebook, notebook), [Block("img", [alt], src)], ident=target))
        elif kind == "kernpunten":
            number = int(target[1:])
            points = library.keypoints(number)
            module_title = library.modules[number]["title"]
            for i in range(0, len(points), KEYPOINTS_PER_SLIDE):
                appendix.append(Slide("keypoints", f"{LABELS['keypoints']}: {module_title}",
                                      [Block("ul", points[i:i + KEYPOINTS_PER_SLIDE])], ident=target,
                                      notes=[f"{LABELS['appendix']} · {act.titel} ({when})"]))
    for slide in slides[1:]:
        # the slides that show the activity's material carry its minutes and facilitation notes too
        slide.notes = [f"{act.titel} · {when} · {minutes}"] + ([facilitation] if facilitation else [])
    return slides, appendix


def _pointers(slides: list[Slide], first: int, count: int, act: plans.Activity) -> None:
    """Notes on an activity's first slide that say which slides show its material ("Volgende dia:
    <title>"), where the help lines are (slide 2) and that its key points are in the appendix."""
    head = slides[first]
    shown = [s.title for s in slides[first + 1:first + count]]
    lines = [f"{LABELS['next'] if len(shown) == 1 else LABELS['next_many']}: {'; '.join(shown)}"] if shown else []
    if any(t.lstrip("/") == HELP_DOC for t, _ in act.materials("pagina")):
        lines.insert(0, f"{LABELS['slide']} 2: {slides[1].title}")
    if act.materials("kernpunten"):
        lines.append(f"{LABELS['appendix']}: {LABELS['keypoints']}")
    head.notes.extend(lines)


def assemble(name: str, plan: plans.Plan, library: Library) -> list[Deck]:
    """One deck per session of a plan: the running deck, then an appendix with the key points."""
    check_references(name, plan, library)
    titles = library.titles
    plan_title = library.plan_title(name)
    stem = Path(name).stem
    help_title, _notice = library.help_notice()
    help_blocks = [Block("rows", library.help_rows()), Block("p", [library.address(HELP_DOC)])]
    decks = []
    for number, session in enumerate(plan.sessies, 1):
        deck_name = stem if len(plan.sessies) == 1 else f"{stem}-{number}"
        times = f"{plans.relative(0)}–{plans.relative(session.duur)}"
        slides = [Slide("title", library.index["title"],
                        [Block("p", [session.titel]), _meta(f"{session.duur} {LABELS['minutes']}")],
                        notes=[times, plans.plain(plan.groepsgrootte, titles), plans.plain(plan.ruimte, titles)]),
                  Slide("help", help_title, help_blocks, notes=library.safety_notes(first=True))]
        rows = [[plans.relative(act.start), act.titel] for act in session.activiteiten]
        rows.append([plans.relative(session.duur), LABELS["end"]])
        goals = sorted({g for act in session.activiteiten for g in act.doelen})
        slides.append(Slide("agenda", LABELS["agenda"], [Block("rows", rows)],
                            notes=[f"{times} · {session.duur} {LABELS['minutes']}"]))
        book = [f"M{m}.{n}: {objective_text(library.objective(m, n))}" for m, n in goals]
        slides.append(Slide("objectives", LABELS["objectives"],
                            [Block("ul", [plans.plain(g, titles) for g in session.leerdoelen])],
                            notes=[f"{LABELS['codes']}: {', '.join(f'M{m}.{n}' for m, n in goals)}", *book]))
        per_activity = []
        appendix: list[Slide] = []
        for act in session.activiteiten:
            running, extra = _activity_slides(act, act.start, library, titles)
            per_activity.append((act, len(slides), running))
            slides.extend(running)
            appendix.extend(extra)
        slides.append(Slide("help", help_title, help_blocks, notes=library.safety_notes(first=False)))
        slides.append(Slide("closing", library.index["title"], [Block("p", [library.site_url])],
                            notes=[f"{plans.relative(session.duur)} · {LABELS['end']}"]))
        slides.extend(appendix)
        for act, first, running in per_activity:
            if running and running[0].kind == "activity":
                _pointers(slides, first, len(running), act)
        slides = [part for slide in slides for part in fit(slide)]
        decks.append(Deck(deck_name, plan, plan_title, session, number, library.index["title"], slides))
    return decks


def lines_of(block: Block) -> int:
    """About how many lines a block takes on a slide (a row as its cells side by side)."""
    if block.kind == "img":
        return SLIDE_LINES
    texts = [" — ".join(item) if isinstance(item, (list, tuple)) else item for item in block.items]
    return sum(-(-len(text) // LINE_CHARS) or 1 for text in texts)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"'(])", text) if s]


def fit(slide: Slide) -> list[Slide]:
    """A slide, or the slide and its continuations ("vervolg") when its blocks hold more than
    SLIDE_LINES lines. Blocks are cut between items, a long paragraph between sentences; every
    part keeps the slide's title and notes. A question keeps its options on one slide (its answer
    is shown on its own step)."""
    if slide.kind in ("question", "chart", "title", "closing", "break") or \
            sum(lines_of(b) for b in slide.blocks) <= SLIDE_LINES:
        return [slide]
    pieces: list[tuple[int, Block]] = []  # (the block it came from, a piece of it)
    for origin, block in enumerate(slide.blocks):
        if block.kind == "p" and lines_of(block) > SLIDE_LINES // 2:
            pieces.extend((origin, Block("p", [s])) for s in _sentences(block.items[0]))
        elif block.kind in ("ul", "ol", "rows") and len(block.items) > 1:
            pieces.extend((origin, Block(block.kind, [item])) for item in block.items)
        else:
            pieces.append((origin, block))
    parts: list[list[tuple[int, Block]]] = [[]]
    used = 0
    for origin, piece in pieces:
        need = lines_of(piece)
        if parts[-1] and used + need > SLIDE_LINES - (len(parts) > 1):
            parts.append([])
            used = 0
        parts[-1].append((origin, piece))
        used += need
    out = []
    for number, part in enumerate(parts):
        merged: list[Block] = [] if number == 0 else [Block("meta", [LABELS["continued"]])]
        last = None
        for origin, piece in part:
            if origin == last and piece.kind == "p":
                merged[-1].items[0] += " " + piece.items[0]
            elif origin == last:
                merged[-1].items.extend(piece.items)
            else:
                merged.append(Block(piece.kind, list(piece.items), piece.src))
            last = origin
        out.append(Slide(slide.kind if number == 0 or slide.kind == "keypoints" else "vervolg", slide.title,
                         merged, notes=list(slide.notes), ident=slide.ident))
    return out


def assemble_all(source: Source, root: Path = ROOT) -> tuple[Library, list[Deck]]:
    library = Library(source)
    decks = []
    for name, plan in load_plans(library, root):
        decks.extend(assemble(name, plan, library))
    return library, decks


__all__ = ["AssemblyError", "Block", "Deck", "LABELS", "Library", "Slide", "assemble", "assemble_all",
           "blocks_of", "clean_text", "text_of", "BeautifulSoup"]

"""The anatomy every module needs (see CONTRIBUTING.md, "Add a module"), checked on its sources.

``problems(folder)`` lists, in Dutch, what a module folder lacks; ``tools/anatomy.py`` prints it
for authors and the tests assert it is empty. Everything is read with ``course.markdown``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from course import markdown
from course import vocabulary as V

MIN_CASES = 2
MIN_REFLECTIONS = 3
MIN_QUESTIONS = 5
OBJECTIVES = (3, 6)
INDEX_HEADINGS = ("Vragen", "Leerdoelen", "Duur", "Zo is deze module opgebouwd")
CLOSING_HEADINGS = ("Kernpunten", "Verder lezen")
HELP_INCLUDE = "../start/_hulp-kort.md"
SOURCE_PAGE_KEY = "trimbos2025mentale"


@dataclass
class Question:
    """A self-check question: its label, options and the verdict per option in its feedback."""

    label: str
    nonumber: bool
    options: list[str]
    verdicts: list[tuple[str, str]]
    option_texts: list[str]


def _bold_letter_items(body: str, pattern: re.Pattern) -> list[tuple[re.Match, str]]:
    """Bullet items that start with a bold label matching ``pattern`` (e.g. ``**A.**``)."""
    out = []
    for item in markdown.list_items(body, ordered=False):
        m = re.match(r"^\*\*(.+?)\*\*\s*(.*)$", item, re.S)
        if m and (label := pattern.match(m.group(1))):
            out.append((label, " ".join(m.group(2).split())))
    return out


def self_check_questions(text: str) -> list[Question]:
    """The self-check questions of a page, with their feedback matched by label."""
    blocks = markdown.directives(text)
    feedback = {d.argument: d.body for d in blocks if d.name == "solution"}
    questions = []
    for d in blocks:
        if d.name != "exercise" or V.SELF_CHECK not in d.classes:
            continue
        label = d.options.get("label", "?")
        options = _bold_letter_items(d.body, V.OPTION)
        verdicts = _bold_letter_items(feedback.get(label, ""), V.VERDICT)
        questions.append(Question(label, "nonumber" in d.options, [m.group(1) for m, _ in options],
                                  [(m.group(1), m.group(2)) for m, _ in verdicts], [t for _, t in options]))
    return questions


def problems(module: Path) -> list[str]:
    """Everything the module folder lacks, as readable Dutch lines; empty when complete."""
    out: list[str] = []
    name = module.name
    index = module / f"{V.INDEX_PAGE}.md"
    if not index.exists():
        return [f"{name}: index.md ontbreekt"]
    text = index.read_text(encoding="utf-8")
    if not re.fullmatch(r"Module \d+ — .+", markdown.first_heading(text)):
        out.append(f"{name}/index.md: de eerste kop moet '# Module N — Titel' zijn")
    if not any(d.name == "include" and d.argument == HELP_INCLUDE for d in markdown.directives(text)):
        out.append(f"{name}/index.md: de melding 'Hulp nodig?' ontbreekt")
    for heading in INDEX_HEADINGS:
        if markdown.section(text, heading) is None:
            out.append(f"{name}/index.md: '## {heading}' ontbreekt")
    objectives = markdown.list_items(markdown.section(text, "Leerdoelen") or "", ordered=True)
    if not OBJECTIVES[0] <= len(objectives) <= OBJECTIVES[1]:
        out.append(f"{name}/index.md: {len(objectives)} leerdoelen ({OBJECTIVES[0]} tot {OBJECTIVES[1]})")
    duur = markdown.section(text, "Duur") or ""
    if not (re.search(r"[Tt]otaal", duur) and re.search(r"\d+", duur)):
        out.append(f"{name}/index.md: 'Duur' noemt geen minuten met een totaal")

    pages = sorted(module.glob("*.md"))
    blocks = [d for p in pages for d in markdown.directives(p.read_text(encoding="utf-8"))]
    cases = [d for d in blocks if d.name == "admonition" and V.CASE in d.classes
             and d.argument.startswith(V.CASE_TITLE_PREFIX)]
    if len(cases) < MIN_CASES:
        out.append(f"{name}: {len(cases)} casussen (minstens {MIN_CASES})")
    solutions = {d.argument: d for d in blocks if d.name == "solution"}
    reflections = [d for d in blocks if d.name == "exercise" and V.REFLECTION in d.classes]
    if len(reflections) < MIN_REFLECTIONS:
        out.append(f"{name}: {len(reflections)} reflectie-opdrachten (minstens {MIN_REFLECTIONS})")
    for d in reflections:
        label = d.options.get("label")
        if not label:
            out.append(f"{name}: een reflectie-opdracht heeft geen label")
        elif label not in solutions or V.THINKING not in solutions[label].classes:
            out.append(f"{name}: '{label}' heeft geen denkrichtingen")

    selfcheck = module / f"{V.SELF_CHECK_PAGE}.md"
    if not selfcheck.exists():
        out.append(f"{name}: zelftoets.md ontbreekt")
    else:
        questions = self_check_questions(selfcheck.read_text(encoding="utf-8"))
        if len(questions) < MIN_QUESTIONS:
            out.append(f"{name}: {len(questions)} zelftoetsvragen (minstens {MIN_QUESTIONS})")
        for q in questions:
            if not q.nonumber:
                out.append(f"{q.label}: zelftoetsvragen krijgen ':nonumber:' (titel 'Vraag N')")
            if len(q.options) < 2:
                out.append(f"{q.label}: minder dan twee antwoordopties")
            if [v[0] for v in q.verdicts] != q.options:
                out.append(f"{q.label}: de feedback volgt de opties niet één op één")
            if [v[1] for v in q.verdicts].count(V.RIGHT) != 1:
                out.append(f"{q.label}: precies één optie moet 'Juist.' zijn")

    closing = module / f"{V.CLOSING_PAGE}.md"
    ctext = closing.read_text(encoding="utf-8") if closing.exists() else ""
    for heading in CLOSING_HEADINGS:
        if markdown.section(ctext, heading) is None:
            out.append(f"{name}/afsluiting.md: '## {heading}' ontbreekt")
    if sum(p.read_text(encoding="utf-8").count(SOURCE_PAGE_KEY) for p in pages) < 3:
        out.append(f"{name}: de bronpagina wordt te weinig geciteerd")
    return out


def toc_problems(course) -> list[str]:
    """What the table of contents lacks for each module (the roles of ``course.model.Module``)."""
    out = []
    for m in course.modules:
        where = f"_toc.yml, {m.caption}"
        if not m.index.endswith(f"/{V.INDEX_PAGE}"):
            out.append(f"{where}: het hoofdstuk moet de index van de module zijn")
        for role, doc in (("notebook", m.notebook), ("zelftoets", m.selfcheck), ("afsluiting", m.closing)):
            if doc is None:
                out.append(f"{where}: geen {role}")
        if m.extra:
            out.append(f"{where}: {', '.join(m.extra)} staan niet op hun plek "
                       "(pagina's, notebook, zelftoets, afsluiting)")
        if m.docs[-2:] != tuple(d for d in (m.selfcheck, m.closing) if d):
            out.append(f"{where}: zelftoets en afsluiting moeten de laatste twee zijn")
        for doc in m.docs:
            if course.source(doc) is None:
                out.append(f"{where}: {doc} bestaat niet")
    return out

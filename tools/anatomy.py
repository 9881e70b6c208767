"""Check that a module folder has the anatomy of DESIGN §4 (used by the tests; also handy
for authors: `python tools/anatomy.py book/m1-spectrum` prints what is missing)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

MIN_CASES = 2
MIN_REFLECTIONS = 3
MIN_QUESTIONS = 5


def directive_blocks(text: str, name: str) -> list[tuple[str, str]]:
    """(options + body, argument) of every fenced ``{name}`` directive (``` or :::)."""
    pattern = re.compile(r"^(`{3,}|:{3,})\{" + name + r"\}[ \t]*([^\n]*)\n(.*?)^\1[ \t]*$", re.M | re.S)
    return [(m.group(3), m.group(2).strip()) for m in pattern.finditer(text)]


def _section(text: str, heading: str) -> str:
    parts = re.split(rf"^{re.escape(heading)}[ \t]*$", text, maxsplit=1, flags=re.M)
    return parts[1].split("\n## ")[0] if len(parts) == 2 else ""


def self_check_questions(text: str) -> list[dict]:
    """The zelftoets questions of a page: label, options and the verdict per option."""
    solutions = {arg: body for body, arg in directive_blocks(text, "solution")}
    questions = []
    for body, _ in directive_blocks(text, "exercise"):
        if not re.search(r"^:class:.*\bzelftoets\b", body, re.M):
            continue
        label = re.search(r"^:label: (\S+)", body, re.M)
        label = label.group(1) if label else "?"
        feedback = solutions.get(label, "")
        questions.append({
            "label": label,
            "nonumber": bool(re.search(r"^:nonumber:", body, re.M)),
            "options": re.findall(r"^- \*\*([A-Z])\.\*\*", body, re.M),
            "verdicts": re.findall(r"^- \*\*([A-Z])\. (Juist|Niet juist)\.\*\*", feedback, re.M),
        })
    return questions


def problems(module: Path) -> list[str]:
    """Everything the module lacks, as readable lines; empty when the anatomy is complete."""
    out: list[str] = []
    name = module.name
    index = module / "index.md"
    if not index.exists():
        return [f"{name}: index.md ontbreekt"]
    text = index.read_text(encoding="utf-8")
    if not re.fullmatch(r"# Module \d — .+", text.splitlines()[0] if text else ""):
        out.append(f"{name}/index.md: de eerste regel moet '# Module N — Titel' zijn")
    if "{include} ../start/_hulp-kort.md" not in text:
        out.append(f"{name}/index.md: de melding 'Hulp nodig?' ontbreekt")
    for heading in ("## Vragen", "## Leerdoelen", "## Duur", "## Zo is deze module opgebouwd"):
        if not re.search(rf"^{heading}[ \t]*$", text, re.M):
            out.append(f"{name}/index.md: '{heading}' ontbreekt")
    objectives = re.findall(r"^\d+\. ", _section(text, "## Leerdoelen"), re.M)
    if not 3 <= len(objectives) <= 6:
        out.append(f"{name}/index.md: {len(objectives)} leerdoelen (3 tot 6)")
    duur = _section(text, "## Duur")
    if not (re.search(r"[Tt]otaal", duur) and re.search(r"\d+", duur)):
        out.append(f"{name}/index.md: 'Duur' noemt geen minuten met een totaal")

    pages = sorted(module.glob("*.md"))
    alltext = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    cases = [b for b, arg in directive_blocks(alltext, "admonition")
             if re.search(r"^:class: casus", b, re.M) and arg.startswith("Casus")]
    if len(cases) < MIN_CASES:
        out.append(f"{name}: {len(cases)} casussen (minstens {MIN_CASES})")
    solutions = {arg: body for body, arg in directive_blocks(alltext, "solution")}
    reflections = [b for b, _ in directive_blocks(alltext, "exercise") if re.search(r"^:class:.*\breflectie\b", b, re.M)]
    if len(reflections) < MIN_REFLECTIONS:
        out.append(f"{name}: {len(reflections)} reflectie-opdrachten (minstens {MIN_REFLECTIONS})")
    for body in reflections:
        label = re.search(r"^:label: (\S+)", body, re.M)
        if not label:
            out.append(f"{name}: een reflectie-opdracht heeft geen label")
        elif "denkrichtingen" not in solutions.get(label.group(1), ""):
            out.append(f"{name}: '{label.group(1)}' heeft geen denkrichtingen")

    selfcheck = module / "zelftoets.md"
    if not selfcheck.exists():
        out.append(f"{name}: zelftoets.md ontbreekt")
    else:
        questions = self_check_questions(selfcheck.read_text(encoding="utf-8"))
        if len(questions) < MIN_QUESTIONS:
            out.append(f"{name}: {len(questions)} zelftoetsvragen (minstens {MIN_QUESTIONS})")
        for q in questions:
            if not q["nonumber"]:
                out.append(f"{q['label']}: zelftoetsvragen krijgen ':nonumber:' (titel 'Vraag N')")
            if len(q["options"]) < 2:
                out.append(f"{q['label']}: minder dan twee antwoordopties")
            if [v[0] for v in q["verdicts"]] != q["options"]:
                out.append(f"{q['label']}: de feedback volgt de opties niet één op één")
            if [v[1] for v in q["verdicts"]].count("Juist") != 1:
                out.append(f"{q['label']}: precies één optie moet 'Juist.' zijn")

    closing = module / "afsluiting.md"
    ctext = closing.read_text(encoding="utf-8") if closing.exists() else ""
    for heading in ("## Kernpunten", "## Verder lezen"):
        if not re.search(rf"^{heading}[ \t]*$", ctext, re.M):
            out.append(f"{name}/afsluiting.md: '{heading}' ontbreekt")
    if alltext.count("trimbos2025mentale") < 3:
        out.append(f"{name}: de bronpagina wordt te weinig geciteerd")
    return out


if __name__ == "__main__":
    found = [line for arg in sys.argv[1:] for line in problems(Path(arg))]
    print("\n".join(found) or "In orde.")
    sys.exit(1 if found else 0)

"""No placeholders in learner text: TODO, FIXME, XXX, TBD, lorem ipsum, "volgt nog", or a
heading with nothing under it (an empty section)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from . import text

MARKERS = re.compile(r"\b(TODO|FIXME|XXX|TBD|lorem ipsum|dolor sit amet|volgt nog|nog invullen)\b",
                     re.IGNORECASE)


def empty_sections(blocks: list[text.Block]) -> list[text.Block]:
    """Headings followed directly by a heading of the same or a higher level, or by the end."""
    empty = []
    for i, b in enumerate(blocks):
        if b.kind != "heading":
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is None or (nxt.kind == "heading" and nxt.level <= b.level):
            empty.append(b)
    return empty


def _raw_blocks(path: Path) -> list[tuple[int, str]]:
    """Markers are searched in the raw text too, so a TODO in a comment or option is found."""
    if path.suffix == ".md":
        return list(enumerate(path.read_text(encoding="utf-8").split("\n"), start=1))
    return [(b.line, b.text) for b in text.blocks_of(path)]


def check_files(files: list[Path]) -> list[str]:
    problems = []
    for f in files:
        for line, s in _raw_blocks(f):
            for m in MARKERS.finditer(s):
                problems.append(f"{text.rel(f)}:{line}: '{m.group(0)}'")
        if f.suffix in (".md", ".ipynb"):
            for b in empty_sections(text.blocks_of(f)):
                problems.append(f"{text.rel(f)}:{b.line}: lege sectie '{b.text}'")
    return problems


def main() -> int:
    problems = check_files(text.learner_files())
    for p in problems:
        print(p)
    print(f"{len(problems)} plaatshouders of lege secties")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

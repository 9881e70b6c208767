"""Bibliography and citations agree.

- every entry in ``book/references.bib`` is cited somewhere in the course sources;
- every cited key exists in the .bib file;
- every module (``book/mN-*/``) cites the source page ``trimbos2025mentale``;
- every entry has a year and a title.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from pybtex.database import parse_file

from . import ROOT, text

BIB = ROOT / "book" / "references.bib"
SOURCE_PAGE = "trimbos2025mentale"
CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]*)`")


def cited_keys(files: list[Path]) -> dict[str, list[str]]:
    """{key: [files citing it]} over the given sources (Markdown and notebooks)."""
    keys: dict[str, list[str]] = {}
    for f in files:
        for m in CITE.finditer(f.read_text(encoding="utf-8")):
            for key in m.group(1).split(","):
                key = key.strip()
                if key:
                    keys.setdefault(key, []).append(text.rel(f))
    return keys


def course_sources(root: Path = ROOT) -> list[Path]:
    """Every page, include fragment and notebook of the course (also pages not in the toc)."""
    files = [p for p in (root / "book").rglob("*.md") if "_build" not in p.parts]
    files += list((root / "exercises").glob("*.ipynb"))
    return sorted(files)


def check(bib: Path = BIB, files: list[Path] | None = None, module_dirs: list[Path] | None = None) -> list[str]:
    files = course_sources() if files is None else files
    if module_dirs is None:
        module_dirs = sorted(p for p in (ROOT / "book").glob("m[0-9]*-*") if p.is_dir())
    entries = parse_file(str(bib)).entries
    cited = cited_keys(files)
    problems = []
    for key, entry in entries.items():
        if key not in cited:
            problems.append(f"{text.rel(bib)}: {key} wordt nergens geciteerd")
        for fieldname in ("year", "title"):
            if not entry.fields.get(fieldname, "").strip():
                problems.append(f"{text.rel(bib)}: {key} heeft geen {fieldname}")
    for key, where in sorted(cited.items()):
        if key not in entries:
            problems.append(f"{where[0]}: de bron {key} staat niet in {text.rel(bib)}")
    for d in module_dirs:
        module_files = [f for f in d.rglob("*.md")]
        notebook = None
        for f in module_files:  # the module's notebook is linked from its pages
            for m in re.finditer(r"\{doc\}`/?(exercises/[\w-]+)`", f.read_text(encoding="utf-8")):
                notebook = ROOT / (m.group(1) + ".ipynb")
        if notebook is not None and notebook.exists():
            module_files.append(notebook)
        if SOURCE_PAGE not in cited_keys(module_files):
            problems.append(f"{text.rel(d)}: de module citeert de bronpagina ({SOURCE_PAGE}) nergens")
    return problems


def main() -> int:
    problems = check()
    for p in problems:
        print(p)
    print(f"{len(problems)} problemen met bronnen")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

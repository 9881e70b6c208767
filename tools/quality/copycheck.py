"""Runs of N words that the learner-visible text shares with the source page (the copy check).

A script, not a test: the source page is not in the repository. Give its plain text as the first
argument; the second is the run length (default 8, the rule in CONTRIBUTING.md). Prints each run with
file and line, then the count; exits 1 when a run of 8 or more words is found.

    .venv/bin/python -m tools.quality.copycheck bronpagina.txt      # the rule: 0 runs of 8
    .venv/bin/python -m tools.quality.copycheck bronpagina.txt 6    # near-paraphrases to reread
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tools.quality import text as visible

RULE = 8


def words(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ0-9]+", text.lower())


def shared_runs(source: str, n: int) -> list[tuple[str, int, str]]:
    """(file, line, run) for every run of ``n`` words of a learner file that is also in ``source``."""
    src = words(source)
    grams = {tuple(src[i : i + n]) for i in range(len(src) - n + 1)}
    found = []
    for path in visible.learner_files():
        for block in visible.blocks_of(path):
            w, seen = words(block.text), set()
            for i in range(len(w) - n + 1):
                gram = tuple(w[i : i + n])
                if gram in grams and gram not in seen:
                    seen.add(gram)
                    found.append((visible.rel(path), block.line, " ".join(gram)))
    return found


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    n = int(argv[1]) if len(argv) > 1 else RULE
    runs = shared_runs(Path(argv[0]).read_text(encoding="utf-8"), n)
    for where, line, run in runs:
        print(f"{where}:{line}: {run}")
    print(f"{len(runs)} runs of {n} words")
    return 1 if runs and n >= RULE else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

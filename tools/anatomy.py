"""Print what a module folder still lacks: `python -m tools.anatomy book/m1-spectrum`.

The rules live in ``course/anatomy.py`` (used by the tests too); this is the authors' command.
"""

from __future__ import annotations

import sys
from pathlib import Path

from course import anatomy, model


def main(args: list[str]) -> int:
    found = [line for arg in args for line in anatomy.problems(Path(arg))]
    found += anatomy.toc_problems(model.load())
    print("\n".join(found) or "In orde.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

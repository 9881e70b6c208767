"""What the build publishes comes from where it should: one check for every copy and zip step.

A symbolic link in ``exercises/data``, ``exercises/cursus`` or ``book/_static/fonts`` used to
publish the file it points to (any file on the machine) in the Oefenpakket, the runtime zip, the
workshop kits and the site. Every step that copies or zips a file now asks :func:`checked` first:
the file must lie under its source root (the repository, or the npm or Python package it comes
from), with no symbolic link on the way and its real path inside that root. Names that become
paths or zip entries (plan files, downloads) must match :data:`SAFE_NAME`, so a plan named
``...yml`` cannot turn into ``_build/workshop/..`` (all of ``_build``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from course import ROOT

#: The one pattern for names that become paths or zip entries: letters, digits, and single dots,
#: dashes or underscores between them (so no "..", no leading dot, no slash, no space).
SAFE_NAME = re.compile(r"[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*")


class UnsafeSource(SystemExit):
    """A file the build refuses to publish; the message says which and why (stops the build)."""


def safe_name(name: str, what: str = "file name") -> str:
    if not SAFE_NAME.fullmatch(name):
        raise UnsafeSource(f"{what} {name!r} is not a safe name: use letters, digits and single '.', '-' "
                           "or '_' between them (the name becomes a path or a zip entry)")
    return name


def checked(path: Path, root: Path = ROOT) -> Path:
    """``path`` when it is a file or folder under ``root`` that the build may publish.

    Refused: a path outside ``root``, a symbolic link anywhere between ``root`` and the file, and
    a file whose real path is outside ``root``'s real path. ``root`` itself may be a link (a
    worktree's node_modules or .venv): what matters is what lies under it."""
    base = Path(os.path.abspath(root))
    full = Path(os.path.abspath(path))
    try:
        parts = full.relative_to(base).parts
    except ValueError:
        raise UnsafeSource(f"{path}: outside {root}; the build publishes only files from there") from None
    here = base
    for part in parts:
        here = here / part
        if here.is_symlink():
            raise UnsafeSource(f"{here}: a symbolic link (to {os.readlink(here)}); the build publishes only "
                               f"files that are really in {root}: copy the file in instead")
    if not full.resolve().is_relative_to(base.resolve()):
        raise UnsafeSource(f"{path}: its real path {full.resolve()} is outside {root}")
    return full


def files_under(folder: Path, root: Path = ROOT) -> list[Path]:
    """Every file under ``folder``, sorted, each one :func:`checked` (a link anywhere is refused,
    not skipped: a quiet skip would publish an incomplete download)."""
    checked(folder, root)
    out = []
    for here, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted(dirs) + sorted(files):
            checked(Path(here) / name, root)
        out += [Path(here) / name for name in files]
    return sorted(out)

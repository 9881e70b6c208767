"""One zip writer for every archive the build hands out: the same bytes from the same files.

Entries are sorted (or given in order where a format requires it, such as the EPUB's first
``mimetype``), every entry carries the same fixed time and permissions, and compression is fixed,
so two builds of unchanged sources give byte-identical zips (downloads, kits, Oefenpakket, EPUB,
SCORM packages). The file is written next to its target and moved into place at the end.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path

#: The time on every entry (zip has no time zone; 1980 is the format's earliest).
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def write_zip(target: Path, entries: Mapping[str, bytes], first: tuple[str, ...] = (),
              stored: frozenset[str] = frozenset()) -> Path:
    """Write ``entries`` ({name in the zip: bytes}) to ``target``: ``first`` in that order, then
    the rest sorted; names in ``stored`` uncompressed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    order = [*first, *sorted(set(entries) - set(first))]
    with zipfile.ZipFile(tmp, "w") as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            archive.writestr(info, entries[name], compresslevel=None if name in stored else 6)
    tmp.replace(target)
    return target


def folder_entries(folder: Path, top: str = "", skip: frozenset[str] = frozenset()) -> dict[str, bytes]:
    """The files under ``folder`` as entries, under the folder name ``top`` when given; parts in
    ``skip`` (``__pycache__``) left out."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_file() and not skip & set(rel.parts):
            out[(Path(top) / rel).as_posix() if top else rel.as_posix()] = path.read_bytes()
    return out

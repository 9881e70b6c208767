"""Wheels made from the project's own venv, for tests that install packages into a fresh venv
(the Oefenpakket test): the same versions the lock installed, with no package index and no
network. An installed distribution is a wheel unpacked (PEP 427: its files are listed in RECORD
and its tags in WHEEL), so packing those files again gives a wheel pip installs as it would the
original; console scripts are left out (pip writes them again from entry_points.txt)."""

from __future__ import annotations

import base64
import hashlib
import re
import zipfile
from importlib.metadata import Distribution, distribution
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

#: Files of an installation that are not part of the wheel (pip writes them when it installs).
NOT_IN_WHEEL = {"INSTALLER", "REQUESTED", "direct_url.json", "RECORD"}


def closure(requirements: list[str]) -> list[Distribution]:
    """The installed distributions these requirements need, with everything they need in turn."""
    seen: dict[str, Distribution] = {}
    todo = [(Requirement(r), frozenset()) for r in requirements]
    while todo:
        req, _extras = todo.pop()
        name = canonicalize_name(req.name)
        if name in seen:
            continue
        dist = distribution(req.name)
        if dist.version not in req.specifier and req.specifier:
            raise LookupError(f"{req} is wanted but the venv has {req.name}=={dist.version}")
        seen[name] = dist
        for spec in dist.requires or []:
            dep = Requirement(spec)
            if dep.marker is None or any(dep.marker.evaluate({"extra": e}) for e in (req.extras or {""})):
                todo.append((dep, frozenset(dep.extras)))
    return list(seen.values())


def _record_line(arcname: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arcname},sha256={digest},{len(data)}"


def pack(dist: Distribution, dest: Path) -> Path:
    """Write ``dist`` as a wheel into ``dest``; return its path."""
    info = Path(str(dist._path))  # the .dist-info folder
    site = info.parent
    meta = (info / "WHEEL").read_text(encoding="utf-8")
    tags = [line.split(":", 1)[1].strip() for line in meta.splitlines() if line.startswith("Tag:")]
    parts = [sorted({t.split("-")[i] for t in tags}) for i in range(3)]
    name = re.sub(r"[-.]+", "_", dist.metadata["Name"])
    data_dir = f"{name}-{dist.version}.data"
    target = dest / f"{name}-{dist.version}-{'-'.join('.'.join(p) for p in parts)}.whl"
    record = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as whl:
        for entry in dist.files or []:
            rel = entry.as_posix()
            if "__pycache__" in rel or (rel.startswith(info.name + "/") and rel.split("/", 1)[1] in NOT_IN_WHEEL):
                continue
            path = site / entry
            if not path.is_file():
                continue
            if rel.startswith("../"):
                # outside site-packages: data files under the prefix (share/jupyter/...) go to
                # the wheel's .data/data; scripts in bin/ are written again by pip
                prefix_rel = (site / entry).resolve().relative_to(site.parents[2].resolve()).as_posix()
                if prefix_rel.startswith("bin/"):
                    continue
                rel = f"{data_dir}/data/{prefix_rel}"
            data = path.read_bytes()
            whl.writestr(rel, data)
            record.append(_record_line(rel, data))
        record.append(f"{info.name}/RECORD,,")
        whl.writestr(f"{info.name}/RECORD", "\n".join(record) + "\n")
    return target


def wheelhouse(requirements: list[str], dest: Path) -> Path:
    """A folder of wheels for ``requirements`` and all they need, from this venv."""
    dest.mkdir(parents=True, exist_ok=True)
    for dist in closure(requirements):
        pack(dist, dest)
    return dest

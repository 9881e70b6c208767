"""What a notebook needs to run, known once: the helper package, the data, the Python packages.

Two places run the notebooks outside the repository and read this module:

* the in-browser runtime (``course/sphinxext/runtime.py``) puts the helper sources, the data
  files and the installed files of ``drawsvg`` into the site;
* the Oefenpakket download (``tools/printbook/downloads.py``) zips the notebooks, the helper
  sources, the data files and a requirements file made from ``requirements.lock``.

Nothing here needs Sphinx.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from course import ROOT, published
from course import vocabulary as V

#: The Python packages the notebooks import (besides the standard library), by distribution name.
#: ``drawsvg`` draws the charts; ``ipykernel`` is what runs a notebook in Jupyter.
NOTEBOOK_PACKAGES = ("drawsvg", "ipykernel")
#: The packages the browser runtime loads next to the helpers (pure Python, from the build venv).
BROWSER_PACKAGES = ("drawsvg",)

_PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)")


def canonical(name: str) -> str:
    """PEP 503 name: 'Jinja2' -> 'jinja2', 'nest_asyncio2' -> 'nest-asyncio2'."""
    return re.sub(r"[-_.]+", "-", name).lower()


def helper_sources(root: Path = ROOT) -> list[Path]:
    """The helper package's source files (``exercises/cursus/*.py``), sorted."""
    return [published.checked(p, root) for p in sorted((root / V.HELPER_PACKAGE).glob("*.py"))]


def data_files(root: Path = ROOT) -> list[Path]:
    """The notebooks' data files (``exercises/data/``: example diary, empty template), sorted."""
    folder = published.checked(root / V.DATA_FOLDER, root)
    return sorted(published.checked(p, root) for p in folder.iterdir()
                  if not p.name.startswith(".") and (p.is_file() or p.is_symlink()))


def pins(root: Path = ROOT) -> dict[str, tuple[str, str]]:
    """Every ``name==version`` in requirements.lock (the compiled closure).

    Returns canonical name -> (name as written, version).
    """
    out = {}
    for line in (root / "requirements.lock").read_text(encoding="utf-8").splitlines():
        m = _PIN.match(line)
        if m:
            out[canonical(m.group(1))] = (m.group(1), m.group(2))
    return out


def _needs(dist: str) -> list[str]:
    """The distributions ``dist`` requires here (markers evaluated for this machine, no extras)."""
    from packaging.requirements import Requirement

    out = []
    for text in metadata.requires(dist) or []:
        req = Requirement(text)
        if req.marker is None or req.marker.evaluate({"extra": ""}):
            out.append(req.name)
    return out


def requirements(packages: tuple[str, ...] = NOTEBOOK_PACKAGES, root: Path = ROOT) -> list[str]:
    """``name==version`` lines for ``packages`` and everything they pull in, pinned exactly as in
    requirements.lock (the closure is read from the installed packages' metadata). Raises
    LookupError when a needed package has no pin there."""
    pinned = pins(root)
    seen: dict[str, str] = {}
    todo = list(packages)
    while todo:
        name = canonical(todo.pop())
        if name in seen:
            continue
        if name not in pinned:
            raise LookupError(f"{name} is needed by the notebooks but not pinned in requirements.lock")
        seen[name] = "{}=={}".format(*pinned[name])
        todo.extend(_needs(name))
    return sorted(seen.values(), key=str.lower)


def installed_files(dist: str) -> list[tuple[Path, str]]:
    """(file on disk, path inside the package folder) of an installed distribution's Python
    package, without byte code and metadata; checked against its pin in requirements.lock."""
    version = metadata.version(dist)
    pinned = pins().get(canonical(dist))
    if pinned and pinned[1] != version:
        raise LookupError(f"{dist} {version} is installed, requirements.lock pins {pinned[1]}: run make")
    files = []
    home = Path(str(metadata.distribution(dist).locate_file("")))   # site-packages: the files' root
    for entry in metadata.files(dist) or []:
        path = entry.as_posix()
        if ".dist-info/" in path or "__pycache__" in path or path.endswith(".pyc"):
            continue
        files.append((published.checked(Path(str(entry.locate())), home), path))
    return sorted(files, key=lambda f: f[1])

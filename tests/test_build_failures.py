"""Negative tests: with the course's own _config.yml, a broken cross-reference and a notebook
cell that raises must each fail the build, with a message naming the file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow
JB = Path(sys.executable).parent / "jupyter-book"


def make_book(tmp: Path, pages: dict[str, str], notebooks: dict[str, str] | None = None) -> Path:
    """A tiny book using the real config, extensions, static files and bibliography."""
    (tmp / "book").mkdir()
    (tmp / "exercises").mkdir()
    (tmp / "_config.yml").write_text((ROOT / "_config.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp / "course").symlink_to(ROOT / "course")  # the course's Sphinx extension and model
    # Copied, not linked: the build publishes only files that really are inside the book
    # (course/published.py refuses a symbolic link in the static folder).
    for shared in ("_static", "_templates", "_locale"):
        shutil.copytree(ROOT / "book" / shared, tmp / "book" / shared)
    shutil.copy(ROOT / "book" / "references.bib", tmp / "book" / "references.bib")
    (tmp / "book" / "index.md").write_text("# Proef\n\nEen kleine proefpagina.\n", encoding="utf-8")
    chapters = []
    for name, text in pages.items():
        (tmp / "book" / f"{name}.md").write_text(text, encoding="utf-8")
        chapters.append(f"      - file: book/{name}")
    for name, code in (notebooks or {}).items():
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.cells = [nbformat.v4.new_markdown_cell("# Proefnotebook"), nbformat.v4.new_code_cell(code)]
        nbformat.write(nb, tmp / "exercises" / f"{name}.ipynb")
        chapters.append(f"      - file: exercises/{name}")
    toc = "format: jb-book\nroot: book/index\nparts:\n  - caption: Proef\n    chapters:\n" + "\n".join(chapters) + "\n"
    (tmp / "_toc.yml").write_text(toc, encoding="utf-8")
    return tmp


def build(book: Path) -> subprocess.CompletedProcess:
    # Run inside the tiny book: _config.yml's jupyter-cache path is relative to the working
    # directory, and a first build clears its cache (course/sphinxext/notebooks.py), so a build
    # from the repository root would wipe the real book's executed notebooks.
    return subprocess.run([str(JB), "build", str(book), "-W", "-n", "--keep-going"],
                          capture_output=True, text=True, timeout=600, cwd=book)


def test_a_valid_tiny_book_builds(tmp_path):
    # Control: the set-up itself is sound, so the failures below are about the errors.
    result = build(make_book(tmp_path, {"goed": "# Goed\n\nZie {doc}`/book/index`.\n"}))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def test_a_broken_cross_reference_fails_the_build(tmp_path):
    result = build(make_book(tmp_path, {"kapot": "# Kapot\n\nZie {doc}`/book/bestaat-niet`.\n"}))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "kapot.md" in output and "bestaat-niet" in output


def test_a_notebook_cell_that_raises_fails_the_build(tmp_path):
    result = build(make_book(tmp_path, {}, {"fout": "raise ValueError('expres kapot')"}))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "fout.ipynb" in output and "expres kapot" in output

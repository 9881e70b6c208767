"""Shared fixtures. The build is made by `make book` before pytest runs (see Makefile)."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = ROOT / "exercises"
sys.path.insert(0, str(EXERCISES))

_executed: dict[str, nbformat.NotebookNode] = {}


def execute_notebook(name: str) -> nbformat.NotebookNode:
    """Execute exercises/<name> once per test session (cwd = exercises/) and return it."""
    if name not in _executed:
        nb = nbformat.read(EXERCISES / name, as_version=4)
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(EXERCISES)}}).execute()
        _executed[name] = nb
    return _executed[name]


def notebook_text(nb: nbformat.NotebookNode) -> str:
    """All text output (streams and text/plain, text/markdown, text/html) of a notebook."""
    parts: list[str] = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                parts.append(out.get("text", ""))
            for mime in ("text/plain", "text/markdown", "text/html"):
                if mime in out.get("data", {}):
                    parts.append(out["data"][mime])
    return "\n".join(parts)


@pytest.fixture(scope="session")
def run_notebook():
    """Fixture form of :func:`execute_notebook` (cached for the whole session)."""
    return execute_notebook

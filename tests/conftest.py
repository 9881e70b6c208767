"""Shared fixtures. The full build is made by `make book` before pytest runs (see Makefile);
tests that need it are marked `built` (or `browser`), so `pytest -m "not built and not browser"`
is the fast inner loop. The course's structure comes from the course model (course/), never from
reading _toc.yml here."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbclient import NotebookClient

from course import ROOT, model

EXERCISES = ROOT / "exercises"
COURSE = model.load(ROOT)

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


# --- the built book ------------------------------------------------------------------------

BUILD = ROOT / "_build"
HTML = BUILD / "html"
PDF = BUILD / "pdf" / "handboek.pdf"
PRINT_HTML = BUILD / "print" / "handboek.html"


def toc_docs() -> list[str]:
    """Every document in the table of contents, in reading order (root first)."""
    return COURSE.docs()


def module_dirs() -> list[Path]:
    """The folders of the modules (book/mN-*/)."""
    return [ROOT / m.folder for m in COURSE.modules]


def course_index() -> dict:
    """The course index the build wrote (_build/html/_static/course-index.json)."""
    return model.load_index(HTML)


def page(doc: str) -> BeautifulSoup:
    path = HTML / f"{doc}.html"
    if not path.exists():
        pytest.fail(f"{path} ontbreekt: draai eerst `make book` (make test doet dat vanzelf)")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def built_html() -> Path:
    if not (HTML / "book" / "index.html").exists():
        pytest.fail("_build/html ontbreekt: draai eerst `make book` (make test doet dat vanzelf)")
    return HTML


@pytest.fixture(scope="session")
def handbook() -> Path:
    if not PDF.exists():
        pytest.fail("_build/pdf/handboek.pdf ontbreekt: draai eerst `make book`")
    return PDF


# --- PDF helpers shared by the handbook and trainer-guide tests ------------------------------


def normalise(s: str) -> str:
    """Undo hyphenation at line ends and collapse white space (text from PDFs and HTML)."""
    s = re.sub(r"[\u2010\u00ad-]\n(?=[a-zà-ÿ])", "", s)
    return re.sub(r"\s+", " ", s).strip()


def pdf_outline(reader) -> tuple[list[str], list[str]]:
    """(level-1 titles, level-2 titles) of a PDF's bookmarks (a pypdf PdfReader)."""
    top, second = [], []
    for item in reader.outline:
        if isinstance(item, list):
            second += [i.title for i in item if not isinstance(i, list)]
        else:
            top.append(item.title)
    return top, second


# --- learner helpers: bad input gives one Dutch line ------------------------------------------


def assert_one_dutch_line(capsys, func, *args, expected: str, **kwargs) -> str:
    """``func`` refuses this input with one line containing ``expected``: as a message for the
    tests (InvoerFout), and through the learner-facing wrapper as exactly one printed line,
    no traceback, return value None. Returns the message."""
    from cursus._basis import LET_OP, melding_van

    melding = melding_van(func, *args, **kwargs)
    assert melding is not None, f"{func.__name__} accepted {args!r} {kwargs!r}"
    assert expected in melding, melding
    assert "\n" not in melding
    assert func(*args, **kwargs) is None
    assert capsys.readouterr().out == LET_OP + melding + "\n"
    return melding


_pdf_text: dict[tuple[str, float], list[str]] = {}


def pdf_text(path: Path) -> list[str]:
    """Normalised text per page of a PDF, extracted once per test session (it takes seconds)."""
    import pdfplumber

    key = (str(path), path.stat().st_mtime)
    if key not in _pdf_text:
        with pdfplumber.open(str(path)) as pdf:
            _pdf_text[key] = [normalise(p.extract_text() or "") for p in pdf.pages]
    return _pdf_text[key]


def pytest_collection_modifyitems(items) -> None:
    """A test that asks for the built site or handbook needs the full build: mark it `built`."""
    for item in items:
        if {"built_html", "handbook"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.built)

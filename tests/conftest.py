"""Shared fixtures. The build is made by `make book` before pytest runs (see Makefile)."""

from __future__ import annotations

import re
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


# --- the built book ------------------------------------------------------------------------

import yaml  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402

BUILD = ROOT / "_build"
HTML = BUILD / "html"
PDF = BUILD / "pdf" / "handboek.pdf"
PRINT_HTML = BUILD / "singlehtml" / "handboek.html"


def read_toc() -> dict:
    return yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))


def toc_docs() -> list[str]:
    """Every document in _toc.yml, in reading order (root first)."""
    toc = read_toc()
    docs = [toc["root"]]

    def walk(entries):
        for e in entries or []:
            docs.append(e["file"])
            walk(e.get("sections"))

    for part in toc["parts"]:
        walk(part["chapters"])
    return docs


def module_parts() -> list[dict]:
    """The toc parts whose caption starts with 'Module'."""
    return [p for p in read_toc()["parts"] if p["caption"].startswith("Module")]


def module_dirs() -> list[Path]:
    """book/mN-*/ folders of the modules in the toc."""
    return [ROOT / Path(p["chapters"][0]["file"]).parent for p in module_parts()]


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


# --- the built site in Debian's Chromium (shared by the browser test files) ---------------------

import functools  # noqa: E402
import http.server  # noqa: E402
import threading  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def site(built_html: Path) -> str:
    handler = functools.partial(_QuietHandler, directory=str(built_html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: `make test` installeert Debian's chromium (tools/system-deps.sh test)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()

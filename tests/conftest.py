"""Shared fixtures. The full build is made by `make book` before pytest runs (see Makefile);
tests that need it are marked `built` (or `browser`), so `pytest -m "not built and not browser"`
is the fast inner loop. The course's structure comes from the course model (course/), never from
reading _toc.yml here."""

from __future__ import annotations

import contextlib
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


def _from_build_cache(nb: nbformat.NotebookNode, name: str, cache_dir: Path = ROOT / "_build" / ".jupyter_cache",
                      exercises: Path = EXERCISES) -> nbformat.NotebookNode | None:
    """The notebook as the build executed it (jupyter-cache in _build/.jupyter_cache, cwd =
    exercises/ as here), when that execution is current: the cache matches on the notebook's code,
    and nothing the notebook reads (the helper package, the data, the notebook) changed after it."""
    import datetime

    if not (cache_dir / "global.db").exists():
        return None
    from jupyter_cache import get_cache

    cache = get_cache(str(cache_dir))
    try:
        pk, merged = cache.merge_match_into_notebook(nb)
    except KeyError:
        return None
    created = cache.get_cache_record(pk).created
    if created.tzinfo is None:  # jupyter-cache stores UTC without a zone
        created = created.replace(tzinfo=datetime.UTC)
    inputs = [exercises / name, *(exercises / "cursus").glob("*.py"), *(exercises / "data").rglob("*")]
    if max(p.stat().st_mtime for p in inputs if p.is_file()) >= created.timestamp():
        return None
    return merged


def execute_notebook(name: str) -> nbformat.NotebookNode:
    """exercises/<name> executed (cwd = exercises/), once per test session: the build's own
    execution when it is current (`make test` runs after `make book`), else run here."""
    if name not in _executed:
        nb = nbformat.read(EXERCISES / name, as_version=4)
        cached = _from_build_cache(nb, name)
        if cached is None:
            NotebookClient(nb, timeout=300, kernel_name="python3",
                           resources={"metadata": {"path": str(EXERCISES)}}).execute()
            cached = nb
        _executed[name] = cached
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
_plumbed: dict[tuple[str, float], object] = {}


@contextlib.contextmanager
def plumbed(path: Path):
    """A PDF opened with pdfplumber once per test session and shared: its pages keep what they
    parsed (characters, lines, rectangles), so the make-up checks that read the same PDF parse
    each page once, not once per test. Use as ``with plumbed(path) as pdf:`` (it stays open)."""
    import pdfplumber

    key = (str(path), Path(path).stat().st_mtime)
    if key not in _plumbed:
        _plumbed[key] = pdfplumber.open(str(path))
    yield _plumbed[key]


#: Extracted PDF text shared between the pytest-xdist workers (and later runs on the same build):
#: one JSON file per PDF version (path, size, modification time), in _build so `make clean` empties it.
PDF_TEXT_CACHE = BUILD / ".cache" / "pdf-text"


def _pdf_text_file(path: Path) -> Path:
    import hashlib
    import inspect
    from importlib.metadata import version

    st = Path(path).stat()
    how = inspect.getsource(normalise) + version("pdfplumber")   # a new extraction is a new version
    key = hashlib.sha256(f"{Path(path).resolve()}\0{st.st_size}\0{st.st_mtime_ns}\0{how}".encode()).hexdigest()[:24]
    return PDF_TEXT_CACHE / f"{Path(path).stem}-{key}.json"


def pdf_text(path: Path) -> list[str]:
    """Normalised text per page of a PDF, extracted once (it takes seconds): per session in
    memory, and for the other workers in a file named after the PDF's version."""
    import json
    import os

    key = (str(path), path.stat().st_mtime)
    if key not in _pdf_text:
        stored = _pdf_text_file(path)
        try:
            _pdf_text[key] = json.loads(stored.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            with plumbed(path) as pdf:
                _pdf_text[key] = [normalise(p.extract_text() or "") for p in pdf.pages]
            stored.parent.mkdir(parents=True, exist_ok=True)
            scratch = stored.with_suffix(f".{os.getpid()}.tmp")
            scratch.write_text(json.dumps(_pdf_text[key], ensure_ascii=False), encoding="utf-8")
            scratch.replace(stored)   # atomic: a worker reads a whole file or none
    return _pdf_text[key]


# --- learner helpers: charts ------------------------------------------------------------------

import xml.etree.ElementTree as ET  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
#: A chart printed about 16 cm wide (the handbook's text width), in points.
PRINT_WIDTH_PT = 16 / 2.54 * 72
#: Namespace declarations are the only addresses a chart may contain.
NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}


@contextlib.contextmanager
def charts_shown():
    """Collect every chart the helpers show, as (svg, alt) pairs, through the display hook
    ``cursus._basis.TOON`` that the in-browser runtime uses as well."""
    from cursus import _basis

    charts: list[tuple[str, str]] = []
    old, _basis.TOON = _basis.TOON, (lambda svg, alt: charts.append((svg, alt)))
    try:
        yield charts
    finally:
        _basis.TOON = old


@pytest.fixture
def shown():
    """Fixture form of :func:`charts_shown`."""
    with charts_shown() as charts:
        yield charts


def check_chart(svg: str, alt: str) -> ET.Element:
    """The promises every chart keeps; returns the parsed SVG root for further checks.

    Well-formed SVG; <title> and <desc> first and equal to the alt text; the course font; no
    script, event attribute, embedded object or reference outside the chart itself; every
    text at least 8 pt when printed 16 cm wide, and inside the canvas (estimated width)."""
    from cursus import _grafiek

    root = ET.fromstring(svg)
    assert root.tag == SVG + "svg"
    title, desc = list(root)[:2]
    assert title.tag == SVG + "title" and title.text and title.text.strip()
    assert desc.tag == SVG + "desc" and desc.text and len(desc.text) > 40
    assert alt == f"{title.text}. {desc.text}"
    assert root.get("font-family").startswith("'Atkinson Hyperlegible'")
    assert root.get("role") == "img"
    width = float(root.get("viewBox").split()[2])
    height = float(root.get("viewBox").split()[3])
    assert set(re.findall(r"https?://[^\"'\s)]+", svg)) <= NAMESPACES
    for el in root.iter():
        tag = el.tag.removeprefix(SVG)
        assert tag not in ("script", "foreignObject", "image", "a", "iframe", "use"), tag
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), f"event attribute {name}"
            assert "href" not in name, name
            assert "url(" not in value and "javascript" not in value.lower(), value
        assert "font-family" not in el.attrib or el is root
        if tag == "text":
            size = float(el.get("font-size"))
            assert size * PRINT_WIDTH_PT / width >= 8, f"{size} units is under 8 pt in print"
            if el.get("transform"):
                continue
            lines = [el] + list(el) if (el.text or "").strip() else list(el)
            for line in lines:
                x = float(line.get("x"))
                w = _grafiek.tekstbreedte(line.text or "", size)
                left = {"start": x, "middle": x - w / 2, "end": x - w}[el.get("text-anchor")]
                assert -1 <= left and left + w <= width + 1, f"text runs off the chart: {line.text!r}"
                assert 0 <= float(line.get("y", el.get("y"))) <= height
    return root


def chart_texts(root: ET.Element) -> list[str]:
    """The visible text of a chart: one string per <text> (tspans joined with a space)."""
    return [" ".join(t for t in el.itertext() if t.strip()) for el in root.iter(SVG + "text")]


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of '#RRGGBB' (0 = black, 1 = white): what greyscale keeps."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


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


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items) -> None:
    """A test that asks for the built site or handbook needs the full build: mark it `built`.

    Every test also gets a pytest-xdist group (`make test` runs `--dist loadgroup`): its file, as
    `--dist loadfile` would, so a file's module- and session-scoped work (a browser, parsed PDFs,
    executed notebooks) is done once on one worker; a file may split itself further with a
    module-level ``xdist_group(item) -> str | None`` (tests/test_pages.py does)."""
    for item in items:
        if {"built_html", "handbook"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.built)
        if any(item.iter_markers("xdist_group")):
            continue
        split = getattr(getattr(item, "module", None), "xdist_group", None)
        group = split(item) if callable(split) else None
        item.add_marker(pytest.mark.xdist_group(group or item.nodeid.split("::")[0]))


def wait_for(page, expression: str, arg=None, timeout: float = 15.0):
    """Wait until a JavaScript expression (or a function of ``arg``) is truthy in the page.

    Playwright's ``wait_for_function`` compiles its predicate inside the page, which the site's
    Content-Security-Policy (no eval) rightly blocks; ``page.evaluate`` runs through the
    DevTools protocol, outside the page's policy, so polling with it tests the page as served."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression, arg) if arg is not None else page.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {expression}")
        page.wait_for_timeout(50)

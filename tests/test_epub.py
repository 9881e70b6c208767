"""The EPUB edition (_build/epub/handboek.epub): valid, accessible and the same book as the PDF.

epubcheck (Debian) must report 0 errors and 0 warnings; DAISY Ace (npm @daisy/ace-cli, run on
Debian's Chromium, never a browser of its own) 0 violations.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, course_index

pytestmark = pytest.mark.built


def xdist_group(item) -> str | None:
    """epubcheck and DAISY Ace (the two slow outside checkers) each run in a pytest-xdist group of
    their own, so `make test` runs them at the same time on different cores (tests/conftest.py)."""
    alone = ("test_epubcheck_reports_nothing", "test_ace_finds_no_violations")
    return f"test_epub-{item.name}" if item.name in alone else None

EPUB = ROOT / "_build" / "epub" / "handboek.epub"
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
ACE = ROOT / "node_modules" / ".bin" / "ace-cli"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def book() -> zipfile.ZipFile:
    if not EPUB.exists():
        pytest.fail(f"{EPUB} ontbreekt: draai eerst `make book`")
    with zipfile.ZipFile(EPUB) as z:
        yield z


def _xhtml(book, name: str) -> BeautifulSoup:
    return BeautifulSoup(book.read(f"EPUB/{name}").decode("utf-8"), "html.parser")


def test_epubcheck_reports_nothing(tmp_path):
    if not EPUBCHECK.exists():
        pytest.fail("epubcheck ontbreekt: draai `make test` (installeert het Debian-pakket epubcheck)")
    report = tmp_path / "epubcheck.json"
    done = subprocess.run(["java", "-jar", str(EPUBCHECK), str(EPUB), "--json", str(report)],
                          capture_output=True, text=True)
    data = json.loads(report.read_text(encoding="utf-8"))
    messages = [(m["severity"], m["ID"], m["message"]) for m in data["messages"]]
    assert messages == [], messages
    assert done.returncode == 0, done.stdout + done.stderr
    assert data["publication"]["language"] == "nl"


def test_ace_finds_no_violations(tmp_path):
    if not ACE.exists():
        pytest.fail("DAISY Ace ontbreekt: draai `make test` (npm ci installeert package-lock.json)")
    env = dict(os.environ, PUPPETEER_EXECUTABLE_PATH=CHROMIUM, PUPPETEER_SKIP_DOWNLOAD="1")
    done = subprocess.run([str(ACE), "--silent", "--force", "--outdir", str(tmp_path), str(EPUB)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    violations = [(t["earl:test"]["dct:title"], a["earl:testSubject"]["url"])
                  for a in report["assertions"] for t in a["assertions"]]
    assert violations == [], violations
    assert report["earl:result"]["earl:outcome"] == "pass"
    assert report["a11y-metadata"]["empty"] == []
    # Ace read the book's chapters, not an empty shell
    assert len(report["outlines"]["headings"]) > 1000


def test_package_metadata_cover_and_navigation(book):
    assert book.namelist()[0] == "mimetype" and book.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
    opf = BeautifulSoup(book.read("EPUB/package.opf").decode("utf-8"), "xml")
    index = course_index()
    assert opf.find("dc:language").text == "nl"
    assert opf.find("dc:title").text == index["title"]
    assert opf.find("item", attrs={"properties": "cover-image"}) is not None
    assert opf.find("meta", attrs={"property": "schema:accessibilitySummary"}).text
    spine = [opf.find("item", id=ref["idref"])["href"] for ref in opf.find_all("itemref")]
    assert spine[0] == "omslag.xhtml"
    nav = _xhtml(book, "nav.xhtml")
    toc = [a.get_text() for a in nav.select('nav[epub\\:type="toc"] > ol > li > a')]
    for module in index["modules"]:
        assert module["title"] in toc, module["title"]
    assert toc.index("Antwoorden") > max(toc.index(m["title"]) for m in index["modules"])
    assert "Bronnen" in toc and "Begrippenlijst" in toc
    for d in index["docs"]:
        if d.get("webOnly"):
            assert d["title"] not in toc
    for a in nav.select("a[href]"):     # every contents entry points into the book
        name, _, anchor = a["href"].partition("#")
        assert f"EPUB/{name}" in book.namelist()
        assert not anchor or _xhtml(book, name).find(id=anchor) is not None, a["href"]


def test_answers_at_the_back_worked_examples_and_vector_charts(book):
    names = [n for n in book.namelist() if n.startswith("EPUB/h") and n.endswith(".xhtml")]
    text = {n: _xhtml(book, n[5:]) for n in names}
    answers = next(n for n, s in text.items() if s.find("h1") and s.find("h1").get_text() == "Antwoorden")
    for n, s in text.items():
        if n < answers:
            assert not s.select("div.solution"), f"an answer before the back: {n}"
        assert not s.select("pre, div.cell_input"), f"program code in {n}"
        assert "zie bladzijde" not in s.get_text(), f"a page number in {n}"
    images = [n for n in book.namelist() if n.startswith("EPUB/images/")]
    assert images and all(n.endswith(".svg") for n in images)
    figures = [f for s in text.values() for f in s.select("figure.figuur")]
    assert len(figures) == len(images)
    assert all(f.img.get("alt") and f.figcaption.get_text().startswith("Figuur ") for f in figures)

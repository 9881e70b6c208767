"""The handbook PDF (_build/pdf/handboek.pdf) reads like a book and carries the course."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import COURSE, PRINT_HTML, ROOT, normalise, pdf_outline, pdf_text

pytestmark = pytest.mark.built


@pytest.fixture(scope="module")
def reader(handbook: Path) -> PdfReader:
    return PdfReader(str(handbook))


@pytest.fixture(scope="module")
def pages(handbook: Path) -> list[str]:
    return pdf_text(handbook)


@pytest.fixture(scope="module")
def text(pages) -> str:
    return " ".join(pages)


def test_page_count_and_size(reader):
    assert 60 <= len(reader.pages) <= 260, len(reader.pages)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842), "not A4"


def test_metadata_language_and_tags(reader):
    meta = reader.metadata
    assert meta.title == "Sociale media en mentale gezondheid"
    assert meta.author and "Cursusteam" in meta.author
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], "not a tagged PDF"


def test_one_bookmark_per_chapter(reader):
    top, second = pdf_outline(reader)
    chapters = ["Welkom", "Over deze training", "Zo werk je met deze training", "Hulp nodig?",
                "Antwoorden", "Begrippenlijst", "Bronnen"]
    chapters += [m.caption for m in COURSE.modules]
    for chapter in chapters:
        assert sum(t.startswith(chapter) for t in top) == 1, f"bookmark for '{chapter}': {top}"
    assert second.count("Zelftoets") == len(COURSE.modules)


def test_fonts_are_embedded(reader):
    fonts = {}
    for page in reader.pages[:40]:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            if desc is not None:
                desc = desc.get_object()
                fonts[str(font.get("/BaseFont"))] = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts, "no fonts found"
    assert all(fonts.values()), f"not embedded: {[f for f, ok in fonts.items() if not ok]}"
    assert any("Atkinson" in f for f in fonts), fonts


def test_front_matter_cover_colophon_contents(text):
    head = normalise(text[:12000])
    assert "Handboek" in head and "Sociale media en mentale gezondheid" in head
    assert "Colofon" in head and "CC BY 4.0" in head
    assert re.search(r"Inhoud.*Module 1 — Mentale gezondheid: een spectrum[ .]*\d+", head)


def test_every_module_text_is_in_the_pdf(text):
    flat = normalise(text)
    for module in COURSE.modules:
        title = COURSE.title(module.index)
        assert title in flat, f"module title '{title}' not in the PDF"
    # A sentence from module 1's content, a case and the notebook output.
    for needle in ("Casus: Noor (16) en de vakantiefoto", "Een glijdende schaal", "Oefenen: situaties op het spectrum plaatsen"):
        assert needle in flat, needle


def test_answers_move_to_the_appendix(reader, pages):
    answers = next(reader.get_destination_page_number(i) for i in reader.outline
                   if not isinstance(i, list) and i.title == "Antwoorden")
    with_feedback = [n for n, p in enumerate(pages) if "Feedback bij vraag" in p or "Denkrichtingen bij Opgave" in p]
    assert with_feedback and min(with_feedback) >= answers, "an answer is printed before the appendix"
    assert any("zie bladzijde" in p for p in pages[:answers])
    questions = [n for n, p in enumerate(pages) if "Mijn antwoord:" in p]
    assert questions and max(questions) < answers


def test_print_html_structure():
    soup = BeautifulSoup(PRINT_HTML.read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("main.boek")
    answers = soup.select_one("section.antwoorden")
    outside = [s for s in main.select("div.solution") if s.find_parent("section", class_="antwoorden") is None]
    assert outside == [], "a solution stayed in the text"
    reflections = main.select("div.exercise.reflectie")
    assert reflections and all(len(r.select(".schrijfregel")) >= 6 for r in reflections)
    n_questions = len(main.select("div.exercise.zelftoets"))
    assert len(answers.select("div.solution.zelftoets-feedback")) == n_questions
    ids = [el["id"] for el in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "duplicate ids break page references"
    toc_links = [a["href"][1:] for a in soup.select("nav.inhoudsopgave a")]
    assert all(soup.find(id=t) for t in toc_links)
    assert len(toc_links) >= len(COURSE.parts) * 2

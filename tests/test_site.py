"""The built site (_build/html): pages, language, anatomy on the page, privacy, alt text."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import COURSE, HTML, page, toc_docs

pytestmark = pytest.mark.built

DOCS = toc_docs()
MODULE_INDEXES = [m.index for m in COURSE.modules]
ALL_PAGES = sorted(HTML.rglob("*.html")) if HTML.exists() else []

#: English interface strings the themes would show if a translation were missing.
ENGLISH_UI = [
    "Skip to main content", "Back to top", "Search...", "Toggle primary sidebar",
    "Toggle secondary sidebar", "On this page", "previous page", "next page", "Contents",
    "Download this page", "Print to PDF", "Fullscreen mode", "Color mode", "Solution to",
    "Exercise", "Last updated", "By ", "Link to this heading", "Copy to clipboard", "Show code",
    "Hide code", "Click to show", "Click to hide",
]


def chrome_texts(soup: BeautifulSoup) -> list[str]:
    """Visible strings and labels of a page (attributes screen readers read, too)."""
    soup = BeautifulSoup(str(soup), "html.parser")
    for tag in soup(["script", "style", "pre", "code"]):
        tag.decompose()
    texts = list(soup.stripped_strings)
    for el in soup.find_all(True):
        for attr in ("title", "aria-label", "placeholder", "alt"):
            if el.get(attr):
                texts.append(el[attr])
    return texts


@pytest.mark.parametrize("doc", DOCS)
def test_every_toc_page_is_built_in_dutch(built_html, doc):
    soup = page(doc)
    assert soup.html.get("lang") == "nl", f"{doc}: lang is not nl"
    assert soup.find("h1"), f"{doc}: no h1"


@pytest.mark.parametrize("doc", DOCS)
def test_no_english_interface_strings(built_html, doc):
    texts = chrome_texts(page(doc))
    found = sorted({e for e in ENGLISH_UI for t in texts if t == e or t.startswith(e + " ")})
    assert found == [], f"{doc}: English interface text {found}"


@pytest.mark.parametrize("doc", MODULE_INDEXES)
def test_module_page_shows_help_notice_and_anatomy(built_html, doc):
    soup = page(doc)
    notice = soup.select_one("div.admonition.hulp-kort")
    assert notice is not None, f"{doc}: help notice missing"
    text = notice.get_text(" ")
    for needle in ("113", "0800-0113", "0800-0432", "0900-1450", "huisarts", "huisartsenpost"):
        assert needle in text
    headings = [h.get_text(" ", strip=True).rstrip("#").strip() for h in soup.find_all("h2")]
    for wanted in ("Vragen", "Leerdoelen", "Duur"):
        assert wanted in headings, f"{doc}: {wanted} not on the page"


def test_help_page_lists_every_helpline(built_html):
    text = page("book/start/hulp").get_text(" ")
    for needle in ("112", "113", "0800-0113", "113.nl", "0800-0432", "0900-1450", "huisarts", "huisartsenpost",
                   "0800-0188", "Centrum Seksueel Geweld"):
        assert needle in text


def test_start_page_offers_three_routes(built_html):
    soup = page("book/index")
    cards = [c.get_text(" ", strip=True) for c in soup.select(".sd-card-title")]
    assert any("Zelfstudie" in c for c in cards)
    assert any("Workshop" in c for c in cards)
    assert any("Handboek" in c for c in cards)


def test_about_page_covers_audience_objectives_time_and_source(built_html):
    text = page("book/start/over").get_text(" ")
    for needle in ("Voor wie", "Wat je leert", "modules samenhangen", "wel en niet",
                   "Expertisecentrum Digitalisering en Welzijn", "uur"):
        assert needle in text


def test_reflections_and_self_checks_render_with_dutch_titles(built_html):
    for module in COURSE.modules:
        soup = page(module.selfcheck)
        questions = soup.select("div.exercise.zelftoets")
        assert len(questions) >= 5
        titles = [q.select_one(".admonition-title").get_text(" ", strip=True) for q in questions]
        assert all(re.fullmatch(r"Vraag \d+", t) for t in titles), titles
        feedback = soup.select("div.solution.zelftoets-feedback")
        assert len(feedback) == len(questions)
        assert all(f.select_one(".admonition-title").get_text(" ", strip=True).startswith("Feedback bij vraag")
                   for f in feedback)
    soups = (BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in ALL_PAGES)
    reflections = [s for soup in soups for s in soup.select("div.solution.denkrichtingen")]
    assert reflections
    assert all(r.select_one(".admonition-title").get_text(" ", strip=True).startswith("Denkrichtingen bij")
               for r in reflections)


def test_glossary_terms_are_linked_from_the_text(built_html):
    soup = page("book/m1-spectrum/02-het-spectrum")
    links = [a for a in soup.select("a.reference") if "begrippenlijst" in a.get("href", "")]
    assert links, "no {term} links to the glossary"
    glossary = page("book/bijlagen/begrippenlijst")
    terms = [dt.get_text(" ", strip=True).rstrip("#").strip() for dt in glossary.select("dl.glossary dt")]
    assert len(terms) >= 10 and "Mentale gezondheid" in terms


def test_sources_page_lists_the_source_page_author_year(built_html):
    soup = page("book/bijlagen/bronnen")
    entries = [c.get_text(" ", strip=True) for c in soup.select("div.citation")]
    assert any("Expertisecentrum Digitalisering en Welzijn (2025)" in e for e in entries)
    assert all(re.search(r"\((19|20)\d\d\)", e) for e in entries), "an entry without a year"
    cite = page("book/start/over").select_one("span.bibtex-citation").get_text(" ", strip=True)
    assert cite.startswith("(") and "2025" in cite


def test_colophon_credits_the_source_with_address_licence_and_version(built_html):
    text = page("book/bijlagen/colofon").get_text(" ")
    assert "https://www.trimbos.nl/kennis/digitale-media-gokken/expertisecentrum-digitalisering-en-welzijn" in text
    assert "CC BY 4.0" in text and "MIT" in text
    assert re.search(r"Versie \d+\.\d+\.\d+", text)


@pytest.mark.parametrize("path", ALL_PAGES, ids=lambda p: str(p.relative_to(HTML)))
def test_no_resource_is_loaded_from_another_host(path: Path):
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    loaded = [el.get("src") for el in soup.find_all(["script", "img", "iframe", "source", "audio", "video"])]
    loaded += [el.get("href") for el in soup.find_all("link")
               if "stylesheet" in (el.get("rel") or []) or "preload" in (el.get("rel") or [])]
    external = [u for u in loaded if u and urlparse(u).scheme in ("http", "https") or (u or "").startswith("//")]
    assert external == [], f"{path.name} loads {external}"


@pytest.mark.parametrize("path", ALL_PAGES, ids=lambda p: str(p.relative_to(HTML)))
def test_images_have_alt_text(path: Path):
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    missing = [img.get("src") for img in soup.find_all("img") if not (img.get("alt") or "").strip()]
    assert missing == [], f"{path.name}: images without alt text {missing}"


def test_notebook_pages_show_executed_output(built_html):
    for doc in DOCS:
        if doc.startswith("exercises/"):
            soup = page(doc)
            outputs = soup.select("div.cell_output")
            assert outputs, f"{doc}: the notebook was not executed into the page"
            text = " ".join(o.get_text(" ") for o in outputs)
            assert "Traceback" not in text and "Error" not in text, f"{doc}: an error shows on the page"


def test_checker_for_english_strings_can_fail():
    soup = BeautifulSoup('<html><a title="Back to top">x</a></html>', "html.parser")
    assert "Back to top" in chrome_texts(soup)


def test_every_page_links_the_print_stylesheet(built_html):
    for doc in DOCS:
        links = page(doc).select('link[rel="stylesheet"][media="print"]')
        assert any("print.css" in l["href"] for l in links), f"{doc}: no print stylesheet"


# --- static checks of the built site that once sat in the browser files (so `-m "not browser"` runs them)


def test_pages_to_check_include_every_toc_page():
    from test_pages import PAGES

    assert {f"{d}.html" for d in toc_docs()} <= set(PAGES)
    assert "search.html" in PAGES and "genindex.html" in PAGES


def test_every_worksheet_reference_offers_its_pdf(built_html):
    refs = 0
    for html_file in (built_html / "book" / "trainers").glob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for ref in soup.select("a.werkblad-ref"):
            refs += 1
            ident = ref["href"].rpartition("#")[2]
            link = ref.find_next_sibling("a")
            assert link and "cursus-download" in link["class"]
            assert link["href"].endswith(f"downloads/werkbladen/{ident}.pdf")
            assert (html_file.parent / link["href"]).resolve().is_file()
        for cell in soup.select("table.werkbladen-tabel tbody tr > td:first-child"):
            refs += 1
            assert cell.a and (html_file.parent / cell.a["href"]).resolve().is_file(), cell
    assert refs >= 20


def test_no_page_shows_build_commands_or_repository_paths(built_html):
    found = []
    for html_file in built_html.rglob("*.html"):
        if {"_static", "_sources", "downloads"} & set(html_file.relative_to(built_html).parts):
            continue
        main = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").select_one('[role="main"]')
        text = main.get_text(" ") if main else ""
        for needle in ("make pdf", "make book", "make html", "_build/",
                       "book/trainers/draaiboeken", "Een test controleert"):
            if needle in text:
                found.append(f"{html_file.relative_to(built_html)}: {needle}")
    assert found == []

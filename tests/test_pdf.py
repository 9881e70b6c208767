"""The handbook PDF (_build/pdf/handboek.pdf) reads like a book and carries the course."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import COURSE, PRINT_HTML, ROOT, normalise, pdf_outline, pdf_text
from pypdf import PdfReader

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
    assert "HANDBOEK" in head.upper()[:200] and "Sociale media en mentale gezondheid" in head  # the cover's label
    assert "Colofon" in head and "CC BY 4.0" in head
    assert re.search(r"Inhoud.*Module 1 — Mentale gezondheid: een spectrum[ .]*\d+", head)


def test_every_module_text_is_in_the_pdf(text):
    flat = normalise(text)
    for module in COURSE.modules:
        title = COURSE.title(module.index)
        assert title in flat, f"module title '{title}' not in the PDF"
    # A sentence from module 1's content, a case and the notebook output.
    for needle in ("Casus: Noor (16) en de vakantiefoto", "Een glijdende schaal",
                   "Oefenen: situaties op het spectrum plaatsen"):
        assert needle in flat, needle


def test_answers_move_to_the_appendix(reader, pages):
    answers = next(reader.get_destination_page_number(i) for i in reader.outline
                   if not isinstance(i, list) and i.title == "Antwoorden")
    with_feedback = [n for n, p in enumerate(pages) if "Feedback bij vraag" in p or "Denkrichtingen bij Opdracht" in p]
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
    # one writing area per reflection: its lines are the background of one element (an
    # artifact in the PDF), not an element per line
    spaces = [r.select(".schrijfruimte") for r in reflections]
    assert reflections and all(len(s) == 1 and "--regels: " in s[0]["style"] for s in spaces)
    assert all(int(re.search(r"--regels:\s*(\d+)", s[0]["style"]).group(1)) >= 6 for s in spaces)
    n_questions = len(main.select("div.exercise.zelftoets"))
    assert len(answers.select("div.solution.zelftoets-feedback")) == n_questions
    ids = [el["id"] for el in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "duplicate ids break page references"
    toc_links = [a["href"][1:] for a in soup.select("nav.inhoudsopgave a")]
    assert all(soup.find(id=t) for t in toc_links)
    assert len(toc_links) >= len(COURSE.parts) * 2


# --- issue 15: print editions a publisher would print ------------------------------------------

from conftest import course_index, plumbed  # noqa: E402

PDF_DIR = ROOT / "_build" / "pdf"
EDITIONS = {"handboek": PDF_DIR / "handboek.pdf", "trainershandleiding": PDF_DIR / "trainershandleiding.pdf"}
HEADING_INK = (0.043137, 0.239216, 0.227451)   # #0b3d3a: headings and box titles (print.css)
PAGE_H = 841.89
TOP_ZONE, FOOT_ZONE = 58, PAGE_H - 60          # running heads above, page numbers below
LAST_LINE_ZONE = PAGE_H - 68 - 30               # a line ending below this fills the page


def _lines(page) -> list[dict]:
    """Text lines of the page's body area, top to bottom, each with its characters."""
    lines = page.extract_text_lines(return_chars=True, strip=True)
    return [ln for ln in lines if ln["top"] > TOP_ZONE and ln["bottom"] < FOOT_ZONE]


def _ink(obj, colour) -> bool:
    c = obj.get("non_stroking_color")
    return (isinstance(c, (tuple, list)) and len(c) == 3 and all(isinstance(v, (int, float)) for v in c)
            and all(abs(a - b) < 0.01 for a, b in zip(c, colour)))


def _is_heading_ink(line: dict) -> bool:
    chars = [c for c in line["chars"] if c["text"].strip()]
    return bool(chars) and all(_ink(c, HEADING_INK) for c in chars)


@pytest.fixture(scope="module", params=sorted(EDITIONS))
def edition(request):
    path = EDITIONS[request.param]
    if not path.exists():
        pytest.fail(f"{path} ontbreekt: draai eerst `make book`")
    with plumbed(path) as pdf:
        yield request.param, path, pdf


def test_no_heading_or_box_title_in_the_last_three_lines_of_a_full_page(edition):
    name, _path, pdf = edition
    stranded = []
    for n, page in enumerate(pdf.pages[1:], 2):
        lines = _lines(page)
        if not lines or lines[-1]["bottom"] < LAST_LINE_ZONE:
            continue        # the page ends early (a chapter or section ends): nothing is stranded
        for line in lines[-3:]:
            if _is_heading_ink(line):
                stranded.append((n, line["text"]))
    assert stranded == [], f"{name}: headings or box titles at the foot of a page: {stranded}"


def test_chapter_openings_have_no_running_head(edition):
    name, path, pdf = edition
    reader = PdfReader(str(path))
    openings = {reader.get_destination_page_number(i) for i in reader.outline if not isinstance(i, list)}
    with_head = []
    for n in sorted(openings):
        page = pdf.pages[n]
        head = page.crop((0, 0, page.width, TOP_ZONE)).extract_text() or ""
        if head.strip():
            with_head.append((n + 1, head.strip()))
    # the trainer guide: colophon, contents, Voor trainers, Antwoordsleutel, Bijlage (its compact
    # answer key cites no sources, so it has no Bronnen chapter)
    assert len(openings) >= 5
    assert with_head == [], f"{name}: running head on a chapter opening: {with_head}"
    # ... and the running head is there on the pages after an opening (it was not just dropped)
    later = [n + 1 for n in openings if n + 1 < len(pdf.pages) and n + 1 not in openings]
    heads = [pdf.pages[n].crop((0, 0, pdf.pages[n].width, TOP_ZONE)).extract_text() for n in later]
    assert sum(bool(h and h.strip()) for h in heads) > len(later) // 2


def _border_boxes(page, colour) -> list[tuple[float, float]]:
    """(top, bottom) of the boxes with a border in this colour on the page (WeasyPrint draws a
    border as a fill clipped to the box, so the rectangle is the box)."""
    out = []
    for r in page.rects:
        if _ink(r, colour) and r["height"] > 4:
            out.append((r["top"], r["bottom"]))
    return out


def test_no_box_with_writing_lines_splits_over_two_pages():
    """A reflection box (purple left border, writing lines inside) ends on the page where it
    starts: no border runs into the foot of one page and on at the top of the next."""
    purple = (0.356863, 0.227451, 0.541176)       # #5b3a8a, div.exercise.reflectie
    with plumbed(EDITIONS["handboek"]) as pdf:
        borders = [_border_boxes(p, purple) for p in pdf.pages]
        assert sum(map(len, borders)) >= 10, "no reflection boxes found: did the colour change?"
        # a split box runs to the bottom of the text area and on from the top of the next page
        content_top, content_bottom = 22 * 72 / 25.4, PAGE_H - 24 * 72 / 25.4   # @page margins
        splits = [n + 1 for n in range(len(pdf.pages) - 1)
                  if any(b > content_bottom - 1.5 for _t, b in borders[n])
                  and any(t < content_top + 1.5 for t, _b in borders[n + 1])]
    assert splits == [], f"a box with writing lines continues on the next page after page(s) {splits}"


def test_the_cover_bleeds_to_the_edges():
    with plumbed(EDITIONS["handboek"]) as pdf:
        page = pdf.pages[0]
        full = [r for r in page.rects if r["x0"] <= 0.5 and r["top"] <= 0.5
                and r["x1"] >= page.width - 0.5 and r["bottom"] >= page.height - 0.5
                and r.get("non_stroking_color") not in ((1, 1, 1), (1.0, 1.0, 1.0), None)]
    assert full, "the cover's colour does not reach all four edges"


def test_cross_references_carry_their_page_number(pages):
    soup = BeautifulSoup(PRINT_HTML.read_text(encoding="utf-8"), "html.parser")
    refs = soup.select("a.blz-verwijzing")
    assert len(refs) >= 10
    # The help tab in the outer margin ("Hulp nodig? 113 of 0800-0113 / Direct gevaar: 112") is read
    # into the line it stands next to; it is no part of the reference.
    text = re.sub(r"Hulp nodig\?|113 of 0800-0113|Direct gevaar: 112", " ", " ".join(pages))
    found = re.findall(r"\(blz\.\s+(\d+)\)", text)
    assert len(found) >= len(refs)
    assert all(1 <= int(n) <= len(pages) for n in found)
    # glossary terms and citations do not get one
    assert not soup.select(".bibtex-citation a.blz-verwijzing") and not soup.select("a.blz-verwijzing .std-term")


def test_every_page_reference_names_the_page_its_heading_is_on(pages):
    """A "(blz. N)" is right when the heading it points at starts on page N (a label written
    before a heading once stayed behind on the previous page)."""
    soup = BeautifulSoup(PRINT_HTML.read_text(encoding="utf-8"), "html.parser")
    flat = [normalise(p) for p in pages]
    text = " ".join(flat)
    checked, wrong = 0, []
    for ref in soup.select("a.blz-verwijzing"):
        target = soup.find(id=ref["href"][1:])
        if target is None:
            continue
        heading = target if target.name in ("h1", "h2", "h3", "h4") else (
            target.find_parent(["h1", "h2", "h3", "h4"]) or target.find(["h1", "h2", "h3", "h4"]))
        if heading is None:
            continue
        title = normalise(heading.get_text(" ", strip=True).rstrip("#").strip())
        said = re.search(re.escape(normalise(ref.get_text(" ", strip=True))) + r" \(blz\. (\d+)\)", text)
        if not said or not title:
            continue
        checked += 1
        page = int(said.group(1))
        # the heading itself, not a reference to it that happens to be on that page
        if title not in flat[page - 1].replace(f"{title} (blz. ", ""):
            wrong.append(f"{title!r} is not on page {page}")
    assert checked >= 10 and wrong == [], (checked, wrong)


def test_the_body_font_covers_the_text(edition):
    """Only the declared fonts: Atkinson Hyperlegible, and Boektekens (tools/printbook/glyphs.py)
    for the few signs it lacks (→, ☐, ○); code is in the body font too. No U+2010 hyphen (the body
    font has none)."""
    from tools.printbook import glyphs

    name, _path, pdf = edition
    other = {}
    for page in pdf.pages:
        for c in page.chars:
            font = c["fontname"].split("+")[-1]
            if font.startswith("Atkinson-Hyperlegible"):
                continue
            if font == glyphs.FAMILY and c["text"] in glyphs.SIGNS:
                continue
            other.setdefault(font, set()).add(c["text"])
    assert other == {}, f"{name}: text drawn in a fallback font: {other}"
    assert not any("\u2010" in p.extract_text() or "" for p in pdf.pages)


@pytest.mark.parametrize("name", ["handboek", "trainershandleiding", "werkbladen"])
def test_the_bookmarks_panel_opens_by_default(name):
    assert PdfReader(str(PDF_DIR / f"{name}.pdf")).trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_every_citation_links_to_its_entry_in_bronnen():
    soup = BeautifulSoup(PRINT_HTML.read_text(encoding="utf-8"), "html.parser")
    bronnen = soup.find(id="document-book/bijlagen/bronnen")
    citations = soup.select("span.bibtex-citation a")
    assert len(citations) > 100
    for a in citations:
        target = soup.find(id=a["href"][1:])
        assert target is not None and "citation" in target.get("class", []), a
        assert target.find_parent(id=bronnen["id"]) is not None, a


def _not_help_tab(obj) -> bool:
    """Leave out the help tab in the outer margin (printbook.css: 8.5 pt in #8a3b12): text
    extraction would merge it into the body line at its height."""
    colour = tuple(round(float(x), 2) for x in (obj.get("non_stroking_color") or ()))
    return obj.get("object_type") != "char" or not (obj["size"] < 8.75 and colour == (0.54, 0.23, 0.07))


def test_dois_and_urls_are_links_and_break_only_at_slashes(reader):
    from pybtex.database import parse_file

    bib = parse_file(str(ROOT / "book" / "references.bib"))
    wanted = {f"https://doi.org/{e.fields['doi']}" for e in bib.entries.values() if "doi" in e.fields}
    wanted |= {e.fields["url"] for e in bib.entries.values() if "url" in e.fields}
    uris = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action and "/URI" in action:
                uris.add(str(action["/URI"]))
    assert wanted <= uris, f"not clickable: {sorted(wanted - uris)}"
    bronnen = next(reader.get_destination_page_number(i) for i in reader.outline
                   if not isinstance(i, list) and i.title == "Bronnen")
    with plumbed(EDITIONS["handboek"]) as pdf:
        raw = "\n".join(p.filter(_not_help_tab).extract_text() for p in pdf.pages[bronnen:])
    joined = re.sub(r"/\n", "/", raw)          # a line may end after a slash, nowhere else
    for url in sorted(wanted):
        assert url.replace("&", "&") in joined, f"{url} is broken or hyphenated in Bronnen"


def test_sources_are_apa_style_and_alphabetical():
    page_html = (ROOT / "_build" / "html" / "book" / "bijlagen" / "bronnen.html").read_text(encoding="utf-8")
    entries = [normalise(d.p.get_text(" ")) for d in BeautifulSoup(page_html, "html.parser").select("div.citation")]
    assert len(entries) >= 15
    keys = [e.lower().replace("van den ", "van den ") for e in entries]
    assert keys == sorted(keys), "the source list is not alphabetical"
    for e in entries:
        assert not re.search(r"[?!.]\s?\.", e.replace("et al.", "")), f"doubled punctuation: {e[:80]}"
    # persons are written as "Surname, I. I." (initials): no given name of the .bib is printed
    from pybtex.database import parse_file

    bib = parse_file(str(ROOT / "book" / "references.bib"))
    authors = " ".join(e.split(" (")[0] for e in entries)
    for entry in bib.entries.values():
        for person in entry.persons.get("author", []):
            for given in person.first_names + person.middle_names:
                if len(given.rstrip(".")) > 1 and "-" not in given:
                    assert not re.search(rf"\b{re.escape(given)}\b", authors), f"full first name: {given}"
    # a/b for the same author list and year
    seen = {}
    for key, e in bib.entries.items():
        who = tuple(str(p) for p in e.persons.get("author", []))
        seen.setdefault((who, e.fields.get("year")), []).append(key)
    twins = [keys for keys in seen.values() if len(keys) > 1]
    assert twins == [], f"same authors and year without a/b in the year field: {twins}"


def test_notebook_chapters_are_worked_examples(pages):
    soup = BeautifulSoup(PRINT_HTML.read_text(encoding="utf-8"), "html.parser")
    index = course_index()
    site = index["substitutions"]["site_url"]
    notebooks = [m["notebook"] for m in index["modules"]]
    figures = []
    for doc in notebooks:
        section = soup.find(id=f"document-{doc}")
        assert section is not None, doc
        assert not section.select("div.cell_input, pre"), f"{doc}: program code in print"
        assert "uitgewerkt-voorbeeld" in section["class"]
        box = section.select_one("aside.zelf-oefenen")
        assert box and site in box.get_text() and "downloads/" in box.get_text(), doc
        text = section.get_text(" ")
        for phrase in ("Shift", "voer de cel", "Voer de cel", "vak hieronder", "Restart Kernel", "Run All"):
            assert phrase not in text, f"{doc}: keyboard instruction '{phrase}' in print"
        figures += [f.figcaption.get_text(" ", strip=True) for f in section.select("figure.figuur")]
        assert len(section.select("figure.figuur")) == len(section.select("img")), f"{doc}: a chart without caption"
    numbers = [int(re.match(r"Figuur (\d+)\.", f).group(1)) for f in figures]
    assert figures and numbers == list(range(1, len(figures) + 1))
    flat = normalise(" ".join(pages))
    assert all(normalise(f) in flat for f in figures)


def test_charts_are_vector_with_labels_in_the_body_font(reader):
    """No bitmap anywhere (charts are SVG, drawn as paths and text) and chart labels in
    Atkinson Hyperlegible at 8 pt or more (rotated axis titles aside, measured upright)."""
    for page in reader.pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        assert not [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
    with plumbed(EDITIONS["handboek"]) as pdf:
        small = [(n + 1, c["text"], round(c["size"], 1)) for n, p in enumerate(pdf.pages[1:], 1)
                 for c in p.chars if c["upright"] and c["size"] < 8 and c["text"].strip()
                 and TOP_ZONE < c["top"] < FOOT_ZONE]
    assert small == [], f"text under 8 pt: {small[:10]}"


def test_web_only_pages_are_left_out_and_the_address_is_printed(reader, pages):
    index = course_index()
    top, _second = pdf_outline(reader)
    for d in index["docs"]:
        if d.get("webOnly"):
            assert d["title"] not in top, f"web-only page '{d['title']}' is printed"
    subs = index["substitutions"]
    address = subs["site_url"].split("://")[1].rstrip("/")
    assert address in normalise(pages[0]).replace(" ", ""), "no address on the cover"
    colophon = normalise(next(p for p in pages[:6] if p.startswith("Colofon")))   # the title page's verso
    for value in (subs["site_url"], subs["uitgever"], subs["contact_url"], subs["versie"], "CC BY 4.0"):
        assert normalise(value) in colophon.replace("/ ", "/"), f"colophon lacks {value}"
    assert subs["site_url"] in pages[-1].replace(" ", ""), "no address on the closing page"
    for dev in ("make pdf", "_build/", "een test controleert", "pytest"):
        assert dev not in " ".join(pages), f"developer text in the handbook: {dev}"


# --- words that work on paper: no screen words, no program input in worked examples ------------

#: Words that only make sense on a screen, as (name, pattern). The patterns are narrow on purpose:
#: "aan-uitknop" is a fine metaphor and "de website van MIND" names another site; what a paper
#: reader cannot do is click, press a button or read "this page" of the course's own site.
SCREEN_WORDS = (
    ("deze pagina", r"\b(?:deze|vorige|volgende) pagina\b"),
    ("deze website", r"\bdeze website\b"),
    ("klik", r"\bklik"),
    ("knop", r"\bknop"),
    ("[ ]", r"\[\s*\]"),
    ("aanhalingstekens", r"aanhalingsteken"),
)
#: Input words only a worked-example chapter (a printed notebook) must avoid: a variable or file
#: name ("aantal_personen", "dagboek-sjabloon.csv").
INPUT_WORDS = (
    ("_ in a word", r"[^\W_]_[^\W_]"),
    ("file name", r"\b[\w-]+\.(?:csv|ipynb|py)\b"),
)
#: Legitimate hits, as (name, page text around the hit). None at the moment; add one with a
#: reason only when a word is really needed on paper.
ALLOWED: set[tuple[str, str]] = set()


def screen_words(pages: list[str], words=SCREEN_WORDS, first: int = 0) -> list[tuple[int, str, str]]:
    """(page number, word, text around it) for every screen word on the pages (1-based)."""
    found = []
    for n, page in enumerate(pages, first + 1):
        for name, pattern in words:
            for m in re.finditer(pattern, page, flags=re.IGNORECASE):
                around = page[max(0, m.start() - 40):m.end() + 40]
                if not any(name == a and snippet in around for a, snippet in ALLOWED):
                    found.append((n, name, around))
    return found


def worked_example_pages(reader) -> dict[str, range]:
    """Page indexes of each notebook chapter: from its bookmark to the next bookmark's page."""
    marks: list[tuple[int, str]] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                marks.append((reader.get_destination_page_number(item), item.title))
    walk(reader.outline)
    titles = {COURSE.title(m.notebook) for m in COURSE.modules}
    chapters = {}
    for i, (page, title) in enumerate(marks):
        if title in titles:
            end = next((p for p, _t in marks[i + 1:] if p > page), len(reader.pages))
            chapters[title] = range(page, end)
    assert set(chapters) == titles, f"no bookmark for {titles - set(chapters)}"
    return chapters


def test_the_handbook_has_no_screen_words(pages):
    assert screen_words(pages) == [], "website words in the handbook (write for paper and screen)"


def test_worked_examples_have_no_program_input(reader, pages):
    found = []
    for span in worked_example_pages(reader).values():
        found += screen_words(pages[span.start:span.stop], INPUT_WORDS, span.start)
    assert found == [], "program input in a worked example (mark it alleen-web)"


def test_the_screen_word_checks_can_fail():
    page = ("Op deze pagina klik je op de knop. Zet de stappen tussen [ ] en aanhalingstekens. "
            "Mentale gezondheid is geen aan-uitknop; de website van MIND legt het uit.")
    assert [w for _n, w, _t in screen_words([page])] == ["deze pagina", "klik", "knop", "[ ]", "aanhalingstekens"]
    page = "Zet aantal_personen op 20 en open data/mijn-week.csv; zo'n 5 metingen per dag."
    assert [w for _n, w, _t in screen_words([page], INPUT_WORDS, 4)] == ["_ in a word", "file name"]
    assert screen_words([page], INPUT_WORDS, 4)[0][0] == 5

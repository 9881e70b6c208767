"""The print editions are ready for a printer (issue 24): every figure of the issue's table measured
on the rendered files, each rule with a control that shows the measurement can fail.

The measurements are plain functions of a PDF (or an EPUB), so a control can render a small
document that breaks the rule with WeasyPrint and see the same function catch it.
"""

from __future__ import annotations

import statistics
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
from conftest import ROOT

pytestmark = pytest.mark.built

PDF_DIR = ROOT / "_build" / "pdf"
MM = 72 / 25.4
#: The help tab in the outer margin (printbook.css): small type in this colour, not running text.
TAB_COLOUR = (0.54, 0.23, 0.07)


def _path(name: str) -> Path:
    path = PDF_DIR / name
    if not path.exists():
        pytest.fail(f"{path} ontbreekt: draai eerst `make book`")
    return path


def _render(tmp_path: Path, body: str, css: str = "") -> Path:
    """A small PDF made with WeasyPrint, for the controls."""
    from weasyprint import HTML

    target = tmp_path / "control.pdf"
    HTML(string=f'<html lang="nl"><head><style>{css}</style></head><body>{body}</body></html>').write_pdf(target)
    return target


def _not_tab(obj) -> bool:
    if obj.get("object_type") != "char":
        return True
    colour = tuple(round(float(x), 2) for x in (obj.get("non_stroking_color") or ()))
    return not (obj["size"] < 8.75 and colour == TAB_COLOUR)


def _body_lines(pdf) -> list[tuple[float, int]]:
    """(width, characters) of every line set in the body size (the most common size)."""
    sizes = Counter(round(c["size"], 1) for p in pdf.pages for c in p.chars)
    body = sizes.most_common(1)[0][0]
    out = []
    for page in pdf.pages:
        for line in page.filter(_not_tab).extract_text_lines(strip=True, return_chars=True):
            if line["chars"] and abs(line["chars"][0]["size"] - body) < 0.2:
                out.append((line["x1"] - line["x0"], len(line["text"])))
    return out


def chars_per_line(path: Path) -> float:
    """The median number of characters on a full line of running text: a line of the body size
    at least 90 % as wide as the text block (the 95th percentile of the line widths)."""
    with pdfplumber.open(str(path)) as pdf:
        lines = _body_lines(pdf)
    widths = sorted(w for w, _ in lines)
    block = widths[int(len(widths) * 0.95)]
    return statistics.median(n for w, n in lines if w >= 0.9 * block)


def page_fill(path: Path, top_mm: float = 22, bottom_mm: float = 24) -> tuple[list[int], list[int]]:
    """(pages less than half full, empty pages): a page is as full as its lowest line of text in the
    text block (running head, folio and help tab left out); an empty page has no text there."""
    under, empty = [], []
    with pdfplumber.open(str(path)) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            top, bottom = top_mm * MM, page.height - bottom_mm * MM
            lines = [line for line in page.filter(_not_tab).extract_text_lines(strip=True)
                     if line["top"] > top - 2 and line["bottom"] < bottom + 2]
            if not lines and not page.images and not page.rects:
                empty.append(n)
            elif lines and max(line["bottom"] for line in lines) < top + (bottom - top) / 2 and not page.images:
                under.append(n)
    return under, empty


# --- 1. measure and page fill ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["handboek.pdf", "trainershandleiding.pdf"])
def test_running_text_has_at_most_75_characters_a_line(name):
    median = chars_per_line(_path(name))
    assert 55 <= median <= 75, f"{name}: {median} characters on a full line (was 96; goal 60-75)"


def test_the_line_length_check_can_fail(tmp_path):
    words = " ".join(["mentale gezondheid en sociale media"] * 60)
    wide = _render(tmp_path, f"<p>{words}</p>" * 3, "@page { size: A4; margin: 20mm } body { font-size: 10pt }")
    assert chars_per_line(wide) > 80


def test_at_most_six_pages_are_less_than_half_full():
    under, empty = page_fill(_path("handboek.pdf"))
    assert len(under) <= 6, f"pages less than half full: {under} (was 18; goal 6 or fewer)"
    # an empty page is an intended verso: the left-hand page before a chapter that opens on the right,
    # or the one before the back page (a left-hand page, so the book ends on its back cover)
    with pdfplumber.open(str(_path("handboek.pdf"))) as pdf:
        last = len(pdf.pages)
    assert all(n % 2 == 0 or n == last - 1 for n in empty), f"empty pages that are not a verso: {empty}"
    assert len(empty) <= 6, empty


def test_the_page_fill_check_can_fail(tmp_path):
    short = _render(tmp_path, '<p>Een korte pagina.</p><p style="break-before: page">Nog een.</p>'
                    '<div style="break-before: page"></div>', "@page { size: A4; margin: 22mm 20mm 24mm }")
    under, empty = page_fill(short)
    assert under == [1, 2] and empty == [3]


# --- 2. worked examples set as book text: quotes, minus, arrows, no fallback font -----------------


def straight_quotes(path: Path) -> list[tuple[int, str]]:
    """Straight quotes (" and ') in the running text of a PDF: (page, the word). Text at 9 pt or
    more (body, boxes, tables, captions); the labels of the notebooks' charts (under 9 pt) are
    drawings made by exercises/cursus, not typeset here."""
    found = []
    with pdfplumber.open(str(path)) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            text = page.filter(lambda o: o.get("object_type") != "char" or o["size"] >= 8.9)
            for word in text.extract_words():
                if '"' in word["text"] or "'" in word["text"]:
                    found.append((n, word["text"]))
    return found


def test_the_running_text_has_no_straight_quotes():
    found = straight_quotes(_path("handboek.pdf"))
    assert found == [], f"straight quotes in the handbook (was 155): {found[:20]}"


def test_the_quote_check_can_fail(tmp_path):
    control = _render(tmp_path, "<p>Ze zegt: \"Ik kijk naar foto's.\"</p>")
    assert len(straight_quotes(control)) == 2


def test_the_typesetting_pass_sets_quotes_by_block_context():
    from bs4 import BeautifulSoup

    from tools.printbook import typeset

    soup = BeautifulSoup('<p>Ze zei: "<em>Ik</em> kijk \'s avonds naar foto\'s" en \'scrol\'.</p>'
                         '<ul><li>"A" → "B"</li></ul><p>Tussen 21:00-22:00, bel 0800-0113 of -3 en (-0,2).</p>'
                         '<p><code>x = "a"</code> <a class="adres" href="x">a-b</a> "<b>0800</b>-0113"</p>',
                         "html.parser")
    assert typeset.typeset(soup) > 0
    text = soup.get_text()
    assert "Ze zei: “Ik kijk ’s avonds naar foto’s” en ‘scrol’." in text
    assert "“A” → “B”" in text
    assert "21:00–22:00, bel 0800-0113 of \u22123 en (\u22120,2)." in text
    assert 'x = "a"' in text and "“0800-0113”" in text       # code untouched; a hyphen after a tag stays
    # control: without the block's context the quote after </em> would open again
    assert typeset.quotes('" kijk', before="") == "“ kijk" and typeset.quotes('"', before="Ik") == "”"


def handed_out() -> list[Path]:
    """Every PDF the course hands out: the editions, the single worksheets and the workshop kit."""
    pdfs = sorted(PDF_DIR.glob("*.pdf")) + sorted((PDF_DIR / "werkbladen").glob("*.pdf"))
    pdfs += sorted((ROOT / "_build" / "workshop").glob("**/*.pdf"))
    return pdfs


def fonts(path: Path) -> set[str]:
    """The fonts a PDF uses, by name without the subset prefix (pdffonts, poppler)."""
    import subprocess

    done = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return {line.split()[0].split("+")[-1] for line in done.stdout.splitlines()[2:] if line.strip()}


def test_no_pdf_draws_from_a_fallback_font():
    pdfs = handed_out()
    assert len(pdfs) >= 40, "the editions, worksheets and workshop kit are not all built"
    other = {}
    for path in pdfs:
        names = {f for f in fonts(path) if not f.startswith(("Atkinson-Hyperlegible", "Boektekens"))}
        if names:
            other[str(path.relative_to(ROOT))] = sorted(names)
    assert other == {}, f"PDFs with a fallback font (was 11): {other}"


def test_the_fallback_font_check_can_fail(tmp_path):
    control = _render(tmp_path, "<p>A → B ☐</p>", "body { font-family: 'DejaVu Sans' }")
    assert any(f.startswith("DejaVu") for f in fonts(control))


def test_the_signs_the_body_font_lacks_come_from_the_book_font(tmp_path):
    from fontTools.ttLib import TTFont

    from tools.printbook import glyphs

    font = TTFont(str(glyphs.write(tmp_path)))
    assert set(glyphs.SIGNS) <= {chr(c) for c in font.getBestCmap()}
    body = TTFont(str(ROOT / "book" / "_static" / "fonts" / "atkinson-hyperlegible-latin-400-normal.woff2"))
    # ... and only those: the body font has none of them (else ours would not be needed)
    assert not set(glyphs.SIGNS) & {chr(c) for c in body.getBestCmap()}


# --- 3. writing space: true vector rules 8-9 mm apart ------------------------------------------------


def ruled_lines(page) -> list[float]:
    """The tops of the long thin horizontal rules on a page (writing lines), in mm."""
    grey = (0.54, 0.54, 0.54)          # #8a8a8a, kit.ruled_lines (table rules are other colours)
    rules = [line for line in page.lines if abs(line["top"] - line["bottom"]) < 0.5
             and line["x1"] - line["x0"] > 60 * MM and line["linewidth"] < 2
             and tuple(round(float(c), 2) for c in (line.get("stroking_color") or ())) == grey]
    return sorted(round(line["top"] / MM, 2) for line in rules)


def test_writing_lines_are_vector_rules_8_to_9_mm_apart():
    checked = 0
    for name in ("handboek.pdf", "werkbladen.pdf"):
        with pdfplumber.open(str(_path(name))) as pdf:
            for page in pdf.pages:
                tops = ruled_lines(page)
                if len(tops) < 3:
                    continue
                gaps = {round(b - a, 1) for a, b in zip(tops, tops[1:]) if b - a < 12}
                assert gaps and all(8 <= g <= 9 for g in gaps), f"{name}: lines {gaps} mm apart"
                assert not any(b - a < 1 for a, b in zip(tops, tops[1:])), f"{name}: a doubled rule"
                checked += 1
    assert checked >= 40, f"only {checked} pages with writing lines drawn as lines"


def test_the_writing_line_check_can_fail(tmp_path):
    """The old writing lines, a CSS gradient background, are no lines a viewer can be sure to draw."""
    gradient = ("background: repeating-linear-gradient(to bottom, transparent 0, transparent 19.5pt, "
                "#8a8a8a 19.5pt, #8a8a8a 20pt); height: 180pt")
    control = _render(tmp_path, f'<div style="{gradient}"></div>')
    with pdfplumber.open(str(control)) as pdf:
        assert len(ruled_lines(pdf.pages[0])) < 3


def test_writing_space_draws_its_rules_a_pitch_below_the_top():
    from tools.printbook import kit

    svg = kit.ruled_lines(3, 8.5)
    assert svg.count("<line") == 3 and 'y1="8.35"' in svg and 'y1="0' not in svg


# --- 4. hyphenation: no address hyphenated, English titles in English --------------------------------

ADDRESS = r"(\.(nl|io|org|com|net|eu)\b|://|www\.)"


def hyphenated_addresses(path: Path) -> list[tuple[int, str]]:
    """Lines that end in a hyphen inside a web address: (page, "end of line | start of the next")."""
    import re

    found = []
    with pdfplumber.open(str(path)) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            lines = [line["text"].strip() for line in page.filter(_not_tab).extract_text_lines()]
            for a, b in zip(lines, lines[1:]):
                if a.endswith(("-", "\u2010")) and a.split() and b.split():
                    tail, head = a.split()[-1], b.split()[0]
                    if re.search(ADDRESS, tail) or re.search(ADDRESS, head):
                        found.append((n, f"{tail} | {head}"))
    return found


def test_no_web_address_is_hyphenated():
    pdfs = [p for p in handed_out() if "presentatie" not in p.name]
    found = {str(p.relative_to(ROOT)): hyphenated_addresses(p) for p in pdfs}
    found = {k: v for k, v in found.items() if v}
    assert found == {}, f"addresses broken at a hyphen (was 6 + 14): {found}"


def test_the_address_check_can_fail(tmp_path):
    control = _render(tmp_path, '<p lang="nl" style="width: 32mm; hyphens: auto">Kijk op '
                      'socialemedia-mentalegezondheid.github.io/cursus voor meer.</p>')
    assert hyphenated_addresses(control)


def test_english_titles_in_the_sources_are_marked_english():
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((ROOT / "_build" / "print" / "handboek.html").read_text(encoding="utf-8"), "html.parser")
    entries = soup.select("#document-book\\/bijlagen\\/bronnen div.citation")
    english = [e for e in entries if e.select_one('[lang="en"]')]
    # 13 of the 19 works are English; the others are Dutch reports and letters
    assert len(entries) >= 15 and len(english) >= 10, (len(english), len(entries))
    dutch = [e for e in entries if "Sociale media en mentale gezondheid" in e.get_text()]
    assert dutch and not dutch[0].select_one('[lang="en"]'), "a Dutch title marked English"


def test_the_exception_list_sets_where_words_break():
    from bs4 import BeautifulSoup

    from tools.printbook import typeset

    soup = BeautifulSoup("<p>Het Expertisecentrum over socialemediagebruik op Instagram.</p><p><code>"
                         "Instagram</code></p>", "html.parser")
    assert typeset.hyphenation(soup) == 3
    spans = soup.select(f"span.{typeset.MANUAL}")
    assert [s.get_text() for s in spans] == ["Expertise\u00adcentrum", "sociale\u00admedia\u00adgebruik", "Instagram"]
    assert soup.code.get_text() == "Instagram"       # code untouched
    assert typeset.english("The effect of social media on well-being") and not typeset.english(
        "Sociale media en mentale gezondheid")


# --- 5. files for the printer -----------------------------------------------------------------------


def _boxes(page) -> dict[str, list[float]]:
    return {name: [float(v) for v in page[name]] for name in ("/MediaBox", "/TrimBox", "/BleedBox") if name in page}


def printer_ready(path: Path) -> list[str]:
    """What keeps a PDF from being a printer's file: PDF/X-4 with an output intent, every page with
    a TrimBox 3 mm inside its BleedBox (= MediaBox)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    problems = []
    root = reader.trailer["/Root"]
    if "/OutputIntents" not in root:
        problems.append("no output intent")
    xmp = root.get("/Metadata")
    if xmp is None or b"PDF/X-4" not in xmp.get_object().get_data():
        problems.append("not identified as PDF/X-4")
    bleed = 3 * MM
    for n, page in enumerate(reader.pages, 1):
        boxes = _boxes(page)
        trim, media = boxes.get("/TrimBox"), boxes["/MediaBox"]
        if trim is None or any(abs(abs(t - m) - bleed) > 0.2 for t, m in zip(trim, media)):
            problems.append(f"page {n}: no 3 mm bleed around the TrimBox")
            break
    return problems


def test_the_interior_is_pdf_x4_with_bleed_and_keeps_the_folios():
    from pypdf import PdfReader

    interior = _path("handboek-binnenwerk.pdf")
    assert printer_ready(interior) == []
    book, block = PdfReader(str(_path("handboek.pdf"))), PdfReader(str(interior))
    assert len(block.pages) == len(book.pages) - 2, "the interior is the book without the cover and its verso"
    # it starts with the title page and every page is the page of handboek.pdf, folio and all
    first = block.pages[0].extract_text()
    assert "Sociale media en mentale" in first and "Hulp nodig?" in first
    for n in (10, 40, len(block.pages) - 5):
        assert block.pages[n].extract_text() == book.pages[n + 2].extract_text(), f"interior page {n + 1}"


def test_the_cover_is_back_spine_front_with_bleed():
    from pypdf import PdfReader

    from tools.printbook import printer

    cover = _path("handboek-omslag.pdf")
    assert printer_ready(cover) == []
    reader = PdfReader(str(cover))
    assert len(reader.pages) == 1
    trim = _boxes(reader.pages[0])["/TrimBox"]
    pages = len(PdfReader(str(_path("handboek-binnenwerk.pdf"))).pages)
    spine = printer.spine_mm(pages, printer.PAPER_MM)
    assert abs((trim[2] - trim[0]) / MM - (420 + spine)) < 0.3 and abs((trim[3] - trim[1]) / MM - 297) < 0.3
    text = reader.pages[0].extract_text()
    assert "Sociale media en mentale gezondheid" in text and "professionals" in text


def test_the_printer_checks_can_fail():
    from tools.printbook import printer

    assert printer_ready(_path("handboek.pdf"))          # the screen edition: no bleed, no PDF/X
    assert printer.spine_mm(150, 0.1) == 7.5 and printer.spine_mm(151, 0.1) == 7.6


def test_the_title_page_opens_the_book_block_and_the_colophon_takes_isbn_when_set():
    from bs4 import BeautifulSoup

    from tools.printbook import kit

    with pdfplumber.open(str(_path("handboek.pdf"))) as pdf:
        assert not (pdf.pages[1].extract_text() or "").strip(), "the cover's verso is blank"
        title = pdf.pages[2].extract_text() or ""
        assert "Sociale media en mentale" in title and "Direct gevaar: 112" in title
        assert "Colofon" in (pdf.pages[3].extract_text() or ""), "the colophon is the title page's verso"
    out = BeautifulSoup("", "html.parser")

    class Subs:
        subs = {"isbn": "978-90-0000-000-0", "nur": "770"}

    assert kit.publication_details(out, Subs()).get_text() == "ISBN 978-90-0000-000-0 · NUR 770"
    Subs.subs = {"isbn": "", "nur": ""}
    assert kit.publication_details(out, Subs()) is None       # control: nothing printed when unset


# --- 6. worksheets with human numbers: no file id on paper --------------------------------------------

FILE_ID = r"\bm\d-(?:casus|reflectie|dagboek)[\w-]*"


def printed_ids(path: Path) -> list[str]:
    import re

    with pdfplumber.open(str(path)) as pdf:
        return [m for page in pdf.pages for m in re.findall(FILE_ID, page.extract_text() or "")]


@pytest.mark.parametrize("name", ["handboek.pdf", "trainershandleiding.pdf", "werkbladen.pdf",
                                  "werkbladen/m1-casus-greet.pdf"])
def test_no_file_id_is_printed(name):
    found = printed_ids(_path(name))
    assert found == [], f"{name}: file ids on paper (was 366 in all): {sorted(set(found))[:10]}"


def test_worksheets_are_named_by_number_everywhere():
    import re

    from tools.printbook import worksheets

    with pdfplumber.open(str(_path("werkbladen/m1-casus-greet.pdf"))) as pdf:
        sheet = pdf.pages[0].extract_text()
    assert re.search(r"Werkblad 1\.1 · bij de pagina “[^”]+” \(handboek, blz\. \d+\)", sheet), sheet[:300]
    with pdfplumber.open(str(_path("trainershandleiding.pdf"))) as pdf:
        guide = " ".join(p.extract_text() or "" for p in pdf.pages)
    assert len(re.findall(r"Werkblad \d\.\d+ · ", guide)) >= 40
    with pdfplumber.open(str(_path("handboek.pdf"))) as pdf:
        book = " ".join(p.extract_text() or "" for p in pdf.pages)
    assert len(set(re.findall(r"Werkblad (\d\.\d+)", book))) >= 30       # every case and reflection box
    assert worksheets.numbers(["m1-casus-a", "m1-reflectie-1", "m2-casus-b"]) == {
        "m1-casus-a": "1.1", "m1-reflectie-1": "1.2", "m2-casus-b": "2.1"}


def test_the_file_id_check_can_fail(tmp_path):
    from bs4 import BeautifulSoup

    from tools.printbook import worksheets

    assert printed_ids(_render(tmp_path, "<p>Werkblad m1-casus-greet</p>")) == ["m1-casus-greet"]
    soup = BeautifulSoup('<p><a href="#m1-casus-greet">Werkblad m1-casus-greet: Greet</a> en m2-casus-b.</p>',
                         "html.parser")
    assert worksheets.replace_ids(soup, {"m1-casus-greet": "1.1", "m2-casus-b": "2.1"}) == 2
    assert soup.get_text() == "Werkblad 1.1 · Greet en Werkblad 2.1." and soup.a["href"] == "#m1-casus-greet"


def test_where_an_exercise_ends_a_page_its_lines_run_to_the_bottom_margin():
    """On a page whose last thing is a box with writing lines, the last rule is less than a line
    pitch and the box's padding above the bottom margin."""
    short = []
    with pdfplumber.open(str(_path("handboek.pdf"))) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            tops = ruled_lines(page)
            if len(tops) < 3:
                continue
            below = [w for w in page.filter(_not_tab).extract_words() if w["top"] / MM > tops[-1] + 1
                     and w["bottom"] < page.height - 24 * MM]
            if below:
                continue               # text follows the writing lines on this page
            gap = (page.height - 24 * MM) / MM - tops[-1]
            if gap > 8.5 + 6:
                short.append((n, round(gap, 1)))
    assert short == [], f"writing lines stop short of the bottom margin (page, mm): {short}"


def test_the_ruling_to_the_bottom_can_fail(tmp_path):
    from bs4 import BeautifulSoup
    from weasyprint import HTML

    from tools.printbook import kit, render

    soup = BeautifulSoup("", "html.parser")
    space = kit.writing_space(soup, 3)
    space["data-nr"] = "1"
    css = "<style>@page { size: A4; margin: 22mm }</style>"
    ends = f'{css}<div class="exercise reflectie"><p>Opdracht</p>{space}</div><p style="break-before: page">x</p>'
    follows = f'{css}<div class="exercise reflectie"><p>Opdracht</p>{space}</div><p>Daarna gaat de tekst door.</p>'
    assert render.room_below_writing_lines(HTML(string=ends).render()).get("1", 0) > 20
    assert render.room_below_writing_lines(HTML(string=follows).render()) == {}


# --- 7. EPUB: page list, landmarks, English titles, raster cover, phone numbers ------------------------

EPUB_FILE = ROOT / "_build" / "epub" / "handboek.epub"


def _epub():
    import zipfile

    if not EPUB_FILE.exists():
        pytest.fail(f"{EPUB_FILE} ontbreekt: draai eerst `make book`")
    return zipfile.ZipFile(EPUB_FILE)


def _xml(book, name: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(book.read(f"EPUB/{name}").decode("utf-8"), "xml")


def epub_problems(book) -> list[str]:
    """What an e-reader shop misses in the EPUB: a page list, landmarks, a raster cover."""
    import io

    from PIL import Image

    problems = []
    nav = _xml(book, "nav.xhtml")
    pages = [a for n in nav.find_all("nav") if n.get("epub:type") == "page-list" for a in n.find_all("a")]
    if len(pages) < 50:
        problems.append(f"page list with {len(pages)} entries")
    landmarks = {a.get("epub:type") for n in nav.find_all("nav") if n.get("epub:type") == "landmarks"
                 for a in n.find_all("a")}
    missing = {"cover", "toc", "bodymatter", "glossary", "bibliography", "appendix", "colophon"} - landmarks
    if missing:
        problems.append(f"landmarks without {sorted(missing)}")
    opf = _xml(book, "package.opf")
    cover = opf.find("item", attrs={"properties": "cover-image"})
    if cover is None or cover["media-type"] != "image/png":
        problems.append("no raster cover")
    else:
        size = Image.open(io.BytesIO(book.read(f"EPUB/{cover['href']}"))).size
        if size != (1600, 2560):
            problems.append(f"cover of {size}")
    return problems


def test_the_epub_has_a_page_list_landmarks_and_a_raster_cover():
    import json

    book = _epub()
    assert epub_problems(book) == []
    # the page list names the folios of the printed handbook, at the place each page begins
    anchors = json.loads((ROOT / "_build" / "print" / "handboek-anchors.json").read_text(encoding="utf-8"))
    nav = _xml(book, "nav.xhtml")
    entries = [a for n in nav.find_all("nav") if n.get("epub:type") == "page-list" for a in n.find_all("a")]
    folios = [int(a.get_text()) for a in entries]
    assert folios == sorted(folios) and max(folios) <= max(anchors.values())
    name, _, anchor = entries[len(entries) // 2]["href"].partition("#")
    marker = _xml(book, name).find(id=anchor)
    assert marker.get("epub:type") == "pagebreak" and marker.get("role") == "doc-pagebreak"
    # the glossary, sources and answers say what they are (the colophon is a landmark only)
    kinds = {}
    for item in _xml(book, "package.opf").find_all("item", attrs={"media-type": "application/xhtml+xml"}):
        section = _xml(book, item["href"]).find("section")
        if section is not None and section.get("epub:type"):
            kinds[section["epub:type"]] = item["href"]
    assert {"glossary", "bibliography", "appendix"} <= set(kinds)
    bronnen = _xml(book, kinds["bibliography"])
    english = bronnen.find_all(attrs={"xml:lang": "en"})
    assert len(english) >= 15, "English titles in Bronnen without xml:lang"
    assert _xml(book, "package.opf").find("dc:source") is not None     # where the page numbers come from


def test_the_epub_checks_can_fail(tmp_path):
    import zipfile

    # the EPUB as it was before issue 24: an SVG cover, no page list, three landmarks
    control = tmp_path / "oud.epub"
    with zipfile.ZipFile(control, "w") as z:
        z.writestr("EPUB/nav.xhtml", '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
                   '<body><nav epub:type="landmarks"><ol><li><a epub:type="cover" href="o.xhtml">O</a></li>'
                   '<li><a epub:type="toc" href="nav.xhtml">I</a></li></ol></nav></body></html>')
        z.writestr("EPUB/package.opf", '<package xmlns="http://www.idpf.org/2007/opf"><manifest>'
                   '<item id="c" href="omslag.svg" media-type="image/svg+xml" properties="cover-image"/>'
                   '</manifest></package>')
    with zipfile.ZipFile(control) as book:
        problems = epub_problems(book)
    assert len(problems) == 3, problems


def test_phone_numbers_do_not_break_in_the_epub():
    import re

    book = _epub()
    css = book.read("EPUB/boek.css").decode("utf-8")
    assert re.search(r"\.telefoon[^{]*\{[^}]*white-space: nowrap", css)
    help_page = next(n for n in book.namelist() if n.endswith(".xhtml") and "0800-0113" in book.read(n).decode("utf-8"))
    text = book.read(help_page).decode("utf-8")
    loose = [m.start() for m in re.finditer(r"0800-\d{4}", text)
             if not re.search(r'(class="telefoon"|href="tel:[^"]*")[^<]*>[^<]*$', text[:m.start()])]
    assert loose == [], f"phone numbers that may break in {help_page}"

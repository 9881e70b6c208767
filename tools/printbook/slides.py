"""The three outputs of an assembled deck (``tools/printbook/assemble.py``):

* HTML for reveal.js (npm ``reveal.js``, pinned in ``package.json``/``package-lock.json``): the
  library, its speaker-notes plugin, our theme and the charts are copied next to the deck, so it
  works from a folder (file://) and over http, and loads nothing from another host;
* print HTML for WeasyPrint: one 16:9 page per slide, a self-check question twice (without and
  with its feedback);
* an editable PowerPoint file (python-pptx) with the speaker notes.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from course import ROOT, plans, published
from tools.printbook.assemble import Block, Deck, Slide

STATIC = Path(__file__).with_name("static")
REVEAL = ROOT / "node_modules" / "reveal.js" / "dist"
#: What the deck folder gets from reveal.js (relative to its dist/ folder).
REVEAL_FILES = ("reveal.js", "reveal.css", "plugin/notes.js")
FONTS = ROOT / "book" / "_static" / "fonts"
ASSETS = "presentatie-bestanden"
#: The slide size in PowerPoint (16:9, 13.33 x 7.5 inch) and for the PDF.
WIDTH_IN, HEIGHT_IN = 13.333, 7.5


def deck_file(deck: Deck, suffix: str) -> str:
    """'presentatie.html', or 'presentatie-bijeenkomst-2.pptx' for a session of a series."""
    return plans.kit_stem("presentatie", deck.number, len(deck.plan.sessies)) + suffix


def deck_label(deck: Deck) -> str:
    return deck.session.titel


# --- shared HTML -------------------------------------------------------------------------------


def _block_html(soup: BeautifulSoup, block: Block, images: str) -> Tag:
    if block.kind in ("ul", "ol", "options"):
        el = soup.new_tag("ol" if block.kind == "ol" else "ul", attrs={"class": f"blok-{block.kind}"})
        for item in block.items:
            li = soup.new_tag("li")
            li.string = item
            el.append(li)
        return el
    if block.kind == "rows":
        el = soup.new_tag("table", attrs={"class": "blok-rows"})
        body = soup.new_tag("tbody")
        for row in block.items:
            tr = soup.new_tag("tr")
            for i, cell in enumerate(row):
                td = soup.new_tag("th" if i == 0 else "td")
                if i == 0:
                    td["scope"] = "row"
                td.string = cell
                tr.append(td)
            body.append(tr)
        el.append(body)
        return el
    if block.kind == "img":
        fig = soup.new_tag("figure", attrs={"class": "blok-img"})
        fig.append(soup.new_tag("img", attrs={"src": f"{images}/{Path(block.src).name}", "alt": block.items[0]}))
        return fig
    el = soup.new_tag("p", attrs={"class": f"blok-{block.kind}"})
    el.string = block.items[0] if block.items else ""
    return el


#: Type sizes in PowerPoint (points, written on every text run so an edited size stays): body text
#: never below BODY_PT; the HTML deck's smallest text is 32 px (presentatie.css). Measured in
#: tests/test_kit_round2.py; slides that would not fit are continued (assemble.fit).
TITLE_PT, HEADING_PT, BODY_PT, NUMBER_PT = 44, 36, 28, 36


def _slide_section(soup: BeautifulSoup, slide: Slide, images: str, with_reveal: bool | None) -> Tag:
    """One slide. ``with_reveal``: None = the answer as a reveal.js fragment that takes the place of
    the question; True/False = the answer step or the question step (print)."""
    section = soup.new_tag("section", attrs={"class": f"dia dia-{slide.kind}"})
    if slide.ident:
        section["data-bron"] = slide.ident
    heading = soup.new_tag("h1" if slide.kind in ("title", "closing") else "h2")
    heading.string = slide.title
    section.append(heading)
    question = section
    if slide.reveal and with_reveal is None:
        question = soup.new_tag("div", attrs={"class": "vraag fragment fade-out", "data-fragment-index": "0"})
        section.append(question)
    if not (slide.reveal and with_reveal):
        for block in slide.blocks:
            question.append(_block_html(soup, block, images))
    if slide.reveal and with_reveal is not False:
        attrs = {"class": "antwoord" + (" fragment" if with_reveal is None else "")}
        if with_reveal is None:
            attrs["data-fragment-index"] = "0"
        holder = soup.new_tag("div", attrs=attrs)
        for block in slide.reveal:
            holder.append(_block_html(soup, block, images))
        section.append(holder)
    return section


def _document(title: str, stylesheets: list[str]) -> BeautifulSoup:
    soup = BeautifulSoup('<!DOCTYPE html><html lang="nl"><head></head><body></body></html>', "html.parser")
    soup.head.append(soup.new_tag("meta", charset="utf-8"))
    soup.head.append(soup.new_tag("meta", attrs={"name": "viewport", "content": "width=device-width, initial-scale=1"}))
    t = soup.new_tag("title")
    t.string = title
    soup.head.append(t)
    for css in stylesheets:
        soup.head.append(soup.new_tag("link", rel="stylesheet", href=css))
    return soup


def deck_title(deck: Deck) -> str:
    return f"{deck.session.titel} — {deck.course_title}"


# --- reveal.js ---------------------------------------------------------------------------------------


#: The escapes the speaker view's template literal in ``notes.js`` may hold (a new one fails the build).
_JS_ESCAPES = {"\\": "\\", "/": "/", "`": "`", "$": "$", "n": "\n", "t": "\t", "r": "\r", "'": "'", '"': '"'}


def _cook(raw: str) -> str:
    """The string a JavaScript template literal's raw text stands for (escapes resolved)."""
    def one(m: re.Match) -> str:
        if m.group(1):
            return chr(int(m.group(1), 16))
        if m.group(2):
            return chr(int(m.group(2), 16))
        if m.group(3) not in _JS_ESCAPES:
            raise SystemExit(f"printbook: notes.js's speaker view holds the escape \\{m.group(3)}, "
                             "which tools/printbook/slides.py cannot read: update _cook")
        return _JS_ESCAPES[m.group(3)]
    return re.sub(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(.))", one, raw, flags=re.S)


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@functools.cache
def speaker_view_sources() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The hashes of what the speaker view inlines: (scripts, styles and style attributes).

    reveal.js's notes plugin opens an ``about:blank`` window and writes its page into it; that
    window inherits the deck's policy, so the policy allows exactly that page's inline script and
    styles by hash, read from the copy in node_modules (a reveal.js update keeps working, and a
    change in how the plugin writes the page stops the build instead of loosening the policy)."""
    text = (REVEAL / "plugin" / "notes.js").read_text(encoding="utf-8")
    start = text.find("document.write(`")
    if start < 0 or text.count("document.write(`") != 1:
        raise SystemExit("printbook: notes.js no longer writes its speaker view with one document.write: "
                         "update tools/printbook/slides.py (speaker_view_sources)")
    start += len("document.write(`")
    end = re.compile(r"(?<!\\)`").search(text, start).start()
    page = _cook(text[start:end])
    if "${" in page or re.search(r"\son[a-z]+=", page, re.I):
        raise SystemExit("printbook: notes.js's speaker view has a template expression or an inline handler")
    scripts = [m.group(1) for m in re.finditer(r"<script>(.*?)</script>", page, re.S)]
    styles = [m.group(1) for m in re.finditer(r"<style>(.*?)</style>", page, re.S)]
    attrs = sorted(set(re.findall(r'\sstyle="([^"]*)"', page)))
    if len(scripts) != page.count("<script") or not scripts:
        raise SystemExit("printbook: notes.js's speaker view loads a script this policy does not know")
    return tuple(_sha(s) for s in scripts), tuple(_sha(s) for s in styles + attrs) + (
        ("'unsafe-hashes'",) if attrs else ())


def deck_policy() -> str:
    """The deck's Content-Security-Policy: its own files, the speaker view by hash, nothing else.

    A meta policy cannot say who may frame the deck (``frame-ancestors``); ``presentatie.js``
    refuses to start inside another site's frame, and CONTRIBUTING.md says what a host adds."""
    scripts, styles = speaker_view_sources()
    directives = {
        "default-src": ["'none'"],
        "script-src": ["'self'", *scripts],
        "style-src": ["'self'", *styles],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "frame-src": ["'self'"],       # the speaker view shows this deck twice (current and next slide)
        "connect-src": ["'none'"],
        "media-src": ["'none'"],
        "worker-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
        "object-src": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def copy_assets(folder: Path, html_dir: Path, decks: list[Deck]) -> None:
    """reveal.js, the notes plugin, our theme, the font and the charts, next to the decks."""
    target = folder / ASSETS
    target.mkdir(parents=True, exist_ok=True)
    if not (REVEAL / "reveal.js").exists():
        raise SystemExit("printbook: node_modules/reveal.js is missing: run `npm ci` (make does this)")
    for name in REVEAL_FILES:
        shutil.copy2(published.checked(REVEAL / name, REVEAL.parent), target / Path(name).name)
    shutil.copy2(published.checked(REVEAL.parent / "LICENSE", REVEAL.parent), target / "reveal.js-LICENSE.txt")
    for name in ("presentatie.css", "presentatie.js"):
        shutil.copy2(published.checked(STATIC / name), target / name)
    fonts = target / "fonts"
    fonts.mkdir(exist_ok=True)
    for font in published.files_under(FONTS):
        shutil.copy2(font, fonts / published.safe_name(font.name, "font file"))
    for deck in decks:
        for slide in deck.slides:
            for block in slide.blocks:
                if block.kind == "img":
                    shutil.copy2(published.checked(html_dir / block.src, html_dir), target / Path(block.src).name)


def reveal_html(deck: Deck) -> str:
    soup = _document(deck_title(deck), [f"{ASSETS}/reveal.css", f"{ASSETS}/presentatie.css"])
    # the policy first, before anything it governs (a meta policy applies from where it stands)
    soup.head.insert(1, soup.new_tag("meta", attrs={"http-equiv": "Content-Security-Policy",
                                                    "content": deck_policy()}))
    soup.head.insert(2, soup.new_tag("meta", attrs={"name": "referrer", "content": "no-referrer"}))
    # reveal.js gives its root role="application", which a <main> may not have: the root sits inside it
    main = soup.new_tag("main", attrs={"class": "presentatie", "aria-label": deck.session.titel})
    root = soup.new_tag("div", attrs={"class": "reveal"})
    main.append(root)
    slides = soup.new_tag("div", attrs={"class": "slides"})
    for slide in deck.slides:
        section = _slide_section(soup, slide, ASSETS, None)
        if slide.notes:
            aside = soup.new_tag("aside", attrs={"class": "notes"})
            for note in slide.notes:
                p = soup.new_tag("p")
                p.string = note
                aside.append(p)
            section.append(aside)
        slides.append(section)
    root.append(slides)
    soup.body.append(main)
    for script in ("reveal.js", "notes.js", "presentatie.js"):
        soup.body.append(soup.new_tag("script", src=f"{ASSETS}/{script}"))
    return str(soup)


# --- print (WeasyPrint) ------------------------------------------------------------------------------


def print_html(deck: Deck, html_dir: Path) -> str:
    """The deck for WeasyPrint: a 16:9 page per slide; a question, then the question with its answer."""
    soup = _document(deck_title(deck), [(STATIC / "dia-print.css").as_uri()])
    soup.head.append(soup.new_tag("meta", attrs={"name": "author", "content": deck.course_title}))
    soup.body["class"] = ["dia-print"]
    images = (html_dir / "_images").as_uri()
    for slide in deck.slides:
        if slide.reveal:
            soup.body.append(_slide_section(soup, slide, images, False))
        soup.body.append(_slide_section(soup, slide, images, True))
    return str(soup)


def print_pages(deck: Deck) -> int:
    """How many pages the PDF of a deck has."""
    return sum(2 if s.reveal else 1 for s in deck.slides)


# --- PowerPoint -------------------------------------------------------------------------------------------


def _svg_png(svg: Path) -> bytes:
    """A chart as PNG for PowerPoint (which needs a raster image): WeasyPrint draws the SVG into a
    one-page PDF, pypdfium2 (already used by the PDF tests' pdfplumber) rasterises it."""
    import pypdfium2
    from weasyprint import HTML

    html = (f'<html><head><style>@page {{ size: 1200px 800px; margin: 0 }} body {{ margin: 0 }}'
            f'img {{ width: 1200px; height: 800px; object-fit: contain }}</style></head>'
            f'<body><img src="{svg.resolve().as_uri()}" alt=""></body></html>')
    pdf = pypdfium2.PdfDocument(HTML(string=html).write_pdf())
    image = pdf[0].render(scale=1.5).to_pil()
    out = io.BytesIO()
    image.save(out, format="PNG")
    pdf.close()
    return out.getvalue()


def write_pptx(deck: Deck, html_dir: Path, target: Path) -> Path:
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(WIDTH_IN), Inches(HEIGHT_IN)
    prs.core_properties.title = deck_title(deck)
    prs.core_properties.language = "nl-NL"
    layout = prs.slide_layouts[5]  # "Title Only": a real title placeholder, so outlines and screen readers see it
    teal = RGBColor(0x0B, 0x3D, 0x3A)

    def run(para, text: str, size: int, bold: bool = False, italic: bool = False, color=None) -> None:
        """A text run with its size on the run itself (a:rPr), not as the paragraph's default."""
        r = para.add_run()
        r.text = text
        r.font.size = Pt(size)
        r.font.bold = bold
        r.font.italic = italic
        if color is not None:
            r.font.color.rgb = color

    def add(slide_data: Slide, with_reveal: bool) -> None:
        slide = prs.slides.add_slide(layout)
        title = slide.shapes.title
        title.left, title.top, title.width, title.height = Inches(0.6), Inches(0.3), Inches(12.1), Inches(1.1)
        title.text_frame.word_wrap = True
        run(title.text_frame.paragraphs[0], slide_data.title,
            TITLE_PT if slide_data.kind in ("title", "closing") else HEADING_PT, bold=True, color=teal)
        # the answer step of a question shows the answer in place of the question
        blocks = slide_data.reveal if with_reveal and slide_data.reveal else slide_data.blocks
        images = [b for b in blocks if b.kind == "img"]
        texts = [b for b in blocks if b.kind != "img"]
        top = Inches(1.5)
        if images:
            png = _svg_png(html_dir / images[0].src)
            pic = slide.shapes.add_picture(io.BytesIO(png), Inches(1.9), top, height=Inches(5.7))
            pic._element.nvPicPr.cNvPr.set("descr", images[0].items[0])
        if texts:
            box = slide.shapes.add_textbox(Inches(0.6), top, Inches(12.1), Inches(5.8))
            frame = box.text_frame
            frame.word_wrap = True
            first = True
            for block in texts:
                for i, item in enumerate(block.items):
                    para = frame.paragraphs[0] if first else frame.add_paragraph()
                    first = False
                    para.space_after = Pt(6)
                    if block.kind == "rows":
                        big = slide_data.kind == "help"
                        run(para, item[0], NUMBER_PT if big else BODY_PT, bold=True, color=teal)
                        run(para, " — " + " ".join(c for c in item[1:] if c), BODY_PT)
                        continue
                    prefix = {"ul": "• ", "ol": f"{i + 1}. "}.get(block.kind, "")
                    run(para, prefix + item, BODY_PT, italic=block.kind == "meta")
        if slide_data.notes:
            slide.notes_slide.notes_text_frame.text = "\n".join(slide_data.notes)

    for slide_data in deck.slides:
        if slide_data.reveal:
            add(slide_data, False)
        add(slide_data, True)
    target.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(target))
    return target

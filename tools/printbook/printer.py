"""Files for the printer (issue 24): the handbook's interior as PDF/X-4 with 3 mm bleed, and the
cover apart (back | spine | front), its spine computed from the page count and the paper.

* ``handboek-binnenwerk.pdf``: the handbook's book block, laid out like ``handboek.pdf`` but with
  ``bleed: 3mm`` on every page (WeasyPrint then writes TrimBox and BleedBox), without the cover and
  its blank verso: it starts with the title page, so every folio is the folio of ``handboek.pdf``
  and the trainer material's "handboek, blz." stays right. WeasyPrint's ``pdf/x-4`` writes the
  PDF/X identification and, with ``output_intent="srgb"``, the sRGB output intent; colours stay
  RGB, so the printer converts to CMYK (and sets the text's dark grey in pure black) in prepress.
* ``handboek-omslag.pdf``: one sheet, back | spine | front, 3 mm bleed all round; the spine is
  leaves x paper thickness (``papierdikte_mm`` in ``_config.yml``); the back has the blurb, the
  address and, when set, the ISBN.
"""

from __future__ import annotations

import math
from pathlib import Path

from bs4 import BeautifulSoup

from tools.printbook import kit
from tools.printbook.source import Source

PDF_VARIANT = "pdf/x-4"
BLEED_MM = 3
TRIM_W_MM, TRIM_H_MM = 210, 297
#: Pages of handboek.pdf before the book block: the cover and its blank verso.
COVER_PAGES = 2
#: Paper thickness when _config.yml does not set one (90 g/m² offset paper).
PAPER_MM = 0.1
INTERIOR_CSS = f"@page {{ bleed: {BLEED_MM}mm; }}"
BLURB = ("Sociale media horen bij het dagelijks leven. Wat betekenen ze voor hoe mensen zich voelen? "
         "Dit handboek helpt professionals in zorg, onderwijs, welzijn en beleid om daar goed over te praten: "
         "zonder paniek en zonder het weg te wuiven. Je leest wat onderzoek wel en niet laat zien, je oefent "
         "met herkenbare situaties en je krijgt handvatten voor het gesprek. Met opdrachten, zelftoetsen "
         "en een overzicht van waar je hulp vindt.")


def render_interior(html: Path, base: Path, target: Path) -> Path:
    """The handbook laid out with bleed; its pages after the cover written as PDF/X-4."""
    import copy

    from weasyprint import CSS, HTML

    from tools.printbook import render

    document = HTML(filename=str(html), base_url=str(base) + "/").render(stylesheets=[CSS(string=INTERIOR_CSS)])
    block = document.copy(document.pages[COVER_PAGES:])
    block.metadata = copy.copy(document.metadata)
    block.metadata.title = f"{document.metadata.title} — binnenwerk"
    target.parent.mkdir(parents=True, exist_ok=True)
    block.write_pdf(str(target), pdf_variant=PDF_VARIANT, output_intent="srgb", finisher=render.finish_pdf)
    return target


def paper_mm(source: Source) -> float:
    try:
        return float(source.subs.get("papierdikte_mm", PAPER_MM))
    except ValueError:
        raise SystemExit(f"printbook: papierdikte_mm in _config.yml is geen getal: "
                         f"{source.subs.get('papierdikte_mm')!r}") from None


def spine_mm(pages: int, paper: float) -> float:
    """The spine's width: one leaf per two pages, times the paper's thickness (mm, one decimal)."""
    return round(math.ceil(pages / 2) * paper, 1)


def cover_html(source: Source, interior_pages: int, label: str = "Handboek") -> BeautifulSoup:
    """The cover sheet as HTML: back | spine | front on one page of (2 x 210 mm + spine) x 297 mm."""
    spine = spine_mm(interior_pages, paper_mm(source))
    width = 2 * TRIM_W_MM + spine
    out = kit.new_document(source, f"{source.title} — omslag", "Omslag van het handboek")
    style = out.new_tag("style")
    style.string = (f"@page {{ size: {width}mm {TRIM_H_MM}mm; margin: 0; bleed: {BLEED_MM}mm; "
                    "background: #0b3d3a; @bottom-center { content: none; } @top-left { content: none; } "
                    "@top-right { content: none; } @right-middle { content: none; border: 0; } "
                    "@left-middle { content: none; border: 0; } } "
                    f"html, body {{ background: transparent; }} .omslagvel {{ --rug: {spine}mm; }}")
    out.head.append(style)
    sheet = out.new_tag("div", attrs={"class": "omslagvel", "data-rug-mm": f"{spine}"})
    back = out.new_tag("section", attrs={"class": "omslag-achter", "aria-label": "Achterkant"})
    for cls, text in (("achter-titel", source.title), ("achter-tekst", BLURB),
                      ("achter-adres", kit.site_address(source))):
        p = out.new_tag("p", attrs={"class": cls})
        p.string = text
        back.append(p)
    details = kit.publication_details(out, source)
    if details is not None:
        details["class"] = ["achter-isbn"]
        back.append(details)
    rug = out.new_tag("section", attrs={"class": "omslag-rug", "aria-label": "Rug"})
    p = out.new_tag("p")
    p.string = source.title
    rug.append(p)
    front = kit.cover(out, source, label)
    front["class"] = ["omslag-voor"]
    del front["id"]
    for el in (back, rug, front):
        sheet.append(el)
    out.body.append(sheet)
    return out


def render_cover(source: Source, interior: Path, html_dir: Path, print_dir: Path, target: Path) -> Path:
    from pypdf import PdfReader
    from weasyprint import HTML

    pages = len(PdfReader(str(interior)).pages)
    html = print_dir / "handboek-omslag.html"
    html.write_text(str(cover_html(source, pages)), encoding="utf-8")
    HTML(filename=str(html), base_url=str(html_dir.resolve()) + "/").write_pdf(str(target), pdf_variant=PDF_VARIANT,
                                                                        output_intent="srgb")
    return target

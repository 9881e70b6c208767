"""The EPUB edition: the handbook as a reflowable book for e-readers and screen readers.

Why our own route and not Sphinx's ``epub`` builder: that builder makes a second build of the
site with the theme's markup (buttons, sidebars, dropdowns, self-checks online), leaves the
answers next to the questions, keeps the notebooks as code and knows nothing of the course
index. The handbook that ``tools/printbook`` already makes for the PDF is the book we want on an
e-reader: cover, contents, worked examples instead of code, answers at the back, sources with
links. So the EPUB is that same document, cut into one XHTML file per chapter, with the charts as
SVG files, the course font, a raster cover (1600 x 2560, the PDF's cover), the printed handbook's
page numbers as a page list, a navigation document made from the handbook's contents and
accessibility metadata (EPUB Accessibility 1.1). Packaging an EPUB is a zip with a fixed first
entry and three small XML files; no maintained package does this from our document without
bringing its own model of a book, so it is written out here with the standard library and lxml.

``python -m tools.printbook`` writes ``_build/epub/<name>.epub``; ``tests/test_epub.py`` runs
epubcheck and DAISY Ace on it.
"""

from __future__ import annotations

import posixpath
import re
import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from bs4 import BeautifulSoup, Tag

from course import ROOT
from tools.printbook import handbook, kit
from tools.printbook.source import Source

EPUB = ROOT / "_build" / "epub"
NAME = "handboek.epub"
CSS = Path(__file__).with_name("epub.css")
XHTML_NS = "http://www.w3.org/1999/xhtml"
OPS_NS = "http://www.idpf.org/2007/ops"
#: Attributes of the site's markup that mean nothing in an EPUB (or that Ace flags there).
DROP_ATTRIBUTES = ("role", "tabindex", "data-voet", "style")
SUMMARY = ("Een leesbare editie zonder programmacode: de tekst, de casussen, de opdrachten, de "
           "zelftoetsen met de antwoorden achterin en de figuren met een beschrijving. Koppen, "
           "inhoudsopgave en leesvolgorde zijn gemarkeerd; de tekst kan groter worden gezet.")


def _xhtml(body: str, title: str, css_depth: str = "") -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="{XHTML_NS}" xmlns:epub="{OPS_NS}" xml:lang="nl" lang="nl">\n'
            f'<head><meta charset="utf-8"/><title>{escape(title)}</title>'
            f'<link rel="stylesheet" type="text/css" href="{css_depth}boek.css"/></head>\n'
            f'<body>\n{body}\n</body>\n</html>\n')


def _to_xml(el: Tag) -> str:
    """One element as well-formed XHTML (lxml's HTML parser, serialised as XML)."""
    from lxml import etree, html

    node = html.fragment_fromstring(str(el))
    return etree.tostring(node, method="xml", encoding="unicode")


def _font_faces(html_dir: Path) -> str:
    """The course font's @font-face rules, as print.css declares them (same relative paths)."""
    css = (html_dir / "_static" / "print.css").read_text(encoding="utf-8")
    return "\n".join(re.findall(r"@font-face\s*\{[^}]*\}", css)) + "\n"


def _chapters(main: Tag) -> list[Tag]:
    return [c for c in main.find_all(recursive=False) if isinstance(c, Tag)]


#: The raster cover's size (the size Kobo and Apple Books ask for).
COVER_PX = (1600, 2560)
#: Chapters with a structural role: (document or section id, epub:type, role or "").
KINDS = {"document-book/bijlagen/begrippenlijst": ("glossary", "doc-glossary", "Begrippenlijst"),
         "document-book/bijlagen/bronnen": ("bibliography", "doc-bibliography", "Bronnen"),
         "antwoorden": ("appendix", "doc-appendix", "Antwoorden")}
INSIDE_TABLES = ("tr", "tbody", "thead", "tfoot", "colgroup", "col", "caption")
_PAGEBREAK = 'class="blz"'
_PHONE = re.compile(r"(?<![\w-])(0800-\d{4}|0\d{2,3}-\d{3} \d{2} \d{2}|0\d{2,3}-\d{6,7})(?![\w-])")


def cover_png(source: Source, label: str, work: Path) -> bytes:
    """The cover as a raster image of 1600 x 2560 px: the handbook's cover (kit.cover) laid out by
    WeasyPrint on a 100 x 160 mm page and rasterised with pdftoppm (poppler), so e-reader shops and
    libraries that want a bitmap get the same cover as the PDF."""
    import subprocess

    from weasyprint import HTML

    out = kit.new_document(source, source.title, handbook.DESCRIPTION)
    style = out.new_tag("style")
    style.string = ("@page { size: 100mm 160mm; margin: 0; } html, body { margin: 0; } "
                    ".omslag { height: 160mm !important; padding: 34mm 11mm 10mm !important; "
                    "break-after: auto !important; font-size: 7pt; } .omslag-titel { font-size: 21pt !important; } "
                    ".omslag-ondertitel { font-size: 10pt !important; } .omslag-bron { margin-top: 30mm !important; "
                    "font-size: 7pt !important; } .omslag-label { font-size: 8pt !important; } "
                    ".omslag-versie, .omslag-adres { font-size: 7pt !important; }")
    out.head.append(style)
    out.body.append(kit.cover(out, source, label))
    work.mkdir(parents=True, exist_ok=True)
    pdf = work / "omslag-epub.pdf"
    HTML(string=str(out), base_url=str(source.html_dir.resolve()) + "/").write_pdf(str(pdf))
    subprocess.run(["pdftoppm", "-png", "-singlefile", "-f", "1", "-l", "1", "-scale-to-x", str(COVER_PX[0]),
                    "-scale-to-y", str(COVER_PX[1]), str(pdf), str(work / "omslag-epub")], check=True)
    return (work / "omslag-epub.png").read_bytes()


def page_breaks(soup: BeautifulSoup, anchors: dict[str, int]) -> list[int]:
    """Mark where the printed pages of the handbook begin (the trainer material cites "handboek,
    blz."): before the first element with an id on each page, a ``doc-pagebreak`` named after the
    folio. ``anchors`` is where each id landed (render.page_anchors). Return the folios marked."""
    marked = []
    main = soup.select_one("main.boek")
    for el in main.select("[id]"):
        page = anchors.get(el["id"])
        if page is None or page in marked or (marked and page < marked[-1]) or el.name in INSIDE_TABLES:
            continue
        # the role and epub:type are written in the XHTML (_PAGEBREAK), after the site's roles are dropped
        marker = soup.new_tag("span", attrs={"id": f"blz-{page}", "class": "blz", "aria-label": str(page)})
        if el.parent is main or el.name in ("li", "td", "th", "dt", "dd"):
            el.insert(0, marker)          # a chapter stays a chapter; a list item stays a list item
        else:
            el.insert_before(marker)
        marked.append(page)
    return marked


def unbroken_phone_numbers(soup: BeautifulSoup, root: Tag) -> None:
    """Phone numbers never break over two lines ("0800-" / "0113"): a span the CSS keeps whole."""
    from bs4 import NavigableString

    for node in list(root.find_all(string=_PHONE)):
        if type(node) is not NavigableString or node.find_parent(class_="telefoon") is not None:
            continue
        pieces = _PHONE.split(str(node))
        for i, piece in enumerate(pieces):
            if i % 2:
                span = soup.new_tag("span", attrs={"class": "telefoon"})
                span.string = piece
                node.insert_before(span)
            elif piece:
                node.insert_before(NavigableString(piece))
        node.extract()


def build(source: Source, target: Path | None = None) -> Path:
    """Write the EPUB from the handbook's document; return its path."""
    target = target or EPUB / NAME
    soup = handbook.build(source)
    label = "Handboek"
    anchors_file = ROOT / "_build" / "print" / "handboek-anchors.json"
    folios = []
    if anchors_file.exists():
        import json

        folios = page_breaks(soup, json.loads(anchors_file.read_text(encoding="utf-8")))
    unbroken_phone_numbers(soup, soup.body)
    toc_entries = [(int(li["class"][0].split("-")[1]), li.a["href"][1:], li.a.get_text(" ", strip=True))
                   for li in soup.select("nav.inhoudsopgave li")]

    # The parts of the book, in reading order: (file name, element, title).
    parts: list[tuple[str, Tag, str]] = []
    colophon = soup.select_one("section.colofon-pagina")
    if colophon is not None:
        parts.append(("colofon.xhtml", colophon, "Colofon"))
    main = soup.select_one("main.boek")
    for i, chapter in enumerate(_chapters(main), 1):
        h1 = chapter.find("h1")
        parts.append((f"h{i:02d}.xhtml", chapter, h1.get_text(" ", strip=True) if h1 else source.title))
    closing = soup.select_one("section.slotpagina")
    if closing is not None:
        parts.append(("slot.xhtml", closing, "Verder met de training"))

    where = {}
    for name, el, _title in parts:
        for node in [el, *el.find_all(id=True)]:
            if node.get("id"):
                where[node["id"]] = name

    # Paper-only things: writing lines, answer lines, page numbers.
    for el in soup.select(".schrijfruimte, .mijn-antwoord"):
        el.decompose()
    for a in soup.select("a.paginaverwijzing"):
        a.string = a.get_text().replace("zie bladzijde", "zie de antwoorden achterin").strip()

    images: dict[str, str] = {}   # site path -> path in the EPUB
    html_dir = source.html_dir
    for name, el, _title in parts:
        for a in el.select('a[href^="#"]'):
            ident = a["href"][1:]
            if ident in where:
                a["href"] = ("" if where[ident] == name else where[ident]) + "#" + ident
            else:
                a.unwrap()
        for img in el.find_all("img"):
            src = img["src"]
            if src not in images:
                images[src] = f"images/{len(images) + 1:02d}-{posixpath.basename(src)}"
            img["src"] = images[src]
        for tag in el.find_all(True):
            for attr in DROP_ATTRIBUTES:
                tag.attrs.pop(attr, None)
            if tag.name == "a" and tag.get("href", "").startswith("http"):
                tag.attrs.pop("target", None)

    target.parent.mkdir(parents=True, exist_ok=True)
    subs = source.subs
    ident = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, subs.get("site_url", source.title) + NAME))
    modified = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    files: list[tuple[str, str, str]] = []   # (href, media type, properties)
    with zipfile.ZipFile(target, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)

        def add(name: str, data, media: str, properties: str = "") -> None:
            z.writestr("EPUB/" + name, data, compress_type=zipfile.ZIP_DEFLATED)
            files.append((name, media, properties))

        z.writestr("META-INF/container.xml",
                   '<?xml version="1.0" encoding="utf-8"?>\n'
                   '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                   '<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>'
                   '</rootfiles></container>\n', compress_type=zipfile.ZIP_DEFLATED)
        faces = _font_faces(html_dir)
        add("boek.css", faces + CSS.read_text(encoding="utf-8"), "text/css")
        for font in re.findall(r'url\("fonts/([^"]+)"\)', faces):
            add(f"fonts/{font}", (html_dir / "_static" / "fonts" / font).read_bytes(), "font/woff2")
        add("omslag.png", cover_png(source, label, ROOT / "_build" / "print"), "image/png", "cover-image")
        cover_body = (f'<section epub:type="cover" class="omslag" aria-label="Omslag">'
                      f'<img src="omslag.png" alt="{escape(label)}: {escape(source.title)}. '
                      f'{escape(kit.SUBTITLE)}."/></section>')
        add("omslag.xhtml", _xhtml(cover_body, source.title), "application/xhtml+xml")
        for site_path, epub_path in images.items():
            add(epub_path, (html_dir / site_path).read_bytes(), "image/svg+xml")
        for name, el, title in parts:
            el_xml = _english(_to_xml(el))
            if el.get("id") in KINDS:
                epub_type, role, _label = KINDS[el["id"]]
                kind = f' epub:type="{epub_type}" role="{role}"'
            else:       # the colophon is a landmark only: DPUB-ARIA has no role for it (Ace asks for one)
                kind = ' epub:type="chapter" role="doc-chapter"' if name.startswith("h") else ""
            body = el_xml if not kind else el_xml.replace("<section ", f"<section{kind} ", 1)
            add(name, _xhtml(body, title), "application/xhtml+xml")
        add("nav.xhtml", _xhtml(_nav(toc_entries, where, parts, folios), "Inhoud"), "application/xhtml+xml", "nav")
        spine = ["omslag.xhtml", "nav.xhtml"] + [name for name, _el, _t in parts]
        z.writestr("EPUB/package.opf", _opf(source, ident, modified, files, spine, label, bool(folios)),
                   compress_type=zipfile.ZIP_DEFLATED)
    return target


def _english(xml: str) -> str:
    """XHTML wants xml:lang next to lang (the English titles of Bronnen: typeset.mark_english);
    the page breaks get their role and epub:type."""
    xml = xml.replace(_PAGEBREAK, f'{_PAGEBREAK} role="doc-pagebreak" epub:type="pagebreak"')
    return re.sub(r'(?<=\s)lang="en"(?! xml:lang)', 'lang="en" xml:lang="en"', xml)


def _nav(entries: list[tuple[int, str, str]], where: dict[str, str], parts, folios: list[int] = ()) -> str:
    out = ['<nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-titel">'
           '<h1 id="toc-titel">Inhoud</h1><ol>']
    open_sub = False
    first = True
    for level, anchor, text in entries:
        if anchor not in where:
            continue
        href = f"{where[anchor]}#{anchor}"
        link = f'<a href="{escape(href)}">{escape(text)}</a>'
        if level == 1:
            if open_sub:
                out.append("</ol>")
                open_sub = False
            if not first:
                out.append("</li>")
            out.append(f"<li>{link}")
            first = False
        else:
            if not open_sub:
                out.append("<ol>")
                open_sub = True
            out.append(f"<li>{link}</li>")
    if open_sub:
        out.append("</ol>")
    if not first:
        out.append("</li>")
    out.append("</ol></nav>")
    body_start = next(name for name, _el, _t in parts if name.startswith("h"))
    out.append('<nav epub:type="landmarks" id="landmarks" hidden="hidden" aria-label="Oriëntatiepunten"><ol>'
               '<li><a epub:type="cover" href="omslag.xhtml">Omslag</a></li>'
               '<li><a epub:type="toc" href="nav.xhtml#toc">Inhoud</a></li>'
               f'<li><a epub:type="bodymatter" href="{body_start}">Begin van de tekst</a></li>'
               + "".join(f'<li><a epub:type="{KINDS[el["id"]][0]}" href="{name}">{escape(KINDS[el["id"]][2])}</a></li>'
                         for name, el, _t in parts if el.get("id") in KINDS)
               + "".join(f'<li><a epub:type="colophon" href="{name}">Colofon</a></li>'
                         for name, _el, _t in parts if name == "colofon.xhtml")
               + '</ol></nav>')
    if folios:
        out.append('<nav epub:type="page-list" id="page-list" hidden="hidden" aria-label="Bladzijden van het '
                   'gedrukte handboek"><ol>'
                   + "".join(f'<li><a href="{where[f"blz-{n}"]}#blz-{n}">{n}</a></li>' for n in folios)
                   + "</ol></nav>")
    return "".join(out)


def _opf(source: Source, ident: str, modified: str, files, spine, label: str, page_list: bool = False) -> str:
    subs = source.subs
    items = []
    ids = {}
    for n, (href, media, props) in enumerate(files, 1):
        item_id = "nav" if props == "nav" else f"i{n:03d}"
        ids[href] = item_id
        extra = f' properties="{props}"' if props else ""
        items.append(f'<item id="{item_id}" href="{escape(href)}" media-type="{media}"{extra}/>')
    itemrefs = "".join(f'<itemref idref="{ids[name]}"/>' for name in spine)
    meta = [
        f'<dc:identifier id="uid">{escape(ident)}</dc:identifier>',
        f"<dc:title>{escape(source.title)}</dc:title>",
        "<dc:language>nl</dc:language>",
        f"<dc:creator>{escape(subs.get('uitgever', kit.AUTHOR))}</dc:creator>",
        f"<dc:publisher>{escape(subs.get('uitgever', kit.AUTHOR))}</dc:publisher>",
        f"<dc:description>{escape(handbook.DESCRIPTION)}</dc:description>",
        "<dc:rights>Tekst: CC BY 4.0. Code: MIT.</dc:rights>",
        f'<meta property="dcterms:modified">{modified}</meta>',
        '<meta property="schema:accessMode">textual</meta>',
        '<meta property="schema:accessMode">visual</meta>',
        '<meta property="schema:accessModeSufficient">textual</meta>',
        '<meta property="schema:accessibilityFeature">structuralNavigation</meta>',
        '<meta property="schema:accessibilityFeature">tableOfContents</meta>',
        '<meta property="schema:accessibilityFeature">readingOrder</meta>',
        '<meta property="schema:accessibilityFeature">alternativeText</meta>',
        *(['<meta property="schema:accessibilityFeature">printPageNumbers</meta>',
           f"<dc:source>{escape(subs.get('site_url', '').rstrip('/') + '/downloads/handboek.pdf')}</dc:source>"]
          if page_list else []),
        '<meta property="schema:accessibilityFeature">displayTransformability</meta>',
        '<meta property="schema:accessibilityHazard">none</meta>',
        f'<meta property="schema:accessibilitySummary">{escape(SUMMARY)}</meta>',
        '<link rel="dcterms:conformsTo" href="http://www.idpf.org/epub/a11y/accessibility-20170105.html#wcag-aa"/>',
    ]
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="nl" '
            'prefix="a11y: http://www.idpf.org/epub/vocab/package/a11y/#">\n'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">' + "".join(m for m in meta if m) + "</metadata>\n"
            "<manifest>" + "".join(items) + "</manifest>\n"
            f"<spine>{itemrefs}</spine>\n</package>\n")


__all__ = ["build", "EPUB", "NAME"]

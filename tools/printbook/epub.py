"""The EPUB edition: the handbook as a reflowable book for e-readers and screen readers.

Why our own route and not Sphinx's ``epub`` builder: that builder makes a second build of the
site with the theme's markup (buttons, sidebars, dropdowns, self-checks online), leaves the
answers next to the questions, keeps the notebooks as code and knows nothing of the course
index. The handbook that ``tools/printbook`` already makes for the PDF is the book we want on an
e-reader: cover, contents, worked examples instead of code, answers at the back, sources with
links. So the EPUB is that same document, cut into one XHTML file per chapter, with the charts as
SVG files, the course font, a navigation document made from the handbook's contents and
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
from datetime import datetime, timezone
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


def _cover_svg(source: Source, label: str) -> str:
    subs = source.subs
    words = source.title.split()
    lines, line = [], ""
    for word in words:
        if len(line) + len(word) > 16:
            lines.append(line.strip())
            line = ""
        line += word + " "
    lines.append(line.strip())
    title = "".join(f'<tspan x="80" dy="{0 if i == 0 else 96}">{escape(t)}</tspan>' for i, t in enumerate(lines))
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 1800" width="1200" height="1800" '
            'role="img" aria-labelledby="t">'
            f'<title id="t">{escape(label)}: {escape(source.title)}</title>'
            '<rect width="1200" height="1800" fill="#0b3d3a"/>'
            '<g font-family="Atkinson Hyperlegible, DejaVu Sans, sans-serif" fill="#ffffff">'
            f'<text x="80" y="520" font-size="40" letter-spacing="8" fill="#bfe3de">{escape(label.upper())}</text>'
            f'<text x="80" y="680" font-size="84" font-weight="700">{title}</text>'
            f'<text x="80" y="1560" font-size="34" fill="#d9efec">Versie {escape(subs.get("versie", ""))} · '
            f'{escape(subs.get("datum", ""))}</text>'
            f'<text x="80" y="1620" font-size="34" fill="#d9efec">{escape(kit.site_address(source))}</text>'
            '</g></svg>\n')


def build(source: Source, target: Path | None = None) -> Path:
    """Write the EPUB from the handbook's document; return its path."""
    target = target or EPUB / NAME
    soup = handbook.build(source)
    label = "Handboek"
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
    modified = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

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
        add("omslag.svg", _cover_svg(source, label), "image/svg+xml", "cover-image")
        cover_body = (f'<section epub:type="cover" class="omslag" aria-label="Omslag">'
                      f'<img src="omslag.svg" alt="{escape(label)}: {escape(source.title)}. '
                      f'{escape(kit.SUBTITLE)}."/></section>')
        add("omslag.xhtml", _xhtml(cover_body, source.title), "application/xhtml+xml")
        for site_path, epub_path in images.items():
            add(epub_path, (html_dir / site_path).read_bytes(), "image/svg+xml")
        for name, el, title in parts:
            el_xml = _to_xml(el)
            kind = ' epub:type="chapter" role="doc-chapter"' if name.startswith("h") else ""
            body = el_xml if not kind else el_xml.replace("<section ", f"<section{kind} ", 1)
            add(name, _xhtml(body, title), "application/xhtml+xml")
        add("nav.xhtml", _xhtml(_nav(toc_entries, where, parts), "Inhoud"), "application/xhtml+xml", "nav")
        spine = ["omslag.xhtml", "nav.xhtml"] + [name for name, _el, _t in parts]
        z.writestr("EPUB/package.opf", _opf(source, ident, modified, files, spine, label),
                   compress_type=zipfile.ZIP_DEFLATED)
    return target


def _nav(entries: list[tuple[int, str, str]], where: dict[str, str], parts) -> str:
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
               '</ol></nav>')
    return "".join(out)


def _opf(source: Source, ident: str, modified: str, files, spine, label: str) -> str:
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

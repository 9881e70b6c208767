"""The LMS administrator's guide as a PDF: the part "Voor organisaties" of the site, as its own
small edition (cover, colophon, contents, the guide, closing page). The handbook leaves the part
out, like "Voor trainers". Rendered with the other editions (render.render_pdf) and offered in
the site's downloads as ``handleiding-leeromgeving.pdf``."""

from __future__ import annotations

from bs4 import BeautifulSoup

from course import vocabulary as V
from tools.printbook import kit
from tools.printbook.source import Source

#: The edition's file name (in _build/pdf/ and the site's downloads/).
NAME = "handleiding-leeromgeving"
DESCRIPTION = ("Handleiding voor beheerders van een leeromgeving bij de open training voor professionals: "
               "de SCORM-pakketten instellen, wat de leeromgeving vastlegt en wat in de browser blijft.")


def build(source: Source) -> BeautifulSoup:
    chapters = source.part(V.ORGANISATION_PART)
    if not chapters:
        raise SystemExit(f"printbook: _toc.yml has no part '{V.ORGANISATION_PART}'")
    out = kit.new_document(source, f"Handleiding voor de leeromgeving — {source.title}", DESCRIPTION)
    book = kit.Book(source, out)
    book.front_matter("Handleiding voor de leeromgeving")
    content = out.new_tag("main", attrs={"class": "boek organisaties"})
    for chap in chapters:
        book.place(chap["doc"], chap["sections"], content)
    out.body.append(kit.contents(out, book.toc))
    out.body.append(content)
    out.body.append(kit.closing(out, source))
    kit.finish(out)
    return out

"""The handbook: the learners' whole course as a book.

Cover, colophon, contents; the welcome page as the first chapter ("Welkom"); one chapter per
top-level toc entry (start pages, modules) with the documents of a module as its sections
(they run on; only a module and the back matter open on a right-hand page);
solutions moved to an "Antwoorden" appendix with a page reference left behind; writing lines
under reflections; then the appendices. The trainer part is not in the handbook.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from course import vocabulary as V
from tools.printbook import kit, worksheets
from tools.printbook.source import Source

DESCRIPTION = ("Handboek bij de open training voor professionals, gebaseerd op de kennispagina "
               "van het Expertisecentrum Digitalisering en Welzijn (Trimbos-instituut).")


def build(source: Source) -> BeautifulSoup:
    out = kit.new_document(source, source.title, DESCRIPTION)
    book = kit.Book(source, out)
    book.front_matter("Handboek")
    content = out.new_tag("main", attrs={"class": "boek"})
    book.place(source.index["root"], [], content, title="Welkom")
    appendices = []
    openers = {m["index"] for m in source.modules}
    for part in source.parts:
        if part["caption"] in (V.TRAINER_PART, V.ORGANISATION_PART):
            continue
        for chap in part["chapters"]:
            if chap["doc"] == kit.COLOPHON_DOC:
                continue
            if part["caption"] == V.APPENDIX_PART:
                appendices.append(chap)
            else:
                placed = book.place(chap["doc"], chap["sections"], content)
                if placed is not None and chap["doc"] not in openers:
                    # a start page runs on after the one before (printbook.css)
                    placed["class"] = placed["class"] + [kit.RUNS_ON]
    answers = kit.move_solutions(out, book.placed, source)
    if answers is not None:
        content.append(answers)
        book.add_toc(1, "antwoorden", "Antwoorden")
    for chap in appendices:
        book.place(chap["doc"], chap["sections"], content)
    out.body.append(kit.contents(out, book.toc))
    out.body.append(content)
    out.body.append(kit.closing(out, source))
    worksheets.number_boxes(content, worksheets.numbers([*source.index["worksheets"], worksheets.DIARY_ID]))
    kit.finish(out)
    kit.add_writing_space(out, content, source)
    return out

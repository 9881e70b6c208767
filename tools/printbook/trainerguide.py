"""The trainer guide: the "Voor trainers" part, an answer key with every reflection and
self-check of the modules and its solution, and the worksheets as an appendix; the handbook's
cover, contents and running heads."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from course import vocabulary as V
from tools.printbook import kit, worksheets
from tools.printbook.source import Source

DESCRIPTION = ("Trainershandleiding bij de open training Sociale media en mentale gezondheid: "
               "draaiboeken, begeleidingsnotities, antwoordsleutel en werkbladen.")


def answer_key(out: BeautifulSoup, source: Source) -> Tag:
    """Every reflection and self-check of the modules with its solution, per module and page."""
    key = kit.chapter(out, "Antwoordsleutel", "antwoordsleutel", "antwoordsleutel",
                      "Per module de reflectie-opdrachten met denkrichtingen en de zelftoetsvragen met "
                      "feedback per antwoord. Bij reflectie is er geen goed of fout; gebruik de "
                      "denkrichtingen om het gesprek in de groep verder te helpen.")
    items = source.index["reflections"] + source.index["selfchecks"]
    for module in source.modules:
        h2 = out.new_tag("h2")
        h2.string = module["title"]
        key.append(h2)
        for doc in module["docs"]:
            here = [i for i in items if i["doc"] == doc]
            if not here:
                continue
            wanted = {i["id"] for i in here} | {i.get("thinking") or i.get("feedback") for i in here} - {None}
            section = source.doc(doc)
            h3 = out.new_tag("h3")
            h3.string = source.title_of(doc)
            key.append(h3)
            for box in [el for el in section.find_all(id=True) if el["id"] in wanted]:
                box["class"] = [c for c in box.get("class", []) if c != "dropdown"]
                key.append(box.extract())
    return key


def build(source: Source, sheets: list[worksheets.Worksheet]) -> BeautifulSoup:
    out = kit.new_document(source, f"Trainershandleiding — {source.title}", DESCRIPTION)
    book = kit.Book(source, out)
    book.front_matter("Trainershandleiding")
    chapters = source.part(V.TRAINER_PART)
    if not chapters:
        raise SystemExit(f"printbook: _toc.yml has no part '{V.TRAINER_PART}'")
    content = out.new_tag("main", attrs={"class": "boek trainershandleiding"})
    for chap in chapters:
        book.place(chap["doc"], chap["sections"], content)
    content.append(answer_key(out, source))
    book.add_toc(1, "antwoordsleutel", "Antwoordsleutel")

    appendix = kit.chapter(out, "Bijlage: werkbladen", "werkbladen-bijlage", "werkbladen-bijlage",
                           f"De {len(sheets)} werkbladen, elk op één bladzijde, om te kopiëren. "
                           "Ze staan ook los als pdf-bestanden op de website.")
    for sheet in sheets:
        appendix.append(worksheets.sheet_section(out, sheet, source.title))
    content.append(appendix)
    book.add_toc(1, "werkbladen-bijlage", "Bijlage: werkbladen")
    sources = kit.source_list(out, source, content)
    if sources is not None:
        content.append(sources)
        book.add_toc(1, "bronnen", "Bronnen")

    # Links to a worksheet's box on a module page go to its sheet in the appendix.
    ids = {s.ident for s in sheets}
    for a in content.select('a[href^="#"]'):
        if a["href"][1:] in ids and a.find_parent("section", class_="werkblad") is None:
            a["href"] = f"#werkblad-{a['href'][1:]}"
            a["class"] = a.get("class", []) + ["naar-werkblad"]

    out.body.append(kit.contents(out, book.toc))
    out.body.append(content)
    out.body.append(kit.closing(out, source))
    kit.finish(out)
    return out


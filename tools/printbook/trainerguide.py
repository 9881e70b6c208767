"""The trainer guide: the "Voor trainers" part, an answer key with every reflection and
self-check of the modules and its solution, and the worksheets as an appendix; the handbook's
cover, contents and running heads."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from course import vocabulary as V
from tools.printbook import kit, worksheets
from tools.printbook.source import Source

CSS = Path(__file__).with_name("static") / "trainershandleiding.css"
#: The timeline's column heads (the last column is the activity's length as a bar).
TIMELINE_COLUMNS = ("Tijd", "Activiteit", "Werkvorm", "Duur", "Verloop")
GOAL = re.compile(r"^(M\d+\.\d+):\s*(.*)$", re.S)


def plans_for_the_room(out: BeautifulSoup, content: Tag) -> None:
    """Lesson plans that read in the room: a landscape page, the objectives once as a legend
    (the cards keep only the codes), and a timeline per session."""
    for plan in content.select("div.draaiboek"):
        section = plan.find_parent("section")
        section["class"] = section.get("class", []) + ["draaiboek-pagina"]
        legend: dict[str, Tag] = {}
        for para in plan.select("p.doel"):
            m = GOAL.match(" ".join(para.get_text("").split()))
            if not m:
                continue
            code = m.group(1)
            if code not in legend:
                entry = out.new_tag("p")
                strong = out.new_tag("strong")
                strong.string = code + " "
                entry.append(strong)
                entry.append(m.group(2))
                legend[code] = entry
            para.string = code
        for dd in plan.select("dl.draaiboek-details dd"):
            codes = [p.get_text(strip=True) for p in dd.select("p.doel")]
            if codes:
                dd.clear()
                para = out.new_tag("p", attrs={"class": "doel"})
                para.string = ", ".join(codes)
                dd.append(para)
        box = out.new_tag("div", attrs={"class": "doelen-legenda"})
        for code in sorted(legend, key=lambda c: tuple(int(x) for x in c[1:].split("."))):
            box.append(legend[code])
        setup = plan.select_one("dl.draaiboek-opzet")
        (setup or plan).insert_after(box) if setup else plan.insert(0, box)
        timeline = out.new_tag("div", attrs={"class": "tijdlijn"})
        rubrics = [r for r in plan.select(".draaiboek-sessie") if r.find_parent(class_="draaiboek-materiaal") is None]
        for rubric, cards in zip(rubrics, plan.select("ol.draaiboek-activiteiten")):
            heading = out.new_tag("p", attrs={"class": "draaiboek-sessie"})
            heading.string = rubric.get_text(" ", strip=True)
            timeline.append(heading)
            table = out.new_tag("table", attrs={"class": "tijdlijn-tabel"})
            head = out.new_tag("tr")
            for text in TIMELINE_COLUMNS:
                cell = out.new_tag("th", attrs={"scope": "col"})
                cell.string = text
                head.append(cell)
            table.append(out.new_tag("thead"))
            table.thead.append(head)
            for card in cards.select("li.draaiboek-activiteit"):
                row = out.new_tag("tr", attrs={"class": "pauze" if "pauze" in card.get("class", []) else ""})
                minutes = int(card.select_one(".duur").get_text(strip=True).split()[0])
                for text in (card.select_one(".starttijd").get_text(strip=True),
                             card.select_one(".draaiboek-titel").get_text(strip=True),
                             card.select_one(".werkvorm").get_text(strip=True), f"{minutes} min"):
                    cell = out.new_tag("td")
                    cell.string = text
                    row.append(cell)
                bar = out.new_tag("td", attrs={"class": "balk"})
                bar.append(out.new_tag("span", attrs={"class": "balk", "style": f"width: {minutes * 3}pt"}))
                row.append(bar)
                table.append(row)
            timeline.append(table)
        plan.append(timeline)


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
    out.head.append(out.new_tag("link", rel="stylesheet", href=CSS.as_uri()))
    book = kit.Book(source, out)
    book.front_matter("Trainershandleiding")
    chapters = source.part(V.TRAINER_PART)
    if not chapters:
        raise SystemExit(f"printbook: _toc.yml has no part '{V.TRAINER_PART}'")
    content = out.new_tag("main", attrs={"class": "boek trainershandleiding"})
    for chap in chapters:
        book.place(chap["doc"], chap["sections"], content)
    plans_for_the_room(out, content)
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


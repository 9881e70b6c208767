"""Worksheets: every case and reflection exercise of the modules as one A4 sheet with writing
lines, for workshops. The ids come from the course index (``m1-casus-noor``, ``m1-reflectie-2``)."""

from __future__ import annotations

import copy
import csv
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from course import ROOT
from course import vocabulary as V
from course.sphinxext import runtime
from tools.printbook import kit
from tools.printbook.source import Source

#: Lines to write on at the bottom of a worksheet (one A4 page; tests check it stays one).
WORKSHEET_LINES = 16
#: The distance between their lines (printbook.css had 9 mm for worksheets).
WORKSHEET_PITCH_MM = 9
DESCRIPTION = "Werkbladen bij de open training Sociale media en mentale gezondheid."


@dataclass
class Worksheet:
    ident: str
    kind: str          # V.REFLECTION, V.CASE or DIARY
    title: str
    module: str        # the module's title, e.g. "Module 1 — Mentale gezondheid: een spectrum"
    page_title: str
    body: list[Tag]
    number: str = ""   # on paper: "1.3" (numbers); set by collect


def collect(source: Source) -> list[Worksheet]:
    """Every worksheet in reading order, its text taken from the page's box."""
    modules = {m["id"]: m["title"] for m in source.modules}
    info = {r["id"]: (V.REFLECTION, r) for r in source.index["reflections"]}
    info.update({c["id"]: (V.CASE, c) for c in source.index["cases"]})
    sections: dict[str, Tag] = {}
    sheets = []
    for ident in source.index["worksheets"]:
        kind, item = info[ident]
        section = sections.setdefault(item["doc"], source.doc(item["doc"]))
        box = section.find(id=ident)
        if box is None:
            raise SystemExit(f"printbook: worksheet '{ident}' is not on {item['doc']}")
        title_el = box.find(class_="admonition-title")
        if kind == V.REFLECTION:
            title = "Opdracht: " + item["title"]
            content = box.select_one("section") or box
            body = [copy.copy(c) for c in content.children if isinstance(c, Tag)]
        else:
            title = item["title"]
            body = [copy.copy(c) for c in box.children if isinstance(c, Tag) and c is not title_el]
        sheets.append(Worksheet(ident, kind, title, modules.get(item["module"], ""), item["pageTitle"], body))
    sheets.append(diary_sheet(source))
    for sheet, number in zip(sheets, numbers([s.ident for s in sheets]).values()):
        sheet.number = number
    return sheets


# --- human numbers: "Werkblad 1.3", never the file id ------------------------------------------

_MODULE = re.compile(r"^m(\d+)-")


def numbers(idents: list[str]) -> dict[str, str]:
    """Every worksheet id -> its number on paper, "<module>.<place in the module>" in reading order
    ("m1-casus-greet" -> "1.1"). The id stays the name of the file and of the anchor; paper shows
    the number."""
    out, count = {}, {}
    for ident in idents:
        m = _MODULE.match(ident)
        module = m.group(1) if m else "0"
        count[module] = count.get(module, 0) + 1
        out[ident] = f"{module}.{count[module]}"
    return out


def label(number: str, title: str = "") -> str:
    """A worksheet as it is named everywhere on paper: "Werkblad 1.3 · Greet (84) en de familie-app"."""
    return f"Werkblad {number}" + (f" · {title}" if title else "")


def sheet_numbers(sheets: list[Worksheet]) -> dict[str, str]:
    return {s.ident: s.number for s in sheets}


def replace_ids(body: Tag, numbered: dict[str, str]) -> int:
    """Print no file id: in every text, "Werkblad <id>: <title>" becomes "Werkblad 1.3 · <title>"
    and any other worksheet id its "Werkblad 1.3" (attributes, the anchors, keep the id)."""
    if not numbered:
        return 0
    ids = "|".join(sorted(map(re.escape, numbered), key=len, reverse=True))
    named = re.compile(rf"\b[Ww]erkblad ({ids})\b(:\s*)?")
    bare = re.compile(rf"(?<![\w-])({ids})(?![\w-])")
    changed = 0
    for node in list(body.find_all(string=bare)):
        if node.find_parent(["script", "style"]) is not None:
            continue
        text = named.sub(lambda m: label(numbered[m.group(1)]) + (" · " if m.group(2) else ""), str(node))
        text = bare.sub(lambda m: label(numbered[m.group(1)]), text)
        node.replace_with(text)
        changed += 1
    return changed


def number_boxes(body: Tag, numbered: dict[str, str]) -> None:
    """The handbook's cases and reflections say which worksheet they are ("Werkblad 1.3"), the
    number the trainer guide and the print packs use."""
    for ident, number in numbered.items():
        box = body.find(id=ident)
        title = box.find(class_="admonition-title") if box is not None else None
        if title is None:
            continue
        tag = BeautifulSoup("", "html.parser").new_tag("span", attrs={"class": "werkblad-nummer"})
        tag.string = label(number)
        title.append(" ")
        title.append(tag)


def sheet_section(out: BeautifulSoup, sheet: Worksheet, course: str, task: str = "", figure: str = "",
                  lines: int = WORKSHEET_LINES, level: int = 2, handbook_page: bool = False,
                  numbered: bool = False) -> Tag:
    """One worksheet; its title is a heading of ``level`` (1 in the bundle, 2 in an appendix). A
    lesson plan's print pack gives the plan's own ``task`` (instead of the general prompt) and the
    ``figure`` the task needs (inline SVG, with fewer writing lines). ``numbered``: the sheet is
    named by its number (:func:`label`), not its file id (the print packs still use the id);
    with ``handbook_page`` it names the handbook page of its box (filled in once the handbook is
    laid out: trainerguide.fill_handbook_pages)."""
    number = label(sheet.number) if numbered and sheet.number else f"Werkblad {sheet.ident}"
    section = out.new_tag("section", attrs={
        "class": f"werkblad werkblad-{ {V.REFLECTION: 'reflectie', DIARY: 'dagboek'}.get(sheet.kind, 'casus') }",
        "id": f"werkblad-{sheet.ident}",
        # the page footer (print.css: string-set from this attribute)
        "data-voet": f"{course} · {number.lower()}",
    })
    for tag, cls, text in (("p", "werkblad-kop", f"{course} · {sheet.module}"),
                           (f"h{level}", "werkblad-titel", sheet.title),
                           ("p", "werkblad-code", f"{number} · bij de pagina “{sheet.page_title}”"),
                           ("p", "werkblad-naam", "Naam:")):
        el = out.new_tag(tag, attrs={"class": cls})
        el.string = text
        section.append(el)
    if handbook_page and sheet.kind != DIARY:
        from tools.printbook.trainerguide import handbook_reference

        section.select_one(".werkblad-code").append(handbook_reference(out, sheet.ident))
    text = out.new_tag("div", attrs={"class": "werkblad-tekst"})
    for el in sheet.body:
        text.append(copy.copy(el))
    section.append(text)
    if sheet.kind == DIARY:
        return section
    prompt = out.new_tag("p", attrs={"class": "werkblad-vraag"})
    prompt.string = task or ("Wat valt je op? Wat zou jij zeggen of doen?" if sheet.kind == V.CASE
                             else "Schrijf je antwoord hieronder.")
    section.append(prompt)
    if figure:
        holder = out.new_tag("div", attrs={"class": "werkblad-figuur"})
        holder.append(BeautifulSoup(figure, "html.parser"))
        section.append(holder)
    section.append(kit.writing_space(out, lines, WORKSHEET_PITCH_MM))
    return section


# --- the diary of module 4 on paper (issue 13) -------------------------------------------------

#: The sheet kind and id of the diary: the notebook's empty template as a table to fill in by hand.
DIARY = "dagboek"
DIARY_ID = runtime.DIARY_SHEET   # the notebook page links its PDF
#: Rows to write in (one A4 page).
DIARY_ROWS = 14
#: Column headings on paper for the template's columns (the CSV's own header row names them).
DIARY_HEADINGS = {
    "dag": "Dag", "begintijd": "Begin (uu:mm)", "eindtijd": "Eind (uu:mm)", "platform": "App of site",
    "activiteit": "Actief of passief", "stemming_voor": "Stemming vóór (1-5)",
    "stemming_na": "Stemming na (1-5)", "reden": "Waarom geopend?",
}


def diary_columns() -> list[str]:
    """The columns of the empty diary template (exercises/data/dagboek-sjabloon.csv), in order."""
    with (ROOT / V.DIARY_TEMPLATE).open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle, delimiter=";"))


def diary_sheet(source: Source) -> Worksheet:
    """The diary as one A4 sheet: a short explanation and an empty table with the template's
    columns, for learners who rather write than type (the notebook reads the same columns)."""
    template = V.DIARY_TEMPLATE.rsplit("/", 1)[-1]
    module = next(m for m in source.modules
                  if m["notebook"] and template in (ROOT / f"{m['notebook']}.ipynb").read_text(encoding="utf-8"))
    out = BeautifulSoup("", "html.parser")
    intro = out.new_tag("p")
    intro.string = ("Houd een week bij wanneer je sociale media gebruikt. Schrijf elke keer een regel op: "
                    "de dag, hoe laat je begon en stopte, de app, wat je deed en hoe je je voor en na voelde. "
                    "Kijk aan het eind van de week: wat valt je op? Praat erover met iemand die je vertrouwt.")
    legend = out.new_tag("p", attrs={"class": "dagboek-legenda"})
    legend.string = ("Stemming: 1 = heel naar, 2 = naar, 3 = gewoon, 4 = fijn, 5 = heel fijn. "
                     "Actief = zelf iets plaatsen, reageren of chatten. Passief = kijken of scrollen.")
    table = out.new_tag("table", attrs={"class": "dagboek-tabel"})
    head = out.new_tag("tr")
    for column in diary_columns():
        cell = out.new_tag("th", attrs={"scope": "col"})
        cell.string = DIARY_HEADINGS.get(column, column)
        head.append(cell)
    thead = out.new_tag("thead")
    thead.append(head)
    table.append(thead)
    body = out.new_tag("tbody")
    for _ in range(DIARY_ROWS):
        row = out.new_tag("tr")
        for _ in diary_columns():
            row.append(out.new_tag("td"))
        body.append(row)
    table.append(body)
    return Worksheet(DIARY_ID, DIARY, "Dagboek: mijn week met sociale media", module["title"],
                     source.title_of(module["notebook"]), [intro, legend, table])


def build(source: Source, sheets: list[Worksheet]) -> BeautifulSoup:
    """All worksheets in one document, one per page (the single sheets are its pages)."""
    out = kit.new_document(source, f"Werkbladen — {source.title}", DESCRIPTION)
    out.body["class"] = ["werkbladen-bundel"]
    main = out.new_tag("main", attrs={"class": "werkbladen"})
    numbered = sheet_numbers(sheets)
    for sheet in sheets:
        main.append(sheet_section(out, sheet, source.title, level=1, handbook_page=True, numbered=True))
    out.body.append(main)
    replace_ids(out.body, numbered)
    kit.finish(out)
    return out


def plain_title(sheet: Worksheet) -> str:
    return re.sub(r"\s+", " ", sheet.title).strip()

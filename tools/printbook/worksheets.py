"""Worksheets: every case and reflection exercise of the modules as one A4 sheet with writing
lines, for workshops. The ids come from the course index (``m1-casus-noor``, ``m1-reflectie-2``)."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from course import vocabulary as V
from tools.printbook import kit
from tools.printbook.source import Source

#: Lines to write on at the bottom of a worksheet (one A4 page; tests check it stays one).
WORKSHEET_LINES = 16
DESCRIPTION = "Werkbladen bij de open training Sociale media en mentale gezondheid."


@dataclass
class Worksheet:
    ident: str
    kind: str          # V.REFLECTION or V.CASE
    title: str
    module: str        # the module's title, e.g. "Module 1 — Mentale gezondheid: een spectrum"
    page_title: str
    body: list[Tag]


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
    return sheets


def sheet_section(out: BeautifulSoup, sheet: Worksheet, course: str, task: str = "", figure: str = "",
                  lines: int = WORKSHEET_LINES, level: int = 2) -> Tag:
    """One worksheet; its title is a heading of ``level`` (1 in the bundle, 2 in an appendix). A
    lesson plan's print pack gives the plan's own ``task`` (instead of the general prompt) and the
    ``figure`` the task needs (inline SVG, with fewer writing lines)."""
    section = out.new_tag("section", attrs={
        "class": f"werkblad werkblad-{'reflectie' if sheet.kind == V.REFLECTION else 'casus'}",
        "id": f"werkblad-{sheet.ident}",
        # the page footer (print.css: string-set from this attribute)
        "data-voet": f"{course} · werkblad {sheet.ident}",
    })
    for tag, cls, text in (("p", "werkblad-kop", f"{course} · {sheet.module}"),
                           (f"h{level}", "werkblad-titel", sheet.title),
                           ("p", "werkblad-code", f"Werkblad {sheet.ident} · bij de pagina “{sheet.page_title}”"),
                           ("p", "werkblad-naam", "Naam:")):
        el = out.new_tag(tag, attrs={"class": cls})
        el.string = text
        section.append(el)
    text = out.new_tag("div", attrs={"class": "werkblad-tekst"})
    for el in sheet.body:
        text.append(copy.copy(el))
    section.append(text)
    prompt = out.new_tag("p", attrs={"class": "werkblad-vraag"})
    prompt.string = task or ("Wat valt je op? Wat zou jij zeggen of doen?" if sheet.kind == V.CASE
                             else "Schrijf je antwoord hieronder.")
    section.append(prompt)
    if figure:
        holder = out.new_tag("div", attrs={"class": "werkblad-figuur"})
        holder.append(BeautifulSoup(figure, "html.parser"))
        section.append(holder)
    section.append(kit.writing_space(out, lines))
    return section


def build(source: Source, sheets: list[Worksheet]) -> BeautifulSoup:
    """All worksheets in one document, one per page (the single sheets are its pages)."""
    out = kit.new_document(source, f"Werkbladen — {source.title}", DESCRIPTION)
    out.body["class"] = ["werkbladen-bundel"]
    main = out.new_tag("main", attrs={"class": "werkbladen"})
    for sheet in sheets:
        main.append(sheet_section(out, sheet, source.title, level=1))
    out.body.append(main)
    kit.finish(out)
    return out


def plain_title(sheet: Worksheet) -> str:
    return re.sub(r"\s+", " ", sheet.title).strip()

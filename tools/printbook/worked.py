"""Notebook chapters in print: worked examples instead of program code.

A paper (or e-reader) reader cannot run a notebook, so a notebook page of the site becomes a
worked example in the print editions and the EPUB:

* the code cells' input goes; what the helper printed stays, as body text: the stream output
  is plain text wrapped at the helper's line width (``cursus._basis.BREEDTE``), so lines are
  joined again, list items and indented continuations become lists and paragraphs, and the
  plain-text tables the helper prints (a header, a rule of dashes, rows) become tables;
* every chart (an SVG ``<img>``) becomes a numbered figure, "Figuur N", with the caption the
  author gave in the cell metadata (``mystnb.figure.caption``; myst-nb already renders it as a
  ``<figure>`` with ``<figcaption>`` on the site);
* instructions for running the notebook are marked web-only by the author (CONTRIBUTING.md)
  and are dropped with every other web-only element by ``kit.clean``;
* a box at the top says where to practise: the notebook's page on the site (the address from
  ``_config.yml``) and the exercise pack from the downloads list.

The site keeps the runnable notebook unchanged.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from course import vocabulary as V
from tools.printbook.source import Source

#: The helper package's line width: a line break before a word that would still have fitted
#: was written on purpose (a new item), any other break is wrapping.
WIDTH = 78
_RULE = re.compile(r"^\s*-{2,}(\s+-{2,})*\s*$")
_ITEM = re.compile(r"^(\s*)(- |\d+\. )(.*)$")
#: A heading the helper prints in capitals, maybe with a remark in brackets: "NACHT (00:00-06:00)".
_CAPS = re.compile(r"^([A-ZÀ-Ý][A-ZÀ-Ý ]*[A-ZÀ-Ý])(\s*\(.*\))?$")
#: Figure numbers in one edition run on across chapters.
FIGURE_LABEL = "Figuur"


class MissingCaption(SystemExit):
    pass


def notebook_docs(source: Source) -> set[str]:
    return {m["notebook"] for m in source.modules if m.get("notebook")}


def _logical_lines(lines: list[str]) -> list[str]:
    """Undo the helper's wrapping: a line joins the one before when its first word would not
    have fitted there (textwrap broke the line) and it is not further left; otherwise the break
    was on purpose."""
    out: list[str] = []
    previous = ""
    indent = lambda text: len(text) - len(text.lstrip())  # noqa: E731
    for line in lines:
        first = line.strip().split(" ", 1)[0]
        # wrapped lines keep (or gain) the indentation; a line further left starts anew
        if out and len(previous) + 1 + len(first) > WIDTH and indent(line) >= indent(previous):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line.rstrip())
        previous = line.rstrip()
    return out


def _table(soup: BeautifulSoup, header: str, rule: str, rows: list[str]) -> Tag:
    spans = [(m.start(), m.end()) for m in re.finditer(r"-+", rule)]

    def cells(line: str) -> list[str]:
        out = []
        for i, (start, _end) in enumerate(spans):
            stop = spans[i + 1][0] if i + 1 < len(spans) else None
            out.append(line[start:stop].strip())
        return out

    table = soup.new_tag("table", attrs={"class": "uitvoer-tabel"})
    head = soup.new_tag("thead")
    tr = soup.new_tag("tr")
    for text in cells(header):
        th = soup.new_tag("th", scope="col")
        th.string = text
        tr.append(th)
    head.append(tr)
    table.append(head)
    body = soup.new_tag("tbody")
    for row in rows:
        tr = soup.new_tag("tr")
        for text in cells(row):
            td = soup.new_tag("td")
            td.string = text
            tr.append(td)
        body.append(tr)
    table.append(body)
    return table


def _block(soup: BeautifulSoup, lines: list[str]) -> Tag:
    """One group of output lines (between blank lines) as paragraphs, lists and tables."""
    block = soup.new_tag("div", attrs={"class": "uitvoer-blok"})
    i = 0
    pending: list[str] = []

    def flush() -> None:
        current_list: Tag | None = None
        for line in _logical_lines(pending):
            m = _ITEM.match(line)
            if m:
                kind = "ul" if m.group(2) == "- " else "ol"
                if current_list is None or current_list.name != kind:
                    current_list = soup.new_tag(kind, attrs={"class": "uitvoer-lijst"})
                    if kind == "ol":  # the helper's own numbers (step 1, 2, ...)
                        current_list["start"] = m.group(2).strip(". ")
                    block.append(current_list)
                li = soup.new_tag("li")
                li.string = m.group(3).strip()
                current_list.append(li)
                continue
            current_list = None
            text = line.strip()
            p = soup.new_tag("p")
            heading = _CAPS.match(text)
            if heading and len(heading.group(1)) > 3:
                p["class"] = ["uitvoer-kop"]
                text = heading.group(1).capitalize() + (heading.group(2) or "")
            elif line.startswith(" "):
                p["class"] = ["uitvoer-inspringen"]
            p.string = text
            block.append(p)
        pending.clear()

    while i < len(lines):
        if i + 1 < len(lines) and _RULE.match(lines[i + 1]) and lines[i].strip():
            flush()
            rows = []
            j = i + 2
            # rows: lines with column gaps, up to a blank line, a heading or a sentence
            while j < len(lines) and "  " in lines[j].strip() and not _CAPS.match(lines[j].strip()):
                rows.append(lines[j])
                j += 1
            block.append(_table(soup, lines[i], lines[i + 1], rows))
            i = j
            continue
        pending.append(lines[i])
        i += 1
    flush()
    return block


def text_output(soup: BeautifulSoup, text: str) -> Tag:
    """The helper's printed text as body text."""
    out = soup.new_tag("div", attrs={"class": "uitvoer"})
    group: list[str] = []
    for line in text.splitlines() + [""]:
        if line.strip():
            group.append(line)
        elif group:
            out.append(_block(soup, group))
            group = []
    return out


def practise_box(soup: BeautifulSoup, source: Source, doc: str) -> Tag:
    """Where to practise: the notebook's page on the site and the exercise pack."""
    from tools.printbook.downloads import exercise_pack

    site = source.subs.get("site_url", "").rstrip("/") + "/"
    uri = next(d["uri"] for d in source.index["docs"] if d["doc"] == doc)
    box = soup.new_tag("aside", attrs={"class": "zelf-oefenen", "aria-label": "Zelf oefenen"})
    title = soup.new_tag("p", attrs={"class": "zelf-oefenen-titel"})
    title.string = "Zelf oefenen"
    box.append(title)
    p = soup.new_tag("p")
    p.append("Dit is een uitgewerkt voorbeeld. Op de website kun je de oefening zelf doen, met je eigen "
             "antwoorden: ")
    link = soup.new_tag("a", href=site + uri, attrs={"class": "adres"})
    link.string = site + uri
    p.append(link)
    p.append(". Wil je op je eigen computer oefenen? Download dan het oefenpakket: ")
    pack = soup.new_tag("a", href=site + "downloads/" + exercise_pack(), attrs={"class": "adres"})
    pack.string = site + "downloads/" + exercise_pack()
    p.append(pack)
    p.append(".")
    box.append(p)
    return box


def convert(soup: BeautifulSoup, section: Tag, source: Source, doc: str, counter: list[int]) -> None:
    """Turn one placed notebook section into a worked example (in place)."""
    title = section.find(re.compile(r"^h[1-6]$"))
    box = practise_box(soup, source, doc)
    if title is not None:
        title.insert_after(box)
    else:
        section.insert(0, box)
    section["class"] = section.get("class", []) + ["uitgewerkt-voorbeeld"]
    for cell in section.select("div.cell"):
        if {f"tag_{V.WEB_ONLY}"} & set(cell.get("class", [])):
            continue  # kit.clean drops it
        for inp in cell.select("div.cell_input"):
            inp.decompose()
        for stream in cell.select("div.output.stream, div.output.stderr, div.output.text_plain"):
            pre = stream.find("pre")
            stream.replace_with(text_output(soup, pre.get_text() if pre else stream.get_text()))
        for fig in cell.select("figure"):
            caption = fig.find("figcaption")
            if caption is None or not caption.get_text(strip=True):
                raise MissingCaption(f"printbook: a chart in {doc} has no caption; add "
                                     '{"mystnb": {"figure": {"caption": "..."}}} to its cell metadata')
            counter[0] += 1
            for old in caption.select(".caption-number"):
                old.decompose()
            text = caption.get_text(" ", strip=True)
            caption.clear()
            number = soup.new_tag("span", attrs={"class": "figuurnummer"})
            number.string = f"{FIGURE_LABEL} {counter[0]}. "
            caption.append(number)
            caption.append(text)
            fig["class"] = fig.get("class", []) + ["figuur"]
            fig["id"] = fig.get("id") or f"figuur-{counter[0]}"
        if cell.select("div.cell_output img:not(figure img)"):
            raise MissingCaption(f"printbook: a chart in {doc} has no caption; add "
                                 '{"mystnb": {"figure": {"caption": "..."}}} to its cell metadata')
        if not cell.get_text(strip=True) and not cell.find(["img", "figure", "table"]):
            cell.decompose()
    for code in section.select("code"):
        code["class"] = code.get("class", []) + ["in-tekst"]

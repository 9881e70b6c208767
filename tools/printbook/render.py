"""WeasyPrint: print HTML -> tagged PDF (PDF/UA-1 variant), the editions side by side.

The editions are rendered in separate processes (the machine's cores work in parallel). A job may
wait for another: the trainer guide names handbook pages, so it starts once the handbook is laid
out and has written where its anchors landed (:func:`page_anchors`).
The worksheets are laid out once, as the bundle; every single worksheet PDF is a page of that
layout written on its own (WeasyPrint's ``Document.copy``), not a layout of its own.
"""

from __future__ import annotations

import copy
import json
import os
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path

PDF_VARIANT = "pdf/ua-1"  # tagged PDF with /Lang, title and structure for screen readers


def finish_pdf(document, pdf) -> None:
    """A ``write_pdf`` finisher: the viewer opens with the bookmarks panel shown, and every table
    header cell says what it heads (/Scope: PDF/UA 7.5). WeasyPrint links data cells to their
    headers through /Headers but writes no /Scope; it names each header cell's id
    "<table>-<row>-<column>", so a header in the first row heads a column, any other a row."""
    pdf.catalog["PageMode"] = "/UseOutlines"
    for obj in pdf.objects:
        if isinstance(obj, dict) and obj.get("S") == "/TH" and isinstance(obj.get("A"), dict):
            row = str(obj.get("ID", "")).strip("()").split("-")[1:2]
            obj["A"]["Scope"] = "/Column" if row in (["0"], []) else "/Row"


def write(document, target) -> None:
    document.write_pdf(str(target), pdf_variant=PDF_VARIANT, finisher=finish_pdf)


def _render(html: Path, base: Path):
    from weasyprint import HTML

    return HTML(filename=str(html), base_url=str(base) + "/").render()


def page_anchors(document) -> dict[str, int]:
    """Where every id of a laid-out document lands: {id: page number}. The editions never reset
    the page counter, so the printed number is the page's place in the file."""
    found: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for name in page.anchors:
            found.setdefault(name, number)
    return found


def _boxes(box, parents=()):
    """Every box under ``box`` with its ancestors: (box, (ancestors...)); margin boxes left out."""
    from weasyprint.formatting_structure.boxes import MarginBox

    yield box, parents
    for child in getattr(box, "children", []):
        if not isinstance(child, MarginBox):
            yield from _boxes(child, (*parents, box))


def _classes(box) -> list[str]:
    element = getattr(box, "element", None)
    return (element.get("class") or "").split() if element is not None else []


def room_below_writing_lines(document) -> dict[str, int]:
    """Writing areas that end a page: {data-nr: how many more lines fit down to the bottom margin}.
    An area ends a page when nothing on the page comes after the exercise box around it."""
    extra = {}
    for page in document.pages:
        page_box = page._page_box
        bottom = page_box.content_box_y() + page_box.height
        boxes = list(_boxes(page_box))
        areas = [(b, up) for b, up in boxes if "schrijfruimte" in _classes(b) and b.element.get("data-nr")]
        if not areas:
            continue
        area, up = max(areas, key=lambda item: item[0].position_y)
        holder = next((a for a in reversed(up) if "exercise" in _classes(a)), area)
        end = holder.position_y + holder.margin_height()
        inside = {id(holder)} | {id(b) for b, ups in boxes if any(a is holder for a in ups)}
        if any(b.position_y >= end - 0.5 and id(b) not in inside and not getattr(b, "children", None)
               for b, _up in boxes if b is not page_box):
            continue                    # something follows the exercise on this page
        style = area.element.get("style", "")
        pitch_mm = float(style.split("--regel:")[1].split("mm")[0]) if "--regel:" in style else 8.5
        more = int((bottom - end - 2) // (pitch_mm * 96 / 25.4))
        if more >= 1:
            extra[area.element.get("data-nr")] = more
    return extra


def extend_writing_lines(html: Path, extra: dict[str, int]) -> None:
    """Give the writing areas of :func:`room_below_writing_lines` their extra lines, in the HTML."""
    from bs4 import BeautifulSoup

    from tools.printbook import kit

    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    for area in soup.select("div.schrijfruimte[data-nr]"):
        if area["data-nr"] in extra:
            lines = int(area["style"].split("--regels:")[1].split(";")[0]) + extra[area["data-nr"]]
            pitch = float(area["style"].split("--regel:")[1].split("mm")[0])
            new = kit.writing_space(soup, lines, pitch)
            new["data-nr"] = area["data-nr"]
            area.replace_with(new)
    html.write_text(str(soup), encoding="utf-8")


def render_pdf(html: Path, base: Path, target: Path, anchors: Path | None = None, rule_to_bottom: bool = False) -> Path:
    """Render ``html`` to ``target``; with ``anchors``, also write the page of every id there (JSON).
    ``rule_to_bottom``: where an exercise with writing lines ends a page, its lines run down to the
    bottom margin (a second layout, with the HTML changed to match, so every later edition made
    from that HTML has the same pages)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    document = _render(html, base)
    if rule_to_bottom:
        extra = room_below_writing_lines(document)
        if extra:
            extend_writing_lines(html, extra)
            document = _render(html, base)
    if anchors is not None:
        anchors.parent.mkdir(parents=True, exist_ok=True)
        anchors.write_text(json.dumps(page_anchors(document), ensure_ascii=False, sort_keys=True), encoding="utf-8")
    write(document, target)
    return target


def render_worksheets(html: Path, base: Path, bundle: Path, folder: Path, sheets: list[tuple[str, str]],
                      anchors: Path | None = None) -> Path:
    """The bundle, and one PDF per page of it named after ``sheets`` ([(id, title)], in order);
    with ``anchors`` (where the handbook's ids landed), each sheet names its handbook page."""
    if anchors is not None:
        from tools.printbook.trainerguide import fill_handbook_pages

        html.write_text(fill_handbook_pages(html.read_text(encoding="utf-8"),
                                            json.loads(anchors.read_text(encoding="utf-8"))), encoding="utf-8")
    document = _render(html, base)
    if len(document.pages) != len(sheets):
        raise SystemExit(f"printbook: the worksheets take {len(document.pages)} pages for {len(sheets)} sheets; "
                         "every worksheet must fit on one A4 page")
    bundle.parent.mkdir(parents=True, exist_ok=True)
    write(document, bundle)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.pdf"):  # a worksheet whose exercise was removed
        old.unlink()
    for page, (ident, title) in zip(document.pages, sheets):
        single = document.copy([page])
        single.metadata = copy.copy(document.metadata)
        single.metadata.title = title
        write(single, folder / f"{ident}.pdf")
    return bundle


def run_parallel(jobs: list[tuple], after: dict[int, int] | None = None) -> list:
    """Run ``(function, *args)`` jobs in up to one process per core; return their results in order.

    ``after`` maps a job's place to the place of a job it needs done first (an earlier one). A free
    core takes the first job in list order whose prerequisite is done, so a waiting job starts
    as soon as it can and the others fill the cores meanwhile."""
    after = after or {}
    if any(need >= i for i, need in after.items()):
        raise ValueError("run_parallel: a job can only wait for an earlier one")
    workers = max(1, min(len(jobs), os.cpu_count() or 1))
    if workers == 1:
        return [job[0](*job[1:]) for job in jobs]
    results: dict[int, object] = {}
    waiting = list(range(len(jobs)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        running: dict = {}
        while waiting or running:
            for i in [i for i in waiting if after.get(i) is None or after[i] in results]:
                if len(running) >= workers:
                    break
                running[pool.submit(jobs[i][0], *jobs[i][1:])] = i
                waiting.remove(i)
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                results[running.pop(future)] = future.result()
    return [results[i] for i in range(len(jobs))]

"""WeasyPrint: print HTML -> tagged PDF (PDF/UA-1 variant), the editions side by side.

The three editions are rendered in separate processes (the machine's cores work in parallel).
The worksheets are laid out once, as the bundle; every single worksheet PDF is a page of that
layout written on its own (WeasyPrint's ``Document.copy``), not a layout of its own.
"""

from __future__ import annotations

import copy
import os
from concurrent.futures import ProcessPoolExecutor
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


def render_pdf(html: Path, base: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    write(_render(html, base), target)
    return target


def render_worksheets(html: Path, base: Path, bundle: Path, folder: Path, sheets: list[tuple[str, str]]) -> Path:
    """The bundle, and one PDF per page of it named after ``sheets`` ([(id, title)], in order)."""
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


def run_parallel(jobs: list[tuple]) -> list:
    """Run ``(function, *args)`` jobs in up to one process per core; return their results in order."""
    workers = max(1, min(len(jobs), os.cpu_count() or 1))
    if workers == 1:
        return [job[0](*job[1:]) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(job[0], *job[1:]) for job in jobs]
        return [f.result() for f in futures]

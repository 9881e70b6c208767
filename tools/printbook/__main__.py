"""Build the print editions: ``python -m tools.printbook [--html DIR] [--out DIR]``."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from course import ROOT, outputs
from tools.printbook import (
    downloads,
    epub,
    glyphs,
    handbook,
    orgguide,
    printer,
    render,
    trainerguide,
    worksheets,
    workshop,
)
from tools.printbook import source as site

HTML = outputs.SITE
PRINT = outputs.PRINT
PDF = outputs.PDF
#: Where each id of the handbook lands: {id: page}, written when the handbook is laid out.
HANDBOOK_ANCHORS = PRINT / "handboek-anchors.json"


def write_html(html_dir: Path = HTML, print_dir: Path = PRINT) -> tuple[dict[str, Path], list, list, site.Source]:
    """Parse the site once and write the print HTML of every edition and the workshop kit; return
    the files, the sheets, the workshop kit's render jobs and the parsed site."""
    src = site.load(html_dir)
    glyphs.write(html_dir)      # the signs the body font lacks (→, ☐, ○), for every edition
    sheets = worksheets.collect(src)
    print_dir.mkdir(parents=True, exist_ok=True)
    files = {}
    book = handbook.build(src)
    ids = {el["id"] for el in book.find_all(id=True)}
    for name, soup in (("handboek", book),
                       ("trainershandleiding", trainerguide.build(src, sheets, ids)),
                       ("werkbladen", worksheets.build(src, sheets)),
                       (orgguide.NAME, orgguide.build(src))):
        files[name] = print_dir / f"{name}.html"
        files[name].write_text(str(soup), encoding="utf-8")
    try:
        _decks, kit_jobs = workshop.prepare(src, sheets, print_dir)
    except workshop.assemble.AssemblyError as exc:
        raise SystemExit(f"printbook: {exc}") from None
    return files, sheets, kit_jobs, src


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--html", type=Path, default=HTML, help="the built site (default: _build/html)")
    parser.add_argument("--out", type=Path, default=PDF, help="where the PDFs go (default: _build/pdf)")
    args = parser.parse_args()
    start = time.perf_counter()
    files, sheets, kit_jobs, src = write_html(args.html, PRINT)
    prepared = time.perf_counter() - start
    base = args.html.resolve()
    # the handbook first: the trainer guide and worksheets wait for the pages its anchors land on,
    # the printer's interior for its final HTML (writing lines run to the bottom margin)
    jobs = [
        (render.render_pdf, files["handboek"], base, args.out / "handboek.pdf", HANDBOOK_ANCHORS, True),
        (trainerguide.render, files["trainershandleiding"], base, args.out / "trainershandleiding.pdf",
         HANDBOOK_ANCHORS),
        (render.render_worksheets, files["werkbladen"], base, args.out / "werkbladen.pdf",
         args.out / "werkbladen", [(s.ident, f"{worksheets.plain_title(s)} — Werkblad") for s in sheets],
         HANDBOOK_ANCHORS),
        (printer.render_interior, files["handboek"], base, args.out / "handboek-binnenwerk.pdf"),
        (render.render_pdf, files[orgguide.NAME], base, args.out / f"{orgguide.NAME}.pdf"),
    ] + kit_jobs
    done = render.run_parallel(jobs, after={1: 0, 2: 0, 3: 0})
    done.append(printer.render_cover(src, done[3], args.html, PRINT, args.out / "handboek-omslag.pdf"))
    for path in done:
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} ({path.stat().st_size // 1024} KB)")
    print(f"Werkbladen: {len(sheets)} losse bladen in {args.out / 'werkbladen'}")
    decks = sum(j[0] is workshop.render_pack for j in kit_jobs)
    print(f"Workshopmateriaal: {decks} presentaties met printpakket in {workshop.WORKSHOP}")
    book = epub.build(src)
    print(f"{book.relative_to(ROOT) if book.is_relative_to(ROOT) else book} ({book.stat().st_size // 1024} KB)")
    if args.html == HTML and args.out == PDF:
        downloads.publish_downloads(args.html)
    print(f"Print-HTML {prepared:.1f} s, alles samen {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()

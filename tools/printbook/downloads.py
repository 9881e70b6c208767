"""Downloads on the site: the print editions, the Oefenpakket, the diary template and the workshop
kit copied into ``_build/html/downloads/``, and the list of their sizes.

The site is built before the PDFs; its pages already link to ``downloads/...`` under the names in
:mod:`course.outputs` (written by the Sphinx extension) and are never rewritten. This step, run
last by ``python -m tools.printbook``, copies the files and writes ``downloads/lijst.js`` (name →
size), from which ``book/_static/cursus-downloads.js`` labels the links "(PDF, 1,1 MB)" in the
browser.
"""

from __future__ import annotations

from pathlib import Path

from course import ROOT, outputs, published
from course import vocabulary as V
from course.sphinxext.downloads import list_script
from tools import archive
from tools.printbook import oefenpakket

PDF = outputs.PDF
WORKSHOP = outputs.WORKSHOP
PLANS = sorted((ROOT / "book" / "trainers" / "draaiboeken").glob("*.yml"))
#: Everything the site offers for download: (file in the site's downloads/, where it comes from:
#: a file, a folder (zipped when the name ends in .zip), or a function that writes it).
DOWNLOADS = [
    (outputs.HANDBOOK_PDF.name, PDF / outputs.HANDBOOK_PDF.name),
    (outputs.HANDBOOK_EPUB.name, outputs.EPUB / outputs.HANDBOOK_EPUB.name),   # tools/printbook/epub.py
    (outputs.PRINTER_INTERIOR.name, PDF / outputs.PRINTER_INTERIOR.name),  # for a printer: PDF/X-4, bleed (printer.py)
    (outputs.PRINTER_COVER.name, PDF / outputs.PRINTER_COVER.name),        # the cover apart: back, spine, front
    (outputs.TRAINER_GUIDE.name, PDF / outputs.TRAINER_GUIDE.name),
    (outputs.WORKSHEETS.name, PDF / outputs.WORKSHEETS.name),
    (outputs.WORKSHEETS_DIR, PDF / outputs.WORKSHEETS_DIR),     # one PDF per worksheet, werkbladen/<id>.pdf
    (outputs.ORG_GUIDE.name, PDF / outputs.ORG_GUIDE.name),     # tools/printbook/orgguide.py
    (outputs.EXERCISE_PACK.name, oefenpakket.build),            # notebooks, helper package, data, LEESMIJ
    (outputs.DIARY_TEMPLATE.name, ROOT / V.DIARY_TEMPLATE),     # the empty diary, as the notebook reads it
    (outputs.WORKSHOP_DIR, WORKSHOP),                           # per plan: decks, print pack, handout, forms
    *((outputs.kit_zip(plan.stem), WORKSHOP / plan.stem) for plan in PLANS),  # the same folder, zipped
]
SITE = outputs.SITE


def exercise_pack() -> str:
    """The file name of the exercise pack (notebooks, helper package, data) in downloads/."""
    return outputs.EXERCISE_PACK.name


def _zip_folder(folder: Path, target: Path) -> None:
    """The folder zipped under one top folder named after the archive ("oefenmap/..."), byte for
    byte the same on every build; only files inside the repository, under safe names."""
    skip = {"__pycache__", ".ipynb_checkpoints"}
    entries = {}
    for path in published.files_under(folder, folder):
        parts = path.relative_to(folder).parts
        if not skip & set(parts):
            name = "/".join(published.safe_name(p, "zip entry") for p in (target.stem, *parts))
            entries[name] = path.read_bytes()
    archive.write_zip(target, entries)


def _missing(name: str, source: Path) -> str:
    """Why a download's source is missing, in words that say what to do."""
    if source.parent == WORKSHOP:
        return (f"printbook: downloads/{name}: no workshop kit was made for the lesson plan "
                f"book/trainers/draaiboeken/{source.name}.yml, because no page shows it yet: add "
                "a {draaiboek} directive for it to a trainer page, or move the plan out of the folder")
    return f"printbook: downloads/{name}: {source} does not exist (the step that makes it did not run or failed)"


def publish_downloads(site: Path = SITE) -> None:
    """Copy the downloads into the site and write their list; no page is touched."""
    import shutil

    target = site / outputs.DOWNLOADS_DIR
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name, source in DOWNLOADS:
        published.safe_name(name, "download")
        if callable(source):
            source(target / name)
            continue
        if not source.exists():
            raise SystemExit(_missing(name, source))
        source = published.checked(source, ROOT if ROOT in source.parents else source.parent)
        if source.is_dir() and name.endswith(".zip"):
            _zip_folder(source, target / name)
        elif source.is_dir():
            published.files_under(source, source)
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    write_list(site)


def write_list(site: Path = SITE) -> dict[str, int]:
    """``downloads/lijst.js``: every file in downloads/ with its size (also run by tools.lms after
    it adds the SCORM packages)."""
    target = site / outputs.DOWNLOADS_DIR
    sizes = {p.relative_to(target).as_posix(): p.stat().st_size for p in sorted(target.rglob("*"))
             if p.is_file() and p.name != outputs.DOWNLOAD_LIST}
    (target / outputs.DOWNLOAD_LIST).write_text(list_script(sizes), encoding="utf-8")
    print(f"Downloads: {len(sizes)} files in {target}")
    return sizes

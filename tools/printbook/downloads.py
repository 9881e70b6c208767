"""Downloads on the site: the print editions, the Oefenpakket and the diary template copied into
``_build/html/downloads/``, and every link to them labelled with format and size.

The site is built before the PDFs, so its pages link to ``downloads/...``; this step, run last by
``python -m tools.printbook``, copies the files and fills in "(PDF, 1,1 MB)". The list of
downloads is here, in one place.
"""

from __future__ import annotations

from pathlib import Path

from course import ROOT, vocabulary as V
from tools.printbook import oefenpakket

PDF = ROOT / "_build" / "pdf"

#: The workshop kit, one folder per lesson plan (tools/printbook/workshop.py).
WORKSHOP = ROOT / "_build" / "workshop"
PLANS = sorted((ROOT / "book" / "trainers" / "draaiboeken").glob("*.yml"))
#: Everything the site offers for download, in one place: (file in the site's downloads/,
#: where it comes from: a file, a folder (zipped when the name ends in .zip), or a function that
#: writes it).
DOWNLOADS = [
    ("handboek.pdf", PDF / "handboek.pdf"),
    ("handboek.epub", ROOT / "_build" / "epub" / "handboek.epub"),   # tools/printbook/epub.py
    ("handboek-binnenwerk.pdf", PDF / "handboek-binnenwerk.pdf"),   # for a printer: PDF/X-4, bleed (printer.py)
    ("handboek-omslag.pdf", PDF / "handboek-omslag.pdf"),           # the cover apart: back, spine, front
    ("trainershandleiding.pdf", PDF / "trainershandleiding.pdf"),
    ("werkbladen.pdf", PDF / "werkbladen.pdf"),
    ("werkbladen", PDF / "werkbladen"),                # one PDF per worksheet, werkbladen/<id>.pdf
    ("oefenpakket.zip", oefenpakket.build),            # notebooks, helper package, data, requirements, LEESMIJ
    ("dagboek-sjabloon.csv", ROOT / V.DIARY_TEMPLATE),  # the empty diary, as the notebook reads it
    ("workshop", WORKSHOP),                            # per plan: decks, print pack, handout, forms
    *((f"workshop-{plan.stem}.zip", WORKSHOP / plan.stem) for plan in PLANS),  # the same folder, zipped
]
SITE = ROOT / "_build" / "html"


def exercise_pack() -> str:
    """The file name of the exercise pack (notebooks, helper package, data) in downloads/."""
    return next(name for name, source in DOWNLOADS if source is oefenpakket.build)

FORMATS = {".pdf": "PDF", ".zip": "zip", ".epub": "EPUB", ".csv": "CSV", ".html": "HTML", ".pptx": "PowerPoint",
           ".txt": "tekst"}


def _size(n: int) -> str:
    """Dutch file size: '91 kB', '1,1 MB'."""
    if n < 1000 * 1000:
        return f"{max(1, round(n / 1000))} kB"
    return f"{n / 1000 / 1000:.1f} MB".replace(".", ",")


def _zip_folder(folder: Path, target: Path) -> None:
    """The folder zipped under one top folder named after the archive ("oefenmap/...")."""
    import zipfile

    skip = {"__pycache__", ".ipynb_checkpoints"}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not skip & set(path.relative_to(folder).parts):
                archive.write(path, Path(target.stem) / path.relative_to(folder))


def _download_link(soup, href: str, text: str, info: str, web_only: bool = False):
    """A download link with its format and size; ``web_only`` for one next to a reference that
    print keeps (paper cannot download: the print editions and print.css leave it out)."""
    classes = "cursus-download cursus-werkblad-download" + (f" {V.WEB_ONLY}" if web_only else "")
    link = soup.new_tag("a", attrs={"class": classes, "href": href, "download": ""})
    link.string = text
    span = soup.new_tag("span", attrs={"class": "cursus-download-info"})
    span.string = info
    link.append(span)
    return link


def publish_downloads(site: Path = SITE) -> None:
    """Copy the downloads into the site and label every link to them with format and size.

    The site is built before the PDFs, so its pages link to downloads/... and this step, run
    last, fills in "(PDF, 1,1 MB)" on links with class ``cursus-download`` and adds a download
    link after every worksheet reference (``a.werkblad-ref``, whose #anchor is the worksheet
    id) and to every id in the worksheet table. Run again, it replaces what it wrote.
    """
    import shutil

    from bs4 import BeautifulSoup

    target = site / "downloads"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name, source in DOWNLOADS:
        if callable(source):
            source(target / name)
        elif source.is_dir() and name.endswith(".zip"):
            _zip_folder(source, target / name)
        elif source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    sizes = {p.relative_to(target).as_posix(): p.stat().st_size for p in target.rglob("*") if p.is_file()}

    def info(name: str) -> str:
        return f" ({FORMATS.get(Path(name).suffix, Path(name).suffix[1:])}, {_size(sizes[name])})"

    pages = 0
    for page in site.rglob("*.html"):
        if {"_static", "_sources", "downloads"} & set(page.relative_to(site).parts):
            continue
        text = page.read_text(encoding="utf-8")
        if not any(marker in text for marker in ("cursus-download", "werkblad-ref", "werkbladen-tabel")):
            continue
        soup = BeautifulSoup(text, "html.parser")
        prefix = "../" * (len(page.relative_to(site).parts) - 1) + "downloads/"
        for old in soup.select("table.werkbladen-tabel a.cursus-werkblad-download"):
            old.replace_with(old.contents[0])      # back to the bare worksheet id
        for old in soup.select(".cursus-download-info, .cursus-werkblad-download"):
            old.decompose()
        for link in soup.select("a.cursus-download"):
            name = link.get("href", "").split("downloads/", 1)[-1]
            if name in sizes:
                span = soup.new_tag("span", attrs={"class": "cursus-download-info"})
                span.string = info(name)
                link.append(span)
        for anchor in soup.select("a.werkblad-ref"):
            name = f"werkbladen/{anchor.get('href', '').rpartition('#')[2]}.pdf"
            if name in sizes:
                anchor.insert_after(_download_link(soup, prefix + name, "Download werkblad", info(name), web_only=True))
                anchor.insert_after(" ")
        for cell in soup.select("table.werkbladen-tabel tbody tr > td:first-child"):
            ident = cell.get_text(strip=True)
            name = f"werkbladen/{ident}.pdf"
            if name in sizes and not cell.a:
                holder = cell.p or cell
                holder.clear()
                holder.append(_download_link(soup, prefix + name, ident, info(name)))
        page.write_text(str(soup), encoding="utf-8")
        pages += 1
    print(f"Downloads: {len(sizes)} files in {target}, links on {pages} pages")

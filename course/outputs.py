"""Every output of the build, declared once: the build folders, the site's downloads and their
Dutch labels, and the small files the steps hand each other.

The Sphinx extension writes the download links from here while it builds the site, so the pages
are final when Sphinx ends; the print step (``tools/printbook``) and the LMS step (``tools/lms``)
write the files under these names and copy them into the site's ``downloads/`` folder; the
benchmark and the tests find them here too. See ARCHITECTURE.md, "Outputs".
"""

from __future__ import annotations

from dataclasses import dataclass

from course import ROOT

# --- build folders ---------------------------------------------------------------------------------

BUILD = ROOT / "_build"
#: The site (Sphinx's html builder, through jupyter-book).
SITE = BUILD / "html"
#: The print editions (PDF) and the single worksheets.
PDF = BUILD / "pdf"
#: The EPUB.
EPUB = BUILD / "epub"
#: The print route's own working files (the HTML it renders, the handbook's page map).
PRINT = BUILD / "print"
#: The workshop kit, one folder per lesson plan.
WORKSHOP = BUILD / "workshop"
#: The SCORM packages.
LMS = BUILD / "lms"
#: myst-nb's notebook cache.
JUPYTER_CACHE = BUILD / ".jupyter_cache"

# --- the site's downloads -----------------------------------------------------------------------------

#: The folder in the site that holds every download.
DOWNLOADS_DIR = "downloads"
#: The list of downloads with their sizes, written by the print step (``window.cursusDownloads``),
#: read by ``book/_static/cursus-downloads.js`` to label the links "(PDF, 1,1 MB)".
DOWNLOAD_LIST = "lijst.js"
#: The folder of single worksheets in downloads/ (``werkbladen/<id>.pdf``).
WORKSHEETS_DIR = "werkbladen"
#: The workshop kit in downloads/: ``workshop/<plan>/...`` and ``workshop-<plan>.zip``.
WORKSHOP_DIR = "workshop"
#: The hashes of the site's pages as Sphinx wrote them (the test that no later step rewrites them).
PAGE_HASHES = BUILD / "pagina-hashes.json"


@dataclass(frozen=True)
class Download:
    name: str  # the file in downloads/
    label: str  # what a page calls it (Dutch)


HANDBOOK_PDF = Download("handboek.pdf", "Handboek (PDF)")
HANDBOOK_EPUB = Download("handboek.epub", "Handboek voor e-readers (EPUB)")
PRINTER_INTERIOR = Download("handboek-binnenwerk.pdf", "Binnenwerk voor de drukker (PDF/X-4, met afloop)")
PRINTER_COVER = Download("handboek-omslag.pdf", "Omslag voor de drukker (achterkant, rug, voorkant)")
TRAINER_GUIDE = Download("trainershandleiding.pdf", "Trainershandleiding")
WORKSHEETS = Download("werkbladen.pdf", "Alle werkbladen")
EXERCISE_PACK = Download("oefenpakket.zip", "Oefenpakket")
DIARY_TEMPLATE = Download("dagboek-sjabloon.csv", "Leeg dagboek (CSV)")
ORG_GUIDE = Download("handleiding-leeromgeving.pdf", "Handleiding voor de beheerder van de leeromgeving")

#: The Dutch name of each file format, for "(PDF, 1,1 MB)".
FORMATS = {".pdf": "PDF", ".zip": "zip", ".epub": "EPUB", ".csv": "CSV", ".html": "HTML", ".pptx": "PowerPoint",
           ".txt": "tekst"}


def worksheet(ident: str) -> str:
    """The single worksheet's file in downloads/: ``werkbladen/m1-casus-greet.pdf``."""
    return f"{WORKSHEETS_DIR}/{ident}.pdf"


def kit_zip(plan: str) -> str:
    return f"{WORKSHOP_DIR}-{plan}.zip"


def kit_file(plan: str, name: str) -> str:
    return f"{WORKSHOP_DIR}/{plan}/{name}"


def href(depth: int, name: str) -> str:
    """The link from a page ``depth`` folders down to a file in downloads/."""
    return "../" * depth + f"{DOWNLOADS_DIR}/{name}"

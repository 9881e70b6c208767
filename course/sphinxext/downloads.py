"""Downloads: the site's pages are final when Sphinx ends.

The print editions, the workshop kit and the LMS packages are made after the site, from it, so
their sizes are not known while Sphinx writes the pages. The pages therefore link to the names
declared in :mod:`course.outputs` and never change again: the print step copies the files into
``downloads/`` and writes ``downloads/lijst.js`` (name → size); ``book/_static/cursus-downloads.js``
labels each link "(PDF, 1,1 MB)" from that list in the browser.

At the very end of the build this job

- writes an empty ``downloads/lijst.js`` when there is none yet (a site built without the print
  step then loads no missing file), and
- records the SHA-256 of every page in ``_build/pagina-hashes.json``; ``tests/test_site.py``
  requires the same hashes after the print and LMS steps, so no later step can rewrite a page.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sphinx.application import Sphinx

from course import outputs


def list_script(sizes: dict[str, int]) -> str:
    """``downloads/lijst.js``: the downloads and their sizes in bytes, as data (JSON)."""
    body = json.dumps(dict(sorted(sizes.items())), ensure_ascii=True, indent=0)
    return f"window.cursusDownloads = {body};\n"


def page_hashes(site: Path) -> dict[str, str]:
    """SHA-256 of every HTML page of the site that Sphinx wrote (not the copied downloads)."""
    return {
        page.relative_to(site).as_posix(): hashlib.sha256(page.read_bytes()).hexdigest()
        for page in sorted(site.rglob("*.html"))
        if page.relative_to(site).parts[0] != outputs.DOWNLOADS_DIR
    }


def finish(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.name != "html":
        return
    site = Path(app.outdir)
    listing = site / outputs.DOWNLOADS_DIR / outputs.DOWNLOAD_LIST
    if not listing.exists():
        listing.parent.mkdir(parents=True, exist_ok=True)
        listing.write_text(list_script({}), encoding="utf-8")
    record = site.parent / outputs.PAGE_HASHES.name
    record.write_text(json.dumps(page_hashes(site), indent=1, sort_keys=True) + "\n", encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.add_js_file("cursus-downloads.js", defer="defer")
    # Last of all build-finished handlers: the hashes are of the pages as the build leaves them.
    app.connect("build-finished", finish, priority=1000)

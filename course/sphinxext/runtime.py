"""Zelf proberen in je browser: every notebook page can run its notebook in the learner's browser.

Three things, all for notebook pages only (the course model knows which pages are notebooks):

1. ``add_to_page`` (html-page-context): a small panel after the notebook's introduction, with
   the button "Zelf proberen in je browser (eenmalig ca. 14 MB)" (the size measured from the
   files below), what happens to her data, and the Oefenpakket download; and
   ``cursus-oefenen.js`` and ``cursus-oefenen.css`` on notebook pages only (a few kB; nothing
   else loads before the click). Paths and cell classes go in ``data-`` attributes; the panel
   carries no script. It is written into the page's HTML, not the doctree, so the search index
   does not grow with it.
2. ``copy_runtime`` (build-finished): the files Pyodide needs, from ``node_modules/pyodide``
   (``npm ci``, pinned in package-lock.json; the list is :data:`RUNTIME_FILES`), into
   ``_python/pyodide/``, and one zip ``_python/oefenen.zip`` with what the notebooks import: the
   helper package's own source files, the installed files of drawsvg from the build's venv (the
   version requirements.txt pins), the data files and the glue ``cursus_oefenen.py``. So the
   browser runs the same code as the notebook. Both are rewritten only when they change.

The page script, the worker and the glue are in ``book/_static`` (``cursus-oefenen*.js``,
``cursus_oefenen.py``). Why this is our own code: CONTRIBUTING.md, "Own code and why".
"""

from __future__ import annotations

import html
import io
import re
import shutil
import zipfile
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from course import ROOT, exercises, model, published
from course import vocabulary as V

logger = logging.getLogger(__name__)

#: Where ``npm ci`` puts Pyodide (package.json, package-lock.json).
PYODIDE = ROOT / "node_modules" / "pyodide"
#: The only files of the npm package the site needs: the loader, the WebAssembly build of
#: CPython and its JavaScript glue, the standard library, and the package list the loader reads.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
#: The site folder for the runtime (outside _static: the CSS purge reads every script there).
OUT = "_python"
ZIP = "oefenen.zip"
#: The glue that runs a cell as Jupyter would (book/_static/cursus_oefenen.py), put in the zip.
GLUE = "cursus_oefenen.py"
SCRIPT, WORKER, STYLESHEET = "cursus-oefenen.js", "cursus-oefenen-worker.js", "cursus-oefenen.css"
#: Seconds one cell may run in the browser before Python is stopped (cursus-oefenen.js).
TIME_LIMIT = 30
#: The one download for people who use Jupyter (made by tools/printbook/downloads.py).
PACK = "oefenpakket.zip"
#: The diary of module 4 as a worksheet (tools/printbook/worksheets.py, DIARY_ID).
DIARY_SHEET = "m4-dagboek"
#: What the runtime adds to the Content-Security-Policy of a notebook page (course/sphinxext/csp.py
#: writes the policy; measured in Chromium, tests/test_runtime.py runs the runtime under it):
#: Pyodide compiles WebAssembly ('wasm-unsafe-eval') and its Emscripten glue evaluates JavaScript
#: snippets at start-up ('unsafe-eval', in the page's policy as well as the worker's: there is no
#: build of Pyodide without it); the worker starts from a blob: address (so that it inherits the
#: page's policy and its Python can reach this site only) and imports the site's worker script;
#: charts are data: images (in the policy of every page). Pages without a notebook get none of this.
CSP_NEEDS = {"script-src": ("'wasm-unsafe-eval'", "'unsafe-eval'"), "worker-src": ("blob:",)}


def _is_notebook(app: Sphinx, docname: str) -> bool:
    return docname in model.load(Path(app.srcdir)).notebooks


def runtime_bytes() -> int:
    """What the button's first click loads, roughly: the runtime files plus the zipped sources."""
    files = [PYODIDE / name for name in RUNTIME_FILES]
    return sum(p.stat().st_size for p in files if p.exists()) + len(_zip_bytes())


def _megabytes(n: int) -> str:
    return f"{max(1, round(n / 1_000_000))}"


def _asks_for_a_file(docname: str, root: Path) -> bool:
    """Whether the notebook has a cell tagged for the learner's own file (module 4's diary)."""
    import json

    path = model.load(root).source(docname)
    cells = json.loads(path.read_text(encoding="utf-8")).get("cells", []) if path else []
    return any(V.FILE_TAG in c.get("metadata", {}).get("tags", []) for c in cells)


def panel_html(docname: str, size: int, root: Path = ROOT) -> str:
    """The panel's HTML (Dutch text; no script, no inline handler)."""
    up = "../" * docname.count("/")
    diary = ""
    if _asks_for_a_file(docname, root):
        template = V.DIARY_TEMPLATE.rsplit("/", 1)[-1]
        diary = f"""<p>Nog geen dagboek?
<a class="cursus-download" href="{up}downloads/{template}">Download het lege dagboek</a>
en vul het in met Excel, LibreOffice of Numbers (met een puntkomma tussen de kolommen, opgeslagen als CSV UTF-8).
Liever op papier?
<a class="cursus-download" href="{up}downloads/werkbladen/{DIARY_SHEET}.pdf">Download het dagboek als werkblad</a>.</p>
"""
    attrs = {
        "class": f"cursus-oefenen {V.WEB_ONLY}",
        "aria-labelledby": "cursus-oefenen-kop",
        "data-werker": f"{up}_static/{WORKER}",
        "data-cel": f"tag_{V.EDITABLE_TAG}",
        "data-bestand": f"tag_{V.FILE_TAG}",
        "data-voorbeeldfout": V.SHOWN_ERROR_TAG,
        "data-bytes": str(size),
        "data-tijdslimiet": str(TIME_LIMIT),
    }
    attributes = " ".join(f'{k}="{html.escape(v)}"' for k, v in attrs.items())
    return f"""<section {attributes}>
<h2 class="cursus-oefenen-kop" id="cursus-oefenen-kop">Zelf oefenen</h2>
<p>Hieronder zie je het notebook met de uitkomst van een voorbeeldantwoord. Wil je zelf iets
veranderen en uitvoeren? Dat kan hier in je browser, zonder iets te installeren.</p>
<p class="cursus-oefenen-knoppen" hidden=""><button type="button" class="cursus-knop cursus-oefenen-start"
>Zelf proberen in je browser (eenmalig ca. {_megabytes(size)} MB)</button></p>
<p class="cursus-oefenen-duur" hidden="">Op een snelle verbinding duurt dat een paar seconden, op mobiel
internet soms een halve minuut. Je ziet hoe ver het is.</p>
<p class="cursus-oefenen-privacy" hidden="">Na de klik haalt je browser één keer Python op van deze website.
Daarna gebeurt alles op je eigen computer: wat je typt en de bestanden die je kiest, gaan nergens heen.</p>
<p class="cursus-oefenen-status" role="status" aria-live="polite"></p>
<p>Werk je liever in Jupyter op je eigen computer?
<a class="cursus-download" href="{up}downloads/{PACK}">Download het oefenpakket</a>:
de vier notebooks met de hulpfuncties, de voorbeeldbestanden en een korte uitleg.</p>
{diary}</section>
"""


#: Where the panel goes in a notebook page's body: before its first sub-section or code cell,
#: i.e. right after the notebook's introduction.
_AFTER_INTRO = re.compile(r'<section id=|<div class="cell[ "]')


def add_panel(body: str, docname: str, root: Path = ROOT) -> str:
    """The page body with the panel after the introduction (written into the page, not the
    doctree: the search index and the print editions leave it out)."""
    first = _AFTER_INTRO.search(body, body.find("</h1>") + 1)
    at = first.start() if first else len(body)
    return body[:at] + panel_html(docname, runtime_bytes(), root) + body[at:]


def add_to_page(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if app.builder.format != "html" or not _is_notebook(app, pagename) or "body" not in context:
        return
    context["body"] = add_panel(context["body"], pagename, Path(app.srcdir))
    app.add_css_file(STYLESHEET)
    app.add_js_file(SCRIPT, defer="defer")


def _zip_bytes() -> bytes:
    """oefenen.zip: helper sources, drawsvg as installed, data, glue; the same bytes for the same
    files (fixed dates, sorted), so an unchanged zip is not rewritten."""
    entries = [(p, f"{Path(V.HELPER_PACKAGE).name}/{p.name}") for p in exercises.helper_sources()]
    for dist in exercises.BROWSER_PACKAGES:
        entries += exercises.installed_files(dist)
    entries += [(p, f"data/{p.name}") for p in exercises.data_files()]
    entries.append((published.checked(ROOT / "book" / "_static" / GLUE), GLUE))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, name in sorted(entries, key=lambda e: e[1]):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def _copy_if_changed(source: Path, target: Path) -> None:
    if target.exists() and target.stat().st_size == source.stat().st_size \
            and target.stat().st_mtime_ns == source.stat().st_mtime_ns:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


def copy_runtime(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html" or not model.load(Path(app.srcdir)).notebooks:
        return
    missing = [name for name in RUNTIME_FILES if not (PYODIDE / name).exists()]
    if missing:
        logger.warning("the in-browser runtime is missing (%s): run `npm ci` (make html does)", ", ".join(missing))
        return
    out = Path(app.outdir) / OUT
    for name in RUNTIME_FILES:
        _copy_if_changed(published.checked(PYODIDE / name, PYODIDE), out / "pyodide" / name)
    data = _zip_bytes()
    target = out / ZIP
    if not target.exists() or target.read_bytes() != data:
        target.write_bytes(data)


def panel_changed(app: Sphinx, env, added, changed, removed) -> list[str]:
    """Sphinx writes a page only when its document changed: when the panel itself changes (its
    text, the runtime's size), ask for the notebook pages again."""
    import hashlib

    notebooks = model.load(Path(app.srcdir)).notebooks
    size = runtime_bytes()
    stamp = hashlib.sha256("".join(panel_html(d, size, Path(app.srcdir)) for d in notebooks).encode()).hexdigest()
    if getattr(env, "course_panel_stamp", None) == stamp:
        return []
    env.course_panel_stamp = stamp
    return notebooks


def setup(app: Sphinx) -> None:
    app.connect("env-get-outdated", panel_changed)
    app.connect("html-page-context", add_to_page)
    app.connect("build-finished", copy_runtime)

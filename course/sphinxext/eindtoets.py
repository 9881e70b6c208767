"""The final test on the site: the item bank reaches the test page as data written by the build.

``_config.yml`` sets ``cursus_eindtoets`` (test length and pass mark, checked by
:func:`course.toets.check_settings`). After an HTML build the job loads the bank with every check
on (objectives from the modules, pages from the toc) and writes ``_static/cursus-eindtoets.js``:
``window.CURSUS_EINDTOETS = {...}``, a script rather than a JSON file, so that pages opened from a
folder (``file://``) can read it. Only the test page loads it, before ``cursus-toets.js``. A bad
bank fails the build with the loader's Dutch message (file and line).

Text stays text: the browser script sets every string with ``textContent``, and the JSON escapes
``<``, ``>``, ``&`` and the two JavaScript line separators, so no string can end the script.
"""

from __future__ import annotations

import base64
import io
import json
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from course import ROOT, model, toets

logger = logging.getLogger(__name__)

#: The page that runs the test, and the files it loads (in this order).
PAGE = "book/afronden/eindtoets"
DATA = "cursus-eindtoets.js"
SCRIPT = "cursus-toets.js"
#: The certificate of participation: made in the browser with pdf-lib and fontkit (npm), which the
#: page loads only when the learner asks for the PDF; the course font goes in as TrueType.
CERTIFICATE_PAGE = "book/afronden/bewijs"
CERTIFICATE_SCRIPT = "cursus-bewijs.js"
VENDOR = Path("vendor") / "pdf-lib"
NPM = {"pdf-lib.min.js": ROOT / "node_modules" / "pdf-lib" / "dist" / "pdf-lib.min.js",
       "fontkit.umd.min.js": ROOT / "node_modules" / "@pdf-lib" / "fontkit" / "dist" / "fontkit.umd.min.js"}
PACKAGES = (ROOT / "node_modules" / "pdf-lib", ROOT / "node_modules" / "@pdf-lib" / "fontkit")
FONTS = {"regular": "atkinson-hyperlegible-latin-400-normal.woff2",
         "bold": "atkinson-hyperlegible-latin-700-normal.woff2"}
FONT_SCRIPT = "cursus-lettertype.js"
FONT_DIR = ROOT / "book" / "_static" / "fonts"
#: The course evaluation (no bank data needed).
EVALUATION_PAGE = "book/afronden/evaluatie"
EVALUATION_SCRIPT = "cursus-evaluatie.js"
#: The self-ratings per objective before module 1 and after the test (cursus-meting.js, the same data).
RATING_PAGES = ("book/start/voormeting", "book/afronden/nameting")
RATING_SCRIPT = "cursus-meting.js"
ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_text(data: dict) -> str:
    """``window.CURSUS_EINDTOETS = ...;`` with every character that could end a script escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, escaped in ESCAPES.items():
        text = text.replace(char, escaped)
    return f"window.CURSUS_EINDTOETS = {text};\n"


def browser_data(bank: toets.Bank, settings: dict, href, title, objectives: dict[int, list[str]] | None = None) -> dict:
    """What the test page needs: settings, per module its quota, the units with their questions.
    ``href(doc)`` gives a link relative to the test page, ``title(doc)`` the page's title."""
    modules = bank.modules()
    quotas = toets.quota(len(modules), settings["lengte"])
    return {
        "v": 1,
        "lengte": settings["lengte"], "cesuur": settings["cesuur"],
        "nodig": toets.pass_score(settings["lengte"], settings["cesuur"]),
        "doelen": toets.objectives_list(objectives or {}),
        "modules": [{"nummer": m, "quota": q, "maxKennis": toets.max_knowledge(q)} for m, q in zip(modules, quotas)],
        "eenheden": [{
            "id": u.id, "module": u.module, "situatie": u.situatie,
            "vragen": [{
                "id": q.id, "doel": q.doel, "niveau": q.niveau, "type": q.type, "vraag": q.vraag,
                "opties": [o.tekst for o in q.opties], "feedback": [o.feedback for o in q.opties],
                "sleutel": list(q.sleutel), "herlees": {"href": href(q.herlees), "titel": title(q.herlees)},
            } for q in u.vragen],
        } for u in bank.units],
    }


def _has_test(app: Sphinx) -> bool:
    return PAGE in app.env.found_docs and (Path(app.srcdir) / toets.BANK).is_dir()


def add_to_page(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if app.builder.format != "html" or not _has_test(app):
        return
    if pagename == EVALUATION_PAGE:
        app.add_js_file(EVALUATION_SCRIPT, defer="defer")
    if pagename not in (PAGE, CERTIFICATE_PAGE, *RATING_PAGES):
        return
    app.add_js_file(DATA, defer="defer")
    script = {PAGE: SCRIPT, CERTIFICATE_PAGE: CERTIFICATE_SCRIPT}.get(pagename, RATING_SCRIPT)
    app.add_js_file(script, defer="defer")


def write(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html" or not _has_test(app):
        return
    root = Path(app.srcdir)
    course = model.load(root)
    objectives = {m.number: course.objectives(m) for m in course.modules}
    try:
        settings = toets.check_settings(app.config.cursus_eindtoets)
        bank = toets.load_bank(root / toets.BANK, objectives, set(app.env.found_docs), root=root)
    except toets.ToetsError as exc:
        logger.warning("%s", exc)
        return

    def title(doc: str) -> str:
        node = app.env.titles.get(doc)
        return node.astext() if node is not None else doc

    data = browser_data(bank, settings, lambda doc: app.builder.get_relative_uri(PAGE, doc), title, objectives)
    data["cursus"] = {"titel": course.title_text, "versie": course.substitutions.get("versie", ""),
                      "adres": course.substitutions.get("site_url", ""), "studielast": toets.study_hours(course)}
    _write_vendor(Path(app.outdir) / "_static")
    target = Path(app.outdir) / "_static" / DATA
    text = script_text(data)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def _changed(target: Path, data: bytes) -> None:
    if not target.exists() or target.read_bytes() != data:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def font_script(fonts: Path) -> str:
    """The course font as TrueType in base64 (pdf-lib embeds TrueType; the site has WOFF2), as a
    script so that it also loads from a folder."""
    from fontTools.ttLib import TTFont

    out = {}
    for name, file in FONTS.items():
        font = TTFont(fonts / file)
        font.flavor = None
        buffer = io.BytesIO()
        font.save(buffer)
        out[name] = base64.b64encode(buffer.getvalue()).decode("ascii")
    return "window.CURSUS_LETTERTYPE = " + json.dumps(out, sort_keys=True) + ";\n"


def _write_vendor(static: Path) -> None:
    missing = [str(p) for p in NPM.values() if not p.exists()]
    if missing:
        logger.warning("the certificate needs pdf-lib and @pdf-lib/fontkit (%s): run `npm ci` (make html does)",
                       ", ".join(missing))
        return
    for name, source in NPM.items():
        target = static / VENDOR / name
        if not target.exists() or target.stat().st_size != source.stat().st_size:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    pdflib, fontkit = (json.loads((p / "package.json").read_text(encoding="utf-8")) for p in PACKAGES)
    text = (PACKAGES[0] / "LICENSE.md").read_text(encoding="utf-8").strip()
    licences = (f"pdf-lib {pdflib['version']} (npm pdf-lib), licence {pdflib['license']}:\n\n{text}\n\n"
                f"@pdf-lib/fontkit {fontkit['version']} (npm @pdf-lib/fontkit): licence {fontkit['license']}, "
                f"author {fontkit['author']}; a fork of fontkit by Devon Govett (MIT).\n\n"
                "Atkinson Hyperlegible, embedded in the certificate: SIL Open Font License 1.1, see "
                "_static/fonts/OFL.txt.\n")
    _changed(static / VENDOR / "LICENSES.txt", licences.encode("utf-8"))
    _changed(static / VENDOR / FONT_SCRIPT, font_script(FONT_DIR).encode("ascii"))


def setup(app: Sphinx) -> None:
    app.add_config_value("cursus_eindtoets", dict(toets.DEFAULTS), "html", types=[dict])
    app.connect("html-page-context", add_to_page)
    app.connect("build-finished", write)

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

import json
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from course import model, toets

logger = logging.getLogger(__name__)

#: The page that runs the test, and the files it loads (in this order).
PAGE = "book/afronden/eindtoets"
DATA = "cursus-eindtoets.js"
SCRIPT = "cursus-toets.js"
ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_text(data: dict) -> str:
    """``window.CURSUS_EINDTOETS = ...;`` with every character that could end a script escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, escaped in ESCAPES.items():
        text = text.replace(char, escaped)
    return f"window.CURSUS_EINDTOETS = {text};\n"


def browser_data(bank: toets.Bank, settings: dict, href, title) -> dict:
    """What the test page needs: settings, per module its quota, the units with their questions.
    ``href(doc)`` gives a link relative to the test page, ``title(doc)`` the page's title."""
    modules = bank.modules()
    quotas = toets.quota(len(modules), settings["lengte"])
    return {
        "v": 1,
        "lengte": settings["lengte"], "cesuur": settings["cesuur"],
        "nodig": toets.pass_score(settings["lengte"], settings["cesuur"]),
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
    if app.builder.format != "html" or pagename != PAGE or not _has_test(app):
        return
    app.add_js_file(DATA, defer="defer")
    app.add_js_file(SCRIPT, defer="defer")


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

    data = browser_data(bank, settings, lambda doc: app.builder.get_relative_uri(PAGE, doc), title)
    target = Path(app.outdir) / "_static" / DATA
    text = script_text(data)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.add_config_value("cursus_eindtoets", dict(toets.DEFAULTS), "html", types=[dict])
    app.connect("html-page-context", add_to_page)
    app.connect("build-finished", write)

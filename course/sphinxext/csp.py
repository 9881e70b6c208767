"""A Content-Security-Policy on every page: only the site's own scripts and styles run.

Each page written in the build gets a ``<meta http-equiv="Content-Security-Policy">`` as the first
element of its ``<head>``. It allows scripts and styles from the site itself and, by their sha256
hash, exactly the inline scripts, ``<style>`` blocks and style attributes Sphinx and the theme put
in that page (a few lines of configuration each; the theme offers no way to move them into
files). Inline event handlers are not allowed at all: the one the theme writes (``onclick`` on
"Afdrukken of opslaan als PDF") becomes ``data-cursus-klik``, bound by ``cursus-site.js``; any
other inline handler fails the build, so none slips in unseen. Notebook pages get what the
in-browser Python runtime needs on top (``runtime.CSP_NEEDS``: WebAssembly, the evaluation
Pyodide's start-up code does, a worker from the site, blob: images); no other page does.

Over http and from a folder (file://) alike, nothing outside the site can load or run.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

from course import model, published
from course.sphinxext import _pages

logger = logging.getLogger(__name__)

#: Inline handlers the theme writes, and the action ``cursus-site.js`` binds in their place.
HANDLERS = {"window.print()": "afdrukken"}

#: Sphinx's doctools.js compiles the catalogue's plural rule with ``new Function`` (an eval the
#: policy forbids). The rule of the site's language is a fixed arithmetic expression (Dutch:
#: ``(n != 1)``); the copy in the build gets it written out as a plain function instead. A Sphinx
#: version whose doctools.js differs fails the build here, so the policy is never loosened.
DOCTOOLS_EVAL = """Documentation.PLURAL_EXPR = new Function(
      "n",
      `return (${catalog.plural_expr})`
    );"""

_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)
_STYLE_EL = re.compile(r"<style[^>]*>(.*?)</style>", re.S | re.I)
_STYLE_ATTR = re.compile(r'\sstyle="([^"]*)"')
_HANDLER = re.compile(r'\s(on[a-z]+)="([^"]*)"', re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)
_OLD_META = re.compile(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>')


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def policy(html: str, runtime: bool = False) -> str:
    """The policy for one page, from what the page itself inlines (and the runtime's needs)."""
    from course.sphinxext.runtime import CSP_NEEDS

    scripts = sorted({_hash(m.group(1)) for m in _SCRIPT.finditer(html)})
    styles = sorted({_hash(m.group(1)) for m in _STYLE_EL.finditer(html)}
                    | {_hash(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))
                       for m in _STYLE_ATTR.finditer(html)})
    directives = {
        "default-src": ["'none'"],
        "script-src": ["'self'", *scripts],
        "style-src": ["'self'", *(["'unsafe-hashes'"] if _STYLE_ATTR.search(html) else []), *styles],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
    }
    if runtime:
        for name, sources in CSP_NEEDS.items():
            directives[name] = [s for s in directives[name] if s != "'none'"] + list(sources)
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def secure(html: str, where: str, runtime: bool = False) -> str:
    """The page with its inline handlers replaced and its policy in front of everything."""
    def handler(m: re.Match) -> str:
        action = HANDLERS.get(m.group(2).strip())
        if m.group(1).lower() != "onclick" or action is None:
            logger.warning(f"{where}: inline event handler {m.group(1)}=\"{m.group(2)}\" is not allowed by the "
                           "Content-Security-Policy (bind it in a script instead)", type="course", subtype="csp")
            return ""
        return f' data-cursus-klik="{action}"'

    html = _HANDLER.sub(handler, _OLD_META.sub("", html))
    meta = f'\n    <meta http-equiv="Content-Security-Policy" content="{policy(html, runtime)}" />'
    return _HEAD.sub(lambda m: m.group(0) + meta, html, count=1)


def _no_eval_in_doctools(app: Sphinx, outdir: Path) -> None:
    doctools = outdir / "_static" / "doctools.js"
    if not doctools.exists():
        return
    text = doctools.read_text(encoding="utf-8")
    if DOCTOOLS_EVAL not in text:
        if "new Function" in text:
            logger.warning("_static/doctools.js: the plural rule is compiled in a way course/sphinxext/csp.py does not "
                           "know; the Content-Security-Policy would block it", type="course", subtype="csp")
        return
    translations = outdir / "_static" / "translations.js"
    found = re.search(r'"plural_expr":\s*"([^"]*)"', translations.read_text(encoding="utf-8")) \
        if translations.exists() else None
    rule = found.group(1) if found else "(n != 1)"
    if not re.fullmatch(r"[n0-9\s()!=<>&|%?:+\-]+", rule):
        logger.warning(f"_static/translations.js: unexpected plural rule {rule!r}", type="course", subtype="csp")
        return
    replacement = f"Documentation.PLURAL_EXPR = (n) => Number({rule});"
    doctools.write_text(text.replace(DOCTOOLS_EVAL, replacement), encoding="utf-8")


def _no_template_fragments(outdir: Path) -> None:
    """The themes ship their Jinja macro files (``webpack-macros.html``) in their static folders,
    so Sphinx copies them into ``_static/``. No page uses them, yet a browser opens one as a
    document of the site's origin without a policy: every HTML file under ``_static/`` goes."""
    for path in sorted((outdir / "_static").rglob("*.html")):
        path.unlink()


def finish(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.name != "html":
        return
    outdir = Path(app.outdir)
    _no_eval_in_doctools(app, outdir)
    _no_template_fragments(outdir)
    runtime_pages = {(outdir / (doc + app.builder.out_suffix)).resolve()
                     for doc in model.load(Path(app.env.srcdir)).notebooks}
    pages = set(_pages.written(app)) | {outdir / "index.html"}
    for path in sorted(pages):
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        secured = secure(text, str(path.relative_to(outdir)), path.resolve() in runtime_pages)
        if secured != text:
            path.write_text(secured, encoding="utf-8")


def static_from_the_repository(app: Sphinx) -> None:
    """Sphinx copies ``html_static_path`` (and reads the templates) following symbolic links: a
    link in ``book/_static/fonts`` would publish any file of the machine on the site. Every file
    there must really be in the repository (``course.published``); the build stops otherwise."""
    root = Path(app.confdir)
    for entry in [*app.config.html_static_path, *app.config.templates_path]:
        folder = root / entry
        # the project's own folders are relative; extensions add their package's as absolute paths
        if not os.path.isabs(entry) and folder.exists():
            try:
                published.files_under(folder, root)
            except published.UnsafeSource as exc:
                raise ExtensionError(f"course.sphinxext.csp: {exc}") from None


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", static_from_the_repository)
    # After every job that changes a page (validhtml at 400, the index redirect page).
    app.connect("build-finished", finish, priority=950)

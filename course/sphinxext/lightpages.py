"""A light, private site: what Jupyter Book 1 loads but the course does not use is left out, and
the theme's CSS and icon fonts are cut down to what the pages use.

Jupyter Book 1 always loads sphinx-thebe and sphinx-copybutton, and the theme loads a 1.5 MB
``fontawesome.js`` and the search index on every page; there is no setting to leave them out.

1. ``_drop_unused_assets``: removes thebe (live code on Binder, off here), the copy buttons
   (learners do not copy code; the notebook is a download) and their inline configuration from
   every page. ``fontawesome.js`` is dropped by the template
   ``book/_templates/static/webpack-macros.html``: the theme's CSS already carries the icon font.
2. ``_accessible_markup``: names the sidebar's expand buttons and gives bibliography entries a
   valid ARIA role (axe-core findings in the stock theme).
3. ``slim_static`` (html builder, after the build): drops CSS rules whose classes occur in no page
   and no loaded script (the idea of PurgeCSS, which would need Node in the build; here a few
   lines on ``tinycss2``, already installed for WeasyPrint), cuts the icon fonts down to the
   glyphs the remaining CSS uses (fontTools). Sphinx copies the theme's originals again on every
   build, so every result is cached
   under ``_build/.cache/lightpages`` by the hash of its inputs: when nothing a step depends on
   changed, it copies its earlier result instead of working again.
4. ``_describe``: a ``<meta name="description">`` on every page, from the front matter's
   ``description`` or else the page's first paragraph of running text (shortened to about 155
   characters at a word), so search engines and link previews show the page's own words.
5. ``static_changed``: a change to a static file alone (a stylesheet, ``cursus.js``) makes the
   next build rewrite the root page, because Sphinx copies static files only when it writes.
"""

from __future__ import annotations

import hashlib
import html
import pickle
import re
import shutil
from pathlib import Path

import tinycss2
from docutils import nodes
from sphinx.application import Sphinx

#: Asset file names (or inline-script markers) the course does not use.
UNUSED_FILES = {"sphinx-thebe.js", "sphinx-thebe.css", "clipboard.min.js", "copybutton.js", "copybutton.css"}
UNUSED_INLINE = ("THEBE_JS_URL", "kernelName")

#: Theme stylesheets that are purged of unused rules after the build (paths under _static).
PURGED_CSS = ("styles/pydata-sphinx-theme.css", "sphinx-design.min.css", "mystnb.*.css")
#: Scripts whose class names must not count as "used" (not loaded by any page).
NOT_LOADED = {"fontawesome.js"}
#: Class prefixes that Bootstrap composes at run time (e.g. "bs-tooltip-" + placement).
DYNAMIC_PREFIXES = ("bs-",)
ICON_FONTS = ("vendor/fontawesome/webfonts/fa-solid-900", "vendor/fontawesome/webfonts/fa-regular-400",
              "vendor/fontawesome/webfonts/fa-brands-400")


# --- meta description ---------------------------------------------------------------------

#: Paragraphs inside these are no description of the page (boxes, print-only text, captions).
_NOT_RUNNING_TEXT = (nodes.Admonition, nodes.sidebar, nodes.topic, nodes.caption, nodes.footnote,
                     nodes.citation, nodes.field_list, nodes.table, nodes.title)
DESCRIPTION_LENGTH = 155
#: Pages without a document of their own.
FIXED_DESCRIPTIONS = {"search": "Zoeken in de training Sociale media en mentale gezondheid.",
                      "genindex": "Register van de training Sociale media en mentale gezondheid."}


def _shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def _ancestors(node, stop):
    node = node.parent
    while node is not None and node is not stop:
        yield node
        node = node.parent


def page_description(doctree, metadata: dict) -> str:
    """The front matter's ``description``, or the first paragraph of running text."""
    from course import vocabulary as V

    given = str(metadata.get("description", "") or "").strip()
    if given:
        return _shorten(given)
    for para in doctree.findall(nodes.paragraph):
        parent, skip = para.parent, False
        while parent is not None:
            classes = parent.get("classes", []) if isinstance(parent, nodes.Element) else []
            if isinstance(parent, _NOT_RUNNING_TEXT) or V.PRINT_ONLY in classes:
                skip = True
                break
            parent = parent.parent
        text = "".join(t.astext() for t in para.findall(nodes.Text)
                       if not any(isinstance(a, nodes.raw) for a in _ancestors(t, para)))
        if not skip and len(text) >= 40:
            return _shorten(text)
    return ""


def _describe(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if app.builder.format != "html":
        return
    text = FIXED_DESCRIPTIONS.get(pagename, "")
    if doctree is not None:
        text = page_description(doctree, app.env.metadata.get(pagename, {})) or context.get("title", "")
    if text:
        tag = f'<meta name="description" content="{html.escape(text)}" />'
        context["metatags"] = context.get("metatags", "") + "\n" + tag


# --- 1. unused assets -------------------------------------------------------------------


def _asset_is_unused(asset) -> bool:
    filename = getattr(asset, "filename", None) or ""
    if filename and filename.rsplit("/", 1)[-1].split("?", 1)[0] in UNUSED_FILES:
        return True
    body = (getattr(asset, "attributes", {}) or {}).get("body", "")
    return any(marker in body for marker in UNUSED_INLINE)


#: The search page holds no code, tabs or dropdowns: it is the heaviest page (its index), so it
#: leaves out what only content pages use.
SEARCH_PAGE_UNUSED = {"pygments.css", "design-tabs.js", "togglebutton.js", "togglebutton.css"}


def _drop_unused_assets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    def unused(asset) -> bool:
        name = (getattr(asset, "filename", None) or "").rsplit("/", 1)[-1].split("?", 1)[0]
        return _asset_is_unused(asset) or (pagename == "search" and name in SEARCH_PAGE_UNUSED)

    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if not unused(a)]


def _accessible_markup(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Fix two axe-core findings in markup the theme and docutils generate.

    * The sidebar's expand buttons (``<summary>`` with only a chevron icon) get a name.
    * docutils marks bibliography entries ``role="doc-biblioentry"`` (deprecated, and not
      allowed on a div) inside a ``role="list"``: they become list items.
    """
    if "body" in context:
        context["body"] = context["body"].replace(' role="doc-biblioentry"', ' role="listitem"')
    original = context.get("generate_toctree_html")
    if original is None:
        return

    def generate_toctree_html(*args, **kwargs):
        from markupsafe import Markup

        html = str(original(*args, **kwargs))
        return Markup(_NAMELESS_SUMMARY.sub(_name_summary, html)) if "<summary>" in html else original(*args, **kwargs)

    context["generate_toctree_html"] = generate_toctree_html


#: A toctree entry with children: its link, then a ``<summary>`` that holds only the chevron icon.
_NAMELESS_SUMMARY = re.compile(
    r'(<a class="(?:current )?reference internal"[^>]*>)((?:(?!<a[ >]|</a>).)*)'
    r'(</a>\s*<details[^>]*>\s*)<summary>', re.S)


def _name_summary(m: re.Match) -> str:
    name = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", m.group(2))).split())
    label = f"Onderdelen van {name} tonen of verbergen" if name else "Onderdelen tonen of verbergen"
    return f'{m.group(1)}{m.group(2)}{m.group(3)}<summary aria-label="{html.escape(label)}">'


def _download_menu(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """The page's download menu: no raw MyST source (.md), and words instead of extensions."""
    for group in context.get("header_buttons", []):
        if group.get("label") != "download-buttons":
            continue
        kept = []
        for button in group.get("buttons", []):
            # A notebook page's "source" is the notebook itself: that one stays.
            if button.get("label") in ("download-source-button", "download-notebook-button"):
                if button.get("text") != ".ipynb":
                    continue
                button["text"] = button["tooltip"] = "Notebook downloaden (.ipynb)"
            elif button.get("label") == "download-pdf-button":
                button["text"] = button["tooltip"] = "Afdrukken of opslaan als PDF"
            kept.append(button)
        group["buttons"] = kept


def _drop_thebe_config(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """sphinx-thebe puts a ``text/x-thebe-config`` block (with a Binder address) in pages."""
    for raw in list(doctree.findall(nodes.raw)):
        if "x-thebe-config" in raw.astext() or "kernelName" in raw.astext():
            raw.parent.remove(raw)


# --- 3. slim static files (cached) ---------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z0-9_-]+")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
_NOT = re.compile(r":not\([^()]*\)")
_ICON = re.compile(r"\\(f[0-9a-fA-F]{3}|e[0-9a-fA-F]{3})(?![0-9a-fA-F])|([\ue000-\uf8ff])")


def _file_tokens(path: Path) -> set[str]:
    return set(_TOKEN.findall(path.read_text(encoding="utf-8", errors="replace")))


def used_tokens(outdir: Path, cache: _Cache | None = None) -> set[str]:
    """Every word-like token in the built pages and in the scripts pages load (per file, cached
    by size and modification time)."""
    files = [p for p in outdir.rglob("*.html")]
    files += [p for p in (outdir / "_static").rglob("*.js") if p.name not in NOT_LOADED]
    known = cache.load("tokens", {}) if cache else {}
    fresh, tokens = {}, set()
    for path in files:
        info = path.stat()
        key, stamp = str(path.relative_to(outdir)), (info.st_mtime_ns, info.st_size)
        entry = known.get(key)
        if entry is None or entry[0] != stamp:
            entry = (stamp, _file_tokens(path))
        fresh[key] = entry
        tokens |= entry[1]
    if cache:
        cache.store("tokens", fresh)
    return tokens


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return parts


def selector_is_used(selector: str, tokens: set[str]) -> bool:
    if any(p in selector for p in (":is(", ":where(", ":has(")):
        return True
    selector = re.sub(r"\[[^\]]*\]", "", _NOT.sub("", selector))
    return all(c in tokens or c.startswith(DYNAMIC_PREFIXES) for c in _CLASS.findall(selector))


def purge_css(css: str, tokens: set[str]) -> str:
    """Remove qualified rules none of whose selectors can match the site (PurgeCSS-like)."""

    def walk(rules) -> list:
        kept = []
        for rule in rules:
            if rule.type == "qualified-rule":
                prelude = tinycss2.serialize(rule.prelude)
                if any(selector_is_used(s, tokens) for s in _split_selectors(prelude)):
                    kept.append(rule)
            elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports", "layer", "container") \
                    and rule.content is not None:
                inner = walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
                if inner:
                    rule.content = [t for r in inner for t in (r, tinycss2.ast.WhitespaceToken(0, 0, "\n"))]
                    kept.append(rule)
            elif rule.type in ("at-rule", "qualified-rule"):
                kept.append(rule)
        return kept

    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "\n".join(r.serialize() for r in walk(rules)) + "\n"


def icon_codepoints(css_texts: list[str]) -> set[int]:
    points: set[int] = set()
    for css in css_texts:
        for escape, char in _ICON.findall(css):
            points.add(int(escape, 16) if escape else ord(char))
    return points


def subset_font(path: Path, codepoints: set[int]) -> None:
    import logging

    from fontTools import subset

    logging.getLogger("fontTools").setLevel(logging.WARNING)  # it logs every table at INFO
    options = subset.Options()
    options.flavor = "woff2" if path.suffix == ".woff2" else None
    options.layout_features = ["*"]
    font = subset.load_font(str(path), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints or {0x20})
    subsetter.subset(font)
    subset.save_font(font, str(path), options)


class _Cache:
    """Results of earlier builds, by the hash of their inputs (``_build/.cache/lightpages``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def key(*parts: bytes) -> str:
        digest = hashlib.sha256()
        for part in parts:
            digest.update(hashlib.sha256(part).digest())
        return digest.hexdigest()[:32]

    def load(self, name: str, default):
        path = self.folder / f"{name}.pickle"
        try:
            return pickle.loads(path.read_bytes())
        except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
            return default

    def store(self, name: str, value) -> None:
        (self.folder / f"{name}.pickle").write_bytes(pickle.dumps(value))

    def apply(self, target: Path, key: str, make) -> None:
        """Replace ``target`` by the cached result for ``key``, or make it (``make(target)``)
        and keep a copy."""
        cached = self.folder / key
        if cached.exists():
            shutil.copyfile(cached, target)
        else:
            make(target)
            shutil.copyfile(target, cached)


def slim_static(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.name != "html":
        return
    outdir = Path(app.outdir)
    static = outdir / "_static"
    cache = _Cache(Path(app.doctreedir).parent / ".cache" / "lightpages")
    tokens = used_tokens(outdir, cache)
    for pattern in PURGED_CSS:
        for path in static.glob(pattern):
            original = path.read_bytes()
            # Only the tokens that are class names in this file decide what stays: a text edit
            # that uses no new class finds the earlier result.
            used = sorted(tokens & set(_CLASS.findall(original.decode("utf-8", "replace"))))
            cache.apply(path, cache.key(original, "\n".join(used).encode()) + ".css",
                        lambda p: p.write_text(purge_css(p.read_text(encoding="utf-8"), tokens), encoding="utf-8"))
    css_texts = [p.read_text(encoding="utf-8", errors="replace") for p in static.rglob("*.css")]
    codepoints = icon_codepoints(css_texts)
    points_key = ",".join(map(str, sorted(codepoints))).encode()
    for stem in ICON_FONTS:
        for suffix in (".woff2", ".ttf"):
            font = static / (stem + suffix)
            if font.exists():
                cache.apply(font, cache.key(font.read_bytes(), points_key) + suffix,
                            lambda p: subset_font(p, codepoints))


def static_changed(app: Sphinx, env, added, changed, removed) -> list[str]:
    """Sphinx copies static files only when some document is rewritten. When only a file in
    ``html_static_path`` changed (``cursus.js``, ``print.css``), ask for the root page, so that a
    build after editing a stylesheet or script really contains it."""
    files = sorted(p for entry in app.config.html_static_path
                   for p in (Path(app.confdir) / entry).rglob("*") if p.is_file())
    listing = "\n".join(f"{p}:{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in files)
    stamp = hashlib.sha256(listing.encode()).hexdigest()
    if getattr(env, "course_static_stamp", None) == stamp:
        return []
    env.course_static_stamp = stamp
    return [app.config.root_doc]


def setup(app: Sphinx) -> None:
    app.connect("env-get-outdated", static_changed)
    app.connect("html-page-context", _drop_unused_assets, priority=900)
    app.connect("html-page-context", _accessible_markup, priority=900)
    app.connect("html-page-context", _download_menu, priority=900)
    app.connect("html-page-context", _describe, priority=900)
    app.connect("doctree-resolved", _drop_thebe_config, priority=900)
    app.connect("build-finished", slim_static, priority=900)

"""Local Sphinx extension: a light, private site (see CONTRIBUTING.md, "Own code and why").

Jupyter Book 1 always loads a set of extensions and theme assets the course does not use.
This extension keeps the HTML site small and free of third-party requests, and adds the
course's own browser script. It does one job per function:

1. ``_drop_unused_assets``: removes thebe (live code on Binder, off here), the copy
   buttons (learners do not copy code; the notebook is a download) and their inline
   configuration from every page. The theme's 1.5 MB ``fontawesome.js`` is dropped by the
   template ``book/_templates/static/webpack-macros.html``: the theme's CSS already carries
   the icon font, so the JavaScript copy of every icon is not needed.
2. ``_download_menu``: the page's download menu offers the notebook and "Afdrukken of
   opslaan als PDF", not the raw MyST source. ``_accessible_markup``: names the sidebar's expand buttons and gives bibliography
   entries a valid ARIA role (axe-core findings in the stock theme).
3. ``_reflection_index``: writes ``_static/cursus-index.js``, the list of modules (title,
   page) and of reflection exercises (label, title, question text, module, page) that the
   "Mijn reflecties" page and the start page need to group, export and link answers.
4. ``_slim_static`` (html builder only, after the build): drops CSS rules whose classes
   occur in no page and no loaded script (most of Bootstrap's utilities and 2,000 icon
   classes), and cuts the icon fonts down to the glyphs the remaining CSS uses
   (fontTools), and stores notebook plots with a 256-colour palette (Pillow).
   The singlehtml build for the PDF is left as it is.
5. ``_search_for_learners`` (html builder only, after the build): search results name their
   module ("Zelftoets — Module 2"), and each page's plain text is written to
   ``_static/zoektekst/`` as a tiny script, so the search page can show snippets when the
   site is opened from a folder (file://), where the browser may not fetch pages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import tinycss2
from docutils import nodes
from sphinx.application import Sphinx

#: Asset file names (or inline-script markers) the course does not use.
UNUSED_FILES = {"sphinx-thebe.js", "sphinx-thebe.css", "clipboard.min.js", "copybutton.js", "copybutton.css"}
UNUSED_INLINE = ("THEBE_JS_URL", "kernelName")

#: The course's own scripts in book/_static, loaded (deferred) on every page, in this order.
COURSE_SCRIPTS = ("cursus.js", "cursus-site.js", "cursus-zoeken.js")

#: Theme stylesheets that are purged of unused rules after the build (paths under _static).
PURGED_CSS = ("styles/pydata-sphinx-theme.css", "sphinx-design.min.css", "mystnb.*.css")
#: Scripts whose class names must not count as "used" (not loaded by any page).
NOT_LOADED = {"fontawesome.js"}
#: Class prefixes that Bootstrap composes at run time (e.g. "bs-tooltip-" + placement).
DYNAMIC_PREFIXES = ("bs-",)
ICON_FONTS = ("vendor/fontawesome/webfonts/fa-solid-900", "vendor/fontawesome/webfonts/fa-regular-400",
              "vendor/fontawesome/webfonts/fa-brands-400")


# --- 1. unused assets -------------------------------------------------------------------


def _asset_is_unused(asset) -> bool:
    filename = getattr(asset, "filename", None) or ""
    if filename and filename.rsplit("/", 1)[-1].split("?", 1)[0] in UNUSED_FILES:
        return True
    body = (getattr(asset, "attributes", {}) or {}).get("body", "")
    return any(marker in body for marker in UNUSED_INLINE)


def _drop_unused_assets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if not _asset_is_unused(a)]


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
        from bs4 import BeautifulSoup
        from markupsafe import Markup

        html = original(*args, **kwargs)
        if "<summary" not in str(html):
            return html
        soup = BeautifulSoup(str(html), "html.parser")
        for summary in soup.select("details > summary"):
            if summary.get_text(strip=True) or summary.get("aria-label"):
                continue
            link = summary.parent.parent.find("a", recursive=False) if summary.parent.parent else None
            name = link.get_text(" ", strip=True) if link else ""
            summary["aria-label"] = f"Onderdelen van {name} tonen of verbergen" if name else "Onderdelen tonen of verbergen"
        return Markup(str(soup))

    context["generate_toctree_html"] = generate_toctree_html


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


# --- 2. reflection index ----------------------------------------------------------------


def _reflection_index(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.name != "html":
        return
    from sphinx_exercise.nodes import exercise_enumerable_node, exercise_node

    env = app.env
    order = {doc: i for i, doc in enumerate(_reading_order(env))}
    modules: dict[str, str] = {}
    items = []
    for docname in sorted(env.found_docs, key=lambda d: order.get(d, 10**6)):
        folder = docname.rsplit("/", 1)[0] if "/" in docname else ""
        if docname.endswith("/index") and re.search(r"/m\d-", "/" + docname):
            modules[folder] = _module_title(env, docname)
        try:
            doctree = env.get_and_resolve_doctree(docname, app.builder)
        except FileNotFoundError:
            continue
        for node in doctree.findall(lambda n: isinstance(n, (exercise_node, exercise_enumerable_node))):
            if "reflectie" not in node.get("classes", []) or not node.get("ids"):
                continue
            title = node[0].astext().strip() if node.children and isinstance(node[0], nodes.title) else ""
            if title.startswith("(") and title.endswith(")"):
                title = title[1:-1].strip()   # the number ("Opgave 1") is added by the HTML writer
            question = "\n".join(" ".join(child.astext().split()) for child in node.children
                                 if not isinstance(child, nodes.title))
            items.append({"id": node["ids"][0], "title": title, "question": question, "module": folder,
                          "page": app.builder.get_target_uri(docname),
                          "pageTitle": env.titles[docname].astext() if docname in env.titles else docname})
    data = {"modules": [{"id": k, "title": v, "page": app.builder.get_target_uri(k + "/index")}
                        for k, v in modules.items()],
            "reflections": items}
    out = Path(app.outdir) / "_static" / "cursus-index.js"
    out.write_text("window.CURSUS_INDEX = " + json.dumps(data, ensure_ascii=False, indent=1) + ";\n",
                   encoding="utf-8")


def _reading_order(env) -> list[str]:
    """Documents in table-of-contents order, root first."""
    order = [env.config.root_doc]

    def walk(doc: str) -> None:
        for child in env.toctree_includes.get(doc, []):
            if child not in order:
                order.append(child)
                walk(child)

    walk(order[0])
    return order


def _module_title(env, docname: str) -> str:
    """The title of the module's index page ("Module 1 — ..."), one place for it."""
    return env.titles[docname].astext() if docname in env.titles else docname


# --- 3. slim static files ---------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z0-9_-]+")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
_NOT = re.compile(r":not\([^()]*\)")
_ICON = re.compile(r"\\(f[0-9a-fA-F]{3}|e[0-9a-fA-F]{3})(?![0-9a-fA-F])|([\ue000-\uf8ff])")


def used_tokens(outdir: Path) -> set[str]:
    """Every word-like token in the built pages and in the scripts pages load."""
    tokens: set[str] = set()
    for path in outdir.rglob("*.html"):
        tokens.update(_TOKEN.findall(path.read_text(encoding="utf-8", errors="replace")))
    for path in (outdir / "_static").rglob("*.js"):
        if path.name not in NOT_LOADED:
            tokens.update(_TOKEN.findall(path.read_text(encoding="utf-8", errors="replace")))
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
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2" if path.suffix == ".woff2" else None
    options.layout_features = ["*"]
    font = subset.load_font(str(path), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints or {0x20})
    subsetter.subset(font)
    subset.save_font(font, str(path), options)


def shrink_png(path: Path) -> None:
    """Re-encode a notebook plot with a 256-colour palette when that makes it smaller.

    Plots are flat colours and anti-aliased lines; at 256 colours they look the same and
    weigh about a quarter.
    """
    from PIL import Image

    with Image.open(path) as image:
        image.load()
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB"
        quantized = image.convert(mode).quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    tmp = path.with_suffix(".tmp.png")
    quantized.save(tmp, "PNG", optimize=True)
    if tmp.stat().st_size < path.stat().st_size:
        tmp.replace(path)
    else:
        tmp.unlink()


def _slim_static(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.name != "html":
        return
    static = Path(app.outdir) / "_static"
    tokens = used_tokens(Path(app.outdir))
    for pattern in PURGED_CSS:
        for path in static.glob(pattern):
            path.write_text(purge_css(path.read_text(encoding="utf-8"), tokens), encoding="utf-8")
    css_texts = [p.read_text(encoding="utf-8", errors="replace") for p in static.rglob("*.css")]
    codepoints = icon_codepoints(css_texts)
    for stem in ICON_FONTS:
        for suffix in (".woff2", ".ttf"):
            font = static / (stem + suffix)
            if font.exists():
                subset_font(font, codepoints)
    for png in (Path(app.outdir) / "_images").glob("*.png"):
        shrink_png(png)


# --- 4. search for learners ---------------------------------------------------------------

#: Folder (under _static) with one script per page: its plain text, for snippets over file://.
SEARCH_TEXTS = "zoektekst"


def search_text_name(docname: str) -> str:
    """File name of a page's text script (the same rule is in book/_static/cursus-zoeken.js)."""
    return docname.replace("/", "--") + ".js"


def _search_language(app: Sphinx):
    """Sphinx's search language for the site (its stemmer is the one the index uses)."""
    from sphinx.search import SearchLanguage, languages
    from sphinx.util import import_object

    found = languages.get(app.config.html_search_language or app.config.language, SearchLanguage)
    return (import_object(found) if isinstance(found, str) else found)(app.config.html_search_options)


def _index_entries(app: Sphinx, docnames: list[str]) -> dict:
    """The index entries (glossary terms) of every page, as Sphinx 7.4 writes them.

    Sphinx's IndexBuilder.load() does not reload them on an incremental build, so a page that
    was not re-read lost its glossary terms from the search (a full build was fine). They are
    kept in the environment's index domain, so we write them from there on every build.
    """
    from sphinx.util.index_entries import split_index_msg

    number = {doc: i for i, doc in enumerate(docnames)}
    out: dict[str, list] = {}
    for docname, entries in sorted(app.env.domains["index"].entries.items()):
        if docname not in number:
            continue
        found = set()
        for entry_type, value, target_id, main, _key in entries:
            try:
                parts = split_index_msg(entry_type, value)
            except ValueError:
                continue
            found |= {(x, target_id or "", main) for x in parts}
        for entry, target_id, main in sorted(found):
            out.setdefault(entry.lower(), []).append([number[docname], target_id, main == "main"])
    return out


def _search_for_learners(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.name != "html":
        return
    from bs4 import BeautifulSoup

    outdir = Path(app.outdir)
    path = outdir / "searchindex.js"
    prefix, text = "Search.setIndex(", path.read_text(encoding="utf-8")
    index = json.loads(text[len(prefix):text.rindex(")")])
    language = _search_language(app)
    module_of: dict[str, str] = {}
    for docname in app.env.found_docs:
        if docname.endswith("/index") and re.search(r"/m\d-", "/" + docname):
            label = _module_title(app.env, docname).split(" — ")[0]
            for child in app.env.toctree_includes.get(docname, []):
                module_of[child] = label
    for number, docname in enumerate(index["docnames"]):
        if docname not in module_of:
            continue
        old = index["titles"][number]
        # Sphinx reloads this file on an incremental build: a title may carry its module already.
        if not old.endswith(" — " + module_of[docname]):
            new = f"{old} — {module_of[docname]}"
            index["titles"][number] = new
            pages = index["alltitles"].get(old, [])
            if [number, None] in pages:
                pages.remove([number, None])
                if not pages:
                    del index["alltitles"][old]
                index["alltitles"].setdefault(new, []).append([number, None])
        # The module's words count as title words of the page ("zelftoets module 2").
        for word in re.findall(r"[^\W\d_]+", module_of[docname]):
            stem = language.stem(word)
            pages = index["titleterms"].get(stem, [])
            pages = [pages] if isinstance(pages, int) else pages
            if number not in pages:
                index["titleterms"][stem] = sorted(pages + [number])
    index["indexentries"] = _index_entries(app, index["docnames"])
    path.write_text(prefix + json.dumps(index, ensure_ascii=False, separators=(",", ":")) + ")",
                    encoding="utf-8")
    folder = outdir / "_static" / SEARCH_TEXTS
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.js"):
        old.unlink()
    for docname in index["docnames"]:
        html = outdir / (docname + app.builder.out_suffix)
        main = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one('[role="main"]')
        if main is None:
            continue
        for tag in main.select(".headerlink, script, style"):
            tag.decompose()
        plain = re.sub(r"\s+", " ", main.get_text(" ")).strip()
        (folder / search_text_name(docname)).write_text(
            "cursusZoektekst(" + json.dumps(docname) + ", " + json.dumps(plain, ensure_ascii=False) + ");\n",
            encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _drop_unused_assets, priority=900)
    app.connect("html-page-context", _accessible_markup, priority=900)
    app.connect("html-page-context", _download_menu, priority=900)
    app.connect("doctree-resolved", _drop_thebe_config, priority=900)
    app.connect("build-finished", _reflection_index, priority=800)
    app.connect("build-finished", _slim_static, priority=900)
    app.connect("build-finished", _search_for_learners, priority=850)
    app.add_js_file("cursus-index.js", defer="defer")
    for script in COURSE_SCRIPTS:
        app.add_js_file(script, defer="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}

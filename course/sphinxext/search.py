"""Search that finds the course's words and says where a result lives.

Sphinx's own search is kept (it works from a local folder, where a fetch-based engine like
Pagefind cannot: see CONTRIBUTING.md). After the build this job

1. names each result's module: "Zelftoets — Module 2" (titles in the index), and counts the
   module's words as title words of its pages;
2. writes the glossary terms (index entries) of every page into the index again: Sphinx 7.4's
   IndexBuilder does not reload them on an incremental build, so a page that was not re-read lost
   its glossary terms from the search;
3. writes each page's plain text to ``_static/zoektekst/<page>.js`` as a tiny script, so that the
   search page can show snippets when the site is opened from a folder (file://), where the
   browser may not fetch pages. Only pages written in this build are written again.

The index and the browser use the same stemmer family: snowballstemmer is pinned to the 2.x
line whose Dutch stemmer matches Sphinx's JavaScript one (requirements.txt).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from course import model
from course import vocabulary as V
from course.sphinxext import _pages

logger = logging.getLogger(__name__)

#: Folder (under _static) with one script per page: its plain text, for snippets over file://.
SEARCH_TEXTS = "zoektekst"
#: A page's own text: its article (without the theme's header buttons, in-page contents and
#: footer), or its <main> on pages without one. cursus-zoeken.js takes the same part.
_ARTICLE = re.compile(r'<article class="bd-article"[^>]*>(.*?)</article>', re.S)
_MAIN = re.compile(r'<main[^>]*>(.*?)</main>', re.S)
#: What a snippet never shows (the same list is read by cursus-zoeken.js from the vocabulary).
NOT_TEXT = f".headerlink, script, style, .{V.PRINT_ONLY}"


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
    """The index entries (glossary terms) of every page, as Sphinx 7.4 writes them."""
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


def _module_labels(app: Sphinx) -> dict[str, str]:
    """Page -> the caption of its module ("Module 2"), for the pages inside a module."""
    course = model.load(Path(app.env.srcdir))
    return {doc: m.caption for m in course.modules for doc in m.docs if doc != m.index}


def _label_results(app: Sphinx, index: dict) -> None:
    language = _search_language(app)
    module_of = _module_labels(app)
    for number, docname in enumerate(index["docnames"]):
        if docname not in module_of:
            continue
        label = module_of[docname]
        old = index["titles"][number]
        # Sphinx reloads this file on an incremental build: a title may carry its module already.
        if not old.endswith(" — " + label):
            new = f"{old} — {label}"
            index["titles"][number] = new
            pages = index["alltitles"].get(old, [])
            if [number, None] in pages:
                pages.remove([number, None])
                if not pages:
                    del index["alltitles"][old]
                index["alltitles"].setdefault(new, []).append([number, None])
        for word in re.findall(r"[^\W\d_]+", label):
            stem = language.stem(word)
            pages = index["titleterms"].get(stem, [])
            pages = [pages] if isinstance(pages, int) else pages
            if number not in pages:
                index["titleterms"][stem] = sorted(pages + [number])


def _plain_text(html: str) -> str:
    from bs4 import BeautifulSoup

    m = _ARTICLE.search(html) or _MAIN.search(html)
    soup = BeautifulSoup(m.group(1) if m else html, "html.parser")
    for tag in soup.select(NOT_TEXT):
        tag.decompose()
    return re.sub(r"\s+", " ", soup.get_text(" ")).strip()


#: sphinx_highlight.js writes "Zoekresultaten verbergen" as a link to a javascript: address, which
#: the site's policy (rightly) blocks. The build's copy gets an ordinary link, bound by a listener.
HIDE_LINK = ("'<a href=\"javascript:SphinxHighlight.hideSearchWords()\">'",
             "'<a href=\"#\" class=\"cursus-treffers-verbergen\">'")
HIDE_LISTENER = """
/* course/sphinxext/search.py: the link above ran its script from its address, which the policy blocks. */
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a.cursus-treffers-verbergen");
  if (!link) return;
  event.preventDefault();
  SphinxHighlight.hideSearchWords();
});
"""


def _hide_link_without_javascript_url(outdir: Path) -> None:
    path = outdir / "_static" / "sphinx_highlight.js"
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    if HIDE_LINK[1] in text:       # an incremental build keeps the copy it patched before
        return
    if HIDE_LINK[0] in text:
        text = text.replace(HIDE_LINK[0], HIDE_LINK[1]) + HIDE_LISTENER
        path.write_text(text, encoding="utf-8")
    elif "javascript:" in text:
        logger.warning("_static/sphinx_highlight.js: a javascript: link course/sphinxext/search.py does not know; "
                       "the Content-Security-Policy blocks it", type="course", subtype="search")


def finish(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.name != "html":
        return
    outdir = Path(app.outdir)
    _hide_link_without_javascript_url(outdir)
    path = outdir / "searchindex.js"
    if not path.exists():
        return
    prefix, text = "Search.setIndex(", path.read_text(encoding="utf-8")
    index = json.loads(text[len(prefix):text.rindex(")")])
    _label_results(app, index)
    index["indexentries"] = _index_entries(app, index["docnames"])
    fixed = prefix + json.dumps(index, ensure_ascii=False, separators=(",", ":")) + ")"
    if fixed != text:
        path.write_text(fixed, encoding="utf-8")

    folder = outdir / "_static" / SEARCH_TEXTS
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {search_text_name(d): d for d in index["docnames"]}
    for old in folder.glob("*.js"):
        if old.name not in wanted:
            old.unlink()
    written = {p.resolve() for p in _pages.written(app)}
    for name, docname in wanted.items():
        page = (outdir / (docname + app.builder.out_suffix)).resolve()
        target = folder / name
        if target.exists() and page not in written or not page.exists():
            continue
        plain = _plain_text(page.read_text(encoding="utf-8"))
        target.write_text("cursusZoektekst(" + json.dumps(docname) + ", " + json.dumps(plain, ensure_ascii=False)
                          + ");\n", encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("build-finished", finish, priority=850)

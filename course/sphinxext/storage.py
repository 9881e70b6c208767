"""Everything the site keeps in the browser lives under the course's own prefix.

The course's scripts store under ``sociale-media-mentale-gezondheid:`` (``cursus.js``), so that
"Alles wissen" can remove all of it and nothing of another site or course on the same origin.
Sphinx and the theme store a few things under bare names: the search terms to highlight
(``sphinx_highlight_terms``, written by ``searchtools.js`` and read by ``sphinx_highlight.js``),
the colour scheme (``mode``, ``theme``: the theme's script and an inline script in every page's
head), the theme's banner choices and the sidebar's scroll position (``sessionStorage``), and
sphinx-design's chosen tab. No setting renames them, so this job rewrites the names in the
build's copies of those scripts and in the pages written in this build (before ``csp`` hashes the
inline scripts). A script whose storage calls are not the ones known here fails the build, so a
theme update cannot quietly store outside the prefix again. The privacy statement
(``book/bijlagen/privacy.md``) lists every key.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from course.sphinxext import _pages

logger = logging.getLogger(__name__)

#: The course's prefix (the same as ``PREFIX`` in ``book/_static/cursus.js``).
PREFIX = "sociale-media-mentale-gezondheid:"

#: Storage names of Sphinx and the theme, and the name each one gets under the prefix.
NAMES = {
    "sphinx_highlight_terms": "zoektermen",
    "mode": "kleurmodus",
    "theme": "kleurthema",
    "pst_banner_pref": "melding-verborgen",
    "pst_announcement_banner_pref": "aankondiging-verborgen",
    "sidebar-scroll-top": "zijbalk-positie",
}
#: sphinx-design prefixes its tab keys with this; the tabs get ``<PREFIX>tab-<group>``.
TAB_PREFIX = ('"sphinx-design-tab-id-"', f'"{PREFIX}tab-"')

#: A storage call with a literal first argument: ``localStorage.getItem("mode")``.
_CALL = re.compile(r'((?:local|session)Storage\.(?:get|set|remove)Item\(\s*)"([^"]*)"')
#: Any storage call at all (to find the ones whose key is not a literal).
_ANY = re.compile(r"(?:local|session)Storage\.(?:get|set|remove)Item\(")


def rename(text: str, where: str) -> str:
    """``text`` with every known bare storage name moved under the prefix."""
    def one(m: re.Match) -> str:
        key = m.group(2)
        if key.startswith(PREFIX):
            return m.group(0)
        if key not in NAMES:
            logger.warning(f"{where}: stores {key!r} outside the course prefix; add it to NAMES in "
                           "course/sphinxext/storage.py (and to the privacy statement)",
                           type="course", subtype="storage")
            return m.group(0)
        return f'{m.group(1)}"{PREFIX}{NAMES[key]}"'

    return _CALL.sub(one, text.replace(*TAB_PREFIX))


def _scripts_and_pages(app: Sphinx) -> list[Path]:
    outdir = Path(app.outdir)
    return sorted((outdir / "_static").rglob("*.js")) + sorted(p for p in _pages.written(app) if p.exists())


#: Other packages' scripts with a storage call whose key is computed, and how (checked by hand).
#: The course's own scripts (book/_static) build their keys from the prefix themselves.
DYNAMIC = {"design-tabs.js": "storageKeyPrefix + group (TAB_PREFIX)"}


def _own_scripts(app: Sphinx) -> set[str]:
    root = Path(app.confdir)
    return {p.name for entry in app.config.html_static_path if not Path(entry).is_absolute()
            for p in (root / entry).glob("*.js")}


def finish(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.name != "html":
        return
    outdir = Path(app.outdir)
    own = _own_scripts(app)
    for path in _scripts_and_pages(app):
        text = path.read_text(encoding="utf-8")
        if not _ANY.search(text) and TAB_PREFIX[0] not in text:
            continue
        where = str(path.relative_to(outdir))
        computed = len(_CALL.findall(text)) != len(_ANY.findall(text))
        if path.suffix == ".js" and computed and path.name not in DYNAMIC and path.name not in own:
            logger.warning(f"{where}: a storage call with a computed key; check that it stays under the course "
                           "prefix and list the script in DYNAMIC (course/sphinxext/storage.py)",
                           type="course", subtype="storage")
        renamed = rename(text, where)
        if renamed != text:
            path.write_text(renamed, encoding="utf-8")


def setup(app: Sphinx) -> None:
    # after the pages are final and before csp (950) hashes their inline scripts
    app.connect("build-finished", finish, priority=900)

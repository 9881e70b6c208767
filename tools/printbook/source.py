"""The built site taken apart for print: one ``<section>`` per document, parsed once.

The site build (``_build/html``) already holds every page, and the course index
(``_static/course-index.json``) says what they are: parts, modules, cases, reflections,
self-checks and worksheets. This module reads each page's article once and makes it fit into one
print document:

* every document becomes ``<section id="document-<name>">``;
* ids that occur in more than one page (headings like "Leerdoelen") get the page's name in front,
  so that every id in an edition is unique; links are rewritten to the new ids;
* links to another page become links inside the document (``#id``), links to downloads keep
  their text only, external links stay;
* images point into the site (WeasyPrint resolves them against ``_build/html``);
* headerlinks, toctree lists and site-only controls are removed.
"""

from __future__ import annotations

import copy
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from course import model
from course import vocabulary as V

HEADING = re.compile(r"^h[1-6]$")
_ARTICLE = re.compile(r'<article class="bd-article"[^>]*>(.*)</article>', re.S)


def doc_id(doc: str) -> str:
    """The id of a document's section in a print edition."""
    return f"document-{doc}"


@dataclass
class Source:
    """The site, as sections per document plus the course index."""

    html_dir: Path
    index: dict
    sections: dict[str, Tag]

    @property
    def title(self) -> str:
        return self.index["title"]

    @property
    def subs(self) -> dict[str, str]:
        return self.index.get("substitutions", {})

    def doc(self, name: str) -> Tag:
        """A fresh copy of a document's section (editions change what they take)."""
        return copy.copy(self.sections[name])

    def title_of(self, name: str) -> str:
        for d in self.index["docs"]:
            if d["doc"] == name:
                return d["title"]
        return name

    def part(self, caption: str) -> list[dict]:
        """The chapters of a toc part: [{doc, sections}]."""
        return next((p["chapters"] for p in self.index["parts"] if p["caption"] == caption), [])

    @property
    def parts(self) -> list[dict]:
        return self.index["parts"]

    @property
    def modules(self) -> list[dict]:
        return self.index["modules"]


def _article(path: Path) -> BeautifulSoup:
    text = path.read_text(encoding="utf-8")
    m = _ARTICLE.search(text)
    return BeautifulSoup(m.group(1) if m else text, "html.parser")


def load(html_dir: Path) -> Source:
    """Read every page of the course once (in reading order) and make the ids unique."""
    html_dir = Path(html_dir)
    index = model.load_index(html_dir)
    docs = [d["doc"] for d in index["docs"]]
    uris = {d["doc"]: d["uri"] for d in index["docs"]}
    by_uri = {uri: doc for doc, uri in uris.items()}
    sections: dict[str, Tag] = {}
    ids: dict[str, dict[str, str]] = {}   # doc -> {old id: new id}
    seen: dict[str, int] = {}
    for doc in docs:
        soup = _article(html_dir / uris[doc])
        section = soup.find("section") or soup
        section = section.extract() if section is not soup else soup
        for wrapper in section.select("div.toctree-wrapper"):
            wrapper.decompose()
        for link in section.select("a.headerlink"):
            link.decompose()
        own = [el["id"] for el in section.find_all(id=True)]
        ids[doc] = {i: i for i in own}
        for i in set(own):
            seen[i] = seen.get(i, 0) + 1
        top = section.get("id")
        section["id"] = doc_id(doc)
        if top:
            ids[doc][top] = doc_id(doc)
        ids[doc][""] = doc_id(doc)
        sections[doc] = section
    for doc, mapping in ids.items():
        for old, new in list(mapping.items()):
            if old and new == old and seen.get(old, 0) > 1:
                mapping[old] = f"{doc.replace('/', '-')}--{old}"
        for el in sections[doc].find_all(id=True):
            if el is not sections[doc]:
                el["id"] = mapping.get(el["id"], el["id"])
    for doc in docs:
        _rewrite_links(sections[doc], doc, uris[doc], by_uri, ids)
    return Source(html_dir, index, sections)


def _rewrite_links(section: Tag, doc: str, uri: str, by_uri: dict[str, str], ids: dict[str, dict[str, str]]) -> None:
    base = posixpath.dirname(uri)
    for a in section.find_all("a", href=True):
        href = a["href"]
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            continue
        target_uri = posixpath.normpath(posixpath.join(base, unquote(parts.path))) if parts.path else uri
        target = by_uri.get(target_uri)
        if target is None:  # a download (.ipynb), a site-only file: keep the text
            if V.WEB_ONLY in a.get("class", []):   # ... unless the link is all there is to it
                a.decompose()
            else:
                a.unwrap()
            continue
        fragment = unquote(parts.fragment)
        a["href"] = "#" + ids[target].get(fragment, ids[target][""] if not fragment else fragment)
    for img in section.find_all("img", src=True):
        src = img["src"]
        if not urlsplit(src).scheme:
            img["src"] = posixpath.normpath(posixpath.join(base, src))


def set_title_level(section: Tag, level: int) -> Tag | None:
    """Renumber the headings of one document so that its title is ``h<level>``."""
    title = section.find(HEADING)
    if title is None:
        return None
    shift = level - int(title.name[1])
    for h in section.find_all(HEADING):
        h.name = f"h{max(1, min(6, int(h.name[1]) + shift))}"
    return title


def boxes(section: Tag, ids: list[str]) -> list[Tag]:
    """The elements with these ids inside a section, in document order."""
    wanted = set(ids)
    return [el for el in section.find_all(id=True) if el["id"] in wanted]


__all__ = ["Source", "load", "doc_id", "set_title_level", "boxes", "HEADING", "V"]

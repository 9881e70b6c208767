"""The table of contents and the modules, read once.

The toc is parsed with sphinx-external-toc's own parser (the one the build uses). A part whose
caption is "Module N" is a module (``vocabulary.MODULE_CAPTION``): its chapter is the module's
``index`` page, and its sections are the content pages, the notebook (``exercises/...``), the
self-check and the closing page, in that order.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from course import ROOT, markdown
from course import vocabulary as V


@dataclass(frozen=True)
class Chapter:
    """A top-level toc entry and the documents nested under it (depth-first)."""

    doc: str
    part: str
    sections: tuple[str, ...] = ()

    @property
    def docs(self) -> tuple[str, ...]:
        return (self.doc, *self.sections)


@dataclass(frozen=True)
class Part:
    caption: str
    chapters: tuple[Chapter, ...]

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(d for c in self.chapters for d in c.docs)


@dataclass(frozen=True)
class Module:
    """One module: its number, folder and the documents with a role."""

    number: int
    caption: str
    folder: str                 # "book/m1-spectrum"
    index: str                  # "book/m1-spectrum/index"
    pages: tuple[str, ...]      # content pages, in order
    notebook: str | None        # "exercises/m1-spectrum"
    selfcheck: str | None
    closing: str | None
    extra: tuple[str, ...] = ()  # sections that fit no role (the anatomy check reports them)

    @property
    def docs(self) -> tuple[str, ...]:
        """Every document of the module in reading order."""
        tail = [d for d in (self.notebook, self.selfcheck, self.closing) if d]
        return (self.index, *self.pages, *self.extra, *tail)

    @property
    def code(self) -> str:
        """'m1': the prefix of the module's labels and worksheet ids."""
        return f"m{self.number}"


@dataclass
class Course:
    root: Path
    root_doc: str
    parts: tuple[Part, ...]
    substitutions: dict[str, str] = field(default_factory=dict)
    title_text: str = ""

    # --- structure ---------------------------------------------------------------------

    @functools.cached_property
    def modules(self) -> tuple[Module, ...]:
        return tuple(_module(p) for p in self.parts if V.MODULE_CAPTION.match(p.caption))

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        return tuple(c for p in self.parts for c in p.chapters)

    def docs(self) -> list[str]:
        """Every document in reading order, root first."""
        return [self.root_doc, *(d for p in self.parts for d in p.docs)]

    def part(self, caption: str) -> Part | None:
        return next((p for p in self.parts if p.caption == caption), None)

    def part_of(self, doc: str) -> str:
        if doc == self.root_doc:
            return V.START_PART
        return next((p.caption for p in self.parts if doc in p.docs), "")

    def module_of(self, doc: str) -> Module | None:
        return next((m for m in self.modules if doc in m.docs), None)

    def module(self, number: int) -> Module | None:
        return next((m for m in self.modules if m.number == number), None)

    @property
    def notebooks(self) -> list[str]:
        return [d for d in self.docs() if d.split("/", 1)[0] == V.NOTEBOOK_FOLDER]

    # --- sources -----------------------------------------------------------------------

    def source(self, doc: str) -> Path | None:
        """The source file of a document (.md or .ipynb), or None."""
        for ext in (".md", ".ipynb"):
            path = self.root / (doc + ext)
            if path.exists():
                return path
        return None

    def text(self, doc: str) -> str:
        """The Markdown of a page, or the Markdown cells of a notebook joined."""
        path = self.source(doc)
        if path is None:
            return ""
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".ipynb":
            cells = json.loads(raw).get("cells", [])
            return "\n\n".join("".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                               for c in cells if c.get("cell_type") == "markdown")
        return raw

    def title(self, doc: str) -> str:
        """The first heading of a document, as written (MyST source)."""
        return markdown.first_heading(self.text(doc)) or doc

    def objectives(self, module: Module) -> list[str]:
        """The module's numbered learning objectives (MyST source), without the closing ';' or '.'."""
        section = markdown.section(self.text(module.index), "Leerdoelen") or ""
        return [t.rstrip(";.").strip() for t in markdown.list_items(section, ordered=True)]


def _module(part: Part) -> Module:
    number = int(V.MODULE_CAPTION.match(part.caption).group(1))
    chapter = part.chapters[0]
    folder = chapter.doc.rsplit("/", 1)[0]
    pages, extra = [], []
    notebook = selfcheck = closing = None
    for doc in chapter.sections:
        if doc.split("/", 1)[0] == V.NOTEBOOK_FOLDER:
            notebook = doc
        elif doc == f"{folder}/{V.SELF_CHECK_PAGE}":
            selfcheck = doc
        elif doc == f"{folder}/{V.CLOSING_PAGE}":
            closing = doc
        elif notebook is None and doc.startswith(folder + "/"):
            pages.append(doc)
        else:
            extra.append(doc)
    return Module(number, part.caption, folder, chapter.doc, tuple(pages), notebook, selfcheck, closing,
                  tuple(extra))


def _read_parts(toc: Path) -> tuple[str, tuple[Part, ...]]:
    from sphinx_external_toc.parsing import parse_toc_yaml

    site = parse_toc_yaml(toc)

    def nested(doc: str) -> list[str]:
        out: list[str] = []
        document = site[doc] if doc in site else None
        for tree in document.subtrees if document else []:
            for item in tree.items:
                if isinstance(item, str):
                    out.append(item)
                    out.extend(nested(item))
        return out

    parts = []
    for tree in site[site.root.docname].subtrees:
        chapters = tuple(Chapter(item, tree.caption or "", tuple(nested(item)))
                         for item in tree.items if isinstance(item, str))
        parts.append(Part(tree.caption or "", chapters))
    return site.root.docname, tuple(parts)


def load(root: Path = ROOT) -> Course:
    """The course in ``root`` (``_toc.yml`` and ``_config.yml``); cached while the files are unchanged."""
    root = Path(root).resolve()
    toc, config = root / "_toc.yml", root / "_config.yml"
    stamp = tuple(p.stat().st_mtime_ns if p.exists() else 0 for p in (toc, config))
    return _load(root, stamp)


@functools.lru_cache(maxsize=8)
def _load(root: Path, stamp: tuple[int, ...]) -> Course:
    root_doc, parts = _read_parts(root / "_toc.yml")
    config_path = root / "_config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8")) if config_path.exists() else {}
    subs = {k: str(v) for k, v in (config.get("parse", {}).get("myst_substitutions") or {}).items()}
    return Course(root, root_doc, parts, subs, str(config.get("title", "")))


#: Where the build writes the course index (see ``course/sphinxext/structure.py``).
INDEX_FILE = Path("_static") / "course-index.json"


def load_index(html_dir: Path) -> dict:
    """The course index of a built site: parts, modules, documents, cases, reflections,
    self-checks and worksheets, as the build recorded them."""
    path = Path(html_dir) / INDEX_FILE
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: build the site first (make html)")
    return json.loads(path.read_text(encoding="utf-8"))

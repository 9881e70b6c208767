"""Turn the Sphinx ``singlehtml`` build into one print-ready HTML file for WeasyPrint.

The singlehtml page nests every document inside the toctree of its parent and carries the
site's chrome. This module rebuilds it as a book:

* a cover, a colophon page and a table of contents with page numbers;
* one chapter per top-level entry of ``_toc.yml`` (start pages, modules, appendices), the
  documents of a module as its sections, headings renumbered so the outline is
  chapter (h1) > section (h2) > subsection (h3);
* solutions and self-check feedback moved from the text to an "Antwoorden" appendix, with a
  page reference left in their place; reflection exercises get lines to write on;
* dropdowns opened, links made internal, site-only controls removed.

The same machinery makes two more editions from the same singlehtml build, so no text
exists twice in the source:

* the trainer guide (``build_trainer_html``): the "Voor trainers" part, an answer key with
  every reflection and self-check of the modules and its solution, and the worksheets as
  an appendix;
* worksheets (``build_worksheets_html``): every reflection exercise and every case of the
  module pages as one A4 sheet with writing lines; a bundle and one file per sheet.

The handbook is the learners' book: it leaves the trainer part out.

The result is written at the root of the singlehtml output folder, because the CSS and
image paths in the singlehtml page are relative to that root (DESIGN §7).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parent.parent

#: Documents that are printed in the front matter instead of in their toc position.
COLOPHON_DOC = "book/bijlagen/colofon"
#: Chapters that come after the answers appendix (the rest of "Bijlagen").
APPENDIX_CAPTION = "Bijlagen"
#: Lines to write on after each reflection exercise.
WRITING_LINES = 9
#: The part for trainers: on the site and in the trainer guide, not in the handbook.
TRAINER_CAPTION = "Voor trainers"
#: Lines to write on at the bottom of a worksheet (one A4 page; tests check it stays one).
WORKSHEET_LINES = 16


@dataclass
class Chapter:
    """A top-level entry of the book: its document and the documents nested under it."""

    doc: str
    part: str
    sections: list[str] = field(default_factory=list)


def read_toc(toc_path: Path) -> tuple[str, list[Chapter]]:
    """Return the root document and the chapters, in order, from a jb-book ``_toc.yml``."""
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    chapters: list[Chapter] = []

    def flatten(entries: list[dict]) -> list[str]:
        out: list[str] = []
        for entry in entries or []:
            out.append(entry["file"])
            out.extend(flatten(entry.get("sections", [])))
        return out

    for part in toc.get("parts", []):
        for chap in part.get("chapters", []):
            chapters.append(Chapter(chap["file"], part.get("caption", ""), flatten(chap.get("sections", []))))
    return toc["root"], chapters


def read_substitutions(config_path: Path) -> dict[str, str]:
    """The MyST substitutions (version, date) from ``_config.yml``: one place for them."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    return {k: str(v) for k, v in config.get("parse", {}).get("myst_substitutions", {}).items()}


def _doc_sections(article: Tag, root_doc: str) -> dict[str, Tag]:
    """Detach every document's top ``<section>`` from the nested singlehtml tree."""
    found: list[tuple[str, Tag]] = []
    for span in article.select('span[id^="document-"]'):
        section = span.find_next_sibling("section")
        if section is not None:
            found.append((span["id"][len("document-"):], section))
    root_section = article.find("section")
    # Children come later in document order than their parents: extract them first.
    docs = {name: section.extract() for name, section in reversed(found)}
    docs[root_doc] = root_section.extract()
    for name, section in docs.items():
        for wrapper in section.select("div.toctree-wrapper"):
            wrapper.decompose()
        for link in section.select("a.headerlink"):
            link.decompose()
        # {doc} links point to "#document-<name>": make the section itself that target.
        section["id"] = f"document-{name}"
    return docs


def _dedupe_ids(body: Tag) -> None:
    """Sections of different pages share slugs ("zelftoets", "afsluiting"): keep ids unique."""
    seen: set[str] = set()
    for el in body.find_all(id=True):
        ident = el["id"]
        if ident in seen:
            n = 2
            while f"{ident}-{n}" in seen:
                n += 1
            el["id"] = ident = f"{ident}-{n}"
        seen.add(ident)


HEADING = re.compile(r"^h[1-6]$")


def _set_title_level(section: Tag, level: int) -> Tag | None:
    """Renumber the headings of one document so that its title is ``h<level>``.

    singlehtml demotes the headings of nested documents by their toctree depth; the
    book wants chapter titles as h1 and section titles as h2, whatever the nesting.
    """
    title = section.find(HEADING)
    if title is None:
        return None
    shift = level - int(title.name[1])
    for h in section.find_all(HEADING):
        h.name = f"h{max(1, min(6, int(h.name[1]) + shift))}"
    return title


def _clean(soup: BeautifulSoup, body: Tag) -> None:
    """Remove site-only controls and make every link work inside the PDF."""
    for sel in ("a.headerlink", "button", ".toggle-button", "script", "noscript", ".copybtn"):
        for el in body.select(sel):
            el.decompose()
    for el in body.select(".toggle-hidden, .toggle-details__container"):
        el["class"] = [c for c in el.get("class", []) if c not in ("toggle-hidden",)]
    for details in body.find_all("details"):
        details["open"] = ""
    for a in body.find_all("a", href=True):
        href = a["href"]
        if href.startswith(("http://", "https://", "mailto:")):
            continue
        if "#" in href:
            a["href"] = "#" + href.split("#", 1)[1]
        else:
            # Links to another document or a download (e.g. .ipynb): keep the text only.
            a.unwrap()
    # singlehtml prefixes ids of documents with "document-"; the cross references already
    # point to the section ids, so those spans carry nothing.
    for span in body.select('span[id^="document-"]'):
        span.decompose()
    _dedupe_ids(body)


def _add_writing_space(soup: BeautifulSoup, body: Tag) -> None:
    for ex in body.select("div.exercise.reflectie"):
        lines = soup.new_tag("div", attrs={"class": "schrijfruimte", "aria-hidden": "true"})
        for _ in range(WRITING_LINES):
            lines.append(soup.new_tag("div", attrs={"class": "schrijfregel"}))
        ex.append(lines)
    for ex in body.select("div.exercise.zelftoets"):
        answer = soup.new_tag("p", attrs={"class": "mijn-antwoord"})
        answer.string = "Mijn antwoord: "
        ex.append(answer)


def _move_solutions(soup: BeautifulSoup, chapters: list[tuple[Chapter, Tag]]) -> Tag | None:
    """Move every solution to an answers chapter; leave a page reference behind."""
    appendix = soup.new_tag("section", attrs={"class": "hoofdstuk antwoorden", "id": "antwoorden"})
    h1 = soup.new_tag("h1")
    h1.string = "Antwoorden"
    appendix.append(h1)
    intro = soup.new_tag("p")
    intro.string = (
        "Hier staan de denkrichtingen bij de reflectie-opdrachten en de feedback bij de "
        "zelftoetsen. Bij reflectie-opdrachten is er geen goed of fout: de denkrichtingen "
        "helpen je verder te denken. Lees ze pas als je zelf over de opdracht hebt nagedacht."
    )
    appendix.append(intro)
    moved = 0
    for chapter, section in chapters:
        solutions = section.select("div.solution")
        if not solutions:
            continue
        title = section.find("h1")
        h2 = soup.new_tag("h2")
        h2.string = title.get_text(" ", strip=True) if title else chapter.doc
        appendix.append(h2)
        for n, sol in enumerate(solutions):
            sol_id = sol.get("id") or f"oplossing-{chapter.doc.replace('/', '-')}-{n}"
            sol["id"] = sol_id
            ref = soup.new_tag("p", attrs={"class": "naar-antwoord"})
            kind = "Denkrichtingen" if "denkrichtingen" in sol.get("class", []) else "Antwoord en feedback"
            link = soup.new_tag("a", href=f"#{sol_id}", attrs={"class": "paginaverwijzing"})
            link.string = f"{kind}: zie bladzijde "
            ref.append(link)
            sol.replace_with(ref)
            sol["class"] = [c for c in sol.get("class", []) if c != "dropdown"]
            appendix.append(sol)
            moved += 1
    return appendix if moved else None


def _cover(soup: BeautifulSoup, title: str, subs: dict[str, str], label: str = "Handboek") -> Tag:
    cover = soup.new_tag("section", attrs={"class": "omslag", "id": "omslag"})
    parts = [
        ("p", "omslag-label", label),
        ("p", "omslag-titel", title),
        ("p", "omslag-ondertitel", "Een open training voor professionals in zorg, onderwijs, welzijn en beleid"),
        ("p", "omslag-bron", "Gebaseerd op de kennispagina van het Expertisecentrum Digitalisering en Welzijn (Trimbos-instituut)"),
        ("p", "omslag-versie", f"Versie {subs.get('versie', '')} · {subs.get('datum', '')}".strip(" ·")),
    ]
    for tag, cls, text in parts:
        el = soup.new_tag(tag, attrs={"class": cls})
        el.string = text
        cover.append(el)
    return cover


def _toc(soup: BeautifulSoup, entries: list[tuple[int, str, str]]) -> Tag:
    nav = soup.new_tag("nav", attrs={"class": "inhoudsopgave", "id": "inhoud", "aria-label": "Inhoud"})
    h = soup.new_tag("h1", attrs={"class": "inhoud-titel"})
    h.string = "Inhoud"
    nav.append(h)
    ol = soup.new_tag("ul")
    for level, anchor, text in entries:
        li = soup.new_tag("li", attrs={"class": f"niveau-{level}"})
        a = soup.new_tag("a", href=f"#{anchor}")
        a.string = text
        li.append(a)
        ol.append(li)
    nav.append(ol)
    return nav


def _heading_anchor(section: Tag, heading: Tag) -> str:
    """The table of contents links to the document's section (ids made unique above)."""
    return section["id"]


@dataclass
class Source:
    """The singlehtml build taken apart: one ``<section>`` per document, plus the toc."""

    singlehtml_dir: Path
    root_doc: str
    chapters: list[Chapter]
    subs: dict[str, str]
    docs: dict[str, Tag]
    book_title: str

    def title_of(self, doc: str) -> str:
        """The title (first heading) of a document, or its name."""
        section = self.docs.get(doc)
        heading = section.find(HEADING) if section is not None else None
        return heading.get_text(" ", strip=True) if heading is not None else doc


def load_source(singlehtml_dir: Path, toc_path: Path = ROOT / "_toc.yml",
                config_path: Path = ROOT / "_config.yml") -> Source:
    root_doc, chapters = read_toc(toc_path)
    page = singlehtml_dir / (root_doc + ".html")
    src = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = src.select_one("article.bd-article") or src.body
    docs = _doc_sections(article, root_doc)
    book_title = src.title.get_text().split(" — ")[0].strip() if src.title else "Handboek"
    return Source(singlehtml_dir, root_doc, chapters, read_substitutions(config_path), docs, book_title)


def _new_document(source: Source, title_text: str, description: str) -> BeautifulSoup:
    """An empty print document with the book's metadata and stylesheets."""
    out = BeautifulSoup("<!DOCTYPE html><html lang=\"nl\"><head></head><body></body></html>", "html.parser")
    head = out.head
    head.append(out.new_tag("meta", charset="utf-8"))
    title = out.new_tag("title")
    title.string = title_text
    head.append(title)
    meta = {
        "author": "Cursusteam Sociale media en mentale gezondheid",
        "description": description,
        "keywords": "sociale media, mentale gezondheid, professionals, training, welzijn",
        "generator": "Jupyter Book 1 en WeasyPrint",
    }
    for name, content in meta.items():
        head.append(out.new_tag("meta", attrs={"name": name, "content": content}))
    singlehtml_dir = source.singlehtml_dir
    for css in ("_static/pygments.css", "_static/sphinx-design.min.css", "_static/print.css"):
        if (singlehtml_dir / css).exists():
            head.append(out.new_tag("link", rel="stylesheet", href=css))
    for mystnb_css in sorted(singlehtml_dir.glob("_static/mystnb.*.css")):
        head.append(out.new_tag("link", rel="stylesheet", href=f"_static/{mystnb_css.name}"))
    return out


class _Book:
    """Places chapters into a print document and records the table of contents."""

    def __init__(self, source: Source, out: BeautifulSoup) -> None:
        self.source, self.out = source, out
        self.placed: list[tuple[Chapter, Tag]] = []
        self.toc_entries: list[tuple[int, str, str]] = []

    def place(self, chapter: Chapter, container: Tag) -> None:
        docs = self.source.docs
        section = docs[chapter.doc]
        section["class"] = section.get("class", []) + ["hoofdstuk"]
        container.append(section)
        h1 = _set_title_level(section, 1)
        if h1 is not None:
            self.toc_entries.append((1, _heading_anchor(section, h1), h1.get_text(" ", strip=True)))
        for sub in chapter.sections:
            sub_section = docs.get(sub)
            if sub_section is None:
                raise SystemExit(f"printhtml: '{sub}' staat in _toc.yml maar niet in de singlehtml-build")
            sub_section["class"] = sub_section.get("class", []) + ["sectie"]
            section.append(sub_section)
            h2 = _set_title_level(sub_section, 2)
            if h2 is not None:
                h2["class"] = h2.get("class", []) + ["sectie-titel"]
                self.toc_entries.append((2, _heading_anchor(sub_section, h2), h2.get_text(" ", strip=True)))
        self.placed.append((chapter, section))

    def front_matter(self, label: str) -> None:
        body = self.out.body
        body.append(_cover(self.out, self.source.book_title, self.source.subs, label))
        colofon = self.source.docs.get(COLOPHON_DOC)
        if colofon is not None:
            _set_title_level(colofon, 1)
            colofon["class"] = colofon.get("class", []) + ["colofon-pagina"]
            body.append(colofon)


def build_print_html(singlehtml_dir: Path, toc_path: Path = ROOT / "_toc.yml",
                     config_path: Path = ROOT / "_config.yml",
                     out_name: str = "handboek.html") -> Path:
    """Write the handbook's print HTML next to the singlehtml root page and return its path."""
    source = load_source(singlehtml_dir, toc_path, config_path)
    root_doc, docs = source.root_doc, source.docs
    out = _new_document(source, source.book_title,
                        "Handboek bij de open training voor professionals, gebaseerd op de kennispagina "
                        "van het Expertisecentrum Digitalisering en Welzijn (Trimbos-instituut).")
    body = out.body
    book = _Book(source, out)
    book.front_matter("Handboek")

    # The welcome page is the first chapter; its title is the book title, so rename it.
    welcome = docs[root_doc]
    welcome_h1 = _set_title_level(welcome, 1)
    if welcome_h1 is not None:
        welcome_h1.string = "Welkom"

    ordered = [Chapter(root_doc, "Start")] + [c for c in source.chapters if c.doc != COLOPHON_DOC]
    main_chapters = [c for c in ordered if c.part not in (APPENDIX_CAPTION, TRAINER_CAPTION)]
    appendix_chapters = [c for c in ordered if c.part == APPENDIX_CAPTION]

    content = out.new_tag("main", attrs={"class": "boek"})
    for chapter in main_chapters:
        book.place(chapter, content)
    answers = _move_solutions(out, book.placed)
    if answers is not None:
        content.append(answers)
        book.toc_entries.append((1, "antwoorden", "Antwoorden"))
    for chapter in appendix_chapters:
        book.place(chapter, content)

    body.append(_toc(out, book.toc_entries))
    body.append(content)
    _clean(out, body)
    _drop_dangling_links(body)
    _add_writing_space(out, content)

    target = singlehtml_dir / out_name
    target.write_text(str(out), encoding="utf-8")
    return target


# --- worksheets ---------------------------------------------------------------------------


@dataclass
class Worksheet:
    """One reflection exercise or case of a module page, as an A4 sheet."""

    ident: str
    kind: str  # "reflectie" or "casus"
    title: str
    module: str  # the module's title, e.g. "Module 1 — Mentale gezondheid: een spectrum"
    page_title: str
    body: list[Tag]


def collect_worksheets(source: Source) -> list[Worksheet]:
    """Every ``div.exercise.reflectie`` and ``div.admonition.casus`` of the module pages,
    in reading order. Their ids come from book/_ext/cursus_draaiboek.py."""
    sheets: list[Worksheet] = []
    for chapter in source.chapters:
        if not chapter.part.startswith("Module"):
            continue
        module = source.title_of(chapter.doc)
        for doc in [chapter.doc] + chapter.sections:
            section = source.docs.get(doc)
            if section is None:
                continue
            page_title = source.title_of(doc)
            for box in section.select("div.exercise.reflectie, div.admonition.casus"):
                ident = box.get("id")
                if not ident:
                    raise SystemExit(f"printhtml: een casus of opdracht in '{doc}' heeft geen id")
                title_el = box.find(class_="admonition-title")
                raw = title_el.get_text(" ", strip=True) if title_el else ident
                if "reflectie" in box.get("class", []):
                    kind = "reflectie"
                    match = re.search(r"\((.*)\)\s*$", raw, re.S)
                    title = "Opdracht: " + (match.group(1).strip() if match else raw)
                    content = box.select_one("section") or box
                    body = [copy.copy(c) for c in content.children if isinstance(c, Tag)]
                else:
                    kind = "casus"
                    title = raw
                    body = [copy.copy(c) for c in box.children if isinstance(c, Tag) and c is not title_el]
                sheets.append(Worksheet(ident, kind, title, module, page_title, body))
    return sheets


def _worksheet_section(out: BeautifulSoup, sheet: Worksheet, course: str) -> Tag:
    section = out.new_tag("section", attrs={
        "class": f"werkblad werkblad-{sheet.kind}", "id": f"werkblad-{sheet.ident}",
        # the page footer (print.css: string-set from this attribute)
        "data-voet": f"{course} · werkblad {sheet.ident}",
    })
    head = out.new_tag("p", attrs={"class": "werkblad-kop"})
    head.string = f"{course} · {sheet.module}"
    section.append(head)
    h2 = out.new_tag("h2", attrs={"class": "werkblad-titel"})
    h2.string = sheet.title
    section.append(h2)
    code = out.new_tag("p", attrs={"class": "werkblad-code"})
    code.string = f"Werkblad {sheet.ident} · bij de pagina “{sheet.page_title}”"
    section.append(code)
    name = out.new_tag("p", attrs={"class": "werkblad-naam"})
    name.string = "Naam:"
    section.append(name)
    text = out.new_tag("div", attrs={"class": "werkblad-tekst"})
    for el in sheet.body:
        text.append(copy.copy(el))
    section.append(text)
    prompt = out.new_tag("p", attrs={"class": "werkblad-vraag"})
    prompt.string = ("Wat valt je op? Wat zou jij zeggen of doen?" if sheet.kind == "casus"
                     else "Schrijf je antwoord hieronder.")
    section.append(prompt)
    lines = out.new_tag("div", attrs={"class": "schrijfruimte", "aria-hidden": "true"})
    for _ in range(WORKSHEET_LINES):
        lines.append(out.new_tag("div", attrs={"class": "schrijfregel"}))
    section.append(lines)
    return section


def build_worksheets_html(singlehtml_dir: Path, toc_path: Path = ROOT / "_toc.yml",
                          config_path: Path = ROOT / "_config.yml") -> tuple[Path, dict[str, Path]]:
    """Write the worksheet bundle (``werkbladen.html``) and one file per worksheet
    (``werkblad-<id>.html``) at the singlehtml root. Returns (bundle, {id: file})."""
    source = load_source(singlehtml_dir, toc_path, config_path)
    sheets = collect_worksheets(source)
    course = source.book_title
    description = "Werkbladen bij de open training Sociale media en mentale gezondheid."

    def document(title: str, chosen: list[Worksheet]) -> BeautifulSoup:
        out = _new_document(source, title, description)
        out.body["class"] = ["werkbladen-bundel"]
        main = out.new_tag("main", attrs={"class": "werkbladen"})
        for sheet in chosen:
            main.append(_worksheet_section(out, sheet, course))
        out.body.append(main)
        _clean(out, out.body)
        _drop_dangling_links(out.body)
        return out

    bundle = singlehtml_dir / "werkbladen.html"
    bundle.write_text(str(document(f"Werkbladen — {course}", sheets)), encoding="utf-8")
    singles: dict[str, Path] = {}
    for sheet in sheets:
        path = singlehtml_dir / f"werkblad-{sheet.ident}.html"
        path.write_text(str(document(f"{sheet.title} — {course}", [sheet])), encoding="utf-8")
        singles[sheet.ident] = path
    return bundle, singles


# --- the trainer guide -------------------------------------------------------------------


def _answer_key(out: BeautifulSoup, source: Source) -> Tag:
    """Every reflection and self-check of the modules with its solution, per module."""
    key = out.new_tag("section", attrs={"class": "hoofdstuk antwoordsleutel", "id": "antwoordsleutel"})
    h1 = out.new_tag("h1")
    h1.string = "Antwoordsleutel"
    key.append(h1)
    intro = out.new_tag("p")
    intro.string = ("Per module de reflectie-opdrachten met denkrichtingen en de zelftoetsvragen met "
                    "feedback per antwoord. Bij reflectie is er geen goed of fout; gebruik de "
                    "denkrichtingen om het gesprek in de groep verder te helpen.")
    key.append(intro)
    for chapter in source.chapters:
        if not chapter.part.startswith("Module"):
            continue
        h2 = out.new_tag("h2")
        h2.string = source.title_of(chapter.doc)
        key.append(h2)
        for doc in [chapter.doc] + chapter.sections:
            section = source.docs.get(doc)
            if section is None:
                continue
            boxes = section.select("div.exercise.reflectie, div.exercise.zelftoets, div.solution")
            if not boxes:
                continue
            heading = section.find(HEADING)
            h3 = out.new_tag("h3")
            h3.string = heading.get_text(" ", strip=True) if heading else doc
            key.append(h3)
            for box in boxes:
                item = copy.copy(box)
                item["class"] = [c for c in item.get("class", []) if c != "dropdown"]
                key.append(item)
    return key


def build_trainer_html(singlehtml_dir: Path, toc_path: Path = ROOT / "_toc.yml",
                       config_path: Path = ROOT / "_config.yml",
                       out_name: str = "trainershandleiding.html") -> Path:
    """Write the trainer guide's print HTML: the trainer part, the answer key and the
    worksheets as an appendix, with the handbook's cover, contents and running heads."""
    source = load_source(singlehtml_dir, toc_path, config_path)
    sheets = collect_worksheets(source)
    out = _new_document(source, f"Trainershandleiding — {source.book_title}",
                        "Trainershandleiding bij de open training Sociale media en mentale gezondheid: "
                        "draaiboeken, begeleidingsnotities, antwoordsleutel en werkbladen.")
    book = _Book(source, out)
    book.front_matter("Trainershandleiding")

    trainer_chapters = [c for c in source.chapters if c.part == TRAINER_CAPTION]
    if not trainer_chapters:
        raise SystemExit(f"printhtml: _toc.yml heeft geen deel '{TRAINER_CAPTION}'")
    content = out.new_tag("main", attrs={"class": "boek trainershandleiding"})
    for chapter in trainer_chapters:
        book.place(chapter, content)
    content.append(_answer_key(out, source))
    book.toc_entries.append((1, "antwoordsleutel", "Antwoordsleutel"))

    appendix = out.new_tag("section", attrs={"class": "hoofdstuk werkbladen-bijlage", "id": "werkbladen-bijlage"})
    h1 = out.new_tag("h1")
    h1.string = "Bijlage: werkbladen"
    appendix.append(h1)
    intro = out.new_tag("p")
    intro.string = (f"De {len(sheets)} werkbladen, elk op één bladzijde, om te kopiëren. "
                    "Ze staan ook los in werkbladen.pdf en in de map werkbladen/.")
    appendix.append(intro)
    for sheet in sheets:
        appendix.append(_worksheet_section(out, sheet, source.book_title))
    content.append(appendix)
    book.toc_entries.append((1, "werkbladen-bijlage", "Bijlage: werkbladen"))

    # Links to a worksheet's box on a module page go to its sheet in the appendix.
    ids = {s.ident for s in sheets}
    for a in content.select("a[href]"):
        fragment = a["href"].split("#", 1)[1] if "#" in a["href"] else ""
        if fragment in ids and a.find_parent("section", class_="werkblad") is None:
            a["href"] = f"#werkblad-{fragment}"
            a["class"] = a.get("class", []) + ["naar-werkblad"]

    out.body.append(_toc(out, book.toc_entries))
    out.body.append(content)
    _clean(out, out.body)
    _drop_dangling_links(out.body)

    target = singlehtml_dir / out_name
    target.write_text(str(out), encoding="utf-8")
    return target


def _drop_dangling_links(body: Tag) -> None:
    """An edition that leaves pages out keeps the text of links into them, not the link."""
    ids = {el["id"] for el in body.find_all(id=True)}
    for a in body.select('a[href^="#"]'):
        if a["href"][1:] not in ids:
            a.unwrap()


if __name__ == "__main__":
    import sys

    print(build_print_html(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / "singlehtml"))

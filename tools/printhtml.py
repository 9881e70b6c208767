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


def _cover(soup: BeautifulSoup, title: str, subs: dict[str, str]) -> Tag:
    cover = soup.new_tag("section", attrs={"class": "omslag", "id": "omslag"})
    parts = [
        ("p", "omslag-label", "Handboek"),
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


def build_print_html(singlehtml_dir: Path, toc_path: Path = ROOT / "_toc.yml",
                     config_path: Path = ROOT / "_config.yml",
                     out_name: str = "handboek.html") -> Path:
    """Write the print HTML next to the singlehtml root page and return its path."""
    root_doc, chapters = read_toc(toc_path)
    subs = read_substitutions(config_path)
    page = singlehtml_dir / (root_doc + ".html")
    src = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = src.select_one("article.bd-article") or src.body
    docs = _doc_sections(article, root_doc)
    book_title = src.title.get_text().split(" — ")[0].strip() if src.title else "Handboek"

    out = BeautifulSoup("<!DOCTYPE html><html lang=\"nl\"><head></head><body></body></html>", "html.parser")
    head, body = out.head, out.body
    head.append(out.new_tag("meta", charset="utf-8"))
    title = out.new_tag("title")
    title.string = book_title
    head.append(title)
    meta = {
        "author": "Cursusteam Sociale media en mentale gezondheid",
        "description": "Handboek bij de open training voor professionals, gebaseerd op de kennispagina "
                       "van het Expertisecentrum Digitalisering en Welzijn (Trimbos-instituut).",
        "keywords": "sociale media, mentale gezondheid, professionals, training, welzijn",
        "generator": "Jupyter Book 1 en WeasyPrint",
    }
    for name, content in meta.items():
        head.append(out.new_tag("meta", attrs={"name": name, "content": content}))
    for css in ("_static/pygments.css", "_static/sphinx-design.min.css", "_static/print.css"):
        if (singlehtml_dir / css).exists():
            head.append(out.new_tag("link", rel="stylesheet", href=css))
    for mystnb_css in sorted(singlehtml_dir.glob("_static/mystnb.*.css")):
        head.append(out.new_tag("link", rel="stylesheet", href=f"_static/{mystnb_css.name}"))

    body.append(_cover(out, book_title, subs))
    colofon = docs.get(COLOPHON_DOC)
    if colofon is not None:
        _set_title_level(colofon, 1)
        colofon["class"] = colofon.get("class", []) + ["colofon-pagina"]
        body.append(colofon)

    # The welcome page is the first chapter; its title is the book title, so rename it.
    welcome = docs[root_doc]
    welcome_h1 = _set_title_level(welcome, 1)
    if welcome_h1 is not None:
        welcome_h1.string = "Welkom"

    placed: list[tuple[Chapter, Tag]] = []
    toc_entries: list[tuple[int, str, str]] = []
    ordered = [Chapter(root_doc, "Start")] + [c for c in chapters if c.doc != COLOPHON_DOC]
    main_chapters = [c for c in ordered if c.part != APPENDIX_CAPTION]
    appendix_chapters = [c for c in ordered if c.part == APPENDIX_CAPTION]

    def place(chapter: Chapter, container: Tag) -> None:
        section = docs[chapter.doc]
        section["class"] = section.get("class", []) + ["hoofdstuk"]
        container.append(section)
        h1 = _set_title_level(section, 1)
        if h1 is not None:
            toc_entries.append((1, _heading_anchor(section, h1), h1.get_text(" ", strip=True)))
        for sub in chapter.sections:
            sub_section = docs.get(sub)
            if sub_section is None:
                raise SystemExit(f"printhtml: '{sub}' staat in _toc.yml maar niet in de singlehtml-build")
            sub_section["class"] = sub_section.get("class", []) + ["sectie"]
            section.append(sub_section)
            h2 = _set_title_level(sub_section, 2)
            if h2 is not None:
                h2["class"] = h2.get("class", []) + ["sectie-titel"]
                toc_entries.append((2, _heading_anchor(sub_section, h2), h2.get_text(" ", strip=True)))
        placed.append((chapter, section))

    content = out.new_tag("main", attrs={"class": "boek"})
    for chapter in main_chapters:
        place(chapter, content)
    answers = _move_solutions(out, placed)
    if answers is not None:
        content.append(answers)
        toc_entries.append((1, "antwoorden", "Antwoorden"))
    for chapter in appendix_chapters:
        place(chapter, content)

    body.append(_toc(out, toc_entries))
    body.append(content)
    _clean(out, body)
    _add_writing_space(out, content)

    target = singlehtml_dir / out_name
    target.write_text(str(out), encoding="utf-8")
    return target


if __name__ == "__main__":
    import sys

    print(build_print_html(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / "singlehtml"))

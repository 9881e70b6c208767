"""The machinery every print edition shares: an empty document with the book's metadata and
stylesheets, a cover, a contents list, chapters placed with their headings renumbered, solutions
moved to an answers chapter, writing lines, and the clean-up of site-only markup."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote

from bs4 import BeautifulSoup, Tag

from course import vocabulary as V
from tools.printbook import typeset, worked
from tools.printbook.source import Source, set_title_level

#: Lines to write on after each reflection exercise.
WRITING_LINES = 9
#: Stylesheets of the site that print uses (paths in the built site).
STYLESHEETS = ("_static/pygments.css", "_static/sphinx-design.min.css", "_static/print.css",
               "_static/printbook.css")
COLOPHON_DOC = "book/bijlagen/colofon"
#: A chapter that runs on after the one before instead of opening a right-hand page (a start page; printbook.css).
RUNS_ON = "hoofdstuk-doorlopend"
AUTHOR = "Cursusteam Sociale media en mentale gezondheid"
SUBTITLE = "Een open training voor professionals in zorg, onderwijs, welzijn en beleid"
BASED_ON = "Gebaseerd op de kennispagina van het Expertisecentrum Digitalisering en Welzijn (Trimbos-instituut)"


def new_document(source: Source, title_text: str, description: str) -> BeautifulSoup:
    """An empty print document with the book's metadata and stylesheets."""
    out = BeautifulSoup('<!DOCTYPE html><html lang="nl"><head></head><body></body></html>', "html.parser")
    if HELP_DOC in source.sections:
        # the help tab in the outer margin of every page (printbook.css: string-set from these)
        for n, line in enumerate(help_lines(source), 1):
            out.html[f"data-hulp-{n}"] = line
    head = out.head
    head.append(out.new_tag("meta", charset="utf-8"))
    title = out.new_tag("title")
    title.string = title_text
    head.append(title)
    meta = {"author": AUTHOR, "description": description,
            "keywords": "sociale media, mentale gezondheid, professionals, training, welzijn",
            "generator": "Jupyter Book 1 en WeasyPrint"}
    for name, content in meta.items():
        head.append(out.new_tag("meta", attrs={"name": name, "content": content}))
    static = source.html_dir
    for css in STYLESHEETS:
        if (static / css).exists():
            head.append(out.new_tag("link", rel="stylesheet", href=css))
    for mystnb_css in sorted(static.glob("_static/mystnb.*.css")):
        head.append(out.new_tag("link", rel="stylesheet", href=f"_static/{mystnb_css.name}"))
    return out


def cover(out: BeautifulSoup, source: Source, label: str) -> Tag:
    subs = source.subs
    section = out.new_tag("section", attrs={"class": "omslag", "id": "omslag"})
    parts = [("omslag-label", label), ("omslag-titel", source.title), ("omslag-ondertitel", SUBTITLE),
             ("omslag-bron", BASED_ON),
             ("omslag-versie", f"Versie {subs.get('versie', '')} · {subs.get('datum', '')}".strip(" ·")),
             ("omslag-adres", site_address(source))]
    for cls, text in parts:
        el = out.new_tag("p", attrs={"class": cls})
        el.string = text
        section.append(el)
    return section


HELP_DOC = "book/start/hulp"


def help_lines(source: Source) -> list[str]:
    """The help tab's three lines, from the help page: its title ("Hulp nodig?"), the numbers of its
    first help line (113 and 0800-0113) and the emergency number under "Direct gevaar" (112)."""
    page = source.doc(HELP_DOC)
    title = page.find(re.compile("^h[1-6]$")).get_text(" ", strip=True)
    sections = page.find_all("section", recursive=False)
    danger = next(s for s in sections if s.find("a", href=re.compile("^tel:")))
    first = next(s for s in sections if s is not danger and s.find("a", href=re.compile("^tel:")))
    numbers = [a.get_text(strip=True) for a in first.select('a[href^="tel:"]')]
    heading = danger.find(re.compile("^h[1-6]$")).get_text(" ", strip=True)
    emergency = danger.select_one('a[href^="tel:"]').get_text(strip=True)
    return [title, " of ".join(numbers), f"{heading}: {emergency}"]


def title_page(out: BeautifulSoup, source: Source, label: str) -> Tag:
    """The first page of the book block (the interior a printer gets starts here): title, who made
    it, and where to find help (the lines of the help tab, :func:`help_lines`)."""
    subs = source.subs
    section = out.new_tag("section", attrs={"class": "titelpagina", "id": "titelpagina",
                                            "aria-label": "Titelpagina"})
    for cls, text in (("titel-label", label), ("titel-titel", source.title), ("titel-ondertitel", SUBTITLE),
                      ("titel-bron", BASED_ON), ("titel-uitgever", subs.get("uitgever", AUTHOR)),
                      ("titel-versie", f"Versie {subs.get('versie', '')} · {subs.get('datum', '')}".strip(" ·"))):
        el = out.new_tag("p", attrs={"class": cls})
        el.string = text
        section.append(el)
    box = out.new_tag("div", attrs={"class": "titel-hulp"})
    for n, text in enumerate(help_lines(source), 1):
        el = out.new_tag("p", attrs={"class": f"hulptab-{n}"})
        el.string = text
        box.append(el)
    section.append(box)
    return section


def publication_details(out: BeautifulSoup, source: Source) -> Tag | None:
    """ISBN and NUR for the colophon, when _config.yml sets them (myst_substitutions isbn, nur)."""
    subs = source.subs
    lines = [f"{label} {subs[key]}" for key, label in (("isbn", "ISBN"), ("nur", "NUR")) if subs.get(key)]
    if not lines:
        return None
    p = out.new_tag("p", attrs={"class": "colofon-isbn"})
    p.string = " · ".join(lines)
    return p


def site_address(source: Source) -> str:
    """The course's address as printed: "socialemedia-....github.io/cursus" (from _config.yml)."""
    return source.subs.get("site_url", "").split("://", 1)[-1].rstrip("/")


def closing(out: BeautifulSoup, source: Source) -> Tag:
    """The last page: where the course lives, who publishes it and how to reach them."""
    subs = source.subs
    section = out.new_tag("section", attrs={"class": "slotpagina", "id": "slotpagina",
                                            "aria-label": "Verder met de training"})
    lines = [
        ("slot-titel", source.title),
        ("slot-tekst", "De hele training staat online, met de oefeningen om zelf te doen, de zelftoetsen "
                       "en de werkbladen:"),
        ("slot-adres", subs.get("site_url", "")),
        ("slot-tekst", f"{subs.get('uitgever', AUTHOR)}. Vragen, fouten of ideeën? "
                       f"Laat het ons weten via {subs.get('contact_url', '')}"),
        ("slot-versie", f"Versie {subs.get('versie', '')}, {subs.get('datum', '')} · CC BY 4.0"),
    ]
    for cls, text in lines:
        p = out.new_tag("p", attrs={"class": cls})
        if text.startswith("https://"):
            a = out.new_tag("a", href=text, attrs={"class": "adres"})
            a.string = text
            p.append(a)
        else:
            p.string = text
        section.append(p)
    return section


def contents(out: BeautifulSoup, entries: list[tuple[int, str, str]]) -> Tag:
    nav = out.new_tag("nav", attrs={"class": "inhoudsopgave", "id": "inhoud", "aria-label": "Inhoud"})
    h = out.new_tag("h1", attrs={"class": "inhoud-titel"})
    h.string = "Inhoud"
    nav.append(h)
    ul = out.new_tag("ul")
    for level, anchor, text in entries:
        li = out.new_tag("li", attrs={"class": f"niveau-{level}"})
        a = out.new_tag("a", href=f"#{anchor}")
        a.string = text
        li.append(a)
        ul.append(li)
    nav.append(ul)
    return nav


def chapter(out: BeautifulSoup, title: str, ident: str, classes: str, intro: str = "") -> Tag:
    """A new chapter of the edition's own (answers, answer key, worksheet appendix)."""
    section = out.new_tag("section", attrs={"class": f"hoofdstuk {classes}", "id": ident})
    h1 = out.new_tag("h1")
    h1.string = title
    section.append(h1)
    if intro:
        p = out.new_tag("p")
        p.string = intro
        section.append(p)
    return section


@dataclass
class Book:
    """Places chapters (a document with its nested documents) and records the contents."""

    source: Source
    out: BeautifulSoup
    toc: list[tuple[int, str, str]] = field(default_factory=list)
    placed: list[tuple[str, Tag]] = field(default_factory=list)
    #: figure numbers run on through the edition
    figures: list[int] = field(default_factory=lambda: [0])

    def web_only(self, doc: str) -> bool:
        return any(d["doc"] == doc and d.get("webOnly") for d in self.source.index["docs"])

    def place(self, doc: str, sections: list[str], container: Tag, title: str | None = None) -> Tag | None:
        """Place a document (and its nested documents) as a chapter; web-only pages are left out."""
        if self.web_only(doc):
            return None
        section = self.source.doc(doc)
        section["class"] = section.get("class", []) + ["hoofdstuk"]
        container.append(section)
        h1 = set_title_level(section, 1)
        if h1 is not None and title:
            h1.string = title
        if h1 is not None:
            self.toc.append((1, section["id"], h1.get_text(" ", strip=True)))
        notebooks = worked.notebook_docs(self.source)
        for sub in sections:
            if self.web_only(sub):
                continue
            sub_section = self.source.doc(sub)
            sub_section["class"] = sub_section.get("class", []) + ["sectie"]
            section.append(sub_section)
            h2 = set_title_level(sub_section, 2)
            if h2 is not None:
                h2["class"] = h2.get("class", []) + ["sectie-titel"]
                self.toc.append((2, sub_section["id"], h2.get_text(" ", strip=True)))
            if sub in notebooks:
                worked.convert(self.out, sub_section, self.source, sub, self.figures)
        self.placed.append((doc, section))
        return section

    def add_toc(self, level: int, anchor: str, text: str) -> None:
        self.toc.append((level, anchor, text))

    def front_matter(self, label: str) -> None:
        body = self.out.body
        body.append(cover(self.out, self.source, label))
        body.append(title_page(self.out, self.source, label))
        if COLOPHON_DOC in self.source.sections:
            colophon = self.source.doc(COLOPHON_DOC)
            set_title_level(colophon, 1)
            colophon["class"] = colophon.get("class", []) + ["colofon-pagina"]
            details = publication_details(self.out, self.source)
            if details is not None:
                colophon.append(details)
            body.append(colophon)


def solution_ids(source: Source) -> dict[str, str]:
    """Every solution's id -> its kind ("Denkrichtingen" or "Antwoord en feedback")."""
    out = {r["thinking"]: "Denkrichtingen" for r in source.index["reflections"] if r.get("thinking")}
    out.update({q["feedback"]: "Antwoord en feedback" for q in source.index["selfchecks"] if q.get("feedback")})
    return out


def move_solutions(out: BeautifulSoup, placed: list[tuple[str, Tag]], source: Source) -> Tag | None:
    """Move every solution to an answers chapter; leave a page reference behind."""
    appendix = chapter(out, "Antwoorden", "antwoorden", "antwoorden",
                       "Hier staan de denkrichtingen bij de reflectie-opdrachten en de feedback bij de "
                       "zelftoetsen. Bij reflectie-opdrachten is er geen goed of fout: de denkrichtingen "
                       "helpen je verder te denken. Lees ze pas als je zelf over de opdracht hebt nagedacht.")
    kinds = solution_ids(source)
    moved = 0
    for _doc, section in placed:
        solutions = [el for el in section.find_all(id=True) if el["id"] in kinds]
        if not solutions:
            continue
        title = section.find("h1")
        h2 = out.new_tag("h2")
        h2.string = title.get_text(" ", strip=True) if title else _doc
        appendix.append(h2)
        for sol in solutions:
            ref = out.new_tag("p", attrs={"class": "naar-antwoord"})
            link = out.new_tag("a", href=f"#{sol['id']}", attrs={"class": "paginaverwijzing"})
            link.string = f"{kinds[sol['id']]}: zie bladzijde "
            ref.append(link)
            sol.replace_with(ref)
            sol["class"] = [c for c in sol.get("class", []) if c != "dropdown"]
            appendix.append(sol)
            moved += 1
    return appendix if moved else None


#: The distance between writing lines, in mm (8-9 mm is comfortable for handwriting).
LINE_PITCH_MM = 8.5


def ruled_lines(lines: int, pitch_mm: float = LINE_PITCH_MM) -> str:
    """An SVG with ``lines`` true vector rules ``pitch_mm`` apart, the first one a pitch below the
    top (no rule on top of the box's own edge); it stretches to the width of its box."""
    height = lines * pitch_mm
    rules = "".join(f'<line x1="0" x2="100" y1="{y:.2f}" y2="{y:.2f}"/>'
                    for y in ((i + 1) * pitch_mm - 0.15 for i in range(lines)))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 {height:.2f}" preserveAspectRatio="none" '
            f'width="100" height="{height:.2f}"><g stroke="#8a8a8a" stroke-width="0.25">{rules}</g></svg>')


def writing_space(out: BeautifulSoup, lines: int, pitch_mm: float = LINE_PITCH_MM) -> Tag:
    """Room to write: one element whose ruled lines are its background image, an SVG drawn as
    vector rules (a CSS gradient pattern drops out in Poppler and MuPDF at screen resolution), so
    the PDF draws them as an artifact instead of tagging every line as content."""
    lines = int(lines)
    image = "data:image/svg+xml," + quote(ruled_lines(lines, pitch_mm))
    return out.new_tag("div", attrs={"class": "schrijfruimte", "aria-hidden": "true",
                                     "style": f"--regels: {lines}; --regel: {pitch_mm}mm; "
                                              f"height: {lines * pitch_mm:.2f}mm; "
                                              f"background-image: url('{image}')"})


def add_writing_space(out: BeautifulSoup, body: Tag, source: Source) -> None:
    reflections = {r["id"] for r in source.index["reflections"]}
    questions = {q["id"] for q in source.index["selfchecks"]}
    for el in body.find_all(id=True):
        if el["id"] in reflections:
            space = writing_space(out, WRITING_LINES)
            space["data-nr"] = str(len(body.select("div.schrijfruimte[data-nr]")) + 1)   # render.py finds it
            el.append(space)
        elif el["id"] in questions:
            answer = out.new_tag("p", attrs={"class": "mijn-antwoord"})
            answer.string = "Mijn antwoord: "
            el.append(answer)


def clean(body: Tag) -> None:
    """Remove site-only controls and content, open dropdowns, keep every id unique."""
    for sel in ("a.headerlink", "button", ".toggle-button", "script", "noscript", ".copybtn",
                f".{V.WEB_ONLY}", f".tag_{V.WEB_ONLY}"):
        for el in body.select(sel):
            el.decompose()
    for el in body.select(f".{V.PRINT_ONLY}"):
        el["class"] = [c for c in el.get("class", []) if c != V.PRINT_ONLY]
    for el in body.select(".toggle-hidden, .toggle-details__container"):
        el["class"] = [c for c in el.get("class", []) if c != "toggle-hidden"]
    for details in body.find_all("details"):
        details["open"] = ""
    seen: set[str] = set()
    for el in body.find_all(id=True):
        ident = el["id"]
        if ident in seen:
            n = 2
            while f"{ident}-{n}" in seen:
                n += 1
            el["id"] = ident = f"{ident}-{n}"
        seen.add(ident)


def drop_dangling_links(body: Tag) -> None:
    """An edition that leaves pages out keeps the text of links into them, not the link."""
    ids = {el["id"] for el in body.find_all(id=True)}
    for a in body.select('a[href^="#"]'):
        if a["href"][1:] not in ids:
            a.unwrap()


def mark_cross_references(body: Tag) -> None:
    """Links to another place in the book get "(blz. N)" in print (print.css: a.blz-verwijzing).
    Not: citations (they lead to Bronnen), glossary terms, the contents, links that already
    name their page, a card's stretched link (its ::after is the card's surface)."""
    for a in body.select('a.reference.internal[href^="#"]'):
        if (a.find_parent(class_="bibtex-citation") is not None or a.find(class_="std-term") is not None
                or a.find_parent("nav") is not None
                or {"paginaverwijzing", "naar-werkblad", "sd-stretched-link"} & set(a.get("class", []))):
            continue
        a["class"] = a.get("class", []) + ["blz-verwijzing"]


_URL = re.compile(r"https?://[^\s<>()“”\"']+[^\s<>()“”\"'.,;:!?]")


def link_addresses(out: BeautifulSoup, body: Tag) -> None:
    """A web address written as plain text becomes a link, so that it breaks like every other
    address (:func:`break_addresses`: after a slash, never at a hyphen of its own)."""
    from bs4 import NavigableString

    for node in list(body.find_all(string=_URL)):
        if type(node) is not NavigableString or node.find_parent(["a", "code", "pre", "script", "style"]):
            continue
        text, pos = str(node), 0
        for m in _URL.finditer(text):
            if m.start() > pos:
                node.insert_before(NavigableString(text[pos:m.start()]))
            link = out.new_tag("a", href=m.group(0))
            link.string = m.group(0)
            node.insert_before(link)
            pos = m.end()
        if pos < len(text):
            node.insert_before(NavigableString(text[pos:]))
        node.extract()


def break_addresses(out: BeautifulSoup, body: Tag) -> None:
    """A printed web address may break after a slash and nowhere else (<wbr>; print.css turns
    hyphenation off for addresses)."""
    for a in body.select("a.github[href], a.gitlab[href]"):
        a.string = a["href"]    # the theme shortens these to "owner/repo#issues": paper needs it whole
    for a in body.select('a[href^="http"]'):
        text = a.get_text()
        if a.find(True) is not None or "/" not in text.rstrip("/"):
            continue
        scheme, sep, rest = text.partition("://")
        if not sep:
            scheme, rest = "", text
        pieces = rest.split("/")
        a.clear()

        def unbroken(text: str) -> Tag:      # no break inside, not even after a "-"
            span = out.new_tag("span", attrs={"class": "adres-deel"})
            span.string = text
            return span

        a.append(unbroken(scheme + sep + pieces[0] + ("/" if len(pieces) > 1 else "")))
        for i, piece in enumerate(pieces[1:], 1):
            if piece:
                a.append(out.new_tag("wbr"))
                a.append(unbroken(piece + ("/" if i < len(pieces) - 1 else "")))
        a["class"] = a.get("class", []) + ["adres"]


SOURCES_DOC = "book/bijlagen/bronnen"


def source_list(out: BeautifulSoup, source: Source, body: Tag) -> Tag | None:
    """A "Bronnen" chapter with the entries this edition cites (for an edition without the
    whole Bronnen page, such as the trainer guide); the citations then link to it."""
    entries = {el["id"]: el for el in source.doc(SOURCES_DOC).select("div.citation[id]")}
    cited = []
    for a in body.select('span.bibtex-citation a[href^="#"]'):
        ident = a["href"][1:]
        if ident in entries and ident not in cited:
            cited.append(ident)
    if not cited:
        return None
    section = chapter(out, "Bronnen", "bronnen", "bronnen-lijst",
                      "De bronnen die in deze handleiding worden genoemd. De volledige lijst staat in het "
                      "handboek en op de website.")
    for ident in entries:          # the order of the Bronnen page (alphabetical)
        if ident in cited:
            section.append(entries[ident])
    return section


def table_headers(body: Tag) -> None:
    """Header cells say what they head (PDF/UA: /Scope): column headers in <thead>, row headers
    as the first cell of a body row."""
    for th in body.select("thead th"):
        th.attrs.setdefault("scope", "col")
    for th in body.select("tbody th"):
        th.attrs.setdefault("scope", "row")


def labels_into_headings(body: Tag) -> None:
    """MyST writes a label before a heading ("(label)=") as an empty <span id> in front of it.
    On paper the heading may move to the next page without it, and every "(blz. N)" that points
    at the label would then name the page before: the label goes into the heading."""
    for span in body.select("span[id]"):
        if span.contents:
            continue
        heading = span.find_next_sibling()
        if heading is not None and heading.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            heading.insert(0, span.extract())


def running_heads(out: BeautifulSoup) -> None:
    """Every chapter title carries the book's title for the left-hand running head, which
    printbook.css shows from the page after a chapter opens ("first-except"): a start page that
    runs on opens mid-page, and that page has no running head either."""
    title = out.select_one(".omslag-titel")
    if title is None:
        return
    for h1 in out.select("section.hoofdstuk > h1"):
        h1["data-boektitel"] = title.get_text(" ", strip=True)


def finish(out: BeautifulSoup) -> None:
    running_heads(out)
    clean(out.body)
    typeset.typeset(out.body)
    typeset.mark_english(out.body)
    typeset.hyphenation(out.body)
    labels_into_headings(out.body)
    table_headers(out.body)
    drop_dangling_links(out.body)
    mark_cross_references(out.body)
    link_addresses(out, out.body)
    break_addresses(out, out.body)

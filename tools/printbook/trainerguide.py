"""The trainer guide: the "Voor trainers" part, a compact answer key that points into the
handbook, and the worksheets as an appendix; the handbook's cover, contents and running heads.

A reference to a place that is only in the handbook says "(handboek, blz. N)": the guide's HTML
carries the place's id, and :func:`render` writes the number in once the handbook is laid out
(``render.render_pdf`` with ``anchors`` writes where every id of the handbook landed)."""

from __future__ import annotations

import copy
import json
import re
from html import unescape
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from course import vocabulary as V
from tools.printbook import kit, worksheets
from tools.printbook.render import render_pdf
from tools.printbook.source import Source

CSS = Path(__file__).with_name("static") / "trainershandleiding.css"
#: The timeline's column heads (the last column is the activity's length as a bar).
TIMELINE_COLUMNS = ("Tijd", "Activiteit", "Werkvorm", "Duur", "Verloop")
GOAL = re.compile(r"^(M\d+\.\d+):\s*(.*)$", re.S)
#: The class of the number in a reference to a handbook page (filled in at render time).
HANDBOOK_PAGE = "handboek-blz"


#: What the trainer guide leaves off a plan's cards (two pages per session): the run sheet in the
#: workshop kit (draaiboek.pdf) and the plan page carry it.
KIT_ONLY_TERMS = ("Ronde", "Wat je wilt horen", "Als je uitloopt, schrap dan")


def compact_cards(content: Tag) -> None:
    """The plan cards as the guide prints them: without the kit's run-sheet details
    (:data:`KIT_ONLY_TERMS`), the session's plain objectives and the slides of page sections
    (they are on the deck)."""
    for goals in content.select("div.draaiboek dl.draaiboek-leerdoelen, div.draaiboek p.materiaal-dia"):
        goals.decompose()
    for dt in content.select("div.draaiboek dl.draaiboek-details > dt"):
        if dt.get_text(strip=True) in KIT_ONLY_TERMS:
            dd = dt.find_next_sibling("dd")
            if dd is not None:
                dd.decompose()
            dt.decompose()


def plans_for_the_room(out: BeautifulSoup, content: Tag) -> None:
    """Lesson plans that read in the room: landscape pages, the objectives once as a legend (a
    card names only their codes, in its head line), and after each session's cards its
    timeline on a page of its own, so every session is cards plus one timeline page."""
    for plan in content.select("div.draaiboek"):
        section = plan.find_parent("section")
        section["class"] = section.get("class", []) + ["draaiboek-pagina"]
        legend: dict[str, Tag] = {}
        for para in plan.select("p.doel"):
            m = GOAL.match(" ".join(para.get_text("").split()))
            if not m:
                continue
            code = m.group(1)
            if code not in legend:
                entry = out.new_tag("p")
                strong = out.new_tag("strong")
                strong.string = code + " "
                entry.append(strong)
                entry.append(m.group(2))
                legend[code] = entry
            para.string = code
        for card in plan.select("li.draaiboek-activiteit"):
            codes = [p.get_text(strip=True) for p in card.select("dl.draaiboek-details p.doel")]
            if not codes:
                continue
            dd = card.select_one("dl.draaiboek-details p.doel").find_parent("dd")
            dd.find_previous_sibling("dt").decompose()
            dd.decompose()
            goals = out.new_tag("span", attrs={"class": "doel-codes"})
            goals.string = ", ".join(codes)
            card.select_one(".draaiboek-kop").extend([" · ", goals])
        box = out.new_tag("div", attrs={"class": "doelen-legenda"})
        for code in sorted(legend, key=lambda c: tuple(int(x) for x in c[1:].split("."))):
            box.append(legend[code])
        setup = plan.select_one("dl.draaiboek-opzet")
        (setup or plan).insert_after(box) if setup else plan.insert(0, box)
        rubrics = [r for r in plan.select(".draaiboek-sessie") if r.find_parent(class_="draaiboek-materiaal") is None]
        for rubric, cards in zip(rubrics, plan.select("ol.draaiboek-activiteiten")):
            cards.insert_after(timeline(out, rubric.get_text(" ", strip=True), cards))


def timeline(out: BeautifulSoup, session: str, cards: Tag) -> Tag:
    """One page with a session's activities as a table: start, title, form, minutes, a bar."""
    box = out.new_tag("div", attrs={"class": "tijdlijn"})
    heading = out.new_tag("p", attrs={"class": "draaiboek-sessie tijdlijn-kop"})
    heading.string = f"Tijdlijn: {session}"
    box.append(heading)
    table = out.new_tag("table", attrs={"class": "tijdlijn-tabel"})
    head = out.new_tag("tr")
    for text in TIMELINE_COLUMNS:
        cell = out.new_tag("th", attrs={"scope": "col"})
        cell.string = text
        head.append(cell)
    table.append(out.new_tag("thead"))
    table.thead.append(head)
    for card in cards.select("li.draaiboek-activiteit"):
        row = out.new_tag("tr", attrs={"class": "pauze" if "pauze" in card.get("class", []) else ""})
        minutes = int(card.select_one(".duur").get_text(strip=True).split()[0])
        for text in (card.select_one(".starttijd").get_text(strip=True),
                     card.select_one(".draaiboek-titel").get_text(strip=True),
                     card.select_one(".werkvorm").get_text(strip=True), f"{minutes} min"):
            cell = out.new_tag("td")
            cell.string = text
            row.append(cell)
        bar = out.new_tag("td", attrs={"class": "balk"})
        bar.append(out.new_tag("span", attrs={"class": "balk", "style": f"width: {minutes * 3}pt"}))
        row.append(bar)
        table.append(row)
    box.append(table)
    return box


DESCRIPTION = ("Trainershandleiding bij de open training Sociale media en mentale gezondheid: "
               "draaiboeken, begeleidingsnotities, antwoordsleutel en werkbladen.")


#: The answer key's short "why": the book's own feedback on the right option, or its first
#: sentence, if it fits on one line of the key's table; else the key only points to the handbook.
WHY_MAX = 100
KEY_COLUMNS = ("Vraag", "Goed", "Waarom, kort", "Feedback")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“‘\"'0-9])")


def handbook_reference(out: BeautifulSoup, anchor: str, brackets: bool = True) -> Tag:
    """Where a place that is only in the handbook is: "(handboek, blz. N)". The number is filled
    in once the handbook is laid out (:func:`fill_handbook_pages`)."""
    number = out.new_tag("span", attrs={"class": HANDBOOK_PAGE, "data-anker": anchor})
    if not brackets:
        return number
    ref = out.new_tag("span", attrs={"class": "handboek-verwijzing"})
    ref.append(" (")
    ref.append(number)
    ref.append(")")
    return ref


def short_why(feedback: Tag, correct: str) -> str | None:
    """The feedback on the right option ("B. Juist. ...") without its citations, or its first
    sentence, if that is at most WHY_MAX characters; None if the book has no short one."""
    for item in feedback.select("li"):
        label = item.find("strong")
        if label is None or not label.get_text(strip=True).startswith(f"{correct}."):
            continue
        item = copy.copy(item)
        item.find("strong").decompose()
        for cite in item.select(".bibtex-citation"):
            cite.decompose()
        text = re.sub(r"\s+([.,;:!?])", r"\1", " ".join(item.get_text(" ").split()))
        for candidate in (text, SENTENCE_END.split(text)[0]):
            if len(candidate) <= WHY_MAX:
                return candidate
        return None
    raise SystemExit(f"printbook: the feedback {feedback.get('id')} has no item for its right option {correct}")


def answer_key(out: BeautifulSoup, source: Source) -> Tag:
    """A compact key that points into the handbook instead of repeating it: per module the
    reflections with their page in the handbook and their thinking directions (the trainer leads
    the talk with them), and a table of the self-check questions with the right option, the
    book's short "why" where it has one, and the handbook page of the full feedback."""
    key = kit.chapter(out, "Antwoordsleutel", "antwoordsleutel", "antwoordsleutel",
                      "Per module de denkrichtingen bij de reflectie-opdrachten en de goede antwoorden "
                      "van de zelftoets. Bij reflectie is er geen goed of fout; gebruik de denkrichtingen "
                      "om het gesprek in de groep verder te helpen. De opdrachten, de vragen en de "
                      "volledige feedback staan in het handboek, op de bladzijde die erbij staat.")
    pages: dict[str, Tag] = {}

    def box(doc: str, ident: str) -> Tag:
        if doc not in pages:
            pages[doc] = source.doc(doc)
        found = pages[doc].find(id=ident)
        if found is None:
            raise SystemExit(f"printbook: {doc} has no element with id {ident} (course index)")
        return found

    for module in source.modules:
        h2 = out.new_tag("h2")
        h2.string = module["title"]
        key.append(h2)
        reflections = [r for r in source.index["reflections"] if r["module"] == module["id"] and r.get("thinking")]
        if reflections:
            h3 = out.new_tag("h3")
            h3.string = "Reflectie-opdrachten"
            key.append(h3)
        for reflection in reflections:
            thinking = box(reflection["doc"], reflection["thinking"]).extract()
            thinking["class"] = [c for c in thinking.get("class", []) if c != "dropdown"]
            title = thinking.select_one(".admonition-title")
            for link in title.select("a"):
                link.unwrap()
            title.append(handbook_reference(out, reflection["id"]))
            key.append(thinking)
        questions = [q for q in source.index["selfchecks"] if q["module"] == module["id"]]
        if not questions:
            continue
        h3 = out.new_tag("h3")
        h3.string = "Zelftoets"
        key.append(h3)
        table = out.new_tag("table", attrs={"class": "sleutel-tabel"})
        table.append(out.new_tag("thead"))
        row = out.new_tag("tr")
        for text in KEY_COLUMNS:
            cell = out.new_tag("th", attrs={"scope": "col"})
            cell.string = text
            row.append(cell)
        table.thead.append(row)
        body = out.new_tag("tbody")
        for q in questions:
            row = out.new_tag("tr")
            cells = [out.new_tag("td") for _ in KEY_COLUMNS]
            cells[0].append(q["title"])
            cells[0].append(handbook_reference(out, q["id"]))
            cells[1].string = q["correct"]
            cells[2].string = short_why(box(q["doc"], q["feedback"]), q["correct"]) or ""
            cells[3].append(handbook_reference(out, q["feedback"], brackets=False))
            for cell in cells:
                row.append(cell)
            body.append(row)
        table.append(body)
        key.append(table)
    return key


def refer_to_handbook(out: BeautifulSoup, content: Tag, handbook_ids: set[str]) -> None:
    """A link to a place that is not in the guide but is in the handbook says where it is there:
    "(handboek, blz. N)" (the link itself then becomes text: kit.drop_dangling_links)."""
    here = {el["id"] for el in out.find_all(id=True)}
    for a in content.select('a[href^="#"]'):
        target = a["href"][1:]
        if target not in here and target in handbook_ids:
            a.insert_after(handbook_reference(out, target))


HANDBOOK_MARK = re.compile(rf'(<span class="{HANDBOOK_PAGE}" data-anker="([^"]*)">)[^<]*(</span>)')


def fill_handbook_pages(html: str, anchors: dict[str, int]) -> str:
    """Write the handbook page into every handbook reference of the guide's print HTML."""
    missing = []

    def page(m: re.Match) -> str:
        anchor = unescape(m.group(2))
        if anchor not in anchors:
            missing.append(anchor)
            return m.group(0)
        return f"{m.group(1)}handboek, blz. {anchors[anchor]}{m.group(3)}"

    html = HANDBOOK_MARK.sub(page, html)
    if missing:
        raise SystemExit(f"printbook: the handbook has no place for {', '.join(sorted(set(missing)))}")
    return html


def render(html: Path, base: Path, target: Path, anchors: Path) -> Path:
    """Render the guide once the handbook is laid out: its page numbers first, then the PDF."""
    html.write_text(fill_handbook_pages(html.read_text(encoding="utf-8"),
                                        json.loads(anchors.read_text(encoding="utf-8"))), encoding="utf-8")
    return render_pdf(html, base, target)


def build(source: Source, sheets: list[worksheets.Worksheet], handbook_ids: set[str]) -> BeautifulSoup:
    """The guide's print HTML; ``handbook_ids`` are the ids of the handbook's print HTML (the
    places a reference may point to there)."""
    out = kit.new_document(source, f"Trainershandleiding — {source.title}", DESCRIPTION)
    out.head.append(out.new_tag("link", rel="stylesheet", href=CSS.as_uri()))
    book = kit.Book(source, out)
    book.front_matter("Trainershandleiding")
    chapters = source.part(V.TRAINER_PART)
    if not chapters:
        raise SystemExit(f"printbook: _toc.yml has no part '{V.TRAINER_PART}'")
    content = out.new_tag("main", attrs={"class": "boek trainershandleiding"})
    for chap in chapters:
        book.place(chap["doc"], chap["sections"], content)
    compact_cards(content)
    plans_for_the_room(out, content)
    content.append(answer_key(out, source))
    book.add_toc(1, "antwoordsleutel", "Antwoordsleutel")

    appendix = kit.chapter(out, "Bijlage: werkbladen", "werkbladen-bijlage", "werkbladen-bijlage",
                           f"De {len(sheets)} werkbladen, elk op één bladzijde, om te kopiëren. "
                           "Ze staan ook los als pdf-bestanden op de website.")
    numbered = worksheets.sheet_numbers(sheets)
    for sheet in sheets:
        appendix.append(worksheets.sheet_section(out, sheet, source.title, handbook_page=True, numbered=True))
    content.append(appendix)
    book.add_toc(1, "werkbladen-bijlage", "Bijlage: werkbladen")
    sources = kit.source_list(out, source, content)
    if sources is not None:
        content.append(sources)
        book.add_toc(1, "bronnen", "Bronnen")

    # Links to a worksheet's box on a module page go to its sheet in the appendix.
    ids = {s.ident for s in sheets}
    for a in content.select('a[href^="#"]'):
        if a["href"][1:] in ids and a.find_parent("section", class_="werkblad") is None:
            a["href"] = f"#werkblad-{a['href'][1:]}"
            a["class"] = a.get("class", []) + ["naar-werkblad"]

    out.body.append(kit.contents(out, book.toc))
    out.body.append(content)
    out.body.append(kit.closing(out, source))
    refer_to_handbook(out, content, handbook_ids)
    worksheets.replace_ids(out.body, numbered)
    kit.finish(out)
    return out


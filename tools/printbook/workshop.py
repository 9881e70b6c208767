"""The workshop kit on disk: one folder per lesson plan in ``_build/workshop/<plan>/`` with what a
trainer needs to run it without a connection:

==============================  =================================================================
file                            what
==============================  =================================================================
presentatie.html                the reveal.js deck (one per session of a series:
                                ``presentatie-bijeenkomst-N.*``), with ``presentatie-bestanden/``
presentatie.pdf / .pptx         the same deck as a 16:9 PDF and as editable PowerPoint
printpakket.pdf                 everything to print, in order of use, with quantities and a checklist
hand-out.pdf                    two pages for participants
hulp-nodig-poster.pdf           "Hulp nodig?" on one A4
presentielijst.pdf              attendance list
evaluatieformulier.pdf          evaluation form
bewijs-van-deelname.pdf         certificate of participation (fillable fields)
uitnodiging.txt                 invitation and pre-reading, to paste into an e-mail
draaiboek.pdf                   the plan (as the trainer guide prints it) and the safety protocol
==============================  =================================================================

:func:`prepare` writes the HTML and returns render jobs for :func:`tools.printbook.render.run_parallel`,
so the decks and packs are rendered side by side with the other editions.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from course import ROOT, plans
from tools.printbook import assemble, kit, materials, render, slides, trainerguide, worksheets
from tools.printbook.render import PDF_VARIANT
from tools.printbook.source import Source

WORKSHOP = ROOT / "_build" / "workshop"
#: Parts of the last print pack written as separate files: (part id prefix, file name).
EXTRACTS = (("deel-poster", "hulp-nodig-poster.pdf"), ("deel-presentielijst-", "presentielijst.pdf"),
            ("deel-hand-out-", "hand-out.pdf"), ("deel-evaluatie-", "evaluatieformulier.pdf"),
            ("deel-bewijs-", "bewijs-van-deelname.pdf"))


#: The plan and the safety protocol as one PDF in the kit (the trainer guide's layout for plans).
PLAN_FILE = "draaiboek.pdf"


#: The kit's own layout of the plan on top of the trainer guide's (portrait, whole cards, spiekbrief).
KIT_CSS = Path(__file__).with_name("static") / "draaiboek-kit.css"
#: The spiekbrief's columns: time · slide · the trainer · the participants · materials · key message · what to cut.
CRIB_COLUMNS = ("Tijd", "Dia", "Jij", "Deelnemers", "Materiaal", "Kern", "Als je uitloopt")


def slide_numbers(deck: assemble.Deck) -> dict[str, str]:
    """Per activity title, where its first slide is: "dia 12" in the HTML deck, "(pdf/pptx 13)"
    added when the PDF and PowerPoint count differently (a question there takes two slides)."""
    out: dict[str, str] = {}
    printed = 0
    for number, slide in enumerate(deck.slides, 1):
        printed += 1
        if slide.kind in ("activity", "break") and slide.title not in out:
            out[slide.title] = f"dia {number}" + (f" (pdf/pptx {printed})" if printed != number else "")
        printed += 1 if slide.reveal else 0
    return out


def _materials_short(act) -> str:
    names = {"werkblad": "werkblad", "zelftoets": "zelftoets", "grafiek": "grafiek", "formulier": ""}
    parts = [f"{names[kind]} {target}".strip() if kind != "grafiek" else "grafiek op de dia"
             for kind, target, _line in act.materiaal if kind in names]
    return "; ".join(dict.fromkeys(parts))


def spiekbrief(out: BeautifulSoup, deck: assemble.Deck, numbers: dict[str, str], titles: dict[str, str]) -> Tag:
    """One page per session: every activity as a row (relative and clock time, slide, what the
    trainer does, the participants' task, materials, what you want to hear, what to cut)."""
    box = out.new_tag("div", attrs={"class": "spiekbrief"})
    head = out.new_tag("p", attrs={"class": "spiekbrief-kop"})
    head.string = f"Spiekbrief: {deck.session.titel} ({deck.session.duur} minuten)"
    box.append(head)
    table = out.new_tag("table", attrs={"class": "spiekbrief-tabel"})
    row = out.new_tag("tr")
    for text in CRIB_COLUMNS:
        cell = out.new_tag("th", attrs={"scope": "col"})
        cell.string = text
        row.append(cell)
    table.append(row)
    for act in deck.session.activiteiten:
        start = deck.session.begintijd + act.start
        first_note = plans.sentences(plans.plain(act.notities, titles))[:1]
        cells = [(f"{plans.relative(act.start)}–{plans.relative(act.start + act.duur)} "
                  f"({plans.clock(start)})", "tijd"),
                 (numbers.get(act.titel, ""), ""),
                 (f"{act.titel} · {act.werkvorm}" + (f". {first_note[0]}" if first_note and not act.is_break else ""),
                  ""),
                 (plans.plain(act.opdracht, titles), ""),
                 (_materials_short(act), ""),
                 (" · ".join(plans.plain(h, titles) for h in act.horen), ""),
                 (plans.plain(act.schrappen, titles), "")]
        row = out.new_tag("tr")
        for text, cls in cells:
            cell = out.new_tag("td", attrs={"class": cls} if cls else {})
            cell.string = text
            row.append(cell)
        table.append(row)
    box.append(table)
    return box


def plan_document(source: Source, library: assemble.Library, plan_file: str,
                  decks: list[assemble.Deck] | tuple = ()) -> BeautifulSoup:
    """The plan's page of the site and the safety protocol, laid out as in the trainer guide
    (``trainerguide.plans_for_the_room``: objectives as a legend), then made a run sheet for the
    kit (``draaiboek-kit.css``): portrait, whole cards with their slide numbers, and per session a
    one-page spiekbrief in place of the timeline."""
    doc = next(p["doc"] for p in library.index["plans"] if p["file"] == plan_file)
    out = kit.new_document(source, f"{library.titles[doc]} — {source.title}",
                           f"{library.titles[doc]} met het veiligheidsprotocol.")
    out.head.append(out.new_tag("link", rel="stylesheet", href=trainerguide.CSS.as_uri()))
    content = out.new_tag("main", attrs={"class": "boek trainershandleiding"})
    for name in (doc, assemble.SAFETY_DOC):
        section = source.doc(name)
        section["class"] = section.get("class", []) + ["hoofdstuk"]
        content.append(section)
    trainerguide.plans_for_the_room(out, content)
    out.head.append(out.new_tag("link", rel="stylesheet", href=KIT_CSS.as_uri()))
    content["class"] = content["class"] + ["draaiboek-kit"]
    for deck, cards in zip(decks, content.select("ol.draaiboek-activiteiten")):
        numbers = slide_numbers(deck)
        for act, card in zip(deck.session.activiteiten, cards.select("li.draaiboek-activiteit")):
            if act.titel in numbers:
                span = out.new_tag("span", attrs={"class": "dia-nummers"})
                span.string = numbers[act.titel]
                card.select_one(".draaiboek-kop").extend([" · ", span])
        timeline = cards.find_next_sibling(class_="tijdlijn")
        crib = spiekbrief(out, deck, numbers, library.titles)
        if timeline is not None:
            timeline.replace_with(crib)
        else:
            cards.insert_after(crib)
    out.body.append(content)
    kit.finish(out)
    return out


def pack_file(deck: assemble.Deck) -> str:
    return plans.kit_stem("printpakket", deck.number, len(deck.plan.sessies)) + ".pdf"


def render_pack(html: Path, base: Path, target: Path, part_ids: list[str],
                extracts: list[tuple[str, str]]) -> Path:
    """Render a print pack (fillable form fields on), and write chosen parts as their own PDFs.

    ``part_ids`` are the ids of the pack's parts in order; a page belongs to the last part that
    started on or before it. ``extracts`` are (id prefix, file name)."""
    from weasyprint import HTML

    def pages_of(document) -> list[str]:
        owner: list[str] = []
        current = part_ids[0]
        for page in document.pages:
            started = [i for i in part_ids if i in page.anchors]
            current = started[-1] if started else current
            owner.append(current)
        return owner

    # first pass: which pages each part has; the checklist names them; second pass: the real pack
    # (every part starts on a new page, so the numbers on the one-page checklist move nothing)
    owner = pages_of(HTML(filename=str(html), base_url=str(base) + "/").render(pdf_forms=True))
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    for span in soup.select("span.blz[data-deel]"):
        span.string = materials.page_range([n for n, o in enumerate(owner, 1) if o == span["data-deel"]])
    html.write_text(str(soup), encoding="utf-8")
    document = HTML(filename=str(html), base_url=str(base) + "/").render(pdf_forms=True)
    owner = pages_of(document)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(str(target), pdf_variant=PDF_VARIANT, pdf_forms=True)
    for prefix, name in extracts:
        pages = [p for p, o in zip(document.pages, owner) if o.startswith(prefix)]
        if pages:
            single = document.copy(pages)
            single.metadata = copy.copy(document.metadata)
            single.write_pdf(str(target.parent / name), pdf_variant=PDF_VARIANT, pdf_forms=True)
    return target


def pack_pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def prepare(source: Source, sheets: list[worksheets.Worksheet], print_dir: Path,
            out: Path = WORKSHOP) -> tuple[list[assemble.Deck], list[tuple]]:
    """Assemble every deck, write the decks' HTML, the packs' print HTML and the invitations;
    return the decks and the render jobs."""
    html_dir = source.html_dir.resolve()
    library, decks = assemble.assemble_all(source)
    by_id = {s.ident: s for s in sheets}
    if out.exists():
        shutil.rmtree(out)
    jobs: list[tuple] = []
    plans_seen: dict[str, list[assemble.Deck]] = {}
    for deck in decks:
        plans_seen.setdefault(deck.plan.path.stem, []).append(deck)
    for stem, plan_decks in plans_seen.items():
        folder = out / stem
        folder.mkdir(parents=True)
        slides.copy_assets(folder, html_dir, plan_decks)
        (folder / "uitnodiging.txt").write_text(materials.invitation(library, plan_decks[0], plan_decks[0]),
                                                encoding="utf-8")
        (folder / "evaluatie-vragen.txt").write_text(materials.evaluation_text(plan_decks[-1]), encoding="utf-8")
        work = print_dir / "workshop" / stem
        work.mkdir(parents=True, exist_ok=True)
        plan_html = work / PLAN_FILE.replace(".pdf", ".html")
        plan_html.write_text(str(plan_document(source, library, str(plan_decks[0].plan.path.relative_to(ROOT)),
                                               plan_decks)), encoding="utf-8")
        jobs.append((render.render_pdf, plan_html, html_dir, folder / PLAN_FILE))
        for deck in plan_decks:
            (folder / slides.deck_file(deck, ".html")).write_text(slides.reveal_html(deck), encoding="utf-8")
            deck_html = work / slides.deck_file(deck, ".html")
            deck_html.write_text(slides.print_html(deck, html_dir), encoding="utf-8")
            jobs.append((render_deck, deck_html, html_dir, folder / slides.deck_file(deck, ".pdf")))
            jobs.append((slides.write_pptx, deck, html_dir, folder / slides.deck_file(deck, ".pptx")))
            soup, parts = materials.pack_document(source, library, deck, by_id)
            pack_html = work / pack_file(deck).replace(".pdf", ".html")
            pack_html.write_text(str(soup), encoding="utf-8")
            # the poster and attendance list from the first pack, the rest from the last (a series'
            # middle sessions add nothing new; two jobs never write the same file)
            first_only = ("deel-poster", "deel-presentielijst-")
            extracts = [e for e in EXTRACTS if (deck.number == 1 and e[0] in first_only)
                        or (deck.last and (e[0] not in first_only or deck.number == 1))]
            jobs.append((render_pack, pack_html, html_dir, folder / pack_file(deck), [p.ident for p in parts],
                         list(extracts)))
    return decks, jobs


def render_deck(html: Path, base: Path, target: Path) -> Path:
    from weasyprint import HTML

    target.parent.mkdir(parents=True, exist_ok=True)
    HTML(filename=str(html), base_url=str(base) + "/").write_pdf(str(target), pdf_variant=PDF_VARIANT)
    return target

"""Print materials of a workshop, generated from the plan: per deck (a plan, or a session of a
series) one print pack in order of use, every sheet marked with how many to print, opened by a
one-page materials checklist. Its parts are also written as separate files: the participants'
handout, the "Hulp nodig?" poster, the attendance list, the evaluation form and the certificate
of participation (fillable PDF fields). And an invitation text per plan.

Course text comes from the site (cases, reflections, the help page, the module pages the handout
summarises, the safety protocol); the plan gives tasks, roles and quantities. Only the trainer's
pages (checklist, safety card, attendance list) carry a print badge and the pack's footer; what
participants keep has neither, and the checklist names each part's pages (filled in by
``workshop.render_pack``, which knows them after a first layout). The words of the forms themselves (the
evaluation's questions, the certificate's sentence) are in :data:`FORMS`, in one place.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from course import plans
from course import vocabulary as V
from tools.printbook import figures, kit, worksheets
from tools.printbook.assemble import LABELS, Deck, Library, section_by_heading, text_of
from tools.printbook.source import Source

CSS = Path(__file__).with_name("static") / "materialen.css"

#: How many to print, by who uses a sheet.
PER_PERSON = "1 per deelnemer"
PER_PAIR = "1 set per tweetal"
PER_GROUP = "1 set per groepje"
PER_ROOM = "1 voor de ruimte"
PER_TRAINER = "1 voor de trainer"

#: Pages of the course the handout and the poster summarise.
SPECTRUM_PAGE = "book/m1-spectrum/02-het-spectrum"
CIRCLE_PAGE = "book/m2-lange-termijn/03-depressie-en-de-cirkel-doorbreken"
GUIDE_PAGE = "book/m4-tips/03-gespreksleidraad"
HELP_PAGE = "book/start/hulp"
#: The course's start page: the invitation's opening lines.
START_PAGE = "book/index"
SAFETY_PAGE = "book/trainers/veiligheid"
#: Sections of the conversation guide on the handout's second page: (heading, sub-heading with the list).
GUIDE_SECTIONS = (("Wat je beter vermijdt", None), ("Wanneer en hoe verwijs je door?", "Wanneer"))
#: The parts of the safety protocol printed as a card for the trainer: the urgent part first.
SAFETY_HEADINGS = ("Wanneer je meteen handelt", "Als iemand vertelt dat het niet goed gaat", "Wat je liever niet zegt")
#: Sections of the help page that are for professionals, not for a poster in the room.
#: Rows on the attendance list.
ATTENDANCE_ROWS = 20

#: The words of the forms (Dutch, "je"-form), in one place.
#: The local contacts a trainer writes on the safety card before the session (fillable fields).
LOCAL_CONTACTS = (("Vandaag bereikbaar: collega en telefoon", "collega"),
                  ("Op locatie: vertrouwenspersoon of BHV", "op-locatie"),
                  ("Zorgcoördinator of aandachtsfunctionaris", "aandachtsfunctionaris"))
FORMS = {
    "local": "Bij ons",
    "total": "bij {most} deelnemers: {n}×",
    "checklist": "Checklist materialen",
    "checklist_intro": "Alles wat je voor deze bijeenkomst print en meeneemt, in de volgorde van gebruik. "
                       "Per onderdeel staat op welke bladzijden van dit printpakket het staat en hoeveel je print.",
    "page": "blz.",
    "plan_file": "Los bestand draaiboek.pdf in deze map: het draaiboek met het veiligheidsprotocol",
    "double": "dubbelzijdig",
    "fill_in": "Vul op de bewijzen van deelname vooraf de datum, de plaats en je naam als trainer in, en zet je "
               "handtekening.",
    "print": "Printen",
    "bring": "Meenemen",
    "prepare": "Voorbereiden",
    "attendance": "Presentielijst",
    "name": "Naam",
    "organisation": "Organisatie",
    "signature": "Handtekening",
    "date": "Datum",
    "place": "Plaats",
    "trainer": "Trainer",
    "evaluation": "Evaluatie",
    "evaluation_intro": ("Je antwoorden helpen de trainer om de workshop beter te maken. "
                         "Je hoeft je naam niet in te vullen."),
    "scale": ["helemaal niet", "niet", "neutraal", "wel", "helemaal wel"],
    "can_now": "Klopt dit voor jou na deze workshop?",
    "mark": "Je rapportcijfer voor deze workshop (1 tot 10)",
    "questions_text": "Evaluatievragen",
    "questions_intro": ("Dezelfde vragen als op het evaluatieformulier, om over te nemen in je eigen formuliertool "
                        "(bijvoorbeeld met een QR-code op de laatste dia)."),
    "safety": ["Ik voelde me veilig in de groep.",
               "Ik hoefde niets persoonlijks te vertellen als ik dat niet wilde.",
               "Ik weet waar ik hulp kan vinden, voor mezelf of voor een ander."],
    "open": ["Wat neem je mee naar je werk?", "Wat kan beter aan deze workshop?", "Wil je nog iets kwijt?"],
    "certificate": "Bewijs van deelname",
    "took_part": "heeft deelgenomen aan",
    "duration": "Duur",
    "load": "Studiebelasting",
    "load_text": "{total}, waarvan {self} zelfstudie",
    "not_accredited": ("Dit is een bewijs van deelname. Het is geen accreditatie: de training geeft geen punten "
                       "in een kwaliteits- of beroepsregister."),
    "votes": "Stemkaartjes",
    "votes_intro": ("Knip de kaartjes los. Bij een zelftoetsvraag steekt iedereen het kaartje "
                    "van zijn of haar antwoord op."),
    "role_cards": "Rollenkaarten",
    "cut": "Knip de kaarten los.",
    "observer": LABELS["observer"],
    "handout": "Hand-out",
    "course_online": "De hele training, met notebooks, zelftoetsen en de hulplijnen, staat op",
    "invitation": "Uitnodiging",
    "when": "Wanneer",
    "where": "Waar",
    "learn": "Na de workshop kun je",
    "before": "Vooraf",
    "help": "Hulp",
    "sign_up": "Aanmelden (vóór welke datum, bij wie)",
    "contact": "Vragen? Neem contact op met",
    "safe": "Veilig meedoen",
}


def minutes_text(minutes: int) -> str:
    """90 -> '1 uur en 30 minuten'; 480 -> '8 uur'."""
    hours, rest = divmod(minutes, 60)
    parts = ([f"{hours} uur"] if hours else []) + ([f"{rest} minuten"] if rest else [])
    return " en ".join(parts)


@dataclass
class Part:
    """One item of a print pack: what it is, how many to print, and its section."""

    ident: str
    label: str
    quantity: str
    section: Tag
    participant: bool = False   # participants keep it: no print badge, no pack footer on the page


def _tag(out: BeautifulSoup, name: str, text: str = "", **attrs) -> Tag:
    el = out.new_tag(name, attrs={k.rstrip("_"): v for k, v in attrs.items()})
    if text:
        el.string = text
    return el


def _inline_svg(svg: str) -> str:
    return re.sub(r"<\?xml[^>]*\?>\s*", "", svg)


def _part(out: BeautifulSoup, ident: str, label: str, quantity: str, classes: str = "") -> Part:
    """A part of the pack. Sheets for participants (everything not for the trainer) carry no print
    badge: the checklist says how many to print and on which pages they are."""
    participant = quantity != PER_TRAINER
    section = _tag(out, "section", class_=f"deel {'deelnemer' if participant else 'trainer'} {classes}".strip(),
                   id=ident)
    if not participant:
        section["data-aantal"] = f"{FORMS['print']}: {quantity}"
    return Part(ident, label, quantity, section, participant)


def event_name(deck: Deck) -> str:
    """What a participant took part in: the session's title, or for a series the series (the plan
    page's title without its "Draaiboek: ")."""
    if len(deck.plan.sessies) == 1:
        return deck.session.titel
    name = deck.plan_title.split(": ", 1)[-1]
    return name[:1].upper() + name[1:]


def circle_steps(act: plans.Activity, library: Library) -> int:
    """How many boxes an empty circle gets: as many steps as the activity's chart of the case shows
    (its alt text names "Stap 1" to "Stap n"), or four."""
    for target, _line in act.materials("grafiek"):
        notebook, number = target.lstrip("/").split("#")
        _src, alt = library.charts(notebook)[int(number) - 1]
        steps = [int(n) for n in re.findall(r"\bStap (\d+)\b", alt)]
        if steps:
            return max(steps)
    return figures.CIRCLE_STEPS


# --- course text for the handout and the poster ----------------------------------------------------


def spectrum_positions(library: Library) -> list[str]:
    table = library.section(SPECTRUM_PAGE).find("table")
    return [text_of(row.find("td")) for row in table.select("tbody tr")]


_section_by_heading = section_by_heading


def _copy_content(section: Tag, skip_headings: bool = False) -> list[Tag]:
    out = []
    for child in section.children:
        if not isinstance(child, Tag) or (skip_headings and re.match("^h[1-6]$", child.name)):
            continue
        clone = copy.copy(child)
        for junk in clone.select(".bibtex-citation, a.headerlink"):
            junk.decompose()
        out.append(clone)
    return out


def handout(out: BeautifulSoup, library: Library, deck: Deck) -> Part:
    part = _part(out, f"deel-hand-out-{deck.number}", FORMS["handout"], PER_PERSON, "hand-out")
    s = part.section
    s.append(_tag(out, "p", f"{deck.course_title} · {FORMS['handout']}", class_="kop"))
    s.append(_tag(out, "h1", deck.session.titel))
    spectrum = _section_by_heading(library, SPECTRUM_PAGE, "Vier posities om mee te oefenen")
    s.append(_tag(out, "h2", library.titles[SPECTRUM_PAGE]))
    s.extend(_copy_content(spectrum, skip_headings=True)[1:2])       # the table of four positions
    s.append(_tag(out, "h2", library.titles[CIRCLE_PAGE]))
    cols = _tag(out, "div", class_="twee-kolommen")
    circle = _tag(out, "div", class_="figuur")
    drawn = next((a for a in deck.plan.activities if a.figuur == "cirkel"), None)
    chart = drawn.materials("grafiek")[:1] if drawn else []
    if chart:
        # Milan's circle filled in, as the deck shows it (the notebook's labelled chart)
        notebook, number = chart[0][0].lstrip("/").split("#")
        src, alt = library.charts(notebook)[int(number) - 1]
        circle.append(_tag(out, "img", src=(library.source.html_dir / src).resolve().as_uri(), alt=alt,
                           class_="cirkel-ingevuld"))
    else:
        steps = circle_steps(drawn, library) if drawn else figures.CIRCLE_STEPS
        circle.append(BeautifulSoup(_inline_svg(figures.circle(steps)), "html.parser"))
    cols.append(circle)
    steps = _tag(out, "ul")
    break_in = _section_by_heading(library, CIRCLE_PAGE, "De cirkel doorbreken: wat kun je doen?")
    for sub in break_in.find_all("section", recursive=False):
        li = _tag(out, "li")
        li.append(_tag(out, "strong", text_of(sub.find(re.compile("^h[1-6]$"))) + ". "))
        first = sub.find("p")
        li.append(text_of(first).split(". ")[0] + ".")
        steps.append(li)
    cols.append(steps)
    s.append(cols)
    s.append(_tag(out, "h2", library.titles[GUIDE_PAGE]))
    for heading in ("Openingsvragen", "Wat en hoe", "Waarom", "Gevoel voor en na"):
        sub = _section_by_heading(library, GUIDE_PAGE, heading)
        s.append(_tag(out, "h3", heading))
        s.extend(el for el in _copy_content(sub, skip_headings=True) if el.name == "ul")
    # the guide's pitfalls and when to refer, which the closing reflection asks about
    for heading, sub_heading in GUIDE_SECTIONS:
        s.append(_tag(out, "h2", heading))
        sub = _section_by_heading(library, GUIDE_PAGE, sub_heading or heading)
        s.extend([el for el in _copy_content(sub, skip_headings=True) if el.name == "ul"][:1])
    title, _blocks = library.help_notice()
    box = _tag(out, "div", class_="hulp")
    box.append(_tag(out, "h2", title))
    box.append(help_list(out, library, "hulp-lijst"))
    box.append(_fill(out, FORMS["local"], f"bij-ons-{deck.number}"))
    box.append(_tag(out, "p", library.address(HELP_PAGE)))
    s.append(box)
    s.append(_tag(out, "p", f"{FORMS['course_online']} {library.site_url}", class_="adres"))
    return part


def help_list(out: BeautifulSoup, library: Library, classes: str) -> Tag:
    """The help page as a list with the numbers first (as on the "Hulp nodig?" slide): per line
    the first number large, the other numbers after it, and what the line is for under it."""
    box = _tag(out, "div", class_=classes)
    for i, (numbers, label) in enumerate(library.help_rows()):
        first, *rest = numbers.split(" · ")
        line = _tag(out, "div", class_="hulplijn" + (" spoed" if i < 2 else ""))
        number = _tag(out, "p", class_="nummer")
        number.append(_tag(out, "span", first, class_="eerste"))
        if rest:
            number.append(_tag(out, "span", " · " + " · ".join(rest), class_="ook"))
        line.append(number)
        line.append(_tag(out, "p", label, class_="waarvoor"))
        box.append(line)
    return box


def poster(out: BeautifulSoup, library: Library) -> Part:
    """One A4 for the wall: the help lines with the numbers large (112 and 113 at 60 pt or more),
    a fillable "Bij ons" line for the local contact, and the help page's address."""
    part = _part(out, "deel-poster", "Poster “Hulp nodig?”", PER_ROOM, "poster poster-groot")
    part.section.append(_tag(out, "h1", library.titles[HELP_PAGE]))
    part.section.append(help_list(out, library, "poster-lijst"))
    part.section.append(_fill(out, FORMS["local"], "bij-ons"))
    part.section.append(_tag(out, "p", library.address(HELP_PAGE), class_="adres"))
    return part


def safety_card(out: BeautifulSoup, library: Library) -> Part:
    """The safety protocol's parts a trainer needs in the room, on one page for the trainer's table:
    when to act at once, and what to do (and not say) when someone tells that it is not going well."""
    part = _part(out, "deel-veiligheidskaart", f"Veiligheidskaart “{SAFETY_HEADINGS[0]}”", PER_TRAINER,
                 "poster kaart-veilig")
    part.section.append(_tag(out, "p", library.titles[SAFETY_PAGE], class_="kop"))
    local = _tag(out, "div", class_="lokaal")
    for label, name in LOCAL_CONTACTS:
        local.append(_fill(out, label, name))
    part.section.append(local)
    for i, heading in enumerate(SAFETY_HEADINGS):
        part.section.append(_tag(out, "h1" if i == 0 else "h2", heading))
        block = _tag(out, "div", class_="poster-blok")
        block.extend(_copy_content(_section_by_heading(library, SAFETY_PAGE, heading), skip_headings=True))
        part.section.append(block)
    return part


# --- sheets of the plan -----------------------------------------------------------------------------------


def _quantity(act: plans.Activity) -> str:
    return {"tweetallen": PER_PAIR, "kleine groepen": PER_GROUP}.get(act.werkvorm, PER_PERSON)


def _figure(act: plans.Activity, library: Library) -> str:
    kind = act.figuur
    if kind == "spectrumlijn":
        return _inline_svg(figures.spectrum_line(spectrum_positions(library)))
    if kind == "cirkel":
        return _inline_svg(figures.circle(circle_steps(act, library)))
    if kind == "web":
        return _inline_svg(figures.web())
    return ""


def sheet_parts(out: BeautifulSoup, library: Library, deck: Deck, sheets: dict[str, worksheets.Worksheet],
                seen: set[str], votes: Part | None = None) -> list[Part]:
    """The sheets of the session's activities in order of use: worksheets (with the plan's task and
    figure), the voting cards (at the first self-check), role cards and observer cards."""
    titles = library.titles
    parts: list[Part] = []
    for act in deck.session.activiteiten:
        if votes is not None and act.materials("zelftoets"):
            parts.append(votes)
            votes = None
        for ident, _line in act.materials("werkblad"):
            key = f"{ident}-{act.start}"
            if ident in seen:
                continue
            seen.add(ident)
            task = plans.plain(act.opdracht, titles)
            figure = _figure(act, library)
            part = _part(out, f"deel-{key}", f"Werkblad {ident} ({act.titel})", PER_PERSON, "werkblad-deel")
            part.section.append(worksheets.sheet_section(out, sheets[ident], deck.course_title, task, figure,
                                                         lines=7 if figure else worksheets.WORKSHEET_LINES))
            parts.append(part)
        if act.rollen:
            part = _part(out, f"deel-rollen-{act.start}", f"{FORMS['role_cards']} ({act.titel})", _quantity(act),
                         "kaarten")
            s = part.section
            s.append(_tag(out, "h2", f"{FORMS['role_cards']}: {act.titel}"))
            s.append(_tag(out, "p", FORMS["cut"], class_="knip"))
            grid = _tag(out, "div", class_="kaartenraster")
            for role in act.rollen:
                card = _tag(out, "div", class_="kaart")
                card.append(_tag(out, "h3", role.rol))
                card.append(_tag(out, "p", plans.plain(role.opdracht, titles)))
                if role.casus:
                    title, blocks = library.case(role.casus)
                    card.append(_tag(out, "p", title, class_="kaart-bron"))
                    card.append(_tag(out, "p", blocks[0].items[0]))
                else:
                    opening = _section_by_heading(library, GUIDE_PAGE, "Openingsvragen")
                    card.append(_tag(out, "p", library.titles[GUIDE_PAGE], class_="kaart-bron"))
                    card.extend(el for el in _copy_content(opening, skip_headings=True) if el.name == "ul")
                grid.append(card)
            if act.waarnemer:
                card = _tag(out, "div", class_="kaart waarnemer")
                card.append(_tag(out, "h3", FORMS["observer"]))
                card.append(_tag(out, "p", plans.plain(act.waarnemer, titles)))
                card.append(kit.writing_space(out, 4))
                grid.append(card)
            s.append(grid)
            parts.append(part)
    return parts


def voting_cards(out: BeautifulSoup, deck: Deck, library: Library) -> Part | None:
    letters = sorted({o for act in deck.session.activiteiten for q, _ in act.materials("zelftoets")
                      for o in library.questions[q]["options"]})
    if not letters:
        return None
    part = _part(out, "deel-stemkaartjes", FORMS["votes"], PER_PERSON, "stemkaartjes")
    part.section.append(_tag(out, "h2", FORMS["votes"]))
    part.section.append(_tag(out, "p", FORMS["votes_intro"], class_="knip"))
    for letter in letters:
        part.section.append(_tag(out, "div", letter, class_="stemkaart"))
    return part


# --- forms ---------------------------------------------------------------------------------------------


def _fill(out: BeautifulSoup, label: str, name: str) -> Tag:
    row = _tag(out, "p", class_="invulregel")
    row.append(_tag(out, "span", label + ":", class_="invul-label"))
    row.append(out.new_tag("input", attrs={"type": "text", "name": name, "title": label}))
    return row


def _form_head(out: BeautifulSoup, part: Part, title: str, deck: Deck) -> None:
    part.section.append(_tag(out, "p", deck.course_title, class_="kop"))
    part.section.append(_tag(out, "h2", f"{title}: {deck.session.titel}"))


def attendance(out: BeautifulSoup, deck: Deck) -> Part:
    part = _part(out, f"deel-presentielijst-{deck.number}", FORMS["attendance"], PER_TRAINER, "formulier")
    _form_head(out, part, FORMS["attendance"], deck)
    head = _tag(out, "p", f"{FORMS['date']}: ______________   {plans.clock(deck.session.begintijd)}–"
                f"{plans.clock(deck.session.begintijd + deck.session.duur)}   {FORMS['place']}: ______________   "
                f"{FORMS['trainer']}: ______________", class_="invul")
    part.section.append(head)
    table = _tag(out, "table", class_="presentie")
    row = _tag(out, "tr")
    for h in ("", FORMS["name"], FORMS["organisation"], FORMS["signature"]):
        row.append(_tag(out, "th", h, scope="col"))
    thead = _tag(out, "thead")
    thead.append(row)
    table.append(thead)
    body = _tag(out, "tbody")
    for n in range(1, ATTENDANCE_ROWS + 1):
        row = _tag(out, "tr")
        row.append(_tag(out, "td", str(n)))
        for _ in range(3):
            row.append(_tag(out, "td"))
        body.append(row)
    table.append(body)
    part.section.append(table)
    return part


def evaluation(out: BeautifulSoup, deck: Deck, library: Library) -> Part:
    part = _part(out, f"deel-evaluatie-{deck.number}", FORMS["evaluation"], PER_PERSON, "formulier")
    _form_head(out, part, FORMS["evaluation"], deck)
    part.section.append(_tag(out, "p", FORMS["evaluation_intro"]))
    table = _tag(out, "table", class_="schaal")
    row = _tag(out, "tr")
    row.append(_tag(out, "th", FORMS["can_now"], scope="col"))
    for label in FORMS["scale"]:
        row.append(_tag(out, "th", label, scope="col"))
    thead = _tag(out, "thead")
    thead.append(row)
    table.append(thead)
    body = _tag(out, "tbody")
    statements = evaluation_goals(deck) + FORMS["safety"]
    for text in statements:
        row = _tag(out, "tr")
        row.append(_tag(out, "th", text, scope="row"))
        for _ in FORMS["scale"]:
            row.append(_tag(out, "td", "○"))
        body.append(row)
    table.append(body)
    part.section.append(table)
    part.section.append(_fill(out, FORMS["mark"], f"rapportcijfer-{deck.number}"))
    for question in FORMS["open"]:
        part.section.append(_tag(out, "h3", question))
        part.section.append(kit.writing_space(out, 3))
    return part


def evaluation_goals(deck: Deck) -> list[str]:
    """The goals the evaluation asks about, in the plan's plain words (``leerdoelen``): a session's
    own, or at the end of a series the first of each session. The invitation names the same."""
    sessions = deck.plan.sessies if deck.last else [deck.session]
    if len(sessions) == 1:
        return [plans.plain(g) for g in sessions[0].leerdoelen]
    return [plans.plain(s.leerdoelen[0]) for s in sessions]


def evaluation_text(deck: Deck) -> str:
    """The evaluation's questions as plain text, for a trainer's own form tool."""
    lines = [f"{FORMS['questions_text']}: {event_name(deck)} — {deck.course_title}", "", FORMS["questions_intro"], "",
             f"{FORMS['can_now']} ({' / '.join(FORMS['scale'])})"]
    lines += [f"- {s}" for s in evaluation_goals(deck) + FORMS["safety"]]
    lines += ["", f"{FORMS['mark']}", "", *FORMS["open"]]
    return "\n".join(lines) + "\n"


def certificate(out: BeautifulSoup, deck: Deck) -> Part:
    part = _part(out, f"deel-bewijs-{deck.number}", FORMS["certificate"], PER_PERSON, "bewijs")
    s = part.section
    s.append(_tag(out, "p", deck.course_title, class_="kop"))
    s.append(_tag(out, "h1", FORMS["certificate"]))
    s.append(_fill(out, FORMS["name"], "naam"))
    s.append(_tag(out, "p", FORMS["took_part"], class_="midden"))
    s.append(_tag(out, "p", deck.course_title, class_="bewijs-titel"))
    s.append(_tag(out, "p", event_name(deck), class_="midden"))
    total = deck.plan.duur + deck.plan.zelfstudie
    s.append(_tag(out, "p", f"{FORMS['duration']}: {minutes_text(deck.plan.duur)}", class_="midden"))
    load = (FORMS["load_text"].format(total=minutes_text(total), self=minutes_text(deck.plan.zelfstudie))
            if deck.plan.zelfstudie else minutes_text(total))
    s.append(_tag(out, "p", f"{FORMS['load']}: {load}", class_="midden"))
    for label, name in ((FORMS["date"], "datum"), (FORMS["place"], "plaats"), (FORMS["trainer"], "trainer"),
                        (FORMS["signature"], "handtekening")):
        s.append(_fill(out, label, name))
    s.append(_tag(out, "p", FORMS["not_accredited"], class_="geen-accreditatie"))
    return part


#: People per group when a plan says "groepje" (groups of three or four: the most groups is with three).
GROUP_SIZE = 3


def copies(quantity: str, most: int) -> int:
    """How many to print of a part for the largest group of the plan."""
    return {PER_PERSON: most, PER_PAIR: -(-most // 2), PER_GROUP: -(-most // GROUP_SIZE)}.get(quantity, 1)


def checklist(out: BeautifulSoup, deck: Deck, parts: list[Part], library: Library) -> Part:
    """One page: every part of the pack with its pages (filled in by the renderer, which knows them:
    ``data-deel``), how many to print, then what to bring and prepare."""
    part = _part(out, f"deel-checklist-{deck.number}", FORMS["checklist"], PER_TRAINER, "checklist")
    s = part.section
    s.append(_tag(out, "p", f"{deck.course_title} · {deck.plan_title}", class_="kop"))
    s.append(_tag(out, "h2", f"{FORMS['checklist']}: {deck.session.titel}"))
    s.append(_tag(out, "p", FORMS["checklist_intro"]))
    s.append(_tag(out, "h3", FORMS["print"]))
    ul = _tag(out, "ul", class_="vinkjes")
    most = deck.plan.deelnemers[1]
    for p in [part, *parts]:
        li = _tag(out, "li")
        li.append(_tag(out, "span", "", class_="blz", **{"data-deel": p.ident}))
        li.append(f"{p.label} — {p.quantity} · {FORMS['total'].format(most=most, n=copies(p.quantity, most))}")
        ul.append(li)
    ul.append(_tag(out, "li", f"{FORMS['plan_file']} — {PER_TRAINER}"))
    s.append(ul)
    prepare = [plans.plain(v, library.titles) for v in deck.plan.voorbereiding]
    if deck.last:
        prepare.append(FORMS["fill_in"])
    for heading, items in ((FORMS["bring"], [plans.plain(b, library.titles) for b in deck.plan.benodigdheden]),
                           (FORMS["prepare"], prepare)):
        if not items:
            continue
        s.append(_tag(out, "h3", heading))
        ul = _tag(out, "ul", class_="vinkjes")
        for item in items:
            ul.append(_tag(out, "li", item))
        s.append(ul)
    return part


def page_range(pages: list[int]) -> str:
    """'blz. 3: ' or 'blz. 8–9 (dubbelzijdig): ' for the pages of a part (1-based)."""
    if len(pages) == 1:
        return f"{FORMS['page']} {pages[0]}: "
    return f"{FORMS['page']} {pages[0]}–{pages[-1]} ({FORMS['double']}): "


# --- the pack ---------------------------------------------------------------------------------------------


def pack_document(source: Source, library: Library, deck: Deck,
                  sheets: dict[str, worksheets.Worksheet]) -> tuple[BeautifulSoup, list[Part]]:
    """The print pack of a deck in order of use; its first part is the checklist."""
    out = kit.new_document(source, f"Printpakket: {deck.session.titel} — {deck.course_title}",
                           f"Printpakket bij {deck.plan_title}.")
    out.head.append(out.new_tag("link", rel="stylesheet", href=CSS.as_uri()))
    out.body["class"] = ["printpakket"]
    parts = [safety_card(out, library), poster(out, library), attendance(out, deck)]
    votes = voting_cards(out, deck, library)
    parts += sheet_parts(out, library, deck, sheets, set(), votes)
    if deck.last:
        parts += [handout(out, library, deck), evaluation(out, deck, library), certificate(out, deck)]
    parts.insert(0, checklist(out, deck, parts, library))
    main = out.new_tag("main")
    for p in parts:
        main.append(p.section)
    out.body.append(main)
    kit.finish(out)
    return out, parts


def invitation(library: Library, deck: Deck, first: Deck) -> str:
    """The invitation and pre-reading for a plan, as plain text to paste into an e-mail, written to
    the participant: what the course is (the start page), when and where (blanks for the trainer),
    what you learn (the goals the evaluation asks about), what to read, the group's safety agreement and help."""
    titles, plan = library.titles, deck.plan
    lines = [f"{FORMS['invitation']}: {event_name(deck)} — {deck.course_title}", ""]
    start = library.section(START_PAGE)
    for paragraph in start.find_all("p", recursive=False)[1:3]:
        lines += [text_of(paragraph), ""]
    lines.append(f"{FORMS['when']}: " + "; ".join(
        f"{s.titel}, ____________ van {plans.clock(s.begintijd)} tot {plans.clock(s.begintijd + s.duur)}"
        for s in plan.sessies))
    lines += [f"{FORMS['where']}: ____________", f"{FORMS['sign_up']}: ____________",
              f"{FORMS['contact']}: ____________", "", f"{FORMS['learn']}:"]
    last = Deck(deck.name, plan, deck.plan_title, plan.sessies[-1], len(plan.sessies), deck.course_title, [])
    lines += [f"- {goal}" for goal in evaluation_goals(last)]
    if plan.vooraf:
        lines += ["", f"{FORMS['before']}:"]
        for item in plan.vooraf:
            refs = [library.address(r.target) for r in item if isinstance(r, plans.DocRef)]
            lines.append(f"- {plans.plain(item, titles)}" + (f" ({'; '.join(refs)})" if refs else ""))
    # the group's three agreements, as the safety protocol words them (without "Maak bij de opening ...")
    agreements = text_of(section_by_heading(library, SAFETY_PAGE, "Vooraf").select_one("ul > li"))
    lines += ["", f"{FORMS['safe']}:", agreements.split(". ", 1)[1]]
    title, blocks = library.help_notice()
    lines += ["", f"{FORMS['help']}:", *(item for block in blocks for item in block.items),
              "", f"{FORMS['course_online']} {library.site_url}"]
    return "\n".join(lines) + "\n"


__all__ = ["FORMS", "Part", "pack_document", "invitation", "minutes_text", "V"]

"""The workshop kit, round 2 (issue 25): what a trainer meets in the built kit once the plan rules
hold — one werkvorm for the Sanne role-play everywhere, the safe agreement and the two routes in
every output, what to cut and the objectives on one slide. The rules themselves, with controls
that show they can fail, are in tests/test_plans.py."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from conftest import HTML, ROOT, normalise, pdf_text

from course import plans
from tools.printbook import assemble, slides, workshop
from tools.printbook import source as site

KIT = workshop.WORKSHOP


@pytest.fixture(scope="module")
def decks(built_html):
    _library, found = assemble.assemble_all(site.load(HTML))
    return {d.name: d for d in found}


def pack_html(deck) -> BeautifulSoup:
    folder = ROOT / "_build" / "print" / "workshop" / deck.plan.path.stem
    html = folder / workshop.pack_file(deck).replace(".pdf", ".html")
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")


def sanne(deck) -> plans.Activity:
    return next(a for a in deck.session.activiteiten if a.rollen and a.titel == "Het gesprek met Sanne")


def test_the_90_minute_sanne_role_play_is_pairs_in_plan_slides_and_cards(decks):
    """Plan, slide, draaiboek and role cards agree: two roles, no observer, cards per pair."""
    deck = decks["introductie-90"]
    act = sanne(deck)
    assert act.werkvorm == "tweetallen" and len(act.rollen) == 2 and not act.waarnemer
    slide = next(s for s in deck.slides if s.kind == "activity" and s.title == act.titel)
    rows = next(b for b in slide.blocks if b.kind == "rows").items
    assert [r[0] for r in rows] == ["Professional", "Sanne"]
    every_text = " ".join(t for s in deck.slides for t in s.texts()).lower()
    assert "waarnemer" not in every_text and "drietal" not in every_text
    cards = pack_html(deck).select(f"#deel-rollen-{act.start} .kaart")
    assert [c.h3.get_text() for c in cards] == ["Professional", "Sanne"]
    checklist = pack_html(deck).select_one(".checklist, #deel-checklist") or pack_html(deck)
    assert "1 set per tweetal" in checklist.get_text(" ")
    plan_pdf = normalise(" ".join(pdf_text(KIT / "introductie-90" / workshop.PLAN_FILE))).lower()
    assert "waarnemer" not in plan_pdf, "the 90-minute plan on paper still names an observer"
    # the control: the half-day's trios keep their observer, on the slide and as a card
    half = decks["dagdeel"]
    trio = next(a for a in half.session.activiteiten if a.rollen)
    assert trio.waarnemer and trio.werkvorm == "kleine groepen"
    cards = pack_html(half).select(f"#deel-rollen-{trio.start} .kaart")
    assert "waarnemer" in cards[-1]["class"]


def test_every_activity_says_what_to_cut_in_the_notes_and_the_plan_on_paper(decks):
    for deck in decks.values():
        notes = " ".join(n for s in deck.slides for n in s.notes)
        for act in deck.session.activiteiten:
            if not act.is_break:
                assert f"{assemble.LABELS['cut']}: {plans.plain(act.schrappen)}" in notes, (deck.name, act.titel)
    text = normalise(" ".join(pdf_text(KIT / "introductie-90" / workshop.PLAN_FILE)))
    assert text.count("Als je uitloopt, schrap dan") == 9, text.count("Als je uitloopt, schrap dan")


def test_the_objectives_fit_one_slide_in_plain_words(decks):
    for deck in decks.values():
        slides = [s for s in deck.slides if s.kind == "objectives"]
        assert len(slides) == 1, deck.name
        items = slides[0].blocks[0].items
        assert 1 <= len(items) <= 4 and all(len(i) <= 100 for i in items), items
        assert all(not i.startswith("M") or not i[1].isdigit() for i in items), items


def test_the_agreement_and_the_two_routes_in_every_output(decks):
    """Slides' notes, the invitation, the plan on paper with the protocol: the agreement has its
    exception and the meldcode is never the route for every worry about a pupil."""
    for deck in decks.values():
        for slide in deck.slides:
            for note in slide.notes:
                assert plans.safety_problems(note) == [], (deck.name, slide.title, note)
    for stem in {d.plan.path.stem for d in decks.values()}:
        invitation = (KIT / stem / "uitnodiging.txt").read_text(encoding="utf-8")
        assert "behalve als iemand in gevaar is" in invitation, stem
        for paragraph in invitation.split("\n\n"):
            assert plans.safety_problems(paragraph) == [], (stem, paragraph)
        paper = normalise(" ".join(pdf_text(KIT / stem / workshop.PLAN_FILE)))
        assert "blijft hier" not in paper and "Gaat het om een minderjarige" not in paper, stem
        assert "Vermoed je huiselijk geweld of kindermishandeling? Volg de meldcode" in paper, stem
        assert "zorgcoördinator" in paper and "behalve als iemand in gevaar is" in paper, stem
    # the control: the rule sees the review's sentence in a note
    assert plans.safety_problems("Maak drie afspraken: wat hier gezegd wordt blijft hier.")


# --- legibility from the back of the room: measured in the built decks ------------------------------------


def _runs(prs):
    """(slide number, shape name, run text, size in points or None) of every text run of a deck."""
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for para in shape.text_frame.paragraphs:
                for run in para.runs:
                    if run.text.strip():
                        size = run._r.find("{http://schemas.openxmlformats.org/drawingml/2006/main}rPr")
                        sz = size.get("sz") if size is not None else None
                        yield number, shape.name, run.text, int(sz) / 100 if sz else None


def pptx_problems(path, least: float = 28) -> list[tuple]:
    """Runs without a size of their own or smaller than ``least`` points, and paragraphs whose size
    is only a paragraph default (a:defRPr, which PowerPoint may snap back)."""
    from pptx import Presentation

    prs = Presentation(str(path))
    problems = [r for r in _runs(prs) if r[3] is None or r[3] < least]
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame._txBody.xpath(".//a:pPr/a:defRPr[@sz]"):
                problems.append((number, shape.name, "defRPr", None))
    return problems


def test_powerpoint_body_text_is_28_pt_or_more_on_every_run(decks):
    from pptx import Presentation

    for deck in decks.values():
        path = KIT / deck.plan.path.stem / slides.deck_file(deck, ".pptx")
        assert pptx_problems(path) == [], (deck.name, pptx_problems(path)[:5])
        sizes = [r[3] for r in _runs(Presentation(str(path)))]
        assert min(sizes) >= 28 and len(sizes) > 3 * len(deck.slides), deck.name


def test_the_pptx_check_can_fail(tmp_path):
    """The control: a deck written as before (16 pt as a paragraph default) is caught."""
    from pptx import Presentation
    from pptx.util import Pt

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Hulp nodig?"
    box = slide.shapes.add_textbox(0, 0, Pt(400), Pt(200))
    box.text_frame.paragraphs[0].text = "Bel 112"
    box.text_frame.paragraphs[0].font.size = Pt(16)
    prs.save(str(tmp_path / "oud.pptx"))
    problems = pptx_problems(tmp_path / "oud.pptx")
    assert any(p[2] == "defRPr" for p in problems) and any(p[2] == "Bel 112" for p in problems), problems


MEASURE = (ROOT / "tests" / "data" / "deck-measure.js").read_text(encoding="utf-8")


@pytest.mark.browser
def test_html_deck_text_is_32_px_or_more_and_every_step_fits_1280_by_720(decks, browser):
    """Every slide and every step (a question, then its answer), in Chromium at 1280 x 720: the
    smallest visible text and how far the text reaches (in the slide's own 1280 x 720 pixels)."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    tab = context.new_page()
    for deck in decks.values():
        tab.goto((KIT / deck.plan.path.stem / slides.deck_file(deck, ".html")).as_uri())
        tab.wait_for_function("window.Reveal && Reveal.isReady()")
        tab.evaluate("document.fonts.ready.then(() => true)")
        steps = tab.evaluate(MEASURE)
        assert len(steps) == slides.print_pages(deck)
        small = [s for s in steps if s["min"] < 32]
        over = [s for s in steps if s["bottom"] > 720 or s["right"] > 1280]
        assert not small and not over, (deck.name, small[:3], over[:3])
        help_step = next(s for s in steps if s["title"] == "Hulp nodig?")
        assert help_step["min"] >= 32
    # the control: the same measurement sees text made small and a slide made too full
    tab.evaluate("""() => {
        document.querySelectorAll('.reveal .dia-help td').forEach(e => { e.style.fontSize = '18px'; });
        document.querySelectorAll('.reveal .dia-agenda tr').forEach(e => { e.style.height = '400px'; });
    }""")
    steps = tab.evaluate(MEASURE)
    assert any(s["min"] < 32 for s in steps if s["title"] == "Hulp nodig?")
    assert any(s["bottom"] > 720 for s in steps if s["title"] == "Agenda")
    context.close()


def test_the_help_slide_is_the_posters_list_with_the_numbers_first(decks):
    for deck in decks.values():
        help_slides = [s for s in deck.slides if s.kind == "help"]
        assert len(help_slides) == 2
        rows = help_slides[0].blocks[0].items
        numbers = [r[0] for r in rows]
        assert numbers[:2] == ["112", "113 · 0800-0113"] and "0800-2000" in numbers and "0800-0432" in numbers
        assert "Bel 112" in rows[0][1]


def test_slides_and_notes_carry_times_relative_to_the_start(decks):
    """No clock time on a slide or in the notes (a session that starts at 15:30 changes nothing);
    each activity shows its span from the start and its notes say when it should be done."""
    assert plans.relative(75) == "1:15" and plans.clock(810 + 75) == "14:45"
    for deck in decks.values():
        start = deck.session.begintijd
        clocks = {plans.clock(start + a.start) for a in deck.session.activiteiten} | {plans.clock(start)}
        clocks -= {plans.relative(a.start) for a in deck.session.activiteiten}  # 0:xx and 1:xx never clash
        for slide in deck.slides:
            said = " ".join(slide.texts() + slide.notes)
            found = [c for c in clocks if re.search(rf"(?<![\d:]){re.escape(c)}(?!\d)", said)]
            assert not found, (deck.name, slide.title, found)
        for act in deck.session.activiteiten:
            if act.is_break:
                continue
            head = next(s for s in deck.slides if s.kind == "activity" and s.title == act.titel)
            span = f"{plans.relative(act.start)}–{plans.relative(act.start + act.duur)}"
            assert head.blocks[0].items[0].startswith(span), head.blocks[0].items
            assert f"{assemble.LABELS['ready_by']} {plans.relative(act.start + act.duur)}" in head.notes


# --- the run sheet: draaiboek.pdf -------------------------------------------------------------------------


def test_the_plan_on_paper_is_portrait_with_whole_cards_slide_numbers_and_a_one_page_spiekbrief(decks):
    from pypdf import PdfReader

    for stem in ("introductie-90", "dagdeel"):
        deck = decks[stem]
        path = KIT / stem / workshop.PLAN_FILE
        reader = PdfReader(str(path))
        assert all(float(p.mediabox.width) < float(p.mediabox.height) for p in reader.pages), "landscape page"
        pages = [normalise(t) for t in pdf_text(path)]
        numbers = workshop.slide_numbers(deck)
        for act in deck.session.activiteiten:
            if act.werkvorm == plans.BUFFER:
                continue
            # the card's head (time, title, ..., slide) and its last field are on the same page: never split
            holding = [i for i, p in enumerate(pages) if f"{act.titel} {act.duur} min" in p]
            assert holding, (stem, act.titel)
            card_page = pages[holding[0]]
            assert numbers[act.titel] in card_page, (stem, act.titel, numbers[act.titel])
            if act.schrappen:
                assert normalise(plans.plain(act.schrappen))[:60] in card_page, (stem, act.titel)
        # the spiekbrief: one page that holds every activity's time (the table's cells are read
        # column by column, so the times, which never wrap, are what is compared)
        crib = [i for i, p in enumerate(pages) if f"Spiekbrief: {deck.session.titel}" in p]
        assert len(crib) == 1, (stem, len(crib))
        page_text = pages[crib[0]]
        for act in deck.session.activiteiten:
            assert f"{plans.relative(act.start)}–{plans.relative(act.start + act.duur)}" in page_text, act.titel
        following = pages[crib[0] + 1] if crib[0] + 1 < len(pages) else ""
        assert not any(f"{plans.relative(a.start)}–" in following[:400] for a in deck.session.activiteiten[1:])
    # slide numbers count like the decks: the PDF and PowerPoint give a question two slides
    deck = decks["introductie-90"]
    vote = next(a for a in deck.session.activiteiten if a.materials("zelftoets"))
    after = deck.session.activiteiten[deck.session.activiteiten.index(vote) + 1]
    assert "pdf/pptx" not in workshop.slide_numbers(deck)[vote.titel]
    assert "pdf/pptx" in workshop.slide_numbers(deck)[after.titel]


def test_what_you_want_to_hear_is_in_the_notes_and_on_the_plan_page_for_the_90_minutes(decks):
    from conftest import page

    deck = decks["introductie-90"]
    notes = " ".join(n for s in deck.slides for n in s.notes)
    text = normalise(page("book/trainers/draaiboek-90-minuten").select_one("article").get_text(" "))
    for act in deck.session.activiteiten:
        if act.is_break:
            continue
        assert 2 <= len(act.horen) <= 3, act.titel
        for point in act.horen:
            assert plans.plain(point) in notes and normalise(plans.plain(point)) in text, point


# --- the plan page: a start time that recomputes the clock times ------------------------------------------


@pytest.mark.browser
def test_the_plan_page_recomputes_its_clock_times_from_a_start_time(built_html, browser, site):
    """Over http and from the folder (no server): type 15:30, and every card and the session's
    heading move with it; the minutes between the cards stay the plan's."""
    plan = plans.load_plan(ROOT / "book" / "trainers" / "draaiboeken" / "introductie-90.yml")
    session = plan.sessies[0]
    for address in (f"{site}book/trainers/draaiboek-90-minuten.html",
                    (HTML / "book" / "trainers" / "draaiboek-90-minuten.html").as_uri()):
        context = browser.new_context(viewport={"width": 683, "height": 800})
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
        tab.goto(address)
        field = tab.get_by_label("Begintijd van deze sessie")
        assert field.input_value() == plans.clock(session.begintijd).zfill(5)
        shown = tab.locator("li.draaiboek-activiteit .starttijd").all_inner_texts()
        assert shown == [plans.clock(session.begintijd + a.start) for a in session.activiteiten]
        field.focus()
        field.fill("15:30")
        shown = tab.locator("li.draaiboek-activiteit .starttijd").all_inner_texts()
        assert shown == [plans.clock(15 * 60 + 30 + a.start) for a in session.activiteiten]
        heading = tab.locator("p.draaiboek-sessie", has_text=session.titel).first.inner_text()
        assert f"(15:30–{plans.clock(15 * 60 + 30 + session.duur)}," in heading, heading
        assert "aangepast" in tab.locator(".draaiboek-begintijd-uitleg").inner_text()
        assert not errors, errors
        context.close()



# --- slides with the course's own content: the spectrum and the SMD signals ---------------------------------


def test_the_spectrum_slide_has_the_four_positions_and_the_three_questions(decks):
    for name in ("introductie-90", "dagdeel"):
        deck = decks[name]
        shown = [s for s in deck.slides if s.ident.endswith("#vier-posities-om-mee-te-oefenen")]
        rows = [r[0] for s in shown for b in s.blocks if b.kind == "rows" for r in b.items]
        assert rows == ["Alledaagse hobbel", "Stemmingsschommeling", "Aanhoudende klachten",
                        "Mogelijk een psychische aandoening"], rows
        said = " ".join(t for s in shown for t in s.texts())
        assert "hoe lang" in said and "hoe zwaar" in said and "hoeveel" in said


def test_the_half_day_shows_the_smd_signals_the_nine_features_and_the_cut_offs(decks):
    deck = decks["dagdeel"]
    act = next(a for a in deck.session.activiteiten if a.titel == "Signalen en de Social Media Disorder Scale")
    shown = [s for s in deck.slides if s.ident in {t for t, _ in act.materials("sectie")}]
    features = [r for s in shown if "disorder-scale" in s.ident for b in s.blocks if b.kind == "rows" for r in b.items]
    assert len(features) == 9, features
    said = " ".join(t for s in shown for t in s.texts())
    assert "Nachtelijk gebruik" in said and "5 of meer" in said and "6" in said


def test_a_section_that_does_not_exist_stops_the_kit_with_file_and_line(tmp_path):
    text = (ROOT / "book" / "trainers" / "draaiboeken" / "introductie-90.yml").read_text(encoding="utf-8")
    old = "#vier-posities-om-mee-te-oefenen"
    broken = tmp_path / "kapot.yml"
    broken.write_text(text.replace(old, "#vijf-posities"), encoding="utf-8")
    library = assemble.Library(site.load(HTML))
    with pytest.raises(assemble.AssemblyError) as info:
        assemble.assemble("book/trainers/draaiboeken/kapot.yml", plans.load_plan(broken), library)
    line = text[: text.index(old)].count("\n") + 1
    assert f"regel {line} (sectie)" in str(info.value) and "#vijf-posities" in str(info.value)


# --- the poster and the local contacts ----------------------------------------------------------------------


def test_the_poster_has_112_and_113_at_60_pt_and_a_fillable_local_line(decks):
    import pdfplumber
    from pypdf import PdfReader

    for stem in {d.plan.path.stem for d in decks.values()}:
        path = KIT / stem / "hulp-nodig-poster.pdf"
        assert len(PdfReader(str(path)).pages) == 1
        with pdfplumber.open(str(path)) as pdf:
            words = pdf.pages[0].extract_words(extra_attrs=["size"])
        sizes = {w["text"]: w["size"] for w in words}
        assert sizes.get("112", 0) >= 60 and sizes.get("113", 0) >= 60, sizes
        assert min(w["size"] for w in words if w["text"] in ("0800-2000", "0800-0432")) >= 30
        assert "bij-ons" in (PdfReader(str(path)).get_fields() or {})
        handout_fields = PdfReader(str(KIT / stem / "hand-out.pdf")).get_fields() or {}
        assert any(name.startswith("bij-ons") for name in handout_fields), handout_fields.keys()
    # the safety card in the trainer's pack: today's colleague, who is on site, the care contact
    deck = decks["introductie-90"]
    pack_fields = PdfReader(str(KIT / "introductie-90" / workshop.pack_file(deck))).get_fields() or {}
    assert {"collega", "op-locatie", "aandachtsfunctionaris"} <= set(pack_fields), pack_fields.keys()
    assert "Vandaag bereikbaar" in pdf_text(KIT / "introductie-90" / workshop.pack_file(deck))[1]



def test_the_half_day_is_for_youth_care_with_three_rounds_of_seven_minutes_and_movement(decks):
    deck = decks["dagdeel"]
    said = " ".join(t for s in deck.slides for t in s.texts())
    assert "Gerrit" not in said and "Kees" not in said
    play = next(a for a in deck.session.activiteiten if a.rollen)
    assert [r.rol for r in play.rollen] == ["Professional", "Sanne", "Milan", "Demi"] and play.waarnemer
    task = plans.plain(play.opdracht)
    assert "Drie rondes van zeven minuten" in task and "tip en een top" in task
    assert 3 * 7 + 3 <= play.duur
    assert any("Sta op" in plans.plain(a.opdracht) for a in deck.session.activiteiten)


def test_the_checklist_gives_the_totals_for_the_largest_group(decks):
    from tools.printbook import materials

    assert materials.copies(materials.PER_PAIR, 16) == 8 and materials.copies(materials.PER_PERSON, 16) == 16
    assert materials.copies(materials.PER_GROUP, 20) == 7 and materials.copies(materials.PER_TRAINER, 16) == 1
    deck = decks["introductie-90"]
    first = normalise(pdf_text(KIT / "introductie-90" / workshop.pack_file(deck))[0])
    assert first.count("bij 16 deelnemers:") >= 8 and "1 set per tweetal · bij 16 deelnemers: 8×" in first



def test_the_handout_shows_milans_circle_filled_in(decks):
    """Not five empty boxes: the labelled circle the deck shows (the notebook's chart)."""
    from pypdf import PdfReader

    deck = decks["introductie-90"]
    handout = pack_html(deck).select_one("section.hand-out, section[id^=deel-hand-out]")
    image = handout.select_one("img.cirkel-ingevuld")
    assert image is not None and "Stap 1" in image["alt"] and "Stap 5" in image["alt"], image
    assert not handout.select("svg rect"), "the empty circle is still on the hand-out"
    reader = PdfReader(str(KIT / "introductie-90" / "hand-out.pdf"))
    assert any("/XObject" in (page.get("/Resources") or {}) for page in reader.pages)

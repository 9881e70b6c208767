"""The workshop kit, round 2 (issue 25): what a trainer meets in the built kit once the plan rules
hold — one werkvorm for the Sanne role-play everywhere, the safe agreement and the two routes in
every output, what to cut and the objectives on one slide. The rules themselves, with controls
that show they can fail, are in tests/test_plans.py."""

from __future__ import annotations

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
    tab.add_style_tag(content=".reveal .dia-help td { font-size: 18px !important }"
                              ".reveal .dia-agenda tr { display: block; height: 400px }")
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

"""The workshop kit, round 2 (issue 25): what a trainer meets in the built kit once the plan rules
hold — one werkvorm for the Sanne role-play everywhere, the safe agreement and the two routes in
every output, what to cut and the objectives on one slide. The rules themselves, with controls
that show they can fail, are in tests/test_plans.py."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import HTML, ROOT, normalise, pdf_text
from course import plans
from tools.printbook import assemble, workshop
from tools.printbook import source as site

KIT = workshop.WORKSHOP


@pytest.fixture(scope="module")
def decks(built_html):
    _library, found = assemble.assemble_all(site.load(HTML))
    return {d.name: d for d in found}


def pack_html(deck) -> BeautifulSoup:
    html = ROOT / "_build" / "print" / "workshop" / deck.plan.path.stem / workshop.pack_file(deck).replace(".pdf", ".html")
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

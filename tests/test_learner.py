"""The learner's site, round 2 (issue 27; the tester's findings in the review "leerder-ronde-2").

Each finding is checked in Debian's Chromium at the width where it was found: 390 px by touch
(the phone), 683 px (a laptop at 200 %) and desktop by mouse or keyboard. Every rule has a
control that shows the check can fail.
"""

from __future__ import annotations

import pytest
from conftest import HTML, wait_for
from test_browser import goto
from test_devices import DESKTOP, PHONE, START_PAGE, open_page, search

from course import vocabulary as V

pytestmark = [pytest.mark.browser, pytest.mark.built]


# --- F1: the start page's download links open what they say ------------------------------------


def _hits(pg, selector: str, touch: bool) -> list[tuple[str, str]]:
    """Tap or click each download link matching ``selector`` at the start, middle and end of
    every line box it has; (link, what was requested) for each hit. Requests to downloads/ are
    recorded and answered with 204, so the page stays put."""
    requested: list[str] = []

    def record(route):
        requested.append(route.request.url.rsplit("/", 1)[1])
        route.fulfill(status=204)   # "No Content": the browser stays on the page

    pg.route("**/downloads/**", record)
    out = []
    links = pg.locator(selector)
    for i in range(links.count()):
        link = links.nth(i)
        link.scroll_into_view_if_needed()
        name = link.evaluate("a => a.href.split('/').pop()")
        rects = link.evaluate("a => Array.from(a.getClientRects()).map(r => [r.left, r.top, r.width, r.height])")
        for left, top, width, height in rects:
            for x in (left + 3, left + width / 2, left + width - 3):
                requested.clear()
                y = top + height / 2
                pg.touchscreen.tap(x, y) if touch else pg.mouse.click(x, y)
                pg.wait_for_timeout(150)
                out.append((name, requested[0] if requested else ""))
    pg.unroute("**/downloads/**")
    return out


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390px", "desktop"])
def test_handbook_card_epub_and_pdf_links_open_what_they_say(browser, site, size):
    touch = size == PHONE
    ctx, pg = open_page(browser, size, touch=touch)
    goto(pg, site, START_PAGE)
    selector = ".sd-card a.cursus-download"
    hits = _hits(pg, selector, touch)
    assert {name for name, _ in hits} == {"handboek.pdf", "handboek.epub"}
    assert [(n, got) for n, got in hits if n != got] == []
    # Nothing lies on top of a download link anywhere on the page.
    covered = pg.evaluate("""() => Array.from(document.querySelectorAll('main a.cursus-download')).filter(a => {
        a.scrollIntoView({block: 'center'});
        return Array.from(a.getClientRects()).some(r => {
            const e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return !(e && a.contains(e)); }); }).map(a => a.href)""")
    assert covered == []

    # Control: an invisible whole-card link on top (as the card had) is caught.
    pg.evaluate("""() => { const card = document.querySelector('.sd-card a.cursus-download').closest('.sd-card');
        const a = document.createElement('a'); a.href = '../downloads/handboek.pdf';
        a.style.cssText = 'position:absolute;inset:0;z-index:5'; card.appendChild(a); }""")
    hits = _hits(pg, selector, touch)
    assert [(n, got) for n, got in hits if n != got], "the control overlay went unnoticed"
    assert pg.js_errors == []
    ctx.close()


def test_handbook_card_names_each_format_once_without_an_arrow(browser, site):
    ctx, pg = open_page(browser, PHONE, touch=True)
    goto(pg, site, START_PAGE)
    card = pg.locator(".sd-card", has_text="Handboek")
    texts = card.locator("a.cursus-download").all_inner_texts()
    assert [t.split(" (")[0] for t in texts] == ["Handboek als PDF", "Handboek als EPUB"]
    assert "→" not in card.inner_text()
    # The two links sit on their own lines.
    tops = card.locator("a.cursus-download").evaluate_all("els => els.map(a => a.getClientRects()[0].top)")
    assert tops[1] > tops[0]
    wait_for(pg, "document.readyState === 'complete'")
    ctx.close()


# --- F2: search answers what people type ---------------------------------------------------------

#: Generated from the list in course/vocabulary.py: every typed word, and the whole queries.
SYNONYM_CASES = sorted((k, page) for k, (_w, page) in V.SEARCH_SYNONYMS.items()) + sorted(V.SEARCH_QUERIES.items())


def _is_crisis(query: str) -> bool:
    words = query.lower().split()
    return any((c in query.lower()) if " " in c else any(w.startswith(c) for w in words) for c in V.SEARCH_CRISIS)


def test_every_synonym_and_crisis_query_finds_its_page_in_the_first_three(browser, site):
    ctx, pg = open_page(browser, PHONE, touch=True)
    misses = []
    for query, want in SYNONYM_CASES:
        found = search(pg, site, query)
        if want not in found[:3]:
            misses.append(f"{query!r}: {found[:3]}")
        if _is_crisis(query) and found[:1] != [V.SEARCH_HELP_PAGE]:
            misses.append(f"{query!r} is a crisis word but the help page is not first: {found[:3]}")
        if query in V.SEARCH_SYNONYMS:
            note = pg.locator(".cursus-zoeken-synoniem").inner_text()
            assert f"\u201c{V.SEARCH_SYNONYMS[query][0]}\u201d" in note and f"\u201c{query}\u201d" in note, note
    assert misses == [], misses
    # Controls: the typed word is on no page, so the hit comes from the list; a word that is no
    # crisis word leaves the help page where its score puts it.
    texts = (HTML / "_static" / "zoektekst").glob("*.js")
    assert not [t for t in texts if "screentime" in t.read_text(encoding="utf-8").lower()]
    assert search(pg, site, "likes")[:1] != [V.SEARCH_HELP_PAGE]
    assert pg.locator(".cursus-zoeken-synoniem").count() == 0
    assert pg.js_errors == []
    ctx.close()



#: Trainer pages shown before a learner page of the same score in a ranking (read from the end).
_TRAINER_FIRST = """([results, trainer]) => results.filter((shown, i) => i > 0 && shown[4] === results[i - 1][4]
    && trainer.includes(shown[0]) && !trainer.includes(results[i - 1][0])).map(r => r[0])"""
_RANKING = "(q) => Search._performSearch(...Search._parseQuery(q))"


@pytest.mark.parametrize("query", ["nachtelijk", "FoMO", "gesprek met ouders", "passief", "zelfmoord"])
def test_learner_pages_come_before_trainer_pages_on_equal_scores(browser, site, query):
    ctx, pg = open_page(browser, PHONE, touch=True)
    found = search(pg, site, query)
    trainer = pg.evaluate("CURSUS_INDEX.vocabulary.search.trainerDocs")
    assert found and any(d.startswith("book/trainers/") for d in trainer)
    ranking = pg.evaluate(_RANKING, query)
    assert pg.evaluate(_TRAINER_FIRST, [ranking, trainer]) == []
    # What she sees is that ranking, read from the end.
    assert found == [r[0] for r in reversed(ranking)][:len(found)]
    # Control: Sphinx's alphabetical order of equal scores ("Afsluiting" after "Module 1", so
    # shown first) is caught.
    control = [["book/m1-spectrum/index", "Module 1", "", None, 5, ""], [trainer[0], "Afsluiting", "", None, 5, ""]]
    assert pg.evaluate(_TRAINER_FIRST, [control, trainer]) == [trainer[0]]
    ctx.close()

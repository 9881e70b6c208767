"""The built site in Debian's Chromium (Playwright): accessibility, privacy, journal, self-checks.

The site (_build/html) is served by Python's http.server on 127.0.0.1 for the whole session.
Run only these tests with `pytest -m browser`.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import HTML, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.built]

#: The journal's storage key prefix (course-specific; see book/_static/cursus.js).
KEY = "sociale-media-mentale-gezondheid:"
REFLECTION_PAGE = "book/m1-spectrum/01-wat-is-mentale-gezondheid.html"
REFLECTION_ID = "m1-reflectie-1"
SECOND_PAGE = "book/m4-tips/01-herkennen.html"
SECOND_ID = "m4-reflectie-1"
SELF_CHECK_PAGE = "book/m1-spectrum/zelftoets.html"
JOURNAL_PAGE = "book/bijlagen/mijn-reflecties.html"
START_PAGE = "book/index.html"
CLOSING_PAGE = "book/m1-spectrum/afsluiting.html"

#: Answers that must survive storage and export byte for byte.
AWKWARD = ("<script>window.__pwned = 1</script> <img src=x onerror=\"window.__pwned = 2\"> "
           "'enkel' \"dubbel\" & 🙂👍🏽\nregel twee\n\n  ingesprongen")
LONG = ("Een lang antwoord over mijn werk. " * 400)[:10_000]

#: Makes localStorage throw, as Chromium does when a site's storage is blocked.
BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('The user denied permission to access the storage.', 'SecurityError'); }
});
"""


@pytest.fixture
def context(browser):
    ctx = browser.new_context(accept_downloads=True)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.js_errors = errors
    return pg


def goto(page, site: str, path: str) -> None:
    page.goto(site + path, wait_until="networkidle")


def stored(page) -> dict[str, str]:
    """This course's answers and progress in localStorage (not the last page visited, nor the
    colour scheme, which the theme keeps under the prefix too: course/sphinxext/storage.py)."""
    return page.evaluate("""(prefix) => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k.startsWith(prefix + 'reflectie:') || k.startsWith(prefix + 'voortgang:'))
        .map(k => [k, localStorage.getItem(k)]))""", KEY)


# --- accessibility ------------------------------------------------------------------------


def test_axe_finds_no_violations_in_answered_self_check_and_journal(browser, site):
    from axe_playwright_python.sync_playwright import Axe

    for scheme in ("light", "dark"):
        ctx = browser.new_context(color_scheme=scheme)
        pg = ctx.new_page()
        goto(pg, site, REFLECTION_PAGE)
        pg.fill(f"#antwoord-{REFLECTION_ID}", "Een antwoord.")
        goto(pg, site, SELF_CHECK_PAGE)
        pg.check("#m1-toets-1-optie-A")
        pg.click("#m1-toets-1 button.cursus-knop")
        pg.check("#m1-toets-2-optie-C")
        pg.click("#m1-toets-2 button.cursus-knop")
        for path in (SELF_CHECK_PAGE, JOURNAL_PAGE, CLOSING_PAGE, START_PAGE):
            if path != SELF_CHECK_PAGE:
                goto(pg, site, path)
            violations = Axe().run(pg).response["violations"]
            report = [f"{v['id']}: {[(n['target'], n.get('failureSummary')) for n in v['nodes']][:3]}"
                      for v in violations]
            assert report == [], f"{path} ({scheme})"
        ctx.close()


def test_skip_link_is_first_and_moves_to_the_content(page, site):
    goto(page, site, REFLECTION_PAGE)
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]")
    assert focused == ["Naar de inhoud", "#main-content"]
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"


def test_focus_is_visible_on_course_controls(page, site):
    goto(page, site, REFLECTION_PAGE)
    page.focus(f"#antwoord-{REFLECTION_ID}")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert page.evaluate("document.activeElement.id") == f"antwoord-{REFLECTION_ID}"
    assert outline not in ("none", "")


def test_dropdown_opens_by_keyboard_with_a_dutch_name(page, site):
    goto(page, site, REFLECTION_PAGE)
    button = page.locator(f"#{REFLECTION_ID}-denkrichtingen button.toggle-button")
    assert "tonen of verbergen" in button.get_attribute("aria-label")
    content = page.locator(f"#{REFLECTION_ID}-denkrichtingen section")
    assert not content.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert content.is_visible()
    assert button.get_attribute("aria-expanded") == "true"


# --- privacy: no request to another host --------------------------------------------------


def test_no_request_leaves_the_site_when_every_header_button_is_used(context, site):
    """Every header button (download menu with the notebook and print, colour mode, search) on each
    kind of page: the notebook pages (each its own download), a text page, search and the index.
    Plain page loads of every page are checked in tests/test_pages.py."""
    from conftest import COURSE

    own = urlparse(site).netloc
    foreign: list[str] = []

    def record(request) -> None:
        url = urlparse(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != own:
            foreign.append(request.url)
        elif url.scheme not in ("http", "https", "data", "blob", "about"):
            foreign.append(request.url)

    context.on("request", record)
    pg = context.new_page()
    clicked = 0
    for path in [f"{d}.html" for d in COURSE.notebooks] + [START_PAGE, "search.html", "genindex.html"]:
        goto(pg, site, path)
        # Every header button: download menu (.ipynb, print), full screen, colour mode, search.
        for toggle in pg.locator(".article-header-buttons .dropdown-toggle").all():
            toggle.click()
            for item in pg.locator(".dropdown-menu.show a").all():
                item.click()
                clicked += 1
                pg.wait_for_timeout(200)
                for other in context.pages:
                    if other is not pg:
                        other.wait_for_load_state("networkidle")
                        other.close()
            pg.keyboard.press("Escape")
        for sel in (".theme-switch-button", ".search-button"):
            if pg.locator(sel).first.is_visible():
                pg.locator(sel).first.click()
                pg.keyboard.press("Escape")
        pg.wait_for_load_state("networkidle")
    assert clicked >= 4, "the notebook download links were not clicked"
    assert foreign == []


def test_recorder_sees_requests_to_other_hosts(browser, site):
    # The site's Content-Security-Policy would stop this request before it is made: bypass it,
    # so that the control shows the recorder itself works.
    context = browser.new_context(bypass_csp=True)
    seen: list[str] = []
    context.on("request", lambda r: seen.append(r.url))
    pg = context.new_page()
    context.route("http://example.invalid/**", lambda route: route.abort())
    goto(pg, site, START_PAGE)
    pg.evaluate("fetch('http://example.invalid/x').catch(() => null)")
    pg.wait_for_timeout(200)
    context.close()
    assert any(u.startswith("http://example.invalid/") for u in seen)


# --- reflection journal -------------------------------------------------------------------


def test_reflection_field_saves_as_you_type_and_restores(page, site):
    goto(page, site, REFLECTION_PAGE)
    field = page.get_by_label("Jouw antwoord")
    assert field.count() == 1
    field.click()
    page.keyboard.type("Ze bedoelde vooral: een drukke week. 🙂")
    assert stored(page) == {f"{KEY}reflectie:{REFLECTION_ID}": "Ze bedoelde vooral: een drukke week. 🙂"}
    assert "Bewaard" in page.locator(f"#{REFLECTION_ID} .cursus-status").text_content()
    page.reload(wait_until="networkidle")
    assert page.get_by_label("Jouw antwoord").input_value() == "Ze bedoelde vooral: een drukke week. 🙂"
    page.get_by_label("Jouw antwoord").fill("")
    assert stored(page) == {}


def test_journal_lists_exports_imports_and_wipes_exactly(page, site, tmp_path):
    goto(page, site, REFLECTION_PAGE)
    page.fill(f"#antwoord-{REFLECTION_ID}", AWKWARD)
    goto(page, site, SECOND_PAGE)
    page.fill(f"#antwoord-{SECOND_ID}", LONG)

    goto(page, site, JOURNAL_PAGE)
    items = page.locator(".cursus-dagboek-item")
    assert page.locator(f'[data-reflectie="{REFLECTION_ID}"] .cursus-antwoord').text_content() == AWKWARD
    assert page.locator(f'[data-reflectie="{SECOND_ID}"] .cursus-antwoord').text_content() == LONG
    assert items.count() >= 15, "every reflection exercise should be listed"
    modules = page.locator(".cursus-dagboek-module h3").all_text_contents()
    assert modules[0].startswith("Module 1") and modules[-1].startswith("Module 4")
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".cursus-antwoord script, .cursus-antwoord img").count() == 0

    with page.expect_download() as info:
        page.get_by_role("button", name="Download om later te importeren (.json)").click()
    exported = tmp_path / "export.json"
    info.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert {a["id"]: a["antwoord"] for a in data["antwoorden"]} == {REFLECTION_ID: AWKWARD, SECOND_ID: LONG}

    with page.expect_download() as info:
        page.get_by_role("button", name="Download als tekst (.txt)").click()
    readable = tmp_path / "export.txt"
    info.value.save_as(readable)
    text = readable.read_text(encoding="utf-8")
    question = page.evaluate("(id) => CURSUS_INDEX.reflections.find(r => r.id === id).question", REFLECTION_ID)
    assert question and question in text, "the readable export carries each question's text"
    assert text.index("Module 1") < text.index(AWKWARD) < text.index("Module 4") < text.index(LONG)
    assert "<!--" not in text

    page.once("dialog", lambda d: d.dismiss())
    page.get_by_role("button", name="Alles wissen").click()
    assert len(stored(page)) == 2 and "niets gewist" in page.locator("#cursus-dagboek .cursus-status").text_content()

    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Alles wissen").click()
    assert stored(page) == {}
    assert page.locator(".cursus-antwoord").count() == 0

    page.get_by_label("Eerder gedownload bestand importeren (.json)").set_input_files(str(exported))
    wait_for(page, "document.querySelectorAll('.cursus-antwoord').length === 2")
    assert stored(page) == {f"{KEY}reflectie:{REFLECTION_ID}": AWKWARD, f"{KEY}reflectie:{SECOND_ID}": LONG}
    assert "2 antwoorden ingelezen" in page.locator("#cursus-dagboek .cursus-status").text_content()
    goto(page, site, REFLECTION_PAGE)
    assert page.input_value(f"#antwoord-{REFLECTION_ID}") == AWKWARD
    assert page.evaluate("window.__pwned") is None
    assert page.js_errors == []


def test_journal_page_says_plainly_where_answers_live(page, site):
    goto(page, site, JOURNAL_PAGE)
    text = page.locator("main").inner_text()
    assert "alleen in deze browser, op dit apparaat" in text
    assert "Nog geen antwoord." in text or "nog geen antwoorden" in text


# --- self-checks --------------------------------------------------------------------------


def _expected_feedback(question_id: str) -> dict[str, tuple[bool, str]]:
    """Letter -> (right?, feedback text) from the static page, the single source."""
    soup = BeautifulSoup((HTML / SELF_CHECK_PAGE).read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one(f'div.solution.zelftoets-feedback .admonition-title a[href="#{question_id}"]')
    out = {}
    for li in link.find_parent("div", class_="solution").select("li"):
        label = li.strong.get_text(" ", strip=True)
        letter = label[0]
        out[letter] = (label.endswith("Juist."), li.get_text(" ", strip=True))
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).replace(" .", ".").replace(" )", ")").replace("( ", "(").strip()


def test_self_check_answered_right_and_wrong_by_keyboard(page, site):
    qid = "m1-toets-1"
    expected = _expected_feedback(qid)
    right = next(letter for letter, (ok, _) in expected.items() if ok)
    wrong = next(letter for letter, (ok, _) in expected.items() if not ok)
    goto(page, site, SELF_CHECK_PAGE)
    question = page.locator(f"#{qid}")
    assert not question.locator("ul.cursus-vervangen").is_visible()
    assert not page.locator(f"#{qid}-antwoord").is_visible()
    assert question.get_by_role("group", name="Kies je antwoord bij vraag 1").count() == 1
    radios = question.get_by_role("radio")
    assert radios.count() == len(expected)
    live = question.locator(".cursus-feedback")
    assert live.get_attribute("aria-live") == "polite"

    # Nothing chosen yet: Tab into the group, Tab to the button, Enter.
    radios.first.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Controleer"
    page.keyboard.press("Enter")
    assert live.text_content() == "Kies eerst een antwoord."

    for letter, ok in ((wrong, False), (right, True)):
        radios.first.focus()
        page.keyboard.press("Space")
        for _ in range(ord(letter) - ord("A")):
            page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.value") == letter
        assert question.locator(f"#{qid}-optie-{letter}").is_checked()
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        shown = _norm(live.text_content())
        assert shown.startswith(f"{letter}. {'Juist.' if ok else 'Niet juist.'}")
        assert shown == _norm(expected[letter][1])
        assert ("cursus-juist" if ok else "cursus-onjuist") in live.get_attribute("class").split()


def test_every_self_check_question_is_enhanced(page, site):
    for module in ("m1-spectrum", "m2-lange-termijn", "m3-korte-termijn", "m4-tips"):
        goto(page, site, f"book/{module}/zelftoets.html")
        questions = page.locator("div.exercise.zelftoets").count()
        assert page.locator("form.cursus-zelftoets").count() == questions >= 5, module


def test_without_javascript_options_and_feedback_stay_readable(browser, site):
    ctx = browser.new_context(java_script_enabled=False)
    pg = ctx.new_page()
    goto(pg, site, SELF_CHECK_PAGE)
    assert pg.locator("#m1-toets-1 ul li").first.is_visible()
    assert pg.locator("#m1-toets-1-antwoord li").first.is_visible()
    goto(pg, site, JOURNAL_PAGE)
    assert "niet bewaard" in pg.locator("#cursus-dagboek").inner_text()
    ctx.close()


# --- progress -----------------------------------------------------------------------------


def test_module_progress_persists_and_is_wiped_with_the_journal(page, site):
    goto(page, site, START_PAGE)
    assert "0 van de 4 modules" in page.locator("#cursus-voortgang").inner_text()
    goto(page, site, CLOSING_PAGE)
    button = page.get_by_role("button", name="Module klaar")
    assert button.get_attribute("aria-pressed") == "false"
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "true"
    page.reload(wait_until="networkidle")
    assert page.get_by_role("button", name="Module klaar").get_attribute("aria-pressed") == "true"
    goto(page, site, START_PAGE)
    progress = page.locator("#cursus-voortgang").inner_text()
    assert "1 van de 4 modules" in progress and "Module 1 — Mentale gezondheid: een spectrum: klaar" in progress
    goto(page, site, JOURNAL_PAGE)
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Alles wissen").click()
    goto(page, site, START_PAGE)
    assert "0 van de 4 modules" in page.locator("#cursus-voortgang").inner_text()


# --- storage blocked ----------------------------------------------------------------------


def test_with_storage_blocked_pages_work_and_say_nothing_is_kept(browser, site):
    ctx = browser.new_context()
    ctx.add_init_script(BLOCK_STORAGE)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(f"{e}\n{getattr(e, 'stack', '')}"))
    goto(pg, site, REFLECTION_PAGE)
    assert pg.evaluate("window.cursus.storageAvailable") is False
    assert "niet bewaard" in pg.locator(f"#{REFLECTION_ID} .cursus-uitleg").text_content()
    pg.fill(f"#antwoord-{REFLECTION_ID}", "Tekst die nergens heen gaat.")
    assert "Niet bewaard" in pg.locator(f"#{REFLECTION_ID} .cursus-status").text_content()
    goto(pg, site, SELF_CHECK_PAGE)
    pg.check("#m1-toets-1-optie-B")
    pg.click("#m1-toets-1 button.cursus-knop")
    assert pg.locator("#m1-toets-1 .cursus-feedback").text_content().startswith("B. Juist.")
    goto(pg, site, JOURNAL_PAGE)
    assert "niet bewaard" in pg.locator("#cursus-dagboek").inner_text()
    goto(pg, site, START_PAGE)
    assert "geen opslag" in pg.locator("#cursus-voortgang").inner_text()
    assert [e for e in errors if "cursus" in e] == []
    ctx.close()

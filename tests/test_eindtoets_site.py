"""The final test on the built site, in Debian's Chromium (book/afronden/eindtoets,
book/_static/cursus-toets.js, the data from course/sphinxext/eindtoets.py): taken at 390 px by
keyboard, passed and failed, retaken with other items; storage and events as the toets/scorm
contract says; 0 axe violations, 0 CSP reports, nothing from another host. Also the self-check
answers and the progress event that cursus.js adds for the LMS packages."""

from __future__ import annotations

import json
import re
from collections import Counter
from urllib.parse import urljoin, urlparse

import pytest
from conftest import COURSE, wait_for
from test_pages import CSP_LISTENER, Visit

from course import toets

pytestmark = [pytest.mark.browser, pytest.mark.built]

KEY = "sociale-media-mentale-gezondheid:"
PAGE = "book/afronden/eindtoets.html"
SETTINGS = toets.settings()
EVENTS = """
window.__events = [];
for (const name of ['cursus:eindtoets', 'cursus:voortgang']) {
  document.addEventListener(name, (e) => window.__events.push({name, detail: e.detail}));
}
"""
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def pg(browser):
    ctx = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    page.add_init_script(CSP_LISTENER)
    page.add_init_script(EVENTS)
    visit = Visit()
    page.on("request", lambda r: visit.requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.visit, page.js_errors = visit, errors
    yield page
    assert errors == []
    ctx.close()


def open_test(page, site: str) -> None:
    page.goto(site + PAGE, wait_until="networkidle")


def state(page) -> dict:
    raw = page.evaluate("(k) => localStorage.getItem(k)", KEY + "eindtoets")
    return json.loads(raw) if raw else {}


def bank(page) -> dict:
    data = page.evaluate("window.CURSUS_EINDTOETS")
    return {q["id"]: dict(q, module=u["module"], situatie=u["situatie"]) for u in data["eenheden"] for q in u["vragen"]}


def active(page) -> dict:
    return page.evaluate("""() => { const a = document.activeElement;
        return {tag: a.tagName, type: a.type || '', name: a.name || '', text: a.textContent || ''}; }""")


def take_by_keyboard(page, right: bool) -> None:
    """Answer every question with Tab, Space and the arrow keys: all keys (right) or a wrong answer."""
    attempt = state(page)["p"][-1]
    questions = bank(page)
    todo = {}
    for n, (qid, order, _) in enumerate(attempt["i"], 1):
        q = questions[qid]
        if right:
            wanted = set(q["sleutel"])
        else:
            wrong = [o for o in order if o not in q["sleutel"]]
            wanted = {wrong[0]}
        todo[f"toets-{n}"] = (q["type"], [order.index(o) for o in sorted(wanted, key=order.index)])
    done: set[str] = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        a = active(page)
        if a["tag"] == "BUTTON" and a["text"] == "Inleveren":
            break
        if a["tag"] != "INPUT" or a["name"] not in todo or a["name"] in done:
            continue
        kind, positions = todo[a["name"]]
        if kind == "enkel":
            # Tab lands on the first option of a group with nothing chosen; arrows move and choose.
            page.keyboard.press("Space")
            for _ in range(positions[0]):
                page.keyboard.press("ArrowDown")
            done.add(a["name"])
        else:
            # Every checkbox is its own Tab stop: tick the keys as Tab passes them.
            inputs = page.locator(f"input[name='{a['name']}']")
            for position in range(inputs.count()):
                if position:
                    page.keyboard.press("Tab")
                if position in positions:
                    page.keyboard.press("Space")
            done.add(a["name"])
    assert done == set(todo), f"not reached by keyboard: {set(todo) - done}"
    assert active(page)["text"] == "Inleveren"


def start_by_keyboard(page) -> None:
    button = page.get_by_role("button", name=re.compile("^(Start de toets|Maak de toets opnieuw)$"))
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("form.cursus-toets")


def no_overflow(page) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")


def axe(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    # axe checks the whole page wherever it is scrolled; only the theme's back-to-top button (white
    # on orange, 2.4:1, shown after a scroll; not this page's markup, reported to the site's owners)
    # depends on the scroll, so the page is checked from the top, as tests/test_pages.py does.
    page.evaluate("window.scrollTo({top: 0, behavior: 'instant'}); window.dispatchEvent(new Event('scroll'))")
    wait_for(page, "window.scrollY === 0 && getComputedStyle(document.getElementById('pst-back-to-top')).display"
                   " === 'none' && document.getAnimations().every(a => a.playState !== 'running')")
    csp = page.evaluate("window.__cspViolations.splice(0)")   # the page's own reports, before axe's <style>
    violations = Axe().run(page).response["violations"]
    page.evaluate("window.__cspViolations.splice(0)")
    assert csp == [], f"Content-Security-Policy reports: {csp}"
    return [f"{v['id']}: {[(n['target'], n.get('failureSummary')) for n in v['nodes']][:3]}" for v in violations]


def draw_problems(items: list[list], questions: dict) -> list[str]:
    """The blueprint of one draw: the length, evenly over the modules, at least 60 % applied, cases whole."""
    out = []
    ids = [i[0] for i in items]
    if len(ids) != SETTINGS["lengte"] or len(set(ids)) != len(ids):
        out.append(f"{len(ids)} items, {len(set(ids))} different")
    per_module = Counter(questions[i]["module"] for i in ids)
    quota = toets.quota(len(per_module) or 1, SETTINGS["lengte"])
    if sorted(per_module.values(), reverse=True) != quota:
        out.append(f"not even over the modules: {dict(per_module)}")
    applied = sum(questions[i]["niveau"] in toets.APPLIED for i in ids)
    if applied < toets.MIN_APPLIED * len(ids) - 1e-9:
        out.append(f"only {applied} of {len(ids)} applied")
    for qid in ids:
        case = re.sub(r"[a-c]$", "", qid) if re.search(r"\d[a-c]$", qid) else None
        if case and sum(i.startswith(case) for i in ids) != sum(q.startswith(case) for q in questions):
            out.append(f"case {case} not drawn whole")
    for qid, order, _ in items:
        if sorted(order) != list(range(len(questions[qid]["opties"]))):
            out.append(f"{qid}: option order {order} is not a shuffle")
    return out


# --- the data on the page ---------------------------------------------------------------------------


def test_only_the_test_page_loads_the_bank(built_html):
    page = (built_html / PAGE).read_text(encoding="utf-8")
    assert page.index("_static/cursus-eindtoets.js") < page.index("_static/cursus-toets.js")
    assert page.index("_static/cursus.js") < page.index("_static/cursus-toets.js")
    other = (built_html / "book/m1-spectrum/index.html").read_text(encoding="utf-8")
    assert "cursus-eindtoets.js" not in other and "cursus-toets.js" not in other
    data = (built_html / "_static/cursus-eindtoets.js").read_text(encoding="utf-8")
    assert "<" not in data and ">" not in data
    found = json.loads(data.removeprefix("window.CURSUS_EINDTOETS = ").rstrip().rstrip(";"))
    assert [q["id"] for u in found["eenheden"] for q in u["vragen"]] == [q.id for q in toets.load_bank().questions]
    assert (found["lengte"], found["cesuur"], found["nodig"]) == (SETTINGS["lengte"], SETTINGS["cesuur"], 14)


# --- taking the test ----------------------------------------------------------------------------------


def test_pass_by_keyboard_on_a_phone_with_storage_and_events_as_agreed(pg, site, built_html):
    open_test(pg, site)
    assert pg.locator("#cursus-eindtoets .cursus-waarschuwing").count() == 0
    assert axe(pg) == []
    start_by_keyboard(pg)
    questions = bank(pg)
    attempt = state(pg)["p"][0]
    assert draw_problems(attempt["i"], questions) == []
    assert attempt["h"] is None and "r" not in attempt and re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", attempt["s"])
    # No feedback before hand-in: no feedback text of any option is on the page.
    text = pg.locator("#cursus-eindtoets").inner_text()
    assert not any(f in text for qid, _, _ in attempt["i"] for f in questions[qid]["feedback"])
    assert "Juist." not in text
    assert pg.locator("fieldset.cursus-toets-vraag").count() == SETTINGS["lengte"]
    assert no_overflow(pg)
    assert axe(pg) == []

    take_by_keyboard(pg, right=True)
    saved = state(pg)["p"][0]
    assert all(item[2] for item in saved["i"]), "every answer is stored as it is chosen"
    pg.keyboard.press("Enter")
    pg.wait_for_selector("ol.cursus-toets-uitslag")
    assert pg.evaluate("document.activeElement.textContent") == "Geslaagd"
    result = state(pg)
    assert result["v"] == 1 and len(result["p"]) == 1
    done = result["p"][0]
    assert (done["r"], done["m"], done["g"]) == (SETTINGS["lengte"], SETTINGS["lengte"], 1) and done["h"]
    for qid, _, chosen in done["i"]:
        assert sorted(chosen) == sorted(questions[qid]["sleutel"])
    summary = pg.locator(".cursus-toets-score").inner_text()
    assert f"{SETTINGS['lengte']} van {SETTINGS['lengte']} (100%)" in summary

    events = pg.evaluate("window.__events")
    assert [e["detail"]["fase"] for e in events if e["name"] == "cursus:eindtoets"] == ["gestart", "ingeleverd"]
    handed = events[-1]["detail"]
    assert (handed["poging"], handed["score"], handed["max"], handed["geslaagd"]) == (1, 20, 20, True)
    for item, (qid, _, chosen) in zip(handed["items"], done["i"]):
        assert item == {"id": qid, "type": "choice", "juist": True, "doel": questions[qid]["doel"],
                        "antwoord": ",".join("abcde"[k] for k in sorted(chosen))}

    # The result: per item the feedback of the key and a page to reread that exists.
    items = pg.locator("ol.cursus-toets-uitslag > li")
    assert items.count() == SETTINGS["lengte"]
    first = questions[done["i"][0][0]]
    assert first["feedback"][first["sleutel"][0]] in items.first.inner_text()
    for href in pg.locator(".cursus-toets-herlees a").evaluate_all("(as) => as.map(a => a.href)"):
        path = urlparse(urljoin(site + PAGE, href)).path.lstrip("/")
        assert (built_html / path).exists(), href
    assert no_overflow(pg)
    assert axe(pg) == []
    assert pg.evaluate("window.__cspViolations") == []
    assert pg.visit.foreign(site) == []


def test_fail_then_retake_with_other_items_and_the_first_attempt_counts(pg, site):
    open_test(pg, site)
    start_by_keyboard(pg)
    take_by_keyboard(pg, right=False)
    pg.keyboard.press("Enter")
    pg.wait_for_selector("ol.cursus-toets-uitslag")
    first = state(pg)["p"][0]
    assert (first["r"], first["g"]) == (0, 0)
    assert pg.evaluate("document.activeElement.textContent") == "Nog niet geslaagd"
    assert f"{toets.pass_score(20, SETTINGS['cesuur'])} goed nodig" in pg.locator(".cursus-toets-score").inner_text()
    # Wrong answers show the feedback of the chosen option and of the key.
    questions = bank(pg)
    qid, _, chosen = first["i"][0]
    text = pg.locator("ol.cursus-toets-uitslag > li").first.inner_text()
    feedback = questions[qid]["feedback"]
    assert feedback[chosen[0]] in text and feedback[questions[qid]["sleutel"][0]] in text

    start_by_keyboard(pg)
    second = state(pg)["p"][1]
    assert draw_problems(second["i"], questions) == []
    assert not {i[0] for i in first["i"]} & {i[0] for i in second["i"]}, "the bank allows a retake with other items"
    before = [e["detail"] for e in pg.evaluate("window.__events") if e["name"] == "cursus:eindtoets"]
    pg.reload(wait_until="networkidle")   # the draw survives a reload
    assert state(pg)["p"][1]["i"] == second["i"]
    assert pg.locator("fieldset.cursus-toets-vraag").count() == SETTINGS["lengte"]
    take_by_keyboard(pg, right=True)
    pg.keyboard.press("Enter")
    pg.wait_for_selector("ol.cursus-toets-uitslag")
    saved = state(pg)["p"]
    assert [a["g"] for a in saved] == [0, 1]
    assert "Je eerste poging telt: 0 van 20, niet geslaagd." in pg.locator("#cursus-eindtoets").inner_text()
    events = before + [e["detail"] for e in pg.evaluate("window.__events") if e["name"] == "cursus:eindtoets"]
    assert [(e["fase"], e["poging"]) for e in events] == [("gestart", 1), ("ingeleverd", 1), ("gestart", 2),
                                                          ("ingeleverd", 2)]
    assert [e["geslaagd"] for e in events if e["fase"] == "ingeleverd"] == [False, True]


def test_handing_in_with_open_questions_asks_first(pg, site):
    open_test(pg, site)
    start_by_keyboard(pg)
    messages = []
    pg.once("dialog", lambda d: (messages.append(d.message), d.dismiss()))
    pg.get_by_role("button", name="Inleveren").click()
    assert messages == ["Je hebt 20 vragen nog niet beantwoord. Wil je de toets toch inleveren?"]
    assert state(pg)["p"][0]["h"] is None
    pg.once("dialog", lambda d: d.accept())
    pg.get_by_role("button", name="Inleveren").click()
    pg.wait_for_selector("ol.cursus-toets-uitslag")
    assert (state(pg)["p"][0]["r"], state(pg)["p"][0]["g"]) == (0, 0)


def test_many_draws_keep_the_blueprint_and_retakes_avoid_seen_items(pg, site):
    open_test(pg, site)
    questions = bank(pg)
    draws = pg.evaluate("""() => { const out = [];
        for (let n = 0; n < 200; n++) {
          const first = window.cursusToets.draw(new Set());
          const second = window.cursusToets.draw(new Set(first.map(i => i[0])));
          out.push([first, second]);
        } return out; }""")
    for first, second in draws:
        assert draw_problems(first, questions) == []
        assert draw_problems(second, questions) == []
        assert not {i[0] for i in first} & {i[0] for i in second}
    # Control: a draw with module 2 in place of module 1 breaks the rule.
    first = draws[0][0]
    spare = [q for q, v in questions.items() if v["module"] == 2 and q not in {i[0] for i in first}
             and not re.search(r"\d[a-c]$", q)][:5]
    broken = [i for i in first if questions[i[0]]["module"] != 1] + [[q, [0, 1, 2, 3], []] for q in spare]
    assert draw_problems(broken, questions)


def test_dark_scheme_and_wiping(browser, site):
    ctx = browser.new_context(color_scheme="dark", viewport=PHONE)
    page = ctx.new_page()
    page.add_init_script(CSP_LISTENER)
    open_test(page, site)
    start_by_keyboard(page)
    assert axe(page) == []
    assert page.evaluate("window.__cspViolations") == []
    page.goto(site + "book/bijlagen/mijn-reflecties.html", wait_until="networkidle")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Alles wissen").click()
    assert page.evaluate("(k) => localStorage.getItem(k)", KEY + "eindtoets") is None
    ctx.close()


def test_without_javascript_the_page_says_so(browser, site):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(site + PAGE)
    assert "Je browser voert geen JavaScript uit" in page.locator("#cursus-eindtoets").inner_text()
    ctx.close()


# --- what cursus.js adds for the LMS packages --------------------------------------------------------


def test_self_check_answers_are_kept_and_progress_is_announced(pg, site):
    pg.goto(site + "book/m1-spectrum/zelftoets.html", wait_until="networkidle")
    question = pg.locator("#m1-toets-1")
    question.get_by_role("radio").nth(1).check()
    question.get_by_role("button", name="Controleer").click()
    saved = json.loads(pg.evaluate("(k) => localStorage.getItem(k)", KEY + "zelftoets:m1-toets-1"))
    right = "cursus-juist" in question.locator(".cursus-feedback").get_attribute("class").split()
    assert saved == {"k": "B", "j": 1 if right else 0}
    pg.reload(wait_until="networkidle")
    assert pg.locator("#m1-toets-1-optie-B").is_checked()

    pg.goto(site + "book/m1-spectrum/afsluiting.html", wait_until="networkidle")
    pg.get_by_role("button", name="Module klaar").click()
    pg.get_by_role("button", name="Module klaar").click()
    events = [e["detail"] for e in pg.evaluate("window.__events") if e["name"] == "cursus:voortgang"]
    assert events == [{"module": "book/m1-spectrum", "klaar": True}, {"module": "book/m1-spectrum", "klaar": False}]


# --- voor- en nameting ------------------------------------------------------------------------------


def rate_by_keyboard(page, value: int) -> int:
    """Give every objective the same rating with Tab and the arrow keys; returns how many were rated."""
    groups = page.locator("fieldset.cursus-meting-doel")
    for n in range(groups.count()):
        groups.nth(n).get_by_role("radio").first.focus()
        page.keyboard.press("Space")
        for _ in range(value - 1):
            page.keyboard.press("ArrowRight")
    return groups.count()


def test_ratings_before_and_after_side_by_side_never_leave_the_browser(pg, site):
    objectives = toets.objectives_list({m.number: COURSE.objectives(m) for m in COURSE.modules})
    pg.goto(site + "book/start/voormeting.html", wait_until="networkidle")
    assert rate_by_keyboard(pg, 2) == len(objectives) == 21
    assert "{term}" not in pg.locator("#cursus-meting").inner_text()
    assert no_overflow(pg)
    assert axe(pg) == []
    before = json.loads(pg.evaluate("(k) => localStorage.getItem(k)", KEY + "meting:voor"))
    assert before == {o["code"]: 2 for o in objectives}

    pg.goto(site + "book/afronden/nameting.html", wait_until="networkidle")
    rate_by_keyboard(pg, 4)
    table = pg.locator("table.cursus-meting-tabel")
    assert table.locator("tbody tr").count() == 21
    first = table.locator("tbody tr").first.inner_text()
    assert "M1.1" in first and "2 (een beetje zeker)" in first and "4 (zeker)" in first
    assert json.loads(pg.evaluate("(k) => localStorage.getItem(k)", KEY + "meting:na")) == {
        o["code"]: 4 for o in objectives}
    assert no_overflow(pg)
    assert axe(pg) == []
    # Nothing left the browser: only the site's own files were requested, none after the page loaded.
    assert pg.visit.foreign(site) == []
    assert all(urlparse(u).path.rsplit(".", 1)[-1] in {"html", "css", "js", "woff2", "ico", "svg", "png"}
               for u in pg.visit.requests), pg.visit.requests

    pg.goto(site + "book/bijlagen/mijn-reflecties.html", wait_until="networkidle")
    pg.once("dialog", lambda d: d.accept())
    pg.get_by_role("button", name="Alles wissen").click()
    assert pg.evaluate("(p) => Object.keys(localStorage).filter(k => k.startsWith(p + 'meting:'))", KEY) == []


# --- the certificate ----------------------------------------------------------------------------------


def pass_quickly(page, site: str) -> dict:
    """A real attempt, answered right through storage, handed in with the button."""
    open_test(page, site)
    start_by_keyboard(page)
    questions = bank(page)
    saved = state(page)
    for item in saved["p"][-1]["i"]:
        item[2] = sorted(questions[item[0]]["sleutel"])
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY + "eindtoets", json.dumps(saved)])
    page.reload(wait_until="networkidle")
    page.get_by_role("button", name="Inleveren").click()
    page.wait_for_selector("ol.cursus-toets-uitslag")
    return state(page)["p"][-1]


DUTCH_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                "november", "december"]


def test_after_a_pass_the_browser_makes_the_certificate(browser, site, tmp_path):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from pypdf import PdfReader

    ctx = browser.new_context(viewport=PHONE, accept_downloads=True, timezone_id="Europe/Amsterdam")
    page = ctx.new_page()
    page.add_init_script(CSP_LISTENER)
    visit = Visit()
    page.on("request", lambda r: visit.requests.append(r.url))
    page.goto(site + "book/afronden/bewijs.html", wait_until="networkidle")
    assert "nog niet gehaald" in page.locator("#cursus-bewijs").inner_text()
    assert not any("pdf-lib" in u for u in visit.requests), "the library loads only when asked for"

    attempt = pass_quickly(page, site)
    proof = page.locator("#cursus-eindtoets").get_by_role("link", name="bewijs van deelname")
    assert proof.count() == 1
    proof.click()
    page.wait_for_selector("#cursus-bewijs-naam")
    assert no_overflow(page) and axe(page) == []
    field = page.get_by_label("Je naam")
    field.fill("   ")
    page.get_by_role("button", name="Maak het bewijs (PDF)").click()
    assert page.locator("#cursus-bewijs .cursus-status").inner_text() == "Typ eerst je naam."
    field.fill("Ilse 🙂 de Vries")
    page.get_by_role("button", name="Maak het bewijs (PDF)").click()
    wait_for(page, "document.querySelector('#cursus-bewijs .cursus-status').textContent.includes('tekens')")
    assert "🙂" in page.locator("#cursus-bewijs .cursus-status").inner_text()

    name = "Zoë Ünal-de Bruijn"
    field.fill(name)
    field.focus()
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "bewijs-van-deelname.pdf"
    path = tmp_path / "bewijs.pdf"
    download.save_as(path)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    when = datetime.fromisoformat(attempt["h"].replace("Z", "+00:00")).astimezone(ZoneInfo("Europe/Amsterdam"))
    version = COURSE.substitutions["versie"]
    hours = f"{toets.study_hours(COURSE):g}".replace(".", ",")   # the modules' "Duur" plus the test
    for expected in (name, f"{when.day} {DUTCH_MONTHS[when.month - 1]} {when.year}",
                     f"{attempt['r']} van {attempt['m']} goed", f"versie {version}", COURSE.title_text,
                     "geen accreditatie", "vrije ruimte / informeel leren (SKJ)",
                     "overige deskundigheidsbevordering (Registerplein)", f"ongeveer {hours} uur", "M4.6"):
        assert expected in text, (expected, text[:400])
    fonts = {f for p in reader.pages for f in (p["/Resources"]["/Font"] or {}).values()}
    assert fonts and all("Atkinson" in str(f.get_object()["/BaseFont"]) for f in fonts)
    assert reader.metadata.title.startswith("Bewijs van deelname")
    assert page.evaluate("window.__cspViolations") == []
    assert visit.foreign(site) == []
    assert page.evaluate("(k) => Object.keys(localStorage).filter(x => x.startsWith(k) && x.includes('naam'))",
                         KEY) == []
    ctx.close()


def test_the_libraries_are_in_the_site_with_their_licences(built_html):
    folder = built_html / "_static" / "vendor" / "pdf-lib"
    assert {p.name for p in folder.iterdir()} >= {"pdf-lib.min.js", "fontkit.umd.min.js", "LICENSES.txt",
                                                 "cursus-lettertype.js"}
    licences = (folder / "LICENSES.txt").read_text(encoding="utf-8")
    assert "MIT License" in licences and "@pdf-lib/fontkit 1.1.1" in licences and "Open Font License" in licences


# --- the course evaluation ------------------------------------------------------------------------------


def test_the_evaluation_is_kept_here_and_can_be_copied_or_downloaded(browser, site, tmp_path):
    ctx = browser.new_context(viewport=PHONE, accept_downloads=True)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.rstrip("/"))
    page = ctx.new_page()
    page.add_init_script(CSP_LISTENER)
    page.goto(site + "book/afronden/evaluatie.html", wait_until="networkidle")
    marker = "<b>niet vet</b> & regel twee\nmet 🙂"
    page.get_by_label("Wat neem je mee naar je werk?").fill(marker)
    page.get_by_role("group", name="Zou je de training een collega aanraden?").get_by_label("misschien").check()
    saved = json.loads(page.evaluate("(k) => localStorage.getItem(k)", KEY + "evaluatie"))
    assert saved == {"meenemen": marker, "aanraden": "misschien"}
    page.reload(wait_until="networkidle")
    assert page.get_by_label("Wat neem je mee naar je werk?").input_value() == marker
    page.get_by_role("button", name="Kopieer de evaluatie").click()
    wait_for(page, "document.querySelector('#cursus-evaluatie .cursus-status').textContent.includes('klembord')")
    copied = page.evaluate("navigator.clipboard.readText()")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download als tekst").click()
    info.value.save_as(tmp_path / "evaluatie.txt")
    text = (tmp_path / "evaluatie.txt").read_text(encoding="utf-8")
    assert text == copied and marker in text and "Zou je de training een collega aanraden?\nmisschien" in text
    assert "(niet ingevuld)" in text
    assert page.locator("#cursus-evaluatie b").count() == 0
    assert no_overflow(page) and axe(page) == []
    ctx.close()


def test_the_test_and_the_certificate_work_from_a_folder(browser, built_html, tmp_path):
    """Learners open the site from a folder (file://): the bank and the libraries are scripts, not fetches."""
    from pypdf import PdfReader

    ctx = browser.new_context(accept_downloads=True)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((built_html / PAGE).as_uri())
    start_by_keyboard(page)
    assert page.locator("fieldset.cursus-toets-vraag").count() == SETTINGS["lengte"]
    questions = bank(page)
    saved = state(page)
    for item in saved["p"][-1]["i"]:
        item[2] = sorted(questions[item[0]]["sleutel"])
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY + "eindtoets", json.dumps(saved)])
    page.reload(wait_until="load")
    # generous: under `make test` two workers share the cores, and this page loads the whole bank
    page.get_by_role("button", name="Inleveren").click(timeout=90_000)
    page.wait_for_selector("ol.cursus-toets-uitslag", timeout=90_000)
    assert state(page)["p"][-1]["g"] == 1
    page.goto((built_html / "book/afronden/bewijs.html").as_uri())
    page.get_by_label("Je naam").fill("Hanna Lotte")
    with page.expect_download() as info:
        page.get_by_role("button", name="Maak het bewijs (PDF)").click()
    info.value.save_as(tmp_path / "bewijs.pdf")
    assert "Hanna Lotte" in PdfReader(tmp_path / "bewijs.pdf").pages[0].extract_text()
    assert errors == []
    ctx.close()

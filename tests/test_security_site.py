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

"""The SCORM packages at run time: scorm-again (npm) acts as the LMS in Debian's Chromium.

A small "LMS" page (written here, served on 127.0.0.1 with the extracted packages) creates
scorm-again's ``API`` (1.2) or ``API_1484_11`` (2004), loads what an LMS would (the manifest's
mastery score, the learner, earlier data for a resume), records every SetValue it receives,
and opens the package's start.html in a frame, as an LMS does. The course's pages then run as a
learner meets them; the final test's state is written into localStorage and its events
dispatched the way the final test does (see /work/briefs/contract.md: keys and events).
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
import zipfile
from pathlib import Path

import pytest
from conftest import wait_for

from course import ROOT
from tools import lms

pytestmark = pytest.mark.browser

PREFIX = "sociale-media-mentale-gezondheid:"
SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist"
CLOSING = "book/m1-spectrum/afsluiting.html"
REFLECTION_PAGE = "book/m1-spectrum/01-wat-is-mentale-gezondheid.html"
MARKER = "GEHEIM-DAGBOEK-7f3a"

HARNESS = """
window.received = [];
window.calls = [];
window.startLMS = function (version, data, content) {
  var settings = { lmsCommitUrl: false, autocommit: false, logLevel: 5 };
  var api = version === "2004" ? new Scorm2004API(settings) : new Scorm12API(settings);
  var pre = version === "2004" ? "" : "LMS";
  if (data) { api.loadFromJSON(data); }
  api.on(pre + "SetValue.cmi.*", function (el, v) { window.received.push([el, String(v)]); });
  [pre + "Initialize", version === "2004" ? "Terminate" : "LMSFinish", pre + "Commit"].forEach(function (name) {
    api.on(name, function () { window.calls.push(name); });
  });
  if (version === "2004") { window.API_1484_11 = api; } else { window.API = api; }
  window.lmsApi = api;
  var frame = document.createElement("iframe");
  frame.id = "sco";
  frame.style.width = "1200px";
  frame.style.height = "900px";
  frame.src = content;
  document.body.appendChild(frame);
};
window.openSCO = function (content) { window.popup = window.open(content, "sco"); };
window.cmi = function () { return JSON.parse(JSON.stringify(window.lmsApi.renderCMIToJSONObject())); };
window.closeSCO = function () { document.getElementById("sco").remove(); };
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def lms_root(built_html, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("lms-runtime")
    out = root / "zips"
    for version in lms.VERSIONS:
        path = lms.package(version, built_html, out)
        with zipfile.ZipFile(path) as z:
            z.extractall(root / version.key)
    (root / "lms").mkdir()
    for name in ("scorm12.js", "scorm2004.js"):
        (root / "lms" / name).write_bytes((SCORM_AGAIN / name).read_bytes())
    (root / "lms" / "harness.js").write_text(HARNESS, encoding="utf-8")
    (root / "lms" / "index.html").write_text(
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>LMS</title>'
        '<script src="scorm12.js"></script><script src="scorm2004.js"></script>'
        '<script src="harness.js"></script></head><body></body></html>', encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def server(lms_root):
    handler = functools.partial(_Quiet, directory=str(lms_root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def mastery(lms_root: Path, key: str) -> dict:
    """What an LMS reads from the manifest before launch."""
    manifest = (lms_root / key / "imsmanifest.xml").read_text(encoding="utf-8")
    if key == "scorm12":
        return {"student_data": {"mastery_score": re.search(r"<adlcp:masteryscore>(\d+)<", manifest).group(1)}}
    return {"scaled_passing_score": re.search(r"<imsss:minNormalizedMeasure>([\d.]+)<", manifest).group(1)}


class Run:
    """One LMS session in one browser context (a context is one computer's browser)."""

    def __init__(self, context, base: str, key: str, data: dict, failures: list):
        self.key = key
        self.version = "2004" if key == "scorm2004" else "1.2"
        self.page = context.new_page()
        self.page.on("console", lambda m: failures.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: failures.append(str(e)))
        self.page.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        self.page.on("request", lambda r: failures.append(f"foreign request {r.url}")
                     if not r.url.startswith(base) and not r.url.startswith(("data:", "blob:", "about:")) else None)
        self.page.goto(base + "lms/index.html")
        self.page.evaluate("([v, d, c]) => startLMS(v, d, c)", [self.version, data, f"../{key}/start.html"])
        wait_for(self.page, "() => window.calls.length > 0")
        self.content_frame()

    def start_frame(self):
        wait_for(self.page, "() => !!document.getElementById('sco').contentWindow.cursusLMS")
        return next(f for f in self.page.frames if f.url.endswith("/start.html"))

    def content_frame(self):
        start = self.start_frame()
        wait_for(self.page, """() => { const d = document.getElementById('sco').contentDocument
            .getElementById('cursus-lms-frame').contentDocument;
            return d && d.readyState === 'complete' && d.location.href.indexOf('/site/') > 0; }""")
        return next(f for f in self.page.frames if f.parent_frame == start)

    def go(self, path: str):
        frame = self.content_frame()
        frame.evaluate("(p) => { location.href = new URL(p, document.baseURI.replace(/site\\/.*$/, 'site/')).href; }",
                       path)
        wait_for(self.page, """(p) => { const d = document.getElementById('sco').contentDocument
            .getElementById('cursus-lms-frame').contentDocument;
            return d && d.readyState === 'complete' && d.location.pathname.endsWith(p); }""", path)
        return self.content_frame()

    def received(self) -> list[list[str]]:
        return self.page.evaluate("() => window.received")

    def cmi(self) -> dict:
        return self.page.evaluate("() => cmi()")

    def value(self, element: str) -> str:
        return self.page.evaluate("(e) => String(window.lmsApi.getCMIValue(e))", element)

    def store(self, key: str, value) -> None:
        """Write a course key into this browser's localStorage from the site's frame (as the
        course's own scripts do), so that the launch page hears of it."""
        self.content_frame().evaluate("([k, v]) => localStorage.setItem(k, v)",
                                      [PREFIX + key, value if isinstance(value, str) else json.dumps(value)])

    def event(self, name: str, detail: dict) -> None:
        self.content_frame().evaluate("([n, d]) => document.dispatchEvent(new CustomEvent(n, {detail: d}))",
                                      [name, detail])

    def close(self) -> None:
        self.page.evaluate("() => closeSCO()")


@pytest.fixture
def run(browser, server, lms_root):
    contexts, failures = [], []

    def start(key: str, data: dict | None = None, context=None, learner: str = "leerling-42") -> Run:
        if context is None:
            context = browser.new_context(viewport={"width": 1280, "height": 1000})
            contexts.append(context)
        student = {"core": {"student_id": learner}} if key == "scorm12" else {"learner_id": learner}
        base = {**mastery(lms_root, key), **student}
        for k, v in (data or {}).items():
            base[k] = {**base.get(k, {}), **v} if isinstance(v, dict) else v
        return Run(context, server, key, base, failures)

    yield start
    for context in contexts:
        context.close()
    # the theme logs a console error of its own when no colour mode was chosen yet (also on the public site)
    assert [f for f in failures if not f.startswith(("Failed to load resource", "Got invalid theme mode"))] == []


def items(n: int, attempt: int = 1) -> list[list]:
    return [[f"E-M{i % 4 + 1}-{attempt:02d}{i:02d}", [2, 0, 1, 3], [i % 4]] for i in range(n)]


def attempt(n: int, right: int, number: int = 1, handed_in: bool = True) -> dict:
    a = {"s": "2026-12-07T10:00:00Z", "i": items(n, number), "h": None}
    if handed_in:
        a.update(h="2026-12-07T10:20:00Z", r=right, m=n, g=1 if right / n >= 0.7 else 0)
    return a


def handed_in_event(a: dict, number: int) -> dict:
    return {"fase": "ingeleverd", "poging": number, "score": a["r"], "max": a["m"], "geslaagd": bool(a["g"]),
            "items": [{"id": it[0], "type": "choice", "antwoord": "abcd"[it[2][0]], "juist": k < a["r"],
                       "doel": f"M{k % 4 + 1}.1"} for k, it in enumerate(a["i"])]}


def finish_modules(r: Run) -> None:
    """Set every module to klaar with the course's own switch on each closing page."""
    for module in ("m1-spectrum", "m2-lange-termijn", "m3-korte-termijn", "m4-tips"):
        frame = r.go(f"book/{module}/afsluiting.html")
        frame.get_by_role("button", name="Module klaar").click()
        wait_for(r.page, "(k) => document.getElementById('sco').contentWindow.localStorage.getItem(k) === 'klaar'",
                 f"{PREFIX}voortgang:book/{module}")


def take_test(r: Run, attempts: list[dict]) -> None:
    """The final test as the toets code leaves it: the state in localStorage, then the event."""
    r.store("eindtoets", {"v": 1, "p": attempts})
    last = attempts[-1]
    detail = handed_in_event(last, len(attempts)) if last["h"] else {"fase": "gestart", "poging": len(attempts)}
    r.event("cursus:eindtoets", detail)


def suspend(r: Run) -> dict:
    return json.loads(r.value("cmi.suspend_data"))


# --- the tests ------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["scorm12", "scorm2004"])
def test_full_run_with_a_pass(run, key):
    r = run(key)
    assert r.page.evaluate("() => window.calls")[0] == ("LMSInitialize" if key == "scorm12" else "Initialize")
    # the bookmark follows the learner
    r.go("book/m2-lange-termijn/01-gemiddeld-of-problematisch.html")
    loc = "cmi.core.lesson_location" if key == "scorm12" else "cmi.location"
    wait_for(r.page, "(e) => String(window.lmsApi.getCMIValue(e)).endsWith('01-gemiddeld-of-problematisch.html')", loc)
    status = "cmi.core.lesson_status" if key == "scorm12" else "cmi.completion_status"
    assert r.value(status) == "incomplete"
    finish_modules(r)
    wait_for(r.page, "() => JSON.parse(window.lmsApi.getCMIValue('cmi.suspend_data') || '{}').m === '1,2,3,4'")
    assert r.value(status) == "incomplete"     # modules done, test not yet handed in
    take_test(r, [attempt(20, 17)])
    if key == "scorm12":
        wait_for(r.page, "() => window.lmsApi.getCMIValue('cmi.core.lesson_status') === 'passed'")
        assert [r.value(f"cmi.core.score.{k}") for k in ("raw", "min", "max")] == ["85", "0", "100"]
    else:
        wait_for(r.page, "() => window.lmsApi.getCMIValue('cmi.completion_status') === 'completed'")
        assert r.value("cmi.success_status") == "passed"
        assert (r.value("cmi.score.raw"), r.value("cmi.score.min"), r.value("cmi.score.max")) == ("17", "0", "20")
        assert float(r.value("cmi.score.scaled")) == pytest.approx(0.85)
        assert r.value("cmi.progress_measure") == "1"
    r.close()
    wait_for(r.page, "(n) => window.calls.includes(n)", "LMSFinish" if key == "scorm12" else "Terminate")
    core = "cmi.core." if key == "scorm12" else "cmi."
    exit_el, session = core + "exit", core + "session_time"
    sent = dict(r.received())
    assert sent[exit_el] == "suspend"
    assert re.match(r"^\d{4}:\d{2}:\d{2}$" if key == "scorm12" else r"^PT\d+H\d+M\d+S$", sent[session])
    assert r.page.evaluate("() => window.calls").count("LMSCommit" if key == "scorm12" else "Commit") >= 6


@pytest.mark.parametrize("key", ["scorm12", "scorm2004"])
def test_fail_and_retake_the_first_attempt_counts(run, key):
    r = run(key)
    finish_modules(r)
    first = attempt(20, 10)
    take_test(r, [first])
    success = "cmi.core.lesson_status" if key == "scorm12" else "cmi.success_status"
    wait_for(r.page, "(e) => window.lmsApi.getCMIValue(e) === 'failed'", success)
    retake = attempt(20, 19, number=2)
    take_test(r, [first, retake])
    count = "cmi.interactions._count"
    wait_for(r.page, "(e) => Number(window.lmsApi.getCMIValue(e)) === 40", count)
    assert r.value(success) == "failed"
    raw = ("cmi.core.score.raw", "50") if key == "scorm12" else ("cmi.score.raw", "10")   # 1.2: a percentage
    assert r.value(raw[0]) == raw[1]
    state = suspend(r)
    assert state["n"] == 2 and [e[0] for e in state["e"]] == [1, 2]
    assert state["e"][1][4:] == [19, 20, 1]
    if key == "scorm2004":
        assert r.value("cmi.interactions.20.description") == "Eindtoets, poging 2"


@pytest.mark.parametrize("key", ["scorm12", "scorm2004"])
def test_close_and_resume_on_another_computer(run, key):
    r = run(key)
    finish_modules(r)
    r.store("zelftoets:m2-toets-3", {"k": "B", "j": 1})
    r.store("zelftoets:m3-toets-1", {"k": "D", "j": 0})
    first = attempt(20, 11)
    take_test(r, [first, attempt(20, 12, number=2, handed_in=False)])
    page = "book/m3-korte-termijn/02-verschillen-tussen-en-binnen-personen.html"
    r.go(page)
    wait_for(r.page, "() => JSON.parse(window.lmsApi.getCMIValue('cmi.suspend_data') || '{}').z")
    before = r.content_frame().evaluate(
        "(p) => Object.keys(localStorage).filter(k => k.startsWith(p) && !k.includes('laatste') && !k.includes('lms:'))"
        ".sort().map(k => [k, localStorage.getItem(k)])", PREFIX)
    r.close()
    kept = dict(r.received())        # what the LMS stored: the last value of each element
    if key == "scorm12":
        data = {"core": {"lesson_location": kept["cmi.core.lesson_location"], "entry": "resume"},
                "suspend_data": kept["cmi.suspend_data"]}
    else:
        data = {"location": kept["cmi.location"], "entry": "resume", "suspend_data": kept["cmi.suspend_data"]}
    again = run(key, data)          # a new browser context: another computer, empty storage
    frame = again.content_frame()
    assert frame.url.endswith(page)
    after = frame.evaluate(
        "(p) => Object.keys(localStorage).filter(k => k.startsWith(p) && !k.includes('laatste') && !k.includes('lms:'))"
        ".sort().map(k => [k, localStorage.getItem(k)])", PREFIX)
    assert [k for k, _ in after] == [k for k, _ in before]
    for (k, v1), (_, v2) in zip(before, after):
        assert json.loads(v1) == json.loads(v2) if v1.startswith("{") else v1 == v2, k
    # the start page shows the progress restored
    start = again.go("book/index.html")
    wait_for(again.page, "() => document.getElementById('sco').contentDocument.getElementById('cursus-lms-frame')"
             ".contentDocument.querySelectorAll('#cursus-voortgang .cursus-klaar').length === 4")
    assert start.url.endswith("book/index.html")


def test_another_learner_on_the_same_computer_starts_from_her_own_record(run, browser):
    context = browser.new_context()
    try:
        r = run("scorm12", context=context, learner="leerling-1")
        finish_modules(r)
        r.close()
        other = run("scorm12", context=context, learner="leerling-2")
        frame = other.content_frame()
        done = frame.evaluate("(p) => Object.keys(localStorage).filter(k => k.startsWith(p + 'voortgang:'))", PREFIX)
        assert done == []
        assert json.loads(other.value("cmi.suspend_data"))["m"] == ""
        # control: the first learner again, on this computer, gets her progress back from her record
        fourth = run("scorm12", context=context, learner="leerling-1",
                     data={"suspend_data": dict(r.received())["cmi.suspend_data"]})
        fourth.content_frame()
        assert json.loads(fourth.value("cmi.suspend_data"))["m"] == "1,2,3,4"
    finally:
        context.close()


def largest_state(lengte: int) -> dict:
    """The largest state the course can hold: every module done, every self-check answered, and
    many attempts of the final test, each of full length with long item ids and every option chosen."""
    index = json.loads((ROOT / "_build" / "html" / "_static" / "course-index.json").read_text(encoding="utf-8"))
    checks = {s["id"]: {"k": "E", "j": 1} for s in index["selfchecks"]}
    attempts = []
    for n in range(1, 31):
        a = {"s": "2026-12-07T10:00:00Z", "h": "2026-12-07T10:20:00Z", "r": lengte - 1, "m": lengte, "g": 1,
             "i": [[f"E-M{i % 4 + 1}-CASUS-{n:03d}-{i:03d}-X", [5, 4, 3, 2, 1, 0], [0, 1, 2, 3, 4, 5]]
                   for i in range(lengte)]}
        attempts.append(a)
    attempts[0].update(r=3, g=0)
    return {"checks": checks, "test": {"v": 1, "p": attempts}}


def test_suspend_data_stays_within_the_limit_of_scorm12(run):
    lengte = lms.test_settings()["lengte"]
    state = largest_state(lengte)
    r = run("scorm12")
    finish_modules(r)
    for label, value in state["checks"].items():
        r.store(f"zelftoets:{label}", value)
    r.store("eindtoets", state["test"])
    r.event("cursus:voortgang", {"module": "book/m1-spectrum", "klaar": True})
    wait_for(r.page, "() => (JSON.parse(window.lmsApi.getCMIValue('cmi.suspend_data') || '{}').n || 0) === 30")
    sent = [v for k, v in r.received() if k == "cmi.suspend_data"]
    assert sent and max(len(v) for v in sent) <= 4096
    kept = json.loads(sent[-1])
    assert kept["m"] == "1,2,3,4"
    first = kept["e"][0]
    assert first[0] == 1 and first[4:] == [3, lengte, 0]         # the attempt that counts survives
    assert kept["e"][-1][0] == 30                                  # and the latest one
    # control: without the limit the same state is far longer, so the limit did the work
    full = r.start_frame().evaluate("(s) => cursusLMS.encode(s, 1e9).length", {
        "modules": [1, 2, 3, 4], "checks": {k: v["k"] + str(v["j"]) for k, v in state["checks"].items()},
        "test": state["test"]})
    assert full > 4096
    # what was kept decodes back into the same first attempt
    decoded = r.start_frame().evaluate("(t) => cursusLMS.decode(t)", sent[-1])
    assert decoded["test"]["p"][0] == state["test"]["p"][0]
    assert decoded["modules"] == [1, 2, 3, 4]


def test_journal_and_measurements_never_reach_the_lms(run):
    r = run("scorm2004")
    frame = r.go(REFLECTION_PAGE)
    field = frame.locator("div.exercise.reflectie textarea").first
    field.fill(f"Mijn eigen gedachte: {MARKER}")
    wait_for(r.page, "(m) => Object.values(document.getElementById('sco').contentWindow.localStorage)"
             ".some(v => v.includes(m))", MARKER)
    r.store("meting:voor", {"M1.1": 3, MARKER: 5})
    r.store("meting:na", {"M1.1": 4})
    finish_modules(r)
    take_test(r, [attempt(20, 16)])
    wait_for(r.page, "() => window.lmsApi.getCMIValue('cmi.success_status') === 'passed'")
    r.close()
    everything = json.dumps([r.received(), r.cmi()])
    assert MARKER not in everything
    assert "meting" not in everything and "M1.1\": 3" not in everything
    # control: the same search finds what did go to the LMS (the test's state)
    assert "E-M1-0100" in everything


@pytest.mark.parametrize("key", ["scorm12", "scorm2004"])
def test_interactions_recorded_one_per_item(run, key):
    r = run(key)
    a = attempt(20, 15)
    take_test(r, [a])
    wait_for(r.page, "() => Number(window.lmsApi.getCMIValue('cmi.interactions._count')) === 20")
    event = handed_in_event(a, 1)
    for n, item in enumerate(event["items"]):
        base = f"cmi.interactions.{n}."
        sent = {k.removeprefix(base): v for k, v in r.received() if k.startswith(base)}
        assert sent["id"] == item["id"] and sent["type"] == "choice"
        assert sent["objectives.0.id"] == item["doel"]
        if key == "scorm12":
            assert sent["student_response"] == item["antwoord"]
            assert sent["result"] == ("correct" if item["juist"] else "wrong")
            assert re.match(r"^\d{2}:\d{2}:\d{2}$", sent["time"])
        else:
            assert sent["learner_response"] == item["antwoord"]
            assert sent["result"] == ("correct" if item["juist"] else "incorrect")
            assert re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", sent["timestamp"])
    # a multiple-answer item: 1.2 keeps the comma, 2004 uses its [,] delimiter
    b = attempt(20, 15, number=2)
    r.store("eindtoets", {"v": 1, "p": [a, b]})
    detail = handed_in_event(b, 2)
    detail["items"][0]["antwoord"] = "a,c"
    detail["items"][1]["antwoord"] = "<script>"          # not a response: left out
    detail["items"][2].update(antwoord="", juist=False)  # left unanswered: recorded as wrong, no response
    r.event("cursus:eindtoets", detail)
    wait_for(r.page, "() => Number(window.lmsApi.getCMIValue('cmi.interactions._count')) === 39")
    field = "student_response" if key == "scorm12" else "learner_response"
    response = dict(r.received())[f"cmi.interactions.20.{field}"]
    assert response == ("a,c" if key == "scorm12" else "a[,]c")
    assert "<script>" not in json.dumps(r.received())
    unanswered = {k.removeprefix("cmi.interactions.21."): v for k, v in r.received()
                  if k.startswith("cmi.interactions.21.")}
    assert unanswered["id"] == detail["items"][2]["id"] and field not in unanswered
    assert unanswered["result"] == ("wrong" if key == "scorm12" else "incorrect")


def test_scorm2004_keeps_completion_and_success_apart(run):
    r = run("scorm2004")
    take_test(r, [attempt(20, 18)])
    wait_for(r.page, "() => window.lmsApi.getCMIValue('cmi.success_status') === 'passed'")
    assert r.value("cmi.completion_status") == "incomplete"       # passed, but modules not done
    assert r.value("cmi.progress_measure") == "0.2"
    finish_modules(r)
    wait_for(r.page, "() => window.lmsApi.getCMIValue('cmi.completion_status') === 'completed'")
    assert r.value("cmi.success_status") == "passed"
    other = run("scorm2004", learner="leerling-43")
    finish_modules(other)
    take_test(other, [attempt(20, 9)])
    wait_for(other.page, "() => window.lmsApi.getCMIValue('cmi.success_status') === 'failed'")
    assert other.value("cmi.completion_status") == "completed"     # completed, and failed


def test_the_notice_about_reflections_is_shown(run):
    r = run("scorm12")
    notice = r.start_frame().locator("#cursus-lms-melding")
    assert notice.is_visible()
    text = notice.inner_text()
    assert "blijven alleen in deze browser" in text and "Alles wissen" in text
    link = r.start_frame().get_by_role("link", name="Mijn reflecties")
    link.click()
    wait_for(r.page, "() => document.getElementById('sco').contentDocument.getElementById('cursus-lms-frame')"
             ".contentDocument.location.pathname.endsWith('mijn-reflecties.html')")


def test_lms_script_is_inert_on_the_public_site(browser, site, run):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(site + "book/index.html")
        wait_for(page, "() => document.readyState === 'complete'")
        assert page.evaluate("() => document.documentElement.classList.contains('cursus-in-lms')") is False
        assert page.evaluate("() => Object.keys(localStorage).filter(k => k.includes('lms:'))") == []
    finally:
        context.close()
    # control: inside the package the same page is marked
    frame = run("scorm12").go("book/index.html")
    assert frame.evaluate("() => document.documentElement.classList.contains('cursus-in-lms')") is True


def test_wiping_the_browser_keeps_the_lms_record(run):
    """The notice tells learners on a shared computer to wipe with "Alles wissen": that wipes this
    browser, and the LMS keeps what it recorded."""
    r = run("scorm2004")
    finish_modules(r)
    take_test(r, [attempt(20, 16)])
    wait_for(r.page, "() => window.lmsApi.getCMIValue('cmi.completion_status') === 'completed'")
    kept = r.value("cmi.suspend_data")
    frame = r.go("book/bijlagen/mijn-reflecties.html")
    r.page.on("dialog", lambda d: d.accept())
    frame.get_by_role("button", name="Alles wissen").click()
    wait_for(r.page, "(p) => !Object.keys(document.getElementById('sco').contentWindow.localStorage)"
             ".some(k => k.startsWith(p))", PREFIX)
    r.go("book/m1-spectrum/afsluiting.html")          # more page changes and storage events after the wipe
    r.page.wait_for_timeout(300)
    assert r.value("cmi.completion_status") == "completed"
    assert r.value("cmi.success_status") == "passed"
    assert r.value("cmi.suspend_data") == kept
    assert r.value("cmi.location").endswith("afsluiting.html")   # the bookmark still follows


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 683, 1280])
def test_launch_page_without_an_lms_says_so_and_passes_axe(browser, server, scheme, width):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page = context.new_page()
        violations = []
        page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        page.goto(server + "scorm12/start.html")
        wait_for(page, "() => document.getElementById('cursus-lms-frame').getAttribute('src') !== 'about:blank'")
        assert page.evaluate("() => window.cursusLMS") is None
        assert "niet gevonden" in page.locator("#cursus-lms-status").inner_text()
        assert page.get_attribute("#cursus-lms-frame", "src") == "site/book/index.html"
        # the notice and the course fit: no sideways scrolling, the frame gets most of the window
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        frame_height = page.evaluate("() => document.getElementById('cursus-lms-frame').getBoundingClientRect().height")
        assert frame_height > 800 * 0.6
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.id") == "cursus-lms-wissen"
        found = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in Axe().run(page).response["violations"]]
        assert found == [] and violations == []
    finally:
        context.close()


def test_the_python_runtime_runs_from_inside_the_package(run):
    """The notebooks' in-browser Python (Pyodide and the course's pack) comes from the zip: a
    notebook page in the LMS frame runs its cells with nothing from another host (the fixture
    fails the test on any foreign request or CSP error)."""
    r = run("scorm12")
    frame = r.go("exercises/m1-spectrum.html")
    frame.get_by_role("button", name="Zelf proberen in je browser").click()
    wait_for(r.page, """() => { const d = document.getElementById('sco').contentDocument
        .getElementById('cursus-lms-frame').contentDocument;
        const s = d.querySelector('.cursus-oefenen-status'); return s && s.textContent.startsWith('Klaar'); }""",
             timeout=180)
    assert frame.locator("div.cell .cell_output").count() > 0


def test_the_api_is_found_through_the_opener_in_a_new_window(browser, server, lms_root):
    """An LMS may open the course in a new window (Moodle's "new window"): the launch page then
    finds the API through window.opener."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server + "lms/index.html")
        page.evaluate("""() => { window.API = new Scorm12API({ lmsCommitUrl: false });
            window.lmsApi = window.API; window.calls = [];
            window.API.on("LMSInitialize", () => window.calls.push("LMSInitialize")); }""")
        with context.expect_page() as popup_info:
            page.evaluate("(c) => openSCO(c)", "../scorm12/start.html")
        popup = popup_info.value
        wait_for(popup, "() => !!window.cursusLMS")
        assert page.evaluate("() => window.calls") == ["LMSInitialize"]
        wait_for(page, "() => String(window.lmsApi.getCMIValue('cmi.core.lesson_location'))"
                       ".endsWith('book/index.html')")
    finally:
        context.close()

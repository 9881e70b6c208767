"""Oefenen zonder installatie (issue 13): the notebooks in the learner's browser, the Oefenpakket,
and the diary on paper.

The browser tests load the built site from the loopback server (conftest: ``site``, ``browser``)
in Debian's Chromium. What the browser must show is computed here under CPython with the same
glue (book/_static/cursus_oefenen.py) and the same helper package, never written down.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest
import wheels
from conftest import COURSE, EXERCISES, HTML, ROOT

from course import exercises
from course import vocabulary as V
from course.sphinxext import runtime

NOTEBOOKS = {COURSE.source(d).stem: COURSE.source(d) for d in COURSE.notebooks}
PACK = HTML / "downloads" / runtime.PACK
GLUE = ROOT / "book" / "_static" / runtime.GLUE


# --- the same cells under CPython ---------------------------------------------------------


def fresh_glue():
    """A new copy of the glue module: a fresh namespace, as a new page in the browser has."""
    spec = importlib.util.spec_from_file_location(f"cursus_oefenen_{os.urandom(4).hex()}", GLUE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def code_cells(stem: str) -> list[nbformat.NotebookNode]:
    nb = nbformat.read(NOTEBOOKS[stem], as_version=4)
    return [c for c in nb.cells if c.cell_type == "code"]


def cpython(stem: str, edits: dict[int, str] | None = None, cwd: Path = EXERCISES) -> list[list[dict]]:
    """Every code cell's output parts as the browser shows them: all cells run once, then (when a
    cell was edited) that cell and every cell below it again, with the edits."""
    glue, cells = fresh_glue(), code_cells(stem)
    old = os.getcwd()
    os.chdir(cwd)
    try:
        outputs = [glue.voer_uit(c.source) for c in cells]
        if edits:
            start = min(edits)
            for i in range(start, len(cells)):
                outputs[i] = glue.voer_uit(edits.get(i, cells[i].source))
    finally:
        os.chdir(old)
    return outputs


def editable(stem: str, tag: str = V.EDITABLE_TAG) -> list[int]:
    """Indexes (among the code cells) of the cells the notebook marks for the learner."""
    return [i for i, c in enumerate(code_cells(stem)) if tag in c.metadata.get("tags", [])]


# --- fast: the glue under CPython ------------------------------------------------------------


@pytest.mark.parametrize("code, expected", [
    ('mijn_antwoord = "B', "Let op (regel 1): Er ontbreekt een aanhalingsteken."),
    ('x = 1\nmijn_antwoord = {"A": "alledaags",\n', "Let op (regel 2): Het haakje { wordt niet gesloten."),
    ('mijn_antwoord = {"A": "alledaags" "B": "klachten"}', "Let op (regel 1): Mist hier een komma?"),
    ('mijn_antwoord = {\n    "A": "alledaags"\n    "B": "klachten",\n}', "Let op (regel 2): Mist hier een komma?"),
    ("mijn_antwoord = “B”", "Let op (regel 1): Hier staat een krul-aanhalingsteken"),
    ("mijn_antwoord = 1\nprint(mijn_antwoort)",
     "Let op (regel 2): Python kent de naam mijn_antwoort niet. Bedoel je mijn_antwoord?"),
    ("x = 1\n\n1 / 0", "Let op (regel 3): Hier liep Python vast (ZeroDivisionError)."),
    ("for i in range(2):\nprint(i)", "Let op (regel 2): De regel staat niet goed ingesprongen."),
])
def test_mistakes_get_one_dutch_line_with_the_line_number(code, expected):
    parts = fresh_glue().voer_uit(code)
    assert [p["soort"] for p in parts] == ["fout"]
    message = parts[0]["tekst"]
    assert message.startswith(expected), message
    assert "\n" not in message and "Traceback" not in message and "Error:" not in message


def test_invoerfout_stays_the_helpers_own_line_and_order_is_kept(capsys):
    glue = fresh_glue()
    old = os.getcwd()
    os.chdir(EXERCISES)
    try:
        parts = glue.voer_uit('from cursus.spectrum import controleer\nprint("eerst")\ncontroleer({"A": 5})')
        chart = glue.voer_uit('from cursus.cirkel import teken_cirkel\nprint("voor")\n'
                              'teken_cirkel(["Ik voel me alleen", "Ik scrol op TikTok", "Ik slaap slecht"])')
    finally:
        os.chdir(old)
    from cursus._basis import LET_OP, melding_van
    from cursus.spectrum import controleer

    assert parts == [{"soort": "tekst", "tekst": "eerst\n" + LET_OP + melding_van(controleer, {"A": 5}) + "\n"}]
    assert [p["soort"] for p in chart][:2] == ["tekst", "svg"] and chart[0]["tekst"].startswith("voor\n")
    assert chart[1]["svg"].startswith("<svg") and chart[1]["alt"]
    assert capsys.readouterr().out == ""  # nothing leaked to the real stdout


def test_the_last_expression_is_shown_as_jupyter_does():
    glue = fresh_glue()
    assert glue.voer_uit("x = 41\nx + 1") == [{"soort": "tekst", "tekst": "42\n"}]
    assert glue.voer_uit("x + 1;") == []
    assert glue.voer_uit("None") == []


def test_pack_requirements_are_the_project_pins():
    pinned = {f"{name}=={version}" for name, version in exercises.pins().values()}
    lines = exercises.requirements()
    assert set(lines) <= pinned
    assert {"drawsvg", "ipykernel"} <= {exercises.canonical(line.split("==")[0]) for line in lines}
    names = {exercises.canonical(line.split("==")[0]) for line in lines}
    assert not {"sphinx", "weasyprint", "pytest", "jupyter-book"} & names


def test_every_notebook_marks_the_cells_a_learner_changes():
    for stem in NOTEBOOKS:
        assert editable(stem), f"{stem}: no cell tagged {V.EDITABLE_TAG}"
    files = [stem for stem in NOTEBOOKS if editable(stem, V.FILE_TAG)]
    assert len(files) == 1 and set(editable(files[0], V.FILE_TAG)) <= set(editable(files[0]))


# --- the built site in Chromium ----------------------------------------------------------


def _own(site: str):
    host = urlparse(site).netloc

    def foreign(url: str) -> bool:
        parsed = urlparse(url)
        return parsed.scheme not in ("data", "blob", "about") and parsed.netloc != host

    return foreign


@pytest.fixture
def context(browser, site):
    # The tests read the charts the runtime draws back with fetch(blob:...), which the page's own
    # policy (rightly) does not allow; test_the_runtime_works_under_the_pages_content_security_policy
    # runs the runtime under that policy.
    ctx = browser.new_context(accept_downloads=True, bypass_csp=True)
    ctx.requests = []
    ctx.on("request", lambda r: ctx.requests.append((r.method, r.url)))
    yield ctx
    foreign = _own(site)
    assert [u for _, u in ctx.requests if foreign(u)] == []
    ctx.close()


@pytest.fixture
def page(context):
    pg = context.new_page()
    pg.js_errors = []
    pg.on("pageerror", lambda e: pg.js_errors.append(str(e)))
    return pg


def open_notebook(page, site: str, stem: str) -> None:
    page.goto(f"{site}{V.NOTEBOOK_FOLDER}/{stem}.html", wait_until="networkidle")


def start_runtime(page) -> None:
    page.get_by_role("button", name="Zelf proberen in je browser").click()
    page.wait_for_function("document.querySelector('.cursus-oefenen-status').textContent.startsWith('Klaar')",
                           timeout=90_000)


class Started:
    """A notebook page whose runtime was started, with what the build wrote into it before."""

    def __init__(self, page, static: list[list[dict]], captions: list[str]) -> None:
        self.page, self.static, self.captions = page, static, captions


@pytest.fixture(scope="module")
def _started_pages(browser, site):
    """One context for the module and one started page per notebook: starting Pyodide is the
    costly step, so the tests that run cells share it (an edit reruns that cell and the cells
    below it, as the CPython comparison does, so the order of those tests does not matter)."""
    ctx = browser.new_context(accept_downloads=True, bypass_csp=True)   # see `context` above
    ctx.requests = []
    ctx.on("request", lambda r: ctx.requests.append((r.method, r.url)))
    pages: dict[str, Started] = {}
    yield ctx, pages
    ctx.close()


@pytest.fixture
def started(_started_pages, site):
    """``started(stem)``: the shared page of that notebook, its runtime ready; ``fresh=True``:
    one no test has edited yet (a new page when needed). Each test still checks that nothing
    was requested from another host."""
    ctx, pages = _started_pages

    def get(stem: str, fresh: bool = False) -> Started:
        entry = pages.get(stem)
        if entry is None or (fresh and getattr(entry.page, "edited", False)):
            if entry is not None:
                entry.page.close()
            pg = ctx.new_page()
            pg.js_errors = []
            pg.on("pageerror", lambda e: pg.js_errors.append(str(e)))
            open_notebook(pg, site, stem)
            entry = Started(pg, _static_outputs(pg), pg.locator("div.cell figcaption").all_inner_texts())
            start_runtime(pg)
            pages[stem] = entry
        return entry

    yield get
    foreign = _own(site)
    assert [u for _, u in ctx.requests if foreign(u)] == []


#: The output parts of every code cell on the page (charts as their SVG text).
PAGE_OUTPUTS = """async () => {
  const cells = [];
  for (const cell of document.querySelectorAll('div.cell')) {
    const parts = [];
    const out = cell.querySelector('.cell_output');
    for (const child of out ? out.children : []) {
      const node = child.tagName === 'FIGURE' ? child.querySelector('img') : child;
      if (node.tagName === 'IMG') {
        parts.push({soort: 'svg', svg: await (await fetch(node.src)).text(), alt: node.alt});
      } else if (node.matches('div.output')) {
        parts.push({soort: node.classList.contains('cursus-oefenen-fout') ? 'fout' : 'tekst',
                    tekst: node.querySelector('pre').textContent});
      }
    }
    cells.push(parts);
  }
  return cells;
}"""


def run_edit(page, index: int, code: str) -> None:
    """Type ``code`` into the editable cell (``index`` among the code cells) and press Uitvoeren."""
    page.edited = True
    cell = page.locator("div.cell").nth(index)
    cell.locator("textarea").fill(code)
    cell.locator(".cursus-oefenen-melding").evaluate("n => n.textContent = ''")
    cell.get_by_role("button", name="Uitvoeren").click()
    # "Klaar..." or, after a mistake, "Niet gelukt..." (tests/test_learner.py).
    page.wait_for_function("(n) => /^(Klaar|Niet gelukt)/.test(n.textContent)",
                           arg=cell.locator(".cursus-oefenen-melding").element_handle(), timeout=30_000)


@pytest.mark.browser
@pytest.mark.parametrize("stem", sorted(NOTEBOOKS))
def test_nothing_loads_before_the_click(page, site, stem):
    open_notebook(page, site, stem)
    button = page.get_by_role("button", name="Zelf proberen in je browser")
    assert button.is_visible() and "MB" in button.inner_text()
    assert page.locator("section.cursus-oefenen a.cursus-download[href$='downloads/oefenpakket.zip']").count() == 1
    diary = page.locator("section.cursus-oefenen a.cursus-download[href$='.csv'], "
                         "section.cursus-oefenen a.cursus-download[href$='-dagboek.pdf']")
    assert diary.count() == (2 if editable(stem, V.FILE_TAG) else 0)
    for i in range(diary.count()):
        assert page.request.get(diary.nth(i).evaluate("a => a.href")).ok
    page.wait_for_timeout(300)
    loaded = [u for _, u in page.context.requests]
    assert not [u for u in loaded if runtime.OUT in u or runtime.WORKER in u]
    assert page.js_errors == []


def _static_outputs(page) -> list[list[dict]]:
    """The outputs the build wrote into the page (from the notebook run by myst-nb)."""
    return page.evaluate(PAGE_OUTPUTS)


def _plain(parts: list[list[dict]]) -> list[list[tuple]]:
    """Outputs without alt texts (the page's <img> has the short alt text from the cell metadata)
    and without line ends after the last line of a text (a <pre> shows them as nothing or as one
    empty line: the built page drops one, and so does the browser runtime)."""
    return [[(p["soort"], p["tekst"].rstrip("\n") if "tekst" in p else p["svg"]) for p in cell]
            for cell in parts]


@pytest.mark.browser
@pytest.mark.parametrize("stem", sorted(NOTEBOOKS))
def test_the_browser_prints_and_draws_what_the_notebook_does(started, stem):
    run = started(stem, fresh=True)
    page, static, captions = run.page, run.static, run.captions
    live = page.evaluate(PAGE_OUTPUTS)
    # The numbered figures keep their captions around the charts the runtime drew.
    assert page.locator("div.cell figcaption").all_inner_texts() == captions
    expected = cpython(stem)
    assert _plain(live) == _plain(expected)
    # The same text and the same SVG as the notebook page built by myst-nb.
    assert _plain(live) == _plain(static)
    for cell in live:
        for part in cell:
            if part["soort"] == "svg":
                assert part["alt"] and "<script" not in part["svg"]
    assert page.js_errors == []


#: Per notebook: the edited cell (n-th tagged cell) and a right, a wrong and a malformed answer.
ANSWERS = {
    "m1-spectrum": (0, ['mijn_antwoord = {"A": "alledaags", "B": "klachten"}',
                        'mijn_antwoord = {"A": "aandoening"}',
                        'mijn_antwoord = {"A": 5}']),
    "m2-vicieuze-cirkel": (0, ['mijn_cirkel = ["Ik voel me alleen", "Ik scrol door TikTok", "Ik slaap te weinig"]',
                               'mijn_cirkel = ["Ik voel me alleen", "Ik slaap te weinig"]',
                               'mijn_cirkel = "Ik voel me alleen"']),
    "m3-stemming-door-de-tijd": (1, ['mijn_antwoord = "B"\ncontroleer_vraag(1, mijn_antwoord)',
                                     'mijn_antwoord = "A"\ncontroleer_vraag(1, mijn_antwoord)',
                                     'mijn_antwoord = 7\ncontroleer_vraag(1, mijn_antwoord)']),
    "m4-gebruikspatroon": (1, ['mijn_gok = "Instagram"', 'mijn_gok = "TikTok"', 'mijn_gok = ["TikTok"]']),
}


@pytest.mark.browser
@pytest.mark.parametrize("stem", sorted(ANSWERS))
def test_checks_right_wrong_and_malformed_give_the_cpython_feedback(started, stem):
    assert set(ANSWERS) == set(NOTEBOOKS)
    nth, answers = ANSWERS[stem]
    index = editable(stem)[nth]
    page = started(stem).page
    seen = set()
    for code in answers:
        run_edit(page, index, code)
        live = page.evaluate(PAGE_OUTPUTS)
        assert _plain(live) == _plain(cpython(stem, {index: code})), code
        seen.add(json.dumps(live[index:], sort_keys=True))
    assert len(seen) == 3, "the three answers should not all give the same feedback"
    assert page.js_errors == []


@pytest.mark.browser
def test_syntax_error_and_an_endless_loop_that_stop_ends(started):
    stem = "m1-spectrum"
    index = editable(stem)[0]
    page = started(stem).page
    cell = page.locator("div.cell").nth(index)

    run_edit(page, index, 'mijn_antwoord = {"A": "alledaags}')
    shown = cell.locator(".cursus-oefenen-fout").inner_text()
    assert shown.startswith("Let op (regel 1): Er ontbreekt een aanhalingsteken")
    assert "Traceback" not in page.locator("main").inner_text()

    cell.locator("textarea").fill("while True:\n    pass")
    cell.get_by_role("button", name="Uitvoeren").click()
    stop = cell.get_by_role("button", name="Stop")
    stop.wait_for(state="visible")
    page.wait_for_timeout(500)
    stop.click()
    page.wait_for_function("(n) => n.textContent.includes('Je kunt verder')",
                           arg=cell.locator(".cursus-oefenen-melding").element_handle(), timeout=60_000)
    assert "Gestopt" in cell.locator(".cell_output").inner_text()
    assert not stop.is_visible()

    good = 'mijn_antwoord = {"A": "alledaags", "B": "klachten", "C": "schommeling"}'
    run_edit(page, index, good)
    assert _plain(page.evaluate(PAGE_OUTPUTS)) == _plain(cpython(stem, {index: good}))
    assert page.js_errors == []


@pytest.mark.browser
def test_own_diary_through_the_file_picker_is_read_not_sent_and_kept_only_when_asked(page, site, tmp_path):
    stem = "m4-gebruikspatroon"
    index = editable(stem, V.FILE_TAG)[0]
    sample = EXERCISES / "data" / "dagboek-voorbeeld.csv"
    own = tmp_path / "Mijn week (april).csv"
    shutil.copyfile(sample, own)
    before = hashlib.sha256(own.read_bytes()).hexdigest()

    open_notebook(page, site, stem)
    start_runtime(page)
    cell = page.locator("div.cell").nth(index)
    cell.locator(".cursus-oefenen-melding").last.evaluate("n => n.textContent = ''")
    cell.get_by_label("Of kies je eigen dagboek").set_input_files(str(own))
    note = cell.locator(".cursus-oefenen-cel > .cursus-oefenen-melding")
    page.wait_for_function("(n) => n.textContent.startsWith('Klaar')", arg=note.element_handle(), timeout=30_000)
    code = cell.locator("textarea").input_value()
    assert code == 'mijn_bestand = "eigen-bestand/Mijn-week-april-.csv"'

    # What she sees equals the notebook run on the same file under CPython.
    work = tmp_path / "werkmap"
    shutil.copytree(EXERCISES / "data", work / "data")
    (work / "eigen-bestand").mkdir()
    shutil.copyfile(own, work / "eigen-bestand" / "Mijn-week-april-.csv")
    assert _plain(page.evaluate(PAGE_OUTPUTS)) == _plain(cpython(stem, {index: code}, cwd=work))

    # Not stored unless she asks; then stored byte for byte, and wiped on request.
    key = page.evaluate("window.cursus.prefix") + "oefenen-bestand"
    assert page.evaluate("(k) => localStorage.getItem(k)", key) is None
    cell.get_by_label("Bewaar mijn dagboek in deze browser").check()
    saved = json.loads(page.evaluate("(k) => localStorage.getItem(k)", key))
    assert base64.b64decode(saved["inhoud"]) == own.read_bytes()
    page.reload(wait_until="networkidle")
    start_runtime(page)
    cell = page.locator("div.cell").nth(index)
    assert "Mijn week (april).csv" in cell.locator(".cursus-oefenen-bewaard").inner_text()
    cell.get_by_role("button", name="Wis het bewaarde dagboek").click()
    assert page.evaluate("(k) => localStorage.getItem(k)", key) is None

    assert hashlib.sha256(own.read_bytes()).hexdigest() == before
    assert [m for m, _ in page.context.requests if m != "GET"] == [], "nothing is uploaded"
    assert page.js_errors == []


@pytest.mark.browser
def test_over_file_urls_the_button_explains_how_to_open_the_course(browser):
    ctx = browser.new_context()
    pg = ctx.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto((HTML / V.NOTEBOOK_FOLDER / "m1-spectrum.html").as_uri())
    pg.get_by_role("button", name="Zelf proberen in je browser").click()
    text = pg.locator("section.cursus-oefenen").inner_text()
    assert "oefenpakket" in text and COURSE.substitutions["site_url"] in text and "make" not in text.split()
    assert pg.evaluate("typeof window.cursus") == "object"   # the rest of the page still works
    assert errors == []
    ctx.close()


@pytest.mark.browser
def test_the_runtime_works_under_the_pages_content_security_policy(browser, site):
    """The notebook page's own policy (course/sphinxext/csp.py, with runtime.CSP_NEEDS): the
    runtime starts, draws its charts, and the browser reports no violation."""
    ctx = browser.new_context()
    ctx.add_init_script("""window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
          `${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));""")
    try:
        pg = ctx.new_page()
        open_notebook(pg, site, "m2-vicieuze-cirkel")
        policy = pg.evaluate("""document.querySelector('meta[http-equiv="Content-Security-Policy"]').content""")
        assert "'unsafe-eval'" in policy and "'unsafe-inline'" not in policy
        start_runtime(pg)
        assert pg.locator("img.cursus-oefenen-grafiek").count() == len(
            [p for cell in cpython("m2-vicieuze-cirkel") for p in cell if p["soort"] == "svg"])
        assert pg.evaluate("window.__cspViolations") == []
    finally:
        ctx.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_the_widget_open(browser, site, scheme):
    from axe_playwright_python.sync_playwright import Axe

    ctx = browser.new_context(color_scheme=scheme)
    try:
        pg = ctx.new_page()
        for stem in ("m4-gebruikspatroon", "m1-spectrum"):
            open_notebook(pg, site, stem)
            start_runtime(pg)
            run_edit(pg, editable(stem)[-1], code_cells(stem)[editable(stem)[-1]].source + "\nprint(onbekend)")
            violations = Axe().run(pg).response["violations"]
            report = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations]
            assert report == [], f"{stem} ({scheme})"
    finally:
        ctx.close()


# --- the Oefenpakket and the diary on paper ---------------------------------------------------


@pytest.mark.built
def test_the_pack_holds_what_the_notebooks_need_and_nothing_of_the_repository(built_html):
    with zipfile.ZipFile(PACK) as archive:
        names = set(archive.namelist())
        readme = archive.read("oefenpakket/LEESMIJ.txt").decode("utf-8")
        requirements = archive.read("oefenpakket/requirements.txt").decode("utf-8")
        texts = [archive.read(n).decode("utf-8-sig") for n in names]
    expected = {f"oefenpakket/{p.name}" for p in NOTEBOOKS.values()}
    expected |= {f"oefenpakket/cursus/{p.name}" for p in exercises.helper_sources()}
    expected |= {f"oefenpakket/data/{p.name}" for p in exercises.data_files()}
    assert names == expected | {"oefenpakket/LEESMIJ.txt", "oefenpakket/requirements.txt"}
    for heading in ("Windows", "macOS", "Linux"):
        assert f"\r\n{heading}\r\n" in readme
    assert [line for line in requirements.splitlines() if line and not line.startswith("#")] == exercises.requirements()
    for text in texts:
        assert "../" not in text and "_build" not in text and "exercises/" not in text


@pytest.mark.built
def test_the_diary_template_download_is_the_template(built_html):
    assert (HTML / "downloads" / "dagboek-sjabloon.csv").read_bytes() == (ROOT / V.DIARY_TEMPLATE).read_bytes()


@pytest.mark.built
def test_the_diary_is_an_a4_worksheet_with_the_template_columns(built_html):
    from conftest import pdf_text
    from pypdf import PdfReader

    from tools.printbook import worksheets

    path = ROOT / "_build" / "pdf" / "werkbladen" / f"{worksheets.DIARY_ID}.pdf"
    reader = PdfReader(str(path))
    assert len(reader.pages) == 1
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2
    text = pdf_text(path)[0]
    for column in worksheets.diary_columns():
        assert worksheets.DIARY_HEADINGS[column].split()[0] in text, column  # headings wrap in their cells
    assert "1 = heel naar" in text


@pytest.mark.built
def test_the_pack_runs_every_notebook_in_a_fresh_venv(built_html, tmp_path):
    with zipfile.ZipFile(PACK) as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / "oefenpakket"
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    runner = "nbclient=={}".format(exercises.pins()["nbclient"][1])
    # Offline, from wheels packed from the project's venv (tests/wheels.py): the same versions the
    # lock installed; pip still has to resolve the pack's list on its own, with nothing else there.
    pins = [line.strip() for line in (folder / "requirements.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    house = wheels.wheelhouse(pins + [runner], tmp_path / "wheels")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-index",
                    "--find-links", str(house), "-r", str(folder / "requirements.txt"), runner],
                   check=True, cwd=folder)
    for notebook in sorted(folder.glob("*.ipynb")):
        done = subprocess.run([str(venv / "bin" / "jupyter-execute"), "--kernel_name=python3", notebook.name],
                              cwd=folder, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"{notebook.name}: {done.stderr[-2000:]}"

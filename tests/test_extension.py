"""The course's Sphinx extension, one job at a time, on small test books built with
``sphinx.testing`` (seconds, no full course build needed)."""

from __future__ import annotations

import json
import textwrap
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from sphinx.testing.util import SphinxTestApp

from course.sphinxext import lightpages

CONF = """
extensions = ["myst_parser", "sphinx_external_toc", "sphinx_exercise", "sphinx_design",
              "sphinx_togglebutton", "sphinxcontrib.bibtex", "course.sphinxext"]
external_toc_path = "_toc.yml"
myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
myst_heading_anchors = 3
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year_nl"
bibtex_default_style = "cursus_nl"
language = "nl"
html_theme = "basic"
html_static_path = ["_static"]
exercise_style = ""
"""

BIB = """@article{jansen2020,
  author = {Jansen, Anna and De Vries, Bram},
  title = {Een studie},
  journal = {Tijdschrift},
  year = {2020},
  volume = {3},
  number = {2},
  pages = {1--10},
  doi = {10.1000/xyz}
}
"""

TOC = """format: jb-book
root: index
parts:
  - caption: Start
    chapters:
      - file: start
  - caption: Module 1
    chapters:
      - file: m1-proef/index
        sections:
          - file: m1-proef/pagina
          - file: m1-proef/zelftoets
          - file: m1-proef/afsluiting
  - caption: Voor trainers
    chapters:
      - file: plan
"""

PAGE = """# Een pagina

Tekst met een bron {cite:p}`jansen2020`.

```{admonition} Casus: Noor (16) en de foto's
:class: casus

Noor kijkt naar foto's.
```

```{admonition} Casus: Noor (40) en haar werk
:class: casus

Een tweede Noor.
```

````{exercise} Jouw praktijk
:label: m1-reflectie-1
:class: reflectie

Wat zie jij in je werk?
````

````{solution} m1-reflectie-1
:class: dropdown denkrichtingen
:label: m1-reflectie-1-denkrichtingen

Denk aan duur en ernst.
````
"""

SELFCHECK = """# Zelftoets

````{exercise} Vraag 1
:label: m1-toets-1
:class: zelftoets
:nonumber:

Wat klopt?

- **A.** Dit.
- **B.** Dat.
````

````{solution} m1-toets-1
:class: dropdown
:label: m1-toets-1-antwoord

- **A. Niet juist.** Omdat.
- **B. Juist.** Daarom.
````
"""

INDEX = """# Module 1 — Proef

## Leerdoelen

Na deze module kun je:

1. iets uitleggen;
2. iets herkennen.
"""

PLAN = """duur: 15
groepsgrootte: "acht tot twaalf"
ruimte: "Een lokaal <img src=x onerror=\\"window.__pwned=1\\"> met **sterren**"
online: "Een videogesprek"
voorbereiding:
  - "Lees {doc}`/start` en {doc}`de pagina </m1-proef/pagina>`."
sessies:
  - titel: Proef
    duur: 15
    begintijd: "9:05"
    activiteiten:
      - titel: Noor bespreken
        duur: 10
        werkvorm: tweetallen
        doelen: [M1.2]
        materiaal:
          - werkblad: {werkblad}
          - formulier: presentielijst
          - formulier: evaluatie
        notities: "Vraag door. <script>alert(1)</script>"
        schrappen: "De nabespreking."
      - titel: Pauze
        duur: 5
        werkvorm: pauze
    leerdoelen: ["Je bespreekt Noor."]
deelnemers: {minimaal: 8, maximaal: 12}
"""


def make_book(root: Path, pages: dict[str, str] | None = None, werkblad: str = "m1-casus-noor") -> Path:
    src = root / "src"
    files = {
        "conf.py": CONF, "_toc.yml": TOC, "refs.bib": BIB,
        "index.md": "# Proefboek\n\nWelkom.\n",
        "start.md": "# Start\n\nBegin hier.\n",
        "m1-proef/index.md": INDEX, "m1-proef/pagina.md": PAGE, "m1-proef/zelftoets.md": SELFCHECK,
        "m1-proef/afsluiting.md": "# Afsluiting\n\n## Kernpunten\n\nKlaar.\n\n```{bibliography}\n```\n",
        "plan.md": "# Plan\n\n```{draaiboek} plan.yml\n```\n\n```{werkbladen}\n```\n",
        "plan.yml": PLAN.replace("{werkblad}", werkblad),
        "_static/cursus.css": "/* test */\n", "_static/print.css": "/* test */\n", "_static/cursus.js": "// test\n",
        **(pages or {}),
    }
    for name, text in files.items():
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text) if name == "conf.py" else text, encoding="utf-8")
    return src


def build(src: Path, builder: str = "html") -> tuple[SphinxTestApp, str]:
    warnings = StringIO()
    app = SphinxTestApp(builder, srcdir=src, builddir=src.parent / "_build", status=StringIO(), warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    return app, warnings.getvalue()


def soup(app: SphinxTestApp, doc: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / f"{doc}.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    src = make_book(tmp_path_factory.mktemp("boek"))
    app, warnings = build(src)
    assert "ERROR" not in warnings and "WARNING" not in warnings, warnings
    return app


# --- structure: the course index -------------------------------------------------------------


def test_cases_get_stable_unique_ids_from_module_and_first_name(book):
    cases = soup(book, "m1-proef/pagina").select("div.admonition.casus")
    assert [c["id"] for c in cases] == ["m1-casus-noor", "m1-casus-noor-2"]


def test_the_index_lists_modules_cases_reflections_self_checks_and_worksheets(book):
    index = json.loads((Path(book.outdir) / "_static" / "course-index.json").read_text(encoding="utf-8"))
    assert [m["title"] for m in index["modules"]] == ["Module 1 — Proef"]
    assert index["modules"][0]["objectives"] == ["iets uitleggen", "iets herkennen"]
    assert index["modules"][0]["docs"][-2:] == ["m1-proef/zelftoets", "m1-proef/afsluiting"]
    assert [c["id"] for c in index["cases"]] == ["m1-casus-noor", "m1-casus-noor-2"]
    reflection, = index["reflections"]
    assert reflection["title"] == "Jouw praktijk" and reflection["question"] == "Wat zie jij in je werk?"
    assert reflection["thinking"] == "m1-reflectie-1-denkrichtingen" and reflection["module"] == "m1-proef"
    question, = index["selfchecks"]
    assert question["options"] == ["A", "B"] and question["correct"] == "B"
    assert question["feedback"] == "m1-toets-1-antwoord"
    assert index["worksheets"] == ["m1-casus-noor", "m1-casus-noor-2", "m1-reflectie-1"]
    assert index["plans"] == [{"file": "plan.yml", "doc": "plan"}]
    script = (Path(book.outdir) / "_static" / "cursus-index.js").read_text(encoding="utf-8")
    browser = json.loads(script[len("window.CURSUS_INDEX = "):].rstrip().rstrip(";"))
    assert script.startswith("window.CURSUS_INDEX = ")
    assert set(browser) == {"modules", "reflections", "vocabulary", "substitutions"}
    keys = ("id", "title", "question", "module", "page", "pageTitle")
    assert browser["reflections"] == [{k: reflection[k] for k in keys}]
    assert browser["modules"][0]["uri"] == index["modules"][0]["uri"]


def test_an_incremental_build_keeps_the_records_of_unchanged_pages(tmp_path):
    src = make_book(tmp_path)
    build(src)
    (src / "start.md").write_text("# Start\n\nBegin hier, nu anders.\n", encoding="utf-8")
    app, _ = build(src)
    index = json.loads((Path(app.outdir) / "_static" / "course-index.json").read_text(encoding="utf-8"))
    assert len(index["cases"]) == 2 and len(index["selfchecks"]) == 1


# --- titles --------------------------------------------------------------------------------------


def test_reflection_and_self_check_titles_are_dutch(book):
    page = soup(book, "m1-proef/pagina")
    assert page.select_one("div.solution.denkrichtingen .admonition-title").get_text(" ", strip=True).startswith(
        "Denkrichtingen bij")
    check = soup(book, "m1-proef/zelftoets")
    assert check.select_one("div.exercise.zelftoets .admonition-title").get_text(" ", strip=True) == "Vraag 1"
    assert check.select_one("div.solution.zelftoets-feedback .admonition-title").get_text(" ", strip=True) == \
        "Feedback bij vraag 1"


# --- citations -----------------------------------------------------------------------------------


def test_citations_are_dutch_author_year_in_round_brackets(book):
    cite = soup(book, "m1-proef/pagina").select_one("span.bibtex-citation")
    assert cite.get_text().replace("\xa0", " ") == "(Jansen & De Vries, 2020)"
    citation = soup(book, "m1-proef/afsluiting").select_one("div.citation")
    entry = " ".join(citation.get_text().replace("\xa0", " ").split())
    # APA: initials; the DOI is a link
    assert "Jansen, A., & De Vries, B. (2020)" in entry and "https://doi.org/10.1000/xyz" in entry
    assert soup(book, "m1-proef/afsluiting").select_one('div.citation a[href="https://doi.org/10.1000/xyz"]')


# --- valid HTML ------------------------------------------------------------------------------------


def test_exercise_ids_are_unique_and_the_root_redirect_is_a_complete_page(book):
    for doc in ("m1-proef/pagina", "m1-proef/zelftoets"):
        ids = [el["id"] for el in soup(book, doc).find_all(id=True)]
        assert len(ids) == len(set(ids)) and "exercise-content" not in ids and "solution-content" not in ids


# --- lesson plans ----------------------------------------------------------------------------------


def test_a_plan_renders_cards_with_start_times_and_its_text_stays_text(book):
    page = soup(book, "plan")
    cards = page.select("ol.draaiboek-activiteiten > li.draaiboek-activiteit")
    assert [c.select_one(".starttijd").get_text() for c in cards] == ["9:05", "9:15"]
    assert [c.select_one(".werkvorm").get_text() for c in cards] == ["tweetallen", "pauze"]
    assert "pauze" in cards[1]["class"]
    assert "M1.2" in cards[0].get_text() and "iets herkennen" in cards[0].get_text()
    html = (Path(book.outdir) / "plan.html").read_text(encoding="utf-8")
    assert "<img" not in html.split('class="draaiboek')[1] and "<script>alert" not in html
    assert "&lt;img src=x onerror=" in html and "**sterren**" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    links = {a.get_text(" ", strip=True): a["href"] for a in page.select(".draaiboek-opzet a")}
    assert links == {"Start": "start.html", "de pagina": "m1-proef/pagina.html"}
    worksheet = cards[0].select_one("a.werkblad-ref")
    assert worksheet["href"] == "m1-proef/pagina.html#m1-casus-noor"
    listed = [tr.select("td")[0].get_text() for tr in page.select("table.werkbladen-tabel tbody tr")]
    assert sorted(listed) == ["m1-casus-noor", "m1-casus-noor-2", "m1-reflectie-1"]


def test_a_plan_with_an_unknown_worksheet_fails_naming_the_plan_and_line(tmp_path):
    _, warnings = build(make_book(tmp_path, werkblad="m1-casus-niemand"))
    assert "draaiboek plan.yml, regel 17: werkblad 'm1-casus-niemand' bestaat niet" in warnings, warnings


def test_a_broken_plan_fails_with_file_line_and_field(tmp_path):
    src = make_book(tmp_path)
    (src / "plan.yml").write_text(PLAN.replace("{werkblad}", "m1-casus-noor").replace("duur: 10", "duur: tien"),
                                  encoding="utf-8")
    _, warnings = build(src)
    assert "plan.yml, regel 13 (sessie 1, activiteit 1 'Noor bespreken', duur)" in warnings, warnings


# --- compatibility -------------------------------------------------------------------------------


def test_singlehtml_builds_with_sphinx_exercise_and_sphinx_design(tmp_path):
    pages = {"start.md": "# Start\n\n::::{grid} 2\n:::{grid-item-card} Een kaart\nTekst.\n:::\n::::\n"}
    app, warnings = build(make_book(tmp_path, pages), "singlehtml")
    assert "Een kaart" in (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "unknown node type" not in warnings


# --- light pages ---------------------------------------------------------------------------------


def test_purge_keeps_used_selectors_and_drops_unused_ones():
    css = ".gebruikt { color: red } .ongebruikt { color: blue } @media print { .ook-weg { x: y } .gebruikt p { a: b } }"
    purged = lightpages.purge_css(css, {"gebruikt", "p"})
    assert ".gebruikt" in purged and ".ongebruikt" not in purged and ".ook-weg" not in purged
    assert lightpages.selector_is_used(".bs-tooltip-top .x", {"x"})  # composed at run time by Bootstrap


def test_slim_static_reuses_its_cached_results(tmp_path, monkeypatch):
    src = make_book(tmp_path)
    build(src)
    cache = src.parent / "_build" / ".cache" / "lightpages"
    assert (cache / "tokens.pickle").exists()

    def must_not_run(*args, **kwargs):
        raise AssertionError("purged again although nothing changed")

    (src / "start.md").write_text("# Start\n\nAndere woorden, geen nieuwe klassen.\n", encoding="utf-8")
    monkeypatch.setattr(lightpages, "purge_css", must_not_run)
    monkeypatch.setattr(lightpages, "subset_font", must_not_run)
    _, warnings = build(src)
    assert "purged again" not in warnings


def test_a_static_file_change_alone_reaches_the_build(tmp_path):
    src = make_book(tmp_path)
    app, _ = build(src)
    (src / "_static" / "cursus.css").write_text("/* nieuw */\n", encoding="utf-8")
    app, _ = build(src)
    assert (Path(app.outdir) / "_static" / "cursus.css").read_text(encoding="utf-8") == "/* nieuw */\n"


def test_renaming_a_case_rewrites_the_pages_that_link_to_worksheets(tmp_path):
    src = make_book(tmp_path)
    build(src)
    page = src / "m1-proef" / "pagina.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Casus: Noor (40)", "Casus: Ilse (40)"), encoding="utf-8")
    app, _ = build(src)
    listed = [tr.select("td")[0].get_text() for tr in soup(app, "plan").select("table.werkbladen-tabel tbody tr")]
    assert sorted(listed) == ["m1-casus-ilse", "m1-casus-noor", "m1-reflectie-1"]


def sphinx_build(src: Path) -> str:
    """A build in its own process (myst-nb and myst-parser apps do not share one process well)."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html",
                             str(src), str(src.parent / "_build" / "html"),
                             "-d", str(src.parent / "_build" / "doctrees")],
                            capture_output=True, text=True, timeout=300, cwd=src.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.mark.slow
def test_a_helper_change_runs_the_notebooks_again_and_a_page_edit_does_not(tmp_path):
    import nbformat

    src = make_book(tmp_path)
    conf = (src / "conf.py").read_text(encoding="utf-8").replace('"myst_parser", ', '"myst_nb", ')
    conf += (f'\nnb_execution_mode = "cache"\nnb_execution_cache_path = "{tmp_path / "cache"}"'
             '\nnb_execution_in_temp = False\nimport sys\nsys.path.insert(0, "{root}")\n').replace("{root}", str(ROOT))
    (src / "conf.py").write_text(conf, encoding="utf-8")
    toc = (src / "_toc.yml").read_text(encoding="utf-8")
    (src / "_toc.yml").write_text(toc.replace("          - file: m1-proef/zelftoets",
                                              "          - file: exercises/proef\n"
                                              "          - file: m1-proef/zelftoets"),
                                  encoding="utf-8")
    helper = src / "exercises" / "cursus" / "hulp.py"
    helper.parent.mkdir(parents=True)
    (helper.parent / "__init__.py").write_text("", encoding="utf-8")
    helper.write_text('def zeg():\n    print("eerste versie")\n', encoding="utf-8")
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# Oefenen: proef"),
                nbformat.v4.new_code_cell("from cursus.hulp import zeg\nzeg()")]
    nbformat.write(nb, src / "exercises" / "proef.ipynb")
    page_html = src.parent / "_build" / "html" / "exercises" / "proef.html"

    assert "proef.ipynb: Executing notebook" in sphinx_build(src)
    assert "eerste versie" in page_html.read_text(encoding="utf-8")
    page = src / "start.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    assert "Executing notebook" not in sphinx_build(src)
    helper.write_text('def zeg():\n    print("tweede versie")\n', encoding="utf-8")
    assert "proef.ipynb: Executing notebook" in sphinx_build(src)
    assert "tweede versie" in page_html.read_text(encoding="utf-8")

"""The trainer edition: lesson plans (timing and link targets), worksheets, the trainer guide,
and the split between the learners' handbook and the trainer part."""

from __future__ import annotations

import re
import sys
from itertools import accumulate
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import HTML, PDF, PRINT_HTML, ROOT, module_parts, normalise, page, pdf_outline, pdf_text, read_toc, toc_docs

sys.path.insert(0, str(ROOT / "book" / "_ext"))
import cursus_draaiboek as draaiboek  # noqa: E402

PLAN_DIR = ROOT / "book" / "trainers" / "draaiboeken"
PLANS = sorted(PLAN_DIR.glob("*.yml"))
PDF_DIR = ROOT / "_build" / "pdf"
GUIDE = PDF_DIR / "trainershandleiding.pdf"
BUNDLE = PDF_DIR / "werkbladen.pdf"
SHEETS = PDF_DIR / "werkbladen"
FOUR_METHODS = {"plenair", "tweetallen", "kleine groepen", "individueel"}
A4 = (595, 842)


def is_a4(reader: PdfReader) -> bool:
    return all((round(float(p.mediabox.width)), round(float(p.mediabox.height))) == A4 for p in reader.pages)


def raw(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def activities(plan: dict):
    for session in plan["sessies"]:
        yield from session["activiteiten"]


def module_index_doc(module: int) -> str:
    return next(p["chapters"][0]["file"] for p in module_parts() if p["chapters"][0]["file"].startswith(f"book/m{module}-"))


def objectives_on_site(module: int) -> list[str]:
    """The Leerdoelen of a module as the site shows them."""
    soup = page(module_index_doc(module))
    heading = next(h for h in soup.find_all("h2") if h.get_text(strip=True).rstrip("#").strip() == "Leerdoelen")
    return [normalise(li.get_text(" ")) for li in heading.find_parent("section").select("ol > li")]


def worksheet_boxes() -> dict[str, str]:
    """id -> text of every reflection exercise and case on the built module pages."""
    boxes: dict[str, str] = {}
    for part in module_parts():
        chapter = part["chapters"][0]
        for doc in [chapter["file"]] + [s["file"] for s in chapter.get("sections", [])]:
            for box in page(doc).select("div.exercise.reflectie, div.admonition.casus"):
                assert box.get("id"), f"{doc}: a case or reflection without id"
                body = [el for el in box.find_all("p") if "admonition-title" not in el.get("class", [])]
                boxes[box["id"]] = normalise(" ".join(p.get_text(" ") for p in body))
    return boxes


# --- lesson plans ---------------------------------------------------------------------------


def test_the_three_plans_have_the_stated_shape():
    plans = {p.stem: raw(p) for p in PLANS}
    assert set(plans) == {"introductie-90", "dagdeel", "reeks-4x2-uur"}
    assert plans["introductie-90"]["duur"] == 90 and len(plans["introductie-90"]["sessies"]) == 1
    assert plans["dagdeel"]["duur"] == 210 and len(plans["dagdeel"]["sessies"]) == 1
    assert [a["werkvorm"] for a in activities(plans["dagdeel"])].count("pauze") == 1
    assert [s["duur"] for s in plans["reeks-4x2-uur"]["sessies"]] == [120] * 4
    for m, session in enumerate(plans["reeks-4x2-uur"]["sessies"], 1):
        goals = {g for a in session["activiteiten"] for g in a.get("doelen", [])}
        assert any(g.startswith(f"M{m}.") for g in goals), f"session {m} has no goal of module {m}"


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_durations_add_up_exactly(path):
    plan = raw(path)
    for session in plan["sessies"]:
        assert sum(a["duur"] for a in session["activiteiten"]) == session["duur"], session["titel"]
    assert sum(s["duur"] for s in plan["sessies"]) == plan["duur"]


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_every_row_is_complete(path):
    for act in activities(raw(path)):
        if act["werkvorm"] == "pauze":
            continue
        assert act["werkvorm"] in FOUR_METHODS, act["titel"]
        assert act["doelen"], act["titel"]
        assert act["notities"].strip(), act["titel"]
    plan = raw(path)
    for key in ("groepsgrootte", "ruimte", "online", "voorbereiding"):
        assert plan[key], key


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_every_linked_objective_page_and_worksheet_exists(built_html, path):
    docs = set(toc_docs())
    for act in activities(raw(path)):
        for goal in act.get("doelen", []):
            module, number = map(int, re.fullmatch(r"M(\d)\.(\d+)", goal).groups())
            assert 1 <= number <= len(objectives_on_site(module)), f"{path.name}: {goal} does not exist"
        for item in act.get("materiaal", []):
            (kind, target), = item.items()
            if kind == "werkblad":
                assert (SHEETS / f"{target}.pdf").exists(), f"{path.name}: no worksheet {target}"
            else:
                doc = target.lstrip("/")
                assert doc in docs and (HTML / f"{doc}.html").exists(), f"{path.name}: no page {target}"


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_the_loader_accepts_the_plans_with_every_check_on(built_html, path):
    plan = draaiboek.load_plan(path, draaiboek.read_objectives(ROOT), set(toc_docs()), set(worksheet_boxes()))
    assert plan.duur == raw(path)["duur"]


PLAN_PAGES = {"introductie-90": "book/trainers/draaiboek-90-minuten", "dagdeel": "book/trainers/draaiboek-dagdeel",
              "reeks-4x2-uur": "book/trainers/draaiboek-reeks"}


@pytest.mark.parametrize("stem", sorted(PLAN_PAGES))
def test_plan_page_shows_computed_start_times_and_objective_texts(built_html, stem):
    plan = raw(PLAN_DIR / f"{stem}.yml")
    soup = page(PLAN_PAGES[stem])
    tables = soup.select("table.draaiboek-tabel")
    assert len(tables) == len(plan["sessies"])
    for session, table in zip(plan["sessies"], tables):
        h, m = map(int, session["begintijd"].split(":"))
        durations = [a["duur"] for a in session["activiteiten"]]
        expected = [f"{(h * 60 + m + t) // 60}:{(h * 60 + m + t) % 60:02d}" for t in [0, *accumulate(durations)][:-1]]
        shown = [p.get_text(strip=True) for p in table.select("p.starttijd")]
        assert shown == expected
        methods = [p.get_text(strip=True) for p in table.select("p.werkvorm")]
        assert methods == [a["werkvorm"] for a in session["activiteiten"]]
    text = normalise(soup.select_one("article").get_text(" "))
    for act in activities(plan):
        for goal in act.get("doelen", []):
            module, number = map(int, goal[1:].split("."))
            objective = objectives_on_site(module)[number - 1].rstrip(";.")
            assert objective in text, f"{goal}: objective text not rendered"
    for item in ("Groepsgrootte", "Ruimte", "Online", "Voorbereiding"):
        assert item in text


# --- negative: broken plans -------------------------------------------------------------------

INTRO = PLAN_DIR / "introductie-90.yml"


@pytest.mark.parametrize("old, new, expected", [
    ("        duur: 15\n        werkvorm: kleine groepen", "        duur: 10\n        werkvorm: kleine groepen",
     "de activiteiten duren samen 85 minuten, de sessie 90"),
    ("werkvorm: tweetallen", "werkvorm: groepswerk", "onbekende werkvorm 'groepswerk'"),
    ("doelen: [M1.2, M1.3]", "doelen: [M9.1]", "module 9 bestaat niet"),
    ("doelen: [M1.2, M1.3]", "doelen: [M1.9]", "module 1 heeft 5 leerdoelen"),
    ("werkblad: m1-casus-noor", "werkblad: m1-casus-niemand", "werkblad 'm1-casus-niemand' bestaat niet"),
    ("pagina: /book/m2-lange-termijn/01-gemiddeld-of-problematisch", "pagina: /book/m2-bestaat-niet",
     "pagina '/book/m2-bestaat-niet' bestaat niet in het boek"),
    ("        duur: 10\n        werkvorm: tweetallen", "        duur: tien\n        werkvorm: tweetallen",
     "'duur' moet een positief aantal minuten zijn"),
])
def test_a_broken_plan_is_refused_naming_file_and_row(built_html, tmp_path, old, new, expected):
    text = INTRO.read_text(encoding="utf-8")
    assert old in text, "the fixture plan changed: update this test"
    broken = tmp_path / "kapot.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(draaiboek.DraaiboekError) as info:
        draaiboek.load_plan(broken, draaiboek.read_objectives(ROOT), set(toc_docs()), set(worksheet_boxes()))
    message = str(info.value)
    assert expected in message and "kapot.yml" in message
    before = text[: text.index(old)]
    if "duren samen" in expected:  # a session's total: the session is named
        row = "sessie 1"
        line = before.rindex("  - titel: Introductieworkshop")
    elif old.startswith(("werkblad", "pagina")):  # a material: its own line
        row = "sessie 1, activiteit "
        line = len(before)
    else:  # a field of an activity: the line where the activity starts
        row = "sessie 1, activiteit "
        line = before.rindex("      - titel:")
    assert f"regel {text[:line].count(chr(10)) + 1}" in message, message
    assert row in message


def test_the_total_of_the_sessions_must_match_the_plan(tmp_path):
    broken = tmp_path / "totaal.yml"
    broken.write_text(INTRO.read_text(encoding="utf-8").replace("duur: 90\ngroepsgrootte", "duur: 120\ngroepsgrootte"),
                      encoding="utf-8")
    with pytest.raises(draaiboek.DraaiboekError, match="de sessies duren samen 90 minuten, het draaiboek 120"):
        draaiboek.load_plan(broken)


@pytest.mark.slow
def test_a_broken_plan_fails_the_build_with_the_message(tmp_path):
    from test_build_failures import build, make_book

    plan = ("duur: 10\ngroepsgrootte: acht\nruimte: een lokaal\nonline: een videogesprek\n"
            "voorbereiding: [koffie]\nsessies:\n  - titel: Proef\n    duur: 10\n    begintijd: \"9:05\"\n"
            "    activiteiten:\n      - titel: Pauze\n        duur: 10\n        werkvorm: {werkvorm}\n")
    (tmp_path / "goed").mkdir()
    (tmp_path / "kapot").mkdir()
    good = make_book(tmp_path / "goed", {"plan": "# Plan\n\n```{draaiboek} goed.yml\n```\n"})
    (good / "book" / "goed.yml").write_text(plan.format(werkvorm="pauze"), encoding="utf-8")
    result = build(good)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "9:05" in (good / "_build" / "html" / "book" / "plan.html").read_text(encoding="utf-8")

    bad = make_book(tmp_path / "kapot", {"plan": "# Plan\n\n```{draaiboek} kapot.yml\n```\n"})
    (bad / "book" / "kapot.yml").write_text(plan.format(werkvorm="koffiedrinken"), encoding="utf-8")
    result = build(bad)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "book/kapot.yml, regel 11" in output and "onbekende werkvorm 'koffiedrinken'" in output


# --- worksheets --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def boxes(built_html) -> dict[str, str]:
    return worksheet_boxes()


def test_every_reflection_and_case_has_exactly_one_worksheet(boxes):
    assert len(boxes) >= 2 * 4 * 2, "fewer cases and reflections than the anatomy requires"
    made = sorted(p.stem for p in SHEETS.glob("*.pdf"))
    assert made == sorted(boxes)


def test_worksheet_ids_are_stable_and_readable(boxes):
    for ident in boxes:
        assert re.fullmatch(r"m\d-(reflectie-\d+|casus-[a-z]+(-\d+)?)", ident), ident


@pytest.mark.parametrize("ident", sorted(p.stem for p in SHEETS.glob("*.pdf")) or ["none"])
def test_each_worksheet_is_one_a4_page_with_its_text(boxes, ident):
    path = SHEETS / f"{ident}.pdf"
    assert path.exists(), "_build/pdf/werkbladen is empty: run `make pdf`"
    reader = PdfReader(str(path))
    assert len(reader.pages) == 1 and is_a4(reader)
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    text = pdf_text(path)[0]
    module = int(ident[1])
    title = normalise(page(module_index_doc(module)).find("h1").get_text(" ")).rstrip("#").strip()
    assert text.startswith("Sociale media en mentale gezondheid")
    assert title in text and title.startswith(f"Module {module} — ")
    assert f"werkblad {ident}" in text and "blz. 1" in text  # the footer
    box = boxes[ident]
    assert box[:50] in text, f"{ident}: text of the exercise not on the sheet"


def test_the_bundle_has_every_worksheet_with_a_bookmark(boxes):
    reader = PdfReader(str(BUNDLE))
    assert len(reader.pages) == len(boxes) and is_a4(reader)
    top, _ = pdf_outline(reader)
    assert len(top) == len(boxes)
    assert all(t.startswith(("Casus:", "Opdracht:")) for t in top)
    assert reader.trailer["/Root"]["/Lang"] == "nl"


# --- the trainer guide ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def guide() -> PdfReader:
    if not GUIDE.exists():
        pytest.fail("_build/pdf/trainershandleiding.pdf ontbreekt: draai eerst `make book`")
    return PdfReader(str(GUIDE))


@pytest.fixture(scope="module")
def guide_pages() -> list[str]:
    return pdf_text(GUIDE)


def test_guide_is_a_tagged_dutch_a4_book(guide, guide_pages):
    assert is_a4(guide)
    root = guide.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert "Trainershandleiding" in guide.metadata.title
    front = " ".join(guide_pages[:4])
    assert "trainershandleiding" in front.lower()
    assert re.search(r"Inhoud.*Voor trainers[ .]*\d+.*Antwoordsleutel[ .]*\d+.*Bijlage: werkbladen[ .]*\d+", front)


def test_guide_bookmarks_and_running_heads(guide, guide_pages, boxes):
    top, second = pdf_outline(guide)
    for title in ("Voor trainers", "Antwoordsleutel", "Bijlage: werkbladen"):
        assert top.count(title) == 1, top
    for title in ("Draaiboek: introductie van 90 minuten", "Draaiboek: workshop van een dagdeel",
                  "Draaiboek: reeks van vier bijeenkomsten", "Veiligheidsprotocol", "Werkbladen"):
        assert title in second
    assert sum(t.startswith(("Casus:", "Opdracht:")) for t in second) == len(boxes)
    assert sum(p.startswith("Voor trainers") for p in guide_pages) >= 5, "no running heads"


def test_guide_has_every_answer_and_the_worksheets(built_html, guide_pages, boxes):
    text = " ".join(guide_pages)
    questions = sum(len(page(d).select("div.exercise.zelftoets")) for d in toc_docs() if d.endswith("/zelftoets"))
    assert text.count("Feedback bij vraag") == questions
    assert text.count("Denkrichtingen bij") == sum(1 for i in boxes if "reflectie" in i)
    assert "Veiligheidsprotocol" in text and "13:30" in text
    sheet_pages = [p for p in guide_pages if re.search(r"werkblad m\d-", p)]
    assert len(sheet_pages) == len(boxes)
    # the plans' worksheet references point to the sheets in the appendix, with their page
    soup = BeautifulSoup((ROOT / "_build" / "singlehtml" / "trainershandleiding.html").read_text(encoding="utf-8"),
                         "html.parser")
    refs = soup.select("table.draaiboek-tabel a.naar-werkblad")
    assert refs and all(soup.find(id=a["href"][1:], class_="werkblad") for a in refs)
    assert {a["href"] for a in refs} >= {f"#werkblad-{i}" for i in ("m1-casus-noor", "m2-casus-milan", "m4-reflectie-5")}
    assert len(re.findall(r"\(blz\. \d+\)", text)) >= len(refs) // 2


# --- handbook and site ------------------------------------------------------------------------


def test_handbook_leaves_the_trainer_part_out(handbook):
    reader = PdfReader(str(handbook))
    top, second = pdf_outline(reader)
    assert "Voor trainers" not in top and "Veiligheidsprotocol" not in second
    text = " ".join(pdf_text(handbook))
    for needle in ("Draaiboek:", "Begeleiding bij module", "Veiligheidsprotocol", "Antwoordsleutel"):
        assert needle not in text, needle
    soup = BeautifulSoup(PRINT_HTML.read_text(encoding="utf-8"), "html.parser")
    assert not soup.select('[id^="document-book/trainers"]')
    assert PDF == handbook


def test_trainer_part_is_in_the_site(built_html):
    part = next(p for p in read_toc()["parts"] if p["caption"] == "Voor trainers")
    captions = [p["caption"] for p in read_toc()["parts"]]
    assert captions.index("Voor trainers") == captions.index("Bijlagen") - 1
    docs = [part["chapters"][0]["file"]] + [s["file"] for s in part["chapters"][0]["sections"]]
    assert len(docs) == 10
    nav = page("book/index").get_text(" ")
    assert "Voor trainers" in nav
    for doc in docs:
        assert (HTML / f"{doc}.html").exists(), doc
    for m in range(1, 5):
        soup = page(f"book/trainers/begeleiding-m{m}")
        hrefs = [a["href"] for a in soup.select("article a[href]")]
        assert any("veiligheid.html" in h for h in hrefs)
        assert any(re.search(rf"m{m}-[a-z-]+/index\.html", h) for h in hrefs)
        headings = [h.get_text(strip=True).rstrip("#").strip() for h in soup.select("article h2")]
        for wanted in ("Misverstanden en hoe je reageert", "Goede vragen", "Als de tijd krap is",
                       "Online of in een zaal", "Veiligheid"):
            assert wanted in headings, (m, wanted)
    safety = page("book/trainers/veiligheid")
    assert any("start/hulp.html" in a["href"] for a in safety.select("article a[href]"))
    # The first text of the id cell (tools/pdf.py turns the id into a download link with its size).
    listed = [r.select("td")[0].find(string=True).strip() for r in page("book/trainers/werkbladen").select("table.werkbladen-tabel tbody tr")]
    assert sorted(listed) == sorted(worksheet_boxes())

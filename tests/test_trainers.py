"""The trainer edition as built: lesson-plan pages, worksheets, the trainer guide, and the split
between the learners' handbook and the trainer part. (The plan data itself: tests/test_plans.py.)"""

from __future__ import annotations

import re
from itertools import accumulate
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import COURSE, HTML, PDF, PRINT_HTML, ROOT, course_index, normalise, page, pdf_outline, pdf_text, toc_docs
from pypdf import PdfReader

from course import plans
from tools.printbook.worksheets import DIARY_ID, numbers

pytestmark = pytest.mark.built

PLAN_DIR = ROOT / "book" / "trainers" / "draaiboeken"
PLANS = sorted(PLAN_DIR.glob("*.yml"))
PDF_DIR = ROOT / "_build" / "pdf"
GUIDE = PDF_DIR / "trainershandleiding.pdf"
GUIDE_HTML = ROOT / "_build" / "print" / "trainershandleiding.html"
BUNDLE = PDF_DIR / "werkbladen.pdf"
SHEETS = PDF_DIR / "werkbladen"
A4 = (595, 842)


def is_a4(reader: PdfReader, landscape: bool = False) -> bool:
    """Every page A4 (portrait, or, with ``landscape``, either way round: plans in the trainer guide)."""
    sizes = {A4, A4[::-1]} if landscape else {A4}
    return all((round(float(p.mediabox.width)), round(float(p.mediabox.height))) in sizes for p in reader.pages)


def raw(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def activities(plan: dict):
    for session in plan["sessies"]:
        yield from session["activiteiten"]


def module_index_doc(module: int) -> str:
    return COURSE.module(module).index


def objectives_on_site(module: int) -> list[str]:
    """The Leerdoelen of a module as the site shows them."""
    soup = page(module_index_doc(module))
    heading = next(h for h in soup.find_all("h2") if h.get_text(strip=True).rstrip("#").strip() == "Leerdoelen")
    return [normalise(li.get_text(" ")) for li in heading.find_parent("section").select("ol > li")]


def worksheet_boxes() -> dict[str, str]:
    """id -> text of every reflection exercise and case on the built module pages."""
    boxes: dict[str, str] = {}
    for module in COURSE.modules:
        for doc in module.docs:
            for box in page(doc).select("div.exercise.reflectie, div.admonition.casus"):
                assert box.get("id"), f"{doc}: a case or reflection without id"
                body = [el for el in box.find_all("p") if "admonition-title" not in el.get("class", [])]
                boxes[box["id"]] = normalise(" ".join(p.get_text(" ") for p in body))
    return boxes


# --- lesson plans ---------------------------------------------------------------------------


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
            elif kind in ("zelftoets", "kernpunten", "grafiek", "formulier"):
                continue  # ids checked when the workshop kit is assembled (tests/test_workshop.py)
            else:
                doc = target.lstrip("/").split("#")[0]   # a 'sectie' names a page and a heading's anchor
                assert doc in docs and (HTML / f"{doc}.html").exists(), f"{path.name}: no page {target}"


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_the_loader_accepts_the_plans_with_every_check_on(built_html, path):
    objectives = {m.number: COURSE.objectives(m) for m in COURSE.modules}
    plan = plans.load_plan(path, objectives, set(toc_docs()), set(worksheet_boxes()))
    assert plan.duur == raw(path)["duur"]
    assert set(course_index()["worksheets"]) == set(worksheet_boxes())


PLAN_PAGES = {"introductie-90": "book/trainers/draaiboek-90-minuten", "dagdeel": "book/trainers/draaiboek-dagdeel",
              "reeks-4x2-uur": "book/trainers/draaiboek-reeks"}


@pytest.mark.parametrize("stem", sorted(PLAN_PAGES))
def test_plan_page_shows_computed_start_times_and_objective_texts(built_html, stem):
    plan = raw(PLAN_DIR / f"{stem}.yml")
    soup = page(PLAN_PAGES[stem])
    sessions = soup.select("ol.draaiboek-activiteiten")
    assert len(sessions) == len(plan["sessies"])
    for session, cards in zip(plan["sessies"], sessions):
        h, m = map(int, session["begintijd"].split(":"))
        durations = [a["duur"] for a in session["activiteiten"]]
        expected = [f"{(h * 60 + m + t) // 60}:{(h * 60 + m + t) % 60:02d}" for t in [0, *accumulate(durations)][:-1]]
        shown = [p.get_text(strip=True) for p in cards.select("li.draaiboek-activiteit .starttijd")]
        assert shown == expected
        titles = [t.get_text(strip=True) for t in cards.select("li.draaiboek-activiteit .draaiboek-titel")]
        assert titles == [a["titel"] for a in session["activiteiten"]]
        methods = [p.get_text(strip=True) for p in cards.select("li.draaiboek-activiteit .werkvorm")]
        assert methods == [a["werkvorm"] for a in session["activiteiten"]]
    text = normalise(soup.select_one("article").get_text(" "))
    for act in activities(plan):
        for goal in act.get("doelen", []):
            module, number = map(int, goal[1:].split("."))
            objective = objectives_on_site(module)[number - 1].rstrip(";.")
            assert objective in text, f"{goal}: objective text not rendered"
    for item in ("Groepsgrootte", "Ruimte", "Online", "Voorbereiding"):
        assert item in text
    # what to cut per activity, the session's objectives in plain words, the forms in the materials
    cut = [normalise(c.get_text(" ")) for c in cards_of(soup) if "Als je uitloopt, schrap dan" in c.get_text()]
    assert len(cut) == sum(1 for a in activities(plan) if a.get("schrappen")) > 0
    for session in plan["sessies"]:
        for goal in session["leerdoelen"]:
            assert normalise(goal) in text, goal
    assert "Presentielijst (in het printpakket)" in text and "Evaluatieformulier (in het printpakket)" in text


def cards_of(soup):
    return soup.select("li.draaiboek-activiteit")


# --- a broken plan fails the build ----------------------------------------------------------------


@pytest.mark.slow
def test_a_broken_plan_fails_the_build_with_the_message(tmp_path):
    from test_build_failures import build, make_book

    plan = ("duur: 10\ngroepsgrootte: acht\ndeelnemers: {{minimaal: 4, maximaal: 8}}\nruimte: een lokaal\n"
            "online: een videogesprek\nvoorbereiding: [koffie]\nsessies:\n  - titel: Proef\n    duur: 10\n"
            "    begintijd: \"9:05\"\n    leerdoelen: [Kennismaken.]\n    activiteiten:\n      - titel: Pauze\n"
            "        duur: 10\n        werkvorm: {werkvorm}\n"
            "        materiaal: [formulier: presentielijst, formulier: evaluatie]\n")
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
    assert "book/kapot.yml, regel 15" in output and "onbekende werkvorm 'koffiedrinken'" in output


# --- worksheets --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def boxes(built_html) -> dict[str, str]:
    return worksheet_boxes()


def test_every_reflection_and_case_has_exactly_one_worksheet(boxes):
    assert len(boxes) >= 2 * 4 * 2, "fewer cases and reflections than the anatomy requires"
    made = sorted(p.stem for p in SHEETS.glob("*.pdf"))
    assert made == sorted([*boxes, DIARY_ID])  # plus the diary of module 4 (tests/test_runtime.py)


def test_worksheet_ids_are_stable_and_readable(boxes):
    for ident in boxes:
        assert re.fullmatch(r"m\d-(reflectie-\d+|casus-[a-z]+(-\d+)?)", ident), ident


@pytest.mark.parametrize("ident", sorted(p.stem for p in SHEETS.glob("*.pdf") if p.stem != DIARY_ID) or ["none"])
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
    # the footer names the sheet by its number, never its file id (a single sheet has no page number)
    number = numbers([*course_index()["worksheets"], DIARY_ID])[ident]
    assert f"werkblad {number}" in text and ident not in text
    box = boxes[ident]
    assert box[:50] in text, f"{ident}: text of the exercise not on the sheet"


def test_the_bundle_has_every_worksheet_with_a_bookmark(boxes):
    reader = PdfReader(str(BUNDLE))
    assert len(reader.pages) == len(boxes) + 1 and is_a4(reader)  # + the diary
    top, _ = pdf_outline(reader)
    assert len(top) == len(boxes) + 1
    assert all(t.startswith(("Casus:", "Opdracht:", "Dagboek:")) for t in top)
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
    assert is_a4(guide, landscape=True)
    root = guide.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert "Trainershandleiding" in guide.metadata.title
    front = " ".join(guide_pages[:6])   # cover, its verso, title page, colophon, contents
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
    # running heads name the page (issue 16: not "Voor trainers" on every page); plans are landscape
    for title in ("Draaiboek: introductie van 90 minuten", "Draaiboek: workshop van een dagdeel"):
        pages = [i for i, p in enumerate(guide_pages) if p.startswith(title)]
        assert len(pages) >= 2, (title, "no running head naming the plan")
        assert all(float(guide.pages[i].mediabox.width) > float(guide.pages[i].mediabox.height) for i in pages)


def test_guide_has_every_answer_and_the_worksheets(built_html, guide_pages, boxes):
    text = " ".join(guide_pages)
    assert text.count("Denkrichtingen bij") == sum(1 for i in boxes if "reflectie" in i)
    assert "Veiligheidsprotocol" in text and "13:30" in text
    sheet_pages = [p for p in guide_pages if re.search(r"werkblad \d\.\d+ · bij de pagina", p, re.I)]
    assert len(sheet_pages) == len(boxes) + 1  # + the diary
    # the plans' worksheet references point to the sheets in the appendix, with their page
    soup = BeautifulSoup(GUIDE_HTML.read_text(encoding="utf-8"), "html.parser")
    refs = soup.select("ol.draaiboek-activiteiten a.naar-werkblad")
    assert refs and all(soup.find(id=a["href"][1:], class_="werkblad") for a in refs)
    wanted = {f"#werkblad-{i}" for i in ("m1-casus-noor", "m2-casus-milan", "m4-reflectie-5")}
    assert {a["href"] for a in refs} >= wanted
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
    part = COURSE.part("Voor trainers")
    captions = [p.caption for p in COURSE.parts]
    between = captions[captions.index("Voor trainers") + 1:captions.index("Bijlagen")]
    assert between in ([], ["Voor organisaties"])
    docs = list(part.docs)
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
    table = page("book/trainers/werkbladen").select_one("table.werkbladen-tabel")
    for info in table.select(".cursus-download-info"):  # "(PDF, 12 kB)", written after the PDFs are made
        info.decompose()
    listed = [r.select("td")[0].get_text(strip=True) for r in table.select("tbody tr")]
    assert sorted(listed) == sorted(worksheet_boxes())


# --- issue 16: page references and a compact answer key -------------------------------------------


def _target_texts(element) -> list[str]:
    """What a reader finds where a reference points: a box's title and the start of its text, a
    section's heading, or else the element's own first words (normalised, at most 25 characters
    each: a long title may wrap, and a multi-column page interleaves its lines)."""
    title = element.find(class_="admonition-title")
    if element.name == "section":
        texts = [element.find(re.compile("^h[1-6]$")).get_text(" ")]
    elif title is not None:
        body = [p for p in element.find_all("p") if p is not title and p.get_text(strip=True)]
        texts = [title.get_text(" "), body[0].get_text(" ") if body else ""]
    else:
        texts = [element.get_text(" ")]
    return [normalise(t)[:25] for t in texts if normalise(t)]


def _on_page(page_text: str, wanted: str) -> bool:
    return wanted in page_text or wanted.replace("-", "") in page_text.replace("-", "")


def test_references_to_the_handbook_name_the_page_that_holds_the_target(handbook):
    """Every "(handboek, blz. N)" in the guide: page N of the handbook shows the target's title
    (and, for a box, the start of its text), and the PDF prints exactly these references."""
    guide = BeautifulSoup(GUIDE_HTML.read_text(encoding="utf-8"), "html.parser")
    book = BeautifulSoup(PRINT_HTML.read_text(encoding="utf-8"), "html.parser")
    book_pages = pdf_text(handbook)
    refs = guide.select("span.handboek-blz")
    assert len(refs) >= 60, "the guide hardly refers to the handbook"
    wrong, numbers = [], []
    for ref in refs:
        m = re.fullmatch(r"handboek, blz\. (\d+)", ref.get_text())
        assert m, f"no page filled in for {ref['data-anker']}: {ref.get_text()!r}"
        number = int(m.group(1))
        numbers.append(number)
        target = book.find(id=ref["data-anker"])
        assert target is not None, ref["data-anker"]
        missing = [t for t in _target_texts(target) if not _on_page(book_pages[number - 1], t)]
        if missing:
            wrong.append((ref["data-anker"], number, missing))
    assert wrong == [], f"handbook pages that do not hold their target: {wrong[:5]}"
    printed = re.findall(r"handboek, blz\. (\d+)", " ".join(pdf_text(GUIDE)))
    assert sorted(map(int, printed)) == sorted(numbers)


def test_references_inside_the_guide_name_the_page_that_holds_the_target(guide, guide_pages):
    """Every "(blz. N)" a link in the guide prints: N is the page of the link's target, and that
    page shows the target's title."""
    from conftest import plumbed

    soup = BeautifulSoup(GUIDE_HTML.read_text(encoding="utf-8"), "html.parser")
    destinations = {name: guide.get_destination_page_number(d) + 1 for name, d in guide.named_destinations.items()}
    checked, wrong = 0, []
    with plumbed(GUIDE) as pdf:
        for index, (reader_page, page_) in enumerate(zip(guide.pages, pdf.pages)):
            for annot in reader_page.get("/Annots") or []:
                annot = annot.get_object()
                name = annot.get("/Dest")
                if annot.get("/Subtype") != "/Link" or not isinstance(name, str):
                    continue
                x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
                box = (max(0, min(x0, x1)), max(0, page_.height - max(y0, y1)),
                       min(page_.width, max(x0, x1)), min(page_.height, page_.height - min(y0, y1)))
                text = page_.crop(box).extract_text() or ""
                m = re.search(r"\(blz\. (\d+)\)", text)
                if not m:
                    continue
                number, checked = int(m.group(1)), checked + 1
                target = soup.find(id=name)
                if number != destinations[name]:
                    wrong.append((index + 1, name, number, destinations[name]))
                elif any(not _on_page(guide_pages[number - 1], t) for t in _target_texts(target)[:1]):
                    wrong.append((index + 1, name, number, "title not on that page"))
    assert checked >= 40, f"only {checked} page references found in the guide"
    assert wrong == [], wrong[:5]


def test_the_answer_key_points_to_the_handbook_instead_of_repeating_it(guide, guide_pages):
    """The key names per self-check question its right option and the handbook pages of the
    question and its feedback, and keeps the thinking directions; the feedback texts stay in the
    handbook."""
    soup = BeautifulSoup(GUIDE_HTML.read_text(encoding="utf-8"), "html.parser")
    key = soup.find(id="antwoordsleutel")
    index = course_index()
    rows = key.select("table.sleutel-tabel tbody tr")
    assert len(rows) == len(index["selfchecks"])
    for q, row in zip(index["selfchecks"], rows):
        cells = row.select("td")
        assert normalise(cells[0].get_text(" ")).startswith(q["title"]), (q["id"], cells[0].get_text())
        assert cells[1].get_text(strip=True) == q["correct"], q["id"]
        assert [s["data-anker"] for s in row.select("span.handboek-blz")] == [q["id"], q["feedback"]]
        assert re.fullmatch(r"handboek, blz\. \d+", cells[3].get_text(strip=True)), q["id"]
        # the short "why" is the book's own text, one line at most
        why = normalise(cells[2].get_text(" "))
        assert len(why) <= 100
    # no feedback text of the book is repeated, except a short "why" of the right option
    key_text = normalise(key.get_text(" "))
    repeated = []
    for q in index["selfchecks"]:
        for item in page(q["doc"]).find(id=q["feedback"]).select("li"):
            label = item.find("strong").extract().get_text(strip=True)
            for cite in item.select(".bibtex-citation"):
                cite.decompose()
            text = re.sub(r"\s+([.,;:!?])", r"\1", normalise(item.get_text(" ")))
            right = label.startswith(q["correct"] + ".")
            if (text[:50] in key_text) if not right else (len(text) > 100 and text in key_text):
                repeated.append((q["id"], label, text[:40]))
    assert repeated == [], repeated[:5]
    assert not key.select(".zelftoets, .zelftoets-feedback, .reflectie")
    thinking = key.select("div.denkrichtingen")
    assert len(thinking) == sum(1 for r in index["reflections"] if r.get("thinking"))
    for box in thinking:
        assert box.select("li") and box.select_one(".admonition-title span.handboek-blz")
    # and it is short: a few pages, not the pages of feedback it had
    start = next(i for i, p in enumerate(guide_pages) if p.startswith("Antwoordsleutel Per module"))
    end = next(i for i, p in enumerate(guide_pages) if p.startswith("Bijlage: werkbladen"))
    assert end - start <= 12, f"the answer key takes {end - start} pages"


PLAN_TITLES = {"introductie-90": "Draaiboek: introductie van 90 minuten",
               "dagdeel": "Draaiboek: workshop van een dagdeel",
               "reeks-4x2-uur": "Draaiboek: reeks van vier bijeenkomsten"}


@pytest.mark.parametrize("stem", sorted(PLAN_TITLES))
def test_each_session_of_a_plan_takes_at_most_two_pages_and_one_timeline_page(guide, guide_pages, stem):
    """A plan reads in the room: per session at most two landscape pages of cards (the first
    session also carries the plan's setup and objective legend), then its timeline on one page;
    no text on them below 8 pt."""
    from conftest import plumbed

    title = PLAN_TITLES[stem]
    sessions = len(raw(PLAN_DIR / f"{stem}.yml")["sessies"])
    pages = [i for i, p in enumerate(guide_pages) if p.startswith(title)]     # the running head names the plan
    assert pages == list(range(pages[0], pages[-1] + 1)), (title, "the plan's pages are not together")
    timelines = [i for i in pages if guide_pages[i][len(title):].strip().startswith("Tijdlijn:")]
    assert len(timelines) == sessions, (title, len(timelines), sessions)
    assert timelines[-1] == pages[-1], (title, "the last timeline runs on over a page")
    starts = [pages[0]] + [t + 1 for t in timelines[:-1]]
    counts = [t - s for s, t in zip(starts, timelines)]
    assert all(1 <= n <= 2 for n in counts), (title, "pages of cards per session", counts)
    with plumbed(GUIDE) as pdf:
        small = {round(c["size"], 1) for i in pages for c in pdf.pages[i].chars
                 if c["text"].strip() and c["size"] < 7.95}
    assert not small, (title, "text below 8 pt", small)

"""The workshop kit (issue 16): decks assembled from the plans and the site, their three outputs,
print packs, handouts, the poster and the forms, and the links on the trainer pages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import HTML, ROOT, normalise, page, pdf_text, wait_for
from pypdf import PdfReader

from course import plans
from tools.printbook import assemble, materials, slides, workshop
from tools.printbook import source as site

PLAN_DIR = ROOT / "book" / "trainers" / "draaiboeken"
KIT = workshop.WORKSHOP
TIME = re.compile(r"^\d{1,2}:\d{2}(–\d{1,2}:\d{2})?$")


@pytest.fixture(scope="module")
def kit(built_html):
    """The site read once, the library and every assembled deck (as the build made them)."""
    source = site.load(HTML)
    library, decks = assemble.assemble_all(source)
    return source, library, decks


def deck_folder(deck: assemble.Deck) -> Path:
    return KIT / deck.plan.path.stem


# --- assembly ------------------------------------------------------------------------------------


@pytest.mark.parametrize("old, new, kind", [
    ("zelftoets: m2-toets-1", "zelftoets: m2-toets-99", "zelftoetsvraag 'm2-toets-99' bestaat niet"),
    ("grafiek: /exercises/m3-stemming-door-de-tijd#2", "grafiek: /exercises/m3-stemming-door-de-tijd#7",
     "heeft 3 grafiek(en), niet een grafiek 7"),
])
def test_a_missing_id_stops_the_kit_with_file_and_line(kit, tmp_path, old, new, kind):
    _source, library, _decks = kit
    text = (PLAN_DIR / "introductie-90.yml").read_text(encoding="utf-8")
    assert old in text, "the plan changed: update this test"
    broken = tmp_path / "kapot.yml"
    broken.write_text(text.replace(old, new), encoding="utf-8")
    plan = plans.load_plan(broken)
    with pytest.raises(assemble.AssemblyError) as info:
        assemble.assemble("book/trainers/draaiboeken/kapot.yml", plan, library)
    line = text[: text.index(old)].count("\n") + 1
    assert str(info.value).startswith(f"draaiboek book/trainers/draaiboeken/kapot.yml, regel {line} (")
    assert kind in str(info.value)


def test_an_unknown_module_or_notebook_or_case_in_a_plan_is_refused(tmp_path):
    text = (PLAN_DIR / "introductie-90.yml").read_text(encoding="utf-8")
    from conftest import COURSE
    objectives = {m.number: COURSE.objectives(m) for m in COURSE.modules}
    for old, new, expected in (("kernpunten: m3", "kernpunten: m9", "module 9 bestaat niet"),
                               ("grafiek: /exercises/m2-vicieuze-cirkel#1", "grafiek: /exercises/m7-niets#1",
                                "het notebook van grafiek"),
                               ("casus: m4-casus-sanne", "casus: m4-casus-niemand", "'m4-casus-niemand' bestaat niet")):
        broken = tmp_path / "kapot.yml"
        broken.write_text(text.replace(old, new), encoding="utf-8")
        with pytest.raises(plans.DraaiboekError) as info:
            plans.load_plan(broken, objectives, set(COURSE.docs()), set(re.findall(r"werkblad: (\S+)", text)))
        line = text[: text.index(old)].count("\n") + 1
        assert f"regel {line}" in str(info.value) and expected in str(info.value), str(info.value)


def _corpus(source, library) -> str:
    """Everything the book and the plans say, as plain text (lower case)."""
    parts = [assemble.text_of(section) for section in source.sections.values()]
    parts += [img.get("alt", "") for section in source.sections.values() for img in section.find_all("img")]
    for path in PLAN_DIR.glob("*.yml"):
        plan = plans.load_plan(path)
        texts = [plan.groepsgrootte, plan.ruimte, *plan.voorbereiding]
        for act in plan.activities:
            texts += [act.notities, act.opdracht, act.waarnemer, *(r.opdracht for r in act.rollen)]
            parts += [act.titel, act.werkvorm, *(r.rol for r in act.rollen)]
        parts += [s.titel for s in plan.sessies]
        parts += [plans.plain(t, library.titles) for t in texts]
    parts += [library.index["title"], *library.index["substitutions"].values(), *library.titles.values()]
    parts += [library.address(d["doc"]) for d in library.index["docs"]]
    parts += [assemble.myst_plain(o) for m in library.modules.values() for o in m["objectives"]]
    return assemble.clean_text(" \n ".join(parts)).lower()


def _from_the_book(text: str, corpus: str) -> bool:
    text = assemble.clean_text(text).lower()
    if not text or text in corpus or TIME.match(text):
        return True
    labels = {v.lower() for v in assemble.LABELS.values()}
    # a link's address, written after its text on paper and on a slide, is the page's own
    text = re.sub(r" \((https?://[^ )]+)\)", lambda m: "" if m.group(1) in corpus else m.group(0), text)
    if text in corpus:
        return True
    for piece in re.split(r" · |: ", text):
        piece = piece.strip()
        if piece in corpus or piece in labels or TIME.match(piece) or re.fullmatch(r"m\d\.\d", piece):
            continue
        number = re.fullmatch(r"(\d+) (\w+)", piece)
        if number and number.group(2) in labels:
            continue
        module = re.fullmatch(r"module (\d)", piece)
        if module:
            continue
        return False
    return True


def test_no_slide_text_exists_only_in_the_deck(kit):
    source, library, decks = kit
    corpus = _corpus(source, library)
    assert "geen goed bewijs" in corpus
    own = [(d.name, s.kind, t) for d in decks for s in d.slides for t in s.texts() if not _from_the_book(t, corpus)]
    assert not own, own[:5]
    # and the check can fail: a sentence nobody wrote is caught
    assert not _from_the_book("Sociale media maken iedereen ongelukkig, altijd.", corpus)


def test_every_plan_and_session_has_a_deck_with_its_parts(kit):
    _source, library, decks = kit
    sessions = sum(len(plans.load_plan(p).sessies) for p in PLAN_DIR.glob("*.yml"))
    assert len(decks) == sessions == 6
    for deck in decks:
        kinds = [s.kind for s in deck.slides]
        assert [k for k in kinds if k != "vervolg"][:4] == ["title", "help", "agenda", "objectives"], deck.name
        # the running deck ends with the help lines and the closing slide; the key points follow as an appendix
        closing = kinds.index("closing")
        assert kinds[closing - 1] == "help" and set(kinds[closing + 1:]) <= {"keypoints"}
        assert "keypoints" not in kinds[:closing]
        assert library.site_url in deck.slides[closing].texts()
        agenda = [row for s in deck.slides if s.title == "Agenda" for b in s.blocks if b.kind == "rows"
                  for row in b.items]
        assert [row[1] for row in agenda] == [a.titel for a in deck.session.activiteiten] + ["Einde"]
        assert agenda[0][0] == "0:00" and agenda[-1][0] == plans.relative(deck.session.duur)
        shown = [a for a in deck.session.activiteiten if a.werkvorm != plans.BUFFER]
        titles = [s.title for s in deck.slides if s.kind in ("activity", "break")]
        assert titles == [a.titel for a in shown]
        for act in deck.session.activiteiten:
            for ident, _ in act.materials("werkblad"):
                assert ident in [s.ident for s in deck.slides], (deck.name, ident)
            for ident, _ in act.materials("kernpunten"):
                assert ident in [s.ident for s in deck.slides[closing + 1:]], (deck.name, ident)
        codes = {f"M{m}.{n}" for a in deck.session.activiteiten for m, n in a.doelen}
        # the objectives on one slide, in the plan's plain words; the book's objectives by code in its notes
        objectives = [s for s in deck.slides if s.kind == "objectives"]
        assert len(objectives) == 1 and 1 <= len(objectives[0].blocks[0].items) <= 4, deck.name
        assert objectives[0].blocks[0].items == [plans.plain(g) for g in deck.session.leerdoelen]
        shown_codes = objectives[0].notes[0].split(": ", 1)[1].split(", ")
        assert sorted(shown_codes) == sorted(codes)
        notes = " ".join(n for s in deck.slides for n in s.notes)
        for act in shown:
            if act.notities:
                assert plans.plain(act.notities, library.titles) in notes
            if act.werkvorm != plans.BREAK:
                assert f"{act.duur} minuten" in notes


def test_every_slide_has_notes_and_material_slides_carry_the_minutes(kit):
    _source, library, decks = kit
    for deck in decks:
        for slide in deck.slides:
            assert slide.notes and all(slide.notes), (deck.name, slide.kind, slide.title)
        for act in deck.session.activiteiten:
            material = [s for s in deck.slides if s.ident in {t for _k, t, _l in act.materiaal}
                        and s.kind in ("case", "reflection", "question", "chart")]
            for slide in material:
                assert f"{act.duur} minuten" in slide.notes[0], (deck.name, slide.title)
                if act.notities:
                    assert plans.plain(act.notities, library.titles) in slide.notes
        help_slides = [s for s in deck.slides if s.kind == "help"]
        steps = " ".join(" ".join(s.notes) for s in help_slides)
        assert "Blijf rustig en erken wat je hoort" in steps and "Bescherm de persoon in de groep" in steps


def test_activity_slides_are_never_empty(kit):
    """Every activity's first slide shows its task, its roles or what it is about, not only a title."""
    _source, _library, decks = kit
    for deck in decks:
        for slide in deck.slides:
            if slide.kind == "activity":
                assert [b for b in slide.blocks if b.kind != "meta"], (deck.name, slide.title)


def test_a_self_check_reveal_holds_feedback_for_every_option(kit):
    _source, library, decks = kit
    questions = [(d, s) for d in decks for s in d.slides if s.kind == "question"]
    assert questions
    for deck, slide in questions:
        info = library.questions[slide.ident]
        feedback = [t for b in slide.reveal for t in b.items]
        assert [line[:1] for line in feedback] == list(info["options"]), (deck.name, slide.ident, feedback)
        assert any(line.startswith(f"{info['correct']}. Juist.") for line in feedback)
        assert sum("Juist." in line[:10] for line in feedback) == 1


def test_help_slides_handout_and_invitation_name_112_and_the_help_page_address(kit):
    _source, library, decks = kit
    address = library.address("book/start/hulp")
    assert address.startswith(library.site_url) and address.endswith(".html")
    for deck in decks:
        for slide in (s for s in deck.slides if s.kind == "help"):
            text = " ".join(slide.texts())
            assert "Bel 112" in text and address in text, (deck.name, text)
    for stem in {d.plan.path.stem for d in decks}:
        handout = " ".join(pdf_text(KIT / stem / "hand-out.pdf")).replace(" ", "")
        assert "Bel112" in handout and address.replace(" ", "") in handout, stem
        invitation = (KIT / stem / "uitnodiging.txt").read_text(encoding="utf-8")
        assert "Bel 112" in invitation and address in invitation, stem


def test_objectives_are_never_cut(kit):
    """In the objectives slide's notes and on the evaluation form each objective is the book's whole sentence."""
    _source, library, decks = kit
    for deck in decks:
        slide = next(s for s in deck.slides if s.kind == "objectives")
        for code, text in (line.split(": ", 1) for line in slide.notes[1:]):
            m, n = map(int, code[1:].split("."))
            book = assemble.myst_plain(library.objective(m, n))
            assert text == book.rstrip(";."), (code, text)
            assert len(text) > 40 and not book[len(text):].strip(" ;.")
    for stem in {d.plan.path.stem for d in decks}:
        last = [d for d in decks if d.plan.path.stem == stem][-1]
        # the evaluation asks about the plan's plain goals, each whole (compared without spaces and
        # hyphens: the form's narrow column breaks and hyphenates)
        evaluation = re.sub(r"[\s\-\u00ad○]", "", " ".join(pdf_text(KIT / stem / "evaluatieformulier.pdf")))
        for goal in materials.evaluation_goals(last):
            assert re.sub(r"[\s\-]", "", goal) in evaluation, (stem, goal)


def test_the_empty_circle_has_as_many_boxes_as_the_case_has_steps(kit):
    source, library, decks = kit
    checked = 0
    for deck in decks:
        for act in deck.session.activiteiten:
            if act.figuur != "cirkel":
                continue
            steps = materials.circle_steps(act, library)
            assert len(re.findall(r"<rect\b", materials.figures.circle(steps))) == steps
            for target, _ in act.materials("grafiek"):
                notebook, number = target.lstrip("/").split("#")
                alt = library.charts(notebook)[int(number) - 1][1]
                assert steps == len(set(re.findall(r"Stap (\d+)", alt))) == 5, alt
                words = {4: "vier", 5: "vijf", 6: "zes"}
                task = plans.plain(act.opdracht, library.titles)
                for n, word in words.items():
                    assert (f"{word} stappen" in task) <= (n == steps), task
                checked += 1
    assert checked >= 2
    folder = KIT / "introductie-90"
    pages = pdf_text(folder / workshop.pack_file(next(d for d in decks if d.name == "introductie-90")))
    milan = next(p for p in pages[1:] if "werkblad m2-casus-milan" in p.lower())
    assert all(str(n) in milan.split() for n in range(1, 6)), milan


# --- the outputs ----------------------------------------------------------------------------------------


def test_deck_html_has_a_section_per_slide_notes_and_only_local_files(kit):
    from bs4 import BeautifulSoup

    _source, _library, decks = kit
    for deck in decks:
        path = deck_folder(deck) / slides.deck_file(deck, ".html")
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        sections = soup.select(".reveal .slides > section")
        assert len(sections) == len(deck.slides)
        assert [s.find(re.compile("^h[12]$")).get_text() for s in sections] == [s.title for s in deck.slides]
        assert len(soup.select("aside.notes")) == sum(1 for s in deck.slides if s.notes)
        assert len(soup.select(".fragment.antwoord")) == sum(1 for s in deck.slides if s.reveal)
        refs = [el.get("src") or el.get("href") for el in soup.select("[src], link[href]")]
        assert refs and all(not re.match(r"^[a-z]+:", r) for r in refs), refs
        for ref in refs:
            assert (path.parent / ref).is_file(), ref


def test_deck_pdf_is_16_9_with_a_page_per_step(kit):
    _source, _library, decks = kit
    for deck in decks:
        path = deck_folder(deck) / slides.deck_file(deck, ".pdf")
        reader = PdfReader(str(path))
        assert len(reader.pages) == slides.print_pages(deck)
        for p in reader.pages:
            assert abs(float(p.mediabox.width) / float(p.mediabox.height) - 16 / 9) < 0.01
        text = pdf_text(path)
        assert all(normalise(s.title)[:25] in text[i] for i, s in enumerate(
            s for s in deck.slides for _ in range(2 if s.reveal else 1)))
        question = next((i for i, s in enumerate(s for s in deck.slides for _ in range(2 if s.reveal else 1))
                         if s.reveal), None)
        if question is not None:
            assert "Juist." not in text[question] and "Juist." in text[question + 1]


def test_pptx_reopens_with_slides_titles_and_notes(kit):
    from pptx import Presentation
    from pptx.util import Inches

    _source, _library, decks = kit
    for deck in decks:
        prs = Presentation(str(deck_folder(deck) / slides.deck_file(deck, ".pptx")))
        assert (prs.slide_width, prs.slide_height) == (Inches(slides.WIDTH_IN), Inches(slides.HEIGHT_IN))
        steps = [s for s in deck.slides for _ in range(2 if s.reveal else 1)]
        assert len(prs.slides) == len(steps)
        assert [s.shapes.title.text for s in prs.slides] == [s.title for s in steps]
        for shown, step in zip(prs.slides, steps):
            notes = shown.notes_slide.notes_text_frame.text if shown.has_notes_slide else ""
            assert notes == "\n".join(step.notes)
        pictures = [sh for s in prs.slides for sh in s.shapes if sh.shape_type == 13]
        assert len(pictures) == sum(1 for s in deck.slides for b in s.blocks if b.kind == "img")


# --- print packs and forms ------------------------------------------------------------------------------


def test_print_pack_follows_the_plan_with_quantities_and_a_one_page_checklist(kit):
    _source, library, decks = kit
    for deck in decks:
        path = deck_folder(deck) / workshop.pack_file(deck)
        text = pdf_text(path)
        assert text[0].startswith(materials.FORMS["print"]) or materials.FORMS["checklist"] in text[0]
        assert materials.FORMS["checklist"] in text[0] and materials.FORMS["checklist"] not in text[1]
        # the safety card: the urgent part first, then what to do when someone is touched by a case
        assert "Wanneer je meteen handelt" in text[1] and "112" in text[1]
        for heading in materials.SAFETY_HEADINGS[1:]:
            assert heading in text[1], heading
        assert "Blijf rustig en erken wat je hoort" in text[1] and "Dat klinkt als een depressie" in text[1]
        assert "Hulp nodig?" in text[2]
        # the checklist names the pages and the quantity of every part; only trainer pages carry a badge
        soup = _pack_html(deck)
        parts = soup.select("section.deel")
        assert len(re.findall(r"☐|blz\. \d+", text[0])) >= len(parts)
        owner = _page_owners(deck, text, parts)
        for part in parts:
            pages = [n for n, o in enumerate(owner, 1) if o == part["id"]]
            assert pages, part["id"]
            assert materials.page_range(pages).strip() in text[0], (part["id"], pages)
            for n in pages:
                badge = re.search(r"Printen: 1 (set )?(per|voor)", text[n - 1])
                assert bool(badge) == ("trainer" in part["class"]), (part["id"], n)
                assert ("printpakket" in text[n - 1]) == ("trainer" in part["class"]), (part["id"], n)
        order = [ident for act in deck.session.activiteiten for ident, _ in act.materials("werkblad")]
        where = [next(i for i, p in enumerate(text) if f"werkblad {ident}" in p.lower())
                 for ident in dict.fromkeys(order)]
        assert where == sorted(where), "sheets not in order of use"
        for ident in dict.fromkeys(order):
            assert ident in text[0], f"{ident} missing from the checklist"
        for act in deck.session.activiteiten:
            if act.opdracht and act.materials("werkblad"):
                assert normalise(plans.plain(act.opdracht, library.titles))[:40] in " ".join(text)
            for role in act.rollen:
                assert role.rol in " ".join(text)
        if any(a.materials("zelftoets") for a in deck.session.activiteiten):
            assert materials.FORMS["votes"] in " ".join(text)


def _pack_html(deck):
    from bs4 import BeautifulSoup

    html = (ROOT / "_build" / "print" / "workshop" / deck.plan.path.stem
            / workshop.pack_file(deck).replace(".pdf", ".html"))
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")


def _page_owners(deck, text, parts) -> list[str]:
    """Which part each page of a rendered pack belongs to, read back from the PDF's named destinations."""
    reader = PdfReader(str(deck_folder(deck) / workshop.pack_file(deck)))
    starts = {}
    for name, dest in reader.named_destinations.items():
        if name in {p["id"] for p in parts}:
            starts[name] = reader.get_destination_page_number(dest) + 1
    assert len(starts) == len(parts), set(p["id"] for p in parts) - set(starts)
    owner, current = [], None
    first = {page_number: ident for ident, page_number in starts.items()}
    for n in range(1, len(text) + 1):
        current = first.get(n, current)
        owner.append(current)
    return owner


def test_participant_papers_carry_no_trainer_marks_and_the_certificate_names_the_event(kit):
    _source, _library, decks = kit
    for stem in {d.plan.path.stem for d in decks}:
        folder = KIT / stem
        last = [d for d in decks if d.plan.path.stem == stem][-1]
        for name in ("hand-out.pdf", "evaluatieformulier.pdf", "bewijs-van-deelname.pdf", "hulp-nodig-poster.pdf"):
            for page_text in pdf_text(folder / name):
                assert "Printen:" not in page_text and "printpakket" not in page_text, (stem, name)
        certificate = " ".join(pdf_text(folder / "bewijs-van-deelname.pdf"))
        assert materials.event_name(last) in certificate and "Draaiboek" not in certificate, certificate
        if len(last.plan.sessies) == 1:
            assert last.session.titel in certificate
    assert materials.event_name(next(d for d in decks if d.name == "introductie-90")) == "Introductieworkshop"


def test_every_role_play_has_an_observer_card(kit):

    _source, _library, decks = kit
    for deck in decks:
        soup = _pack_html(deck)
        for act in deck.session.activiteiten:
            said = " ".join(plans.plain(t) for t in (act.notities, act.opdracht) if t).lower()
            if act.rollen and "waarnemer" in said:
                assert act.waarnemer, (deck.name, act.titel)
            if act.rollen and act.waarnemer:
                cards = soup.select(f"#deel-rollen-{act.start} .kaart")
                assert len(cards) == len(act.rollen) + 1 and "waarnemer" in cards[-1]["class"], (deck.name, act.titel)


def test_handout_poster_and_forms(kit):
    _source, library, decks = kit
    for stem in {d.plan.path.stem for d in decks}:
        folder = KIT / stem
        assert len(PdfReader(str(folder / "hand-out.pdf")).pages) <= 2
        assert len(PdfReader(str(folder / "evaluatieformulier.pdf")).pages) <= 2   # one sheet, double-sided
        assert len(PdfReader(str(folder / "hulp-nodig-poster.pdf")).pages) == 1
        handout = " ".join(pdf_text(folder / "hand-out.pdf"))
        for needle in ("Alledaagse hobbel", "113", library.site_url.rstrip("/")):
            assert needle in handout, needle
        poster = pdf_text(folder / "hulp-nodig-poster.pdf")[0]
        assert "Hulp nodig?" in poster and "112" in poster and "0800-0113" in poster
        fields = PdfReader(str(folder / "bewijs-van-deelname.pdf")).get_fields() or {}
        assert {"naam", "datum", "trainer"} <= set(fields), fields.keys()
        certificate = " ".join(pdf_text(folder / "bewijs-van-deelname.pdf"))
        assert "geen accreditatie" in certificate and "Studiebelasting" in certificate and "Duur" in certificate
        evaluation = " ".join(pdf_text(folder / "evaluatieformulier.pdf"))
        assert "veilig" in evaluation and "rapportcijfer" in evaluation and not re.search(r"\(M\d\.\d\)", evaluation)
        attendance = " ".join(pdf_text(folder / "presentielijst.pdf"))
        assert "Handtekening" in attendance
        invitation = (folder / "uitnodiging.txt").read_text(encoding="utf-8")
        assert invitation.startswith("Uitnodiging: ") and library.site_url in invitation and "113" in invitation
        # written to the participant, with the safety agreement, blanks for the trainer and a few goals
        assert "Niemand hoeft iets persoonlijks te vertellen" in invitation
        assert "Deelnemers" not in invitation and invitation.count("____________") >= 4
        # the invitation names the goals the evaluation asks about, in the plan's plain words
        last = [d for d in decks if d.plan.path.stem == stem][-1]
        goals = [line[2:] for line in invitation.splitlines() if line.startswith("- ")]
        assert 3 <= len(materials.evaluation_goals(last)) <= 5
        assert set(materials.evaluation_goals(last)) <= set(goals), (goals, materials.evaluation_goals(last))
        questions = (folder / "evaluatie-vragen.txt").read_text(encoding="utf-8")
        for goal in materials.evaluation_goals(last):
            flat = re.sub(r"[\s\-\u00ad○]", "", evaluation)   # the form's narrow column breaks and hyphenates
            assert f"- {goal}" in questions and re.sub(r"[\s\-]", "", goal) in flat, goal


def test_the_kit_has_the_plan_and_the_safety_protocol_on_paper(kit):
    _source, library, decks = kit
    for deck in decks:
        assert workshop.PLAN_FILE in pdf_text(deck_folder(deck) / workshop.pack_file(deck))[0]
    for entry in library.index["plans"]:
        pages = pdf_text(KIT / Path(entry["file"]).stem / workshop.PLAN_FILE)
        text = " ".join(pages)
        assert library.titles[entry["doc"]] in pages[0]
        for heading in materials.SAFETY_HEADINGS:
            assert heading in text, (entry["file"], heading)
        plan = plans.load_plan(ROOT / entry["file"])
        for act in plan.activities:
            assert act.titel in text, (entry["file"], act.titel)


def test_the_plan_pages_link_every_file_of_the_kit(kit):
    _source, library, decks = kit
    for entry in library.index["plans"]:
        plan = plans.load_plan(ROOT / entry["file"])
        stem = Path(entry["file"]).stem
        soup = page(entry["doc"])
        hrefs = {a["href"].split("downloads/", 1)[-1] for a in soup.select("a.cursus-download")}
        files = {f"workshop/{stem}/{name}" for name, _label in plans.kit_files(plan)} | {f"workshop-{stem}.zip"}
        assert files <= hrefs, files - hrefs
        for name in files:
            assert (HTML / "downloads" / name).is_file(), name


# --- in Chromium ------------------------------------------------------------------------------------------


@pytest.mark.browser
def test_deck_in_chromium_offline_keyboard_speaker_view_and_axe(kit, browser, site, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    _source, _library, decks = kit
    deck = decks[0]
    folder = tmp_path / "map"
    shutil.copytree(deck_folder(deck), folder)         # a copy on a USB stick: no server, no site
    url = (folder / slides.deck_file(deck, ".html")).as_uri()
    over_http = f"{site}downloads/workshop/{deck.plan.path.stem}/{slides.deck_file(deck, '.html')}"
    for address in (url, over_http):
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        requests: list[str] = []
        context.on("request", lambda r, seen=requests: seen.append(r.url))
        tab = context.new_page()
        tab.goto(address)
        wait_for(tab, "window.Reveal && Reveal.isReady()")   # the deck's policy forbids Playwright's eval
        foreign = [r for r in requests if not r.startswith(("file://", site, "data:", "blob:", "about:"))]
        assert not foreign, foreign
        assert tab.evaluate("Reveal.getTotalSlides()") == len(deck.slides)
        tab.keyboard.press("ArrowRight")
        assert tab.evaluate("Reveal.getIndices().h") == 1
        tab.keyboard.press("End")
        assert tab.evaluate("Reveal.getIndices().h") == len(deck.slides) - 1
        tab.keyboard.press("Home")
        results = Axe().run(tab)
        assert results.violations_count == 0, results.generate_report()
        context.close()
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    tab = context.new_page()
    tab.goto(url + "#/4")
    wait_for(tab, "window.Reveal && Reveal.isReady()")
    with context.expect_page() as popup:
        tab.keyboard.press("s")
    speaker = popup.value
    speaker.wait_for_selector(".speaker-controls-time", state="attached")
    wait_for(speaker, "document.querySelector('.speaker-controls-notes') && "
                      "document.querySelector('.speaker-controls-notes').textContent.length > 20")
    notes = speaker.inner_text(".speaker-controls-notes")
    activity = deck.slides[4]
    assert activity.notes[0] in notes
    assert tab.evaluate("typeof Reveal.getPlugin('notes').open") == "function"
    context.close()

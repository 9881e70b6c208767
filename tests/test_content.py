"""Content rules that a careful reader checks by hand, kept true by tests (issue 17).

- The cast (book/casussen.yml) matches the case boxes in the Markdown; every first name in
  the course is used once; no theme repeats; gender and age are spread.
- The self-checks test understanding: the right option does not give itself away by length
  or letter, and at least half of the questions start from a situation.
- Counts written in the text (questions, study times) agree with the pages they describe.
- Help: the acute-risk rule, Veilig Thuis and Helpwanted.nl appear where the text needs them,
  and every notebook ends with the same help cell, without links into the repository.

Each rule is a small function that returns the problems it finds, so that a bad example can
show the rule is able to fail.
"""

from __future__ import annotations

import difflib
import itertools
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import COURSE, EXERCISES, ROOT, module_dirs

from course import markdown
from course import vocabulary as V
from tools.quality import text as visible

BOOK = ROOT / "book"
CAST = yaml.safe_load((BOOK / "casussen.yml").read_text(encoding="utf-8"))
MODULES = module_dirs()
SELF_CHECKS = [m / "zelftoets.md" for m in MODULES]
NUMBER_WORDS = {w: n for n, w in enumerate(
    "nul een twee drie vier vijf zes zeven acht negen tien elf twaalf".split())}
TITLE = re.compile(r"^Casus: (\S+) \((\d+)\)")
PERSON = re.compile(r"\b([A-Z][a-zë]+) \((\d+)\)")


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name


# --- the cast ---------------------------------------------------------------------------------


def module_number(page: Path) -> int | None:
    """The number of the module a page belongs to, from the course model."""
    module = COURSE.module_of(page.relative_to(ROOT).with_suffix("").as_posix()) if page.is_relative_to(ROOT) else None
    return module.number if module else None


def case_boxes(pages: list[Path], module_of=module_number) -> dict[str, dict]:
    """worksheet id -> title, body and page of every case box on the given pages."""
    boxes = {}
    for page in pages:
        source = page.read_text(encoding="utf-8")
        for d in markdown.directives(source, "admonition"):
            if d.argument.startswith(V.CASE_TITLE_PREFIX) and V.CASE in d.classes:
                boxes[V.case_id(module_of(page), d.argument)] = {
                    "title": d.argument, "body": d.body, "page": page, "source": source}
    return boxes


def module_pages() -> list[Path]:
    return sorted(p for m in MODULES for p in m.glob("*.md"))


def cast_problems(cast: dict, boxes: dict[str, dict]) -> list[str]:
    """Differences between the cast table and the case boxes."""
    out = []
    listed = {c["werkblad"]: c for c in cast["casussen"]}
    for ident in sorted(set(boxes) - set(listed)):
        out.append(f"{ident}: case box '{boxes[ident]['title']}' is not in book/casussen.yml")
    for ident in sorted(set(listed) - set(boxes)):
        out.append(f"{ident}: in book/casussen.yml but there is no such case box")
    for ident in sorted(set(listed) & set(boxes)):
        case, box = listed[ident], boxes[ident]
        m = TITLE.match(box["title"])
        if not m:
            out.append(f"{ident}: the title '{box['title']}' has no 'Name (age)'")
            continue
        if (m.group(1), int(m.group(2))) != (case["naam"], case["leeftijd"]):
            out.append(f"{ident}: the box says {m.group(1)} ({m.group(2)}), "
                       f"the cast {case['naam']} ({case['leeftijd']})")
        if not box["page"].parent.name.startswith(f"m{case['module']}-"):
            out.append(f"{ident}: the cast says module {case['module']}, the box is in {rel(box['page'])}")
        people = [p["naam"] for p in case["anderen"]] + ([case["professional"]["naam"]] if case["professional"] else [])
        for name in people:
            if not re.search(rf"\b{re.escape(name)}\b", box["source"]):
                out.append(f"{ident}: {name} is in the cast but not on {rel(box['page'])}")
    return out


def all_names(cast: dict) -> list[str]:
    """Every first name the cast gives: persons, the people around them, professionals."""
    names = []
    for case in cast["casussen"]:
        names.append(case["naam"])
        names += [p["naam"] for p in case["anderen"]]
        if case["professional"]:
            names.append(case["professional"]["naam"])
    return names + [p["naam"] for p in cast["personen"]]


def helper_names() -> list[str]:
    """First names of the situations in the module 1 notebook (exercises/cursus/spectrum.py)."""
    from cursus.spectrum import VIGNETTEN

    return [v.titel.split()[0] for v in VIGNETTEN.values()]


def name_problems(cast_names: list[str], other_names: list[str]) -> list[str]:
    """A name used twice, or two names in the cast that differ in about one letter."""
    names = cast_names + other_names
    seen, out = set(), []
    for name in names:
        if name.casefold() in seen:
            out.append(f"the name {name} is used more than once")
        seen.add(name.casefold())
    for a, b in itertools.combinations(sorted(set(cast_names)), 2):
        if difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= 0.8:
            out.append(f"{a} and {b} look too much alike")
    return out


def spread_problems(cases: list[dict]) -> list[str]:
    out = []
    themes = [c["thema"] for c in cases]
    out += [f"the theme '{t}' is used more than once" for t in sorted({t for t in themes if themes.count(t) > 1})]
    for gender in ("v", "m"):
        if sum(c["gender"] == gender for c in cases) * 3 < len(cases):
            out.append(f"fewer than a third of the cases are about gender '{gender}'")
    for label, group in (("under 20", [c for c in cases if c["leeftijd"] < 20]),
                         ("20 or older", [c for c in cases if c["leeftijd"] >= 20])):
        if {c["gender"] for c in group} != {"v", "m"}:
            out.append(f"the cases {label} are not about both girls/women and boys/men")
    for module in sorted({c["module"] for c in cases}):
        ages = [c["leeftijd"] for c in cases if c["module"] == module]
        if min(ages) >= 20 or max(ages) < 20:
            out.append(f"module {module}: all cases are about one age group")
    return out


def test_every_case_box_is_in_the_cast_and_vice_versa():
    assert cast_problems(CAST, case_boxes(module_pages())) == []


def test_names_are_unique_across_the_course():
    assert name_problems(all_names(CAST), helper_names()) == []


def test_themes_do_not_repeat_and_gender_and_age_are_spread():
    assert spread_problems(CAST["casussen"]) == []


def test_people_in_self_checks_belong_to_the_cast_with_their_age():
    known = {}
    for case in CAST["casussen"]:
        known[case["naam"]] = case["leeftijd"]
        known.update({p["naam"]: p.get("leeftijd") for p in case["anderen"]})
    known.update({p["naam"]: p["leeftijd"] for p in CAST["personen"]})
    for path in SELF_CHECKS:
        for name, age in PERSON.findall(path.read_text(encoding="utf-8")):
            assert known.get(name) == int(age), f"{rel(path)}: {name} ({age}) is not in book/casussen.yml with that age"


def test_the_cast_checks_can_fail(tmp_path: Path):
    """A renamed box, a duplicate name, a repeated theme and a one-sided cast are reported."""
    page = tmp_path / "m9-proef" / "01-pagina.md"
    page.parent.mkdir()
    page.write_text("# Pagina\n\n```{admonition} Casus: Ans (79) en de foto's\n:class: casus\nTekst met Joyce.\n```\n",
                    encoding="utf-8")
    case = {"naam": "Ans", "leeftijd": 80, "gender": "v", "module": 9, "thema": "foto's",
            "werkblad": "m9-casus-ans", "professional": {"naam": "Priya", "rol": "verzorgende"}, "anderen": []}
    boxes = case_boxes([page], lambda _: 9)
    problems = cast_problems({"casussen": [case, dict(case, werkblad="m9-casus-henk")]}, boxes)
    assert any("Ans (79), the cast Ans (80)" in p for p in problems)
    assert any("Priya is in the cast but not on" in p for p in problems)
    assert any("m9-casus-henk: in book/casussen.yml but there is no such case box" in p for p in problems)
    assert name_problems(["Fatima", "Noor"], ["Noor"]) == ["the name Noor is used more than once"]
    assert name_problems(["Fatima", "Fatma"], []) == ["Fatima and Fatma look too much alike"]
    boys = [dict(case, naam=n, gender="m", leeftijd=15, thema="nachtelijk scrollen")
            for n in ("Daan", "Milan", "Jesse")]
    problems = spread_problems(boys)
    assert "the theme 'nachtelijk scrollen' is used more than once" in problems
    assert "fewer than a third of the cases are about gender 'v'" in problems
    assert "module 9: all cases are about one age group" in problems


# --- the self-checks ----------------------------------------------------------------------------


def plain(markdown: str) -> str:
    """The text a learner sees of a bit of Markdown (links, roles and citations left out)."""
    return " ".join(b.text for b in visible.markdown_blocks(markdown)).strip()


def questions(path: Path) -> list[dict]:
    """label, stem, options (letter -> visible text) and the right letter of each question."""
    source = path.read_text(encoding="utf-8")
    blocks = markdown.directives(source)
    solutions = {d.argument: d.body for d in blocks if d.name == "solution"}
    out = []
    for d in blocks:
        if d.name != "exercise" or V.SELF_CHECK not in d.classes:
            continue
        body, label = d.body, d.options["label"]
        stem = body.split("\n- **A.**")[0]
        options = dict(re.findall(r"^- \*\*([A-Z])\.\*\* (.+)$", body, re.M))
        marks = re.findall(r"^- \*\*([A-Z])\. (Juist|Niet juist)\.\*\*(.*)$", solutions.get(label, ""), re.M)
        right = [letter for letter, verdict, _ in marks if verdict == "Juist"]
        out.append({"label": label, "stem": stem, "options": {k: plain(v) for k, v in options.items()},
                    "right": right[0] if len(right) == 1 else None,
                    "feedback": {letter: plain(why) for letter, _, why in marks}})
    return out


def self_check_problems(qs: list[dict]) -> list[str]:
    """The rules of issue 17 for a set of questions (the whole course)."""
    out = []
    n = len(qs)
    longest = shortest = 0
    for q in qs:
        right = q["options"][q["right"]]
        others = [len(t) for letter, t in q["options"].items() if letter != q["right"]]
        longest += len(right) >= max(others)
        shortest += len(right) <= min(others)
        for letter, explanation in q["feedback"].items():
            if len(explanation.split()) < 8:
                out.append(f"{q['label']}: the feedback on option {letter} does not explain why")
    if longest * 3 > n:
        out.append(f"the right option is the longest in {longest} of {n} questions (at most a third)")
    if shortest * 3 > n:
        out.append(f"the right option is the shortest in {shortest} of {n} questions (at most a third)")
    letters = [q["right"] for q in qs]
    for letter in sorted(set(letters)):
        if letters.count(letter) * 2 > n:
            out.append(f"option {letter} is right in {letters.count(letter)} of {n} questions (at most half)")
    situations = [q for q in qs if PERSON.search(q["stem"]) or '"' in q["stem"]]
    if len(situations) * 2 < n:
        out.append(f"only {len(situations)} of {n} questions start from a situation (at least half)")
    return out


ALL_QUESTIONS = [q for path in SELF_CHECKS for q in questions(path)]


def test_self_checks_were_read():
    assert len(ALL_QUESTIONS) >= 5 * len(MODULES)
    assert all(q["right"] and len(q["options"]) == 3 for q in ALL_QUESTIONS)


def test_self_checks_do_not_give_the_answer_away():
    assert self_check_problems(ALL_QUESTIONS) == []


def test_the_self_check_rules_can_fail():
    """Always A, always the longest, no situation, feedback without a reason: all reported."""
    bad = [{"label": f"m9-toets-{i}", "stem": "Wat klopt?", "right": "A",
            "options": {"A": "Een heel lang en voorzichtig geformuleerd juist antwoord.",
                        "B": "Nooit.", "C": "Altijd."},
            "feedback": {"A": "Juist.", "B": "Nee, want dat staat nergens in de module zo beschreven.",
                         "C": "Nee, want dat staat nergens in de module zo beschreven."}} for i in range(6)]
    problems = self_check_problems(bad)
    assert "the right option is the longest in 6 of 6 questions (at most a third)" in problems
    assert "option A is right in 6 of 6 questions (at most half)" in problems
    assert "only 0 of 6 questions start from a situation (at least half)" in problems
    assert "m9-toets-0: the feedback on option A does not explain why" in problems


# --- counts that cannot drift ------------------------------------------------------------------


def duration(index: Path) -> tuple[list[int], int]:
    """(minutes per row, total) of a module's Duur table."""
    section = index.read_text(encoding="utf-8").split("## Duur")[1].split("\n## ")[0]
    rows = [int(m) for m in re.findall(r"^\| [^*|][^|]* \| (\d+) \|$", section, re.M)]
    total = int(re.search(r"\*\*[Tt]otaal\*\* \| \*\*(\d+)\*\*", section).group(1))
    return rows, total


def count_problems(index_text: str, selfcheck_text: str, questions_found: int, where: str) -> list[str]:
    """The number of questions an index page and a self-check intro announce."""
    out = []
    line = next((ln for ln in index_text.splitlines() if "zelftoets`" in ln), "")
    said = re.search(r"`: (\w+) vragen", line)
    if not said or NUMBER_WORDS.get(said.group(1)) != questions_found:
        out.append(f"{where}/index.md announces '{said.group(1) if said else '?'} vragen', "
                   f"the self-check has {questions_found}")
    intro = selfcheck_text.split("````")[0]
    for word in re.findall(r"\b(\w+) vragen\b", intro):
        if word in NUMBER_WORDS and NUMBER_WORDS[word] != questions_found:
            out.append(f"{where}/zelftoets.md announces '{word} vragen', it has {questions_found}")
    return out


@pytest.mark.parametrize("module", MODULES, ids=[m.name for m in MODULES])
def test_question_counts_on_the_pages_match_the_self_check(module: Path):
    index = (module / "index.md").read_text(encoding="utf-8")
    selfcheck = (module / "zelftoets.md").read_text(encoding="utf-8")
    assert count_problems(index, selfcheck, len(questions(module / "zelftoets.md")), module.name) == []


@pytest.mark.parametrize("module", MODULES, ids=[m.name for m in MODULES])
def test_duration_rows_add_up_to_the_total(module: Path):
    rows, total = duration(module / "index.md")
    assert len(rows) >= 3 and sum(rows) == total


def test_study_times_on_the_home_and_start_pages_match_the_modules():
    totals = [duration(m / "index.md")[1] for m in MODULES]
    for page in (BOOK / "index.md", BOOK / "start" / "zo-werk-je.md"):
        said = re.search(r"(\d+) tot (\d+) minuten per module", page.read_text(encoding="utf-8"))
        assert said, f"{rel(page)} gives no study time per module"
        assert (int(said.group(1)), int(said.group(2))) == (min(totals), max(totals)), rel(page)
    start = re.search(r"startpagina's op (\w+) minuten", (BOOK / "start" / "zo-werk-je.md").read_text(encoding="utf-8"))
    hours = re.search(r"ongeveer \*\*(\w+) uur\*\*", (BOOK / "start" / "over.md").read_text(encoding="utf-8"))
    assert start and hours
    assert NUMBER_WORDS[hours.group(1)] == round((sum(totals) + NUMBER_WORDS[start.group(1)]) / 60)


def test_the_count_check_can_fail():
    index = "- {doc}`/book/m9-proef/zelftoets`: zeven vragen om te oefenen.\n"
    selfcheck = "# Zelftoets\n\nTest jezelf met deze zeven vragen.\n\n````{exercise} Vraag 1\n````\n"
    assert count_problems(index, selfcheck, 8, "m9-proef") == [
        "m9-proef/index.md announces 'zeven vragen', the self-check has 8",
        "m9-proef/zelftoets.md announces 'zeven vragen', it has 8"]


# --- help where the text needs it --------------------------------------------------------------

ACUTE = "{include} ../start/_acuut.md"
ONLINE_ABUSE = re.compile(r"online (?:\w+ )?(?:gepest|bedreigd|afgeperst|uitgebuit)|afpersing|sextortion", re.I)
HOME_VIOLENCE = re.compile(r"geweld thuis|huiselijk geweld|kindermishandeling|onveiligheid thuis", re.I)


def help_problems(pages: dict[str, str]) -> list[str]:
    """Pages about online abuse name Helpwanted.nl; pages about violence at home Veilig Thuis."""
    out = []
    for name, source in pages.items():
        if ONLINE_ABUSE.search(source) and "helpwanted.nl" not in source.lower():
            out.append(f"{name} is about online abuse but does not name Helpwanted.nl")
        if HOME_VIOLENCE.search(source) and "Veilig Thuis" not in source:
            out.append(f"{name} is about violence at home but does not name Veilig Thuis")
    return out


def with_includes(page: Path) -> str:
    """A page's source with the fragments it includes (as the reader sees them)."""
    source = page.read_text(encoding="utf-8")
    for target in re.findall(r"^```\{include\} (\S+)", source, re.M):
        source += "\n" + (page.parent / target).read_text(encoding="utf-8")
    return source


def test_online_abuse_and_violence_at_home_come_with_where_to_get_help():
    pages = {rel(p): with_includes(p) for p in sorted(BOOK.rglob("*.md"))}
    assert help_problems(pages) == []
    assert help_problems({"proef.md": "Wordt iemand online gepest? Praat erover.",
                          "thuis.md": "Vermoed je kindermishandeling? Overleg."}) == [
        "proef.md is about online abuse but does not name Helpwanted.nl",
        "thuis.md is about violence at home but does not name Veilig Thuis"]


def test_acute_risk_rule_in_the_spectrum_the_conversation_guide_and_the_safety_protocol():
    for page in ("m1-spectrum/02-het-spectrum.md", "m2-lange-termijn/03-depressie-en-de-cirkel-doorbreken.md",
                 "m4-tips/03-gespreksleidraad.md", "trainers/veiligheid.md"):
        assert ACUTE in (BOOK / page).read_text(encoding="utf-8"), page
    rule = (BOOK / "start" / "_acuut.md").read_text(encoding="utf-8")
    assert "altijd voor" in rule and "113" in rule and "112" in rule


def safety_problems(pages: dict[str, str]) -> list[str]:
    """The safety routes the content review asked for (issue 22), on the pages where the course models them."""
    out = []
    help_page, notice, guide = pages["hulp"], pages["hulp-kort"], pages["gespreksleidraad"]
    for name, text in (("hulp", help_page), ("hulp-kort", notice)):
        if "huisartsenpost" not in text or "’s nachts" not in text or "weekend" not in text:
            out.append(f"{name}: no huisartsenpost for evenings, nights and weekends")
    jesse = guide.split("Casus: Jesse")[1].split("### Hoe")[0] if "Casus: Jesse" in guide else ""
    for name, text in (("hulp", help_page), ("Jesse", jesse)):
        if "Centrum Seksueel Geweld" not in text or "0800-0188" not in text:
            out.append(f"{name}: no Centrum Seksueel Geweld (0800-0188)")
        if not re.search(r"niet om (?:de|een naakt)?\s?foto te zien", text) or "accountnaam" not in text \
                or "strafbaar" not in text:
            out.append(f"{name}: no caution not to ask to see or forward the image, and to keep the chat and account")
    for name, text in (("hulp", help_page), ("gespreksleidraad", guide)):
        route = next((p for p in text.split("\n") if "zichzelf pijn" in p and "zorgcoördinator" in p), "")
        if not route or "ouders" not in route or "aandachtsfunctionaris" not in route:
            out.append(f"{name}: no self-harm route via zorgcoördinator or aandachtsfunctionaris and the parents")
    return out


SAFETY_PAGES = {"hulp": "start/hulp.md", "hulp-kort": "start/_hulp-kort.md",
                "gespreksleidraad": "m4-tips/03-gespreksleidraad.md"}


def test_safety_routes_where_the_course_models_a_crisis():
    pages = {k: (BOOK / v).read_text(encoding="utf-8") for k, v in SAFETY_PAGES.items()}
    assert safety_problems(pages) == []
    before = {k: v.replace("huisartsenpost", "huisarts").replace("0800-0188", "0800-0000")
              .replace("accountnaam", "naam").replace("zorgcoördinator", "mentor") for k, v in pages.items()}
    assert safety_problems(before) == [
        "hulp: no huisartsenpost for evenings, nights and weekends",
        "hulp-kort: no huisartsenpost for evenings, nights and weekends",
        "hulp: no Centrum Seksueel Geweld (0800-0188)",
        "hulp: no caution not to ask to see or forward the image, and to keep the chat and account",
        "Jesse: no Centrum Seksueel Geweld (0800-0188)",
        "Jesse: no caution not to ask to see or forward the image, and to keep the chat and account",
        "hulp: no self-harm route via zorgcoördinator or aandachtsfunctionaris and the parents",
        "gespreksleidraad: no self-harm route via zorgcoördinator or aandachtsfunctionaris and the parents"]


def test_helplines_state_only_checked_ages_and_point_to_their_sites_for_hours():
    page = (BOOK / "start" / "hulp.md").read_text(encoding="utf-8")
    kindertelefoon = page.split("## Voor kinderen en jongeren")[1].split("\n## ")[0]
    mind = page.split("## Als je iemand wilt spreken")[1].split("\n## ")[0]
    assert "8 tot 18 jaar" in kindertelefoon and "(gecontroleerd december 2026)" in kindertelefoon
    assert "kindertelefoon.nl" in kindertelefoon and "mindkorrelatie.nl" in mind
    # No opening hours are stated that nobody checked: a time like 11.00 or 14-21 uur is not on the page.
    assert not re.search(r"\b\d{1,2}[.:]\d{2}\b|\b\d{1,2} ?(?:tot|-|–) ?\d{1,2} uur\b", kindertelefoon + mind)


# --- objectives and labels ----------------------------------------------------------------------

#: Verbs that name no behaviour a learner can show (issue 22: "weten", "herkennen dat").
UNOBSERVABLE = re.compile(r"^(?:\d+\.|-)\s+(?:\S+\s+){0,6}?(?:weten|begrijpen|inzien|beseffen|herkennen dat)\b", re.I)


def objective_problems(pages: dict[str, str]) -> list[str]:
    """Objective list items ("Na ... kun je:") that use a verb nobody can observe."""
    out = []
    for name, text in pages.items():
        for block in re.split(r"\bkun je:\s*\n", text)[1:]:
            for line in block.split("\n\n")[0].splitlines():
                if UNOBSERVABLE.search(line.strip()):
                    out.append(f"{name}: '{line.strip()[:60]}' has no observable verb")
    return out


def test_objectives_use_observable_verbs():
    pages = {rel(p): p.read_text(encoding="utf-8")
             for p in [BOOK / "index.md", BOOK / "start" / "over.md", *(m / "index.md" for m in MODULES)]}
    assert objective_problems(pages) == []
    assert objective_problems({"proef.md": "Na deze module kun je:\n\n1. weten wanneer je doorverwijst;\n"
                                           "2. herkennen dat het kort duurt.\n"}) == [
        "proef.md: '1. weten wanneer je doorverwijst;' has no observable verb",
        "proef.md: '2. herkennen dat het kort duurt.' has no observable verb"]


def test_learner_text_says_training_not_cursus():
    """The course calls itself "training" (issue 22); class names such as cursus-download are not text."""
    for page in sorted(BOOK.rglob("*.md")):
        for block in visible.markdown_blocks(page.read_text(encoding="utf-8")):
            assert not re.search(r"\bcursus\b", block.text, re.I), f"{rel(page)}:{block.line}: {block.text[:80]}"
    control = visible.markdown_blocks('Deze cursus gaat over <span class="cursus-download">x</span>.\n')
    assert [b for b in control if re.search(r"\bcursus\b", b.text, re.I)]


@pytest.mark.built
def test_exercise_boxes_are_labelled_opdracht(built_html):
    """sphinx-exercise's Dutch says "Opgave"; the course's catalogue (book/_locale) makes it "Opdracht"."""
    from conftest import page

    soup = page("book/m1-spectrum/01-wat-is-mentale-gezondheid")
    boxes = soup.select("div.exercise .admonition-title, div.solution .admonition-title")
    titles = [t.get_text(" ", strip=True) for t in boxes]
    assert titles and any(t.startswith("Opdracht 1") for t in titles), titles
    assert not any("Opgave" in t for t in titles), titles


def notebooks() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) | {"name": p.name} for p in sorted(EXERCISES.glob("*.ipynb"))]


def source_of(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def test_every_notebook_ends_with_the_same_help_lines():
    """The last cell ends with the same "Hulp nodig?" section in every notebook (a notebook may
    close with a few words of its own above it, in the same cell)."""
    last = {nb["name"]: nb["cells"][-1] for nb in notebooks()}
    assert all(c["cell_type"] == "markdown" for c in last.values())
    texts = {"## Hulp nodig?" + source_of(c).split("## Hulp nodig?")[-1] for c in last.values()}
    assert len(texts) == 1, "the help lines differ between notebooks"
    help_cell = texts.pop()
    assert all("## Hulp nodig?" in source_of(c) for c in last.values())
    page = (BOOK / "start" / "hulp.md").read_text(encoding="utf-8")
    numbers = re.findall(r"\b(?:0\d{2,3}-[\d ]{2,9}\d|11[23])\b", help_cell)
    assert {"113", "0800-0113", "0800-0432", "0900-1450", "0800-2000", "020-261 52 75", "112"} <= set(numbers)
    for number in numbers:
        assert number in page, f"{number} is in the notebooks' help cell but not on the help page"


def test_notebooks_link_only_to_the_web():
    """A downloaded notebook cannot follow a link into the repository or use MyST roles."""
    for nb in notebooks():
        for cell in nb["cells"]:
            if cell["cell_type"] != "markdown":
                continue
            src = source_of(cell)
            for target in re.findall(r"\]\(([^)]*)\)", src):
                assert target.startswith(("https://", "#")), f"{nb['name']}: link to {target}"
            assert not re.search(r"\{(?:doc|ref|term|cite)[:}]", src), f"{nb['name']}: a MyST role"

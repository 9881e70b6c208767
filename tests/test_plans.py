"""Lesson plans as data (course/plans.py): timing, shape, and every way a plan file can be bad.
No build needed: the loader works without Sphinx, with the course model for objectives and pages."""

from __future__ import annotations

import os
import re
from itertools import accumulate
from pathlib import Path

import pytest
import yaml
from conftest import COURSE, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course import plans

PLAN_DIR = ROOT / "book" / "trainers" / "draaiboeken"
PLANS = sorted(PLAN_DIR.glob("*.yml"))
FOUR_METHODS = {"plenair", "tweetallen", "kleine groepen", "individueel"}
INTRO = PLAN_DIR / "introductie-90.yml"
OBJECTIVES = {m.number: COURSE.objectives(m) for m in COURSE.modules}
DOCS = set(COURSE.docs())


def raw(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def activities(plan: dict):
    for session in plan["sessies"]:
        yield from session["activiteiten"]


def load(path: Path, **kwargs) -> plans.Plan:
    return plans.load_plan(path, OBJECTIVES, DOCS, **kwargs)


# --- the three plans ------------------------------------------------------------------------


def test_the_three_plans_have_the_stated_shape():
    found = {p.stem: raw(p) for p in PLANS}
    assert set(found) == {"introductie-90", "dagdeel", "reeks-4x2-uur"}
    assert found["introductie-90"]["duur"] == 90 and len(found["introductie-90"]["sessies"]) == 1
    assert found["dagdeel"]["duur"] == 210 and len(found["dagdeel"]["sessies"]) == 1
    assert [a["werkvorm"] for a in activities(found["dagdeel"])].count("pauze") == 1
    assert [s["duur"] for s in found["reeks-4x2-uur"]["sessies"]] == [120] * 4
    for m, session in enumerate(found["reeks-4x2-uur"]["sessies"], 1):
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
        if act["werkvorm"] in ("pauze", "buffer"):
            continue
        assert act["werkvorm"] in FOUR_METHODS, act["titel"]
        assert act["doelen"], act["titel"]
        assert act["notities"].strip(), act["titel"]
    plan = raw(path)
    for key in ("groepsgrootte", "ruimte", "online", "voorbereiding"):
        assert plan[key], key


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_the_loader_accepts_the_plans_and_computes_start_times(path):
    plan = load(path)
    data = raw(path)
    assert plan.duur == data["duur"]
    for session, raw_session in zip(plan.sessies, data["sessies"]):
        h, m = map(int, raw_session["begintijd"].split(":"))
        assert session.begintijd == h * 60 + m
        starts = [0, *accumulate(a["duur"] for a in raw_session["activiteiten"])][:-1]
        assert [a.start for a in session.activiteiten] == starts


def test_plan_text_is_text_and_doc_references_are_the_only_markup():
    segments = plans.parse_text("Zet {doc}`/book/start/hulp` klaar, "
                                "lees {doc}`het protocol </book/trainers/veiligheid>`"
                                " en <img src=x onerror=alert(1)> **niet vet** {term}`Spectrum`.")
    assert segments[1] == plans.DocRef("book/start/hulp", "")
    assert segments[3] == plans.DocRef("book/trainers/veiligheid", "het protocol")
    assert "<img src=x onerror=alert(1)> **niet vet** {term}`Spectrum`." in segments[4]
    assert plans.plain(segments, {"book/start/hulp": "Hulp nodig?"}).startswith("Zet Hulp nodig? klaar")


# --- broken plans: one Dutch line with file, line and field ------------------------------------


@pytest.mark.parametrize("old, new, expected, field", [
    ("        duur: 15\n        werkvorm: kleine groepen", "        duur: 10\n        werkvorm: kleine groepen",
     "de activiteiten duren samen 85 minuten, de sessie 90", "sessie 1"),
    ("werkvorm: tweetallen", "werkvorm: groepswerk", "onbekende werkvorm 'groepswerk'", "werkvorm"),
    ("doelen: [M1.2, M1.3]", "doelen: [M9.1]", "module 9 bestaat niet", "doelen"),
    ("doelen: [M1.2, M1.3]", "doelen: [M1.9]", "module 1 heeft 5 leerdoelen", "doelen"),
    ("pagina: /book/m2-lange-termijn/01-gemiddeld-of-problematisch", "pagina: /book/m2-bestaat-niet",
     "pagina '/book/m2-bestaat-niet' bestaat niet in het boek", "pagina"),
    ("        duur: 15\n        werkvorm: tweetallen", "        duur: tien\n        werkvorm: tweetallen",
     "'duur' moet een positief aantal minuten zijn", "duur"),
    ('begintijd: "13:30"', "begintijd: 13:30", "'begintijd' moet tussen aanhalingstekens, zoals begintijd: \"13:30\"",
     "begintijd"),
    ("{doc}`/book/start/hulp`", "{doc}`/book/start/bestaat-niet`",
     "de verwijzing naar de pagina '/book/start/bestaat-niet' bestaat niet", "voorbereiding"),
])
def test_a_broken_plan_is_refused_naming_file_line_and_field(tmp_path, old, new, expected, field):
    text = INTRO.read_text(encoding="utf-8")
    assert old in text, "the fixture plan changed: update this test"
    broken = tmp_path / "kapot.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(plans.DraaiboekError) as info:
        load(broken)
    message = str(info.value)
    assert expected in message and "kapot.yml" in message, message
    assert "\n" not in message
    before = text[: text.index(old)]
    if field == "sessie 1":  # a session's total: the line where the session starts
        line = before.rindex("  - titel: Introductieworkshop")
    else:  # the line of the field itself
        line = len(before) + (old.index(field) if field in old else 0)
        line = text.rindex("\n", 0, line) + 1 if "\n" in text[:line] else 0
        if field == "voorbereiding":
            line = len(before)
    assert f"regel {text[:line].count(chr(10)) + 1}" in message, message
    assert f"({'sessie 1' if field != 'voorbereiding' else 'voorbereiding'}" in message


def test_an_unknown_worksheet_is_refused_with_its_own_line(tmp_path):
    text = INTRO.read_text(encoding="utf-8")
    broken = tmp_path / "kapot.yml"
    broken.write_text(text.replace("werkblad: m1-casus-noor", "werkblad: m1-casus-niemand"), encoding="utf-8")
    with pytest.raises(plans.DraaiboekError) as info:
        load(broken, worksheets={"m1-casus-greet"})
    line = text[: text.index("werkblad: m1-casus-noor")].count("\n") + 1
    assert f"regel {line}" in str(info.value) and "werkblad 'm1-casus-niemand' bestaat niet" in str(info.value)


def test_the_total_of_the_sessions_must_match_the_plan(tmp_path):
    broken = tmp_path / "totaal.yml"
    broken.write_text(INTRO.read_text(encoding="utf-8").replace("duur: 90\ngroepsgrootte", "duur: 120\ngroepsgrootte"),
                      encoding="utf-8")
    with pytest.raises(plans.DraaiboekError, match="de sessies duren samen 90 minuten, het draaiboek 120"):
        plans.load_plan(broken)


LAUGHS = "a: &a [\"lol\", \"lol\", \"lol\"]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


@pytest.mark.parametrize("content, expected", [
    (LAUGHS, "gebruik geen ankers (&naam)"),
    ("duur: 90\nduur: 80\n", "de sleutel 'duur' staat er twee keer"),
    ("duur: 90\n12: twaalf\n", "sleutel '12' moet een woord zijn"),
    ("duur: " + "9" * 5000 + "\n", "is te groot"),
    ("a: " + "[" * 3000 + "]" * 3000 + "\n", "dieper genest"),
    ("", "het bestand is leeg"),
    ("- een\n- lijst\n", "het bestand moet een lijst van sleutels zijn"),
    ("duur: [90\n", "geen geldige YAML"),
    ("duur: 90\nruimtes: groot\n", "onbekende sleutel(s) ruimtes"),
])
def test_hostile_or_unlucky_yaml_gives_one_dutch_line(tmp_path, content, expected):
    path = tmp_path / "plan.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(plans.DraaiboekError) as info:
        plans.load_plan(path)
    assert expected in str(info.value) and "plan.yml" in str(info.value), str(info.value)
    assert "\n" not in str(info.value) and len(str(info.value)) < 400


def test_files_that_are_not_plans_give_one_dutch_line(tmp_path):
    latin = tmp_path / "latin.yml"
    latin.write_bytes("duur: 90\nruimte: café\n".encode("latin-1"))
    big = tmp_path / "groot.yml"
    big.write_text("# " + "x" * (plans.MAX_BYTES + 10) + "\n", encoding="utf-8")
    fifo = tmp_path / "pijp.yml"
    os.mkfifo(fifo)
    for path, expected in ((latin, "niet in UTF-8"), (tmp_path, "geen gewoon bestand"),
                           (tmp_path / "nergens.yml", "bestand niet gevonden"), (big, "groter dan"),
                           (fifo, "geen gewoon bestand")):
        with pytest.raises(plans.DraaiboekError, match=re.escape(expected)):
            plans.load_plan(path)


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_text_gives_a_plan_or_one_dutch_line(tmp_path, content):
    path = tmp_path / "willekeurig.yml"
    path.write_text(content, encoding="utf-8")
    try:
        plans.load_plan(path)
    except plans.DraaiboekError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("draaiboek ")


@settings(max_examples=100, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
                    lambda children: st.lists(children, max_size=4)
                    | st.dictionaries(st.sampled_from(["duur", "sessies", "titel", "activiteiten", "werkvorm",
                                                       "doelen", "materiaal", "begintijd", "x"]), children, max_size=5),
                    max_leaves=25))
def test_any_yaml_structure_gives_a_plan_or_one_dutch_line(tmp_path, data):
    path = tmp_path / "structuur.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        plans.load_plan(path, OBJECTIVES, DOCS)
    except plans.DraaiboekError as exc:
        assert "\n" not in str(exc)


# --- the rules of the room (issue 25): rounds, one werkvorm, forms, confidentiality, the two routes ----------


def _broken(tmp_path, old: str, new: str, count: int = 1) -> tuple[str, Path]:
    text = INTRO.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"the fixture plan changed: update this test ({old!r})"
    broken = tmp_path / "kapot.yml"
    broken.write_text(text.replace(old, new, count), encoding="utf-8")
    return text, broken


def _refused(path: Path) -> str:
    with pytest.raises(plans.DraaiboekError) as info:
        load(path)
    message = str(info.value)
    assert "\n" not in message and "kapot.yml" in message, message
    return message


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_every_round_where_everyone_speaks_fits_the_largest_group(path):
    plan = load(path)
    most = plan.deelnemers[1]
    rounds = [a for a in plan.activities if a.ronde == "iedereen"]
    assert rounds, "every plan opens with a round"
    for act in rounds:
        assert act.duur * 60 >= most * plans.ROUND_SECONDS, (act.titel, act.duur, most)
    for act in plan.activities:
        said = plans.plain(act.opdracht) + " " + plans.plain(act.notities)
        if plans.ROUND_WORDS.search(said):
            assert act.ronde, act.titel


def test_a_round_of_sixteen_does_not_fit_five_minutes(tmp_path):
    """The review's closing: a round of 16 people (16 x 20 s = 5 min 20 s) in a five-minute slot."""
    text, broken = _broken(tmp_path, "        duur: 10\n        werkvorm: plenair\n        ronde: wie wil",
                           "        duur: 5\n        werkvorm: plenair\n        ronde: iedereen")
    text = broken.read_text(encoding="utf-8").replace("      - titel: Buffer\n        duur: 5",
                                                      "      - titel: Buffer\n        duur: 10")
    broken.write_text(text, encoding="utf-8")
    message = _refused(broken)
    assert "bij 16 deelnemers minstens 6 minuten" in message and "de activiteit duurt 5" in message, message
    line = text[: text.index("        ronde: iedereen\n        doelen: [M1.5")].count("\n") + 1
    assert f"regel {line} " in message and "Afsluiting" in message and "ronde)" in message, message
    # the same slot holds a round when the group is small enough (8 x 20 s), so the rule reads the group size
    smaller = text.replace("deelnemers: {minimaal: 8, maximaal: 16}", "deelnemers: {minimaal: 8, maximaal: 15}")
    broken.write_text(smaller, encoding="utf-8")
    load(broken)


def test_a_round_in_the_text_must_say_who_speaks(tmp_path):
    _text, broken = _broken(tmp_path, "        ronde: iedereen\n", "")
    message = _refused(broken)
    assert "er staat een ronde in" in message and "Welkom en afspraken" in message, message


def test_a_pair_has_no_observer_and_names_one_werkvorm(tmp_path):
    """The review's Sanne role-play: 'werkvorm: tweetallen' with an observer is refused, and so is a
    pair's task that speaks of trios."""
    feel = "                Let erop welke vraag prettig voelt.\n"
    observer = (feel, feel + "          waarnemer: Luister en vertel het na afloop.\n")
    _text, broken = _broken(tmp_path, *observer)
    message = _refused(broken)
    assert "geen waarnemer" in message and "Het gesprek met Sanne" in message, message
    _text, broken = _broken(tmp_path, "Een van jullie is Sanne, de ander de professional.",
                            "Werk in drietallen: Sanne, de professional en een waarnemer.")
    message = _refused(broken)
    assert "de werkvorm is 'tweetallen', maar de tekst noemt 'drietallen'" in message, message
    # with the werkvorm that matches, the observer is fine
    text = broken.read_text(encoding="utf-8").replace("        duur: 12\n        werkvorm: tweetallen",
                                                      "        duur: 12\n        werkvorm: kleine groepen")
    broken.write_text(text, encoding="utf-8")
    load(broken)


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_each_activity_names_one_werkvorm_and_says_what_to_cut(path):
    plan = load(path)
    for act in plan.activities:
        assert plans.room_problems(act, plan.deelnemers[1]) == [], act.titel
        if act.rollen and act.werkvorm == "tweetallen":
            assert len(act.rollen) == 2 and not act.waarnemer, act.titel
        if not act.is_break:
            assert plans.plain(act.schrappen).strip(), act.titel
    for session in plan.sessies:
        assert 1 <= len(session.leerdoelen) <= 4, session.titel


def test_an_activity_without_what_to_cut_or_with_five_goals_is_refused(tmp_path):
    greet = "        schrappen: >\n          De vraag aan de groep: lees Greet voor en ga meteen naar de lijn"
    _text, broken = _broken(tmp_path, greet + " en de drie vragen.\n", "")
    message = _refused(broken)
    assert "ontbrekende sleutel(s): schrappen" in message and "Mentale gezondheid: een spectrum" in message, message
    _text, broken = _broken(tmp_path, "    leerdoelen:\n", "    leerdoelen:\n      - \"Nog een doel.\"\n")
    assert "één tot vier leerdoelen" in _refused(broken)


@pytest.mark.parametrize("form", [plans.ATTENDANCE, plans.EVALUATION])
def test_the_attendance_list_and_the_evaluation_are_scheduled(tmp_path, form):
    _text, broken = _broken(tmp_path, f"          - formulier: {form}\n", "")
    message = _refused(broken)
    assert f"plan de {form} in" in message and "(sessie 1)" in message, message


@pytest.mark.parametrize("old, new", [
    ("blijft in de groep,\n          behalve als iemand in gevaar is, want dan zoek ik samen met die persoon hulp;",
     "blijft hier;"),
    ("Leg de presentielijst", "Gaat het om een minderjarige? Volg de meldcode. Leg de presentielijst"),
    ("Leg de presentielijst", "Zorg over zelfbeschadiging of huiselijk geweld: volg de meldcode. Leg de"
                              " presentielijst"),
])
def test_an_unsafe_agreement_or_a_mixed_up_route_is_refused(tmp_path, old, new):
    _text, broken = _broken(tmp_path, old, new)
    message = _refused(broken)
    assert "Welkom en afspraken" in message and "notities" in message, message
    expected = "geen uitzondering" if "blijft hier" in new else "de meldcode is voor huiselijk geweld"
    assert expected in message, message


def test_the_two_routes_rule_on_the_review_sentences():
    """The sentences the review quotes fail; the fixes it proposes pass."""
    assert plans.safety_problems("Wat hier gezegd wordt, blijft hier.")
    assert plans.safety_problems("Gaat het om een minderjarige of om onveiligheid thuis? Volg de meldcode.")
    assert not plans.safety_problems("Wat hier gezegd wordt, blijft in de groep, behalve als iemand in gevaar is; "
                                     "dan zoek ik samen met die persoon hulp.")
    assert not plans.safety_problems("Vermoed je huiselijk geweld of kindermishandeling? Meldcode, "
                                     "aandachtsfunctionaris, Veilig Thuis 0800-2000.")
    assert not plans.safety_problems("Zorg over een leerling (somberheid, zelfbeschadiging)? Volg het zorgprotocol van "
                                     "je school: zorgcoördinator, ouders, jeugdarts.")
    assert not plans.safety_problems("Beloof niet dat je alles geheimhoudt.")


def test_the_safety_protocol_keeps_the_agreement_and_the_two_routes_apart():
    """The trainers' protocol (book/trainers/veiligheid.md), item by item: the agreement has its
    exception, the meldcode is for domestic violence and child abuse, the care route is its own item."""
    source = (ROOT / "book" / "trainers" / "veiligheid.md").read_text(encoding="utf-8")
    items = [line[2:] for line in source.splitlines() if line.startswith("- ")]
    assert items
    for item in items:
        assert plans.safety_problems(item) == [], item
    meldcode = [i for i in items if "meldcode" in i]
    care = [i for i in items if "zorgcoördinator" in i]
    assert len(meldcode) == 1 and "Veilig Thuis" in meldcode[0] and "kindermishandeling" in meldcode[0]
    assert len(care) == 1 and "ouders" in care[0] and "zelfbeschadiging" in care[0] and "meldcode" not in care[0]
    assert any("behalve als iemand in gevaar is" in i for i in items)

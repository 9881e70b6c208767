"""The final test's item bank as data (course/toets.py, book/afronden/vragen/*.yml): the loader's
line-precise Dutch messages for every way a file can be bad, the blueprint (toetsmatrijs), and the
item-writing rules (course/cues.py). Every rule has a control that shows it can fail. No build needed."""

from __future__ import annotations

import dataclasses
import json
import re
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import COURSE, ROOT
from test_content import CAST, all_names, helper_names

from course import cues, toets

OBJECTIVES = {m.number: COURSE.objectives(m) for m in COURSE.modules}
DOCS = set(COURSE.docs())
BANK = toets.load_bank(objectives=OBJECTIVES, docs=DOCS)
SETTINGS = toets.settings()


def load(tmp_path: Path, text: str, name: str = "m2.yml") -> list[toets.Unit]:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return toets.load_file(path, OBJECTIVES, DOCS, name=name)


def message(tmp_path: Path, text: str, name: str = "m2.yml") -> str:
    with pytest.raises(toets.ToetsError) as info:
        load(tmp_path, text, name)
    return str(info.value)


GOOD = """\
module: 2
vragen:
  - id: E-M2-01
    type: enkel
    doel: M2.1
    niveau: toepassing
    vraag: "Een vraag?"
    opties:
      - {tekst: "Een", feedback: "Waarom een."}
      - {tekst: "Twee", feedback: "Waarom twee."}
      - {tekst: "Drie", feedback: "Waarom drie."}
    sleutel: B
    herlees: book/m2-lange-termijn/01-gemiddeld-of-problematisch
"""


# --- the loader ----------------------------------------------------------------------------------


def test_a_good_file_loads_with_its_lines(tmp_path):
    (unit,) = load(tmp_path, GOOD)
    (q,) = unit.vragen
    assert (q.id, q.module, q.doel, q.niveau, q.type, q.sleutel) == ("E-M2-01", 2, "M2.1", "toepassing", "enkel", (1,))
    assert [o.tekst for o in q.opties] == ["Een", "Twee", "Drie"]
    assert q.regel == 3 and unit.regel == 3


def test_the_bank_loads_with_every_check_on():
    assert BANK.modules() == [m.number for m in COURSE.modules]
    ids = [q.id for q in BANK.questions]
    assert len(ids) == len(set(ids))
    assert all(toets.ID.match(i) for i in ids)


@pytest.mark.parametrize("change, expected", [
    # an unknown key (a typo) names the key, what is allowed, and the line
    (lambda t: t.replace("    niveau: toepassing", "    nivo: toepassing"),
     "m2.yml, regel 3 (vraag 1 E-M2-01): onbekende sleutel(s) nivo"),
    (lambda t: t.replace("sleutel: B", "sleutel: D"),
     "m2.yml, regel 12 (vraag 1 E-M2-01, sleutel): de sleutel D is geen van de opties (er zijn 3: A tot C)"),
    (lambda t: t.replace("sleutel: B", "sleutel: [A, B]"),
     "regel 12 (vraag 1 E-M2-01, sleutel): een vraag van type enkel heeft precies één sleutel"),
    (lambda t: t.replace("type: enkel", "type: meer"),
     "regel 12 (vraag 1 E-M2-01, sleutel): een vraag van type meer heeft twee of meer sleutels"),
    (lambda t: t.replace("type: enkel", "type: open"),
     "regel 4 (vraag 1 E-M2-01, type): onbekend type 'open'; kies uit enkel, meer, casus"),
    (lambda t: t.replace("niveau: toepassing", "niveau: moeilijk"),
     "regel 6 (vraag 1 E-M2-01, niveau): onbekend niveau 'moeilijk'"),
    (lambda t: t.replace("doel: M2.1", "doel: M3.1"),
     "regel 5 (vraag 1 E-M2-01, doel): doel M3.1 hoort niet bij module 2"),
    (lambda t: t.replace("doel: M2.1", "doel: M2.9"),
     "regel 5 (vraag 1 E-M2-01, doel): doel M2.9: module 2 heeft 5 leerdoelen"),
    (lambda t: t.replace("id: E-M2-01", "id: E-M3-01"),
     "regel 3 (vraag 1 E-M3-01, id): het id E-M3-01 hoort niet bij module 2"),
    (lambda t: t.replace("id: E-M2-01", "id: M2-1"),
     "regel 3 (vraag 1 M2-1, id): 'id' moet een id zijn zoals E-M2-04"),
    (lambda t: t.replace("01-gemiddeld-of-problematisch", "99-bestaat-niet"),
     "regel 13 (vraag 1 E-M2-01, herlees): de pagina 'book/m2-lange-termijn/99-bestaat-niet' bestaat niet in het boek"),
    (lambda t: t.replace('{tekst: "Twee", feedback: "Waarom twee."}', '{tekst: "Twee"}'),
     "regel 10 (vraag 1 E-M2-01, optie B): ontbrekende sleutel(s): feedback"),
    (lambda t: t.replace('tekst: "Drie"', 'tekst: "Een"'),
     "regel 9 (vraag 1 E-M2-01, opties): twee opties hebben dezelfde tekst"),
    (lambda t: t.replace('      - {tekst: "Drie", feedback: "Waarom drie."}\n', ""),
     "regel 9 (vraag 1 E-M2-01, opties): 'opties' moet een lijst van 3 tot 5 opties zijn"),
    (lambda t: t.replace('vraag: "Een vraag?"', "vraag: 12"),
     "regel 7 (vraag 1 E-M2-01, vraag): 'vraag' moet een tekst zijn, niet 12"),
    (lambda t: t.replace("    herlees:", "    type: meer\n    herlees:"),
     "regel 13 (vraag 1): de sleutel 'type' staat er twee keer"),
    (lambda t: t.replace("  - id: E-M2-01", "  - &een\n    id: E-M2-01"),
     "regel 3: gebruik geen ankers (&naam) in de vragenbank"),
    (lambda t: t.replace("module: 2", "module: twee"),
     "regel 1 (module): 'module' moet het nummer van de module zijn"),
    (lambda t: t + "  - id: E-M2-01\n", "regel 14 (vraag 2 E-M2-01): ontbrekende sleutel(s): type"),
    (lambda t: "", "het bestand is leeg"),
    (lambda t: t.replace("opties:", "opties: [\n"), "geen geldige YAML"),
])
def test_every_bad_file_gives_a_line_precise_dutch_message(tmp_path, change, expected):
    found = message(tmp_path, change(GOOD))
    assert expected in found, found
    assert found.startswith("vragenbank m2.yml"), found


def test_a_case_needs_two_or_three_parts_and_its_parts_get_ids(tmp_path):
    case = GOOD.replace("""    type: enkel
    doel: M2.1""", """    type: casus
    situatie: "Een nieuwe situatie."
    deelvragen:
      - type: enkel
        doel: M2.1""")
    case = re.sub(r"(\n    )(niveau|vraag|opties|sleutel|herlees)", r"\n        \2", case)
    case = case.replace("\n      - {tekst", "\n          - {tekst")
    part = case.split("      - type: enkel\n", 1)[1]
    two = case + "      - type: enkel\n" + part
    (unit,) = load(tmp_path, two)
    assert unit.type == "casus" and [q.id for q in unit.vragen] == ["E-M2-01a", "E-M2-01b"]
    assert all(q.casus == "E-M2-01" for q in unit.vragen)
    found = message(tmp_path, case)
    assert "regel 7 (vraag 1 E-M2-01, deelvragen): 'deelvragen' moet een lijst van 2 of 3 deelvragen zijn" in found
    found = message(tmp_path, two.replace("situatie:", "situatie: x\n    stem:"))
    assert "onbekende sleutel(s) stem" in found


def test_duplicate_ids_across_files_name_both_places(tmp_path):
    (tmp_path / "m1.yml").write_text(GOOD.replace("module: 2", "module: 1").replace("E-M2-01", "E-M1-01")
                                     .replace("doel: M2.1", "doel: M1.1"), encoding="utf-8")
    (tmp_path / "m2.yml").write_text(GOOD + GOOD.split("vragen:\n", 1)[1], encoding="utf-8")
    with pytest.raises(toets.ToetsError, match=r"m2.yml, regel 14 \(E-M2-01\): het id E-M2-01 staat er twee keer "
                                               r"\(ook in .*m2.yml, regel 3\)"):
        toets.load_bank(tmp_path, OBJECTIVES, DOCS)
    (tmp_path / "m2.yml").write_text(GOOD, encoding="utf-8")
    assert len(toets.load_bank(tmp_path, OBJECTIVES, DOCS).units) == 2


def test_markup_in_the_text_stays_text(tmp_path):
    hostile = '<script>alert(1)</script> **vet** {doc}`/book/start/hulp` &amp;'
    (unit,) = load(tmp_path, GOOD.replace('"Een vraag?"', yaml.safe_dump(hostile).strip().split("\n")[0])
                   .replace('"Waarom een."', '"<img src=x onerror=alert(1)>"'))
    assert unit.vragen[0].vraag == hostile
    assert unit.vragen[0].opties[0].feedback == "<img src=x onerror=alert(1)>"


def test_the_file_must_be_utf8_and_regular(tmp_path):
    path = tmp_path / "m2.yml"
    path.write_bytes(GOOD.replace("Een vraag?", "Caf\xe9?").encode("latin-1"))
    with pytest.raises(toets.ToetsError, match="regel 7: het bestand is niet in UTF-8 opgeslagen"):
        toets.load_file(path, name="m2.yml")
    with pytest.raises(toets.ToetsError, match="geen gewoon bestand"):
        toets.load_file(tmp_path, name="map")


# --- settings ------------------------------------------------------------------------------------


def test_settings_come_from_config_and_are_checked():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["sphinx"]["config"]["cursus_eindtoets"] == {"lengte": 20, "cesuur": 0.7}
    assert SETTINGS == {"lengte": 20, "cesuur": 0.7}
    assert toets.check_settings({}) == toets.DEFAULTS
    for bad, words in [({"lengte": 0}, "lengte moet een heel aantal"), ({"cesuur": 70}, "cesuur moet een deel"),
                       ({"lengte": True}, "lengte"), ({"slaaggrens": 0.5}, "onbekende sleutel(s) slaaggrens")]:
        with pytest.raises(toets.ToetsError, match=re.escape(words)):
            toets.check_settings(bad)


def test_pass_score_and_quota():
    assert toets.pass_score(20, 0.7) == 14
    assert toets.pass_score(10, 0.65) == 7
    assert toets.quota(4, 20) == [5, 5, 5, 5]
    assert toets.quota(4, 18) == [5, 5, 4, 4]
    assert toets.max_knowledge(5) == 2 and toets.max_knowledge(4) == 1


# --- the blueprint (toetsmatrijs) ------------------------------------------------------------------


def blueprint_problems(bank: toets.Bank, length: int) -> list[str]:
    out = []
    questions = bank.questions
    for module, texts in OBJECTIVES.items():
        for n in range(1, len(texts) + 1):
            count = sum(q.doel == f"M{module}.{n}" for q in questions)
            if count < 2:
                out.append(f"objective M{module}.{n} has {count} items (at least 2)")
    if len(questions) < 3 * length:
        out.append(f"the bank holds {len(questions)} items, less than 3 x {length}")
    quotas = toets.quota(len(OBJECTIVES), length)
    for module, quota in zip(sorted(OBJECTIVES), quotas):
        mine = [q for q in questions if q.module == module]
        applied = [q for q in mine if q.niveau in toets.APPLIED]
        # Two draws without a shared item, each with at most max_knowledge 'kennis' items.
        if len(mine) < 2 * quota:
            out.append(f"module {module}: {len(mine)} items, too few for a retake with other items")
        if len(applied) < 2 * (quota - toets.max_knowledge(quota)):
            out.append(f"module {module}: {len(applied)} applied items, too few for two draws of 60 %")
    applied_share = sum(q.niveau in toets.APPLIED for q in questions) / len(questions)
    if applied_share < toets.MIN_APPLIED:
        out.append(f"only {applied_share:.0%} of the bank is toepassing/inzicht")
    return out


def test_the_bank_meets_the_blueprint():
    assert blueprint_problems(BANK, SETTINGS["lengte"]) == []


def test_control_the_blueprint_rules_can_fail():
    first = BANK.questions[0]
    without = toets.Bank(tuple(u for u in BANK.units if first.doel not in {q.doel for q in u.vragen}))
    found = blueprint_problems(without, SETTINGS["lengte"])
    assert any(f"objective {first.doel} has 0 items" in p for p in found), found
    assert any("less than 3 x 40" in p for p in blueprint_problems(BANK, 40))
    knowledge = toets.Bank(tuple(dataclasses.replace(u, vragen=tuple(dataclasses.replace(q, niveau="kennis")
                                                                     for q in u.vragen)) for u in BANK.units))
    found = blueprint_problems(knowledge, SETTINGS["lengte"])
    assert any("too few for two draws of 60 %" in p for p in found) and any("toepassing/inzicht" in p for p in found)


def test_cases_are_new_situations():
    names = set(all_names(CAST)) | set(helper_names())
    texts = [u.situatie for u in BANK.units if u.type == "casus"]
    assert len(texts) >= len(OBJECTIVES), "every module has at least one case"
    assert case_name_problems(texts + [q.vraag for q in BANK.questions], names) == []


def case_name_problems(texts: list[str], names: set[str]) -> list[str]:
    return [f"{name} from the course text appears in: {text[:50]}" for text in texts for name in names
            if re.search(rf"\b{re.escape(name)}\b", text)]


def test_control_a_case_with_a_course_name_fails():
    assert case_name_problems(["Noor (16) vertelt haar mentor ..."], set(all_names(CAST)))


# --- the item-writing rules (CONTRIBUTING, "Writing test items") -----------------------------------


def items(bank: toets.Bank) -> list[cues.Item]:
    return [q.cue_item() for q in bank.questions]


def test_form_does_not_give_the_key_away():
    assert cues.problems(items(BANK)) == []


@pytest.mark.parametrize("module", sorted(OBJECTIVES))
def test_form_does_not_give_the_key_away_within_a_module(module):
    # A draw takes a quarter of its items from each module: the rule holds there too.
    assert cues.problems([q.cue_item() for q in BANK.questions if q.module == module]) == []


def test_control_a_bank_with_the_longest_option_as_key_fails():
    def longest_of(i: cues.Item) -> int:
        return max(range(len(i.options)), key=lambda k: cues.length(i.options[k]))

    longest = [cues.Item(i.id, i.options, frozenset({longest_of(i)})) for i in items(BANK)]
    assert any("longest" in p for p in cues.problems(longest))


def careful_wrong(item: cues.Item) -> bool:
    """A wrong option sounds at least as careful as every key (and careful at all)."""
    care = [cues.care(o) for o in item.options]
    best_key = max(care[k] for k in item.keys)
    return any(care[i] >= max(best_key, 1) for i in range(len(care)) if i not in item.keys)


def test_in_a_third_of_the_items_a_careful_sounding_option_is_wrong():
    found = items(BANK)
    assert sum(careful_wrong(i) for i in found) >= len(found) / 3


def test_control_careful_wrong_can_fail():
    assert not careful_wrong(cues.Item("x", ("Samen bespreken kan helpen.", "Stop meteen.", "Het ligt aan de toets."),
                                       frozenset({0})))


def reason_problems(found: list[cues.Item]) -> list[str]:
    return [i.id for i in found if 0 < sum(cues.has_reason(o) for o in i.options) < len(i.options)]


def test_every_option_gives_a_reason_or_none_does():
    assert reason_problems(items(BANK)) == []
    assert reason_problems([cues.Item("x", ("Ja, want het is zo.", "Nee.", "Soms."), frozenset({0}))]) == ["x"]


def test_every_option_has_its_own_feedback_and_the_key_says_juist():
    for q in BANK.questions:
        for n, option in enumerate(q.opties):
            assert option.feedback.startswith("Juist." if n in q.sleutel else "Niet juist."), (q.id, n)


# --- what the build writes for the browser -----------------------------------------------------------


def test_the_page_data_cannot_end_its_script():
    from course.sphinxext import eindtoets

    text = eindtoets.script_text({"vraag": "</script><script>alert(1)</script> & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert text.startswith("window.CURSUS_EINDTOETS = {") and text.endswith(";\n")
    body = text.removeprefix("window.CURSUS_EINDTOETS = ").rstrip().rstrip(";")
    assert json.loads(body) == {"vraag": "</script><script>alert(1)</script> & \u2028"}


def test_objectives_are_plain_text_for_the_ratings():
    found = toets.objectives_list(OBJECTIVES)
    assert [o["code"] for o in found][:2] == ["M1.1", "M1.2"] and len(found) == sum(map(len, OBJECTIVES.values()))
    assert toets.plain_objective("de {term}`Social Media Disorder Scale` en haar {term}`afkappunten <afkappunt>`") \
        == "de Social Media Disorder Scale en haar afkappunten"
    assert not any("{" in o["tekst"] or "`" in o["tekst"] for o in found)


def test_the_pages_say_the_length_and_pass_mark_the_settings_give():
    words = {20: "twintig", 16: "zestien", 24: "vierentwintig", 30: "dertig"}
    for page in ("eindtoets", "index"):
        text = (ROOT / "book" / "afronden" / f"{page}.md").read_text(encoding="utf-8")
        assert f"{words[SETTINGS['lengte']]} vragen" in text.lower(), page
        assert f"{round(SETTINGS['cesuur'] * 100)}% of meer goed" in text, page


def bank_spelling(bank: toets.Bank) -> list[str]:
    from tools.quality import spelling

    checker = spelling.Checker()
    out = []
    for u in bank.units:
        texts = [u.situatie] + [t for q in u.vragen for t in (q.vraag, *(o.tekst for o in q.opties),
                                                              *(o.feedback for o in q.opties))]
        for t in texts:
            out += [f"{u.id}: {w}" for w in checker.unknown_words(re.sub(r"\b[\w-]+\.nl\b", "", t))]
    return out


def test_the_bank_is_spelled_in_dutch():
    assert bank_spelling(BANK) == []
    unit = BANK.units[0]
    typo = dataclasses.replace(unit, situatie="Een jongere die steeds zit te piekerd.")
    assert bank_spelling(toets.Bank((typo,))) == [f"{unit.id}: piekerd"]


def test_a_bad_bank_fails_the_build_with_the_loaders_message(tmp_path):
    from test_extension import TOC, build, make_book

    toc = TOC + "  - caption: Afronden\n    chapters:\n      - file: book/afronden/eindtoets\n"
    bank = (GOOD.replace("module: 2", "module: 1").replace("E-M2-01", "E-M1-01").replace("doel: M2.1", "doel: M1.1")
            .replace("book/m2-lange-termijn/01-gemiddeld-of-problematisch", "book/afronden/eindtoets"))
    page = "# Eindtoets\n\nDe toets.\n"
    src = make_book(tmp_path, {"_toc.yml": toc, "book/afronden/eindtoets.md": page,
                               "book/afronden/vragen/m1.yml": bank.replace("sleutel: B", "sleutel: D")})
    _, warnings = build(src)
    assert ("vragenbank book/afronden/vragen/m1.yml, regel 12 (vraag 1 E-M1-01, sleutel): de sleutel D is geen "
            "van de opties") in warnings, warnings
    (src / "book/afronden/vragen/m1.yml").write_text(bank, encoding="utf-8")
    app, warnings = build(src)
    assert "vragenbank" not in warnings
    data = (Path(app.outdir) / "_static" / "cursus-eindtoets.js").read_text(encoding="utf-8")
    found = json.loads(data.removeprefix("window.CURSUS_EINDTOETS = ").rstrip().rstrip(";"))
    (question,) = found["eenheden"][0]["vragen"]
    assert question["id"] == "E-M1-01" and question["herlees"]["titel"] == "Eindtoets"
    page_html = (Path(app.outdir) / "book" / "afronden" / "eindtoets.html").read_text(encoding="utf-8")
    assert "cursus-eindtoets.js" in page_html and "cursus-toets.js" in page_html

"""tools.itemanalyse on generated data with known properties, a hand-worked example, both
export formats, and bad input."""

from __future__ import annotations

import json
import math
import random

import pytest

from tools import itemanalyse as ia

LETTERS = "abcd"


def simulate(n_learners=600, seed=7, draw=None, planted=True):
    """Learners with ability ~ N(0, 1) answer 4-option items (key "a") under a 2PL model.
    Planted items: EASY, HARD, KEYERR (negative discrimination), DEAD (option c never chosen),
    ATTRACT (option b draws more than the key). ``draw``: items per learner (random draws)."""
    rng = random.Random(seed)
    items = {f"N{i:02d}": (1.6, -0.6 + 1.2 * i / 11) for i in range(12)}   # (discrimination, difficulty)
    if planted:
        items.update({"EASY": (1.6, -4.0), "HARD": (1.6, 3.5), "KEYERR": (-1.5, 0.0), "DEAD": (1.6, 0.0),
                      "ATTRACT": (1.6, 0.3)})
    learners, expected = {}, {k: 0.0 for k in items}
    for n in range(n_learners):
        theta = rng.gauss(0, 1)
        chosen = sorted(items) if draw is None else sorted(rng.sample(sorted(items), draw))
        answers = []
        for item in chosen:
            a, b = items[item]
            p = 1 / (1 + math.exp(-a * (theta - b)))
            expected[item] += p / n_learners if draw is None else 0
            right = rng.random() < p
            if right:
                response = "a"
            elif item == "DEAD":
                response = rng.choice("bd")
            elif item == "ATTRACT":
                response = "b" if rng.random() < 0.8 else rng.choice("cd")
            else:
                response = rng.choice("bcd")
            answers.append(ia.Answer(item, response, right))
        learners[f"leerling-{n}"] = answers
    return learners, expected


def by_item(results):
    return {r.item: r for r in results}


def test_hand_worked_example():
    rows = {"L1": "111", "L2": "110", "L3": "100", "L4": "000"}
    learners = {name: [ia.Answer(f"V{i}", "a" if s == "1" else "b", s == "1") for i, s in enumerate(row)]
                for name, row in rows.items()}
    results, alpha, method = ia.analyse(learners)
    r = by_item(results)
    assert [r[f"V{i}"].p for i in range(3)] == [0.75, 0.5, 0.25]
    assert r["V0"].rest_r == pytest.approx(0.375 / math.sqrt(0.75 * 0.6875))
    assert alpha == pytest.approx(0.75) and method == "klassiek"
    assert r["V0"].options == {"a": 3, "b": 1} and r["V0"].key == "a"


def test_generated_data_p_values_and_flags():
    learners, expected = simulate()
    results, alpha, _ = ia.analyse(learners, options=4)
    r = by_item(results)
    for item, p in expected.items():
        assert r[item].p == pytest.approx(p, abs=0.05), item
    def flagged(word):
        return {x.item for x in results if any(word in f for f in x.flags)}
    assert flagged("makkelijk") == {"EASY"}
    assert flagged("moeilijk") == {"HARD"}
    assert flagged("negatieve item-restcorrelatie") == {"KEYERR"}
    # on the easy item every distractor is rare, which is true as well
    assert flagged("optie c wordt bijna nooit gekozen") - {"EASY"} == {"DEAD"}
    # on the hard item each distractor draws more than the key, which is true as well
    assert flagged("optie b trekt meer") - {"HARD"} == {"ATTRACT"}
    assert not any(x.flags for x in results if x.item.startswith("N")), [x.flags for x in results if x.flags]
    assert r["KEYERR"].rest_r < 0 < min(r[f"N{i:02d}"].rest_r for i in range(12))
    assert 0.6 < alpha < 0.95


def test_alpha_rises_with_discrimination_and_random_draws_match_spearman_brown():
    complete, _ = simulate(n_learners=800, planted=False)
    _, alpha_full, method = ia.analyse(complete)
    assert method == "klassiek"
    # control: pure noise items give an alpha near 0
    rng = random.Random(3)
    noise = {f"l{n}": [ia.Answer(f"N{i:02d}", "a", rng.random() < 0.5) for i in range(12)] for n in range(800)}
    _, alpha_noise, _ = ia.analyse(noise)
    assert abs(alpha_noise) < 0.15 < alpha_full
    # learners who draw 6 of the 12 items: the standardised alpha for k = 6 agrees with the full
    # test's alpha shortened to 6 items (Spearman-Brown)
    drawn, _ = simulate(n_learners=1500, planted=False, draw=6, seed=11)
    _, alpha_drawn, method = ia.analyse(drawn)
    assert method.startswith("gestandaardiseerd (k = 6")
    shortened = 0.5 * alpha_full / (1 - 0.5 * alpha_full)
    assert alpha_drawn == pytest.approx(shortened, abs=0.06)


def test_first_answer_per_item_counts():
    learners = {"x": [ia.Answer("V1", "b", False), ia.Answer("V1", "a", True)]}
    assert ia.first_answers(learners)["x"]["V1"].right is False


def moodle_text(learners, delimiter="\t", dutch=False, retake=None):
    """Moodle's interactions report as downloaded (its columns; one row per learner and attempt)."""
    width = max(len(a) for a in learners.values())
    q, resp, right, res = ("Vraag", "Antwoord", "Juiste antwoord", "Resultaat") if dutch else \
        ("Question", "Response", "Right answer", "Result")
    head = ["Naam" if dutch else "Name", "Poging" if dutch else "Attempt", "Started on", "Last accessed on", "Score",
            "Sociale media"]
    for n in range(width):
        head += [f"{q} {n}", f"{resp} {n}", f"{right} {n}", f"{res} {n}"]
    rows = [head]
    for name, answers in learners.items():
        attempts = [(1, answers)] + ([(2, retake)] if retake and name in retake else [])
        for attempt, these in reversed(attempts):          # out of order on purpose
            these = retake[name] if attempt == 2 else these
            row = [name, str(attempt), "7 december 2026", "7 december 2026", "70", "passed"]
            for a in these:
                row += [a.item, a.response, "a", "correct" if a.right else "wrong"]
            row += [""] * (len(head) - len(row))
            rows.append(row)
    return "\n".join(delimiter.join(r) for r in rows) + "\n"


def scorm_again_json(learners, version="2004"):
    out = []
    for name, answers in learners.items():
        inter = {str(n): {"id": a.item, "type": "choice", "result": ("correct" if a.right else
                                                                    ("incorrect" if version == "2004" else "wrong")),
                          ("learner_response" if version == "2004" else "student_response"):
                              a.response.replace(",", "[,]") if version == "2004" else a.response}
                 for n, a in enumerate(answers)}
        out.append({"learner_id": name, "interactions": inter} if version == "2004"
                   else {"core": {"student_id": name}, "interactions": inter})
    return json.dumps(out)


@pytest.mark.parametrize("fmt", ["moodle-tab", "moodle-nl-semicolon", "scorm-again-2004", "scorm-again-12"])
def test_both_export_formats_give_the_same_analysis(tmp_path, fmt):
    learners, _ = simulate(n_learners=120)
    learners["leerling-0"][0] = ia.Answer(learners["leerling-0"][0].item, "a,c", False)   # multiple answers
    text = {"moodle-tab": lambda: moodle_text(learners),
            "moodle-nl-semicolon": lambda: moodle_text(learners, ";", dutch=True),
            "scorm-again-2004": lambda: scorm_again_json(learners, "2004"),
            "scorm-again-12": lambda: scorm_again_json(learners, "1.2")}[fmt]()
    path = tmp_path / ("export.json" if "scorm" in fmt else "export.txt")
    path.write_text(text, encoding="utf-8")
    read = ia.read(path)
    assert {k: [(a.item, a.response, a.right) for a in v] for k, v in read.items()} == \
        {k: [(a.item, a.response, a.right) for a in v] for k, v in learners.items()}


def test_moodle_retake_row_comes_after_the_first_attempt(tmp_path):
    learners = {"an": [ia.Answer("V1", "b", False)], "bo": [ia.Answer("V1", "a", True)]}
    path = tmp_path / "export.txt"
    path.write_text(moodle_text(learners, retake={"an": [ia.Answer("V1", "a", True)]}), encoding="utf-8")
    matrix = ia.first_answers(ia.read(path))
    assert matrix["an"]["V1"].right is False             # the first attempt counts, whatever the row order


def test_cli_prints_the_table_and_flags(tmp_path, capsys):
    learners, _ = simulate(n_learners=200)
    path = tmp_path / "export.json"
    path.write_text(scorm_again_json(learners), encoding="utf-8")
    assert ia.main([str(path), "--opties", "4"]) == 0
    out = capsys.readouterr().out
    assert "Itemanalyse: 17 vragen, 200 deelnemers" in out
    assert "Cronbachs alfa: 0." in out
    assert "KEYERR: negatieve item-restcorrelatie" in out
    assert "N05" in out and "N05:" not in out


@pytest.mark.parametrize("content, expected", [
    ("", "leeg"),
    ("Name\tScore\nan\t7\n", "geen export van de interacties"),
    ('{"interactions": ', "geen geldige JSON"),
    ('{"learner_id": "x", "interactions": []}', "geen beantwoorde toetsvragen"),
    ("Name\tQuestion 0\tResult 0\nan\n", "Regel 2 heeft 1 kolommen"),
])
def test_bad_input_gives_one_dutch_line(tmp_path, capsys, content, expected):
    path = tmp_path / "export.txt"
    path.write_text(content, encoding="utf-8")
    assert ia.main([str(path)]) == 2
    err = capsys.readouterr().err
    assert expected in err and err.startswith("Let op: ") and err.count("\n") == 1


def test_missing_file(tmp_path, capsys):
    assert ia.main([str(tmp_path / "nergens.csv")]) == 2
    assert "bestaat niet" in capsys.readouterr().err

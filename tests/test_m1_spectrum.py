"""Tests for module 1's helper (cursus.spectrum) and its notebook."""

from __future__ import annotations

import pytest
from conftest import (
    assert_one_dutch_line,  # noqa: E402
    notebook_text,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from cursus._basis import LET_OP, InvoerFout, kort
from cursus.spectrum import (
    POSITIES,
    VIGNETTEN,
    _controleer,
    controleer,
    toon_posities,
    toon_vignetten,
)

JUIST = {letter: v.positie for letter, v in VIGNETTEN.items()}
ORDER = list(POSITIES)


def test_content_shape():
    assert 6 <= len(VIGNETTEN) <= 8
    assert list(VIGNETTEN) == list("ABCDEFGH"[: len(VIGNETTEN)])
    assert ORDER == ["alledaags", "schommeling", "klachten", "aandoening"]
    # every position is the intended answer for at least one vignette
    assert set(JUIST.values()) == set(POSITIES)
    for v in VIGNETTEN.values():
        # a "bijna" note exists exactly for each neighbouring position
        i = ORDER.index(v.positie)
        neighbours = {ORDER[j] for j in (i - 1, i + 1) if 0 <= j < len(ORDER)}
        assert set(v.bijna) == neighbours, v.titel
        assert v.waarom and v.verschuift


def test_all_right(capsys):
    uitslag = controleer(dict(JUIST))
    out = capsys.readouterr().out
    assert uitslag["goed"] == len(VIGNETTEN)
    assert uitslag["bijna"] == uitslag["anders"] == 0
    assert uitslag["open"] == []
    assert out.count("Goed.") == len(VIGNETTEN)
    assert "Je hebt alle situaties ingevuld." in out
    assert "geen diagnose" in out
    assert LET_OP not in out


def test_wrong_and_almost(capsys):
    # Jelle's evening after the lost match is an everyday bump, not a disorder;
    # Henk's months of poor sleep placed one step too light counts as "bijna".
    uitslag = controleer({"A": "aandoening", "B": "klachten", "G": "alledaags"})
    out = " ".join(capsys.readouterr().out.split())  # feedback is wrapped
    assert uitslag["per_situatie"] == {"A": "anders", "B": "bijna", "G": "anders"}
    assert (uitslag["goed"], uitslag["bijna"], uitslag["anders"]) == (0, 1, 2)
    assert 'Hier past "alledaags"' in out
    assert 'Bijna: "aandoening" past net iets beter.' in out
    assert "Wat het zou verschuiven" in out
    # the feedback for Henk must say a professional judges, never give a verdict
    assert "alleen een huisarts of psycholoog" in out


def test_partial_answer_reports_remaining(capsys):
    uitslag = controleer({"A": "alledaags", "C": "schommeling"})
    out = capsys.readouterr().out
    assert uitslag["ingevuld"] == 2
    assert uitslag["open"] == ["B", "D", "E", "F", "G", "H"]
    assert "je vulde 2 van de 8 situaties in" in out
    assert "Nog 6 te gaan: B, D, E, F, G, H." in out
    # only the filled-in vignettes get feedback
    assert "Henk" not in out and "Jelle" in out and "Yusuf" in out


def test_open_values_are_skipped():
    uitslag = _controleer({"A": "alledaags", "B": None, "C": "  ", "D": "..."})
    assert uitslag["per_situatie"] == {"A": "goed"}
    assert uitslag["open"] == list("BCDEFGH")


@pytest.mark.parametrize("positie", ["Alledaags ", " ALLEDAAGS", "alledaagse hobbel", "Alledaagse  Hobbel"])
def test_case_whitespace_and_long_names(positie):
    assert _controleer({" a ": positie})["per_situatie"] == {"A": "goed"}


@pytest.mark.parametrize(
    "antwoord, verwacht",
    [
        (["alledaags"], "moet een woordenboek (dict) zijn"),
        ("A: alledaags", "je gaf tekst"),
        (None, "je gaf niets (None)"),
        ({}, "Je antwoord is nog leeg"),
        ({"A": None, "B": ""}, "Je hebt nog geen positie ingevuld"),
        ({"Z": "alledaags"}, 'Situatie "Z" bestaat niet; gebruik de letters A, B, C, D, E, F, G, H.'),
        ({1: "alledaags"}, "Situatie 1 bestaat niet"),
        ({"A": "depressie"}, '"depressie" (bij situatie A) is geen positie op het spectrum; '
                             "kies uit: alledaags, schommeling, klachten, aandoening."),
        ({"A": 3}, "Bij situatie A gaf je een getal; schrijf de positie als tekst"),
        ({"B": ["klachten"]}, "Bij situatie B gaf je een lijst"),
        ({"a": "alledaags", "A": "klachten"}, "Je vulde situatie A twee keer in"),
        # huge or endless values are described briefly, never converted or printed in full
        ({10**5000: "alledaags"}, "Situatie een getal van ongeveer 5.001 cijfers bestaat niet"),
        ({"A": "x" * 10**6}, '"xxxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxx" (bij situatie A) is geen positie'),
        ({"Z" * 10**6: "alledaags"}, 'Situatie "ZZZZZZZZZZZZZZZZZZ...ZZZZZZZZZZZZZZZZZZ" bestaat niet'),
        ({(1, 2): "alledaags"}, "Situatie (1, 2) bestaat niet"),
    ],
    ids=lambda v: kort(v, 30),
)
def test_malformed_input_gives_one_dutch_line(antwoord, verwacht, capsys):
    assert_one_dutch_line(capsys, controleer, antwoord, expected=verwacht)


def test_learner_input_is_not_modified():
    antwoord = {" a ": "Alledaags ", "B": None}
    kopie = dict(antwoord)
    _controleer(antwoord)
    assert antwoord == kopie


def test_show_functions(capsys):
    toon_posities()
    toon_vignetten()
    out = capsys.readouterr().out
    for sleutel in POSITIES:
        assert f'"{sleutel}"' in out
    for letter, v in VIGNETTEN.items():
        assert f"{letter}. {v.titel}" in out
    assert "alleen een professional" in " ".join(out.split())


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(list(VIGNETTEN)), st.sampled_from(ORDER), min_size=1))
def test_property_valid_answers_never_raise(antwoord):
    uitslag = _controleer(antwoord)
    n = len(antwoord)
    assert 0 <= uitslag["goed"] <= n <= len(VIGNETTEN)
    assert uitslag["goed"] + uitslag["bijna"] + uitslag["anders"] == n
    assert set(uitslag["per_situatie"]) == set(antwoord)
    assert set(uitslag["open"]) == set(VIGNETTEN) - set(antwoord)
    for letter, positie in antwoord.items():
        assert (uitslag["per_situatie"][letter] == "goed") == (positie == JUIST[letter])


WAARDEN = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
                    st.sampled_from(ORDER + ["...", "  ", "Klachten ", "alledaagse hobbel"]),
                    st.just(5000).map(lambda cijfers: 10**cijfers), st.just(...),
                    st.lists(st.text(max_size=3), max_size=2))


@settings(max_examples=300, deadline=5000)
@given(st.one_of(WAARDEN, st.dictionaries(st.one_of(st.sampled_from(list("ABCDEFGHabcz ")), WAARDEN.filter(
    lambda v: v.__hash__ is not None)), WAARDEN, max_size=10)))
def test_property_any_input_is_handled_friendly(antwoord):
    """Whatever the learner types, the helper scores it or explains in one Dutch line."""
    try:
        uitslag = _controleer(antwoord)
    except InvoerFout as fout:
        assert fout.melding and "\n" not in fout.melding and len(fout.melding) < 300
    else:
        assert 0 <= uitslag["goed"] <= uitslag["ingevuld"] <= len(VIGNETTEN)


def test_notebook_runs_with_expected_feedback(run_notebook):
    nb = run_notebook("m1-spectrum.ipynb")
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    text = notebook_text(nb)
    assert "De vier posities" in text
    assert "H. Tom (41) na de reorganisatie" in text
    # step 1: partial answer with one "bijna" (Henk)
    assert "je vulde 3 van de 8 situaties in. Goed: 2, bijna: 1" in text
    assert "Nog 5 te gaan: D, E, F, G, H." in text
    # step 2 is a template: all of A to H stay open ("..."), so the notebook gives no model
    # answer away; the learner copies A to C from step 1 and sees a kind reminder until then
    assert text.count("Nog 5 te gaan: D, E, F, G, H.") == 1
    assert "je vulde 8 van de 8" not in text
    assert text.count(LET_OP) == 1
    assert LET_OP + "Je hebt nog geen positie ingevuld. Vervang bij minstens één situatie" in " ".join(text.split())
    # no stored outputs in the source notebook (executed copy is in memory only)
    import nbformat
    from conftest import EXERCISES
    bron = nbformat.read(EXERCISES / "m1-spectrum.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in bron.cells if c.cell_type == "code")

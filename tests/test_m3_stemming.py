"""Tests for module 3: the simulated experience-sampling helper and its notebook."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # no display in tests; must precede pyplot imports

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import assert_one_dutch_line  # noqa: E402
from conftest import notebook_text
from cursus._basis import LET_OP, melding_van
from cursus import stemming
from cursus.stemming import (
    GRENS,
    VRAGEN,
    _beoordeel,
    _simuleer,
    _toon_effecten,
    _toon_verloop,
    _toon_week,
    controleer_vraag,
    maak_metingen,
    meest_veranderende_persoon,
    schat_effecten,
    schat_effecten_per_week,
    tel_effecten,
    toon_effecten,
    toon_verloop,
    toon_week,
)

NOTEBOOK = "m3-stemming-door-de-tijd.ipynb"
pytestmark = pytest.mark.filterwarnings("ignore:.*non-interactive.*:UserWarning")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --- reproducibility ----------------------------------------------------------------------
@settings(max_examples=15, deadline=None)
@given(zaad=st.integers(0, 2**32 - 1))
def test_same_seed_gives_identical_data(zaad):
    a = _simuleer(10, 2, 3, 8, 4, zaad)
    b = _simuleer(10, 2, 3, 8, 4, zaad)
    np.testing.assert_array_equal(a.stemming, b.stemming)
    np.testing.assert_array_equal(a.gescrold, b.gescrold)
    np.testing.assert_array_equal(a.ware_effecten, b.ware_effecten)
    np.testing.assert_array_equal(a.ware_week_effecten, b.ware_week_effecten)


def test_different_seeds_give_different_data():
    a, b = _simuleer(zaad=1), _simuleer(zaad=2)
    assert not np.array_equal(a.stemming, b.stemming)


def test_default_notebook_data_is_fixed():
    """The notebook relies on the default seed; the same call must give the same numbers."""
    a, b = maak_metingen(), maak_metingen()
    np.testing.assert_array_equal(a.stemming, b.stemming)
    assert a.zaad == stemming.STANDAARD_ZAAD


# --- shape and plausibility ----------------------------------------------------------------
@settings(max_examples=20, deadline=None)
@given(n=st.integers(2, 40), w=st.integers(1, 5), k=st.integers(1, 10))
def test_shapes_and_ranges(n, w, k):
    m = _simuleer(n, w, k, 8, 4, 7)
    assert m.stemming.shape == (n, 7 * w, k) == m.gescrold.shape
    assert m.aantal_metingen == n * 7 * w * k
    assert m.stemming.min() >= 0 and m.stemming.max() <= 100
    assert np.all(m.stemming == np.round(m.stemming))
    assert m.ware_week_effecten.shape == (n, w)
    # the drift is centred: each person's weekly effects average to their own effect
    np.testing.assert_allclose(m.ware_week_effecten.mean(axis=1), m.ware_effecten, atol=1e-9)
    assert schat_effecten_per_week(m).shape == (n, w)


def test_no_drift_means_constant_weekly_effect():
    m = _simuleer(10, 5, 6, 8, 0, 3)
    np.testing.assert_allclose(m.ware_week_effecten, np.repeat(m.ware_effecten[:, None], 5, axis=1))


def test_repr_says_simulated():
    tekst = repr(maak_metingen(30, 4, 6))
    assert "gesimuleerd" in tekst.lower() and "geen echte mensen" in tekst
    assert "5.040 metingen" in tekst  # 30 * 28 * 6, with a Dutch thousands separator


# --- statistical recovery --------------------------------------------------------------------
# With at least 2 weeks of 6 measurements a day (>= 84 per person) the noise on a person's
# estimate is about 11 * sqrt(4 / 84) ~ 2.4 points, so for a spread of effects of 6-15 points the
# estimates must correlate > 0.9 with the simulated effects and be off by < 3 points on average.
TOLERANTIE_MAE = 3.0
MIN_CORRELATIE = 0.9


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    zaad=st.integers(0, 10_000),
    spreiding=st.floats(6, 15),
    weken=st.integers(2, 6),
    per_dag=st.integers(6, 10),
    verandering=st.sampled_from([0.0, 3.0]),
)
def test_estimates_recover_simulated_person_effects(zaad, spreiding, weken, per_dag, verandering):
    m = _simuleer(40, weken, per_dag, spreiding, verandering, zaad)
    geschat = schat_effecten(m)
    assert not np.isnan(geschat).any()
    r = np.corrcoef(geschat, m.ware_effecten)[0, 1]
    mae = np.abs(geschat - m.ware_effecten).mean()
    assert r > MIN_CORRELATIE, f"correlation {r:.3f}"
    assert mae < TOLERANTIE_MAE, f"mean absolute error {mae:.2f}"


def test_weekly_estimates_follow_the_drift():
    m = _simuleer(60, 6, 10, 8, 6, 11)
    geschat = schat_effecten_per_week(m)
    r = np.corrcoef(geschat.ravel(), m.ware_week_effecten.ravel())[0, 1]
    assert r > 0.85
    assert np.abs(geschat - m.ware_week_effecten).mean() < 4.0  # ~70 measurements per week


def test_average_near_zero_hides_both_directions():
    """The notebook's central claim holds for the default settings."""
    m = maak_metingen()
    geschat = schat_effecten(m)
    telling = tel_effecten(m)
    assert abs(geschat.mean()) < 2.0
    assert telling["positief"] >= 3 and telling["negatief"] >= 3
    assert sum(telling.values()) == m.aantal_personen


def test_zero_spread_means_almost_nobody_has_a_clear_effect():
    m = _simuleer(50, 4, 6, 0, 0, 5)
    telling = tel_effecten(m)
    assert telling["geen"] >= 45
    assert np.all(m.ware_effecten == 0)


def test_more_spread_means_more_clear_effects():
    weinig = tel_effecten(_simuleer(100, 4, 6, 3, 0, 9))
    veel = tel_effecten(_simuleer(100, 4, 6, 20, 0, 9))
    assert veel["geen"] < weinig["geen"]


def test_too_few_measurements_gives_unknown_not_crash():
    # 1 week, 1 measurement a day: someone may never (or always) scroll
    m = _simuleer(200, 1, 1, 8, 0, 1)
    telling = tel_effecten(m)
    assert telling.get("onbekend", 0) > 0
    assert "te weinig metingen" in _toon_effecten(m)


def test_most_changing_person_is_chosen():
    # default notebook data: nobody is clearly + in one week and clearly - in another,
    # so the person whose effect changes sign with the largest range is shown
    m = _simuleer(30, 4, 6, 8, 4, stemming.STANDAARD_ZAAD)
    p = meest_veranderende_persoon(m)
    rij = m.ware_week_effecten[p - 1]
    assert rij.max() > 0 > rij.min()
    bereik = m.ware_week_effecten.max(axis=1) - m.ware_week_effecten.min(axis=1)
    wisselt = (m.ware_week_effecten.max(axis=1) > 0) & (m.ware_week_effecten.min(axis=1) < 0)
    assert bereik[p - 1] == bereik[wisselt].max()
    # with more drift someone is clearly better in one week and clearly worse in another
    m = _simuleer(30, 4, 6, 8, 6, stemming.STANDAARD_ZAAD)
    rij = m.ware_week_effecten[meest_veranderende_persoon(m) - 1]
    assert rij.max() >= GRENS and rij.min() <= -GRENS
    # no drift at all: still a valid person number
    assert 1 <= meest_veranderende_persoon(_simuleer(5, 2, 6, 8, 0, 1)) <= 5


# --- figures and texts ------------------------------------------------------------------------------
def test_figure_functions_draw_and_summarise():
    m = maak_metingen()
    tekst = _toon_week(m, 2, 3)
    assert tekst.startswith("Persoon 2 vulde in week 3 42 keer")
    assert plt.gcf().axes[0].get_ylabel().startswith("stemming")
    tekst = _toon_effecten(m)
    t = tel_effecten(m)
    assert f"{t['positief']} beter, {t['negatief']} slechter" in tekst
    tekst = _toon_verloop(m)
    assert "een ander effect op een ander moment" in tekst
    assert "1 week" in _toon_verloop(_simuleer(5, 1, 6, 8, 4, 1), 1)


def test_decorated_functions_print_and_return_none(capsys):
    m = maak_metingen()
    assert toon_week(m) is None
    assert toon_effecten(m) is None
    assert toon_verloop(m, 1) is None
    uit = capsys.readouterr().out
    assert "Persoon 1" in uit and "Gemiddeld effect" in uit
    assert "Traceback" not in uit


# --- bad parameters -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "kwargs, verwacht",
    [
        ({"aantal_personen": -3}, "aantal_personen kan niet negatief zijn (je gaf -3)"),
        ({"aantal_personen": 1}, "aantal_personen moet minstens 2 zijn"),
        ({"aantal_weken": 0}, "aantal_weken moet minstens 1 zijn (je gaf 0)"),
        ({"aantal_personen": "twintig"}, 'je gaf tekst ("twintig")'),
        ({"aantal_weken": "4"}, 'aantal_weken moet een heel getal zijn, maar je gaf tekst ("4")'),
        ({"metingen_per_dag": True}, "je gaf waar/onwaar (True/False)"),
        ({"metingen_per_dag": None}, "je gaf niets (None)"),
        ({"aantal_weken": 2.5}, "heel getal zijn (zonder komma)"),
        ({"aantal_personen": 1_000_000}, "aantal_personen mag hoogstens 200 zijn (je gaf 1.000.000)"),
        ({"aantal_weken": 52}, "aantal_weken mag hoogstens 12 zijn"),
        ({"metingen_per_dag": 100}, "metingen_per_dag mag hoogstens 10 zijn"),
        ({"spreiding_effecten": -1}, "spreiding_effecten kan niet negatief zijn"),
        ({"spreiding_effecten": "veel"}, "spreiding_effecten moet een getal zijn"),
        ({"spreiding_effecten": float("nan")}, "spreiding_effecten moet een gewoon getal zijn"),
        ({"spreiding_effecten": 500}, "spreiding_effecten mag hoogstens 30 zijn"),
        ({"verandering_over_tijd": [1, 2]}, "je gaf een lijst"),
    ],
)
def test_bad_parameters_give_one_dutch_line(kwargs, verwacht, capsys):
    assert_one_dutch_line(capsys, maak_metingen, expected=verwacht, **kwargs)


def test_float_whole_numbers_are_accepted():
    m = _simuleer(10.0, 2.0, 3.0, 5, 1, 1)
    assert m.aantal_personen == 10 and m.aantal_weken == 2


@pytest.mark.parametrize(
    "func, args, verwacht",
    [
        (toon_week, (None,), "er zijn nog geen metingen"),
        (toon_effecten, ("metingen",), "geef de metingen mee die je met maak_metingen(...) hebt gemaakt, niet tekst"),
        (toon_week, ("M", 99), "geef de metingen mee"),
        (toon_verloop, (None,), "voer eerst de cel met maak_metingen(...) uit"),
    ],
)
def test_missing_or_wrong_data(func, args, verwacht):
    assert verwacht in melding_van(func, *args)


@pytest.mark.parametrize(
    "args, verwacht",
    [
        ((99,), "er is geen persoon 99; kies een nummer van 1 tot en met 30"),
        ((0,), "er is geen persoon 0"),
        (("1",), 'persoon moet een heel getal zijn, maar je gaf tekst ("1")'),
        ((1.5,), "persoon moet een heel getal zijn"),
        ((1, 9), "er is geen week 9 in de metingen; kies een week van 1 tot en met 4"),
        ((1, True), "week moet een heel getal zijn"),
    ],
)
def test_bad_person_or_week(args, verwacht):
    m = maak_metingen()
    assert verwacht in melding_van(toon_week, m, *args)


# --- interpretation questions -------------------------------------------------------------------
JUIST = {1: "B", 2: "B", 3: "A", 4: "B"}


@pytest.mark.parametrize("nummer", sorted(VRAGEN))
def test_exactly_one_right_answer_per_question(nummer):
    goed = [letter for letter, (juist, _) in VRAGEN[nummer].items() if juist]
    assert goed == [JUIST[nummer]]
    for letter, (juist, uitleg) in VRAGEN[nummer].items():
        assert uitleg.startswith("Juist." if juist else "Niet juist.")


@pytest.mark.parametrize("antwoord", ["B", "b", " b ", "B.", "b)"])
def test_right_answer_in_many_spellings(antwoord, capsys):
    controleer_vraag(2, antwoord)
    assert capsys.readouterr().out.startswith("Juist. Positieve en negatieve effecten")


def test_wrong_answer_gets_specific_feedback(capsys):
    controleer_vraag(2, "A")
    uit = capsys.readouterr().out
    assert uit.startswith("Niet juist. Dat is de verleiding van een gemiddelde.")
    juist, tekst = _beoordeel(4, "C")
    assert not juist and "geen meetfout" in tekst


@pytest.mark.parametrize(
    "nummer, antwoord, verwacht",
    [
        (1, "", 'je antwoord is leeg; typ A, B of C tussen aanhalingstekens'),
        (1, "   ", "je antwoord is leeg"),
        (1, 2, 'je antwoord moet een letter tussen aanhalingstekens zijn, zoals "B"; je gaf een getal'),
        (1, None, "je gaf niets (None)"),
        (1, ..., "vervang ... door een letter"),
        (1, "D", '"D" is geen van de antwoorden; kies A, B of C'),
        (1, "ja", '"ja" is geen van de antwoorden'),
        (5, "A", "er is geen vraag 5; kies een vraagnummer van 1 tot en met 4"),
        ("1", "A", "er is geen vraag '1'"),
        (True, "A", "er is geen vraag True"),
    ],
)
def test_malformed_answers(nummer, antwoord, verwacht, capsys):
    assert_one_dutch_line(capsys, controleer_vraag, nummer, antwoord, expected=verwacht)


@settings(max_examples=50, deadline=None)
@given(antwoord=st.one_of(st.text(max_size=5), st.integers(), st.none(), st.floats()))
def test_any_answer_gives_feedback_or_one_line(antwoord):
    try:
        juist, uitleg = _beoordeel(1, antwoord)
        assert juist == (antwoord.strip().upper().rstrip(".)").strip() == "B")
    except stemming.InvoerFout as fout:
        assert "\n" not in fout.melding and fout.melding


# --- the notebook ----------------------------------------------------------------------------------
def test_notebook_runs_and_gives_feedback(run_notebook):
    nb = run_notebook(NOTEBOOK)
    fouten = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not fouten
    tekst = notebook_text(nb)
    assert "Gesimuleerde metingen (geen echte mensen): 30 personen, 4 weken" in tekst
    assert "Persoon 1 vulde in week 1 42 keer de vragen in" in tekst
    assert "Gemiddeld effect van iedereen samen" in tekst
    assert "dezelfde persoon, een ander effect op een ander moment" in tekst
    # the example answers: 1 right, 2 a tempting wrong one, 3 and 4 right
    assert "Juist. Bij een ervaringssteekproef" in tekst
    assert "Niet juist. Dat is de verleiding van een gemiddelde." in tekst
    assert "Juist. Het gemiddelde blijft rond nul" in tekst
    assert "Juist. Het effect kan binnen één persoon veranderen." in tekst
    assert LET_OP not in tekst
    afbeeldingen = [c for c in nb.cells if any("image/png" in o.get("data", {}) for o in c.get("outputs", []))]
    assert len(afbeeldingen) == 3
    for cel in afbeeldingen:
        assert cel.metadata["mystnb"]["image"]["alt"]


def test_notebook_is_stored_without_outputs():
    import nbformat
    from conftest import EXERCISES

    nb = nbformat.read(EXERCISES / NOTEBOOK, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# Oefenen:")
    for cel in nb.cells:
        if cel.cell_type == "code":
            assert not cel.outputs and cel.execution_count is None

"""Tests for module 3: the simulated experience-sampling helper and its notebook.

The simulation uses ``random.Random(zaad)`` from the standard library. The tests state
what matters about it (reproducible, realistic, estimates recover what was simulated),
not particular numbers.
"""

from __future__ import annotations

import math
import numbers
import re
import statistics
from collections import Counter

import pytest
from conftest import SVG, assert_one_dutch_line, chart_texts, charts_shown, check_chart, notebook_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cursus import stemming
from cursus._basis import LET_OP, InvoerFout
from cursus.stemming import (
    GRENS,
    VRAGEN,
    _beoordeel,
    controleer_vraag,
    gewone_persoon,
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
simuleer = maak_metingen.__wrapped__  # raises InvoerFout instead of printing it


def _plat(drie):
    return [x for persoon in drie for dag in persoon for x in dag]


# --- reproducibility ----------------------------------------------------------------------
@settings(max_examples=15, deadline=None)
@given(zaad=st.integers(0, 2**32 - 1))
def test_same_seed_gives_identical_data(zaad):
    a = simuleer(10, 2, 3, 8, 4, zaad)
    b = simuleer(10, 2, 3, 8, 4, zaad)
    assert (a.stemming, a.gescrold, a.ware_effecten, a.ware_week_effecten, a.ware_basis) == \
           (b.stemming, b.gescrold, b.ware_effecten, b.ware_week_effecten, b.ware_basis)


def test_different_seeds_give_different_data():
    assert simuleer(zaad=1).stemming != simuleer(zaad=2).stemming


def test_default_notebook_data_is_fixed():
    """The notebook relies on the default seed; the same call must give the same numbers."""
    a, b = maak_metingen(), maak_metingen()
    assert a.stemming == b.stemming
    assert a.zaad == stemming.STANDAARD_ZAAD


# --- shape and plausibility ----------------------------------------------------------------
@settings(max_examples=20, deadline=None)
@given(n=st.integers(2, 40), w=st.integers(1, 5), k=st.integers(1, 10))
def test_shapes_and_ranges(n, w, k):
    m = simuleer(n, w, k, 8, 4, 7)
    assert len(m.stemming) == len(m.gescrold) == n
    assert all(len(p) == 7 * w and all(len(d) == k for d in p) for p in m.stemming + m.gescrold)
    assert m.aantal_metingen == n * 7 * w * k == len(_plat(m.stemming))
    assert all(isinstance(s, int) and 0 <= s <= 100 for s in _plat(m.stemming))
    assert all(isinstance(x, bool) for x in _plat(m.gescrold))
    assert len(m.ware_week_effecten) == n and all(len(r) == w for r in m.ware_week_effecten)
    # the drift is centred: each person's weekly effects average to their own effect
    for rij, eigen in zip(m.ware_week_effecten, m.ware_effecten):
        assert statistics.fmean(rij) == pytest.approx(eigen, abs=1e-9)
    per_week = schat_effecten_per_week(m)
    assert len(per_week) == n and all(len(r) == w for r in per_week)


def test_no_drift_means_constant_weekly_effect():
    m = simuleer(10, 5, 6, 8, 0, 3)
    for rij, eigen in zip(m.ware_week_effecten, m.ware_effecten):
        assert rij == pytest.approx([eigen] * 5)


def test_simulated_people_are_realistic():
    """Baseline mood, scrolling share and noise: what a real sample could look like."""
    m = simuleer(200, 4, 6, 8, 4, 11)
    assert 55 < statistics.fmean(m.ware_basis) < 65
    assert 5 < statistics.pstdev(m.ware_basis) < 11
    aandeel = [statistics.fmean(_plat([p])) for p in m.gescrold]
    assert all(0.15 < a < 0.85 for a in aandeel)  # everyone scrolls sometimes, nobody always
    assert 0.4 < statistics.fmean(aandeel) < 0.6
    # mood goes up and down within a person's week: the point of experience sampling
    assert statistics.fmean(statistics.pstdev(_plat([p[:7]])) for p in m.stemming) > 8


def test_repr_says_simulated():
    tekst = repr(maak_metingen(30, 4, 6))
    assert "gesimuleerd" in tekst.lower() and "geen echte mensen" in tekst
    assert "5.040 metingen" in tekst  # 30 * 28 * 6, with a Dutch thousands separator


# --- statistical recovery --------------------------------------------------------------------
# With at least 2 weeks of 6 measurements a day (>= 84 per person) the noise on a person's
# estimate is about 11 * sqrt(4 / 84) ~ 2.4 points. For a spread of effects of 6-15 points the
# expected correlation between estimates and simulated effects is 0.93 or more, and the mean
# absolute error about 2 points. The bounds leave room for chance with 40 people; the examples
# are derandomized, so the test never flickers.
TOLERANTIE_MAE = 3.0
MIN_CORRELATIE = 0.8


@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    zaad=st.integers(0, 10_000),
    spreiding=st.floats(6, 15),
    weken=st.integers(2, 6),
    per_dag=st.integers(6, 10),
    verandering=st.sampled_from([0.0, 3.0]),
)
def test_estimates_recover_simulated_person_effects(zaad, spreiding, weken, per_dag, verandering):
    m = simuleer(40, weken, per_dag, spreiding, verandering, zaad)
    geschat = schat_effecten(m)
    assert not any(math.isnan(e) for e in geschat)
    r = statistics.correlation(geschat, m.ware_effecten)
    mae = statistics.fmean(abs(a - b) for a, b in zip(geschat, m.ware_effecten))
    assert r > MIN_CORRELATIE, f"correlation {r:.3f}"
    assert mae < TOLERANTIE_MAE, f"mean absolute error {mae:.2f}"


def test_weekly_estimates_follow_the_drift():
    m = simuleer(60, 6, 10, 8, 6, 11)
    geschat = [x for rij in schat_effecten_per_week(m) for x in rij]
    waar = [x for rij in m.ware_week_effecten for x in rij]
    assert statistics.correlation(geschat, waar) > 0.85
    assert statistics.fmean(abs(a - b) for a, b in zip(geschat, waar)) < 4.0  # ~70 per week


def test_average_near_zero_hides_both_directions():
    """The notebook's central claim holds for the default settings."""
    m = maak_metingen()
    geschat = schat_effecten(m)
    telling = tel_effecten(m)
    assert abs(statistics.fmean(geschat)) < 1.0
    assert telling["positief"] >= 3 and telling["negatief"] >= 3
    assert sum(telling.values()) == m.aantal_personen


def test_zero_spread_means_almost_nobody_has_a_clear_effect():
    m = simuleer(50, 4, 6, 0, 0, 5)
    assert tel_effecten(m)["geen"] >= 45
    assert all(e == 0 for e in m.ware_effecten)


def test_more_spread_means_more_clear_effects():
    weinig = tel_effecten(simuleer(100, 4, 6, 3, 0, 9))
    veel = tel_effecten(simuleer(100, 4, 6, 20, 0, 9))
    assert veel["geen"] < weinig["geen"]


def test_too_few_measurements_gives_unknown_not_crash(capsys, shown):
    # 1 week, 1 measurement a day: someone may never (or always) scroll
    m = simuleer(200, 1, 1, 8, 0, 1)
    assert tel_effecten(m).get("onbekend", 0) > 0
    toon_effecten(m)
    assert "te weinig metingen" in capsys.readouterr().out
    check_chart(*shown[0])


# --- which person the notebook shows ----------------------------------------------------------
@settings(max_examples=30, deadline=None, derandomize=True)
@given(zaad=st.integers(0, 10_000))
def test_the_first_person_shown_is_not_extreme(zaad):
    """toon_week without a person picks someone in the middle of the group, never an extreme."""
    m = simuleer(30, 2, 6, 8, 4, zaad)
    i = gewone_persoon(m) - 1

    def rang(waarden):  # position of person i, 0 (lowest) .. 1 (highest)
        return sorted(waarden).index(waarden[i]) / (len(waarden) - 1)

    assert 0.2 <= rang(m.ware_effecten) <= 0.8
    assert 0.2 <= rang(m.ware_basis) <= 0.8


def test_most_changing_person_is_chosen():
    """Preferred: clearly better in one week and clearly worse in another; else a change of
    sign; among those, the largest range."""
    for verandering in (2, 4, 6):
        m = simuleer(30, 4, 6, 8, verandering, stemming.STANDAARD_ZAAD)
        p = meest_veranderende_persoon(m)
        rijen = m.ware_week_effecten
        bereik = [max(r) - min(r) for r in rijen]
        sterk = [max(r) >= GRENS and min(r) <= -GRENS for r in rijen]
        teken = [max(r) > 0 > min(r) for r in rijen]
        kandidaten = sterk if any(sterk) else teken if any(teken) else [True] * len(rijen)
        assert kandidaten[p - 1]
        assert bereik[p - 1] == max(b for b, k in zip(bereik, kandidaten) if k)
    # with enough drift someone is clearly better in one week and clearly worse in another
    rij = m.ware_week_effecten[meest_veranderende_persoon(m) - 1]
    assert max(rij) >= GRENS and min(rij) <= -GRENS
    # no drift at all: still a valid person number
    assert 1 <= meest_veranderende_persoon(simuleer(5, 2, 6, 8, 0, 1)) <= 5


# --- figures and texts ------------------------------------------------------------------------------
def test_week_figure(capsys, shown):
    m = maak_metingen()
    toon_week(m, 2, 3)
    uit = " ".join(capsys.readouterr().out.split())
    assert uit.startswith("Persoon 2 vulde in week 3 in totaal 42 keer de vragen in.")
    [(svg, alt)] = shown
    root = check_chart(svg, alt)
    teksten = chart_texts(root)
    assert "Persoon 2, week 3: elke meting (gesimuleerd)" in teksten
    assert "stemming" in teksten and "dag van de week" in teksten
    assert [d for d in teksten if d in stemming.DAGEN] == stemming.DAGEN
    # 42 measurements: scrolled ones are filled circles, the others open squares (greyscale-safe)
    metingen = [el for el in root.iter() if "meting" in (el.get("class") or "").split()]
    gescrold = sum(x for dag in m.gescrold[1][14:21] for x in dag)
    assert len(metingen) == 42
    assert {(el.tag, el.get("fill")) for el in metingen if "gescrold" in el.get("class")} == {
        (SVG + "circle", stemming.KLEUREN["blauw"])}
    assert {(el.tag, el.get("fill")) for el in metingen if "gescrold" not in el.get("class")} == {
        (SVG + "rect", "#FFFFFF")}
    assert sum("gescrold" in el.get("class") for el in metingen) == gescrold


def test_week_figure_picks_an_ordinary_person_and_says_so(capsys, shown):
    m = maak_metingen()
    toon_week(m)
    uit = " ".join(capsys.readouterr().out.split())
    p = gewone_persoon(m)
    assert uit.startswith(f"Persoon {p} is een gewone deelnemer")
    assert f"Persoon {p} vulde in week 1 in totaal 42 keer" in uit
    assert f"Persoon {p}, week 1" in shown[0][1]


def test_effects_figure(capsys, shown):
    m = maak_metingen()
    toon_effecten(m)
    uit = " ".join(capsys.readouterr().out.split())
    t = tel_effecten(m)
    assert f"{t['positief']} beter, {t['negatief']} slechter en {t['geen']} zonder" in uit
    [(svg, alt)] = shown
    root = check_chart(svg, alt)
    assert f"{t['negatief']} personen voelen zich slechter" in alt
    # one marker per person, and a shape per group that needs no colour to be read:
    # triangle up (better), triangle down (worse), open circle (no clear difference)
    def vorm(el):
        if el.tag == SVG + "path":
            getallen = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", el.get("d"))]
            return "driehoek omhoog" if getallen[1] < getallen[3] else "driehoek omlaag"
        return f"{el.tag.removeprefix(SVG)} {'open' if el.get('fill') == '#FFFFFF' else 'dicht'}"

    vormen = {}
    for el in root.iter():
        klasse = (el.get("class") or "").split()
        if klasse[:1] == ["persoon"]:
            vormen.setdefault(klasse[1], set()).add(vorm(el))
    assert vormen == {"positief": {"driehoek omhoog"}, "negatief": {"driehoek omlaag"},
                      "geen": {"circle open"}}
    aantallen = Counter(el.get("class") for el in root.iter() if (el.get("class") or "").startswith("persoon"))
    assert aantallen == {f"persoon {k}": n for k, n in t.items() if n}
    # the mean is a dashed line
    [gemiddelde] = root.findall(f".//{SVG}path[@class='gemiddelde']")
    assert gemiddelde.get("stroke-dasharray")


def test_mean_is_never_written_as_minus_zero(capsys, shown):
    m = simuleer(2, 1, 1, 0, 0, 4)  # tiny sample: the mean may round to zero from below
    toon_effecten(m)
    uit = capsys.readouterr().out
    assert "-0,0" not in uit and "+0,0" not in uit
    assert "-0,0" not in shown[0][0]


def test_course_figure(capsys, shown):
    m = maak_metingen()
    toon_verloop(m)
    uit = " ".join(capsys.readouterr().out.split())
    p = meest_veranderende_persoon(m)
    assert f"Bij persoon {p} was het effect het laagst in week" in uit
    assert "dezelfde persoon, een ander effect op een ander moment" in uit
    # the helper states how close estimate and simulation are, with the numbers
    geschat, waar = schat_effecten_per_week(m)[p - 1], m.ware_week_effecten[p - 1]
    afstand = statistics.fmean(abs(a - b) for a, b in zip(geschat, waar))
    assert f"gemiddeld {stemming.getal(afstand)} punten naast het ingestelde effect" in uit
    [(svg, alt)] = shown
    root = check_chart(svg, alt)
    # simulated: dashed grey with open squares; estimated: solid blue with filled circles
    [ingesteld] = root.findall(f".//{SVG}path[@class='ingesteld']")
    [geschat_lijn] = root.findall(f".//{SVG}path[@class='geschat']")
    assert ingesteld.get("stroke-dasharray") and not geschat_lijn.get("stroke-dasharray")
    assert {el.tag for el in root.findall(".//*[@class='ingesteld']")} == {SVG + "path", SVG + "rect"}
    assert {el.tag for el in root.findall(".//*[@class='geschat']")} == {SVG + "path", SVG + "circle"}


def test_course_figure_with_one_week(capsys, shown):
    toon_verloop(simuleer(5, 1, 6, 8, 4, 1), 1)
    assert "deed maar 1 week mee" in capsys.readouterr().out
    check_chart(*shown[0])


def test_decorated_functions_print_and_return_none(capsys, shown):
    m = maak_metingen()
    assert toon_week(m) is None
    assert toon_effecten(m) is None
    assert toon_verloop(m, 1) is None
    uit = capsys.readouterr().out
    assert "Gemiddeld effect" in uit and "Traceback" not in uit
    assert len(shown) == 3


def test_without_a_display_hook_or_ipython_the_alt_text_is_printed(capsys, monkeypatch):
    """Plain Python (no IPython, no browser hook): the chart is described in one printed text."""
    import builtins

    echte_import = builtins.__import__

    def zonder_ipython(naam, *args, **kwargs):
        if naam.startswith("IPython"):
            raise ImportError(naam)
        return echte_import(naam, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", zonder_ipython)
    toon_week(maak_metingen(), 1, 1)
    uit = " ".join(capsys.readouterr().out.split())
    assert uit.startswith("Figuur: Persoon 1, week 1: elke meting (gesimuleerd). Lijngrafiek")


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
        ({"aantal_weken": float("inf")}, "heel getal zijn (zonder komma)"),
        ({"aantal_personen": 1_000_000}, "aantal_personen mag hoogstens 200 zijn (je gaf 1.000.000)"),
        ({"aantal_personen": 10**40}, "mag hoogstens 200 zijn (je gaf een getal van ongeveer 41 cijfers)"),
        ({"aantal_personen": 10**5000}, "je gaf een getal van ongeveer 5.001 cijfers"),
        ({"aantal_personen": -10**5000}, "aantal_personen kan niet negatief zijn (je gaf een getal van"),
        ({"aantal_weken": 52}, "aantal_weken mag hoogstens 12 zijn"),
        ({"metingen_per_dag": 100}, "metingen_per_dag mag hoogstens 10 zijn"),
        ({"zaad": 2**40}, "zaad mag hoogstens 4.294.967.295 zijn"),
        ({"spreiding_effecten": -1}, "spreiding_effecten kan niet negatief zijn"),
        ({"spreiding_effecten": "veel"}, "spreiding_effecten moet een getal zijn"),
        ({"spreiding_effecten": float("nan")}, "spreiding_effecten moet een gewoon getal zijn"),
        ({"spreiding_effecten": 500}, "spreiding_effecten mag hoogstens 30 zijn"),
        ({"spreiding_effecten": 10**40},
         "spreiding_effecten mag hoogstens 30 zijn (je gaf een getal van ongeveer 41 cijfers)"),
        ({"spreiding_effecten": 10**5000}, "spreiding_effecten mag hoogstens 30 zijn"),
        ({"spreiding_effecten": float("inf")}, "spreiding_effecten mag hoogstens 30 zijn (je gaf inf)"),
        ({"verandering_over_tijd": [1, 2]}, "je gaf een lijst"),
        ({"verandering_over_tijd": 1j}, "je gaf iets van het type complex"),
    ],
)
def test_bad_parameters_give_one_dutch_line(kwargs, verwacht, capsys):
    assert_one_dutch_line(capsys, maak_metingen, expected=verwacht, **kwargs)


class Heel:
    """A whole-number type that is not int, like numpy.int64 (registered as numbers.Integral)."""

    def __init__(self, waarde):
        self.waarde = waarde

    def __int__(self):
        return self.waarde

    __index__ = __int__

    def __float__(self):
        return float(self.waarde)

    def __gt__(self, ander):
        return self.waarde > ander


numbers.Integral.register(Heel)


def test_every_number_type_is_accepted():
    from fractions import Fraction

    m = simuleer(10.0, 2.0, Heel(3), Fraction(5, 2), Heel(1), Heel(7))
    assert (m.aantal_personen, m.aantal_weken, m.metingen_per_dag) == (10, 2, 3)
    assert m.spreiding_effecten == 2.5 and m.zaad == 7


@pytest.mark.parametrize(
    "func, args, verwacht",
    [
        (toon_week, (None,), "er zijn nog geen metingen"),
        (toon_effecten, ("metingen",), "geef de metingen mee die je met maak_metingen(...) hebt gemaakt, niet tekst"),
        (toon_week, ("M", 99), "geef de metingen mee"),
        (toon_verloop, (None,), "voer eerst de stap met maak_metingen(...) uit"),
        (schat_effecten, ([1, 2],), "niet een lijst"),
        (tel_effecten, (None,), "er zijn nog geen metingen"),
    ],
)
def test_missing_or_wrong_data(func, args, verwacht, capsys):
    assert_one_dutch_line(capsys, func, *args, expected=verwacht)


@pytest.mark.parametrize(
    "args, verwacht",
    [
        ((99,), "er is geen persoon 99; kies een nummer van 1 tot en met 30"),
        ((0,), "er is geen persoon 0"),
        ((10**40,), "er is geen persoon een getal van ongeveer 41 cijfers"),
        (("1",), 'persoon moet een heel getal zijn, maar je gaf tekst ("1")'),
        ((1.5,), "persoon moet een heel getal zijn"),
        ((1, 9), "er is geen week 9 in de metingen; kies een week van 1 tot en met 4"),
        ((1, True), "week moet een heel getal zijn"),
    ],
)
def test_bad_person_or_week(args, verwacht, capsys):
    assert_one_dutch_line(capsys, toon_week, maak_metingen(), *args, expected=verwacht)


def test_numpy_like_person_number_is_accepted(capsys, shown):
    toon_week(maak_metingen(), Heel(3), Heel(2))
    assert "Persoon 3 vulde in week 2" in capsys.readouterr().out


# --- any input: a result or one Dutch line ---------------------------------------------------------
ALLES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-10**60, 10**60),
    st.sampled_from([40, -40, 5000, -5000]).map(lambda e: 10**abs(e) * (1 if e > 0 else -1)),
    st.sampled_from([2**32, 2**32 - 1]),
    st.floats(), st.fractions(), st.text(max_size=30), st.complex_numbers(),
    st.lists(st.integers(), max_size=3), st.just(...),
)


@settings(max_examples=300, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(n=ALLES, w=ALLES, k=ALLES, spreiding=ALLES, verandering=ALLES, zaad=ALLES)
def test_property_any_settings_give_data_or_one_dutch_line(n, w, k, spreiding, verandering, zaad):
    try:
        m = simuleer(n, w, k, spreiding, verandering, zaad)
    except InvoerFout as fout:
        assert fout.melding and "\n" not in fout.melding and len(fout.melding) < 300
    else:
        assert m.aantal_metingen <= 200 * 84 * 10


@settings(max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(metingen=st.one_of(ALLES, st.just("geldig")), persoon=st.one_of(ALLES, st.none()), week=ALLES)
def test_property_figures_give_a_chart_or_one_dutch_line(metingen, persoon, week):
    if metingen == "geldig":
        metingen = simuleer(6, 2, 3, 8, 4, 1)
    for func, args in ((toon_week, (metingen, persoon, week)), (toon_verloop, (metingen, persoon)),
                       (toon_effecten, (metingen,))):
        with charts_shown() as getoond:
            try:
                func.__wrapped__(*args)
            except InvoerFout as fout:
                assert fout.melding and "\n" not in fout.melding and len(fout.melding) < 300
                assert getoond == []
            else:
                [(svg, alt)] = getoond
                check_chart(svg, alt)


# --- interpretation questions -------------------------------------------------------------------
JUIST = {1: "B", 2: "A", 3: "C", 4: "A"}


@pytest.mark.parametrize("nummer", sorted(VRAGEN))
def test_exactly_one_right_answer_per_question(nummer):
    goed = [letter for letter, (juist, _) in VRAGEN[nummer].items() if juist]
    assert goed == [JUIST[nummer]]
    for juist, uitleg in VRAGEN[nummer].values():
        assert uitleg.startswith("Juist." if juist else "Niet juist.")


@pytest.mark.parametrize("antwoord", ["A", "a", " a ", "A.", "a)"])
def test_right_answer_in_many_spellings(antwoord, capsys):
    controleer_vraag(2, antwoord)
    assert capsys.readouterr().out.startswith("Juist. Bij sommige mensen gaat de stemming omhoog")


def test_question_number_of_any_whole_number_type(capsys):
    controleer_vraag(Heel(2), "A")
    controleer_vraag(2.0, "A")
    assert capsys.readouterr().out.count("Juist. Bij sommige mensen gaat de stemming omhoog") == 2


def test_wrong_answer_gets_specific_feedback(capsys):
    controleer_vraag(2, "B")
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
        (1, ..., "nog geen antwoord gekozen. Lees de vraag en kies A, B of C"),
        (1, "D", '"D" is geen van de antwoorden; kies A, B of C'),
        (1, "ja", '"ja" is geen van de antwoorden'),
        (1, "x" * 5000, '"xxxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxx" is geen van de antwoorden'),
        (5, "A", "er is geen vraag 5; kies een vraagnummer van 1 tot en met 4"),
        ("1", "A", "er is geen vraag '1'"),
        (True, "A", "er is geen vraag True"),
        pytest.param(10**5000, "A", "er is geen vraag een getal van ongeveer 5.001 cijfers", id="5001-digits"),
        (float("nan"), "A", "er is geen vraag nan"),
    ],
)
def test_malformed_answers(nummer, antwoord, verwacht, capsys):
    assert_one_dutch_line(capsys, controleer_vraag, nummer, antwoord, expected=verwacht)


@settings(max_examples=300, deadline=5000)
@given(nummer=ALLES, antwoord=st.one_of(st.text(max_size=5), ALLES))
def test_property_any_answer_gives_feedback_or_one_line(nummer, antwoord):
    try:
        juist, uitleg = _beoordeel(nummer, antwoord)
    except InvoerFout as fout:
        assert fout.melding and "\n" not in fout.melding and len(fout.melding) < 300
    else:
        assert juist == (antwoord.strip().upper().rstrip(".)").strip() == JUIST[int(nummer)])
        assert uitleg.startswith("Juist." if juist else "Niet juist.")


# --- the notebook ----------------------------------------------------------------------------------
def test_notebook_runs_and_gives_feedback(run_notebook):
    nb = run_notebook(NOTEBOOK)
    fouten = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not fouten
    tekst = " ".join(notebook_text(nb).split())
    assert "Gesimuleerde metingen (geen echte mensen): 30 personen, 4 weken" in tekst
    assert "is een gewone deelnemer" in tekst and "keer de vragen in" in tekst
    assert "Gemiddeld effect van iedereen samen" in tekst
    assert "dezelfde persoon, een ander effect op een ander moment" in tekst
    assert "punten naast het ingestelde effect" in tekst
    # the answer cells are not filled in: the page gives no answer away, and each of the four
    # questions shows the kind reminder a learner sees before choosing
    assert "Juist." not in tekst
    assert tekst.count(LET_OP + "je hebt nog geen antwoord gekozen. Lees de vraag en kies A, B of C.") == 4
    figuren = [(c, o) for c in nb.cells for o in c.get("outputs", []) if "image/svg+xml" in o.get("data", {})]
    assert len(figuren) == 3
    for cel, uit in figuren:
        check_chart(uit["data"]["image/svg+xml"], uit["data"]["text/plain"].removeprefix("Figuur: "))
        assert len(cel.metadata["mystnb"]["image"]["alt"]) > 20
    assert not any("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


def test_notebook_text_matches_the_numbers():
    """What the notebook's text says about the default data is true for the default data."""
    import nbformat
    from conftest import EXERCISES

    nb = nbformat.read(EXERCISES / NOTEBOOK, as_version=4)
    tekst = " ".join(c.source for c in nb.cells if c.cell_type == "markdown")
    m = maak_metingen()
    if "ligt dicht bij nul" in tekst:
        assert abs(statistics.fmean(schat_effecten(m))) < 1.0
    # the estimate per week is not called close to the simulation without the numbers
    assert "Die twee liggen dicht bij elkaar" not in tekst

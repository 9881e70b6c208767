"""Tests for module 2: the vicious-circle helper (exercises/cursus/cirkel.py) and its notebook."""

from __future__ import annotations

import pytest
from conftest import SVG, assert_one_dutch_line, chart_texts, charts_shown, check_chart, notebook_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cursus import cirkel
from cursus._basis import LET_OP, kort, melding_van
from cursus.cirkel import SOORTEN, _analyseer, _bepaal_soort, _teken, teken_cirkel

VOORBEELD = [
    "Ik voel me alleen",
    "Ik scrol 's avonds lang door Instagram",
    "Ik slaap slecht en ben moe op school",
    "Ik zeg afspraken met vrienden af",
]


def _tekening(stappen):
    """The chart of a circle, checked against the promises every chart keeps."""
    grafiek = _teken(_analyseer(stappen))
    return check_chart(grafiek.svg, grafiek.alt)


def _klassen(root, naam):
    return [el for el in root.iter() if naam in (el.get("class") or "").split()]


# --- classification ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "stap, soort",
    [
        ("Ik voel me alleen", "gevoel"),
        ("Ik scrol 's avonds lang door Instagram", "gebruik"),
        ("Ik scrol ’s avonds lang door TikTok", "gebruik"),
        ("Ik slaap slecht en ben moe op school", "gevolg"),
        ("Ik zeg afspraken met vrienden af", "gevolg"),
        ("Ik voel me rot na het scrollen", "gevoel"),  # 2 feeling words beat 1 use word
        ("Ik lig wakker en scrol door TikTok", "gebruik"),  # 2 use words beat 1 consequence
        ("Ik denk dat iedereen me saai vindt", "gevoel"),
        ("Ik ga naar buiten", "gevolg"),
    ],
)
def test_keyword_rules(stap, soort):
    assert _bepaal_soort(stap)[1] == soort


def test_tie_goes_to_the_earliest_keyword():
    # one use word ('foto') and one feeling word ('denk'): 'foto' comes first
    assert _bepaal_soort("Ik zie foto's van anderen en denk na")[1] == "gebruik"
    assert _bepaal_soort("Ik denk na over foto's")[1] == "gevoel"


def test_no_keyword_falls_back_to_gevolg_and_says_so():
    tekst, soort, reden = _bepaal_soort("Ik kook voor de buren")
    assert soort == "gevolg" and "geen trefwoord" in reden


def test_whole_word_keywords_do_not_match_inside_words():
    # 'app$' must not match 'appel'; 'rot$' must not match 'rotonde'
    assert _bepaal_soort("Ik eet een appel bij de rotonde")[1] == "gevolg"


@pytest.mark.parametrize("voorvoegsel, soort", [("gebruik", "gebruik"), ("GEVOEL", "gevoel"),
                                                ("gedachte", "gevoel"), ("gevolg", "gevolg")])
def test_prefix_overrides_keywords(voorvoegsel, soort):
    tekst, gevonden, reden = _bepaal_soort(f"{voorvoegsel}: Ik scrol en voel me rot en slaap slecht")
    assert gevonden == soort
    assert tekst == "Ik scrol en voel me rot en slaap slecht"
    assert "jouw keuze" in reden


# --- closing ------------------------------------------------------------------------------
def test_example_circle_is_closed_and_gets_tips_per_type(capsys, shown):
    teken_cirkel(VOORBEELD)
    ruw = capsys.readouterr().out
    assert max(len(regel) for regel in ruw.splitlines()) <= 80  # wrapped for readability
    uit = " ".join(ruw.split())
    assert "De cirkel is rond" in uit
    assert "Bij stap 1 (gevoel/gedachte)" in uit
    assert "Bij stap 2 (gebruik)" in uit
    assert "Bij stappen 3 en 4 (gevolg)" in uit
    assert '"Ik zeg afspraken met vrienden af" → "Ik voel me alleen"' in uit
    assert "geen diagnose" in uit
    assert LET_OP not in uit


def test_circle_without_use_is_not_closed(capsys, shown):
    c = _analyseer(["Ik voel me somber", "Ik blijf in bed liggen"])
    assert not c.rond and c.ontbreekt == ["gebruik"]
    teken_cirkel(["Ik voel me somber", "Ik blijf in bed liggen"])
    uit = " ".join(capsys.readouterr().out.split())
    assert "nog niet rond" in uit and "gebruik-stap" in uit


def test_circle_without_feeling_is_not_closed():
    c = _analyseer(["Ik scrol door TikTok", "Ik slaap slecht"])
    assert not c.rond and c.ontbreekt == ["gevoel"]


def test_prefix_can_close_a_circle():
    c = _analyseer(["gevoel: Ik kook voor de buren", "Ik scrol door TikTok"])
    assert c.rond


def test_figure_has_one_box_per_step_and_a_closing_arrow():
    root = _tekening(VOORBEELD)
    dozen = _klassen(root, "stap")
    assert [d.get("class").split()[1] for d in dozen] == ["gevoel", "gebruik", "gevolg", "gevolg"]
    assert len(_klassen(root, "pijl")) == len(VOORBEELD) - 1 and len(_klassen(root, "pijl-terug")) == 1
    teksten = chart_texts(root)
    assert "1 · gevoel/gedachte" in teksten and "Ik scrol 's avonds lang door Instagram" in teksten
    assert teksten[-4:] == ["gevoel of gedachte", "gebruik (online gedrag)",
                            "gevolg (gedrag of gevolg offline)", "pijl: leidt tot"]
    # a closed circle has a solid closing arrow
    assert not _klassen(root, "pijl-terug")[0].get("stroke-dasharray")


def test_open_circle_has_dashed_closing_arrow():
    root = _tekening(["Ik voel me somber", "Ik blijf in bed liggen"])
    assert _klassen(root, "pijl-terug")[0].get("stroke-dasharray")
    assert "nog niet rond" in root.find(SVG + "title").text


def test_kinds_differ_in_more_than_hue():
    """In greyscale print the kinds stay apart: each has its own edge pattern, and its name
    is written in the box."""
    root = _tekening(["Ik voel me alleen", "Ik scrol door TikTok", "Ik slaap slecht"])
    randen = {d.get("class").split()[1]: d.get("stroke-dasharray") for d in _klassen(root, "stap")}
    assert len(set(randen.values())) == 3
    assert {"1 · gevoel/gedachte", "2 · gebruik", "3 · gevolg"} <= set(chart_texts(root))


@pytest.mark.parametrize("stap", [
    "Ik verdien $5 en geef $6 uit",          # matplotlib read this as maths and crashed
    "Ik denk <b>niemand</b> & niemand ziet me",
    "Ik lees \\frac{1}{2} en ${x}$ en %s {0} <!-- -->",
    "Ik voel me ]]> <script>alert(1)</script>",
])
def test_step_text_is_drawn_as_text(stap, capsys, shown):
    teken_cirkel([stap, "Ik scrol door TikTok"])
    [(svg, alt)] = shown
    root = check_chart(svg, alt)
    getekend = "".join("".join(chart_texts(root)).split())  # long words may wrap
    assert "".join(stap.split()) in getekend
    assert root.find(f".//{SVG}script") is None and root.find(f".//{SVG}b") is None
    assert stap in alt
    assert LET_OP not in capsys.readouterr().out


# --- bad input: one Dutch line each ------------------------------------------------------
@pytest.mark.parametrize(
    "invoer, verwacht",
    [
        ([], "Je lijst is leeg"),
        (["Ik voel me alleen"], "maar één stap"),
        ("Ik voel me alleen", "Je gaf één tekst"),
        (42, "je gaf een getal"),
        (None, "je gaf niets (None)"),
        (("a", "b"), "je gaf een rijtje (tuple)"),
        ({"stap": "a"}, "je gaf een woordenboek (dict)"),
        (["Ik voel me alleen", 3], "Stap 2 is geen tekst maar een getal"),
        (["Ik voel me alleen", "Ik scrol", None], "Stap 3 is geen tekst maar niets (None)"),
        (["Ik voel me alleen", "   "], "Stap 2 is leeg"),
        (["gevoel:", "Ik scrol"], "Stap 1 heeft alleen een soort"),
        (["Ik voel me alleen", "Ik scrol", "Ik scrol"], 'Stap 3 ("Ik scrol") staat er al als stap 2'),
        (["Ik voel me alleen", "Ik scrol", "ik voel me  ALLEEN"], "Je laatste stap"),
        (["Ik scrol", "gevoel: Ik scrol", "Ik slaap"], 'Stap 2 ("Ik scrol") staat er al als stap 1'),
        ([f"Stap {i}" for i in range(9)], "hoogstens 8"),
        ([f"Stap {i}" for i in range(10**6)], "Je cirkel heeft 1000000 stappen; houd het bij hoogstens 8"),
        (["x" * 200, "Ik scrol"], "Stap 1 is erg lang"),
        (["x" * 10**7, "Ik scrol"], "Stap 1 is erg lang (10000000 tekens)"),
        (["Ik voel me\x00 alleen", "Ik scrol"], "Stap 1 bevat een onzichtbaar teken"),
        (["Ik voel me alleen", " " * 300 + "Ik scrol\x1b[31m"], "Stap 2 bevat een onzichtbaar teken"),
        ([10**5000, "Ik scrol"], "Stap 1 is geen tekst maar een getal"),
    ],
    ids=lambda v: kort(v, 40),
)
def test_bad_input_gives_one_dutch_line(invoer, verwacht, capsys):
    assert_one_dutch_line(capsys, teken_cirkel, invoer, expected=verwacht)


def test_learner_list_is_not_changed():
    stappen = ["gevoel: Ik voel me alleen", "Ik scrol door Instagram"]
    kopie = list(stappen)
    _analyseer(stappen)
    assert stappen == kopie


def test_deel_in_and_toon_trefwoorden(capsys):
    cirkel.deel_in(VOORBEELD)
    cirkel.toon_trefwoorden()
    uit = " ".join(capsys.readouterr().out.split())
    assert '2. "Ik scrol \'s avonds lang door Instagram" → gebruik (online gedrag)' in uit
    assert "scrol, instagram" in uit


# --- property tests ----------------------------------------------------------------------
tekst = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                min_size=1, max_size=60).filter(lambda s: s.strip())


def _uniek(lijst):
    sleutels = [cirkel._normaal(cirkel._VOORVOEGSEL_RE.sub("", s)) for s in lijst]
    return len(set(sleutels)) == len(sleutels) and all(sleutels)


@given(st.lists(tekst, min_size=2, max_size=8).filter(_uniek))
@settings(max_examples=150, deadline=None)
def test_any_valid_list_is_classified_step_by_step(stappen):
    c = _analyseer(stappen)
    assert [s.nummer for s in c.stappen] == list(range(1, len(stappen) + 1))
    assert all(s.soort in SOORTEN for s in c.stappen)
    soorten = {s.soort for s in c.stappen}
    assert c.rond == ({"gebruik", "gevoel"} <= soorten)


@given(st.sampled_from(["gebruik", "gevoel", "gevolg"]), tekst.filter(lambda s: ":" not in s))
@settings(max_examples=150, deadline=None)
def test_prefix_always_wins(soort, zin):
    assert _bepaal_soort(f"{soort}: {zin}")[1] == soort


@given(st.lists(tekst, min_size=2, max_size=7).filter(_uniek), st.data())
@settings(max_examples=100, deadline=None)
def test_repeated_step_is_named(stappen, data):
    i = data.draw(st.integers(0, len(stappen) - 1))
    herhaald = stappen + [stappen[i]]
    melding = melding_van(teken_cirkel, herhaald)
    assert melding is not None and "\n" not in melding
    genoemd = " ".join(cirkel._VOORVOEGSEL_RE.sub("", stappen[i]).split())
    assert f'("{genoemd}")' in melding


@given(st.lists(tekst, min_size=1, max_size=7),
       st.one_of(st.integers(), st.floats(allow_nan=False), st.none(), st.booleans(),
                 st.lists(st.integers(), max_size=2)),
       st.data())
@settings(max_examples=100, deadline=None)
def test_non_text_value_is_named_by_position(stappen, fout, data):
    i = data.draw(st.integers(0, len(stappen)))
    lijst = stappen[:i] + [fout] + stappen[i:]
    melding = melding_van(teken_cirkel, lijst)
    assert melding is not None
    # an earlier problem (e.g. an empty or too long step) may be reported first; otherwise
    # the message names the position of the non-text value
    if all(s.strip() and len(s.strip()) <= 120 and cirkel._VOORVOEGSEL_RE.sub("", s).strip()
           for s in stappen[:i]):
        assert melding.startswith(f"Stap {i + 1} is geen tekst")


@given(st.lists(tekst, min_size=2, max_size=8).filter(_uniek))
@settings(max_examples=60, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
def test_drawing_of_any_steps(stappen):
    """Any valid steps: one box and one arrow per step, no box overlaps another, every text
    inside the chart (check_chart), and each step's words drawn as text."""
    c = _analyseer(stappen)
    root = _tekening(stappen)
    dozen = _klassen(root, "stap")
    assert len(dozen) == len(stappen)
    assert len(_klassen(root, "pijl") + _klassen(root, "pijl-terug")) == len(stappen)
    vakken = [tuple(float(d.get(k)) for k in ("x", "y", "width", "height")) for d in dozen]
    for i, (x1, y1, b1, h1) in enumerate(vakken):
        for x2, y2, b2, h2 in vakken[i + 1:]:
            assert x1 + b1 <= x2 or x2 + b2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1, "boxes overlap"
    getekend = "".join("".join(chart_texts(root)).split())
    for stap in c.stappen:
        assert "".join(cirkel.g.schoon(stap.tekst).split()) in getekend


@given(st.one_of(st.integers(), st.floats(), st.none(), st.text(), st.booleans(),
                 st.dictionaries(st.text(), st.integers(), max_size=3),
                 st.tuples(st.text()),
                 st.lists(st.one_of(st.text(), st.integers(), st.none(),
                                    st.just(5000).map(lambda cijfers: 10**cijfers)), max_size=12)))
@settings(max_examples=300, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
def test_property_any_input_gives_a_chart_or_one_dutch_line(invoer):
    with charts_shown() as getoond:
        melding = melding_van(teken_cirkel, invoer)
    if melding is None:
        [(svg, alt)] = getoond
        check_chart(svg, alt)
    else:
        assert "\n" not in melding and melding[0].isupper() and len(melding) < 400
        assert getoond == []


# --- notebook -----------------------------------------------------------------------------
def test_notebook_runs_and_gives_feedback(run_notebook):
    nb = run_notebook("m2-vicieuze-cirkel.ipynb")
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error"
    tekst_uit = " ".join(notebook_text(nb).split())
    assert "De cirkel is rond" in tekst_uit
    assert "De cirkel is nog niet rond" in tekst_uit
    assert "Waar kun je als professional helpen" in tekst_uit
    assert "De tekening toont" in tekst_uit
    assert "Traceback" not in tekst_uit
    plaatjes = [o for c in nb.cells for o in c.get("outputs", []) if "image/svg+xml" in o.get("data", {})]
    assert len(plaatjes) == sum("teken_cirkel(" in c.source for c in nb.cells if c.cell_type == "code")
    for uit in plaatjes:
        check_chart(uit["data"]["image/svg+xml"], uit["data"]["text/plain"].removeprefix("Figuur: "))
    for cell in nb.cells:
        if cell.cell_type == "code" and "teken_cirkel(" in cell.source:
            assert cell.metadata["mystnb"]["image"]["alt"]

"""Tests for module 2: the vicious-circle helper (exercises/cursus/cirkel.py) and its notebook."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from conftest import assert_one_dutch_line  # noqa: E402
from conftest import notebook_text  # noqa: E402
from cursus import cirkel  # noqa: E402
from cursus._basis import LET_OP, melding_van  # noqa: E402
from cursus.cirkel import SOORTEN, _analyseer, _bepaal_soort, _teken, teken_cirkel  # noqa: E402

# random texts from hypothesis may contain characters that the default font cannot draw
pytestmark = pytest.mark.filterwarnings("ignore:Glyph .* missing from font:UserWarning")

VOORBEELD = [
    "Ik voel me alleen",
    "Ik scrol 's avonds lang door Instagram",
    "Ik slaap slecht en ben moe op school",
    "Ik zeg afspraken met vrienden af",
]


@pytest.fixture(autouse=True)
def _sluit_figuren(monkeypatch):
    monkeypatch.setattr(plt, "show", lambda *a, **k: None)
    yield
    plt.close("all")


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
def test_example_circle_is_closed_and_gets_tips_per_type(capsys):
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


def test_circle_without_use_is_not_closed(capsys):
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
    fig = _teken(_analyseer(VOORBEELD))
    ax = fig.axes[0]
    dozen = [t for t in ax.texts if t.get_bbox_patch() is not None]
    assert len(dozen) == len(VOORBEELD)
    gids = [p.get_gid() for p in ax.patches]
    assert gids.count("pijl") == len(VOORBEELD) - 1 and gids.count("pijl-terug") == 1
    assert [t.get_text() for t in fig.legends[0].get_texts()][0] == "gevoel of gedachte"


def test_open_circle_has_dashed_closing_arrow():
    fig = _teken(_analyseer(["Ik voel me somber", "Ik blijf in bed liggen"]))
    terug = [p for p in fig.axes[0].patches if p.get_gid() == "pijl-terug"][0]
    assert terug.get_linestyle() == "--"
    assert "nog niet rond" in fig.axes[0].get_title()


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
        (["x" * 200, "Ik scrol"], "Stap 1 is erg lang"),
    ],
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


@given(st.one_of(st.integers(), st.floats(), st.none(), st.text(), st.booleans(),
                 st.dictionaries(st.text(), st.integers(), max_size=3),
                 st.tuples(st.text()), st.lists(st.one_of(st.text(), st.integers()), max_size=10)))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_never_a_traceback(invoer):
    melding = melding_van(teken_cirkel, invoer)
    if melding is not None:
        assert "\n" not in melding and melding[0].isupper()


leesbaar = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéë ',.?!ABCXYZ0123456789", min_size=1,
                   max_size=120).filter(lambda s: s.strip())


@given(st.lists(leesbaar, min_size=2, max_size=8).filter(_uniek))
@settings(max_examples=12, deadline=None)
def test_drawing_always_has_n_boxes_and_n_arrows(stappen):
    fig = _teken(_analyseer(stappen))
    ax = fig.axes[0]
    assert len([t for t in ax.texts if t.get_bbox_patch() is not None]) == len(stappen)
    assert len([p for p in ax.patches if p.get_gid() in ("pijl", "pijl-terug")]) == len(stappen)
    plt.close(fig)


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
    plaatjes = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(plaatjes) >= 2
    for cell in nb.cells:
        if cell.cell_type == "code" and "teken_cirkel(" in cell.source:
            assert cell.metadata["mystnb"]["image"]["alt"]

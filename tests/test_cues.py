"""The form-only guesser (course/cues.py): its scoring, and controls that show the rule can fail."""

import pytest

from course import cues

CAREFUL = "Mogelijk speelt er meer; samen bespreken en doorvragen helpt."
RASH = "Hij moet meteen stoppen met alle apps."
PLAIN = "Het ligt aan de toetsweek."


def item(n, options, keys):
    return cues.Item(f"q{n}", tuple(options), frozenset(keys))


def rate(items, name):
    return next(r for r in cues.strategies(items) if r.strategy == name)


def test_careful_scores_hedges_and_collaboration_over_absolutes():
    assert cues.care(CAREFUL) > cues.care(PLAIN) > cues.care(RASH)


def test_reason_markers_and_semicolon_count_as_a_reason():
    assert cues.has_reason("Nee, want het is kort.")
    assert cues.has_reason("Nog weinig; doorvragen helpt.")
    assert not cues.has_reason(PLAIN)


def test_control_a_bank_where_the_careful_option_is_always_the_key_fails():
    items = [item(n, [RASH, CAREFUL, PLAIN], {1}) for n in range(9)]
    found = cues.problems(items)
    assert any("most careful-sounding" in line for line in found), found
    assert rate(items, "most careful-sounding").rate == 1.0


def test_control_a_bank_where_the_only_reasoned_option_is_the_key_fails():
    items = [item(n, ["Ja, omdat het zo is.", "Nee.", "Soms."], {0}) for n in range(6)]
    assert any("only one with a reason" in line for line in cues.problems(items))


def test_control_a_bank_where_the_longest_option_is_the_key_fails():
    options = ["Kort.", "Iets langer.", "Dit is veruit het langste antwoord van de drie."]
    items = [item(n, options, {2}) for n in range(6)]
    assert any("longest" in line for line in cues.problems(items))


def test_a_balanced_bank_passes():
    # The key rotates over the careful, the rash and the plain option: form tells nothing.
    options = [RASH, CAREFUL, PLAIN]
    items = [item(n, options, {n % 3}) for n in range(9)]
    assert cues.problems(items) == []


def test_ties_earn_the_expected_credit_not_a_lucky_one():
    # All three options sound the same: a strategy that cannot choose scores exactly chance.
    items = [item(0, [PLAIN, PLAIN, PLAIN], {0})]
    for r in cues.strategies(items):
        assert r.rate == pytest.approx(1 / 3)


def test_multiple_keys_credit_the_share_of_ticks_that_are_keys():
    # Two keys of four; the two most careful options are one key and one distractor.
    it = item(0, [CAREFUL, CAREFUL + " Vaak.", RASH, PLAIN], {0, 2})
    r = rate([it], "most careful-sounding")
    assert r.rate == pytest.approx(0.5) and r.chance == pytest.approx(0.5)


def test_items_without_keys_or_with_one_option_are_refused():
    with pytest.raises(ValueError):
        item(0, ["A", "B"], set())
    with pytest.raises(ValueError):
        item(0, ["A"], {0})

"""The self-checks cannot be passed on form (issue 22): course.cues on every book/m*/zelftoets.md item.

The rules, each with a control that shows it can fail:

- no form strategy of :mod:`course.cues` beats chance by more than ``cues.MARGIN``, nor do the two
  mirror strategies a test-wise learner tries next: the least careful-sounding option and the
  option of middle length;
- in at least a third of the items a distractor is the one most careful-sounding option;
- hedges and collaborative words are, per option, about as frequent in distractors as in keys;
- within an item either every option gives a reason or none does;
- the topics the text stresses without a case are asked: the SMD cut-offs as group figures,
  emotional dependence with low self-esteem, the warm referral, and within- versus
  between-person differences in a new situation.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import module_dirs

from course import cues

PAGES = [m / "zelftoets.md" for m in module_dirs()]
ITEMS = [item for page in PAGES for item in cues.selfcheck_items(page)]

#: Per option, the key may carry at most this many more hedges and collaborative words than a distractor.
WORD_GAP = 0.2


def _hedge_words(text: str) -> int:
    text = cues.plain(text)
    return len(cues._HEDGES.findall(text)) + len(cues._COLLABORATIVE.findall(text))


def _middle(item: cues.Item) -> list[float]:
    lengths = [cues.length(o) for o in item.options]
    median = sorted(lengths)[len(lengths) // 2]
    return [-abs(n - median) for n in lengths]


MIRRORS = {
    "least careful-sounding": lambda item: [-float(cues.care(o)) for o in item.options],
    "middle-length": _middle,
}


def mirror_problems(items: list[cues.Item], margin: float = cues.MARGIN) -> list[str]:
    """The mirror strategies that beat chance by more than ``margin`` (same credit rule as course.cues)."""
    base = sum(cues.chance(i) for i in items) / len(items)
    out = []
    for name, score in MIRRORS.items():
        rate = sum(cues._credit(i, score(i)) for i in items) / len(items)
        if rate - base > margin + 1e-9:
            out.append(f"choosing the {name} option finds {rate:.0%} of the keys against {base:.0%} by chance")
    return out


def careful_distractors(items: list[cues.Item]) -> list[str]:
    """Items whose one most careful-sounding option is not a key."""
    out = []
    for item in items:
        care = [cues.care(o) for o in item.options]
        top = max(care)
        if care.count(top) == 1 and care.index(top) not in item.keys:
            out.append(item.id)
    return out


def word_gap(items: list[cues.Item]) -> float:
    """Hedges and collaborative words per key minus the same per distractor."""
    keys = [_hedge_words(o) for i in items for n, o in enumerate(i.options) if n in i.keys]
    others = [_hedge_words(o) for i in items for n, o in enumerate(i.options) if n not in i.keys]
    return sum(keys) / len(keys) - sum(others) / len(others)


def reason_problems(items: list[cues.Item]) -> list[str]:
    out = []
    for item in items:
        given = sum(cues.has_reason(o) for o in item.options)
        if given not in (0, len(item.options)):
            out.append(f"{item.id}: {given} of {len(item.options)} options give a reason (all or none)")
    return out


# --- the rules on the course -------------------------------------------------------------------


def test_the_self_checks_were_read():
    assert len(ITEMS) >= 36
    assert all(len(i.keys) == 1 and len(i.options) == 3 for i in ITEMS)


def test_no_form_strategy_beats_chance():
    assert cues.problems(ITEMS) == []
    assert mirror_problems(ITEMS) == []


def test_a_careful_sounding_distractor_in_at_least_a_third_of_the_items():
    found = careful_distractors(ITEMS)
    assert len(found) * 3 >= len(ITEMS), f"only {len(found)} of {len(ITEMS)}: {found}"


def test_hedges_and_collaborative_words_are_as_common_in_distractors_as_in_keys():
    assert word_gap(ITEMS) <= WORD_GAP


def test_every_option_gives_a_reason_or_none_does():
    assert reason_problems(ITEMS) == []


TOPICS = {
    "SMD cut-offs as group figures": [r"afkappunt", r"5 of 6 kenmerken|5 of meer", r"groep"],
    "emotional dependence and low self-esteem": [r"emotionele afhankelijkheid", r"zelfvertrouwen"],
    "the warm referral": [r"warme doorverwijzing", r"meegaan"],
    "within- versus between-person in a new situation": [r"verschil tussen personen", r"binnen één"],
}


def _questions(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return re.split(r"^````\{exercise\}", text, flags=re.M)[1:]


@pytest.mark.parametrize("topic", TOPICS)
def test_the_topics_the_text_stresses_are_asked(topic):
    patterns = TOPICS[topic]
    hits = [q for page in PAGES for q in _questions(page) if all(re.search(p, q, re.I) for p in patterns)]
    assert hits, f"no self-check question asks about {topic}"


# --- controls: each rule can fail ----------------------------------------------------------------

#: Four questions of book/m1-spectrum/zelftoets.md as they were in version 0.2.0 (options verbatim,
#: feedback cut to its verdict): the careful-sounding middle was the key every time.
OLD_PAGE = """# Zelftoets

````{exercise} Vraag 1
:label: m1-toets-1
:class: zelftoets
:nonumber:

Jamal (17) zegt tegen zijn mentor: "Die toetsweek is echt slecht voor mijn mentale gezondheid."

- **A.** Waarschijnlijk niets ernstigs, want jongeren gebruiken zulke woorden tegenwoordig voor bijna alles.
- **B.** Nog weinig over de ernst; doorvragen naar duur, slaap en dagelijks leven helpt.
- **C.** Dat Jamal mogelijk psychische klachten heeft die de mentor moet doorgeven.
````

````{solution} m1-toets-1
:class: dropdown
:label: m1-toets-1-antwoord

- **A. Niet juist.** Zo wuif je het weg.
- **B. Juist.** Pas als je doorvraagt, weet je wat Jamal bedoelt.
- **C. Niet juist.** Eén uitspraak is nog geen signaal van een aandoening.
````

````{exercise} Vraag 3
:label: m1-toets-3
:class: zelftoets
:nonumber:

Noor (16) zegt dat Instagram haar "depressief maakt".

- **A.** Bij aanhoudende klachten, omdat het gevoel sinds de zomer steeds terugkomt.
- **B.** Bij een alledaagse hobbel die soms terugkomt, en die toch aandacht verdient.
- **C.** Bij een mogelijke aandoening, omdat Noor zelf het woord depressief gebruikt.
````

````{solution} m1-toets-3
:class: dropdown
:label: m1-toets-3-antwoord

- **A. Niet juist.** Het gevoel is de volgende ochtend weer weg.
- **B. Juist.** Er is een duidelijke aanleiding en het duurt kort.
- **C. Niet juist.** Het alledaagse gebruik van een woord zegt weinig.
````

````{exercise} Vraag 4
:label: m1-toets-4
:class: zelftoets
:nonumber:

Mehmet (19) stopte met zijn opleiding en verloor zijn bijbaan.

- **A.** Zeggen wat ze ziet, samen kijken wat zich opstapelt en een vervolgmoment afspreken.
- **B.** Voorlopig niets zeggen en een paar weken aanzien, zodat Mehmet zich niet onder druk gezet voelt.
- **C.** Hem aanraden de groepsapp te verlaten, zodat hij zich niet meer vergelijkt.
````

````{solution} m1-toets-4
:class: dropdown
:label: m1-toets-4-antwoord

- **A. Juist.** Samen kunnen tegenslagen uitgroeien tot iets zwaars.
- **B. Niet juist.** Afwachten laat de stapel groeien.
- **C. Niet juist.** Weggaan uit de groep neemt ook het contact weg.
````

````{exercise} Vraag 6
:label: m1-toets-6
:class: zelftoets
:nonumber:

Mehmet (19) zegt zacht: "Soms denk ik dat iedereen beter af is zonder mij."

- **A.** Eerst bepalen waar Mehmet op het spectrum staat; daar hangt haar reactie van af.
- **B.** Er nu niet op ingaan, om hem niet op een idee te brengen waar hij nog niet aan dacht.
- **C.** Rustig vragen of hij aan zelfdoding denkt, en samen 113 Zelfmoordpreventie bellen.
````

````{solution} m1-toets-6
:class: dropdown
:label: m1-toets-6-antwoord

- **A. Niet juist.** Gedachten aan zelfdoding gaan altijd voor.
- **B. Niet juist.** Ernaar vragen brengt iemand niet op het idee.
- **C. Juist.** Vraag het rechtstreeks en zoek samen hulp.
````
"""


@pytest.fixture
def old_items(tmp_path: Path) -> list[cues.Item]:
    page = tmp_path / "m1-spectrum" / "zelftoets.md"
    page.parent.mkdir()
    page.write_text(OLD_PAGE, encoding="utf-8")
    return cues.selfcheck_items(page)


def test_control_the_old_page_is_read_with_its_keys(old_items):
    assert [i.id for i in old_items] == [f"m1-spectrum/m1-toets-{n}" for n in (1, 3, 4, 6)]
    assert [sorted(i.keys) for i in old_items] == [[1], [1], [0], [2]]


def test_control_the_old_page_fails_the_rules(old_items):
    assert any("most careful-sounding" in line for line in cues.problems(old_items))
    assert careful_distractors(old_items) == []
    assert word_gap(old_items) > WORD_GAP
    assert reason_problems(old_items) == [
        "m1-spectrum/m1-toets-1: 2 of 3 options give a reason (all or none)",
        "m1-spectrum/m1-toets-3: 2 of 3 options give a reason (all or none)",
        "m1-spectrum/m1-toets-4: 2 of 3 options give a reason (all or none)",
        "m1-spectrum/m1-toets-6: 1 of 3 options give a reason (all or none)",
    ]


def test_control_the_mirror_strategies_can_fail():
    rash = "Hij moet er meteen en voorgoed mee stoppen."
    careful, plain = "Misschien samen bespreken.", "Het ligt aan de week."
    least = [cues.Item(f"q{n}", (careful, rash, plain), frozenset({1})) for n in range(6)]
    assert mirror_problems(least) == [
        "choosing the least careful-sounding option finds 100% of the keys against 33% by chance"]
    middle = [cues.Item(f"q{n}", ("Kort.", "Iets langer dan kort.", "Dit is het langste antwoord van de drie."),
                        frozenset({1})) for n in range(6)]
    assert mirror_problems(middle) == ["choosing the middle-length option finds 100% of the keys against 33% by chance"]

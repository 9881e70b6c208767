"""Can an item be answered on its form? The test-wise guesser's strategies, measured.

A learner who knows nothing of the subject can still choose on form: the longest (or shortest) option, the
option that sounds most careful (hedges and collaborative verbs up, absolutes down), or the only
option that gives a reason. For a set of items, :func:`strategies` gives each strategy's expected
share of keys found, next to the share that blind guessing finds. The rule for the self-checks and
the final test's bank (CONTRIBUTING, "Writing test items"): no strategy beats chance by more than
:data:`MARGIN`.

Ties are shared: a strategy that cannot tell two options apart picks one of them at random, so it
earns the expected credit, never a lucky one. For an item with several keys (``meerkeuze``) the
guesser is told how many to tick and ticks that many of the highest-scoring options; the credit is
the share of ticks that are keys, and chance is keys/options.

The word lists live in :mod:`course.vocabulary` (``CUE_*``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from course import vocabulary

#: How far (as a share, 0.10 = 10 points) a form strategy may beat chance.
MARGIN = 0.10


@dataclass(frozen=True)
class Item:
    """One question as the guesser sees it: the options' text and which of them are keys."""

    id: str
    options: tuple[str, ...]
    keys: frozenset[int]

    def __post_init__(self):
        if len(self.options) < 2 or not self.keys or not self.keys <= set(range(len(self.options))):
            raise ValueError(f"{self.id}: needs two or more options and keys among them")


def _pattern(words: Iterable[str]) -> re.Pattern:
    alternatives = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


_HEDGES = _pattern(vocabulary.CUE_HEDGES)
_COLLABORATIVE = _pattern(vocabulary.CUE_COLLABORATIVE)
_ABSOLUTES = _pattern(vocabulary.CUE_ABSOLUTES)
_REASONS = _pattern(vocabulary.CUE_REASONS)
_MARKUP = re.compile(r"[*_`]|\{[a-z:]+\}`[^`]*`")


def plain(text: str) -> str:
    """The option as read: no Markdown emphasis, no roles."""
    return " ".join(_MARKUP.sub("", text).split())


def care(text: str) -> int:
    """How careful an option sounds: hedges and collaborative words minus absolutes."""
    text = plain(text)
    return len(_HEDGES.findall(text)) + len(_COLLABORATIVE.findall(text)) - len(_ABSOLUTES.findall(text))


def has_reason(text: str) -> bool:
    """True when the option gives a reason (``want``, ``omdat`` ... or a clause after a semicolon)."""
    text = plain(text)
    return bool(_REASONS.search(text)) or ";" in text


def length(text: str) -> int:
    return len(plain(text))


def _credit(item: Item, scores: Sequence[float]) -> float:
    """Expected share of keys among the k options a guesser ticks by highest score (ties random)."""
    k = len(item.keys)
    order = sorted(set(scores), reverse=True)
    credit, left = 0.0, k
    for value in order:
        tied = [i for i, s in enumerate(scores) if s == value]
        take = min(left, len(tied))
        credit += take * sum(i in item.keys for i in tied) / len(tied)
        left -= take
        if not left:
            break
    return credit / k


def chance(item: Item) -> float:
    return len(item.keys) / len(item.options)


def _only_reason(item: Item) -> list[float]:
    marks = [has_reason(o) for o in item.options]
    # Exactly one option gives a reason: the guesser takes it. Otherwise the cue says nothing.
    return [1.0 if m else 0.0 for m in marks] if sum(marks) == 1 else [0.0] * len(marks)


STRATEGIES = {
    "longest": lambda item: [float(length(o)) for o in item.options],
    # Keys written short to dodge the first rule give themselves away the other way round.
    "shortest": lambda item: [-float(length(o)) for o in item.options],
    "most careful-sounding": lambda item: [float(care(o)) for o in item.options],
    "only one with a reason": _only_reason,
}


@dataclass(frozen=True)
class Result:
    strategy: str
    rate: float  # expected share of keys found
    chance: float  # share blind guessing finds
    items: int
    hits: tuple[str, ...]  # items where the strategy surely finds the key

    @property
    def excess(self) -> float:
        return self.rate - self.chance


def strategies(items: Sequence[Item]) -> list[Result]:
    """Each form strategy's expected score on ``items`` against chance."""
    if not items:
        return []
    base = sum(chance(i) for i in items) / len(items)
    results = []
    for name, score in STRATEGIES.items():
        credits = [(_credit(i, score(i)), i) for i in items]
        rate = sum(c for c, _ in credits) / len(items)
        hits = tuple(i.id for c, i in credits if c == 1.0)
        results.append(Result(name, rate, base, len(items), hits))
    return results


def problems(items: Sequence[Item], margin: float = MARGIN) -> list[str]:
    """One English line per strategy that beats chance by more than ``margin``."""
    return [
        f"choosing the {r.strategy} option finds {r.rate:.0%} of the keys against {r.chance:.0%} by chance "
        f"(allowed: {r.chance + margin:.0%}); it surely wins on {len(r.hits)} of {r.items}: {', '.join(r.hits)}"
        for r in strategies(items)
        if r.excess > margin + 1e-9
    ]


# --- the self-checks as items ------------------------------------------------------------------


def selfcheck_items(path: Path) -> list[Item]:
    """The questions of one self-check page: options from the question, keys from its feedback."""
    from course import markdown

    text = path.read_text(encoding="utf-8")
    found = markdown.directives(text)
    feedback = {d.argument: d for d in found if d.name == "solution"}
    items = []
    for d in found:
        if d.name != "exercise" or vocabulary.SELF_CHECK not in d.classes:
            continue
        label = d.options.get("label", "")
        options = [re.sub(r"^\*\*[A-Z]\.\*\*\s*", "", o) for o in markdown.list_items(d.body, ordered=False)]
        verdicts = markdown.list_items(feedback[label].body, ordered=False) if label in feedback else []
        keys = frozenset(
            i for i, v in enumerate(verdicts) if re.match(r"^\*\*[A-Z]\.\s*" + vocabulary.RIGHT + r"\.?\*\*", v)
        )
        items.append(Item(f"{path.parent.name}/{label}", tuple(options), keys))
    return items

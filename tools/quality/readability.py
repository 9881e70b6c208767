"""Readability per page: the Flesch-Douma score, average sentence length, long sentences.

Flesch-Douma (Douma 1960, the Dutch adaptation of Flesch reading ease)::

    206.835 - 0.93 * (words / sentences) - 77 * (syllables / words)

Roughly: 60-70 is plain language (B1), 50-60 fairly easy, 30-50 hard, below 30 very hard.
Counted over the prose a learner reads: paragraphs and list items (headings, titles and
table cells are labels, not sentences). Each paragraph or list item ends a sentence.

Syllables are counted with a vowel-group rule for Dutch, not with Pyphen: Pyphen's nl_NL
hyphenation patterns leave out breaks a typesetter avoids (i-dee, me-di-a, o-ké), which
would undercount. The rule counts every run of vowels as one syllable, except that a run is
split into the Dutch vowel units it is made of: "aai", "ooi", "oei", "ieu", "eeu", "aa",
"ee", "oo", "uu", "ie", "oe", "eu", "ui", "ei", "ij", "ou", "au" count once; a diaeresis
starts a new syllable (geë-mo-ti-o-neerd); other pairs ("ia", "io") count as two.

``make readability`` prints the report and writes it to ``_build/reports/leesbaarheid.txt``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import ROOT, text

LONG_SENTENCE = 25  # words
MINIMUM_SCORE = 40  # a page below this fails the test ("far outside" B1-B2)
PROSE = {"paragraph", "item"}

VOWELS = "aeiouyáéíóúàèìòùâêîôûäëïöü"
UNITS = ["aai", "ooi", "oei", "ieu", "eeu", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ei",
         "ij", "ou", "au", "ai", "oi", "ey", "uy"]
_UNIT = re.compile("|".join(UNITS) + f"|[{VOWELS}]")
_VOWEL_RUN = re.compile(f"(?:[{VOWELS}]|ij)+")
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = {"bijv", "bv", "o.a", "d.w.z", "m.a.w", "e.d", "enz", "etc", "al", "nr", "ca",
                 "incl", "excl", "vs", "dr", "mr", "prof", "mevr", "dhr", "zgn", "z.g.a.n", "i.p.v", "t.o.v"}


def syllables(word: str) -> int:
    """Dutch syllables of one word (at least 1); digits count as one syllable per word."""
    w = word.lower().replace("’", "'")
    if not re.search(f"[{VOWELS}]", w):
        return 1
    count = 0
    for run in _VOWEL_RUN.findall(w):
        # a diaeresis vowel (ë, ï, ö, ü) always starts a new syllable
        pieces = re.split("(?=[ëïöü])", run)
        for piece in pieces:
            if piece:
                count += len(_UNIT.findall(piece))
    return max(count, 1)


def sentences(block: str) -> list[str]:
    """Split one paragraph or list item into sentences."""
    parts: list[str] = []
    start = 0
    for m in re.finditer(r"[.!?]+[\"'”)]*(?=\s+[\"'“(]?[A-ZÀ-ÝÉ0-9])", block):
        before = block[start:m.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if m.group(0).startswith(".") and (last in ABBREVIATIONS or re.fullmatch(r"[^\W\d_]", last)):
            continue
        parts.append(block[start:m.end()])
        start = m.end()
    parts.append(block[start:])
    return [p.strip() for p in parts if WORD.search(p)]


@dataclass
class PageScore:
    path: str
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    long: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        if not self.words:
            return 100.0
        return 206.835 - 0.93 * (self.words / self.sentences) - 77 * (self.syllables / self.words)

    @property
    def average_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0


def score_text(blocks: list[str], path: str = "") -> PageScore:
    page = PageScore(path)
    for block in blocks:
        for s in sentences(block):
            words = WORD.findall(s)
            page.sentences += 1
            page.words += len(words)
            page.syllables += sum(syllables(w) for w in words)
            if len(words) > LONG_SENTENCE:
                page.long.append(s)
    return page


def score_file(path: Path) -> PageScore:
    blocks = [b.text for b in text.blocks_of(path) if b.kind in PROSE]
    return score_text(blocks, text.rel(path))


def pages() -> list[Path]:
    """Learner pages: everything in the toc (notebooks too), not the helper modules."""
    return text.toc_files()


def report(scores: list[PageScore], show_sentences: bool = True) -> str:
    lines = [f"{'pagina':<62} {'score':>6} {'gem.zin':>8} {'>25':>4}"]
    for s in scores:
        flag = f"  << onder {MINIMUM_SCORE:d}" if s.score < MINIMUM_SCORE else ""
        lines.append(f"{s.path:<62} {s.score:6.1f} {s.average_sentence:8.1f} {len(s.long):4d}{flag}")
    total = score_text([])
    for s in scores:
        total.sentences += s.sentences
        total.words += s.words
        total.syllables += s.syllables
    lines.append(f"{'alle pagina’s samen':<62} {total.score:6.1f} {total.average_sentence:8.1f} "
                 f"{sum(len(s.long) for s in scores):4d}")
    if show_sentences:
        lines.append("")
        lines.append(f"Zinnen van meer dan {LONG_SENTENCE} woorden:")
        if not any(s.long for s in scores):
            lines.append("(geen)")
        for s in scores:
            for sentence in s.long:
                lines.append(f"- {s.path}: ({len(WORD.findall(sentence))} woorden) {sentence}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    scores = [score_file(p) for p in pages()]
    out = report(scores, show_sentences="--kort" not in argv)
    print(out)
    target = ROOT / "_build" / "reports" / "leesbaarheid.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(out + "\n", encoding="utf-8")
    print(f"\n(ook geschreven naar {text.rel(target)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Dutch spelling: Debian's hunspell-nl (OpenTaal) dictionary through Debian's hunspell (the
reference implementation, run in its ispell pipe mode ``hunspell -a``), plus the project word list
``woordenlijst.txt`` (names and terms the dictionary does not know).

Run ``.venv/bin/python -m tools.quality.spelling`` for a list of unknown words.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys
from pathlib import Path

from . import text

DICTIONARY = Path("/usr/share/hunspell/nl")  # from the Debian package hunspell-nl
# Words in *italics* are, by Dutch convention, foreign terms and titles ("experience sampling",
# a study's English title); they may also be English (Debian package hunspell-en-us).
ENGLISH = Path("/usr/share/hunspell/en_US")
WORDLIST = Path(__file__).with_name("woordenlijst.txt")

# A word: letters, with inner apostrophes or hyphens (foto's, zo'n, oud-collega).
WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


class MissingDictionary(RuntimeError):
    pass


class Hunspell:
    """Debian's hunspell for one dictionary, asked in batches: ``hunspell -L -G`` reads one word
    per line and prints back only the lines it finds wholly correct (no suggestions are computed,
    which is what makes a batch of unknown words cheap). Verdicts are cached per word."""

    def __init__(self, path: Path) -> None:
        self.exe = shutil.which("hunspell")
        if self.exe is None:
            raise MissingDictionary("hunspell is missing: install the Debian package hunspell "
                                    "(bash tools/system-deps.sh test)")
        self.path = path
        self.verdicts: dict[str, bool] = {}

    def known_words(self, words) -> set[str]:
        """The words of ``words`` the dictionary knows."""
        words = set(words)
        ask = sorted(w for w in words if w not in self.verdicts and w.strip() and "\n" not in w)
        if ask:
            done = subprocess.run([self.exe, "-L", "-G", "-i", "utf-8", "-d", str(self.path)],
                                  input="".join(w + "\n" for w in ask), capture_output=True,
                                  text=True, encoding="utf-8", check=True)
            correct = set(done.stdout.splitlines())
            self.verdicts.update((w, w in correct) for w in ask)
        return {w for w in words if self.verdicts.get(w, False)}

    def lookup(self, word: str) -> bool:
        return word in self.known_words([word])


@functools.cache
def dictionary(path: Path = DICTIONARY) -> Hunspell:
    if not path.with_suffix(".dic").exists():
        raise MissingDictionary(
            f"{path}.dic is missing: install the Debian packages hunspell-nl and hunspell-en-us "
            f"(bash tools/system-deps.sh test)")
    return Hunspell(path)


def read_wordlist(path: Path = WORDLIST) -> list[str]:
    return [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip()]


def _known_by_dictionary(word: str, path: Path = DICTIONARY) -> bool:
    return dictionary(path).lookup(word)


def known_words(words, path: Path = DICTIONARY) -> set[str]:
    """The words the dictionary knows, asked in one batch."""
    return dictionary(path).known_words(words)


def _candidates(s: str) -> list[str]:
    """Every word ``unknown_words`` may look up in ``s``, hyphenated parts included."""
    out = []
    for m in WORD.finditer(s.replace("\u2019", "'")):
        w = m.group(0).strip("'-")
        out.append(w)
        out += [p for p in w.split("-") if p]
    return out


class Checker:
    def __init__(self, extra_words: list[str] | None = None) -> None:
        words = read_wordlist() if extra_words is None else extra_words
        self.extra = set(words)

    def _in_list(self, word: str) -> bool:
        if word in self.extra:
            return True
        # sentence start ("Scrollen") or a heading in capitals of a listed lower-case word
        return word[:1].lower() + word[1:] in self.extra

    def known(self, word: str) -> bool:
        word = word.replace("\u2019", "'")
        if self._in_list(word) or _known_by_dictionary(word):
            return True
        if "-" in word:  # compounds written with a hyphen: every part must be known
            return all(self.known(part) for part in word.split("-") if len(part) > 1)
        return False

    def unknown_words(self, s: str, italic: str = "") -> list[str]:
        """Unknown words in ``s``; words that also occur in ``italic`` may be English."""
        foreign = set(WORD.findall(italic.replace("\u2019", "'")))
        known_words(_candidates(s))  # one batch per call (none when check_files asked already)
        known_words(_candidates(italic), ENGLISH)
        out = []
        for m in WORD.finditer(s.replace("\u2019", "'")):
            w = m.group(0).strip("'-")
            if len(w) < 2:
                continue
            if self.known(w):
                continue
            if w in foreign and all(_known_by_dictionary(p, ENGLISH) for p in w.split("-") if p):
                continue
            out.append(w)
        return out


def check_files(files: list[Path], checker: Checker | None = None) -> list[tuple[str, int, str]]:
    """(file, line, word) for every unknown word in the learner-visible text of ``files``."""
    checker = checker or Checker()
    blocks = [(f, block) for f in files for block in text.blocks_of(f)]
    known_words(w for _, b in blocks for w in _candidates(b.text))  # one batch for all pages
    known_words((w for _, b in blocks for w in _candidates(b.foreign)), ENGLISH)
    problems = []
    for f, block in blocks:
        for w in checker.unknown_words(block.text, block.foreign):
            problems.append((text.rel(f), block.line, w))
    return problems


def main() -> int:
    problems = check_files(text.learner_files())
    for f, line, w in problems:
        print(f"{f}:{line}: {w}")
    print(f"{len(problems)} onbekende woorden", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

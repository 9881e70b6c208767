"""Item analysis of the final test from an LMS export: ``python -m tools.itemanalyse FILE``.

Reads either
- Moodle's SCORM interactions report, downloaded as text (tab-separated; comma or semicolon
  works too): one row per learner and LMS attempt, columns ``Question N`` / ``Response N`` /
  ``Result N`` (English or Dutch headers: ``Vraag``, ``Antwoord``, ``Resultaat``); or
- scorm-again's JSON: one learner's CMI object (``renderCMIToJSONObject()``), a list of them,
  or an object of them by learner, with ``interactions`` (1.2 ``student_response`` or 2004
  ``learner_response``).

Per learner only the first answer to each item counts (the course's first attempt counts, and a
retake repeats items only where the bank runs short). For every item it prints the p-value
(proportion right), the item-rest correlation (the item against the proportion right on the
learner's other items: learners draw different items, so sums are not comparable) and how often
each option was chosen; for the test, Cronbach's alpha. When every learner answered every item
the classic alpha is used; with random draws, the standardised alpha from the mean inter-item
correlation over the pairs of items answered together, with k the median test length.

Flags (``FLAGS``): too hard, too easy, weak or negative item-rest correlation, an option nobody
picks, an option that draws more learners than the key, too few answers. Messages are Dutch:
the organisation's test developer reads them.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import re
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

#: Thresholds for the flags (common rules of thumb in classical test analysis).
P_LOW, P_HIGH = 0.30, 0.90
R_LOW = 0.20
OPTION_RARE = 0.05
MIN_ANSWERS = 20
MIN_PAIR = 10

RIGHT = {"correct", "juist", "goed", "1", "true"}
WRONG = {"wrong", "incorrect", "fout", "onjuist", "0", "false", "unanticipated", "neutral"}

_QUESTION = re.compile(r"^(question|vraag)\s*(\d+)$", re.I)
_RESPONSE = re.compile(r"^(response|antwoord|reactie)\s*(\d+)$", re.I)
_RESULT = re.compile(r"^(result|resultaat)\s*(\d+)$", re.I)
_ATTEMPT = re.compile(r"^(attempt|poging)$", re.I)


class InvoerFout(ValueError):
    """A file this tool cannot read; the message is one Dutch sentence."""


@dataclass
class Answer:
    item: str
    response: str     # letters of the original option order: "b" or "a,c"
    right: bool


@dataclass
class ItemResult:
    item: str
    n: int
    p: float
    rest_r: float | None
    options: dict[str, int]
    key: str | None
    flags: list[str] = field(default_factory=list)


def _result(text: str) -> bool | None:
    value = str(text).strip().lower()
    if value in RIGHT:
        return True
    if value in WRONG:
        return False
    try:
        return float(value) > 0
    except ValueError:
        return None


def _response(text: str) -> str:
    """'a[,]c' (2004), 'a,c' or '{a,c}' -> 'a,c'."""
    value = str(text).strip().strip("{}").replace("[,]", ",")
    return ",".join(part.strip().lower() for part in value.split(",") if part.strip())


# --- reading ---------------------------------------------------------------------------------------

def read_moodle(text: str) -> dict[str, list[Answer]]:
    """Moodle's interactions report (text download) -> {learner: answers in order}."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines:
        raise InvoerFout("Het bestand is leeg.")
    delimiter = max(("\t", ";", ","), key=lines[0].count)
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header = [h.strip() for h in rows[0]]
    columns: dict[int, dict[str, int]] = {}
    attempt_col = None
    for col, name in enumerate(header):
        for kind, pattern in (("id", _QUESTION), ("response", _RESPONSE), ("result", _RESULT)):
            m = pattern.match(name)
            if m:
                columns.setdefault(int(m.group(2)), {})[kind] = col
        if _ATTEMPT.match(name):
            attempt_col = col
    complete = {n: c for n, c in columns.items() if {"id", "result"} <= set(c)}
    if not complete:
        raise InvoerFout("Dit lijkt geen export van de interacties uit Moodle: er zijn geen kolommen "
                         "'Question N' en 'Result N' (of 'Vraag N' en 'Resultaat N'). Kies in het rapport "
                         "'Interacties' de vraag, het antwoord en het resultaat, en download als tekst.")
    learners: dict[str, list[tuple[int, list[Answer]]]] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            raise InvoerFout(f"Regel {line} heeft {len(row)} kolommen, de kopregel {len(header)}.")
        name = row[0].strip()
        try:
            attempt = int(row[attempt_col]) if attempt_col is not None and row[attempt_col].strip() else 1
        except ValueError:
            attempt = 1
        answers = []
        for n in sorted(complete):
            item = row[complete[n]["id"]].strip()
            right = _result(row[complete[n]["result"]])
            if not item or right is None:
                continue
            response = _response(row[complete[n]["response"]]) if "response" in complete[n] else ""
            answers.append(Answer(item, response, right))
        learners.setdefault(name, []).append((attempt, answers))
    return {name: [a for _, answers in sorted(attempts, key=lambda t: t[0]) for a in answers]
            for name, attempts in learners.items()}


def _interactions(cmi: dict) -> list[dict]:
    found = cmi.get("cmi", cmi).get("interactions", [])
    if isinstance(found, dict):
        found = [v for k, v in sorted(found.items(), key=lambda kv: int(kv[0]) if str(kv[0]).isdigit() else 0)
                 if isinstance(v, dict)]
    return [i for i in found if isinstance(i, dict)]


def read_scorm_again(data) -> dict[str, list[Answer]]:
    """scorm-again's CMI JSON (one, a list, or an object by learner) -> {learner: answers}."""
    if isinstance(data, dict) and ("interactions" in data or "cmi" in data):
        records = {"1": data}
    elif isinstance(data, dict):
        records = {str(k): v for k, v in data.items()}
    elif isinstance(data, list):
        records = {}
        for n, cmi in enumerate(data, start=1):
            core = cmi.get("cmi", cmi) if isinstance(cmi, dict) else {}
            learner = (core.get("core") or {}).get("student_id") or core.get("learner_id") or str(n)
            records[f"{learner}#{n}" if learner in records else learner] = cmi
    else:
        raise InvoerFout("Dit JSON-bestand bevat geen gegevens van scorm-again (verwacht: een object of een lijst).")
    out = {}
    for learner, cmi in records.items():
        if not isinstance(cmi, dict):
            raise InvoerFout(f"De gegevens van '{learner}' zijn geen object.")
        answers = []
        for inter in _interactions(cmi):
            item = str(inter.get("id", "")).strip()
            right = _result(inter.get("result", ""))
            if not item or right is None:
                continue
            answers.append(Answer(item, _response(inter.get("learner_response", inter.get("student_response", ""))),
                                  right))
        out[learner] = answers
    if not any(out.values()):
        raise InvoerFout("Er staan geen beantwoorde toetsvragen (interactions) in dit bestand.")
    return out


def read(path: Path) -> dict[str, list[Answer]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvoerFout(f"Het bestand {path} bestaat niet.") from None
    except UnicodeDecodeError:
        raise InvoerFout(f"{path} is geen tekstbestand (UTF-8). Download het rapport als tekst of CSV.") from None
    if text.lstrip().startswith(("{", "[")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvoerFout(f"{path} is geen geldige JSON (regel {exc.lineno}): {exc.msg}.") from None
        return read_scorm_again(data)
    return read_moodle(text)


# --- analysis --------------------------------------------------------------------------------------

def first_answers(learners: dict[str, list[Answer]]) -> dict[str, dict[str, Answer]]:
    """Per learner, the first answer to each item."""
    out: dict[str, dict[str, Answer]] = {}
    for learner, answers in learners.items():
        seen: dict[str, Answer] = {}
        for a in answers:
            seen.setdefault(a.item, a)
        if seen:
            out[learner] = seen
    return out


def pearson(xs: list[float], ys: list[float]) -> float | None:
    if len(xs) < 3:
        return None
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def cronbach_alpha(matrix: dict[str, dict[str, Answer]]) -> tuple[float | None, str]:
    """(alpha, method). Classic when every learner answered every item; otherwise standardised."""
    items = sorted({i for answers in matrix.values() for i in answers})
    learners = list(matrix.values())
    if len(items) < 2 or len(learners) < 3:
        return None, "te weinig gegevens"
    if all(len(a) == len(items) for a in learners):
        scores = [[1.0 if a[i].right else 0.0 for i in items] for a in learners]
        k = len(items)
        item_var = sum(statistics.pvariance([row[j] for row in scores]) for j in range(k))
        total_var = statistics.pvariance([sum(row) for row in scores])
        if total_var == 0:
            return None, "geen spreiding in de totaalscores"
        return k / (k - 1) * (1 - item_var / total_var), "klassiek"
    rs = []
    for n, first in enumerate(items):
        for second in items[n + 1:]:
            both = [a for a in learners if first in a and second in a]
            if len(both) >= MIN_PAIR:
                r = pearson([float(a[first].right) for a in both], [float(a[second].right) for a in both])
                if r is not None:
                    rs.append(r)
    if not rs:
        return None, "te weinig paren van vragen die samen beantwoord zijn"
    k = statistics.median(len(a) for a in learners)
    mean_r = statistics.fmean(rs)
    return k * mean_r / (1 + (k - 1) * mean_r), f"gestandaardiseerd (k = {k:g}, {len(rs)} paren)"


def analyse(learners: dict[str, list[Answer]], options: int = 0) -> tuple[list[ItemResult], float | None, str]:
    matrix = first_answers(learners)
    items = sorted({i for answers in matrix.values() for i in answers})
    results = []
    for item in items:
        who = [a for a in matrix.values() if item in a]
        scores = [1.0 if a[item].right else 0.0 for a in who]
        rest = []
        rest_scores = []
        for a, s in zip(who, scores):
            others = [o for key, o in a.items() if key != item]
            if others:
                rest.append(s)
                rest_scores.append(sum(o.right for o in others) / len(others))
        chosen: dict[str, int] = {}
        keys: dict[str, int] = {}
        for a in who:
            response = a[item].response or "?"
            chosen[response] = chosen.get(response, 0) + 1
            if a[item].right and a[item].response:
                keys[a[item].response] = keys.get(a[item].response, 0) + 1
        key = max(keys, key=keys.get) if keys else None
        result = ItemResult(item, len(who), statistics.fmean(scores), pearson(rest, rest_scores),
                            dict(sorted(chosen.items())), key)
        result.flags = flags(result, options)
        results.append(result)
    alpha, method = cronbach_alpha(matrix)
    return results, alpha, method


def flags(r: ItemResult, options: int = 0) -> list[str]:
    """What to revise; ``options`` is the number of options per item when known (else the highest letter seen)."""
    out = []
    if r.n < MIN_ANSWERS:
        out.append(f"te weinig antwoorden ({r.n}) voor een betrouwbaar oordeel")
    if r.p < P_LOW:
        out.append(f"moeilijk: p = {r.p:.2f}; controleer de sleutel en de formulering")
    if r.p > P_HIGH:
        out.append(f"makkelijk: p = {r.p:.2f}; onderscheidt weinig")
    if r.rest_r is not None and r.rest_r < 0:
        out.append(f"negatieve item-restcorrelatie ({r.rest_r:.2f}): wie goed scoort, kiest hier vaker fout; "
                   "controleer de sleutel")
    elif r.rest_r is not None and r.rest_r < R_LOW:
        out.append(f"lage item-restcorrelatie ({r.rest_r:.2f}): de vraag meet iets anders dan de rest")
    if r.key is not None and r.n:
        key = set(r.key.split(","))
        seen = {letter for response in r.options for letter in response.split(",") if re.fullmatch(r"[a-z]", letter)}
        last = max(seen | key | ({chr(ord("a") + options - 1)} if options else set()))
        for code in range(ord("a"), ord(last) + 1):
            letter = chr(code)
            if letter in key:
                continue
            share = sum(c for response, c in r.options.items() if letter in response.split(",")) / r.n
            if share > r.p:
                out.append(f"optie {letter} trekt meer deelnemers ({share:.0%}) dan het juiste antwoord")
            elif share < OPTION_RARE and r.n >= MIN_ANSWERS:
                out.append(f"optie {letter} wordt bijna nooit gekozen ({share:.0%}): een afleider die niet werkt")
    return out


# --- report ----------------------------------------------------------------------------------------

def report(results: list[ItemResult], alpha: float | None, method: str, learners: int) -> str:
    lines = [f"Itemanalyse: {len(results)} vragen, {learners} deelnemers (per deelnemer telt het eerste antwoord).",
             ""]
    lines.append(f"{'vraag':<16} {'n':>4} {'p':>5} {'r_ir':>6}  gekozen opties")
    for r in results:
        rest = f"{r.rest_r:6.2f}" if r.rest_r is not None else "     -"
        options = ", ".join(f"{k}{'*' if k == r.key else ''}: {v}" for k, v in r.options.items())
        lines.append(f"{r.item:<16} {r.n:>4} {r.p:5.2f} {rest}  {options}")
    lines.append("")
    lines.append("* = het juiste antwoord (afgeleid uit de antwoorden die goed gerekend zijn)")
    lines.append(f"Cronbachs alfa: {alpha:.2f} ({method})" if alpha is not None else f"Cronbachs alfa: - ({method})")
    flagged = [r for r in results if r.flags]
    lines.append("")
    lines.append(f"Te herzien: {len(flagged)} vragen" if flagged else "Te herzien: geen vragen")
    for r in flagged:
        for f in r.flags:
            lines.append(f"  {r.item}: {f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.itemanalyse", description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path, help="Moodle's interactions report (text/CSV) or scorm-again JSON")
    parser.add_argument("--opties", type=int, default=0, metavar="N",
                        help="options per item (so that an option nobody chose is seen too)")
    args = parser.parse_args(argv)
    try:
        learners = read(args.file)
        results, alpha, method = analyse(learners, args.opties)
    except InvoerFout as exc:
        print(f"Let op: {exc}", file=sys.stderr)
        return 2
    print(report(results, alpha, method, len(first_answers(learners))))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Module 4, deel 1: een dagboekbestand lezen en controleren.

Het dagboek is een CSV-bestand (puntkomma of komma als scheidingsteken, UTF-8 met of
zonder BOM) met deze kolommen:

``dag``            dagnaam (maandag, ma, ...) of datum (04-03-2024 of 2024-03-04)
``begintijd``      UU:MM, bijvoorbeeld 07:45
``eindtijd``       UU:MM; een eindtijd vóór de begintijd betekent: over middernacht heen
``platform``       bijvoorbeeld Instagram, TikTok, WhatsApp
``activiteit``     ``actief`` (zelf iets plaatsen, reageren, chatten) of ``passief`` (kijken, scrollen)
``stemming_voor``  hoe je je voelde vóór het gebruik: 1 (heel naar) tot en met 5 (heel fijn)
``stemming_na``    hoe je je voelde erna, op dezelfde schaal
``reden``          waarom je het opende, in een paar woorden (mag leeg blijven)

Andere kolommen, zoals een eigen kolom ``opmerking``, mogen erbij staan: die slaat
:func:`lees_dagboek` over, en het zegt welke dat zijn.

:func:`lees_dagboek` leest het bestand alleen; het bestand zelf blijft altijd onveranderd.
Bij een probleem krijg je één regel uitleg met het rijnummer en de kolom, zoals je
spreadsheet ze laat zien (de kopregel is rij 1).

Regel voor middernacht: een sessie van 23:50 tot 00:20 telt 10 minuten op de dag zelf en
20 minuten op de volgende dag (bij dagnamen: de volgende dag van de week, na zondag komt
maandag; bij datums: de volgende datum). Elke minuut telt zo precies één keer mee, bij de dag
en het uur waarin hij echt viel. Twee rijen mogen daarom ook niet dezelfde minuut bevatten.
"""

from __future__ import annotations

import csv
import datetime as _dt
import errno
import io
import os
import re
import stat
import sys
from dataclasses import dataclass
from typing import Any

from cursus._basis import InvoerFout, beschrijf_type, heel, kort, uren_min, vriendelijk

__all__ = ["KOLOMMEN", "DAGNAMEN", "Dagboek", "Sessie", "lees_dagboek"]

#: The columns of the diary, in the order of the template.
KOLOMMEN = (
    "dag",
    "begintijd",
    "eindtijd",
    "platform",
    "activiteit",
    "stemming_voor",
    "stemming_na",
    "reden",
)

#: Mood scale.
STEMMING_MIN, STEMMING_MAX = 1, 5
SCHAAL_UITLEG = "een heel getal van 1 (heel naar) tot en met 5 (heel fijn)"

#: A single session longer than this is almost certainly a typo.
MAX_DUUR_MIN = 12 * 60

#: Limits that keep reading fast and memory small, far above any real diary: a week with a
#: row every 5 minutes, day and night, is about 100 kB and 2,016 rows.
MAX_BYTES = 2 * 1024 * 1024
MAX_RIJEN = 2500
MAX_TEKENS_VAKJE = 200
#: Dates further apart than this are not one diary.
MAX_DAGEN_DATUMS = 31
#: Plausible years for a date in a diary (this also keeps date arithmetic in range).
JAREN = (2000, 2100)

DAGNAMEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_AFKORTING = {naam[:2]: i for i, naam in enumerate(DAGNAMEN)}
_VOLUIT = {naam: i for i, naam in enumerate(DAGNAMEN)}

_TIJD = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_DATUM_NL = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_DATUM_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_HEEL_GETAL = re.compile(r"[+-]?\d+")


# ---------------------------------------------------------------------------
# data classes
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Sessie:
    """Eén regel uit het dagboek, gecontroleerd."""

    rij: int            # row number as a spreadsheet shows it (header = row 1)
    dag: int            # index into Dagboek.dagen
    begin: int          # minutes after midnight
    eind: int           # minutes after midnight (may be smaller than begin: crosses midnight)
    platform: str
    activiteit: str     # "actief" or "passief"
    stemming_voor: int
    stemming_na: int
    reden: str

    @property
    def duur(self) -> int:
        """Duur in minuten (over middernacht heen gerekend)."""
        return (self.eind - self.begin) % (24 * 60)

    @property
    def verschil(self) -> int:
        """Stemming na min stemming voor."""
        return self.stemming_na - self.stemming_voor


@dataclass
class Dagboek:
    """Een ingelezen dagboek: de dagen (in volgorde) en de sessies."""

    naam: str
    dagen: list[str]
    sessies: list[Sessie]
    soort: str = "dagnamen"      # "dagnamen" or "datums"
    overgeslagen: tuple[str, ...] = ()   # columns of her own that the notebook does not use

    def __repr__(self) -> str:  # what a learner sees when typing `dagboek`
        return (f"Dagboek '{self.naam}': {len(self.sessies)} regels over "
                f"{len(self.dagen)} dagen, samen {uren_min(self.totaal_minuten())}")

    def totaal_minuten(self) -> int:
        return sum(s.duur for s in self.sessies)

    def stukken(self, s: Sessie) -> list[tuple[int, int, int]]:
        """Split a session into (day index, hour, minutes) pieces.

        Minutes after midnight go to the next day. With day names the week wraps around
        (after Sunday comes Monday, see the module docstring); with dates the reader has
        already added the next date, so index + 1 always exists.
        """
        stukken: list[tuple[int, int, int]] = []
        t, dag, over = s.begin, s.dag, s.duur
        while over > 0:
            stap = min(over, 60 - (t % 60))
            stukken.append((dag, t // 60, stap))
            over -= stap
            t += stap
            if t >= 24 * 60:
                t -= 24 * 60
                dag = (dag + 1) % len(self.dagen) if self.soort == "dagnamen" else dag + 1
        return stukken

    def minuten_per_dag_uur(self) -> list[list[int]]:
        """Matrix [dag][uur] met minuten; sessies over middernacht tellen door op de volgende dag."""
        m = [[0] * 24 for _ in self.dagen]
        for s in self.sessies:
            for dag, uur, minuten in self.stukken(s):
                m[dag][uur] += minuten
        return m


def _hhmm(minuten: int) -> str:
    return f"{minuten // 60:02d}:{minuten % 60:02d}"


# ---------------------------------------------------------------------------
# cells
# ---------------------------------------------------------------------------

def _tijd(tekst: str, rij: int, kolom: str) -> int:
    tekst = tekst.strip()
    if not tekst:
        raise InvoerFout(f"Rij {rij}, kolom {kolom}: dit vakje is leeg. "
                         f"Vul een tijd in als UU:MM, bijvoorbeeld 09:30.")
    gevonden = _TIJD.fullmatch(tekst)
    if not gevonden:
        raise InvoerFout(f"Rij {rij}, kolom {kolom}: '{kort(tekst)}' is geen tijd in de vorm UU:MM. "
                         f"Schrijf bijvoorbeeld 09:30 (met een dubbele punt).")
    uur, minuut = int(gevonden.group(1)), int(gevonden.group(2))
    if uur == 24 and minuut == 0:
        return 0  # 24:00 is midnight
    if uur > 23 or minuut > 59:
        raise InvoerFout(f"Rij {rij}, kolom {kolom}: {tekst} bestaat niet. "
                         f"Uren gaan van 00 tot en met 23, minuten van 00 tot en met 59.")
    return uur * 60 + minuut


def _stemming(tekst: str, rij: int, kolom: str) -> int:
    tekst = tekst.strip()
    if not tekst:
        raise InvoerFout(f"Rij {rij}, kolom {kolom}: dit vakje is leeg. Vul {SCHAAL_UITLEG} in.")
    if not _HEEL_GETAL.fullmatch(tekst):
        raise InvoerFout(f"Rij {rij}, kolom {kolom}: '{kort(tekst)}' is geen heel getal. "
                         f"Vul {SCHAAL_UITLEG} in.")
    # at most a few digits go through int(): anything longer is off the scale anyway
    cijfers = tekst.lstrip("+-").lstrip("0") or "0"
    if len(cijfers) > 2 or not STEMMING_MIN <= int(tekst) <= STEMMING_MAX:
        raise InvoerFout(f"Rij {rij}, kolom {kolom}: {kort(tekst, 20)} valt buiten de schaal. "
                         f"Vul {SCHAAL_UITLEG} in.")
    return int(tekst)


def _dag(tekst: str, rij: int) -> tuple[str, Any]:
    """Return ("naam", weekday index) or ("datum", date)."""
    ruw = tekst.strip()
    schoon = ruw.lower().rstrip(".")
    if not schoon:
        raise InvoerFout(f"Rij {rij}, kolom dag: dit vakje is leeg. "
                         f"Vul een dag in, bijvoorbeeld maandag, of een datum zoals 04-03-2024.")
    if schoon in _VOLUIT:
        return "naam", _VOLUIT[schoon]
    if schoon in _AFKORTING:
        return "naam", _AFKORTING[schoon]
    for patroon, volgorde in ((_DATUM_NL, (3, 2, 1)), (_DATUM_ISO, (1, 2, 3))):
        gevonden = patroon.fullmatch(schoon)
        if gevonden:
            j, m, d = (int(gevonden.group(i)) for i in volgorde)
            if not JAREN[0] <= j <= JAREN[1]:
                raise InvoerFout(f"Rij {rij}, kolom dag: het jaar {j} in de datum {ruw} klopt vast "
                                 f"niet. Controleer de datum.")
            try:
                return "datum", _dt.date(j, m, d)
            except ValueError:
                raise InvoerFout(f"Rij {rij}, kolom dag: de datum {ruw} bestaat niet. "
                                 f"Controleer dag en maand.") from None
    raise InvoerFout(f"Rij {rij}, kolom dag: '{kort(ruw)}' ken ik niet als dag. "
                     f"Gebruik een dagnaam (maandag of ma) of een datum zoals 04-03-2024.")


def _kolomnaam(kop: str) -> str:
    return "_".join(kop.replace("\ufeff", "").strip().strip('"').lower().split())


# ---------------------------------------------------------------------------
# from bytes to rows
# ---------------------------------------------------------------------------

def _decodeer(data: bytes, naam: str) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise InvoerFout(f"{naam} lijkt een Excel- of ander spreadsheetbestand, geen CSV. "
                         f"Kies in je spreadsheet 'Opslaan als' en dan 'CSV UTF-8 (puntkomma)'.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvoerFout(f"{naam} is opgeslagen als UTF-16 (Unicode-tekst), niet als UTF-8. "
                         f"Sla het opnieuw op als 'CSV UTF-8'.")
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        rij = data[: fout.start].count(b"\n") + 1
        raise InvoerFout(f"{naam} is niet opgeslagen als UTF-8 (rij {rij} bevat een teken dat ik niet "
                         f"kan lezen). Sla het opnieuw op als 'CSV UTF-8'.") from None
    if "\x00" in tekst:
        raise InvoerFout(f"{naam} bevat geen gewone tekst. Sla het opnieuw op als 'CSV UTF-8'.")
    return tekst


def _scheidingsteken(kopregel: str, naam: str) -> str:
    if ";" in kopregel:
        return ";"
    if "," in kopregel:
        return ","
    if "\t" in kopregel:
        raise InvoerFout(f"{naam} gebruikt tabs tussen de kolommen. "
                         f"Gebruik een puntkomma (;) of een komma: kies bij opslaan 'CSV'.")
    raise InvoerFout(f"In de kopregel van {naam} vind ik geen puntkomma (;) of komma tussen de "
                     f"kolommen. Zet er een puntkomma tussen, of sla het bestand op als CSV.")


#: What a diary cell may not bring into the output: controls (tab and line ends aside), such as the
#: escape that starts a terminal colour code, and the bidirectional overrides and isolates that turn
#: text around. Each one becomes a visible replacement character; the controls that separate
#: words or lines as white space does (vertical tab, form feed, U+001C-U+001F, U+0085) a space.
_ONZICHTBAAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                          "\ud800-\udfff\ufffe\uffff]")
_SCHEIDING = re.compile("[\x0b\x0c\x1c-\x1f\x85]")
VERVANGING = "\ufffd"


def _zichtbaar(tekst: str) -> str:
    """``tekst`` with every control and direction override replaced by a visible '\ufffd'."""
    return _ONZICHTBAAR.sub(VERVANGING, _SCHEIDING.sub(" ", tekst))


def _rijen(tekst: str, teken: str) -> list[list[str]]:
    """All records of the CSV text, as a spreadsheet numbers them (record 1 = row 1).

    Only \\r and \\n end a line (U+2028 or U+0085 inside a cell are just characters), a
    quoted cell may hold line breaks, and an unclosed quote is an error, not a swallowed row.
    """
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=teken, strict=True)
    rijen: list[list[str]] = []
    while True:
        rij = len(rijen) + 1
        try:
            rijen.append([_zichtbaar(vakje) for vakje in next(lezer)])
        except StopIteration:
            return rijen
        except csv.Error as fout:
            uitleg = str(fout)
            if "end of data" in uitleg:
                raise InvoerFout(f'Rij {rij}: een aanhalingsteken (") wordt niet afgesloten, dus de rest '
                                 'van het bestand valt in één vakje. Zet er een tweede " achter, of '
                                 'haal het weg.') from None
            if "field limit" in uitleg:
                raise InvoerFout(f"Rij {rij}: een vakje is veel te lang. Houd elk vakje kort, "
                                 f"hoogstens {MAX_TEKENS_VAKJE} tekens.") from None
            if "expected" in uitleg:  # text after a closing quote ("end of data" is handled above)
                raise InvoerFout(f'Rij {rij}: na een aanhalingsteken (") dat een vakje afsluit, staat nog '
                                 f"tekst in hetzelfde vakje. Zet de hele tekst van het vakje tussen "
                                 f'aanhalingstekens, en schrijf een " in de tekst als "".') from None
            raise InvoerFout(f"Rij {rij} kan ik niet lezen als CSV. Sla het bestand opnieuw op als "
                             f"'CSV UTF-8'.") from None
        if len(rijen) > MAX_RIJEN + 1:
            raise InvoerFout(f"Het dagboek heeft meer dan {heel(MAX_RIJEN)} rijen. Dat is veel meer dan "
                             f"één week; begin een nieuw bestand per week.")


def _kopregel(rij: list[str], kop_rij: int) -> list[str]:
    """The header's column names; a column of her own (not in KOLOMMEN) is kept by name and
    skipped later (a comment column is the first thing people add)."""
    kop = [_kolomnaam(k) for k in rij]
    gezien: set[str] = set()
    for k in kop:
        if k == "":
            raise InvoerFout(f"Rij {kop_rij}: de kopregel heeft een kolom zonder naam. "
                             f"Haal die kolom weg of geef hem een van deze namen: {', '.join(KOLOMMEN)}.")
        if k not in KOLOMMEN:
            continue
        if k in gezien:
            raise InvoerFout(f"Rij {kop_rij}: de kolom '{k}' staat er twee keer in. Haal er één weg.")
        gezien.add(k)
    ontbreekt = [k for k in KOLOMMEN if k not in gezien]
    if ontbreekt:
        een = len(ontbreekt) == 1
        raise InvoerFout(f"Rij {kop_rij}: {'de kolom' if een else 'de kolommen'} {', '.join(ontbreekt)} "
                         f"{'ontbreekt' if een else 'ontbreken'}. "
                         f"Voeg {'hem' if een else 'ze'} toe aan de kopregel.")
    return kop


# ---------------------------------------------------------------------------
# from rows to a diary
# ---------------------------------------------------------------------------

def _lees_tekst(data: bytes, naam: str = "het dagboek") -> Dagboek:
    """Parse and validate the bytes of a diary file. Raises InvoerFout (one Dutch line)."""
    if len(data) > MAX_BYTES:
        raise _te_groot(naam, len(data))
    tekst = _decodeer(data, naam)
    if not tekst.strip():
        raise InvoerFout(f"{naam} is leeg. Begin met het sjabloon data/dagboek-sjabloon.csv "
                         f"en vul daar je week in.")
    # the header is the first line with text on it
    voor_kop = re.match(r"(?:[ \t]*(?:\r\n|\r|\n))*", tekst).group(0)
    start = len(re.findall(r"\r\n|\r|\n", voor_kop))
    teken = _scheidingsteken(re.split(r"\r\n|\r|\n", tekst[len(voor_kop):], maxsplit=1)[0], naam)
    rijen = _rijen(tekst, teken)
    kop = _kopregel(rijen[start], start + 1)

    ruwe: list[tuple[int, dict[str, str]]] = []
    for i, rij in enumerate(rijen[start + 1:], start=start + 2):
        if not any(v.strip() for v in rij):
            continue  # blank line or a row of empty cells
        if len(rij) != len(kop):
            # trailing empty cells are harmless (spreadsheets add them)
            while len(rij) > len(kop) and not rij[-1].strip():
                rij = rij[:-1]
            if len(rij) != len(kop):
                teken_naam = "puntkomma's" if teken == ";" else "komma's"
                raise InvoerFout(f"Rij {i} heeft {len(rij)} vakjes, maar de kopregel heeft {len(kop)} "
                                 f"kolommen. Kijk of er {teken_naam} ontbreken of te veel zijn.")
        for kolom, waarde in zip(kop, rij):
            if kolom in KOLOMMEN and len(waarde) > MAX_TEKENS_VAKJE:
                raise InvoerFout(f"Rij {i}, kolom {kolom}: dit vakje heeft {heel(len(waarde))} tekens. "
                                 f"Houd het kort, hoogstens {MAX_TEKENS_VAKJE} tekens.")
        ruwe.append((i, dict(zip(kop, rij))))
    if not ruwe:
        raise InvoerFout(f"{naam} heeft alleen een kopregel en nog geen ingevulde rijen. "
                         f"Vul per keer dat je sociale media gebruikte één rij in.")

    # days
    dagen_ruw = [_dag(v["dag"], i) for i, v in ruwe]
    soorten = {soort for soort, _ in dagen_ruw}
    if len(soorten) > 1:
        eerste_datum = next(i for (soort, _), (i, _v) in zip(dagen_ruw, ruwe) if soort == "datum")
        raise InvoerFout(f"Rij {eerste_datum}, kolom dag: je gebruikt zowel dagnamen als datums. "
                         f"Kies één van de twee voor het hele dagboek.")

    sessies_ruw = []
    for (_soort, waarde), (i, v) in zip(dagen_ruw, ruwe):
        begin = _tijd(v["begintijd"], i, "begintijd")
        eind = _tijd(v["eindtijd"], i, "eindtijd")
        duur = (eind - begin) % (24 * 60)
        if duur == 0:
            raise InvoerFout(f"Rij {i}: begintijd en eindtijd zijn allebei {v['begintijd'].strip()}, "
                             f"dus de duur is 0 minuten. Vul de echte eindtijd in.")
        if duur > MAX_DUUR_MIN:
            raise InvoerFout(f"Rij {i}: van {v['begintijd'].strip()} tot {v['eindtijd'].strip()} is "
                             f"{uren_min(duur)}; dat kan niet in één keer. "
                             f"Controleer de tijden, of splits het op in meer rijen.")
        platform = " ".join(v["platform"].split())
        if not platform:
            raise InvoerFout(f"Rij {i}, kolom platform: dit vakje is leeg. "
                             f"Vul in welk platform het was, bijvoorbeeld Instagram.")
        activiteit = v["activiteit"].strip().lower()
        if activiteit not in ("actief", "passief"):
            toon = kort(v["activiteit"].strip()) or "(leeg)"
            raise InvoerFout(f"Rij {i}, kolom activiteit: '{toon}' kan ik niet gebruiken. "
                             f"Vul actief in (zelf iets doen) of passief (kijken, scrollen).")
        voor = _stemming(v["stemming_voor"], i, "stemming_voor")
        na = _stemming(v["stemming_na"], i, "stemming_na")
        reden = " ".join(v["reden"].split()).lower() or "geen reden ingevuld"
        sessies_ruw.append((i, waarde, begin, eind, platform, activiteit, voor, na, reden))

    # one spelling per platform (first one seen), grouping case-insensitively
    spelling: dict[str, str] = {}
    for s in sessies_ruw:
        spelling.setdefault(s[4].lower(), s[4])

    if soorten.pop() == "naam":
        boek = _week_met_dagnamen(naam, sessies_ruw, spelling)
    else:
        boek = _dagen_met_datums(naam, sessies_ruw, spelling)
    _geen_overlap(boek)
    boek.overgeslagen = tuple(dict.fromkeys(kort(k, 30) for k in kop if k not in KOLOMMEN))
    return boek


def _week_met_dagnamen(naam: str, sessies_ruw: list[tuple], spelling: dict[str, str]) -> Dagboek:
    # the week starts at the day of the first row and wraps around
    eerste = sessies_ruw[0][1]
    volgorde = [(eerste + k) % 7 for k in range(7)]
    aanwezig = {s[1] for s in sessies_ruw}
    # a day is shown if it has rows, or lies between the first and the last day used
    laatste = max(volgorde.index(d) for d in aanwezig)
    gebruikt = volgorde[: laatste + 1]
    index = {d: k for k, d in enumerate(gebruikt)}
    sessies = [Sessie(i, index[w], b, e, spelling[p.lower()], a, vo, na, r)
               for (i, w, b, e, p, a, vo, na, r) in sessies_ruw]
    boek = Dagboek(naam, [DAGNAMEN[d] for d in gebruikt], sessies, "dagnamen")
    # spill-over from the last shown day: wrap to the next weekday, add it if missing
    if len(gebruikt) < 7 and any(_loopt_door(s) and s.dag == len(gebruikt) - 1 for s in sessies):
        boek.dagen.append(DAGNAMEN[(gebruikt[-1] + 1) % 7])
    return boek


def _dagen_met_datums(naam: str, sessies_ruw: list[tuple], spelling: dict[str, str]) -> Dagboek:
    datums = sorted({s[1] for s in sessies_ruw})
    eerste, laatste = datums[0], datums[-1]
    if (laatste - eerste).days > MAX_DAGEN_DATUMS:
        raise InvoerFout(f"De datums in {naam} liggen meer dan een maand uit elkaar "
                         f"({eerste:%d-%m-%Y} tot {laatste:%d-%m-%Y}). Controleer de kolom dag.")
    alle = [eerste + _dt.timedelta(days=k) for k in range((laatste - eerste).days + 1)]
    sessies = [Sessie(i, (w - eerste).days, b, e, spelling[p.lower()], a, vo, na, r)
               for (i, w, b, e, p, a, vo, na, r) in sessies_ruw]
    if any(_loopt_door(s) and s.dag == len(alle) - 1 for s in sessies):
        alle.append(laatste + _dt.timedelta(days=1))
    korte = ("ma", "di", "wo", "do", "vr", "za", "zo")
    labels = [f"{korte[d.weekday()]} {d.day}-{d.month}" for d in alle]
    return Dagboek(naam, labels, sessies, "datums")


def _loopt_door(s: Sessie) -> bool:
    """True when some minutes of the session fall after midnight (on the next day)."""
    return s.begin + s.duur > 24 * 60


def _geen_overlap(boek: Dagboek) -> None:
    """Refuse two rows that share a minute. This also means no day holds more than 24 hours."""
    rond = len(boek.dagen) * 24 * 60 if boek.soort == "dagnamen" else None  # the week wraps
    stukken = []
    for s in boek.sessies:
        begin = s.dag * 24 * 60 + s.begin
        eind = begin + s.duur
        if rond and eind > rond:
            stukken += [(begin, rond, s), (0, eind - rond, s)]
        else:
            stukken.append((begin, eind, s))
    stukken.sort(key=lambda x: (x[0], x[2].rij))
    verste_eind, verste = -1, None
    for begin, eind, s in stukken:
        if verste is not None and begin < verste_eind:
            eerst, later = sorted((verste, s), key=lambda x: x.rij)
            raise InvoerFout(
                f"Rij {later.rij} ({_wanneer(boek, later)}) overlapt met rij {eerst.rij} "
                f"({_wanneer(boek, eerst)}). Elke minuut hoort bij één rij: pas de tijden aan."
            )
        if eind > verste_eind:
            verste_eind, verste = eind, s


def _wanneer(boek: Dagboek, s: Sessie) -> str:
    return f"{boek.dagen[s.dag]} {_hhmm(s.begin)}-{_hhmm(s.eind)}"


# ---------------------------------------------------------------------------
# the file: only a regular file, read once, never written
# ---------------------------------------------------------------------------

def _te_groot(naam: str, grootte: int) -> InvoerFout:
    mb = f"{grootte / (1024 * 1024):.1f}".replace(".", ",")
    return InvoerFout(f"{naam} is te groot ({mb} MB). Een dagboek van een week is meestal kleiner "
                      f"dan 100 kB; kies het juiste bestand, of begin een nieuw bestand per week.")


def _map(naam: str) -> InvoerFout:
    return InvoerFout(f"{naam} is een map, geen bestand. Zet de naam van het CSV-bestand erachter.")


def _systeemfout(fout: OSError, naam: str) -> InvoerFout:
    """A file-system error as one Dutch line that names the file."""
    if fout.errno in (errno.ENOENT, errno.ENOTDIR):
        if sys.platform == "emscripten":   # in the browser (Pyodide) there is no folder to type a name for
            return InvoerFout(f"Ik vind het bestand {naam} niet. Op deze website kies je je eigen dagboek "
                              f"met de knop 'Of kies je eigen dagboek' onder het oefenveld.")
        return InvoerFout(f"Ik vind het bestand {naam} niet. Controleer de naam en of het in de map "
                          f"staat waar dit notebook staat (of in de map data).")
    if fout.errno == errno.EISDIR:
        return _map(naam)
    if fout.errno in (errno.EACCES, errno.EPERM):
        return InvoerFout(f"Je computer geeft geen toestemming om {naam} te lezen. Zet een kopie van "
                          f"het bestand in je eigen map en lees die.")
    if fout.errno == errno.ENAMETOOLONG:
        return InvoerFout(f"De naam {naam} is te lang voor je computer. Geef het bestand een kortere "
                          f"naam, bijvoorbeeld data/mijn-week.csv.")
    if fout.errno == errno.ELOOP:
        return InvoerFout(f"{naam} verwijst naar zichzelf (een snelkoppeling in een kring). "
                          f"Kies het echte bestand.")
    code = errno.errorcode.get(fout.errno, "onbekend")
    return InvoerFout(f"Ik kan {naam} niet lezen (foutcode {code}). Controleer of het bestand bestaat "
                      f"en of je het mag openen.")


def _lees_bytes(pad: str, naam: str) -> bytes:
    """Read at most MAX_BYTES from a regular file; never blocks on a pipe or a device."""
    vlaggen = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(pad, vlaggen)
    except OSError as fout:
        raise _systeemfout(fout, naam) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _map(naam)
        if not stat.S_ISREG(info.st_mode):
            raise InvoerFout(f"{naam} is geen gewoon bestand (maar bijvoorbeeld een apparaat of een "
                             f"pijp). Kies een CSV-bestand.")
        if info.st_size > MAX_BYTES:
            raise _te_groot(naam, info.st_size)
        delen, over = [], MAX_BYTES + 1  # a file may grow while we read: never read more
        while over > 0:
            deel = os.read(fd, min(over, 1 << 16))
            if not deel:
                break
            delen.append(deel)
            over -= len(deel)
        data = b"".join(delen)
        if len(data) > MAX_BYTES:
            raise _te_groot(naam, len(data))
        return data
    except OSError as fout:
        raise _systeemfout(fout, naam) from None
    finally:
        os.close(fd)


def _lees_pad(pad: Any) -> Dagboek:
    if isinstance(pad, os.PathLike):
        pad = os.fspath(pad)
    if not isinstance(pad, str):
        raise InvoerFout(f"Geef de naam van het bestand als tekst tussen aanhalingstekens, zoals "
                         f"\"data/dagboek-voorbeeld.csv\". Je gaf {beschrijf_type(pad)}.")
    if not pad.strip():
        raise InvoerFout("De bestandsnaam is leeg. Vul tussen de aanhalingstekens de naam van je "
                         "bestand in, zoals \"data/dagboek-voorbeeld.csv\".")
    naam = kort(pad, 100)
    if "\x00" in pad:
        raise InvoerFout(f"De bestandsnaam {naam} bevat een onzichtbaar teken. Typ de naam opnieuw.")
    data = _lees_bytes(pad, naam)
    return _lees_tekst(data, kort(os.path.basename(pad), 60))


@vriendelijk
def lees_dagboek(pad: Any) -> Dagboek:
    """Lees een dagboekbestand (CSV) en controleer het. Het bestand zelf blijft onveranderd.

    Bij een probleem krijg je één regel uitleg met het rijnummer en de kolom.
    """
    boek = _lees_pad(pad)
    dagen = len({s.dag for s in boek.sessies})
    print(f"Gelezen: {len(boek.sessies)} keer sociale media op {dagen} "
          f"{'dag' if dagen == 1 else 'dagen'}, "
          f"samen {uren_min(boek.totaal_minuten())}. Het bestand is niet veranderd.")
    if boek.overgeslagen:
        een = len(boek.overgeslagen) == 1
        namen = ", ".join(f"'{k}'" for k in boek.overgeslagen)
        print(f"{'De kolom' if een else 'De kolommen'} {namen} gebruik ik niet; die sla ik over. "
              f"Wat erin staat, blijft gewoon in je bestand.")
    return boek

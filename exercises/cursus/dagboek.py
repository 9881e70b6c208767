"""Module 4: je eigen gebruikspatroon in kaart brengen met een dagboek van één week.

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

Functies voor de deelnemer:

- :func:`lees_dagboek` leest en controleert het bestand (het bestand zelf blijft onveranderd);
- :func:`toon_overzicht` laat tijd per dag, nachtgebruik, actief en passief en stemming zien;
- :func:`toon_grafiek` tekent een grafiek van dag × uur;
- :func:`vergelijk_met_gok` vergelijkt je verwachting met wat het dagboek laat zien;
- :func:`signalen` geeft een korte lijst gespreksonderwerpen. Dat is nooit een oordeel
  of diagnose.

Regel voor middernacht: een sessie van 23:50 tot 00:20 telt 10 minuten op de dag zelf en
20 minuten op de volgende dag (bij dagnamen: de volgende dag van de week, na zondag komt
maandag; bij datums: de volgende datum). Elke minuut telt zo precies één keer mee, bij de dag
en het uur waarin hij echt viel.

Nacht: 00:00 tot 06:00. In die uren slapen de meeste mensen; gebruik dan kost slaap.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cursus._basis import InvoerFout, beschrijf_type, vriendelijk

__all__ = [
    "KOLOMMEN",
    "NACHT",
    "Dagboek",
    "Sessie",
    "lees_dagboek",
    "toon_overzicht",
    "toon_grafiek",
    "vergelijk_met_gok",
    "signalen",
]

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

#: Night window (start hour inclusive, end hour exclusive).
NACHT = (0, 6)

#: Mood scale.
STEMMING_MIN, STEMMING_MAX = 1, 5
SCHAAL_UITLEG = "een heel getal van 1 (heel naar) tot en met 5 (heel fijn)"

#: A single session longer than this is almost certainly a typo.
MAX_DUUR_MIN = 12 * 60

#: Signal thresholds (conversation starters, not norms).
MIN_NACHTEN = 2          # use at night on at least this many different nights
MIN_NARE_MOMENTEN = 3    # opened while feeling low (1-2) and did not feel better afterwards
LAAG = 2                 # mood 1 or 2 counts as "naar"
DALING_PLATFORM = 0.5    # average mood drop per session on one platform ...
MIN_SESSIES_PLATFORM = 3 # ... over at least this many sessions

DAGNAMEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_AFKORTING = {naam[:2]: i for i, naam in enumerate(DAGNAMEN)}
_VOLUIT = {naam: i for i, naam in enumerate(DAGNAMEN)}

_TIJD = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_DATUM_NL = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DATUM_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


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
    _datums: list[_dt.date] = field(default_factory=list, repr=False)

    def __repr__(self) -> str:  # what a learner sees when typing `dagboek`
        return (f"Dagboek '{self.naam}': {len(self.sessies)} regels over "
                f"{len(self.dagen)} dagen, samen {_uren_min(self.totaal_minuten())}")

    def totaal_minuten(self) -> int:
        return sum(s.duur for s in self.sessies)

    def minuten_per_dag_uur(self) -> list[list[int]]:
        """Matrix [dag][uur] met minuten; sessies over middernacht tellen door op de volgende dag."""
        m = [[0] * 24 for _ in self.dagen]
        for s in self.sessies:
            for dag, uur, minuten in _verdeel(s, len(self.dagen), self.soort):
                m[dag][uur] += minuten
        return m


# ---------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------

def _uren_min(minuten: float) -> str:
    minuten = int(round(minuten))
    u, m = divmod(minuten, 60)
    if u and m:
        return f"{u} uur en {m} min"
    if u:
        return f"{u} uur"
    return f"{m} min"


def _getal(x: float, decimalen: int = 1) -> str:
    """Dutch number formatting: comma as decimal sign, explicit plus sign."""
    tekst = f"{x:+.{decimalen}f}".replace(".", ",")
    return "0,0" if tekst in ("+0,0", "-0,0") else tekst


def _procent(deel: float, geheel: float) -> str:
    if geheel <= 0:
        return "0%"
    return f"{round(100 * deel / geheel)}%"


def _verdeel(s: Sessie, n_dagen: int, soort: str) -> list[tuple[int, int, int]]:
    """Split a session into (day index, hour, minutes) pieces.

    Minutes after midnight go to the next day. With day names the week wraps around
    (after Sunday comes Monday, see module docstring); with dates the reader has already
    added the next date, so index + 1 always exists.
    """
    stukken: list[tuple[int, int, int]] = []
    t = s.begin
    dag = s.dag
    over = s.duur
    while over > 0:
        uur = t // 60
        tot_volgend_uur = 60 - (t % 60)
        stap = min(over, tot_volgend_uur)
        stukken.append((dag, uur, stap))
        over -= stap
        t += stap
        if t >= 24 * 60:
            t -= 24 * 60
            dag = (dag + 1) % n_dagen if soort == "dagnamen" else dag + 1
    return stukken


def _tijd(tekst: str, rij: int, kolom: str) -> int:
    tekst = tekst.strip()
    if not tekst:
        raise InvoerFout(f"Rij {rij}, kolom {kolom}: dit vakje is leeg. "
                         f"Vul een tijd in als UU:MM, bijvoorbeeld 09:30.")
    gevonden = _TIJD.match(tekst)
    if not gevonden:
        raise InvoerFout(f"Rij {rij}, kolom {kolom}: '{tekst}' is geen tijd in de vorm UU:MM. "
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
    if not re.fullmatch(r"[+-]?\d+", tekst):
        raise InvoerFout(f"Rij {rij}, kolom {kolom}: '{tekst}' is geen heel getal. "
                         f"Vul {SCHAAL_UITLEG} in.")
    waarde = int(tekst)
    if not STEMMING_MIN <= waarde <= STEMMING_MAX:
        raise InvoerFout(f"Rij {rij}, kolom {kolom}: {waarde} valt buiten de schaal. "
                         f"Vul {SCHAAL_UITLEG} in.")
    return waarde


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
        gevonden = patroon.match(schoon)
        if gevonden:
            j, m, d = (int(gevonden.group(i)) for i in volgorde)
            try:
                return "datum", _dt.date(j, m, d)
            except ValueError:
                raise InvoerFout(f"Rij {rij}, kolom dag: de datum {ruw} bestaat niet. "
                                 f"Controleer dag en maand.") from None
    raise InvoerFout(f"Rij {rij}, kolom dag: '{ruw}' ken ik niet als dag. "
                     f"Gebruik een dagnaam (maandag of ma) of een datum zoals 04-03-2024.")


def _kolomnaam(kop: str) -> str:
    return "_".join(kop.replace("\ufeff", "").strip().strip('"').lower().split())


# ---------------------------------------------------------------------------
# reading
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


def _lees_tekst(data: bytes, naam: str = "het dagboek") -> Dagboek:
    """Parse and validate the bytes of a diary file. Raises InvoerFout (one Dutch line)."""
    tekst = _decodeer(data, naam)
    regels = tekst.splitlines()
    if not tekst.strip():
        raise InvoerFout(f"{naam} is leeg. Begin met het sjabloon data/dagboek-sjabloon.csv "
                         f"en vul daar je week in.")
    # header = first non-blank line
    start = next(i for i, r in enumerate(regels) if r.strip())
    teken = _scheidingsteken(regels[start], naam)
    rijen = list(csv.reader(io.StringIO("\n".join(regels)), delimiter=teken))
    kop = [_kolomnaam(k) for k in rijen[start]]
    kop_rij = start + 1

    gezien: set[str] = set()
    for k in kop:
        if k == "":
            raise InvoerFout(f"Rij {kop_rij}: de kopregel heeft een kolom zonder naam. "
                             f"Haal die kolom weg of geef hem een van deze namen: {', '.join(KOLOMMEN)}.")
        if k not in KOLOMMEN:
            raise InvoerFout(f"Rij {kop_rij}: de kolom '{k}' ken ik niet. "
                             f"Gebruik alleen deze kolommen: {', '.join(KOLOMMEN)}.")
        if k in gezien:
            raise InvoerFout(f"Rij {kop_rij}: de kolom '{k}' staat er twee keer in. Haal er één weg.")
        gezien.add(k)
    ontbreekt = [k for k in KOLOMMEN if k not in gezien]
    if ontbreekt:
        woord = "De kolom" if len(ontbreekt) == 1 else "De kolommen"
        raise InvoerFout(f"Rij {kop_rij}: {woord.lower()} {', '.join(ontbreekt)} "
                         f"{'ontbreekt' if len(ontbreekt) == 1 else 'ontbreken'}. "
                         f"Voeg {'hem' if len(ontbreekt) == 1 else 'ze'} toe aan de kopregel.")

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
        ruwe.append((i, dict(zip(kop, rij))))
    if not ruwe:
        raise InvoerFout(f"{naam} heeft alleen een kopregel en nog geen ingevulde rijen. "
                         f"Vul per keer dat je sociale media gebruikte één rij in.")

    # days
    dagen_ruw = [(_dag(v["dag"], i), i) for i, v in ruwe]
    soorten = {soort for (soort, _), _ in dagen_ruw}
    if len(soorten) > 1:
        eerste_datum = next(i for (soort, _), i in dagen_ruw if soort == "datum")
        raise InvoerFout(f"Rij {eerste_datum}, kolom dag: je gebruikt zowel dagnamen als datums. "
                         f"Kies één van de twee voor het hele dagboek.")

    sessies_ruw = []
    for (soort, waarde), (i, v) in zip((d for d, _ in dagen_ruw), ruwe):
        begin = _tijd(v["begintijd"], i, "begintijd")
        eind = _tijd(v["eindtijd"], i, "eindtijd")
        duur = (eind - begin) % (24 * 60)
        if duur == 0:
            raise InvoerFout(f"Rij {i}: begintijd en eindtijd zijn allebei {v['begintijd'].strip()}, "
                             f"dus de duur is 0 minuten. Vul de echte eindtijd in.")
        if duur > MAX_DUUR_MIN:
            raise InvoerFout(f"Rij {i}: van {v['begintijd'].strip()} tot {v['eindtijd'].strip()} is "
                             f"{_uren_min(duur)}; dat kan niet in één keer. Controleer de tijden, of "
                             f"splits het op in meer rijen.")
        platform = v["platform"].strip()
        if not platform:
            raise InvoerFout(f"Rij {i}, kolom platform: dit vakje is leeg. "
                             f"Vul in welk platform het was, bijvoorbeeld Instagram.")
        activiteit = v["activiteit"].strip().lower()
        if activiteit not in ("actief", "passief"):
            toon = v["activiteit"].strip() or "(leeg)"
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

    soort = soorten.pop()
    if soort == "naam":
        # the week starts at the day of the first row and wraps around
        eerste = sessies_ruw[0][1]
        volgorde = [(eerste + k) % 7 for k in range(7)]
        aanwezig = {s[1] for s in sessies_ruw}
        # a day is shown if it has rows, or lies between the first and the last day used
        laatste = max(volgorde.index(d) for d in aanwezig)
        gebruikt = volgorde[: laatste + 1]
        dagen = [DAGNAMEN[d] for d in gebruikt]
        index = {d: k for k, d in enumerate(gebruikt)}
        sessies = [Sessie(i, index[w], b, e, spelling[p.lower()], a, vo, na, r)
                   for (i, w, b, e, p, a, vo, na, r) in sessies_ruw]
        boek = Dagboek(naam, dagen, sessies, "dagnamen")
        # spill-over from the last shown day: wrap to the next weekday, add it if missing
        if len(dagen) < 7 and any(_loopt_door(s) and s.dag == len(dagen) - 1 for s in sessies):
            boek.dagen.append(DAGNAMEN[(gebruikt[-1] + 1) % 7])
        return boek

    datums = sorted({s[1] for s in sessies_ruw})
    eerste, laatste = datums[0], datums[-1]
    if (laatste - eerste).days > 31:
        raise InvoerFout(f"De datums in {naam} liggen meer dan een maand uit elkaar "
                         f"({eerste:%d-%m-%Y} tot {laatste:%d-%m-%Y}). Controleer de kolom dag.")
    alle = [eerste + _dt.timedelta(days=k) for k in range((laatste - eerste).days + 1)]
    sessies = [Sessie(i, (w - eerste).days, b, e, spelling[p.lower()], a, vo, na, r)
               for (i, w, b, e, p, a, vo, na, r) in sessies_ruw]
    if any(_loopt_door(s) and s.dag == len(alle) - 1 for s in sessies):
        alle.append(laatste + _dt.timedelta(days=1))
    korte = ("ma", "di", "wo", "do", "vr", "za", "zo")
    labels = [f"{korte[d.weekday()]} {d.day}-{d.month}" for d in alle]
    return Dagboek(naam, labels, sessies, "datums", alle)


def _loopt_door(s: Sessie) -> bool:
    """True when some minutes of the session fall after midnight (on the next day)."""
    return s.begin + s.duur > 24 * 60


def _lees_pad(pad: Any) -> Dagboek:
    if not isinstance(pad, (str, Path)):
        raise InvoerFout(f"Geef de naam van het bestand als tekst tussen aanhalingstekens, zoals "
                         f"\"data/dagboek-voorbeeld.csv\". Je gaf {beschrijf_type(pad)}.")
    if isinstance(pad, str) and not pad.strip():
        raise InvoerFout("De bestandsnaam is leeg. Vul tussen de aanhalingstekens de naam van je "
                         "bestand in, zoals \"data/dagboek-voorbeeld.csv\".")
    p = Path(pad)
    if not p.exists():
        raise InvoerFout(f"Ik vind het bestand {p} niet. Controleer de naam en of het in de map "
                         f"staat waar dit notebook staat (of in de map data).")
    if p.is_dir():
        raise InvoerFout(f"{p} is een map, geen bestand. Zet de naam van het CSV-bestand erachter.")
    # read-only: the learner's file is opened for reading only and never written
    with p.open("rb") as f:
        data = f.read()
    return _lees_tekst(data, p.name)


@vriendelijk
def lees_dagboek(pad: Any) -> Dagboek:
    """Lees een dagboekbestand (CSV) en controleer het. Het bestand zelf blijft onveranderd.

    Bij een probleem krijg je één regel uitleg met het rijnummer en de kolom.
    """
    boek = _lees_pad(pad)
    dagen = len({s.dag for s in boek.sessies})
    print(f"Gelezen: {len(boek.sessies)} keer sociale media op {dagen} "
          f"{'dag' if dagen == 1 else 'dagen'}, "
          f"samen {_uren_min(boek.totaal_minuten())}. Het bestand is niet veranderd.")
    return boek


# ---------------------------------------------------------------------------
# analysis (pure functions, used by the printed overviews and by the tests)
# ---------------------------------------------------------------------------

def _controleer_boek(dagboek: Any) -> Dagboek:
    if dagboek is None:
        raise InvoerFout("Er is nog geen dagboek ingelezen. Voer eerst de cel met lees_dagboek uit "
                         "en los een eventuele melding daar op.")
    if not isinstance(dagboek, Dagboek):
        raise InvoerFout(f"Geef hier het ingelezen dagboek (de variabele dagboek). "
                         f"Je gaf {beschrijf_type(dagboek)}.")
    return dagboek


def _per_groep(sessies: list[Sessie], sleutel) -> "OrderedDict[str, dict[str, float]]":
    groepen: "OrderedDict[str, list[Sessie]]" = OrderedDict()
    for s in sessies:
        groepen.setdefault(sleutel(s), []).append(s)
    uit: "OrderedDict[str, dict[str, float]]" = OrderedDict()
    for naam, lijst in sorted(groepen.items(), key=lambda kv: -sum(s.duur for s in kv[1])):
        uit[naam] = {
            "keren": len(lijst),
            "minuten": sum(s.duur for s in lijst),
            "verschil": sum(s.verschil for s in lijst) / len(lijst),
        }
    return uit


def overzicht(dagboek: Dagboek, nacht: tuple[int, int] = NACHT) -> dict[str, Any]:
    """All numbers behind :func:`toon_overzicht`, as a dict (for tests and the curious)."""
    m = dagboek.minuten_per_dag_uur()
    totaal = dagboek.totaal_minuten()
    nacht_per_dag = [sum(rij[nacht[0]:nacht[1]]) for rij in m]
    actief = sum(s.duur for s in dagboek.sessies if s.activiteit == "actief")
    return {
        "totaal": totaal,
        "per_dag": OrderedDict((d, sum(rij)) for d, rij in zip(dagboek.dagen, m)),
        "per_uur": [sum(rij[u] for rij in m) for u in range(24)],
        "dag_uur": m,
        "nacht_minuten": sum(nacht_per_dag),
        "nachten": sum(1 for x in nacht_per_dag if x > 0),
        "nacht_aandeel": (sum(nacht_per_dag) / totaal) if totaal else 0.0,
        "actief": actief,
        "passief": totaal - actief,
        "per_activiteit": _per_groep(dagboek.sessies, lambda s: s.activiteit),
        "per_platform": _per_groep(dagboek.sessies, lambda s: s.platform),
        "per_reden": _per_groep(dagboek.sessies, lambda s: s.reden),
    }


@dataclass(frozen=True)
class Signaal:
    """Een gespreksonderwerp. Geen oordeel of diagnose."""

    soort: str   # "nacht", "naar_gevoel", "platform"
    tekst: str


def bereken_signalen(dagboek: Dagboek, nacht: tuple[int, int] = NACHT) -> list[Signaal]:
    """The rules behind :func:`signalen` (see the notebook for their explanation)."""
    o = overzicht(dagboek, nacht)
    uit: list[Signaal] = []
    if o["nachten"] >= MIN_NACHTEN:
        uit.append(Signaal("nacht", (
            f"Nachtelijk gebruik: op {o['nachten']} nachten zat je tussen "
            f"{nacht[0]:02d}:00 en {nacht[1]:02d}:00 op sociale media, samen "
            f"{_uren_min(o['nacht_minuten'])}. Om over te praten: hoe slaap je, en wat maakt "
            f"dat je dan nog kijkt?")))
    naar = [s for s in dagboek.sessies if s.stemming_voor <= LAAG and s.stemming_na <= s.stemming_voor]
    if len(naar) >= MIN_NARE_MOMENTEN:
        redenen = Counter(s.reden for s in naar).most_common(3)
        lijst = ", ".join(f"{r} ({k}×)" for r, k in redenen)
        uit.append(Signaal("naar_gevoel", (
            f"Openen bij een naar gevoel: {len(naar)} keer opende je sociale media terwijl je je "
            f"naar voelde (1 of 2), en daarna voelde je je niet beter. Redenen die je toen noemde: "
            f"{lijst}. Om over te praten: wat zoek je op zo'n moment, en wat helpt je wel?")))
    for platform, g in o["per_platform"].items():
        if g["keren"] >= MIN_SESSIES_PLATFORM and g["verschil"] <= -DALING_PLATFORM:
            uit.append(Signaal("platform", (
                f"Stemming lager na {platform}: na {int(g['keren'])} keer was je stemming "
                f"gemiddeld {_getal(g['verschil'])} punt. Om over te praten: wat zie of doe je "
                f"daar, en hoe komt dat bij je binnen?")))
    return uit


# ---------------------------------------------------------------------------
# printed output for the learner
# ---------------------------------------------------------------------------

def _tabel(kop: tuple[str, ...], rijen: list[tuple[str, ...]]) -> str:
    breed = [max(len(str(x)) for x in kolom) for kolom in zip(kop, *rijen)]
    regels = ["  ".join(str(x).ljust(b) for x, b in zip(kop, breed))]
    regels.append("  ".join("-" * b for b in breed))
    for r in rijen:
        regels.append("  ".join(str(x).ljust(b) for x, b in zip(r, breed)))
    return "\n".join(regels)


def _groep_tabel(naam: str, groepen: "OrderedDict[str, dict[str, float]]") -> str:
    rijen = [(n, str(int(g["keren"])), _uren_min(g["minuten"]), _getal(g["verschil"]))
             for n, g in groepen.items()]
    return _tabel((naam, "keren", "tijd", "stemming na − voor"), rijen)


@vriendelijk
def toon_overzicht(dagboek: Any) -> None:
    """Laat de belangrijkste cijfers van je dagboek zien, als tekst."""
    boek = _controleer_boek(dagboek)
    o = overzicht(boek)
    print("TIJD PER DAG")
    print(_tabel(("dag", "tijd"), [(d, _uren_min(m)) for d, m in o["per_dag"].items()]))
    gemiddeld = o["totaal"] / max(1, len({s.dag for s in boek.sessies}))
    print(f"Totaal {_uren_min(o['totaal'])}; gemiddeld {_uren_min(gemiddeld)} per dag met gebruik.")
    print()
    print(f"NACHT ({NACHT[0]:02d}:00-{NACHT[1]:02d}:00)")
    print(f"{_uren_min(o['nacht_minuten'])} op {o['nachten']} nachten: "
          f"{_procent(o['nacht_minuten'], o['totaal'])} van je totale tijd.")
    print()
    print("ACTIEF EN PASSIEF")
    print(f"Actief {_uren_min(o['actief'])} ({_procent(o['actief'], o['totaal'])}), "
          f"passief {_uren_min(o['passief'])} ({_procent(o['passief'], o['totaal'])}).")
    print(_groep_tabel("activiteit", o["per_activiteit"]))
    print()
    print("STEMMING PER PLATFORM (schaal 1-5; een plus betekent: daarna beter)")
    print(_groep_tabel("platform", o["per_platform"]))
    print()
    print("STEMMING PER REDEN")
    print(_groep_tabel("reden", o["per_reden"]))


@vriendelijk
def toon_grafiek(dagboek: Any) -> None:
    """Teken per dag en per uur hoeveel minuten je op sociale media zat."""
    boek = _controleer_boek(dagboek)
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    o = overzicht(boek)
    m = o["dag_uur"]
    plt.rcParams.update({"font.size": 14})
    fig, (links, rechts) = plt.subplots(
        1, 2, figsize=(14, 1.0 + 0.75 * len(boek.dagen)), sharey=True,
        gridspec_kw={"width_ratios": [5, 1.2]}, constrained_layout=True)
    beeld = links.imshow(m, aspect="auto", cmap="cividis", vmin=0, vmax=60)
    links.set_xticks(range(0, 24, 2))
    links.set_xticklabels([f"{u:02d}" for u in range(0, 24, 2)])
    links.set_yticks(range(len(boek.dagen)))
    links.set_yticklabels(boek.dagen)
    links.set_xlabel("uur van de dag")
    links.set_title("Minuten sociale media per uur (gestreept kader = nacht)")
    links.add_patch(Rectangle((NACHT[0] - 0.5, -0.5), NACHT[1] - NACHT[0], len(boek.dagen),
                              fill=False, edgecolor="#D55E00", linewidth=3, linestyle="--"))
    balk = fig.colorbar(beeld, ax=links, pad=0.01)
    balk.set_label("minuten in dat uur")
    totalen = [v / 60 for v in o["per_dag"].values()]
    rechts.barh(range(len(boek.dagen)), totalen, color="#0072B2")
    rechts.set_xlabel("uren per dag")
    rechts.set_title("Totaal")
    drukste = max(range(24), key=lambda u: o["per_uur"][u])
    print(f"De grafiek laat per dag (rij) en per uur (kolom) zien hoeveel minuten je op sociale "
          f"media zat: hoe lichter (geler) het vakje, hoe meer minuten. Het drukste uur is "
          f"{drukste:02d}:00-{(drukste + 1) % 24:02d}:00; het gestreepte vak is de nacht.")
    plt.show()


@vriendelijk
def vergelijk_met_gok(dagboek: Any, gok: Any) -> None:
    """Vergelijk je gok (na welk platform daalt je stemming het meest?) met het dagboek."""
    boek = _controleer_boek(dagboek)
    if not isinstance(gok, str):
        raise InvoerFout(f"Vul de naam van een platform in als tekst tussen aanhalingstekens, zoals "
                         f"\"Instagram\". Je gaf {beschrijf_type(gok)}.")
    if not gok.strip():
        raise InvoerFout("Je gok is leeg. Vul tussen de aanhalingstekens een platform in, zoals \"Instagram\".")
    per_platform = overzicht(boek)["per_platform"]
    namen = {n.lower(): n for n in per_platform}
    if gok.strip().lower() not in namen:
        raise InvoerFout(f"'{gok.strip()}' staat niet in dit dagboek. Kies uit: {', '.join(per_platform)}.")
    gekozen = namen[gok.strip().lower()]
    laagste = min(per_platform, key=lambda n: per_platform[n]["verschil"])
    v = per_platform[gekozen]["verschil"]
    if gekozen == laagste:
        print(f"Je gok klopt: na {gekozen} daalde de stemming gemiddeld het meest "
              f"({_getal(v)} punt per keer).")
    else:
        print(f"Niet helemaal: na {gekozen} was het verschil gemiddeld {_getal(v)} punt, maar na "
              f"{laagste} daalde de stemming meer ({_getal(per_platform[laagste]['verschil'])}). "
              f"Verrast je dat?")
    print("Bedenk wel: een week is kort, en een gemiddelde zegt niet waaróm je je zo voelde.")


@vriendelijk
def signalen(dagboek: Any) -> None:
    """Geef een korte lijst met onderwerpen om over te praten. Dit is nooit een oordeel of diagnose."""
    boek = _controleer_boek(dagboek)
    lijst = bereken_signalen(boek)
    if lijst:
        print("Gespreksonderwerpen uit deze week:")
        for s in lijst:
            print(f"- {s.tekst}")
    else:
        print("Geen van de gespreksonderwerpen kwam deze week naar voren. Dat zegt niet dat alles "
              "goed of fout gaat; het is één week.")
    helpt = [(n, g) for n, g in overzicht(boek)["per_platform"].items() if g["verschil"] > 0]
    if helpt:
        beste = max(helpt, key=lambda ng: ng[1]["verschil"])
        print(f"Ook bespreken, wat helpt: na {beste[0]} voelde je je gemiddeld beter "
              f"({_getal(beste[1]['verschil'])} punt).")
    print("Dit zijn gespreksonderwerpen, geen oordeel en geen diagnose.")

"""Module 3: stemming door de tijd (gesimuleerde metingen, geen echte mensen).

Met deze functies maak je gesimuleerde metingen zoals in een ervaringssteekproef
(experience sampling): een groep mensen krijgt een paar weken lang een aantal keer per
dag twee korte vragen op de telefoon:

- Heb je in het afgelopen uur op sociale media gescrold? (ja/nee)
- Hoe voel je je nu? (0 = heel slecht, 100 = heel goed)

In de simulatie bepalen we zelf hoe scrollen de stemming van elke persoon verandert. Zo
kun je zien of je dat effect met de metingen terugvindt.

Functies voor in het notebook:

- ``maak_metingen(...)``      maak de gesimuleerde metingen
- ``toon_week(...)``          de metingen van één persoon in één week als figuur
- ``toon_effecten(...)``      het effect per persoon, gesorteerd, met het gemiddelde
- ``toon_verloop(...)``       het effect van één persoon per week
- ``controleer_vraag(n, x)``  controleer je antwoord op vraag n

Voor wie verder wil kijken: ``schat_effecten``, ``schat_effecten_per_week`` en
``tel_effecten`` geven de getallen achter de figuren.
"""

from __future__ import annotations

import math
import random
import statistics
from dataclasses import dataclass, field
from typing import Any

from cursus import _grafiek as g
from cursus._basis import (
    KLEUREN,
    InvoerFout,
    beschrijf_type,
    druk,
    getal,
    heel,
    heel_getal,
    is_getal,
    kommagetal,
    kort,
    kort_repr,
    toon,
    vriendelijk,
)

__all__ = [
    "maak_metingen",
    "toon_week",
    "toon_effecten",
    "toon_verloop",
    "tel_effecten",
    "schat_effecten",
    "schat_effecten_per_week",
    "controleer_vraag",
    "Metingen",
]

# --- simulation constants (internal) --------------------------------------------------
#: Differences smaller than this (in mood points, scale 0-100) count as "geen duidelijk effect".
GRENS = 5.0
BASIS_GEMIDDELD = 60.0     # average baseline mood over people
BASIS_SPREIDING = 8.0      # spread of baseline mood between people
DAG_SPREIDING = 5.0        # how much a whole day can be better or worse
RUIS_SPREIDING = 10.0      # moment-to-moment noise
STANDAARD_ZAAD = 2025

# Limits keep the notebook fast (< 1 s) and the numbers realistic.
GRENZEN = {
    "aantal_personen": (2, 200),
    "aantal_weken": (1, 12),
    "metingen_per_dag": (1, 10),
    "zaad": (0, 2**32 - 1),
}
MAX_SPREIDING = 30.0
MAX_VERANDERING = 15.0

DAGEN = ["ma", "di", "wo", "do", "vr", "za", "zo"]

# chart styles per group: (colour, marker, open marker?, legend label)
STIJLEN = {
    "positief": (KLEUREN["blauw"], "driehoek_op", False, "beter na scrollen"),
    "negatief": (KLEUREN["oranje"], "driehoek_neer", False, "slechter na scrollen"),
    "geen": (KLEUREN["grijs"], "rondje", True, "geen duidelijk verschil"),
}


@dataclass
class Metingen:
    """Gesimuleerde metingen van een ervaringssteekproef (geen echte mensen).

    ``stemming[p][d][k]`` is de stemming van persoon p op dag d bij meting k, en
    ``gescrold[p][d][k]`` of die persoon in het uur ervoor scrolde. ``ware_effecten`` is
    het effect dat we per persoon in de simulatie hebben ingesteld, ``ware_week_effecten``
    het ingestelde effect per persoon per week en ``ware_basis`` de gewone stemming van
    elke persoon.
    """

    aantal_personen: int
    aantal_weken: int
    metingen_per_dag: int
    spreiding_effecten: float
    verandering_over_tijd: float
    zaad: int
    stemming: list[list[list[int]]] = field(repr=False)
    gescrold: list[list[list[bool]]] = field(repr=False)
    ware_effecten: list[float] = field(repr=False)
    ware_week_effecten: list[list[float]] = field(repr=False)
    ware_basis: list[float] = field(repr=False)

    @property
    def aantal_metingen(self) -> int:
        return self.aantal_personen * 7 * self.aantal_weken * self.metingen_per_dag

    def __repr__(self) -> str:
        return (
            f"Gesimuleerde metingen (geen echte mensen): {self.aantal_personen} personen, "
            f"{self.aantal_weken} {'week' if self.aantal_weken == 1 else 'weken'}, "
            f"{self.metingen_per_dag} metingen per dag = {heel(self.aantal_metingen)} metingen."
        )

    __str__ = __repr__


# --- input checks -----------------------------------------------------------------------
def _wat_je_gaf(waarde: Any) -> str:
    """'tekst ("twintig")' for strings, else just the Dutch type name."""
    if isinstance(waarde, str):
        return f'{beschrijf_type(waarde)} ("{kort(waarde)}")'
    return beschrijf_type(waarde)


def _heel_getal(naam: str, waarde: Any, voorbeeld: int) -> int:
    laag, hoog = GRENZEN[naam]
    bereik = f"kies een getal van {laag} tot en met {heel(hoog)}"
    if not is_getal(waarde):
        raise InvoerFout(
            f"{naam} moet een heel getal zijn, maar je gaf {_wat_je_gaf(waarde)}; "
            f"typ een getal zonder aanhalingstekens, bijvoorbeeld {naam} = {voorbeeld}."
        )
    geheel = heel_getal(waarde)
    if geheel is None:
        raise InvoerFout(
            f"{naam} moet een heel getal zijn (zonder komma), maar je gaf {kort(waarde)}; "
            f"kies bijvoorbeeld {naam} = {voorbeeld}."
        )
    if geheel < 0:
        raise InvoerFout(f"{naam} kan niet negatief zijn (je gaf {kort(geheel)}); {bereik}.")
    if geheel < laag:
        raise InvoerFout(f"{naam} moet minstens {laag} zijn (je gaf {geheel}); {bereik}.")
    if geheel > hoog:
        gegeven = heel(geheel) if geheel < 10**15 else kort(geheel)
        raise InvoerFout(
            f"{naam} mag hoogstens {heel(hoog)} zijn (je gaf {gegeven}), anders duurt het rekenen "
            f"te lang; {bereik}."
        )
    return geheel


def _kommagetal(naam: str, waarde: Any, hoog: float, voorbeeld: float) -> float:
    bereik = f"kies een getal van 0 tot en met {hoog:g}"
    getal_ = kommagetal(waarde)
    if getal_ is None:
        raise InvoerFout(
            f"{naam} moet een getal zijn, maar je gaf {_wat_je_gaf(waarde)}; "
            f"typ een getal zonder aanhalingstekens, bijvoorbeeld {naam} = {voorbeeld:g}."
        )
    if math.isnan(getal_):
        raise InvoerFout(f"{naam} moet een gewoon getal zijn (je gaf {kort(waarde)}); {bereik}.")
    if getal_ < 0:
        raise InvoerFout(f"{naam} kan niet negatief zijn (je gaf {kort(waarde)}); {bereik}.")
    if getal_ > hoog:
        raise InvoerFout(
            f"{naam} mag hoogstens {hoog:g} zijn (je gaf {kort(waarde)}), want de stemming loopt "
            f"maar van 0 tot 100; {bereik}."
        )
    return getal_


def _controleer_metingen(metingen: Any) -> Metingen:
    if metingen is None:
        raise InvoerFout(
            "er zijn nog geen metingen; voer eerst de stap met maak_metingen(...) uit en los daar "
            "een eventuele melding op."
        )
    if not isinstance(metingen, Metingen):
        raise InvoerFout(
            f"geef de metingen mee die je met maak_metingen(...) hebt gemaakt, niet "
            f"{beschrijf_type(metingen)}."
        )
    return metingen


def _nummer(waarde: Any, naam: str, hoogste: int, buiten: str) -> int:
    """A whole number from 1 to ``hoogste`` (bools and 2.5 refused), else one Dutch line."""
    geheel = heel_getal(waarde)
    if geheel is None:
        raise InvoerFout(
            f"{naam} moet een heel getal zijn, maar je gaf {_wat_je_gaf(waarde)}; "
            f"kies een {'nummer' if naam == 'persoon' else naam} van 1 tot en met {hoogste}."
        )
    if not 1 <= geheel <= hoogste:
        raise InvoerFout(buiten.format(kort(geheel), hoogste))
    return geheel


def _controleer_persoon(metingen: Metingen, persoon: Any) -> int:
    melding = "er is geen persoon {}; kies een nummer van 1 tot en met {}."
    return _nummer(persoon, "persoon", metingen.aantal_personen, melding) - 1  # internal index


def _controleer_week(metingen: Metingen, week: Any) -> int:
    melding = "er is geen week {} in de metingen; kies een week van 1 tot en met {}."
    return _nummer(week, "week", metingen.aantal_weken, melding)


# --- simulation -----------------------------------------------------------------------------
@vriendelijk
def maak_metingen(
    aantal_personen: int = 30,
    aantal_weken: int = 4,
    metingen_per_dag: int = 6,
    spreiding_effecten: float = 8.0,
    verandering_over_tijd: float = 4.0,
    zaad: int = STANDAARD_ZAAD,
) -> Metingen:
    """Maak gesimuleerde metingen (geen echte mensen).

    - ``aantal_personen``: hoeveel mensen meedoen (2 tot en met 200);
    - ``aantal_weken``: hoeveel weken ze meedoen (1 tot en met 12);
    - ``metingen_per_dag``: hoe vaak per dag ze de vragen krijgen (1 tot en met 10);
    - ``spreiding_effecten``: hoe verschillend het effect van scrollen per persoon is
      (0 = bij iedereen hetzelfde, 30 = heel verschillend; in punten op de schaal 0-100);
    - ``verandering_over_tijd``: hoeveel het effect van een persoon per week kan
      verschuiven (0 = blijft gelijk, 15 = verandert sterk);
    - ``zaad``: een vast startgetal, zodat je bij elke run dezelfde metingen krijgt.
    """
    n = _heel_getal("aantal_personen", aantal_personen, 30)
    w = _heel_getal("aantal_weken", aantal_weken, 4)
    k = _heel_getal("metingen_per_dag", metingen_per_dag, 6)
    spreiding = _kommagetal("spreiding_effecten", spreiding_effecten, MAX_SPREIDING, 8)
    verandering = _kommagetal("verandering_over_tijd", verandering_over_tijd, MAX_VERANDERING, 4)
    zaad = _heel_getal("zaad", zaad, STANDAARD_ZAAD)

    rng = random.Random(zaad)
    # Each person's own effect of scrolling on mood (mean 0, learner-set spread).
    ware_effecten = [rng.gauss(0.0, spreiding) for _ in range(n)]
    # Slow change within a person: a random walk over the weeks, centred so that the
    # person's average over the weeks is exactly their own effect.
    ware_week_effecten = []
    for effect in ware_effecten:
        wandeling = [0.0]
        for _ in range(w - 1):
            wandeling.append(wandeling[-1] + rng.gauss(0.0, verandering))
        midden = math.fsum(wandeling) / w
        ware_week_effecten.append([effect + stap - midden for stap in wandeling])
    ware_basis = [rng.gauss(BASIS_GEMIDDELD, BASIS_SPREIDING) for _ in range(n)]

    stemming: list[list[list[int]]] = []
    gescrold: list[list[list[bool]]] = []
    for p in range(n):
        kans_scrollen = rng.uniform(0.3, 0.7)
        stemming_p, gescrold_p = [], []
        for dag in range(7 * w):
            dag_effect = rng.gauss(0.0, DAG_SPREIDING)
            effect = ware_week_effecten[p][dag // 7]
            rij_s, rij_g = [], []
            for _ in range(k):
                scrolt = rng.random() < kans_scrollen
                waarde = ware_basis[p] + dag_effect + rng.gauss(0.0, RUIS_SPREIDING)
                if scrolt:
                    waarde += effect
                rij_s.append(min(100, max(0, round(waarde))))
                rij_g.append(scrolt)
            stemming_p.append(rij_s)
            gescrold_p.append(rij_g)
        stemming.append(stemming_p)
        gescrold.append(gescrold_p)

    return Metingen(n, w, k, spreiding, verandering, zaad, stemming, gescrold,
                    ware_effecten, ware_week_effecten, ware_basis)


# --- estimation -----------------------------------------------------------------------------
def _verschil(stemmingen: list[int], gescrold: list[bool]) -> float:
    """Mean mood after scrolling minus mean mood without (nan if one of the two is missing)."""
    met = [s for s, g_ in zip(stemmingen, gescrold) if g_]
    zonder = [s for s, g_ in zip(stemmingen, gescrold) if not g_]
    if not met or not zonder:
        return math.nan
    return math.fsum(met) / len(met) - math.fsum(zonder) / len(zonder)


def _plat(rijen: list[list[Any]]) -> list[Any]:
    return [x for rij in rijen for x in rij]


@vriendelijk
def schat_effecten(metingen: Metingen) -> list[float]:
    """Geschat effect per persoon: gemiddelde stemming na scrollen min zonder scrollen.

    Geeft een lijst getallen, één per persoon (``nan`` als een persoon nooit of altijd scrolde).
    """
    m = _controleer_metingen(metingen)
    return [_verschil(_plat(m.stemming[p]), _plat(m.gescrold[p])) for p in range(m.aantal_personen)]


@vriendelijk
def schat_effecten_per_week(metingen: Metingen) -> list[list[float]]:
    """Geschat effect per persoon per week: een lijst per persoon, met één getal per week."""
    m = _controleer_metingen(metingen)
    return [
        [_verschil(_plat(m.stemming[p][7 * w:7 * w + 7]), _plat(m.gescrold[p][7 * w:7 * w + 7]))
         for w in range(m.aantal_weken)]
        for p in range(m.aantal_personen)
    ]


def _groep(effect: float) -> str:
    if math.isnan(effect):
        return "onbekend"
    if effect >= GRENS:
        return "positief"
    if effect <= -GRENS:
        return "negatief"
    return "geen"


@vriendelijk
def tel_effecten(metingen: Metingen) -> dict[str, int]:
    """Tel hoeveel personen een positief, negatief of geen duidelijk effect hebben."""
    groepen = [_groep(e) for e in schat_effecten(_controleer_metingen(metingen))]
    uit = {naam: groepen.count(naam) for naam in ("positief", "negatief", "geen")}
    if "onbekend" in groepen:
        uit["onbekend"] = groepen.count("onbekend")
    return uit


def gewone_persoon(m: Metingen) -> int:
    """The number (from 1) of the least extreme person: own mood and effect both mid-group.

    Distance is measured in standard deviations from the group's medians; with no spread at
    all (e.g. spreiding_effecten = 0) that part counts as zero.
    """
    def afstanden(waarden: list[float]) -> list[float]:
        midden, spreiding = statistics.median(waarden), statistics.pstdev(waarden)
        return [abs(x - midden) / spreiding if spreiding else 0.0 for x in waarden]

    totaal = [a + b for a, b in zip(afstanden(m.ware_effecten), afstanden(m.ware_basis))]
    return totaal.index(min(totaal)) + 1


def meest_veranderende_persoon(m: Metingen) -> int:
    """The number (from 1) of the person whose set effect changes most from week to week."""
    hoog = [max(rij) for rij in m.ware_week_effecten]
    laag = [min(rij) for rij in m.ware_week_effecten]
    bereik = [h - l for h, l in zip(hoog, laag)]
    # Prefer someone whose effect is clearly positive in one week and clearly negative in
    # another; failing that, someone whose effect at least changes sign; then the largest range.
    for wisselt in ([h >= GRENS and l <= -GRENS for h, l in zip(hoog, laag)],
                    [h > 0 > l for h, l in zip(hoog, laag)]):
        if any(wisselt):
            kandidaten = [b if w_ else -math.inf for b, w_ in zip(bereik, wisselt)]
            return kandidaten.index(max(kandidaten)) + 1
    return bereik.index(max(bereik)) + 1


# --- figures ---------------------------------------------------------------------------------
def _symmetrisch_bereik(waarden: list[float]) -> tuple[float, float]:
    """A y-range around 0 that holds every value and the grey band, rounded up to 5."""
    grootste = max([abs(x) for x in waarden if not math.isnan(x)] + [GRENS])
    rand = 5 * math.ceil((grootste + 2) / 5)
    return -rand, rand


def _teken_voorbeeld(kleur: str, vorm: str, open_: bool):
    return lambda t, x, y: t.punt(x, y, vorm, kleur, open_)


def _lijn_voorbeeld(kleur: str, dikte: float, streep: str | None = None):
    return lambda t, x, y: t.lijn(x - 13, y, x + 13, y, kleur, dikte, streep)


def _band_voorbeeld(t: g.Tekening, x: float, y: float) -> None:
    t.rechthoek(x - 13, y - 8, 26, 16, KLEUREN["lichtgrijs"], KLEUREN["grijs"], 1)


def _week_grafiek(m: Metingen, i: int, wk: int) -> g.Grafiek:
    k = m.metingen_per_dag
    stemming = _plat(m.stemming[i][7 * (wk - 1):7 * wk])
    gescrold = _plat(m.gescrold[i][7 * (wk - 1):7 * wk])
    # x position: day + spread of the moments over the waking hours of that day
    xs = [d + (j + 0.5) / k for d in range(7) for j in range(k)]

    t = g.Tekening(420)
    titel = f"Persoon {i + 1}, week {wk}: elke meting (gesimuleerd)"
    t.tekst(g.BREED / 2, 30, titel, g.TITEL, anker="middle", vet=True)
    a = g.Assen(t, 100, 55, 600, 260, (0, 7), (0, 100))
    a.y_as(range(0, 101, 20), ["stemming", "(0 = slecht, 100 = goed)"])
    for d in range(1, 7):
        t.lijn(a.x(d), a.boven, a.x(d), a.onder, KLEUREN["lichtgrijs"], 1)
    a.x_as([(d + 0.5, naam) for d, naam in enumerate(DAGEN)], "dag van de week")
    t.lijnen([(a.x(x), a.y(s)) for x, s in zip(xs, stemming)], KLEUREN["grijs"], 1)
    for x, s, scrolde in zip(xs, stemming, gescrold):
        if scrolde:
            t.punt(a.x(x), a.y(s), "rondje", KLEUREN["blauw"], klasse="meting gescrold")
        else:
            t.punt(a.x(x), a.y(s), "vierkant", KLEUREN["oranje"], open_=True, klasse="meting")
    g.legenda(t, a.links, a.onder + 75, [
        (_teken_voorbeeld(KLEUREN["blauw"], "rondje", False), "wel gescrold in het uur ervoor"),
        (_teken_voorbeeld(KLEUREN["oranje"], "vierkant", True), "niet gescrold"),
    ])
    laag, hoog = min(stemming), max(stemming)
    beschrijving = (
        f"Lijngrafiek van de stemming van gesimuleerde persoon {i + 1} in week {wk}, bij elk van "
        f"de {len(stemming)} metingen, van maandag tot en met zondag, op een schaal van 0 tot 100. "
        f"Metingen na scrollen zijn blauwe rondjes, metingen zonder scrollen open oranje "
        f"vierkantjes. De stemming gaat op en neer tussen {laag} en {hoog}."
    )
    return t.grafiek(titel, beschrijving)


@vriendelijk
def toon_week(metingen: Metingen, persoon: int | None = None, week: int = 1) -> None:
    """Toon de stemming van één persoon bij elke meting in één week (figuur + korte tekst).

    Zonder ``persoon`` kiest de functie een gewone deelnemer: iemand bij wie de eigen
    stemming en het effect van scrollen allebei in het midden van de groep liggen.
    """
    m = _controleer_metingen(metingen)
    gekozen = persoon is None
    i = gewone_persoon(m) - 1 if gekozen else _controleer_persoon(m, persoon)
    wk = _controleer_week(m, week)
    toon(_week_grafiek(m, i, wk))
    stemming = _plat(m.stemming[i][7 * (wk - 1):7 * wk])
    gescrold = _plat(m.gescrold[i][7 * (wk - 1):7 * wk])
    met = [s for s, g_ in zip(stemming, gescrold) if g_]
    zonder = [s for s, g_ in zip(stemming, gescrold) if not g_]
    if gekozen:
        druk(f"Persoon {i + 1} is een gewone deelnemer: de eigen stemming en het effect van "
             "scrollen liggen allebei in het midden van de groep.")
    druk(
        f"Persoon {i + 1} vulde in week {wk} in totaal {len(stemming)} keer de vragen in. "
        f"Gemiddelde stemming na scrollen: {getal(statistics.fmean(met), 0) if met else 'onbekend'}, "
        f"zonder scrollen: {getal(statistics.fmean(zonder), 0) if zonder else 'onbekend'}."
    )


def _effecten_grafiek(m: Metingen, effecten: list[float], telling: dict[str, int],
                      gemiddeld: float) -> g.Grafiek:
    bekend = sorted(e for e in effecten if not math.isnan(e))
    t = g.Tekening(510)
    titel = "Effect van scrollen per persoon (gesimuleerd)"
    t.tekst(g.BREED / 2, 30, titel, g.TITEL, anker="middle", vet=True)
    bereik = _symmetrisch_bereik(bekend)
    a = g.Assen(t, 100, 55, 600, 270, (0.5, max(1, len(bekend)) + 0.5), bereik)
    a.band(-GRENS, GRENS)
    a.y_as(g.mooie_stappen(*bereik), ["verschil in stemming na scrollen", "(punten op de schaal 0-100)"],
           teken="+")
    a.horizontaal(0, g.INKT, 1.5)
    a.x_as([], "personen, gesorteerd van laag naar hoog effect")
    if not math.isnan(gemiddeld):
        t.lijn(a.links, a.y(gemiddeld), a.rechts, a.y(gemiddeld), g.INKT, 2.5, "9,6",
               klasse="gemiddelde")
    for plek, effect in enumerate(bekend, start=1):
        kleur, vorm, open_, _ = STIJLEN[_groep(effect)]
        t.punt(a.x(plek), a.y(effect), vorm, kleur, open_, klasse=f"persoon {_groep(effect)}")
    items = [(_teken_voorbeeld(kleur, vorm, open_), f"{label} ({telling[naam]})")
             for naam, (kleur, vorm, open_, label) in STIJLEN.items()]
    items.append((_band_voorbeeld, f"grijze band: minder dan {GRENS:g} punten verschil"))
    if not math.isnan(gemiddeld):
        items.append((_lijn_voorbeeld(g.INKT, 2.5, "9,6"),
                      f"gemiddelde van iedereen ({getal(gemiddeld, plus=True)})"))
    g.legenda(t, 24, a.onder + 75, items)
    beschrijving = (
        f"Figuur met één punt per gesimuleerde persoon ({len(bekend)} personen), gesorteerd "
        f"van laag naar hoog effect van scrollen op de stemming. {telling['negatief']} personen "
        f"voelen zich slechter na scrollen (oranje driehoekjes omlaag), {telling['geen']} hebben "
        f"geen duidelijk verschil (open grijze rondjes in de grijze band) en {telling['positief']} "
        f"voelen zich beter (blauwe driehoekjes omhoog). Een zwarte stippellijn toont het "
        f"gemiddelde van iedereen: {getal(gemiddeld, plus=True)} punten."
    )
    return t.grafiek(titel, beschrijving)


@vriendelijk
def toon_effecten(metingen: Metingen) -> None:
    """Toon het geschatte effect van scrollen per persoon, gesorteerd, met het gemiddelde."""
    m = _controleer_metingen(metingen)
    effecten = schat_effecten(m)
    bekend = [e for e in effecten if not math.isnan(e)]
    gemiddeld = statistics.fmean(bekend) if bekend else math.nan
    telling = tel_effecten(m)
    toon(_effecten_grafiek(m, effecten, telling, gemiddeld))
    tekst = (
        f"Gemiddeld effect van iedereen samen: {getal(gemiddeld, plus=True)} punten. "
        f"Maar per persoon: {telling['positief']} beter, {telling['negatief']} slechter en "
        f"{telling['geen']} zonder duidelijk verschil (minder dan {GRENS:g} punten)."
    )
    if telling.get("onbekend"):
        tekst += f" Bij {telling['onbekend']} personen waren te weinig metingen om iets te zeggen."
    druk(tekst)


def _verloop_grafiek(m: Metingen, i: int, geschat: list[float]) -> g.Grafiek:
    waar = m.ware_week_effecten[i]
    weken = list(range(1, m.aantal_weken + 1))
    t = g.Tekening(450)
    titel = f"Persoon {i + 1}: effect van scrollen per week (gesimuleerd)"
    t.tekst(g.BREED / 2, 30, titel, g.TITEL, anker="middle", vet=True)
    bereik = _symmetrisch_bereik(waar + geschat)
    a = g.Assen(t, 100, 55, 600, 260, (0.5, m.aantal_weken + 0.5), bereik)
    a.band(-GRENS, GRENS)
    a.y_as(g.mooie_stappen(*bereik), ["verschil in stemming na scrollen", "(punten op de schaal 0-100)"],
           teken="+")
    a.horizontaal(0, g.INKT, 1.5)
    a.x_as([(w, str(w)) for w in weken], "week")
    t.lijnen([(a.x(w), a.y(e)) for w, e in zip(weken, waar)], KLEUREN["grijs"], 2.5, "9,6",
             klasse="ingesteld")
    for w, e in zip(weken, waar):
        t.punt(a.x(w), a.y(e), "vierkant", KLEUREN["grijs"], open_=True, klasse="ingesteld")
    # the estimate: a solid line, broken where a week had too few measurements
    stuk: list[tuple[float, float]] = []
    for w, e in zip(weken + [None], geschat + [math.nan]):
        if w is None or math.isnan(e):
            t.lijnen(stuk, KLEUREN["blauw"], 3, klasse="geschat")
            stuk = []
        else:
            stuk.append((a.x(w), a.y(e)))
    for w, e in zip(weken, geschat):
        if not math.isnan(e):
            t.punt(a.x(w), a.y(e), "rondje", KLEUREN["blauw"], maat=7, klasse="geschat")
    g.legenda(t, a.links, a.onder + 75, [
        (lambda t_, x, y: (_lijn_voorbeeld(KLEUREN["grijs"], 2.5, "9,6")(t_, x, y),
                           t_.punt(x, y, "vierkant", KLEUREN["grijs"], open_=True)),
         "ingesteld in de simulatie"),
        (lambda t_, x, y: (_lijn_voorbeeld(KLEUREN["blauw"], 3)(t_, x, y),
                           t_.punt(x, y, "rondje", KLEUREN["blauw"], maat=7)),
         "geschat uit de metingen"),
        (_band_voorbeeld, "geen duidelijk verschil"),
    ])
    beschrijving = (
        f"Lijngrafiek van gesimuleerde persoon {i + 1} over {m.aantal_weken} weken. Een grijze "
        f"stippellijn met open vierkantjes toont het effect van scrollen dat in de simulatie is "
        f"ingesteld, een blauwe lijn met rondjes het effect dat uit de metingen is geschat. "
        f"Ingesteld loopt het effect van {getal(min(waar), plus=True)} tot "
        f"{getal(max(waar), plus=True)} punten."
    )
    return t.grafiek(titel, beschrijving)


@vriendelijk
def toon_verloop(metingen: Metingen, persoon: int | None = None) -> None:
    """Toon het effect van scrollen voor één persoon, week voor week.

    Zonder ``persoon`` kiest de functie de persoon bij wie het effect het meest verandert.
    """
    m = _controleer_metingen(metingen)
    i = meest_veranderende_persoon(m) - 1 if persoon is None else _controleer_persoon(m, persoon)
    geschat = schat_effecten_per_week(m)[i]
    toon(_verloop_grafiek(m, i, geschat))
    if m.aantal_weken == 1:
        druk(f"Persoon {i + 1} deed maar 1 week mee, dus je ziet nog geen verloop; "
             "zet aantal_weken op 2 of meer.")
        return
    weken = [(e, w) for w, e in enumerate(geschat, start=1) if not math.isnan(e)]
    if len(weken) < 2:
        druk(f"Bij persoon {i + 1} waren in te weinig weken metingen met én zonder scrollen om "
             "een verloop te schatten; kies meer metingen_per_dag.")
        return
    (laag, w_laag), (hoog, w_hoog) = min(weken), max(weken)
    druk(
        f"Bij persoon {i + 1} was het effect het laagst in week {w_laag} ({getal(laag, plus=True)}) "
        f"en het hoogst in week {w_hoog} ({getal(hoog, plus=True)}): dezelfde persoon, "
        "een ander effect op een ander moment."
    )
    afwijking = [abs(e - m.ware_week_effecten[i][w - 1]) for e, w in weken]
    grootste = max(range(len(afwijking)), key=afwijking.__getitem__)
    druk(
        f"De schatting uit de metingen lag per week gemiddeld {getal(statistics.fmean(afwijking))} "
        f"punten naast het ingestelde effect, en hoogstens {getal(afwijking[grootste])} punten "
        f"(in week {weken[grootste][1]}). Per week zijn er minder metingen dan over alle weken "
        "samen, dus de schatting per week is onzekerder."
    )


# --- interpretation questions ----------------------------------------------------------
VRAGEN: dict[int, dict[str, tuple[bool, str]]] = {
    1: {
        "A": (False, "Niet juist. Terugkijken op een hele maand is een gewone vragenlijst. Dan vergeet je "
                     "veel, en de snelle schommelingen zie je niet. Een ervaringssteekproef vraagt het op "
                     "het moment zelf."),
        "B": (True, "Juist. De telefoon geeft een paar keer per dag een signaal en de deelnemer antwoordt "
                    "meteen, midden in het gewone leven. Zo zie je hoe de stemming binnen een dag op en neer gaat."),
        "C": (False, "Niet juist. Zo'n app meet hoeveel iemand de telefoon gebruikt, maar niet hoe iemand "
                     "zich voelt. Een ervaringssteekproef stelt vragen aan de persoon zelf."),
    },
    2: {
        "A": (True, "Juist. Bij sommige mensen gaat de stemming omhoog na scrollen, bij anderen omlaag. In het "
                    "gemiddelde heffen die elkaar op. 'Gemiddeld geen effect' betekent dus niet "
                    "'bij niemand een effect'."),
        "B": (False, "Niet juist. Dat is de verleiding van een gemiddelde. Kijk naar de figuur: sommige "
                     "mensen voelen zich beter na scrollen, anderen slechter. Samen komen ze rond nul uit."),
        "C": (False, "Niet juist. Met meer deelnemers wordt het gemiddelde preciezer, maar het blijft rond nul: "
                     "de effecten gaan nog steeds twee kanten op. Probeer het: zet aantal_personen op 200."),
    },
    3: {
        "A": (False, "Niet juist. Het gemiddelde hoort rond nul te blijven: de effecten zijn nog steeds "
                     "in beide richtingen verdeeld. Probeer het: zet spreiding_effecten op 20 en voer opnieuw uit."),
        "B": (False, "Niet juist. Met meer spreiding zijn de verschillen tussen mensen juist groter, "
                     "dus minder mensen blijven in de grijze band 'geen duidelijk verschil'."),
        "C": (True, "Juist. Het gemiddelde blijft rond nul, want de effecten liggen nog steeds aan twee kanten "
                    "van nul. Maar er komen meer mensen bij met een duidelijk positief of negatief effect."),
    },
    4: {
        "A": (True, "Juist. Het effect kan binnen één persoon veranderen, bijvoorbeeld in een week met toetsen "
                    "of ruzie thuis. Vraag daarom op verschillende momenten hoe het gaat, en wat er die week speelde."),
        "B": (False, "Niet juist. De figuur laat zien dat het effect bij dezelfde persoon per week kan "
                     "verschillen. Eén gesprek is een momentopname."),
        "C": (False, "Niet juist. Een wisselend effect is geen meetfout. In deze simulatie hebben we de "
                     "verandering zelf ingebouwd, en de schatting volgt die verandering."),
    },
}


def _beoordeel(nummer: Any, antwoord: Any) -> tuple[bool, str]:
    """Check an answer; returns (juist, feedback). Raises InvoerFout for malformed input."""
    if heel_getal(nummer) not in VRAGEN:
        raise InvoerFout(
            f"er is geen vraag {kort_repr(nummer)}; kies een vraagnummer van 1 tot en met {len(VRAGEN)}, "
            "bijvoorbeeld controleer_vraag(1, mijn_antwoord)."
        )
    nummer = heel_getal(nummer)
    letters = sorted(VRAGEN[nummer])
    keuze = ", ".join(letters[:-1]) + " of " + letters[-1]
    if antwoord is Ellipsis:
        raise InvoerFout(
            f"je hebt nog geen antwoord gekozen. Lees de vraag en kies {keuze}. Zet die letter "
            "tussen aanhalingstekens in plaats van de drie puntjes, en voer dit vak opnieuw uit."
        )
    if not isinstance(antwoord, str):
        raise InvoerFout(
            f'je antwoord moet een letter tussen aanhalingstekens zijn, zoals "B"; je gaf {beschrijf_type(antwoord)}.'
        )
    schoon = antwoord.strip().upper().rstrip(".)").strip()
    if not schoon:
        raise InvoerFout(f'je antwoord is leeg; typ {keuze} tussen aanhalingstekens, bijvoorbeeld "B".')
    if schoon not in VRAGEN[nummer]:
        raise InvoerFout(f'"{kort(antwoord.strip())}" is geen van de antwoorden; kies {keuze}.')
    return VRAGEN[nummer][schoon]


@vriendelijk
def controleer_vraag(nummer: int, antwoord: str) -> None:
    """Controleer je antwoord op een vraag in het notebook en lees de uitleg."""
    _, uitleg = _beoordeel(nummer, antwoord)
    druk(uitleg)

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
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from cursus._basis import InvoerFout, beschrijf_type, is_getal, vriendelijk

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
}
MAX_SPREIDING = 30.0
MAX_VERANDERING = 15.0

# Okabe-Ito colours (colour-blind safe)
BLAUW = "#0072B2"
ORANJE = "#D55E00"
GRIJS = "#7F7F7F"
GROEN = "#009E73"

DAGEN = ["ma", "di", "wo", "do", "vr", "za", "zo"]


@dataclass
class Metingen:
    """Gesimuleerde metingen van een ervaringssteekproef (geen echte mensen).

    ``stemming`` en ``gescrold`` hebben de vorm (personen, dagen, metingen per dag).
    ``ware_effecten`` is het effect dat we per persoon in de simulatie hebben ingesteld,
    ``ware_week_effecten`` het ingestelde effect per persoon per week.
    """

    aantal_personen: int
    aantal_weken: int
    metingen_per_dag: int
    spreiding_effecten: float
    verandering_over_tijd: float
    zaad: int
    stemming: np.ndarray = field(repr=False)
    gescrold: np.ndarray = field(repr=False)
    ware_effecten: np.ndarray = field(repr=False)
    ware_week_effecten: np.ndarray = field(repr=False)

    @property
    def aantal_metingen(self) -> int:
        return int(self.stemming.size)

    def __repr__(self) -> str:
        return (
            f"Gesimuleerde metingen (geen echte mensen): {self.aantal_personen} personen, "
            f"{self.aantal_weken} {'week' if self.aantal_weken == 1 else 'weken'}, "
            f"{self.metingen_per_dag} metingen per dag = {_heel(self.aantal_metingen)} metingen."
        )

    __str__ = __repr__


# --- formatting helpers (Dutch numbers) -----------------------------------------------
def _heel(getal: int) -> str:
    """12345 -> '12.345' (Dutch thousands separator)."""
    return f"{int(getal):,}".replace(",", ".")


def _punten(getal: float) -> str:
    """+3.25 -> '+3,3' (Dutch decimal comma, always a sign)."""
    return f"{getal:+.1f}".replace(".", ",")


# --- input checks -----------------------------------------------------------------------
def _wat_je_gaf(waarde: Any) -> str:
    """'tekst ("twintig")' for strings, else just the Dutch type name."""
    if isinstance(waarde, str):
        return f'{beschrijf_type(waarde)} ("{waarde}")'
    return beschrijf_type(waarde)


def _heel_getal(naam: str, waarde: Any, laag: int, hoog: int, voorbeeld: int) -> int:
    if isinstance(waarde, bool) or not is_getal(waarde):
        raise InvoerFout(
            f"{naam} moet een heel getal zijn, maar je gaf {_wat_je_gaf(waarde)}; "
            f"typ een getal zonder aanhalingstekens, bijvoorbeeld {naam} = {voorbeeld}."
        )
    if isinstance(waarde, float) and (not math.isfinite(waarde) or not waarde.is_integer()):
        raise InvoerFout(
            f"{naam} moet een heel getal zijn (zonder komma), maar je gaf {waarde!r}; "
            f"kies bijvoorbeeld {naam} = {voorbeeld}."
        )
    waarde = int(waarde)
    bereik = f"kies een getal van {laag} tot en met {hoog}"
    if waarde < 0:
        raise InvoerFout(f"{naam} kan niet negatief zijn (je gaf {waarde}); {bereik}.")
    if waarde < laag:
        raise InvoerFout(f"{naam} moet minstens {laag} zijn (je gaf {waarde}); {bereik}.")
    if waarde > hoog:
        raise InvoerFout(
            f"{naam} mag hoogstens {hoog} zijn (je gaf {_heel(waarde)}), anders duurt het rekenen te lang; {bereik}."
        )
    return waarde


def _kommagetal(naam: str, waarde: Any, hoog: float, voorbeeld: float) -> float:
    bereik = f"kies een getal van 0 tot en met {hoog:g}"
    if isinstance(waarde, bool) or not is_getal(waarde):
        raise InvoerFout(
            f"{naam} moet een getal zijn, maar je gaf {_wat_je_gaf(waarde)}; "
            f"typ een getal zonder aanhalingstekens, bijvoorbeeld {naam} = {voorbeeld:g}."
        )
    if not math.isfinite(waarde):
        raise InvoerFout(f"{naam} moet een gewoon getal zijn (je gaf {waarde!r}); {bereik}.")
    if waarde < 0:
        raise InvoerFout(f"{naam} kan niet negatief zijn (je gaf {waarde:g}); {bereik}.")
    if waarde > hoog:
        raise InvoerFout(
            f"{naam} mag hoogstens {hoog:g} zijn (je gaf {waarde:g}), want de stemming loopt maar van 0 tot 100; {bereik}."
        )
    return float(waarde)


def _controleer_metingen(metingen: Any) -> Metingen:
    if metingen is None:
        raise InvoerFout(
            "er zijn nog geen metingen; voer eerst de cel met maak_metingen(...) uit en los daar een eventuele melding op."
        )
    if not isinstance(metingen, Metingen):
        raise InvoerFout(
            f"geef de metingen mee die je met maak_metingen(...) hebt gemaakt, niet {beschrijf_type(metingen)}."
        )
    return metingen


def _heel_nummer(waarde: Any, naam: str, hoogste: int, buiten: str) -> int:
    """A whole number from 1 to ``hoogste`` (bools and 2.5 refused), else one Dutch line."""
    if isinstance(waarde, bool) or not is_getal(waarde) or (
        isinstance(waarde, float) and not float(waarde).is_integer()
    ):
        raise InvoerFout(
            f"{naam} moet een heel getal zijn, maar je gaf {_wat_je_gaf(waarde)}; "
            f"kies een {'nummer' if naam == 'persoon' else naam} van 1 tot en met {hoogste}."
        )
    if not 1 <= waarde <= hoogste:
        raise InvoerFout(buiten.format(int(waarde), hoogste))
    return int(waarde)


def _controleer_persoon(metingen: Metingen, persoon: Any) -> int:
    melding = "er is geen persoon {}; kies een nummer van 1 tot en met {}."
    return _heel_nummer(persoon, "persoon", metingen.aantal_personen, melding) - 1  # internal index


def _controleer_week(metingen: Metingen, week: Any) -> int:
    melding = "er is geen week {} in de metingen; kies een week van 1 tot en met {}."
    return _heel_nummer(week, "week", metingen.aantal_weken, melding)


# --- simulation -----------------------------------------------------------------------------
def _simuleer(
    aantal_personen: int = 30,
    aantal_weken: int = 4,
    metingen_per_dag: int = 6,
    spreiding_effecten: float = 8.0,
    verandering_over_tijd: float = 4.0,
    zaad: int = STANDAARD_ZAAD,
) -> Metingen:
    """Checked, undecorated simulation (used by tests and by :func:`maak_metingen`)."""
    n = _heel_getal("aantal_personen", aantal_personen, *GRENZEN["aantal_personen"], 30)
    w = _heel_getal("aantal_weken", aantal_weken, *GRENZEN["aantal_weken"], 4)
    m = _heel_getal("metingen_per_dag", metingen_per_dag, *GRENZEN["metingen_per_dag"], 6)
    spreiding = _kommagetal("spreiding_effecten", spreiding_effecten, MAX_SPREIDING, 8)
    verandering = _kommagetal("verandering_over_tijd", verandering_over_tijd, MAX_VERANDERING, 4)
    zaad = _heel_getal("zaad", zaad, 0, 2**32 - 1, STANDAARD_ZAAD)

    rng = np.random.default_rng(zaad)
    dagen = 7 * w

    # Each person's own effect of scrolling on mood (mean 0, learner-set spread).
    ware_effecten = rng.normal(0.0, spreiding, size=n)
    # Slow change within a person: a random walk over the weeks, centred so that the
    # person's average over the weeks stays exactly their own effect.
    stappen = rng.normal(0.0, verandering, size=(n, w))
    stappen[:, 0] = 0.0
    wandeling = np.cumsum(stappen, axis=1)
    ware_week_effecten = ware_effecten[:, None] + wandeling - wandeling.mean(axis=1, keepdims=True)

    basis = rng.normal(BASIS_GEMIDDELD, BASIS_SPREIDING, size=n)
    dag = rng.normal(0.0, DAG_SPREIDING, size=(n, dagen))
    kans_scrollen = rng.uniform(0.3, 0.7, size=n)
    gescrold = rng.random((n, dagen, m)) < kans_scrollen[:, None, None]
    ruis = rng.normal(0.0, RUIS_SPREIDING, size=(n, dagen, m))

    effect_per_dag = np.repeat(ware_week_effecten, 7, axis=1)  # (n, dagen)
    stemming = basis[:, None, None] + dag[:, :, None] + ruis + effect_per_dag[:, :, None] * gescrold
    stemming = np.clip(np.round(stemming), 0, 100)

    return Metingen(n, w, m, spreiding, verandering, zaad, stemming, gescrold,
                    ware_effecten, ware_week_effecten)


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
    return _simuleer(aantal_personen, aantal_weken, metingen_per_dag,
                     spreiding_effecten, verandering_over_tijd, zaad)


# --- estimation -----------------------------------------------------------------------------
def _verschil(stemming: np.ndarray, gescrold: np.ndarray, as_: tuple[int, ...]) -> np.ndarray:
    """Mean mood after scrolling minus mean mood without, over the given axes (nan if absent)."""
    met = gescrold.sum(axis=as_)
    zonder = (~gescrold).sum(axis=as_)
    som_met = np.where(gescrold, stemming, 0.0).sum(axis=as_)
    som_zonder = np.where(~gescrold, stemming, 0.0).sum(axis=as_)
    with np.errstate(invalid="ignore", divide="ignore"):
        uit = som_met / met - som_zonder / zonder
    return np.where((met > 0) & (zonder > 0), uit, np.nan)


def schat_effecten(metingen: Metingen) -> np.ndarray:
    """Geschat effect per persoon: gemiddelde stemming na scrollen min zonder scrollen.

    Geeft een rij getallen, één per persoon (``nan`` als een persoon nooit of altijd scrolde).
    """
    m = _controleer_metingen(metingen)
    return _verschil(m.stemming, m.gescrold, (1, 2))


def schat_effecten_per_week(metingen: Metingen) -> np.ndarray:
    """Geschat effect per persoon per week, vorm (personen, weken)."""
    m = _controleer_metingen(metingen)
    n, dagen, k = m.stemming.shape
    stemming = m.stemming.reshape(n, m.aantal_weken, 7 * k)
    gescrold = m.gescrold.reshape(n, m.aantal_weken, 7 * k)
    return _verschil(stemming, gescrold, (2,))


def _groepen(effecten: np.ndarray, grens: float = GRENS) -> np.ndarray:
    groep = np.full(effecten.shape, "geen", dtype=object)
    groep[effecten >= grens] = "positief"
    groep[effecten <= -grens] = "negatief"
    groep[np.isnan(effecten)] = "onbekend"
    return groep


def tel_effecten(metingen: Metingen) -> dict[str, int]:
    """Tel hoeveel personen een positief, negatief of geen duidelijk effect hebben."""
    groep = _groepen(schat_effecten(metingen))
    uit = {naam: int((groep == naam).sum()) for naam in ("positief", "negatief", "geen")}
    if (groep == "onbekend").any():
        uit["onbekend"] = int((groep == "onbekend").sum())
    return uit


# --- figures ---------------------------------------------------------------------------------
def _stijl() -> dict[str, Any]:
    return {"font.size": 14, "axes.titlesize": 16, "axes.labelsize": 14,
            "legend.fontsize": 12, "axes.spines.top": False, "axes.spines.right": False}


def _toon_week(metingen: Any, persoon: Any = 1, week: Any = 1) -> str:
    m = _controleer_metingen(metingen)
    i = _controleer_persoon(m, persoon)
    wk = _controleer_week(m, week)
    import matplotlib.pyplot as plt

    k = m.metingen_per_dag
    dagen = slice(7 * (wk - 1), 7 * wk)
    stemming = m.stemming[i, dagen, :].ravel()
    gescrold = m.gescrold[i, dagen, :].ravel()
    # x position: day + spread of the moments over the waking hours of that day
    x = np.repeat(np.arange(7), k) + np.tile((np.arange(k) + 0.5) / k, 7)

    with plt.rc_context(_stijl()):
        fig, ax = plt.subplots(figsize=(10, 5))
        ax.plot(x, stemming, color=GRIJS, linewidth=1, zorder=1)
        ax.scatter(x[gescrold], stemming[gescrold], color=BLAUW, marker="o", s=60,
                   label="wel gescrold in het uur ervoor", zorder=2)
        ax.scatter(x[~gescrold], stemming[~gescrold], color=ORANJE, marker="s", s=50,
                   label="niet gescrold", zorder=2)
        ax.set_xticks(np.arange(7) + 0.5, DAGEN)
        for grens in range(1, 7):
            ax.axvline(grens, color="#DDDDDD", linewidth=0.8, zorder=0)
        ax.set_xlim(0, 7)
        ax.set_ylim(0, 100)
        ax.set_xlabel("dag van de week")
        ax.set_ylabel("stemming (0 = slecht, 100 = goed)")
        ax.set_title(f"Persoon {i + 1}, week {wk}: elke meting (gesimuleerd)")
        ax.legend(loc="lower right", frameon=True)
        fig.tight_layout()
        plt.show()

    gem_met = stemming[gescrold].mean() if gescrold.any() else float("nan")
    gem_zonder = stemming[~gescrold].mean() if (~gescrold).any() else float("nan")
    tekst = (
        f"Persoon {i + 1} vulde in week {wk} {len(stemming)} keer de vragen in. "
        f"Gemiddelde stemming na scrollen: {_getal(gem_met)}, zonder scrollen: {_getal(gem_zonder)}."
    )
    print(tekst)
    return tekst


def _getal(x: float) -> str:
    return "onbekend" if np.isnan(x) else f"{x:.0f}"


@vriendelijk
def toon_week(metingen: Metingen, persoon: int = 1, week: int = 1) -> None:
    """Toon de stemming van één persoon bij elke meting in één week (figuur + korte tekst)."""
    _toon_week(metingen, persoon, week)


def _toon_effecten(metingen: Any) -> str:
    m = _controleer_metingen(metingen)
    import matplotlib.pyplot as plt

    effecten = schat_effecten(m)
    groep = _groepen(effecten)
    volgorde = np.argsort(np.where(np.isnan(effecten), np.inf, effecten))
    volgorde = volgorde[~np.isnan(effecten[volgorde])]
    gemiddeld = float(np.nanmean(effecten)) if volgorde.size else float("nan")
    telling = tel_effecten(m)

    stijlen = {
        "positief": (BLAUW, "^", "beter na scrollen"),
        "negatief": (ORANJE, "v", "slechter na scrollen"),
        "geen": (GRIJS, "o", "geen duidelijk verschil"),
    }
    with plt.rc_context(_stijl()):
        fig, ax = plt.subplots(figsize=(10, 5.5))
        ax.axhspan(-GRENS, GRENS, color="#EEEEEE", zorder=0)
        ax.axhline(0, color="black", linewidth=0.8, zorder=1)
        plek = np.arange(1, volgorde.size + 1)
        for naam, (kleur, teken, label) in stijlen.items():
            kies = groep[volgorde] == naam
            ax.scatter(plek[kies], effecten[volgorde][kies], color=kleur, marker=teken, s=70,
                       label=f"{label} ({telling[naam]})", zorder=3)
        if not np.isnan(gemiddeld):
            ax.axhline(gemiddeld, color="black", linestyle="--", linewidth=2, zorder=2,
                       label=f"gemiddelde van iedereen ({_punten(gemiddeld)})")
        ax.set_xlabel("personen, gesorteerd van laag naar hoog effect")
        ax.set_ylabel("verschil in stemming na scrollen\n(punten op de schaal 0-100)")
        ax.set_title("Effect van scrollen op de stemming, per persoon (gesimuleerd)")
        ax.set_xticks([])
        ax.legend(loc="upper left", frameon=True)
        fig.tight_layout()
        plt.show()

    tekst = (
        f"Gemiddeld effect van iedereen samen: {_punten(gemiddeld)} punten. "
        f"Maar per persoon: {telling['positief']} beter, {telling['negatief']} slechter en "
        f"{telling['geen']} zonder duidelijk verschil (minder dan {GRENS:g} punten)."
    )
    if telling.get("onbekend"):
        tekst += f" Bij {telling['onbekend']} personen waren te weinig metingen om iets te zeggen."
    print(tekst)
    return tekst


@vriendelijk
def toon_effecten(metingen: Metingen) -> None:
    """Toon het geschatte effect van scrollen per persoon, gesorteerd, met het gemiddelde."""
    _toon_effecten(metingen)


def meest_veranderende_persoon(metingen: Metingen) -> int:
    """Het nummer (vanaf 1) van de persoon bij wie het ingestelde effect het meest verandert."""
    m = _controleer_metingen(metingen)
    hoog, laag = m.ware_week_effecten.max(axis=1), m.ware_week_effecten.min(axis=1)
    bereik = hoog - laag
    # Prefer someone whose effect is clearly positive in one week and clearly negative in
    # another; failing that, someone whose effect at least changes sign; then the largest range.
    for wisselt in ((hoog >= GRENS) & (laag <= -GRENS), (hoog > 0) & (laag < 0)):
        if wisselt.any():
            return int(np.argmax(np.where(wisselt, bereik, -np.inf))) + 1
    return int(np.argmax(bereik)) + 1


def _toon_verloop(metingen: Any, persoon: Any = None) -> str:
    m = _controleer_metingen(metingen)
    if persoon is None:
        persoon = meest_veranderende_persoon(m)
    i = _controleer_persoon(m, persoon)
    import matplotlib.pyplot as plt

    geschat = schat_effecten_per_week(m)[i]
    waar = m.ware_week_effecten[i]
    weken = np.arange(1, m.aantal_weken + 1)
    with plt.rc_context(_stijl()):
        fig, ax = plt.subplots(figsize=(10, 5))
        ax.axhspan(-GRENS, GRENS, color="#EEEEEE", zorder=0, label="geen duidelijk verschil")
        ax.axhline(0, color="black", linewidth=0.8, zorder=1)
        ax.plot(weken, waar, color=GRIJS, linestyle="--", linewidth=2, marker="s", markersize=7,
                label="ingesteld in de simulatie", zorder=2)
        ax.plot(weken, geschat, color=BLAUW, linewidth=2.5, marker="o", markersize=9,
                label="geschat uit de metingen", zorder=3)
        ax.set_xticks(weken, [str(w) for w in weken])
        ax.set_xlabel("week")
        ax.set_ylabel("verschil in stemming na scrollen\n(punten op de schaal 0-100)")
        ax.set_title(f"Persoon {i + 1}: het effect van scrollen per week (gesimuleerd)")
        ax.legend(loc="best", frameon=True)
        fig.tight_layout()
        plt.show()

    if m.aantal_weken == 1:
        tekst = (f"Persoon {i + 1} deed maar 1 week mee, dus je ziet nog geen verloop; "
                 "zet aantal_weken op 2 of meer.")
    else:
        laag, hoog = int(np.nanargmin(geschat)) + 1, int(np.nanargmax(geschat)) + 1
        tekst = (
            f"Bij persoon {i + 1} was het effect het laagst in week {laag} ({_punten(geschat[laag - 1])}) "
            f"en het hoogst in week {hoog} ({_punten(geschat[hoog - 1])}): dezelfde persoon, "
            "een ander effect op een ander moment."
        )
    print(tekst)
    return tekst


@vriendelijk
def toon_verloop(metingen: Metingen, persoon: int | None = None) -> None:
    """Toon het effect van scrollen voor één persoon, week voor week.

    Zonder ``persoon`` kiest de functie de persoon bij wie het effect het meest verandert.
    """
    _toon_verloop(metingen, persoon)


# --- interpretation questions ----------------------------------------------------------
VRAGEN: dict[int, dict[str, tuple[bool, str]]] = {
    1: {
        "A": (False, "Niet juist. Eén grote vragenlijst per jaar is juist géén ervaringssteekproef; "
                     "die vangt korte schommelingen in stemming niet."),
        "B": (True, "Juist. Bij een ervaringssteekproef krijgt iemand meerdere keren per dag een paar "
                    "korte vragen, midden in het gewone leven. Zo zie je snelle schommelingen."),
        "C": (False, "Niet juist. De metingen gebeuren niet in een lab maar thuis, op school of onderweg, "
                     "op het moment zelf."),
    },
    2: {
        "A": (False, "Niet juist. Dat is de verleiding van een gemiddelde. Kijk naar de figuur: sommige "
                     "mensen voelen zich beter na scrollen, anderen slechter. Samen komen ze rond nul uit."),
        "B": (True, "Juist. Positieve en negatieve effecten van verschillende mensen heffen elkaar op in "
                    "het gemiddelde. 'Gemiddeld geen effect' betekent dus niet 'bij niemand een effect'."),
        "C": (False, "Niet juist. De metingen zijn prima. Het gemiddelde is klein omdat effecten in "
                     "verschillende richtingen gaan, niet omdat er iets misging."),
    },
    3: {
        "A": (True, "Juist. Het gemiddelde blijft rond nul, want de effecten liggen nog steeds aan twee kanten van nul. Maar er "
                    "komen meer mensen bij met een duidelijk positief of negatief effect."),
        "B": (False, "Niet juist. Het gemiddelde hoort rond nul te blijven: de effecten zijn nog steeds "
                     "in beide richtingen verdeeld. Probeer het: zet spreiding_effecten op 20 en voer opnieuw uit."),
        "C": (False, "Niet juist. Met meer spreiding zijn de verschillen tussen mensen juist groter, "
                     "dus minder mensen blijven in de grijze band 'geen duidelijk verschil'."),
    },
    4: {
        "A": (False, "Niet juist. De figuur laat zien dat het effect bij dezelfde persoon per week kan "
                     "verschillen. Eén gesprek is een momentopname."),
        "B": (True, "Juist. Het effect kan binnen één persoon veranderen. Vraag daarom op verschillende "
                    "momenten hoe het gaat, en wat er die week speelde."),
        "C": (False, "Niet juist. Een wisselend effect is geen meetfout. In deze simulatie hebben we de "
                     "verandering zelf ingebouwd, en de schatting volgt die verandering."),
    },
}


def _beoordeel(nummer: Any, antwoord: Any) -> tuple[bool, str]:
    """Check an answer; returns (juist, feedback). Raises InvoerFout for malformed input."""
    if isinstance(nummer, bool) or not is_getal(nummer) or nummer not in VRAGEN:
        raise InvoerFout(
            f"er is geen vraag {nummer!r}; kies een vraagnummer van 1 tot en met {len(VRAGEN)}, "
            "bijvoorbeeld controleer_vraag(1, mijn_antwoord)."
        )
    nummer = int(nummer)
    letters = sorted(VRAGEN[nummer])
    keuze = ", ".join(letters[:-1]) + " of " + letters[-1]
    if antwoord is Ellipsis:
        raise InvoerFout(f'je hebt nog geen antwoord ingevuld; vervang ... door een letter, bijvoorbeeld "B".')
    if not isinstance(antwoord, str):
        raise InvoerFout(
            f'je antwoord moet een letter tussen aanhalingstekens zijn, zoals "B"; je gaf {beschrijf_type(antwoord)}.'
        )
    schoon = antwoord.strip().upper().rstrip(".)").strip()
    if not schoon:
        raise InvoerFout(f'je antwoord is leeg; typ {keuze} tussen aanhalingstekens, bijvoorbeeld "B".')
    if schoon not in VRAGEN[nummer]:
        raise InvoerFout(f'"{antwoord.strip()}" is geen van de antwoorden; kies {keuze}.')
    return VRAGEN[nummer][schoon]


@vriendelijk
def controleer_vraag(nummer: int, antwoord: str) -> None:
    """Controleer je antwoord op een vraag in het notebook en lees de uitleg."""
    _, uitleg = _beoordeel(nummer, antwoord)
    print(uitleg)

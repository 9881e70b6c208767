"""Module 4: je eigen gebruikspatroon in kaart brengen met een dagboek van één week.

Functies voor de deelnemer:

- :func:`lees_dagboek` leest en controleert het bestand (het bestand zelf blijft onveranderd;
  zie ``cursus.dagboek_lezen`` voor de kolommen en de regel voor middernacht);
- :func:`toon_overzicht` laat tijd per dag, nachtgebruik, actief en passief en stemming zien;
- :func:`toon_grafiek` tekent een grafiek van dag × uur;
- :func:`vergelijk_met_gok` vergelijkt je verwachting met wat het dagboek laat zien;
- :func:`signalen` geeft een korte lijst gespreksonderwerpen. Dat is nooit een oordeel
  of diagnose.

Een gemiddelde over één keer is geen gemiddelde: een gemiddelde verschil in stemming staat
er pas bij vanaf twee keer, en vergelijken tussen platforms gebeurt pas vanaf drie keer.
Het aantal keren staat er steeds bij.

Nacht: 00:00 tot 06:00. In die uren slapen de meeste mensen; gebruik dan kost slaap.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cursus import _grafiek as g
from cursus._basis import (
    KLEUREN,
    InvoerFout,
    beschrijf_type,
    druk,
    getal,
    kort,
    toon,
    uren_min,
    vriendelijk,
)
from cursus.dagboek_lezen import DAGNAMEN, KOLOMMEN, Dagboek, Sessie, lees_dagboek

__all__ = [
    "KOLOMMEN",
    "NACHT",
    "DAGNAMEN",
    "Dagboek",
    "Sessie",
    "lees_dagboek",
    "toon_overzicht",
    "toon_grafiek",
    "vergelijk_met_gok",
    "signalen",
]

#: Night window (start hour inclusive, end hour exclusive).
NACHT = (0, 6)

#: Signal thresholds (conversation starters, not norms).
MIN_NACHTEN = 2          # use at night on at least this many different nights
MIN_NARE_MOMENTEN = 3    # opened while feeling low (1-2) and did not feel better afterwards
LAAG = 2                 # mood 1 or 2 counts as "naar"
DALING_PLATFORM = 0.5    # average mood drop per session on one platform ...
MIN_SESSIES_PLATFORM = 3 # ... over at least this many sessions (also: to compare platforms)
#: An average mood difference is shown from this many sessions on (one session is no average).
MIN_KEREN_GEMIDDELDE = 2

#: Heat map classes: (upper limit in minutes, fill colour, legend label). Light to dark, so
#: more minutes is more ink, in colour and in greyscale; an empty hour stays white.
KLASSEN = (
    (0, KLEUREN["wit"], "0"),
    (15, KLEUREN["licht_blauw"], "1-15"),
    (30, "#94C4E6", "16-30"),
    (45, "#4A90C9", "31-45"),
    (60, "#0B4F8A", "46-60 min"),
)


# ---------------------------------------------------------------------------
# analysis (pure functions, used by the printed overviews and by the tests)
# ---------------------------------------------------------------------------

def _controleer_boek(dagboek: Any) -> Dagboek:
    if dagboek is None:
        raise InvoerFout("Er is nog geen dagboek ingelezen. Voer eerst de stap met lees_dagboek uit "
                         "en los een eventuele melding daar op.")
    if not isinstance(dagboek, Dagboek):
        raise InvoerFout(f"Geef hier het ingelezen dagboek (de variabele dagboek). "
                         f"Je gaf {beschrijf_type(dagboek)}.")
    return dagboek


def _per_groep(sessies: list[Sessie], sleutel: Callable[[Sessie], str]) -> OrderedDict[str, dict[str, float]]:
    groepen: OrderedDict[str, list[Sessie]] = OrderedDict()
    for s in sessies:
        groepen.setdefault(sleutel(s), []).append(s)
    uit: OrderedDict[str, dict[str, float]] = OrderedDict()
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


def _keer(n: int) -> str:
    return f"{n} keer"


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
            f"{uren_min(o['nacht_minuten'])}. Om over te praten: hoe slaap je, en wat maakt "
            f"dat je dan nog kijkt?")))
    naar = [s for s in dagboek.sessies if s.stemming_voor <= LAAG and s.stemming_na <= s.stemming_voor]
    if len(naar) >= MIN_NARE_MOMENTEN:
        redenen = Counter(s.reden for s in naar).most_common(3)
        lijst = ", ".join(f"{r} ({k}×)" for r, k in redenen)
        uit.append(Signaal("naar_gevoel", (
            f"Openen bij een naar gevoel: {len(naar)} keer opende je sociale media terwijl je je "
            f"naar voelde (1 of 2), en daarna voelde je je niet beter. Redenen die je toen noemde: "
            f"{lijst}. Om over te praten: wat zoek je op zo'n moment, en wat helpt je wel?")))
    for platform, gr in o["per_platform"].items():
        if gr["keren"] >= MIN_SESSIES_PLATFORM and gr["verschil"] <= -DALING_PLATFORM:
            uit.append(Signaal("platform", (
                f"Stemming lager na {platform}: in de {int(gr['keren'])} keer dat je het gebruikte, "
                f"daalde je stemming gemiddeld {getal(-gr['verschil'])} punt per keer. Om over te "
                f"praten: wat zie of doe je daar, en hoe komt dat bij je binnen?")))
    return uit


# ---------------------------------------------------------------------------
# printed output for the learner
# ---------------------------------------------------------------------------

def _procent(deel: float, geheel: float) -> str:
    if geheel <= 0:
        return "0%"
    return f"{round(100 * deel / geheel)}%"


def _tabel(kop: tuple[str, ...], rijen: list[tuple[str, ...]]) -> str:
    breed = [max(len(str(x)) for x in kolom) for kolom in zip(kop, *rijen)]
    regels = ["  ".join(str(x).ljust(b) for x, b in zip(kop, breed)).rstrip()]
    regels.append("  ".join("-" * b for b in breed))
    for r in rijen:
        regels.append("  ".join(str(x).ljust(b) for x, b in zip(r, breed)).rstrip())
    return "\n".join(regels)


def _groep_tabel(naam: str, groepen: OrderedDict[str, dict[str, float]]) -> str:
    rijen = [(kort(n, 30), str(int(gr["keren"])), uren_min(gr["minuten"]),
              getal(gr["verschil"], plus=True) if gr["keren"] >= MIN_KEREN_GEMIDDELDE else "–")
             for n, gr in groepen.items()]
    tabel = _tabel((naam, "keren", "tijd", "stemming na − voor"), rijen)
    if any(gr["keren"] < MIN_KEREN_GEMIDDELDE for gr in groepen.values()):
        tabel += "\n– = maar 1 keer ingevuld: te weinig voor een gemiddelde."
    return tabel


@vriendelijk
def toon_overzicht(dagboek: Any) -> None:
    """Laat de belangrijkste cijfers van je dagboek zien, als tekst."""
    boek = _controleer_boek(dagboek)
    o = overzicht(boek)
    print("TIJD PER DAG")
    print(_tabel(("dag", "tijd"), [(d, uren_min(m)) for d, m in o["per_dag"].items()]))
    gemiddeld = o["totaal"] / max(1, len({s.dag for s in boek.sessies}))
    print(f"Totaal {uren_min(o['totaal'])}; gemiddeld {uren_min(gemiddeld)} per dag met gebruik.")
    print()
    print(f"NACHT ({NACHT[0]:02d}:00-{NACHT[1]:02d}:00)")
    print(f"{uren_min(o['nacht_minuten'])} op {o['nachten']} nachten: "
          f"{_procent(o['nacht_minuten'], o['totaal'])} van je totale tijd.")
    print()
    print("ACTIEF EN PASSIEF")
    print(f"Actief {uren_min(o['actief'])} ({_procent(o['actief'], o['totaal'])}), "
          f"passief {uren_min(o['passief'])} ({_procent(o['passief'], o['totaal'])}).")
    print(_groep_tabel("activiteit", o["per_activiteit"]))
    print()
    print("STEMMING PER PLATFORM (schaal 1-5; een plus betekent: daarna beter)")
    print(_groep_tabel("platform", o["per_platform"]))
    print()
    print("STEMMING PER REDEN")
    print(_groep_tabel("reden", o["per_reden"]))


def _klasse(minuten: int) -> tuple[int, str, str]:
    return next(k for k in KLASSEN if minuten <= k[0])


def _week_grafiek(boek: Dagboek, o: dict[str, Any]) -> g.Grafiek:
    m = o["dag_uur"]
    rij_h, kolom_b = 26, 19
    links, boven = 100, 84
    rechts_kaart = links + 24 * kolom_b
    balk_x, balk_max = rechts_kaart + 22, 66
    onder = boven + rij_h * len(boek.dagen)
    t = g.Tekening(onder + 120)
    titel = "Minuten sociale media per uur, per dag"
    t.tekst(g.BREED / 2, 30, titel, g.TITEL, anker="middle", vet=True)

    # the heat map: one row per day, one column per hour
    for u in range(0, 24, 3):
        t.tekst(links + (u + 0.5) * kolom_b, boven - 8, f"{u:02d}", g.KLEIN, anker="middle")
    for d, (dag, rij) in enumerate(zip(boek.dagen, m)):
        y = boven + d * rij_h
        t.tekst(links - 10, y + rij_h / 2 + g.KLEIN * 0.35, dag, g.KLEIN, anker="end")
        for u, minuten in enumerate(rij):
            t.rechthoek(links + u * kolom_b, y, kolom_b, rij_h, _klasse(minuten)[1],
                        KLEUREN["lichtgrijs"], 1, klasse="uur")
    # the night: a dashed frame (dashes stay visible in greyscale)
    t.rechthoek(links + NACHT[0] * kolom_b, boven - 2, (NACHT[1] - NACHT[0]) * kolom_b,
                onder - boven + 4, "none", KLEUREN["oranje"], 3, "8,5")
    t.tekst(links + (NACHT[0] + NACHT[1]) / 2 * kolom_b, boven - 30, "nacht", g.KLEIN,
            anker="middle", kleur=KLEUREN["oranje"], vet=True)
    t.tekst(links + 12 * kolom_b, onder + 26, "uur van de dag", g.LETTER, anker="middle")

    # total per day: a bar and its value
    hoogste = max(max(o["per_dag"].values()), 1)
    t.tekst(balk_x, boven - 8, "totaal", g.KLEIN, vet=True)
    for d, minuten in enumerate(o["per_dag"].values()):
        y = boven + d * rij_h
        lengte = balk_max * minuten / hoogste
        t.rechthoek(balk_x, y + 5, lengte, rij_h - 10, KLEUREN["hemelsblauw"], klasse="totaal")
        waarde = f"{minuten // 60}:{minuten % 60:02d}"
        t.tekst(balk_x + lengte + 5, y + rij_h / 2 + g.KLEIN * 0.35, waarde, g.KLEIN)

    def vak(kleur: str):
        return lambda t_, x, y: t_.rechthoek(x - 9, y - 9, 18, 18, kleur, KLEUREN["grijs"], 1)

    def nachtkader(t_: g.Tekening, x: float, y: float) -> None:
        t_.rechthoek(x - 12, y - 9, 24, 18, "none", KLEUREN["oranje"], 3, "8,5")

    items = [(vak(kleur), label) for _, kleur, label in KLASSEN]
    items.append((nachtkader, f"nacht ({NACHT[0]:02d}:00-{NACHT[1]:02d}:00)"))
    g.legenda(t, 24, onder + 66, items)

    drukste = max(range(24), key=lambda u: o["per_uur"][u])
    per_dag = list(o["per_dag"].items())
    meeste = max(per_dag, key=lambda dm: dm[1])
    beschrijving = (
        f"Raster met per dag een rij ({len(boek.dagen)} dagen) en per uur een kolom. Hoe donkerder "
        f"het vakje, hoe meer minuten sociale media in dat uur; een wit vakje is geen gebruik. Het "
        f"drukste uur is {drukste:02d}:00-{(drukste + 1) % 24:02d}:00. Een gestreept oranje kader "
        f"markeert de nacht van {NACHT[0]:02d}:00 tot {NACHT[1]:02d}:00; daarin valt "
        f"{uren_min(o['nacht_minuten'])} gebruik, op {o['nachten']} nachten. Rechts staat per dag "
        f"een balk met de totale tijd; de meeste tijd was op {meeste[0]} ({uren_min(meeste[1])})."
    )
    return t.grafiek(titel, beschrijving)


@vriendelijk
def toon_grafiek(dagboek: Any) -> None:
    """Teken per dag en per uur hoeveel minuten je op sociale media zat."""
    boek = _controleer_boek(dagboek)
    o = overzicht(boek)
    toon(_week_grafiek(boek, o))
    drukste = max(range(24), key=lambda u: o["per_uur"][u])
    druk(f"De grafiek laat per dag (rij) en per uur (kolom) zien hoeveel minuten je op sociale "
         f"media zat: hoe donkerder het vakje, hoe meer minuten. Het drukste uur is "
         f"{drukste:02d}:00-{(drukste + 1) % 24:02d}:00; het gestreepte kader is de nacht.")


def _gemiddeld(gr: dict[str, float]) -> str:
    return f"{getal(gr['verschil'], plus=True)} punt per keer (over {_keer(int(gr['keren']))})"


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
    schoon = " ".join(gok.split())
    if schoon.lower() not in namen:
        raise InvoerFout(f"'{kort(schoon)}' staat niet in dit dagboek. Kies uit: {', '.join(per_platform)}.")
    gekozen = namen[schoon.lower()]
    genoeg = {n: gr for n, gr in per_platform.items() if gr["keren"] >= MIN_SESSIES_PLATFORM}
    if gekozen not in genoeg:
        druk(f"Na {gekozen} vulde je maar {_keer(int(per_platform[gekozen]['keren']))} iets in. "
             f"Om platforms eerlijk te vergelijken zijn minstens {MIN_SESSIES_PLATFORM} keer nodig.")
    else:
        laagste = min(genoeg, key=lambda n: genoeg[n]["verschil"])
        if genoeg[laagste]["verschil"] >= 0:
            druk(f"Na geen enkel platform daalde je stemming gemiddeld. Na {gekozen}: "
                 f"{_gemiddeld(genoeg[gekozen])}.")
        elif gekozen == laagste:
            druk(f"Je gok klopt: na {gekozen} daalde de stemming gemiddeld het meest: "
                 f"{_gemiddeld(genoeg[gekozen])}.")
        else:
            druk(f"Niet helemaal: na {gekozen} was het verschil gemiddeld "
                 f"{_gemiddeld(genoeg[gekozen])}, maar na {laagste} daalde de stemming meer: "
                 f"{_gemiddeld(genoeg[laagste])}. Verrast je dat?")
    druk("Bedenk wel: een week is kort, en een gemiddelde zegt niet waaróm je je zo voelde.")


@vriendelijk
def signalen(dagboek: Any) -> None:
    """Geef een korte lijst met onderwerpen om over te praten. Dit is nooit een oordeel of diagnose."""
    boek = _controleer_boek(dagboek)
    lijst = bereken_signalen(boek)
    if lijst:
        print("Gespreksonderwerpen uit deze week:")
        for s in lijst:
            druk(s.tekst, "  ", "- ")
    else:
        druk("Geen van de gespreksonderwerpen kwam deze week naar voren. Dat zegt niet dat alles "
             "goed of fout gaat; het is één week.")
    helpt = [(n, gr) for n, gr in overzicht(boek)["per_platform"].items()
             if gr["keren"] >= MIN_SESSIES_PLATFORM and gr["verschil"] > 0]
    if helpt:
        naam, gr = max(helpt, key=lambda ng: ng[1]["verschil"])
        druk(f"Bespreek ook wat helpt: na {naam} voelde je je gemiddeld beter: "
             f"{_gemiddeld(gr)}.")
    druk("Dit zijn gespreksonderwerpen, geen oordeel en geen diagnose.")

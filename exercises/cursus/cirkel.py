"""Module 2: een vicieuze cirkel in kaart brengen.

Je beschrijft een casus als een korte lijst stappen (gevoelens, gedachten, gedrag online
en offline). :func:`teken_cirkel` deelt elke stap in, tekent de cirkel, controleert of hij
rond is en geeft tips waar een professional kan helpen de cirkel te doorbreken.

Hoe de helper een stap indeelt (eenvoudige trefwoordregels, zie :func:`toon_trefwoorden`):

1. Begint de stap met ``gebruik:``, ``gevoel:``, ``gedachte:`` of ``gevolg:``, dan geldt
   jouw keuze. Zo kun je de helper altijd verbeteren.
2. Anders telt de helper de trefwoorden van elke soort in de stap. De soort met de meeste
   trefwoorden wint. Bij een gelijke stand wint de soort waarvan een trefwoord het eerst
   in de zin staat.
3. Staat er geen enkel trefwoord in, dan wordt het ``gevolg`` (gedrag of gevolg offline),
   en de helper zegt dat erbij.

Wanneer is de cirkel rond? De helper trekt altijd een pijl van de laatste stap terug naar
de eerste. De cirkel heet rond als er minstens één gebruik-stap en minstens één
gevoel-stap in zit: dan kan het gevoel leiden tot gebruik en het gebruik (via de
gevolgen) weer tot het gevoel. Of de laatste stap inhoudelijk echt naar de eerste leidt,
kan een computer niet beoordelen: de helper laat die pijl als zin zien, zodat jij dat
zelf controleert.
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass, field
from typing import Any

from cursus import _grafiek as g
from cursus._basis import KLEUREN, Grafiek, InvoerFout, beschrijf_type, druk, toon, vriendelijk

__all__ = ["teken_cirkel", "deel_in", "toon_trefwoorden", "SOORTEN"]

# ---------------------------------------------------------------------------
# Step kinds, labels, colours (Okabe-Ito palette: colour-blind safe)
# ---------------------------------------------------------------------------
SOORTEN = ("gebruik", "gevoel", "gevolg")

NAMEN = {
    "gebruik": "gebruik (online gedrag)",
    "gevoel": "gevoel of gedachte",
    "gevolg": "gevolg (gedrag of gevolg offline)",
}

KORT = {"gebruik": "gebruik", "gevoel": "gevoel/gedachte", "gevolg": "gevolg"}

VOORVOEGSELS = {"gebruik": "gebruik", "gevoel": "gevoel", "gedachte": "gevoel", "gevolg": "gevolg"}

# Keyword stems. A stem matches at the start of a word ("scrol" matches "scrollen").
# Entries ending in "$" must match a whole word ("app$" matches "app", not "appel").
TREFWOORDEN: dict[str, tuple[str, ...]] = {
    "gebruik": (
        "sociale media", "social media", "socialemedia", "scrol", "instagram", "insta$",
        "tiktok", "snapchat", "snap$", "whatsapp", "facebook", "youtube", "telefoon",
        "mobiel", "smartphone", "app$", "apps$", "appen", "appt$", "online", "internet",
        "scherm", "like", "post", "story", "stories", "bericht", "chat", "reactie", "volger",
        "filmpje", "video", "foto", "feed", "profiel", "selfie", "notificatie", "melding",
        "swipe", "reels",
    ),
    "gevoel": (
        "voel", "gevoel", "alleen$", "eenzaam", "bang", "angst", "somber", "verdrietig",
        "onzeker", "schaam", "denk", "gedachte", "pieker", "zorgen", "stress", "gespannen",
        "boos", "jaloers", "minder waard", "niet goed genoeg", "leeg$", "rot$", "down$",
        "nerveus", "paniek", "moedeloos", "hopeloos", "waardeloos", "niemand", "buitengesloten",
        "verveel", "mis$", "missen", "gemist", "vind mezelf", "ik ben lelijk", "ik ben saai",
    ),
    "gevolg": (
        "slaap", "sliep", "moe$", "wakker", "school", "les$", "lessen", "werk$", "werken$", "spijbel", "afspraak",
        "afspraken", "zeg af", "zegt af", "afzeggen", "thuis", "binnen$", "sport", "training",
        "eet", "eten", "ruzie", "cijfer", "huiswerk", "uitstel", "stel uit", "laat op",
        "te laat", "bed$", "naar buiten", "vrienden zien", "bezoek", "club", "trekt zich terug",
        "trek me terug", "ga niet", "gaat niet", "concentr",
    ),
}

TIPS = {
    "gevoel": (
        "Praat over het gevoel of de gedachte zelf: erken het, vraag wat eronder zit en wat "
        "iemand al helpt. Houden klachten aan, verwijs dan naar de huisarts of de "
        "praktijkondersteuner ggz (POH-ggz)."
    ),
    "gebruik": (
        "Bekijk samen het wat, waarom en hoe van het gebruik: op welk moment (ook ’s nachts?), "
        "actief of passief, en wat het oplevert. Spreek samen één kleine, haalbare verandering af."
    ),
    "gevolg": (
        "Werk aan het leven offline: slaap, school of werk, sport en contact met anderen. "
        "Kleine stappen met steun doorbreken het terugtrekken."
    ),
}

MIN_STAPPEN, MAX_STAPPEN, MAX_TEKENS = 2, 8, 120

# control characters (Unicode category Cc) other than tab, newline and carriage return
_STUURTEKEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

_VOORVOEGSEL_RE = re.compile(r"^\s*(gebruik|gevoel|gedachte|gevolg)\s*:\s*", re.IGNORECASE)


def _patroon(woord: str) -> re.Pattern[str]:
    heel = woord.endswith("$")
    kern = re.escape(woord.rstrip("$"))
    return re.compile(r"(?<!\w)" + kern + (r"(?!\w)" if heel else ""))


_PATRONEN = {soort: [(w, _patroon(w)) for w in woorden] for soort, woorden in TREFWOORDEN.items()}


# ---------------------------------------------------------------------------
# Classification
# ---------------------------------------------------------------------------
@dataclass
class Stap:
    """One classified step of a circle."""

    nummer: int
    tekst: str  # text without a prefix
    soort: str  # one of SOORTEN
    reden: str  # Dutch explanation of why this kind was chosen


def _normaal(tekst: str) -> str:
    return " ".join(tekst.replace("’", "'").casefold().split())


def _bepaal_soort(stap: str) -> tuple[str, str, str]:
    """Return (text without prefix, kind, reason) for one step (already checked to be text)."""
    m = _VOORVOEGSEL_RE.match(stap)
    if m:
        soort = VOORVOEGSELS[m.group(1).lower()]
        return stap[m.end():].strip(), soort, f"jouw keuze ('{m.group(1).lower()}:')"
    tekst = stap.strip()
    laag = _normaal(tekst)
    treffers: dict[str, list[tuple[int, str]]] = {s: [] for s in SOORTEN}
    for soort, patronen in _PATRONEN.items():
        for woord, pat in patronen:
            for hit in pat.finditer(laag):
                treffers[soort].append((hit.start(), woord.rstrip("$")))
    if not any(treffers.values()):
        return (tekst, "gevolg",
                "geen trefwoord gevonden, dus gevolg; klopt dat niet, zet er 'gebruik:' of 'gevoel:' voor")
    # most hits wins; on a tie, the kind whose first keyword comes earliest in the sentence
    soort = min(
        (s for s in SOORTEN if treffers[s]),
        key=lambda s: (-len(treffers[s]), min(treffers[s])[0]),
    )
    woorden = sorted({w for _, w in treffers[soort]})
    return tekst, soort, "trefwoord: " + ", ".join(f"'{w}'" for w in woorden)


@dataclass
class Cirkel:
    """The analysed circle (internal result; tests use it)."""

    stappen: list[Stap]
    rond: bool
    ontbreekt: list[str] = field(default_factory=list)  # kinds missing for a closed circle

    def nummers(self, soort: str) -> list[int]:
        return [s.nummer for s in self.stappen if s.soort == soort]


def _controleer_invoer(stappen: Any) -> list[str]:
    voorbeeld = '["Ik voel me alleen", "Ik scrol lang door Instagram"]'
    if isinstance(stappen, str):
        raise InvoerFout(
            f"Je gaf één tekst; zet elke stap als aparte tekst in een lijst, bijvoorbeeld {voorbeeld}."
        )
    if not isinstance(stappen, list):
        raise InvoerFout(
            f"Geef je stappen als een lijst tussen vierkante haken, bijvoorbeeld {voorbeeld}; "
            f"je gaf {beschrijf_type(stappen)}."
        )
    if len(stappen) == 0:
        raise InvoerFout(
            f"Je lijst is leeg; schrijf minstens twee stappen tussen de haken, bijvoorbeeld {voorbeeld}."
        )
    # checking one step more than allowed is enough: a longer list is refused below anyway
    for i, stap in enumerate(stappen[:MAX_STAPPEN + 1], start=1):
        if not isinstance(stap, str):
            raise InvoerFout(
                f"Stap {i} is geen tekst maar {beschrijf_type(stap)}; zet de stap tussen "
                f'aanhalingstekens, bijvoorbeeld "Ik slaap slecht".'
            )
        if _STUURTEKEN.search(stap):
            raise InvoerFout(
                f"Stap {i} bevat een onzichtbaar teken (bijvoorbeeld uit een gekopieerde "
                "tekst); typ de zin opnieuw met gewone letters."
            )
        if not stap.strip():
            raise InvoerFout(f"Stap {i} is leeg; schrijf er een korte zin in of haal hem weg.")
        if _VOORVOEGSEL_RE.match(stap) and not _VOORVOEGSEL_RE.sub("", stap).strip():
            raise InvoerFout(
                f"Stap {i} heeft alleen een soort ('{stap.strip()}') maar geen tekst; "
                f'schrijf na de dubbele punt wat er gebeurt, bijvoorbeeld "gevoel: Ik voel me alleen".'
            )
        if len(stap.strip()) > MAX_TEKENS:
            raise InvoerFout(
                f"Stap {i} is erg lang ({len(stap.strip())} tekens); maak er een korte zin van "
                f"van hoogstens {MAX_TEKENS} tekens, dan blijft de tekening leesbaar."
            )
    if len(stappen) < MIN_STAPPEN:
        raise InvoerFout(
            "Je cirkel heeft maar één stap; een cirkel heeft er minstens twee nodig, "
            "bijvoorbeeld een gevoel en wat iemand dan online doet."
        )
    if len(stappen) > MAX_STAPPEN:
        raise InvoerFout(
            f"Je cirkel heeft {len(stappen)} stappen; houd het bij hoogstens {MAX_STAPPEN}, "
            "dan blijft de tekening leesbaar (voeg stappen samen)."
        )
    gezien: dict[str, int] = {}
    for i, stap in enumerate(stappen, start=1):
        sleutel = _normaal(_VOORVOEGSEL_RE.sub("", stap))
        if sleutel in gezien:
            eerder = gezien[sleutel]
            tekst = _VOORVOEGSEL_RE.sub("", stap).strip()
            if eerder == 1 and i == len(stappen):
                raise InvoerFout(
                    f'Je laatste stap ("{tekst}") is dezelfde als je eerste; laat hem weg, '
                    "de computer tekent zelf de pijl terug naar het begin."
                )
            raise InvoerFout(
                f'Stap {i} ("{tekst}") staat er al als stap {eerder}; elke stap komt één keer '
                "in de cirkel, dus haal de herhaling weg of beschrijf wat er anders is."
            )
        gezien[sleutel] = i
    return stappen


def _analyseer(stappen: Any) -> Cirkel:
    """Check the input and classify every step (raises InvoerFout on bad input)."""
    stappen = _controleer_invoer(stappen)
    lijst = []
    for i, stap in enumerate(stappen, start=1):
        tekst, soort, reden = _bepaal_soort(stap)
        lijst.append(Stap(i, tekst, soort, reden))
    soorten = {s.soort for s in lijst}
    ontbreekt = [s for s in ("gebruik", "gevoel") if s not in soorten]
    return Cirkel(lijst, rond=not ontbreekt, ontbreekt=ontbreekt)


# ---------------------------------------------------------------------------
# Texts
# ---------------------------------------------------------------------------
def _lijst_nummers(nummers: list[int]) -> str:
    if len(nummers) == 1:
        return f"stap {nummers[0]}"
    return "stappen " + ", ".join(map(str, nummers[:-1])) + f" en {nummers[-1]}"


def _verslag(c: Cirkel) -> list[str]:
    """The Dutch feedback lines printed under the figure."""
    regels = []
    if c.rond:
        regels.append(
            "De cirkel is rond: er zit minstens één gebruik-stap en één gevoel-stap in, "
            "en de laatste stap leidt met een pijl terug naar de eerste."
        )
    else:
        mis = {
            "gebruik": "een gebruik-stap (wat doet iemand online?)",
            "gevoel": "een gevoel-stap (wat voelt of denkt iemand?)",
        }
        regels.append(
            "De cirkel is nog niet rond: er ontbreekt "
            + " en ".join(mis[s] for s in c.ontbreekt)
            + ". Voeg die stap toe, of zet er 'gebruik:' of 'gevoel:' voor als de computer hem verkeerd indeelde."
        )
    laatste, eerste = c.stappen[-1], c.stappen[0]
    regels.append(
        f'Lees de pijl terug hardop: "{laatste.tekst}" → "{eerste.tekst}". '
        "Klopt dat verband? Zo niet, voeg een tussenstap toe."
    )
    regels.append("")
    regels.append("Waar kun je als professional helpen de cirkel te doorbreken?")
    for soort in ("gevoel", "gebruik", "gevolg"):
        nummers = c.nummers(soort)
        if nummers:
            regels.append(f"- Bij {_lijst_nummers(nummers)} ({KORT[soort]}): {TIPS[soort]}")
    regels.append(
        "Tip: je hoeft niet overal tegelijk te beginnen. Kies samen met de ander één stap "
        "die het makkelijkst te veranderen is."
    )
    regels.append("Onthoud: dit is een hulpmiddel voor een gesprek, geen diagnose.")
    return regels


def _samenvatting(c: Cirkel) -> str:
    tellen = {s: len(c.nummers(s)) for s in SOORTEN}
    pijl = "een doorgetrokken pijl" if c.rond else "een gestippelde pijl (de cirkel is nog niet rond)"
    return (
        f"De tekening toont {len(c.stappen)} stappen in een cirkel, met de klok mee: "
        f"{tellen['gevoel']} gevoel/gedachte (oranje), {tellen['gebruik']} gebruik (blauw) en "
        f"{tellen['gevolg']} gevolg (groen). Van de laatste stap loopt {pijl} terug naar stap 1."
    )


# ---------------------------------------------------------------------------
# Drawing
# ---------------------------------------------------------------------------
#: Box style per kind: (edge colour, light fill, dash pattern of the edge). The dashes and the
#: kind written in every box keep the kinds apart in greyscale print.
STIJL = {
    "gebruik": (KLEUREN["blauw"], KLEUREN["licht_blauw"], None),
    "gevoel": (KLEUREN["oranje"], KLEUREN["licht_oranje"], "10,5"),
    "gevolg": (KLEUREN["groen"], KLEUREN["licht_groen"], "3,4"),
}
_MARGE = 14          # free space around the drawing
_TUSSEN = 36         # free space between two boxes, so every arrow stays visible
_BOVEN = 60          # room for the title
_ONDER = 80          # room for the legend


@dataclass
class _Doos:
    regels: list[str]
    breedte: float
    hoogte: float
    x: float = 0.0
    y: float = 0.0


def _dozen(c: Cirkel, grootte: float, tekens: int) -> list[_Doos]:
    """One box per step: a bold header line plus the step text wrapped at ``tekens``."""
    dozen = []
    for stap in c.stappen:
        regels = [f"{stap.nummer} · {KORT[stap.soort]}"]
        regels += textwrap.wrap(g.schoon(stap.tekst), tekens, break_long_words=True) or [""]
        breedte = max(g.tekstbreedte(r, grootte) for r in regels) + 2 * 10
        dozen.append(_Doos(regels, breedte, len(regels) * grootte * 1.25 + 14))
    return dozen


def _overlappen(a: _Doos, b: _Doos) -> bool:
    return (abs(a.x - b.x) < (a.breedte + b.breedte) / 2 + _TUSSEN
            and abs(a.y - b.y) < (a.hoogte + b.hoogte) / 2 + _TUSSEN)


def _plaats(dozen: list[_Doos]) -> float | None:
    """Put the boxes on an ellipse, clockwise from the top; returns the drawing's height.

    The ellipse is as wide as the chart allows and grows in height until no two boxes
    overlap, so long steps make a taller drawing instead of a crowded one. Two boxes at the
    same height cannot be pulled apart that way: then None (the caller wraps narrower).
    """
    n = len(dozen)
    rx = max(0.0, g.BREED / 2 - _MARGE - max(d.breedte for d in dozen) / 2)
    for ry in range(110, 4000, 10):
        for i, d in enumerate(dozen):
            hoek = math.pi / 2 - 2 * math.pi * i / n
            d.x, d.y = rx * math.cos(hoek), -ry * math.sin(hoek)
        if not any(_overlappen(a, b) for k, a in enumerate(dozen) for b in dozen[k + 1:]):
            break
    else:
        return None
    boven = min(d.y - d.hoogte / 2 for d in dozen)
    onder = max(d.y + d.hoogte / 2 for d in dozen)
    for d in dozen:
        d.x += g.BREED / 2
        d.y += _BOVEN + _MARGE - boven
    return _BOVEN + 2 * _MARGE + (onder - boven) + _ONDER


def _opmaak(c: Cirkel) -> tuple[list[_Doos], float, float]:
    """Boxes, letter size and height: the widest wrapping that fits (narrower for wide text)."""
    grootte = g.KLEIN if len(c.stappen) > 5 else g.LETTER
    for tekens in range(16 if len(c.stappen) > 5 else 22, 5, -2):
        dozen = _dozen(c, grootte, tekens)
        hoogte = _plaats(dozen)
        if hoogte is not None:
            break
    # at the narrowest wrapping the header line is the widest, and that always fits
    assert hoogte is not None
    return dozen, grootte, hoogte


def _rand(doos: _Doos, naar: tuple[float, float]) -> tuple[float, float]:
    """Point where the line from the box centre towards ``naar`` leaves the box (plus a gap)."""
    dx, dy = naar[0] - doos.x, naar[1] - doos.y
    hb, hh = doos.breedte / 2 + 6, doos.hoogte / 2 + 6
    factoren = [f for f in ((hb / abs(dx)) if dx else None, (hh / abs(dy)) if dy else None) if f]
    t = min(factoren + [1.0])
    return doos.x + dx * t, doos.y + dy * t


def _teken(c: Cirkel) -> Grafiek:
    """Draw the circle as an SVG chart (shown by the caller)."""
    dozen, grootte, hoogte = _opmaak(c)
    t = g.Tekening(hoogte)
    titel = "De vicieuze cirkel in kaart" + ("" if c.rond else " (nog niet rond)")
    t.tekst(g.BREED / 2, 34, titel, g.TITEL, anker="middle", vet=True)
    midden_y = sum(d.y for d in dozen) / len(dozen)
    t.tekst(g.BREED / 2, midden_y - 4, ["vicieuze", "cirkel"], g.LETTER + 2, anker="middle",
            schuin=True, kleur=KLEUREN["grijs"])

    n = len(dozen)
    for i in range(n):
        j = (i + 1) % n
        terug = j == 0
        van, naar = dozen[i], dozen[j]
        dx, dy = naar.x - van.x, naar.y - van.y
        afstand = math.hypot(dx, dy) or 1.0
        buiging = 0.6 if n == 2 else 0.25
        # bend outwards: for clockwise travel on screen, outside is left of the direction
        controle = ((van.x + naar.x) / 2 + dy / afstand * buiging * afstand,
                    (van.y + naar.y) / 2 - dx / afstand * buiging * afstand)
        start, eind = _rand(van, controle), _rand(naar, controle)
        open_ = terug and not c.rond
        kleur = KLEUREN["grijs"] if open_ else g.INKT
        t.kromme(start, controle, eind, kleur, 2.5, "9,6" if open_ else None,
                 klasse="pijl-terug" if terug else "pijl")
        t.pijlpunt(eind, controle, kleur)

    for stap, d in zip(c.stappen, dozen):
        rand, vul, streep = STIJL[stap.soort]
        t.rechthoek(d.x - d.breedte / 2, d.y - d.hoogte / 2, d.breedte, d.hoogte, vul, rand, 3,
                    streep, rond=8, klasse=f"stap {stap.soort}")
        eerste = d.y - d.hoogte / 2 + 7 + grootte
        t.tekst(d.x, eerste, d.regels[0], grootte, anker="middle", vet=True)
        t.tekst(d.x, eerste + grootte * 1.25, d.regels[1:], grootte, anker="middle",
                regelafstand=1.25)

    def doos_voorbeeld(soort: str):
        rand, vul, streep = STIJL[soort]
        return lambda t_, x, y: t_.rechthoek(x - 13, y - 9, 26, 18, vul, rand, 3, streep, rond=4)

    def pijl_voorbeeld(t_: g.Tekening, x: float, y: float) -> None:
        t_.lijn(x - 14, y, x + 6, y, g.INKT, 2.5)
        t_.pijlpunt((x + 14, y), (x, y), g.INKT, 10, 9)

    items = [(doos_voorbeeld(s), NAMEN[s]) for s in ("gevoel", "gebruik", "gevolg")]
    items.append((pijl_voorbeeld, "pijl: leidt tot"))
    g.legenda(t, 24, hoogte - _ONDER + 30, items)
    stappen = " ".join(f"Stap {s.nummer} ({KORT[s.soort]}): {s.tekst}." for s in c.stappen)
    return t.grafiek(titel, f"{_samenvatting(c)} {stappen}")


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------
@vriendelijk
def deel_in(stappen: Any) -> None:
    """Laat zien hoe de helper elke stap indeelt (gebruik, gevoel of gevolg) en waarom."""
    c = _analyseer(stappen)
    for s in c.stappen:
        druk(f'{s.nummer}. "{s.tekst}" → {NAMEN[s.soort]} ({s.reden})', "   ")


@vriendelijk
def teken_cirkel(stappen: Any) -> None:
    """Teken de vicieuze cirkel van een lijst stappen en geef feedback en tips.

    ``stappen`` is een lijst teksten, bijvoorbeeld
    ``["Ik voel me alleen", "Ik scrol ’s avonds lang door Instagram", "Ik slaap slecht"]``.
    Zet ``gebruik:``, ``gevoel:`` of ``gevolg:`` voor een stap om zelf de soort te kiezen.
    """
    c = _analyseer(stappen)
    print("Zo deelt de computer je stappen in:")
    for s in c.stappen:
        druk(f'  {s.nummer}. "{s.tekst}" → {NAMEN[s.soort]} ({s.reden})', "     ")
    print()
    druk(_samenvatting(c))
    toon(_teken(c))
    for regel in _verslag(c):
        druk(regel, "  " if regel.startswith("- ") else "")


@vriendelijk
def toon_trefwoorden() -> None:
    """Toon de trefwoorden waarmee de helper stappen indeelt."""
    for soort in SOORTEN:
        woorden = ", ".join(w.rstrip("$") for w in TREFWOORDEN[soort])
        druk(f"{NAMEN[soort]}: {woorden}", "  ")
        print()
    druk(
        "Een trefwoord telt als het begin van een woord: 'scrol' past ook bij 'scrollen'. "
        "Je kunt altijd zelf kiezen met 'gebruik:', 'gevoel:', 'gedachte:' of 'gevolg:' voor je stap."
    )

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

import re
import textwrap
from dataclasses import dataclass, field
from typing import Any

from cursus._basis import InvoerFout, beschrijf_type, vriendelijk

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

# edge colour (Okabe-Ito) and a light fill of the same hue, so black text stays readable
KLEUREN = {
    "gebruik": ("#0072B2", "#CFE3F2"),  # blue
    "gevoel": ("#D55E00", "#F9D9C2"),  # vermillion
    "gevolg": ("#009E73", "#C7EBDF"),  # bluish green
}

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
        "iemand al helpt. Houden klachten aan, verwijs dan naar de huisarts of de praktijk"
        "ondersteuner GGZ."
    ),
    "gebruik": (
        "Bekijk samen het wat, waarom en hoe van het gebruik: op welk moment (ook 's nachts?), "
        "actief of passief, en wat het oplevert. Spreek samen één kleine, haalbare verandering af."
    ),
    "gevolg": (
        "Werk aan het leven offline: slaap, school of werk, sport en contact met anderen. "
        "Kleine stappen met steun doorbreken het terugtrekken."
    ),
}

MIN_STAPPEN, MAX_STAPPEN, MAX_TEKENS = 2, 8, 120

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
        return tekst, "gevolg", "geen trefwoord gevonden, dus gevolg; klopt dat niet, zet er 'gebruik:' of 'gevoel:' voor"
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
    for i, stap in enumerate(stappen, start=1):
        if not isinstance(stap, str):
            raise InvoerFout(
                f"Stap {i} is geen tekst maar {beschrijf_type(stap)}; zet de stap tussen "
                f'aanhalingstekens, bijvoorbeeld "Ik slaap slecht".'
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
                    "de helper tekent zelf de pijl terug naar het begin."
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
            + ". Voeg die stap toe, of zet er 'gebruik:' of 'gevoel:' voor als de helper hem verkeerd indeelde."
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


BREEDTE = 78  # printed lines are wrapped, so they read well in a notebook and on the site


def _druk(regel: str, inspringen: str = "") -> None:
    """Print one (long) line, wrapped at BREEDTE; continuation lines get `inspringen`."""
    if not regel:
        print()
        return
    print(textwrap.fill(regel, BREEDTE, subsequent_indent=inspringen, break_on_hyphens=False))


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
def _rand(midden: tuple[float, float], naar: tuple[float, float], hb: float, hh: float) -> tuple[float, float]:
    """Point where the line from the box centre towards `naar` leaves the box (half sizes hb, hh)."""
    dx, dy = naar[0] - midden[0], naar[1] - midden[1]
    factoren = [f for f in ((hb / abs(dx)) if dx else None, (hh / abs(dy)) if dy else None) if f]
    t = min(factoren) if factoren else 0.0
    return midden[0] + dx * t, midden[1] + dy * t


def _teken(c: Cirkel):
    """Draw the circle and return the matplotlib Figure (no plt.show here)."""
    import math

    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch, Patch

    n = len(c.stappen)
    fig, ax = plt.subplots(figsize=(12, 9))
    ax.set_xlim(-2.2, 2.2)
    ax.set_ylim(-1.5, 1.5)
    ax.set_aspect("equal")
    ax.axis("off")
    breedte = 24 if n <= 5 else 19
    grootte = 14 if n <= 5 else 13
    # an ellipse, wider for many steps: more room between boxes side by side
    rx, ry = (1.35, 1.0) if n <= 5 else (1.62, 1.05)

    posities, teksten = [], []
    for i, stap in enumerate(c.stappen):
        hoek = math.pi / 2 - 2 * math.pi * i / n  # start on top, clockwise
        x, y = rx * math.cos(hoek), ry * math.sin(hoek)
        if n == 2:
            x, y = (0.0, 0.75) if i == 0 else (0.0, -0.75)
        rand, vul = KLEUREN[stap.soort]
        label = f"{stap.nummer} · {KORT[stap.soort]}\n" + textwrap.fill(stap.tekst, breedte)
        t = ax.text(
            x, y, label, ha="center", va="center", fontsize=grootte, zorder=3,
            bbox=dict(boxstyle="round,pad=0.5", facecolor=vul, edgecolor=rand, linewidth=3),
        )
        posities.append((x, y))
        teksten.append(t)

    ax.text(0, 0, "vicieuze\ncirkel", ha="center", va="center", fontsize=grootte + 2,
            color="#555555", style="italic")

    # measure the boxes once, in data units, so arrows start and end at the box edges
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    naar_data = ax.transData.inverted()
    maten = []
    for t in teksten:
        bb = t.get_bbox_patch().get_window_extent(renderer)
        (x0, y0), (x1, y1) = naar_data.transform([(bb.x0, bb.y0), (bb.x1, bb.y1)])
        maten.append(((x1 - x0) / 2 + 0.03, (y1 - y0) / 2 + 0.03))

    for i in range(n):
        j = (i + 1) % n
        terug = j == 0
        start = _rand(posities[i], posities[j], *maten[i])
        eind = _rand(posities[j], posities[i], *maten[j])
        kleur = "#333333" if (c.rond or not terug) else "#888888"
        pijl = FancyArrowPatch(
            start, eind, arrowstyle="-|>", mutation_scale=28, linewidth=2.5, color=kleur,
            linestyle="--" if (terug and not c.rond) else "-",
            connectionstyle="arc3,rad=-0.25" if n > 2 else "arc3,rad=-0.6", zorder=2,
        )
        pijl.set_gid("pijl-terug" if terug else "pijl")
        ax.add_patch(pijl)

    legenda = [
        Patch(facecolor=KLEUREN[s][1], edgecolor=KLEUREN[s][0], linewidth=3, label=NAMEN[s])
        for s in ("gevoel", "gebruik", "gevolg")
    ]
    legenda.append(Line2D([0], [0], color="#333333", linewidth=2.5, label="pijl: leidt tot"))
    fig.legend(handles=legenda, loc="lower center", ncol=2, fontsize=13, frameon=False)
    titel = "De vicieuze cirkel in kaart" + ("" if c.rond else " (nog niet rond)")
    ax.set_title(titel, fontsize=18, fontweight="bold")
    fig.subplots_adjust(left=0.02, right=0.98, top=0.93, bottom=0.13)
    return fig


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------
@vriendelijk
def deel_in(stappen: Any) -> None:
    """Laat zien hoe de helper elke stap indeelt (gebruik, gevoel of gevolg) en waarom."""
    c = _analyseer(stappen)
    for s in c.stappen:
        _druk(f'{s.nummer}. "{s.tekst}" → {NAMEN[s.soort]} ({s.reden})', "   ")


@vriendelijk
def teken_cirkel(stappen: Any) -> None:
    """Teken de vicieuze cirkel van een lijst stappen en geef feedback en tips.

    ``stappen`` is een lijst teksten, bijvoorbeeld
    ``["Ik voel me alleen", "Ik scrol 's avonds lang door Instagram", "Ik slaap slecht"]``.
    Zet ``gebruik:``, ``gevoel:`` of ``gevolg:`` voor een stap om zelf de soort te kiezen.
    """
    import matplotlib.pyplot as plt

    c = _analyseer(stappen)
    print("Zo deelt de helper je stappen in:")
    for s in c.stappen:
        _druk(f'  {s.nummer}. "{s.tekst}" → {NAMEN[s.soort]} ({s.reden})', "     ")
    print()
    _druk(_samenvatting(c))
    _teken(c)
    plt.show()
    for regel in _verslag(c):
        _druk(regel, "  " if regel.startswith("- ") else "")


@vriendelijk
def toon_trefwoorden() -> None:
    """Toon de trefwoorden waarmee de helper stappen indeelt."""
    for soort in SOORTEN:
        woorden = ", ".join(w.rstrip("$") for w in TREFWOORDEN[soort])
        _druk(f"{NAMEN[soort]}: {woorden}", "  ")
        print()
    _druk(
        "Een trefwoord telt als het begin van een woord: 'scrol' past ook bij 'scrollen'. "
        "Je kunt altijd zelf kiezen met 'gebruik:', 'gevoel:', 'gedachte:' of 'gevolg:' voor je stap."
    )

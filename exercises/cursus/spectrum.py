"""Module 1: korte situaties een plek geven op het spectrum van mentale gezondheid.

Gebruik in het notebook::

    from cursus.spectrum import toon_posities, toon_vignetten, controleer

    toon_posities()      # de vier plekken op het spectrum, met uitleg
    toon_vignetten()     # de acht korte situaties A tot en met H
    controleer({"A": "alledaags", "B": "aandoening"})

``controleer`` geeft per situatie uitleg en een samenvatting. Je hoeft niet alles
tegelijk in te vullen. Dit is een oefening in kijken, nooit een diagnose.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any

from cursus._basis import BREEDTE, InvoerFout, beschrijf_type, kort, vriendelijk

__all__ = ["POSITIES", "VIGNETTEN", "toon_posities", "toon_vignetten", "controleer"]

# ---------------------------------------------------------------------------
# The four positions, ordered from light to severe. The order matters: a choice
# one step away from the intended position counts as "bijna".
# ---------------------------------------------------------------------------

POSITIES: dict[str, tuple[str, str]] = {
    "alledaags": (
        "Alledaagse hobbel",
        "Een vervelend moment met een duidelijke aanleiding. Het duurt kort (uren, een dag of "
        "twee) en gaat vanzelf weer over. Het gewone leven loopt gewoon door.",
    ),
    "schommeling": (
        "Stemmingsschommeling",
        "De stemming gaat een tijdje op en neer, soms dagen of een paar weken. Er zijn ook "
        "goede dagen. School, werk, slaap en contacten lopen grotendeels door.",
    ),
    "klachten": (
        "Aanhoudende klachten",
        "Het zit al weken vast en er komt eerder iets bij dan af. Slaap, eten, school, werk of "
        "contacten lijden er merkbaar onder. Tijd om erover te praten en hulp te overwegen.",
    ),
    "aandoening": (
        "Mogelijk een psychische aandoening",
        "Zware klachten die lang aanhouden en het hele leven raken. Of het echt een "
        "aandoening is, zoals een depressie of angststoornis, kan alleen een professional "
        "beoordelen. Jouw rol: signalen serieus nemen en helpen de weg naar hulp te vinden.",
    ),
}
_VOLGORDE = list(POSITIES)

# Accept a few longer spellings a learner may type; they map onto the four keys.
_SYNONIEMEN = {
    "alledaagse hobbel": "alledaags",
    "alledaagse tegenslag": "alledaags",
    "hobbel": "alledaags",
    "stemmingsschommeling": "schommeling",
    "aanhoudende klachten": "klachten",
    "psychische aandoening": "aandoening",
    "mogelijk een psychische aandoening": "aandoening",
}


@dataclass(frozen=True)
class Vignet:
    """One short situation with the intended position and the feedback texts."""

    titel: str
    tekst: str
    positie: str
    waarom: str
    verschuift: str
    bijna: dict[str, str] = field(default_factory=dict)


VIGNETTEN: dict[str, Vignet] = {
    "A": Vignet(
        titel="Jelle (14) na de verloren wedstrijd",
        tekst="Jelle speelt ’s avonds online een voetbalgame met vier vrienden. Ze verliezen een "
        "belangrijke wedstrijd, en in de gamechat krijgt hij de schuld. Hij is die avond boos en "
        "verdrietig en gaat vroeg offline. De volgende dag lacht hij in de pauze weer met "
        "dezelfde vrienden.",
        positie="alledaags",
        waarom="Er is een duidelijke aanleiding, het gevoel is echt maar kort, en de volgende "
        "dag gaat het weer. Dat is een alledaagse hobbel. Hij telt wel mee voor zijn welzijn: "
        "een luisterend oor helpt.",
        verschuift="Als Jelle steeds de schuld krijgt, zich weken achter elkaar buitengesloten "
        "voelt, slecht gaat slapen of vrienden gaat mijden, schuift het op naar klachten die "
        "aandacht vragen.",
        bijna={
            "schommeling": "Het ligt dicht bij een schommeling, maar het gaat om één avond met "
            "één aanleiding. Er is (nog) geen op en neer over meerdere dagen.",
        },
    ),
    "B": Vignet(
        titel="Henk (58) slaapt al maanden slecht",
        tekst="Henk slaapt al maanden slecht en is de hele dag moe. Hij heeft nergens meer zin "
        "in, ook niet in zijn kleinkinderen. Hij is gestopt met zingen in het koor. Zijn vrouw "
        "zegt dat hij 'er niet meer echt is'.",
        positie="aandoening",
        waarom="De klachten duren al maanden, raken slaap, plezier en contacten, en Henk trekt "
        "zich terug. Dat zijn ernstige signalen. Of het een depressie is, kan alleen een "
        "huisarts of psycholoog beoordelen; jouw taak is het bespreekbaar maken en naar hulp "
        "verwijzen.",
        verschuift="Stel dat het om een paar slechte weken na een duidelijke gebeurtenis ging, "
        "en dat hij nog wel plezier had in zijn kleinkinderen. Dan zou je eerder aan "
        "aanhoudende klachten denken.",
        bijna={
            "klachten": "Aanhoudende klachten is zeker niet gek: ook dan vraagt het om "
            "aandacht. Maar het verlies van plezier, het terugtrekken en hoe lang het al duurt, "
            "wegen samen zwaar. Dat vraagt om een professional die meekijkt.",
        },
    ),
    "C": Vignet(
        titel="Yusuf (22) in de tentamenweken",
        tekst="Yusuf studeert. In de tentamenweken gaat zijn stemming op en neer. De ene dag "
        "geven leuke berichten in de groepsapp hem energie, de andere dag is hij prikkelbaar "
        "en onrustig. Hij slaapt redelijk en gaat naar college.",
        positie="schommeling",
        waarom="Zijn stemming wisselt een paar weken, met een herkenbare oorzaak (de "
        "tentamens), en er zijn ook goede dagen. Slaap en studie lopen door. Dat past bij een "
        "stemmingsschommeling.",
        verschuift="Als de onrust blijft na de tentamens, of als hij slecht gaat slapen en "
        "colleges overslaat, schuift het op naar aanhoudende klachten.",
        bijna={
            "alledaags": "Eén prikkelbare dag is een alledaagse hobbel. Hier gaat het om een "
            "paar weken op en neer, dus iets meer dan één hobbel.",
            "klachten": "Goed dat je alert bent. Maar er zijn ook goede dagen, en slaap en "
            "studie lopen door. Daarom past schommeling hier beter.",
        },
    ),
    "D": Vignet(
        titel="Isa (13) en de klassenapp",
        tekst="Isa ligt al zes weken ’s avonds wakker. Ze piekert over wat klasgenoten in de "
        "groepsapp over haar zeggen. 's Ochtends heeft ze vaak buikpijn en ze meldt zich "
        "steeds vaker af voor gym. Met haar beste vriendin kan ze nog wel lachen.",
        positie="klachten",
        waarom="Het duurt al weken, het raakt haar slaap en haar lichaam, en ze gaat dingen "
        "uit de weg. Dit zijn aanhoudende klachten die aandacht vragen: een gesprek met "
        "haar, met ouders en met de mentor. Blijkt dat klasgenoten haar online pesten? "
        "Bespreek het met school en wijs op De Kindertelefoon of Helpwanted.nl.",
        verschuift="Blijft het zo of wordt het zwaarder, wil of durft ze niet meer naar school, "
        "of wordt ze somber over alles? Dan is het tijd voor professionele hulp (huisarts of "
        "jeugdhulp).",
        bijna={
            "schommeling": "Bij een schommeling horen ook goede dagen. Isa ligt al zes weken "
            "wakker en ontloopt gym. Dat is meer dan op en neer.",
            "aandoening": "Je neemt het serieus, en dat is goed. Toch zou je niet meteen aan "
            "een aandoening denken: ze heeft nog goede momenten, gaat naar school en de "
            "aanleiding is duidelijk. Wel nu in actie komen, zodat het niet verder groeit.",
        },
    ),
    "E": Vignet(
        titel="Ria (74) en het mislukte beeldbellen",
        tekst="Ria woont zelfstandig en krijgt thuiszorg. Het beeldbellen met haar kleindochter, "
        "die een half jaar in Spanje studeert, mislukt drie keer. Ze is die middag chagrijnig. "
        "'s Avonds vertelt ze het lachend aan de thuiszorgmedewerker.",
        positie="alledaags",
        waarom="Eén vervelende middag met een duidelijke oorzaak, en ’s avonds kan ze er al om "
        "lachen. Een alledaagse hobbel. Wel de moeite waard: hulp bij het beeldbellen kan "
        "haar contact met familie steunen.",
        verschuift="Als Ria zich steeds vaker afgesloten voelt van haar familie en somber "
        "wordt, komt ze verder op het spectrum.",
        bijna={
            "schommeling": "Het zit er dicht bij, maar het gaat om één middag. Er is geen "
            "wisselende stemming over meerdere dagen.",
        },
    ),
    "F": Vignet(
        titel="Daan (17) en de fitnessfilmpjes",
        tekst="Daan kijkt veel filmpjes van fitness-influencers. Op sommige dagen voelt hij "
        "zich daarna klein en vergelijkt hij zijn lichaam met het hunne. Op andere dagen "
        "motiveren ze hem juist. Hij sport graag en spreekt vaak af met vrienden.",
        positie="schommeling",
        waarom="Zijn stemming gaat op en neer, deels door de filmpjes, en er zijn ook goede "
        "dagen. Sporten en vrienden lopen door. Dat past bij een stemmingsschommeling. "
        "Dezelfde filmpjes werken op verschillende dagen anders uit.",
        verschuift="Als Daan gaat lijnen, zich gaat schamen of afspraken afzegt, schuift het "
        "op naar klachten die aandacht vragen.",
        bijna={
            "alledaags": "Eén keer een rotgevoel na een filmpje is een alledaagse hobbel. Bij "
            "Daan keert het steeds terug, met ups en downs: een schommeling.",
            "klachten": "Goed dat je oplet, want vergelijken kan gaan knellen. Maar nu lopen "
            "sport en vrienden nog gewoon door, en zijn er goede dagen.",
        },
    ),
    "G": Vignet(
        titel="Samira (34) durft de deur niet meer uit",
        tekst="Samira heeft al ruim een jaar paniekaanvallen, vooral in winkels en in de bus. "
        "Ze gaat bijna niet meer de deur uit en kan haar werk amper volhouden. Haar huisarts "
        "weet ervan.",
        positie="aandoening",
        waarom="Zware angst, al meer dan een jaar, en het raakt werk en dagelijks leven. Dit "
        "zijn signalen van een mogelijke angststoornis. Een professional is al betrokken; "
        "het oordeel ligt bij hem of haar, niet bij jou.",
        verschuift="Als de angst kort na één nare gebeurtenis speelde en ze nog wel alles "
        "deed, zou je eerder aan aanhoudende klachten denken.",
        bijna={
            "klachten": "Dit vraagt zeker aandacht. Maar de ernst (paniek, niet meer de deur "
            "uit) en de duur (ruim een jaar) gaan verder dan aanhoudende klachten.",
        },
    ),
    "H": Vignet(
        titel="Tom (41) na de reorganisatie",
        tekst="Tom is docent. Sinds een reorganisatie, drie maanden geleden, is hij moe en "
        "snauwt hij thuis vaker tegen zijn kinderen. Om te ontspannen scrolt hij ’s nachts "
        "tot twee uur. Hij voelt zich vlak, maar zijn lessen gaan nog.",
        positie="klachten",
        waarom="Het speelt al maanden, het raakt zijn slaap en zijn gezin, en het nachtelijk "
        "scrollen helpt hem niet echt. Het werk gaat nog wel. Dit zijn klachten die "
        "aandacht vragen: hobbels die zich opstapelen.",
        verschuift="Als hij nergens meer plezier in heeft of zijn werk niet meer volhoudt, is "
        "het tijd voor de huisarts. Als de drukte na een paar weken zakt, was het eerder een "
        "schommeling.",
        bijna={
            "schommeling": "Er is wel een duidelijke aanleiding, maar het duurt al drie "
            "maanden en raakt slaap en gezin. Dat is meer dan op en neer.",
            "aandoening": "Het is goed dat je dit serieus neemt. Maar hij functioneert op "
            "zijn werk nog, en er zijn geen aanwijzingen dat alles is stilgevallen.",
        },
    ),
}

class Uitslag(dict):
    """The result of :func:`controleer`: a plain dict that shows nothing extra in a notebook.

    The feedback is already printed; without this, Jupyter would also echo the dict.
    """

    def _ipython_display_(self) -> None:  # called by IPython instead of showing the repr
        return None


#: Result labels per situation.
GOED, BIJNA, ANDERS = "goed", "bijna", "anders"


def _alinea(tekst: str, inspringen: str = "   ") -> str:
    return textwrap.fill(tekst, width=BREEDTE, initial_indent=inspringen,
                         subsequent_indent=inspringen)


def _lijst(namen: list[str]) -> str:
    return ", ".join(namen)


# ---------------------------------------------------------------------------
# Validation and scoring (pure; tests call these directly)
# ---------------------------------------------------------------------------

def _normaliseer_positie(sleutel: str, waarde: Any) -> str | None:
    """Return the canonical position, None for 'not filled in yet', or raise InvoerFout."""
    if waarde is None:
        return None
    if not isinstance(waarde, str):
        raise InvoerFout(
            f'Bij situatie {sleutel} gaf je {beschrijf_type(waarde)}; schrijf de positie als '
            f'tekst tussen aanhalingstekens, bijvoorbeeld "alledaags".'
        )
    schoon = " ".join(waarde.strip().lower().split())
    if schoon in ("", "...", "?"):
        return None
    schoon = _SYNONIEMEN.get(schoon, schoon)
    if schoon not in POSITIES:
        raise InvoerFout(
            f'"{kort(waarde.strip())}" (bij situatie {sleutel}) is geen positie op het spectrum; '
            f"kies uit: {_lijst(_VOLGORDE)}."
        )
    return schoon


def _normaliseer_antwoord(mijn_antwoord: Any) -> dict[str, str | None]:
    """Check the learner's dict and return {letter: position or None}."""
    if not isinstance(mijn_antwoord, dict):
        raise InvoerFout(
            f"Je antwoord moet een woordenboek (dict) zijn, zoals "
            f'{{"A": "alledaags", "B": "klachten"}}; je gaf {beschrijf_type(mijn_antwoord)}.'
        )
    if not mijn_antwoord:
        raise InvoerFout(
            'Je antwoord is nog leeg; vul minstens één situatie in, bijvoorbeeld '
            '{"A": "alledaags"}.'
        )
    schoon: dict[str, str | None] = {}
    for sleutel, waarde in mijn_antwoord.items():
        letter = sleutel.strip().upper() if isinstance(sleutel, str) else None
        if letter not in VIGNETTEN:
            naam = f'"{kort(sleutel)}"' if isinstance(sleutel, str) else kort(sleutel)
            raise InvoerFout(
                f"Situatie {naam} bestaat niet; gebruik de letters "
                f"{_lijst(list(VIGNETTEN))}."
            )
        if letter in schoon:
            raise InvoerFout(
                f"Je vulde situatie {letter} twee keer in; laat één van beide staan."
            )
        schoon[letter] = _normaliseer_positie(letter, waarde)
    if all(v is None for v in schoon.values()):
        raise InvoerFout(
            "Je hebt nog geen positie ingevuld. Vervang bij minstens één situatie de drie "
            "puntjes door een positie, tussen aanhalingstekens, en voer het vak opnieuw uit."
        )
    return schoon


def _beoordeel(letter: str, positie: str) -> str:
    afstand = abs(_VOLGORDE.index(positie) - _VOLGORDE.index(VIGNETTEN[letter].positie))
    if afstand == 0:
        return GOED
    if afstand == 1 and positie in VIGNETTEN[letter].bijna:
        return BIJNA
    return ANDERS


def _feedback(letter: str, positie: str, uitslag: str) -> str:
    v = VIGNETTEN[letter]
    bedoeld = POSITIES[v.positie][0].lower()
    regels = [f'{letter}. {v.titel}: je koos "{positie}".']
    if uitslag == GOED:
        regels[0] += " Goed."
        regels.append(_alinea("Waarom: " + v.waarom))
        regels.append(_alinea("Wat het zou verschuiven: " + v.verschuift))
    elif uitslag == BIJNA:
        regels[0] += f' Bijna: "{v.positie}" past net iets beter.'
        regels.append(_alinea(v.bijna[positie]))
        regels.append(_alinea("Waarom: " + v.waarom))
    else:
        regels[0] += f' Hier past "{v.positie}" ({bedoeld}) beter.'
        regels.append(_alinea("Waarom: " + v.waarom))
        regels.append(_alinea("Wat het zou verschuiven: " + v.verschuift))
    regels[0] = textwrap.fill(regels[0], width=BREEDTE, subsequent_indent="   ")
    return "\n".join(regels)


def _controleer(mijn_antwoord: Any) -> dict[str, Any]:
    """Score without printing; returns the result dict (see :func:`controleer`)."""
    antwoord = _normaliseer_antwoord(mijn_antwoord)
    per_situatie: dict[str, str] = {}
    teksten: list[str] = []
    for letter in VIGNETTEN:  # always report in A..H order
        positie = antwoord.get(letter)
        if positie is None:
            continue
        uitslag = _beoordeel(letter, positie)
        per_situatie[letter] = uitslag
        teksten.append(_feedback(letter, positie, uitslag))
    open_ = [letter for letter in VIGNETTEN if letter not in per_situatie]
    uitslagen = list(per_situatie.values())
    return Uitslag({
        "per_situatie": per_situatie,
        "goed": uitslagen.count(GOED),
        "bijna": uitslagen.count(BIJNA),
        "anders": uitslagen.count(ANDERS),
        "ingevuld": len(per_situatie),
        "open": open_,
        "feedback": teksten,
    })


# ---------------------------------------------------------------------------
# Learner-facing functions
# ---------------------------------------------------------------------------

@vriendelijk
def toon_posities() -> None:
    """Laat de vier posities op het spectrum zien, van licht naar zwaar, met uitleg."""
    print("De vier posities, van licht naar zwaar (schrijf ze zo in je antwoord):\n")
    for sleutel, (naam, uitleg) in POSITIES.items():
        print(f'"{sleutel}": {naam}')
        print(_alinea(uitleg))
        print()


@vriendelijk
def toon_vignetten() -> None:
    """Laat de acht korte situaties zien, met hun letter A tot en met H."""
    for letter, v in VIGNETTEN.items():
        print(f"{letter}. {v.titel}")
        print(_alinea(v.tekst))
        print()


@vriendelijk
def controleer(mijn_antwoord: Any) -> dict[str, Any] | None:
    """Geef uitleg bij jouw plek op het spectrum voor elke ingevulde situatie.

    ``mijn_antwoord`` is een woordenboek zoals ``{"A": "alledaags", "B": "aandoening"}``.
    Je mag situaties openlaten. Je krijgt per situatie uitleg en daarna een samenvatting.
    De functie geeft ook een woordenboek terug met de uitslag per situatie ("goed",
    "bijna" of "anders"), de aantallen en de letters die nog open zijn.
    """
    uitslag = _controleer(mijn_antwoord)
    print("\n\n".join(uitslag["feedback"]))
    print()
    n = len(VIGNETTEN)
    samenvatting = (
        f"Samenvatting: je vulde {uitslag['ingevuld']} van de {n} situaties in. "
        f"Goed: {uitslag['goed']}, bijna: {uitslag['bijna']}, "
        f"anders dan bedoeld: {uitslag['anders']}."
    )
    print(samenvatting)
    if uitslag["open"]:
        print(f"Nog {len(uitslag['open'])} te gaan: {_lijst(uitslag['open'])}.")
    else:
        print("Je hebt alle situaties ingevuld.")
    print("Onthoud: dit is oefenen met kijken, geen diagnose. "
          "Twijfel je over iemand? Praat erover en verwijs naar de huisarts.")
    # The feedback texts were printed; keep the returned dict small and readable.
    uitslag.pop("feedback")
    return uitslag

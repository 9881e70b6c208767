"""The Oefenpakket: one zip for learners who use Jupyter (``downloads/oefenpakket.zip``).

It holds the four notebooks, the helper package ``cursus``, the data files (the example diary
and the empty template), a ``requirements.txt`` made from the project's own pins
(``course.exercises.requirements``: what the notebooks import and everything that pulls in,
``==`` exactly as in requirements.txt) and a Dutch ``LEESMIJ.txt`` with short steps for Windows,
macOS and Linux. Everything sits in one folder ``oefenpakket/``, laid out as the notebooks
expect (``from cursus import ...``, ``data/...``), so a notebook runs from the unpacked folder as
it is. Nothing in it links to the repository.
"""

from __future__ import annotations

from pathlib import Path

from course import ROOT, exercises, model, published
from tools import archive

FOLDER = "oefenpakket"


def requirements_text() -> str:
    lines = exercises.requirements()
    head = ("# De Python-pakketten die de notebooks nodig hebben, met de versies waarmee de training\n"
            "# is getest. Installeer ze met: pip install -r requirements.txt\n"
            "# (Op Windows en macOS zet pip er zelf nog een of twee kleine pakketten bij.)\n")
    return head + "\n".join(lines) + "\n"


def readme_text(course: model.Course) -> str:
    """LEESMIJ.txt: what is in the pack and how to start, in plain Dutch (Windows line ends)."""
    names = [(f"Module {m.number}", course.source(m.notebook).name,
              course.title(m.notebook).removeprefix("Oefenen:").strip())
             for m in course.modules if m.notebook]
    width = max(len(n) for _, n, _ in names)
    listing = "\n".join(f"  {name.ljust(width)}  {module}: {title}" for module, name, title in names)
    site = course.substitutions.get("site_url", "")
    text = f"""Oefenpakket bij de training Sociale media en mentale gezondheid
================================================================

In deze map staan de vier oefenningen (notebooks) van de training, met alles
wat ze nodig hebben:

{listing}
  {"cursus".ljust(width)}  de hulpfuncties die de notebooks gebruiken (niet veranderen)
  {"data".ljust(width)}  het voorbeelddagboek van Lina en een leeg dagboek (sjabloon)
  {"requirements.txt".ljust(width)}  de Python-pakketten die de notebooks nodig hebben

Mag of kun je niets installeren? Open de training dan op de website en kies bij
een notebook "Zelf proberen in je browser". Daar hoef je niets te installeren:
{site}


Eenmalig: Python en JupyterLab installeren
------------------------------------------
Je hebt Python 3.10 of nieuwer nodig. Pak eerst dit zip-bestand uit. Typ daarna
de regels hieronder een voor een, en druk na elke regel op Enter. Het
installeren haalt de pakketten op van internet (pypi.org) en duurt een paar
minuten.

Windows
  1. Installeer Python van python.org. Zet bij het installeren een vinkje bij
     "Add python.exe to PATH".
  2. Open de uitgepakte map oefenpakket in de Verkenner. Klik in de adresbalk,
     typ cmd en druk op Enter. Er opent een zwart venster.
  3. py -m venv .venv
     .venv\\Scripts\\activate
     pip install -r requirements.txt jupyterlab
     jupyter lab

macOS
  1. Installeer Python van python.org.
  2. Open Terminal (in Programma's, map Hulpprogramma's). Typ cd en een spatie,
     sleep de map oefenpakket in het venster en druk op Enter.
  3. python3 -m venv .venv
     source .venv/bin/activate
     pip install -r requirements.txt jupyterlab
     jupyter lab

Linux
  1. Installeer Python met venv, bijvoorbeeld: sudo apt install python3-venv
  2. Open een terminal in de map oefenpakket.
  3. python3 -m venv .venv
     source .venv/bin/activate
     pip install -r requirements.txt jupyterlab
     jupyter lab


Oefenen
-------
JupyterLab opent in je browser. Dubbelklik links op een notebook. Klik in een
grijs vak met code en druk op Shift + Enter: dan voert de computer dat vak uit.
Werk van boven naar beneden. Gaat er iets mis, dan krijg je een korte uitleg.

Een volgende keer: open het venster weer in de map oefenpakket, typ de regel
met activate (Windows) of source (macOS en Linux), en daarna jupyter lab.

Je eigen dagboek (module 4): maak een kopie van data/dagboek-sjabloon.csv en
vul die in met Excel, LibreOffice of Numbers. Sla op als CSV UTF-8, met een
puntkomma (;) tussen de kolommen. Zet in het notebook de naam van je kopie bij
mijn_bestand.

Alles gebeurt op je eigen computer. JupyterLab draait alleen op je computer, en
de notebooks sturen niets naar internet.


Hulp nodig?
-----------
Maak je je zorgen om jezelf of om iemand anders? Praat erover.
  113 Zelfmoordpreventie: bel gratis 113 of 0800-0113, of chat via 113.nl.
  De Kindertelefoon: bel gratis 0800-0432, of chat via kindertelefoon.nl.
  Je huisarts kan met je meedenken. Is er direct gevaar? Bel 112.

Inhoud: CC BY 4.0. Code: MIT.
"""
    return text.replace("\n", "\r\n")


def build(target: Path, root: Path = ROOT) -> None:
    """Write the zip to ``target``."""
    course = model.load(root)
    entries: list[tuple[str, bytes]] = []
    for doc in course.notebooks:
        path = published.checked(course.source(doc), root)
        entries.append((path.name, path.read_bytes()))
    entries += [(f"cursus/{p.name}", p.read_bytes()) for p in exercises.helper_sources(root)]
    entries += [(f"data/{p.name}", p.read_bytes()) for p in exercises.data_files(root)]
    entries.append(("requirements.txt", requirements_text().encode("utf-8")))
    entries.append(("LEESMIJ.txt", readme_text(course).encode("utf-8")))
    archive.write_zip(target, {f"{FOLDER}/{name}": data for name, data in entries})

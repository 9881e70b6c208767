"""``accreditatiedossier.pdf``: what an organisation needs when it applies to a register (SKJ,
V&VN, Registerplein) for the course, made from the sources and the built site.

Everything in it is counted or read, never typed in twice: the objectives and pages per module
from the course index, the study load from word counts (``READING_WPM``), the exercises and the
notebooks (``MINUTES``), checked against the study times the module pages state (their "Duur"
table); the test design from the final test's settings; authors, version and changes from
``_config.yml``, the bibliography and ``CHANGELOG.md``. What the registers ask is described in
general terms with what the organisation must still do itself; the dossier names no
accreditation numbers and no points, because only a register grants them.

Made by ``python -m tools.lms`` (after the packages), rendered with the print editions' styles
(tools/printbook: cover, colophon line, contents) and copied into the site's downloads.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from course import ROOT
from course import vocabulary as V

NAME = "accreditatiedossier"
#: Reading speed for study text (words per minute); a careful pace for professional reading.
READING_WPM = 150
#: Norm times in minutes: per reflection, per self-check question, per case, per editable
#: notebook cell, per final-test item; notebook text is read at READING_WPM as well.
MINUTES = {"reflectie": 6, "zelftoetsvraag": 1.5, "casus": 3, "notebookcel": 2, "toetsvraag": 1.5}
#: A stated study time that differs more than this from the computed one is marked.
TOLERANCE = 0.25


@dataclass
class Load:
    module: str
    words: int
    reading: float
    exercises: float
    notebook: float
    stated: dict[str, int]

    @property
    def total(self) -> float:
        return self.reading + self.exercises + self.notebook


_ROLE = re.compile(r"\{[a-z:-]+\}`([^`<]*?)(?:\s*<[^>]*>)?`")


def plain(text: str) -> str:
    """MyST roles in a source text as their visible text: {term}`afkappunten <afkappunt>` -> afkappunten."""
    return _ROLE.sub(lambda m: m.group(1).strip(), text)


def _words(text: str) -> int:
    return len(re.findall(r"[^\W\d_]+(?:['-][^\W\d_]+)*", text))


def page_words(site: Path, doc: str) -> int:
    """Words of a page's article in the built site (the help notice and feedback included: a
    learner reads them)."""
    path = site / f"{doc}.html"
    if not path.exists():
        return 0
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.bd-article") or soup.body
    for el in article.select("script, style, .headerlink, nav"):
        el.decompose()
    return _words(article.get_text(" "))


def notebook_minutes(path: Path) -> tuple[int, float]:
    """(words, minutes) of a notebook: its markdown read, each editable cell tried."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    words = sum(_words("".join(c.get("source", ""))) for c in nb["cells"] if c["cell_type"] == "markdown")
    editable = sum(1 for c in nb["cells"] if c["cell_type"] == "code"
                   and {V.EDITABLE_TAG, V.FILE_TAG} & set(c.get("metadata", {}).get("tags", [])))
    return words, words / READING_WPM + editable * MINUTES["notebookcel"]


def stated_minutes(source: Path) -> dict[str, int]:
    """The module page's "Duur" table: {row: minutes}."""
    text = source.read_text(encoding="utf-8")
    block = text.split("## Duur", 1)[1].split("\n## ", 1)[0] if "## Duur" in text else ""
    rows = {}
    for m in re.finditer(r"^\|\s*\**([^|*]+?)\**\s*\|\s*\**(\d+)\**\s*\|", block, re.M):
        rows[m.group(1).strip()] = int(m.group(2))
    return rows


def loads(index: dict, site: Path, root: Path = ROOT) -> list[Load]:
    out = []
    for m in index["modules"]:
        docs = [d for d in m["docs"] if d != m.get("notebook") and d != m.get("selfcheck")]
        words = sum(page_words(site, d) for d in docs)
        reflections = sum(1 for r in index["reflections"] if r["doc"] in m["docs"])
        checks = sum(1 for q in index["selfchecks"] if q.get("doc", "") in m["docs"])
        cases = sum(1 for c in index["cases"] if c["doc"] in m["docs"])
        exercises = reflections * MINUTES["reflectie"] + checks * MINUTES["zelftoetsvraag"] + cases * MINUTES["casus"]
        nb_words, nb_minutes = (notebook_minutes(root / f"{m['notebook']}.ipynb")
                                if m.get("notebook") and (root / f"{m['notebook']}.ipynb").exists() else (0, 0.0))
        out.append(Load(m.get("caption") or m["title"], words + nb_words, words / READING_WPM, exercises, nb_minutes,
                        stated_minutes(root / f"{m['index']}.md")))
    return out


def _row(cells: list[str], header: bool = False) -> str:
    tag = "th" if header else "td"
    return "<tr>" + "".join(f"<{tag}>{html.escape(str(c))}</{tag}>" for c in cells) + "</tr>"


def _table(head: list[str], rows: list[list], caption: str) -> str:
    return (f'<table><caption>{html.escape(caption)}</caption><thead>{_row(head, True)}</thead><tbody>'
            + "".join(_row(r) for r in rows) + "</tbody></table>")


def _minutes(x: float) -> str:
    return f"{round(x)}"


def _nl(x: float) -> str:
    """One decimal with a Dutch comma: 6,5."""
    return f"{x:.1f}".replace(".", ",")


def body(index: dict, site: Path, root: Path = ROOT) -> tuple[str, list[Load]]:
    """The dossier's chapters as HTML (every value escaped)."""
    from tools import lms

    facts = lms.course_facts(root)
    test = lms.test_settings(root)
    e = html.escape
    parts = []

    over = BeautifulSoup((site / "book/start/over.html").read_text(encoding="utf-8"), "html.parser") \
        if (site / "book/start/over.html").exists() else None
    audience = []
    if over:
        heading = next((h for h in over.select("article h2") if "Voor wie" in h.get_text()), None)
        section = heading.find_parent("section") if heading else None
        audience = [li.get_text(" ", strip=True) for li in (section.select("li") if section else [])]
    parts.append('<section class="hoofdstuk" id="dossier-opzet"><h1>Opzet van de training</h1>')
    parts.append(f"<p>Titel: <strong>{e(facts['title'])}</strong>, versie {e(facts['version'])}. "
                 "Een open, zelfstandig te volgen e-learning voor professionals, in het Nederlands, "
                 "op een website, als handboek en als pakket voor een leeromgeving (SCORM 1.2 en 2004).</p>")
    if audience:
        parts.append("<p>Doelgroepen:</p><ul>" + "".join(f"<li>{e(a)}</li>" for a in audience) + "</ul>")
    parts.append("<p>Instapniveau: geen voorkennis van psychologie of techniek nodig; de training is geschreven op "
                 "taalniveau B1–B2 (de leesbaarheid wordt bij elke versie gemeten).</p></section>")

    parts.append('<section class="hoofdstuk" id="dossier-modules"><h1>Leerdoelen en inhoud per module</h1>')
    titles = {d["doc"]: d["title"] for d in index["docs"]}
    for m in index["modules"]:
        parts.append(f"<h2>{e(m['title'])}</h2><p>Leerdoelen: na deze module kan de deelnemer</p><ol>"
                     + "".join(f"<li>{e(plain(o))}</li>" for o in m["objectives"]) + "</ol>")
        parts.append("<p>Inhoud:</p><ul>" + "".join(f"<li>{e(titles.get(d, d))}</li>" for d in m["docs"][1:]) + "</ul>")
    parts.append("</section>")

    rows = []
    table = loads(index, site, root)
    for load in table:
        stated = load.stated.get("Totaal")
        mark = ""
        if stated:
            diff = (load.total - stated) / stated
            mark = "klopt" if abs(diff) <= TOLERANCE else f"wijkt {diff:+.0%} af"
        rows.append([load.module, load.words, _minutes(load.reading), _minutes(load.exercises), _minutes(load.notebook),
                     _minutes(load.total), stated if stated else "-", mark or "-"])
    test_minutes = test["lengte"] * MINUTES["toetsvraag"]
    total = sum(x.total for x in table) + test_minutes
    stated_total = sum(x.stated.get("Totaal", 0) for x in table)
    parts.append('<section class="hoofdstuk" id="dossier-studiebelasting"><h1>Studiebelasting</h1>')
    parts.append(f"<p>De studiebelasting is berekend, niet geschat. Leestijd: het aantal woorden van de pagina's "
                 f"van de module, gedeeld door {READING_WPM} woorden per minuut (een rustig studietempo). "
                 f"Opdrachten: {MINUTES['reflectie']} minuten per reflectie-opdracht, "
                 f"{str(MINUTES['zelftoetsvraag']).replace('.', ',')} minuut per zelftoetsvraag en "
                 f"{MINUTES['casus']} minuten per casus. Notebook: de tekst gelezen in hetzelfde tempo, en "
                 f"{MINUTES['notebookcel']} minuten per cel die de deelnemer zelf aanpast. Eindtoets: "
                 f"{str(MINUTES['toetsvraag']).replace('.', ',')} minuut per vraag. De kolom 'opgegeven' is de "
                 f"studietijd die de module zelf noemt; een verschil van meer dan {TOLERANCE:.0%} staat erbij.</p>")
    parts.append(_table(["module", "woorden", "lezen", "opdrachten", "notebook", "berekend", "opgegeven", "controle"],
                        rows, "Studiebelasting per module, in minuten"))
    parts.append(f"<p>Eindtoets: {test['lengte']} vragen, ongeveer {_minutes(test_minutes)} minuten. "
                 f"Totaal berekend: {_nl(total / 60)} uur (de modules samen {_nl(sum(x.total for x in table) / 60)} "
                 f"uur; de modules noemen zelf samen {_nl(stated_total / 60)} uur). Wie uren opgeeft bij een "
                 f"register, gebruikt de berekende waarde, afgerond op een half uur: "
                 f"{_nl(round(total / 30) / 2)} uur.</p></section>")

    n_refl = len(index["reflections"])
    n_checks = len(index["selfchecks"])
    n_cases = len(index["cases"])
    parts.append('<section class="hoofdstuk" id="dossier-werkvormen"><h1>Didactische werkvormen</h1><ul>'
                 f"<li>Tekst met casussen uit de praktijk ({n_cases} casussen);</li>"
                 f"<li>reflectie-opdrachten met denkrichtingen ({n_refl}), bewaard in de eigen browser;</li>"
                 f"<li>zelftoetsen met feedback per antwoord ({n_checks} vragen);</li>"
                 f"<li>een oefennotebook per module ({len(index['modules'])}), in de browser uit te voeren;</li>"
                 "<li>een gespreksleidraad en een dagboek om een eigen gebruikspatroon in kaart te brengen;</li>"
                 f"<li>voor groepen: {len(index.get('plans', []))} draaiboeken met werkbladen en presentaties "
                 "(deel Voor trainers).</li>"
                 "</ul></section>")

    parts.append('<section class="hoofdstuk" id="dossier-toets"><h1>Toetsing</h1>')
    parts.append(f"<p>Een eindtoets van {test['lengte']} meerkeuzevragen, per poging willekeurig getrokken uit een "
                 f"vragenbank, gelijk verdeeld over de vier modules, met de opties in willekeurige volgorde. "
                 f"Cesuur: {test['cesuur']:.0%} goed. De eerste poging telt; de deelnemer mag daarna opnieuw oefenen. "
                 "Geen feedback voor het inleveren; daarna per vraag uitleg en de pagina om terug te lezen. "
                 "In een leeromgeving legt het pakket per vraag het antwoord en de uitslag vast, zodat de "
                 "organisatie de vragen kan analyseren (p-waarde, item-restcorrelatie, Cronbachs alfa).</p>")
    matrix = blueprint()
    if matrix:
        levels = list(next(iter(matrix.values())))
        levels += sorted({lvl for row in matrix.values() for lvl in row} - set(levels))
        cells = [[mod, *[row.get(lvl, 0) for lvl in levels], sum(row.values())] for mod, row in matrix.items()]
        parts.append(_table(["module", *levels, "totaal"], cells,
                            "Toetsmatrijs: vragen in de bank per module en niveau"))
    parts.append("</section>")

    changes = []
    changelog = root / "CHANGELOG.md"
    if changelog.exists():
        changes = [h[3:].strip() for h in changelog.read_text(encoding="utf-8").splitlines() if h.startswith("## ")]
    bib = root / "book" / "references.bib"
    n_sources = len(re.findall(r"^@\w+\{", bib.read_text(encoding="utf-8"), re.M)) if bib.exists() else 0
    parts.append('<section class="hoofdstuk" id="dossier-kwaliteit"><h1>Evaluatie, makers en bronnen</h1>'
                 "<p>Evaluatie: wie de training zelfstandig volgt, kan na afloop een evaluatie invullen, bewaren "
                 "en naar de eigen organisatie sturen; bij een workshop is er een evaluatieformulier op papier. "
                 "De organisatie verzamelt en bespreekt de evaluaties zelf.</p>"
                 f"<p>Makers: {e(str(kit_author()))}. De inhoud is gebaseerd op de kennispagina van het "
                 "Expertisecentrum Digitalisering en Welzijn (Trimbos-instituut); het Trimbos-instituut heeft de "
                 f"training niet gemaakt of goedgekeurd. Bronnen: {n_sources} publicaties, vermeld in de "
                 "bronnenlijst.</p>"
                 "<p>Versies: " + e("; ".join(changes)) + ".</p></section>")

    registers = [
        ("SKJ (Stichting Kwaliteitsregister Jeugd)",
         "vraagt voor e-learning een eindtoets; de training heeft die, met cesuur en vastgelegde uitslag.",
         ["de aanvraag indienen bij SKJ en de kosten betalen;",
          "de leerdoelen, studiebelasting en toetsopzet uit dit dossier overnemen;",
          "deelname en toetsuitslag per deelnemer registreren (de leeromgeving legt ze vast);",
          "een klachtenregeling en een contactpersoon hebben."]),
        ("V&VN Kwaliteitsregister",
         "telt uren op grond van een bewijs van afronding; de training legt afronden en slagen vast.",
         ["de aanvraag indienen en de kosten betalen;",
          "bepalen voor welke deskundigheidsgebieden de scholing geldt;",
          "de deelnemers en hun uren aanleveren zoals het register vraagt;",
          "een klachtenregeling en een evaluatie van de deelnemers hebben."]),
        ("Registerplein",
         "telt uren op grond van een bewijs van afronding; ook zonder accreditatie kan een deelnemer de "
         "training opgeven als overige deskundigheidsbevordering.",
         ["bij een aanvraag: de scholing aanmelden, de kosten betalen en de inhoud toelichten met dit dossier;",
          "afronding per deelnemer vastleggen en een bewijs afgeven;",
          "een klachtenregeling hebben."]),
    ]
    parts.append('<section class="hoofdstuk" id="dossier-registers"><h1>Registers: wat de training biedt en wat de '
                 'organisatie zelf doet</h1>'
                 "<p>Dit dossier is geen accreditatie. Alleen een register beslist over accreditatie en punten. "
                 "De eisen hieronder zijn in grote lijnen beschreven; kijk voor een aanvraag altijd naar de actuele "
                 "eisen van het register.</p>"
                 "<p>Wat de training voor elk register biedt: leerdoelen per module, een berekende studiebelasting, "
                 "actuele bronnen, werkvormen, een eindtoets met cesuur, een bewijs van deelname na het slagen, "
                 "en vastlegging in de leeromgeving (afgerond, geslaagd, score, antwoorden per vraag).</p>")
    for name, offers, todo in registers:
        parts.append(f"<h2>{e(name)}</h2><p>{e(name.split(' (')[0])} {e(offers)}</p>"
                     "<p>Wat de organisatie zelf doet:</p>"
                     "<ul>" + "".join(f"<li>{e(t)}</li>" for t in todo) + "</ul>")
    parts.append("</section>")
    return "".join(parts), table


def kit_author() -> str:
    from tools.printbook import kit

    return kit.AUTHOR


def blueprint() -> dict[str, dict[str, int]]:
    """The final test's blueprint from its item bank (``course.toets``): {"Module 1": {level:
    questions}}, levels in the bank's order. A bank that cannot be read stops the build."""
    from course import toets

    bank = toets.load_bank()
    out: dict[str, dict[str, int]] = {}
    for q in bank.questions:
        row = out.setdefault(f"Module {q.module}", {lvl: 0 for lvl in toets.LEVELS})
        row[q.niveau] += 1
    return dict(sorted(out.items(), key=lambda kv: int(kv[0].split()[-1])))


def build(site: Path, out_pdf: Path, print_dir: Path) -> Path:
    """Write the dossier's print HTML and render it to ``out_pdf``."""
    from tools.printbook import kit, render
    from tools.printbook import source as site_source

    src = site_source.load(site)
    doc = kit.new_document(src, f"Accreditatiedossier — {src.title}",
                           "Gegevens voor een organisatie die de training laat accrediteren.")
    doc.body.append(kit.cover(doc, src, "Accreditatiedossier"))
    content_html, _ = body(src.index, site)
    main = BeautifulSoup(f'<main class="boek dossier">{content_html}</main>', "html.parser")
    toc = [(1, sec["id"], sec.h1.get_text(" ", strip=True)) for sec in main.select("section.hoofdstuk")]
    doc.body.append(kit.contents(doc, toc))
    doc.body.append(main)
    kit.finish(doc)
    print_dir.mkdir(parents=True, exist_ok=True)
    target_html = print_dir / f"{NAME}.html"
    target_html.write_text(str(doc), encoding="utf-8")
    return render.render_pdf(target_html, site.resolve(), out_pdf)

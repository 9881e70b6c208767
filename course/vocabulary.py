"""The course's markup vocabulary, declared once.

Authors write these class names and labels in MyST (see CONTRIBUTING.md, "Markup the tests
rely on"); the Sphinx extension, the print editions, the browser script (through the generated
course index) and the tests read them from here. Changing a name here and in the Markdown is
all it takes.
"""

from __future__ import annotations

import re
import unicodedata

# --- class names on directives ------------------------------------------------------------

#: ``admonition`` titled "Casus: ..." with this class: a case from practice.
CASE = "casus"
#: ``exercise`` with this class: a reflective exercise (writing lines in print, a field online).
REFLECTION = "reflectie"
#: ``exercise`` with this class: a self-check question (radio buttons online).
SELF_CHECK = "zelftoets"
#: ``solution`` with this class: the "Denkrichtingen" under a reflective exercise.
THINKING = "denkrichtingen"
#: Added by the build to the feedback ``solution`` of a self-check question.
FEEDBACK = "zelftoets-feedback"
#: ``admonition`` with this class: the short "Hulp nodig?" notice on every module page.
HELP_NOTICE = "hulp-kort"
#: Containers with this class appear on the site only; the print editions leave them out.
WEB_ONLY = "alleen-web"
#: Containers with this class appear in the print editions only; the site hides them.
PRINT_ONLY = "alleen-print"
#: A whole page for one route only: front matter ``weergave: alleen-web`` (the site's privacy
#: statement, "Mijn reflecties"). The course index marks it ``webOnly``; print and EPUB leave it out.
PAGE_DISPLAY = "weergave"

#: The title every case carries before its name: "Casus: Noor (16) en ...".
CASE_TITLE_PREFIX = "Casus:"

# --- labels ------------------------------------------------------------------------------

#: ``:label:`` of a reflective exercise: module number and a running number.
REFLECTION_LABEL = re.compile(r"^m(\d+)-reflectie-(\d+)$")
#: ``:label:`` of a self-check question.
SELF_CHECK_LABEL = re.compile(r"^m(\d+)-toets-(\d+)$")
#: A worksheet id: a reflection label or a case id.
WORKSHEET_ID = re.compile(r"^m\d+-(reflectie-\d+|casus-[a-z0-9]+(-\d+)?)$")
#: Self-check options in the question: ``- **A.** ...``; in the feedback: ``- **A. Juist.** ...``.
OPTION = re.compile(r"^\s*([A-Z])\.\s*$")
VERDICT = re.compile(r"^\s*([A-Z])\.\s*(Juist|Niet juist)\.?\s*$")
RIGHT = "Juist"

# --- parts of the table of contents ------------------------------------------------------------

#: A toc part whose caption matches this is a module; the number is the module's number.
MODULE_CAPTION = re.compile(r"^Module (\d+)$")
#: The part for trainers: on the site and in the trainer guide, not in the handbook.
TRAINER_PART = "Voor trainers"
#: The part for organisations (the LMS administrator's guide): on the site, not in the handbook.
ORGANISATION_PART = "Voor organisaties"
#: The course's short name: the prefix of its localStorage keys (cursus.js) and of its SCORM packages.
LMS_SLUG = "sociale-media-mentale-gezondheid"
#: The appendices: after the answers in the handbook.
APPENDIX_PART = "Bijlagen"
#: The first part.
START_PART = "Start"
#: Page names inside a module folder with a fixed role.
SELF_CHECK_PAGE = "zelftoets"
CLOSING_PAGE = "afsluiting"
INDEX_PAGE = "index"
#: Notebooks live here, one per module.
NOTEBOOK_FOLDER = "exercises"
#: The Dutch helper package the notebooks import (and the browser runtime runs).
HELPER_PACKAGE = "exercises/cursus"
#: The data files the notebooks read (example diary, empty template).
DATA_FOLDER = "exercises/data"
#: The empty diary template learners copy (offered for download, shown as an A4 sheet).
DIARY_TEMPLATE = "exercises/data/dagboek-sjabloon.csv"

# --- notebook cell tags (cell metadata "tags"; myst-nb writes them as classes tag_<name>) ----

#: A code cell the learner is meant to change: an editable field with "Uitvoeren" in the browser.
EDITABLE_TAG = "oefenen"
#: An editable cell that names the learner's own file: gets a file picker in the browser.
FILE_TAG = "oefenen-bestand"
#: A cell that shows an example of a message (module 4: a file that does not exist). The
#: browser runs it once with the page, not again after the learner's own runs.
SHOWN_ERROR_TAG = "voorbeeld-fout"


def slug(text: str) -> str:
    """ASCII, lower case, hyphens: 'Fatma Öztürk' -> 'fatma-ozturk'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def case_id(module: int | None, title: str) -> str:
    """The worksheet id of a case: module and the first word of the name.

    >>> case_id(1, "Casus: Noor (16) en de vakantiefoto's")
    'm1-casus-noor'
    """
    name = title.split(":", 1)[1] if ":" in title else title
    words = name.split()
    first = slug(words[0]) if words else "zonder-naam"
    return f"{f'm{module:d}' if module else 'boek'}-casus-{first}"


def case_name(title: str) -> str:
    """'Casus: Noor (16) en de vakantiefoto's' -> "Noor (16) en de vakantiefoto's"."""
    return title.split(":", 1)[1].strip() if title.startswith(CASE_TITLE_PREFIX) else title

# --- cue words: how an option sounds, whatever it says (course/cues.py) ------------------------
# A test-wise learner who knows nothing of the subject picks the option that sounds careful or
# gives a reason. The item-writing rule (CONTRIBUTING, "Writing test items") is that such picks
# must not beat chance; course/cues.py measures it on the self-checks and the final test's bank.
# Words are matched as whole words, case-insensitive; a phrase counts once per occurrence.

#: Hedges: words that soften a claim.
CUE_HEDGES = (
    "mogelijk", "misschien", "wellicht", "waarschijnlijk", "kan", "kunnen", "zou", "zouden",
    "vaak", "soms", "meestal", "doorgaans", "lijkt", "lijken", "niet altijd", "niet per se",
    "enigszins", "wat", "eerder", "vooral", "bij sommigen", "voor sommigen", "een deel",
    "hangt af", "afhankelijk", "per persoon", "kleine", "klein", "beperkt", "nog",
)
#: Collaborative and careful verbs: the "samen bespreken" register.
CUE_COLLABORATIVE = (
    "samen", "bespreken", "bespreek", "bespreekt", "doorvragen", "vraag door", "vraagt door",
    "verkennen", "verken", "luisteren", "luister", "luistert", "in gesprek", "gesprek",
    "overleggen", "overleg", "overlegt", "nagaan", "ga na", "afstemmen", "erkennen", "erken",
    "aandacht", "open", "nieuwsgierig", "rustig", "benoemen", "benoem", "betrekken", "betrek",
    "ondersteunen", "steun", "aansluiten", "sluit aan", "vragen", "vraag",
)
#: Absolutes: words that make an option sound rash.
CUE_ABSOLUTES = (
    "altijd", "nooit", "alle", "allemaal", "iedereen", "niemand", "elke", "elk", "ieder",
    "moet", "moeten", "zeker", "alleen", "uitsluitend", "direct", "meteen", "onmiddellijk",
    "helemaal", "volledig", "geen enkele", "niets", "nergens", "bewezen", "duidelijk", "per definitie",
    "verbieden", "verbied", "stoppen", "stop",
)
#: Words that give a reason inside an option.
CUE_REASONS = ("want", "omdat", "doordat", "daardoor", "waardoor", "zodat", "dus", "daarom", "aangezien")

# --- search: the words people type and the course's words (book/_static/cursus-zoeken.js) ------
# Sphinx's search finds only the words a page holds. A learner types "screentime" or "suïcide";
# the course says "schermtijd" and "zelfdoding". Each entry: what she may type (lower case, as
# typed; the search also tries it without accents) -> the course words searched instead, and the
# page that must be among the first three results (tests/test_learner.py reads this list).

#: The help page: first for every crisis word, whatever else the query holds.
SEARCH_HELP_PAGE = "book/start/hulp"
#: Crisis words: a typed word that starts with one of these puts the help page first.
SEARCH_CRISIS = ("zelfmoord", "suïcid", "suicid", "zelfdod", "113", "112", "hulplijn", "crisis",
                 "noodnummer", "dood willen", "niet meer leven")
#: Typed word or phrase -> (the course's words, the page expected among the first three).
SEARCH_SYNONYMS: dict[str, tuple[str, str]] = {
    "screentime": ("schermtijd", "book/m4-tips/02-spectrum-patronen-context"),
    "screen time": ("schermtijd", "book/m4-tips/02-spectrum-patronen-context"),
    "schermgebruik": ("schermtijd", "book/m4-tips/02-spectrum-patronen-context"),
    "suïcide": ("zelfdoding", SEARCH_HELP_PAGE),
    "suicide": ("zelfdoding", SEARCH_HELP_PAGE),
    "suïcidaal": ("zelfdoding", SEARCH_HELP_PAGE),
    "zelfmoord": ("zelfdoding", SEARCH_HELP_PAGE),
    "zelfmoordgedachten": ("zelfdoding", SEARCH_HELP_PAGE),
    "zelfdodingsgedachten": ("zelfdoding", SEARCH_HELP_PAGE),
    "hulplijn": ("hulp", SEARCH_HELP_PAGE),
    "hulplijnen": ("hulp", SEARCH_HELP_PAGE),
    "crisislijn": ("hulp", SEARCH_HELP_PAGE),
    "sexting": ("naaktfoto", "book/m4-tips/03-gespreksleidraad"),
    "cyberpesten": ("online gepest", "book/m4-tips/03-gespreksleidraad"),
    "cyberpesters": ("online gepest", "book/m4-tips/03-gespreksleidraad"),
    "digitaal pesten": ("online gepest", "book/m4-tips/03-gespreksleidraad"),
    "gepest worden": ("gepest", "book/m4-tips/03-gespreksleidraad"),
    "slaapproblemen": ("slaap", "book/m2-lange-termijn/03-depressie-en-de-cirkel-doorbreken"),
    "slaapprobleem": ("slaap", "book/m2-lange-termijn/03-depressie-en-de-cirkel-doorbreken"),
    "slecht slapen": ("slaap", "book/m2-lange-termijn/03-depressie-en-de-cirkel-doorbreken"),
    "slapeloosheid": ("slaap", "book/m2-lange-termijn/03-depressie-en-de-cirkel-doorbreken"),
}
#: Whole queries (no synonym) whose expected page the same test checks: crisis questions.
SEARCH_QUERIES: dict[str, str] = {
    "wat doe ik als iemand over zelfmoord praat": SEARCH_HELP_PAGE,
    "zelfdoding": SEARCH_HELP_PAGE,
    "113": SEARCH_HELP_PAGE,
    "hulp nodig": SEARCH_HELP_PAGE,
    "sextortion": SEARCH_HELP_PAGE,
    "cyberpesten": SEARCH_HELP_PAGE,
}


def search_settings(trainer_docs: list[str]) -> dict:
    """What cursus-zoeken.js reads (through the course index): synonyms, crisis words, the help
    page, and the trainer pages, which come after learner pages on equal scores."""
    return {"synonyms": {typed: words for typed, (words, _page) in SEARCH_SYNONYMS.items()},
            "crisis": list(SEARCH_CRISIS), "helpPage": SEARCH_HELP_PAGE, "trainerDocs": trainer_docs}

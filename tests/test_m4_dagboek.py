"""Tests for module 4: the diary helper (cursus.dagboek) and the notebook m4-gebruikspatroon."""

from __future__ import annotations

import csv
import io
import os
import re

import pytest
from conftest import EXERCISES, ROOT, SVG, charts_shown, check_chart, notebook_text, relative_luminance
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cursus._basis import LET_OP, InvoerFout, melding_van
from cursus.dagboek import (
    DAGNAMEN,
    KLASSEN,
    KOLOMMEN,
    Dagboek,
    bereken_signalen,
    lees_dagboek,
    overzicht,
    signalen,
    toon_grafiek,
    toon_overzicht,
    vergelijk_met_gok,
)
from cursus.dagboek_lezen import _lees_pad, _lees_tekst, _tijd, _zichtbaar

FIXTURES = ROOT / "tests" / "data" / "dagboek"
VOORBEELD = EXERCISES / "data" / "dagboek-voorbeeld.csv"
SJABLOON = EXERCISES / "data" / "dagboek-sjabloon.csv"
KOP = ";".join(KOLOMMEN)
RIJ = "maandag;07:15;07:30;WhatsApp;actief;3;4;contact"
SCHAAL = "Vul een heel getal van 1 (heel naar) tot en met 5 (heel fijn) in."

# ---------------------------------------------------------------------------
# malformed diaries: each file gives exactly this one Dutch line
# ---------------------------------------------------------------------------

VERWACHT = {
    "leeg.csv": "leeg.csv is leeg. Begin met het sjabloon data/dagboek-sjabloon.csv en vul daar je week in.",
    "alleen-witruimte.csv": "alleen-witruimte.csv is leeg. Begin met het sjabloon data/dagboek-sjabloon.csv "
                            "en vul daar je week in.",
    "alleen-kopregel.csv": "alleen-kopregel.csv heeft alleen een kopregel en nog geen ingevulde rijen. "
                           "Vul per keer dat je sociale media gebruikte één rij in.",
    "ontbrekende-kolom.csv": "Rij 1: de kolom reden ontbreekt. Voeg hem toe aan de kopregel.",
    "dubbele-kolom.csv": "Rij 1: de kolom 'platform' staat er twee keer in. Haal er één weg.",
    "tijd-met-punt.csv": "Rij 3, kolom begintijd: '9.30' is geen tijd in de vorm UU:MM. "
                         "Schrijf bijvoorbeeld 09:30 (met een dubbele punt).",
    "tijd-bestaat-niet.csv": "Rij 3, kolom begintijd: 25:10 bestaat niet. Uren gaan van 00 tot en met 23, "
                             "minuten van 00 tot en met 59.",
    "minuten-te-groot.csv": "Rij 3, kolom eindtijd: 10:75 bestaat niet. Uren gaan van 00 tot en met 23, "
                            "minuten van 00 tot en met 59.",
    "tijd-leeg.csv": "Rij 2, kolom eindtijd: dit vakje is leeg. Vul een tijd in als UU:MM, bijvoorbeeld 09:30.",
    "duur-nul.csv": "Rij 3: begintijd en eindtijd zijn allebei 16:00, dus de duur is 0 minuten. "
                    "Vul de echte eindtijd in.",
    "duur-te-lang.csv": "Rij 3: van 14:00 tot 13:00 is 23 uur; dat kan niet in één keer. "
                        "Controleer de tijden, of splits het op in meer rijen.",
    "stemming-buiten-schaal.csv": "Rij 3, kolom stemming_na: 6 valt buiten de schaal. " + SCHAAL,
    "stemming-nul.csv": "Rij 2, kolom stemming_voor: 0 valt buiten de schaal. " + SCHAAL,
    "stemming-geen-getal.csv": "Rij 2, kolom stemming_voor: 'goed' is geen heel getal. " + SCHAAL,
    "stemming-decimaal.csv": "Rij 2, kolom stemming_na: '3,5' is geen heel getal. " + SCHAAL,
    "activiteit-onbekend.csv": "Rij 3, kolom activiteit: 'allebei' kan ik niet gebruiken. "
                               "Vul actief in (zelf iets doen) of passief (kijken, scrollen).",
    "dag-onbekend.csv": "Rij 2, kolom dag: 'maandg' ken ik niet als dag. "
                        "Gebruik een dagnaam (maandag of ma) of een datum zoals 04-03-2024.",
    "datum-bestaat-niet.csv": "Rij 2, kolom dag: de datum 31-02-2024 bestaat niet. Controleer dag en maand.",
    "dagen-gemengd.csv": "Rij 3, kolom dag: je gebruikt zowel dagnamen als datums. "
                         "Kies één van de twee voor het hele dagboek.",
    "platform-leeg.csv": "Rij 3, kolom platform: dit vakje is leeg. "
                         "Vul in welk platform het was, bijvoorbeeld Instagram.",
    "te-weinig-vakjes.csv": "Rij 3 heeft 7 vakjes, maar de kopregel heeft 8 kolommen. "
                            "Kijk of er puntkomma's ontbreken of te veel zijn.",
    "te-veel-vakjes.csv": "Rij 3 heeft 9 vakjes, maar de kopregel heeft 8 kolommen. "
                          "Kijk of er puntkomma's ontbreken of te veel zijn.",
    "codering-windows.csv": "codering-windows.csv is niet opgeslagen als UTF-8 (rij 3 bevat een teken dat "
                            "ik niet kan lezen). Sla het opnieuw op als 'CSV UTF-8'.",
    "codering-utf16.csv": "codering-utf16.csv is opgeslagen als UTF-16 (Unicode-tekst), niet als UTF-8. "
                          "Sla het opnieuw op als 'CSV UTF-8'.",
    "tabs.csv": "tabs.csv gebruikt tabs tussen de kolommen. "
                "Gebruik een puntkomma (;) of een komma: kies bij opslaan 'CSV'.",
    "geen-scheidingsteken.csv": "In de kopregel van geen-scheidingsteken.csv vind ik geen puntkomma (;) of "
                                "komma tussen de kolommen. Zet er een puntkomma tussen, of sla het bestand "
                                "op als CSV.",
    "excel-bestand.csv": "excel-bestand.csv lijkt een Excel- of ander spreadsheetbestand, geen CSV. "
                         "Kies in je spreadsheet 'Opslaan als' en dan 'CSV UTF-8 (puntkomma)'.",
}


def test_at_least_15_malformed_fixtures_all_covered():
    files = sorted(p.name for p in FIXTURES.glob("*.csv"))
    assert len(files) >= 15
    assert set(files) == set(VERWACHT), "every fixture needs an expected message, and vice versa"


@pytest.mark.parametrize("naam", sorted(VERWACHT))
def test_malformed_diary_gives_expected_message_and_file_unchanged(naam, capsys):
    pad = FIXTURES / naam
    voor_bytes, voor_stat = pad.read_bytes(), pad.stat()
    assert melding_van(lees_dagboek, pad) == VERWACHT[naam]
    # the decorated function prints the same single line, no traceback, returns None
    assert lees_dagboek(str(pad)) is None
    uit = capsys.readouterr().out
    assert uit == LET_OP + VERWACHT[naam] + "\n"
    assert "Traceback" not in uit
    assert pad.read_bytes() == voor_bytes
    assert pad.stat().st_mtime_ns == voor_stat.st_mtime_ns
    assert sorted(p.name for p in FIXTURES.iterdir() if p.is_file()) == sorted(VERWACHT)  # nothing written next to it


def test_valid_files_are_not_modified():
    for pad in (VOORBEELD, SJABLOON):
        voor = pad.read_bytes()
        mtime = pad.stat().st_mtime_ns
        assert isinstance(_lees_pad(pad), Dagboek)
        assert pad.read_bytes() == voor and pad.stat().st_mtime_ns == mtime


# ---------------------------------------------------------------------------
# wrong arguments
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("waarde, verwacht", [
    (3, "Je gaf een getal."),
    (None, "Je gaf niets (None)."),
    (["a.csv"], "Je gaf een lijst."),
])
def test_path_of_wrong_type(waarde, verwacht):
    melding = melding_van(lees_dagboek, waarde)
    assert melding.startswith("Geef de naam van het bestand als tekst")
    assert melding.endswith(verwacht)


def test_path_empty_missing_and_directory(tmp_path):
    assert melding_van(lees_dagboek, "  ").startswith("De bestandsnaam is leeg.")
    missing = tmp_path / "weg.csv"
    assert melding_van(lees_dagboek, missing).startswith(f"Ik vind het bestand {missing} niet.")
    assert melding_van(lees_dagboek, tmp_path) == (
        f"{tmp_path} is een map, geen bestand. Zet de naam van het CSV-bestand erachter.")


@pytest.mark.parametrize("func", [toon_overzicht, toon_grafiek, signalen])
def test_functions_without_a_diary(func):
    assert melding_van(func, None).startswith("Er is nog geen dagboek ingelezen.")
    assert melding_van(func, "data/dagboek-voorbeeld.csv") == (
        "Geef hier het ingelezen dagboek (de variabele dagboek). Je gaf tekst.")


# ---------------------------------------------------------------------------
# hostile and unlucky files (issue 14): one Dutch line, never a traceback, a hang or a flood
# ---------------------------------------------------------------------------

@pytest.fixture
def binnen_tien_seconden():
    """Fail instead of hanging forever (a named pipe used to block the reader)."""
    import signal

    def te_lang(*_):
        raise AssertionError("the helper did not return within 10 seconds")

    oud = signal.signal(signal.SIGALRM, te_lang)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, oud)


def _melding_en_onveranderd(pad, capsys) -> str:
    """lees_dagboek refuses ``pad`` with one printed Dutch line and leaves it as it was."""
    try:
        voor = pad.read_bytes() if pad.is_file() else None
    except OSError:  # e.g. a name too long for the file system
        voor = None
    melding = melding_van(lees_dagboek, str(pad))
    assert melding and "\n" not in melding
    assert lees_dagboek(pad) is None
    assert capsys.readouterr().out == LET_OP + melding + "\n"
    if voor is not None:
        assert pad.read_bytes() == voor
    return melding


def test_named_pipe_is_refused_without_waiting(tmp_path, capsys, binnen_tien_seconden):
    pijp = tmp_path / "week.csv"
    os.mkfifo(pijp)
    assert _melding_en_onveranderd(pijp, capsys) == (
        f"{pijp} is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp). Kies een CSV-bestand.")


@pytest.mark.parametrize("apparaat", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_device_is_refused_without_reading(apparaat, capsys, binnen_tien_seconden):
    from pathlib import Path

    melding = _melding_en_onveranderd(Path(apparaat), capsys)
    assert melding == (f"{apparaat} is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp). "
                       "Kies een CSV-bestand.")


def test_link_to_a_device_is_refused(tmp_path, capsys, binnen_tien_seconden):
    link = tmp_path / "week.csv"
    link.symlink_to("/dev/zero")
    assert "geen gewoon bestand" in _melding_en_onveranderd(link, capsys)


def test_link_loop(tmp_path, capsys):
    (tmp_path / "a.csv").symlink_to(tmp_path / "b.csv")
    (tmp_path / "b.csv").symlink_to(tmp_path / "a.csv")
    assert "verwijst naar zichzelf" in _melding_en_onveranderd(tmp_path / "a.csv", capsys)


def test_huge_file_is_refused_before_it_is_read(tmp_path, capsys):
    """A 44 MB diary (it used to take 1.6 GB and come out as a week of a million hours)."""
    import tracemalloc

    groot = tmp_path / "week.csv"
    with groot.open("wb") as f:
        f.write((KOP + "\n").encode())
        f.truncate(44 * 1024 * 1024)  # sparse: 44 MB on paper, nothing to read from disk
    tracemalloc.start()
    try:
        melding = melding_van(lees_dagboek, groot)
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert melding.startswith(f"{groot} is te groot (44,0 MB).")
    assert piek < 1024 * 1024, f"{piek} bytes used to refuse a file"
    assert _melding_en_onveranderd(groot, capsys) == melding


def test_file_that_lies_about_its_size_is_still_capped(monkeypatch):
    """Files in /proc say 0 bytes; the reader never reads more than its cap anyway."""
    from cursus import dagboek_lezen

    monkeypatch.setattr(dagboek_lezen, "MAX_BYTES", 100)
    melding = melding_van(lees_dagboek, "/proc/self/maps")
    assert melding.startswith("/proc/self/maps is te groot (0,0 MB).")


def test_unreadable_file(tmp_path, capsys, monkeypatch):
    """As root chmod 000 blocks nothing, so the operating system's refusal is simulated."""
    pad = tmp_path / "week.csv"
    pad.write_text(KOP + "\n" + RIJ + "\n", encoding="utf-8")
    echt_open = os.open

    def geweigerd(naam, *args, **kwargs):
        if str(naam) == str(pad):
            raise PermissionError(13, "Permission denied", str(naam))
        return echt_open(naam, *args, **kwargs)

    monkeypatch.setattr(os, "open", geweigerd)
    assert _melding_en_onveranderd(pad, capsys) == (
        f"Je computer geeft geen toestemming om {pad} te lezen. Zet een kopie van het bestand in je "
        "eigen map en lees die.")


def test_read_error_halfway(tmp_path, monkeypatch):
    pad = tmp_path / "week.csv"
    pad.write_text(KOP + "\n" + RIJ + "\n", encoding="utf-8")

    def kapot(*_):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "read", kapot)
    assert melding_van(lees_dagboek, pad) == (
        f"Ik kan {pad} niet lezen (foutcode EIO). Controleer of het bestand bestaat en of je het mag openen.")


def test_very_long_file_name(tmp_path, capsys):
    melding = _melding_en_onveranderd(tmp_path / ("w" * 300 + ".csv"), capsys)
    assert melding.startswith("De naam ") and "is te lang voor je computer" in melding
    assert "..." in melding and len(melding) < 300


def test_directory_path_object_and_odd_names(tmp_path, capsys):
    assert _melding_en_onveranderd(tmp_path, capsys).endswith("is een map, geen bestand. Zet de naam "
                                                               "van het CSV-bestand erachter.")
    assert melding_van(lees_dagboek, "week\x00.csv") == (
        "De bestandsnaam week\x00.csv bevat een onzichtbaar teken. Typ de naam opnieuw.")
    assert melding_van(lees_dagboek, b"week.csv").endswith("Je gaf iets van het type bytes.")
    assert melding_van(lees_dagboek, str(tmp_path / "map" / "week.csv")).startswith("Ik vind het bestand")
    (tmp_path / "bestand").write_text("x")
    assert melding_van(lees_dagboek, str(tmp_path / "bestand" / "week.csv")).startswith(
        "Ik vind het bestand")


def _tekst(*rijen: str) -> bytes:
    return (KOP + "\n" + "\n".join(rijen) + "\n").encode("utf-8")


@pytest.mark.parametrize("data, verwacht", [
    # a cell or header over the csv module's field limit (131,072 characters)
    (_tekst('maandag;07:15;07:30;WhatsApp;actief;3;4;"' + "x" * 140_000 + '"'),
     "Rij 2: een vakje is veel te lang. Houd elk vakje kort, hoogstens 200 tekens."),
    (("reden" * 30_000 + ";" + KOP + "\n" + RIJ + "\n").encode(),
     "Rij 1: een vakje is veel te lang. Houd elk vakje kort, hoogstens 200 tekens."),
    (_tekst("maandag;07:15;07:30;WhatsApp;actief;3;4;" + "x" * 201),
     "Rij 2, kolom reden: dit vakje heeft 201 tekens. Houd het kort, hoogstens 200 tekens."),
    # a year-9999 date (date arithmetic overflowed) and a 5000-digit number
    (_tekst("31-12-9999;23:50;00:20;TikTok;passief;3;3;r"),
     "Rij 2, kolom dag: het jaar 9999 in de datum 31-12-9999 klopt vast niet. Controleer de datum."),
    (_tekst("maandag;07:15;07:30;WhatsApp;actief;" + "9" * 5000 + ";4;r"),
     "Rij 2, kolom stemming_voor: dit vakje heeft 5.000 tekens. Houd het kort, hoogstens 200 tekens."),
    (_tekst("maandag;07:15;07:30;WhatsApp;actief;" + "9" * 150 + ";4;r"),
     "Rij 2, kolom stemming_voor: 99999999...99999999 valt buiten de schaal. Vul een heel getal van 1 "
     "(heel naar) tot en met 5 (heel fijn) in."),
    (_tekst("maandag;07:15;07:30;WhatsApp;actief;0003;4;r"), None),  # leading zeros are fine
    # an unclosed quote used to swallow the next row silently
    (_tekst('maandag;07:15;07:30;WhatsApp;actief;3;4;"contact', RIJ),
     'Rij 2: een aanhalingsteken (") wordt niet afgesloten, dus de rest van het bestand valt in één '
     'vakje. Zet er een tweede " achter, of haal het weg.'),
    (_tekst('maandag;07:15;07:30;WhatsApp;actief;3;4;"contact" met Sam'),
     'Rij 2: na een aanhalingsteken (") dat een vakje afsluit, staat nog tekst in hetzelfde vakje. '
     'Zet de hele tekst van het vakje tussen aanhalingstekens, en schrijf een " in de tekst als "".'),
    # no overlapping sessions: every minute belongs to one row, so no day has over 24 hours
    (_tekst("maandag;10:00;10:30;TikTok;passief;3;3;r", "maandag;10:20;10:40;Instagram;passief;3;3;r"),
     "Rij 3 (maandag 10:20-10:40) overlapt met rij 2 (maandag 10:00-10:30). Elke minuut hoort bij één "
     "rij: pas de tijden aan."),
    (_tekst(*[f"{d};08:00;19:00;TikTok;passief;3;3;r" for d in ("ma", "ma", "di")]),
     "Rij 3 (maandag 08:00-19:00) overlapt met rij 2 (maandag 08:00-19:00). Elke minuut hoort bij één "
     "rij: pas de tijden aan."),
    (_tekst(*[f"{d};12:00;12:10;X;actief;3;3;r" for d in DAGNAMEN], "zondag;23:50;00:20;X;actief;3;3;r",
            "maandag;00:10;00:30;X;actief;3;3;r"),
     "Rij 10 (maandag 00:10-00:30) overlapt met rij 9 (zondag 23:50-00:20). Elke minuut hoort bij één "
     "rij: pas de tijden aan."),
    ((KOP + "\n" + "\n".join(f"maandag;00:00;00:01;X;actief;3;3;r{i}" for i in range(2600))).encode(),
     "Het dagboek heeft meer dan 2.500 rijen. Dat is veel meer dan één week; begin een nieuw bestand per "
     "week."),
], ids=lambda v: v[:30] if isinstance(v, bytes) else None)
def test_unlucky_contents(data, verwacht):
    try:
        boek = _lees_tekst(data, "x.csv")
    except InvoerFout as fout:
        assert fout.melding == verwacht
    else:
        assert verwacht is None and len(boek.sessies) == 1


@pytest.mark.parametrize("scheiding", ["\u2028", "\x85", "\u2029", "\x0b", "\x0c", "\x1c"])
def test_unicode_line_separators_inside_a_cell_do_not_split_the_row(scheiding):
    boek = _lees_tekst(_tekst(f"maandag;07:15;07:30;WhatsApp;actief;3;4;eerst{scheiding}daarna",
                              "maandag;08:00;08:10;X;actief;3;3;r"), "x.csv")
    assert len(boek.sessies) == 2
    assert boek.sessies[0].reden == "eerst daarna" or boek.sessies[0].reden == f"eerst{scheiding}daarna"


def test_line_breaks_inside_a_quoted_cell_keep_the_row_numbers_of_a_spreadsheet():
    data = _tekst('maandag;07:15;07:30;WhatsApp;actief;3;4;"twee\nregels"', "maandag;08:00;08:10;X;actief;3;9;r")
    with pytest.raises(InvoerFout, match="^Rij 3, kolom stemming_na: 9 valt buiten de schaal"):
        _lees_tekst(data, "x.csv")


# ---------------------------------------------------------------------------
# accepted variants
# ---------------------------------------------------------------------------



@pytest.mark.parametrize("data", [
    (KOP + "\n" + RIJ + "\n").encode("utf-8"),                       # no BOM
    ("\ufeff" + KOP + "\r\n" + RIJ + "\r\n").encode("utf-8"),        # BOM, CRLF
    (KOP + "\n" + RIJ).replace(";", ",").encode("utf-8"),            # comma-separated
    ("Dag; Begintijd ;Eindtijd;Platform;Activiteit;Stemming voor;Stemming_na;Reden\n" + RIJ + ";\n").encode(),
    (KOP + "\n" + RIJ.replace("07:15", "7:15:00") + "\n;;;;;;;\n\n").encode(),  # seconds, empty rows
])
def test_accepted_variants(data):
    boek = _lees_tekst(data, "x.csv")
    assert len(boek.sessies) == 1
    assert boek.sessies[0].duur == 15
    assert boek.sessies[0].platform == "WhatsApp"


ACCEPTED = FIXTURES / "geaccepteerd"


@pytest.mark.parametrize("naam, eigen", [("excel-met-opmerking.csv", "opmerking"),
                                         ("eigen-kolom-notitie.csv", "notitie")])
def test_a_column_of_her_own_is_skipped_and_said_so(naam, eigen, capsys):
    """A diary as Excel makes it (BOM, CRLF, 7:15, Dutch dates, an empty row, a comment column
    with a ';' inside quotes): read, and the extra column is named as skipped (issue 27, F5)."""
    pad = ACCEPTED / naam
    before = pad.read_bytes()
    boek = lees_dagboek(str(pad))
    out = capsys.readouterr().out
    assert boek is not None and boek.sessies and boek.overgeslagen == (eigen,)
    assert f"De kolom '{eigen}' gebruik ik niet; die sla ik over." in out and LET_OP not in out
    assert pad.read_bytes() == before
    # Control: without one of the course's own columns the same file is still refused.
    text = before.decode("utf-8-sig").replace(";reden", ";rede", 1)
    with pytest.raises(InvoerFout, match="de kolom reden ontbreekt"):
        _lees_tekst(text.encode(), naam)


def test_a_diary_without_extra_columns_says_nothing_about_them(capsys):
    lees_dagboek(str(VOORBEELD))
    assert "sla ik over" not in capsys.readouterr().out


def test_reorderd_columns_and_empty_reason_and_case():
    kop = "reden;platform;dag;begintijd;eindtijd;activiteit;stemming_na;stemming_voor"
    data = f"{kop}\n;instagram;Di;10:00;10:20;PASSIEF;2;3\nverveling;Instagram;di.;11:00;11:05;passief;3;3\n"
    boek = _lees_tekst(data.encode(), "x.csv")
    assert boek.dagen == ["dinsdag"]
    assert {s.platform for s in boek.sessies} == {"instagram"}  # first spelling wins, grouped
    assert boek.sessies[0].reden == "geen reden ingevuld"
    assert boek.sessies[0].stemming_voor == 3 and boek.sessies[0].stemming_na == 2


def test_template_reads():
    boek = _lees_pad(SJABLOON)
    assert [c.strip() for c in SJABLOON.read_text(encoding="utf-8-sig").splitlines()[0].split(";")] == list(KOLOMMEN)
    assert 1 <= len(boek.sessies) <= 2


def test_template_opens_cleanly_in_dutch_spreadsheets():
    """Dutch Excel splits columns at ';' (the list separator of the Dutch locale) and reads
    accents only with a UTF-8 byte order mark; LibreOffice detects both. Windows line ends,
    the same number of cells in every row, and no cell a spreadsheet would take for a formula."""
    data = SJABLOON.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    tekst = data.decode("utf-8-sig")
    assert not tekst.lower().startswith("sep=")  # a sep= line would hide the BOM from Excel
    assert tekst.endswith("\r\n") and "\n" not in tekst.replace("\r\n", "")
    rijen = list(csv.reader(io.StringIO(tekst, newline=""), delimiter=";"))
    assert rijen[0] == list(KOLOMMEN)
    assert {len(r) for r in rijen} == {len(KOLOMMEN)}
    assert not any(cel.startswith(("=", "+", "-", "@")) for rij in rijen for cel in rij)
    assert all("," not in cel for rij in rijen for cel in rij)  # a comma is a decimal sign in Dutch


# ---------------------------------------------------------------------------
# midnight
# ---------------------------------------------------------------------------

def _boek(*rijen: str) -> Dagboek:
    return _lees_tekst((KOP + "\n" + "\n".join(rijen) + "\n").encode(), "x.csv")


def test_midnight_2350_0020_splits_10_and_20():
    boek = _boek("maandag;23:50;00:20;TikTok;passief;3;3;gewoonte")
    assert boek.dagen == ["maandag", "dinsdag"]
    m = boek.minuten_per_dag_uur()
    assert m[0][23] == 10 and m[1][0] == 20
    assert sum(map(sum, m)) == 30 == boek.sessies[0].duur
    o = overzicht(boek)
    assert o["per_dag"] == {"maandag": 10, "dinsdag": 20}
    assert o["nacht_minuten"] == 20 and o["nachten"] == 1


@pytest.mark.parametrize("begin, eind, eerste_dag, volgende_dag, nacht", [
    ("23:30", "00:00", 30, 0, 0),      # ends exactly at midnight: nothing on the next day
    ("23:30", "24:00", 30, 0, 0),      # 24:00 means midnight
    ("00:00", "00:30", 30, None, 30),  # starts at midnight: night, same day
    ("23:59", "00:01", 1, 1, 1),
    ("22:00", "06:30", 120, 390, 360),  # long night: night is 00:00-06:00 only
    ("05:50", "06:10", 20, None, 10),
])
def test_midnight_boundaries(begin, eind, eerste_dag, volgende_dag, nacht):
    boek = _boek(f"woensdag;{begin};{eind};TikTok;passief;3;3;gewoonte")
    o = overzicht(boek)
    per_dag = list(o["per_dag"].values())
    assert per_dag[0] == eerste_dag
    if volgende_dag is None:
        assert len(per_dag) == 1
    else:
        assert boek.dagen[:2] == ["woensdag", "donderdag"][: len(per_dag)]
        assert (per_dag[1] if len(per_dag) > 1 else 0) == volgende_dag
    assert o["nacht_minuten"] == nacht


def test_midnight_sunday_wraps_to_monday_in_a_full_week():
    rijen = [f"{d};12:00;12:10;WhatsApp;actief;3;3;contact" for d in DAGNAMEN]
    rijen.append("zondag;23:50;00:20;TikTok;passief;3;3;gewoonte")
    boek = _boek(*rijen)
    assert boek.dagen == list(DAGNAMEN)
    o = overzicht(boek)
    assert o["per_dag"]["zondag"] == 10 + 10
    assert o["per_dag"]["maandag"] == 10 + 20
    assert o["dag_uur"][0][0] == 20


def test_midnight_with_dates_adds_next_date():
    boek = _boek("31-12-2023;23:50;00:20;TikTok;passief;3;3;oud en nieuw")
    assert boek.dagen == ["zo 31-12", "ma 1-1"]
    assert list(overzicht(boek)["per_dag"].values()) == [10, 20]


def test_dates_are_ordered_and_gaps_shown():
    boek = _boek("2024-03-06;10:00;10:10;X;actief;3;3;a", "04-03-2024;10:00;10:20;X;actief;3;3;a")
    assert boek.dagen == ["ma 4-3", "di 5-3", "wo 6-3"]
    assert list(overzicht(boek)["per_dag"].values()) == [20, 0, 10]


# ---------------------------------------------------------------------------
# the fictional example week
# ---------------------------------------------------------------------------

def test_example_week_numbers():
    boek = _lees_pad(VOORBEELD)
    o = overzicht(boek)
    assert boek.dagen == list(DAGNAMEN)
    assert len(boek.sessies) == 41
    assert o["totaal"] == 18 * 60 + 55
    assert sum(o["per_dag"].values()) == o["totaal"] == sum(o["per_uur"])
    assert o["nacht_minuten"] == 115 and o["nachten"] == 3
    assert o["per_dag"]["zaterdag"] == 35 + 30 + 30 + 15 + 30 + 30  # 35 min spill-over from Friday night
    assert o["actief"] + o["passief"] == o["totaal"]
    assert round(o["per_platform"]["WhatsApp"]["verschil"], 2) == round(6 / 9, 2)


def test_example_week_yields_expected_signals(capsys):
    boek = _lees_pad(VOORBEELD)
    lijst = bereken_signalen(boek)
    assert [s.soort for s in lijst] == ["nacht", "naar_gevoel", "platform"]
    assert "op 3 nachten" in lijst[0].tekst and "1 uur en 55 min" in lijst[0].tekst
    assert lijst[1].tekst.startswith("Openen bij een naar gevoel: 7 keer")
    assert "kan niet slapen (3×)" in lijst[1].tekst
    assert lijst[2].tekst.startswith("Stemming lager na Instagram:")
    # a drop is written as a fall of a positive number of points, not as a negative score
    assert re.search(r"daalde je stemming gemiddeld \d+,\d punt per keer", lijst[2].tekst), lijst[2].tekst
    assert "-" not in lijst[2].tekst.split("daalde")[1].split("punt")[0]
    signalen(boek)
    uit = capsys.readouterr().out
    assert "Bespreek ook wat helpt: na WhatsApp" in uit
    assert uit.rstrip().endswith("Dit zijn gespreksonderwerpen, geen oordeel en geen diagnose.")


def test_quiet_week_has_no_signals(capsys):
    boek = _boek("maandag;12:00;12:30;WhatsApp;actief;3;4;contact",
                 "dinsdag;01:00;01:10;TikTok;passief;2;2;kan niet slapen")  # one night only
    assert bereken_signalen(boek) == []
    signalen(boek)
    assert "Geen van de gespreksonderwerpen kwam deze week naar voren." in capsys.readouterr().out


def test_guess(capsys):
    boek = _lees_pad(VOORBEELD)
    vergelijk_met_gok(boek, "instagram")
    assert capsys.readouterr().out.startswith("Je gok klopt: na Instagram daalde de stemming gemiddeld het meest")
    vergelijk_met_gok(boek, "TikTok")
    assert capsys.readouterr().out.startswith("Niet helemaal: na TikTok")
    assert melding_van(vergelijk_met_gok, boek, "Snap") == (
        "'Snap' staat niet in dit dagboek. Kies uit: TikTok, Instagram, YouTube, WhatsApp, Snapchat.")
    assert melding_van(vergelijk_met_gok, boek, "").startswith("Je gok is leeg.")
    assert melding_van(vergelijk_met_gok, boek, 4).endswith("Je gaf een getal.")


def test_week_chart(capsys, shown):
    boek = _lees_pad(VOORBEELD)
    toon_grafiek(boek)
    assert "hoe donkerder het vakje, hoe meer minuten" in " ".join(capsys.readouterr().out.split())
    [(svg, alt)] = shown
    root = check_chart(svg, alt)
    assert "Het drukste uur is 21:00-22:00" in alt and "op 3 nachten" in alt
    uren = [el for el in root.iter() if el.get("class") == "uur"]
    assert len(uren) == 7 * 24
    # light to dark: more minutes is more ink, also in greyscale, in clear steps
    helderheid = [relative_luminance(kleur) for _, kleur, _ in KLASSEN]
    assert all(a - b > 0.1 for a, b in zip(helderheid, helderheid[1:])), helderheid
    # not ink-heavy: most of the week is empty, and the chart shows that as white
    assert sum(relative_luminance(el.get("fill")) for el in uren) / len(uren) > 0.8
    # the night frame is dashed, so it shows without colour
    [kader] = [el for el in root.iter(SVG + "rect") if el.get("stroke-dasharray") and el.get("fill") == "none"
               and float(el.get("height")) > 100]
    assert float(kader.get("width")) == pytest.approx(6 * 19)
    totalen = [el for el in root.iter() if el.get("class") == "totaal"]
    assert len(totalen) == 7


def test_averages_need_more_than_one_entry(capsys):
    """One diary entry is no average: the table shows a dash and says why; comparisons
    between platforms use platforms with at least 3 entries, and say how many."""
    toon_overzicht(_lees_pad(VOORBEELD))
    uit = capsys.readouterr().out
    assert "steun zoeken     1      20 min           –" in uit
    assert "– = maar 1 keer ingevuld: te weinig voor een gemiddelde." in uit
    boek = _boek("maandag;10:00;10:20;TikTok;passief;3;1;verveling",
                 "maandag;11:00;11:20;Instagram;passief;3;2;verveling",
                 "maandag;12:00;12:20;Instagram;passief;3;2;verveling",
                 "maandag;13:00;13:20;Instagram;passief;3;2;verveling")
    vergelijk_met_gok(boek, "tiktok")
    assert capsys.readouterr().out.startswith("Na TikTok vulde je maar 1 keer iets in.")
    vergelijk_met_gok(boek, "instagram")
    assert " ".join(capsys.readouterr().out.split()).startswith(
        "Je gok klopt: na Instagram daalde de stemming gemiddeld het meest: -1,0 punt per keer (over 3 keer).")
    signalen(_boek("maandag;10:00;10:20;TikTok;passief;1;5;steun"))
    assert "wat helpt" not in capsys.readouterr().out


def test_overview_prints_all_parts(capsys):
    toon_overzicht(_lees_pad(VOORBEELD))
    uit = capsys.readouterr().out
    for kop in ("TIJD PER DAG", "NACHT (00:00-06:00)", "ACTIEF EN PASSIEF", "STEMMING PER PLATFORM",
                "STEMMING PER REDEN"):
        assert kop in uit
    assert "1 uur en 55 min op 3 nachten: 10% van je totale tijd." in uit


# ---------------------------------------------------------------------------
# property tests of the parser
# ---------------------------------------------------------------------------

tijden = st.integers(0, 24 * 60 - 1)
WEEK = 7 * 24 * 60
sessie = st.fixed_dictionaries({
    "pauze": st.integers(0, 600),  # minutes since the previous session ended: no overlaps
    "duur": st.integers(1, 12 * 60),
    "platform": st.sampled_from(["TikTok", "Instagram", "WhatsApp", "Snapchat", "YouTube"]),
    "activiteit": st.sampled_from(["actief", "passief"]),
    "voor": st.integers(1, 5),
    "na": st.integers(1, 5),
    # any text a spreadsheet can save, including U+2028, U+0085, quotes and line breaks
    "reden": st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",),
                                            exclude_characters="\x00"), max_size=20),
})


def _hhmm(minuten: int) -> str:
    return f"{minuten // 60:02d}:{minuten % 60:02d}"


def _na_elkaar(sessies):
    """Give each session a start in the week, one after the other, ending within the week."""
    t, uit = 0, []
    for s in sessies:
        begin = t + s["pauze"]
        if begin + s["duur"] > WEEK:
            break
        uit.append({**s, "begin": begin})
        t = begin + s["duur"]
    return uit


def _schrijf(sessies, teken: str, bom: bool) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=teken, lineterminator="\r\n")
    w.writerow(KOLOMMEN)
    for s in sessies:
        w.writerow([DAGNAMEN[s["begin"] // 1440], _hhmm(s["begin"] % 1440),
                    _hhmm((s["begin"] + s["duur"]) % 1440), s["platform"], s["activiteit"], s["voor"],
                    s["na"], s["reden"]])
    return (("\ufeff" if bom else "") + buf.getvalue()).encode("utf-8")


@settings(max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sessie, min_size=1, max_size=25).map(_na_elkaar).filter(bool),
       st.sampled_from([";", ","]), st.booleans())
def test_property_roundtrip_keeps_every_minute(sessies, teken, bom):
    boek = _lees_tekst(_schrijf(sessies, teken, bom), "x.csv")
    assert len(boek.sessies) == len(sessies)
    assert [s.duur for s in boek.sessies] == [s["duur"] for s in sessies]
    assert [s.stemming_na - s.stemming_voor for s in boek.sessies] == [s["na"] - s["voor"] for s in sessies]
    # controls and direction overrides come back as visible replacements (issue 26)
    assert [s.reden for s in boek.sessies] == [" ".join(_zichtbaar(s["reden"]).split()).lower()
                                               or "geen reden ingevuld" for s in sessies]
    o = overzicht(boek)
    totaal = sum(s["duur"] for s in sessies)
    assert o["totaal"] == totaal == sum(o["per_dag"].values()) == sum(o["per_uur"])
    assert all(0 <= x <= 60 for rij in o["dag_uur"] for x in rij)  # no hour holds more than 60 min
    assert all(x <= 24 * 60 for x in o["per_dag"].values())       # no day more than 24 hours
    assert 0 <= o["nacht_minuten"] <= totaal
    assert o["actief"] + o["passief"] == totaal
    assert len(boek.dagen) <= 7
    assert o["per_activiteit"].keys() <= {"actief", "passief"}


@settings(max_examples=300, deadline=None)
@given(tijden, st.integers(1, 12 * 60))
def test_property_midnight_split(begin, duur):
    boek = _boek(f"maandag;{_hhmm(begin)};{_hhmm((begin + duur) % 1440)};X;actief;3;3;r")
    per_dag = list(overzicht(boek)["per_dag"].values())
    assert per_dag[0] == min(duur, 1440 - begin)
    assert sum(per_dag) == duur
    assert len(per_dag) == (2 if begin + duur > 1440 else 1)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 23), st.integers(0, 59))
def test_property_valid_times_parse(uur, minuut):
    assert _tijd(f"{uur:02d}:{minuut:02d}", 2, "begintijd") == uur * 60 + minuut
    assert _tijd(f"{uur}:{minuut:02d}", 2, "begintijd") == uur * 60 + minuut


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=8))
def test_property_any_time_text_parses_or_explains(tekst):
    try:
        waarde = _tijd(tekst, 4, "eindtijd")
    except InvoerFout as fout:
        assert fout.melding.startswith("Rij 4, kolom eindtijd:")
        assert "\n" not in fout.melding
    else:
        assert 0 <= waarde < 1440


@settings(max_examples=300, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=300),
                 st.text(max_size=300).map(lambda t: (KOP + "\n" + t).encode("utf-8")),
                 st.lists(st.sampled_from(['"', ";", "\n", "\r", "\u2028", "\x85", "ma", "10:00", "3",
                                           "X", "actief", "\ufeff", "9999", "-", ",", " "]), max_size=60)
                 .map(lambda delen: (KOP + "\n" + "".join(delen)).encode("utf-8"))))
def test_property_parser_never_crashes(data):
    """Whatever bytes come in: a Dagboek, or one Dutch line (never another exception)."""
    try:
        boek = _lees_tekst(data, "x.csv")
    except InvoerFout as fout:
        assert fout.melding and "\n" not in fout.melding and len(fout.melding) < 400
    else:
        assert isinstance(boek, Dagboek) and boek.sessies
        assert all(x <= 24 * 60 for x in overzicht(boek)["per_dag"].values())


@settings(max_examples=100, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000) | st.sampled_from([b"", b"\xef\xbb\xbf", KOP.encode()]))
def test_property_reading_a_file_leaves_it_unchanged(data):
    """lees_dagboek on any file: a diary or one printed Dutch line, and the same bytes after."""
    import contextlib
    import tempfile

    with tempfile.TemporaryDirectory() as map_:
        pad = os.path.join(map_, "week.csv")
        with open(pad, "wb") as f:
            f.write(data)
        voor = os.stat(pad).st_mtime_ns
        uit = io.StringIO()
        with contextlib.redirect_stdout(uit):
            boek = lees_dagboek(pad)
        regels = uit.getvalue().splitlines()
        assert len(regels) == 1
        assert regels[0].startswith(LET_OP if boek is None else "Gelezen: ")
        with open(pad, "rb") as f:
            assert f.read() == data
        assert os.stat(pad).st_mtime_ns == voor and os.listdir(map_) == ["week.csv"]


ANDERS = st.one_of(st.none(), st.integers(), st.text(max_size=20), st.floats(), st.booleans(),
                   st.lists(st.integers(), max_size=3), st.just(5000).map(lambda cijfers: 10**cijfers), st.just(...))


@settings(max_examples=200, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(dagboek=st.one_of(ANDERS, st.just("voorbeeld")), gok=ANDERS)
def test_property_every_public_helper_gives_output_or_one_dutch_line(dagboek, gok):
    if dagboek == "voorbeeld":
        dagboek = _lees_pad(VOORBEELD)
    for func, args in ((toon_overzicht, (dagboek,)), (toon_grafiek, (dagboek,)), (signalen, (dagboek,)),
                       (vergelijk_met_gok, (dagboek, gok)), (lees_dagboek, (gok,))):
        with charts_shown() as getoond:
            try:
                func.__wrapped__(*args)
            except InvoerFout as fout:
                assert fout.melding and "\n" not in fout.melding and len(fout.melding) < 400
            else:
                for svg, alt in getoond:
                    check_chart(svg, alt)


@settings(max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sessie, min_size=1, max_size=25).map(_na_elkaar).filter(bool))
def test_property_any_week_gives_a_good_chart(sessies):
    boek = _lees_tekst(_schrijf(sessies, ";", True), "x.csv")
    with charts_shown() as getoond:
        toon_grafiek.__wrapped__(boek)
    [(svg, alt)] = getoond
    root = check_chart(svg, alt)
    uren = [el for el in root.iter() if el.get("class") == "uur"]
    assert len(uren) == 24 * len(boek.dagen)
    m = overzicht(boek)["dag_uur"]
    kleuren = {k[0]: k[1] for k in KLASSEN}
    for el, minuten in zip(uren, [x for rij in m for x in rij]):
        assert el.get("fill") == next(kleur for grens, kleur in kleuren.items() if minuten <= grens)


# ---------------------------------------------------------------------------
# the notebook
# ---------------------------------------------------------------------------

def test_notebook_runs_and_gives_feedback(run_notebook):
    voor = {p: p.read_bytes() for p in (VOORBEELD, SJABLOON)}
    inhoud_voor = sorted(os.listdir(EXERCISES / "data"))
    nb = run_notebook("m4-gebruikspatroon.ipynb")
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error"
    tekst = notebook_text(nb)
    assert "Gelezen: 41 keer sociale media op 7 dagen" in tekst
    assert "Niet helemaal: na TikTok" in tekst
    assert "Nachtelijk gebruik: op 3 nachten" in tekst
    assert "Let op: Ik vind het bestand" in tekst  # the demonstration of a friendly message
    assert "geen oordeel en geen diagnose" in tekst
    assert "Traceback" not in tekst
    [figuur] = [o for c in nb.cells for o in c.get("outputs", []) if "image/svg+xml" in o.get("data", {})]
    check_chart(figuur["data"]["image/svg+xml"], figuur["data"]["text/plain"].removeprefix("Figuur: "))
    assert not any("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
    assert {p: p.read_bytes() for p in voor} == voor
    assert sorted(os.listdir(EXERCISES / "data")) == inhoud_voor


def test_notebook_is_stored_without_outputs_and_plot_cells_have_alt_text():
    import nbformat
    nb = nbformat.read(EXERCISES / "m4-gebruikspatroon.ipynb", as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert len(nb.cells) <= 16, len(nb.cells)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
            if cell.source.startswith("toon_grafiek("):
                assert cell.metadata["mystnb"]["image"]["alt"]

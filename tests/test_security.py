"""Security round 3 (issue 26), the checks that need no browser: every HTML document on the site's
origin carries a strict policy, and the build tools publish nothing from outside the repository.
The browser checks (decks under attack, the worker, charts, the journal) are in
tests/test_security_site.py. Each rule has a control that shows it can fail."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import HTML

#: Sources a policy may never allow for scripts (anything that lets text become script).
UNSAFE_SCRIPT = ("'unsafe-inline'", "*", "data:", "blob:", "http:", "https:")


def policy_problems(html: str) -> list[str]:
    """What is wrong with the Content-Security-Policy of one HTML document ([] = sound).

    The policy must be a meta element before any script, style or link (a meta policy governs
    only what comes after it), start from ``default-src 'none'``, allow scripts only from the
    site or by hash, and name no other host for anything."""
    soup = BeautifulSoup(html, "html.parser")
    metas = soup.find_all("meta", attrs={"http-equiv": re.compile("^content-security-policy$", re.I)})
    if len(metas) != 1:
        return [f"{len(metas)} policies"]
    meta = metas[0]
    problems = []
    earlier = meta.find_all_previous(["script", "style", "link"])
    if earlier:
        problems.append(f"{len(earlier)} script/style/link before the policy")
    directives = {}
    for part in meta.get("content", "").split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    if directives.get("default-src") != ["'none'"]:
        problems.append(f"default-src {directives.get('default-src')}")
    script = directives.get("script-src", directives.get("default-src", []))
    for source in script:
        if source in UNSAFE_SCRIPT:
            problems.append(f"script-src allows {source}")
    for name, sources in directives.items():
        for source in sources:
            if re.match(r"^(https?:)?//|^[a-z0-9.-]+\.[a-z]{2,}", source):
                problems.append(f"{name} allows the host {source}")
    if directives.get("object-src") != ["'none'"] or directives.get("base-uri") != ["'none'"]:
        problems.append("object-src or base-uri is not 'none'")
    return problems


def every_html_file() -> list[Path]:
    return sorted(HTML.rglob("*.html")) if HTML.exists() else []


def test_every_html_file_under_the_site_has_a_sound_policy(built_html):
    files = every_html_file()
    decks = [f for f in files if f.parent.parent.name == "workshop" and f.name.startswith("presentatie")]
    assert len(files) > 50 and decks, (len(files), decks)
    bad = {str(f.relative_to(built_html)): p for f in files if (p := policy_problems(f.read_text(encoding="utf-8")))}
    assert not bad, bad


@pytest.mark.parametrize("html, expected", [
    ("<html><head><title>x</title></head><body></body></html>", "0 policies"),
    ('<html><head><script src="a.js"></script><meta http-equiv="Content-Security-Policy" '
     "content=\"default-src 'none'; script-src 'self'; object-src 'none'; base-uri 'none'\"></head></html>",
     "before the policy"),
    ('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
     "script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'\"></head></html>",
     "'unsafe-inline'"),
    ('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
     "img-src https://example.org; object-src 'none'; base-uri 'none'\"></head></html>", "host"),
])
def test_the_policy_check_fails_on_a_bad_document(html, expected):
    assert any(expected in p for p in policy_problems(html)), policy_problems(html)


def test_every_svg_under_the_site_is_inert(built_html):
    """An SVG file opened on its own is a document of the site's origin: no script may sit in one."""
    svgs = sorted(built_html.rglob("*.svg"))
    assert svgs
    bad = [str(s.relative_to(built_html)) for s in svgs if svg_problems(s.read_text(encoding="utf-8"))]
    assert not bad, bad


def svg_problems(svg: str) -> list[str]:
    found = re.findall(r"<(?:\w+:)?(script|foreignObject|iframe|object|embed)\b|\son\w+\s*=|javascript:", svg, re.I)
    return [f or "handler/javascript" for f in found]


def test_the_svg_check_sees_a_script():
    assert svg_problems('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    assert svg_problems('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>')
    assert not svg_problems('<svg xmlns="http://www.w3.org/2000/svg"><title>ok</title></svg>')


# --- published files come from inside the repository (on a copy of the project) -------------------------

from types import SimpleNamespace  # noqa: E402

from course import ROOT, exercises, plans, published  # noqa: E402


@pytest.fixture
def project(tmp_path):
    """A copy of the project's sources (no _build, node_modules or .venv) and a secret outside it."""
    import shutil

    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("_config.yml", "_toc.yml", "requirements.lock"):
        shutil.copy2(ROOT / name, copy / name)
    for name in ("book", "exercises"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    secret = tmp_path / "geheim.txt"
    secret.write_text("WACHTWOORD=hunter2\n", encoding="utf-8")
    return copy, secret


def _zip_text(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())


@pytest.mark.parametrize("where", ["exercises/data/notities.csv", "exercises/cursus/extra.py"])
def test_a_link_in_the_exercise_folders_stops_the_pack(project, tmp_path, where):
    from tools.printbook import oefenpakket

    copy, secret = project
    oefenpakket.build(tmp_path / "gewoon.zip", copy)                 # control: the copy itself packs
    assert "hunter2" not in _zip_text(tmp_path / "gewoon.zip")
    (copy / where).symlink_to(secret)
    with pytest.raises(published.UnsafeSource, match="symbolic link"):
        oefenpakket.build(tmp_path / "oefenpakket.zip", copy)
    with pytest.raises(published.UnsafeSource, match="symbolic link"):
        exercises.data_files(copy) + exercises.helper_sources(copy)


def test_a_linked_data_folder_is_refused(project):
    import shutil

    copy, secret = project
    outside = secret.parent / "elders"
    shutil.move(copy / "exercises" / "data", outside)
    (copy / "exercises" / "data").symlink_to(outside, target_is_directory=True)
    with pytest.raises(published.UnsafeSource, match="symbolic link"):
        exercises.data_files(copy)


def test_a_link_in_the_static_folder_stops_the_sphinx_build(project):
    from sphinx.errors import ExtensionError

    from course.sphinxext import csp

    copy, secret = project
    app = SimpleNamespace(confdir=str(copy), config=SimpleNamespace(html_static_path=["book/_static"],
                                                                    templates_path=["book/_templates"]))
    csp.static_from_the_repository(app)                               # control: the copy passes
    (copy / "book" / "_static" / "fonts" / "extra.woff2").symlink_to(secret)
    with pytest.raises(ExtensionError, match="symbolic link"):
        csp.static_from_the_repository(app)


def test_the_kit_zip_step_refuses_a_link(tmp_path, project):
    from tools.printbook import downloads

    _copy, secret = project
    kit = tmp_path / "dagdeel"
    kit.mkdir()
    (kit / "hand-out.txt").write_text("hand-out", encoding="utf-8")
    downloads._zip_folder(kit, tmp_path / "workshop-dagdeel.zip")    # control
    (kit / "extra.txt").symlink_to(secret)
    with pytest.raises(published.UnsafeSource, match="symbolic link"):
        downloads._zip_folder(kit, tmp_path / "workshop-dagdeel2.zip")


def test_a_plan_named_dots_gives_a_dutch_error_and_publishes_nothing(tmp_path, monkeypatch):
    from tools.printbook import downloads

    plan = tmp_path / "...yml"
    plan.write_text((ROOT / "book/trainers/draaiboeken/dagdeel.yml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(plans.DraaiboekError, match="bestandsnaam"):
        plans.load_plan(plan)
    plans.load_plan(ROOT / "book/trainers/draaiboeken/dagdeel.yml")   # control: the real name loads
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.setattr(downloads, "DOWNLOADS", [(f"workshop-{plan.stem}.zip", downloads.WORKSHOP / plan.stem)])
    with pytest.raises(published.UnsafeSource, match="not a safe name"):
        downloads.publish_downloads(site)
    assert list((site / "downloads").iterdir()) == []


def test_a_plan_no_page_uses_gives_a_clear_error(tmp_path, monkeypatch):
    from tools.printbook import downloads

    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.setattr(downloads, "DOWNLOADS", [("workshop-nieuw.zip", downloads.WORKSHOP / "nieuw")])
    with pytest.raises(SystemExit, match=r"no page shows it yet.*draaiboek"):
        downloads.publish_downloads(site)


@pytest.mark.parametrize("name, ok", [("dagdeel", True), ("reeks-4x2-uur", True), ("reveal.js-LICENSE.txt", True),
                                      ("..", False), ("...yml", False), (".verborgen", False), ("a b", False),
                                      ("a/b", False), ("", False), ("a..b", False)])
def test_one_safe_name_pattern(name, ok):
    assert bool(published.SAFE_NAME.fullmatch(name)) is ok


# --- privacy: everything the browser keeps is under the course prefix ---------------------------------

from course.sphinxext import storage  # noqa: E402


def storage_keys(text: str) -> list[str]:
    """The literal keys of every localStorage/sessionStorage call in a script or page."""
    return [m.group(2) for m in storage._CALL.finditer(text)]


def test_everything_the_site_stores_is_under_the_course_prefix(built_html):
    found = {}
    for path in sorted(built_html.rglob("*")):
        if path.suffix in (".js", ".html") and path.is_file():
            for key in storage_keys(path.read_text(encoding="utf-8", errors="replace")):
                if not key.startswith(storage.PREFIX):
                    found.setdefault(key, str(path.relative_to(built_html)))
    assert found == {}, found
    tabs = [str(p) for p in built_html.rglob("*") if p.suffix in (".js", ".html")
            and storage.TAB_PREFIX[0] in p.read_text(encoding="utf-8", errors="replace")]
    assert tabs == []


def test_the_prefix_rule_can_fail():
    """Control: the bare names Sphinx and the theme use are found, and renamed."""
    bare = 'localStorage.setItem("sphinx_highlight_terms", t); document.x = localStorage.getItem("mode") || "";'
    assert storage_keys(bare) == ["sphinx_highlight_terms", "mode"]
    assert all(k.startswith(storage.PREFIX) for k in storage_keys(storage.rename(bare, "test")))
    assert storage.PREFIX.rstrip(":") in (ROOT / "book/_static/cursus.js").read_text(encoding="utf-8")


def test_the_privacy_statement_lists_everything_kept():
    text = (ROOT / "book/bijlagen/privacy.md").read_text(encoding="utf-8")
    said = {"reflectie": "antwoorden bij de reflectie-opdrachten", "voortgang": "op *klaar*",
            "laatste-pagina": "Ga verder waar je was", "oefenen-bestand": "dagboekbestand",
            "kleurmodus": "licht of donker", "kleurthema": "licht of donker", "zoektermen": "zoekopdracht",
            "zijbalk-positie": "in het menu", "melding-verborgen": None, "aankondiging-verborgen": None}
    assert set(said) >= set(storage.NAMES.values())
    for _key, words in said.items():
        assert words is None or words in text, words
    assert "Alles wissen" in text


# --- inputs XML cannot hold ------------------------------------------------------------------------------

PLAN = ROOT / "book/trainers/draaiboeken/dagdeel.yml"
TITLE = "      - titel: Welkom, afspraken en verwachtingen"


@pytest.mark.parametrize("char", ["\x01", "\x0b", "\x1b", "\ufffe"])
def test_a_raw_control_character_in_a_plan_gives_a_dutch_line(tmp_path, char):
    text = PLAN.read_text(encoding="utf-8")
    line = text.splitlines().index(TITLE) + 1
    plan = tmp_path / "dagdeel.yml"
    plan.write_text(text.replace(TITLE, TITLE + char + " erbij"), encoding="utf-8")
    with pytest.raises(plans.DraaiboekError) as info:
        plans.load_plan(plan)
    message = str(info.value)
    assert f"regel {line}" in message and f"U+{ord(char):04X}" in message and "stuurteken" in message, message
    assert "\n" not in message and not plans.NOT_TEXT.search(message)


@pytest.mark.parametrize("escape, code", [(r"\x01", "0001"), (r"\v", "000B"), (r"\e", "001B"),
                                          (r"\uFFFE", "FFFE"), (r"\ud800", "D800")])
def test_an_escaped_control_character_or_lone_surrogate_gives_a_dutch_line(tmp_path, escape, code):
    text = PLAN.read_text(encoding="utf-8")
    line = text.splitlines().index(TITLE) + 1
    plan = tmp_path / "dagdeel.yml"
    quoted = f'      - titel: "Welkom{escape}, afspraken en verwachtingen"'
    plan.write_text(text.replace(TITLE, quoted), encoding="utf-8")
    with pytest.raises(plans.DraaiboekError, match=f"regel {line} .*U\\+{code}"):
        plans.load_plan(plan)


def test_the_plan_as_it_is_loads(tmp_path):
    """Control: the same file without the character loads, with the title as written."""
    plan = tmp_path / "dagdeel.yml"
    plan.write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    loaded = plans.load_plan(plan)
    assert any(a.titel == "Welkom, afspraken en verwachtingen" for s in loaded.sessies for a in s.activiteiten)


DIARY_HEAD = "dag;begintijd;eindtijd;platform;activiteit;stemming_voor;stemming_na;reden\r\n"


def test_terminal_escapes_and_direction_overrides_in_a_diary_are_shown_as_replacements(capsys):
    import sys

    sys.path.insert(0, str(ROOT / "exercises"))
    from cursus import dagboek, dagboek_lezen

    rows = ("maandag;07:15;07:30;\x1b[2J\x1b]0,weg\x07Insta;actief;3;3;\u202etcatnoc\r\n"
            "dinsdag;10:20;10:30;TikTok;passief;3;3;pauze\u2066x\u2069\r\n")
    boek = dagboek_lezen._lees_tekst((DIARY_HEAD + rows).encode("utf-8"))
    first, second = boek.sessies
    assert first.platform == "\ufffd[2J\ufffd]0,weg\ufffdInsta" and first.reden == "\ufffdtcatnoc"
    assert second.reden == "pauze\ufffdx\ufffd"
    dagboek.toon_overzicht(boek)
    out = capsys.readouterr().out
    assert out and not dagboek_lezen._ONZICHTBAAR.search(out)
    # control: an ordinary diary passes unchanged
    plain = dagboek_lezen._lees_tekst((DIARY_HEAD + "maandag;07:15;07:30;Insta;actief;3;3;contact\r\n").encode())
    assert plain.sessies[0].platform == "Insta" and plain.sessies[0].reden == "contact"

"""The SCORM packages (tools/lms): manifests valid against the ADL/IMS schemas, the content
packaging rules, deterministic zips, nothing from another host, and the site inside.

Most tests package a small site made here (no full build needed); the last ones package the
built site (marked `built` through the built_html fixture)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from course import vocabulary as V
from tools import lms
from tools.lms import check

CSP = re.compile(r'<head>\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)"')


def make_site(root: Path) -> Path:
    """A tiny built site: two pages (one with download links), the index script, a download,
    a page source and a stale package in downloads/ (both must stay out of the package)."""
    page = ('<!DOCTYPE html><html lang="nl"><head>\n<meta http-equiv="Content-Security-Policy" '
            'content="default-src \'none\'; script-src \'self\'"><title>{t}</title></head><body>{b}</body></html>')
    files = {
        "index.html": page.format(t="Start", b='<a href="book/index.html">verder</a>'),
        "book/index.html": page.format(t="Training", b=(
            '<p><a class="cursus-download" href="../downloads/handboek.pdf">Download het handboek'
            '<span class="cursus-download-info"> (PDF, 1 kB)</span></a> en '
            '<a class="cursus-download cursus-werkblad-download alleen-web" download="" '
            'href="../downloads/werkbladen/m1-casus-noor.pdf">Download werkblad</a>.</p>')),
        "_static/cursus-index.js": 'window.CURSUS_INDEX = {"modules": []};\n',
        "_static/cursus.css": "body { margin: 0 }\n",
        "downloads/handboek.pdf": "%PDF-1.7 tiny\n",
        f"downloads/{lms.SCORM12.zip_name}": "an old package\n",
        "_sources/book/index.md": "# Training\n",
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> dict[str, Path]:
    site = make_site(tmp_path_factory.mktemp("site"))
    out = tmp_path_factory.mktemp("lms")
    return {v.key: lms.package(v, site, out) for v in lms.VERSIONS} | {"site": site}


def names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return z.namelist()


def read(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def rezip(source: Path, target: Path, change) -> Path:
    """A copy of a package with ``change(entries)`` applied (for the controls)."""
    with zipfile.ZipFile(source) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    change(entries)
    lms.write_zip(target, entries)
    return target


@pytest.mark.parametrize("key", ["scorm12", "scorm2004"])
def test_package_passes_schema_and_packaging_rules(small, key):
    assert check.problems(small[key]) == []


def test_names_and_versions(small):
    assert small["scorm12"].name == f"{V.LMS_SLUG}-scorm12.zip"
    assert small["scorm2004"].name == f"{V.LMS_SLUG}-scorm2004.zip"
    m12 = etree.fromstring(read(small["scorm12"], "imsmanifest.xml").encode())
    m04 = etree.fromstring(read(small["scorm2004"], "imsmanifest.xml").encode())
    assert etree.QName(m12).namespace == "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    assert etree.QName(m04).namespace == "http://www.imsglobal.org/xsd/imscp_v1p1"
    # one SCO each, launched by start.html
    for doc, attr in ((m12, "{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype"),
                      (m04, "{http://www.adlnet.org/xsd/adlcp_v1p3}scormType")):
        resources = [el for el in doc.iter() if etree.QName(el).localname == "resource"]
        assert [(r.get("href"), r.get(attr)) for r in resources] == [("start.html", "sco")]


def test_pass_mark_comes_from_the_test_settings(small):
    cesuur = lms.test_settings()["cesuur"]
    m12 = read(small["scorm12"], "imsmanifest.xml")
    m04 = read(small["scorm2004"], "imsmanifest.xml")
    assert f"<adlcp:masteryscore>{round(cesuur * 100)}</adlcp:masteryscore>" in m12
    found = re.search(r"<imsss:minNormalizedMeasure>([\d.]+)</imsss:minNormalizedMeasure>", m04)
    assert found and float(found.group(1)) == pytest.approx(cesuur)
    assert 'satisfiedByMeasure="true"' in m04


def test_settings_defaults_and_bad_pass_mark(tmp_path):
    (tmp_path / "_config.yml").write_text("title: x\n", encoding="utf-8")
    assert lms.test_settings(tmp_path) == {"lengte": 20, "cesuur": 0.7}
    (tmp_path / "_config.yml").write_text("sphinx:\n  config:\n    cursus_eindtoets: {lengte: 12, cesuur: 0.8}\n",
                                          encoding="utf-8")
    assert lms.test_settings(tmp_path) == {"lengte": 12, "cesuur": 0.8}
    (tmp_path / "_config.yml").write_text("sphinx:\n  config:\n    cursus_eindtoets: {cesuur: 70}\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="cesuur"):
        lms.test_settings(tmp_path)


def test_schema_check_can_fail(small, tmp_path):
    """Controls: the checks catch an invalid manifest, an unlisted file, a missing file, a
    duplicate or malformed identifier, a dangling reference and a missing schema file."""
    def manifest(change):
        def apply(entries):
            entries["imsmanifest.xml"] = change(entries["imsmanifest.xml"].decode()).encode()
        return apply

    cases = {
        "schema": manifest(lambda m: m.replace("<title>", "<titel>", 1).replace("</title>", "</titel>", 1)),
        "not listed": lambda e: e.__setitem__("site/extra.html", b"<p>x</p>"),
        "not in the zip": lambda e: e.pop("site/_static/cursus.css"),
        "occurs 2 times": manifest(lambda m: m.replace('identifier="ITEM-', 'identifier="ORG-').replace(
            'identifierref="RES-', 'identifierref="RES-')),
        "not a valid xs:ID": manifest(lambda m: m.replace(f'"RES-{V.LMS_SLUG}"', '"1 res"')),
        "refers to no resource": manifest(lambda m: m.replace(f'identifierref="RES-{V.LMS_SLUG}"',
                                                               'identifierref="RES-elders"')),
        "schema file": lambda e: e.pop("adlcp_v1p3.xsd"),
    }
    for expected, change in cases.items():
        broken = rezip(small["scorm2004"], tmp_path / "broken.zip", change)
        found = check.problems(broken)
        assert any(expected in p for p in found), (expected, found)


def test_zip_is_deterministic(small, tmp_path):
    again = {v.key: lms.package(v, small["site"], tmp_path / "again") for v in lms.VERSIONS}
    for key, path in again.items():
        assert path.read_bytes() == small[key].read_bytes(), key
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
        assert [i.filename for i in infos] == sorted(i.filename for i in infos)
        assert {i.date_time for i in infos} == {lms.ZIP_TIME}
        assert {i.external_attr >> 16 for i in infos} == {0o100644}
    # control: a changed site gives a different package
    (small["site"] / "_static" / "cursus.css").write_text("body { margin: 1px }\n", encoding="utf-8")
    try:
        changed = lms.package(lms.SCORM12, small["site"], tmp_path / "changed")
        assert changed.read_bytes() != small["scorm12"].read_bytes()
    finally:
        (small["site"] / "_static" / "cursus.css").write_text("body { margin: 0 }\n", encoding="utf-8")


def test_site_inside_without_sources_or_old_packages(small):
    listed = names(small["scorm12"])
    assert {"start.html", "start.js", "start.css", "imsmanifest.xml", "site/index.html", "site/book/index.html",
            "site/_static/cursus-index.js", "site/downloads/handboek.pdf"} <= set(listed)
    assert not [n for n in listed if n.startswith("site/_sources/")]
    assert f"site/downloads/{lms.SCORM12.zip_name}" not in listed


def test_download_links_to_files_not_carried_become_text(small):
    page = read(small["scorm12"], "site/book/index.html")
    assert '<a class="cursus-download" href="../downloads/handboek.pdf">Download het handboek' in page
    assert "m1-casus-noor.pdf" not in page
    assert '<span class="cursus-download-elders">Download werkblad (alleen via de website)</span>' in page
    # the size label the downloads step may add makes no difference
    once = lms.offline_links('<a class="cursus-download" href="downloads/x.zip">Zip</a>', set())
    labelled = lms.offline_links('<a class="cursus-download" href="downloads/x.zip">Zip'
                                 '<span class="cursus-download-info"> (zip, 9 MB)</span></a>', set())
    assert once == labelled and "(zip, 9 MB)" not in once


@pytest.mark.parametrize("key", ["scorm12", "scorm2004"])
def test_launch_page_has_its_policy_and_loads_only_its_own_files(small, key):
    start = read(small[key], "start.html")
    policy = CSP.search(start).group(1)
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "frame-src 'self'" in policy
    assert "unsafe" not in policy
    assert f'data-scorm="{ {"scorm12": "1.2", "scorm2004": "2004"}[key] }"' in start
    loaded = re.findall(r'<(?:script|link|iframe|img)\b[^>]*\b(?:src|href)="([^"]*)"', start)
    assert loaded and all(not re.match(r"^[a-z]+:", url) or url == "about:blank" for url in loaded), loaded
    for url in loaded:
        if url != "about:blank":
            assert url in names(small[key]), url
    script = read(small[key], "start.js")
    assert not re.search(r"https?://", script)
    assert "eval(" not in script and "new Function" not in script


def test_launch_page_escapes_the_title(monkeypatch):
    monkeypatch.setattr(lms, "course_facts", lambda root=None: {"title": '<b>"x"</b>', "version": "1"})
    page = lms.launch_page(lms.SCORM12, lms.course_facts())
    assert "<b>" not in page and "&lt;b&gt;&quot;x&quot;&lt;/b&gt;" in page


# --- the built site -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_packages(built_html, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("built-lms")
    return {v.key: lms.package(v, built_html, out) for v in lms.VERSIONS}


@pytest.mark.parametrize("key", ["scorm12", "scorm2004"])
def test_built_packages_are_valid_and_carry_the_runtime(built_packages, built_html, key):
    assert check.problems(built_packages[key]) == []
    listed = set(names(built_packages[key]))
    runtime = [p.relative_to(built_html).as_posix() for p in (built_html / "_python").rglob("*") if p.is_file()]
    assert runtime and {f"site/{p}" for p in runtime} <= listed
    # the site's pages (not its theme templates, nor the workshop decks offered as downloads)
    pages = [n for n in listed if n.startswith("site/") and n.endswith(".html")
             and not n.startswith(("site/_static/", "site/downloads/"))]
    assert "site/book/index.html" in pages
    with zipfile.ZipFile(built_packages[key]) as z:
        for name in pages:
            text = z.read(name).decode("utf-8")
            first = re.search(r"<head>\s*(<meta [^>]*>)", text)
            assert first and 'http-equiv="Content-Security-Policy"' in first.group(1), \
                f"{name}: the Content-Security-Policy is not the first element of <head>"
            if name.startswith(("site/book/", "site/exercises/")):
                assert "_static/cursus-lms.js" in text, f"{name} does not load cursus-lms.js"


def test_built_packages_are_byte_identical_across_builds(built_packages, built_html, tmp_path):
    for version in lms.VERSIONS:
        assert lms.package(version, built_html, tmp_path).read_bytes() == built_packages[version.key].read_bytes()


def test_published_packages_are_listed_and_no_page_is_rewritten(tmp_path):
    """publish() copies the zips into downloads/ of a site and lists them in downloads/lijst.js,
    from which the page's script labels the link; the page itself stays as Sphinx wrote it."""
    import json

    site = make_site(tmp_path / "site")
    page = site / "book" / "organisaties.html"
    page.write_text(f'<p><a class="cursus-download" href="../downloads/{lms.SCORM2004.zip_name}">SCORM 2004</a></p>',
                    encoding="utf-8")
    before = page.read_bytes()
    zips = [lms.package(lms.SCORM2004, site, tmp_path / "out")]
    lms.publish(zips, site)
    assert (site / "downloads" / lms.SCORM2004.zip_name).read_bytes() == zips[0].read_bytes()
    listing = (site / "downloads" / "lijst.js").read_text(encoding="utf-8")
    sizes = json.loads(listing.split("=", 1)[1].strip().rstrip(";"))
    assert sizes[lms.SCORM2004.zip_name] == zips[0].stat().st_size
    assert page.read_bytes() == before


# --- "Voor organisaties": the administrator's guide on the site and as a PDF -----------------------

ORG_PAGE = "book/organisaties/index"
GUIDE_PDF = lms.ROOT / "_build" / "pdf" / "handleiding-leeromgeving.pdf"


def test_organisation_part_follows_the_trainer_part():
    from course import model

    captions = [p.caption for p in model.load().parts]
    assert captions.index(V.ORGANISATION_PART) == captions.index(V.TRAINER_PART) + 1
    assert ORG_PAGE in model.load().part(V.ORGANISATION_PART).docs


def test_guide_covers_each_lms_and_links_the_downloads(built_html):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((built_html / f"{ORG_PAGE}.html").read_text(encoding="utf-8"), "html.parser")
    headings = [h.get_text(" ", strip=True).rstrip("#").strip() for h in soup.select("article h3")]
    for name in ("Moodle", "Canvas", "Brightspace", "PlusPort", "aNewSpring"):
        assert name in headings, name
    text = soup.select_one("article").get_text(" ")
    for fact in ("cesuur", "eerste poging", "AVG", "Alles wissen", "SCORM 1.2", "SCORM 2004"):
        assert fact in text, fact
    links = {a["href"].rsplit("/", 1)[-1] for a in soup.select("a.cursus-download")}
    assert {lms.SCORM12.zip_name, lms.SCORM2004.zip_name, "handleiding-leeromgeving.pdf"} <= links
    for name in links:
        assert (built_html / "downloads" / name).exists(), f"downloads/{name} is missing: run `make book`"


def test_handbook_leaves_the_organisation_part_out_and_the_guide_has_it(built_html):
    from bs4 import BeautifulSoup
    from conftest import pdf_text

    handbook = BeautifulSoup((lms.ROOT / "_build" / "print" / "handboek.html").read_text(encoding="utf-8"),
                             "html.parser")
    assert not handbook.select('[id^="document-book/organisaties"]')
    assert handbook.select('[id^="document-book/m1-spectrum"]')       # control: a part it does keep
    pages = pdf_text(GUIDE_PDF)
    whole = " ".join(pages)
    assert "handleiding voor de leeromgeving" in pages[0].lower()
    for fact in ("Moodle", "aNewSpring", "Wat de leeromgeving vastlegt", "Wat in de browser blijft", "De AVG"):
        assert fact in whole, fact
    assert "Module 1" not in whole.split("Inhoud", 1)[-1][:400]


# --- the accreditation dossier ---------------------------------------------------------------------


def test_stated_minutes_are_read_from_the_module_page(tmp_path):
    from tools.lms import dossier

    page = tmp_path / "index.md"
    page.write_text("# M\n\n## Duur\n\n| Onderdeel | Minuten |\n|---|---|\n| Lezen | 25 |\n| **Totaal** | **70** |\n\n"
                    "## Verder\n\n| x | 99 |\n", encoding="utf-8")
    assert dossier.stated_minutes(page) == {"Lezen": 25, "Totaal": 70}
    assert dossier.plain("zoals {term}`afkappunten <afkappunt>` en {term}`FoMO`") == "zoals afkappunten en FoMO"


def test_dossier_study_load_is_computed_and_checked_against_the_stated_times(built_html, monkeypatch):
    from course import model
    from tools.lms import dossier

    index = model.load_index(built_html)
    loads = dossier.loads(index, built_html)
    assert [x.module for x in loads] == [m["caption"] for m in index["modules"]]
    for load in loads:
        assert load.words > 1000 and load.reading > 10 and load.exercises > 10, load
        assert load.stated.get("Totaal"), load.module
    html_text, _ = dossier.body(index, built_html)
    assert html_text.count("<td>klopt</td>") == len(loads)
    # control: a stated time far from the computed one is marked
    monkeypatch.setattr(dossier, "stated_minutes", lambda source: {"Totaal": 20})
    marked, _ = dossier.body(index, built_html)
    assert "<td>klopt</td>" not in marked and marked.count("wijkt +") == len(loads)
    assert "{term}" not in html_text and "&lt;script" not in html_text


def test_dossier_pdf(built_html):
    from conftest import pdf_text

    from tools import lms

    assert lms.DOSSIER.exists(), "run `make book` (tools.lms writes the dossier)"
    whole = " ".join(pdf_text(lms.DOSSIER))
    for fact in ("Accreditatiedossier".upper(), "Leerdoelen en inhoud per module", "Studiebelasting", "Toetsing",
                 "Cesuur: 70% goed", "SKJ", "V&VN", "Registerplein", "Dit dossier is geen accreditatie",
                 "klachtenregeling", "jongerenwerkers"):
        assert fact in whole, fact
    assert "{term}" not in whole
    assert (built_html / "downloads" / lms.DOSSIER.name).read_bytes() == lms.DOSSIER.read_bytes()


def test_dossier_blueprint_from_the_item_bank(built_html):
    """The dossier's blueprint table counts the real item bank (course.toets) per module and level."""
    from course import model, toets
    from tools.lms import dossier

    bank = toets.load_bank()
    table = dossier.blueprint()
    assert sum(sum(row.values()) for row in table.values()) == len(bank.questions)
    for m in {q.module for q in bank.questions}:
        for level in toets.LEVELS:
            wanted = sum(1 for q in bank.questions if q.module == m and q.niveau == level)
            assert table[f"Module {m}"][level] == wanted
    text, _ = dossier.body(model.load_index(built_html), built_html)
    first = table["Module 1"]
    row = "".join(f"<td>{n}</td>" for n in (*first.values(), sum(first.values())))
    assert "Toetsmatrijs" in text and f"<tr><td>Module 1</td>{row}</tr>" in text


def test_dossier_stops_on_a_bank_that_cannot_be_read(monkeypatch):
    from course import toets
    from tools.lms import dossier

    def broken():
        raise toets.ToetsError("vragenbank: kapot")
    monkeypatch.setattr(toets, "load_bank", broken)
    with pytest.raises(toets.ToetsError):
        dossier.blueprint()

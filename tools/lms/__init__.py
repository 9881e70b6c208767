"""SCORM packages of the built site for an organisation's learning platform (LMS).

``python -m tools.lms`` (run by ``make book`` after the print editions) writes
``_build/lms/<slug>-scorm12.zip`` and ``_build/lms/<slug>-scorm2004.zip`` (4th edition) and copies
both into the site's ``downloads/``. Each package is one SCO:

- ``start.html`` (the launch page) finds the LMS API the standard way (``API`` for 1.2,
  ``API_1484_11`` for 2004, walking ``window.parent`` and then ``window.opener``), initialises the
  session once, restores the course state from ``suspend_data`` into localStorage (resume on
  another computer), and shows the built site in a frame, so that the session survives every
  page change. It exposes ``window.cursusLMS``, which ``cursus-lms.js`` on every site page uses;
- ``site/`` is ``_build/html`` as built, the in-browser Python runtime included; download links
  to files the package does not carry become text that says where to find them;
- ``imsmanifest.xml`` lists every file; the schema files the manifest names lie beside it.

Nothing in a package loads from another host, and the launch page has its own
Content-Security-Policy. The zips are deterministic: entries sorted, fixed timestamps and
permissions, so two builds from the same site are byte-identical (tests/test_scorm.py).
"""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from course import ROOT, outputs
from course import vocabulary as V
from tools import archive

SITE = outputs.SITE
OUT = outputs.LMS
HERE = Path(__file__).resolve().parent
SCHEMAS = HERE / "schemas"
STATIC = HERE / "static"
#: Where the site lies inside a package.
SITE_DIR = "site"
#: The launch page of the SCO.
START = "start.html"
#: The fixed timestamp on every zip entry.
ZIP_TIME = archive.ZIP_TIME


@dataclass(frozen=True)
class Version:
    """One SCORM version: its name, the schema folder, the files of that folder to ship."""

    key: str            # "scorm12" / "scorm2004"
    label: str          # what the launch page and the manifest say
    api: str            # the name of the API object in the LMS's window
    schemas: str        # folder under tools/lms/schemas/
    manifest_ns: str    # the manifest's default namespace

    @property
    def zip_name(self) -> str:
        return f"{V.LMS_SLUG}-{self.key}.zip"


SCORM12 = Version("scorm12", "1.2", "API", "scorm12edition", "http://www.imsproject.org/xsd/imscp_rootv1p1p2")
SCORM2004 = Version("scorm2004", "2004", "API_1484_11", "scorm20044thedition", "http://www.imsglobal.org/xsd/imscp_v1p1")
VERSIONS = (SCORM12, SCORM2004)


def test_settings(root: Path = ROOT) -> dict:
    """The final test's length and pass mark, from ``course.toets.settings()`` (``cursus_eindtoets``
    in ``_config.yml``); a value that makes no test stops the build with its Dutch reason."""
    from course import toets

    try:
        found = toets.settings(root)
    except toets.ToetsError as error:
        raise SystemExit(f"lms: {error}") from None
    return {"lengte": int(found["lengte"]), "cesuur": float(found["cesuur"])}


def course_facts(root: Path = ROOT) -> dict[str, str]:
    """Title and version from _config.yml (the one place for them)."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    subs = (config.get("parse") or {}).get("myst_substitutions") or {}
    return {"title": str(config.get("title", "")), "version": str(subs.get("versie", "0"))}


# --- the files of a package ----------------------------------------------------------------------

#: Files of the built site a package leaves out: the SCORM packages themselves and what is made
#: from them (the admin guide and dossier link to the packages), Sphinx's page sources.
SKIP_TOP = {"_sources", ".buildinfo"}
_DOWNLOAD_LINK = re.compile(r'<a\s(?=[^>]*\bclass="cursus-download)[^>]*\bhref="[^"]*downloads/(?P<name>[^"#]+)"'
                            r'[^>]*>(?P<text>.*?)</a>', re.S)
_DOWNLOAD_INFO = re.compile(r'<span class="cursus-download-info">[^<]*</span>')


#: The accreditation dossier (tools/lms/dossier.py), written next to the print editions.
DOSSIER = outputs.PDF / "accreditatiedossier.pdf"


def lms_downloads() -> set[str]:
    """File names in downloads/ that tools.lms itself writes (never packaged: a second build must
    give the same zips as the first)."""
    return {v.zip_name for v in VERSIONS} | {DOSSIER.name}


def site_files(site: Path = SITE) -> dict[str, Path]:
    """The site's files a package carries: {path in the package: file}, sorted."""
    skip = {f"downloads/{name}" for name in lms_downloads()}
    files = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and rel.split("/")[0] not in SKIP_TOP and rel not in skip:
            files[f"{SITE_DIR}/{rel}"] = path
    return files


def offline_links(text: str, carried: set[str]) -> str:
    """Download links to files the package does not carry become text that says so (the size info
    the downloads step adds, or not, makes no difference: the result is the same)."""
    def replace(m: re.Match) -> str:
        if m.group("name") in carried:
            return m.group(0)
        text = _DOWNLOAD_INFO.sub("", m.group("text"))
        return f'<span class="cursus-download-elders">{text} (alleen via de website)</span>'
    return _DOWNLOAD_LINK.sub(replace, text)


def launch_page(version: Version, facts: dict[str, str]) -> str:
    """start.html: the SCO's launch page, with its own Content-Security-Policy."""
    template = (STATIC / "start.html").read_text(encoding="utf-8")
    return (template.replace("{{versie-scorm}}", version.label)
            .replace("{{titel}}", html.escape(facts["title"]))
            .replace("{{site}}", SITE_DIR))


def contents(version: Version, site: Path = SITE) -> dict[str, bytes]:
    """Every file of one package except the manifest: {path: bytes}."""
    facts = course_facts()
    files = site_files(site)
    carried = {rel.split("/downloads/", 1)[1] for rel in files if rel.startswith(f"{SITE_DIR}/downloads/")}
    out: dict[str, bytes] = {}
    for rel, path in files.items():
        if path.suffix == ".html" and "cursus-download" in (text := path.read_text(encoding="utf-8")):
            out[rel] = offline_links(text, carried).encode("utf-8")
        else:
            out[rel] = path.read_bytes()
    out[START] = launch_page(version, facts).encode("utf-8")
    for name in ("start.js", "start.css"):
        out[name] = (STATIC / name).read_bytes()
    return out


def schema_files(version: Version) -> dict[str, bytes]:
    """The schema files the manifest names, shipped beside it (SCORM's conformance rule)."""
    return {p.name: p.read_bytes() for p in sorted((SCHEMAS / version.schemas).iterdir()) if p.is_file()}


# --- the manifests ---------------------------------------------------------------------------------

#: xsi:schemaLocation of each manifest: namespace and the schema file beside the manifest.
LOCATIONS = {
    SCORM12.key: " ".join([
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd",
        "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd",
        "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"]),
    SCORM2004.key: " ".join([
        "http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd",
        "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd",
        "http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"]),
}


def _files_xml(paths: list[str], indent: str) -> str:
    return "\n".join(f'{indent}<file href="{html.escape(p, quote=True)}"/>' for p in paths)


def manifest(version: Version, files: list[str]) -> str:
    """imsmanifest.xml for one version; ``files`` are the package's content files (sorted)."""
    facts = course_facts()
    test = test_settings()
    title = html.escape(facts["title"])
    ver = html.escape(facts["version"])
    ident = f"{V.LMS_SLUG}-{version.key}"
    listing = _files_xml([START, *[f for f in files if f != START]], "      ")
    if version is SCORM12:
        mastery = round(test["cesuur"] * 100)
        return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{ident}" version="{ver}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="{LOCATIONS[SCORM12.key]}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="ORG-{V.LMS_SLUG}">
    <organization identifier="ORG-{V.LMS_SLUG}">
      <title>{title}</title>
      <item identifier="ITEM-{V.LMS_SLUG}" identifierref="RES-{V.LMS_SLUG}" isvisible="true">
        <title>{title}</title>
        <adlcp:masteryscore>{mastery}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="RES-{V.LMS_SLUG}" type="webcontent" adlcp:scormtype="sco" href="{START}">
{listing}
    </resource>
  </resources>
</manifest>
"""
    passing = f"{test['cesuur']:.4f}".rstrip("0").rstrip(".")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{ident}" version="{ver}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="{LOCATIONS[SCORM2004.key]}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="ORG-{V.LMS_SLUG}">
    <organization identifier="ORG-{V.LMS_SLUG}">
      <title>{title}</title>
      <item identifier="ITEM-{V.LMS_SLUG}" identifierref="RES-{V.LMS_SLUG}" isvisible="true">
        <title>{title}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="eindtoets" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>{passing}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="RES-{V.LMS_SLUG}" type="webcontent" adlcp:scormType="sco" href="{START}">
{listing}
    </resource>
  </resources>
</manifest>
"""


# --- the zip ---------------------------------------------------------------------------------------

def write_zip(target: Path, entries: dict[str, bytes]) -> None:
    """A deterministic zip (the project's one writer, tools/archive.py)."""
    archive.write_zip(target, entries)


def package(version: Version, site: Path = SITE, out: Path = OUT) -> Path:
    """Build one package; returns the zip."""
    if not (site / "book" / "index.html").exists():
        raise SystemExit(f"lms: {site} holds no built site; run `make html` first")
    files = contents(version, site)
    entries = {**files, **schema_files(version), "imsmanifest.xml": manifest(version, sorted(files)).encode("utf-8")}
    target = out / version.zip_name
    write_zip(target, entries)
    return target


def publish(zips: list[Path], site: Path = SITE) -> None:
    """Copy the packages (and the dossier) into the site's downloads/ and list them (no page is rewritten)."""
    from tools.printbook import downloads

    target = site / "downloads"
    target.mkdir(parents=True, exist_ok=True)
    for path in zips:
        shutil.copyfile(path, target / path.name)
    downloads.write_list(site)

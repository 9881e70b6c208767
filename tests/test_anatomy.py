"""Every module has the anatomy CONTRIBUTING.md describes (rules in course/anatomy.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import COURSE, ROOT, module_dirs

from course import anatomy, model

MODULES = module_dirs()
IDS = [d.name for d in MODULES]


def test_there_is_at_least_one_module():
    assert MODULES, "no module in _toc.yml"


@pytest.mark.parametrize("module", MODULES, ids=IDS)
def test_module_anatomy_is_complete(module: Path):
    assert anatomy.problems(module) == []


def test_toc_gives_every_module_pages_notebook_selfcheck_and_closing():
    assert anatomy.toc_problems(COURSE) == []
    for m in COURSE.modules:
        assert m.pages and m.notebook and m.docs[-2:] == (m.selfcheck, m.closing)


def test_toc_checker_reports_a_module_without_notebook_or_closing(tmp_path):
    """The toc check must be able to fail: a module whose toc entry lacks its notebook and ends
    on a content page."""
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    broken = toc.replace("          - file: exercises/m1-spectrum\n", "").replace(
        "          - file: book/m1-spectrum/afsluiting\n", "", 1)
    assert broken != toc
    (tmp_path / "_toc.yml").write_text(broken, encoding="utf-8")
    course = model.load(tmp_path)
    found = "\n".join(anatomy.toc_problems(course))
    assert "Module 1: geen notebook" in found and "Module 1: geen afsluiting" in found


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
        assert listed.get(number) == total, (
            f"over.md says {listed.get(number)} min for module {number}, its Duur says {total}")

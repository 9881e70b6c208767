"""The linters are part of the inner loop (issue 23): ruff (Python) and eslint (JavaScript) report
nothing on the repository, each with a control that shows it still finds something."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from course import ROOT

RUFF = Path(sys.executable).with_name("ruff")
ESLINT = ROOT / "node_modules" / ".bin" / "eslint"


def _run(command: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_ruff_reports_nothing():
    result = _run([str(RUFF), "check", "--output-format", "concise", "."])
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_ruff_control_finds_an_unused_import(tmp_path):
    shutil.copy(ROOT / "ruff.toml", tmp_path / "ruff.toml")
    (tmp_path / "probe.py").write_text("import os\n", encoding="utf-8")
    result = _run([str(RUFF), "check", "--output-format", "concise", "."], cwd=tmp_path)
    assert result.returncode == 1 and "F401" in result.stdout


@pytest.mark.skipif(not ESLINT.exists(), reason="npm ci has not run (make does it)")
def test_eslint_reports_nothing():
    result = _run([str(ESLINT), "."])
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


@pytest.mark.skipif(not ESLINT.exists(), reason="npm ci has not run (make does it)")
def test_eslint_control_finds_an_undefined_name(tmp_path):
    # The project's own configuration, on a copy of the layout it names, outside the repository.
    shutil.copy(ROOT / "eslint.config.mjs", tmp_path / "eslint.config.mjs")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    (tmp_path / "book" / "_static").mkdir(parents=True)
    (tmp_path / "book" / "_static" / "probe.js").write_text('(function () { "use strict"; nietGedefinieerd(); })();\n',
                                                        encoding="utf-8")
    result = _run([str(ESLINT), "book/_static/probe.js"], cwd=tmp_path)
    assert result.returncode == 1 and "no-undef" in result.stdout, result.stdout + result.stderr

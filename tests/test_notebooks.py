"""Every notebook in the toc executes top to bottom, is stored clean, and stays small."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from conftest import COURSE, EXERCISES, execute_notebook

NOTEBOOKS = [COURSE.source(d).name for d in COURSE.notebooks]


def test_every_module_has_a_notebook():
    assert len(NOTEBOOKS) >= 1


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_stored_without_outputs(name):
    nb = json.loads((EXERCISES / name).read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs", []) == [], f"{name}: stored outputs"
            assert cell.get("execution_count") is None


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_starts_with_a_dutch_title_and_stays_short(name):
    nb = nbformat.read(EXERCISES / name, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# Oefenen:")
    assert "Shift" in first.source, f"{name}: explain how to run a cell"
    assert len(nb.cells) <= 20


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_executes_without_errors(name):
    nb = execute_notebook(name)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert "Traceback" not in out.get("text", ""), f"{name}: a traceback in the output"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_plots_have_alt_text(name):
    nb = nbformat.read(EXERCISES / name, as_version=4)
    executed = execute_notebook(name)
    for cell, done in zip(nb.cells, executed.cells):
        has_image = any(m.startswith("image/") for o in done.get("outputs", []) for m in o.get("data", {}))
        if has_image:
            alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt", "")
            assert len(alt) > 20, f"{name}: a figure without alt text:\n{cell.source[:80]}"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_charts_are_svg_with_their_own_alt_text(name):
    """One chart path: every figure is SVG (crisp on screen and in print) with <title>/<desc>."""
    from conftest import check_chart

    for cell in execute_notebook(name).cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            assert not {"image/png", "image/jpeg"} & set(data), f"{name}: a bitmap figure"
            if "image/svg+xml" in data:
                check_chart(data["image/svg+xml"], data["text/plain"].removeprefix("Figuur: "))


def test_notebooks_import_only_the_shared_helper_package():
    for name in NOTEBOOKS:
        nb = nbformat.read(EXERCISES / name, as_version=4)
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        assert "from cursus" in code, f"{name}: does not use the helper package"
        assert "def " not in code, f"{name}: helper code belongs in exercises/cursus, not in the notebook"


def test_helpers_need_only_the_standard_library_and_drawsvg(tmp_path):
    """The in-browser runtime has the standard library and pure-Python wheels only: every
    helper imports and runs without numpy, matplotlib or IPython (charts then print their
    alt text)."""
    import shutil
    import subprocess
    import sys

    import drawsvg

    shutil.copytree(Path(drawsvg.__file__).parent, tmp_path / "drawsvg")
    script = f"""
import sys
sys.path[:0] = [{str(EXERCISES)!r}, {str(tmp_path)!r}]
from cursus import cirkel, dagboek, spectrum, stemming
stemming.toon_effecten(stemming.maak_metingen())
cirkel.teken_cirkel(["Ik voel me alleen", "Ik scrol door TikTok"])
dagboek.toon_grafiek(dagboek.lees_dagboek({str(EXERCISES / "data" / "dagboek-voorbeeld.csv")!r}))
spectrum.controleer({{"A": "alledaags"}})
geladen = sorted({{m.split(".")[0] for m in sys.modules}} & {{"numpy", "matplotlib", "IPython"}})
print("GELADEN", geladen)
"""
    uit = subprocess.run([sys.executable, "-S", "-I", "-c", script], capture_output=True, text=True,
                         timeout=120)
    assert uit.returncode == 0, uit.stderr
    assert uit.stderr == ""
    assert uit.stdout.count("Figuur: ") == 3
    assert "GELADEN []" in uit.stdout

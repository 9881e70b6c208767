"""How the suite saves repeated work (issue 20), each with a control that shows it can fail:
the build's notebook executions are reused only while current, and the pytest-xdist groups keep a
file's shared work on one worker while test_pages spreads its page visits."""

from __future__ import annotations

import os
import time
from types import SimpleNamespace

import conftest
import nbformat
import pytest


def _notebook(code: str, output: str | None = None) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    cell = nbformat.v4.new_code_cell(code)
    if output is not None:
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=output)]
    nb.cells = [cell]
    return nb


def test_the_builds_notebook_execution_is_reused_only_while_current(tmp_path):
    from jupyter_cache import get_cache

    exercises = tmp_path / "exercises"
    (exercises / "cursus").mkdir(parents=True)
    (exercises / "data").mkdir()
    helper = exercises / "cursus" / "hulp.py"
    helper.write_text("X = 1\n", encoding="utf-8")
    data = exercises / "data" / "d.csv"
    data.write_text("a\n", encoding="utf-8")
    nbformat.write(_notebook("print(1)"), exercises / "n.ipynb")
    past = time.time() - 60
    for path in (helper, data, exercises / "n.ipynb"):
        os.utime(path, (past, past))
    cache_dir = tmp_path / "cache"
    cache = get_cache(str(cache_dir))
    executed = tmp_path / "executed.ipynb"
    nbformat.write(_notebook("print(1)", "1\n"), executed)
    cache.cache_notebook_file(str(executed), check_validity=False)

    def reused(code: str = "print(1)"):
        return conftest._from_build_cache(_notebook(code), "n.ipynb", cache_dir, exercises)

    nb = reused()
    assert nb is not None and nb.cells[0].outputs[0]["text"] == "1\n"
    assert reused("print(2)") is None, "other code: no match"
    for changed in (helper, data):      # what the notebook reads changed after the build ran it
        os.utime(changed, None)
        assert reused() is None, changed.name
        os.utime(changed, (past, past))
    assert reused() is not None
    assert conftest._from_build_cache(_notebook("print(1)"), "n.ipynb", tmp_path / "none", exercises) is None


class _Item:
    def __init__(self, nodeid: str, module=None, params: dict | None = None, marks=()):
        self.nodeid, self.module, self.marks = nodeid, module, list(marks)
        if params is not None:
            self.callspec = SimpleNamespace(params=params)

    def iter_markers(self, name: str):
        return (m for m in self.marks if m.name == name)

    def add_marker(self, mark) -> None:
        self.marks.append(getattr(mark, "mark", mark))


def _groups(items) -> list[str]:
    conftest.pytest_collection_modifyitems(items)
    return [next(i.iter_markers("xdist_group")).args[0] for i in items]


def test_every_test_runs_in_its_files_group_and_test_pages_splits_its_visits(monkeypatch):
    import test_pages

    # The grouping rule on pages of its own, so that the check needs no built site.
    monkeypatch.setattr(test_pages, "PAGES", ["book/a.html", "book/b.html", "book/c.html", "index.html"])
    plain = SimpleNamespace()
    a, b = test_pages.PAGES[0], test_pages.PAGES[-1]
    items = [_Item("tests/test_a.py::test_x", plain), _Item("tests/test_a.py::test_y[1]", plain),
             _Item("tests/test_b.py::test_z", plain),
             _Item("tests/test_c.py::test_w", plain, marks=[pytest.mark.xdist_group("eigen").mark]),
             *(_Item(f"tests/test_pages.py::t[{p}-{s}]", test_pages, {"path": p, "scheme": s})
               for p in (a, b) for s in test_pages.SCHEMES),
             _Item(f"tests/test_pages.py::weight[{a}]", test_pages, {"path": a}),
             _Item("tests/test_pages.py::test_the_policy_check_sees_a_violation", test_pages)]
    groups = _groups(items)
    assert groups[:4] == ["tests/test_a.py", "tests/test_a.py", "tests/test_b.py", "eigen"]
    visits = groups[4:8]
    assert len(set(visits)) == 4, "each scheme and half of the pages is a group of its own"
    assert groups[8] == visits[0], "the weight check reads the light visit of its own chunk"
    assert groups[9] == "tests/test_pages.py"
    # control: with one chunk, the visits of a scheme would all fall into one group
    assert test_pages.chunk_of(a) != test_pages.chunk_of(b)


def test_the_benchmark_reports_the_ten_slowest_items_of_make_tests_run():
    from tools import benchmark

    assert benchmark.TEST_ARGS == ["-n", "auto", "--dist", "loadgroup"]
    makefile = (conftest.ROOT / "Makefile").read_text(encoding="utf-8")
    command = "$(PY) -m pytest " + " ".join(benchmark.TEST_ARGS) + "\n"
    assert command in makefile, "the benchmark runs what make test runs"
    out = "\n".join(["....", "=" * 20 + " slowest 10 durations " + "=" * 20,
                     *(f"{30 - n}.00s call     tests/test_x.py::test_{n}" for n in range(12)),
                     "", "1282 passed in 201.00s"])
    items = benchmark.slowest_items(out)
    assert len(items) == 10 and items[0].endswith("test_0") and items[-1].endswith("test_9")
    assert benchmark.slowest_items("1282 passed in 201.00s") == []   # control: no block, nothing made up


def test_wheels_from_the_venv_hold_the_pinned_versions_and_refuse_others(tmp_path):
    """The Oefenpakket test installs offline from wheels packed from this venv (tests/wheels.py)."""
    import zipfile
    from importlib.metadata import version

    import wheels

    names = {d.metadata["Name"].lower().replace("_", "-") for d in wheels.closure([f"nbclient=={version('nbclient')}"])}
    assert {"nbclient", "jupyter-client", "traitlets", "nbformat"} <= names
    with pytest.raises(LookupError):     # control: a version the venv does not have is not faked
        wheels.closure(["nbclient==0.0.1"])
    (dist,) = [d for d in wheels.closure(["traitlets"]) if d.metadata["Name"] == "traitlets"]
    whl = wheels.pack(dist, tmp_path)
    assert whl.name.startswith(f"traitlets-{version('traitlets')}-")
    with zipfile.ZipFile(whl) as z:
        names = z.namelist()
        record = z.read(next(n for n in names if n.endswith(".dist-info/RECORD"))).decode()
    assert "traitlets/__init__.py" in names and not [n for n in names if "__pycache__" in n]
    assert all(n in record for n in names)


def test_pdf_text_is_shared_between_workers_and_follows_the_pdf(tmp_path, monkeypatch):
    from weasyprint import HTML

    monkeypatch.setattr(conftest, "PDF_TEXT_CACHE", tmp_path / "cache")
    pdf = tmp_path / "proef.pdf"
    HTML(string="<p>Eerste versie</p>").write_pdf(str(pdf))
    assert conftest.pdf_text(pdf) == ["Eerste versie"]
    (stored,) = (tmp_path / "cache").glob("proef-*.json")
    stored.write_text('["wat een andere worker al las"]', encoding="utf-8")
    conftest._pdf_text.clear()                      # a new worker: nothing in memory
    assert conftest.pdf_text(pdf) == ["wat een andere worker al las"]
    HTML(string="<p>Tweede versie</p>").write_pdf(str(pdf))
    conftest._pdf_text.clear()
    assert conftest.pdf_text(pdf) == ["Tweede versie"], "control: a new PDF is read again"

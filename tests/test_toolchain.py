"""The toolchain the project decided on (README, ARCHITECTURE.md) stays pinned."""

import re
from importlib.metadata import version

from conftest import ROOT


def test_jupyter_book_is_version_1():
    # Jupyter Book 2 is a different (Node-based) program that ignores _config.yml/_toc.yml.
    major = int(version("jupyter-book").split(".")[0])
    assert major == 1, f"jupyter-book {version('jupyter-book')} is installed; this course needs 1.x"


def test_theme_and_sphinx_versions_fit_jupyter_book_1():
    assert version("sphinx-book-theme") == "1.3.0"
    assert int(version("sphinx").split(".")[0]) == 7


def test_every_requirement_is_pinned_exactly():
    lines = [l.strip() for l in (ROOT / "requirements.txt").read_text().splitlines()]
    reqs = [l for l in lines if l and not l.startswith("#")]
    assert len(reqs) > 20
    loose = [r for r in reqs if not re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[A-Za-z0-9_.+\-]+", r)]
    assert loose == [], f"not pinned with ==: {loose}"
    names = [r.split("==")[0].lower().replace("_", "-") for r in reqs]
    assert len(names) == len(set(names)), "a package is pinned twice"
    assert "jupyter-book==1.0.4.post1" in reqs


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme
    assert re.search(r"^make test$", ci, re.M)

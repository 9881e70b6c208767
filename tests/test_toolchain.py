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


def _pins(lines) -> dict[str, str]:
    out = {}
    for line in lines:
        m = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s\\]+)", line)
        if m:
            out[re.sub(r"[-_.]+", "-", m.group(1)).lower()] = m.group(2)
    return out


def _lock_entries(text: str) -> dict[str, str]:
    """requirements.lock as {canonical name: the whole entry (pin, hashes, "# via" lines)}."""
    entries = {}
    for entry in re.split(r"\n(?=[A-Za-z0-9])", text):
        m = re.match(r"([A-Za-z0-9_.\-]+)==", entry)
        if m:
            entries[re.sub(r"[-_.]+", "-", m.group(1)).lower()] = entry
    return entries


def test_the_hashed_lock_matches_the_requirements():
    """requirements.lock (what `make` installs with --require-hashes) is requirements.txt compiled
    (`make lock`): every direct pin at the same version, every entry with at least one sha256 hash,
    and nothing in the lock that no listed package needs (pip-compile's "# via" says why each is there)."""
    wanted = _pins((ROOT / "requirements.txt").read_text().splitlines())
    text = (ROOT / "requirements.lock").read_text()
    locked = _pins(text.splitlines())
    assert {k: v for k, v in locked.items() if k in wanted} == wanted, "run `make lock`"
    entries = _lock_entries(text)
    assert set(entries) == set(locked)
    for name, entry in entries.items():
        assert "--hash=sha256:" in entry, name
        assert "# via" in entry, f"{name} is in the lock but nothing asks for it: run `make lock`"
        if name in wanted:
            assert "-r requirements.txt" in entry, f"{name}: listed, but the lock does not say so"
    assert len(locked) > len(wanted), "the lock holds the transitive packages, the list does not"


def test_the_list_holds_direct_dependencies_each_with_a_reason():
    """requirements.txt lists what the project imports or runs, not the packages those pull in: every
    pin sits under a comment that says why, and no pin is one that only another listed package needs
    (a transitive package listed by hand would freeze the resolver, as 0.2.0's 127 hand pins did)."""
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    commented = False
    for line in lines:
        if line.startswith("#"):
            commented = True
        elif not line.strip():
            commented = False
        else:
            assert commented, f"no comment says why {line} is here"
    wanted = _pins(lines)
    assert len(wanted) < 60, f"{len(wanted)} pins: only direct dependencies belong in requirements.txt"


def test_make_installs_the_lock_with_hash_checking():
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes -r requirements.lock" in makefile
    assert "pip install --quiet --upgrade pip" not in makefile
    # pip comes first, from its own hashed lines of the lock, before the rest (pip 23.2.1 refuses the lock)
    stamp = makefile[makefile.index("$(STAMP): requirements.lock"):makefile.index("@touch $@")]
    assert stamp.index("--no-deps -r $(VENV)/pip.lock") < stamp.index("-r requirements.lock\n")


def test_the_pip_lines_the_makefile_extracts_are_pips_whole_entry():
    """The Makefile's sed range takes pip's pin and hashes and nothing else (run here on the real lock)."""
    import subprocess

    makefile = (ROOT / "Makefile").read_text()
    expr = re.search(r"sed -n '([^']+)' requirements.lock", makefile).group(1).replace("$$", "$")
    out = subprocess.run(["sed", "-n", expr, str(ROOT / "requirements.lock")], capture_output=True,
                         text=True, check=True).stdout
    pins = _pins(out.splitlines())
    assert pins == {"pip": _pins((ROOT / "requirements.txt").read_text().splitlines())["pip"]}
    assert out.count("--hash=sha256:") >= 1


def test_npm_packages_are_pinned_exactly_with_integrity_hashes():
    """Front-end assets (pyodide, reveal.js) and Node tools (DAISY Ace): exact versions in
    package.json, every package in package-lock.json with its integrity hash (what `npm ci` checks)."""
    import json

    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    wanted = {**manifest.get("dependencies", {}), **manifest.get("devDependencies", {})}
    assert {"pyodide", "reveal.js", "@daisy/ace-cli"} <= set(wanted)
    loose = {k: v for k, v in wanted.items() if not re.fullmatch(r"\d+\.\d+\.\d+", v)}
    assert loose == {}, f"not pinned exactly: {loose}"
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    packages = {k: v for k, v in lock["packages"].items() if k}
    assert all(packages[f"node_modules/{name}"]["version"] == version for name, version in wanted.items())
    assert [k for k, v in packages.items() if "integrity" not in v and not v.get("link")] == []

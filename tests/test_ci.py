"""The CI workflows (issue 20): actions pinned by commit SHA, and a weekly job that installs the
lock from scratch with the oldest pip the README supports and with the newest, then runs
`make test-fast`."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LOCK_JOB = ROOT / ".github" / "workflows" / "lock.yml"


def _uses(workflow: dict) -> list[str]:
    return [step["uses"] for job in workflow["jobs"].values() for step in job.get("steps", []) if "uses" in step]


def pinned_by_sha(uses: str) -> bool:
    return re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}", uses) is not None


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_sha(path):
    uses = _uses(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert uses, f"{path.name} uses no action"
    assert [u for u in uses if not pinned_by_sha(u)] == []


def test_a_tag_is_not_a_pin():
    """Control: the rule refuses a tag or a branch."""
    assert not pinned_by_sha("actions/checkout@v4")
    assert not pinned_by_sha("actions/checkout@main")
    assert pinned_by_sha("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683")


def test_the_weekly_job_installs_the_lock_from_scratch_with_the_oldest_and_newest_pip():
    text = LOCK_JOB.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert re.fullmatch(r"\d+ \d+ \* \* [0-6]", triggers["schedule"][0]["cron"]), "weekly"
    (job,) = workflow["jobs"].values()
    pips = job["strategy"]["matrix"]["pip"]
    oldest = re.search(r"the pip a new venv starts with, ([\d.]+)", (ROOT / "README.md").read_text()).group(1)
    assert pips == [oldest, "newest"]
    assert job["env"]["PIP_NO_CACHE_DIR"] == "1"
    assert "cache" not in str(job.get("steps")).replace("PIP_NO_CACHE_DIR", "")
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "python3 -m venv .venv" in runs and "make test-fast" in runs
    # the venv starts with that pip; make then installs pip from the lock, then the lock
    assert "pip==${{ matrix.pip }}" in runs and "--upgrade pip" in runs

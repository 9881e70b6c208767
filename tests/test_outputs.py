"""The site is final when Sphinx ends (issue 23): no later step rewrites a page, download links use
the registry's names (course/outputs.py), and every download a page links is in the list the
print step writes."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from course import outputs
from course.sphinxext import downloads

pytestmark = pytest.mark.built


def test_no_step_after_sphinx_rewrites_a_page(built_html):
    # make book ran Sphinx, then the print step and the LMS step, which copy into downloads/.
    recorded = json.loads(outputs.PAGE_HASHES.read_text(encoding="utf-8"))
    assert len(recorded) >= 50
    now = downloads.page_hashes(built_html)
    changed = sorted(name for name in recorded if now.get(name) != recorded[name])
    assert changed == [], f"rewritten after the build: {changed}"
    assert sorted(set(now) - set(recorded)) == [], "pages added after the build"


def test_control_a_rewritten_page_is_seen(tmp_path):
    (tmp_path / "a.html").write_text("<p>een</p>", encoding="utf-8")
    before = downloads.page_hashes(tmp_path)
    (tmp_path / "a.html").write_text("<p>een (PDF, 1 kB)</p>", encoding="utf-8")
    assert downloads.page_hashes(tmp_path) != before


def _listed(site) -> dict[str, int]:
    text = (site / outputs.DOWNLOADS_DIR / outputs.DOWNLOAD_LIST).read_text(encoding="utf-8")
    found = re.fullmatch(r"window\.cursusDownloads = (\{.*\});\n", text, re.S)
    assert found, "downloads/lijst.js is not one JSON assignment"
    return json.loads(found.group(1))


def test_every_download_link_names_a_listed_file(built_html):
    listed = _listed(built_html)
    folder = built_html / outputs.DOWNLOADS_DIR
    for name, size in listed.items():
        assert (folder / name).stat().st_size == size, name
    missing = []
    for page in built_html.rglob("*.html"):
        if page.relative_to(built_html).parts[0] == outputs.DOWNLOADS_DIR:
            continue
        text = page.read_text(encoding="utf-8")
        if "cursus-download" not in text:
            continue
        for link in BeautifulSoup(text, "html.parser").select("a.cursus-download"):
            target = (page.parent / link["href"].split("#")[0]).resolve()
            name = target.relative_to(folder.resolve()).as_posix() if folder.resolve() in target.parents else None
            if name not in listed:
                missing.append(f"{page.relative_to(built_html)}: {link['href']}")
    assert missing == []


def test_the_list_is_data_not_code():
    script = downloads.list_script({'a";alert(1);".pdf': 5, "</script>.zip": 7})
    payload = re.fullmatch(r"window\.cursusDownloads = (\{.*\});\n", script, re.S).group(1)
    assert json.loads(payload) == {'a";alert(1);".pdf': 5, "</script>.zip": 7}

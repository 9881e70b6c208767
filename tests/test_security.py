"""Security round 3 (issue 26), the checks that need no browser: every HTML document on the site's
origin carries a strict policy, and the build tools publish nothing from outside the repository.
The browser checks (decks under attack, the worker, charts, the journal) are in
tests/test_security_site.py. Each rule has a control that shows it can fail."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import HTML

#: Sources a policy may never allow for scripts (anything that lets text become script).
UNSAFE_SCRIPT = ("'unsafe-inline'", "*", "data:", "blob:", "http:", "https:")


def policy_problems(html: str) -> list[str]:
    """What is wrong with the Content-Security-Policy of one HTML document ([] = sound).

    The policy must be a meta element before any script, style or link (a meta policy governs
    only what comes after it), start from ``default-src 'none'``, allow scripts only from the
    site or by hash, and name no other host for anything."""
    soup = BeautifulSoup(html, "html.parser")
    metas = soup.find_all("meta", attrs={"http-equiv": re.compile("^content-security-policy$", re.I)})
    if len(metas) != 1:
        return [f"{len(metas)} policies"]
    meta = metas[0]
    problems = []
    earlier = meta.find_all_previous(["script", "style", "link"])
    if earlier:
        problems.append(f"{len(earlier)} script/style/link before the policy")
    directives = {}
    for part in meta.get("content", "").split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    if directives.get("default-src") != ["'none'"]:
        problems.append(f"default-src {directives.get('default-src')}")
    script = directives.get("script-src", directives.get("default-src", []))
    for source in script:
        if source in UNSAFE_SCRIPT:
            problems.append(f"script-src allows {source}")
    for name, sources in directives.items():
        for source in sources:
            if re.match(r"^(https?:)?//|^[a-z0-9.-]+\.[a-z]{2,}", source):
                problems.append(f"{name} allows the host {source}")
    if directives.get("object-src") != ["'none'"] or directives.get("base-uri") != ["'none'"]:
        problems.append("object-src or base-uri is not 'none'")
    return problems


def every_html_file() -> list[Path]:
    return sorted(HTML.rglob("*.html")) if HTML.exists() else []


def test_every_html_file_under_the_site_has_a_sound_policy(built_html):
    files = every_html_file()
    decks = [f for f in files if f.parent.parent.name == "workshop" and f.name.startswith("presentatie")]
    assert len(files) > 50 and decks, (len(files), decks)
    bad = {str(f.relative_to(built_html)): p for f in files if (p := policy_problems(f.read_text(encoding="utf-8")))}
    assert not bad, bad


@pytest.mark.parametrize("html, expected", [
    ("<html><head><title>x</title></head><body></body></html>", "0 policies"),
    ('<html><head><script src="a.js"></script><meta http-equiv="Content-Security-Policy" '
     "content=\"default-src 'none'; script-src 'self'; object-src 'none'; base-uri 'none'\"></head></html>",
     "before the policy"),
    ('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
     "script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'\"></head></html>",
     "'unsafe-inline'"),
    ('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
     "img-src https://example.org; object-src 'none'; base-uri 'none'\"></head></html>", "host"),
])
def test_the_policy_check_fails_on_a_bad_document(html, expected):
    assert any(expected in p for p in policy_problems(html)), policy_problems(html)


def test_every_svg_under_the_site_is_inert(built_html):
    """An SVG file opened on its own is a document of the site's origin: no script may sit in one."""
    svgs = sorted(built_html.rglob("*.svg"))
    assert svgs
    bad = [str(s.relative_to(built_html)) for s in svgs if svg_problems(s.read_text(encoding="utf-8"))]
    assert not bad, bad


def svg_problems(svg: str) -> list[str]:
    found = re.findall(r"<(?:\w+:)?(script|foreignObject|iframe|object|embed)\b|\son\w+\s*=|javascript:", svg, re.I)
    return [f or "handler/javascript" for f in found]


def test_the_svg_check_sees_a_script():
    assert svg_problems('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    assert svg_problems('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>')
    assert not svg_problems('<svg xmlns="http://www.w3.org/2000/svg"><title>ok</title></svg>')

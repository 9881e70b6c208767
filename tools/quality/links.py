"""Links in the built site, checked offline.

Every local link (``href``, ``src``) in every HTML page must point to a file that exists,
and a ``#fragment`` must match an ``id`` (or ``<a name>``) in the target page. External
links must use https; they are listed, with the pages that use them, in
``_build/reports/externe-links.txt`` for a periodic manual check (the tests have no network).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from . import ROOT

HTML = ROOT / "_build" / "html"
REPORT = ROOT / "_build" / "reports" / "externe-links.txt"
ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src",
              "iframe": "src", "area": "href", "form": "action"}
NOT_LOCAL = ("mailto:", "tel:", "javascript:", "data:")


def _ids(soup: BeautifulSoup) -> set[str]:
    ids = {t["id"] for t in soup.find_all(id=True)}
    ids |= {t["name"] for t in soup.find_all("a", attrs={"name": True})}
    return ids


def check_site(root: Path = HTML) -> tuple[list[str], dict[str, set[str]]]:
    """(problems, {external url: pages using it}) for the site in ``root``."""
    # _static/ holds the theme's Jinja fragments (webpack-macros.html), not pages
    pages = sorted(p for p in root.rglob("*.html") if not {"_sources", "_static"} & set(p.relative_to(root).parts))
    soups = {p.resolve(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in pages}
    ids = {p: _ids(s) for p, s in soups.items()}
    problems: list[str] = []
    external: dict[str, set[str]] = defaultdict(set)
    for page, soup in soups.items():
        where = str(page.relative_to(root.resolve()))
        for tag, attr in ATTRIBUTES.items():
            for el in soup.find_all(tag, attrs={attr: True}):
                url = el[attr].strip()
                if not url or url.startswith(NOT_LOCAL):
                    continue
                parts = urlsplit(url)
                if parts.scheme in ("http", "https") or url.startswith("//"):
                    if parts.scheme != "https":
                        problems.append(f"{where}: externe link zonder https: {url}")
                    external[url].add(where)
                    continue
                if parts.scheme:
                    problems.append(f"{where}: onbekend soort link: {url}")
                    continue
                target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
                if parts.path.endswith("/") or target.is_dir():
                    target = target / "index.html"
                if not target.exists():
                    problems.append(f"{where}: {url} wijst naar een bestand dat niet bestaat")
                    continue
                fragment = unquote(parts.fragment)
                if fragment and target.suffix == ".html":
                    known = ids.get(target)
                    if known is None:
                        known = _ids(BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser"))
                        ids[target] = known
                    if fragment not in known:
                        problems.append(f"{where}: {url}: het anker #{fragment} bestaat niet")
    return problems, dict(external)


def write_report(external: dict[str, set[str]], target: Path = REPORT) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Externe links in de gebouwde site: controleer ze af en toe met de hand.",
             "# (De tests hebben geen netwerk; dit bestand schrijft tools/quality/links.py.)", ""]
    for url in sorted(external):
        lines.append(url)
        lines.extend(f"    op {p}" for p in sorted(external[url]))
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def main() -> int:
    problems, external = check_site()
    for p in problems:
        print(p)
    path = write_report(external)
    print(f"{len(problems)} problemen; {len(external)} externe links in {path.relative_to(ROOT)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

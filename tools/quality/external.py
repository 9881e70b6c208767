"""Check the external links of the built site online (the scheduled CI job; the tests have no network).

Reads ``_build/reports/externe-links.txt`` (written by ``tools/quality/links.py`` during the tests),
asks every address with a HEAD request (GET when a server refuses HEAD), and prints the addresses
that do not answer with a success or a redirect, with the pages that use them. Exit status 1 when
any link is broken. Usage: ``python -m tools.quality.external [report]``.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import ROOT

REPORT = ROOT / "_build" / "reports" / "externe-links.txt"
TIMEOUT = 20
AGENT = "Mozilla/5.0 (compatible; course-link-check)"


def read_report(path: Path) -> dict[str, list[str]]:
    """{url: [pages]} from the report (a URL line, then indented "op <page>" lines)."""
    links: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith(" "):
            if current:
                links[current].append(line.strip().removeprefix("op ").strip())
        else:
            current = line.strip()
            links[current] = []
    return links


def status(url: str) -> str | None:
    """None when the address answers; otherwise a short reason."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": AGENT})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT):
                return None
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue
            return f"HTTP {exc.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            return str(getattr(exc, "reason", exc))
    return "no answer"


def main(args: list[str]) -> int:
    report = Path(args[0]) if args else REPORT
    links = read_report(report)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(links, pool.map(status, links)))
    broken = {url: reason for url, reason in results.items() if reason}
    for url, reason in sorted(broken.items()):
        print(f"{url}: {reason}")
        for page in links[url]:
            print(f"    on {page}")
    print(f"{len(broken)} of {len(links)} external links do not answer")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

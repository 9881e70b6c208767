"""Lighthouse figures for the learner's site (issue 27), printed by `make benchmark`, never asserted.

Lighthouse 12.2.3 from npm (node_modules/.bin/lighthouse; 12.x is the line that runs on this
machine's Node 20) drives Debian's Chromium in its default mobile profile (a mid-range phone,
4x slower processor, a throttled 4G link, all simulated). The site is served the way a static
host serves it: text files gzip-compressed, with a cache lifetime. Four pages, one per type:
the start page, a module page, a notebook page and the search page with a query.

Usage: `python -m tools.benchmark_lighthouse` (on the existing build), or through
`python -m tools.benchmark --lighthouse-only`.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import json
import mimetypes
import os
import subprocess
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PAGES = {"start page": "book/index.html", "module page": "book/m2-lange-termijn/index.html",
         "notebook page": "exercises/m2-vicieuze-cirkel.html", "search page": "search.html?q=eenzaam"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: What a static host compresses.
COMPRESSED = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".txt", ".wasm", ".map")


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """Files from the site, gzip-compressed when the browser accepts it, cacheable for an hour."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript",
                      ".wasm": "application/wasm", ".svg": "image/svg+xml"}

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        data = path.read_bytes()
        kind = self.extensions_map.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", "public, max-age=3600")
        if path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, 6)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@contextlib.contextmanager
def compressed_host(folder: Path = SITE):
    import functools

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StaticHost, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def lighthouse(url: str) -> dict:
    """Lighthouse's report (mobile profile) for one address."""
    out = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         "--only-categories=" + ",".join(CATEGORIES), "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        cwd=ROOT, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, check=True, timeout=600)
    return json.loads(out.stdout)


def figures() -> list[tuple[str, str]]:
    if not LIGHTHOUSE.exists() or not Path(CHROMIUM).exists():
        return [("lighthouse", "skipped: node_modules/.bin/lighthouse or /usr/bin/chromium is missing")]
    rows = []
    with compressed_host() as base:
        for name, path in PAGES.items():
            report = lighthouse(base + path)
            scores = " · ".join(f"{c} {round(report['categories'][c]['score'] * 100)}" for c in CATEGORIES)
            rows.append((f"lighthouse {report['lighthouseVersion']} mobile, {name} ({path})", scores))
            audits = report["audits"]
            unused = (audits["unused-css-rules"].get("details") or {}).get("overallSavingsBytes", 0)
            rows.append((f"  {name}: layout shift (CLS) · largest paint · unused CSS",
                         f"{audits['cumulative-layout-shift']['numericValue']:.3f} · "
                         f"{audits['largest-contentful-paint']['numericValue'] / 1000:.1f} s · "
                         f"{unused / 1024:.0f} KiB"))
    return rows


def main() -> None:
    rows = figures()
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()

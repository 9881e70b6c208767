"""Print build and page-weight figures for the course (never asserted in tests: machines are noisy).

Usage: `make benchmark [TESTS=1]` (or `python -m tools.benchmark [--tests]`). It removes _build first and
leaves a fresh build behind. Figures, and the ratios the project aims for:

- clean build time of the site (the notebooks executed), and of all PDFs after it
  (ratio: site + PDFs <= 2 x site);
- rebuild time of the site after touching one page (median of three; aim: <= 3.0 s), how many
  notebooks ran then (should be 0), and a rebuild with nothing changed;
- PDF pages and size;
- build time of both SCORM packages (``python -m tools.lms``) and their sizes;
- transfer size and request count of the module 1 page in Chromium (loopback server);
- the heaviest page of the site: its transfer size and request count (every page is loaded
  once, each in a fresh browser context, so nothing comes from the cache);
- the in-browser runtime ("Zelf proberen in je browser" on the module 1 notebook): time from
  the first click until every cell ran (aim: <= 8 s over loopback), the same after a reload with
  the browser cache (aim: <= 3 s), one check run (an edited answer and the cells below it;
  aim: <= 1 s), and the bytes the runtime loads;
- with --tests (`make benchmark TESTS=1`): the test suite as `make test` runs it, on this build:
  its wall and CPU time, pytest's summary and its ten slowest items, and site + PDFs + suite
  (aim for `make test` from a clean clone: <= 4 min). With --runtime-only: only the runtime
  figures, on the existing build;
- Lighthouse's four scores (mobile profile, the site served compressed) for the start, a module,
  a notebook and the search page, with their layout shift (tools/benchmark_lighthouse.py; aim:
  performance >= 95, layout shift <= 0.05). With --lighthouse-only: only those, on the existing build.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BUILD = ROOT / "_build"
CACHE = BUILD / ".jupyter_cache"
TOUCHED_PAGE = ROOT / "book" / "m1-spectrum" / "02-het-spectrum.md"
MODULE_PAGE = "book/m1-spectrum/index.html"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def executed_notebooks() -> dict[str, str]:
    """Notebook URI -> time its cached execution was stored, from jupyter-cache."""
    from jupyter_cache import get_cache

    if not CACHE.exists():
        return {}
    cache = get_cache(str(CACHE))
    return {r.uri: str(r.created) for r in cache.list_cache_records()}


@contextlib.contextmanager
def serve(directory: Path):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the figures readable
        pass


def _weigh(browser, base_url: str, path: str) -> tuple[int, int, int]:
    sizes: dict[str, int] = {}
    urls: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.on("Network.requestWillBeSent", lambda e: urls.append(e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(base_url + path, wait_until="networkidle")
    context.close()
    foreign = [u for u in urls if not u.startswith(base_url) and not u.startswith(("data:", "blob:"))]
    return len(urls), sum(sizes.values()), len(foreign)


def page_weight(base_url: str, path: str) -> tuple[int, int, int]:
    """(requests, bytes transferred, requests to other hosts) for one page load in Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        result = _weigh(browser, base_url, path)
        browser.close()
    return result


def site_pages(html: Path) -> list[str]:
    """Every page of the built site (not the theme's template fragments under _static/)."""
    return sorted(p.relative_to(html).as_posix() for p in html.rglob("*.html")
                  if not p.relative_to(html).parts[0].startswith("_"))


def heaviest_page(base_url: str, html: Path) -> tuple[str, int, int, int]:
    """(path, requests, bytes, requests to other hosts) of the page that transfers most."""
    from playwright.sync_api import sync_playwright

    weights = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in site_pages(html):
            requests, size, foreign = _weigh(browser, base_url, path)
            weights.append((size, path, requests, foreign))
        browser.close()
    size, path, requests, foreign = max(weights)
    return path, requests, size, sum(w[3] for w in weights)


RUNTIME_PAGE = "exercises/m1-spectrum.html"
READY = "document.querySelector('.cursus-oefenen-status').textContent.startsWith('Klaar')"


def runtime_figures(base_url: str) -> list[tuple[str, str]]:
    """Seconds to ready (first click, after a reload), one check run, and bytes the runtime loads."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context()
        page = context.new_page()
        # The worker's requests are not the page's (CDP would miss them): count the context's responses.
        sizes: dict[str, int] = {}
        context.on("response", lambda r: sizes.__setitem__(r.url, int(r.headers.get("content-length", "0"))))
        ready = []
        for _ in range(2):   # the first click, then a reload that may use the browser cache
            page.goto(base_url + RUNTIME_PAGE, wait_until="networkidle")
            sizes.clear()
            start = time.perf_counter()
            page.click(".cursus-oefenen-start")
            page.wait_for_function(READY, timeout=120_000)
            ready.append(time.perf_counter() - start)
            if len(ready) == 1:
                loaded = sum(sizes.values())
        cell = page.locator("div.cell:has(textarea)").first
        note = cell.locator(".cursus-oefenen-melding")
        runs = []
        for answer in ('"alledaags"', '"klachten"', '"aandoening"'):
            cell.locator("textarea").fill(f'mijn_antwoord = {{"A": {answer}}}')
            note.evaluate("n => n.textContent = ''")
            start = time.perf_counter()
            cell.locator("button", has_text="Uitvoeren").click()
            page.wait_for_function("(n) => n.textContent.startsWith('Klaar')", arg=note.element_handle())
            runs.append(time.perf_counter() - start)
        browser.close()
    return [
        (f"runtime ({RUNTIME_PAGE}): ready after the first click  [aim <= 8 s]", f"{ready[0]:.1f} s"),
        ("runtime: ready after a reload, with the browser cache  [aim <= 3 s]", f"{ready[1]:.1f} s"),
        ("runtime: one check run, median of 3  [aim <= 1 s]", f"{statistics.median(runs):.2f} s"),
        ("runtime: bytes loaded after the first click", f"{loaded / 1024 / 1024:.1f} MB"),
    ]


def site_build() -> float:
    return timed([str(BIN / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"])


def lms_figures() -> list[tuple[str, str]]:
    """Build time of the two SCORM packages (from the built site and its downloads) and their sizes."""
    from tools import lms

    seconds = timed([sys.executable, "-m", "tools.lms"])
    out = [("SCORM packages 1.2 + 2004 (tools.lms, from the built site)", f"{seconds:.1f} s")]
    for version in lms.VERSIONS:
        path = lms.OUT / version.zip_name
        out.append((f"{path.name} size", f"{path.stat().st_size / 1e6:.1f} MB"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tests", action="store_true", help="also time the test suite on this build")
    parser.add_argument("--runtime-only", action="store_true",
                        help="only the in-browser runtime, on the existing build")
    parser.add_argument("--lighthouse-only", action="store_true", help="only Lighthouse's scores, this build")
    args = parser.parse_args()
    from tools import benchmark_lighthouse

    if args.lighthouse_only:
        show(benchmark_lighthouse.figures())
        return
    if args.runtime_only:
        with serve(BUILD / "html") as base:
            show(runtime_figures(base))
        return
    shutil.rmtree(BUILD, ignore_errors=True)
    figures: list[tuple[str, str]] = []

    site = site_build()
    figures.append(("site, clean build (notebooks executed)", f"{site:.1f} s"))
    pdfs = timed([sys.executable, "-m", "tools.printbook"])
    figures.append(("PDFs, clean: handbook, trainer guide, worksheets (from the built site)", f"{pdfs:.1f} s"))
    figures.append(("ratio (site + PDFs) / site  [aim <= 2.0]", f"{(site + pdfs) / site:.2f}"))
    figures += lms_figures()

    before = executed_notebooks()
    rebuilds = []
    for _ in range(3):
        TOUCHED_PAGE.touch()
        rebuilds.append(site_build())
    after = executed_notebooks()
    ran = sum(1 for uri, stamp in after.items() if before.get(uri) != stamp)
    edit = statistics.median(rebuilds)
    figures.append((f"site, rebuild after touching {TOUCHED_PAGE.relative_to(ROOT)} (median of 3)  [aim <= 3.0 s]",
                    f"{edit:.1f} s"))
    figures.append(("notebooks executed on those rebuilds", str(ran)))
    figures.append(("site, rebuild with nothing changed", f"{site_build():.1f} s"))

    from pypdf import PdfReader

    pdf = BUILD / "pdf" / "handboek.pdf"
    figures.append(("handbook PDF pages", str(len(PdfReader(str(pdf)).pages))))
    figures.append(("handbook PDF size", f"{pdf.stat().st_size / 1024:.0f} KB"))

    if Path(CHROMIUM).exists():
        with serve(BUILD / "html") as base:
            requests, size, foreign = page_weight(base, MODULE_PAGE)
        figures.append((f"{MODULE_PAGE}: requests", str(requests)))
        figures.append((f"{MODULE_PAGE}: transferred", f"{size / 1024:.0f} KB"))
        figures.append((f"{MODULE_PAGE}: requests to other hosts", str(foreign)))
        with serve(BUILD / "html") as base:
            path, requests, size, foreign_all = heaviest_page(base, BUILD / "html")
        figures.append((f"heaviest page ({path}): requests", str(requests)))
        figures.append((f"heaviest page ({path}): transferred", f"{size / 1024:.0f} KB"))
        figures.append(("all pages: requests to other hosts", str(foreign_all)))
        with serve(BUILD / "html") as base:
            figures += runtime_figures(base)
        figures += benchmark_lighthouse.figures()
    else:
        figures.append(("page weight", "skipped: /usr/bin/chromium is missing (make system-test installs it)"))

    slowest: list[str] = []
    if args.tests:
        t, cpu, slowest, summary = test_suite()
        figures.append((f"test suite on this build (`make test`'s pytest: {' '.join(TEST_ARGS)})", f"{t:.0f} s"))
        figures.append(("test suite: CPU time of pytest and everything it started", f"{cpu:.0f} s"))
        figures.append(("test suite: result", summary))
        figures.append(("site + PDFs + test suite (make test from a clean clone, lock installed)  [aim <= 240 s]",
                        f"{site + pdfs + t:.0f} s"))

    show(figures)
    if slowest:
        print("\nThe ten slowest test items (pytest --durations=10):")
        print("\n".join(slowest))


#: The suite as `make test` runs it (Makefile), with the ten slowest items reported.
TEST_ARGS = ["-n", "auto", "--dist", "loadgroup"]


def test_suite() -> tuple[float, float, list[str], str]:
    """(wall seconds, CPU seconds of pytest and its children, the ten slowest items, pytest's
    summary line) for the whole suite as `make test` runs it."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", *TEST_ARGS, "-q", "-p", "no:cacheprovider",
                           "--durations=10"], cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, slowest_items(done.stdout), (done.stdout.strip().splitlines() or ["(no output)"])[-1]


def slowest_items(output: str) -> list[str]:
    """The lines of pytest's "slowest 10 durations" block."""
    lines = output.splitlines()
    for i, line in enumerate(lines):
        if "slowest" in line and "durations" in line:
            return [ln for ln in lines[i + 1:i + 11] if re.match(r"\s*[\d.]+s ", ln)]
    return []


def show(figures: list[tuple[str, str]]) -> None:
    width = max(len(k) for k, _ in figures)
    for key, value in figures:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()

"""Every page of the built site in Debian's Chromium, in both colour schemes, each visited once:

- axe-core finds no violations;
- the page requests nothing from another host;
- the Content-Security-Policy holds: the page has one, and the browser reports no violation;
- the page transfers at most 600 KB on a cold load (light scheme; the benchmark prints the figures).

One visit per page and scheme serves all four checks (the colour scheme is what the theme
follows when the learner chose none), so the suite stays fast however many pages there are; the
visits are made in chunks that pytest-xdist runs on different cores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest
from conftest import COURSE, HTML

pytestmark = [pytest.mark.browser, pytest.mark.built]

#: Every page of the site (not the theme's template fragments under _static/, not downloads).
PAGES = sorted(p.relative_to(HTML).as_posix() for p in HTML.rglob("*.html")
               if not p.relative_to(HTML).parts[0].startswith("_")
               and p.relative_to(HTML).parts[0] != "downloads") if HTML.exists() else []
SCHEMES = ("light", "dark")
MAX_BYTES = 600 * 1024

#: Collects the browser's Content-Security-Policy violation reports in the page.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
  `${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
"""


@dataclass
class Visit:
    requests: list[str] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)
    axe: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    policy: str = ""
    theme: str = ""

    def foreign(self, site: str) -> list[str]:
        own = urlparse(site).netloc
        out = []
        for url in self.requests:
            parts = urlparse(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.scheme not in ("http", "https") or parts.netloc != own:
                out.append(url)
        return out


def visit_all(browser, site: str, scheme: str, paths: list[str] = PAGES) -> dict[str, Visit]:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    ctx = browser.new_context(color_scheme=scheme)
    ctx.add_init_script(CSP_LISTENER)
    pg = ctx.new_page()
    cdp = ctx.new_cdp_session(pg)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})  # every page weighed cold
    current = Visit()
    cdp.on("Network.requestWillBeSent", lambda e: current.requests.append(e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: current.sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    visits: dict[str, Visit] = {}
    try:
        for path in paths:
            current.__init__()
            # generous limits: with the visits spread over the cores, a busy machine loads slower
            pg.goto(site + path, wait_until="load", timeout=120_000)
            pg.wait_for_load_state("networkidle", timeout=120_000)
            current.theme = pg.evaluate("document.documentElement.dataset.theme || ''")
            current.policy = pg.evaluate("""(document.querySelector('meta[http-equiv="Content-Security-Policy"]')
                                            || {}).content || ''""")
            current.csp = pg.evaluate("window.__cspViolations")  # before axe, which injects a <style> of its own
            current.axe = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
                           for v in axe.run(pg).response["violations"]]
            visits[path] = Visit(list(current.requests), dict(current.sizes), current.axe, current.csp,
                                 current.policy, current.theme)
    finally:
        ctx.close()
    return visits


#: The pages are visited in this many chunks per scheme; every chunk and scheme is a pytest-xdist
#: group of its own (``xdist_group`` below, read by conftest), so `make test` spreads the visits
#: over the cores instead of one worker visiting every page twice.
CHUNKS = 2


def chunk_of(path: str) -> int:
    # Without a built site there are no pages, and pytest parametrizes with an empty set: no chunk.
    return PAGES.index(path) * CHUNKS // len(PAGES) if path in PAGES else 0


def xdist_group(item) -> str | None:
    params = getattr(item, "callspec", None)
    if params is None or "path" not in params.params:
        return None
    return f"test_pages-{params.params.get('scheme', 'light')}-{chunk_of(params.params['path'])}"


class _Scheme:
    """The visits of one colour scheme, made a chunk of pages at a time when a test first asks."""

    def __init__(self, browser, site: str, scheme: str) -> None:
        self.browser, self.site, self.scheme = browser, site, scheme
        self.done: dict[str, Visit] = {}

    def __getitem__(self, path: str) -> Visit:
        if path not in self.done:
            chunk = [p for p in PAGES if chunk_of(p) == chunk_of(path)]
            self.done.update(visit_all(self.browser, self.site, self.scheme, chunk))
        return self.done[path]


@pytest.fixture(scope="module")
def visits(browser, site) -> dict[str, _Scheme]:
    return {scheme: _Scheme(browser, site, scheme) for scheme in SCHEMES}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations(visits, path, scheme):
    visit = visits[scheme][path]
    if path != "index.html":  # the root page is only a redirect to book/index.html
        assert visit.theme == scheme, "the theme follows the system colour scheme"
    assert visit.axe == [], f"{path} ({scheme}): {visit.axe}"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", PAGES)
def test_nothing_is_requested_from_another_host(visits, site, path, scheme):
    assert visits[scheme][path].foreign(site) == []


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", PAGES)
def test_the_content_security_policy_holds(visits, path, scheme):
    visit = visits[scheme][path]
    assert "default-src 'none'" in visit.policy and "script-src 'self'" in visit.policy, visit.policy
    assert "'unsafe-inline'" not in visit.policy
    # Only notebook pages carry the in-browser runtime, whose Pyodide start-up evaluates code.
    assert ("'unsafe-eval'" in visit.policy) == (path[:-5] in COURSE.notebooks), visit.policy
    assert visit.csp == [], f"{path} ({scheme}): {visit.csp}"


@pytest.mark.parametrize("path", PAGES)
def test_page_transfers_at_most_600_kb(visits, path):
    weight = sum(visits["light"][path].sizes.values())
    assert weight <= MAX_BYTES, f"{path} transfers {weight // 1024} KB"


def test_the_policy_check_sees_a_violation(browser, site):
    """Control: an inline script the build did not hash is blocked and reported."""
    ctx = browser.new_context()
    ctx.add_init_script(CSP_LISTENER)

    def inject(route):
        body = route.fetch().text().replace("</body>", "<script>window.__ran = 1</script></body>")
        route.fulfill(body=body, content_type="text/html")

    ctx.route(site + "book/start/over.html", inject)
    pg = ctx.new_page()
    pg.goto(site + "book/start/over.html", wait_until="load")
    assert pg.evaluate("window.__ran") is None
    assert any("script-src" in v for v in pg.evaluate("window.__cspViolations"))
    ctx.close()

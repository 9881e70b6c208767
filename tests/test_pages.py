"""Every page of the built site in Debian's Chromium, in both colour schemes, each visited once:

- axe-core finds no violations;
- the page requests nothing from another host;
- the Content-Security-Policy holds: the page has one, and the browser reports no violation;
- the page transfers at most 600 KB on a cold load (light scheme; the benchmark prints the figures).

One visit per page and scheme serves all four checks (the colour scheme is what the theme
follows when the learner chose none), so the suite stays fast however many pages there are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest

from conftest import COURSE, HTML, toc_docs

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


def visit_all(browser, site: str, scheme: str) -> dict[str, Visit]:
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
        for path in PAGES:
            current.__init__()
            pg.goto(site + path, wait_until="load")
            pg.wait_for_load_state("networkidle")
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


@pytest.fixture(scope="module")
def visits(browser, site) -> dict[str, dict[str, Visit]]:
    return {scheme: visit_all(browser, site, scheme) for scheme in SCHEMES}


def test_pages_to_check_include_every_toc_page():
    assert {f"{d}.html" for d in toc_docs()} <= set(PAGES)
    assert "search.html" in PAGES and "genindex.html" in PAGES


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

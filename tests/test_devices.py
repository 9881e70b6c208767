"""The site on every device (issue 11) and a journal that loses nothing (issue 14, item 1).

Debian's Chromium via Playwright at 390 px (phone, by touch), 683 px (a 1366 px laptop at 200 %
zoom, by keyboard) and desktop, in light and dark. Queries for the search test are generated from
the glossary and the table of contents, not written out here.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from conftest import COURSE, HTML, toc_docs, wait_for
from test_browser import KEY, goto, stored

pytestmark = [pytest.mark.browser, pytest.mark.built]

PHONE, ZOOM, DESKTOP = (390, 844), (683, 384), (1280, 800)
SCHEMES = ("light", "dark")
REFLECTION_PAGE = "book/m1-spectrum/01-wat-is-mentale-gezondheid.html"
REFLECTION_ID = "m1-reflectie-1"
CASE_PAGE = REFLECTION_PAGE
JOURNAL_PAGE = "book/bijlagen/mijn-reflecties.html"
START_PAGE = "book/index.html"
MODULE_PAGE = "book/m1-spectrum/index.html"


def open_page(browser, size, scheme="light", touch=False, **options):
    ctx = browser.new_context(viewport={"width": size[0], "height": size[1]}, color_scheme=scheme,
                              has_touch=touch, is_mobile=touch, accept_downloads=True, **options)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.js_errors = errors
    return ctx, pg


def active(pg) -> dict:
    return pg.evaluate("() => { const a = document.activeElement;\n"
                       "        return {tag: a.tagName, cls: a.className || '', inDialog: !!a.closest('dialog[open]'),"
                       " text: a.textContent.trim()}; }")


# --- 1. menu and "Inhoud van deze pagina" --------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", [PHONE, ZOOM], ids=["390px", "683px"])
def test_menu_opens_and_closes_by_touch_click_and_keyboard(browser, site, size, scheme):
    ctx, pg = open_page(browser, size, scheme, touch=size == PHONE)
    goto(pg, site, CASE_PAGE)
    assert pg.locator(".primary-toggle").count() == 1, "a hidden copy of the menu button is back"
    toggle = pg.locator(".bd-header-article .primary-toggle")
    menu = pg.locator("#pst-primary-sidebar-modal")

    # Touch (phone) or click (zoomed laptop).
    toggle.tap() if size == PHONE else toggle.click()
    assert menu.evaluate("d => d.open")
    module2 = menu.get_by_role("link", name=re.compile("^Module 2"))
    assert module2.first.is_visible()
    pg.keyboard.press("Escape")
    assert not menu.evaluate("d => d.open")

    # Keyboard: Enter and Space open it, focus moves in, Escape closes and focus comes back.
    for key in ("Enter", " "):
        toggle.focus()
        pg.keyboard.press(key)
        assert menu.evaluate("d => d.open"), key
        assert active(pg)["inDialog"], f"focus did not move into the menu ({key!r})"
        pg.keyboard.press("Escape")
        assert not menu.evaluate("d => d.open")
        wait_for(pg, "document.activeElement.classList.contains('primary-toggle')")

    # The menu leads somewhere: following a link from it opens that page.
    toggle.tap() if size == PHONE else toggle.click()
    link = menu.get_by_role("link", name=re.compile("^Module 2")).first
    link.tap() if size == PHONE else link.click()
    pg.wait_for_url(re.compile(r"m2-lange-termijn/index\.html"))

    # The page contents ("Inhoud van deze pagina").
    goto(pg, site, CASE_PAGE)
    secondary = pg.locator(".bd-header-article .secondary-toggle")
    contents = pg.locator("#pst-secondary-sidebar-modal")
    secondary.tap() if size == PHONE else secondary.click()
    assert contents.evaluate("d => d.open")
    assert contents.locator("a.nav-link").first.is_visible()
    pg.keyboard.press("Escape")
    assert not contents.evaluate("d => d.open")
    secondary.focus()
    pg.keyboard.press("Enter")
    assert contents.evaluate("d => d.open") and active(pg)["inDialog"]
    pg.keyboard.press("Escape")
    wait_for(pg, "document.activeElement.classList.contains('secondary-toggle')")
    assert pg.js_errors == []
    ctx.close()


# --- 2. search ----------------------------------------------------------------------------


def _page_title(doc: str) -> str:
    soup = BeautifulSoup((HTML / f"{doc}.html").read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("article h1, main h1").get_text(" ", strip=True).rstrip("#").strip()


def _search_queries() -> list[tuple[str, str]]:
    """(query, page that must be among the first three) from the glossary and the toc."""
    if not HTML.exists():
        return []
    glossary = BeautifulSoup((HTML / "book/bijlagen/begrippenlijst.html").read_text(encoding="utf-8"), "html.parser")
    queries = [(dt.get_text(" ", strip=True).rstrip("#").strip(), "book/bijlagen/begrippenlijst")
               for dt in glossary.select("dl.glossary dt")]
    caption = {doc: m.caption for m in COURSE.modules for doc in m.docs}
    titles = {doc: _page_title(doc) for doc in toc_docs()}
    for doc, title in titles.items():
        twins = [d for d, t in titles.items() if t == title]
        # "Zelftoets" is a title four times: learners add the module, as the results show it.
        queries.append((f"{title} {caption[doc]}" if len(twins) > 1 else title, doc))
    return queries


#: Everyday course words (issue 11) and the page each must bring up among the first three.
EVERYDAY = {
    "nachtelijk gebruik": None, "gesprek": "book/m4-tips/03-gespreksleidraad",
    "gespreksleidraad": "book/m4-tips/03-gespreksleidraad", "slaap": None,
    "gemiddeld gebruik": "book/m2-lange-termijn/01-gemiddeld-of-problematisch",
    "likes": "book/m3-korte-termijn/03-een-andere-sociale-wereld", "gezondheid": None,
    "eenzaamheid": "book/m2-lange-termijn/02-eenzaamheid-en-angst", "vicieuze cirkel": None,
    "doorverwijzen": None, "hulplijn": None, "zelftoets module 3": "book/m3-korte-termijn/zelftoets",
}


def search(pg, base: str, query: str) -> list[str]:
    # The ranking is complete when the summary line is written; the snippets may load after it.
    pg.goto(base + "search.html?q=" + quote(query), wait_until="load")
    wait_for(pg, "(document.querySelector('#search-results .search-summary') || {}).textContent")
    return pg.eval_on_selector_all("ul.search > li > a", "els => els.map(e => e.getAttribute('href')"
                                   ".split('#')[0].replace(/\\.html$/, ''))")


def _page_text(doc: str) -> str:
    soup = BeautifulSoup((HTML / f"{doc}.html").read_text(encoding="utf-8"), "html.parser")
    return soup.select_one('[role="main"]').get_text(" ").lower()


def test_search_finds_every_glossary_term_page_title_and_everyday_word(browser, site):
    queries = _search_queries()
    assert len(queries) > len(toc_docs()) + 20
    ctx, pg = open_page(browser, DESKTOP)
    misses = []
    for query, want in queries + list(EVERYDAY.items()):
        found = search(pg, site, query)
        if want is not None and want not in found[:3]:
            misses.append(f"{query!r}: {found[:3]}")
        if want is None:
            words = query.split()
            if not found or not any(all(w in _page_text(d) for w in words) for d in found[:3]):
                misses.append(f"{query!r}: {found[:3]}")
    assert misses == [], misses
    ctx.close()


def test_search_results_name_their_module_and_speak_dutch(browser, site):
    ctx, pg = open_page(browser, PHONE, touch=True)
    search(pg, site, "zelftoets")
    titles = pg.locator("ul.search > li > a").all_text_contents()
    assert {f"Zelftoets — Module {n}" for n in range(1, 5)} <= set(titles)
    assert "pagina('s) gevonden" in pg.locator(".search-summary").text_content()
    found = search(pg, site, "qwxzyvk")
    assert found == []
    text = pg.locator("#search-results").inner_text()
    assert "Je zoekopdracht gaf geen resultaten" in text and " u " not in f" {text} "
    pg.locator("#search-results").get_by_role("link", name="begrippenlijst").tap()
    pg.wait_for_url(re.compile(r"begrippenlijst\.html"))
    ctx.close()


def test_search_shows_snippets_when_opened_from_a_folder(browser, built_html):
    ctx, pg = open_page(browser, ZOOM)
    pg.goto((built_html / "search.html").as_uri() + "?q=" + quote("nachtelijk gebruik"))
    wait_for(pg, "(document.querySelector('#search-results .search-summary') || {}).textContent")
    wait_for(pg, "document.querySelectorAll('ul.search p.context').length > 0")
    snippet = pg.locator("ul.search > li").first.locator("p.context").text_content().lower()
    assert "nachtelijk" in snippet or "gebruik" in snippet
    ctx.close()


@pytest.mark.parametrize("query", ["gespreksleidraad", "nachtelijk gebruik"])
def test_search_snippets_show_the_searched_word_not_the_page_buttons(browser, site, query):
    ctx, pg = open_page(browser, PHONE, touch=True)
    search(pg, site, query)
    wait_for(pg, "document.querySelectorAll('ul.search p.context').length >= 3")
    snippets = [t.lower() for t in pg.locator("ul.search > li p.context").all_text_contents()[:3]]
    assert all(query.split()[0] in t for t in snippets[:2]), snippets
    assert all(any(w in t for w in query.split()) for t in snippets), snippets
    assert not [t for t in snippets if "afdrukken of opslaan" in t or "\n" in t], snippets
    ctx.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_search_field_icon_does_not_cover_the_text(browser, site, scheme):
    ctx, pg = open_page(browser, PHONE, scheme, touch=True)
    goto(pg, site, "search.html")
    gap = pg.evaluate("""() => {
        const input = document.querySelector('.bd-search input');
        const icon = input.parentNode.querySelector('.fa-magnifying-glass');
        const text = input.getBoundingClientRect().left + parseFloat(getComputedStyle(input).paddingLeft);
        return text - icon.getBoundingClientRect().right; }""")
    assert gap >= 4
    ctx.close()


# --- 3. downloads -------------------------------------------------------------------------

DOWNLOADS = HTML / "downloads"


def test_downloads_are_in_the_site_and_linked_with_format_and_size(browser, site):
    for name in ("handboek.pdf", "handboek.epub", "trainershandleiding.pdf", "werkbladen.pdf", "oefenpakket.zip"):
        assert (DOWNLOADS / name).stat().st_size > 1000, name
    ctx, pg = open_page(browser, PHONE, touch=True)
    for path, names in ((START_PAGE, {"handboek.pdf", "handboek.epub"}),
                        ("book/start/zo-werk-je.html", {"handboek.pdf", "handboek.epub", "oefenpakket.zip"}),
                        ("book/trainers/index.html", {"handboek.pdf", "trainershandleiding.pdf", "werkbladen.pdf"})):
        goto(pg, site, path)
        links = pg.locator("a.cursus-download")
        seen = set()
        for i in range(links.count()):
            link = links.nth(i)
            href = link.evaluate("a => a.href")
            seen.add(href.rsplit("/downloads/", 1)[1])
            assert re.search(r"\((PDF|EPUB|zip), \d+(,\d)? (kB|MB)\)$", link.inner_text()), link.inner_text()
            response = pg.request.get(href)
            assert response.ok and response.body()[:4] in (b"%PDF", b"PK\x03\x04")
        assert names <= seen, path
    # The Handboek card offers two downloads, so it is no whole-card link (tests/test_learner.py).
    goto(pg, site, START_PAGE)
    card = pg.locator(".sd-card", has_text="Handboek")
    assert card.locator("a.sd-stretched-link").count() == 0
    hrefs = card.locator("a.cursus-download").evaluate_all("els => els.map(a => a.href)")
    assert {h.rsplit("/", 1)[1] for h in hrefs} == {"handboek.pdf", "handboek.epub"}
    ctx.close()


def test_download_menu_offers_notebook_and_print_not_the_source(browser, site):
    ctx, pg = open_page(browser, DESKTOP)
    goto(pg, site, "exercises/m1-spectrum.html")
    pg.locator(".article-header-buttons .dropdown-toggle").first.click()
    items = [t.strip() for t in pg.locator(".dropdown-menu.show li").all_inner_texts()]
    assert items == ["Notebook downloaden (.ipynb)", "Afdrukken of opslaan als PDF"]
    ctx.close()


# --- 4. routes, progress links, "Ga verder waar je was" ------------------------------------


def test_route_cards_lead_somewhere_and_progress_items_are_links(browser, site):
    ctx, pg = open_page(browser, PHONE, touch=True)
    goto(pg, site, START_PAGE)
    pg.locator(".sd-card", has_text="Zelfstudie").tap()
    pg.wait_for_url(re.compile(r"m1-spectrum/index\.html"))
    goto(pg, site, START_PAGE)
    pg.locator(".sd-card", has_text="Workshop").tap()
    pg.wait_for_url(re.compile(r"trainers/index\.html"))
    goto(pg, site, START_PAGE)
    # Every link on the start page says where it goes (a card's whole-card link included).
    names = pg.locator("main a").evaluate_all(
        "els => els.filter(a => a.checkVisibility()).map(a => (a.getAttribute('aria-label') || a.textContent).trim())")
    assert not [n for n in names if "/" in n or n.endswith((".pdf", ".html"))], names
    handbook = pg.locator(".sd-card", has_text="Handboek").locator("a.cursus-download").first
    assert handbook.get_attribute("href").endswith("downloads/handboek.pdf")
    assert "handboek" in handbook.inner_text().lower()

    goto(pg, site, "book/m2-lange-termijn/02-eenzaamheid-en-angst.html")
    goto(pg, site, START_PAGE)
    resume = pg.locator("#cursus-voortgang a.cursus-verder-link")
    assert "Ga verder waar je was" in resume.inner_text() and "Eenzaamheid en angst" in resume.inner_text()
    modules = pg.locator("#cursus-voortgang .cursus-voortgang-lijst a")
    assert modules.count() == len(COURSE.modules)
    modules.nth(2).tap()
    pg.wait_for_url(re.compile(r"m3-korte-termijn/index\.html"))
    goto(pg, site, START_PAGE)
    pg.locator("#cursus-voortgang a.cursus-verder-link").tap()
    pg.wait_for_url(re.compile(r"m3-korte-termijn/index\.html"))
    ctx.close()


# --- 5. notebook output wraps ----------------------------------------------------------------


@pytest.mark.parametrize("size", [PHONE, ZOOM, DESKTOP], ids=["390px", "683px", "desktop"])
def test_notebook_output_wraps_inside_its_box(browser, site, size):
    ctx, pg = open_page(browser, size)
    for doc in toc_docs():
        if not doc.startswith("exercises/"):
            continue
        goto(pg, site, f"{doc}.html")
        overflow = pg.evaluate("() => [...document.querySelectorAll('div.cell_output pre')]\n"
                               "            .filter(p => p.scrollWidth > p.clientWidth + 1\n"
                               "                      || p.getBoundingClientRect().right"
                               " > document.querySelector('article').getBoundingClientRect().right + 1)\n"
                               "            .map(p => p.textContent.slice(0, 60))")
        assert overflow == [], f"{doc}: {overflow}"
    ctx.close()


# --- 6. visible focus -------------------------------------------------------------------------

FOCUS_PAGES = [START_PAGE, REFLECTION_PAGE, "book/m1-spectrum/zelftoets.html", "exercises/m1-spectrum.html",
               JOURNAL_PAGE, "search.html", "book/trainers/draaiboek-90-minuten.html"]

#: For the focused element: the ring's width, colour and the colour behind it (first opaque
#: background up the tree), both as [r, g, b]. A stretched card link shows its ring on the card.
FOCUS_RING = """() => {
  const a = document.activeElement;
  if (!a || a === document.body) return null;
  let ringOn = a;
  if (a.classList.contains('sd-stretched-link')) ringOn = a.closest('.sd-card');
  const style = getComputedStyle(ringOn);
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  let node = ringOn.parentElement, bg = null;
  while (node) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length >= 3 && (c.length === 3 || c[3] > 0.5)) { bg = c.slice(0, 3); break; }
    node = node.parentElement;
  }
  const r = ringOn.getBoundingClientRect();
  return {what: a.outerHTML.slice(0, 80), style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          color: rgb(style.outlineColor).slice(0, 3), bg: bg || [255, 255, 255], visible: r.width > 0 && r.height > 0};
}"""


def _luminance(rgb) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_helper_can_fail():
    assert contrast([255, 255, 255], [250, 250, 250]) < 3 <= contrast([11, 92, 138], [255, 255, 255])


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390px", "desktop"])
def test_every_focused_control_shows_a_ring_with_contrast(browser, site, size, scheme):
    ctx, pg = open_page(browser, size, scheme)
    problems = []
    for path in FOCUS_PAGES:
        goto(pg, site, path)
        seen = 0
        for _ in range(45):
            pg.keyboard.press("Tab")
            ring = pg.evaluate(FOCUS_RING)
            if ring is None or not ring["visible"]:
                continue
            seen += 1
            ratio = contrast(ring["color"], ring["bg"])
            if ring["style"] == "none" or ring["width"] < 2 or ratio < 3:
                problems.append(f"{path}: {ring['what']} ({ring['style']} {ring['width']}px, {ratio:.1f}:1)")
        assert seen >= 5, f"{path}: Tab reached too few controls"
    assert problems == [], problems[:8]
    ctx.close()


# --- 7. Projecteer ----------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", [PHONE, ZOOM, DESKTOP], ids=["390px", "683px", "desktop"])
def test_projecteer_shows_only_the_case_in_large_type(browser, site, size, scheme):
    ctx, pg = open_page(browser, size, scheme, touch=size == PHONE)
    goto(pg, site, "book/m1-spectrum/02-het-spectrum.html")
    cases = pg.locator("div.admonition.casus")
    assert cases.count() >= 2
    assert pg.locator("div.admonition.casus .cursus-projecteer-knop").count() == cases.count()
    case = cases.first
    title = case.locator(".admonition-title").inner_text().strip()
    outcome = case.evaluate("b => (b.nextElementSibling || {}).textContent || ''").strip()
    assert outcome, "the case should be followed by its discussion on the page"
    button = case.get_by_role("button", name=f"Projecteer {title}")
    button.tap() if size == PHONE else button.click()
    view = pg.locator("dialog.cursus-projecteer")
    assert view.evaluate("d => d.open")
    assert view.locator("h2").inner_text().strip() == title
    shown = view.inner_text()
    assert case.locator("p").nth(1).inner_text()[:60] in shown
    assert outcome[:60] not in shown
    sizes = view.evaluate("d => [...d.querySelectorAll('p, li')].map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 32
    shown_size = view.evaluate("d => { const r = d.getBoundingClientRect(); return [r.width, r.height]; }")
    assert shown_size == [size[0], size[1]]
    pg.keyboard.press("Escape")
    assert not view.evaluate("d => d.open")
    wait_for(pg, "document.activeElement.classList.contains('cursus-projecteer-knop')")
    # Keyboard: Enter opens, the close button closes.
    pg.keyboard.press("Enter")
    assert view.evaluate("d => d.open")
    view.get_by_role("button", name="Sluiten (Esc)").click()
    assert not view.evaluate("d => d.open")
    assert pg.js_errors == []
    ctx.close()


def test_every_case_can_be_projected_also_from_a_folder(browser, built_html):
    ctx, pg = open_page(browser, DESKTOP)
    total = 0
    for doc in toc_docs():
        path = built_html / f"{doc}.html"
        if "casus" not in path.read_text(encoding="utf-8"):
            continue
        pg.goto(path.as_uri())
        cases = pg.locator("div.admonition.casus").count()
        total += cases
        assert pg.locator(".cursus-projecteer-knop").count() == cases, doc
    pg.goto((built_html / CASE_PAGE).as_uri())
    pg.locator(".cursus-projecteer-knop").last.click()
    assert pg.locator("dialog.cursus-projecteer").evaluate("d => d.open")
    assert total >= 10
    ctx.close()


# --- 10. Denkrichtingen and the journal hint -------------------------------------------------


@pytest.mark.parametrize("size", [PHONE, ZOOM], ids=["390px", "683px"])
def test_tapping_a_denkrichtingen_title_opens_it_in_place(browser, site, size):
    ctx, pg = open_page(browser, size, touch=size == PHONE)
    goto(pg, site, REFLECTION_PAGE)
    box = pg.locator(f"#{REFLECTION_ID}-denkrichtingen")
    title = box.locator(".admonition-title")
    title.scroll_into_view_if_needed()
    assert title.locator("a").count() == 0
    before = pg.evaluate("scrollY")
    title.tap() if size == PHONE else title.click()
    assert box.locator("section").is_visible()
    assert abs(pg.evaluate("scrollY") - before) < 5 and pg.evaluate("location.hash") == ""
    hint = pg.locator(f"#{REFLECTION_ID} .cursus-uitleg").get_by_role("link", name="Mijn reflecties")
    assert hint.get_attribute("href").endswith("bijlagen/mijn-reflecties.html")
    ctx.close()


# --- 11 + 14.1. "Mijn reflecties": phone, export, import, other tabs, storage -----------------


def _texts(seed: int) -> list[str]:
    """Answers a learner could type, or paste: marker lookalikes, JSON, HTML, Unicode, whitespace."""
    rnd = random.Random(seed)
    pieces = ["<!-- cursus:m1-reflectie-1 -->", "<!-- /cursus:m1-reflectie-1 -->", "<!-- cursus:", "-->",
              '{"soort": "mijn-reflecties", "antwoorden": []}', "<script>window.__pwned=1</script>",
              "<img src=x onerror=window.__pwned=2>", "# Kop", "**vet**", "\r\n", "\n", "\r", "\t", "  ",
              "é", "ĳ", "🙂", "👍🏽", "👩‍👩‍👧", "\u0301", "\u200b", "\u2028", "\u2029", "\ufeff", "\u0000",
              "שלום", "مرحبا", "日本語", "\\", '"', "'", "&amp;", "€", "gewone tekst ", "Vraag: ", "Mijn antwoord:"]
    out = ["", " ", "\n", "<!-- cursus:x -->\nbinnen\n<!-- /cursus:x -->"]
    for _ in range(36):
        out.append("".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 40))))
    out.append("Een antwoord van een megabyte. 🙂\n" * 30_000)   # about 1 MB
    return [t for t in out if t != ""]


def answers_in(pg) -> dict[str, str]:
    return {k: v for k, v in stored(pg).items() if k.startswith(KEY + "reflectie:")}


def test_journal_round_trips_every_generated_text_exactly(browser, site, tmp_path):
    texts = _texts(11)
    texts = texts[-1:] + texts[:-1]       # the 1 MB answer first, on a reflection the course has
    ids = [r for r in json.loads((HTML / "_static/cursus-index.js").read_text(encoding="utf-8")
                                 .split("=", 1)[1].rstrip().rstrip(";"))["reflections"]]
    names = [r["id"] for r in ids] + ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]
    answers = {names[i % len(names)] + ("" if i < len(names) else f"-{i}"): t for i, t in enumerate(texts)}
    assert len(answers) == len(texts) and sum(map(len, texts)) > 900_000
    ctx, pg = open_page(browser, PHONE, touch=True)
    goto(pg, site, JOURNAL_PAGE)
    pg.evaluate("([prefix, pairs]) => { for (const [k, v] of pairs)"
                " localStorage.setItem(prefix + 'reflectie:' + k, v); }",
                [KEY, list(answers.items())])
    pg.reload(wait_until="networkidle")
    listed = pg.evaluate("() => [...document.querySelectorAll('.cursus-dagboek-item')].map(e => e.dataset.reflectie)")
    assert {"constructor", "toString", "__proto__"} <= set(listed)
    with pg.expect_download() as info:
        pg.get_by_role("button", name="Download om later te importeren (.json)").tap()
    exported = tmp_path / "mijn-reflecties.json"
    info.value.save_as(exported)
    pg.once("dialog", lambda d: d.accept())
    pg.get_by_role("button", name="Alles wissen").tap()
    assert stored(pg) == {}
    pg.get_by_label("Eerder gedownload bestand importeren (.json)").set_input_files(str(exported))
    wait_for(pg, "document.querySelector('#cursus-dagboek .cursus-status').textContent.includes('ingelezen')")
    back = {k[len(KEY + "reflectie:"):]: v for k, v in stored(pg).items()}
    # ids the course does not have are exported, but an import skips and counts them (issue 26)
    kept = {k: v for k, v in answers.items() if k in {r["id"] for r in ids}}
    assert back.keys() == kept.keys() and max(map(len, kept.values())) > 900_000
    assert [k for k in kept if back[k] != kept[k]] == []
    assert f"{len(answers) - len(kept)} antwoorden horen bij geen opdracht" in \
        pg.locator("#cursus-dagboek .cursus-status").inner_text()
    assert pg.evaluate("window.__pwned") is None and pg.js_errors == []
    ctx.close()


def test_journal_buttons_come_first_and_copy_all_works_on_a_phone(browser, site):
    ctx, pg = open_page(browser, PHONE, touch=True)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"])
    goto(pg, site, REFLECTION_PAGE)
    pg.fill(f"#antwoord-{REFLECTION_ID}", "Mijn eigen antwoord.")
    goto(pg, site, JOURNAL_PAGE)
    copy = pg.get_by_role("button", name="Kopieer alles")
    bottom = copy.bounding_box()["y"] + copy.bounding_box()["height"]
    assert bottom < PHONE[1], "the buttons are not on the first screen"
    copy.tap()
    wait_for(pg, "document.querySelector('#cursus-dagboek .cursus-status').textContent.includes('klembord')")
    clip = pg.evaluate("navigator.clipboard.readText()")
    question = pg.evaluate("(id) => CURSUS_INDEX.reflections.find(r => r.id === id).question", REFLECTION_ID)
    assert "Mijn eigen antwoord." in clip and question in clip
    ctx.close()


def _write_export(path: Path, answers: dict[str, str]) -> Path:
    export = {"soort": "mijn-reflecties", "versie": 1,
              "antwoorden": [{"id": k, "antwoord": v} for k, v in answers.items()]}
    path.write_text(json.dumps(export), encoding="utf-8")
    return path


def test_import_shows_new_identical_and_different_and_asks_before_replacing(browser, site, tmp_path):
    ctx, pg = open_page(browser, ZOOM)
    goto(pg, site, JOURNAL_PAGE)
    pg.evaluate("(p) => { localStorage.setItem(p + 'reflectie:m1-reflectie-1', 'zelfde');"
                " localStorage.setItem(p + 'reflectie:m1-reflectie-2', 'nieuwer, in de browser'); }", KEY)
    pg.reload(wait_until="networkidle")
    export = _write_export(tmp_path / "oud.json", {"m1-reflectie-1": "zelfde",
                                                   "m1-reflectie-2": "ouder, uit het bestand",
                                                   "m1-reflectie-3": "nieuw"})
    field = pg.get_by_label("Eerder gedownload bestand importeren (.json)")
    for choice, expected in (("Niets importeren", "nieuwer, in de browser"),
                             ("Alleen nieuwe antwoorden toevoegen", "nieuwer, in de browser"),
                             ("Vervang ze door het bestand", "ouder, uit het bestand")):
        pg.evaluate("(p) => { localStorage.setItem(p + 'reflectie:m1-reflectie-2', 'nieuwer, in de browser');"
                    " localStorage.removeItem(p + 'reflectie:m1-reflectie-3'); }", KEY)
        field.set_input_files(str(export))
        question = pg.get_by_role("region", name="Importeren")
        question.wait_for()
        text = question.inner_text()
        assert "1 nieuwe" in text and "1 antwoorden die hier al precies zo staan" in text
        assert "1 antwoorden zijn anders" in text
        assert pg.evaluate("(id) => CURSUS_INDEX.reflections.find(r => r.id === id).title", "m1-reflectie-2") in text
        question.get_by_role("button", name=choice).focus()
        pg.keyboard.press("Enter")
        assert stored(pg)[f"{KEY}reflectie:m1-reflectie-2"] == expected, choice
        assert (f"{KEY}reflectie:m1-reflectie-3" in stored(pg)) == (choice != "Niets importeren")
    ctx.close()


def test_import_refuses_big_and_foreign_files_with_a_clear_message(browser, site, tmp_path):
    ctx, pg = open_page(browser, PHONE, touch=True)
    goto(pg, site, JOURNAL_PAGE)
    pg.evaluate("(p) => localStorage.setItem(p + 'reflectie:m1-reflectie-1', 'blijft')", KEY)
    pg.reload(wait_until="networkidle")
    big = tmp_path / "groot.json"
    big.write_bytes(b" " * (10 * 1024 * 1024 + 1))
    crafted = tmp_path / "markers.md"                          # super-linear for the old parser
    crafted.write_text("<!-- cursus:a -->\n" * 130_000, encoding="utf-8")
    foreign = tmp_path / "ander.json"
    foreign.write_text('{"__proto__": {"x": 1}, "antwoorden": "nee"}', encoding="utf-8")
    field = pg.get_by_label("Eerder gedownload bestand importeren (.json)")
    status = pg.locator("#cursus-dagboek .cursus-status")
    for path, message in ((big, "te groot"), (crafted, "geen antwoorden die de site herkent"),
                          (foreign, "geen export van Mijn reflecties")):
        field.set_input_files(str(path))
        wait_for(pg, "(m) => document.querySelector('#cursus-dagboek .cursus-status').textContent.includes(m)", message)
        assert "niets" in status.text_content().lower() or "herkent" in status.text_content()
        assert answers_in(pg) == {f"{KEY}reflectie:m1-reflectie-1": "blijft"}
    ctx.close()


def test_old_exports_with_markers_still_import(browser, site, tmp_path):
    ctx, pg = open_page(browser, DESKTOP)
    goto(pg, site, JOURNAL_PAGE)
    old = tmp_path / "mijn-reflecties.md"
    old.write_text("# Mijn reflecties\n\n<!-- cursus:m2-reflectie-1 -->\n"
                   "regel een\n\nregel twee\n<!-- /cursus:m2-reflectie-1 -->\n",
                   encoding="utf-8")
    pg.get_by_label("Eerder gedownload bestand importeren (.json)").set_input_files(str(old))
    wait_for(pg, "document.querySelector('#cursus-dagboek .cursus-status').textContent.includes('ingelezen')")
    assert answers_in(pg) == {f"{KEY}reflectie:m2-reflectie-1": "regel een\n\nregel twee"}
    ctx.close()


def test_other_tab_changes_are_shown_and_both_versions_offered(browser, site):
    ctx, first = open_page(browser, ZOOM)
    second = ctx.new_page()
    goto(first, site, REFLECTION_PAGE)
    goto(second, site, REFLECTION_PAGE)
    field = f"#antwoord-{REFLECTION_ID}"
    first.fill(field, "Versie uit tab een.")
    wait_for(second, "(f) => document.querySelector(f).value === 'Versie uit tab een.'", field)
    assert "ander tabblad" in second.locator(f"#{REFLECTION_ID} .cursus-status").text_content()

    # Both tabs typed: neither text disappears, and the learner chooses.
    second.fill(field, "Versie uit tab twee.")
    conflict = first.locator(f"#{REFLECTION_ID} .cursus-conflict")
    conflict.wait_for()
    assert "Versie uit tab twee." in conflict.inner_text()
    assert first.input_value(field) == "Versie uit tab een."
    conflict.get_by_role("button", name="Houd de versie uit dit tabblad").click()
    assert stored(first)[f"{KEY}reflectie:{REFLECTION_ID}"] == "Versie uit tab een."
    other = second.locator(f"#{REFLECTION_ID} .cursus-conflict")
    other.wait_for()
    assert "Versie uit tab een." in other.inner_text() and second.input_value(field) == "Versie uit tab twee."
    other.get_by_role("button", name="Houd de versie uit het andere tabblad").click()
    assert second.input_value(field) == "Versie uit tab een."
    assert stored(second)[f"{KEY}reflectie:{REFLECTION_ID}"] == "Versie uit tab een."
    ctx.close()


FULL_STORAGE = """
const realSet = Storage.prototype.setItem;
Storage.prototype.setItem = function (k, v) {
  if (String(k).includes('reflectie:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  return realSet.call(this, k, v);
};
"""


def test_full_storage_and_blocked_storage_say_different_things(browser, site):
    from test_browser import BLOCK_STORAGE

    messages = {}
    for name, script in (("vol", FULL_STORAGE), ("geblokkeerd", BLOCK_STORAGE)):
        ctx, pg = open_page(browser, PHONE, touch=True)
        ctx.add_init_script(script)
        goto(pg, site, REFLECTION_PAGE)
        pg.fill(f"#antwoord-{REFLECTION_ID}", "Iets.")
        messages[name] = pg.locator(f"#{REFLECTION_ID} .cursus-status").text_content()
        ctx.close()
    assert "vol" in messages["vol"] and "Download je antwoorden" in messages["vol"]
    assert "geen opslag" in messages["geblokkeerd"]


def test_old_keys_are_migrated_and_wiping_keeps_other_sites_keys(browser, site):
    ctx, pg = open_page(browser, DESKTOP)
    goto(pg, site, "genindex.html")
    pg.evaluate("""() => { localStorage.setItem('cursus:reflectie:m1-reflectie-1', 'van vroeger');
        localStorage.setItem('cursus:voortgang:book/m1-spectrum', 'klaar');
        localStorage.setItem('cursus:iets-van-een-andere-cursus', 'laten staan'); }""")
    goto(pg, site, REFLECTION_PAGE)
    assert pg.input_value(f"#antwoord-{REFLECTION_ID}") == "van vroeger"
    assert stored(pg) == {f"{KEY}reflectie:{REFLECTION_ID}": "van vroeger", f"{KEY}voortgang:book/m1-spectrum": "klaar"}
    goto(pg, site, JOURNAL_PAGE)
    pg.once("dialog", lambda d: d.accept())
    pg.get_by_role("button", name="Alles wissen").click()
    left = pg.evaluate("() => Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")
    assert stored(pg) == {} and left["cursus:iets-van-een-andere-cursus"] == "laten staan"
    assert not [k for k in left if k.startswith("cursus:") and k != "cursus:iets-van-een-andere-cursus"]
    ctx.close()


# --- 12. smaller things --------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
def test_help_notice_is_one_line_on_a_phone_and_numbers_are_tappable(browser, site, scheme):
    ctx, pg = open_page(browser, PHONE, scheme, touch=True)
    goto(pg, site, MODULE_PAGE)
    notice = pg.locator("div.admonition.hulp-kort")
    assert notice.bounding_box()["height"] < 110
    assert not notice.locator("a[href^='tel:']").first.is_visible()
    button = notice.get_by_role("button", name="Toon hulplijnen")
    button.tap()
    assert notice.get_by_role("button", name="Verberg hulplijnen").get_attribute("aria-expanded") == "true"
    tel = [a.get_attribute("href") for a in notice.locator("a[href^='tel:']").all()]
    assert {"tel:113", "tel:08000113"} <= set(tel)
    assert notice.locator("a[href='tel:113']").is_visible()
    ctx.close()
    ctx, pg = open_page(browser, DESKTOP, scheme)
    goto(pg, site, MODULE_PAGE)
    notice = pg.locator("div.admonition.hulp-kort")
    assert notice.locator("a[href='tel:08000113']").is_visible()
    assert not notice.locator(".cursus-hulp-knop").is_visible()
    ctx.close()


@pytest.mark.parametrize("size", [PHONE, ZOOM], ids=["390px", "683px"])
def test_back_to_top_never_covers_next(browser, site, size):
    ctx, pg = open_page(browser, size)
    goto(pg, site, MODULE_PAGE)
    pg.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    pg.wait_for_timeout(100)
    pg.evaluate("window.scrollBy(0, -40)")
    top = pg.locator("#pst-back-to-top")
    top.wait_for(state="visible")
    nxt = pg.locator(".prev-next-area a.right-next")
    pg.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    pg.wait_for_timeout(200)          # the theme hides the button on the way down ...
    pg.evaluate("document.getElementById('pst-back-to-top').style.display = 'block'")   # ... we want it there
    a, b = top.bounding_box(), nxt.bounding_box()
    overlap = not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"] or
                   a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])
    assert not overlap
    ctx.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_module_done_switch_has_clear_pressed_state(browser, site, scheme):
    ctx, pg = open_page(browser, PHONE, scheme, touch=True)
    goto(pg, site, "book/m1-spectrum/afsluiting.html")
    button = pg.get_by_role("button", name="Module klaar")
    colours = "b => { const s = getComputedStyle(b); return [s.backgroundColor, s.color]; }"
    off = button.evaluate(colours)
    button.tap()
    assert button.get_attribute("aria-pressed") == "true" and button.inner_text().startswith("✓")
    on = button.evaluate(colours)
    assert on != off and on[0] not in ("rgb(255, 255, 255)",)
    rgb = [[float(x) for x in re.findall(r"[\d.]+", c)][:3] for c in on]
    assert contrast(*rgb) >= 4.5
    ctx.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_with_the_new_widgets_open(browser, site, scheme, tmp_path):
    from axe_playwright_python.sync_playwright import Axe

    ctx, pg = open_page(browser, PHONE, scheme, touch=True)
    goto(pg, site, MODULE_PAGE)
    pg.get_by_role("button", name="Toon hulplijnen").tap()
    goto(pg, site, CASE_PAGE)
    pg.fill(f"#antwoord-{REFLECTION_ID}", "Eén.")
    pg.locator(".cursus-projecteer-knop").first.tap()
    report = [v["id"] for v in Axe().run(pg).response["violations"]]
    assert report == [], f"projecteer: {report}"
    pg.keyboard.press("Escape")
    goto(pg, site, JOURNAL_PAGE)
    pg.get_by_label("Eerder gedownload bestand importeren (.json)").set_input_files(
        str(_write_export(tmp_path / "a.json", {REFLECTION_ID: "Twee.", "m1-reflectie-2": "Drie."})))
    pg.get_by_role("region", name="Importeren").wait_for()
    report = [v["id"] for v in Axe().run(pg).response["violations"]]
    assert report == [], f"import: {report}"
    goto(pg, site, START_PAGE)
    report = [v["id"] for v in Axe().run(pg).response["violations"]]
    assert report == [], f"start: {report}"
    ctx.close()

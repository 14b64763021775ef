"""Headless Chromium opens the key pages: no console errors, no failed requests, no horizontal scrolling on a phone;
search works as you type; the network picture's links navigate; dark mode and print styles apply."""
import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import EXAMPLE_PAGES, record

PAGES = list(EXAMPLE_PAGES.items())


def corpus_pages(site):
    """The same seven kinds of page in the generated site: the first analysis, actor and treaty."""
    first = lambda folder: sorted(p for p in (site.output / folder).iterdir() if (p / "index.html").exists())[0]
    return {"home": "index.html",
            "analysis": f"analyses/{first('analyses').name}/index.html",
            "actor": f"actors/{first('actors').name}/index.html",
            "treaty": f"treaties/{first('treaties').name}/index.html",
            "network": "network/index.html", "timeline": "timeline/index.html", "search": "search/index.html",
            "analyses, page 2": "analyses/page/2/index.html"}


def horizontal_overflow(driver):
    """How many CSS pixels the page is wider than the viewport (0 when nothing scrolls sideways)."""
    return driver.execute_script(
        "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth;")


# ---------------------------------------------------------------- loading

@pytest.mark.parametrize("page", [p for p, _ in PAGES])
def test_page_loads_cleanly_served_from_a_sub_path(browser, example_server, page):
    console, failed = browser.open(example_server.url(EXAMPLE_PAGES[page]))
    assert browser.d.find_element(By.TAG_NAME, "h1").text.strip()
    assert not console, console
    assert not failed, failed


@pytest.mark.parametrize("page", [p for p, _ in PAGES])
def test_page_loads_cleanly_from_disk(browser, example_site, page):
    console, failed = browser.open((example_site.output / EXAMPLE_PAGES[page]).as_uri())
    assert browser.d.find_element(By.TAG_NAME, "h1").text.strip()
    assert not console, console
    assert not failed, failed


def test_corpus_pages_load_cleanly_and_fit_a_phone(browser, corpus_site, serve_static):
    server = serve_static(corpus_site)
    pages = corpus_pages(corpus_site)
    for name, path in pages.items():
        browser.desktop()
        console, failed = browser.open(server.url(path))
        assert not console and not failed, (name, console, failed)
        browser.phone()
        browser.d.refresh()
        assert horizontal_overflow(browser.d) <= 0, f"{name} ({path}) scrolls sideways at 375 px"
    record("browser: pages opened (example site, served + from disk; corpus)", 2 * len(PAGES) + len(pages))


def test_the_load_check_catches_a_missing_file(browser, example_site, work):
    """A page whose stylesheet is missing shows as a failed request: the checks above are not vacuous."""
    page = work / "missing-asset.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><title>t</title>'
                    '<link rel="stylesheet" href="nowhere/style.css"></head><body><h1>t</h1></body></html>')
    console, failed = browser.open(page.as_uri())
    assert failed or console


# ---------------------------------------------------------------- phone, dark mode, screenshots

def save_screenshot(browser, name: str, height: int, scale: float):
    """Saves the top `height` CSS pixels of the page when ENTENTE_SCREENSHOTS names a folder."""
    folder = os.environ.get("ENTENTE_SCREENSHOTS")
    if not folder:
        return
    import base64
    width = browser.d.execute_script("return window.innerWidth")
    full = browser.d.execute_script("return document.documentElement.scrollHeight")
    shot = browser.d.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, full), "scale": scale}})
    Path(folder).mkdir(parents=True, exist_ok=True)
    (Path(folder) / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))


def background_luminance(driver):
    rgb = driver.execute_script(
        "var c = getComputedStyle(document.body).backgroundColor.match(/\\d+(\\.\\d+)?/g).map(Number);"
        "return c.slice(0, 3);")
    return sum(rgb) / (3 * 255)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", ["desktop", "phone"])
@pytest.mark.parametrize("page", ["treaty", "network", "home", "analysis", "actor", "timeline", "search", "author"])
def test_layout_fits_in_both_schemes(browser, example_server, page, device, scheme):
    getattr(browser, device)()
    browser.scheme(scheme)
    browser.open(example_server.url(EXAMPLE_PAGES[page]))
    assert horizontal_overflow(browser.d) <= 0, f"{page} scrolls sideways on a {device}"
    luminance = background_luminance(browser.d)
    assert (luminance < 0.2) if scheme == "dark" else (luminance > 0.9), f"{scheme} background: {luminance:.2f}"
    if page in ("treaty", "network"):
        # Desktop at 1280 × 1500 CSS pixels, shown at 0.75; the phone at 375 × 1100, at 1.5 device pixels a pixel.
        save_screenshot(browser, f"{page}-{device}-{scheme}", *((1500, .75) if device == "desktop" else (1100, .75)))


def test_tables_scroll_inside_their_box_on_a_phone(browser, example_server):
    """The wide party table scrolls within its own box; the page itself never scrolls sideways."""
    browser.phone()
    browser.open(example_server.url(EXAMPLE_PAGES["treaty"]))
    box = browser.d.find_element(By.CSS_SELECTOR, ".table-wrap")
    assert box.value_of_css_property("overflow-x") in ("auto", "scroll")
    assert horizontal_overflow(browser.d) <= 0


# ---------------------------------------------------------------- search

def search_for(browser, url: str, text: str):
    browser.open(url)
    box = browser.d.find_element(By.ID, "search-q")
    box.clear()
    box.send_keys(text)
    # The script marks the list with the query once its results and their snippets are shown.
    WebDriverWait(browser.d, 10).until(
        lambda d: d.execute_script("return document.getElementById('search-results').dataset.query") == text)
    return [a.text for a in browser.d.find_elements(By.CSS_SELECTOR, "#search-results a.item-title")]


@pytest.mark.parametrize("where", ["served", "disk"])
def test_search_finds_a_word_of_an_analysis_body_with_the_match_marked(browser, example_site, example_server, where):
    """"Alaska" is in one analysis's text only, not in any title, summary or tag."""
    url = example_server.url(EXAMPLE_PAGES["search"]) if where == "served" else \
        (example_site.output / EXAMPLE_PAGES["search"]).as_uri()
    titles = search_for(browser, url, "alaska")
    assert titles == ["Pyongyang, Hanoi, New Delhi: Russia Recalibrates in Asia"], titles
    snippet = browser.d.find_element(By.CSS_SELECTOR, "#search-results li .snippet")
    assert [m.text for m in snippet.find_elements(By.TAG_NAME, "mark")] == ["Alaska"]
    assert "bomber patrols, including one near Alaska" in snippet.text
    assert browser.d.find_element(By.ID, "search-status").text == "1 page found."


def test_search_finds_relos_by_its_alias_and_ranks_names_above_text(browser, example_server):
    titles = search_for(browser, example_server.url(EXAMPLE_PAGES["search"]), "JMD")
    assert titles and "Reciprocal Exchange of Logistics" in titles[0], titles
    # Pages that only mention RELOS in their text come after the treaty, whose alias it is.
    titles = search_for(browser, example_server.url(EXAMPLE_PAGES["search"]), "relos")
    assert len(titles) > 1 and "Reciprocal Exchange of Logistics" in titles[0], titles


def test_search_shows_ten_results_then_more(browser, corpus_site):
    """The generated corpus: a word in most pages' text gives more than ten results, shown ten at a time."""
    titles = search_for(browser, (corpus_site.output / "search" / "index.html").as_uri(), "treaty")
    assert len(titles) == 10, titles
    status = browser.d.find_element(By.ID, "search-status").text
    found = int(status.split()[0])
    assert found > 20, status
    more = browser.d.find_element(By.ID, "search-more")
    assert more.is_displayed()
    more.click()
    WebDriverWait(browser.d, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search-results li")) == 20)
    links = [a.get_attribute("href") for a in browser.d.find_elements(By.CSS_SELECTOR, "#search-results a.item-title")]
    assert len(set(links)) == 20, "no page is listed twice"


@pytest.mark.parametrize("where", ["served", "disk"])
def test_search_finds_relos_by_typing_rel(browser, example_site, example_server, where):
    url = example_server.url(EXAMPLE_PAGES["search"]) if where == "served" else \
        (example_site.output / EXAMPLE_PAGES["search"]).as_uri()
    titles = search_for(browser, url, "rel")
    assert any("Reciprocal Exchange of Logistics" in t for t in titles[:3]), titles
    # The result is a working link to the treaty page.
    link = next(a for a in browser.d.find_elements(By.CSS_SELECTOR, "#search-results a.item-title")
                if "Logistics" in a.text)
    link.click()
    WebDriverWait(browser.d, 10).until(lambda d: "russia-india-relos" in d.current_url)
    assert "RELOS" in browser.d.find_element(By.CSS_SELECTOR, "main").text


def test_search_finds_india_by_an_alias(browser, example_server):
    titles = search_for(browser, example_server.url(EXAMPLE_PAGES["search"]), "new delhi")
    assert "India" in titles, titles
    titles = search_for(browser, example_server.url(EXAMPLE_PAGES["search"]), "Republic of Ind")
    assert titles and titles[0] == "India", titles


@pytest.mark.parametrize("query, expected", [("NATO", "North Atlantic Treaty"), ("Warsaw Pact", "Warsaw Pact"),
                                             ("Rio Treaty", "Inter-American Treaty of Reciprocal Assistance"),
                                             ("ANZUS", "ANZUS Treaty")])
def test_search_finds_alliances_by_the_names_people_use(browser, atop_site, query, expected):
    """An imported ATOP site: the well-known name (or its acronym) finds the alliance first."""
    titles = search_for(browser, (atop_site.output / "search" / "index.html").as_uri(), query)
    assert titles and titles[0] == expected, titles


def test_header_search_box_opens_search_with_the_query(browser, example_server):
    from selenium.webdriver.common.keys import Keys
    browser.open(example_server.url(EXAMPLE_PAGES["actor"]))
    box = browser.d.find_element(By.ID, "site-search-q")
    box.send_keys("relos", Keys.ENTER)
    WebDriverWait(browser.d, 10).until(lambda d: "search/" in d.current_url)
    WebDriverWait(browser.d, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
    assert "Logistics" in browser.d.find_element(By.ID, "search-results").text


# ---------------------------------------------------------------- the network picture

# A point on a link's visible shape (the middle of an edge, the centre of a node or of an agreement's diamond rather
# than a thin spoke), in viewport pixels, when that
# point really hits the link (not a neighbour drawn over it).
POINT_ON_LINK = """
var a = arguments[0], shape = a.querySelector('.ent-tnode') || a.querySelector('path, line, circle, rect');
if (!shape) return null;
var svg = shape.ownerSVGElement, p = svg.createSVGPoint(), m = shape.getScreenCTM();
if (shape.getTotalLength && /ent-(edge|spoke|line)/.test(shape.getAttribute('class'))) {
  var q = shape.getPointAtLength(shape.getTotalLength() / 2); p.x = q.x; p.y = q.y;
} else { var b = shape.getBBox(); p.x = b.x + b.width / 2; p.y = b.y + b.height / 2; }
var s = p.matrixTransform(m), hit = document.elementFromPoint(s.x, s.y);
return hit && hit.closest('a') === a ? [s.x, s.y] : null;
"""


@pytest.mark.parametrize("kind", ["actors", "treaties", "pairs"])
def test_network_picture_links_navigate(browser, example_server, atop_site, kind):
    """Nodes open their actor's page, hubs their agreement's, and a line between two actors the page of the two.
    The example site's agreements are all between two parties: the hubs are taken from the ATOP site's."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    network = (atop_site.output / "network" / "index.html").as_uri() if kind == "treaties" \
        else example_server.url(EXAMPLE_PAGES["network"])
    browser.open(network)
    d = browser.d
    selector = {"actors": 'a[href*="actors/"]:not([href*="/with/"])', "treaties": 'a[href*="treaties/"]',
                "pairs": 'a[href*="/with/"]'}[kind]
    links = d.find_elements(By.CSS_SELECTOR, f'figure svg {selector}')
    assert links, f"no {kind} links in the network picture"
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", d.find_element(By.CSS_SELECTOR, "figure svg"))
    target = point = None
    for link in links:
        point = d.execute_script(POINT_ON_LINK, link)
        if point:
            target = link
            break
    assert target, f"no {kind} link can be clicked on its shape"
    href = d.execute_script("return new URL(arguments[0].getAttribute('href'), location.href).href", target)
    title = d.execute_script("return arguments[0].querySelector('title').textContent", target)
    # A real mouse click at that point, as a reader would.
    actions = ActionBuilder(d)
    actions.pointer_action.move_to_location(int(point[0]), int(point[1]))
    actions.pointer_action.click()
    actions.perform()
    WebDriverWait(d, 10).until(lambda d: d.current_url != network)
    assert urlsplit(d.current_url).path.removesuffix("index.html") == urlsplit(href).path.removesuffix("index.html")
    heading = d.find_element(By.TAG_NAME, "h1").text
    if kind == "pairs":
        assert all(name in title for name in heading.split(" and ")), (heading, title)
    else:
        assert heading.split(" (")[0] in title, (heading, title)


# ---------------------------------------------------------------- print

def test_print_style_hides_navigation_and_shows_link_addresses(browser, example_server):
    browser.open(example_server.url(EXAMPLE_PAGES["treaty"]))
    browser.scheme("light", media="print")
    d = browser.d
    for selector in (".site-header nav", ".site-search", ".breadcrumbs", ".skip"):
        assert d.find_element(By.CSS_SELECTOR, selector).value_of_css_property("display") == "none", selector
    source = d.find_element(By.CSS_SELECTOR, ".sources a[href^='http']")
    after = d.execute_script("return getComputedStyle(arguments[0], '::after').content", source)
    assert source.get_attribute("href").rstrip("/") in after, after
    # The party table and the timeline print whole: nothing is clipped by a scroll box.
    assert d.find_element(By.CSS_SELECTOR, ".table-wrap").value_of_css_property("overflow-x") == "visible"
    assert d.find_element(By.CSS_SELECTOR, "table.parties thead").value_of_css_property("display") == "table-header-group"
    pdf = d.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})
    assert len(pdf["data"]) > 1000


# ---------------------------------------------------------------- polish

def test_breadcrumbs_lead_home(browser, example_server):
    for page in ("analysis", "actor", "treaty", "network", "timeline", "search"):
        browser.open(example_server.url(EXAMPLE_PAGES[page]))
        crumbs = browser.d.find_element(By.CSS_SELECTOR, 'nav.breadcrumbs[aria-label="Breadcrumb"]')
        items = crumbs.find_elements(By.TAG_NAME, "li")
        assert items[0].text == "Home", page
        current = crumbs.find_element(By.CSS_SELECTOR, '[aria-current="page"]')
        assert current.text.strip() and current.text.strip() in browser.d.find_element(By.TAG_NAME, "h1").text, page
        home = items[0].find_element(By.TAG_NAME, "a").get_attribute("href")
        assert home.rstrip("/").endswith(("sub/path", "sub/path/index.html")), home


def test_dates_show_their_precision(browser, example_server):
    browser.open(example_server.url(EXAMPLE_PAGES["treaty"]))
    times = {t.get_attribute("datetime"): t.text for t in browser.d.find_elements(By.CSS_SELECTOR, "ol.timeline time")}
    assert times.get("2018-09") == "Sep 2018", times
    assert times.get("2025-02-18") == "18 Feb 2025", times
    month = browser.d.find_element(By.CSS_SELECTOR, 'ol.timeline time[datetime="2018-09"]')
    assert "month" in (month.get_attribute("title") or ""), "an approximate date says how precise it is"


def test_favicon_and_social_meta(browser, example_server):
    browser.open(example_server.url(EXAMPLE_PAGES["treaty"]))
    d = browser.d
    icon = d.find_element(By.CSS_SELECTOR, 'link[rel="icon"]').get_attribute("href")
    assert d.execute_script("return fetch(arguments[0]).then(r => r.status)", icon) == 200
    meta = lambda key: d.find_element(By.CSS_SELECTOR, f'meta[property="{key}"], meta[name="{key}"]').get_attribute("content")
    assert meta("og:url") == "https://reports.example.org/entente/treaties/russia-india-relos/"
    assert meta("og:title").startswith("Russia–India Reciprocal Exchange of Logistics Agreement")
    assert meta("og:description") and meta("og:description") == meta("description")
    assert meta("og:site_name") == "Entente: Russia in Asia"
    assert meta("twitter:card") == "summary"
    browser.open(example_server.url(EXAMPLE_PAGES["analysis"]))
    assert meta("og:type") == "article"
    assert meta("article:published_time") == "2024-07-31"


def test_about_and_mentions_read_as_sentences(browser, example_server):
    browser.open(example_server.url(EXAMPLE_PAGES["analysis"]))
    about = browser.d.find_element(By.CSS_SELECTOR, "aside.about").text
    assert "It is about Russia, India, " in about and " and Russian balancing faction." in about, about
    assert "Filed under " in about
    # Actor and treaty pages say how each analysis relates to them by the heading of its list.
    for page, name in (("actor", "India"), ("treaty", "RELOS")):
        browser.open(example_server.url(EXAMPLE_PAGES[page]))
        # textContent, not .text: the theme sets h3 in capitals, and .text is the rendered text.
        headings = [t for t in (h.get_attribute("textContent").strip() for h in browser.d.find_elements(By.CSS_SELECTOR, "h3"))
                    if t.startswith(("About ", "Mentioning "))]
        assert headings and set(headings) <= {f"About {name}", f"Mentioning {name}"}, headings
        items = browser.d.find_elements(By.CSS_SELECTOR, "h3 + ul.items > li")
        assert items, "each heading is followed by its list of analyses"


def test_a_page_bundles_image_is_shown_and_its_citations_load(browser, example_server):
    """The example's bundle publishes its SVG beside the analysis; the page shows it, and the browser reads each
    "Cite this" file from its link's data: URL, under the name it is saved as."""
    browser.open(example_server.url(EXAMPLE_PAGES["analysis"]))
    width = browser.d.execute_script(
        "var i = document.querySelector('.prose img'); return i && i.complete ? i.naturalWidth : 0;")
    assert width > 0, "the bundle's image did not load"
    files = browser.d.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "var links = Array.from(document.querySelectorAll('.cite a[download]'));"
        "Promise.all(links.map(function (a) {"
        "  return fetch(a.href).then(function (r) { return r.text(); }).then(function (t) { return [a.download, t]; });"
        "})).then(done, function (e) { done(String(e)); });")
    slug = EXAMPLE_PAGES["analysis"].split("/")[1]
    assert [name for name, _ in files] == [slug + ".bib", slug + ".ris", slug + ".json"], files
    bib, ris, csl = (text for _, text in files)
    assert bib.startswith("@online{" + slug + ",\n"), bib
    assert ris.startswith("TY  - ELEC\r\n") and ris.endswith("ER  - \r\n"), ris
    assert json.loads(csl)[0]["id"] == slug, csl


def test_the_snapshot_picker_goes_to_the_nearest_snapshot(browser, example_server):
    """The optional script on the network page: any year leads to the nearest snapshot; the links work without it."""
    browser.open(example_server.url(EXAMPLE_PAGES["network"]))
    box = browser.d.find_element(By.CSS_SELECTOR, "form.snapshot-picker input")
    box.send_keys("2009")
    browser.d.find_element(By.CSS_SELECTOR, "form.snapshot-picker button").click()
    WebDriverWait(browser.d, 10).until(lambda d: "/network/2010/" in d.current_url)


# ---------------------------------------------------------------- the treaty index's facets

def table_links(driver):
    return sorted(a.get_attribute("href").split("/treaties/")[1]
                  for a in driver.find_elements(By.CSS_SELECTOR, "table.treaty-list tbody th a"))


@pytest.mark.parametrize("facet, value", [("kind", "defence-pact"), ("decade", "1950s")])
def test_the_facet_script_filters_to_the_rows_of_the_static_facet_page(browser, atop_site, facet, value):
    """ATOP site: the index filtered in place (#kind=defence-pact) lists the same agreements as the static page."""
    static = atop_site.output / "treaties" / facet / value / "index.html"
    browser.open(static.as_uri())
    expected = table_links(browser.d)
    lede = browser.d.find_element(By.CSS_SELECTOR, "p.lede").text
    assert expected and lede.startswith(f"{len(expected)} agreements"), lede
    browser.open((atop_site.output / "treaties" / "index.html").as_uri() + f"#{facet}={value}")
    WebDriverWait(browser.d, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "form.facet-filter .facet-count").text.startswith(str(len(expected))))
    assert table_links(browser.d) == expected
    assert all(not nav.is_displayed() for nav in browser.d.find_elements(By.CSS_SELECTOR, "nav.pagination"))


def test_the_facet_script_keeps_the_choice_in_the_address_and_sorts(browser, example_site):
    from selenium.webdriver.support.ui import Select
    console, failed = browser.open((example_site.output / "treaties" / "index.html").as_uri())
    assert not console and not failed
    Select(browser.d.find_element(By.CSS_SELECTOR, 'form.facet-filter select[name="kind"]')).select_by_value("defence-pact")
    WebDriverWait(browser.d, 10).until(lambda d: "kind=defence-pact" in d.current_url)
    names = [a.text for a in browser.d.find_elements(By.CSS_SELECTOR, "table.treaty-list tbody th a")]
    assert len(names) == 3 and names == sorted(names), names
    Select(browser.d.find_element(By.CSS_SELECTOR, 'form.facet-filter select[name="sort"]')).select_by_value("date")
    WebDriverWait(browser.d, 10).until(lambda d: "sort=date" in d.current_url)
    dates = [t.get_attribute("datetime") for t in browser.d.find_elements(By.CSS_SELECTOR, "table.treaty-list tbody time")]
    assert dates == sorted(dates) and dates[0].startswith("1961"), dates


# ---------------------------------------------------------------- the actor index's facets

def visible_actor_links(driver):
    return sorted(a.get_attribute("href").split("/actors/")[1]
                  for a in driver.find_elements(By.CSS_SELECTOR, "section.actor-group li a") if a.is_displayed())


@pytest.mark.parametrize("facet, value", [("region", "east-asia"), ("kind", "state")])
def test_the_actor_filter_shows_the_actors_of_the_static_facet_page(browser, example_site, facet, value):
    """The actor index filtered in place (#region=east-asia) shows the same actors as the static page, and keeps
    the choice in the address; sorting by agreements puts the actor with the most first in each kind."""
    from selenium.webdriver.support.ui import Select
    browser.open((example_site.output / "actors" / facet / value / "index.html").as_uri())
    expected = visible_actor_links(browser.d)
    assert expected
    console, failed = browser.open((example_site.output / "actors" / "index.html").as_uri())
    assert not console and not failed
    Select(browser.d.find_element(By.CSS_SELECTOR, f'form.actor-filter select[name="{facet}"]')).select_by_value(value)
    WebDriverWait(browser.d, 10).until(lambda d: f"{facet}={value}" in d.current_url)
    assert visible_actor_links(browser.d) == expected
    assert browser.d.find_element(By.CSS_SELECTOR, "form.actor-filter .facet-count").text.startswith(str(len(expected)))
    Select(browser.d.find_element(By.CSS_SELECTOR, 'form.actor-filter select[name="sort"]')).select_by_value("agreements")
    WebDriverWait(browser.d, 10).until(lambda d: "sort=agreements" in d.current_url)
    for group in browser.d.find_elements(By.CSS_SELECTOR, "section.actor-group"):
        counts = [int(li.get_attribute("data-agreements")) for li in group.find_elements(By.CSS_SELECTOR, "li") if li.is_displayed()]
        assert counts == sorted(counts, reverse=True), counts

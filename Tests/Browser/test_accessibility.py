"""Accessibility: axe-core on the key pages in both colour schemes (contrast included), visible keyboard focus,
one h1 and no skipped heading level, landmarks, and text alternatives for every image and picture link."""
from collections import Counter

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import EXAMPLE_PAGES, record

PAGES = list(EXAMPLE_PAGES)
IMPACTS = Counter()
AXE_PAGES = []


def axe_violations(driver):
    axe = Axe(driver)
    axe.inject()
    # Every rule of axe-core's WCAG 2 A and AA sets and its best practices, colour contrast among them.
    results = axe.run(options='{"resultTypes": ["violations"]}')
    return results["violations"]


def describe(violations):
    return "\n".join(f"{v['impact']}: {v['id']}: {v['help']} — "
                     + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:5])
                     + ("" if not v["nodes"] else f" — {v['nodes'][0].get('failureSummary', '')[:300]}")
                     for v in violations)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGES)
def test_axe_finds_no_serious_or_critical_violation(browser, example_server, page, scheme):
    browser.scheme(scheme)
    browser.open(example_server.url(EXAMPLE_PAGES[page]))
    violations = axe_violations(browser.d)
    for v in violations:
        IMPACTS[v["impact"]] += len(v["nodes"])
    AXE_PAGES.append((page, scheme))
    record("axe: page × scheme runs", len(AXE_PAGES))
    record("axe: violations by impact (elements)",
           {impact: IMPACTS[impact] for impact in ("critical", "serious", "moderate", "minor")})
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, describe(serious)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_checks_contrast_on_a_phone(browser, example_server, scheme):
    browser.phone()
    browser.scheme(scheme)
    for page in ("treaty", "network", "home"):
        browser.open(example_server.url(EXAMPLE_PAGES[page]))
        contrast = [v for v in axe_violations(browser.d) if v["id"] == "color-contrast"]
        assert not contrast, describe(contrast)


def test_axe_does_report_poor_contrast(browser, work):
    """axe is really run and its contrast rule reported: grey on grey fails."""
    page = work / "low-contrast.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1>'
                    '<p style="color:#999;background:#aaa">Hard to read</p></main></body></html>')
    browser.open(page.as_uri())
    assert any(v["id"] == "color-contrast" and v["impact"] == "serious" for v in axe_violations(browser.d))


# ---------------------------------------------------------------- keyboard

def focus_ring(driver):
    """The focused element's outline or box shadow, and whether it is on screen."""
    return driver.execute_script("""
        var e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
        return {tag: e.tagName, text: (e.textContent || e.value || '').trim().slice(0, 40),
                outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
                shadow: s.boxShadow !== 'none',
                visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
                         r.top < window.innerHeight && r.left < window.innerWidth};""")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", ["treaty", "search", "network"])
def test_keyboard_focus_is_visible(browser, example_server, page, scheme):
    browser.scheme(scheme)
    browser.open(example_server.url(EXAMPLE_PAGES[page]))
    # Start from the top of the page, as a reader who has just arrived does (the search page's box has autofocus).
    browser.d.execute_script("var s = document.createElement('span'); s.tabIndex = -1;"
                             "document.body.insertBefore(s, document.body.firstChild); s.focus();")
    seen = []
    for _ in range(25):
        browser.d.switch_to.active_element.send_keys(Keys.TAB)
        ring = focus_ring(browser.d)
        if ring["tag"] == "BODY" and len(seen) >= 5:
            break  # past the last focusable element of a short page: the browser's own controls are next
        seen.append(ring)
        assert ring["outline"] or ring["shadow"], f"no visible focus indicator on {ring}"
        assert ring["visible"], f"the focused element is off screen: {ring}"
    assert seen[0]["text"] == "Skip to content", seen[0]


def test_skip_link_moves_focus_to_the_main_content(browser, example_server):
    browser.open(example_server.url(EXAMPLE_PAGES["analysis"]))
    browser.d.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    browser.d.switch_to.active_element.send_keys(Keys.ENTER)
    assert browser.d.current_url.endswith("#main")


# ---------------------------------------------------------------- structure

@pytest.mark.parametrize("page", PAGES)
def test_headings_landmarks_and_text_alternatives(browser, example_server, page):
    browser.open(example_server.url(EXAMPLE_PAGES[page]))
    d = browser.d
    levels = [int(h.tag_name[1]) for h in d.find_elements(By.CSS_SELECTOR, "h1, h2, h3, h4, h5, h6")]
    assert levels.count(1) == 1 and levels[0] == 1, levels
    for previous, level in zip(levels, levels[1:]):
        assert level <= previous + 1, f"heading level skips from h{previous} to h{level}: {levels}"
    # One banner, one main, one content info, the section navigation and the breadcrumbs (not on the home page).
    assert len(d.find_elements(By.CSS_SELECTOR, "body > header")) == 1
    assert len(d.find_elements(By.CSS_SELECTOR, "main#main")) == 1
    assert len(d.find_elements(By.CSS_SELECTOR, "body > footer")) == 1
    navs = [n.get_attribute("aria-label") for n in d.find_elements(By.TAG_NAME, "nav")]
    assert "Sections" in navs and (page == "home" or "Breadcrumb" in navs), navs
    assert len(navs) == len(set(navs)), f"navigation landmarks need distinct labels: {navs}"
    assert d.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "en"
    for img in d.find_elements(By.TAG_NAME, "img"):
        assert img.get_attribute("alt") is not None, img.get_attribute("outerHTML")[:200]
    for svg in d.find_elements(By.CSS_SELECTOR, "main svg"):
        name = d.execute_script(
            "var s = arguments[0], ids = (s.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);"
            "return ids.map(function (i) { var e = document.getElementById(i); return e ? e.textContent : ''; }).join(' ')"
            " || s.getAttribute('aria-label') || '';", svg)
        assert name.strip(), "a picture without a text alternative"
        # An image's children are hidden from assistive technology: a picture with links must not be one.
        if svg.find_elements(By.TAG_NAME, "a"):
            assert svg.get_attribute("role") != "img", "a picture with links has role=img"
    for link in d.find_elements(By.CSS_SELECTOR, "main svg a"):
        title = d.execute_script("var t = arguments[0].querySelector('title'); return t ? t.textContent : ''", link)
        assert title.strip(), "a picture link without a title"
    for link in d.find_elements(By.CSS_SELECTOR, "a[href]"):
        assert d.execute_script("return (arguments[0].textContent || '').trim() || "
                                "arguments[0].getAttribute('aria-label') || ''", link), "a link without text"


# ---------------------------------------------------------------- the palette itself

def luminance(hex_colour: str) -> float:
    hex_colour = hex_colour.strip().lstrip("#")
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_palette_meets_wcag_aa(browser, example_server, scheme):
    """Every text colour of the theme on both backgrounds: 4.5:1 (AA for body text); the focus ring and rules
    that carry meaning (the accent) 3:1 (non-text contrast). axe checks the text it sees; this checks every pair."""
    browser.scheme(scheme)
    browser.open(example_server.url(EXAMPLE_PAGES["home"]))
    names = ["text", "muted", "bg", "panel", "accent", "link", "link-visited", "focus", "ok", "warn", "bad"]
    colours = browser.d.execute_script(
        "var s = getComputedStyle(document.documentElement);"
        "return arguments[0].map(function (n) { return s.getPropertyValue('--' + n).trim(); });", names)
    palette = dict(zip(names, colours))
    assert all(c.startswith("#") and len(c) == 7 for c in colours), palette
    failures = []
    for background in ("bg", "panel"):
        for foreground in ("text", "muted", "accent", "link", "link-visited", "ok", "warn", "bad"):
            ratio = contrast(palette[foreground], palette[background])
            if ratio < 4.5:
                failures.append(f"--{foreground} on --{background}: {ratio:.2f}")
        ratio = contrast(palette["focus"], palette[background])
        if ratio < 3:
            failures.append(f"--focus on --{background}: {ratio:.2f}")
    assert not failures, failures

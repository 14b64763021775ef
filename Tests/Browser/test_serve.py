"""`entente serve` in a real browser: an edit reloads the open page with the new text; a broken edit shows the
error overlay over the last good page; fixing it takes the overlay away."""
import re
import shutil
import subprocess
import threading

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, entente_binary

ANALYSIS = "Content/analyses/2024-12-russia-north-korea-treaty-in-force.md"
PAGE = "analyses/2024-12-russia-north-korea-treaty-in-force/"


@pytest.fixture
def preview(work):
    site = work / "serve-site"
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(REPO / "Content", site / "Content")
    process = subprocess.Popen([str(entente_binary()), "serve", "--site", str(site), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    url = None
    for line in process.stdout:
        lines.append(line)
        match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if match:
            url = match.group(1)
            break
    assert url, "".join(lines)
    # Keep reading its output so that it never blocks on a full pipe.
    threading.Thread(target=lambda: [lines.append(l) for l in process.stdout], daemon=True).start()
    yield site, url, lines
    process.terminate()
    process.wait(timeout=20)


def wait_for(driver, condition, what: str, timeout: float = 60):
    # The page may reload between finding an element and reading it (a rebuild takes tens of milliseconds now):
    # that read is tried again, not a failure.
    WebDriverWait(driver, timeout, poll_frequency=0.2,
                  ignored_exceptions=(StaleElementReferenceException,)).until(condition, message=what)


def test_editing_an_analysis_reloads_the_open_page(browser, preview):
    site, url, log = preview
    browser.open(url + PAGE)
    d = browser.d
    assert d.find_elements(By.CSS_SELECTOR, "script[data-entente-preview]"), "the preview adds its reload script"
    d.execute_script("window.__before_reload = true;")
    path = site / ANALYSIS
    path.write_text(path.read_text(encoding="utf-8") + "\nA sentence added while the page was open.\n",
                    encoding="utf-8")
    wait_for(d, lambda d: "A sentence added while the page was open." in d.find_element(By.TAG_NAME, "main").text,
             "the open page shows the edit" + "".join(log))
    assert d.execute_script("return window.__before_reload === undefined"), "the page was reloaded, not patched"
    assert not d.find_elements(By.ID, "entente-errors")

    # A broken edit: an unknown actor. The page shows the error overlay over the last good site.
    good = path.read_text(encoding="utf-8")
    path.write_text(good + "\nSee [this](actor:nobody-at-all).\n", encoding="utf-8")
    wait_for(d, lambda d: d.find_elements(By.ID, "entente-errors"), "the error overlay appears" + "".join(log))
    overlay = d.find_element(By.ID, "entente-errors")
    assert overlay.is_displayed()
    assert "nobody-at-all" in overlay.text and "1 error" in overlay.text
    assert "A sentence added while the page was open." in d.find_element(By.TAG_NAME, "main").text

    # Fixed again: the overlay goes away.
    path.write_text(good, encoding="utf-8")
    wait_for(d, lambda d: not d.find_elements(By.ID, "entente-errors"), "the overlay goes once fixed")

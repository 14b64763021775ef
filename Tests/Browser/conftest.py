"""Shared fixtures of the browser suite: the built sites, a static server with a sub-path, headless Chromium.

Run with `make browser-test` (or `python3 -m pytest Tests/Browser` once `entente` is built). Environment:

- `ENTENTE_BIN`: the `entente` binary (default: `.build/debug/entente`, else `.build/release/entente`).
- `ENTENTE_SCREENSHOTS`: a folder; when set, the layout tests save their screenshots there.
- `ENTENTE_REPORT`: a file; when set, the suite writes its figures there (pages validated, links checked, ...).
- `ENTENTE_TEMPLATES`: a `Templates/` folder that every test site uses (to check a theme without rebuilding).
- `ENTENTE_GENERATE_SITE`: the project's site generator (`entente-generate-site`, which `make browser-test` builds);
  without it the third site is the `minimal-site` test fixture.
"""
import functools
import http.server
import json
import os
import shutil
import socketserver
import subprocess
import tempfile
import threading
import urllib.parse
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SUB_PATH = "/sub/path/"

# The pages the browser tests open in each site: name -> path inside the output.
EXAMPLE_PAGES = {
    "home": "index.html",
    "analysis": "analyses/2024-07-russia-asia-recalibration/index.html",
    "actor": "actors/india/index.html",
    "treaty": "treaties/russia-india-relos/index.html",
    "network": "network/index.html",
    "timeline": "timeline/index.html",
    "search": "search/index.html",
    # A page bundle's analysis shows its own image; this one cites its sources and has a correction.
    "analysis-with-sources": "analyses/2024-12-russia-north-korea-treaty-in-force/index.html",
    "authors": "authors/index.html",
    "author": "authors/mara-lindqvist/index.html",
    "watch": "watch/index.html",
    "snapshot": "network/2024-12-31/index.html",
    "pair": "actors/north-korea/with/russia/index.html",
    "treaty-facet": "treaties/kind/defence-pact/index.html",
    "actor-facet": "actors/region/east-asia/index.html",
}


def entente_binary() -> Path:
    if os.environ.get("ENTENTE_BIN"):
        return Path(os.environ["ENTENTE_BIN"]).resolve()
    for candidate in (REPO / ".build" / "debug" / "entente", REPO / ".build" / "release" / "entente"):
        if candidate.exists():
            return candidate
    raise RuntimeError("entente is not built: run `swift build --product entente` or `make browser-test`")


# ---------------------------------------------------------------- figures for the closing report

FIGURES: dict = {}


def record(key: str, value) -> None:
    """Keeps a figure (pages validated, links checked, ...) for the summary printed at the end."""
    FIGURES[key] = value


def pytest_terminal_summary(terminalreporter):
    if not FIGURES:
        return
    terminalreporter.section("Entente browser suite: figures")
    for key in sorted(FIGURES):
        terminalreporter.write_line(f"{key}: {FIGURES[key]}")
    report = os.environ.get("ENTENTE_REPORT")
    if report:
        Path(report).write_text(json.dumps(FIGURES, indent=2, sort_keys=True) + "\n")


# ---------------------------------------------------------------- sites

class Site:
    """A built site: its source folder and its output folder."""

    def __init__(self, name: str, source: Path, output: Path):
        self.name, self.source, self.output = name, source, output

    def html_files(self):
        return sorted(self.output.rglob("*.html"))

    def __repr__(self):
        return f"Site({self.name})"


def build(source: Path, output: Path, *extra: str) -> None:
    result = subprocess.run([str(entente_binary()), "build", "--site", str(source), "--output", str(output),
                             "--quiet", *extra], capture_output=True, text=True)
    assert result.returncode == 0, f"entente build failed:\n{result.stdout}\n{result.stderr}"


def copy_site(source: Path, target: Path, extra_yaml: str = "") -> Path:
    shutil.copytree(source / "Content", target / "Content")
    if os.environ.get("ENTENTE_TEMPLATES"):
        shutil.copytree(os.environ["ENTENTE_TEMPLATES"], target / "Templates")
    if extra_yaml:
        with open(target / "Content" / "site.yaml", "a", encoding="utf-8") as f:
            f.write("\n" + extra_yaml + "\n")
    return target


@pytest.fixture(scope="session")
def work():
    # World-readable, not pytest's private tmp folder: linkchecker, run as root, drops privileges to `nobody`.
    folder = Path(tempfile.mkdtemp(prefix="entente-browser-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def example_site(work) -> Site:
    """The example site of the repository, with `base_url` set (canonical links, Open Graph, sitemap)."""
    source = copy_site(REPO, work / "example")
    output = work / "example-out"
    build(source, output, "--base-url", "https://reports.example.org/entente/")
    return Site("example", source, output)


@pytest.fixture(scope="session")
def pretty_site(work) -> Site:
    """The example site with `pretty_links: true` and no `base_url`: folder links, for a web server only."""
    source = copy_site(REPO, work / "pretty", "pretty_links: true")
    output = work / "pretty-out"
    build(source, output)
    return Site("example-pretty", source, output)


@pytest.fixture(scope="session")
def corpus_site(work) -> Site:
    """A generated site (120 analyses, 10 treaties, 12 actors: long enough for lists of several pages), or the test
    fixture site without the generator."""
    source = work / "corpus"
    generator = os.environ.get("ENTENTE_GENERATE_SITE")
    if generator:
        subprocess.run([generator, str(source), "--analyses", "120", "--treaties", "10", "--actors", "12", "--seed", "1"],
                       check=True, capture_output=True)
        if os.environ.get("ENTENTE_TEMPLATES"):
            shutil.copytree(os.environ["ENTENTE_TEMPLATES"], source / "Templates")
        name = "generated"
    else:
        copy_site(REPO / "Tests" / "EntenteKitTests" / "Fixtures" / "minimal-site", source)
        name = "minimal-site (no ENTENTE_GENERATE_SITE)"
    output = work / "corpus-out"
    build(source, output)
    return Site(name, source, output)


@pytest.fixture(scope="session")
def atop_site(work) -> Site:
    """A site imported with `entente import atop` from the test fixture of the named alliances (62 real ATOP rows)."""
    source = work / "atop"
    fixture = REPO / "Tests" / "EntenteKitTests" / "Fixtures" / "atop-named"
    result = subprocess.run([str(entente_binary()), "import", "atop", "--site", str(source),
                             "--alliances", str(fixture / "alliance-level.csv"), "--members", str(fixture / "member-level.csv"),
                             "--states", str(fixture / "cow-states.csv")], capture_output=True, text=True)
    assert result.returncode == 0, f"entente import atop failed:\n{result.stdout}\n{result.stderr}"
    output = work / "atop-out"
    build(source, output)
    return Site("atop-named", source, output)


@pytest.fixture(scope="session")
def all_sites(example_site, pretty_site, corpus_site):
    return [example_site, pretty_site, corpus_site]


# ---------------------------------------------------------------- a static server that puts a site under a sub-path

class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `directory` at SUB_PATH only; everything else is 404, as on a host that serves other things too."""

    def translate_path(self, path):
        if not urllib.parse.urlsplit(path).path.startswith(SUB_PATH):
            return os.path.join(self.directory, ".not-served", "x")
        return super().translate_path(path[len(SUB_PATH) - 1:])

    def end_headers(self):
        # linkchecker lifts its politeness limit (10 requests a second) for servers that send this header.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, *args):
        pass


class StaticServer:
    def __init__(self, root: Path):
        handler = functools.partial(SubPathHandler, directory=str(root))
        self.httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}{SUB_PATH}"

    def url(self, path: str = "") -> str:
        return self.base + path

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def serve_static():
    servers = []

    def start(site: Site) -> StaticServer:
        server = StaticServer(site.output)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def example_server(example_site, serve_static) -> StaticServer:
    return serve_static(example_site)


# ---------------------------------------------------------------- headless Chromium

def chromium_paths():
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not browser or not os.path.exists(driver):
        raise RuntimeError("needs Debian's chromium and chromium-driver (make browser-deps installs them)")
    return browser, driver


@pytest.fixture(scope="session")
def driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, chromedriver = chromium_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--disable-extensions", "--no-first-run", "--disable-background-networking",
                "--allow-file-access-from-files"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    drv.set_page_load_timeout(60)
    yield drv
    drv.quit()


class Browser:
    """Helpers over the WebDriver: viewport, colour scheme, logs."""

    def __init__(self, driver):
        self.d = driver

    def viewport(self, width: int, height: int, mobile: bool = False, scale: float = 1):
        self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile})

    def desktop(self):
        self.viewport(1280, 900)

    def phone(self):
        self.viewport(375, 812, mobile=True, scale=2)

    def scheme(self, scheme: str = "light", media: str = ""):
        self.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})

    def reset(self):
        self.desktop()
        self.scheme("light")

    def drain_logs(self):
        self.d.get_log("browser")
        self.d.get_log("performance")

    def open(self, url: str):
        """Opens a page and returns (console errors, failed requests) seen while loading it."""
        self.drain_logs()
        self.d.get(url)
        self.d.execute_script("return document.readyState")
        console = [entry for entry in self.d.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]
        failed = []
        for entry in self.d.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            method, params = message.get("method"), message.get("params", {})
            if method == "Network.loadingFailed" and not params.get("canceled"):
                failed.append(f"{params.get('errorText')} ({params.get('requestId')})")
            elif method == "Network.responseReceived":
                status = params["response"].get("status", 0)
                if status >= 400:
                    failed.append(f"{status} {params['response'].get('url')}")
        return console, failed


@pytest.fixture
def browser(driver):
    b = Browser(driver)
    b.reset()
    yield b
    b.reset()

"""linkchecker finds no broken internal link: the sites opened from disk and served from a sub-path."""
import csv
import io
import re
import subprocess

import pytest

from conftest import record


def linkcheck(url: str, work):
    """Runs linkchecker recursively from `url`; returns (links checked, broken links as text)."""
    config = work / "linkcheckerrc"
    config.write_text("[checking]\nmaxrequestspersecond=1000\n[AnchorCheck]\n")
    config.chmod(0o644)
    result = subprocess.run(
        ["linkchecker", "--config", str(config), "--no-status", "--verbose", "--threads", "4", "--recursion-level", "-1",
         "-o", "csv/utf-8", url],
        capture_output=True, text=True, timeout=600)
    assert result.returncode in (0, 1), f"linkchecker failed to run:\n{result.stdout}\n{result.stderr}"
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    assert rows, f"linkchecker checked nothing at {url}:\n{result.stderr}"
    # A missing file is an error; a missing #fragment on another page is a warning (AnchorCheck): both are broken.
    broken = [f"{r['parentname']} -> {r['urlname']}: {r['result']} {r['warningstring']}" for r in rows
              if r["valid"] not in ("True", "1") or "Anchor" in r["warningstring"]]
    return len(rows), broken


@pytest.mark.parametrize("name", ["example_site", "corpus_site"])
def test_no_broken_links_from_disk(request, name, work):
    site = request.getfixturevalue(name)
    checked, broken = linkcheck((site.output / "index.html").as_uri(), work)
    record(f"links: {site.name}, from disk: URLs checked", checked)
    assert not broken, "\n".join(broken[:40])
    assert checked >= min(50, len(site.html_files())), "the crawl stopped short of the site"


@pytest.mark.parametrize("name", ["example_site", "pretty_site", "corpus_site"])
def test_no_broken_links_served_from_a_sub_path(request, name, serve_static, work):
    site = request.getfixturevalue(name)
    server = serve_static(site)
    checked, broken = linkcheck(server.url(), work)
    record(f"links: {site.name}, served at {server.url().split('/', 3)[3]}: URLs checked", checked)
    assert not broken, "\n".join(broken[:40])
    assert checked >= min(50, len(site.html_files())), "the crawl stopped short of the site"


def test_linkchecker_does_find_a_broken_link(example_site, work):
    """A page with a dangling relative link is reported: the checks above are not vacuous."""
    folder = work / "dangling"
    folder.mkdir()
    (folder / "index.html").write_text('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
                                       '<a href="actors/nobody/index.html">x</a> <a href="b.html#gone">y</a></body></html>')
    (folder / "b.html").write_text('<!DOCTYPE html><html lang="en"><head><title>b</title></head><body>'
                                   '<p id="here">b</p></body></html>')
    checked, broken = linkcheck((folder / "index.html").as_uri(), work)
    assert len(broken) == 2 and any("nobody" in b for b in broken) and any("#gone" in b for b in broken), broken

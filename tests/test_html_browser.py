"""The HTML report in a real browser: headless Chromium (Debian's `chromium`) loads the file
with the network blocked, takes a screenshot and prints it to PDF.

Checked: no request leaves the page (Chromium's own net log), nothing on the console, the
screenshot is not blank and shows the charts' colours, the PDF has a sensible number of A4
pages and its text (pdftotext) holds the county and its total. The screenshot and PDF
paths are printed at the end of the run ("artefact: …").

Without chromium or pdftotext these tests skip, unless SERVICEKB_REQUIRE_BROWSER=1 (as
.ci/run sets after installing them): then they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import run_servicekb

pytestmark = pytest.mark.slow

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
PDFTOTEXT = shutil.which("pdftotext")


@pytest.fixture(autouse=True)
def _tools():
    missing = [name for name, path in (("chromium", CHROMIUM), ("pdftotext", PDFTOTEXT)) if not path]
    if missing:
        message = f"needs {' and '.join(missing)} (Debian: apt-get install chromium poppler-utils)"
        if os.environ.get("SERVICEKB_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)


@dataclass
class Visit:
    screenshot: Path
    pdf: Path
    console: list[str]  # what the page wrote to the console
    page_requests: list[str]  # URLs the page asked the network for
    stderr: str


def visit(page: Path, out: Path, window: tuple[int, int] = (1280, 2000)) -> Visit:
    """Open a local page offline in headless Chromium: screenshot, PDF, console, requests."""
    screenshot, pdf, netlog = out / f"{page.stem}.png", out / f"{page.stem}.pdf", out / f"{page.stem}-net.json"
    assert CHROMIUM is not None  # the module is skipped without it
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
        "--force-device-scale-factor=1", f"--user-data-dir={out / 'profile'}",
        # Offline: no name resolves and every request goes to a proxy that is not there.
        "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
        f"--log-net-log={netlog}", "--enable-logging=stderr", "--v=0",
        f"--window-size={window[0]},{window[1]}", f"--screenshot={screenshot}",
        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri(),
    ]  # fmt: skip
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    return Visit(screenshot, pdf, console, page_requests(netlog), proc.stderr)


def page_requests(netlog: Path) -> list[str]:
    """URLs requested on behalf of a file:// page (the browser's own chatter is keyed to other sites)."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        e["params"]["url"]
        for e in log["events"]
        if e["type"] == start and "file://" in e["params"].get("network_isolation_key", "")
    ]


def pixels(png: Path) -> tuple[int, int, list[tuple[int, ...]]]:
    """Decode an 8-bit RGB/RGBA PNG (what Chromium writes): width, height, RGB pixels."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        header = body if kind == b"IHDR" else header
        idat += body if kind == b"IDAT" else b""
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
    channels = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, up_left = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else up_left)) & 255
        rows.append(line)
        previous = line
    out = [tuple(row[x * channels : x * channels + 3]) for row in rows for x in range(width)]
    return width, height, out


def pdf_pages_and_text(pdf: Path) -> tuple[int, str]:
    assert PDFTOTEXT is not None  # the module is skipped without it
    text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.count("\f"), " ".join(text.split())


def hex_rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


@pytest.mark.parametrize(
    ("args", "name", "heading", "total", "max_pages"),
    [
        (["--region", "Dalarna"], "dalarna", "Dalarnas län (länskod 20, W) – Region Dalarna", "32 037 624 kr", 12),
        ([], "sverige", "Lokal service: alla pilotprojekt", None, 50),
    ],
    ids=["Dalarna", "national"],
)
def test_report_in_headless_chromium(tmp_path, record_property, args, name, heading, total, max_pages):
    page = tmp_path / f"{name}.html"
    made = run_servicekb("report", *args, "--format", "html", "-o", page)
    assert made.returncode == 0, made.stderr
    seen = visit(page, tmp_path)
    record_property("artefact", str(seen.screenshot))
    record_property("artefact", str(seen.pdf))
    print(f"screenshot: {seen.screenshot}\nPDF: {seen.pdf}")

    assert seen.page_requests == []
    assert seen.console == []

    width, height, colours = pixels(seen.screenshot)
    assert (width, height) == (1280, 2000)
    white = sum(1 for c in colours if min(c) >= 245)
    assert white / len(colours) < 0.97, "the page looks blank"
    present = set(colours)
    from servicekb.render_html import SHADES

    bar = hex_rgb("#2f6fae")  # the bars (report.css .bar)
    assert bar in present, "no bar chart drawn"
    assert hex_rgb(SHADES[-1]) in present, "no map tile in the darkest shade"

    pages, text = pdf_pages_and_text(seen.pdf)
    assert 2 <= pages <= max_pages, pages
    assert heading in text
    if total:
        assert f"Total kostnad, avslutade projekt: {total}" in text
    assert "Projektbeskrivningar" in text and "Genomförande" in text  # descriptions unfold in print


def test_the_browser_checks_can_fail(tmp_path):
    """The control: a page that fetches an image, logs an error and is empty is caught."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="sv"><head><title>x</title></head><body>'
        '<img src="https://example.invalid/x.png" alt=""><script>console.error("fel")</script></body></html>',
        encoding="utf-8",
    )
    seen = visit(page, tmp_path, window=(400, 300))
    assert seen.page_requests == ["https://example.invalid/x.png"]
    assert any('"fel"' in line for line in seen.console), seen.stderr[-2000:]
    _, _, colours = pixels(seen.screenshot)
    assert all(min(c) >= 245 for c in colours)  # blank

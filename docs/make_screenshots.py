"""Regenerate docs/report-dalarna.png: the README's picture of `servicekb report --format html`.

    python docs/make_screenshots.py [--keep DIR]

Writes the Dalarna report from the bundled data with the installed servicekb, opens it in
headless Chromium (Debian's `chromium` package) with the network blocked, and saves a
screenshot of the top of the page. --keep DIR also keeps the HTML and an A4 PDF there.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
WINDOW = (1200, 1500)  # CSS pixels: the overview, the map and the themes


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("make_screenshots: Chromium not found (Debian: apt-get install chromium)")


def browser_command(profile: Path, *extra: str) -> list[str]:
    """Headless, offline, nothing remembered: every host resolves to nowhere, via a dead proxy."""
    return [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--user-data-dir={profile}",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=http://127.0.0.1:9",
        *extra,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="also keep dalarna.html and dalarna.pdf in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="servicekb-docs-") as tmp:
        work = Path(tmp)
        html = work / "dalarna.html"
        subprocess.run(
            [sys.executable, "-m", "servicekb", "report", "--region", "Dalarna", "--format", "html", "-o", str(html)],
            check=True,
            env={**os.environ, "SERVICEKB_LANG": "sv"},  # the README shows the Swedish report
        )
        png = DOCS / "report-dalarna.png"
        pdf = work / "dalarna.pdf"
        subprocess.run(
            browser_command(
                work / "profile",
                f"--window-size={WINDOW[0]},{WINDOW[1]}",
                f"--screenshot={png}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                html.as_uri(),
            ),
            check=True,
            capture_output=True,
            timeout=120,
        )
        print(f"wrote {png.relative_to(DOCS.parent)}")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for f in (html, pdf):
                shutil.copy(f, args.keep / f.name)
            print(f"kept {args.keep / html.name} and {args.keep / pdf.name}")


if __name__ == "__main__":
    main()

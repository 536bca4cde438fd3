"""Generate docs/report.png, the README's picture of an explain report.

Usage: python3 scripts/screenshot_report.py [PAGE] [-o docs/report.png]

Cleans PAGE (default: examples/news-article.html), writes its explain report to
a temporary directory and has headless chromium take a screenshot of the top of
it. Needs chromium (Debian: apt-get install chromium).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import cleaner
from cleaner.outputs.report import write_page_report

REPO = Path(__file__).resolve().parents[1]
# Wide enough for the side column, tall enough for legend, metadata and the
# first blocks of the page.
WINDOW = "1200,2300"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", default=str(REPO / "examples" / "news-article.html"))
    parser.add_argument("-o", "--output", default=str(REPO / "docs" / "report.png"))
    args = parser.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("screenshot_report: chromium not found (apt-get install chromium)", file=sys.stderr)
        return 1
    page = Path(args.page)
    out = Path(args.output).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = cleaner.clean(page.read_bytes())
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.html"
        write_page_report(doc, report, page.name)
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
             f"--user-data-dir={Path(tmp) / 'profile'}", f"--window-size={WINDOW}",
             f"--screenshot={out}", report.as_uri()],
            check=True, capture_output=True, timeout=120,
        )
    print(f"wrote {out.relative_to(REPO) if out.is_relative_to(REPO) else out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

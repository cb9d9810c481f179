"""Screenshots of the seeds' HTML report for the README: docs/report-*.png.

    python scripts/report_screenshot.py

Ingests the seeds into a temporary store, writes its report, opens it in headless
Chromium (Debian's ``chromium``, driven by Playwright) and saves the actors view (with
the network) at a laptop's width, and an article view with a claim marked at a phone's.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from test_report import CHROMIUM_ARGS, NETWORK_DRAWN  # noqa: E402

SHOTS = ROOT / "docs"


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    from playwright.sync_api import sync_playwright

    from newscorpus.ingest import ingest
    from newscorpus.query.report import report
    from newscorpus.report import write_report
    from newscorpus.store import open_store

    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("no chromium: apt-get install -y chromium")
    SHOTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db, page_path = Path(tmp) / "seeds.db", Path(tmp) / "report.html"
        ingest([str(ROOT / "seeds")], db=db, workers=1)
        with open_store(db, create=False) as store:
            write_report(report(store, title="تقرير البذور: روسيا وكوريا الشمالية"), page_path)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            wide = browser.new_page(viewport={"width": 1280, "height": 1000})
            wide.goto(page_path.as_uri() + "#actors")
            wide.wait_for_function(NETWORK_DRAWN)
            wide.wait_for_timeout(300)
            wide.screenshot(path=str(SHOTS / "report-actors.png"))
            phone = browser.new_page(viewport={"width": 390, "height": 844})
            phone.goto(page_path.as_uri() + "#claims")
            phone.wait_for_function("document.documentElement.dataset.ready === 'true'")
            phone.locator("#speakers a.claim-link").first.click()
            phone.wait_for_selector("#view-article.shown")
            phone.wait_for_timeout(300)
            phone.screenshot(path=str(SHOTS / "report-article-phone.png"))
            browser.close()
    for shot in sorted(SHOTS.glob("report-*.png")):
        print(f"{shot.relative_to(ROOT)}: {shot.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main()

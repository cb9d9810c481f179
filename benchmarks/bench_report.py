"""The HTML report on a real store: time to write it, its size, and time to interactive.

    python benchmarks/bench_report.py --db /tmp/ant.db [--runs 3] [--top 20] [--actor NAME]

Each run is a whole ``newscorpus report`` process (start-up included), timed by the wall
clock. The last page written is then opened in headless Chromium (Debian's ``chromium``,
driven by Playwright), and four moments are timed from the start of navigation: the
page's script has built it (``ready``), the network has drawn (its canvas has pixels),
the timeline chart has drawn (bars in its SVG), and a click on an actor in the list has
shown that actor's profile. Requests other than the page itself and console errors are
counted (both should be 0).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_report import CHROMIUM_ARGS, NETWORK_DRAWN  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--actor", default=None)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench_report_"))
    out = folder / "report.html"
    command = ["newscorpus", "report", "--db", str(args.db), "-o", str(out), "--top", str(args.top)]
    if args.actor:
        command += ["--actor", args.actor]
    times = []
    for run in range(1, args.runs + 1):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
        print(f"run {run}: report written in {times[-1]:.2f} s")
    size = out.stat().st_size
    print(
        f"write: median {statistics.median(times):.2f} s over {len(times)} runs;"
        f" file {size / 1e6:.2f} MB"
    )
    _open(out)
    shutil.rmtree(folder)


def _open(page_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("no chromium: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        requests: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        url = page_path.resolve().as_uri()
        started = time.perf_counter()
        page.goto(url + "#actors")
        page.wait_for_function("document.documentElement.dataset.ready === 'true'")
        ready = time.perf_counter() - started
        page.wait_for_function(NETWORK_DRAWN)
        network = time.perf_counter() - started
        page.evaluate("location.hash = '#timeline'")
        page.wait_for_selector("#timeline-chart svg .mark-rect.marks path", state="attached")
        chart = time.perf_counter() - started
        page.evaluate("location.hash = '#actors'")
        page.locator("#actor-lists a.actor-link").first.click()
        page.wait_for_selector("#view-profile.shown")
        profile = time.perf_counter() - started
        browser.close()
    print(
        f"browser: ready {ready:.2f} s, network drawn {network:.2f} s, timeline chart"
        f" {chart:.2f} s, actor profile after a click {profile:.2f} s (from navigation)"
    )
    print(
        f"requests other than the page: {len([r for r in requests if r != url])};"
        f" console errors: {len(errors)}"
    )


if __name__ == "__main__":
    main()

"""The HTML report: escaping as a table, and the page itself in a real browser (Chromium).

The browser tests need Debian's ``chromium`` (``apt-get install -y chromium``), driven by
Playwright through ``executable_path``. Under ``CI=true`` a missing browser fails them;
elsewhere they skip and say why.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newscorpus.query.report import report
from newscorpus.report import read_data, render_html, script_json, write_report
from newscorpus.store import open_store

HOSTILE_TITLE = 'بوتين يحذر من </script><img src=x onerror="window.__pwned=1"> في موسكو'
HOSTILE_QUOTE = "</script><img src=x onerror=window.__pwned=2>"
HOSTILE = (
    f"{HOSTILE_TITLE}\n\n"
    "🇷🇺 قال الرئيس الروسي فلاديمير بوتين يوم الاثنين 3 مارس 2024 في موسكو إن"
    ' "</script><img src=x onerror=window.__pwned=2> <!-- التهديد كبير" وإن روسيا سترد.\n\n'
    "وأضاف بوتين أن الحرب في أوكرانيا لن تنتهي قريبا، بحسب وكالة تاس.\n"
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("</script><script>alert(1)</script>", '"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)'
         '\\u003c/script\\u003e"'),
        ("<!-- x", '"\\u003c!-- x"'),
        ("a & b", '"a \\u0026 b"'),
        ("سطر\u2028فقرة\u2029", '"سطر\\u2028فقرة\\u2029"'),
        ("كوريا الشمالية", '"كوريا الشمالية"'),  # Arabic kept as it is
    ],
)  # fmt: skip
def test_script_json_cannot_close_its_element(value: str, expected: str) -> None:
    assert script_json(value) == expected
    assert json.loads(script_json(value)) == value


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newscorpus.ingest import ingest

    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE, "utf-8")
    db = folder / "hostile.db"
    assert not ingest([str(folder / "hostile.txt")], db=db, workers=1).failures
    return db


def test_article_text_stays_data_in_the_page(hostile_db: Path) -> None:
    with open_store(hostile_db, create=False) as store:
        page = render_html(report(store))
    # one closing tag per script element the template has (4 libraries, the app, the data)
    assert page.count("</script>") == 6
    data_section = page.split('id="report-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data_section and ">" not in data_section
    data = read_data(page)
    (article,) = data["articles"].values()
    assert article["title"] == HOSTILE_TITLE
    assert any(HOSTILE_QUOTE in p[3] for p in article["paragraphs"])


def test_the_page_data_round_trips(seeded_db: Path) -> None:
    with open_store(seeded_db, create=False) as store:
        result = report(store, top=4)
    data = read_data(render_html(result))
    assert data["title"] == result.title and data["focus"] is None
    assert [p["name"] for p in data["profiles"]] == [p.name for p in result.profiles]
    assert sorted(int(k) for k in data["articles"]) == [a.id for a in result.articles]
    first = result.articles[0]
    shown = data["articles"][str(first.id)]
    assert shown["paragraphs"][0] == [
        first.paragraphs[0].index, first.paragraphs[0].kind, first.paragraphs[0].start,
        first.paragraphs[0].text,
    ]  # fmt: skip
    assert {m[2] for m in shown["marks"]} <= {"m", "c", "d"}


# --- in a real browser ---------------------------------------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


def chromium_path() -> str | None:
    for name in (os.environ.get("NEWSCORPUS_CHROMIUM"), "chromium", "chromium-browser"):
        found = shutil.which(name) if name else None
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the report's browser tests need chromium: apt-get install -y chromium")
        pytest.skip("no chromium on this machine (apt-get install -y chromium runs these tests)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Opened:
    """A report open in a page, with what the page asked for and complained about."""

    def __init__(self, browser: Any, path: Path, width: int = 1280) -> None:
        self.url = path.resolve().as_uri()
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(self.url)
        self.page.wait_for_function("document.documentElement.dataset.ready === 'true'")

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(f"{message.type}: {message.text}")

    def go(self, hash_: str) -> None:
        self.page.evaluate("h => { location.hash = h; }", hash_)
        self.page.wait_for_timeout(150)

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="module")
def seeds_report(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "seeds.html"
    with open_store(seeded_db, create=False) as store:
        write_report(report(store), out)
    return out


NETWORK_DRAWN = """() => [...document.querySelectorAll('#network canvas')].some(canvas => {
  const context = canvas.getContext('2d');
  if (!context || !canvas.width || !canvas.height) return false;
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i]) return true;
  return false;
})"""


def test_the_seeds_report_opens_offline_without_errors(browser: Any, seeds_report: Path) -> None:
    opened = Opened(browser, seeds_report)
    page = opened.page
    assert page.evaluate("[document.documentElement.dir, document.documentElement.lang]") == [
        "rtl", "ar",
    ]  # fmt: skip
    assert page.locator("#view-overview").is_visible()
    assert page.locator("#overview-cards .card").first.inner_text().startswith("7")
    opened.go("#actors")
    page.wait_for_function(NETWORK_DRAWN)
    assert page.evaluate("window.newscorpusReport.cy.nodes().length") > 10
    opened.go("#timeline")
    page.wait_for_selector("#timeline-chart svg .mark-rect.marks path", state="attached")
    assert page.locator("#timeline-chart svg .mark-rect.marks path").count() >= 1
    for view in ("claims", "overview"):
        opened.go(f"#{view}")
        assert page.locator(f"#view-{view}").is_visible()
        assert page.locator("main > section.view.shown").count() == 1
    assert opened.errors == []
    assert opened.requests == [opened.url]  # the page itself, and nothing else
    opened.close()


def test_clicking_an_actor_in_the_network_shows_its_profile(
    browser: Any, seeds_report: Path
) -> None:
    opened = Opened(browser, seeds_report)
    page = opened.page
    opened.go("#actors")
    page.wait_for_function(NETWORK_DRAWN)
    name, x, y = page.evaluate(
        """() => {
          const cy = window.newscorpusReport.cy;
          const node = cy.nodes().max(n => n.data('size')).ele;
          const box = cy.container().getBoundingClientRect();
          const at = node.renderedPosition();
          return [node.data('label'), box.left + at.x, box.top + at.y];
        }"""
    )
    page.mouse.click(x, y)
    page.wait_for_selector("#view-profile.shown")
    assert page.locator("#profile-name").inner_text() == name
    assert page.locator("#profile-facts dd").first.inner_text()
    page.wait_for_selector("#profile-trend svg", state="attached")
    # and from the lists: the first person named
    opened.go("#actors")
    link = page.locator("#actor-lists a.type-person").first
    person = link.inner_text()
    link.click()
    page.wait_for_selector("#view-profile.shown")
    assert page.locator("#profile-name").inner_text() == person
    assert opened.errors == []
    opened.close()


def test_clicking_a_claim_opens_its_article_with_the_span_marked(
    browser: Any, seeds_report: Path, seeded_db: Path
) -> None:
    opened = Opened(browser, seeds_report)
    page = opened.page
    opened.go("#claims")
    link = page.locator("#speakers a.claim-link").first
    document, start, end = map(int, link.get_attribute("href").split("/")[1:])
    link.click()
    page.wait_for_selector("#view-article.shown")
    with sqlite3.connect(seeded_db) as con:
        text = con.execute("SELECT text FROM documents WHERE id = ?", (document,)).fetchone()[0]
    assert page.locator("#target").inner_text() == text[start:end]
    assert page.locator("#article-body .mark.mention").count() > 0
    assert page.locator("#article-body .mark.claim").count() > 0
    page.locator("#article-back").click()
    page.wait_for_selector("#view-claims.shown")
    assert opened.errors == []
    opened.close()


def test_a_brushed_period_filters_the_events(browser: Any, seeds_report: Path) -> None:
    opened = Opened(browser, seeds_report)
    page = opened.page
    opened.go("#timeline")
    page.wait_for_selector("#timeline-chart svg .mark-rect.marks path", state="attached")
    total = page.locator("#timeline-events > li.event").count()
    box = page.locator("#timeline-chart svg").bounding_box()
    first_bar = page.locator("#timeline-chart svg .mark-rect.marks path").first.bounding_box()
    assert box and first_bar and total >= 2
    height = first_bar["y"] + first_bar["height"] / 2  # inside the plot
    page.mouse.move(first_bar["x"] - 1, height)  # from just before the first bar
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2, height, steps=8)  # to the middle
    page.mouse.up()
    page.wait_for_function("document.getElementById('timeline-filter').textContent !== ''")
    visible = page.locator("#timeline-events > li.event:not([hidden])").count()
    assert 0 < visible < total
    assert opened.errors == []
    opened.close()


def test_hostile_article_text_never_runs(browser: Any, hostile_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "hostile.html"
    with open_store(hostile_db, create=False) as store:
        write_report(report(store), out)
    opened = Opened(browser, out)
    page = opened.page
    opened.go("#claims")
    page.locator("#speakers a.claim-link").first.click()
    page.wait_for_selector("#view-article.shown")
    assert page.locator("#article-title").inner_text() == HOSTILE_TITLE
    assert HOSTILE_QUOTE in page.locator("#article-body").inner_text()
    # offsets count code points (the flag before the claim is two): the claim's span and
    # its speaker's mark fall where Python's offsets put them
    with sqlite3.connect(hostile_db) as con:
        text, start, end = con.execute(
            'SELECT d.text, c.start, c."end" FROM claims c JOIN documents d'
            " ON d.id = c.document_id WHERE c.cue = 'قال'"
        ).fetchone()
    opened.go(f"#doc/1/{start}/{end}")
    page.wait_for_selector("#view-article.shown")
    assert page.locator("#target").inner_text() == text[start:end]
    assert "بوتين" in page.locator("#target .mark.mention").all_inner_texts()[0]
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("img").count() == 0
    assert opened.requests == [opened.url]
    assert opened.errors == []
    opened.close()


def _not_blank(path: Path) -> bool:
    from PIL import Image

    with Image.open(path) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    if len(colours) < 50:
        return False
    background = max(count for count, _ in colours)
    return background < 0.97 * sum(count for count, _ in colours)


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_of_each_main_view_are_not_blank(
    browser: Any, seeds_report: Path, tmp_path: Path, width: int
) -> None:
    opened = Opened(browser, seeds_report, width=width)
    page = opened.page
    views = ["overview", "actors", "timeline", "claims", "actor/2", "doc/2/845/1116"]
    for view in views:
        opened.go(f"#{view}")
        if view == "actors":
            page.wait_for_function(NETWORK_DRAWN)
        if view == "timeline":
            page.wait_for_selector("#timeline-chart svg .mark-rect.marks path", state="attached")
        shot = tmp_path / f"{view.replace('/', '-')}-{width}.png"
        page.screenshot(path=str(shot))
        assert _not_blank(shot), shot
    # nothing is wider than the screen: no sideways scrolling on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert opened.errors == []
    opened.close()


def test_dark_and_print_styles(browser: Any, seeds_report: Path) -> None:
    opened = Opened(browser, seeds_report)
    page = opened.page
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.emulate_media(color_scheme="dark")
    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (light, dark) == ("rgb(253, 253, 251)", "rgb(21, 23, 26)")
    page.emulate_media(media="print", color_scheme="light")
    shown = page.evaluate(
        "[...document.querySelectorAll('main > section.view')]"
        ".filter(s => getComputedStyle(s).display !== 'none').map(s => s.id)"
    )
    # the whole report, on paper
    assert shown == ["view-overview", "view-actors", "view-timeline", "view-claims"]
    assert page.evaluate("getComputedStyle(document.getElementById('tabs')).display") == "none"
    assert opened.errors == []
    opened.close()

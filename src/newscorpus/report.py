"""``newscorpus report``: one HTML file that shows a corpus, and opens offline anywhere.

The page is a template (``resources/report/``) with everything inlined: the style, the
vendored chart and network libraries (``resources/report/vendor/``, each with its
licence; ``scripts/vendor_report_js.sh`` fetches them), the page's own script, and the
report's data as JSON. Article text is data: the JSON is escaped so that no ``</script>``
or comment in it can close its element, and the page's script puts every string into the
document as text, never as markup. A Content-Security-Policy forbids every request.
"""

from __future__ import annotations

import dataclasses
import html
import json
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from newscorpus.errors import NewsCorpusError
from newscorpus.query.report_records import Article, Report
from newscorpus.render import plain

VENDOR = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "cytoscape.min.js")
MARK_CODES = {"mention": "m", "claim": "c", "date": "d"}
# Characters that would let text inside a <script> element end it or open a comment.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                   "\u2029": "\\u2029"}  # fmt: skip


_DATA_OPEN = '<script type="application/json" id="report-data">'


@cache
def _asset(name: str) -> str:
    return (resources.files("newscorpus") / "resources" / "report" / name).read_text("utf-8")


def script_json(value: Any) -> str:
    """``value`` as JSON that can stand inside an HTML ``<script>`` element as it is."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return "".join(_SCRIPT_ESCAPES.get(char, char) for char in text)


def read_data(page: str) -> Any:
    """The data a report page carries, as ``page_data`` made it (for scripts and tests)."""
    start = page.index(_DATA_OPEN) + len(_DATA_OPEN)
    return json.loads(page[start : page.index("</script>", start)])


def _article(article: Article) -> dict[str, Any]:
    """An article in the page's compact form: paragraphs and marks as arrays."""
    return {
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "paragraphs": [[p.index, p.kind, p.start, p.text] for p in article.paragraphs],
        "marks": [[m.start, m.end, MARK_CODES[m.kind], m.label] for m in article.marks],
    }


def page_data(report: Report) -> dict[str, Any]:
    """The JSON the page reads: the report's records, articles keyed by document id."""
    fields = {f.name: getattr(report, f.name) for f in dataclasses.fields(report)}
    articles = fields.pop("articles")
    data = {name: plain(value) for name, value in fields.items()}
    data["articles"] = {str(a.id): _article(a) for a in articles}
    return data


def render_html(report: Report) -> str:
    """The whole page, as text."""
    template = _asset("report.html")
    vendor = "\n".join(f"<script>\n{_asset('vendor/' + name)}\n</script>" for name in VENDOR)
    pieces = {
        "<!--TITLE-->": html.escape(report.title),
        "<!--STYLE-->": _asset("report.css"),
        "<!--VENDOR-->": vendor,
        "<!--APP-->": _asset("report.js"),
        "<!--DATA-->": script_json(page_data(report)),
    }
    out: list[str] = []
    rest = template
    while True:  # each placeholder is replaced where it stands; data is never searched
        found = [(rest.find(marker), marker) for marker in pieces if marker in rest]
        if not found:
            out.append(rest)
            return "".join(out)
        at, marker = min(found)
        out.append(rest[:at])
        out.append(pieces[marker])
        rest = rest[at + len(marker) :]


def write_report(report: Report, path: Path) -> int:
    """Write the page to ``path``, replacing an earlier one whole (a reader never sees half
    a page; as ``export`` writes its files); its size in bytes."""
    page = render_html(report).encode("utf-8")
    if not path.parent.is_dir():
        raise NewsCorpusError(f"{path}: no such folder: {path.parent}")
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(page)
        os.replace(partial, path)
    except OSError as error:
        raise NewsCorpusError(f"{path}: cannot write ({error.strerror or error})") from None
    finally:
        partial.unlink(missing_ok=True)
    return len(page)

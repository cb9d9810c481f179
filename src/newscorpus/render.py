"""Everything newscorpus prints: the only module that imports rich.

One ``emit(rows, fmt)`` serves every listing: ``table`` (rich, for people), ``json`` (one
array, written row by row so large results never sit in memory), ``ndjson`` (one object a
line, for pipes) and ``csv``. Arabic is written as-is, never ``\\u``-escaped. Text from
articles is data: control and escape characters are stripped before they reach a terminal
(in JSON they stay, escaped, so offsets still slice the stored text).
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from newscorpus.models import effective_publication

if TYPE_CHECKING:
    from newscorpus.models import Analysis, Document

FORMATS = ("table", "json", "ndjson", "csv")

# C0 controls but tab and newline, DEL, C1 controls, and bidi embeddings/overrides/isolates
# (they can reorder what a terminal shows).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_C1 = re.compile("[\x7f-\x9f]")


def safe_text(value: str) -> str:
    """Text fit for a terminal: unsafe characters removed, line breaks folded to spaces."""
    return _UNSAFE.sub("", value).replace("\n", " ").replace("\t", " ")


# A spreadsheet runs a cell that begins with one of these as a formula (OWASP, CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: str) -> str:
    """A CSV cell no spreadsheet runs as a formula: text that begins with ``= + - @``, a tab
    or a carriage return gets a leading single quote (OWASP's rule). Numbers are not text
    and are never passed here, so ``-3`` stays a number."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def human_size(count: int) -> str:
    """Bytes for people: 812 B, 28.9 kB, 1.4 MB."""
    if count < 1000:
        return f"{count} B"
    size, unit = count / 1000, "kB"
    for bigger in ("MB", "GB"):
        if size < 1000:
            break
        size, unit = size / 1000, bigger
    return f"{size:.1f} {unit}"


def trim(value: str, width: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= width else value[: width - 1].rstrip() + "…"


def as_mapping(row: Any) -> Mapping[str, Any]:
    """A row's fields in order: a mapping as it is, a dataclass by its fields."""
    if isinstance(row, Mapping):
        return row
    if _is_record(row):
        names: tuple[str, ...] = _field_names(row.__class__)
        return {name: getattr(row, name) for name in names}
    raise TypeError(f"cannot render {type(row).__name__}")


_SCALARS = (str, int, float, bool, type(None))


def plain(value: Any) -> Any:
    """Records nested in a record (an actor's claims) as JSON objects, tuples as lists."""
    if type(value) in _SCALARS:  # most values: checked first, as a listing has many
        return value
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, Mapping) or _is_record(value):
        return {k: plain(v) for k, v in as_mapping(value).items()}
    return value


def _json_dumps(value: Any, indent: int | None = None) -> str:
    text = json.dumps(plain(value), ensure_ascii=False, indent=indent, default=str)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _cell(value: Any, width: int | None) -> str:
    if value is None or value is False:
        return ""
    if value is True:
        return "yes"
    if isinstance(value, Mapping):
        value = ", ".join(f"{k} {v}" for k, v in value.items())
    elif isinstance(value, list | tuple):
        value = "، ".join(str(v) for v in value)
    text = safe_text(str(value))
    return trim(text, width) if width else text


def emit(
    rows: Iterable[Any],
    fmt: str = "table",
    *,
    columns: Sequence[str] | None = None,
    widths: Mapping[str, int] | None = None,
    title: str | None = None,
    out: TextIO | None = None,
    styles: Mapping[str, str] | None = None,
    nowrap: Sequence[str] = (),
) -> int:
    """Write rows in ``fmt``; return how many were written.

    ``columns`` chooses and orders the table and CSV columns (JSON keeps every field);
    ``widths`` trims long table cells (JSON and CSV keep them whole); ``styles`` gives
    table columns a rich style (the match of a concordance stands out); ``nowrap`` columns
    keep their cells on one line (a sparkline).
    """
    out = out or sys.stdout
    if fmt == "json":
        return _emit_json(rows, out)
    if fmt == "ndjson":
        count = 0
        for row in rows:
            out.write(_json_dumps(as_mapping(row)) + "\n")
            count += 1
        return count
    if fmt == "csv":
        return _emit_csv(rows, out, columns)
    return _emit_table(rows, out, columns, widths or {}, title, styles or {}, nowrap)


def _emit_json(rows: Iterable[Any], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write("[\n  " if count == 0 else ",\n  ")
        out.write(_json_dumps(as_mapping(row)))
        count += 1
    out.write("[]\n" if count == 0 else "\n]\n")
    return count


def _emit_csv(rows: Iterable[Any], out: TextIO, columns: Sequence[str] | None) -> int:
    writer = None
    count = 0
    for row in rows:
        mapping = as_mapping(row)
        if writer is None:
            writer = csv.DictWriter(
                out, fieldnames=list(columns or mapping.keys()), extrasaction="ignore"
            )
            writer.writeheader()
        writer.writerow({k: _csv_cell(v) for k, v in mapping.items()})
        count += 1
    return count


def _csv_cell(value: Any) -> str:
    cell = _cell(value, None)
    return cell if isinstance(value, int | float) else csv_safe(cell)


def _console(out: TextIO) -> Any:
    from rich.console import Console

    return Console(file=out, highlight=False, soft_wrap=False, emoji=False, markup=False)


def _emit_table(
    rows: Iterable[Any],
    out: TextIO,
    columns: Sequence[str] | None,
    widths: Mapping[str, int],
    title: str | None,
    styles: Mapping[str, str] | None = None,
    nowrap: Sequence[str] = (),
) -> int:
    from rich.table import Table

    styles = styles or {}
    table = None
    names: list[str] = []
    count = 0
    for row in rows:
        mapping = as_mapping(row)
        if table is None:
            table = Table(title=title, show_lines=False, title_justify="left")
            names = list(columns or mapping.keys())
            for name in names:
                table.add_column(
                    name, overflow="fold", style=styles.get(name), no_wrap=name in nowrap
                )
        table.add_row(*(_cell(mapping.get(name), widths.get(name)) for name in names))
        count += 1
    if table is None:
        message("(nothing found)")
    else:
        _console(out).print(table)
    return count


def emit_record(
    record: Any,
    fmt: str,
    *,
    columns: Mapping[str, Sequence[str]] | None = None,
    out: TextIO | None = None,
) -> None:
    """One object (``show``, ``actor``): JSON as one object, tables as labelled sections.

    Values that are lists of mappings become sub-tables in ``table`` format; in ``ndjson``
    and ``csv`` the record is written as one flat row. ``columns`` picks the columns of
    those sub-tables by key (all fields stay in JSON).
    """
    out = out or sys.stdout
    record = as_mapping(record)
    if fmt in ("json", "ndjson"):
        out.write(_json_dumps(record, indent=2 if fmt == "json" else None) + "\n")
        return
    scalars = {k: v for k, v in record.items() if not _is_rows(v)}
    if fmt == "csv":
        emit([scalars], "csv", out=out)
        return
    from rich.table import Table

    console = _console(out)
    head = Table(show_header=False, box=None)
    head.add_column(style="bold")
    head.add_column(overflow="fold")
    for key, value in scalars.items():
        head.add_row(key, _cell(value, 300))
    console.print(head)
    for key, value in record.items():
        if _is_rows(value):
            console.print()
            emit(
                value,
                "table",
                title=key,
                out=out,
                columns=(columns or {}).get(key),
                widths={"text": 110, "content": 110, "title": 60},
            )


def _is_rows(value: Any) -> bool:
    if not isinstance(value, list | tuple) or not value:
        return False
    return isinstance(value[0], Mapping) or _is_record(value[0])


@functools.cache
def _field_names(cls: Any) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _is_record(value: Any) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


def emit_timeline(entries: Iterable[Any], fmt: str, out: TextIO | None = None) -> int:
    """Timeline entries; as a table, grouped under a heading per year and month."""
    if fmt != "table":
        return emit(entries, fmt, out=out)
    from rich.table import Table

    console = _console(out or sys.stdout)
    count = 0
    table = None
    period = None
    for row in entries:
        entry = as_mapping(row)
        date = str(entry["date"])
        entry_period = date[:7] if len(date) >= 7 else date
        if entry_period != period:
            if table is not None:
                console.print(table)
            period = entry_period
            table = Table(title=period, title_justify="left", show_header=False, box=None)
            table.add_column("date", style="bold", no_wrap=True)
            table.add_column("text", overflow="fold", max_width=90)
            table.add_column("actors", overflow="fold", max_width=40)
            table.add_column("sources", overflow="fold", max_width=14)
        assert table is not None
        table.add_row(
            date,
            _cell(entry["text"], 160),
            _cell(entry["actors"], 60),
            _sources(entry["documents"]),
        )
        count += 1
    if table is None:
        message("(nothing found)")
    else:
        console.print(table)
    return count


TIMELINE_SOURCES = 3  # document ids a timeline table row lists; the rest are counted


def _sources(documents: Sequence[object]) -> str:
    """``#12، #40، #7`` or, for more, ``#12، #40، #7 +21`` (JSON and CSV list them all)."""
    shown = "، ".join(f"#{d}" for d in documents[:TIMELINE_SOURCES])
    more = len(documents) - TIMELINE_SOURCES
    return f"{shown} +{more}" if more > 0 else shown


def message(text: str) -> None:
    """A line for the user on stderr (progress, summaries that are not data)."""
    sys.stderr.write(safe_text(text) + "\n")


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


class Progress:
    """A progress bar on stderr (files done, articles/s, ETA), only on a terminal."""

    def __init__(self, total: int | None, label: str) -> None:
        self._bar: Any = None
        if sys.stderr.isatty():
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeRemainingColumn,
            )
            from rich.progress import (
                Progress as RichProgress,
            )

            self._bar = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=_console(sys.stderr),
                transient=True,
            )
            self._task = self._bar.add_task(label, total=total, rate="")
            self._bar.start()

    def update(self, done: int, rate: float) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=done, rate=f"{rate:,.0f} articles/s")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def extract_record(
    document: Document, analysis: Analysis, line: int | None = None
) -> dict[str, Any]:
    """The ``extract`` contract (field names are documented in the README): one article's
    analysis, offsets shifted from the article into the input text."""
    shift = document.offset_in_file
    text = document.text
    published, date_source = effective_publication(document, analysis)
    head: dict[str, Any] = (
        {"line": line} if line is not None else {"article": document.article_index}
    )
    return head | {
        "title": document.title,
        "published": published,
        "date_source": date_source,
        "paragraphs": [
            {
                "index": p.index,
                "start": p.start + shift,
                "end": p.end + shift,
                "kind": p.kind,
                "duplicate_of": p.duplicate_of,
            }
            for p in document.paragraphs
        ],
        "sentences": [
            {"start": s.start + shift, "end": s.end + shift, "paragraph": s.paragraph}
            for s in analysis.sentences
        ],
        "tokens": [
            {
                "text": text[t.start : t.end],
                "start": t.start + shift,
                "end": t.end + shift,
                "match": t.match,
                "stem": t.stem,
                "prefix": t.prefix,
                "word": t.is_word,
            }
            for t in analysis.tokens
        ],
        "entities": [
            {
                "text": m.text,
                "type": m.type,
                "start": m.start + shift,
                "end": m.end + shift,
                "actor": m.actor or m.text,
                "role": m.role,
                "source": m.source,
            }
            for m in analysis.mentions
        ],
        "claims": [
            {
                "speaker": c.speaker,
                "speaker_actor": c.speaker_actor,
                "cue": c.cue,
                "content": c.content,
                "kind": c.kind,
                "via": c.via,
                "paragraph": c.paragraph,
                "start": c.start + shift,
                "end": c.end + shift,
                "content_start": c.content_start + shift,
                "content_end": c.content_end + shift,
            }
            for c in analysis.claims
        ],
        "dates": [
            {
                "text": d.text,
                "value": d.value,
                "precision": d.precision,
                "start": d.start + shift,
                "end": d.end + shift,
                "reason": d.reason,
                "hijri": d.hijri,
            }
            for d in analysis.dates
        ],
    }


def emit_network(network: Any, fmt: str, out: TextIO | None = None) -> int:
    """A co-occurrence network: its edges as a listing, or the whole graph as GraphML or
    GEXF (written with networkx; Gephi opens both, with names, types and weights)."""
    if fmt not in ("graphml", "gexf"):
        return emit(
            network.edges,
            fmt,
            out=out,
            columns=None if fmt != "table" else ["source", "target", "weight", "dice", "pmi"],
        )
    import networkx as nx

    graph = nx.Graph(window=network.window, windows=network.windows)
    for node in network.nodes:
        graph.add_node(str(node.id), label=node.name, type=node.type, windows=node.windows)
    for edge in network.edges:
        graph.add_edge(
            str(edge.source_id), str(edge.target_id),
            weight=edge.weight, dice=edge.dice, pmi=edge.pmi,
        )  # fmt: skip
    import io

    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer, encoding="utf-8")
    else:
        nx.write_gexf(graph, buffer, encoding="utf-8")
    (out or sys.stdout).write(buffer.getvalue().decode("utf-8"))
    if not network.edges:
        message("(no pairs found)")
    return len(network.edges)


_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[int], width: int = 60) -> str:
    """Values as a line of block characters, squeezed to ``width`` (each cell the largest
    value it covers); nothing at all is a space, the least above nothing the lowest bar."""
    if len(values) > width:
        size = len(values) / width
        values = [
            max(values[int(i * size) : max(int((i + 1) * size), int(i * size) + 1)])
            for i in range(width)
        ]
    top = max(values, default=0)
    if top <= 0:
        return " " * len(values)
    return "".join(" " if v <= 0 else _BARS[min(int(v / top * 7.999), 7)] for v in values)


def emit_trend(series: Sequence[Any], fmt: str, out: TextIO | None = None) -> int:
    """Trend series: in a table one row each with a sparkline over the periods; in JSON the
    series with their points; in NDJSON and CSV one row per series and period."""
    if fmt == "json":
        (out or sys.stdout).write(_json_dumps(list(series), indent=2) + "\n")
        return len(series)
    if fmt in ("ndjson", "csv"):
        long = (
            {"name": s.name, "kind": s.kind, "unit": s.unit, "period": p.period,
             "count": p.count, "documents": p.documents}
            for s in series for p in s.points
        )  # fmt: skip
        return emit(long, fmt, out=out)
    rows: list[dict[str, Any]] = []
    for s in series:
        points = s.points
        peak = max(points, key=lambda p: p.count, default=None)
        rows.append(
            {
                "name": s.name,
                "total": s.total,
                "documents": s.documents,
                "from": points[0].period if points else "",
                "trend": sparkline([p.count for p in points], 24),
                "to": points[-1].period if points else "",
                "peak": peak.period if peak and peak.count else "",
            }
        )
    count = emit(rows, "table", out=out, styles={"trend": "cyan"}, nowrap=("trend",))
    for s in series:
        if not s.total:
            message(f"{s.name}: nothing found")
        elif s.undated:
            message(f"{s.name}: {s.undated} {s.unit} in documents without a publication date")
    return count

"""Fuzz the loader and the extractors with damaged inputs in every input format (#19).

    python scripts/fuzz.py --inputs 100000 --seed 1 --timeout 5
    python scripts/fuzz.py --replay /tmp/newscorpus-fuzz/crash-1   # rerun one reproducer

Inputs are made from the seed articles and a sample of the ANT dev corpus (read in place
from its .tar.gz): articles mutated as text (control and bidi characters, huge repeats,
quotes dropped or doubled, two texts spliced, ...), wrapped as plain text, HTML, TREC, JSON
Lines, a JSON array, CSV, TSV, .xlsx or gzip, encoded in one of the encodings the loader
detects, then damaged as bytes (bit flips, truncation, splices, inserted bytes, another
encoding). Each input goes through ``read_source`` and ``analyze`` in a worker process;
exceptions are crashes, broken offsets are violations, an input that runs past --timeout
is a hang (its worker is killed and replaced). Input N depends only on --seed and N, so a
reproducer is saved for every kind of failure, and the run ends with exit status 1 if any.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import gzip
import heapq
import io
import json
import multiprocessing
import random
import re
import resource
import sys
import tarfile
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ANT_ARCHIVE = ROOT.parent / "shared/corpora/ant-v2.1-dev.tar.gz"
DEFAULT_OUT = Path(tempfile.gettempdir()) / "newscorpus-fuzz"
REPRODUCERS_PER_FAILURE = 3

Article = tuple[str, str, str]  # title, body (paragraphs split by blank lines), date

# --- file formats ------------------------------------------------------------------------
FORMATS = ("text", "html", "trec", "jsonl", "json", "csv", "tsv", "xlsx")
FILE_NAMES = {
    "text": "article.txt",
    "html": "page.html",
    "trec": "docs.xml",
    "jsonl": "articles.jsonl",
    "json": "articles.json",
    "csv": "export.csv",
    "tsv": "export.tsv",
    "xlsx": "export.xlsx",
}
_EPOCH = datetime(2024, 1, 1)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*<")
_XLSX_REFUSED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # openpyxl rejects these in cells


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render(fmt: str, articles: list[Article], ascii_json: bool = False) -> str | bytes:
    """``articles`` as the content of a file in ``fmt`` (bytes for .xlsx, text otherwise)."""
    if fmt == "text":
        return "\n\n".join(f"{title}\n\n{body}" for title, body, _ in articles)
    if fmt == "html":
        blocks = "".join(
            f"<h2>{_escape(title)}</h2>"
            + "".join(f"<p>{_escape(p)}</p>" for p in body.split("\n\n"))
            for title, body, _ in articles
        )
        title, _, published = articles[0]
        return (
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{_escape(title)}</title>'
            f'<meta property="article:published_time" content="{published}"></head>'
            f"<body><nav>القائمة</nav><article>{blocks}</article><footer>©</footer></body></html>"
        )
    if fmt == "trec":
        return "".join(
            f"<DOC>\n<DOCNO>{n}</DOCNO>\n<TITLE>{_escape(title)}</TITLE>\n<TIME>{published}</TIME>"
            f"\n<TEXT>\n{_escape(body)}\n</TEXT>\n</DOC>\n"
            for n, (title, body, published) in enumerate(articles)
        )
    records = [
        {"id": n, "title": title, "date": published, "text": body}
        for n, (title, body, published) in enumerate(articles)
    ]
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=ascii_json) + "\n" for r in records)
    if fmt == "json":
        return json.dumps(records, ensure_ascii=ascii_json, indent=1)
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.DictWriter(out, list(records[0]), delimiter="\t" if fmt == "tsv" else ",")
        writer.writeheader()
        writer.writerows(records)
        return out.getvalue()
    return xlsx_bytes([list(records[0]), *[list(r.values()) for r in records]])


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    """A workbook of ``rows``, the same bytes every time (no clock in it), so input N of a
    run can be made again to save it."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.properties.created = _EPOCH
    sheet = workbook.active
    for row in rows:
        sheet.append([_XLSX_REFUSED.sub("", v) if isinstance(v, str) else v for v in row])
    saved = io.BytesIO()
    workbook.save(saved)
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():  # member times and "modified" are the clock's
            content = _MODIFIED.sub(rb"\g<1>2024-01-01T00:00:00Z<", source.read(info))
            fixed = zipfile.ZipInfo(info.filename, date_time=_EPOCH.timetuple()[:6])
            copy.writestr(fixed, content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


# --- the corpus the inputs are made from ---------------------------------------------------
_TREC_FIELD = re.compile(r"<(TITLE|TIME|TEXT)>(.*?)</\1>", re.S)


@dataclass(frozen=True)
class Corpus:
    articles: tuple[Article, ...]
    files: tuple[tuple[str, bytes], ...]  # (name, raw bytes) of whole seed and ANT files


def load_corpus(seed: int, ant_sample: int) -> Corpus:
    """The seed articles and ``ant_sample`` ANT files picked at random (reservoir)."""
    articles: list[Article] = []
    files: list[tuple[str, bytes]] = []
    for path in sorted(SEEDS.glob("*.txt")):
        data = path.read_bytes()
        files.append((path.name, data))
        title, _, body = data.decode("utf-8").partition("\n")
        articles.append((title, body.strip(), "2024-11-22"))
    if ant_sample and ANT_ARCHIVE.exists():
        rng = random.Random(f"ant:{seed}")
        sample: list[tuple[str, bytes]] = []
        with tarfile.open(ANT_ARCHIVE) as archive:  # one pass, members read in place
            for seen, member in enumerate(m for m in archive if m.isfile() and m.size):
                slot = seen if seen < ant_sample else rng.randrange(seen + 1)
                if slot >= ant_sample:
                    continue
                handle = archive.extractfile(member)
                item = (member.name.rsplit("/", 1)[-1], handle.read() if handle else b"")
                if slot == len(sample):
                    sample.append(item)
                else:
                    sample[slot] = item
        for name, data in sample:
            files.append((name, data))
            fields = {k: v.strip() for k, v in _TREC_FIELD.findall(data.decode("utf-8", "replace"))}
            if fields.get("TEXT"):
                articles.append((fields.get("TITLE", ""), fields["TEXT"], fields.get("TIME", "")))
    return Corpus(tuple(articles), tuple(files))


# --- mutations -------------------------------------------------------------------------------
CONTROLS = [chr(c) for c in range(0x20)] + ["\x7f", "\x85"]
BIDI = list("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE = list("\u200b\u200c\u200d\u00ad\ufeff\u00a0\u202f\u2028\u2029")
MARKS = [chr(c) for c in range(0x064B, 0x0656)] + ["\u0670", "\u0640"]
ODD = ["😀", "👍🏽", "🇸🇦", "👨\u200d👩\u200d👧", "\ufdfa", "\ufdfd", "ﻻ", "\ud800"]
QUOTES = "«»\"“”'()"
LINE_BREAKS = ["\n", "\n\n", "\r", "\u2029"]
HUGE_PIECES = ("«", "»", '"', ".", "؟", "\n", "\n\n", " ", "،", "و", "قال", "<p>", "&amp;",
               "كوريا الشمالية ", "قال الرئيس: «", "في 21 نوفمبر 2024 ", "x" * 50, "ـ")  # fmt: skip
_TAG = re.compile(r"<[^<>]{0,80}>")
HUGE_REPEATS = 0.01  # share of inputs with one piece repeated up to --max-bytes


def _insert(rng: random.Random, text: str, pieces: list[str], count: int) -> str:
    for _ in range(count):
        at = rng.randint(0, len(text))
        text = text[:at] + rng.choice(pieces) + text[at:]
    return text


def _huge_repeat(rng: random.Random, text: str, limit: int) -> str:
    """``text`` with one piece repeated up to ``limit`` characters long."""
    if rng.random() < 0.5:
        piece = rng.choice(HUGE_PIECES)
    else:
        start = rng.randint(0, len(text))
        piece = text[start : start + rng.randint(1, 400)] or "ا"
    times = max(1, rng.randint(limit // 8, limit) // len(piece))
    at = rng.randint(0, len(text))
    return text[:at] + piece * times + text[at:]


TextMutation = Callable[[random.Random, str, Corpus], str]
TEXT_MUTATIONS: dict[str, TextMutation] = {
    "controls": lambda r, t, c: _insert(r, t, CONTROLS, r.randint(1, 30)),
    "bidi": lambda r, t, c: _insert(r, t, BIDI + INVISIBLE, r.randint(1, 30)),
    "marks": lambda r, t, c: _insert(r, t, MARKS, r.randint(1, 200)),
    "odd chars": lambda r, t, c: _insert(r, t, ODD, r.randint(1, 10)),
    "drop quotes": lambda r, t, c: "".join(x for x in t if x not in QUOTES or r.random() < 0.5),
    "add quotes": lambda r, t, c: _insert(r, t, list(QUOTES), r.randint(1, 20)),
    "splice": lambda r, t, c: _splice_text(r, t, r.choice(c.articles)[1]),
    "truncate": lambda r, t, c: t[: r.randint(0, len(t))],
    "one line": lambda r, t, c: t.replace("\n", " "),
    "crlf": lambda r, t, c: t.replace("\n", "\r\n"),
    "nbsp": lambda r, t, c: t.replace(" ", "\u00a0"),
    "line breaks": lambda r, t, c: _insert(r, t, LINE_BREAKS, r.randint(1, 40)),
    "arabic digits": lambda r, t, c: t.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
}  # fmt: skip


def _splice_text(rng: random.Random, text: str, other: str) -> str:
    return text[: rng.randint(0, len(text))] + other[rng.randint(0, len(other)) :]


def _duplicate_line(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    at = rng.randrange(len(lines))
    return "\n".join(lines[: at + 1] + lines[at:])


def _tag_edit(rng: random.Random, text: str, duplicate: bool) -> str:
    tags = list(_TAG.finditer(text))
    if not tags:
        return text
    tag = rng.choice(tags)
    middle = tag.group() * 2 if duplicate else ""
    return text[: tag.start()] + middle + text[tag.end() :]


def _char_edit(rng: random.Random, text: str, chars: str) -> str:
    spots = [i for i, ch in enumerate(text) if ch in chars]
    if not spots:
        return text
    at = rng.choice(spots)
    return text[:at] + (text[at] * 2 if rng.random() < 0.5 else "") + text[at + 1 :]


FILE_MUTATIONS: dict[str, Callable[[random.Random, str], str]] = {
    "drop tag": lambda r, t: _tag_edit(r, t, duplicate=False),
    "duplicate tag": lambda r, t: _tag_edit(r, t, duplicate=True),
    "drop/duplicate quote": lambda r, t: _char_edit(r, t, "\"'"),
    "drop/duplicate delimiter": lambda r, t: _char_edit(r, t, ",\t;{}[]:"),
    "duplicate line": _duplicate_line,
}  # fmt: skip

SPECIAL_BYTES = (b"\x00", b"\xff", b"\xfe\xff", b"\xff\xfe", codecs.BOM_UTF8, b"\xd8", b"\xc3",
                 b"\r", b"\n", b'"', b"\\", b"<", b"</DOC>", b"<TEXT>", b"PK\x03\x04",
                 b"\x1f\x8b", b"\xe2\x80\xae")  # fmt: skip


def _reencode(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    encoding = rng.choice(["cp1256", "iso-8859-6", "utf-16-le", "utf-16-be", "utf-16", "latin-1"])
    encoded = text.encode(encoding, errors="replace")
    return rng.choice([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE]) + encoded


def _splice_bytes(rng: random.Random, data: bytes, corpus: Corpus) -> bytes:
    other = rng.choice(corpus.files)[1]
    return data[: rng.randint(0, len(data))] + other[rng.randint(0, len(other)) :]


def _flip(rng: random.Random, data: bytes) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if buffer:
            buffer[rng.randrange(len(buffer))] ^= 1 << rng.randrange(8)
    return bytes(buffer)


def _insert_bytes(rng: random.Random, data: bytes, inserted: bytes) -> bytes:
    at = rng.randint(0, len(data))
    return data[:at] + inserted + data[at:]


def _duplicate_chunk(rng: random.Random, data: bytes) -> bytes:
    at = rng.randint(0, len(data))
    return data[:at] + data[at : at + rng.randint(1, 4096)] * rng.randint(1, 20) + data[at:]


ByteMutation = Callable[[random.Random, bytes, Corpus], bytes]
BYTE_MUTATIONS: dict[str, ByteMutation] = {
    "bit flips": lambda r, d, c: _flip(r, d),
    "truncate bytes": lambda r, d, c: d[: r.randint(0, len(d))],
    "splice files": _splice_bytes,
    "insert bytes": lambda r, d, c: _insert_bytes(r, d, r.choice(SPECIAL_BYTES)),
    "random bytes": lambda r, d, c: _insert_bytes(r, d, r.randbytes(r.randint(1, 64))),
    "duplicate chunk": lambda r, d, c: _duplicate_chunk(r, d),
    "reencode": lambda r, d, c: _reencode(r, d),
}  # fmt: skip
ENCODINGS = ("utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256", "iso-8859-6")


# --- one input -------------------------------------------------------------------------------
@dataclass(frozen=True)
class FuzzInput:
    index: int
    name: str
    data: bytes
    input_format: str
    steps: tuple[str, ...]


def make_input(corpus: Corpus, seed: int, index: int, max_bytes: int) -> FuzzInput:
    """Input ``index`` of the run with ``seed``: the same bytes every time."""
    rng = random.Random(f"{seed}:{index}")
    steps: list[str] = []
    if rng.random() < 0.15:
        name, data = rng.choice(corpus.files)
        steps.append(f"file {name}")
        fmt = "trec" if name.endswith(".txt") and data.lstrip().startswith(b"<") else "text"
        name = FILE_NAMES[fmt]
    else:
        fmt = rng.choices(FORMATS, weights=(4, 3, 3, 3, 2, 3, 2, 1))[0]
        articles = []
        for number in range(rng.choice((1, 1, 1, 2, 3))):
            title, body, published = rng.choice(corpus.articles)
            for mutation in rng.sample(sorted(TEXT_MUTATIONS), rng.choice((0, 1, 1, 2, 3))):
                body = TEXT_MUTATIONS[mutation](rng, body, corpus)
                steps.append(mutation)
            if number == 0 and rng.random() < HUGE_REPEATS:  # rare: they are slow to analyze
                body = _huge_repeat(rng, body, max_bytes // 2)[: max_bytes // 2]
                steps.append("huge repeat")
            articles.append((title, body, published))
        content = render(fmt, articles, ascii_json=rng.random() < 0.2)
        if isinstance(content, str):
            for mutation in rng.sample(sorted(FILE_MUTATIONS), rng.choice((0, 0, 1, 2))):
                content = FILE_MUTATIONS[mutation](rng, content)
                steps.append(mutation)
            encoding = rng.choice(ENCODINGS)
            steps.append(encoding)
            data = content.encode(encoding, errors="replace")
        else:
            data = content
        name = FILE_NAMES[fmt]
        steps.insert(0, fmt)
    for mutation in rng.sample(sorted(BYTE_MUTATIONS), rng.choice((0, 0, 1, 1, 2, 3))):
        data = BYTE_MUTATIONS[mutation](rng, data, corpus)
        steps.append(mutation)
    data = data[:max_bytes]
    if rng.random() < 0.08:
        data, name = gzip.compress(data, mtime=0), name + ".gz"
        steps.append("gzip")
        if rng.random() < 0.3:
            data = _flip(rng, data) if rng.random() < 0.5 else data[: rng.randint(0, len(data))]
            steps.append("damaged gzip")
    input_format = "auto"
    if rng.random() < 0.15:
        input_format = rng.choice(("text", "html", "trec", "jsonl", "csv", "tsv", "xlsx"))
        steps.append(f"--input-format {input_format}")
    return FuzzInput(index, name, data, input_format, tuple(steps))


# --- running one input (in a worker) -------------------------------------------------------
@dataclass(frozen=True)
class Failure:
    kind: str  # crash | violation
    phase: str  # load | analyze
    error: str  # exception type, or the broken invariant
    message: str
    where: str  # innermost newscorpus frame
    trace: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.error, self.where)


@dataclass(frozen=True)
class Outcome:
    seconds: float
    documents: int
    failure: Failure | None = None


def source_for(name: str, data: bytes) -> Any:
    """A Source over ``data``; a .gz name is read through gzip, as the loader opens files."""
    from newscorpus.load.sources import Source

    if name.endswith(".gz"):
        return Source(name, len(data), 0, lambda: gzip.GzipFile(fileobj=io.BytesIO(data)))
    return Source.from_bytes(name, data)


def run_input(name: str, data: bytes, input_format: str, check: bool) -> Outcome:
    from newscorpus.errors import InputError
    from newscorpus.load import read_source
    from newscorpus.pipeline import analyze

    started = time.perf_counter()
    documents = 0
    phase = "load"
    try:
        for item in read_source(source_for(name, data), input_format):
            if isinstance(item, InputError):
                continue
            documents += 1
            phase = "analyze"
            analysis = analyze(item)
            broken = check_offsets(item, analysis) if check else None
            if broken:
                failure = Failure("violation", phase, broken[0], broken[1], broken[0], "")
                return Outcome(time.perf_counter() - started, documents, failure)
            phase = "load"
    except Exception as error:  # noqa: BLE001 - every exception is what the fuzzer looks for
        return Outcome(time.perf_counter() - started, documents, _crash(phase, error))
    return Outcome(time.perf_counter() - started, documents)


def _crash(phase: str, error: BaseException) -> Failure:
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/newscorpus/" in f.filename] or frames
    last = ours[-1] if ours else None
    where = f"{Path(last.filename).name}:{last.lineno} {last.name}" if last else "?"
    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    message = " ".join(str(error).split())[:300]
    return Failure("crash", phase, type(error).__name__, message, where, trace)


def check_offsets(document: Any, analysis: Any) -> tuple[str, str] | None:
    """The first broken invariant of a document and its analysis, as (name, detail)."""
    length = len(document.text)
    previous = 0
    for p in document.paragraphs:
        if not previous <= p.start <= p.end <= length:
            return "paragraph outside the text or out of order", repr(p)
        previous = p.end
    spans: list[tuple[str, Any, int, int]] = []
    spans += [("sentence", s, s.start, s.end) for s in analysis.sentences]
    spans += [("mention", m, m.start, m.end) for m in analysis.mentions]
    spans += [("claim", c, c.start, c.end) for c in analysis.claims]
    spans += [("date", d, d.start, d.end) for d in analysis.dates]
    spans += [("event", e, e.start, e.end) for e in analysis.events]
    for kind, item, start, end in spans:
        if not 0 <= start <= end <= length:
            return f"{kind} span outside the text", repr(item)[:300]
        paragraph = getattr(item, "paragraph", 0)
        if not 0 <= paragraph < len(document.paragraphs):
            return f"{kind} in no paragraph", repr(item)[:300]
    for claim in analysis.claims:
        if not claim.start <= claim.content_start <= claim.content_end <= claim.end:
            return "claim content outside the claim", repr(claim)[:300]
    return None


# --- worker processes ------------------------------------------------------------------------
WARM_UP = (
    ("seed.txt", (SEEDS / "000_4e8ecdeaf3eb5859.txt").read_bytes()),
    ("export.csv", "title,text\nعنوان,قال الرئيس إن\n".encode()),
    ("page.html", "<html><body><p>قال الرئيس إن</p></body></html>".encode()),
    ("export.xlsx", xlsx_bytes([["title", "text"], ["عنوان", "قال الرئيس إن"]])),
)


def _worker(conn: Connection, corpus: Corpus, args: argparse.Namespace) -> None:
    limit = args.memory_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    for name, data in WARM_UP:  # load every reader and resource before the clock starts
        run_input(name, data, "auto", check=False)
    conn.send("ready")
    while (index := conn.recv()) is not None:
        item = make_input(corpus, args.seed, index, args.max_bytes)
        outcome = run_input(item.name, item.data, item.input_format, args.check)
        conn.send((index, len(item.data), outcome))


@dataclass
class Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    ready: bool = False
    index: int | None = None
    since: float = field(default_factory=time.monotonic)


@dataclass
class Report:
    run: int = 0
    documents: int = 0
    failures: dict[tuple[str, str, str], list[tuple[int, Failure]]] = field(default_factory=dict)
    hangs: list[int] = field(default_factory=list)
    slowest: list[tuple[float, int, int]] = field(default_factory=list)  # (s, index, bytes)

    def timed(self, seconds: float, index: int, size: int) -> None:
        heapq.heappush(self.slowest, (seconds, index, size))
        if len(self.slowest) > 10:
            heapq.heappop(self.slowest)


def fuzz(corpus: Corpus, args: argparse.Namespace) -> Report:
    context = multiprocessing.get_context("fork")
    report = Report()

    def start() -> Worker:
        parent, child = context.Pipe()
        process = context.Process(target=_worker, args=(child, corpus, args), daemon=True)
        process.start()
        child.close()
        return Worker(process, parent)

    workers = [start() for _ in range(args.workers)]
    next_index, last_progress, began = 0, time.monotonic(), time.monotonic()
    while report.run < args.inputs:
        for worker in workers:
            if worker.ready and worker.index is None and next_index < args.inputs:
                worker.conn.send(next_index)
                worker.index, worker.since = next_index, time.monotonic()
                next_index += 1
        for conn in wait([w.conn for w in workers], timeout=0.2):
            worker = next(w for w in workers if w.conn is conn)
            try:
                message = conn.recv()
            except EOFError:
                message = None
            if message == "ready":
                worker.ready = True
                continue
            if message is None:  # the worker died: out of memory, a signal, a C crash
                worker.process.join()
                code = worker.process.exitcode
                died = Failure("crash", "?", "worker died", f"exit code {code}", "?", "")
                index = -1 if worker.index is None else worker.index
                report.failures.setdefault(died.key, []).append((index, died))
                report.run += worker.index is not None
                workers[workers.index(worker)] = start()
                continue
            index, size, outcome = message
            worker.index = None
            report.run += 1
            report.documents += outcome.documents
            report.timed(outcome.seconds, index, size)
            if outcome.failure:
                report.failures.setdefault(outcome.failure.key, []).append((index, outcome.failure))
        now = time.monotonic()
        for n, worker in enumerate(workers):
            limit = args.timeout if worker.ready else 120
            if (worker.index is not None or not worker.ready) and now - worker.since > limit:
                worker.process.kill()
                worker.process.join()
                if worker.index is not None:
                    report.hangs.append(worker.index)
                    report.timed(now - worker.since, worker.index, -1)
                    report.run += 1
                workers[n] = start()
        if now - last_progress > 30:
            rate = report.run / (now - began)
            print(f"... {report.run} inputs, {rate:.1f}/s", file=sys.stderr, flush=True)
            last_progress = now
    for worker in workers:
        if worker.process.is_alive():
            worker.conn.send(None)
    for worker in workers:
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
    return report


# --- reproducers and the summary ---------------------------------------------------------
def save_reproducer(out: Path, label: str, item: FuzzInput, details: dict[str, Any]) -> Path:
    folder = out / label
    folder.mkdir(parents=True, exist_ok=True)
    (folder / item.name).write_bytes(item.data)
    meta = {"name": item.name, "input_format": item.input_format, "index": item.index,
            "steps": list(item.steps), **details}  # fmt: skip
    (folder / "input.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
    return folder


def summarize(report: Report, corpus: Corpus, args: argparse.Namespace, seconds: float) -> int:
    out: Path = args.out
    print(f"inputs run      {report.run}  ({report.documents} documents analyzed)")
    print(f"seconds         {seconds:.1f}  ({report.run / seconds:.1f} inputs/s, "
          f"{args.workers} workers)")  # fmt: skip
    crashes = sum(len(v) for k, v in report.failures.items() if k[0] == "crash")
    violations = sum(len(v) for k, v in report.failures.items() if k[0] == "violation")
    print(f"crashes         {crashes}")
    print(f"violations      {violations}")
    print(f"hangs           {len(report.hangs)}  (over {args.timeout:g} s)")
    number = 0
    for (kind, error, where), found in sorted(report.failures.items(), key=lambda kv: -len(kv[1])):
        first = found[0][1]
        print(f"\n{kind}: {error} at {where} ({first.phase}), {len(found)} inputs")
        print(f"  {first.message[:200]}")
        for index, failure in found[:REPRODUCERS_PER_FAILURE]:
            number += 1
            if index < 0:
                continue
            item = make_input(corpus, args.seed, index, args.max_bytes)
            folder = save_reproducer(out, f"{kind}-{number}", item, {
                "error": failure.error, "message": failure.message, "where": failure.where,
                "traceback": failure.trace})  # fmt: skip
            print(f"  input {index} [{', '.join(item.steps)}]: {folder}")
    for number, index in enumerate(report.hangs[: REPRODUCERS_PER_FAILURE * 3], start=1):
        item = make_input(corpus, args.seed, index, args.max_bytes)
        folder = save_reproducer(out, f"hang-{number}", item, {"timeout": args.timeout})
        print(f"\nhang: input {index} [{', '.join(item.steps)}], {len(item.data)} bytes: {folder}")
    print("\nslowest inputs")
    for seconds_taken, index, size in sorted(report.slowest, reverse=True):
        item = make_input(corpus, args.seed, index, args.max_bytes)
        shown = "hang" if size < 0 else f"{size} bytes"
        print(f"  {seconds_taken:6.2f} s  input {index} ({shown}) [{', '.join(item.steps)}]")
    return 1 if report.failures or report.hangs else 0


def replay(folder: Path) -> int:
    """Run one saved reproducer in this process and show what happens."""
    meta = json.loads((folder / "input.json").read_text())
    data = (folder / meta["name"]).read_bytes()
    outcome = run_input(meta["name"], data, meta["input_format"], check=True)
    print(f"{meta['name']}, {len(data)} bytes, --input-format {meta['input_format']}: "
          f"{outcome.documents} documents, {outcome.seconds:.2f} s")  # fmt: skip
    if outcome.failure:
        print(outcome.failure.trace or f"{outcome.failure.error}: {outcome.failure.message}")
        return 1
    print("no failure")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per input")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="reproducers go here")
    parser.add_argument("--ant-sample", type=int, default=300, help="ANT files to mutate")
    parser.add_argument("--max-bytes", type=int, default=200_000, help="largest input")
    parser.add_argument("--memory-mb", type=int, default=4096, help="address space per worker")
    parser.add_argument("--no-check", dest="check", action="store_false",
                        help="crashes and hangs only, no offset checks")  # fmt: skip
    parser.add_argument("--replay", type=Path, help="rerun one saved reproducer folder")
    args = parser.parse_args()
    if args.replay:
        return replay(args.replay)
    began = time.monotonic()
    corpus = load_corpus(args.seed, args.ant_sample)
    print(f"corpus          {len(corpus.articles)} articles, {len(corpus.files)} files "
          f"({time.monotonic() - began:.1f} s)")  # fmt: skip
    began = time.monotonic()
    report = fuzz(corpus, args)
    return summarize(report, corpus, args, time.monotonic() - began)


if __name__ == "__main__":
    sys.exit(main())

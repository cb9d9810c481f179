"""Date evaluation: score the product's date analysis against a hand-made gold file.

The gold format is described in ``data/gold/README.md`` (one JSON object a line: article
lines with the publication date, date lines with file/line/col/text/value/precision).
Each gold file's documents are read with ``newscorpus.load`` and analysed with
``newscorpus.pipeline.analyze``, exactly as an ingest would, so the figures are the
product's. Gold expressions marked ``boilerplate`` (teasers, captions, tweets) are not scored
and predictions overlapping them are ignored.

Matching rule: a predicted span matches a gold span when they overlap and their *cores*
agree: the core of a span is its digit runs and the month numbers of its month names
(so "عامي 2018 و2019" as one span matches the gold "عامي 2018" but not the gold "2019");
when either core is empty (الأحد المقبل، الشهر الماضي) overlap is enough. Each span is
matched at most once, gold spans in text order. Values are compared as strings (None equals
None) over matched pairs, twice: end to end (publication date from metadata or inferred,
as the product does) and with the gold publication date given (its ``published`` or
``published_estimate``; a month estimate is taken as its 15th), which isolates the
extractor from publication-date inference.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newscorpus.errors import InputError
from newscorpus.evaluate.scores import Score, gold_records, ratio
from newscorpus.extract.dates.lexicon import key, lexicon, match_text
from newscorpus.models import effective_publication

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class DatesScore(Score):
    """Detection (``correct`` = matched spans) and the values right among the matched."""

    values_correct: int

    @property
    def matched(self) -> int:
        return self.correct

    @property
    def value_accuracy(self) -> float:
        return ratio(self.values_correct, self.correct)


@dataclass(frozen=True, slots=True)
class PublicationRow:
    file: str
    article_first_line: int
    gold: str | None
    predicted: str | None
    source: str  # metadata | inferred | unknown


@dataclass(frozen=True, slots=True)
class DatesDifference:
    """One disagreement, for reading: kind is missed, spurious or value."""

    file: str
    line: int
    kind: str
    text: str
    gold_value: str | None
    predicted_value: str | None


@dataclass(frozen=True, slots=True)
class DatesReport:
    gold_path: str
    documents: int
    score: DatesScore  # end to end
    given_published: DatesScore  # same detection, values with the gold publication date
    publication: tuple[PublicationRow, ...] = ()
    differences: tuple[DatesDifference, ...] = field(default=())

    def rows(self) -> list[dict[str, object]]:
        """The figures as rows (measure, value) for rendering."""
        s, g = self.score, self.given_published
        figures: list[tuple[str, object]] = [
            ("documents", self.documents),
            ("gold expressions", s.gold),
            ("predicted", s.predicted),
            ("matched", s.matched),
            ("precision", round(s.precision, 4)),
            ("recall", round(s.recall, 4)),
            ("f1", round(s.f1, 4)),
            ("value accuracy", round(s.value_accuracy, 4)),
            ("value accuracy, gold publication date", round(g.value_accuracy, 4)),
            (
                "publication dates correct",
                f"{sum(r.gold == r.predicted for r in self.publication)}/{len(self.publication)}",
            ),
        ]
        return [{"measure": name, "value": value} for name, value in figures]


@dataclass(frozen=True, slots=True)
class _Span:
    start: int  # offsets into the decoded file
    end: int
    text: str
    value: str | None
    line: int


def _core(text: str) -> frozenset[str]:
    mapped = match_text(text).text
    months = lexicon().months
    parts = set(re.findall(r"\d+", mapped))
    for word in _WORD.findall(mapped):
        number = months.get(word if word.isascii() else key(word))
        if number is not None:
            parts.add(f"m{number}")
    return frozenset(parts)


def _agrees(gold: _Span, predicted: _Span) -> bool:
    if gold.end <= predicted.start or predicted.end <= gold.start:
        return False
    a, b = _core(gold.text), _core(predicted.text)
    return not a or not b or bool(a & b)


def _match(gold: Sequence[_Span], predicted: Sequence[_Span]) -> list[tuple[_Span, _Span]]:
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and _agrees(g, p):
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def _read_gold(path: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    articles: list[dict[str, object]] = []
    dates: list[dict[str, object]] = []
    for number, record in gold_records(path):
        if "file" not in record or ("line" not in record and "article_first_line" not in record):
            raise InputError(str(path), f"line {number}: needs file and line or article_first_line")
        (articles if "article_first_line" in record else dates).append(record)
    return articles, dates


def _given_date(article: dict[str, object] | None) -> str | None:
    if article is None:
        return None
    value = article.get("published") or article.get("published_estimate")
    if not isinstance(value, str):
        return None
    return value if len(value) >= 10 else f"{value[:7]}-15"


@dataclass(slots=True)
class _FileResult:
    documents: int = 0
    predicted: list[_Span] = field(default_factory=list)
    given: list[_Span] = field(default_factory=list)
    publication: list[PublicationRow] = field(default_factory=list)


def _analyse_file(
    root: Path, name: str, line_starts: list[int], articles: list[dict[str, object]]
) -> _FileResult:
    from newscorpus.arabic import clean
    from newscorpus.extract.dates import extract_dates
    from newscorpus.load import iter_sources, read_source
    from newscorpus.pipeline import analyze, analyzed_paragraphs

    result = _FileResult()
    firsts = sorted(articles, key=lambda a: int(a["article_first_line"]))  # type: ignore[call-overload]
    first_offsets = [line_starts[int(a["article_first_line"]) - 1] for a in firsts]  # type: ignore[call-overload]
    for source in iter_sources([str(root / name)]):
        if isinstance(source, InputError):
            raise source
        for document in read_source(source):
            if isinstance(document, InputError):
                raise document
            result.documents += 1
            base = document.offset_in_file
            index = max(bisect.bisect_right(first_offsets, base) - 1, 0)
            article = firsts[index] if firsts else None
            analysis = analyze(document)
            published = document.published[:10] if document.published else analysis.published
            if article is not None and not any(
                r.article_first_line == article["article_first_line"] for r in result.publication
            ):
                _date, source_kind = effective_publication(document, analysis)
                gold_published = article.get("published")
                result.publication.append(
                    PublicationRow(
                        name,
                        int(str(article["article_first_line"])),
                        None if gold_published is None else str(gold_published),
                        published,
                        source_kind,
                    )
                )
            for d in analysis.dates:
                result.predicted.append(
                    _file_span(line_starts, base, d.start, d.end, d.text, d.value)
                )
            given = extract_dates(
                clean(document.text), analyzed_paragraphs(document), _given_date(article)
            )
            for d in given:
                result.given.append(_file_span(line_starts, base, d.start, d.end, d.text, d.value))
    return result


def _file_span(
    line_starts: list[int], base: int, start: int, end: int, text: str, value: str | None
) -> _Span:
    line = bisect.bisect_right(line_starts, base + start)
    return _Span(base + start, base + end, text, value, line)


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


def evaluate_dates(gold_path: str | Path, documents_root: str | Path = ".") -> DatesReport:
    """Score the date analysis of the documents a gold file names (paths under documents_root)."""
    gold_path, root = Path(gold_path), Path(documents_root)
    articles, dates = _read_gold(gold_path)
    files = list(dict.fromkeys(str(r["file"]) for r in [*articles, *dates]))
    totals = [0, 0, 0, 0]  # gold, predicted, matched, values correct
    given_correct = documents = 0
    publication: list[PublicationRow] = []
    differences: list[DatesDifference] = []
    for name in files:
        try:
            raw = (root / name).read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            raise InputError(
                str(root / name),
                "document of the gold file not found "
                "(pass the folder it is under as documents_root)",
            ) from error
        starts = _line_starts(raw)
        gold_all = [_gold_span(starts, r) for r in dates if r["file"] == name]
        boiler = [
            g
            for g, r in zip(gold_all, (r for r in dates if r["file"] == name), strict=True)
            if r.get("boilerplate")
        ]
        gold = [g for g in gold_all if g not in boiler]
        result = _analyse_file(root, name, starts, [a for a in articles if a["file"] == name])
        documents += result.documents
        publication.extend(result.publication)
        predicted = _scored(result.predicted, boiler)
        pairs = _match(gold, predicted)
        given_pairs = _match(gold, _scored(result.given, boiler))
        totals[0] += len(gold)
        totals[1] += len(predicted)
        totals[2] += len(pairs)
        totals[3] += sum(g.value == p.value for g, p in pairs)
        given_correct += sum(g.value == p.value for g, p in given_pairs)
        differences.extend(_differences(name, gold, predicted, pairs))
    score = DatesScore(*totals)
    given = DatesScore(totals[0], totals[1], totals[2], given_correct)
    return DatesReport(
        str(gold_path), documents, score, given, tuple(publication), tuple(differences)
    )


def _gold_span(starts: list[int], record: dict[str, object]) -> _Span:
    line, col, text = int(record["line"]), int(record.get("col", 0)), str(record["text"])  # type: ignore[call-overload]
    start = starts[line - 1] + col
    value = record.get("value")
    return _Span(start, start + len(text), text, value if isinstance(value, str) else None, line)


def _scored(predicted: Iterable[_Span], boiler: Sequence[_Span]) -> list[_Span]:
    return [p for p in predicted if not any(b.start < p.end and p.start < b.end for b in boiler)]


def _differences(
    name: str, gold: list[_Span], predicted: list[_Span], pairs: list[tuple[_Span, _Span]]
) -> list[DatesDifference]:
    matched_gold = {id(g) for g, _ in pairs}
    matched_predicted = {id(p) for _, p in pairs}
    out = [
        DatesDifference(name, g.line, "missed", g.text, g.value, None)
        for g in gold
        if id(g) not in matched_gold
    ]
    out += [
        DatesDifference(name, p.line, "spurious", p.text, None, p.value)
        for p in predicted
        if id(p) not in matched_predicted
    ]
    out += [
        DatesDifference(name, g.line, "value", g.text, g.value, p.value)
        for g, p in pairs
        if g.value != p.value
    ]
    return sorted(out, key=lambda d: (d.file, d.line))


def format_report(report: DatesReport) -> str:
    """Plain-text rendering for by-hand runs (the CLI renders ``rows()`` itself)."""
    lines = [f"{row['measure']:<40} {row['value']}" for row in report.rows()]
    lines.append("")
    lines += [
        f"published {r.file}:{r.article_first_line}  gold {r.gold}  got {r.predicted} ({r.source})"
        for r in report.publication
    ]
    lines += [
        f"{d.kind:<8} {d.file}:{d.line}  {d.text!r}  gold {d.gold_value}  got {d.predicted_value}"
        for d in report.differences
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    # python -m newscorpus.evaluate.dates GOLD.jsonl [DOCUMENTS_ROOT]
    print(format_report(evaluate_dates(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ".")))

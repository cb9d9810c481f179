"""``newscorpus eval``: score the extractors against gold files."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newscorpus.cli.common import DbOption, Format, FormatOption, JsonOption, output_format
from newscorpus.errors import InputError


class Recognizer(StrEnum):
    full = "full"
    rules = "rules"
    crf = "crf"


app = typer.Typer(help="Score the extractors against hand-made gold files.", no_args_is_help=True)

GoldArgument = Annotated[Path, typer.Argument(help="The gold file.", dir_okay=False)]


def _check(path: Path) -> None:
    if not path.is_file():
        raise InputError(str(path), "no such file")


@app.command("ner")
def ner(
    gold: GoldArgument,
    holdout: Annotated[
        bool, typer.Option("--holdout", help="Only every fifth sentence (the held-out part).")
    ] = False,
    recognizer: Annotated[
        Recognizer,
        typer.Option(
            "--recognizer",
            help="full: what ingest uses; rules: gazetteers and rules only; crf: the CRF alone.",
        ),
    ] = Recognizer.full,
    root: Annotated[
        Path | None,
        typer.Option(
            "--root",
            help="Tag each sentence inside its whole article, as ingest does: the articles "
            "named in the gold's .meta.jsonl, under this folder or .tar.gz (full recognizer).",
        ),
    ] = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Per-type and micro precision, recall and F1 over exact entity spans (token<TAB>BIO),
    and the errors: boundary, wrong type, missed, spurious."""
    from newscorpus.evaluate.ner import evaluate_ner
    from newscorpus.evaluate.recognizers import bio_tagger, document_tagger
    from newscorpus.render import emit, message

    _check(gold)
    if root is not None and recognizer is not Recognizer.full:
        raise InputError(str(gold), "--root tags with the full recognizer only")
    tagger = bio_tagger(recognizer.value) if root is None else document_tagger(gold, root)
    report = evaluate_ner(gold, tagger=tagger, holdout=holdout)
    rows = [
        {
            "type": row.type,
            "gold": row.gold,
            "predicted": row.predicted,
            "correct": row.correct,
            "precision": round(row.precision, 4),
            "recall": round(row.recall, 4),
            "f1": round(row.f1, 4),
            "boundary": row.boundary,
            "wrong_type": row.wrong_type,
            "missed": row.missed,
            "spurious": row.spurious,
        }
        for row in report.rows
    ]
    message(
        f"{report.sentences} sentences, {report.tokens} tokens"
        + (" (held-out part)" if holdout else "")
        + (" (tagged in their articles)" if root is not None else "")
    )
    emit(rows, output_format(fmt, as_json))


RootOption = Annotated[
    Path,
    typer.Option(
        "--root",
        help="Where the gold file's paths live: a folder, or the corpus .tar.gz itself.",
    ),
]


@app.command("claims")
def claims(
    gold: GoldArgument,
    root: RootOption = Path("."),
    include_boilerplate: Annotated[
        bool, typer.Option("--include-boilerplate", help="Also score claims in teaser blocks.")
    ] = False,
    part: Annotated[
        int | None,
        typer.Option(
            "--part",
            min=1,
            help="Only the gold records of this part (records without 'part' are part 1).",
        ),
    ] = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Precision and recall of claims found with the right speaker (strict: the claimed
    words overlap and the speaker is the same words or the same actor); cue, kind, content."""
    from newscorpus.evaluate.claims import evaluate_claims
    from newscorpus.render import emit

    _check(gold)
    report = evaluate_claims(gold, root, include_boilerplate=include_boilerplate, part=part)
    emit(report.rows(), output_format(fmt, as_json))


@app.command("dates")
def dates(
    gold: GoldArgument,
    root: RootOption = Path("."),
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Detection precision/recall/F1 over spans, and accuracy of the resolved values."""
    from newscorpus.evaluate.dates import evaluate_dates
    from newscorpus.render import emit

    _check(gold)
    report = evaluate_dates(gold, root)
    emit(report.rows(), output_format(fmt, as_json))


class Details(StrEnum):
    none = "none"
    problems = "problems"
    unjudged = "unjudged"


@app.command("actors")
def actors(
    audit: GoldArgument,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="Score the top N rows.")] = 300,
    details: Annotated[
        Details,
        typer.Option(
            "--details", help="Instead of the figures, list the row problems or the unjudged forms."
        ),
    ] = Details.none,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Alias precision, non-actors, wrong types, merged rows and duplicates of the top actors,
    by a hand-judged audit (data/gold/actors_ant_audit.json)."""
    from newscorpus.evaluate.actors import evaluate_actors
    from newscorpus.render import emit
    from newscorpus.store import open_store

    _check(audit)
    with open_store(db, create=False) as store:
        report = evaluate_actors(store, audit, top=top)
    fmt_name = output_format(fmt, as_json)
    if details == Details.problems:
        emit(report.problems, fmt_name)
    elif details == Details.unjudged:
        emit(report.unjudged, fmt_name)
    else:
        emit(report.rows(), fmt_name)


@app.command("timeline-sample")
def timeline_sample(
    sample: GoldArgument,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Fully right entries of a hand-judged random sample of the timeline
    (data/gold/timeline_ant_sample.jsonl), among those still as judged, and the corpus
    figures: entries, entries over 10 and 50 documents, the largest, outlets as actors."""
    from newscorpus.evaluate.timeline import evaluate_timeline_sample
    from newscorpus.render import emit
    from newscorpus.store import open_store

    _check(sample)
    with open_store(db, create=False) as store:
        report = evaluate_timeline_sample(store, sample)
    emit(report.rows(), output_format(fmt, as_json))


@app.command("claims-sample")
def claims_sample(
    sample: GoldArgument,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Claims of a hand-judged random sample (data/gold/claims_ant_sample.jsonl) still
    found, with the right speaker, actor and content, and fully right (Wilson 95%
    intervals); then the whole store's pronoun speakers, long speakers, claims without actor."""
    from newscorpus.evaluate.claims_sample import evaluate_claims_sample
    from newscorpus.render import emit
    from newscorpus.store import open_store

    _check(sample)
    with open_store(db, create=False) as store:
        report = evaluate_claims_sample(store, sample)
    emit(report.rows(), output_format(fmt, as_json))

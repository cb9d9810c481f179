"""``newscorpus check``: is the store sound? Exit 0 when every check passes, 1 when not."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from newscorpus.cli.common import listing
from newscorpus.store import Store


def _report(report: Any, fmt: str) -> None:
    from newscorpus.render import emit, emit_record, message

    if fmt == "json":
        emit_record(report, fmt)
    elif fmt == "table":
        emit(
            (
                {
                    "check": c.check,
                    "status": c.status,
                    "problems": c.problems,
                    "examples": c.note or "; ".join(c.examples),
                }
                for c in report.checks
            ),  # fmt: skip
            fmt,
            widths={"examples": 90},
        )
    else:
        emit(report.checks, fmt)  # one row per check
    failed = report.failed
    skipped = sum(c.status == "skipped" for c in report.checks)
    also = f", {skipped} skipped" if skipped else ""
    if failed:
        names = ", ".join(c.check for c in failed)
        message(f"FAIL: {len(failed)} of {len(report.checks)} checks found problems ({names})")
        raise typer.Exit(1)
    message(f"ok: {len(report.checks) - skipped} checks passed{also}")


@listing(_report)
def check(
    store: Store,
    examples: Annotated[
        int, typer.Option("--examples", "-n", min=0, help="Problems shown per check.")
    ] = 5,
) -> Any:
    """Check the store: SQLite's integrity and foreign keys, the search index, and that
    every row points to rows that exist, offsets lie inside the text and actor counts agree."""
    from newscorpus.store.check import check as run_check

    return run_check(store, examples=examples)


def register(app: typer.Typer) -> None:
    app.command()(check)

"""``newscorpus curate``: decisions about actor identity, kept in the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newscorpus.cli.actors import ActorType
from newscorpus.cli.common import DbOption, Format, FormatOption, JsonOption, output_format

app = typer.Typer(
    help="Decide about actor identity: merge, split, rename, drop; list, export, import.",
    no_args_is_help=True,
)

TypeOption = Annotated[
    ActorType | None, typer.Option("--type", help="The actor's type, when names are shared.")
]


def _decide(db: Path | None, action: str, name: str, value: str | None, kind: str | None) -> None:
    from newscorpus.render import message
    from newscorpus.store import open_store
    from newscorpus.store.curation import Decision, record

    with open_store(db, create=False) as store, store.writing() as writer:
        writer.begin()
        kept = record(store.db, writer.identity, Decision(action, name, value, kind))
        writer.commit()
    value = f" {kept.value}" if kept.value else ""
    message(f"{kept.action} {kept.name}{value} (decision #{kept.id})")


@app.command()
def merge(
    name: Annotated[str, typer.Argument(help="The actor to keep (any of its names).")],
    other: Annotated[str, typer.Argument(help="The actor that is the same one.")],
    actor_type: TypeOption = None,
    db: DbOption = None,
) -> None:
    """OTHER is the same actor as NAME: one row, NAME's identity."""
    _decide(db, "merge", name, other, actor_type.value if actor_type else None)


@app.command()
def split(
    name: Annotated[str, typer.Argument(help="The actor (any of its names).")],
    alias: Annotated[str, typer.Option("--alias", help="The written form that is another actor.")],
    actor_type: TypeOption = None,
    db: DbOption = None,
) -> None:
    """The mentions of NAME written ALIAS are another actor."""
    _decide(db, "split", name, alias, actor_type.value if actor_type else None)


@app.command()
def rename(
    name: Annotated[str, typer.Argument(help="The actor (any of its names).")],
    new: Annotated[str, typer.Argument(help="The name to show.")],
    actor_type: TypeOption = None,
    db: DbOption = None,
) -> None:
    """Show NAME as NEW."""
    _decide(db, "rename", name, new, actor_type.value if actor_type else None)


@app.command()
def drop(
    name: Annotated[str, typer.Argument(help="The actor (any of its names).")],
    actor_type: TypeOption = None,
    db: DbOption = None,
) -> None:
    """NAME is not an actor: it leaves every listing (its mentions stay, for --why)."""
    _decide(db, "drop", name, None, actor_type.value if actor_type else None)


@app.command("list")
def list_(
    db: DbOption = None, fmt: FormatOption = Format.table, as_json: JsonOption = False
) -> None:
    """The decisions, oldest first."""
    from newscorpus.render import emit
    from newscorpus.store import open_store
    from newscorpus.store.curation import decisions

    with open_store(db, create=False) as store:
        emit(decisions(store.db), output_format(fmt, as_json),
             columns=["id", "action", "name", "value", "type", "created_at"])  # fmt: skip


@app.command("export")
def export(
    path: Annotated[Path, typer.Argument(help="The TSV file to write.", dir_okay=False)],
    db: DbOption = None,
) -> None:
    """Write the decisions to a TSV file a team can keep under version control."""
    from newscorpus.render import message
    from newscorpus.store import open_store
    from newscorpus.store.curation import export_tsv

    with open_store(db, create=False) as store:
        count = export_tsv(store.db, path)
    message(f"{count} decisions written to {path}")


@app.command("import")
def import_(
    path: Annotated[Path, typer.Argument(help="A TSV file written by `curate export`.")],
    db: DbOption = None,
) -> None:
    """Apply the decisions of a TSV file (ones the store already has are skipped)."""
    from newscorpus.render import message
    from newscorpus.store import open_store
    from newscorpus.store.curation import import_decisions, read_tsv

    found = read_tsv(path)
    with open_store(db) as store, store.writing() as writer:
        writer.begin()
        added = import_decisions(store.db, writer.identity, found)
        writer.commit()
    message(f"{added} new decisions of {len(found)} in {path} applied")

"""The notebook API: one store, its listings as pandas DataFrames.

    from newscorpus import Corpus

    with Corpus("newscorpus.db") as corpus:
        corpus.actors(top=20, type="person")
        corpus.claims(speaker="ترمب")
        corpus.timeline(since="2019")
        corpus.table("mentions")
        corpus.export("out/", format="parquet")

Each listing calls the ``newscorpus.query`` function of the same name with the same
parameters and returns the same rows, with the column names of the command's JSON (README,
"Output formats and contracts"). Column dtypes: ids, counts and offsets ``int64`` (``Int64``
where a value can be missing), flags ``bool``, lists (aliases, roles, a timeline entry's
actors and documents) Python lists, text pandas' string dtype. Columns that always hold a
full date (a document's ``published``, a claim's ``date``) are ``datetime64``: the day, or
the time on the outlet's clock when the metadata gave one with a zone (the zone is dropped,
so 01:00+03:00 stays 01:00 on its day); a missing date is ``NaT``. Dates that may be a year,
a month or a decade (a timeline entry's ``date``, a date's ``value``) stay strings, with
their ``precision`` beside them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscorpus import query
from newscorpus.errors import NewsCorpusError
from newscorpus.models import ACTOR_TYPES, PRECISION_RANK
from newscorpus.query.export import TABLES, columns, snapshot, table_names
from newscorpus.store import open_store

if TYPE_CHECKING:
    import pandas as pd

CLAIM_KINDS = ("direct", "indirect", "mixed")

# A zone after a time of day: dropped so the clock time stays the outlet's.
_ZONE = r"([T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?:Z|[+-]\d{2}:?\d{2})$"


class Corpus:
    """A newscorpus database, opened for reading (it must exist: ``newscorpus ingest``)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self._store = open_store(path, create=False)

    @property
    def path(self) -> Path:
        return self._store.path

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Corpus({str(self.path)!r})"

    def documents(self) -> pd.DataFrame:
        """Stored articles: ``id``, ``path``, ``article``, ``title``, ``published``, ..."""
        return _frame(query.documents(self._store), query.DocumentRow, days=("published",))

    def actors(
        self, top: int | None = 20, type: str | None = None, document: str | None = None
    ) -> pd.DataFrame:
        """Actors, most mentioned first; ``top=None`` (or 0) for all of them."""
        _check("type", type, ACTOR_TYPES)
        rows = query.actors(self._store, top=top, actor_type=type, document=document)
        return _frame(rows, query.ActorRow)

    def claims(
        self,
        speaker: str | None = None,
        about: str | None = None,
        document: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Claims in document order: said by ``speaker``, naming ``about`` in the claimed
        words, in ``document``, of ``kind`` (direct, indirect, mixed)."""
        _check("kind", kind, CLAIM_KINDS)
        rows = query.claims(
            self._store, speaker=speaker, about=about, document=document, kind=kind, limit=limit
        )
        return _frame(rows, query.ClaimRow, days=("date",))

    def timeline(
        self,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        precision: str | None = None,
    ) -> pd.DataFrame:
        """Timeline entries in date order; ``since``/``until`` as YYYY[-MM[-DD]];
        ``precision`` keeps entries at least that precise (day, month, year)."""
        _check("precision", precision, tuple(PRECISION_RANK))
        rows = query.timeline(
            self._store, actor=actor, since=since, until=until, precision=precision
        )
        return _frame(rows, query.TimelineEntry)

    def search(
        self,
        query: str | None = None,
        *,
        actor: str | None = None,
        context: int = 8,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        document: str | None = None,
        kinds: Sequence[str] | None = None,
        limit: int | None = 100,
    ) -> pd.DataFrame:
        """A concordance (``newscorpus search``): one row per hit, with the words before
        and after it; ``actor=NAME`` lists that actor's mentions."""
        from newscorpus.query.search import DEFAULT_KINDS, Hit, search

        rows = search(
            self._store, query, actor=actor, context=context, since=since, until=until,
            outlet=outlet, document=document, kinds=kinds or DEFAULT_KINDS, limit=limit,
        )  # fmt: skip
        return _frame(rows, Hit, days=("date",))

    def network(
        self,
        actor: str | None = None,
        *,
        types: Sequence[str] = (),
        window: str = "sentence",
        min_weight: int = 2,
        top: int | None = 100,
        since: str | None = None,
        until: str | None = None,
    ) -> pd.DataFrame:
        """Co-occurring pairs (``newscorpus network``): weight, Dice, PMI per pair.
        ``networkx.from_pandas_edgelist(frame, "source", "target", True)`` makes a graph."""
        from newscorpus.query.network import Edge, network

        result = network(
            self._store, actor=actor, types=tuple(types), window=window,
            min_weight=min_weight, top=top, since=since, until=until,
        )  # fmt: skip
        return _frame(result.edges, Edge)

    def trend(
        self,
        *names: str,
        by: str = "month",
        search: bool = False,
        since: str | None = None,
        until: str | None = None,
    ) -> pd.DataFrame:
        """Counts per period (``newscorpus trend``), one column per name, the periods as
        the index: ``corpus.trend("ترمب", "كيم", by="month").plot()``."""
        import pandas as pd

        from newscorpus.query.trend import trend

        series = trend(self._store, names, by=by, search=search, since=since, until=until)
        frame = pd.DataFrame(
            {s.name: pd.Series([p.count for p in s.points], dtype="int64") for s in series}
        )
        frame.index = pd.Index([p.period for p in series[0].points] if series else [],
                               name="period")  # fmt: skip
        return frame

    def table(self, name: str) -> pd.DataFrame:
        """A whole table as ``export`` writes it: documents, paragraphs, actors, mentions,
        claims, dates or events."""
        (name,) = table_names([name])
        record, read = TABLES[name]
        days = {"documents": ("published",), "claims": ("date",)}.get(name, ())
        with snapshot(self._store):
            return _frame(read(self._store), record, days=days)

    def export(
        self,
        directory: str | Path,
        format: str = "parquet",
        tables: str | Sequence[str] | None = None,
        force: bool = False,
    ) -> pd.DataFrame:
        """Write the tables to ``directory`` (``newscorpus export``); one row per file:
        ``table``, ``rows``, ``file``, ``bytes``."""
        from newscorpus.export import TableFile, export

        summary = export(self._store, directory, fmt=format, tables=tables, force=force)
        return _frame(summary.tables, TableFile)


def _check(name: str, value: str | None, allowed: Sequence[str]) -> None:
    if value is not None and value not in allowed:
        raise NewsCorpusError(f"{name} is one of {', '.join(allowed)}, not {value!r}")


_DTYPES = {"int": "int64", "float": "float64", "bool": "bool", "str": str}


def _frame(rows: Iterable[Any], record: type, *, days: Sequence[str] = ()) -> pd.DataFrame:
    """Records as a DataFrame with one column per field, typed from the annotations."""
    import pandas as pd

    rows = list(rows)
    data = {}
    for column in columns(record):
        values = [getattr(row, column.name) for row in rows]
        if column.kind.startswith("list"):
            series = pd.Series([list(v) for v in values], dtype=object)
        elif column.kind == "int" and column.nullable:
            series = pd.Series(values, dtype="Int64")
        else:
            series = pd.Series(values, dtype=_DTYPES[column.kind])
        if column.name in days:
            series = _datetimes(series)
        data[column.name] = series
    return pd.DataFrame(data)


def _datetimes(values: pd.Series) -> pd.Series:
    import pandas as pd

    wall_clock = values.str.replace(_ZONE, r"\1", regex=True)
    return pd.to_datetime(wall_clock, format="ISO8601", errors="coerce")

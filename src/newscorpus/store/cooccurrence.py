"""Who appears with whom, counted once per change of the store rather than per question.

``rebuild`` counts, for sentences and for paragraphs, the windows each actor appears in
(``actor_windows``), the windows any actor appears in, and the windows each pair shares
(``cooccurrence``, pairs sharing at least ``MIN_CACHED`` windows). It runs when an ingest
or a curation command has finished writing (``Store.writing``), and stamps the tables with
the store's generation, which every commit raises (``Writer.commit``); ``query.network``
reads the tables only while the stamp matches, and counts from the mentions otherwise.
"""

from __future__ import annotations

import sqlite3

WINDOW_COLUMNS = {"sentence": "sentence", "paragraph": "paragraph"}
MIN_CACHED = 2
# A window naming more actors than this is no co-occurrence (a text with no paragraph
# breaks, read as one paragraph of 250,000 characters); its pairs would grow with the
# square of its size. News paragraphs name a few actors each.
MAX_WINDOW_ACTORS = 100


def generation(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT value FROM store_meta WHERE key = 'generation'").fetchone()
    return int(row[0]) if row else 0


def is_fresh(db: sqlite3.Connection) -> bool:
    row = db.execute("SELECT value FROM store_meta WHERE key = 'cooccurrence'").fetchone()
    return row is not None and int(row[0]) == generation(db)


def count_windows(db: sqlite3.Connection, column: str, where: str = "", params: tuple = ()) -> None:
    """``temp.windows`` (doc, unit, actor): the distinct actors of each window that names
    at most MAX_WINDOW_ACTORS of them."""
    db.execute("DROP TABLE IF EXISTS temp.windows")
    db.execute(
        f"CREATE TEMP TABLE windows AS SELECT DISTINCT m.document_id AS doc, m.{column} AS unit,"
        f" m.actor_id AS actor FROM mentions m{where and ' ' + where}",
        params,
    )
    db.execute("CREATE INDEX temp.windows_unit ON windows (doc, unit, actor)")
    db.execute(
        "DELETE FROM temp.windows WHERE (doc, unit) IN (SELECT doc, unit FROM temp.windows"
        " GROUP BY doc, unit HAVING count(*) > ?)",
        (MAX_WINDOW_ACTORS,),
    )


PAIRS_SQL = (
    "SELECT x.actor, y.actor, count(*) FROM windows x JOIN windows y"
    " ON x.doc = y.doc AND x.unit = y.unit AND x.actor < y.actor"
    " GROUP BY x.actor, y.actor HAVING count(*) >= ?"
)


def rebuild(db: sqlite3.Connection) -> None:
    """Recount both windows (module docstring); one transaction."""
    stamp = generation(db)
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("DELETE FROM cooccurrence")
        db.execute("DELETE FROM actor_windows")
        for window, column in WINDOW_COLUMNS.items():
            count_windows(db, column, f"WHERE m.{column} IS NOT NULL")
            db.execute(
                "INSERT INTO actor_windows SELECT ?, actor, count(*) FROM windows GROUP BY actor",
                (window,),
            )
            db.execute(
                f"INSERT INTO cooccurrence SELECT ?, * FROM ({PAIRS_SQL})", (window, MIN_CACHED)
            )
            db.execute(
                "INSERT OR REPLACE INTO store_meta SELECT ?, count(*)"
                " FROM (SELECT DISTINCT doc, unit FROM windows)",
                (f"windows:{window}",),
            )
        db.execute("DROP TABLE IF EXISTS temp.windows")
        db.execute("INSERT OR REPLACE INTO store_meta VALUES ('cooccurrence', ?)", (stamp,))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise

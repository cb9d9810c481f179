"""Prove a change leaves outputs alone: ingest the same files with two versions, compare.

    python scripts/compare_outputs.py --old HEAD~3                # old = a git ref
    python scripts/compare_outputs.py --old HEAD~3 --limit 2000   # the first 2,000 ANT files
    python scripts/compare_outputs.py --old-src /tmp/old/src      # old = a source folder

Each side ingests the seeds and the first ``--limit`` files of the ANT dev archive (sorted
by member name) into a fresh database in its own process (``PYTHONPATH`` pointing at that
side's ``src``), then every table is dumped as id-free rows (documents by path and article,
actors by name and type with their aliases, mentions with offsets, claims, dates, events
with their actors) together with the listing commands' JSON and ``extract --format json``
of each seed. Rows are compared one by one; the script prints the count of differences per
table, the first few of each, and exits 1 when any differ. Run by hand (needs ../shared).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT.parent / "shared" / "corpora" / "ant-v2.1-dev.tar.gz"

DUMPS = {
    "documents": """
        SELECT f.path, d.article_index, d.external_id, d.title, d.published, d.date_source,
               d.outlet, d.url, d.encoding, d.content_hash, d.offset_in_file
        FROM documents d JOIN files f ON f.id = d.file_id""",
    "paragraphs": """
        SELECT f.path, d.article_index, p.idx, p.start, p."end", p.kind, p.duplicate_of
        FROM paragraphs p JOIN documents d ON d.id = p.document_id
        JOIN files f ON f.id = d.file_id""",
    "actors": """
        SELECT a.name, a.type, a.mentions, a.documents,
               (SELECT group_concat(t, '|') FROM (SELECT DISTINCT m.text AS t FROM mentions m
                WHERE m.actor_id = a.id ORDER BY m.text))
        FROM actors a""",
    "mentions": """
        SELECT f.path, d.article_index, m.paragraph, m.start, m."end", m.text, m.name,
               a.name, a.type, m.role, m.source
        FROM mentions m JOIN documents d ON d.id = m.document_id
        JOIN files f ON f.id = d.file_id JOIN actors a ON a.id = m.actor_id""",
    "claims": """
        SELECT f.path, d.article_index, c.paragraph, c.start, c."end", c.content_start,
               c.content_end, c.speaker, a.name, c.cue, c.content, c.kind, c.via
        FROM claims c JOIN documents d ON d.id = c.document_id
        JOIN files f ON f.id = d.file_id LEFT JOIN actors a ON a.id = c.speaker_actor_id""",
    "dates": """
        SELECT f.path, d.article_index, t.paragraph, t.start, t."end", t.text, t.value,
               t.precision, t.reason, t.hijri
        FROM dates t JOIN documents d ON d.id = t.document_id
        JOIN files f ON f.id = d.file_id""",
    "events": """
        SELECT f.path, d.article_index, e.paragraph, e.start, e."end", e.date, e.precision,
               e.text, c.start,
               (SELECT group_concat(n, '|') FROM (SELECT a.name || '/' || a.type AS n
                FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
                WHERE ea.event_id = e.id ORDER BY n))
        FROM events e JOIN documents d ON d.id = e.document_id
        JOIN files f ON f.id = d.file_id LEFT JOIN claims c ON c.id = e.claim_id""",
}
# Listing commands whose JSON output is compared as it is (ids left out where they are
# database row ids that depend on insertion order only).
LISTINGS = {
    "cli:stats": ["stats", "--format", "ndjson"],
    "cli:actors": ["actors", "--top", "300", "--format", "ndjson"],
    "cli:claims": ["claims", "--format", "ndjson"],
    "cli:timeline": ["timeline", "--format", "ndjson"],
    "cli:documents": ["documents", "--format", "ndjson"],
    "cli:actor": ["actor", "ترمب", "--format", "json"],
    "cli:show": ["show", "2", "--format", "json"],
    "cli:actors-table": ["actors", "--top", "20"],
    "cli:timeline-table": ["timeline", "--actor", "كيم", "--since", "2018"],
}


def run(
    src: Path, args: list[str], cwd: Path, stdout: Path | None = None, ok: tuple[int, ...] = (0,)
) -> str:
    env = dict(os.environ, PYTHONPATH=str(src), NEWSCORPUS_DB=str(cwd / "compare.db"))
    command = [sys.executable, "-m", "newscorpus", *args]
    if stdout is None:
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
        if done.returncode not in ok:
            sys.exit(f"{src}: {' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
        return done.stdout
    with open(stdout, "w", encoding="utf-8") as out:
        done = subprocess.run(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.PIPE)
    if done.returncode != 0:
        sys.exit(f"{src}: {' '.join(args)} failed: {done.stderr.decode()[-2000:]}")
    return ""


def dump(db_path: Path) -> dict[str, list[str]]:
    db = sqlite3.connect(db_path)
    tables = {}
    for name, sql in DUMPS.items():
        rows = [json.dumps(row, ensure_ascii=False) for row in db.execute(sql)]
        tables[name] = sorted(rows)
    db.close()
    return tables


def without_ids(line: str) -> str:
    record = json.loads(line)
    record.pop("id", None)
    record.pop("database", None)  # each side's own temporary path
    return json.dumps(record, ensure_ascii=False)


def side(src: Path, inputs: list[str], work: Path, seeds: list[Path]) -> dict[str, list[str]]:
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(src))
    where = subprocess.run(
        [sys.executable, "-c", "import newscorpus; print(newscorpus.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not where.startswith(str(src.resolve())):
        sys.exit(f"PYTHONPATH={src} imports newscorpus from {where}, not from that folder")
    # exit 1: some files could not be read (two ANT dev files have no text); the summary
    # on stdout, compared below with the tables, says which
    summary = run(src, ["ingest", *inputs, "--workers", "2", "--format", "json"], work, ok=(0, 1))
    try:
        failures = json.loads(summary)["failures"]
    except (ValueError, KeyError):
        sys.exit(f"{src}: ingest printed no summary: {summary[-2000:]!r}")
    tables = dump(work / "compare.db")
    tables["ingest:failures"] = sorted(f"{f['path']}\t{f['reason']}" for f in failures)
    for name, args in LISTINGS.items():
        lines = run(src, args, work).splitlines()
        tables[name] = [without_ids(line) for line in lines] if "ndjson" in args else lines
    extracted = []
    for seed in seeds:
        output = run(src, ["extract", str(seed), "--format", "json"], work)
        extracted.append(seed.name + "\t" + output)
    tables["extract"] = "\n".join(extracted).splitlines()
    return tables


def compare(old: dict[str, list[str]], new: dict[str, list[str]], show: int) -> int:
    total = 0
    for name in old:
        a, b = old[name], new.get(name, [])
        if name.startswith(("cli:", "extract")):
            differing = [(x, y) for x, y in zip(a, b, strict=False) if x != y]
            count = len(differing) + abs(len(a) - len(b))
            samples = [f"- {x}\n+ {y}" for x, y in differing[:show]]
        else:
            sa, sb = set(a), set(b)
            only_old, only_new = sorted(sa - sb), sorted(sb - sa)
            count = len(only_old) + len(only_new)
            samples = [f"- {x}" for x in only_old[:show]] + [f"+ {y}" for y in only_new[:show]]
        total += count
        print(f"{name:14} rows old {len(a):>8}  new {len(b):>8}  differences {count}")
        for sample in samples:
            print("    " + sample[:400])
    return total


def ant_files(limit: int, target: Path) -> list[str]:
    if limit <= 0:
        return []
    if not ARCHIVE.exists():
        sys.exit(f"{ARCHIVE}: not found (the ANT dev corpus lives in ../shared)")
    with tarfile.open(ARCHIVE) as archive:
        members = sorted(
            (m for m in archive.getmembers() if m.isfile() and not m.name.endswith(".md")),
            key=lambda m: m.name,
        )[:limit]
        archive.extractall(target, members=members, filter="data")
    return [str(target)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    old = parser.add_mutually_exclusive_group(required=True)
    old.add_argument("--old", help="git ref of the old code (checked out into a worktree)")
    old.add_argument("--old-src", type=Path, help="the old code's src folder")
    parser.add_argument("--new-src", type=Path, default=ROOT / "src")
    parser.add_argument("--limit", type=int, default=2000, help="ANT files (0: seeds only)")
    parser.add_argument("--show", type=int, default=3, help="differences shown per table")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="compare-") as tmp:
        work = Path(tmp)
        if args.old:
            tree = work / "old-tree"
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.old],
                check=True,
                capture_output=True,
            )
            old_src = tree / "src"
        else:
            old_src = args.old_src
        try:
            seeds = sorted((ROOT / "seeds").glob("*.txt"))
            inputs = [str(ROOT / "seeds"), *ant_files(args.limit, work / "ant")]
            print(f"inputs: seeds + {args.limit} ANT files; old {old_src}, new {args.new_src}")
            old_tables = side(old_src, inputs, work / "old", seeds)
            new_tables = side(args.new_src, inputs, work / "new", seeds)
            differences = compare(old_tables, new_tables, args.show)
        finally:
            if args.old:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                    capture_output=True,
                )
    print(f"total differences: {differences}")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()

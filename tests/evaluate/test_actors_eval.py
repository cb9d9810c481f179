"""``eval actors`` scores a store's top actors by a hand-judged audit."""

from __future__ import annotations

import json
from pathlib import Path

from newscorpus.evaluate.actors import evaluate_actors
from newscorpus.models import Analysis, Document, Mention, Paragraph
from newscorpus.store import FileRecord, open_store

AUDIT = {
    "entities": {
        "سوريا": {"type": "place", "kind": "actor"},
        "سويسرا": {"type": "place", "kind": "actor"},
        "الزبري": {"type": "place", "kind": "not_actor"},
        "وزارة الداخلية": {"type": "organization", "kind": "namesakes"},
        "قطر": {"type": "place", "kind": "actor"},
    },
    "rows": [
        {"name": "سوريا", "type": "place", "entity": "سوريا",
         "aliases": {"سوريا": "سوريا", "سورية": "سوريا", "سويسرا": "سويسرا"}},
        {"name": "الزبري", "type": "place", "entity": "الزبري", "aliases": {"الزبري": "-"}},
        {"name": "وزارة الداخلية", "type": "organization", "entity": "وزارة الداخلية",
         "aliases": {"وزارة الداخلية": "وزارة الداخلية"}},
        {"name": "قطر", "type": "place", "entity": "قطر", "aliases": {"قطر": "قطر"}},
        {"name": "دولة قطر", "type": "place", "entity": "قطر", "aliases": {"دولة قطر": "قطر"}},
    ],
}  # fmt: skip


def _store(db_path: Path, rows: list[tuple[str, str, str, int]]) -> None:
    """One document per (written form, actor name, type, times)."""
    with open_store(db_path) as store, store.writing() as writer:
        for number, (text, name, kind, times) in enumerate(rows):
            body = " ".join([text] * times)
            mentions = tuple(
                Mention(i * (len(text) + 1), i * (len(text) + 1) + len(text), text, kind, 0,  # type: ignore[arg-type]
                        text, actor=name)
                for i in range(times)
            )  # fmt: skip
            writer.begin_file(FileRecord(f"{number}.txt", 1, 1, str(number)))
            document = Document(body, (Paragraph(0, 0, len(body), "body"),), f"{number}.txt")
            writer.add_document(document, Analysis(mentions=mentions))


def test_the_audit_scores_forms_rows_and_duplicates(tmp_path: Path, db_path: Path) -> None:
    audit = tmp_path / "audit.json"
    audit.write_text(json.dumps(AUDIT, ensure_ascii=False), encoding="utf-8")
    _store(
        db_path,
        [
            ("سوريا", "سوريا", "place", 5),
            ("سورية", "سوريا", "place", 2),
            ("سويسرا", "سوريا", "place", 1),  # a wrong form in Syria's row
            ("الزبري", "الزبري", "place", 4),  # not an actor
            ("وزارة الداخلية", "وزارة الداخلية", "organization", 3),  # flagged: not an error
            ("قطر", "قطر", "place", 3),
            ("دولة قطر", "دولة قطر", "place", 2),  # a second row of Qatar
            ("سلطنة", "سلطنة", "place", 1),  # no judgement yet
        ],
    )
    with open_store(db_path) as store:
        report = evaluate_actors(store, audit, top=10)
    assert (report.forms_right, report.forms_wrong, report.forms_unjudged) == (4, 1, 1)
    assert round(report.alias_precision, 2) == 0.8
    assert (report.non_actors, report.merged_rows, report.duplicate_pairs) == (1, 0, 1)
    assert (report.flagged_ambiguous, report.flagged_mentions) == (1, 3)
    assert [u.form for u in report.unjudged] == ["(the row itself)", "سلطنة"]
    problems = {p.problem for p in report.problems}
    assert problems == {"wrong form سويسرا", "not an actor", "duplicate of قطر"}

from pathlib import Path

from newscorpus.models import Analysis, Claim, Document, Event, Mention, Paragraph
from newscorpus.query import actors, claims, find_actor
from newscorpus.store import FileRecord, open_store


def _doc(text: str, path: str = "a.txt") -> Document:
    return Document(text=text, paragraphs=(Paragraph(0, 0, len(text), "body"),), path=path)


def _mention(text: str, whole: str, name: str, kind: str = "person") -> Mention:
    start = whole.index(text)
    return Mention(start, start + len(text), text, kind, 0, text, actor=name)


def _store(
    db_path: Path, path: str, items: list[tuple[Document, Analysis]], digest: str = "d"
) -> None:
    with open_store(db_path) as store, store.writing() as writer:
        writer.begin_file(FileRecord(path, 10, 1, digest))
        for document, analysis in items:
            writer.add_document(document, analysis)


TRUMP_1 = "التقى ترمب وكيم في سنغافورة."
TRUMP_2 = "قال دونالد ترامب إنه يفتقد كيم."


def test_spellings_of_one_actor_across_files_are_one_actor(db_path: Path) -> None:
    _store(
        db_path,
        "one.txt",
        [(_doc(TRUMP_1), Analysis(mentions=(_mention("ترمب", TRUMP_1, "ترمب"),)))],
    )
    _store(
        db_path,
        "two.txt",
        [(_doc(TRUMP_2), Analysis(mentions=(_mention("دونالد ترامب", TRUMP_2, "دونالد ترامب"),)))],
    )
    with open_store(db_path) as store:
        rows = list(actors(store, top=10))
        assert len(rows) == 1
        assert rows[0].mentions == 2 and rows[0].documents == 2
        assert set(rows[0].aliases) == {"ترمب", "دونالد ترامب"}
        assert find_actor(store, "لترامب") == find_actor(store, "Trump") == rows[0].id


def test_different_people_sharing_a_surname_stay_apart(db_path: Path) -> None:
    text = "التقى أحمد الخطيب مع سعيد الخطيب."
    mentions = (
        _mention("أحمد الخطيب", text, "أحمد الخطيب"),
        _mention("سعيد الخطيب", text, "سعيد الخطيب"),
    )
    _store(db_path, "a.txt", [(_doc(text), Analysis(mentions=mentions))])
    with open_store(db_path) as store:
        assert sorted(r.name for r in actors(store)) == ["أحمد الخطيب", "سعيد الخطيب"]


def test_replacing_a_file_recounts_and_drops_actors_left_without_mentions(db_path: Path) -> None:
    _store(
        db_path, "a.txt", [(_doc(TRUMP_1), Analysis(mentions=(_mention("ترمب", TRUMP_1, "ترمب"),)))]
    )
    text = "زار بوتين بيونغ يانغ."
    new = Analysis(
        mentions=(
            _mention("بوتين", text, "بوتين"),
            _mention("بيونغ يانغ", text, "بيونغ يانغ", "place"),
        )
    )
    _store(db_path, "a.txt", [(_doc(text), new)], digest="changed")
    with open_store(db_path) as store:
        assert sorted((r.name, r.type, r.mentions) for r in actors(store)) == [
            ("بيونغ يانغ", "place", 1),
            ("فلاديمير بوتين", "person", 1),  # a known actor shows its lexicon name
        ]
        assert store.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_claims_and_events_link_to_corpus_actors(db_path: Path) -> None:
    text = "وقال كيم جونغ أون الجمعة إن واشنطن معادية."
    mention = _mention("كيم جونغ أون", text, "كيم جونغ أون")
    claim = Claim(
        "كيم جونغ أون",
        "قال",
        "واشنطن معادية",
        "indirect",
        0,
        0,
        len(text) - 1,
        text.index("واشنطن"),
        len(text) - 1,
        speaker_actor="كيم جونغ أون",
    )
    event = Event("2024-11-22", "day", 0, len(text), text, 0, actors=("كيم جونغ أون",), claim=0)
    _store(
        db_path,
        "k.txt",
        [(_doc(text), Analysis(mentions=(mention,), claims=(claim,), events=(event,)))],
    )
    with open_store(db_path) as store:
        rows = list(claims(store, speaker="كيم"))
        assert [(r.speaker_actor, r.content) for r in rows] == [("كيم جونغ أون", "واشنطن معادية")]
        linked = store.db.execute(
            "SELECT count(*) FROM event_actors ea JOIN events e ON e.id = ea.event_id"
            " WHERE e.claim_id IS NOT NULL"
        ).fetchone()[0]
        assert linked == 1


def test_an_aborted_batch_leaves_nothing_behind(db_path: Path) -> None:
    with open_store(db_path) as store:
        writer_cm = store.writing()
        writer = writer_cm.__enter__()
        writer.begin_file(FileRecord("x.txt", 1, 1, "d"))
        writer.add_document(_doc(TRUMP_1), Analysis())
        writer.abort()
        writer_cm.__exit__(None, None, None)
        assert store.db.execute("SELECT count(*) FROM files").fetchone()[0] == 0


def test_aliases_are_shown_in_display_form_while_mentions_keep_their_text(db_path: Path) -> None:
    text = "زار الرئيس ﺳﻮﺭﻳﺎ ثم عاد إلى سوريا وإلى ســوريا."
    mentions = tuple(
        _mention(form, text, "سوريا", "place") for form in ("ﺳﻮﺭﻳﺎ", "سوريا", "ســوريا")
    )
    _store(db_path, "a.txt", [(_doc(text), Analysis(mentions=mentions))])
    with open_store(db_path) as store:
        (row,) = actors(store)
        assert (row.name, row.aliases) == ("سوريا", ("سوريا",))
        stored = [t for (t,) in store.db.execute("SELECT text FROM mentions ORDER BY start")]
        assert stored == ["ﺳﻮﺭﻳﺎ", "سوريا", "ســوريا"]
        starts = [s for (s,) in store.db.execute("SELECT start FROM mentions ORDER BY start")]
        assert [text[s : s + len(t)] for s, t in zip(starts, stored, strict=True)] == stored


def test_record_fields_no_role_took_are_stored_and_shown(db_path: Path) -> None:
    from dataclasses import replace

    from newscorpus.query import show

    document = replace(_doc(TRUMP_1), metadata=(("category", "سياسة"), ("author", "أ. ب")))
    _store(db_path, "a.json", [(document, Analysis())])
    _store(db_path, "b.txt", [(_doc(TRUMP_2, "b.txt"), Analysis())])
    with open_store(db_path) as store:
        assert [(m.field, m.value) for m in show(store, "1").metadata] == [
            ("category", "سياسة"),
            ("author", "أ. ب"),
        ]
        assert show(store, "2").metadata == ()


def test_stored_span_texts_are_the_document_text_at_their_offsets(db_path: Path) -> None:
    from newscorpus.load import Source, read_source
    from newscorpus.pipeline import analyze

    data = "قال الرئيس الروسي فلاديمير\u00a0بوتين في 12\u00a0مايو 2024 إن بلاده لن تتراجع.\n"
    (document,) = read_source(Source.from_bytes("a.txt", data.encode()))
    _store(db_path, "a.txt", [(document, analyze(document))])
    with open_store(db_path) as store:
        text = store.db.execute("SELECT text FROM documents").fetchone()[0]
        for table in ("mentions", "dates"):
            rows = store.db.execute(f'SELECT start, "end", text FROM {table}').fetchall()
            assert rows and all(text[s:e] == t for s, e, t in rows), table
        assert "\u00a0" in store.db.execute("SELECT text FROM mentions").fetchone()[0]


def _written_counts(db_path: Path, keep_from: int, monkeypatch) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Seeds written file by file with a commit after each, then the first file written
    again with its second half of mentions gone; the actors' names and counts."""
    from dataclasses import replace

    from newscorpus.load import Source, read_source
    from newscorpus.pipeline import analyze
    from newscorpus.store.identity import ActorIdentity

    monkeypatch.setattr(ActorIdentity, "KEEP_COUNTS", keep_from)
    files = []
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        documents = list(read_source(Source.from_bytes(path.name, path.read_bytes())))
        files.append((path.name, [(d, analyze(d)) for d in documents]))
    with open_store(db_path) as store, store.writing() as writer:
        for number, (name, pairs) in enumerate(files):
            writer.begin_file(FileRecord(name, 1, 1, name))
            for document, analysis in pairs:
                writer.add_document(document, analysis)
            writer.commit()
            if number == 2:  # the first file again, changed: mentions leave its actors
                first, pairs0 = files[0]
                writer.begin_file(FileRecord(first, 2, 2, first + "2"))
                for document, analysis in pairs0:
                    half = analysis.mentions[: len(analysis.mentions) // 2]
                    writer.add_document(document, replace(analysis, mentions=half))
                writer.commit()
        rows = store.db.execute(
            "SELECT name, type, mentions, documents FROM actors ORDER BY name, type"
        ).fetchall()
    return rows


def test_counts_kept_between_commits_equal_a_recount(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    kept = _written_counts(tmp_path / "kept.db", 1, monkeypatch)  # every actor's kept
    counted = _written_counts(tmp_path / "counted.db", 10**9, monkeypatch)  # none kept
    assert kept == counted
    assert sum(row[2] for row in kept) > 100

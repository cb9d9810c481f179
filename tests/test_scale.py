"""``ingest --engine dask``: a local Dask cluster into a Parquet dataset, answering every
query as the SQLite path does, whatever the workers and the partitioning."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newscorpus.cli import app
from newscorpus.ingest import ingest
from newscorpus.scale import DaskOptions, ingest_dataset

pytestmark = pytest.mark.slow
runner = CliRunner()
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLES = 320

LISTINGS = [
    ["stats", "--format", "json"],
    ["actors", "--top", "200", "--format", "ndjson"],
    ["actor", "بوتين", "--format", "json"],
    ["actor", "كيم", "--format", "json"],
    ["claims", "--format", "ndjson"],
    ["claims", "--speaker", "بوتين", "--format", "json"],
    ["timeline", "--format", "ndjson"],
    ["timeline", "--actor", "كيم", "--format", "json"],
    ["documents", "--format", "ndjson"],
    ["show", "20", "--format", "json"],
    ["network", "--format", "json"],
    ["trend", "بوتين", "--by", "week", "--format", "json"],
    ["search", "كوريا OR روسيا", "--limit", "0", "--format", "ndjson"],
]


def _paragraphs() -> list[str]:
    from newscorpus.load import iter_sources, read_source
    from newscorpus.models import Document

    found = []
    for source in iter_sources([str(SEEDS)]):
        for document in read_source(source):
            if isinstance(document, Document):
                found += [
                    document.paragraph_text(p)
                    for p in document.paragraphs
                    if p.kind == "body" and p.end - p.start > 80
                ]
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, and 320 articles made of their paragraphs (fixed seed) in JSON Lines files
    of 1 to 9 articles each, dated over 2023-2024."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SEEDS, root / "seeds")
    pool = _paragraphs()
    rng = random.Random(21)
    made = 0
    number = 0
    while made < ARTICLES:
        count = min(rng.randint(1, 9), ARTICLES - made)
        lines = []
        for _ in range(count):
            body = rng.sample(pool, rng.randint(2, 6))
            lines.append(json.dumps({
                "title": body[0][:60], "text": "\n\n".join(body), "outlet": rng.choice("ABC"),
                "date": f"202{rng.randint(3, 4)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            }, ensure_ascii=False))  # fmt: skip
        folder = root / "made" / f"{number % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{number:03d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        made += count
        number += 1
    return root


def _inputs(corpus: Path) -> list[str]:
    return [str(corpus / "seeds"), str(corpus / "made")]


def _answers(db: Path | str) -> list[tuple[int, str]]:
    found = []
    for argv in LISTINGS:
        result = runner.invoke(app, [*argv, "--db", str(db)])
        assert "Traceback" not in result.stderr, argv
        out = result.stdout
        if argv[0] == "stats":
            stats = json.loads(out)
            stats.pop("database")
            out = json.dumps(stats)
        found.append((result.exit_code, out))
    return found + _files(db)


def _files(db: Path | str) -> list[tuple[int, str]]:
    """The report (but the time it was made) and every exported CSV file."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        page, exported = Path(folder) / "report.html", Path(folder) / "export"
        results = [
            runner.invoke(app, ["report", "-o", str(page), "--db", str(db)]),
            runner.invoke(app, ["export", str(exported), "--format", "csv", "--db", str(db)]),
        ]
        found = [(r.exit_code, r.stderr) for r in results]
        html = page.read_text("utf-8")
        at = html.index('"generated":"')
        found.append((0, html[:at] + html[at + 40 :]))
        found += [(0, f.name + f.read_text("utf-8")) for f in sorted(exported.iterdir())]
    return found


@pytest.fixture(scope="module")
def sqlite_answers(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list:
    db = tmp_path_factory.mktemp("sqlite") / "corpus.db"
    summary = ingest(_inputs(corpus), db=db, workers=1)
    assert summary.articles == ARTICLES + 7 and not summary.failures
    return _answers(db)


@pytest.mark.parametrize(("workers", "files_per_part"), [(1, 400), (2, 7), (2, 40)])
def test_dataset_answers_as_sqlite_whatever_the_workers_and_parts(
    corpus: Path, sqlite_answers: list, tmp_path: Path, workers: int, files_per_part: int
) -> None:
    out = tmp_path / "dataset"
    summary = ingest_dataset(
        _inputs(corpus), str(out), dask=DaskOptions(workers=workers, files_per_part=files_per_part)
    )
    assert summary.articles == ARTICLES + 7 and not summary.failures
    assert len(list((out / "analysis" / "run-00001").iterdir())) == -(
        -summary.files_read // files_per_part
    )
    assert _answers(out) == sqlite_answers


def test_incremental_ingest_adds_parts_and_skips_unchanged_files(
    corpus: Path, tmp_path: Path
) -> None:
    db, out = tmp_path / "two-steps.db", tmp_path / "dataset"
    options = DaskOptions(workers=2, files_per_part=10)
    for inputs in ([str(corpus / "seeds")], _inputs(corpus)):
        ingest(inputs, db=db, workers=1)
        summary = ingest_dataset(inputs, f"file://{out}", dask=options)
    assert summary.files_unchanged == 5 and summary.files_read > 0
    assert sorted(p.name for p in (out / "analysis").iterdir()) == ["run-00001", "run-00002"]
    again = ingest_dataset(_inputs(corpus), str(out), dask=options)
    assert (again.files_read, again.articles) == (0, 0)
    assert again.files_unchanged == summary.files_unchanged + summary.files_read
    assert _answers(out) == _answers(db)


def test_a_changed_file_replaces_its_old_version(corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(corpus / "seeds", folder)
    out, db = tmp_path / "dataset", tmp_path / "same.db"
    for change in (False, True):
        if change:
            first = sorted(folder.iterdir())[0]
            first.write_text(first.read_text("utf-8") + "\n\nقال بوتين إن الحرب ستنتهي.\n", "utf-8")
        summary = ingest_dataset([str(folder)], str(out), dask=DaskOptions(workers=1))
        ingest([str(folder)], db=db, workers=1)
    assert summary.files_read == 1 and summary.files_unchanged == 4
    # The pass replays the new version where the latest run put it (last); SQLite replaced
    # the file in place, keeping the actor rows the old version made: ids may differ, what
    # is listed may not.
    for argv in (["actors", "--top", "0"], ["claims"], ["documents"]):
        listed = [_without_ids(_listing(argv, where)) for where in (out, db)]
        assert listed[0] == listed[1], argv
    said = _listing(["claims", "--speaker", "بوتين"], out)
    assert any("الحرب ستنتهي" in claim["content"] for claim in said)


def _listing(argv: list[str], db: Path | str) -> list[dict]:
    result = runner.invoke(app, [*argv, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _without_ids(rows: list[dict]) -> list[dict]:
    return sorted(
        ({k: v for k, v in row.items() if k not in ("id", "document")} for row in rows),
        key=lambda row: json.dumps(row, ensure_ascii=False, sort_keys=True),
    )


def test_cli_ingest_dask_reports_a_bad_file_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.jsonl").write_text('{"title": "x"}\n{"text": "نص قصير هنا"}\n', "utf-8")
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "in"), "--engine", "dask", "--out", str(tmp_path / "d"),
              "--workers", "1", "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr + result.stdout
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failed) == 1 and "bad.jsonl" in failed[0]
    assert json.loads(result.stdout)["articles"] == 1


@pytest.mark.parametrize("occupied", ["a file", "a folder of other files"])
def test_out_is_never_a_file_or_a_foreign_folder(tmp_path: Path, occupied: str) -> None:
    target = tmp_path / "target"
    if occupied == "a file":
        target.write_text("not a dataset", "utf-8")
    else:
        target.mkdir()
        (target / "notes.txt").write_text("mine", "utf-8")
    result = runner.invoke(
        app, ["ingest", str(SEEDS), "--engine", "dask", "--out", str(target), "--workers", "1"]
    )
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and str(target) in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    if occupied != "a file":  # nothing written into it
        assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]


def test_inputs_and_dataset_as_urls(tmp_path: Path) -> None:
    out = f"file://{tmp_path / 'dataset'}"
    summary = ingest_dataset([f"file://{SEEDS}"], out, dask=DaskOptions(workers=1))
    assert (summary.files_read, summary.articles) == (5, 7)
    rows = _listing(["documents"], tmp_path / "dataset")
    assert all(row["path"].startswith("file://") for row in rows) and len(rows) == 7
    local = tmp_path / "local.db"
    ingest([str(SEEDS)], db=local, workers=1)
    assert _without_ids(_listing(["actors", "--top", "0"], out)) == _without_ids(
        _listing(["actors", "--top", "0"], local)
    )


def test_a_changed_file_that_cannot_be_read_keeps_its_old_version(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = folder / "news.jsonl"
    good.write_text(json.dumps({"title": "خبر", "text": "قال بوتين إن الحرب ستنتهي قريبا."},
                               ensure_ascii=False) + "\n", "utf-8")  # fmt: skip
    out, db = tmp_path / "dataset", tmp_path / "same.db"
    for _ in range(2):
        summary = ingest_dataset([str(folder)], str(out), dask=DaskOptions(workers=1))
        ingest([str(folder)], db=db, workers=1)
        good.write_text('{"title": "no text"}\n', "utf-8")
    assert summary.files_failed == 1 and summary.files_read == 0
    again = ingest_dataset([str(folder)], str(out), dask=DaskOptions(workers=1))
    assert again.files_failed == 1  # still reported: nothing was recorded for it
    assert sorted(p.name for p in (out / "analysis").iterdir()) == ["run-00001"]  # no pass
    assert _answers(out) == _answers(db)


def test_a_stopped_pass_is_run_again_by_the_next_ingest(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newscorpus.store import dataset_pass

    out, db = tmp_path / "dataset", tmp_path / "same.db"
    options = DaskOptions(workers=1, files_per_part=50)
    ingest_dataset([str(corpus / "seeds")], str(out), dask=options)

    def stopped(location: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(dataset_pass, "rebuild", stopped)
    with pytest.raises(KeyboardInterrupt):
        ingest_dataset(_inputs(corpus), str(out), dask=options)
    monkeypatch.undo()
    summary = ingest_dataset(_inputs(corpus), str(out), dask=options)
    assert summary.files_read == 0  # every file is in the dataset: only the pass ran
    for inputs in ([str(corpus / "seeds")], _inputs(corpus)):
        ingest(inputs, db=db, workers=1)
    assert _answers(out) == _answers(db)


def test_a_path_named_twice_is_read_once_whatever_the_parts(corpus: Path, tmp_path: Path):
    seeds = corpus / "seeds"
    twice = [str(seeds), str(sorted(seeds.iterdir())[2])]
    answers = []
    for per_part in (1, 100):
        out = tmp_path / f"dataset-{per_part}"
        ingest_dataset([str(seeds)], str(out), dask=DaskOptions(workers=1, files_per_part=per_part))
        summary = ingest_dataset(
            twice, str(out), dask=DaskOptions(workers=1, files_per_part=per_part)
        )
        assert summary.files_unchanged == 5 and summary.files_read == 0
        answers.append(_answers(out))
    assert answers[0] == answers[1]


def test_parts_finishing_in_any_order_give_the_same_dataset(
    corpus: Path, sqlite_answers: list, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newscorpus.scale as scale

    def backwards(tasks, dask, summary, progress, started):  # the last part first
        for task in reversed(tasks):
            report = scale.run_part(task)
            summary.files_read += report.done.files_read
            yield report

    monkeypatch.setattr(scale, "_map", backwards)
    out = tmp_path / "dataset"
    ingest_dataset(_inputs(corpus), str(out), dask=DaskOptions(files_per_part=13))
    assert _answers(out) == sqlite_answers


def test_nothing_to_read_into_a_new_dataset_is_a_failure_not_a_dataset(tmp_path: Path) -> None:
    missing, out = tmp_path / "nowhere", tmp_path / "dataset"
    result = runner.invoke(app, ["ingest", str(missing), "--engine", "dask", "--out", str(out)])
    assert result.exit_code == 1
    assert f"failed: {missing}" in result.stderr and "Traceback" not in result.stderr
    assert not (out / "newscorpus-dataset.json").exists()


def test_a_part_that_cannot_be_read_stops_the_pass_in_one_line(tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    ingest_dataset([str(SEEDS)], str(out), dask=DaskOptions(workers=1, files_per_part=2))
    part = out / "analysis" / "run-00001" / "part-000001" / "mentions.parquet"
    part.write_bytes(part.read_bytes()[:100])
    before = _answers(out)
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "a.txt").write_text("قال بوتين إن الحرب ستنتهي قريبا.\n", "utf-8")
    result = runner.invoke(
        app, ["ingest", str(extra), "--engine", "dask", "--out", str(out), "--workers", "1"]
    )
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "part-000001" in result.stderr and "Traceback" not in result.stderr
    assert _answers(out) == before  # the tables of the last pass are untouched

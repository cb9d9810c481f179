"""Shared fixtures: every test gets its own database path; nothing touches real data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def _isolated_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "test.db"
    monkeypatch.setenv("NEWSCORPUS_DB", str(db))
    return db


@pytest.fixture
def db_path(_isolated_db: Path) -> Path:
    return _isolated_db


@pytest.fixture
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store ingested from the five seeds, once per test run: read it, never write to it."""
    from newscorpus.ingest import ingest

    db = tmp_path_factory.mktemp("seeded") / "seeds.db"
    summary = ingest([str(SEEDS)], db=db, workers=1)
    assert not summary.failures
    return db

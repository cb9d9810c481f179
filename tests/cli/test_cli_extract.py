"""``newscorpus extract``: the piping contract, offsets into the input."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newscorpus.cli import app

runner = CliRunner()

LINE = "وقال كيم جونغ أون الجمعة إن واشنطن «معادية»."


def test_lines_give_one_object_per_line_with_offsets_into_that_line() -> None:
    text = LINE + "\n\nذكر الرئيس الأوكراني، الخميس، أن الهجوم الروسي «تصعيد واضح».\n"
    result = runner.invoke(app, ["extract", "--lines", "--date", "2024-11-22"], input=text.encode())
    assert result.exit_code == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["line"] for o in objects] == [1, 3]
    first = objects[0]
    for entity in first["entities"]:
        assert LINE[entity["start"] : entity["end"]] == entity["text"]
    for token in first["tokens"]:
        assert LINE[token["start"] : token["end"]] == token["text"]
    assert any(e["actor"] == "كيم جونغ أون" for e in first["entities"])
    claim = first["claims"][0]
    assert claim["speaker_actor"] == "كيم جونغ أون"
    assert LINE[claim["content_start"] : claim["content_end"]] == claim["content"]
    assert first["dates"][0]["value"] == "2024-11-22"


def test_a_file_with_two_articles_keeps_offsets_into_the_file(tmp_path) -> None:
    from pathlib import Path

    seed = Path(__file__).resolve().parents[2] / "seeds" / "000_4e8ecdeaf3eb5859.txt"
    text = seed.read_text(encoding="utf-8")
    result = runner.invoke(app, ["extract", str(seed)])
    assert result.exit_code == 0, result.stderr
    articles = json.loads(result.stdout)
    assert len(articles) == 2
    for article in articles:
        for item in article["entities"] + article["dates"]:
            assert text[item["start"] : item["end"]] == item["text"]


@pytest.mark.parametrize(
    ("payload", "message"),
    [(b"", "empty"), (bytes(range(256)) * 4, "binary")],
)
def test_bad_input_is_one_line(payload: bytes, message: str) -> None:
    result = runner.invoke(app, ["extract"], input=payload)
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.stderr

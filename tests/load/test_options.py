"""How to read a corpus: --field options, --date-format and newscorpus.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscorpus.errors import InputError
from newscorpus.load.options import parse_field, resolve_options

CONFIG = """
[fields]
text = "content"
date = "date_extracted"

[dates]
format = "%d.%m.%Y"

[outlets]
OKAZ = "صحيفة عكاظ"
"""


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ("date=date_extracted", ("date", "date_extracted")),
        (" text = content ", ("text", "content")),
        ("url=meta.link=x", ("url", "meta.link=x")),
    ],
)
def test_parse_field(option: str, expected: tuple[str, str]) -> None:
    assert parse_field(option) == expected


@pytest.mark.parametrize("option", ["date", "date=", "published=date", "=date"])
def test_parse_field_refuses(option: str) -> None:
    with pytest.raises(ValueError, match="use ROLE=FIELD with ROLE one of text, title"):
        parse_field(option)


def test_config_beside_the_corpus_is_found_and_options_win(tmp_path: Path) -> None:
    (tmp_path / "newscorpus.toml").write_text(CONFIG, encoding="utf-8")
    options = resolve_options([str(tmp_path)])
    assert dict(options.fields) == {"text": "content", "date": "date_extracted"}
    assert options.date_format == "%d.%m.%Y"
    assert dict(options.outlets) == {"okaz": "صحيفة عكاظ"}
    assert options.config == str(tmp_path / "newscorpus.toml")
    options = resolve_options(
        [str(tmp_path / "day.json")], ["date=published"], date_format="%Y/%m/%d"
    )
    assert dict(options.fields) == {"text": "content", "date": "published"}
    assert options.date_format == "%Y/%m/%d"


def test_no_config_means_the_defaults(tmp_path: Path) -> None:
    options = resolve_options([str(tmp_path), "-"])
    assert (dict(options.fields), options.date_format, options.config) == ({}, None, None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[fields\n", "not a valid TOML file"),
        ('[fields]\npublished = "date"\n', "unknown field role 'published'"),
        ('fields = "text"\n', "[fields], [dates] and [outlets] must be tables"),
        ("[dates]\nformat = 3\n", "[dates] format must be a string"),
        ('[dates]\nformat = "DD/MM/YYYY"\n', "a date format uses strptime codes"),
    ],
)
def test_bad_config_names_the_file(tmp_path: Path, text: str, reason: str) -> None:
    config = tmp_path / "team.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        resolve_options([], config=str(config))
    assert caught.value.path == str(config)
    assert reason in caught.value.reason


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="config file not found"):
        resolve_options([], config=str(tmp_path / "none.toml"))

"""How to read a user's corpus: field names, date format, outlet names (``newscorpus.toml``).

Exports name their columns and fields in many ways (``content``, ``date_extracted``,
``source``). ``LoadOptions`` says which field holds what; it comes from ``--field
role=name`` options, ``--date-format``, and a ``newscorpus.toml`` file next to the corpus,
so a team ingests the same way every time:

    [fields]
    text = "content"
    date = "date_extracted"
    outlet = "source"

    [dates]
    format = "%d/%m/%Y"          # strptime, for dates no built-in layout reads

    [outlets]                    # source codes or domains -> names shown
    aawsat = "الشرق الأوسط"

Options given on the command line win over the file; fields not named keep the sniffed
defaults (``text``/``content``/``body`` ..., see ``load.records``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from newscorpus.errors import InputError

CONFIG_NAME = "newscorpus.toml"
FIELD_ROLES = ("text", "title", "date", "outlet", "url", "id")


@dataclass(frozen=True, slots=True)
class LoadOptions:
    fields: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    date_format: str | None = None
    outlets: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    config: str | None = None  # the file these came from, if any

    def with_fields(self, pairs: Sequence[tuple[str, str]]) -> LoadOptions:
        return replace(self, fields=MappingProxyType({**self.fields, **dict(pairs)}))


def parse_field(option: str) -> tuple[str, str]:
    """``"date=date_extracted"`` -> ``("date", "date_extracted")``; a clear error otherwise."""
    role, sep, name = option.partition("=")
    role, name = role.strip(), name.strip()
    if not sep or not name or role not in FIELD_ROLES:
        raise ValueError(
            f"use ROLE=FIELD with ROLE one of {', '.join(FIELD_ROLES)}, not {option!r}"
        )
    return role, name


def find_config(paths: Sequence[str]) -> Path | None:
    """``newscorpus.toml`` in the first input folder (or beside the first input file)."""
    for path in paths:
        if path == "-":
            continue
        candidate = Path(path)
        folder = candidate if candidate.is_dir() else candidate.parent
        config = folder / CONFIG_NAME
        if config.is_file():
            return config
    return None


def read_config(path: Path) -> LoadOptions:
    """The options of a ``newscorpus.toml`` file (module docstring)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(str(path), error.strerror or "cannot be read") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"not a valid TOML file ({error})") from None
    fields = data.get("fields", {})
    outlets = data.get("outlets", {})
    dates = data.get("dates", {})
    if not isinstance(fields, dict) or not isinstance(outlets, dict) or not isinstance(dates, dict):
        raise InputError(str(path), "[fields], [dates] and [outlets] must be tables")
    unknown = sorted(set(fields) - set(FIELD_ROLES))
    if unknown:
        raise InputError(
            str(path), f"unknown field role {unknown[0]!r} (use {', '.join(FIELD_ROLES)})"
        )
    date_format = dates.get("format")
    if date_format is not None and not isinstance(date_format, str):
        raise InputError(str(path), '[dates] format must be a string such as "%d/%m/%Y"')
    return LoadOptions(
        fields=MappingProxyType({k: str(v) for k, v in fields.items()}),
        date_format=date_format,
        outlets=MappingProxyType({str(k).lower(): str(v) for k, v in outlets.items()}),
        config=str(path),
    )


def resolve_options(
    paths: Sequence[str],
    fields: Sequence[str] = (),
    date_format: str | None = None,
    config: str | None = None,
) -> LoadOptions:
    """The options of an ingest: ``config`` (or the ``newscorpus.toml`` found beside the
    inputs), then ``--field ROLE=FIELD`` and ``--date-format``, which win over the file."""
    if config is not None:
        path = Path(config)
        if not path.is_file():
            raise InputError(config, "config file not found")
        options = read_config(path)
    else:
        found = find_config(paths)
        options = read_config(found) if found is not None else LoadOptions()
    pairs = []
    for option in fields:
        try:
            pairs.append(parse_field(option))
        except ValueError as error:
            raise InputError("--field", str(error)) from None
    options = options.with_fields(pairs)
    if date_format is not None:
        options = replace(options, date_format=date_format)
    if options.date_format is not None and "%" not in options.date_format:
        where = "--date-format" if date_format is not None else str(options.config)
        raise InputError(where, f'a date format uses strptime codes such as "%d/%m/%Y", '
                         f"not {options.date_format!r}")  # fmt: skip
    return options

"""One article given as a record of named fields (a JSON object, a spreadsheet row).

Owns which field holds what: the names ``LoadOptions.fields`` gives first, then the usual
ones (``text``/``content``/``body``..., ``title``, ``date``/``published``..., ``url``,
``source``, ``id``). Fields that hold none of these are kept as the document's metadata
(``show`` lists them). Outlet codes and domains become the names people know
(``resources/outlets.tsv``, overridden by ``[outlets]`` in ``newscorpus.toml``). A date that
cannot be read is counted and reported once per file with an example (``DateProblems``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from newscorpus.errors import InputError
from newscorpus.load.documents import Meta, build_documents, iso_date
from newscorpus.load.options import LoadOptions
from newscorpus.models import Document

DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "maintext"),
    "title": ("title", "headline"),
    "date": ("date", "published", "published_at", "publish_date", "date_publish", "datetime",
             "time"),
    "url": ("url", "link", "canonical_url"),
    "outlet": ("source", "outlet", "site", "site_name", "publisher", "source_domain"),
    "id": ("id", "docno", "doc_id", "article_id", "uuid"),
}  # fmt: skip
_SCHEME = re.compile(r"^[a-z]+://")
WarnCallback = Callable[[str, str], None]


@cache
def outlet_names() -> dict[str, str]:
    """Source codes and domains (lower case) -> the outlet's name (``outlets.tsv``)."""
    path = resources.files("newscorpus") / "resources" / "outlets.tsv"
    names: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, name = line.split("\t")[:2]
            names[code.strip().lower()] = name.strip()
    return names


def outlet_name(raw: str | None, url: str | None, overrides: Mapping[str, str]) -> str | None:
    """The name shown for an outlet given as a code, a domain or not at all (then the
    article's URL may say)."""
    for value in (raw, url if raw is None else None):
        if not value:
            continue
        key = _SCHEME.sub("", value.strip().lower()).removeprefix("www.").rstrip("/")
        parts = key.split("/")
        for candidate in dict.fromkeys((key, "/".join(parts[:2]), parts[0])):
            name = overrides.get(candidate) or outlet_names().get(candidate)
            if name:
                return name
    return raw


@dataclass(slots=True)
class DateProblems:
    """Dates a file's records hold that no layout reads: counted, one example kept."""

    path: str
    date_format: str | None = None  # the --date-format tried, if any
    count: int = 0
    example: str | None = None
    undated: int = 0  # records with no date field at all
    date_like: str | None = None  # a field of theirs, not mapped, that holds dates

    def add(self, value: object) -> None:
        self.count += 1
        if self.example is None:
            self.example = str(value)[:60]

    def missing(self, record: dict[str, Any], options: LoadOptions) -> None:
        """A record with no date field: remember a field that looks like one, as a hint."""
        self.undated += 1
        if self.date_like is None and "date" not in options.fields:
            for key, value in record.items():
                name = str(key).lower()
                if ("date" in name or "time" in name) and iso_date(value) is not None:
                    self.date_like = str(key)
                    break

    def report(self, warn: WarnCallback | None) -> None:
        if warn is None:
            return
        if self.undated and self.date_like is not None:
            warn(
                self.path,
                f"{self.undated} article{'s' if self.undated > 1 else ''} without a "
                f"publication date, but field {self.date_like!r} holds dates: "
                f"use --field date={self.date_like}",
            )
        if self.count:
            hint = (
                f"neither {self.date_format!r} nor a built-in layout reads it"
                if self.date_format
                else 'give the layout with --date-format (e.g. "%d.%m.%Y")'
            )
            warn(
                self.path,
                f"{self.count} publication date{'s' if self.count > 1 else ''} could not be "
                f"read, e.g. {self.example!r}; {hint}",
            )


def record_documents(
    record: Any,
    *,
    where: str,
    path: str,
    encoding: str,
    options: LoadOptions,
    cli_date: str | None,
    index: int,
    offset: int,
    dates: DateProblems,
) -> list[Document] | InputError:
    """The documents of one record, or an InputError naming ``where``."""
    if not isinstance(record, dict):
        return InputError(where, "expected an object of fields per article")
    found, used = _fields(record, options)
    text = found.get("text")
    if not isinstance(text, str) or not text.strip():
        names = [options.fields["text"]] if "text" in options.fields else DEFAULT_FIELDS["text"]
        present = [name for name in names if name in record]
        if present:
            return InputError(where, f"no article text (field {present[0]!r} is empty)")
        return InputError(
            where,
            f"no article text (expected a field {', '.join(names)}; "
            "name yours with --field text=NAME)",
        )
    raw_date = found.get("date")
    published = iso_date(raw_date, options.date_format)
    if raw_date in (None, ""):
        dates.missing(record, options)
    elif published is None:
        dates.add(raw_date)
    url = _as_text(found.get("url"))
    extra = tuple(
        (str(key), value)
        for key, raw in record.items()
        if key not in used and (value := _metadata_value(raw)) is not None
    )
    meta = Meta(
        title=_as_text(found.get("title")),
        published=published,
        outlet=outlet_name(_as_text(found.get("outlet")), url, options.outlets),
        url=url,
        external_id=_as_text(found.get("id")),
        metadata=extra,
    )
    documents = build_documents(
        text, path=path, encoding=encoding, split=False, meta=meta, cli_date=cli_date,
        article_index=index, offset=offset,
    )  # fmt: skip
    return documents or InputError(where, "article text is blank")


def _fields(record: dict[str, Any], options: LoadOptions) -> tuple[dict[str, Any], set[str]]:
    found: dict[str, Any] = {}
    used: set[str] = set()
    for role, defaults in DEFAULT_FIELDS.items():
        names = (options.fields[role],) if role in options.fields else defaults
        for name in names:
            value = record.get(name)
            if value not in (None, ""):
                found[role] = value
                used.add(name)
                break
    return found, used


def _metadata_value(value: Any) -> str | None:
    """A field kept as metadata, as text: nested values as compact JSON."""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)[:2000] if value else None
    return _as_text(value)


def _as_text(value: Any) -> str | None:
    if (
        value is None
        or isinstance(value, dict | list)
        or (isinstance(value, float) and value != value)
    ):
        return None
    text = " ".join(str(value).split())
    return text or None

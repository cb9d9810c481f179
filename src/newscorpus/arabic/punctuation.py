"""Punctuation classes shared by the extractors (match forms: ، is already ",")."""

from __future__ import annotations

COMMAS = frozenset({",", "،"})

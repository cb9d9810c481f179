"""What every evaluation shares: reading a JSON Lines gold file, and one Score (gold,
predicted, correct) with its precision, recall and F1 and the safe ratios they are made of."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newscorpus.errors import InputError


def gold_records(path: Path) -> Iterator[tuple[int, dict[str, object]]]:
    """``(line number, object)`` of each non-blank line of a JSON Lines gold file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(str(path), f"cannot read gold file ({error.strerror})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(str(path), f"line {number}: not JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise InputError(str(path), f"line {number}: not a JSON object")
        yield number, record


def ratio(part: float, whole: float) -> float:
    """``part / whole``, 0.0 when nothing was counted."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall, 0.0 when both are 0."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Score:
    """How many items the gold has, how many were predicted, how many of those are right."""

    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.correct, self.gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

"""The arithmetic every evaluation shares: one Score (gold, predicted, correct) with its
precision, recall and F1, and the safe ratios they are made of."""

from __future__ import annotations

from dataclasses import dataclass


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

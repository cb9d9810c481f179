"""The arithmetic every evaluation shares: safe ratios and the F1 of two of them."""

from __future__ import annotations


def ratio(part: float, whole: float) -> float:
    """``part / whole``, 0.0 when nothing was counted."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall, 0.0 when both are 0."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0

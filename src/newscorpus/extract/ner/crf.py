"""The statistical NER tagger: a CRF (python-crfsuite) over the features of ``features``.

Owns the lazily loaded model ``resources/ner_crf.crfsuite`` and two entry points:
``tag_tokens`` (BIO tags for a sentence of surface words) and ``crf_mentions`` (actor spans
with offsets, from the tokens ``newscorpus.arabic.tokenize`` produced). python-crfsuite
trains the model; tagging reads the model file into numpy (``crf_model``): the label
scores of a word type's features are summed once and cached, a sentence's scores are a few
array sums, and a document's sentences are decoded together. The labels are those
python-crfsuite's tagger gives (a test compares them).
"""

from __future__ import annotations

import bisect
import os
import struct
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from newscorpus.errors import ResourceMissing
from newscorpus.extract.ner.bio import token_spans
from newscorpus.extract.ner.crf_model import CrfModel, ModelFormatError
from newscorpus.extract.ner.features import (
    EDGE,
    analyze_word,
    drop_leading_nisba,
    gazetteer_features,
    type_features,
)
from newscorpus.models import ActorType, Sentence, Token

MODEL_NAME = "ner_crf.crfsuite"
# Another model file to tag with (a dev model while tuning, or one a user trained).
MODEL_ENV = "NEWSCORPUS_CRF_MODEL"


def _model_bytes() -> bytes:
    override = os.environ.get(MODEL_ENV)
    path = Path(override) if override else resources.files("newscorpus") / "resources" / MODEL_NAME
    if not path.is_file():
        if override:
            raise ResourceMissing(f"{MODEL_ENV}={override}: no such CRF model file")
        raise ResourceMissing(
            f"the CRF NER model {MODEL_NAME} is missing from newscorpus/resources; "
            "train it with scripts/train_ner.py or reinstall newscorpus"
        )
    return path.read_bytes()


@cache
def _scorer() -> _Scorer:
    """The model, read once per process, with the scores derived from it."""
    data = _model_bytes()
    try:
        return _Scorer(CrfModel.read(data))
    except (ModelFormatError, struct.error) as error:
        raise ResourceMissing(f"the CRF NER model cannot be read: {error}") from None


class _Scorer:
    """Label scores of sentences under one model: the same sums crfsuite makes from
    ``sequence_features``, built from per-type sums instead of feature strings."""

    TYPES_LIMIT = 200_000  # rows of the table (72 MB with 9 labels); emptied when full

    def __init__(self, model: CrfModel) -> None:
        self.model = model
        edge = np.stack([model.score(part) for part in EDGE])
        # A word type's scores as itself and as a neighbour at -1, +1, -2, +2, (5, labels),
        # are a row of one table (row 0: the sentence edge), found by the type's match form:
        # no array object per type. Pages of the table are used as rows are filled.
        self.table = np.empty((self.TYPES_LIMIT + 1, *edge.shape), dtype=edge.dtype)
        self.table[0] = edge
        self.rows: dict[str, int] = {}
        # stem pair "previous|current" -> rows of its "bg-=" and "bg+=" attributes
        self.bigrams: dict[str, tuple[int, int]] = {}
        for name, row in model.index.items():
            if name.startswith(("bg-=", "bg+=")):
                before, after = self.bigrams.get(name[4:], (model.unknown, model.unknown))
                self.bigrams[name[4:]] = (row, after) if name[2] == "-" else (before, row)

    def type_row(self, match: str, stem: str, prefix: str) -> int:
        row = self.rows.get(match)
        if row is None:
            row = self.rows[match] = len(self.rows) + 1
            parts = type_features(match, stem, prefix)
            for i, part in enumerate(parts):
                self.table[row, i] = self.model.score(part)
        return row

    def _scores(self, match: str, stem: str, prefix: str) -> np.ndarray:
        return np.stack([self.model.score(part) for part in type_features(match, stem, prefix)])

    def emissions(self, analyses: Sequence[tuple[str, str, str]]) -> np.ndarray:
        """(tokens, labels) state scores of one sentence of ``(match, stem, prefix)``."""
        count, model = len(analyses), self.model
        if len(self.rows) + count > self.TYPES_LIMIT:
            self.rows.clear()  # before the sentence: its rows stay valid while it is read
        if count <= self.TYPES_LIMIT:
            table = self.table[[0, 0, *(self.type_row(*a) for a in analyses), 0, 0]]
        else:  # a "sentence" of more word types than the table holds (a run of noise)
            table = np.stack([self.table[0]] * 2 + [self._scores(*a) for a in analyses]
                             + [self.table[0]] * 2)  # fmt: skip
        scores = (
            table[2 : count + 2, 0]
            + table[1 : count + 1, 1]
            + table[3 : count + 3, 2]
            + table[0:count, 3]
            + table[4 : count + 4, 4]
        )
        stems = [analysis[1] for analysis in analyses]
        missing = (model.unknown, model.unknown)
        # pair i is "previous|current" of token i: its "bg-=" feature, and "bg+=" of token i-1
        rows = [
            self.bigrams.get(f"{a}|{b}", missing)
            for a, b in zip(["BOS", *stems], [*stems, "EOS"], strict=True)
        ]
        scores += model.weights[[row[0] for row in rows[:-1]]]
        scores += model.weights[[row[1] for row in rows[1:]]]
        for position, mark in enumerate(gazetteer_features(stems)):
            if mark:
                scores[position] += model.weights[model.index.get(mark, model.unknown)]
        return scores

    def tag(self, sentences: Sequence[Sequence[tuple[str, str, str]]]) -> list[list[str]]:
        """BIO tags of each sentence given as ``(match, stem, prefix)`` per token."""
        paths = self.model.viterbi([self.emissions(analyses) for analyses in sentences])
        return [drop_leading_nisba(a, tags) for a, tags in zip(sentences, paths, strict=True)]


def tag_tokens(words: Sequence[str]) -> list[str]:
    """BIO tags ("B-PERS", "I-ORG", "O", ...) for one sentence of surface words."""
    if not words:
        return []
    return _scorer().tag([[analyze_word(word) for word in words]])[0]


def _sentence_bounds(sentences: Sequence[tuple[int, int]] | Sequence[Sentence]):  # type: ignore[no-untyped-def]
    for sentence in sentences:
        if isinstance(sentence, Sentence):
            yield sentence.start, sentence.end
        else:
            yield sentence[0], sentence[1]


def crf_mentions(
    text: str,
    tokens: Sequence[Token],
    sentences: Sequence[tuple[int, int]] | Sequence[Sentence],
) -> list[tuple[int, int, ActorType]]:
    """``(start, end, actor_type)`` spans the CRF finds, sentence by sentence.

    ``tokens`` are sorted ``newscorpus.arabic.tokenize`` tokens of ``text``; a span starts
    after the proclitics of its first token (وزيلينسكي -> زيلينسكي).
    """
    scorer = _scorer()  # a missing model is an error even for an empty document
    starts = [token.start for token in tokens]
    windows: list[Sequence[Token]] = []
    for sentence_start, sentence_end in _sentence_bounds(sentences):
        first = bisect.bisect_left(starts, sentence_start)
        last = bisect.bisect_left(starts, sentence_end, first)
        if last > first:
            windows.append(tokens[first:last])
    tagged = scorer.tag([[(t.match, t.stem, t.prefix) for t in window] for window in windows])
    spans: list[tuple[int, int, ActorType]] = []
    for window, tags in zip(windows, tagged, strict=True):
        spans += token_spans(text, window, tags)
    return spans

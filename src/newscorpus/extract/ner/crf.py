"""The statistical NER tagger: a CRF (python-crfsuite) over the features of ``features``.

Owns the lazily loaded model ``resources/ner_crf.crfsuite.gz`` and two entry points:
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
from typing import TYPE_CHECKING

import numpy as np

from newscorpus.errors import ResourceMissing
from newscorpus.extract.ner.bio import token_spans
from newscorpus.extract.ner.crf_model import CrfModel, ModelFormatError
from newscorpus.extract.ner.features import (
    EDGE,
    analyze_word,
    drop_leading_nisba,
    gazetteer_features,
    model_reads,
    type_features,
)
from newscorpus.models import ActorType, Sentence, Token

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

# The CRFsuite model, gzip-compressed (25 MB plain, 9 MB packed); read_model_file reads
# either form.
MODEL_NAME = "ner_crf.crfsuite.gz"
# Another model file to tag with (a dev model while tuning, or one a user trained).
MODEL_ENV = "NEWSCORPUS_CRF_MODEL"
_GZIP_MAGIC = b"\x1f\x8b"


def read_model_file(path: Path | Traversable) -> bytes:
    """A CRFsuite model file's bytes, unpacked when it is gzip-compressed."""
    data = path.read_bytes()
    if data[:2] == _GZIP_MAGIC:
        import gzip

        return gzip.decompress(data)
    return data


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
    return read_model_file(path)


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
        bigrams: dict[str, tuple[int, int]] = {}
        for name, row in model.index.items():
            if name.startswith(("bg-=", "bg+=")):
                before, after = bigrams.get(name[4:], (model.unknown, model.unknown))
                bigrams[name[4:]] = (row, after) if name[2] == "-" else (before, row)
        # the same, by previous stem then current stem: no "a|b" string made per token. A
        # pair is filed under every "|" of its key, so a stem holding one ("|" itself)
        # finds it as the key's string would.
        self.pairs: dict[str, dict[str, tuple[int, int]]] = {}
        for key, rows in bigrams.items():
            at = key.find("|")
            while at >= 0:
                self.pairs.setdefault(key[:at], {})[key[at + 1 :]] = rows
                at = key.find("|", at + 1)
        self.marks = {m: model.index.get(m, model.unknown) for m in ("gz=B", "gz=I")}

    def _add_types(self, analyses: Sequence[tuple[str, str, str]]) -> None:
        """Fill table rows for word types not in it: their feature rows looked up in one
        list and summed by one ``reduceat`` (the sums crfsuite makes, in its order)."""
        index, unknown, rows = self.model.index, self.model.unknown, self.rows
        flat: list[int] = []
        starts: list[int] = []
        numbers: list[int] = []
        for match, stem, prefix in analyses:
            numbers.append(rows.setdefault(match, len(rows) + 1))
            for part in type_features(match, stem, prefix):
                starts.append(len(flat))
                flat += [index.get(name, unknown) for name in part]
        sums = np.add.reduceat(self.model.weights[flat], starts, axis=0)
        self.table[numbers] = sums.reshape(len(numbers), len(EDGE), -1)

    def _scores(self, match: str, stem: str, prefix: str) -> np.ndarray:
        return np.stack([self.model.score(part) for part in type_features(match, stem, prefix)])

    def emissions(self, sentences: Sequence[Sequence[tuple[str, str, str]]]) -> list[np.ndarray]:
        """(tokens, labels) state scores of each sentence of ``(match, stem, prefix)``.

        A document's sentences are scored together: the types not yet in the table are
        added in one batch, and the sums over neighbours are a few array operations over
        the sentences laid end to end, two edge rows between them."""
        limit, rows = self.TYPES_LIMIT, self.rows
        scores: list[np.ndarray] = []
        batch: list[Sequence[tuple[str, str, str]]] = []
        new: dict[str, tuple[str, str, str]] = {}
        for analyses in sentences:
            if len(analyses) > limit:  # a "sentence" of more types than the table holds
                scores += self._batch_scores(batch, new)
                batch, new = [], {}
                scores.append(self._long_sentence(analyses))
                continue
            adds: dict[str, tuple[str, str, str]] = {}
            for analysis in analyses:  # a type's features are those of its first token
                if analysis[0] not in rows and analysis[0] not in new:
                    adds.setdefault(analysis[0], analysis)
            if len(rows) + len(new) + len(adds) > limit:
                scores += self._batch_scores(batch, new)
                batch = []
                rows.clear()  # the batch's rows stay valid until it is scored
                new = {}
                for analysis in analyses:
                    new.setdefault(analysis[0], analysis)
            else:
                new.update(adds)
            batch.append(analyses)
        scores += self._batch_scores(batch, new)
        return scores

    def _batch_scores(
        self,
        sentences: Sequence[Sequence[tuple[str, str, str]]],
        new: dict[str, tuple[str, str, str]],
    ) -> list[np.ndarray]:
        if not sentences:
            return []
        if new:
            self._add_types(list(new.values()))
        rows = self.rows
        numbers = [0, 0]
        for analyses in sentences:
            numbers += [rows[a[0]] for a in analyses]
            numbers += (0, 0)
        return self._combined(self.table[numbers], sentences)

    def _long_sentence(self, analyses: Sequence[tuple[str, str, str]]) -> np.ndarray:
        edge = self.table[0]
        table = np.stack([edge] * 2 + [self._scores(*a) for a in analyses] + [edge] * 2)
        return self._combined(table, [analyses])[0]

    def _combined(
        self, table: np.ndarray, sentences: Sequence[Sequence[tuple[str, str, str]]]
    ) -> list[np.ndarray]:
        """Each sentence's (tokens, labels) scores, from ``table``: the type scores of the
        sentences' tokens laid end to end, two edge rows before, between and after them."""
        model, missing = self.model, (self.model.unknown, self.model.unknown)
        unknown, rows_of_marks, by_previous = model.unknown, self.marks, self.pairs
        nothing: dict[str, tuple[int, int]] = {}
        real: list[int] = []
        before: list[int] = []  # the "bg-=" row of each token, then its "bg+=" row
        after: list[int] = []
        marks: list[int] = []
        position = 2
        for analyses in sentences:
            real += range(position - 2, position - 2 + len(analyses))
            position += len(analyses) + 2
            stems = [a[1] for a in analyses]
            # pair i is "previous|current" of token i: its "bg-=", and "bg+=" of token i-1
            pairs = [
                by_previous.get(a, nothing).get(b, missing)
                for a, b in zip(["BOS", *stems], [*stems, "EOS"], strict=True)
            ]
            before += [pair[0] for pair in pairs[:-1]]
            after += [pair[1] for pair in pairs[1:]]
            marks += [rows_of_marks[m] if m else unknown for m in gazetteer_features(stems)]
        end = len(table)
        summed = (
            table[2 : end - 2, 0]
            + table[1 : end - 3, 1]
            + table[3 : end - 1, 2]
            + table[0 : end - 4, 3]
            + table[4:end, 4]
        )
        scores = summed[real]
        scores += model.weights[before]
        scores += model.weights[after]
        scores += model.weights[marks]
        out: list[np.ndarray] = []
        first = 0
        for analyses in sentences:
            out.append(scores[first : first + len(analyses)])
            first += len(analyses)
        return out

    def tag(self, sentences: Sequence[Sequence[tuple[str, str, str]]]) -> list[list[str]]:
        """BIO tags of each sentence given as ``(match, stem, prefix)`` per token (read
        as the model reads them: ``features.model_reads``)."""
        sentences = [model_reads(sentence) for sentence in sentences]
        paths = self.model.viterbi(self.emissions(sentences))
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
    return crf_mentions_many([(text, tokens, sentences)])[0]


def crf_mentions_many(
    documents: Sequence[
        tuple[str, Sequence[Token], Sequence[tuple[int, int]] | Sequence[Sentence]]
    ],
) -> list[list[tuple[int, int, ActorType]]]:
    """``crf_mentions`` of several documents ``(text, tokens, sentences)``, tagged together:
    their sentences are decoded in one batch (the labels of a sentence do not depend on
    the others in it), so a worker's task of a few articles pays the per-step cost of
    Viterbi once, not once per article."""
    scorer = _scorer()  # a missing model is an error even for an empty document
    windows: list[Sequence[Token]] = []
    counts: list[int] = []
    for _text, tokens, sentences in documents:
        starts = [token.start for token in tokens]
        before = len(windows)
        for sentence_start, sentence_end in _sentence_bounds(sentences):
            first = bisect.bisect_left(starts, sentence_start)
            last = bisect.bisect_left(starts, sentence_end, first)
            if last > first:
                windows.append(tokens[first:last])
        counts.append(len(windows) - before)
    # (match, stem, prefix) of each token: a slice of the Token tuple
    tagged = scorer.tag([[t[2:5] for t in window] for window in windows])
    results: list[list[tuple[int, int, ActorType]]] = []
    at = 0
    for (text, _tokens, _sentences), count in zip(documents, counts, strict=True):
        spans: list[tuple[int, int, ActorType]] = []
        for window, tags in zip(windows[at : at + count], tagged[at : at + count], strict=True):
            spans += token_spans(text, window, tags)
        results.append(spans)
        at += count
    return results

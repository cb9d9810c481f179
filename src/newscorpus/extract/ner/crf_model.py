"""A crfsuite CRF model read into numpy, and Viterbi over many sentences at once.

python-crfsuite trains the NER model (``scripts/train_ner.py``) and could tag with it, but
its tagger turns every feature string of every token into a crfsuite item on each call,
which was most of the actor extractor's time on news. Here the model file is read once:
its CRF1d layout is a 48-byte header, a table of ``(type, source, target, weight)``
features (type 0: attribute -> label, type 1: label -> label) and two CQDB string tables,
for labels and attributes. The caller sums a word type's weights once and reuses them;
``viterbi`` then decodes a document's sentences together. Decoding follows crfsuite's
(no start or end transitions; on a tie the lower label id wins), so the labels are the
same as python-crfsuite's, which ``tests/extract/test_crf.py`` checks.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

_HEADER = struct.Struct("<4sI4s9I")
# tokens, padding included, decoded together in one Viterbi batch (a news window has a few
# thousand; one batch then, as before)
VITERBI_CELLS = 100_000
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])


class ModelFormatError(ValueError):
    """The bytes are not a crfsuite CRF1d model this reader understands."""


def _cqdb_strings(data: bytes, offset: int) -> list[str]:
    """The strings of a CQDB table, by id (its backward array: id -> record offset)."""
    if data[offset : offset + 4] != b"CQDB":
        raise ModelFormatError(f"no CQDB table at offset {offset}")
    count, backward = struct.unpack_from("<2I", data, offset + 16)
    strings = [""] * count
    records = np.frombuffer(data, dtype="<u4", count=count, offset=offset + backward)
    for record in records.tolist():
        ident, size = struct.unpack_from("<2I", data, offset + record)
        start = offset + record + 8
        strings[ident] = data[start : start + size - 1].decode("utf-8")
    return strings


@dataclass(frozen=True, slots=True, eq=False)
class CrfModel:
    labels: list[str]
    index: dict[str, int]  # attribute -> row of ``weights``
    weights: np.ndarray  # (attributes + 1, labels); the last row is zeros (unknown attribute)
    transitions: np.ndarray  # (labels, labels): [previous, next]

    @classmethod
    def read(cls, data: bytes) -> CrfModel:
        if len(data) < _HEADER.size:
            raise ModelFormatError("file too short for a crfsuite model")
        fields = _HEADER.unpack_from(data, 0)
        magic, _, kind, _, _, n_labels, n_attrs, off_features, off_labels, off_attrs = fields[:10]
        if magic != b"lCRF" or kind != b"FOMC" or data[off_features : off_features + 4] != b"FEAT":
            raise ModelFormatError("not a crfsuite CRF1d model")
        count = struct.unpack_from("<I", data, off_features + 8)[0]
        features = np.frombuffer(data, dtype=_FEATURE, count=count, offset=off_features + 12)
        labels = _cqdb_strings(data, off_labels)
        attributes = _cqdb_strings(data, off_attrs)
        if len(labels) != n_labels or len(attributes) != n_attrs:
            raise ModelFormatError("label or attribute table does not match the header")
        weights = np.zeros((n_attrs + 1, n_labels))
        state = features[features["type"] == 0]
        np.add.at(
            weights, (state["src"].astype(np.intp), state["dst"].astype(np.intp)), state["weight"]
        )
        transitions = np.zeros((n_labels, n_labels))
        moves = features[features["type"] == 1]
        transitions[moves["src"].astype(np.intp), moves["dst"].astype(np.intp)] = moves["weight"]
        index = {name: row for row, name in enumerate(attributes)}
        return cls(labels, index, weights, transitions)

    @property
    def unknown(self) -> int:
        return len(self.weights) - 1

    def score(self, attributes: Sequence[str]) -> np.ndarray:
        """Summed label scores of a list of attributes (each with value 1)."""
        index, unknown = self.index, self.unknown
        return self.weights[[index.get(a, unknown) for a in attributes]].sum(axis=0)

    def viterbi(self, emissions: Sequence[np.ndarray]) -> list[list[str]]:
        """The best label sequence of each sentence, given its (tokens, labels) scores.

        Sentences are decoded in batches, longest first, each padded to its longest
        sentence; a batch holds at most VITERBI_CELLS tokens with the padding, so one
        sentence of 20,000 tokens (a run of punctuation) among 500 short ones is decoded
        on its own instead of padding all of them to its length (gigabytes)."""
        order = sorted(range(len(emissions)), key=lambda i: -len(emissions[i]))
        paths: list[list[str]] = [[] for _ in emissions]
        batch: list[int] = []
        for number in order:
            if batch and (len(batch) + 1) * len(emissions[batch[0]]) > VITERBI_CELLS:
                self._decode(emissions, batch, paths)
                batch = []
            batch.append(number)
        if batch:
            self._decode(emissions, batch, paths)
        return paths

    def _decode(
        self, emissions: Sequence[np.ndarray], order: list[int], paths: list[list[str]]
    ) -> None:
        """Decode the sentences ``order`` names (longest first) together, so that at step t
        the ones still running are a leading slice of the batch; into ``paths``."""
        lengths = [len(emissions[i]) for i in order]
        states = np.zeros((len(order), lengths[0], len(self.labels)))
        for row, number in enumerate(order):
            states[row, : lengths[row]] = emissions[number]
        running = np.searchsorted(-np.array(lengths), -np.arange(lengths[0]), side="left")
        score = states[:, 0].copy()
        back = np.zeros(states.shape, dtype=np.intp)
        transitions = self.transitions[None]
        maximum = np.maximum.reduce  # ndarray.max without its Python wrapper, once per step
        for t in range(1, lengths[0]):
            active = int(running[t])  # sentences longer than t
            candidates = score[:active, :, None] + transitions  # sentence, previous, next
            back[:active, t] = candidates.argmax(axis=1)
            score[:active] = maximum(candidates, axis=1) + states[:active, t]
        # back to front, the sentences still running at t being a leading slice again
        label = score.argmax(axis=1)
        best = np.empty((len(order), lengths[0]), dtype=np.intp)
        for t in range(lengths[0] - 1, 0, -1):
            active = int(running[t])
            best[:active, t] = label[:active]
            label[:active] = back[np.arange(active), t, label[:active]]
        best[:, 0] = label
        labels = self.labels
        for row, (number, length) in enumerate(zip(order, lengths, strict=True)):
            paths[number] = [labels[i] for i in best[row, :length].tolist()]

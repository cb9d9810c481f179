"""The statistical NER tagger: a CRF (python-crfsuite) over match forms and clitic stems.

Owns the feature set (shared by ``scripts/train_ner.py`` and tagging, so both see the same
features), the lazily loaded model ``resources/ner_crf.crfsuite`` and two entry points:
``tag_tokens`` (BIO tags for a sentence of surface words) and ``crf_mentions`` (actor spans
with offsets, from the tokens ``newscorpus.arabic.tokenize`` produced).

The model was trained on FANE text (clitics partly split off by its authors), so every
feature is computed from the match form, the stem without proclitics and the core without
the article: "وزيلينسكي" in raw news and "و زيلينسكي" in FANE then look alike to it.
python-crfsuite trains the model; tagging reads the model file into numpy
(``extract.crf_model``): the label scores of a word type's features are summed once and
cached, a sentence's scores are a few array sums, and a document's sentences are decoded
together. The labels are those python-crfsuite's tagger gives (a test compares them).
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

from newscorpus.arabic import match_form, proclitic_width, strip_clitics
from newscorpus.errors import ResourceMissing
from newscorpus.extract.crf_model import CrfModel, ModelFormatError
from newscorpus.models import Sentence, Token

MODEL_NAME = "ner_crf.crfsuite"
# Another model file to tag with (a dev model while tuning, or one a user trained).
MODEL_ENV = "NEWSCORPUS_CRF_MODEL"
TRIGGERS_NAME = "ner_triggers.txt"
GAZETTEER_NAME = "ner_gazetteer.txt"
NAMES_NAME = "ner_names.txt"
CLUSTERS_NAME = "ner_clusters.txt"
ACTOR_OF_TAG = {"PERS": "person", "ORG": "organization", "LOC": "place"}

_ARTICLE = "ال"
_NISBA_ENDINGS = ("يون", "يين", "يه", "ي")


# --- resources ----------------------------------------------------------------------------
def _resource_lines(name: str) -> list[list[str]]:
    path = resources.files("newscorpus") / "resources" / name
    if not path.is_file():
        raise ResourceMissing(f"NER resource {name} is missing from newscorpus/resources")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@cache
def triggers() -> dict[str, str]:
    """Title and trigger words (core form, no article) -> PERS | ORG | LOC."""
    return {fields[1]: fields[0] for fields in _resource_lines(TRIGGERS_NAME)}


@cache
def names() -> dict[str, str]:
    """Words mostly seen inside names of one type (core form) -> PERS | ORG | LOC."""
    return {fields[1]: fields[0] for fields in _resource_lines(NAMES_NAME)}


@cache
def gazetteer() -> tuple[dict[str, list[tuple[str, ...]]], frozenset[str]]:
    """Place names as stem sequences, indexed by first stem; and single-word cores."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    cores: set[str] = set()
    for fields in _resource_lines(GAZETTEER_NAME):
        stems = tuple(fields[1].split())
        by_first.setdefault(stems[0], []).append(stems)
        if len(stems) == 1:
            cores.add(_core(stems[0]))
    for entries in by_first.values():
        entries.sort(key=len, reverse=True)  # longest match first
    return by_first, frozenset(cores)


@cache
def clusters() -> dict[str, tuple[str, str]]:
    """Core -> (coarse, fine) distributional word class (scripts/build_clusters.py)."""
    return {fields[0]: (fields[1], fields[2]) for fields in _resource_lines(CLUSTERS_NAME)}


# --- features -----------------------------------------------------------------------------
def _core(stem: str) -> str:
    return stem[2:] if stem.startswith(_ARTICLE) and len(stem) > 3 else stem


def _shape(word: str) -> str:
    if word.isdigit():
        return "D"
    if all("\u0600" <= c <= "\u06ff" for c in word):
        return "A"
    if word.isascii() and word.isalpha():
        return "Lc" if word[0].isupper() else "L"
    if word.isalnum():
        return "M"
    return "P"


def _is_nisba(core: str, places: frozenset[str]) -> bool:
    """An adjective of origin of a known place: اوكراني(ا), الامريكي(ه) ... (الامريكيه)."""
    for ending in _NISBA_ENDINGS:
        if core.endswith(ending) and len(core) > len(ending) + 2:
            base = core[: -len(ending)]
            if base in places or base + "ا" in places or base + "ه" in places:
                return True
    return False


def _type_features(match: str, stem: str, prefix: str) -> tuple[list[str], ...]:
    """Features of one word type: its own, and as left/right neighbour at distance 1 and 2."""
    core = _core(stem)
    shape = _shape(core)
    trigger = triggers().get(core, "")
    places = gazetteer()[1]
    own = [
        "b",
        "w=" + match,
        "s=" + stem,
        "c=" + core,
        "sh=" + shape,
        "len=" + str(min(len(core), 9)),
    ]
    if prefix:
        own.append("p=" + prefix)
    if core != stem:
        own.append("al")
    if shape == "A" and len(core) > 2:
        own += ["c2=" + core[:2], "c3=" + core[:3], "e1=" + core[-1:], "e2=" + core[-2:]]
        own.append("e3=" + core[-3:])
    if trigger:
        own.append("tr=" + trigger)
    if core in places:
        own.append("gzw")
    name = names().get(core, "") if _USE_NAMES else ""
    if name:
        own.append("nm=" + name)
    if _is_nisba(core, places):
        own.append("nisba")
    neighbour = ["s=" + stem, "sh=" + shape]
    word_class = clusters().get(core)
    if word_class:  # distributional classes: unseen names fall in their peers' classes
        classes = ["k=" + word_class[0], "kf=" + word_class[1]]
        own += classes
        neighbour += classes
    if trigger:
        neighbour.append("tr=" + trigger)
    if "nisba" in own:
        neighbour.append("nisba")
    if name:
        neighbour.append("nm=" + name)
    far = ["s=" + stem] + (["tr=" + trigger] if trigger else [])
    return (
        own,
        ["-1" + f for f in neighbour],
        ["+1" + f for f in neighbour],
        ["-2" + f for f in far],
        ["+2" + f for f in far],
    )


# Training on the wiki file switches name-word features off for its sentences: the name
# list comes from that file, so they would be always right there (see scripts/train_ner.py).
_USE_NAMES = True
_FEATURES: dict[str, tuple[list[str], ...]] = {}
_FEATURES_LIMIT = 300_000
_EDGE: tuple[list[str], ...] = ([], ["-1BOS"], ["+1EOS"], ["-2BOS"], ["+2EOS"])


def _features_of(match: str, stem: str, prefix: str) -> tuple[list[str], ...]:
    found = _FEATURES.get(match)
    if found is None:
        if len(_FEATURES) > _FEATURES_LIMIT:
            _FEATURES.clear()
        found = _FEATURES[match] = _type_features(match, stem, prefix)
    return found


def _gazetteer_features(stems: Sequence[str]) -> list[str | None]:
    """ "gz=B"/"gz=I" where a known place name (one or more words) starts/continues."""
    by_first = gazetteer()[0]
    marks: list[str | None] = [None] * len(stems)
    index = 0
    while index < len(stems):
        length = 0
        for entry in by_first.get(stems[index], ()):
            if tuple(stems[index : index + len(entry)]) == entry:
                length = len(entry)
                break
        if length:
            marks[index] = "gz=B"
            for inner in range(index + 1, index + length):
                marks[inner] = "gz=I"
            index += length
        else:
            index += 1
    return marks


def sequence_features(analyses: Sequence[tuple[str, str, str]]) -> list[list[str]]:
    """CRF features for one sentence given ``(match, stem, prefix)`` per token."""
    per_type = [_features_of(*analysis) for analysis in analyses]
    stems = [analysis[1] for analysis in analyses]
    marks = _gazetteer_features(stems)
    padded = [_EDGE, _EDGE, *per_type, _EDGE, _EDGE]
    # pairs[i] is "previous|current" for token i (BOS before the first, EOS after the last)
    pairs = [f"{a}|{b}" for a, b in zip(["BOS", *stems], [*stems, "EOS"], strict=True)]
    sequence: list[list[str]] = []
    for index, own in enumerate(per_type):
        features = [
            *own[0],
            *padded[index + 1][1],
            *padded[index + 3][2],
            *padded[index][3],
            *padded[index + 4][4],
            "bg-=" + pairs[index],
            "bg+=" + pairs[index + 1],
        ]
        if marks[index]:
            features.append(marks[index])  # type: ignore[arg-type]
        sequence.append(features)
    return sequence


def _is_origin_adjective(core: str) -> bool:
    # Wider than the "nisba" feature the shipped model was trained with: also روسي <- روسيا.
    places = gazetteer()[1]
    return _is_nisba(core, places) or (core.endswith("ي") and core + "ا" in places)


def _drop_leading_nisba(analyses: Sequence[tuple[str, str, str]], tags: list[str]) -> list[str]:
    """A person's name never starts with an adjective of origin: "الاوكراني فولوديمير
    زيلينسكي" is a role and a name. The CRF, unsure of unseen nisbas, sometimes joins them."""
    for index in range(len(tags) - 1):
        if (
            tags[index] == "B-PERS"
            and tags[index + 1] == "I-PERS"
            and _is_origin_adjective(_core(analyses[index][1]))
        ):
            tags[index], tags[index + 1] = "O", "B-PERS"
    return tags


def analyze_word(word: str) -> tuple[str, str, str]:
    """``(match, stem, prefix)`` of a surface word, as the tokenizer would give them."""
    match = match_form(word)
    prefix, stem = strip_clitics(match) if match else ("", match)
    return match, stem, prefix


def word_features(words: Sequence[str]) -> list[list[str]]:
    """CRF features for one sentence of surface words (training and ``tag_tokens``)."""
    return sequence_features([analyze_word(word) for word in words])


# --- tagging ------------------------------------------------------------------------------
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

    TYPES_LIMIT = 200_000  # about 80 MB; the cache is cleared when full

    def __init__(self, model: CrfModel) -> None:
        self.model = model
        self.edge = np.stack([model.score(part) for part in _EDGE])
        # a word type's scores as itself and as a neighbour at -1, +1, -2, +2: (5, labels)
        self.types: dict[str, np.ndarray] = {}
        # stem pair "previous|current" -> rows of its "bg-=" and "bg+=" attributes
        self.bigrams: dict[str, tuple[int, int]] = {}
        for name, row in model.index.items():
            if name.startswith(("bg-=", "bg+=")):
                before, after = self.bigrams.get(name[4:], (model.unknown, model.unknown))
                self.bigrams[name[4:]] = (row, after) if name[2] == "-" else (before, row)

    def type_scores(self, match: str, stem: str, prefix: str) -> np.ndarray:
        found = self.types.get(match)
        if found is None:
            if len(self.types) >= self.TYPES_LIMIT:
                self.types.clear()
            parts = _type_features(match, stem, prefix)
            found = self.types[match] = np.stack([self.model.score(part) for part in parts])
        return found

    def emissions(self, analyses: Sequence[tuple[str, str, str]]) -> np.ndarray:
        """(tokens, labels) state scores of one sentence of ``(match, stem, prefix)``."""
        count, edge, model = len(analyses), self.edge, self.model
        table = np.stack([edge, edge, *(self.type_scores(*a) for a in analyses), edge, edge])
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
        for position, mark in enumerate(_gazetteer_features(stems)):
            if mark:
                scores[position] += model.weights[model.index.get(mark, model.unknown)]
        return scores

    def tag(self, sentences: Sequence[Sequence[tuple[str, str, str]]]) -> list[list[str]]:
        """BIO tags of each sentence given as ``(match, stem, prefix)`` per token."""
        paths = self.model.viterbi([self.emissions(analyses) for analyses in sentences])
        return [_drop_leading_nisba(a, tags) for a, tags in zip(sentences, paths, strict=True)]


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
) -> list[tuple[int, int, str]]:
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
    spans: list[tuple[int, int, str]] = []
    for window, tags in zip(windows, tagged, strict=True):
        spans += _tag_spans(text, window, tags)
    return spans


def _tag_spans(
    text: str, window: Sequence[Token], tags: Sequence[str]
) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    open_at, kind, close_at = -1, "", -1
    for token, tag in zip(window, tags, strict=True):
        mark, _, tag_type = tag.partition("-")
        if open_at >= 0 and mark == "I" and tag_type == kind:
            close_at = token.end
            continue
        if open_at >= 0:
            spans.append((open_at, close_at, ACTOR_OF_TAG[kind]))
            open_at = -1
        if mark in ("B", "I"):
            kind, close_at = tag_type, token.end
            open_at = token.start
            if token.prefix:
                open_at += proclitic_width(
                    text, token.start, token.end, len(token.prefix.replace("+", ""))
                )
    if open_at >= 0:
        spans.append((open_at, close_at, ACTOR_OF_TAG[kind]))
    return spans

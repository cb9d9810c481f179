"""CRF features of words: what the NER tagger sees, shared by training and tagging.

Owns the word resources the features read (``ner_triggers.txt``, ``ner_names.txt``,
``ner_gazetteer.txt``, ``ner_clusters.txt``), loaded lazily once per process, and the
feature set itself, so ``scripts/train_ner.py`` and ``newscorpus.extract.ner.crf`` see
the same features. Every feature is computed from the match form, the stem without
proclitics and the core without the article: the model was trained on FANE text (clitics
partly split off by its authors), and "وزيلينسكي" in raw news and "و زيلينسكي" in FANE
then look alike to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources

from newscorpus.arabic import match_form, strip_clitics
from newscorpus.errors import ResourceMissing

TRIGGERS_NAME = "ner_triggers.txt"
GAZETTEER_NAME = "ner_gazetteer.txt"
NAMES_NAME = "ner_names.txt"
CLUSTERS_NAME = "ner_clusters.txt"
MODEL_SPLITS_NAME = "ner_model_splits.txt"

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
            cores.add(word_core(stems[0]))
    for entries in by_first.values():
        entries.sort(key=len, reverse=True)  # longest match first
    return by_first, frozenset(cores)


@cache
def clusters() -> dict[str, tuple[str, str]]:
    """Core -> (coarse, fine) distributional word class (scripts/build_clusters.py)."""
    return {fields[0]: (fields[1], fields[2]) for fields in _resource_lines(CLUSTERS_NAME)}


# Off while training (scripts/train_ner.py): a new model learns today's clitic analysis.
USE_MODEL_READING = True
_MODEL_READS: dict[str, tuple[str, str] | None] = {}
_MODEL_READS_LIMIT = 300_000
_CLITIC_LETTERS = frozenset("وفبلكس")  # the first letters strip_clitics may split off


@cache
def model_lexicon() -> frozenset[str] | None:
    """The clitic lexicon the shipped model was trained with, when it differs from today's:
    ``ner_model_splits.txt`` lists the words added to (or removed from) the lexicon since
    (وليامز is whole now, و + ليامز when the model learned its features). None when the
    model was trained with today's lexicon."""
    from newscorpus.arabic.clitics import lexicon

    rows = _resource_lines(MODEL_SPLITS_NAME)
    if not rows:
        return None
    added = {fields[0] for fields in rows if fields[1] == "added"}
    removed = {fields[0] for fields in rows if fields[1] == "removed"}
    return (lexicon() - added) | removed


def model_reads(
    analyses: Sequence[tuple[str, str, str]],
) -> Sequence[tuple[str, str, str]]:
    """Tokens' ``(match, stem, prefix)`` as the model's features read them: with the
    clitic lexicon it was trained with (لوليامز: ل + وليامز today, whole then). Spans
    still follow today's analysis; only the features change."""
    known = model_lexicon() if USE_MODEL_READING else None
    if known is None:
        return analyses
    from newscorpus.arabic.clitics import split_with

    read: list[tuple[str, str, str]] = []
    for analysis in analyses:
        match, stem, prefix = analysis
        if match[:1] not in _CLITIC_LETTERS:
            read.append(analysis)  # no clitic analysis splits it, with either lexicon
            continue
        if match in _MODEL_READS:
            split = _MODEL_READS[match]
        else:
            if len(_MODEL_READS) >= _MODEL_READS_LIMIT:
                _MODEL_READS.clear()
            then = split_with(match, known) if match else (prefix, stem)
            split = _MODEL_READS[match] = None if then == (prefix, stem) else then
        read.append((match, split[1], split[0]) if split is not None else analysis)
    return read


# --- features -----------------------------------------------------------------------------
def word_core(stem: str) -> str:
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


def type_features(match: str, stem: str, prefix: str) -> tuple[list[str], ...]:
    """Features of one word type: its own, and as left/right neighbour at distance 1 and 2."""
    core = word_core(stem)
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
    name = names().get(core, "") if USE_NAMES else ""
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
USE_NAMES = True
_FEATURES: dict[str, tuple[list[str], ...]] = {}
_FEATURES_LIMIT = 300_000
EDGE: tuple[list[str], ...] = ([], ["-1BOS"], ["+1EOS"], ["-2BOS"], ["+2EOS"])


def _features_of(match: str, stem: str, prefix: str) -> tuple[list[str], ...]:
    found = _FEATURES.get(match)
    if found is None:
        if len(_FEATURES) > _FEATURES_LIMIT:
            _FEATURES.clear()
        found = _FEATURES[match] = type_features(match, stem, prefix)
    return found


def gazetteer_features(stems: Sequence[str]) -> list[str | None]:
    """ "gz=B"/"gz=I" where a known place name (one or more words) starts/continues."""
    by_first = gazetteer()[0]
    marks: list[str | None] = [None] * len(stems)
    index = 0
    count = len(stems)
    while index < count:
        entries = by_first.get(stems[index])
        if entries is None:  # most words open no place name
            index += 1
            continue
        length = 0
        for entry in entries:
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
    """CRF features for one sentence given ``(match, stem, prefix)`` per token (read as
    the model reads them: ``model_reads``)."""
    analyses = model_reads(analyses)
    per_type = [_features_of(*analysis) for analysis in analyses]
    stems = [analysis[1] for analysis in analyses]
    marks = gazetteer_features(stems)
    padded = [EDGE, EDGE, *per_type, EDGE, EDGE]
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


def drop_leading_nisba(analyses: Sequence[tuple[str, str, str]], tags: list[str]) -> list[str]:
    """A person's name never starts with an adjective of origin: "الاوكراني فولوديمير
    زيلينسكي" is a role and a name. The CRF, unsure of unseen nisbas, sometimes joins them."""
    for index in range(len(tags) - 1):
        if (
            tags[index] == "B-PERS"
            and tags[index + 1] == "I-PERS"
            and _is_origin_adjective(word_core(analyses[index][1]))
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


def clear_caches() -> None:
    """Forget cached features and resources (training rebuilds the name lists)."""
    _FEATURES.clear()
    gazetteer.cache_clear()
    names.cache_clear()
    model_lexicon.cache_clear()
    _MODEL_READS.clear()

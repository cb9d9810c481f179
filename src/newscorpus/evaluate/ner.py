"""NER evaluation: read BIO gold files, map their types to the actor types, score exact spans.

Gold files have one ``token<TAB>tag`` (or ``token tag``) a line and a blank line between
sentences. Tags are BIO with either the fine-grained FANE types (``B-Politician``), which
are mapped to the three actor types, or coarse types (PERS/PER, ORG, LOC/GPE). Scores are
CoNLL-style: an entity counts as found only when its span and its type are both exact.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newscorpus.errors import NewsCorpusError
from newscorpus.evaluate.scores import Score
from newscorpus.extract.ner.bio import TAG_TYPES, bio_spans

# Fine-grained FANE types (Alotaibi & Lee 2014) -> coarse tag suffix; None = not an actor.
FANE_TYPES: dict[str, str | None] = {
    **dict.fromkeys(
        (
            "Politician Athlete Artist Other_PER Religious_PER Scientist Businessperson "
            "Lawyer Engineer Police"
        ).split(),
        "PERS",
    ),
    **dict.fromkeys(
        (
            "Government Non-Governmental Commercial Educational Media Religious_ORG Sports "
            "Entertainment Medical-Science"
        ).split(),
        "ORG",
    ),
    **dict.fromkeys(
        (
            "Nation State-or-Province Population-Center GPE-Cluster County-or-District "
            "Continent Water-Body Land-Region-Natural Building-Grounds Airport Path "
            "Subarea-Facility"
        ).split(),
        "LOC",
    ),
    **dict.fromkeys(
        (
            "Group Air Land Water Blunt Chemical Exploding Nuclear Projectile Sharp Shooting "
            "Book Movie Software Hardware Food Drug Plant Sound Celestial"
        ).split(),
        None,
    ),
}
# Coarse spellings accepted as they are (ANERcorp, CoNLL-like files); MISC is not an actor.
_COARSE_ALIASES: dict[str, str | None] = {
    "PERS": "PERS", "PER": "PERS", "PERSON": "PERS",
    "ORG": "ORG", "ORGANIZATION": "ORG",
    "LOC": "LOC", "GPE": "LOC", "LOCATION": "LOC",
    "MISC": None,
}  # fmt: skip
_TYPE_MAP: dict[str, str | None] = {**FANE_TYPES, **_COARSE_ALIASES}

Tagger = Callable[[Sequence[str]], Sequence[str]]


def coarse_tag(tag: str) -> str | None:
    """Map one BIO tag to ``B-PERS``/``I-ORG``/``O``...; None when the tag is not BIO or
    its type is unknown."""
    if tag == "O":
        return "O"
    if len(tag) < 3 or tag[1] != "-" or tag[0] not in "BI":
        return None
    coarse = _TYPE_MAP.get(tag[2:], "?")
    if coarse == "?":
        return None
    return "O" if coarse is None else f"{tag[0]}-{coarse}"


_WORD = re.compile(r"\S+")


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def word_offsets(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The gold files' words of ``text[start:end]`` as ``(start, end)`` offsets: the
    space-separated words, with leading and trailing punctuation cut off one character at a
    time as words of their own (clitics stay on their word, as in real text)."""
    end = len(text) if end is None else end
    words: list[tuple[int, int]] = []
    for match in _WORD.finditer(text, start, end):
        first, last = match.span()
        tail: list[tuple[int, int]] = []
        while first < last and _is_punctuation(text[first]):
            words.append((first, first + 1))
            first += 1
        while last > first and _is_punctuation(text[last - 1]):
            tail.append((last - 1, last))
            last -= 1
        if first < last:
            words.append((first, last))
        words.extend(reversed(tail))
    return words


def read_bio(path: str | Path) -> Iterator[list[tuple[str, str]]]:
    """Yield the sentences of a BIO file as lists of ``(token, coarse_tag)``."""
    sentence: list[tuple[str, str]] = []
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as error:
        raise NewsCorpusError(f"{path}: cannot read NER gold file ({error.strerror})") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if sentence:
                    yield sentence
                    sentence = []
                continue
            if line.startswith("-DOCSTART-"):
                continue
            fields = line.rsplit("\t", 1) if "\t" in line else line.rsplit(None, 1)
            if len(fields) != 2 or not fields[0].strip():
                raise NewsCorpusError(
                    f"{path}:{number}: expected 'token<TAB>tag', got {line[:60]!r}"
                )
            tag = coarse_tag(fields[1].strip())
            if tag is None:
                raise NewsCorpusError(
                    f"{path}:{number}: unknown tag {fields[1].strip()[:40]!r}; expected O or "
                    "B-/I- with a FANE type or PERS, PER, ORG, LOC, GPE, MISC"
                )
            sentence.append((fields[0].strip(), tag))
    if sentence:
        yield sentence


@dataclass(frozen=True, slots=True)
class NerRow(Score):
    """Scores for one actor type (or ``micro`` over all three), and how the errors split:
    ``boundary`` gold names found with other bounds (overlapping), ``wrong_type`` found
    with the same bounds but another type, ``missed`` with nothing overlapping (these
    three by the gold name's type), ``spurious`` predictions overlapping no gold name (by
    the predicted type)."""

    type: str
    boundary: int = 0
    wrong_type: int = 0
    missed: int = 0
    spurious: int = 0


@dataclass(frozen=True, slots=True)
class NerReport:
    """Exact-span scores per actor type, then the micro average; what was evaluated."""

    rows: tuple[NerRow, ...]
    sentences: int
    tokens: int
    holdout: bool = False

    @property
    def micro(self) -> NerRow:
        return self.rows[-1]


def score_spans(
    gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]
) -> tuple[NerRow, ...]:
    """Compare sentence-aligned tag sequences; rows for person, organization, place, micro."""
    fields = ("gold", "predicted", "correct", "boundary", "wrong_type", "missed", "spurious")
    counts = {kind: dict.fromkeys(fields, 0) for kind in TAG_TYPES}
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        gold_spans = set(bio_spans(gold_tags))
        predicted_spans = set(bio_spans(predicted_tags))
        for span in gold_spans:
            counts[span[2]]["gold"] += 1
            if span in predicted_spans:
                counts[span[2]]["correct"] += 1
            elif any(p[:2] == span[:2] for p in predicted_spans):
                counts[span[2]]["wrong_type"] += 1
            elif any(_overlap(p, span) for p in predicted_spans):
                counts[span[2]]["boundary"] += 1
            else:
                counts[span[2]]["missed"] += 1
        for span in predicted_spans:
            counts[span[2]]["predicted"] += 1
            if not any(_overlap(g, span) for g in gold_spans):
                counts[span[2]]["spurious"] += 1
    rows = [NerRow(type=TAG_TYPES[kind], **counts[kind]) for kind in TAG_TYPES]
    totals = {name: sum(c[name] for c in counts.values()) for name in fields}
    return (*rows, NerRow(type="micro", **totals))


def _overlap(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def is_holdout(sentence_index: int) -> bool:
    """The fixed held-out rule: every fifth sentence (index % 5 == 4, counting from 0)."""
    return sentence_index % 5 == 4


def evaluate_ner(
    gold_path: str | Path, tagger: Tagger | None = None, holdout: bool = False
) -> NerReport:
    """Tag every gold sentence (tokens as given) and score exact spans per actor type.

    ``tagger`` maps a sentence of words to BIO tags; by default the bundled CRF tagger.
    With ``holdout`` only the held-out sentences (see ``is_holdout``) are evaluated.
    """
    if tagger is None:
        from newscorpus.extract.ner.crf import tag_tokens

        tagger = tag_tokens
    gold: list[list[str]] = []
    predicted: list[list[str]] = []
    tokens = 0
    for index, sentence in enumerate(read_bio(gold_path)):
        if holdout and not is_holdout(index):
            continue
        words = [word for word, _ in sentence]
        tags = [coarse_tag(tag) for tag in tagger(words)]
        if len(tags) != len(words) or None in tags:
            raise NewsCorpusError(
                f"the tagger must return one BIO tag per word; got {len(tags)} tags for "
                f"{len(words)} words in sentence {index}"
            )
        gold.append([tag for _, tag in sentence])
        predicted.append(tags)  # type: ignore[arg-type]  # None ruled out above
        tokens += len(words)
    return NerReport(score_spans(gold, predicted), len(gold), tokens, holdout)

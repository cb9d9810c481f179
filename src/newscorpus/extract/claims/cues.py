"""The claim cue lexicon: reporting verbs, participles and nouns, and the function words.

Cue forms come from ``resources/reporting_verbs.tsv`` and the function words by class from
``resources/claim_words.tsv``, both loaded once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

CAME = "جاء"  # وجاء في البيان: the text is the speaker (forms.written_in)
MAX_SPEAKER = 8  # words of a speaker's noun phrase
QUOTED_NAME = 3  # words of a quoted name in a speaker's phrase (وكالة "سي إن إن")
MAX_GAP = 30  # tokens between a speaker and the start of the content (appositives)
SPEECH_PREFIXES = frozenset({"", "و", "ف"})
SAYING = frozenset({"قوله", "قولها", "قولهم", "قولهما", "قولهن", "قائلا"})
PREPOSITIONS = frozenset(
    {"في", "فى", "خلال", "لدي", "عن", "علي", "امام", "الي", "بعد", "قبل", "منذ", "اثناء", "عبر"}
    | {"حول", "مع", "الذي", "التي", "الذين", "فيما", "بينما", "حين", "عندما", "لكن", "او"}
)


@dataclass(frozen=True, slots=True)
class Cue:
    """One form of a reporting verb, participle or noun, with its agreement features."""

    form: str
    lemma: str
    gender: str  # m | f
    number: str  # s | d | p
    pos: str  # verb | imperfect | participle | noun
    complements: frozenset[str]  # clause, np, prep:الي, transmit
    continues: bool  # may take the previous speaker when its subject is dropped


@cache
def cue_forms() -> dict[str, Cue]:
    """Reporting cue forms (match form without و/ف) from ``reporting_verbs.tsv``."""
    table = files("newscorpus.resources").joinpath("reporting_verbs.tsv").read_text("utf-8")
    forms: dict[str, Cue] = {}
    for line in table.splitlines():
        if not line or line.startswith("#"):
            continue
        form, lemma, gender, number, pos, complement, continues = line.split("\t")
        forms[form] = Cue(
            form, lemma, gender, number, pos, frozenset(complement.split("|")), continues == "y"
        )
    return forms


@cache
def claim_words() -> dict[str, frozenset[str]]:
    """Function words by class (complementizer, stop, negation, ...) from ``claim_words.tsv``."""
    table = files("newscorpus.resources").joinpath("claim_words.tsv").read_text("utf-8")
    classes: dict[str, set[str]] = {}
    for line in table.splitlines():
        if line and not line.startswith("#"):
            word, kind = line.split("\t")
            classes.setdefault(kind, set()).add(word)
    return {kind: frozenset(words) for kind, words in classes.items()}


def PRONOUN_SPEAKERS() -> frozenset[str]:  # noqa: N802 - a constant, loaded lazily
    """Words that are never a speaker by themselves (``pronoun`` in ``claim_words.tsv``)."""
    return claim_words()["pronoun"]


# The cue of an attribution phrase with no reporting verb (ووفق X، بحسب X).
ATTRIBUTION = Cue("وفق", "وفق", "?", "s", "noun", frozenset({"clause"}), False)

"""The Arabic text layer: cleaning, match forms, sentences and tokens with offsets.

Everything else stands on these functions. Importing this package is light: no camel-tools
data, no torch, no pandas (the optional morphology backend lives in
``newscorpus.arabic.morphology`` and imports camel-tools only when called).
"""

from newscorpus.arabic.clitics import is_whole_word, readings, strip_clitics
from newscorpus.arabic.letters import ON_LETTER, TANWEEN
from newscorpus.arabic.normalize import clean, match_form, normalize
from newscorpus.arabic.punctuation import COMMAS
from newscorpus.arabic.sentences import split_sentences
from newscorpus.arabic.tokens import proclitic_width, tokenize

__all__ = [
    "COMMAS",
    "ON_LETTER",
    "TANWEEN",
    "clean",
    "is_whole_word",
    "match_form",
    "normalize",
    "proclitic_width",
    "readings",
    "split_sentences",
    "strip_clitics",
    "tokenize",
]

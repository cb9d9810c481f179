"""Arabic letter classes, taken from pyarabic's character tables (``pyarabic.araby``).

pyarabic names the marks the way Arabic grammar does (tanwin, harakat, shadda, sukun); the
tokenizer and the actor rules read these sets instead of spelling code points by hand.
"""

from __future__ import annotations

from pyarabic import araby

TATWEEL: str = araby.TATWEEL
# The damma (ُ): on a verb's first letter it marks the passive (أُعلن "it was announced").
DAMMA: str = araby.DAMMA
# The shadda (ّ): it tells a verb from a preposition spelt alike (عبّر "expressed", عبر "via").
SHADDA: str = araby.SHADDA
# The three tanwin marks (ًٌٍ): they mark an Arabic common word (قلقاً, روسياً "Russian");
# foreign names never carry them.
TANWEEN: tuple[str, ...] = tuple(araby.TANWIN)
# Marks that sit on a letter without being one: tashkeel (harakat, tanwin, shadda, sukun),
# the superscript alef and tatweel.
ON_LETTER: frozenset[str] = frozenset(araby.TASHKEEL) | {araby.MINI_ALEF, TATWEEL}

"""Dates: expressions in the text resolved to calendar values, and the publication date.

``scan`` finds and resolves date expressions against the publication date, ``lexicon``
owns the word lists and the compiled pattern, ``calendar`` the calendar arithmetic, and
``publication`` reads an article's publication date off its own text.
"""

from newscorpus.extract.dates.publication import infer_publication_date
from newscorpus.extract.dates.scan import NO_PUBLICATION, extract_dates

__all__ = ["NO_PUBLICATION", "extract_dates", "infer_publication_date"]

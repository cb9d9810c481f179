"""newscorpus: analyze corpora of Arabic news (actors, claims, dates) from the command line.

``from newscorpus import Corpus`` gives the notebook API (``newscorpus.corpus``); it is
loaded on first use, so importing newscorpus (and ``newscorpus --help``) stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newscorpus.corpus import Corpus

__version__ = "0.1.0"
__all__ = ["Corpus", "__version__"]


def __getattr__(name: str) -> object:
    if name == "Corpus":
        from newscorpus.corpus import Corpus

        globals()["Corpus"] = Corpus
        return Corpus
    raise AttributeError(f"module 'newscorpus' has no attribute {name!r}")

"""The statistical NER sources the actor extractor trusts least: the CRF and camel-tools.

``features`` computes what the CRF sees, ``crf`` tags with the bundled model (read into
numpy by ``crf_model``), ``camel`` wraps camel-tools' BERT NER, and ``bio`` is the one BIO
decoder and tag map they share. The CRF is used when its model is installed; camel-tools
only when asked for (``ner="camel"``). Neither is imported before it is needed.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from functools import cache
from typing import Any

from newscorpus.errors import ResourceMissing
from newscorpus.models import ActorType, Sentence, Token

Span = tuple[int, int, ActorType]
NER_CHOICES = ("auto", "crf", "camel", "none")


def source_name(ner: str) -> str:
    return "camel" if ner == "camel" else "crf"


@cache
def _crf() -> Any | None:
    """The CRF module when it imports and its model loads, else None."""
    try:
        module = importlib.import_module("newscorpus.extract.ner.crf")
        module.crf_mentions("", [], [])  # loads the model first: raises when missing
    except (ImportError, ResourceMissing):
        return None
    return module


def crf_available() -> bool:
    return _crf() is not None


def statistical_spans(
    text: str, tokens: Sequence[Token], sentences: Sequence[Sentence], ner: str = "auto"
) -> list[Span]:
    """``(start, end, type)`` spans from the chosen statistical source ([] for "none")."""
    if ner == "none":
        return []
    if ner == "camel":
        from newscorpus.extract.ner.camel import camel_spans

        return camel_spans(text, tokens, sentences)
    if ner not in ("auto", "crf"):
        raise ValueError(f"unknown NER source {ner!r}; choose one of {', '.join(NER_CHOICES)}")
    module = _crf()
    if module is None:
        if ner == "crf":
            raise ResourceMissing(
                "the CRF NER model is not installed; train it with scripts/train_ner.py "
                "or use --ner none"
            )
        return []
    return list(module.crf_mentions(text, tokens, sentences))


def statistical_spans_many(
    documents: Sequence[tuple[str, Sequence[Token], Sequence[Sentence]]], ner: str = "auto"
) -> list[list[Span]]:
    """``statistical_spans`` of several documents ``(text, tokens, sentences)``; the CRF
    tags them in one batch, with the labels it gives each one alone."""
    module = _crf() if ner in ("auto", "crf") else None
    if module is None:
        return [
            statistical_spans(text, tokens, sentences, ner) for text, tokens, sentences in documents
        ]
    return [list(spans) for spans in module.crf_mentions_many(documents)]

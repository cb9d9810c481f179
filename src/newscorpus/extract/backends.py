"""The statistical NER sources the actor extractor trusts least: the CRF and camel-tools.

The CRF (``newscorpus.extract.crf``) is used when it imports and its model is installed;
camel-tools' BERT NER only when asked for (``ner="camel"``), because it needs torch and a
separately downloaded model. Neither is imported before it is needed, and camel-tools'
``data`` module (which reads or fetches a catalogue on import) is never imported unless
the model's files are already on disk.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from newscorpus.errors import ResourceMissing
from newscorpus.models import Sentence, Token

Span = tuple[int, int, str]
NER_CHOICES = ("auto", "crf", "camel", "none")
CAMEL_MODEL = Path("data", "ner", "arabert")
_CAMEL_TYPES = {"PERS": "person", "ORG": "organization", "LOC": "place"}


def source_name(ner: str) -> str:
    return "camel" if ner == "camel" else "crf"


@cache
def _crf() -> Any | None:
    """The CRF module when it imports and its model loads, else None."""
    try:
        module = importlib.import_module("newscorpus.extract.crf")
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


def camel_data_dir() -> Path:
    """Where camel-tools keeps its data: $CAMELTOOLS_DATA, else ~/.camel_tools."""
    configured = os.environ.get("CAMELTOOLS_DATA")
    return Path(configured).expanduser() if configured else Path.home() / ".camel_tools"


@cache
def _camel_recognizer() -> Any:
    model_dir = camel_data_dir() / CAMEL_MODEL
    if not (model_dir / "config.json").is_file():
        raise ResourceMissing(
            "camel-tools NER data is not installed; run `camel_data -i ner-arabert` "
            f"(looked in {model_dir}; set CAMELTOOLS_DATA to use another folder)"
        )
    from camel_tools.ner import NERecognizer  # heavy: torch and transformers

    return NERecognizer(str(model_dir), use_gpu=False)


def camel_spans(text: str, tokens: Sequence[Token], sentences: Sequence[Sentence]) -> list[Span]:
    """Spans camel-tools' BERT NER tags, sentence by sentence (MISC is dropped)."""
    recognizer = _camel_recognizer()
    spans: list[Span] = []
    position = 0
    for sentence in sentences:
        while position < len(tokens) and tokens[position].start < sentence.start:
            position += 1
        window = []
        while position < len(tokens) and tokens[position].end <= sentence.end:
            window.append(tokens[position])
            position += 1
        if window:
            labels = recognizer.predict_sentence([text[t.start : t.end] for t in window])
            spans += _bio_spans(window, labels)
    return spans


def _bio_spans(window: Sequence[Token], labels: Sequence[str]) -> list[Span]:
    spans: list[Span] = []
    current: list[Any] | None = None
    for token, label in zip(window, labels, strict=True):
        mark, _, kind = label.partition("-")
        if current is not None and mark == "I" and kind == current[2]:
            current[1] = token.end
            continue
        if current is not None:
            spans.append((current[0], current[1], _CAMEL_TYPES[current[2]]))
            current = None
        if mark in ("B", "I") and kind in _CAMEL_TYPES:
            current = [token.start, token.end, kind]
    if current is not None:
        spans.append((current[0], current[1], _CAMEL_TYPES[current[2]]))
    return spans

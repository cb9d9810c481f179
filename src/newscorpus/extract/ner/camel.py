"""camel-tools' BERT NER as an optional statistical source (``--ner camel``).

It needs torch and a separately downloaded model, so nothing here is imported before it is
asked for, and camel-tools' ``data`` module (which reads or fetches a catalogue on import)
is never imported unless the model's files are already on disk.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from newscorpus.arabic.morphology import camel_data_dir
from newscorpus.errors import ResourceMissing
from newscorpus.extract.ner.bio import token_spans
from newscorpus.models import ActorType, Sentence, Token

CAMEL_MODEL = Path("data", "ner", "arabert")


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


def camel_spans(
    text: str, tokens: Sequence[Token], sentences: Sequence[Sentence]
) -> list[tuple[int, int, ActorType]]:
    """Spans camel-tools' BERT NER tags, sentence by sentence (MISC is dropped)."""
    recognizer = _camel_recognizer()
    spans: list[tuple[int, int, ActorType]] = []
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
            spans += token_spans(text, window, labels, after_proclitics=False)
    return spans

"""Taggers for ``evaluate_ner`` built from newscorpus's recognizers, to measure each part.

``crf`` is the statistical tagger alone; ``rules`` the gazetteers and context rules with no
statistical tagger; ``full`` what ``analyze`` uses (rules first, then the CRF for the rest).
Gold sentences come as words; they are joined with spaces, analyzed like any text, and
each mention is mapped back to the words it covers.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from pathlib import Path

from newscorpus.errors import InputError
from newscorpus.evaluate.ner import read_bio
from newscorpus.extract.ner.bio import span_tags
from newscorpus.models import Mention, Sentence

RECOGNIZERS = ("full", "rules", "crf")

Tagger = Callable[[Sequence[str]], list[str]]


def bio_tagger(recognizer: str = "full") -> Tagger:
    """A words -> BIO tags function for ``recognizer`` (one of RECOGNIZERS)."""
    if recognizer == "crf":
        from newscorpus.extract.ner.crf import tag_tokens

        return tag_tokens
    if recognizer not in RECOGNIZERS:
        raise ValueError(f"unknown recognizer {recognizer!r}")
    ner = "crf" if recognizer == "full" else "none"

    def tag(words: Sequence[str]) -> list[str]:
        spans = [(first, last, m.type) for first, last, m in word_mentions(words, ner)]
        return span_tags(len(words), spans)

    return tag


def word_mentions(words: Sequence[str], ner: str) -> list[tuple[int, int, Mention]]:
    """The actor mentions of a sentence given as words, each with the word range
    ``[first, last)`` it covers (the words are joined with spaces and analyzed)."""
    from newscorpus.arabic import clean, tokenize
    from newscorpus.extract.actors import extract_mentions

    text = " ".join(words)
    starts, position = [], 0
    for word in words:
        starts.append(position)
        position += len(word) + 1
    cleaned = clean(text)
    found = []
    for mention in extract_mentions(
        cleaned, tokenize(cleaned), [Sentence(0, len(text), 0)], lambda _offset: 0, ner=ner
    ):
        first = bisect.bisect_right(starts, mention.start) - 1
        last = bisect.bisect_right(starts, mention.end - 1)
        found.append((first, last, mention))
    return found


def document_tagger(gold_path: str | Path, root: str | Path) -> Tagger:
    """A words -> BIO tags function that tags each gold sentence inside its whole document,
    as ingest does (document-level evidence included).

    Needs the gold's sidecar ``<gold>.meta.jsonl``: one line per sentence, in order, with
    ``file`` (under ``root``, a folder or the corpus .tar.gz), ``docno`` and ``starts``
    (each word's character offset in the document's text). The documents are loaded and
    analyzed with ``pipeline.analyze``; a mention counts for the words it touches.
    """
    from newscorpus.evaluate.claims import _documents
    from newscorpus.evaluate.scores import gold_records
    from newscorpus.pipeline import analyze

    gold_path = Path(gold_path)
    meta = gold_path.with_suffix(".meta.jsonl")
    if not meta.is_file():
        raise InputError(str(meta), "no such file: document context needs the gold's sidecar")
    words_of = [[word for word, _ in sentence] for sentence in read_bio(gold_path)]
    records = [record for _, record in gold_records(meta)]
    if len(records) != len(words_of):
        raise InputError(
            str(meta), f"{len(records)} lines for {len(words_of)} sentences in {gold_path.name}"
        )
    by_document: dict[tuple[str, str | None], list[int]] = {}
    for index, record in enumerate(records):
        docno = record.get("docno")
        key = (str(record["file"]), None if docno is None else str(docno))
        by_document.setdefault(key, []).append(index)
    answers: dict[tuple[str, ...], list[list[str]]] = {}
    for (file, docno), indexes in by_document.items():
        documents = list(_documents(Path(root), file))
        document = next((d for d in documents if docno in (None, d.external_id)), None)
        if document is None:
            raise InputError(file, f"no article {docno} in it")
        analysis = analyze(document)
        for index in indexes:
            words, starts = words_of[index], [int(x) for x in records[index]["starts"]]  # type: ignore[attr-defined]
            for word, start in zip(words, starts, strict=True):
                if document.text[start : start + len(word)] != word:
                    raise InputError(
                        str(meta), f"sentence {index + 1}: {word!r} is not at {start} in {docno}"
                    )
            end = starts[-1] + len(words[-1])
            spans = []
            for mention in analysis.mentions:
                if mention.start >= end or mention.end <= starts[0]:
                    continue
                first = max(bisect.bisect_right(starts, mention.start) - 1, 0)
                last = min(bisect.bisect_right(starts, mention.end - 1), len(words))
                spans.append((first, last, mention.type))
            answers.setdefault(tuple(words), []).append(span_tags(len(words), spans))

    def tag(words: Sequence[str]) -> list[str]:
        found = answers.get(tuple(words))
        if not found:
            raise InputError(
                str(gold_path), f"a sentence not in {meta.name}: {' '.join(words)[:60]}"
            )
        return found.pop(0)

    return tag

"""Where the analysis time goes, stage by stage, on ANT dev articles (#20).

    python benchmarks/profile_stages.py --files 2000

Loads the first N ANT dev files (sorted paths), warms the models on a few, then analyzes
every article once in this process (one core) with each stage's function wrapped in a
timer, and stores them into a temporary store to time the writer. Prints a table: stage,
seconds, share of the analysis, and words per second of the whole; then the bare
camel-tools chain (normalize + simple word tokenize) on the same text, as the yardstick the
issue uses. Times nest: "actors" includes its passes, which are also listed (indented).
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_ingest import bare_camel_chain, unpack

WORD = re.compile(r"\w+")
SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)

# (label, module, attribute): the functions the pipeline calls, outermost first
STAGES = [
    ("clean", "newscorpus.arabic.normalize", "clean"),
    ("sentences", "newscorpus.arabic.sentences", "split_sentences"),
    ("tokens (match form, clitics)", "newscorpus.arabic.tokens", "tokenize"),
    ("search terms", "newscorpus.arabic.search", "paragraph_terms"),
    ("CRF tagging of a task's articles", "newscorpus.extract.ner.crf", "crf_mentions_many"),
    ("  CRF Viterbi", "newscorpus.extract.ner.crf_model", "CrfModel.viterbi"),
    ("actors (all passes, after the CRF)", "newscorpus.extract.actors", "extract_mentions"),
    ("  gazetteer pass", "newscorpus.extract.actors.rules", "gazetteer_pass"),
    ("  title, speech, apposition, org rules", "newscorpus.extract.actors.rules", "title_pass"),
    ("  title, speech, apposition, org rules", "newscorpus.extract.actors.rules", "speech_pass"),
    (
        "  title, speech, apposition, org rules",
        "newscorpus.extract.actors.rules",
        "apposition_pass",
    ),
    ("  title, speech, apposition, org rules", "newscorpus.extract.actors.rules", "org_pass"),
    ("  surname pass", "newscorpus.extract.actors.rules", "surname_pass"),
    ("  reconciliation with the CRF's spans", "newscorpus.extract.actors", "statistical_pass"),
    ("  resolution in the document", "newscorpus.extract.actors", "resolve_mentions"),
    ("claims", "newscorpus.extract.claims", "extract_claims"),
    ("dates", "newscorpus.extract.dates", "extract_dates"),
    ("publication date", "newscorpus.extract.dates", "infer_publication_date"),
    ("events", "newscorpus.extract.events", "build_events"),
]


def _timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[label] += time.perf_counter() - start
            CALLS[label] += 1

    return wrapper


def instrument() -> None:
    """Wrap each stage where the pipeline looks it up (modules import at call time, so
    patching the module attribute, and the package that re-exports it, is enough)."""
    for label, module_name, attribute in STAGES:
        module = importlib.import_module(module_name)
        owner: Any = module
        name = attribute
        if "." in attribute:
            owner = getattr(module, attribute.split(".")[0])
            name = attribute.split(".")[1]
        original = getattr(owner, name)
        setattr(owner, name, _timed(label, original))
        for package in ("newscorpus.arabic", "newscorpus.extract.ner"):
            exported = importlib.import_module(package)
            if getattr(exported, name, None) is original:
                setattr(exported, name, getattr(owner, name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    options = parser.parse_args()
    from newscorpus.load import iter_sources, read_source
    from newscorpus.models import Document

    with tempfile.TemporaryDirectory() as tmp:
        files = unpack(Path(tmp) / "ant")[: options.files]
        documents: list[Document] = []
        for source in iter_sources([str(p) for p in files]):
            documents.extend(d for d in read_source(source) if isinstance(d, Document))
        words = sum(len(WORD.findall(d.text)) for d in documents)
        from newscorpus.ingest import BATCH
        from newscorpus.pipeline import analyze, analyze_many

        for document in documents[:20]:  # models and caches loaded outside the clock
            analyze(document)
        instrument()
        start = time.perf_counter()
        # as the ingest's workers do: tasks of BATCH articles, tagged by the CRF together
        analyses = [
            analysis
            for at in range(0, len(documents), BATCH)
            for analysis in analyze_many(documents[at : at + BATCH])
        ]
        total = time.perf_counter() - start
        from newscorpus.store import FileRecord, open_store

        start = time.perf_counter()
        with open_store(Path(tmp) / "profile.db") as store, store.writing() as writer:
            for n, (document, analysis) in enumerate(zip(documents, analyses, strict=True)):
                writer.begin_file(FileRecord(f"{n}.txt", 1, 1, str(n)))
                writer.add_document(document, analysis)
        written = time.perf_counter() - start
        text = "\n".join(d.text for d in documents)
        bare_words, bare_seconds = bare_camel_chain(text)
    print(f"{len(documents)} articles, {words:,} words, analysis on one core: {total:.1f} s,"
          f" {words / total:,.0f} words/s")  # fmt: skip
    print(f"{'stage':42} {'seconds':>8} {'share':>6} {'calls':>8}")
    for label in dict.fromkeys(label for label, _module, _attribute in STAGES):
        print(f"{label:42} {SPENT[label]:8.2f} {SPENT[label] / total:6.1%} {CALLS[label]:8,}")
    print(f"{'store (writer, one transaction, rebuilds)':42} {written:8.2f}")
    print(
        f"bare camel-tools chain on the same text: {bare_words / bare_seconds:,.0f} words/s;"
        f" the analysis ran at {words / total / (bare_words / bare_seconds):.2f}x it (one core)"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()

"""Tokens per second of the CRF tagger (``crf_mentions``) on ANT dev articles, one core.

    mkdir -p /tmp/ant && tar xzf /work/shared/corpora/ant-v2.1-dev.tar.gz -C /tmp/ant
    python benchmarks/bench_crf.py [/tmp/ant] [--articles 2000]

Tokenization and sentence splitting run before the clock starts: the figure is the CRF
part alone (features, cache, crfsuite), measured twice: a cold feature cache, then warm.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ant import ant_texts

from newscorpus.arabic import clean, split_sentences, tokenize
from newscorpus.extract.ner import crf


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", nargs="?", type=Path, default=Path("/tmp/ant"))
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    texts = [clean(text) for text in ant_texts(args.root, args.articles)]
    prepared = [(text, tokenize(text), split_sentences(text)) for text in texts]
    token_count = sum(len(tokens) for _, tokens, _ in prepared)
    crf._scorer()  # load the model outside the clock
    for label in ("cold cache", "warm cache"):
        started = time.perf_counter()
        mentions = sum(len(crf.crf_mentions(*item)) for item in prepared)
        seconds = time.perf_counter() - started
        print(
            f"{label}: {len(texts)} articles, {token_count:,} tokens, {mentions:,} mentions, "
            f"{seconds:.2f}s, {token_count / seconds:,.0f} tokens/s"
        )


if __name__ == "__main__":
    main()

"""Throughput of the Arabic layer against the bare camel-tools chain (run by hand).

    python benchmarks/bench_arabic.py [--limit N] [--corpus /tmp/ant]

Reads the TEXT elements of the ANT dev corpus (unpacked from
/work/shared/corpora/ant-v2.1-dev.tar.gz into /tmp/ant when absent), then times, on one
core, over the same texts:

- newscorpus: clean + normalize + split_sentences + tokenize (offsets, match forms, clitics)
- camel-tools: normalize_unicode, normalize_alef_ar, normalize_alef_maksura_ar,
  normalize_teh_marbuta_ar, dediac_ar, simple_word_tokenize

and prints words per second of each (words = word tokens) and their ratio.
Caches are emptied before the timed run, so the figure includes filling them.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ant import ant_texts


def run_newscorpus(texts: list[str]) -> tuple[int, float]:
    import importlib

    from newscorpus.arabic import clean, normalize, split_sentences, tokenize

    for name, cache in (("tokens", "_CACHE"), ("clitics", "_CACHE"), ("normalize", "_WORD_CACHE")):
        getattr(importlib.import_module(f"newscorpus.arabic.{name}"), cache).clear()
    importlib.import_module("newscorpus.arabic.clitics").lexicon()  # one-time load, untimed
    words = 0
    began = time.perf_counter()
    for text in texts:
        cleaned = clean(text)
        normalize(cleaned)
        for start, end in split_sentences(cleaned):
            for token in tokenize(cleaned, start, end):
                words += token.is_word
    return words, time.perf_counter() - began


def run_camel(texts: list[str]) -> tuple[int, float]:
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    words = 0
    began = time.perf_counter()
    for text in texts:
        text = normalize_unicode(text)
        text = normalize_alef_ar(text)
        text = normalize_alef_maksura_ar(text)
        text = normalize_teh_marbuta_ar(text)
        text = dediac_ar(text)
        words += sum(1 for token in simple_word_tokenize(text) if token[0].isalnum())
    return words, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/ant"))
    parser.add_argument("--limit", type=int, default=None, help="number of articles")
    args = parser.parse_args()
    texts = ant_texts(args.corpus, args.limit)
    print(f"{len(texts)} articles, {sum(map(len, texts)):,} characters", flush=True)
    ours_words, ours_time = run_newscorpus(texts)
    camel_words, camel_time = run_camel(texts)
    ours_rate = ours_words / ours_time
    camel_rate = camel_words / camel_time
    for name, words, seconds, rate in (
        ("newscorpus.arabic", ours_words, ours_time, ours_rate),
        ("camel-tools chain", camel_words, camel_time, camel_rate),
    ):
        print(f"{name}: {words:,} words in {seconds:.2f} s = {rate:,.0f} words/s")
    print(f"ratio newscorpus / camel-tools: {ours_rate / camel_rate:.2f}")


if __name__ == "__main__":
    main()

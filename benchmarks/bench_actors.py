"""Throughput of the actor extractor (recognition + in-document resolution), run by hand.

    python benchmarks/bench_actors.py [--limit N] [--corpus /tmp/ant] [--ner auto|none]

Reads the TEXT elements of the ANT dev corpus (unpacked from
/work/shared/corpora/ant-v2.1-dev.tar.gz into /tmp/ant when absent), cleans, splits and
tokenizes them first (untimed: that is the Arabic layer's cost), then times
``extract_mentions`` over all of them on one core, with the CRF when its model is
installed (``--ner auto``). Resources (gazetteer name table, cue tables, CRF model) are
loaded before the clock starts. Prints tokens per second, words per second and the most
frequent actors as a sanity check.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from ant import ant_texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/ant"))
    parser.add_argument("--limit", type=int, default=5000, help="articles (0 = all)")
    parser.add_argument("--ner", default="auto", choices=["auto", "crf", "none"])
    args = parser.parse_args()

    from newscorpus.arabic import clean, split_sentences, tokenize
    from newscorpus.extract import ner as backends
    from newscorpus.extract.actors import extract_mentions
    from newscorpus.models import Sentence

    texts = ant_texts(args.corpus, args.limit or None)
    prepared = []
    for text in texts:
        cleaned = clean(text)
        sentences = [Sentence(s, e, 0) for s, e in split_sentences(cleaned)]
        prepared.append((cleaned, tokenize(cleaned), sentences))
    extract_mentions(*prepared[0], ner=args.ner)  # loads the resources, untimed

    tokens = sum(len(p[1]) for p in prepared)
    words = sum(t.is_word for p in prepared for t in p[1])
    actors: Counter[tuple[str, str]] = Counter()
    began = time.perf_counter()
    for cleaned, doc_tokens, sentences in prepared:
        for mention in extract_mentions(cleaned, doc_tokens, sentences, ner=args.ner):
            actors[(mention.actor or "", mention.type)] += 1
    elapsed = time.perf_counter() - began

    crf = "with CRF" if args.ner != "none" and backends.crf_available() else "without CRF"
    print(f"{len(prepared)} articles, {tokens} tokens ({words} words), {crf}")
    print(
        f"extract_mentions: {elapsed:.2f} s, {tokens / elapsed:,.0f} tokens/s, "
        f"{words / elapsed:,.0f} words/s, {sum(actors.values())} mentions"
    )
    for (name, kind), count in actors.most_common(15):
        print(f"  {count:6d}  {kind:12s}  {name}")


if __name__ == "__main__":
    main()

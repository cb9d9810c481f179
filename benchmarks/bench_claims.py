"""Claims extractor throughput over the ANT dev corpus (run by hand).

    python benchmarks/bench_claims.py [/work/shared/corpora/ant-v2.1-dev.tar.gz] [--limit N]

Documents are loaded, cleaned, split and tokenized with ``newscorpus.arabic`` and their
mentions found with ``newscorpus.extract.actors`` outside the clock; only
``extract_claims`` is timed. Prints tokens per second on one core.
"""

from __future__ import annotations

import argparse
import bisect
import time

from newscorpus.arabic import clean, split_sentences, tokenize
from newscorpus.extract.actors import extract_mentions
from newscorpus.extract.claims import extract_claims
from newscorpus.load import iter_sources, read_source
from newscorpus.models import Document, Sentence
from newscorpus.pipeline import analyzed_paragraphs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", default="/work/shared/corpora/ant-v2.1-dev.tar.gz")
    parser.add_argument("--limit", type=int, default=0, help="stop after N documents")
    args = parser.parse_args()
    documents = tokens_total = claims_total = 0
    elapsed = 0.0
    for source in iter_sources([args.corpus]):
        if not hasattr(source, "path") or isinstance(source, Exception):
            continue
        for document in read_source(source):
            if not isinstance(document, Document):
                continue
            text = clean(document.text)
            paragraphs = analyzed_paragraphs(document)
            sentences, tokens = [], []
            for p in paragraphs:
                spans = split_sentences(text, p.start, p.end)
                sentences += [Sentence(s, e, p.index) for s, e in spans]
                tokens += tokenize(text, p.start, p.end)
            if not paragraphs:
                continue
            starts = [p.start for p in paragraphs]

            def paragraph_of(offset: int, starts: list[int] = starts, found=paragraphs) -> int:
                index = bisect.bisect_right(starts, offset) - 1
                return found[max(index, 0)].index

            mentions = extract_mentions(text, tokens, sentences, paragraph_of)
            began = time.perf_counter()
            claims = extract_claims(text, paragraphs, sentences, tokens, mentions)
            elapsed += time.perf_counter() - began
            documents += 1
            tokens_total += len(tokens)
            claims_total += len(claims)
            if args.limit and documents >= args.limit:
                break
        if args.limit and documents >= args.limit:
            break
    rate = tokens_total / elapsed if elapsed else 0.0
    print(f"{documents} documents, {tokens_total} tokens, {claims_total} claims")
    print(f"extract_claims: {elapsed:.2f} s, {rate:,.0f} tokens/s")


if __name__ == "__main__":
    main()

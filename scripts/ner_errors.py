"""Where the combined actor recognizer (what ingest uses) gains and loses against the CRF.

    NEWSCORPUS_CRF_MODEL=dev.crfsuite python scripts/ner_errors.py \
        /work/shared/ner/newsfane-news.tsv --part dev [--examples 15]

Scores the CRF alone, the rules alone and the combination on one part of a BIO file, then
lists the combination's wrong spans by the source that produced them (gazetteer, rule,
crf) and whether the CRF alone had the gold span there. Tune on ``--part dev`` with the
dev model (``scripts/train_ner.py --dev-model``), which never saw the dev sentences;
``--part holdout`` is for the final figure only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence

from newscorpus.evaluate.ner import is_holdout, read_bio, score_spans
from newscorpus.evaluate.recognizers import bio_tagger, word_mentions
from newscorpus.extract.ner.bio import bio_spans

CODES = {"person": "PERS", "organization": "ORG", "place": "LOC"}
PARTS = {
    "dev": lambda index: index % 5 == 3,
    "holdout": is_holdout,
    "all": lambda index: True,
}


def combined_spans(words: Sequence[str]) -> list[tuple[int, int, str, str]]:
    """``(first, last, TYPE, source)`` word spans of the combined recognizer."""
    return [(a, b, CODES[m.type], m.source) for a, b, m in word_mentions(words, "crf")]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", help="token<TAB>BIO-tag file (newsfane-news.tsv)")
    parser.add_argument("--part", choices=sorted(PARTS), default="dev")
    parser.add_argument("--examples", type=int, default=15)
    args = parser.parse_args(argv)
    chosen = PARTS[args.part]
    sentences = [s for i, s in enumerate(read_bio(args.gold)) if chosen(i)]
    gold_tags = [[tag for _, tag in sentence] for sentence in sentences]
    for name in ("crf", "rules", "full"):
        tagger = bio_tagger(name)
        rows = score_spans(gold_tags, [tagger([w for w, _ in s]) for s in sentences])
        print(
            f"{name:5} "
            + "  ".join(f"{r.type} {r.precision:.3f}/{r.recall:.3f}/{r.f1:.3f}" for r in rows)
        )
    crf = bio_tagger("crf")
    right: Counter[str] = Counter()
    wrong: dict[tuple[str, str], list[str]] = defaultdict(list)
    missed: list[str] = []
    for sentence, tags in zip(sentences, gold_tags, strict=True):
        words = [word for word, _ in sentence]
        gold = set(bio_spans(tags))
        by_crf = set(bio_spans(crf(words)))
        found = combined_spans(words)
        for first, last, kind, source in found:
            if (first, last, kind) in gold:
                right[source] += 1
                continue
            near = [g for g in gold if g[0] < last and first < g[1]]
            crf_had = any(g in by_crf for g in near)
            label = " ".join(words[first:last]) + f" {kind}"
            gold_text = ", ".join(" ".join(words[a:b]) + f" {t}" for a, b, t in near)
            label += " | gold: " + (gold_text or "-")
            wrong[(source, "crf right" if crf_had else "crf wrong too")].append(label)
        got = {(first, last, kind) for first, last, kind, _ in found}
        for span in (gold & by_crf) - got:
            missed.append(" ".join(words[span[0] : span[1]]) + f" {span[2]}")
    print("right by source:", dict(right))
    for (source, how), labels in sorted(wrong.items(), key=lambda item: -len(item[1])):
        print(f"\nwrong, from {source}, {how}: {len(labels)}")
        for label in labels[: args.examples]:
            print("   ", label)
    print(f"\ngold spans the CRF found and the combination lost: {len(missed)}")
    for label in missed[: args.examples]:
        print("   ", label)
    return 0


if __name__ == "__main__":
    sys.exit(main())

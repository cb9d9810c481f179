"""Draw the out-of-domain NER gold's sentences from an ingested ANT store, unannotated.

    python scripts/sample_ner_sentences.py --db /tmp/ant.db --count 400 --seed 15 \
        --out /tmp/ner_draft/ner_ant.tsv

Sentences are drawn round-robin over the outlets (AlArabiya, France24, SkyNews); for each, a
section of that outlet at random, an article of that section at random (each article once,
none named in a ``data/gold`` or ``data/train`` file), a body paragraph of it and a sentence
of 6 to 60 tokens. Tokens are the text's space-separated words with leading and trailing punctuation
cut off as tokens of their own; clitics stay on their word, as in real text. Every tag is
written ``O`` for the annotator to change, and a ``.meta.jsonl`` beside the file records
where each sentence is (file inside the ANT archive, docno, character offset of every token
in the document's text), so ``newscorpus eval ner --root`` can analyze whole documents.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
from collections import defaultdict
from pathlib import Path

from newscorpus.arabic.sentences import split_sentences
from newscorpus.evaluate.ner import word_offsets

DATA = Path(__file__).resolve().parents[1] / "data"


def gold_files() -> set[str]:
    """Articles named in a gold or training file (``data/gold``, ``data/train``)."""
    names = set()
    for path in sorted(DATA.glob("gold/*.jsonl")) + sorted(DATA.glob("train/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                name = json.loads(line).get("file")
                if name:
                    names.add(name)
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    store = sqlite3.connect(f"file:{Path(args.db).resolve()}?mode=ro", uri=True)
    rows = store.execute(
        "SELECT d.id, f.path, d.external_id, d.outlet FROM documents d "
        "JOIN files f ON f.id = d.file_id ORDER BY f.path, d.article_index"
    ).fetchall()
    excluded = gold_files()
    sections: dict[str, dict[str, list[tuple[int, str, str]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for document_id, path, docno, outlet in rows:
        inside = path[path.index("ant-v2.1/") :]
        if inside in excluded:
            continue
        section = inside.split("/")[2]
        sections[outlet][section].append((document_id, inside, docno))
    rng = random.Random(args.seed)
    outlets = sorted(sections)
    used: set[int] = set()
    drawn = []
    while len(drawn) < args.count:
        outlet = outlets[len(drawn) % len(outlets)]
        section = rng.choice(sorted(sections[outlet]))
        document_id, inside, docno = rng.choice(sections[outlet][section])
        if document_id in used:
            continue
        used.add(document_id)
        (text,) = store.execute(
            "SELECT text FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        paragraphs = store.execute(
            "SELECT start, \"end\" FROM paragraphs WHERE document_id = ? AND kind = 'body' "
            "ORDER BY idx",
            (document_id,),
        ).fetchall()
        sentences = [
            span
            for start, end in paragraphs
            for span in split_sentences(text, start, end)
            if 6 <= len(word_offsets(text, *span)) <= 60
        ]
        if not sentences:
            continue
        start, end = rng.choice(sentences)
        words = word_offsets(text, start, end)
        drawn.append((inside, docno, outlet, section, words, text))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    meta_path = args.out.with_suffix(".meta.jsonl")
    with (
        open(args.out, "w", encoding="utf-8") as tsv,
        open(meta_path, "w", encoding="utf-8") as meta,
    ):
        for inside, docno, outlet, section, words, text in drawn:
            for start, end in words:
                tsv.write(f"{text[start:end]}\tO\n")
            tsv.write("\n")
            record = {
                "file": inside,
                "docno": docno,
                "outlet": outlet,
                "section": section,
                "starts": [start for start, _ in words],
            }
            meta.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(drawn)} sentences written to {args.out} and {meta_path}")


if __name__ == "__main__":
    main()

"""Build resources/ner_clusters.txt: distributional word classes for the CRF NER tagger.

    python scripts/build_clusters.py [/work/shared/corpora/ant-v2.1-dev.tar.gz] \
        [--min-count 8] [--coarse 128] [--fine 1024]

Words that occur in the same contexts (names of ministers, of cities, of companies ...) get
the same class, so the tagger can generalize from a name it was trained on to one it never
saw. Built from unlabelled news: the TITLE, ABSTRACT and TEXT of every article of the ANT
corpus (Apache-2.0, Chouigui, Ben Khiroun and Elayeb, AICCSA 2017), read from the archive.

Each word is its CRF "core" (match form, clitics and article stripped; see extract.ner.features).
A word's vector counts the frequent cores just before and just after it; the counts are
reweighted by positive PMI, reduced to 100 dimensions by truncated SVD, unit-normalized and
grouped by k-means twice: a coarse and a fine partition. Deterministic (fixed seeds). Output:
``core<TAB>coarse<TAB>fine`` for every core seen at least --min-count times. Needs numpy,
scipy and scikit-learn (camel-tools installs them); the tagger only reads the file.
"""

from __future__ import annotations

import argparse
import re
import sys
import tarfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from newscorpus.arabic import clean, tokenize
from newscorpus.extract.ner import features

ARCHIVE = Path(__file__).resolve().parents[2] / "shared/corpora/ant-v2.1-dev.tar.gz"
OUT = Path(features.__file__).resolve().parents[2] / "resources" / features.CLUSTERS_NAME
_FIELDS = re.compile(r"<(TITLE|ABSTRACT|TEXT)>(.*?)</\1>", re.S)


def corpus_lines(archive: Path) -> Iterator[str]:
    """Lines of every article field in the archive, in member order."""
    with tarfile.open(archive) as tar:
        for member in tar:
            if not member.isfile() or member.name.endswith(".md"):
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            raw = handle.read().decode("utf-8", errors="replace")
            for match in _FIELDS.finditer(raw):
                yield from match.group(2).splitlines()


def core_sequences(archive: Path) -> list[list[str]]:
    """Each non-empty line as the cores of its words (other tokens become "<p>")."""
    sequences: list[list[str]] = []
    for line in corpus_lines(archive):
        text = clean(line)
        tokens = [t for t in tokenize(text) if t.stem]
        cores = [features.word_core(t.stem) if t.is_word else "<p>" for t in tokens]
        if cores:
            sequences.append(cores)
    return sequences


def context_matrix(sequences: Sequence[list[str]], vocab: dict[str, int], contexts: int):  # type: ignore[no-untyped-def]
    """Sparse (vocab, 2 * contexts) counts of the frequent cores left and right of a word."""
    from scipy.sparse import coo_matrix

    rows: list[int] = []
    cols: list[int] = []
    for cores in sequences:
        ids = [vocab.get(core, -1) for core in cores]
        for index, word in enumerate(ids):
            if word < 0:
                continue
            left = ids[index - 1] if index else -1
            right = ids[index + 1] if index + 1 < len(ids) else -1
            if 0 <= left < contexts:
                rows.append(word)
                cols.append(left)
            if 0 <= right < contexts:
                rows.append(word)
                cols.append(contexts + right)
    data = np.ones(len(rows), dtype=np.float64)
    matrix = coo_matrix((data, (rows, cols)), shape=(len(vocab), 2 * contexts)).tocsr()
    matrix.sum_duplicates()
    return matrix


def ppmi(matrix):  # type: ignore[no-untyped-def]
    """Positive pointwise mutual information of a sparse count matrix."""
    total = matrix.sum()
    row = np.asarray(matrix.sum(axis=1)).ravel()
    col = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75  # context smoothing
    col = col / col.sum() * total
    coo = matrix.tocoo()
    values = np.log(coo.data * total / (row[coo.row] * col[coo.col]))
    coo.data = np.maximum(values, 0.0)
    result = coo.tocsr()
    result.eliminate_zeros()
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("archive", nargs="?", type=Path, default=ARCHIVE)
    parser.add_argument("--min-count", type=int, default=8)
    parser.add_argument("--contexts", type=int, default=4000)
    parser.add_argument("--dims", type=int, default=100)
    parser.add_argument("--coarse", type=int, default=128)
    parser.add_argument("--fine", type=int, default=1024)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD

    started = time.perf_counter()
    sequences = core_sequences(args.archive)
    counts = Counter(core for cores in sequences for core in cores)
    del counts["<p>"]
    kept = [core for core, count in counts.most_common() if count >= args.min_count]
    vocab = {core: index for index, core in enumerate(kept)}
    words = sum(len(cores) for cores in sequences)
    print(
        f"{len(sequences)} lines, {words} tokens, {len(vocab)} cores kept "
        f"({time.perf_counter() - started:.0f}s)"
    )
    matrix = ppmi(context_matrix(sequences, vocab, min(args.contexts, len(vocab))))
    vectors = TruncatedSVD(args.dims, random_state=0).fit_transform(matrix)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    partitions = []
    for k in (args.coarse, args.fine):
        kmeans = MiniBatchKMeans(k, random_state=0, n_init=3, batch_size=4096)
        partitions.append(kmeans.fit_predict(vectors))
    header = (
        "# Word classes for the CRF NER tagger: core<TAB>coarse class<TAB>fine class.\n"
        "# Generated by scripts/build_clusters.py from the unlabelled ANT corpus v2.1\n"
        "# (AlArabiya, France24, SkyNews parts; Apache-2.0; Chouigui, Ben Khiroun, Elayeb,\n"
        f"# AICCSA 2017): PPMI context vectors, SVD {args.dims}, k-means {args.coarse} and "
        f"{args.fine}, min count {args.min_count}.\n"
    )
    lines = [f"{core}\t{a}\t{b}\n" for core, a, b in zip(kept, *partitions, strict=True)]
    args.out.write_text(header + "".join(lines), "utf-8")
    print(f"wrote {len(lines)} cores to {args.out} ({time.perf_counter() - started:.0f}s)")
    for k_index, name in ((0, "coarse"), (1, "fine")):
        labels = partitions[k_index]
        for cluster in (labels[vocab[w]] for w in ("بوتين", "موسكو", "شركه") if w in vocab):
            members = [kept[i] for i in np.flatnonzero(labels == cluster)[:12]]
            print(f"  {name} {cluster}: {' '.join(members)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

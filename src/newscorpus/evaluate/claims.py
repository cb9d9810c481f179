"""Score the claims extractor against a hand-made gold file (``data/gold/claims_*.jsonl``).

Each gold file's documents are loaded with ``newscorpus.load`` and analyzed with
``newscorpus.pipeline.analyze``, exactly as the product does. A predicted claim matches a
gold one in the same document when their contents overlap (strictly: by at least one
character, and by at least half of the shorter unless both start in the same sentence);
matching is one-to-one, largest overlap first. A match counts as correct when the speaker
is right: the normalized speaker strings are equal (a leading و/ف aside), or the
predicted actor is the gold ``speaker_actor``. A speaker that only contains the gold one
("بوتين ديمتري بيسكوف" for "ديمتري بيسكوف") is wrong.

Gold records may carry ``part`` (records without it are part 1); ``evaluate_claims`` can
score one part, so a gold extended later is reported old and new apart.
"""

from __future__ import annotations

import dataclasses
import tarfile
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newscorpus.arabic import normalize
from newscorpus.errors import InputError
from newscorpus.evaluate.scores import Score, gold_records, ratio
from newscorpus.models import Claim, Document

_PUNCTUATION = str.maketrans(dict.fromkeys("«»“”\"'،,:.()-#_", " "))
_SPEECH_CLITICS = ("و", "ف")


@dataclass(frozen=True, slots=True)
class ClaimDifference:
    """A gold claim missed or mis-attributed, or a predicted claim with no gold."""

    file: str
    line: int
    problem: str  # missed | wrong speaker | spurious
    gold_speaker: str | None
    predicted_speaker: str | None
    content: str


@dataclass(frozen=True, slots=True)
class ClaimsReport:
    """Figures of one evaluation run; ``rows()`` gives them as a table for the CLI."""

    gold: int
    predicted: int
    matched: int
    correct: int  # matched with the right speaker
    cue_correct: int
    kind_correct: int
    content_f1_sum: float
    include_boilerplate: bool
    differences: tuple[ClaimDifference, ...] = field(default=())

    @property
    def score(self) -> Score:
        """Claims found with the right speaker, against the gold and the predictions."""
        return Score(self.gold, self.predicted, self.correct)

    @property
    def precision(self) -> float:
        return self.score.precision

    @property
    def recall(self) -> float:
        return self.score.recall

    @property
    def f1(self) -> float:
        return self.score.f1

    @property
    def cue_accuracy(self) -> float:
        return ratio(self.cue_correct, self.matched)

    @property
    def kind_accuracy(self) -> float:
        return ratio(self.kind_correct, self.matched)

    @property
    def content_overlap(self) -> float:
        """Mean token F1 between matched gold and predicted contents."""
        return ratio(self.content_f1_sum, self.matched)

    def rows(self) -> list[dict[str, object]]:
        figures = {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "speaker_correct": self.correct,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "cue_accuracy": self.cue_accuracy,
            "kind_accuracy": self.kind_accuracy,
            "content_token_f1": self.content_overlap,
        }
        return [
            {"measure": name, "value": round(value, 4) if isinstance(value, float) else value}
            for name, value in figures.items()
        ]


def _norm(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(normalize(text.translate(_PUNCTUATION)).split())


def _strip_clitic(word: str) -> str:
    return word[1:] if len(word) > 3 and word.startswith(_SPEECH_CLITICS) else word


def speaker_key(text: object) -> str:
    """A speaker's (or any phrase's) words for comparison: match forms, punctuation
    ignored, a leading و/ف off the first word."""
    words = _norm(str(text)).split() if text else []
    return " ".join([_strip_clitic(words[0]), *words[1:]]) if words else ""


def speaker_agrees(gold: dict[str, object], predicted: Claim) -> bool:
    """The right speaker: the same words (a leading و/ف aside), or the gold actor."""
    g, p = speaker_key(str(gold["speaker"])), speaker_key(predicted.speaker)
    if g and g == p:
        return True
    g_actor = speaker_key(str(gold.get("speaker_actor") or ""))
    return bool(g_actor) and g_actor == speaker_key(predicted.speaker_actor)


def cue_agrees(gold: str, predicted: str) -> bool:
    g = " ".join(_strip_clitic(w) for w in _norm(gold).split())
    p = " ".join(_strip_clitic(w) for w in _norm(predicted).split())
    if gold.strip() == ":" or predicted.strip() == ":":
        return gold.strip() == predicted.strip()
    return bool(g) and bool(p) and (g == p or g in p or p in g)


def token_f1(gold: str, predicted: str) -> float:
    """Bag-of-words F1 between two contents (match forms, punctuation ignored)."""
    g, p = _norm(gold).split(), _norm(predicted).split()
    if not g or not p:
        return 0.0
    remaining: defaultdict[str, int] = defaultdict(int)
    for word in g:
        remaining[word] += 1
    common = 0
    for word in p:
        if remaining[word] > 0:
            remaining[word] -= 1
            common += 1
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


@dataclass(slots=True)
class _Gold:
    record: dict[str, object]
    start: int  # offset of the content in the document text, -1 when not found
    end: int


def match_claims(
    gold: Sequence[_Gold], predicted: Sequence[Claim], sentence_of: dict[int, int] | None = None
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, largest content overlap first.

    Among equal overlaps (one quotation reported by two speakers) the pair whose speakers
    agree goes first, so a right answer is never paired away.
    """
    pairs: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        if g.start < 0:
            continue
        for pi, p in enumerate(predicted):
            overlap = min(g.end, p.content_end) - max(g.start, p.content_start)
            shorter = min(g.end - g.start, p.content_end - p.content_start) or 1
            same = sentence_of is not None and sentence_of.get(g.start, -1) == sentence_of.get(
                p.content_start, -2
            )
            if overlap > 0 and (overlap / shorter >= 0.5 or same):
                score = max(overlap, 0) / shorter + (0.01 if same else 0)
                score += 0.001 if speaker_agrees(g.record, p) else 0
                pairs.append((score, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            matched.append((gi, pi))
    return matched


def _read_gold(path: Path, part: int | None = None) -> dict[str, list[dict[str, object]]]:
    by_file: dict[str, list[dict[str, object]]] = defaultdict(list)
    for _number, record in gold_records(path):
        if part is None or int(str(record.get("part", 1))) == part:
            by_file[str(record["file"])].append(record)
    return by_file


def _documents(root: Path, file: str) -> Iterator[Document]:
    """The documents of one gold file, from a folder or from a .tar.gz archive."""
    from newscorpus.load import read_source
    from newscorpus.load.sources import Source

    if root.is_file() and tarfile.is_tarfile(root):
        with tarfile.open(root) as archive:
            member = archive.extractfile(file)
            if member is None:
                raise InputError(str(root), f"{file} is not in the archive")
            source = Source.from_bytes(file, member.read())
    else:
        if not (root / file).is_file():
            raise InputError(str(root / file), "gold file's document not found")
        source = Source.from_bytes(file, (root / file).read_bytes())
    for item in read_source(source):
        if isinstance(item, InputError):
            raise item
        yield item


def _locate(document: Document, record: dict[str, object]) -> tuple[int, int]:
    content = str(record["content"]).replace("\xa0", " ")
    text = document.text.replace("\xa0", " ")
    found = text.find(content)
    return (found, found + len(content)) if found >= 0 else (-1, -1)


def _difference(
    file: str, record: dict[str, object], problem: str, predicted: Claim | None
) -> ClaimDifference:
    speaker = record.get("speaker")
    return ClaimDifference(
        file=file,
        line=int(str(record["line"])),
        problem=problem,
        gold_speaker=None if speaker is None else str(speaker),
        predicted_speaker=predicted.speaker if predicted else None,
        content=str(record["content"] if predicted is None else predicted.content)[:80],
    )


def _with_boilerplate(document: Document) -> Document:
    paragraphs = tuple(
        dataclasses.replace(p, kind="body") if p.kind == "boilerplate" else p
        for p in document.paragraphs
    )
    return dataclasses.replace(document, paragraphs=paragraphs)


def _outside(
    claims: Sequence[Claim],
    document: Document,
    records: Sequence[dict[str, object]],
    include_boilerplate: bool,
) -> list[Claim]:
    """Predictions, less those that match a boilerplate gold claim left out of this run.

    The loader may keep a teaser as body text; a claim found there is neither right nor
    wrong when the run excludes boilerplate.
    """
    if include_boilerplate:
        return list(claims)
    excluded = [_Gold(r, *_locate(document, r)) for r in records if r.get("boilerplate")]
    hits = {pi for _, pi in match_claims(excluded, claims)}
    return [c for pi, c in enumerate(claims) if pi not in hits]


def evaluate_claims(
    gold_path: str | Path,
    documents_root: str | Path = ".",
    include_boilerplate: bool = False,
    part: int | None = None,
) -> ClaimsReport:
    """Precision/recall of claims with the right speaker, cue and kind accuracy, content F1."""
    from newscorpus.pipeline import analyze

    totals: defaultdict[str, int] = defaultdict(int)
    f1_sum = 0.0
    differences: list[ClaimDifference] = []
    for file, records in _read_gold(Path(gold_path), part).items():
        wanted = [r for r in records if include_boilerplate or not r.get("boilerplate")]
        located: set[int] = set()
        for document in _documents(Path(documents_root), file):
            if include_boilerplate:
                document = _with_boilerplate(document)
            analysis = analyze(document)
            golds = [_Gold(r, *_locate(document, r)) for r in wanted]
            here = [g for k, g in enumerate(golds) if g.start >= 0 and k not in located]
            located.update(k for k, g in enumerate(golds) if g.start >= 0)
            sentence_of = {}
            for index, sentence in enumerate(analysis.sentences):
                offsets = [g.start for g in here] + [c.content_start for c in analysis.claims]
                for offset in offsets:
                    if sentence.start <= offset < sentence.end:
                        sentence_of[offset] = index
            claims = _outside(analysis.claims, document, records, include_boilerplate)
            pairs = match_claims(here, claims, sentence_of)
            totals["predicted"] += len(claims)
            totals["matched"] += len(pairs)
            for gi, pi in pairs:
                g, p = here[gi].record, claims[pi]  # g: the gold record
                right = speaker_agrees(g, p)
                totals["correct"] += right
                totals["cue"] += cue_agrees(str(g["cue"]), p.cue)
                totals["kind"] += g["kind"] == p.kind
                f1_sum += token_f1(str(g["content"]), p.content)
                if not right:
                    differences.append(_difference(file, g, "wrong speaker", p))
            matched_g = {gi for gi, _ in pairs}
            matched_p = {pi for _, pi in pairs}
            for gi, item in enumerate(here):
                if gi not in matched_g:
                    differences.append(_difference(file, item.record, "missed", None))
            for pi, p in enumerate(claims):
                if pi not in matched_p:
                    line = document.text.count("\n", 0, p.content_start) + 1
                    record: dict[str, object] = {
                        "line": line,
                        "speaker": None,
                        "content": p.content,
                    }
                    differences.append(_difference(file, record, "spurious", p))
        totals["gold"] += len(wanted)
        for k, r in enumerate(wanted):
            if k not in located:
                differences.append(_difference(file, r, "missed", None))
    return ClaimsReport(
        gold=totals["gold"],
        predicted=totals["predicted"],
        matched=totals["matched"],
        correct=totals["correct"],
        cue_correct=totals["cue"],
        kind_correct=totals["kind"],
        content_f1_sum=f1_sum,
        include_boilerplate=include_boilerplate,
        differences=tuple(differences),
    )

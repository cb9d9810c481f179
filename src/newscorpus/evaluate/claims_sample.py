"""The claims audit: a random sample of stored claims judged by hand, re-scored against the
current store, and corpus-wide shares of suspect speakers.

``draw_sample`` picks claims at random with a fixed seed, in an order that does not depend
on ids (file, article, where the content starts), each with what a judge needs: the
speaker, its actor, cue, kind, content, and the paragraph with the two before it. The judge
adds ``is_claim``, ``speaker_right``, ``true_speaker`` (as written, null when there is
none), ``actor_right``, ``true_actor`` (the canonical name, null for an unnamed or
collective speaker), ``content_right``, ``true_content`` (when wrong), ``cue_right`` and a
``note``.

``evaluate_claims_sample`` finds, for every judged claim, the current claim of the same
article whose content overlaps the judged content most, and scores it against the
judgement: the speaker and the actor against what the judge accepted (the judged value when
it was right, else the true one), the content likewise. A judged non-claim is right when no
claim overlaps it any more. Intervals are Wilson 95% intervals.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newscorpus.arabic import match_form
from newscorpus.errors import InputError
from newscorpus.evaluate.claims import speaker_key
from newscorpus.evaluate.scores import gold_records, ratio
from newscorpus.evaluate.timeline import relative_path
from newscorpus.store import Store

JUDGED = ("is_claim", "speaker_right", "actor_right", "content_right", "cue_right")
LONG_SPEAKER = 5  # words; a speaker longer than this is counted as suspect


def wilson(part: int, whole: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of ``part / whole`` (0, 0 when nothing was counted)."""
    if not whole:
        return (0.0, 0.0)
    p = part / whole
    centre = p + z * z / (2 * whole)
    spread = z * math.sqrt(p * (1 - p) / whole + z * z / (4 * whole * whole))
    denominator = 1 + z * z / whole
    return (max(0.0, (centre - spread) / denominator), min(1.0, (centre + spread) / denominator))


@dataclass(frozen=True, slots=True)
class Share:
    measure: str
    part: int
    whole: int

    def row(self) -> dict[str, object]:
        low, high = wilson(self.part, self.whole)
        return {
            "measure": self.measure,
            "count": self.part,
            "of": self.whole,
            "value": round(ratio(self.part, self.whole), 4),
            "low": round(low, 4),
            "high": round(high, 4),
        }


@dataclass(frozen=True, slots=True)
class ClaimsSampleReport:
    judged: int
    shares: tuple[Share, ...]
    corpus: tuple[Share, ...]

    def rows(self) -> list[dict[str, object]]:
        return [share.row() for share in (*self.shares, *self.corpus)]

    def share(self, measure: str) -> Share:
        return next(s for s in (*self.shares, *self.corpus) if s.measure == measure)


def _paragraph_text(store: Store, document: int, index: int) -> str | None:
    row = store.db.execute(
        'SELECT substr(d.text, p.start + 1, p."end" - p.start) FROM paragraphs p'
        " JOIN documents d ON d.id = p.document_id WHERE p.document_id = ? AND p.idx = ?",
        (document, index),
    ).fetchone()
    return None if row is None else str(row[0])


def _entry(store: Store, claim_id: int) -> dict[str, object]:
    (
        document,
        paragraph,
        start,
        end,
        content_start,
        content_end,
        speaker,
        actor,
        cue,
        content,
        kind,
        via,
        path,
        article,
        docno,
    ) = store.db.execute(
        "SELECT c.document_id, c.paragraph, c.start, c.end, c.content_start, c.content_end,"
        " c.speaker, a.name, c.cue, c.content, c.kind, c.via, f.path, d.article_index,"
        " d.external_id FROM claims c JOIN documents d ON d.id = c.document_id"
        " JOIN files f ON f.id = d.file_id LEFT JOIN actors a ON a.id = c.speaker_actor_id"
        " WHERE c.id = ?",
        (claim_id,),
    ).fetchone()
    context = [
        text
        for index in (paragraph - 2, paragraph - 1, paragraph)
        if index >= 0 and (text := _paragraph_text(store, document, index)) is not None
    ]
    return {
        "file": relative_path(str(path)),
        "article": article,
        "docno": docno,
        "claim": [start, end],
        "content_span": [content_start, content_end],
        "speaker": speaker,
        "actor": actor,
        "cue": cue,
        "kind": kind,
        "via": via,
        "content": content,
        "context": context,
    }


def draw_sample(store: Store, count: int, seed: int) -> list[dict[str, object]]:
    """``count`` stored claims at random (``seed``), each as a judge reads it."""
    keyed = sorted(
        (relative_path(str(path)), article, content_start, claim)
        for claim, path, article, content_start in store.db.execute(
            "SELECT c.id, f.path, d.article_index, c.content_start FROM claims c"
            " JOIN documents d ON d.id = c.document_id JOIN files f ON f.id = d.file_id"
        )
    )
    chosen = random.Random(seed).sample(keyed, min(count, len(keyed)))
    return [_entry(store, row[-1]) for row in chosen]


def write_sample(entries: Iterable[dict[str, object]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for entry in entries:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")


def _accepted(record: dict[str, object], judged: str, right: str, true: str) -> set[str]:
    """The answers the judge accepts: the sampled one when judged right, and the true one."""
    values = {record.get(true)} | ({record.get(judged)} if record.get(right) else set())
    return {speaker_key(v) if v is not None else "" for v in values}


def _document_id(store: Store, file: str, article: int) -> int | None:
    row = store.db.execute(
        "SELECT d.id FROM documents d JOIN files f ON f.id = d.file_id"
        " WHERE (f.path = ? OR f.path LIKE ?) AND d.article_index = ?",
        (file, "%/" + file, article),
    ).fetchone()
    return None if row is None else int(row[0])


def _actor_names(store: Store, actor_id: int | None) -> set[str]:
    """The actor's name and every form it holds in the store (a judge's true actor is a
    name as written: زوكربيرغ is the actor مارك زوكربيرغ)."""
    if actor_id is None:
        return {""}
    rows = store.db.execute(
        "SELECT name FROM actors WHERE id = ?1 UNION SELECT name FROM actor_names"
        " WHERE actor_id = ?1",
        (actor_id,),
    ).fetchall()
    return {speaker_key(row[0]) for row in rows} or {""}


def _same_actor(names: set[str], accepted: set[str]) -> bool:
    """One of the actor's forms is an accepted answer, or a spelling of one (جون نيكولسن /
    جون نيكولسون: the judging rule counts spelling variants of one name right)."""
    from newscorpus.extract.identity import close_spelling

    if names & accepted:
        return True
    # the judge wrote the surname, as the article did (زوكربيرغ), of the full name the store
    # now shows (مارك زوكربيرغ)
    if any(
        len(name.split()) > len(answer.split()) and name.endswith(" " + answer)
        for name in names
        for answer in accepted
        if answer
    ):
        return True
    return any(
        close_spelling(name, answer) for name in names for answer in accepted if name and answer
    )


def _check(record: dict[str, object], number: int, path: Path) -> None:
    missing = [key for key in ("file", "article", "content_span", *JUDGED) if key not in record]
    if missing:
        raise InputError(str(path), f"line {number}: not judged ({', '.join(missing)} missing)")


def _true_span(store: Store, document: int, content: str, first: int, last: int) -> tuple[int, int]:
    """Where the judge's true content lies (it may start before or end inside the sampled
    content): the claim to score is the one that says those words. The sampled span when
    the words are not found near it."""
    row = store.db.execute(
        "SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
        (max(first - 300, 0) + 1, last - first + 600, document),
    ).fetchone()
    words = content.strip()
    found = -1 if row is None or not words else str(row[0]).find(words)
    if found == -1:
        return first, last
    start = max(first - 300, 0) + found
    return start, start + len(words)


def evaluate_claims_sample(store: Store, gold: Path) -> ClaimsSampleReport:
    counts = dict.fromkeys(
        ("judged", "real", "found", "speaker", "actor", "content", "cue", "fully"), 0
    )
    for number, record in gold_records(gold):
        _check(record, number, gold)
        counts["judged"] += 1
        document = _document_id(store, str(record["file"]), int(str(record["article"])))
        first, last = (int(x) for x in record["content_span"])  # type: ignore[attr-defined]
        current = None
        if document is not None and record.get("true_content"):
            first, last = _true_span(store, document, str(record["true_content"]), first, last)
        if document is not None:
            current = store.db.execute(
                "SELECT speaker, speaker_actor_id, content, cue,"
                " min(content_end, ?) - max(content_start, ?) AS overlap FROM claims"
                " WHERE document_id = ? AND content_start < ? AND content_end > ?"
                " ORDER BY overlap DESC, content_start LIMIT 1",
                (last, first, document, last, first),
            ).fetchone()
        if not record["is_claim"]:
            counts["fully"] += current is None
            continue
        counts["real"] += 1
        if current is None:
            continue
        speaker, actor_id, content, cue, _overlap = current
        counts["found"] += 1
        speaker_ok = speaker_key(speaker) in _accepted(
            record, "speaker", "speaker_right", "true_speaker"
        )
        actor_ok = _same_actor(
            _actor_names(store, actor_id), _accepted(record, "actor", "actor_right", "true_actor")
        )
        content_ok = speaker_key(content) in _accepted(
            record, "content", "content_right", "true_content"
        )
        cue_ok = bool(record["cue_right"]) and speaker_key(cue) == speaker_key(record["cue"])
        counts["speaker"] += speaker_ok
        counts["actor"] += actor_ok
        counts["content"] += content_ok
        counts["cue"] += cue_ok
        counts["fully"] += speaker_ok and actor_ok and content_ok
    judged, real = counts["judged"], counts["real"]
    shares = (
        Share("judged claims that are claims", real, judged),
        Share("claims still found", counts["found"], real),
        Share("speaker right", counts["speaker"], real),
        Share("actor right", counts["actor"], real),
        Share("content right", counts["content"], real),
        Share("cue right", counts["cue"], real),
        Share("fully right", counts["fully"], judged),
    )
    return ClaimsSampleReport(judged, shares, corpus_shares(store))


def corpus_shares(store: Store) -> tuple[Share, ...]:
    """Whole-store shares: pronoun or cue-word speakers, speakers over five words, claims
    without an actor."""
    from newscorpus.extract.claims.cues import PRONOUN_SPEAKERS

    total = pronouns = long = no_actor = 0
    for speaker, actor in store.db.execute("SELECT speaker, speaker_actor_id FROM claims"):
        total += 1
        words = str(speaker).split()
        pronouns += match_form(speaker_key(speaker)) in PRONOUN_SPEAKERS()
        long += len(words) > LONG_SPEAKER
        no_actor += actor is None
    return (
        Share("corpus: pronoun or cue-word speakers", pronouns, total),
        Share(f"corpus: speakers over {LONG_SPEAKER} words", long, total),
        Share("corpus: claims without actor", no_actor, total),
    )

"""Score the store's actor table against a hand-judged audit (``data/gold/actors_*.json``).

The audit judges rows (which entity a row stands for, whether it is an actor at all or a
row of namesakes, its true type) and written forms (which entity each refers to, ``?`` when
the form alone could be several, ``-`` when it is not an actor). The current top N rows are
scored by those judgements, so the figures follow the store as identity changes: a form the
audit put in the wrong row is right wherever it now stands with its own entity.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newscorpus.errors import InputError
from newscorpus.evaluate.scores import ratio
from newscorpus.store import Store

AMBIGUOUS = "?"
NOT_ACTOR = "-"


@dataclass(frozen=True, slots=True)
class Audit:
    entities: dict[str, dict[str, str]]  # entity -> {"type", "kind"}
    forms: dict[tuple[str, str], str]  # (written form, row type) -> entity, "?" or "-"
    rows: dict[tuple[str, str], str]  # (canonical name, type) -> entity of that row
    # (canonical name, type) -> that row's own judgements of its forms, which win over
    # ``forms``: الأهلي is right in the row of الأهلي المصري, a namesake elsewhere
    row_forms: dict[tuple[str, str], dict[str, str]]


@dataclass(frozen=True, slots=True)
class Unjudged:
    rank: int
    row: str
    form: str
    mentions: int


@dataclass(frozen=True, slots=True)
class RowProblem:
    rank: int
    row: str
    type: str
    problem: str  # not an actor | wrong type | namesakes | duplicate of ... | wrong form ...


@dataclass(frozen=True, slots=True)
class ActorsReport:
    top: int
    forms_right: int
    forms_wrong: int
    forms_ambiguous: int
    forms_unjudged: int
    mentions_right: int
    mentions_wrong: int
    non_actors: int
    wrong_types: int
    merged_rows: int
    duplicate_pairs: int
    flagged_ambiguous: int
    flagged_mentions: int
    problems: tuple[RowProblem, ...] = field(default=())
    unjudged: tuple[Unjudged, ...] = field(default=())

    @property
    def alias_precision(self) -> float:
        return ratio(self.forms_right, self.forms_right + self.forms_wrong)

    @property
    def row_errors(self) -> int:
        return self.non_actors + self.wrong_types + self.merged_rows + self.duplicate_pairs

    def rows(self) -> list[dict[str, object]]:
        figures: list[tuple[str, object]] = [
            ("rows", self.top),
            ("alias precision", round(self.alias_precision, 4)),
            ("aliases right", self.forms_right),
            ("aliases wrong", self.forms_wrong),
            ("aliases ambiguous (?)", self.forms_ambiguous),
            ("aliases not judged", self.forms_unjudged),
            (
                "alias precision by mentions",
                round(ratio(self.mentions_right, self.mentions_right + self.mentions_wrong), 4),
            ),
            ("non-actors", self.non_actors),
            ("wrong types", self.wrong_types),
            ("merged rows", self.merged_rows),
            ("duplicate pairs", self.duplicate_pairs),
            ("row errors (sum of the four)", self.row_errors),
            ("rows flagged ambiguous", self.flagged_ambiguous),
            ("mentions in flagged rows", self.flagged_mentions),
        ]
        return [{"measure": name, "value": value} for name, value in figures]


def read_audit(path: Path) -> Audit:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entities = data["entities"]
        forms: dict[tuple[str, str], str] = {}
        rows: dict[tuple[str, str], str] = {}
        row_forms: dict[tuple[str, str], dict[str, str]] = {}
        for row in data["rows"]:
            rows[(row["name"], row["type"])] = row["entity"]
            row_forms[(row["name"], row["type"])] = dict(row["aliases"])
            for form, entity in row["aliases"].items():
                forms.setdefault((form, row["type"]), entity)
    except OSError as error:
        raise InputError(str(path), f"cannot read the audit ({error.strerror})") from None
    except (ValueError, KeyError, TypeError) as error:
        raise InputError(str(path), f"not an actors audit ({error})") from None
    return Audit(entities, forms, rows, row_forms)


@dataclass(slots=True)
class _Row:
    rank: int
    name: str
    type: str
    forms: Counter[str]
    ambiguous: bool


def _current_rows(store: Store, top: int) -> list[_Row]:
    db = store.db
    columns = {row[1] for row in db.execute("PRAGMA table_info(actors)")}
    flag = "ambiguous" if "ambiguous" in columns else "0"
    rows = db.execute(
        f"SELECT id, name, type, {flag} FROM actors"
        " ORDER BY mentions DESC, documents DESC, name LIMIT ?",
        (top,),
    ).fetchall()
    current = []
    for rank, (actor_id, name, kind, ambiguous) in enumerate(rows, start=1):
        forms = Counter(
            dict(
                db.execute(
                    "SELECT text, count(*) FROM mentions WHERE actor_id = ? GROUP BY text",
                    (actor_id,),
                ).fetchall()
            )
        )
        current.append(_Row(rank, name, kind, forms, bool(ambiguous)))
    return current


def _row_entity(audit: Audit, row: _Row) -> str | None:
    entity = audit.rows.get((row.name, row.type)) or audit.forms.get((row.name, row.type))
    if entity and entity not in (AMBIGUOUS, NOT_ACTOR):
        return entity
    judged: Counter[str] = Counter()
    for form, count in row.forms.items():
        found = audit.forms.get((form, row.type))
        if found and found not in (AMBIGUOUS, NOT_ACTOR):
            judged[found] += count
    if judged:
        return judged.most_common(1)[0][0]
    return entity  # "-", "?" or None


def evaluate_actors(store: Store, audit_path: Path, top: int = 300) -> ActorsReport:
    """Alias precision and row errors of the top ``top`` actors, by the audit's judgements."""
    audit = read_audit(audit_path)
    counts: Counter[str] = Counter()
    problems: list[RowProblem] = []
    unjudged: list[Unjudged] = []
    first_row_of: dict[str, _Row] = {}
    rows = _current_rows(store, top)
    for row in rows:
        if row.ambiguous:
            # a flagged row stands apart by design (a bare name, a homograph, a title):
            # it is counted, and neither its forms nor a namesake it resembles are scored
            counts["flagged"] += 1
            counts["flagged_mentions"] += row.forms.total()
            continue
        entity = _row_entity(audit, row)
        info = audit.entities.get(entity or "")
        if entity is None:
            unjudged.append(Unjudged(row.rank, row.name, "(the row itself)", row.forms.total()))
        elif entity == NOT_ACTOR or (info and info["kind"] == "not_actor"):
            counts["non_actors"] += 1
            problems.append(RowProblem(row.rank, row.name, row.type, "not an actor"))
        elif info is not None:
            if info["type"] != row.type:
                counts["wrong_types"] += 1
                problems.append(RowProblem(row.rank, row.name, row.type, f"is {info['type']}"))
            if info["kind"] == "namesakes":
                counts["merged"] += 1
                problems.append(RowProblem(row.rank, row.name, row.type, "namesakes"))
            if entity in first_row_of:
                counts["duplicates"] += 1
                other = first_row_of[entity]
                problems.append(
                    RowProblem(row.rank, row.name, row.type, f"duplicate of {other.name}")
                )
            else:
                first_row_of[entity] = row
        # A row that is no actor is counted once, as a row; its forms are not scored.
        scorable = info is not None and info["kind"] != "not_actor"
        _score_forms(audit, row, entity if scorable else None, counts, problems, unjudged)
    return ActorsReport(
        top=len(rows),
        forms_right=counts["right"],
        forms_wrong=counts["wrong"],
        forms_ambiguous=counts["ambiguous"],
        forms_unjudged=counts["unjudged"],
        mentions_right=counts["mentions_right"],
        mentions_wrong=counts["mentions_wrong"],
        non_actors=counts["non_actors"],
        wrong_types=counts["wrong_types"],
        merged_rows=counts["merged"],
        duplicate_pairs=counts["duplicates"],
        flagged_ambiguous=counts["flagged"],
        flagged_mentions=counts["flagged_mentions"],
        problems=tuple(problems),
        unjudged=tuple(unjudged),
    )


def _score_forms(
    audit: Audit,
    row: _Row,
    entity: str | None,
    counts: Counter[str],
    problems: list[RowProblem],
    unjudged: list[Unjudged],
) -> None:
    own = audit.row_forms.get((row.name, row.type), {})
    for form, mentions in sorted(row.forms.items(), key=lambda item: -item[1]):
        judged = own.get(form) or audit.forms.get((form, row.type))
        if judged is None:
            counts["unjudged"] += 1
            unjudged.append(Unjudged(row.rank, row.name, form, mentions))
        elif entity is None:
            continue
        elif judged == AMBIGUOUS:
            counts["ambiguous"] += 1
        elif judged == entity:
            counts["right"] += 1
            counts["mentions_right"] += mentions
        else:
            counts["wrong"] += 1
            counts["mentions_wrong"] += mentions
            problems.append(RowProblem(row.rank, row.name, row.type, f"wrong form {form}"))

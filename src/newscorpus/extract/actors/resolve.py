"""Which mentions of one document name the same actor, and on what evidence.

- A name the lexicon knows takes its canonical name (ترمب, لترامب, Donald Trump -> دونالد
  ترامب). A spelling the lexicon marks context-only (الريال for ريال مدريد) counts only when
  the document also names that actor another way; alone it is dropped.
- A homograph (عمان: عُمان or عمّان; الأهلي of Cairo or of Jeddah) takes the entry its
  diacritics spell, else the one the document's cue words choose (``homographs.tsv``:
  سلطنة, مسقط for Oman; الأردن for Amman); with no evidence it stays as written, and the
  store flags its row ambiguous.
- A one-word person name the lexicon does not know takes the full name it is part of in the
  same document (دايز-بيرغون -> باسكال دايز-بيرغون, دومولين -> ماري دومولين); one the lexicon
  knows keeps its entry (ترامب stays Donald Trump beside ميلانيا ترامب).
- Other names take their most common full form (``identity.canonical_name``), grouping
  only spellings close enough to be one name (``identity.close_spelling``).

Each mention records how it was resolved (``Mention.resolution``), which ``actor --why``
shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newscorpus.arabic import match_form
from newscorpus.extract.actors.gazetteer import (
    TEAM_HEAD,
    Entry,
    Gazetteer,
    cues,
    gazetteer,
    key_of,
    spelled_as_listed,
)
from newscorpus.extract.identity import (
    LINEAGE_CONNECTORS,
    canonical_name,
    close_spelling,
    display_name,
    fold,
    is_inside,
    name_words,
    written_name,
)
from newscorpus.models import Mention

HOMOGRAPHS_NAME = "homographs.tsv"

LEXICON = "lexicon"
BY_CONTEXT = "lexicon, chosen by the document"
FULL_NAME = "full name in the document"
SPELLING = "spelling of a name in the document"
AS_WRITTEN = "as written"
AMBIGUOUS = "ambiguous"
NATIONAL_TEAM = "a country's national team"
NAMED = "lexicon: its first name and a listed surname"
_SERVANT = "عبد"  # عبد + a name of God is one name: عبد الرحمن, the family name of رامي عبد الرحمن


@dataclass(frozen=True, slots=True)
class Reading:
    """One actor a homograph may name, and the words that choose it."""

    canonical: str
    type: str
    cues: frozenset[str]  # match forms


@cache
def homographs() -> dict[str, tuple[Reading, ...]]:
    """Key of a written name -> its readings: the lines of ``homographs.tsv`` and the
    gazetteer keys with several entries of one type."""
    path = resources.files("newscorpus") / "resources" / HOMOGRAPHS_NAME
    readings: dict[str, list[Reading]] = {}
    cues_of: dict[str, frozenset[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            written, canonical, kind, words = (f.strip() for f in line.split("\t")[:4])
            cues = frozenset(key_of(w) for w in words.split("|") if w.strip())
            cues_of[canonical] = cues
            readings.setdefault(key_of(written), []).append(Reading(canonical, kind, cues))
    for key, entries in gazetteer().homographs.items():
        known = {r.canonical for r in readings.get(key, [])}
        readings.setdefault(key, []).extend(
            Reading(e.canonical, e.type, cues_of.get(e.canonical, frozenset()))
            for e in entries
            if e.canonical not in known
        )
    return {key: tuple(found) for key, found in readings.items()}


@dataclass(slots=True)
class _Choice:
    actor: str | None
    resolution: str


def resolve_mentions(mentions: Sequence[Mention], words: Iterable[str] = ()) -> list[Mention]:
    """The same mentions with ``actor`` and ``resolution`` set within the document
    (``words``: the document's word forms, match form, for the homograph cues); mentions of
    context-only spellings with no support in the document are left out."""
    table = gazetteer()
    document_words = frozenset(words)
    choices: list[_Choice] = []
    for mention in mentions:
        choices.append(_known(mention, table, document_words))
    supported = {
        c.actor for m, c in zip(mentions, choices, strict=True) if m.key not in table.context_only
    }
    kept: list[tuple[Mention, _Choice]] = []
    for mention, choice in zip(mentions, choices, strict=True):
        entry = table.context_only.get(mention.key)
        if entry is not None and entry.type == mention.type and entry.canonical not in supported:
            if mention.type != "person":
                continue  # الريال with no ريال مدريد in the document: the currency, most likely
            choice = _Choice(None, AS_WRITTEN)  # كيم alone: some Kim, not Kim Jong Un
        kept.append((mention, choice))
    kept_mentions = [m for m, _ in kept]
    kept_choices = [c for _, c in kept]
    _resolve_unknown(kept_mentions, kept_choices)
    _resolve_short_persons(kept_mentions, kept_choices)
    return [
        m.resolved(c.actor, c.resolution) for m, c in zip(kept_mentions, kept_choices, strict=True)
    ]


def _known(mention: Mention, table: Gazetteer, words: frozenset[str]) -> _Choice:
    team = _national_team(mention, table)
    if team is not None:
        return _Choice(team, NATIONAL_TEAM)
    candidates = [r for r in homographs().get(mention.key, ()) if r.type == mention.type]
    if candidates:
        return _homograph(mention, candidates, words)
    entry: Entry | None = table.entries.get(mention.key)
    if entry is None or entry.type != mention.type:
        entry = table.quoted.get(mention.key)  # «الشرق الأوسط», the newspaper
    if entry is None or entry.type != mention.type:
        entry = _by_first_name_and_surname(mention, table)
        return _Choice(None, AS_WRITTEN) if entry is None else _Choice(entry.canonical, NAMED)
    if not spelled_as_listed(table, mention.key, mention.text):
        return _Choice(None, AS_WRITTEN)  # a tagger's جده is not جدة
    return _Choice(entry.canonical, LEXICON)


def _by_first_name_and_surname(mention: Mention, table: Gazetteer) -> Entry | None:
    """A person named by the first name and a listed surname of a known one: أنطونيو
    غوتيريس is أنطونيو غوتيريش (غوتيريس is one of his listed spellings)."""
    words = mention.key.split()
    if mention.type != "person" or len(words) != 2:
        return None
    entry = table.entries.get(words[1])
    if entry is None or entry.type != "person":
        return None
    full = key_of(entry.canonical).split()
    return entry if len(full) > 1 and full[0] == words[0] else None


def _national_team(mention: Mention, table: Gazetteer) -> str | None:
    """The team's name when a mention names a national team: كرواتيا in a match and منتخب
    انكلترا (key منتخب + a country), المنتخب السعودي (منتخب + a country's nisba)."""
    if mention.type != "organization":
        return None
    head, _, rest = mention.key.partition(" ")
    if head.removeprefix("ال") != TEAM_HEAD:
        return None
    if head == TEAM_HEAD and rest in table.countries:
        return f"{TEAM_HEAD} {table.entries[rest].canonical}"
    place = cues().nisba_place.get(tuple(rest.split()))
    if rest.endswith("ه"):
        return None  # المنتخب المغربية is a newspaper; the team is المنتخب المغربي
    if head != TEAM_HEAD and place and key_of(place) in table.countries:
        return f"{TEAM_HEAD} {table.entries[key_of(place)].canonical}"
    return None


def _homograph(mention: Mention, candidates: Sequence[Reading], words: frozenset[str]) -> _Choice:
    written = written_name(mention.text)
    for candidate in candidates:  # عمّان with its shadda, عُمان with its damma
        if written == candidate.canonical:
            return _Choice(candidate.canonical, LEXICON)
    scores = {c.canonical: len(c.cues & words) for c in candidates}
    best = max(scores.values())
    chosen = [name for name, score in scores.items() if score == best]
    if best > 0 and len(chosen) == 1:
        return _Choice(chosen[0], BY_CONTEXT)
    return _Choice(_written(mention), AMBIGUOUS)


def _resolve_unknown(mentions: Sequence[Mention], choices: list[_Choice]) -> None:
    """Names nobody knows: group close spellings of one type, and by containment for people."""
    groups: list[tuple[str, str, str, Counter[str]]] = []  # type, fold, first spelling, names
    by_fold: dict[tuple[str, str], list[int]] = {}  # (type, fold) -> its groups, in order
    member: dict[int, int] = {}
    for index, mention in enumerate(mentions):
        if choices[index].actor is not None:
            continue
        name = _written(mention)
        folded = fold(mention.key)
        alike = by_fold.setdefault((mention.type, folded), [])
        for number in alike:
            _, _, first, names = groups[number]
            if close_spelling(first, name):
                names[name] += 1
                member[index] = number
                break
        else:
            member[index] = len(groups)
            alike.append(len(groups))
            groups.append((mention.type, folded, name, Counter({name: 1})))
    best = [canonical_name(names) for _, _, _, names in groups]
    people = {n: name_words(best[n]) for n, group in enumerate(groups) if group[0] == "person"}
    for number, words in people.items():  # دراودت فيخاريس -> دارسي دراودت فيخاريس
        if len(words) <= 1:
            continue
        longer = [g for g, w in people.items() if is_inside(words, w)]
        if longer:
            best[number] = best[max(longer, key=lambda g: groups[g][3].total())]
    for index, number in member.items():
        name = _written(mentions[index])
        how = AS_WRITTEN if best[number] == name else SPELLING
        choices[index] = _Choice(best[number], how)


def _written(mention: Mention) -> str:
    """The name as written, with the article a ل proclitic took back: للجيش السوري is
    spelled ل + الجيش, so the span after the ل reads لجيش السوري while its key (the
    tokenizer's stem) is الجيش السوري; the name shown is الجيش السوري (and a span that
    kept the ل, للمخابرات البريطانية, is named المخابرات البريطانية)."""
    name = display_name(mention.text)
    first, _, rest = name.partition(" ")
    key_first = mention.key.split(" ", 1)[0]
    if first[:1] == "ل" and key_first[:2] == "ال" and key_first == "ا" + match_form(first):
        return f"ا{first} {rest}".rstrip()
    if first[:2] == "لل" and key_first[:2] == "ال" and key_first == "ا" + match_form(first)[1:]:
        return f"ا{first[1:]} {rest}".rstrip()  # a span that kept the whole للمخابرات
    return name


def _resolve_short_persons(mentions: Sequence[Mention], choices: list[_Choice]) -> None:
    """A one-word person name the lexicon does not know takes the full name it belongs to
    in this document; so does a compound family name (عبد الرحمن of رامي عبد الرحمن)."""
    full_by_word: dict[str, Counter[str]] = {}
    for mention, choice in zip(mentions, choices, strict=True):
        words = mention.key.split()
        if mention.type == "person" and len(words) > 1 and choice.actor:
            # كيم (جونغ أون), (باسكال) دايز-بيرغون; but حمد بن خليفة is not "خليفة".
            lineage = LINEAGE_CONNECTORS.intersection(words)
            ends = words[:1] if lineage else [words[0], words[-1]]
            known = choice.resolution in (LEXICON, BY_CONTEXT, NAMED)
            if known and not lineage and len(words) > 2 and words[-2] == _SERVANT:
                # (رامي) عبد الرحمن, a listed person's family name; an unknown محمد عبد
                # الله does not make الملك عبد الله his
                ends.append(" ".join(words[-2:]))
            for word in _distinct(ends):
                full_by_word.setdefault(word, Counter())[choice.actor] += 1
    for index, mention in enumerate(mentions):
        words = mention.key.split()
        compound = len(words) == 2 and words[0] == _SERVANT
        if mention.type != "person" or (len(words) > 1 and not compound):
            continue
        if choices[index].resolution in (LEXICON, BY_CONTEXT):
            continue
        candidates = full_by_word.get(mention.key)
        if candidates:
            choices[index] = _Choice(candidates.most_common(1)[0][0], FULL_NAME)


def _distinct(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(words))

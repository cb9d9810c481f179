"""The actor gazetteer and the cue-word tables the actor rules read, loaded once.

Owns the resource files ``actors_lexicon.tsv`` (curated), ``gazetteer_places.tsv``
(generated from CLDR by ``scripts/build_gazetteer.py``), ``roles.tsv`` and ``nisba.tsv``,
and the table of every known name's written forms. Names are keyed by their *key*:
the match forms of their tokens joined by single spaces, computed with the same tokenizer
that reads documents, so "أ.ف.ب" or "دايز-بيرغون" split the same way in both.

The table also holds each Arabic key behind the proclitics news glues onto names
(و ف ب ل ك and their pairs; لل for names with the article), so that لترامب, وموسكو and
للصين are found by one pass over the document's tokens: a key is a run of whole tokens,
so a token that opens no written form (most of them) costs one set lookup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from newscorpus.arabic import ON_LETTER, clean, match_form, tokenize
from newscorpus.models import ActorType, actor_type

LEXICON_NAME = "actors_lexicon.tsv"
PLACES_NAME = "gazetteer_places.tsv"
ROLES_NAME = "roles.tsv"
NISBA_NAME = "nisba.tsv"
COMMON_NAME = "ner_common_words.txt"

SHORT_KEY = 4  # letters: keys this short match only their listed spellings
_ARTICLE = "ال"
_MARKS = re.compile("[" + "".join(sorted(ON_LETTER)) + "]")
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")
_QUOTED = ("«", "»", '"')


@dataclass(frozen=True, slots=True)
class Entry:
    """A known actor: its canonical name, type, and the keys of all its spellings."""

    canonical: str
    type: ActorType
    keys: tuple[str, ...]
    source: str = "lexicon"  # lexicon | cldr


@dataclass(frozen=True, slots=True)
class Hit:
    """What the automaton stores for one searchable string."""

    key: str  # the name's key, without clitics
    clitic: int  # how many letters of proclitics precede the key in the token
    absorbed: bool = False  # لل + name without its article: the span is the whole token


@dataclass(slots=True)
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)  # key -> entry
    quoted: dict[str, Entry] = field(default_factory=dict)  # key -> entry, inside quotes
    # Keys several entries of one type share (عمان: عُمان and عمّان): all of them, so the
    # document can choose (``resolve``).
    homographs: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    # Keys of spellings marked ~ in the lexicon (الريال for ريال مدريد): a name only where
    # the document also names the actor another way.
    context_only: dict[str, Entry] = field(default_factory=dict)
    # Short keys (one word of at most SHORT_KEY letters) and the spellings listed for them
    # (see ``spelled_as_listed``): وام is the agency, وأم "and a mother"; جدة is the city,
    # جده "his grandfather".
    exact: dict[str, frozenset[str]] = field(default_factory=dict)
    # Keys of countries (CLDR territories with a two-letter code, lexicon places whose role
    # is دولة or بلد): the names a national team goes by (``rules.team_pass``).
    countries: frozenset[str] = frozenset()
    # Keys of platforms (lexicon role منصة): على تويتر is where something was posted, not
    # an actor (``rules.platform_pass``).
    platforms: frozenset[str] = frozenset()
    # The roles the lexicon gives each of its actors (its fourth column: وكالة أنباء،
    # صحيفة، منصة ...), by canonical name.
    roles: dict[str, frozenset[str]] = field(default_factory=dict)
    _surfaces: Surfaces | None = None

    @property
    def surfaces(self) -> Surfaces:
        """Every key behind the proclitics news glues on, built on first use (looking a
        name up, as the identity policy does, needs only the tables above)."""
        if self._surfaces is None:
            self._surfaces = _build_surfaces([*self.entries, *self.quoted])
        return self._surfaces


@dataclass(frozen=True, slots=True)
class Surfaces:
    """The written forms of the keys (with proclitics) as tokens' match forms joined by
    spaces, and the forms of their first words, first two words ...: a name found in a
    text is a run of whole tokens, looked up a token at a time (``rules.gazetteer_pass``)."""

    hits: dict[str, Hit]
    prefixes: frozenset[str]  # the surfaces' leading words (one or more, fewer than all)


@dataclass(frozen=True, slots=True)
class Cues:
    """Cue words in match form; multi-word phrases as tuples, indexed by first word."""

    titles: dict[str, tuple[tuple[str, ...], ...]]
    role_nouns: frozenset[str]
    modifiers: frozenset[str]
    org_heads: frozenset[str]
    speech: frozenset[str]
    stop: frozenset[str]
    not_actor: frozenset[str]
    nisba: dict[str, tuple[tuple[str, ...], ...]]  # first word -> phrases, longest first
    nisba_place: dict[tuple[str, ...], str]
    common: frozenset[str]  # stems almost never inside a name (ner_common_words.txt)
    generic: frozenset[str]  # titles with no country: وزارة الداخلية (keys)
    org_forms: frozenset[str]  # heads that keep a known name's identity: شركة, حركة
    team_context: frozenset[str]  # words of sport: a country named beside them is a team
    club_context: frozenset[str]  # these too: a club's short name beside them is the club
    competitions: frozenset[str]  # a place right after these is in a competition's name
    national_team: frozenset[str]  # words of national teams (المنتخب، المونديال، كأس العالم)
    not_a_name: dict[str, tuple[tuple[str, ...], ...]]  # phrases no mention may overlap
    quantity: frozenset[str]  # ألف، مليون: a context-only name after them is a common word


_PLAIN_NAME = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def key_of(name: str) -> str:
    """The lookup key of a name: its tokens' match forms joined by single spaces."""
    if _PLAIN_NAME.fullmatch(name):  # letters and single spaces: each word is a token
        return " ".join(match_form(word) for word in name.split(" "))
    return " ".join(token.match for token in tokenize(clean(name)))


def _rows(name: str) -> list[list[str]]:
    path = resources.files("newscorpus") / "resources" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _variants(field_text: str) -> list[str]:
    return [v.strip() for v in field_text.split("|") if v.strip()]


def spelling_of(surface: str) -> str:
    """A written form without diacritics and tatweel, hamza seats and ة kept (to compare a
    short name's spelling, which the match form does not keep)."""
    return _MARKS.sub("", surface)


def spelled_as_listed(table: Gazetteer, key: str, surface: str) -> bool:
    """Whether a short name written ``surface`` is the listed name, not another word with
    the same match form: a hamza where the name has a bare alef (وأم for وام), or ه where
    it ends in ة (جده for جدة). Writing a bare alef for a hamza (ادلب) is only sloppy."""
    listed = table.exact.get(key)
    if listed is None:
        return True
    written = spelling_of(surface)
    for spelling in listed:
        if len(spelling) != len(written):
            continue
        hamza = any(w in "أإآ" and t == "ا" for w, t in zip(written, spelling, strict=True))
        if not hamza and not (written[-1] == "ه" and spelling[-1] == "ة"):
            return True
    return written in listed


@cache
def gazetteer() -> Gazetteer:
    """All known names: CLDR places first, then the curated lexicon, which wins."""
    table = Gazetteer()
    by_canonical: dict[tuple[str, ActorType], list[str]] = {}
    sources: dict[tuple[str, ActorType], str] = {}
    countries: set[tuple[str, ActorType]] = set()
    platforms: set[tuple[str, ActorType]] = set()
    for source, name in (("cldr", PLACES_NAME), ("lexicon", LEXICON_NAME)):
        for row in _rows(name):
            canonical, kind = row[0].strip(), actor_type(row[1].strip())
            ident = (canonical, kind)
            spellings = by_canonical.setdefault(ident, [canonical])
            sources.setdefault(ident, source)
            spellings += _variants(row[2]) if len(row) > 2 else []
            if len(row) > 3 and (
                source == "cldr"
                and _COUNTRY_CODE.fullmatch(row[3])
                or source == "lexicon"
                and kind == "place"
                and {"بلد", "دولة"} & set(_variants(row[3]))
            ):
                countries.add(ident)  # a CLDR territory, or a place the lexicon calls a country
            if source == "lexicon" and len(row) > 3:
                table.roles[canonical] = table.roles.get(canonical, frozenset()) | frozenset(
                    _variants(row[3])
                )
                if "منصة" in _variants(row[3]):
                    platforms.add(ident)
            if source == "cldr" and len(row) > 3 and row[3].startswith("territory:"):
                # أوروغواي / الأوروغواي, بيرو / البيرو: news puts the article on a
                # one-word country name that has none
                # (only names of five letters or more: القطر is "the region", not Qatar)
                if " " not in canonical and len(canonical) >= 5 and canonical[:2] != _ARTICLE:
                    spellings.append(_ARTICLE + canonical)
    shared: dict[str, list[Entry]] = {}
    for (canonical, kind), spellings in by_canonical.items():
        plain = [s.lstrip("~") for s in spellings if not s.startswith("«")]
        keys = tuple(dict.fromkeys(k for k in map(key_of, plain) if k))
        entry = Entry(canonical, kind, keys, sources[(canonical, kind)])
        for key in keys:
            shared.setdefault(key, []).append(entry)
            # A curated spelling beats a CLDR one.
            if key not in table.entries or entry.source == "lexicon":
                table.entries[key] = entry
        for spelling in spellings:
            if spelling.startswith("«"):
                table.quoted[key_of(spelling.strip("«»"))] = entry
            elif spelling.startswith("~"):
                table.context_only[key_of(spelling[1:])] = entry
        for spelling in plain:
            key = key_of(spelling)
            if " " not in key and len(key) <= SHORT_KEY:
                table.exact[key] = table.exact.get(key, frozenset()) | {spelling_of(spelling)}
    for key, entries in shared.items():
        same_type = [e for e in entries if e.type == table.entries[key].type]
        if len({e.canonical for e in same_type}) > 1:
            table.homographs[key] = tuple(dict.fromkeys(same_type))
    table.countries = frozenset(
        key for key, entry in table.entries.items() if (entry.canonical, entry.type) in countries
    )
    table.platforms = frozenset(
        key for key, entry in table.entries.items() if (entry.canonical, entry.type) in platforms
    )
    return table


_COUNTRY_CODE = re.compile(r"territory:[A-Z]{2}")
# A national team is "منتخب" + its country's name: the key the team rule gives a country
# that names a team, and the canonical name its actor gets (extract.actors.resolve).
TEAM_HEAD = "منتخب"


def _with_clitics(key: str) -> Iterable[Hit | tuple[str, Hit]]:
    yield key, Hit(key, 0)
    if not ("\u0600" <= key[0] <= "\u06ff"):
        return
    for conj in _CONJUNCTIONS:
        for prep in _PREPOSITIONS:
            if conj or prep:
                if prep == "ل" and key.startswith(_ARTICLE):
                    yield conj + "ل" + key[1:], Hit(key, len(conj) + 1, absorbed=True)
                else:
                    yield conj + prep + key, Hit(key, len(conj) + len(prep))


def _build_surfaces(keys: Iterable[str]) -> Surfaces:
    hits: dict[str, Hit] = {}
    for key in keys:
        for surface, hit in _with_clitics(key):  # type: ignore[misc]
            previous = hits.get(surface)
            # A name written as it is beats the same letters read as clitic + other name.
            if previous is None or (previous.clitic and not hit.clitic):
                hits[surface] = hit
    prefixes = set()
    for surface in hits:
        at = surface.find(" ")
        while at >= 0:
            prefixes.add(surface[:at])
            at = surface.find(" ", at + 1)
    return Surfaces(hits, frozenset(prefixes))


def _phrase_index(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def _nisba_forms(phrase: tuple[str, ...]) -> list[tuple[str, ...]]:
    """الروسي -> الروسي, الروسيه, الروس, روسي, روسيه, الروسيون, الروسيين (match form)."""
    forms = [phrase, tuple(w + "ه" for w in phrase)]
    forms += [tuple(w + end for w in phrase) for end in ("ون", "ين")]
    indefinite = [tuple(w[2:] if w.startswith(_ARTICLE) else w for w in f) for f in forms]
    return forms + indefinite


@cache
def cues() -> Cues:
    """The cue tables of ``roles.tsv`` and ``nisba.tsv`` in match form."""
    kinds: dict[str, list[tuple[str, ...]]] = {}
    for row in _rows(ROLES_NAME):
        phrase = tuple(key_of(row[0]).split())
        if phrase:
            kinds.setdefault(row[1].strip(), []).append(phrase)
    nisba_place: dict[tuple[str, ...], str] = {}
    for row in _rows(NISBA_NAME):
        place = row[1].strip() if len(row) > 1 else ""
        for form in _nisba_forms(tuple(key_of(row[0]).split())):
            nisba_place.setdefault(form, place)

    def words(kind: str) -> frozenset[str]:
        return frozenset(" ".join(p) for p in kinds.get(kind, []))

    return Cues(
        titles=_phrase_index(kinds.get("title", [])),
        role_nouns=words("role_noun"),
        # each word of a modifier: المنتهية ولايته is read a word at a time
        modifiers=frozenset(w for p in kinds.get("modifier", []) for w in p),
        org_heads=words("org_head"),
        speech=words("speech"),
        stop=words("stop"),
        not_actor=words("not_actor"),
        nisba=_phrase_index(nisba_place),
        nisba_place=nisba_place,
        common=frozenset(row[0].strip() for row in _rows(COMMON_NAME)),
        generic=words("generic"),
        org_forms=words("org_form"),
        team_context=words("team_context"),
        club_context=words("team_context") | words("club_context"),
        competitions=words("competition"),
        national_team=words("national_team"),
        not_a_name=_phrase_index(kinds.get("not_a_name", [])),
        quantity=words("quantity"),
    )


def is_quote(form: str) -> bool:
    return form in _QUOTED

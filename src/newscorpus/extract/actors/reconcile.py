"""Where the statistical tagger meets the rules: its spans added, or reconciled with theirs.

A tagged span is kept where it overlaps nothing the gazetteer or the rules found and passes
the filters. Where it overlaps one candidate, the tagger settles boundaries, not identity
(``_reconcile``): a rule's run of words is cut or extended to the tagged name, a known name
inside a longer tagged one gives way to it, and a known name's head word (منظمة, وكالة) is
dropped when the tagger names what follows. A rule's organization that the tagger does not
touch at all is withdrawn.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from newscorpus.extract import ner as ner_sources
from newscorpus.extract.actors.gazetteer import gazetteer, is_quote
from newscorpus.extract.actors.reader import Reader
from newscorpus.models import ActorType, Sentence, Token

_IN_NAMES = frozenset({"-", ".", "'"})  # دايز - بيرغون, هشام ل. (initials)


def statistical_pass(
    reader: Reader,
    text: str,
    sentences: Sequence[Sentence],
    ner: str,
    spans: Sequence[ner_sources.Span] | None = None,
) -> None:
    """The tagger's spans (``spans``, when the caller tagged the document already)."""
    cue = reader.cue
    starts = [t.start for t in reader.tokens]
    source = ner_sources.source_name(ner)
    supported: set[int] = set()
    if spans is None:
        spans = ner_sources.statistical_spans(text, reader.tokens, sentences, ner)
    for start, end, kind in spans:
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_left(starts, end)
        if first < 0 or last <= first:
            continue
        if any(_breaks_name(reader.tokens[i]) for i in range(first, last)):
            continue  # رويترز) السفارة, بيونج يانغ ــ سيكونان: no name runs across these
        last = _before_cut_title(reader, first, last)
        overlapping = {reader.taken[i] for i in range(first, last)} - {-1}
        supported |= overlapping
        key = reader.span_key(first, last)
        words = key.split()
        if not words or len(key) < 3 or key in cue.not_actor or key in cue.stop:
            continue
        if words[0] in cue.titles or words[0] in cue.org_heads and len(words) == 1:
            continue
        if reader.phrase_at(first, cue.nisba) or key in cue.speech:
            continue
        if reader.currency_at(first, key):
            continue  # 250 ألف ريال: the currency, not the club
        if not overlapping:
            reader.add(first, last, kind, key, source, start=start)
        elif len(overlapping) == 1:
            _reconcile(reader, overlapping.pop(), first, last, kind, key, source, start)
    # A head word before common nouns (حركة السوق, لجنة النقل, مجلس إدارة الشركة) names an
    # organization far less often than it seems: on the NER dev part 35 of 37 such rule
    # spans the tagger did not touch were wrong. Quoted names (صحيفة «الأهرام») and names
    # followed by their acronym (مؤسسة الأبحاث الاستراتيجية (FRS)) stay.
    for index, candidate in enumerate(reader.found):
        if index in reader.tentative and index not in supported:
            reader.drop(index)  # a holder's name after a long post that the tagger missed
        elif (
            candidate.source == "rule"
            and candidate.type == "organization"
            and index not in supported
        ):
            named = is_quote(reader.form(candidate.first - 1)) or _acronym_at(
                reader, candidate.last
            )
            if not named:
                reader.drop(index)


def _before_cut_title(reader: Reader, first: int, last: int) -> int:
    """End of a tagged span before a title it cuts in two: the title is the next person's
    role (الناطق باسم البنتاجون الميجور جنرال بات رايدر: البنتاجون, not البنتاجون الميجور)."""
    for index in range(first + 1, last):
        size = reader.phrase_at(index, reader.cue.titles)
        if size and index + size > last:
            return index
    return last


def _acronym_at(reader: Reader, index: int) -> bool:
    """A Latin acronym in brackets: مؤسسة الأبحاث الاستراتيجية (FRS) names itself."""
    if reader.form(index) != "(" or reader.form(index + 2) != ")":
        return False
    token = reader.tokens[index + 1]
    letters = reader.text[token.start : token.end]
    return 2 <= len(letters) <= 8 and letters.isascii() and letters.isalpha() and letters.isupper()


def _breaks_name(token: Token) -> bool:
    return not token.is_word and token.match not in _IN_NAMES


def _reconcile(
    reader: Reader,
    candidate: int,
    first: int,
    last: int,
    kind: ActorType,
    key: str,
    source: str,
    start: int,
) -> None:
    """Settle a CRF span that overlaps one candidate of the gazetteer or the rules.

    The tagger learned where names end from annotated news, so its boundaries win over a
    rule's run of name-like words (وقال رومانو برودي اتفق -> رومانو برودي; حمدان بن محمد
    بن راشد آل مكتوم, which a rule cuts at four words), unless it only cuts off the end of
    a run a comma or a clause closes (وقال باسكال دايز-بيرغون، المتخصص). A known name
    keeps its identity unless the tagger read it as part of a longer name (جمهورية الصين,
    أمريكا اللاتينية, مطار دمشق الدولي, عبد الرحمن مودي); one that carried a head word
    loses the head (لوكالة فرانس برس -> فرانس برس, منظمة الأمم المتحدة -> الأمم المتحدة),
    as a person's title is kept apart.
    """
    found = reader.found[candidate]
    c_first, c_last, c_start = found.first, found.last, found.start
    c_kind, c_key, c_source, role = found.type, found.key, found.source, found.role
    if (c_first, c_last) == (first, last):
        # الشرق الأوسط the region or the newspaper, القدس the city or the daily: where the
        # lexicon knows an outlet of that name, the tagger's reading of the context picks.
        # A place's name can stand for a team, a club or a paper (رصيد روما, مباراة
        # اليونان, صحيفة القدس): a gazetteer cannot see that, the tagger reads it from the
        # context (on the NER dev part 7 of 9 such readings were right).
        outlet = gazetteer().quoted.get(c_key) if c_source == "gazetteer" else None
        team = (c_kind, kind) == ("place", "organization")
        if team or outlet is not None and kind == outlet.type != c_kind:
            reader.replace(candidate, first, last, kind, c_key, c_source, role, start=c_start)
        return
    if c_source == "rule":
        same = c_kind == kind
        if same and first == c_first and last < c_last and reader.ends_clause(c_last):
            return  # a run closed by a clause end is whole: وقال باسكال دايز-بيرغون، المتخصص
        if same and candidate in reader.tentative and c_first < first and last == c_last:
            return  # a holder's name starts where the post ends: the tagger read its first
            # word into the body (المتحدث باسم وزارة الخارجية بهرام قاسمي)
        reader.replace(
            candidate,
            first,
            last,
            kind,
            key,
            "rule" if same else source,
            role if same else None,
            start=start,
        )
    elif first <= c_first and c_last <= last:  # a longer name around a known one
        # A known person's one-word name can follow other given names (عبد الرحمن مودي
        # is not Modi), but is not followed by more name: هل يقبل كيم غصن الزيتون؟
        # A place inside an organization's name is common (جامعة القاهرة, شرطة دبي);
        # other changes of type are the tagger running on: بيونج يانغ ــ سيكونان حاضرين.
        same = c_kind == kind or (c_kind, kind) == ("place", "organization")
        one_word = c_kind == "person" and c_last - c_first == 1
        if same and not (one_word and last > c_last):
            reader.replace(candidate, first, last, kind, key, source, start=start)
    elif c_first <= first and last <= c_last and c_kind == kind:
        outside = [*range(c_first, first), *range(last, c_last)]
        if all(reader.word(i) in reader.cue.org_heads for i in outside):
            reader.replace(candidate, first, last, c_kind, c_key, c_source, role, start=start)

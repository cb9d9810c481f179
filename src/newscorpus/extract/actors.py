"""Actor recognition: who (person, organization, place) a document names, and where.

Three sources, in order of trust, each filling what the ones before left free:

1. the gazetteer (CLDR places + the curated lexicon, ``extract.gazetteer``), one
   Aho–Corasick pass over the tokens' match forms, proclitics included;
2. context rules over the tokens: a title before a name (الرئيس الروسي فلاديمير بوتين,
   الناطق باسم البنتاجون الميجور جنرال بات رايدر), a speech verb before one (وقال باسكال
   دايز-بيرغون، ...), a title after one (دارسي دراودت فيخاريس، الباحثة في ...), and the head of
   an organization's name (معهد «بروكينغز», مؤسسة الأبحاث الاستراتيجية, جامعة تولين);
3. a statistical tagger (the CRF of ``extract.crf``, or camel-tools' BERT when asked),
   whose spans are kept where they overlap nothing above and pass the filters. Where a
   span overlaps one candidate, the tagger settles boundaries, not identity (``_reconcile``):
   a rule's run of words is cut or extended to the tagged name, a known name inside a
   longer tagged one gives way to it, and a known name's head word (منظمة, وكالة) is
   dropped when the tagger names what follows. A rule's organization that the tagger
   does not touch at all is withdrawn.

Nisba adjectives (الروسي, الكوري الشمالي) after a title become part of the mention's role,
never actors. Mentions are then resolved to actors within the document (``aliases``).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from newscorpus.arabic import proclitic_width
from newscorpus.extract import aliases
from newscorpus.extract import ner as backends
from newscorpus.extract.actor_reader import CONNECTORS, MAX_NAME, Reader
from newscorpus.extract.gazetteer import cues, gazetteer, is_quote
from newscorpus.models import Mention, Sentence, Token

_COMMAS = frozenset({",", "،"})
_CLAUSE_ENDS = frozenset({",", ":", ".", ";", "?", "!", "(", ")", '"', "«", "»", "-"})
_IN_NAMES = frozenset({"-", ".", "'"})  # دايز - بيرغون, هشام ل. (initials)
_CLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"})
_THAT = frozenset({"ان", "انه", "انها", "انهم"})


def _gazetteer_pass(reader: Reader) -> None:
    table = gazetteer()
    tokens = reader.tokens
    parts: list[str] = []
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    position = 0
    previous_end = -1
    for index, token in enumerate(tokens):
        if parts:
            gap = reader.text[previous_end : token.start]
            parts.append("\n" if "\n" in gap else " ")
            position += 1
        starts[position] = index
        parts.append(token.match)
        position += len(token.match)
        ends[position] = index
        previous_end = token.end
    joined = "".join(parts)
    hits = []
    for last_char, hit in table.automaton.iter(joined):  # type: ignore[union-attr]
        first = starts.get(last_char - len(hit.key) - hit.clitic + 1 + (1 if hit.absorbed else 0))
        last = ends.get(last_char + 1)
        if first is not None and last is not None:
            hits.append((first, last + 1, hit))
    hits.sort(key=lambda h: (h[0], h[0] - h[1]))
    for first, last, hit in hits:
        entry = table.entries.get(hit.key)
        # «الشرق الأوسط» is the newspaper, الشرق الأوسط the region; «الجزيرة» the channel.
        if hit.key in table.quoted and _enclosed(reader, first, last):
            entry = table.quoted[hit.key]
        if entry is None or hit.key in reader.cue.not_actor or reader.has_tanween(last - 1):
            continue
        start = tokens[first].start
        if hit.clitic and not hit.absorbed:
            start += proclitic_width(reader.text, start, tokens[first].end, hit.clitic)
        reader.add(first, last, entry.type, hit.key, "gazetteer", start=start)


def _enclosed(reader: Reader, first: int, last: int) -> bool:
    """Tokens [first, last) in quotes, or a credit in parentheses: (الفرنسية), (الفرنسية -."""
    before, after = reader.form(first - 1), reader.form(last)
    return is_quote(before) and is_quote(after) or before == "(" and after in (")", "-")


def _role_text(reader: Reader, first: int, last: int) -> str:
    start = reader.tokens[first].start + reader._clitic_width(first)
    return reader.text[start : reader.tokens[last - 1].end]


def _title_pass(reader: Reader) -> None:
    cue = reader.cue
    found = reader.found
    index, count = 0, len(reader.tokens)
    while index < count:
        size = reader.phrase_at(index, cue.titles) if reader.taken[index] < 0 else 0
        if not size:
            index += 1
            continue
        end = index + size
        while end < count:  # the role goes on: nisba, modifier, org/place, another title
            taken = reader.taken[end]
            if taken >= 0 and found[taken][4] != "person":
                end = found[taken][1]
            elif step := reader.phrase_at(end, cue.nisba) or reader.phrase_at(end, cue.titles):
                end += step
            elif reader.word(end) in cue.modifiers:
                end += 1
            else:
                break
        role = _role_text(reader, index, end)
        name_at = end + 1 if reader.form(end) in _COMMAS else end
        taken = reader.taken[name_at] if name_at < count else -1
        attached = taken >= 0 and found[taken][0] == name_at and found[taken][4] == "person"
        if attached and found[taken][2] == reader.tokens[name_at].start:  # not بكيم
            found[taken] = found[taken][:7] + (found[taken][7] or role,)
        elif not attached:
            run_end = reader.name_run(name_at)
            if run_end - name_at >= 2:
                reader.add(name_at, run_end, "person", _key(reader, name_at, run_end), "rule", role)
        index = max(end, index + 1)


def _key(reader: Reader, first: int, last: int) -> str:
    words = [t.match for t in reader.tokens[first + 1 : last] if t.is_word]
    return " ".join([reader.tokens[first].stem, *words] if reader.tokens[first].is_word else words)


def _ends_clause(reader: Reader, index: int) -> bool:
    form = reader.form(index)
    if index >= len(reader.tokens) or form in _CLAUSE_ENDS or form in _COMMAS:
        return True
    if reader.word(index) in _THAT:
        return True
    return form in ("في", "فى") and (
        reader.word(index + 1) in reader.cue.org_heads or is_quote(reader.form(index + 1))
    )


def _surname_pass(reader: Reader) -> None:
    """Later mentions of a name found in full by the rules: دومولين, لدايز-بيرغون."""
    surnames = {
        c[5].split()[-1]: c[5]
        for c in reader.candidates()
        if c[4] == "person"
        and c[6] == "rule"
        and " " in c[5]
        and len(c[5].split()[-1]) > 2
        and not CONNECTORS.intersection(c[5].split())
    }
    if not surnames:
        return
    for index, token in enumerate(reader.tokens):
        if reader.taken[index] >= 0 or not token.is_word:
            continue
        for cut in (0, 1, 2):  # the tokenizer keeps unknown names whole: لدايز-بيرغون
            word = token.stem if cut == 0 else token.match[cut:]
            if word in surnames and (cut == 0 or token.match[:cut] in _CLITICS):
                start = token.start + proclitic_width(reader.text, token.start, token.end, cut)
                reader.add(index, index + 1, "person", word, "rule", start=start)
                break


def _speech_pass(reader: Reader) -> None:
    speech = reader.cue.speech
    for index in range(len(reader.tokens) - 2):
        if reader.word(index) in speech:
            run_end = reader.name_run(index + 1)
            if run_end - index - 1 >= 2 and _ends_clause(reader, run_end):
                reader.add(index + 1, run_end, "person", _key(reader, index + 1, run_end), "rule")


def _apposition_pass(reader: Reader) -> None:
    """NAME، الباحثة في ...: a run of name-like words closed by a comma and a title."""
    cue = reader.cue
    for comma, token in enumerate(reader.tokens):
        if token.match not in _COMMAS:
            continue
        role_after = reader.phrase_at(comma + 1, cue.titles)
        if not role_after and reader.word(comma + 1) not in cue.role_nouns:
            continue
        first = comma
        while first > 0 and comma - first < MAX_NAME and reader.name_like(first - 1):
            first -= 1
        while first < comma and not reader.name_like(first, first=True):
            first += 1
        if comma - first >= 2:
            reader.add(first, comma, "person", _key(reader, first, comma), "rule")


def _org_pass(reader: Reader) -> None:
    cue = reader.cue
    for index in range(len(reader.tokens) - 1):
        if reader.word(index) not in cue.org_heads or reader.taken[index] >= 0:
            continue
        end = _org_body(reader, index + 1)
        if end > index + 1 and is_quote(reader.form(index + 1)):
            # شركة "ياهو", معهد «بروكينغز»: the name is what the quotes hold; the head
            # word is its role, as for a known name in quotes after a head (مجلة «X»).
            role = _role_text(reader, index, index + 1)
            key = _key(reader, index + 2, end - 1)
            reader.add(index + 2, end - 1, "organization", key, "rule", role)
        elif end > index + 1:
            reader.add(index, end, "organization", _key(reader, index, end), "rule")


def _org_body(reader: Reader, index: int) -> int:
    """End of an organization's name whose head sits before ``index`` (index if none)."""
    cue = reader.cue
    if is_quote(reader.form(index)):  # معهد «بروكينغز», صحيفة "نيويورك تايمز"
        for close in range(index + 1, min(index + 7, len(reader.tokens))):
            if is_quote(reader.form(close)):
                inside = range(index + 1, close)
                if close > index + 1 and all(reader.taken[i] < 0 for i in inside):
                    return close + 1
                return index
        return index
    count = len(reader.tokens)
    start = index
    # منظمة حظر الأسلحة الكيمياوية: one indefinite noun may open a construct chain.
    if not reader.form(index).startswith("ال") and reader.form(index + 1).startswith("ال"):
        if _plain_word(reader, index) and _plain_word(reader, index + 1):
            start = index + 1
    end = start
    while end < min(start + 3, count):
        token = reader.tokens[end]
        # حزب العدالة والتنمية: one conjoined definite noun continues the name.
        joined = end > start and token.prefix == "و" and token.stem.startswith("ال")
        if not (_plain_word(reader, end) or joined and reader.taken[end] < 0):
            break
        if not token.stem.startswith("ال") or reader.phrase_at(end, cue.nisba):
            break
        end += 1
        if joined:
            break
    if end > start:
        while end < count and reader.taken[end] < 0 and (nisba := reader.phrase_at(end, cue.nisba)):
            end += nisba
        return end
    while end < index + 2 and reader.name_like(end, first=end == index):
        if reader.form(end).endswith("ه"):  # مؤسسة مصرفية, مجلس إدارة: not a name
            break
        end += 1
    return end


def _plain_word(reader: Reader, index: int) -> bool:
    """A free word with no proclitic that is not a stop word: part of a name's body."""
    if not (0 <= index < len(reader.tokens)) or reader.taken[index] >= 0:
        return False
    token, cue = reader.tokens[index], reader.cue
    return (
        token.is_word
        and not token.prefix
        and token.stem not in cue.stop
        and token.stem not in cue.not_actor
        and not any(c.isdigit() for c in token.match)
    )


def _crf_pass(reader: Reader, text: str, sentences: Sequence[Sentence], ner: str) -> None:
    cue = reader.cue
    starts = [t.start for t in reader.tokens]
    source = backends.source_name(ner)
    supported: set[int] = set()
    for start, end, kind in backends.statistical_spans(text, reader.tokens, sentences, ner):
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_left(starts, end)
        if first < 0 or last <= first:
            continue
        if any(_breaks_name(reader.tokens[i]) for i in range(first, last)):
            continue  # رويترز) السفارة, بيونج يانغ ــ سيكونان: no name runs across these
        last = _before_cut_title(reader, first, last)
        overlapping = {reader.taken[i] for i in range(first, last)} - {-1}
        supported |= overlapping
        key = _key(reader, first, last)
        words = key.split()
        if not words or len(key) < 3 or key in cue.not_actor or key in cue.stop:
            continue
        if words[0] in cue.titles or words[0] in cue.org_heads and len(words) == 1:
            continue
        if reader.phrase_at(first, cue.nisba) or key in cue.speech:
            continue
        if not overlapping:
            reader.add(first, last, kind, key, source, start=start)
        elif len(overlapping) == 1:
            _reconcile(reader, overlapping.pop(), first, last, kind, key, source, start)
    # A head word before common nouns (حركة السوق, لجنة النقل, مجلس إدارة الشركة) names an
    # organization far less often than it seems: on the NER dev part 35 of 37 such rule
    # spans the tagger did not touch were wrong. Quoted names (صحيفة «الأهرام») and names
    # followed by their acronym (مؤسسة الأبحاث الاستراتيجية (FRS)) stay.
    for index, candidate in enumerate(reader.found):
        if candidate[6] == "rule" and candidate[4] == "organization" and index not in supported:
            named = is_quote(reader.form(candidate[0] - 1)) or _acronym_at(reader, candidate[1])
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
    kind: str,
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
    c_first, c_last, c_start, _, c_kind, c_key, c_source, role = reader.found[candidate]
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
        if same and first == c_first and last < c_last and _ends_clause(reader, c_last):
            return  # a run closed by a clause end is whole: وقال باسكال دايز-بيرغون، المتخصص
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


def extract_mentions(
    text: str,
    tokens: Sequence[Token],
    sentences: Sequence[Sentence],
    paragraph_of: Callable[[int], int] | None = None,
    ner: str = "auto",
) -> list[Mention]:
    """Actor mentions of a document, sorted by start, resolved to in-document actors.

    ``text`` is the cleaned document text; ``tokens`` and ``sentences`` cover the analyzed
    paragraphs. ``ner`` picks the statistical source: "auto" (the CRF when its model is
    installed), "crf", "camel" (camel-tools' BERT NER; raises ResourceMissing when its data
    is not installed) or "none".
    """
    reader = Reader(text, tokens, cues())
    _gazetteer_pass(reader)
    _title_pass(reader)
    _speech_pass(reader)
    _apposition_pass(reader)
    _org_pass(reader)
    if ner != "none":
        _crf_pass(reader, text, sentences, ner)
    _surname_pass(reader)
    paragraph = paragraph_of or _paragraph_lookup(sentences)
    mentions = [
        Mention(start, end, text[start:end], kind, paragraph(start), key, None, role, source)
        for _, _, start, end, kind, key, source, role in sorted(
            reader.candidates(), key=lambda c: c[2]
        )
    ]
    return aliases.resolve_mentions(mentions)


def _paragraph_lookup(sentences: Sequence[Sentence]) -> Callable[[int], int]:
    starts = [s.start for s in sentences]

    def paragraph(offset: int) -> int:
        at = bisect.bisect_right(starts, offset) - 1
        return sentences[at].paragraph if at >= 0 else 0

    return paragraph

"""The actor rules: the gazetteer pass and the context rules over one document's tokens.

Each pass adds candidates to the ``Reader`` where no earlier one took the tokens:

1. the gazetteer (CLDR places + the curated lexicon, ``gazetteer``), one Aho–Corasick pass
   over the tokens' match forms, proclitics included;
2. a title before a name (الرئيس الروسي فلاديمير بوتين, الناطق باسم البنتاجون الميجور جنرال
   بات رايدر), a speech verb before one (وقال باسكال دايز-بيرغون، ...), a title after one
   (دارسي دراودت فيخاريس، الباحثة في ...), and the head of an organization's name (معهد
   «بروكينغز», مؤسسة الأبحاث الاستراتيجية, جامعة تولين);
3. later mentions of a surname the rules found in full (``surname_pass``, run last).

Nisba adjectives (الروسي, الكوري الشمالي) after a title become part of the mention's role,
never actors.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from newscorpus.arabic import COMMAS, is_whole_word, proclitic_width
from newscorpus.extract.actors.gazetteer import (
    TEAM_HEAD,
    cues,
    gazetteer,
    is_quote,
    key_of,
    spelled_as_listed,
)
from newscorpus.extract.actors.reader import MAX_NAME, Reader
from newscorpus.extract.identity import NAME_CONNECTORS
from newscorpus.models import ActorType, Sentence

_CLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"})


def gazetteer_pass(reader: Reader) -> None:
    table = gazetteer()
    tokens = reader.tokens
    surfaces = table.surfaces
    known, prefixes = surfaces.hits, surfaces.prefixes
    text = reader.text
    # A name is a run of whole tokens: their match forms joined by a space, never over a
    # line break (the keys hold none). From each token, runs grow while they open a key.
    hits = []
    count = len(tokens)
    for first, token in enumerate(tokens):
        written = token.match
        last = first
        while True:
            hit = known.get(written)
            if hit is not None:
                hits.append((first, last + 1, hit))
            if written not in prefixes or last + 1 >= count:
                break
            following = tokens[last + 1]
            if "\n" in text[tokens[last].end : following.start]:
                break
            written = f"{written} {following.match}"
            last += 1
    hits.sort(key=lambda h: (h[0], h[0] - h[1]))
    for first, last, hit in hits:
        entry = table.entries.get(hit.key)
        # «الشرق الأوسط» is the newspaper, الشرق الأوسط the region; «الجزيرة» the channel.
        if hit.key in table.quoted and _enclosed(reader, first, last):
            entry = table.quoted[hit.key]
        if entry is None or hit.key in reader.cue.not_actor or reader.has_tanween(last - 1):
            continue
        if hit.clitic and last - first == 1 and is_whole_word(tokens[first].match):
            continue  # كواليس "backstage" is no ك + واليس (Wallis); وجزر المالديف stays
        if reader.currency_at(first, hit.key):
            continue  # 20 ألف ريال: the currency, not ريال مدريد
        start = tokens[first].start
        if hit.clitic and not hit.absorbed:
            start += proclitic_width(reader.text, start, tokens[first].end, hit.clitic)
        surface = reader.text[start : tokens[last - 1].end]
        if not hit.absorbed and not spelled_as_listed(table, hit.key, surface):
            continue  # وأم is not وام, جده is not جدة
        reader.add(first, last, entry.type, hit.key, "gazetteer", start=start)


def _enclosed(reader: Reader, first: int, last: int) -> bool:
    """Tokens [first, last) in quotes, or a credit in parentheses: (الفرنسية), (الفرنسية -."""
    before, after = reader.form(first - 1), reader.form(last)
    return is_quote(before) and is_quote(after) or before == "(" and after in (")", "-")


def title_pass(reader: Reader) -> None:
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
            if taken >= 0 and found[taken].type != "person":
                end = found[taken].last
            elif step := reader.phrase_at(end, cue.nisba) or reader.phrase_at(end, cue.titles):
                end += step
            elif reader.word(end) in cue.modifiers:
                end += 1
            else:
                break
        role = reader.role_text(index, end)
        name_at = end + 1 if reader.form(end) in COMMAS else end
        taken = reader.taken[name_at] if name_at < count else -1
        attached = taken >= 0 and found[taken].first == name_at and found[taken].type == "person"
        if attached and found[taken].start == reader.tokens[name_at].start:  # not بكيم
            found[taken] = replace(found[taken], role=found[taken].role or role)
        elif not attached:
            run_end = _holder_end(reader, name_at)
            tentative = False
            if run_end - name_at < 2 and (far := _post_end(reader, end)) > end:
                # وزيرة الدولة لشؤون الإعلام الناطقة الرسمية باسم الحكومة جمانة غنيمات
                name_at = far + 1 if reader.form(far) in COMMAS else far
                run_end = _holder_end(reader, name_at)
                if run_end - name_at >= 2:
                    role = reader.role_text(index, far)
                    # the sentence may go on (قدم رئيس الوفد اعتذارا شفهيا): unless punctuation
                    # or أن closes the name, the tagger must see a name there too
                    tentative = not reader.ends_clause(run_end)
            if run_end - name_at >= 2 and reader.add(
                name_at, run_end, "person", reader.span_key(name_at, run_end), "rule", role
            ):
                if tentative:
                    reader.tentative.add(len(reader.found) - 1)
        index = max(end, index + 1)


def _complement(reader: Reader, index: int) -> bool:
    """A definite noun with no proclitic, free, not a stop word (الإعلام، الانتخابات)."""
    if not (0 <= index < len(reader.tokens)) or reader.taken[index] >= 0:
        return False
    token = reader.tokens[index]
    return (
        token.is_word
        and not token.prefix
        and token.stem.startswith("ال")
        and token.stem not in reader.cue.stop
    )


def _holder_end(reader: Reader, name_at: int) -> int:
    """End of the name of a title's holder starting at ``name_at`` (name_at if none)."""
    run_end = reader.name_run(name_at)
    if 1 <= run_end - name_at <= 2 and reader.family_name(run_end):
        run_end += 1  # وزير الداخلية اللبناني نهاد المشنوق
    taken = reader.taken[run_end] if run_end < len(reader.tokens) else -1
    if taken >= 0 and reader.found[taken].type == "person":
        if reader.found[taken].last - reader.found[taken].first == 1:
            return name_at  # جيم يونغ كيم, where the lexicon took كيم: one name, the tagger's
    return run_end  # اتهم ستيفن منوشين حسن نصر الله: two people


POST_WORDS = 8  # words a post's complement may run to after its title


def _post_end(reader: Reader, end: int) -> int:
    """The end of the words of a post that go on after its title (``end``), when a
    holder's name of two words or more follows them: definite nouns and nisbas (الدولة،
    الإعلام، الرسمي), a ل-word (لشؤون), باسم, names of bodies and places, more titles
    (والناطق الرسمي باسم الحكومة), a noun before its definite complement (مفوضية
    الانتخابات). ``end`` when no name follows."""
    cue, found, count = reader.cue, reader.found, len(reader.tokens)
    at = end
    while at < count and at - end < POST_WORDS:
        taken = reader.taken[at]
        token = reader.tokens[at]
        if taken >= 0:
            if found[taken].type == "person":
                return end
            if (
                found[taken].type == "place"
                and not token.prefix
                and at > end
                and reader.word(at - 1).startswith("ال")
            ):
                return end  # وزير المخابرات إسرائيل كاتس: no genitive after a definite noun
            at = found[taken].last
        elif step := reader.phrase_at(at, cue.titles) or reader.phrase_at(at, cue.nisba):
            at += step
        elif reader.word(at) in cue.modifiers or reader.word(at) == "باسم":
            at += 1
        elif token.is_word and token.prefix in ("", "ل") and token.stem.startswith("ال"):
            if token.stem in cue.stop:
                return end
            at += 1
        elif (
            token.is_word
            and token.prefix in ("", "ل")
            and token.stem not in cue.stop
            and _complement(reader, at + 1)
        ):
            at += 1  # لشؤون الإعلام، مفوضية الانتخابات: a noun and its complement
        else:
            return end
        name_at = at + 1 if reader.form(at) in COMMAS else at
        run_end = _holder_end(reader, name_at)
        if run_end - name_at >= 2:
            if run_end - name_at >= MAX_NAME - 1 and reader.name_like(run_end):
                return end  # the name may go on (إيناسيو لويس لولا دا سيلفا): the tagger's
            return at if _plain_name(reader, name_at, run_end) else end
    return end


_PRONOUNS = ("ه", "ها", "هم", "هما")
_SUFFIXES = ("ا", "يه", *_PRONOUNS)  # accusative alef, pronouns: مهاما، دعمه


def _plain_name(reader: Reader, first: int, last: int) -> bool:
    """Whether tokens ``[first, last)`` after a long post read as a name, not the
    sentence going on (مهاما فخرية، دعمه لي، لكرة القدم، معروف بتأييده): no proclitic,
    no common word (also without an accusative alef or a pronoun), and no first word
    written with ل or ب before a definite one."""
    cue = reader.cue
    for index in range(first, last):
        token = reader.tokens[index]
        if token.prefix:
            return False
        stem = token.stem
        stripped = {stem[: -len(end)] for end in _SUFFIXES if stem.endswith(end)}
        forms = {stem} | {f for f in stripped if len(f) >= 3}
        forms |= {f[:-1] + "ه" for f in forms if f.endswith("ت")}  # ولايته: ولاية + ه
        unpronounced = {stem[: -len(end)] for end in _PRONOUNS if stem.endswith(end)}
        if forms & cue.common or (forms | unpronounced) & cue.stop:  # عنهما: عن + هما
            return False
    written = reader.text[reader.tokens[first].start]
    return not (
        written in "لب" and last - first == 2 and reader.tokens[first + 1].stem.startswith("ال")
    )


def prefix_pass(reader: Reader) -> None:
    """Give a name back the first letter a proclitic analysis took from it.

    A name does not follow the future particle (سيرينا ويليامز is not س + يرينا), a
    name's first word is no function word (بان كي مون is not ب + ان كي مون), a word
    the name list knows whole (وليد فارس) keeps its first letter, and so does a foreign
    name written with و for its W sound (ويست هام، واتفورد، ويغان: و then a bare alef, ي
    or و) that the article writes so more than once and never without its و, when the
    rest is no known name, place or common word (ويورغن كلوب after يورغن كلوب,
    ووحدات حماية الشعب, والسعودية and وأندرسون are و + a name). A name the tagger found
    after ك alone keeps the ك (كاريوس، كالياري، كمال); one the lexicon matched does not
    (كحزب الله). So does one after ف and what looks like the article (فالنسيا), when the
    rest is no common word and the article never writes it without the ف.
    """
    from newscorpus.arabic.clitics import FUNCTION_STEMS
    from newscorpus.extract.ner.features import gazetteer as ner_places
    from newscorpus.extract.ner.features import names

    known = names()
    places, cores = ner_places()
    common = reader.cue.common
    with_waw: Counter[str] = Counter()
    alone: set[str] = set()
    for token in reader.tokens:
        if token.prefix == "و":
            with_waw[token.stem] += 1
        elif not token.prefix:
            alone.add(token.match)
    for index, found in enumerate(reader.found):
        token = reader.tokens[found.first]
        if index in reader.dropped or not token.prefix or found.start <= token.start:
            continue
        whole, stem = token.match, token.stem
        w_sound = (
            token.prefix == "و"
            and reader.text[found.start : found.start + 1] in ("ا", "ي", "و")
            and not stem.startswith("ال")
            and with_waw[stem] >= 2
            and stem not in alone
            and not {stem} & (known.keys() | places.keys() | cores | common)
        )
        # ك "like" seldom opens a name the tagger found (كاريوس، كالياري، كلاوس، كمال
        # كيليجدار أوغلو are not ك + اريوس ...): its letter goes back; a name the lexicon
        # matched after it keeps the split (كحزب الله، كفرنسا)
        k_sound = token.prefix == "ك" and found.source == "crf"
        # a name written with ف then what looks like the article (فالنسيا، فالكاو): the
        # tagger's name after ف + ال, when the rest is no common word and the article never
        # writes it without the ف (فالحكومة، فالمرصد are ف + a word)
        f_sound = (
            token.prefix == "ف"
            and found.source == "crf"
            and stem.startswith("ال")
            and stem not in alone
            and stem[2:] not in common
            and stem not in common
        )
        if (
            "س" in token.prefix
            or stem in FUNCTION_STEMS
            or whole in known
            or w_sound
            or k_sound
            or f_sound
        ):
            key = " ".join([whole, *found.key.split()[1:]])
            reader.replace(
                index, found.first, found.last, found.type, key, found.source, found.role,
                start=token.start,
            )  # fmt: skip


# A country's name after these is a venue or part of an event's name, not a team.
_VENUE = frozenset(
    {"في", "فى", "من", "الي", "مونديال", "المونديال", "كاس", "بطوله", "نهائيات", "رالي"}
    | {"سباق", "جائزه", "دوره", "العاب"}
)


def team_pass(reader: Reader, sentences: Sequence[Sentence]) -> None:
    """A country named in a sentence about sport is its national team (وأنهت كرواتيا
    مغامرة روسيا), unless it is where the game is (في روسيا، مونديال روسيا) or a club's
    country (ليفسكي صوفيا (بلغاريا)); names joined by و share the first one's reading
    (في اندونيسيا وماليزيا وفيتنام: all venues). A club's short name the lexicon only
    trusts in context (~الهلال) is the club in such a sentence."""
    table = gazetteer()
    countries = table.countries
    clubs = [c.key in table.context_only for c in reader.found]
    if not any(c.key in countries for c in reader.found) and not any(clubs):
        return
    sentence_starts = [s.start for s in sentences]
    context = reader.cue.team_context
    sport = {  # the sentences that speak of a match
        bisect.bisect_right(sentence_starts, t.start) - 1
        for t in reader.tokens
        if t.stem in context
    }
    club_sport = {  # and those that speak of club football
        bisect.bisect_right(sentence_starts, t.start) - 1
        for t in reader.tokens
        if t.stem in reader.cue.club_context
    }
    previous_end, previous_team = -1, False
    for index in sorted(range(len(reader.found)), key=lambda i: reader.found[i].first):
        found = reader.found[index]
        if clubs[index] and index not in reader.dropped and found.type == "organization":
            at = bisect.bisect_right(sentence_starts, found.start) - 1
            if at in club_sport:  # الهلال in a sentence about a match: the club
                entry = table.context_only[found.key]
                reader.replace(
                    index, found.first, found.last, found.type, key_of(entry.canonical),
                    found.source, found.role, start=found.start,
                )  # fmt: skip
            continue
        if index in reader.dropped:
            continue
        if found.type == "organization" and found.key in countries:
            # The tagger read a country's name as an organization: in an article about
            # sport, its team (وتبدأ البرازيل مشوارها; the tagger reads a match from more
            # words than the context list holds); elsewhere the state, a place (التقى
            # بزعيم كوريا الديمقراطية، بالتنسيق مع كوريا الجنوبية).
            kind: ActorType = "organization" if sport and _team_name(found.key) else "place"
            key = f"{TEAM_HEAD} {found.key}" if kind == "organization" else found.key
            reader.replace(
                index, found.first, found.last, kind, key, found.source, found.role,
                start=found.start,
            )  # fmt: skip
            previous_end, previous_team = found.last, kind == "organization"
            continue
        if found.type != "place":
            continue
        token = reader.tokens[found.first]
        head = found.first - 1
        if found.key in countries and reader.word(head) == TEAM_HEAD and reader.taken[head] < 0:
            # منتخب انكلترا: the team's name, whatever the sentence
            reader.replace(
                index, head, found.last, "organization", f"{TEAM_HEAD} {found.key}",
                found.source, found.role,
            )  # fmt: skip
            previous_end, previous_team = found.last, True
            continue
        if found.first == previous_end and "و" in token.prefix:
            team = previous_team
        else:
            at = bisect.bisect_right(sentence_starts, found.start) - 1
            team = _team_name(found.key) and at in sport
            team = team and not (
                "ب" in token.prefix
                or reader.word(found.first - 1) in _VENUE
                or reader.form(found.first - 1) == "("
                and reader.form(found.last) == ")"
            )
        previous_end, previous_team = found.last, team
        if team and found.key in countries:
            reader.replace(
                index, found.first, found.last, "organization", f"{TEAM_HEAD} {found.key}",
                found.source, found.role, start=found.start,
            )  # fmt: skip


# Heads of a state body that, with a nisba, name one institution (الجيش التركي، مجلس
# الوزراء السعودي، وزارة الخارجية الروسية); الحكومة، الشرطة، القوات with a nisba stay
# generic.
_INSTITUTIONS = frozenset(
    {"الجيش", "المنتخب", "البرلمان", "مجلس", "وزاره", "البنك", "الاستخبارات", "المخابرات"}
    | {"جهاز"}
    | {"البحريه", "الخارجيه", "الداخليه", "الدفاع", "الرئاسه", "الكونغرس", "الكونجرس"}
)


def _team_name(key: str) -> bool:
    """A country's name a team goes by: its short name (روسيا, كوريا الجنوبية), not an
    official form (روسيا الاتحادية، المملكة المغربية) that names the state."""
    table = gazetteer()
    if key not in table.countries:
        return False
    return " " not in key or key_of(table.entries[key].canonical) == key


def institution_pass(reader: Reader) -> None:
    """A state body named by its head, up to two words of its name and a nisba: الجيش
    التركي، مجلس الوزراء السوداني، المنتخب الدنماركي (the team: منتخب الدنمارك)."""
    cue = reader.cue
    for index, token in enumerate(reader.tokens):
        if reader.taken[index] >= 0 or token.stem not in _INSTITUTIONS:
            continue
        if reader.phrase_at(index - 1, reader.cue.titles) or reader.word(index - 1) in (
            reader.cue.role_nouns
        ):
            continue  # وزير الداخلية اللبناني: a title, the person's name follows
        end = index + 1  # the name's definite words: مجلس الوزراء، وزارة الخارجية
        while (
            end < min(index + 3, len(reader.tokens))
            and reader.taken[end] < 0
            and reader.word(end).startswith("ال")
            and not reader.phrase_at(end, cue.nisba)
        ):
            end += 1
        size = reader.phrase_at(end, cue.nisba) if end < len(reader.tokens) else 0
        last = end + size
        if not size or any(reader.taken[k] >= 0 for k in range(index, last)):
            continue
        key = reader.span_key(index, last)
        place = cue.nisba_place.get(tuple(reader.form(k) for k in range(end, last)))
        if not place or key_of(place) not in gazetteer().countries:
            continue  # الملاحة البحرية الدولية: no country, no state body
        if token.stem == "المنتخب" and end == index + 1 and place:
            if reader.form(last - 1).endswith("ه"):
                continue  # المنتخب المغربية: the newspaper (صحيفة المنتخب), not the team
            key = f"{TEAM_HEAD} {key_of(place)}"
        reader.add(index, last, "organization", key, "rule")


def first_name_pass(reader: Reader) -> None:
    """A first name that is also a nisba, before a family name: تركي المالكي, تركي آل
    الشيخ (تركي is "Turkish" too, and the tagger leaves it out)."""
    from newscorpus.extract.ner.features import names

    known = names()
    for index, found in enumerate(reader.found):
        before = found.first - 1
        if index in reader.dropped or found.type != "person" or before < 0:
            continue
        token, head = reader.tokens[before], reader.tokens[found.first]
        if reader.taken[before] >= 0 or not token.is_word or token.prefix:
            continue
        family = head.stem.startswith("ال") or head.match == "ال"
        if (
            family
            and known.get(token.match) == "PERS"
            and reader.phrase_at(before, reader.cue.nisba)
        ):
            key = " ".join([token.match, *found.key.split()])
            reader.replace(index, before, found.last, "person", key, found.source, found.role)


# Before a platform's name, these make it where something was posted or seen.
_ON = frozenset({"علي", "عبر", "في", "فى", "خلال", "موقع", "منصه", "حساب", "حسابه", "حسابها"})


def competition_pass(reader: Reader) -> None:
    """A place right after a word that opens a competition's name is part of that name,
    no actor: دوري أبطال أوروبا، كأس آسيا، لكأس أمم أفريقيا، بطولة فرنسا المفتوحة (the
    ``competition`` words of roles.tsv, read without their proclitics)."""
    competitions = reader.cue.competitions
    for index, found in enumerate(reader.found):
        if (
            index not in reader.dropped
            and found.type == "place"
            and reader.word(found.first - 1) in competitions
        ):
            reader.drop(index)


def common_phrase_pass(reader: Reader) -> None:
    """No mention overlaps words that are no name together (``not_a_name`` of roles.tsv):
    الرباط الصليبي is a ligament, ليل الخميس Thursday night."""
    table = reader.cue.not_a_name
    blocked: set[int] = set()
    for index in range(len(reader.tokens)):
        if reader.word(index) in table:
            size = reader.phrase_at(index, table)
            blocked.update(range(index, index + size))
    if not blocked:
        return
    for index, found in enumerate(reader.found):
        if index not in reader.dropped and blocked.intersection(range(found.first, found.last)):
            reader.drop(index)


def hashtag_pass(reader: Reader) -> None:
    """A first name before its person's hashtag is that person, not one of its own: in
    الرئيس الأميركي دونالد #ترمب the tagger reads دونالد as a name, the lexicon #ترمب as
    Donald Trump; دونالد stays a mention (the ANT gold tags both words) of Donald Trump."""
    table = gazetteer()
    by_first = {c.first: n for n, c in enumerate(reader.found) if n not in reader.dropped}
    for index, found in enumerate(reader.found):
        if index in reader.dropped or found.type != "person" or found.last - found.first != 1:
            continue
        if reader.form(found.last) != "#":
            continue
        tagged = by_first.get(found.last + 1)
        if tagged is None or reader.found[tagged].type != "person":
            continue
        entry = table.entries.get(reader.found[tagged].key)
        full = key_of(entry.canonical).split() if entry is not None else []
        if entry is not None and len(full) > 1 and full[0] == found.key:
            reader.replace(
                index, found.first, found.last, found.type, " ".join(full), found.source,
                found.role, start=found.start,
            )  # fmt: skip


def platform_pass(reader: Reader) -> None:
    """A platform named as a medium is no actor: نشر على تويتر، عبر فيسبوك، بحسابه في
    إنستغرام (the company that acts stays: قالت فيسبوك)."""
    platforms = gazetteer().platforms
    for index, found in enumerate(reader.found):
        if index in reader.dropped or found.key not in platforms:
            continue
        token = reader.tokens[found.first]
        before = [reader.word(k) for k in range(max(found.first - 4, 0), found.first)]
        if (
            "ب" in token.prefix
            or reader.word(found.first - 1) in _ON
            or (
                # عبر موقع التواصل الاجتماعي "فيسبوك"
                reader.form(found.first - 1) == '"' and _ON.intersection(before)
            )
        ):
            reader.drop(index)


def boundary_pass(reader: Reader) -> None:
    """Words a name's span took that are not the name.

    A weekday after any name (جوزيب بوريل الأربعاء, أتلتيكو مدريد الخميس); an
    organization's class noun when the rest is a name by itself (وكالة رويترز -> رويترز,
    حزب الاتحاد الديمقراطي المسيحي -> the known party, but وكالة الأنباء السعودية stays
    whole); a nisba after a known organization or person (ريال مدريد الإسباني, بان كي مون
    الكوري), where the name without it is the lexicon's.
    """
    from newscorpus.extract.dates.lexicon import lexicon as date_lexicon

    weekdays = date_lexicon().weekdays
    table = gazetteer()
    entries = table.entries
    cue = reader.cue
    for index, found in enumerate(reader.found):
        if index in reader.dropped:
            continue
        first, last = found.first, found.last
        while last - first > 1 and reader.word(last - 1) in weekdays:
            last -= 1
        rest = reader.span_key(first + 1, last) if last - first > 1 else ""
        if (
            found.type == "organization"
            and reader.word(first) in cue.org_forms
            and rest
            and (getattr(entries.get(rest), "type", None) == "organization" or _bare_name(rest))
        ):
            first += 1
        for size in range(1, min(3, last - first)) if found.type != "place" else ():
            nisba = tuple(reader.form(k) for k in range(last - size, last))
            body = entries.get(reader.span_key(first, last - size))
            country = key_of(cue.nisba_place.get(nisba, ""))
            if country in table.countries and body is not None and body.type == found.type:
                last -= size  # a country's nisba after a known name; مجلس الأمن الدولي stays
                break
        if (first, last) != (found.first, found.last):
            key = reader.span_key(first, last)
            if first != found.first and (key in table.context_only or key not in entries):
                key = reader.span_key(found.first, last)  # known by the full name: تنظيم القاعدة
            reader.replace(index, first, last, found.type, key, found.source, found.role)


def _bare_name(key: str) -> bool:
    """A name by itself after a class noun (تاس, فولكس فاغن), not the rest of a
    descriptive name (حقوق الإنسان, الأنباء السعودية): one or two words, the first neither
    definite nor a common word."""
    words = key.split()
    return len(words) <= 2 and not words[0].startswith("ال") and words[0] not in cues().common


def document_pass(reader: Reader) -> None:
    """Names the document gives elsewhere, found again where they stand untagged.

    A name of two words or more, or one word the common-word list does not hold, that a
    source found in one place is a name in all of its places in the same article (the
    tagger saw one sentence's context, the article gives them all).
    """
    from newscorpus.arabic.clitics import lexicon

    cue, common = reader.cue, lexicon()
    names: dict[tuple[str, ...], ActorType] = {}
    for found in reader.candidates():
        words = tuple(found.key.split())
        if not words or len(found.key) < 3 or found.key in cue.common:
            continue
        if len(words) == 1 and (
            words[0] in common
            or words[0] in cue.stop
            or words[0] in cue.titles
            or words[0] in cue.role_nouns
            or len(words[0]) < 4
        ):
            continue  # a single common word (مشهد، آمنة), a title, a short word: not spread
        names.setdefault(words, found.type)
    if not names:
        return
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(names, key=len, reverse=True):
        by_first.setdefault(words[0], []).append(words)
    taken, tokens = reader.taken, reader.tokens
    for index in [i for i, t in enumerate(tokens) if t.stem in by_first and t.is_word]:
        if taken[index] >= 0:
            continue  # taken, or inside a name this pass just found
        for words in by_first[tokens[index].stem]:
            last = index + len(words)
            if last <= len(tokens) and all(
                taken[k] < 0 and reader.form(k) == w for k, w in enumerate(words[1:], index + 1)
            ):
                reader.add(index, last, names[words], " ".join(words), "rule")
                break


def surname_pass(reader: Reader) -> None:
    """Later mentions of a person's name given in full: دومولين, لدايز-بيرغون, ظريف (a
    surname with the article only from a name the rules or the lexicon found: the
    tagger's خادم الحرمين الشريفين does not make every الشريفين a person)."""
    cue = reader.cue
    surnames = {
        c.key.split()[-1]: c.key
        for c in reader.candidates()
        if c.type == "person"
        and (c.source in ("rule", "gazetteer") or not c.key.split()[-1].startswith("ال"))
        and " " in c.key
        and len(c.key.split()[-1]) > 3  # علي in آبي أحمد علي is every على of the text
        and c.key.split()[-1] not in cue.common
        and c.key.split()[-1] not in cue.stop
        and not NAME_CONNECTORS.intersection(c.key.split())
    }
    if not surnames:
        return
    for index, token in enumerate(reader.tokens):
        if reader.taken[index] >= 0 or not token.is_word:
            continue
        for cut in (0, 1, 2):  # the tokenizer keeps unknown names whole: لدايز-بيرغون
            word = token.stem if cut == 0 else token.match[cut:]
            if word in surnames and (cut == 0 or token.match[:cut] in _CLITICS):
                # the stem: after the proclitics the tokenizer took (بواينستين; the reader
                # keeps للأسد whole), or after the letters cut off here
                start = (
                    None
                    if cut == 0
                    else token.start + proclitic_width(reader.text, token.start, token.end, cut)
                )
                reader.add(index, index + 1, "person", word, "rule", start=start)
                break


def speech_pass(reader: Reader) -> None:
    speech = reader.cue.speech
    for index in range(len(reader.tokens) - 2):
        if reader.word(index) in speech:
            run_end = reader.name_run(index + 1)
            if run_end - index - 1 >= 2 and reader.ends_clause(run_end):
                reader.add(
                    index + 1, run_end, "person", reader.span_key(index + 1, run_end), "rule"
                )


def apposition_pass(reader: Reader) -> None:
    """NAME، الباحثة في ...: a run of name-like words closed by a comma and a title."""
    cue = reader.cue
    for comma, token in enumerate(reader.tokens):
        if token.match not in COMMAS:
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
            reader.add(first, comma, "person", reader.span_key(first, comma), "rule")


def org_pass(reader: Reader) -> None:
    cue = reader.cue
    for index in range(len(reader.tokens) - 1):
        if reader.word(index) not in cue.org_heads or reader.taken[index] >= 0:
            continue
        end = _org_body(reader, index + 1)
        if end > index + 1 and is_quote(reader.form(index + 1)):
            # شركة "ياهو", معهد «بروكينغز»: the name is what the quotes hold; the head
            # word is its role, as for a known name in quotes after a head (مجلة «X»).
            role = reader.role_text(index, index + 1)
            key = reader.span_key(index + 2, end - 1)
            reader.add(index + 2, end - 1, "organization", key, "rule", role)
        elif end > index + 1:
            reader.add(index, end, "organization", reader.span_key(index, end), "rule")


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

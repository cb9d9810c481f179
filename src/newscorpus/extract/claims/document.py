"""One document's reading state for the claims extractor: tokens, mentions, speakers.

``DocumentState`` holds the tokens and mentions of a document, the speakers found so far
(for subjectless cues: وأضاف أن ...) and the outlets named (for الصحيفة, الوكالة), with the
small lookups every part of the extractor shares; ``speaker`` turns a token range into a
``Speaker`` with its actor when a mention names one.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from newscorpus.arabic import COMMAS, match_form, proclitic_width
from newscorpus.extract.actors.gazetteer import cues as actor_cues
from newscorpus.extract.claims.cues import SPEECH_PREFIXES, Cue, claim_words, cue_forms
from newscorpus.models import Claim, Mention, Token

# Match forms: ، is ",", ؛ is ";" and ؟ is "?" already.
CLAUSE_END = frozenset({".", "!", "?", "؟", ";", "؛"})
QUOTE_CLOSERS = {"«": "»", "“": "”", '"': '"', "„": "”"}


@dataclass(slots=True)
class Speaker:
    text: str
    start: int
    end: int
    actor: str | None
    gender: str
    number: str


DESCRIBING_WORDS = 2  # words that describe a statement before its author (تقرير حديث لـ)
BODY_WORDS = 3  # words of an office before the body it belongs to (المركز الإعلامي للجيش)


class DocumentState:
    """One document's tokens, mentions and the running state of its speakers and outlets."""

    def __init__(self, text: str, tokens: Sequence[Token], mentions: Sequence[Mention]) -> None:
        self.text = text
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.speakers: list[Speaker] = []
        self.outlets: dict[str, str] = {}  # الصحيفة -> the newspaper named last
        self.last_claim_end = 0  # where the latest claim's words end
        # token -> the speaker whose object ended there, its next verb of saying (... ووصفت)
        self.goes_on: dict[int, Speaker] = {}
        # first token of a speaker's phrase -> where the name of the title's holder starts,
        # after the complement of the title's adjective (المسؤول عن ... ألكسندر بارانوف)
        self.holders: dict[int, int] = {}
        self.sentence_spans: list[tuple[int, int]] = []  # the sentences read so far
        self.claims: list[Claim] = []  # the claims of the sentences read so far
        self.words = claim_words()
        self.cues = cue_forms()

    def is_(self, i: int, kind: str) -> bool:
        return self.tokens[i].match in self.words.get(kind, ())

    def cue_at(self, i: int) -> Cue | None:
        token = self.tokens[i]
        if not token.is_word or token.prefix not in SPEECH_PREFIXES:
            return None
        return self.cues.get(token.stem) or self.cues.get(token.match)

    def token_at(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.mention_starts, start)
        found = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            found.append(self.mentions[i])
            i += 1
        return found

    def speaker(self, first: int, last: int, cue: Cue | None) -> Speaker | None:
        """The speaker written in tokens ``[first, last)``, with its actor if named.

        When the phrase holds the speaker's name, the speaker is that name alone: a title
        before it and an appositive after it are left out (``speaker_name``); a phrase with
        no name (المتحدث باسم الخارجية، مستشار ترامب) is kept whole, with no actor.
        """
        while first < last and (
            self.tokens[first].stem in self.words["skip"] or self.tokens[first].match == '"'
        ):
            first += 1
        if first >= last:
            return None
        start, end = self.tokens[first].start, self.tokens[last - 1].end
        text = _balanced(self.text[start:end].strip(" ،,"))
        head = self.tokens[first].match
        if last - first == 1 and self.tokens[first].stem in self.words["pronoun"]:
            return None  # فيه، قائلا، له: never a speaker by itself
        actor = None
        if head in self.words["outlet-ref"]:
            outlet = self.outlet_before(first, last)
            actor = (outlet.actor or outlet.text) if outlet else self.outlets.get(head)
        elif head in self.words["statement-ref"] and last - first == 1:
            actor = self.statement_author(first, "statement")
        elif head in self.words["report-ref"] and last - first == 1:
            actor = self.statement_author(first, "report")  # وأضاف التقرير: its author
        elif head in self.words["statement"]:
            actor = self._author_of(first)  # بيان صادر عن البيت الأبيض، بيان لحزب X
        elif head in self.words["report"] and (by := self._author_of(first)) is not None:
            actor = by  # تقرير لهيئة المسح الجيولوجي (else its name: تقرير نشرته صحيفة X)
        elif head not in self.words["plural"]:
            name = self.speaker_name(first, last)
            if head in self.words["unnamed"] and (name is None or name.type != "person"):
                name = None  # مصدر في الوزارة: unnamed; الناطق باسم X بات رايدر: the name
            if name is not None:
                if name.type == "person" or self._object_after(name, first, last):
                    # a person's name alone; an organization or a place that opens the
                    # phrase without the object after it (حذر صندوق النقد الدولي قادة
                    # الاقتصادات); otherwise an organization keeps its class noun and
                    # qualifiers (صحيفة X البريطانية)
                    start, end = name.start, name.end
                    text = self.text[start:end].strip(" ،,")
                else:
                    # a person after the body's name is the verb's object, left out of the
                    # speaker's phrase: after the name's qualifiers (صحيفة "ديلي ميل" الإنجليزية
                    # محمد صلاح), else after the name (أعلن البيت الأبيض إلغاء ترامب زيارته)
                    after = [m for m in self.mentions_in(name.end, end) if m.type == "person"]
                    if after and self._object_follows(first, name, after[0]):
                        cut = self._qualifiers_end(name.end, after[0].start)
                        end = start + len(self.text[start:cut].rstrip(" ،,"))
                        text = _balanced(self.text[start:end].strip(" ،,"))
                # "" (not None): a name whose actor is unknown (_with_first_name)
                actor = name.text if name.actor is None else (name.actor or None)
            elif last - first <= 4:
                described = (
                    self.described(first, last)
                    or self.topic_person(first, last)
                    or self.context_person(first, last)
                    or self.official_person(first, last)
                    or self.without_nisbas(first, last)
                )
                if described is not None:
                    actor = described.actor or described.text
        if head in self.words["outlet"] and last - first > 1:
            self.outlets["ال" + head.removesuffix("ا").removesuffix("ي")] = unquote(text)
        plural = any(t.match in self.words["plural"] for t in self.tokens[first:last])
        inside = self.mentions_in(start, end)  # وزارة الصناعة والتجارة: a و inside a name
        coordinated = any(
            t.prefix.startswith("و")
            and t.is_word
            and not any(m.start < t.start < m.end for m in inside)
            for t in self.tokens[first + 1 : last]
        )
        number = "p" if plural or coordinated else "s"
        if head.startswith("ال") and head.endswith("ان") and len(head) > 5:
            number = "d"
        gender = cue.gender if cue and cue.pos != "noun" else "?"
        return Speaker(text, start, end, actor, gender, number)

    def _object_follows(self, first: int, body: Mention, person: Mention) -> bool:
        """Whether the person after a body's name is the verb's object: the body opens the
        phrase (after its class noun and quote) and the person is no quoted alias of it
        (الهيئة الوطنية لمكافحة الكوارث "كونريد")."""
        opens = all(
            t.match == '"' or t.stem in self.words["outlet"] or t.stem in self.words["org-head"]
            for t in self.tokens[first : self.token_at(body.start)]
        )
        between = self.text[body.end : person.start].rstrip()
        return opens and not between.endswith(('"', "(", "«"))

    def _qualifiers_end(self, start: int, limit: int) -> int:
        """Where the nisbas after a body's name end (ميليشيات الحوثي الانقلابية، نادي ليفانتي
        الإسباني), up to offset ``limit``: the speaker's phrase ends there, before the
        verb's object (مقتل الصماد، استدعاء فهد المولد); a title is no nisba (أنقرة الداعية
        فتح الله غولن: Gülen's title)."""
        k = self.token_of(start - 1) + 1
        while k < len(self.tokens) and self.tokens[k].end <= limit:
            token = self.tokens[k]
            if token.match == '"':
                k += 1
                continue
            if not token.is_word or is_title(token.stem) or not is_nisba(token.stem):
                break
            start = token.end
            k += 1
        return start

    def outlet_before(self, first: int, last: int) -> Mention | None:
        """The outlet a bare definite outlet noun refers back to: the last organization
        named before with that class noun (its role, its first word, or the word before
        it: وأضافت الصحيفة -> صحيفة "آس"), unless a nisba after it contradicts the
        description's (الصحيفة البريطانية is not صحيفة "آس" الإسبانية)."""
        kind = _skeleton(self.tokens[first].stem)
        nisbas = {_nisba_key(t.stem) for t in self.tokens[first + 1 : last] if is_nisba(t.stem)}
        before = bisect.bisect_left(self.mention_starts, self.tokens[first].start)
        for mention in reversed(self.mentions[:before]):
            if mention.type != "organization":
                continue
            k = self.token_of(mention.start)
            heads = {_skeleton(match_form(mention.text).split()[0])}
            if mention.role:
                heads.add(_skeleton(match_form(mention.role).split()[0]))
            j = k - 1
            while j >= 0 and self.tokens[j].match == '"':
                j -= 1
            if j >= 0:
                heads.add(_skeleton(self.tokens[j].stem))
            if kind not in heads:
                continue
            if nisbas:
                after = self.token_of(mention.end - 1) + 1
                while after < len(self.tokens) and self.tokens[after].match == '"':
                    after += 1
                stem = self.tokens[after].stem if after < len(self.tokens) else ""
                if is_nisba(stem) and _nisba_key(stem) not in nisbas:
                    continue
            return mention
        return None

    def statement_author(self, first: int, kind: str) -> str | None:
        """Whose statement البيان (or report, التقرير) is: the author of the last statement
        (report) named before it in the article: بيان للنيابة الإدارية؛ بيان صادر عن X؛
        وأوضحت الأكاديمية في بيان أن (a claim said in it); أصدرت شركة روتانا بيانا. None
        when no author is named (وأصدر ممثل لواينستين بيانا has an unnamed one)."""
        k = first - 1
        ref = self.tokens[first].stem
        while k >= 0:
            stem = self.tokens[k].stem
            # any noun of the kind (بنك الاستثمار فاروس في دراسة ... وذكر التقرير)
            if stem in self.words[kind] or (
                stem == ref and k + 1 < len(self.tokens) and self._issues(k + 1)
            ):  # البيان الصادر عن X
                return self._author_of(k)
            k -= 1
        return None

    def mention_at(self, k: int, whole: bool = False) -> Mention | None:
        """The mention that starts in token ``k`` (after its proclitics: للنيابة), if any;
        with ``whole``, only one that starts with the token (no clitic before it)."""
        if k >= len(self.tokens):
            return None
        found = self.mentions_in(self.tokens[k].start, self.tokens[k].end)
        if whole:
            found = [m for m in found if m.start == self.tokens[k].start]
        return found[0] if found else None

    def _author_of(self, k: int) -> str | None:
        """The named author of the statement noun at token ``k``, if any (after up to two
        words that describe it: تقرير حديث لصحيفة X، دراسة أميركية جديدة أجراها X)."""
        after = k + 1
        limit = min(k + 1 + DESCRIBING_WORDS, len(self.tokens) - 1)
        while after < limit and self._describes_document(after):
            after += 1
        opened = after
        if after < len(self.tokens) and self._issues(after):
            after += 1  # بيان صادر عن X، بيان أصدره X
            if after < len(self.tokens) and self.tokens[after].match == "عن":
                after += 1
        elif after + 1 < len(self.tokens) and self.tokens[after].match == "من":
            after += 1  # بيان من القصر الأزرق الرئاسي
        issued_by = after > opened or (
            after < len(self.tokens) and "ل" in self.tokens[after].prefix
        )
        named = self.mention_at(after)
        if after == k + 1 and named is not None and not issued_by:
            # بيان الإليزيه: a statement in construct with its author (not بيانا)
            noun = self.tokens[k].stem
            construct = noun in self.words["statement"] and not noun.endswith("ا")
            issued_by = construct and named.start == self.tokens[after].start
        if named is None and after > opened:
            named = self._body_of(after)  # بيان نشره المركز الإعلامي للجيش اليمني
        if named is None and issued_by and after < len(self.tokens):
            heads = self.words["org-head"] | self.words["outlet"]
            if self.tokens[after].stem in heads:  # بيان لحزب "الحياة الحرة الكردستاني"
                after += 1
                while after < len(self.tokens) and self.tokens[after].match == '"':
                    after += 1
                named = self.mention_at(after)
            elif self.tokens[after].stem.startswith("ال"):
                named = self.described(after, after + 1)  # بيان للوزارة: the one named before
        if named is not None and named.type != "place" and issued_by:
            if self.is_(opened, "carried") and self._carried(k, named, after):
                return None  # بيان رسمي نشرته وكالة البحرين: the agency only carried it
            return named.actor or named.text  # بيان للنيابة الإدارية، بيان صادر عن X
        offset = self.tokens[k].start
        for claim in reversed(self.claims):
            # وأوضحت الأكاديمية في بيان أن؛ ...، حسبما أفادت الشرطة في بيان
            if claim.start <= offset < claim.end and not (
                claim.content_start <= offset < claim.content_end
            ):
                return claim.speaker_actor
        # أصدرت شركة روتانا بيانا / وكانت شركة روتانا أصدرت بيانا: the issuing verb's
        # subject, after it or just before it
        verb = next(
            (
                j
                for j in range(k - 1, max(k - 7, -1), -1)
                if self.tokens[j].stem in self.words["issue"]
            ),
            None,
        )
        if verb is None:
            return None
        for j in (*range(verb + 1, k), *range(verb - 1, max(verb - 7, -1), -1)):
            if not self.tokens[j].is_word:
                break
            here = self.mention_at(j)
            if here is not None and here.type != "place":
                return here.actor or here.text
        return None

    def _issues(self, k: int) -> bool:
        """Whether token ``k`` says who issued the document before it (صادر، أصدره، نشرته)."""
        return self.is_(k, "issued") or self.is_(k, "authored")

    def _carried(self, k: int, named: Mention, after: int) -> bool:
        """Whether a news outlet named after a statement's verb of carrying (بيان نشرته وكالة
        X، بيان نقلته صحيفة Y) only carried it: a report or a study it publishes is its own."""
        from newscorpus.extract.events import is_outlet_name

        if self.tokens[k].stem not in self.words["statement"]:
            return False
        return self.tokens[after].stem in self.words["outlet"] or is_outlet_name(
            named.actor or named.text
        )

    def _describes_document(self, k: int) -> bool:
        """A word after a statement or report noun that describes it: an indefinite nisba
        (أميركية، رسمي) or a word of the ``document-adjective`` kind (حديث، جديدة)."""
        token = self.tokens[k]
        if not token.is_word or token.prefix or token.stem.startswith("ال"):
            return False
        nisba = is_nisba("ال" + token.stem)  # أميركية، رسمي
        return (nisba or self.is_(k, "document-adjective")) and self.mention_at(k) is None

    def _body_of(self, k: int) -> Mention | None:
        """The organization whose office or center at token ``k`` issued a statement: the
        one named with ل in the next words (المركز الإعلامي للجيش اليمني، المكتب الإعلامي
        لحركة حماس), before any stop word."""
        for t in range(k + 1, min(k + 1 + BODY_WORDS, len(self.tokens))):
            token = self.tokens[t]
            if not token.is_word or token.match in self.words["stop"]:
                return None
            if "ل" in token.prefix:
                named = self.mention_at(t)
                if named is not None and named.type == "organization":
                    return named
                return None
        return None

    def speaker_name(self, first: int, last: int) -> Mention | None:
        """The name that is the speaker in the phrase ``[first, last)``, if there is one.

        A name that opens the phrase is the speaker (مونشي مدير الكرة السابق -> مونشي; a
        person's name is cut from what follows it, an organization's is not);
        else the last person named in apposition (a definite word, another name, a comma
        or a title before it: المتحدث باسم الرئيس الروسي فلاديمير بوتين ديمتري بيسكوف ->
        بيسكوف), not one in a construct (مستشار ترامب، أحد مساعدي ترامب: Trump is not the
        speaker); else an organization after its class noun (منظمة العفو الدولية). Two
        names joined by و are a coordinated speaker: no single name.
        """
        start, end = self.tokens[first].start, self.tokens[last - 1].end
        named = self.mentions_in(start, end)
        if not named:
            return None
        tokens = self.tokens
        ends = {self.token_of(m.end - 1) for m in named}
        opening = [m for m in named if self.token_of(m.start) == first]
        if opening:
            after = self.token_of(opening[0].end - 1) + 1
            if after < last and tokens[after].prefix.startswith("و"):
                return None  # ترامب وماكرون: coordinated
            following = [m for m in named if m.start == tokens[after].start] if after < last else []
            if opening[0].type != "person" and following and following[0].type == "person":
                return following[0]  # (السفير الروسي في) الأمم المتحدة فاسيلي نيبينزيا
            holder = [  # a person named right after the body and its post, ending the phrase
                m
                for m in named
                if m.type == "person"
                and self.token_of(m.end - 1) == last - 1
                and self.token_of(m.start) - 1 in ends
            ]
            if opening[0].type != "person" and holder:
                return holder[0]  # مفوضة العدل في الاتحاد الأوروبي فيرا جوروفا
            return opening[0]
        if self._coordinated(first, last, named):
            return None
        titles = actor_cues().titles
        represented = self._spoken_for(first, last, named)
        candidates = []
        for mention in named:
            if mention is represented:
                continue
            k = self.token_of(mention.start)
            previous = tokens[k - 1]
            in_apposition = (
                not previous.is_word
                or previous.stem.startswith("ال")
                or k - 1 in ends
                or previous.match in COMMAS
                or self._title_ends_at(k - 1, titles)  # الميجور جنرال بات رايدر
            )
            if (
                mention.type == "person"
                and not in_apposition
                and self._first_name_left_out(first, k)
            ):
                # مدير المرصد رامي عبد الرحمن: a first name the tagger left out of the span,
                # after the title: the name starts one word earlier
                mention = _with_first_name(mention, previous.start, self.text)
                in_apposition = True
            if mention.type == "person" and in_apposition:
                candidates.append(mention)
            elif mention.type == "organization":
                while k - 1 > first and tokens[k - 1].match == '"':
                    k -= 1  # قناة "سي إن إن": the class noun before the quote
                head = tokens[k - 1].stem
                served = "ل" in tokens[k - 1].prefix and is_title(tokens[first].match)
                if served and not tokens[first].prefix:
                    continue  # الأمين العام لمنظمة أوبك: the body a title serves
                if head in self.words["org-head"] or head in self.words["outlet"]:
                    if k - 1 == first and head in self.words["outlet"]:
                        # the phrase opens with an outlet's class noun and its name (ووصفت
                        # صحيفة "ديلي ميل" الإنجليزية محمد صلاح بأنه): a person after it is
                        # the object, not the holder of a title, as after a body's (الناطق
                        # باسم #حركة_فتح أسامة القواسمي، نادي تشلسي المهاجم أوليفييه جيرو)
                        return mention
                    candidates.append(mention)
                elif tokens[k - 1].match in self.words["authored"] and k - 1 > first:
                    candidates.append(mention)  # حصيلة أوردها المرصد السوري: its author
        return candidates[-1] if candidates else None

    def _coordinated(self, first: int, last: int, named: list[Mention]) -> bool:
        """Whether a و in the phrase joins two speakers: it opens a name (الرئيس ترامب
        وماكرون), stands between two people (وزير الخارجية سامح شكري ووزير الدفاع صدقي صبحي)
        or joins words outside any name (النظام السوري وأنصاره). A و inside a name (بيتر
        ولسون) joins none, nor one in a title whose holder ends the phrase (مدير معهد
        العلاقات الدولية والاستراتيجية في باريس باسكال بونيفاس)."""
        people = [m for m in named if m.type == "person"]
        holder = len(people) == 1 and self.token_of(people[0].end - 1) >= last - 1
        for token in self.tokens[first + 1 : last]:
            if not (token.prefix.startswith("و") and token.is_word):
                continue
            if any(m.start == token.start for m in named):
                return True
            if any(m.end <= token.start for m in people) and any(
                m.start > token.start for m in people
            ):
                return True
            if not holder and not any(m.start < token.end and token.start < m.end for m in named):
                return True
        return False

    def _spoken_for(self, first: int, last: int, named: list[Mention]) -> Mention | None:
        """The person a spokesman speaks for: the first person named after باسم when a
        person's title follows باسم (متحدث باسم رجل الدين التركي فتح الله غولن; المتحدث
        باسم الرئيس الروسي فلاديمير بوتين ديمتري بيسكوف), not a body's name (الناطق باسم
        الحكومة جمانة غنيمات)."""
        for k in range(first, last - 1):
            if self.tokens[k].match != "باسم":
                continue
            if not self._person_after(k):
                return None
            after = [m for m in named if m.start > self.tokens[k].start]
            return after[0] if after and after[0].type == "person" else None
        return None

    def _person_after(self, k: int) -> bool:
        """Whether a person's title follows باسم at token ``k`` (باسم الرئيس، باسم رجل الدين)."""
        if k + 1 >= len(self.tokens):
            return False
        head = self.tokens[k + 1].stem
        return head in self.words["spoken-for"] or is_title(head) or is_title("ال" + head)

    def _first_name_left_out(self, first: int, k: int) -> bool:
        """Whether the word before a person's name (token ``k``) is a first name after a
        title: a known first name (``_first_name``), bare (no article, no clitic, not a
        function word or a title), after a definite word (مدير المرصد رامي عبد الرحمن)."""
        if k - 2 < first:
            return False
        word, before = self.tokens[k - 1], self.tokens[k - 2]
        if not _first_name(word.match):
            return False
        plain = (
            word.is_word
            and not word.prefix
            and not word.stem.startswith("ال")
            and word.match not in self.words["stop"]
            and word.match not in self.words["not-first-name"]
            and word.match not in actor_cues().titles
            and self.cue_at(k - 1) is None
            and not word.match.isascii()
        )
        return plain and before.is_word and before.stem.startswith("ال")

    def described(self, first: int, last: int) -> Mention | None:
        """The actor a description names, from what the article said before: the last
        person whose title holds its words (الوزير الأمريكي -> وزير الخارجية الأميركي مايك
        بومبيو), or the last organization of its kind (المنظمة -> منظمة العفو الدولية)."""
        words = [t.stem for t in self.tokens[first:last] if t.is_word]
        if not words or any(w in self.words["stop"] for w in words):
            return None
        keys = {_skeleton(w) for w in words}
        organization = words[0].removeprefix("ال") in self.words["org-head"] | self.words["body"]
        before = bisect.bisect_left(self.mention_starts, self.tokens[first].start)
        if organization:
            # what the article wrote first, then the kinds the lexicon gives its actors
            # (النادي is the club the article called نادي X, not any club it named later)
            for lexicon in (False, True):
                for mention in reversed(self.mentions[:before]):
                    if mention.type == "organization":
                        if keys <= self._class_nouns(mention, lexicon):
                            return mention
            return None
        head = _bare(words[0])  # exactly: الأمين is not الأمن
        for mention in reversed(self.mentions[:before]):
            if mention.type == "person" and mention.role:
                role = match_form(mention.role).split()
                if keys <= {_skeleton(w) for w in role} and head in map(_bare, role):
                    return mention
        return None

    def without_nisbas(self, first: int, last: int) -> Mention | None:
        """The last organization named before tokens ``[first, last)`` whose name is their
        words and one or more nisbas (القوات المسلحة -> القوات المسلحة المصرية، التلفزيون
        الرسمي -> التلفزيون الرسمي السوري)."""
        words = [t.stem for t in self.tokens[first:last] if t.is_word]
        if not words or not words[0].startswith("ال"):
            return None
        before = bisect.bisect_left(self.mention_starts, self.tokens[first].start)
        for mention in reversed(self.mentions[:before]):
            if mention.type == "organization":
                named = match_form(mention.text).split()
                if (
                    len(named) > len(words)
                    and named[: len(words)] == words
                    and all(is_nisba(w) for w in named[len(words) :])
                ):
                    return mention
        return None

    def _class_nouns(self, mention: Mention, lexicon: bool = False) -> set[str]:
        """The words that say what kind of organization a mention is: its role or first
        word, the word before it when no clitic joins them (شركة أبل، منظمة "مراسلون بلا
        حدود"; not لرويترز after المسؤول), the first word of the actor it resolved to
        (الخارجية الروسية -> وزارة الخارجية الروسية); with ``lexicon``, only the first words
        of the roles the lexicon gives that actor (أبل: شركة)."""
        from newscorpus.extract.actors.gazetteer import gazetteer

        if lexicon:
            roles = gazetteer().roles.get(mention.actor or "", ())
            return {_skeleton(match_form(role).split()[0]) for role in roles}

        head = mention.role or mention.text.split()[0]
        named = {_skeleton(w) for w in match_form(head).split()}
        k = self.token_of(mention.start)
        if self.tokens[k].start == mention.start:  # not لرويترز after المسؤول
            k -= 1
            while k >= 0 and self.tokens[k].match == '"':
                k -= 1
            if k >= 0 and self.tokens[k].is_word:
                named.add(_skeleton(self.tokens[k].stem))
        if mention.actor:
            named.add(_skeleton(match_form(mention.actor).split()[0]))
        return named

    def topic_person(self, first: int, last: int) -> Mention | None:
        """The person a title-like description stands for when the article is going on
        about them: the latest person speaker, with no other person named since, of the
        description's gender, with a title in the article that shares its head noun and no
        contradicting nationality (وزير الخارجية مايك بومبيو ... وأضاف الوزير الأمريكي:
        بومبيو; not the Russian president after Trump, not السفيرة after a man)."""
        words = [t.stem for t in self.tokens[first:last] if t.is_word]
        if not words or not words[0].startswith("ال") or not self.speakers:
            return None
        if not is_title(words[0]):
            return None
        if any(w in self.words["stop"] or w in self.words["unnamed"] for w in words):
            return None
        start = self.tokens[first].start
        for speaker in reversed(self.speakers[-3:]):
            if speaker.actor is None or speaker.end > start:
                continue
            named = self.mentions_in(speaker.start, speaker.end)
            if not named or named[0].type != "person":
                return None  # the latest named speaker is not a person
            person = named[0]
            between = [m for m in self.mentions_in(speaker.end, start) if m.type == "person"]
            if any(m.actor != person.actor for m in between):
                return None
            roles = [
                match_form(m.role).split()
                for m in self.mentions
                if m.role and m.actor == person.actor and m.start < start
            ]
            feminine = words[0].endswith("ه")
            if speaker.gender == ("m" if feminine else "f"):
                return None  # السفيرة الأمريكية is not the man who spoke last
            head = _bare(words[0])  # exactly: الأمين is not الأمن
            if not any(self._fits(words, role) and head in map(_bare, role) for role in roles):
                return None
            return person
        return None

    def official_person(self, first: int, last: int) -> Mention | None:
        """The person an official's description stands for (``official``: المسؤول، القيادي)
        when the latest speaker is that person, no one else was named since, and each of
        its nisbas was written near the person's name (القيادي الكردي، آلدار خليل ... وذكر
        المسؤول الكردي أن). After an unnamed official (قال مسؤول أمريكي ... وأضاف المسؤول):
        none."""
        words = [t.stem for t in self.tokens[first:last] if t.is_word]
        if not words or words[0] not in self.words["official"]:
            return None
        if not all(is_nisba(w) for w in words[1:]):
            return None
        if last < len(self.tokens) and not (
            self.tokens[last].match in (":", '"', *COMMAS) or self.is_(last, "complementizer")
        ):
            return None  # المسؤول عن مكافحة العنصرية ألكسندر بارانوف: a title going on
        start = self.tokens[first].start
        spoken = [s for s in self.speakers if s.end <= start]
        if not spoken or spoken[-1].actor is None:
            return None
        named = self.mentions_in(spoken[-1].start, spoken[-1].end)
        if not named or named[0].type != "person" or named[0].start != spoken[-1].start:
            return None
        said = self.token_at(spoken[-1].start)
        if any(t.match in ("مسؤول", "مسؤوله") for t in self.tokens[max(said - 6, 0) : said]):
            return None  # كتب مسؤول من دائرة الرئيس ترامب: the official is not Trump
        person = named[0]
        if any(
            m.type == "person" and m.actor != person.actor
            for m in self.mentions_in(spoken[-1].end, start)
        ):
            return None
        if spoken[-1].gender == ("m" if words[0].endswith("ه") else "f"):
            return None
        # the words before each place the person's name was written (the tagger may have
        # missed some: القيادي الكردي، آلدار خليل)
        surname = match_form(person.text).split()[-1]
        near: set[str] = set()
        for k in range(self.token_at(start)):
            if self.tokens[k].stem == surname:
                for j in range(max(k - 10, 0), k):
                    if self.tokens[j].is_word and is_nisba(self.tokens[j].stem):
                        near.add(_nisba_key(self.tokens[j].stem))
        return person if {_nisba_key(w) for w in words[1:]} <= near else None

    def context_person(self, first: int, last: int) -> Mention | None:
        """The one person named before whom the article described with the description's
        head noun next to the name, and no other nationality: الجاسوس الفرنسي السابق ->
        (بمساعدة الجاسوس الفرنسي السابق) هيرفي جوبير; المدرب الألماني -> (الألماني) يورغن
        كلوب، مدرب ليفربول. The words counted are up to ten before a mention, in its
        sentence, and an appositive after it between commas. Two people who fit: none."""
        words = [t.stem for t in self.tokens[first:last] if t.is_word]
        if not words or not words[0].startswith("ال") or len(words[0]) < 5:
            return None
        if any(
            w in self.words["stop"] or w in self.words["unnamed"] or w in self.words["plural"]
            for w in words
        ):
            return None
        if words[0].removeprefix("ال") in self.words["org-head"] | self.words["body"]:
            return None
        titled = is_title(words[0]) or is_title(words[0][2:])
        nisbas = {_skeleton(w) for w in words[1:] if w.startswith("ال") and w.endswith("ي")}
        before = bisect.bisect_left(self.mention_starts, self.tokens[first].start)
        found: dict[str, Mention] = {}
        for mention in self.mentions[:before]:
            if mention.type != "person":
                continue
            if not titled:
                # a head no list knows as a person's (الجاسوس، البيان): only the very words
                # written right before the name (الجاسوس الفرنسي السابق هيرفي جوبير)
                k = self.token_of(mention.start)
                if k >= len(words) and [t.stem for t in self.tokens[k - len(words) : k]] == [
                    self.tokens[n].stem for n in range(first, last) if self.tokens[n].is_word
                ]:
                    found[mention.actor or mention.text] = mention
                continue
            near = self._context_words(mention, first)
            keys = {_skeleton(w) for w in near}
            heads = {_bare(w) for w in near}  # the head exactly: الأمين is not الأمن
            if _bare(words[0]) in heads and self._fits(words, near) and nisbas <= keys:
                found[mention.actor or mention.text] = mention
        return next(iter(found.values())) if len(found) == 1 else None

    def _context_words(self, mention: Mention, until: int) -> list[str]:
        """The words written next to a person's name: up to ten before it, in its
        sentence, back to a cue, another person's name or a word that makes the title
        someone else's (متحدث باسم غولن، مع نظيره), and an appositive after it (، مدرب
        ليفربول الإنجليزي،) up to a cue or token ``until`` (the description itself)."""
        k = self.token_of(mention.start)
        near = []
        j = k - 1
        while j >= 0 and k - j <= 10 and self.tokens[j].is_word and self.cue_at(j) is None:
            if self.tokens[j].stem in self.words["governing"] - self.words["posting"]:
                break
            if self.is_(j, "complementizer") or (
                self.is_(j, "stop") and not (self.is_(j, "posting-at") or self.is_(j, "posting"))
            ):
                break  # another clause: وقال المتحدث إن زعماء العصابة يعملون لدى ساراكي
            if self.tokens[j].match == "باسم" and self._person_after(j):
                break
            if any(
                m.type == "person"
                for m in self.mentions_in(self.tokens[j].start, self.tokens[j].end)
            ):
                break  # another person's title (وزير الخارجية الأمريكي مايك بومبيو نظيره ...)
            near.append(self.tokens[j].stem)
            j -= 1
        after = self.token_of(mention.end - 1) + 1
        if (
            after + 1 < len(self.tokens)
            and self.tokens[after].match in COMMAS
            and not self._clause_after(after + 1)
        ):
            j = after + 1
            while (
                j < min(len(self.tokens), until)
                and j - after <= 5
                and self.tokens[j].is_word
                and self.cue_at(j) is None
            ):
                near.append(self.tokens[j].stem)
                j += 1
        same = _title_synonyms()
        near += [same[_bare(w)] for w in near if _bare(w) in same]
        return ["", *near]  # as a title: every word after its head may be a nisba

    def _clause_after(self, k: int) -> bool:
        """Whether the words after a name and its comma, from token ``k``, go on with the
        sentence rather than describe the name: ، وهو يعتدي على صحفي (وهو and a verb), ، وبعد
        ذلك; not ، وهو باحث عسكري (an appositive with وهو)."""
        token = self.tokens[k]
        if token.match in ("وهو", "وهي"):
            following = self.tokens[k + 1].match if k + 1 < len(self.tokens) else ""
            return following.startswith(("ي", "ت"))
        return token.prefix.startswith("و")

    @staticmethod
    def _fits(words: list[str], role: list[str]) -> bool:
        """A description fits a title the article gave the person: the same head noun, and
        no nisba that contradicts one the title has (المدرب الإيطالي fits مدرب نابولي;
        الوزير الإسرائيلي fits وزير الدفاع الإسرائيلي; الرئيس الفرنسي does not fit الرئيس
        الأمريكي)."""
        keys = {_skeleton(w) for w in role}
        if _skeleton(words[0]) not in keys:
            return False
        nisbas = {_skeleton(w) for w in words[1:] if w.startswith("ال") and w.endswith("ي")}
        known = {_skeleton(w) for w in role[1:] if w.startswith("ال") and w.endswith("ي")}
        return not known or nisbas <= keys

    def _title_ends_at(self, index: int, titles: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
        """Whether a title (one word or a phrase: الميجور جنرال) ends at token ``index``."""
        for start in range(max(index - 2, 0), index + 1):
            for phrase in titles.get(self.tokens[start].stem, ()):
                if start + len(phrase) - 1 == index and all(
                    self.tokens[start + n].match == w for n, w in enumerate(phrase[1:], 1)
                ):
                    return True
        return False

    def _object_after(self, name: Mention, first: int, last: int) -> bool:
        """Whether the phrase goes on after a name that opens it with an indefinite word
        (a verb's object, not the name's qualifier)."""
        after = self.token_of(name.end - 1) + 1
        if self.token_of(name.start) != first or after >= last:
            return False
        token = self.tokens[after]
        return (
            token.is_word
            and not token.prefix
            and not token.stem.startswith("ال")
            and not token.match.isascii()
            and token.match not in self.words["posting-at"]  # هيئة الطيران المدني في الصين
            and not self.mentions_in(token.start, token.end)  # شركة كهرباء | فرنسا
        )

    def _person_since_last_claim(self, at: int) -> Speaker | None:
        """The first person named in the last sentence, between the last claim's end and
        the cue at ``at``, that names one (outside every claim: its words are done)."""
        start = self.last_claim_end
        sentences = [s for s in self.sentence_spans if start <= s[0] and s[1] <= at]
        current = max([start, *(s[1] for s in self.sentence_spans if s[1] <= at)])
        sentences.append((current, at))  # ورفض ماكرون الإجابة، وقال: the sentence so far
        for first, last in reversed(sentences):
            person = _first_person(self, first, last)
            if person is not None:
                k = self.token_of(person.start)
                return self.speaker(k, self.token_of(person.end - 1) + 1, None)
        return None

    def after_clitics(self, index: int, conjunction_only: bool = False) -> int:
        """Where token ``index``'s word starts after its proclitics (``prefix`` is written
        و+ب for two letters, which may carry marks); with ``conjunction_only`` after و/ف
        alone (وبحسب -> بحسب: the preposition is part of the cue)."""
        token = self.tokens[index]
        letters = len(token.match) - len(token.stem) if token.prefix else 0
        if conjunction_only:
            letters = 1 if token.prefix[:1] in ("و", "ف") else 0
        elif token.stem.startswith("ال") and token.match.startswith("لل"):
            letters = 1  # للصين = ل + الصين: one letter is the clitic's
        return token.start + proclitic_width(self.text, token.start, token.end, letters)

    def token_of(self, offset: int) -> int:
        """The token that holds the character at ``offset``."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def previous_speaker(self, cue: Cue, at: int | None = None) -> Speaker | None:
        """The latest speaker whose gender and number agree with a subjectless cue; or a
        person named since the last claim, where the article went on about someone else
        (والتقى بينيت بالرئيس. وأضاف أن ...: Bennett)."""
        if at is not None and cue.number == "s":
            newer = self._person_since_last_claim(at)
            if newer is not None:
                return newer
        for speaker in reversed(self.speakers[-4:]):
            if speaker.gender in (cue.gender, "?") and speaker.number == cue.number:
                return speaker
            if cue.pos == "participle" and speaker.gender in (cue.gender, "?"):
                return speaker
        return None


_VOWELS = str.maketrans("", "", "يى")


def _first_name(word: str) -> bool:
    """A known first name (the tagger's name list), or a word of a distributional class
    that is mostly first names (رامي with محمد)."""
    from newscorpus.extract.ner.features import clusters, names

    if names().get(word) == "PERS":
        return True
    word_class = clusters().get(word)
    return word_class is not None and word_class[0] in _name_classes()


@cache
def _name_classes() -> frozenset[str]:
    """Coarse word classes at least 40% of whose words the name list holds as people."""
    from newscorpus.extract.ner.features import clusters, names

    total: dict[str, int] = {}
    people: dict[str, int] = {}
    known = names()
    for word, (coarse, _fine) in clusters().items():
        total[coarse] = total.get(coarse, 0) + 1
        people[coarse] = people.get(coarse, 0) + (known.get(word) == "PERS")
    return frozenset(c for c, n in total.items() if people[c] >= 0.4 * n and n >= 20)


def _with_first_name(mention: Mention, start: int, text: str) -> Mention:
    """The mention from ``start`` (its first name), with the actor the article resolved
    the name to (the store knows it), unless that actor has another first name (يوسي
    كوهين is not إيلي كوهين): then "", no actor."""
    written = text[start : mention.end]
    actor = mention.actor
    named = match_form(mention.text).split()
    if len(named) > 1 and named[0] not in ("عبد", "ابو", "ابي"):
        actor = ""  # هدى جمال عبد الناصر: a first name before a full name is a child's
    elif actor is not None:
        words = match_form(actor).split()
        if len(words) > len(named) and match_form(written.split()[0]) not in words:
            actor = ""
    return replace(mention, start=start, text=written, actor=actor)


def _balanced(text: str) -> str:
    """A speaker without the one closing quote of a quoted name whose opening quote was
    skipped (وكانت "رويترز" قالت -> رويترز; صحيفة "عكاظ" keeps both)."""
    if text.count('"') % 2 == 1 and text.endswith('"'):
        return text[:-1].rstrip()
    return text


def _first_person(doc: DocumentState, start: int, end: int) -> Mention | None:
    return next((m for m in doc.mentions_in(start, end) if m.type == "person"), None)


def _skeleton(word: str) -> str:
    """A word without its article, proclitic ل or ي: الأميركي and الأمريكي, وزير and
    للوزير compare equal; وزير and الوزراء do not (a minister is not a prime minister)."""
    for prefix in ("لل", "ال", "ل"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            word = "ال" + word[len(prefix) :] if prefix == "لل" else word[len(prefix) :]
            break
    return word.removeprefix("ال").translate(_VOWELS)


def is_title(word: str) -> bool:
    """A title or a role noun of the actor rules (رئيس، الوزير، المدرب), as a match form."""
    known = actor_cues()
    return word in known.titles or word in known.role_nouns


@cache
def _title_synonyms() -> dict[str, str]:
    """A title's head -> its synonym (``title-same`` in ``claim_words.tsv``)."""
    return dict(pair.split() for pair in claim_words().get("title-same", ()))


def _bare(word: str) -> str:
    """A word without its article or proclitic ل, letters kept (الأمين stays أمين)."""
    for prefix in ("لل", "ال", "ل"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            return word[len(prefix) :]
    return word


def is_nisba(stem: str) -> bool:
    """A definite relative adjective (البريطانية، الأمريكي), as a match form."""
    return stem.startswith("ال") and stem.endswith(("ي", "يه")) and len(stem) > 5


def _nisba_key(stem: str) -> str:
    """A nisba's form for comparing: gender and the article left out."""
    return _skeleton(stem.removesuffix("ه"))


def unquote(text: str) -> str:
    return text.strip(" «»“”\"',،.")

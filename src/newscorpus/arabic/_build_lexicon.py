"""Rebuild ``resources/clitic_lexicon.txt`` (run by hand, not at run time).

    python -m newscorpus.arabic._build_lexicon /work/shared/ner/newsfane-news.tsv \
        /work/shared/ner/wikifane-wiki.tsv > src/newscorpus/resources/clitic_lexicon.txt

Sources: word frequencies of the FANE corpora (CC BY-SA 3.0, see resources/README.md),
Arabic territory and city names from babel's CLDR data, and the hand-written list
``_KEEP`` below. A frequent word that starts with a clitic letter is kept as a whole word
unless one of its clitic splits leaves a stem at least as frequent as the word itself
(وموسكو -> موسكو is more frequent: a clitic form, left out; وكالة -> كالة is rare: kept).
"""

from __future__ import annotations

import re
import sys
from collections import Counter

from newscorpus.arabic.clitics import _candidates
from newscorpus.arabic.normalize import match_form

_MIN_COUNT = 3


def _ratio(stem: str) -> int:
    # A word is a clitic form when a stem of it is at least as frequent; short stems must
    # be twice as frequent, since they are often other words (كأس is not ك + اس).
    return 2 if len(stem) <= 3 else 1


_ARABIC_WORD_RE = re.compile(r"[\u0621-\u064a]{2,}")

# Whole words that look like clitic + word but are not (or are far more often not).
_KEEP = """
كان كانت كانوا كانا يكون تكون كما كيف كيم كل كلا كلمة كلمه كثير كبير كبيره
لكن لكنه لكنها ليس ليست لدي لديه لديها لذا لله لندن ليبيا لبنان لافروف لاوس لاتفيا
بين بعد بعض بل بكين بوتين بيونغ بريطانيا بروكسل بغداد بيروت بايدن بولندا بلجيكا بنغلادش
فقط فيه فيها فيما فرنسا فلسطين فلاديمير فنزويلا فنلندا فيتنام فولوديمير
وكاله وكالات وسائل وصول وقوع وقعت
وزير وزاره وزراء وقت وسط وجود وضع واشنطن ولايه وفد وفق وفقا والد والده والي
وحده وحيد واحد واحده وثيقه وطني وطنيه واقع ورقه
كييف كوريا كوبا كندا كينيا كازاخستان كولومبيا كرواتيا كمبوديا لوكسمبورغ
سوريا سيول سيرغي سنه سته سبعه سياسه سياسي سياسيه سابق
كاس كنا كلوب بات باتت باب بلد كلم فيديو فكره ولي وادي لدينا بدا بدات بدء ساعه سعر سبب
ترامب ترمب بايدن ماكرون شولتس نتنياهو زيلينسكي اردوغان بوريل غوتيريش ستولتنبرغ روته
""".split()


def _cldr_names() -> set[str]:
    from babel import Locale  # babel is a dependency; only needed when rebuilding

    locale = Locale("ar")
    names: set[str] = set()
    for name in locale.territories.values():
        names.update(name.split())
    for zone in locale.time_zones.values():
        city = zone.get("city")
        if city:
            names.update(city.split())
    return {match_form(n) for n in names}


def _word_counts(paths: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                token = line.split("\t", 1)[0].strip()
                if _ARABIC_WORD_RE.fullmatch(token):
                    counts[match_form(token)] += 1
    return counts


def build(paths: list[str]) -> list[str]:
    counts = _word_counts(paths)
    names = _cldr_names()
    keep = {match_form(w) for w in _KEEP}
    words = set(keep) | names
    for word, count in counts.items():
        if count < _MIN_COUNT or len(word) < 2:
            continue
        if word[0] in "وفبلكس" and len(word) >= 3:
            stems = [stem for _, stem in _candidates(word)]
            if any(_stem_count(s, counts, names) >= _ratio(s) * count for s in stems):
                continue
        words.add(word)
    words -= {w for w in words if w not in keep and w not in names and _is_clitic_form(w, words)}
    return sorted(words)


def _stem_count(stem: str, counts: Counter[str], names: set[str]) -> int:
    # A CLDR name of 4+ letters counts as frequent: وفرنسا is و + فرنسا however rare.
    if len(stem) >= 4 and stem in names:
        return 1_000_000
    return counts.get(stem, 0)


def _is_clitic_form(word: str, words: set[str]) -> bool:
    # A clitic + the article (بالنسبة) is a clitic form even if the FANE counts say
    # otherwise; strip_clitics splits it by rule.
    if word[0] not in "وفبلكس" or len(word) < 4:
        return False
    return any(s.startswith("ال") and len(s) >= 4 for _, s in _candidates(word))


def main() -> None:
    print("# Whole words (match form) never split by strip_clitics; see resources/README.md")
    for word in build(sys.argv[1:]):
        print(word)


if __name__ == "__main__":
    main()

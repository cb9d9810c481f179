"""Rebuild ``resources/clitic_lexicon.txt`` (run by hand, not at run time).

    python -m newscorpus.arabic._build_lexicon /work/shared/ner/newsfane-news.tsv \
        /work/shared/ner/wikifane-wiki.tsv \
        --ant /work/shared/corpora/ant-v2.1-dev.tar.gz \
        > src/newscorpus/resources/clitic_lexicon.txt

Sources: word frequencies of the FANE corpora (CC BY-SA 3.0, see resources/README.md),
Arabic territory and city names from babel's CLDR data, and the hand-written list
``_KEEP`` below. A frequent word that starts with a clitic letter is kept as a whole word
unless one of its clitic splits leaves a stem at least as frequent as the word itself
(وموسكو -> موسكو is more frequent: a clitic form, left out; وكالة -> كالة is rare: kept).
FANE writes its clitics apart, so its counts see few names that start with a clitic
letter; the unlabelled ANT corpus (``--ant``, Apache-2.0) adds the words its raw text
shows whole (``ant_words``): وليامز، ويليان، واتفورد، بالوتيلي، فالنسيا، واصفا.
"""

from __future__ import annotations

import argparse
import re
import tarfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

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
باكرا كلاوس كابل بابل سانا
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


# Raw-text evidence that a word starting with a clitic letter is a whole word (ANT counts)
_ANT_MIN_COUNT = 5  # seen at least this often, with a proclitic of its own at least
_ANT_MIN_EVIDENCE = 2  # this often (لوليامز، بويليان) but not much more than it is seen
_ANT_EVIDENCE_RATIO = 3  # alone (بورما is no evidence for ورما)
_ANT_MIN_ALONE = 15  # or seen this often while its stem is never seen alone (وليامز)
_ANT_STEM_SHARE = 20  # a stem seen more than 1/20 as often as the word: a clitic form
_ANT_WORD = re.compile(r"[\u0621-\u064a\u0640]+")


def _ant_texts(path: Path) -> Iterator[str]:
    """The articles of the ANT corpus (a folder or its .tar.gz), every field: a stem
    written alone anywhere counts against a word being whole."""
    if path.is_dir():
        yield from (f.read_text("utf-8", errors="replace") for f in sorted(path.rglob("*.txt")))
    else:
        yield from _tar_texts(path)


def _tar_texts(path: Path) -> Iterator[str]:
    with tarfile.open(path) as tar:
        for member in tar:
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is not None and not member.name.endswith(".md"):
                yield handle.read().decode("utf-8", errors="replace")


def _raw_counts(texts: Iterator[str]) -> Counter[str]:
    written: Counter[str] = Counter()
    for text in texts:
        written.update(w.replace("\u0640", "") for w in _ANT_WORD.findall(text))
    counts: Counter[str] = Counter()
    for word, count in written.items():
        counts[match_form(word)] += count
    return counts


def ant_words(counts: Counter[str], known: set[str]) -> set[str]:
    """Words of raw news (match form, with their counts) that the clitic rules would split
    but that are whole: the stem the split leaves is (nearly) never written alone, and the
    word takes a proclitic of its own that its first letter could not follow if it were
    one (لوليامز، لبالوتيلي), or is frequent while its stem is never seen (ويمبلي).
    ``known``: the words the lexicon holds already."""
    from newscorpus.arabic.clitics import _is_known, split_with

    frozen = frozenset(known)
    found: set[str] = set()
    for word, count in counts.items():
        if count < 3 or len(word) < 4 or word[0] not in "وفبلك" or word.startswith("لل"):
            continue
        if _is_known(word, frozen):
            continue
        prefix, stem = split_with(word, frozen)
        if not prefix:
            continue  # not split today
        bare = stem[2:] if stem.startswith("ال") else stem
        limit = max(2, count / _ANT_STEM_SHARE)
        if counts.get(stem, 0) > limit or counts.get(bare, 0) > limit:
            continue
        # a proclitic the word takes that its first letter could not follow if it were
        # one: ل + ب is none (لبالوتيلي), و + ب is normal (وبالنسبة); before a word
        # starting with و only و counts, as so many names start with بو، لو، كو (كويفا is
        # no evidence for ويفا)
        taken = "و" if word[0] in "وف" else "بلك"
        evidence = sum(counts.get(p + word, 0) for p in taken if p + word[:1] != "لل")
        alone = count >= _ANT_MIN_ALONE and counts.get(stem, 0) == 0
        attested = (
            count >= _ANT_MIN_COUNT and _ANT_MIN_EVIDENCE <= evidence <= _ANT_EVIDENCE_RATIO * count
        )
        if attested or alone:
            found.add(word)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("fane", nargs="+", help="FANE token<TAB>tag files")
    parser.add_argument("--ant", type=Path, help="the ANT corpus (folder or .tar.gz)")
    args = parser.parse_args()
    words = set(build(args.fane))
    if args.ant:
        words |= ant_words(_raw_counts(_ant_texts(args.ant)), words)
    print("# Whole words (match form) never split by strip_clitics; see resources/README.md")
    for word in sorted(words):
        print(word)


if __name__ == "__main__":
    main()

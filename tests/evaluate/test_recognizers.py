import json
from pathlib import Path

import pytest

from newscorpus.errors import InputError
from newscorpus.evaluate.ner import evaluate_ner, word_offsets
from newscorpus.evaluate.recognizers import bio_tagger, document_tagger


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (
            "قال الرئيس الروسي فلاديمير بوتين في موسكو".split(),
            ["O", "O", "O", "B-PERS", "I-PERS", "O", "B-LOC"],
        ),
        (
            "التقى ترمب وكيم في سنغافورة".split(),
            ["O", "B-PERS", "B-PERS", "O", "B-LOC"],  # وكيم: the clitic stays in the word
        ),
        ("حلف شمال الأطلسي".split(), ["B-ORG", "I-ORG", "I-ORG"]),
    ],
)
def test_rules_recognizer_tags_gold_words(words: list[str], expected: list[str]) -> None:
    assert bio_tagger("rules")(words) == expected


def test_unknown_recognizer_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown recognizer"):
        bio_tagger("oracle")


ARTICLE = (
    "قال وزير الخارجية الإيراني محمد جواد ظريف إن بلاده لن تتراجع.\n\n"
    "وأضاف ظريف في طهران أن الاتفاق قائم.\n"
)


def _gold(tmp_path: Path, sentence: str, tags: list[str], shift: int = 0) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    offsets = word_offsets(
        ARTICLE, ARTICLE.index(sentence), ARTICLE.index(sentence) + len(sentence)
    )
    gold = tmp_path / "gold.tsv"
    gold.write_text(
        "".join(f"{ARTICLE[a:b]}\t{tag}\n" for (a, b), tag in zip(offsets, tags, strict=True))
        + "\n",
        encoding="utf-8",
    )
    meta = {"file": "a.txt", "docno": None, "starts": [a + shift for a, _ in offsets]}
    gold.with_suffix(".meta.jsonl").write_text(json.dumps(meta) + "\n", encoding="utf-8")
    return gold


def test_document_tagger_tags_a_sentence_inside_its_article(tmp_path: Path) -> None:
    sentence = "وأضاف ظريف في طهران أن الاتفاق قائم."
    tags = ["O", "B-PERS", "O", "B-LOC", "O", "O", "O", "O"]
    gold = _gold(tmp_path, sentence, tags)
    tagger = document_tagger(gold, tmp_path / "corpus")
    assert tagger(sentence.replace(".", " .").split()) == tags
    report = evaluate_ner(gold, tagger=document_tagger(gold, tmp_path / "corpus"))
    assert report.micro.correct == 2 and report.micro.spurious == 0


def test_document_tagger_refuses_offsets_that_do_not_hold_the_words(tmp_path: Path) -> None:
    gold = _gold(tmp_path, "وأضاف ظريف في طهران أن الاتفاق قائم.", ["O"] * 8, shift=1)
    with pytest.raises(InputError, match="is not at"):
        document_tagger(gold, tmp_path / "corpus")

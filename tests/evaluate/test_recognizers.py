import pytest

from newscorpus.evaluate.recognizers import bio_tagger


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

"""NER gold reading, fine-to-coarse type mapping and exact-span scoring."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from newscorpus.errors import NewsCorpusError
from newscorpus.evaluate.ner import coarse_tag, evaluate_ner, read_bio, score_spans, word_offsets
from newscorpus.extract.ner.bio import bio_spans

# Three sentences in FANE's format (fine-grained types, clitics split off by its authors).
GOLD = """\
و\tO
قال\tO
الرئيس\tO
فلاديمير\tB-Politician
بوتين\tI-Politician
في\tO
موسكو\tB-Population-Center

اعلنت\tO
وزارة\tB-Government
الخارجية\tI-Government
الامريكية\tI-Government
ان\tO
العرب\tB-Group
غاضبون\tO

زار\tO
ميسي\tB-Athlete
برشلونة\tB-Sports
"""


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.tsv"
    path.write_text(GOLD, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("O", "O"),
        ("B-Politician", "B-PERS"),
        ("I-Religious_PER", "I-PERS"),
        ("B-Non-Governmental", "B-ORG"),
        ("I-Media", "I-ORG"),
        ("B-Nation", "B-LOC"),
        ("B-Population-Center", "B-LOC"),
        ("I-Building-Grounds", "I-LOC"),
        ("B-Group", "O"),  # العرب, المسلمين: not actors
        ("B-Book", "O"),
        ("B-Land", "O"),  # a land vehicle in FANE, not a place
        ("B-PER", "B-PERS"),
        ("I-GPE", "I-LOC"),
        ("B-ORG", "B-ORG"),
        ("B-MISC", "O"),
        ("B-Planet", None),
        ("X-LOC", None),
    ],
)
def test_coarse_tag_maps_fane_types_to_actor_types(tag: str, expected: str | None) -> None:
    assert coarse_tag(tag) == expected


def test_read_bio_gives_sentences_with_coarse_tags(gold_file: Path) -> None:
    sentences = list(read_bio(gold_file))
    assert [len(s) for s in sentences] == [7, 7, 3]
    assert sentences[0][3:5] == [("فلاديمير", "B-PERS"), ("بوتين", "I-PERS")]
    assert sentences[1][5] == ("العرب", "O")


@pytest.mark.parametrize(
    ("content", "line"),
    [("قال\tO\nبوتين\n", 2), ("قال\tO\n\nموسكو\tB-Planet\n", 3)],
)
def test_read_bio_names_file_and_line_of_a_bad_line(
    tmp_path: Path, content: str, line: int
) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(NewsCorpusError, match=rf"bad\.tsv:{line}:"):
        list(read_bio(path))


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PERS", "I-PERS", "O", "B-LOC"], [(0, 2, "PERS"), (3, 4, "LOC")]),
        (["O", "I-ORG", "I-ORG"], [(1, 3, "ORG")]),  # a stray I- starts an entity
        (["B-PERS", "I-LOC"], [(0, 1, "PERS"), (1, 2, "LOC")]),
        (["B-LOC", "B-LOC"], [(0, 1, "LOC"), (1, 2, "LOC")]),
    ],
)
def test_bio_spans(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert bio_spans(tags) == spans


def fixed_tagger(words: Sequence[str]) -> list[str]:
    """Finds بوتين alone (wrong span), موسكو, the whole ministry, and برشلونة as a place."""
    tags = {
        "بوتين": "B-PERS",
        "موسكو": "B-LOC",
        "وزارة": "B-ORG",
        "الخارجية": "I-ORG",
        "الامريكية": "I-ORG",
        "برشلونة": "B-LOC",
    }
    return [tags.get(word, "O") for word in words]


def test_evaluate_ner_scores_exact_spans_per_type(gold_file: Path) -> None:
    report = evaluate_ner(gold_file, tagger=fixed_tagger)
    rows = {row.type: row for row in report.rows}
    # gold: 2 persons, 1 org + 1 org (برشلونة), 1 place; predicted: 1 person, 1 org, 2 places
    assert (rows["person"].gold, rows["person"].predicted, rows["person"].correct) == (2, 1, 0)
    assert (rows["organization"].gold, rows["organization"].correct) == (2, 1)
    assert rows["organization"].precision == 1.0 and rows["organization"].recall == 0.5
    assert (rows["place"].predicted, rows["place"].correct) == (2, 1)
    micro = report.micro
    assert (micro.gold, micro.predicted, micro.correct) == (5, 4, 2)
    assert micro.precision == pytest.approx(0.5)
    assert micro.recall == pytest.approx(0.4)
    assert micro.f1 == pytest.approx(2 * 0.5 * 0.4 / 0.9)
    assert (report.sentences, report.tokens) == (3, 17)


def test_evaluate_ner_holdout_keeps_every_fifth_sentence(tmp_path: Path) -> None:
    path = tmp_path / "five.tsv"
    path.write_text("".join(f"كلمة{i}\tO\n\n" for i in range(10)), encoding="utf-8")
    seen: list[str] = []

    def tagger(words: Sequence[str]) -> list[str]:
        seen.extend(words)
        return ["O"] * len(words)

    report = evaluate_ner(path, tagger=tagger, holdout=True)
    assert seen == ["كلمة4", "كلمة9"]
    assert report.sentences == 2


def test_evaluate_ner_rejects_a_tagger_that_drops_words(gold_file: Path) -> None:
    with pytest.raises(NewsCorpusError, match="one BIO tag per word"):
        evaluate_ner(gold_file, tagger=lambda words: ["O"])


@pytest.mark.parametrize(
    ("gold", "predicted", "errors"),
    [
        # (boundary, wrong_type, missed, spurious) over all types
        (["B-PERS", "I-PERS", "O"], ["B-PERS", "I-PERS", "O"], (0, 0, 0, 0)),
        (["B-PERS", "I-PERS", "O"], ["O", "B-PERS", "O"], (1, 0, 0, 0)),  # one word short
        (["B-PERS", "I-PERS", "O"], ["B-PERS", "I-PERS", "I-PERS"], (1, 0, 0, 0)),  # too long
        (["B-LOC", "O", "O"], ["B-PERS", "O", "O"], (0, 1, 0, 0)),
        (["B-ORG", "O", "O"], ["O", "O", "O"], (0, 0, 1, 0)),
        (["O", "O", "O"], ["O", "B-LOC", "O"], (0, 0, 0, 1)),
        (["B-ORG", "O", "B-LOC"], ["O", "B-PERS", "B-LOC"], (0, 0, 1, 1)),
    ],
)
def test_errors_split_into_boundary_type_missed_spurious(
    gold: list[str], predicted: list[str], errors: tuple[int, int, int, int]
) -> None:
    micro = score_spans([gold], [predicted])[-1]
    assert (micro.boundary, micro.wrong_type, micro.missed, micro.spurious) == errors
    # every gold name is right or one of the three gold-side errors
    assert micro.gold == micro.correct + micro.boundary + micro.wrong_type + micro.missed


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("قال «بوتين»، أمس.", ["قال", "«", "بوتين", "»", "،", "أمس", "."]),
        ("في #السعودية (رويترز)", ["في", "#", "السعودية", "(", "رويترز", ")"]),
        ("نسبة 32.3% و2018/2019", ["نسبة", "32.3", "%", "و2018/2019"]),
    ],
)
def test_word_offsets_cut_punctuation_off_words(text: str, words: list[str]) -> None:
    assert [text[a:b] for a, b in word_offsets(text)] == words

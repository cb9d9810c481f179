"""The bundled CRF NER tagger on real news sentences (tokenized as the pipeline does)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from newscorpus.arabic import clean, split_sentences, tokenize
from newscorpus.errors import ResourceMissing
from newscorpus.extract.ner import crf, features
from newscorpus.extract.ner.crf_model import CrfModel, ModelFormatError
from newscorpus.models import Sentence

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def spans_of(text: str) -> list[tuple[str, str]]:
    text = clean(text)
    found = crf.crf_mentions(text, tokenize(text), split_sentences(text))
    return [(text[start:end], kind) for start, end, kind in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قال الرئيس الأوكراني فولوديمير زيلينسكي إن بلاده مستعدة",
            ("فولوديمير زيلينسكي", "person"),
        ),
        ("وصل وزير الخارجية الأمريكي إلى الولايات المتحدة", ("الولايات المتحدة", "place")),
        ("فلاديمير بوتين وكيم جونغ أون يزوران قاعدة في شرق روسيا", ("روسيا", "place")),
        (
            "وأعلنت وزارة الدفاع الروسية أن قواتها سيطرت على البلدة",
            ("وزارة الدفاع الروسية", "organization"),
        ),
    ],
)
def test_crf_mentions_finds_actor_spans(text: str, expected: tuple[str, str]) -> None:
    assert expected in spans_of(text)


def test_a_span_starts_after_the_proclitic() -> None:
    # "وزيلينسكي": the conjunction is not part of the name.
    found = spans_of("التقى بايدن وزيلينسكي في واشنطن")
    assert ("زيلينسكي", "person") in found
    assert not any(span.startswith("وزيلينسكي") for span, _ in found)


def test_the_model_reads_words_as_it_was_trained_and_spans_follow_todays_analysis() -> None:
    # وليامز is whole for the tokenizer now (clitic_lexicon.txt), but the shipped model
    # learned it as و + ليامز, and لوليامز as one unknown word: its features keep the
    # reading of the lexicon it was trained with (ner_model_splits.txt) ...
    assert features.analyze_word("وليامز") == ("وليامز", "وليامز", "")
    assert features.analyze_word("لوليامز") == ("لوليامز", "وليامز", "ل")
    read = features.model_reads([features.analyze_word(w) for w in ("وليامز", "لوليامز", "قال")])
    assert read == [("وليامز", "ليامز", "و"), ("لوليامز", "لوليامز", ""), ("قال", "قال", "")]
    # ... in the features of a sentence, whichever way they are asked for
    assert features.word_features(["وليامز"]) == features.sequence_features(
        [features.analyze_word("وليامز")]
    )
    # ... while the name's span is the whole word, as the tokenizer reads it
    assert ("وليامز", "person") in spans_of("وقال وليامز إن الفريق جاهز")


def test_crf_mentions_accepts_sentence_records_and_gives_offsets_into_text() -> None:
    text = clean("مقدمة قصيرة. قال الرئيس الأوكراني فولوديمير زيلينسكي إن بلاده مستعدة")
    sentences = [Sentence(start, end, 0) for start, end in split_sentences(text)]
    found = crf.crf_mentions(text, tokenize(text), sentences)
    assert any(text[start:end] == "فولوديمير زيلينسكي" for start, end, _ in found)


def test_tag_tokens_gives_one_bio_tag_per_word() -> None:
    words = "قال الرئيس الأوكراني فولوديمير زيلينسكي".split()
    assert crf.tag_tokens(words) == ["O", "O", "O", "B-PERS", "I-PERS"]
    assert crf.tag_tokens([]) == []


def test_missing_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crf, "MODEL_NAME", "no_such_model.crfsuite")
    crf._scorer.cache_clear()
    try:
        with pytest.raises(ResourceMissing, match="no_such_model.crfsuite"):
            crf.tag_tokens(["بوتين"])
    finally:
        crf._scorer.cache_clear()


@pytest.mark.parametrize(
    ("cells", "types"),
    # types: rows of the per-type score table; with 40 it is emptied again and again, and
    # sentences of more than 40 tokens are scored without it
    [(1, 200_000), (200, 200_000), (100_000, 200_000), (100_000, 40)],
)
def test_numpy_tagging_gives_python_crfsuites_labels(
    cells: int, types: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Whatever the batches (one sentence each, a few, all at once) and however often the
    type table is emptied, the same labels."""
    import pycrfsuite

    from newscorpus.extract.ner import crf_model

    monkeypatch.setattr(crf_model, "VITERBI_CELLS", cells)

    reference = pycrfsuite.Tagger()
    packed = resources.files("newscorpus") / "resources" / crf.MODEL_NAME
    plain = tmp_path / "model.crfsuite"
    plain.write_bytes(crf.read_model_file(packed))  # python-crfsuite reads an unpacked file
    reference.open(str(plain))
    sentences = []
    for seed in sorted(SEEDS.glob("*.txt")):
        text = clean(seed.read_text(encoding="utf-8"))
        tokens = tokenize(text)
        for start, end in split_sentences(text):
            window = [t for t in tokens if start <= t.start < end]
            if window:
                sentences.append([(t.match, t.stem, t.prefix) for t in window])
    assert len(sentences) > 100
    expected = [reference.tag(features.sequence_features(s)) for s in sentences]
    monkeypatch.setattr(crf._Scorer, "TYPES_LIMIT", types)
    scorer = crf._Scorer(crf._scorer().model)
    got = scorer.model.viterbi(scorer.emissions(sentences))
    one_by_one = [scorer.model.viterbi(scorer.emissions([s]))[0] for s in sentences]
    assert len(scorer.rows) <= types
    if types == 40:  # both ways of scoring were used
        assert any(len(s) > types for s in sentences) and any(len(s) <= types for s in sentences)
    assert got == expected
    assert one_by_one == expected
    assert any(tag != "O" for tags in got for tag in tags)


def test_a_file_that_is_not_a_crfsuite_model_is_rejected() -> None:
    with pytest.raises(ModelFormatError):
        CrfModel.read(b"lCRF" + bytes(60))
    with pytest.raises(ModelFormatError):
        CrfModel.read(b"short")


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("ترامب", "ماكرون", True),  # leaders' surnames share a class
        ("روسيا", "تركيا", True),  # so do countries
        ("ترامب", "روسيا", False),
        ("وزاره", "ترامب", False),
    ],
)
def test_word_classes_group_words_used_alike(first: str, second: str, same: bool) -> None:
    classes = features.clusters()
    assert (classes[first][1] == classes[second][1]) is same


def test_a_words_class_is_a_feature_of_it_and_of_its_neighbours() -> None:
    own, left, right, far_left, _ = features.type_features(*features.analyze_word("وماكرون"))
    coarse, fine = features.clusters()["ماكرون"]
    assert {"k=" + coarse, "kf=" + fine} <= set(own)
    assert "-1kf=" + fine in left and "+1kf=" + fine in right
    assert not any(feature.startswith("-2k") for feature in far_left)
    unknown = features.type_features(*features.analyze_word("زقزقزقيسكو"))[0]
    assert not any(feature.startswith(("k=", "kf=")) for feature in unknown)

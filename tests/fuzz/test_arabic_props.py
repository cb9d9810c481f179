"""Properties of the Arabic text layer on generated text: clean, match forms, tokens, sentences.

Offsets are the contract: ``clean`` keeps every character's position, tokens and sentences
slice back out of the text they came from, in order and without overlap.
"""

from __future__ import annotations

from fuzz_support import BIDI, arabic_text, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from newscorpus.arabic import clean, match_form, normalize, split_sentences, tokenize

_CLEANED_AWAY = "\r\u00a0\u202f\u2007\u200b\ufeff\u200c\u200d\u00ad\u2028\u2029" + BIDI
_words = st.one_of(
    arabic_text.map(lambda text: text[:12]),
    st.text(st.sampled_from("اأإآوؤيئىةهـءًٌٍَُِّْٰٕٔ" + BIDI + "\u200c\u200d"), max_size=6),
)


@given(arabic_text)
@fuzz_settings(300)
def test_clean_keeps_the_length_and_is_idempotent(text: str) -> None:
    cleaned = clean(text)
    assert len(cleaned) == len(text)
    assert clean(cleaned) == cleaned
    assert not set(cleaned) & set(_CLEANED_AWAY)
    # A character is kept or replaced by a space, a line break or a tatweel, one for one,
    # so every offset into the cleaned text shows the same word in the original.
    assert all(a == b or b in " \n\u0640" for a, b in zip(text, cleaned, strict=True))


@given(_words)
@fuzz_settings(400)
def test_match_form_is_idempotent_and_agrees_with_normalize(word: str) -> None:
    form = match_form(word)
    assert match_form(form) == form
    assert normalize(word) == form


@given(arabic_text)
@fuzz_settings(150)
def test_normalize_of_long_text_is_idempotent(text: str) -> None:
    form = normalize(text)
    assert normalize(form) == form


@given(arabic_text, st.data())
@fuzz_settings(300)
def test_tokens_slice_back_in_order_and_cover_the_visible_text(
    text: str, data: st.DataObject
) -> None:
    text = clean(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    tokens = tokenize(text, start, end)
    previous = start
    for token in tokens:
        surface = text[token.start : token.end]
        assert previous <= token.start < token.end <= end, (token, previous)
        assert not any(char.isspace() for char in surface), token
        if token.is_word:
            assert token.match == match_form(surface), token
        previous = token.end
    covered = "".join(text[t.start : t.end] for t in tokens)
    assert covered == "".join(text[start:end].split())


@given(arabic_text, st.data())
@fuzz_settings(300)
def test_sentences_are_trimmed_ordered_and_cover_the_range(text: str, data: st.DataObject) -> None:
    text = clean(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    sentences = split_sentences(text, start, end)
    previous = start
    for s, e in sentences:
        assert previous <= s < e <= end, (s, e, previous)
        assert not text[s].isspace() and not text[e - 1].isspace(), (s, e)
        previous = e
    covered = "".join(text[s:e] for s, e in sentences)
    assert "".join(covered.split()) == "".join(text[start:end].split())

"""Words of a sentence and their tokens: one linear pass, the same as the obvious quadratic one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.kiwi_analyzer import WORD, Tok, token_at, words_of


def _tokens(sentence: str) -> list[Tok]:
    """Invented morphemes: every run of non-space characters cut into pieces of two."""
    out = []
    for m in WORD.finditer(sentence):
        for start in range(m.start(), m.end(), 2):
            end = min(start + 2, m.end())
            out.append(Tok(sentence[start:end], "NNG", start, end))
    return out


_sentences = st.text(alphabet=st.sampled_from("가나다 (A)협약, 1"), max_size=80)


@settings(max_examples=200, deadline=None)
@given(sentence=_sentences, cut=st.integers(min_value=0, max_value=90))
def test_words_match_the_naive_assignment(sentence: str, cut: int) -> None:
    tokens = _tokens(sentence)
    end = min(cut, len(sentence))
    naive = [
        (m.start(), m.end(), tuple(t for t in tokens if m.start() <= t.start < m.end()))
        for m in WORD.finditer(sentence, 0, end)
    ]
    assert [(w.start, w.end, w.tokens) for w in words_of(sentence, tokens, end)] == naive
    shuffled = list(reversed(tokens))
    assert words_of(sentence, shuffled, end) == words_of(sentence, tokens, end)


def test_a_gloss_in_parentheses_stays_in_its_word() -> None:
    sentence = "사업부(Tata Motors Passenger Vehicles)는 협약을 맺었다"
    words = [sentence[w.start : w.end] for w in words_of(sentence, _tokens(sentence))]
    assert words[0] == "사업부(Tata Motors Passenger Vehicles)는"


def test_a_long_run_on_sentence_is_read_whole() -> None:
    sentence = "부산시는 독일 머크와 업무협약을 체결했고 " * 800  # ~19,000 characters
    tokens = _tokens(sentence)
    words = words_of(sentence, tokens)
    assert len(words) == 4000 and sum(len(w.tokens) for w in words) == len(tokens)


def test_token_at() -> None:
    tokens = [Tok("부산", "NNP", 0, 2), Tok("시", "NNG", 2, 3), Tok("는", "JX", 3, 4)]
    assert token_at(tokens, 2) == tokens[1]
    assert token_at(tokens, 4) is None and token_at(tokens, -1) is None

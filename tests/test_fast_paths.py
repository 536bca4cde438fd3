"""The text path's fast paths give the same answers as the plain definitions they
replace (regexes, split/join), on arbitrary text: they exist for speed only."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.extract.classify import _fold, title_key
from cleaner.extract.features import MAX_WORD_CHARS, count_words, total_words
from cleaner.extract.lexicon import _LEAD, _QUOTES, _TOKEN, _TRAIL, Lexicon, _words, normalise
from cleaner.extract.rules.shapes import COPYRIGHT, has_copyright
from cleaner.extract.segment_text import split_lines
from cleaner.extract.text_lexicon import memo_lexicon
from cleaner.extract.text_rules import _has_separator

# Characters the fast paths treat specially: case folds (İ ı ſ K), curly quotes,
# dashes, no-break and other spaces, control characters, CJK, copyright words.
PIECES = ("©", "(c)", "(C)", "copyright", "COPYRİGHT", "ſ", "ı", "\u212a", "’", "‘", "“",
          "”", "—", "–", "…", "\xa0", "\u2009", "\u3000", "\t", "  ", "\x0b", "\x1f", "日本",
          "語", "all rights reserved", "Tous droits réservés", "2024", "_", "e-mail", "»",
          "::", "|", "•", "Σ", "cookies", "we use cookies", "Leave a Reply", " ")
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=12).map(
    "".join)
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _count_words_regex(text: str) -> int:
    words = len(_WORD.findall(text))
    cjk = len(_CJK.findall(text))
    if cjk:
        words += int(cjk / 1.5)
    return max(words, len(text) // MAX_WORD_CHARS)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_fast_paths_agree_with_their_definitions(text: str) -> None:
    assert has_copyright(text) == (COPYRIGHT.search(text) is not None)
    assert count_words(text) == _count_words_regex(text)
    assert title_key(text) == re.sub(r"[\W_]+", "", text.lower())
    assert _fold(text) == " ".join(text.lower().split())
    norm = normalise(text)
    folded = " ".join(text.translate(_QUOTES).lower().split())
    assert norm == folded.strip(_LEAD).rstrip(_TRAIL).strip()
    assert _words(norm) == _TOKEN.findall(norm)
    assert _has_separator(text) == any(
        sep in text for sep in ("»", "›", ">", "/", "|", "→", "::", "•", "·"))


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=8))
def test_total_words_is_the_sum_of_counts(texts: list[str]) -> None:
    assert total_words(texts) == sum(count_words(t) for t in texts)
    ascii_only = [t.encode("ascii", "ignore").decode() for t in texts]
    assert total_words(ascii_only) == sum(count_words(t) for t in ascii_only)


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXT, max_size=8).map("\n".join))
def test_line_word_counts_are_split_counts(text: str) -> None:
    for line in split_lines(text):
        if max(line.text) < "\u3040":  # scripts written with spaces
            assert line.words == len(line.text.split())


def test_lexicon_memo_answers_as_the_lexicon() -> None:
    lexicon = memo_lexicon()
    lines = ["We use cookies to improve your experience on our website.", "Leave a Reply",
             "The council met on Tuesday to discuss the budget for next year.", "Leave a Reply"]
    first = [Lexicon.match(lexicon, line, len(line.split())) for line in lines]
    assert [lexicon.match(line, len(line.split())) for line in lines] == first
    assert [lexicon.match(line, len(line.split())) for line in lines] == first
    assert first[0] is not None and first[1] is not None and first[2] is None
    # The same text asked with another word count is answered afresh.
    assert lexicon.match("Leave a Reply", 999) == Lexicon.match(lexicon, "Leave a Reply", 999)


ENDINGS = st.lists(st.sampled_from(("...", "…", "[…]", "[...]", ".", "]", "[", " ", "\n",
                                    "\u2003", "\x1c", "\xa0", "x")), max_size=8).map("".join)


@given(st.tuples(TEXT, ENDINGS).map("".join))
@settings(max_examples=500, deadline=None)
def test_truncated_excerpt_tail_is_the_regex(text: str) -> None:
    from cleaner.extract.sections import _TRUNCATED_TAILS, TRUNCATED

    assert text.rstrip().endswith(_TRUNCATED_TAILS) == bool(TRUNCATED.search(text))


@given(TEXT)
@settings(max_examples=500, deadline=None)
def test_measure_counts_are_count_words_and_the_punctuation_regex(text: str) -> None:
    from cleaner.extract.features import measure

    f = measure(text)
    puncts = len(re.findall(r"[,.;:!?、。，；：！？]", text))
    assert f.words == count_words(text)
    assert f.punct_per_word == (puncts / f.words if puncts and f.words else 0.0)


@given(TEXT)
@settings(max_examples=500, deadline=None)
def test_single_spaced_is_split_and_join_giving_the_text_back(text: str) -> None:
    from cleaner.extract.features import single_spaced

    if single_spaced(text):
        assert " ".join(text.split()) == text


@given(st.lists(TEXT, max_size=8).map("\n".join))
@settings(max_examples=300, deadline=None)
def test_inlined_line_scores_and_punctuation_counts_are_the_functions(text: str) -> None:
    from cleaner.extract.segment_text import line_block
    from cleaner.extract.text_select import line_score, line_scores

    lines = split_lines(text)
    assert line_scores(lines) == [line_score(line) for line in lines]
    for i, line in enumerate(lines):
        f = line_block(line, i).features
        puncts = sum(line.text.count(c) for c in ",.;:!?")
        assert f.punct_per_word == (puncts / line.words if line.words else 0.0)


BYLINE_PIECES = ("By", "by:", "BY ", "Posted", "posted on", "Fact-checked", "Veröffentlicht",
                 "PUBLIÉ", "af:", "text", "door", "Jane Doe", " ", "\xa0", ":", "ı", "İ", "ſ")
BYLINE_TEXT = st.lists(st.one_of(st.sampled_from(BYLINE_PIECES + PIECES), st.text(max_size=6)),
                       max_size=8).map("".join)


@given(BYLINE_TEXT)
@settings(max_examples=500, deadline=None)
def test_byline_gate_only_skips_texts_the_regex_rejects(text: str) -> None:
    from cleaner.extract.rules.shapes import byline_name

    for line in (text, *(f"{by} {text}" for by in ("By", "by:", "BY", "Posted by", "af:"))):
        assert byline_name(line, 1) == _byline_name_regex(line)


def _byline_name_regex(text: str) -> str | None:
    """byline_name without its first-word gate (the regex decides)."""
    from cleaner.extract.rules import shapes

    match = shapes.BYLINE.match(text.strip())
    if not match:
        return None
    name = match.group("name").strip(" .,|-–—")
    if shapes._PROSE_AFTER_BY.match(name):
        return None
    name = re.split(r"\s+(?:\||-|–|—|•|·|on|am|le|el|il|op|and updated)\s+|,\s*\d|\s+\d",
                    name)[0]
    return name.strip(" .,") or None

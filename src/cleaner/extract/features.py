"""Pure per-block measures (no DOM, no I/O): shared by the HTML and text paths."""

from __future__ import annotations

import re

from cleaner.core.model import Features

_WORD = re.compile(r"\w+")
_PUNCT = re.compile(r"[,.;:!?、。，；：！？]")
# Characters that end a sentence (when only white space follows them).
_SENTENCE_ENDS = frozenset(".!?…:;。！？)]\"'”’»")
# CJK text has no spaces: count characters in this range as a word each,
# so a Chinese paragraph is not judged "one word long".
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# First code point of the scripts written without spaces (kana, CJK, Hangul):
# text whose largest character is below it has no CJK word to count.
CJK_START = "\u3040"


def maybe_cjk(text: str) -> bool:
    """Might ``text`` hold Chinese, Japanese or Korean (one C-level max())?"""
    return max(text, default="") >= CJK_START


# No real word is longer than this many characters: a block of 10 MB without a
# space must not pass for a "short block" and send megabytes to the byline and
# phrase regexes (hostile input; prose averages ~6 characters a word).
MAX_WORD_CHARS = 40


# For ASCII text: every non-word character to a space, so split() gives the
# \w+ runs (a few times faster than the regex; the text path counts every line).
# A bytes table: bytes.translate is a plain table look-up, ~8x faster than
# str.translate with a mapping, so ASCII text is translated as bytes.
ASCII_WORD_SPLIT = bytes(c if chr(c).isalnum() or chr(c) == "_" else ord(" ")
                         for c in range(256))


def ascii_words(text: str) -> list[str]:
    """The \\w+ words of an ASCII ``text`` (``_WORD.findall``, without the regex)."""
    return text.encode().translate(ASCII_WORD_SPLIT).decode().split()


# Non-ASCII punctuation of Latin-script prose (curly quotes, dashes, ellipsis,
# no-break space). None is a word character: replaced by a space, every \w+ run
# stays, and the ASCII fast paths then serve most English text.
_PROSE_PUNCT = ("\u2019", "\u2018", "\u201c", "\u201d", "\u2014", "\u2013", "\u2026",
                "\xa0")


def ascii_prose(text: str) -> str:
    """``text`` with its common non-ASCII punctuation turned into spaces."""
    for ch in _PROSE_PUNCT:
        if ch in text:
            text = text.replace(ch, " ")
    return text


def single_spaced(text: str) -> bool:
    """``" ".join(text.split()) == text``, answered without splitting: a printable
    text's only white space is the ASCII space (every other one is a separator or
    a control character), and here it comes single and inside."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def count_words(text: str) -> int:
    """Words for our thresholds: \\w+ runs, CJK characters counted singly."""
    plain = text if text.isascii() else ascii_prose(text)
    if plain.isascii():
        return max(len(plain.encode().translate(ASCII_WORD_SPLIT).split()),
                   len(text) // MAX_WORD_CHARS)
    words = len(_WORD.findall(text))
    # Every CJK range starts at or above U+3040: most non-ASCII text has none.
    cjk = len(_CJK.findall(text)) if max(text) >= CJK_START else 0
    if cjk:
        # A CJK run matched by \w+ counted as one word; count ~1.5 chars a word.
        words += int(cjk / 1.5)
    return max(words, len(text) // MAX_WORD_CHARS)


# ASCII_WORD_SPLIT that keeps line breaks: texts joined by "\n" stay apart.
_ASCII_WORD_SPLIT_LINES = ASCII_WORD_SPLIT[:10] + b"\n" + ASCII_WORD_SPLIT[11:]


def total_words(texts: list[str]) -> int:
    """``sum(count_words(t) for t in texts)``; the ASCII texts (most kept lines)
    counted in a few passes over their join, when none holds a line break (one
    count_words call per line costs about three times as much)."""
    plain = [text for text in texts if text.isascii()]
    total = sum(count_words(text) for text in texts if not text.isascii())
    pieces = "\n".join(plain).encode().translate(_ASCII_WORD_SPLIT_LINES).split(b"\n")
    if len(pieces) != len(plain):  # a text held a line break (or there is none)
        return total + sum(count_words(text) for text in plain)
    return total + sum([max(len(piece.split()), len(text) // MAX_WORD_CHARS)
                        for piece, text in zip(pieces, plain, strict=True)])


# ASCII characters by class, for measure(): \w characters to "a", the
# punctuation _PUNCT counts to "p", all others to a space. A bytes table (see
# ASCII_WORD_SPLIT): about twice as fast as str.translate, once per block.
_ASCII_CLASSES = bytes(
    ord("a") if chr(c).isalnum() or chr(c) == "_" else ord("p") if chr(c) in ",.;:!?"
    else ord(" ")
    for c in range(256)
)


def measure(
    text: str, link_chars: int = 0, link_count: int = 0, density: float | None = None
) -> Features:
    """Features of a block's text given how many of its characters are link text.

    ``density`` overrides the link share when the caller measured it more exactly
    (the HTML segmenter counts non-space characters before whitespace folding).
    """
    chars = len(text)
    if density is None:
        density = min(1.0, link_chars / chars) if chars and link_chars else 0.0
    if text.isascii():
        # One C pass classes every character (_ASCII_CLASSES): a word is a run of
        # "a" (after the start, a space or a "p"), punctuation is a "p". The
        # same counts as count_words and _PUNCT, without a list of words.
        classes = text.encode().translate(_ASCII_CLASSES)
        words = max(classes.count(b" a") + classes.count(b"pa") + (classes[:1] == b"a"),
                    chars // MAX_WORD_CHARS)
        puncts = classes.count(b"p")
    else:
        words = count_words(text)
        puncts = len(_PUNCT.findall(text))
    # Positional (this runs once per block): words, chars, link_chars,
    # link_count, link_density, ends_sentence, punct_per_word.
    # ends_sentence(text) inlined.
    last = text.rstrip()[-1:]
    return Features(words, chars, link_chars, link_count, density,
                    bool(last) and last in _SENTENCE_ENDS,
                    puncts / words if puncts and words else 0.0)


def ends_sentence(text: str) -> bool:
    """The last non-space character ends a sentence (only white space after it)."""
    last = text.rstrip()[-1:]
    return bool(last) and last in _SENTENCE_ENDS

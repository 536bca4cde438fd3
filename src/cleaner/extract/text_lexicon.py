"""The phrase lexicon with a word index for its "contains" phrases.

:class:`Lexicon` tests "contains" phrases with one regex alternation per reason;
with eight languages loaded that is hundreds of alternatives tried at every
position of every line, the largest single cost of the text path. Here each
phrase is filed under its longest word; a line only tries the phrases filed
under the words it has, with a plain substring test. Same data, same answers
(when several families match, the first in load order wins, as in
:meth:`Lexicon.match`); only the lookup differs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from cleaner.core.reasons import Reason
from cleaner.extract.features import ASCII_WORD_SPLIT, ascii_prose

# _LEAD / _TRAIL: the bullet and end-punctuation sets normalise() trims, shared
# so the fast path cannot drift from it.
from cleaner.extract.lexicon import (
    _LEAD,
    _QUOTES,
    _TRAIL,
    CONTAINS_MAX_WORDS,
    Lexicon,
    default_lexicon,
    match_exact_or_prefix,
)

_TOKEN = re.compile(r"\w+")
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
# Phrases of at least this many words are filed under an inner word: the
# first and last words of a phrase may be cut inside a longer word of the line.
_INNER_FROM = 3
# Lines whose answers are remembered (a few MB at most: only lines the
# classifier reads are asked about, most of them short).
MEMO_LINES = 8192


def _anchor(phrase: str) -> str | None:
    """The word a phrase is filed under (its longest inner word)."""
    tokens: list[str] = _TOKEN.findall(phrase)
    if not tokens:
        return None
    inner = tokens[1:-1] if len(tokens) >= _INNER_FROM else tokens
    return max(inner, key=len)


def _normalise(text: str) -> str:
    """:func:`normalise` without its regex: the text path's lines are already
    single-spaced, and only white space other than one ASCII space (all of it
    unprintable) needs the fold."""
    low = text.lower() if text.isascii() else text.translate(_QUOTES).lower()
    if "  " in low or not low.isprintable():
        low = " ".join(low.split())
    return low.strip(_LEAD).rstrip(_TRAIL).strip()


@dataclass(slots=True)
class IndexedLexicon(Lexicon):
    """A :class:`Lexicon` whose "contains" phrases are found through a word index."""

    index: dict[str, list[tuple[int, Reason, str]]] = field(default_factory=dict)
    # Phrases with no word character, tested on every short line.
    loose: list[tuple[int, Reason, str]] = field(default_factory=list)
    # The words of ``index``, intersected with a line's words in one C call.
    anchors: frozenset[str] = frozenset()
    # Answers already given, by line text (with the word count they were for).
    # A page asks about many lines twice (the edges around the body are named
    # before classification, which asks again) and a site repeats its menus and
    # footers on every page; emptied when full, so memory stays bounded.
    memo: dict[str, tuple[int, tuple[Reason, str] | None]] = field(default_factory=dict)

    @classmethod
    def of(cls, base: Lexicon) -> IndexedLexicon:
        lex = cls(exact=base.exact, prefixes=base.prefixes, pending=base.pending)
        for order, (reason, parts) in enumerate(base.pending.items()):
            for escaped in parts:
                phrase = _UNESCAPE.sub(r"\1", escaped)
                anchor = _anchor(phrase)
                if anchor is None:
                    lex.loose.append((order, reason, phrase))
                else:
                    lex.index.setdefault(anchor, []).append((order, reason, phrase))
        lex.anchors = frozenset(lex.index)
        return lex

    def match(self, text: str, words: int) -> tuple[Reason, str] | None:
        """As :meth:`Lexicon.match` (answers memoised: the lexicon never changes)."""
        known = self.memo.get(text)
        if known is not None and known[0] == words:
            return known[1]
        if len(self.memo) >= MEMO_LINES:
            self.memo.clear()
        hit = self._match(text, words)
        self.memo[text] = (words, hit)
        return hit

    def _match(self, text: str, words: int) -> tuple[Reason, str] | None:
        norm = _normalise(text)
        if not norm:
            return None
        hit = match_exact_or_prefix(self.exact, self.prefixes, norm, words)
        if hit is not None:
            return hit
        if words > CONTAINS_MAX_WORDS:
            return None
        # The line's anchor words in one C call; only their phrases are tested.
        found = self.anchors.intersection(_tokens(norm))
        # The first family in load order wins; within it, as the family's regex
        # would find it, the leftmost phrase, then the longest there.
        best: tuple[int, Reason, str] | None = None
        best_key = (len(self.pending), 0, 0)
        for entries in (*(self.index[token] for token in found), self.loose):
            for entry in entries:
                if entry[0] > best_key[0]:
                    continue
                pos = norm.find(entry[2])
                if pos >= 0 and (key := (entry[0], pos, -len(entry[2]))) < best_key:
                    best, best_key = entry, key
        if best is None:
            return None
        return best[1], f"contains '{best[2]}'"


def _tokens(norm: str) -> list[str]:
    """The \\w+ runs of ``norm`` (``_TOKEN.findall``), without the regex for ASCII."""
    plain = norm if norm.isascii() else ascii_prose(norm)
    if plain.isascii():
        return plain.translate(ASCII_WORD_SPLIT).split()
    return _TOKEN.findall(norm)


@cache
def indexed_lexicon() -> IndexedLexicon:
    """The shipped lexicon with its word index (static data, built once)."""
    return IndexedLexicon.of(default_lexicon())

"""The shipped phrase lexicon with its answers remembered, for the text path.

Matching is :meth:`Lexicon.match` itself (exact and prefix phrases, and the
word-indexed "contains" phrases of :class:`~cleaner.extract.lexicon.ContainsIndex`).
What the text path adds is a memo: a page asks about many lines twice (the
edges around the body are named before classification, which asks again) and a
site repeats its menus and footers on every page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from cleaner.core.reasons import Reason
from cleaner.extract.lexicon import Lexicon, default_lexicon

# Lines whose answers are remembered (a few MB at most: only lines the
# classifier reads are asked about, most of them short); emptied when full.
MEMO_LINES = 8192


@dataclass(slots=True)
class MemoLexicon(Lexicon):
    """A :class:`Lexicon` that remembers its answers by line text."""

    # Answers already given, by line text (with the word count they were for).
    memo: dict[str, tuple[int, tuple[Reason, str] | None]] = field(default_factory=dict)

    @classmethod
    def of(cls, base: Lexicon) -> MemoLexicon:
        return cls(exact=base.exact, prefixes=base.prefixes, pending=base.pending,
                   families=base.families, contains_index=base.contains_index,
                   max_words=base.max_words)

    def match(self, text: str, words: int) -> tuple[Reason, str] | None:
        """As :meth:`Lexicon.match` (answers memoised: the lexicon never changes)."""
        known = self.memo.get(text)
        if known is not None and known[0] == words:
            return known[1]
        if len(self.memo) >= MEMO_LINES:
            self.memo.clear()
        # Explicit base call: zero-argument super() fails in slotted dataclasses.
        hit = Lexicon.match(self, text, words)
        self.memo[text] = (words, hit)
        return hit


@cache
def memo_lexicon() -> MemoLexicon:
    """The shipped lexicon with a memo (static data, built once)."""
    return MemoLexicon.of(default_lexicon())

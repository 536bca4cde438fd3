"""Chrome phrases as data: ``lexicon/<lang>/<reason-code>.txt``.

One phrase per line, lower case; ``#`` starts a comment. Three forms:

- ``phrase``   the block *starts with* the phrase and is short (at most
  ``PREFIX_SLACK_WORDS`` words longer than the phrase): "See also: ...".
- ``= phrase`` the whole block *is* the phrase: "Advertisement", "Leave a Reply".
- ``~ phrase`` the block *contains* the phrase and has at most
  ``CONTAINS_MAX_WORDS`` words: cookie notices, Akismet lines.

The file name is the reason code the phrase removes with. All languages are
loaded together: chrome in a second language (an English cookie banner on a
German page) is common, and phrases rarely collide across languages.

"Contains" phrases are found through a word index (:class:`ContainsIndex`), not
by a regex alternation: Python's ``re`` tries every alternative at every
position, about 0.2 ms per paragraph with 250 phrases loaded, the largest cost
of classifying a page of 250,000 short posts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from cleaner.core.reasons import Reason
from cleaner.extract.features import ascii_words, single_spaced

# A "starts with" phrase may be followed by this many more words (a see-also
# headline is rarely longer; a real paragraph starting "See also" is).
PREFIX_SLACK_WORDS = 14
# A "contains" phrase only condemns short blocks: a real paragraph about
# cookies is long, a consent notice is one or two sentences.
CONTAINS_MAX_WORDS = 60

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
_QUOTE_PAIRS = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("\u00a0", " "))
_LEAD = " \t•·*-–—|>»›▸►→#"
_TRAIL = " \t.:!?…-–—|•·*›»>→"
_TOKEN = re.compile(r"\w+")
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)


def normalise(text: str) -> str:
    """Lower-case, fold quotes and white space, trim bullets and end punctuation."""
    if not text.isascii():  # the quotes and the no-break space are not ASCII
        # str.replace per character, not translate(_QUOTES): a dict-table
        # translate walks non-ASCII text in Python-object steps, ~20 us a line.
        for char, plain in _QUOTE_PAIRS:
            if char in text:
                text = text.replace(char, plain)
    # split() and re's \s agree on what white space is (str.isspace); the ends
    # it drops are trimmed below anyway (" " is in _LEAD and _TRAIL). Text that
    # is single-spaced already, as lines of text pages are, is not split again.
    text = text.lower()
    if not single_spaced(text):
        text = " ".join(text.split())
    return text.strip(_LEAD).rstrip(_TRAIL).strip()


def match_exact_or_prefix(
    exact: dict[str, Reason], prefixes: dict[str, list[tuple[str, Reason]]], norm: str, words: int
) -> tuple[Reason, str] | None:
    """The "= phrase" and "phrase" forms on normalised text (shared by both matchers)."""
    reason = exact.get(norm)
    if reason is not None:
        return reason, f"phrase '{norm}'"
    head = norm.split(" ", 1)[0]
    for phrase, reason in prefixes.get(head, ()):
        if norm.startswith(phrase):
            rest = norm[len(phrase):]
            boundary = not rest or not rest[0].isalnum() or not phrase[-1].isalnum()
            if boundary and words <= phrase.count(" ") + 1 + PREFIX_SLACK_WORDS:
                return reason, f"starts with '{phrase}'"
    return None


# One "contains" phrase: (family, rank, reason, phrase). The family is the
# position of its reason in the lexicon (the first family with a phrase in the
# text wins); the rank orders phrases of one family that start at the same
# place (the longest first; a user's phrases in the user's order).
_Entry = tuple[int, int, Reason, str]


def _words(text: str) -> list[str]:
    """The \\w+ words of ``text`` (a regex only for non-ASCII text)."""
    return ascii_words(text) if text.isascii() else _TOKEN.findall(text)


@dataclass(slots=True)
class ContainsIndex:
    """The "contains" phrases filed under a word that every occurrence shows whole.

    A phrase's inner words (not its first or last: "cookies" may sit inside
    "xcookies") are whole words of any text that contains the phrase, so a text
    only tries the phrases filed under its own words, with a substring test.
    Phrases without an inner word (one or two words) are grouped under a few
    substrings that each of them contains, tried first. The answer is the one the per-family
    regex alternations gave: the first family with a phrase in the text, and of
    its phrases the leftmost, at one position the first in alternation order.
    """

    by_word: dict[str, list[_Entry]] = field(default_factory=dict)
    # The keys of ``by_word``, as a set: one C-level intersection with a
    # text's words finds the few that file phrases.
    words: frozenset[str] = frozenset()
    by_substring: dict[str, list[_Entry]] = field(default_factory=dict)

    @classmethod
    def build(cls, families: Iterable[tuple[Reason, list[str]]]) -> ContainsIndex:
        """Index ``(reason, phrases in alternation order)`` families, in priority order."""
        index = cls()
        loose: list[_Entry] = []
        for family, (reason, phrases) in enumerate(families):
            for rank, phrase in enumerate(phrases):
                entry = (family, rank, reason, phrase)
                whole = [m.group(0) for m in _TOKEN.finditer(phrase)
                         if m.start() > 0 and m.end() < len(phrase)]
                if whole:
                    index.by_word.setdefault(max(whole, key=len), []).append(entry)
                else:
                    loose.append(entry)
        index.words = frozenset(index.by_word)
        # Group the loose phrases under few substrings ("cookie" gates most of
        # them): greedily the word of a phrase that most other phrases contain.
        while loose:
            candidates = {w for e in loose for w in _TOKEN.findall(e[3])} or {loose[0][3]}
            key = max(sorted(candidates),
                      key=lambda w: (sum(w in e[3] for e in loose), len(w)))
            index.by_substring[key] = [e for e in loose if key in e[3]]
            loose = [e for e in loose if key not in e[3]]
        return index

    def find(self, norm: str) -> tuple[Reason, str] | None:
        """The first family with a phrase in ``norm`` and the phrase, if any."""
        # _words inlined, and nothing built for the usual line that files no phrase.
        hits = self.words.intersection(
            ascii_words(norm) if norm.isascii() else _TOKEN.findall(norm))
        keys = [key for key in self.by_substring if key in norm]
        if not hits and not keys:
            return None
        found: list[_Entry] = []
        for word in hits:
            found.extend(e for e in self.by_word[word] if e[3] in norm)
        for key in keys:
            found.extend(e for e in self.by_substring[key] if e[3] in norm)
        if not found:
            return None
        family = min(e[0] for e in found)
        best = min((e for e in found if e[0] == family), key=lambda e: (norm.find(e[3]), e[1]))
        return best[2], f"contains '{best[3]}'"


@dataclass(slots=True)
class Lexicon:
    """Compiled phrase tables for all loaded languages."""

    exact: dict[str, Reason] = field(default_factory=dict)
    prefixes: dict[str, list[tuple[str, Reason]]] = field(default_factory=dict)
    # "contains" phrases gathered by add() (regex-escaped), per reason in load
    # order; compile() indexes them.
    pending: dict[Reason, list[str]] = field(default_factory=dict)
    # The "contains" families in priority order, phrases unescaped, in the order
    # tried at one position (longest first).
    families: list[tuple[Reason, list[str]]] = field(default_factory=list)
    contains_index: ContainsIndex = field(default_factory=ContainsIndex)
    # Blocks longer than this (in words) can match no phrase; 0 = not computed yet.
    # Checked before normalising: most blocks are long paragraphs.
    max_words: int = 0

    def _word_limit(self) -> int:
        exact = max((len(p.split()) for p in self.exact), default=0)
        prefix = max((p.count(" ") + 1 for ps in self.prefixes.values() for p, _ in ps),
                     default=0)
        # Exact phrases are compared after normalising, which can only shorten
        # a text; twice their length leaves room for punctuation splits.
        self.max_words = max(2 * exact + 2, prefix + PREFIX_SLACK_WORDS, CONTAINS_MAX_WORDS)
        return self.max_words

    def add(self, line: str, reason: Reason) -> None:
        line = line.strip()
        if not line or line.startswith("#"):
            return
        if line.startswith("="):
            self.exact.setdefault(normalise(line[1:]), reason)
        elif line.startswith("~"):
            self.pending.setdefault(reason, []).append(re.escape(normalise(line[1:])))
        else:
            phrase = line.translate(_QUOTES).lower().strip()
            head = phrase.split(" ", 1)[0]
            self.prefixes.setdefault(head, []).append((phrase, reason))

    def compile(self) -> Lexicon:
        self.families = [
            (reason, [_UNESCAPE.sub(r"\1", p)
                      for p in sorted(set(parts), key=len, reverse=True)])
            for reason, parts in self.pending.items()
            if parts
        ]
        self.contains_index = ContainsIndex.build(self.families)
        return self

    def match(self, text: str, words: int) -> tuple[Reason, str] | None:
        """The chrome family whose phrase this block text matches, if any."""
        if words > (self.max_words or self._word_limit()):
            return None
        norm = normalise(text)
        if not norm:
            return None
        hit = match_exact_or_prefix(self.exact, self.prefixes, norm, words)
        if hit is not None:
            return hit
        if words <= CONTAINS_MAX_WORDS:
            return self.contains_index.find(norm)
        return None


def _reason_for(stem: str) -> Reason | None:
    try:
        return Reason(stem)
    except ValueError:
        return None


@cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped with cleaner (all languages); static data, loaded once."""
    lex = Lexicon()
    root = resources.files("cleaner.extract").joinpath("lexicon")
    for lang_dir in sorted(root.iterdir(), key=lambda p: p.name):
        if not lang_dir.is_dir():
            continue
        for entry in sorted(lang_dir.iterdir(), key=lambda p: p.name):
            if not entry.name.endswith(".txt"):
                continue
            reason = _reason_for(entry.name[:-4])
            if reason is None:
                continue
            for line in entry.read_text(encoding="utf-8").splitlines():
                lex.add(line, reason)
    return lex.compile()


def with_user_phrases(base: Lexicon, phrases: Iterable[str]) -> Lexicon:
    """A copy of ``base`` that also removes the user's phrases (reason user-remove)."""
    phrases = tuple(phrases)
    if not phrases:
        return base
    lex = Lexicon(dict(base.exact), {k: list(v) for k, v in base.prefixes.items()})
    for phrase in phrases:
        lex.add(phrase if phrase[:1] in "=~" else f"~ {phrase}", Reason.USER_REMOVE)
    lex.families = list(base.families)
    extra = lex.pending.get(Reason.USER_REMOVE)
    if extra:  # tried first, in the user's order
        lex.families.insert(0, (Reason.USER_REMOVE, [_UNESCAPE.sub(r"\1", p) for p in extra]))
    lex.contains_index = ContainsIndex.build(lex.families)
    return lex

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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from cleaner.core.reasons import Reason

# A "starts with" phrase may be followed by this many more words (a see-also
# headline is rarely longer; a real paragraph starting "See also" is).
PREFIX_SLACK_WORDS = 14
# A "contains" phrase only condemns short blocks: a real paragraph about
# cookies is long, a consent notice is one or two sentences.
CONTAINS_MAX_WORDS = 60

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
_LEAD = " \t•·*-–—|>»›▸►→#"
_TRAIL = " \t.:!?…-–—|•·*›»>→"
_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower-case, fold quotes and white space, trim bullets and end punctuation."""
    text = _WS.sub(" ", text.translate(_QUOTES).lower())
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


@dataclass(slots=True)
class Lexicon:
    """Compiled phrase tables for all loaded languages."""

    exact: dict[str, Reason] = field(default_factory=dict)
    prefixes: dict[str, list[tuple[str, Reason]]] = field(default_factory=dict)
    contains: list[tuple[Reason, re.Pattern[str]]] = field(default_factory=list)
    # "contains" phrases gathered by add(), compiled into ``contains`` by compile().
    pending: dict[Reason, list[str]] = field(default_factory=dict)
    # Blocks longer than this (in words) can match no phrase; 0 = not computed yet.
    # Checked before normalising: most blocks are long paragraphs.
    max_words: int = 0
    # All "contains" patterns in one alternation: one search rules out the usual
    # no-match case; the per-family loop then runs only on a hit (its order
    # decides the reason). None when ``contains`` was assembled by hand.
    any_contains: re.Pattern[str] | None = None

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
        self.contains = [
            (reason, re.compile("|".join(sorted(set(parts), key=len, reverse=True))))
            for reason, parts in self.pending.items()
            if parts
        ]
        if self.contains:
            self.any_contains = re.compile("|".join(f"(?:{p.pattern})" for _, p in self.contains))
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
        if words <= CONTAINS_MAX_WORDS and (
            self.any_contains is None or self.any_contains.search(norm) is not None
        ):
            for reason, pattern in self.contains:
                found = pattern.search(norm)
                if found:
                    return reason, f"contains '{found.group(0)}'"
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
    lex.contains = list(base.contains)
    extra = lex.pending.get(Reason.USER_REMOVE)
    if extra:
        lex.contains.insert(0, (Reason.USER_REMOVE, re.compile("|".join(extra))))
    return lex

"""Segment flattened page text into blocks: one block per line or paragraph.

Scrapers flatten pages two ways, and both must give the same blocks:

- *browser-like* (innerText, inscriptis): a paragraph is one line, list items
  carry a bullet (``*``, ``+``, ``-``, ``•``, ``1.``), indentation shows nesting.
- *soup-like* (``get_text("\\n")``): every inline tag (link, bold) becomes a
  line break, so one sentence arrives as fragments: ``... Trump`` / ``tweeted``
  / ``before Election Day.``. Fragments are glued back when the join reads as
  one sentence (the first part does not end a sentence and the next continues
  it), because line length and final punctuation are the text path's strongest
  signals and a fragmented paragraph would look like a menu.

This runs on every line of every page, so it avoids regexes and builds each
block's :class:`Features` by hand from one ``split()``.
"""

from __future__ import annotations

from cleaner.core.model import Block, BlockKind, Features
from cleaner.extract.features import count_words

# Characters that end a sentence-like line (as in features._SENTENCE_END).
SENTENCE_END = frozenset(".!?…:;。！？)]\"'”’»")
# A line starting with one of these continues the previous fragment (", and",
# ". ", ") ..."): soup-style text puts the punctuation after a link on its own line.
_CONTINUES = frozenset(",.;:!?)]%»”’")
_BULLETS = frozenset("*+-•·–▪◦●■►▸")
_PUNCT = ",.;:!?"
# Fragments glue when the first one is at least this many words long, or the
# next one is: a 1-3 word line followed by another is a menu, not a sentence.
MERGE_MIN_WORDS = 4
# Soup-style pages split breadcrumbs into "Home" / "»" / "News": these
# separators glue their neighbours into one line so the trail is seen whole.
CRUMB_SEPARATORS = frozenset({"»", "›", ">", "/", "|", "→", "::", "•", "·"})
# Longest fragment that a breadcrumb separator may glue to its neighbours.
CRUMB_PART_WORDS = 12

BULLET_HINT = frozenset({"shape:bullet"})
NO_HINTS: frozenset[str] = frozenset()


def _features(text: str) -> Features:
    """The shared Features, measured without regexes on the hot path."""
    words = len(text.split()) if text.isascii() else count_words(text)
    puncts = sum(text.count(c) for c in _PUNCT)
    return Features(
        words=words,
        chars=len(text),
        ends_sentence=text[-1] in SENTENCE_END,
        punct_per_word=puncts / words if words else 0.0,
    )


def _strip_bullet(line: str) -> tuple[str, bool, bool]:
    """(text, is_bullet, ordered) for a stripped line."""
    first = line[0]
    if first in _BULLETS and len(line) > 1 and line[1] == " ":
        return line[2:].lstrip(), True, False
    if first.isdigit():
        head = line[:4]
        for mark in (". ", ") "):
            pos = head.find(mark)
            if 0 < pos and head[:pos].isdigit():
                # Keep the number: "1) Lego Star Wars" reads as the article wrote it.
                return line, True, True
    return line, False, False


def _glues(prev: str, prev_words: int, nxt: str) -> bool:
    """Does ``nxt`` continue the sentence that ``prev`` left open?"""
    if prev[-1] in SENTENCE_END and not nxt[0] in ",;)]":
        return False
    first = nxt[0]
    if first in _CONTINUES:
        return True
    if prev in CRUMB_SEPARATORS or nxt in CRUMB_SEPARATORS:
        return prev_words <= CRUMB_PART_WORDS and len(nxt.split()) <= CRUMB_PART_WORDS
    if first.islower():
        return prev_words >= MERGE_MIN_WORDS or len(nxt.split()) >= MERGE_MIN_WORDS
    # An open sentence ending in a lower-case word or a comma, then a capitalised
    # fragment: a linked name inside the sentence ("according to" / "Reuters").
    last = prev[-1]
    return prev_words >= 2 * MERGE_MIN_WORDS and (last.islower() or last == ",")


def segment_text(text: str) -> list[Block]:
    """Blocks of a flattened page in document order; spans name their lines."""
    blocks: list[Block] = []
    # The block being built: its text pieces, first/last line, shape.
    parts: list[str] = []
    words = 0
    start = end = 0
    bullet = ordered = False
    blank_before = False

    def flush() -> None:
        if not parts:
            return
        joined = _join(parts)
        span = f"line {start}" if start == end else f"lines {start}-{end}"
        kind = BlockKind.LIST_ITEM if bullet else BlockKind.PARAGRAPH
        hints = BULLET_HINT if bullet else NO_HINTS
        if blank_before:
            hints = hints | {"shape:blank-before"}
        blocks.append(Block(id=len(blocks), text=joined, kind=kind, features=_features(joined),
                            span=span, hints=hints, ordered=ordered))

    prev_blank = True
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            flush()
            parts = []
            prev_blank = True
            continue
        line = " ".join(line.split()) if "  " in line or "\t" in line or "\xa0" in line else line
        if parts and not prev_blank and _glues(parts[-1], words, line):
            parts.append(line)
            words += len(line.split())
            end = lineno
            continue
        flush()
        body, bullet, ordered = _strip_bullet(line)
        if not body:
            parts = []
            prev_blank = False
            continue
        parts = [body]
        words = len(body.split())
        start = end = lineno
        blank_before = prev_blank
        prev_blank = False
    flush()
    return blocks


def _join(parts: list[str]) -> str:
    """Glue fragments: no space before closing punctuation, one space otherwise."""
    if len(parts) == 1:
        return parts[0]
    out = [parts[0]]
    for piece in parts[1:]:
        if piece[0] in _CONTINUES and piece[0] not in "»":
            out.append(piece)
        else:
            out.append(" " + piece)
    return "".join(out)

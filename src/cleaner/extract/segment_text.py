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

This runs on every line of every page, so it avoids regexes: :func:`split_lines`
measures each line with one ``split()`` and blocks are built only where needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from cleaner.core.model import Block, BlockKind, Features
from cleaner.extract.features import CJK_START, count_words

# Characters that end a sentence-like line (as in features._SENTENCE_END).
SENTENCE_END = frozenset(".!?…:;。！？)]\"'”’»")
# A line starting with one of these continues the previous fragment (", and",
# ". ", ") ..."): soup-style text puts the punctuation after a link on its own line.
_CONTINUES = frozenset(",.;:!?)]%»”’")
_BULLETS = frozenset("*+-•·–▪◦●■►▸")
# First characters of a line that _strip_bullet may change, besides digits
# (bullets, and the "o" of second-level items): other lines skip the call.
_MAYBE_BULLET = frozenset(_BULLETS | {"o"})
_PUNCT = ",.;:!?"
_PUNCT_BYTES = _PUNCT.encode()
# Fragments glue when the first one is at least this many words long, or the
# next one is: a 1-3 word line followed by another is a menu, not a sentence.
MERGE_MIN_WORDS = 4
# Soup-style pages split breadcrumbs into "Home" / "»" / "News": these
# separators glue their neighbours into one line so the trail is seen whole.
CRUMB_SEPARATORS = frozenset({"»", "›", ">", "/", "|", "→", "::", "•", "·"})
# Last characters of the separators (a line ending otherwise ends with none).
_CRUMB_LAST = frozenset(sep[-1] for sep in CRUMB_SEPARATORS)
# Sentence ends that end no separator: after them a line glues only when it
# starts with "," ";" ")" "]" or is a separator (see _glues).
_ENDS_NO_CRUMB = SENTENCE_END - _CRUMB_LAST
# Longest fragment that a breadcrumb separator may glue to its neighbours.
CRUMB_PART_WORDS = 12

BULLET_HINT = frozenset({"shape:bullet"})
GROUP_HINT = frozenset({"shape:line-group"})
NO_HINTS: frozenset[str] = frozenset()
# Only text reaching the CJK scripts needs the slower regex word count.
_CJK_START = CJK_START


class Line(NamedTuple):
    """One line (or glued run of fragments) of the page, measured cheaply."""

    text: str
    words: int
    ends_sentence: bool
    bullet: bool
    ordered: bool
    start: int
    end: int
    blank_before: bool
    # Leading spaces of the first line: innerText-style converters indent by
    # nesting depth, so the article's paragraphs share one indentation.
    indent: int = 0


def ends_sentence(text: str) -> bool:
    """Ends like a sentence; a trailing ellipsis is a cut-off teaser, not an end."""
    last = text[-1]
    if last not in SENTENCE_END:
        return False
    return not (last == "…" or text.endswith(".."))


def word_count(text: str) -> int:
    """Words as :func:`count_words` counts them, without a regex for most text."""
    if text.isascii() or max(text) < _CJK_START:
        return len(text.split())
    return count_words(text)


def _puncts(text: str) -> int:
    """How many of ``, . ; : ! ?`` the text holds (one C pass for ASCII text,
    where deleting them from the bytes is cheaper than six counts)."""
    if text.isascii():
        return len(text) - len(text.encode().translate(None, _PUNCT_BYTES))
    return (text.count(",") + text.count(".") + text.count(";") + text.count(":")
            + text.count("!") + text.count("?"))


def features_of(text: str, words: int) -> Features:
    """The shared Features, measured without regexes on the hot path."""
    puncts = _puncts(text)
    # Positional: words, chars, link_chars, link_count, link_density,
    # ends_sentence, punct_per_word (keyword calls cost more).
    return Features(words, len(text), 0, 0, 0.0, text[-1] in SENTENCE_END,
                    puncts / words if words else 0.0)


def _strip_bullet(line: str) -> tuple[str, bool, bool]:
    """(text, is_bullet, ordered) for a stripped line."""
    first = line[0]
    if first in _BULLETS and len(line) > 1 and line[1] == " ":
        return line[2:].lstrip(), True, False
    # innerText-style converters mark second-level items with "o".
    if first == "o" and line[1:2] == " " and line[2:3].isupper():
        return line[2:], True, False
    if first.isdigit():
        head = line[:4]
        for mark in (". ", ") "):
            pos = head.find(mark)
            if pos > 0 and head[:pos].isdigit():
                # Keep the number: "1) Lego Star Wars" reads as the article wrote it.
                return line, True, True
    return line, False, False


def _glues(prev: str, prev_words: int, nxt: str) -> bool:
    """Does ``nxt`` continue the sentence that ``prev`` left open?"""
    # The last-character test spares most lines the rsplit.
    if nxt in CRUMB_SEPARATORS or (prev[-1] in _CRUMB_LAST
                                   and prev.rsplit(" ", 1)[-1] in CRUMB_SEPARATORS):
        return prev_words <= CRUMB_PART_WORDS and len(nxt.split()) <= CRUMB_PART_WORDS
    if prev[-1] in SENTENCE_END and nxt[0] not in ",;)]":
        return False
    first = nxt[0]
    if first in _CONTINUES:
        return True
    if first.islower():
        return prev_words >= MERGE_MIN_WORDS or len(nxt.split()) >= MERGE_MIN_WORDS
    # An open sentence ending in a lower-case word or a comma, then a capitalised
    # fragment: a linked name inside the sentence ("according to" / "Reuters").
    # Only a short fragment: a capitalised line of its own is usually a new line.
    last = prev[-1]
    return (prev_words >= 2 * MERGE_MIN_WORDS and (last.islower() or last == ",")
            and len(nxt.split()) < MERGE_MIN_WORDS)


def split_lines(text: str) -> list[Line]:
    """The page's lines in order, fragments glued, bullets taken off.

    The hottest loop of the text path: per line one strip, one printable test
    and a space count instead of a ``split()`` (see :func:`_split_count`,
    inlined here with the single-fragment case of :func:`_make_line`: most
    lines are one fragment, and a call per line costs as much as its work)."""
    lines: list[Line] = []
    append = lines.append
    new_line = _new_line
    parts: list[str] = []
    words = start = end = 0
    bullet = ordered = blank_before = False
    indent = 0
    prev_blank = True
    line = ""
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            prev_blank = True
            continue
        # A printable line holds no tab or no-break space (both are unprintable).
        printable = line.isprintable()
        if "  " in line or (not printable and ("\t" in line or "\xa0" in line)):
            line = " ".join(line.split())
            printable = line.isprintable()
        # The usual case first: the previous line ends a sentence (and no trail
        # separator), the next does not continue it: _glues would say no.
        if parts and not prev_blank and not (
                parts[-1][-1] in _ENDS_NO_CRUMB and line[0] not in ",;)]"
                and line not in CRUMB_SEPARATORS) and _glues(parts[-1], words, line):
            parts.append(line)
            words += line.count(" ") + 1 if printable else len(line.split())
            end = lineno
            continue
        if parts:
            if len(parts) == 1:
                joined = parts[0]
                if not (joined.isascii() or max(joined) < _CJK_START):
                    words = count_words(joined)
                last = joined[-1]
                append(new_line(Line, (joined, words, last in SENTENCE_END and not (
                    last == "…" or joined.endswith("..")), bullet, ordered, start, end,
                    blank_before, indent)))
            else:
                append(_make_line(parts, words, bullet, ordered, start, end, blank_before,
                                  indent))
        first = line[0]
        if first in _MAYBE_BULLET or first.isdigit():
            line, bullet, ordered = _strip_bullet(line)
        else:
            bullet = ordered = False
        indent = len(raw) - len(raw.lstrip(" ")) if raw[0] == " " else 0
        parts = [line]
        # (A bullet taken off a printable line leaves it printable; split() is
        # right in any case.)
        words = line.count(" ") + 1 if printable else len(line.split())
        start = end = lineno
        blank_before = prev_blank
        prev_blank = False
    if parts:
        append(_make_line(parts, words, bullet, ordered, start, end, blank_before, indent))
    return lines


def _split_count(text: str) -> int:
    """``len(text.split())`` for a stripped, single-spaced piece: when every
    character is printable the only white space is the ASCII space."""
    return text.count(" ") + 1 if text.isprintable() else len(text.split())


_new_line = tuple.__new__


def _make_line(parts: list[str], words: int, bullet: bool, ordered: bool, start: int,
               end: int, blank_before: bool, indent: int) -> Line:
    """The Line of a finished run of fragments (``words``: their split count)."""
    if len(parts) == 1:  # most lines: no join, and the split count stands
        joined = parts[0]
        count = words if joined.isascii() or max(joined) < _CJK_START else count_words(joined)
    else:
        joined = _join(parts)
        count = _recount(joined, -1)
    # tuple.__new__ directly: the NamedTuple constructor adds a Python frame.
    return _new_line(Line, (joined, count, ends_sentence(joined), bullet, ordered, start, end,
                            blank_before, indent))


def _recount(text: str, split_words: int) -> int:
    """Words of a line: the split count of a single piece (-1: recount), unless
    CJK text needs the regex."""
    if text.isascii() or max(text) < _CJK_START:
        return split_words if split_words >= 0 else _split_count(text)
    return count_words(text)


def _span(start: int, end: int) -> str:
    return f"line {start}" if start == end else f"lines {start}-{end}"


def line_block(line: Line, block_id: int) -> Block:
    """The block of one line (article candidates get one block per line)."""
    text, words, _, bullet, ordered, start, end, _, _ = line
    # features_of inlined, and both objects built from positional arguments:
    # this runs for every line near the article.
    # _puncts inlined: ASCII lines lose their punctuation in one C pass.
    puncts = (len(text) - len(text.encode().translate(None, _PUNCT_BYTES)) if text.isascii()
              else text.count(",") + text.count(".") + text.count(";") + text.count(":")
              + text.count("!") + text.count("?"))
    features = Features(words, len(text), 0, 0, 0.0, text[-1] in SENTENCE_END,
                        puncts / words if words else 0.0)
    span = f"line {start}" if start == end else f"lines {start}-{end}"
    if bullet:
        return Block(block_id, text, BlockKind.LIST_ITEM, features, 0, span, BULLET_HINT,
                     None, (), ordered)
    return Block(block_id, text, BlockKind.PARAGRAPH, features, 0, span, NO_HINTS, None, (),
                 ordered)


def group_block(lines: Sequence[Line], block_id: int) -> Block:
    """One block for a run of lines far from the article (menus, footers).

    Grouping keeps a 500-line page cheap: these lines share one verdict
    anyway, and the span still names every line the verdict covers."""
    text = "\n".join([line.text for line in lines])
    words = sum([line.words for line in lines])
    return Block(block_id, text, BlockKind.PARAGRAPH, features_of(text, words), 0,
                 _span(lines[0].start, lines[-1].end), GROUP_HINT)


def segment_text(text: str) -> list[Block]:
    """One block per line (glued fragments count as one line), in order."""
    return [line_block(line, i) for i, line in enumerate(split_lines(text))]


def _join(parts: list[str]) -> str:
    """Glue fragments: no space before closing punctuation, one space otherwise."""
    if len(parts) == 1:
        return parts[0]
    out = [parts[0]]
    for piece in parts[1:]:
        if piece[0] in _CONTINUES and piece[0] != "»":
            out.append(piece)
        else:
            out.append(" " + piece)
    return "".join(out)

"""Hard-wrapped text: paragraphs broken at a fixed width are joined again.

Some flatteners (``lynx -dump``, ``w3m``, ``html2text``, mail archives, plain
text saved from a terminal) wrap every paragraph at a fixed width, 70 to 80
columns as a rule. The text path reads one line as one unit: a wrapped
paragraph would reach it as a run of line fragments, the first of them a short
line such as "Foreign Minister Qin Gang shared concerns during a phone", which
reads like a menu entry or a headline and is judged alone.

A greedy wrapper leaves a precise trace: a line is broken only when the next
word would not fit, so the line's length plus one plus the next line's first
word exceeds the width. Menus and headline lists do not follow that rule (a
short headline is followed by a long one), so a page is taken as hard-wrapped
only when nearly every pair of adjacent non-blank lines satisfies it for one
width. Its wrapped lines are then joined; each join leaves an empty line after
the paragraph, so every later line keeps its line number (the reasons and the
explain report cite line numbers of the input).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

# The widths wrappers use: below 40 a "paragraph" would be a column of a few
# words, above 132 lines are not wrapped for reading.
MIN_WIDTH = 40
MAX_WIDTH = 132
# A page is hard-wrapped only with this many wrapped pairs: a few lines of
# the same length can happen anywhere.
MIN_WRAPPED_PAIRS = 8
# ...and when this share of its adjacent non-blank line pairs breaks where a
# greedy wrapper would (the rest: a paragraph's last line followed directly by
# the next paragraph, list items).
MIN_GREEDY_SHARE = 0.8
# Wrappers count columns differently (tabs, wide characters, a trailing
# space): a line may end this many characters before the width.
WIDTH_SLACK = 2
# Text with this share of its non-blank lines longer than MAX_WIDTH is not
# hard-wrapped (one long URL or table row is allowed).
MAX_LONG_SHARE = 0.03
# Wrapped lines end within this many characters of the width (a long word
# moved to the next line leaves at most that gap)...
NEAR_WIDTH = 20
# ...and they are at least this share of the non-blank lines (titles, headings
# and a paragraph's last line are shorter).
MIN_NEAR_SHARE = 0.3
# A line starting like a list item or a quote starts a new unit.
_ITEM_STARTS = frozenset("-*•·>|#+")


def _first_word(line: str) -> int:
    """Length of the first word of a stripped line."""
    cut = line.find(" ")
    return len(line) if cut < 0 else cut


def _width(lengths: list[int]) -> int | None:
    """The wrap width the line lengths suggest (None: not a wrapped text).

    Sorting and bisecting run in C: most pages leave here, for a few
    microseconds."""
    ordered = sorted(lengths)
    blank = bisect_right(ordered, 0)
    filled = len(ordered) - blank
    if filled < MIN_WRAPPED_PAIRS:
        return None
    width = ordered[blank + int(filled * (1 - MAX_LONG_SHARE)) - 1]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    # Most lines of a wrapped paragraph end near the width.
    near = bisect_right(ordered, width) - bisect_left(ordered, width - NEAR_WIDTH)
    return width if near >= MIN_WRAPPED_PAIRS and near >= MIN_NEAR_SHARE * filled else None


def unwrap(text: str) -> str:
    """``text`` with hard-wrapped paragraphs joined (unchanged if not wrapped).

    The result has as many lines as ``text`` has (``str.splitlines``), each
    non-joined line at its old number."""
    lines = text.splitlines()
    lengths = list(map(len, lines))
    # A wrapped text has no long lines: the common case exits here.
    if not lines or max(lengths) > MAX_WIDTH * 3:
        return text
    width = _width(lengths)
    if width is None:
        return text
    stripped = [line.strip() for line in lines]
    joins: list[bool] = [False] * len(lines)
    pairs = greedy = 0
    for i in range(len(lines) - 1):
        cur, nxt = stripped[i], stripped[i + 1]
        if not cur or not nxt or nxt[0] in _ITEM_STARTS or " " not in cur:
            continue
        pairs += 1
        size = len(lines[i].rstrip())
        # Broken where a greedy wrapper breaks: the line fits, the next word not.
        if size <= width and size + 1 + _first_word(nxt) > width - WIDTH_SLACK:
            greedy += 1
            joins[i] = True
    if greedy < MIN_WRAPPED_PAIRS or greedy < MIN_GREEDY_SHARE * pairs:
        return text
    joined = "\n".join(rejoin(lines, joins))
    # A final empty line needs the line break that ends it.
    return joined if len(joined.splitlines()) == len(lines) else joined + "\n"


def rejoin(lines: list[str], joins: list[bool]) -> list[str]:
    """``lines`` with each line whose ``joins`` flag is set continued by the
    next one (one space between); each joined line leaves an empty line after
    its paragraph, so the other lines keep their numbers."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        parts = [lines[i].rstrip()]
        while joins[i] and i + 1 < len(lines):
            i += 1
            parts.append(lines[i].strip())
        # (A line joined to nothing stays as it came.)
        out.append(" ".join(parts) if len(parts) > 1 else lines[i])
        out.extend([""] * (len(parts) - 1))
        i += 1
    return out

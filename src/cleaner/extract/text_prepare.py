"""Before segmenting a text page: undo what its converter did to the lines.

Two converters' habits are undone (see their modules): Markdown syntax
(:mod:`cleaner.extract.text_markdown`) and hard wrapping
(:mod:`cleaner.extract.text_unwrap`). Both keep every line at its number, so
a page's lines, reasons and the explain report still cite the input; a line
they emptied (a joined paragraph's continuation, an image, a link target
broken over two lines) is counted in the span of the line above it, so every
non-blank input line stays covered by some block's span.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.extract.segment_text import Line
from cleaner.extract.text_markdown import demarkdown
from cleaner.extract.text_unwrap import unwrap


def prepare(text: str) -> tuple[str, dict[int, tuple[int, int]]]:
    """(text to segment, the input lines each changed line covers).

    The mapping (1-based line numbers, first and last) is empty when nothing
    changed, the usual case: both passes return their input itself then.
    Emptied lines at the very top go to the first line below them."""
    out = unwrap(demarkdown(text))
    if out is text:
        return text, {}
    before, after = text.splitlines(), out.splitlines()
    if len(after) < len(before):
        # Emptied last lines: splitlines() does not count an unterminated
        # empty line, so the line breaks that made them come back.
        out += "\n" * (len(before) - len(after))
        after += [""] * (len(before) - len(after))
    if len(after) != len(before):  # cannot happen; the input is safer than a guess
        return text, {}
    covers: dict[int, tuple[int, int]] = {}
    head = 0
    leading = 0  # the first emptied line above any kept one
    for number, (old, new) in enumerate(zip(before, after, strict=True), 1):
        if new.strip():
            head = number
            if leading:
                covers[head] = (leading, head)
                leading = 0
        elif old.strip():
            if head:
                covers[head] = (covers.get(head, (head, head))[0], number)
            elif not leading:
                leading = number
    return out, covers


def stretch(lines: Sequence[Line], covers: dict[int, tuple[int, int]]) -> list[Line]:
    """``lines`` with each span reaching the input lines its text came from."""
    out = list(lines)
    for i, line in enumerate(out):
        spans = [covers[n] for n in range(line.start, line.end + 1) if n in covers]
        if spans:
            first = min(line.start, *(a for a, _ in spans))
            last = max(line.end, *(b for _, b in spans))
            out[i] = line._replace(start=first, end=last)
    return out

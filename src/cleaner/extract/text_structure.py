"""Page structure the prose score misses: records, comments above the article, code.

**Record runs.** The text path finds the article as the densest run of prose. Some articles are
mostly data: a race calendar (``1a etapa: 10 de março – Interlagos``), a tour's
dates (``June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL``), qualified
teams (``England (Group A): 10th appearance``), a spec sheet (``OS: Windows 11
64bit``). Each line is a *record*: a short key field, a separator, a value.
Without final punctuation such lines score like headlines or menu entries, so
the region stops above them and they are lost.

A run of records has a shape menus and teaser lists lack: consecutive lines cut
by the same separator after a key of a few words, keys and values that differ
from line to line (a share bar repeats "Click to share on ..."), and digits on
most lines (dates, ordinals, sizes, prices). Such a run near the selected region
is scored as prose and the region is chosen again, so the article grows to take
it in (or, when the data is the whole article, moves to it).

Only the lines around the first region are read (:data:`RECORD_SCAN`), with one
regex search per line of record size: ordinary prose pages pay a few dozen
searches. The rare page with a run pays a second region selection.

**Comments above the article.** A comment-section header ("2 Comments") below
some prose discounts everything after it (:mod:`cleaner.extract.text_select`).
Some pages print a short discussion, or the post's comment count, *above* the
post: the article then falls under the discount and is removed as comments.
:func:`comments_above_article` tells the two apart by the run right below the
header (see :data:`COMMENTS_FIRST_RATIO`); it only runs on pages with a header.

**Code split into tokens.** Soup-style flattening turns each highlighted token
of a code block into a line ("def" / "add" / "(" / "x" / ","). Such a block
looked like a 100-line menu: it cut the article in two, and the classifier
dropped its short lines. :func:`glue_code_tokens` joins a run of token lines
back into one line that scores zero (the region may cross it, it does not
attract it), so the code is kept whole with the prose around it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol

from cleaner.core.model import Block, Verdict
from cleaner.core.reasons import Reason
from cleaner.extract.lexicon import Lexicon
from cleaner.extract.segment_text import Line
from cleaner.extract.text_rules import Mark
from cleaner.extract.text_select import PROSE_CAP, TextRegion, is_commenter_line

# Lines above and below the region that are searched for record runs: the data
# of an article sits right under its introduction (or just above the sidebar
# that won the first pick).
RECORD_SCAN = 40
# ...and this many lines inside it, for a run that begins in the region and
# goes on below it (the rest of the region is not read: its records are in).
RECORD_OVERLAP = 10
# A run needs this many records: four lines of one shape are still often a
# teaser box ("Exclusive: ..."), a dozen are a calendar or a table.
MIN_RECORDS = 5
# A record line: a key, a value, maybe a place: at least this many words, and
# not a paragraph.
RECORD_MIN_WORDS = 3
RECORD_MAX_WORDS = 30
# Records average at least this many words: a category list with counts
# ("Travel (12)") or a poll's percentages are shorter.
RECORD_MEAN_WORDS = 4
# The key before the separator is short ("June 9", "1a etapa", "OS"): a
# headline cut by a colon ("How to Screen Record on Windows: Step-by-Step
# Guide") has a long one.
KEY_MAX_WORDS = 3
# At least this share of the records holds a digit (a date, a rank, a size).
DIGIT_SHARE = 0.5
# Keys and values must differ on more than this share of the lines.
DISTINCT_SHARE = 0.5
# The first separator of a record: colon, dashes, bar, at-sign, opening bracket.
_SEPARATOR = re.compile(r"[:–—|@(]|--| - ")
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")

Selector = Callable[[Sequence[Line], Sequence[float]], TextRegion]


def _record_key(line: Line) -> tuple[str, str, str] | None:
    """(separator, key, value) of a record-shaped line, else None."""
    if not RECORD_MIN_WORDS <= line.words <= RECORD_MAX_WORDS:
        return None
    text = line.text
    match = _SEPARATOR.search(text)
    if match is None:
        return None
    key = text[:match.start()].strip()
    value = text[match.end():]
    if not key or key.count(" ") >= KEY_MAX_WORDS or _LETTER.search(value) is None:
        return None
    return match.group().strip(), key, value


def record_runs(lines: Sequence[Line], lo: int, hi: int) -> list[range]:
    """Runs of record lines in ``lines[lo:hi]`` (see the module docstring).

    A run of MIN_RECORDS lines starting at or after ``i`` holds line
    ``i + MIN_RECORDS - 1``: only that probe is read until one is a record,
    so a page without records costs one search every MIN_RECORDS lines."""
    runs: list[range] = []
    i = lo
    while i + MIN_RECORDS - 1 < hi:
        probe = i + MIN_RECORDS - 1
        rec = _record_key(lines[probe])
        if rec is None:
            i = probe + 1
            continue
        sep = rec[0]
        found: list[tuple[str, str, str]] = [rec]
        start = probe
        while start > i:
            prev = _record_key(lines[start - 1])
            if prev is None or prev[0] != sep:
                break
            found.insert(0, prev)
            start -= 1
        end = probe + 1
        while end < hi:
            nxt = _record_key(lines[end])
            if nxt is None or nxt[0] != sep:
                break
            found.append(nxt)
            end += 1
        if _is_run(lines, start, end, found):
            runs.append(range(start, end))
        i = end
    return runs


def _is_run(lines: Sequence[Line], i: int, j: int, found: list[tuple[str, str, str]]) -> bool:
    """Enough records, with keys and values that vary, of record size, with digits."""
    n = j - i
    keys = [rec[1] for rec in found]
    values = {rec[2] for rec in found}
    return (n >= MIN_RECORDS and len(set(keys)) > DISTINCT_SHARE * n
            and len(values) > DISTINCT_SHARE * n
            and sum(lines[k].words for k in range(i, j)) >= RECORD_MEAN_WORDS * n
            and _digits_vary(lines, i, j, keys, values))


def _digits_vary(lines: Sequence[Line], i: int, j: int, keys: list[str],
                 values: set[str]) -> bool:
    """Digits on most records, and in the values when the keys only count.

    "1a etapa: 10 de março" / "2a etapa: 8 de abril" is a calendar, but
    "Chapter 01: What Ever Are We Doing?" / "Chapter 02: ..." is a table of
    contents: when most keys differ only by their number, the values must
    hold the data."""
    n = j - i
    need = DIGIT_SHARE * n
    counted = Counter(_DIGIT_RUN.sub("", key) for key in keys).most_common(1)[0][1]
    if counted > DISTINCT_SHARE * n:
        return sum(1 for value in values if _DIGIT.search(value)) >= need
    return sum(1 for k in range(i, j) if _DIGIT.search(lines[k].text)) >= need


def widen_to_records(lines: Sequence[Line], scores: list[float], region: TextRegion,
                     select: Selector) -> tuple[TextRegion, list[range]]:
    """The region chosen again with the record runs around it scored as prose.

    Returns the (maybe new) region and the runs found; ``scores`` is updated in
    place. Runs inside the region already are left to the classifier."""
    n = len(lines)
    top = (max(0, region.start - RECORD_SCAN), min(n, region.start + RECORD_OVERLAP))
    bottom = (max(0, region.end + 1 - RECORD_OVERLAP), min(n, region.end + 1 + RECORD_SCAN))
    windows = [(top[0], bottom[1])] if top[1] >= bottom[0] else [top, bottom]
    runs = [r for lo, hi in windows for r in record_runs(lines, lo, hi)
            if r.start < region.start or r.stop > region.end + 1]
    if not runs:
        return region, runs
    for run in runs:
        for k in run:
            scores[k] = max(scores[k], float(min(lines[k].words, PROSE_CAP)))
    new = select(lines, scores)
    if new.end < region.start or new.start > region.end:
        return new, runs  # the records are the article: the region moved to them
    # Grown: only towards the runs (the head above the body, where the title
    # and byline are read, stays where it was when the data lies below).
    start = new.start if any(r.start < region.start for r in runs) else region.start
    end = new.end if any(r.stop > region.end + 1 for r in runs) else region.end
    return replace(new, start=min(start, region.start), end=max(end, region.end),
                   evidence=f"{new.evidence}, grown to {len(runs)} record run(s)"), runs


RECORD_EVIDENCE = "record run (a calendar, a table, a spec sheet)"
RECORD_MARK: Mark = (Reason.ARTICLE_BODY, RECORD_EVIDENCE)
# The rule name of classify's article-edge trim (classify._trim_edges).
EDGE_RULE = "edge"
_RECORD_KEPT = Verdict(Reason.ARTICLE_BODY, "text", RECORD_EVIDENCE)


def mark_records(blocks: Sequence[Block], marks: list[Mark], runs: Sequence[range],
                 offset: int, body: range, lexicon: Lexicon) -> list[int]:
    """Keep the record lines inside the body (line ``k`` is block ``k + offset``);
    returns the blocks marked.

    Without the mark a short record would be dropped as a low-density line;
    a line the phrase lexicon names ("Posted: May 3, 2024") keeps its reason."""
    kept: list[int] = []
    for run in runs:
        for k in run:
            i = k + offset
            if i in body and marks[i] is None:
                b = blocks[i]
                if lexicon.match(b.text, b.features.words) is None:
                    marks[i] = RECORD_MARK
                    kept.append(i)
    return kept


def restore_records(verdicts: list[Verdict], kept: Sequence[int]) -> None:
    """Undo the article-edge trim on records: the last line of a calendar or
    a spec sheet ("Preis: ab 1.499 Euro") is as short as the others, not a
    stray label."""
    for i in kept:
        if verdicts[i].rule == EDGE_RULE:
            verdicts[i] = _RECORD_KEPT


# The prose after a comment-section opener outweighs everything above it this
# many times over, in one unbroken run: that run is the article, and the
# "opener" closed a short discussion printed above it (or a comment count in
# the page head). A real comment section is many short posts, each cut off
# by its commenter line and buttons, so its densest run is one post.
COMMENTS_FIRST_RATIO = 3.0
# ...and starts within this many lines of the opener (a count, a sort order,
# a heading): prose further down is the page's footer or another column.
COMMENTS_FIRST_GAP = 4
# The opener line itself ("2 Comments") is removed; it is no headline.
OPENER_MARK: Mark = (Reason.COMMENTS, "comment-section header above the article")


class CommentSelector(Protocol):
    """:func:`~cleaner.extract.text_select.select_text_region`'s signature."""

    def __call__(self, lines: Sequence[Line], scores: Sequence[float],
                 comments: bool = True) -> TextRegion: ...


def comments_above_article(lines: Sequence[Line], scores: Sequence[float], region: TextRegion,
                           select: CommentSelector) -> tuple[TextRegion, int | None]:
    """The region chosen again without the comment discount when the prose run
    right below the comment opener dwarfs all the prose above it, with the
    opener's line index (None: the region as it was)."""
    opener = region.comments_from
    if opener >= len(lines):
        return region, None
    before = 0.0
    for score in scores[:opener]:
        if score > 0:
            before += score
    # A commenter line in it ("Jane on May 3, 2018 at 4:47 pm said:") makes
    # it the discussion after all.
    best = cur = 0.0
    for i in range(opener + 1, len(scores)):
        if cur <= 0:
            if i > opener + COMMENTS_FIRST_GAP:
                break
            cur = 0.0
        cur += scores[i]
        best = max(best, cur)
        if lines[i].text[-1] == ":" and is_commenter_line(lines[i]):
            return region, None
    if best < COMMENTS_FIRST_RATIO * before:
        return region, None
    # The opener is returned to be removed; the discussion above it stays in
    # the region when it joins the article (the head scan above the region
    # reads the title and byline there, where the page put them).
    new = select(lines, scores, comments=False)
    return replace(new, evidence=f"{new.evidence}, comment opener {opener} above it"), opener



# Soup-style flattening puts every highlighted token of a code block on a line
# of its own ("typedef" / "uint32_t" / "(" / "=" ...): a long run of one- and
# two-word lines that would cost the region as much as a menu. A run of this
# many token lines...
CODE_RUN = 8
CODE_TOKEN_WORDS = 2
# ...this share of them with code punctuation (a menu has none)...
CODE_PUNCT_SHARE = 0.4
# ...and this share with a letter (a star rating "*" / "+" has none) is glued
# into one line that scores zero: it neither draws the region nor cuts it.
CODE_LETTER_SHARE = 0.2
CODE_SCORE = 0.0
# Pages with fewer "=" than this have no code worth gluing (one C count over
# the text, ~15 us; nine pages in ten skip the line pass).
MIN_CODE_LINES = 3
_CODE_CHARS = frozenset("(){}[]=;<>_\"'*&|")
_CODE_PUNCT = frozenset(("(", ")", ",", ".", ":", ";", "*", "&", "|", "+", "-", "/", "))", "):"))


_NOT_CODE, _CODE_WORD, _CODE_PUNCTUATION = 0, 1, 2


def _token_kind(line: Line) -> int:
    """What a line is as a code token: punctuated, a bare word or number, or none."""
    if line.words > CODE_TOKEN_WORDS or line.bullet:
        return _NOT_CODE
    text = line.text
    if (text[-1] == ")" and text[-2:-1].isdigit()) or "://" in text:
        return _NOT_CODE  # "Travel (12)": a category with its count; a link
    if (not _CODE_CHARS.isdisjoint(text) or text in _CODE_PUNCT or text[-1] == "("
            or text[0] == ")" or ("." in text[1:-1] and " " not in text)):
        return _CODE_PUNCTUATION
    word = text.rstrip(",.;:").replace(" ", "_")
    return _CODE_WORD if (word.isidentifier() or word.replace(".", "").isdigit()) else _NOT_CODE


def glue_code_tokens(text: str, lines: list[Line]) -> tuple[list[Line], list[int]]:
    """The lines with code-token runs glued, and the indexes of the glued lines.

    Only pages with a few ``=`` are read; on them, a run of CODE_RUN tokens starting at
    or after ``i`` holds line ``i + CODE_RUN - 1``, so that probe is read first."""
    if text.count("=") < MIN_CODE_LINES:
        return lines, []
    out: list[Line] = []
    glued: list[int] = []
    i, n = 0, len(lines)
    while i < n:
        probe = i + CODE_RUN - 1
        if probe >= n:
            out.extend(lines[i:])
            break
        if _token_kind(lines[probe]) == _NOT_CODE:
            out.extend(lines[i:probe + 1])
            i = probe + 1
            continue
        kinds = [_token_kind(lines[probe])]
        start = probe
        while start > i:
            kind = _token_kind(lines[start - 1])
            if kind == _NOT_CODE:
                break
            kinds.append(kind)
            start -= 1
        out.extend(lines[i:start])
        j = probe + 1
        while j < n:
            kind = _token_kind(lines[j])
            if kind == _NOT_CODE:
                break
            kinds.append(kind)
            j += 1
        run = lines[start:j]
        # Cheap tests first: a menu's labels have no code punctuation.
        if (len(run) >= CODE_RUN and kinds.count(_CODE_PUNCTUATION) >= CODE_PUNCT_SHARE * len(run)
                and sum(1 for line in run if _LETTER.search(line.text) is not None)
                >= CODE_LETTER_SHARE * len(run)):
            glued.append(len(out))
            out.append(Line(" ".join([line.text for line in run]),
                            sum([line.words for line in run]), False, False, False,
                            run[0].start, run[-1].end, run[0].blank_before, run[0].indent))
        else:
            out.extend(run)
        i = j
    return out, glued

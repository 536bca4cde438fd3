"""The text path: segment lines, select the prose region, classify, read the head.

Same stage shape as the HTML path: segment -> marks -> region -> the shared
:func:`classify_blocks`. Text has no markup, so the marks come from the text
rules (breadcrumbs, menu runs, page-head lines, repeated site lines) and the
region from :mod:`cleaner.extract.text_select`. Lines outside the region are
not run through the phrase lexicon (most of a page is menus and footers, and
the speed budget is a few microseconds a line): they are removed as
``outside-article``, or ``nav`` when they look like menu entries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.core.model import Block, Verdict
from cleaner.core.reasons import KEEP_REASONS, Reason
from cleaner.core.settings import Settings
from cleaner.extract.classify import classify_blocks
from cleaner.extract.features import maybe_cjk
from cleaner.extract.html_pipeline import Extraction
from cleaner.extract.lexicon import (
    CONTAINS_MAX_WORDS,
    Lexicon,
    default_lexicon,
    with_user_phrases,
)
from cleaner.extract.repeated import MIN_LINE_CHARS, line_hash
from cleaner.extract.rules.shapes import has_copyright
from cleaner.extract.segment_text import Line, group_block, line_block, split_lines
from cleaner.extract.text_lexicon import memo_lexicon
from cleaner.extract.text_prepare import prepare, stretch
from cleaner.extract.text_rules import (
    HEAD_SCAN,
    MENU_ITEM_WORDS,
    Mark,
    TextFindings,
    body_marks,
    is_menu_item,
    lists_under_headers,
    mark_headings,
    scan_head,
)
from cleaner.extract.text_select import SHORT_COST, TextRegion, line_scores, select_text_region
from cleaner.extract.text_structure import (
    CODE_SCORE,
    OPENER_MARK,
    comments_above_article,
    glue_code_tokens,
    mark_records,
    restore_records,
    widen_to_records,
)

# Verdicts that came from a text rule (passed to classify as marks) say so.
TEXT_RULE = "text"
# Chrome that closes an article when it comes as a run of this many lines...
END_REASONS = frozenset({
    Reason.SHARE_BAR, Reason.RELATED_LINKS, Reason.COMMENT_FORM, Reason.COMMENTS,
    Reason.NEWSLETTER, Reason.TAG_LIST, Reason.AUTHOR_BOX, Reason.PAGINATION,
})
TAIL_RUN = 2
# ...below at least this share of the article's kept words (a share bar above
# the text or a related box in its middle does not end it).
TAIL_MIN_SHARE = 0.6
# Lines just above and below the body that are read with the phrase lexicon,
# so that their removal names the chrome family instead of "outside-article".
EDGE_SCAN = 15


NO_FINDINGS = TextFindings()


@dataclass(frozen=True, slots=True)
class TextExtraction(Extraction):
    """An :class:`Extraction` plus what the page head said (title, byline, date)."""

    findings: TextFindings = NO_FINDINGS


def extract_text(text: str, title: str | None, settings: Settings) -> TextExtraction:
    """Blocks and verdicts for a flattened-text page.

    ``title`` is a headline known from elsewhere (None: read it from the text).
    ``settings.known_boilerplate`` holds :func:`cleaner.extract.repeated.line_hash`
    values of lines that repeat across the site's pages (batch mode learns them).
    """
    text, covers = prepare(text)
    lines = split_lines(text)
    if covers:
        lines = stretch(lines, covers)
    lines, code = glue_code_tokens(text, lines)
    scores = line_scores(lines)
    for i in code:
        scores[i] = CODE_SCORE
    _no_prose_copyright(lines, scores)
    repeated = _repeated_lines(lines, settings.known_boilerplate)
    for i in repeated:
        scores[i] = min(scores[i], 0.0)
    region, opener = comments_above_article(lines, scores, select_text_region(lines, scores),
                                            select_text_region)
    region, records = widen_to_records(
        lines, scores, region,
        select_text_region if opener is None else _without_comments)
    lo = max(0, region.start - HEAD_SCAN)
    blocks, marks = _outside_blocks(lines, 0, lo, repeated)
    first = len(blocks)
    hi = min(len(lines), region.end + 1 + EDGE_SCAN)
    # One block per line from the head scan through the edge below the body.
    blocks.extend([line_block(lines[i], first - lo + i) for i in range(lo, hi)])
    marks.extend([repeated.get(i) for i in range(lo, hi)] if repeated else [None] * (hi - lo))
    body = range(first + (region.start - lo), first + (region.end + 1 - lo))
    edge_stop = len(blocks)
    tail, tail_marks = _outside_blocks(lines, hi, len(lines), repeated, len(blocks))
    blocks.extend(tail)
    marks.extend(tail_marks)

    if opener is not None and lo <= opener < hi:
        marks[first - lo + opener] = OPENER_MARK
    lexicon: Lexicon = (with_user_phrases(default_lexicon(), settings.extra_phrases)
                        if settings.extra_phrases else memo_lexicon())
    head = scan_head(blocks, body.start, lexicon)
    for i, mark in head.marks.items():
        marks[i] = marks[i] or mark
    # Name the chrome just around the body (the classifier only reads the
    # body): cookie notices, comment forms and share bars sit there.
    for i in (*range(max(first, body.start - EDGE_SCAN), body.start),
              *range(body.stop, edge_stop)):
        b = blocks[i]
        if marks[i] is None and b.features.words <= CONTAINS_MAX_WORDS:
            marks[i] = lexicon.match(b.text, b.features.words)
    for i in (*range(first, body.start), *range(body.stop, edge_stop)):
        b = blocks[i]
        if marks[i] is None and is_menu_item(
                b.text, b.features.words, b.features.ends_sentence, b.ordered):
            marks[i] = _MENU
    record_blocks = mark_records(blocks, marks, records, first - lo, body, lexicon) if (
        records) else None
    body_marks(blocks, body.start, body.stop - 1, lexicon, marks)
    mark_headings(blocks, body.start, body.stop - 1, marks)
    verdicts = classify_blocks(blocks, marks, body, title or head.title, lexicon, settings,
                               TEXT_RULE)
    if record_blocks:
        restore_records(verdicts, record_blocks)
    lists_under_headers(blocks, verdicts, range(body.start, edge_stop))
    comments = first + (region.comments_from - lo)
    if comments < body.stop:
        _drop_from(blocks, verdicts, comments, body.stop,
                   Verdict(Reason.COMMENTS, TEXT_RULE, "below the comment section's opener"))
    else:
        _cut_tail(blocks, verdicts, body)
    findings = TextFindings(title=title or head.title, authors=head.authors, date=head.date)
    return TextExtraction(tuple(blocks), tuple(verdicts), region.evidence, findings)


# Copyright lines longer than this are a paragraph that mentions copyright.
COPYRIGHT_LINE_WORDS = 40


def _no_prose_copyright(lines: Sequence[Line], scores: list[float]) -> None:
    """A Chinese or Japanese copyright line is the page's footer, not prose.

    CJK characters count as words, so "Copyright © 北陸日報社 All Rights
    Reserved. 掲載記事・写真の無断転載を禁じます。" scores as a paragraph and
    stretches the region over the share bar and related links between the
    article and the footer. (Latin-script copyright lines score as one short
    sentence; discounting them too moved the region of a few English dev
    pages, as many for the worse as for the better.)"""
    for i, score in enumerate(scores):
        text = lines[i].text
        if (score > 0 and lines[i].words <= COPYRIGHT_LINE_WORDS and maybe_cjk(text)
                and has_copyright(text)):
            scores[i] = -SHORT_COST


def _without_comments(lines: Sequence[Line], scores: Sequence[float]) -> TextRegion:
    return select_text_region(lines, scores, comments=False)


def _drop_from(blocks: list[Block], verdicts: list[Verdict], start: int, stop: int,
               verdict: Verdict) -> None:
    """Remove the kept blocks of ``start..stop-1`` with ``verdict``."""
    for i in range(start, stop):
        if verdicts[i].reason in KEEP_REASONS:
            verdicts[i] = verdict


def _cut_tail(blocks: list[Block], verdicts: list[Verdict], body: range) -> None:
    """End the article at the first run of end-of-article chrome below most of it.

    Share bars, related-post lists, tag lines, newsletter pitches and comment
    forms close an article; prose after such a run (teasers with a sentence,
    an author bio, a comment) belongs to the page, not to the article. A lone
    "See also" line inside the text is not a run, so the text goes on past it.
    """
    total = sum(blocks[i].features.words for i in body if verdicts[i].reason in KEEP_REASONS)
    seen = run = 0
    for i in body:
        v = verdicts[i]
        if v.reason in KEEP_REASONS:
            seen += blocks[i].features.words
            run = 0
            continue
        run = run + 1 if v.reason in END_REASONS else 0
        if run >= TAIL_RUN and seen >= TAIL_MIN_SHARE * total:
            _drop_from(blocks, verdicts, i + 1, body.stop,
                       Verdict(Reason.OUTSIDE_ARTICLE, TEXT_RULE,
                               f"below the article's end ({v.reason.value} run)"))
            return


def _repeated_lines(lines: list[Line], known: frozenset[int]) -> dict[int, Mark]:
    """Lines whose hash is in the site's learned boilerplate."""
    if not known:
        return {}
    return {
        i: (Reason.REPEATED_ACROSS_PAGES, "repeats on many pages of the site")
        for i, line in enumerate(lines)
        if len(line.text) >= MIN_LINE_CHARS and line_hash(line.text) in known
    }


def _outside_blocks(lines: list[Line], lo: int, hi: int, repeated: dict[int, Mark],
                    first_id: int = 0) -> tuple[list[Block], list[Mark]]:
    """Blocks for lines far from the article: runs of the same verdict grouped."""
    blocks: list[Block] = []
    marks: list[Mark] = []
    run: list[Line] = []
    run_mark: Mark = None
    for i in range(lo, hi):
        line = lines[i]
        mark = repeated.get(i) if repeated else None
        # The cheap part of is_menu_item first: most lines are too long or end a sentence.
        if (mark is None and line.words <= MENU_ITEM_WORDS and not line.ends_sentence
                and is_menu_item(line.text, line.words, False, line.ordered)):
            mark = _MENU
        if run and mark != run_mark:
            blocks.append(_run_block(run, first_id + len(blocks)))
            marks.append(run_mark)
            run = []
        run.append(line)
        run_mark = mark
    if run:
        blocks.append(_run_block(run, first_id + len(blocks)))
        marks.append(run_mark)
    return blocks, marks


def _run_block(run: list[Line], block_id: int) -> Block:
    return line_block(run[0], block_id) if len(run) == 1 else group_block(run, block_id)


_MENU: Mark = (Reason.NAV, "menu-like lines outside the article")


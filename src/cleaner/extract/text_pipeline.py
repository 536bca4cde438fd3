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

from dataclasses import dataclass, replace

from cleaner.core.model import Block, Metadata, Verdict
from cleaner.core.reasons import Reason
from cleaner.core.settings import Settings
from cleaner.extract.classify import classify_blocks
from cleaner.extract.lexicon import default_lexicon, with_user_phrases
from cleaner.extract.repeated import MIN_LINE_CHARS, line_hash
from cleaner.extract.segment_text import segment_text
from cleaner.extract.text_rules import (
    Mark,
    TextFindings,
    body_marks,
    is_menu_item,
    mark_headings,
    scan_head,
)
from cleaner.extract.text_select import line_score, select_text_region

# Verdicts that came from a text rule (passed to classify as marks) say so.
TEXT_RULE = "text"


@dataclass(frozen=True, slots=True)
class TextExtraction:
    """Blocks, verdicts and what the page head said (title, byline, date)."""

    blocks: tuple[Block, ...]
    verdicts: tuple[Verdict, ...]
    region_evidence: str
    findings: TextFindings


def extract_text(text: str, title: str | None, settings: Settings) -> TextExtraction:
    """Blocks and verdicts for a flattened-text page.

    ``title`` is a headline known from elsewhere (None: read it from the text).
    ``settings.known_boilerplate`` holds :func:`cleaner.extract.repeated.line_hash`
    values of lines that repeat across the site's pages (batch mode learns them).
    """
    blocks = segment_text(text)
    lexicon = with_user_phrases(default_lexicon(), settings.extra_phrases)
    marks: list[Mark] = [None] * len(blocks)
    scores = [line_score(b) for b in blocks]
    known = settings.known_boilerplate
    if known:
        for i, b in enumerate(blocks):
            if len(b.text) >= MIN_LINE_CHARS and line_hash(b.text) in known:
                marks[i] = (Reason.REPEATED_ACROSS_PAGES, "repeats on many pages of the site")
                scores[i] = min(scores[i], 0.0)
    region = select_text_region(blocks, scores)
    head = scan_head(blocks, region.start, lexicon)
    for i, mark in head.marks.items():
        marks[i] = marks[i] or mark
    for i, b in enumerate(blocks):
        if marks[i] is None and i not in region and is_menu_item(b):
            marks[i] = (Reason.NAV, "menu-like line outside the article")
    body_marks(blocks, region.start, region.end, lexicon, marks)
    mark_headings(blocks, region.start, region.end, marks)
    verdicts = classify_blocks(blocks, marks, region, title or head.title, lexicon, settings)
    verdicts = [
        replace(v, rule=TEXT_RULE) if m is not None and v.rule == "markup" else v
        for v, m in zip(verdicts, marks, strict=True)
    ]
    findings = TextFindings(title=title or head.title, authors=head.authors, date=head.date)
    return TextExtraction(tuple(blocks), tuple(verdicts), region.evidence, findings)


def text_metadata(findings: TextFindings, url: str | None) -> Metadata:
    """Metadata of a text page: what its head said (origin ``text``)."""
    sources = {name: "text" for name, value in (
        ("title", findings.title), ("authors", findings.authors), ("date", findings.date))
        if value}
    return Metadata(title=findings.title, authors=findings.authors, date=findings.date,
                    url=url, sources=sources)

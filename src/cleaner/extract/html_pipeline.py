"""The HTML path: segment, mark chrome from markup, select region, classify."""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement

from cleaner.core.model import Block, Verdict
from cleaner.core.settings import Settings
from cleaner.extract.classify import classify_blocks
from cleaner.extract.comments import comment_marks
from cleaner.extract.lexicon import default_lexicon, with_user_phrases
from cleaner.extract.segment_html import segment_html
from cleaner.extract.select import is_discussion, markup_marks, select_region
from cleaner.extract.user_rules import user_marks


@dataclass(frozen=True, slots=True)
class Extraction:
    blocks: tuple[Block, ...]
    verdicts: tuple[Verdict, ...]
    region_evidence: str = ""


def extract_html(root: HtmlElement, url: str | None, title: str | None,
                 settings: Settings) -> Extraction:
    """Blocks and verdicts for a parsed HTML page."""
    seg = segment_html(root, url, settings)
    th = settings.thresholds
    # On a discussion page (forum thread) the comments are the content.
    discussion = is_discussion(seg, th)
    marks = markup_marks(seg, th, discussion)
    if not discussion:
        marks = comment_marks(root, seg, marks)  # comments stay out of the body
    user = user_marks(root, seg, settings)  # the user's selectors have the last word
    marks = user.overlay(marks)
    region = select_region(seg, marks, th)
    lexicon = with_user_phrases(default_lexicon(), settings.extra_phrases)
    verdicts = classify_blocks(seg.blocks, marks, region, title, lexicon, settings)
    verdicts = user.apply(verdicts)
    return Extraction(tuple(seg.blocks), tuple(verdicts), region.evidence)

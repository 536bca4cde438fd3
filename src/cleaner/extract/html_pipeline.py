"""The HTML path: segment, mark chrome from markup, select region, classify."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import html as lxml_html
from lxml.html import HtmlElement

from cleaner.core.model import Block, BlockKind, Verdict
from cleaner.core.reasons import Reason
from cleaner.core.settings import Settings
from cleaner.core.thresholds import Thresholds
from cleaner.extract.classify import classify_blocks
from cleaner.extract.comments import comment_marks, is_forum_thread
from cleaner.extract.lexicon import Lexicon, default_lexicon, with_user_phrases
from cleaner.extract.second_opinion import agreement, readability_text
from cleaner.extract.sections import heading_section_marks, teaser_list_marks
from cleaner.extract.segment_html import HtmlSegmentation, segment_html
from cleaner.extract.select import (
    Mark,
    Region,
    is_discussion,
    is_listing,
    is_teaser,
    markup_marks,
    select_region,
)
from cleaner.extract.user_rules import user_marks
from cleaner.extract.vote import vote_region

# Region confidence below which readability-lxml is asked to vote. It costs
# tens of ms a page, so it must stay rare (a minority of pages fall below).
SECOND_OPINION_BELOW = 0.6


def _second_opinion(root: HtmlElement, seg: HtmlSegmentation, marks: list[Mark],
                    settings: Settings, region: Region) -> Region:
    """Let readability-lxml vote between our candidate regions (it gets a string)."""
    page = lxml_html.tostring(root, encoding="unicode")
    text = readability_text(page)
    if text is None:
        return region
    return vote_region(seg, marks, settings.thresholds, region, agreement(seg.blocks, text))


# Card headlines on a listing page: link-dense headings at least this long.
_MIN_HEADLINE_WORDS = 3


def _keep_teasers(seg: HtmlSegmentation, verdicts: list[Verdict], region: Region,
                  th: Thresholds) -> list[Verdict]:
    """On a listing page, teaser cards in the region are the content: keep them."""
    out = list(verdicts)
    for i in range(region.start, region.end):
        if out[i].reason is not Reason.LINK_DENSE:
            continue
        b = seg.blocks[i]
        if b.kind is BlockKind.HEADING and b.features.words >= _MIN_HEADLINE_WORDS:
            out[i] = Verdict(Reason.ARTICLE_HEADING, "listing", "headline of a teaser card")
        elif is_teaser(b, th):
            out[i] = Verdict(Reason.ARTICLE_BODY, "listing", "teaser of a listing page")
    return out


# Marks a class name gave to a page area. When they leave a page with nothing
# to keep, the class was wrong about the whole page (a site builder that wraps
# its content in a "topbar" or a "header-section"): the page is judged again
# with its prose blocks freed from them. Menus and link lists in the same
# areas keep their marks, and tags, roles and the families trusted over
# content (cookie banners, comment forms) still hold.
_RESCUE_AREAS = frozenset({Reason.NAV, Reason.HEADER, Reason.FOOTER, Reason.SIDEBAR})
# A block is prose for the rescue when it ends like a sentence, has this many
# words and little link text: a menu label or a list of towns does not.
RESCUE_MIN_WORDS = 8
RESCUE_MAX_LINK_DENSITY = 0.3


def _rescue_marks(blocks: list[Block], marks: list[Mark]) -> list[Mark] | None:
    """``marks`` with prose blocks freed from class-declared page areas (None:
    no block would change)."""
    out = list(marks)
    changed = False
    # Backwards, so that a heading sees whether the block after it was freed.
    for i in range(len(blocks) - 1, -1, -1):
        m = marks[i]
        if m is None or m[0] not in _RESCUE_AREAS or not m[1].startswith("class/id"):
            continue
        b = blocks[i]
        f = b.features
        if (b.kind is BlockKind.HEADING and i + 1 < len(blocks) and out[i + 1] is None
                and marks[i + 1] is not None) or (
                f.ends_sentence and f.words >= RESCUE_MIN_WORDS
                and f.link_density <= RESCUE_MAX_LINK_DENSITY):
            out[i] = None
            changed = True
    return out if changed else None


def _judge(seg: HtmlSegmentation, marks: list[Mark], region: Region, title: str | None,
           lexicon: Lexicon, settings: Settings, listing: bool) -> list[Verdict]:
    """Every block's verdict once the region is chosen."""
    verdicts = classify_blocks(seg.blocks, marks, region, title, lexicon, settings)
    if listing:
        verdicts = _keep_teasers(seg, verdicts, region, settings.thresholds)
    return verdicts


@dataclass(frozen=True, slots=True)
class Extraction:
    blocks: tuple[Block, ...]
    verdicts: tuple[Verdict, ...]
    region_evidence: str = ""


def extract_html(root: HtmlElement, url: str | None, title: str | None,
                 settings: Settings, prune: bool = False) -> Extraction:
    """Blocks and verdicts for a parsed HTML page.

    ``prune`` (for very big pages) lets the segmentation free the tree as it
    walks it (see :func:`segment_html`): the user's selectors then cannot be
    matched and readability cannot be asked, so callers prune only without
    selectors, and a pruned page goes without the second opinion (on a page
    that big readability would take longer than all the rest together).
    """
    prune = prune and not (settings.keep_selectors or settings.remove_selectors)
    seg = segment_html(root, url, settings, prune)
    th = settings.thresholds
    # On a discussion page (forum thread) the comments are the content.
    discussion = is_discussion(seg, th)
    marks = markup_marks(seg, th, discussion)
    if not discussion:
        forum = seg.forum_thread
        # comments stay out of the body
        marks = comment_marks(seg, marks, lambda: is_forum_thread(root) if forum is None
                              else forum)
    lexicon = with_user_phrases(default_lexicon(), settings.extra_phrases)
    marks = heading_section_marks(seg, marks, lexicon, th)
    marks = teaser_list_marks(seg, marks, th)
    user = user_marks(root, seg, settings)  # the user's selectors have the last word
    marks = user.overlay(marks)
    listing = is_listing(seg, marks, th)
    region = select_region(seg, marks, th, listing)
    if settings.second_opinion and region.confidence < SECOND_OPINION_BELOW and seg.blocks \
            and not prune:
        region = _second_opinion(root, seg, marks, settings, region)
    verdicts = _judge(seg, marks, region, title, lexicon, settings, listing)
    if not any(v.reason.keeps for v in verdicts):
        rescued = _rescue_marks(seg.blocks, marks)
        if rescued is not None:
            region = select_region(seg, rescued, th, listing)
            verdicts = _judge(seg, rescued, region, title, lexicon, settings, listing)
    verdicts = user.apply(verdicts)
    return Extraction(tuple(seg.blocks), tuple(verdicts), region.evidence)

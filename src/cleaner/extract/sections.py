"""Listings inside the page that look like prose: announced sections, teaser lists.

Observation: many sites put related teasers (headline plus a sentence of
summary) under a heading that names them, in a container without a telling
class. The teaser summaries are prose, so before region selection they can
outweigh a short article. When a heading's own text is a related-links or
newsletter phrase, the rest of its section (up to the next heading of the same
or a higher level, inside the heading's container) is marked with that reason.
Lists of teasers without such a heading give themselves away by their
excerpts, cut off with an ellipsis (see ``teaser_list_marks``).
"""

from __future__ import annotations

import re
from itertools import accumulate

from cleaner.core.model import Block, BlockKind
from cleaner.core.reasons import Reason
from cleaner.core.thresholds import Thresholds
from cleaner.extract.lexicon import Lexicon
from cleaner.extract.segment_html import HtmlSegmentation
from cleaner.extract.select import Mark, marked_values

SECTION_REASONS = frozenset({Reason.RELATED_LINKS, Reason.NEWSLETTER})


def heading_section_marks(seg: HtmlSegmentation, marks: list[Mark], lexicon: Lexicon,
                          th: Thresholds) -> list[Mark]:
    """Marks extended over the sections that chrome headings announce."""
    blocks = seg.blocks
    heads = [
        (i, hit) for i, b in enumerate(blocks)
        if b.kind is BlockKind.HEADING and marks[i] is None
        and (hit := lexicon.match(b.text, b.features.words)) is not None
        and hit[0] in SECTION_REASONS
    ]
    if not heads:
        return marks
    values = marked_values(seg, marks, th)
    total = sum(values)
    out = list(marks)
    for i, (reason, evidence) in heads:
        inner = [c for c in seg.containers if c.start <= i and c.end > i + 1]
        if not inner:
            continue
        end = min(inner, key=lambda c: c.end - c.start).end
        level = blocks[i].level or 6
        for j in range(i + 1, end):
            if blocks[j].kind is BlockKind.HEADING and (blocks[j].level or 6) <= level:
                end = j
                break
        # If too little good text would remain outside the section, the heading
        # phrase was a coincidence ("More from the interview") and the section
        # is the page's content: leave it to region selection.
        if total - sum(values[i:end]) < th.min_article_words:
            continue
        mark = (reason, f"section under a heading that {evidence}")
        for j in range(i, end):
            if out[j] is None:
                out[j] = mark
    return out


# Teaser lists: "Breaking news" tickers, "Deals" rails, "Latest stories" blocks.
# Each card is a linked headline and an excerpt cut off by the CMS with an
# ellipsis ("... grab a pair at a considerable discount. The AirPods Pro
# features Active Noise Cancellat..."). Article prose almost never has several
# paragraphs ending that way, so TEASER_MIN_CARDS truncated excerpts in one
# container, each short (<= TEASER_MAX_WORDS) and carrying or following a link,
# mark the largest container that is mostly such cards (its other good text is
# at most TEASER_OTHER_SHARE of the cards' words: a heading, a "more" line).
TRUNCATED = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")
# What TRUNCATED matches, read off the end of the text (a "$"-anchored search
# tries every position of a paragraph: ~2 us each on a 250,000-block page).
_TRUNCATED_TAILS = ("...", "…", "[…]", "[...]")
TEASER_MIN_CARDS = 3
TEASER_MAX_WORDS = 80
TEASER_OTHER_SHARE = 0.25
# The block before an unlinked excerpt is its headline when mostly link text.
HEADLINE_LINK_DENSITY = 0.5


def _is_excerpt(blocks: list[Block], i: int) -> bool:
    """A short truncated paragraph with its headline link in it or just before it."""
    b = blocks[i]
    f = b.features
    if b.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or f.words > TEASER_MAX_WORDS:
        return False
    if not b.text.rstrip().endswith(_TRUNCATED_TAILS):  # TRUNCATED.search(b.text)
        return False
    if f.link_count:
        return True
    prev = blocks[i - 1].features if i else None
    return prev is not None and prev.link_density >= HEADLINE_LINK_DENSITY


def teaser_list_marks(seg: HtmlSegmentation, marks: list[Mark],
                      th: Thresholds) -> list[Mark]:
    """Marks over containers that hold lists of truncated teaser cards."""
    blocks = seg.blocks
    # Most texts do not end truncated: that C test first (then _is_excerpt in full).
    hits = [m is None and b.text.rstrip().endswith(_TRUNCATED_TAILS) and _is_excerpt(blocks, i)
            for i, (b, m) in enumerate(zip(blocks, marks, strict=True))]
    cards = list(accumulate(hits, initial=0))
    if cards[-1] < TEASER_MIN_CARDS:
        return marks
    card_words = list(accumulate((b.features.words if hit else 0
                                  for b, hit in zip(blocks, hits, strict=True)), initial=0))
    prefix = [0.0]
    card_value = [0.0]
    for i, v in enumerate(marked_values(seg, marks, th)):
        prefix.append(prefix[-1] + v)
        card_value.append(card_value[-1] + (v if cards[i + 1] > cards[i] else 0.0))
    total = prefix[-1]
    chosen: list[tuple[int, int]] = []
    for c in seg.containers:
        if cards[c.end] - cards[c.start] < TEASER_MIN_CARDS:
            continue
        good = prefix[c.end] - prefix[c.start]
        other = good - (card_value[c.end] - card_value[c.start])
        if other > TEASER_OTHER_SHARE * (card_words[c.end] - card_words[c.start]):
            continue
        # On a listing page the cards are the content (left to region selection).
        if total - good < th.min_article_words:
            continue
        chosen.append((c.start, c.end))
    if not chosen:
        return marks
    out = list(marks)
    chosen.sort(key=lambda r: (r[0], -r[1]))
    covered = -1
    for start, end in chosen:
        if start < covered:
            continue
        covered = end
        n = cards[end] - cards[start]
        mark = (Reason.RELATED_LINKS, f"teaser list: {n} truncated excerpts")
        for j in range(start, end):
            if out[j] is None:
                out[j] = mark
    return out

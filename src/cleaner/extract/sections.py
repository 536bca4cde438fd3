"""Sections announced by a chrome heading: "Related posts", "You may also like".

Observation: many sites put related teasers (headline plus a sentence of
summary) under a heading that names them, in a container without a telling
class. The teaser summaries are prose, so before region selection they can
outweigh a short article. When a heading's own text is a related-links or
newsletter phrase, the rest of its section (up to the next heading of the same
or a higher level, inside the heading's container) is marked with that reason.
"""

from __future__ import annotations

from cleaner.core.model import BlockKind
from cleaner.core.reasons import Reason
from cleaner.core.thresholds import Thresholds
from cleaner.extract.lexicon import Lexicon
from cleaner.extract.segment_html import HtmlSegmentation
from cleaner.extract.select import Mark, block_value

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
    values = [block_value(b, m, th) for b, m in zip(blocks, marks, strict=True)]
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

"""Re-pick the article region by a second opinion's vote (readability-lxml).

:mod:`cleaner.extract.second_opinion` turns readability's text into a per-block
agreement; this module lets that agreement choose among *our* candidate
containers, never invent one.
"""

from __future__ import annotations

from cleaner.core.thresholds import Thresholds
from cleaner.extract.segment_html import HtmlSegmentation
from cleaner.extract.select import Mark, Region, marked_values

# The readability vote moves the region only when its candidate agrees with
# readability's text clearly better than ours (F1 over agreed words).
VOTE_MARGIN = 0.15
# Candidates must hold at least this share of the page's good text: readability
# tends to pick one narrow section, which loses multi-section pages (measured).
VOTE_MIN_SHARE = 0.5


def vote_region(seg: HtmlSegmentation, marks: list[Mark], th: Thresholds, region: Region,
                agree: list[bool | None]) -> Region:
    """Re-pick the region among our candidates by agreement with a second opinion.

    ``agree`` says per block whether the other extractor kept it (None: too
    short to tell). Only containers we would accept ourselves are candidates,
    so the vote can choose between our readings of the page, never invent one.
    """
    words = [b.features.words if a is not None else 0 for b, a in zip(seg.blocks, agree,
                                                                        strict=True)]
    yes = [0]
    no = [0]
    for w, a in zip(words, agree, strict=True):
        yes.append(yes[-1] + (w if a else 0))
        no.append(no[-1] + (w if a is False else 0))
    total_yes = yes[-1]
    if total_yes == 0:
        return region
    values = marked_values(seg, marks, th)
    prefix = [0.0]
    for v in values:
        prefix.append(prefix[-1] + v)
    total = prefix[-1] or 1.0

    def f1(start: int, end: int) -> float:
        tp = yes[end] - yes[start]
        fp = no[end] - no[start]
        return 2 * tp / (2 * tp + fp + (total_yes - tp)) if tp else 0.0

    ours = f1(region.start, region.end)
    best, best_f1 = None, ours
    for c in seg.containers:
        if marks[c.start] is not None or (prefix[c.end] - prefix[c.start]) < VOTE_MIN_SHARE * total:
            continue
        score = f1(c.start, c.end)
        if score > best_f1:
            best, best_f1 = c, score
    if best is None or best_f1 < ours + VOTE_MARGIN:
        return region
    return Region(best.start, best.end,
                  f"<{best.tag}> chosen with readability's vote (agreement {best_f1:.2f} "
                  f"vs {ours:.2f})", region.confidence)

"""Every numeric heuristic of the extractor, named, with why it has its value.

The values were calibrated as a set on the dev pages (see bench/README.md); change
one and re-run ``python bench/quality.py`` before believing it helps. Presets
(``precision`` / ``balanced`` / ``recall``) are different instances of
:class:`Thresholds`, so a preset is a documented set of numbers, never a branch.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Numbers that decide verdicts. Field comments say why each value."""

    # A block whose text is more than this share link text is navigation-like.
    # Real paragraphs with a few inline links sit well under 0.5.
    max_link_density: float = 0.5
    # Short blocks (<= short_block_words) tolerate less link text: a 5-word line
    # that is entirely a link is a menu item, not prose.
    short_block_words: int = 10
    max_link_density_short: float = 0.35
    # Blocks below this many words do not count as good text when the article
    # region is chosen (extract/select.py; list items count from 3 words): a
    # region is judged by its prose, so short captions, datelines and widget
    # lines cannot widen it. They are still kept inside the region.
    min_block_words: int = 8
    # A paragraph inside the article with fewer words than this that does not
    # end like a sentence is removed (low-text-density): stray labels, datelines,
    # "Photo: ..." lines and buttons. 0 = off (balanced leaves short lines to the
    # edge trimming and the phrase lexicon; a short line can be a real sentence
    # fragment, a list lead-in, a signature).
    min_kept_words: int = 0
    # A candidate article container needs at least this many words of text
    # outside links; below it we fall back to the whole body.
    min_article_words: int = 40
    # The article region is the smallest container holding this share of the
    # page's good text (extract/select.py). Lower values pick tighter regions
    # (precision: side boxes inside the wrapper fall out), higher ones wider
    # regions (recall: a second text column or a long intro stays in).
    region_share: float = 0.72
    # Of the containers that declare themselves the article (<article>,
    # entry-content ...), the tightest one holding at least this share of the
    # good text of the best-holding one is the region: an <article> that also
    # wraps a header, a gallery, a bio and teasers loses to the body inside it.
    # Lower = tighter (precision), 1.0 = the one holding the most (recall).
    semantic_tie: float = 0.8
    # Lines repeated on at least this share of a site's pages (and at least
    # repeated_min_pages pages) are boilerplate in batch mode.
    repeated_min_share: float = 0.3
    repeated_min_pages: int = 3

    def with_overrides(self, **values: Any) -> Thresholds:
        """Return a copy with some values replaced (unknown names raise KeyError)."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise KeyError(", ".join(unknown))
        return replace(self, **values)


BALANCED = Thresholds()

# Precision: less link text tolerated, more words needed to count as content,
# a tighter article region (the tightest declared container holding 70% of
# the best one's good text, only blocks of 12+ words counting), and short
# unpunctuated lines dropped anywhere in the article. Measured with
# bench/presets.py: the highest precision of the three presets on both dev
# sets (scrapinghub, modern-dev), at some recall.
PRECISION = Thresholds(
    max_link_density=0.35,
    max_link_density_short=0.2,
    min_block_words=12,
    min_kept_words=15,
    min_article_words=60,
    region_share=0.65,
    semantic_tie=0.7,
    repeated_min_share=0.2,
    repeated_min_pages=2,
)

# Recall: keep anything that could plausibly be content. A wide article
# region (90% of the page's good text) and link text tolerated up to 90% of a
# block: a list of linked headlines inside the article, a linked heading or a
# second text column stays; of the declared article containers the one holding
# the most good text wins, wrappers and all. Measured with bench/presets.py: the highest recall
# of the three presets on both dev sets, paid for with the most chrome.
RECALL = Thresholds(
    max_link_density=0.9,
    max_link_density_short=0.9,
    min_block_words=1,
    min_article_words=25,
    region_share=0.9,
    semantic_tie=1.0,
    repeated_min_share=0.5,
    repeated_min_pages=5,
)

PRESETS: dict[str, Thresholds] = {
    "precision": PRECISION,
    "balanced": BALANCED,
    "recall": RECALL,
}

# --- limits that protect the process, not heuristics ----------------------
# Largest input accepted by default (bytes); 50 MB pages exist in crawls.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
# Deepest element nesting we walk; deeper subtrees are flattened to text.
MAX_TREE_DEPTH = 512

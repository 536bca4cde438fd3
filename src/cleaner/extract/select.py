"""Select the article region of an HTML page.

Observation: article text is long, punctuated, low in links, and concentrated
in one subtree; chrome is short, link-heavy or declared by markup. We score each
block's "good text" (words outside links, in sentence-like blocks not marked as
chrome) and take the *deepest* container that still holds most of the page's
good text. A container that declares itself the article (``<article>``,
``itemprop=articleBody``, ``entry-content``...) wins when it holds a fair share
of it. When the choice is close, readability-lxml is asked to vote.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from cleaner.core.model import Block, BlockKind, Features
from cleaner.core.reasons import Reason
from cleaner.core.thresholds import Thresholds
from cleaner.extract.rules.markup import content_class
from cleaner.extract.segment_html import Container, HtmlSegmentation

Mark = tuple[Reason, str] | None

# The share of good text the chosen container must hold is a preset value:
# Thresholds.region_share (core/thresholds.py).
# A semantic container is preferred when it holds at least this share.
SEMANTIC_SHARE = 0.3
# A chrome-marked container holding this share of the page's good text (and at
# least GUARD_MIN_WORDS) is not chrome: it is a page-wide wrapper whose class
# happens to match ("content-with-sidebar", an ASP.NET <form>).
GUARD_SHARE = 0.5
GUARD_MIN_WORDS = 40
# <footer>, <nav> and <aside> (the tags, not a class) never wrap the page's
# article: such a container is a page-wide wrapper only when it holds nearly all
# the good text. Half is not enough: a <footer> disclaimer outweighs a short
# article. (<header> is left out: site builders wrap whole sections in it.)
GUARD_SHARE_TAG = 0.85
_STRONG_CHROME_TAGS = frozenset({"footer", "nav", "aside"})
# Blocks whose text does not end like a sentence count this much of their words.
UNPUNCTUATED_WEIGHT = 0.4


@dataclass(frozen=True, slots=True)
class Region:
    """The selected article region as a half-open block-id range."""

    start: int
    end: int
    evidence: str
    # 0..1: how clearly the region stands out (low = ask for a second opinion).
    confidence: float

    def __contains__(self, block_id: object) -> bool:
        return isinstance(block_id, int) and self.start <= block_id < self.end


# A sentence carrying one long link (a cited title, a reference entry, "read
# the report on X" with the whole phrase linked) is prose, not navigation:
# with at least LINKED_SENTENCE_MIN_WORDS words, a single link and a sentence
# end, link text up to LINKED_SENTENCE_MAX_DENSITY is tolerated. Menus and link
# lists have several links or no sentence end (measured on both dev sets).
LINKED_SENTENCE_MIN_WORDS = 15
LINKED_SENTENCE_MAX_DENSITY = 0.75


def link_dense(f: Features, th: Thresholds) -> bool:
    """Too much of the block is link text to be prose (see the thresholds)."""
    limit = th.max_link_density_short if f.words <= th.short_block_words else th.max_link_density
    if f.link_density <= limit:
        return False
    return not (f.link_count <= 1 and f.ends_sentence and f.words >= LINKED_SENTENCE_MIN_WORDS
                and f.link_density <= max(limit, LINKED_SENTENCE_MAX_DENSITY))


# List items are short by nature (steps, specs, short points): below
# Thresholds.min_block_words they still count as good text from this length.
LIST_ITEM_MIN_WORDS = 3


def block_value(block: Block, mark: Mark, th: Thresholds) -> float:
    """Good-text value of one block (0 for chrome, headings and link lists)."""
    if mark is not None or block.kind in (BlockKind.HEADING, BlockKind.CAPTION):
        return 0.0
    f = block.features
    floor = th.min_block_words if block.kind is not BlockKind.LIST_ITEM else min(
        th.min_block_words, LIST_ITEM_MIN_WORDS)
    if link_dense(f, th) or f.words < floor:
        return 0.0
    value = f.words * (1.0 - f.link_density)
    if not f.ends_sentence and block.kind is not BlockKind.TABLE:
        value *= UNPUNCTUATED_WEIGHT
    return value


# Sections of one article (see _same_kind_span) may have figures, quotes and
# ads between them, but not more good text between them than they hold.
SECTIONS_MAX_BETWEEN = 0.5
_PAGE_TAGS = frozenset({"html", "body"})
# Elements whose tag alone says "page furniture" (when outside an article).
_CHROME_TAGS = frozenset({"nav", "footer", "header", "aside", "menu"})
# Marks that name an area of the page; boxes nested in them keep their own name.
_AREAS = frozenset({Reason.COMMENTS, Reason.SIDEBAR, Reason.FOOTER, Reason.HEADER,
                    Reason.HIDDEN})
# Families whose markup evidence is specific enough to trust over content.
# Cookie banners carry long legal prose; comment forms are forms.
_ALWAYS_TRUSTED = frozenset({Reason.COOKIE_BANNER, Reason.COMMENT_FORM, Reason.SKIP_LINK})
# A "related" box is prose-rich by design (a teaser excerpt per card): its class
# is trusted over its prose, unless it holds most of the page (the guard above).
_PROSE_TRUSTED = _ALWAYS_TRUSTED | {Reason.RELATED_LINKS}
# A class-marked container holding at least this much good text, mostly good
# text, is content whatever its class says ("widget", "topbar", a tab panel
# with the hidden attribute): chrome boxes are short or link-heavy.
VETO_MIN_GOOD = 150
VETO_MIN_SHARE = 0.55
# Discussion pages (forums, link aggregators): the comments are the content
# when they hold this many times the good text outside them, the text outside
# is short (a question, a link title: DISCUSSION_MAX_OUTSIDE) and no declared
# article outside them holds DISCUSSION_MIN_ARTICLE words. A news story or a
# blog post with a long thread has its own article text, longer than that.
DISCUSSION_RATIO = 3.0
DISCUSSION_MAX_OUTSIDE = 200
DISCUSSION_MIN_ARTICLE = 50


def plain_values(seg: HtmlSegmentation, th: Thresholds) -> list[float]:
    """``block_value`` of every block ignoring marks, computed once per page (the
    region, discussion, listing and section passes all read them)."""
    cached = seg.values
    if cached is None or cached[0] is not th:
        cached = seg.values = (th, [block_value(b, None, th) for b in seg.blocks])
    return cached[1]


def marked_values(seg: HtmlSegmentation, marks: Sequence[Mark], th: Thresholds) -> list[float]:
    """``block_value`` of every block under ``marks`` (a marked block is worth 0)."""
    return [0.0 if m is not None else v
            for v, m in zip(plain_values(seg, th), marks, strict=True)]


def plain_prefix(seg: HtmlSegmentation, th: Thresholds) -> list[float]:
    """Running sums of block values ignoring marks (prefix[i] = value of blocks < i)."""
    return list(accumulate(plain_values(seg, th), initial=0.0))


def is_discussion(seg: HtmlSegmentation, th: Thresholds) -> bool:
    """True for a discussion page: its comments are the content (forums, threads)."""
    return _discussion(seg, plain_prefix(seg, th))


def _discussion(seg: HtmlSegmentation, prefix: list[float]) -> bool:
    """True when comment markup holds the page's text and no article stands apart."""
    spans = [(c.start, c.end) for c in seg.containers
             if c.chrome is not None and c.chrome[0] is Reason.COMMENTS]
    if not spans:
        return False
    spans.sort()
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    inside = sum(prefix[b] - prefix[a] for a, b in merged)
    outside = prefix[-1] - inside
    if inside < DISCUSSION_RATIO * outside or outside > DISCUSSION_MAX_OUTSIDE:
        return False
    for c in seg.containers:
        if not c.semantic or any(a < c.end and c.start < b for a, b in merged):
            continue
        if prefix[c.end] - prefix[c.start] >= DISCUSSION_MIN_ARTICLE:
            return False
    return True


def markup_marks(seg: HtmlSegmentation, th: Thresholds,
                 discussion: bool | None = None) -> list[Mark]:
    """Per block, the chrome reason its enclosing markup declares (outermost wins).

    Containers that hold most of the page's good text are exempt (see
    GUARD_SHARE), so are prose-rich ones (VETO_MIN_GOOD) and the comments of a
    discussion page.
    """
    n = len(seg.blocks)
    marks: list[Mark] = [None] * n
    prefix = plain_prefix(seg, th)
    total = prefix[-1]
    if discussion is None:
        discussion = _discussion(seg, prefix)
    # Outermost first: containers are recorded at their end, so sort by range.
    chrome = [c for c in seg.containers if c.chrome is not None]
    chrome.sort(key=lambda c: (c.start, -c.end))
    covered_until = -1
    outer: Reason | None = None
    for c in chrome:
        if c.start < covered_until:
            # Inside a marked area, a nested box names its blocks more precisely
            # (the comment form inside the comments, the tag list in a footer).
            inner = c.chrome[0]  # type: ignore[index]
            if outer in _AREAS and inner is not Reason.HIDDEN:
                for i in range(c.start, c.end):
                    marks[i] = c.chrome
            continue
        good = prefix[c.end] - prefix[c.start]
        reason = c.chrome[0]  # type: ignore[index]
        # Class names are weaker evidence than tags and roles (<footer>, <nav>).
        by_class = (c.chrome[1].startswith("class/id")  # type: ignore[index]
                    and c.tag not in _CHROME_TAGS)
        if reason is not Reason.COMMENTS and good >= GUARD_SHARE * total and (
            (good >= VETO_MIN_GOOD
             and (c.tag not in _STRONG_CHROME_TAGS or good >= GUARD_SHARE_TAG * total))
            or (good >= GUARD_MIN_WORDS and by_class and reason not in _ALWAYS_TRUSTED)
        ):
            continue
        if reason is Reason.COMMENTS and discussion:
            continue
        if (by_class and reason not in _PROSE_TRUSTED and reason is not Reason.COMMENTS
                and good >= VETO_MIN_GOOD):
            words = sum(seg.blocks[i].features.words for i in range(c.start, c.end))
            if good >= VETO_MIN_SHARE * words:
                continue
        for i in range(c.start, c.end):
            marks[i] = c.chrome
        covered_until = c.end
        outer = reason
    return marks


# Listing pages (section fronts, search results, category pages): their content
# is teasers, whole cards inside one link. A teaser is a sentence-like block of
# at least TEASER_MIN_WORDS that is mostly link text; a page is a listing when
# at least LISTING_MIN_TEASERS of them hold LISTING_RATIO times the page's
# ordinary good text (an article page's related box never outweighs the story).
TEASER_MIN_WORDS = 8
LISTING_MIN_TEASERS = 3
LISTING_RATIO = 2.0


def is_teaser(block: Block, th: Thresholds) -> bool:
    """A link-dense, sentence-like block: the description on a teaser card."""
    f = block.features
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        return False
    limit = th.max_link_density_short if f.words <= th.short_block_words else th.max_link_density
    return f.words >= TEASER_MIN_WORDS and f.ends_sentence and f.link_density > limit


def is_listing(seg: HtmlSegmentation, marks: list[Mark], th: Thresholds) -> bool:
    """True when unmarked teaser cards, not prose, carry the page (see above)."""
    count = 0
    teaser_words = 0
    good = 0.0
    plain = plain_values(seg, th)
    for b, m, v in zip(seg.blocks, marks, plain, strict=True):
        if m is not None:
            continue
        if is_teaser(b, th):
            count += 1
            teaser_words += b.features.words
        else:
            good += v
    return count >= LISTING_MIN_TEASERS and teaser_words >= LISTING_RATIO * good


def _kind_key(attrs: str) -> tuple[str, ...]:
    """Class/id tokens that name a kind of box: numbered ones (``post-1234``,
    ``js-post-7``) name one box of the kind and differ between its members."""
    return tuple(t for t in attrs.split() if not any(ch.isdigit() for ch in t))


def _same_kind_span(seg: HtmlSegmentation, marks: list[Mark], chosen: Container,
                    prefix: list[float]) -> tuple[int, int]:
    """The span of the article's sections when the body is split into several.

    Long articles are often cut into sibling containers of one declared kind
    (``post-content-section`` between pull quotes, figures or ads). When other
    containers with the chosen one's tag and class hold good text, the region
    runs from the first to the last of them, provided what lies between them
    is not more good text than they hold (a second story of the same kind).
    ``<article>`` elements are the posts of a thread the same way, with or
    without a content class; without one, members must sit at the chosen one's
    depth (cards in a rail beside or below the story sit elsewhere).
    """
    declared = bool(chosen.attrs) and content_class(chosen.attrs)
    if chosen.tag != "article" and not declared:
        return chosen.start, chosen.end

    def good(start: int, end: int) -> float:
        return prefix[end] - prefix[start]

    kind = _kind_key(chosen.attrs)
    kin = sorted(((c.start, c.end) for c in seg.containers
                  if c.tag == chosen.tag and (declared or c.depth == chosen.depth)
                  and _kind_key(c.attrs) == kind
                  and marks[c.start] is None and good(c.start, c.end) > 0),
                 key=lambda r: (r[0], -r[1]))
    # Outermost members only (a section may nest a copy of the same class).
    outer: list[tuple[int, int]] = []
    for r in kin:
        if not outer or r[0] >= outer[-1][1]:
            outer.append(r)
    if len(outer) < 2:  # noqa: PLR2004
        return chosen.start, chosen.end
    held = sum(good(a, b) for a, b in outer)
    start, end = outer[0][0], outer[-1][1]
    if good(start, end) - held > SECTIONS_MAX_BETWEEN * held:
        return chosen.start, chosen.end
    return start, end


def select_region(seg: HtmlSegmentation, marks: list[Mark], th: Thresholds,
                  listing: bool = False) -> Region:
    """The container that best holds the article (see the module docstring).

    On a listing page (``listing``) teaser cards count as good text.
    """
    n = len(seg.blocks)
    values = marked_values(seg, marks, th)
    if listing:
        values = [float(b.features.words) if m is None and is_teaser(b, th) else v
                  for b, m, v in zip(seg.blocks, marks, values, strict=True)]
    prefix = [0.0]
    for v in values:
        prefix.append(prefix[-1] + v)
    total = prefix[-1]
    if n == 0 or total < th.min_article_words:
        return Region(0, n, "too little text to choose a region", 0.0)

    def good(c: Container) -> float:
        return prefix[c.end] - prefix[c.start]

    best: Container | None = None
    for c in seg.containers:
        if c.chrome is not None and marks[c.start] is not None:
            continue
        if good(c) >= th.region_share * total and (
            best is None or (c.end - c.start) < (best.end - best.start)
        ):
            best = c
    # A class on <html>/<body> ("single-article") is a page state, not a
    # declaration that the whole page is the article.
    declared = [c for c in seg.containers
                if c.semantic and c.tag not in _PAGE_TAGS and good(c) >= SEMANTIC_SHARE * total]
    semantic: Container | None = None
    if declared:
        most = max(good(c) for c in declared)
        # The tightest declared container holding nearly the most good text
        # (Thresholds.semantic_tie): the article body inside an <article> that
        # also wraps the header, a gallery, a bio and a related box.
        semantic = min((c for c in declared if good(c) >= th.semantic_tie * most),
                       key=lambda c: (c.end - c.start, -good(c)))
    if semantic is not None and (
        best is None or (semantic.start >= best.start and semantic.end <= best.end)
        or good(semantic) >= th.region_share * total
    ):
        start, end = _same_kind_span(seg, marks, semantic, prefix)
        share = (prefix[end] - prefix[start]) / total
        parts = "" if (start, end) == (semantic.start, semantic.end) else " (with its sections)"
        return Region(start, end,
                      f"<{semantic.tag}> declared article{parts}, {share:.0%} of good text",
                      min(1.0, share + 0.3))
    if best is None:
        return Region(0, n, "no container holds most of the text", 0.2)
    share = good(best) / total
    span = max(1, best.end - best.start)
    # Confidence: how much of the region is good text, and how much of the
    # page's good text the region holds.
    inside_density = sum(1 for v in values[best.start:best.end] if v > 0) / span
    return Region(best.start, best.end,
                  f"<{best.tag}> holds {share:.0%} of good text",
                  min(1.0, 0.5 * share + 0.5 * inside_density))

"""The context a segmentation walk keeps while it is inside elements.

What the open elements around a block say about it: inside an article body, a
list (ordered or not), a quote, a form, a header or footer outside the story;
and the checks that read that state (a block's kind, an area's chrome, whether
a comment item sits in a form or in inline code). Split out of
:mod:`cleaner.extract.segment_html`, which owns the walk itself.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from cleaner.core.model import BlockKind
from cleaner.core.reasons import Reason
from cleaner.extract.comments import is_comment_item, is_item
from cleaner.extract.html_blocks import Frame

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
CONTEXT_TAGS = frozenset({
    "article", "main", "aside", "nav", "footer", "header", "form", "blockquote", "figure",
    "li", "td", "noscript", "table", "details",
})
IN_HINTS = {tag: f"in:{tag}" for tag in CONTEXT_TAGS}
LIST_TAGS = frozenset({"ul", "ol", "menu"})
# Tags whose text is a list item when inside a list.
ITEM_TAGS = frozenset({"li", "p", "div", "span", "dd", "dt"})
AREA_REASONS = {"header": Reason.HEADER, "footer": Reason.FOOTER, "aside": Reason.SIDEBAR}
# Tags whose blocks are not paragraphs even outside lists and quotes (see _kind).
KIND_TAGS = frozenset({*HEADINGS, "figcaption", "caption"})
# Tags that change the context of the blocks inside them or whose chrome
# depends on where they are: the rest (p, div, section, ...) skip those checks.
STATE_TAGS = frozenset({"blockquote", "article", "main", "form", *LIST_TAGS, *CONTEXT_TAGS,
                         *AREA_REASONS})


# Following siblings looked at one by one before lxml's tag-filtered iterator
# (which costs about as much as this many getnext() calls to set up).
SIBLING_LOOKS = 4


def later_sibling(el: HtmlElement, raw: str) -> bool:
    """Whether an element named ``raw`` follows ``el`` among its siblings."""
    node = el.getnext()
    for _ in range(SIBLING_LOOKS):
        if node is None:
            return False
        if node.tag == raw:
            return True
        node = node.getnext()
    if node is None:
        return False
    return node.tag == raw or next(node.itersiblings(raw), None) is not None


class WalkContext:
    """Mixin of the walker (``segment_html._Walker``): the context counts."""

    frames: list[Frame]
    article_depth: int
    quote_depth: int
    list_depth: int
    ol_depth: int
    story_depth: int
    noscript_depth: int
    # Open elements per CONTEXT_TAGS tag, and the "in:<tag>" hints (plus
    # "in:article-body") they give a block now; recomputed when they change.
    context: dict[str, int]
    context_hints: frozenset[str]
    thread_memo: list[HtmlElement | bool | None]
    # Open inline <code> elements (a comment item never sits in one), and
    # whether the walk starts at the document's root (no ancestors above).
    code_depth: int
    rooted: bool

    def _update_context(self) -> None:
        hints = {IN_HINTS[tag] for tag, count in self.context.items() if count}
        if self.article_depth:
            hints.add("in:article-body")
        self.context_hints = frozenset(hints)

    def _kind(self, tag: str) -> tuple[BlockKind, int, bool]:
        heading = HEADINGS.get(tag)
        if heading:
            return BlockKind.HEADING, heading, False
        if self.list_depth and tag in ITEM_TAGS:
            return BlockKind.LIST_ITEM, self.list_depth, self.ol_depth > 0
        if self.quote_depth:
            return BlockKind.QUOTE, 0, False
        if tag == "figcaption" or tag == "caption":
            return BlockKind.CAPTION, 0, False
        return BlockKind.PARAGRAPH, 0, False

    def _area_chrome(self, el: HtmlElement, tag: str,
                     chrome: tuple[Reason, str] | None) -> tuple[Reason, str] | None:
        """What a header, footer, aside or form declares by where it is and what it holds."""
        if chrome is not None:
            return chrome
        # <main> holds the page's main column, asides and all; only an article
        # (or a declared article body) owns the header/footer/aside inside it.
        if tag in AREA_REASONS and not self.story_depth:
            return (AREA_REASONS[tag], f"<{tag}> outside the article")
        if tag == "form" and (
            el.find(".//textarea") is not None or el.find(".//input[@type='email']") is not None
        ):
            return (Reason.COMMENT_FORM, "form with a text area or e-mail field")
        return None

    def _open_state(self, tag: str, role: str | None, semantic: bool) -> None:
        """Count an element that changes the context of the blocks inside it."""
        changed = False
        if semantic:
            self.article_depth += 1
            changed = self.article_depth == 1
            if tag != "main" and role != "main":
                self.story_depth += 1
        if tag == "blockquote":
            self.quote_depth += 1
        elif tag in LIST_TAGS:
            self.list_depth += 1
            if tag == "ol":
                self.ol_depth += 1
        if tag in CONTEXT_TAGS:
            count = self.context.get(tag, 0) + 1
            self.context[tag] = count
            changed = changed or count == 1
            if tag == "noscript":
                self.noscript_depth += 1
        if changed:
            self._update_context()

    def _close_state(self, frame: Frame) -> None:
        """Undo :meth:`_open_state` for a frame that ends."""
        tag = frame.tag
        changed = False
        if frame.semantic:
            self.article_depth -= 1
            changed = self.article_depth == 0
            if tag != "main" and frame.element.get("role") != "main":
                self.story_depth -= 1
        if tag == "blockquote":
            self.quote_depth -= 1
        elif tag in LIST_TAGS:
            self.list_depth -= 1
            if tag == "ol":
                self.ol_depth -= 1
        if tag in CONTEXT_TAGS:
            count = self.context[tag] - 1
            self.context[tag] = count
            changed = changed or count == 0
            if tag == "noscript":
                self.noscript_depth -= 1
        if changed:
            self._update_context()

    def _comment_item(self, el: HtmlElement, tag: str) -> bool:
        """comments.is_comment_item, its ancestor check answered by the walk:
        of the tags that exclude an item, <form> is a context tag and <code>
        is counted; <pre>, <template> and <textarea> subtrees are never walked."""
        if not self.rooted:
            return is_comment_item(el, self.thread_memo)
        if tag == "form" or self.code_depth or self.context.get("form"):
            return False
        return is_item(el, self.thread_memo)

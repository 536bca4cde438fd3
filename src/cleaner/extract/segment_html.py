"""Segment an lxml tree into blocks, in one streaming walk.

Text belongs to the innermost open block-level element. Entering or leaving a
block-level element closes the text gathered so far into a :class:`Block`, so a
``<div>`` with loose text, then a ``<p>``, then more text yields three blocks in
document order. Every block-level element that holds blocks is recorded as a
:class:`Container` with the contiguous range of block ids it covers: article
selection and markup rules then work on ranges, never re-walking the tree.

This module decides where blocks begin and end and what the markup says about
them (chrome, semantic containers); :mod:`cleaner.extract.html_blocks` builds
the blocks themselves.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from cleaner.core.memory import release_freed
from cleaner.core.model import BlockKind
from cleaner.core.reasons import Reason
from cleaner.core.settings import Settings
from cleaner.extract.comments import is_comment_item, is_forum_thread
from cleaner.extract.html_blocks import (
    BlockWriter,
    Container,
    Frame,
    HtmlSegmentation,
)
from cleaner.extract.rules.markup import chrome_reason, content_class

__all__ = ["BLOCK_TAGS", "SKIP_TAGS", "Container", "HtmlSegmentation", "segment_html"]

# Subtrees that never hold readable article text.
SKIP_TAGS = frozenset({
    "script", "style", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "video", "audio", "select", "option", "textarea", "input", "head", "title", "meta",
    "link", "map", "area", "source", "track", "param", "datalist", "dialog", "button",
})
BLOCK_TAGS = frozenset({
    "html", "body", "p", "div", "section", "article", "main", "aside", "header", "footer",
    "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "blockquote", "pre", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption",
    "figure", "figcaption", "form", "fieldset", "address", "hr", "details", "summary",
    "center", "menu", "legend", "noscript", "hgroup", "frameset", "frame",
})
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
CONTEXT_TAGS = frozenset({
    "article", "main", "aside", "nav", "footer", "header", "form", "blockquote", "figure",
    "li", "td", "noscript", "table", "details",
})
_IN_HINTS = {tag: f"in:{tag}" for tag in CONTEXT_TAGS}
_LIST_TAGS = frozenset({"ul", "ol", "menu"})
# Tags whose text is a list item when inside a list.
_ITEM_TAGS = frozenset({"li", "p", "div", "span", "dd", "dt"})
_AREA_REASONS = {"header": Reason.HEADER, "footer": Reason.FOOTER, "aside": Reason.SIDEBAR}
# What an element with no attributes declares depends on its tag alone.
# While pruning, the freed tree is handed back to the system this often (blocks).
TRIM_EVERY_BLOCKS = 16384
# While pruning, elements that covered fewer blocks than this are removed with
# their parent, until it has this many ended children (fewer, cheaper removals;
# what stays is bounded by depth x batch x batch blocks' worth of tree).
PRUNE_BATCH = 8
_PLAIN_CHROME = {tag: chrome_reason(tag, "", None, None, False) for tag in BLOCK_TAGS}


class _Walker(BlockWriter):
    """State of one segmentation walk: the open block elements and their context."""

    def __init__(self, root: HtmlElement, base_url: str | None, settings: Settings) -> None:
        super().__init__(root, base_url, settings)
        self.frames: list[Frame] = []
        self.article_depth = 0
        self.quote_depth = 0
        self.list_depth = 0
        self.ol_depth = 0
        self.story_depth = 0
        # Open elements per CONTEXT_TAGS tag, and the "in:<tag>" hints (plus
        # "in:article-body") they give a block now; recomputed when they change.
        self.context: dict[str, int] = {}
        self.context_hints: frozenset[str] = frozenset()
        self.thread_memo: list[HtmlElement | bool | None] = [None, False]

    def top(self) -> Frame | None:
        return self.frames[-1] if self.frames else None

    def _update_context(self) -> None:
        hints = {_IN_HINTS[tag] for tag, count in self.context.items() if count}
        if self.article_depth:
            hints.add("in:article-body")
        self.context_hints = frozenset(hints)

    def _kind(self, tag: str) -> tuple[BlockKind, int, bool]:
        heading = HEADINGS.get(tag)
        if heading:
            return BlockKind.HEADING, heading, False
        if self.list_depth and tag in _ITEM_TAGS:
            return BlockKind.LIST_ITEM, self.list_depth, self.ol_depth > 0
        if self.quote_depth:
            return BlockKind.QUOTE, 0, False
        if tag == "figcaption" or tag == "caption":
            return BlockKind.CAPTION, 0, False
        return BlockKind.PARAGRAPH, 0, False

    # -- element events ---------------------------------------------------
    def start_block(self, el: HtmlElement, tag: str, raw: str) -> None:
        self.flush(self.top(), self.context_hints)
        # One attribute read per element; most block elements have none.
        items = el.items()
        if items:
            attrib = dict(items)
            cls = attrib.get("class") or ""
            ident = attrib.get("id") or ""
            attrs = f"{cls} {ident}".lower().strip() if (cls or ident) else ""
            role = attrib.get("role")
            hidden = "hidden" in attrib or attrib.get("aria-hidden") == "true"
            itemprop = attrib.get("itemprop")
            # <html>/<body> classes are page states ("cookies-not-set",
            # "has-sidebar"), never the role of the whole page.
            chrome = (None if tag in ("html", "body")
                      else chrome_reason(tag, attrs, role, attrib.get("style"), hidden))
            # Every comment item's class or id holds "comment" or "post", or
            # it has an itemtype (see comments._is_item).
            maybe_item = "comment" in attrs or "post" in attrs or "itemtype" in attrib
        else:
            attrs, role, itemprop = "", None, None
            chrome = _PLAIN_CHROME[tag]
            maybe_item = False
        # <main> holds the page's main column, asides and all; only an article
        # (or a declared article body) owns the header/footer/aside inside it.
        if chrome is None and tag in _AREA_REASONS and not self.story_depth:
            chrome = (_AREA_REASONS[tag], f"<{tag}> outside the article")
        if chrome is None and tag == "form" and (
            el.find(".//textarea") is not None or el.find(".//input[@type='email']") is not None
        ):
            chrome = (Reason.COMMENT_FORM, "form with a text area or e-mail field")
        semantic = (
            tag in ("article", "main")
            or role == "main"
            or itemprop == "articleBody"
            or (bool(attrs) and content_class(attrs))
        )
        changed = False
        if semantic:
            self.article_depth += 1
            changed = self.article_depth == 1
            if tag != "main" and role != "main":
                self.story_depth += 1
        if tag == "blockquote":
            self.quote_depth += 1
        elif tag in _LIST_TAGS:
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
        kind, level, ordered = self._kind(tag)
        start = self.number(len(self.out.blocks))
        self.frames.append(Frame(el, tag, start, chrome, attrs, semantic, kind, level, ordered,
                                 self.hints(raw, self.context_hints), self.textareas,
                                 maybe_item))
        self.add(el.text)

    def end_block(self, el: HtmlElement) -> int:
        """Close ``el``'s frame; how many blocks it covered."""
        frame = self.frames[-1]
        self.flush(frame, self.context_hints)
        self.frames.pop()
        self.paths.forget(el)  # no block of it or inside it can follow
        tag = frame.tag
        changed = False
        if frame.semantic:
            self.article_depth -= 1
            changed = self.article_depth == 0
            if tag != "main" and frame.element.get("role") != "main":
                self.story_depth -= 1
        if tag == "blockquote":
            self.quote_depth -= 1
        elif tag in _LIST_TAGS:
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
        end = len(self.out.blocks)
        if end > frame.start:
            end = self.number(end)
            # Positional (once per container): tag, start, end, depth, attrs,
            # chrome, semantic, inside_article.
            self.out.containers.append(Container(
                tag, frame.start, end, len(self.frames), frame.attrs, frame.chrome,
                frame.semantic, self.article_depth > 0))
            # Read now: its ancestors are still in the tree, even when pruning.
            if frame.maybe_item and self.textareas == frame.textareas \
                    and is_comment_item(el, self.thread_memo):
                self.out.comment_ranges.append((frame.start, end))
        return end - frame.start

    def removable(self, covered: int) -> bool:
        """Whether a pruning walk removes the element that just ended now
        (with all its earlier siblings, see ElementPaths.remove_through).

        Small elements go with their parent: a post's paragraphs are freed
        with the post, one removal instead of four. A parent keeps at most
        ``PRUNE_BATCH`` small children, then they go with the next one.
        """
        parent = self.top()
        if parent is None:
            return False  # the root
        parent.ended += 1
        return covered >= PRUNE_BATCH or parent.ended >= PRUNE_BATCH

    def count_textareas(self, el: HtmlElement) -> None:
        """Count the text areas in a subtree the walk skips."""
        if el.find(".//textarea") is not None:
            self.textareas += 1

    def try_table(self, el: HtmlElement) -> bool:
        """Close pending text, then emit ``el`` as a data table if it is one."""
        self.flush(self.top(), self.context_hints)
        return self.data_table(el, self.context_hints)

    def start_inline(self, el: HtmlElement, tag: str) -> None:
        if tag == "br":
            self.line_break()
        elif tag == "a":
            self.open_link()
        elif tag == "img":
            self.image(el)
        else:
            self.format_mark(tag)
        self.add(el.text)

    def end_inline(self, el: HtmlElement, tag: str) -> None:
        if tag == "a":
            self.close_link(el.get("href"))
        else:
            self.format_mark(tag)
        self.add(el.tail)


def _name(raw: str) -> str:
    """An element's tag as the walk compares it: no namespace, lower case."""
    if "}" in raw:
        raw = raw.rsplit("}", 1)[1]
    return raw.lower()


def segment_html(root: HtmlElement, base_url: str | None, settings: Settings,
                 prune: bool = False) -> HtmlSegmentation:
    """Walk ``root`` once and return its blocks and containers.

    With ``prune`` each block-level element is removed from the tree once the
    walk is past it (the walk has read all it needs; later stages read only
    what it recorded), and the freed memory is handed back as the walk goes:
    a big page's tree then shrinks while its blocks grow, instead of both
    being held at once. The tree is left empty of content: only for callers
    that need it no more (no user selectors, no second opinion).
    """
    walker = _Walker(root, base_url, settings)
    if prune:
        walker.keep_elements = False
        walker.out.forum_thread = is_forum_thread(root)
    events = etree.iterwalk(root, events=("start", "end"))
    # Only tables can be either skipped (data) or walked (layout): remember which.
    skipped: set[HtmlElement] = set()
    # Tag names as the walk compares them, one shared string per raw name.
    names: dict[str, str] = {}
    add = walker.add
    start_block, end_block = walker.start_block, walker.end_block
    start_inline, end_inline = walker.start_inline, walker.end_inline
    # The element to remove once the walk has left it (pruning only).
    done: HtmlElement | None = None
    trim_at = TRIM_EVERY_BLOCKS
    for event, el in events:
        if done is not None:
            walker.paths.remove_through(done)
            done = None
            if len(walker.out.blocks) >= trim_at:
                trim_at += TRIM_EVERY_BLOCKS
                release_freed()
        raw = el.tag
        if not isinstance(raw, str):
            # Comments and processing instructions: only their tail is text.
            if event == "end":
                add(el.tail)
            continue
        tag = names.get(raw)
        if tag is None:
            tag = names[raw] = _name(raw)
        if event == "start":
            if tag in BLOCK_TAGS:
                if tag == "pre":
                    walker.flush(walker.top(), walker.context_hints)
                    walker.code_block(el, walker.context_hints)
                    walker.count_textareas(el)
                    events.skip_subtree()
                elif tag == "table" and walker.try_table(el):
                    walker.count_textareas(el)
                    events.skip_subtree()
                    skipped.add(el)
                else:
                    start_block(el, tag, raw)
            elif tag in SKIP_TAGS:
                if tag == "textarea":
                    walker.textareas += 1
                else:
                    walker.count_textareas(el)
                events.skip_subtree()
            else:
                start_inline(el, tag)
        elif tag in BLOCK_TAGS:
            # A <pre> or a data table was emitted whole at its start.
            if tag != "pre" and (tag != "table" or el not in skipped):
                covered = end_block(el)
            else:
                covered = 1
                walker.paths.forget(el)
                if prune:
                    skipped.discard(el)
            add(el.tail)
            if prune and walker.removable(covered):
                done = el
        elif tag in SKIP_TAGS:
            add(el.tail)
        else:
            end_inline(el, tag)
            if prune and el in walker.paths.paths:
                # An inline element around blocks (<a><div>): its cached path
                # would keep its subtree alive once removed.
                walker.paths.forget(el)
    walker.flush(walker.top(), walker.context_hints)
    if prune:
        release_freed()
    return walker.out

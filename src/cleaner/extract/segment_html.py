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
from cleaner.core.settings import Settings
from cleaner.extract.comments import is_forum_thread
from cleaner.extract.html_blocks import (
    BlockWriter,
    Container,
    Frame,
    HtmlSegmentation,
)
from cleaner.extract.rules.markup import attrs_key, chrome_reason, content_class
from cleaner.extract.walk_context import (
    KIND_TAGS,
    STATE_TAGS,
    WalkContext,
    later_sibling,
)

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
# flat_children holds a block's children in a list: only for blocks with at most
# this many (a paragraph of a million <i> is walked event by event, in O(1) memory).
FLAT_MAX_CHILDREN = 64
# While pruning, the freed tree is handed back to the system this often (blocks).
TRIM_EVERY_BLOCKS = 16384
# While pruning, elements that covered fewer blocks than this are removed with
# their parent, until it has this many ended children (fewer, cheaper removals;
# what stays is bounded by depth x batch x batch blocks' worth of tree).
PRUNE_BATCH = 8
# What an element with no attributes declares depends on its tag alone.
_PLAIN_CHROME = {tag: chrome_reason(tag, "", None, None, False) for tag in BLOCK_TAGS}


class _Walker(WalkContext, BlockWriter):
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
        # Open inline <code> elements (a comment item never sits in one), and
        # whether the walk starts at the document's root (no ancestors above).
        self.code_depth = 0
        # Raw tag -> its name when the walk treats it as inline, else "" (flat_children).
        self.inline_names: dict[str, str] = {}
        self.rooted = root.getparent() is None

    def top(self) -> Frame | None:
        return self.frames[-1] if self.frames else None

    # -- element events ---------------------------------------------------
    def child_path(self, el: HtmlElement, raw: str, depth: int) -> str:
        """The xpath of a block-level element that starts now (``depth``: the
        open elements, itself included), as ``getpath`` writes it.

        Most have the innermost open block as parent: their position is the
        count of its block-level children of that tag started so far (removed
        ones included, so a pruning walk gets the unpruned paths), and the
        index is left out, as getpath does, when no sibling shares the tag
        (one forward look, for the first of each tag only: at most one per
        block tag per parent). Others (a block inside an inline element, the
        root, a namespaced name) ask :class:`ElementPaths`.
        """
        top = self.frames[-1] if self.frames else None
        if top is None or top.depth != depth - 1 or "{" in raw:
            path = self.paths.path(el)
        else:
            counts = top.children
            if counts is None:
                counts = top.children = {}
            n = counts[raw] = counts.get(raw, 0) + 1
            if n > 1 or later_sibling(el, raw):
                path = f"{top.path}/{raw}[{n}]"
            else:
                path = f"{top.path}/{raw}"
        # For ElementPaths, when a block inside an inline child asks (forgotten at its end).
        self.paths.paths[el] = path
        return path

    def close_pending(self, top: Frame | None) -> None:
        """Close the text gathered so far (``flush``, whose usual case, only
        white space since the last boundary, is answered here)."""
        if self.chars or self.md:
            self.flush(top, self.context_hints)
            return
        if self.buf:
            self.buf = []
        # No text: no link text and no link recorded (both need text); links
        # with no text were counted.
        self.link_count = 0

    def start_block(self, el: HtmlElement, tag: str, raw: str, path: str, depth: int) -> None:
        frames = self.frames
        if self.chars or self.md or self.buf or self.link_count:
            self.close_pending(frames[-1] if frames else None)
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
            key = attrs_key(attrs) if attrs else ""
            chrome = (None if tag in ("html", "body")
                      else chrome_reason(tag, attrs, role, attrib.get("style"), hidden, key))
            # Every comment item's class or id holds "comment" or "post", or
            # it has an itemtype (see comments._is_item).
            maybe_item = "comment" in attrs or "post" in attrs or "itemtype" in attrib
            semantic = (role == "main" or itemprop == "articleBody"
                        or (bool(attrs) and content_class(attrs, key)))
        else:
            attrs, role = "", None
            chrome = _PLAIN_CHROME[tag]
            maybe_item = semantic = False
        if tag in STATE_TAGS:
            # Where it is decides first (the counts before it opens), then it counts.
            chrome = self._area_chrome(el, tag, chrome)
            semantic = semantic or tag in ("article", "main")
            self._open_state(tag, role, semantic)
        elif semantic:
            self._open_state(tag, role, semantic)
        if self.list_depth or self.quote_depth or tag in KIND_TAGS:
            kind, level, ordered = self._kind(tag)
        else:
            kind, level, ordered = BlockKind.PARAGRAPH, 0, False
        hints = self._hints.get((raw, self.context_hints))
        if hints is None:
            hints = self.hints(raw, self.context_hints)
        n = len(self.out.blocks)
        ints = self.ints
        start = ints[n] if n < len(ints) else self.number(n)
        frames.append(Frame(el, tag, start, chrome, attrs, semantic, kind, level, ordered,
                            hints, self.textareas, maybe_item, path, depth))
        text = el.text
        if text:
            self.add(text)

    def end_block(self, el: HtmlElement) -> int:
        """Close ``el``'s frame; how many blocks it covered."""
        frames = self.frames
        frame = frames.pop()
        if self.chars or self.md:
            self.flush(frame, self.context_hints)
        elif self.buf or self.link_count:
            self.close_pending(frame)
        paths = self.paths
        # No block of it or inside it can follow (ElementPaths.forget, whose
        # usual case, only the path kept, is answered here).
        if el in paths.totals or el in paths.gone:
            paths.forget(el)
        else:
            paths.paths.pop(el, None)
        tag = frame.tag
        if frame.semantic or tag in STATE_TAGS:
            self._close_state(frame)
        blocks = self.out.blocks
        end = len(blocks)
        start = frame.start
        if end > start:
            ints = self.ints
            end = ints[end] if end < len(ints) else self.number(end)
            # Positional (once per container): tag, start, end, depth, attrs,
            # chrome, semantic, inside_article.
            self.out.containers.append(Container(
                tag, start, end, len(frames), frame.attrs, frame.chrome,
                frame.semantic, self.article_depth > 0))
            # Read now: its ancestors are still in the tree, even when pruning.
            if frame.maybe_item and self.textareas == frame.textareas \
                    and self._comment_item(el, tag):
                self.out.comment_ranges.append((start, end))
        return end - start

    def count_textareas(self, el: HtmlElement) -> None:
        """Count the text areas in a subtree the walk skips."""
        if el.find(".//textarea") is not None:
            self.textareas += 1

    def try_table(self, el: HtmlElement, path: str) -> bool:
        """Close pending text, then emit ``el`` as a data table if it is one."""
        frames = self.frames
        self.close_pending(frames[-1] if frames else None)
        return self.data_table(el, path, self.context_hints)

    def flat_children(self, el: HtmlElement, names: dict[str, str]) -> bool:
        """Gather the children of a block that holds only childless inline
        elements (``<p>text <a>link</a> <em>word</em>.</p>``) in one pass, as
        their start and end events would; False (nothing done) for any other.

        Only without Markdown and outside ``<noscript>``, where an inline
        element is its text and tail, and a link its anchor and address: most
        paragraphs of a page, at a third of the cost of the events.
        """
        if self.noscript_depth or self.inline_md:
            return False
        kids = list(el)
        tags: list[str | None] = []
        inline = self.inline_names
        for kid in kids:
            if len(kid):
                return False
            raw = kid.tag
            if isinstance(raw, str):
                tag = inline.get(raw)
                if tag is None:
                    # The walk's name; "" for a block or skipped element.
                    name = names.get(raw) or _name(raw)
                    tag = inline[raw] = "" if name in BLOCK_TAGS or name in SKIP_TAGS else name
                if not tag:
                    return False
                tags.append(tag)
            else:
                tags.append(None)  # a comment: only its tail is text
        # BlockWriter.add inlined (no <noscript>, no Markdown here): this runs
        # for most paragraphs of a page.
        append = self.buf.append
        chars, link_chars, in_link = self.chars, self.link_chars, self.link_depth > 0
        for kid, tag in zip(kids, tags, strict=True):
            if tag == "a":
                self.link_count += 1
                text = kid.text
                if text:
                    if "\n" in text:
                        text = text.replace("\n", " ")
                    append(text)
                    n = len(text) - text.count(" ") - text.count("\t")
                    chars += n
                    link_chars += n
                    anchor = " ".join(text.split())
                    if anchor:
                        href = kid.get("href")
                        if href:
                            self.links.append((anchor, self.url(href)))
            elif tag is not None:
                if tag == "br":
                    append("\n")
                text = kid.text
                if text:
                    if "\n" in text:
                        text = text.replace("\n", " ")
                    append(text)
                    n = len(text) - text.count(" ") - text.count("\t")
                    chars += n
                    if in_link:
                        link_chars += n
            text = kid.tail
            if text:
                if "\n" in text:
                    text = text.replace("\n", " ")
                append(text)
                n = len(text) - text.count(" ") - text.count("\t")
                chars += n
                if in_link:
                    link_chars += n
        self.chars, self.link_chars = chars, link_chars
        return True

    def start_inline(self, el: HtmlElement, tag: str) -> None:
        if tag == "br":
            self.line_break()
        elif tag == "a":
            self.open_link()
        elif tag == "img":
            self.image(el)
        else:
            if tag == "code":
                self.code_depth += 1
            self.format_mark(tag)
        self.add(el.text)

    def end_inline(self, el: HtmlElement, tag: str) -> None:
        if tag == "a":
            self.close_link(el.get("href"))
        else:
            if tag == "code":
                self.code_depth -= 1
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
    # Open elements (comments aside), the one an event is about included.
    depth = 0
    child_path, flat_children = walker.child_path, walker.flat_children
    frames = walker.frames
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
            depth += 1
            if tag in BLOCK_TAGS:
                path = child_path(el, raw, depth)
                if tag == "pre":
                    walker.flush(walker.top(), walker.context_hints)
                    walker.code_block(el, path, walker.context_hints)
                    walker.count_textareas(el)
                    events.skip_subtree()
                elif tag == "table" and walker.try_table(el, path):
                    walker.count_textareas(el)
                    events.skip_subtree()
                    skipped.add(el)
                else:
                    start_block(el, tag, raw, path, depth)
                    if 0 < len(el) <= FLAT_MAX_CHILDREN and flat_children(el, names):
                        events.skip_subtree()
            elif tag in SKIP_TAGS:
                if tag == "textarea":
                    walker.textareas += 1
                else:
                    walker.count_textareas(el)
                events.skip_subtree()
            else:
                start_inline(el, tag)
            continue
        depth -= 1
        if tag in BLOCK_TAGS:
            # A <pre> or a data table was emitted whole at its start.
            if tag != "pre" and (tag != "table" or el not in skipped):
                covered = end_block(el)
            else:
                covered = 1
                walker.paths.forget(el)
                if prune:
                    skipped.discard(el)
            tail = el.tail
            if tail:
                add(tail)
            if prune and frames:
                # Remove it now (with all its earlier siblings, see
                # ElementPaths.remove_through)? Small elements go with their
                # parent: a post's paragraphs are freed with the post, one
                # removal instead of four. A parent keeps at most PRUNE_BATCH
                # small children, then they go with the next one. (The root
                # stays.)
                parent = frames[-1]
                parent.ended += 1
                if covered >= PRUNE_BATCH or parent.ended >= PRUNE_BATCH:
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

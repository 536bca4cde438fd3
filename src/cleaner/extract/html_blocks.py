"""Turn the text an HTML walk gathers into :class:`Block` objects.

:mod:`cleaner.extract.segment_html` walks the tree and decides where blocks
begin and end; this module holds what a block is made of: the text (white space
folded), its links and Markdown, its kind, features, hints and span, and the
two elements that become one block whole (``<pre>`` code and data tables).

It runs once per block of every page, so the common cases avoid regexes and
allocations: white space is folded by ``split()`` when that gives the same
text, hint sets are shared between blocks with the same context, and a frame's
kind and hints are computed once, when it opens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from cleaner.core.model import Block, BlockKind
from cleaner.core.reasons import Reason
from cleaner.core.settings import Settings
from cleaner.core.thresholds import Thresholds
from cleaner.extract.features import measure, single_spaced
from cleaner.extract.rules.tables import layout_by_markup, layout_by_rows, nonspace
from cleaner.inputs.parse import ElementPaths

# Two line breaks with only white space between them: a paragraph break.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0\u200b\u2028\u2029]*\n")
# The white space folded inside a line (a line break only comes from <br>).
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b\u2028\u2029]+")
# ASCII characters str.split() treats as white space but _SPACE does not fold
# (\x1c-\x1f): text holding one of them (or not ASCII) takes the regex path.
_SPLIT_ONLY = re.compile(r"[\x1c-\x1f]")
# BlockWriter.number grows its shared ints this many at a time.
INT_STEP = 1024
_LANGUAGE_CLASS = re.compile(r"(?:lang|language)-([\w+#-]+)")
_FORMAT_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*", "code": "`"}
# Markdown images the walk wrote: (alt, url) of each.
_IMAGE_MD = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)\)")
def _fold_line(text: str) -> str:
    """Runs of white space to one space, ends stripped (``_SPACE`` then strip)."""
    if single_spaced(text):  # the usual paragraph: nothing to fold
        return text
    if text.isascii() and (text.isprintable() or _SPLIT_ONLY.search(text) is None):
        # Same result: on such text split() breaks at exactly the _SPACE runs
        # and drops the ends strip() would drop.
        return " ".join(text.split())
    return _SPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """Collapse runs of white space inside lines; drop empty lines."""
    if "\n" not in text:
        return _fold_line(text)
    lines = (_fold_line(line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


@dataclass(slots=True)
class Container:
    """A block-level element and the range of block ids it covers.

    It keeps no reference to the element: the stages after the walk read what
    the walk recorded, so a big page's tree can be freed as it is walked.
    """

    tag: str
    start: int
    end: int
    depth: int
    attrs: str
    chrome: tuple[Reason, str] | None
    semantic: bool
    inside_article: bool


@dataclass(slots=True)
class HtmlSegmentation:
    """Blocks in document order, plus the containers that group them.

    ``elements`` (each block's element) is filled only when the user's CSS
    selectors need it. ``comment_ranges`` are the block ranges of reader-comment
    items (see :mod:`cleaner.extract.comments`), innermost first; ``forum_thread``
    is set when the walk freed the tree that would otherwise answer it later.
    """

    blocks: list[Block] = field(default_factory=list)
    containers: list[Container] = field(default_factory=list)
    elements: list[HtmlElement] = field(default_factory=list)
    comment_ranges: list[tuple[int, int]] = field(default_factory=list)
    forum_thread: bool | None = None
    # Every block's value ignoring marks, under these thresholds (see
    # select.plain_values): computed once, read by several passes.
    values: tuple[Thresholds, list[float]] | None = None


@dataclass(slots=True)
class Frame:
    """An open block-level element: where the text gathered now will go.

    ``kind``, ``level``, ``ordered`` and ``hints`` depend only on the elements
    open around it, which are the same whenever its text is flushed (children
    open and close in between), so they are computed once, when it opens.
    """

    element: HtmlElement
    tag: str
    start: int
    chrome: tuple[Reason, str] | None
    attrs: str
    semantic: bool
    kind: BlockKind
    level: int
    ordered: bool
    hints: frozenset[str]
    # Text areas seen before it opened (one inside it makes it no comment item).
    textareas: int
    # Its class, id or itemtype could make it a comment item (a cheap prefilter).
    maybe_item: bool
    # Its xpath (as ``getpath`` writes it), and the open elements around it
    # and itself (its children sit one deeper).
    path: str = ""
    depth: int = 0
    # Block-level children started so far, per tag (their xpath positions).
    children: dict[str, int] | None = None
    # Block-level children that have ended (a pruning walk's batching).
    ended: int = 0


class BlockWriter:
    """Gathers text, links and Markdown between block boundaries; emits blocks."""

    def __init__(self, root: HtmlElement, base_url: str | None, settings: Settings) -> None:
        self.root = root
        # Linear-time xpaths: libxml2's getpath is quadratic in sibling count.
        self.paths = ElementPaths(root)
        self.base_url = base_url
        parts = urlsplit(base_url) if base_url else None
        self.origin = f"{parts.scheme}://{parts.netloc}" if parts and parts.netloc else ""
        self.settings = settings
        self.inline_md = settings.links or settings.formatting or settings.images
        self.md_links = self.inline_md and settings.links
        self.md_format = self.inline_md and settings.formatting
        self.out = HtmlSegmentation()
        self.buf: list[str] = []
        self.md: list[str] = []
        self.chars = 0
        self.link_chars = 0
        self.link_count = 0
        self.links: list[tuple[str, str]] = []
        self.link_depth = 0
        self.link_start: list[int] = []
        self.noscript_depth = 0
        # One shared hint set per (element tag, context): most blocks repeat one.
        self._hints: dict[tuple[str, frozenset[str]], frozenset[str]] = {}
        self.ints: list[int] = []
        # Each block's element is kept only for the user's selectors: the
        # references would keep a big page's tree alive.
        self.keep_elements = bool(settings.keep_selectors or settings.remove_selectors)
        self.textareas = 0

    def number(self, n: int) -> int:
        """One shared int object per value: every int above 256 is a 28-byte object
        of its own, and block ids, frame starts and container ends repeat them."""
        ints = self.ints
        if n >= len(ints):
            # In steps: callers index the list directly while n is inside it.
            ints.extend(range(len(ints), n + INT_STEP))
        return ints[n]

    def hints(self, tag: str, context: frozenset[str]) -> frozenset[str]:
        """``tag:<tag>`` plus the context hints, as a shared set."""
        key = (tag, context)
        found = self._hints.get(key)
        if found is None:
            found = self._hints[key] = context | {f"tag:{tag}"}
        return found

    # -- text gathering ---------------------------------------------------
    def add(self, text: str | None) -> None:
        if not text:
            return
        if self.noscript_depth and text.lstrip().startswith("<"):
            # <noscript> markup the parser kept as text (tracking pixels): not prose.
            return
        if "\n" in text:
            # Newlines in the source are white space; only <br> breaks a line.
            text = text.replace("\n", " ")
        self.buf.append(text)
        if self.inline_md:
            self.md.append(text)
        n = len(text) - text.count(" ") - text.count("\t")
        self.chars += n
        if self.link_depth:
            self.link_chars += n

    def line_break(self) -> None:
        self.buf.append("\n")
        if self.inline_md:
            self.md.append("\n")

    def open_link(self) -> None:
        self.link_depth += 1
        self.link_count += 1
        self.link_start.append(len(self.buf))
        if self.md_links:
            self.md.append("[")

    def close_link(self, href: str | None) -> None:
        self.link_depth -= 1
        first = self.link_start.pop() if self.link_start else len(self.buf)
        anchor = " ".join("".join(self.buf[first:]).split())
        if href and anchor:
            self.links.append((anchor, self.url(href)))
        if self.md_links:
            self.md.append(f"]({self.url(href)})" if href else "]")

    def image(self, el: HtmlElement) -> None:
        if self.settings.images and self.inline_md:
            src = el.get("src") or el.get("data-src") or ""
            alt = (el.get("alt") or "").strip()
            if src:
                self.md.append(f"![{alt}]({self.url(src)})")

    def format_mark(self, tag: str) -> None:
        if self.md_format:
            mark = _FORMAT_MARKS.get(tag)
            if mark:
                self.md.append(mark)

    def url(self, href: str) -> str:
        href = href.strip()
        # Most hrefs are already absolute: urljoin would return them as they are.
        if self.base_url and not href.startswith(("https://", "http://")):
            if self.origin and href.startswith("/") and not href.startswith("//") \
                    and "/." not in href:
                # Root-relative (the usual case): what urljoin returns, without its cost.
                return self.origin + href
            try:
                return urljoin(self.base_url, href)
            except ValueError:
                return href
        return href

    # -- block emission -----------------------------------------------------
    def flush(self, frame: Frame | None, context: frozenset[str]) -> None:
        """Close the text gathered so far into a block of ``frame`` (None: the root)."""
        if not self.chars and not self.md:
            # Only white space since the last boundary (the common case between
            # block tags): nothing to emit, just reset.
            if self.buf:
                self.buf = []
            self.link_chars = self.link_count = 0
            if self.links:
                self.links = []
            return
        raw = "".join(self.buf)
        # fold(raw), its usual case (one line, single-spaced) answered here.
        if "\n" not in raw and raw.isprintable() and "  " not in raw \
                and raw[:1] != " " and raw[-1:] != " ":
            text = raw
        else:
            text = fold(raw)
        if self.inline_md:
            md_raw = "".join(self.md)
            self.md = []
        else:
            md_raw = ""  # self.md stays the empty list
        chars, link_chars, link_count, links = (
            self.chars, self.link_chars, self.link_count, self.links)
        self.buf, self.chars, self.link_chars, self.link_count = [], 0, 0, 0
        if links:
            self.links = []
        if frame is None:
            element = self.root
            kind, level, ordered = BlockKind.PARAGRAPH, 0, False
            hints = self.hints(str(element.tag), context)
            span = self.paths.path(element)
        else:
            element, kind, level, ordered, hints, span = (
                frame.element, frame.kind, frame.level, frame.ordered, frame.hints, frame.path)
        if not text:
            images = _IMAGE_MD.findall(md_raw) if self.settings.images else []
            if images:  # images with no text around them (a figure): a block of their own
                alt = " ".join(a or u.rsplit("/", 1)[-1] for a, u in images)
                self.emit(alt, BlockKind.IMAGE, 0, 0.0, 0, 0, element, span, hints,
                          markdown=fold(md_raw))
            return
        # 0.0 itself when there is no link text: one shared float, not one per block.
        density = link_chars / chars if link_chars and chars else 0.0
        if not self.inline_md:
            if kind is BlockKind.PARAGRAPH and "\n" in text:
                # "<br><br>" separates paragraphs in hand-made and old CMS markup.
                parts = [p for p in (fold(x) for x in _PARAGRAPH_BREAK.split(raw)) if p]
                if len(parts) > 1:
                    for n, part in enumerate(parts):
                        self.emit(part, kind, level, density,
                                  round(link_chars * len(part) / len(text)),
                                  link_count if n == 0 else 0, element, span, hints,
                                  links=tuple(links) if n == 0 else ())
                    return
            markdown = None
        else:
            markdown = fold(md_raw)
            if not markdown or markdown == text:
                markdown = None
        # self.emit(...) inlined: this runs once per block.
        blocks = self.out.blocks
        n = len(blocks)
        ints = self.ints
        blocks.append(Block(ints[n] if n < len(ints) else self.number(n), text, kind,
                            measure(text, link_chars, link_count, density), level, span,
                            hints, markdown, (), ordered, tuple(links) if links else ()))
        if self.keep_elements:
            self.out.elements.append(element)

    def emit(self, text: str, kind: BlockKind, level: int, density: float, link_chars: int,
             link_count: int, element: HtmlElement, span: str, hints: frozenset[str], *,
             markdown: str | None = None, ordered: bool = False,
             rows: tuple[tuple[str, ...], ...] = (),
             links: tuple[tuple[str, str], ...] = ()) -> None:
        out = self.out
        # Positional: Block(id, text, kind, features, level, span, hints,
        # markdown, rows, ordered, links); this runs once per block.
        out.blocks.append(Block(self.number(len(out.blocks)), text, kind,
                                measure(text, link_chars, link_count, density), level,
                                span, hints, markdown, rows, ordered,
                                links))
        if self.keep_elements:
            out.elements.append(element)

    # -- elements that become one block whole ---------------------------------
    def code_block(self, el: HtmlElement, span: str, context: frozenset[str]) -> None:
        text = el.text_content().strip("\n").rstrip()
        if not text.strip():
            return
        lang = ""
        for node in (el, *el.iterchildren("code")):
            match = _LANGUAGE_CLASS.search(node.get("class") or "")
            if match:
                lang = match.group(1)
                break
        self.emit(text, BlockKind.CODE, 0, 0.0, 0, 0, el, span, self.hints(str(el.tag), context),
                  markdown=f"```{lang}\n{text}\n```")

    def data_table(self, el: HtmlElement, span: str, context: frozenset[str]) -> bool:
        """Emit a data table as one block; False when it is a layout table."""
        if layout_by_markup(el):
            return False
        rows: list[tuple[str, ...]] = []
        for tr in el.iter("tr"):
            cells = tuple(
                " ".join(cell.text_content().split())
                for cell in tr
                if isinstance(cell.tag, str) and cell.tag in ("td", "th")
            )
            if any(cells):
                rows.append(cells)
        if not rows:
            return True
        if layout_by_rows(el, rows):
            return False
        text = "\n".join(" | ".join(c for c in r if c) for r in rows)
        link_chars = sum(nonspace(a.text_content()) for a in el.iter("a"))
        total = nonspace(text.replace("|", ""))
        caption = el.find("caption")
        if caption is not None:
            cap = " ".join(caption.text_content().split())
            if cap:
                self.emit(cap, BlockKind.CAPTION, 0, 0.0, 0, 0, caption,
                          self.paths.path(caption), self.hints(str(caption.tag), context))
        self.emit(text, BlockKind.TABLE, 0,
                  min(1.0, link_chars / total) if total else 0.0,
                  link_chars, len(el.findall(".//a")), el, span, self.hints(str(el.tag), context),
                  rows=tuple(rows))
        return True

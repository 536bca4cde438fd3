"""Segment an lxml tree into blocks, in one streaming walk.

Text belongs to the innermost open block-level element. Entering or leaving a
block-level element closes the text gathered so far into a :class:`Block`, so a
``<div>`` with loose text, then a ``<p>``, then more text yields three blocks in
document order. Every block-level element that holds blocks is recorded as a
:class:`Container` with the contiguous range of block ids it covers: article
selection and markup rules then work on ranges, never re-walking the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from cleaner.core.model import Block, BlockKind
from cleaner.core.reasons import Reason
from cleaner.core.settings import Settings
from cleaner.extract.features import measure
from cleaner.extract.rules.markup import chrome_reason, content_class
from cleaner.inputs.parse import ElementPaths

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
# Two line breaks with only white space between them: a paragraph break.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_IN_HINTS = {tag: f"in:{tag}" for tag in CONTEXT_TAGS}
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b\u2028\u2029]+")
_LANGUAGE_CLASS = re.compile(r"(?:lang|language)-([\w+#-]+)")
# Tables with fewer cells per row on average than this, or any nested table or
# heading, are layout scaffolding rather than data: we walk into them instead.
_MIN_DATA_TABLE_CELLS = 2


@dataclass(slots=True)
class Container:
    """A block-level element and the range of block ids it covers."""

    element: HtmlElement
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
    """Blocks in document order, plus the containers that group them."""

    blocks: list[Block] = field(default_factory=list)
    containers: list[Container] = field(default_factory=list)
    elements: list[HtmlElement] = field(default_factory=list)


@dataclass(slots=True)
class _Frame:
    element: HtmlElement
    tag: str
    start: int
    chrome: tuple[Reason, str] | None
    attrs: str
    semantic: bool


def _fold(text: str) -> str:
    """Collapse runs of white space inside lines; drop empty lines."""
    if "\n" not in text:
        return _SPACE.sub(" ", text).strip()
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _nonspace(text: str) -> int:
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t")


class _Walker:
    """State of one segmentation walk (kept in one object for speed)."""

    def __init__(self, root: HtmlElement, base_url: str | None, settings: Settings) -> None:
        self.root = root
        # Linear-time xpaths: libxml2's getpath is quadratic in sibling count.
        self.paths = ElementPaths(root)
        self.base_url = base_url
        parts = urlsplit(base_url) if base_url else None
        self.origin = f"{parts.scheme}://{parts.netloc}" if parts and parts.netloc else ""
        self.settings = settings
        self.inline_md = settings.links or settings.formatting or settings.images
        self.out = HtmlSegmentation()
        self.frames: list[_Frame] = []
        self.buf: list[str] = []
        self.md: list[str] = []
        self.chars = 0
        self.link_chars = 0
        self.link_count = 0
        self.links: list[tuple[str, str]] = []
        self.link_depth = 0
        self.link_start: list[int] = []
        self.article_depth = 0
        self.quote_depth = 0
        self.list_depth = 0
        # Open elements per CONTEXT_TAGS tag (the "in:<tag>" hints of a block).
        self.context: dict[str, int] = {}
        self.noscript_depth = 0
        self.story_depth = 0

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
        n = _nonspace(text)
        self.chars += n
        if self.link_depth:
            self.link_chars += n

    def flush(self) -> None:
        """Close the text gathered so far into a block of the innermost frame."""
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
        text = _fold(raw)
        md_raw = "".join(self.md) if self.inline_md else ""
        chars, link_chars, link_count, links = (
            self.chars, self.link_chars, self.link_count, self.links)
        self.buf, self.md, self.chars, self.link_chars, self.link_count = [], [], 0, 0, 0
        self.links = []
        frame = self.frames[-1] if self.frames else None
        if not text:
            images = _IMAGE_MD.findall(md_raw) if self.settings.images else []
            if images:  # images with no text around them (a figure): a block of their own
                alt = " ".join(a or u.rsplit("/", 1)[-1] for a, u in images)
                self._emit(text=alt, kind=BlockKind.IMAGE, level=0, density=0.0, link_chars=0,
                           link_count=0, element=frame.element if frame else self.root,
                           markdown=_fold(md_raw))
            return
        tag = frame.tag if frame else "body"
        kind, level, ordered = self._kind(tag)
        density = link_chars / chars if chars else 0.0
        markdown = _fold(md_raw) if self.inline_md else None
        if not self.inline_md and kind is BlockKind.PARAGRAPH and "\n" in text:
            # "<br><br>" separates paragraphs in hand-made and old CMS markup.
            parts = [p for p in (_fold(x) for x in _PARAGRAPH_BREAK.split(raw)) if p]
            if len(parts) > 1:
                for n, part in enumerate(parts):
                    self._emit(text=part, kind=kind, level=level, density=density,
                               link_chars=round(link_chars * len(part) / len(text)),
                               link_count=link_count if n == 0 else 0,
                               element=frame.element if frame else self.root,
                               links=tuple(links) if n == 0 else ())
                return
        self._emit(
            text=text,
            kind=kind,
            level=level,
            density=density,
            link_chars=link_chars,
            link_count=link_count,
            element=frame.element if frame else self.root,
            markdown=markdown if markdown and markdown != text else None,
            ordered=ordered,
            links=tuple(links),
        )

    def _kind(self, tag: str) -> tuple[BlockKind, int, bool]:
        heading = HEADINGS.get(tag)
        if heading:
            return BlockKind.HEADING, heading, False
        if self.list_depth and tag in ("li", "p", "div", "span", "dd", "dt"):
            ordered = any(f.tag == "ol" for f in reversed(self.frames) if f.tag in ("ol", "ul"))
            return BlockKind.LIST_ITEM, self.list_depth, ordered
        if self.quote_depth:
            return BlockKind.QUOTE, 0, False
        if tag == "figcaption" or tag == "caption":
            return BlockKind.CAPTION, 0, False
        return BlockKind.PARAGRAPH, 0, False

    def _emit(self, *, text: str, kind: BlockKind, level: int, density: float,
              link_chars: int, link_count: int, element: HtmlElement,
              markdown: str | None = None, ordered: bool = False,
              rows: tuple[tuple[str, ...], ...] = (),
              links: tuple[tuple[str, str], ...] = ()) -> None:
        hints = {f"tag:{element.tag}"}
        for tag, open_count in self.context.items():
            if open_count:
                hints.add(_IN_HINTS[tag])
        if self.article_depth:
            hints.add("in:article-body")
        block = Block(
            id=len(self.out.blocks),
            text=text,
            kind=kind,
            features=measure(text, link_chars, link_count, density),
            level=level,
            span=self.paths.path(element),
            hints=frozenset(hints),
            markdown=markdown,
            rows=rows,
            ordered=ordered,
            links=links,
        )
        self.out.blocks.append(block)
        self.out.elements.append(element)

    # -- element events ---------------------------------------------------
    def start_block(self, el: HtmlElement, tag: str) -> None:
        self.flush()
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
        else:
            attrs, role, itemprop = "", None, None
            chrome = chrome_reason(tag, "", None, None, False)
        # <main> holds the page's main column, asides and all; only an article
        # (or a declared article body) owns the header/footer/aside inside it.
        if chrome is None and tag in ("header", "footer", "aside") and not self.story_depth:
            chrome = (
                {"header": Reason.HEADER, "footer": Reason.FOOTER, "aside": Reason.SIDEBAR}[tag],
                f"<{tag}> outside the article",
            )
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
        story = semantic and tag != "main" and role != "main"
        if semantic:
            self.article_depth += 1
        if story:
            self.story_depth += 1
        if tag == "blockquote":
            self.quote_depth += 1
        elif tag in ("ul", "ol", "menu"):
            self.list_depth += 1
        if tag in CONTEXT_TAGS:
            self.context[tag] = self.context.get(tag, 0) + 1
            if tag == "noscript":
                self.noscript_depth += 1
        self.frames.append(_Frame(el, tag, len(self.out.blocks), chrome, attrs, semantic))
        self.add(el.text)

    def end_block(self, el: HtmlElement) -> None:
        self.flush()
        frame = self.frames.pop()
        if frame.semantic:
            self.article_depth -= 1
            if frame.tag != "main" and frame.element.get("role") != "main":
                self.story_depth -= 1
        if frame.tag == "blockquote":
            self.quote_depth -= 1
        elif frame.tag in ("ul", "ol", "menu"):
            self.list_depth -= 1
        if frame.tag in CONTEXT_TAGS:
            self.context[frame.tag] -= 1
            if frame.tag == "noscript":
                self.noscript_depth -= 1
        end = len(self.out.blocks)
        if end > frame.start:
            self.out.containers.append(Container(
                element=el,
                tag=frame.tag,
                start=frame.start,
                end=end,
                depth=len(self.frames),
                attrs=frame.attrs,
                chrome=frame.chrome,
                semantic=frame.semantic,
                inside_article=self.article_depth > 0,
            ))

    def start_inline(self, el: HtmlElement, tag: str) -> None:
        if tag == "br":
            self.buf.append("\n")
            if self.inline_md:
                self.md.append("\n")
        elif tag == "a":
            self.link_depth += 1
            self.link_count += 1
            self.link_start.append(len(self.buf))
            if self.inline_md and self.settings.links:
                self.md.append("[")
        elif tag == "img":
            if self.settings.images and self.inline_md:
                src = el.get("src") or el.get("data-src") or ""
                alt = (el.get("alt") or "").strip()
                if src:
                    self.md.append(f"![{alt}]({self._url(src)})")
        elif self.inline_md and self.settings.formatting:
            mark = _FORMAT_MARKS.get(tag)
            if mark:
                self.md.append(mark)
        self.add(el.text)

    def end_inline(self, el: HtmlElement, tag: str) -> None:
        if tag == "a":
            self.link_depth -= 1
            first = self.link_start.pop() if self.link_start else len(self.buf)
            anchor = " ".join("".join(self.buf[first:]).split())
            href = el.get("href")
            if href and anchor:
                self.links.append((anchor, self._url(href)))
            if self.inline_md and self.settings.links:
                self.md.append(f"]({self._url(href)})" if href else "]")
        elif self.inline_md and self.settings.formatting:
            mark = _FORMAT_MARKS.get(tag)
            if mark:
                self.md.append(mark)
        self.add(el.tail)

    def _url(self, href: str) -> str:
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

    # -- special blocks -----------------------------------------------------
    def code_block(self, el: HtmlElement) -> None:
        text = el.text_content().strip("\n").rstrip()
        if not text.strip():
            return
        lang = ""
        for node in (el, *el.iterchildren("code")):
            match = _LANGUAGE_CLASS.search(node.get("class") or "")
            if match:
                lang = match.group(1)
                break
        self._emit(text=text, kind=BlockKind.CODE, level=0, density=0.0, link_chars=0,
                   link_count=0, element=el, markdown=f"```{lang}\n{text}\n```")

    def try_data_table(self, el: HtmlElement) -> bool:
        """Close pending text, then emit ``el`` as a data table if it is one."""
        self.flush()
        return self.data_table(el)

    def data_table(self, el: HtmlElement) -> bool:
        """Emit a data table as one block; False when it is a layout table."""
        if el.find(".//table") is not None:
            return False
        for tag in ("h1", "h2", "h3", "h4", "blockquote", "pre"):
            if el.find(f".//{tag}") is not None:
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
        cells_total = sum(len(r) for r in rows)
        if cells_total / len(rows) < _MIN_DATA_TABLE_CELLS and len(rows) < 3:  # noqa: PLR2004
            return False
        text = "\n".join(" | ".join(c for c in r if c) for r in rows)
        link_chars = sum(_nonspace(a.text_content()) for a in el.iter("a"))
        total = _nonspace(text.replace("|", ""))
        caption = el.find("caption")
        if caption is not None:
            cap = " ".join(caption.text_content().split())
            if cap:
                self._emit(text=cap, kind=BlockKind.CAPTION, level=0, density=0.0,
                           link_chars=0, link_count=0, element=caption)
        self._emit(text=text, kind=BlockKind.TABLE, level=0,
                   density=min(1.0, link_chars / total) if total else 0.0,
                   link_chars=link_chars, link_count=len(el.findall(".//a")), element=el,
                   rows=tuple(rows))
        return True


_FORMAT_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*", "code": "`"}
# Markdown images the walk wrote: (alt, url) of each.
_IMAGE_MD = re.compile(r"!\[([^\]]*)\]\(([^)\s]*)\)")


def segment_html(root: HtmlElement, base_url: str | None, settings: Settings) -> HtmlSegmentation:
    """Walk ``root`` once and return its blocks and containers."""
    walker = _Walker(root, base_url, settings)
    events = etree.iterwalk(root, events=("start", "end"))
    # Only tables can be either skipped (data) or walked (layout): remember which.
    skipped: set[HtmlElement] = set()
    for event, el in events:
        tag = el.tag
        if not isinstance(tag, str):
            # Comments and processing instructions: only their tail is text.
            if event == "end":
                walker.add(el.tail)
            continue
        if "}" in tag:
            tag = tag.rsplit("}", 1)[1]
        tag = tag.lower()
        if event == "start":
            if tag in SKIP_TAGS:
                events.skip_subtree()
            elif tag == "pre":
                walker.flush()
                walker.code_block(el)
                events.skip_subtree()
            elif tag == "table" and walker.try_data_table(el):
                events.skip_subtree()
                skipped.add(el)
            elif tag in BLOCK_TAGS:
                walker.start_block(el, tag)
            else:
                walker.start_inline(el, tag)
        elif tag in SKIP_TAGS or tag == "pre" or (tag == "table" and el in skipped):
            walker.add(el.tail)
        elif tag in BLOCK_TAGS:
            walker.end_block(el)
            walker.add(el.tail)
        else:
            walker.end_inline(el, tag)
    walker.flush()
    return walker.out

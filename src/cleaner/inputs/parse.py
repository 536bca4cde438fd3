"""HTML text to an lxml tree, safely and at bounded cost.

Safety: lxml's HTML parser (libxml2) never expands entities declared in a
DOCTYPE's internal subset, never loads a DTD and, with ``no_network``, never
fetches anything; only the input string is read.

Limits, and what happens at each (tested in tests/test_hostile_parse.py):

- libxml2 stops with a fatal "Excessive depth" error at 256 nested elements
  (2048 with its "huge" option) and silently drops the rest of the page. We read
  the parser's error log: on that error the markup is re-parsed after
  :func:`flatten_deep` dropped the tags nested deeper than ``FLATTEN_DEPTH``
  (their text stays), the way browsers cap the DOM depth. If the page is still
  too deep, it is refused with :class:`TooDeepError`.
- libxml2 also refuses a single text node (or attribute, or comment) over 10 MB
  and again drops the page. On that error we re-parse with ``huge_tree``: our own
  ``Settings.max_bytes`` already bounds the input, so the library's guard only
  costs us real pages.
- libxml2 checks each attribute of a tag against all earlier ones: 50,000
  attributes on one element took 24 s for a 1 MB page. :func:`cap_attributes`
  keeps the first ``MAX_ATTRIBUTES`` of any tag before parsing.
- Any other fatal resource error is a :class:`ParseError`, never a half page.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    document_fromstring,
)

from cleaner.core.errors import EmptyInputError, ParseError, TooDeepError

# Tags nested deeper than this are dropped (text kept) when libxml2 gives up on
# depth. Browsers cap at 512 levels; libxml2 at 256, and table parsing adds
# implied elements (<tr>, <tbody>) our tag counter does not see, so we keep
# well under the parser's limit.
FLATTEN_DEPTH = 100
# How many times we parse one page at most: plain, then flattened and/or huge.
_MAX_ATTEMPTS = 3
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
    "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "isindex",
})
# An element that implicitly closes an open element of one of these names when
# it opens straight inside it (<p>a<p>b, <li>a<li>b, <td>a<td>b).
_SELF_CLOSING_PEERS: dict[str, frozenset[str]] = {
    "p": frozenset({"p"}),
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
    "tr": frozenset({"tr", "td", "th"}),
    "option": frozenset({"option"}),
}
# A tag: '<', optional '/', a name, then anything up to the next '<' or '>'.
# Each match attempt stops at the next '<', so scanning is linear in the input.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]*)([^<>]*)>")
# Attributes kept per tag. Real elements carry a few dozen at most; the parser's
# cost per tag grows with the square of this (about 0.06 ms at 100).
MAX_ATTRIBUTES = 100
# Only tags at least this long can hold MAX_ATTRIBUTES attributes ("a=1 " each);
# the scan for them is one linear regex pass (~0.2 s for 50 MB).
_LONG_TAG = re.compile(r"<[A-Za-z][^<>\s]*(\s[^<>]{" + str(4 * MAX_ATTRIBUTES) + ",})>")
_ATTRIBUTE = re.compile(r"""[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?""")


# lxml.html's default class lookup runs Python code for every element proxy
# (3 million calls, 8 s, on a page of a million tiny elements) to hand out form
# and input subclasses we never use; the C-level default lookup gives every
# element the same HtmlElement class at a fraction of the cost.
_LOOKUP = etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity)


def _parser(huge: bool, encoding: str | None) -> HTMLParser:
    # A fresh parser per call: lxml parsers keep state and are not thread-safe.
    parser = HTMLParser(  # type: ignore[call-arg] # stubs lack default_doctype
        encoding=encoding,
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
        huge_tree=huge,
        collect_ids=False,
    )
    parser.set_element_class_lookup(_LOOKUP)
    return parser


def _fatal(parser: HTMLParser) -> str | None:
    """The message of the parser's fatal resource-limit error, if it hit one."""
    for entry in parser.error_log:
        if entry.level_name == "FATAL" and entry.type_name == "ERR_RESOURCE_LIMIT":
            return str(entry.message)
    return None


def flatten_deep(text: str, limit: int = FLATTEN_DEPTH) -> str:
    """Drop start and end tags nested deeper than ``limit``; keep all text.

    A cheap tag counter, not a parser: it knows void elements and the common
    implied ends (``<p>`` after ``<p>``), which is enough to keep honest pages
    intact while 100,000 nested ``<div>``s become one level of text.
    """
    stack: list[str] = []
    dropped: Counter[str] = Counter()
    pieces: list[str] = []
    pos = 0
    for match in _TAG.finditer(text):
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        keep = True
        if closing:
            if dropped[name]:
                dropped[name] -= 1
                keep = False
            elif name in stack:
                while stack and stack.pop() != name:
                    pass
        elif name not in _VOID and not rest.endswith("/"):
            peers = _SELF_CLOSING_PEERS.get(name)
            if peers and stack and stack[-1] in peers:
                stack.pop()
            if len(stack) >= limit:
                dropped[name] += 1
                keep = False
            else:
                stack.append(name)
        if not keep:
            pieces.append(text[pos : match.start()])
            pos = match.end()
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


def cap_attributes(text: str, limit: int = MAX_ATTRIBUTES) -> str:
    """Drop the attributes after the first ``limit`` of every tag."""
    pieces: list[str] = []
    pos = 0
    for tag in _LONG_TAG.finditer(text):
        start = tag.start(1)
        for count, attr in enumerate(_ATTRIBUTE.finditer(text, start, tag.end(1)), 1):
            if count == limit:
                pieces.append(text[pos : attr.end()])
                pos = tag.end(1)
                break
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


def _parse_once(doc: str | bytes, huge: bool) -> tuple[HtmlElement | None, str | None]:
    parser = _parser(huge, "utf-8" if isinstance(doc, bytes) else None)
    try:
        root = document_fromstring(doc, parser=parser)
    except etree.ParserError as exc:
        if "empty" in str(exc).lower():
            raise EmptyInputError("the page has no markup content") from exc
        raise ParseError(str(exc)) from exc
    except (ValueError, etree.LxmlError) as exc:
        raise ParseError(str(exc)) from exc
    return root, _fatal(parser)


_XML_DECLARATION = re.compile(r"\s*<\?xml", re.IGNORECASE)


def _parser_input(text: str) -> str | bytes:
    """The text itself (lxml reads a str in place: no 50 MB UTF-8 copy at the peak),
    except where lxml refuses a str: an XML declaration, or lone surrogates."""
    if _XML_DECLARATION.match(text):
        return text.encode("utf-8", errors="replace")
    if not text.isascii():
        try:  # lxml silently stops at a lone surrogate in a str; as bytes it is "?"
            text.encode("utf-8")
        except UnicodeEncodeError:
            return text.encode("utf-8", errors="replace")
    return text


def adopt_trailing_content(root: HtmlElement) -> None:
    """Move content found after ``</html>`` into ``<body>``, as browsers show it.

    libxml2 turns markup after a closing ``</body></html>`` (CMS templates that
    print the article after the page shell) into a second top-level ``<html>``
    element beside the root, where a walk of the root never sees it.
    """
    trailing = [el for el in root.itersiblings() if isinstance(el.tag, str)]
    if not trailing:
        return
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    for el in trailing:
        if el.tag != "html":
            body.append(el)
            continue
        for child in list(el):
            if child.tag == "body":
                body.extend(list(child))
            elif child.tag != "head":
                body.append(child)


def parse_html(text: str) -> HtmlElement:
    """Parse decoded HTML; raise EmptyInputError / TooDeepError / ParseError.

    See the module docstring for the limits and how each is handled.
    """
    text = cap_attributes(text)
    doc = _parser_input(text)
    huge = flattened = False
    for _ in range(_MAX_ATTEMPTS):
        root, fatal = _parse_once(doc, huge)
        if fatal is None:
            if root is None:
                raise EmptyInputError("the page has no markup content")
            adopt_trailing_content(root)
            return root
        if "depth" in fatal.lower() and not flattened:
            flattened = True
            doc = _parser_input(flatten_deep(text, FLATTEN_DEPTH))
        elif "depth" not in fatal.lower() and not huge:
            huge = True
        else:
            break
    assert fatal is not None
    if "depth" in fatal.lower():
        raise TooDeepError(f"markup nested deeper than the parser accepts ({fatal.strip()})")
    raise ParseError(fatal.strip())


class ElementPaths:
    """XPaths of elements, as ``ElementTree.getpath`` writes them, in linear time.

    libxml2's getpath counts all same-named siblings of every ancestor on each
    call, so a page of 30,000 sibling posts cost quadratic time (minutes for
    5 MB). Here each parent's children are counted once, and a cursor
    per (parent, tag) moves forward as blocks arrive in document order.
    """

    def __init__(self, root: HtmlElement) -> None:
        self.tree = root.getroottree()
        self.paths: dict[HtmlElement, str] = {}
        self.totals: dict[HtmlElement, dict[str, int]] = {}
        self.cursor: dict[tuple[HtmlElement, str], tuple[HtmlElement, int]] = {}
        # Per parent, per tag: children a pruning walk removed (see removed()).
        self.gone: dict[HtmlElement, dict[str, int]] = {}

    def path(self, el: HtmlElement) -> str:
        cached = self.paths.get(el)
        if cached is not None:
            return cached
        parent = el.getparent()
        tag = el.tag
        # getpath writes a name without namespace as it is, whatever its
        # characters (<ps-actionbar>, <o:p>, even <class="row"> from broken
        # markup): checked on all 867,658 such elements of the dev pages. Only
        # namespaced names are left to libxml2 (a pruning walk never meets one:
        # the HTML parser makes none).
        if parent is None or not isinstance(tag, str) or "{" in tag:
            return str(self.tree.getpath(el))
        base = self.paths.get(parent)
        if base is None:
            base = self._parent_path(parent)
        total = self.totals.get(parent)
        if total is None:
            # One pass over the children: counts per tag, and each tag's cursor
            # starts at its first child (a plain loop: Counter() costs more for
            # the usual few children).
            gone = self.gone.get(parent)
            total = self.totals[parent] = {}
            cursor = self.cursor
            for child in parent:
                name = child.tag
                if isinstance(name, str):
                    seen = total.get(name)
                    if seen is None:
                        # Removed children come before every one left.
                        seen = gone.get(name, 0) if gone else 0
                        cursor[(parent, name)] = (child, seen + 1)
                    total[name] = seen + 1
        result = f"{base}/{tag}[{self._index(parent, el, tag)}]" if total[tag] > 1 \
            else f"{base}/{tag}"
        self.paths[el] = result
        return result

    def forget(self, el: HtmlElement) -> None:
        """Drop what was kept for ``el`` and its children, once they are all done.

        A walk in document order calls this as it leaves an element, so the
        state stays as deep as the tree instead of as large as the page (on a
        page of 300,000 blocks it held ~80 MB). A later request still gets
        the right path, by counting again.
        """
        self.paths.pop(el, None)
        self.gone.pop(el, None)
        total = self.totals.pop(el, None)
        if total is not None:
            for tag in total:
                self.cursor.pop((el, tag), None)

    def remove_through(self, el: HtmlElement) -> None:
        """Remove ``el`` and every sibling before it from the tree.

        For a walk in document order that is past ``el``. Removing always a
        prefix of a parent's children keeps positions countable: the removed
        children, counted per tag, all come before the ones left.
        """
        parent = el.getparent()
        if parent is None:
            return
        gone = self.gone.get(parent)
        if gone is None:
            gone = self.gone[parent] = {}
        node: HtmlElement | None = el
        while node is not None:
            earlier = node.getprevious()
            tag = node.tag
            if isinstance(tag, str):
                gone[tag] = gone.get(tag, 0) + 1
            parent.remove(node)
            node = earlier
        total = self.totals.get(parent)
        if total is not None:
            # Every cursor pointed at a removed child: counting resumes from
            # the first child left.
            for tag in total:
                self.cursor.pop((parent, tag), None)

    def _parent_path(self, parent: HtmlElement) -> str:
        cached = self.paths.get(parent)
        if cached is None:
            grand = parent.getparent()
            if grand is None:
                cached = self.paths[parent] = self.tree.getpath(parent)
            elif grand in self.paths:
                # The usual case (a post in a thread): one level, no chain.
                cached = self.paths[parent] = self.path(parent)
            else:
                cached = self.paths[parent] = self._ancestors(parent)
        return cached

    def _ancestors(self, el: HtmlElement) -> str:
        # Iterative on purpose: a 2,000-deep tree must not hit Python's recursion limit.
        chain: list[HtmlElement] = []
        node: HtmlElement | None = el
        while node is not None and node not in self.paths and node.getparent() is not None:
            chain.append(node)
            node = node.getparent()
        if node is not None and node not in self.paths:
            self.paths[node] = self.tree.getpath(node)
        for item in reversed(chain):
            self.paths[item] = self.path(item)
        return self.paths[el]

    def _index(self, parent: HtmlElement, el: HtmlElement, tag: str) -> int:
        """1-based position of ``el`` among its same-named siblings."""
        key = (parent, tag)
        state = self.cursor.get(key)
        if state is not None:
            last, index = state
            if last is el:
                return index
            nxt = last.getnext()
            if nxt is el:  # the usual case: the next sibling, in document order
                self.cursor[key] = (el, index + 1)
                return index + 1
            walker = last.itersiblings(tag)
        else:
            gone = self.gone.get(parent)
            index = gone.get(tag, 0) if gone else 0
            walker = parent.iterchildren(tag)
        for sibling in walker:  # lxml filters by tag in C
            index += 1
            if sibling is el:
                self.cursor[key] = (el, index)
                return index
        # ``el`` came before the cursor (out of document order): ask libxml2.
        whole = self.tree.getpath(el)
        return int(whole.rsplit("[", 1)[1].rstrip("]"))


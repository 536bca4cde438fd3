"""The user's escape hatch: CSS selectors / XPaths to always remove or always keep.

Selectors act on whole blocks. A block is matched when its element, or one of
its ancestors, is matched (``.sidebar`` removes every block inside the sidebar);
a match inside a block (an inline ``<span class="promo">``) marks the block of
the nearest enclosing block element whose text contains the match's text.

Removals enter before region selection (a removed sidebar no longer competes to
be the article) and both kinds have the last word after classification: keep
beats remove, and beats every heuristic. A string starting with ``/`` or ``(``
is XPath; anything else is CSS, translated to XPath by ``cssselect`` (the
library lxml itself uses for ``.cssselect()``; the only well-kept CSS-to-XPath
translator for lxml trees).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from cssselect import HTMLTranslator, SelectorError
from lxml import etree
from lxml.html import HtmlElement

from cleaner.core.errors import UsageError
from cleaner.core.model import Verdict
from cleaner.core.reasons import Reason
from cleaner.core.settings import Settings
from cleaner.extract.segment_html import HtmlSegmentation

Mark = tuple[Reason, str] | None
# Compiled selectors are kept per selector string: compiling is pure, and a
# batch run applies the same few selectors to every page.
_SELECTOR_CACHE_SIZE = 256


@lru_cache(maxsize=_SELECTOR_CACHE_SIZE)
def compile_selector(selector: str) -> etree.XPath:
    """The XPath for a CSS selector or XPath string; a UsageError if it is invalid."""
    text = selector.strip()
    if not text:
        raise UsageError("empty selector")
    try:
        if text.startswith(("/", "(")):
            return etree.XPath(text)
        return etree.XPath(HTMLTranslator().css_to_xpath(text))
    except SelectorError as exc:
        raise UsageError(f"invalid CSS selector {selector!r}: {exc}") from exc
    except etree.XPathSyntaxError as exc:
        raise UsageError(f"invalid XPath {selector!r}: {exc}") from exc


def _matches(root: HtmlElement, selector: str) -> list[HtmlElement]:
    try:
        found = compile_selector(selector)(root)
    except etree.XPathEvalError as exc:
        raise UsageError(f"invalid XPath {selector!r}: {exc}") from exc
    if not isinstance(found, list):
        return []
    return [el for el in found
            if isinstance(el, etree.ElementBase) and isinstance(el.tag, str)]


@dataclass(slots=True)
class UserMarks:
    """Block ids the user's selectors matched, with the selector as evidence."""

    remove: dict[int, str] = field(default_factory=dict)
    keep: dict[int, str] = field(default_factory=dict)

    def overlay(self, marks: Sequence[Mark]) -> list[Mark]:
        """Markup marks with the user's: removals marked, kept blocks unmarked."""
        out = list(marks)
        for i, selector in self.remove.items():
            out[i] = (Reason.USER_REMOVE, f"matches {selector!r}")
        for i in self.keep:
            out[i] = None
        return out

    def apply(self, verdicts: Iterable[Verdict]) -> list[Verdict]:
        """Final verdicts: the user's selectors override every heuristic."""
        out = list(verdicts)
        for i, selector in self.remove.items():
            out[i] = Verdict(Reason.USER_REMOVE, "user-selector", f"matches {selector!r}")
        for i, selector in self.keep.items():
            out[i] = Verdict(Reason.USER_KEEP, "user-selector", f"matches {selector!r}")
        return out


def _block_ids(root: HtmlElement, seg: HtmlSegmentation,
               selectors: Iterable[str]) -> dict[int, str]:
    """Block id -> the first selector that matches the block."""
    by_element: dict[HtmlElement, list[int]] = {}
    for i, el in enumerate(seg.elements):
        by_element.setdefault(el, []).append(i)
    out: dict[int, str] = {}
    for selector in selectors:
        matched = _matches(root, selector)
        if not matched:
            continue
        hit = set(matched)
        # Blocks whose element or an ancestor of it is matched.
        for el, ids in by_element.items():
            node: HtmlElement | None = el
            while node is not None:
                if node in hit:
                    for i in ids:
                        out.setdefault(i, selector)
                    break
                node = node.getparent()
        # Matches inside a block: the enclosing block that holds their text.
        for el in matched:
            if el in by_element:
                continue
            text = " ".join(el.text_content().split())
            node = el.getparent()
            while node is not None and node not in by_element:
                node = node.getparent()
            if node is None or not text:
                continue
            for i in by_element[node]:
                if text in seg.blocks[i].text or text in " ".join(seg.blocks[i].text.split()):
                    out.setdefault(i, selector)
    return out


def user_marks(root: HtmlElement, seg: HtmlSegmentation, settings: Settings) -> UserMarks:
    """The blocks the settings' remove / keep selectors match (empty when none)."""
    if not settings.remove_selectors and not settings.keep_selectors:
        return UserMarks()
    keep = _block_ids(root, seg, settings.keep_selectors)
    remove = {i: s for i, s in _block_ids(root, seg, settings.remove_selectors).items()
              if i not in keep}
    return UserMarks(remove=remove, keep=keep)

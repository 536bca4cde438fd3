"""readability-lxml as a second opinion on the article region, behind an adapter.

Why readability-lxml: it is a maintained port of Arc90's readability whose
scoring (paragraph-weighted ancestors, class-name penalties) is independent of
ours, so where our region choice is uncertain its pick is a useful *vote*. It is
slow (tens of ms a page: it re-parses, mutates and re-serialises the DOM), so it
runs only when :class:`~cleaner.extract.select.Region` confidence is low, and it
never decides alone: its text only tells which of our own candidate containers
it agrees with.

The adapter is the one place its behaviour is contained: it gets the page as an
HTML *string* (readability mutates the tree it parses, never ours), and every
exception it can raise (``Unparseable``, lxml parser errors, recursion on deep
trees, value errors on odd encodings) becomes ``None``: "no opinion".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import html as lxml_html
from lxml.etree import ParserError, XMLSyntaxError

from cleaner.core.model import Block

_WORD = re.compile(r"\w+")
# Blocks shorter than this (in words) are not used as evidence of agreement:
# short lines ("Share", "Menu") appear on both sides by chance.
MIN_EVIDENCE_WORDS = 6
# A block "is in" readability's text when this many of its leading words appear
# there in order (its first sentence, roughly); whole-block matching would fail
# on whitespace and entity differences.
PROBE_WORDS = 8


def readability_text(page_html: str) -> str | None:
    """The text readability-lxml selects as the article, or None if it cannot say."""
    try:
        from readability import Document as ReadabilityDocument
        from readability.readability import Unparseable
    except ImportError:  # pragma: no cover - a core dependency; stay usable without it
        return None
    try:
        summary = ReadabilityDocument(page_html).summary(html_partial=True)
        if not summary or not summary.strip():
            return None
        text = " ".join(str(t) for t in lxml_html.fromstring(summary).itertext())
    except (Unparseable, ParserError, XMLSyntaxError, ValueError, TypeError,
            RecursionError, AttributeError, IndexError, KeyError):
        return None
    words = _WORD.findall(text)
    return " ".join(words) if words else None


def agreement(blocks: Sequence[Block], text: str) -> list[bool | None]:
    """Per block: True if readability kept it, False if not, None if too short to tell."""
    haystack = f" {text} "
    out: list[bool | None] = []
    for b in blocks:
        words = _WORD.findall(b.text)
        if len(words) < MIN_EVIDENCE_WORDS:
            out.append(None)
            continue
        probe = " ".join(words[:PROBE_WORDS])
        out.append(f" {probe} " in haystack)
    return out

"""HTML text to an lxml tree, safely: no network, no entity expansion, no DTD."""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from cleaner.core.errors import EmptyInputError, ParseError


def _parser() -> HTMLParser:
    # A fresh parser per call: lxml parsers keep state and are not thread-safe.
    return HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
    )


def parse_html(text: str) -> HtmlElement:
    """Parse decoded HTML; raise EmptyInputError / ParseError instead of lxml errors."""
    data = text.encode("utf-8", errors="replace")
    try:
        root = document_fromstring(data, parser=_parser())
    except etree.ParserError as exc:
        if "empty" in str(exc).lower():
            raise EmptyInputError("the page has no markup content") from exc
        raise ParseError(str(exc)) from exc
    except (ValueError, etree.LxmlError) as exc:
        raise ParseError(str(exc)) from exc
    if root is None:
        raise EmptyInputError("the page has no markup content")
    return root

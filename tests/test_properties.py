"""Property tests: arbitrary input gives a Document or a CleanerError, nothing else,
and the output text only holds words that were in the input."""

from __future__ import annotations

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.core.errors import CleanerError
from cleaner.core.model import Document
from cleaner.extract.segment_html import SKIP_TAGS

TAGS = ("html", "head", "body", "title", "meta", "p", "div", "span", "a", "b", "i", "ul", "ol",
        "li", "table", "tr", "td", "th", "h1", "h2", "h3", "article", "main", "nav", "header",
        "footer", "aside", "section", "pre", "code", "blockquote", "br", "img", "form",
        "textarea", "script", "style", "svg", "math", "iframe", "frameset", "frame", "noscript",
        "template", "figure", "figcaption", "o:p", "x-custom")
ATTRS = ('class="menu"', 'class="entry-content"', 'id="comments"', 'role="navigation"',
         'hidden', 'style="display:none"', 'href="/x"', 'href="javascript:alert(1)"',
         'lang="ar"', 'dir="rtl"', 'itemprop="articleBody"', 'class="share"', "a='b",
         'onload="evil()"', 'src="file:///etc/passwd"')
MARKUP = ("<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", '<?xml version="1.0"?>',
          "&amp;", "&lt;", "&gt;", "&#233;", "&#x0;", "&#xD800;", "&#99999999;", "&bogus;",
          "&", "<", ">", "</", "<>", "\x00", "\x1b[2J", "\ufeff", "\u202e", "\ud800", "\udfff",
          "\r\n", "\n\n", "\t", "By Jane Doe", "Posted on March 3, 2024", "© 2024",
          "Accept cookies", "Share on Facebook", "Read more")
WORDS = st.text(
    alphabet=st.characters(codec=None, exclude_categories=("Cs",)), max_size=30)


@st.composite
def fragment(draw: st.DrawFn) -> str:
    choice = draw(st.integers(0, 4))
    tag = draw(st.sampled_from(TAGS))
    if choice == 0:
        attrs = draw(st.lists(st.sampled_from(ATTRS), max_size=3))
        return f"<{tag}{''.join(' ' + a for a in attrs)}>"
    if choice == 1:
        return f"</{tag}>"
    if choice == 2:
        return draw(st.sampled_from(MARKUP))
    return draw(WORDS)


HTMLISH = st.lists(fragment(), max_size=80).map("".join)
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")
# Invisible elements and comments: the text around them joins as in a browser
# ("0<title>x</title>Share" reads "0Share").
_INVISIBLE = re.compile(
    r"<!--.*?(?:-->|$)|<(" + "|".join(sorted(SKIP_TAGS)) + r")\b[^>]*>.*?(?:</\1\s*>|$)",
    re.IGNORECASE | re.DOTALL)


def squash(text: str) -> str:
    return _SPACE.sub("", text)


def outcome(data: str | bytes) -> Document | CleanerError:
    try:
        result: Document | CleanerError = clean(data)
    except CleanerError as exc:
        result = exc
    assert isinstance(result, Document | CleanerError)
    if isinstance(result, Document):
        result.text.encode("utf-8")  # never a lone surrogate in the output
    else:
        assert result.kind and "\n" not in result.message
    return result


SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(data: bytes) -> None:
    outcome(data)


@SETTINGS
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_behind_an_html_head(data: bytes) -> None:
    outcome(b"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><p>" + data)


@SETTINGS
@given(HTMLISH)
def test_htmlish_strings_only_keep_input_words(text: str) -> None:
    result = outcome(text)
    if not isinstance(result, Document):
        return
    # Markup may glue or split text ("fo<b>o</b>" -> "foo"), entities decode, and
    # control characters become spaces; so look for each word in the input with
    # tags (or whole invisible elements) dropped and/or entities decoded, white
    # space and controls removed.
    visible = _TAG.sub("", _INVISIBLE.sub("", text))
    views = [squash(v) for v in (text, html.unescape(text), _TAG.sub("", text),
                                 html.unescape(_TAG.sub("", text)), visible,
                                 html.unescape(visible))]
    for word in _WORD.findall(result.text):
        assert any(word in view for view in views), word


@SETTINGS
@given(st.text(max_size=3000))
def test_arbitrary_text_is_a_page_or_an_error(text: str) -> None:
    result = outcome(text)
    if isinstance(result, Document):
        views = [squash(text), squash(html.unescape(text))]
        for word in _WORD.findall(result.text):
            assert any(word in view for view in views), word

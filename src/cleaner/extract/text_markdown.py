"""Markdown dumps: the page as a Markdown converter wrote it, chrome and all.

Scrapers for search and RAG pipelines (html2text, Jina Reader, Firecrawl,
crawl4ai and the like) hand over the whole page as Markdown: menus as lists of
``[label](url)`` links, images as ``![alt](url)``, headings as ``## Title``,
paragraphs broken at a fixed width. The text path reads lines of words: a URL
is one long "word" that hides a menu entry's shortness, and the gold text of a
page has no URLs, so they are taken out before segmenting:

- images go, links keep their text, reference definitions and autolinks go;
- heading, quote and emphasis marks go (the line stays a line of its own);
- a paragraph's soft line breaks are joined, as a Markdown reader joins them.

Every line keeps its number (a join leaves empty lines after the paragraph, a
link broken over two lines leaves its line break in place), so reasons and the
explain report cite lines of the input. Plain text is returned as it came:
the test is a count of ``](`` (done in C) and of link targets after it.
"""

from __future__ import annotations

import re

from cleaner.extract.text_unwrap import rejoin

# A page is Markdown with this many inline links or images.
MIN_LINKS = 3
# A line joins the next one (a soft break) when it has this many words: a
# wrapped paragraph's lines have a dozen, a menu entry or a label two or three.
JOIN_MIN_WORDS = 6

# "](" then what a link target starts with (code has "](" too: a[b](c)).
_LINK_START = re.compile(r"\]\((?:https?:|/|#|mailto:|\.{1,2}/|\s*\"|\))")
_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}[ \t]", re.MULTILINE)
# A link target: a URL (html2text breaks long ones over lines) and a title.
# (The title is bounded: an unclosed quote must not send the search to the
# end of the page for every link.)
# A URL may hold one level of parentheses (image CDNs: "filters:focal(630x193)").
_TARGET = r"\((?:[^()\s]|\n|\([^()\s]{0,200}\))*(?:\s+\"[^\"]{0,400}\")?\s*\)"
_IMAGE = re.compile(r"!\[[^\[\]]*\]" + _TARGET)
_LINK = re.compile(r"\[([^\[\]]*)\]" + _TARGET)
_REF_LINK = re.compile(r"\[([^\[\]\n]+)\]\[[^\[\]\n]*\]")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>")
# Bold spans are short; the bound keeps a line of unclosed "**" linear.
# ("__" is left alone: Python's __init__ is more common in dumps than
# underscore bold.)
_STRONG = re.compile(r"\*\*(?=\S)([^\n]{1,100}?)(?<=\S)\*\*")
# Single-mark emphasis (html2text writes _Title_): only between non-word
# characters, so snake_case names, __init__ and "2 * 3" are left alone.
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])([^*_\n]{1,100}?)(?<=[^\s*_])\1(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
# Lines that are Markdown structure, not words: fences, rules, table rulers.
_RULER_CELL = r"[ \t]*:?-{3,}:?[ \t]*"
_STRUCTURE = re.compile(
    rf"^[ \t]*(?:```.*|~~~.*|(?:[*_-][ \t]*){{3,}}|\|?{_RULER_CELL}(?:\|{_RULER_CELL})*\|?)$",
    re.MULTILINE)
_BLOCK_START = re.compile(r"^[ \t]*(?:#{1,6}[ \t]|[*+-][ \t]|\d{1,3}[.)][ \t]|>|\||```|~~~)")
_HEADING_MARK = re.compile(r"^( {0,3})#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_QUOTE_MARK = re.compile(r"^([ \t]*)>[ \t]?", re.MULTILINE)


def is_markdown(text: str) -> bool:
    """Does ``text`` carry Markdown links? (Heading marks alone do not tell:
    "# " starts a comment line in shell and Python code.)"""
    return text.count("](") >= MIN_LINKS and len(_LINK_START.findall(text)) >= MIN_LINKS


def _newlines(found: re.Match[str]) -> str:
    """Nothing of the match but its line breaks."""
    return "\n" * found.group().count("\n")


def _link_text(found: re.Match[str]) -> str:
    """A link's text, and the line breaks its target held."""
    target = found.group()[found.end(1) - found.start():]
    return found.group(1) + "\n" * target.count("\n")


def _join_soft_breaks(text: str) -> str:
    """Join each paragraph's lines (same line count: empty lines follow)."""
    lines = text.split("\n")
    joins = [False] * len(lines)
    para = ""  # the paragraph so far, as its joined line will read
    for i, line in enumerate(lines):
        if (para.strip() and line.strip() and not _BLOCK_START.match(line)
                and not _HEADING_LINE.match(para)
                and para.count(" ") + 1 >= JOIN_MIN_WORDS
                and not _STRUCTURE.match(para)):
            joins[i - 1] = True
            para = f"{para.rstrip()} {line.strip()}"
        else:
            para = line
    return "\n".join(rejoin(lines, joins))


def demarkdown(text: str) -> str:
    """``text`` without Markdown syntax (unchanged if it has none); see the
    module docstring. Line numbers are kept."""
    if not is_markdown(text):
        return text
    text = _IMAGE.sub(_newlines, text)
    text = _LINK.sub(_link_text, text)
    text = _REF_LINK.sub(r"\1", text)
    text = _REF_DEF.sub("", text)
    text = _AUTOLINK.sub("", text)
    text = _join_soft_breaks(text)
    text = _STRUCTURE.sub("", text)
    text = _HEADING_MARK.sub(r"\1\2", text)
    text = _QUOTE_MARK.sub(r"\1", text)
    text = _STRONG.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    return _ESCAPE.sub(r"\1", text)

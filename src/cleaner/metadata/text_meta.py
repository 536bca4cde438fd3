"""Metadata of a flattened-text page, from what the text path read in its head.

The text path (:mod:`cleaner.extract.text_rules`) finds the title, byline and
date lines above the body; here they become the same :class:`Metadata` fields
as for HTML, with origin ``text``, the same name checks (a role such as
"admin" is kept only because nothing better exists, and flagged) and the same
language check on the kept text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from cleaner.core.model import Block, BlockKind, Features, Metadata, Verdict
from cleaner.metadata.complete import MAX_TEXT_PEOPLE, finish, head_window, text_bylines
from cleaner.metadata.dates import parse_date, url_date
from cleaner.metadata.evidence import Candidate
from cleaner.metadata.resolve import choose_authors, choose_date

# Slug words that say nothing about the page ("/blog/", "index.html").
_SLUG_STOP = frozenset({"html", "htm", "php", "aspx", "index", "www", "com", "blog", "post",
                        "posts", "article", "articles", "news", "the", "a", "an", "of", "and",
                        "to", "in", "for", "on", "is", "en", "us"})
# Share of the slug's words a line must contain to be taken as the headline,
# and the longest line considered (headlines are short).
MIN_SLUG_OVERLAP = 0.6
MIN_SLUG_WORDS = 2
MAX_TITLE_WORDS = 25


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W_]+", text.lower()) if w not in _SLUG_STOP}


def slug_title(blocks: Sequence[Block], url: str | None) -> str | None:
    """The first short line that spells the URL's slug ("/best-tax-software/").

    Flattened text has no <title> or <h1>; the URL path usually repeats the
    headline's words, which tells the headline from menu and banner lines.
    """
    if not url:
        return None
    path = urlsplit(url).path.rstrip("/")
    slug = _words(path.rsplit("/", 1)[-1]) if path else set()
    slug = {w for w in slug if not w.isdigit() or len(w) == 4}  # noqa: PLR2004 - keep years
    if len(slug) < MIN_SLUG_WORDS:
        return None
    for b in blocks:
        if b.features.words > MAX_TITLE_WORDS:
            continue
        words = _words(b.text)
        if words and len(slug & words) / len(slug) >= MIN_SLUG_OVERLAP:
            return " ".join(b.text.split())
    return None


def _line(text: str) -> Block:
    return Block(id=0, text=text, kind=BlockKind.HEADING,
                 features=Features(words=len(text.split()), chars=len(text)))


def text_page_metadata(
    title: str | None,
    authors: Sequence[str],
    date: str | None,
    url: str | None,
    blocks: Sequence[Block],
    verdicts: Sequence[Verdict],
) -> Metadata:
    """Metadata for a text page from its head findings and its kept blocks."""
    sources: dict[str, str] = {}
    flags: dict[str, str] = {}
    hostname = urlsplit(url).hostname if url else None
    found = slug_title(blocks, url)
    if found and not (title and slug_title([_line(title)], url)):
        title = found  # the head scan's title does not spell the URL; this line does
    if title:
        sources["title"] = "text"
    if url:
        sources["url"] = "input"
    # The head scan may miss bylines that sit below the headline or glue a
    # date to the name; read the same window as on HTML pages.
    seen_authors, seen_dates, _ = text_bylines(head_window(blocks, verdicts, title))
    if not authors and len(set(seen_authors)) <= MAX_TEXT_PEOPLE:
        authors = seen_authors[:MAX_TEXT_PEOPLE]
    if not date and seen_dates:
        date = seen_dates[0]
    names, origin, flag = choose_authors([Candidate(a, "text") for a in authors], None, hostname)
    if names:
        sources["authors"] = origin
        if flag:
            flags["authors"] = flag
    date_cands = []
    day = parse_date(date)
    if day:
        date_cands.append(Candidate(day, "text"))
    from_url = url_date(url)
    if from_url:
        date_cands.append(Candidate(from_url, "url"))
    chosen, d_origin = choose_date(date_cands)
    if chosen:
        sources["date"] = d_origin
    meta = Metadata(title=title or None, authors=names, date=chosen, url=url, hostname=hostname,
                    sources=sources, flags=flags)
    return finish(meta, [], blocks, verdicts)

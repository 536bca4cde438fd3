"""Metadata of a flattened-text page, from what the text path read in its head.

The text path (:mod:`cleaner.extract.text_rules`) finds the title, byline and
date lines above the body; here they become the same :class:`Metadata` fields
as for HTML, with origin ``text``, the same name checks (a role such as
"admin" is kept only because nothing better exists, and flagged) and the same
language check on the kept text.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from cleaner.core.model import Block, Metadata, Verdict
from cleaner.metadata.complete import MAX_TEXT_PEOPLE, finish, head_window, text_bylines
from cleaner.metadata.dates import parse_date, url_date
from cleaner.metadata.evidence import Candidate
from cleaner.metadata.resolve import choose_authors, choose_date


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

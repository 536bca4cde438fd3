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
from functools import lru_cache
from urllib.parse import urlsplit

from cleaner.core.model import Block, BlockKind, Features, Metadata, Verdict
from cleaner.core.reasons import KEEP_REASONS, Reason
from cleaner.extract.classify import title_key
from cleaner.extract.features import maybe_cjk
from cleaner.extract.rules.shapes import READING_TIME, RELATIVE_TIME
from cleaner.metadata.authors import clean_name, looks_personal, role_like
from cleaner.metadata.complete import (
    MAX_TEXT_PEOPLE,
    dateline_date,
    finish,
    head_window,
    text_bylines,
)
from cleaner.metadata.dates import parse_date, url_date
from cleaner.metadata.evidence import Candidate
from cleaner.metadata.resolve import choose_authors, choose_date
from cleaner.metadata.titles import choose_title, site_names

# Slug words that say nothing about the page ("/blog/", "index.html").
_SLUG_STOP = frozenset({"html", "htm", "php", "aspx", "index", "www", "com", "blog", "post",
                        "posts", "article", "articles", "news", "the", "a", "an", "of", "and",
                        "to", "in", "for", "on", "is", "en", "us"})
# Share of the slug's words a line must contain to be taken as the headline,
# and the longest line considered (headlines are short).
MIN_SLUG_OVERLAP = 0.6
MIN_SLUG_WORDS = 2
MAX_TITLE_WORDS = 25
# The visible headline sits just above the article's first kept line: at most
# this many candidate lines up (past bylines and dates) are looked at.
HEADLINE_REACH = 6
# A trail or a list numbers its steps ("3. Title", "* / * Title"); the marks
# are not part of the headline.
_LIST_MARKS = re.compile(r"^(?:(?:\d{1,2}\.|[*+o•·–-]|/)\s+)+")
# Lines the head scan and the classifier call bylines, dates, trails, empty.
_NOT_HEADLINE = frozenset({Reason.BYLINE, Reason.EMPTY, Reason.BREADCRUMB})
# Share of the headline's words the page's first line must hold to be taken as
# its <title> (a soup-style flattening starts with it; a browser one does not).
MIN_FIRST_LINE_OVERLAP = 0.5
# A name alone on its line: two to four capitalised words (particles and
# initials allowed), nothing else.
MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 4
_NAME = re.compile(r"^(?:[A-Z][\w'’.-]*|de|van|von|der|da|di|du|le|la|del|bin|al|el)"
                   r"(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|da|di|du|le|la|del|bin|al|el))+$")
# A date line is short ("March 3, 2024", "Updated 3 May 2024 · 5 min read").
MAX_DATE_LINE_WORDS = 10
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
# A date written out inside a line: "March 3, 2025", "3 Mar 2025", "2025-03-03".
_DATE_IN_LINE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b")
# A time of day marks a post's stamp line ("September 5, 2024, 11:15pm").
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\b", re.IGNORECASE)


_LETTER_RUNS = re.compile(r"[^\W_]+")


def _words(text: str) -> set[str]:
    return {w for w in _LETTER_RUNS.findall(text.lower()) if w not in _SLUG_STOP}


@lru_cache(maxsize=64)
def _slug_words(url: str | None) -> frozenset[str]:
    """Words of the URL's last path segment ("/best-tax-software/"), years kept
    (remembered: the title checks ask for the same URL's words line after line)."""
    if not url:
        return frozenset()
    path = urlsplit(url).path.rstrip("/")
    slug = _words(path.rsplit("/", 1)[-1]) if path else set()
    return frozenset(w for w in slug if not w.isdigit() or len(w) == 4)  # noqa: PLR2004 - years


def slug_title(blocks: Sequence[Block], url: str | None) -> str | None:
    """The first short line that spells the URL's slug ("/best-tax-software/").

    Flattened text has no <title> or <h1>; the URL path usually repeats the
    headline's words, which tells the headline from menu and banner lines.
    """
    slug = _slug_words(url)
    if len(slug) < MIN_SLUG_WORDS:
        return None
    for b in blocks:
        if b.features.words > MAX_TITLE_WORDS:
            continue
        low = b.text.lower()
        if not any(w in low for w in slug):
            continue  # cheap test first: most lines share no slug word
        words = _words(b.text)
        if words and len(slug & words) / len(slug) >= MIN_SLUG_OVERLAP:
            return " ".join(b.text.split())
    return None


# Chinese and Japanese headlines have no spaces: one "word" of up to this many
# characters counts as a headline of the minimum length.
MAX_CJK_TITLE_CHARS = 60


# "Views: 412", "Hits: 1,204", "Odsłony: 412": a counter, not a headline.
_LABELLED_COUNT = re.compile(r"^[^\W\d][^:]{0,30}:\s*[\d\s.,]+$")


def _headline_like(text: str) -> bool:
    if _LABELLED_COUNT.match(text) or READING_TIME.match(text) or RELATIVE_TIME.match(text):
        return False  # "Views: 412", "6 min read", "2 days ago": not headlines
    words = len(text.split())
    if words < MIN_SLUG_WORDS and maybe_cjk(text) \
            and len(text) <= MAX_CJK_TITLE_CHARS:
        words = MIN_SLUG_WORDS
    return (MIN_SLUG_WORDS <= words <= MAX_TITLE_WORDS and text[-1] not in ".:,;"
            and any(c.isalpha() for c in text))


def clean_title(text: str | None) -> str | None:
    """The headline from a block: its first line, without list or trail marks."""
    if not text:
        return None
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    line = _LIST_MARKS.sub("", line).strip()
    return line or None


def nearest_headline(blocks: Sequence[Block], verdicts: Sequence[Verdict],
                     url: str | None = None) -> str | None:
    """The headline-shaped line right above the article's first kept line.

    Flattened text keeps the h1 as a line of its own just above the body (or
    above the byline and date lines): a short line that does not end like a
    sentence. Lines the classifier read as bylines, trails, or chrome phrases
    are stepped over.
    """
    start = next((i for i, v in enumerate(verdicts) if v.reason in KEEP_REASONS), None)
    if start is None:
        return None
    seen = 0
    first = blocks[start].text.strip()
    if "\n" not in first and _headline_like(first) and not _byline_shaped(first) and _fits_slug(
            first, url):
        # The headline kept as the article's first line.
        return _LIST_MARKS.sub("", first).strip() or None
    below_byline = False
    for i in range(start - 1, -1, -1):
        v = verdicts[i]
        if v.reason in _NOT_HEADLINE or v.evidence.startswith("phrase"):
            below_byline = v.reason is Reason.BYLINE
            continue
        for line in reversed([ln.strip() for ln in blocks[i].text.splitlines() if ln.strip()]):
            seen += 1
            if seen > HEADLINE_REACH:
                return None
            line = _LIST_MARKS.sub("", line).strip()
            if below_byline and _is_name_line(line):
                below_byline = False
                continue  # the author's name above the date line
            below_byline = False
            if line and _headline_like(line) and not _byline_shaped(line) and _fits_slug(line, url):
                return line
    return None


def _byline_shaped(line: str) -> bool:
    """A byline or a date line ("By Jane Doe", "jdoe September 5, 2024, 11:15pm")."""
    if _CLOCK.search(line):
        return True
    names, days, _ = text_bylines([_line(line)])
    return bool(names or days)


def _fits_slug(line: str, url: str | None) -> bool:
    """False when the URL spells a headline and this line shares none of its words."""
    slug = _slug_words(url)
    return len(slug) < MIN_SLUG_WORDS or bool(slug & _words(line))


def _first_line_title(blocks: Sequence[Block], headlines: list[str]) -> Candidate | None:
    """The page's first line as its <title>, when it repeats a headline's words."""
    if not blocks or not headlines:
        return None
    first = clean_title(blocks[0].text)
    if not first or len(first.split()) > 2 * MAX_TITLE_WORDS:
        return None
    have = _words(first)
    for h in headlines:
        want = _words(h)
        if want and len(want & have) / len(want) >= MIN_FIRST_LINE_OVERLAP:
            return Candidate(first, "title-tag")
    return None


def text_title(head_title: str | None, blocks: Sequence[Block], verdicts: Sequence[Verdict],
               url: str | None, hostname: str | None) -> str | None:
    """The title of a text page, chosen among its headline lines like on HTML.

    The head scan's pick (a repeated line or a trail's last step), the line
    that spells the URL, and the line right above the body play the part of
    ``<h1>``; the first line plays ``<title>`` when it repeats one of them (a
    flattening that kept the document's title). The HTML rules then cut the
    site name and prefer the visible headline.
    """
    title = clean_title(head_title)
    found = slug_title(blocks, url)
    if found and not (title and slug_title([_line(title)], url)):
        title = clean_title(found)  # the head scan's title does not spell the URL; this does
    headlines = [h for h in (title, nearest_headline(blocks, verdicts, url)) if h]
    tag = _first_line_title(blocks, headlines)
    if tag is None:
        return headlines[0] if headlines else None
    chosen, _, _ = choose_title([tag], headlines, site_names([], hostname))
    return chosen or headlines[0]


def _is_name_line(text: str) -> str | None:
    """A line that is only a person's name ("Jane Doe", "Dylan Bailey, MS, RD")."""
    if "\n" in text.strip():
        return None
    head = text.split(",", 1)[0].strip()
    words = head.split()
    if not MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS or not _NAME.match(head):
        return None
    name = clean_name(text)
    return name if name and looks_personal(name) and not role_like(name) else None


def lone_names(window: Sequence[Block], title: str | None, day: str | None) -> list[str]:
    """A name on a line of its own next to the article's date line.

    Flattened text loses the "author" markup and often the "By": the name is
    left alone on a line beside the date ("Jane Doe / March 3, 2024"). Only
    the line of the date chosen for the page anchors it: a name beside another
    date is a related post's or a commenter's, and a capitalised line beside
    the title is as often a menu label or a kicker as a name.
    """
    if not day:
        return []
    want = title_key(title) if title else ""
    anchors = {i for i, b in enumerate(window)
               if b.features.words <= MAX_DATE_LINE_WORDS and parse_date(b.text.strip()) == day}
    for i, b in enumerate(window):
        if anchors & {i - 1, i + 1} and not (want and title_key(b.text) == want):
            name = _is_name_line(b.text)
            if name:
                return [name]
    return []


def name_date_line(window: Sequence[Block]) -> tuple[str | None, str | None]:
    """("Jane Doe", day) from a "Jane Doe March 3, 2025 · 5 min read" line.

    Flattened bylines often lose the "By" and keep the name glued to the date;
    the part before the date must be a name on its own.
    """
    for b in window:
        text = " ".join(b.text.split())
        if b.features.words > MAX_DATE_LINE_WORDS + MAX_NAME_WORDS:
            continue
        found = _DATE_IN_LINE.search(text)
        if not found or found.start() == 0:
            continue
        day = parse_date(found.group(0))
        name = _is_name_line(text[: found.start()].strip(" |•·—–-,"))
        if day and name:
            return name, day
    return None, None


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
    title = text_title(title, blocks, verdicts, url, hostname)
    if title:
        sources["title"] = "text"
    if url:
        sources["url"] = "input"
    # The head scan may miss bylines that sit below the headline or glue a
    # date to the name; read the same window as on HTML pages.
    window = head_window(blocks, verdicts, title)
    seen_authors, seen_dates, updated = text_bylines(window)
    if not authors and len(set(seen_authors)) <= MAX_TEXT_PEOPLE:
        authors = seen_authors[:MAX_TEXT_PEOPLE]
    if not date and seen_dates:
        date = seen_dates[0]
    if not date and not seen_dates:
        date = dateline_date(blocks, verdicts)
    if not authors or not date:
        name, day = name_date_line(window)
        if name and day and not authors and (not date or parse_date(date) == day):
            authors, date = [name], day
    only_updated = not date and bool(updated)
    if only_updated:
        # "Updated May 3, 2025" is the only date the page shows: readers (and
        # the HTML path) take it as the page's date, flagged.
        date = updated[0]
    if not authors:
        authors = lone_names(window, title, parse_date(date))
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
        if only_updated and chosen == day:
            flags["date"] = "only a modification date is known"
    meta = Metadata(title=title or None, authors=names, date=chosen, url=url, hostname=hostname,
                    sources=sources, flags=flags)
    return finish(meta, [], blocks, verdicts)

"""After extraction: bylines and date lines in the visible text, the language
check against the article text, and the page type.

Visible bylines sit next to the headline, just before or at the start of the
article; the classifier removes them as ``byline`` blocks ("captured as
metadata"). We read the short blocks in that window only: further down, a
"by ..." or a date belongs to a quote, a comment or a related-post card.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from cleaner.core.model import Block, BlockKind, Metadata, Verdict
from cleaner.core.reasons import KEEP_REASONS, Reason
from cleaner.extract.classify import title_key
from cleaner.extract.rules.shapes import BYLINE_MAX_WORDS, DATE_LINE, byline_name, has_copyright
from cleaner.metadata.authors import clean_name, looks_personal
from cleaner.metadata.dates import parse_date
from cleaner.metadata.evidence import Evidence
from cleaner.metadata.html_meta import resolve_html
from cleaner.metadata.language import choose_language

# The byline window: blocks before the first kept block (title, breadcrumbs,
# byline) and the first few of the article (bylines below the standfirst).
WINDOW_BEFORE = 8
WINDOW_AFTER = 4
# A block broken into lines by <br> (headline, byline and date in one cell of
# an old page) is read line by line when it is this short (a few header lines)
# and comes no later than the article's start: inside the article such blocks
# are lists ("Title / by Author" of reviewed books).
BROKEN_BLOCK_MAX_WORDS = 3 * 14
# Around the block that repeats the headline: bylines sit just above or below
# it, sometimes after a standfirst, share bar and reading time.
TITLE_BEFORE = 4
TITLE_AFTER = 12
TITLE_MAX_WORDS = 40
# Article text handed to the language identifier (enough for a stable guess).
LANGUAGE_SAMPLE_CHARS = 800
# More different people in the head's bylines than a byline names: a listing.
MAX_TEXT_PEOPLE = 3
MAX_TEXT_DATES = 3
# Kept words from which a page with a date or an author reads as an article.
ARTICLE_MIN_WORDS = 150
_UPDATED = re.compile(r"(?:last\s+)?(?:updated|modified|aktualisiert|mis à jour|actualizado|"
                      r"aggiornato|bijgewerkt|zaktualizowano)\b\s*(?:on\b)?\s*:?", re.IGNORECASE)
# "Written by:Jane Doe", "Author: Jane Doe" (labels the shared byline shape misses).
_WRITTEN_BY = re.compile(r"^(?:written|posted|authored)\s+by\s*:|^authors?\s*:", re.IGNORECASE)
# "Published on July 18, 2025", "Posted: 3 May 2024", "Date: 2024-05-03".
_PUBLISHED_LABEL = re.compile(r"^(?:published|posted|written|date|datum|publié|publicado|"
                              r"pubblicato)(?:\s+on)?\s*:?\s*\S", re.IGNORECASE)
_BY_INSIDE = re.compile(r"\b(?:by|von|par|por|door)\s+[A-Z]")
# A short block that starts with a date ("January 20th, 2025 by JWU").
_DATE_FIRST = re.compile(r"^\W*(?:\d{1,2}[./ ]|\d{4}-|[A-Z][a-zé]{2,8}\.?\s+\d{1,2}\b)")
# Blocks where a date line may be a "today" widget or a copyright footer.
_NOT_A_DATELINE = ("today", "heute", "aujourd", "hoy", "oggi", "vandaag", "dzisiaj")


# A press release or agency story opens with a dateline that carries the date:
# "PITTSBURGH, March 7, 2023 /PRNewswire/ --", "BERLIN, 7. März 2023 (dpa) -".
# The place is in capitals; the date sits between it and the wire's name.
_OPENING_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]{2,40}(?:,\s*[^\W\d_][\w.' -]{1,30})?,\s+"
    r"(?P<date>[^/()—–]{6,40}?)\s*(?:/|\(|--|—|–)"
)


def dateline_date(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> str | None:
    """The date in the dateline that opens the article's first kept paragraph."""
    first = next((b for b, v in zip(blocks, verdicts, strict=False)
                  if v.reason in KEEP_REASONS and b.kind is BlockKind.PARAGRAPH), None)
    if first is None:
        return None
    found = _OPENING_DATELINE.match(first.text[:120])
    return parse_date(found.group("date")) if found else None


_DISCUSSION = frozenset({Reason.COMMENTS, Reason.COMMENT_FORM})


def head_window(blocks: Sequence[Block], verdicts: Sequence[Verdict],
                title: str | None = None, broken: bool = False) -> list[Block]:
    """Short blocks around the headline and the start of the article (with
    ``broken``, also short <br>-broken blocks up to the start: HTML only, the
    text path's multi-line blocks are groups of far-away lines)."""
    start = next((i for i, v in enumerate(verdicts) if v.reason in KEEP_REASONS), None)
    if start is None:
        return []
    spans = [(max(0, start - WINDOW_BEFORE), start + WINDOW_AFTER)]
    if title:
        want = title_key(title)
        anchor = next((i for i, b in enumerate(blocks)
                       if b.features.words <= TITLE_MAX_WORDS and _may_be_key(b.text, want)
                       and title_key(b.text) == want), None)
        if anchor is not None:
            spans.insert(0, (max(0, anchor - TITLE_BEFORE), anchor + TITLE_AFTER))
    seen: set[int] = set()
    out: list[Block] = []
    for lo, hi in spans:
        for i in range(lo, min(hi, len(blocks))):
            if verdicts[i].reason in _DISCUSSION:
                continue  # a commenter's name and date, not the article's
            if i not in seen and (blocks[i].features.words <= BYLINE_MAX_WORDS or (
                    broken and i <= start and blocks[i].features.words <= BROKEN_BLOCK_MAX_WORDS
                    and "\n" in blocks[i].text)):
                seen.add(i)
                out.append(blocks[i])
    return out


def _may_be_key(text: str, key: str) -> bool:
    """False when ``title_key(text)`` cannot be ``key``: a text starting with a
    letter or digit starts its key with it (lower case). Most lines fail here,
    without the key being computed."""
    first = text[:1].lower()[:1]
    return first == key[:1] or not first.isalnum()


def _lines(blocks: Sequence[Block], broken: bool) -> Iterator[tuple[str, int]]:
    """(text, words) of each block, or (``broken``) of each line of a block
    broken by ``<br>``: old pages put headline, byline and date in one cell."""
    for b in blocks:
        text = b.text.strip()
        if not broken or "\n" not in text:
            yield text, b.features.words
            continue
        for line in text.split("\n"):
            line = line.strip()
            if line:
                yield line, len(line.split())


def text_bylines(blocks: Sequence[Block], broken: bool = False,
                 ) -> tuple[list[str], list[str], list[str]]:
    """(author names, publication dates, update dates) from byline-shaped blocks.

    A date line labelled "Updated ..." is a modification date. Dates on a line
    that also names the author come first: a lone date near the headline may
    belong to a sidebar item.
    """
    authors: list[str] = []
    with_byline: list[str] = []
    dates: list[str] = []
    updated: list[str] = []
    for text, words in _lines(blocks, broken):
        low = text.lower()
        if has_copyright(text) or any(w in low for w in _NOT_A_DATELINE):
            continue
        raw = byline_name(text, words)
        if raw is None and _WRITTEN_BY.match(text) and words <= BYLINE_MAX_WORDS:
            raw = text
        name = clean_name(raw) if raw else None
        if name and looks_personal(name):
            authors.append(name)
        has_by = bool(raw) or bool(_BY_INSIDE.search(text))
        if not (DATE_LINE.match(text) or has_by or _DATE_FIRST.match(text)
                or _PUBLISHED_LABEL.match(text)):
            continue
        day = parse_date(_UPDATED.split(text, maxsplit=1)[0])
        later = _UPDATED.search(text)
        if later:
            upd = parse_date(text[later.end():])
            if upd:
                updated.append(upd)
        if day:
            (with_byline if has_by else dates).append(day)
    return authors, with_byline + dates, updated


def _language_text(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> str:
    parts: list[str] = []
    size = 0
    for b, v in zip(blocks, verdicts, strict=True):
        if v.reason in KEEP_REASONS and b.kind.value != "code":
            parts.append(b.text)
            size += len(b.text)
            if size >= LANGUAGE_SAMPLE_CHARS:
                break
    return " ".join(parts)


def finish(meta: Metadata, declared: list[str], blocks: Sequence[Block],
           verdicts: Sequence[Verdict]) -> Metadata:
    """Language (declared vs detected), page type from shape, word count."""
    sources = dict(meta.sources)
    flags = dict(meta.flags)
    sources.pop("language", None)
    lang, origin, flag = choose_language(declared, _language_text(blocks, verdicts))
    if lang:
        sources["language"] = origin
    if flag:
        flags["language"] = flag
    words = sum(b.features.words for b, v in zip(blocks, verdicts, strict=True)
                if v.reason in KEEP_REASONS)
    page_type = meta.page_type
    if page_type is None:
        dated = bool(meta.date or meta.authors)
        page_type = "article" if dated and words >= ARTICLE_MIN_WORDS else "other"
    return replace(meta, language=lang, page_type=page_type, sources=sources, flags=flags)


def listing_shape(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> bool:
    """Byline blocks naming many people or many dates across the page: a listing."""
    bylines = [b for b, v in zip(blocks, verdicts, strict=True) if v.reason is Reason.BYLINE]
    authors, dates, _ = text_bylines(bylines)
    return len(set(authors)) > MAX_TEXT_PEOPLE or len(set(dates)) > MAX_TEXT_DATES


def complete_html(ev: Evidence, blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> Metadata:
    """Final metadata of an HTML page: markup evidence plus the visible bylines."""
    authors: list[str] = []
    dates: list[str] = []
    updated: list[str] = []
    says_article = ev.main_kind == "article" or "article" in ev.types
    if not says_article and listing_shape(blocks, verdicts):
        # Many bylines on a page that does not call itself an article: a
        # listing (an article's related-post cards carry bylines too).
        ev.listing = True
    else:
        window = head_window(blocks, verdicts, ev.resolved_title, broken=True)
        authors, dates, updated = text_bylines(window, broken=True)
    for day in updated[:1]:
        ev.add("date_modified", day, "text")
    for name in authors:
        ev.add("authors", name, "text")
    if not dates and not ev.get("date"):
        opening = dateline_date(blocks, verdicts)
        dates = [opening] if opening else []
    for day in dates[:1]:
        ev.add("date", day, "text")
    meta = resolve_html(ev)
    return finish(meta, [v for v, _ in ev.declared_languages], blocks, verdicts)

"""Rules that only flattened text needs: the page head, breadcrumbs, menu runs.

HTML pages tell us where the title, breadcrumb and byline are; a flattened page
only shows their shape. The head of the page (the lines just above the body)
holds them: a breadcrumb is a short line cut by ``»`` / ``>`` / ``/`` whose
first part is a navigation word; the title is the line that the page repeats
(breadcrumb tail, ``<title>`` line, heading) just above the body; bylines and
date lines have the shapes of :mod:`cleaner.extract.rules.shapes`. These lines
are removed with their own reason and what they say is kept as findings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.core.model import Block, BlockKind, Verdict
from cleaner.core.reasons import Reason
from cleaner.extract.classify import title_key
from cleaner.extract.lexicon import CONTAINS_MAX_WORDS, Lexicon, normalise
from cleaner.extract.rules.shapes import DATE_LINE, byline_name

Mark = tuple[Reason, str] | None

# How many blocks above the body are searched for title, breadcrumb, byline.
HEAD_SCAN = 40
# Titles are between these many words long (a one-word line is a section name).
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30
# A line repeated in the head is the headline only this close to the body
# (a menu shown twice, in header and footer, repeats too, but further up).
TITLE_NEAR = 8
# ...and only when it is sentence-sized: menus repeat short labels.
REPEATED_TITLE_WORDS = 5
# A breadcrumb is short: the trail plus a headline.
CRUMB_MAX_WORDS = 40
# The first part of a trail ("Home", "News") is a navigation word of this size.
CRUMB_HEAD_WORDS = 3
_CRUMB_SPLIT = re.compile(r"\s+(?:»|›|>|/|\||→|::|•|·|-{1,2}>)\s+|\s*[»›→]\s*")
# Any trail separator (the separators of _CRUMB_SPLIT), found in one C scan.
_SEPARATOR = re.compile(r"[»›>/|→•·]|::")
# A lone byline word on its own line (soup-style text splits "By" from the name).
BY_WORDS = frozenset({"by", "von", "par", "por", "di", "da", "door", "przez", "autor",
                      "auteur", "autore", "written by", "posted by", "text"})
# A name after a lone "By" is a few capitalised words.
NAME_MAX_WORDS = 5
# A menu run inside the body: this many consecutive short title-case lines.
MENU_RUN = 4
MENU_ITEM_WORDS = 4
_INNER_PUNCT = frozenset(",.;:!?")
# A block whose text has no letter or digit (a stray bullet, "|", "—").
_HAS_WORD = re.compile(r"\w")
# Every date line holds a digit: tested first, the date-line regex is slow to fail.
_DIGIT = re.compile(r"\d")
_DATE_PART = re.compile(
    r"(\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}|"
    r"\d{1,2}(?:st|nd|rd|th)?\.?\s+[^\W\d_]{3,12}\.?,?\s+\d{4}|"
    r"[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
)
_POSTED_ON = re.compile(
    r"^(?:posted|published|updated|veröffentlicht|publié|publicado|pubblicato|gepubliceerd|"
    r"opublikowano)(?:\s+on|\s+am|\s+le|\s+el|\s+il|\s+em|\s+op)?\s*:?\s*",
    re.IGNORECASE,
)


_LONG_PROSE: Mark = (Reason.ARTICLE_BODY, "long prose line")


@dataclass(frozen=True, slots=True)
class TextFindings:
    """Metadata read from the page head before its lines were removed."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None


def is_menu_item(text: str, words: int, ends_sentence: bool, ordered: bool) -> bool:
    """A short unpunctuated line whose words are capitalised: a menu entry."""
    if words > MENU_ITEM_WORDS or ends_sentence or ordered:
        return False
    for word in text.split():
        first = word[0]
        if first not in _INNER_PUNCT and first.isalpha() and not first.isupper():
            return False
    return True


def breadcrumb_parts(text: str, words: int, lexicon: Lexicon) -> list[str] | None:
    """The parts of a breadcrumb trail, or None when the line is not one."""
    if words > CRUMB_MAX_WORDS:
        return None
    parts = [p for p in _CRUMB_SPLIT.split(text) if p.strip()]
    if len(parts) < 2:  # noqa: PLR2004 - a trail has at least two steps
        return None
    head = normalise(parts[0])
    if len(head.split()) > CRUMB_HEAD_WORDS:
        return None
    if lexicon.exact.get(head) in (Reason.NAV, Reason.BREADCRUMB) or len(parts) >= 3:  # noqa: PLR2004
        return parts
    return None


def _has_separator(text: str) -> bool:
    """Cheap test before the breadcrumb regex: is any trail separator present?

    ASCII text can only hold the ASCII ones: four substring tests cost a
    fifth of the regex's scan (this runs on every line of the body)."""
    if text.isascii():
        return ">" in text or "/" in text or "|" in text or "::" in text
    return _SEPARATOR.search(text) is not None


def find_date(text: str) -> str | None:
    """The date written in a date line or byline, as ISO when it parses."""
    match = _DATE_PART.search(text)
    if not match:
        return None
    raw = match.group(1)
    return iso_date(raw) or raw


_MONTH_NUMBERS: dict[str, int] = {}
for _num, _names in enumerate((
    "january jan januar janvier enero janeiro gennaio januari stycznia",
    "february feb februar février febrero fevereiro febbraio februari lutego",
    "march mar märz mars marzo março maart marca",
    "april apr avril abril aprile kwietnia",
    "may mai mayo maio maggio mei maja",
    "june jun juni juin junio junho giugno czerwca",
    "july jul juli juillet julio julho luglio lipca",
    "august aug août agosto augustus sierpnia",
    "september sep sept septembre septiembre setembro settembre września",
    "october oct oktober octobre octubre outubro ottobre okt października",
    "november nov novembre noviembre novembro listopada",
    "december dec dezember décembre diciembre dezembro dicembre grudnia",
), start=1):
    for _name in _names.split():
        _MONTH_NUMBERS[_name] = _num
# Dates outside these years are placeholders or typos, not publication dates.
MIN_YEAR, MAX_YEAR = 1991, 2090
_DAYS_IN_MONTH = 31
_MONTHS_IN_YEAR = 12


def iso_date(raw: str) -> str | None:
    """``YYYY-MM-DD`` for the date forms :func:`find_date` captures."""
    tokens = re.findall(r"\d+|[^\W\d_]+", raw.lower())
    nums = [int(t) for t in tokens if t.isdigit()]
    names = [_MONTH_NUMBERS[t] for t in tokens if t in _MONTH_NUMBERS]
    if names and len(nums) >= 2:  # noqa: PLR2004 - day and year
        day, year, month = nums[0], nums[-1], names[0]
    elif len(nums) == 3 and len(tokens) == 3:  # noqa: PLR2004 - numeric date
        if nums[0] > _DAYS_IN_MONTH:
            year, month, day = nums
        else:
            day, month, year = nums
    else:
        return None
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= _MONTHS_IN_YEAR
            and 1 <= day <= _DAYS_IN_MONTH):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


@dataclass(slots=True)
class _Head:
    """What the head scan found, with the blocks it marked."""

    marks: dict[int, tuple[Reason, str]]
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None


def scan_head(blocks: Sequence[Block], start: int, lexicon: Lexicon) -> _Head:
    """Breadcrumbs, title, bylines and dates in the blocks above the body."""
    head = _Head({})
    lo = max(0, start - HEAD_SCAN)
    crumb_tail: str | None = None
    authors: list[str] = []
    for i in range(lo, start):
        b = blocks[i]
        words = b.features.words
        parts = breadcrumb_parts(b.text, words, lexicon) if _has_separator(b.text) else None
        if parts is not None:
            head.marks[i] = (Reason.BREADCRUMB, f"trail of {len(parts)} steps")
            crumb_tail = parts[-1]
            continue
        name = byline_name(b.text, words)
        low = b.text.lower().strip(" :")
        if name is None and low in BY_WORDS and i + 1 < start:
            nxt = blocks[i + 1]
            if nxt.features.words <= NAME_MAX_WORDS and nxt.text[:1].isupper():
                name = nxt.text.strip(" ,.")
                head.marks[i + 1] = (Reason.BYLINE, "name after a lone byline word")
        if name is not None:
            head.marks[i] = (Reason.BYLINE, "byline")
            if name not in authors:
                authors.append(name)
        if head.date is None and (name is not None or _POSTED_ON.match(b.text) or (
                _DIGIT.search(b.text) is not None and DATE_LINE.match(b.text))):
            head.date = find_date(_POSTED_ON.sub("", b.text))
            if head.date is not None:
                head.marks.setdefault(i, (Reason.BYLINE, "date line"))
    head.authors = tuple(authors)
    head.title = _pick_title(blocks, lo, start, crumb_tail, head.marks)
    return head


def _pick_title(blocks: Sequence[Block], lo: int, start: int, crumb_tail: str | None,
                marks: dict[int, tuple[Reason, str]]) -> str | None:
    """The headline: repeated above the body, or named by the trail / first line."""
    keys: Counter[str] = Counter()
    candidates: list[tuple[int, str]] = []
    for i in range(lo, start):
        b = blocks[i]
        if i in marks or not TITLE_MIN_WORDS <= b.features.words <= TITLE_MAX_WORDS:
            continue
        if b.text[-1] == "." and not b.text.endswith(".."):
            continue
        key = title_key(b.text)
        keys[key] += 1
        candidates.append((i, key))
    tail_key = title_key(crumb_tail) if crumb_tail else ""
    first_key = title_key(blocks[0].text) if blocks else ""
    chosen: str | None = None
    # Nearest to the body first: the headline sits just above the text.
    for i, key in reversed(candidates):
        if (keys[key] >= 2 and start - i <= TITLE_NEAR  # noqa: PLR2004
                and blocks[i].features.words >= REPEATED_TITLE_WORDS) or (
            tail_key and key == tail_key) or (
            i > 0 and first_key.startswith(key) and len(key) < len(first_key)
        ):
            chosen = blocks[i].text
            break
    if chosen is None and crumb_tail and len(crumb_tail.split()) >= TITLE_MIN_WORDS:
        chosen = crumb_tail
    if chosen is None:
        return None
    key = title_key(chosen)
    for i in range(lo, start):
        b = blocks[i]
        if i not in marks and (title_key(b.text) == key
                               or (i == 0 and title_key(b.text).startswith(key))):
            marks[i] = (Reason.TITLE, "repeats the headline")
    return chosen


def body_marks(blocks: Sequence[Block], start: int, end: int, lexicon: Lexicon,
               marks: list[Mark]) -> None:
    """Text-only chrome inside the region: trails, wordless lines, menu runs."""
    run: list[int] = []
    for i in range(start, end + 2):
        b = blocks[i] if i <= end else None
        # is_menu_item's cheap conditions first: most lines are long or end a sentence.
        if b is not None and b.features.words <= MENU_ITEM_WORDS and is_menu_item(
                b.text, b.features.words, b.features.ends_sentence, b.ordered):
            run.append(i)
            continue
        if len(run) >= MENU_RUN:
            for j in run:
                marks[j] = (Reason.NAV, f"menu run of {len(run)} short capitalised lines")
        run = []
        if b is None or marks[i] is not None:
            continue
        # A line that starts with a letter or digit has a word (\w covers isalnum).
        if not b.text[:1].isalnum() and not _HAS_WORD.search(b.text):
            marks[i] = (Reason.EMPTY, "no words")
        elif b.features.words <= CRUMB_MAX_WORDS and _has_separator(b.text) and (
            breadcrumb_parts(b.text, b.features.words, lexicon) is not None
        ):
            marks[i] = (Reason.BREADCRUMB, "breadcrumb trail")
        elif b.features.words <= 2 and b.text.lower().strip(" :") in BY_WORDS:  # noqa: PLR2004
            marks[i] = (Reason.BYLINE, "lone byline word")
        elif b.features.words > CONTAINS_MAX_WORDS:
            # No phrase or shape rule reaches a line this long (lexicon.py):
            # decide it here and spare the shared classifier the regexes.
            marks[i] = _LONG_PROSE


def mark_headings(blocks: list[Block], start: int, end: int, marks: Sequence[Mark]) -> None:
    """Short unpunctuated lines right above prose become headings (kept, not menus)."""
    for i in range(start, end):
        b = blocks[i]
        f = b.features
        if (b.kind is BlockKind.PARAGRAPH and marks[i] is None and not f.ends_sentence
                and 1 <= f.words <= TITLE_MAX_WORDS // 2):
            nxt = blocks[i + 1]
            if nxt.features.ends_sentence or nxt.kind is BlockKind.LIST_ITEM:
                # Every field given (dataclasses.replace costs several times more).
                blocks[i] = Block(b.id, b.text, BlockKind.HEADING, f, 2, b.span, b.hints,
                                  b.markdown, b.rows, b.ordered, b.links)


# Header lines whose family extends to the headline list below them.
LIST_HEADERS = frozenset({Reason.RELATED_LINKS, Reason.SHARE_BAR, Reason.TAG_LIST,
                          Reason.PAGINATION, Reason.NAV})
LIST_HEADER_WORDS = 6
# Headlines in such a list: unpunctuated lines up to this long.
HEADLINE_MAX_WORDS = 20


def lists_under_headers(blocks: Sequence[Block], verdicts: list[Verdict], body: range) -> None:
    """"You may also like" / "Related posts" take the headlines listed below them
    (kept ones, and those only removed for lying outside the article)."""
    i = body.start
    while i < body.stop:
        v = verdicts[i]
        # (a kept block has none of these reasons)
        if v.reason not in LIST_HEADERS or blocks[i].features.words > LIST_HEADER_WORDS:
            i += 1
            continue
        j = i + 1
        while j < body.stop and (verdicts[j].keep or verdicts[j].reason is Reason.OUTSIDE_ARTICLE):
            b = blocks[j]
            if (b.features.ends_sentence or b.features.words > HEADLINE_MAX_WORDS
                    or b.kind is BlockKind.HEADING):
                break
            verdicts[j] = Verdict(v.reason, "text", f"listed under '{blocks[i].text[:40]}'")
            j += 1
        i = j

"""Date strings -> ``YYYY-MM-DD``, and dates in URL paths.

Why our own parser and not htmldate (measured with ``bench/metadata_timing.py
--htmldate`` on modern-dev, 468 pages, same run, loaded machine): htmldate's
fast mode (``extensive_search=False``) took 36.7 ms a page, 16% of clean()'s
224 ms there, alone more than the whole metadata budget, and scored
accuracy 0.797 with a date on 57% of the pages whose gold has none; its
extensive mode took 122 ms (0.827, spurious 97%). It re-walks the tree with
many XPath queries and falls back to any date it can find. Our readers parse
the dates that structured sources already carry (JSON-LD, ``<meta>``,
``<time datetime>``), the URL and the byline next to the headline, and abstain
otherwise: 0.835 accuracy, 8% spurious, the whole metadata stage ~13% of
clean(). dateparser is not used either: slow to import, ~1 ms a call, and
too eager on prose.

Only the calendar day is kept: the gold standard and most users filter by
day, and converting time zones would move local dates to the wrong day.
"""

from __future__ import annotations

import re
from datetime import date

# Dates before the web or far in the future are typos or placeholders
# ("1970-01-01" from a zero timestamp, "2099-12-31" as "never expires").
MIN_YEAR = 1991
MAX_YEAR = 2090

# Month names of the languages most pages are written in (Russian, Turkish and
# Arabic as news portals write them: "14 марта 2012", "3 سبتمبر 2019").
MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    (
        "january jan januar janvier enero janeiro gennaio januari stycznia styczeń jänner"
        " января январь ocak يناير",
        "february feb februar février fevrier febrero fevereiro febbraio februari lutego luty"
        " февраля февраль şubat فبراير",
        "march mar märz maerz mars marzo março marco maart marca marzec"
        " марта март mart مارس",
        "april apr avril abril aprile kwietnia kwiecień"
        " апреля апрель nisan أبريل ابريل إبريل",
        "may mai mayo maio maggio mei maja maj"
        " мая май mayıs مايو",
        "june jun juni juin junio junho giugno czerwca czerwiec"
        " июня июнь haziran يونيو يونيه",
        "july jul juli juillet julio julho luglio lipca lipiec"
        " июля июль temmuz يوليو يوليه",
        "august aug août aout agosto augustus sierpnia sierpień"
        " августа август ağustos أغسطس اغسطس",
        "september sep sept septembre septiembre setembro settembre września wrzesień"
        " сентября сентябрь eylül سبتمبر",
        "october oct oktober octobre octubre outubro ottobre okt października"
        " октября октябрь ekim أكتوبر اكتوبر",
        "november nov novembre noviembre novembro listopada listopad"
        " ноября ноябрь kasım نوفمبر",
        "december dec dezember décembre decembre diciembre dezembro dicembre grudnia grudzień"
        " декабря декабрь aralık ديسمبر"
        " dez",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _num

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T|\s*$)")
# "June 4, 2025", "Jun. 4th 2025", "Wednesday, June 4, 2025"
_MDY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)",
                  re.IGNORECASE)
# "4 June 2025", "4. Juni 2025", "4 de junio de 2025", "04 Jun 2025 10:00 GMT"
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?({_MONTH_RE})\.?,?\s+"
                  rf"(?:de\s+)?(\d{{4}})(?!\d)", re.IGNORECASE)
# "2025年6月4日" (Chinese, Japanese), "2025년 6월 4일" (Korean): year, month, day.
_CJK = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?")
# "06/04/2025", "4.6.2025" (order ambiguous unless one part exceeds 12)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
# Paths like /2024/05/17/slug, /2024-05-17-slug, /20240517/
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/_.-]|$)"
    r"|/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/"
)


def make_date(year: int, month: int, day: int) -> str | None:
    """ISO day string, or None when the parts are not a plausible calendar day."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str | None, *, dayfirst: bool | None = None) -> str | None:
    """The calendar day a date string names, or None.

    ``dayfirst`` settles "06/04/2025"; with None an ambiguous numeric date is
    refused rather than guessed.
    """
    if not text:
        return None
    text = text.strip()
    if len(text) > 80:  # noqa: PLR2004 - a date string, not a paragraph
        return None
    m = _ISO.match(text) or _COMPACT.match(text)
    if m:
        return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _MDY.search(text)
    if m:
        return make_date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    m = _CJK.search(text)
    if m:
        return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DMY.search(text)
    if m:
        return make_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    m = _NUMERIC.search(text)
    if m:
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if a > 12 or (dayfirst and b <= 12):  # noqa: PLR2004 - months
            return make_date(year, b, a)
        if b > 12 or dayfirst is False:  # noqa: PLR2004
            return make_date(year, a, b)
        return make_date(year, a, b) if a == b else None
    return None


def url_date(url: str | None) -> str | None:
    """A full date (year, month, day) in the URL path; year/month alone abstains."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    m = _URL_DATE.search(path)
    if not m:
        return None
    parts = [g for g in m.groups() if g is not None]
    return make_date(int(parts[0]), int(parts[1]), int(parts[2]))

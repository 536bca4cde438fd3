"""Choosing one value per field from the candidates, by trust and agreement.

Order of trust (see :data:`cleaner.metadata.evidence.ORIGINS`): JSON-LD,
OpenGraph/Twitter, ``<meta>``, microdata, body markup (``<time>``, bylines),
the URL, the visible text. Dates are voted on: candidates naming the same day
add up their weights, so a URL path and an ``article:published_time`` that
agree outvote a lone JSON-LD value. Authors: the most trusted origin that names
a person wins; role-like names ("admin") and the site's own name are used only
when nothing else exists, and then flagged.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.metadata.authors import role_like, site_like, split_names
from cleaner.metadata.evidence import ORIGINS, Candidate

# Vote weight of a date by origin; a "weak" candidate (a WebPage stamp, an
# unmarked <time>) counts WEAK_DATE_FACTOR of that.
DATE_WEIGHTS = {"json-ld": 6.0, "opengraph": 5.0, "meta": 5.0, "microdata": 4.0,
                "byline": 3.0, "url": 3.0, "text": 3.0}
WEAK_DATE_FACTOR = 0.4
# A date resting only on weak evidence below this total is not returned: a
# CMS stamp on a WebPage, alone, is as often a landing page as an article.
MIN_DATE_SUPPORT = 2.5
VISIBLE_ORIGINS = frozenset({"byline", "text"})


def _rank(origin: str) -> int:
    return ORIGINS.index(origin) if origin in ORIGINS else len(ORIGINS)


def choose_date(cands: list[Candidate],
                modified: Sequence[Candidate] = ()) -> tuple[str | None, str]:
    """The best-supported day and the origin of its most trusted candidate.

    A date the reader sees next to the headline (``<time>``, a byline, a date
    line) that the markup confirms wins outright: first one that equals a
    structured publication date, then one that equals the structured
    modification date (the page shows its "updated" date as its date, and so
    do readers). Otherwise the days are voted on by origin weight.
    """
    support: dict[str, float] = {}
    best_origin: dict[str, str] = {}
    for c in cands:
        weight = DATE_WEIGHTS.get(c.origin, 1.0) * (WEAK_DATE_FACTOR if c.weak else 1.0)
        support[c.value] = support.get(c.value, 0.0) + weight
        if c.value not in best_origin or _rank(c.origin) < _rank(best_origin[c.value]):
            best_origin[c.value] = c.origin
    if not support:
        return None, ""
    visible = [c.value for c in cands if c.origin in VISIBLE_ORIGINS]
    published = {c.value for c in cands if c.origin not in VISIBLE_ORIGINS and not c.weak}
    changed = {c.value[:10] for c in modified}
    for confirmed in (published, changed):
        for day in visible:
            if day in confirmed:
                return day, best_origin[day]
    if visible and published and published <= changed and visible[0] < min(published):
        # datePublished equal to dateModified is often a re-save stamp; an
        # earlier date shown next to the headline is the first publication.
        return visible[0], best_origin[visible[0]]
    day = max(support, key=lambda d: (support[d], -_rank(best_origin[d])))
    if support[day] < MIN_DATE_SUPPORT:
        return None, ""
    return day, best_origin[day]


def choose_authors(cands: list[Candidate], site_name: str | None,
                   hostname: str | None) -> tuple[tuple[str, ...], str, str]:
    """(names, origin, flag): the most trusted origin naming a person.

    The flag is empty for a person; otherwise it says why the names are weak.
    """
    strong: dict[str, list[str]] = {}
    weak: list[tuple[str, str, str]] = []
    for c in cands:
        for name in split_names(c.value):
            why = c.weak
            if not why and role_like(name):
                why = "role-like name"
            if not why and site_like(name, site_name, hostname):
                why = "site or publisher name"
            if why:
                weak.append((name, c.origin, why))
            else:
                names = strong.setdefault(c.origin, [])
                if name.lower() not in (n.lower() for n in names):
                    names.append(name)
    if strong:
        origin = min(strong, key=_rank)
        return tuple(strong[origin]), origin, ""
    if weak:
        name, origin, why = weak[0]
        return (name,), origin, why
    return (), "", ""


def first(cands: list[Candidate]) -> tuple[str | None, str]:
    """The most trusted candidate (they are appended in trust order)."""
    if not cands:
        return None, ""
    best = min(cands, key=lambda c: _rank(c.origin))
    return best.value, best.origin


def unique(cands: list[Candidate], limit: int) -> tuple[tuple[str, ...], str]:
    """Distinct values (tags, categories) from the most trusted origin that has any."""
    if not cands:
        return (), ""
    origin = min((c.origin for c in cands), key=_rank)
    out: list[str] = []
    for c in cands:
        if c.origin == origin and c.value.lower() not in (o.lower() for o in out):
            out.append(c.value)
    return tuple(out[:limit]), origin

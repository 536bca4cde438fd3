"""Titles: cutting the site name glued on ("Title | Site"), choosing a candidate.

The site name is only cut when something says it is the site: it equals (or
contains) the site name the page declares, a hostname label, or the part every
title candidate shares. "How X works - 10 lessons" keeps its second half.
"""

from __future__ import annotations

import re

from cleaner.metadata.evidence import Candidate

_SEPARATORS = re.compile(r"\s+[|–—•·»:/~-]{1,2}\s+|\s*\|\s*")
_SEP_CHARS = " |–—•·»:/~-"


def key(text: str) -> str:
    """Comparison key: letters and digits only, lower case."""
    return re.sub(r"[\W_]+", "", text.lower())


def _is_site(part: str, sites: list[str]) -> bool:
    k = key(part)
    if not k:
        return False
    for site in sites:
        s = key(site)
        if s and (k == s or (len(s) > 3 and s in k and len(k) <= 2 * len(s))  # noqa: PLR2004
                  or (len(k) > 3 and k in s)):  # noqa: PLR2004
            return True
    return False


def split_site_name(title: str, sites: list[str]) -> tuple[str, str | None]:
    """Cut a site name at either end of a title; return (title, the part cut)."""
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:  # noqa: PLR2004 - nothing glued on
        return title, None
    if _is_site(parts[-1], sites):
        head = title[: title.rfind(parts[-1])].rstrip(_SEP_CHARS)
        if head:
            return head, parts[-1]
    if _is_site(parts[0], sites):
        tail = title[len(parts[0]):].lstrip(_SEP_CHARS)
        if tail:
            return tail, parts[0]
    return title, None


def site_names(declared: list[str], hostname: str | None) -> list[str]:
    """Names the site may go by: declared names and the hostname's main label."""
    names = [d for d in declared if d]
    if hostname:
        labels = hostname.lower().removeprefix("www.").split(".")
        if len(labels) >= 2:  # noqa: PLR2004
            names.append(labels[-2] if len(labels[-2]) > 3 else ".".join(labels[-2:]))  # noqa: PLR2004
            names.append(".".join(labels[-2:]))
    return names


def choose_title(cands: list[Candidate], h1s: list[str],
                 sites: list[str]) -> tuple[str | None, str, str | None]:
    """(title, origin, site part cut off) from the candidates in trust order.

    A candidate that a visible ``<h1>`` confirms wins (the h1 spelling is used);
    else the most trusted candidate, with the site name cut off.
    """
    cleaned: list[tuple[str, str, str | None]] = []
    for c in cands:
        text, cut = split_site_name(c.value, sites)
        cleaned.append((text, c.origin, cut))
    h1_keys = {key(h): h for h in h1s if key(h)}
    for text, origin, cut in cleaned:
        hit = h1_keys.get(key(text))
        if hit is not None:
            return hit, origin, cut
    if not cleaned:
        if len(h1_keys) == 1:
            return next(iter(h1_keys.values())), "h1", None
        return None, "", None
    # Structured titles that still carry a site part the <title> does not: trust
    # the shortest agreeing form (e.g. og:title "X" vs <title> "X - Brand").
    best = cleaned[0]
    for text, origin, cut in cleaned[1:]:
        if cut and key(text) == key(best[0]):
            best = (best[0], best[1], cut)
    return best

"""Titles: cutting the site name glued on ("Title | Site"), choosing a candidate.

The site name is only cut when something says it is the site: it equals (or
contains) the site name the page declares, a hostname label, or the part every
title candidate shares. "How X works - 10 lessons" keeps its second half.
"""

from __future__ import annotations

import html
import re

from cleaner.metadata.evidence import Candidate

# A headline longer than this is a paragraph styled as h1, not a title.
MAX_H1_WORDS = 25
# Share of the h1's words the structured title must contain for the h1 to be
# taken as the same headline in its visible spelling.
MIN_H1_OVERLAP = 0.5
# A site name is a few words; a longer tail is part of the title.
MAX_SITE_WORDS = 3
# Heading permalink marks that documentation generators append ("Tasks¶").
_ANCHOR_MARKS = re.compile(r"[\s¶#\uf0c1🔗]+$")
_SEPARATORS = re.compile(r"\s+[|–—•·»:/~-]{1,2}\s+|\s*\|\s*")
# Second-level labels under country domains (example.co.uk, example.com.au).
_REGISTRY_LABELS = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne"})
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
        if len(labels) >= 3 and labels[-2] in _REGISTRY_LABELS:  # noqa: PLR2004
            labels = labels[:-1]  # example.co.uk -> example.co
        if len(labels) >= 2:  # noqa: PLR2004
            names.append(labels[-2] if len(labels[-2]) > 3 else ".".join(labels[-2:]))  # noqa: PLR2004
            names.append(".".join(labels[-2:]))
    return names


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def choose_title(cands: list[Candidate], h1s: list[str],
                 sites: list[str]) -> tuple[str | None, str, str | None]:
    """(title, origin, site part cut off) from the candidates in trust order.

    The visible headline is what readers (and the gold standard) call the
    title; structured titles are often SEO variants of it ("Top 10 X in 2025"
    vs "10 Best X"). So: a candidate that an ``<h1>`` repeats wins in the h1's
    spelling; else the first ``<h1>`` when it shares at least half its words
    with the most trusted candidate (a headline, not "Menu" or a logo); else
    that candidate with the site name cut off.
    """
    cleaned: list[tuple[str, str, str | None]] = []
    for c in cands:
        text, cut = split_site_name(html.unescape(c.value), sites)
        cleaned.append((text, c.origin, cut))
    h1s = [_ANCHOR_MARKS.sub("", h) for h in h1s]
    h1s = [h for h in h1s if key(h) and len(h.split()) <= MAX_H1_WORDS
           and not _is_site(h, sites)]
    h1_keys = {key(h): h for h in h1s}
    for text, origin, cut in cleaned:
        hit = h1_keys.get(key(text))
        if hit is not None:
            return hit, origin, cut
    if not cleaned:
        if len(h1_keys) == 1:
            return h1s[0], "h1", None
        return None, "", None
    best = cleaned[0]
    if best[1] == "title-tag" and not best[2]:
        # Only a <title>: a short tail after a separator ("| Hacker News",
        # "- Doom9's Forum") is the site, even when nothing else names it.
        parts = _SEPARATORS.split(best[0])
        tail = parts[-1] if len(parts) > 1 else ""
        if tail and len(tail.split()) <= MAX_SITE_WORDS < len(best[0].split()) - len(tail.split()):
            best = (best[0][: best[0].rfind(tail)].rstrip(_SEP_CHARS), best[1], tail)
    if h1s:
        head = _words(h1s[0])
        if head and len(head & _words(best[0])) / len(head) >= MIN_H1_OVERLAP:
            return h1s[0], "h1", best[2]
    return best

"""Titles: cutting the site name glued on ("Title | Site"), choosing a candidate.

The site name is only cut when something says it is the site: it equals (or
contains) the site name the page declares, a hostname label, or the part every
title candidate shares. "How X works - 10 lessons" keeps its second half.
"""

from __future__ import annotations

import html
import re
import unicodedata

from cleaner.extract.features import maybe_cjk
from cleaner.metadata.evidence import Candidate

# A headline longer than this is a paragraph styled as h1, not a title.
MAX_H1_WORDS = 25
# Share of the h1's words the structured title must contain for the h1 to be
# taken as the same headline in its visible spelling.
MIN_H1_OVERLAP = 0.5
# A title sharing fewer of its words than this with the others is about
# something else (an embedded video, the organisation).
MAX_UNRELATED_OVERLAP = 0.25
# A chapter title before a book's name has a few words; a single word
# ("Documentation - Page") is a section label in front of the page's title.
MIN_CHAPTER_WORDS = 2
# Only the first few h1s can be the page's headline; later ones are widgets.
MAX_H1S = 4
# A CJK h1 this long found inside the title is its headline (shorter: a logo).
MIN_CJK_H1_CHARS = 4
# A site name is a few words; a longer tail is part of the title.
MAX_SITE_WORDS = 3
# Heading permalink marks that documentation generators append ("Tasks¶").
_ANCHOR_MARKS = re.compile(r"[\s¶#\uf0c1🔗]+$")
_SEPARATORS = re.compile(r"\s+[|–—•·»:/~-]{1,2}\s+|\s*\|\s*")
_SPLITTER = re.compile(f"({_SEPARATORS.pattern})")
# Second-level labels under country domains (example.co.uk, example.com.au).
_REGISTRY_LABELS = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne"})
_SEP_CHARS = " |–—•·»:/~-"
# A title left with only one of these words after a cut was a navigation label
# ("Home - The Blog"): the site name is then kept, it is the informative part.
_NAV_WORDS = frozenset({"home", "homepage", "index", "start", "welcome", "main page"})
# Words a forum or aggregator puts before a thread title ("Tips/Techniques
# ProxMox or...", "News Digital Cameras..."): a label at most this long.
MAX_LABEL_WORDS = 3
# "Story title (example.com) 139": aggregators append the linked domain and a
# comment count to the headline.
_AGGREGATOR_TAIL = re.compile(r"^\s*\((?:[\w-]+\.)+[a-z]{2,}\)\s*\d*\s*$", re.IGNORECASE)
# Where "other symbols" live (Latin-1 signs, letterlike, arrows, dingbats,
# emoji), the degree sign left out; each hit is confirmed by its category.
_MAYBE_SYMBOL = re.compile("[\u00a6-\u00ae\u0482\u2100-\u2bff\u3000-\u303f\U0001f000-\U0001faff]")
# Invisible format characters and variation selectors / emoji joiners.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufe0e\ufe0f"
                        "\U0001f3fb-\U0001f3ff]")


def tidy(text: str) -> str:
    """A title without markup entities, invisible marks and decorative symbols.

    Emoji, (TM), (R) and the like (Unicode "other symbols") decorate a title; they
    are not words of it. The degree sign is kept ("10 deg").
    """
    text = _MAYBE_SYMBOL.sub(_drop_symbol, _INVISIBLE.sub("", html.unescape(text)))
    return " ".join(text.split())


def _drop_symbol(found: re.Match[str]) -> str:
    c = found.group(0)
    return "" if unicodedata.category(c) == "So" else c


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


def _is_nav(text: str) -> bool:
    return " ".join(text.lower().split()).strip(" .") in _NAV_WORDS


def _domain_prefix(title: str, sites: list[str]) -> str | None:
    """A domain name the title starts with, without a separator ("example.com Title")."""
    low = title.lower()
    for site in sites:
        if "." in site and low.startswith(site.lower() + " "):
            return title[: len(site)]
    return None


def split_site_name(title: str, sites: list[str],
                    keep: frozenset[str] = frozenset()) -> tuple[str, str | None]:
    """Cut a site name at either end of a title; return (title, the part cut).

    ``keep`` holds comparison keys of texts the page shows as its headline: a
    segment equal to one is never cut ("Visual Studio Community | Download"
    when the h1 says "Visual Studio Community"). Once the site is cut, short
    segments next to it are a breadcrumb ("Post / Board / Forum Name") and go
    too, as long as they stay shorter than what remains.
    """
    if key(title) in keep:
        return title, None  # the page shows the whole title as its headline
    pieces = _SPLITTER.split(title)
    parts = pieces[::2]
    if len(parts) < 2:  # noqa: PLR2004 - nothing glued on
        domain = _domain_prefix(title, sites)
        if domain and key(domain) not in keep:
            return title[len(domain):].strip(), domain
        return title, None
    for at_end in (True, False):
        edge = parts[-1] if at_end else parts[0]
        if key(edge) in keep or not _is_site(edge, sites):
            continue
        rest = parts[:-1] if at_end else parts[1:]
        seps = pieces[1::2]
        sep = seps[-1] if at_end else seps[0]
        while len(rest) > 1:
            nxt = rest[-1] if at_end else rest[0]
            nxt_sep = seps[len(rest) - 2] if at_end else seps[len(parts) - len(rest)]
            words = len(nxt.split())
            if (key(nxt) in keep or nxt_sep.strip() != sep.strip() or words > MAX_SITE_WORDS
                    or any(c.isdigit() for c in nxt)
                    or 2 * words > sum(len(p.split()) for p in rest) - words):
                break
            rest = rest[:-1] if at_end else rest[1:]
        n = 2 * len(rest) - 1  # the kept parts and the separators between them
        head = "".join(pieces[:n] if at_end else pieces[-n:]).strip(_SEP_CHARS)
        if head and not _is_nav(head):
            return head, edge
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


def _overlap(h1: str, title: str) -> float:
    """Share of the h1's words that the title contains.

    Chinese and Japanese write no spaces between words, so a CJK headline is
    one "word" that the title never equals ("标题_频道_网站"): there the h1
    overlaps fully when the title contains its letters in order."""
    if maybe_cjk(h1):
        hk = key(h1)
        if len(hk) >= MIN_CJK_H1_CHARS and hk in key(title):
            return 1.0
    head = _words(h1)
    return len(head & _words(title)) / len(head) if head else 0.0


def _lossy_copy(h1: str, text: str) -> bool:
    """The h1 is the title with characters lost to "?" or U+FFFD (a charset
    conversion the structured copy escaped): "Beginner? Guide" / "Beginner's Guide".
    """
    h1 = h1.replace("\ufffd", "?")
    if "?" not in h1.rstrip("?") or "?" in text:
        return False
    parts = [re.escape(p) for p in h1.split("?")]
    return re.fullmatch(".{0,3}".join(parts), text, re.IGNORECASE) is not None


def _match_h1(text: str, h1s: list[str]) -> str | None:
    """The title in its visible spelling when an h1 shows this candidate.

    An h1 equal to the candidate gives its spelling, unless it is written in
    capitals (a style, "WEEKEND CODING AGENT") where the candidate's spelling
    is the title's. An h1 that adds a short label in front ("Tips/Techniques
    X", a forum board) or an aggregator's "(example.com) 12" after the
    candidate shows the same headline: the candidate is returned.
    """
    k = key(text)
    if not k:
        return None
    for h in h1s:
        hk = key(h)
        if hk == k:
            return text if h.isupper() and not text.isupper() else h
        if _lossy_copy(h, text):
            return text
    for h in h1s:
        low = h.lower()
        head = low.find(text.lower())
        if head > 0 and h[head - 1].isspace() and not low[head + len(text):].strip():
            label = h[:head].strip()
            if (label and label[-1] not in _SEP_CHARS
                    and len(label.split()) <= MAX_LABEL_WORDS):
                return text
        if head == 0 and _AGGREGATOR_TAIL.match(h[len(text):]):
            return text
    return None


def _by_agreement(cleaned: list[tuple[str, str, str | None]],
                  h1s: list[str]) -> list[tuple[str, str, str | None]]:
    """Demote the most trusted title when two other sources agree on another.

    A JSON-LD ``name`` sometimes describes an embedded object (a video, the
    organisation) rather than the page; OpenGraph and ``<title>`` saying the
    same other thing outvote it, unless a heading repeats it.
    """
    if len(cleaned) < 3:  # noqa: PLR2004 - the top one and two that agree
        return cleaned
    top = cleaned[0][0]
    if any(_overlap(h, top) >= MIN_H1_OVERLAP for h in h1s):
        return cleaned
    others = [key(c[0]) for c in cleaned[1:]]
    for (text, _, _), k in zip(cleaned[1:], others, strict=True):
        if others.count(k) >= 2 and _overlap(top, text) < MAX_UNRELATED_OVERLAP:  # noqa: PLR2004
            return cleaned[1:] + cleaned[:1]
    return cleaned


def _banner_h1s(cands: list[Candidate], h1s: list[str], sites: list[str]) -> list[str]:
    """h1s that are the tail of a title ("Chapter - The Book"): the site's banner.

    A manual or a book shows its own name as the page's h1 and puts the
    chapter first in ``<title>``; that h1 names the site, not the page. A
    tail after a colon is a subtitle ("Blog: Post"), and a title that starts
    with the site's name ("Site | Headline") or a one-word section label
    ("Documentation - Page") has the headline last; every title that ends
    with the h1 must agree.
    """
    if not h1s:
        return []
    votes: dict[str, bool] = {}
    for c in cands:
        pieces = _SPLITTER.split(tidy(c.value))
        if len(pieces) < 3:  # noqa: PLR2004 - no separator
            continue
        tail, head = key(pieces[-1]), "".join(pieces[:-2])
        banner = (":" not in pieces[-2] and len(head.split()) >= MIN_CHAPTER_WORDS
                  and not _is_site(pieces[0], sites))
        votes[tail] = votes.get(tail, True) and banner
    return [h for h in h1s if votes.get(key(h))]


def choose_title(cands: list[Candidate], h1s: list[str],
                 sites: list[str]) -> tuple[str | None, str, str | None]:
    """(title, origin, site part cut off) from the candidates in trust order.

    The visible headline is what readers (and the gold standard) call the
    title; structured titles are often SEO variants of it ("Top 10 X in 2025"
    vs "10 Best X"). So: a candidate that an ``<h1>`` repeats wins in the h1's
    spelling; else the ``<h1>`` that shares most words with the most trusted
    candidate, when at least half of its words (a headline, not "Menu" or a
    logo); else that candidate with the site name cut off. A segment of a
    title that an h1 shows is never cut as a site name.
    """
    h1s = [_ANCHOR_MARKS.sub("", tidy(h)) for h in h1s]
    h1s = [h for h in h1s if key(h) and len(h.split()) <= MAX_H1_WORDS]
    sites = sites + _banner_h1s(cands, h1s, sites)
    # A heading that is exactly the site's name is its logo; one that only
    # contains it ("Visual Studio Community" on the Visual Studio site) names
    # the page and must not be cut from the title.
    site_keys = {key(s) for s in sites}
    keep = frozenset(key(h) for h in h1s) - site_keys
    h1s = [h for h in h1s if not _is_site(h, sites)]
    cleaned: list[tuple[str, str, str | None]] = []
    for c in cands:
        text, cut = split_site_name(tidy(c.value), sites, keep)
        if text:
            cleaned.append((text, c.origin, cut))
    cleaned = _by_agreement(cleaned, h1s)
    for text, origin, cut in cleaned:
        hit = _match_h1(text, h1s)
        if hit is not None:
            return hit, origin, cut
    if not cleaned:
        if len(h1s) == 1:
            return h1s[0], "h1", None
        return None, "", None
    best = cleaned[0]
    pieces = _SPLITTER.split(best[0])
    if not best[2] and len(pieces) > 2 and (best[1] == "title-tag" or "|" in pieces[-2]):  # noqa: PLR2004
        # Nothing names the site, but a short tail after a separator is it
        # ("| Hacker News", "- Doom9's Forum") on a bare <title>; on a
        # structured title only after a pipe, the branding separator (a dash
        # or a colon there starts a subtitle: "How X works - 10 lessons").
        tail = pieces[-1]
        n_tail = len(tail.split())
        if tail and n_tail <= MAX_SITE_WORDS and n_tail <= len(best[0].split()) - n_tail:
            best = (best[0][: best[0].rfind(tail)].rstrip(_SEP_CHARS), best[1], tail)
        hit = _match_h1(best[0], h1s)
        if hit is not None:
            return hit, best[1], best[2]
    if h1s:
        scored = [(_overlap(h, best[0]), -i, h) for i, h in enumerate(h1s[:MAX_H1S])]
        share, _, h1 = max(scored)
        if share >= MIN_H1_OVERLAP:
            return h1, "h1", best[2]
    return best

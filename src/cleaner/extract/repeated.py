"""Site-level boilerplate: lines that repeat across many pages of one site.

A menu entry, a newsletter pitch or a footer line appears on every page of a
site; an article sentence appears on one. ``cleaner batch`` learns this in a
first pass and removes such lines in the second (reason
``repeated-across-pages``). Memory stays small and independent of page size:
the learner keeps, per site key (host name, or input folder when no URL is
known), a page count and a Counter of 64-bit hashes of normalised lines, each
line counted once per page. Pages themselves are never held.

Determinism: hashes are BLAKE2b of the normalised line (not Python's
randomised ``hash``), so two runs, or two worker processes, agree; the result
depends on the set of pages, not on the order in which they were fed.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from cleaner.core.thresholds import Thresholds
from cleaner.extract.lexicon import normalise
from cleaner.extract.segment_text import split_lines
from cleaner.extract.text_prepare import prepare

# Lines shorter than this (after normalising) are not learned: "Home", "Share"
# and "1" repeat everywhere, prose and chrome alike, and the lexicon already
# knows the chrome among them.
MIN_LINE_CHARS = 12


def line_hash(text: str) -> int:
    """Stable 64-bit hash of a line, normalised as the lexicon normalises."""
    norm = normalise(text)
    digest = hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def page_line_hashes(text: str) -> set[int]:
    """The distinct hashes of one page's lines (each counted once per page).

    Lines are cut as the text path cuts them (fragments glued, bullets off),
    so what the learner counts is what :func:`extract_text` looks up."""
    return {line_hash(line.text) for line in split_lines(prepare(text)[0])
            if len(line.text) >= MIN_LINE_CHARS}


def site_key(url: str | None, folder: str | None) -> str:
    """The site a page belongs to: its host, else its input folder."""
    if url:
        host = urlsplit(url).hostname
        if host:
            return host.lower().removeprefix("www.")
    return f"folder:{folder or ''}"


@dataclass(slots=True)
class SiteCounts:
    """Per-site tallies of the first pass."""

    pages: int = 0
    lines: Counter[int] = field(default_factory=Counter)


@dataclass(slots=True)
class RepeatedLineLearner:
    """First pass of batch mode: feed pages, then ask for each site's boilerplate."""

    sites: dict[str, SiteCounts] = field(default_factory=dict)

    def add_page(self, key: str, text: str) -> None:
        """Count one page's distinct lines under its site key."""
        self.add_hashes(key, page_line_hashes(text))

    def add_hashes(self, key: str, hashes: set[int] | frozenset[int]) -> None:
        """Count precomputed hashes (e.g. sent back by a worker process)."""
        site = self.sites.setdefault(key, SiteCounts())
        site.pages += 1
        site.lines.update(hashes)

    def merge(self, other: RepeatedLineLearner) -> None:
        """Fold another learner's counts in (learners from parallel workers)."""
        for key, theirs in other.sites.items():
            site = self.sites.setdefault(key, SiteCounts())
            site.pages += theirs.pages
            site.lines.update(theirs.lines)

    def boilerplate(self, key: str, thresholds: Thresholds) -> frozenset[int]:
        """Hashes of lines on at least ``repeated_min_share`` of the site's pages
        and on at least ``repeated_min_pages`` pages (one page teaches nothing)."""
        site = self.sites.get(key)
        if site is None or site.pages < thresholds.repeated_min_pages:
            return frozenset()
        need = max(thresholds.repeated_min_pages, thresholds.repeated_min_share * site.pages)
        return frozenset(h for h, n in site.lines.items() if n >= need)

    def all_boilerplate(self, thresholds: Thresholds) -> dict[str, frozenset[int]]:
        """Boilerplate of every site seen (second-pass lookup table)."""
        return {key: self.boilerplate(key, thresholds) for key in sorted(self.sites)}

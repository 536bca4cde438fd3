"""Candidate values gathered from every source, before the resolver picks.

Each extractor appends :class:`Candidate` objects under a field name, in its own
order of preference; :mod:`cleaner.metadata.resolve` weighs them by origin.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Origins, most trusted first (the documented order of trust). JSON-LD is written
# for search engines and validated by them; OpenGraph/Twitter cards are checked by
# social previews; plain <meta> names vary by CMS; microdata is often stale
# template markup; <time>/byline markup is visible but position-dependent; URL
# date paths are reliable but coarse; visible text is the last resort.
ORIGINS = ("json-ld", "opengraph", "meta", "microdata", "byline", "url", "text")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One value for one field, where it came from, and why it is weak (if it is)."""

    value: str
    origin: str
    weak: str = ""


@dataclass
class Evidence:
    """Everything a page says about itself, by field, plus page-level hints."""

    fields: dict[str, list[Candidate]] = field(default_factory=dict)
    # schema.org / og:type words (lower case) that hint at the page type.
    types: set[str] = field(default_factory=set)
    # Kind of the JSON-LD main entity: "article", "product", "page" or "".
    main_kind: str = ""
    # Language tags the page declares (html lang, og:locale, inLanguage...).
    declared_languages: list[tuple[str, str]] = field(default_factory=list)
    # Texts of the page's <h1> elements (in document order).
    h1s: list[str] = field(default_factory=list)
    title_tag: str | None = None
    input_url: str | None = None
    # The page looks like a listing (many bylines, a home page): body bylines
    # and dates belong to the listed items, not to the page.
    listing: bool = False
    # Body candidates come from the first post of a discussion thread (whose
    # many replies would otherwise make the page look like a listing).
    thread: bool = False
    # The title the resolver chose (the byline window is anchored on it).
    resolved_title: str | None = None

    def add(self, name: str, value: str | None, origin: str, weak: str = "") -> None:
        """Record a candidate (empty values are ignored)."""
        if value is None:
            return
        value = " ".join(value.split())
        if value:
            self.fields.setdefault(name, []).append(Candidate(value, origin, weak))

    def get(self, name: str) -> list[Candidate]:
        return self.fields.get(name, [])

    def first(self, name: str) -> Candidate | None:
        found = self.fields.get(name)
        return found[0] if found else None

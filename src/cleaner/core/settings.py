"""One frozen Settings object that the library takes and the CLI builds."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

from cleaner.core.errors import UsageError
from cleaner.core.thresholds import DEFAULT_MAX_BYTES, PRESETS, Thresholds

InputMode = Literal["auto", "html", "text"]


@dataclass(frozen=True, slots=True)
class Settings:
    """What to keep and how strict to be. Build with :meth:`from_preset`."""

    preset: str = "balanced"
    thresholds: Thresholds = field(default_factory=lambda: PRESETS["balanced"])
    input_mode: InputMode = "auto"
    # What to keep in the output.
    tables: bool = True
    lists: bool = True
    code: bool = True
    headings: bool = True
    captions: bool = True
    links: bool = False
    images: bool = False
    formatting: bool = False
    # Reader comments go to Document.comments instead of being dropped silently.
    comments: bool = False
    # Ask readability-lxml when our choice of article region is uncertain.
    second_opinion: bool = True
    # Extra chrome phrases to remove (reason user-remove). A plain phrase removes
    # short blocks (<= 60 words) that contain it, case-insensitive; "= phrase"
    # removes blocks that are exactly it (see extract/lexicon.py for the forms).
    extra_phrases: tuple[str, ...] = ()
    # CSS selectors / XPaths (starting with '/') to always remove or keep; HTML
    # only. They act on whole blocks (extract/user_rules.py); keep beats remove.
    remove_selectors: tuple[str, ...] = ()
    keep_selectors: tuple[str, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    # Hashes (extract/repeated.py: line_hash) of lines that repeat across many
    # pages of the page's site; batch mode learns them in a first pass and such
    # lines are removed as repeated-across-pages. Empty for single pages.
    known_boilerplate: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        # Accept lists (and a lone string) for the tuple fields, so that
        # clean(page, remove_selectors=[".ad"]) does what it says.
        for name in ("extra_phrases", "remove_selectors", "keep_selectors"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, (value,))
            elif not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))

    @classmethod
    def from_preset(cls, preset: str = "balanced", **overrides: Any) -> Settings:
        """Settings of a named preset, with field overrides."""
        if preset not in PRESETS:
            raise UsageError(f"unknown preset {preset!r} (choose from {', '.join(PRESETS)})")
        return cls(preset=preset, thresholds=PRESETS[preset]).with_overrides(**overrides)

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with fields replaced; unknown names are a UsageError."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise UsageError(f"unknown setting: {', '.join(unknown)}")
        return replace(self, **overrides)


DEFAULT_SETTINGS = Settings()

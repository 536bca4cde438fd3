"""The data that flows through the pipeline (frozen dataclasses).

read -> decode -> detect -> segment -> classify -> select -> metadata -> render.
HTML and flattened text differ only in how they are segmented; both produce the
same :class:`Block` objects, so every later stage serves both input kinds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from enum import StrEnum
from typing import Any, TypeVar

from cleaner.core.reasons import KEEP_REASONS, Reason

_T = TypeVar("_T")


def _slot_init(cls: type[_T]) -> type[_T]:
    """Give a frozen slots dataclass a faster ``__init__`` (same signature).

    The generated one calls ``object.__setattr__`` per field; this one fills
    each slot through its descriptor, about twice as fast. Features, Block and
    Verdict are built once per block of every page (300,000 on a 50 MB forum page).
    The source is ours and fixed (as dataclasses itself generates it).
    """
    params: list[str] = []
    namespace: dict[str, Any] = {}
    body: list[str] = []
    for f in fields(cls):  # type: ignore[arg-type]
        namespace[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is not MISSING:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        else:
            assert f.default_factory is MISSING, "not supported"
            params.append(f.name)
        body.append(f"    _set_{f.name}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body) + "\n"
    exec(source, namespace)  # our own fixed source, see the docstring
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


class InputKind(StrEnum):
    """What kind of page the input was detected (or forced) to be."""

    HTML = "html"
    TEXT = "text"


class BlockKind(StrEnum):
    """The role of a block in the rendered article."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    QUOTE = "quote"
    CODE = "code"
    TABLE = "table"
    CAPTION = "caption"
    # An image with no text around it (only emitted when Settings.images is on).
    IMAGE = "image"


@dataclass(frozen=True, slots=True)
class Source:
    """Raw input and where it came from, before any decoding."""

    data: bytes | str
    path: str | None = None
    url: str | None = None
    record_id: str | None = None
    content_type: str | None = None
    charset: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """Decoded input: text, the encoding used and the detected kind."""

    text: str
    encoding: str | None
    kind: InputKind
    url: str | None = None


@_slot_init
@dataclass(frozen=True, slots=True)
class Features:
    """Cheap per-block measures that rules read (computed once, at segmentation)."""

    words: int
    chars: int
    link_chars: int = 0
    link_count: int = 0
    # Share of the text that sits inside links (0..1).
    link_density: float = 0.0
    # Text ends like a sentence (. ! ? … : or a closing quote/bracket after one).
    ends_sentence: bool = False
    # Punctuation marks (, . ; : ! ?) per word: prose has many, menus none.
    punct_per_word: float = 0.0


@_slot_init
@dataclass(frozen=True, slots=True)
class Block:
    """One unit of content: a paragraph, heading, list item, quote, code, table.

    ``hints`` are lower-case tokens: for HTML the class/id/role/tag words of the
    block and its ancestors (``"tag:article"``, ``"comment"``, ``"sidebar"``); for
    text the shape marks of the line (``"shape:bullet"``). Rules match on them;
    a rule that needs DOM hints finds none on a text page and abstains.
    """

    id: int
    text: str
    kind: BlockKind
    features: Features
    level: int = 0
    span: str = ""
    hints: frozenset[str] = frozenset()
    # Markdown rendering of the block when it differs from the plain text
    # (links, emphasis, table pipes, code fences); None means "same as text".
    markdown: str | None = None
    # Table cells, row by row, for JSON and Markdown output.
    rows: tuple[tuple[str, ...], ...] = ()
    ordered: bool = False
    # Links found in the block, as (anchor text, absolute or raw URL).
    links: tuple[tuple[str, str], ...] = ()


@_slot_init
@dataclass(frozen=True, slots=True)
class Verdict:
    """The decision about one block: keep or remove, why, which rule, evidence."""

    reason: Reason
    rule: str
    evidence: str = ""

    @property
    def keep(self) -> bool:
        # Reason.keeps inlined: read for every block in several passes a page.
        return self.reason in KEEP_REASONS


@dataclass(frozen=True, slots=True)
class Decision:
    """A block with its verdict (what ``Document.kept`` / ``removed`` list)."""

    block: Block
    verdict: Verdict

    @property
    def text(self) -> str:
        return self.block.text

    @property
    def reason(self) -> Reason:
        return self.verdict.reason

    @property
    def rule(self) -> str:
        return self.verdict.rule

    @property
    def evidence(self) -> str:
        return self.verdict.evidence


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page says about itself. ``sources`` maps a field to its origin.

    Origins are short codes: ``json-ld``, ``opengraph``, ``meta``, ``microdata``,
    ``byline``, ``url``, ``text``, ``title-tag``, ``h1``.
    """

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    date_modified: str | None = None
    site_name: str | None = None
    url: str | None = None
    hostname: str | None = None
    language: str | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    image: str | None = None
    license: str | None = None
    page_type: str | None = None
    word_count: int = 0
    sources: Mapping[str, str] = field(default_factory=dict)
    # Fields that were filled from weak evidence (e.g. an "admin" byline).
    flags: Mapping[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready mapping (tuples become lists)."""
        return {
            "title": self.title,
            "authors": list(self.authors),
            "date": self.date,
            "date_modified": self.date_modified,
            "site_name": self.site_name,
            "url": self.url,
            "hostname": self.hostname,
            "language": self.language,
            "description": self.description,
            "tags": list(self.tags),
            "categories": list(self.categories),
            "image": self.image,
            "license": self.license,
            "page_type": self.page_type,
            "word_count": self.word_count,
            "sources": dict(self.sources),
            "flags": dict(self.flags),
        }


@dataclass(frozen=True, slots=True)
class Comment:
    """A reader comment (only collected when Settings.comments is on)."""

    text: str
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """The result of :func:`cleaner.clean`: article blocks, verdicts, metadata."""

    blocks: tuple[Block, ...]
    verdicts: tuple[Verdict, ...]
    metadata: Metadata
    input_kind: InputKind
    encoding: str | None = None
    comments: tuple[Comment, ...] = ()

    @property
    def decisions(self) -> tuple[Decision, ...]:
        return tuple(Decision(b, v) for b, v in zip(self.blocks, self.verdicts, strict=True))

    @property
    def kept(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.verdict.keep)

    @property
    def removed(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if not d.verdict.keep)

    @property
    def text(self) -> str:
        """The article as plain text: blocks separated by blank lines."""
        from cleaner.outputs.render import render_text

        return render_text(self)

    @property
    def title(self) -> str | None:
        return self.metadata.title

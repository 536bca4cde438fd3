"""``clean()``: the library entry point. It runs the stages in order, nothing else."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from cleaner.core.errors import EmptyInputError, TooLargeError
from cleaner.core.gc_pause import gc_paused
from cleaner.core.model import Comment, Document, InputKind, Page, Source
from cleaner.core.reasons import KEEP_REASONS
from cleaner.core.settings import DEFAULT_SETTINGS, Settings
from cleaner.extract.comments import extract_comments
from cleaner.extract.features import total_words
from cleaner.extract.html_pipeline import Extraction, extract_html
from cleaner.extract.rules.shapes import without_edit_link
from cleaner.extract.text_pipeline import extract_text
from cleaner.inputs.decode import (
    _BOMS,
    GZIP_MAGIC,
    clean_text,
    decode_bytes,
    maybe_gunzip,
    repair_mojibake,
    sniff_utf16,
)
from cleaner.inputs.detect import detect_kind, sniff_binary
from cleaner.inputs.parse import parse_html
from cleaner.metadata.complete import complete_html
from cleaner.metadata.html_meta import collect_html, resolve_html
from cleaner.metadata.text_meta import text_page_metadata

# Pages at least this long (characters of HTML) have their tree freed while it
# is segmented: the tree is ~7x the page, and held whole beside the blocks it
# made a 50 MB page peak at 16x. Far above ordinary pages (a few hundred kB),
# which keep the readability second opinion that a pruned tree cannot give.
PRUNE_ABOVE_CHARS = 5_000_000


def as_source(data: str | bytes | Source, url: str | None = None) -> Source:
    """Wrap raw input in a Source (a Source passes through, url filled if missing)."""
    if isinstance(data, Source):
        return data if url is None or data.url else replace(data, url=url)
    return Source(data=data, url=url)


def read_page(source: Source, settings: Settings) -> Page:
    """Decode and detect: bytes or str in, a Page (text, encoding, kind) out."""
    data = source.data
    if isinstance(data, bytes):
        if len(data) > settings.max_bytes:
            raise TooLargeError(f"{len(data)} bytes exceeds the limit of {settings.max_bytes}")
        data = maybe_gunzip(data, settings.max_bytes)
        if not data.strip():
            raise EmptyInputError("the input is empty")
        if not any(data.startswith(bom) for bom, _ in _BOMS) and not sniff_utf16(data):
            sniff_binary(data)
        decoded = decode_bytes(data, source.charset)
        text, encoding = decoded.text, decoded.encoding
    else:
        if len(data) > settings.max_bytes:
            raise TooLargeError(f"{len(data)} characters exceeds the limit of {settings.max_bytes}")
        if data.startswith(GZIP_MAGIC.decode("latin-1")):
            try:  # gzip bytes smuggled in a str; other text starting so is text
                return read_page(replace(source, data=data.encode("latin-1")), settings)
            except UnicodeEncodeError:
                pass
        text, encoding = data, None
    text, repaired = repair_mojibake(text)
    if repaired:
        encoding = f"{encoding or 'text'}+mojibake-repaired"
    # Lone surrogates (str input), NUL and control characters: see clean_text.
    text = clean_text(text)
    if not text.strip():
        raise EmptyInputError("the input is empty")
    if settings.input_mode == "html":
        kind = InputKind.HTML
    elif settings.input_mode == "text":
        kind = InputKind.TEXT
    else:
        kind = detect_kind(text)
    return Page(text=text, encoding=encoding, kind=kind, url=source.url)


def clean(
    data: str | bytes | Source,
    url: str | None = None,
    settings: Settings | None = None,
    **overrides: Any,
) -> Document:
    """Extract the article and metadata from one page (HTML or flattened text).

    ``data`` is raw bytes (any encoding, optionally gzip), decoded text, or a
    :class:`Source`. ``url`` is the page's address, used to resolve links and as
    metadata. ``settings`` (or keyword overrides of its fields, e.g.
    ``tables=False``) steer what is kept. Raises a :class:`CleanerError` subclass
    for input that is not a page.
    """
    # Nothing here builds reference cycles: see cleaner.core.gc_pause for why.
    with gc_paused():
        return _clean(data, url, settings, overrides)


def _without_edit_links(result: Extraction) -> Extraction:
    """Kept headings without MediaWiki's "[edit]" link (an inline span the walk
    cannot drop without reading the class of every inline element)."""
    blocks = list(result.blocks)
    changed = False
    for i, (b, v) in enumerate(zip(blocks, result.verdicts, strict=True)):
        if v.reason in KEEP_REASONS and b.text.endswith("]"):
            text = without_edit_link(b.text, b.features.words)
            if text != b.text:
                md = without_edit_link(b.markdown, b.features.words) if b.markdown else None
                blocks[i] = replace(b, text=text, markdown=md)
                changed = True
    return replace(result, blocks=tuple(blocks)) if changed else result


def _clean(data: str | bytes | Source, url: str | None, settings: Settings | None,
           overrides: dict[str, Any]) -> Document:
    settings = settings or DEFAULT_SETTINGS
    if overrides:
        settings = settings.with_overrides(**overrides)
    source = as_source(data, url)
    page = read_page(source, settings)
    comments: tuple[Comment, ...] = ()
    if page.kind is InputKind.HTML:
        root = parse_html(page.text)
        prune = len(page.text) >= PRUNE_ABOVE_CHARS
        # The tree holds the text now: drop the decoded copy (as large as the page).
        page = replace(page, text="")
        # Markup metadata first: the title drops the repeated headline block.
        evidence = collect_html(root, page.url)
        meta = resolve_html(evidence)
        # Read before extraction: later stages may rework the tree.
        comments = extract_comments(root) if settings.comments else ()
        result = extract_html(root, meta.url or page.url, meta.title, settings, prune)
        # Then the visible bylines, the language check and the page type.
        meta = complete_html(evidence, result.blocks, result.verdicts)
    else:
        result = extract_text(page.text, None, settings)
        found = result.findings
        meta = text_page_metadata(found.title, found.authors, found.date, page.url,
                                  result.blocks, result.verdicts)
    result = _without_edit_links(result)
    kept = [b for b, v in zip(result.blocks, result.verdicts, strict=True)
            if v.reason in KEEP_REASONS]
    if page.kind is InputKind.HTML:
        # Every HTML block's features.words is count_words(block.text) already
        # (measure() counts the same runs): no second pass over the text.
        words = sum(b.features.words for b in kept)
    else:
        words = total_words([b.text for b in kept])
    meta = replace(meta, word_count=words)
    return Document(
        blocks=result.blocks,
        verdicts=result.verdicts,
        metadata=meta,
        input_kind=page.kind,
        encoding=page.encoding,
        comments=comments,
    )

"""Is this HTML, plain text, or not a page at all?

Rule (tested in tests/test_detect.py): binary magic numbers or NUL-rich data are
not pages. Otherwise the input is HTML when its first non-blank character is
``<``, a known HTML tag appears near the start, and either the opening tag is a
document-level one (doctype, ``<html>``, ``<head>``, ``<meta>``...) or tags keep
coming (one per 4 KB of the first 64 KB); or when known HTML tags are dense in
its first 64 KB (at least ``_MIN_TAGS`` of them and one per 512 characters).
Everything else is flattened text: a scrape that starts with a leaked tracking
pixel, or the text of a tutorial that quotes some tags, stays text.
"""

from __future__ import annotations

import re

from cleaner.core.errors import NotAPageError
from cleaner.core.model import InputKind

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
    (b"(\xb5/\xfd", "zstd data"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00 ftyp", "an MP4 video"),
    (b"OggS", "an Ogg file"),
    (b"ID3", "an MP3 file"),
    (b"\x7fELF", "an executable"),
    (b"\x1f\x8b", "gzip data nested more than three deep"),
    (b"MZ", "an executable"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)
_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|span|a|br|table|script|style|link|"
    r"h[1-6]|ul|ol|li|article|section|nav|header|footer|main|img|form|frameset|svg)\b",
    re.IGNORECASE,
)
_SCAN = 65536
_MIN_TAGS = 3
# Markup that does not open with a tag must be dense to be HTML: flattened text of
# a page about HTML quotes a tag every few kilobytes, real markup several per line.
_TAG_EVERY_CHARS = 512
# Text that opens with a stray tag (a tracking pixel leaked into a scrape) is
# still text unless tags keep coming; a document-level opening tag settles it.
_TAG_EVERY_CHARS_LED = 4096
_DOCUMENT_START = re.compile(
    r"<(?:!doctype|\?xml|html|head|body|meta|title|!--|link|script|style|base|frameset)\b",
    re.IGNORECASE,
)
# Share of NUL / control bytes above which data is binary, not text. Random or
# compressed bytes have ~9% (23 of 256 values); text, even with stray control
# characters or ISO-2022 escapes, well under 1%.
_BINARY_SHARE = 0.03


# Bytes below 32 other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL_BYTES = bytes(b for b in range(32) if not 9 <= b <= 13)  # noqa: PLR2004


def sniff_binary(data: bytes) -> None:
    """Raise NotAPageError for images, PDFs, archives and other binary data."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise NotAPageError(f"input is {what}, not a web page")
    head = data[:4096]
    if not head:
        return
    # Count control bytes in C: delete them and compare lengths.
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls / len(head) > _BINARY_SHARE:
        raise NotAPageError("input looks like binary data, not a web page")


def detect_kind(text: str) -> InputKind:
    """HTML or flattened text (see the module docstring for the rule)."""
    head = text[:_SCAN]
    stripped = head.lstrip()
    tags = len(_TAG.findall(head))
    if stripped.startswith("<") and _TAG.search(stripped[:4096]) and (
        _DOCUMENT_START.match(stripped) or tags * _TAG_EVERY_CHARS_LED >= len(head)
    ):
        return InputKind.HTML
    if tags >= _MIN_TAGS and tags * _TAG_EVERY_CHARS >= len(head):
        return InputKind.HTML
    return InputKind.TEXT

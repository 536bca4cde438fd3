"""Bytes to text: gzip, BOM, declared charset, then detection.

Order of trust, and why:
1. A byte-order mark is unambiguous.
2. Bytes that decode as strict UTF-8 and contain non-ASCII are UTF-8: legacy
   single-byte text almost never forms valid multi-byte sequences, while pages
   that *declare* latin-1 but are UTF-8 are common.
3. The HTTP header charset, then ``<meta charset>`` / http-equiv, if they decode
   the bytes without error.
4. Detection by bs4's UnicodeDammit (which asks charset-normalizer).
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from dataclasses import dataclass

from cleaner.core.errors import InputReadError, TooLargeError, UndecodableError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]{2,40})""", re.IGNORECASE
)
# How far into the document a <meta charset> may appear (HTML says 1024 bytes;
# real pages put long <head>s first, so we look further).
_META_SCAN_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def gunzip_bounded(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing output larger than ``max_bytes``."""
    out = bytearray()
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    view = memoryview(data)
    try:
        while view:
            chunk = d.decompress(view[:1 << 20], max_bytes + 1 - len(out))
            out += chunk
            if len(out) > max_bytes:
                raise TooLargeError(f"decompressed input exceeds {max_bytes} bytes")
            if d.unconsumed_tail:
                view = memoryview(d.unconsumed_tail)
                continue
            view = view[1 << 20 :]
            if d.eof:
                break
    except zlib.error as exc:
        raise InputReadError(f"corrupt gzip data ({exc})") from exc
    if not d.eof:
        raise InputReadError("truncated gzip data")
    return bytes(out)


def maybe_gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress when the data starts with the gzip magic number."""
    if data[:2] == GZIP_MAGIC:
        return gunzip_bounded(data, max_bytes)
    return data


def _normalise_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'").lower()).name
    except LookupError:
        return None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def sniff_utf16(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 from the pattern of NUL bytes in ASCII text."""
    head = data[:400]
    if len(head) < 4:  # noqa: PLR2004 - too short to tell
        return None
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    half = len(head) // 2
    if odd_nuls > 0.6 * half and even_nuls < 0.1 * half:
        return "utf-16-le"
    if even_nuls > 0.6 * half and odd_nuls < 0.1 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode page bytes to text, remembering the encoding used."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(enc, errors="replace")
            return Decoded(text, enc.replace("-le", "").replace("-be", "") if "8" in enc else enc)
    utf16 = sniff_utf16(data)
    if utf16:
        return Decoded(data.decode(utf16, errors="replace"), utf16)
    if data.isascii():
        return Decoded(data.decode("ascii"), "ascii")
    text = _try(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    candidates: list[str] = []
    http = _normalise_codec(declared)
    if http:
        candidates.append(http)
    match = _META_CHARSET.search(data[:_META_SCAN_BYTES])
    if match:
        meta = _normalise_codec(match.group(1).decode("ascii", "ignore"))
        if meta:
            candidates.append(meta)
    for enc in candidates:
        # latin-1 decodes anything: the web means windows-1252 when it says it.
        if enc in ("latin_1", "iso8859-1", "ascii"):
            enc = "cp1252"
        if enc.startswith("utf_16") or enc.startswith("utf-16"):
            continue
        text = _try(data, enc)
        if text is not None:
            return Decoded(text, enc)
    return _detect(data)


def _detect(data: bytes) -> Decoded:
    from bs4 import UnicodeDammit

    dammit = UnicodeDammit(data[: 1 << 20], is_html=True)
    enc = dammit.original_encoding
    if enc:
        text = _try(data, enc)
        if text is not None:
            return Decoded(text, enc)
    # Mixed encodings inside one page: keep the UTF-8 parts, map the rest.
    try:
        return Decoded(data.decode("utf-8", errors="replace"), "utf-8-replace")
    except Exception as exc:  # pragma: no cover - decode with replace cannot fail
        raise UndecodableError(str(exc)) from exc

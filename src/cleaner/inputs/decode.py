"""Bytes to text: gzip, BOM, declared charset, then detection.

Order of trust, and why:
1. A byte-order mark is unambiguous; so is the NUL pattern of BOM-less UTF-16.
2. Bytes that decode as strict UTF-8 and contain non-ASCII are UTF-8: legacy
   single-byte text almost never forms valid multi-byte sequences, while pages
   that *declare* latin-1 but are UTF-8 are common.
3. Mostly-UTF-8 with some invalid bytes is a page with mixed encodings (a UTF-8
   template around a legacy fragment): the invalid bytes are read as
   windows-1252, the usual culprit, so neither part turns into mojibake.
4. The HTTP header charset, then the document's own declaration (``<meta
   charset>``, http-equiv, or an XML declaration: found by beautifulsoup4's
   ``EncodingDetector``, which knows the shapes declarations take in the wild),
   if they decode the bytes without error. A single-byte declaration (which decodes anything)
   on bytes shaped like a CJK multi-byte encoding is checked by detection.
5. Detection by charset-normalizer (a core dependency; it is bs4's detector too).
6. UTF-8 with the windows-1252 fallback: never fails.

Then one repair: text that was already mojibake in the bytes (UTF-8 decoded as
windows-1252 by some earlier tool and re-encoded, "itertools â\x80\x94 ...")
is fixed by ftfy, but only when the tell-tale pairs occur: ftfy is the
well-kept reference for undoing exactly this, and its badness heuristics leave
real text alone.
"""

from __future__ import annotations

import codecs
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
# How far into the document a <meta charset> may appear (HTML says 1024 bytes;
# real pages put long <head>s first, so we look further).
_META_SCAN_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"
# Detection reads this much of the page: enough for a confident guess, and it
# keeps detection cost flat on 50 MB pages.
_DETECT_BYTES = 65536
# BOM-less UTF-16: share of NUL bytes at one parity (ASCII markup gives ~50%;
# CJK text less) while the other parity has almost none (binary has both).
_UTF16_HEAD = 4096
_UTF16_MIN_NULS = 0.2
_UTF16_MAX_OTHER = 0.02
# Share of non-ASCII bytes sitting next to another non-ASCII byte above which a
# single-byte declaration is doubted (Western text has isolated accented
# letters; CJK multi-byte text is all runs).
_RUN_SHARE_DOUBT = 0.9
_HIGH_BYTES = bytes(range(128, 256))
_HIGH_RUN = re.compile(rb"[\x80-\xff]{2,}")
_MULTIBYTE = frozenset({
    "shift_jis", "cp932", "euc_jp", "euc_jis_2004", "euc_jisx0213", "iso2022_jp",
    "gb2312", "gbk", "gb18030", "hz", "big5", "big5hkscs", "cp950", "euc_kr", "cp949",
    "johab", "iso2022_kr",
})
# charset-normalizer cannot tell the Latin code pages apart on short text and
# may answer cp1257 for French; windows-1252 is by far the most common of them
# on the web (and the WHATWG default for unlabelled Western pages), so it wins
# a near tie with another Latin single-byte guess.
_LATIN_TIE = 0.15
_LATIN_FAMILY = re.compile(r"^(?:cp125[0-8]|iso8859_(?:[1-4]|9|1[0345])|latin_1|mac_\w+)$")
_FALLBACK_ERRORS = "cleaner-cp1252-fallback"
# A decoding that had to replace more than this share of the characters is not
# text (e.g. a UTF-8 byte-order mark in front of an image).
_MAX_REPLACED_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read the undecodable bytes as windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error(_FALLBACK_ERRORS, _cp1252_fallback)


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


# Servers that gzip an already gzipped file send two layers; more is an attack.
_MAX_GZIP_LAYERS = 3


def maybe_gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress (up to three nested layers) while the data starts with the gzip magic."""
    for _ in range(_MAX_GZIP_LAYERS):
        if data[:2] != GZIP_MAGIC:
            break
        data = gunzip_bounded(data, max_bytes)
    return data


# What a charset label can look like (WHATWG labels, IANA names, Python aliases).
_CODEC_NAME = re.compile(r"[a-z0-9][a-z0-9_:.\-]{0,39}")


def _normalise_codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    if not _CODEC_NAME.fullmatch(name):
        return None  # a declaration is a short ASCII label; anything else is noise
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def sniff_utf16(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 from the pattern of NUL bytes."""
    head = data[:_UTF16_HEAD]
    half = len(head) // 2
    if half < 2:  # noqa: PLR2004 - too short to tell
        return None
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    if odd_nuls >= _UTF16_MIN_NULS * half and even_nuls <= _UTF16_MAX_OTHER * half:
        return "utf-16-le"
    if even_nuls >= _UTF16_MIN_NULS * half and odd_nuls <= _UTF16_MAX_OTHER * half:
        return "utf-16-be"
    return None


def _utf8_dominates(data: bytes) -> bool:
    """More valid UTF-8 multi-byte characters than invalid bytes."""
    sample = data[: 1 << 20]
    text = sample.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - sample.count(b"\xef\xbf\xbd")
    continuation = len(sample) - len(text)  # bytes beyond the first of each sequence
    return continuation > 0 and continuation >= invalid


def _runs_share(sample: bytes) -> float:
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    if not high:
        return 0.0
    return sum(len(run) for run in _HIGH_RUN.findall(sample)) / high


def declared_in_document(data: bytes) -> str | None:
    """The charset the page declares for itself (XML declaration or ``<meta>``)."""
    from bs4.dammit import EncodingDetector

    return EncodingDetector.find_declared_encoding(
        data[:_META_SCAN_BYTES], is_html=True, search_entire_document=True)


def detect_encoding(data: bytes) -> str | None:
    """charset-normalizer's best guess for the page, with the Latin tie rule."""
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:_DETECT_BYTES]))
    if not results:
        return None
    best = results[0]
    name = _normalise_codec(best.encoding) or best.encoding
    if _LATIN_FAMILY.match(name) and name != "cp1252":
        for other in results[1:]:
            if (_normalise_codec(other.encoding) == "cp1252"
                    and other.chaos <= best.chaos + _LATIN_TIE):
                return "cp1252"
    return name


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode page bytes to text, remembering the encoding used.

    Raises UndecodableError when the best decoding is mostly replacement marks.
    """
    decoded = _decode(data, declared)
    if decoded.text.count("\ufffd") > _MAX_REPLACED_SHARE * len(decoded.text):
        raise UndecodableError(f"bytes are not text in {decoded.encoding} nor in any "
                               "encoding detection proposes")
    return decoded


def _decode(data: bytes, declared: str | None) -> Decoded:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(enc, errors="replace")
            return Decoded(text, enc.replace("-le", "").replace("-be", "") if "8" in enc else enc)
    utf16 = sniff_utf16(data)
    if utf16:
        return Decoded(data.decode(utf16, errors="replace"), utf16)
    if data.isascii():
        return Decoded(data.decode("ascii"), "ascii")
    strict = _try(data, "utf-8")
    if strict is not None:
        return Decoded(strict, "utf-8")
    if _utf8_dominates(data):
        return Decoded(data.decode("utf-8", errors=_FALLBACK_ERRORS), "utf-8+cp1252")
    candidates: list[str] = []
    http = _normalise_codec(declared)
    if http:
        candidates.append(http)
    meta = _normalise_codec(declared_in_document(data))
    if meta:
        candidates.append(meta)
    for enc in candidates:
        # latin-1 decodes anything: the web means windows-1252 when it says it.
        if enc in ("latin_1", "iso8859-1", "ascii"):
            enc = "cp1252"
        if enc.startswith(("utf_16", "utf-16", "utf_32", "utf-32", "utf_8", "utf-8")):
            continue  # UTF-8 was tried; a UTF-16/32 label on 8-bit bytes is a lie
        legacy = _try(data, enc)
        if legacy is None:
            continue
        if enc not in _MULTIBYTE and _runs_share(data[:_DETECT_BYTES]) > _RUN_SHARE_DOUBT:
            guess = detect_encoding(data)
            if guess in _MULTIBYTE and guess != enc:
                better = _try(data, guess)
                if better is not None:
                    return Decoded(better, guess)
        return Decoded(legacy, enc)
    return _detect(data)


def _detect(data: bytes) -> Decoded:
    enc = detect_encoding(data)
    if enc and not enc.startswith(("utf_16", "utf_32")):
        text = _try(data, enc)
        if text is not None:
            return Decoded(text, enc)
    # Nothing fits all of the page: keep the UTF-8 parts, read the rest as cp1252.
    return Decoded(data.decode("utf-8", errors=_FALLBACK_ERRORS), "utf-8+cp1252")


# A UTF-8 lead byte (Â, Ã, â: the lead bytes of Latin-1 letters and of the
# punctuation block) read as windows-1252 / latin-1 and followed by what a
# continuation byte reads as there: the signature of double-encoded UTF-8.
_MOJIBAKE_PAIR = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161"
                            "\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e"
                            "\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
# Pairs needed before the page is handed to ftfy: one or two can be real
# (a name spelled "SÃ¡" in a quoted mojibake sample); a double-encoded page has
# them in every paragraph.
MIN_MOJIBAKE_PAIRS = 3


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Undo UTF-8 text that was decoded as windows-1252 before it reached us."""
    if "\u00c2" not in text and "\u00c3" not in text and "\u00e2" not in text:
        return text, False  # C-speed scans; the regex below walks Python-side per match
    pairs = _MOJIBAKE_PAIR.finditer(text)
    if sum(1 for _, _ in zip(range(MIN_MOJIBAKE_PAIRS), pairs, strict=False)) < MIN_MOJIBAKE_PAIRS:
        return text, False
    from ftfy import fix_encoding

    fixed = fix_encoding(text)
    return fixed, fixed != text


# C0 controls other than tab, line feed and carriage return, DEL, and the C1
# controls: no page means them as text, lxml refuses them in XML output, and a
# stray ESC sequence would reach the user's terminal. NUL is deleted (it splits
# words when a UTF-16 page was read as 8-bit); the others become a space.
_C0_BYTES = bytes(range(0, 9)) + b"\x0b\x0c" + bytes(range(14, 32)) + b"\x7f"
_CONTROLS = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Lone surrogates to U+FFFD, NUL deleted, other control characters to spaces.

    Fast path: one encode and one byte translation tell whether there is
    anything to do, so clean 50 MB pages cost ~0.3 s here, not a regex pass.
    """
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:
        # Only ``str`` input can hold lone surrogates (e.g. JSON "\ud800").
        text = _SURROGATES.sub("\ufffd", text)
        raw = text.encode("utf-8")
    if len(raw.translate(None, _C0_BYTES)) == len(raw) and not _C1_UTF8.search(raw):
        return text
    if "\x00" in text:
        text = text.replace("\x00", "")
    return _CONTROLS.sub(" ", text)

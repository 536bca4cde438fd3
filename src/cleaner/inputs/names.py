"""Output names built from input paths, record ids and URLs: traceable and safe.

Names must stay traceable to their input (never a content hash) yet a hostile id
or URL (``../../etc/passwd``, ``/abs``, NUL bytes, 10 kB names) must never write
outside the output directory. Every component is cleaned here, and
:func:`safe_join` checks the final path as a last line of defence.
"""

from __future__ import annotations

import re

# Linux NAME_MAX is 255 bytes; we stay well below it so that the format suffix,
# the ".part" temp suffix and a pid still fit.
MAX_COMPONENT_BYTES = 150
# Slugs of URLs and record ids: long enough to recognise the page, short
# enough that deep URL paths do not produce unwieldy names.
MAX_SLUG_CHARS = 80
# A trailing ".xyz" at most this long is a file suffix worth keeping when a
# long name is cut (".html", ".jsonl"); longer ones are just part of the name.
MAX_SUFFIX_CHARS = 10
# Characters that never go into a name: control chars, NUL, path separators
# and those Windows refuses (outputs are often copied to other systems).
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
_SLUG_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _truncate_bytes(text: str, limit: int) -> str:
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", errors="ignore")


def clean_component(part: str) -> str:
    """One path component made safe: no separators, no control chars, not '.'/'..'."""
    part = _UNSAFE.sub("_", part).strip()
    if part in ("", "."):
        return "_"
    if part == "..":
        return "__"
    if len(part.encode("utf-8")) > MAX_COMPONENT_BYTES:
        stem, dot, suffix = part.rpartition(".")
        if dot and 0 < len(suffix) <= MAX_SUFFIX_CHARS:
            part = _truncate_bytes(stem, MAX_COMPONENT_BYTES - len(suffix) - 1) + "." + suffix
        else:
            part = _truncate_bytes(part, MAX_COMPONENT_BYTES)
    return part


def clean_relpath(path: str) -> str:
    """A relative POSIX path from any string: absolute roots dropped, '..' neutralised."""
    parts = [p for p in re.split(r"[/\\]+", path) if p not in ("", ".")]
    cleaned = [clean_component(p) for p in parts]
    return "/".join(cleaned) or "_"


def slug(text: str) -> str:
    """A short, readable, safe name piece from a URL or a record id."""
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text.strip(), flags=re.IGNORECASE)
    text = text.removeprefix("<").removesuffix(">").removeprefix("urn:")
    out = _SLUG_UNSAFE.sub("_", text).strip("._-")
    return out[:MAX_SLUG_CHARS].rstrip("._-") or "record"


def strip_page_suffix(name: str) -> str:
    """'a/b.html.gz' -> 'a/b' (compression suffix, then the last suffix, dropped)."""
    if name.lower().endswith(".gz"):
        name = name[:-3]
    head, sep, tail = name.rpartition("/")
    if "." in tail.lstrip("."):
        tail = tail[: tail.rfind(".")]
    return head + sep + tail

"""Batch inputs -> :class:`Task` records: page files, directories, WARC and JSONL.

This is the only module that walks the filesystem for batches. Everything is a
generator in a deterministic order (sorted directory walks, file order inside
WARC/JSONL), so two runs over the same inputs enumerate the same tasks with the
same indexes: resume and byte-identical reruns depend on it.

WARC is read with **warcio**: pure Python (no compiler needed on any node), the
reference library of the web-archiving community, and the same library the tests
use to write WARCs. fastwarc parses faster, but reading a record costs far less
than cleaning it, so its speed would not show in a batch's throughput.
"""

from __future__ import annotations

import fnmatch
import gzip
import json
import os
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import IO, Any

from cleaner.core.errors import InputReadError, UsageError

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt")
WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
# HTTP content types of WARC responses that are pages; anything else (images,
# scripts, PDFs) is skipped. A response without a content type is tried.
PAGE_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass(frozen=True, slots=True)
class InputOptions:
    """How to find and read batch inputs (CLI options of the same names)."""

    glob: str | None = None
    html_key: str = "html"
    text_key: str = "text"
    id_key: str = "id"
    url_key: str = "url"
    max_bytes: int = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Task:
    """One page to clean and where it came from.

    ``key`` is the output name without suffix (relative, made safe by the sink);
    ``data`` is None for page files, which the worker reads itself so the main
    process never holds page bytes. ``error`` is a (kind, message) found while
    reading the container (a corrupt WARC, a line that is not JSON).
    """

    key: str
    id: str
    path: str
    offset: int | None = None
    line: int | None = None
    data: bytes | str | None = None
    url: str | None = None
    charset: str | None = None
    content_type: str | None = None
    text_input: bool = False
    extra: dict[str, Any] | None = field(default=None, hash=False)
    error: tuple[str, str] | None = None

    def origin(self) -> dict[str, Any]:
        """The traceable source: input path and, inside a container, offset or line."""
        out: dict[str, Any] = {"path": self.path}
        if self.offset is not None:
            out["offset"] = self.offset
        if self.line is not None:
            out["line"] = self.line
        return out

    def where(self) -> str:
        """Short human form of :meth:`origin` for messages."""
        if self.offset is not None:
            return f"{self.path}@{self.offset}"
        if self.line is not None:
            return f"{self.path}:{self.line}"
        return self.path


def _lower_name(path: str) -> str:
    return os.path.basename(path).lower()


def is_warc(path: str) -> bool:
    return _lower_name(path).endswith(WARC_SUFFIXES)


def is_jsonl(path: str) -> bool:
    return _lower_name(path).endswith(JSONL_SUFFIXES)


def is_page_file(path: str) -> bool:
    name = _lower_name(path).removesuffix(".gz")
    return name.endswith(PAGE_SUFFIXES)


def _container_stem(key: str) -> str:
    low = key.lower()
    for suffix in sorted(WARC_SUFFIXES + JSONL_SUFFIXES, key=len, reverse=True):
        if low.endswith(suffix):
            return key[: -len(suffix)]
    return key


def _record_key(prefix: str, ordinal: int, name: str) -> str:
    from cleaner.inputs.names import slug

    return f"{prefix}/{ordinal:07d}-{slug(name)}"


def _charset_of(content_type: str | None) -> str | None:
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _is_page_type(content_type: str | None) -> bool:
    if not content_type:
        return True
    mime = content_type.split(";")[0].strip().lower()
    return mime in PAGE_CONTENT_TYPES


def warc_tasks(path: str, prefix: str, max_bytes: int) -> Iterator[Task]:
    """Response records with a page payload; WARC-Record-ID is the id."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    ordinal = 0
    try:
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                ordinal += 1
                if record.rec_type != "response":
                    continue
                ctype = record.http_headers.get_header("Content-Type") if record.http_headers \
                    else None
                if not _is_page_type(ctype):
                    continue
                rid = record.rec_headers.get_header("WARC-Record-ID") or f"{path}#{ordinal}"
                uri = record.rec_headers.get_header("WARC-Target-URI")
                payload = record.content_stream().read(max_bytes + 1)
                error = None
                if len(payload) > max_bytes:
                    error = ("too-large", f"record payload exceeds {max_bytes} bytes")
                    payload = b""
                yield Task(
                    key=_record_key(prefix, ordinal, uri or rid), id=rid, path=path,
                    offset=records.get_record_offset(), data=payload or None, url=uri,
                    charset=_charset_of(ctype), content_type=ctype, error=error,
                )
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
        ordinal += 1
        yield Task(key=_record_key(prefix, ordinal, "unreadable"), id=f"{path}#{ordinal}",
                   path=path, error=("read-error", f"corrupt WARC after record "
                                                   f"{ordinal - 1}: {exc}"))


def _open_maybe_gzip(path: str) -> IO[bytes]:
    if path.lower().endswith(".gz"):
        return gzip.GzipFile(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def jsonl_tasks(path: str, prefix: str, opts: InputOptions) -> Iterator[Task]:
    """One task per JSON line; the html (or text) key is the page, the rest is carried."""
    lineno = 0
    consumed = {opts.html_key, opts.text_key, opts.id_key, opts.url_key}
    try:
        with _open_maybe_gzip(path) as fh:
            for lineno, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                fallback_id = f"{os.path.basename(path)}:{lineno}"
                try:
                    obj = json.loads(raw)
                except ValueError as exc:
                    yield Task(key=_record_key(prefix, lineno, fallback_id), id=fallback_id,
                               path=path, line=lineno, error=("read-error", f"not JSON: {exc}"))
                    continue
                yield _jsonl_task(obj, path, prefix, lineno, fallback_id, consumed, opts)
    except (OSError, EOFError, zlib.error) as exc:
        lineno += 1
        fallback_id = f"{os.path.basename(path)}:{lineno}"
        yield Task(key=_record_key(prefix, lineno, "unreadable"), id=fallback_id, path=path,
                   line=lineno, error=("read-error", f"unreadable after line {lineno - 1}: "
                                                     f"{exc}"))


def _jsonl_task(obj: Any, path: str, prefix: str, lineno: int, fallback_id: str,
                consumed: set[str], opts: InputOptions) -> Task:
    if not isinstance(obj, dict):
        return Task(key=_record_key(prefix, lineno, fallback_id), id=fallback_id, path=path,
                    line=lineno, error=("read-error", "the line is not a JSON object"))
    rid = obj.get(opts.id_key)
    rid = str(rid) if rid is not None else fallback_id
    url = obj.get(opts.url_key)
    url = url if isinstance(url, str) else None
    html, text = obj.get(opts.html_key), obj.get(opts.text_key)
    extra = {k: v for k, v in obj.items() if k not in consumed}
    key = _record_key(prefix, lineno, rid)
    if isinstance(html, str) and html:
        return Task(key=key, id=rid, path=path, line=lineno, data=html, url=url, extra=extra)
    if isinstance(text, str) and text:
        return Task(key=key, id=rid, path=path, line=lineno, data=text, url=url,
                    text_input=True, extra=extra)
    return Task(key=key, id=rid, path=path, line=lineno, extra=extra,
                error=("empty-input", f"no {opts.html_key!r} or {opts.text_key!r} value"))


def file_tasks(path: str, key: str, opts: InputOptions,
               keep_suffix: bool = False) -> Iterator[Task]:
    """The tasks of one input file: a page, or every record of a WARC/JSONL.

    ``keep_suffix`` keeps the page's own suffix in its output name (``a.html`` ->
    ``a.html.txt``): used when a sibling has the same stem (``a.txt``), so that
    neither output overwrites the other.
    """
    if is_warc(path):
        yield from warc_tasks(path, _container_stem(key), opts.max_bytes)
    elif is_jsonl(path):
        yield from jsonl_tasks(path, _container_stem(key), opts)
    else:
        from cleaner.inputs.names import strip_page_suffix

        if keep_suffix:
            name = key[:-3] if key.lower().endswith(".gz") else key
        else:
            name = strip_page_suffix(key)
        yield Task(key=name, id=key, path=path)


def _wanted(rel: str, opts: InputOptions) -> bool:
    if opts.glob:
        return fnmatch.fnmatch(rel, opts.glob) or fnmatch.fnmatch(os.path.basename(rel), opts.glob)
    return is_page_file(rel) or is_warc(rel) or is_jsonl(rel)


def walk_files(root: str, opts: InputOptions) -> Iterator[tuple[str, str, bool]]:
    """(path, path relative to root, stem shared) of the wanted files under ``root``, sorted.

    "Stem shared" flags a page file whose output name (``a`` for ``a.html``) another
    page file of the same directory would also get (``a.txt``, ``a.htm.gz``).
    """
    from cleaner.inputs.names import strip_page_suffix

    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        # (path, rel, output stem; None for WARC/JSONL, whose records are named apart)
        wanted: list[tuple[str, str, str | None]] = []
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            if _wanted(rel, opts):
                container = is_warc(rel) or is_jsonl(rel)
                wanted.append((path, rel, None if container else strip_page_suffix(rel)))
        stems = Counter(stem for _, _, stem in wanted if stem is not None)
        for path, rel, stem in wanted:
            yield path, rel, stem is not None and stems[stem] > 1


def _given_key(item: str) -> str:
    """The key base of an input named by path: the path itself, made relative."""
    from cleaner.inputs.names import clean_relpath

    return clean_relpath(os.path.normpath(item))


def expand_inputs(items: Iterable[str], single: bool, opts: InputOptions) -> Iterator[Task]:
    """Tasks of every input item (a directory, a file), in order.

    With a single command-line input, outputs are named relative to it (``dir/a/b.html``
    -> ``a/b``, ``page.html`` -> ``page``); with several inputs or a list on stdin,
    by the path as given (``crawl/a/b.html`` -> ``crawl/a/b``), so names from two
    inputs never collide.
    """
    for item in items:
        if os.path.isdir(item):
            base = "" if single else _given_key(item) + "/"
            for path, rel, shared in walk_files(item, opts):
                yield from file_tasks(path, base + rel, opts, keep_suffix=shared)
        elif os.path.exists(item):
            key = os.path.basename(item) if single else _given_key(item)
            yield from file_tasks(item, key, opts)
        else:
            yield Task(key=_given_key(item), id=item, path=item,
                       error=("read-error", "no such file or directory"))


def stdin_items(stream: IO[str]) -> Iterator[str]:
    """Paths listed one per line (blank lines ignored)."""
    for line in stream:
        item = line.rstrip("\r\n")
        if item.strip():
            yield item


def iter_tasks(inputs: tuple[str, ...], opts: InputOptions, stdin: IO[str] | None) -> Iterator[
        Task]:
    """All tasks of the command-line inputs; '-' reads a list of paths from ``stdin``."""
    for item in inputs:
        if item != "-" and not os.path.exists(item):
            raise UsageError(f"{item}: no such file or directory")
    single = len(inputs) == 1 and inputs[0] != "-"
    # Output names of page files given so far: two inputs can still name one output
    # (``crawl/a.html crawl/a.txt``, a folder and its subfolder, a path listed twice).
    # Records of a WARC/JSONL carry their ordinal and never collide.
    taken: set[str] = set()
    for item in inputs:
        if item == "-":
            if stdin is None:
                raise UsageError("'-' given but no stdin")
            tasks = expand_inputs(stdin_items(stdin), False, opts)
        else:
            tasks = expand_inputs([item], single, opts)
        for task in tasks:
            if task.offset is None and task.line is None:
                if task.key in taken:
                    task = replace(task, key=_free_key(task, taken))
                taken.add(task.key)
            yield task


def _free_key(task: Task, taken: set[str]) -> str:
    """An output name for a page file whose name another input already has: its own
    suffix kept (``a.txt`` -> ``a.txt``), then a counter (``a.txt~2``). Deterministic:
    inputs are read in the order given, directories sorted."""
    from cleaner.inputs.names import strip_page_suffix

    name = os.path.basename(task.path)
    if name.lower().endswith(".gz"):
        name = name[:-3]
    suffix = name[len(strip_page_suffix(name)):]
    candidate = task.key if task.key.endswith(suffix) else task.key + suffix
    n = 1
    key = candidate
    while key in taken:
        n += 1
        key = f"{candidate}~{n}"
    return key


def count_pages(inputs: tuple[str, ...], opts: InputOptions) -> int | None:
    """The number of tasks when it is cheap to know (page files only), else None."""
    if "-" in inputs:
        return None
    total = 0
    for item in inputs:
        paths = (p for p, _, _ in walk_files(item, opts)) if os.path.isdir(item) else iter([item])
        for path in paths:
            if is_warc(path) or is_jsonl(path):
                return None
            total += 1
    return total


def read_bounded(path: str, limit: int | None = None, directory_hint: str = "") -> bytes:
    """At most ``limit + 1`` bytes of a file (all of it without a limit).

    Reading one byte past the limit lets the caller refuse the page as too-large
    while /dev/zero or a 10 GB file cannot exhaust memory first. Every OS error
    becomes an InputReadError with a short message.
    """
    try:
        with open(path, "rb") as handle:
            return handle.read(-1 if limit is None else limit + 1)
    except FileNotFoundError as exc:
        raise InputReadError("no such file") from exc
    except IsADirectoryError as exc:
        raise InputReadError("is a directory" + directory_hint) from exc
    except OSError as exc:
        raise InputReadError(exc.strerror or str(exc)) from exc


def read_page_file(path: str, max_bytes: int) -> bytes:
    """A page file's bytes, refusing files over ``max_bytes`` without reading them whole."""
    from cleaner.core.errors import TooLargeError

    data = read_bounded(path, max_bytes)
    if len(data) > max_bytes:
        raise TooLargeError(f"more than {max_bytes} bytes (the --max-bytes limit)")
    return data

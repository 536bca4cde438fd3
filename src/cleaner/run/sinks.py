"""Where results go: a mirror tree of files, or one JSONL / JSONL.gz / Parquet stream.

Both sinks write to a temporary name and rename into place, so an output that
exists is complete; that is what resume trusts.

Mirror tree: one file per page, written when its result comes in.
Record streams: records go into numbered chunk files of :data:`CHUNK_PAGES`
consecutive tasks under ``OUT.parts/``; a chunk is renamed into place once all
its tasks are done, so a resumed run skips whole chunks and redoes at most one.
When the batch completes, the chunks are concatenated (JSONL.gz chunks are
separate gzip members, which every gzip reader accepts) or converted to Parquet
row groups, and the parts directory is removed. Records are in input order, so
an interrupted-and-resumed run writes the same bytes as an uninterrupted one.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
from pathlib import Path
from typing import IO, Any

from cleaner.core.errors import UsageError
from cleaner.inputs.sources import Task
from cleaner.run.manifest import BatchWriteError, Manifest, error_line, read_manifest
from cleaner.run.paths import safe_join
from cleaner.run.worker import FORMAT_SUFFIX, Result

# Tasks per chunk of a record stream: the most work an interrupted run loses
# (a few seconds per core at typical speeds) against one file per chunk.
CHUNK_PAGES = 200
# Rows per Parquet row group in the final file (one chunk's worth at a time).
STREAM_KINDS = (".jsonl.gz", ".jsonl", ".parquet")


def stream_kind(output: str) -> str | None:
    """'.jsonl', '.jsonl.gz' or '.parquet' when OUTPUT names a record stream."""
    low = output.lower()
    for kind in STREAM_KINDS:
        if low.endswith(kind):
            return kind
    return None


def default_errors_path(output: Path, kind: str | None) -> Path:
    if kind is None:
        return output / "errors.jsonl"
    return output.with_name(output.name[: -len(kind)] + ".errors.jsonl")


def _atomic_write(target: Path, text: str) -> None:
    tmp = target.with_name(f".{target.name}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8", errors="surrogatepass")
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BatchWriteError(f"{target}: {exc.strerror or exc}") from exc


class MirrorSink:
    """One output file per page under ``root``; failures to the manifest."""

    def __init__(self, root: Path, fmt: str, resume: bool, errors_path: Path) -> None:
        self.root = root
        self.suffix = FORMAT_SUFFIX[fmt]
        self.failed, self.prior_failures = read_manifest(errors_path) if resume else (set(), 0)
        self.manifest = Manifest(errors_path, fresh=not resume)
        self.skip = 0
        self.complete = False

    def target(self, task: Task) -> Path:
        return safe_join(self.root, task.key + self.suffix)

    def is_done(self, task: Task) -> bool:
        if task.key in self.failed:
            return True
        try:
            return self.target(task).exists()
        except UsageError:
            return False

    def add(self, index: int, task: Task, result: Result) -> None:
        if result.ok:
            try:
                target = self.target(task)
            except UsageError as exc:
                self.manifest.add(task, Result.failed("bad-name", exc.message))
                return
            _atomic_write(target, result.payload)
        else:
            self.manifest.add(task, result)

    def finish(self) -> int:
        """Close; the number of manifest entries from earlier runs still standing."""
        self.manifest.close()
        return self.prior_failures

    def abort(self) -> None:
        self.manifest.close()


class StreamSink:
    """Records in input order into OUT (.jsonl, .jsonl.gz or .parquet) via chunks."""

    def __init__(self, output: Path, kind: str, resume: bool, errors_path: Path) -> None:
        self.output = output
        self.kind = kind
        self.errors_path = errors_path
        self.parts = output.with_name(output.name + ".parts")
        self.gz = kind == ".jsonl.gz"
        self.ext = ".jsonl.gz" if self.gz else ".jsonl"
        if not resume and self.parts.exists():
            shutil.rmtree(self.parts)
        self.complete = resume and output.exists() and not self.parts.exists()
        self.prior_failures = read_manifest(errors_path)[1] if self.complete else 0
        done = 0
        while (self.parts / self._name(done, self.ext)).exists():
            done += 1
        self.skip = done * CHUNK_PAGES
        self.chunk: int | None = None
        self.data: IO[bytes] | None = None
        self.zdata: gzip.GzipFile | None = None
        self.errors: IO[str] | None = None

    @staticmethod
    def _name(chunk: int, ext: str) -> str:
        return f"chunk-{chunk:08d}{ext}"

    def is_done(self, task: Task) -> bool:
        return self.complete

    def _chunks(self, ext: str) -> list[Path]:
        """The sealed chunk files with this extension, in order."""
        out: list[Path] = []
        while (self.parts / self._name(len(out), self.ext)).exists():
            out.append(self.parts / self._name(len(out), ext))
        return out

    def _tmp(self, name: str) -> Path:
        return self.parts / f".{name}.part"

    def _open(self, chunk: int) -> None:
        self.parts.mkdir(parents=True, exist_ok=True)
        self.chunk = chunk
        self.data = self._tmp(self._name(chunk, self.ext)).open("wb")
        if self.gz:
            # mtime=0 and no file name: the same records give the same bytes.
            self.zdata = gzip.GzipFile(filename="", mode="wb", fileobj=self.data, mtime=0,
                                       compresslevel=6)
        self.errors = self._tmp(self._name(chunk, ".errors.jsonl")).open("w", encoding="utf-8")

    def _seal(self) -> None:
        if self.chunk is None or self.data is None or self.errors is None:
            return
        if self.zdata is not None:
            self.zdata.close()
        self.data.close()
        self.errors.close()
        for ext in (".errors.jsonl", self.ext):  # data last: its presence marks the chunk done
            name = self._name(self.chunk, ext)
            os.replace(self._tmp(name), self.parts / name)
        self.chunk = self.data = self.zdata = self.errors = None

    def add(self, index: int, task: Task, result: Result) -> None:
        chunk = index // CHUNK_PAGES
        try:
            if chunk != self.chunk:
                self._seal()
                self._open(chunk)
            assert self.data is not None and self.errors is not None
            if result.ok:
                line = (result.payload + "\n").encode("utf-8", "surrogatepass")
                (self.zdata or self.data).write(line)
            else:
                self.errors.write(error_line(task, result) + "\n")
        except OSError as exc:
            raise BatchWriteError(f"{self.parts}: {exc.strerror or exc}") from exc

    def abort(self) -> None:
        """Drop the unfinished chunk (complete chunks stay for the resumed run)."""
        for fh in (self.zdata, self.data, self.errors):
            if fh is not None:
                fh.close()
        if self.chunk is not None:
            for ext in (self.ext, ".errors.jsonl"):
                self._tmp(self._name(self.chunk, ext)).unlink(missing_ok=True)
        self.chunk = self.data = self.zdata = self.errors = None

    def finish(self) -> int:
        """Assemble OUT and the error manifest from the chunks; failures in the manifest."""
        if self.complete:
            return self.prior_failures
        self._seal()
        chunks = self._chunks(self.ext)
        failures = 0
        try:
            if self.kind == ".parquet":
                write_parquet(chunks, self.output)
            else:
                _concat(chunks, self.output)
            err_chunks = [p for p in self._chunks(".errors.jsonl") if p.exists()]
            failures = sum(_count_lines(p) for p in err_chunks)
            if failures:
                _concat(err_chunks, self.errors_path)
            else:
                self.errors_path.unlink(missing_ok=True)
        except OSError as exc:
            raise BatchWriteError(f"{self.output}: {exc.strerror or exc}") from exc
        if self.parts.exists():
            shutil.rmtree(self.parts)
        return failures


def _count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in fh)


def _concat(parts: list[Path], target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.part")
    with tmp.open("wb") as out:
        for part in parts:
            with part.open("rb") as fh:
                shutil.copyfileobj(fh, out)
    os.replace(tmp, target)


def parquet_schema() -> Any:
    """Explicit columns (so every file has the same schema, whatever the rows hold)."""
    import pyarrow as pa

    return pa.schema([
        ("id", pa.string()), ("url", pa.string()),
        ("source", pa.struct([("path", pa.string()), ("offset", pa.int64()),
                              ("line", pa.int64())])),
        ("title", pa.string()), ("text", pa.string()),
        # Nested, free-form mappings (metadata with its sources/flags, removed
        # blocks, fields carried from JSONL inputs) are JSON strings.
        ("metadata", pa.string()), ("input_kind", pa.string()), ("encoding", pa.string()),
        ("removed", pa.string()), ("extra", pa.string()),
    ])


PARQUET_COLUMNS = ("id", "url", "source", "title", "text", "metadata", "input_kind",
                   "encoding", "removed")


def parquet_row(record: dict[str, Any]) -> dict[str, Any]:
    """A JSONL record as a Parquet row of :func:`parquet_schema`."""
    src = record.get("source") or {}
    extra = {k: v for k, v in record.items() if k not in PARQUET_COLUMNS}
    removed = record.get("removed")
    return {
        "id": record.get("id"), "url": record.get("url"),
        "source": {"path": src.get("path"), "offset": src.get("offset"),
                   "line": src.get("line")},
        "title": record.get("title"), "text": record.get("text"),
        "metadata": json.dumps(record.get("metadata"), ensure_ascii=False),
        "input_kind": record.get("input_kind"), "encoding": record.get("encoding"),
        "removed": None if removed is None else json.dumps(removed, ensure_ascii=False),
        "extra": json.dumps(extra, ensure_ascii=False) if extra else None,
    }


def require_pyarrow() -> None:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:
        raise UsageError("Parquet output needs pyarrow: pip install 'cleaner[parquet]'") from exc


def write_parquet(chunks: list[Path], target: Path) -> None:
    """One row group per chunk, written to a temp name and renamed."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    tmp = target.with_name(f".{target.name}.part")
    target.parent.mkdir(parents=True, exist_ok=True)
    with pq.ParquetWriter(str(tmp), schema) as writer:
        for chunk in chunks:
            opener = gzip.open if chunk.name.endswith(".gz") else open
            with opener(chunk, "rt", encoding="utf-8") as fh:
                rows = [parquet_row(json.loads(line)) for line in fh if line.strip()]
            if rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    os.replace(tmp, target)

"""The error manifest (``errors.jsonl``) and the errors that end a batch.

One JSON line per failed page: where it came from (``source``: path plus offset
or line), its output name, the error ``kind`` and ``message``. Lines are written
whole and flushed, in input order, so after Ctrl-C the file is a prefix of the
uninterrupted run's file and a resumed run appends the rest.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any

from cleaner.core.errors import CleanerError
from cleaner.inputs.sources import Task
from cleaner.run.worker import Result


class BatchWriteError(CleanerError):
    """An output could not be written (disk full, permissions): the batch stops."""

    kind = "write-error"
    exit_code = 12


def error_line(task: Task, result: Result) -> str:
    """The manifest line of a failed task (no trailing newline)."""
    entry: dict[str, Any] = {
        "source": task.origin(),
        "id": task.id,
        "name": task.key,
        "kind": result.error_kind,
        "message": result.error_message,
    }
    return json.dumps(entry, ensure_ascii=False)


def read_manifest(path: Path) -> tuple[set[str], int]:
    """(names of the failed tasks, number of entries); a torn last line is cut off.

    A run killed hard (SIGKILL, power loss) may leave half a line; it is removed
    so that the resumed run re-does that page and appends a whole line.
    """
    if not path.exists():
        return set(), 0
    names: set[str] = set()
    good = entries = 0
    with path.open("rb") as fh:
        for raw in fh:
            try:
                entry = json.loads(raw)
            except ValueError:
                break
            if not raw.endswith(b"\n"):
                break
            names.add(str(entry.get("name")))
            good += len(raw)
            entries += 1
    if good != path.stat().st_size:
        os.truncate(path, good)
    return names, entries


class Manifest:
    """Append-only errors.jsonl (opened lazily: no file when nothing failed)."""

    def __init__(self, path: Path, fresh: bool) -> None:
        self.path = path
        self.fh: IO[str] | None = None
        if fresh and path.exists():
            path.unlink()

    def add(self, task: Task, result: Result) -> None:
        try:
            if self.fh is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.fh = self.path.open("a", encoding="utf-8")
            self.fh.write(error_line(task, result) + "\n")
            self.fh.flush()
        except OSError as exc:
            raise BatchWriteError(f"{self.path}: {exc.strerror or exc}") from exc

    def close(self) -> None:
        if self.fh is not None:
            self.fh.close()
            self.fh = None

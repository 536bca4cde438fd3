"""Clean one task into a picklable :class:`Result` (shared by the local pool and Ray).

Everything a worker does for a page happens here: read the file (if the main
process only sent a path), clean, render for the chosen sink, optionally write
the explain report. Any failure becomes a Result with the error kind, so a bad
page never takes a worker down.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cleaner.api import clean
from cleaner.core.errors import CleanerError
from cleaner.core.model import Document, Source
from cleaner.core.settings import Settings
from cleaner.extract.repeated import site_key
from cleaner.inputs.sources import Task, read_page_file
from cleaner.outputs.render import document_record, render

FORMAT_SUFFIX = {"txt": ".txt", "markdown": ".md", "json": ".json"}
# Test-only hooks, read from the environment of the worker: a page whose bytes
# contain the token makes the worker hang (to test the time limit) or kill
# itself with SIGKILL (to test crash recovery). Unset in normal use.
HANG_ENV = "CLEANER_TEST_HANG_TOKEN"
CRASH_ENV = "CLEANER_TEST_CRASH_TOKEN"


@dataclass(frozen=True, slots=True)
class JobConfig:
    """What every worker needs to know; sent once when the worker starts."""

    settings: Settings
    # "txt" | "markdown" | "json" for a mirror tree; "record" for JSONL/Parquet rows.
    fmt: str
    explain: bool = False
    report_dir: str | None = None
    # Site key -> hashes of lines repeated across that site's pages, learned by
    # batch's first pass (run/batch.py: learn_boilerplate); empty when off.
    boilerplate: dict[str, frozenset[int]] = field(default_factory=dict)


def task_site_key(task: Task) -> str:
    """The site of a task: its URL's host, else the folder of its input file."""
    return site_key(task.url, os.path.dirname(task.path))


def task_settings(task: Task, cfg: JobConfig) -> Settings:
    """The Settings for one task: text mode for text inputs, its site's boilerplate."""
    settings = cfg.settings
    if task.text_input and settings.input_mode == "auto":
        settings = settings.with_overrides(input_mode="text")
    known = cfg.boilerplate.get(task_site_key(task)) if cfg.boilerplate else None
    if known:
        settings = replace(settings, known_boilerplate=known)
    return settings


@dataclass(slots=True)
class Result:
    """The outcome of one task: the rendered payload or the error."""

    payload: str = ""
    error_kind: str | None = None
    error_message: str = ""
    reasons: dict[str, int] = field(default_factory=dict)
    report: str | None = None

    @property
    def ok(self) -> bool:
        return self.error_kind is None

    @classmethod
    def failed(cls, kind: str, message: str) -> Result:
        return cls(error_kind=kind, error_message=message)


# A small page of each kind, cleaned once when a worker starts: the first page
# loads lexicons and lazy imports, which must not count against its time limit.
WARMUP_HTML = ("<html><head><title>Warm-up</title></head><body><nav><a href='/'>Home</a></nav>"
               "<article><h1>Warm-up</h1><p>A paragraph of prose, long enough to be kept, "
               "with commas, clauses and a full stop.</p></article></body></html>")
WARMUP_TEXT = "Warm-up\n\nA paragraph of prose, long enough to be kept, with a full stop.\n"


def warm_up(settings: Settings) -> None:
    """Clean the warm-up pages (errors ignored: a real page will report them)."""
    for data, mode in ((WARMUP_HTML, "html"), (WARMUP_TEXT, "text")):
        with contextlib.suppress(Exception):  # best effort: a real page reports errors
            clean(data, settings=settings.with_overrides(input_mode=mode))


def _test_hooks(data: bytes | str) -> None:
    raw = data.encode("utf-8", "replace") if isinstance(data, str) else data
    hang = os.environ.get(HANG_ENV)
    if hang and hang.encode() in raw:
        while True:  # stalled on purpose; only the time limit gets us out
            time.sleep(0.05)
    crash = os.environ.get(CRASH_ENV)
    if crash and crash.encode() in raw:
        os.kill(os.getpid(), signal.SIGKILL)


def output_record(task: Task, doc: Document, explain: bool) -> dict[str, Any]:
    """The JSONL/Parquet row: id, url, source, the document record, carried fields."""
    record: dict[str, Any] = {
        "id": task.id,
        "url": task.url or doc.metadata.url,
        "source": task.origin(),
    }
    for key, value in document_record(doc, explain).items():
        if key != "url":
            record[key] = value
    for key, value in (task.extra or {}).items():
        record[key if key not in record else f"input_{key}"] = value
    return record


def process_task(task: Task, cfg: JobConfig) -> Result:
    """Clean one task; never raises for a bad page."""
    if task.error is not None:
        return Result.failed(*task.error)
    try:
        data = task.data if task.data is not None else read_page_file(
            task.path, cfg.settings.max_bytes)
        _test_hooks(data)
        settings = task_settings(task, cfg)
        source = Source(data=data, path=task.path, url=task.url, record_id=task.id,
                        content_type=task.content_type, charset=task.charset)
        doc = clean(source, settings=settings)
        if cfg.fmt == "record":
            payload = json.dumps(output_record(task, doc, cfg.explain), ensure_ascii=False)
        else:
            payload = render(doc, cfg.fmt, cfg.explain) + "\n"
        report = None
        if cfg.report_dir is not None:
            from cleaner.inputs.names import clean_relpath
            from cleaner.outputs.report import write_page_report
            from cleaner.run.paths import safe_join

            report = clean_relpath(task.key + ".html")
            write_page_report(doc, safe_join(Path(cfg.report_dir), report), task.where())
    except CleanerError as exc:
        return Result.failed(exc.kind, exc.message)
    except RecursionError:
        return Result.failed("too-deep", "recursion limit reached")
    except MemoryError:
        return Result.failed("internal", "out of memory")
    except Exception as exc:
        return Result.failed("internal", f"{type(exc).__name__}: {exc}")
    reasons = Counter(str(v.reason) for v in doc.verdicts)
    return Result(payload=payload, reasons=dict(reasons), report=report)

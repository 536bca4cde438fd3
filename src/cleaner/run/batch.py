"""``cleaner batch``: many pages in, a mirror tree or a record stream out, nothing lost.

The pieces: :mod:`cleaner.inputs.sources` enumerates tasks in a fixed order,
:mod:`cleaner.run.pool` (or :mod:`cleaner.run.ray`) cleans them with a time limit
per page, :mod:`cleaner.run.sinks` writes results (temp name, then rename) and
:mod:`cleaner.run.manifest` the failures; :mod:`cleaner.run.progress` reports.

Ctrl-C (or SIGTERM) sets a flag: the batch stops taking results, drops the
unfinished chunk, writes the summary and exits 130; a second Ctrl-C aborts at
once. Every output that exists is complete, so a rerun resumes.

Flattened-text pages get a first pass (:func:`learn_boilerplate`): lines that
repeat on many pages of one site are learned from every input, done or not, so
a resumed run removes exactly what an uninterrupted one does.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from types import FrameType
from typing import IO, Any

from cleaner.api import read_page
from cleaner.core.errors import UsageError
from cleaner.core.model import InputKind, Source
from cleaner.core.reasons import Reason
from cleaner.core.settings import Settings
from cleaner.extract.repeated import RepeatedLineLearner, page_line_hashes
from cleaner.inputs.sources import InputOptions, Task, count_pages, iter_tasks, read_page_file
from cleaner.run.progress import Progress, Stats
from cleaner.run.sinks import (
    MirrorSink,
    StreamSink,
    default_errors_path,
    require_pyarrow,
    stream_kind,
)
from cleaner.run.worker import JobConfig, Result, task_settings, task_site_key

EXIT_OK = 0
EXIT_PAGES_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
# Per-page time limit (seconds): generous for a huge page, short enough that a
# pathological one cannot hold a worker for long.
DEFAULT_TIMEOUT = 30.0


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """Everything ``cleaner batch`` was asked to do."""

    inputs: tuple[str, ...]
    output: str
    fmt: str = "txt"
    explain: bool = False
    jobs: int | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int | None = None
    resume: bool | None = None
    quiet: bool = False
    glob: str | None = None
    html_key: str = "html"
    text_key: str = "text"
    id_key: str = "id"
    url_key: str = "url"
    errors: str | None = None
    report_dir: str | None = None
    input_mode: str = "auto"
    engine: str = "local"
    ray_address: str | None = None
    # From the shared settings options (preset, config, switches); None = defaults.
    settings: Settings | None = None
    # Learn lines repeated across a site's text pages and remove them.
    site_boilerplate: bool = True


class Stopper:
    """SIGINT/SIGTERM -> a flag the loop polls; a second signal aborts at once."""

    def __init__(self) -> None:
        self.stopped = False
        self.saved: dict[int, Any] = {}

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.stopped:
            raise KeyboardInterrupt
        self.stopped = True

    def __enter__(self) -> Stopper:
        for sig in (signal.SIGINT, signal.SIGTERM):
            self.saved[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: Any) -> None:
        for sig, handler in self.saved.items():
            signal.signal(sig, handler)

    def __call__(self) -> bool:
        return self.stopped


def _settings(opts: BatchOptions) -> Settings:
    if opts.input_mode not in ("auto", "html", "text"):
        raise UsageError(f"unknown input mode {opts.input_mode!r}")
    overrides: dict[str, Any] = {"input_mode": opts.input_mode}
    if opts.max_bytes is not None:
        if opts.max_bytes <= 0:
            raise UsageError("--max-bytes must be positive")
        overrides["max_bytes"] = opts.max_bytes
    # batch's own --input / --max-bytes win, so settings and input reading agree.
    return (opts.settings or Settings()).with_overrides(**overrides)


def learn_boilerplate(opts: BatchOptions, in_opts: InputOptions, cfg: JobConfig,
                      total: int | None = None) -> dict[str, frozenset[int]]:
    """First pass: per site, the hashes of lines repeated on many text pages.

    Sequential in the main process, keeping only line hashes. Unreadable pages
    are skipped here; the second pass reports them. Stdin lists ('-') cannot be
    read twice, so their pages are not learned from.
    """
    if cfg.settings.input_mode == "html" or "-" in opts.inputs:
        return {}
    learner = RepeatedLineLearner()
    progress = Progress(total, opts.quiet, label="first pass, learning repeated lines")
    try:
        for task in iter_tasks(opts.inputs, in_opts, None):
            _learn_from(task, cfg, learner)
            progress.update(True)
    finally:
        progress.close()
    table = learner.all_boilerplate(cfg.settings.thresholds)
    return {key: hashes for key, hashes in table.items() if hashes}


def _learn_from(task: Task, cfg: JobConfig, learner: RepeatedLineLearner) -> None:
    """Add one text page's line hashes to the learner (skipping what cannot be read)."""
    if task.error is not None:
        return
    settings = task_settings(task, cfg)
    try:
        data = task.data if task.data is not None else read_page_file(
            task.path, settings.max_bytes)
        page = read_page(Source(data=data, url=task.url, charset=task.charset), settings)
    except Exception:  # best effort: pass 2 reports the error
        return
    if page.kind is InputKind.TEXT:
        learner.add_hashes(task_site_key(task), page_line_hashes(page.text))


def make_sink(opts: BatchOptions) -> MirrorSink | StreamSink:
    """The sink for OUTPUT, resuming when it (or its chunks) already exist."""
    out = Path(opts.output)
    kind = stream_kind(opts.output)
    errors = Path(opts.errors) if opts.errors else default_errors_path(out, kind)
    if kind is None:
        if out.exists() and not out.is_dir():
            raise UsageError(f"{out}: exists and is not a directory")
        resume = opts.resume if opts.resume is not None else out.exists()
        return MirrorSink(out, opts.fmt, resume, errors)
    if kind == ".parquet":
        require_pyarrow()
    if out.is_dir():
        raise UsageError(f"{out}: is a directory, not a {kind} file")
    parts = out.with_name(out.name + ".parts")
    resume = opts.resume if opts.resume is not None else (out.exists() or parts.exists())
    return StreamSink(out, kind, resume, errors)


def _kept_removed(reasons: dict[str, int]) -> tuple[int, int]:
    kept = sum(n for r, n in reasons.items() if r in Reason.__members__.values() and
               Reason(r).keeps)
    return kept, sum(reasons.values()) - kept


class ReportIndex:
    """Rows of the explain report's index.html (one per page of this run)."""

    def __init__(self, directory: str | None) -> None:
        self.directory = directory
        self.entries: list[dict[str, object]] = []

    def add(self, task: Task, result: Result) -> None:
        if self.directory is None:
            return
        kept, removed = _kept_removed(result.reasons)
        self.entries.append({"name": task.where(), "report": result.report, "kept": kept,
                             "removed": removed, "error": None if result.ok else
                             f"{result.error_kind}: {result.error_message}"})

    def write(self) -> None:
        if self.directory is None:
            return
        try:
            from cleaner.outputs.report import write_index
        except ImportError:
            from cleaner.outputs.report_index import write_index
        write_index(self.entries, Path(self.directory))


def run_batch(opts: BatchOptions, stdin: IO[str] | None = None) -> int:
    """Run a batch; returns the exit code (0 ok, 1 some pages failed, 130 interrupted)."""
    settings = _settings(opts)
    if opts.timeout <= 0:
        raise UsageError("--timeout must be positive")
    if opts.engine not in ("local", "ray"):
        raise UsageError(f"unknown engine {opts.engine!r}")
    in_opts = InputOptions(glob=opts.glob, html_key=opts.html_key, text_key=opts.text_key,
                           id_key=opts.id_key, url_key=opts.url_key,
                           max_bytes=settings.max_bytes)
    for item in opts.inputs:
        if item != "-" and not os.path.exists(item):
            raise UsageError(f"{item}: no such file or directory")
    if opts.report_dir is not None:
        from cleaner.outputs.report import write_page_report  # noqa: F401 - fail early
    sink = make_sink(opts)
    cfg = JobConfig(settings=settings, fmt="record" if isinstance(sink, StreamSink) else opts.fmt,
                    explain=opts.explain, report_dir=opts.report_dir)
    total = None if sink.complete else count_pages(opts.inputs, in_opts)
    if opts.site_boilerplate and not sink.complete:
        cfg = replace(cfg, boilerplate=learn_boilerplate(opts, in_opts, cfg, total))
    stats = Stats()
    progress = Progress(total, opts.quiet)
    index_rows = ReportIndex(opts.report_dir)

    def todo() -> Iterator[tuple[int, Task]]:
        if sink.complete:
            return
        for index, task in enumerate(iter_tasks(opts.inputs, in_opts, stdin)):
            if index < sink.skip or sink.is_done(task):
                stats.skipped += 1
                progress.update(True, skipped=True)
                continue
            yield index, task

    with Stopper() as stop:
        try:
            for index, task, result in _results(opts, cfg, todo(), stop):
                sink.add(index, task, result)
                stats.add(result.ok, result.error_kind, result.reasons)
                index_rows.add(task, result)
                progress.update(result.ok)
        except BaseException:
            sink.abort()
            progress.close()
            raise
        progress.close()
        if stop.stopped:
            sink.abort()
            stats.interrupted = True
            progress.summary(stats)
            return EXIT_INTERRUPTED
        prior = sink.finish()
    index_rows.write()
    if sink.complete and not opts.quiet:
        print(f"cleaner: {opts.output} is already complete (--no-resume redoes it)",
              file=sys.stderr)
    progress.summary(stats)
    return EXIT_PAGES_FAILED if stats.failed or prior else EXIT_OK


def _results(opts: BatchOptions, cfg: JobConfig, tasks: Iterator[tuple[int, Task]],
             stop: Stopper) -> Iterator[tuple[int, Task, Result]]:
    jobs = opts.jobs or os.cpu_count() or 1
    if opts.engine == "ray":
        from cleaner.run.ray import ray_results

        yield from ray_results(tasks, cfg, jobs, opts.timeout, opts.ray_address, stop)
        return
    from cleaner.run.pool import WorkerPool

    with WorkerPool(jobs, cfg, opts.timeout) as pool:
        yield from pool.run(tasks, stop)


def run_batch_cli(**kwargs: Any) -> None:
    """The click command's body: run and exit with the batch's code."""
    try:
        code = run_batch(BatchOptions(**kwargs), stdin=sys.stdin)
    except KeyboardInterrupt:
        # Ctrl-C outside the cleaning pass (counting pages, the first pass): nothing
        # was written yet, so there is nothing to lose.
        print("cleaner: interrupted before any page was cleaned", file=sys.stderr)
        code = EXIT_INTERRUPTED
    if code:
        sys.exit(code)

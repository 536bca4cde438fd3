"""``--engine ray``: the same batch on a Ray cluster (optional extra ``cleaner[ray]``).

Why Ray *tasks* and not Ray Data for the command: the batch must give the same
guarantees as the local pool (results in input order for resume and identical
output, a per-page time limit that kills a stuck worker, at most a bounded
number of pages in flight). With tasks the driver keeps all of that: it sends
small batches of pages (:data:`PAGES_PER_TASK`), keeps a bounded window of them
in flight, and emits results in order to the very same sinks as the local
batch, so outputs are byte-identical. Ray Data is offered for pipelines that
already hold a Dataset: :func:`clean_dataset`.

Time limits: inside a Ray worker each page runs under a SIGALRM timer (the same
``--timeout``); a page that does not return to Python in time (stuck in C) is
caught by a backstop on the driver, which cancels its task with ``force=True``
(killing that worker process) and re-runs the batch's pages one by one so only
the culprit fails.

Page files are read by the workers from the path the driver saw, so on a
multi-node cluster the inputs must be on a filesystem every node mounts at the
same path; WARC and JSONL files are parsed on the driver and their records
shipped through the object store. Ray is imported lazily: without the extra,
everything else works.
"""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

from cleaner.core.errors import ExtractionTimeoutError, UsageError
from cleaner.inputs.sources import Task
from cleaner.run.worker import JobConfig, Result, process_task, warm_up

# Pages per Ray task: enough to amortise the per-task scheduling cost (about a
# millisecond) against pages that take tens of milliseconds each.
PAGES_PER_TASK = 8
# Tasks in flight per cluster CPU: keeps every worker fed while the driver
# writes results, without queueing (and holding) much of the input.
TASKS_PER_CPU = 2
# Seconds added to a task's backstop deadline for scheduling and worker start-up.
BACKSTOP_GRACE = 30.0
# Object store for a Ray instance started by us: records are small and short-lived.
LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024


_warm = False


def require_ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise UsageError("--engine ray needs Ray: pip install 'cleaner[ray]'") from exc
    return ray


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise ExtractionTimeoutError("page over the time limit")


def clean_pages(tasks: list[Task], cfg: JobConfig, timeout: float, cwd: str) -> list[Result]:
    """Run in a Ray worker: each page under a SIGALRM time limit.

    Relative input paths are the driver's: the worker works from the driver's
    directory when this node has it (a shared filesystem mounted at the same path).
    """
    if os.path.isdir(cwd) and os.getcwd() != cwd:
        os.chdir(cwd)
    global _warm
    if not _warm:  # first task in this worker process: load lazy parts off the clock
        warm_up(cfg.settings)
        _warm = True
    results: list[Result] = []
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for task in tasks:
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                result = process_task(task, cfg)
            except ExtractionTimeoutError:
                result = Result.failed("timeout", f"abandoned after the {timeout:g} s time limit")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            if result.error_kind == "timeout":
                result = Result.failed("timeout", f"abandoned after the {timeout:g} s time limit")
            results.append(result)
    finally:
        signal.signal(signal.SIGALRM, previous)
    return results


def connect(address: str | None, jobs: int) -> Any:
    """Join the cluster at ``address``, or start a local instance with ``jobs`` CPUs."""
    ray = require_ray()
    if not ray.is_initialized():
        if address:
            ray.init(address=address, logging_level="ERROR", log_to_driver=False)
        else:
            ray.init(num_cpus=jobs, include_dashboard=False, logging_level="ERROR",
                     log_to_driver=False, object_store_memory=LOCAL_OBJECT_STORE_BYTES)
    return ray


class _Batch:
    """Pages sent as one Ray task (kept whole until done, so a lost task can be re-run)."""

    def __init__(self, items: list[tuple[int, Task]], ref: Any, deadline: float) -> None:
        self.items = items
        self.ref = ref
        self.deadline = deadline
        self.results: list[Result] | None = None


class _RayRunner:
    def __init__(self, ray: Any, cfg: JobConfig, timeout: float) -> None:
        self.ray = ray
        self.remote = ray.remote(num_cpus=1, max_retries=0)(clean_pages)
        self.cfg_ref = ray.put(cfg)
        self.timeout = timeout
        self.queue: list[_Batch] = []

    def submit(self, items: list[tuple[int, Task]]) -> _Batch:
        pages = [t for _, t in items]
        deadline = time.monotonic() + BACKSTOP_GRACE + 2 * self.timeout * len(pages)
        ref = self.remote.remote(pages, self.cfg_ref, self.timeout, os.getcwd())
        return _Batch(items, ref, deadline)

    def collect(self) -> None:
        """Wait a little for any task; settle finished, crashed and overdue ones."""
        pending = [b for b in self.queue if b.results is None]
        if not pending:
            return
        ready, _ = self.ray.wait([b.ref for b in pending], num_returns=1, timeout=0.25)
        ready_ids = {r.hex() for r in ready}
        now = time.monotonic()
        for batch in pending:
            if batch.ref.hex() in ready_ids:
                try:
                    batch.results = self.ray.get(batch.ref)
                except Exception as exc:  # a dead worker (any Ray error) fails its pages only
                    self._lost(batch, f"the Ray worker died ({type(exc).__name__})",
                               "worker-crash")
            elif now >= batch.deadline:
                self.ray.cancel(batch.ref, force=True)
                self._lost(batch, "abandoned: the page did not return in time", "timeout")

    def _lost(self, batch: _Batch, message: str, kind: str) -> None:
        """A lost task of several pages is re-run page by page; a single page fails."""
        if len(batch.items) == 1:
            batch.results = [Result.failed(kind, message)]
            return
        at = self.queue.index(batch)
        self.queue[at:at + 1] = [self.submit([item]) for item in batch.items]

    def cancel_all(self) -> None:
        for batch in self.queue:
            if batch.results is None:
                self.ray.cancel(batch.ref, force=True)


def ray_results(tasks: Iterator[tuple[int, Task]], cfg: JobConfig, jobs: int, timeout: float,
                address: str | None, stop: Callable[[], bool]) -> Iterator[
                    tuple[int, Task, Result]]:
    """Results of ``tasks`` in input order, cleaned on Ray (same contract as the pool)."""
    ray = connect(address, jobs)
    runner = _RayRunner(ray, cfg, timeout)
    window = TASKS_PER_CPU * max(1, int(ray.cluster_resources().get("CPU", jobs)))
    queue = runner.queue
    source = iter(tasks)
    exhausted = False
    try:
        while True:
            while not exhausted and len(queue) < window and not stop():
                items: list[tuple[int, Task]] = []
                for pair in source:
                    items.append(pair)
                    if len(items) == PAGES_PER_TASK:
                        break
                else:
                    exhausted = True
                if items:
                    queue.append(runner.submit(items))
            while queue and queue[0].results is not None:
                head = queue.pop(0)
                assert head.results is not None
                for (index, task), result in zip(head.items, head.results, strict=True):
                    yield index, task, result
            if stop() or (exhausted and not queue):
                return
            runner.collect()
    finally:
        runner.cancel_all()


def clean_dataset(ds: Any, html_column: str = "html", text_column: str = "text",
                  url_column: str | None = "url", explain: bool = False,
                  settings: Any = None) -> Any:
    """Map a Ray Dataset of pages to records with ``text``, ``title``, ``metadata``, ``error``.

    Rows need an ``html_column`` (raw HTML, str or bytes) or a ``text_column``
    (flattened text); other columns pass through. ``metadata`` is a JSON string
    (its nested maps vary from page to page); ``error`` is None or ``kind: message``
    for a page that could not be cleaned (its ``text`` is then empty).
    """
    from cleaner.core.settings import Settings

    cfg = JobConfig(settings=settings or Settings(), fmt="record", explain=explain)

    def clean_row(row: dict[str, Any]) -> dict[str, Any]:
        html, text = row.get(html_column), row.get(text_column)
        data = html if html else text
        url = row.get(url_column) if url_column else None
        task = Task(key="row", id=str(row.get("id", "")), path="<dataset>",
                    data=data if data else None, url=url if isinstance(url, str) else None,
                    text_input=not html,
                    error=None if data else ("empty-input", "no html or text value"))
        result = process_task(task, cfg)
        out = dict(row)
        if result.ok:
            record = json.loads(result.payload)
            out.update(text=record["text"], title=record["title"],
                       metadata=json.dumps(record["metadata"], ensure_ascii=False), error=None)
        else:
            out.update(text="", title=None, metadata=None,
                       error=f"{result.error_kind}: {result.error_message}")
        return out

    return ds.map(clean_row)

"""A process pool that enforces the per-page time limit and survives crashed workers.

multiprocessing.Pool cannot do either: it has no per-task timeout, a killed
worker leaves its task hanging forever, and ``imap`` drains the whole input
iterator into memory. Here each worker has its own pipe, so the pool always
knows which page a worker is on: a page over the time limit gets its worker
killed and replaced (and is reported as ``timeout``); a worker that dies gets
replaced (its page reported as ``worker-crash``). Results come back in input
order, and at most ``window`` tasks are in flight or waiting to be emitted, so
memory does not grow with the number of pages.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any

from cleaner.core.errors import CleanerError
from cleaner.inputs.sources import Task
from cleaner.run.worker import JobConfig, Result, process_task, warm_up

# Tasks in flight or finished-but-waiting per worker. Results are small (one
# page's text), so a generous window keeps workers busy while one slow page
# holds up ordered emission, at a memory cost of a few MB.
WINDOW_PER_JOB = 16
# How often the main loop wakes up to check time limits and Ctrl-C (seconds).
POLL_SECONDS = 0.25
# Grace period for a killed or stopping worker to exit (seconds).
JOIN_SECONDS = 2.0
# Workers that die before they are ready, in a row, before we give up: a broken
# installation would otherwise be restarted forever.
MAX_START_FAILURES = 3
# What a worker sends once it has started and warmed up.
READY = "ready"


def _worker_main(conn: Connection, cfg: JobConfig) -> None:
    """Worker loop: receive a task, send its result; None means stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's job
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    warm_up(cfg.settings)
    conn.send(READY)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(process_task(task, cfg))


def _context() -> BaseContext:
    """forkserver: workers start from a clean, preloaded process (no inherited threads)."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["cleaner.run.worker"])
        return ctx
    return mp.get_context("spawn")


class _Worker:
    def __init__(self, ctx: BaseContext, cfg: JobConfig) -> None:
        self.conn, child = ctx.Pipe()
        self.process: BaseProcess = ctx.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(child, cfg), daemon=True)
        self.process.start()
        child.close()
        self.index: int | None = None
        self.deadline = 0.0
        self.ready = False

    def send(self, index: int, task: Task, timeout: float) -> None:
        self.index = index
        self.deadline = time.monotonic() + timeout
        self.conn.send(task)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(JOIN_SECONDS)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(JOIN_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(JOIN_SECONDS)
        self.conn.close()


class WorkerPool:
    """``jobs`` worker processes; use as a context manager, feed with :meth:`run`."""

    def __init__(self, jobs: int, cfg: JobConfig, timeout: float) -> None:
        self.cfg = cfg
        self.timeout = timeout
        self.ctx = _context()
        self.jobs = max(1, jobs)
        self.workers: list[_Worker] = []
        self.window = max(2 * self.jobs, WINDOW_PER_JOB * self.jobs)
        self.start_failures = 0

    def __enter__(self) -> WorkerPool:
        self.workers = [_Worker(self.ctx, self.cfg) for _ in range(self.jobs)]
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close(graceful=exc[0] is None)

    def close(self, graceful: bool = True) -> None:
        for w in self.workers:
            if graceful and w.index is None:
                w.stop()
            else:
                w.kill()
        self.workers = []

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self.workers[self.workers.index(worker)] = _Worker(self.ctx, self.cfg)

    def run(self, tasks: Iterable[tuple[int, Task]],
            stop: Callable[[], bool] = lambda: False) -> Iterator[tuple[int, Task, Result]]:
        """Results of ``tasks`` in input order; stops early (cleanly) when ``stop()``."""
        source = iter(tasks)
        exhausted = False
        held: dict[int, Task] = {}  # in flight or done-but-not-emitted (data dropped)
        done: dict[int, Result] = {}
        order: list[int] = []  # indexes in input order, for emission
        emitted = 0
        while True:
            idle = [w for w in self.workers if w.index is None and w.ready]
            while idle and not exhausted and len(held) < self.window and not stop():
                try:
                    index, task = next(source)
                except StopIteration:
                    exhausted = True
                    break
                order.append(index)
                held[index] = replace(task, data=None)
                if task.error is not None:
                    done[index] = Result.failed(*task.error)
                    continue
                idle.pop().send(index, task, self.timeout)
            while emitted < len(order) and order[emitted] in done:
                index = order[emitted]
                emitted += 1
                yield index, held.pop(index), done.pop(index)
            if emitted:  # keep the order list short
                del order[:emitted]
                emitted = 0
            if stop() or (exhausted and not held):
                return
            self._collect(done)

    def _starting(self, ready: set[Any]) -> None:
        """Mark workers that reported ready; replace those that died starting."""
        for w in [w for w in self.workers if not w.ready]:
            if w.conn in ready:
                try:
                    w.ready = w.conn.recv() == READY
                    self.start_failures = 0
                    continue
                except (EOFError, OSError):
                    pass
            if w.conn in ready or w.process.sentinel in ready:
                self.start_failures += 1
                if self.start_failures >= MAX_START_FAILURES:
                    raise CleanerError(f"worker processes die on start "
                                       f"(exit code {w.process.exitcode}); is cleaner installed?")
                self._replace(w)

    def _collect(self, done: dict[int, Result]) -> None:
        busy = [w for w in self.workers if w.index is not None]
        starting = [w for w in self.workers if not w.ready]
        if not busy and not starting:
            return
        now = time.monotonic()
        wait_for = min([POLL_SECONDS] + [max(0.0, w.deadline - now) for w in busy])
        watched = busy + starting
        ready = set(wait([w.conn for w in watched] + [w.process.sentinel for w in watched],
                         timeout=wait_for))
        self._starting(ready)
        now = time.monotonic()
        for w in busy:
            index = w.index
            assert index is not None
            if w.conn in ready:
                try:
                    done[index] = w.conn.recv()
                    w.index = None
                    continue
                except (EOFError, OSError):
                    pass
            if w.conn in ready or w.process.sentinel in ready:
                code = w.process.exitcode
                done[index] = Result.failed(
                    "worker-crash", f"the worker died while cleaning this page (exit code {code})")
                self._replace(w)
            elif now >= w.deadline:
                done[index] = Result.failed(
                    "timeout", f"abandoned after the {self.timeout:g} s time limit")
                self._replace(w)

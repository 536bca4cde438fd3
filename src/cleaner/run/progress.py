"""Progress while a batch runs, and the summary at its end.

On a terminal, a tqdm bar (pages done/total when known, pages/s, ETA, failures);
otherwise (logs, CI, nohup) one plain line every :data:`LOG_EVERY_SECONDS`, since
a redrawn bar turns a log file into noise. ``--quiet`` silences both and the
summary. tqdm: small, ubiquitous, and handles terminal widths and rates for us.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any

from cleaner.core.reasons import Reason

# Seconds between plain progress lines when stderr is not a terminal.
LOG_EVERY_SECONDS = 10.0


@dataclass(slots=True)
class Stats:
    """Counts for the summary: pages, failures per kind, blocks per reason."""

    started: float = field(default_factory=time.monotonic)
    cleaned: int = 0
    failed: int = 0
    skipped: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    interrupted: bool = False

    def add(self, ok: bool, error_kind: str | None, reasons: dict[str, int]) -> None:
        if ok:
            self.cleaned += 1
            self.reasons.update(reasons)
        else:
            self.failed += 1
            self.failures[error_kind or "error"] += 1

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def summary_lines(self) -> list[str]:
        done = self.cleaned + self.failed
        rate = done / self.elapsed if self.elapsed > 0 else 0.0
        head = (f"cleaner: {done} pages in {self.elapsed:.1f} s ({rate:.1f} pages/s): "
                f"{self.cleaned} cleaned, {self.failed} failed")
        if self.skipped:
            head += f", {self.skipped} skipped (done by an earlier run)"
        lines = [head + (" — interrupted, rerun to continue" if self.interrupted else "")]
        if self.failures:
            lines.append("cleaner: failures: " + _counts(self.failures))
        kept = Counter({r: n for r, n in self.reasons.items() if _keeps(r)})
        removed = Counter({r: n for r, n in self.reasons.items() if not _keeps(r)})
        if kept:
            lines.append("cleaner: blocks kept: " + _counts(kept))
        if removed:
            lines.append("cleaner: blocks removed: " + _counts(removed))
        return lines


def _keeps(code: str) -> bool:
    try:
        return Reason(code).keeps
    except ValueError:
        return False


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{name} {n}" for name, n in sorted(counter.items(), key=lambda x: (-x[1],
                                                                                        x[0])))


class Progress:
    """A tqdm bar on a TTY, periodic log lines otherwise, nothing when quiet."""

    def __init__(self, total: int | None, quiet: bool, stream: IO[str] | None = None,
                 label: str = "") -> None:
        """``label`` names a pass other than the cleaning one (e.g. the first pass)."""
        self.stream = stream or sys.stderr
        self.label = label
        self.quiet = quiet
        self.total = total
        self.done = self.failed = 0
        self.started = self.last_log = time.monotonic()
        self.bar: Any = None
        if not quiet and self.stream.isatty():
            import tqdm

            # No monitor thread: the main process forks workers and must stay single-threaded.
            tqdm.tqdm.monitor_interval = 0
            self.bar = tqdm.tqdm(total=total, unit="page", file=self.stream, dynamic_ncols=True,
                                 smoothing=0.1, desc=label or None)

    def update(self, ok: bool, skipped: bool = False) -> None:
        """One page finished (or ``skipped``: done by an earlier run, not in the rate)."""
        if skipped:
            if self.bar is not None:
                self.bar.update(1)
            return
        self.done += 1
        if not ok:
            self.failed += 1
        if self.bar is not None:
            self.bar.update(1)
            if not ok:
                self.bar.set_postfix(failed=self.failed, refresh=False)
            return
        now = time.monotonic()
        if not self.quiet and now - self.last_log >= LOG_EVERY_SECONDS:
            self.last_log = now
            rate = self.done / (now - self.started)
            of = f"/{self.total}" if self.total is not None else ""
            what = f"{self.label}: " if self.label else ""
            print(f"cleaner: {what}{self.done}{of} pages, {rate:.1f} pages/s, "
                  f"{self.failed} failed", file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def summary(self, stats: Stats) -> None:
        if not self.quiet:
            for line in stats.summary_lines():
                print(line, file=self.stream, flush=True)

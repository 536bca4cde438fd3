"""``--engine ray``: the batch on a Ray cluster (optional extra ``cleaner[ray]``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from cleaner.core.errors import UsageError
from cleaner.inputs.sources import Task
from cleaner.run.worker import JobConfig, Result


def ray_results(tasks: Iterator[tuple[int, Task]], cfg: JobConfig, jobs: int, timeout: float,
                address: str | None, stop: Callable[[], bool]) -> Iterator[
                    tuple[int, Task, Result]]:
    """Results of ``tasks`` in input order, cleaned on Ray."""
    raise UsageError("--engine ray is not available yet")
    yield  # pragma: no cover

"""Progress lines and the summary of a batch (plain log lines when stderr is not a TTY)."""

from __future__ import annotations

import io

import pytest

from cleaner.run import progress as progress_mod
from cleaner.run.progress import Progress, Stats


def test_log_lines_name_the_pass_and_count_failures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_mod, "LOG_EVERY_SECONDS", 0.0)
    out = io.StringIO()
    bar = Progress(3, quiet=False, stream=out, label="first pass, learning repeated lines")
    bar.update(True)
    bar.update(False)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("cleaner: first pass, learning repeated lines: 1/3 pages")
    assert lines[-1].endswith("1 failed")


def test_quiet_prints_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_mod, "LOG_EVERY_SECONDS", 0.0)
    out = io.StringIO()
    bar = Progress(None, quiet=True, stream=out)
    bar.update(True)
    bar.summary(Stats(cleaned=1))
    assert out.getvalue() == ""


def test_summary_counts_kept_and_removed_reasons() -> None:
    stats = Stats()
    stats.add(True, None, {"article-body": 3, "nav": 2})
    stats.add(False, "not-a-page", {})
    lines = stats.summary_lines()
    assert "1 cleaned, 1 failed" in lines[0]
    assert lines[1] == "cleaner: failures: not-a-page 1"
    assert "article-body 3" in lines[2] and "nav 2" in lines[3]

"""``cleaner clean`` on each hostile file: the documented exit code, and on failure
exactly one line on stderr (``cleaner: <path>: <kind>: <message>``), never a traceback.

In-process through click's runner for every case; a few as a real subprocess.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main

from .hostile.corpus import Case, cases, write_corpus

SMALL = [c for c in cases() if not c.big]


def _args(case: Case, path: Path) -> list[str]:
    extra = ["--max-bytes", str(case.max_bytes)] if case.max_bytes else []
    return ["clean", "--no-config", *extra, str(path)]


def _check_stderr(case: Case, path: Path, code: int, stderr: str) -> None:
    assert code == case.exit_code, f"{case.name}: exit {code}, stderr {stderr!r}"
    lines = stderr.splitlines()
    if case.kind is None:
        assert lines == [], f"{case.name}: {stderr!r}"
        return
    assert len(lines) == 1, f"{case.name}: {stderr!r}"
    assert lines[0].startswith(f"cleaner: {path}: {case.kind}: "), lines[0]
    assert "Traceback" not in stderr


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_corpus(tmp_path_factory.mktemp("hostile"), big=False)


@pytest.mark.parametrize("case", SMALL, ids=[c.name for c in SMALL])
def test_cli_exit_code_and_one_line(case: Case, corpus: dict[str, Path]) -> None:
    path = corpus[case.name]
    result = CliRunner().invoke(main, _args(case, path))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{case.name}: {result.exception!r}")
    _check_stderr(case, path, result.exit_code, result.stderr)


SUBPROCESS = ("empty", "gzip-truncated", "deep-div-100k", "xhtml-entities-xxe", "over-max-bytes")


@pytest.mark.parametrize("name", SUBPROCESS)
def test_cli_subprocess(name: str, corpus: dict[str, Path]) -> None:
    case = next(c for c in SMALL if c.name == name)
    path = corpus[name]
    env = {**os.environ, "PYTHONWARNINGS": "default"}  # warnings would add lines
    proc = subprocess.run([sys.executable, "-m", "cleaner.cli", *_args(case, path)],
                          capture_output=True, text=True, timeout=120, env=env)
    _check_stderr(case, path, proc.returncode, proc.stderr)


def test_debug_shows_the_traceback(corpus: dict[str, Path]) -> None:
    result = CliRunner().invoke(main, ["clean", "--no-config", "--debug",
                                       str(corpus["gzip-truncated"])])
    assert result.exit_code == 10
    assert "Traceback" in result.stderr and "read-error" in result.stderr


def test_timeout_gives_the_timeout_kind(corpus: dict[str, Path]) -> None:
    # Many files, a tiny budget each: the first that outlives it fails with
    # 'timeout' (exit 8) and the others still run.
    names = ["deep-lists-50k", "nested-links", "many-attributes"]
    result = CliRunner().invoke(main, ["clean", "--no-config", "--timeout", "0.001",
                                       *(str(corpus[n]) for n in names)])
    assert result.exit_code == 8, result.stderr
    lines = result.stderr.splitlines()
    assert lines and all(": timeout: gave up after 0.001 s" in line for line in lines)


def test_unbounded_input_is_cut_at_max_bytes() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    result = CliRunner().invoke(main, ["clean", "--no-config", "--max-bytes", "1000",
                                       "/dev/zero"])
    assert result.exit_code == 6 and ": too-large: " in result.stderr

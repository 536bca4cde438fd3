"""Ctrl-C a real `cleaner batch` process, rerun it: the outputs equal an uninterrupted run.

A page that stalls its worker (test-only hook) holds the batch at a known point,
so the interrupt lands mid-batch without depending on timing; the rerun has no
stall and must produce exactly the bytes of a run that was never interrupted.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner.run.sinks import CHUNK_PAGES

STALL = "STALL-THIS-WORKER"
BODY = ("<html><head><title>Note {n}</title></head><body><nav><a href='/'>Home</a></nav>"
        "<article><h1>Note {n}</h1><p>Note number {n} says something about {topic}, in a "
        "sentence long enough to count as prose, with a comma and a full stop.</p>"
        "<p>Another sentence about {topic} and the number {n}, to make the article clear.</p>"
        "</article><footer>Footer text</footer></body></html>")


def make_pages(root: Path, count: int, stall_at: int) -> None:
    root.mkdir()
    for n in range(count):
        topic = STALL if n == stall_at else f"topic {n % 7}"
        (root / f"p{n:04d}.html").write_text(BODY.format(n=n, topic=topic))
    (root / "p0003.html").write_bytes(b"")  # one failure, so the manifest is compared too


def start(inputs: Path, out: Path, stall: bool) -> subprocess.Popen[bytes]:
    env = {**os.environ}
    env.pop("CLEANER_TEST_HANG_TOKEN", None)
    if stall:
        env["CLEANER_TEST_HANG_TOKEN"] = STALL
    return subprocess.Popen([sys.executable, "-m", "cleaner", "batch", str(inputs), "-o",
                             str(out), "-j", "2", "--timeout", "120"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def wait_for(path: Path, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


def ctrl_c(proc: subprocess.Popen[bytes]) -> None:
    os.killpg(proc.pid, signal.SIGINT)  # the whole process group, like a terminal does
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"interrupted" in err


def run_to_end(inputs: Path, out: Path) -> None:
    proc = start(inputs, out, stall=False)
    _, err = proc.communicate(timeout=240)
    assert proc.returncode == 1, err  # the empty page fails


@pytest.mark.parametrize("output", ["tree", "out.jsonl.gz"])
def test_interrupted_then_resumed_equals_uninterrupted(tmp_path: Path, output: str) -> None:
    stream = output != "tree"
    count = CHUNK_PAGES + 60 if stream else 40
    stall_at = CHUNK_PAGES + 20 if stream else 25
    inputs = tmp_path / "in"
    make_pages(inputs, count, stall_at)
    whole, split = tmp_path / "whole", tmp_path / "split"
    whole.mkdir()
    split.mkdir()
    run_to_end(inputs, whole / output)

    proc = start(inputs, split / output, stall=True)
    if stream:
        wait_for(split / f"{output}.parts" / "chunk-00000000.jsonl.gz", proc)
    else:
        wait_for(split / output / f"p{stall_at - 1:04d}.txt", proc)
    ctrl_c(proc)
    assert not [p for p in split.rglob("*") if p.name.endswith(".part")]
    if stream:
        assert not (split / output).exists()
    else:
        assert not (split / output / f"p{stall_at:04d}.txt").exists()
    run_to_end(inputs, split / output)

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes()
                for p in sorted(root.rglob("*")) if p.is_file()}

    assert files(split) == files(whole)
    assert len(files(whole)) == (2 if stream else count)  # outputs + errors.jsonl

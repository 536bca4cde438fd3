"""`--engine ray` and `cleaner.run.ray.clean_dataset` on a real local Ray instance.

Skipped when the ``ray`` extra is not installed; `.ci/run` installs it. The Ray
run must write the same bytes as the local `--jobs` run (records are in input
order on both engines), and failures (an empty page, a page over the time
limit) must land in the error manifest the same way.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("ray")
pytestmark = pytest.mark.ray

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
STALL = "STALL-THIS-RAY-WORKER"


def dev_inputs(root: Path) -> Path:
    """A few dev pages of each set (or synthetic ones without ../shared), plus bad pages."""
    inp = root / "in"
    inp.mkdir()
    found = False
    for sub, count in (("scrapinghub/html", 12), ("modern-dev/html", 8)):
        for src in sorted((DATA / sub).glob("*.htm*"))[:count]:
            shutil.copy(src, inp / src.name)
            found = True
    if not found:
        for n in range(12):
            (inp / f"p{n}.html").write_text(
                f"<html><body><article><h1>Page {n}</h1><p>Page {n} has a paragraph of "
                "prose, long enough, with commas, and a full stop.</p></article></body></html>")
    (inp / "zz-empty.html").write_bytes(b"")
    (inp / "zz-stall.html").write_text(f"<html><body><p>{STALL} stalls here.</p></body></html>")
    return inp


def batch(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLEANER_TEST_HANG_TOKEN": STALL}
    return subprocess.run([sys.executable, "-m", "cleaner", "batch", *args, "--timeout", "8",
                           "-j", "2"], capture_output=True, text=True, env=env, timeout=600)


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("output", ["out.jsonl.gz"])
def test_ray_engine_writes_what_the_local_engine_writes(tmp_path: Path, output: str) -> None:
    inp = dev_inputs(tmp_path)
    (tmp_path / "local").mkdir()
    (tmp_path / "ray").mkdir()
    local = batch(str(inp), "-o", str(tmp_path / "local" / output))
    assert local.returncode == 1, local.stderr
    ray = batch(str(inp), "-o", str(tmp_path / "ray" / output), "--engine", "ray")
    assert ray.returncode == 1, ray.stderr
    assert "Traceback" not in ray.stderr
    got, want = files(tmp_path / "ray"), files(tmp_path / "local")
    assert got.keys() == want.keys()
    assert got == want
    manifest = "out.errors.jsonl" if output != "tree" else "tree/errors.jsonl"
    errors = got[manifest].decode()
    assert '"kind": "empty-input"' in errors and '"kind": "timeout"' in errors


def test_clean_dataset_maps_html_and_text_rows() -> None:
    import ray

    from cleaner.run.ray import clean_dataset

    ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR",
             object_store_memory=128 * 1024 * 1024)
    try:
        rows = [
            {"id": "a", "url": "https://example.org/a", "lang": "en",
             "html": "<html><head><title>A title</title></head><body><nav>Home | News</nav>"
                     "<article><p>The article says something long enough to be kept, with "
                     "commas, clauses and a full stop.</p></article></body></html>",
             "text": None},
            {"id": "b", "url": None, "lang": "fr", "html": None,
             "text": "Rivers and boats\n\nThe river carries boats of every size, from small "
                     "rowing boats to long barges, and the towns along its banks grew up "
                     "around the trade that they brought.\n\nIn winter the water rises, "
                     "and the boats stay moored until the spring, when the current slows."},
            {"id": "c", "url": None, "lang": "de", "html": None, "text": None},
        ]
        out = sorted(clean_dataset(ray.data.from_items(rows)).take_all(), key=lambda r: r["id"])
    finally:
        ray.shutdown()
    assert [r["lang"] for r in out] == ["en", "fr", "de"]
    assert "article says something" in out[0]["text"] and out[0]["error"] is None
    assert "carries boats of every size" in out[1]["text"]
    assert out[2]["error"].startswith("empty-input")

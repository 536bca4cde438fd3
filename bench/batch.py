"""Batch throughput and memory: `cleaner batch` over the dev pages repeated N times.

Builds N pages in a temp dir (the dev HTML pages repeated, as page files and as
one WARC written with warcio), runs `cleaner batch` as a subprocess with
``--jobs`` 1 and 2, and reports pages/s and the peak RSS summed over the whole
process tree (main, forkserver, workers; sampled every 0.1 s from /proc; shared
pages are counted once per process, so this overstates real use), and the CPU
seconds the tree used (all processes, and the main process alone): on a shared,
loaded machine wall-clock pages/s mostly measures the other load, while CPU
seconds per page show whether more workers cost more work. Optionally
checks that a run interrupted with SIGINT and resumed writes the same bytes as
an uninterrupted one.

    python3 bench/batch.py --pages 1000 10000 --jobs 1 2 --kinds html warc
    python3 bench/batch.py --pages 1000 --resume-check
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
DEV_SETS = ("scrapinghub/html", "modern-dev/html")


def dev_pages() -> list[Path]:
    pages: list[Path] = []
    for sub in DEV_SETS:
        pages.extend(sorted((DATA / sub).glob("*.htm*")))
    if not pages:
        sys.exit(f"no dev pages under {DATA}")
    return pages


def build_html(root: Path, n: int, pages: list[Path]) -> Path:
    out = root / f"html-{n}"
    if out.exists():
        return out
    for i in range(n):
        src = pages[i % len(pages)]
        d = out / f"d{i // 1000:03d}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{i:06d}-{src.name}").write_bytes(src.read_bytes())
    return out


def build_warc(root: Path, n: int, pages: list[Path]) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = root / f"crawl-{n}.warc.gz"
    if out.exists():
        return out
    with out.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            src = pages[i % len(pages)]
            raw = src.read_bytes()
            if raw[:2] == b"\x1f\x8b":
                raw = gzip.decompress(raw)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                       protocol="HTTP/1.1")
            rec = writer.create_warc_record(f"https://example.org/{i}/{src.stem}", "response",
                                            payload=io.BytesIO(raw), http_headers=headers)
            writer.write_record(rec)
    return out


def tree_sample(root_pid: int) -> tuple[int, dict[int, int]]:
    """(sum of VmRSS in bytes, CPU ticks per pid) of ``root_pid`` and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                stat = fh.read()
            with open(f"/proc/{entry}/statm") as fh:
                pages = int(fh.read().split()[1])
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = pages * os.sysconf("SC_PAGE_SIZE")
        ticks[int(entry)] = int(fields[11]) + int(fields[12])  # utime + stime
    total, todo, cpu = 0, [root_pid], {}
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        cpu[pid] = ticks.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total, cpu


def run(args: list[str], interrupt_after: float | None = None) -> dict[str, float]:
    """Run `cleaner batch ARGS -q`; wall time, peak tree RSS, CPU seconds (all, main only)."""
    cmd = [sys.executable, "-m", "cleaner", "batch", *args, "-q"]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, start_new_session=True)
    peak = 0
    cpu: dict[int, int] = {}
    while proc.poll() is None:
        rss, ticks = tree_sample(proc.pid)
        peak = max(peak, rss)
        for pid, n in ticks.items():
            cpu[pid] = max(cpu.get(pid, 0), n)
        if interrupt_after is not None and time.monotonic() - start > interrupt_after:
            os.killpg(proc.pid, signal.SIGINT)
            interrupt_after = None
        time.sleep(0.1)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1, 130):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {err}")
    hz = os.sysconf("SC_CLK_TCK")
    return {"seconds": time.monotonic() - start, "peak_rss_mib": peak / 2**20,
            "cpu_seconds": sum(cpu.values()) / hz, "main_cpu_seconds": cpu.get(proc.pid, 0) / hz,
            "exit": proc.returncode}


def count_records(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in fh)


def resume_check(root: Path, inputs: Path, jobs: int) -> bool:
    whole, split = root / "whole.jsonl.gz", root / "split.jsonl.gz"
    for p in (whole, split):
        p.unlink(missing_ok=True)
    first = run([str(inputs), "-o", str(whole), "-j", str(jobs)])
    cut = run([str(inputs), "-o", str(split), "-j", str(jobs)],
              interrupt_after=first["seconds"] / 2)
    rest = run([str(inputs), "-o", str(split), "-j", str(jobs)])
    same = whole.read_bytes() == split.read_bytes()
    print(f"resume check: uninterrupted {first['seconds']:.1f} s; interrupted at "
          f"{cut['seconds']:.1f} s (exit {cut['exit']:.0f}), resumed in {rest['seconds']:.1f} s;"
          f" outputs identical: {same}")
    return same


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, nargs="+", default=[1000])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--kinds", nargs="+", default=["html", "warc"], choices=["html", "warc"])
    ap.add_argument("--resume-check", action="store_true")
    ap.add_argument("--workdir", help="Keep generated inputs here (default: a temp dir).")
    ap.add_argument("--json", help="Append result rows to this JSONL file.")
    args = ap.parse_args()
    pages = dev_pages()
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
        root = Path(args.workdir or tmp)
        root.mkdir(parents=True, exist_ok=True)
        rows = []
        print(f"{'kind':5} {'pages':>6} {'jobs':>4} {'seconds':>8} {'pages/s':>8} "
              f"{'peak RSS MiB':>12} {'load':>5} {'CPU s':>7} {'main CPU s':>10}")
        for n in args.pages:
            for kind in args.kinds:
                inputs = build_html(root, n, pages) if kind == "html" else \
                    build_warc(root, n, pages)
                for jobs in args.jobs:
                    out = root / f"out-{kind}-{n}-{jobs}.jsonl"
                    out.unlink(missing_ok=True)
                    load = os.getloadavg()[0]
                    res = run([str(inputs), "-o", str(out), "-j", str(jobs)])
                    done = count_records(out)
                    row = {"kind": kind, "pages": n, "jobs": jobs, "cleaned": done,
                           "pages_per_s": n / res["seconds"], "load": load, **res}
                    rows.append(row)
                    print(f"{kind:5} {n:6d} {jobs:4d} {res['seconds']:8.1f} "
                          f"{row['pages_per_s']:8.1f} {res['peak_rss_mib']:12.0f} {load:5.1f} "
                          f"{res['cpu_seconds']:7.0f} {res['main_cpu_seconds']:10.1f}", flush=True)
                    out.unlink(missing_ok=True)
        for n in args.pages:
            for kind in args.kinds:
                by_jobs = {r["jobs"]: r["pages_per_s"] for r in rows
                           if r["pages"] == n and r["kind"] == kind}
                if 1 in by_jobs and 2 in by_jobs:
                    print(f"speed-up {kind} {n} pages, --jobs 2 vs 1: "
                          f"{by_jobs[2] / by_jobs[1]:.2f}x")
        if args.json:
            with open(args.json, "a") as fh:
                for row in rows:
                    fh.write(json.dumps(row) + "\n")
        if args.resume_check:
            resume_check(root, build_html(root, args.pages[0], pages), max(args.jobs))


if __name__ == "__main__":
    main()

"""Extraction speed and memory of cleaner, trafilatura and readability-lxml.

Time: one process runs all tools on the same pages. Pages are read and gunzipped
before any timing, so only extraction (decoding, parsing, extracting, rendering text)
is timed. Each tool first runs untimed on ``--warmup`` pages (imports, lazy regex and
lexicon compilation); then, page by page, every tool runs once, the order rotated at
each page, so background load and CPU cache effects fall evenly on all tools. We report
CPU docs/s (process_time: robust to other programs sharing the 2 cores) and wall docs/s.

Memory: per tool, a fresh child process (this script with --child) loads the pages,
imports the tool and warms it up, resets the kernel's peak-RSS mark
(/proc/self/clear_refs), runs every page, and reports the peak RSS (VmHWM) above its
RSS before the run. RSS rather than tracemalloc because lxml/libxml2 allocate in C,
which tracemalloc does not see. "import MiB" is what importing plus warm-up added.

    python3 bench/speed.py [--sets scrapinghub,modern-dev] [--limit 100 (0 = all)] [--warmup 5]
        [--tools ...] [--preset NAME] [--no-memory] [--markdown]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

from common import (
    Run,
    add_tool_args,
    base_parser,
    block_network,
    call,
    make_tools,
    presets_of,
    ratio,
    table,
    versions,
    write_json,
)
from datasets import Page, html_pages

REFERENCE = "trafilatura"
DEFAULT_LIMIT = 100
MIB = 1024 * 1024


def load(sets: list[str], limit: int | None) -> dict[str, list[Page]]:
    return {name: list(html_pages(name, limit)) for name in sets}


def rss_field(name: str) -> int:
    """A VmRSS/VmHWM value from /proc/self/status in bytes (0 where /proc is absent)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def child(tool_arg: str, sets: list[str], limit: int | None, warmup: int,
          presets: list[str]) -> None:
    """Memory probe for one tool in its own process; prints one JSON line."""
    block_network()
    pages = [p for ps in load(sets, limit).values() for p in ps]
    before_import = rss_field("VmRSS")
    tools = make_tools([tool_arg], presets)
    fn = next(iter(tools.values()))
    for page in pages[:warmup]:
        call(fn, page, Run())
    base = rss_field("VmRSS")
    try:
        Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current RSS
        reset = True
    except OSError:
        reset = False
    run = Run()
    for page in pages:
        call(fn, page, run)
    # Without clear_refs, ru_maxrss (KiB on Linux) is the peak over the whole process.
    peak = rss_field("VmHWM") if reset else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss << 10
    print(json.dumps({"import_mib": (base - before_import) / MIB,
                      "peak_extra_mib": max(0, peak - base) / MIB,
                      "peak_rss_mib": peak / MIB, "errors": run.errors}))


def memory(tool: str, args: Any, presets: list[str]) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", tool, "--sets", ",".join(args.sets),
           "--limit", str(args.limit or 0), "--warmup", str(args.warmup)]
    if presets:
        cmd += ["--preset", presets[0]]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=1200, env=env,
                             check=True).stdout
        result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
        return result
    except (subprocess.SubprocessError, ValueError, IndexError) as exc:
        print(f"memory probe for {tool} failed: {exc}", file=sys.stderr)
        return {}


def main(argv: list[str] | None = None) -> None:
    parser = base_parser(__doc__.splitlines()[0])
    add_tool_args(parser)
    parser.set_defaults(limit=DEFAULT_LIMIT)
    parser.add_argument("--warmup", type=int, default=5, help="untimed pages per tool first")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory probes")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.limit = args.limit or None  # --limit 0: every page
    presets = presets_of(args)[:1]  # speed: one cleaner configuration
    if args.child:
        child(args.child, args.sets, args.limit, args.warmup, presets)
        return
    block_network()
    tools = make_tools(args.tools, presets)
    names = list(tools)
    results: dict[str, dict[str, Any]] = {}
    for set_name, pages in load(args.sets, args.limit).items():
        for name in names:  # warm-up, untimed
            for page in pages[: args.warmup]:
                call(tools[name], page, Run())
        runs = {name: Run() for name in names}
        for i, page in enumerate(pages):
            shift = i % len(names)
            for name in names[shift:] + names[:shift]:
                call(tools[name], page, runs[name])
        results[set_name] = {
            name: {"docs": len(pages), "cpu_s": r.cpu, "wall_s": r.wall, "errors": r.errors,
                   "cpu_docs_s": len(pages) / max(r.cpu, 1e-9),
                   "wall_docs_s": len(pages) / max(r.wall, 1e-9),
                   "mib_per_page": sum(len(p.data) for p in pages) / len(pages) / MIB}
            for name, r in runs.items()
        }
    mem = {} if args.no_memory else {name: memory(name.split(":")[0], args, presets)
                                     for name in names}
    rows = []
    for set_name, by_tool in results.items():
        ref = by_tool.get(REFERENCE, {})
        for name, r in by_tool.items():
            rows.append([set_name, name, r["docs"], f"{r['cpu_docs_s']:.1f}",
                         f"{r['wall_docs_s']:.1f}", ratio(r["cpu_docs_s"], ref.get("cpu_docs_s")),
                         r["errors"]])
    print(table(["set", "tool", "docs", "docs/s (CPU)", "docs/s (wall)", "x traf", "errors"],
                rows, args.markdown))
    if mem:
        print()
        mrows = [[name, f"{m.get('import_mib', 0):.1f}", f"{m.get('peak_extra_mib', 0):.1f}",
                  f"{m.get('peak_rss_mib', 0):.1f}"] for name, m in mem.items()]
        print(table(["tool (all sets, own process)", "import+warm-up MiB", "peak extra MiB",
                     "peak RSS MiB"], mrows, args.markdown))
    path = write_json("speed", {"args": vars(args), "versions": versions(), "nproc": os.cpu_count(),
                                "results": results, "memory": mem})
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()

"""Ray engine vs the local pool: throughput on N pages and identical outputs.

Runs `cleaner batch IN -o out.jsonl -j 2` with the local engine, then with
`--engine ray` (a local Ray instance with 2 CPUs, started by the command, so
its start-up time is included), and reports pages/s of both, their ratio
(target >= 0.8) and whether the outputs are byte-identical. Also prints the
load average: on a shared machine, other work skews both numbers.

    python3 bench/ray_batch.py --pages 5000
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch import build_html, dev_pages, run  # bench/ is not a package: imported by path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--workdir", help="Keep generated inputs here (default: a temp dir).")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="cleaner-ray-bench-") as tmp:
        root = Path(args.workdir or tmp)
        root.mkdir(parents=True, exist_ok=True)
        inputs = build_html(root, args.pages, dev_pages())
        rates = {}
        outs = {}
        for engine in ("local", "ray"):
            out = root / f"out-{engine}.jsonl"
            out.unlink(missing_ok=True)
            load = os.getloadavg()[0]
            res = run([str(inputs), "-o", str(out), "-j", str(args.jobs), "--engine", engine])
            rates[engine] = args.pages / res["seconds"]
            outs[engine] = out
            print(f"{engine:5} {args.pages} pages -j {args.jobs}: {res['seconds']:.1f} s, "
                  f"{rates[engine]:.1f} pages/s, peak RSS {res['peak_rss_mib']:.0f} MiB, "
                  f"CPU {res['cpu_seconds']:.0f} s (load average at start {load:.1f})",
                  flush=True)
        same = outs["local"].read_bytes() == outs["ray"].read_bytes()
        print(f"ray / local throughput: {rates['ray'] / rates['local']:.2f}x; "
              f"outputs identical: {same}")


if __name__ == "__main__":
    main()

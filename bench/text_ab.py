"""Text-input speed of two source trees, measured in the same minutes.

The development machine is shared, so two runs minutes apart can differ by 20%
for the same code. Here one worker process per tree cleans the same 10-page
chunks of a text-dev set in turn (the order alternates per chunk), and the CPU
time each spends is summed: both see the same load, and the ratio holds where
the absolute pages/s do not.

    python3 bench/text_ab.py A_SRC B_SRC [--sets scrapinghub,modern-dev]
        [--styles browser,soup] [--rounds 2]

e.g. ``python3 bench/text_ab.py ../main/src src``. As in text_quality.py, five
pages warm each worker up and the phrase memo is cleared before timing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from common import csv_list
from datasets import TEXT_STYLES

HERE = Path(__file__).resolve().parent
CHUNK = 10
WORKER = r"""
import sys, time
sys.path.insert(0, sys.argv[3])
from datasets import text_pages
import cleaner
from cleaner.extract.text_lexicon import memo_lexicon
pages = list(text_pages(sys.argv[1], sys.argv[2], None))
settings = cleaner.Settings()
for p in pages[:5]:
    cleaner.clean(p.data, url=p.url, settings=settings)
memo_lexicon().memo.clear()
print(len(pages), flush=True)
for line in sys.stdin:
    a, b = map(int, line.split())
    t = time.process_time()
    for p in pages[a:b]:
        cleaner.clean(p.data, url=p.url, settings=settings)
    print(time.process_time() - t, flush=True)
"""


def compare(srcs: list[str], set_name: str, style: str, rounds: int) -> list[float]:
    """Pages/s (CPU) of each source tree on one set and style."""
    procs = [
        subprocess.Popen([sys.executable, "-c", WORKER, set_name, style, str(HERE)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                         env=dict(os.environ, PYTHONPATH=str(Path(src).resolve())))
        for src in srcs
    ]
    counts = [int(p.stdout.readline()) for p in procs]  # type: ignore[union-attr]
    n = counts[0]
    spent = [0.0] * len(procs)
    for r in range(rounds):
        for chunk, start in enumerate(range(0, n, CHUNK)):
            order = range(len(procs)) if (chunk + r) % 2 == 0 else reversed(range(len(procs)))
            for k in order:
                procs[k].stdin.write(f"{start} {min(start + CHUNK, n)}\n")  # type: ignore[union-attr]
                procs[k].stdin.flush()  # type: ignore[union-attr]
                spent[k] += float(procs[k].stdout.readline())  # type: ignore[union-attr]
    for p in procs:
        p.stdin.close()  # type: ignore[union-attr]
        p.wait()
    return [rounds * n / max(t, 1e-9) for t in spent]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a_src", help="first source tree (e.g. ../main/src)")
    parser.add_argument("b_src", help="second source tree (e.g. src)")
    parser.add_argument("--sets", type=csv_list, default=["scrapinghub", "modern-dev"])
    parser.add_argument("--styles", type=csv_list, default=list(TEXT_STYLES))
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print("set/style             A p/s   B p/s   B/A")
    for set_name in args.sets:
        for style in args.styles:
            a, b = compare([args.a_src, args.b_src], set_name, style, args.rounds)
            print(f"{set_name + '/' + style:20s} {a:6.0f}  {b:6.0f}  {b / a:5.3f}")


if __name__ == "__main__":
    main()

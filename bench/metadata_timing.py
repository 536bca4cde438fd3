"""What the metadata stage costs, and htmldate vs our own date reading.

    python3 bench/metadata_timing.py [--limit N] [--htmldate] [--text]

Per page (modern-dev): parse once, then time clean() end to end and the
metadata parts alone (collect_html + resolve_html before extraction,
complete_html after), so the share metadata adds to clean() is measured on
the same pages in the same run. ``--htmldate`` also times
``htmldate.find_date`` (fast mode, extensive_search=False, and the default
extensive mode) on the same parsed tree and scores its dates like ours.
``--text`` times the flattened-text pages instead (text-dev modern-dev, both
styles): clean() end to end against ``text_page_metadata`` alone.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import cleaner
from cleaner.core.settings import DEFAULT_SETTINGS
from cleaner.extract.html_pipeline import extract_html
from cleaner.extract.text_pipeline import extract_text
from cleaner.inputs.parse import parse_html
from cleaner.metadata.complete import complete_html
from cleaner.metadata.html_meta import collect_html, resolve_html
from cleaner.metadata.text_meta import text_page_metadata
from datasets import TEXT_STYLES, html_pages, text_pages


def text_timing(limit: int | None) -> None:
    """Share of clean() spent in text_page_metadata on text-dev pages."""
    pages = [p for style in TEXT_STYLES for p in text_pages("modern-dev", style, limit)]
    cleaner.clean(pages[0].data, url=pages[0].url)  # warm up
    t_clean = t_meta = 0.0
    for p in pages:
        t0 = time.perf_counter()
        cleaner.clean(p.data, url=p.url)
        t_clean += time.perf_counter() - t0
        res = extract_text(p.data.decode("utf-8", "replace"), None, DEFAULT_SETTINGS)
        found = res.findings
        t0 = time.perf_counter()
        text_page_metadata(found.title, found.authors, found.date, p.url, res.blocks,
                           res.verdicts)
        t_meta += time.perf_counter() - t0
    n = len(pages)
    print(f"text pages={n}  clean() {1000 * t_clean / n:.1f} ms/page  metadata stage "
          f"{1000 * t_meta / n:.2f} ms/page = {100 * t_meta / t_clean:.1f}% of clean()")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    ap.add_argument("--htmldate", action="store_true")
    ap.add_argument("--text", action="store_true", help="flattened-text pages instead")
    args = ap.parse_args()
    if args.text:
        text_timing(args.limit)
        return
    pages = list(html_pages("modern-dev", args.limit))
    cleaner.clean(pages[0].data, url=pages[0].url)  # warm up: lazy models, lexicon
    t_clean = t_meta = 0.0
    hd = {"fast": [0.0, 0, 0, 0, 0], "extensive": [0.0, 0, 0, 0, 0]}
    ours = [0, 0, 0, 0]
    for p in pages:
        t0 = time.perf_counter()
        doc = cleaner.clean(p.data, url=p.url)
        t_clean += time.perf_counter() - t0
        root = parse_html(p.data.decode("utf-8", "replace"))
        t0 = time.perf_counter()
        ev = collect_html(root, p.url)
        meta = resolve_html(ev)
        t_meta += time.perf_counter() - t0
        res = extract_html(root, meta.url or p.url, meta.title, DEFAULT_SETTINGS)
        t0 = time.perf_counter()
        complete_html(ev, res.blocks, res.verdicts)
        t_meta += time.perf_counter() - t0
        gold = p.truth.get("publish_date")
        got = doc.metadata.date
        ours[0] += bool(gold and got and got[:10] == gold)
        ours[1] += bool(gold)
        ours[2] += bool(not gold and got)
        ours[3] += bool(not gold)
        if args.htmldate:
            from htmldate import find_date

            for mode, extensive in (("fast", False), ("extensive", True)):
                tree = parse_html(p.data.decode("utf-8", "replace"))
                t0 = time.perf_counter()
                try:
                    d = find_date(tree, url=p.url, extensive_search=extensive,
                                  original_date=True)
                except Exception:
                    d = None
                row = hd[mode]
                row[0] += time.perf_counter() - t0
                row[1] += bool(gold and d and d[:10] == gold)
                row[2] += bool(gold)
                row[3] += bool(not gold and d)
                row[4] += bool(not gold)
    n = len(pages)
    print(f"pages={n}  clean() {1000 * t_clean / n:.1f} ms/page  metadata stage "
          f"{1000 * t_meta / n:.2f} ms/page = {100 * t_meta / t_clean:.1f}% of clean()")
    print(f"cleaner dates: accuracy={ours[0] / max(1, ours[1]):.3f} "
          f"spurious={ours[2] / max(1, ours[3]):.3f}")
    if args.htmldate:
        for mode, row in hd.items():
            print(f"htmldate {mode:9}: {1000 * row[0] / n:.2f} ms/page  "
                  f"accuracy={row[1] / max(1, row[2]):.3f} spurious={row[3] / max(1, row[4]):.3f}")


if __name__ == "__main__":
    main()

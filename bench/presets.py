"""The three presets side by side on the dev sets, in one run.

    python bench/presets.py                      # scrapinghub and modern-dev
    python bench/presets.py scrapinghub          # one set
    python bench/presets.py --limit 50 modern-dev

Each page is parsed from the same bytes three times (once per preset) and scored
with the ScrapingHub shingle metric (bench/scoring.py). The table ends with a
check of what the presets promise: ``precision`` has the highest precision,
``recall`` the highest recall and ``balanced`` the best F1 on every set, each
strictly (a tie breaks the promise).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import cleaner
from cleaner.core.thresholds import PRESETS
from datasets import HTML_SETS, html_pages
from scoring import SetScore, aggregate, score_doc


def score_set(name: str, limit: int | None) -> dict[str, tuple[SetScore, float]]:
    """Per preset: the aggregate score and the documents per second."""
    settings = {p: cleaner.Settings.from_preset(p) for p in PRESETS}
    scores: dict[str, list[object]] = {p: [] for p in PRESETS}
    seconds = dict.fromkeys(PRESETS, 0.0)
    pages = list(html_pages(name, limit))
    for page in pages:
        for preset, s in settings.items():
            t0 = time.perf_counter()
            try:
                text = cleaner.clean(page.data, url=page.url, settings=s).text
            except cleaner.CleanerError:
                text = ""
            seconds[preset] += time.perf_counter() - t0
            scores[preset].append(score_doc(text, page.gold))
    return {
        p: (aggregate(scores[p]), len(pages) / seconds[p] if seconds[p] else 0.0)  # type: ignore[arg-type]
        for p in PRESETS
    }


def check(results: dict[str, tuple[SetScore, float]]) -> list[str]:
    """The promises a preset makes that these figures break (empty = all kept).

    Each promise is strict: a tie with another preset breaks it.
    """
    broken = []
    for preset, metric in (("precision", "precision"), ("recall", "recall"), ("balanced", "f1")):
        own = getattr(results[preset][0], metric)
        rivals = [p for p in results if p != preset and getattr(results[p][0], metric) >= own]
        if rivals:
            broken.append(f"{preset} does not have the highest {metric} "
                          f"(tied or beaten by {', '.join(rivals)})")
    return broken


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="*", default=list(HTML_SETS))
    parser.add_argument("--limit", type=int, default=None, help="pages per set")
    args = parser.parse_args()
    failed = False
    print(f"{'set':<12} {'preset':<10} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'docs/s':>7}")
    for name in args.sets:
        results = score_set(name, args.limit)
        for preset, (agg, rate) in results.items():
            print(f"{name:<12} {preset:<10} {agg.precision:6.3f} {agg.recall:6.3f} "
                  f"{agg.f1:6.3f} {agg.accuracy:6.3f} {rate:7.1f}")
        broken = check(results)
        print(f"{name:<12} presets: {'ok' if not broken else '; '.join(broken)}")
        failed = failed or bool(broken)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

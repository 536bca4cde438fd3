"""Quick quality check of cleaner alone (no other tools): python bench/quick.py [set]."""

from __future__ import annotations

import sys
import time

sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))

import cleaner
from datasets import html_pages, text_pages
from scoring import aggregate, score_doc, snippet_hits


def main() -> None:
    which = sys.argv[1] if len(sys.argv) > 1 else "scrapinghub"
    worst = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    if "/" in which:
        name, style = which.split("/")
        pages = list(text_pages(name, style))
    else:
        pages = list(html_pages(which))
    scores, snip_ok, snip_n, t0 = [], 0, 0, time.perf_counter()
    per = []
    for p in pages:
        try:
            text = cleaner.clean(p.data, url=p.url).text
        except cleaner.CleanerError as exc:
            text = ""
            print("ERR", p.id, exc)
        s = score_doc(text, p.gold)
        scores.append(s)
        per.append((s.f1, s.precision, s.recall, p.id))
        w = p.truth.get("with") or []
        wo = p.truth.get("without") or []
        ok, n = snippet_hits(text, list(w), list(wo))  # type: ignore[arg-type]
        snip_ok += ok
        snip_n += n
    dt = time.perf_counter() - t0
    agg = aggregate(scores)
    print(f"{which}: P={agg.precision:.3f} R={agg.recall:.3f} F1={agg.f1:.3f} "
          f"acc={agg.accuracy:.3f} snippets={snip_ok / max(1, snip_n):.3f} "
          f"docs/s={len(pages) / dt:.1f}")
    for f1, p_, r, pid in sorted(per)[:worst]:
        print(f"  {pid[:20]} F1={f1:.2f} P={p_:.2f} R={r:.2f}")


if __name__ == "__main__":
    main()

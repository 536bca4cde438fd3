"""Extraction quality of cleaner, trafilatura and readability-lxml, side by side.

On the HTML dev sets: ScrapingHub 4-gram shingle precision / recall / F1 and exact
accuracy (bench/scoring.py), plus the "with"/"without" snippet accuracy and F1 where
the set has snippets (modern-dev). Ratios are to trafilatura's figure on the same set.
Results (aggregates and per-page F1) go to bench/out/quality.json.

    python3 bench/quality.py [--sets scrapinghub,modern-dev] [--limit N]
        [--tools cleaner,trafilatura,readability] [--preset NAME | --presets a,b,c]
        [--markdown]
"""

from __future__ import annotations

import sys
from typing import Any

from common import (
    add_tool_args,
    base_parser,
    block_network,
    make_tools,
    presets_of,
    ratio,
    run_tool,
    snippets,
    table,
    versions,
    write_json,
)
from datasets import html_pages
from scoring import SnippetScore, aggregate, score_doc

REFERENCE = "trafilatura"


def score_set(texts: list[str], pages: list[Any]) -> dict[str, Any]:
    docs = [score_doc(t, p.gold) for t, p in zip(texts, pages, strict=True)]
    agg = aggregate(docs)
    snip = SnippetScore()
    for text, page in zip(texts, pages, strict=True):
        snip.add(text, *snippets(page))
    return {
        "precision": agg.precision, "recall": agg.recall, "f1": agg.f1,
        "accuracy": agg.accuracy, "docs": agg.docs,
        "snippet_acc": snip.accuracy if snip.total else None,
        "snippet_f1": snip.f1 if snip.total else None,
        "per_page_f1": {p.id: round(d.f1, 4) for p, d in zip(pages, docs, strict=True)},
    }


def main(argv: list[str] | None = None) -> None:
    parser = base_parser(__doc__.splitlines()[0])
    add_tool_args(parser)
    args = parser.parse_args(argv)
    block_network()
    tools = make_tools(args.tools, presets_of(args))
    results: dict[str, dict[str, Any]] = {}
    for set_name in args.sets:
        pages = list(html_pages(set_name, args.limit))
        results[set_name] = {}
        for tool, fn in tools.items():
            run = run_tool(fn, pages)
            res = score_set(run.texts, pages)
            res.update(errors=run.errors, first_error=run.first_error,
                       seconds=round(run.wall, 2), docs_per_s=len(pages) / max(run.wall, 1e-9))
            results[set_name][tool] = res
            print(f"  {set_name:12} {tool:20} F1={res['f1']:.3f} errors={run.errors} "
                  f"{res['docs_per_s']:.1f} docs/s", file=sys.stderr)
    rows = []
    for set_name, by_tool in results.items():
        ref = by_tool.get(REFERENCE, {})
        for tool, r in by_tool.items():
            rows.append([set_name, tool, r["docs"], r["precision"], r["recall"], r["f1"],
                         r["accuracy"], r["snippet_acc"], r["snippet_f1"],
                         ratio(r["f1"], ref.get("f1")),
                         ratio(r["snippet_acc"], ref.get("snippet_acc")), r["errors"]])
    headers = ["set", "tool", "docs", "P", "R", "F1", "acc", "snip acc", "snip F1",
               "F1/traf", "snip/traf", "errors"]
    print(table(headers, rows, args.markdown))
    path = write_json("quality", {"args": vars(args), "versions": versions(), "results": results})
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()

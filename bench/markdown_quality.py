"""Quality on Markdown dumps of the HTML dev pages (what RAG scrapers hand over).

Each HTML dev page is converted with html2text (links and images kept, as
reader/crawler services emit them), once unwrapped and once hard-wrapped at 78
columns (html2text's default), and scored against the gold body:

- cleaner: cleaner.clean on the Markdown bytes (the text path, auto-detected);
- identity: the whole Markdown dump, unfiltered;
- no-link-dump: html2text told to drop link targets and images, unfiltered (what
  a converter that writes plain text would give: it shows how much of the
  identity's loss is URLs).

    python3 bench/markdown_quality.py [--sets scrapinghub,modern-dev] [--limit N]
        [--widths 0,78] [--markdown]

Needs html2text (``pip install -e ".[bench]"``). Results to bench/out/markdown_quality.json.
"""

from __future__ import annotations

import sys
from typing import Any

import html2text

import cleaner
from common import base_parser, block_network, csv_list, table, write_json
from datasets import html_pages
from scoring import aggregate, score_doc

METHODS = ("cleaner", "identity", "no-link-dump")


def convert(data: bytes, width: int, links: bool) -> str:
    """The page as html2text writes it (``width`` 0: no wrapping)."""
    conv = html2text.HTML2Text()
    conv.body_width = width
    conv.ignore_links = conv.ignore_images = not links
    return conv.handle(data.decode("utf-8", "replace"))


def main(argv: list[str] | None = None) -> None:
    parser = base_parser(__doc__.splitlines()[0])
    parser.add_argument("--widths", type=csv_list, default=["0", "78"],
                        help="comma-separated html2text body widths (0: no wrapping)")
    args = parser.parse_args(argv)
    block_network()
    results: dict[str, dict[str, Any]] = {}
    for set_name in args.sets:
        pages = list(html_pages(set_name, args.limit))
        for width in (int(w) for w in args.widths):
            texts: dict[str, list[str]] = {m: [] for m in METHODS}
            for page in pages:
                dump = convert(page.data, width, links=True)
                try:
                    texts["cleaner"].append(cleaner.clean(dump.encode(), url=page.url).text)
                except cleaner.CleanerError:
                    texts["cleaner"].append("")
                texts["identity"].append(dump)
                texts["no-link-dump"].append(convert(page.data, width, links=False))
            key = f"{set_name}/width-{width}"
            results[key] = {}
            for method, outs in texts.items():
                agg = aggregate(score_doc(t, p.gold) for t, p in zip(outs, pages, strict=True))
                results[key][method] = {"precision": agg.precision, "recall": agg.recall,
                                        "f1": agg.f1, "docs": agg.docs}
                print(f"  {key:26} {method:14} F1={agg.f1:.3f}", file=sys.stderr)
    rows = [[key, m, r["precision"], r["recall"], r["f1"]]
            for key, by in results.items() for m, r in by.items()]
    print(table(["set / width", "method", "P", "R", "F1"], rows, args.markdown))
    print(write_json("markdown_quality", {"results": results}))


if __name__ == "__main__":
    main()

"""Quality on flattened text input (text-dev): cleaner vs. text baselines.

Methods, each on /work/shared/data/text-dev/<set>/<id>.<style>.txt:
- cleaner: cleaner.clean(text_bytes) (auto-detects text; --input-mode text forces it);
- identity, c4-lines, c4-page, justext-lines: bench/baselines.py;
- trafilatura-html: trafilatura.extract on the ORIGINAL HTML, as a reference (the
  same figure for both styles).
Scores: shingle P/R/F1 on the article body (what the text-dev README's reference table
reports: our identity and jusText figures reproduce it exactly); on modern-dev also
snippet F1 and accuracy. Also cleaner's pages/s on text (target >= 500).
Results to bench/out/text_quality.json.

    python3 bench/text_quality.py [--sets scrapinghub,modern-dev] [--styles browser,soup]
        [--methods ...] [--limit N] [--input-mode auto|text] [--markdown]
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from baselines import BASELINES
from common import (
    Extractor,
    Run,
    base_parser,
    block_network,
    call,
    csv_list,
    snippets,
    table,
    trafilatura_tool,
)
from common import write_json as save
from datasets import TEXT_STYLES, Page, html_pages, text_pages
from scoring import SnippetScore, aggregate, score_doc

REFERENCE = "trafilatura-html"
METHODS = ("cleaner", *BASELINES, REFERENCE)
TARGET_PAGES_S = 500


def score(texts: list[str], pages: list[Page]) -> dict[str, Any]:
    agg = aggregate(score_doc(t, p.gold) for t, p in zip(texts, pages, strict=True))
    snip = SnippetScore()
    for text, page in zip(texts, pages, strict=True):
        snip.add(text, *snippets(page))
    return {"precision": agg.precision, "recall": agg.recall, "f1": agg.f1, "docs": agg.docs,
            "snippet_f1": snip.f1 if snip.total else None,
            "snippet_acc": snip.accuracy if snip.total else None}


def on_text(fn: Callable[[str], str]) -> Extractor:
    """A text -> text baseline as an Extractor (bytes in, UTF-8 as text-dev is)."""
    return lambda data, _url: fn(data.decode("utf-8", "replace"))


def run_cleaner(pages: list[Page], input_mode: str) -> tuple[Run, list[str]]:
    """cleaner on the text pages; also the ids of pages that were not treated as text."""
    import cleaner
    from cleaner.core.model import InputKind
    from cleaner.extract.text_lexicon import memo_lexicon

    settings = cleaner.Settings(input_mode=input_mode)  # type: ignore[arg-type]
    as_html: list[str] = []

    def extract(data: bytes, url: str | None) -> str:
        doc = cleaner.clean(data, url=url, settings=settings)
        if doc.input_kind is not InputKind.TEXT:
            as_html.append(url or "?")
        return doc.text

    for page in pages[:5]:  # warm-up (lexicons, regexes, language model), untimed
        call(extract, page, Run())
    as_html.clear()
    # The timed pass starts with no remembered lines (the warm-up pages come again).
    memo_lexicon().memo.clear()
    run = Run()
    for page in pages:
        call(extract, page, run)
    return run, list(as_html)


def main(argv: list[str] | None = None) -> None:
    parser = base_parser(__doc__.splitlines()[0])
    parser.add_argument("--styles", type=csv_list, default=list(TEXT_STYLES),
                        help="comma-separated: browser,soup")
    parser.add_argument("--methods", type=csv_list, default=list(METHODS),
                        help="comma-separated: " + ",".join(METHODS))
    parser.add_argument("--input-mode", default="auto", choices=("auto", "text"),
                        help="cleaner's input_mode (auto = detect text as a user would)")
    args = parser.parse_args(argv)
    block_network()
    results: dict[str, dict[str, Any]] = {}
    speed: dict[str, Any] = {}
    for set_name in args.sets:
        ref: dict[str, Any] | None = None
        for style in args.styles:
            key = f"{set_name}/{style}"
            pages = list(text_pages(set_name, style, args.limit))
            results[key] = {}
            for method in args.methods:
                if method == "cleaner":
                    run, as_html = run_cleaner(pages, args.input_mode)
                    speed[key] = {"pages_s_wall": len(pages) / max(run.wall, 1e-9),
                                  "pages_s_cpu": len(pages) / max(run.cpu, 1e-9),
                                  "not_text": len(as_html), "not_text_urls": as_html}
                elif method == REFERENCE:
                    if ref is None:
                        ref = reference(set_name, pages)
                    results[key][method] = ref
                    continue
                elif method in BASELINES:
                    run = Run()
                    for page in pages:
                        call(on_text(BASELINES[method]), page, run)
                else:
                    sys.exit(f"unknown method {method!r} (choose from {', '.join(METHODS)})")
                res = score(run.texts, pages)
                res.update(errors=run.errors, first_error=run.first_error)
                results[key][method] = res
                print(f"  {key:22} {method:16} F1={res['f1']:.3f} errors={run.errors}",
                      file=sys.stderr)
    print_tables(results, speed, args.markdown)
    path = save("text_quality", {"args": vars(args), "results": results, "cleaner_speed": speed})
    print(f"\nwrote {path}")


def reference(set_name: str, text_pages_: list[Page]) -> dict[str, Any]:
    """trafilatura on the original HTML of the same ids."""
    wanted = {p.id for p in text_pages_}
    pages = [p for p in html_pages(set_name) if p.id in wanted]
    fn, run = trafilatura_tool(), Run()
    for page in pages:
        call(fn, page, run)
    res = score(run.texts, pages)
    res.update(errors=run.errors, first_error=run.first_error)
    return res


def print_tables(results: dict[str, dict[str, Any]], speed: dict[str, Any],
                 markdown: bool) -> None:
    keys = list(results)
    methods = list(dict.fromkeys(m for r in results.values() for m in r))
    rows = [[m, *(results[k].get(m, {}).get("f1") for k in keys)] for m in methods]
    gap = "\n" if markdown else ""  # Markdown needs a blank line before a table
    print("shingle F1 (article body)" + gap)
    print(table(["method", *keys], rows, markdown))
    snip_keys = [k for k in keys if any(r.get("snippet_f1") is not None
                                        for r in results[k].values())]
    if snip_keys:
        print("\nsnippet F1 / accuracy (with/without snippets)" + gap)
        rows = [[m, *(f"{results[k][m]['snippet_f1']:.3f} / {results[k][m]['snippet_acc']:.3f}"
                      if m in results[k] else "-" for k in snip_keys)] for m in methods]
        print(table(["method", *snip_keys], rows, markdown))
    if speed:
        print(f"\ncleaner on text (target >= {TARGET_PAGES_S} pages/s)" + gap)
        rows = [[k, f"{s['pages_s_cpu']:.0f}", f"{s['pages_s_wall']:.0f}", s["not_text"]]
                for k, s in speed.items()]
        print(table(["set/style", "pages/s (CPU)", "pages/s (wall)", "not detected as text"],
                    rows, markdown))


if __name__ == "__main__":
    main()

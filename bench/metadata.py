"""Metadata accuracy (title, author, publish date) on modern-dev: cleaner vs. others.

Tools: cleaner (doc.metadata.title / .authors / .date), trafilatura's
``extract_metadata``, and newspaper4k (``Article.download(input_html=...)`` with image
fetching off; skipped with a note if it is not installed). Matching follows the
modern-dev README: title equal after whitespace/quote normalisation; author
case-insensitive containment either way (a list of authors is joined with ", "); date
the same calendar day. Accuracy counts pages whose gold has the field; "spurious" is the
share of pages whose gold is null where the tool returned a value anyway. Also times
cleaner.clean with and without metadata (if a setting turns it off; otherwise the cost of
the markup-metadata step alone). Results to bench/out/metadata.json.

``--text`` scores the flattened-text pages instead (text-dev/<set>/<id>.{browser,soup}.txt,
whose gold.json carries the same title/author/publish_date as the HTML set): cleaner only,
as the other tools read metadata from HTML markup that flattened text no longer has.

    python3 bench/metadata.py [--limit N] [--tools cleaner,trafilatura,newspaper] [--markdown]
    python3 bench/metadata.py --text [--sets modern-dev] [--limit N]
"""

from __future__ import annotations

import contextlib
import dataclasses
import sys
import time
import unicodedata
import warnings
from collections.abc import Callable
from typing import Any

from common import base_parser, block_network, csv_list, table, versions, write_json
from datasets import TEXT_STYLES, Page, html_pages, text_pages

Meta = dict[str, str | None]
FIELDS = (("title", "title"), ("author", "author"), ("date", "publish_date"))
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"',
                         "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
# Names a Settings field that would switch metadata extraction off, if one exists.
METADATA_SWITCHES = ("metadata", "with_metadata", "extract_metadata")
# Pages for the clean() timing: enough for a stable rate, few enough to stay quick.
TIMING_PAGES = 150


def norm_title(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").translate(_QUOTES).split())


def matches(field: str, got: str | None, gold: str) -> bool:
    if not got:
        return False
    if field == "title":
        return norm_title(got) == norm_title(gold)
    if field == "author":
        a, b = " ".join(got.lower().split()), " ".join(gold.lower().split())
        return a in b or b in a
    return got.strip()[:10] == gold.strip()[:10]


def cleaner_meta() -> Callable[[Page], Meta]:
    import cleaner

    def run(page: Page) -> Meta:
        m = cleaner.clean(page.data, url=page.url).metadata
        return {"title": m.title, "author": ", ".join(m.authors) or None, "date": m.date}

    return run


def trafilatura_meta() -> Callable[[Page], Meta]:
    from trafilatura import extract_metadata

    def run(page: Page) -> Meta:
        m = extract_metadata(page.data.decode("utf-8", "replace"), default_url=page.url)
        return {"title": m.title, "author": m.author, "date": m.date}

    return run


def newspaper_meta() -> Callable[[Page], Meta]:
    warnings.filterwarnings("ignore", module="newspaper")
    import newspaper

    config = newspaper.Config()
    config.fetch_images = False  # it would download every image to size them
    config.memorize_articles = False

    def run(page: Page) -> Meta:
        art = newspaper.Article(page.url or "https://example.invalid/", config=config)
        art.download(input_html=page.data.decode("utf-8", "replace"))
        art.parse()
        date = art.publish_date.date().isoformat() if art.publish_date else None
        return {"title": art.title or None, "author": ", ".join(art.authors) or None,
                "date": date}

    return run


TOOLS = {"cleaner": cleaner_meta, "trafilatura": trafilatura_meta, "newspaper": newspaper_meta}


def evaluate(fn: Callable[[Page], Meta], pages: list[Page]) -> dict[str, Any]:
    got: list[Meta] = []
    errors, cpu = 0, 0.0
    for page in pages[:3]:  # warm-up, untimed: lazy models and caches load on first use
        with contextlib.suppress(Exception):  # errors are counted in the timed loop
            fn(page)
    for page in pages:
        c0 = time.process_time()
        try:
            got.append(fn(page))
        except Exception:  # one page failing must not stop the run
            errors += 1
            got.append({"title": None, "author": None, "date": None})
        cpu += time.process_time() - c0
    res: dict[str, Any] = {"errors": errors, "docs_s": len(pages) / max(cpu, 1e-9)}
    for field, gold_key in FIELDS:
        with_gold = [(g, p) for g, p in zip(got, pages, strict=True) if p.truth.get(gold_key)]
        null_gold = [g for g, p in zip(got, pages, strict=True) if not p.truth.get(gold_key)]
        ok = sum(matches(field, g[field], str(p.truth[gold_key])) for g, p in with_gold)
        res[field] = ok / len(with_gold) if with_gold else None
        res[f"{field}_n"] = len(with_gold)
        res[f"{field}_spurious"] = (sum(bool(g[field]) for g in null_gold) / len(null_gold)
                                    if null_gold else None)
        res[f"{field}_null_n"] = len(null_gold)
    return res


def timing(pages: list[Page]) -> dict[str, Any]:
    """CPU docs/s of clean() with metadata, and without it or the metadata step's cost."""
    import cleaner

    def docs_s(fn: Callable[[Page], object]) -> float:
        for page in pages[:3]:
            fn(page)
        c0 = time.process_time()
        for page in pages:
            fn(page)
        return len(pages) / max(time.process_time() - c0, 1e-9)

    out: dict[str, Any] = {"clean_docs_s": docs_s(lambda p: cleaner.clean(p.data, url=p.url))}
    names = {f.name for f in dataclasses.fields(cleaner.Settings)}
    switch = next((n for n in METADATA_SWITCHES if n in names), None)
    if switch:
        off = cleaner.Settings().with_overrides(**{switch: False})
        out[f"clean_{switch}_off_docs_s"] = docs_s(
            lambda p: cleaner.clean(p.data, url=p.url, settings=off))
        return out
    try:  # no switch: time the markup-metadata step alone (internal API, may move)
        from cleaner.inputs.parse import parse_html
        from cleaner.metadata.html_meta import html_metadata

        trees = [(parse_html(p.data.decode("utf-8", "replace")), p.url) for p in pages]
        c0 = time.process_time()
        for root, url in trees:
            html_metadata(root, url)
        per_page = (time.process_time() - c0) / len(pages)
        out["metadata_ms_per_page"] = per_page * 1000
        out["metadata_share_of_clean"] = per_page * out["clean_docs_s"]
    except Exception as exc:  # the internal API changed: report, do not fail
        out["metadata_step"] = f"not measured: {exc}"
    return out


def main(argv: list[str] | None = None) -> None:
    parser = base_parser(__doc__.splitlines()[0], sets="modern-dev")
    parser.add_argument("--tools", type=csv_list, default=list(TOOLS),
                        help="comma-separated: " + ",".join(TOOLS))
    parser.add_argument("--no-timing", action="store_true", help="skip the clean() timing")
    parser.add_argument("--text", action="store_true",
                        help="flattened-text pages of text-dev (cleaner only)")
    args = parser.parse_args(argv)
    block_network()
    results: dict[str, dict[str, Any]] = {}
    rows = []
    if args.text:
        args.tools = ["cleaner"]
        args.no_timing = True
        batches = [(f"{s}/{style}", list(text_pages(s, style, args.limit)))
                   for s in args.sets for style in TEXT_STYLES]
    else:
        batches = [(s, list(html_pages(s, args.limit))) for s in args.sets]
    for set_name, pages in batches:
        for tool in args.tools:
            try:
                fn = TOOLS[tool]()
            except (ImportError, KeyError) as exc:
                print(f"note: {tool} skipped ({type(exc).__name__}: {exc})", file=sys.stderr)
                continue
            r = results.setdefault(set_name, {})[tool] = evaluate(fn, pages)
            rows.append([set_name, tool, len(pages), r["title"], r["author"], r["date"],
                         r["title_spurious"], r["author_spurious"], r["date_spurious"],
                         f"{r['docs_s']:.1f}", r["errors"]])
    print(table(["set", "tool", "docs", "title", "author", "date", "title spur.",
                 "author spur.", "date spur.", "docs/s", "errors"], rows, args.markdown))
    limit = min(args.limit or TIMING_PAGES, TIMING_PAGES)
    timings = {} if args.no_timing else timing(list(html_pages(args.sets[0], limit)))
    if timings:
        print("\ncleaner.clean timing (CPU): " + ", ".join(
            f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in timings.items()))
    path = write_json("metadata_text" if args.text else "metadata",
                      {"args": vars(args), "versions": versions(), "results": results,
                       "timing": timings})
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()

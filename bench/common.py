"""Shared helpers for the bench scripts: tool adapters, timing, tables, JSON output.

Every tool adapter takes the raw page bytes (already decompressed) and the page URL
and returns plain text; an exception from one tool on one page is counted by
:func:`run_tool`, never raised, so one bad page cannot stop a run.
"""

from __future__ import annotations

import argparse
import json
import socket
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from datasets import ROOT, Page

OUT = ROOT / "bench" / "out"
Extractor = Callable[[bytes, str | None], str]
TOOL_NAMES = ("cleaner", "trafilatura", "readability")
# Block-level HTML tags after which readability's summary HTML gets a line break,
# so that words of adjacent paragraphs are not glued into one token.
_BLOCK_TAGS = frozenset((
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "br",
    "blockquote", "pre", "section", "article", "table", "dd", "dt", "dl", "figcaption",
    "figure", "header", "footer", "aside",
))


def block_network() -> None:
    """Refuse outgoing connections: every tool must work on the given HTML alone.

    newspaper4k, for one, fetches images unless told not to; this makes any such
    attempt fail fast instead of waiting on DNS or sending traffic.
    """

    def refuse(*_args: object, **_kwargs: object) -> Any:
        raise OSError("network disabled in bench")

    socket.getaddrinfo = refuse
    socket.socket.connect = refuse  # type: ignore[method-assign]


def cleaner_tool(preset: str | None = None, **overrides: Any) -> Extractor:
    """cleaner.clean with a preset (None = the library default)."""
    import cleaner

    settings = cleaner.Settings.from_preset(preset, **overrides) if preset else None
    if settings is None and overrides:
        settings = cleaner.Settings().with_overrides(**overrides)

    def run(data: bytes, url: str | None) -> str:
        return cleaner.clean(data, url=url, settings=settings).text

    return run


def trafilatura_tool() -> Extractor:
    """trafilatura.extract with its defaults; output_format="txt" is the default, made explicit."""
    import trafilatura

    def run(data: bytes, url: str | None) -> str:
        return trafilatura.extract(data, output_format="txt") or ""

    return run


def readability_tool() -> Extractor:
    """readability-lxml's Document(html).summary(), turned into text with lxml."""
    import lxml.html
    import readability

    def run(data: bytes, url: str | None) -> str:
        summary = readability.Document(data).summary()
        root = lxml.html.fromstring(summary)
        for el in root.iter():
            if el.tag in _BLOCK_TAGS:
                el.tail = "\n" + (el.tail or "")
        lines = (" ".join(line.split()) for line in "".join(map(str, root.itertext())).splitlines())
        return "\n".join(line for line in lines if line)

    return run


def make_tools(names: Sequence[str], presets: Sequence[str]) -> dict[str, Extractor]:
    """Adapters by display name; "cleaner" expands to one entry per preset."""
    tools: dict[str, Extractor] = {}
    for name in names:
        if name == "cleaner":
            if not presets:
                tools["cleaner"] = cleaner_tool()
            for preset in presets:
                try:
                    tools[f"cleaner:{preset}"] = cleaner_tool(preset)
                except Exception as exc:  # an unknown preset: say so and go on
                    print(f"note: skipping cleaner preset {preset!r}: {exc}")
        elif name == "trafilatura":
            tools[name] = trafilatura_tool()
        elif name == "readability":
            tools[name] = readability_tool()
        else:
            raise SystemExit(f"unknown tool {name!r} (choose from {', '.join(TOOL_NAMES)})")
    return tools


@dataclass
class Run:
    """One tool over one list of pages: texts (empty on error), error count, time."""

    texts: list[str] = field(default_factory=list)
    errors: int = 0
    wall: float = 0.0
    cpu: float = 0.0
    first_error: str = ""


def call(fn: Extractor, page: Page, run: Run) -> str:
    """Run one extraction, timing it and catching any error into ``run``."""
    w0, c0 = time.perf_counter(), time.process_time()
    try:
        text = fn(page.data, page.url)
    except Exception as exc:  # count every tool failure, never stop the run
        text = ""
        run.errors += 1
        run.first_error = run.first_error or f"{page.id}: {type(exc).__name__}: {exc}"[:200]
    run.wall += time.perf_counter() - w0
    run.cpu += time.process_time() - c0
    run.texts.append(text)
    return text


def run_tool(fn: Extractor, pages: Iterable[Page]) -> Run:
    run = Run()
    for page in pages:
        call(fn, page, run)
    return run


def snippets(page: Page) -> tuple[list[str], list[str]]:
    """The page's "with" and "without" snippets (empty where the set has none)."""
    with_, without = page.truth.get("with") or [], page.truth.get("without") or []
    return [str(s) for s in with_], [str(s) for s in without]  # type: ignore[attr-defined]


def csv_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def base_parser(description: str, sets: str = "scrapinghub,modern-dev") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sets", type=csv_list, default=csv_list(sets),
                        help=f"comma-separated dev sets (default {sets})")
    parser.add_argument("--limit", type=int, default=None, help="at most N pages per set")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    return parser


def add_tool_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tools", type=csv_list, default=list(TOOL_NAMES),
                        help="comma-separated: " + ",".join(TOOL_NAMES))
    parser.add_argument("--preset", default=None, help="cleaner preset (default: library default)")
    parser.add_argument("--presets", type=csv_list, default=None,
                        help="score several cleaner presets side by side, e.g. "
                             "precision,balanced,recall")


def presets_of(args: argparse.Namespace) -> list[str]:
    if args.presets:
        return list(args.presets)
    return [args.preset] if args.preset else []


def fmt(value: object, digits: int = 3) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], markdown: bool) -> str:
    cells = [[fmt(c) for c in row] for row in rows]
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        lines += ["| " + " | ".join(row) + " |" for row in cells]
        return "\n".join(lines)
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(out)


def ratio(value: float | None, ref: float | None) -> float | None:
    return value / ref if value is not None and ref else None


def write_json(name: str, payload: dict[str, Any]) -> Path:
    """Write ``bench/out/<name>.json`` (the folder is gitignored)."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.json"
    payload = {"date": time.strftime("%Y-%m-%d %H:%M:%S %Z"), **payload}
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def versions() -> dict[str, str]:
    """Installed versions of the compared tools (for the JSON record)."""
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for dist in ("cleaner", "trafilatura", "readability-lxml", "jusText", "newspaper4k", "lxml"):
        try:
            found[dist] = version(dist)
        except PackageNotFoundError:
            found[dist] = "not installed"
    return found

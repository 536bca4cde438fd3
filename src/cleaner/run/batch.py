"""Minimal batch: every page file under the inputs, cleaned into a mirror tree.

(The full batch with workers, WARC/JSONL, resume and progress is built on this.)
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from cleaner.api import clean
from cleaner.core.errors import CleanerError, UsageError
from cleaner.core.model import Source
from cleaner.outputs.render import render

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt")
FORMAT_SUFFIX = {"txt": ".txt", "markdown": ".md", "json": ".json"}


def is_page_file(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(PAGE_SUFFIXES)


def output_name(rel: Path, fmt: str) -> Path:
    """a/b.html.gz -> a/b.txt (compression suffix dropped, last suffix replaced)."""
    name = rel.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return rel.with_name(stem + FORMAT_SUFFIX[fmt])


def iter_pages(root: Path) -> Iterator[tuple[Path, Path]]:
    """(absolute path, path relative to root) of every page file, sorted."""
    if root.is_file():
        yield root, Path(root.name)
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if is_page_file(path):
                yield path, path.relative_to(root)


def run_batch_cli(inputs: tuple[str, ...], output: str, fmt: str, explain: bool) -> None:
    out_root = Path(output)
    failures = done = 0
    for item in inputs:
        root = Path(item)
        if not root.exists():
            raise UsageError(f"{item}: no such file or directory")
        for path, rel in iter_pages(root):
            target = out_root / output_name(rel, fmt)
            try:
                doc = clean(Source(data=path.read_bytes(), path=str(path)))
                text = render(doc, fmt, explain)
            except CleanerError as exc:
                failures += 1
                click.echo(f"cleaner: {path}: {exc.kind}: {exc.message}", err=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(target.name + ".part")
            tmp.write_text(text + "\n", encoding="utf-8")
            tmp.replace(target)
            done += 1
    click.echo(f"cleaner: {done} pages cleaned, {failures} failed", err=True)
    if failures:
        sys.exit(1)

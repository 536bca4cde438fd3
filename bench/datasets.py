"""Loading the dev sets from ../shared/data (read-only)."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("CLEANER_DATA", ROOT.parent / "shared" / "data"))
HTML_SETS = ("scrapinghub", "modern-dev")
TEXT_STYLES = ("browser", "soup")


@dataclass
class Page:
    set: str
    id: str
    data: bytes
    gold: str
    url: str | None
    truth: dict[str, object] = field(default_factory=dict)


def html_pages(name: str, limit: int | None = None) -> Iterator[Page]:
    base = DATA / name
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    for i, pid in enumerate(sorted(truth)):
        if limit is not None and i >= limit:
            break
        path = base / "html" / f"{pid}.html.gz"
        if not path.exists():
            continue
        t = truth[pid]
        yield Page(name, pid, gzip.decompress(path.read_bytes()), t.get("articleBody") or "",
                   t.get("url"), t)


def text_pages(name: str, style: str, limit: int | None = None) -> Iterator[Page]:
    base = DATA / "text-dev" / name
    truth = json.loads((base / "gold.json").read_text(encoding="utf-8"))
    for i, pid in enumerate(sorted(truth)):
        if limit is not None and i >= limit:
            break
        path = base / f"{pid}.{style}.txt"
        if not path.exists():
            continue
        t = truth[pid]
        yield Page(f"{name}/{style}", pid, path.read_bytes(), t.get("articleBody") or "",
                   t.get("url"), t)

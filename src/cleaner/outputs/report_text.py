"""The explain report as a terminal table: one row per block, in page order.

A quick look without a browser, and a stable, line-based shape for tests:
``#``, verdict (kept/removed), reason code, the first characters of the text.
"""

from __future__ import annotations

import re

from cleaner.core.model import Decision, Document

# The table shows this many characters of each block: enough to recognise a
# line of a menu or the start of a paragraph, short enough for one terminal row.
PREVIEW_CHARS = 80
# Shown as the encoding when the page was given as str, so nothing was decoded.
NO_ENCODING = "not decoded (str input)"
# Control characters (ESC above all) from a page must not reach the terminal:
# they could move the cursor or recolour the screen.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def preview(text: str, limit: int = PREVIEW_CHARS) -> str:
    """The first ``limit`` characters of ``text`` on one line (white space collapsed)."""
    flat = " ".join(_CONTROL.sub(" ", text).split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1] + "…"


def verdict_word(decision: Decision) -> str:
    return "kept" if decision.verdict.keep else "removed"


def summary_line(doc: Document, source_name: str) -> str:
    """``NAME (html, utf-8): 12 kept, 30 removed of 42 blocks``."""
    kept = sum(1 for v in doc.verdicts if v.keep)
    total = len(doc.verdicts)
    encoding = doc.encoding or NO_ENCODING
    return (f"{source_name} ({doc.input_kind}, {encoding}): "
            f"{kept} kept, {total - kept} removed of {total} blocks")


def render_report_text(doc: Document, source_name: str = "<page>") -> str:
    """The table, headed by a summary line; no trailing newline."""
    decisions = doc.decisions
    width = max([len("reason"), *(len(str(d.reason)) for d in decisions)])
    num_width = max(1, len(str(len(decisions))))
    lines = [summary_line(doc, source_name),
             f"{'#':>{num_width}}  {'verdict':<7}  {'reason':<{width}}  text"]
    for index, d in enumerate(decisions, start=1):
        lines.append(f"{index:>{num_width}}  {verdict_word(d):<7}  {d.reason!s:<{width}}  "
                     f"{preview(d.text)}".rstrip())
    return "\n".join(lines)

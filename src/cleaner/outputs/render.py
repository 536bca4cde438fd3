"""Render a Document as plain text, Markdown or a JSON-ready record."""

from __future__ import annotations

import json
from typing import Any

from cleaner.core.model import Block, BlockKind, Document


def _text_of(block: Block) -> str:
    if block.kind is BlockKind.LIST_ITEM:
        return f"- {block.text}"
    return block.text


def render_text(doc: Document) -> str:
    """Kept blocks as plain text; list items one per line, others by blank lines."""
    parts: list[str] = []
    prev: Block | None = None
    # Blocks and verdicts side by side: doc.kept would build a Decision per
    # block first (a quarter of a million on a big forum page).
    for b, verdict in zip(doc.blocks, doc.verdicts, strict=True):
        if not verdict.keep:
            continue
        if b.kind is BlockKind.IMAGE:
            continue  # an image is Markdown-only: its alt text is not article text
        text = _text_of(b)
        if prev is not None:
            tight = b.kind is BlockKind.LIST_ITEM and prev.kind is BlockKind.LIST_ITEM
            parts.append("\n" if tight else "\n\n")
        parts.append(text)
        prev = b
    return "".join(parts)


def _md_table(block: Block) -> str:
    rows = [list(r) for r in block.rows if r]
    if not rows:
        return block.text
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    out = [line(rows[0]), "| " + " | ".join("---" for _ in range(width)) + " |"]
    out.extend(line(r) for r in rows[1:])
    return "\n".join(out)


def block_markdown(block: Block) -> str:
    """One block as Markdown."""
    body = block.markdown or block.text
    if block.kind is BlockKind.HEADING:
        return "#" * max(1, min(6, block.level or 2)) + " " + " ".join(body.split())
    if block.kind is BlockKind.LIST_ITEM:
        indent = "  " * max(0, block.level - 1)
        bullet = "1." if block.ordered else "-"
        return f"{indent}{bullet} " + body.replace("\n", " ")
    if block.kind is BlockKind.QUOTE:
        return "\n".join(f"> {line}" for line in body.split("\n"))
    if block.kind is BlockKind.CODE:
        return block.markdown or f"```\n{block.text}\n```"
    if block.kind is BlockKind.TABLE:
        return _md_table(block)
    if block.kind is BlockKind.CAPTION:
        return f"*{body}*"
    if block.kind is BlockKind.IMAGE:
        return body
    return body.replace("\n", "  \n")


def render_markdown(doc: Document, with_title: bool = True) -> str:
    """Kept blocks as Markdown, the title as a level-1 heading first."""
    parts: list[str] = []
    if with_title and doc.metadata.title:
        parts.append(f"# {doc.metadata.title}")
    prev: Block | None = None
    for decision in doc.kept:
        b = decision.block
        md = block_markdown(b)
        if parts:
            tight = (
                prev is not None
                and ((b.kind is BlockKind.LIST_ITEM and prev.kind is BlockKind.LIST_ITEM)
                     or (b.kind is BlockKind.QUOTE and prev.kind is BlockKind.QUOTE))
            )
            parts.append("\n" if tight else "\n\n")
            if tight and b.kind is BlockKind.QUOTE:
                parts.append(">\n")
        parts.append(md)
        prev = b
    if doc.comments:
        parts.append(("\n\n" if parts else "") + render_comments_markdown(doc))
    return "".join(parts)


def render_comments_markdown(doc: Document) -> str:
    """The reader comments as a "Comments" section: who and when, then the text."""
    out = ["## Comments"]
    for c in doc.comments:
        who = " · ".join(x for x in (f"**{c.author}**" if c.author else "", c.date or "") if x)
        body = "\n".join(f"> {line}" if line else ">" for line in c.text.split("\n"))
        out.append(f"{who}\n\n{body}" if who else body)
    return "\n\n".join(out)


def document_record(doc: Document, explain: bool = False) -> dict[str, Any]:
    """The JSON record of a Document (also the JSONL/Parquet row)."""
    meta = doc.metadata.as_dict()
    record: dict[str, Any] = {
        "title": meta["title"],
        "url": meta["url"],
        "text": doc.text,
        "metadata": meta,
        "input_kind": str(doc.input_kind),
        "encoding": doc.encoding,
    }
    if doc.comments:
        record["comments"] = [
            {"text": c.text, "author": c.author, "date": c.date} for c in doc.comments
        ]
    if explain:
        record["removed"] = [
            {"reason": str(d.reason), "rule": d.rule, "evidence": d.evidence, "text": d.text}
            for d in doc.removed
        ]
        counts: dict[str, int] = {}
        for d in doc.decisions:
            counts[str(d.reason)] = counts.get(str(d.reason), 0) + 1
        record["reason_counts"] = counts
    return record


def render_json(doc: Document, explain: bool = False) -> str:
    return json.dumps(document_record(doc, explain), ensure_ascii=False, indent=2)


def render(doc: Document, fmt: str, explain: bool = False) -> str:
    """Render in one of the output formats: txt, markdown, json."""
    if fmt == "json":
        return render_json(doc, explain)
    if fmt in ("markdown", "md"):
        return render_markdown(doc)
    return render_text(doc)

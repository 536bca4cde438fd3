"""Segment flattened page text into blocks: one block per non-empty line.

(First version; the text path's own rules live in extract/text_rules.py.)
"""

from __future__ import annotations

from cleaner.core.model import Block, BlockKind
from cleaner.extract.features import measure


def segment_text(text: str) -> list[Block]:
    """One block per non-blank line, with its line number as the span."""
    blocks: list[Block] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = " ".join(line.split())
        if not stripped:
            continue
        blocks.append(Block(
            id=len(blocks),
            text=stripped,
            kind=BlockKind.PARAGRAPH,
            features=measure(stripped),
            span=f"line {lineno}",
        ))
    return blocks

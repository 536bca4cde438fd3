"""The text path: segment lines, classify with the shared rules."""

from __future__ import annotations

from cleaner.core.settings import Settings
from cleaner.extract.classify import classify_blocks
from cleaner.extract.html_pipeline import Extraction
from cleaner.extract.lexicon import default_lexicon, with_user_phrases
from cleaner.extract.segment_text import segment_text


class _Everywhere:
    def __contains__(self, item: object) -> bool:
        return True


def extract_text(text: str, title: str | None, settings: Settings) -> Extraction:
    """Blocks and verdicts for a flattened-text page."""
    blocks = segment_text(text)
    lexicon = with_user_phrases(default_lexicon(), settings.extra_phrases)
    marks = [None] * len(blocks)
    verdicts = classify_blocks(blocks, marks, _Everywhere(), title, lexicon, settings)
    return Extraction(tuple(blocks), tuple(verdicts), "whole text")

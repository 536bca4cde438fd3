"""The vectorised py3langid walk gives the library's own answers, float for float."""

from __future__ import annotations

import random
from pathlib import Path

from cleaner.metadata import langid_walk
from cleaner.metadata.language import _identifier

FIXTURES = Path(__file__).parent / "fixtures"


def _samples() -> list[str]:
    texts = ["", "a", "abcdef", "HELLO WORLD THIS IS ALL UPPER CASE TEXT",
             "Der schnelle braune Fuchs springt über den faulen Hund, sagte sie.",
             "Le renard brun rapide saute par-dessus le chien paresseux.",
             "Szybki brązowy lis przeskakuje nad leniwym psem.", "東京は日本の首都です。" * 20]
    for path in sorted(FIXTURES.rglob("*.txt"))[:40]:
        text = path.read_text(encoding="utf-8", errors="replace")
        texts.extend(text[i:i + 800] for i in range(0, min(len(text), 4000), 800))
    rnd = random.Random(7)
    texts.extend("".join(chr(rnd.randrange(0x20, 0x3000)) for _ in range(rnd.randrange(900)))
                 for _ in range(50))
    return texts


def test_walk_is_available_for_the_installed_model() -> None:
    assert langid_walk._walk_for(_identifier()) is not None


def test_same_language_and_probability_as_the_library() -> None:
    ident = _identifier()
    for text in _samples():
        assert langid_walk.classify(ident, text) == ident.classify(text), text[:60]

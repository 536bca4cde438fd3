"""py3langid's classification with its feature walk done in numpy.

py3langid scores a text with a naive Bayes model over byte n-gram features,
found by walking a DFA (an Aho-Corasick automaton) one byte at a time in a
Python loop: ~0.6 ms of the ~0.9 ms it takes for an 800-character sample, a
sixth of a flattened page's whole budget. The automaton's states are at most
``WINDOW`` bytes deep (measured on the shipped model: 6), so the state after
any byte is the state reached from the root by the last ``WINDOW`` bytes
alone. Walking every position's window at once is ``WINDOW`` vectorised
look-ups instead of one Python step per byte.

Everything else is the library's: its model, its input encoding, its scoring
(the same arrays, in the same order, so the same floats) and its decision.
When the installed py3langid lacks the internals read here, or its automaton
is deeper than assumed, :func:`classify` calls the library's own method.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import numpy as np

# Depth of the deepest automaton state (checked once, on first use).
WINDOW = 6


class _Walk:
    """The automaton as numpy arrays (views of the library's tables)."""

    def __init__(self, ident: Any) -> None:
        moves = ident.tk_nextmove
        self.nextmove = np.frombuffer(moves, dtype=np.dtype(moves.typecode))
        self.rowbase = np.asarray(ident._rowbase, dtype=np.intp)
        self.output = np.asarray(ident.tk_output, dtype=np.intp)
        # The model's weights are float16, which numpy widens in software (~0.1 ms
        # a page in the product below); a 65,536-entry table widens them exactly.
        table = ident.nb_ptc
        self.bits = table.view(np.uint16) if table.dtype == np.float16 else None
        self.widen = np.arange(1 << 16).astype(np.uint16).view(np.float16).astype(np.float32)

    def weights(self, ident: Any, keys: np.ndarray[Any, np.dtype[np.intp]]) -> Any:
        """Rows ``keys`` of the model's feature weights, as float32."""
        if self.bits is None:
            return ident.nb_ptc[keys]
        return self.widen.take(self.bits[keys])

    def states(self, data: bytes) -> np.ndarray[Any, np.dtype[np.intp]]:
        """The automaton's state after each byte of ``data``."""
        raw = np.frombuffer(data, dtype=np.uint8)
        n = len(raw)
        state = np.zeros(n, dtype=np.intp)
        for back in range(WINDOW - 1, -1, -1):
            # Every position i reads byte i - back (positions before it stay at the root).
            if back < n:
                state[back:] = self.nextmove[self.rowbase[state[back:]] + raw[:n - back]]
        return state

    def depth_ok(self) -> bool:
        """No state is deeper than WINDOW bytes (breadth-first from the root)."""
        seen = np.zeros(len(self.rowbase), dtype=bool)
        seen[0] = True
        frontier = np.zeros(1, dtype=np.intp)
        columns = np.arange(256, dtype=np.intp)
        for _ in range(WINDOW):
            reached = np.zeros_like(seen)
            rows = np.unique(self.rowbase[frontier])
            reached[self.nextmove[(rows[:, None] + columns).ravel()]] = True
            reached &= ~seen
            seen |= reached
            frontier = np.flatnonzero(reached)
        return bool(seen.all())


@cache
def _walk_for(ident: Any) -> _Walk | None:
    """The vectorised walk for this identifier, or None to use the library's."""
    try:
        walk = _Walk(ident)
    except (AttributeError, TypeError, ValueError):
        return None
    return walk if walk.depth_ok() else None


def classify(ident: Any, text: str) -> tuple[str, float]:
    """``ident.classify(text)`` for a py3langid ``LanguageIdentifier``, same result."""
    walk = _walk_for(ident)
    if walk is None:
        lang, prob = ident.classify(text)
        return str(lang), float(prob)
    data = ident._encode(text)
    features = walk.output[walk.states(data)]
    features = features[features >= 0]
    if len(features):
        # The library counts with a Counter: keys in order of first occurrence.
        keys, first, counts = np.unique(features, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        scores = (np.log1p(counts[order].astype(np.float32)) @ walk.weights(ident, keys[order])
                  + ident.nb_pc)
    else:
        fill = 0.0 if ident._norm_probs else float(np.finfo(np.float32).min)
        scores = np.full(len(ident.nb_classes), fill, dtype=np.float32)
    if ident._norm_probs:
        scores *= 1.0 / math.sqrt(len(data) or 1)
        np.exp(scores - scores.max(), out=scores)
        scores /= scores.sum()
    for i, j in ident._alias_pairs:
        if ident._norm_probs:
            scores[i] += scores[j]
            scores[j] = 0.0
        else:
            scores[i] = max(scores[i], scores[j])
            scores[j] = np.finfo(np.float32).min
    best = int(scores.argmax())
    conf = float(scores[best])
    if ident.min_confidence is not None and conf < ident.min_confidence:
        return "und", conf
    return str(ident.nb_classes[best]), conf

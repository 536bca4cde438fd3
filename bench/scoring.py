"""Scoring as the ScrapingHub article-extraction benchmark defines it.

4-gram shingles of ``\\w+`` tokens (case-sensitive), as multisets. Per document,
tp / fp / fn are normalised to sum 1. Precision is the mean of tp/(tp+fp) over
documents with a non-empty prediction, recall the mean of tp/(tp+fn) over
documents with a non-empty gold; F1 is the harmonic mean of the two means.
Accuracy is the share of documents whose token lists match exactly.
Snippet scores follow trafilatura's evaluation: whitespace-normalised substring
search, micro-averaged over snippets ("with" must be found, "without" not).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


@dataclass
class DocScore:
    tp: float
    fp: float
    fn: float
    exact: bool
    pred_empty: bool
    gold_empty: bool

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_doc(pred: str, gold: str) -> DocScore:
    ps, gs = shingles(pred), shingles(gold)
    tp: float = sum((ps & gs).values())
    fp: float = sum((ps - gs).values())
    fn: float = sum((gs - ps).values())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return DocScore(
        tp, fp, fn,
        exact=_TOKEN.findall(pred or "") == _TOKEN.findall(gold or ""),
        pred_empty=not ps,
        gold_empty=not gs,
    )


@dataclass
class SetScore:
    precision: float
    recall: float
    f1: float
    accuracy: float
    docs: int


def aggregate(scores: Iterable[DocScore]) -> SetScore:
    scores = list(scores)
    with_pred = [s.precision for s in scores if not s.pred_empty]
    with_gold = [s.recall for s in scores if not s.gold_empty]
    p = sum(with_pred) / len(with_pred) if with_pred else 0.0
    r = sum(with_gold) / len(with_gold) if with_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = sum(1 for s in scores if s.exact) / len(scores) if scores else 0.0
    return SetScore(p, r, f1, acc, len(scores))


def _ws(text: str) -> str:
    return " ".join((text or "").split())


def snippet_hits(pred: str, with_: list[str], without: list[str]) -> tuple[int, int]:
    """(correct, total) snippet checks for one page."""
    text = _ws(pred)
    good = sum(1 for s in with_ if _ws(s) in text)
    good += sum(1 for s in without if _ws(s) not in text)
    return good, len(with_) + len(without)


@dataclass
class SnippetScore:
    """Snippet counts over a set: "with" found = tp, missed = fn; "without" found = fp.

    Accuracy is the share of correct checks (as snippet_hits); F1 is trafilatura's
    evaluation figure (precision tp/(tp+fp), recall tp/(tp+fn)).
    """

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, pred: str, with_: list[str], without: list[str]) -> None:
        text = _ws(pred)
        found = sum(1 for s in with_ if _ws(s) in text)
        leaked = sum(1 for s in without if _ws(s) in text)
        self.tp += found
        self.fn += len(with_) - found
        self.fp += leaked
        self.tn += len(without) - leaked

    @property
    def total(self) -> int:
        return self.tp + self.fn + self.fp + self.tn

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.total if self.total else 0.0

    @property
    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

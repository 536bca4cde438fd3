"""Site-level repeated lines (batch first pass): learning and removal."""

from __future__ import annotations

import cleaner
from cleaner.core.thresholds import BALANCED, Thresholds
from cleaner.extract.repeated import (
    RepeatedLineLearner,
    line_hash,
    page_line_hashes,
    site_key,
)

FOOTER = "Springfield Daily Ledger is published by Ledger Media Group since 1921"
MENU = "Subscribe to the print edition today"


def _page(n: int) -> str:
    return (
        f"{MENU}\n\n"
        f"Story number {n} begins with a sentence that is unique to this page and long "
        f"enough to count as prose, mentioning item {n} and nothing else of note.\n\n"
        f"A second paragraph of story {n} follows, also unique to this page, with its own "
        f"details about event {n * 7} and the people who took part in it.\n\n"
        f"{FOOTER}\n"
    )


def _learn(pages: list[str], key: str = "example.com") -> RepeatedLineLearner:
    learner = RepeatedLineLearner()
    for page in pages:
        learner.add_page(key, page)
    return learner


def test_hash_is_stable_and_normalised() -> None:
    assert line_hash("Hello  World") == line_hash("hello world")
    assert line_hash("• Hello World.") == line_hash("Hello World")
    assert line_hash("Hello World") != line_hash("Hello Word")
    # Stable across processes: a fixed value, not Python's salted hash().
    assert line_hash("hello world") == int.from_bytes(
        __import__("hashlib").blake2b(b"hello world", digest_size=8).digest(), "big")


def test_each_line_counts_once_per_page() -> None:
    page = f"{FOOTER}\n{FOOTER}\n{FOOTER}\n"
    assert page_line_hashes(page) == {line_hash(FOOTER)}
    learner = _learn([page])
    assert learner.sites["example.com"].lines[line_hash(FOOTER)] == 1


def test_lines_on_many_pages_are_boilerplate() -> None:
    learner = _learn([_page(n) for n in range(10)])
    found = learner.boilerplate("example.com", BALANCED)
    assert found == {line_hash(FOOTER), line_hash(MENU)}


def test_too_few_pages_teach_nothing() -> None:
    learner = _learn([_page(n) for n in range(2)])
    assert learner.boilerplate("example.com", BALANCED) == frozenset()
    assert learner.boilerplate("unknown.org", BALANCED) == frozenset()


def test_share_threshold() -> None:
    pages = [_page(n) for n in range(10)]
    pages = [p.replace(FOOTER, "") if i >= 2 else p for i, p in enumerate(pages)]
    strict = Thresholds(repeated_min_share=0.3, repeated_min_pages=2)
    found = _learn(pages).boilerplate("example.com", strict)
    assert line_hash(FOOTER) not in found  # on 2 of 10 pages only
    assert line_hash(MENU) in found


def test_order_independent_and_mergeable() -> None:
    pages = [_page(n) for n in range(8)]
    forward = _learn(pages).all_boilerplate(BALANCED)
    backward = _learn(pages[::-1]).all_boilerplate(BALANCED)
    assert forward == backward
    left, right = _learn(pages[:3]), _learn(pages[3:])
    left.merge(right)
    assert left.all_boilerplate(BALANCED) == forward


def test_sites_are_kept_apart() -> None:
    learner = RepeatedLineLearner()
    for n in range(6):
        learner.add_page("a.example", _page(n))
        learner.add_page("b.example", f"Unrelated page {n} on another site.\n\n{FOOTER}\n")
    assert line_hash(MENU) in learner.boilerplate("a.example", BALANCED)
    assert line_hash(MENU) not in learner.boilerplate("b.example", BALANCED)


def test_site_key() -> None:
    assert site_key("https://www.Example.com/a/b", None) == "example.com"
    assert site_key(None, "/data/crawl/site1") == "folder:/data/crawl/site1"
    assert site_key("not a url", "dir") == "folder:dir"


def test_clean_removes_learned_lines_with_their_reason() -> None:
    learner = _learn([_page(n) for n in range(10)])
    known = learner.boilerplate("example.com", BALANCED)
    doc = cleaner.clean(_page(42), known_boilerplate=known)
    assert FOOTER not in doc.text and MENU not in doc.text
    assert "Story number 42" in doc.text
    reasons = {d.text: d.reason.value for d in doc.removed}
    assert reasons[FOOTER] == "repeated-across-pages"
    assert reasons[MENU] == "repeated-across-pages"
    plain = cleaner.clean(_page(42))
    assert not any(d.reason.value == "repeated-across-pages" for d in plain.removed)

"""Every hostile case of tests/hostile/corpus.py through ``clean()``.

A case either yields a Document that keeps the article (and drops the poison),
or raises the CleanerError of the documented kind: never anything else.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleaner import clean
from cleaner.core.errors import CleanerError
from cleaner.core.model import Document
from cleaner.core.settings import Settings

from .hostile.corpus import LEAD, SECRET_MARKER, Case, cases, surrogate_strings

SMALL = [c for c in cases() if not c.big]
BIG = [c for c in cases() if c.big]


def run_case(case: Case, data: bytes | None = None) -> Document | CleanerError:
    settings = Settings(max_bytes=case.max_bytes) if case.max_bytes else None
    try:
        return clean(case.build() if data is None else data, settings=settings)
    except CleanerError as exc:
        return exc


def check(case: Case, result: Document | CleanerError) -> None:
    if case.kind is not None:
        assert isinstance(result, CleanerError), f"{case.name}: expected {case.kind}"
        assert result.kind == case.kind, f"{case.name}: {result.kind}: {result.message}"
        assert result.message and "\n" not in result.message
        return
    assert isinstance(result, Document), f"{case.name}: {result.kind}: {result.message}"
    text = result.text
    for phrase in case.keep:
        assert phrase in text, f"{case.name}: lost {phrase!r}"
    for phrase in case.drop:
        assert phrase not in text, f"{case.name}: kept {phrase!r}"
    text.encode("utf-8")  # printable: no lone surrogates


@pytest.mark.parametrize("case", SMALL, ids=[c.name for c in SMALL])
def test_small_hostile_case(case: Case) -> None:
    check(case, run_case(case))


@pytest.mark.slow
@pytest.mark.parametrize("case", BIG, ids=[c.name for c in BIG])
def test_big_hostile_case(case: Case) -> None:
    check(case, run_case(case))


def test_every_case_has_a_unique_name_and_every_kind_is_documented() -> None:
    from cleaner.core.errors import ERROR_KINDS

    names = [c.name for c in cases()]
    assert len(names) == len(set(names))
    kinds = {e.kind for e in ERROR_KINDS}
    assert {c.kind for c in cases() if c.kind} <= kinds
    doc = (Path(__file__).resolve().parents[1] / "docs" / "robustness.md").read_text()
    for error in ERROR_KINDS:
        assert f"`{error.kind}`" in doc and f"| {error.exit_code} |" in doc, error.kind


@pytest.mark.parametrize("name", sorted(surrogate_strings()))
def test_lone_surrogates_in_str_input(name: str) -> None:
    result: Document | CleanerError
    try:
        result = clean(surrogate_strings()[name])
    except CleanerError as exc:
        result = exc
    if isinstance(result, Document):
        result.text.encode("utf-8")
        assert all(not 0xD800 <= ord(ch) <= 0xDFFF for ch in result.text)
        for block in result.blocks:
            block.text.encode("utf-8")
    else:
        assert result.kind in {"empty-input", "not-a-page", "read-error"}


def test_surrogate_text_keeps_its_words() -> None:
    doc = clean(surrogate_strings()["html-lone-high"])
    assert LEAD in doc.text
    assert "broken \ufffd surrogate words" in " ".join(b.text for b in doc.blocks)


@pytest.fixture
def watch_io() -> Iterator[list[tuple[str, Any]]]:
    """Record file opens and socket use from Python while ``clean`` runs."""
    events: list[tuple[str, Any]] = []
    state = {"on": False}

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if state["on"] and (event == "open" or event.startswith("socket.")):
            events.append((event, args[0] if args else None))

    clean("<html><body><p>warm up: load lexicons and models first.</p></body></html>")
    sys.addaudithook(hook)  # audit hooks cannot be removed: the flag turns it off
    state["on"] = True
    yield events
    state["on"] = False


def test_xxe_reads_no_file_and_opens_no_socket(tmp_path: Path,
                                               watch_io: list[tuple[str, Any]]) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET_MARKER)
    case = next(c for c in cases(str(secret)) if c.name == "xhtml-entities-xxe")
    data = case.build()
    watch_io.clear()  # only what clean() does counts
    result = run_case(case, data)
    check(case, result)
    assert isinstance(result, Document)
    assert SECRET_MARKER not in result.text
    assert all("lollollol" not in b.text for b in result.blocks)  # no entity expansion
    assert not [e for e in watch_io if e[0].startswith("socket.")]
    assert not [e for e in watch_io if str(secret) in str(e[1])]


def test_deep_nesting_keeps_text_after_the_deep_part() -> None:
    from .hostile.corpus import SECOND, article

    html = article(inside="<div>" * 100_000 + "<p>inside the deep part</p>",
                   after=f"<div><p>{SECOND} after the deep part.</p></div>")
    doc = clean(html)
    assert LEAD in doc.text
    assert "inside the deep part" in " ".join(b.text for b in doc.blocks)


def test_too_large_is_refused_before_work() -> None:
    with pytest.raises(CleanerError) as info:
        clean(b"<p>" + b"x" * 5000 + b"</p>", max_bytes=1000)
    assert info.value.kind == "too-large" and info.value.exit_code == 6
    with pytest.raises(CleanerError) as info:
        clean("<p>" + "x" * 5000 + "</p>", max_bytes=1000)
    assert info.value.kind == "too-large"

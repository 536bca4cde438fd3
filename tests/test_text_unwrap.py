"""Hard-wrapped text (lynx/w3m/html2text dumps) is joined back into paragraphs."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleaner
from cleaner.extract.text_unwrap import unwrap
from tests.conftest import SEED, needs_shared_data

PARAGRAPHS = [
    "The harbour authority said on Tuesday that the new ferry terminal will open in the "
    "spring, two years later than planned, after a dispute with the builder over the cost "
    "of the foundations was settled in court.",
    "Passengers will board from a covered walkway instead of the open pier, and the ticket "
    "hall will have room for three hundred people. The old terminal will be kept as a "
    "museum of the town's fishing fleet, the authority said.",
    "Local businesses welcomed the news but asked for more parking near the quay, where "
    "spaces are scarce in the summer months when the island ferries run every hour.",
]


def _wrapped(width: int) -> str:
    """A short story wrapped at ``width`` (its paragraphs twice: a page needs
    MIN_WRAPPED_PAIRS wrapped lines to count as wrapped)."""
    body = "\n\n".join("\n".join(textwrap.wrap(p, width)) for p in PARAGRAPHS * 2)
    return f"Ferry terminal to open next spring\n\n{body}\n"


@pytest.mark.parametrize("width", [60, 72, 78])
def test_wrapped_paragraphs_are_joined(width: int) -> None:
    out = unwrap(_wrapped(width))
    for p in PARAGRAPHS:
        assert p in out.splitlines()


@pytest.mark.parametrize("width", [60, 72, 78])
def test_line_numbers_are_kept(width: int) -> None:
    text = _wrapped(width)
    out = unwrap(text)
    assert len(out.splitlines()) == len(text.splitlines())
    # Each joined paragraph sits at the line where it started.
    first = text.splitlines().index(textwrap.wrap(PARAGRAPHS[1], width)[0])
    assert out.splitlines()[first] == PARAGRAPHS[1]


def test_unwrapped_text_is_left_alone() -> None:
    text = "Top stories\n" + "\n".join(
        f"{'Council ' * (1 + i % 5)}approves budget number {i}" for i in range(30))
    assert unwrap(text) is text
    prose = "\n\n".join(PARAGRAPHS)
    assert unwrap(prose) is prose


def test_headline_list_is_not_joined() -> None:
    """Lines of varied length one under the other are not a wrapped paragraph."""
    heads = ["Storm closes schools across the county",
             "Mayor opens new library wing after two years of work on the old building",
             "Prices rise again",
             "Local team wins the regional final in extra time after a goalless match",
             "Road works on Main Street to last until March",
             "Fire crews called to a barn blaze near the river late on Sunday evening",
             "Bakery marks fifty years",
             "Hospital car park charges to go up in the new year, the trust has said",
             "Bus timetable changes",
             "Volunteers clear three tonnes of litter from the beach in a single morning"]
    text = "\n".join(heads)
    assert unwrap(text) == text


@needs_shared_data()
def test_wrapped_seed_gives_the_seed_article() -> None:
    raw = SEED.read_text(encoding="utf-8")
    lines: list[str] = []
    for line in raw.split("\n"):
        lines.extend([*textwrap.wrap(line, 72), ""] if len(line) > 72 else [line])
    wrapped = "\n".join(lines).encode()
    assert cleaner.clean(wrapped).text == cleaner.clean(SEED.read_bytes()).text


@given(st.text(alphabet=st.sampled_from("ab \n-*."), max_size=600))
def test_unwrap_keeps_words_and_line_count(text: str) -> None:
    out = unwrap(text)
    assert out.split() == text.split()
    assert len(out.splitlines()) == len(text.splitlines())


_WORDS = st.lists(st.sampled_from(["harbour", "a", "terminal", "will", "open", "in",
                                   "spring,", "the", "ferries.", "Passengers"]),
                  min_size=30, max_size=90)


@given(st.lists(_WORDS, min_size=3, max_size=6), st.integers(40, 100),
       st.sampled_from(["", "\n", "\n\n"]))
def test_unwrap_of_wrapped_text_keeps_words_and_line_count(
        paragraphs: list[list[str]], width: int, end: str) -> None:
    text = "\n\n".join("\n".join(textwrap.wrap(" ".join(p), width)) for p in paragraphs)
    text += end
    out = unwrap(text)
    assert out.split() == text.split()
    assert len(out.splitlines()) == len(text.splitlines())

"""Record runs on the text path: calendars, tour dates and spec sheets are content.

The golden pages are tests/fixtures/text/en-tour-dates-records and
de-spec-sheet-records; these tests pin what the run detector accepts and what
it leaves to the other rules (menus, tables of contents, share bars, teasers).
"""

from __future__ import annotations

import cleaner
from cleaner.core.reasons import Reason
from cleaner.extract.segment_text import split_lines
from cleaner.extract.text_structure import RECORD_EVIDENCE, record_runs

CALENDAR = """1a etapa: 10 de março – Interlagos
2a etapa: 8 de abril – Curitiba
3a etapa: 22 de abril – Velopark
4a etapa: 06 de maio – Londrina
5a etapa: 20 de maio – Santa Cruz do Sul
6a etapa: 5 de agosto – Goiânia"""


def _runs(text: str) -> list[range]:
    lines = split_lines(text)
    return record_runs(lines, 0, len(lines))


def test_a_calendar_is_one_run() -> None:
    assert _runs(CALENDAR) == [range(0, 6)]


def test_keys_without_digits_count_when_they_differ() -> None:
    teams = "\n".join(f"{name} (Group {g}): {n}th appearance" for name, g, n in (
        ("England", "A", 10), ("Spain", "F", 11), ("France", "H", 10), ("Russia", "I", 12),
        ("Germany", "C", 13), ("Italy", "J", 10)))
    assert _runs(teams) == [range(0, 6)]


def test_a_table_of_contents_is_not_a_run() -> None:
    # The keys only count ("Chapter 01", "Chapter 02"): the values must hold the data.
    toc = "\n".join(f"Chapter {n:02d}: {title}" for n, title in enumerate((
        "What Ever Are We Doing?", "First Class Functions", "Pure Happiness",
        "Currying", "Coding by Composing", "Example Application"), start=1))
    assert _runs(toc) == []


def test_share_bars_counts_and_headlines_are_not_runs() -> None:
    share = "\n".join(f"Click to share on {site} (Opens in new window)"
                      for site in ("Facebook", "X", "LinkedIn", "Reddit", "Email", "Tumblr"))
    counts = "\n".join(f"{topic} ({n})" for topic, n in (
        ("Travel", 12), ("Food", 8), ("News", 30), ("Sport", 4), ("Music", 9), ("Film", 3)))
    headlines = "\n".join(f"How to Record Your Screen on Windows {n}: Step-by-Step Guide"
                          for n in (7, 8, 10, 11, 12, 13))
    assert _runs(share) == [] and _runs(counts) == [] and _runs(headlines) == []


def test_four_records_are_too_few() -> None:
    assert _runs("\n".join(CALENDAR.splitlines()[:4])) == []


def test_records_below_the_prose_are_kept_with_their_reason() -> None:
    page = ("Menu\nNews\nSport\n\n"
            "The championship calendar for next season was published on Monday, with "
            "six rounds and two new circuits that replace the races lost last year.\n\n"
            "Organisers said the dates could still change if a circuit fails its "
            "inspection, as has happened twice in recent seasons.\n\n"
            f"{CALENDAR}\n\nContact\nPrivacy\nTerms\n")
    doc = cleaner.clean(page, input_mode="text")
    assert "3a etapa: 22 de abril – Velopark" in doc.text
    assert doc.text.endswith("6a etapa: 5 de agosto – Goiânia")
    kept = [d for d in doc.decisions if d.block.text.startswith("5a etapa")]
    assert kept and kept[0].reason is Reason.ARTICLE_BODY
    assert kept[0].evidence == RECORD_EVIDENCE

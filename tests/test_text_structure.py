"""Record runs on the text path: calendars, tour dates and spec sheets are content.

The golden pages are tests/fixtures/text/en-tour-dates-records and
de-spec-sheet-records; these tests pin what the run detector accepts and what
it leaves to the other rules (menus, tables of contents, share bars, teasers).
"""

from __future__ import annotations

import cleaner
from cleaner.core.reasons import Reason
from cleaner.extract.segment_text import split_lines
from cleaner.extract.text_structure import RECORD_EVIDENCE, glue_code_tokens, record_runs

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


_ARTICLE = "\n\n".join(
    f"Paragraph {n} of the article explains one more part of the change to the night "
    "network, with enough words in every sentence to read as prose and not as a menu."
    for n in range(1, 13))
_DISCUSSION = (
    "Really glad someone finally wrote this up, because the night network was a mess "
    "for years and nobody at the council would say so in public, not even once.\n"
    "Reply\n"
    "Thanks for the numbers on ridership, they match what I saw on the late routes "
    "when I was driving them, and the vans are a better fit for the quiet hours.\n"
    "Reply\n"
    "The booking line needs more staff on Friday and Saturday nights, when the waits "
    "get long and the vans are full, but otherwise I like the new service a lot.\n"
    "Reply\n")


def test_an_article_below_a_short_discussion_is_kept() -> None:
    # "2 Comments" closes the discussion printed above the post: the long
    # unbroken run below it is the article, not a comment.
    doc = cleaner.clean(f"Menu\nLog in\n\n{_DISCUSSION}2 Comments\n\n{_ARTICLE}\n\nAbout\n",
                        input_mode="text")
    assert "Paragraph 12 of the article" in doc.text
    opener = [d for d in doc.decisions if d.block.text == "2 Comments"]
    assert opener and opener[0].reason is Reason.COMMENTS


def test_a_comment_section_below_the_article_is_still_removed() -> None:
    posts = "\n".join(
        f"Reader {n} on May {n}, 2024 at 4:47 pm said:\n"
        "I disagree with most of this, and I think the numbers in the third "
        "paragraph are wrong, because the survey only asked people who still ride."
        for n in range(1, 7))
    doc = cleaner.clean(f"Menu\n\n{_ARTICLE}\n\n6 Comments\n{posts}\n", input_mode="text")
    assert "Paragraph 12 of the article" in doc.text
    assert "I disagree" not in doc.text


def _glued(tokens: list[str]) -> list[str]:
    text = "\n\n".join(["The page starts with a sentence.", *tokens, "And ends with one."])
    lines, code = glue_code_tokens(text, split_lines(text))
    return [lines[i].text for i in code]


def test_code_split_into_one_token_a_line_is_glued_back() -> None:
    # Soup-style flattening of highlighted code: every token on its own line.
    code = "x = 1 ; y = 2 ; z = compute ( x , y )"
    assert _glued(code.split(" ")) == [code]


def test_menus_counts_and_ratings_are_not_code() -> None:
    menu = ["Home", "News", "Sport", "Travel", "Food", "Music", "Film", "Books", "a = b"]
    counts = ["Travel (12)", "Food (8)", "News (30)", "Sport (4)", "Music (9)", "Film (3)",
              "Books (7)", "Art (2)", "a = b"]
    stars = ["*", "+", "+", "+", "+", "*", "+", "+", "=", "="]
    assert _glued(menu) == [] and _glued(counts) == [] and _glued(stars) == []

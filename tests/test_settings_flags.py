"""Every 'what to keep' flag, shown by its effect on a WordPress-style fixture page."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import main

from .conftest import FIXTURES

PAGE = FIXTURES / "settings" / "wordpress-post.html"
URL = "https://garden.example.org/2024/05/balcony-tomatoes/"


def clean(*args: str, fmt: str = "txt") -> str:
    result = CliRunner().invoke(main, ["clean", "--no-config", "-f", fmt, *args, str(PAGE)])
    assert result.exit_code == 0, result.output
    return result.output


# (flag that drops a kind, text of that kind on the page)
DROPS = [
    ("tables", "Sungold | 2022 | 3.1"),
    ("lists", "A container of at least twenty litres for each plant"),
    ("code", 'rows = list(csv.reader(open("watering.csv")))'),
    ("headings", "Choosing a variety"),
    ("captions", "The balcony crop in its second August"),
]


@pytest.mark.parametrize(("name", "sample"), DROPS)
def test_keep_flags_default_on_and_no_flag_drops(name: str, sample: str) -> None:
    assert sample in clean()
    assert sample in clean(f"--{name}")
    without = clean(f"--no-{name}")
    assert sample not in without
    # Only that kind goes: the body paragraphs stay.
    assert "Water in the morning, and feed weekly" in without


@pytest.mark.parametrize(("name", "sample"), DROPS)
def test_dropped_kinds_carry_the_disabled_content_reason(name: str, sample: str) -> None:
    doc = cleaner.clean(PAGE.read_bytes(), **{name: False})
    reasons = {str(d.reason) for d in doc.removed if sample in d.text}
    assert reasons == {"disabled-content"}


def test_table_caption_follows_the_captions_flag() -> None:
    assert "Yield per plant over three summers" in clean()
    assert "Yield per plant over three summers" not in clean("--no-captions")


def test_links_become_markdown_links_with_absolute_urls() -> None:
    plain = clean(fmt="markdown")
    assert "Read the cherry tomato guide before" in plain
    md = clean("--links", "--url", URL, fmt="markdown")
    assert "[cherry tomato guide](https://garden.example.org/seeds/cherry-guide/)" in md
    # Without --url the page's canonical link is the base.
    md = clean("--links", fmt="markdown")
    assert "(https://garden.example.org/seeds/cherry-guide/)" in md
    # Plain text stays plain.
    assert "[cherry tomato guide]" not in clean("--links")


def test_images_keep_alt_text_and_absolute_url() -> None:
    image = ("![Tomato plants in buckets on a balcony]"
             "(https://garden.example.org/wp-content/uploads/2024/05/balcony.jpg)")
    assert "![" not in clean(fmt="markdown")
    md = clean("--images", fmt="markdown")
    assert image in md
    # The image sits before its caption, and the caption is still a caption.
    assert md.index(image) < md.index("*The balcony crop")
    assert "![" not in clean("--images")


def test_formatting_keeps_bold_and_italic() -> None:
    assert "**Bush varieties**" not in clean(fmt="markdown")
    md = clean("--formatting", fmt="markdown")
    assert "**Bush varieties**" in md and "*cordon varieties*" in md
    assert "**" not in clean("--formatting")


def test_second_opinion_flag_reaches_the_settings() -> None:
    result = CliRunner().invoke(main, ["settings", "--no-config", "--no-second-opinion"])
    assert "second_opinion = false" in result.output
    assert clean("--no-second-opinion").startswith("Three summers ago")


def test_max_bytes_limits_the_input() -> None:
    result = CliRunner().invoke(main, ["clean", "--no-config", "--max-bytes", "100", str(PAGE)])
    assert result.exit_code == 6
    assert "too-large" in result.output


def test_input_flag_forces_the_text_path() -> None:
    record = json.loads(clean("--input", "text", fmt="json"))
    assert record["input_kind"] == "text"
    assert json.loads(clean(fmt="json"))["input_kind"] == "html"


def test_remove_selector_css_and_xpath() -> None:
    paragraph = "By the end of the third summer"
    assert paragraph in clean()
    assert paragraph not in clean("--remove", ".entry-content > p:last-child")
    assert "Sungold | 2022" not in clean("--remove", "//table")
    doc = cleaner.clean(PAGE.read_bytes(), remove_selectors=("//table",))
    removed = [d for d in doc.removed if d.text.startswith("Variety | Year")]
    assert [str(d.reason) for d in removed] == ["user-remove"]
    assert "//table" in removed[0].evidence


def test_keep_selector_beats_heuristics_and_remove() -> None:
    recent = "Seed trays from egg boxes"  # a sidebar widget, removed by default
    assert recent not in clean()
    assert recent in clean("--keep", "#recent-posts-2 li")
    assert recent in clean("--keep", "#secondary", "--remove", "#secondary")
    doc = cleaner.clean(PAGE.read_bytes(), keep_selectors=("#secondary li",))
    kept = [d for d in doc.kept if d.text == recent]
    assert [str(d.reason) for d in kept] == ["user-keep"]


def test_phrase_removes_blocks_with_it() -> None:
    paragraph = "I keep a small log of watering times."
    assert paragraph in clean()
    text = clean("--phrase", "small log of watering")
    assert paragraph not in text
    assert "Water in the morning" in text
    doc = cleaner.clean(PAGE.read_bytes(), extra_phrases=("small log of watering",))
    assert any(str(d.reason) == "user-remove" and d.text.startswith(paragraph)
               for d in doc.removed)


def test_bad_selector_is_a_one_line_usage_error() -> None:
    result = CliRunner().invoke(main, ["clean", "--no-config", "--remove", "p[", str(PAGE)])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "invalid CSS selector" in result.output


def test_phrase_works_on_flattened_text_too() -> None:
    page = ("The council approved the new budget on Monday after a long debate about schools.\n"
            "Sponsored content from our partners here\n"
            "The vote was seven to two, with the mayor abstaining for the first time.\n")
    doc = cleaner.clean(page, extra_phrases=("sponsored content",))
    assert "partners" not in doc.text
    assert doc.text.startswith("The council approved")

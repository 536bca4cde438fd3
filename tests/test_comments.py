"""Reader comments: out of the body always, into their own field with --comments."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import main
from cleaner.core.model import Comment

from .conftest import FIXTURES

SETTINGS = FIXTURES / "settings"
WORDPRESS = SETTINGS / "wordpress-post.html"
MICRODATA = SETTINGS / "comments-microdata.html"
GENERIC = SETTINGS / "comments-generic.html"

WP_COMMENTS = (
    Comment("Lovely write-up. My Sungold plants split their fruit after heavy rain; "
            "did you see that too?", "Priya Okafor", "2024-05-13T09:14:22+00:00"),
    Comment("Yes, splitting comes from uneven watering. A saucer under each bucket "
            "helped a lot.", "Ruth Meadows", "2024-05-13T18:40:05+00:00"),
    Comment("Tumbling Tom in a hanging basket works well on a windy balcony.\n\n"
            "Mine gave fruit until October.", "Tomasz Wielki", "2024-05-20T07:02:00+00:00"),
)


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, ["clean", "--no-config", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_wordpress_comments_come_out_in_comments_none_in_text() -> None:
    doc = cleaner.clean(WORDPRESS.read_bytes(), comments=True)
    assert doc.comments == WP_COMMENTS
    for comment in WP_COMMENTS:
        for line in comment.text.split("\n\n"):
            assert line not in doc.text
        assert comment.author is not None
    assert "says:" not in doc.text and "Leave a Reply" not in doc.text
    assert doc.text.startswith("Three summers ago")


def test_comments_are_off_by_default() -> None:
    doc = cleaner.clean(WORDPRESS.read_bytes())
    assert doc.comments == ()
    assert "Lovely write-up" not in doc.text
    assert any(str(d.reason) == "comments" and "Lovely write-up" in d.text for d in doc.removed)


def test_json_has_a_comments_field_only_with_the_flag() -> None:
    assert "comments" not in json.loads(cli("-f", "json", str(WORDPRESS)))
    record = json.loads(cli("--comments", "-f", "json", str(WORDPRESS)))
    assert record["comments"] == [
        {"text": c.text, "author": c.author, "date": c.date} for c in WP_COMMENTS]
    assert "Lovely write-up" not in record["text"]


def test_markdown_has_a_comments_section_after_the_article() -> None:
    md = cli("--comments", "-f", "markdown", str(WORDPRESS))
    article_end = md.index("asking for seedlings of their own.")
    section = md.index("## Comments")
    assert article_end < section
    assert "**Priya Okafor** · 2024-05-13T09:14:22+00:00" in md
    assert "> Mine gave fruit until October." in md
    assert "## Comments" not in cli("-f", "markdown", str(WORDPRESS))


def test_txt_output_stays_the_article() -> None:
    assert "Lovely write-up" not in cli("--comments", str(WORDPRESS))


def test_schema_org_microdata_comments() -> None:
    doc = cleaner.clean(MICRODATA.read_bytes(), comments=True)
    assert doc.comments == (
        Comment("Which detergent do you use on the mirror coating?", "Dana Whitfield",
                "2023-11-02T21:15:00Z"),
        Comment("Distilled water and a drop of soap, then a dry ice rinse.", "Ken Adeyemi",
                "3 November 2023"),
    )
    # Inside the <article>, under a neutral class name: still not body text.
    assert "detergent" not in doc.text and "Dana Whitfield" not in doc.text
    # A syntax highlighter's "comment" token is code, not a reader comment.
    assert "remember to close the dome" in doc.text


def test_generic_and_disqus_like_threads() -> None:
    doc = cleaner.clean(GENERIC.read_bytes(), comments=True)
    assert [(c.author, c.date) for c in doc.comments] == [
        ("marketwatcher", "12 March 2024, 08:15"),
        ("j.ortega", "12 March 2024, 10:02"),
        ("RailFan77", "Tuesday, March 12, 2024 11:30 AM"),  # the title, not "2 hours ago"
    ]
    assert doc.comments[2].text.startswith("Softer ground than the survey said")
    assert "stalls open" not in doc.text and "Softer ground" not in doc.text
    assert doc.text.startswith("The new tram line opens eight months late")


def test_comment_without_author_or_date() -> None:
    page = ("<html><body><article><p>" + "Words of the article body go here. " * 8 +
            "</p></article><ol class='comment-list'><li class='comment'>"
            "<p>Anonymous thought, no name given.</p></li></ol></body></html>")
    doc = cleaner.clean(page, comments=True)
    assert doc.comments == (Comment("Anonymous thought, no name given.", None, None),)


@pytest.mark.parametrize("page", [
    "<html><body><p>A page with no comments at all, just one paragraph.</p></body></html>",
    "<html><body><form><div class='comment'><textarea></textarea></div></form></body></html>",
])
def test_pages_without_comments(page: str) -> None:
    assert cleaner.clean(page, comments=True).comments == ()


def test_text_input_has_no_comments_field() -> None:
    doc = cleaner.clean("Just a line of flattened text.\nAnd another line of it.",
                        comments=True)
    assert doc.comments == ()

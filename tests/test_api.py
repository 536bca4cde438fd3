"""The public library API: cleaner.clean() and the Document it returns."""

from __future__ import annotations

import gzip

import pytest

import cleaner
from cleaner import Reason, Settings
from cleaner.core.errors import EmptyInputError, NotAPageError


def test_public_names_are_exported() -> None:
    for name in cleaner.__all__:
        assert hasattr(cleaner, name), name
    assert {"clean", "Settings", "Document", "Reason", "CleanerError"} <= set(cleaner.__all__)


def test_clean_example_keeps_article_and_drops_chrome(news_html: bytes) -> None:
    doc = cleaner.clean(news_html)
    text = doc.text
    assert text.startswith("The city council voted 11 to 4")
    assert "Construction is expected to start in the autumn" in text
    assert "Shops worried about deliveries" in text
    for chrome in ("Skip to content", "Most read", "Leave a Reply", "Akismet", "We use cookies",
                   "Sign up for our newsletter", "Bridge repairs", "All rights reserved"):
        assert chrome not in text, chrome
    assert doc.metadata.title == "City council approves new cycling lanes for the river district"


def test_every_block_has_a_verdict_and_removed_have_reasons(news_html: bytes) -> None:
    doc = cleaner.clean(news_html)
    assert len(doc.blocks) == len(doc.verdicts)
    assert doc.removed and doc.kept
    for d in doc.removed:
        assert isinstance(d.reason, Reason) and not d.reason.keeps
    for d in doc.kept:
        assert d.reason.keeps
    reasons = {d.reason for d in doc.removed}
    assert Reason.COMMENTS in reasons or Reason.COMMENT_FORM in reasons
    title = [d for d in doc.decisions if d.text.startswith("City council approves new")]
    assert title and not title[0].verdict.keep


def test_gzip_bytes_and_str_give_the_same_text(news_html: bytes) -> None:
    plain = cleaner.clean(news_html).text
    assert cleaner.clean(gzip.compress(news_html)).text == plain
    assert cleaner.clean(news_html.decode("utf-8")).text == plain


def test_same_input_same_output_whatever_ran_before(news_html: bytes) -> None:
    first = cleaner.clean(news_html).text
    cleaner.clean(b"<html><body><p>Something else entirely, unrelated.</p></body></html>")
    assert cleaner.clean(news_html).text == first


def test_overrides_and_settings_object(news_html: bytes) -> None:
    without_tables = cleaner.clean(news_html, tables=False).text
    assert "Embankment" not in without_tables
    assert "Embankment" in cleaner.clean(news_html, settings=Settings()).text


def test_bad_input_raises_cleaner_errors() -> None:
    with pytest.raises(EmptyInputError):
        cleaner.clean(b"   \n ")
    with pytest.raises(NotAPageError):
        cleaner.clean(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")

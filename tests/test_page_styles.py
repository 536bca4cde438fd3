"""Metadata and text-path checks on fixture pages of older or non-English styles.

The pages in tests/fixtures/pages/ pin the article text; these pin what the
page head and body markup say (author, date, title), which those tests do not
read, and the same pages flattened to text.
"""

from __future__ import annotations

import lxml.html
import pytest

import cleaner
from tests.conftest import FIXTURES

PAGES = FIXTURES / "pages"


@pytest.mark.parametrize(("slug", "title", "authors", "date"), [
    # Blogger: the byline sits in the post's own footer ("post-footer"),
    # and the whole main column is a "widget".
    ("blogger-post-footer-byline", "Starting tomatoes indoors without a greenhouse",
     ["Martha Kowalski"], "2011-04-10"),
    # phpBB: the first poster, and the first post's date, not the profile's
    # "Joined:" date nor a reply's poster.
    ("phpbb-thread-signature", "Carburettor float keeps sticking after rebuild",
     ["oldbsa_tom"], "2015-06-13"),
    # WordPress Twenty Sixteen: the byline in the post's "entry-footer", its
    # label ("Autore ") in a screen-reader-only span.
    ("wordpress-twentysixteen-it", "Come ho riparato la vecchia bicicletta di mio nonno",
     ["Luca Ferretti"], "2019-10-14"),
    # A CJK dateline ("2018年1月24日 11時32分") in a classed byline element.
    ("ja-news-cjk-date", "新幹線、大雪で一部区間運転見合わせ", ["北陸日報"], "2018-01-24"),
])
def test_html_metadata(slug: str, title: str, authors: list[str], date: str) -> None:
    meta = cleaner.clean((PAGES / slug / "source.html").read_bytes()).metadata
    assert meta.title == title
    assert list(meta.authors) == authors
    assert meta.date == date


def _flattened(slug: str) -> str:
    """The page as a scraper flattens it: one line per block element."""
    root = lxml.html.fromstring((PAGES / slug / "source.html").read_bytes())
    for el in root.xpath("//script|//style|//head"):
        el.drop_tree()
    for el in root.iter("p", "div", "li", "h1", "h2", "h3", "td", "br"):
        el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def test_cjk_text_page_title_date_and_end() -> None:
    """A flattened Japanese news page: the headline (one space-less "word") is
    the title, the dateline gives the date, and the copyright line (a long
    "sentence" once CJK characters count as words) does not pull the share
    bar and the related links into the article."""
    doc = cleaner.clean(_flattened("ja-news-cjk-date").encode())
    assert doc.metadata.title == "新幹線、大雪で一部区間運転見合わせ"
    assert doc.metadata.date == "2018-01-24"
    assert doc.text.startswith("北陸地方は２４日朝から")
    assert doc.text.endswith("注意するよう呼びかけている。")


def test_russian_news_date_is_the_dateline_not_a_related_story() -> None:
    """One ``class="author"`` element, already the byline, is not a forum
    handle: the next date on the page (a related story's) is not the date."""
    meta = cleaner.clean((PAGES / "ru-news-table-layout" / "source.html").read_bytes()).metadata
    assert list(meta.authors) == ["Ирина Белова"]
    assert meta.date == "2012-03-14"


def test_press_release_date_from_its_dateline() -> None:
    """"PITTSBURGH, March 7, 2023 /Wire Press/ --": the only machine-readable
    date of the page is in the dateline opening the release."""
    slug = "pressrelease-dateline"
    assert cleaner.clean((PAGES / slug / "source.html").read_bytes()).metadata.date == "2023-03-07"
    assert cleaner.clean(_flattened(slug).encode()).metadata.date == "2023-03-07"


def test_drupal_submitted_by_names_the_author_on_the_text_path() -> None:
    """"Enviado por Lucía Martín el Mié, 21/05/2014" (Drupal's "Submitted by"):
    the author, not the commenter whose name stands alone further down."""
    meta = cleaner.clean(_flattened("drupal-node-es-comments").encode()).metadata
    assert list(meta.authors) == ["Lucía Martín"]
    assert meta.date == "2014-05-21"


def test_old_personal_page_ends_before_pager_and_counter() -> None:
    doc = cleaner.clean(_flattened("oldschool-br-paragraphs").encode())
    assert doc.text.endswith("giving a weak spark since last fall.")


def test_wordpress_comments_titled_one_thought_on_stay_out_of_the_text() -> None:
    """"Un commento su “<title>”" ("One thought on ...") opens the comments."""
    doc = cleaner.clean(_flattened("wordpress-twentysixteen-it").encode())
    assert "ne sarebbe stato contento." in doc.text
    assert "Che bella storia" not in doc.text
    assert doc.metadata.date != "2019-10-16"  # the comment's date


def test_joomla_text_path_reads_napisane_przez_and_skips_the_hit_counter() -> None:
    meta = cleaner.clean(_flattened("joomla-article-pl").encode()).metadata
    assert list(meta.authors) == ["Tomasz Nowak"]
    assert meta.title != "Odsłony: 412"


def test_mediawiki_headings_lose_their_edit_links() -> None:
    """"Construction[edit]": the section edit link of older MediaWiki skins is
    an inline span inside the heading; neither path keeps it."""
    html_doc = cleaner.clean((PAGES / "mediawiki-article" / "source.html").read_bytes())
    text_doc = cleaner.clean(_flattened("mediawiki-article").encode())
    for doc in (html_doc, text_doc):
        assert "Decline and closure" in doc.text
        assert "[edit]" not in doc.text

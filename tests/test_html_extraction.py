"""HTML extraction on fixture pages: one folder per CMS pattern.

Each ``tests/fixtures/pages/<slug>/`` with a ``source.html`` holds
``expected.txt`` (the article text, exactly) and ``expected.json``:
``{"removed": [{"reason": "<code>", "contains": "<snippet>"}, ...],
"kept_reasons": [...]}``: every listed removal must be found (a removed block
with that reason whose text contains the snippet). To regenerate a case after
a deliberate change, run ``python tests/test_html_extraction.py <slug>`` and
review the diff before committing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import cleaner
from cleaner import Reason
from cleaner.extract.rules.markup import chrome_reason, token_family

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
CASES = sorted(p.name for p in PAGES.iterdir() if (p / "source.html").exists()) \
    if PAGES.exists() else []


def _clean(slug: str) -> cleaner.Document:
    return cleaner.clean((PAGES / slug / "source.html").read_bytes())


@pytest.mark.parametrize("slug", CASES)
def test_text_matches_expected(slug: str) -> None:
    expected = (PAGES / slug / "expected.txt").read_text(encoding="utf-8")
    assert _clean(slug).text.strip() == expected.strip()


@pytest.mark.parametrize("slug", CASES)
def test_expected_reasons(slug: str) -> None:
    spec = json.loads((PAGES / slug / "expected.json").read_text(encoding="utf-8"))
    removed = _clean(slug).removed
    for want in spec["removed"]:
        reason = Reason(want["reason"])
        hits = [d for d in removed if d.reason is reason and want["contains"] in d.text]
        assert hits, f"{slug}: no block removed as {reason.value} containing {want['contains']!r}"


def test_every_case_has_expectations() -> None:
    assert len(CASES) >= 7  # the seven CMS patterns of the brief
    for slug in CASES:
        assert (PAGES / slug / "expected.txt").exists(), slug
        assert json.loads((PAGES / slug / "expected.json").read_text())["removed"], slug


def test_readme_example_keeps_working() -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "news-article.html"
    doc = cleaner.clean(example.read_bytes())
    assert doc.text.startswith("The city council voted 11 to 4")
    reasons = {d.reason for d in doc.removed}
    assert {Reason.COOKIE_BANNER, Reason.COMMENTS, Reason.NEWSLETTER, Reason.SHARE_BAR} <= reasons


@pytest.mark.parametrize(("attrs", "reason"), [
    ("comments-area", Reason.COMMENTS),
    ("post_comments", Reason.COMMENTS),
    ("article__share", Reason.SHARE_BAR),
    ("onetrust-banner-sdk", Reason.COOKIE_BANNER),
    ("widget widget_recent_entries", Reason.SIDEBAR),
    ("site-footer", Reason.FOOTER),
    ("ez-toc-container", Reason.TABLE_OF_CONTENTS),
])
def test_class_families(attrs: str, reason: Reason) -> None:
    found = chrome_reason("div", attrs, None, None, False)
    assert found is not None and found[0] is reason


@pytest.mark.parametrize("attrs", [
    "commentary",                    # a word that merely starts like a family word
    "elementor-widget-container",    # page-builder namespace, not a sidebar
    "cmp-container",                 # AEM core components, not a consent platform
    "entry-content post-share",      # content class vetoes the chrome class
    "no-sidebar",                    # layout switch
])
def test_class_non_matches(attrs: str) -> None:
    assert chrome_reason("div", attrs, None, None, False) is None


def test_cookie_dialog_is_cookie_banner_not_hidden() -> None:
    html = (b"<html><body><div role='dialog' class='consent-layer'><p>We use cookies to "
            b"improve your experience.</p></div><div role='dialog'><p>We use cookies to "
            b"improve your experience on this site.</p></div><article>"
            + b"<p>Plain article text that goes on for a while, with sentences.</p>" * 8
            + b"</article></body></html>")
    removed = cleaner.clean(html).removed
    assert {d.reason for d in removed if "cookies" in d.text} == {Reason.COOKIE_BANNER}


def test_token_family_is_pure() -> None:
    assert token_family("share-bar") == token_family("share_bar")


def _regenerate(slug: str) -> None:
    doc = _clean(slug)
    (PAGES / slug / "expected.txt").write_text(doc.text.strip() + "\n", encoding="utf-8")
    for d in doc.removed:
        print(f"{d.reason.value:18s} {d.text[:70]!r}")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        _regenerate(name)


def test_second_opinion_adapter_reads_a_string_and_abstains_on_junk() -> None:
    from lxml import html as lxml_html

    from cleaner.extract.second_opinion import agreement, readability_text

    source = (PAGES / "div-soup-article" / "source.html").read_text(encoding="utf-8")
    root = lxml_html.fromstring(source)
    before = lxml_html.tostring(root)
    text = readability_text(lxml_html.tostring(root, encoding="unicode"))
    assert text is not None and "washer" in text
    assert lxml_html.tostring(root) == before  # our tree is never touched
    assert readability_text("") is None
    assert readability_text("<html></html>") is None
    doc = _clean("div-soup-article")
    votes = agreement([d.block for d in doc.decisions], text)
    kept = [v for d, v in zip(doc.decisions, votes, strict=True) if d.verdict.keep]
    assert all(kept)


def test_vote_region_only_moves_to_a_clearly_better_candidate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cleaner.core.settings import DEFAULT_SETTINGS
    from cleaner.extract import vote
    from cleaner.extract.segment_html import segment_html
    from cleaner.extract.select import Region, markup_marks
    from cleaner.extract.vote import vote_region
    from cleaner.inputs.parse import parse_html

    source = (PAGES / "div-soup-article" / "source.html").read_text(encoding="utf-8")
    seg = segment_html(parse_html(source), None, DEFAULT_SETTINGS)
    th = DEFAULT_SETTINGS.thresholds
    marks = markup_marks(seg, th)
    whole = Region(0, len(seg.blocks), "whole page", 0.1)
    prose = [b.features.words >= 20 for b in seg.blocks]
    agree: list[bool | None] = [bool(p) for p in prose]
    assert vote_region(seg, marks, th, whole, agree) is whole  # menus are few words
    monkeypatch.setattr(vote, "VOTE_MARGIN", 0.01)
    moved = vote_region(seg, marks, th, whole, agree)
    assert moved is not whole and "readability" in moved.evidence
    assert all(moved.start <= b.id < moved.end for b in seg.blocks if prose[b.id])
    same = vote_region(seg, marks, th, moved, agree)
    assert same is moved


def test_hidden_tab_panels_are_content_other_hidden_boxes_are_not() -> None:
    assert chrome_reason("div", "", "tabpanel", "display:none", True) is None
    assert chrome_reason("div", "", None, None, True) == (Reason.HIDDEN, "hidden attribute")
    assert chrome_reason("div", "", "dialog", "display: none", False) == (
        Reason.HIDDEN, "style display:none")
    steps = "<p>Install the library with your package manager and run the first script.</p>"
    other = steps.replace("script", "program")
    page = ("<html><body><main><h1>Send a message</h1>"
            "<p>This quickstart sends a message from a short program, step by step, in the "
            "language you pick from the tabs below.</p>"
            f"<div role='tabpanel'><h2>Python</h2>{steps}</div>"
            f"<div role='tabpanel' hidden style='display:none'><h2>Go</h2>{other}</div>"
            "<div hidden><p>Your session has expired, please sign in again to continue.</p></div>"
            "</main></body></html>")
    text = cleaner.clean(page).text
    assert "first program" in text and "session has expired" not in text


def test_linked_terms_of_a_definition_list_stay_with_their_definitions() -> None:
    items = "".join(
        f"<dt><a href='/docs/{name}'><code>Socket.{name}()</code></a></dt>"
        f"<dd><p>{text}</p></dd>" for name, text in (
            ("close", "Closes the connection, or the connection attempt, if it is open."),
            ("send", "Queues data to be sent to the server over the open connection."),
        ))
    page = ("<html><body><main><h1>Socket</h1><p>The Socket object lets a program hold a "
            "connection to a server and exchange messages with it in both directions.</p>"
            f"<h2>Methods</h2><dl>{items}</dl>"
            "<nav><a href='/a'>Home</a> <a href='/b'>Docs</a></nav></main></body></html>")
    doc = cleaner.clean(page)
    assert "Socket.close()" in doc.text and "Socket.send()" in doc.text
    assert doc.text.index("Socket.close()") < doc.text.index("Closes the connection")


def test_related_box_of_excerpt_cards_is_related_links_however_much_prose() -> None:
    excerpt = ("Planning a conference for the first time means juggling venues, budgets, "
               "speakers and attendees, and this guide walks through every step of it with "
               "checklists you can copy for your own event next spring.")
    cards = "".join(f"<article class='loop-entry'><h3>Guide number {n}</h3><p>{excerpt}</p>"
                    "</article>" for n in range(5))
    body = "".join(f"<p>{excerpt.replace('Planning', f'Part {n}: planning')}</p>"
                   for n in range(6))
    page = (f"<html><body><main><h1>How to plan an event</h1>{body}"
            f"<div class='entry-related'>{cards}</div>"
            "</main></body></html>")
    doc = cleaner.clean(page)
    assert "Part 5: planning" in doc.text and "Guide number" not in doc.text
    assert any(d.reason is Reason.RELATED_LINKS and "Guide number 3" in d.text
               for d in doc.removed)


def test_numbered_class_tokens_share_the_memo_and_keep_their_evidence() -> None:
    from cleaner.extract.rules.markup import _class_family

    assert class_reason_of("comment-48213 post") == (Reason.COMMENTS, "class/id 'comment-48213'")
    assert class_reason_of("comment-991 post") == (Reason.COMMENTS, "class/id 'comment-991'")
    before = _class_family.cache_info().hits
    class_reason_of("comment-777777 post")
    assert _class_family.cache_info().hits == before + 1
    # One-digit family words still match as written.
    assert class_reason_of("qc-cmp2-container") is not None


def class_reason_of(attrs: str) -> tuple[Reason, str] | None:
    from cleaner.extract.rules.markup import class_reason

    return class_reason(attrs)


def test_embedded_social_posts_are_not_share_bars() -> None:
    from cleaner.extract.rules.markup import class_reason

    assert class_reason("social-media-embed") is None
    assert class_reason("embed-social") is None
    assert class_reason("social-share")[0] is Reason.SHARE_BAR  # type: ignore[index]


@pytest.mark.parametrize("line", [
    "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019",
    "Published on November 19, 2019",
    "Updated: 12:30 Nov 19, 2019",
])
def test_date_lines_with_a_label_and_time_first(line: str) -> None:
    from cleaner.extract.rules.shapes import shape_reason

    assert shape_reason(line, len(line.split())) == (Reason.BYLINE, "date line")


@pytest.mark.parametrize("line", [
    "Nov 19, 2019 | the day the council voted",
    "On November 19, 2019 the council voted to close the bridge",
])
def test_sentences_with_a_date_are_not_date_lines(line: str) -> None:
    from cleaner.extract.rules.shapes import shape_reason

    assert shape_reason(line, len(line.split())) is None


def _table_blocks(body: str) -> list[cleaner.Block]:
    page = f"<html><body><h1>Page</h1>{body}</body></html>".encode()
    return [b for b in cleaner.clean(page).blocks if b.kind is cleaner.BlockKind.TABLE]


_LONG_CELL = " ".join(["word"] * 90) + "."
_MENU_CELL = "".join(f'<a href="/s{i}">Section {i}</a><br>' for i in range(7))


def test_layout_table_with_menu_column_is_walked() -> None:
    """A few rows, a cell of prose beside a link column: page columns, not data."""
    body = (f"<table><tr><td colspan=2>Banner</td></tr>"
            f"<tr><td>{_MENU_CELL}</td><td>{_LONG_CELL}</td></tr></table>")
    assert _table_blocks(body) == []


def test_data_table_with_long_linked_cells_stays_a_table() -> None:
    """Many rows of the same shape are data, however long and linked a cell is."""
    rows = "".join(f"<tr><td>Week {i}</td><td>{_MENU_CELL}</td><td>{_LONG_CELL}</td></tr>"
                   for i in range(8))
    assert len(_table_blocks(f"<table>{rows}</table>")) == 1


def test_table_with_a_form_is_layout() -> None:
    body = ("<table><tr><td>Name</td><td>Value</td></tr><tr><td>a</td><td>1</td></tr>"
            "<tr><td><form><input name=q></form></td><td>2</td></tr></table>")
    assert _table_blocks(body) == []


def test_broken_header_cell_gives_byline_metadata() -> None:
    """Headline, byline and date in one <br>-broken cell are read line by line."""
    meta = _clean("table-layout-portal").metadata
    assert meta.authors == ("Margaret Ellison",) or list(meta.authors) == ["Margaret Ellison"]
    assert meta.date == "2006-03-14"

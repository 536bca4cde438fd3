"""The reason vocabulary: every code is documented, produced by a rule, and tested.

The meta-test at the bottom fails when a reason code appears in no test, so a new
code cannot be added without showing when it fires.
"""

from __future__ import annotations

from pathlib import Path

import cleaner
from cleaner import Reason


def _reasons_of(html: str) -> dict[str, Reason]:
    doc = cleaner.clean(html)
    return {d.text: d.reason for d in doc.decisions}


_PROSE = (
    "<p>The committee met on Tuesday to review the budget for the coming year, and its "
    "members agreed that the library and the swimming pool should both stay open.</p>"
    "<p>They also asked the council to publish the figures earlier next time, so that "
    "residents can read them before the public meeting takes place in the spring.</p>"
)


def test_every_reason_has_a_meaning_and_kebab_case_code() -> None:
    for reason in Reason:
        assert reason.meaning
        assert reason.value == reason.value.lower() and " " not in reason.value


def test_author_box_from_markup() -> None:
    reasons = _reasons_of(
        f"<html><body><article>{_PROSE}<div class='author-bio'><p>Jane Doe writes about "
        "city politics and has covered the council since 2015.</p></div></article></body></html>"
    )
    assert reasons["Jane Doe writes about city politics and has covered the council since 2015."] \
        is Reason.AUTHOR_BOX


def test_media_credit_shape() -> None:
    reasons = _reasons_of(
        f"<html><body><article><p>Photo: Jane Doe/Reuters</p>{_PROSE}</article></body></html>")
    assert reasons["Photo: Jane Doe/Reuters"] is Reason.MEDIA_CREDIT


def test_boilerplate_line_phrase() -> None:
    reasons = _reasons_of(
        f"<html><body><article>{_PROSE}<p>Listen to this article</p><p>The budget will be "
        "voted on in March, after a second reading.</p></article></body></html>")
    assert reasons["Listen to this article"] is Reason.BOILERPLATE_LINE


def test_link_dense_block_inside_the_article() -> None:
    reasons = _reasons_of(
        f"<html><body><article>{_PROSE}<p><a href='/a'>Budget documents for 2025</a> "
        "<a href='/b'>Minutes of the previous meeting</a> and</p><p>The budget will be voted "
        "on in March, after a second reading by the full council.</p></article></body></html>")
    assert reasons["Budget documents for 2025 Minutes of the previous meeting and"] \
        is Reason.LINK_DENSE


def test_duplicate_paragraph() -> None:
    repeated = "The council will publish the full figures on its website next week."
    reasons = [d for d in cleaner.clean(
        f"<html><body><article>{_PROSE}<p>{repeated}</p><div><p>Other words in between here "
        f"for the reader.</p></div><section><p>{repeated}</p></section></article></body></html>"
    ).decisions if d.text == repeated]
    assert [d.reason for d in reasons] == [Reason.ARTICLE_BODY, Reason.DUPLICATE]


def test_low_text_density_edge_and_empty_heading() -> None:
    reasons = _reasons_of(
        f"<html><body><article><p>Budget</p>{_PROSE}<h2>Further notes</h2></article></body></html>")
    assert reasons["Budget"] is Reason.LOW_TEXT_DENSITY
    assert reasons["Further notes"] is Reason.LOW_TEXT_DENSITY


def test_every_reason_code_is_exercised_by_some_test() -> None:
    tests = Path(__file__).resolve().parent
    corpus = "".join(
        p.read_text(encoding="utf-8", errors="ignore")
        for p in tests.rglob("*")
        if p.is_file() and p.suffix in (".py", ".json", ".txt") and p.name != Path(__file__).name
    ) + Path(__file__).read_text(encoding="utf-8").split("def test_every_reason_code")[0]
    missing = [r.value for r in Reason
               if r.value not in corpus and f"Reason.{r.name}" not in corpus]
    assert not missing, f"reason codes with no test: {missing}"

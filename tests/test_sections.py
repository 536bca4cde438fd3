"""A chrome heading ("You may also like") takes its whole section with it."""

from __future__ import annotations

import cleaner
from cleaner import Reason

_TEASER = ("<article><p>{}</p><p><a href='/x'>Share</a> <a href='/y'>Pin</a></p></article>")
_TEASERS = [
    "Courage and optimism carry us through the hardest seasons of life, and every morning "
    "gives us a new chance to try again with an open heart and a clear mind.",
    "A family is held together by care, by patience and by the small kindnesses that its "
    "members show each other every single day, even when times are difficult.",
    "Gratitude lives in the details: in the first smile of the morning, in a short prayer, "
    "in a kind word to a stranger, and in the quiet joy of an evening at home.",
]


def _page(heading: str) -> str:
    teasers = "".join(_TEASER.format(t) for t in _TEASERS)
    return (
        "<html><body><div><article><h1>Only those who love themselves</h1>"
        "<p>To love yourself is to accept your limits without giving up on growing. It is to "
        "forgive your own mistakes and to keep the promises you make to yourself. It asks for "
        "honesty more than comfort, and it grows slowly, one ordinary day at a time.</p></article>"
        f"<article><h3>{heading}</h3>{teasers}</article></div></body></html>"
    )


def test_teasers_under_a_related_heading_are_removed_even_when_they_outweigh_the_article() -> None:
    doc = cleaner.clean(_page("You may also like..."))
    assert doc.text.startswith("To love yourself is to accept your limits")
    for teaser in _TEASERS:
        assert teaser not in doc.text
    removed = {d.text: d for d in doc.removed}
    assert removed[_TEASERS[0]].reason is Reason.RELATED_LINKS
    assert "section under a heading" in removed[_TEASERS[0]].evidence


def test_an_ordinary_heading_does_not_remove_its_section() -> None:
    doc = cleaner.clean(_page("Three thoughts for the week"))
    assert _TEASERS[1] in doc.text

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


def _cards(n: int) -> str:
    return "".join(
        f"<div class='card'><h3><a href='/p{i}'>Headline number {i} about the town</a></h3>"
        f"<p>The council met on Tuesday to discuss item {i} of the agenda, and the "
        "members agreed after a long debate that the matter needs a further...</p></div>"
        for i in range(n)
    )


def test_truncated_teasers_are_a_related_list_on_an_article_page() -> None:
    article = ("<div class='text'><h1>Ferry returns</h1>" + "".join(
        f"<p>Paragraph {i} of the story says the ferry carried forty passengers on its "
        "first crossing after the refit, and that the new engines are quieter.</p>"
        for i in range(4)) + "</div>")
    doc = cleaner.clean(f"<html><body><div>{article}<div class='rail'>{_cards(5)}</div>"
                        "</div></body></html>")
    assert "Paragraph 3 of the story" in doc.text
    assert "item 2 of the agenda" not in doc.text
    removed = [d for d in doc.removed if "item 2 of the agenda" in d.text]
    assert removed and removed[0].reason is Reason.RELATED_LINKS
    assert "teaser list" in removed[0].evidence


def test_truncated_teasers_are_the_content_of_a_listing_page() -> None:
    doc = cleaner.clean(f"<html><body><h1>Town news</h1><div>{_cards(6)}</div></body></html>")
    assert all(d.reason is not Reason.RELATED_LINKS for d in doc.removed)


def test_a_sentence_with_one_long_linked_title_is_kept() -> None:
    ref = ("<li>Smith J, Jones K. <a href='/r'>A randomised trial of mindfulness-based stress "
           "reduction for chronic pain in adults</a>. Journal of Pain. 2021;12:34-56.</li>")
    menu = "<li><a href='/a'>Home</a> <a href='/b'>News</a> <a href='/c'>Sport</a></li>"
    body = "".join(
        f"<p>Sentence {i} of the article explains how the trial was run and what the "
        "researchers measured in the people who took part.</p>" for i in range(5))
    doc = cleaner.clean(f"<html><body><article><h1>Pain study</h1>{body}"
                        f"<ul>{ref}</ul><ul>{menu}</ul></article></body></html>")
    assert "A randomised trial of mindfulness-based stress" in doc.text
    assert "Sport" not in doc.text


def test_an_article_id_on_body_does_not_make_the_whole_page_the_article() -> None:
    header = "<div class='corp'>" + "".join(
        f"<div>The group's company number {i} publishes newspapers and books.</div>"
        for i in range(6)) + "</div>"
    body = "".join(f"<p>Paragraph {i} of the review says the console streams games well, "
                   "but the controller needs a better battery.</p>" for i in range(4))
    doc = cleaner.clean(f"<html><body id='article_body'>{header}<article><h1>Review</h1>"
                        f"{body}</article></body></html>")
    assert "Paragraph 3 of the review" in doc.text
    assert "company number" not in doc.text


def _thread_page(cards_in_rail: bool) -> str:
    post = ("<article><p class='who'>{who}</p><p>{text}</p></article>")
    posts = "".join(post.format(who=w, text=t) for w, t in (
        ("Ana", "I replaced the chain on my bike last week and now it skips under load on the "
                "two smallest cogs, even after I adjusted the derailleur twice. The old chain "
                "had done about four thousand miles of commuting in all weathers, and the "
                "cassette is the one the bike came with three years ago. I checked the hanger "
                "for bends, cleaned and lubricated everything, and set the cable tension again "
                "with the barrel adjuster, but the skipping is still there on every climb."),
        ("Ben", "A new chain on a worn cassette does exactly that: the old cogs are shaped to "
                "the old chain, so replace the cassette as well and the skipping stops."),
        ("Ana", "That was it, thank you. The new cassette arrived today and the bike has not "
                "skipped once on the long climb home from work this evening."),
    ))
    rail = ("<div class='more'><div><article><p>Five ways to keep your chain clean through a wet "
            "winter of commuting and weekend rides.</p></article>"
            "<article><p>Our review of the lightest tubeless tyres you can buy this year, "
            "tested on gravel and on tarmac.</p></article></div></div>") if cards_in_rail else ""
    return (f"<html><body><div id='page'><h1>Chain skips after replacement</h1>"
            f"<div class='thread'>{posts}</div>{rail}</div></body></html>")


def test_bare_article_posts_of_a_thread_are_one_region() -> None:
    text = cleaner.clean(_thread_page(False)).text
    assert "skips under load" in text and "replace the cassette" in text
    assert "new cassette arrived" in text


def test_cards_in_a_rail_are_not_posts_of_the_thread() -> None:
    text = cleaner.clean(_thread_page(True)).text
    assert "replace the cassette" in text and "tubeless tyres" not in text

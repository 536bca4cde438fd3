"""Flattened-text input: golden pages per chrome family, in several languages.

Each folder in tests/fixtures/text/ holds a realistic flattened page
(``source.txt``), the exact article text cleaner must return (``expected.txt``)
and the metadata read from the page head (``expected.json``). The tables below
pin the reason code of one line per chrome family, so a change that still
removes a line but for the wrong reason shows up.
"""

from __future__ import annotations

import json

import pytest

import cleaner
from cleaner.core.model import BlockKind, InputKind
from cleaner.core.settings import Settings
from tests.conftest import FIXTURES

TEXT_FIXTURES = FIXTURES / "text"
CASES = sorted(p.name for p in TEXT_FIXTURES.iterdir() if (p / "source.txt").exists())


def _doc(case: str) -> cleaner.Document:
    return cleaner.clean((TEXT_FIXTURES / case / "source.txt").read_bytes())


@pytest.mark.parametrize("case", CASES)
def test_golden_text(case: str) -> None:
    doc = _doc(case)
    assert doc.input_kind is InputKind.TEXT
    expected = (TEXT_FIXTURES / case / "expected.txt").read_text(encoding="utf-8")
    assert doc.text == expected.rstrip("\n")


@pytest.mark.parametrize("case", CASES)
def test_golden_metadata(case: str) -> None:
    doc = _doc(case)
    expected = json.loads((TEXT_FIXTURES / case / "expected.json").read_text(encoding="utf-8"))
    assert doc.metadata.title == expected["title"]
    assert list(doc.metadata.authors) == expected["authors"]
    assert doc.metadata.date == expected["date"]
    assert doc.metadata.title and doc.metadata.authors


def _lines_of(span: str) -> range:
    first, _, last = span.removeprefix("lines ").removeprefix("line ").partition("-")
    return range(int(first), int(last or first) + 1)


@pytest.mark.parametrize("case", CASES)
def test_every_line_has_a_verdict_with_a_reason_and_a_rule(case: str) -> None:
    doc = _doc(case)
    source = (TEXT_FIXTURES / case / "source.txt").read_text(encoding="utf-8")
    covered = {n for d in doc.decisions for n in _lines_of(d.block.span)}
    nonblank = {n for n, line in enumerate(source.splitlines(), start=1) if line.strip()}
    assert nonblank <= covered
    for d in doc.removed:
        assert d.reason.value and d.rule


# (case, start of the line, reason code): one line per chrome family and language.
FAMILIES = [
    ("en-blog-all-chrome", "Skip to content", None),
    ("en-blog-all-chrome", "Home » Business »", "breadcrumb"),
    ("en-blog-all-chrome", "By Jane Doe | March 3, 2024", "byline"),
    ("en-blog-all-chrome", "Share this:", "share-bar"),
    ("en-blog-all-chrome", "Advertisement", "ads"),
    ("en-blog-all-chrome", "See also: Springfield", "related-links"),
    ("en-blog-all-chrome", "Related: How other", "related-links"),
    ("en-blog-all-chrome", "Tags: transport", "tag-list"),
    ("en-blog-all-chrome", "« Previous Post", "pagination"),
    ("en-blog-all-chrome", "You may also like", "related-links"),
    ("en-blog-all-chrome", "Five things to know about", "related-links"),
    ("en-blog-all-chrome", "Leave a Reply", "comment-form"),
    ("en-blog-all-chrome", "Your email address will not be published", "comment-form"),
    ("en-blog-all-chrome", "Save my name, email, and website", "comment-form"),
    ("en-blog-all-chrome", "This site uses Akismet", "comment-form"),
    ("en-blog-all-chrome", "Sign up for our newsletter", "newsletter"),
    ("en-blog-all-chrome", "© 2024 Daily Ledger Media", "copyright"),
    ("en-blog-all-chrome", "We use cookies", "cookie-banner"),
    ("en-blog-all-chrome", "Accept", "cookie-banner"),
    ("de-news-all-chrome", "Startseite › Wirtschaft", "breadcrumb"),
    ("de-news-all-chrome", "Von Max Mustermann", "byline"),
    ("de-news-all-chrome", "12. März 2024", "byline"),
    ("de-news-all-chrome", "Anzeige", "ads"),
    ("de-news-all-chrome", "Lesen Sie auch:", "related-links"),
    ("de-news-all-chrome", "Schlagwörter:", "tag-list"),
    ("de-news-all-chrome", "Artikel teilen", "share-bar"),
    ("de-news-all-chrome", "Das könnte Sie auch interessieren", "related-links"),
    ("de-news-all-chrome", "Warum der Nachtzug", "related-links"),
    ("de-news-all-chrome", "Ihre E-Mail-Adresse wird nicht", "comment-form"),
    ("de-news-all-chrome", "Newsletter abonnieren", "newsletter"),
    ("fr-blog-all-chrome", "Aller au contenu", "nav"),
    ("fr-blog-all-chrome", "Accueil » Jardin »", "breadcrumb"),
    ("fr-blog-all-chrome", "Publié le 5 avril 2024 par Claire Martin", "byline"),
    ("fr-blog-all-chrome", "Partager sur Facebook", "share-bar"),
    ("fr-blog-all-chrome", "Publicité", "ads"),
    ("fr-blog-all-chrome", "Lire aussi :", "related-links"),
    ("fr-blog-all-chrome", "Étiquettes :", "tag-list"),
    ("fr-blog-all-chrome", "Articles similaires", "related-links"),
    ("fr-blog-all-chrome", "Laisser un commentaire", "comment-form"),
    ("fr-blog-all-chrome", "Ce site utilise Akismet", "comment-form"),
    ("fr-blog-all-chrome", "Inscrivez-vous à notre newsletter", "newsletter"),
    ("fr-blog-all-chrome", "© 2024 Le Jardin de Claire", "copyright"),
    ("fr-blog-all-chrome", "Ce site utilise des cookies", "cookie-banner"),
    ("es-soup-fragments", "Saltar al contenido", "nav"),
    ("es-soup-fragments", "Inicio » Cultura »", "breadcrumb"),
    ("es-soup-fragments", "Por", "byline"),
    ("es-soup-fragments", "Publicidad", "ads"),
    ("es-soup-fragments", "Ver también:", "related-links"),
    ("es-soup-fragments", "Etiquetas:", "tag-list"),
    ("es-soup-fragments", "Compartir en Facebook", "share-bar"),
    ("es-soup-fragments", "Deja un comentario", "comment-form"),
    ("es-soup-fragments", "Utilizamos cookies", "cookie-banner"),
    ("es-soup-fragments", "© 2024 Diario del Sur", "copyright"),
]


@pytest.mark.parametrize(("case", "start", "reason"), FAMILIES)
def test_chrome_family_reason(case: str, start: str, reason: str | None) -> None:
    doc = _doc(case)
    found = [d for d in doc.decisions if d.text.startswith(start)]
    assert found, f"no block starts with {start!r}"
    assert not found[0].verdict.keep
    if reason is not None:
        assert found[0].reason.value == reason
    assert start not in doc.text.split("\n")[0]


def test_keeps_headings_lists_colons_brackets_quotes_datelines() -> None:
    doc = _doc("en-keeps-code-quotes-headings")
    text = doc.text
    assert "The short version" in text  # heading without final punctuation
    assert "mentioned that disagreement:" in text  # sentence ending in a colon
    assert "> A job was marked done" in text  # quotation
    assert "FOR UPDATE SKIP LOCKED" in text  # code
    assert "(no separate acknowledgement step)." in text
    kinds = {d.text: d.block.kind for d in doc.kept}
    assert kinds["How it works now"] is BlockKind.HEADING
    en = _doc("en-blog-all-chrome")
    assert en.text.startswith("SPRINGFIELD (Daily Ledger) — The city council")
    assert "- a new bridge for trams, bikes and pedestrians" in en.text
    assert "(the first public meeting is planned for April)." in en.text


def test_soup_fragments_are_glued_into_sentences() -> None:
    text = _doc("es-soup-fragments").text
    assert "según anunció ayer la concejala de Cultura, Marta Ruiz, en una rueda de prensa." in text
    assert "una petición de más de 3.000 vecinos que firmaron" in text


def test_forced_text_mode_on_markup_like_text() -> None:
    page = b"<b>Note</b> this line looks like markup but the user says it is text.\n" * 3
    doc = cleaner.clean(page, settings=Settings(input_mode="text"))
    assert doc.input_kind is InputKind.TEXT


def test_known_boilerplate_lines_are_removed_as_repeated() -> None:
    from cleaner.extract.repeated import line_hash

    source = (TEXT_FIXTURES / "en-blog-all-chrome" / "source.txt").read_bytes()
    line = ("The line will run 7.5 kilometres from the central station to the university "
            "campus, with eleven stops. Construction is expected to start next spring and to "
            "last about three years, according to the transport department.")
    doc = cleaner.clean(source, known_boilerplate=frozenset({line_hash(line)}))
    assert line not in doc.text
    removed = [d for d in doc.removed if d.text == line]
    assert removed and removed[0].reason.value == "repeated-across-pages"


@pytest.mark.parametrize("page", [
    "»\n›\n»",
    "*\n+\n-\no\n1.",
    "By\n",
    "word " * 5000,
    "12 comments\nLeave a Reply\njoe says:\nann says:\n",
    "中文字" * 300 + "。\n" + "中文字…\n" * 20,
    "A sentence ends here.\n" + "\n" * 50 + "Home » News » Item\n",
])
def test_odd_pages_give_one_verdict_per_block(page: str) -> None:
    doc = cleaner.clean(page, input_mode="text")
    assert len(doc.blocks) == len(doc.verdicts)
    assert [b.id for b in doc.blocks] == list(range(len(doc.blocks)))
    assert all(v.reason.value for v in doc.verdicts)

"""The HTML-versus-text rule of cleaner.inputs.detect (and --input overriding it)."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.core.errors import NotAPageError
from cleaner.core.model import InputKind
from cleaner.inputs.detect import detect_kind, sniff_binary
from tests.conftest import SEED, needs_shared_data

HTML_CASES = [
    "<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>",
    "   \n\n<html><body><p>Leading blank lines do not matter.</p></body></html>",
    "<div class='post'><p>A fragment without html or body tags.</p></div>",
    "<p>One paragraph.</p>",
    # No leading "<", but tags are frequent: a fragment after some text.
    "Intro text <b>bold</b> and <a href='/x'>a link</a> then <br> a break and <p>more</p>.",
]
TEXT_CASES = [
    "Home » News\n\nA flattened page.\nIt has lines, not tags.\n",
    "Use a < b and b > c in the formula; these are not tags.\n" * 20,
    "In HTML you write <p> for a paragraph, explained this tutorial once.\n"
    + "Plain prose follows for many lines without any markup at all.\n" * 200,
    "<3 this recipe, thanks for sharing!\nMore comments follow.\n",
    "Markdown heading\n================\n\n* a list item\n* another item\n",
]


@pytest.mark.parametrize("page", HTML_CASES)
def test_html_is_detected(page: str) -> None:
    assert detect_kind(page) is InputKind.HTML


@pytest.mark.parametrize("page", TEXT_CASES)
def test_text_is_detected(page: str) -> None:
    assert detect_kind(page) is InputKind.TEXT


@needs_shared_data()
def test_seed_page_is_text() -> None:
    assert detect_kind(SEED.read_text(encoding="utf-8")) is InputKind.TEXT


@pytest.mark.parametrize(("data", "what"), [
    (b"%PDF-1.7\n...", "PDF"),
    (b"\x89PNG\r\n\x1a\n....", "PNG"),
    (b"PK\x03\x04rest", "ZIP"),
])
def test_binary_is_not_a_page(data: bytes, what: str) -> None:
    with pytest.raises(NotAPageError, match=what):
        sniff_binary(data)


def test_input_mode_overrides_detection() -> None:
    html = "<html><body><p>Some paragraph of text that is long enough.</p></body></html>"
    assert cleaner.clean(html).input_kind is InputKind.HTML
    assert cleaner.clean(html, input_mode="text").input_kind is InputKind.TEXT
    text = "A plain line of text.\nAnother plain line of text.\n"
    assert cleaner.clean(text).input_kind is InputKind.TEXT
    assert cleaner.clean(text, input_mode="html").input_kind is InputKind.HTML


def test_cli_input_flag(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cleaner.cli import main

    page = tmp_path / "page.txt"
    page.write_text("<p>Looks like markup</p>\n" * 3, encoding="utf-8")
    runner = CliRunner()
    as_text = runner.invoke(main, ["clean", "--input", "text", "--format", "json", str(page)])
    assert as_text.exit_code == 0, as_text.output
    assert '"input_kind": "text"' in as_text.output
    as_html = runner.invoke(main, ["clean", "--format", "json", str(page)])
    assert '"input_kind": "html"' in as_html.output


def test_text_with_a_leaked_tracking_pixel_or_quoted_tags_stays_text() -> None:
    from cleaner.core.model import InputKind
    from cleaner.inputs.detect import detect_kind

    prose = "This is a line of ordinary page text that a scraper flattened.\n" * 300
    pixel = '<img height="1" width="1" style="display:none" src="https://t.example/p">\n'
    assert detect_kind(pixel + prose) is InputKind.TEXT
    tutorial = prose.replace("ordinary", "ordinary <div> and <span>", 6)
    assert detect_kind(tutorial) is InputKind.TEXT
    assert detect_kind("<p>Hello</p>") is InputKind.HTML
    assert detect_kind("<!DOCTYPE html>" + prose) is InputKind.HTML

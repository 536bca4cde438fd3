"""Markdown dumps (html2text, reader and crawler services) lose their syntax
before the text path reads them; line numbers and spans still cite the input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleaner
from cleaner.extract.segment_text import split_lines
from cleaner.extract.text_markdown import demarkdown, is_markdown
from cleaner.extract.text_prepare import prepare, stretch

MENU = "\n".join(f"  * [Section {i}](https://example.org/s{i}/ \"Section {i}\")" for i in range(4))


def test_links_keep_their_text_and_images_go() -> None:
    text = (f"{MENU}\n\n![A photo](https://cdn.example.org/a.jpg)\n\n"
            "Read the [full report](https://example.org/report \"Report\") today.\n")
    out = demarkdown(text)
    assert "Read the full report today." in out
    assert "https://" not in out and "A photo" not in out
    assert len(out.splitlines()) == len(text.splitlines())


def test_link_target_broken_over_lines() -> None:
    text = (f"{MENU}\n\nSee [the council's\nstatement](https://example.org/news/2025/council-"
            "\nstatement \"The council's\nstatement\") for details.\n")
    out = demarkdown(text)
    assert "example.org" not in out and "statement for details." in " ".join(out.split())
    assert len(out.splitlines()) == len(text.splitlines())


def test_headings_quotes_and_emphasis_lose_their_marks() -> None:
    text = f"{MENU}\n\n## What happens next\n\n> **Note:** the road stays open.\n"
    out = demarkdown(text).splitlines()
    assert "What happens next" in out
    assert "Note: the road stays open." in out


def test_soft_breaks_are_joined_like_a_markdown_reader() -> None:
    text = (f"{MENU}\n\nThe council said on Monday that the bridge will close\n"
            "for repairs in the spring, and that buses will be diverted.\n\n"
            "  * Short item\n  * Other item\n")
    out = demarkdown(text).splitlines()
    assert ("The council said on Monday that the bridge will close for repairs in the "
            "spring, and that buses will be diverted.") in out
    assert "  * Short item" in out and "  * Other item" in out


def test_code_and_plain_text_are_not_markdown() -> None:
    code = "x = a[b](c)\ny = d[e](f)\nz = g[h](i)\n# a shell comment\n# another one\n"
    assert not is_markdown(code)
    assert demarkdown(code) is code
    plain = "Home » News\n\nThe council met on Monday. It voted to close the bridge.\n"
    assert demarkdown(plain) is plain


def test_spans_cover_every_input_line() -> None:
    text = (f"![logo](https://example.org/logo.png)\n{MENU}\n\n"
            "The council said on Monday that the bridge will close\n"
            "for repairs in the spring, and that buses will be diverted\n"
            "along [Station\nRoad](https://example.org/tag/station-road/).\n")
    prepared, covers = prepare(text)
    lines = stretch(split_lines(prepared), covers)
    covered = {n for line in lines for n in range(line.start, line.end + 1)}
    nonblank = {n for n, line in enumerate(text.splitlines(), 1) if line.strip()}
    assert nonblank <= covered


_PIECES = st.sampled_from([
    "[Home](https://example.org/)", "![img](https://example.org/i.png)", "word", "the",
    "council", "said", "\n", "\n\n", "  * ", "## ", "> ", "**bold**", "](", "[", ")", "\"",
    "https://example.org/a-\nb", "(", " ",
])


@given(st.lists(_PIECES, max_size=120))
def test_prepare_keeps_line_count_and_covers_lines(pieces: list[str]) -> None:
    text = "".join(pieces)
    prepared, covers = prepare(text)
    assert len(prepared.splitlines()) == len(text.splitlines())
    lines = stretch(split_lines(prepared), covers)
    covered = {n for line in lines for n in range(line.start, line.end + 1)}
    assert {n for n, line in enumerate(text.splitlines(), 1)
            if line.strip() and prepared.splitlines()[n - 1].strip()} <= covered


def test_markdown_dump_through_clean() -> None:
    text = (f"{MENU}\n\n# Bridge to close for repairs\n\n"
            "The council said on Monday that the [old bridge](https://example.org/b) will\n"
            "close for repairs in the spring, and that buses will be diverted along the\n"
            "river road while the work goes on. Shops will stay open.\n\n"
            "Work is expected to last six weeks, the council said in a statement that\n"
            "also listed the dates of two public meetings about the plans.\n")
    doc = cleaner.clean(text.encode())
    assert "https://" not in doc.text and "](" not in doc.text
    assert "the old bridge will close for repairs in the spring" in doc.text


@pytest.mark.parametrize("text", [
    "[" * 200_000 + "](http://x)" * 3,
    "[a](http://x " * 20_000,
    '[a](http://x "' * 20_000,
    "[a](http://x" + "\nabc" * 50_000 + ")" + "](/x)" * 3,
    "**a " * 50_000 + "](/x)" * 3,
    "[a]: " * 50_000 + "](/x)" * 3,
    "\\*" * 100_000 + "](/x)" * 3,
    "_a " * 50_000 + "](/x)" * 3,
    "[a](http://x(" * 20_000 + "](/x)" * 3,
    "[a\u2028b](http://x\u2028y) " * 10_000,
], ids=["brackets", "unclosed-links", "unclosed-titles", "url-over-lines", "bold-run",
        "ref-defs", "escapes", "underscores", "open-parens", "line-separators"])
def test_hostile_markdown_keeps_line_count(text: str) -> None:
    prepared, _ = prepare(text)
    assert len(prepared.splitlines()) == len(text.splitlines())


def test_single_mark_emphasis_and_urls_with_parentheses() -> None:
    text = (f"{MENU}\n\nThe rebooted _Star Trek_ film and the *Fargo* series.\n"
            "Code keeps my_var_name, __init__, 2 * 3 * 4 and a*b*c.\n"
            "![](https://cdn.example.org/thumbor/x=/filters:focal(630x193:870x433)/a.jpg)\n")
    out = demarkdown(text)
    assert "The rebooted Star Trek film and the Fargo series." in out
    assert "Code keeps my_var_name, __init__, 2 * 3 * 4 and a*b*c." in out
    assert "cdn.example.org" not in out and "focal" not in out

"""``cleaner explain``: the terminal table, the command line, the batch index."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import main
from cleaner.core.reasons import Reason
from cleaner.outputs.report import build_report, render_report_text, write_index
from cleaner.outputs.report_text import PREVIEW_CHARS, preview
from tests.conftest import EXAMPLES
from tests.test_report_html import (
    REPORT_FIXTURES,
    _check_golden,
    assert_faithful,
    frozen_document,
    handmade_document,
    parse_report,
)

ROW = re.compile(r"^\s*(\d+)  (kept|removed)\s+(\S+)\s+(.*)$")


def parse_table(text: str) -> list[tuple[int, str, str, str]]:
    lines = text.splitlines()
    assert lines[1].split() == ["#", "verdict", "reason", "text"]
    rows = []
    for line in lines[2:]:
        m = ROW.match(line + " ")
        assert m, line
        rows.append((int(m.group(1)), m.group(2), m.group(3), m.group(4).strip()))
    return rows


def test_preview_is_one_line_and_bounded() -> None:
    assert preview("a\n  b\tc") == "a b c"
    long = preview("word " * 100)
    assert len(long) == PREVIEW_CHARS and long.endswith("…")
    assert preview("x" * PREVIEW_CHARS) == "x" * PREVIEW_CHARS
    assert preview("red \x1b[31mtext\x07") == "red [31mtext"


def test_text_table_lists_every_decision() -> None:
    doc = handmade_document()
    text = render_report_text(doc, "handmade.txt")
    assert text.splitlines()[0] == (
        "handmade.txt (text, not decoded (str input)): 4 kept, 9 removed of 13 blocks")
    rows = parse_table(text)
    assert len(rows) == len(doc.decisions)
    for i, ((num, verdict, reason, shown), d) in enumerate(zip(rows, doc.decisions, strict=True)):
        assert num == i + 1
        assert verdict == ("kept" if d.verdict.keep else "removed")
        assert reason == str(d.reason)
        assert shown == preview(d.text)
    _check_golden("handmade.report.txt", text + "\n")


@pytest.mark.parametrize("name", ["garden-blog.html", "flattened-recipe.txt"])
def test_text_table_golden_for_fixture_pages(name: str) -> None:
    doc = frozen_document(REPORT_FIXTURES / name)
    _check_golden(f"{name}.report.txt", render_report_text(doc, name) + "\n")


def test_cli_text_format(tmp_path: Path) -> None:
    page = REPORT_FIXTURES / "flattened-recipe.txt"
    result = CliRunner().invoke(main, ["explain", "--format", "text", str(page)])
    assert result.exit_code == 0, result.output
    doc = cleaner.clean(page.read_bytes())
    assert result.output == render_report_text(doc, str(page)) + "\n"
    out = tmp_path / "table.txt"
    result = CliRunner().invoke(main, ["explain", "-f", "text", str(page), "-o", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8") == (
        render_report_text(doc, str(page)) + "\n")


def test_cli_html_to_file_and_stdin(tmp_path: Path) -> None:
    page = EXAMPLES / "news-article.html"
    out = tmp_path / "report.html"
    runner = CliRunner()
    result = runner.invoke(main, ["explain", str(page), "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = cleaner.clean(page.read_bytes())
    assert out.read_text(encoding="utf-8") == build_report(doc, str(page))
    assert_faithful(doc, parse_report(out.read_text(encoding="utf-8")))
    # stdin, report on stdout (not a terminal here)
    result = runner.invoke(main, ["explain", "-"], input=page.read_bytes())
    assert result.exit_code == 0
    assert result.output == build_report(doc, "<stdin>")


def test_cli_forced_text_input() -> None:
    page = EXAMPLES / "news-article.html"
    result = CliRunner().invoke(main, ["explain", "-f", "text", "--input", "text", str(page)])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith(f"{page} (text, utf-8):")


def test_cli_takes_the_settings_options_of_clean() -> None:
    page = EXAMPLES / "news-article.html"
    result = CliRunner().invoke(main, ["explain", "-f", "text", "--no-tables", str(page)])
    assert result.exit_code == 0, result.output
    doc = cleaner.clean(page.read_bytes(), tables=False)
    assert result.output == render_report_text(doc, str(page)) + "\n"
    assert any(d.reason == Reason.DISABLED_CONTENT for d in doc.decisions)


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["explain", str(tmp_path / "missing.html")])
    assert result.exit_code == 10
    assert result.output.strip().splitlines() == [
        f"cleaner: {tmp_path / 'missing.html'}: read-error: no such file"]
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"  \n")
    result = runner.invoke(main, ["explain", "-f", "text", str(empty)])
    assert result.exit_code == 3 and "empty-input" in result.output
    blocked = tmp_path / "file"
    blocked.write_text("x")
    result = runner.invoke(main, ["explain", str(EXAMPLES / "news-article.html"),
                                  "-o", str(blocked / "r.html")])
    assert result.exit_code == 1 and result.output.startswith("cleaner: ")
    assert "Traceback" not in result.output


def test_cli_refuses_to_flood_a_terminal_with_html() -> None:
    """HTML to a terminal is a usage error (exit 2) pointing at -o."""
    leader, follower = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "cleaner", "explain",
                               str(EXAMPLES / "news-article.html")], stdout=follower,
                              stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert done.stderr.startswith("cleaner: ") and "-o report.html" in done.stderr


def test_index_lists_pages_and_reads_without_script(tmp_path: Path) -> None:
    entries: list[dict[str, object]] = [
        {"name": "b/page<2>.html", "report": "b/page<2>.html.report.html", "kept": 12,
         "removed": 3, "error": None},
        {"name": "a #1.html", "report": "a #1.html.report.html", "kept": 4, "removed": 40,
         "error": None},
        {"name": "broken.html", "report": "", "kept": 0, "removed": 0,
         "error": "not-a-page: binary data"},
    ]
    write_index(entries, tmp_path / "reports")
    text = (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")
    root = lxml.html.document_fromstring(text)
    rows = root.xpath("//tbody/tr")
    assert [r.xpath("string(td[1])") for r in rows] == ["b/page<2>.html", "a #1.html",
                                                       "broken.html"]
    assert rows[1].xpath("td[1]/a/@href") == ["a%20%231.html.report.html"]
    assert rows[0].xpath("td[1]/a/@href") == ["b/page%3C2%3E.html.report.html"]
    assert rows[2].xpath("td[1]/a") == [] and "failed" in rows[2].get("class")
    assert rows[2].xpath("string(td[4])") == "not-a-page: binary data"
    assert [r.xpath("td[2]/@data-sort")[0] for r in rows] == ["12", "4", "0"]
    assert "3 pages, 2 cleaned, 1 failed" in root.xpath('string(//p[@class="summary"])')
    # The only script sorts; no external assets.
    assert len(root.xpath("//script")) == 1 and not root.xpath("//@src | //link")
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["index.html"]

"""The command line, through click's runner and through a real subprocess."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from cleaner.cli import main

from .conftest import EXAMPLES

EXAMPLE = EXAMPLES / "news-article.html"


def test_help_teaches_with_examples() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output and "cleaner clean" in result.output
    result = CliRunner().invoke(main, ["clean", "--help"])
    assert result.exit_code == 0 and "--format" in result.output


def test_clean_file_prints_text() -> None:
    result = CliRunner().invoke(main, ["clean", str(EXAMPLE)])
    assert result.exit_code == 0
    assert result.output.startswith("The city council voted")


def test_clean_stdin_json_with_explain() -> None:
    result = CliRunner().invoke(main, ["clean", "--format", "json", "--explain", "-"],
                                input=EXAMPLE.read_bytes())
    assert result.exit_code == 0
    record = json.loads(result.output)
    assert record["title"].startswith("City council approves")
    assert record["text"].startswith("The city council voted")
    assert all({"reason", "text"} <= set(r) for r in record["removed"])
    assert any(r["reason"] == "cookie-banner" for r in record["removed"])


def test_markdown_keeps_structure() -> None:
    result = CliRunner().invoke(main, ["clean", "-f", "markdown", str(EXAMPLE)])
    assert result.exit_code == 0
    md = result.output
    assert md.startswith("# City council approves")
    assert "## Shops worried about deliveries" in md
    assert "> “We listened" in md
    assert "| Phase | Section | Length |" in md


def test_missing_file_is_one_line_error() -> None:
    result = CliRunner().invoke(main, ["clean", "/nonexistent/page.html"])
    assert result.exit_code != 0
    assert result.output.count("\n") == 1
    assert "cleaner: /nonexistent/page.html: read-error:" in result.output


def test_url_option_fills_metadata() -> None:
    result = CliRunner().invoke(
        main, ["clean", "-f", "json", "--url", "https://example.org/x", str(EXAMPLE)])
    assert result.exit_code == 0
    assert json.loads(result.output)["metadata"]["url"]


def test_real_subprocess_gzip_input(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(EXAMPLE.read_bytes()))
    proc = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(page)],
                          capture_output=True, check=False, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().startswith("The city council voted")


def test_real_subprocess_bad_input_exit_code(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(empty)],
                          capture_output=True, check=False, timeout=120)
    assert proc.returncode == 3
    err = proc.stderr.decode()
    assert err.startswith(f"cleaner: {empty}: empty-input:")
    assert "Traceback" not in err and err.count("\n") == 1

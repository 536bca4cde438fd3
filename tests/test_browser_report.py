"""Explain reports rendered by a real browser (headless chromium).

Checks the DOM that chromium built (``--dump-dom``), not our own string: every
block is present, removed ones marked and struck, the legend counts equal the
JSON ``--explain`` counts. Screenshots are kept in tests/artifacts/ (gitignored)
for a person to look at. Skipped when no chromium is installed; ``.ci/run``
installs Debian's chromium so CI always runs it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import main
from cleaner.core.model import Document, InputKind, Metadata, Verdict
from cleaner.core.reasons import Reason
from cleaner.outputs.render import document_record
from cleaner.outputs.report import (
    OPEN_RUNS_BELOW_BLOCKS,
    RUN_COLLAPSE_MIN,
    write_index,
    write_page_report,
)
from tests.conftest import EXAMPLES, REPO, SEED
from tests.test_report_html import (
    REPORT_FIXTURES,
    _block,
    assert_faithful,
    legend_counts,
    parse_report,
    report_blocks,
)

ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser"))
                 if p), None)
# A guard against a hung browser, not a speed assertion.
BROWSER_TIMEOUT_S = 180

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def chromium(args: list[str], profile: Path) -> str:
    """Run headless chromium with a fresh profile and return its stdout."""
    assert CHROMIUM is not None
    profile.mkdir(parents=True, exist_ok=True)
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=BROWSER_TIMEOUT_S,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def render_and_check(page: Path, tmp_path: Path, artifact: str) -> None:
    doc = cleaner.clean(page.read_bytes())
    report = tmp_path / f"{artifact}.html"
    write_page_report(doc, report, page.name)
    dom = chromium(["--dump-dom", report.as_uri()], tmp_path / "profile-dom")
    root = parse_report(dom)
    # Every block, in order, with its verdict, reason, strike and tooltip.
    assert_faithful(doc, root)
    removed = [b for b in report_blocks(root) if b["verdict"] == "removed"]
    assert len(removed) == len(doc.removed)
    assert all(b["struck"] and "removed" in b["classes"] for b in removed)
    # Legend counts equal the JSON --explain counts (library record and the CLI's output).
    assert legend_counts(root) == document_record(doc, explain=True)["reason_counts"]
    cli = CliRunner().invoke(main, ["clean", "--format", "json", "--explain", str(page)])
    assert cli.exit_code == 0, cli.output
    assert legend_counts(root) == json.loads(cli.output)["reason_counts"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"{artifact}.png"
    shot.unlink(missing_ok=True)
    chromium(["--window-size=1280,2000", f"--screenshot={shot}", report.as_uri()],
             tmp_path / "profile-shot")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_news_article_report_in_browser(tmp_path: Path) -> None:
    render_and_check(EXAMPLES / "news-article.html", tmp_path, "report-news-article")


def test_fixture_page_report_in_browser(tmp_path: Path) -> None:
    render_and_check(REPORT_FIXTURES / "garden-blog.html", tmp_path, "report-garden-blog")


@pytest.mark.skipif(not SEED.exists(), reason="../shared/data not present")
def test_seed_report_in_browser(tmp_path: Path) -> None:
    render_and_check(SEED, tmp_path, "report-seed")


def test_index_sorts_in_browser(tmp_path: Path) -> None:
    entries: list[dict[str, object]] = [
        {"name": "b.html", "report": "b.html.report.html", "kept": 12, "removed": 3,
         "error": None},
        {"name": "a.html", "report": "a.html.report.html", "kept": 4, "removed": 40,
         "error": None},
        {"name": "c.html", "report": "", "kept": 0, "removed": 0, "error": "empty-input"},
    ]
    write_index(entries, tmp_path)
    index = tmp_path / "index.html"
    dom = parse_report(chromium(["--dump-dom", index.as_uri()], tmp_path / "p1"))
    assert [r.xpath("string(td[1])") for r in dom.xpath("//tbody/tr")] == [
        "b.html", "a.html", "c.html"]
    # Click "kept" twice (ascending, then descending) from a test-only script appended
    # to a copy; the page itself has no such script.
    clicks = ('<script>var k = document.querySelectorAll("th button")[1];'
              'k.click(); var up = Array.from(document.querySelectorAll("tbody tr td:first-child"))'
              '.map(function (c) { return c.textContent; }).join(","); k.click();'
              'document.body.dataset.up = up;</script>')
    clicked = tmp_path / "clicked.html"
    clicked.write_text(index.read_text(encoding="utf-8").replace("</body>", clicks + "</body>"),
                       encoding="utf-8")
    dom = parse_report(chromium(["--dump-dom", clicked.as_uri()], tmp_path / "p2"))
    assert dom.xpath("//body/@data-up") == ["c.html,a.html,b.html"]
    assert [r.xpath("string(td[1])") for r in dom.xpath("//tbody/tr")] == [
        "b.html", "a.html", "c.html"]


def test_legend_link_opens_a_folded_run(tmp_path: Path) -> None:
    """Big pages start with runs folded; following a legend link (#bN) unfolds the run."""
    n = OPEN_RUNS_BELOW_BLOCKS + 20
    verdicts = tuple(Verdict(Reason.NAV if i % 10 < RUN_COLLAPSE_MIN else Reason.ARTICLE_BODY,
                             "rule") for i in range(n))
    doc = Document(blocks=tuple(_block(i, f"block {i}") for i in range(n)), verdicts=verdicts,
                   metadata=Metadata(), input_kind=InputKind.HTML)
    report = tmp_path / "big.html"
    write_page_report(doc, report, "big.html")
    target = 10 + 2  # the second block of the second folded run (1-based ids)
    root = parse_report(chromium(["--dump-dom", f"{report.as_uri()}#b{target}"],
                                 tmp_path / "profile"))
    opened = [d for d in root.xpath("//details") if d.get("open") is not None]
    assert len(opened) == 1
    assert opened[0].xpath(f'.//div[@id="b{target}"]')
    assert root.xpath('//table[@class="legend"]//a/@href') == ["#b5", "#b1"]

"""`cleaner batch`: the shared settings options, and site-level repeated-line removal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main

TABLE_PAGE = (
    "<html><head><title>Harbour tides</title></head><body><article><h1>Harbour tides</h1>"
    "<p>The harbour master publishes the tide table every week, and this paragraph explains "
    "how to read it, with commas, clauses and a full stop at the end of the sentence.</p>"
    "<table><tr><th>Day</th><th>High water</th></tr>"
    "<tr><td>Monday</td><td>QuayTideAlpha 06:12</td></tr>"
    "<tr><td>Tuesday</td><td>QuayTideBravo 07:01</td></tr></table>"
    "<p>A second paragraph about the harbour adds more text, so that the article region is "
    "clear and the page is not mistaken for a list of links or a navigation menu.</p>"
    "</article></body></html>"
)

FOOTER = "Springfield Daily Ledger is published by Ledger Media Group since 1921"
MENU = "Subscribe to the print edition of the Ledger today"


def text_page(n: int) -> str:
    """A story whose shared lines sit inside the article, where one page alone keeps them."""
    return (
        f"Story number {n} begins with a sentence that is unique to this page and long "
        f"enough to count as prose, mentioning item {n} and nothing else of note.\n\n"
        f"{MENU}\n\n"
        f"A second paragraph of story {n} follows, also unique to this page, with its own "
        f"details about event {n * 7} and the people who took part in it.\n\n"
        f"{FOOTER}.\n\n"
        f"A third paragraph closes story {n}, again unique to this page, noting what "
        f"happened next to item {n + 3} and why it mattered to the town.\n"
    )


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["batch", *args, "-q", "--jobs", "1", "--no-config"])
    return result.exit_code, result.output


@pytest.fixture
def table_dir(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "tides.html").write_text(TABLE_PAGE, encoding="utf-8")
    return src


def test_table_kept_by_default(table_dir: Path, tmp_path: Path) -> None:
    code, out = run(str(table_dir), "-o", str(tmp_path / "out"))
    assert code == 0, out
    assert "QuayTideAlpha" in (tmp_path / "out" / "tides.txt").read_text(encoding="utf-8")


def test_no_tables_drops_the_table(table_dir: Path, tmp_path: Path) -> None:
    code, out = run(str(table_dir), "-o", str(tmp_path / "out"), "--no-tables")
    assert code == 0, out
    text = (tmp_path / "out" / "tides.txt").read_text(encoding="utf-8")
    assert "QuayTideAlpha" not in text
    assert "harbour master publishes" in text


def test_preset_accepted(table_dir: Path, tmp_path: Path) -> None:
    code, out = run(str(table_dir), "-o", str(tmp_path / "out"), "--preset", "precision")
    assert code == 0, out
    assert "harbour master" in (tmp_path / "out" / "tides.txt").read_text(encoding="utf-8")


def test_two_presets_is_a_usage_error(table_dir: Path, tmp_path: Path) -> None:
    code, _ = run(str(table_dir), "-o", str(tmp_path / "out"), "--precision", "--recall")
    assert code != 0
    assert not (tmp_path / "out").exists()


def test_batch_max_bytes_still_applies(table_dir: Path, tmp_path: Path) -> None:
    code, _ = run(str(table_dir), "-o", str(tmp_path / "out"), "--max-bytes", "100")
    assert code == 1
    errors = (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8")
    assert "too-large" in errors


@pytest.fixture
def site_dir(tmp_path: Path) -> Path:
    src = tmp_path / "site"
    src.mkdir()
    for n in range(6):
        (src / f"story{n}.txt").write_text(text_page(n), encoding="utf-8")
    return src


def _outputs(out: Path) -> list[dict[str, object]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("story*.json"))]


def test_site_boilerplate_removed(site_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, msg = run(str(site_dir), "-o", str(out), "-f", "json", "--explain")
    assert code == 0, msg
    docs = _outputs(out)
    assert len(docs) == 6
    for n, doc in enumerate(docs):
        text = str(doc["text"])
        assert FOOTER not in text and MENU not in text
        assert f"Story number {n} begins" in text
        assert isinstance(doc["removed"], list)
        repeated = {str(r["text"]).rstrip(".") for r in doc["removed"]
                    if r["reason"] == "repeated-across-pages"}
        assert repeated == {FOOTER, MENU}


def test_no_site_boilerplate_keeps_lines(site_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, msg = run(str(site_dir), "-o", str(out), "-f", "json", "--explain",
                    "--no-site-boilerplate")
    assert code == 0, msg
    for doc in _outputs(out):
        text = str(doc["text"])
        assert FOOTER in text and MENU in text
        assert "repeated-across-pages" not in json.dumps(doc.get("removed", []))


def test_site_boilerplate_same_after_resume(site_dir: Path, tmp_path: Path) -> None:
    """Half the outputs deleted, rerun: the resumed pages match an uninterrupted run."""
    out = tmp_path / "out"
    assert run(str(site_dir), "-o", str(out))[0] == 0
    first = {p.name: p.read_bytes() for p in out.glob("story*.txt")}
    for name in ("story3.txt", "story4.txt", "story5.txt"):
        (out / name).unlink()
    assert run(str(site_dir), "-o", str(out))[0] == 0
    assert {p.name: p.read_bytes() for p in out.glob("story*.txt")} == first
    assert FOOTER.encode() not in first["story4.txt"]

"""TOML configuration: cleaner.toml, [tool.cleaner] in pyproject.toml, flags on top."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.core.config import find_pyproject, load_config, settings_from_mapping
from cleaner.core.errors import InputReadError, UsageError
from cleaner.core.thresholds import PRECISION, RECALL

from .conftest import FIXTURES

PAGE = FIXTURES / "settings" / "wordpress-post.html"
TABLE_ROW = "Sungold | 2022 | 3.1"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def clean(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["clean", *args, str(PAGE)])
    return result.exit_code, result.output


def test_every_setting_can_come_from_a_file() -> None:
    s = settings_from_mapping({
        "preset": "recall", "tables": False, "lists": False, "code": False,
        "headings": False, "captions": False, "links": True, "images": True,
        "formatting": True, "comments": True, "second_opinion": False,
        "extra_phrases": ["buy now"], "remove_selectors": [".ad"],
        "keep_selectors": ["#main"], "max_bytes": 1000, "input_mode": "html",
        "thresholds": {"max_link_density": 0.7, "min_block_words": 2},
    })
    assert s.preset == "recall"
    assert not (s.tables or s.lists or s.code or s.headings or s.captions or s.second_opinion)
    assert s.links and s.images and s.formatting and s.comments
    assert s.extra_phrases == ("buy now",) and s.remove_selectors == (".ad",)
    assert s.keep_selectors == ("#main",) and s.max_bytes == 1000 and s.input_mode == "html"
    assert s.thresholds.max_link_density == 0.7 and s.thresholds.min_block_words == 2
    # Untouched thresholds are the preset's.
    assert s.thresholds.min_article_words == RECALL.min_article_words


def test_hyphenated_keys_are_accepted() -> None:
    s = settings_from_mapping({"remove-selectors": [".ad"], "second-opinion": False})
    assert s.remove_selectors == (".ad",) and s.second_opinion is False


@pytest.mark.parametrize(("table", "message"), [
    ({"tabels": False}, "unknown setting 'tabels'"),
    ({"thresholds": {"max_link_densty": 0.4}}, "unknown threshold 'max_link_densty'"),
    ({"tables": "no"}, "'tables' must be true or false"),
    ({"remove_selectors": [1]}, "'remove_selectors' must be a list of strings"),
    ({"max_bytes": -1}, "'max_bytes' must be a positive integer"),
    ({"input_mode": "pdf"}, "'input_mode' must be one of"),
    ({"preset": "fast"}, "unknown preset 'fast'"),
    ({"thresholds": {"min_block_words": 2.5}}, "must be a whole number"),
    ({"thresholds": {"max_link_density": "high"}}, "must be a number"),
    ({"thresholds": 3}, "'thresholds' must be a table"),
    ({"known_boilerplate": []}, "cannot be set here"),
])
def test_bad_values_name_the_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        settings_from_mapping(table, "cleaner.toml")


def test_command_line_beats_the_file() -> None:
    table = {"preset": "recall", "tables": False, "remove_selectors": [".ad"]}
    s = settings_from_mapping(table, preset="precision",
                              overrides={"tables": True, "remove_selectors": (".promo",)})
    assert s.preset == "precision" and s.thresholds == PRECISION
    assert s.tables is True
    # Lists from the command line are added to the file's.
    assert s.remove_selectors == (".ad", ".promo")


def test_config_file_on_the_command_line(tmp_path: Path) -> None:
    config = write(tmp_path / "cleaner.toml", 'tables = false\nremove-selectors = ["figure"]\n')
    code, out = clean("--config", str(config))
    assert code == 0
    assert TABLE_ROW not in out and "The balcony crop" not in out
    code, out = clean("--config", str(config), "--tables")
    assert code == 0 and TABLE_ROW in out


def test_unknown_key_in_file_is_a_one_line_error(tmp_path: Path) -> None:
    config = write(tmp_path / "cleaner.toml", "tabels = false\n")
    code, out = clean("--config", str(config))
    assert code == 2
    assert out.strip().count("\n") == 0
    assert "unknown setting 'tabels'" in out and "cleaner.toml" in out


def test_broken_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not valid TOML"):
        load_config(write(tmp_path / "bad.toml", "tables = \n"))
    with pytest.raises(InputReadError, match="no such file"):
        load_config(tmp_path / "missing.toml")
    code, out = clean("--config", str(tmp_path / "missing.toml"))
    assert code == 10 and "read-error" in out


def test_pyproject_tool_table_is_found_from_subdirectories(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "pyproject.toml",
          '[project]\nname = "x"\n\n[tool.cleaner]\ntables = false\n'
          '[tool.cleaner.thresholds]\nmax_link_density = 0.4\n')
    deep = tmp_path / "src" / "pkg"
    deep.mkdir(parents=True)
    assert find_pyproject(deep) == tmp_path / "pyproject.toml"
    monkeypatch.chdir(deep)
    code, out = clean()
    assert code == 0 and TABLE_ROW not in out
    code, out = clean("--no-config")
    assert code == 0 and TABLE_ROW in out
    result = CliRunner().invoke(main, ["settings"])
    assert "tables = false" in result.output
    # The header says where the values came from.
    assert f"with {tmp_path / 'pyproject.toml'} [tool.cleaner]" in result.output.split("\n")[0]
    assert "max_link_density = 0.4" in result.output


def test_pyproject_without_tool_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    write(inner / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    assert find_pyproject(inner) is None


def test_pyproject_given_with_config_reads_its_tool_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.cleaner]\nlists = false\n")
    loaded = load_config(path)
    assert dict(loaded.values) == {"lists": False}
    assert "[tool.cleaner]" in loaded.origin

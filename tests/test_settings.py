"""Settings and presets: one frozen object, presets as sets of numbers, CLI shorthands."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import main
from cleaner.core.config import settings_to_toml
from cleaner.core.errors import UsageError
from cleaner.core.thresholds import BALANCED, PRECISION, PRESETS, RECALL, Thresholds

from .conftest import FIXTURES

SETTINGS = FIXTURES / "settings"
LINKS = SETTINGS / "link-density.html"
# Sentences of the link-density fixture, by the share of their text in links.
LINKED_38 = "The method is described in the weir removal handbook"  # density 0.38
LINKED_62 = "Older studies: channel design in lowland rivers"  # density 0.62


def run(*args: str, path: Path | None = None) -> str:
    argv = [*args, str(path)] if path else list(args)
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 0, result.output
    return result.output


def test_settings_is_frozen_and_defaults_to_balanced() -> None:
    s = cleaner.Settings()
    assert s.preset == "balanced" and s.thresholds == BALANCED
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.tables = False  # type: ignore[misc]


def test_presets_are_threshold_sets_not_branches() -> None:
    assert set(PRESETS) == {"precision", "balanced", "recall"}
    assert all(isinstance(t, Thresholds) for t in PRESETS.values())
    # Precision tolerates less link text than balanced, recall more.
    assert PRECISION.max_link_density < BALANCED.max_link_density < RECALL.max_link_density
    assert cleaner.Settings.from_preset("recall").thresholds is RECALL


def test_unknown_preset_and_unknown_field_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="unknown preset"):
        cleaner.Settings.from_preset("fast")
    with pytest.raises(UsageError, match="tabels"):
        cleaner.Settings().with_overrides(tabels=False)


def test_lists_are_accepted_for_tuple_fields() -> None:
    s = cleaner.Settings(remove_selectors=[".ad"], extra_phrases="buy now")  # type: ignore[arg-type]
    assert s.remove_selectors == (".ad",) and s.extra_phrases == ("buy now",)


@pytest.mark.parametrize(("args", "has_38", "has_62"), [
    (["--precision"], False, False),
    (["--preset", "precision"], False, False),
    ([], True, False),
    (["--preset", "balanced"], True, False),
    (["--recall"], True, True),
    (["--preset", "recall"], True, True),
])
def test_preset_flags_change_what_is_kept(args: list[str], has_38: bool, has_62: bool) -> None:
    text = run("clean", *args, path=LINKS)
    assert "Restoring a straightened river" in text
    assert (LINKED_38 in text) is has_38
    assert (LINKED_62 in text) is has_62


def test_library_presets_match_the_cli() -> None:
    page = LINKS.read_bytes()
    recall = cleaner.clean(page, settings=cleaner.Settings.from_preset("recall")).text
    precision = cleaner.clean(page, settings=cleaner.Settings.from_preset("precision")).text
    assert LINKED_62 in recall and LINKED_38 not in precision


def test_two_presets_at_once_is_a_one_line_usage_error() -> None:
    result = CliRunner().invoke(main, ["clean", "--precision", "--recall", str(LINKS)])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "usage: choose one preset" in result.output


def test_settings_command_prints_effective_values_as_toml() -> None:
    out = run("settings", "--preset", "recall")
    data = tomllib.loads(out)
    assert data["preset"] == "recall"
    assert data["thresholds"]["max_link_density"] == RECALL.max_link_density
    assert data["tables"] is True and data["comments"] is False
    # What a preset changes is visible at a glance.
    assert f"max_link_density = {RECALL.max_link_density}  # balanced: " in out


def test_settings_command_shows_flag_overrides() -> None:
    data = tomllib.loads(run("settings", "--no-tables", "--links", "--remove", ".ad",
                             "--no-second-opinion", "--max-bytes", "1000", "--input", "text"))
    assert data["tables"] is False and data["links"] is True
    assert data["remove_selectors"] == [".ad"] and data["second_opinion"] is False
    assert data["max_bytes"] == 1000 and data["input_mode"] == "text"


def test_settings_output_round_trips_as_a_config(tmp_path: Path) -> None:
    wanted = cleaner.Settings.from_preset("precision", lists=False, keep_selectors=("#main",))
    config = tmp_path / "cleaner.toml"
    config.write_text(settings_to_toml(wanted), encoding="utf-8")
    out = run("settings", "--config", str(config))
    assert tomllib.loads(out) == tomllib.loads(settings_to_toml(wanted))


def test_precision_drops_short_unpunctuated_lines_inside_the_article() -> None:
    line = "Field notes from the upper valley, spring survey"
    assert line in run("clean", "--no-config", path=LINKS)
    assert line in run("clean", "--no-config", "--recall", path=LINKS)
    assert line not in run("clean", "--no-config", "--precision", path=LINKS)
    doc = cleaner.clean(LINKS.read_bytes(), settings=cleaner.Settings.from_preset("precision"))
    assert [d.rule for d in doc.removed if d.text == line] == ["short"]

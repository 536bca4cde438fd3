"""Settings from TOML: a ``cleaner.toml`` file or ``[tool.cleaner]`` in pyproject.toml.

Every :class:`~cleaner.core.settings.Settings` field is a key (``-`` and ``_`` are
interchangeable), plus a ``[thresholds]`` table that overrides single numbers of
the chosen preset. Unknown keys and wrong types are a :class:`UsageError` that
names the key and the file, so a typo never passes silently.

Only the edges (the CLI) read files: :func:`load_config` and
:func:`find_pyproject` do I/O, :func:`settings_from_mapping` is pure.
``tomllib`` is the standard library's TOML reader (Python >= 3.11).
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, get_args

from cleaner.core.errors import InputReadError, UsageError
from cleaner.core.settings import InputMode, Settings
from cleaner.core.thresholds import PRESETS, Thresholds

PYPROJECT = "pyproject.toml"
_BOOL_FIELDS = frozenset(
    f.name for f in fields(Settings) if f.type in ("bool", bool)
)
_LIST_FIELDS = frozenset({"extra_phrases", "remove_selectors", "keep_selectors"})
_THRESHOLD_TYPES = {f.name: f.type for f in fields(Thresholds)}


@dataclass(frozen=True, slots=True)
class ConfigFile:
    """A loaded configuration: its table of settings and where it came from."""

    values: Mapping[str, Any]
    origin: str


def _key(name: str) -> str:
    return name.replace("-", "_")


def load_config(path: str | Path) -> ConfigFile:
    """Read ``path``: a cleaner.toml, or a pyproject.toml (its [tool.cleaner] table)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputReadError(f"config file {path}: no such file") from exc
    except OSError as exc:
        raise InputReadError(f"config file {path}: {exc.strerror or exc}") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"config file {path}: not valid TOML ({exc})") from exc
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("cleaner", {})
        if not isinstance(table, dict):
            raise UsageError(f"{path}: [tool.cleaner] must be a table")
        return ConfigFile(table, f"{path} [tool.cleaner]")
    return ConfigFile(data, str(path))


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml with a [tool.cleaner] table, from ``start`` upwards."""
    for folder in (start, *start.parents):
        candidate = folder / PYPROJECT
        if not candidate.is_file():
            continue
        try:
            data = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue  # somebody else's broken file is not our business
        tool = data.get("tool")
        if isinstance(tool, dict) and "cleaner" in tool:
            return candidate
    return None


def _check_value(key: str, value: Any, origin: str) -> Any:
    """``value`` in the field's Python type, or a UsageError naming the key."""
    if key in _BOOL_FIELDS:
        if not isinstance(value, bool):
            raise UsageError(f"{origin}: setting '{key}' must be true or false")
        return value
    if key in _LIST_FIELDS:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise UsageError(f"{origin}: setting '{key}' must be a list of strings")
        return tuple(value)
    if key == "max_bytes":
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise UsageError(f"{origin}: setting 'max_bytes' must be a positive integer")
        return value
    if key == "input_mode":
        modes = get_args(InputMode)
        if value not in modes:
            raise UsageError(f"{origin}: setting 'input_mode' must be one of {', '.join(modes)}")
        return value
    raise UsageError(f"{origin}: setting '{key}' cannot be set here")


def threshold_overrides(table: Any, origin: str) -> dict[str, float | int]:
    """Checked ``[thresholds]`` values (numbers of the right kind, known names)."""
    if not isinstance(table, dict):
        raise UsageError(f"{origin}: 'thresholds' must be a table")
    out: dict[str, float | int] = {}
    for name, value in table.items():
        key = _key(name)
        kind = _THRESHOLD_TYPES.get(key)
        if kind is None:
            raise UsageError(f"{origin}: unknown threshold '{name}'")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise UsageError(f"{origin}: threshold '{name}' must be a number")
        if kind in ("int", int):
            if not isinstance(value, int):
                raise UsageError(f"{origin}: threshold '{name}' must be a whole number")
            out[key] = value
        else:
            out[key] = float(value)
    return out


def settings_from_mapping(
    values: Mapping[str, Any],
    origin: str = "settings",
    preset: str | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Settings from a config table, then ``overrides`` on top (CLI flags win).

    ``preset`` (from the command line) beats the table's ``preset`` key; the
    table's ``[thresholds]`` numbers apply on top of whichever preset is chosen.
    List overrides are added to the table's lists, not substituted.
    """
    known = {f.name for f in fields(Settings)}
    checked: dict[str, Any] = {}
    thresholds: dict[str, float | int] = {}
    table_preset = None
    for name, value in values.items():
        key = _key(name)
        if key == "preset":
            if not isinstance(value, str) or value not in PRESETS:
                raise UsageError(
                    f"{origin}: unknown preset {value!r} (choose from {', '.join(PRESETS)})")
            table_preset = value
        elif key == "thresholds":
            thresholds = threshold_overrides(value, origin)
        elif key in known:
            checked[key] = _check_value(key, value, origin)
        else:
            raise UsageError(f"{origin}: unknown setting '{name}'")
    for key, value in (overrides or {}).items():
        if key in _LIST_FIELDS:
            checked[key] = tuple(checked.get(key, ())) + tuple(value)
        else:
            checked[key] = value
    settings = Settings.from_preset(preset or table_preset or "balanced", **checked)
    if thresholds:
        settings = settings.with_overrides(
            thresholds=settings.thresholds.with_overrides(**thresholds))
    return settings


def resolve_settings(
    config: str | Path | None = None,
    cwd: Path | None = None,
    preset: str | None = None,
    overrides: Mapping[str, Any] | None = None,
    discover: bool = True,
) -> tuple[Settings, str | None]:
    """The effective Settings for a command line, and the config's origin (or None).

    An explicit ``config`` file wins; otherwise (if ``discover``) the nearest
    pyproject.toml with [tool.cleaner] from ``cwd`` upwards; then ``overrides``.
    """
    loaded: ConfigFile | None = None
    if config is not None:
        loaded = load_config(config)
    elif discover:
        found = find_pyproject((cwd or Path.cwd()).resolve())
        if found is not None:
            loaded = load_config(found)
    values: Mapping[str, Any] = loaded.values if loaded else {}
    origin = loaded.origin if loaded else "command line"
    return settings_from_mapping(values, origin, preset, overrides), (
        loaded.origin if loaded else None)


_PRINTABLE = (bool, int, float, str, tuple)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def settings_to_toml(settings: Settings, origin: str | None = None) -> str:
    """The effective values as TOML (valid: it loads back with ``--config``).

    Thresholds that differ from the balanced preset say so in a comment, so a
    reader sees at a glance what a preset or a file changed.
    """
    lines = [f"# effective settings: preset {settings.preset}"
             + (f", with {origin}" if origin else "")]
    for f in fields(settings):
        value = getattr(settings, f.name)
        if f.name == "thresholds" or not isinstance(value, _PRINTABLE):
            continue  # runtime state (e.g. batch-learned boilerplate), not a setting
        lines.append(f"{f.name} = {_toml_value(value)}")
    lines.append("")
    lines.append("[thresholds]")
    balanced = PRESETS["balanced"]
    for f in fields(settings.thresholds):
        value = getattr(settings.thresholds, f.name)
        line = f"{f.name} = {_toml_value(value)}"
        base = getattr(balanced, f.name)
        if value != base:
            line += f"  # balanced: {_toml_value(base)}"
        lines.append(line)
    return "\n".join(lines) + "\n"

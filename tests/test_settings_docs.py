"""docs/settings.md stays true: every setting documented, preset numbers as in the code."""

from __future__ import annotations

import re
from dataclasses import fields

import cleaner
from cleaner.core.thresholds import PRESETS, Thresholds

from .conftest import REPO

DOC = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
# Runtime state filled by batch mode, not something a user sets.
RUNTIME = {"known_boilerplate", "thresholds", "preset"}


def test_every_setting_is_documented() -> None:
    for f in fields(cleaner.Settings):
        if f.name not in RUNTIME:
            assert f"`{f.name}`" in DOC, f.name


def test_threshold_table_matches_the_presets() -> None:
    table = DOC.split("<!-- thresholds-table")[1].split("<!-- /thresholds-table -->")[0]
    rows = {m.group(1): m.group(2, 3, 4)
            for m in re.finditer(r"^\| `(\w+)` \| ([^|]+) \| ([^|]+) \| ([^|]+) \|", table, re.M)}
    assert set(rows) == {f.name for f in fields(Thresholds)}
    for name, values in rows.items():
        expected = tuple(str(getattr(PRESETS[p], name))
                         for p in ("precision", "balanced", "recall"))
        assert tuple(v.strip() for v in values) == expected, name

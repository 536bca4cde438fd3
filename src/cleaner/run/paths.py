"""The last line of defence: an output path built from a name stays inside the output dir.

Names are cleaned in :mod:`cleaner.inputs.names`; :func:`safe_join` cleans again
and checks the resolved result, so a bug there cannot write outside ``root``.
"""

from __future__ import annotations

import os
from pathlib import Path

from cleaner.core.errors import UsageError
from cleaner.inputs.names import clean_relpath


def safe_join(root: Path, relpath: str) -> Path:
    """``root / relpath``, refusing any result outside ``root``."""
    target = root / clean_relpath(relpath)
    base = os.path.abspath(root)
    full = os.path.abspath(target)
    if os.path.commonpath([base, full]) != base or full == base:
        raise UsageError(f"output name escapes the output directory: {relpath!r}")
    return target

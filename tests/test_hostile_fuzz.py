"""A short round of the fuzz target (tests/fuzz/fuzz_clean.py) in CI.

atheris when it is installed (``pip install -e ".[fuzz]"``), else the hypothesis
loop. The long run is documented in docs/robustness.md.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

TARGET = Path(__file__).resolve().parent / "fuzz" / "fuzz_clean.py"


@pytest.mark.slow
def test_fuzz_target_short_round() -> None:
    if importlib.util.find_spec("atheris") is not None:
        cmd = [sys.executable, str(TARGET), "-max_total_time=20", "-rss_limit_mb=1024",
               "-timeout=30", "-print_final_stats=1"]
    else:
        cmd = [sys.executable, str(TARGET), "--hypothesis", "--seconds", "15"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-3000:]
    assert "stat::number_of_executed_units" in output or "no crash" in output


def test_one_input_modes() -> None:
    sys.path.insert(0, str(TARGET.parent))
    from fuzz_clean import one_input

    for data in (b"", b"\x00", b"\x00<p>hi</p>", b"\x01\x00\xd8<\x00p\x00>\x00",
                 b"\x02" + bytes(range(256)), b"\x01abc"):
        one_input(data)

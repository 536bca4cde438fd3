"""Fuzz target for ``cleaner.clean``: any input must give a Document or a CleanerError.

Anything else is a crash: another exception, a hang (libFuzzer ``-timeout``) or
memory over the limit (``-rss_limit_mb``). Two engines:

* atheris (coverage-guided libFuzzer; ``pip install -e ".[fuzz]"``)::

      python tests/fuzz/fuzz_clean.py -max_total_time=600 -rss_limit_mb=1024 \\
          -timeout=30 -print_final_stats=1 [corpus-dir]

  Without a corpus directory, the small cases of tests/hostile/corpus.py seed a
  temporary one. The first input byte picks how the rest is fed: raw bytes, a
  str (with lone surrogates allowed), or bytes behind an HTML head.

* a hypothesis loop when atheris is not installed (CI)::

      python tests/fuzz/fuzz_clean.py --hypothesis --seconds 600

tests/test_hostile_fuzz.py runs a short round of whichever engine is present.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HEAD = b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>t</title></head><body><p>"


def one_input(data: bytes) -> None:
    """Feed one fuzz input to clean(); only a CleanerError may escape it."""
    from cleaner import clean
    from cleaner.core.errors import CleanerError

    if not data:
        return
    mode, body = data[0] % 3, data[1:]
    page: bytes | str
    if mode == 0:
        page = body
    elif mode == 1:
        page = body.decode("utf-16-le", errors="surrogatepass" if len(body) % 2 == 0
                           else "replace")
    else:
        page = HEAD + body
    try:
        doc = clean(page)
    except CleanerError:
        return
    doc.text.encode("utf-8")  # the output must be printable


def seed_corpus(directory: Path) -> None:
    """The small hostile cases (up to 64 KB) as starting points."""
    sys.path.insert(0, str(REPO))
    from tests.hostile.corpus import cases

    for n, case in enumerate(cases(), 1):
        if case.big:
            continue
        data = case.build()
        if len(data) <= 1 << 16:
            (directory / f"seed-{n:03d}").write_bytes(b"\x00" + data)
            (directory / f"seed-{n:03d}-html").write_bytes(b"\x02" + data)


def run_atheris(argv: list[str]) -> None:
    import atheris

    with atheris.instrument_imports(include=["cleaner"]):
        import cleaner.api  # noqa: F401 - instrumented for coverage feedback

    args = [a for a in argv if a.startswith("-")]
    dirs = [a for a in argv[1:] if not a.startswith("-")]
    if not dirs:
        seeds = Path(tempfile.mkdtemp(prefix="cleaner-fuzz-"))
        seed_corpus(seeds)
        dirs = [str(seeds)]
    if not any(a.startswith("-max_len") for a in args):
        args.append("-max_len=65536")
    atheris.Setup([argv[0], *args, *dirs], one_input)
    atheris.Fuzz()


def run_hypothesis(seconds: float) -> int:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    runs = 0
    deadline = time.monotonic() + seconds

    @settings(max_examples=500, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.binary(max_size=1 << 14))
    def loop(data: bytes) -> None:
        nonlocal runs
        if time.monotonic() > deadline:
            return
        runs += 1
        one_input(data)

    while time.monotonic() < deadline:
        loop()  # 500 examples a round; a failure raises with the shrunk input
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"hypothesis fuzz: {runs} executions in {seconds:g} s, no crash; max RSS {rss} MB")
    return runs


def main() -> None:
    argv = sys.argv
    if "--hypothesis" in argv:
        seconds = float(argv[argv.index("--seconds") + 1]) if "--seconds" in argv else 60.0
        run_hypothesis(seconds)
        return
    run_atheris(argv)


if __name__ == "__main__":
    main()

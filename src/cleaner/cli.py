"""The ``cleaner`` command: a thin click layer over :func:`cleaner.clean`.

Every CleanerError becomes one line on stderr (``cleaner: <path>: <kind>: <msg>``)
and the error's exit code; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from cleaner.api import clean as clean_page
from cleaner.cli_options import settings_options
from cleaner.core.errors import CleanerError, ExtractionTimeoutError, UsageError
from cleaner.core.model import Source
from cleaner.core.settings import Settings
from cleaner.inputs.sources import read_bounded
from cleaner.outputs.render import render

FORMATS = ("txt", "markdown", "json")


def fail(where: str, exc: CleanerError) -> None:
    """Print the one-line error for ``exc``."""
    click.echo(f"cleaner: {where}: {exc.kind}: {exc.message}", err=True)


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise ExtractionTimeoutError after ``seconds`` (SIGALRM: POSIX, main thread).

    The handler runs between Python bytecodes, so a long C call (libxml2 parsing
    a huge page) finishes first; batch mode uses worker processes instead.
    """
    if not seconds or not hasattr(signal, "setitimer") or (
            threading.current_thread() is not threading.main_thread()):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ExtractionTimeoutError(f"gave up after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    # Re-fire every 50 ms: code that swallows a broad Exception cannot eat the timeout.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.05)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_input(path: str, limit: int | None = None) -> Source:
    """Read a file (or stdin for '-') into a Source.

    With ``limit``, at most ``limit + 1`` bytes are read: clean() then refuses the
    page as too-large, and /dev/zero or a 10 GB file cannot exhaust memory first.
    """
    if path == "-":
        return Source(data=sys.stdin.buffer.read(-1 if limit is None else limit + 1),
                      path="<stdin>")
    hint = " (use 'cleaner batch' for directories)"
    return Source(data=read_bounded(path, limit, hint), path=path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cleaner")
def main() -> None:
    """Extract the article, clean, with its metadata, from scraped web pages.

    Feed it raw HTML (any encoding, optionally gzip) or page text that a scraper
    already flattened; get back the article text, Markdown or JSON, without the
    site chrome (menus, cookie banners, related links, comments, share bars).

    \b
    Examples:
      cleaner clean page.html                   # article text on stdout
      curl -s https://example.org/a | cleaner clean --url https://example.org/a
      cleaner clean --format json --explain page.html.gz
      cleaner explain page.html -o report.html  # see why each block went
      cleaner batch crawl/ -o cleaned/ --format markdown
    """


@main.command("clean")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="txt",
              show_default=True, help="Output format.")
@click.option("--url", help="The page's URL: resolves links, fills metadata.")
@click.option("--explain", is_flag=True,
              help="With --format json: list every removed block with its reason.")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Give up on a page after this many seconds (POSIX; kind 'timeout').")
@settings_options
def clean_cmd(files: tuple[str, ...], fmt: str, url: str | None, explain: bool,
              debug: bool, timeout: float | None, settings: Settings) -> None:
    """Clean one or more pages and print the article.

    FILES are HTML or text pages (plain or .gz); none or '-' reads stdin.
    Text pages may be a browser's or BeautifulSoup's flattened text, a
    hard-wrapped dump (lynx, w3m) or the Markdown of a reader/crawler service.
    Several files are printed one after another (JSON: one object per line).

    \b
    Examples:
      cleaner clean article.html
      cleaner clean --format markdown article.html > article.md
      cat page.txt | cleaner clean --format json
      cleaner clean --precision --no-tables --remove '.promo' page.html
      cleaner clean --comments --format json --config cleaner.toml page.html
    """
    paths = files or ("-",)
    worst = 0
    for path in paths:
        where = "<stdin>" if path == "-" else path
        try:
            with deadline(timeout):
                source = read_input(path, settings.max_bytes)
                doc = clean_page(source, url=url, settings=settings)
                out = render(doc, fmt, explain)
            if fmt == "json" and len(paths) > 1:
                out = " ".join(out.split("\n"))
        except CleanerError as exc:
            if debug:
                traceback.print_exc()
            fail(where, exc)
            worst = worst or exc.exit_code
            continue
        except Exception as exc:
            if debug:
                raise
            fail(where, CleanerError(f"internal error ({type(exc).__name__}: {exc})"))
            worst = worst or 1
            continue
        click.echo(out)
    if worst:
        sys.exit(worst)


def _run_batch(**kwargs: Any) -> None:
    from cleaner.run.batch import run_batch_cli

    run_batch_cli(**kwargs)


@main.command("batch")
@settings_options
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-o", "--output", required=True, type=click.Path(),
              help="A directory (mirror tree of the inputs), or a file ending in .jsonl, "
                   ".jsonl.gz or .parquet (one record per page, in input order).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="txt",
              show_default=True, help="Format of each page in a mirror tree.")
@click.option("--explain", is_flag=True, help="JSON outputs and records list removed blocks.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the CPU count).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0,
              show_default=True, help="Seconds per page; a page over it is abandoned and its "
                                      "worker replaced.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Pages (or WARC payloads) larger than this fail as too-large "
                   "(default: 64 MiB).")
@click.option("--resume/--no-resume", default=None,
              help="Skip pages already done (default: on when OUTPUT exists). "
                   "--no-resume starts over.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary.")
@click.option("--glob", help="In directories, only files whose name or relative path "
                             "matches (e.g. '*.html.gz'; default: pages, WARC, JSONL).")
@click.option("--html-key", default="html", show_default=True, help="JSONL key of the HTML.")
@click.option("--text-key", default="text", show_default=True,
              help="JSONL key of flattened text (used when there is no HTML).")
@click.option("--id-key", default="id", show_default=True, help="JSONL key of the record id.")
@click.option("--url-key", default="url", show_default=True, help="JSONL key of the URL.")
@click.option("--errors", type=click.Path(dir_okay=False),
              help="Error manifest (default: OUTPUT/errors.jsonl, or OUT.errors.jsonl "
                   "next to a record stream).")
@click.option("--report", "report_dir", type=click.Path(file_okay=False),
              help="Also write an HTML explain report per page, with an index.html, here.")
@click.option("--input", "input_mode", type=click.Choice(["auto", "html", "text"]),
              default="auto", show_default=True, help="Force the input kind.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local",
              show_default=True, help="ray: run on a Ray cluster (pip install 'cleaner[ray]').")
@click.option("--ray-address", help="Join this Ray cluster (default: start a local one).")
@click.option("--site-boilerplate/--no-site-boilerplate", default=True, show_default=True,
              help="Text pages: lines repeated on many pages of the same site (host, or "
                   "input folder when no URL) are removed as repeated-across-pages. "
                   "Learned in a first pass over all inputs (not from a '-' list).")
def batch_cmd(inputs: tuple[str, ...], settings: Settings, **options: Any) -> None:
    """Clean every page of the INPUTS into OUTPUT, in parallel, resumably.

    INPUTS (mixed): directories (searched recursively), page files (.html,
    .htm, .xhtml, .txt, each optionally .gz), WARC files (.warc, .warc.gz:
    response records; WARC-Record-ID is the id, WARC-Target-URI the url), JSONL
    files (.jsonl, .jsonl.gz: one record per line, other fields carried through),
    and '-' for a list of paths on stdin.

    \b
    Output names follow the inputs, never content hashes:
      one input dir:      crawl/a/b.html.gz       -> OUTPUT/a/b.txt
      several / stdin:    crawl/a/b.html          -> OUTPUT/crawl/a/b.txt
      WARC / JSONL:       c.warc.gz, record 7     -> OUTPUT/c/0000007-<url>.txt
      same stem:          a.html and a.txt        -> OUTPUT/a.html.txt, a.txt.txt
    Failures go to errors.jsonl (source, kind, message). Every output is written
    under a temporary name and renamed, so Ctrl-C leaves no partial file, and a
    rerun resumes where the last one stopped. The settings options are those of
    'cleaner clean'; --max-bytes and --input are batch's own.

    \b
    Exit codes:
      0    every page was cleaned
      1    some pages failed (see the error manifest)
      2    usage error (bad option, missing input)
      12   an output could not be written
      130  interrupted (rerun to continue)

    \b
    Examples:
      cleaner batch crawl/ -o cleaned/ --format json
      cleaner batch crawl.warc.gz -o pages.jsonl.gz --jobs 8
      find crawl -name '*.html' | cleaner batch - -o cleaned/
      cleaner batch pages/ -o cleaned/ --precision --no-tables
    """
    try:
        _run_batch(inputs=inputs, settings=settings, **options)
    except CleanerError as exc:
        fail("batch", exc)
        sys.exit(exc.exit_code)


@main.command("settings")
@settings_options
def settings_cmd(settings: Settings) -> None:
    """Print the effective settings (as TOML) for these options and config.

    The output is a valid config file: thresholds that differ from the balanced
    preset carry a comment with the balanced value.

    \b
    Examples:
      cleaner settings --preset recall
      cleaner settings --config cleaner.toml --no-tables > effective.toml
    """
    from cleaner.cli_options import CONFIG_ORIGIN
    from cleaner.core.config import settings_to_toml

    origin = click.get_current_context().meta.get(CONFIG_ORIGIN)
    click.echo(settings_to_toml(settings, origin), nl=False)


@main.command("explain")
@click.argument("page", required=False, default="-")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the report here ('-' = stdout).")
@click.option("-f", "--format", "fmt", type=click.Choice(["html", "text"]), default="html",
              show_default=True, help="html: a self-contained page; text: a terminal table.")
@click.option("--url", help="The page's URL: resolves links, fills metadata.")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@settings_options
def explain_cmd(page: str, output: str | None, fmt: str, url: str | None, debug: bool,
                settings: Settings) -> None:
    """Show every block of PAGE with its verdict, reason, rule and evidence.

    PAGE is an HTML or text page (plain or .gz); none or '-' reads stdin. The
    HTML report is one file with no external assets: open it in any browser.
    The settings options are those of 'cleaner clean', so the report explains
    exactly what clean does with the same options.

    \b
    Examples:
      cleaner explain page.html -o report.html
      cleaner explain --format text --precision page.txt
      curl -s https://example.org/a | cleaner explain -o report.html
    """
    from cleaner.outputs.report import build_report, render_report_text, write_page_report

    where = "<stdin>" if page == "-" else page
    to_stdout = output in (None, "-")
    try:
        if fmt == "html" and output is None and sys.stdout.isatty():
            raise UsageError("the HTML report goes to a file: add -o report.html "
                             "(or use --format text)")
        doc = clean_page(read_input(page, settings.max_bytes), url=url, settings=settings)
        if fmt == "text":
            out = render_report_text(doc, where) + "\n"
        elif to_stdout:
            out = build_report(doc, where)
        else:
            try:
                write_page_report(doc, Path(str(output)), where)
            except OSError as exc:
                raise CleanerError(f"cannot write {output}: {exc.strerror or exc}") from exc
            click.echo(f"cleaner: report written to {output} "
                       f"({len(doc.kept)} kept, {len(doc.removed)} removed)", err=True)
            return
        if to_stdout:
            click.echo(out, nl=False)
        else:
            try:
                Path(str(output)).write_text(out, encoding="utf-8", errors="replace")
            except OSError as exc:
                raise CleanerError(f"cannot write {output}: {exc.strerror or exc}") from exc
    except CleanerError as exc:
        if debug:
            traceback.print_exc()
        fail(where, exc)
        sys.exit(exc.exit_code)
    except Exception as exc:  # last line of defence: never a traceback
        if debug:
            raise
        fail(where, CleanerError(f"internal error ({type(exc).__name__}: {exc})"))
        sys.exit(1)


def run() -> None:  # pragma: no cover - console entry for python -m
    try:
        main()
    except UsageError as exc:
        fail("usage", exc)
        sys.exit(exc.exit_code)


if __name__ == "__main__":  # pragma: no cover
    run()

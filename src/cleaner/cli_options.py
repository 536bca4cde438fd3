"""The settings options shared by ``cleaner clean``, ``batch`` and ``settings``.

:func:`settings_options` adds every option that steers extraction and hands the
command one ready ``settings: Settings`` argument instead of twenty flags, so
each command builds its Settings the same way: preset, then the config file
(``--config`` or ``[tool.cleaner]`` in the nearest pyproject.toml), then flags.

Usage::

    @main.command("clean")
    @click.argument("files", nargs=-1)
    @settings_options
    def clean_cmd(files: tuple[str, ...], settings: Settings) -> None: ...
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from cleaner.core.config import resolve_settings
from cleaner.core.errors import CleanerError, UsageError
from cleaner.core.settings import Settings
from cleaner.core.thresholds import PRESETS

F = TypeVar("F", bound=Callable[..., Any])

# (setting name, help) of the on/off switches; each becomes --NAME/--no-NAME.
SWITCHES: tuple[tuple[str, str], ...] = (
    ("tables", "Keep data tables."),
    ("lists", "Keep list items."),
    ("code", "Keep code blocks (<pre>)."),
    ("headings", "Keep the article's headings."),
    ("captions", "Keep figure and table captions."),
    ("links", "Markdown: keep links as [text](absolute URL)."),
    ("images", "Markdown: keep images as ![alt](absolute URL)."),
    ("formatting", "Markdown: keep bold, italic and inline code."),
    ("comments", "Put reader comments in a 'comments' field / section."),
    ("second-opinion", "Ask readability-lxml when the article region is uncertain."),
)
# (option, setting name, help) of the repeatable options.
LISTS: tuple[tuple[str, str, str], ...] = (
    ("--remove", "remove_selectors",
     "CSS selector or XPath (starting with /) of elements to always remove. Repeatable."),
    ("--keep", "keep_selectors",
     "CSS selector or XPath of elements to always keep (beats --remove). Repeatable."),
    ("--phrase", "extra_phrases",
     "Extra chrome phrase: short blocks containing it are removed. Repeatable."),
)
# Key in click's context.meta: the config file the settings came from, or None.
CONFIG_ORIGIN = "cleaner.config_origin"
# Process limits a command may already declare itself (batch does).
_LIMITS = ("max_bytes", "input_mode")


def _fail_line(exc: CleanerError) -> None:
    click.echo(f"cleaner: settings: {exc.kind}: {exc.message}", err=True)


def settings_from_options(options: dict[str, Any],
                          declared: frozenset[str] = frozenset()) -> Settings:
    """Pop the settings options out of ``options`` and build the Settings.

    ``declared`` names options the command defines itself (read, not popped).
    """
    preset: str | None = options.pop("preset")
    shorthand = [name for name in ("precision", "recall") if options.pop(name)]
    if len(shorthand) > 1 or (shorthand and preset and preset != shorthand[0]):
        raise UsageError("choose one preset: --preset, --precision or --recall")
    preset = shorthand[0] if shorthand else preset
    config: str | None = options.pop("config")
    no_config: bool = options.pop("no_config")
    overrides: dict[str, Any] = {}
    for name, _ in SWITCHES:
        key = name.replace("-", "_")
        value = options.pop(key)
        if value is not None:
            overrides[key] = value
    for _, key, _ in LISTS:
        values = options.pop(key)
        if values:
            overrides[key] = tuple(values)
    for key in _LIMITS:
        # A command that declares --max-bytes / --input itself keeps its value too.
        value = options.get(key) if key in declared else options.pop(key, None)
        if value is not None:
            overrides[key] = value
    settings, origin = resolve_settings(config, preset=preset, overrides=overrides,
                                        discover=not no_config)
    context = click.get_current_context(silent=True)
    if context is not None:
        context.meta[CONFIG_ORIGIN] = origin  # for 'cleaner settings' to say where from
    return settings


def settings_options(func: F) -> F:
    """Add the settings options to a click command; it receives ``settings``."""

    declared = frozenset(
        p.name for p in getattr(func, "__click_params__", ()) if p.name in _LIMITS)

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            settings = settings_from_options(kwargs, declared)
        except CleanerError as exc:
            _fail_line(exc)
            sys.exit(exc.exit_code)
        return func(*args, settings=settings, **kwargs)

    options: list[Callable[[Any], Any]] = [
        click.option("--preset", type=click.Choice(list(PRESETS)), default=None,
                     help="Threshold preset (default: balanced; see 'cleaner settings')."),
        click.option("--precision", is_flag=True,
                     help="Shorthand for --preset precision: less chrome, may lose text."),
        click.option("--recall", is_flag=True,
                     help="Shorthand for --preset recall: every sentence, more chrome."),
        click.option("--config", type=click.Path(dir_okay=False), default=None,
                     help="TOML settings file (default: [tool.cleaner] of the nearest "
                          "pyproject.toml). Flags override it."),
        click.option("--no-config", is_flag=True,
                     help="Ignore [tool.cleaner] in pyproject.toml files."),
    ]
    for name, help_text in SWITCHES:
        options.append(click.option(f"--{name}/--no-{name}", default=None, help=help_text))
    for flag, key, help_text in LISTS:
        options.append(click.option(flag, key, multiple=True, metavar="TEXT",
                                    help=help_text))
    if "max_bytes" not in declared:
        options.append(click.option("--max-bytes", type=click.IntRange(min=1), default=None,
                                    help="Largest input accepted, in bytes."))
    if "input_mode" not in declared:
        options.append(click.option("--input", "input_mode",
                                    type=click.Choice(["auto", "html", "text"]), default=None,
                                    help="Force the input kind instead of detecting it."))
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]


__all__ = ["CONFIG_ORIGIN", "settings_from_options", "settings_options"]

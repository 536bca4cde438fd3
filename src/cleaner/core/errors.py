"""The error model: every failure the library reports is a CleanerError.

Each subclass has a stable ``kind`` (shown as ``cleaner: <path>: <kind>: <message>``)
and an ``exit_code`` for the CLI. Third-party exceptions are caught once, at the
adapter that calls the library, and re-raised as one of these.
"""

from __future__ import annotations


class CleanerError(Exception):
    """Base class: a failure with a stable kind and exit code."""

    kind: str = "error"
    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(CleanerError):
    """Bad arguments or settings (unknown key, wrong value)."""

    kind = "usage"
    exit_code = 2


class EmptyInputError(CleanerError):
    """The input has no bytes, or nothing but white space."""

    kind = "empty-input"
    exit_code = 3


class NotAPageError(CleanerError):
    """Binary data: an image, a PDF, an archive, not HTML nor text."""

    kind = "not-a-page"
    exit_code = 4


class UndecodableError(CleanerError):
    """Bytes that no encoding turns into sensible text (mostly U+FFFD after decoding)."""

    kind = "undecodable"
    exit_code = 5


class TooLargeError(CleanerError):
    """The input is larger than the configured maximum."""

    kind = "too-large"
    exit_code = 6


class TooDeepError(CleanerError):
    """Markup nested deeper than the parser accepts, even after deep tags were flattened."""

    kind = "too-deep"
    exit_code = 7


class ExtractionTimeoutError(CleanerError):
    """A page took longer than the per-page time limit."""

    kind = "timeout"
    exit_code = 8


class ParseError(CleanerError):
    """The parser could not build a whole tree from the markup (never a half page)."""

    kind = "parse-error"
    exit_code = 9


class InputReadError(CleanerError):
    """A file could not be read (missing, unreadable, corrupt compression)."""

    kind = "read-error"
    exit_code = 10


ERROR_KINDS: tuple[type[CleanerError], ...] = (
    UsageError,
    EmptyInputError,
    NotAPageError,
    UndecodableError,
    TooLargeError,
    TooDeepError,
    ExtractionTimeoutError,
    ParseError,
    InputReadError,
)

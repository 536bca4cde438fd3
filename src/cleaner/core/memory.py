"""Hand memory the C allocator holds free back to the operating system.

Why: libxml2 allocates a page's tree with ``malloc``, in millions of small
chunks. When the walk frees the parts it has read, glibc keeps the chunks
for later ``malloc`` calls, but Python's own small objects come from separate
memory (its arenas), so the freed tree would stay resident while the blocks
grow beside it. glibc's ``malloc_trim`` returns the free pages inside the heap
to the system. Elsewhere (other C libraries, other systems) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable


def _load_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None)
    except (OSError, TypeError):  # pragma: no cover - no C library to load (Windows)
        return None
    trim: Callable[[int], int] | None = getattr(libc, "malloc_trim", None)
    return trim


_trim = _load_trim()


def release_freed() -> None:
    """Return the free pages of the C heap to the system (glibc only)."""
    if _trim is not None:
        _trim(0)

"""Pause Python's cyclic garbage collector while one page is cleaned.

Why: cleaning allocates hundreds of thousands of long-lived objects on a big
page (blocks, features, marks, verdicts) and frees almost none until the end.
CPython's collector runs a full pass each time the live set grows by a quarter,
so it traverses every one of them again and again without ever finding garbage:
on a 50 MB forum page that was ~2.5 s of 15. The pipeline builds no reference
cycles (its objects are frozen dataclasses, tuples and strings), so nothing is
lost by not looking for them; any cyclic garbage a page leaves is collected as
usual once the pause ends.

Leaving the pause, the objects it left in the young generation (all that the
page allocated and still holds, ~1,000,000 on that page) are moved to the
oldest one without being looked at: ``gc.freeze()`` then ``gc.unfreeze()``
(two list splices). Otherwise the first allocation after the pause would run
a young collection over all of them, with cold caches: ~0.5 s on a 20 MB
forum page, for nothing (they are alive). They are looked at by the next full
collection, as if they had aged normally. A caller that froze objects itself
(``gc.get_freeze_count()``) keeps its frozen set: then nothing is moved.

The pause is process-wide state, so it is reference counted under a lock:
the first of several concurrent ``clean()`` calls (threads) records whether
the collector was enabled and turns it off, the last one to leave restores
that state, also when a call raises. A collector the caller disabled stays
disabled.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the body with the cyclic collector off; restore its state after."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                if not gc.get_freeze_count():
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()

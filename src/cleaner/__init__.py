"""cleaner: the article, clean, with its metadata, from raw HTML or flattened text.

>>> import cleaner
>>> doc = cleaner.clean("<article><h1>Hi</h1><p>Some words here.</p></article>")
>>> doc.text
'Some words here.'
"""

from cleaner.api import clean
from cleaner.core.errors import CleanerError
from cleaner.core.model import (
    Block,
    BlockKind,
    Comment,
    Decision,
    Document,
    Metadata,
    Source,
    Verdict,
)
from cleaner.core.reasons import Reason
from cleaner.core.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Block",
    "BlockKind",
    "CleanerError",
    "Comment",
    "Decision",
    "Document",
    "Metadata",
    "Reason",
    "Settings",
    "Source",
    "Verdict",
    "__version__",
    "clean",
]

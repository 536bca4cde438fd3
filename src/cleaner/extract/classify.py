"""Give every block a verdict: context-free rules first, then neighbours settle.

Input-kind agnostic: it reads block text, features, an optional markup mark per
block (HTML only; text pages pass ``None`` marks) and the selected region.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.core.model import Block, BlockKind, Verdict
from cleaner.core.reasons import KEEP_REASONS, Reason
from cleaner.core.settings import Settings
from cleaner.extract.features import ascii_prose, single_spaced
from cleaner.extract.lexicon import Lexicon
from cleaner.extract.rules.shapes import shape_reason
from cleaner.extract.select import Region, link_dense

Mark = tuple[Reason, str] | None

_KEEP = Verdict(Reason.ARTICLE_BODY, "default", "")
_KEEP_HEADING = Verdict(Reason.ARTICLE_HEADING, "default", "")
# Verdicts without evidence are shared (frozen), not built per block.
_EMPTY = Verdict(Reason.EMPTY, "empty", "")
_OUTSIDE = Verdict(Reason.OUTSIDE_ARTICLE, "region", "")
# A kept block this short, with no sentence punctuation, at the very start or
# end of the article is furniture (a label, a button, a section name).
EDGE_MAX_WORDS = 4
_TITLE_CLEAN = re.compile(r"[\W_]+")


# For ASCII text the regex's work is a deletion table (same key, done in C), on
# bytes: bytes.translate is a plain table look-up, far faster than a str mapping.
_ASCII_NON_WORD = bytes(c for c in range(128) if not chr(c).isalnum())


def title_key(text: str) -> str:
    """Comparison key for titles: letters and digits only, lower case."""
    low = text.lower()
    plain = low if low.isascii() else ascii_prose(low)
    if plain.isascii():
        return plain.encode().translate(None, _ASCII_NON_WORD).decode()
    return _TITLE_CLEAN.sub("", low)


def _disabled_kinds(settings: Settings) -> frozenset[BlockKind]:
    """The block kinds the settings leave out of the article."""
    return frozenset(kind for kind, on in (
        (BlockKind.TABLE, settings.tables), (BlockKind.LIST_ITEM, settings.lists),
        (BlockKind.CODE, settings.code), (BlockKind.HEADING, settings.headings),
        (BlockKind.CAPTION, settings.captions)) if not on)


# Marks that name an area of the page rather than what a block is.
_BROAD = frozenset({Reason.HIDDEN, Reason.COMMENTS, Reason.SIDEBAR, Reason.FOOTER,
                    Reason.HEADER})
# Phrase families specific enough to override a broad area mark.
_SPECIFIC = frozenset({Reason.COOKIE_BANNER, Reason.COMMENT_FORM, Reason.NEWSLETTER,
                       Reason.SHARE_BAR, Reason.COPYRIGHT})
# Only short blocks are worth a phrase look-up under a mark (phrases are short).
_REFINE_MAX_WORDS = 60
# Outside the article only short blocks get a phrase look-up, to name them.
_REFINE_OUTSIDE_WORDS = 12
# A heading is the title when the page title starts with it and it is this long
# (titles often carry a " - Site name" suffix the heading lacks).
_TITLE_PREFIX_MIN_CHARS = 12


def _is_title(block: Block, title: str) -> bool:
    # A block that starts with a letter or digit starts its key with it: most
    # lines are ruled out without computing the key.
    first = block.text[:1].lower()[:1]
    if first != title[:1] and first.isalnum():
        return False
    key = title_key(block.text)
    if key == title:
        return True
    return (block.kind is BlockKind.HEADING and len(key) >= _TITLE_PREFIX_MIN_CHARS
            and title.startswith(key))


def first_pass(
    block: Block,
    mark: Mark,
    in_region: bool,
    title: str,
    lexicon: Lexicon,
    settings: Settings,
    mark_rule: str = "markup",
    disabled: frozenset[BlockKind] | None = None,
) -> Verdict:
    """Context-free verdict of one block.

    ``mark_rule`` names the rule of verdicts that come from a mark (the text
    path's marks are text rules); ``disabled`` is :func:`_disabled_kinds` of
    the settings, computed once per page by :func:`classify_blocks`.
    """
    th = settings.thresholds
    f = block.features
    if mark is not None:
        if mark[0] in _BROAD and f.words <= _REFINE_MAX_WORDS:
            # A cookie notice in a role=dialog, a comment form in the comments
            # area: the phrase names the family more precisely than the area.
            hit = lexicon.match(block.text, f.words)
            if hit is not None and hit[0] in _SPECIFIC:
                return Verdict(hit[0], "phrase", hit[1])
        return Verdict(mark[0], mark_rule, mark[1])
    if not block.text or block.text.isspace():
        return _EMPTY
    if title and f.words <= 40 and _is_title(block, title):  # noqa: PLR2004
        return Verdict(Reason.TITLE, "title", "equals the page title")
    if not in_region:
        if f.words <= _REFINE_OUTSIDE_WORDS:
            # Name the furniture when a phrase says what it is ("Skip to content").
            hit = lexicon.match(block.text, f.words)
            if hit is not None:
                return Verdict(hit[0], "phrase", hit[1])
        return _OUTSIDE
    if block.kind is not BlockKind.CODE:
        hit = lexicon.match(block.text, f.words)
        if hit is not None:
            return Verdict(hit[0], "phrase", hit[1])
        shape = shape_reason(block.text, f.words)
        if shape is not None:
            return Verdict(shape[0], "shape", shape[1])
    if disabled is None:
        disabled = _disabled_kinds(settings)
    if block.kind in disabled:
        return Verdict(Reason.DISABLED_CONTENT, "settings", f"{block.kind} excluded")
    if link_dense(f, th) and block.kind not in (BlockKind.CODE, BlockKind.HEADING):
        return Verdict(Reason.LINK_DENSE, "link-density", f"link_density={f.link_density:.2f}")
    if (block.kind is BlockKind.PARAGRAPH and f.words < th.min_kept_words
            and not f.ends_sentence):
        return Verdict(Reason.LOW_TEXT_DENSITY, "short", f"{f.words} words, no sentence end")
    if block.kind is BlockKind.HEADING:
        return _KEEP_HEADING
    return _KEEP


_GENERIC = frozenset({Reason.EMPTY, Reason.HIDDEN, Reason.OUTSIDE_ARTICLE, Reason.TITLE,
                      Reason.BYLINE, Reason.DUPLICATE})


def _settle_headings(blocks: Sequence[Block], verdicts: list[Verdict]) -> None:
    """Drop headings that head nothing kept ("Related posts" above removed links).

    A heading's section runs to the next heading of the same or a higher level.
    Walking backwards settles sub-headings before the headings above them.
    """
    n = len(blocks)
    for i in range(n - 1, -1, -1):
        if blocks[i].kind is not BlockKind.HEADING or not verdicts[i].keep:
            continue
        level = blocks[i].level or 6
        heads_content = False
        first_removed: Reason | None = None
        for j in range(i + 1, n):
            if blocks[j].kind is BlockKind.HEADING and (blocks[j].level or 6) <= level:
                break
            if verdicts[j].keep:
                heads_content = True
                break
            if first_removed is None and verdicts[j].reason not in _GENERIC:
                first_removed = verdicts[j].reason
        if not heads_content:
            reason = first_removed or Reason.LOW_TEXT_DENSITY
            verdicts[i] = Verdict(reason, "heading", "heads only removed blocks")


def _in_kept_list(b: Block, blocks: Sequence[Block], inward: list[int]) -> bool:
    """A plain list item whose inward neighbour is a kept item of the same list:
    the last point of a list is short like the others, not a stray label."""
    parent = _parent_span(b)  # "" on text pages: no list structure there
    if b.kind is not BlockKind.LIST_ITEM or b.features.link_chars or not inward or not parent:
        return False
    other = blocks[inward[0]]
    return (other.kind is BlockKind.LIST_ITEM and not other.features.link_chars
            and _parent_span(other) == parent)


_TERM = "tag:dt"
_TERM_KEPT = Verdict(Reason.ARTICLE_BODY, "definition", "term of a kept definition")


def _keep_defined_terms(blocks: Sequence[Block], verdicts: list[Verdict]) -> None:
    """A linked term of a definition list (``<dt><a>close()</a></dt>``: API
    references, glossaries) is content when its definition is kept, however
    link-dense it is on its own."""
    for i in range(len(blocks) - 1):
        if (verdicts[i].reason is Reason.LINK_DENSE and _TERM in blocks[i].hints
                and verdicts[i + 1].keep):
            # The next block is in a <dd> of the same list (itself or a <p> in it).
            dl = _parent_span(blocks[i])
            if dl and blocks[i + 1].span.startswith(dl + "/dd"):
                verdicts[i] = _TERM_KEPT


def _trim_edges(blocks: Sequence[Block], verdicts: list[Verdict]) -> None:
    """Remove tiny unpunctuated blocks at the start and end of the kept text."""
    kept = [i for i, v in enumerate(verdicts) if v.reason in KEEP_REASONS]
    for order in (kept, kept[::-1]):
        for n, i in enumerate(order):
            b = blocks[i]
            # At the end only: a list at the top is often the byline (author, date).
            if order is not kept and _in_kept_list(b, blocks, order[n + 1:n + 2]):
                break
            if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) and (
                b.features.words <= EDGE_MAX_WORDS and not b.features.ends_sentence
            ):
                verdicts[i] = Verdict(Reason.LOW_TEXT_DENSITY, "edge",
                                      f"{b.features.words} words at the article edge")
            else:
                break


# Short repeats ("Yes", "1.") are legitimate: only keys this long count as duplicates.
_MIN_REPEAT_CHARS = 20


def _dedupe(blocks: Sequence[Block], verdicts: list[Verdict]) -> None:
    """Remove kept blocks whose text repeats an earlier kept block.

    A repeat among siblings of the same parent element is content (a meal plan's
    recurring line, a refrain); a repeat elsewhere is a teaser, a pull quote or
    a second copy of the headline. Text blocks have no parent span: for them
    every repeat counts.
    """
    # The first block of each text; its parent span is only needed on a repeat.
    seen: dict[str, int] = {}
    table = BlockKind.TABLE
    for i, (b, v) in enumerate(zip(blocks, verdicts, strict=True)):
        if v.reason not in KEEP_REASONS or b.kind is table:
            continue
        text = b.text
        # ASCII text keeps its length in lower case and folding only shortens
        # it: a short ASCII block has a short key.
        if len(text) < _MIN_REPEAT_CHARS and text.isascii():
            continue
        key = _fold(text)
        if len(key) < _MIN_REPEAT_CHARS:
            continue
        first = seen.get(key)
        if first is None:
            seen[key] = i
            continue
        parent = _parent_span(b)
        if not parent or _parent_span(blocks[first]) != parent:
            verdicts[i] = Verdict(Reason.DUPLICATE, "dedupe", "repeats an earlier block")


def _parent_span(block: Block) -> str:
    """The span of the element around the block ("" for text blocks)."""
    return block.span.rsplit("/", 1)[0] if block.span.startswith("/") else ""


def _fold(text: str) -> str:
    """``" ".join(text.lower().split())``, without the split for text that is
    single-spaced already (as lines of text pages are)."""
    low = text.lower()
    return low if single_spaced(low) else " ".join(low.split())


def classify_blocks(
    blocks: Sequence[Block],
    marks: Sequence[Mark],
    region: object,
    title: str | None,
    lexicon: Lexicon,
    settings: Settings,
    mark_rule: str = "markup",
) -> list[Verdict]:
    """Verdicts for all blocks: first pass, then heading/edge/duplicate passes."""
    key = title_key(title) if title else ""
    disabled = _disabled_kinds(settings)
    if isinstance(region, Region):  # its __contains__ is Python; a range answers in C
        region = range(region.start, region.end)
    # A mark that names what the block is (not a broad area) is its verdict, as
    # in first_pass: built here, without the call (text pages mark most lines).
    verdicts = [
        Verdict(m[0], mark_rule, m[1]) if m is not None and m[0] not in _BROAD else
        first_pass(b, m, b.id in region, key, lexicon, settings,  # type: ignore[operator]
                   mark_rule, disabled)
        for b, m in zip(blocks, marks, strict=True)
    ]
    _keep_defined_terms(blocks, verdicts)
    _settle_headings(blocks, verdicts)
    _trim_edges(blocks, verdicts)
    _dedupe(blocks, verdicts)
    return verdicts

"""Choose the article region of a flattened page: the densest run of prose.

Without a DOM, the body shows itself by shape: long lines that end like
sentences, one after another. Site chrome is the opposite: runs of short lines
with no final punctuation (menus, link lists, buttons). Each block gets a score
(positive for prose, negative for menu-like lines) and the region is the
contiguous run with the largest total (a maximum-sum subarray, linear time).
A short caption or an ad label between two paragraphs costs less than the
paragraphs around it gain, so the body stays whole; a 40-item footer menu
costs more than a stray sentence beyond it gains, so the region stops.

Comment sections are prose too, so a line that opens one ("3 Comments",
"Leave a Reply") lowers the weight of everything after it: the article wins
unless the page is mostly discussion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.extract.segment_text import Line

# A line with at least this many words that ends like a sentence is prose.
PROSE_WORDS = 10
# Prose lines count one point per word up to this cap: one giant line (a
# cookie policy, a comment) should not outweigh a whole article of paragraphs.
PROSE_CAP = 80
# Lines without final punctuation are headlines, teasers or menus unless very
# long (a paragraph whose last sentence lost its full stop): from this many
# words on they count this share of their words.
UNPUNCTUATED_WORDS = 20
UNPUNCTUATED_SHARE = 0.3
# A menu item: a line this short, unpunctuated, not a numbered item.
MENU_WORDS = 4
# What a menu-like line costs; about three menu lines cancel a short paragraph.
MENU_COST = 2.0
# Other short lines (6-word unpunctuated lines, labels, prices) cost a little.
SHORT_COST = 0.5
# Short sentences ("Please." / "Yes, it works.") are weak evidence of prose.
SHORT_SENTENCE_GAIN = 1.0
# Positive evidence after a comment-section opener counts this share only.
AFTER_COMMENTS_SHARE = 0.25
# Stems that open a comment section in the supported languages, checked only
# on short lines (cheap substring tests instead of the whole lexicon).
COMMENT_STEMS = ("comment", "reply", "kommentar", "antwort", "comentario", "respuesta",
                 "comentário", "commento", "rispondi", "reactie", "reageer", "komentarz",
                 "odpowied", "responder", "réponse", "répondre")
COMMENT_HEADER_WORDS = 6


@dataclass(frozen=True, slots=True)
class TextRegion:
    """The selected article region: line indexes ``start..end`` inclusive."""

    start: int
    end: int
    score: float
    evidence: str
    # First block id after a comment-section opener (len(blocks) if none).
    comments_from: int


def line_score(line: Line) -> float:
    """Evidence that one line is article prose (> 0) or chrome (< 0)."""
    words = line.words
    if line.ends_sentence:
        if words >= PROSE_WORDS:
            return float(min(words, PROSE_CAP))
        return SHORT_SENTENCE_GAIN if words >= MENU_WORDS else -SHORT_COST
    if words >= UNPUNCTUATED_WORDS:
        return min(words, PROSE_CAP) * UNPUNCTUATED_SHARE
    if words <= MENU_WORDS and not line.ordered:
        return -MENU_COST
    return -SHORT_COST


def opens_comments(line: Line) -> bool:
    """A short line naming the comment section ("12 Comments", "Leave a Reply")."""
    if line.words > COMMENT_HEADER_WORDS or line.ends_sentence:
        return False
    low = line.text.lower()
    return any(stem in low for stem in COMMENT_STEMS)


def select_text_region(lines: Sequence[Line], scores: Sequence[float]) -> TextRegion:
    """The maximum-sum run of block scores (comments discounted)."""
    n = len(lines)
    comments_from = n
    best = cur = 0.0
    best_start = best_end = cur_start = 0
    found = seen_prose = False
    for i in range(n):
        score = scores[i]
        if comments_from == n and seen_prose and opens_comments(lines[i]):
            comments_from = i
        seen_prose = seen_prose or score >= PROSE_WORDS
        if i >= comments_from and score > 0:
            score *= AFTER_COMMENTS_SHARE
        if cur <= 0:
            cur, cur_start = score, i
        else:
            cur += score
        if cur > best:
            best, best_start, best_end, found = cur, cur_start, i, True
    if not found:
        return TextRegion(0, n - 1, 0.0, "no prose run: whole text", comments_from)
    return TextRegion(best_start, best_end, best,
                      f"densest prose run, score={best:.0f}", comments_from)


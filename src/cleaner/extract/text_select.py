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

import re
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
# Unpunctuated lines of 5-19 words are headlines of teaser lists, or headings:
# inside an article they are few and cheap to bridge, in a teaser list many.
HEADLINE_COST = 1.5
# Very short sentences and labels ("Yes.", "Photo:") cost a little.
SHORT_COST = 0.5
# Short sentences ("Please." / "Yes, it works.") are weak evidence of prose.
SHORT_SENTENCE_GAIN = 1.0
# Positive evidence after a comment-section opener counts this share only.
AFTER_COMMENTS_SHARE = 0.25
# A comment section opens with a header ("12 Comments", "Leave a Reply") or a
# commenter's line ("Jane on May 3, 2018 at 4:47 pm said:", "joe says:").
# WordPress themes title the list "One thought on “<title>”" / "3 thoughts on ...",
# "Un commento su ...", "Ein Kommentar zu ...": the count may be a word.
_COUNT_WORDS = ("one ", "un ", "una ", "uno ", "ein ", "eine ", "une ", "een ", "jeden ",
                "jedna ", "um ", "uma ")
COMMENT_COUNT = re.compile(
    r"^[\[(]?\s*(?:\d+|one|un|una|uno|ein|eine|une|een|jeden|jedna|um|uma)\s+"
    r"(?:comments?|thoughts?|responses?|replies|kommentare?|antworten|commentaires?|"
    r"réponses?|comentarios?|respuestas?|comentários?|respostas?|commenti|commento|risposte|"
    r"risposta|reacties|reactie|"
    r"komentarz[ey]?|odpowiedzi)\b"
)
COMMENT_HEADERS = frozenset({
    "comments", "leave a reply", "leave a comment", "post a comment",
    "join the discussion", "join the conversation", "reader comments", "kommentare",
    "kommentar schreiben", "schreibe einen kommentar", "commentaires", "laisser un commentaire",
    "comentarios", "deja un comentario", "deja una respuesta", "comentários",
    "deixe um comentário", "deixe uma resposta", "commenti", "lascia un commento",
    "reacties", "laat een reactie achter", "komentarze",
    "dodaj komentarz", "zostaw komentarz",
})
COMMENT_META = re.compile(
    r"\b(?:said|says|wrote|writes|sagt|schrieb|schreibt|dit|a dit|écrit|dice|dijo|escribió|"
    r"disse|diz|escreveu|ha detto|scrive|zegt|schreef|napisał|napisała|pisze)\s*:$"
)
COMMENT_META_WORDS = 16
# "joe says:" is a commenter line on its own; a longer "... said:" line needs a
# date or time in it, else it is a sentence introducing a quotation.
COMMENT_NAME_WORDS = 4
COMMENT_HEADER_WORDS = 6
# A commenter line opens the comment section only with another within this
# many lines ("he wrote:" before one quotation is prose).
COMMENT_GAP_LINES = 30
# Comments are only discounted below an article: with less prose than this
# above the opener, the page is a forum or Q&A and the posts are the content.
ARTICLE_BEFORE_COMMENTS = 80.0


# A news dateline opens the article: "TAIPEI, Taiwan (AP) — ...",
# "LEIPZIG (dpa) - ...", "ST. JOSEPH, Mich. (AP) — ...". Its paragraph weighs
# more, so a short agency story beats a sidebar of teasers.
DATELINE = re.compile(
    r"^[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]{2,40}(?:,\s*[^\W\d_][\w.' -]{1,30})?\s*"
    r"(?:\([^()]{1,40}\))?\s*[—–-]{1,2}\s+\S"
)
DATELINE_BONUS = 40.0
# Prose at another indentation than the body's counts this share in the
# second pick, when one depth holds at least INDENT_DOMINANCE of the prose.
INDENT_SHARE = 0.15
INDENT_DOMINANCE = 0.6
WEAK_PROSE_SCORE = 0.0
SCATTERED_SHARE = 0.3
SCATTERED_MAX = 250.0


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
    if line.ends_sentence and not _ends_with_count(line.text):
        if words >= PROSE_WORDS:
            bonus = DATELINE_BONUS if DATELINE.match(line.text) else 0.0
            return float(min(words, PROSE_CAP)) + bonus
        return SHORT_SENTENCE_GAIN if words >= MENU_WORDS else -SHORT_COST
    if words >= UNPUNCTUATED_WORDS:
        return min(words, PROSE_CAP) * UNPUNCTUATED_SHARE
    if words <= MENU_WORDS and not line.ordered:
        return -MENU_COST
    return -HEADLINE_COST


def line_scores(lines: Sequence[Line]) -> list[float]:
    """``[line_score(line) for line in lines]``, inlined: one call per page
    instead of one per line (the text path scores every line of the page)."""
    dateline = DATELINE.match
    return [
        ((float(min(words, PROSE_CAP)) + (DATELINE_BONUS if dateline(text) else 0.0)
          if words >= PROSE_WORDS else
          SHORT_SENTENCE_GAIN if words >= MENU_WORDS else -SHORT_COST)
         if ends and not (text[-1] == ")" and text[-2:-1].isdigit()) else
         min(words, PROSE_CAP) * UNPUNCTUATED_SHARE if words >= UNPUNCTUATED_WORDS else
         -MENU_COST if words <= MENU_WORDS and not ordered else
         -HEADLINE_COST)
        for text, words, ends, _, ordered, _, _, _, _ in lines
    ]


def _ends_with_count(text: str) -> bool:
    """"Headline (185)": a count in brackets, not the end of a sentence."""
    return text[-1] == ")" and text[-2:-1].isdigit()


def is_commenter_line(line: Line) -> bool:
    """"Jane on May 3, 2018 at 4:47 pm said:" / "joe says:" above a comment."""
    text = line.text
    if line.words > COMMENT_META_WORDS or text[-1] != ":" or not COMMENT_META.search(text.lower()):
        return False
    return line.words <= COMMENT_NAME_WORDS or any(c.isdigit() for c in text)


def opens_comments(line: Line) -> bool:
    """A line that opens a comment section (see COMMENT_COUNT / _HEADERS / _META)."""
    words = line.words
    if words > COMMENT_META_WORDS:
        return False
    text = line.text
    if text[-1] == ":" and is_commenter_line(line):
        return True
    first = text[0]
    # COMMENT_COUNT needs a bracket, a space or a digit first: most lines have none.
    low = text.lower()
    if (first in "[(" or first.isdecimal() or first.isspace() or low.startswith(_COUNT_WORDS)
            ) and COMMENT_COUNT.match(low):
        return True
    return words <= COMMENT_HEADER_WORDS and low.strip(" :.!|") in COMMENT_HEADERS


def select_text_region(lines: Sequence[Line], scores: Sequence[float],
                       comments: bool = True) -> TextRegion:
    """The maximum-sum run of line scores, refined by the body's indentation.

    When the converter kept indentation, the prose of the first pick shows the
    article's own indentation; prose at other depths (teasers, bios, comments
    in another column) then counts less and the run is chosen again.
    ``comments=False`` ignores comment-section openers (see text_structure)."""
    region = _max_run(lines, scores, comments)
    if not INDENT_SHARE or region.start >= region.end:
        return region
    depth: dict[int, float] = {}
    for i in range(region.start, region.end + 1):
        if scores[i] >= PROSE_WORDS:
            depth[lines[i].indent] = depth.get(lines[i].indent, 0.0) + scores[i]
    if len(depth) < 2:  # noqa: PLR2004 - one depth: nothing to refine
        return region
    main = max(depth, key=lambda k: depth[k])
    if depth[main] < INDENT_DOMINANCE * sum(depth.values()):
        return region
    refined = [s * INDENT_SHARE if s > 0 and line.indent != main else s
               for s, line in zip(scores, lines, strict=True)]
    return _max_run(lines, refined, comments)


def _max_run(lines: Sequence[Line], scores: Sequence[float], comments: bool = True) -> TextRegion:
    """The maximum-sum run of block scores (comments discounted)."""
    n = len(lines)
    comments_from = n
    best = cur = 0.0
    best_start = best_end = cur_start = 0
    found = False
    prose = 0.0
    for i in range(n):
        score = scores[i]
        # The word limit of opens_comments first: long lines skip the call.
        if (comments and comments_from == n and prose >= ARTICLE_BEFORE_COMMENTS
                and lines[i].words <= COMMENT_META_WORDS and opens_comments(lines[i])
                and (not is_commenter_line(lines[i]) or _another_commenter(lines, i))):
            comments_from = i
        if score > 0:
            prose += score
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
    total = sum(s for s in scores if s > 0)
    if best < WEAK_PROSE_SCORE or (best < SCATTERED_SHARE * total and best < SCATTERED_MAX):
        return TextRegion(0, n - 1, best, f"weak prose run (score={best:.0f}): whole text",
                          comments_from)
    return TextRegion(best_start, best_end, best,
                      f"densest prose run, score={best:.0f}", comments_from)



def _another_commenter(lines: Sequence[Line], i: int) -> bool:
    """A second commenter line soon after: a comment list, not a quotation."""
    return any(is_commenter_line(line) for line in lines[i + 1:i + 1 + COMMENT_GAP_LINES])

"""The HTML path's fast paths give the answers of the plain definitions.

Each fast path (word index for "contains" phrases, regex-free features and white
space folding, cursors for xpaths) is checked against the straightforward
definition it replaces, on hand-picked edge cases and on generated text.
"""

from __future__ import annotations

import random
import re

from lxml import etree

from cleaner.core.reasons import Reason
from cleaner.extract.features import count_words, measure
from cleaner.extract.html_blocks import fold
from cleaner.extract.lexicon import Lexicon, default_lexicon, normalise, with_user_phrases
from cleaner.inputs.parse import ElementPaths, parse_html

_WORD = re.compile(r"\w+")
_PUNCT = re.compile(r"[,.;:!?、。，；：！？]")
_SENTENCE_END = re.compile(r"""[.!?…:;。！？)\]"'”’»]\s*$""")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b\u2028\u2029]+")
_ALPHABET = [*"ab XY_09.,;:!?…'\")]»\n\t\r\x0b\x0c\x1c\x85\xa0é漢か한、。\u2028\u3000-",
             "word", "  "]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 30))) for _ in range(n)]


def _regex_contains(lex: Lexicon, norm: str) -> tuple[Reason, str] | None:
    """The definition: per family in order, one alternation of its phrases."""
    for reason, phrases in lex.families:
        found = re.search("|".join(map(re.escape, phrases)), norm)
        if found:
            return reason, f"contains '{found.group(0)}'"
    return None


def test_contains_index_answers_as_the_regex_alternation() -> None:
    lex = with_user_phrases(default_lexicon(), ["acme corp", "~ he", "= read this"])
    phrases = [p for _, ps in lex.families for p in ps]
    rnd = random.Random(8)
    words = ["the", "cookies", "policy", "we", "use", "on", "this", "site", "to", "accept",
             "all", "and", "more"]
    for _ in range(3000):
        parts = [rnd.choice(words) for _ in range(rnd.randint(1, 20))]
        for _ in range(rnd.randint(0, 3)):
            phrase = rnd.choice(phrases)
            # Glued to neighbouring letters: an edge word may sit inside a longer one.
            phrase = rnd.choice(["", "x"]) + phrase + rnd.choice(["", "s"])
            parts.insert(rnd.randint(0, len(parts)), phrase)
        norm = normalise(" ".join(parts))
        assert lex.contains_index.find(norm) == _regex_contains(lex, norm), norm


def test_contains_evidence_is_the_leftmost_phrase_of_the_first_family() -> None:
    lex = default_lexicon()
    hit = lex.match("By continuing you accept cookies. This website uses cookies.", 9)
    assert hit is not None and hit[0] is Reason.COOKIE_BANNER
    assert hit == _regex_contains(lex, normalise(
        "By continuing you accept cookies. This website uses cookies."))
    # A user's phrase comes first, and may sit inside a longer word.
    user = with_user_phrases(lex, ["okies"])
    assert user.match("We use cookies on this site", 6) == (Reason.USER_REMOVE,
                                                            "contains 'okies'")


def test_normalise_folds_like_the_regex() -> None:
    for text in _texts(3000, 1):
        expected = re.sub(r"\s+", " ", text.translate(str.maketrans(
            {"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})).lower())
        expected = expected.strip(" \t•·*-–—|>»›▸►→#").rstrip(" \t.:!?…-–—|•·*›»>→").strip()
        assert normalise(text) == expected, repr(text)


def test_features_equal_their_regex_definitions() -> None:
    for text in _texts(5000, 2):
        words = len(_WORD.findall(text))
        cjk = len(re.findall(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]", text))
        words = max(words + int(cjk / 1.5), len(text) // 40)
        f = measure(text, 2, 1)
        assert f.words == count_words(text) == words, repr(text)
        assert f.ends_sentence == bool(_SENTENCE_END.search(text)), repr(text)
        puncts = len(_PUNCT.findall(text))
        assert f.punct_per_word == (puncts / words if words else 0.0), repr(text)


def test_fold_equals_the_regex_fold() -> None:
    for text in _texts(5000, 3):
        lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
        assert fold(text) == "\n".join(line for line in lines if line), repr(text)


def test_element_paths_in_any_order_and_after_forgetting() -> None:
    html = "<html><body>" + "".join(
        f"<div class=post><div>u{i}</div><p>a</p><span>x</span><p>b</p></div>"
        for i in range(30)) + "<table><tr><td>c</td></tr></table></body></html>"
    root = parse_html(html)
    tree = root.getroottree()
    elements = list(root.iter())
    paths = ElementPaths(root)
    for el in elements:  # document order, forgetting each element once past it
        assert paths.path(el) == tree.getpath(el)
    for el in reversed(elements):
        paths.forget(el)
    shuffled = elements[:]
    random.Random(5).shuffle(shuffled)
    for el in shuffled:
        assert paths.path(el) == tree.getpath(el)
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            paths.forget(el)  # what the segmenter does as it leaves an element
    assert not paths.totals and not paths.cursor

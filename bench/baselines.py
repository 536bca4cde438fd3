"""Text-input baselines for bench/text_quality.py: identity, C4 line rules, jusText on lines.

Each takes the flattened page text and returns the text it keeps. The C4 rules are our
own implementation of the filters described in the C4 paper (Raffel et al., 2020,
"Exploring the Limits of Transfer Learning...", section 2.2), with the per-line word
minimum of 3 used by the published TFDS C4 code.
"""

from __future__ import annotations

import html
import re

# --- C4 "clean" heuristics --------------------------------------------------
# A line is kept only if it ends like a sentence: period, "!", "?" or a closing quote.
C4_TERMINAL = (".", "!", "?", '"', "\u201d")
# Lines shorter than this many words are dropped (TFDS c4_utils min_words_per_line).
C4_MIN_WORDS = 3
# Page-level rule of the TFDS code: a page with fewer sentences than this is dropped.
C4_MIN_SENTENCES = 5
# Lines mentioning these are policy/cookie boilerplate (the paper's list).
C4_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies",
             "use of cookies", "use cookies")
# Wikipedia-style citation markers, removed from kept lines: [1], [citation needed].
_CITATION = re.compile(r"\[\d+\]|\[citation needed\]|\[edit\]", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"\u201d')\]]*(?:\s|$)")


def identity(text: str) -> str:
    """The whole page text: the recall ceiling and precision floor."""
    return text


def _c4_line(line: str) -> str | None:
    """The line as C4 would keep it, or None when a line rule drops it."""
    line = _CITATION.sub("", " ".join(line.split()))
    lower = line.lower()
    if not line.endswith(C4_TERMINAL) or len(line.split()) < C4_MIN_WORDS:
        return None
    if "javascript" in lower or "lorem ipsum" in lower or "{" in line:
        return None
    if any(phrase in lower for phrase in C4_POLICY):
        return None
    return line


def c4_lines(text: str) -> str:
    """C4's rules applied per line; "lorem ipsum" and "{" drop the line, not the page.

    In C4 those two drop the whole page (a corpus can afford that); an extractor that
    returned nothing for every page with one curly bracket would not be a fair baseline.
    """
    kept = (_c4_line(line) for line in text.splitlines())
    return "\n".join(line for line in kept if line)


def c4_page(text: str) -> str:
    """C4 with its page-level rules too: lorem ipsum, "{", < 5 sentences -> empty page."""
    lower = text.lower()
    if "lorem ipsum" in lower or "{" in text:
        return ""
    kept = c4_lines(text)
    if len(_SENTENCE_END.findall(kept)) < C4_MIN_SENTENCES:
        return ""
    return kept


def justext_lines(text: str) -> str:
    """jusText (English stoplist, default thresholds) with each non-empty line as a <p>.

    jusText classifies HTML paragraphs; flattened text has no markup, so every line
    becomes one paragraph and the non-boilerplate ones are kept.
    """
    import justext

    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    doc = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    doc += "</body></html>"
    paragraphs = justext.justext(doc.encode("utf-8"), _stoplist(), encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


_STOPLIST: frozenset[str] | None = None


def _stoplist() -> frozenset[str]:
    global _STOPLIST
    if _STOPLIST is None:
        import justext

        _STOPLIST = frozenset(justext.get_stoplist("English"))
    return _STOPLIST


BASELINES = {
    "identity": identity,
    "c4-lines": c4_lines,
    "c4-page": c4_page,
    "justext-lines": justext_lines,
}

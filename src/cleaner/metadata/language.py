"""Language as a BCP-47 tag: what the page declares, checked against its text.

Cost: the model loads once per process on first use (~1.7 s, ~85 MB resident,
measured, plus ~0.2 s to check the automaton for :mod:`langid_walk`); after that a
page costs ~0.3 ms.

Why check: themes ship ``<html lang="en-US">`` whatever the posts are written in,
and some pages declare nothing. py3langid (a maintained, numpy-only port of
langid.py that ships its model) reads the article text; it takes ~0.3 ms for
the first 800 characters, which are enough for a stable guess on prose. Rules:
- declared and detected agree on the primary language: keep the declared tag
  (it may carry a region, "en-GB");
- they disagree, and the text is long and the detection confident: the text
  wins and the disagreement is flagged;
- nothing declared: the detection, if the text is long enough to trust;
- otherwise the declared tag, or nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from cleaner.extract.features import count_words, maybe_cjk
from cleaner.metadata.langid_walk import classify

# Enough characters for a stable guess; more only costs time.
MAX_DETECT_CHARS = 800
# Below this many words a detection is a coin toss (menus, captions).
MIN_DETECT_WORDS = 12
# Trust a detection alone (nothing declared) from this probability...
MIN_DETECT_PROB = 0.80
# ...and let it overrule a declaration only when long and near-certain.
MIN_OVERRIDE_WORDS = 60
MIN_OVERRIDE_PROB = 0.98
_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}))?(?:[-_]([a-zA-Z]{2}|\d{3}))?\b")
# py3langid's varieties of Chinese (Mandarin, Wu, Cantonese).
_CHINESE = frozenset({"zh", "wuu", "yue"})
# Codes that name the same language (macro-language vs member, old vs new).
_SAME = ({"no", "nb", "nn"}, {"id", "ms"}, {"he", "iw"}, {"hr", "sr", "bs"})


def normalise_tag(raw: str | None) -> str | None:
    """``en_us`` -> ``en-US``, ``zh-hans-cn`` -> ``zh-Hans-CN``; junk -> None."""
    if not raw:
        return None
    m = _TAG.match(raw.strip().split(",")[0].strip())
    if not m:
        return None
    lang, script, region = m.group(1).lower(), m.group(2), m.group(3)
    if lang in ("xx", "und", "zxx", "mul"):
        return None
    tag = lang
    if script:
        tag += "-" + script.title()
    if region:
        tag += "-" + region.upper()
    return tag


def same_language(a: str, b: str) -> bool:
    """Whether two tags share the primary language (with known aliases)."""
    pa, pb = a.split("-")[0].lower(), b.split("-")[0].lower()
    return pa == pb or any(pa in s and pb in s for s in _SAME)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The py3langid model, loaded once on first use (~1.5 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str | None, float]:
    """py3langid's guess for ``text`` and its probability (None for short text)."""
    if len(text.split()) < MIN_DETECT_WORDS:
        # Chinese and Japanese put no spaces between words: count them the
        # way the blocks do before calling the text short.
        head = text[:MAX_DETECT_CHARS]
        if not head or not maybe_cjk(head) or count_words(head) < MIN_DETECT_WORDS:
            return None, 0.0
    head = text[:MAX_DETECT_CHARS]
    lang, prob = classify(_identifier(), head)
    if lang in _CHINESE and prob < MIN_DETECT_PROB:
        # The model splits Chinese text between Mandarin, Wu and Cantonese
        # (0.77 / 0.23 on a plain news story): together they are one language.
        prob = sum(p for code, p in _identifier().rank(head) if code in _CHINESE)
        lang = "zh"
    return lang, prob


def choose_language(declared: list[str], text: str) -> tuple[str | None, str, str]:
    """(tag, origin, flag) from declared tags (in trust order) and the text."""
    tags = [t for t in (normalise_tag(d) for d in declared) if t]
    decl = tags[0] if tags else None
    detected, prob = detect(text)
    words = len(text.split())
    if decl and detected:
        if same_language(decl, detected):
            return decl, "meta", ""
        if words >= MIN_OVERRIDE_WORDS and prob >= MIN_OVERRIDE_PROB:
            return detected, "text", f"declared {decl}, text reads as {detected}"
        return decl, "meta", ""
    if decl:
        return decl, "meta", ""
    if detected and prob >= MIN_DETECT_PROB:
        return detected, "text", ""
    return None, "", ""

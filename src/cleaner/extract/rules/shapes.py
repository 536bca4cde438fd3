"""Chrome recognised by the shape of a short block: bylines, date lines, reading
times, copyright lines. Works the same on HTML blocks and on lines of text.
"""

from __future__ import annotations

import re

from cleaner.core.reasons import Reason

# Bylines: "By Jane Doe", "by admin", "Von Max Muster", "Par Jean Dupont",
# "Posted on March 3, 2024 by admin", "Written by ...".
# The "by" words, and the verbs and labels that may come before them; the
# first word of every byline is one of these (``_BYLINE_FIRST``).
_BY_WORDS = ("by", "von", "par", "por", "di", "da", "door", "przez", "av", "af", "tekst", "text")
_BYLINE_VERBS = (
    "posted", "published", "written", "updated", "reviewed", "edited",
    "veröffentlicht", "geschrieben", "publié", "publicado", "pubblicato", "gepubliceerd",
    "opublikowano",
    # Drupal's "Submitted by", and "posted/written by" in other languages.
    "submitted", "enviado", "escrito", "écrit", "posté", "scritto", "inviato", "geplaatst",
    "geschreven", "napisane", "napisał", "napisała", "dodane",
)
_BY = rf"(?:{'|'.join(_BY_WORDS)})"
BYLINE = re.compile(
    rf"^(?:(?:{'|'.join(_BYLINE_VERBS)}|fact[- ]checked)"
    rf"(?:\s+\S+){{0,6}}?\s+)?{_BY}\s*:?\s+(?P<name>[^\W\d_][\w.'’\-]*(?:\s+[\w.'’\-]+){{0,5}})",
    re.IGNORECASE,
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"januar|februar|märz|mai|juni|juli|oktober|dezember|"
    r"janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|"
    r"diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    r"januari|februari|maart|augustus|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|"
    r"sierpnia|września|października|listopada|grudnia|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|"
    r"يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|"
    r"نوفمبر|ديسمبر"
)
DATE_LINE = re.compile(
    rf"^(?:(?:posted|published|updated|last updated|modified|date|on|am|le|el|il|op|dnia|"
    rf"veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|"
    rf"aggiornato|gepubliceerd|bijgewerkt|opublikowano|zaktualizowano)"
    rf"(?:\s+(?:on|am|le|el|il|op|dnia))?\s*:?\s*)?"
    # "10:48, Tue, Nov 19, 2019": the time may come first.
    rf"(?:\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?,?\s+)?"
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}"
    # Chinese, Japanese and Korean dates ("2018年1月24日", "2018년 1월 24일") and
    # the year-first dotted or slashed dates of East Asian sites ("2018.01.24").
    rf"|\d{{4}}\s*[年년]\s*\d{{1,2}}\s*[月월]\s*\d{{1,2}}\s*[日일]?(?:\s*[(（][^)）]{{1,4}}[)）])?"
    rf"|\d{{4}}[./]\d{{1,2}}[./]\d{{1,2}})"
    rf"(?:[,\s]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?"
    rf"|\s*\d{{1,2}}\s*[時시]\s*\d{{1,2}}\s*[分분])?\s*$",
    re.IGNORECASE,
)
READING_TIME = re.compile(
    r"^\d+\s*(?:-|\s)?(?:min(?:ute)?s?|minuten|minutes|minutos|minuti|minut)\.?\s*"
    r"(?:read|lesezeit|de lecture|de lectura|di lettura|leestijd|czytania)?\s*$|"
    r"^(?:reading time|lesezeit|temps de lecture)\s*:?\s*\d+",
    re.IGNORECASE,
)
RELATIVE_TIME = re.compile(
    r"^(?:updated\s+|posted\s+)?\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?|years?)\s+ago\s*$",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(
    r"(?:^|\s)(?:©|\(c\)|copyright)\s*(?:\d{4}|[A-Z])|all rights reserved|"
    r"alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|"
    r"tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|"
    r"wszelkie prawa zastrzeżone",
    re.IGNORECASE,
)
# Every COPYRIGHT match holds one of these (lower case): tested first with plain
# substring searches, because the case-blind regex tried at every position of
# every short line was the text path's most expensive single rule.
_COPYRIGHT_KEYS = ("©", "(c)", "copyright", "rights", "rechte", "droits", "derechos",
                   "diritti", "direitos", "prawa")
_DIGIT = re.compile(r"\d")


def has_copyright(text: str) -> bool:
    """``COPYRIGHT.search(text)``, answered without the regex for most text."""
    low = text.lower()
    for key in _COPYRIGHT_KEYS:
        if key in low:
            return COPYRIGHT.search(text) is not None
    # Characters that the case-blind regex folds onto an ASCII letter of the keys
    # but str.lower() does not (dotted and dotless i, long s) skip the gate.
    if text.isascii() or not ("\u0130" in text or "\u0131" in text or "\u017f" in text):
        return False
    return COPYRIGHT.search(text) is not None


# Photo credits standing alone: "Photo: Jane Doe/Reuters", "Image credit: Getty Images",
# "(AP Photo/John Smith)", "Foto: dpa". Only short blocks, and only when the line is
# nothing but the credit, so a caption that describes the picture is kept.
MEDIA_CREDIT = re.compile(
    r"^\(?\s*(?:(?:photo|image|picture|video|illustration|graphic|photograph|foto|bild|"
    r"imagen|immagine|afbeelding|zdjęcie)s?(?:\s+(?:credits?|courtesy(?:\s+of)?|by|source))?"
    r"\s*[:©]|(?:photo|image)s?\s+by\s|credit\s*:|source\s*:\s*(?:getty|shutterstock|"
    r"reuters|ap\b|afp|epa)|\(?(?:ap|afp|epa|reuters)\s+photo\b)",
    re.IGNORECASE,
)
MEDIA_CREDIT_MAX_WORDS = 8
# Bylines and date lines are short: a sentence that starts "By the end of..." is
# prose. Names after "by" must look like names (capitalised words, or one word).
BYLINE_MAX_WORDS = 14
COPYRIGHT_MAX_WORDS = 40
_PROSE_AFTER_BY = re.compile(
    r"^(?:the|a|an|this|that|these|those|far|then|now|way|contrast|comparison|default|"
    r"design|chance|accident|law|hand|car|train|plane|bus|email|phone|mail|nature|"
    r"definition|all|both|its|their|his|her|our|my|your)\b",
    re.IGNORECASE,
)


# The first word of every BYLINE match (its labels and "by" words), lower case.
_BYLINE_FIRST = frozenset(_BY_WORDS + _BYLINE_VERBS + ("fact-checked", "fact"))

def byline_name(text: str, words: int) -> str | None:
    """The author named by a byline-shaped block, or None if it is not one."""
    if words > BYLINE_MAX_WORDS:
        return None
    text = text.strip()
    # Most short blocks start with another word: a set look-up rules them out
    # before the regex. (A ":" may follow "by"; dotted/dotless i and long s,
    # which the case-blind regex folds but lower() does not, skip the gate.)
    first = text.split(None, 1)[0].lower().rstrip(":") if text else ""
    if first not in _BYLINE_FIRST and (
            text.isascii() or not ("\u0130" in text or "\u0131" in text or "\u017f" in text)):
        return None
    match = BYLINE.match(text)
    if not match:
        return None
    name = match.group("name").strip(" .,|-–—")
    if _PROSE_AFTER_BY.match(name):
        return None
    # Cut at separators that usually follow the name: "| March 3", " - Reuters".
    name = re.split(r"\s+(?:\||-|–|—|•|·|on|am|le|el|il|op|and updated)\s+|,\s*\d|\s+\d", name)[0]
    return name.strip(" .,") or None


def shape_reason(text: str, words: int) -> tuple[Reason, str] | None:
    """The chrome family a short block's shape reveals, with evidence."""
    stripped = text.strip()
    if words <= BYLINE_MAX_WORDS:
        if byline_name(stripped, words):
            return Reason.BYLINE, "byline 'by <name>'"
        # Date lines and reading times all hold a digit; most short lines do not.
        if _DIGIT.search(stripped) is not None:
            # "Published: ... | Updated: ...": every part a date line.
            if DATE_LINE.match(stripped) or ("|" in stripped and all(
                    DATE_LINE.match(part.strip()) for part in stripped.split("|"))):
                return Reason.BYLINE, "date line"
            if READING_TIME.match(stripped) or RELATIVE_TIME.match(stripped):
                return Reason.BYLINE, "reading time / relative date"
    if words <= MEDIA_CREDIT_MAX_WORDS and MEDIA_CREDIT.match(stripped):
        return Reason.MEDIA_CREDIT, "photo / image credit"
    if words <= COPYRIGHT_MAX_WORDS and has_copyright(stripped):
        return Reason.COPYRIGHT, "copyright notice"
    return None


# MediaWiki's section edit link, in the wiki's language, glued to every heading
# of pages from MediaWiki before 1.43 and of its forks: "History[edit]",
# "Geschichte[Bearbeiten | Quelltext bearbeiten]".
_EDIT_LINK = re.compile(
    r"\s*\[\s*(?:edit|edit source|bearbeiten|quelltext bearbeiten|modifier|modifier le code|"
    r"editar|editar código-fonte|editar código|modifica|modifica wikitesto|bewerken|"
    r"brontekst bewerken|edytuj|edytuj kod|править|править код|編集|编辑|編輯|원본 편집|편집)"
    r"(?:\s*\|\s*[^\[\]]{1,30})?\s*\]$",
    re.IGNORECASE,
)
# A heading is short: a longer block ending in "[edit]" is prose quoting one.
EDIT_LINK_MAX_WORDS = 16


def without_edit_link(text: str, words: int) -> str:
    """``text`` without a trailing MediaWiki "[edit]" link (short blocks only)."""
    if not text.endswith("]") or words > EDIT_LINK_MAX_WORDS:
        return text
    return _EDIT_LINK.sub("", text) or text

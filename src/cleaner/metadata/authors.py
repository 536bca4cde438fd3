"""Author names: cleaning, splitting, and telling people from roles and sites.

A made-up author is worse than none, so this module is strict: a value that is
a URL, a handle, a sentence, or a role ("admin", "Editorial Team") is either
refused or marked weak; the resolver only returns a weak name when nothing
better exists, and flags it.
"""

from __future__ import annotations

import re

# More words than this is a phrase or a sentence, not a person's name.
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 60
# A byline lists at most a handful of people; more is a credits block or a list.
MAX_AUTHORS = 6

_PREFIX = re.compile(
    r"^(?:(?:posted|written|published|authored|reported|reviewed|edited|submitted|"
    r"fact[- ]checked|medically reviewed|words|story|text|article|enviado|escrito|publicado|"
    r"écrit|publié|posté|scritto|pubblicato|inviato|geplaatst|geschreven|geschrieben|"
    r"napisane|napisał|napisała|dodane)\s+)?"
    r"(?:by|von|par|por|di|door|przez|av|af)(?:\s*:\s*|\s+)|^(?:authors?|autor(?:in)?|auteur|"
    r"autore|writer|written by|byline)\s*:\s*",
    re.IGNORECASE,
)
# Where the name ends: "Jane Doe | March 3", "Jane Doe - Reuters", "Jane Doe on ...",
# "jdoe » Sat Jun 13" (forum post headers).
_CUT = re.compile(
    r"\s+(?:\||•|·|—|–|-|/|»|«|›)\s+|\s+(?:on|am|le|el|il|op|updated|published|posted|"
    r"last updated|last|in)(?:\s+|$)|\s*\(|\s+\d|,\s*\d|\s+@",
    re.IGNORECASE,
)
# Conjunctions between names. The one-letter ones ("y", "e", "i") count only in
# lower case and not before a period: "Sarah E. Needleman", "Jean I Smith" hold
# middle initials, not two people.
_SPLIT = re.compile(
    r"\s*(?:;|&|\b(?:[Aa]nd|AND|und|et|en|oraz)\b|\b[yei]\b(?!\.))\s*"
)
# Post-nominal letters that follow a comma and are not separate people.
_CREDENTIAL = re.compile(
    r"^(?:[A-Z]{2,6}|Ph\.?\s?D\.?|M\.?D\.?|Jr\.?|Sr\.?|I{2,3}|IV|[A-Z][a-z]?\.?[A-Z]\.?|"
    r"MSc|BSc|MBA|CFA|CPA|RDN|LDN|DrPH|FAAN?D?|MPH|PharmD|DVM|Esq\.?)$"
)
_ROLES = frozenset({
    "admin", "administrator", "adm", "root", "webmaster", "editor", "editors", "staff",
    "team", "user", "guest", "author", "contributor", "contributors", "moderator",
    "newsroom", "news desk", "desk", "redaktion", "rédaction", "redacción", "redazione",
    "redactie", "redakcja", "anonymous", "unknown", "owner", "support", "marketing",
    "content team", "editorial", "editorial team", "editorial staff", "staff writer",
    "staff reporter", "site admin", "web admin", "wpadmin", "wp admin", "default",
})
_ROLE_WORDS = frozenset({"team", "staff", "editors", "editorial", "desk", "newsroom",
                         "admin", "redaktion", "crew"})
_LABELS = frozenset({"by", "von", "par", "por", "door", "written by", "posted by", "author",
                     "authors", "words by", "reviewed by", "edited by"})
_NOT_NAMES = frozenset({
    "undefined", "null", "none", "name", "n/a", "na", "human", "author name", "your name",
    "unknown author", "by", "posted", "admin admin", "true", "false", "nan",
})
_CALENDAR = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|"
    r"wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|today|yesterday)\b",
    re.IGNORECASE,
)
# Lower-case words allowed inside a personal name ("Ludwig van Beethoven").
_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "del",
                        "dos", "das", "bin", "al", "el", "y", "ten", "ter", "zu", "of"})
_JUNK = re.compile(
    r"https?:|www\.|\.com\b|@\S|\b(?:share|facebook|twitter|linkedin|instagram|comments?|"
    r"read more|follow|subscribe|view all|posts? by|more from|click|login|sign in)\b",
    re.IGNORECASE,
)


def clean_name(raw: str) -> str | None:
    """One name from a byline fragment, or None if it does not look like one."""
    # A byline block may span lines ("By\nJane Doe\nUpdated May 3"): the name
    # is on the first line that holds more than a "By" label.
    lines = [ln.strip() for ln in raw.strip().splitlines() if ln.strip(" :")]
    first = next((ln for ln in lines if ln.lower().strip(" :") not in _LABELS), "")
    text = " ".join(first.split()).strip(" .,:;|-–—•·")
    for _ in range(2):
        text = _PREFIX.sub("", text).strip()
    text = _CUT.split(text, maxsplit=1)[0].strip(" .,:;|-–—•·\"'")
    if not text or len(text) > MAX_NAME_CHARS or _JUNK.search(text):
        return None
    words = text.split()
    if len(words) > MAX_NAME_WORDS or not any(c.isalpha() for c in text):
        return None
    if any(c.isdigit() for c in text) and (" " in text or sum(c.isalpha() for c in text) < 3):  # noqa: PLR2004
        return None  # digits belong in handles ("lulug30"), not in "Jane Doe 2024"
    if text.lower() in _NOT_NAMES or _is_calendar(text):
        return None
    if text.isupper() and len(text) > 3 and " " in text:  # noqa: PLR2004
        text = text.title()  # "JANE DOE" -> "Jane Doe"
    return text


def _is_calendar(text: str) -> bool:
    """A day or month word alone or with numbers ("March", "Mon 3"), not "June Carter"."""
    found = _CALENDAR.match(text)
    if not found:
        return False
    rest = text[found.end():].strip(" .,")
    return not rest or not any(c.isalpha() for c in rest) or bool(_CALENDAR.match(rest))


def looks_personal(name: str) -> bool:
    """Capitalised words (with particles): "Jane Doe", "Ludwig van Beethoven".

    Used for names read from visible text, where "by" may start any phrase
    ("by design", "by the way"); a single lower-case word is a handle ("admin",
    "jdoe") and is accepted.
    """
    words = name.split()
    if len(words) == 1:
        return True
    return all(w[0].isupper() or not w[0].isalpha() or w.lower() in _PARTICLES
               for w in words) and words[0][0].isupper()


def split_names(raw: str) -> list[str]:
    """Names from a byline that may list several people ("A, B and C")."""
    text = _PREFIX.sub("", " ".join(raw.split()).strip())
    inverted = _INVERTED.match(text)
    if inverted and not _CREDENTIAL.match(inverted.group(2)):
        # "Okafor, Chiamaka" (citation style) is one person.
        text = f"{inverted.group(2)} {inverted.group(1)}"
    names: list[str] = []
    for chunk in _SPLIT.split(text):
        parts = [p.strip() for p in chunk.split(",")]
        for part in parts:
            if not part:
                continue
            if _CREDENTIAL.match(part) and names:
                continue  # "Jane Doe, PhD": the credential belongs to the name before
            name = clean_name(part)
            if name and name not in names:
                names.append(name)
    return names[:MAX_AUTHORS]


# "Surname, Given" as citation_author and Dublin Core write names.
_INVERTED = re.compile(r"^([A-Z][\w'’-]+),\s*([A-Z][\w'’.-]+(?:\s+[A-Z]\.?)?)$")


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def role_like(name: str) -> bool:
    """"admin", "Editorial Team", "Staff": a role, not a person."""
    low = name.lower().strip()
    if low in _ROLES:
        return True
    words = low.split()
    return bool(words) and words[-1] in _ROLE_WORDS


def site_like(name: str, site_name: str | None, hostname: str | None) -> bool:
    """The name is the site or the publisher ("The Verge", "example.com")."""
    key = _key(name)
    if not key:
        return True
    if site_name:
        site = _key(site_name)
        if site and (key == site or (len(key) > 3 and key in site) or site in key):  # noqa: PLR2004
            return True
    if hostname:
        labels = [_key(p) for p in hostname.lower().removeprefix("www.").split(".")]
        if any(label and (label == key or (len(label) > 4 and label in key))  # noqa: PLR2004
               for label in labels[:-1]):
            return True
    return False

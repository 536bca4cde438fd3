"""Recognise site chrome from markup: tags, ARIA roles, class and id names.

Class/id names are split into tokens at white space; ``_`` counts as ``-``. A
family word matches a token exactly or with one extra ``-`` segment before
and/or after it (``post-comments``, ``share-bar``, ``article__share``), so
``comments-area`` matches ``comments`` while ``commentary`` does not. Longer
compounds such as ``elementor-widget-text-editor`` do not match: there the word
is a library's namespace, not the role. Word syntax in the tables below:
``word`` (with affixes), ``=word`` (the whole token only), ``word*`` (any token
core starting with the word: ``cookie*`` matches ``cookiebanner``, ``cookie-bar``).

Lookups are per token through small dictionaries and a memo of pure functions:
class strings repeat thousands of times in a page, so this replaced ~20 regex
searches per element (the hottest spot of segmentation in the profile).
Patterns are families that many sites and CMSs share (WordPress, Drupal, news
CMSs, consent platforms), never single sites.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner.core.reasons import Reason

# Order matters: when tokens of one element match several families, the
# earliest family names the reason.
FAMILIES: tuple[tuple[Reason, tuple[str, ...]], ...] = (
    (Reason.HIDDEN, (
        "=sr", "=sr-only", "=screen-reader-text", "=screen-reader", "=visually-hidden",
        "=visuallyhidden", "=hidden", "=d-none", "=is-hidden", "=invisible", "=hide",
        "=modal", "=popup", "=overlay", "=lightbox", "=offcanvas", "=off-canvas",
    )),
    (Reason.COOKIE_BANNER, (
        # Not "cmp": Adobe Experience Manager's core components are all "cmp-*".
        "cookie*", "consent*", "gdpr", "onetrust*", "ot-sdk*", "didomi*", "usercentrics*",
        "cookiebot", "cybot*", "truste", "trustarc", "qc-cmp", "qc-cmp2", "osano", "iubenda",
        "cookielaw", "termly", "cc-window", "cc-banner", "sp-message", "fc-consent",
        "privacy-banner", "eu-cookie", "cky", "cmplz", "=cmpbox",
    )),
    (Reason.SKIP_LINK, ("skip-link", "skip-to-content", "skiplink", "skip-links")),
    (Reason.BREADCRUMB, ("breadcrumb", "breadcrumbs", "crumb", "crumbs", "breadcrumb-trail")),
    (Reason.COMMENT_FORM, (
        "respond", "comment-respond", "comment-form", "commentform", "reply-form",
        "comment-reply", "leave-reply",
    )),
    (Reason.COMMENTS, (
        "comment", "comments", "comment-list", "commentlist", "comments-area", "disqus*",
        "discussion-comments", "reader-comments", "fb-comments", "coral*", "talk-stream",
        "user-comments", "comment-section", "comment-thread",
    )),
    (Reason.SHARE_BAR, (
        "share*", "sharing", "social", "social-links", "social-icons", "social-media",
        "social-share", "social-buttons", "sharedaddy", "addtoany", "a2a*", "shareaholic",
        "sociable", "follow-us", "jp-relatedposts",
    )),
    (Reason.RELATED_LINKS, (
        "related", "related-posts", "related-articles", "related-stories", "related-content",
        "related-links", "related-news", "relatedposts", "recommended", "recommendation",
        "recommendations", "more-stories", "more-articles", "read-next", "read-more-links",
        "also-read", "you-may-like", "trending", "popular", "most-popular", "most-read",
        "mostread", "outbrain", "taboola", "ob-widget", "recirc*", "more-from", "up-next",
        "next-up", "see-also", "crp-related", "yarpp*", "latest-news", "latest-posts",
        "recent-posts", "further-reading",
    )),
    (Reason.NEWSLETTER, (
        "newsletter*", "subscribe", "subscription", "signup", "sign-up", "mailchimp", "mc4wp",
        "optin", "opt-in", "email-signup", "email-capture", "paywall", "regwall",
        "inline-signup",
    )),
    (Reason.ADS, (
        "ad", "ads", "adv", "advert*", "ad-slot", "ad-container", "adslot", "ad-wrapper",
        "adunit", "ad-unit", "dfp", "gpt-ad", "adsbygoogle", "sponsor", "sponsored",
        "promo", "promoted", "native-ad", "banner-ad", "google-ad", "teads",
    )),
    (Reason.AUTHOR_BOX, (
        "author-bio", "about-author", "about-the-author", "author-box", "authorbox",
        "author-info", "author-card", "author-details", "post-author-bio", "bio-box",
        # A forum poster's signature under each post: phpBB, vBulletin,
        # XenForo, SMF.
        "=signature", "=signaturecontainer",
        "=message-signature", "=post-signature",
    )),
    (Reason.TAG_LIST, (
        "tags", "tag-list", "taglist", "post-tags", "tagcloud", "tag-cloud", "tags-links",
        "cat-links", "categories", "post-categories", "entry-tags", "article-tags", "topics",
        "keywords", "=catlinks",
    )),
    (Reason.BYLINE, (
        "byline", "bylines", "post-meta", "entry-meta", "article-meta", "meta-info",
        "posted-on", "post-date", "entry-date", "publish-date", "published-date", "dateline",
        "article-date", "post-info", "entry-byline", "author-meta", "article-byline",
        "story-meta", "timestamp",
    )),
    (Reason.TABLE_OF_CONTENTS, (
        "toc", "table-of-contents", "ez-toc*", "toc-container", "lwptoc",
    )),
    (Reason.PAGINATION, (
        "pagination", "pager", "nav-links", "post-navigation", "post-nav", "prev-next",
        "next-prev", "nav-previous", "nav-next", "paging",
    )),
    (Reason.NAV, (
        "nav", "navbar", "navigation", "menu", "menus", "menubar", "mega-menu", "megamenu",
        "main-menu", "site-nav", "site-navigation", "primary-menu", "sub-menu", "submenu",
        "dropdown-menu", "topbar", "top-bar", "utility-bar", "header-nav", "footer-nav",
        "footer-links", "quicklinks", "quick-links",
    )),
    (Reason.SIDEBAR, (
        # "widget" alone: page builders (Elementor, HubSpot) wrap *everything* in
        # "*-widget-*" classes, so only the bare WordPress token counts.
        "sidebar", "side-bar", "widget-area", "=widget", "=widgets", "rail", "right-rail",
        "left-rail",
    )),
    (Reason.HEADER, (
        "site-header", "masthead", "site-branding", "global-header", "page-header-nav",
        "header-top", "top-header", "header-bar",
        # MediaWiki's "From <wiki name>" line and site-wide notice above every page.
        "=sitesub", "=sitenotice",
    )),
    (Reason.FOOTER, (
        "footer", "site-footer", "page-footer", "global-footer", "colophon", "bottom-bar",
        "copyright",
    )),
)

# Classes whose presence marks a container as article content; they veto a
# chrome match on the same element ("entry-content post-share" is content).
CONTENT_WORDS: tuple[str, ...] = (
    "entry-content", "post-content", "article-content", "article-body", "articlebody",
    "story-body", "post-body", "entry-body", "story-content", "main-content", "content-body",
    "body-text", "post-entry", "single-content", "page-content", "td-post-content",
    "article-text", "rich-text", "prose", "markdown-body", "post-text",
)

ROLE_REASONS: dict[str, Reason] = {
    "navigation": Reason.NAV,
    "banner": Reason.HEADER,
    "contentinfo": Reason.FOOTER,
    "complementary": Reason.SIDEBAR,
    "search": Reason.NAV,
    "menu": Reason.NAV,
    "menubar": Reason.NAV,
    "dialog": Reason.HIDDEN,
    "alertdialog": Reason.HIDDEN,
}

# Tags that are chrome wherever they stand (header/footer/aside are decided
# by context in the segmenter: inside an article they are the article's own).
TAG_REASONS: dict[str, Reason] = {
    "nav": Reason.NAV,
    "menu": Reason.NAV,
}

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Layout switches ("no-sidebar", "has-comments", "with-share") name a feature
# of the page, not the element's role.
_NEGATED = ("no-", "has-", "with-", "without-", "show-", "enable-", "disable-")
_DASHES = re.compile(r"[-_]+")

Match = tuple[int, Reason]


def _compile() -> tuple[dict[str, Match], dict[str, Match], list[tuple[str, Match]]]:
    affixed: dict[str, Match] = {}
    exact: dict[str, Match] = {}
    stems: list[tuple[str, Match]] = []
    for order, (reason, words) in enumerate(FAMILIES):
        for word in words:
            entry = (order, reason)
            if word.startswith("="):
                exact.setdefault(word[1:], entry)
            elif word.endswith("*"):
                stems.append((word[:-1], entry))
            else:
                affixed.setdefault(word, entry)
    return affixed, exact, stems


_AFFIXED, _EXACT, _STEMS = _compile()
_CONTENT = frozenset(CONTENT_WORDS)


def _norm(token: str) -> str:
    if "-" not in token and "_" not in token:
        return token  # the usual token, and every unique id ("p12345"): no regex
    return _DASHES.sub("-", token).strip("-")


def _cores(token: str) -> tuple[str, ...]:
    """The token and its cores without one leading and/or one trailing segment."""
    parts = token.split("-")
    n = len(parts)
    if n == 1:
        return (token,)
    cores = [token, "-".join(parts[1:]), "-".join(parts[:-1])]
    if n > 2:  # noqa: PLR2004 - both affixes need at least three segments
        cores.append("-".join(parts[1:-1]))
    return tuple(cores)


_STEM_ENTRY = dict(_STEMS)
_STEM_RE = re.compile("|".join(sorted((re.escape(stem) for stem, _ in _STEMS), key=len,
                                      reverse=True)))


_EMBED_SEGMENTS = frozenset({"embed", "embedded", "embeds"})


@lru_cache(maxsize=16384)
def token_family(token: str) -> Match | None:
    """The earliest family one class/id token belongs to (memoised: pure)."""
    token = _norm(token)
    if not token or _EMBED_SEGMENTS.intersection(token.split("-")):
        # "social-media-embed", "embed-social": a post embedded in the story
        # (quoted tweets), not a share bar; the embed names what it is.
        return None
    best = _EXACT.get(token)
    for core in _cores(token):
        hit = _AFFIXED.get(core)
        if hit is not None and (best is None or hit[0] < best[0]):
            best = hit
        stem = _STEM_RE.match(core)
        if stem is not None:
            hit = _STEM_ENTRY[stem.group(0)]
            if best is None or hit[0] < best[0]:
                best = hit
    return best


@lru_cache(maxsize=16384)
def is_content_token(token: str) -> bool:
    """True for class tokens that declare article content (``entry-content``)."""
    return any(core in _CONTENT for core in _cores(_norm(token)))


# Runs of 3+ digits ("post-48213", "p12345") make every element's class/id string
# unique, so the memo below never hits on a page of 100,000 posts. No family or
# content word holds such a run ("qc-cmp2", "a2a", "mc4wp" hold one digit), so
# writing every such run as "000" changes no answer: the memo is keyed on that.
_LONG_DIGITS = re.compile(r"\d{3,}")


def attrs_key(attrs: str) -> str:
    """The memo key of a "class id" string (see _LONG_DIGITS)."""
    return _LONG_DIGITS.sub("000", attrs)


def class_reason(attrs: str, key: str | None = None) -> tuple[Reason, str] | None:
    """The chrome family a lower-cased "class id" string declares, with the token
    (``key``: :func:`attrs_key` of it, when the caller has it already)."""
    found = _class_family(attrs_key(attrs) if key is None else key)
    if found is None:
        return None
    reason, index = found
    return reason, f"class/id '{attrs.split()[index].strip(' _-')}'"


@lru_cache(maxsize=16384)
def _class_family(attrs: str) -> tuple[Reason, int] | None:
    """class_reason's decision: the family and the position of its token (memoised)."""
    best: tuple[int, Reason, int] | None = None
    for index, token in enumerate(attrs.split()):
        if token.startswith(_NEGATED) or token.replace("_", "-").startswith(_NEGATED):
            continue
        if is_content_token(token):
            return None
        hit = token_family(token)
        if hit is not None and (best is None or hit[0] < best[0]):
            best = (hit[0], hit[1], index)
    if best is None:
        return None
    return best[1], best[2]


def content_class(attrs: str, key: str | None = None) -> bool:
    """True when a lower-cased "class id" string declares article content
    (``key``: :func:`attrs_key` of it, when the caller has it already)."""
    return _content_class(attrs_key(attrs) if key is None else key)


@lru_cache(maxsize=16384)
def _content_class(attrs: str) -> bool:
    return any(is_content_token(t) for t in attrs.split())


def chrome_reason(tag: str, attrs: str, role: str | None, style: str | None,
                  hidden: bool, key: str | None = None) -> tuple[Reason, str] | None:
    """The chrome family an element's own markup declares, with the evidence.

    A hidden tab panel (``role=tabpanel``) is not hidden chrome: it is the
    article's content behind a tab the reader clicks (the same code in another
    language, the next section of a spec sheet).
    """
    if (hidden or (style and _HIDDEN_STYLE.search(style))) and role != "tabpanel":
        return (Reason.HIDDEN, "hidden attribute") if hidden else (
            Reason.HIDDEN, "style display:none")
    if attrs:
        found = class_reason(attrs, key)
        if found is not None:
            return found
    if role:
        reason = ROLE_REASONS.get(role.strip().lower())
        if reason is not None:
            return reason, f"role={role}"
    tag_reason = TAG_REASONS.get(tag)
    if tag_reason is not None:
        return tag_reason, f"<{tag}>"
    return None

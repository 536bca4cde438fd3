"""Recognise site chrome from markup: tags, ARIA roles, class and id names.

Class/id names are matched as whole tokens where ``-`` and ``_`` also separate
words, so ``comments-area`` and ``post_comments`` match ``comments`` while
``commentary`` does not. Patterns are families that many sites and CMSs share
(WordPress, Drupal, news CMSs, consent platforms), never single sites.
"""

from __future__ import annotations

import re

from cleaner.core.reasons import Reason


def _tokens(*words: str, affix: bool = True) -> re.Pattern[str]:
    """Match a class token that is one of ``words``, optionally with one extra
    ``-``/``_`` segment before and one after (``post-comments``, ``share-bar``,
    ``article__share``). Longer compounds such as ``elementor-widget-text-editor``
    do not match: there the word is a library's namespace, not the role."""
    alternatives = "|".join(words)
    if not affix:
        return re.compile(rf"(?:^|\s)(?:{alternatives})(?=$|\s)")
    seg = r"[a-z0-9]+[-_]+"
    return re.compile(rf"(?:^|\s)(?:{seg})?(?:{alternatives})(?:[-_]+[a-z0-9]+)?(?=$|\s)")


# Order matters: the first family that matches names the reason.
CLASS_PATTERNS: tuple[tuple[Reason, re.Pattern[str]], ...] = (
    (
        Reason.HIDDEN,
        _tokens(
            "sr", "sr-only", "screen-reader-text", "screen-reader", "visually-hidden",
            "visuallyhidden", "hidden", "d-none", "is-hidden", "invisible", "hide",
            "modal", "popup", "overlay", "lightbox", "offcanvas", "off-canvas",
            affix=False,
        ),
    ),
    (
        Reason.COOKIE_BANNER,
        _tokens(
            "cookie[a-z]*", "cookies", "consent[a-z]*", "gdpr", "cmp", "onetrust", "ot-sdk",
            "didomi", "usercentrics", "cookiebot", "cybot[a-z]*", "truste", "trustarc",
            "qc-cmp2?", "osano", "iubenda", "cookielaw", "termly", "cc-window", "cc-banner",
            "sp_message", "fc-consent", "privacy-banner", "eu-cookie", "cky", "cmplz",
        ),
    ),
    (Reason.SKIP_LINK, _tokens("skip-link", "skip-to-content", "skiplink", "skip-links")),
    (Reason.BREADCRUMB, _tokens("breadcrumbs?", "crumbs?", "breadcrumb-trail")),
    (
        Reason.COMMENT_FORM,
        _tokens("respond", "comment-respond", "comment-form", "commentform", "reply-form",
                "comment-reply", "leave-reply"),
    ),
    (
        Reason.COMMENTS,
        _tokens("comments?", "comment-list", "commentlist", "comments-area", "disqus[a-z_]*",
                "discussion-comments", "reader-comments", "fb-comments", "coral[a-z-]*",
                "talk-stream", "user-comments", "comment-section", "comment-thread"),
    ),
    (
        Reason.SHARE_BAR,
        _tokens("share", "shares", "sharing", "share[a-z]*", "social", "social-[a-z]+",
                "sharedaddy", "addtoany", "a2a[a-z_]*", "shareaholic", "sociable",
                "share-buttons", "share-bar", "follow-us", "social-icons", "jp-relatedposts"),
    ),
    (
        Reason.RELATED_LINKS,
        _tokens("related", "related-[a-z]+", "relatedposts", "recommended", "recommendations?",
                "more-stories", "more-articles", "read-next", "read-more-links", "also-read",
                "you-may-like", "trending", "popular", "most-popular", "most-read",
                "mostread", "outbrain", "taboola", "ob-widget", "recirc[a-z]*",
                "more-from", "up-next", "next-up", "see-also", "crp_related", "yarpp[a-z-]*",
                "latest-news", "latest-posts", "recent-posts", "further-reading"),
    ),
    (
        Reason.NEWSLETTER,
        _tokens("newsletter[a-z]*", "subscribe", "subscription", "signup", "sign-up",
                "mailchimp", "mc4wp", "optin", "opt-in", "email-signup", "email-capture",
                "paywall", "regwall", "inline-signup"),
    ),
    (
        Reason.ADS,
        _tokens("ad", "ads", "adv", "advert[a-z]*", "ad-slot", "ad-container", "adslot",
                "ad-wrapper", "adunit", "ad-unit", "dfp", "gpt-ad", "adsbygoogle", "sponsor",
                "sponsored", "sponsor-[a-z]+", "promo", "promoted", "native-ad", "banner-ad",
                "google-ad", "teads"),
    ),
    (
        Reason.AUTHOR_BOX,
        _tokens("author-bio", "about-author", "about-the-author", "author-box", "authorbox",
                "author-info", "author-card", "author-details", "post-author-bio", "bio-box"),
    ),
    (
        Reason.TAG_LIST,
        _tokens("tags", "tag-list", "taglist", "post-tags", "tagcloud", "tag-cloud",
                "tags-links", "cat-links", "categories", "post-categories", "entry-tags",
                "article-tags", "topics", "keywords"),
    ),
    (
        Reason.BYLINE,
        _tokens("byline", "bylines", "post-meta", "entry-meta", "article-meta", "meta-info",
                "posted-on", "post-date", "entry-date", "publish-date", "published-date",
                "dateline", "article-date", "post-info", "entry-byline", "author-meta",
                "article-byline", "story-meta", "timestamp"),
    ),
    (
        Reason.TABLE_OF_CONTENTS,
        _tokens("toc", "table-of-contents", "ez-toc[a-z-]*", "toc-container", "lwptoc"),
    ),
    (
        Reason.PAGINATION,
        _tokens("pagination", "pager", "nav-links", "post-navigation", "post-nav",
                "prev-next", "next-prev", "nav-previous", "nav-next", "paging"),
    ),
    (
        Reason.NAV,
        _tokens("nav", "navbar", "navigation", "menu", "menus", "menubar", "mega-menu",
                "megamenu", "main-menu", "site-nav", "site-navigation", "primary-menu",
                "sub-menu", "submenu", "dropdown-menu", "topbar", "top-bar", "utility-bar",
                "header-nav", "footer-nav", "footer-links", "quicklinks", "quick-links"),
    ),
    (Reason.SIDEBAR, _tokens("sidebar", "side-bar", "widget-area", "widgets?", "rail",
                             "right-rail", "left-rail")),
    (
        Reason.HEADER,
        _tokens("site-header", "masthead", "site-branding", "global-header", "page-header-nav",
                "header-top", "top-header", "header-bar"),
    ),
    (
        Reason.FOOTER,
        _tokens("footer", "site-footer", "page-footer", "global-footer", "colophon",
                "footer-[a-z]+", "bottom-bar", "copyright"),
    ),
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
# Classes whose presence marks a container as article content; they veto a
# chrome match on the same element ("entry-content post-share" is content).
CONTENT_CLASS = _tokens(
    "entry-content", "post-content", "article-content", "article-body", "articlebody",
    "story-body", "post-body", "entry-body", "story-content", "main-content", "content-body",
    "article__body", "body-text", "post-entry", "single-content", "page-content",
    "td-post-content", "article-text", "rich-text", "prose", "markdown-body", "post-text",
)


_NEGATED = re.compile(r"(?:^|(?<=\s))(?:no|has|with|without|show|enable|disable)[-_]")


def chrome_reason(tag: str, attrs: str, role: str | None, style: str | None,
                  hidden: bool) -> tuple[Reason, str] | None:
    """The chrome family an element's own markup declares, with the evidence."""
    if hidden:
        return Reason.HIDDEN, "hidden attribute"
    if style and _HIDDEN_STYLE.search(style):
        return Reason.HIDDEN, "style display:none"
    if attrs and _NEGATED.search(attrs):
        # "no-sidebar", "has-comments", "with-share": a layout switch, not the role.
        attrs = " ".join(t for t in attrs.split() if not _NEGATED.match(t))
    if attrs and not CONTENT_CLASS.search(attrs):
        for reason, pattern in CLASS_PATTERNS:
            match = pattern.search(attrs)
            if match:
                return reason, f"class/id '{match.group(0).strip(' _-')}'"
    if role:
        reason = ROLE_REASONS.get(role.strip().lower())
        if reason is not None:
            return reason, f"role={role}"
    tag_reason = TAG_REASONS.get(tag)
    if tag_reason is not None:
        return tag_reason, f"<{tag}>"
    return None


SEMANTIC_ARTICLE = CONTENT_CLASS

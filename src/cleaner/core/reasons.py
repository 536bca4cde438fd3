"""The vocabulary of verdicts.

Every block leaves the pipeline with exactly one :class:`Reason`. Removal reasons
name the family of site chrome that was recognised; keep reasons say why a block
was judged to be article content. The same codes appear in ``--explain``, in JSON
output, in batch summaries and in tests, so they are stable public names.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Why a block was kept or removed (kebab-case values are the public codes)."""

    # --- kept -------------------------------------------------------------
    ARTICLE_BODY = "article-body"
    ARTICLE_HEADING = "article-heading"
    USER_KEEP = "user-keep"

    # --- removed: page furniture -----------------------------------------
    TITLE = "title"
    NAV = "nav"
    BREADCRUMB = "breadcrumb"
    HEADER = "header"
    FOOTER = "footer"
    SIDEBAR = "sidebar"
    SKIP_LINK = "skip-link"
    PAGINATION = "pagination"
    COPYRIGHT = "copyright"

    # --- removed: chrome inside or around the article ---------------------
    COOKIE_BANNER = "cookie-banner"
    RELATED_LINKS = "related-links"
    COMMENTS = "comments"
    COMMENT_FORM = "comment-form"
    BYLINE = "byline"
    SHARE_BAR = "share-bar"
    NEWSLETTER = "newsletter"
    ADS = "ads"
    AUTHOR_BOX = "author-box"
    TAG_LIST = "tag-list"
    TABLE_OF_CONTENTS = "table-of-contents"
    MEDIA_CREDIT = "media-credit"

    # --- removed: structural / statistical --------------------------------
    HIDDEN = "hidden"
    OUTSIDE_ARTICLE = "outside-article"
    LOW_TEXT_DENSITY = "low-text-density"
    LINK_DENSE = "link-dense"
    BOILERPLATE_LINE = "boilerplate-line"
    DUPLICATE = "duplicate"
    REPEATED_ACROSS_PAGES = "repeated-across-pages"
    EMPTY = "empty"
    DISABLED_CONTENT = "disabled-content"
    USER_REMOVE = "user-remove"

    @property
    def keeps(self) -> bool:
        """True for the reasons that keep a block in the article."""
        return self in KEEP_REASONS

    @property
    def meaning(self) -> str:
        """One line saying what the code means (legend of reports and docs)."""
        return MEANINGS[self]


KEEP_REASONS = frozenset({Reason.ARTICLE_BODY, Reason.ARTICLE_HEADING, Reason.USER_KEEP})

MEANINGS: dict[Reason, str] = {
    Reason.ARTICLE_BODY: "text of the article body",
    Reason.ARTICLE_HEADING: "a heading inside the article body",
    Reason.USER_KEEP: "kept by a user selector or setting",
    Reason.TITLE: "the page title; moved to metadata, not repeated in the text",
    Reason.NAV: "site navigation or menu",
    Reason.BREADCRUMB: "breadcrumb trail (Home > Section > ...)",
    Reason.HEADER: "site header / masthead",
    Reason.FOOTER: "site footer",
    Reason.SIDEBAR: "sidebar / aside next to the article",
    Reason.SKIP_LINK: "accessibility 'skip to content' link",
    Reason.PAGINATION: "previous/next post or page links",
    Reason.COPYRIGHT: "copyright, legal or 'all rights reserved' line",
    Reason.COOKIE_BANNER: "cookie or consent notice and its buttons",
    Reason.RELATED_LINKS: "related / see also / you may also like / read more links",
    Reason.COMMENTS: "reader comments",
    Reason.COMMENT_FORM: "comment form, 'leave a reply' prompt or anti-spam notice",
    Reason.BYLINE: "byline or date line (captured as metadata)",
    Reason.SHARE_BAR: "share / social media buttons",
    Reason.NEWSLETTER: "newsletter or subscription pitch",
    Reason.ADS: "advertisement or sponsored slot",
    Reason.AUTHOR_BOX: "author biography box",
    Reason.TAG_LIST: "tags or categories list",
    Reason.TABLE_OF_CONTENTS: "table of contents of the page",
    Reason.MEDIA_CREDIT: "photo credit / media caption furniture",
    Reason.HIDDEN: "hidden from readers (hidden attribute, display:none, aria-hidden)",
    Reason.OUTSIDE_ARTICLE: "outside the region selected as the article",
    Reason.LOW_TEXT_DENSITY: "too little text for its size / too short to be content",
    Reason.LINK_DENSE: "mostly link text",
    Reason.BOILERPLATE_LINE: "a line of site boilerplate (UI text, call to action)",
    Reason.DUPLICATE: "repeats a block already kept",
    Reason.REPEATED_ACROSS_PAGES: "repeats on many pages of the same site",
    Reason.EMPTY: "no text",
    Reason.DISABLED_CONTENT: "content of a kind the settings exclude (tables, code, ...)",
    Reason.USER_REMOVE: "removed by a user selector or phrase",
}

"""Metadata in the page body: microdata (``itemprop``), ``<time>`` elements and
byline markup (``rel="author"``, ``class="byline"``, ``class="author-name"``).

Body markup is visible to readers but also appears in comments, related-post
cards and sidebars, so anything inside such a container is skipped, and a page
whose body shows many different dates (a listing) yields no ``<time>`` date
unless one is marked as the publication date.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml.html import HtmlElement

from cleaner.metadata.authors import looks_personal, split_names
from cleaner.metadata.dates import parse_date
from cleaner.metadata.evidence import Evidence

# Containers whose dates and names belong to something other than the article.
_ELSEWHERE = re.compile(
    r"comment|related|sidebar|widget|footer|recommend|popular|trending|more-stories|"
    r"read-next|newsletter|promo|teaser|card|carousel|breadcrumb|reply|review-list|"
    r"author-bio|about-author|author-box|nav|menu",
    re.IGNORECASE,
)
# A post's own footer ("post-footer", "entry-footer", "entry-meta"): Blogger and
# many WordPress themes put the byline and the date there, below the text.
_POST_FOOTER = re.compile(r"(?:post|entry|article|story)[-_]?(?:footer|meta)", re.IGNORECASE)
# Microdata naming the post itself: Blogger wraps its whole main column in a
# "widget", so the walk up from a byline stops at the post.
_POST_PROPS = frozenset({"blogpost", "articlebody", "mainentity"})
_PUBLISHED_HINT = re.compile(r"publish|pubdate|posted|entry-date|post-date|article-date|"
                             r"date-published|datepublished|created", re.IGNORECASE)
_MODIFIED_HINT = re.compile(r"updat|modif", re.IGNORECASE)
_AUTHOR_CLASS = re.compile(
    r"(?:^|[\s_-])(?:byline|author|author-name|authorname|post-author|entry-author|"
    r"article-author|writer|byline-name|contributor)(?:$|[\s_-])",
    re.IGNORECASE,
)
_NOT_AUTHOR_CLASS = re.compile(r"avatar|bio|image|img|photo|box|social|follow|"
                               r"description|title|label|more|link-list", re.IGNORECASE)
# More distinct dates than this in the body's <time> elements: a listing or a
# comment thread, where "the first date" means nothing.
MAX_BODY_DATES = 3
# Ancestors examined for "is this inside a comment/sidebar/footer" (the depth
# of the usual theme nesting; deeper checks cost time and find page wrappers).
ANCESTOR_DEPTH = 12
_AUTHOR_PROPS = ("author", "creator")
# More distinct people in the page's byline markup than a byline lists: cards.
MAX_BYLINE_PEOPLE = 3


def _hints(el: HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"


def _elsewhere(el: HtmlElement) -> bool:
    for i, anc in enumerate(el.iterancestors()):
        if i >= ANCESTOR_DEPTH:
            break
        tag = anc.tag if isinstance(anc.tag, str) else ""
        if (anc.get("itemprop") or "").lower() in _POST_PROPS:
            return False  # inside the post: wrappers above are the page's layout
        hints = _hints(anc)
        if _POST_FOOTER.search(hints):
            continue  # the post's own footer, not the page's
        if tag in ("footer", "aside", "nav") or _ELSEWHERE.search(hints):
            return True
    return False


def _attr_date(el: HtmlElement) -> str | None:
    return parse_date(el.get("datetime") or el.get("content") or el.text_content())


def _in_item(el: HtmlElement, wanted: tuple[str, ...]) -> bool:
    """Whether the nearest itemscope above ``el`` has one of the wanted types."""
    for anc in el.iterancestors():
        if anc.get("itemscope") is not None:
            kind = (anc.get("itemtype") or "").lower()
            return any(w in kind for w in wanted)
    return False


# Elements read for body metadata, in document order: bylines, <time> and
# microdata sit near the top, and the largest dev page has ~16,000 elements. A
# 50 MB forum page has over a million: the scan stays bounded (~0.35 s saved).
BODY_SCAN_ELEMENTS = 50_000


class BodyMarks:
    """The elements body readers look at, gathered in one walk over the tree.

    Separate XPath queries cost a full walk each (a few ms on a big page);
    one Python pass with cheap attribute checks serves all readers.
    """

    def __init__(self, root: HtmlElement) -> None:
        self.itemprops: list[HtmlElement] = []
        self.times: list[HtmlElement] = []
        self.bylines: list[HtmlElement] = []
        self.handles: list[HtmlElement] = []
        for el in islice(root.iter(), BODY_SCAN_ELEMENTS):
            tag = el.tag
            if not isinstance(tag, str):
                continue
            if el.get("itemprop") is not None:
                self.itemprops.append(el)
            if tag == "time":
                self.times.append(el)
            cls = el.get("class")
            if tag == "a" and (el.get("rel") or "").lower() == "author":
                self.bylines.append(el)
            elif cls:
                low = cls.lower()
                if "author" in low or "byline" in low:
                    self.bylines.append(el)
                if tag in ("a", "span", "div") and ("user" in low or "author" in low
                                                    or "poster" in low):
                    self.handles.append(el)


def read_microdata(marks: BodyMarks, ev: Evidence) -> None:
    """schema.org microdata: headline, author, datePublished, dateModified.

    Only the first author element counts: on a thread (Q&A, forum) every reply
    carries one, and the page's author is the first poster.
    """
    authored = False
    for el in marks.itemprops:
        props = (el.get("itemprop") or "").lower().split()
        for prop in props:
            if prop == "headline":
                ev.add("title", el.get("content") or el.text_content(), "microdata")
            elif prop in _AUTHOR_PROPS and not authored and not _elsewhere(el):
                authored = True  # the first author element: the post's, not replies'

                names = el.xpath(".//*[@itemprop='name']")
                raw = (names[0].get("content") or names[0].text_content()) if names else (
                    el.get("content") or el.text_content())
                for name in split_names(raw):
                    ev.add("authors", name, "microdata")
            elif prop == "datepublished" and not _elsewhere(el):
                ev.add("date", _attr_date(el), "microdata")
            elif prop == "datemodified" and not _elsewhere(el):
                ev.add("date_modified", _attr_date(el), "microdata")
            elif prop == "name" and _in_item(el, ("article", "posting")) and el.tag == "h1":
                ev.add("title", el.text_content(), "microdata")


def read_times(marks: BodyMarks, ev: Evidence) -> None:
    """The publication date from ``<time>`` elements in the article body."""
    marked: list[str] = []
    plain: list[str] = []
    for el in marks.times:
        if _elsewhere(el):
            continue
        day = _attr_date(el)
        if not day:
            continue
        hints = _hints(el) + " " + _hints(el.getparent() if el.getparent() is not None else el)
        if _MODIFIED_HINT.search(hints) and not _PUBLISHED_HINT.search(hints):
            ev.add("date_modified", day, "byline")
        elif el.get("pubdate") is not None or _PUBLISHED_HINT.search(hints):
            marked.append(day)
        else:
            plain.append(day)
    if marked:
        ev.add("date", marked[0], "byline")
    elif len(set(plain)) == 1:
        ev.add("date", plain[0], "byline")
    elif plain and len(set(plain)) <= MAX_BODY_DATES:
        ev.add("date", plain[0], "byline", weak="unmarked <time>, several dates")


def read_bylines(marks: BodyMarks, ev: Evidence) -> None:
    """Author names from ``rel="author"`` links and byline/author classes.

    Several bylines naming different people mean a listing (post cards on a
    home or topic page): then none is the page's author.
    """
    found: list[list[str]] = []
    for el in marks.bylines:
        rel_author = el.tag == "a" and (el.get("rel") or "").lower() == "author"
        cls = el.get("class") or ""
        if not rel_author and (not _AUTHOR_CLASS.search(cls) or _NOT_AUTHOR_CLASS.search(cls)):
            continue
        if el.tag in ("body", "article", "main", "section", "img", "meta", "script"):
            continue
        if _elsewhere(el) or _holds_forum_handle(el):
            continue
        text = _visible_text(el)
        if len(text) > 120:  # noqa: PLR2004 - a bio paragraph, not a byline
            continue
        names = [n for n in split_names(text) if looks_personal(n)]
        if names and names not in found:
            found.append(names)
    if found and len({n.lower() for names in found for n in names}) <= MAX_BYLINE_PEOPLE:
        for names in found[:2]:
            for name in names:
                ev.add("authors", name, "byline")


# Forum software marks the poster's handle with one of these class tokens
# (phpBB/XenForo "username", vBulletin "bigusername", MyBB "post_author",
# Hacker News "hnuser", Reddit "author").
_HANDLE_CLASS = re.compile(
    r"(?:^|\s)(?:username|user-name|bigusername|hnuser|author|author-name|post_author|"
    r"postauthor|poster-name|message-author)(?:\s|$)",
    re.IGNORECASE,
)
# Text after the handle where the post's date is written ("» Sun Dec 17, 2023").
# phpBB shows the poster's profile (rank, post count, join date, location)
# before the post header that repeats the handle and gives the date: the
# window restarts at that repeat. Further on is the next post's date.
THREAD_DATE_TEXTS = 12
# A label before a date in a poster's profile: when they joined, not when they
# posted ("Joined:", "Join Date:", "Registered:", "Member since", "Mitglied seit").
_PROFILE_LABEL = re.compile(r"join|regist|member since|since\s*:?\s*$|seit|inscri|iscritt|"
                            r"last (?:visit|seen|active)", re.IGNORECASE)
MAX_HANDLE_WORDS = 3


def read_thread(marks: BodyMarks, ev: Evidence) -> None:
    """The first poster and the first post's date of a discussion thread.

    Used only when nothing else names an author or a date: on a thread page
    the first handle in document order is the person who opened it, and the
    first date after it is when they did.
    """
    has_date = any(not c.weak for c in ev.get("date"))
    if ev.get("authors") and has_date:
        return
    handles = [el for el in marks.handles if _HANDLE_CLASS.search(el.get("class") or "")]
    for el in handles:
        handle = " ".join(el.text_content().split())
        if not handle or len(handle.split()) > MAX_HANDLE_WORDS or _elsewhere_thread(el):
            continue
        if (len(handles) < 2 and ev.get("authors")  # noqa: PLR2004
                and not _FORUM_HANDLE_CLASS.search(el.get("class") or "")):
            # One "author" element, already read as the byline, and no forum
            # handle class: a news page, where the next date may be a related
            # story's.
            return
        ev.thread = True
        if not ev.get("authors"):
            ev.add("authors", handle, "byline")
        if not has_date:
            query = f"following::text()[normalize-space()][position() <= {2 * THREAD_DATE_TEXTS}]"
            texts = el.xpath(query)
            label = ""
            limit = THREAD_DATE_TEXTS
            for i, text in enumerate(texts):
                if i >= limit:
                    break
                if " ".join(str(text).split()) == handle:
                    # The post header repeats the handle after the profile
                    # ("by jdoe » Sat Jun 13"): its date is close after it.
                    limit = i + 1 + THREAD_DATE_TEXTS
                day = parse_date(str(text))
                if day and not _PROFILE_LABEL.search(label):
                    ev.add("date", day, "byline")
                    break
                label = str(text)
        return


# Text for screen readers only: WordPress themes label the byline with it
# ("<span class=screen-reader-text>Author </span>Jane Doe").
_READER_ONLY = re.compile(r"screen-reader|sr-only|visually-hidden|visuallyhidden|"
                          r"element-invisible", re.IGNORECASE)


def _visible_text(el: HtmlElement) -> str:
    """``el.text_content()`` without the screen-reader-only labels inside it."""
    if not any(_READER_ONLY.search(d.get("class") or "") for d in el.iterdescendants()
               if isinstance(d.tag, str)):
        return str(el.text_content())
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if node is not el and _READER_ONLY.search(node.get("class") or ""):
            parts.append(" ")
        else:
            parts.append(node.text or "")
            for child in node:
                if isinstance(child.tag, str):
                    walk(child)
                parts.append(child.tail or "")
    walk(el)
    return "".join(parts)


# Handle classes only forum software uses: a byline holding one is a post
# header ("by <a class=username>jdoe</a> » date"), one per reply; the thread
# reader takes the first poster instead of every reply's.
_FORUM_HANDLE_CLASS = re.compile(
    r"(?:^|\s)(?:username|user-name|bigusername|hnuser|post_author|postauthor|poster-name|"
    r"message-author)(?:\s|$)", re.IGNORECASE)


def _holds_forum_handle(el: HtmlElement) -> bool:
    return any(_FORUM_HANDLE_CLASS.search(d.get("class") or "")
               for d in el.iterdescendants() if isinstance(d.tag, str))


def _elsewhere_thread(el: HtmlElement) -> bool:
    for i, anc in enumerate(el.iterancestors()):
        if i >= ANCESTOR_DEPTH:
            break
        tag = anc.tag if isinstance(anc.tag, str) else ""
        if tag in ("header", "footer", "aside", "nav"):
            return True
    return False

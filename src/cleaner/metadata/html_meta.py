"""Metadata from HTML markup: gather candidates from every source, resolve.

Runs before extraction (the title is needed to drop the repeated title block).
Sources, in order of trust: JSON-LD, OpenGraph/Twitter, ``<meta>``, microdata,
``<time>``/byline markup, the URL. Visible-text bylines and the language check
come after extraction (:mod:`cleaner.metadata.complete`).
"""

from __future__ import annotations

from copy import deepcopy
from datetime import date as date_cls
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from cleaner.core.model import Metadata
from cleaner.metadata.dates import parse_date, url_date
from cleaner.metadata.evidence import Candidate, Evidence
from cleaner.metadata.jsonld import (
    ARTICLE_TYPES,
    JsonLd,
    main_entity,
    people,
    read_jsonld,
    site_name,
    string_list,
    text_value,
    types_of,
)
from cleaner.metadata.language import normalise_tag
from cleaner.metadata.markup import BodyMarks, read_bylines, read_microdata, read_thread, read_times
from cleaner.metadata.meta_tags import read_meta
from cleaner.metadata.resolve import choose_authors, choose_date, first, unique
from cleaner.metadata.titles import choose_title, site_names

# Tags and categories beyond this are keyword stuffing, not a description.
MAX_TAGS = 20


def _add_jsonld(ld: JsonLd, ev: Evidence) -> None:
    for node in ld.nodes:
        ev.types |= types_of(node)
    entity, kind = main_entity(ld)
    ev.main_kind = kind
    if entity is None:
        return
    if kind in ("article", "work"):
        ev.add("title", text_value(entity.get("headline")) or text_value(entity.get("name")),
               "json-ld")
        for prop in ("author", "creator"):
            for name, is_org in people(ld, entity.get(prop)):
                ev.add("authors", name, "json-ld", "organisation" if is_org else "")
        ev.add("date", parse_date(text_value(entity.get("datePublished"))), "json-ld")
        ev.add("date", parse_date(text_value(entity.get("dateCreated"))), "json-ld",
               weak="dateCreated")
    elif kind == "product":
        ev.add("title", text_value(entity.get("name")), "json-ld")
    else:
        ev.add("title", text_value(entity.get("name")), "json-ld")
        ev.add("date", parse_date(text_value(entity.get("datePublished"))), "json-ld",
               weak="WebPage stamp")
    ev.add("date_modified", parse_date(text_value(entity.get("dateModified"))), "json-ld")
    ev.add("description", text_value(entity.get("description")), "json-ld")
    image = entity.get("image") or entity.get("thumbnailUrl")
    ev.add("image", text_value(ld.resolve(image)), "json-ld")
    for tag in string_list(entity.get("keywords")):
        ev.add("tags", tag, "json-ld")
    for section in string_list(entity.get("articleSection")):
        ev.add("categories", section, "json-ld")
    lang = text_value(entity.get("inLanguage"))
    if lang:
        ev.declared_languages.append((lang, "json-ld"))
    ev.add("license", text_value(entity.get("license")), "json-ld")
    ev.add("site_name", site_name(ld, entity), "json-ld")


def _heading_text(el: HtmlElement) -> str:
    """Heading text with ``<br>`` read as a space ("News Product<br>Management").

    The heading is copied (a few elements) so the page's tree is not changed.
    """
    if el.find(".//br") is None:
        return " ".join(el.text_content().split())
    copy = deepcopy(el)
    for br in copy.iter("br"):
        br.tail = " " + (br.tail or "")
    return " ".join(copy.text_content().split())


def collect_html(root: HtmlElement, url: str | None) -> Evidence:
    """Every candidate value the markup offers, in trust order per field."""
    ev = Evidence(input_url=url)
    lang = root.get("lang") or root.get("xml:lang")
    if lang:
        ev.declared_languages.append((lang, "html-lang"))
    _add_jsonld(read_jsonld(root), ev)
    read_meta(root, ev)
    marks = BodyMarks(root)
    read_microdata(marks, ev)
    read_times(marks, ev)
    read_bylines(marks, ev)
    read_thread(marks, ev)
    ev.h1s = [t for t in (_heading_text(h) for h in root.iter("h1")) if t]
    tag = root.find(".//title")
    if tag is not None:
        ev.title_tag = " ".join(tag.text_content().split()) or None
    # Meta date values are strings of every format: parse them now.
    parsed = []
    for c in ev.get("date"):
        day = c.value if c.origin == "json-ld" else parse_date(c.value)
        if day:
            parsed.append(Candidate(day, c.origin, c.weak))
    ev.fields["date"] = parsed
    return ev


def _page_url(ev: Evidence) -> str | None:
    base = ev.input_url
    for c in ev.get("url"):
        url = urljoin(base, c.value) if base else c.value
        if url.startswith(("http://", "https://")):
            return url
    return base


def _days_apart(a: str, b: str) -> int:
    return abs((date_cls.fromisoformat(a[:10]) - date_cls.fromisoformat(b[:10])).days)


def _home_page(url: str | None) -> bool:
    """The site's front page (an empty path): a listing, not an article."""
    if not url:
        return False
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def _page_type(types: set[str], url: str | None, main_kind: str = "") -> str | None:
    # A review or best-of article lists Product entities; only a page whose
    # main entity (or og:type) is a product is a product page.
    if main_kind == "product" or (main_kind != "article" and types & {"product", "og:product"}):
        return "product"
    if types & {"discussionforumposting", "qapage", "question"}:
        return "forum"
    if types & {"techarticle", "apireference", "softwaresourcecode"}:
        return "docs"
    path = urlsplit(url).path.lower() if url else ""
    if any(seg in {"docs", "documentation", "reference", "manual", "api"}
           for seg in path.split("/")):
        return "docs"
    if types & ARTICLE_TYPES or "article" in types:
        return "article"
    if types & {"collectionpage", "itemlist", "searchresultspage"}:
        return "listing"
    return None


def resolve_html(ev: Evidence) -> Metadata:
    """One value per field from the gathered evidence, each with its origin."""
    sources: dict[str, str] = {}
    flags: dict[str, str] = {}
    url = _page_url(ev)
    if url:
        sources["url"] = "meta" if url != ev.input_url else "input"
    hostname = urlsplit(url).hostname if url else None
    site_cands = sorted(ev.get("site_name"), key=lambda c: c.origin != "opengraph")
    site, origin = (site_cands[0].value, site_cands[0].origin) if site_cands else (None, "")
    if site:
        sources["site_name"] = origin
    sites = site_names([c.value for c in site_cands], hostname)
    title_cands = list(ev.get("title"))
    if ev.title_tag:
        title_cands.append(Candidate(ev.title_tag, "title-tag"))
    title, origin, cut = choose_title(title_cands, ev.h1s, sites)
    ev.resolved_title = title
    if title:
        sources["title"] = origin
    if cut and not site:
        site = cut
        sources["site_name"] = "title-tag"
    listing = (ev.listing and not ev.thread) or _home_page(url)
    body = ("byline", "text")
    author_cands = [c for c in ev.get("authors") if not (listing and c.origin in body)]
    authors, origin, flag = choose_authors(author_cands, site, hostname)
    if authors:
        sources["authors"] = origin
        if flag:
            flags["authors"] = flag
    day = url_date(url) or (url_date(ev.input_url) if ev.input_url != url else None)
    page_type = _page_type(ev.types, url, ev.main_kind)
    date_cands = [c for c in ev.get("date") if not (listing and c.origin in body)]
    if _home_page(url) or page_type == "product":
        # A front page or a product has no publication date; its stamps are
        # build times, price updates or the newest post's date.
        date_cands = []
    elif page_type == "docs":
        # Living documentation: markup dates are build stamps; keep what the
        # reader is shown.
        date_cands = [c for c in date_cands if c.origin in body]
    if day and not _home_page(url) and page_type not in ("product", "docs"):
        date_cands.append(Candidate(day, "url"))
    if authors and not flag:
        # A page that names a person as its author is an article: its CMS
        # stamps (a WebPage datePublished) are its publication date.
        date_cands = [Candidate(c.value, c.origin) for c in date_cands]
    date, origin = choose_date(date_cands, ev.get("date_modified"))
    if date and day and date != day and _days_apart(date, day) == 1:
        # ISO stamps are often UTC; the URL path carries the site's local day.
        date, origin = day, "url"
    if not date and not date_cands and page_type not in ("product", "docs"):
        # Only an update date exists. If the page shows it ("Updated May 3"),
        # or names a person as author (an article whose CMS kept only the
        # modification stamp), it is the date the page presents.
        updates = [c for c in ev.get("date_modified") if c.origin == "text"]
        if not updates and authors and not flag:
            updates = ev.get("date_modified")
        date = parse_date(updates[0].value) if updates else None
        if date:
            origin = updates[0].origin
            flags["date"] = "only a modification date is known"
    if date:
        sources["date"] = origin
    modified, m_origin = first(ev.get("date_modified"))
    modified = parse_date(modified)
    if modified:
        sources["date_modified"] = m_origin
    values: dict[str, str | None] = {}
    for name in ("description", "image", "license"):
        values[name], origin = first(ev.get(name))
        if values[name]:
            sources[name] = origin
    tags, t_origin = unique(ev.get("tags"), MAX_TAGS)
    if tags:
        sources["tags"] = t_origin
    cats, c_origin = unique(ev.get("categories"), MAX_TAGS)
    if cats:
        sources["categories"] = c_origin
    lang = next((t for t in (normalise_tag(v) for v, _ in ev.declared_languages) if t), None)
    if lang:
        sources["language"] = "meta"
    return Metadata(
        title=title, authors=authors, date=date, date_modified=modified, site_name=site,
        url=url, hostname=hostname, language=lang, description=values["description"],
        tags=tags, categories=cats, image=values["image"], license=values["license"],
        page_type=page_type, sources=sources, flags=flags,
    )


def html_metadata(root: HtmlElement, url: str | None) -> Metadata:
    """The page's own metadata from its markup (before extraction)."""
    return resolve_html(collect_html(root, url))

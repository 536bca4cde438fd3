"""Metadata from HTML markup (first version: title, url, site, language, description).

Order of trust for the title: OpenGraph/Twitter title, the single <h1>, then the
<title> tag with the site name cut off ("Title | Site" -> "Title").
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from cleaner.core.model import Metadata

_SEPARATORS = re.compile(r"\s+[|–—•·»:-]\s+")


def _meta(root: HtmlElement, *names: str) -> str | None:
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in names:
            value = (el.get("content") or "").strip()
            if value:
                return " ".join(value.split())
    return None


def split_site_name(title: str, site: str | None) -> tuple[str, str | None]:
    """Cut a site name glued to a title; return (title, site name found)."""
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:  # noqa: PLR2004
        return title, None
    if site:
        key = site.lower()
        if parts[-1].lower() == key or key in parts[-1].lower():
            return _SEPARATORS.split(title, maxsplit=len(parts) - 2)[0].strip(), parts[-1]
        if parts[0].lower() == key:
            return title[len(parts[0]):].lstrip(" |–—•·»:-"), parts[0]
    # Without a known site name, cut the shortest end part when it is short.
    last = parts[-1]
    if len(last.split()) <= 4 and len(last) < len(title) / 2:  # noqa: PLR2004
        head = title[: title.rfind(last)].rstrip(" |–—•·»:-")
        return head, last
    return title, None


def html_metadata(root: HtmlElement, url: str | None) -> Metadata:
    """A first read of the page's own metadata (title, url, site, language)."""
    sources: dict[str, str] = {}
    site = _meta(root, "og:site_name", "application-name")
    if site:
        sources["site_name"] = "opengraph"
    title: str | None = None
    og = _meta(root, "og:title", "twitter:title")
    if og:
        title, cut = split_site_name(og, site)
        sources["title"] = "opengraph"
    else:
        h1s = [" ".join(h.text_content().split()) for h in root.iter("h1")]
        h1s = [h for h in h1s if h]
        if len(h1s) == 1:
            title = h1s[0]
            sources["title"] = "h1"
        else:
            tag = root.find(".//title")
            if tag is not None and tag.text_content().strip():
                raw = " ".join(tag.text_content().split())
                title, cut = split_site_name(raw, site)
                sources["title"] = "title-tag"
                if cut and not site:
                    site = cut
                    sources["site_name"] = "title-tag"
    canonical = None
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            canonical = link.get("href", "").strip()
            break
    page_url = canonical or _meta(root, "og:url") or url
    if page_url:
        sources["url"] = "meta" if page_url != url else "input"
    hostname = urlsplit(page_url).hostname if page_url else None
    lang = root.get("lang") or _meta(root, "og:locale", "language", "content-language")
    if lang:
        sources["language"] = "meta"
        lang = lang.replace("_", "-").split(",")[0].strip()
    description = _meta(root, "description", "og:description", "twitter:description")
    if description:
        sources["description"] = "meta"
    return Metadata(
        title=title,
        site_name=site,
        url=page_url,
        hostname=hostname,
        language=lang or None,
        description=description,
        sources=sources,
    )

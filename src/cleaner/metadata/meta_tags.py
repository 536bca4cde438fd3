"""``<meta>`` and ``<link>`` tags: OpenGraph, Twitter cards, Dublin Core,
citation_*, parsely, sailthru, article:* and the plain HTML names.

One pass over the ``<meta>`` elements builds a name -> values map; a table says
which names feed which field and with which origin code. Names are matched in
lower case because CMSs spell them every way (``DC.date.issued``, ``dc.Date``).
"""

from __future__ import annotations

from lxml.html import HtmlElement

from cleaner.metadata.evidence import Evidence

# field -> meta names, most specific first; origin "opengraph" for og:/twitter:.
_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title", "citation_title", "dc.title", "dcterms.title",
              "parsely-title", "sailthru.title", "headline", "title"),
    "authors": ("article:author", "citation_author", "parsely-author", "sailthru.author",
                "dc.creator", "dcterms.creator", "byl", "author", "twitter:creator:name",
                "creator"),
    "date": ("article:published_time", "og:article:published_time", "og:published_time",
             "published_time", "citation_publication_date", "citation_date",
             "citation_online_date", "dc.date.issued", "dcterms.issued", "dc.date",
             "dcterms.date", "dcterms.created", "parsely-pub-date", "sailthru.date",
             "article.published", "article_date_original", "original-publish-date",
             "publish-date", "publish_date", "publishdate", "pubdate", "datepublished",
             "date", "release_date", "cxenseparse:recs:publishtime"),
    "date_modified": ("article:modified_time", "og:updated_time", "og:article:modified_time",
                      "dcterms.modified", "dc.date.modified", "article.updated",
                      "last-modified", "datemodified"),
    "site_name": ("og:site_name", "application-name", "apple-mobile-web-app-title",
                  "dc.publisher", "citation_publisher", "citation_journal_title"),
    "description": ("og:description", "twitter:description", "description",
                    "dc.description", "dcterms.abstract"),
    "image": ("og:image", "og:image:url", "og:image:secure_url", "twitter:image",
              "twitter:image:src", "thumbnail"),
    "tags": ("article:tag", "parsely-tags", "news_keywords", "keywords"),
    "categories": ("article:section", "parsely-section", "section"),
    "license": ("dc.rights.license", "dcterms.license", "license"),
    "language": ("og:locale", "content-language", "dc.language", "dcterms.language",
                 "language"),
    "url": ("og:url", "twitter:url", "parsely-link"),
    "type": ("og:type", "parsely-type"),
}
_LOOKUP = {name: fld for fld, names in _FIELDS.items() for name in names}
_RANK = {name: i for names in _FIELDS.values() for i, name in enumerate(names)}
# "twitter:label1 = Written by / twitter:data1 = Jane Doe" (Yoast and others).
_WRITTEN_BY = ("written by", "author", "by", "geschrieben von", "écrit par", "escrito por")
_LIST_FIELDS = frozenset({"tags", "categories"})


def _origin(name: str) -> str:
    return "opengraph" if name.startswith(("og:", "twitter:")) else "meta"


def read_meta(root: HtmlElement, ev: Evidence) -> None:
    """Add candidates from ``<meta>`` and ``<link>`` tags to ``ev``."""
    found: list[tuple[str, int, str, str]] = []
    labels: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("http-equiv") or "")
        key = key.strip().lower()
        value = el.get("content")
        if not key or value is None or not value.strip():
            continue
        if key.startswith("twitter:label") or key.startswith("twitter:data"):
            labels[key] = value.strip()
            continue
        fld = _LOOKUP.get(key)
        if fld is not None:
            found.append((fld, _RANK[key], key, value))
    for fld, _, key, value in sorted(found, key=lambda f: (f[0], f[1])):
        if fld in _LIST_FIELDS:
            for part in value.split(","):
                ev.add(fld, part, _origin(key))
        elif fld == "type":
            ev.types.add(value.strip().lower())
        elif fld == "language":
            ev.declared_languages.append((value.strip(), key))
        else:
            ev.add(fld, value, _origin(key))
    for i in range(1, 5):
        label = labels.get(f"twitter:label{i}", "").lower().rstrip(":")
        data = labels.get(f"twitter:data{i}")
        if data and label in _WRITTEN_BY:
            ev.add("authors", data, "opengraph")
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if not href:
            continue
        if "canonical" in rel:
            ev.add("url", href, "meta")
        elif "license" in rel:
            ev.add("license", href, "meta")

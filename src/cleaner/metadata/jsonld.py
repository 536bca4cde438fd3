"""JSON-LD (schema.org) from ``<script type="application/ld+json">``.

Why not extruct: it parses every syntax (microdata, RDFa, OpenGraph, JSON-LD)
through its own tree walk and pulls in rdflib/mf2py/w3lib; we need a few
schema.org properties from JSON-LD only, which ``json.loads`` on the script text
gives in well under a millisecond. The tree is already parsed by lxml.

Pages nest entities in many ways: a top-level list, an ``@graph``, a WebPage whose
``mainEntity`` is the Article, authors given as ``{"@id": ...}`` references into the
graph. We flatten all of that into a list of nodes and an ``@id`` index, then pick
the main entity by type.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

Node = dict[str, Any]

ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
    "scholarlyarticle", "report", "liveblogposting", "socialmediaposting", "review",
    "howto", "recipe", "medicalscholarlyarticle", "advertisercontentarticle",
    "satiricalarticle", "posting", "discussionforumposting", "qapage",
})
# Other works a page may be about: read like an article, but not one.
WORK_TYPES = frozenset({"creativework", "guide", "course", "event", "jobposting",
                        "podcastepisode", "videoobject", "book", "movie", "musicrecording"})
# Types that describe the page itself; their dates are often a CMS's creation
# stamp on any page (Yoast writes one on every WebPage), so they count less.
PAGE_TYPES = frozenset({
    "webpage", "itempage", "aboutpage", "faqpage", "collectionpage", "profilepage",
    "searchresultspage", "medicalwebpage", "checkoutpage", "contactpage", "realestatelisting",
})
PRODUCT_TYPES = frozenset({"product", "productgroup", "offer", "softwareapplication",
                           "mobileapplication", "car", "vehicle"})
# Real pages nest entities a few levels deep; deeper is hostile or broken.
MAX_DEPTH = 12
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TRAILING_COMMA = re.compile(r",\s*([\]}])")


@dataclass
class JsonLd:
    """The page's JSON-LD entities: top-level nodes and an ``@id`` index."""

    nodes: list[Node] = field(default_factory=list)
    by_id: dict[str, Node] = field(default_factory=dict)

    def resolve(self, value: Any) -> Any:
        """Follow a ``{"@id": ...}`` reference when the graph holds the full node."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
            return self.by_id.get(str(value["@id"]), value)
        return value


def types_of(node: Node) -> set[str]:
    """Lower-case schema.org types of a node (``@type`` may be a list or a URL)."""
    raw = node.get("@type")
    items = raw if isinstance(raw, list) else [raw]
    return {str(t).rsplit("/", 1)[-1].lower() for t in items if isinstance(t, str)}


def _loads(text: str) -> Any:
    text = text.strip()
    if text.startswith("<!--"):
        text = text[4:]
    if text.endswith("-->"):
        text = text[:-3]
    text = text.strip().removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
    try:
        return json.loads(text)
    except RecursionError:  # hostile nesting ([[[[...]]]]): json's C decoder recurses
        return None
    except ValueError:
        pass
    # Common hand-written slips: raw control characters and trailing commas.
    try:
        return json.loads(_TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", text)))
    except (ValueError, RecursionError):
        return None


def _index(value: Any, by_id: dict[str, Node], depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            _index(item, by_id, depth + 1)
    elif isinstance(value, dict):
        ident = value.get("@id")
        if isinstance(ident, str) and len(value) > 2:  # noqa: PLR2004 - a full node
            by_id.setdefault(ident, value)
        for item in value.values():
            if isinstance(item, dict | list):
                _index(item, by_id, depth + 1)


def _top_nodes(value: Any, depth: int = 0) -> Iterator[Node]:
    """Top-level entities: list items, ``@graph`` members, and their mainEntity."""
    if depth > MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from _top_nodes(item, depth + 1)
    elif isinstance(value, dict):
        if "@graph" in value:
            yield from _top_nodes(value["@graph"], depth + 1)
            return
        yield value
        for key in ("mainEntity", "mainEntityOfPage"):
            inner = value.get(key)
            if isinstance(inner, dict) and "@type" in inner:
                yield from _top_nodes(inner, depth + 1)
            elif isinstance(inner, list):
                yield from (n for n in _top_nodes(inner, depth + 1) if "@type" in n)


def read_jsonld(root: HtmlElement) -> JsonLd:
    """All JSON-LD blocks of the page, flattened; invalid JSON is skipped."""
    out = JsonLd()
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        data = _loads(script.text or "")
        if data is None:
            continue
        _index(data, out.by_id)
        out.nodes.extend(n for n in _top_nodes(data) if isinstance(n, dict))
    return out


def main_entity(ld: JsonLd) -> tuple[Node | None, str]:
    """The node that describes the article (or page), and its kind.

    Kinds: ``article`` (an Article-family node), ``product``, ``work`` (a video,
    event, course...), ``page`` (a WebPage) or ``""``. Several article nodes at
    top level usually mean a listing; the first is still the best guess for the
    page's own entity.
    """
    for kinds, label in ((ARTICLE_TYPES, "article"), (PRODUCT_TYPES, "product"),
                         (WORK_TYPES, "work"), (PAGE_TYPES, "page")):
        for node in ld.nodes:
            if types_of(node) & kinds:
                return node, label
    return None, ""


def text_value(value: Any, depth: int = 0) -> str | None:
    """A plain string from a JSON-LD value (string, number, first of a list, @value)."""
    if depth > MAX_DEPTH:
        return None
    if isinstance(value, list):
        for item in value:
            got = text_value(item, depth + 1)
            if got:
                return got
        return None
    if isinstance(value, dict):
        return text_value(value.get("@value") or value.get("name") or value.get("url"),
                          depth + 1)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text or None
    return None


def people(ld: JsonLd, value: Any) -> list[tuple[str, bool]]:
    """Names from an ``author``/``creator`` value, each with "is an organisation"."""
    out: list[tuple[str, bool]] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        item = ld.resolve(item)
        if isinstance(item, str):
            if item.strip():
                out.append((" ".join(item.split()), False))
        elif isinstance(item, dict):
            name = text_value(item.get("name"))
            if not name and (item.get("givenName") or item.get("familyName")):
                name = " ".join(str(item.get(k) or "") for k in ("givenName", "familyName"))
            if name:
                is_org = bool(types_of(item) - {"person"}) and "person" not in types_of(item)
                out.append((name.strip(), is_org))
    return out


def site_name(ld: JsonLd, entity: Node | None) -> str | None:
    """The publisher's name, else the WebSite node's name."""
    if entity is not None:
        pub = ld.resolve(entity.get("publisher"))
        if isinstance(pub, list) and pub:
            pub = ld.resolve(pub[0])
        if isinstance(pub, dict):
            name = text_value(pub.get("name"))
            if name:
                return name
    for node in ld.nodes:
        if "website" in types_of(node):
            name = text_value(node.get("name"))
            if name:
                return name
    return None


def string_list(value: Any) -> list[str]:
    """Keywords/sections: a comma-separated string or a list of strings."""
    if isinstance(value, str):
        parts = value.split(",")
    elif isinstance(value, list):
        parts = [text_value(v) or "" for v in value]
    else:
        return []
    return [" ".join(p.split()) for p in parts if p and p.strip()]

"""The segmentation walk's shortcuts give what the plain definitions give.

* spans: every block's span is ``getpath`` of its element in the unpruned tree
  (the walk counts siblings itself instead of asking libxml2);
* flat paragraphs: a block whose children are all childless inline elements is
  gathered in one pass (``_Walker.flat_children``), with the same text, links
  and link counts as the element-by-element events;
* comment items: the walk answers "inside a form or inline code?" from its own
  counts instead of climbing the ancestors.
"""

from __future__ import annotations

import gzip

import pytest
from lxml.html import HtmlElement

from cleaner.core.settings import DEFAULT_SETTINGS
from cleaner.extract import segment_html as seg_mod
from cleaner.extract.comments import is_comment_item
from cleaner.extract.html_blocks import HtmlSegmentation
from cleaner.extract.segment_html import segment_html
from cleaner.inputs.decode import decode_bytes
from cleaner.inputs.parse import parse_html

from .conftest import EXAMPLES, FIXTURES, SHARED_DATA, needs_shared_data
from .test_prune import TRICKY

# Same-named siblings before and after, a lone tag among others, blocks inside
# inline elements (nested too), comments and <br> among inline children, a link
# with nested markup, text directly in <body>, an empty link, links in a link.
SIBLINGS = """<html><body>loose body text<div><p>one <a href="/1">first</a> and
<em>more</em><!-- note --> tail<br>next line</p><span>between</span><p>two</p>
<div>lone div<p>a</p><p>b</p><p>c</p></div><p>three <a href="/x"><b>bold</b> link</a></p>
</div><a href="/card"><div><p>in a link</p><span><div><p>deeper</p></div></span></div></a>
<section><h2>Head</h2><p>x <a href="/e"></a> y</p><p><a href="/o">out<a href="/i">in</a></a></p>
</section><ul><li>i1</li><li>i2 <code>c</code></li></ul><table><tr><td>t</td></tr></table>
<pre>code</pre><pre>more code</pre><p>after</p></body></html>"""

# Comment items under a form and under inline code are no comment items.
EXCLUDED = """<html><body><article><p>Story text that is long enough here.</p></article>
<div class="comments"><div class="comment" id="comment-1"><p>Kept reply one.</p></div>
<form><div class="comment" id="comment-2"><p>Inside a form.</p></div></form>
<code><div class="comment" id="comment-3"><p>Inside code.</p></div></code>
<div class="comment" id="comment-4"><p>Kept reply two.</p></div></div></body></html>"""


# Paragraphs at and just over the flat path's size limit.
MANY = "<html><body>" + "".join(
    "<p>" + " ".join(f"w{i} <a href='/{i}'>l{i}</a>" for i in range(n)) + "</p>"
    for n in (seg_mod.FLAT_MAX_CHILDREN, seg_mod.FLAT_MAX_CHILDREN + 1)) + "</body></html>"


def _pages() -> list[str]:
    pages = [SIBLINGS, EXCLUDED, MANY, TRICKY,
             (EXAMPLES / "news-article.html").read_text("utf-8")]
    # Fixture pages come in their sites' encodings (Shift_JIS, windows-1251).
    pages += [decode_bytes(p.read_bytes()).text
              for p in sorted((FIXTURES / "pages").glob("*/source.html"))]
    return pages


def _facts(seg: HtmlSegmentation) -> tuple[object, ...]:
    return (seg.blocks, seg.containers, seg.comment_ranges)


def _kept(page: str) -> tuple[HtmlSegmentation, list[HtmlElement]]:
    """The segmentation with each block's element (the user-selector mode keeps them)."""
    settings = DEFAULT_SETTINGS.with_overrides(keep_selectors=("nothing-matches",))
    seg = segment_html(parse_html(page), None, settings)
    return seg, seg.elements


@pytest.mark.parametrize("page", _pages())
def test_spans_are_libxml2_paths(page: str) -> None:
    seg, elements = _kept(page)
    assert len(elements) == len(seg.blocks)
    for block, el in zip(seg.blocks, elements, strict=True):
        assert block.span == el.getroottree().getpath(el), block.text


@pytest.mark.parametrize("page", _pages())
def test_flat_paragraphs_as_the_events_give_them(page: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    fast = segment_html(parse_html(page), "https://example.com/a/", DEFAULT_SETTINGS)
    monkeypatch.setattr(seg_mod._Walker, "flat_children", lambda *_: False)
    plain = segment_html(parse_html(page), "https://example.com/a/", DEFAULT_SETTINGS)
    assert _facts(fast) == _facts(plain)
    pruned = segment_html(parse_html(page), "https://example.com/a/", DEFAULT_SETTINGS,
                          prune=True)
    assert _facts(pruned) == _facts(plain)


def test_links_and_line_breaks_of_flat_paragraphs() -> None:
    seg = segment_html(parse_html(SIBLINGS), "https://example.com/a/", DEFAULT_SETTINGS)
    first = next(b for b in seg.blocks if b.text.startswith("one"))
    assert first.text == "one first and more tail\nnext line"
    assert first.links == (("first", "https://example.com/1"),)
    assert first.features.link_count == 1 and first.features.link_chars == 5
    empty = next(b for b in seg.blocks if b.text.startswith("x"))
    assert empty.links == () and empty.features.link_count == 1


def test_comment_items_under_a_form_or_code_are_excluded() -> None:
    root = parse_html(EXCLUDED)
    seg = segment_html(root, None, DEFAULT_SETTINGS)
    texts = [" ".join(seg.blocks[i].text for i in range(s, e)) for s, e in seg.comment_ranges]
    assert texts == ["Kept reply one.", "Kept reply two."]
    # The definition the walk shortcuts: an item by its markup, no excluding ancestor.
    memo: list[HtmlElement | bool | None] = [None, False]
    items = [el for el in root.iter() if isinstance(el, HtmlElement)
             and el.get("class") == "comment" and is_comment_item(el, memo)]
    assert [el.get("id") for el in items] == ["comment-1", "comment-4"]


@needs_shared_data()
def test_spans_on_dev_pages() -> None:
    paths = sorted((SHARED_DATA / "scrapinghub" / "html").glob("*.html.gz"))[:40]
    for path in paths:
        page = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        seg, elements = _kept(page)
        for block, el in zip(seg.blocks, elements, strict=True):
            assert block.span == el.getroottree().getpath(el), path.name

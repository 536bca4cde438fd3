"""A pruning segmentation (big pages) gives exactly what the plain walk gives.

With ``prune`` the walk removes every block element from the tree once it is
past it, so that a 50 MB page's tree is freed while its blocks are built. The
blocks (text, spans, hints, features, links), containers and comment items
must not change; only the tree is left empty.
"""

from __future__ import annotations

import gzip

import pytest

import cleaner
import cleaner.api
from cleaner.core.settings import DEFAULT_SETTINGS
from cleaner.extract.html_blocks import HtmlSegmentation
from cleaner.extract.segment_html import segment_html
from cleaner.inputs.decode import decode_bytes
from cleaner.inputs.parse import parse_html

from .conftest import EXAMPLES, FIXTURES, SHARED_DATA, needs_shared_data

# Repeated and mixed sibling tags (spans count same-named siblings), blocks
# inside inline elements, a data table, code, a comment thread with a nested
# reply and a form holding a text area (no comment item then).
TRICKY = """<html><body><main><article><h1>Title of the page</h1>
<p>First paragraph with <a href="/a">a link</a> and <em>emphasis</em>.</p>
<div>loose text<p>inner one</p>tail text<p>inner two</p></div>
<p>Second paragraph.</p><a href="/card"><div><h2>Card title here</h2><p>Card text.</p></div></a>
<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr><tr><td>e</td><td>f</td></tr>
</table><pre class="language-python">print("hi")</pre><ul><li>one</li><li>two</li></ul>
</article><section class="comments"><ol><li id="comment-1" class="comment"><p>Great post, thanks
for writing it.</p><ol class="children"><li id="comment-2" class="comment"><p>I agree with
that.</p></li></ol></li><li id="comment-3" class="comment"><form><textarea></textarea></form>
<p>Reply here</p></li></ol></section></main><footer><p>Copyright 2024</p></footer></body></html>
"""


def _pages() -> list[str]:
    pages = [TRICKY, (EXAMPLES / "news-article.html").read_text(encoding="utf-8")]
    # Fixture pages come in their sites' encodings (Shift_JIS, windows-1251).
    pages += [decode_bytes(p.read_bytes()).text
              for p in sorted((FIXTURES / "pages").glob("*/source.html"))]
    return pages


def _facts(seg: HtmlSegmentation) -> tuple[object, ...]:
    return (seg.blocks, seg.containers, seg.comment_ranges)


@pytest.mark.parametrize("page", _pages())
def test_pruning_walk_gives_the_same_segmentation(page: str) -> None:
    plain = segment_html(parse_html(page), "https://example.com/a/", DEFAULT_SETTINGS)
    root = parse_html(page)
    pruned = segment_html(root, "https://example.com/a/", DEFAULT_SETTINGS, prune=True)
    assert _facts(pruned) == _facts(plain)
    assert pruned.elements == []
    body = root.find("body")
    assert body is None or len(body) == 0  # the tree was freed as it was walked


def test_comment_items_are_found_during_the_walk() -> None:
    seg = segment_html(parse_html(TRICKY), None, DEFAULT_SETTINGS)
    texts = [" ".join(seg.blocks[i].text for i in range(s, e)) for s, e in seg.comment_ranges]
    # The reply first (inner items end first), then its thread; the item with a
    # text area is no comment.
    assert texts == ["I agree with that.", "Great post, thanks for writing it. I agree with that."]


@needs_shared_data()
def test_pruning_walk_on_dev_pages() -> None:
    paths = sorted((SHARED_DATA / "scrapinghub" / "html").glob("*.html.gz"))[:25]
    for path in paths:
        page = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        plain = segment_html(parse_html(page), None, DEFAULT_SETTINGS)
        pruned = segment_html(parse_html(page), None, DEFAULT_SETTINGS, prune=True)
        assert _facts(pruned) == _facts(plain), path.name


def test_clean_prunes_big_pages_with_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    page = (EXAMPLES / "news-article.html").read_bytes()
    plain = cleaner.clean(page, second_opinion=False)
    monkeypatch.setattr(cleaner.api, "PRUNE_ABOVE_CHARS", 0)
    pruned = cleaner.clean(page, second_opinion=False)
    assert pruned.text == plain.text
    assert pruned.metadata == plain.metadata
    assert [d.verdict for d in pruned.decisions] == [d.verdict for d in plain.decisions]


def test_user_selectors_still_work_on_big_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cleaner.api, "PRUNE_ABOVE_CHARS", 0)
    doc = cleaner.clean(TRICKY, remove_selectors=["table"])
    assert "a | b" not in doc.text


def test_handing_freed_memory_back_is_safe_to_call() -> None:
    from cleaner.core.memory import release_freed

    release_freed()  # glibc: malloc_trim(0); elsewhere nothing
    release_freed()

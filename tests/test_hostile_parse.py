"""Parser limits: depth rescue, huge text nodes, attribute caps, linear xpaths."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.core.errors import TooDeepError
from cleaner.inputs import parse
from cleaner.inputs.parse import ElementPaths, cap_attributes, flatten_deep, parse_html


def depth(root: object) -> int:
    from lxml import etree

    level = best = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        level += 1 if event == "start" else -1
        best = max(best, level)
    return best


def test_flatten_deep_keeps_text_and_shallow_tags() -> None:
    html = "<div>" * 500 + "deep" + "</div>" * 500 + "<p>after</p>"
    flat = flatten_deep(html, limit=10)
    assert flat.count("<div>") == 10 and flat.count("</div>") == 10
    assert "deep" in flat and flat.endswith("<p>after</p>")
    honest = "<ul><li>a<li>b</ul><p>x<p>y<br><img src=a.png><td>c<td>d"
    assert flatten_deep(honest, limit=3) == honest  # implied ends and void tags


def test_parser_depth_limit_is_rescued_not_truncated() -> None:
    html = "<html><body>" + "<span>" * 5000 + "deep text" + "</span>" * 5000 + \
        "<p>text after</p></body></html>"
    root = parse_html(html)
    text = root.text_content()
    assert "deep text" in text and "text after" in text
    assert depth(root) <= parse.FLATTEN_DEPTH + 10


def test_too_deep_when_flattening_is_not_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "FLATTEN_DEPTH", 100_000)
    with pytest.raises(TooDeepError) as info:
        parse_html("<div>" * 3000 + "x")
    assert info.value.kind == "too-deep" and info.value.exit_code == 7


def test_text_node_over_10_mb_is_parsed_whole() -> None:
    body = "word " * 2_200_000
    root = parse_html(f"<html><body><p>{body}</p><p>after</p></body></html>")
    assert len(root.text_content()) > 10_000_000 and "after" in root.text_content()


def test_cap_attributes() -> None:
    assert cap_attributes('<a href="x" class=y>t</a>') == '<a href="x" class=y>t</a>'
    many = "<div " + " ".join(f'data-{i}="v {i}"' for i in range(1000)) + ">t</div>"
    capped = cap_attributes(many)
    assert capped.count("data-") == parse.MAX_ATTRIBUTES and capped.endswith(">t</div>")
    root = parse_html(f"<html><body>{many}</body></html>")
    div = root.find(".//div")
    assert div is not None and len(div.attrib) == parse.MAX_ATTRIBUTES


def test_element_paths_equal_getpath() -> None:
    html = ("<html><body><div><p>a</p><p>b</p><span>c</span></div>"
            + "<div><ul>" + "<li>x</li>" * 50 + "</ul><table><tr><td>1</td></tr></table></div>"
            + "<o:p>odd</o:p><p>end</p></body></html>")
    root = parse_html(html)
    tree = root.getroottree()
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    forward = ElementPaths(root)
    assert [forward.path(el) for el in elements] == [tree.getpath(el) for el in elements]
    backward = ElementPaths(root)  # out of document order: still right
    assert [backward.path(el) for el in reversed(elements)] == [
        tree.getpath(el) for el in reversed(elements)]


def test_no_entity_expansion_and_no_dtd() -> None:
    html = ('<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY ext SYSTEM "file:///etc/passwd">]><html><body><p>&b; &ext; &amp;</p>'
            "</body></html>")
    text = parse_html(html).text_content()
    assert "aaaaaaaaaa" not in text and "root:" not in text and "&" in text


def test_content_after_the_closing_html_tag_is_read() -> None:
    # A CMS template that prints the article after the page shell's </body></html>.
    page = ("<html><head><title>Shell</title></head><body><nav><a href='/'>Home</a></nav>"
            "</body></html>\n<div class='post'><h1>After the shell</h1><p>This article paragraph "
            "was printed after the closing html tag by a broken template, and browsers still "
            "show it.</p><p>A second paragraph, long enough to count as prose, with commas and "
            "a full stop at the end.</p></div>")
    doc = clean(page)
    assert "printed after the closing html tag" in doc.text
    assert "A second paragraph" in doc.text

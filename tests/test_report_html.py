"""The HTML explain report: golden files, faithfulness to the Document, escaping.

``parse_report`` / ``assert_faithful`` are also used by the browser test, which
runs the same checks on the DOM that chromium built.
Golden reports of the fixture pages are built from their Documents frozen in
golden/*.doc.json, so pipeline improvements don't move them (live clean() runs
are checked for faithfulness instead). Regenerate both with
``CLEANER_UPDATE_GOLDEN=1 python3 -m pytest tests/test_report_html.py tests/test_report_text.py``.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import lxml.html
import pytest

import cleaner
from cleaner.core.model import (
    Block,
    BlockKind,
    Document,
    Features,
    InputKind,
    Metadata,
    Verdict,
)
from cleaner.core.reasons import Reason
from cleaner.outputs.render import document_record
from cleaner.outputs.report import (
    OPEN_RUNS_BELOW_BLOCKS,
    RUN_COLLAPSE_MIN,
    build_report,
    write_page_report,
)

REPORT_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "report"
GOLDEN = REPORT_FIXTURES / "golden"
UPDATE = os.environ.get("CLEANER_UPDATE_GOLDEN") == "1"


# --- helpers shared with the browser test ----------------------------------------------

def parse_report(text: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(text)


def report_blocks(root: lxml.html.HtmlElement) -> list[dict[str, object]]:
    """Every block element of a report, in document order."""
    out: list[dict[str, object]] = []
    for el in root.xpath('//div[contains(concat(" ", @class, " "), " blk ")]'):
        txt = el.xpath('div[@class="txt"]')[0]
        classes = el.get("class").split()
        out.append({
            "index": int(el.get("id")[1:]),
            "id": el.get("id"),
            "reason": next(c[2:] for c in classes if c.startswith("r-")),
            "verdict": classes[1],
            "classes": classes,
            "text": txt.text_content(),
            "struck": bool(txt.xpath("del")),
            "title": el.get("title") or "",
            "why": el.xpath('string(div[@class="why"])'),
            "folded": bool(el.xpath("ancestor::details")),
        })
    return out


def legend_counts(root: lxml.html.HtmlElement) -> dict[str, int]:
    rows = root.xpath('//table[@class="legend"]//tr[@data-reason]')
    return {r.get("data-reason"): int(r.get("data-count")) for r in rows}


def _flat(text: str) -> str:
    return " ".join(re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "\ufffd", text).split())


def assert_faithful(doc: Document, root: lxml.html.HtmlElement) -> None:
    """The report shows every decision of ``doc``, in order, with its verdict."""
    blocks = report_blocks(root)
    decisions = doc.decisions
    assert len(blocks) == len(decisions)
    for i, (shown, d) in enumerate(zip(blocks, decisions, strict=True), start=1):
        assert shown["index"] == i and shown["id"] == f"b{i}"
        assert shown["reason"] == str(d.reason)
        verdict = "kept" if d.verdict.keep else "removed"
        assert shown["verdict"] == verdict and verdict in shown["classes"]
        assert f"r-{d.reason}" in shown["classes"]
        assert shown["struck"] is (not d.verdict.keep)
        if d.text.strip():
            assert _flat(str(shown["text"])) == _flat(d.text)
        title = str(shown["title"])
        assert str(d.reason) in title and f"rule: {d.rule}" in title
        assert d.reason.meaning in title
        if d.evidence:
            assert _flat(f"evidence: {d.evidence}") in _flat(title)
            assert _flat(d.evidence) in _flat(str(shown["why"]))
        assert str(d.reason) in str(shown["why"])
    counts = document_record(doc, explain=True)["reason_counts"]
    assert legend_counts(root) == counts


def assert_self_contained(root: lxml.html.HtmlElement, text: str) -> None:
    """No scripts, no external assets, no event handlers."""
    assert not root.xpath("//script | //link | //img | //iframe | //object | //embed")
    assert not root.xpath("//@src")
    for attr in root.xpath("//@*"):
        assert not attr.attrname.lower().startswith("on"), attr.attrname
    style = "".join(root.xpath("//style/text()"))
    assert "url(" not in style and "@import" not in style
    assert "http://" not in style and "https://" not in style
    assert "<script" not in text.lower()


# --- a Document built by hand: every feature, stable forever ----------------------------

def _block(i: int, text: str, kind: BlockKind = BlockKind.PARAGRAPH, level: int = 0) -> Block:
    return Block(id=i, text=text, kind=kind, features=Features(words=len(text.split()),
                 chars=len(text)), level=level, span=f"line {i + 1}")


def handmade_document() -> Document:
    rows: list[tuple[str, BlockKind, Verdict]] = [
        ("Skip to content", BlockKind.PARAGRAPH, Verdict(Reason.SKIP_LINK, "phrase",
                                                          "starts with 'skip to'")),
        ("Home", BlockKind.LIST_ITEM, Verdict(Reason.NAV, "shape", "short link line")),
        ("News", BlockKind.LIST_ITEM, Verdict(Reason.NAV, "shape", "short link line")),
        ("Sport", BlockKind.LIST_ITEM, Verdict(Reason.NAV, "shape", "short link line")),
        ("Contact", BlockKind.LIST_ITEM, Verdict(Reason.NAV, "shape", "short link line")),
        ("A headline with <b>tags</b> & \"quotes\"", BlockKind.HEADING,
         Verdict(Reason.ARTICLE_HEADING, "default")),
        ("</div><script>alert('x')</script> is page text, not markup.\x07 Bell above.",
         BlockKind.PARAGRAPH, Verdict(Reason.ARTICLE_BODY, "default")),
        ("Second paragraph\nwith a line break, ünïcødé and an emoji 🍅.", BlockKind.PARAGRAPH,
         Verdict(Reason.ARTICLE_BODY, "default")),
        ("def f():\n    return 1", BlockKind.CODE, Verdict(Reason.ARTICLE_BODY, "default")),
        ("a | b\n1 | 2", BlockKind.TABLE, Verdict(Reason.DISABLED_CONTENT, "settings",
                                                    "tables are off")),
        ("Share: Facebook Twitter", BlockKind.PARAGRAPH,
         Verdict(Reason.SHARE_BAR, "markup", "class/id 'x\" onmouseover=\"alert(1)'")),
        ("", BlockKind.PARAGRAPH, Verdict(Reason.EMPTY, "empty")),
        ("© 2026 Example", BlockKind.PARAGRAPH, Verdict(Reason.COPYRIGHT, "phrase", "©")),
    ]
    blocks = tuple(_block(i, text, kind, 2 if kind is BlockKind.HEADING else 0)
                   for i, (text, kind, _) in enumerate(rows))
    meta = Metadata(title="A headline", authors=("Ann <Author>", "Bo"), date="2026-01-02",
                    site_name="Example & Co", language="en",
                    sources={"title": "h1", "authors": "byline", "date": "text",
                             "site_name": "text"},
                    flags={"authors": "generic name"}, word_count=20)
    return Document(blocks=blocks, verdicts=tuple(v for _, _, v in rows), metadata=meta,
                    input_kind=InputKind.TEXT, encoding=None)


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"golden file {path.name} was missing; written, check it and re-run")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (f"{name} differs from the golden file; if the change is "
                              "intended, re-run with CLEANER_UPDATE_GOLDEN=1")


# --- a page's Document frozen as JSON: golden reports that pipeline changes don't move ------

def document_to_json(doc: Document) -> dict[str, Any]:
    """What the report reads of a Document, JSON-ready."""
    return {
        "input_kind": str(doc.input_kind), "encoding": doc.encoding,
        "metadata": doc.metadata.as_dict(),
        "blocks": [{"text": d.text, "kind": str(d.block.kind), "level": d.block.level,
                    "span": d.block.span, "reason": str(d.reason), "rule": d.rule,
                    "evidence": d.evidence} for d in doc.decisions],
    }


def document_from_json(data: dict[str, Any]) -> Document:
    meta = dict(data["metadata"])
    for name in ("authors", "tags", "categories"):
        meta[name] = tuple(meta[name])
    blocks = tuple(Block(id=i, text=b["text"], kind=BlockKind(b["kind"]), level=b["level"],
                         span=b["span"], features=Features(words=len(b["text"].split()),
                                                           chars=len(b["text"])))
                   for i, b in enumerate(data["blocks"]))
    verdicts = tuple(Verdict(Reason(b["reason"]), b["rule"], b["evidence"])
                     for b in data["blocks"])
    return Document(blocks=blocks, verdicts=verdicts, metadata=Metadata(**meta),
                    input_kind=InputKind(data["input_kind"]), encoding=data["encoding"])


def frozen_document(page: Path) -> Document:
    """The Document of ``page`` as frozen in golden/<page>.doc.json (made by clean() when
    missing or with CLEANER_UPDATE_GOLDEN=1), so report goldens test the report only."""
    path = GOLDEN / f"{page.name}.doc.json"
    if UPDATE or not path.exists():
        data = document_to_json(cleaner.clean(page.read_bytes()))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    doc = document_from_json(json.loads(path.read_text(encoding="utf-8")))
    assert document_to_json(doc) == json.loads(path.read_text(encoding="utf-8"))
    return doc


def test_handmade_golden() -> None:
    _check_golden("handmade.report.html", build_report(handmade_document(), "handmade.txt"))


def test_handmade_faithful_and_escaped() -> None:
    doc = handmade_document()
    text = build_report(doc, "<handmade> & \"co\".txt")
    root = parse_report(text)
    assert_faithful(doc, root)
    assert_self_contained(root, text)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in text
    assert root.findtext(".//title") == "cleaner explain: <handmade> & \"co\".txt"
    # The control character became a replacement character, not raw bytes.
    assert "\x07" not in text and "\ufffd" in text
    # Runs of removed blocks fold into <details>, open on a small page.
    details = root.xpath("//details")
    assert len(details) == 2 and all(d.get("open") is not None for d in details)
    assert details[0].findtext("summary") == "5 removed blocks: nav ×4, skip-link"
    assert details[1].findtext("summary") == (
        "4 removed blocks: disabled-content, share-bar, empty, copyright")
    # Metadata: values, their sources and weak flags; missing fields listed.
    meta = {tr.get("data-field"): [c.text_content() for c in tr] for tr in
            root.xpath('//table[@class="meta"]//tr[@data-field]')}
    assert meta["authors"] == ["authors", "Ann <Author>; Bo", "byline (weak: generic name)"]
    assert meta["site_name"] == ["site_name", "Example & Co", "text"]
    assert "hostname" not in meta and "Not found:" in text
    facts = root.xpath('string(//ul[@class="facts"])')
    assert "input: text" in facts and "encoding: not decoded" in facts


def test_folding_threshold_and_big_pages_start_folded() -> None:
    n = OPEN_RUNS_BELOW_BLOCKS + 20
    verdicts = []
    for i in range(n):
        removed = i % 10 < RUN_COLLAPSE_MIN or i % 10 == 7  # a run to fold, a lone one
        verdicts.append(Verdict(Reason.NAV if removed else Reason.ARTICLE_BODY, "r"))
    doc = Document(blocks=tuple(_block(i, f"block {i}") for i in range(n)),
                   verdicts=tuple(verdicts), metadata=Metadata(), input_kind=InputKind.HTML)
    root = parse_report(build_report(doc, "big"))
    assert_faithful(doc, root)
    details = root.xpath("//details")
    assert len(details) == n // 10
    assert all(d.get("open") is None for d in details)
    folded = [b for b in report_blocks(root) if b["folded"]]
    assert len(folded) == RUN_COLLAPSE_MIN * (n // 10)
    assert all(b["verdict"] == "removed" for b in folded)


def test_empty_document_still_renders() -> None:
    doc = Document(blocks=(), verdicts=(), metadata=Metadata(), input_kind=InputKind.HTML,
                   encoding="utf-8")
    root = parse_report(build_report(doc, "empty.html"))
    assert report_blocks(root) == [] and legend_counts(root) == {}


# --- real pages through the pipeline ------------------------------------------------------

def test_fixture_page_faithful() -> None:
    page = REPORT_FIXTURES / "garden-blog.html"
    doc = cleaner.clean(page.read_bytes())
    text = build_report(doc, page.name)
    root = parse_report(text)
    assert_faithful(doc, root)
    assert_self_contained(root, text)
    assert "encoding: cp1252" in root.xpath('string(//ul[@class="facts"])')
    # The page text "<script>" is shown as text, escaped in the source.
    assert "the tag &lt;script&gt; belongs" in text


@pytest.mark.parametrize("name", ["garden-blog.html", "flattened-recipe.txt"])
def test_fixture_page_golden(name: str) -> None:
    doc = frozen_document(REPORT_FIXTURES / name)
    text = build_report(doc, name)
    assert_faithful(doc, parse_report(text))
    _check_golden(f"{name}.report.html", text)


def test_text_fixture_faithful() -> None:
    page = REPORT_FIXTURES / "flattened-recipe.txt"
    doc = cleaner.clean(page.read_bytes())
    root = parse_report(build_report(doc, page.name))
    assert_faithful(doc, root)
    # Every block's text comes from the page, in page order (however lines were grouped).
    flat_page, at = _flat(page.read_text(encoding="utf-8")), 0
    for shown in report_blocks(root):
        found = flat_page.find(_flat(str(shown["text"])), at)
        assert found >= 0, shown["text"]
        at = found
    assert "input: text" in root.xpath('string(//ul[@class="facts"])')


def test_write_page_report_writes_atomically(tmp_path: Path) -> None:
    doc = handmade_document()
    target = tmp_path / "deep" / "dir" / "page.html"
    write_page_report(doc, target, "page.txt")
    assert target.read_text(encoding="utf-8") == build_report(doc, "page.txt")
    assert [p.name for p in target.parent.iterdir()] == ["page.html"]


def test_legend_counts_match_decisions() -> None:
    doc = cleaner.clean((REPORT_FIXTURES / "garden-blog.html").read_bytes())
    root = parse_report(build_report(doc, "x"))
    assert legend_counts(root) == dict(Counter(str(d.reason) for d in doc.decisions))

"""The explain report: one self-contained HTML page showing why each block went.

Blocks appear in page order: kept ones plain, removed ones struck through
(``<del>``, so the strike survives without CSS) and coloured by reason, with the
reason, rule and evidence both in a ``title`` tooltip and in a side column. A
legend counts blocks per reason; the metadata table says where each field came
from. No external assets and no script: long runs of removed blocks fold into
``<details>``, which browsers open and close natively.

Everything taken from the page is passed through :func:`html.escape`, so page
text can never become markup. Plain string building (not a template engine)
keeps the module dependency-free and fast on multi-megabyte pages.
"""

from __future__ import annotations

import html
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from cleaner.core.model import BlockKind, Decision, Document, Metadata
from cleaner.core.reasons import Reason
from cleaner.outputs.report_index import write_index
from cleaner.outputs.report_text import NO_ENCODING, render_report_text, summary_line

__all__ = ["build_report", "render_report_text", "write_index", "write_page_report"]

# A run of at least this many consecutive removed blocks folds into one
# <details> element: shorter runs take less room shown than folded.
RUN_COLLAPSE_MIN = 4
# Pages with fewer blocks than this show their folded runs open (everything is
# visible at once); bigger pages start folded so the kept text stays findable.
OPEN_RUNS_BELOW_BLOCKS = 80
# Hue step for reason codes without a hand-picked colour (see _COLOURS): the
# golden angle spreads any number of hues around the wheel.
HUE_STEP = 137.508

# C0 control characters (except tab, newline, carriage return) are not allowed
# in HTML text; scraped pages carry them now and then.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_METADATA_FIELDS = ("title", "authors", "date", "date_modified", "site_name", "url",
                    "hostname", "language", "description", "tags", "categories", "image",
                    "license", "page_type")

# Line heights are whole pixels: with content-visibility (which keeps a page
# of 20,000 blocks fast) rows at fractional offsets lose their 1px separators.
_CSS = """
:root{color-scheme:light;--ink:#1d232b;--muted:#5f6b78;--line:#d8dde3;--kept:#2f7d4f}
*{box-sizing:border-box}
body{margin:0;font:15px/22px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
 color:var(--ink);background:#f6f7f9}
main{max-width:1180px;margin:0 auto;padding:20px 24px 48px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:22px 0 8px}
.src{font-family:ui-monospace,Menlo,Consolas,monospace;color:var(--muted);margin:0 0 10px;
 overflow-wrap:anywhere}
.facts{display:flex;flex-wrap:wrap;gap:6px 18px;list-style:none;padding:0;margin:0}
.facts b{font-weight:600}
.panels{display:flex;flex-wrap:wrap;gap:0 28px}.panels>section{flex:1 1 420px;min-width:0}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line)}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#eef1f4;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
td.v{overflow-wrap:anywhere}.none{color:var(--muted)}
.legend td:first-child,.meta td:last-child{white-space:nowrap}
.legend a{color:inherit;text-decoration:none}.legend a:hover{text-decoration:underline}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
.sw{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:6px;
 vertical-align:-1px;background:var(--c,#fff);border:1px solid var(--c,var(--kept))}
.blocks{background:var(--line);border:1px solid var(--line);border-top:0}
.blk{display:flex;gap:16px;padding:6px 10px;margin-top:1px;background:#fff;
 border-left:4px solid transparent;
 content-visibility:auto;contain-intrinsic-size:auto 2.6em}
.blk .txt{flex:1 1 auto;min-width:0;white-space:pre-wrap;overflow-wrap:anywhere}
.blk .why{flex:0 0 290px;font-size:12.5px;line-height:18px;color:var(--muted);
 overflow-wrap:anywhere}
.why>code{font-weight:600;color:var(--c,var(--kept))}
.why .rule::before{content:" · rule "}.why .ev{display:block;color:var(--ink)}
.why .at{display:block;font:11px/16px ui-monospace,Menlo,Consolas,monospace}
.removed{border-left-color:var(--c);background:var(--bg)}
.removed .txt{color:var(--c)}.removed del{text-decoration-thickness:1px}
.kept .why>code::before{content:"✓ "}
.k-heading .txt{font-weight:650;font-size:16px}
.k-list-item .txt::before{content:"• "}
.k-quote .txt{font-style:italic}
.k-code .txt,.k-table .txt{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
details.run{background:var(--line);margin-top:1px}
details.run>summary{cursor:pointer;padding:5px 10px;color:var(--muted);background:#f1f3f5;
 font-size:13px;line-height:20px}
@media (max-width:760px){.blk{flex-direction:column;gap:2px}.blk .why{flex-basis:auto}}
"""


def _esc(value: object) -> str:
    """Escape page-derived text for element content and quoted attributes."""
    return html.escape(_CONTROL.sub("\ufffd", str(value)), quote=True)


# (hue, saturation %) per removal reason, picked by hand so that the reasons
# that meet on one page (page furniture, chrome in the article, statistical
# verdicts) look different; the statistical ones are greyer on purpose.
_COLOURS: dict[Reason, tuple[int, int]] = {
    Reason.TITLE: (250, 45), Reason.NAV: (218, 70), Reason.BREADCRUMB: (325, 65),
    Reason.HEADER: (268, 55), Reason.FOOTER: (238, 45), Reason.SIDEBAR: (28, 75),
    Reason.SKIP_LINK: (200, 60), Reason.PAGINATION: (182, 65), Reason.COPYRIGHT: (4, 55),
    Reason.COOKIE_BANNER: (192, 80), Reason.RELATED_LINKS: (348, 70),
    Reason.COMMENTS: (105, 60), Reason.COMMENT_FORM: (135, 45), Reason.BYLINE: (44, 85),
    Reason.SHARE_BAR: (168, 70), Reason.NEWSLETTER: (292, 60), Reason.ADS: (12, 85),
    Reason.AUTHOR_BOX: (62, 60), Reason.TAG_LIST: (80, 55), Reason.TABLE_OF_CONTENTS: (150, 55),
    Reason.MEDIA_CREDIT: (36, 50), Reason.HIDDEN: (0, 0), Reason.OUTSIDE_ARTICLE: (210, 25),
    Reason.LOW_TEXT_DENSITY: (280, 22), Reason.LINK_DENSE: (228, 35),
    Reason.BOILERPLATE_LINE: (18, 35), Reason.DUPLICATE: (160, 30),
    Reason.REPEATED_ACROSS_PAGES: (120, 25), Reason.EMPTY: (0, 0),
    Reason.DISABLED_CONTENT: (50, 20), Reason.USER_REMOVE: (310, 75),
}


def _colour(reason: Reason) -> tuple[int, int]:
    """A reason's (hue, saturation); codes added later get a golden-angle hue."""
    return _COLOURS.get(reason, (round(list(Reason).index(reason) * HUE_STEP) % 360, 60))


def _reason_css(reasons: Iterable[Reason]) -> str:
    """Colour variables for the removal reasons present (kept ones stay plain)."""
    rules = []
    for reason in sorted(set(reasons), key=list(Reason).index):
        if reason.keeps:
            continue
        hue, sat = _colour(reason)
        rules.append(f".r-{reason}{{--c:hsl({hue} {sat}% 34%);"
                     f"--bg:hsl({hue} {min(100, sat + 25)}% 96%)}}")
    return "\n".join(rules)


def _tooltip(d: Decision) -> str:
    """Reason, meaning, rule, evidence (where the block sits is in the side column)."""
    lines = [f"{d.reason}: {d.reason.meaning}", f"rule: {d.rule}"]
    if d.evidence:
        lines.append(f"evidence: {d.evidence}")
    return "\n".join(lines)


def _block_html(d: Decision, index: int) -> str:
    verdict = "kept" if d.verdict.keep else "removed"
    text = _esc(d.text) if d.text.strip() else '<span class="none">(no text)</span>'
    if not d.verdict.keep:
        text = f"<del>{text}</del>"
    kind = d.block.kind
    level = f" h{d.block.level}" if kind is BlockKind.HEADING and d.block.level else ""
    where = f"{kind}{level}" + (f" · {d.block.span}" if d.block.span else "")
    evidence = f'<span class="ev">{_esc(d.evidence)}</span>' if d.evidence else ""
    return (
        # The classes carry verdict, reason and kind (no data-* copies: on a page of
        # 20,000 blocks every byte per block counts in the browser).
        f'<div class="blk {verdict} r-{d.reason} k-{kind}" id="b{index}"'
        f' title="{_esc(_tooltip(d))}">'
        f'<div class="txt">{text}</div>'
        f'<div class="why"><code>{d.reason}</code>'
        f'<span class="rule">{_esc(d.rule)}</span>{evidence}'
        f'<span class="at">{_esc(where)}</span></div></div>\n'
    )


def _runs(decisions: Sequence[Decision]) -> Iterator[tuple[bool, int, int]]:
    """(is a foldable run, start, end) slices covering the decisions in order."""
    start = 0
    n = len(decisions)
    while start < n:
        end = start
        while end < n and not decisions[end].verdict.keep:
            end += 1
        if end - start >= RUN_COLLAPSE_MIN:
            yield True, start, end
        elif end == start:
            end = start + 1
            while end < n and decisions[end].verdict.keep:
                end += 1
            yield False, start, end
        else:
            yield False, start, end
        start = end


def _run_summary(run: Sequence[Decision]) -> str:
    counts = Counter(str(d.reason) for d in run)
    parts = [f"{reason} ×{count}" if count > 1 else reason
             for reason, count in counts.most_common()]
    return f"{len(run)} removed blocks: " + ", ".join(parts)


def _blocks_html(decisions: Sequence[Decision]) -> str:
    out: list[str] = []
    opened = " open" if len(decisions) < OPEN_RUNS_BELOW_BLOCKS else ""
    for foldable, start, end in _runs(decisions):
        body = "".join(_block_html(d, i + 1) for i, d in
                       zip(range(start, end), decisions[start:end], strict=True))
        if foldable:
            summary = _esc(_run_summary(decisions[start:end]))
            out.append(f'<details class="run"{opened}><summary>{summary}</summary>\n'
                       f"{body}</details>\n")
        else:
            out.append(body)
    return "".join(out)


def _legend_html(decisions: Sequence[Decision]) -> str:
    counts = Counter(d.reason for d in decisions)
    # Each code links to its first block (browsers open a folded run to show it).
    first: dict[Reason, int] = {}
    for index, d in enumerate(decisions, start=1):
        first.setdefault(d.reason, index)
    order = sorted(counts, key=lambda r: (not r.keeps, -counts[r], list(Reason).index(r)))
    rows = []
    for reason in order:
        verdict = "kept" if reason.keeps else "removed"
        rows.append(
            f'<tr class="r-{reason}" data-reason="{reason}" data-count="{counts[reason]}">'
            f'<td><span class="sw"></span><a href="#b{first[reason]}" title="first block">'
            f"<code>{reason}</code></a></td><td>{verdict}</td>"
            f'<td class="n">{counts[reason]}</td><td>{_esc(reason.meaning)}</td></tr>'
        )
    if not rows:
        rows.append('<tr><td colspan="4" class="none">no blocks</td></tr>')
    return ('<table class="legend"><thead><tr><th>reason</th><th>verdict</th>'
            '<th>blocks</th><th>meaning</th></tr></thead><tbody>\n'
            + "\n".join(rows) + "\n</tbody></table>")


def _meta_value(value: object) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)


def _metadata_html(meta: Metadata) -> str:
    data = meta.as_dict()
    rows, missing = [], []
    for name in _METADATA_FIELDS:
        value = data[name]
        if value in (None, "", [], ()):
            missing.append(name)
            continue
        source = meta.sources.get(name, "")
        flag = meta.flags.get(name)
        note = f' <span class="none">(weak: {_esc(flag)})</span>' if flag else ""
        rows.append(f'<tr data-field="{name}"><th>{name}</th>'
                    f'<td class="v">{_esc(_meta_value(value))}</td>'
                    f'<td><code>{_esc(source) or "—"}</code>{note}</td></tr>')
    rows.append(f'<tr data-field="word_count"><th>word_count</th><td class="v">'
                f'{meta.word_count}</td><td><code>kept blocks</code></td></tr>')
    table = ('<table class="meta"><thead><tr><th>field</th><th>value</th><th>from</th></tr>'
             '</thead><tbody>\n' + "\n".join(rows) + "\n</tbody></table>")
    if missing:
        table += f'<p class="none">Not found: {", ".join(missing)}.</p>'
    return table


def build_report(doc: Document, source_name: str) -> str:
    """The whole report page as one HTML string."""
    decisions = doc.decisions
    kept = sum(1 for d in decisions if d.verdict.keep)
    words = doc.metadata.word_count
    facts = [
        f"input: <b>{doc.input_kind}</b>",
        f"encoding: <b>{_esc(doc.encoding or NO_ENCODING)}</b>",
        f"<b>{kept}</b> kept, <b>{len(decisions) - kept}</b> removed of "
        f"<b>{len(decisions)}</b> blocks",
        f"<b>{words}</b> words kept",
    ]
    return "".join([
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="generator" content="cleaner explain">\n',
        f"<title>cleaner explain: {_esc(source_name)}</title>\n",
        f"<style>{_CSS}{_reason_css(d.reason for d in decisions)}\n</style>\n</head>\n",
        "<body>\n<main>\n<header>\n<h1>Why each block was kept or removed</h1>\n",
        f'<p class="src" data-summary="{_esc(summary_line(doc, source_name))}">'
        f"{_esc(source_name)}</p>\n",
        '<ul class="facts">' + "".join(f"<li>{f}</li>" for f in facts) + "</ul>\n</header>\n",
        '<div class="panels">\n<section id="legend"><h2>Reasons</h2>\n',
        _legend_html(decisions),
        '\n</section>\n<section id="metadata"><h2>Metadata and where it came from</h2>\n',
        _metadata_html(doc.metadata),
        "\n</section>\n</div>\n",
        '<section id="blocks"><h2>Blocks in page order</h2>\n<div class="blocks">\n',
        _blocks_html(decisions) or '<p class="none">The page produced no blocks.</p>',
        "</div>\n</section>\n</main>\n</body>\n</html>\n",
    ])


def write_page_report(doc: Document, path: Path, source_name: str) -> None:
    """Write the report of ``doc`` to ``path`` (parent created; write, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    tmp.write_text(build_report(doc, source_name), encoding="utf-8", errors="replace")
    tmp.replace(path)

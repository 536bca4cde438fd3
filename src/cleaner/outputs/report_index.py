"""``index.html`` of a batch of explain reports: one row per page, sortable.

The table reads fine as plain HTML; a few lines of inline script add sorting
when a column header is clicked (numbers numerically, names by text). Each
cell carries its sort key in ``data-sort`` so the script never parses markup.
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import quote

_CSS = """
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
 color:#1d232b;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:20px 24px 48px}
h1{font-size:22px;margin:0 0 8px}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #d8dde3}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #d8dde3;vertical-align:top}
th{background:#eef1f4;font-weight:600;white-space:nowrap}
th button{font:inherit;border:0;background:none;padding:0;cursor:pointer;color:inherit}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
button[data-dir=asc]::after{content:" ▲"}button[data-dir=desc]::after{content:" ▼"}
td.name{overflow-wrap:anywhere}
tr.failed td{background:#fdeeee}.err{color:#a1262d}
"""

# Sorting only: without it the page is the same table in input order.
_SCRIPT = """
document.querySelectorAll("th button").forEach(function (button, col) {
  button.addEventListener("click", function () {
    var body = document.querySelector("tbody");
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = button.dataset.type === "number";
    var down = button.dataset.dir !== "desc" && button.dataset.dir !== undefined;
    button.dataset.dir = down ? "desc" : "asc";
    rows.sort(function (a, b) {
      var x = a.cells[col].dataset.sort, y = b.cells[col].dataset.sort;
      var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return down ? -c : c;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
});
"""

_COLUMNS = (("page", "text"), ("kept", "number"), ("removed", "number"), ("error", "text"))


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _row(entry: Mapping[str, object]) -> str:
    name = str(entry.get("name", ""))
    report = str(entry.get("report") or "")
    error = entry.get("error")
    kept, removed = entry.get("kept", 0), entry.get("removed", 0)
    # Quoted: page names may hold '#', '?' or spaces, which would break a raw href.
    link = f'<a href="{_esc(quote(report))}">{_esc(name)}</a>' if report else _esc(name)
    err = f'<span class="err">{_esc(error)}</span>' if error else ""
    return (f'<tr class="{"failed" if error else "ok"}">'
            f'<td class="name" data-sort="{_esc(name)}">{link}</td>'
            f'<td class="n" data-sort="{_esc(kept)}">{_esc(kept)}</td>'
            f'<td class="n" data-sort="{_esc(removed)}">{_esc(removed)}</td>'
            f'<td data-sort="{_esc(error or "")}">{err}</td></tr>')


def build_index(entries: list[dict[str, object]]) -> str:
    """The index page as one HTML string."""
    failed = sum(1 for e in entries if e.get("error"))
    head = "".join(f'<th class="{"n" if kind == "number" else "t"}">'
                   f'<button type="button" data-type="{kind}">{label}</button></th>'
                   for label, kind in _COLUMNS)
    rows = "\n".join(_row(e) for e in entries)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>cleaner explain: {len(entries)} pages</title>\n<style>{_CSS}</style>\n"
        "</head>\n<body>\n<main>\n<h1>Explain reports</h1>\n"
        f'<p class="summary">{len(entries)} pages, {len(entries) - failed} cleaned, '
        f"{failed} failed. Click a column header to sort.</p>\n"
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n"
        f"</main>\n<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )


def write_index(entries: list[dict[str, object]], directory: Path) -> None:
    """Write ``directory/index.html`` listing ``entries`` (name, report, kept, removed, error)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "index.html"
    tmp = directory / f".index.html.{os.getpid()}.part"
    tmp.write_text(build_index(entries), encoding="utf-8", errors="replace")
    tmp.replace(path)

"""Data table or page layout? A data table becomes one table block; a layout
table is walked into, its cells read as the page's columns and paragraphs."""

from __future__ import annotations

from collections.abc import Sequence

from lxml.html import HtmlElement

# Elements that never sit inside a data table's cells: a nested table, headings,
# quotes, code, a form. Any of them makes the table layout scaffolding.
_LAYOUT_INSIDE = ("table", "h1", "h2", "h3", "h4", "blockquote", "pre", "form")
# Tables with fewer cells per row on average than this (and fewer than
# MIN_DATA_ROWS rows) are scaffolding around a column of content.
MIN_DATA_TABLE_CELLS = 2
MIN_DATA_ROWS = 3
# Old table layouts put the page's columns in <td>s: the article in one cell,
# the menu in another. A table is such a layout when one cell holds a column of
# prose (this many words; long data cells, a course schedule's reading lists,
# exist, so length alone is not enough) and another is a link column
# (LINK_COLUMN_MIN links making up most of its text). A layout has a few rows
# (banner, columns, footer); a data table whose rows carry reading lists has many.
LAYOUT_MAX_ROWS = 6
PROSE_CELL_WORDS = 80
LINK_COLUMN_MIN = 5
LINK_COLUMN_DENSITY = 0.5


def nonspace(text: str) -> int:
    """Characters of ``text`` that are not spaces, tabs or line breaks."""
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t")


def layout_by_markup(table: HtmlElement) -> bool:
    """Layout by what it holds (one scan of the subtree) or by its role."""
    if table.get("role") == "presentation":
        return True
    return any(inner is not table for inner in table.iter(*_LAYOUT_INSIDE))


def layout_by_rows(table: HtmlElement, rows: Sequence[tuple[str, ...]]) -> bool:
    """Layout by its rows (cell texts, white space folded): a column of cells,
    or a prose column beside a link column in a few rows."""
    if len(rows) <= LAYOUT_MAX_ROWS and any(
            cell.count(" ") >= PROSE_CELL_WORDS for row in rows for cell in row) \
            and _has_link_column(table):
        return True
    cells = sum(len(r) for r in rows)
    return cells / len(rows) < MIN_DATA_TABLE_CELLS and len(rows) < MIN_DATA_ROWS


def _has_link_column(table: HtmlElement) -> bool:
    """Does a cell of ``table`` hold a menu: several links, mostly link text?"""
    for cell in table.iter("td", "th"):
        links = cell.findall(".//a")
        if len(links) < LINK_COLUMN_MIN:
            continue
        total = nonspace(cell.text_content())
        if total and sum(nonspace(a.text_content()) for a in links) >= LINK_COLUMN_DENSITY * total:
            return True
    return False

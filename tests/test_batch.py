"""`cleaner batch`: inputs (dirs, WARC written with warcio, JSONL, stdin), outputs, failures."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.inputs.names import clean_relpath, slug
from cleaner.run.batch import BatchOptions, run_batch
from cleaner.run.paths import safe_join

ARTICLE = (
    "<html><head><title>{title}</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/about'>About</a></nav>"
    "<article><h1>{title}</h1>"
    "<p>{word} is the subject of this paragraph, which is long enough to be read as prose by "
    "the cleaner, with commas, clauses and a full stop at the end of the sentence.</p>"
    "<p>A second paragraph about {word} adds more text, so that the article region is clear "
    "and the page is not mistaken for a list of links or a navigation menu.</p>"
    "</article><footer>Copyright 2024 Example</footer></body></html>"
)


def page(n: int | str, word: str = "Gardening") -> str:
    return ARTICLE.format(title=f"Page {n} about {word}", word=word)


def cli(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cleaner", "batch", *args], input=stdin,
                          capture_output=True, text=True, env={**os.environ, **(env or {})},
                          cwd=cwd, timeout=240)


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]]) -> None:
    """(uri, content-type header, payload, record type) per record, gzip-compressed."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, ctype, payload, rtype in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            if rtype == "request":
                headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")],
                                           is_http_request=True)
            rec = writer.create_warc_record(uri, rtype, payload=io.BytesIO(payload),
                                            http_headers=headers)
            writer.write_record(rec)


def read_jsonl(path: Path) -> list[dict[str, object]]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_warc_records_become_records_with_ids_urls_and_http_charset(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    latin = page(1, "Café crème").encode("latin-1")
    write_warc(warc, [
        ("https://example.org/a", "text/html; charset=ISO-8859-1", latin, "response"),
        ("https://example.org/a", "", b"", "request"),
        ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200),
         "response"),
        ("https://example.org/b", "text/html", page(2).encode(), "response"),
    ])
    out = tmp_path / "out.jsonl"
    code = run_batch(BatchOptions(inputs=(str(warc),), output=str(out), jobs=2, quiet=True))
    assert code == 0
    rows = read_jsonl(out)
    assert [r["url"] for r in rows] == ["https://example.org/a", "https://example.org/b"]
    assert all(str(r["id"]).startswith("<urn:uuid:") for r in rows)
    assert "Café crème is the subject" in str(rows[0]["text"])
    sources = [r["source"] for r in rows]
    assert all(s["path"] == str(warc) and isinstance(s["offset"], int) for s in sources)
    assert sources[0]["offset"] < sources[1]["offset"]


def test_warc_into_mirror_tree_names_by_record_number_and_url(tmp_path: Path) -> None:
    warc = tmp_path / "c.warc.gz"
    write_warc(warc, [("https://example.org/x/y?z=1", "text/html", page(1).encode(),
                       "response")])
    out = tmp_path / "out"
    assert run_batch(BatchOptions(inputs=(str(warc),), output=str(out), jobs=1, quiet=True)) == 0
    assert [p.relative_to(out).as_posix() for p in out.rglob("*.txt")] == [
        "c/0000001-example.org_x_y_z_1.txt"]


def test_jsonl_input_keys_carried_fields_and_bad_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl.gz"
    lines = [
        json.dumps({"doc": "d1", "link": "https://example.org/1", "body": page(1), "lang": "en"}),
        "{not json",
        json.dumps({"doc": "d2", "flat": "Just one line of flattened text about rivers.\n" * 3,
                    "crawl": 7}),
        json.dumps({"doc": "d3"}),
    ]
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl.gz"
    code = run_batch(BatchOptions(inputs=(str(src),), output=str(out), jobs=2, quiet=True,
                                  html_key="body", text_key="flat", id_key="doc",
                                  url_key="link"))
    assert code == 1
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == ["d1", "d2"]
    assert rows[0]["url"] == "https://example.org/1" and rows[0]["lang"] == "en"
    assert rows[1]["crawl"] == 7 and rows[1]["input_kind"] == "text"
    assert rows[0]["source"] == {"path": str(src), "line": 1}
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [(e["source"]["line"], e["kind"]) for e in errors] == [(2, "read-error"),
                                                                  (4, "empty-input")]


def test_bad_files_fail_alone_and_are_listed(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "good.html").write_text(page(1))
    (inp / "empty.html").write_bytes(b"")
    (inp / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    (inp / "corrupt.html.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"garbage" * 50)
    (inp / "huge.html").write_text(page(2) + " " * 5000)
    (inp / "sub").mkdir()
    (inp / "sub" / "also-good.htm").write_text(page(3))
    out = tmp_path / "out"
    res = cli(str(inp), "-o", str(out), "--max-bytes", "4000", "-j", "2")
    assert res.returncode == 1, res.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt")) == [
        "good.txt", "sub/also-good.txt"]
    errors = {Path(e["source"]["path"]).name: e["kind"] for e in read_jsonl(out / "errors.jsonl")}
    assert errors == {"binary.html": "not-a-page", "corrupt.html.gz": "read-error",
                      "empty.html": "empty-input", "huge.html": "too-large"}
    assert "4 failed" in res.stderr and "not-a-page 1" in res.stderr
    assert not list(out.rglob("*.part"))
    # A rerun resumes: nothing is redone, the failures still count.
    again = cli(str(inp), "-o", str(out), "-j", "2")
    assert again.returncode == 1 and "6 skipped" in again.stderr


def test_hanging_page_is_abandoned_and_the_batch_finishes(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    for n in range(6):
        (inp / f"p{n}.html").write_text(page(n))
    (inp / "p3.html").write_text(page(3, "HANG-ME-PLEASE"))
    out = tmp_path / "out.jsonl"
    res = cli(str(inp), "-o", str(out), "-j", "2", "--timeout", "5",
              env={"CLEANER_TEST_HANG_TOKEN": "HANG-ME-PLEASE"})
    assert res.returncode == 1, res.stderr
    assert [r["id"] for r in read_jsonl(out)] == [f"p{n}.html" for n in (0, 1, 2, 4, 5)]
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [(e["id"], e["kind"]) for e in errors] == [("p3.html", "timeout")]


def test_killed_worker_loses_only_its_page(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    for n in range(8):
        (inp / f"p{n}.html").write_text(page(n, "CRASH-NOW" if n in (2, 5) else "Gardening"))
    out = tmp_path / "out"
    res = cli(str(inp), "-o", str(out), "-j", "2", env={"CLEANER_TEST_CRASH_TOKEN": "CRASH-NOW"})
    assert res.returncode == 1, res.stderr
    assert len(list(out.glob("*.txt"))) == 6
    errors = read_jsonl(out / "errors.jsonl")
    assert [(e["id"], e["kind"]) for e in errors] == [("p2.html", "worker-crash"),
                                                      ("p5.html", "worker-crash")]


def test_stdin_list_and_several_inputs_keep_their_paths(tmp_path: Path) -> None:
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "same.html").write_text(page(d))
    res = cli("-", "-o", "out", stdin="a/same.html\n\nb/same.html\nmissing.html\n",
              cwd=tmp_path)
    assert res.returncode == 1, res.stderr
    assert sorted(p.relative_to(tmp_path / "out").as_posix()
                  for p in (tmp_path / "out").rglob("*.txt")) == ["a/same.txt", "b/same.txt"]
    assert read_jsonl(tmp_path / "out" / "errors.jsonl")[0]["kind"] == "read-error"


def test_glob_filters_directory_files(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "keep.page").write_text(page(1))
    (tmp_path / "in" / "skip.html").write_text(page(2))
    out = tmp_path / "out"
    code = run_batch(BatchOptions(inputs=(str(tmp_path / "in"),), output=str(out), jobs=1,
                                  quiet=True, glob="*.page"))
    assert code == 0 and [p.name for p in out.glob("*.txt")] == ["keep.txt"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    res = cli(str(tmp_path / "nope"), "-o", str(tmp_path / "out"))
    assert res.returncode == 2 and "no such file" in res.stderr
    assert "Traceback" not in res.stderr
    res = cli(str(tmp_path), "-o", str(tmp_path / "o"), "--jobs", "0")
    assert res.returncode == 2


@pytest.mark.parametrize("bad", [
    "../../escape", "/etc/passwd", "a/../../b", "nul\x00byte", "x" * 5000, "..", ".",
    "a\\..\\..\\b", "dir/" * 300 + "deep",
])
def test_output_names_never_escape(tmp_path: Path, bad: str) -> None:
    root = tmp_path / "out"
    target = safe_join(root, clean_relpath(bad) + ".txt")
    full = os.path.abspath(target)
    assert full.startswith(os.path.abspath(root) + os.sep)
    assert all(len(part.encode()) <= 200 for part in Path(full).parts)
    assert "\x00" not in full
    assert "/" not in slug(bad) and slug(bad) not in ("", ".", "..")


def test_hostile_jsonl_ids_and_urls_stay_inside_the_output(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    ids = ["../../../outside", "/abs/path", "nul\x00id", "é" * 400, "..", "a/b/../../../c"]
    src.write_text("".join(json.dumps({"id": i, "url": "file:///../../" + str(n),
                                       "html": page(n)}) + "\n" for n, i in enumerate(ids)))
    out = tmp_path / "deep" / "out"
    code = run_batch(BatchOptions(inputs=(str(src),), output=str(out), jobs=2, quiet=True))
    assert code == 0
    written = [p for p in tmp_path.rglob("*.txt")]
    assert len(written) == len(ids)
    assert all(os.path.abspath(p).startswith(os.path.abspath(out) + os.sep) for p in written)


def test_parquet_output_has_the_same_records(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    inp = tmp_path / "in"
    inp.mkdir()
    for n in range(3):
        (inp / f"p{n}.html").write_text(page(n))
    assert run_batch(BatchOptions(inputs=(str(inp),), output=str(tmp_path / "o.parquet"),
                                  jobs=2, quiet=True)) == 0
    assert run_batch(BatchOptions(inputs=(str(inp),), output=str(tmp_path / "o.jsonl"),
                                  jobs=2, quiet=True)) == 0
    table = pq.read_table(tmp_path / "o.parquet").to_pylist()
    rows = read_jsonl(tmp_path / "o.jsonl")
    assert [t["id"] for t in table] == [r["id"] for r in rows]
    assert [t["text"] for t in table] == [r["text"] for r in rows]
    assert table[0]["source"]["path"] == rows[0]["source"]["path"]  # type: ignore[index]


def test_report_dir_gets_a_page_per_input_and_an_index(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    (inp / "sub").mkdir(parents=True)
    (inp / "sub" / "a.html").write_text(page(1))
    (inp / "b.html").write_bytes(b"")
    report = tmp_path / "report"
    code = run_batch(BatchOptions(inputs=(str(inp),), output=str(tmp_path / "o.jsonl"),
                                  jobs=1, quiet=True, report_dir=str(report)))
    assert code == 1
    assert (report / "sub" / "a.html").is_file()
    index = (report / "index.html").read_text()
    assert 'href="sub/a.html"' in index and "empty-input" in index


def test_same_stem_siblings_keep_their_suffix_and_both_outputs(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.html").write_text(page(1, "Beekeeping"), encoding="utf-8")
    (src / "a.txt").write_text("Sailing is the subject of this page of plain text, long enough "
                               "to be read as prose, with commas and a full stop.\n",
                               encoding="utf-8")
    (src / "b.html").write_text(page(2), encoding="utf-8")
    out = tmp_path / "out"
    done = cli(str(src), "-o", str(out), "--jobs", "1")
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["a.html.txt", "a.txt.txt", "b.txt"]
    assert "Beekeeping" in (out / "a.html.txt").read_text(encoding="utf-8")
    assert "Sailing" in (out / "a.txt.txt").read_text(encoding="utf-8")


def test_inputs_given_apart_that_name_one_output_all_keep_their_result(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "a.html").write_text(page(1, "Beekeeping"), encoding="utf-8")
    (crawl / "a.htm").write_text(page(2, "Sailing"), encoding="utf-8")
    # The same file twice (a list of paths with a repeat) and a folder that holds it.
    done = cli("crawl/a.html", "crawl/a.htm", "crawl/a.html", "crawl", "-o", "out",
               "--jobs", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    names = sorted(p.relative_to(tmp_path / "out").as_posix()
                   for p in (tmp_path / "out").rglob("*.txt"))
    # First come keeps the plain name; later ones their suffix, then a counter.
    assert set(names) == {"crawl/a.txt", "crawl/a.htm.txt", "crawl/a.html.txt",
                          "crawl/a.htm~2.txt", "crawl/a.html~2.txt"}, names
    texts = [(tmp_path / "out" / n).read_text(encoding="utf-8") for n in names]
    assert sum("Beekeeping" in t for t in texts) == 3 and sum("Sailing" in t for t in texts) == 2

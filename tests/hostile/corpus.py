"""Hostile and broken pages, built in memory when the tests run.

Each :class:`Case` says what ``clean()`` must do with it: return a Document whose
text keeps (and drops) given phrases, or raise the CleanerError of a given kind.
The big cases (several MB) are generated with byte multiplication, so building
the whole corpus takes well under a second; nothing here is ever committed as
data. ``write_corpus`` puts the files on disk for the CLI tests and for manual
runs (``python -m tests.hostile.corpus /tmp/hostile``).
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import random
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Prose that extraction keeps: the "article" every HTML case wraps its poison in.
LEAD = "The harbour committee met on Tuesday to review the plans for the new ferry terminal."
PROSE = (
    f"{LEAD} Members agreed that the old pier, built in 1911, can no longer carry the "
    "weight of modern vehicles and must be rebuilt before the winter storms arrive. "
    "The engineers presented three designs, and the committee asked for a fourth that "
    "keeps the historic lamp posts along the waterfront promenade.",
    "Residents who spoke at the meeting were mostly in favour, although several asked "
    "how long the crossing would be closed while the work goes on. The council expects "
    "to publish a timetable next month, after the contractors have been chosen.",
)
SECOND = "Residents who spoke at the meeting were mostly in favour"


def article(inside: str = "", before: str = "", after: str = "", head: str = "") -> str:
    """A small but realistic page; ``inside`` goes into the article body."""
    paras = "".join(f"<p>{p}</p>" for p in PROSE)
    return (
        f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">{head}"
        "<title>Ferry terminal plans | Harbour News</title></head><body>"
        "<nav class=\"menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">"
        "News</a></li><li><a href=\"/sport\">Sport</a></li></ul></nav>"
        f"{before}<main><article><h1>Ferry terminal plans</h1>{paras}{inside}</article></main>"
        f"{after}<footer class=\"site-footer\"><p>Copyright 2024 Harbour News</p></footer>"
        "</body></html>"
    )


@dataclass(frozen=True)
class Case:
    """One hostile input and the behaviour it must get."""

    name: str
    build: Callable[[], bytes]
    kind: str | None = None  # expected error kind; None: a Document
    keep: tuple[str, ...] = ()  # phrases the document text must contain
    drop: tuple[str, ...] = ()  # phrases it must not contain
    big: bool = False  # several MB: slow-ish, run once
    max_bytes: int | None = None  # a Settings.max_bytes for this case

    @property
    def exit_code(self) -> int:
        from cleaner.core.errors import ERROR_KINDS

        if self.kind is None:
            return 0
        return next(e.exit_code for e in ERROR_KINDS if e.kind == self.kind)


def _enc(text: str) -> bytes:
    return text.encode("utf-8")


def _random_bytes(n: int, seed: int = 8) -> bytes:
    return random.Random(seed).randbytes(n)


def _gzip_bomb() -> bytes:
    """~70 MB of zeros in ~70 KB of gzip: over the default 64 MiB limit."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = bytes(1 << 20)
    return b"".join([*(comp.compress(chunk) for _ in range(70)), comp.flush()])


def _raw_deflate(data: bytes) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    return comp.compress(data) + comp.flush()


def _deep(tag: str, depth: int) -> bytes:
    inner = f"<p>{PROSE[1]}</p>"
    return _enc(article(inside=f"<{tag}>" * depth + inner + f"</{tag}>" * depth))


def _many_tiny(n: int) -> bytes:
    return _enc(article()).replace(b"</article>", b"<i>a</i>" * n + b"</article>")


def _xxe(secret_path: str) -> bytes:
    entities = (
        f'<!ENTITY xxe SYSTEM "file://{secret_path}">'
        '<!ENTITY remote SYSTEM "http://127.0.0.1:9/evil.dtd">'
        '<!ENTITY a0 "lol">'
        + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    )
    doctype = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        f'"http://127.0.0.1:9/xhtml1-strict.dtd" [{entities}]>'
    )
    body = article(inside="<p>Entity one &xxe; two &remote; three &a9; end.</p>"
                   "<p>Named &eacute; &amp; numeric &#233; &#x2603; &#0; &#xD800; &#99999999;</p>")
    body = body.replace("<!DOCTYPE html><html lang=\"en\">",
                        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">')
    return _enc(doctype + body)


SECRET_MARKER = "TOP-SECRET-MARKER-9431"


def cases(secret_path: str = "/etc/hostname") -> list[Case]:
    """The whole corpus. ``secret_path`` is the file an XXE case tries to read."""
    art = article()
    return [
        # -- empty and binary ------------------------------------------------
        Case("empty", lambda: b"", "empty-input"),
        Case("whitespace-only", lambda: b" \r\n\t  \n\n", "empty-input"),
        Case("bom-only", lambda: b"\xef\xbb\xbf", "empty-input"),
        Case("nul-only", lambda: b"\x00" * 512, "not-a-page"),
        Case("nul-bytes-in-html", lambda: _enc(art.replace("harbour", "har\x00bour")),
             keep=(LEAD,)),
        Case("utf8-bom-then-binary", lambda: b"\xef\xbb\xbf" + _random_bytes(8192),
             "undecodable"),
        Case("random-binary", lambda: _random_bytes(64 * 1024), "not-a-page"),
        Case("png", lambda: b"\x89PNG\r\n\x1a\n" + _random_bytes(4096), "not-a-page"),
        Case("pdf", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + _random_bytes(4096), "not-a-page"),
        Case("zip", lambda: b"PK\x03\x04" + _random_bytes(4096), "not-a-page"),
        Case("bzip2", lambda: bz2.compress(_enc(art)), "not-a-page"),
        Case("xz", lambda: lzma.compress(_enc(art)), "not-a-page"),
        Case("zlib-not-gzip", lambda: zlib.compress(_enc(art) * 20), "not-a-page"),
        Case("raw-deflate", lambda: _raw_deflate(_enc(art) * 20), "not-a-page"),
        Case("gzip-ok", lambda: gzip.compress(_enc(art)), keep=(LEAD,)),
        Case("gzip-truncated", lambda: gzip.compress(_enc(art) * 50)[:300], "read-error"),
        Case("gzip-corrupt", lambda: b"\x1f\x8b\x08\x00" + b"garbage!" * 64, "read-error"),
        Case("gzip-of-binary", lambda: gzip.compress(_random_bytes(8192)), "not-a-page"),
        Case("gzip-in-gzip", lambda: gzip.compress(gzip.compress(_enc(art))), keep=(LEAD,)),
        Case("gzip-4-layers", lambda: gzip.compress(gzip.compress(gzip.compress(
            gzip.compress(_enc(art))))), "not-a-page"),
        Case("gzip-bomb", _gzip_bomb, "too-large"),
        Case("over-max-bytes", lambda: _enc(article(inside="<p>x</p>" * 2000)), "too-large",
             max_bytes=10_000),
        # -- broken markup -----------------------------------------------------
        Case("unclosed-comment", lambda: _enc(art.replace(
            "</article>", "</article><!-- never closed <p>hidden words</p>")),
            keep=(LEAD,), drop=("hidden words",)),
        Case("unclosed-cdata", lambda: _enc(art.replace(
            "</article>", "</article><![CDATA[ never closed <p>cdata words</p>")),
            keep=(LEAD,)),
        Case("script-never-closes", lambda: _enc(art.replace(
            "</article>", "</article><script>var s = '<p>script words</p>';")),
            keep=(LEAD,), drop=("script words",)),
        Case("style-never-closes", lambda: _enc(art.replace(
            "</article>", "</article><style>p { content: 'style words' }")),
            keep=(LEAD,), drop=("style words",)),
        Case("frameset", lambda: _enc(
            "<html><head><title>Frames</title></head><frameset cols='50%,50%'>"
            "<frame src='menu.html'><frame src='file:///etc/passwd'></frameset>"
            f"<noframes><body><p>{PROSE[0]}</p><p>{PROSE[1]}</p></body></noframes></html>"),
            keep=(LEAD,)),
        Case("xhtml-entities-xxe", lambda: _xxe(secret_path), keep=(LEAD, "Entity one"),
             drop=(SECRET_MARKER, "lollollol")),
        Case("svg-mathml-soup", lambda: _enc(article(inside=(
            "<p>Formula <math><mi>x</mi><mo>=</mo><mn>2</mn><mtext>math words</mtext></math>"
            " and a drawing <svg viewBox='0 0 10 10'><foreignObject><p>foreign words</p>"
            "</foreignObject><text>svg words<tspan>more</text><circle r='5'/></p>"
            "<svg><svg><svg><math><svg><p>deep soup words") * 20)), keep=(LEAD,)),
        Case("rtl-arabic-hebrew", lambda: _enc(
            "<html dir='rtl' lang='ar'><head><meta charset='utf-8'></head><body><article>"
            + "<p>\u202bيعتبر هذا المقال عن لجنة الميناء التي اجتمعت يوم الثلاثاء لمراجعة "
              "خطط محطة العبارات الجديدة وقد وافق الأعضاء على أن الرصيف القديم لم يعد "
              "قادرا على تحمل وزن المركبات الحديثة.\u202c</p>" * 3
            + "<p dir='rtl'>ועדת הנמל התכנסה ביום שלישי כדי לבחון את התוכניות למסוף "
              "המעבורות החדש, והחברים הסכימו שיש לבנות מחדש את המזח הישן.\u200f</p>"
            + "</article></body></html>"), keep=("لجنة الميناء", "ועדת הנמל")),
        Case("cjk", lambda: _enc(
            "<html lang='zh'><head><meta charset='utf-8'><title>港口委员会</title></head><body>"
            "<article>" + "<p>港口委员会星期二开会，审查新渡轮码头的计划。委员们一致认为，"
            "建于一九一一年的旧码头已无法承受现代车辆的重量，必须在冬季风暴来临之前重建。</p>" * 3
            + "<p>港湾委員会は火曜日に会合を開き、新しいフェリーターミナルの計画を検討した。"
              "委員たちは古い桟橋を冬の嵐の前に再建する必要があることで合意した。</p>"
            + "<p>항만 위원회는 화요일에 회의를 열어 새 여객선 터미널 계획을 검토했다.</p>"
            "</article></body></html>"), keep=("港口委员会星期二开会", "港湾委員会は火曜日")),
        Case("control-characters", lambda: _enc(article(inside=(
            "<p>Bell\x07 back\x08space vertical\x0btab form\x0cfeed escape\x1b[31m "
            "delete\x7f c1\x85\x9b words here.</p>"))), keep=(LEAD, "Bell")),
        Case("long-tag-and-attr-names", lambda: _enc(article(inside=(
            "<" + "x" * 200_000 + " " + "a" * 100_000 + "='v'>tag words</x>"))),
            keep=(LEAD,)),
        Case("many-attributes", lambda: _enc(article(inside=(
            "<div " + " ".join(f"data-a{i}='{i}'" for i in range(50_000)) + ">attr</div>"))),
            keep=(LEAD,)),
        Case("unbalanced-close-tags", lambda: _enc(article(
            inside="</div></p></span></table></body></html>" * 5000 + f"<p>{PROSE[1]}</p>")),
            keep=(LEAD,)),
        Case("nested-links", lambda: _enc(article(
            inside="<a href='/x'>" * 20_000 + "link words" + "</a>" * 20_000)), keep=(LEAD,)),
        Case("text-not-html-binaryish", lambda: (LEAD + "\n" + PROSE[1] + "\n").encode() * 3
             + b"\x01\x02\x03", keep=(LEAD,)),
        Case("jsonld-nested-100k", lambda: _enc(article(head=(
            '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000
            + '</script><script type="application/ld+json">' + '{"a":' * 50_000 + "1"
            + "}" * 50_000 + "</script>"))), keep=(LEAD,)),
        Case("whitespace-runs-in-metadata", lambda: _enc(article(
            head=("<meta name='author' content='Jane" + " " * 50_000 + "and" + "\n\t " * 20_000
                  + "Doe'><meta property='og:title' content='Title" + " " * 50_000 + "| Site'>"
                  '<script type="application/ld+json">{"@type":"NewsArticle","author":"Jane'
                  + " " * 50_000 + ', Doe"}</script>'),
            inside="<p class='byline'>By Jane" + "\n \t" * 20_000 + "Doe</p>"
                   "<div id='comments'><div class='comment'><cite class='fn'>Jane"
                   + " " * 50_000 + "says</cite><p>nice</p></div></div>")), keep=(LEAD,)),
        # -- deep nesting --------------------------------------------------------
        Case("deep-div-300", lambda: _deep("div", 300), keep=(LEAD, SECOND)),
        Case("deep-div-100k", lambda: _deep("div", 100_000), keep=(LEAD, SECOND)),
        Case("deep-unclosed-b-100k", lambda: _enc(article(inside="<b>" * 100_000 + "bold")),
             keep=(LEAD,)),
        Case("deep-font-2000-real-soup", lambda: _enc(article(
            inside="<font size=2>x " * 2_000 + f"<p>{PROSE[1]}</p>")), keep=(LEAD, SECOND)),
        Case("deep-tables-5000", lambda: _enc(article(
            inside="<table><tr><td>" * 5_000 + "cell words" + "</td></tr></table>" * 5_000)),
            keep=(LEAD,)),
        Case("deep-lists-50k", lambda: _enc(article(
            inside="<ul><li>" * 50_000 + "item words" + "</li></ul>" * 50_000)), keep=(LEAD,)),
        # -- big ---------------------------------------------------------------
        Case("million-tiny-elements", lambda: _many_tiny(1_000_000), keep=(LEAD,), big=True),
        Case("text-node-10mb", lambda: _enc(article(
            inside="<p>" + "lorem ipsum dolor sit amet " * 400_000 + "</p>")),
            keep=(LEAD,), big=True),
        Case("text-node-10mb-one-word", lambda: _enc(article(
            inside="<p>By " + "a" * 10_500_000 + "</p>")), keep=(LEAD,), big=True),
        Case("attribute-10mb", lambda: _enc(article(
            inside="<div class='" + "c" * 10_500_000 + "'>attribute words</div>")),
            keep=(LEAD,), big=True),
        Case("comment-10mb", lambda: _enc(article(
            inside="<!--" + "-" * 10_500_000 + "-->")), keep=(LEAD,), big=True),
        Case("flat-text-10mb-line", lambda: (
            f"{LEAD}\n{PROSE[1]}\n".encode() + b"By " + b"word " * 2_100_000 + b"\n"),
            keep=(LEAD,), big=True),
        Case("flat-text-million-lines", lambda: (
            f"{LEAD}\n".encode() + b"Home\nNews\n" * 500_000), keep=(LEAD,), big=True),
    ]


def surrogate_strings() -> dict[str, str]:
    """``str`` inputs with lone surrogates (what a lenient JSONL reader yields)."""
    return {
        "html-lone-high": article(inside="<p>broken \ud800 surrogate words</p>"),
        "html-lone-low": article(inside="<p>broken \udfff surrogate words</p>"),
        "html-reversed-pair": article(inside="<p>reversed \udc00\ud800 pair words</p>"),
        "text-surrogates": f"{LEAD}\nbroken \ud83d line \udca9 here\n{PROSE[1]}\n",
        "gzip-magic-str": "\x1f\x8b\u20ac not latin-1 at all \ud800",
    }


def write_corpus(directory: Path, secret_path: str = "/etc/hostname",
                 big: bool = True) -> dict[str, Path]:
    """Write every case to ``directory/<name>.html``; return name -> path."""
    directory.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for case in cases(secret_path):
        if case.big and not big:
            continue
        path = directory / f"{case.name}.html"
        path.write_bytes(case.build())
        out[case.name] = path
    return out


if __name__ == "__main__":  # pragma: no cover - manual use
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for name, path in write_corpus(target).items():
        print(f"{path.stat().st_size:>12,}  {name}")

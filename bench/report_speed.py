"""How fast a big page's explain report renders in a real browser (issue 7: < 5 s for 5 MB).

Usage: python3 bench/report_speed.py [--mb 5] [--repeat 3] [--page FILE]

Generates a synthetic page of the given size (article sections, lists, tables,
a long comment thread, menus, sidebar, footer: mostly text, the worst case for a
report, since every block becomes a row), cleans it, writes the report, and
measures with headless chromium:

- in-page: performance.now() after parsing and a forced full layout
  (a script appended to a copy of the report, at the end of <body>);
- screenshot: wall time of ``chromium --screenshot`` minus that of a tiny page
  (browser start-up), i.e. load + style + layout + paint of the first screen.

Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import ctypes
import gzip
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import lxml.html

import cleaner
from cleaner.outputs.report import build_report

_WORD_TEXT = ("the council river plan street bicycle lane shop delivery parking bridge bus route "
         "budget year city people morning evening station water park school market road "
         "between during after before although because which their would could should "
         "approved said told reported expected planned built opened closed")
WORDS = tuple(_WORD_TEXT.split())


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(2, 6)))


def make_page(target_bytes: int, seed: int = 7) -> str:
    """A synthetic article page of about ``target_bytes`` bytes."""
    rng = random.Random(seed)
    head = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            "<title>A very long report | Example Times</title></head><body>"
            "<header class='site-header'><nav class='menu'><ul>"
            + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(30))
            + "</ul></nav></header><main><article class='post'><h1>A very long report</h1>")
    tail = ("</article><aside class='sidebar'><ul>"
            + "".join(f"<li><a href='/p{i}'>{sentence(rng, 5)}</a></li>" for i in range(40))
            + "</ul></aside></main><footer class='site-footer'><p>© Example Times</p>"
            "</footer></body></html>")
    body: list[str] = []
    size = len(head) + len(tail)
    section = 0
    budget_comments = target_bytes // 4
    while size < target_bytes - budget_comments:
        section += 1
        chunk = [f"<h2>Part {section}: {sentence(rng, 4)}</h2>"]
        chunk += [f"<p>{paragraph(rng)}</p>" for _ in range(rng.randint(3, 8))]
        if section % 3 == 0:
            chunk.append("<ul>" + "".join(f"<li>{sentence(rng, 6)}</li>" for _ in range(5))
                         + "</ul>")
        if section % 5 == 0:
            chunk.append("<table><tr><th>a</th><th>b</th></tr>"
                         + "".join(f"<tr><td>{i}</td><td>{rng.choice(WORDS)}</td></tr>"
                                   for i in range(6)) + "</table>")
        if section % 4 == 0:
            chunk.append("<div class='related-posts'><h3>Related</h3><ul>"
                         + "".join(f"<li><a href='/r{section}-{i}'>{sentence(rng, 5)}</a></li>"
                                   for i in range(4)) + "</ul></div>")
        text = "".join(chunk)
        body.append(text)
        size += len(text)
    comments = ["<div class='comments-area'><h2>Comments</h2><ol>"]
    size += len(comments[0])
    i = 0
    while size < target_bytes:
        i += 1
        c = f"<li class='comment'><p>{sentence(rng, rng.randint(6, 30))}</p></li>"
        comments.append(c)
        size += len(c)
    comments.append("</ol></div>")
    return head + "".join(body) + "".join(comments) + tail


def chromium(browser: str, profile: Path, args: list[str]) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of chromium and all its processes, stdout)."""
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}", *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=True)
    wall = time.perf_counter() - start
    # Chromium's renderer/GPU processes outlive the browser process for a moment; as
    # a subreaper we inherit and reap them, so their CPU time is counted too.
    while True:
        try:
            os.wait()
        except ChildProcessError:
            break
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


# Appended to a copy of the report: force style + layout of the whole page, then
# record the time since navigation start where --dump-dom can read it.
PR_SET_CHILD_SUBREAPER = 36  # from <linux/prctl.h>

PROBE = ("<script>document.body.getBoundingClientRect();var h=document.documentElement"
         ".scrollHeight;document.body.dataset.ms=String(performance.now());"
         "document.body.dataset.h=String(h);</script>")


def become_subreaper() -> bool:
    """Adopt orphaned descendants (Linux prctl PR_SET_CHILD_SUBREAPER)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="page size in MB (10^6 bytes)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--page", help="measure this page file instead of a synthetic one")
    args = parser.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("report_speed: chromium not found", file=sys.stderr)
        return 1
    full_cpu = become_subreaper()
    if args.page:
        page = gzip.decompress(raw) if (raw := Path(args.page).read_bytes())[:2] == b"\x1f\x8b" \
            else raw
    else:
        page = make_page(int(args.mb * 1_000_000)).encode("utf-8")
    t0 = time.perf_counter()
    doc = cleaner.clean(page)
    t1 = time.perf_counter()
    report = build_report(doc, "synthetic.html")
    t2 = time.perf_counter()
    print(f"page: {len(page) / 1e6:.2f} MB, {len(doc.decisions)} blocks "
          f"({len(doc.kept)} kept, {len(doc.removed)} removed)")
    print(f"clean(): {t1 - t0:.2f} s; build_report(): {t2 - t1:.2f} s; "
          f"report: {len(report.encode('utf-8')) / 1e6:.2f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        (d / "report.html").write_text(report, encoding="utf-8")
        (d / "probe.html").write_text(report.replace("</body>", PROBE + "</body>"),
                                      encoding="utf-8")
        (d / "tiny.html").write_text("<!DOCTYPE html><p>hi</p>", encoding="utf-8")
        in_page, shots, tiny, shots_cpu, tiny_cpu = [], [], [], [], []
        for r in range(args.repeat):
            _, _, dom = chromium(browser, d / f"p{r}a",
                                 ["--dump-dom", (d / "probe.html").as_uri()])
            body = lxml.html.document_fromstring(dom).find("body")
            in_page.append(float(body.get("data-ms")) / 1000)
            height = body.get("data-h")
            wall, cpu, _ = chromium(browser, d / f"p{r}b", [
                "--window-size=1280,1000", f"--screenshot={d / 'shot.png'}",
                (d / "report.html").as_uri()])
            shots.append(wall)
            shots_cpu.append(cpu)
            wall, cpu, _ = chromium(browser, d / f"p{r}c", [
                "--window-size=1280,1000", f"--screenshot={d / 'tiny.png'}",
                (d / "tiny.html").as_uri()])
            tiny.append(wall)
            tiny_cpu.append(cpu)
    med = statistics.median
    print(f"chromium in-page parse + full layout: median {med(in_page):.2f} s "
          f"(runs: {', '.join(f'{x:.2f}' for x in in_page)}); page height {height} px")
    print(f"chromium --screenshot wall: median {med(shots):.2f} s, tiny page {med(tiny):.2f} s, "
          f"difference {med(shots) - med(tiny):.2f} s")
    scope = "all processes" if full_cpu else "reaped processes only"
    print(f"chromium --screenshot CPU ({scope}): median {med(shots_cpu):.2f} s, "
          f"tiny page {med(tiny_cpu):.2f} s, difference {med(shots_cpu) - med(tiny_cpu):.2f} s")
    print(f"(machine load average while measuring: {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Metadata: sources in order of trust, agreement, abstention, language."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.core.model import Metadata
from cleaner.metadata.authors import role_like, site_like, split_names
from cleaner.metadata.dates import parse_date, url_date
from cleaner.metadata.evidence import Candidate
from cleaner.metadata.language import choose_language, normalise_tag
from cleaner.metadata.titles import choose_title, split_site_name, tidy
from cleaner.outputs.render import document_record

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "metadata"
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEED = SHARED / "data" / "text-dev" / "seed" / "example.txt"


def meta_of(name: str, url: str | None = None) -> Metadata:
    data = (FIXTURES / f"{name}.html").read_bytes()
    return cleaner.clean(data, url=url or f"https://site.example/{name}/").metadata


def test_jsonld_graph_resolves_references_and_beats_weaker_sources() -> None:
    m = meta_of("jsonld_graph", "https://orchardweekly.example/prune-apple-trees/?utm=1")
    assert m.title == "How to Prune Apple Trees in Winter"
    # The author is an @id reference into the graph; <meta name=author>
    # says "admin", which loses to a named person.
    assert m.authors == ("Maria Lindqvist",)
    assert m.sources["authors"] == "json-ld"
    assert "authors" not in m.flags
    # The Article's date, not the WebPage stamp, nor the © 2019 footer.
    assert m.date == "2024-02-11"
    assert m.date_modified == "2024-03-02"
    assert m.sources["date"] == "json-ld"
    assert m.site_name == "Orchard Weekly"
    assert m.url == "https://orchardweekly.example/prune-apple-trees/"
    assert m.hostname == "orchardweekly.example"
    assert m.language == "en-GB"
    assert m.tags == ("apple trees", "pruning", "winter")
    assert m.categories == ("Fruit",)
    assert m.image == "https://orchardweekly.example/img/apple.jpg"
    assert m.page_type == "article"


def test_opengraph_and_twitter_cards_alone() -> None:
    m = meta_of("opengraph_only")
    assert m.title == "Night trains are back in Europe"
    # article:author is a profile URL (refused); the Twitter "Written by" label names him.
    assert m.authors == ("Tom Becker",)
    assert m.sources["authors"] == "opengraph"
    assert m.date == "2023-10-05"
    assert m.site_name == "Rail Notes"
    assert m.description == "Sleeper services are returning to routes that were cut a decade ago."


def test_plain_meta_citation_and_dublin_core() -> None:
    m = meta_of("meta_only")
    assert m.title == "Soil carbon in long-term grassland plots"
    assert m.authors == ("Chiamaka Okafor",)  # "Surname, Given" is one person
    assert m.date == "2021-03-15"
    assert m.sources["date"] == "meta"
    assert m.site_name == "Journal of Field Ecology"
    assert m.tags == ("soil", "carbon", "grassland")


def test_microdata_article() -> None:
    m = meta_of("microdata")
    assert m.title == "Local bakery wins national award"
    assert m.authors == ("Priya Raman",)
    assert m.date == "2022-09-30"
    assert m.sources["authors"] == "microdata"
    assert m.sources["date"] == "microdata"


def test_visible_byline_and_date_line_only() -> None:
    m = meta_of("byline_only")
    assert m.authors == ("Jane Holloway",)
    assert m.date == "2024-03-03"
    assert m.sources["authors"] == "text"
    assert m.sources["date"] == "text"


def test_date_from_url_path() -> None:
    m = meta_of("url_date", "https://citynews.example/2023/07/14/council-cycle-lanes/")
    assert m.date == "2023-07-14"
    assert m.sources["date"] == "url"


def test_conflicting_sources_resolved_by_trust() -> None:
    m = meta_of("conflict")
    # JSON-LD names a person; <meta name=author> says "Editorial Team" (a role).
    assert m.authors == ("Lukas Brenner",)
    # The visible "Updated June 1" is the modification date, not the publication date;
    # the related-post <time> in the sidebar is ignored.
    assert m.date == "2024-05-02"
    assert m.date_modified == "2024-06-01"
    assert m.site_name == "Ink & Paper"
    assert m.title == "The quiet comeback of the fountain pen"


def test_admin_author_kept_only_when_nothing_better_and_flagged() -> None:
    m = meta_of("admin_author")
    assert m.authors == ("admin",)
    assert m.flags["authors"] == "role-like name"
    assert m.date == "2024-04-09"


def test_no_date_from_copyright_line_or_today_widget() -> None:
    m = meta_of("copyright_trap")
    assert m.date is None
    assert "date" not in m.sources


def test_site_name_cut_from_title() -> None:
    m = meta_of("title_site")
    assert m.title == "Ten Ways to Save Water at Home"
    assert m.site_name == "Green Home"
    assert m.authors == ()


def test_forum_thread_first_poster() -> None:
    m = meta_of("forum_thread")
    assert m.title == "Boiler pressure keeps dropping"
    assert m.authors == ("kettle99",)
    assert m.date == "2023-12-17"


def test_front_page_has_no_author_or_date() -> None:
    posts = "".join(
        f'<div class="card"><h2><a href="/p{i}">Story number {i} about the town</a></h2>'
        f'<p class="byline">By Writer{i} Lastname</p><p>January {i + 1}, 2024</p>'
        f"<p>A short teaser for story {i} that runs on for a few words.</p></div>"
        for i in range(6)
    )
    html = f"<html lang='en'><head><title>Town News</title></head><body>{posts}</body></html>"
    m = cleaner.clean(html, url="https://townnews.example/").metadata
    assert m.authors == ()
    assert m.date is None


def test_organisation_author_flagged_when_alone() -> None:
    html = """<html lang="en"><head><title>Annual report on river quality</title>
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article",
    "headline": "Annual report on river quality", "datePublished": "2024-01-15",
    "author": {"@type": "Organization", "name": "River Trust"}}</script></head>
    <body><h1>Annual report on river quality</h1><p>Water quality improved in most of the
    rivers we monitor this year, with fewer pollution incidents reported in the summer.</p>
    </body></html>"""
    m = cleaner.clean(html, url="https://rivertrust.example/report/").metadata
    assert m.authors == ("River Trust",)
    assert m.flags["authors"] == "organisation"


def test_explain_json_carries_sources() -> None:
    doc = cleaner.clean((FIXTURES / "jsonld_graph.html").read_bytes(),
                        url="https://orchardweekly.example/prune-apple-trees/")
    record = document_record(doc)
    assert record["metadata"]["sources"]["date"] == "json-ld"
    assert record["metadata"]["authors"] == ["Maria Lindqvist"]
    assert record["metadata"]["word_count"] > 0


@pytest.mark.skipif(not SEED.exists(), reason="shared seed data not present")
def test_text_seed_admin_author_flagged() -> None:
    m = cleaner.clean(SEED.read_bytes()).metadata
    assert m.title == ("Blinken talks with Chinese foreign minister ahead of possible visit"
                       " to Beijing")
    assert m.authors == ("admin",)
    assert m.flags["authors"] == "role-like name"
    assert m.sources["authors"] == "text"
    assert m.language == "en"


LANGS = {"en": "en", "de": "de", "fr": "fr", "es": "es", "pt": "pt-BR", "it": "it",
         "nl": "nl", "pl": "pl", "ru": "ru", "ja": "ja"}


@pytest.mark.parametrize(("name", "expected"), sorted(LANGS.items()))
def test_language_of_multilingual_articles(name: str, expected: str) -> None:
    m = cleaner.clean((FIXTURES / "lang" / f"{name}.html").read_bytes()).metadata
    assert m.language == expected
    # nl and ru declare nothing: the tag comes from the text.
    assert m.sources["language"] == ("text" if name in ("nl", "ru") else "meta")


def test_declared_language_overruled_by_long_confident_text() -> None:
    m = cleaner.clean((FIXTURES / "lang" / "de_declared_en.html").read_bytes()).metadata
    assert m.language == "de"
    assert m.sources["language"] == "text"
    assert "en-US" in m.flags["language"]


def test_short_text_keeps_the_declaration() -> None:
    assert choose_language(["fr-CA"], "Bonjour") == ("fr-CA", "meta", "")
    assert choose_language([], "Hi there") == (None, "", "")


@pytest.mark.parametrize(("raw", "tag"), [
    ("en_us", "en-US"), ("zh-hans-cn", "zh-Hans-CN"), ("DE", "de"), ("pt-BR,en", "pt-BR"),
    ("x-default", None), ("", None),
])
def test_normalise_tag(raw: str, tag: str | None) -> None:
    assert normalise_tag(raw) == tag


@pytest.mark.parametrize(("text", "day"), [
    ("2024-02-11T08:30:00+00:00", "2024-02-11"),
    ("2021/03/15", "2021-03-15"),
    ("June 4, 2025", "2025-06-04"),
    ("Wednesday, Jun. 4th 2025 10:00", "2025-06-04"),
    ("4. Juni 2025", "2025-06-04"),
    ("4 de junio de 2025", "2025-06-04"),
    ("25/12/2024", "2024-12-25"),
    ("06/04/2025", None),  # ambiguous day/month: refused, not guessed
    ("1970-01-01", None),  # a zero timestamp, not a publication date
    ("2024-02-30", None),
    ("no date here", None),
])
def test_parse_date(text: str, day: str | None) -> None:
    assert parse_date(text) == day


def test_url_date_needs_a_full_day() -> None:
    assert url_date("https://x.example/2023/07/14/slug/") == "2023-07-14"
    assert url_date("https://x.example/news/2023-07-14-slug") == "2023-07-14"
    assert url_date("https://x.example/2023/07/slug/") is None
    assert url_date("https://x.example/item?id=2023") is None


def test_author_names() -> None:
    assert split_names("By Jane Doe | March 3, 2024") == ["Jane Doe"]
    assert split_names("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen") == [
        "Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"]
    assert split_names("Dylan Bailey, MS, RD, FAND") == ["Dylan Bailey"]
    assert split_names("https://www.facebook.com/someone") == []
    assert split_names("undefined") == []
    assert role_like("admin") and role_like("Editorial Team") and not role_like("Jane Doe")
    assert site_like("The Verge", "The Verge", None)
    assert site_like("Example", None, "www.example.com")
    assert not site_like("Jane Doe", "The Verge", "www.theverge.com")


def test_middle_initial_is_not_a_conjunction() -> None:
    # "e" / "y" / "i" join two names in Italian, Spanish, Catalan; as a capital
    # initial ("E.") they are part of one name.
    assert split_names("Sarah E. Needleman") == ["Sarah E. Needleman"]
    assert split_names("John Y Smith") == ["John Y Smith"]
    assert split_names("Mario Rossi e Luigi Bianchi") == ["Mario Rossi", "Luigi Bianchi"]
    assert split_names("Ana López y Pedro Gómez") == ["Ana López", "Pedro Gómez"]
    html = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "Play and pay", "author": {"@type": "Person", '
            '"name": "Sarah E. Needleman"}}</script><meta name="author" '
            'content="Sarah E. Needleman"></head><body><h1>Play and pay</h1><p>'
            + "There are more ways to play games than ever before. " * 5 + "</p></body></html>")
    assert cleaner.clean(html).metadata.authors == ("Sarah E. Needleman",)


def test_names_that_start_with_a_month() -> None:
    assert split_names("June Carter") == ["June Carter"]
    assert split_names("Jan de Vries") == ["Jan de Vries"]
    assert split_names("March 3, 2024") == []
    assert split_names("Monday") == []


def test_split_site_name_needs_evidence() -> None:
    assert split_site_name("Ten Ways to Save Water | Green Home", ["Green Home"]) == (
        "Ten Ways to Save Water", "Green Home")
    assert split_site_name("Orchard Weekly - How to prune", ["orchardweekly"]) == (
        "How to prune", "Orchard Weekly")
    # No sign that the second half is the site: the title stays whole.
    title = "How Machine Learning is Shaping eCommerce - 10 Benefits"
    assert split_site_name(title, ["appinventiv"]) == (title, None)


def _title(cands: list[tuple[str, str]], h1s: list[str], sites: list[str]) -> str | None:
    return choose_title([Candidate(v, o) for o, v in cands], h1s, sites)[0]


def test_title_rules() -> None:
    # Emoji and trademark signs decorate; they are not words of the title.
    assert tidy("🎤 Rode NT1 Black™") == "Rode NT1 Black"
    assert tidy("Water at 90° C") == "Water at 90° C"
    # A segment the h1 shows is the page's name, not the site's, even when
    # it contains the site's name.
    assert _title([("json-ld", "Visual Studio Community | Download Latest Free Version")],
                  ["Visual Studio Community"], ["Visual Studio"]) == (
        "Visual Studio Community | Download Latest Free Version")
    # Breadcrumb next to the site name goes with it.
    assert split_site_name("What happened with Arch ISO in 2024 / Arch Discussion / Arch Forums",
                           ["archforums"])[0] == "What happened with Arch ISO in 2024"
    assert split_site_name("A long title here - Part 1 - Playful Tones", ["Playful Tones"])[0] == (
        "A long title here - Part 1")
    # "Home" alone is no title: the site name stays.
    assert split_site_name("Home - The GitHub Blog", ["The GitHub Blog"])[0] == (
        "Home - The GitHub Blog")
    # The site's domain glued on without a separator.
    assert _title([("title-tag", "davidbau.com Vibe Coding")], ["davidbau.com"],
                  ["davidbau", "davidbau.com"]) == "Vibe Coding"
    # A forum's board label before the thread title in the h1.
    assert _title([("json-ld", "ProxMox or Debian?"), ("opengraph", "Tips - ProxMox or Debian?")],
                  ["Tips ProxMox or Debian?"], []) == "ProxMox or Debian?"
    # Aggregator tail: linked domain and comment count.
    assert _title([("opengraph", "Convert the kernel to C++ - Slashdot")],
                  ["Convert the kernel to C++ (phoronix.com) 139"], ["slashdot"]) == (
        "Convert the kernel to C++")
    # Capitals are a style: the structured spelling wins.
    assert _title([("title-tag", "Weekend Coding Agent | Focus Labs")],
                  ["WEEKEND CODING AGENT"], []) == "Weekend Coding Agent"
    # Characters lost to "?" in the h1.
    assert _title([("opengraph", "Event Planning: Beginner's Guide")],
                  ["Event Planning? Beginner? Guide"], []) == "Event Planning: Beginner's Guide"
    # A book's name as the page's h1, the chapter first in <title>.
    assert _title([("title-tag", "Defining Shared Behavior with Traits - The Rust Book")],
                  ["The Rust Book"], ["rust-lang"]) == "Defining Shared Behavior with Traits"
    # ...but "Site | Headline" keeps the headline.
    assert _title([("opengraph", "Leadfeeder | State of SEO in 2026")],
                  ["State of SEO in 2026"], ["leadfeeder"]) == "State of SEO in 2026"
    # The h1 that matches the title, not the newsletter box before it.
    assert _title([("opengraph", "Latest Cloud Computing News | CIO Dive")],
                  ["Don't miss tomorrow's tech industry news", "Cloud"], ["CIO Dive"]) == "Cloud"
    # A JSON-LD name about something else, outvoted by two agreeing sources.
    agreed = "Car Rental | News, Weather, Sports, Breaking News"
    assert _title([("json-ld", "Thu Dec 18 LIVE Broadcast"), ("opengraph", agreed),
                   ("title-tag", agreed)], [], []) == agreed
    # A short tail after a pipe is branding even on a structured title; after
    # a dash it is a subtitle.
    assert _title([("opengraph", "Homestead gardening makes communities self-reliant | District")],
                  [], ["bss"]) == "Homestead gardening makes communities self-reliant"
    assert _title([("opengraph", "How Machine Learning is Shaping eCommerce - 10 Benefits")],
                  [], ["appinventiv"]) == "How Machine Learning is Shaping eCommerce - 10 Benefits"


def test_text_page_title_from_url_slug() -> None:
    text = ("Home | Guides | Contact\n\nSign up for our newsletter\n\n"
            "The Best Tax Prep Software of 2025\n\nBy Genevieve Carlton\n\n"
            "Filing your taxes does not have to be painful. We tested the most popular "
            "programs on real returns, from simple wage earners to freelancers with "
            "several income streams, and compared price, support and accuracy.\n\n"
            "Most people with a simple return can file for free, but the free tiers "
            "differ in which forms they accept and how hard they push paid upgrades.\n")
    m = cleaner.clean(text, url="https://example.com/resources/best-tax-software/",
                      input_mode="text").metadata
    assert m.title == "The Best Tax Prep Software of 2025"
    assert m.authors == ("Genevieve Carlton",)


@pytest.mark.parametrize("script", [
    "[" * 5000 + "]" * 5000,  # nesting deeper than json's recursion limit
    '{"@graph": [1, "x", null, {"@type": ["Article", 5], "author": 7, "headline": [[["Hi"]]]}]}',
    '{"@type": "Article", "headline": "Broken", }',  # trailing comma: repaired
    '{"@type": "Article", "mainEntity": ' * 200 + "{}" + "}" * 200,
    "not json at all",
])
def test_hostile_jsonld_never_raises(script: str) -> None:
    html = (f'<html><head><script type="application/ld+json">{script}</script></head>'
            "<body><p>Some body text that is long enough to be a paragraph.</p></body></html>")
    m = cleaner.clean(html, url="https://e.example/2024/13/45/x").metadata
    assert m.date is None  # month 13 in the URL is not a date


_BODY = ("Filing your taxes does not have to be painful. We tested the most popular "
         "programs on real returns, from simple wage earners to freelancers with "
         "several income streams, and compared price, support and accuracy.\n\n"
         "Most people with a simple return can file for free, but the free tiers "
         "differ in which forms they accept and how hard they push paid upgrades.\n")


def test_text_title_is_the_headline_line_above_the_body() -> None:
    # No repeat, no URL slug: the headline-shaped line above the date line.
    text = ("Skip to content\n\nHome\n\nGuides\n\nContact\n\n"
            "Why Paper Returns Are Slower This Year\n\nMarch 3, 2025\n\n" + _BODY)
    m = cleaner.clean(text, url="https://example.com/p/12345", input_mode="text").metadata
    assert m.title == "Why Paper Returns Are Slower This Year"


def test_text_title_without_trail_numbering() -> None:
    from cleaner.metadata.text_meta import clean_title

    assert clean_title("3. The Adult's Guide to Music") == "The Adult's Guide to Music"
    assert clean_title("* / * Do I Need Travel Insurance?") == "Do I Need Travel Insurance?"
    assert clean_title("First line\nSkip to content") == "First line"


def test_text_lone_name_beside_the_date_line() -> None:
    text = ("Menu\n\nWhy Paper Returns Are Slower This Year\n\nNicoletta Richardson\n\n"
            "March 3, 2025\n\n" + _BODY)
    m = cleaner.clean(text, url="https://example.com/p/12345", input_mode="text").metadata
    assert m.title == "Why Paper Returns Are Slower This Year"
    assert m.authors == ("Nicoletta Richardson",)
    assert m.date == "2025-03-03"
    # A capitalised label beside the title, with no date, is no author.
    text = "Menu\n\nWhy Paper Returns Are Slower This Year\n\nHealthy Eating Tips\n\n" + _BODY
    m = cleaner.clean(text, url="https://example.com/p/12345", input_mode="text").metadata
    assert m.authors == ()


def test_text_name_glued_to_the_date_and_updated_only() -> None:
    text = ("Menu\n\nWhy Paper Returns Are Slower This Year\n\n"
            "Kristian Larsen July 13, 2025 — 7 minutes read\n\n" + _BODY)
    m = cleaner.clean(text, url="https://example.com/p/12345", input_mode="text").metadata
    assert m.authors == ("Kristian Larsen",)
    assert m.date == "2025-07-13"
    text = "Menu\n\nWhy Paper Returns Are Slower This Year\n\nUpdated on July 9, 2025\n\n" + _BODY
    m = cleaner.clean(text, url="https://example.com/p/12345", input_mode="text").metadata
    assert m.date == "2025-07-09"


def test_body_metadata_scan_is_bounded_on_huge_pages() -> None:
    from cleaner.inputs.parse import parse_html
    from cleaner.metadata.markup import BODY_SCAN_ELEMENTS, BodyMarks

    early = "<p class='byline'>By Ana Lima</p>"
    filler = "<i>x</i>" * BODY_SCAN_ELEMENTS
    late = "<time datetime='2024-05-06'>6 May</time>"
    marks = BodyMarks(parse_html(f"<html><body>{early}{filler}{late}</body></html>"))
    assert len(marks.bylines) == 1 and marks.times == []


# --- CJK pages: dates, headlines and language without spaces between words ---

def test_cjk_dates_parse() -> None:
    assert parse_date("2024年06月18日 09:30") == "2024-06-18"
    assert parse_date("发布时间：2024年6月8日") == "2024-06-08"
    assert parse_date("2024년 6월 18일") == "2024-06-18"


def test_cjk_headline_inside_the_title_is_the_title() -> None:
    page = ("<html lang='zh'><head><title>市政府宣布新建三座公园_新闻中心_城市日报</title></head>"
            "<body><h1>市政府宣布新建三座公园</h1><p>"
            + "市政府昨天宣布将在未来两年内新建三座大型公园。" * 6 + "</p></body></html>").encode()
    assert cleaner.clean(page).metadata.title == "市政府宣布新建三座公园"


def test_cjk_text_language_is_detected() -> None:
    text = ("市政府昨天宣布，将在未来两年内投资五亿元，在城市东部、南部和西部新建三座大型公园。\n\n"
            "据市园林局负责人介绍，三座公园总面积约为一百二十公顷，其中东部公园将依托现有湿地建设。\n\n"
            "该负责人表示，公园建设将充分听取市民意见，规划方案将于下个月在市政府网站上公示。\n\n"
            "近年来，该市持续推进绿地建设，人均公园绿地面积已从五年前的十平方米增加到十四平方米。\n\n"
            "南部公园将建设儿童游乐区和运动场地，西部公园则以山地步道和观景平台为主，预计明年春天开放。\n\n"
            "市民可以通过网络或现场留言提出建议，园林局将在公示结束后公布意见采纳情况。\n")
    assert cleaner.clean(text.encode()).metadata.language == "zh"

"""Golden test of issue #3's seed page: a real flattened page, chrome inline."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SEED, needs_shared_data

FIRST = "TAIPEI, Taiwan (AP) — US Secretary of State Antony Blinken"
LAST = "In May, US Commerce Secretary Gina Raimondo met with her counterpart, Wang Wentao, " \
       "in Washington to discuss trade."
TITLE = "Blinken talks with Chinese foreign minister ahead of possible visit to Beijing"
CHROME = ("Home »", "by admin", "See also", "You may also like", "Leave a Comment", "Akismet",
          "cookies", "Privacy & Cookies Policy")


@pytest.fixture(scope="module")
def seed_json() -> dict[str, object]:
    if not SEED.exists():
        pytest.skip("../shared/data not present")
    out = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", "--format", "json", str(SEED)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


@needs_shared_data()
def test_seed_text_is_exactly_the_seven_paragraphs(seed_json: dict[str, object]) -> None:
    text = seed_json["text"]
    assert isinstance(text, str)
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 7
    assert paragraphs[0].startswith(FIRST)
    assert paragraphs[-1] == LAST
    assert all(p.strip() == p and "\n" not in p for p in paragraphs)
    for chrome in CHROME:
        assert chrome not in text
    assert TITLE not in text


@needs_shared_data()
def test_seed_metadata_from_the_page_head(seed_json: dict[str, object]) -> None:
    meta = seed_json["metadata"]
    assert isinstance(meta, dict)
    assert meta["title"] == TITLE
    assert "admin" in meta["authors"]
    assert seed_json["input_kind"] == "text"


@needs_shared_data()
def test_seed_every_removed_line_has_a_specific_reason() -> None:
    import cleaner

    doc = cleaner.clean(SEED.read_bytes())
    reasons = {d.text: d.reason.value for d in doc.removed}
    assert reasons["Home » " + TITLE] == "breadcrumb"
    assert reasons[TITLE] == "title"
    assert reasons["by admin"] == "byline"
    assert reasons["You may also like"] == "related-links"
    assert reasons["Leave a Comment"] == "comment-form"
    assert reasons["Privacy & Cookies Policy"] == "cookie-banner"
    see_also = next(t for t in reasons if t.startswith("See also"))
    assert reasons[see_also] == "related-links"

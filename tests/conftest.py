"""Shared test helpers: paths to the repo, examples and the read-only dev data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
FIXTURES = REPO / "tests" / "fixtures"
SHARED_DATA = REPO.parent / "shared" / "data"
SEED = SHARED_DATA / "text-dev" / "seed" / "example.txt"


@pytest.fixture
def news_html() -> bytes:
    return (EXAMPLES / "news-article.html").read_bytes()


def needs_shared_data() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not SHARED_DATA.exists(), reason="../shared/data not present")

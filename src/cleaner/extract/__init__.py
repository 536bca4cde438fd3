"""Extraction: pure functions from a decoded page to blocks and verdicts."""

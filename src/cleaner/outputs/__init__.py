"""Serialisation of Documents: plain text, Markdown, JSON (and reports)."""

"""Metadata: what a page says about itself, each field with its source."""

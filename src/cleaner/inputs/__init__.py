"""Turning raw input into decoded pages: the only stage that sees bytes."""

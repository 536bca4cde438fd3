"""The hostile-input corpus: generated at test time, never committed as data."""

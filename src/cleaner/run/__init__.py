"""Running many pages: batch over files (and, optionally, Ray)."""

"""Core types shared by every stage: no I/O, no third-party frameworks."""

"""Reusable rm-tui widgets; each keeps its DEFAULT_CSS beside its code."""

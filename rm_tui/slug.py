"""Readable identifiers made from names and titles: file names, topic keys."""

from __future__ import annotations

import re


def slug(text: str, fallback: str) -> str:
    """'Sam Ortiz' -> 'sam-ortiz'; `fallback` when nothing readable is left ('名前' -> fallback).

    Lower-case ASCII letters and digits joined by single hyphens: safe in a file name
    on any system and in a topic key, whatever the text held.
    """
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or fallback

"""Topic categories in few letters, for columns and one-line summaries on any screen."""

from __future__ import annotations

SHORT_CATEGORY: dict[str, str] = {
    "Technology Deep Dive": "Tech",
    "Social Media Lab": "Social",
    "Communication Clinic": "Comms",
    "Show and Tell": "Show",
}
COLUMN_WIDTH = 6  # the longest short name; a user's own category is cut to it


def short_category(name: str) -> str:
    """The guide's four categories by a short name; a user's own category as it is."""
    return SHORT_CATEGORY.get(name, name)


def category_column(name: str) -> str:
    """The short name cut or padded to one column's width, for lists that line up."""
    return f"{short_category(name)[:COLUMN_WIDTH]:<{COLUMN_WIDTH}}"

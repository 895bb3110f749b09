"""Dates as people type them: '2026-12-01', '+7d', '+2w', 'today', 'tomorrow'."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .errors import ValidationError

_RELATIVE = re.compile(r"^\+(\d{1,3})\s*([dw])$")


def parse_date(text: str, today: date, field: str = "date", label: str = "Date") -> date:
    """A date from what was typed, or a ValidationError that says what is accepted."""
    cleaned = text.strip().lower()
    if cleaned == "today":
        return today
    if cleaned == "tomorrow":
        return today + timedelta(days=1)
    relative = _RELATIVE.match(cleaned)
    if relative:
        amount = int(relative.group(1)) * (7 if relative.group(2) == "w" else 1)
        return today + timedelta(days=amount)
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValidationError(
            field, f"{label}: {text.strip()!r} is not a date; use 2026-12-01, +7d, +2w, today or tomorrow"
        ) from None

"""Dates as people type them: '2026-12-01', '+7d', '+2w', '-3d', 'today', 'tomorrow', 'yesterday', 'friday'."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .errors import ValidationError

_RELATIVE = re.compile(r"^([+-])(\d{1,3})\s*([dw])$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def parse_date(text: str, today: date, field: str = "date", label: str = "Date") -> date:
    """A date from what was typed, or a ValidationError that says what is accepted."""
    cleaned = text.strip().lower()
    if cleaned == "today":
        return today
    if cleaned == "tomorrow":
        return today + timedelta(days=1)
    if cleaned == "yesterday":  # for logging what already happened
        return today - timedelta(days=1)
    relative = _RELATIVE.match(cleaned)
    if relative:
        amount = int(relative.group(2)) * (7 if relative.group(3) == "w" else 1)
        return today + timedelta(days=amount if relative.group(1) == "+" else -amount)
    weekday = _weekday(cleaned.removeprefix("next "))
    if weekday is not None:
        # The coming one, never today: 'friday' said on a Friday means a week on.
        return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValidationError(
            field, f"{label}: {text.strip()!r} is not a date; use 2026-12-01, +7d, +2w, friday or tomorrow"
        ) from None


def _weekday(word: str) -> int | None:
    """0 for 'mon' or 'monday' ... 6 for 'sun'; None for anything else."""
    if len(word) < 3:
        return None
    return next((n for n, name in enumerate(_WEEKDAYS) if name.startswith(word)), None)

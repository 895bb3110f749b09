"""Dates as people type them: '2026-12-01', '+7d', '+2w', '-3d', 'today', 'tomorrow', 'yesterday', 'friday'.

A date of something that already happened ('last fri', '-3d') goes through
`parse_past_date`, which refuses the future and names the date it understood.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .errors import ValidationError

_RELATIVE = re.compile(r"^([+-])(\d{1,3})\s*([dw])$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FUTURE_EXAMPLES = "2026-12-01, +7d, +2w, friday or tomorrow"
PAST_EXAMPLES = "today, yesterday, last fri, -3d, -1w or 2026-11-20"


def parse_date(text: str, today: date, field: str = "date", label: str = "Date",
               examples: str = FUTURE_EXAMPLES) -> date:
    """A date from what was typed, or a ValidationError that says what is accepted (`examples`)."""
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
    if cleaned.startswith("last "):
        past = _weekday(cleaned.removeprefix("last "))
        if past is not None:
            # The latest one before today: 'last friday' said on a Friday means a week ago.
            return today - timedelta(days=(today.weekday() - past - 1) % 7 + 1)
    weekday = _weekday(cleaned.removeprefix("next "))
    if weekday is not None:
        # The coming one, never today: 'friday' said on a Friday means a week on.
        return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValidationError(
            field, f"{label}: {text.strip()!r} is not a date; use {examples}"
        ) from None


def parse_past_date(text: str | date, today: date, field: str = "date", label: str = "Date",
                    why: str = "it records what happened") -> date:
    """A date that has come already (today at the latest), for a record of what happened.

    A future one is refused in words that show what was understood, so 'next tue'
    typed by mistake reads as the date it would have saved.
    """
    when = text if isinstance(text, date) else parse_date(text, today, field, label, PAST_EXAMPLES)
    if when > today:
        typed = text.strip() if isinstance(text, str) else when.isoformat()
        raise ValidationError(field, f"{typed} is {spoken_date(when, today)}, in the future: {why}")
    return when


def spoken_date(day: date, today: date) -> str:
    """'Tue 8 Dec' (with the year when it is not this year's): a date as said aloud."""
    spoken = f"{day:%a} {day.day} {day:%b}"
    return spoken if day.year == today.year else f"{spoken} {day.year}"


def _weekday(word: str) -> int | None:
    """0 for 'mon' or 'monday' ... 6 for 'sun'; None for anything else."""
    if len(word) < 3:
        return None
    return next((n for n, name in enumerate(_WEEKDAYS) if name.startswith(word)), None)

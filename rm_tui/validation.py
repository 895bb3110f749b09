"""Turning what a person typed into clean values, or a one-line refusal.

Each check raises ValidationError naming the field, so a form can show the message
beside it; callers save nothing when one is raised.
"""

from __future__ import annotations

from .errors import ValidationError
from .text import clean_text

MAX_NAME_LENGTH = 120
MAX_LINE_LENGTH = 500


def required_text(value: str, field: str, label: str, max_length: int = MAX_NAME_LENGTH) -> str:
    """Stripped text that must not be empty (control characters dropped)."""
    cleaned = clean_text(value).strip()
    if not cleaned:
        raise ValidationError(field, f"{label} cannot be empty")
    return _bounded(cleaned, field, label, max_length)


def optional_text(value: str, field: str, label: str, max_length: int = MAX_LINE_LENGTH) -> str:
    """Stripped text that may be empty (control characters dropped)."""
    return _bounded(clean_text(value).strip(), field, label, max_length)


def whole_number(value: str | int, field: str, label: str, low: int, high: int) -> int:
    """A whole number within [low, high], from a typed string or an int."""
    text = str(value).strip()
    if not text:
        raise ValidationError(field, f"{label} is needed: a whole number from {low} to {high}")
    try:
        number = int(text)
    except ValueError:
        raise ValidationError(field, f"{label} must be a whole number, not {text!r}") from None
    if not low <= number <= high:
        raise ValidationError(field, f"{label} must be between {low} and {high}")
    return number


def one_of(value: str, field: str, label: str, allowed: tuple[str, ...]) -> str:
    """One of a fixed set of words."""
    if value not in allowed:
        raise ValidationError(field, f"{label} must be one of: {', '.join(allowed)}")
    return value


def same_name_key(name: str) -> str:
    """A name as compared for sameness: case folded, spaces trimmed and collapsed ('  dana ' is Dana)."""
    return " ".join(name.split()).casefold()


def _bounded(value: str, field: str, label: str, max_length: int) -> str:
    if len(value) > max_length:
        raise ValidationError(field, f"{label} is too long ({len(value)} characters, at most {max_length})")
    return value

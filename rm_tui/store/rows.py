"""Rows to records, by column name: a SELECT's columns are named as the record's fields.

SQLite hands back text for dates and 0/1 for booleans; the record's type hints say
which fields to convert, worked out once per record class.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterable
from datetime import date, datetime
from operator import itemgetter
from typing import Any, TypeVar

from ..models.record import Record, field_names
from ..timing import from_stamp
from . import driver

R = TypeVar("R", bound=Record)
Convert = Callable[[Any], Any]

_CONVERTERS: dict[object, Convert] = {date: date.fromisoformat, datetime: from_stamp, bool: bool}


def records(cls: type[R], cursor: driver.Cursor, limit: int | None = None) -> list[R]:
    """The cursor's rows as `cls` records; each column fills the field of its name."""
    names = tuple(column[0] for column in cursor.description)
    conversions = _conversions(cls, names)
    rows = cursor.fetchmany(limit) if limit is not None else cursor.fetchall()
    if _in_field_order(cls, names):
        # The columns are the fields, in order (checked once): filling them by position is
        # the same record, without a dict per row. Column by column, so that the loops run
        # in C (map) but for the values converted: an export reads 20,000 follow-ups.
        if not rows:
            return []
        columns: list[Iterable[Any]] = [map(itemgetter(index), rows) for index in range(len(names))]
        for name, convert in conversions:
            index = names.index(name)
            columns[index] = [None if value is None else convert(value) for value in columns[index]]
        return list(map(cls, *columns))
    return [_made(cls, dict(zip(names, row, strict=True)), conversions) for row in rows]


def _in_field_order(cls: type[Record], names: tuple[str, ...]) -> bool:
    return names == field_names(cls)


def wrapped_records(cls: type[R], field: str, inner: type, inner_columns: int, cursor: driver.Cursor) -> list[R]:
    """One query, two records a row: its first `inner_columns` columns make an `inner`
    record, which goes in `field` of a `cls` record made from the columns after them."""
    names = [column[0] for column in cursor.description]
    made = []
    for row in cursor.fetchall():
        held: object = from_values(inner, dict(zip(names[:inner_columns], row[:inner_columns], strict=True)))
        around = dict(zip(names[inner_columns:], row[inner_columns:], strict=True))
        made.append(from_values(cls, {field: held, **around}))
    return made


def from_values(cls: type[R], values: dict[str, Any]) -> R:
    """A `cls` record from values named as its fields, converted as `records` does."""
    return _made(cls, dict(values), _conversions(cls, tuple(values)))


def _made(cls: type[R], values: dict[str, Any], conversions: tuple[tuple[str, Convert], ...]) -> R:
    for name, convert in conversions:
        if values[name] is not None:
            values[name] = convert(values[name])
    return cls(**values)


_PLANS: dict[tuple[type[Record], tuple[str, ...]], tuple[tuple[str, Convert], ...]] = {}


def _conversions(cls: type[Record], names: tuple[str, ...]) -> tuple[tuple[str, Convert], ...]:
    """(column, converter) for each selected column whose field is a date, a moment or a flag.

    Worked out once per record class and column list: type hints are slow to read.
    """
    plan = _PLANS.get((cls, names))
    if plan is None:
        plan = _PLANS[(cls, names)] = _plan(cls, names)
    return plan


def _plan(cls: type[Record], names: tuple[str, ...]) -> tuple[tuple[str, Convert], ...]:
    hints = typing.get_type_hints(cls)
    wanted = []
    for field in field_names(cls):
        if field in names:
            convert = _CONVERTERS.get(_without_none(hints[field]))
            if convert is not None:
                wanted.append((field, convert))
    return tuple(wanted)


def _without_none(hint: object) -> object:
    """`date | None` is converted as `date` (None stays None)."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        others = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return others[0] if len(others) == 1 else hint
    return hint

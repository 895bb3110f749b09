"""What every record shares: equality, a hash and a repr, written once for all of them.

`@dataclass` writes each method it adds to a class as source text and compiles
it, class by class, at every start: six methods for a frozen record, about a
millisecond per record type. Records are declared
`@dataclass(frozen=True, repr=False, eq=False)` on this base: dataclass writes
only `__init__` and the two that keep it frozen, and the other three read the
fields dataclasses keeps. They mean what dataclass's own mean: equal when of the
same type with equal fields, hashed by the fields, shown as `Name(field=value, ...)`.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, ClassVar


class Record:
    """The base of every record type (see the module's docstring)."""

    __slots__ = ()
    _field_names: ClassVar[dict[type, tuple[str, ...]]] = {}

    def _fields(self) -> tuple[Any, ...]:
        names = Record._field_names.get(type(self))
        if names is None:
            names = Record._field_names[type(self)] = tuple(field.name for field in fields(self))  # type: ignore[arg-type]
        return tuple(getattr(self, name) for name in names)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        names = Record._field_names.get(type(self)) or tuple(field.name for field in fields(self))  # type: ignore[arg-type]
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__qualname__}({shown})"

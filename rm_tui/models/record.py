"""What every record is: named fields, declared by annotations, frozen once made.

A record type is a class on `Record` with annotated fields, defaults after the
fields without: `class Topic(Record): id: int; title: str; minutes: int = 10`.
It is made as a frozen dataclass would be, `Topic(1, "Demo")` or
`Topic(id=1, title="Demo")`; it compares, hashes and prints as one, refuses any
assignment (dataclasses.FrozenInstanceError), and `replace(topic, minutes=5)`
makes a changed copy.

Why not `@dataclass`: it writes each method it adds as source text and compiles
it, class by class, at every start, about half a millisecond per record type,
and the first screen needs some forty. Here a class's fields are read from its
annotations once, when the class is made, and one `__init__` written below fills
every record's fields. Type checkers read records as frozen dataclasses
(`dataclass_transform`), so a wrong field name or type in a call is still caught.
"""

from __future__ import annotations

import dataclasses
import inspect
from dataclasses import FrozenInstanceError
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:
    def dataclass_transform(**_: object) -> Any:  # only type checkers read it
        return lambda cls: cls

T = TypeVar("T")


@dataclass_transform(frozen_default=True)
class Record:
    """The base of every record type (see the module's docstring)."""

    # Worked out once per class, in __init_subclass__: its fields in order, and the defaults among them.
    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names = list(cls._fields)
        defaults = dict(cls._defaults)
        for name, hint in inspect.get_annotations(cls).items():  # its own, as written
            if _is_class_var(hint):
                continue
            if name not in names:
                names.append(name)
            if name in cls.__dict__:
                defaults[name] = cls.__dict__[name]
            else:
                defaults.pop(name, None)
        _check_order(cls, names, defaults)
        cls._fields = tuple(names)
        cls._defaults = defaults

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        names = self._fields
        if kwargs or len(args) != len(names):
            args = _bound(type(self), args, kwargs)
        # Straight into the instance's dict: the frozen __setattr__ below is never asked.
        self.__dict__.update(zip(names, args, strict=True))

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[Any, ...]:
        values = self.__dict__
        return tuple([values[name] for name in self._fields])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self._values(), strict=True))
        return f"{type(self).__qualname__}({shown})"


def replace(record: T, /, **changes: Any) -> T:
    """A copy of `record` with `changes` (field names) made, checked as a new record is.

    Any other dataclass is copied by `dataclasses.replace`: one call for both kinds.
    """
    if not isinstance(record, Record):
        return dataclasses.replace(record, **changes)  # type: ignore[type-var]
    return type(record)(**{**dict(zip(record._fields, record._values(), strict=True)), **changes})


def field_names(cls: type[Record]) -> tuple[str, ...]:
    """A record type's fields, in order."""
    return cls._fields


def _is_class_var(hint: object) -> bool:
    # Annotations are text here (`from __future__ import annotations`), as dataclasses reads them.
    if isinstance(hint, str):
        return hint.startswith(("ClassVar", "typing.ClassVar"))
    return getattr(hint, "__origin__", hint) is ClassVar


def _check_order(cls: type, names: list[str], defaults: dict[str, Any]) -> None:
    after_default = False
    for name in names:
        if name in defaults:
            after_default = True
        elif after_default:
            raise TypeError(f"{cls.__name__}: field {name!r} without a default follows one with a default")


def _bound(cls: type[Record], args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """The fields' values in order, from positional and keyword arguments and defaults.

    Refused as Python refuses a call that does not fit a function's signature.
    """
    names = cls._fields
    name = cls.__qualname__
    if len(args) > len(names):
        raise TypeError(f"{name}() takes {len(names)} positional arguments but {len(args)} were given")
    values = dict(zip(names, args, strict=False))  # the first few, by position
    for key, value in kwargs.items():
        if key not in names:
            raise TypeError(f"{name}() got an unexpected keyword argument {key!r}")
        if key in values:
            raise TypeError(f"{name}() got multiple values for argument {key!r}")
        values[key] = value
    missing = [field for field in names if field not in values and field not in cls._defaults]
    if missing:
        raise TypeError(f"{name}() missing {len(missing)} required arguments: {', '.join(map(repr, missing))}")
    defaults = cls._defaults
    return tuple([values[field] if field in values else defaults[field] for field in names])

"""Reading topic files: TOML, one category per file.

    [category]
    name = "Technology Deep Dive"
    summary = "What this category is for."

    [[topics]]
    title = "A title"
    prompt = "What the leader asks, with [Placeholder] fields to fill in."
    minutes = 15
    why = "Why it helps a leader."

A broken file, or a broken topic inside one, becomes a one-line problem naming the
file and line; everything else still loads.

Every string read is cleaned of control characters on the way in (names and
titles kept to one line), and so is every problem message, which quotes file
names and text: a topic file is a user's text like any other, and an escape
sequence in it must not reach the terminal, whether through the app or
`rm-tui topics`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rm_tui.models.record import Record
from rm_tui.slug import slug
from rm_tui.text import clean_text, one_line

if TYPE_CHECKING:
    from tomllib import TOMLDecodeError

BUILTIN_DIR = Path(__file__).parent
CORE_CATEGORIES = (
    "Technology Deep Dive",
    "Social Media Lab",
    "Communication Clinic",
    "Show and Tell",
)
TOPIC_FIELDS = {"title", "prompt", "minutes", "why"}
Source = Literal["builtin", "user"]

_TOPIC_HEADER = re.compile(r"^\s*\[\[\s*topics\s*\]\]")
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")


class TopicSpec(Record):
    """One topic as read from a file, before it has a database id."""

    key: str
    category: str
    title: str
    prompt: str
    minutes: int
    why: str
    source: Source
    source_file: str
    position: int


class LibraryLoad:
    """Everything read from the topic files, and what could not be read."""

    def __init__(self) -> None:
        self.topics: list[TopicSpec] = []
        self.problems: list[str] = []


class _TopicProblem(Exception):
    pass


def _report(result: LibraryLoad, problem: str) -> None:
    """Add a problem, on one line and without control characters (it quotes the file)."""
    result.problems.append(one_line(problem))


def topic_files(user_dir: Path | None) -> list[tuple[Path, Source]]:
    """The built-in files, then the user's, each set in name order."""
    files: list[tuple[Path, Source]] = [(p, "builtin") for p in sorted(BUILTIN_DIR.glob("*.toml"))]
    if user_dir is not None and user_dir.is_dir():
        files += [(p, "user") for p in sorted(user_dir.glob("*.toml"))]
    return files


def fingerprint(files: list[tuple[Path, Source]]) -> str:
    """Changes when any topic file is added, removed or edited; costs one stat per file.

    The listing itself, not a hash of it: it is compared on every start, and a hash
    function's module costs that start more than the few hundred bytes it would save.
    """
    lines = []
    for path, source in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        lines.append(f"{source}|{path}|{stat.st_size}|{stat.st_mtime_ns}")
    return "\n".join(lines)


def load_library(files: list[tuple[Path, Source]]) -> LibraryLoad:
    """Parse every file; a bad one is reported and skipped, the others load."""
    result = LibraryLoad()
    seen: dict[str, str] = {}
    for path, source in files:
        _load_file(path, source, result, seen)
    return result


def _load_file(path: Path, source: Source, result: LibraryLoad, seen: dict[str, str]) -> None:
    import tomllib  # here: most starts find the files unchanged (fingerprint) and parse none

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        _report(result, f"{path}: cannot be read ({exc})")
        return
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        _report(result, _toml_problem(path, exc))
        return
    category_table = data.get("category")
    name = category_table.get("name") if isinstance(category_table, dict) else None
    category = one_line(name).strip() if isinstance(name, str) else ""
    if not category:
        _report(result, f"{path} line 1: needs a [category] table with a name")
        return
    topics = data.get("topics", [])
    if not isinstance(topics, list):
        _report(result, f"{path} line 1: 'topics' must be [[topics]] tables")
        return
    header_lines = [n for n, line in enumerate(text.splitlines(), 1) if _TOPIC_HEADER.match(line)]
    for index, raw in enumerate(topics):
        line = header_lines[index] if index < len(header_lines) else 1
        try:
            spec = _topic(raw, category, source, path, index)
        except _TopicProblem as problem:
            _report(result, f"{path} line {line}: {problem}")
            continue
        if spec.key in seen:
            _report(result, f"{path} line {line}: topic {spec.title!r} is already defined in {seen[spec.key]}")
            continue
        seen[spec.key] = str(path)
        result.topics.append(spec)


def _topic(raw: object, category: str, source: Source, path: Path, index: int) -> TopicSpec:
    if not isinstance(raw, dict):
        raise _TopicProblem("each topic must be a [[topics]] table")
    unknown = sorted(set(raw) - TOPIC_FIELDS)
    if unknown:
        raise _TopicProblem(f"unknown field {unknown[0]!r} (expected {', '.join(sorted(TOPIC_FIELDS))})")
    title = one_line(_text(raw, "title", required=True)).strip()
    prompt = _text(raw, "prompt", required=True)
    why = _text(raw, "why", required=False)
    minutes = raw.get("minutes", 10)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 120:
        raise _TopicProblem(f"minutes must be a whole number from 1 to 120, not {minutes!r}")
    return TopicSpec(
        key=f"{slug(category, fallback='untitled')}/{slug(title, fallback='untitled')}",
        category=category,
        title=title,
        prompt=prompt,
        minutes=minutes,
        why=why,
        source=source,
        source_file=one_line(str(path)),
        position=index,
    )


def _text(raw: dict[str, object], name: str, *, required: bool) -> str:
    """The field's text without control characters (line breaks kept), stripped."""
    value = raw.get(name, "")
    if not isinstance(value, str):
        raise _TopicProblem(f"{name} must be text")
    value = clean_text(value).strip()
    if required and not value:
        raise _TopicProblem(f"{name} is missing or empty")
    return value


def _toml_problem(path: Path, exc: TOMLDecodeError) -> str:
    message = str(exc)
    position = _TOML_POSITION.search(message)
    reason = _TOML_POSITION.sub("", message).strip()
    line = position.group(1) if position else "1"
    return f"{path} line {line}: {reason}"

"""The topic library: built-in TOML files, one per category, and their loader.

Users add their own files (same format) in their topics folder; both are loaded
side by side. See `loader` for the format and the checks.
"""

from .loader import BUILTIN_DIR, CORE_CATEGORIES, LibraryLoad, TopicSpec, load_library, topic_files

__all__ = [
    "BUILTIN_DIR",
    "CORE_CATEGORIES",
    "LibraryLoad",
    "TopicSpec",
    "load_library",
    "topic_files",
]

"""Where rm-tui keeps its files, by the platform's conventions (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "rm-tui"
DB_FILENAME = "rm-tui.db"
DB_ENV_VAR = "RM_TUI_DB"
TOPICS_ENV_VAR = "RM_TUI_TOPICS"
PASSPHRASE_FILE_ENV = "RM_TUI_PASSPHRASE_FILE"
KEY_ENV = "RM_TUI_KEY"
"""The raw key, for the children of `rm-tui serve` only; each child removes it at once (rm_tui.passphrase)."""


def data_dir() -> Path:
    """The per-user data folder (e.g. ~/.local/share/rm-tui on Linux)."""
    # Imported here: `rm-tui --db FILE due` runs on every shell prompt and never needs it.
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    """The database used when neither --db nor RM_TUI_DB names one."""
    return data_dir() / DB_FILENAME


def user_topics_dir() -> Path:
    """The folder for the user's own topic files, loaded beside the built-in ones.

    RM_TUI_TOPICS overrides it, so tests and shared team folders can point elsewhere.
    """
    override = os.environ.get(TOPICS_ENV_VAR)
    return Path(override).expanduser() if override else data_dir() / "topics"

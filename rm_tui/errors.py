"""Errors a user can act on.

Every error that can reach a person carries a one-line message that says what
went wrong and what to do; the CLI prints it and exits with status 2, the app
shows it as a notification. Nothing else should escape as a traceback.
"""

from __future__ import annotations


class RmTuiError(Exception):
    """A problem explained in one line, safe to show to the user as is."""

    exit_code = 2


class DatabaseRefused(RmTuiError):
    """The file given as a database is not one rm-tui may open (left untouched)."""


class DataDirectoryError(RmTuiError):
    """The place the database should live cannot be created or written."""


class ValidationError(RmTuiError):
    """User input that was refused; nothing was saved.

    `field` names the form field at fault so a form can put the message beside it.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NotFound(RmTuiError):
    """A record asked for by id is not there: removed (perhaps in another window), never made, or not the viewer's.

    The store words it (rm_tui.store.base): "session 9 no longer exists" only for
    one that was there and was removed, else "there is no session 99".
    """


class Forbidden(RmTuiError):
    """The viewer's scope does not allow this (the mentor's window doing the leader's admin).

    Raised by the core, whichever screen or command asked; nothing was changed.
    """


def unexpected_error_line(error: BaseException) -> str:
    """What the last guard prints for an error nobody planned for: one line, never a traceback."""
    return f"rm-tui: unexpected error: {error} (set RM_TUI_DEBUG=1 for details)"

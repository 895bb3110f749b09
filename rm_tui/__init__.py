"""rm-tui: a terminal companion for reverse mentorship meetings."""

__version__ = "0.1.0"

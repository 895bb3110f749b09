"""rm-tui's screens: one Textual Screen per module. They call the store, never SQL."""

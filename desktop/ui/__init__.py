"""Everything PySide6 lives here."""

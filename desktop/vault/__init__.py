"""vault layer: pure Python, never imports PySide6 or desktop.ui."""

"""Witnessbox: an offline, encrypted interview vault for outreach workers."""

__version__ = "0.1.0"
APP_NAME = "Witnessbox"

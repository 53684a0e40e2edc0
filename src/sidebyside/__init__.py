"""sidebyside: read an article beside its sources."""

__version__ = "0.1.0"

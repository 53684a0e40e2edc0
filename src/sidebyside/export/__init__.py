"""Turning stored work into files a reader keeps: Markdown notes."""

"""Errors a reader can cause, with messages written for that reader.

The UI and the command line catch `SidebysideError` at their boundary and show
`str(error)`; anything else is a bug.
"""


class SidebysideError(Exception):
    """Base of every error whose message is meant for the user."""


class UnsupportedFormat(SidebysideError):
    """The file is of a kind sidebyside cannot read (or lies about its kind)."""


class EmptyDocument(SidebysideError):
    """The file was read but holds no text to check."""


class UnreadableDocument(SidebysideError):
    """The file is damaged, truncated or cannot be decoded."""


class NoTextLayer(SidebysideError):
    """A PDF made of scanned images: there is no text to read without OCR."""


class FetchFailed(SidebysideError):
    """A web address could not be fetched (no network, bad address, server error)."""

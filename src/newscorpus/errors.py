"""The errors newscorpus raises on purpose, each with a message a user can act on.

The CLI has one handler that prints ``Error: <message>`` to stderr and exits 1; anything
else is a bug and is allowed to surface as one.
"""

from __future__ import annotations


class NewsCorpusError(Exception):
    """Base class: the message is shown to the user as it is."""


class InputError(NewsCorpusError):
    """A file or stream could not be read as articles (names the file and the reason)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(NewsCorpusError):
    """The database cannot be opened, is locked, or is not a newscorpus store."""


class DoesNotExist(NewsCorpusError):
    """A document or actor asked for by name or id is not in the store."""


class ResourceMissing(NewsCorpusError):
    """An optional backend (camel-tools data, a model file) is not installed."""

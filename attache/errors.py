"""The one exception tree of attache.

Every error that attache raises on purpose derives from :class:`AttacheError`; third-party
errors are translated where they enter (a reader, the store, the fetcher) so callers only ever
catch this tree::

    AttacheError
    ├── InputError            one input could not be used; the run goes on with the others
    │   ├── UnreadableInput   missing path, permission denied, unreachable URL, over the size cap
    │   ├── UnsupportedInput  a format or content type attache does not read
    │   ├── DecodeError       bytes that decode to no usable text (binary, wrong charset)
    │   ├── EmptyDocument     the input holds no article text at all
    │   ├── GarbledText       a text layer that is garbage (PDF with a broken CJK font, NULs)
    │   ├── FetchRefused      a URL attache will not fetch (scheme, private address)
    │   └── PartialInput      part of an input was read (a damaged archive), with what was read
    ├── StoreError            the database could not be opened or written
    ├── NotFound              a document, brief or entity id that is not in the store
    ├── QueryError            a search query too long or too wide to run
    └── ConfigError           a knowledge-base or registry file the user passed is malformed

Messages say what was wrong and what to do next; the CLI prints them as they are.
"""

from __future__ import annotations


class AttacheError(Exception):
    """Root of every error attache raises on purpose."""


class InputError(AttacheError):
    """One input could not be turned into a document.

    ``source`` names the input (path or URL) so a run over many inputs can report each one.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnreadableInput(InputError):
    """The input cannot be read at all."""


class UnsupportedInput(InputError):
    """attache has no reader for this input."""


class DecodeError(InputError):
    """The bytes do not decode to usable text."""


class EmptyDocument(InputError):
    """The input was read but holds no article text."""


class GarbledText(InputError):
    """The text layer is garbage and must not be indexed."""


class FetchRefused(InputError):
    """A URL that attache refuses to fetch."""


class PartialInput(InputError):
    """Part of the input was read and part was not (a truncated archive, a refused record).

    ``documents`` holds what was read, so a run stores it and still reports the damage.
    """

    def __init__(self, source: str, reason: str, documents: tuple[object, ...] = ()) -> None:
        super().__init__(source, reason)
        self.documents = documents


class StoreError(AttacheError):
    """The store could not be opened, migrated or written."""


class NotFound(AttacheError):
    """An id or name that is not in the store."""


class QueryError(AttacheError):
    """A search query attache will not run (too long, or expanding to too many terms)."""


class ConfigError(AttacheError):
    """A user-supplied data file (knowledge base, outlet registry, lexicon) is malformed."""

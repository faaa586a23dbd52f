"""One exception tree for infrastructure failures.

Content that cannot be coded is not an exception: it becomes a :class:`~sahelwatch.model.Rejected`
value that is stored and counted. What is raised here means the system itself could not do
its work::

    SahelwatchError                 base of everything raised on purpose
    ├── SettingsError               a settings file or environment variable is invalid
    ├── DataPackError               a region pack file is missing or malformed
    ├── ModelNotInstalledError      a spaCy language model package is not installed
    ├── GazetteerError              the gazetteer is missing, corrupt or cannot be built
    ├── StoreError                  the database cannot be opened, migrated or written
    │   └── SchemaVersionError      the database was written by a newer sahelwatch
    └── SourceError                 a source as a whole cannot be read (bad URL, no such path)

Every class carries a one-line message meant for the user; the CLI prints it without a
traceback and exits with status 1.
"""

from __future__ import annotations


class SahelwatchError(Exception):
    """Base class of every error sahelwatch raises on purpose."""


class SettingsError(SahelwatchError):
    """A settings file or environment variable holds a value that cannot be used."""


class DataPackError(SahelwatchError):
    """A region data pack is missing a file or a file does not validate."""


class ModelNotInstalledError(SahelwatchError):
    """The spaCy model package for a language is not installed."""


class GazetteerError(SahelwatchError):
    """The gazetteer is missing, corrupt, or its sources cannot be read."""


class StoreError(SahelwatchError):
    """The database cannot be opened, migrated or written."""


class SchemaVersionError(StoreError):
    """The database schema is newer than this version of sahelwatch knows."""


class SourceError(SahelwatchError):
    """A source named by the user cannot be read at all (missing path, unreachable URL)."""

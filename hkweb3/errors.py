"""Every error hkweb3 raises on purpose. Only the CLI turns them into messages and exit codes."""


class HKWeb3Error(Exception):
    """Base of hkweb3's own errors: the message is one line a user can act on."""

    exit_code = 1


class SchemaError(HKWeb3Error):
    """The schema file, or something checked against it, is invalid."""


class ValidationError(HKWeb3Error):
    """An entity, relation or document does not fit the schema."""


class InputError(HKWeb3Error):
    """A file given to hkweb3 cannot be read or parsed."""


class ExportError(HKWeb3Error):
    """The graph cannot be written in the format asked for (e.g. a value holding the CSV
    array delimiter)."""


class AnalysisError(HKWeb3Error):
    """An analysis could not finish on this graph (e.g. a method did not converge)."""


class QueryError(HKWeb3Error):
    """A named query or its parameters are wrong (unknown name, missing value, bad type)."""

    exit_code = 2


class StoreError(HKWeb3Error):
    """The graph store failed."""

    exit_code = 3


class StoreUnavailable(StoreError):
    """The Bolt server cannot be reached."""


class AuthenticationFailed(StoreError):
    """The Bolt server refused the user name or password."""


class EmbeddedServerError(StoreError):
    """The embedded server cannot start, or its data directory is unusable."""


class CypherError(StoreError):
    """A Cypher statement was rejected by the server."""

    exit_code = 2


class ReadOnlyViolation(StoreError):
    """A statement that writes was sent through the read-only path."""

    exit_code = 2


class ConfigError(HKWeb3Error):
    """hkweb3 is set up wrongly (a setting names something that is not installed)."""

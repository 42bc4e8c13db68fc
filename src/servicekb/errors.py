"""Errors are values with exit codes: raised in the library, printed once by the CLI."""

# Documented exit codes (README "Exit codes"); every exit goes through one of these names.
EXIT_OK = 0
EXIT_NO_RESULTS = 1  # no match, or validate found problems
EXIT_PROBLEMS = 1  # the input or the knowledge base has problems: nothing was written (new, import, fmt)
EXIT_USAGE = 2  # bad option value, unknown id, unreadable knowledge base
EXIT_REFERENCE = EXIT_USAGE  # a reference file (tags.yaml, synonyms.yaml, …) missing or broken: nothing can be used
EXIT_INTERRUPTED = 130


class ServiceKBError(Exception):
    """An error a user can cause; the CLI prints `servicekb: error: <message>` and exits."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


class UsageError(ServiceKBError):
    """A bad value given on the command line (exit 2)."""

    def __init__(self, message: str):
        super().__init__(message, EXIT_USAGE)


class ReferenceDataError(ServiceKBError):
    """A reference file that is missing or broken (counties.yaml, tags.yaml, synonyms.yaml …):
    the knowledge base cannot be used (EXIT_REFERENCE, one code for every reference file)."""

    def __init__(self, message: str):
        super().__init__(message, EXIT_REFERENCE)

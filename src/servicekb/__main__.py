"""`python -m servicekb` and the console script `servicekb`."""

import sys


def run() -> None:
    """Choose the language (`--lang`) before the interface is imported: help texts are put in
    words when their module is imported."""
    from servicekb.messages import take_language_option

    try:
        args = take_language_option(sys.argv[1:])
    except ValueError as exc:
        from servicekb.cli import error  # the one error format
        from servicekb.errors import EXIT_USAGE

        error(str(exc))
        sys.exit(EXIT_USAGE)
    from servicekb.cli import main

    main(args)


if __name__ == "__main__":
    run()

"""`python -m servicekb` and the console script `servicekb`."""

import sys


def run() -> None:
    """The command line as typed: `--lang` is taken by the CLI's one run (cli.app._Group.main),
    which words the help in that language when a command is loaded."""
    from servicekb.cli import main

    main(sys.argv[1:])


if __name__ == "__main__":
    run()

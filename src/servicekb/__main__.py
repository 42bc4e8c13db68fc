"""`python -m servicekb` and the console script `servicekb`."""

import sys


def run() -> None:
    """The command line as typed: `--lang` is taken by the CLI's one run (cli.app._Group.main),
    which words the help in that language when a command is loaded."""
    import gc

    # Importing typer, click and the command table makes tens of thousands of objects that live
    # as long as the process, and no garbage: collections meanwhile would only walk them. They
    # are frozen once imported, so that no later collection walks them either.
    gc.disable()
    from servicekb.cli import main

    gc.freeze()
    gc.enable()
    try:
        main(sys.argv[1:])
    finally:
        # The run is over: what is left is the interpreter's own shutdown, whose garbage
        # collections would walk every object of typer, click and servicekb once more (10–15 ms,
        # a sixth of a warm command). Frozen objects are skipped by them; everything else still
        # happens as usual (atexit, streams flushed, files closed, modules torn down).
        gc.freeze()


if __name__ == "__main__":
    run()

"""The command-line interface: a thin shell over the library, one module per command family.

The root app object, the command registry and the entry point are in cli/app.py; what every
command shares (consoles, notices, `command_app`) in cli/common.py; every shared option in
cli/options.py; shell completers in cli/complete.py. No module of cli/ imports this package, so
the modules form no import cycle (tests/test_import_cycles.py).
"""

from __future__ import annotations

from .app import COMMANDS, CommandSpec, _translate_click, app, error, load_command, main

__all__ = ["COMMANDS", "CommandSpec", "_translate_click", "app", "error", "load_command", "main"]

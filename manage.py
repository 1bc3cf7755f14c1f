#!/usr/bin/env python
"""Django's command-line utility for this project."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "editorial.settings.dev")
    from django.core.management import execute_from_command_line

    from editorial.settings.env import ConfigurationError

    try:
        execute_from_command_line(sys.argv)
    except ConfigurationError as error:
        # A missing secret is an operator's mistake, not a bug: one line, no traceback.
        sys.exit(f"Configuration error: {error}")


if __name__ == "__main__":
    main()

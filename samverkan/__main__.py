"""The `samverkan` console script: Django's management command with our settings."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["samverkan", *sys.argv[1:]])


if __name__ == "__main__":
    main()

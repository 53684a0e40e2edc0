"""The frozen app's entry point: the same `sidebyside` command as the wheel installs."""

import multiprocessing
import sys

from sidebyside.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # align's worker processes under spawn (Windows, macOS)
    sys.exit(main())

"""`python -m sidebyside` runs the same entry point as the `sidebyside` command."""

from sidebyside.cli import main

raise SystemExit(main())

"""Subcommands of the `sidebyside` command line, one module each."""

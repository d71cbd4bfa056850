"""`python -m planctl` runs the command-line tool."""

from .cli import main

main()

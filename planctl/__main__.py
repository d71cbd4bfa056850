"""`python -m planctl` runs the command-line tool."""

from .launch import main

main()

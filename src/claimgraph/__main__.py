"""`python -m claimgraph` runs the CLI."""

from claimgraph.cli import main

main()

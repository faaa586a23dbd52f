"""``python -m sahelwatch``: the command line interface."""

from sahelwatch.cli import main

main()

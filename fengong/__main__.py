"""``python -m fengong`` is the ``fengong`` command."""

from fengong.cli import main

main()

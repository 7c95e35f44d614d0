"""``python -m explore ...`` is the ``explore`` command."""
from .cli import main

raise SystemExit(main())

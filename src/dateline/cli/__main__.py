"""``python -m dateline.cli``: the same as the ``dateline`` command."""

from dateline.cli import main

raise SystemExit(main())

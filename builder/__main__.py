"""Entry point for `python -m builder`."""

from __future__ import annotations

import sys

from builder.cli import main

sys.exit(main())

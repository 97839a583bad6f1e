"""`python -m bot` behaves exactly like the `jobbot` console script."""

import sys

from bot.cli import main

sys.exit(main())

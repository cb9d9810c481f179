"""The property tests share their strategies through ``fuzz_strategies`` (this folder).

pytest runs with ``--import-mode=importlib``, which puts no test folder on ``sys.path``;
this folder is added so the three test modules can import the one strategies module.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

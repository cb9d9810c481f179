"""Every module imports on its own, first: no import circle hides behind an import order."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import newscorpus

PACKAGE = Path(newscorpus.__file__).parent
MODULES = sorted(
    "newscorpus." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(
        ".__init__"
    )
    for path in PACKAGE.rglob("*.py")
    if path.name != "__main__.py"
)

CHECK = """
import importlib, sys
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "newscorpus" or m.startswith("newscorpus.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except ImportError as error:
        failed.append(f"{name}: {error}")
print("\\n".join(failed))
"""


def test_every_module_imports_first() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CHECK, *MODULES], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""
    assert len(MODULES) > 40

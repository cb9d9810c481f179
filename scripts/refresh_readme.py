"""Run the example commands in README.md and put their real output under them.

    python scripts/refresh_readme.py

A command is marked in the README by a line ``<!-- run: newscorpus ... -->`` followed by a
fenced block; the block is replaced by ``$ command`` and what it printed (stdout, then
stderr). The commands run in a temporary folder holding a copy of ``seeds/`` and
``examples/``, against a fresh database into which the seeds were ingested, at a fixed
terminal width, so the output is reproducible.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
MARK = re.compile(r"(<!-- run: (?P<command>.+?) -->\n)```[^\n]*\n.*?```\n", re.S)
WIDTH = "100"


def run(command: str, cwd: Path, env: dict[str, str]) -> str:
    words = shlex.split(command)
    stdin = None
    if "|" in words:  # "echo TEXT | newscorpus ..." for extract examples
        cut = words.index("|")
        stdin, words = " ".join(words[1:cut]) + "\n", words[cut + 1 :]
    exe = Path(sys.executable).with_name(words[0])
    out = subprocess.run(
        [str(exe), *words[1:]], cwd=cwd, env=env, input=stdin, text=True, capture_output=True
    )
    errors = out.stderr.rstrip()  # warnings and failures, as a terminal shows them
    return out.stdout.rstrip() + "\n" + (errors + "\n" if errors else "")


def refreshed(text: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "seeds", work / "seeds")
        shutil.copytree(ROOT / "examples", work / "examples")
        env = dict(os.environ, COLUMNS=WIDTH, NEWSCORPUS_DB=str(work / "newscorpus.db"))
        env.pop("NO_COLOR", None)

        def replace(match: re.Match[str]) -> str:
            command = match.group("command")
            return f"{match.group(1)}```console\n$ {command}\n{run(command, work, env)}```\n"

        return MARK.sub(replace, text)


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    README.write_text(refreshed(README.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()

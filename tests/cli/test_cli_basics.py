"""Exit codes and streams of the CLI, for the cases that need no analysis."""

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newscorpus.cli import app

runner = CliRunner()

COMMANDS = [
    ["ingest"],
    ["stats"],
    ["documents"],
    ["show"],
    ["extract"],
    ["actors"],
    ["actor"],
    ["claims"],
    ["timeline"],
    ["export"],
    ["check"],
    ["eval"],
    ["eval", "ner"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout


@pytest.mark.parametrize(
    "command", [["stats"], ["actors"], ["claims"], ["timeline"], ["show", "1"]]
)
def test_queries_without_a_database_say_so(command: list[str], db_path: Path) -> None:
    result = runner.invoke(app, command)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ")
    assert "newscorpus ingest" in result.stderr
    assert not db_path.exists()


@pytest.mark.parametrize(
    "command",
    [
        ["actors", "--format", "xml"],
        ["actors", "--top", "-3"],
        ["actors", "--type", "animal"],
        ["claims", "--kind", "rumour"],
        ["ingest", "seeds", "--date", "21/11/2024"],
        ["ingest"],
        ["timeline", "--precision", "week"],
    ],
)
def test_misuse_exits_2(command: list[str]) -> None:
    result = runner.invoke(app, command)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_missing_path_is_one_line_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "articles"
    result = runner.invoke(app, ["ingest", str(missing)])
    assert result.exit_code == 1
    assert str(missing) in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys; from newscorpus.cli import app\n"
        "heavy = ('torch', 'pandas', 'camel_tools', 'numpy', 'rich')\n"
        "print([m for m in heavy if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# what running --help may not import (rich draws the help itself)
HEAVY = ("torch", "pandas", "camel_tools", "numpy", "dask", "distributed", "pyarrow", "duckdb",
         "fsspec")  # fmt: skip


@pytest.mark.parametrize("argv", [["--help"], ["ingest", "--help"], ["actors", "--help"]])
def test_running_help_imports_no_analysis_or_scale_library(argv: list[str]) -> None:
    code = (
        "import sys, contextlib, io; from newscorpus.cli import main\n"
        f"sys.argv = ['newscorpus', *{argv!r}]\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main()\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_python_dash_m_runs_the_cli() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "newscorpus", "--help"], capture_output=True, text=True, check=True
    )
    assert "ingest" in out.stdout

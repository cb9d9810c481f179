"""The optional camel-tools backend says clearly when its data is missing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newscorpus.arabic.morphology import camel_clitic_splitter, camel_data_dir
from newscorpus.errors import ResourceMissing


def test_missing_data_raises_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    assert camel_data_dir() == tmp_path
    with pytest.raises(ResourceMissing) as raised:
        camel_clitic_splitter()
    message = str(raised.value)
    assert "camel-tools morphology data is not installed" in message
    assert str(tmp_path) in message
    assert "camel_data -i morphology-db-msa-r13" in message
    assert list(tmp_path.iterdir()) == []  # nothing was downloaded or created
    assert "camel_tools.data" not in sys.modules


def test_importing_the_layer_stays_light() -> None:
    code = (
        "import sys, newscorpus.arabic; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'camel_tools', 'torch', 'pandas', 'babel'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"

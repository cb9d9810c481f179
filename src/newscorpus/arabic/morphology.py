"""Optional clitic analysis by the camel-tools morphological analyzer (calima-msa-r13).

camel-tools keeps its data outside the package (``$CAMELTOOLS_DATA``, else
``~/.camel_tools``), and importing ``camel_tools.morphology`` imports ``camel_tools.data``,
which downloads a catalogue when none is there. So this module looks for the files itself
and imports camel-tools only when they exist: nothing is ever downloaded at run time.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from newscorpus.errors import ResourceMissing

DEFAULT_DB = "calima-msa-r13"
_PROCLITIC_LETTERS = {"wa": "و", "fa": "ف", "bi": "ب", "li": "ل", "ka": "ك", "sa": "س"}


def camel_data_dir() -> Path:
    """Where camel-tools looks for its data: ``$CAMELTOOLS_DATA`` or ``~/.camel_tools``."""
    configured = os.environ.get("CAMELTOOLS_DATA")
    if configured:
        return Path(configured).expanduser().absolute()
    return Path.home() / ".camel_tools"


def morphology_db_path(db_name: str = DEFAULT_DB) -> Path:
    return camel_data_dir() / "data" / "morphology_db" / db_name / "morphology.db"


def _check_installed(db_name: str) -> Path:
    data_dir = camel_data_dir()
    db_path = morphology_db_path(db_name)
    missing = [p for p in (data_dir / "catalogue.json", db_path) if not p.is_file()]
    if missing:
        raise ResourceMissing(
            f"camel-tools morphology data is not installed ({missing[0]} not found). "
            f"Install it with `camel_data -i morphology-db-msa-r13` (downloads about 40 MB), "
            f"or point CAMELTOOLS_DATA at a folder that has it. Without it newscorpus uses "
            f"its own clitic rules (newscorpus.arabic.strip_clitics)."
        )
    return db_path


def _prefix_letters(analysis: dict[str, str]) -> list[str]:
    letters = []
    for feature in ("prc2", "prc1"):
        value = analysis.get(feature, "0")
        letter = _PROCLITIC_LETTERS.get(value.split("_", 1)[0])
        if letter:
            letters.append(letter)
    return letters


def camel_clitic_splitter(db_name: str = DEFAULT_DB) -> Callable[[str], tuple[str, str]]:
    """A function like ``strip_clitics`` backed by the camel-tools analyzer.

    Raises ``ResourceMissing`` when the morphology database is not installed.
    """
    db_path = _check_installed(db_name)
    from camel_tools.morphology.analyzer import Analyzer
    from camel_tools.morphology.database import MorphologyDB

    analyzer = Analyzer(MorphologyDB(str(db_path), "a"))

    def split(match: str) -> tuple[str, str]:
        analyses = analyzer.analyze(match)
        if not analyses:
            return "", match
        letters = _prefix_letters(analyses[0])
        if not letters or not match.startswith("".join(letters)):
            return "", match
        stem = match[len(letters) :]
        if letters[-1] == "ل" and stem.startswith("ل") and analyses[0].get("prc0") == "Al_det":
            stem = "ا" + stem  # لل = ل + ال: the stem keeps its article
        return "+".join(letters), stem

    return split

"""Draw ANT dev articles for a new hand-annotated gold part (run by hand).

    python scripts/draw_gold_articles.py /tmp/ant --count 20 --seed 1403

Lists the ``.txt`` files under the unpacked ANT folder (``ant-v2.1/<outlet>/<section>/``),
leaves out every file a ``data/gold`` or ``data/train`` file names (its ``file`` field or
its path inside a JSON document) and files whose ``<TEXT>`` has under 200 characters, and
draws ``--count`` of them with ``random.Random(seed)``, round-robin over the outlets
(AlArabiya, France24, SkyNews), as part 2 of ``claims_ant.jsonl`` was drawn. Prints one
path (relative to the folder, starting with ``ant-v2.1/``) per line.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_NAMED = re.compile(r"ant-v2\.1/[^\"\s]+?\.txt")
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


def named_files() -> set[str]:
    """Every ANT file a gold or training file names."""
    names: set[str] = set()
    for folder in (ROOT / "data" / "gold", ROOT / "data" / "train"):
        for path in folder.iterdir():
            if path.suffix in (".jsonl", ".json"):
                names.update(_NAMED.findall(path.read_text("utf-8")))
    return names


def draw(folder: Path, count: int, seed: int) -> list[str]:
    taken = named_files()
    outlets: dict[str, list[str]] = {}
    for path in sorted(folder.glob("ant-v2.1/*/*/*.txt")):
        relative = path.relative_to(folder).as_posix()
        if relative in taken:
            continue
        text = _TEXT.search(path.read_text("utf-8", errors="replace"))
        if text is None or len(text.group(1).strip()) < 200:
            continue
        outlets.setdefault(relative.split("/")[1], []).append(relative)
    rng = random.Random(seed)
    for files in outlets.values():
        rng.shuffle(files)
    drawn: list[str] = []
    order = sorted(outlets)
    while len(drawn) < count and any(outlets.values()):
        for outlet in order:
            if outlets[outlet] and len(drawn) < count:
                drawn.append(outlets[outlet].pop())
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, help="the unpacked ANT dev archive's folder")
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1403)
    args = parser.parse_args()
    for path in draw(args.folder, args.count, args.seed):
        print(path)


if __name__ == "__main__":
    main()

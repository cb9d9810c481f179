"""Pathological inputs, each at two sizes: time should double, memory stay bounded.

    python benchmarks/bench_hostile.py [--scale 1.0] [-w 1]

Kinds (the sizes at --scale 1): one "word" of 5 and 10 MB (no space, no line break); 0.5
and 1 MB of punctuation; HTML nested 50,000 and 100,000 levels deep; a JSON line of 50
and 100 MB (one record whose text has no line break). Each input is written under
/tmp/newscorpus-bench/hostile and ingested with the full analysis in a child process
(bench_ingest.run_ingest); the time, the ratio of the larger size's time to the
smaller's, the peak memory, and the warnings the ingest gave are printed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench_ingest import TREE_PEAK, run_ingest

WORK = Path(tempfile.gettempdir()) / "newscorpus-bench" / "hostile"
SENTENCE = "وقال الرئيس الأوكراني فولوديمير زيلينسكي إن جيشاً من 10 آلاف كوري شمالي يستعد للانضمام. "


def word(path: Path, size: int) -> None:
    path.write_text("ب" * (size // 2), "utf-8")  # two bytes a letter


def punctuation(path: Path, size: int) -> None:
    path.write_text(("!?.،؛:«»()…-" * (size // 12 + 1))[:size], "utf-8")


def nested_html(path: Path, size: int) -> None:
    depth = size // 11  # "<div>" and "</div>"
    article = f"<p>{SENTENCE * 10}</p>" * 3
    path.write_text(
        "<!DOCTYPE html><html><body>" + "<div>" * depth + article + "</div>" * depth
        + "</body></html>", "utf-8",
    )  # fmt: skip


def json_line(path: Path, size: int) -> None:
    text = SENTENCE * (size // len(SENTENCE.encode()))
    path.write_text(json.dumps({"title": "سطر طويل", "text": text}, ensure_ascii=False) + "\n")


KINDS: dict[str, tuple[Callable[[Path, int], None], str, int]] = {
    "word": (word, "txt", 5 << 20),
    "punctuation": (punctuation, "txt", 512 << 10),
    "nested-html": (nested_html, "html", 550 << 10),
    "json-line": (json_line, "jsonl", 50 << 20),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("-w", "--workers", type=int, default=1)
    parser.add_argument("--kinds", default=",".join(KINDS))
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    for kind in args.kinds.split(","):
        write, extension, base = KINDS[kind]
        seconds = []
        for factor in (1, 2):
            size = int(base * args.scale * factor)
            path = WORK / f"{kind}-{size}.{extension}"
            if not path.exists():
                child = multiprocessing.get_context("fork").Process(target=write, args=(path, size))
                child.start()
                child.join()
            with tempfile.TemporaryDirectory(dir=WORK) as folder:
                summary, took, self_kb, child_kb = run_ingest(
                    [str(path)], str(Path(folder) / "h.db"), args.workers, True
                )
            seconds.append(took)
            print(
                f"{kind} {path.stat().st_size / 2**20:.2f} MB: {took:.1f} s, {summary['articles']}"
                f" articles, {summary['mentions']} mentions, {len(summary['failures'])} failures;"
                f" peak RSS {max(self_kb, child_kb) / 1024:.0f} MB (all {TREE_PEAK[0] / 1024:.0f}"
                f" MB, PSS {TREE_PEAK[1] / 1024:.0f} MB)"
            )
            for warning in summary.get("warnings", []):
                print(f"  warning: {warning}")
            for failure in summary["failures"]:
                print(f"  failed: {failure}")
        print(f"{kind}: twice the size took {seconds[1] / seconds[0]:.2f}x as long")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

"""Draw the timeline audit sample: N entries at random (fixed seed) from a store, written
as JSON Lines for a judge to fill in (``newscorpus.evaluate.timeline``).

    python scripts/sample_timeline.py --db /tmp/ant.db --count 100 --seed 16 \
        --out data/gold/timeline_ant_sample.jsonl

The judge adds date_right, real_event, actors_right, sources_same (true/false) and a note to
every line; ``newscorpus eval timeline-sample FILE --db DB`` scores it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newscorpus.evaluate.timeline import draw_sample, write_sample
from newscorpus.store import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    with open_store(args.db, create=False) as store:
        entries = draw_sample(store, args.count, args.seed)
    write_sample(entries, args.out)
    print(f"{len(entries)} entries written to {args.out}")


if __name__ == "__main__":
    main()

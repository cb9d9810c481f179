"""Draw the claims audit sample: N stored claims at random (fixed seed), written as JSON
Lines for a judge to fill in (``newscorpus.evaluate.claims_sample``).

    python scripts/sample_claims.py --db /tmp/ant.db --count 150 --seed 14 \
        --out data/gold/claims_ant_sample.jsonl

The judge adds is_claim, speaker_right, true_speaker, actor_right, true_actor,
content_right, true_content, cue_right and a note to every line;
``newscorpus eval claims-sample FILE --db DB`` scores it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newscorpus.evaluate.claims_sample import draw_sample, write_sample
from newscorpus.store import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--count", type=int, default=150)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    with open_store(args.db, create=False) as store:
        entries = draw_sample(store, args.count, args.seed)
    write_sample(entries, args.out)
    print(f"{len(entries)} claims written to {args.out}")


if __name__ == "__main__":
    main()

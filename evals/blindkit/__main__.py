"""`python -m evals.blindkit`: write, label and build a blind set (see the package's doc)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from evals.blindkit import build, compare, merge, write_briefs

_SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals.blindkit",
        description="The blind-set protocol: briefs for helpers who read only POLICY_MODEL.md "
        "and the articles, then merge, compare and build the suite evals/datasets/blind/blindN.jsonl.",
    )
    parser.add_argument("--policy", default=str(_SHARED / "POLICY_MODEL.md"),
                        help="the policy model the helpers read (default: ../shared/POLICY_MODEL.md)")
    parser.add_argument("--seeds", default=str(_SHARED / "seeds"), help="the articles' folder")
    sub = parser.add_subparsers(dest="step", required=True)
    p = sub.add_parser("briefs", help="two writer briefs, each with half of the voices")
    p.add_argument("setdir", type=Path, help="a working folder outside the repository")
    p.add_argument("voices", type=Path, help='a JSON list of {"name", "description"}')
    p.add_argument("--singles", type=int, default=75, help="single questions per writer")
    p.add_argument("--dialogues", type=int, default=12, help="dialogues per writer")
    p = sub.add_parser("merge", help="shuffle the writers' files into one set; labellers' inputs")
    p.add_argument("setdir", type=Path, help="the folder given to briefs (a/ and b/ hold the writers' files)")
    p.add_argument("number", type=int, help="N of blindN (also the shuffle's seed)")
    p = sub.add_parser("compare", help="writer vs labeller verdicts; items for the adjudicator")
    p.add_argument("setdir", type=Path, help="the folder given to merge (annot/x and annot/y hold the labels)")
    p = sub.add_parser("build", help="the suite, from agreed or adjudicated facts")
    p.add_argument("setdir", type=Path, help="the folder given to compare (annot/decisions.jsonl if adjudicated)")
    p.add_argument("number", type=int, help="N of blindN: writes evals/datasets/blind/blindN.jsonl")
    args = parser.parse_args(argv)
    try:
        if args.step == "briefs":
            voices = json.loads(args.voices.read_text(encoding="utf-8"))
            for path in write_briefs(args.setdir, voices, policy=args.policy, seeds=args.seeds,
                                     singles=args.singles, dialogues=args.dialogues):
                print(path)
        elif args.step == "merge":
            print(merge(args.setdir, args.number, policy=args.policy, seeds=args.seeds))
        elif args.step == "compare":
            print(compare(args.setdir, policy=args.policy))
        else:
            print(build(args.setdir, args.number))
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

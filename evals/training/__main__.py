"""`python -m evals.training [--cv K | --heldout PARTS | --tune]`: retrain the learned
reader, cross-validate it, score it on training parts it did not see, or tune thresholds."""

from __future__ import annotations

import argparse
import json
import sys

from evals.training.train import MODEL_PATH, C, train


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals.training",
        description="Rebuild rag/facts/learned/reader-model.npz from evals/datasets/training/ "
        "(needs scikit-learn: pip install -e '.[train]').",
    )
    parser.add_argument("--cv", type=int, metavar="K", default=0,
                        help="report K-fold cross-validated accuracy per head instead of training")
    parser.add_argument("--c", type=float, default=C, help=f"inverse regularisation (default {C})")
    parser.add_argument("--heldout", metavar="PARTS", default="",
                        help="refit without these training parts (comma-separated, e.g. K,L) and "
                        "score the whole engine on them: words alone, with the refitted model, "
                        "and with the shipped one")
    parser.add_argument("--tune", action="store_true",
                        help="choose the confidence thresholds on the development sets "
                        "(rag/facts/combine.py's Confidence) and print the best ones")
    args = parser.parse_args(argv)
    if not args.tune:
        try:
            import sklearn  # noqa: F401
        except ImportError:
            print("training needs scikit-learn: pip install -e '.[train]'", file=sys.stderr)
            return 2
    if args.tune:
        from evals.training.tune import tune

        print(json.dumps(tune(), indent=2))
        return 0
    if args.heldout:
        from evals.training.heldout import heldout

        try:
            print(json.dumps(heldout(args.heldout.split(","), c=args.c), indent=2))
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        return 0
    if args.cv:
        from evals.training.crossval import cross_validate

        print(json.dumps(cross_validate(args.cv, args.c), indent=2))
        return 0
    print(json.dumps(train(MODEL_PATH, args.c), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

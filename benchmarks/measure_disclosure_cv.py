"""The disclosure proposal cross-validated on train + dev, grouped by family (test unread).

dev alone holds one to three families per not_public ground: a change judged on it turns
on a document or two. This scores every train and dev document with an n-gram model refitted
without its family (settings of the shipped model, or of ``--model``), for the rules, the
model alone and the blend ``check`` proposes, side by side:

    .venv/bin/python benchmarks/measure_disclosure_cv.py
    .venv/bin/python benchmarks/measure_disclosure_cv.py --folds 10 --misses
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gkreview.classify.blend import GROUND_THRESHOLD
from gkreview.classify.model.crossval import NgramSettings, crossvalidate
from gkreview.classify.model.data import GROUND_LABELS, load_split
from gkreview.classify.model.metrics import score_disclosure
from gkreview.classify.model.predictor import DisclosureModel

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--model", type=Path, help="take the n-gram settings from this model")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--thresholds",
        help="model ground thresholds to compare, e.g. 0.5,0.3,0.2 (default: the model's own)",
    )
    parser.add_argument("--misses", action="store_true", help="list the missed grounds")
    args = parser.parse_args()
    folder = args.corpus / "disclosure"
    docs = load_split(folder, "train") + load_split(folder, "dev")
    model = DisclosureModel.load(args.model)
    settings = NgramSettings.of_model(model) if model is not None else NgramSettings()
    own = model.ground_threshold if model is not None else GROUND_THRESHOLD
    thresholds = [float(x) for x in args.thresholds.split(",")] if args.thresholds else [own]
    started = time.perf_counter()
    result = crossvalidate(
        docs, settings, args.folds, progress=lambda k, n: print(f"  fold {k}/{n}", flush=True)
    )
    families = len({d.family or d.id for d in docs})
    print(
        f"{len(docs)} documents, {families} families (train + dev), {result.folds} folds by "
        f"family; {settings}; {time.perf_counter() - started:.0f} s"
    )
    for threshold in thresholds:
        guesses = result.guesses(threshold)
        scores = {name: score_disclosure(result.docs, g) for name, g in guesses.items()}
        print(f"\nmodel ground threshold {threshold}")
        print(f"{'proposer':<10}{'accuracy':>9}{'macro F1':>9}{'np R':>7}{'ground R':>9}"
              f"{'ground P':>9}{'ECE':>7}")  # fmt: skip
        for name, s in scores.items():
            g = s.ground_recall
            print(
                f"{name:<10}{s.accuracy:>9.3f}{s.macro_f1:>9.3f}"
                f"{s.per_class['not_public'].recall:>7.3f}{g.recall:>9.3f}"
                f"{s.ground_precision:>9.3f}{s.ece:>7.3f}   ({g.recalled}/{g.support})"
            )
        combined = scores["combined"]
        print("combined, recall per ground: " + ", ".join(
            f"{code} {combined.per_ground[code].recalled}/{combined.per_ground[code].support}"
            for code in GROUND_LABELS if code in combined.per_ground
        ))  # fmt: skip
        if args.misses:
            for doc, guess in zip(result.docs, guesses["combined"], strict=True):
                missed = [
                    g for g in doc.not_public_grounds
                    if doc.attribute == "not_public"
                    and (guess.attribute != "not_public" or g not in guess.grounds)
                ]  # fmt: skip
                if missed:
                    print(f"  {doc.id}: gold {'+'.join(doc.not_public_grounds)} → "
                          f"{guess.attribute} {'+'.join(guess.grounds)}")  # fmt: skip


if __name__ == "__main__":
    main()

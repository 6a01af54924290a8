#!/usr/bin/env python3
"""Measures a learned scorer of people's names against the rules (issue 11, round six).

Inputs: the candidates and features that `liaison-bench candidates --file F` prints (computed in
Swift, by the scanner's own reading of the words, `NameCandidates`) for
Benchmarks/Evaluation/names/train.jsonl and dev.jsonl, with their gold labels (a candidate is a
name when its span is exactly a gold span). The test sets are never read.

Model: scikit-learn's LogisticRegression (L2, C = 1, lbfgs, the bias as feature 0), pinned below
and installed into a venv under .build/ the first time. A document's names are its candidates
whose log-odds reach the threshold, best first, overlapping ones dropped (as a scanner would
choose). The threshold is the one with the best F1 over the out-of-fold scores of a 5-fold
cross-validation over the documents of train + dev (folds drawn with a fixed seed), so the CV
figure is slightly optimistic; the figure at threshold 0 is printed too. The rules' figure is
that of their own names among the same candidates (about what `liaison-bench score` reports
before other kinds are resolved). Deterministic: the same build prints the same figures.

Printed, in this order: candidate recall (the share of gold spans that are a candidate); the
5-fold cross-validation of the model and the rules on the same documents, with a 95 % bootstrap
interval (documents resampled) of the difference in F1; train only -> dev, and the rules on dev.

With `--structured`: the values of structured-train.jsonl and structured-dev.jsonl instead, each
scanned as a text; a value's features are those of any of its candidates and, separately, those of
a candidate that is the whole value. Printed: a 5-fold cross-validation over runs of eight values
(as split_structured.py keeps a name's variants together) at a few thresholds, and the structured-field rules (`liaison-bench score --structured`) on the same values.

Usage: python3 Benchmarks/NameModel/cross-validate.py [--bench .build/release/liaison-bench] [--structured]
"""
import json
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../.."))
PINS = ["scikit-learn==1.5.2", "numpy==2.4.6", "scipy==1.17.1", "joblib==1.6.0", "threadpoolctl==3.8.0",
        "cloudpickle==3.1.3"]
VENV = os.path.join(ROOT, ".build/name-model-venv")
SETS = ["Benchmarks/Evaluation/names/train.jsonl", "Benchmarks/Evaluation/names/dev.jsonl"]
STRUCTURED = ["Benchmarks/Evaluation/names/structured-train.jsonl", "Benchmarks/Evaluation/names/structured-dev.jsonl"]
C = 1.0
FOLDS = 5
SEED = 11


def ensure_venv():
    """Re-runs this script inside a venv with the pinned packages."""
    python = os.path.join(VENV, "bin/python")
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps"] + PINS, check=True)
    os.execv(python, [python] + sys.argv)


def candidates(bench, path):
    """(feature names, documents): each document is (id, gold count, [(start, end, label, on)])."""
    out = subprocess.run([bench, "candidates", "--file", os.path.join(ROOT, path)], check=True,
                         capture_output=True, text=True).stdout
    names, docs = None, []
    for line in out.splitlines():
        row = json.loads(line)
        if "features" in row:
            names = row["features"]
        elif "gold" in row:
            docs.append((row["doc"], row["gold"], []))
        else:
            docs[-1][2].append((row["start"], row["end"], row["label"], row["on"]))
    return names, docs


def matrix(docs, width):
    import numpy as np
    rows = [c for _, _, cands in docs for c in cands]
    x = np.zeros((len(rows), width))
    for i, (_, _, _, on) in enumerate(rows):
        x[i, on] = 1.0
    return x, np.array([c[2] for c in rows])


def fit(docs, width):
    from sklearn.linear_model import LogisticRegression
    x, y = matrix(docs, width)
    # The bias is feature 0, so the solver's own intercept is off and the bias is regularised too.
    model = LogisticRegression(C=C, solver="lbfgs", fit_intercept=False, max_iter=10000, tol=1e-10)
    model.fit(x, y)
    return [round(float(w), 6) for w in model.coef_[0]]


def scores(weights, docs):
    """Per document, the candidates' (score, start, end, label)."""
    return [[(sum(weights[k] for k in on), s, e, label) for s, e, label, on in cands] for _, _, cands in docs]


def choose(scored, threshold):
    """As a scanner would choose: kept when score >= threshold, best first, no overlaps."""
    kept = sorted((c for c in scored if c[0] >= threshold), key=lambda c: (-c[0], c[1], -c[2]))
    taken = []
    for c in kept:
        if all(c[2] <= a or b <= c[1] for a, b in taken):
            taken.append((c[1], c[2]))
            yield c


def evaluate(scored_docs, docs, threshold):
    tp = fp = 0
    for scored in scored_docs:
        for c in choose(scored, threshold):
            tp, fp = (tp + 1, fp) if c[3] else (tp, fp + 1)
    gold = sum(g for _, g, _ in docs)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / gold if gold else 0.0
    return {"tp": tp, "fp": fp, "fn": gold - tp, "p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def rule_scores(docs, names):
    """Scores that choose the rules' own names: 1 for a candidate the rules found, else 0 (threshold 0.5)."""
    k = names.index("rule")
    return [[(1.0 if k in on else 0.0, s, e, label) for s, e, label, on in c] for _, _, c in docs]


def rules(docs, names):
    """The rules' own names on the same documents."""
    return evaluate(rule_scores(docs, names), docs, 0.5)


def best_threshold(scored_docs, docs):
    grid = [t / 20 for t in range(-80, 81)]
    return max(grid, key=lambda t: (round(evaluate(scored_docs, docs, t)["f1"], 9), -abs(t)))


def line(label, m):
    return f"{label:<34} P {m['p']:.3f}  R {m['r']:.3f}  F1 {m['f1']:.3f}  ({m['tp']} found, {m['fp']} false, {m['fn']} missed)"


def per_document(scored_docs, threshold):
    """Per document, (found, false) of the chosen candidates."""
    out = []
    for scored in scored_docs:
        chosen = list(choose(scored, threshold))
        true = sum(1 for c in chosen if c[3])
        out.append((true, len(chosen) - true))
    return out


def f1(counts, gold, sample):
    tp = sum(counts[i][0] for i in sample)
    fp = sum(counts[i][1] for i in sample)
    g = sum(gold[i] for i in sample)
    p, r = (tp / (tp + fp) if tp + fp else 0.0), (tp / g if g else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def structured(bench):
    """Structured person fields: a logistic regression over each value's candidates' features."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    values, groups = [], []  # runs of eight lines of one file form a group, so a name's variants share a fold
    for p, path in enumerate(STRUCTURED):
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            lines = [json.loads(line) for line in f if line.strip()]
        values += lines
        groups += [(p, n // 8) for n in range(len(lines))]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for n, v in enumerate(values):
            f.write(json.dumps({"id": str(n), "language": "?", "text": v["value"], "spans": []}, ensure_ascii=False) + "\n")
        texts = f.name
    try:
        names, docs = candidates(bench, texts)
    finally:
        os.unlink(texts)
    width = len(names)
    x = np.zeros((len(values), 2 * width + 1))
    for n, (_, _, cands) in enumerate(docs):
        for s, e, _, on in cands:
            x[n, on] = 1.0
            if s == 0 and e == len(values[n]["value"]):
                x[n, [width + k for k in on]] = 1.0
                x[n, 2 * width] = 1.0
    y = np.array([1 if v["person"] else 0 for v in values])
    keys = sorted(set(groups))
    random.Random(SEED).shuffle(keys)
    fold_of = {g: n % FOLDS for n, g in enumerate(keys)}
    out_of_fold = np.zeros(len(values))
    for fold in range(FOLDS):
        train = [i for i in range(len(values)) if fold_of[groups[i]] != fold]
        held = [i for i in range(len(values)) if fold_of[groups[i]] == fold]
        model = LogisticRegression(C=C, solver="lbfgs", max_iter=10000, tol=1e-10).fit(x[train], y[train])
        out_of_fold[held] = model.decision_function(x[held])
    print(f"structured values (train + dev): {len(values)}, {int(y.sum())} people")
    for threshold in (0.0, 1.0, 2.0):
        chosen = out_of_fold >= threshold
        tp, fp = int((chosen & (y == 1)).sum()), int((chosen & (y == 0)).sum())
        fn = int(y.sum()) - tp
        print(f"5-fold CV, threshold {threshold:+.1f}           P {tp / (tp + fp):.3f}  R {tp / (tp + fn):.3f}  ({tp} found, {fp} false, {fn} missed)")
    tp = fp = fn = 0
    for path in STRUCTURED:
        out = subprocess.run([bench, "score", "--structured", os.path.join(ROOT, path), "--examples", "0"], check=True,
                             capture_output=True, text=True).stdout.split()
        tp, fp, fn = tp + int(out[out.index("TP") + 1]), fp + int(out[out.index("FP") + 1]), fn + int(out[out.index("FN") + 1])
    print(f"rules, same values                 P {tp / (tp + fp):.3f}  R {tp / (tp + fn):.3f}  ({tp} found, {fp} false, {fn} missed)")


def main():
    ensure_venv()
    bench = sys.argv[sys.argv.index("--bench") + 1] if "--bench" in sys.argv else os.path.join(ROOT, ".build/release/liaison-bench")
    if "--structured" in sys.argv:
        structured(bench)
        return
    loaded = [candidates(bench, path) for path in SETS]
    names = loaded[0][0]
    train, dev = loaded[0][1], loaded[1][1]
    docs = train + dev
    width = len(names)
    gold = sum(g for _, g, _ in docs)
    labelled = sum(c[2] for _, _, cands in docs for c in cands)
    count = sum(len(cands) for _, _, cands in docs)
    print(f"candidate recall (train + dev): {labelled} of {gold} gold spans = {labelled / gold:.3f}, {count} candidates")

    # (a) 5-fold cross-validation over the documents of train + dev.
    order = sorted(range(len(docs)), key=lambda i: docs[i][0])
    random.Random(SEED).shuffle(order)
    fold_of = {i: n % FOLDS for n, i in enumerate(order)}
    out_of_fold = [None] * len(docs)
    for fold in range(FOLDS):
        weights = fit([d for i, d in enumerate(docs) if fold_of[i] != fold], width)
        held = [i for i in range(len(docs)) if fold_of[i] == fold]
        for i, s in zip(held, scores(weights, [docs[i] for i in held])):
            out_of_fold[i] = s
    threshold = best_threshold(out_of_fold, docs)
    print(line(f"5-fold CV, threshold {threshold:+.2f}", evaluate(out_of_fold, docs, threshold)))
    print(line("5-fold CV, threshold 0 (p = 0.5)", evaluate(out_of_fold, docs, 0.0)))
    print(line("rules, same documents", rules(docs, names)))
    model = per_document(out_of_fold, threshold)
    ruled = per_document(rule_scores(docs, names), 0.5)
    golds = [g for _, g, _ in docs]
    every = range(len(docs))
    rng = random.Random(SEED)
    diffs = []
    for _ in range(2000):
        sample = [rng.randrange(len(docs)) for _ in every]
        diffs.append(f1(model, golds, sample) - f1(ruled, golds, sample))
    diffs.sort()
    print(f"F1 of the model minus the rules: {f1(model, golds, every) - f1(ruled, golds, every):+.4f}, "
          f"95 % bootstrap interval {diffs[50]:+.4f} .. {diffs[1949]:+.4f}")
    # (b) train only -> dev.
    weights = fit(train, width)
    print(line("train -> dev", evaluate(scores(weights, dev), dev, threshold)))
    print(line("rules on dev", rules(dev, names)))
    # The weights of the model fitted on train + dev, largest first, to read what it learned.
    weights = fit(docs, width)
    print("weights on train + dev: " + ", ".join(f"{n} {w:+.2f}" for w, n in sorted(zip(weights, names), key=lambda x: -abs(x[0]))))


if __name__ == "__main__":
    main()

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

With `--structured`: the values of structured-train.jsonl and structured-dev.jsonl instead, with
the features `liaison-bench candidates --structured` prints (`PersonFieldModel.features`: those of
any of the value's name candidates, those of a candidate that is the whole value, and the
structured-field rules' verdict). Printed: the rules' verdict and a 5-fold cross-validation over runs
of eight values (as split_structured.py keeps a name's variants together) of several forms at a
curve of thresholds. `--structured --write` fits the shipped model on all those values and writes
its weights table (PersonFieldModel+Weights.swift, with STRUCTURED_THRESHOLD and VETOES); `--structured
--check` regenerates it and compares (exit 1 when it differs). structured-test.jsonl is never read.

`--structured --errors` also lists the shipped form's out-of-fold errors (train and dev only).

Usage: python3 Benchmarks/NameModel/cross-validate.py [--bench .build/release/liaison-bench] [--structured [--write | --check | --errors]]
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
VETOES = ["mixedScript", "organisationWord", "place", "acronym", "brand"]  # the rules' verdicts that refuse a value whatever its score
STRUCTURED_THRESHOLD = 1.0  # chosen on the CV (--structured; README) and kept where the generated corpus' fields stay >= 0.98
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


WEIGHTS = "Sources/LiaisonCore/Detection/PersonFieldModel+Weights.swift"
CURVE = [t / 2 for t in range(-2, 9)]


def structured_rows(bench):
    """(feature names, values): each value is (person 0/1, indices of its features that are 1), as
    `liaison-bench candidates --structured` computes them (`PersonFieldModel.features`)."""
    names, rows, groups = None, [], []  # runs of eight lines of one file form a group (a name's variants)
    for p, path in enumerate(STRUCTURED):
        out = subprocess.run([bench, "candidates", "--structured", os.path.join(ROOT, path)], check=True,
                             capture_output=True, text=True).stdout
        lines = [json.loads(line) for line in out.splitlines()]
        names = lines[0]["features"]
        rows += [(r["person"], r["on"]) for r in lines[1:]]
        groups += [(p, n // 8) for n in range(len(lines) - 1)]
    return names, rows, groups


def structured_matrix(bench):
    """The values' rows as a 0/1 feature matrix and their labels, with the feature names and groups."""
    import numpy as np
    names, rows, groups = structured_rows(bench)
    x = np.zeros((len(rows), len(names)))
    for n, (_, on) in enumerate(rows):
        x[n, on] = 1.0
    return names, rows, groups, x, np.array([r[0] for r in rows])


def structured_fit(x, y):
    from sklearn.linear_model import LogisticRegression
    return LogisticRegression(C=C, solver="lbfgs", max_iter=10000, tol=1e-10).fit(x, y)


def structured(bench):
    """Structured person fields: a logistic regression over each value's features, cross-validated."""
    import numpy as np
    names, rows, groups, x, y = structured_matrix(bench)
    rule = x[:, names.index("rule.person")] == 1

    def any_of(classes):
        return np.any(x[:, [names.index("rule." + c) for c in classes]] == 1, axis=1)

    mixed = any_of(["mixedScript"])
    hostile = any_of(["mixedScript", "notLetters"])
    firm = any_of(["mixedScript", "notLetters", "organisationWord", "place", "acronym"])
    shipped = any_of(VETOES)
    no_rule = [k for k, n in enumerate(names) if not n.startswith("rule.")]
    keys = sorted(set(groups))
    random.Random(SEED).shuffle(keys)
    fold_of = {g: n % FOLDS for n, g in enumerate(keys)}
    with_rule, without_rule = np.zeros(len(rows)), np.zeros(len(rows))
    for fold in range(FOLDS):
        train = [i for i in range(len(rows)) if fold_of[groups[i]] != fold]
        held = [i for i in range(len(rows)) if fold_of[groups[i]] == fold]
        with_rule[held] = structured_fit(x[train], y[train]).decision_function(x[held])
        without_rule[held] = structured_fit(x[train][:, no_rule], y[train]).decision_function(x[held][:, no_rule])

    def show(label, chosen):
        tp, fp = int((chosen & (y == 1)).sum()), int((chosen & (y == 0)).sum())
        fn = int(y.sum()) - tp
        p = tp / (tp + fp) if tp + fp else 0.0
        print(f"{label:<48} P {p:.3f}  R {tp / (tp + fn):.3f}  ({tp} found, {fp} false, {fn} missed)")

    print(f"structured values (train + dev): {len(rows)}, {int(y.sum())} people; 5-fold CV, out-of-fold scores")
    show("rules (PersonalDataValidator's own verdict)", rule)
    for t in CURVE:
        show(f"model without the rules' verdict, t {t:+.1f}", without_rule >= t)
    for t in CURVE:
        show(f"model with the rules' verdict, t {t:+.1f}", with_rule >= t)
    for t in CURVE:
        show(f"model, vetoed by mixed script, t {t:+.1f}", ~mixed & (with_rule >= t))
    for t in CURVE:
        show(f"model, vetoed by mixed script or odd letters, t {t:+.1f}", ~hostile & (with_rule >= t))
    for t in CURVE:
        show(f"model, vetoed also by organisation, place, acronym, t {t:+.1f}", ~firm & (with_rule >= t))
    for t in CURVE:
        show(f"shipped form (VETOES), t {t:+.1f}", ~shipped & (with_rule >= t))
    for t in CURVE:
        show(f"rules AND model with verdict, t {t:+.1f}", rule & (with_rule >= t))
    for t in CURVE:
        show(f"rules OR model with verdict, t {t:+.1f}", rule | (with_rule >= t))
    if "--errors" in sys.argv:
        # The shipped form's out-of-fold errors on train + dev (never the test half), to read them.
        values = [json.loads(line)["value"] for path in STRUCTURED for line in open(os.path.join(ROOT, path), encoding="utf-8")]
        chosen = ~shipped & (with_rule >= STRUCTURED_THRESHOLD)
        for n in np.argsort(-with_rule):
            if chosen[n] != (y[n] == 1):
                print(f"{'FP' if chosen[n] else 'FN'} {with_rule[n]:+6.2f} {values[n]}")


def structured_weights(bench):
    """The Swift source of the weights table, fitted on every value of structured-train and -dev."""
    import sklearn
    names, rows, _, x, y = structured_matrix(bench)
    model = structured_fit(x, y)
    lines = [
        "// Generated by Benchmarks/NameModel/cross-validate.py --structured --write: do not edit; `--check`",
        f"// compares. A logistic regression (scikit-learn {sklearn.__version__}, L2, C = {C}, lbfgs) fitted on the",
        f"// {len(rows)} values ({int(y.sum())} people) of " + " and ".join(os.path.basename(s) for s in STRUCTURED) + ".",
        "extension PersonFieldModel {",
        f"    /// The log-odds from which a value is a person (chosen on the cross-validation).",
        f"    static let threshold = {STRUCTURED_THRESHOLD:.1f}",
        "    /// The rules' verdicts that refuse a value whatever its score (VETOES in the script).",
        "    static let vetoes: Set<PersonFieldRule> = [" + ", ".join("." + v for v in VETOES) + "]",
        f"    static let intercept = {float(model.intercept_[0]):.6f}",
        "    /// In the order of `featureNames`.",
        "    static let weights: [Double] = [",
    ]
    lines += [f"        {float(w):.6f},  // {n}" for w, n in zip(model.coef_[0], names)]
    lines += ["    ]", "}", ""]
    return "\n".join(l.replace("-0.000000", "0.000000") for l in lines)


def main():
    ensure_venv()
    bench = sys.argv[sys.argv.index("--bench") + 1] if "--bench" in sys.argv else os.path.join(ROOT, ".build/release/liaison-bench")
    if "--structured" in sys.argv:
        if "--write" in sys.argv or "--check" in sys.argv:
            source = structured_weights(bench)
            path = os.path.join(ROOT, WEIGHTS)
            if "--write" in sys.argv:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(source)
                print(f"wrote {WEIGHTS}")
            else:
                with open(path, encoding="utf-8") as f:
                    same = f.read() == source
                print(f"{WEIGHTS}: " + ("equal to the script's output" if same else "DIFFERS from the script's output"))
                sys.exit(0 if same else 1)
        else:
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

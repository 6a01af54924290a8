#!/usr/bin/env python3
"""Recall of people's names per phenomenon, on one labelled set, without printing any error.

Runs the built `liaison redact --spans` over the set's texts (the scanner as the gateway runs it;
only `person` spans are kept, as `liaison-bench score --file` does) and prints, for every tag of
the set's phenomena file (hand-set: d, nd, f, m, h, ds, mid, pub, alias, celeb) and every tag
check.py derives (cue, nocue, initials, caps, lower, linebreak, start, colon), how many gold
spans carry it and the share found with exact span. It prints counts only, no text, so a set
kept for measuring (the tune set while it gates a round) can be read by class without reading
its errors.

Usage: python3 Benchmarks/Evaluation/names/recall-by-tag.py SET [--liaison .build/release/liaison]
       SET is train, dev or tune (the test set is not taken: it is scored only for the README's table)
"""
import argparse
import importlib.util
import json
import os
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "../../.."))


def check_module():
    """check.py's `derived`, so the derived tags are the ones its statistics count."""
    spec = importlib.util.spec_from_file_location("check", os.path.join(HERE, "check.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("set", choices=["train", "dev", "tune"])
    ap.add_argument("--liaison", default=os.path.join(ROOT, ".build/release/liaison"))
    args = ap.parse_args()
    check = check_module()
    docs = [json.loads(l) for l in open(os.path.join(HERE, f"{args.set}.jsonl"), encoding="utf-8")]
    phen_name = "phenomena.jsonl" if args.set == "dev" else f"phenomena-{args.set}.jsonl"
    phen = {p["id"]: p["spans"] for p in map(json.loads, open(os.path.join(HERE, phen_name), encoding="utf-8"))}
    lines = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    run = subprocess.run([args.liaison, "redact", "--spans"], input=lines.encode(), capture_output=True)
    if run.returncode != 0:
        sys.exit(f"liaison redact --spans exited with {run.returncode}")
    found = {}
    for line in run.stdout.decode().splitlines():
        out = json.loads(line)
        found[out["id"]] = {(s["start"], s["end"]) for s in out["spans"] if s["type"] == "person"}
    total, hit = Counter(), Counter()
    for d in docs:
        tags_of = {(p["start"], p["end"]): p["tags"] for p in phen.get(d["id"], [])}
        for s in d["spans"]:
            span = (s["start"], s["end"])
            tags = ["all"] + tags_of.get(span, []) + check.derived(d["text"], *span, d["language"])
            for t in tags:
                total[t] += 1
                hit[t] += span in found[d["id"]]
    print(f"recall by phenomenon, {args.set}.jsonl ({total['all']} names)")
    for t, n in sorted(total.items(), key=lambda kv: (kv[0] != "all", -kv[1])):
        print(f"{t:10} {n:5} names  found {hit[t]:5}  R {hit[t] / n:.3f}")


if __name__ == "__main__":
    main()

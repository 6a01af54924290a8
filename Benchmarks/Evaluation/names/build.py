#!/usr/bin/env python3
"""Build test.jsonl, dev.jsonl, phenomena.jsonl and structured.jsonl from the
hand-written sources in src/, and the training set (train.jsonl,
phenomena-train.jsonl, structured-train.jsonl) from src-train/, and the tune set
(tune.jsonl, phenomena-tune.jsonl, structured-tune.jsonl) from src-tune/.

Source format (src/<language>.txt):

    @@ test sr-Latn
    Text of one document. A person mention is written [[Marko Petrovića|d]]
    with optional comma-separated tags after a bar.
    @@ dev sr-Latn
    ...

Lines starting with "%%" are comments and are dropped. Leading and trailing
blank lines of a document are dropped; everything else (including newlines
inside a [[...]] mention) is kept verbatim. Ids are assigned in source order.

Manual tags (the rest are derived by check.py):
    d     declined / suffixed form (case ending, Albanian article, Turkish
          apostrophe suffix, Macedonian article/vocative, possessive adjective)
    nd    written without the diacritics the standard spelling has
    f     foreign (non-regional) name
    m     minority or uncommon regional name
    h     hypocoristic / nickname form of a given name
    ds    double surname
    mid   middle name or two given names
    pub   official acting in office (police, prosecutor, CERT staff)
    alias persona presented by a fraudster (may be fake or stolen)
    celeb living public figure abused in a scam

src-train/ has the same format with "@@ train <language>" headers; its ids are
train-<prefix>-NNNN. It is kept in separate files so that the test and dev
outputs do not change when it grows. src-tune/ is the same again with
"@@ tune <language>" headers and ids tune-<prefix>-NNNN.

src/structured.txt: one value per line, "P <value>" (person) or
"N <value>" (not a person); "%%" comments.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
SRC_TRAIN = HERE / "src-train"
SRC_TUNE = HERE / "src-tune"

PREFIX = {
    "en": "en", "sq": "sq", "sr-Latn": "sr-lat", "sr-Cyrl": "sr-cyr",
    "bs": "bs", "hr": "hr", "cnr": "cnr", "mk": "mk", "tr": "tr",
}
KNOWN_TAGS = {"d", "nd", "f", "m", "h", "ds", "mid", "pub", "alias", "celeb"}
TITLE_WORDS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "captain", "capt", "ds", "officer", "inspector",
               "g", "gđa", "gđica", "gospodin", "gospođa", "gospodine", "gospođo", "g-din", "g-đa",
               "z", "znj", "zj", "zonja", "zoti", "zotëri", "bay", "bayan", "sayın", "sayin", "bey", "hanım",
               "hanim", "efendi", "abla", "abi", "г-дин", "г-ѓа", "господин", "госпоѓа", "д-р", "av",
               "öğretmen", "hoca", "usta", "komiser", "savcı", "inspektor", "prokurori", "prokurorja",
               "господине", "госпођо", "госпођа"}
MARK = re.compile(r"\[\[(.+?)\]\]", re.S)


def parse_doc(raw, where):
    text_parts, spans, tags = [], [], []
    pos = 0
    out_len = 0
    for m in MARK.finditer(raw):
        before = raw[pos:m.start()]
        if "[[" in before or "]]" in before:
            sys.exit(f"{where}: stray brackets in {before!r}")
        text_parts.append(before)
        out_len += len(before)
        inner = m.group(1)
        if "|" in inner:
            name, t = inner.split("|", 1)
            tl = [x.strip() for x in t.split(",") if x.strip()]
        else:
            name, tl = inner, []
        for x in tl:
            if x not in KNOWN_TAGS:
                sys.exit(f"{where}: unknown tag {x!r} in {inner!r}")
        if name != name.strip():
            sys.exit(f"{where}: whitespace at span edge {name!r}")
        for tok in re.split(r"[\s']", name):
            w = tok.strip(".,").lower()
            if len(w) == 1 and tok[:1].isupper():
                continue  # an initial such as "G." or "Z.", not the title g./z.
            if w in TITLE_WORDS:
                sys.exit(f"{where}: title/honorific {w!r} inside span {name!r}")
        text_parts.append(name)
        spans.append({"start": out_len, "end": out_len + len(name), "type": "person"})
        tags.append(tl)
        out_len += len(name)
        pos = m.end()
    rest = raw[pos:]
    if "[[" in rest or "]]" in rest:
        sys.exit(f"{where}: stray brackets in {rest!r}")
    text_parts.append(rest)
    return "".join(text_parts), spans, tags


def read_source(path):
    raw = path.read_text(encoding="utf-8")
    if unicodedata.normalize("NFC", raw) != raw:
        sys.exit(f"{path}: source is not NFC")
    docs = []
    cur = None
    for line in raw.split("\n"):
        if line.startswith("%%"):
            continue
        if line.startswith("@@ "):
            _, split, lang = line.split()
            cur = {"split": split, "language": lang, "lines": [], "src": path.name}
            docs.append(cur)
            continue
        if cur is None:
            if line.strip():
                sys.exit(f"{path}: text before first @@ header")
            continue
        cur["lines"].append(line)
    return docs


def build_docs(src, splits, out, phen):
    counters = {}
    for path in sorted(src.glob("*.txt")):
        if path.name == "structured.txt":
            continue
        for d in read_source(path):
            lines = d["lines"]
            while lines and not lines[0].strip():
                lines.pop(0)
            while lines and not lines[-1].strip():
                lines.pop()
            raw = "\n".join(l.rstrip() for l in lines)
            lang, split = d["language"], d["split"]
            if lang not in PREFIX or split not in splits:
                sys.exit(f"{path}: bad header {split} {lang}")
            key = (split, lang)
            counters[key] = counters.get(key, 0) + 1
            n = counters[key]
            doc_id = f"{PREFIX[lang]}-{n:04d}" if split == "test" else f"{split}-{PREFIX[lang]}-{n:04d}"
            text, spans, tags = parse_doc(raw, f"{path.name}:{doc_id}")
            out[split].append({"id": doc_id, "language": lang, "text": text, "spans": spans})
            phen.append({"id": doc_id, "spans": [
                {"start": s["start"], "end": s["end"], "tags": t} for s, t in zip(spans, tags)]})


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_structured(sp):
    values = []
    for ln, line in enumerate(sp.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("%%"):
            continue
        flag, _, value = line.partition(" ")
        if flag not in ("P", "N") or not value.strip() or value != value.strip():
            sys.exit(f"{sp.parent.name}/{sp.name}:{ln}: bad line {line!r}")
        values.append({"value": value, "person": flag == "P"})
    return values


def build_separate(src, split):
    """Writes <split>.jsonl, phenomena-<split>.jsonl and structured-<split>.jsonl
    from a separate source folder; returns the document and value counts."""
    if not src.is_dir():
        return 0, 0
    docs = {split: []}
    phen = []
    build_docs(src, (split,), docs, phen)
    write_jsonl(HERE / f"{split}.jsonl", docs[split])
    write_jsonl(HERE / f"phenomena-{split}.jsonl", phen)
    values = []
    if (src / "structured.txt").exists():
        values = read_structured(src / "structured.txt")
        write_jsonl(HERE / f"structured-{split}.jsonl", values)
    return len(docs[split]), len(values)


def main():
    out = {"test": [], "dev": []}
    phen = []
    build_docs(SRC, ("test", "dev"), out, phen)
    for split, docs in out.items():
        write_jsonl(HERE / f"{split}.jsonl", docs)
    write_jsonl(HERE / "phenomena.jsonl", phen)
    values = []
    sp = SRC / "structured.txt"
    if sp.exists():
        values = read_structured(sp)
        write_jsonl(HERE / "structured.jsonl", values)
    train_docs, train_values = build_separate(SRC_TRAIN, "train")
    tune_docs, tune_values = build_separate(SRC_TUNE, "tune")
    print(f"test={len(out['test'])} dev={len(out['dev'])} structured={len(values)} "
          f"train={train_docs} structured-train={train_values} "
          f"tune={tune_docs} structured-tune={tune_values}")


if __name__ == "__main__":
    main()

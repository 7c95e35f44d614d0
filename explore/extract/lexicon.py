"""The vocabulary of a language (``explore/lang/<lang>/vocab.toml``) compiled once: the lookup
tables and the regex pieces that more than one stage reads.

>>> lx = lexicon()
>>> lx.scales["Mrd."], lx.scales["MRD"]          # ad-hoc releases write scale words in capitals
(1000000000.0, 1000000000.0)
>>> lx.units["Prozent"], lx.units["Euro"]
(('percent', '%', 1.0), ('money', 'EUR', 1.0))
"""
from __future__ import annotations

import functools
import re

from ..lang import vocabulary

H = r"[ \t\u00a0\u202f]"            # horizontal white space
WORDCH = "[\\wäöüÄÖÜß]"
# at most eight digit groups (1e26): an unbounded repeat made a long run of dotted digits quadratic
# digit groups: a dot, an apostrophe or a (narrow) no-break space; a plain space too ("191 400 Tonnen",
# as wire services write), but not inside a row of numbers ("120 130 145": three figures)
NUM = (r"[1-9]\d{0,2}(?:['’]\d{3}){1,8}\.\d+(?!\d|[.,]\d)"         # Swiss: "12'871.44"
       r"|[1-9]\d{0,2}(?:[.'’\u00a0\u202f]\d{3}){1,8}(?:,\d+)?(?!\d|[.,]\d)"
       r"|(?<!\d[ ])[1-9]\d{0,2}(?:[ ]\d{3}){1,3}(?:,\d+)?(?!\d|[.,]\d|[ ]\d)"
       r"|\d+(?:,\d+|[½¼¾⅓⅔])?")
NEXT_CAP = re.compile(r"[ \t]+[„\"]?([A-ZÄÖÜ][\wäöüß]*)")     # the capitalised word after a gap
DETERMINERS = ("eine", "einen", "einem", "einer", "eines", "keine", "keinen", "keinem", "keiner", "die", "der",
               "den", "dem", "des", "diese", "diesen", "diesem", "dieser", "seine", "seinen", "seinem", "seiner",
               "ihre", "ihren", "ihrem", "ihrer", "unsere", "unseren", "jene", "jenen", "alle", "allen", "jede",
               "jeden", "jedem", "jeder", "welche", "welchen", "sowie", "sie", "wie")


def trie(words, boundary: bool = False) -> str:
    """A prefix-factored alternation of literal words, so the regex engine tries one branch per
    character. With ``boundary``, a word that ends in a letter or digit must end at a word end;
    longer words are tried before their prefixes.

    >>> trie(["Mio.", "Mrd."])
    '(?:M(?:io\\\\.|rd\\\\.))'
    """
    tree: dict = {}
    for w in set(words):
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node, last: str) -> str:
        alts = [re.escape(ch) + walk(sub, ch) for ch, sub in sorted(node.items()) if ch]
        if "" in node:
            alts.append(f"(?!{WORDCH})" if boundary and last.isalnum() else "")
        if len(alts) == 1:
            return alts[0]
        if alts[-1] == "":
            return "(?:" + "|".join(alts[:-1]) + ")?"
        return "(?:" + "|".join(alts) + ")"

    return "(?:" + walk(tree, "") + ")"


def alt(words, boundary=True) -> str:
    """A regex alternation of literal words, longest match first, each ending at a word boundary."""
    return trie(words, boundary)


def both_cases(words):
    """Each word as written, capitalised and in lower case."""
    return [w2 for w in words for w2 in {w, w[:1].upper() + w[1:], w[:1].lower() + w[1:]}]


class Lexicon:
    """Units, scale words, qualifiers, months and index names of one language, with the patterns
    that find them. Every stage holds the same one (``lexicon()``)."""

    def __init__(self, lang: str = "de"):
        v = self.v = vocabulary(lang)
        self.scales = {k: float(x) for k, x in v["scales"].items()}
        self.re_counted = re.compile(r"(?<![\wäöüß])(?:" + "|".join(map(re.escape, v["counted"]["nouns"])) + r")(?![\wäöüß])")
        # ad-hoc releases write scale words in capitals: "1.250 MIO EUR", "3,4 MRD. USD"
        for k, x in list(self.scales.items()):
            if k[0].isupper() and len(k.rstrip(".")) >= 3:
                for caps in (k.upper(), k.upper().rstrip("."), k.upper().rstrip(".") + "."):
                    self.scales.setdefault(caps, self.scales[k])
        # word -> (kind, unit, factor): "Prozent" -> ("percent", "%", 1.0), "Cent" -> ("money", "", 0.01)
        units: dict[str, tuple[str, str, float]] = {}
        for w, u in v["percent"]["units"].items():
            units[w] = ("percent", u, 1.0)
        for w in v["percent"]["basis_points"]:
            units[w] = ("percent", "pp", 0.01)
        for w, f in v["percent"]["fractional_points"].items():
            units[w] = ("percent", "pp", float(f))
        cur = self.currencies = v["currencies"]
        for w, code in cur["after"].items():
            units[w] = ("money", code, 1.0)
            if w[0].islower() and " " in w:              # "Dänische Kronen", as the currency's name is written too
                units.setdefault(w[0].upper() + w[1:], ("money", code, 1.0))
        for w in cur["iso_codes"]:
            units.setdefault(w, ("money", w, 1.0))
        for w, code in cur["thousands"].items():
            units[w] = ("money", code, 1e3)
        for w, code in cur["minor"].items():
            units[w] = ("money", code, 0.01)
        for w, (u, f) in v["durations"].items():
            units[w] = ("duration", u, float(f))
        for w, (u, f) in v["other_units"].items():
            units[w] = ("other", u, float(f))
        for w, u in v["index"]["units"].items():
            units[w] = ("index", u, 1.0)
        self.units = units
        self.minor_default = cur["minor_default"]
        self.months = v["months"]
        self.month_alt = alt(self.months) + r"\.?"
        self.dur_adj = v["duration_adjectives"]
        q = v["qualifiers"]
        self.qual_of = {w.lower(): name for name in ("approx", "more_than", "less_than", "up_to") for w in q[name]}
        self.qual_words = tuple(w for ws in (q["approx"], q["more_than"], q["less_than"], q["up_to"]) for w in ws)
        self.qual_alt = alt(self.qual_words)
        self.abbrev = set(v["skip"]["abbreviations"])
        self.after_numbers = [re.escape(w) for w in v["skip"]["sentence_openers"]]
        self.period_nouns = v["skip"]["period_nouns"]
        ix = v["index"]
        self.index_names = set(ix["names"])
        self.level_words = set(ix["level_words"])
        self.future_days = int(v["dates"]["future_days"])

        # --- the patterns more than one stage reads ---------------------------------------
        self.re_scale = re.compile(r"(?:" + H + r"*|-)(?P<s>" + alt(self.scales) + ")")
        self.re_unit = re.compile(
            r"(?:(?:" + H + r"+|-|(?<=\d)|\n)(?P<u>" + alt([w for w in units if w != "%"]) + r")|" + H + r"?(?P<pct>%))")
        adj_alt = "|".join(sorted(self.dur_adj, key=len, reverse=True))
        self.re_adj = re.compile(
            r"-?(?P<a>prozentig|fach|mal|" + adj_alt + r"|(?<=-)Jährig|(?<=-)Fach)(?P<rest>[a-zäöüß]*)")
        self.re_prefix_cur = re.compile(
            r"(?:^|(?<=[\s(„\"'/]))(?P<c>" + alt(cur["before"] + list(cur["thousands"])) + r")" + H + r"?$")
        self.prefix_cur_code = {w: cur["after"].get(w, w) for w in cur["before"]}
        self.prefix_cur_code.update(cur["thousands"])
        self.prefix_cur_factor = {w: 1e3 for w in cur["thousands"]}
        self.re_qual_left = re.compile(r"(?:^|(?<=[\s(„\"'/]))(?P<q>" + self.qual_alt + r")" + H + r"*$")
        # a counted noun after a number, with up to two adjectives: "12.000 neue Stellen"
        # words that open a sentence, never a counted noun ("bisher waren es 20,8 Mrd. Die Marge ...")
        openers = (r"(?:Der|Die|Das|Den|Dem|Des|Ein|Eine|Es|Er|Sie|Wir|Im|Am|Auch|Zudem|Damit|Dabei|Dagegen|"
                   r"Danach)\b")
        self.re_noun = re.compile(
            r"(?:" + H + r"+|\n|-)(?P<adj>(?:(?!(?:" + "|".join(DETERMINERS) + r")" + H + r")"
            r"[a-zäöüß][\wäöüß]*(?:e|en|er|es|em)" + H + r"+){0,2})"
            r"(?!" + openers + r"(?!-))(?P<n>[A-ZÄÖÜ][\wäöüÄÖÜß]*(?:[-/’'][\wäöüÄÖÜß]+)*)")
        self.re_index_left = re.compile(
            r"(?:^|(?<=[\s(„\"-]))(?P<n>" + alt(ix["names"]) + r")\)?(?:" + H + r"*\((?P<n2>[^()\n]{0,30})\))?" + H
            + r"*(?:(?:von|bei|auf|mit|liegt bei|lag bei|notiert bei|notierte bei|steht bei|stand bei|"
            r"liegt aktuell bei|liegt derzeit bei|"
            r"schloss bei|schloss mit|beträgt|betrug|:|=)" + H + r"*)?(?:" + self.qual_alt + H + r"+)?$")
        self.re_index_any = re.compile(r"(?<![\wäöüß])" + alt(ix["names"]))
        # a sentence ends at . ! ? … before a capital, unless the dot ends an abbreviation ("Mio."),
        # a number ("6. Februar") or an initial ("J. Ma"); the checks run only where a dot is
        # (what follows is checked first: most dots are inside numbers and fail there, before the
        # lookbehinds for the abbreviations run)
        self.re_sentence_break = re.compile(
            r"[.!?…](?=[\"“”»«']?[ \t]+[„\"«»A-ZÄÖÜ0-9])(?:(?<=[!?…])|"
            # a scale word or currency abbreviation before a word that opens a sentence ends one ("auf
            # EUR 871 Mio. Die Marge ..."): after "Mio." comes a unit or a lower-case word otherwise
            + "(?:" + "|".join(rf"(?<=\b{a}\.)" for a in ("Mio", "Mrd", "Mia", "Md", "Tsd", "Bio", "Fr", "sFr"))
            + r")(?=[ \t]+" + openers + r")|"
            # the Swiss franc after an amount ends a sentence before any capital: no unit follows it ("auf
            # 1'845 Mio Fr. Barry Callebaut fielen ...")
            r"(?:(?<=\d Fr\.)|(?<=Mio Fr\.)|(?<=Mrd Fr\.)|(?<=Mia Fr\.)|(?<=io\. Fr\.)|(?<=rd\. Fr\.))(?=[ \t]+[A-ZÄÖÜ])|"
            + "".join(rf"(?<!\b{re.escape(a)}\.)" for a in sorted(self.abbrev, key=lambda a: (len(a), a)))
            # a number ends a sentence before a word no ordinal stands before ("auf rund 198 800. Dies geht ...")
            # and a number with a digit group or decimals always does ("auf 19.600. Chemnitz verzeichnete ..."):
            # no ordinal is written so
            + r"(?:(?<!\d\.)|(?<=[.'’]\d{3}\.)|(?<=,\d\.)|(?<=,\d\d\.)"
            + r"|(?<=\d\.)(?=[ \t]+(?:" + "|".join(self.after_numbers) + r")[ \t]))"
            + r"(?<!\b\w\.))[\"“”»«']?[ \t]+")
        # a dot ends a clause unless it ends an abbreviation ("auf 483 Mio. Euro zu"); an abbreviation
        # before a word that opens a sentence ends one too ("auf 8.20 Fr. Die Quote ..."); a comma after a
        # hyphen does not end one ("preis-, saison- und kalenderbereinigt")
        self.re_clause_break = re.compile(
            r"(?<!\w-),(?=\s)|;|:(?=\s)|[!?()\[\]|]|\s[–—-]\s|\n|\.(?=\s)(?:(?=\s+" + openers + r")|"
            + "".join(rf"(?<!\b{re.escape(a)}\.)" for a in sorted(self.abbrev, key=lambda a: (len(a), a))) + ")")

    def counts_things(self, text: str, start: int, lo: int = 0) -> bool:
        """Does the clause before ``start`` (from ``lo``) name a number of things ("die Zahl der Geräte sank
        auf 41,2 Millionen")? Such an amount takes no currency from around it."""
        a = max(text.rfind(", ", lo, start), text.rfind("; ", lo, start), lo, start - 80)   # (not "41,2")
        return bool(self.re_counted.search(text, a, start))

    def qualifier(self, left: str) -> str | None:
        """The qualifier written right before a number: "rund" -> approx, "mehr als" -> more_than."""
        if not left.rstrip(" \t\u00a0\u202f").endswith(self.qual_words):
            return None                   # the common case, decided without a regex search
        lq = self.re_qual_left.search(left[-32:])
        return self.qual_of.get(lq.group("q").lower()) if lq else None


@functools.cache
def lexicon(lang: str = "de") -> Lexicon:
    """The shared, compiled lexicon of a language."""
    return Lexicon(lang)

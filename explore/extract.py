"""Text -> figure records: one pass over German text, driven by the vocabulary in ``explore/lang``.

The scanner looks for two kinds of triggers, a digit or the start of a number word, and
reads each one outward: left for currency symbols, signs, qualifiers and names; right for
ranges, scale words, units, currencies and counted nouns. Every digit it meets ends up
either in a figure or in the list of skipped digits with a reason.

>>> result = scan("Der Umsatz stieg um 12 Prozent auf 2,5 Mrd. Euro.")
>>> [(f["text"], f["kind"], f["low"], f["unit"], f["direction"]) for f in result.figures]
[('12 Prozent', 'percent', 12.0, '%', 'up'), ('2,5 Mrd. Euro', 'money', 2500000000.0, 'EUR', None)]
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
import re
import time
from dataclasses import dataclass

from .lang import vocabulary
from .numbers import parse_digits, parse_word
from .tables import find_tables
from .unwrap import replace_at, unwrap

_H = r"[ \t\u00a0\u202f]"            # horizontal white space
_WEB = re.compile(r"\.(?:de|com|at|ch|org|net|html?)\b")
_DOT_DIGITS = re.compile(r"\.(\d{1,2}|\d{4,})(?!\d)")
_GROUPED_INT = re.compile(r"\d{1,3}(?:[.'’]\d{3})+")
_YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
_DECADE = re.compile(r"\d0|1[89]\d0|20\d0")
_DECADE_JAHRE = re.compile(r"-?" + _H + r"?Jahr(?:e|en)?\b")
_YEAR_SLASH = re.compile(r"/(\d{2})(?!\d)")
_LAST_WORD = re.compile(r"([\wäöüÄÖÜß.]+)" + _H + r"*$")
_NEXT_CAP = re.compile(r"[ \t]+[„\"]?([A-ZÄÖÜ][\wäöüß]*)")
_SO = re.compile(_H + r"+so\b")
_DETERMINERS = ("eine", "einen", "einem", "einer", "eines", "keine", "keinen", "keinem", "keiner", "die", "der",
                "den", "dem", "des", "diese", "diesen", "diesem", "dieser", "seine", "seinen", "seinem", "seiner",
                "ihre", "ihren", "ihrem", "ihrer", "unsere", "unseren", "jene", "jenen", "alle", "allen", "jede",
                "jeden", "jedem", "jeder", "welche", "welchen", "sowie", "sie", "wie")
# at most eight digit groups (1e26): an unbounded repeat made a long run of dotted digits quadratic
# digit groups: a dot, an apostrophe or a (narrow) no-break space; a plain space too ("191 400 Tonnen",
# as wire services write), but not inside a row of numbers ("120 130 145": three figures)
_NUM = (r"[1-9]\d{0,2}(?:[.'’\u00a0\u202f]\d{3}){1,8}(?:,\d+)?(?!\d|[.,]\d)"
        r"|(?<!\d[ ])[1-9]\d{0,2}(?:[ ]\d{3}){1,3}(?:,\d+)?(?!\d|[.,]\d|[ ]\d)"
        r"|\d+(?:,\d+|[½¼¾⅓⅔])?")


_WORDCH = "[\\wäöüÄÖÜß]"


def _trie(words, boundary: bool = False) -> str:
    """A prefix-factored alternation of literal words, so the regex engine tries one branch per
    character. With ``boundary``, a word that ends in a letter or digit must end at a word end;
    longer words are tried before their prefixes."""
    tree: dict = {}
    for w in set(words):
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node, last: str) -> str:
        alts = [re.escape(ch) + walk(sub, ch) for ch, sub in sorted(node.items()) if ch]
        if "" in node:
            alts.append(f"(?!{_WORDCH})" if boundary and last.isalnum() else "")
        if len(alts) == 1:
            return alts[0]
        if alts[-1] == "":
            return "(?:" + "|".join(alts[:-1]) + ")?"
        return "(?:" + "|".join(alts) + ")"

    return "(?:" + walk(tree, "") + ")"


def _alt(words, boundary=True) -> str:
    """A regex alternation of literal words, longest match first, each ending at a word boundary."""
    return _trie(words, boundary)


def _both_cases(words):
    return [w2 for w in words for w2 in {w, w[:1].upper() + w[1:], w[:1].lower() + w[1:]}]


class Scanner:
    """The compiled grammar of one language. Build once (``scanner()``), scan many texts."""

    def __init__(self, lang: str = "de"):
        v = self.v = vocabulary(lang)
        self.scales = {k: float(x) for k, x in v["scales"].items()}
        units: dict[str, tuple[str, str, float]] = {}
        for w, u in v["percent"]["units"].items():
            units[w] = ("percent", u, 1.0)
        for w in v["percent"]["basis_points"]:
            units[w] = ("percent", "pp", 0.01)
        cur = v["currencies"]
        for w, code in cur["after"].items():
            units[w] = ("money", code, 1.0)
        for w in cur["iso_codes"]:
            units.setdefault(w, ("money", w, 1.0))
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
        months = v["months"]
        self.months = months
        month_alt = _alt(months) + r"\.?"
        dur_adj = v["duration_adjectives"]
        self.dur_adj = dur_adj
        self.count_adj = v["count_adjectives"]
        adj_alt = "|".join(sorted(dur_adj, key=len, reverse=True))
        q = v["qualifiers"]
        self.qual_of = {}
        for name in ("approx", "more_than", "less_than", "up_to"):
            for w in q[name]:
                self.qual_of[w.lower()] = name
        qual_alt = _alt([w for ws in (q["approx"], q["more_than"], q["less_than"], q["up_to"]) for w in ws])
        self.re_qual_left = re.compile(r"(?:^|(?<=[\s(„\"'/]))(?P<q>" + qual_alt + r")" + _H + r"*$")
        self.re_qual_right = re.compile(
            _H + r"*(?P<q>" + _alt(q["after_more_than"] + q["after_less_than"]) + ")")
        self.qual_right_of = {w: "more_than" for w in q["after_more_than"]}
        self.qual_right_of.update({w: "less_than" for w in q["after_less_than"]})

        # --- triggers -------------------------------------------------------------------
        n = v["numerals"]
        starters = set(n["units"]) | set(n["teens"]) | set(n["tens"]) | {"hundert", "tausend"}
        starters |= set(n["halves"])
        starters -= {"ein", "eins"}       # articles: handled by the pattern below
        starters |= set(v["multiples"]["up"]) | set(v["multiples"]["down"])
        starters |= set(v["indefinite"]["plural"]) | set(v["fractions"]["nouns"]) | {"jede"}
        starters |= set(v["skip"]["period_nouns"])
        # "ein", "eine", ... only where they can be a number: before a scale word, a fraction or
        # "halbe", and in compounds ("einhundert", "einjährig"); elsewhere they are articles
        self.one_units = {w for w, (k, u, f) in units.items() if k in ("duration", "percent")}
        ein_next = _trie([w for w in list(self.scales) + list(v["fractions"]["nouns"]) + ["Dutzend"]
                          + sorted(self.one_units) if w[0].isupper()])
        ein = (r"[Ee]in(?:(?:e[mnrs]?)?" + _H + r"+(?=(?:halbe[nmrs]?" + _H + r"+)?" + ein_next
               + r")|(?=und|hundert|tausend|einhalb|halb|jährig|tägig|wöchig|monatig|stündig|minütig|"
               r"prozentig|fach))")
        # two triggers, each a regex the engine scans fast: a digit, and a number word after a
        # boundary character (consumed, so the search has a simple first step)
        words = _trie(_both_cases(starters)) + "|" + ein
        self.re_digit = re.compile(r"\d")
        self.re_word_trigger = re.compile(r"[\s(„\"'/|\[–-](?:" + words + ")")
        self.re_word_start = re.compile(r"(?:" + words + ")")
        self.re_word = re.compile(r"[^\W\d_]*")      # letters only: digits start their own figure
        # --- digits -------------------------------------------------------------------
        self.re_num = re.compile(_NUM)
        self.re_scale = re.compile(r"(?:" + _H + r"*|-)(?P<s>" + _alt(self.scales) + ")")
        unit_words = [w for w in units if w not in ("%",)]
        self.re_unit = re.compile(
            r"(?:(?:" + _H + r"+|-|(?<=\d)|\n)(?P<u>" + _alt(unit_words) + r")|" + _H + r"?(?P<pct>%))")
        self.re_adj = re.compile(
            r"-?(?P<a>prozentig|fach|mal|" + adj_alt + r"|(?<=-)Jährig)(?P<rest>[a-zäöüß]*)")
        self.re_range = re.compile(
            _H + r"?(?:-" + _H + r"+bis" + _H + r"+|[-–—]" + _H + r"?|bis" + _H + r"+(?:zu" + _H + r"+)?)"
            r"(?=[+−-]?\d|[a-zäöüß])")
        self.re_and = re.compile(_H + r"+und" + _H + r"+")
        self.re_prefix_cur = re.compile(
            r"(?:^|(?<=[\s(„\"'/]))(?P<c>" + _alt(cur["before"]) + r")" + _H + r"?$")
        self.prefix_cur_code = {w: cur["after"].get(w, w) for w in cur["before"]}
        self.re_date_num = re.compile(r"(\d{1,2})\." + _H + r"?(\d{1,2})\." + _H + r"?(\d{4}|\d{2})(?![\d])")
        self.re_date_dm = re.compile(r"(\d{1,2})\.(\d{1,2})\.(?=[\s,;)])")
        self.re_date_iso = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?!\d)")
        self.re_date_words = re.compile(
            r"(?P<d1>\d{1,2})\.?" + _H + r"?(?:(?:[-–—]|bis|und)" + _H + r"?(?P<d2>\d{1,2})\.)?" + _H + r"*"
            r"(?P<m>" + month_alt + r")(?:" + _H + r"+(?P<y>\d{4})(?!\d))?")
        self.re_month_range_left = re.compile(r"(?:^|(?<=[\s(„\"]))(?P<m1>" + month_alt + r")" + _H + r"+(?:bis|-|–)"
                                              + _H + r"+(?P<m>" + month_alt + r")" + _H + r"+$")
        self.re_month_left = re.compile(r"(?:^|(?<=[\s(„\"]))(?P<m>" + month_alt + r")" + _H + r"+$")
        self.re_clock = re.compile(
            r"\d{1,2}(?::\d{2}(?::\d{2})?(?!\d)(?:" + _H + r"?Uhr\b)?|[.,]\d{2}" + _H + r"?Uhr\b|" + _H
            + r"?Uhr\b)")
        self.re_phone = re.compile(r"(?:\+\d{1,3}[ /-]?(?:\(0\))?[ ]?\d|0\d{2,5}[ /-]+\d|0\d{2,5}/\d)[\d /-]{2,}")
        self.re_year_cue = re.compile(r"(?:^|(?<=[\s(„\"]))" + _alt(v["dates"]["year_cues"]) + _H + r"+$")
        self.re_date_approx = re.compile(
            r"(?:^|(?<=[\s(„\"]))(?:" + _alt(v["dates"]["approx"]) + r")" + _H + r"+$")
        ix = v["index"]
        self.re_index_left = re.compile(
            r"(?:^|(?<=[\s(„\"-]))(?P<n>" + _alt(ix["names"]) + r")\)?(?:" + _H + r"*\((?P<n2>[^()\n]{0,30})\))?" + _H
            + r"*(?:(?:von|bei|auf|mit|liegt bei|lag bei|notiert bei|notierte bei|steht bei|stand bei|"
            r"liegt aktuell bei|liegt derzeit bei|"
            r"schloss bei|schloss mit|beträgt|betrug|:|=)" + _H + r"*)?(?:" + qual_alt + _H + r"+)?$")
        self.index_names = set(ix["names"])
        self.re_index_any = re.compile(r"(?<![\wäöüß])" + _alt(ix["names"]))
        self.re_rate_words = re.compile(r"(?i)prozent|%|quote|zins|rendite|rate\b")
        # an index named earlier in the clause, its value right after bei/von/auf/unter/über
        self.re_index_clause = re.compile(
            r"(?<![\wäöüß])(?P<n>" + _alt(ix["names"]) + r")(?:" + _H + r"*\((?P<n2>[^()\n]{0,30})\))?"
            r"[^,;:.!?\n]{0,80}?(?:bei|von|auf|unter|über|mit)" + _H + r"+(?:" + qual_alt + _H + r"+)?$")
        self.named_numbers: dict[str, set[str]] = {}
        for name in ix["named_numbers"]:
            m = re.match(r"(.*?)[ -]?(\d+)$", name)
            if m:
                self.named_numbers.setdefault(m.group(2), set()).add(m.group(1))
        sk = v["skip"]
        self.re_reference = re.compile(r"(?:^|(?<=[\s(„\"]))(?:" + _alt(sk["references"]) + r"):?" + _H + r"*$")
        self.re_zwischen = re.compile(r"(?:^|(?<=\s))[Zz]wischen" + _H + r"+(?:" + qual_alt + _H + r"+)?$")
        self.re_von = re.compile(r"(?:^|(?<=\s))(?:[Vv]on)" + _H + r"+(?:" + qual_alt + _H + r"+)?$")
        self.re_noun = re.compile(
            r"(?:" + _H + r"+|\n|-)(?P<adj>(?:(?!(?:" + "|".join(_DETERMINERS) + r")" + _H + r")"
            r"[a-zäöüß][\wäöüß]*(?:e|en|er|es|em)" + _H + r"+){0,2})"
            r"(?P<n>[A-ZÄÖÜ][\wäöüÄÖÜß]*(?:[-/’'][\wäöüÄÖÜß]+)*)")
        self.re_conn = re.compile(
            r"^" + _H + r"*(?:auf|bis|und|oder|bzw\.|beziehungsweise|sowie|statt|nach|gegenüber|zu|,|/)" + _H
            + r"*(?:" + qual_alt + _H + r"*)?$")
        self.re_name_left = re.compile(r"(?:^|(?<=[\s(„\"]))(?P<w>[A-ZÄÖÜ][\wäöüÄÖÜß&.-]*[\wäöüß]|[a-z]+[A-Z][\w]*)"
                                       + _H + r"$")
        self.re_caption_in = re.compile(r"(?:^|[\s(\[])in" + _H + r"+(?:" + _alt(self.scales) + r"|Euro|€|Prozent|%|CHF|Franken|Dollar|US-Dollar)")
        self.re_header_unit = re.compile(
            r"(?:^|[\s(\[/])(?:in" + _H + r"+)?(?:(?P<s>" + _alt(self.scales) + r")" + _H + r"*)?(?:(?P<u>"
            + _alt([w for w, (k, _, _) in units.items() if k in ("money", "percent") and w != "%"]) + r")|(?P<pct>%))")
        sk0 = v["skip"]
        self.period_nouns = sk0["period_nouns"]
        self.period_ordinals = sk0["period_ordinals"]
        self.ordinal_nouns = set(sk0["ordinal_nouns"])
        self.re_period_ordinal = re.compile(r"(?<![\wäöüß.])(?P<o>" + _alt(sk0["period_ordinals"]) + r")" + _H + r"+$")
        self.re_period_year = re.compile(_H + r"*/?" + _H + r"*(?P<y>(?:19|20)\d\d)(?!\d)")
        self.re_q_code = re.compile(r"(\d)(?![\d\w])(?:" + _H + r"*[/ ']?" + _H + r"*(?P<y>(?:19|20)?\d\d)(?!\d))?")
        self.re_decade_word = re.compile(r"(\w+zig|dreißig)er(?:-?jahre|-?jahren)?")
        self.re_glued_code = re.compile(r"\d+(?P<tail>[A-Za-z][A-Za-z0-9]*)(?![\wäöüß])")
        self.re_count_row = re.compile(r"(?i)" + "|".join(map(re.escape, v["skip"]["count_rows"])))
        # a past participle used as an adjective: "gegründete", "eröffneten", "übernommene"
        self.re_participle = re.compile(r"(?:ge|er|ver|be|über|ent|zer|an|auf|aus|ein)[a-zäöüß]+(?:t|en)(?:e|en|er|es|em)\b")
        self.re_duration_compound = re.compile(r"\w(jahre|jahren|monate|monaten|wochen|tage|tagen|stunden)$")
        self.money_nouns = {"umsatz", "umsätze", "gewinn", "verlust", "erlös", "erlöse", "kosten", "einnahmen",
                            "ausgaben", "investitionen", "schulden", "budget", "etat", "ertrag", "überschuss",
                            "defizit", "gehalt", "jahresumsatz", "nettogewinn", "betriebsgewinn", "fördermittel"}
        self.month_abbrev = {m for m in months if len(m) <= 4}
        self.re_age_left = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?:,[ ]|[ ]\()$")
        self.re_half = re.compile(_H + r"+halbe[nmrs]?")
        self.re_of = re.compile(_H + r"+von" + _H + r"+")
        self.re_deferred = re.compile(_H + r"*(?:\([^()\n]{0,40}\)|\))")
        self.re_times_so = re.compile(_H + r"+(?:so|mehr|höher|größer|schneller|teurer|länger|stärker)\b")
        self.re_footnote = re.compile(r"\[\d{1,3}\]")
        self.re_postcode = re.compile(r"\d{5}" + _H + r"+[A-ZÄÖÜ][a-zäöüß]+")
        # --- direction ------------------------------------------------------------------
        d = v["directions"]
        def word_cues(word_start):
            lit = [w for w in word_start if re.escape(w) == w.replace(" ", "\\ ")]
            return "|".join([_trie(lit)] + [w for w in word_start if w not in lit])
        # one lookbehind for all cues that start a word; compound cues ("Kostensenkung") anywhere
        self.re_dir = re.compile(
            r"(?<![\wäöüß])(?:(?P<up>" + word_cues(d["up"]) + ")|(?P<down>" + word_cues(d["down"]) + "))"
            r"|(?P<up_inner>" + _trie(d["up_inner"]) + ")|(?P<down_inner>" + _trie(d["down_inner"]) + ")")
        self.change_up = tuple(d["change_nouns_up"])
        self.change_down = tuple(d["change_nouns_down"])
        self.re_level_left = re.compile(
            r"(?:^|(?<=\s))(?:von|auf|bei|zu|als)" + _H + r"+(?:" + qual_alt + _H + r"+)?$")
        self.re_um_left = re.compile(r"(?:^|(?<=\s))um" + _H + r"+(?:" + qual_alt + _H + r"+)?$")
        self.re_adjacent_dir = re.compile(
            _H + r"*(?:(?:im" + _H + r"+)?(?P<d>Plus|Minus)\b|(?P<w>weniger|mehr|höher|niedriger|teurer|"
            r"billiger|günstiger|tiefer)\b)")
        self.re_sign_word = re.compile(r"(?:^|(?<=\s))(?P<s>minus|plus)" + _H + r"+$")
        self.re_clause_break = re.compile(r",(?=\s)|;|:(?=\s)|[!?()\[\]|]|\s[–—-]\s|\.(?=\s)|\n")
        # --- number words --------------------------------------------------------------
        self.articles = set(n["articles"]) | {a.capitalize() for a in n["articles"]}
        self.fraction_nouns = v["fractions"]["nouns"]
        self.ordinals = v["fractions"]["ordinals"]
        self.re_after_article = re.compile(
            _H + r"+(?:(?P<half>halbe[nmrs]?)" + _H + r"+)?(?P<w>" + _alt(list(self.scales) + list(
                self.fraction_nouns) + ["Dutzend"]) + ")")
        self.re_fraction = re.compile(_H + r"+(?P<f>" + _alt(self.fraction_nouns) + ")")
        self.re_jeder = re.compile(r"[Jj]ede[rsnm]?" + _H + r"+(?P<o>" + _trie(
            _both_cases(self.ordinals)) + r")[nr]?(?![\wäöüß])")
        self.re_quantifier_left = re.compile(
            r"(?:^|(?<=\s))(?P<q>" + _alt(_both_cases(v["indefinite"]["quantifiers"])) + r")" + _H + r"+$")
        self.re_half_left = re.compile(r"(?:^|(?<=\s))(?:die|der|zur|eine|um die)" + _H + r"+$", re.I)
        self.re_ordinal_left = re.compile(r"(?:ersten|zweiten|ander[en]+|letzten|oberen|unteren)" + _H + r"+$")
        self.multiples_up = v["multiples"]["up"]
        self.multiples_down = v["multiples"]["down"]
        self.indefinite = v["indefinite"]["plural"]
        self.abbrev = set(sk["abbreviations"])
        # a sentence ends at . ! ? … before a capital, unless the dot ends an abbreviation ("Mio."),
        # a number ("6. Februar") or an initial ("J. Ma"); the checks run only where a dot is
        self.re_sentence_break = re.compile(
            r"[.!?…](?:(?<=[!?…])|" + "".join(rf"(?<!\b{re.escape(a)}\.)" for a in sorted(self.abbrev, key=lambda a: (len(a), a)))
            + r"(?<!\d\.)(?<!\b\w\.))[\"“”»«']?[ \t]+(?=[„\"«»A-ZÄÖÜ0-9])")
        self.future_days = int(v["dates"]["future_days"])

    # ------------------------------------------------------------------------------------
    def scan(self, text: str, published: dt.date | None = None, deadline: float | None = None) -> "ScanResult":
        """Figures, skipped digit runs and table problems of one text.

        Invisible characters (zero-width spaces, soft hyphens, a BOM), typographic spaces in digit
        groups, an en dash used as a minus and the fraction slash are normalised for reading; every
        offset, ``text`` and ``sentence`` still refers to ``text`` exactly as given. ``deadline``
        (a ``time.monotonic()`` value) stops a scan that runs too long with ``ScanTimeout``.
        """
        norm, edits = normalise(text)
        norm = unwrap(norm)          # hard-wrapped lines read as their paragraphs (same length)
        figs, skipped, problems, ctx = self._scan(norm, published, deadline)
        to_start, to_end = _offset_maps(edits)
        sentences = _Sentences(text)
        kept = []
        for f in figs:
            if not all(v is None or math.isfinite(v) for v in (f["low"], f["high"])):
                skipped.append({"start": f["start"], "end": f["end"], "text": norm[f["start"]:f["end"]],
                                "reason": "number too large"})
                continue
            a, b = f.pop("sentence_span", None) or ctx.sentence_span(f["start"])
            f["start"], f["end"] = to_start(f["start"]), to_end(f["end"])
            f["text"] = text[f["start"]:f["end"]]
            f["sentence"], f["sentence_start"] = sentences.get((to_start(a), to_end(b)), f["start"], f["end"])
            kept.append(f)
        for k in skipped:
            a, b = ctx.line_span(k["start"])
            k["start"], k["end"] = to_start(k["start"]), to_end(k["end"])
            k["text"] = text[k["start"]:k["end"]]
            k["sentence"], _ = sentences.get((to_start(a), to_end(b)), k["start"], k["end"])
        skipped.sort(key=lambda k: k["start"])
        return ScanResult(kept, skipped, problems)

    def _scan(self, text, published, deadline):
        figs: list[dict] = []
        skipped: list[dict] = []
        tables = find_tables(text) if "|" in text else []
        segments: list[tuple[int, int, object]] = []
        header_units: dict[int, tuple] = {}       # id(cell) -> unit stated in its column's header
        pos = 0
        for t in tables:
            segments.append((pos, t.start, None))
            table_unit = (self._header_unit(t.header[0]) if t.header else None) or self._caption_unit(text, t.start)
            own_units = [self._header_unit(h) for h in t.header]
            for c in t.cells:
                segments.append((c.start, c.end, c))
                if c.row == 0 or c.col >= len(own_units):
                    continue
                # a unit the table states once ("in Mio. Euro") is not that of a row that counts
                # something else ("Mitarbeiter (Vollzeitkräfte)")
                unit = own_units[c.col] or (table_unit if table_unit and not self.re_count_row.search(c.row_header)
                                            else None)
                if unit:
                    header_units[id(c)] = unit
            pos = t.end
        segments.append((pos, len(text), None))
        ctx = _Context(text, published, self)
        ctx.deadline = deadline
        for lo, hi, cell in segments:
            if hi <= lo:
                continue
            n0 = len(figs)
            self._scan_segment(ctx, lo, hi, figs, skipped)
            if cell is not None:
                hu = header_units.get(id(cell))
                for f in figs[n0:]:
                    if hu and f.get("bare"):
                        self._apply_unit(f, *hu)
                    f["in_table"] = True
                    f["row_header"] = cell.row_header
                    f["col_header"] = cell.col_header
                    f["sentence_span"] = (cell.line_start, cell.line_end)
        self._inherit_units(text, figs)
        self._join_ranges(text, figs)
        ctx.finish_dates(figs)
        return figs, skipped, [p for t in tables for p in t.problems], ctx

    def _scan_segment(self, ctx, lo, hi, figs, skipped):
        text = ctx.text
        dsearch, wsearch = self.re_digit.search, self.re_word_trigger.search

        def next_word(pos):
            if pos == lo and self.re_word_start.match(text, lo, hi):
                return lo
            m = wsearch(text, max(lo, pos - 1), hi)
            return m.start() + 1 if m else None

        d, w = dsearch(text, lo, hi), next_word(lo)
        deadline, steps = ctx.deadline, 0
        while d is not None or w is not None:
            steps += 1
            if deadline is not None and not steps & 63 and time.monotonic() > deadline:
                raise ScanTimeout(f"stopped at character {min(x for x in (d and d.start(), w) if x is not None)} "
                                  f"of {len(text)}")
            if w is None or (d is not None and d.start() < w):
                s = d.start()
                end = max(self._at_digit(ctx, s, lo, hi, figs, skipped), s + 1)
            else:
                s = w
                end = max(self._at_word(ctx, s, lo, hi, figs), s + 1)
            if d is not None and d.start() < end:
                d = dsearch(text, end, hi)
            if w is not None and w < end:
                w = next_word(end)

    # --- digits ----------------------------------------------------------------------------
    def _skip(self, text, s, e, reason, skipped):
        skipped.append({"start": s, "end": e, "text": text[s:e], "reason": reason})
        return e

    def _token_bounds(self, text, s, lo, hi):
        a = s
        while a > lo and not text[a - 1].isspace():
            a -= 1
        b = s
        while b < hi and not text[b].isspace():
            b += 1
        return a, b

    def _at_digit(self, ctx, s, lo, hi, figs, skipped) -> int:
        text = ctx.text
        prev = text[s - 1] if s > lo else " "
        # digits glued to letters: model names, codes, tickers ("R1", "H20-Chips", "GPT-4")
        if prev in "QH" and (s - 2 < lo or not text[s - 2].isalnum()):
            qm = self.re_q_code.match(text, s, hi)
            if qm:
                n, size = int(qm.group(1)), 3 if prev == "Q" else 6
                if 1 <= n <= 12 // size:
                    return self._add_period(ctx, s - 1, qm.end(), n, size, qm.group("y"), lo, figs)
        if prev.isalpha() or prev == "_" or (prev in "-." and s - 2 >= lo and text[s - 2].isalpha()
                                              and self._glued_name(text, s - 1, lo)):
            e = s
            while e < hi and (text[e].isalnum() or text[e] == "_"):
                e += 1
            return self._skip(text, s, e, "name or code", skipped)
        m = self.re_footnote.match(text, s - 1, hi) if prev == "[" else None
        if m:
            return self._skip(text, s, m.end() - 1, "footnote mark", skipped)
        a, b, web = ctx._token
        if not a <= s < b:            # a new token: find its bounds and whether it is a web address, once
            a, b = self._token_bounds(text, s, lo, hi)
            tok = text[a:b]
            web = "://" in tok or "www." in tok or "@" in tok or _WEB.search(tok) is not None
            ctx._token = (a, b, web)
        if web:
            e = s
            while e < b and text[e].isdigit():
                e += 1
            return self._skip(text, s, e, "web address", skipped)
        plus = text[s - 1:s] == "+" and s - 1 >= lo
        m = self.re_phone.match(text, s - 1 if plus else s, hi) if text[s] == "0" or plus else None
        if m and sum(ch.isdigit() for ch in m.group()) >= 6:
            return self._skip(text, m.start(), m.end(), "phone number", skipped)
        near = text[s + 1:s + 3]
        dotted = "." in near
        m = (self.re_date_iso.match(text, s, hi) if text[s + 4:s + 5] == "-" else None) or (
            self.re_date_num.match(text, s, hi) if dotted else None)
        if m:
            y, mo, d = (m.group(1), m.group(2), m.group(3)) if len(m.group(1)) == 4 else (
                m.group(3), m.group(2), m.group(1))
            yy = int(y) + (2000 if len(y) == 2 and int(y) < 50 else 1900 if len(y) == 2 else 0)
            if _valid_date(yy, int(mo), int(d)):
                return self._add_date(ctx, s, m.end(), f"{yy:04d}-{int(mo):02d}-{int(d):02d}", None, lo, figs)
        m = self.re_date_words.match(text, s, hi) if dotted or "-" in near or "–" in near or " " in near else None
        if m and m.group("m"):
            mo = self.months[m.group("m").rstrip(".")]
            d1, d2 = int(m.group("d1")), m.group("d2")
            has_dot = text[s + len(m.group("d1")):s + len(m.group("d1")) + 1] == "."
            if (has_dot or d2) and 1 <= d1 <= 31:
                year = int(m.group("y")) if m.group("y") else None
                end = m.end()
                iso = (year, mo, d1)
                iso_end = (year, mo, int(d2)) if d2 else None
                return self._add_date(ctx, s, end, iso, iso_end, lo, figs)
        m = self.re_clock.match(text, s, hi) if ":" in near or "Uhr" in text[s + 1:s + 10] else None
        if m and (":" in m.group() or "Uhr" in m.group()):
            return self._skip(text, s, m.end(), "clock time or score", skipped)
        m = self.re_date_dm.match(text, s, hi) if dotted else None
        if m and _valid_date(2000, int(m.group(2)), int(m.group(1))):
            return self._add_date(ctx, s, m.end(), (None, int(m.group(2)), int(m.group(1))), None, lo, figs)
        return self._number(ctx, s, lo, hi, figs, skipped)

    def _glued_name(self, text, sep, lo) -> bool:
        """Is the word before "-"/"." at sep a name the number belongs to ("Covid-19", "ID.3")?
        Not after an abbreviation such as "ca." or "Nr."."""
        if text[sep] == "-":
            return True
        a = sep
        while a > lo and text[a - 1].isalpha():
            a -= 1
        word = text[a:sep]
        return word not in self.abbrev and word.lower() not in self.qual_of

    def _add_period(self, ctx, s, e, n, size, year, lo, figs) -> int:
        """A quarter or half-year as a date range: start month to end month of the period."""
        y = None
        if year:
            y = int(year) + (2000 if len(year) == 2 else 0)
        first = (n - 1) * size + 1
        qual = "approx" if self.re_date_approx.search(ctx.text[max(lo, s - 20):s]) else None
        figs.append(_record(s, e, "date", None, None, "date", qual, None, False, date=(y, first, None),
                            date_end=(y, first + size - 1, None)))
        return e

    def _period_word(self, ctx, s, e, lo, hi, figs) -> int | None:
        """"im dritten Quartal (2025)", "in der zweiten Jahreshälfte": the ordinal left of the noun."""
        text = ctx.text
        size = self.period_nouns[text[s:e]]
        om = self.re_period_ordinal.search(text, max(lo, s - 12), s)
        if not om:
            return None
        n = self.period_ordinals[om.group("o")]
        if n > 12 // size:
            return None
        ym = self.re_period_year.match(text, e, hi)
        return self._add_period(ctx, om.start(), ym.end() if ym else e, n, size, ym.group("y") if ym else None,
                                lo, figs)

    def _add_date(self, ctx, s, e, iso, iso_end, lo, figs) -> int:
        left = ctx.text[max(lo, s - 20):s]
        qual = "approx" if self.re_date_approx.search(left) else None
        figs.append(_record(s, e, "date", None, None, "date", qual, None, False, date=iso, date_end=iso_end))
        return e

    def _core(self, text, s, hi):
        """A number at s, digits or one number word: (value, end, is_word) or None."""
        m = self.re_num.match(text, s, hi)
        if m:
            return parse_digits(m.group()), m.end(), False
        m = self.re_word.match(text, s, hi)
        if m and m.end() > s:
            val = parse_word(m.group())
            if val is not None:
                return val, m.end(), True
        return None

    def _number(self, ctx, s, lo, hi, figs, skipped) -> int:
        text = ctx.text
        m = self.re_num.match(text, s, hi)
        core = m.group()
        e = m.end()
        if text[e:e + 1].isascii() and text[e:e + 1].isalpha():
            # "5G", "3D", "4K": digits glued to letters that are no unit ("5km") nor a decade ("90er")
            g = self.re_glued_code.match(text, s, hi)
            if g and g.group("tail") in ("e", "E", "P", "p") and _YEAR.fullmatch(core):   # "2025e": estimate
                figs.append(_record(s, g.end(), "date", None, None, "date", "approx", None, False,
                                    date=(int(core), None, None)))
                return g.end()
            if g and not self.re_unit.match(text, g.start("tail"), hi) and not g.group("tail").startswith("er"):
                return self._skip(text, s, g.end(), "name or code", skipped)
        value = parse_digits(core)
        start = s
        # a dot and one or two digits: not German grouping, so a version ("Qwen 2.5") or English decimal
        dm = _DOT_DIGITS.match(text, e, hi) if text[e:e + 1] == "." else None
        if dm and "," not in core:
            um = self.re_unit.match(text, dm.end(), hi)
            pre = self.re_prefix_cur.search(text[max(lo, s - 8):s])
            if pre or um and (um.group("pct") or self.units.get(um.group("u"), ("",))[0] in ("percent", "money")):
                value = float(core.replace(".", "") + "." + dm.group(1))
                e = dm.end()
            else:
                return self._skip(text, s, dm.end(), "version or name", skipped)
        sign = None
        if s - 1 >= lo and text[s - 1] in "+−-±" and (s - 2 < lo or text[s - 2] in " \t\n(„\"/|:"):
            sign = "down" if text[s - 1] in "−-" else "up"
            start = s - 1
        left = text[max(lo, start - 60):start]
        # names that end in a number: "S&P 500", "CSI 300"
        for prefix in sorted(self.named_numbers.get(core, ())):
            if left.endswith(prefix + " ") or left.endswith(prefix + "-") or left.endswith(prefix):
                if prefix and text[max(lo, start - len(prefix) - 1):start].strip():
                    return self._skip(text, s, e, "name", skipped)
        if self.re_reference.search(left[-18:]):
            return self._skip(text, s, e, "reference or rank", skipped)
        if len(core) == 5 and core.isdigit() and self.re_postcode.match(text, s, hi) \
                and (not left.strip() or left.rstrip().endswith((",", "\n")) or left.endswith("\n")):
            return self._skip(text, s, e, "postal code", skipped)
        # list numbering: a number and a dot at the start of a line ("1. Startseite")
        if text[e:e + 1] == "." and e + 1 < hi and text[e + 1:e + 2] in " \t" and not text[e + 2:e + 3].isdigit() \
                and (_line_initial(text, lo, start) or text[max(lo, start - 2):start] in ("  ", "\t")
                     or text[start - 1:start] == "\t"):
            return self._skip(text, s, e + 1, "list number", skipped)
        if text[e:e + 1] == ")" and _line_initial(text, lo, start):
            return self._skip(text, s, e + 1, "list number", skipped)
        is_int = "," not in core and "." not in core[-3:] or _GROUPED_INT.fullmatch(core)
        # an ordinal: "25. Geburtstag", "im 3. Quartal" (not a sentence end)
        if text[e:e + 1] == "." and is_int and len(core) <= 3 and not self._ends_sentence(text, e, hi):
            nm = _NEXT_CAP.match(text, e + 1, hi)
            if nm and nm.group(1) in self.period_nouns and 1 <= value <= 4:
                size = self.period_nouns[nm.group(1)]
                if value <= 12 // size:
                    ym = self.re_period_year.match(text, nm.end(), hi)
                    return self._add_period(ctx, s, ym.end() if ym else nm.end(), int(value), size,
                                            ym.group("y") if ym else None, lo, figs)
            return self._skip(text, s, e + 1, "ordinal", skipped)
        high = value
        end = e
        hard = False
        # range: "75-85%", "15–20 Sekunden", "2010-2013", "zwei bis drei", "zwischen X und Y"
        rng = None
        rm = self.re_range.match(text, e, hi)
        if rm:
            c2 = self._core(text, rm.end(), hi)
            if c2 and c2[0] >= value:
                rng = c2
                cm = self.re_clock.match(text, rm.end(), hi)
                if cm and "Uhr" in cm.group():
                    return self._skip(text, s, cm.end(), "clock time or score", skipped)
        elif self.re_zwischen.search(left[-32:]):
            am = self.re_and.match(text, e, hi)
            if am:
                c2 = self._core(text, am.end(), hi)
                if c2 and c2[0] >= value:
                    rng = c2
        year_like = len(core) == 4 and _YEAR.fullmatch(core) is not None
        if not rng and is_int:
            r = self._of(text, start, e, value, lo, hi, left, figs)
            if r:
                return r
        if rng:
            high, end = rng[0], rng[1]
        # decades: "1990er", "90er-Jahre"
        if text[end:end + 2] == "er" and not text[end + 2:end + 3].isalpha() or text[end:end + 3] == "er-":
            if _DECADE.fullmatch(core):
                yv = int(core) if len(core) == 4 else (1900 + int(core) if int(core) >= 30 else 2000 + int(core))
                end2 = end + 2
                jm = _DECADE_JAHRE.match(text[end2:end2 + 12])
                if jm:
                    end2 += jm.end()
                figs.append(_record(start, end2, "date", None, None, "date", None, None, False, date=(yv, None, None)))
                return end2
        # years and year ranges, before any unit: "2010-2013", "2024/25", "Januar 2025"
        if year_like and not self.re_scale.match(text, end, hi) and not self.re_unit.match(text, end, hi):
            if rng and not _YEAR.fullmatch(text[end - 4:end]):
                rng = None
                high, end = value, e
            window = text[max(lo, start - 40):start]
            month_m = self.re_month_left.search(window)
            sm = _YEAR_SLASH.match(text[end:end + 4])
            if month_m:
                mo = self.months[month_m.group("m").rstrip(".")]
                ds = start - (len(window) - month_m.start())
                first, last = (int(core), mo, None), None
                rm = self.re_month_range_left.search(window)
                if rm:
                    m1 = self.months[rm.group("m1").rstrip(".")]
                    if m1 < mo:
                        first, last = (int(core), m1, None), (int(core), mo, None)
                        ds = start - (len(window) - rm.start("m1"))
                figs.append(_record(ds, end, "date", None, None, "date", None, None, False, date=first,
                                    date_end=last))
                return end
            if rng or sm or self._is_year(text, start, end, hi, lo, left):
                date_end = None
                if rng:
                    date_end = (int(high), None, None)
                elif sm:
                    date_end = (int(core[:2] + sm.group(1)), None, None)
                    end += sm.end()
                qual = "approx" if self.re_date_approx.search(left[-20:]) else None
                figs.append(_record(start, end, "date", None, None, "date", qual, None, False,
                                    date=(int(core), None, None), date_end=date_end))
                return end
        if not rng and sign is None and is_int and self._names_number(text, start, end, lo, hi, left):
            return self._skip(text, s, end, "name or model number", skipped)
        before = text[max(lo, start - 6):start].split()
        if len(core) == 2 and before and before[-1].rstrip(".") in self.month_abbrev and not rng \
                and text[end:end + 1] != "." and sign is None:
            mm = self.re_month_left.search(text[max(lo, start - 12):start])
            if mm:
                ds = start - (len(text[max(lo, start - 12):start]) - mm.start())
                mo = self.months[mm.group("m").rstrip(".")]
                figs.append(_record(ds, end, "date", None, None, "date", None, None, False,
                                    date=(2000 + int(core), mo, None)))
                return end
        return self._finish_number(ctx, start, s, end, value, high, sign, hard, lo, hi, left, figs, e)

    def _names_number(self, text, start, end, lo, hi, left) -> bool:
        """"Windows 10", "iPhone 16", "Theresienstraße 12": a bare number after a capitalised word."""
        pw = self.re_name_left.search(left[-40:])
        if pw is None or self.re_scale.match(text, end, hi) or self.re_unit.match(text, end, hi) \
                or self.re_adj.match(text, end, hi) or self.re_noun.match(text, end, hi):
            return False
        word = pw.group("w")
        if word in self.index_names or word in self.months or word.lower() in self.qual_of \
                or self.re_prefix_cur.search(left[-8:]) or self.re_index_left.search(left):
            return False
        return not _sentence_initial(text, start - (len(left[-40:]) - pw.start("w")), lo)

    def _header_unit(self, header: str):
        """(scale, kind, unit, factor) a table header states for its numbers: "in Mio. Euro", "(%)"."""
        m = self.re_header_unit.search(header)
        if not m:
            return None
        scale = self.scales[m.group("s")] if m.group("s") else 1.0
        kind, unit, factor = self.units["%" if m.group("pct") else m.group("u")]
        if kind not in ("money", "percent", "other", "duration"):
            return None
        return scale, kind, unit, factor

    def _caption_unit(self, text, table_start):
        """The unit a table's caption states: the line above it, "(in Mio. Euro)"."""
        above = text[max(0, table_start - 300):table_start].rstrip().rsplit("\n", 1)
        line = above[-1].strip()                 # the nearest non-empty line above the table
        if not line or "|" in line or not self.re_caption_in.search(line):
            return None
        return self._header_unit(line[self.re_caption_in.search(line).start():])

    @staticmethod
    def _apply_unit(f, scale, kind, unit, factor):
        for k in ("low", "high"):
            if f[k] is not None:
                f[k] = f[k] * scale * factor
        f.update(kind=kind, unit=unit, scale=scale, bare=False)

    @staticmethod
    def _last_currency(figs):
        """The currency of the last amount of money before, in the same text."""
        for f in reversed(figs):
            if f["kind"] == "money" and f["unit"]:
                return f["unit"]
        return None

    def _points_are_pp(self, ctx, start, end, left) -> bool:
        """"Die Quote sank um 0,1 Punkte auf 6,2 Prozent": a change in points of a rate, not of an index."""
        if not self.re_um_left.search(left[-32:]):
            return False
        a, b = ctx.sentence_span(start)
        sentence = ctx.text[a:b]
        return bool(self.re_rate_words.search(sentence)) and "index" not in sentence.lower() \
            and not self.re_index_any.search(sentence)

    def _is_year(self, text, start, end, hi, lo, left) -> bool:
        """A bare four-digit number between 1800 and 2100: a year unless it counts a noun."""
        nm = self.re_noun.match(text, end, hi)
        if not nm or nm.group("n") in self.months:
            return True
        if self.re_year_cue.search(left[-20:]) or self.re_participle.match(nm.group("adj")):
            return True
        lw = _LAST_WORD.search(left[-30:])
        if lw is None:
            return True
        w = lw.group(1)
        if self.re_qual_left.search(left):
            return False
        # a capitalised word before it is a name ("Cortina 2026"); a verb or article before it counts
        return w[:1].isupper()

    def _ends_sentence(self, text, e, hi) -> bool:
        """Does the dot at e end a sentence, rather than mark an ordinal ("zum 25. Mal")?
        A lowercase word or a noun that counts in order ("Mal", "Platz", "Quartal") follows an ordinal."""
        rest = text[e + 1:e + 40]
        if not rest or rest[0] == "\n" or e + 1 >= hi:
            return True
        m = _NEXT_CAP.match(rest)
        if not m:
            return False
        return m.group(1) not in self.ordinal_nouns

    def _finish_number(self, ctx, start, s, end, value, high, sign, hard, lo, hi, left, figs, core_end):
        text = ctx.text
        kind, unit, qual, direction = None, None, None, sign
        scale = 1.0
        sm = self.re_scale.match(text, end, hi)
        if sm:
            scale = self.scales[sm.group("s")]
            end = sm.end()
        open_plus = False
        if text[end:end + 1] == "+" and text[end + 1:end + 2] in (" ", "\u00a0"):
            if self.re_unit.match(text, end + 1, hi):      # "20+ Jahre"
                open_plus, end = True, end + 1
        low_v, high_v = value * scale, high * scale
        factor = 1.0
        pm = self.re_prefix_cur.search(left[-8:]) if left else None
        um = self.re_unit.match(text, end, hi)
        am = None if um else self.re_adj.match(text, end, hi)
        if um:
            w = "%" if um.group("pct") else um.group("u")
            kind, unit, factor = self.units[w]
            end = um.end()
            if kind == "money" and factor == 0.01 and not unit:
                unit = ctx.sentence_currency(start) or self.minor_default
        elif am and (am.group("a") in ("prozentig", "fach", "mal") or am.group("a").lower() in self.dur_adj):
            a = am.group("a").lower()
            if a == "prozentig":
                kind, unit = "percent", "%"
            elif a in ("fach", "mal"):
                if a == "mal" and not self.re_times_so.match(text, am.end(), hi):
                    am = None
                else:
                    kind, unit = "multiple", "x"
            else:
                unit, factor = self.dur_adj[a]
                kind = "duration"
            if am:
                end = am.end()
        if kind is None and not pm:
            dm = self.re_deferred.match(text, end, hi)
            um2 = self.re_unit.match(text, dm.end(), hi) if dm else None
            if um2 and (um2.group("pct") or self.units[um2.group("u")][0] in ("money", "percent")):
                kind, unit, factor = self.units["%" if um2.group("pct") else um2.group("u")]
        if pm and kind in (None, "money"):
            kind, unit = "money", self.prefix_cur_code[pm.group("c")]
            cut = len(left[-8:]) - pm.start()
            start, left = start - cut, left[:len(left) - cut]
        low_v, high_v = low_v * factor, high_v * factor
        if kind == "index" and unit == "Punkte" and self._points_are_pp(ctx, start, end, left):
            kind, unit = "percent", "pp"
        counted = None
        if kind is None and scale == 1.0 and float(value).is_integer() and 1 <= value <= 110 and high == value \
                and self.re_age_left.search(left[-40:]) and text[end:end + 1] in (",", ")"):
            kind, unit = "duration", "year"       # an age after a name: "Anna Berger, 45," / "Joe Tsai (61)"
        if kind is None:
            im = self.re_index_left.search(left)
            if im is None:
                im = self.re_index_clause.search(text, max(lo, ctx.sentence_span(start)[0], start - 200), start)
            if im:
                kind, unit = "index", im.group("n")
                if im.group("n2") in self.index_names:
                    unit = im.group("n2")
            else:
                nm = self.re_noun.match(text, end, hi)
                if nm and nm.group("n") not in self.months:
                    counted = text[nm.start("adj") if nm.group("adj") else nm.start("n"):nm.end("n")]
                    kind, unit = "count", counted
                    noun = nm.group("n").lower()
                    dm = self.re_duration_compound.search(noun)
                    if dm:                                  # "45 Beitragsjahren", "drei Geschäftsjahre"
                        kind, unit, factor = self.units[dm.group(1).capitalize()]
                        low_v, high_v = low_v * factor, high_v * factor
                        counted = None
                    elif scale >= 1e6 and noun in self.money_nouns:
                        cur = ctx.sentence_currency(start) or self._last_currency(figs)
                        if cur:                             # "sechs Millionen Umsatz"
                            kind, unit, counted = "money", cur, None
                else:
                    kind = "count" if float(value * scale).is_integer() else "other"
                    if scale >= 1e6:
                        cur = ctx.sentence_currency(start)
                        if cur:
                            kind, unit = "money", cur
        # open end: "90%+", "60 Prozent oder mehr", "20+ Jahre"
        if open_plus:
            qual, high_v = "more_than", None
        elif text[end:end + 1] == "+" and not text[end + 1:end + 2].isalnum():
            qual = "more_than"
            end += 1
            high_v = None
        else:
            qm = self.re_qual_right.match(text, end, hi)
            if qm and qm.group("q") != "+":
                qual = self.qual_right_of.get(qm.group("q"))
                if qual == "more_than":
                    high_v = None
        if qual is None:
            lq = self.re_qual_left.search(left[-32:])
            if lq:
                qual = self.qual_of.get(lq.group("q").lower())
        if direction is None:
            sw = self.re_sign_word.search(left[-8:])
            direction = ({"minus": "down", "plus": "up"}[sw.group("s")] if sw
                         else self._direction(ctx, kind, start, end, lo, hi, left))
        figs.append(_record(start, end, kind, low_v, high_v, unit, qual, direction, hard, scale=scale, factor=factor,
                            bare=(not sm and not um and not am and not pm and counted is None
                                  and kind in ("count", "other"))))
        return end

    # --- direction -------------------------------------------------------------------------
    def _change_noun(self, left):
        """"ein Plus von", "Kosteneinsparungen von etwa": the direction a noun before von/um names."""
        words = left[-60:].split()
        if len(words) >= 2 and words[-1] not in ("von", "um") and words[-1].lower() in self.qual_of:
            words = words[:-1]
        if len(words) < 2 or words[-1] not in ("von", "um"):
            return None
        noun = words[-2].lower()
        if noun.endswith(self.change_up):
            return "up"
        if noun.endswith(self.change_down):
            return "down"
        return None

    def _direction(self, ctx, kind, start, end, lo, hi, left):
        if kind in ("duration", "date"):
            return None          # a period or a point in time does not rise or fall
        text = ctx.text
        am = self.re_adjacent_dir.match(text, end, hi)
        if am:
            w = am.group("d") or am.group("w")
            return "up" if w in ("Plus", "mehr", "höher", "teurer") else "down"
        noun = self._change_noun(left)
        if noun:
            return noun
        um_left = self.re_um_left.search(left[-32:])
        if kind not in ("percent", "index", "multiple") and not um_left:
            return None
        if not um_left and self.re_level_left.search(left[-32:]):
            return None
        a, b = ctx.clause(start, end, lo, hi)
        best = self._nearest_cue(text, a, b, start, end)
        if best is None and um_left:          # the sentence before it, up to 400 characters back
            a, _ = ctx.sentence_span(start)
            best = self._nearest_cue(text, max(a, lo, start - 400), start, start, end)
        return best

    def _nearest_cue(self, text, a, b, start, end):
        """The direction of the rising/falling word in text[a:b] nearest to the figure."""
        clause = text[a:b].lower()      # the cues are lowercase; lower() keeps German lengths
        best, best_d = None, None
        for m in self.re_dir.finditer(clause):
            ms, me = m.start() + a, m.end() + a
            if start <= ms < end:
                continue
            dist = ms - end if ms >= end else start - me
            if best_d is None or dist < best_d:
                best_d = dist
                best = "up" if m.lastgroup.startswith("up") else "down"
        return best

    # --- number words ------------------------------------------------------------------------
    def _at_word(self, ctx, s, lo, hi, figs) -> int:
        text = ctx.text
        wm = self.re_word.match(text, s, hi)
        word = wm.group()
        e = wm.end()
        lw = word.lower()
        left = text[max(lo, s - 60):s]
        # article + scale word or fraction: "einer Milliarde", "eine halbe Million", "ein Drittel"
        if word in self.articles:
            am = self.re_after_article.match(text, e, hi)
            if not am:
                hm = self.re_half.match(text, e, hi)
                at, one = (hm.end(), 0.5) if hm else (e, 1.0)
                um = self.re_unit.match(text, at, hi)
                if um and um.group("u") in self.one_units and text[um.end():um.end() + 1] != "-":
                    return self._finish_number(ctx, s, s, at, one, one, None, True, lo, hi, left, figs, at)
                return e
            w2 = am.group("w")
            base = 0.5 if am.group("half") else 1.0
            if w2 in self.fraction_nouns:
                v = base / self.fraction_nouns[w2]
                figs.append(_record(s, am.end(), "ratio", v, v, "fraction", self._qual(left),
                                    self._direction(ctx, "ratio", s, am.end(), lo, hi, left), True))
                return am.end()
            if w2 == "Dutzend":
                return self._finish_word(ctx, s, am.end(), 12.0, 12.0, lo, hi, left, figs)
            # "eine halbe Million": the scale word is read from after "halbe"
            return self._finish_word(ctx, s, am.end("half") if am.group("half") else e, base, base, lo, hi,
                                     left, figs, article=True)
        # "jeder Dritte": one in n
        if lw.startswith("jede"):
            jm = self.re_jeder.match(text, s, hi)
            if jm:
                n = self.ordinals[jm.group("o").lower()]
                figs.append(_record(s, jm.end(), "ratio", 1 / n, 1 / n, "fraction", self._qual(left), None, True))
                return jm.end()
            return e
        # multiples: "verdreifacht", "halbiert", "das Doppelte"
        for stem, val in (self.multiples_up.items() if lw[:3] in ("ver", "dop") else ()):
            if lw.startswith(stem.lower()):
                if stem in ("doppelt", "Doppelte") and lw not in ("doppelt", "doppelte", "doppelten"):
                    break
                if stem == "doppelt" and not _SO.match(text[e:e + 6]):
                    break
                direction = "up" if stem.startswith("ver") else None
                figs.append(_record(s, e, "multiple", float(val), float(val), "x", self._qual(left), direction, True))
                return e
        for stem, val in (self.multiples_down.items() if lw[:3] == "hal" else ()):
            if lw.startswith(stem.lower()):
                figs.append(_record(s, e, "multiple", float(val), float(val), "x", self._qual(left), "down", True))
                return e
        if word in self.period_nouns:
            end = self._period_word(ctx, s, e, lo, hi, figs)
            return e if end is None else end
        if word in ("Doppelte", "Doppelten", "Dreifache", "Dreifachen", "Vierfache", "Vierfachen", "Zehnfache",
                    "Zehnfachen"):
            v = {"dop": 2.0, "dre": 3.0, "vie": 4.0, "zeh": 10.0}[lw[:3]]
            figs.append(_record(s, e, "multiple", v, v, "x", self._qual(left), None, True))
            return e
        dm = self.re_decade_word.fullmatch(lw)
        if dm:
            tens = parse_word(dm.group(1))
            if tens and tens >= 20 and tens % 10 == 0:
                figs.append(_record(s, e, "date", None, None, "date", self._qual(left), None, True,
                                    date=(1900 + int(tens), None, None)))
                return e
        # "die Hälfte"
        if word == "Hälfte":
            hm = self.re_half_left.search(left)
            if hm and not self.re_ordinal_left.search(left):
                figs.append(_record(s, e, "ratio", 0.5, 0.5, "fraction", self._qual(left[:hm.start()] + " "),
                                    self._direction(ctx, "ratio", s, e, lo, hi, left), True))
            return e
        # indefinite plural scale words: "Millionen Nutzer", "mehrere hundert Euro"
        if word in self.indefinite and not text[e:e + 1] == "-":
            return self._vague(ctx, s, e, float(self.indefinite[word]), lo, hi, left, figs)
        # compounds: "neuntägige", "vierjährigen", "fünfprozentige", "dreifach"
        if lw.endswith("mal") and len(lw) > 3:
            v = parse_word(lw[:-3])
            if v is not None and v > 1:
                if self.re_times_so.match(text, e, hi):       # "dreimal so hoch"
                    figs.append(_record(s, e, "multiple", v, v, "x", self._qual(left), None, True))
                else:                                         # "zweimal gesenkt"
                    figs.append(_record(s, e, "count", v, v, "mal", self._qual(left), None, True))
                return e
        for stem, noun in self.count_adj.items():
            i = lw.find(stem, 1)
            v = parse_word(lw[:i], stems=True) if i > 0 else None
            if v is not None:
                figs.append(_record(s, e, "count", v, v, noun, self._qual(left), None, True))
                return e
        for a_stem in ("prozentig", "fach", *self.dur_adj):
            i = lw.find(a_stem, 1)
            if i > 0:
                v = parse_word(lw[:i], stems=True)
                if v is None and lw[:i] in ("halb",):
                    v = 0.5
                if v is None or (a_stem == "fach" and v == 1):
                    continue   # "einfach" is "simple", not a multiple
                if a_stem == "prozentig":
                    kind, unit, f = "percent", "%", 1.0
                elif a_stem == "fach":
                    kind, unit, f = "multiple", "x", 1.0
                else:
                    kind, (unit, f) = "duration", self.dur_adj[a_stem]
                    if a_stem in ("wochen", "stunden", "tages", "monats", "jahres") and i + len(a_stem) == len(lw):
                        continue   # "Stunden" after a number word is a plain unit, read below
                figs.append(_record(s, e, kind, v * f, v * f, unit, self._qual(left), None, True))
                return e
        val = parse_word(word)
        if val is None:
            return e
        if word[0].isupper() and not _sentence_initial(text, s, lo) and text[e:e + 1] != "-":
            return e   # "Acht", "Elf" as nouns; "Fünf-Prozent-Hürde" is a figure
        # "zwei Drittel"
        fm = self.re_fraction.match(text, e, hi)
        if fm:
            v = val / self.fraction_nouns[fm.group("f")]
            figs.append(_record(s, fm.end(), "ratio", v, v, "fraction", self._qual(left),
                                self._direction(ctx, "ratio", s, fm.end(), lo, hi, left), True))
            return fm.end()
        # "mehrere hundert Euro"
        qm = self.re_quantifier_left.search(left) if lw in ("hundert", "tausend") else None
        if qm:
            qs = s - (len(left) - qm.start())
            return self._vague(ctx, qs, e, val, lo, hi, left[:qm.start()], figs)
        high = val
        r = self._of(text, s, e, val, lo, hi, left, figs)
        if r:
            figs[-1]["hard"] = True
            return r
        rm = self.re_range.match(text, e, hi)
        if rm:
            c2 = self._core(text, rm.end(), hi)
            if c2 and c2[0] > val:
                high, e = c2[0], c2[1]
        if val == 1 and lw in ("ein", "eins") and high == val:
            return e
        return self._finish_word(ctx, s, e, val, high, lo, hi, left, figs)

    def _of(self, text, start, e, value, lo, hi, left, figs) -> int | None:
        """"drei von vier Deutschen", "9 von 10 Firmen": n of m as a ratio (not "von 2,1 auf 2,5")."""
        om = self.re_of.match(text, e, hi)
        if not om or self.re_von.search(left[-12:]):
            return None
        c2 = self._core(text, om.end(), hi)
        if not c2 or not float(c2[0]).is_integer() or not 0 < value < c2[0] <= 1000:
            return None
        if self.re_scale.match(text, c2[1], hi) or self.re_unit.match(text, c2[1], hi):
            return None
        v = value / c2[0]
        figs.append(_record(start, c2[1], "ratio", v, v, "fraction", self._qual(left), None, c2[2]))
        return c2[1]

    def _qual(self, left):
        lq = self.re_qual_left.search(left[-32:])
        return self.qual_of.get(lq.group("q").lower()) if lq else None

    def _finish_word(self, ctx, s, e, low, high, lo, hi, left, figs, article=False):
        n0 = len(figs)
        end = self._finish_number(ctx, s, s, e, low, high, None, True, lo, hi, left, figs, e)
        f = figs[n0] if len(figs) > n0 else None
        if f is None:
            return end
        # a bare number word that counts nothing ("alle drei") is kept; an article alone never
        if article and f["scale"] == 1.0:
            figs.pop()
            return e
        f["hard"] = True
        if article and f["qualifier"] == "more_than":
            f["high"] = None      # "über einer Milliarde": an order of magnitude, open upwards
        return end

    def _vague(self, ctx, s, e, scale, lo, hi, left, figs):
        """A scale word with no number: at least one unit of the scale, open upwards."""
        text = ctx.text
        sm = self.re_scale.match(text, e, hi)
        if sm and self.scales[sm.group("s")] >= 1e3:
            scale, e = scale * self.scales[sm.group("s")], sm.end()
        um = self.re_unit.match(text, e, hi)
        if um and not um.group("pct") and self.units[um.group("u")][0] == "money":
            kind, unit = "money", self.units[um.group("u")][1]
            end = um.end()
        else:
            nm = self.re_noun.match(text, e, hi)
            kind, unit, end = "count", (text[nm.start("adj") if nm.group("adj") else nm.start("n"):nm.end("n")]
                                        if nm else None), e
        figs.append(_record(s, end if kind == "money" else e, kind, scale, None, unit, "more_than", None, True))
        return end

    # --- the unit of a bare number from its neighbour ------------------------------------
    def _join_ranges(self, text, figs):
        """"zwischen EUR 1,90 Mrd. und EUR 2,00 Mrd.": two figures of one unit after "zwischen" are a range."""
        out = []
        for g in figs:
            f = out[-1] if out else None
            if f is not None and f["kind"] == g["kind"] and f["unit"] == g["unit"] and f["kind"] != "date" \
                    and self.re_and.fullmatch(text, f["end"], g["start"]) \
                    and self.re_zwischen.search(text, max(0, f["start"] - 32), f["start"]) \
                    and f["high"] is not None and g["low"] is not None and g["low"] > f["low"]:
                f.update(end=g["end"], high=g["high"])
                continue
            out.append(g)
        figs[:] = out

    def _inherit_units(self, text, figs):
        """"von 2,1 auf 2,5 Mrd. Euro": a bare number takes scale and unit from the next one."""
        for i in range(len(figs) - 2, -1, -1):
            f, g = figs[i], figs[i + 1]
            if not f.get("bare") or g["kind"] in ("date", "count", "other", "ratio"):
                continue
            between = text[f["end"]:g["start"]]
            if len(between) > 40 or not self.re_conn.match(between):
                continue
            for k in ("low", "high"):
                if f[k] is not None:
                    f[k] = f[k] * g["scale"] * g["factor"]
            f.update(kind=g["kind"], unit=g["unit"], scale=g["scale"], factor=g["factor"], bare=False)


def _line_initial(text, lo, start) -> bool:
    """Is there only white space between the start of the line (or lo) and start?"""
    i = start - 1
    while i >= lo and text[i] != "\n" and text[i].isspace():
        i -= 1
    return i < lo or text[i] == "\n"


def _sentence_initial(text, s, lo) -> bool:
    i = s - 1
    while i >= lo and text[i] in " \t„\"'(":
        i -= 1
    return i < lo or text[i] in ".!?:\n–-|"


#: a sentence (or line) longer than this is cut, for a figure's context, into windows of
#: ``CONTEXT_WINDOW`` characters around the figure (a text without sentence breaks would otherwise
#: give every figure a copy of the whole text)
MAX_SENTENCE = 2000
CONTEXT_WINDOW = 600


class _Sentences:
    """The sentence strings of one text, made once and shared by the figures that stand in them.

    A sentence longer than ``MAX_SENTENCE`` gives a window instead: the ``CONTEXT_WINDOW``-sized
    block of the sentence the figure starts in, with half a block of context on either side (and
    the figure whole); windows are shared too, so memory stays proportional to the text.
    """

    def __init__(self, text):
        self.text = text
        self._cache: dict[tuple[int, int], tuple[str, int]] = {}

    def get(self, span, start, end) -> tuple[str, int]:
        """(stripped sentence or window, its offset in the text) for a figure at start:end."""
        a, b = span
        if b - a > MAX_SENTENCE:
            w = CONTEXT_WINDOW
            k0, k1 = (start - a) // w, (max(end, start + 1) - 1 - a) // w
            a, b = max(a, a + k0 * w - w // 2), min(b, a + (k1 + 1) * w + w // 2)
        hit = self._cache.get((a, b))
        if hit is None:
            raw = self.text[a:b]
            stripped = raw.strip()
            hit = self._cache[(a, b)] = (stripped, a + len(raw) - len(raw.lstrip()))
        return hit


def _valid_date(y, m, d) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def _record(start, end, kind, low, high, unit, qualifier, direction, hard, **extra) -> dict:
    r = {"start": start, "end": end, "kind": kind, "low": low, "high": high, "unit": unit,
         "date": None, "date_end": None, "qualifier": qualifier, "direction": direction, "hard": hard,
         "in_table": False, "row_header": None, "col_header": None, "scale": 1.0, "factor": 1.0, "bare": False}
    r.update(extra)
    return r


class _Context:
    """Per-text helpers: sentence spans, clauses, the year of undated day-month dates.

    Every lookup is a bisect over positions found once per text (line breaks, sentence starts
    of a line), so a text of one long line costs no more than one with many.
    """

    def __init__(self, text, published, scanner):
        self.text = text
        self.published = published
        self.sc = scanner
        self._sent: dict[int, tuple] = {}     # line start -> (line end, sentence starts)
        self._newlines: list[int] | None = None
        self._currency: dict[tuple, str | None] = {}
        self._token: tuple[int, int, bool] = (0, 0, False)    # the last token looked at: start, end, web

    def line_span(self, pos) -> tuple[int, int]:
        """(start, end) of the line around pos, without the line break."""
        if self._newlines is None:
            text, nl, i = self.text, [], self.text.find("\n")
            while i >= 0:
                nl.append(i)
                i = text.find("\n", i + 1)
            self._newlines = nl
        nl = self._newlines
        i = bisect.bisect_left(nl, pos)
        return (nl[i - 1] + 1 if i else 0), (nl[i] if i < len(nl) else len(self.text))

    def sentence_span(self, pos):
        """(start, end) of the sentence around pos; lines are split into sentences on demand."""
        text = self.text
        ls, le = self.line_span(pos)
        line = self._sent.get(ls)
        if line is None:
            line = self._sent[ls] = (le, _sentence_starts(text, self.sc.re_sentence_break, ls, le))
        le, starts = line
        i = bisect.bisect_right(starts, pos) - 1
        return starts[i], (starts[i + 1] if i + 1 < len(starts) else le)

    def clause(self, start, end, lo, hi):
        a, b = self.sentence_span(start)
        a, b = max(a, lo), min(b, hi)
        text = self.text
        ca = max(a, start - 200)         # at most 200 characters each way: a clause, not a whole long line
        for m in self.sc.re_clause_break.finditer(text, ca, start):
            ca = m.end()
        m = self.sc.re_clause_break.search(text, end, min(b, end + 200))
        cb = m.start() if m else min(b, end + 200)
        return ca, cb

    def sentence_currency(self, pos):
        """The one currency named in the sentence around pos, if exactly one is."""
        span = self.sentence_span(pos)
        if span not in self._currency:
            found = set()
            for m in self.sc.re_unit.finditer(self.text, *span):
                w = m.group("u")
                if w and self.sc.units[w][0] == "money" and self.sc.units[w][1]:
                    found.add(self.sc.units[w][1])
                    if len(found) > 1:
                        break
            self._currency[span] = found.pop() if len(found) == 1 else None
        return self._currency[span]

    def finish_dates(self, figs):
        """Turn (year, month, day) tuples into ISO strings, inferring missing years."""
        ref_year, ref = None, self.published
        if ref is not None:
            ref_year = ref.year
        else:
            years = [f["date"][0] for f in figs if f["kind"] == "date" and isinstance(f["date"], tuple)
                     and f["date"][0] and f["date"][0] <= dt.date.today().year + 1]
            years += [int(f["date"][:4]) for f in figs if f["kind"] == "date" and isinstance(f["date"], str)]
            ref_year = max(years) if years else None
        for f in figs:
            d, e = f.get("date"), f.get("date_end")
            if isinstance(d, tuple):
                f["date"] = _iso(d, ref_year, ref, self.sc.future_days)
                if isinstance(e, tuple) and e[0] is None and f["date"]:
                    e = (int(f["date"][:4]),) + e[1:]      # a range ends in the year it starts
            if isinstance(e, tuple):
                f["date_end"] = _iso(e, ref_year, ref, self.sc.future_days)


def _iso(d, ref_year, ref, future_days):
    y, m, day = d
    if y is None:
        if ref_year is None:
            return None
        y = ref_year
        if ref is not None and m and _valid_date(y, m, day or 1):
            # a day more than half a year ahead, or a month or quarter starting more than three
            # months ahead, is last year's ("im vierten Quartal" in a February report)
            if (dt.date(y, m, day or 1) - ref).days > (future_days if day else 90):
                y -= 1
    if m is None:
        return f"{y:04d}"
    if day is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{day:02d}" if _valid_date(y, m, day) else f"{y:04d}-{m:02d}"


def _sentence_starts(text, breaks, lo, hi) -> list[int]:
    """Offsets where the sentences of text[lo:hi] (one line) start."""
    return [lo] + [m.end() for m in breaks.finditer(text, lo, hi)]


@dataclass
class ScanResult:
    figures: list[dict]          # start, end, text, kind, low, high, unit, date, ..., sentence
    skipped: list[dict]          # start, end, text, reason: digits that are not figures
    problems: list[str]          # malformed table rows, in words


@functools.cache
def scanner(lang: str = "de") -> Scanner:
    """The shared, compiled scanner of a language."""
    return Scanner(lang)


def scan(text: str, published: dt.date | None = None, lang: str = "de", deadline: float | None = None) -> ScanResult:
    """Scan one text with the shared scanner of its language."""
    return scanner(lang).scan(text, published, deadline)


class ScanTimeout(RuntimeError):
    """A scan ran past its deadline (the per-file time budget)."""


# --- unicode normalised for reading numbers, offsets kept ---------------------------------------------
#: characters that only hide or split a number: removed for reading (zero-width spaces and joiners,
#: word joiner, BOM, soft hyphen)
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: typographic spaces (thin, figure, punctuation, hair) read as the narrow no-break space the
#: grammar knows as a digit-group separator; same length, so no offset moves
_SPACE_CHARS = "\u2009\u2007\u2008\u200a"
_SPACES = str.maketrans({"\u2009": "\u202f", "\u2007": "\u202f", "\u2008": "\u202f", "\u200a": "\u202f"})
_ODD = re.compile("[" + _INVISIBLE + "\u2009\u2007\u2008\u200a\u2044–]")
_INVISIBLE_RUN = re.compile("[" + _INVISIBLE + "]+")
_FRACTION = re.compile("(?<![\\d.,\u2044])(?:(?P<whole>\\d{1,6})[ \u00a0\u202f])?"
                       "(?P<num>\\d{1,3})\u2044(?P<den>\\d{1,3})(?![\\d\u2044])")
_EN_DASH_DIGIT = re.compile("–(?=\\d)")     # a literal first: the engine searches it fast


def _en_minus(text: str) -> str:
    """An en dash right before a digit, after white space or an opening bracket (or at the start),
    is a minus sign ("–5,3 Prozent"): written as U+2212, which the grammar reads as one."""
    cut = [m.start() for m in _EN_DASH_DIGIT.finditer(text)
           if m.start() == 0 or text[m.start() - 1].isspace() or text[m.start() - 1] in "(„\"/|:"]
    return replace_at(text, cut, "−")


def normalise(text: str) -> tuple[str, list[list[tuple[int, int, int, int]]]]:
    r"""The text as the grammar reads it, and the edits that changed lengths (two passes).

    Each edit is (start, end) in the pass's output and (start, end) in its input. The first pass
    removes invisible characters; then thin and figure spaces become narrow no-break spaces and
    an en dash before a digit a minus (same length: no edits), and "1⁄2" becomes "0,5", "2 1⁄2"
    "2,5".

    >>> normalise("1 000​000 Pro­zent")
    ('1 000000 Prozent', [[(5, 5, 5, 6), (12, 12, 13, 14)], []])
    >>> normalise("2 1⁄2 Jahre")
    ('2,5 Jahre', [[], [(0, 3, 0, 5)]])
    """
    if _ODD.search(text) is None:
        return text, []
    # each pass only when its characters occur: a full pass costs ~0.1-0.2 s per MB
    removed = fractions = []
    if any(ch in text for ch in _INVISIBLE):
        text, removed = _edit(text, _INVISIBLE_RUN, lambda m: "")
    if any(ch in text for ch in _SPACE_CHARS):
        text = text.translate(_SPACES)
    if "–" in text:
        text = _en_minus(text)
    if "\u2044" in text:
        text, fractions = _edit(text, _FRACTION, _fraction)
    return text, [removed, fractions]


def _fraction(m) -> str | None:
    den = int(m.group("den"))
    if not den:
        return None
    v = int(m.group("whole") or 0) + int(m.group("num")) / den
    return f"{v:.3f}".rstrip("0").rstrip(".").replace(".", ",")


def _edit(text, pattern, replace):
    """Replace the matches of ``pattern`` by ``replace(match)`` (None: keep): (new text, edits)."""
    edits: list[tuple[int, int, int, int]] = []
    out: list[str] = []
    pos = n = 0                                  # position in text, length of the output so far
    for m in pattern.finditer(text):
        repl = replace(m)
        if repl is None:
            continue
        out.append(text[pos:m.start()])
        n += m.start() - pos
        edits.append((n, n + len(repl), m.start(), m.end()))
        out.append(repl)
        n += len(repl)
        pos = m.end()
    if not edits:
        return text, edits
    out.append(text[pos:])
    return "".join(out), edits


def _offset_maps(passes):
    """Functions from offsets in the normalised text to offsets in the original: one for the start
    of a span (after removed characters), one for its end (before them)."""
    maps = [_pass_maps(e) for e in passes if e]
    if not maps:
        return int, int

    def to_start(p):
        for s, _ in reversed(maps):
            p = s(p)
        return p

    def to_end(q):
        for _, e in reversed(maps):
            q = e(q)
        return q

    return to_start, to_end


def _pass_maps(edits):
    """The (start, end) offset maps of one pass of edits."""
    nstarts = [e[0] for e in edits]
    nends = [e[1] for e in edits]

    def to_start(p):
        i = bisect.bisect_right(nends, p) - 1          # the last edit that ends at or before p
        if i >= 0 and edits[i][0] < p < edits[i][1]:
            i -= 1
        if i + 1 < len(edits) and edits[i + 1][0] <= p < edits[i + 1][1]:
            return edits[i + 1][2]                      # p is inside a replacement: its start
        return p if i < 0 else p - edits[i][1] + edits[i][3]

    def to_end(q):
        i = bisect.bisect_left(nstarts, q) - 1         # the last edit that starts before q
        if i < 0:
            return q
        ns, ne, os_, oe = edits[i]
        if q <= ne:
            return oe if q == ne else os_ + (q - ns)
        return q - ne + oe

    return to_start, to_end

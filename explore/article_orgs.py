"""The organisations of one article: every name it gives, in article offsets, and the organisation it is about.

``ArticleOrgs`` collects the names of the sentences a figure stands in (``explore.owner.find_orgs`` and
``proper_nouns``), the title's and the lead's, resolves short forms and later mentions to one entity, drops
what only looks like a name (products, places, people), and knows the article's main organisation: the one a
reference ("der Konzern", "das Unternehmen") falls back to. ``explore.owner.owner`` reads a figure's owner
from it.

>>> orgs = ArticleOrgs.from_text("Die Deutsche Telekom hat mehr verdient. Telekom-Aktien stiegen um 2 Prozent.")
>>> orgs.main().name
'Deutsche Telekom'
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import replace

from .unwrap import unwrap
from .owner import (Org, Owner, _ANALYST_OF, _BELONGS, _CLAUSE, _COMPARISON, _COMPETITORS, _COORDINATED, _EXAMPLES,
                    _FOR_BEFORE, _GENITIVE_HEAD, _GENITIVE_IN_PHRASE, _HEADING_COLON, _HEAD_BEFORE, _NAME_GOES_ON,
                    _NON_SPACE, _PARENT_OF_SUBSIDIARY, _POLLED_BY, _RATES_IN_RELATIVE, _PREPOSITION_BEFORE, _RATING, _RATING_NEAR, _RATING_VERB_BEFORE,
                    _RELATIVE_CLAUSE, _SENTENCE_OR_CLAUSE_BREAK, _SOLD_WITH, _SOLE_EXAMPLE, _SUBSIDIARY_AFTER, _SUBSIDIARY_BEFORE,
                    _SUBSIDIARY_OF, _in_cause, _named_subsidiary,
                    _TARGET_FOR, _after_verb_or_list, _at_exchange, _common, _common_noun, _fine_authorities, is_plain_word,
                    _not_an_org, _resolve, find_orgs, grammar, proper_nouns, sentences, tag_word, vocab)


# a business noun as a clause's subject, right before a name: "Der Medienkonzern", "der Berliner Versandhändler"
# (masculine "der" not after a preposition, or a capitalised article that opens the sentence)
_SUBJECT_HEAD_BEFORE = re.compile(r"(?:(?<![\wäöüß])(?<!von )(?<!bei )(?<!mit )(?<!zu )(?<!aus )(?<!nach )(?<!an )(?<!in )"
                                  r"(?<!auf )(?<!für )(?<!über )(?<!vor )(?<!unter )der|(?:^|(?<=[.!?:] ))(?:Der|Die|Das))"
                                  r"\s+(?:[A-ZÄÖÜ][\wäöüß-]*er\s+|[a-zäöüß-]+\s+)?(?P<h>[A-ZÄÖÜ][\wäöüß-]*)\s$")


def _segment_form(name: str) -> bool:
    """A segment's name of generic words ("Vehicle Systems", "Custom Solutions"), not a company's ("BASF Agricultural
    Solutions" begins with a listed name)."""
    from .orgs import recognizer
    from .owner import name_continuations
    words = name.split()
    return len(words) >= 2 and words[-1] in name_continuations() and words[0] not in recognizer().gazetteer


# who invests: the noun before the name ("vom US-Finanzinvestor Eldridge", "die Bestandsinvestoren Accel und
# Lakestar"), the words that lead a round to it ("Angeführt wird die Runde vom", "Käufer sind unter anderem die
# US-Investoren"), or the verb after it ("der Chipkonzern Nvidia beteiligen sich", "Saab zogen mit")
_INVESTOR_HEAD = re.compile(r"(?i)(?:investor|investoren|geldgeber|kapitalgeber|staatsfonds|risikokapitalfonds|"
                            r"wagniskapitalfonds)\s+(?:[A-ZÄÖÜ][\w&.-]*\s+(?:und|sowie)\s+)?$")
_ROUND_BEFORE = re.compile(r"(?i)(?:angeführt\s+(?:wird|wurde)\s+(?:die\s+(?:runde|finanzierung)\s+)?|angeführt\s+)vo[mn]\s+"
                           r"[^.;:]{0,60}$|(?:käufer|geldgeber|investoren)\s+(?:sind|waren)\s+[^.;:]{0,60}$")
_JOINS_ROUND = re.compile(r"(?:\s+(?:und|sowie)(?:\s+[\wäöüß&.-]+){1,5}?)?\s+(?:(?:beteiligen|beteiligt|beteiligte|beteiligten)"
                          r"\s+sich(?![^.;]{0,40}\b(?:an|mit)\s+\d)|(?:zogen|zog|ziehen|zieht)\s+mit\b)")


# ------------------------------------------------------------------ the organisations of one article
@functools.cache
def _listed() -> frozenset[str]:
    """The canonical names of the company list (``companies.csv``)."""
    from .orgs import recognizer
    return frozenset(name for name, _ in recognizer().gazetteer.values())


class ArticleOrgs:
    """The organisations an article names, in article offsets, and its main organisation.

    Built from the full text (``from_text``), or from the sentences the figures stand in and the
    title when only the figures are at hand (``from_sentences``).
    """

    def __init__(self, orgs: list[Org], title_orgs: list[Org], lead_end: int, text: str = "",
                 spans: list[tuple[int, str]] = (), spellings: tuple[str, ...] = ()):
        self.text = text
        orgs, title_orgs = ([o for o in found if not (o.source != "gazetteer" and _not_an_org(o.text, weak=o.weak)
                                                      and not (text and o.start >= 0 and _NAMED_BY_KIN.search(
                                                          text, max(0, o.start - 30), o.start))
                                                      and not (text and _plain_name_after_head(o, text))
                                                      or text and _noun_after_article(o, text))]
                            for found in (orgs, title_orgs))
        # a company's segment by its name, wherever the text calls it one ("Größte Sparte bleibt Automotive",
        # "in der Division Flow Equipment"): none of its mentions is an organisation
        segments = {o.text for o in orgs if o.source != "gazetteer" and text and o.start >= 0
                    and (_SEGMENT_BEFORE.search(text, max(0, o.start - 30), o.start)
                         or _SEGMENT_COMPOUND_BEFORE.search(text, max(0, o.start - 12), o.start) and _segment_form(o.text))}
        if text:                            # "mit Sitz in Korneuburg": a seat, no organisation; nor the name of a
            orgs = [o for o in orgs if o.source == "gazetteer" or o.start < 0    # programme ("Strategie «GF 2030»")
                    or not _SEAT_BEFORE.search(text, max(0, o.start - 20), o.start)
                    and not _PROGRAMME_BEFORE.search(text, max(0, o.start - 60), o.start)]
        if segments:
            orgs, title_orgs = ([o for o in found if o.source == "gazetteer" or o.text not in segments]
                                for found in (orgs, title_orgs))
        orgs = _not_products(orgs, spans)
        if text:                            # "Bei WACKER SILICONES ging der Umsatz": a division in capitals after
            firsts = {o.name.split()[0].upper() for o in orgs + title_orgs if o.source == "gazetteer"}   # the
            orgs = [o for o in orgs if not _division_in_capitals(o, text, firsts)]               # company's word
        if text:                            # "BERLIN (WPK) - ": a dateline's place and agency own no figure
            from .dateline import dateline_spans
            lines = dateline_spans(text)
            orgs = [o for o in orgs if not any(a <= o.start and o.end <= b for a, b in lines)]
        self.orgs = _canonical(sorted(orgs, key=lambda o: (o.start, -o.end)), title_orgs, spellings, text)
        self.title_orgs = title_orgs
        self.lead_end = lead_end
        self._main = None
        self._starts = None
        self.speakers = self._speakers(spans)
        self.subjects = self._subjects(spans)
        self.governed = self._governed(spans)
        self.taken = {(o.start, o.end) for o, a, sent in self._in_sentences(spans) if self._taken_up(o, a, sent)}
        self.speakers -= self.taken         # "Anbieter wie das Fintech Paylo. Das Unternehmen ...": no comparison's
        self.examples = self._examples(spans)
        # investors of a funding round or buyers of shares ("Angeführt wird die Runde vom Wagniskapitalgeber X",
        # "auch der Chipkonzern Nvidia beteiligt sich", "vom US-Finanzinvestor Eldridge"): no referent of "das
        # Unternehmen", only of "der Investor"
        self.investors = {(o.start, o.end) for o, a, sent in self._in_sentences(spans)
                          if _INVESTOR_HEAD.search(sent, max(0, o.start - a - 40), o.start - a)
                          or _ROUND_BEFORE.search(sent, max(0, o.start - a - 90), o.start - a)
                          or _JOINS_ROUND.match(sent, o.end - a)}
        self.subsidiaries = self._subsidiaries(spans)
        # a subsidiary that is a listed company of its own, as a sentence's subject, acts for itself ("Hannover Rück
        # steigerte den Gewinn ..."); not a country's unit or a division ("MediaMarktSaturn Deutschland")
        self.acting = self._subjects(spans, lambda o: o.name in self.subsidiaries and o.source == "gazetteer"
                                     and o.name in _listed(), main=True)
        self.reporters = {(o.start, o.end) for o, a, sent in self._in_sentences(spans)
                          if any(m.start("who") <= o.start - a < m.end() for m in _REPORTING.finditer(sent))}
        self.descriptions: dict[str, set[str]] = {}     # "der Chemiekonzern Lanxess": what the text calls a name
        self.described: set[tuple[int, int]] = set()     # (the spans so named)
        for o, a, sent in self._in_sentences(spans):
            m = _HEAD_BEFORE.search(sent, max(0, o.start - a - 40), o.start - a)
            if m and grammar().is_head(m.group(1)):
                self.descriptions.setdefault(o.name, set()).add(m.group(1))
                seat = _SEATED_IN.search(sent, max(0, m.start() - 60), m.start())
                if seat:                    # "Der ebenfalls in Düsseldorf ansässige Großhändler Metro": its town
                    self.descriptions[o.name] |= {seat.group("t"), seat.group("t") + "er"}
                if _ARTICLE_THEN_HEAD.search(sent, max(0, m.start() - 40), m.end()):
                    self.described.add((o.start, o.end))      # (not "weil viele Unternehmen Angriffe ...")

    def sources(self) -> set[tuple[int, int]]:
        """Spans of names that are only sources of what their sentence says ("laut Reuters",
        "nach Angaben von X"), not the company that reports its own figures ("wie Fraport mitteilte")."""
        return self.speakers - self.reporters

    def _in_sentences(self, spans):
        """Each organisation with the sentence it stands in: (org, sentence offset, sentence)."""
        spans = sorted(spans)
        j = 0
        for o in self.orgs:
            while j + 1 < len(spans) and spans[j + 1][0] <= o.start:
                j += 1
            if spans and spans[j][0] <= o.start and o.end - spans[j][0] <= len(spans[j][1]):
                yield o, spans[j][0], spans[j][1]

    def _subsidiaries(self, spans) -> set[str]:
        """Names of the company's subsidiaries and brands ("die Kliniktochter Helios", "seine beiden
        Töchter Fresenius Kabi und Helios", "die DEG, ebenfalls eine Tochter,"), unless a subsidiary is what the article is about (its main
        organisation); not "Die Tochter Rheinmetall Waffe Munition": a longer name than the parent's."""
        main = self.main()
        out, prev = set(), None
        for o, a, sent in self._in_sentences(spans):
            if (_SUBSIDIARY_BEFORE.search(sent, max(0, o.start - a - 60), o.start - a)
                    or _SUBSIDIARY_AFTER.match(sent, o.end - a)
                    or prev is not None and prev.name in out and prev.end <= o.start
                    and _COORDINATED.fullmatch(self.text[prev.end:o.start] if self.text else "")) \
                    and not _NAME_GOES_ON.match(sent, o.end - a) and (main is None or o.name != main.name):
                out.add(o.name)
            prev = o
        return out

    def _subjects(self, spans, which=lambda o: o.weak, main: bool = False) -> set[tuple[int, int]]:
        """Spans of names by form alone (HanTa; ``which``: the names looked at) that stand where a subject
        stands (``main``: the subject of the sentence's first clause; not "..., wo About You seinen Sitz hat", nor the
        possessor "Die Erträge der mBank")."""
        g = grammar()
        out = set()
        for o, a, sent in self._in_sentences(spans):
            if not which(o):
                continue
            cs = 0
            for m in _CLAUSE.finditer(sent, 0, o.start - a):
                cs = m.end()
            if main and cs > 0:
                continue
            r, initial = g.place(sent, o.start - a, o.end - a, cs)
            if r == 0 and not main or (r == 1 and (initial or _after_verb_or_list(sent, cs, o.start - a))):
                out.add((o.start, o.end))
        return out

    def _governed(self, spans) -> set[tuple[int, int]]:
        """Spans of names governed by a preposition ("der Preiskampf mit JD.com und Alibaba") or in an apposition's
        genitive (", eine Tochter der Stadtwerke Köln,"):
        what an implicit figure of the next sentence ("Der Umsatz wuchs ...") does not mean if a name
        in a freer place is near."""
        g = grammar()
        out, prev = set(), None
        for o, a, sent in self._in_sentences(spans):
            before = sent[max(0, o.start - a - 70):o.start - a]
            if (_PREPOSITION_BEFORE.search(before) or _GENITIVE_IN_PHRASE.search(before)
                or _GENITIVE_IN_APPOSITION.search(before)) \
                    and not _TARGET_FOR.search(before) \
                    or prev is not None and (prev.start, prev.end) in out \
                    and prev.end <= o.start and _COORDINATED.fullmatch(self.text[prev.end:o.start] if self.text else ""):
                out.add((o.start, o.end))            # and the names coordinated with it ("... und Alibaba")
            prev = o
        return out

    def _examples(self, spans) -> set[tuple[int, int]]:
        """Spans of names given as examples, compared with or named as a subsidiary ("Konkurrenten wie
        IBM", "besser als Oracle", "die Tochtergesellschaft X", "Auch Konkurrenten litten: X ..."), what a
        company sells ("der Umsatz mit dem Mittel X"), or in a paragraph of comparisons
        ("Zum Vergleich: Die Aktie der früheren Mutter Siemens notiert ..."), or a part of something in a
        relative clause ("..., zu dem der polnische Versicherer Warta gehört, ..."), and an exchange as the place
        of trading ("An der Londoner Börse sprangen die Aktien ...")."""
        out = set()
        for o, a, sent in self._in_sentences(spans):
            para = self.text.rfind("\n\n", 0, o.start) + 2 if self.text else a
            if (o.start, o.end) in self.taken:
                continue
            if _EXAMPLES.search(sent, max(0, o.start - a - 120), o.start - a) \
                    or _COMPETITORS.search(sent, max(0, o.start - a - 250), o.start - a) \
                    or _COMPARISON.match(self.text[para:para + 40] if self.text else sent) \
                    or _at_exchange(o.name, sent, o.start - a) \
                    or _in_cause(sent, o.start - a) or _SOLD_WITH.search(sent, max(0, o.start - a - 60), o.start - a) \
                    or _SUBSIDIARY_OF.search(sent, max(0, o.start - a - 60), o.start - a) \
                    and _named_subsidiary(self.orgs + self.title_orgs, o.name) is not None \
                    or any(m.start() < o.start - a < m.end() and _BELONGS.search(m.group())
                           for m in _RELATIVE_CLAUSE.finditer(sent, max(0, o.start - a - 120), o.start - a + 120)):
                out.add((o.start, o.end))
        return out

    def _taken_up(self, o: Org, a: int, sent: str) -> bool:
        """Is a name the only one of its sentence besides speakers, given as an example or after a business
        noun, that the next sentence (or a clause of the one after it) takes up with a reference ("Profiteure
        sind Anbieter wie das Berliner Fintech Paylo. Das Unternehmen hat ...", "..., zeigt der
        Kunststoffverarbeiter Fenger aus Lüdenscheid. Das Familienunternehmen hat ...")? Then it is what the
        text is about from there, even found by its form alone (not one of several: "Konkurrenten wie IBM und
        Oracle"; not a rival: "Konkurrenten wie IBM. Der Konzern ...")."""
        if not self.text or sum((x.start, x.end) not in self.speakers for x in self._starting_in(a, a + len(sent))
                                if x.end <= a + len(sent)) > 1:
            return False                    # (a speaker besides: "..., wie Vorstandschef Tobias Helmrath sagte")
        rivals = tuple(vocab()["owner"]["rival_nouns"])
        m = _SOLE_EXAMPLE.search(sent, max(0, o.start - a - 80), o.start - a)
        head = _HEAD_BEFORE.search(sent, max(0, o.start - a - 40), o.start - a)
        if not (m is not None and not m.group(1).lower().startswith(rivals) or head is not None
                and grammar().is_apposition_head(head.group(1)) and not head.group(1).lower().startswith(rivals)
                and not _SUBSIDIARY_BEFORE.search(sent, max(0, o.start - a - 40), o.start - a)):
            return False
        nxt = _NON_SPACE.search(self.text, a + len(sent))
        r = grammar().re_reference.match(self.text, nxt.start()) if nxt else None
        if r is not None and grammar().is_head(r.group("h")):
            return True
        # or a clause of the sentence after next, with only speakers named between ("Die Bearbeitungszeit sei
        # ... gesunken, sagte Vorstand X. Stellen seien nicht abgebaut worden; das Unternehmen habe ...")
        end = a + len(sent)
        par = self.text.find("\n\n", end)
        window = self.text[end:min(par if par != -1 else len(self.text), end + 500)]
        passed = 0                          # sentence ends passed: the reference within the sentence after next
        for m in _SENTENCE_OR_CLAUSE_BREAK.finditer(window):
            passed += m.group()[0] != ";"
            if passed > 1 or any((x.start, x.end) not in self.speakers for x in self._starting_in(end, end + m.end())):
                break
            r = grammar().re_reference.match(window, m.end())
            if r is not None and grammar().is_head(r.group("h")):
                return True
        return False

    def _speakers(self, spans) -> set[tuple[int, int]]:
        """Spans of names that are agents, sources or speakers in their sentence ("laut X"), a person's
        party or employer in parentheses ("Innenminister Holger Stahlknecht (CDU)"), and a bank that
        sets a rating ("Die US-Bank JPMorgan hob das Kursziel ... an") or is its analyst ("nach einer
        Kaufempfehlung der Erste Group")."""
        g = grammar()
        ends = {o.end for o in self.orgs}
        return {(o.start, o.end) for o, a, sent in self._in_sentences(spans)
                if g.role(sent, o.start - a, o.end - a, 0) is None or _affiliation(sent, o.start - a, o.end - a, ends, a)
                or (_RATING.match(sent, o.end - a, o.end - a + 60) or _RATING_NEAR.match(sent, o.end - a))
                and not _FOR_BEFORE.search(sent, 0, o.start - a)
                and not _RATING_VERB_BEFORE.search(sent, max(0, o.start - a - 30), o.start - a)
                or _ANALYST_OF.search(sent, max(0, o.start - a - 40), o.start - a)
                or _POLLED_BY.match(sent, o.end - a) or _RATES_IN_RELATIVE.match(sent, o.end - a)}

    @classmethod
    def from_text(cls, text: str, title: str | None = None, models: bool = True,
                  gazetteer: tuple[str, ...] = ()) -> ArticleOrgs:
        """``models``: also take the proper nouns HanTa knows ("Vonovia") as organisations."""
        text = unwrap(text)           # a hard-wrapped article read as its paragraphs
        spans = sentences(text)
        lead_end = spans[1][1] if len(spans) > 1 else (spans[0][1] if spans else 0)
        orgs = find_orgs(text, article=True, gazetteer=gazetteer)
        if models:
            orgs += [p for a, b in spans for p in proper_nouns(text[a:b], a, orgs)]
        return cls(orgs, _title_orgs(title, models, gazetteer), lead_end, text,
                   [(a, text[a:b]) for a, b in spans])

    @classmethod
    def from_sentences(cls, spans: list[tuple[int, str]], title: str | None = None,
                       models: bool = True, gazetteer: tuple[str, ...] = (),
                       context: list[tuple[int, str]] = (), text: str = "") -> ArticleOrgs:
        """The same from the sentences at hand: (article offset, sentence text) pairs. ``context``:
        sentences around them (what a reference points back to, the lead) read for listed names
        only: the model and the patterns there find too many names nobody's figure belongs to
        (news agencies, photo credits, programmes; measured on the SmartData key). ``text``: the
        article, for how it spells a name it also writes in capitals ("SAF-HOLLAND")."""
        orgs: list[Org] = []
        g = grammar()

        def named_by_noun(o, sentence, start) -> bool:    # "Der Online-Zahlungsabwickler Wirecard": a name
            prev = _HEAD_BEFORE.search(sentence, max(0, o.start - start - 40), o.start - start)
            return prev is not None and g.is_apposition_head(prev.group(1))

        def strong(p, sentence, start):     # "der Börsengang des Arzneimittelherstellers Stada": the company
            m = _GENITIVE_HEAD.search(sentence, max(0, p.start - start - 50), p.start - start)   # of a noun, a
            if m and g.is_apposition_head(m.group(1)) and not _common(p.text):              # referent (not
                return replace(p, weak=False)                # "legte der MDax-Konzern Eckdaten vor": a common noun)
            m = _SUBJECT_HEAD_BEFORE.search(sentence, max(0, p.start - start - 60), p.start - start)
            if m and g.is_apposition_head(m.group("h")) \
                    and not _common(p.text) and tag_word(p.text.split(" ", 1)[0])[0][0] != "NN" and not p.text.isupper():
                return replace(p, weak=False)    # so is a subject's: "der Medienkonzern Axel Springer" (not "nannte
            return p                             # das Unternehmen Preissenkungen", "übernimmt das Biotechunternehmen X")
        corporate = set(vocab()["owner"]["name_continuations"])     # "Palo Alto Networks": a company's name
        for start, sentence in sorted(spans):
            found = find_orgs(sentence, start, gazetteer=gazetteer)
            orgs += found + ([strong(p, sentence, start) for p in proper_nouns(sentence, start, found)] if models else [])
        spellings = []                      # how the context writes names: "KION Group" for "KION GROUP"
        from .orgs import recognizer
        legal = recognizer(tuple(gazetteer)).legal_form
        public = recognizer(tuple(gazetteer)).public_prefixes
        from .orgs import _REGIONAL_NAME as regional, camel_name
        for start, sentence in sorted(context):
            found = find_orgs(sentence, start, gazetteer=gazetteer)

            # listed names, names with a legal form ("Die Krones AG ..."), possessors of a share or a
            # company figure ("die Anteile der CKW", "der Umsatz von X"): what a later "Aktien" means;
            # recognised names in apposition; public bodies ("Die Hansestadt Wismar will ...")
            orgs += [o for o in found if o.source == "gazetteer" or legal(o.text)
                     or g.place(sentence, o.start - start, o.end - start, 0)[0] == 0
                     or not o.weak and _context_subject(o, sentence, start)
                     or not o.weak and named_by_noun(o, sentence, start) or o.name.split(" ", 1)[0] in public
                     or not o.weak and g.is_central_bank(o.name)      # "Die Schweizerische Nationalbank hat ..."
                     or regional.fullmatch(o.text)]      # "die Leipziger Messe", "die Zuger Kantonalbank"
            spellings += [o.name for o in found]
            if models:                      # and a name HanTa knows, in apposition
                for p in proper_nouns(sentence, start, found):      # names in apposition (not "Rückversicherung:
                    if named_by_noun(p, sentence, start):           # Großschäden"), names of a corporate word
                        orgs.append(strong(p, sentence, start))
                    elif " " in p.text and p.text.rsplit(" ", 1)[1] in corporate or camel_name(p.text):
                        orgs.append(replace(p, weak=False))         # ("bei PostFinance": a name by its form)
        from .orgs import keep_legal_forms
        # a name recognised once, in the figures' sentences or the context, is a name where it is written again
        orgs = keep_legal_forms(_first_word_mentions(_mentions_again(orgs, spans), spans))    # "Porsche AG" and "Porsche SE"
        first = sorted(spans)[:2]
        lead_end = (first[-1][0] + len(first[-1][1])) if first else 0
        return cls(orgs, _title_orgs(title, models, gazetteer), lead_end, text,
                   spans=sorted(set(spans) | set(context)), spellings=tuple(spellings))

    def _count_in(self, a: int, b: int) -> int:
        """How many names start in [a, b) (the names are sorted by start)."""
        i, j = self._start_range(a, b)
        return j - i

    def _start_range(self, a: int, b: int) -> tuple[int, int]:
        """The indices of ``self.orgs`` whose names start in [a, b), found by bisection."""
        if self._starts is None:
            self._starts = [o.start for o in self.orgs]
        return bisect.bisect_left(self._starts, a), bisect.bisect_left(self._starts, b)

    def _starting_in(self, a: int, b: int) -> list[Org]:
        """The names that start in [a, b), without a scan of the whole article's names."""
        i, j = self._start_range(a, b)
        return self.orgs[i:j]

    def in_span(self, a: int, b: int) -> list[Org]:
        return [o for o in self.orgs if a <= o.start and o.end <= b]

    def heading(self, at: int) -> Org | None:
        """The organisation a digest paragraph is headed by ("HENSOLDT: Der Rüstungselektronik-Spezialist
        ... Die Aktie legte ... zu"): a name that opens the paragraph of ``at`` followed by a colon."""
        if not self.text:
            return None
        para = self.text.rfind("\n", 0, at) + 1
        for o in self.orgs:
            if o.start >= para:
                gap = self.text[para:o.start]
                ok = (not gap.strip(" -–•*") and _HEADING_COLON.match(self.text, o.end) and o.end < at
                      and o.type not in ("index", "currency"))
                return o if ok else None
        return None

    def topics(self, before: int, shares: bool = False, subsidiaries: bool = False,
               described: bool = False, investors: bool = False, acting: bool = False) -> list[Org]:
        """Organisations named before an offset that the text is about (no speakers, no sources, no
        examples, and no subsidiary of the company unless ``shares``: "Die Holzbearbeitungstochter Homag ...
        Homag werde ... abbauen, die Kosten veranschlagt der Konzern ...": the Konzern is the parent; but
        a listed subsidiary's shares are its own, and ``subsidiaries`` keeps them for a reference by trade:
        "der Sportwagentochter Porsche AG ... des Sportwagenbauers"). ``described``: a name by its form alone
        counts where the text gave it a trade ("für den Personalsoftware-Anbieter Personio"), for a reference
        that names a kind ("der Münchner"), not for a figure without one. ``acting``: a subsidiary where it
        is a sentence's subject counts ("Hannover Rück steigerte den Gewinn ... Der Umsatz wuchs": its own)."""
        g = grammar()
        return [o for o in self.orgs if o.end <= before and (o.start, o.end) not in self.speakers
                and (investors or (o.start, o.end) not in self.investors)
                and (o.start, o.end) not in self.examples and (shares or subsidiaries or o.name not in self.subsidiaries
                                                           or acting and (o.start, o.end) in self.acting)
                and not o.name.lower().endswith(g.authorities) and o.name.lower() not in _fine_authorities()
                and not g.is_central_bank(o.name) and (not o.weak or (o.start, o.end) in self.subjects
                                                       or (o.start, o.end) in self.taken
                                                       or described and (o.start, o.end) in self.described)
                and o.text not in g.not_owners and o.name not in g.not_owners and o.type != "currency"]

    def main(self) -> Org | None:
        """The article's main organisation: named in the title and lead, and most often in the text
        (title x3, lead x2, elsewhere x1; a name by form alone counts half; ties: a recognised name,
        then the first named)."""
        if self._main is None:
            g = grammar()
            cands = [o for o in self.title_orgs + self.orgs if o.type not in ("index", "currency")
                     and (o.start, o.end) not in self.speakers and (o.start, o.end) not in self.examples
                     and not (o.weak and (o.start, o.end) in self.governed)     # "In Bremen drosselte ..."
                     and (o.start, o.end) not in self.taken           # an example taken up: a topic for a while
                     and o.text not in g.not_owners
                     and o.name not in g.not_owners]
            # a short name counts for the one name that only adds a group word to it ("VAT" in the title, "VAT
            # Group" in the text; not "TUI Cruises", "Borussia Dortmund Geschäftsführungs-GmbH": others)
            from .orgs import recognizer
            group = {f.lower() for f in recognizer().legal_forms}
            names = {o.name for o in cands}
            longer = {n: [m for m in names if set(n.lower().split()) < set(m.lower().split())
                          and set(m.lower().split()) - set(n.lower().split()) <= group] for n in names}
            full = {n: (ms[0] if len(ms) == 1 else n) for n, ms in longer.items()}
            score: dict[str, float] = {}
            first: dict[str, int] = {}
            for n, o in enumerate(cands):
                w = 3 if o.start < 0 else 2 if o.start < self.lead_end else 1
                score[full[o.name]] = score.get(full[o.name], 0) + w
                first.setdefault(full[o.name], n)
            strong = {full[o.name] for o in cands if not o.weak}
            named = [n for n in score if score[n] >= 2 or n in strong]
            if not named:
                self._main = False
            else:
                best = max(named, key=lambda n: (score[n] * (1 if n in strong else 0.5), n in strong, -first[n]))
                self._main = next(o for o in cands if o.name == best)
        return self._main or None


# an article (with adjectives) before a trade noun right before a name: "für den Personalsoftware-Anbieter Personio"
_ARTICLE_THEN_HEAD = re.compile(r"(?i)(?<![\wäöüß])(?:der|die|das|des|dem|den|beim|vom|zum|zur|im)\s+"
                                r"(?:[a-zäöüß][\wäöüß-]*\s+){0,2}[A-ZÄÖÜ][\wäöüß-]*\s$")
# a company's segment by its name: "Größte Sparte bleibt Automotive", "im Segment Industrial Power Control"
_SEGMENT_BEFORE = re.compile(r"(?<![\wäöüß-])(?:Sparte|Segment|Division|Geschäftssegment|Bereich|Geschäftsbereich|"
                             r"Unternehmensbereich|Geschäftsfeld)(?:e|s)?(?:\s+[a-zäöüß]+)?(?:\s+|,\s+)$")
_SEGMENT_COMPOUND_BEFORE = re.compile(r"(?<=[a-zäöüß])(?:sparte|segment)\s+$")
# (and in apposition: "Der größere der beiden Geschäftsbereiche, Custom Solutions, steigerte ..."); after a compound
# ("In der Fahrzeugsparte Vehicle Systems") only a name of a segment's form, not a company's ("Die Agrarsparte BASF
# Agricultural Solutions", "die frühere Conti-Sparte Aumovio")
# a programme's or strategy's name in quotes: "im Rahmen der Strategie «GF 2030»", "Sparprogramm \"Fit for Growth\""
_PROGRAMME_BEFORE = re.compile(r"(?i:strategie|programm|initiative|kampagne|projekt|plan)[se]?\s+[«»\"„“‚‘']"
                               r"(?:[\w&.+-]+\s+){0,3}$")
_SEAT_BEFORE = re.compile(r"(?<![\wäöüß])(?:[Ss]itz|[Hh]auptsitz|[Ff]irmensitz|[Ss]tammsitz)\s+(?:in|im)\s+$")
# a subsidiary's or rival's noun before a word that would otherwise refer: "die russische Tochter Raiffeisenbank"
_CAPS_WORD_BEFORE = re.compile(r"(?<![\w-])([A-ZÄÖÜ]{2,}) $")


def _division_in_capitals(o: Org, text: str, firsts: set[str]) -> bool:
    """A name in capitals that a listed company's first word, in capitals too, begins or stands right before
    ("WACKER SILICONES", "WACKER POLYMERS" in a release of Wacker Chemie): the company's division, no organisation."""
    if o.source == "gazetteer" or o.start < 0 or not o.text.isupper() or not firsts:
        return False
    from .orgs import lexicon, recognizer
    if o.text in recognizer().caps or any("T" in lexicon().classes(w.capitalize()) for w in o.text.split()):
        return False                    # a listed name or a company with its town ("ZF FRIEDRICHSHAFEN"), no division
    before = _CAPS_WORD_BEFORE.search(text, max(0, o.start - 30), o.start)
    return bool(before and before.group(1) in firsts) or " " in o.text and o.text.split()[0] in firsts


# a genitive in an apposition after a comma: "Die Kölner RheinEnergie, eine Tochter der Stadtwerke Köln GmbH, steigerte
# ihren Umsatz" (the parent is no antecedent of "ihren Umsatz")
_GENITIVE_IN_APPOSITION = re.compile(r",\s+(?:eine|ein|die|der|das)\s+(?:[a-zäöüß]+[ernms]\s+)?[A-ZÄÖÜ][\wäöüß-]*\s+"
                                     r"(?:der|des|von)\s+(?:[a-zäöüß]+[ernms]\s+)?$")
# a definite article, maybe with an adjective, right before a word: "die Tonnage", "das Porto", "der freie ..."
_DEFINITE_BEFORE = re.compile(r"(?:^|[\s(])(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]em|[Dd]en|[Dd]es)\s+(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)?$")


def _noun_after_article(o: Org, text: str) -> bool:
    """A single word found by its form alone after a definite article that the word list has as a
    common noun, the tagger knows as one or a measure's vocabulary has ("weil das Porto angehoben worden
    war", "stieg die Tonnage"): a noun, no organisation (a company so written is in the company list: "die Allianz")."""
    if not (o.weak and o.source == "pattern" and o.start >= 0 and " " not in o.text
            and _DEFINITE_BEFORE.search(text, max(0, o.start - 30), o.start)):
        return False
    from .orgs import _known_noun, lexicon
    from .change_owners import _rules
    return "N" in lexicon().classes(o.text) or _known_noun(o.text) \
        or any(rx.fullmatch(o.text) for _, rx in _rules()["measures"])   # "die Tonnage": a measure's noun (not
    #                                                 "die Rheinenergie": a compound HanTa does not know may be a name)


def _plain_name_after_head(o: Org, text: str) -> bool:
    """A name that is also a plain word, right after the business noun whose subject it names ("Der
    Intralogistik-Anbieter Knapp", marked strong by the subject rule): capitalised there, it is no adverb."""
    if o.weak or o.start <= 0 or " " in o.text or not is_plain_word(o.text):
        return False
    m = _HEAD_BEFORE.search(text, max(0, o.start - 40), o.start)
    return m is not None and grammar().is_apposition_head(m.group(1))


_NAMED_BY_KIN = re.compile(r"(?<![\wäöüß-])(?:(?:[Tt]ochter|[Tt]ochtergesellschaft|[Ss]chwester|[Kk]onkurrent(?:en)?|"
                           r"[Rr]ivale[n]?)|(?:Aktien|Papiere|Titel|Anteile|Anteilsscheine|Aktie)\s+von)\s+$")
# (and after a share noun with "von" and no article: "die Papiere von Basler" is a company's, no town's people)
# a name after a product noun is a product, not its maker ("der Messaging-App WeChat", "auf den
# Handelsplattformen Taobao und Tmall", "Marken wie Persil und Pril"); after a segment noun a part of the
# company the text is about ("das Segment Industrial Sensing", "im Klebstoffgeschäft (Adhesive
# Technologies)"), no organisation of its own
# a seat told before a company's noun: "der in Düsseldorf ansässige Großhändler", "das in Jena beheimatete Unternehmen"
_SEATED_IN = re.compile(r"(?<![\wäöüß])(?:in|aus)\s+(?P<t>[A-ZÄÖÜ][\wäöüß-]+)\s+(?:ansässige|beheimatete|ansässigen|"
                        r"beheimateten)\s+(?:[a-zäöüß]+\s+)?$")
# a name after a possessive and its noun: a part of the company the possessive stands for ("seines Robotaxi-Dienstes
# Apollo Go", "ihrer Streaming-Plattform X"), not a subsidiary it names as a company ("seine Tochter X": a company)
_OWN_PART_BEFORE = re.compile(r"(?<![\wäöüß])(?:sein|seine|seines|seinem|seinen|seiner|ihr|ihre|ihres|ihrem|ihren|ihrer)\s+"
                              r"(?:[a-zäöüß]+\s+)?(?![\wäöüß-]*(?:[Tt]ochter|[Tt]öchter|[Bb]eteiligung|[Ss]chwester))"
                              r"[A-ZÄÖÜ][\wäöüß-]*(?i:dienst|dienstes|marke|plattform|app|angebot|angebots|sparte)\s+$")
_PRODUCT_BEFORE = re.compile(r"(?i:plattformen|plattform|app|apps|messenger|marke|marken|modell|modells|modelle|produkt|produkte|"
                             r"software|suchmaschine|spiel|spiele|konsole|smartphone|smartphones|medikament|"
                             r"medikamente|medikaments|mittel|mittels|präparat|präparats|impfstoff|impfstoffs|"
                             r"wirkstoff|wirkstoffe|wirkstoffs|segment|segments|segmente|sparte|sparten|division|"
                             r"geschäftsbereich|geschäftsbereichs|geschäftsfeld|unternehmensbereich|bereich|bereichs|"
                             r"geschäft|geschäfts|geschäftes|klasse|fahrzeugklasse|kategorie|baureihe|version|ausgabe|"
                             r"vernichter|vernichters|herbizid|herbizids|pestizid|fungizid|insektizid|"
                             # vehicles, aircraft and chips by their kind: "die Hybridlimousine Qin Plus DM-i", "der
                             # Kleinwagen Seagull", "des Langstreckenjets A350", "der KI-Chip Ascend"
                             r"limousine|kleinwagen|kompaktwagen|elektroauto|sportwagen|geländewagen|suv|jet|jets|"
                             r"chip|chips|prozessor|prozessors)\s+"
                             r"(?:wie\s+|namens\s+)?[(\"„“»]?"
                             r"(?:[A-ZÄÖÜ][\w.&-]*\s*(?:,|und|sowie|and|&)?\s+)*$")


def _not_products(orgs: list[Org], spans) -> list[Org]:
    """The organisations without the names a product or segment noun introduces or ends (recognised
    names stay), wherever the article writes them again ("In der Division Flow Equipment ..." and
    "Flow Equipment verbuchte ein Plus", "Die Steel Division")."""
    if not spans:
        return orgs
    spans = sorted(spans)
    starts = [a for a, _ in spans]
    out = []
    products = set()
    companies = _company_names(spans)
    for o in orgs:
        j = bisect.bisect_right(starts, o.start) - 1
        if o.source != "gazetteer" and j >= 0:
            a, sent = spans[j]
            first, _, rest = o.text.partition(" ")
            if o.start - a <= len(sent) and (_PRODUCT_BEFORE.search(sent, max(0, o.start - a - 80), o.start - a)
                                             or _SEGMENT_AFTER.match(sent, o.end - a)
                                             or "-" in first and _PRODUCT_BEFORE.fullmatch(first.rsplit("-", 1)[-1] + " ")) \
                    and o.text not in companies:
                products.add(o.text)
                continue                     # "der Messaging-App WeChat", "Messaging-App"
            if o.start - a <= len(sent) and _OWN_PART_BEFORE.search(sent, max(0, o.start - a - 60), o.start - a) \
                    and o.text not in companies:
                continue                     # "die Zahl der Fahrten seines Robotaxi-Dienstes Apollo Go": its own part
            if o.start - a <= len(sent) and _MEASURE_APPOSITION.match(sent, o.end - a):
                continue                     # "Der Fuchs Value Added (FVA), die interne Kennzahl": a measure
            near = _PLACE_AND.search(sent, max(0, o.start - a - 40), o.start - a)
            if near and _known_place(near.group("p")) and " " not in o.text:
                continue                     # "die Hochöfen in Linz und Donawitz": a place like the one before it
            noun = _NOUN_THEN_BRACKET.search(sent, max(0, o.start - a - 40), o.start - a)
            if noun and sent[o.end - a:o.end - a + 1] == ")" and _common_noun(noun.group("w")) \
                    and not any(x.end == a + noun.end("w") for x in orgs):
                continue                     # "Der wiederkehrende Jahresumsatz (ARR)": the noun's short form
        out.append(o)
    return [o for o in out if o.source == "gazetteer" or o.text not in products]


# an apposition that says a name is a measure: "Der Fuchs Value Added (FVA), die interne Kennzahl für die Wertschaffung"
_MEASURE_APPOSITION = re.compile(r"\s*(?:\([^()]{1,12}\))?\)?,\s+(?:die|der|das|eine|ein)\s+(?:[a-zäöüß-]+\s+){0,2}"
                                 r"(?:Kennzahl|Kennziffer|Messgröße|Steuerungsgröße|Zielgröße|Kenngröße|Maßzahl)")
# a share's market in a sentence: the words of trading in shares
_TRADING = re.compile(r"(?i)aktie|papiere|anteilsschein|(?<![\wäöüß])(?:im|in)\s+(?:frühen\s+|späten\s+)?handel\b|börse\b|notiert")


def _company_names(spans) -> frozenset[str]:
    """Names the text treats as companies, which a platform, brand or segment noun before them does not make
    products: the runs of one to four capitalised words in the sentences on a share's move (a trading word and a
    percent: "An der Börse in Amsterdam schnellten Allfunds im frühen Handel um 24,6 Prozent nach oben"), a name
    that reports ("Amrize meldete ...") and one with its own share ("Allfunds-Aktien"). Linear in the text."""
    out = set()
    for _, sent in spans:
        if _TRADING.search(sent) and ("%" in sent or "Prozent" in sent):
            words = re.findall(r"[A-ZÄÖÜ][\w&.'’+-]*", sent)
            out.update(" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(i + 5, len(words) + 1)))
        for m in _REPORTS_AS_COMPANY.finditer(sent):        # (each tail: "Die Lernplattform GoStudent schloss")
            words = m.group(1).split(" ")
            out.update(" ".join(words[i:]) for i in range(len(words)))
        out.update(m.group(1) for m in _OWN_SHARE.finditer(sent))
    return frozenset(out)


# a name with its own share: "Allfunds-Aktien sprangen", "die Papiere von X" (the noun before a "-Aktie" compound)
_OWN_SHARE = re.compile(r"(?<![\wäöüß.-])([A-ZÄÖÜ][\w&.'’+]*(?:[ -][A-ZÄÖÜ][\w&.'’+]*){0,2})-(?:Aktien?|Papiere?|Titel|"
                        r"Anteilsscheine?)(?![\wäöüß])")


_REPORTS_AS_COMPANY = re.compile(r"(?<![\wäöüß.-])([A-ZÄÖÜ][\w&.'’+-]*(?: [A-ZÄÖÜ][\w&.'’+-]*){0,3}) "
                                 r"(?:meldete|meldeten|berichtete|berichteten|teilte|teilten|veröffentlichte|"
                                 r"veröffentlichten|übernimmt|übernahm|erwirbt|erwarb|sammelte|sammelt|"
                                 # (a company's own deal: "Die Lernplattform X schloss eine Finanzierungsrunde ab")
                                 r"schloss\s+(?:eine|ihre|seine)\s+(?:[\wäöüß-]+\s+)?(?:Finanzierungsrunde|Kapitalrunde|"
                                 r"Übernahme|Fusion))(?![\wäöüß])")


# a segment noun after the name: "Die Steel Division litt ...", "die Metal Forming Division", "der Bereich
# Technology Solutions"'s English form: a part of the company the text is about
_SEGMENT_AFTER = re.compile(r"[ -](?:Division|Divisions|Segment|Segments|Sparte|Business\s+Unit)(?![\wäöüß-])")
_PLACE_AND = re.compile(r"(?<![\wäöüß])(?:in|nach|aus|zwischen)\s+(?P<p>[A-ZÄÖÜ][\wäöüß-]+)\s+(?:und|sowie|oder)\s+$")


def _known_place(word: str) -> bool:
    from .orgs import lexicon
    return "T" in lexicon().classes(word)


_NOUN_THEN_BRACKET = re.compile(r"(?<![\wäöüß-])(?P<w>[A-ZÄÖÜ][a-zäöüß]+)\s*\($")
_PERSON_BEFORE = re.compile(r"(?P<first>[A-ZÄÖÜ][a-zäöüß]+)(?:-[A-ZÄÖÜ][a-zäöüß]+)?\s+[A-ZÄÖÜ][a-zäöüß]+"
                            r"(?:-[A-ZÄÖÜ][a-zäöüß]+)?\s*\($")


def _affiliation(sent: str, a: int, b: int, org_ends: set[int], offset: int) -> bool:
    """A name in parentheses right after a first name and surname, not after another organisation:
    the person's party or employer ("Minister Georg Maier (SPD)"), not what the sentence is about."""
    if sent[b:b + 1] != ")" or any(offset + a - 3 <= e <= offset + a for e in org_ends):
        return False
    m = _PERSON_BEFORE.search(sent, max(0, a - 60), a)
    from .orgs import lexicon
    return m is not None and "V" in lexicon().classes(m.group("first"))


def _first_word_mentions(orgs: list[Org], spans) -> list[Org]:
    """The organisations with the later mentions of a company by the first word of its name ("Die Erste
    hatte ..." after "Erste Group", "an der Wacker knapp 31 % hält" after "Wacker Chemie")."""
    from .orgs import first_word_mentions, first_words
    firsts = first_words(orgs)
    taken = [(o.start, o.end) for o in orgs]
    out = list(orgs)
    for start, sentence in spans:
        for a, b, word, name, source in first_word_mentions(firsts, sentence, start):
            if not any(x < b and a < y for x, y in taken):
                out.append(Org(a, b, word, name, "company", source))
                taken.append((a, b))
    return out


def _mentions_again(orgs: list[Org], spans) -> list[Org]:
    """The organisations with their mentions elsewhere: a name recognised in one sentence is the
    same organisation where the article writes it again ("Der PPVX fiel ..." and later "liegt der
    PPVX mit -7,9 %"), and a name the gazetteer or the model recognised once is no name by form
    alone anywhere (as ``resolve_aliases`` does for a whole article)."""
    taken = sorted((o.start, o.end) for o in orgs)
    by_text: dict[str, Org] = {}
    for o in sorted(orgs, key=lambda o: o.weak):          # a recognised mention first
        if len(o.text) >= 3 and o.type != "currency" and not (o.source == "model" and _common(o.text)):
            by_text.setdefault(o.text, o)                 # (not a common noun the model took for a name's end:
            #                                               "des Bundesverbands Nahverkehr" is no name "im Nahverkehr")
    orgs = [o if not o.weak or by_text.get(o.text, o).weak else
            Org(o.start, o.end, o.text, by_text[o.text].name, by_text[o.text].type, by_text[o.text].source)
            for o in orgs]
    if not by_text:
        return orgs
    orgs = _first_word_mentions(orgs, spans)           # (again with the context's names: from_sentences)
    taken = sorted((o.start, o.end) for o in orgs)
    from .extract.lexicon import trie
    # the name alone, or the first part of a compound of a share or a measure ("PPVX-Börsenwert");
    # the names as a prefix tree: one branch per character, however many names an article has
    # (the compound's second part is checked apart: a pattern of its ~100 words cost 7 ms an article)
    rx = re.compile(r"(?<![\wäöüß-])" + trie(by_text, boundary=True) + r"(?![\wäöüß])")
    compound = _share_or_measure_part()
    out = []
    for start, sentence in spans:
        for m in rx.finditer(sentence):
            if sentence.startswith("-", m.end()) and not compound.match(sentence, m.end() + 1):
                continue                                  # "PPVX-Fonds": another name
            a, b = start + m.start(), start + m.end()
            i = bisect.bisect_left(taken, (a, -1))
            if any(x < b and a < y for x, y in taken[max(0, i - 2):i + 2]):
                continue
            o = by_text[m.group()]
            out.append(Org(a, b, o.text, o.name, o.type, o.source, o.weak))
    return orgs + out


@functools.cache
def _share_or_measure_part() -> re.Pattern:
    """A share or measure noun opening a compound's second part ("Börsenwert" of "PPVX-Börsenwert")."""
    g = grammar()
    return re.compile(r"(?i:" + "|".join(map(re.escape, g.share + g.measure)) + r")")


def _title_orgs(title: str | None, models: bool, gazetteer: tuple[str, ...] = ()) -> list[Org]:
    """Organisations of the title; offsets -1 (the title is not part of the text)."""
    if not title:
        return []
    found = find_orgs(title, gazetteer=gazetteer)
    found += proper_nouns(title, 0, found) if models else []
    # a name by form alone after a preposition is a place, no topic ("Stahlkrise an Rhein und Ruhr")
    return [Org(-1, -1, o.text, o.name, o.type, o.source, o.weak) for o in found
            if not (o.weak and _GOVERNED_IN_TITLE.search(title, max(0, o.start - 60), o.start))]


_GOVERNED_IN_TITLE = re.compile(r"(?<![\wäöüß])(?:[Mm]it|[Gg]egen|[Ff]ür|[Üü]ber|[Uu]nter|[Bb]ei|[Aa]n|[Aa]m|[Ii]m|[Ii]n|[Aa]uf|"
                                r"[Aa]us|[Nn]ach|[Vv]or)\s+(?:(?:der|die|das|dem|den|des)\s+)?"
                                r"(?:[A-ZÄÖÜ][\wäöüß-]*\s+(?:und|sowie|oder)\s+)?$")
_REPORTING = re.compile(r"(?i)(?<![\wäöüß])wie\s+(?P<who>(?:[^,;:.!?]|\.(?=\w)){2,120}?)\s+(?:[^,;:.!?]{0,60}\s)?"
                        r"(?:mitteilte|mitgeteilt\s+hat|berichtete|bekanntgab|bekannt\s+gab|meldete|ankündigte|erklärte)"
                        r"(?![\wäöüß])")

# the report after the figures: "..., teilte das Unternehmen am Freitag mit", "..., gab der Konzern bekannt"
_REPORTED_AFTER = re.compile(r"(?i),\s+(?:teilte|teilten|gab|gaben)\s+(?P<who>(?:[^,;:.!?]|\.(?=\w)){2,80}?)\s+"
                             r"(?:[^,;:.!?]{0,40}\s)?(?:mit|bekannt)(?![\wäöüß])")


# "..., berichtete Marco R. Fuchs, Vorstandsvorsitzender der OHB Technology AG": the speaker's company
_SPEAKER_OF = re.compile(r"(?i)(?<![\wäöüß])(?:sagte|sagt|berichtete|erklärte|betonte|kündigte|teilte)\s+"
                         r"[^,;:!?]{2,60},\s+(?:\w+-)?(?:chef|chefin|vorstand\w*|vorsitzende\w*|sprecher\w*|"
                         r"geschäftsführer\w*|ceo|finanzchef\w*|präsident\w*)\s+(?:der|des|von|bei)\s+"
                         r"(?P<who>(?:[^,;:.!?]|\.(?=\w)){2,80})")


def reporting_company(orgs: "ArticleOrgs", sent_start: int, sentence: str) -> Owner | None:
    """"..., wie der Flughafenbetreiber Fraport am Donnerstag mitteilte", "..., teilte das Unternehmen mit": the
    company that reports the figures of its sentence (a recognised name, not a news agency or a name by form alone; a
    dot inside a name is no sentence end: "wie die buch.de internetstores AG mitteilte"), or whose
    officer says so ("berichtete X, Vorstandsvorsitzender der Y AG")."""
    g = grammar()
    for m in [*_REPORTING.finditer(sentence), *_REPORTED_AFTER.finditer(sentence), *_SPEAKER_OF.finditer(sentence)]:
        for o in orgs.in_span(sent_start + m.start("who"), sent_start + m.end()):
            if not o.weak and o.type not in ("index", "currency") and o.text not in g.not_owners \
                    and o.name not in g.not_owners and not _PARENT_OF_SUBSIDIARY.search(
                        sentence, max(0, o.start - sent_start - 60), o.start - sent_start):   # (not "die Tochter des X")
                return Owner(o.name, o.text, o.start, o.end, o.source if o.source != "alias" else "pattern")
        # "..., wie das TecDax-Unternehmen am Donnerstag mitteilte": a reference, resolved
        refs = [r for r in g.references(sentence, m.start("who"), m.end()) if r[0] == m.start("who")]
        if refs:
            return _resolve(orgs, refs[0], sent_start, sentence)
    return None


def _context_subject(o: Org, sentence: str, start: int) -> bool:
    """A name that opens the main clause after a comparison, as its subject ("Anders als die Sparkasse will die
    Hannoversche Volksbank ihr Netz ausdünnen"): whom the next sentences are about."""
    a = o.start - start
    m = _AFTER_COMPARISON.match(sentence)
    return m is not None and m.end() == a


# a comparison that opens a sentence, then the verb and the subject's article: "Anders als die Sparkasse will die "
_AFTER_COMPARISON = re.compile(r"(?:Anders|Ähnlich|Wie|Im Gegensatz zu|Im Unterschied zu)\s+(?:als\s+|wie\s+)?"
                               r"[^,.;:]{2,80}?\s+[a-zäöüß]+\s+(?:die|der|das)\s+")


def _canonical(orgs: list[Org], title_orgs: list[Org], spellings: tuple[str, ...] = (), text: str = "") -> list[Org]:
    """Short names of an organisation named in full before ("Telekom" after "Deutsche Telekom")."""
    from .orgs import recognizer
    out: list[Org] = []
    full: list[str] = [o.name for o in title_orgs]
    first: dict[str, Org] = {}                 # each name's first mention in the text
    index_names = {o.name for o in title_orgs + orgs if o.type == "index"}
    merged: list[Org] = []
    cont = set(vocab()["owner"]["name_continuations"])
    for o in orgs:                     # "Siemens" + "Energy": one name
        if merged and (o.source == "model" or o.weak) and o.start == merged[-1].end + 1 \
                and (o.text in cont or merged[-1].source != "gazetteer"):
            p = merged.pop()
            joined = p.text + " " + o.text
            o = Org(p.start, o.end, joined, joined if p.name == p.text else p.name + " " + o.text, p.type, p.source,
                    p.weak)
        merged.append(o)
    merged = [o for o in merged if not any(p is not o and p.start <= o.start and o.end <= p.end
                                           and p.end - p.start > o.end - o.start for p in merged)]
    spelled = {n.upper(): n for n in [*spellings, *(o.name for o in title_orgs + merged)] if not n.isupper()}
    for o in merged:
        if o.name.isupper() and len(o.name) > 4 and o.name not in spelled and text:
            spelled[o.name] = next((m.group() for m in re.finditer(re.escape(o.name), text, re.I)
                                    if not m.group().isupper()), o.name)
        if o.name.isupper() and len(o.name) > 4 and o.name in spelled:    # "SAF-HOLLAND" is "SAF-Holland"
            o = Org(o.start, o.end, o.text, spelled[o.name], o.type, o.source, o.weak)
        words = set(o.name.lower().split())
        longer = [n for n in full if len(n) > len(o.name) and words and words < set(n.lower().split())
                  and (n not in index_names) == (o.type != "index")          # "Dow Inc." is not the Dow Jones
                  and not (n in first and _subsidiary_name(o.name, first[n], text))]
        if longer and o.source != "gazetteer" and not recognizer().legal_form(o.text):   # not "Carl Zeiss AG"
            o = Org(o.start, o.end, o.text, longer[-1], o.type, o.source, o.weak)
        out.append(o)
        full.append(o.name)
        first.setdefault(o.name, o)
    return out


def _subsidiary_name(short: str, long: Org, text: str) -> bool:
    """"KfW" and "die Tochter KfW IPEX-Bank", "Voltfeld" and "seine Tochter Voltfeld Trading": a longer name that
    begins with a shorter one and is introduced as a subsidiary is another organisation, so the short name
    is not read as it (but "Thermo Fisher" is "Der US-Laborausrüster Thermo Fisher Scientific")."""
    if not long.name.startswith(short + " ") or not text or long.start < 0:
        return False
    return bool(_SUBSIDIARY_BEFORE.search(text, max(0, long.start - 60), long.start)
                or _SUBSIDIARY_AFTER.match(text, long.end))

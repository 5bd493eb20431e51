"""Relations read from the short dependency path between two names (``paths.yaml``).

The patterns of ``patterns.yaml`` name each argument's syntactic role, so a parse that hangs
a word somewhere else loses the relation. This fallback asks less: two names of a sentence
that no pattern joined are related when the path between them in the parse is short, stays
in one clause, passes no other name and runs through a trigger word ("the bank named her
finance director": her - director - named - bank). The schema picks the edge from the trigger's
types and the two kinds; the trigger's grammar, where the kinds allow both ways, its
direction. A denied or mooted trigger states nothing, as for the patterns.

Examples
--------
>>> from hkweb3.graph.models import Entity
>>> from hkweb3.loaders.pipeline import load_pipeline
>>> nlp = load_pipeline([Entity(id="pellam-bank", name="Pellam Bank", kind="Bank")])
>>> doc = nlp("Ruth Okafor has a new job at Pellam Bank. The bank named her finance "
...           "director on Friday.")
>>> [(f.source, f.edge_type, f.target, f.rule) for _, f in doc._.relations]
[('ruth-okafor', 'HOLDS_ROLE', 'pellam-bank', 'path-HOLDS_ROLE')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from spacy.tokens import Span, Token

from hkweb3.graph.schema import Schema
from hkweb3.loaders.dependencies import (
    _RELATIVE,
    _list_item,
    _negated,
    _role_phrase,
    _voice,
    mention_at,
)
from hkweb3.loaders.mentions import Mention

PATHS_FILE = Path(__file__).with_name("paths.yaml")

#: Kinds that are never an end of a path relation: outlets are sources, places need "in".
_SKIPPED_KINDS = {"MediaOutlet", "Place"}
#: The arcs through which a name is what a noun trigger is "of" (the firm a shareholder holds).
_OWNER_ARCS = {"poss", "pobj", "prep"}


@dataclass(frozen=True)
class PathRules:
    """``paths.yaml``: how far a path may run, where it may not cross, and its triggers."""

    longest: int
    reach: int
    confidence: float
    boundaries: frozenset[str]
    #: the edges whose source is the one who does (a verb, an act) / who is described
    doer_first: frozenset[str]
    described_first: frozenset[str]
    acts: frozenset[str]
    blocking: frozenset[str]
    undoing: frozenset[str]
    carriers: frozenset[str]
    verb_preps: frozenset[str]
    event_preps: frozenset[str]
    verbs_only: frozenset[str]
    hedging: frozenset[str]
    #: those who only seek a tie (read by the learned pairs)
    seekers: frozenset[str]
    #: words of a meeting, a warning or a preference (read by the learned pairs)
    unrelating: frozenset[str]
    naming: frozenset[str]
    transfers: frozenset[str]
    targets: dict[str, frozenset[str]]
    companions: frozenset[str]
    loose_pronouns: frozenset[str]
    triggers: dict[str, tuple[str, ...]]


@cache
def load_path_rules(path: Path = PATHS_FILE) -> PathRules:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return PathRules(
        longest=data["longest"], reach=data["reach"], confidence=data["confidence"],
        boundaries=frozenset(data["boundaries"]),
        doer_first=frozenset(e for e, v in data["edges"].items() if v["doer"] == "source"),
        described_first=frozenset(e for e, v in data["edges"].items()
                                  if v["described"] == "source"),
        acts=frozenset(data["acts"]),
        blocking=frozenset(data["blocking"]), undoing=frozenset(data["undoing"]),
        carriers=frozenset(data["carriers"]),
        verb_preps=frozenset(data["verb_preps"]), event_preps=frozenset(data["event_preps"]),
        verbs_only=frozenset(data["verbs_only"]),
        hedging=frozenset(data["hedging"]), seekers=frozenset(data["seekers"]),
        unrelating=frozenset(data["unrelating"]),
        naming=frozenset(data["naming"]), transfers=frozenset(data["transfers"]),
        companions=frozenset(data["companions"]),
        loose_pronouns=frozenset(data["loose_pronouns"]),
        targets={e: frozenset(v["targets"]) for e, v in data["edges"].items()
                 if "targets" in v},
        triggers={w: tuple(types) for w, types in data["triggers"].items()})


def path_relations(sentence: Span, here: list[Mention], joined: set[frozenset[str]],
                   schema: Schema, rules: PathRules | None = None
                   ) -> Iterator[tuple[Mention, str, Mention, str, dict[str, str]]]:
    """``(source, edge type, target, rule, properties)`` for each pair of the sentence's
    names (``here``) that ``joined`` (pairs of entity ids already related) leaves out."""
    rules = rules or load_path_rules()
    doc = sentence.doc
    # every name stops a path ("another name between"); only some may end one: a list's
    # items are the patterns' to share out ("A, B and C, which was licensed ...")
    at = mention_at(here)
    names = [m for m in here if m.kind not in _SKIPPED_KINDS and m.how != "title"
             and m.text.lower() not in rules.loose_pronouns
             and not _listed(doc[m.start:m.end].root)]
    heads = {id(m): doc[m.start:m.end].root for m in names}
    for n, a in enumerate(names):
        for b in names[n + 1:]:
            if a.entity_id == b.entity_id or frozenset((a.entity_id, b.entity_id)) in joined:
                continue
            found = _related(heads[id(a)], heads[id(b)], a, b, at, schema, rules)
            if found is not None:
                joined.add(frozenset((a.entity_id, b.entity_id)))
                yield found


def _listed(t: Token) -> bool:
    return t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children)


def _path(a: Token, b: Token) -> tuple[list[Token], list[Token]] | None:
    """The tokens from ``a`` up to the lowest common head, and from ``b`` up to it."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return None
    return up_a[:up_a.index(common) + 1], up_b[:up_b.index(common) + 1]


def _related(ha: Token, hb: Token, a: Mention, b: Mention, at: dict[int, Mention],
             schema: Schema, rules: PathRules
             ) -> tuple[Mention, str, Mention, str, dict[str, str]] | None:
    path = _path(ha, hb)
    if path is None:
        return None
    side_a, side_b = path
    if len(side_a) + len(side_b) - 2 > rules.longest or ha == hb:
        return None
    inner = [*side_a[1:], *side_b[1:-1]]
    if any(t.i in at and at[t.i] not in (a, b) for t in inner):
        return None  # another name stands between them
    first, second = (a, b) if a.start < b.start else (b, a)
    if all(t.lower_ in {",", "and", "or", "&"} for t in ha.doc[first.end:second.start]):
        return None  # "A and B, two of its owners": items of one list, however parsed
    if any(t.lower_ in rules.blocking and not (t.lower_ == "to" and t.dep_ == "prep")
           or t.lemma_.lower() in rules.undoing for t in inner):
        return None  # "X's licence, revoked by the SFC" (but "adviser to X" is no plan)
    if any(len(side) > 1 and side[0].dep_ == "poss" and side[1].lemma_.lower()
           not in rules.triggers for side in (side_a, side_b)):
        return None  # "the HKMA's programme counts A among its participants": the programme's
    for side in (side_a, side_b):
        if any(low.dep_ in rules.boundaries or low.dep_ == "conj" and low.pos_ != "ADP"
               for low in side[:-1]):
            return None  # another clause, or another item of a list ("and also with Y" is one)
        if any(low.dep_ == "relcl" and low.head.ent_type_ != "Person" and any(
                c.lower_ in {"who", "whom"} for c in low.children) for low in side):
            return None  # "A, chief of Y, who is a member of Z": the clause is A's, not Y's
        if any(low.dep_ == "appos" and _list_item(low, at) for low in side[:-1]):
            return None  # "owned by A, B's arm and C": B's arm is an item, not A
    companion = any(t.lower_ in rules.companions for t in inner)
    top = side_a[-1]
    for trigger in sorted(inner, key=lambda t: -len(list(t.ancestors))):
        types = rules.triggers.get(trigger.lemma_.lower()) or \
            rules.triggers.get(trigger.lower_)
        if not types or trigger.i in at or trigger.pos_ not in {"VERB", "NOUN", "PROPN"} or \
                trigger.pos_ != "VERB" and trigger.lemma_.lower() in rules.verbs_only:
            continue
        if companion:
            types = tuple(e for e in types if e == "PARTNERS_WITH")
        if trigger.pos_ in {"NOUN", "PROPN"} and top != trigger and \
                trigger.head.lower_ != "as" and any(
                    v.pos_ == "VERB" and v.lemma_.lower() not in rules.carriers
                    for v in [*_up_to(trigger, top)[1:], top]):
            # "A advised B on its purchase of C": the purchase is not A's; nor, through a
            # relative clause, "A, who met the chief executive of C"
            continue
        if trigger.pos_ in {"NOUN", "PROPN"} and any(
                t.dep_ in {"nsubj", "nsubjpass"} for t in _up_to(trigger, top)):
            continue  # "the X unit joined forces with Y": the unit acts; it is not Y's
        if any(low.dep_ == "relcl" and trigger not in side[:k + 1]
               for side in (side_a, side_b) for k, low in enumerate(side[:-1])):
            continue  # "a custodian in which A has a stake": A is the clause's, not the noun's
        reach_a = _steps(side_a, trigger)
        reach_b = _steps(side_b, trigger)
        if max(reach_a, reach_b) > rules.reach or _negated(trigger) or \
                not _stated(trigger, rules) or _someone_else(trigger, a, b, at) or \
                any(c.lower_ in rules.hedging for c in trigger.children):
            continue
        preps = rules.verb_preps | (rules.event_preps if "SPOKE_AT" in types else set())
        if trigger.pos_ == "VERB" and not all(
                _own_argument(trigger, h, preps) for h in (ha, hb) if h != trigger):
            continue  # "bought bitcoin on X", "spoke about X": X is not the verb's
        if trigger.pos_ in {"NOUN", "PROPN"} and trigger.head.lemma_.lower() in rules.naming \
                and _named_other(trigger.head, trigger, ha, hb, at):
            continue  # "A named B custodian of C": the custodian is B, of C
        if trigger.lemma_.lower() in rules.acts and top != trigger and (
                top.pos_ != "VERB" or _doers(trigger)):
            continue  # "A announced the acquisition of B by C": the act is C's, not A's
        if any(c.dep_ == "poss" for c in trigger.children) and \
                trigger.head.lemma_.lower() in rules.transfers:
            continue  # "A bought B's stake in C": B holds it no longer
        for edge in types:
            ab = schema.allows(edge, a.kind, b.kind)
            ba = schema.allows(edge, b.kind, a.kind)
            if not (ab or ba):
                continue
            if ab and ba:
                ab = _source_is_a(trigger, edge, side_a, side_b, rules)
            elif (trigger.pos_ in {"VERB", "AUX"} or trigger.lemma_.lower() in rules.acts) \
                    and _source_is_a(trigger, edge, side_a, side_b, rules) != ab:
                continue  # the kinds fit only the other way round from who does it ("A
                # acquired B" with B taken for a person)
            source, target = (a, b) if ab else (b, a)
            if edge in rules.targets and target.kind not in rules.targets[edge]:
                continue
            properties = {}
            if edge in {"HOLDS_ROLE", "CHAIRS"}:
                person = ha if source is a else hb
                if any(c.dep_ == "appos" and c != trigger and c.pos_ == "NOUN"
                       for c in person.children):
                    continue  # a person described by a title of their own
                role = _role_phrase(trigger, at)
                if edge == "HOLDS_ROLE" and not role:
                    continue
                if "role" in schema.properties(edge):
                    properties["role"] = role
            return source, edge, target, f"path-{edge}", properties
    return None


def _stated(trigger: Token, rules: PathRules) -> bool:
    """Whether the trigger's clause states it as a fact: nothing above it in the clause
    plans, moots, undoes, denies or conditions it ("had no plans to buy", "sold its stake
    in", "if approved, the deal would make A the owner of B")."""
    t = trigger
    for _ in range(6):
        if t != trigger and t.lemma_.lower() in rules.undoing:
            return False
        if any(c.lower_ in rules.blocking and c.dep_ in {"aux", "mark", "neg", "det"}
               for c in t.children):
            return False
        if t.dep_ == "ROOT" or t.head == t:
            return True
        t = t.head
    return True


def _doers(trigger: Token) -> list[Token]:
    """Who the trigger itself says does it: a noun's possessor or "by" ("its purchase of B",
    "the acquisition of B by C"), a verb's subject (not a relative pronoun)."""
    if trigger.pos_ in {"NOUN", "PROPN"}:
        doers = [c for c in trigger.children if c.dep_ == "poss"] + [
            g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "by"
            for g in c.children if g.dep_ == "pobj"]
    else:
        doers = [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return [c for c in doers if c.lower_ not in {"which", "who", "that"}]


def _someone_else(trigger: Token, a: Mention, b: Mention, at: dict[int, Mention]) -> bool:
    """Whether the trigger's own doer is someone other than the two names ("advised A on its
    purchase of B" is A's purchase; "the husband of A chairs B")."""
    return any(at.get(c.i) not in (a, b) for c in _doers(trigger))


def _own_argument(verb: Token, name: Token, preps: frozenset[str] | set[str]) -> bool:
    """Whether ``name`` is the verb's own: its subject, object or agent, the object of one
    of ``preps`` on it, or the noun it describes (a participle)."""
    if name.head == verb:
        return name.dep_ in {"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd"}
    if verb.head == name:  # the noun a clause describes, unless the clause's verb has an
        # object of its own and "which" is a stranded preposition's ("which Y bought a
        # stake in")
        return verb.dep_ == "acl" or verb.dep_ == "relcl" and (any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _RELATIVE for c in verb.children)
            or not any(c.dep_ == "dobj" and c.lower_ not in _RELATIVE for c in verb.children))
    prep = name.head
    if prep.dep_ == "agent" or prep.dep_ == "prep" and prep.lower_ in preps:
        return prep.head == verb or prep.head.head == verb and prep.head.dep_ == "prt"
    return False


def _named_other(verb: Token, noun: Token, ha: Token, hb: Token,
                 at: dict[int, Mention]) -> bool:
    """Whether a naming verb gives the role noun to a name other than the pair's: the noun
    is its object's ("A named B custodian of C": B's, of C), and without an owner of its own
    it is held at the verb's subject ("the bank named her finance director")."""
    objects = [c for c in verb.children if c != noun and (
        c.dep_ in {"dobj", "dative"} or c.dep_ == "oprd" and c.i in at)]
    # the parse may join the object's name to the noun ("named [Tessaly Digital custodian]")
    objects += [c for c in noun.children if c.dep_ == "compound" and c.i in at]
    if not objects:
        return False
    holder = objects[0]
    owned = any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in {"of", "at", "for"}
                for c in noun.children)
    if holder not in (ha, hb):
        return True
    other = hb if holder == ha else ha
    return owned and noun not in [other, *other.ancestors]  # the namer, not the owner


def _up_to(t: Token, top: Token) -> list[Token]:
    """``t`` and the tokens above it, below ``top``."""
    chain = []
    while t != top and t.head != t:
        chain.append(t)
        t = t.head
    return chain


def _steps(side: list[Token], trigger: Token) -> int:
    """Arcs from the name (the side's first token) to the trigger: down from the common
    head when the trigger is on the other side."""
    return side.index(trigger) if trigger in side else \
        len(side) - 1 + len(_up_to(trigger, side[-1]))


def _source_is_a(trigger: Token, edge: str, side_a: list[Token], side_b: list[Token],
                 rules: PathRules) -> bool:
    """Whether the first name is the edge's source, from the trigger's grammar: who does
    what a verb or an act says (its subject, a passive's agent, the act's possessor), or
    which name a noun describes (the one it is not "of")."""
    def arc(side: list[Token]) -> str:
        if trigger in side:
            k = side.index(trigger)
            return side[k - 1].dep_ if k else ""
        return "head"  # the trigger hangs below the common head, on the other side
    arc_a, arc_b = arc(side_a), arc(side_b)
    if trigger.pos_ in {"VERB", "AUX"}:
        passive = _voice(trigger) == "passive"
        if arc_a in {"nsubj", "nsubjpass"}:
            doer_is_a = not passive
        elif arc_b in {"nsubj", "nsubjpass"}:
            doer_is_a = passive
        else:
            doer_is_a = arc_a == "agent" or arc_b != "agent" and arc_a == "head"
        return doer_is_a == (edge in rules.doer_first)
    if trigger.lemma_.lower() in rules.acts:
        by_a, by_b = (side[side.index(trigger) - 1].lower_ == "by" if trigger in side
                      and side.index(trigger) else False for side in (side_a, side_b))
        if "poss" in {arc_a, arc_b}:
            doer_is_a = arc_a == "poss"
        elif by_a or by_b:  # "the takeover of B by A": "by" names the doer
            doer_is_a = by_a
        else:  # "A completed the acquisition of B"
            doer_is_a = arc_a not in _OWNER_ARCS or arc_b in _OWNER_ARCS
        return doer_is_a == (edge in rules.doer_first)
    described_is_a = not (arc_a in _OWNER_ARCS and arc_b not in _OWNER_ARCS)
    return described_is_a == (edge in rules.described_first)

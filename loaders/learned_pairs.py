"""Relations between two names that no pattern joined, read by a model learned from gold
articles (``pairs.json``, written by ``benchmarks/train_pairs.py``).

The patterns of ``patterns.yaml`` and the paths of ``paths.yaml`` each state a construction.
Real reporting has more constructions than they hold, so this last fallback asks what the
annotated articles say: a logistic model over :func:`pair_features` gives the probability
that a sentence relates two of its names. Where it reaches ``threshold`` (chosen by the
trainer on annotated sets kept out of training, for the precision of the edges it adds),
the edge type is the one annotators gave most often to pairs of those two kinds joined
through the same word, the schema permitting; its direction theirs. A role edge takes its
role from a title on the path between the two names; without one it is not a role.

Each relation found this way has the rule name ``learned-pair`` and the model's probability
as its confidence, so an analyst can filter or weigh it.

Examples
--------
>>> model = load_model()
>>> 0.5 <= model.threshold < 1
True
>>> round(model.probability([]), 3) == round(model.probability(["no-such-feature"]), 3)
True
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

from hkweb3.graph.schema import Schema
from hkweb3.loaders.dependencies import (
    _RELATIVE,
    _negated,
    _role_phrase,
    lemma_sets,
    mention_at,
)
from hkweb3.loaders.mentions import Mention
from hkweb3.loaders.pair_features import (
    ParseIndex,
    pair_features,
    parse_index,
    path_between,
)
from hkweb3.loaders.path_relations import PathRules, load_path_rules

PAIRS_FILE = Path(__file__).with_name("pairs.json")
RULE = "learned-pair"
#: The most tokens between two names the model is asked about: beyond it, one long sentence
#: (a table flattened into a line) would give pairs by the square of its names, while of
#: 1,381 related pairs in sixteen annotated sets one was further apart.
APART = 60
#: Kinds never an end: an outlet is where the news comes from.
SKIPPED_KINDS = {"MediaOutlet"}
#: Edges whose role property must come from a title in the sentence.
_ROLE_EDGES = {"HOLDS_ROLE", "CHAIRS"}
#: The words on a path's tokens that may deny, moot or hedge it.
_MODIFIERS = {"aux", "mark", "neg", "det", "advmod", "preconj", "amod"}
#: The clauses that say what a deal on the path is for ("an agreement with B to buy C").
_DEALS = {"acl", "relcl", "xcomp", "advcl"}
#: Quantifiers that speak of every item of a list ("both of which took part").
_EVERY = {"both", "all", "each", "every"}


@dataclass(frozen=True)
class PairModel:
    """The learned weights (``pairs.json``) and how they choose an edge."""

    threshold: float
    bias: float
    weights: dict[str, float]
    #: per context ("kinds|top=word", then "kinds"), the annotated edge labels and counts
    #: ("OWNS>": first name is the source, "OWNS<": the second)
    types: dict[str, dict[str, int]]

    def probability(self, features: list[str]) -> float:
        """The model's probability that the sentence relates the two names."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in set(features))
        return 1 / (1 + math.exp(-z))

    def knows_verbs(self, path: list[Token]) -> bool:
        """Whether every verb on ``path`` is one the annotated articles showed relating two
        names (a verb never seen so, "criticised by", states nothing the model knows)."""
        return all(self.weights.get(f"on={t.lemma_.lower()}", 0) > 0 or
                   self.weights.get(f"top={t.lemma_.lower()}", 0) > 0
                   for t in path if t.pos_ == "VERB")

    def labels(self, features: list[str]) -> list[str]:
        """Edge labels, the likeliest first: those seen with the kinds and the path's top word,
        then those seen with the kinds."""
        kinds = next((f for f in features if f.startswith("kinds=")), "")
        top = next((f for f in features if f.startswith("top=")), "")
        out: list[str] = []
        for context in (f"{kinds}|{top}", kinds):
            seen = self.types.get(context, {})
            out += [label for label in sorted(seen, key=lambda k: (-seen[k], k))
                    if label not in out]
        return out


@cache
def load_model(path: Path = PAIRS_FILE) -> PairModel:
    """The model in ``path`` (read once)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return PairModel(float(raw["threshold"]), float(raw["bias"]), raw["weights"], raw["types"])


@cache
def _titles() -> frozenset[str]:
    sets = lemma_sets()
    return frozenset(w for name in ("ROLE", "CHAIR", "FOUNDER") for w in sets[name])


def _path(first: Token, second: Token) -> list[Token]:
    """The tokens on the dependency path between two heads, ``first``'s side first (the
    heads themselves only where one is the other's top)."""
    path = path_between(first, second)
    if path is None:
        return []
    left, top, right = path
    return left[1:] + [top] + right[1:][::-1]


def _role(person: Mention, other: Mention, sentence: Span, at: dict[int, Mention]) -> str:
    """A title on the path between a person and an organisation ("A, chief executive of B"),
    or apposed to the person ("A, B's chairman"): the role, else ""."""
    doc = sentence.doc
    a, b = doc[person.start:person.end].root, doc[other.start:other.end].root
    near = _path(a, b) + [c for c in a.children if c.dep_ in {"appos", "compound"}]
    for token in near:
        if token.lemma_.lower() in _titles() or token.lower_ in _titles():
            role = _role_phrase(token, at)
            if role:
                return role
    return ""


@cache
def _guard_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words that leave a path unstated: on it (undoing, seeking, unrelating) and hung
    on it (blocking, hedging, unrelating), each set joined once."""
    rules = load_path_rules()
    return (rules.undoing | rules.seekers | rules.unrelating,
            rules.blocking | rules.hedging | rules.unrelating)


def _unstated(path: list[Token], rules: PathRules, index: ParseIndex,
              negated: dict[int, bool]) -> bool:
    """Whether the path between two names denies, moots or hedges what it would state ("the
    firms not in X", "its proposed stake in Y", "the applicants for X"), speaks of only
    some items of a list ("A and B, one of which took part in X"), goes through a deal to
    move a stake (buyer and seller: "A agreed with B to acquire C") or a purchase made for
    someone, speaks of a meeting, a warning or a preference ("A met B", "added B to its
    alert list"), or of another's ("A's rival's token, B"); the words are ``paths.yaml``'s.
    """
    on_path, hung = _guard_words()
    along = {t.i for t in path}
    for t in path:
        if t.lower_ in rules.blocking and not (t.lower_ == "to" and t.dep_ == "prep"):
            return True
        if t.lemma_.lower() in on_path or t.lower_ in on_path:
            return True  # "plans to join X", "the applicants for X include A", "A met B"
        if t.dep_ == "poss" and t.pos_ == "NOUN":
            return True  # "A's rival's token, B": another's
        for c in index.kids.get(t.i, ()):
            if c.dep_ in _MODIFIERS and c.lower_ in hung:
                return True
            if c.dep_ in _DEALS and c.i not in along and c.lemma_.lower() in rules.transfers:
                return True  # "A agreed with B to acquire C": buyer and seller, not partners
            if c.dep_ == "prep" and any(g.lower_ in rules.unrelating for o in c.children
                                        if o.dep_ == "pobj" for g in [o, *o.children]):
                return True  # "added B to its alert list", "put B on a warning list"
            if c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in _EVERY and any(
                    p.dep_ == "prep" and p.lower_ == "of" and
                    any(g.lower_ in _RELATIVE for g in p.children) for p in c.children):
                return True
        if t.dep_ == "prep" and t.lower_ == "for" and t.head.lemma_.lower() in rules.transfers:
            return True  # "A bought servers for B": a purchase made for B, no tie
        if t.pos_ in {"VERB", "AUX", "NOUN"}:
            if t.i not in negated:
                negated[t.i] = _negated(t)
            if negated[t.i]:
                return True
    return False


def learned_relations(sentence: Span, mentions: list[Mention], joined: set[frozenset[str]],
                      schema: Schema, model: PairModel
                      ) -> Iterator[tuple[Mention, str, Mention, float, dict[str, str]]]:
    """The relations the model reads between names of ``sentence`` that nothing else joined
    (``joined``: pairs of entity ids), as ``(source, edge, target, probability,
    properties)``."""
    at = mention_at(mentions)
    named = [m for m in mentions if m.kind not in SKIPPED_KINDS]
    seen = set(joined)
    index = parse_index(sentence)
    negated: dict[int, bool] = {}
    for n, first in enumerate(named):
        for k in range(n + 1, len(named)):
            second = named[k]
            if second.start - first.end > APART:
                break  # mentions are in text order: the rest are further still
            pair = frozenset((first.entity_id, second.entity_id))
            if len(pair) < 2 or pair in seen or second.start < first.end:
                continue
            others = sum(1 for m in named[n + 1:k] if first.end <= m.start and
                         m.end <= second.start and m.entity_id not in pair)
            features = pair_features(sentence, first, second, others, index)
            p = model.probability(features)
            if p < model.threshold:
                continue
            path = _path(sentence.doc[first.start:first.end].root,
                         sentence.doc[second.start:second.end].root)
            if _unstated(path, load_path_rules(), index, negated) or not model.knows_verbs(path):
                continue
            for label in model.labels(features):
                edge, forward = label[:-1], label[-1] == ">"
                source, target = (first, second) if forward else (second, first)
                if not schema.allows(edge, source.kind, target.kind):
                    continue
                properties: dict[str, str] = {}
                if edge in _ROLE_EDGES:
                    role = _role(source, target, sentence, at)
                    if not role:
                        continue
                    properties["role"] = role
                seen.add(pair)
                yield source, edge, target, round(p, 3), properties
                break

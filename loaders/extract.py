"""The extraction pipeline: a document's text in, a checked GraphBatch with evidence out.

Stages, each replaceable: sentences (spaCy tokenizer with hkweb3's splitter), registry
mentions (by alias), discovery of unknown organisations and people, abbreviations defined in
the text ("Hong Kong Digital Asset EX (HKbitEX)"), references back ("the lender", "its"),
then typed relations from the cues. Every edge carries evidence: the document, the
sentence, its character span, the published date, the rule and a confidence.

Examples
--------
>>> from hkweb3.graph.models import Entity
>>> from hkweb3.loaders.readers import SourceDocument
>>> registry = [Entity(id="za-bank", name="ZA Bank", kind="VirtualBank"),
...             Entity(id="osl", name="OSL", kind="TradingPlatform")]
>>> doc = SourceDocument(id="d1", path=None, title="t",
...                      text="ZA Bank provides settlement accounts to OSL.")
>>> batch = Extractor(registry).run(doc)
>>> [(r.source, r.type, r.target, r.properties) for r in batch.relations]
[('za-bank', 'PROVIDES_BANKING_TO', 'osl', {'service': 'settlement accounts'})]
>>> batch.relations[0].evidence[0].sentence
'ZA Bank provides settlement accounts to OSL.'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from hkweb3.graph.models import Entity, Evidence, GraphBatch, Relation
from hkweb3.loaders.cues import load_cues
from hkweb3.loaders.mentions import (
    Discoverer,
    Mention,
    References,
    RegistryMentions,
    blank_pipeline,
)
from hkweb3.loaders.readers import SourceDocument
from hkweb3.loaders.relations import Finding, RelationFinder, canonical_role

#: Kinds that are mentioned in passing ("the Hong Kong lender") and stand between the
#: mentions that relations join, so relations skip them.
_BACKGROUND = {"Place"}
_ABBREVIATION = re.compile(r"^[A-Za-z][A-Za-z0-9&\-]{1,11}$")


class Extractor:
    """Turns documents into graph batches, knowing the registry's entities.

    Parameters
    ----------
    registry : iterable of Entity
        The curated entities; mentions of them resolve to their ids.
    """

    def __init__(self, registry: Iterable[Entity]):
        self.nlp = blank_pipeline()
        self.registry = {e.id: e for e in registry}
        self.registry_mentions = RegistryMentions(self.nlp, self.registry.values())
        self.discoverer = Discoverer(self.nlp)
        self.references = References(self.nlp)
        self.relations = RelationFinder()
        self.titles = load_cues().titles

    def mentions(self, text: str):
        """The spaCy doc of ``text`` and every mention found in it, in text order."""
        doc = self.nlp(text)
        named = self.registry_mentions.run(doc)
        found = self.discoverer.run(doc, named)
        inside = {i for m in found for i in range(m.start, m.end)}
        named = [m for m in named if m.start not in inside] + _resolve_partial(found, named)
        named += _abbreviations(doc, named)
        named += self.references.run(doc, named)
        return doc, sorted(named, key=lambda m: m.start)

    def run(self, source: SourceDocument) -> GraphBatch:
        """Extract one document: its Document node, entities, relations and mentions."""
        doc, mentions = self.mentions(source.text)
        document = source.as_document()
        relations: dict[tuple[str, str, str, str], Relation] = {}
        sentence_mentions: dict[int, list[Mention]] = {}
        sentences = list(doc.sents)
        # Token -> its sentence, and each sentence's text, once: ``token.sent`` and
        # ``span.text`` walk the tokens every time they are asked.
        sentence_of = [sent for sent in sentences for _ in range(len(sent))]
        sentence_text = {sent.start: source.text[sent.start_char:sent.end_char].strip()
                         for sent in sentences}
        for mention in mentions:
            if mention.kind not in _BACKGROUND:
                sentence_mentions.setdefault(sentence_of[mention.start].start, []).append(mention)

        recent: list[list[Mention]] = []
        for sent in sentences:
            here = sentence_mentions.get(sent.start, [])
            context = [m for previous in recent[-2:] for m in previous]
            findings = self.relations.run(source.text, sent.start_char, sent.end_char, here,
                                          context)
            recent.append(here)
            findings += self._titles(source.text, sent, here)
            for finding in findings:
                evidence = Evidence(
                    document=source.id, sentence=sentence_text[sent.start], start=sent.start_char,
                    end=sent.end_char, published=source.published, rule=finding.rule,
                    confidence=finding.confidence,
                )
                relation = Relation(source=finding.source, type=finding.edge_type,
                                    target=finding.target, properties=finding.properties,
                                    evidence=[evidence])
                key = (relation.source, relation.type, relation.target, relation.key)
                if key in relations:  # said twice: one edge, both sentences as evidence
                    old = relations[key]
                    relation = old.model_copy(update={"evidence": [*old.evidence, evidence]})
                relations[key] = relation

        entities: dict[str, Entity] = {}
        ends = {r.source for r in relations.values()} | {r.target for r in relations.values()}
        for entity_id in ends - {m.entity_id for m in mentions}:
            entities[entity_id] = self.registry[entity_id]  # a title's fixed organisation
        for mention in mentions:
            if mention.entity_id in entities:
                continue
            evidence = Evidence(document=source.id,
                                sentence=sentence_text[sentence_of[mention.start].start],
                                start=mention.start_char, end=mention.end_char,
                                published=source.published, rule=f"mention:{mention.how}",
                                confidence=0.6 if mention.how == "reference" else 0.9)
            known = self.registry.get(mention.entity_id)
            entities[mention.entity_id] = Entity(
                id=mention.entity_id,
                name=known.name if known else mention.name,
                kind=known.kind if known else mention.kind,
                discovered=known is None,
                evidence=[evidence],
            )
        batch = GraphBatch(
            documents=[document],
            entities=list(entities.values()),
            relations=list(relations.values()),
            mentions=sorted({(source.id, m.entity_id) for m in mentions}),
        )
        batch.check()
        return batch

    def _titles(self, text: str, sent, mentions: list[Mention]) -> list[Finding]:
        """Government titles before a name: "Financial Secretary Paul Chan"."""
        findings = []
        previous_end = sent.start_char
        for mention in mentions:
            prefix = text[previous_end:mention.start_char]
            previous_end = mention.end_char
            if mention.kind != "Person":
                continue
            written = " ".join(prefix.split())  # titles say themselves whether case matters
            for title in self.titles:
                match = title.pattern.search(written)
                if not match or title.target not in self.registry:
                    continue
                if mention is not mentions[0] and not written[: match.start()].strip(" ,'s"):
                    break  # "HKMA Chief Executive Eddie Yue": the organisation is named
                findings.append(Finding(mention.entity_id, "HOLDS_ROLE", title.target,
                                        "title-before-name", 0.8,
                                        {"role": canonical_role(title.role)}))
                break
        return findings


def _resolve_partial(found: list[Mention], named: list[Mention]) -> list[Mention]:
    """A discovered name that begins a name used earlier ("Insight Fintech" after "Insight
    Fintech HK") is that entity."""
    # Each registry mention's text up to each of its spaces, to its first mention: one look-up
    # per discovered name rather than a scan of every mention (long documents stay linear).
    first_with_prefix: dict[str, Mention] = {}
    for m in sorted((m for m in named if m.how == "registry"), key=lambda m: m.start):
        text = m.text.lower()
        for i, char in enumerate(text):
            if char == " ":
                first_with_prefix.setdefault(text[:i], m)
    resolved = []
    for mention in found:
        earlier = first_with_prefix.get(mention.text.lower())
        if earlier and earlier.start < mention.start:
            mention = Mention(mention.start, mention.end, mention.start_char, mention.end_char,
                              mention.text, earlier.entity_id, earlier.kind, earlier.name,
                              "registry")
        resolved.append(mention)
    return resolved


def _abbreviations(doc, named: list[Mention]) -> list[Mention]:
    """"Name (ABBR)": later uses of ABBR in the document name the same entity."""
    aliases: dict[str, Mention] = {}
    for mention in named:
        end = mention.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            abbr = doc[end + 1].text
            if _ABBREVIATION.match(abbr) and any(c.isupper() for c in abbr):
                aliases.setdefault(abbr, mention)
    taken = {i for m in named for i in range(m.start, m.end)}
    found = []
    for token in doc:
        owner = aliases.get(token.text)
        if owner and token.i not in taken:
            found.append(Mention(token.i, token.i + 1, token.idx, token.idx + len(token.text),
                                 token.text, owner.entity_id, owner.kind, owner.name,
                                 "abbreviation"))
    return found

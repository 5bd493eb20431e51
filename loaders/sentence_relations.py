"""The relations component: each sentence's typed relations, written to ``doc._.relations``.

Three sources, merged per sentence (one finding per edge and property set, the most
confident kept):

- the dependency patterns (:mod:`hkweb3.loaders.dependencies`), when the pipeline parses;
- the token cues between adjacent mentions (:mod:`hkweb3.loaders.relations`), which also
  relate whole lists ("a joint venture of A, B and C");
- titles before a person's name that name a fixed organisation ("Financial Secretary X").

``doc._.relations`` is a list of ``(sentence, Finding)``; ``sentence`` is the Span.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from hkweb3.graph.models import Entity
from hkweb3.loaders.cues import load_cues
from hkweb3.loaders.dependencies import DependencyRelations
from hkweb3.loaders.mentions import Mention, mentions_of
from hkweb3.loaders.relations import Finding, RelationFinder, canonical_role

#: Kinds mentioned in passing ("the Hong Kong lender") that stand between the mentions the
#: token cues join; the cues skip them (the parse does not need to).
_BACKGROUND = {"Place"}
DEPENDENCY_CONFIDENCE = 0.8


class SentenceRelations:
    """Finds every sentence's relations (see the module docstring)."""

    def __init__(self, nlp: Language, token_cues: bool):
        self.cues = RelationFinder()
        self.token_cues = token_cues
        self.dependencies = DependencyRelations(nlp.vocab)
        self.titles = load_cues().titles
        self.registry: set[str] = set()

    def add_entities(self, entities: Iterable[Entity]) -> None:
        """The registry's ids: a title's fixed organisation must be one of them."""
        kinds = {e.id: e.kind for e in entities}
        self.registry = set(kinds)
        self.dependencies.add_entities(kinds)

    def __call__(self, doc: Doc) -> Doc:
        mentions = mentions_of(doc)
        sentences = list(doc.sents)
        sentence_of = [n for n, sent in enumerate(sentences) for _ in range(len(sent))]
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sentence.setdefault(sentence_of[m.start], []).append(m)
        found: dict[int, dict[tuple, Finding]] = {}

        def keep(n: int, finding: Finding | None) -> None:
            if finding is None:
                return
            key = (finding.source, finding.edge_type, finding.target,
                   str(sorted(finding.properties.items())))
            here = found.setdefault(n, {})
            if key not in here or here[key].confidence < finding.confidence:
                here[key] = finding

        text = doc.text
        recent: list[list[Mention]] = []
        for n, sent in enumerate(sentences):
            here = [m for m in by_sentence.get(n, []) if m.kind not in _BACKGROUND]
            context = [m for previous in recent[-2:] for m in previous]
            if self.token_cues:
                for finding in self.cues.run(text, sent.start_char, sent.end_char, here,
                                             context):
                    keep(n, finding)
            recent.append(here)
            for finding in self._titles(text, sent, here):
                keep(n, finding)
        cross = self.dependencies.cross_sentence
        for source, edge, target, rule, properties in self.dependencies.run(doc, mentions):
            n = sentence_of[source.start]
            if sentence_of[target.start] != n:
                if rule not in cross:
                    continue
                n = max(n, sentence_of[target.start])  # the sentence that names the edge
            hit = Finding(source.entity_id, edge, target.entity_id, rule,
                          DEPENDENCY_CONFIDENCE, dict(properties))
            keep(n, self.cues._finding(source, target, hit, DEPENDENCY_CONFIDENCE))
        doc._.relations = [(sentences[n], f) for n in sorted(found)
                           for f in _most_specific(list(found[n].values()))]
        return doc

    def _titles(self, text: str, sent: Span, mentions: list[Mention]) -> list[Finding]:
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
                if mention is not mentions[0] and not written[: match.start()].strip(" ,'s()"):
                    break  # "HKMA Chief Executive Eddie Yue": the organisation is named
                findings.append(Finding(mention.entity_id, "HOLDS_ROLE", title.target,
                                        "title-before-name", 0.8,
                                        {"role": canonical_role(title.role)}))
                break
        return findings


def _most_specific(findings: list[Finding]) -> list[Finding]:
    """One sentence's findings without those another finding states with more detail: the
    parse and the token cues may both find "A provides accounts to B", one with the service."""
    detailed = {(f.source, f.edge_type, f.target) for f in findings if f.properties}
    return [f for f in findings
            if f.properties or (f.source, f.edge_type, f.target) not in detailed]

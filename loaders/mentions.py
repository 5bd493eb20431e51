"""Finding who and what a text names: registry entities by alias, unknown organisations and
people from the text itself, and pronouns or descriptions that point back ("the lender").

All three work on a spaCy ``Doc`` from a blank English pipeline (tokenizer only: no model
to download) and return :class:`Mention` objects with token and character spans.

Examples
--------
>>> from hkweb3.graph.models import Entity
>>> nlp = blank_pipeline()
>>> finder = RegistryMentions(nlp, [Entity(id="za-bank", name="ZA Bank", kind="VirtualBank",
...                                        aliases=["ZA Bank Limited"])])
>>> doc = nlp("ZA Bank Limited and Hang Seng Bank spoke.")
>>> [(m.text, m.entity_id) for m in finder.run(doc)]
[('ZA Bank Limited', 'za-bank')]
>>> [(m.text, m.entity_id, m.kind) for m in Discoverer(nlp).run(doc, finder.run(doc))]
[('Hang Seng Bank', 'hang-seng-bank', 'Bank')]
>>> [m.text for m in Discoverer(nlp).run(nlp("Lumen Group and Harbour Crest Bank"), [])]
['Lumen Group', 'Harbour Crest Bank']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy
import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from hkweb3.graph.legal_forms import is_legal_suffix, legal_stems
from hkweb3.graph.models import Entity
from hkweb3.graph.schema import load_schema
from hkweb3.loaders.readers import MAX_BYTES, slugify


@dataclass
class Mention:
    """A span of text that names an entity."""

    start: int  # token index
    end: int
    start_char: int
    end_char: int
    text: str
    entity_id: str
    kind: str
    name: str
    how: str  # "registry", "discovered", "abbreviation" or "reference"


#: Legal forms written with a full stop that the tokenizer would cut off ("Pte." "Ltd.").
_DOTTED_FORMS = ("Pte", "Pty", "Sdn", "Bhd")
_NO_SPLIT = {"mr.", "ms.", "mrs.", "dr.", "prof.", "st.", "no.", "co.", "corp.", "inc.",
             "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "u.s.", "vs.",
             "pte.", "pty.", "sdn."}


#: Dashes that end a dateline (a hyphen only between spaces: not "BOCI-Prudential"), and
#: the most tokens a dateline has ("HONG KONG, June 18, 2025 /PRNewswire/ --"); a dateline
#: holds no word in lower case.
_DASHES = {"—", "--", "–"}
_DATELINE = 12


@Language.component("hkweb3_sentences")
def _sentences(doc: Doc) -> Doc:
    """Sentence starts after . ! ? (or an abbreviation such as "Ltd." that ends a sentence)
    when the next token opens a new one; line breaks always end one.

    The decisions are written in one call: setting ``token.is_sent_start`` one token at a
    time makes spaCy re-check the whole document each time (quadratic in its length).
    """
    starts = numpy.full((len(doc), 1), -1, dtype="int32")
    prev = None
    first = 0  # where the sentence under way began
    for i, token in enumerate(doc):
        if prev is None:
            starts[i] = 1
            prev = token
            continue
        if "\n" in prev.text or "\n" in prev.whitespace_:
            start = True
        elif (prev.text in _DASHES or prev.text == "-" and prev.whitespace_
              and doc[i - 2].whitespace_) and i - first <= _DATELINE and \
                doc[first].is_upper and len(doc[first].text) > 1 and not any(
                    t.text[:1].islower() for t in doc[first:i - 1]):
            # "HONG KONG—Lenders in the city ...": a dateline, then the first sentence
            start = token.text[:1].isupper()
        elif prev.text in {".", "!", "?"} or (
            prev.text.endswith(".") and len(prev.text) > 2 and prev.lower_ not in _NO_SPLIT
            and not re.fullmatch(r"(?:[A-Za-z]\.)+", prev.text)
        ):
            start = token.text[:1].isupper() or token.text[:1] in "\"'(“"
        else:
            start = False
        starts[i] = 1 if start else -1
        first = i if start else first
        prev = token
    if len(doc):
        doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


#: "Gate.HK", "Lumen.AI": a name, a dot and a capitalised suffix, written without spaces. The
#: tokenizer's rule for a missing space after a full stop would cut it in three (and end the
#: sentence there).
DOTTED_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*$")

#: The words "co-" joins to a verb or a title ("co-founded", "co-chair", "co-led"). Cut at
#: the hyphen, the model reads "co" and "-" as words of their own and parses the sentence
#: around them wrongly ("X, which A and B co-founded, said": no relative clause); whole,
#: it reads them as the verb or noun they are.
CO_STEMS = ("found", "chair", "lead", "head", "host", "organise", "organize", "sponsor",
            "own", "invest", "develop", "manage", "operate")
CO_WORD = re.compile(r"^[Cc]o-(?:led|" + "|".join(s.rstrip("e") for s in CO_STEMS)
                     + r")[a-z]*$")
#: Nouns written with a hyphen that the parse misreads cut in three ("tie - up": a verb's
#: particle, with no noun to hang "with Y" on; "secretary - general": a verb made of the
#: name before it; "the X e - wallet": three objects).
#: The titles among them (lower case): the tagger, not knowing them, may take them for
#: adjectives, so the pipeline tags them nouns.
HYPHENATED_TITLES = ("under-secretary", "secretary-general", "director-general",
                     "attorney-general", "editor-in-chief")
#: Titles made with "co-" (kept whole by ``CO_WORD``), which the tagger may take for verbs
#: ("Lumen co-founder Jane Doe").
CO_TITLES = tuple(f"co-{t}{s}" for t in ("founder", "chair", "chairman", "chairwoman",
                                          "chairperson", "head", "host", "owner", "manager",
                                          "organiser", "organizer", "sponsor", "investor",
                                          "developer", "operator", "lead")
                  for s in ("", "s"))
HYPHENATED_NOUN = re.compile(
    r"^(?:[Tt]ie-up|[Ss]tart-up|[Ss]pin-off|[Rr]oll-out|[Bb]uy-out|[Tt]ake-over|[Ss]et-up|"
    r"[Ss]ub-custodian|[Ee]-wallet|[Ee]-commerce|[Ee]-payment|"
    # each title with its words' capitals or not ("Secretary-General"), short words as written
    + "|".join("-".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" if len(w) > 2 else w
                        for w in title.split("-")) for title in HYPHENATED_TITLES)
    + r")s?$")
#: The verbs "re-" joins to ("re-elected", "re-appointed"), kept whole for the same reason.
RE_STEMS = ("elect", "appoint", "nominate", "join")
RE_WORD = re.compile(r"^[Rr]e-(?:" + "|".join(RE_STEMS) + r")(?:s|ed|ing)?$")
_WHOLE_WORD = re.compile(f"{DOTTED_NAME.pattern}|{CO_WORD.pattern}|{RE_WORD.pattern}|"
                         f"{HYPHENATED_NOUN.pattern}")


#: A sentence's full stop after a word whose last capital follows a small letter ("MoU.",
#: "StraitsX."): the tokenizer keeps a full stop after a capital, as in an abbreviation
#: ("U.S."), which would make it part of the name.
CAMEL_STOP = r"(?<=[a-z][A-Z])\."


def keep_whole_words(nlp: Language) -> None:
    """Let ``nlp``'s tokenizer keep a dotted name ("Gate.HK"), a "co-" or "re-" word
    ("co-founded", "re-elected") and a hyphenated noun ("tie-up") as one token; and cut a
    sentence's full stop off a word that ends in a capital after a small letter ("MoU.",
    "StraitsX.").

    >>> nlp = spacy.blank("en")
    >>> keep_whole_words(nlp)
    >>> [t.text for t in nlp.make_doc("It banks StraitsX. The U.S. MoU.")]
    ['It', 'banks', 'StraitsX', '.', 'The', 'U.S.', 'MoU', '.']
    """
    nlp.tokenizer.token_match = _WHOLE_WORD.match
    # added to the pipeline's own suffix rules, whichever pipeline it is
    own = nlp.tokenizer.suffix_search.__self__.pattern
    nlp.tokenizer.suffix_search = re.compile(f"{own}|{CAMEL_STOP}$").search
    for form in _DOTTED_FORMS:  # "Lumen Pte. Ltd.": the form's full stop ends no sentence
        nlp.tokenizer.add_special_case(f"{form}.", [{ORTH: f"{form}."}])


def blank_pipeline() -> Language:
    """A blank English spaCy pipeline with hkweb3's sentence splitter."""
    nlp = spacy.blank("en")
    keep_whole_words(nlp)
    nlp.add_pipe("hkweb3_sentences")
    # spaCy refuses texts over 1,000,000 characters (its parser and NER need ~1 GB per
    # 100,000); this pipeline has neither, so any document the readers accept is allowed.
    nlp.max_length = max(nlp.max_length, MAX_BYTES)
    return nlp


# -- registry entities ---------------------------------------------------------------------

#: ``doc.user_data`` key: the registry mentions whose words also begin the name of an entity
#: of another kind, ``(start, end) -> {kind: (id, name)}`` (see ``RegistryMentions``).
DESIGNATED = "hkweb3_designated"


class RegistryMentions:
    """Registry entities found by name or alias, case- and punctuation-tolerant.

    Each name also matches without its brackets ("Bank of Communications Hong Kong") and
    without a legal suffix ("Hash Blockchain" for "Hash Blockchain Limited"); a name or
    variant that two entities would share is dropped, and a variant never takes another
    entity's own name. Short all-capital aliases ("OSL", "SFC") match
    case-sensitively, so ordinary words are not taken for them.
    """

    def __init__(self, nlp: Language, entities: Iterable[Entity]):
        self.entities = {e.id: e for e in entities}
        owners: dict[str, set[str]] = {}
        variants: dict[str, set[str]] = {}
        for entity in self.entities.values():
            own = self._names(entity)
            for name in own:
                owners.setdefault(name, set()).add(entity.id)
            for name in self._variants(entity) - own:
                variants.setdefault(name, set()).add(entity.id)
        # A variant never takes another entity's own name: "Ping An OneConnect", a firm, is
        # not the bank once licensed as "Ping An OneConnect Company Limited".
        for name, ids in variants.items():
            owners.setdefault(name, ids)
        self.lookup = {name: ids.pop() for name, ids in owners.items() if len(ids) == 1}
        self.shortened = self._shortened(nlp, self.lookup)
        self.designated = self._designated(self.entities, self.lookup)
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        for name, entity_id in self.lookup.items():
            pattern = nlp.make_doc(name)
            if len(name) <= 5 and name.isupper():
                self.exact.add(entity_id, [pattern])
            else:
                self.folded.add(entity_id, [pattern])

    @staticmethod
    def _names(entity: Entity) -> set[str]:
        """The entity's name and aliases, spaces collapsed."""
        names = {" ".join(name.split()) for name in (entity.name, *entity.aliases)}
        return {name for name in names if len(name) >= 2}

    @staticmethod
    def _variants(entity: Entity) -> set[str]:
        """Its names without brackets, and without one or more legal suffixes."""
        names = set()
        for name in (entity.name, *entity.aliases):
            for variant in (re.sub(r"[()]", " ", name), *legal_stems(name)):
                variant = " ".join(variant.split())
                if len(variant) >= 2:
                    names.add(variant)
        return names

    @staticmethod
    def _shortened(nlp: Language, lookup: dict[str, str]) -> dict[tuple[str, ...], str]:
        """Each name's first words (two or more, fewer than all), lower case, to the one
        entity whose name begins so: "Lumen Pay" for "Lumen Pay Technology (HK)"."""
        written = {name: tuple(t.lower_ for t in nlp.make_doc(name)) for name in lookup}
        owners: dict[tuple[str, ...], set[str]] = {}
        for name, entity_id in lookup.items():
            words = written[name]
            for n in range(2, len(words)):
                if words[n - 1].isalnum():
                    owners.setdefault(words[:n], set()).add(entity_id)
        names = set(written.values())
        return {words: ids.pop() for words, ids in owners.items()
                if len(ids) == 1 and words not in names}

    @staticmethod
    def _designated(entities: dict[str, Entity], lookup: dict[str, str]
                    ) -> dict[str, dict[str, tuple[str, str]]]:
        """Each name (lower case) to the entities of other kinds named with it and a word
        for their kind: "Lumen" (the group's alias) -> {"TradingPlatform": "Lumen
        Exchange"'s id and name}."""
        lower = {name.lower(): entity_id for name, entity_id in lookup.items()}
        found: dict[str, dict[str, tuple[str, str]]] = {}
        for name, entity_id in lower.items():
            head, _, last = name.rpartition(" ")
            owner, entity = lower.get(head), entities[entity_id]
            if owner and entities[owner].kind != entity.kind and \
                    own_designator(last, entity.kind) and last not in _OWN_DESIGNATORS["Company"]:
                found.setdefault(head, {})[entity.kind] = (entity.id, entity.name)
        return found

    def run(self, doc: Doc) -> list[Mention]:
        matches = [(doc.vocab.strings[key], start, end)
                   for key, start, end in [*self.exact(doc), *self.folded(doc)]]
        spans = spacy.util.filter_spans(
            [Span(doc, start, end, label=entity_id) for entity_id, start, end in matches]
        )
        spans = [_with_forms(self._lengthened(span), self.entities[span.label_].kind)
                 for span in spans if not self._of_elsewhere(span)
                 and not self._after_another_name(span)]
        mentions = []
        for span in spans:
            entity = self.entities[span.label_]
            mentions.append(Mention(span.start, span.end, span.start_char, span.end_char,
                                    span.text, entity.id, entity.kind, entity.name, "registry"))
        doc.user_data[DESIGNATED] = {
            (m.start, m.end): self.designated[m.text.lower()] for m in mentions
            if m.text.lower() in self.designated}
        return mentions


    def _after_another_name(self, span: Span) -> bool:
        """Whether a registry alias of plain words is the end of another body's name ("the
        Bermuda Monetary Authority" is no "Monetary Authority", the HKMA's alias): a
        capitalised word the registry's own name does not hold comes right before it."""
        doc, k = span.doc, span.start - 1
        entity = self.entities[span.label_]
        if k < 0 or not span.text[:1].isupper() or span.text.isupper() or \
                span.text.lower() == entity.name.lower() or len(span) < 2 or \
                entity.kind in {"Person", "Place"}:
            return False  # (a person's other name after a title: "Chief Executive Li Jiachao")
        before = doc[k]
        return before.pos_ == "PROPN" and before.text[:1].isupper() and \
            not before.is_sent_start and before.lower_ not in entity.name.lower().split()

    def _of_elsewhere(self, span: Span) -> bool:
        """Whether a registry name goes on with "of" and another place's name, so naming
        another body ("Monetary Authority of Singapore" is no "Monetary Authority", the
        HKMA's alias); "of Hong Kong" and "of the HKSAR" are the registry's own."""
        doc, k = span.doc, span.end
        if k + 1 >= len(doc) or doc[k].lower_ != "of" or \
                " of " in self.entities[span.label_].name.lower():
            return False
        k += 1 + (doc[k + 1].lower_ == "the")
        if k >= len(doc) or not doc[k].text[:1].isupper():
            return False
        run = " ".join(t.lower_ for t in doc[k:name_run_end(doc, k)])
        return not any(run.startswith(home) for home in _HOME)

    def _lengthened(self, span: Span) -> Span:
        """A name followed by capitalised words that, with it, begin another registry name
        is that name written short: "Lumen Pay" (of "Lumen Pay Technology") after the match
        "Lumen", "Lumen Ledger Technology" (of "Lumen Ledger Technology (HK)") after
        "Lumen". Only the whole run of capitalised words counts, and never after a place
        ("Hong Kong Web3 hub" is no "Hong Kong Web3 Association")."""
        doc = span.doc
        end = name_run_end(doc, span.end)
        while end > span.end and is_legal_suffix(doc[end - 1].text):
            end -= 1  # "Lumen Pay Limited": the legal form is no word of the name's
        kind = self.entities[span.label_].kind
        if end == span.end or kind == "Place" or all(
                own_designator(t.lower_, kind) for t in doc[span.end:end]):
            return span  # "Lumen Bank" for the bank Lumen (not "Lumen Bank (HK)")
        entity_id = self.shortened.get(tuple(t.lower_ for t in doc[span.start:end]))
        if entity_id is None or named_as_parent(doc[span.start:end]):
            return span  # "the unit of X": X is the parent, not its arm "X (Hong Kong)"
        return Span(doc, span.start, end, label=entity_id)


def _with_forms(span: Span, kind: str) -> Span:
    """A registry name with the legal form and group ending written after it ("Animoca
    Brands Corp.", "HSBC Holdings Plc"), which the parse makes the phrase's head."""
    doc, end = span.doc, span.end
    if kind in {"Place", "Person"}:
        return span
    while end < len(doc) and end - span.end < 3 and doc[end].text[:1].isupper() and (
            is_legal_suffix(doc[end].text) or doc[end].lower_ == "holdings"):
        end += 1
    return span if end == span.end else Span(doc, span.start, end, label=span.label_)


#: How a text names the registry's own jurisdiction after "of" ("the SFC of Hong Kong").
_HOME = ("hong kong", "hk", "hksar", "china", "the people's republic", "prc")
#: The most capitalised words a name runs on after a known name ("Lumen Pay Network Labs").
NAME_RUN = 6
#: Words that a name of each kind is written with, naming no other entity: "Lumen Bank" is
#: the bank Lumen, "Lumen Group" the company.
_OWN_DESIGNATORS = {"Company": {"group", "company", "co", "co.", "corporation", "corp"},
                    "Bank": {"bank", "banking"}, "TradingPlatform": {"exchange"},
                    "Regulator": {"authority", "commission"}}


def own_designator(word: str, kind: str) -> bool:
    """Whether ``word`` (lower case), after a name of ``kind``, is the name's own designator
    ("Group" after any organisation's, "Bank" after a bank's)."""
    kind = "Bank" if kind == "VirtualBank" else kind
    return word in _OWN_DESIGNATORS["Company"] or word in _OWN_DESIGNATORS.get(kind, ())


def name_run_end(doc: Doc, start: int) -> int:
    """The end of the run of capitalised words from ``start`` in its sentence (``start``
    itself if none): the words that may go on a name begun before them."""
    end, stop = start, min(len(doc), start + NAME_RUN)
    while end < stop and doc[end].text[:1].isupper() and not doc[end].is_sent_start and \
            "\n" not in doc[end].text:
        end += 1
    return end


# -- entities the registry does not know --------------------------------------------------

_SUFFIX_KINDS = {
    "bank": "Bank", "exchange": "TradingPlatform", "commission": "Regulator",
    "authority": "Regulator", "association": "Association", "institute": "Association",
    "council": "Association", "federation": "Association", "chamber": "Association",
    "society": "Association",
    "bureau": "GovernmentBody", "department": "GovernmentBody", "ministry": "GovernmentBody",
    "government": "GovernmentBody",
}
_ORG_SUFFIXES = [*_SUFFIX_KINDS, "group", "holdings", "insurance", "limited", "ltd", "ltd.",
                 "corporation", "corp", "corp.", "inc", "inc.", "technology", "technologies",
                 "capital", "labs", "securities", "financial", "partners", "ventures",
                 "fintech", "foundation", "brands", "digital", "markets", "investments",
                 "asset management", "management", "consulting", "telecom", "pay", "wallet",
                 "clearing", "trust", "solutions", "services", "brokers", "brokerage", "finance",
                 "international", "investment", "network", "networks", "systems", "global"]
_PERSON_TITLES = ["chief executive", "ceo", "chairman", "chairwoman", "chair", "director",
                  "founder", "co-founder", "secretary", "mr.", "ms.", "mrs.", "dr.",
                  "professor", "minister", "governor", "president", "officer", "head",
                  "spokesperson", "spokesman", "spokeswoman", "analyst", "partner",
                  "manager", "executive", "commissioner", "premier", "vice-chairman",
                  "lawmaker", "legislator", "economist", "researcher"]
_ROLE_WORDS = ["chief", "ceo", "deputy", "alternate", "chairman", "chairwoman", "chair",
               "director", "executive", "founder", "co-founder", "head", "president",
               "managing", "general", "senior", "secretary", "vice", "partner", "cfo",
               "coo", "cto", "governor", "spokesperson", "spokesman", "spokeswoman"]
_NOT_NAME = {"The", "A", "An", "In", "On", "At", "Its", "His", "Her", "Their", "This",
             "That", "These", "Those", "But", "And", "For", "With", "From", "By", "As",
             "It", "He", "She", "They", "We", "Chinese", "Mainland", "Under", "Among",
             "Banks", "Firms", "Smartphone", "Internet", "Several", "Day-to-day",
             "Secretary", "Chief", "Minister", "Director", "Chairman", "Executive",
             "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
             "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
             "July", "August", "September", "October", "November", "December"}
_CAP = {"TEXT": {"REGEX": r"^[A-Z][A-Za-z0-9&'’.\-]*$"}}
_NAME = {"TEXT": {"REGEX": r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[a-zß-öø-ÿ]+)?$",
                  "NOT_IN": sorted(_NOT_NAME)}}


class Discoverer:
    """Organisations and people the registry does not know, recognised by their shape.

    An organisation is a run of capitalised words ending in a word such as Bank, Group,
    Association, Commission, Insurance or Limited; its kind follows from that word. A person
    is two or three capitalised words after a title ("CEO Jane Doe") or before a role in an
    apposition ("Jane Doe, chief executive of ...").
    """

    def __init__(self, nlp: Language):
        self.matcher = Matcher(nlp.vocab)
        connector = {"LOWER": {"IN": ["of", "and", "&", "for", "the"]}, "OP": "*"}
        suffix = {"LOWER": {"IN": _ORG_SUFFIXES}, "TEXT": {"REGEX": r"^[A-Z]"}}
        first = {"TEXT": {"REGEX": r"^[A-Z][A-Za-z0-9&'’.\-]*$", "NOT_IN": sorted(_NOT_NAME)}}
        self.matcher.add("ORG", [
            [first, {**_CAP, "OP": "*"}, connector, {**_CAP, "OP": "*"}, suffix],
            [{"LOWER": "bank"}, {"LOWER": "of"}, _CAP, {**_CAP, "OP": "?"}],
        ], greedy="LONGEST")
        titles = [[{"LOWER": w} for w in t.split()] for t in _PERSON_TITLES]
        name = [_NAME, _NAME, {**_NAME, "OP": "?"}]
        link = {"LOWER": {"IN": ["is", "was", ",", "has", "been"]}, "OP": "*"}
        self.matcher.add("PERSON_TITLED", [[*t, link, *name] for t in titles],
                         greedy="LONGEST")
        self.matcher.add("PERSON_APPOSED", [
            [*name, {"ORTH": ","}, {"LOWER": {"IN": ["the", "a", "its", "their"]}, "OP": "?"},
             {"LOWER": {"IN": _ROLE_WORDS}}],
        ], greedy="LONGEST")
        self.schema = load_schema()

    def run(self, doc: Doc, known: list[Mention]) -> list[Mention]:
        """Mentions of unknown entities that do not overlap ``known`` ones."""
        # A place inside a longer organisation name ("Hong Kong Exchanges and Clearing")
        # does not stop the organisation being found; the place mention then gives way.
        taken = {i for m in known if m.kind != "Place" for i in range(m.start, m.end)}
        spans = []
        for key, start, end in (
            (key, piece.start + start, piece.start + end)
            for piece in _prose(doc) for key, start, end in self.matcher(piece)
        ):
            label = doc.vocab.strings[key]
            span = doc[start:end]
            if label == "PERSON_TITLED":
                parts = [_trailing_names(span)]
            elif label == "PERSON_APPOSED":
                parts = [_leading_names(span)]
            else:
                parts = _split_listed_orgs(span)
            for part in parts:
                if part is None or any(i in taken for i in range(part.start, part.end)):
                    continue
                spans.append(Span(doc, part.start, part.end,
                                  label="ORG" if label == "ORG" else "PERSON"))
        mentions = []
        for span in spacy.util.filter_spans(spans):
            name = span.text.removesuffix("'s").removesuffix("’s").strip(" ,.")
            if not name or not slugify(name):
                continue
            kind = "Person" if span.label_ == "PERSON" else _org_kind(name)
            mentions.append(Mention(span.start, span.end, span.start_char, span.end_char,
                                    span.text, slugify(name), kind, name, "discovered"))
        return mentions


#: A longer run of capitalised words is not prose (names listed without punctuation, a
#: table): no name is discovered inside one. The matcher's work grows with the cube of a
#: run's length ("ZA Bank ZA Bank ..." 500 times: 100 s and 2 GB).
MAX_CAPITALISED_RUN = 30
_CAPITALISED = re.compile(_CAP["TEXT"]["REGEX"])


def _prose(doc: Doc) -> list[Span]:
    """``doc`` in pieces, cut around runs of over MAX_CAPITALISED_RUN capitalised tokens."""
    pieces, start, run_start = [], 0, None
    for i in range(len(doc) + 1):
        if i < len(doc) and _CAPITALISED.match(doc[i].text):
            run_start = i if run_start is None else run_start
            continue
        if run_start is not None and i - run_start > MAX_CAPITALISED_RUN:
            pieces.append(doc[start:run_start])
            start = i
        run_start = None
    pieces.append(doc[start:])
    return [piece for piece in pieces if len(piece)]


#: Words that end an organisation's name for certain (unlike "Services" in "Financial
#: Services and the Treasury Bureau").
_NAME_ENDS = {"bank", "group", "limited", "ltd", "ltd.", "holdings", "insurance", "exchange",
              "association", "commission", "authority", "corporation", "corp", "corp.", "inc",
              "inc.", "labs", "ventures", "brands", "foundation", "hub", "institute",
              "centre", "center", "council", "forum", "alliance"}


def _split_listed_orgs(span: Span) -> list[Span]:
    """"Lumen Group and Harbour Crest Bank" names two organisations: an "and" right after a
    word that ends an organisation's name, or before "the" ("the Lumen Society and the Orrin
    Council"), splits the match."""
    parts, start = [], span.start
    for token in span:
        if token.lower_ in {"and", "&"} and token.i > start and (
            span.doc[token.i - 1].lower_ in _NAME_ENDS
            or token.lower_ == "and" and token.i + 1 < span.end
            and span.doc[token.i + 1].lower_ == "the"
            and span.doc[token.i - 1].lower_ != "services"  # "Financial Services and the
        ):  # Treasury": the bureau's name
            parts.append(span.doc[start:token.i])
            start = token.i + 1
    parts.append(span.doc[start:span.end])
    return [p for p in parts if len(p) and p[-1].lower_ in _ORG_SUFFIXES or
            (len(p) and p[0].lower_ == "bank")]


def _org_kind(name: str) -> str:
    words = name.lower().replace(",", " ").split()
    for word in reversed(words):
        if word in _SUFFIX_KINDS:
            return _SUFFIX_KINDS[word]
        if word not in {"limited", "ltd", "ltd.", "co.", "co", "(hong", "kong)", "hong",
                        "kong", "of", "asia", "china", "international"}:
            break
    return "Bank" if words[:1] == ["bank"] else "Company"


def _trailing_names(span: Span) -> Span | None:
    end = span.end
    start = end
    while start > span.start and re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)?", span.doc[start - 1].text):
        start -= 1
    return span.doc[start:end] if end - start >= 2 else None


def _leading_names(span: Span) -> Span | None:
    start = span.start
    end = start
    while end < span.end and re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)?", span.doc[end].text):
        end += 1
    return span.doc[start:end] if end - start >= 2 else None


# -- references back ----------------------------------------------------------------------

#: Words that point back to an entity named earlier, and the kinds they may point to.
REFERENCES: dict[str, tuple[str, ...]] = {
    "its": ("Organization",), "it": ("Organization",),
    # inside a quote, the speaker's organisation ("“Our tie-up with X ...,” said A, chief
    # executive of Y")
    "our": ("Organization",), "we": ("Organization",),
    "the lender": ("Bank",), "the bank": ("Bank",), "the virtual bank": ("Bank",),
    "the digital bank": ("Bank",), "the exchange": ("TradingPlatform",),
    "the platform": ("TradingPlatform",), "the bourse": ("TradingPlatform",),
    "the regulator": ("Regulator",), "the watchdog": ("Regulator",),
    "the commission": ("Regulator",), "the authority": ("Regulator",),
    "the insurer": ("Company",), "the firm": ("Company", "TradingPlatform"),
    "the company": ("Company",), "the group": ("Company",), "the startup": ("Company",),
    "the start-up": ("Company",), "the fintech": ("Company",), "the brokerage": ("Company",),
    "the conglomerate": ("Company",), "the operator": ("Company", "TradingPlatform"),
    "the issuer": ("Company", "Bank"), "the central bank": ("Regulator", "Bank"),
    "the association": ("Association",), "the institute": ("Association",),
    "the government": ("GovernmentBody",), "the sandbox": ("Initiative",),
    "the programme": ("Initiative",), "the program": ("Initiative",),
    "the scheme": ("Initiative",), "the pilot": ("Initiative",),
    "the stablecoin": ("Product",), "the token": ("Product",), "the coin": ("Product",),
    "the etf": ("Product",), "the wallet": ("Product",), "the fund": ("Product", "Company"),
    "the event": ("Event",), "the summit": ("Event",), "the conference": ("Event",),
    "the forum": ("Event",), "the festival": ("Event",),
    "he": ("Person",), "she": ("Person",), "his": ("Person",), "her": ("Person",),
}


for _phrase, _kinds in list(REFERENCES.items()):
    if _phrase.startswith("the "):
        for _determiner in ("that ", "this "):
            REFERENCES[_determiner + _phrase[4:]] = _kinds


#: Words that set a place before a description ("the Singapore-based exchange").
_PLACED = {"based", "headquartered", "listed", "registered", "incorporated"}
#: Nouns for a part of a firm, which a description before them only qualifies, and whose
#: name after "of" is its parent ("the Hong Kong unit of X").
_PART_NOUNS = {"arm", "unit", "subsidiary", "division", "branch", "affiliate", "offshoot"}


class References:
    """Pronouns and definite descriptions resolved to the last entity of a fitting kind
    named in the same or the previous two sentences."""

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase in [*REFERENCES, *PAIRS]:
            self.matcher.add(phrase, [nlp.make_doc(phrase)])
        # "the Singapore-based crypto exchange": a description whose place comes first
        nouns = sorted(p[4:] for p in REFERENCES if p.startswith("the ") and " " not in p[4:])
        self.placed = Matcher(nlp.vocab)
        self.placed.add("PLACED", [[{"LOWER": "the"}, {"IS_TITLE": True, "OP": "{1,3}"},
                                    {"ORTH": "-"}, {"LOWER": {"IN": sorted(_PLACED)}},
                                    {"IS_LOWER": True, "OP": "{0,2}"},
                                    {"LOWER": {"IN": nouns}}]], greedy="LONGEST")
        self.schema = load_schema()

    def _matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Each description or pronoun, with its span: for one whose place comes first, the
        words after the place's "-based" (the place is a name of its own)."""
        found = [(doc.vocab.strings[key], start, end) for key, start, end in self.matcher(doc)]
        for _, start, end in self.placed(doc):
            if start and doc[start - 1].text in {",", "(", "–", "—"} or \
                    end < len(doc) and doc[end].text[:1].isupper() or \
                    doc[end - 1].dep_ not in {"nsubj", "nsubjpass"}:
                continue  # "X, the Singapore-based exchange": an apposition, X's own; "the
                # Macau-based lender Y": Y; "compete with the Macau-based lender": another
            after = next(k for k in range(start, end) if doc[k].lower_ in _PLACED) + 1
            found.append(("the " + doc[end - 1].lower_, after, end))
        return found

    def run(self, doc: Doc, named: list[Mention]) -> list[Mention]:
        taken = {i for m in named for i in range(m.start, m.end)}
        by_position = sorted(named, key=lambda m: m.start)
        starts = [m.start for m in by_position]
        sentences = list(doc.sents)
        sentence_of = [n for n, sent in enumerate(sentences) for _ in range(len(sent))]
        # Candidates are taken by bisection in lists of the mentions that fit, made once per
        # kind (and noun), so that neither a long document nor a sentence naming thousands of
        # entities makes this quadratic. A mention before a reference ends before it: the
        # reference would be inside it, and is skipped.
        fitting: dict[tuple[tuple[str, ...], str], list[int]] = {}

        def fits(kinds: tuple[str, ...], noun: str = "") -> list[int]:
            if (kinds, noun) not in fitting:
                fitting[kinds, noun] = [
                    k for k, m in enumerate(by_position)
                    if any(self.schema.is_a(m.kind, kind) for kind in kinds)
                    and noun in m.name.lower()]
            return fitting[kinds, noun]

        others: dict[str, list[int]] = {}

        def previous_other(kind: str) -> list[int]:
            """For each fitting mention, the index of the one before it that names another
            entity (-1 if none)."""
            if kind not in others:
                positions, previous = fits((kind,)), []
                for p, position in enumerate(positions):
                    same = p and by_position[positions[p - 1]].entity_id == \
                        by_position[position].entity_id
                    previous.append(previous[p - 1] if same else p - 1)
                others[kind] = previous
            return others[kind]

        def first_of(sentence: int) -> int:  # position of the sentence's first mention
            return bisect.bisect_left(starts, sentences[sentence].start)

        found = []
        for phrase, start, end in self._matches(doc):
            if any(i in taken for i in range(start, end)):
                continue
            span = doc[start:end]
            here = sentence_of[start]
            before_here = bisect.bisect_left(starts, start)
            if phrase in PAIRS:
                # The last two different entities of the kind named before it.
                positions = fits((PAIRS[phrase],))
                last = bisect.bisect_left(positions, before_here) - 1
                chosen = [last, previous_other(PAIRS[phrase])[last]] if last >= 0 else []
                found += [Mention(start, end, span.start_char, span.end_char, span.text,
                                  m.entity_id, m.kind, m.name, "reference")
                          for m in (by_position[positions[p]] for p in chosen if p >= 0)]
                continue
            kinds = REFERENCES[phrase]
            if phrase not in _PRONOUNS and doc[end - 1].dep_ in {"compound", "amod"} and \
                    doc[end - 1].head.i > end - 1 and \
                    doc[end - 1].head.lemma_.lower() in _PART_NOUNS:
                continue  # "the fintech arm of X", "the bank unit": a part of another firm
            if phrase not in _PRONOUNS and _named_next(doc, end, starts, fits(kinds)):
                continue  # "the fund, the Lumen Bitcoin ETF,": the name that follows it is
                # the mention
            if phrase in _OURS:
                position = _speaker_organisation(doc, start, sentences[here], by_position,
                                                 fits(kinds))
            elif phrase in _PRONOUNS:
                # A pronoun mostly points at the subject: its own clause's ("A named B its
                # chief; C hired D" in one sentence), else the first fitting entity of its
                # own sentence, else of the sentence before.
                position = _clause_subject(doc[start], by_position, fits(kinds), before_here)
                if position is None:
                    position = _first_in(fits(kinds), first_of(here), before_here)
                if position is None and here > 0:
                    position = _first_in(fits(kinds), first_of(here - 1), first_of(here))
                if position is None and phrase in _PERSONAL and here > 1:
                    # "Jane Doe ... She was chair of X. He has also been ...": a personal
                    # pronoun goes on pointing at the one person named a little before
                    low = first_of(max(here - _PERSON_REACH, 0))
                    fitting_people = fits(kinds)
                    people = fitting_people[bisect.bisect_left(fitting_people, low):
                                            bisect.bisect_left(fitting_people, first_of(here - 1))]
                    if len({by_position[k].entity_id for k in people}) == 1 and not any(
                            t.lower_ in _PERSON_NOUNS and t.dep_ in _ACTING
                            and not (t.dep_ == "pobj" and t.head.lower_ == "as")
                            for t in doc[by_position[people[-1]].end:sentences[here].start]):
                        # (no unnamed person acting between: "The CFO of X resigned.")
                        position = people[-1]
            elif before_here and _apposed(doc, start, end, by_position[before_here - 1]) \
                    and _first_in(fits(kinds), before_here - 1, before_here) is not None:
                # "Lumen, the exchange owned by Orchid": a description in apposition is the
                # name just before it
                position = before_here - 1
            else:
                # A description ("the lender") points at the last fitting entity named in its
                # sentence or the ten before, one whose name has its noun first.
                window = first_of(max(here - 10, 0))
                noun = phrase.split()[-1]
                # "X, the firm's unit": the firm is not X; "according to X": a source
                # of the news, not a subject of it
                owner_of_apposed = by_position[before_here - 1].entity_id \
                    if before_here and _apposed_possessive(doc, start, end,
                                                           by_position[before_here - 1]) \
                    else None
                actors = _clause_actors(span)

                def allowed(k: int, excluded: str | None = owner_of_apposed,
                            actors: set[int] = actors) -> bool:
                    m = by_position[k]
                    return m.entity_id != excluded and not _source_of_news(doc, m) \
                        and m.start not in actors

                position = _last_in(fits(kinds, noun), window, before_here, allowed)
                if position is None and noun not in _OWN_NOUN_ONLY:
                    position = _last_in(fits(kinds), window, before_here, allowed)
                    if position is not None and _opens_clause(span.root) and \
                            position < first_of(here):
                        # "IDA said A and B had invested. The company added ...": a
                        # description opening its sentence continues the topic, the last
                        # sentence's speaker, not a name inside what was said
                        def topical(k: int, kind: str = by_position[position].kind) -> bool:
                            m = by_position[k]
                            return m.kind == kind and _main_subject(_span(doc, m))

                        topic = _last_in(fits(kinds),
                                         first_of(sentence_of[by_position[position].start]),
                                         before_here, topical)
                        position = position if topic is None else topic
            if position is not None:
                candidate = by_position[position]
                found.append(Mention(start, end, span.start_char, span.end_char, span.text,
                                     candidate.entity_id, candidate.kind, candidate.name,
                                     "reference"))
        return found


def _clause_subject(pronoun: Token, mentions: list[Mention], fitting: list[int],
                    before: int) -> int | None:
    """The position (among the ``mentions``, by start) of the named subject of the clause
    ``pronoun`` is in, where that clause is not its sentence's first: one of fitting kind
    (its position in ``fitting``) that starts before the pronoun."""
    verb = pronoun
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ not in {"conj", "parataxis"} or verb.pos_ not in {"VERB", "AUX"}:
        return None
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
                    and not c.left_edge.i <= pronoun.i <= c.right_edge.i):
        # (not the subject the pronoun describes: "and X, its unit, will ...")
        p = bisect.bisect_right([m.start for m in mentions], subject.i) - 1
        f = bisect.bisect_left(fitting, p)
        if 0 <= p < before and mentions[p].end > subject.i and subject.i < pronoun.i and \
                f < len(fitting) and fitting[f] == p:
            return p
    return None


def _apposed(doc: Doc, start: int, end: int, before: Mention) -> bool:
    """Whether the description ``doc[start:end]`` stands in apposition to the mention just
    before it ("Lumen, the exchange run by Orchid"): a comma between them, and the description
    neither a possessive ("Lumen, the exchange's parent") nor followed by its own finite verb
    ("... went to Lumen, the regulator said"). (The parse is not asked: it often takes the
    apposition for the subject of the sentence's verb.)"""
    if before.end != start - 1 or doc[start - 1].text != ",":
        return False
    first = doc[before.start].sent.start
    if doc[first].pos_ in {"ADP", "SCONJ", "ADV"} and not any(
            t.text == "," for t in doc[first:before.start]):
        return False  # "Unlike Lumen, the exchange ...": the comma ends an opening phrase
    after = doc[end] if end < len(doc) else None
    return after is None or after.text not in {"'s", "’s", "'"} and after.tag_ not in _FINITE


def _named_next(doc: Doc, end: int, starts: list[int], fitting: list[int]) -> bool:
    """Whether a description ending at ``end`` is followed by the name it describes, in
    apposition ("the fund, the Lumen ETF, ..."): ``fitting`` holds the sorted positions of
    the mentions (by start) of a kind it may describe."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    k = end + 1 + (doc[end + 1].lower_ in {"the", "a", "an"})
    p = bisect.bisect_left(starts, k)
    if p == len(starts) or starts[p] > k + 2 or "," in {t.text for t in doc[k:starts[p]]}:
        return False
    f = bisect.bisect_left(fitting, p)
    return f < len(fitting) and fitting[f] == p


def _apposed_possessive(doc: Doc, start: int, end: int, before: Mention) -> bool:
    """Whether a possessive description follows the mention just before it after a comma
    ("Lumen, the firm's unit"): the description then names another entity."""
    return before.end == start - 1 and doc[start - 1].text == "," and end < len(doc) and \
        doc[end].text in {"'s", "’s", "'"}


def _clause_actors(span: Span) -> set[int]:
    """The tokens of the subject of the clause a description is an object in ("a consortium
    of A and B took a stake in the company"): a description in its clause's object names
    something other than its clause's subject, which would be "itself" or "its"."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text in {"'s", "’s", "'"}:
        return set()  # "Lumen raised the company's stake": possessives are looser
    verb = span.root
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.i == span.root.i or span.root.dep_ in {"nsubj", "nsubjpass"} or \
            verb.lemma_.lower() in {"be", "remain", "become"}:
        return set()  # "Y is the bank that serves X": after "is" the description is Y
    return {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
            for t in c.subtree}


def _source_of_news(doc: Doc, m: Mention) -> bool:
    """Whether the mention is what the news is attributed to ("according to X")."""
    k = m.start
    return k >= 2 and doc[k - 1].lower_ == "to" and doc[k - 2].lower_ == "according"


#: Tags of finite verbs.
_FINITE = {"VBD", "VBZ", "VBP", "MD"}


def _opens_clause(root: Token) -> bool:
    """Whether ``root`` (a phrase's head) is the subject of its sentence's main verb."""
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.dep_ == "ROOT"


def _main_subject(span: Span) -> bool:
    """Whether ``span`` (or the list it heads) is the subject of its sentence's main verb."""
    root = span.root
    while root.dep_ == "conj":
        root = root.head
    return _opens_clause(root)


#: Words a speaker uses of the organisation they speak for.
_OURS = {"our", "we"}


def _speaker_organisation(doc: Doc, start: int, sentence: Span, mentions: list[Mention],
                          fitting: list[int]) -> int | None:
    """The organisation a quoted "our" or "we" at ``start`` stands for: the one named in the
    attribution after the quote ("“Our tie-up with X ...,” said A, chief executive of Y": Y),
    or else before it ("A, Y's chief executive, said: “We ...”"); none outside a quote."""
    quotes = [t.i for t in sentence if t.is_quote]
    pairs = list(zip(quotes[::2], quotes[1::2], strict=False))  # (an unclosed quote: none)
    inside = next(((a, b) for a, b in pairs if a < start < b), None)
    if inside is None:
        return None
    after = [k for k in fitting if inside[1] < mentions[k].start < sentence.end]
    before = [k for k in fitting if sentence.start <= mentions[k].start
              and mentions[k].end <= inside[0]]
    return after[0] if after else before[-1] if before else None


def _first_in(positions: list[int], low: int, high: int) -> int | None:
    """The first of the sorted ``positions`` in ``[low, high)``."""
    p = bisect.bisect_left(positions, low)
    return positions[p] if p < len(positions) and positions[p] < high else None


def _last_in(positions: list[int], low: int, high: int,
             fitting: Callable[[int], bool] | None = None) -> int | None:
    """The last of the sorted ``positions`` in ``[low, high)`` (that is ``fitting``)."""
    p = bisect.bisect_left(positions, high) - 1
    while p >= 0 and positions[p] >= low:
        if fitting is None or fitting(positions[p]):
            return positions[p]
        p -= 1
    return None


_PRONOUNS = {"its", "it", "he", "she", "his", "her"}
#: Pronouns only for people, and how many sentences back they may reach.
_PERSONAL = {"he", "she", "his", "her"}
_PERSON_REACH = 4
#: Roles in which an unnamed person acts in a sentence (and may be what a later pronoun
#: means), and the nouns for such a person.
_ACTING = {"nsubj", "nsubjpass", "dobj", "pobj"}
_PERSON_NOUNS = {"ceo", "cfo", "coo", "cto", "chairman", "chairwoman", "chief", "director",
                 "official", "executive", "founder", "president", "manager", "minister",
                 "secretary", "spokesman", "spokeswoman", "spokesperson", "analyst",
                 "governor", "officer", "head", "partner", "banker", "lawyer", "trader"}
#: Nouns whose description points only at a name holding the noun: "the government" is no
#: bureau named before it.
_OWN_NOUN_ONLY = {"government"}
#: Phrases naming the last two entities of a kind together.
PAIRS: dict[str, str] = {
    "both exchanges": "TradingPlatform", "both platforms": "TradingPlatform",
    "the two exchanges": "TradingPlatform", "the two platforms": "TradingPlatform",
    "both banks": "Bank", "both lenders": "Bank", "the two banks": "Bank",
    "the two lenders": "Bank",
}


# -- mentions on the Doc ------------------------------------------------------------------

#: The span groups that hold mentions, and the ``how`` each gives its mentions.
GROUPS = {"registry": "registry", "discovered": "discovered",
          "abbreviation": "abbreviation", "reference": "reference"}


def mentions_of(doc: Doc) -> list[Mention]:
    """Every mention the pipeline wrote on ``doc``, in text order."""
    names = doc._.entity_names or {}
    found = []
    for group, how in GROUPS.items():
        if group not in doc.spans:
            continue
        for span in doc.spans[group]:
            found.append(Mention(span.start, span.end, span.start_char, span.end_char,
                                 span.text, span.kb_id_, span.label_,
                                 names.get(span.kb_id_, span.text), how))
    return sorted(found, key=lambda m: (m.start, m.end))


def _span(doc: Doc, m: Mention) -> Span:
    return Span(doc, m.start, m.end, label=m.kind, kb_id=m.entity_id)


def _mention(span: Span, how: str) -> Mention:
    names = span.doc._.entity_names or {}
    return Mention(span.start, span.end, span.start_char, span.end_char, span.text,
                   span.kb_id_, span.label_, names.get(span.kb_id_, span.text), how)


def resolve_partial(found: list[Span], named: list[Span]) -> tuple[list[Span], list[Span]]:
    """A discovered name that begins a registry name used earlier ("Insight Fintech" after
    "Insight Fintech HK") is that entity: returns (those, as registry spans; the others)."""
    # Each registry mention's text up to each of its spaces, to its first mention: one look-up
    # per discovered name rather than a scan of every mention (long documents stay linear).
    first_with_prefix: dict[str, Span] = {}
    for span in sorted(named, key=lambda s: s.start):
        text = span.text.lower()
        for i, char in enumerate(text):
            if char == " ":
                first_with_prefix.setdefault(text[:i], span)
    moved, kept = [], []
    for span in found:
        earlier = first_with_prefix.get(span.text.lower())
        # a name the document gives in full as a group's ("First Digital" for "First Digital
        # Group", beside the registry's "First Digital Trust") stays the group's
        longer = span.kb_id_ in {"-".join([*span.text.lower().split(), end])
                                 for end in ("group", "holdings")}
        if earlier is not None and earlier.start < span.start and not longer and \
                not named_as_parent(span):
            moved.append(Span(span.doc, span.start, span.end, label=earlier.label_,
                              kb_id=earlier.kb_id_))
        else:
            kept.append(span)
    return moved, kept


def resolve_given_names(found: list[Span], registry: list[Span]) -> list[Span]:
    """A discovered person's name that is a registry person's name and a Chinese given name
    after it ("John Lee Ka-chiu", beside the registry's "John Lee") is that person: returns
    ``found`` with those spans given the registry person's id."""
    people = {s.start: s for s in registry if s.label_ == "Person"}
    ends = {s.end: s for s in registry if s.label_ == "Person"}
    out = []
    for span in found:
        before = ends.get(span.start)
        if before is not None and _GIVEN_NAME.match(span.text):
            # "Eric Yip Chee-hang" beside the registry's "Eric Yip": the NER's name after the
            # registry's is the given name, not a person of its own
            span = Span(span.doc, before.start, span.end, label="Person", kb_id=before.kb_id_)
        known = people.get(span.start)
        rest = span.doc[known.end:span.end] if known is not None else None
        if span.label_ == "Person" and rest is not None and 0 < len(rest) <= 3 and \
                "-" in rest.text and not rest.text.startswith("-"):
            span = Span(span.doc, span.start, span.end, label="Person", kb_id=known.kb_id_)
        out.append(span)
    return out


#: A hyphenated Chinese given name ("Chee-hang", "Ka-chiu").
_GIVEN_NAME = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def named_as_parent(span: Span) -> bool:
    """Whether ``span`` is named as a firm's parent: "the unit of X", "X's Hong Kong arm",
    "its parent, X", "parent company X"."""
    root, doc = span.root, span.doc
    if root.dep_ == "pobj" and root.head.lower_ == "of" and \
            root.head.head.lemma_.lower() in _PART_NOUNS:
        return True
    if root.dep_ == "poss" and root.head.lemma_.lower() in _PART_NOUNS:
        return True
    before = {t.lower_ for t in doc[max(0, span.start - 3):span.start]}
    return "parent" in before


_ABBREVIATION = re.compile(r"^[A-Za-z][A-Za-z0-9&\-]{1,11}$")


def abbreviations(doc: Doc, named: list[Span]) -> list[Span]:
    """"Name (ABBR)": later uses of ABBR in the document name the same entity."""
    aliases: dict[str, Span] = {}
    for span in named:
        end = span.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            abbr = doc[end + 1].text
            if _ABBREVIATION.match(abbr) and any(c.isupper() for c in abbr):
                aliases.setdefault(abbr, span)
    taken = {i for s in named for i in range(s.start, s.end)}
    found = []
    for token in doc:
        owner = aliases.get(token.text)
        if owner is not None and token.i not in taken:
            found.append(Span(doc, token.i, token.i + 1, label=owner.label_,
                              kb_id=owner.kb_id_))
            doc._.surface.setdefault(owner.kb_id_, set()).add(token.text)
    return found


def references_component(nlp: Language):
    """A function ``(doc, named spans) -> reference spans`` over :class:`References`."""
    references = References(nlp)

    def run(doc: Doc, named: list[Span]) -> list[Span]:
        mentions = [_mention(s, "named") for s in named]  # references read kinds, not how
        return [_span(doc, m) for m in references.run(doc, mentions)]

    return run

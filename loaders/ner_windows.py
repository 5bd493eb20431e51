"""The model's NER, run only around the words that may start a name the registry lacks.

hkweb3 reads the NER for one thing: names it does not know (their bounds, and whether a
name is a person). Known names are the registry's, and a sentence without capitalised words
holds no name at all. The NER of ``en_core_web_sm`` has its own token-to-vector layer and
was 40% of extraction time, so running it over every word cost more than the rest of the
model together. It now runs on short windows: each capitalised word or proper noun outside
a registry name, with ``margin`` words either side (within its sentence), windows that touch
merged. The NER's features read four words either side of a token and the last decisions;
with the pipeline's margin of four, on the twenty news articles and ``data/documents`` the
extracted graph is the same as with the NER over the whole text (a margin of six too).

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("The bank said on Monday that Lumen Pay had won a licence in Hong Kong.")
>>> for token in doc:
...     token.is_sent_start = token.i == 0
>>> [doc[a:b].text for a, b in name_windows(doc, known=set(), margin=1)]
['on Monday that Lumen Pay had', 'in Hong Kong.']
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span


def may_name(token) -> bool:
    """Whether ``token`` may be part of a name: a proper noun, or a capitalised word that
    does not begin its sentence."""
    if token.pos_ == "PROPN":
        return True
    return token.is_alpha and (token.is_title or token.is_upper) and not token.is_sent_start


def name_windows(doc: Doc, known: set[int], margin: int, parsed: bool = False
                 ) -> Iterator[tuple[int, int]]:
    """``(start, end)`` token windows around the words that may name what ``known`` (token
    indices of registry names) does not cover, in order, none overlapping.

    ``parsed``: the doc went through the parser, and the words it left unparsed (in a long
    text, a sentence too long to parse: see :mod:`hkweb3.loaders.extract`) are no reason
    for a window, as the NER over the whole text does not read them either. Such a run
    has no length limit, and the NER's memory grows with a window's."""
    for sentence in doc.sents:
        start = end = None
        for token in sentence:
            if token.i in known or not may_name(token) or (parsed and not token.dep):
                continue
            low = max(sentence.start, token.i - margin)
            high = min(sentence.end, token.i + margin + 1)
            if end is not None and low <= end:
                end = high
                continue
            if end is not None:
                yield start, end
            start, end = low, high
        if end is not None:
            yield start, end


class WindowedNER:
    """Runs ``ner`` (the model's component, given by :meth:`use`) on :func:`name_windows`
    and writes what it finds to ``doc.ents``, every other token outside an entity."""

    def __init__(self, nlp: Language, margin: int, batch_size: int):
        self.parsed = "parser" in nlp.pipe_names
        self.margin = margin
        self.batch_size = batch_size
        self.ner = None

    def use(self, ner) -> None:
        self.ner = ner

    def __call__(self, doc: Doc) -> Doc:
        # A registry place may begin a longer name ("Hong Kong BGE"), and the name finder
        # reads whether the NER took it for a place: only other registry names are known.
        known = {i for s in doc.spans["registry"] if s.label_ != "Place"
                 for i in range(s.start, s.end)}
        windows = list(name_windows(doc, known, self.margin, self.parsed))
        found = []
        if self.ner is not None and windows:
            # as_doc converts the whole doc to an array unless given one: once, not per window
            # (it edits its own rows of the array; windows do not overlap)
            head = doc._get_array_attrs()
            array = doc.to_array(head)
            parts = self.ner.pipe((doc[a:b].as_doc(array_head=head, array=array)
                                   for a, b in windows), batch_size=self.batch_size)
            for (start, _), part in zip(windows, parts, strict=True):
                found.extend(Span(doc, start + e.start, start + e.end, label=e.label)
                             for e in part.ents)
        doc.set_ents(found, default="outside")
        return doc

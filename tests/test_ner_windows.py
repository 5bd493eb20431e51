"""The model's NER, run only around the words that may name something the registry lacks:
the same entities as over the whole text, for less work."""

import itertools

import pytest
import spacy

from hkweb3.graph.models import Entity
from hkweb3.loaders.ner_windows import name_windows
from hkweb3.loaders.pipeline import DEFAULT_MODEL, listens, load_pipeline

REGISTRY = [Entity(id="sfc", name="Securities and Futures Commission", kind="Regulator",
                   aliases=["SFC"]),
            Entity(id="hong-kong", name="Hong Kong", kind="Place")]

TEXT = ("The Securities and Futures Commission said on Tuesday that it had fined a broker. "
        "Its statement gave no reason for the delay and would say nothing more about it. "
        "Marta Quell, who runs Ardent Ledger in Hong Kong, said the SFC had been fair.")


def test_windows_cover_unknown_capitalised_words_and_skip_known_names():
    nlp = load_pipeline(REGISTRY)
    doc = nlp(TEXT)
    known = {i for s in doc.spans["registry"] if s.label_ != "Place"
             for i in range(s.start, s.end)}
    windows = list(name_windows(doc, known, margin=2))
    covered = {i for a, b in windows for i in range(a, b)}
    second = list(doc.sents)[1]
    # a sentence with no capitalised word gets no window; "Tuesday" and the people do
    assert not covered & set(range(second.start, second.end))
    assert {t.i for t in doc if t.text in {"Tuesday", "Marta", "Quell", "Ardent"}} <= covered
    # the known regulator's name is not a reason for a window of its own
    assert not covered & set(range(0, 5))
    # windows stay inside their sentence and do not overlap
    assert all(doc[a].sent == doc[b - 1].sent for a, b in windows)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(windows))


@pytest.mark.parametrize(("margin", "expected"), [
    (0, ["Ada Lin", "Bo Tan"]),
    (1, ["met Ada Lin and Bo Tan at"]),  # two windows that overlap are one
    (3, ["We met Ada Lin and Bo Tan at noon today"]),
])
def test_windows_merge_when_they_touch(margin, expected):
    nlp = spacy.blank("en")
    doc = nlp("We met Ada Lin and Bo Tan at noon today in the office of the firm .")
    for token in doc:
        token.is_sent_start = token.i == 0
    assert [doc[a:b].text for a, b in name_windows(doc, set(), margin)] == expected


def test_windowed_ner_finds_what_the_whole_text_ner_finds(monkeypatch):
    whole = load_pipeline(REGISTRY)
    monkeypatch.setenv("HKWEB3_SPACY_NER", "all")
    everywhere = load_pipeline(REGISTRY)
    assert "hkweb3_ner" in whole.pipe_names and "ner" in everywhere.pipe_names
    a, b = whole(TEXT), everywhere(TEXT)
    names = {(s.text, s.label_) for s in a.spans["discovered"]}
    assert ("Marta Quell", "Person") in names
    assert names == {(s.text, s.label_) for s in b.spans["discovered"]}
    # what the NER found is on the doc until the name finder has read it
    with whole.select_pipes(disable=["hkweb3_names", "hkweb3_references", "hkweb3_relations"]):
        found = whole(TEXT)
    assert ("Marta Quell", "PERSON") in [(e.text, e.label_) for e in found.ents]
    second = list(found.sents)[1]
    assert {t.ent_iob_ for t in second} == {"O"}  # no window there: every word outside


def test_an_ner_that_listens_to_another_component_is_not_windowed():
    """A window copy carries no upstream output (``en_core_web_trf``'s NER reads the
    transformer's): such an NER keeps its place over the whole text."""
    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"}
    nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
        "extra_state_tokens": False, "hidden_width": 64, "maxout_pieces": 2,
        "use_upper": True, "tok2vec": listener}})
    nlp.get_pipe("ner").add_label("ORG")
    nlp.initialize()
    assert listens(nlp, "ner")
    own = load_pipeline(REGISTRY)  # the pinned model's NER has its own tok2vec
    assert "hkweb3_ner" in own.pipe_names and not listens(spacy.load(DEFAULT_MODEL), "ner")

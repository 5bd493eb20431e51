"""The learned pairs (loaders/learned_pairs.py): the last fallback, a model read from
``pairs.json``. Sentences of our own, with made-up entities."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hkweb3.loaders.learned_pairs import PAIRS_FILE, RULE, _path, _unstated, load_model
from hkweb3.loaders.pair_features import parse_index
from hkweb3.loaders.path_relations import load_path_rules
from tests.extract_support import document, triples

ROOT = Path(__file__).resolve().parents[1]


LINKED = ("The bond was settled through the Central Moneymarkets Unit (CMU), which is linked "
          "to Euroclear and Clearstream.")


@pytest.fixture(scope="module")
def learned(extractor):
    """Every learned relation of a text, with its confidence."""
    def run(text: str) -> set[tuple[str, str, str, float]]:
        return {(r.source, r.type, r.target, r.evidence[0].confidence)
                for r in extractor.run(document(text)).relations
                if r.evidence[0].rule == RULE}
    return run


def test_the_shipped_model_says_what_it_was_trained_and_tuned_on():
    raw = json.loads(PAIRS_FILE.read_text(encoding="utf-8"))
    assert raw["trained_on"] and raw["tuned_on"]
    assert not set(raw["trained_on"]) & set(raw["tuned_on"])
    assert 0.5 <= raw["threshold"] < 1
    assert raw["examples"]["related"] < raw["examples"]["pairs"]


def test_probability_grows_with_a_feature_of_positive_weight():
    model = load_model()
    up = next(f for f, w in sorted(model.weights.items()) if w > 0.3)
    down = next(f for f, w in sorted(model.weights.items()) if w < -0.3)
    assert model.probability([up]) > model.probability([]) > model.probability([down])


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        ("a unit 'linked to' two others: no trigger of the paths' lists",
         LINKED,
         {("cmu", "PARTNERS_WITH", "euroclear"), ("cmu", "PARTNERS_WITH", "clearstream")}),
        ("'testing ... as part of Y's Project X': a member of the project",
         "Orrin Securities has been testing tokenised deposits as part of the HKMA's Project "
         "Ensemble.",
         {("orrin-securities", "MEMBER_OF", "project-ensemble")}),
    ],
)
def test_pairs_no_pattern_joins(learned, construction, text, expected):
    found = learned(text)
    assert {(s, e, t) for s, e, t, _ in found} >= expected, construction
    assert all(load_model().threshold <= c < 1 for *_, c in found)


@pytest.mark.parametrize(
    ("construction", "text"),
    [
        ("a denial on the path", "The firms not in the Harbour Ledger Pilot include Orrin "
                                 "Bank and Kessel Bank."),
        ("those who only seek the tie", "The applicants for the Harbour Ledger Scheme "
                                        "include Orrin Bank and Kessel Bank."),
        ("only some items of a list", "Quorra Labs and Brindle Pay, one of which took part "
                                      "in the Harbour Sandbox, plan to apply."),
        ("a verb the annotated articles never showed relating names",
         "Project Agora, the initiative criticised by Meridian Securities, will go ahead."),
        ("a list of names is no relation among them",
         "Orrin Bank, Kessel Bank, Brindle Pay and Quorra Labs were at the briefing."),
    ],
)
def test_pairs_the_model_leaves_alone(learned, construction, text):
    assert not learned(text), construction


def test_training_twice_gives_the_same_file(tmp_path):
    corpus = Path(__file__).with_name("pairs_corpus")
    outs = []
    for n in (1, 2):
        out = tmp_path / f"pairs{n}.json"
        done = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "train_pairs.py"), str(corpus / "train"),
             "--gold", str(corpus / "gold-train.json"), "--gold", str(corpus / "gold-tune.json"),
             "--tune", str(corpus / "tune"), "--out", str(out)],
            capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    raw = json.loads(outs[0])
    assert raw["trained_on"] == ["train"] and raw["tuned_on"] == ["tune"]
    # the small corpus holds related pairs that no pattern or path joins
    assert raw["examples"]["related"] >= 1 and raw["weights"]


def test_without_the_model_only_the_rules_speak(extractor):
    relations = extractor.nlp.get_pipe("hkweb3_relations")
    text = LINKED
    saved = relations.learned
    try:
        relations.learned = None
        without = triples(extractor, text)
    finally:
        relations.learned = saved
    assert triples(extractor, text) - without


@pytest.mark.parametrize(
    ("text", "first", "second", "unstated"),
    [
        # a meeting, a warning, a purchase made for someone, a deal between buyer and seller
        ("Sanjay Rao met Quarrow Labs on Monday.", "Rao", "Labs", True),
        ("The SFC has added Brightmere Digital to its alert list.", "SFC", "Digital", True),
        ("Quarrow Bank bought servers for Tessaly Digital.", "Bank", "Digital", True),
        ("Corvid Labs entered into an agreement with Pellam Bank to acquire a stake in Tern "
         "Pay.", "Labs", "Bank", True),
        ("Kestrel Bank's rival's token, the Orin Coin, went live.", "Bank", "Coin", True),
        # what the model may read
        ("Orrin Securities has been testing deposits as part of Project Ensemble.",
         "Securities", "Ensemble", False),
    ],
)
def test_paths_that_state_no_tie(extractor, text, first, second, unstated):
    """The guards themselves, whatever the model's probability for the pair."""
    doc = extractor.nlp(text)
    a = next(t for t in doc if t.text == first)
    b = next(t for t in doc if t.text == second)
    sentence = doc[:]
    assert _unstated(_path(a, b), load_path_rules(), parse_index(sentence), {}) is unstated

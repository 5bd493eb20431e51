"""The spaCy pipeline: its components, the model setting, and results written on the Doc."""

import ast
import subprocess
import sys

import pytest

from hkweb3.errors import ConfigError
from hkweb3.graph.models import Entity
from hkweb3.loaders.pipeline import DEFAULT_MODEL, RULE_ONLY, load_pipeline, model_name

REGISTRY = [Entity(id="osl", name="OSL", kind="TradingPlatform"),
            Entity(id="sfc", name="Securities and Futures Commission", kind="Regulator",
                   aliases=["SFC"])]


def test_the_statistical_pipeline_runs_hkweb3_components_after_the_model():
    nlp = load_pipeline(REGISTRY)
    assert nlp.pipe_names[0] == "hkweb3_sentences"
    # the model's NER runs after the registry, only around names it does not know
    assert nlp.pipe_names[-5:] == ["hkweb3_registry", "hkweb3_ner", "hkweb3_names",
                                   "hkweb3_references", "hkweb3_relations"]
    assert {"tagger", "parser"} <= set(nlp.pipe_names) and "ner" not in nlp.pipe_names


def test_the_pipeline_is_built_once_per_model_and_registry():
    assert load_pipeline(REGISTRY) is load_pipeline(list(REGISTRY))


def test_results_are_written_on_the_doc():
    nlp = load_pipeline(REGISTRY)
    doc = nlp("Kavlo Labs was licensed by the SFC. It hired Omar Velez as chief executive.")
    assert [(s.text, s.kb_id_) for s in doc.spans["registry"]] == [("SFC", "sfc")]
    assert ("Kavlo Labs", "kavlo-labs") in [(s.text, s.kb_id_) for s in doc.spans["discovered"]]
    assert [(s.text, s.kb_id_) for s in doc.spans["reference"]] == [("It", "kavlo-labs")]
    assert {(f.source, f.edge_type, f.target) for _, f in doc._.relations} >= {
        ("kavlo-labs", "LICENSED_BY", "sfc"), ("omar-velez", "HOLDS_ROLE", "kavlo-labs")}
    assert [e.text for e in doc.ents][:2] == ["Kavlo Labs", "SFC"]


def test_the_model_setting_names_the_pipeline(monkeypatch):
    monkeypatch.delenv("HKWEB3_SPACY_MODEL", raising=False)
    assert model_name() == DEFAULT_MODEL
    monkeypatch.setenv("HKWEB3_SPACY_MODEL", RULE_ONLY)
    assert model_name() == RULE_ONLY
    assert "parser" not in load_pipeline(REGISTRY).pipe_names


def test_a_model_that_is_not_installed_is_a_one_line_error():
    with pytest.raises(ConfigError) as error:
        load_pipeline(REGISTRY, "en_core_web_nonexistent")
    message = str(error.value)
    assert "\n" not in message and "en_core_web_nonexistent" in message
    assert "HKWEB3_SPACY_MODEL" in message


def test_the_attribute_rules_give_what_spacy_s_own_ruler_gives():
    """The look-up that replaces the model's attribute matcher must set the same tags,
    coarse tags, morphology and lemmas (rules with ``IN``, ``NOT_IN``, two tokens and a
    later rule overriding an earlier one included)."""
    import spacy

    from hkweb3.loaders.pipeline import DEFAULT_MODEL as MODEL

    text = ("There are two banks. I told you it wasn't ready, and they're gonna ask whether "
            "the lender that Lumen owns has done so. Those who did were fined; he'd have "
            "known. Y'all ain't done nothin' wrong.\n\n  Which of them is it?")
    plain = spacy.load(MODEL, exclude=["senter"])(text)
    ours = load_pipeline(REGISTRY)(text)
    assert load_pipeline(REGISTRY).get_pipe("attribute_ruler").match.__module__ == \
        "hkweb3.loaders.pipeline"
    assert [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in ours] == \
        [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in plain]


def test_a_dotted_name_is_one_token_and_ends_no_sentence():
    doc = load_pipeline(REGISTRY)("Lumen.HK, the local arm of Lumen.io, left. It closed.Then "
                                  "OSL opened.")
    assert "Lumen.HK" in [t.text for t in doc]
    assert [s.text for s in doc.sents][0].startswith("Lumen.HK, the local arm")
    assert "closed" in [t.text for t in doc]  # a missing space after a stop still splits


def test_the_ner_can_be_left_out_and_names_are_still_found(monkeypatch):
    monkeypatch.setenv("HKWEB3_SPACY_NER", "off")
    nlp = load_pipeline(REGISTRY)
    assert "ner" not in nlp.pipe_names and "parser" in nlp.pipe_names
    doc = nlp("The lender Tidewell Bank was licensed by the SFC, and Orchid Labs joined it.")
    assert {s.kb_id_ for s in doc.spans["discovered"]} >= {"tidewell-bank", "orchid-labs"}
    monkeypatch.setenv("HKWEB3_SPACY_NER", "all")
    assert "ner" in load_pipeline(REGISTRY).pipe_names
    monkeypatch.setenv("HKWEB3_SPACY_NER", "sometimes")
    with pytest.raises(ConfigError, match="HKWEB3_SPACY_NER='sometimes': expected one of"):
        load_pipeline(REGISTRY)


@pytest.mark.parametrize("model", [RULE_ONLY, DEFAULT_MODEL])
def test_indented_text_does_not_crash_either_pipeline(model):
    # spaCy's tokenizer leaves stale tree edges after some special cases ("):" then an
    # indented line); reading the tree of such an unparsed doc crashed the process. Run in a
    # child process so a crash fails this test, not the suite.
    script = (
        "import sys\n"
        "from hkweb3.graph.models import Entity\n"
        "from hkweb3.loaders.pipeline import load_pipeline\n"
        "nlp = load_pipeline([Entity(id='osl', name='OSL', kind='TradingPlatform')], "
        "sys.argv[1])\n"
        "doc = nlp('Notes (2024):\\n    Kavlo Labs, a crypto exchange, joined OSL.\\n'\n"
        "          '    Tidewell Bank and OSL agreed (in full).\\n    Orchid Labs left.')\n"
        "print(sorted({s.text for s in doc.spans['discovered']}))\n"
    )
    run = subprocess.run([sys.executable, "-c", script, model], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    found = set(ast.literal_eval(run.stdout))
    assert {"Kavlo Labs", "Tidewell Bank", "Orchid Labs"} <= found, found

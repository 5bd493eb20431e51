"""The spaCy pipeline: its components, the model setting, and results written on the Doc."""

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
    assert nlp.pipe_names[-4:] == ["hkweb3_registry", "hkweb3_names", "hkweb3_references",
                                   "hkweb3_relations"]
    assert {"tagger", "parser", "ner"} <= set(nlp.pipe_names)


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

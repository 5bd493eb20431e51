"""Constructions found missing on held-out reporting (round 7). One sentence of our own for
each, with made-up entities."""

from tests.extract_support import triples


def test_a_description_opening_a_sentence_continues_the_last_speaker(extractor):
    # the firms named inside what the speaker said are not the topic
    text = ("Lumenra Capital said Hask Partners, Orbis Works and Pelican Labs had also put "
            "money into the round. The company also announced a partnership with Tamsin "
            "Exchange.")
    found = triples(extractor, text)
    assert ("lumenra-capital", "PARTNERS_WITH", "tamsin-exchange") in found
    assert ("pelican-labs", "PARTNERS_WITH", "tamsin-exchange") not in found


def test_a_description_inside_a_sentence_is_still_the_last_name(extractor):
    text = ("Lumenra Capital said it had bought Pelican Labs. Analysts said the company "
            "would partner with Tamsin Exchange.")
    assert ("pelican-labs", "PARTNERS_WITH", "tamsin-exchange") in triples(extractor, text)

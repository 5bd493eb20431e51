"""Chinese names and Chinese-language documents.

Names: a registry entity's Chinese names (Traditional, as Hong Kong writes them) become
aliases in every form a reader may type: Simplified as well (converted with OpenCC's own
phrase and character tables, not a table of ours), ASCII brackets as well as full-width
ones, and without a company suffix (有限公司). The lookups that compare aliases (``find-entity``,
every entity parameter, ``path``, the HTML search box) then accept any of them.

Documents: the extraction pipeline is English. A document whose text is mostly Chinese
is not sent through it (it would find nothing, or nonsense); its mentions of known
entities are found with spaCy's Chinese tokenizer (``spacy.blank("zh")``, which segments
by character and needs no model) and a PhraseMatcher over the entities' Chinese and
English names. No relations are extracted from Chinese text: the ingest report says so.

Examples
--------
>>> sorted(name_variants("交通銀行（香港）有限公司"))[:3]
['交通銀行(香港)', '交通銀行(香港)有限公司', '交通銀行（香港）']
>>> "众安银行" in name_variants("眾安銀行")
True
>>> is_chinese("香港金融管理局今天公布"), is_chinese("The HKMA said on Tuesday")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import opencc

from hkweb3.graph.models import Entity

#: The note an ingest result carries for a Chinese document.
ZH_NOTE = "entities only (zh): Chinese text; known entities matched, no relations extracted"

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z]")
_SUFFIXES = ("股份有限公司", "有限公司", "有限責任公司", "有限责任公司")
_BRACKETS = str.maketrans("（）", "()")
#: A Latin name shorter than this is not matched in Chinese text (too many false hits).
_MIN_LATIN = 3
#: Share of letters that are CJK characters above which a text is taken as Chinese.
CHINESE_SHARE = 0.3


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """``text`` in Simplified script (OpenCC ``t2s``)."""
    return _converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    """``text`` in Traditional script as Hong Kong writes it (OpenCC ``s2hk``)."""
    return _converter("s2hk").convert(text)


def name_variants(name: str) -> set[str]:
    """Every form of a Chinese name a reader may type: as given, Simplified, Hong Kong
    Traditional, with ASCII or full-width brackets, with and without a company suffix."""
    name = name.strip()
    forms = {name}
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            forms.add(name[: -len(suffix)])
    forms |= {f.translate(_BRACKETS) for f in forms}
    forms |= {f.replace("(", "（").replace(")", "）") for f in forms}
    forms |= {to_simplified(f) for f in forms} | {to_traditional(f) for f in forms}
    return {f for f in forms if f}


def has_chinese(text: str) -> bool:
    return bool(_CJK.search(text))


def is_chinese(text: str) -> bool:
    """Whether most of ``text``'s letters are Chinese characters (a script count: enough to
    tell Chinese from English, the two languages this graph reads)."""
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_CJK.findall(text)) / letters >= CHINESE_SHARE


class ChineseMentions:
    """Finds the known entities a Chinese text names, longest name first."""

    def __init__(self, entities: Iterable[Entity]):
        # spaCy costs a second to import: only a run that meets a Chinese document pays it.
        import spacy
        from spacy.matcher import PhraseMatcher

        self.nlp = spacy.blank("zh")  # the character segmenter: no download
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._ids: dict[str, str] = {}
        for entity in entities:
            for name in (entity.name, *entity.aliases):
                if has_chinese(name) or len(name) >= _MIN_LATIN:
                    key = str(len(self._ids))
                    self._ids[key] = entity.id
                    self.matcher.add(key, [self.nlp.make_doc(name)])

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """``(entity id, start, end)`` for each mention (character offsets), in order; a
        Latin name must not be part of a longer Latin word."""
        doc = self.nlp.make_doc(text)
        spans = []
        for key, start, end in self.matcher(doc):
            span = doc[start:end]
            span.label_ = self.nlp.vocab.strings[key]
            if _LATIN.match(span.text[0]) and start > 0 and _LATIN.match(doc[start - 1].text):
                continue
            if _LATIN.match(span.text[-1]) and end < len(doc) and _LATIN.match(doc[end].text):
                continue
            spans.append(span)
        from spacy.util import filter_spans

        return [(self._ids[s.label_], s.start_char, s.end_char) for s in filter_spans(spans)]

"""Legal-form suffixes of organisation names ("Limited", "Ltd.", "Inc.", "Co., Ltd.").

One list, the schema's ``names: legal_suffixes`` (with ``loose_suffixes``, words that end
public bodies' names too, for comparing names only), and the functions every reader of
names uses to set them aside: the registry's mentions, the names found in documents, the
ids of register rows and the review's duplicate pairs. A word is compared in lower case without
punctuation ("L.L.C." is ``llc``); a suffix is dropped any number of times, longest first,
and never leaves a name empty.

Examples
--------
>>> strip_legal_suffix("Harbour Crest Securities Co., Ltd.")
'Harbour Crest Securities'
>>> strip_legal_suffix("Kestrel Digital Company Limited")
'Kestrel Digital'
>>> strip_legal_suffix("Meridian Science Parks Corporation")  # a public body's name
'Meridian Science Parks Corporation'
>>> strip_legal_suffix("Meridian Robotics Corporation Limited", loose=True)
'Meridian Robotics'
>>> strip_legal_suffix("Limited")
'Limited'
>>> is_legal_suffix("L.L.C."), is_legal_suffix("Holdings")
(True, False)
>>> legal_suffix_length(["kestrel", "company", "limited"])
2
>>> legal_stems("Kestrel Digital Company Limited")
['Kestrel Digital Company', 'Kestrel Digital']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from hkweb3.graph.schema import load_schema

#: A word of a name: commas separate words as spaces do ("Lumen,Ltd").
_WORD = re.compile(r"[^\s,]+")


def _plain(word: str) -> str:
    """``word`` as a suffix is compared: lower case, letters and digits only."""
    return "".join(c for c in word.lower() if c.isalnum())


@cache
def _suffixes(loose: bool = False) -> tuple[tuple[str, ...], ...]:
    """The schema's suffixes (with ``loose``, its loose ones too) as tuples of plain words,
    longest first."""
    schema = load_schema()
    listed = (*schema.legal_suffixes, *(schema.loose_suffixes if loose else ()))
    entries = {tuple(_plain(w) for w in s.split()) for s in listed}
    return tuple(sorted(entries, key=lambda e: (-len(e), e)))


@cache
def _one_word() -> frozenset[str]:
    return frozenset(e[0] for e in _suffixes() if len(e) == 1)


def is_legal_suffix(word: str) -> bool:
    """Whether ``word`` alone is a legal form ("Ltd.", "inc", "L.L.C.")."""
    return _plain(word) in _one_word()


def _endings(words: Sequence[str], loose: bool) -> list[int]:
    """The lengths of the suffixes ``words`` end in, longest first; never all the words."""
    entries = _suffixes(loose)
    tail = tuple(_plain(w) for w in words[-len(entries[0]):]) if entries else ()
    return [len(e) for e in entries if len(e) < len(words) and tail[len(tail) - len(e):] == e]


def legal_suffix_length(words: Sequence[str], loose: bool = False) -> int:
    """How many of the last ``words`` make one legal-form suffix, the longest (0 if none);
    never all of them, as a name is never only its legal form. ``loose`` takes the
    schema's ``loose_suffixes`` ("Corporation") too."""
    return next(iter(_endings(words, loose)), 0)


def strip_legal_suffix(name: str, loose: bool = False) -> str:
    """``name`` without the legal-form suffixes it ends in, nor the comma before them;
    ``loose`` (to compare two names, never to match or make an id) drops the words that end
    bodies' names as well ("Corporation", "Company")."""
    spans = [m.span() for m in _WORD.finditer(name)]
    words = [name[start:end] for start, end in spans]
    end = len(words)
    while n := legal_suffix_length(words[:end], loose):
        end -= n
    return name if end == len(words) else name[:spans[end - 1][1]].rstrip(" ,")


def legal_stems(name: str) -> list[str]:
    """Every name ``name`` may be with legal-form suffixes added, longest first: what is
    left once one or more of its suffixes are dropped (none if it ends in none)."""
    spans = [m.span() for m in _WORD.finditer(name)]
    words = [name[start:end] for start, end in spans]
    ends: set[int] = set()
    todo = [len(words)]
    while todo:
        end = todo.pop()
        for n in _endings(words[:end], loose=False):
            if end - n not in ends:
                ends.add(end - n)
                todo.append(end - n)
    return [name[:spans[end - 1][1]].rstrip(" ,") for end in sorted(ends, reverse=True)]

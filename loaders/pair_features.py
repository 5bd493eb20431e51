"""What a sentence says between two of its names, as sparse features for the learned pairs.

The features describe the pair the way the patterns read it, without naming a construction:
the two kinds, the dependency path between the names' heads (its arcs and the words on it),
the word at the top of that path, the words between the two names and just outside them,
how far apart they are and what else stands between them (another name, a comma, a verb),
and how each name hangs in the parse.

Examples
--------
>>> import spacy
>>> from spacy.tokens import Doc
>>> from hkweb3.loaders.mentions import Mention
>>> nlp = spacy.blank("en")
>>> doc = Doc(nlp.vocab, words=["Acme", "bought", "Brill"], heads=[1, 1, 1],
...           deps=["nsubj", "ROOT", "dobj"], lemmas=["Acme", "buy", "Brill"],
...           pos=["PROPN", "VERB", "PROPN"], sent_starts=[True, False, False])
>>> a = Mention(0, 1, 0, 4, "Acme", "acme", "Company", "Acme", "discovered")
>>> b = Mention(2, 3, 12, 17, "Brill", "brill", "Company", "Brill", "registry")
>>> sorted(f for f in pair_features(doc[:], a, b) if f.startswith(("path=", "top=")))
['path=nsubj< buy >dobj', 'top=buy']
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from hkweb3.loaders.mentions import Mention

#: The most tokens between two names whose words are read one by one.
NEAR = 12
#: The most heads followed up from a name in search of the path's top.
DEEPEST = 12
#: The features also read together with the two kinds.
_PAIRED = ("top=", "path=", "shape=", "between=", "on=", "others=")


def _head(doc: Doc, m: Mention) -> Token:
    return doc[m.start:m.end].root


def chain(token: Token) -> list[Token]:
    """``token`` and its heads up to the sentence's root, or ``DEEPEST`` of them (a parse of a
    long run of names can be a chain hundreds deep, and no related pair is that far apart)."""
    found = [token]
    while found[-1].head.i != found[-1].i and len(found) <= DEEPEST:
        found.append(found[-1].head)
    return found


def path_between(a: Token, b: Token) -> tuple[list[Token], Token, list[Token]] | None:
    """The dependency path between two heads: from ``a`` up to (not including) their lowest
    common head, that head, and from ``b`` up to it; None if no common head is within
    ``DEEPEST``."""
    up, down = chain(a), chain(b)
    above = {t.i for t in down}
    n = next((n for n, t in enumerate(up) if t.i in above), None)
    if n is None:
        return None
    m = next(m for m, t in enumerate(down) if t.i == up[n].i)
    return up[:n], up[n], down[:m]


def _word(token: Token) -> str:
    return token.lemma_.lower() or token.lower_


@dataclass(frozen=True)
class ParseIndex:
    """A sentence's parse read once: each token's children and the tokens a "not" hangs on,
    by index (asking a token walks its whole subtree: the root of a long sentence, for every
    pair)."""

    kids: dict[int, list[Token]]
    denied: frozenset[int]


def parse_index(sentence: Span) -> ParseIndex:
    """The :class:`ParseIndex` of ``sentence``."""
    kids: dict[int, list[Token]] = {}
    for t in sentence:
        if t.head.i != t.i:
            kids.setdefault(t.head.i, []).append(t)
    return ParseIndex(kids, frozenset(t.head.i for t in sentence if t.dep_ == "neg"))


def _roles(a: Token, b: Token) -> list[str]:
    """How each name hangs in the parse: its arc and the word it hangs on, and whether one
    hangs on the other or both on one word (a name's own role tells whether it can be an
    end: a subject, an apposition, the object of "of")."""
    found = [f"adep={a.dep_}", f"bdep={b.dep_}", f"deps={a.dep_}|{b.dep_}",
             f"ahead={_word(a.head)}", f"bhead={_word(b.head)}"]
    if b.head.i == a.i:
        found.append(f"under=b|{b.dep_}")
    elif a.head.i == b.i:
        found.append(f"under=a|{a.dep_}")
    elif a.head.i == b.head.i:
        found.append(f"siblings={a.dep_}|{b.dep_}|{_word(a.head)}")
    return found


def pair_features(sentence: Span, first: Mention, second: Mention, others: int = 0,
                  index: ParseIndex | None = None) -> list[str]:
    """The features of two mentions of ``sentence``, ``first`` before ``second``, with
    ``others`` names between them (``index``: the sentence's :func:`parse_index`, if known)."""
    doc = sentence.doc
    if index is None:
        index = parse_index(sentence)
    features = [f"others={min(others, 3)}", f"kinds={first.kind}|{second.kind}",
                f"k1={first.kind}", f"k2={second.kind}", f"how={first.how}|{second.how}"]
    heads = _head(doc, first), _head(doc, second)
    path = path_between(*heads)
    if path is not None:
        left, top, right = path
        inner = left[1:] + right[1:]
        top_word = _word(top) if left and right else "END"  # one name heads the other
        arcs = " ".join(t.dep_ + "<" for t in left) + f" {top_word} " + \
            " ".join(">" + t.dep_ for t in reversed(right))
        features += [f"path={arcs.strip()}", f"top={top_word}", f"toppos={top.pos_}",
                     f"len={min(len(left) + len(right), 7)}",
                     f"shape={' '.join(t.dep_ for t in left)}|{' '.join(t.dep_ for t in right)}"]
        features += [f"on={_word(t)}" for t in inner if not t.is_punct]
        features += [f"ondep={t.dep_}:{_word(t)}" for t in inner if not t.is_punct]
        if any(t.i in index.denied for t in [top, *inner]):
            features.append("negated")
    features += _roles(*heads)
    gap = doc[first.end:second.start]
    if len(gap) <= NEAR:
        features += [f"between={_word(t)}" for t in gap]
        features += [f"bigram={_word(a)}_{_word(b)}" for a, b in zip(gap, gap[1:], strict=False)]
        if not gap:
            features.append("between=NONE")
    else:
        features.append("far")
    features.append(f"gap={min(len(gap), 15) // 3}")
    features.append(f"commas={min(sum(t.text == ',' for t in gap), 3)}")
    features.append(f"verbs={min(sum(t.pos_ in {'VERB', 'AUX'} for t in gap), 2)}")
    features += [f"before1={_word(t)}"
                 for t in doc[max(sentence.start, first.start - 2):first.start]]
    features += [f"after2={_word(t)}" for t in doc[second.end:min(sentence.end, second.end + 2)]]
    # the same words mean different things between different kinds ("of" between a person
    # and a firm, between two firms)
    kinds = f"{first.kind}|{second.kind}"
    features += [f"K={kinds}|{f}" for f in features if f.startswith(_PAIRED)]
    return features

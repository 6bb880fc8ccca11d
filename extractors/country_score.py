"""The evidence for each candidate country of an article, and its logistic score (issue 9).

The rules of `counterparts.py` read each mention of a country (its role in its phrase, the
sentence it is in); several pieces of evidence for one country can compete: a party by the
rules in one sentence, the place of the ceremony in another, the only country of a headline.
`Counterparts.candidates` gives every country named with the features below;
`bench/fit_countries.py` fits a logistic regression on them offline and compares it with the
rules on held-out halves of the gold. On the 386 labelled articles it does not beat the rules
(112 candidates, 56 positive, nearly all already the rules' parties: docs/extractor.md), so the
extractor decides by the rules and the scorer stays a measuring tool until training data holds
candidates the rules get wrong.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from extractors.fitted import sigmoid

FEATURES = (
    "rule",  # the rules chose it (a party phrase, a pair form, a visited body, a summit...)
    "party_in_signing",  # a mention in a signing sentence whose phrase ends as a party or subject
    "context_in_signing",  # a mention in a signing sentence read as context (not a place)
    "place_in_signing",  # a mention in a signing sentence ending in a place ("X에서")
    "in_title",  # named in the headline
    "party_in_title",  # a party of the headline ("X와 MOU")
    "pair",  # a pair form (한-X, 韓X, 한X)
    "in_lead",  # named in the first three body sentences
    "mentions",  # log(1 + mentions in the analysed sentences)
    "only_country",  # the only foreign country the analysed sentences name
    "company",  # a well-known foreign company named bare
)


def probability(values: Sequence[float], weights: Mapping[str, float]) -> float:
    """The logistic score of one candidate's feature values (in the order of FEATURES)."""
    z = weights.get("bias", 0.0) + sum(
        weights.get(name, 0.0) * v for name, v in zip(FEATURES, values, strict=True)
    )
    return sigmoid(z)

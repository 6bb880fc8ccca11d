"""The cheap keyword gate: reject articles that cannot report a signed agreement, before Kiwi."""

from __future__ import annotations

import html
import re

from extractors.status import AGREEMENT_WORD, HEADLINE_TAG

# A word for an agreement document: every word the status reader reads as one ("전략적 제휴"
# too), and documents the rules or the fitted model may still read as one (계약, 합의서)...
AGREEMENT = re.compile(AGREEMENT_WORD + r"|L\.O\.I|합의서|계약")
# ...and a word for signing or exchanging one.
SIGNING = re.compile(
    r"체결|맺|서명|교환|주고\s?받|손을\s?(?:맞잡|잡)았|성사|협약식|조인|사인|(?:협약|MOU|양해각서)\S{0,3}\s?진행|signed|signing|"
    # a feed's lead cut inside the verb ("업무협약을 체..")
    r"(?:을|를)\s?체\s?(?:\.\.|…)|"
    # the noun with a plain 하다 or done ("협력 협약을 했다고", "협약을 완료했다")
    r"(?:협약|MOU|양해\s?각서)(?:\([^)]{0,20}\))?\S{0,2}\s?(?:했|하였|완료|마쳤)",
    re.IGNORECASE,
)


# A headline that reports a deal without a signing word: "A사, B사와 MOU", "A도-B사 투자협약"
# (feeds often carry such a headline over an empty or cut body). "B사와 맞손/손잡고" is not
# enough on its own: it heads product launches and politics as often as agreements.
HEADLINE_DEAL = re.compile(
    r"(?:(?:와|과)\s.{0,25}|^(?:[^,\s]+\s)?[^,\s]+[-·–&](?:[^,\s]+\s)?[^,\s]+[,\s].{0,30})"
    r"(?:MOU|업무\s?협약|협약|양해\s?각서|협정|약정|의향서|LOI)|MOU\s?[1-9]\d*\s?건|\d+자\s?MOU"
)


def passes_gate(title: str, text: str) -> bool:
    """True when title+text names an agreement and a signing; False skips all further work."""
    title = HEADLINE_TAG.sub("", html.unescape(title))
    joined = f"{title}\n{text}"
    if AGREEMENT.search(joined) is None:
        return HEADLINE_DEAL.search(title) is not None
    return SIGNING.search(joined) is not None or HEADLINE_DEAL.search(title) is not None

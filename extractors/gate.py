"""The cheap keyword gate: reject articles that cannot report a signed agreement, before Kiwi."""

from __future__ import annotations

import re

# A word for an agreement document...
AGREEMENT = re.compile(
    r"MOU|M\.O\.U|엠오유|양해각서|업무\s?협약|협약|협정|약정|의향서|LOI|L\.O\.I|파트너십|"
    r"협력\s?각서|합의서|MOA|계약"
)
# ...and a word for signing or exchanging one.
SIGNING = re.compile(r"체결|맺|서명|교환|협약식|조인|사인|signed|signing", re.IGNORECASE)


def passes_gate(title: str, text: str) -> bool:
    """True when title+text names an agreement and a signing; False skips all further work."""
    joined = f"{title}\n{text}"
    return AGREEMENT.search(joined) is not None and SIGNING.search(joined) is not None

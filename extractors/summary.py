"""Two or three sentences of the article itself that tell an analyst what was signed."""

from __future__ import annotations

import re
from collections.abc import Sequence

# Photo captions and credits repeat the news without the facts.
_CAPTION = re.compile(r"(?:하고\s?있다|촬영하고|기념\s?촬영)[.\s]*(?:/\S*)?$|/\S+$|^\[?사진")
_LIMIT = 400


def summarize(sentences: Sequence[str], signed: Sequence[int], extra: Sequence[int]) -> str:
    """The first signing sentences of the body (captions last), then a describing neighbour."""
    body = [i for i in signed if i > 0]
    ranked = sorted(body, key=lambda i: (bool(_CAPTION.search(sentences[i])), i))
    chosen: list[int] = ranked[:2]
    for i in extra:
        if len(chosen) >= 3:
            break
        if i > 0 and i not in chosen and not _CAPTION.search(sentences[i]):
            chosen.append(i)
    if not chosen and signed:
        chosen = [signed[0]]
    out = ""
    for i in sorted(chosen):
        text = " ".join(sentences[i].split())
        if out and len(out) + len(text) + 1 > _LIMIT:
            break
        out = f"{out} {text}".strip()
    return out

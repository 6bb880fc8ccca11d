"""Article text from scraped pages and feed items: HTML to text, page noise out, sentences.

Runs on every article before the keyword gate, so everything here is a handful of regexes per
article. Feed fragments (``content:encoded``: text, ``<br>``, ``<figure>``) are stripped directly;
trafilatura is reserved for whole pages, where it earns its cost by finding the main text among
menus and sidebars.
"""

from __future__ import annotations

import functools
import html as html_lib
import itertools
import logging
import re

import trafilatura

# --- HTML -----------------------------------------------------------------------------------

_ANY_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]*)?/?>|<!--|<!DOCTYPE", re.I)
# Markup that means a whole page (menus, sidebars around the text) rather than a feed fragment;
# a fragment may still wrap its photo in a <table> or split paragraphs with <p>/<div>.
_PAGE_TAG = re.compile(r"<(?:html|body|head|article|main|nav|header|footer|aside|form)\b", re.I)
_BLOCK_TAG = re.compile(r"<(?:div|p|li|td|section|table)\b", re.I)
_PAGE_BLOCKS = 30
_INVISIBLE = re.compile(
    r"<(script|style|noscript|template|iframe|svg|head)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.I | re.S
)
_BREAK_TAG = re.compile(
    r"<br\s*/?>|</?(?:p|div|li|tr|h[1-6]|figure|figcaption|blockquote|section|article|dd|dt)\b[^>]*>",
    re.I,
)
_TAG = re.compile(r"<[^<>]*>")


def looks_like_html(body: str) -> bool:
    """True when the body carries markup (Korean text in <angle brackets> is not a tag)."""
    return _ANY_TAG.search(body) is not None


def strip_tags(html: str) -> str:
    """Plain text of HTML by regex: block tags and <br> become line breaks, entities decoded."""
    text = _INVISIBLE.sub(" ", html)
    text = _BREAK_TAG.sub("\n", text)
    text = _TAG.sub("", text)
    return html_lib.unescape(text)


def _is_page(html: str) -> bool:
    if _PAGE_TAG.search(html) is not None:
        return True
    return sum(1 for _ in itertools.islice(_BLOCK_TAG.finditer(html), _PAGE_BLOCKS)) >= _PAGE_BLOCKS


@functools.cache
def _quiet_trafilatura() -> None:
    # It logs ERROR for every page it cannot parse; we fall back to the tag strip instead.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def html_to_text(html: str) -> str:
    """Main text of an HTML page (trafilatura, comments off) or of a feed fragment (tag strip)."""
    if not html.strip():
        return ""
    if not _is_page(html):
        return _tidy(strip_tags(html))
    _quiet_trafilatura()
    try:
        # fast: no jusText/readability fallbacks (they load every language's stop list, ~38 MiB,
        # and added nothing on news pages).
        text = trafilatura.extract(html, include_comments=False, include_tables=True, fast=True)
    except Exception:  # trafilatura/lxml on hostile markup: fall back, never fail an article
        text = None
    return _tidy(text) if text else _tidy(strip_tags(html))


# --- plain-text noise -----------------------------------------------------------------------

_WS = re.compile(r"[ \t\u00a0\u3000\u200b\ufeff]+")
_WEATHER = re.compile(
    r"^[•·\-*\s]*(?:맑음|흐림|구름\S*|비|눈|연무|박무|안개|소나기|황사|진눈깨비|뇌우)\s*\S{0,8}\s*-?\d+(?:\.\d+)?\s*℃"
)
# Whole lines that are page furniture, not article text.
_NOISE_LINE = re.compile(
    r"^(?:"
    r"배너|광고|alert|로딩중|더보기|SNS\s?TV|top\s*:.*|기상청 제공|주소복사가 완료되었습니다\.?"
    r"|(?:컨텐츠|콘텐츠|본문)\s?바로\s?가기|메뉴\s?바로\s?가기|실시간\s?뉴스|주요\s?뉴스|포토\s?뉴스"
    r"|<이미지를 클릭하시면 크게 보실 수 있습니다>|이미지\s?확대|사진\s?확대|글자\s?크기.*"
    r"|프린트|스크랩"
    r"|(?:페이스북|트위터|카카오톡|카카오스토리|네이버밴드|공유하기|URL\s?복사|링크\s?복사)(?:\s.*)?"
    r"|조회수?\s*[\d,]+.*|등록일?\s*:?\s*\d{4}[.\-]\d{1,2}[.\-]\d{1,2}.*"
    r"|(?:입력|수정|승인|기사입력|최종수정)\s*:?\s*\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}.*"
    r"|\d{2,4}[.\-]\d{1,2}(?:[.\-]\d{1,2})?\s*\([월화수목금토일]\)"
    r"|https?://\S+|www\.\S+"
    r"|첨부\s?파일.*|등록된 첨부파일이 없습니다\.?|구\s?분|링\s?크"
    r"|기사가 속한 카테고리는.*|언론사는 한 기사를 두 개 이상의 카테고리로 분류할 수 있습니다\.?"
    r"|\[?\s*(?:자료\s?제공|출처)\s*:.*"
    r"|(?:정치|경제|사회|산업|국제|문화|IT|과학|스포츠|연예|오피니언|전국)(?:\s?/\s?\S+)+"
    r")$",
    re.I,
)
_COMMENT_LINE = re.compile(
    r"^(?:댓글|첫\s?번째 댓글|뉴스톡톡|\[\s*\d+자 이내|현재 총 \d+개의 댓글|로그인 후 댓글|"
    r"댓글을? (?:작성|입력|달)|인기 댓글)"
)
_COPYRIGHT = re.compile(
    r"무단\s?전재|재배포\s?금지|무단\s?복제|ⓒ|©|Copyright|저작권자|All rights reserved", re.I
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BYLINE = re.compile(r"^[\w\s=/()\[\]·|]{0,30}(?:기자|특파원|통신원|객원기자|인턴기자)\s*$")
_BYLINE_PREFIX = re.compile(
    r"^\s*(?:\[[^\[\]\n]{0,40}(?:기자|특파원)[^\[\]\n]{0,10}\]|"
    r"[^\n=|]{0,40}(?:기자|특파원)\s*[=|]\s*)"
)
# Markers after which a page lists other stories, not this one.
_TAIL = re.compile(
    r"^(?:관련\s?기사|관련\s?뉴스|관련\s?기사\s?더보기|많이\s?본\s?(?:뉴스|기사)|가장\s?많이\s?본\s?(?:뉴스|기사)"
    r"|인기\s?(?:뉴스|기사)|추천\s?(?:뉴스|기사)|이\s?시각\s?(?:주요|인기)\s?뉴스|오늘의\s?(?:주요|인기)\s?뉴스"
    r"|실시간\s?(?:인기|주요)?\s?뉴스|주요\s?뉴스|포토\s?뉴스|헤드라인\s?뉴스|최신\s?뉴스|많이\s?본\s?포토)"
    r"\s*(?:더보기)?\s*$"
)
# "...기념촬영을 하고 있다./제공=중기부", "...들고 있다. /연합뉴스": photo credits after captions.
_PHOTO_CREDIT = re.compile(
    r"(?<=[.다)])\s?/\s?(?:[^/\n]{0,30}(?:기자|특파원|제공|뉴스1|연합뉴스|뉴시스|DB|캡처|사진)"
    r"|제공\s?=\s?[^/\n]{1,30}|[^/\s.]{1,20})\s*$"
)
_SENTENCE_LINE = re.compile(r"[가-힣][.!?][\"'”’」』)]*\s*$")


def _tidy(text: str) -> str:
    lines = _WS.sub(" ", text.replace("\r", "\n")).split("\n")
    return "\n".join(stripped for line in lines if (stripped := line.strip()))


def _has_digit_or_stop(line: str) -> bool:
    return line[-1] in ".!?" or any(c.isdigit() for c in line)


def _is_noise(line: str) -> bool:
    if len(line) <= 3 or _NOISE_LINE.match(line) or _WEATHER.match(line):
        return True
    if len(line) <= 8 and " " not in line and not _has_digit_or_stop(line):
        return True  # a lone word: outlet name, section label, button
    if _COMMENT_LINE.match(line):
        return True
    short = len(line) < 80
    if short and _COPYRIGHT.search(line):
        return True
    return short and (_EMAIL.search(line) is not None or _BYLINE.match(line) is not None)


def clean_lines(text: str) -> list[str]:
    """Article lines of plain text: page furniture, bylines, repeats and other-story tails out."""
    out: list[str] = []
    seen: set[str] = set()
    body_seen = False
    for raw in _tidy(text).split("\n"):
        line = raw
        if body_seen and _TAIL.match(line):
            break  # the rest of the page lists other stories
        if _is_noise(line) or _TAIL.match(line):
            continue
        line = _BYLINE_PREFIX.sub("", line, count=1).strip() or line
        line = _PHOTO_CREDIT.sub("", line)
        if line != raw:  # what is left of a credit or byline is judged like any line
            if body_seen and _TAIL.match(line):
                break
            if not line or _is_noise(line) or _TAIL.match(line):
                continue
        if len(line) >= 20:
            if line in seen:  # scraped pages often repeat the whole article
                continue
            seen.add(line)
        out.append(line)
        if not body_seen and len(line) >= 15 and _SENTENCE_LINE.search(line):
            body_seen = True
    return out


def article_text(body: str) -> str:
    """Clean article text of a body that may be HTML or plain text, one paragraph a line."""
    if looks_like_html(body):
        body = html_to_text(body)
    return "\n".join(clean_lines(body))


# --- sentences ------------------------------------------------------------------------------

# A sentence ends at . ! ? (with closing quotes/brackets) followed by whitespace. A full stop
# counts only after Hangul or a closing bracket/quote, so "2.5", "U.S. 정부" and "D.C." stay whole;
# feed leads glue sentences together ("밝혔다.이번 협약은"), so "다." needs no space after it.
_SENTENCE_END = re.compile(
    r"(?:(?<=[가-힣)\]\"'”’」』])\.|[!?])[\"'”’」』)\]]*(?=\s)|(?<=[가-힣])\.(?=[“‘])|(?<=[다요죠까])\.(?=[가-힣\d\[(])"
)


# Longer "sentences" are page debris (tables, lists, run-on garbage): cut at spaces so every
# later step sees bounded pieces and stays linear in the article's length.
MAX_SENTENCE = 600
_RUN_ON_CUT = re.compile(rf"(.{{1,{MAX_SENTENCE}}})(?:\s+|$)|(.{{{MAX_SENTENCE}}})", re.S)


def _bounded(sentence: str) -> list[str]:
    if len(sentence) <= MAX_SENTENCE:
        return [sentence]
    return [p.strip() for m in _RUN_ON_CUT.finditer(sentence) if (p := m.group(1) or m.group(2))]


def split_sentences(text: str) -> list[str]:
    """Sentences of cleaned text; every line break is also a boundary."""
    sentences: list[str] = []
    for line in text.split("\n"):
        start = 0
        for match in _SENTENCE_END.finditer(line):
            piece = line[start : match.end()].strip()
            if piece:
                sentences.extend(_bounded(piece))
            start = match.end()
        rest = line[start:].strip()
        if rest:
            sentences.extend(_bounded(rest))
    return sentences


__all__ = [
    "MAX_SENTENCE",
    "article_text",
    "clean_lines",
    "html_to_text",
    "looks_like_html",
    "split_sentences",
    "strip_tags",
]

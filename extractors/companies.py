"""Very well-known foreign companies and institutions, with their home countries.

Korean deal news often names a global firm without its country ("제주도와 넷플릭스는 ...
업무협약을 체결했다"). This short list supplies the country only a reader's world knowledge gives;
the extractor uses it only where the name is a signing party, never for a mere mention
("엔비디아 GPU 기반 ..."). Korean units of these firms ("한국마이크로소프트", "구글코리아",
"BMW코리아") count as the parent's country, as ../shared/corpus/LABELS.md says.

Kept small and unambiguous on purpose: a name that is also a Korean word, a Korean firm's
prefix or a person ("메타", "비자", "쉘", "델", "머스크"), and firms with no single home
("에어버스", "스텔란티스", "머크" = Merck KGaA or Merck & Co.) are left out.
"""

from __future__ import annotations

import functools
import re

FOREIGN_COMPANIES: dict[str, str] = {
    # United States
    "엔비디아": "US",
    "NVIDIA": "US",
    "구글": "US",
    "Google": "US",
    "마이크로소프트": "US",
    "Microsoft": "US",
    "아마존": "US",
    "아마존웹서비스": "US",
    "아마존웹서비시즈": "US",  # AWS Korea's registered name
    "AWS": "US",
    "애플": "US",
    "퀄컴": "US",
    "인텔": "US",
    "IBM": "US",
    "오픈AI": "US",
    "OpenAI": "US",
    "테슬라": "US",
    "넷플릭스": "US",
    "보잉": "US",
    "록히드마틴": "US",
    "화이자": "US",
    "모더나": "US",
    "존슨앤드존슨": "US",
    "시스코": "US",
    "오라클": "US",
    "월마트": "US",
    "코스트코": "US",
    "디즈니": "US",
    "우버": "US",
    "에어비앤비": "US",
    "페이팔": "US",
    "골드만삭스": "US",
    "코카콜라": "US",
    "코카-콜라": "US",
    "JP모건": "US",
    "블랙록": "US",
    "제너럴모터스": "US",
    "포드": "US",
    "엑손모빌": "US",
    "셰브론": "US",
    "하버드대": "US",
    "스탠퍼드대": "US",
    "MIT": "US",
    "NASA": "US",
    # Europe
    "로레알": "FR",
    "사노피": "FR",
    "탈레스": "FR",
    "다쏘시스템": "FR",
    "르노": "FR",
    "토탈에너지스": "FR",
    "LVMH": "FR",
    "지멘스": "DE",
    "보쉬": "DE",
    "BMW": "DE",
    "폭스바겐": "DE",
    "메르세데스-벤츠": "DE",
    "바스프": "DE",
    "BASF": "DE",
    "바이엘": "DE",
    "SAP": "DE",
    "아디다스": "DE",
    "코베스트로": "DE",
    "인피니언": "DE",
    "프라운호퍼": "DE",
    "막스플랑크": "DE",
    "ASML": "NL",
    "필립스": "NL",
    "유니레버": "GB",
    "롤스로이스": "GB",
    "아스트라제네카": "GB",
    "HSBC": "GB",
    "옥스퍼드대": "GB",
    "케임브리지대": "GB",
    "네슬레": "CH",
    "노바티스": "CH",
    "로슈": "CH",
    "에릭슨": "SE",
    "볼보": "SE",
    "이케아": "SE",
    "노키아": "FI",
    "노보 노디스크": "DK",
    # Asia, Middle East, Americas
    "도요타": "JP",
    "소니": "JP",
    "파나소닉": "JP",
    "히타치": "JP",
    "미쓰비시": "JP",
    "미쓰이": "JP",
    "스미토모": "JP",
    "닛산": "JP",
    "혼다": "JP",
    "소프트뱅크": "JP",
    "라쿠텐": "JP",
    "도시바": "JP",
    "화웨이": "CN",
    "알리바바": "CN",
    "텐센트": "CN",
    "바이두": "CN",
    "샤오미": "CN",
    "CATL": "CN",
    "BYD": "CN",
    "징둥": "CN",
    "레노버": "CN",
    "TSMC": "TW",
    "폭스콘": "TW",
    "아람코": "SA",
    "사빅": "SA",
    "아드녹": "AE",
    "마스다르": "AE",
    "페트로나스": "MY",
    "타타": "IN",
    "인포시스": "IN",
    "빈그룹": "VN",
    "비엣텔": "VN",
    "페트로브라스": "BR",
}

# What may follow the name inside one company name: a Korean unit or a division
# ("구글코리아", "도요타자동차", "미쓰이물산", "아마존 웹서비스", "구글 클라우드 코리아").
_SUFFIX = (
    r"(?:\s?(?:코리아|Korea|재팬|차이나|그룹|자동차|모터스|전자|상사|물산|중공업|화학|케미칼|"
    r"클라우드|헬스케어|파마|제약|에너지|홀딩스|인터내셔널|은행|증권|캐피탈|리서치|"
    r"웹서비스|디펜스|에어로스페이스|일렉트릭|인더스트리|닷컴|학교|Group|Cloud)){0,2}"
)
# A Korean unit named in front ("한국마이크로소프트", "한국 IBM").
_PREFIX = r"(?:한국\s?)?"


# The name ends the word, or a particle follows ("넷플릭스와", "소니는").
_END = r"(?=[은는이가와과의도를을에측,.·\s()’'\"”]|$)"


@functools.cache
def company_pattern() -> re.Pattern[str]:
    """One known company (with a Korean-unit prefix or a division suffix), matched as a whole
    word: "인텔리안테크" and "애플망고" are not 인텔 and 애플."""
    names = sorted(FOREIGN_COMPANIES, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![가-힣A-Za-z0-9]){_PREFIX}(?P<name>{alt}){_SUFFIX}{_END}")

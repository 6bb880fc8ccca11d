"""The sector ids of ../shared/corpus/LABELS.md with their labels and Korean cue words."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sector:
    id: str
    en: str
    ko: str
    cues: tuple[str, ...]
    """Words that put an agreement in this sector (matched by the extractor)."""
    aliases: tuple[str, ...] = ()
    """Other names a person may type when subscribing."""


SECTORS: tuple[Sector, ...] = (
    Sector(
        "startup",
        "Startups & venture",
        "스타트업·벤처",
        ("스타트업", "창업", "벤처", "액셀러레이터", "엑셀러레이터", "유니콘"),
        ("startups", "startup", "venture", "스타트업", "벤처", "창업"),
    ),
    Sector(
        "ai",
        "AI & data",
        "인공지능·데이터",
        ("인공지능", "AI", "빅데이터", "데이터", "클라우드", "생성형", "LLM", "머신러닝"),
        ("ai", "a.i.", "data", "인공지능", "데이터", "빅데이터", "클라우드"),
    ),
    Sector(
        "semiconductor",
        "Semiconductors",
        "반도체",
        ("반도체", "파운드리", "팹리스", "웨이퍼", "HBM"),
        ("semiconductor", "semiconductors", "chips", "chip", "반도체"),
    ),
    Sector(
        "bio_health",
        "Bio & healthcare",
        "바이오·헬스케어",
        (
            "바이오",
            "헬스케어",
            "의료",
            "제약",
            "백신",
            "병원",
            "신약",
            "의약품",
            "임상",
            "디지털헬스",
        ),
        ("bio", "biotech", "health", "healthcare", "pharma", "바이오", "헬스케어", "의료", "제약"),
    ),
    Sector(
        "energy",
        "Energy",
        "에너지",
        (
            "에너지",
            "수소",
            "원전",
            "원자력",
            "신재생",
            "재생에너지",
            "태양광",
            "풍력",
            "전력",
            "LNG",
            "가스",
            "SMR",
            "석유",
            "발전소",
        ),
        ("energy", "hydrogen", "nuclear", "에너지", "수소", "원전"),
    ),
    Sector(
        "battery",
        "Batteries",
        "이차전지·배터리",
        ("이차전지", "2차전지", "배터리", "양극재", "음극재", "전고체", "ESS"),
        ("battery", "batteries", "배터리", "이차전지", "2차전지"),
    ),
    Sector(
        "mobility",
        "Mobility & automotive",
        "모빌리티·자동차",
        ("자동차", "모빌리티", "자율주행", "전기차", "UAM", "완성차", "전기버스", "수소차"),
        ("mobility", "automotive", "auto", "cars", "ev", "모빌리티", "자동차", "전기차"),
    ),
    Sector(
        "manufacturing",
        "Manufacturing & materials",
        "제조·소재",
        (
            "스마트공장",
            "스마트 공장",
            "제조",
            "소재·부품·장비",
            "소부장",
            "나노",
            "소재",
            "부품",
            "생산공장",
            "공장",
        ),
        ("manufacturing", "materials", "제조", "소재", "소부장", "스마트공장"),
    ),
    Sector(
        "ict",
        "ICT & telecom",
        "ICT·통신",
        (
            "ICT",
            "정보통신",
            "IoT",
            "사물인터넷",
            "5G",
            "6G",
            "통신",
            "소프트웨어",
            "디지털전환",
            "디지털 전환",
            "플랫폼",
            "메타버스",
            "양자",
        ),
        ("ict", "it", "telecom", "software", "통신", "정보통신", "소프트웨어"),
    ),
    Sector(
        "security",
        "Security & cybersecurity",
        "보안",
        ("보안", "사이버보안", "정보보호", "사이버", "보이스피싱", "치안"),
        ("security", "cybersecurity", "cyber", "보안", "사이버보안", "정보보호"),
    ),
    Sector(
        "beauty",
        "Cosmetics & beauty",
        "화장품·뷰티",
        ("화장품", "뷰티", "코스메틱", "K-뷰티", "K뷰티"),
        ("beauty", "cosmetics", "화장품", "뷰티", "코스메틱"),
    ),
    Sector(
        "aerospace_defense",
        "Aerospace & defense",
        "항공우주·방산",
        ("우주", "항공", "위성", "방산", "방위산업", "국방", "무기", "전투기", "드론", "발사체"),
        ("aerospace", "defense", "defence", "space", "우주", "항공", "방산", "국방"),
    ),
    Sector(
        "finance",
        "Finance & investment",
        "금융·투자",
        ("금융", "핀테크", "투자", "펀드", "은행", "증권", "보험", "자금"),
        ("finance", "fintech", "investment", "금융", "핀테크", "투자", "펀드"),
    ),
    Sector(
        "agri_food",
        "Agriculture & food",
        "농식품",
        (
            "농업",
            "식품",
            "스마트팜",
            "수산",
            "농산물",
            "푸드",
            "축산",
            "농식품",
            "푸드테크",
            "식량",
        ),
        ("agriculture", "agri", "food", "농업", "식품", "농식품", "수산"),
    ),
    Sector(
        "culture",
        "Culture & content",
        "문화·콘텐츠",
        ("콘텐츠", "문화", "관광", "게임", "영화", "K팝", "한류", "예술", "공연", "방송", "축제"),
        ("culture", "content", "tourism", "games", "문화", "콘텐츠", "관광", "게임"),
    ),
    Sector(
        "education_research",
        "Education & research",
        "교육·연구",
        (
            "대학",
            "공동연구",
            "과학기술",
            "인력교류",
            "교육",
            "연구",
            "학생",
            "인재",
            "유학",
            "연수",
        ),
        ("education", "research", "university", "교육", "연구", "대학"),
    ),
    Sector(
        "environment",
        "Environment & climate",
        "환경·기후",
        ("탄소중립", "기후", "환경", "순환경제", "탄소", "온실가스", "재활용", "생태", "국립공원"),
        ("environment", "climate", "환경", "기후", "탄소중립"),
    ),
    Sector(
        "infrastructure",
        "Construction & infrastructure",
        "건설·인프라",
        ("건설", "인프라", "스마트시티", "철도", "플랜트", "도시개발", "고속철", "공항", "도로"),
        ("infrastructure", "construction", "건설", "인프라", "스마트시티", "철도"),
    ),
    Sector(
        "shipbuilding",
        "Shipbuilding & maritime",
        "조선·해운",
        ("조선", "해운", "선박", "항만", "해양", "조선소", "함정", "MRO"),
        ("shipbuilding", "maritime", "shipping", "조선", "해운", "선박", "항만"),
    ),
    Sector(
        "robotics",
        "Robotics",
        "로봇",
        ("로봇", "로보틱스"),
        ("robotics", "robots", "robot", "로봇", "로보틱스"),
    ),
    Sector(
        "trade",
        "Trade & export",
        "무역·수출",
        ("수출", "교역", "무역", "판로", "시장 진출", "해외진출", "바이어", "수입"),
        ("trade", "export", "exports", "무역", "수출", "교역"),
    ),
)

SECTOR_IDS: tuple[str, ...] = tuple(s.id for s in SECTORS)
SECTORS_BY_ID: dict[str, Sector] = {s.id: s for s in SECTORS}

"""Sentence readings: signed now, planned, background; no Kiwi involved."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from extractors.gate import passes_gate
from extractors.status import Tense, has_agreement, read

PUBLISHED = dt.datetime(2025, 6, 20, 9, 0, tzinfo=ZoneInfo("Asia/Seoul"))


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("A시는 19일 B사와 업무협약을 체결했다고 20일 밝혔다.", Tense.SIGNED),
        ("A사와 B사는 이날 양해각서(MOU)를 맺고 공동 개발에 나선다.", Tense.SIGNED),
        ("양 기관은 지난 18일 시청에서 협약식을 갖고 협력을 약속했다.", Tense.SIGNED),
        ("A대와 B병원의 업무협약도 같이 이뤄졌다.", Tense.SIGNED),
        ("두 회사는 협약서에 서명했다.", Tense.SIGNED),
        ("A은행은 25개 자치구와 공공배달앱 협약을 완료했다고 10일 밝혔다.", Tense.SIGNED),
        ("센터는 지난 16일 '2025년 제조원 제공 협약식'을 개최했다.", Tense.SIGNED),
        # A parenthesized gloss or a closing quote between the ceremony and its particle.
        ("A장관은 19일 열린 ‘B원-C관 업무협약식(MOU)’에 참석했다.", Tense.SIGNED),
        ("양 기관은 19일 'D 협약식(MOA)'을 가졌다.", Tense.SIGNED),
        # An award received at someone else's signing ceremony is no signing.
        ("A사는 19일 열린 ‘상생협력사업 협약식’에서 우수기업으로 선정됐다.", Tense.NONE),
        ("A사는 19일 협약식에서 장관상을 수상했다.", Tense.NONE),
        ("A사는 B연구소와 '기술 협업'을 위한 업무협약을 진행했다고 19일 밝혔다.", Tense.SIGNED),
        ("양 기관은 협약 사업을 진행했다.", Tense.NONE),
        ("A사는 B사와 MOU를 체결할 예정이다.", Tense.PLANNED),
        ("A시는 B사와 업무협약을 체결한다고 20일 밝혔다.", Tense.PLANNED),
        ("양측은 이달 중 업무협약을 체결하고 공동 연구를 추진할 방침이다.", Tense.PLANNED),
        ("A사는 오는 25일 B사와 업무협약을 체결했다.", Tense.PLANNED),
        # Exchanged documents are signed ones, whichever verb says so.
        ("A사는 19일 B사와 협력 의향서(LOI)를 주고받았다.", Tense.SIGNED),
        ("두 정상은 19일 양해각서를 주고받으며 악수했다.", Tense.SIGNED),
        # "오는" is a word of its own: a name ending in 오 with its topic marker is no future.
        ("카카오는 19일 B사와 업무협약을 체결했다.", Tense.SIGNED),
        ("스튜디오는 6월 19일 B사와 업무협약을 체결했다.", Tense.SIGNED),
        # A connective signing followed by what the parties agreed to do is a signing...
        ("양 기관은 업무협약을 체결하고 공동 연구를 추진하기로 했다.", Tense.SIGNED),
        ("A사는 B회와 업무 협약을 맺고 상호 협력하기로 했다.", Tense.SIGNED),
        # ...a plan word before the verb or a signing "agreed to" is not.
        ("양측은 MOU를 체결하기로 합의했다.", Tense.PLANNED),
        ("양측은 다음 달 협약을 체결하고 사업을 시작하기로 했다.", Tense.PLANNED),
        ("A사는 B사와 협약을 맺어 공장을 설립할 계획이다.", Tense.PLANNED),
        ("협약식은 25일 도청에서 열린다.", Tense.PLANNED),
        ("정상회담 뒤에는 양해각서(MOU) 체결식과 공동언론발표가 이어진다.", Tense.PLANNED),
        (
            "A청장은 방중해 공안부와 MOU를 체결하고 공조 방안을 논의할 것으로 알려졌다.",
            Tense.PLANNED,
        ),
        ("앞서 A시는 B사와 업무협약을 체결했다.", Tense.BACKGROUND),
        # 앞서 with a date of the last few days is the day's news told again; further back it
        # stays background (PUBLISHED is the 20th).
        ("앞서 A시는 18일 오후 B사와 협약을 맺었다.", Tense.SIGNED),
        ("앞서 A시는 지난 3일 B사와 협약을 맺었다.", Tense.BACKGROUND),
        ("앞서 A시는 지난달 24일 B사와 협약을 맺었다.", Tense.BACKGROUND),
        ("A사는 지난달 2일 B사와 맺은 '상생 업무협약'에 따라 50억원을 지원한다.", Tense.NONE),
        ("A사는 19일 B사와 맺은 '상생 업무협약'에 따라 50억원을 지원한다.", Tense.SIGNED),
        ("A시는 지난해 5월 B사와 협약을 맺었다.", Tense.BACKGROUND),
        ("A대는 지난 3월 B사와 MOU를 체결했다.", Tense.BACKGROUND),
        ("A사는 2022년 B사와 양해각서를 체결한 바 있다.", Tense.BACKGROUND),
        ("A시는 지난달 B사와 협약을 체결했다.", Tense.BACKGROUND),
        # "지난 N월" is past however far back; an earlier year with 부터 dates a standing deal;
        # a year with 까지 is the deal's term.
        ("A사는 지난 1월 B부와 업무협약을 체결했다.", Tense.BACKGROUND),
        ("A사는 2020년부터 B은행과 상생 협약을 맺고 금리를 낮췄다.", Tense.BACKGROUND),
        ("A소방은 올해 초부터 의료기관 9곳과 협약을 체결했다.", Tense.BACKGROUND),
        ("A시는 19일 B사와 2024년까지 협력하는 협약을 체결했다.", Tense.SIGNED),
        ("A사는 B사와 업무협약을 체결한 적이 없었다.", Tense.NONE),
        ("노사는 단체협약을 체결했다.", Tense.NONE),
        ("파리협정이 체결된 지 10년이 됐다.", Tense.NONE),
        ("A씨는 사전연명의료의향서에 서명했다.", Tense.NONE),
        ("회사는 인수의향서를 법원에 제출했다.", Tense.NONE),
        ("양국은 공동성명을 발표했다.", Tense.NONE),
        ("각국은 환경 관련 협약들을 체결했죠.", Tense.NONE),
        ("단체와 협약을 맺고 프로그램을 운영 중인 사례는 없었다.", Tense.NONE),
        ("기관도 간단한 절차를 통해 협약을 맺고 혜택을 받을 수 있다.", Tense.PLANNED),
    ],
)
def test_reading(sentence: str, tense: Tense) -> None:
    assert read(sentence, PUBLISHED).tense is tense


def test_last_days_of_previous_month_are_still_news() -> None:
    published = dt.datetime(2025, 7, 1, 9, 0, tzinfo=ZoneInfo("Asia/Seoul"))
    assert read("충북도는 지난달 30일 업무협약을 체결했다.", published).tense is Tense.SIGNED


@pytest.mark.parametrize(
    ("title", "tense"),
    [
        ("A사, B사와 MOU 체결", Tense.SIGNED),
        ("A사, B사와 맞손…AI 사업 협력", Tense.SIGNED),
        ("A시-B대, 인재 양성 협약", Tense.SIGNED),
        ("A사, B사와 MOU 체결 추진", Tense.PLANNED),
        ("A시-B시, 상생 협약 1주년", Tense.NONE),
        ("A국, B국과 관세 인하 합의...3월 협정 체결 가닥", Tense.NONE),
        ("A박물관, 이집트 박물관과 MOU 협의", Tense.NONE),
    ],
)
def test_headline(title: str, tense: Tense) -> None:
    assert read(title, PUBLISHED, title=True).tense is tense


def test_anchor_and_firmness() -> None:
    dated = read("A시는 19일 B사와 업무협약을 체결했다.", PUBLISHED)
    undated = read("A시는 B사와 업무협약을 체결했다.", PUBLISHED)
    quoted = read("그는 “시가 일방적으로 변경 협약을 체결했다”며 반발했다.", PUBLISHED)
    assert dated.anchored and dated.firm
    assert not undated.anchored and undated.firm
    assert quoted.tense is Tense.SIGNED and not quoted.firm and not quoted.anchored


def test_agreement_words() -> None:
    assert has_agreement("업무협약을 맺었다")
    assert not has_agreement("단체협약을 맺었다")


def test_gate() -> None:
    assert passes_gate("A사, B사와 MOU 체결", "")
    assert passes_gate("", "양 기관은 업무협약을 맺었다.")
    assert passes_gate("", "양사는 협력 의향서를 주고받았다.")
    assert passes_gate("", "A사와 B사가 업무협약을 통해 손을 맞잡았다.")
    assert not passes_gate("오늘의 날씨", "전국이 맑겠다.")
    # the noun with a plain 하다 or 완료, and a pair headline over a cut body
    assert passes_gate("", "A사는 B사와 협력 협약을 했다고 10일 밝혔다.")
    assert passes_gate("", "A은행은 25개 자치구와 공공배달앱 협약을 완료했다고 밝혔다.")
    assert passes_gate("A도-B사 6000억원 투자협약…공장 건립", "")
    assert not passes_gate("협약이라는 말만 나오는 기사", "양측은 협약의 필요성을 이야기했다.")
    # A deal headline over an empty or cut feed body passes; a bare handshake does not.
    assert passes_gate("A사, 원료 개발 위해 B사와 MOU", "")
    assert passes_gate("C재단, D구와 업무협약", "C재단이 최근 D구와 함께 주민 지원에 나선다..")
    assert not passes_gate("E사, F사와 손잡고 신제품 출시", "E사가 F사와 함께 만든 과자를 내놨다.")
    assert passes_gate("G사, H연구소와 맞손", "G사는 H연구소와 업무협약을 진행했다고 밝혔다.")
    # Every word the status reader takes for an agreement passes the gate too (a "전략적 제휴"
    # article never reached it before the seventh round), also spelled with a space.
    assert passes_gate("I사, AI 판별 플랫폼 개발", "I사는 J사와 3자간 전략적 제휴를 체결했다.")
    assert passes_gate("", "K원과 L원은 국제 협력 양해 각서를 체결했다.")


def test_the_gate_knows_every_agreement_word_of_the_reader() -> None:
    for sentence in (
        "A사는 B사와 업무 제휴를 맺었다.",
        "A사는 B사와 전략적 제휴를 체결했다.",
        "A사는 B사와 전략적 사업제휴를 체결했다고 12일 밝혔다.",
    ):
        assert read(sentence).tense is Tense.SIGNED
        assert passes_gate("", sentence)


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        # A deal cancelled, ended or put off is no signing (issue 9, fourth round)...
        ("A사는 B사와 체결한 업무협약을 19일 해지했다고 20일 밝혔다.", Tense.NONE),
        ("A사는 19일 B사와 맺은 공동 개발 MOU를 파기한다고 공시했다.", Tense.NONE),
        ("A사와 B사의 업무협약식이 19일 돌연 취소됐다.", Tense.NONE),
        # ...but a new deal beside the cancelled one is, and a signing before "연기됐던" too.
        ("A사는 B사와의 협약을 해지하고 19일 C사와 새 협약을 체결했다.", Tense.SIGNED),
        ("A사는 19일 B사와 협약을 체결하고 연기됐던 사업을 재개한다.", Tense.SIGNED),
        # A standing partnership is background; a caption of the signing is not.
        ("A사는 19일 업무협약을 맺고 있는 C사의 연수단 20명을 초청했다.", Tense.BACKGROUND),
        ("A사 대표와 B사 관계자가 19일 업무협약을 체결하고 있다.", Tense.SIGNED),
        # More ways a release says the signing is done.
        ("A사는 19일 B사와 업무협약을 체결하게 됐다고 밝혔다.", Tense.SIGNED),
        ("A사가 19일 B사와 업무협약을 체결함에 따라 양사는 공동 개발에 나선다.", Tense.SIGNED),
        ("A사는 19일 B사와 MOU 체결에 성공했다.", Tense.SIGNED),
        ("A사는 19일 B사와 업무협약을 체결, 현지 시장 공략에 나선다고 20일 밝혔다.", Tense.SIGNED),
        ("A사와 B사가 19일 업무협약을 통해 손을 맞잡았다.", Tense.SIGNED),
        ("A사는 19일 B사와 업무협약을 맺기도 했다.", Tense.SIGNED),
        ("A사는 19일 B사와 공급 협약을 체결하면서 해외 진출에 나섰다.", Tense.SIGNED),
        # A signing dated to the last week: time words elsewhere describe a party or the deal...
        ("지난해 매출 1조원을 올린 A사는 19일 B사와 업무협약을 체결했다.", Tense.SIGNED),
        ("A사는 19일 1987년 설립된 독일 B사와 업무협약을 체결했다고 20일 밝혔다.", Tense.SIGNED),
        ("A사는 19일 향후 5년간 5천억원을 투자하는 투자협약을 체결했다.", Tense.SIGNED),
        ("A사는 19일 본사에서 업무협약식을 갖고 내년부터 공동 연구를 진행한다.", Tense.SIGNED),
        # ...unless a month dates the signing itself, or only the announcement is dated.
        ("A사는 지난해 5월 B사와 업무협약을 체결했다고 19일 밝혔다.", Tense.BACKGROUND),
        ("A사는 2019년 B사와 업무협약을 체결했다고 19일 밝혔다.", Tense.BACKGROUND),
        ("A사와 B사는 지난해에 이어 올해도 인턴십 협약을 체결했다.", Tense.BACKGROUND),
    ],
)
def test_fourth_round_shapes(sentence: str, tense: Tense) -> None:
    assert read(sentence, PUBLISHED).tense is tense


@pytest.mark.parametrize(
    "title",
    ["A사, B사와 MOU 체결 1년 만에 첫 수주", "A사-B사 MOU 이행 점검", "A사, C그룹과 업무협약 해지"],
)
def test_aftermath_headlines_are_no_signing(title: str) -> None:
    assert read(title, PUBLISHED, title=True).tense is not Tense.SIGNED


def test_last_december_is_news_in_early_january() -> None:
    january = dt.datetime(2025, 1, 3, 9, 0, tzinfo=ZoneInfo("Asia/Seoul"))
    late = "A사는 지난해 12월 30일 B사와 업무협약을 체결했다고 3일 밝혔다."
    assert read(late, january).tense is Tense.SIGNED
    assert read("A사는 지난해 12월 B사와 업무협약을 체결했다.", january).tense is Tense.BACKGROUND
    assert read("A사는 2023년 12월 31일 B사와 협약을 체결했다.", january).tense is Tense.BACKGROUND


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        # The ceremony of the signing was held (issue 9, fifth round).
        ("A대학은 19일 본관에서 B대학과 학술교류 협약을 체결하는 자리를 가졌다.", Tense.SIGNED),
        ("A사와 B사는 19일 MOU를 체결하는 행사를 열었다.", Tense.SIGNED),
        ("A사는 다음 달 B사와 협약을 체결하는 자리를 가질 예정이다.", Tense.PLANNED),
        # A time of a party, not of the signing: the date nearest the verb, or a founding.
        ("B병원은 지난 4월 문을 연 C센터와 19일 의료협력 협약을 맺었다.", Tense.SIGNED),
        ("A사는 19일 지난 3월 문을 연 B연구센터와 업무협약을 체결했다.", Tense.SIGNED),
        ("A사는 19일 2019년 5월 설립된 B사와 업무협약을 체결했다.", Tense.SIGNED),
        # A month that dates the signing still makes it background.
        ("A사는 19일 지난 3월 B사와 업무협약을 체결했다고 밝혔다.", Tense.BACKGROUND),
        ("A사는 지난 3월 B사와 업무협약을 체결했다고 19일 밝혔다.", Tense.BACKGROUND),
    ],
)
def test_fifth_round_shapes(sentence: str, tense: Tense) -> None:
    assert read(sentence, PUBLISHED).tense is tense


@pytest.mark.parametrize(
    "sentence",
    [
        # Denials and answers to a report of a signing (issue 9, fifth round).
        "A사는 B사와 업무협약을 맺었다는 일부 보도에 대해 19일 '체결한 사실이 없다'고 해명했다.",
        "B부는 C국과 양해각서를 체결했다는 언론 보도에 대해 '체결된 문서는 없다'고 밝혔다.",
        "A사가 B사와 양해각서를 체결했다는 보도를 회사가 부인하자 19일 하락세로 돌아섰다.",
        "A사는 B사와 MOU를 맺었다는 보도에 대해 '업무협약이 아니라 시범 공급 계약'이라고 정정했다.",
        'A사 "B사와 협약 체결 사실 없다"',
        'A사 "B사와 협약설은 오보…공식 계약·협약 없어"',
        'A사 "B사와 맺은 건 MOU 아닌 시범 공급 계약"',
        # ... a report or rumour answered with "관련해", "에 대한", or as undecided (eighth round).
        "A사는 C국 기업과 합작 MOU를 맺었다는 보도와 관련해 '접촉한 사실이 없다'고 밝혔다.",
        "A사는 B사와 MOU를 체결했다는 풍문에 대한 조회공시 요구에 '확정된 사항은 없다'고 답변했다.",
        "[단독] A사 'C국 대기업과 합작 MOU' 보도에 '결정된 바 없다'",
        # A draft exchanged, a signing still unscheduled or all that is left, a scheduled
        # ceremony called off, a trade pact between states.
        "A시는 19일 “B시와 양해각서 초안을 교환했지만 서명 일정은 아직 정하지 못했다”고 밝혔다.",
        "A시 “선사와 협의를 모두 마쳤고, 이제 협약서 서명만 남았다”",
        "A시는 19일 “B대학이 15일로 예정된 분교 설립 협약식에 불참해 행사를 취소했다”고 밝혔다.",
        "한·태국 경제동반자협정 타결…농가 긴장",
        # A headline's signing still being prepared, or a renewal still to come (eighth round).
        "A부, C국에 실사단 파견… 인력 MOU 체결 준비",
        "A시·中 B시, 자매결연 30년… 협정 갱신 추진",
        # An agreement broken is no signing now.
        "C위원회는 가맹점과 맺은 상생협약을 지키지 않은 본부에 과징금을 부과했다고 19일 밝혔다.",
    ],
)
def test_denials_and_breaches_are_no_signing(sentence: str) -> None:
    assert read(sentence, PUBLISHED).tense is not Tense.SIGNED
    assert read(sentence, PUBLISHED, title=True).tense is not Tense.SIGNED


@pytest.mark.parametrize(
    "sentence",
    [
        # ...but a market story on the news of one, and a deal that is not a mere MOU, are.
        "A사가 B사와 MOU를 체결했다는 소식에 19일 주가가 강세다.",
        "A시는 19일 B사와 단순 양해각서가 아닌 실시협약을 체결했다.",
        # An undecided detail of a signed agreement is no denial of it.
        "A사는 19일 B사와 MOU를 체결했으며 투자 규모는 확정된 바 없다고 밝혔다.",
    ],
)
def test_signing_news_is_no_denial(sentence: str) -> None:
    assert read(sentence, PUBLISHED).tense is Tense.SIGNED


def test_signings_told_in_passing() -> None:
    # A quoted statement of the speaker's own signing (issue 9, fifth round)...
    said = "병원 관계자는 “이달 초 B센터와 협약을 맺었다”며 “치료 계획을 함께 세운다”고 했다."
    assert read(said, PUBLISHED).tense is Tense.SIGNED and read(said, PUBLISHED).anchored
    # ...not a claim or a protest.
    claim = "그는 “시가 일방적으로 변경 협약을 체결했다”며 반발했다."
    assert not read(claim, PUBLISHED).anchored
    # "지난 25일" in a story of the 2nd is last month, a week back.
    second = dt.datetime(2025, 7, 2, 9, 0, tzinfo=ZoneInfo("Asia/Seoul"))
    late = read("A협회는 지난 25일 이탈리아 B협회와 교류 협약을 맺었다.", second)
    assert late.tense is Tense.SIGNED and late.anchored
    assert not read("A협회는 25일 이탈리아 B협회와 교류 협약을 맺었다.", second).anchored


def test_during_the_event_the_story_is_about() -> None:
    during = read("축제 기간 A시는 대만 B구와 등불 축제 교류 협약도 체결했다.", PUBLISHED)
    assert during.tense is Tense.SIGNED and during.anchored


def test_a_quotation_going_on_past_the_sentence_is_the_speakers_account() -> None:
    opened = read("그는 “지난 10일 B병원 35곳과 필수의료 네트워크 협약을 맺었다.", PUBLISHED)
    assert opened.tense is Tense.SIGNED and opened.firm and opened.anchored


def test_a_captions_signing_scene_and_the_day_of_the_event() -> None:
    caption = "14일 A역에서 A시장과 B공사 본부장이 관광열차 운영 협약을 맺고 있다."
    assert read(caption, PUBLISHED).tense is Tense.SIGNED
    assert read("A사는 B대학과 협약을 맺고 있다.", PUBLISHED).tense is not Tense.SIGNED
    opening = read("박람회 개막일에는 C공단과 D공사가 현지에서 업무협약을 체결했다.", PUBLISHED)
    assert opening.tense is Tense.SIGNED and opening.anchored


def test_a_donation_agreement_between_bodies_is_signed_a_persons_pledge_is_not() -> None:
    signed = read("A대는 14일 B회와 발전기금 기부 약정을 체결했다고 밝혔다.", PUBLISHED)
    assert signed.tense is Tense.SIGNED
    pledge = "C법인은 D씨가 전 재산을 기부하겠다는 약정서에 서명했다고 14일 밝혔다."
    assert read(pledge, PUBLISHED).tense is not Tense.SIGNED
    legacy = "E재단은 14일 30대 여성 F씨와 유산기부 약정을 맺었다고 밝혔다."
    assert read(legacy, PUBLISHED).tense is not Tense.SIGNED


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        # A recent signing told in a relative clause before the agreement's long quoted name is
        # a signing of the last days (seventh round) ...
        (
            "이번 지원은 지난 17일 A도 및 B재단과 맺은 '2025년 더 든든한 지역, 함께 성장하기 위한 "
            "소상공인 경영안정 특별자금 지원사업 업무협약'에 따른 것이다.",
            Tense.SIGNED,
        ),
        # ... and, undated, it is not news.
        (
            "이번 지원은 A도 및 B재단과 맺은 '2025년 더 든든한 지역, 함께 성장하기 위한 "
            "소상공인 경영안정 특별자금 지원사업 업무협약'에 따른 것이다.",
            Tense.NONE,
        ),
    ],
)
def test_a_relative_signing_before_a_long_quoted_name(sentence: str, tense: Tense) -> None:
    assert read(sentence, PUBLISHED).tense is tense

"""Does a sentence report an agreement signed now, one only planned, or one from the past?

Korean news reports a signing with a small set of predicates after the agreement noun ("업무협약을
체결했다", "MOU를 맺었다", "협약식을 가졌다", headline "MOU 체결"). The verb ending separates news
from plans (했다 / 할 예정, 하기로, 한다고 밝혔다); time words separate news from background (앞서,
지난해, 지난달, an earlier month or year). Everything here is regex over the surface text: it is
cheap and runs before Kiwi.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

# An agreement document between parties.
AGREEMENT_WORD = (
    r"(?:MOU|MoU|M\.O\.U|엠오유|양해\s?각서|업무\s?협약|협약서?|협정서?|약정서?|의향서|LOI|LoI|"
    r"MOA|협력\s?각서|(?:업무|사업)\s?제휴|전략적\s?제휴|파트너십)"
)
AGREEMENT = re.compile(AGREEMENT_WORD)

# Documents named like agreements that are not MOUs between a Korean and another party: labour
# contracts, one-sided letters, legal notices, treaties between states, election pledges.
NOT_AN_MOU = re.compile(
    r"(?:단체\s?협약|노사\s?협약|임금\s?협약|근로\s?계약|정책\s?협약|"
    r"연명의료\s?의향서|사전\S*의향서|인수\s?의향서|중재\s?의향서|유치\s?의향서|참가\s?의향서|"
    r"입찰\s?의향서|출석\s?의향서|매각\s?의향서|인수\S*\s(?:위한\s)?의향서|투자\s?의향서를?\s?(?:제출|접수)|"
    r"(?:포괄임금|손실\s?보전|부부재산|할인|수임)\s?약정|"
    # A person's pledge to give ("재산을 기부하겠다는 약정서에 서명했다"); a donation 약정식
    # between a body and a university is a two-party agreement (the gold counts u038).
    r"(?:기부|기증|유증)하겠다(?:는|고)\s?약정서?|(?:유산|유언|사후|보험금)\s?기부\s?약정|"
    r"\S*동반자\s?협정|(?:경제\s?동반자|포괄적\s?경제\s?동반자|파리|기후\s?변화|헤이그|제네바|리우|오슬로|간도|정전|휴전|청구권|비엔나|바젤|몬트리올|"
    r"람사르?|생물\s?다양성|유엔\S*|국제|자유\s?무역|무역|관세|통상|방위비\S*|군사\S*|플라스틱\S*|"
    r"비밀\s?유지)\s?(?:협약|협정)|FTA|C?EPA(?![A-Za-z])|조약|밀약|[한일]{2}\s?(?:협정|협약)서?|을사"
    r")(?:\s?\([^)]{0,40}\))?"
)

# Finite predicates reporting the signing as done ("체결했다", "맺고", "서명하며").
_FINITE = re.compile(
    r"(?:체결|서명|교환|조인|날인)(?:했|하였|됐|되었|하기도\s?했|하고(?!\s?있는)|하며|하면서|한\s?뒤|"
    r"한\s?후|해\s|해$)|맺(?:었|고(?!\s?있)|으며|으면서|은\s?뒤|은\s?후|어\s)|"
    r"(?:이뤄졌|이루어졌|성사됐|성사되었)|"
    r"(?:협약식|체결식|서명식|조인식)(?:\([^)]{0,20}\))?[’'\"”」』]?(?:을|를|이|도)?\s*(?:가졌|열었|열고|열렸|개최했|개최하고|"
    r"개최됐|진행했|진행됐|진행되었|진행하고|진행되며|갖고|가진|마련했)|"
    r"(?:협약서|협정서|약정서|양해\s?각서|MOU)에\s?(?:서명|사인)(?:했|하고|하며)|"
    # Other ways a release says it is done: "체결하게 됐다", "체결함에 따라", "체결에 성공했다",
    # "서명을 마쳤다", "성사시켰다", "맺기도 했다", "체결, 시장 공략에 나선다", "손을 맞잡았다".
    r"(?:체결|서명)(?:하게\s?(?:됐|되었)|함에\s?따라|함으로써|에\s?성공(?:했|하였)|을\s?(?:완료|마무리|마쳤)|,\s)|"
    # "체결한 것으로 3일 확인됐다", "맺은 것으로 알려졌다": reported as done.
    r"(?:체결|서명)한\s?것으로\s?(?:\d{1,2}\s?일\s?)?(?:확인|알려|전해|파악)|맺은\s?것으로\s?(?:확인|알려|전해)|"
    # A feed's lead cut inside the signing verb: "업무협약을 체..", "MOU를 맺.."
    r"(?:체결?(?:했|하였)?|맺었?|서명(?:했)?)\s?(?:\.\.+|…)\s*$|"
    r"성사시켰|맺(?:기도\s?했|게\s?(?:됐|되었))|(?:을|를|으로|로)\s?(?:통해\s?)?손을\s?(?:맞잡|잡)았|"
    # "협약을 체결하는 자리를 가졌다", "서명하는 행사를 열었다": the signing ceremony was held.
    r"(?:체결|서명|교환|조인)하는\s?(?:자리|시간|행사|의식|협약식|체결식|서명식)(?:를|을)?\s?(?:가졌|갖고|가진|마련했|"
    r"열었|열고|개최했|진행했)|"
    # "협력 의향서(LOI)를 주고받았다": exchanged, as 교환했다.
    r"(?:각서|의향서|협약서|협정서|약정서|MOU|LOI|MOA)(?:\([^)]{0,20}\))?[’'\"”]?(?:을|를)\s?"
    r"주고\s?받(?:았|고|으며)|"
    # "업무협약을 진행했다": the signing itself was held (not "협약 사업을 진행했다").
    r"^(?:MOU|양해\s?각서|업무\s?협약|협약)(?:\([^)]{0,20}\))?[’'\"”]?(?:을|를)\s?"
    r"진행(?:했|하였|하고|하며)|"
    # "업무협약(MOU)을 했다", "투자하기로 협약했다", "협약을 완료했다": the noun with a plain 하다.
    r"^(?:MOU|양해\s?각서|업무\s?협약|협약)(?:\([^)]{0,20}\))?[’'\"”]?(?:을|를)?\s?"
    r"(?:했|하였|완료했|완료하였|마쳤)(?:다|고|으며|는데)"
)
# "체결한 X", "협약식에서", "체결식 행사": done only when a time word ties it to the news.
_RELATIVE = re.compile(
    r"(?:협약식|체결식|서명식|조인식)(?:\([^)]{0,20}\))?[’'\"”」』]?(?:에서|에는|에|장)|"
    # "지난달 24일 B대와 협정을 맺는 등": done when a date ties it to the news
    r"(?:체결|서명)하는\s?등|맺는\s?등|"
    # a caption's "… 협약을 맺고 있다." (a standing partnership without the date)
    r"맺고\s?있다\.?\s*(?:/\S*)?$|"
    r"(?:체결|서명|교환)\s?(?:행사|식)"
)
# The verb before the noun: "전날 양국이 체결한 ‘...양해각서’".
_RELATIVE_BEFORE = re.compile(
    r"(?:(?:체결|서명|교환)(?:한|된)|맺은)\s?(?:[‘'\"“「『]?[^.!?]{0,40}?|"
    # or the agreement's long quoted name: "맺은 '2026년 … 회생 보듬자금 지원사업 업무협약'"
    r"[‘'\"“「『][^.!?‘'\"“”’」』]{40,120}?)"
    + AGREEMENT_WORD
    # "협약을 체결한 해외 협약기관과": a partner institution, not a document
    + r"(?!기관|기업|대학|병원|업체|학교|도시|은행|국가)"
)
# A headline, subtitle or caption ending on the noun: "Y와 MOU 체결", "...업무협약 체결./부산시".
_NOMINAL = re.compile(r"(?:체결|서명|교환)\s*(?:[.…!'\"’”]|,?\s*$|/)")
_NOMINAL_TITLE = re.compile(
    r"(?:체결|서명|교환)(?!\s?(?:추진|예정|검토|논의|협의|준비|앞둔|앞두|앞둬|앞뒀|무산|가닥|수순|임박|초읽기|목전|"
    r"전망|방침|유력|계획|목표|추진|기대|하나|할까|되나|될까|될|보류|노력|설|만|\?|(?:은|는)\s))"
)
# A handshake headline with no agreement word: "A사, B사와 맞손", "B사와 손잡았다".
_HANDSHAKE = re.compile(r"(?:와|과)\s?(?:\S+\s)?(?:맞손|손\s?잡(?!지|을|나|기로|으려|겠))")
# Headlines also say "손잡았다", "맞손", or just "X와 MOU".
# What a headline says after its agreement word when the deal is not done: a plan, talks over
# the draft ("MOU 문안 이견"), hopes ("MOU 기대"), or something else instead ("MOU 대신", "MOU는
# 다음 기회로").
_NOT_YET = (
    r"(?!\s?(?:[1-9]\d*\s?건\s?)?(?:추진|예정|검토|논의|협의|협상|타결|앞둔|앞둬|앞뒀|앞두|무산|보류|문안|초안|이견|기대|대신|조속|맺기로|맺는다|"
    r"맺을|체결하기로|체결한다|체결할|서명한다|서명할|\d+\s?주년|\d+\s?년(?!\s?(?:연장|계약|간|동안))|"
    r"(?:은|는)\s?(?:다음|나중|아직|무산|불발|보류|없)|"
    r"(?:체결|서명)\s?(?:추진|예정|검토|논의|협의|준비|앞|가닥|수순|임박|초읽기|목전|전망|방침|유력|계획|목표|"
    r"기대|노력|조속)|"
    # "협정 갱신 추진", "MOU 개정 준비": a renewal or revision still to come
    r"(?:갱신|개정|연장|재체결)\s?(?:추진|예정|검토|논의|협의|준비|협상)))"
)
_HEADLINE_DEAL = re.compile(
    r"맞손|손\s?잡|MOU\s?[1-9]\d*\s?건" + _NOT_YET + r"|\d+자\s?MOU|"
    # "A-B, … MOU", "獨 지멘스-韓 두산에너빌리티, … MOU": a pair of parties heads the headline
    r"(?:(?:와|과)\s.{0,25}|^(?:[^,\s]+\s)?[^,\s]+[-·–&](?:[^,\s]+\s)?[^,\s]+[,\s].{0,30})"
    r"(?:MOU|협약|양해각서|협정|약정|의향서|LOI)" + _NOT_YET
)

# A headline's leading tags: "[포토] ", "[게시판] ", "<AI 동맹> ".
HEADLINE_TAG = re.compile(r"^\s*(?:(?:\[[^\]]{1,20}\]|<[^>]{1,20}>|【[^】]{1,20}】)\s*)+")

# An agreement cancelled, ended or put off ("협약을 해지했다", "MOU 파기", "협약식이 취소됐다").
_CANCELLED = re.compile(
    r"해지|파기|철회|취소|무산|불발|결렬|백지화|탈퇴|폐기|보류|효력\S{0,3}\s?(?:상실|정지|잃)|불이행|"
    r"(?:지키지|이행하지)\s?(?:않|못)|위반(?:했|한|해|하)|"
    # "맺은 협약 1주년을 맞아": an anniversary of an earlier agreement.
    r"(?<!\d)\d{1,2}\s?주년|"
    r"(?:종료|중단|연기)(?:했|됐|되었|하기로|한다|된다|키로)"
)
# A headline about an earlier deal's aftermath: "MOU 체결 1년 만에 첫 수주", "협약 이행 점검".
_AFTERMATH = re.compile(
    r"\d+\s?(?:년|개월)\s?만에|후속|이행|성과|점검|공유회|목표|내년|연내|내달|종료|중단|연기|"
    r"부인|사실무근|아직|미정|협상|고려|개정|착수|표류|난항|체결\s?(?:기대|전망|예상)"
)
# A standing partnership, not a signing: "업무협약을 맺고 있는 대학".
_STANDING = re.compile(
    r"맺고\s?있는|체결하고\s?있는\s?(?:기관|대학|병원|기업|업체|곳|학교|국가|나라|단체|지자체)"
)

# What a firm receives at a ceremony in an award story.
_AWARD = re.compile(
    r"수상(?!태양|레저|스키|택시|버스|안전|교통|스포츠)|선정(?:됐|되었|돼)|표창|(?<!일)시상|장관상|대상을|"
    r"(?<!보)상을\s?받"
)

# Endings that make the verb a plan, a wish or a hypothesis.
_PLANNED = re.compile(
    r"(?:체결|서명|교환|조인)\s?(?:할|한다|합니다|하기로|키로|하겠|하려|하기\s?위|예정|될|을\s?(?:추진|앞두|위한|"
    r"위해|논의|검토|협의|목표|추진)|추진|하면(?!서)|하지\s?(?:않|못)|되지|되면(?!서)|하게\s?될|이\s?(?:추진|예정|"
    r"논의|유력)|에\s?(?:나서|합의))|"
    r"맺(?:을|는다|습니다|기로|겠|으려|으면(?!서)|지\s?(?:않|못)|는\s?(?:방안|작업|것))|"
    r"(?:체결|서명)하는\s?(?:자리|행사|협약식|체결식|서명식)(?:를|을)?\s?(?:가질|갖는다|마련할|열\s?예정|연다|개최할|개최한다)|"
    r"(?:협약식|체결식|서명식)(?:을|이|은)?\s?(?:(?!갖고|열고|개최하고|가졌|열었).){0,20}(?:열\s?예정|가질\s?예정|개최할|가질|열릴|"
    r"열린다|예정|진행한다|개최한다|연다|이어진다|이어질)"
)
# Clause endings after a connective that make the whole a plan ("맺어 ... 설립할 계획이다")
# unless a time word dates the signing...
_PLAN_TAIL = re.compile(
    r"(?:계획|예정|방침|목표|전망|구상)(?:이다|이며|이라고|이라며|다|입니다)|기로\s?(?:했다|합의)|"
    r"\S\s수\s?있다"
)
# ...and endings that make it a guess whatever the date ("체결하고 ... 논의할 것으로 알려졌다").
_SPECULATIVE_TAIL = re.compile(r"(?:할|될|일)\s?것으로\s?(?:보인다|알려졌|전망|예상|관측)")
# "이달 중/안/내(에)" (within this month), not "이달 중국", "이달 안전", "이달 내내".
WITHIN = r"(?:중|안|내)(?:에|으로|로)?(?![가-힣])"
# "오는 13일" (the coming 13th) is its own word: "카카오는 13일", "스튜디오는 13일" are a name
# and its topic marker before today's date.
COMING = r"(?:(?<![가-힣])|(?<=다가))오는"
# Time words of a coming signing, looked for before the verb.
_FUTURE = re.compile(
    rf"이달\s?(?:{WITHIN})|(?<![가-힣])연내|조만간|향후|(?<![가-힣])내달(?!리)|다음\s?달|{COMING}\s?\d|"
    r"(?<![가-힣])내년|하반기\s?중(?:에|으로)?(?![가-힣])"
)
# Time words of an earlier agreement, looked for before the signing verb...
_BACKGROUND = re.compile(
    r"(?<!에\s)(?<!에)앞서(?!가|나가|간|갈|갔|는|고\s?있|온)|지난해|작년|재작년|올\s?초(?![가-힣])|올해\s?초|"
    r"(?<![가-힣])연초(?!면|제조)|지난달(?!\s?\d)|전월(?!세)|(?<![가-힣])당시|"
    r"그동안|(?<![가-힣])이전에(?!\s?(?:관한|대한|따른|따라|관해|대해|필요|협력))|과거(?!사)|예전|같은\s?(?:해|달)(?![가-힣])|같은\s?(?:해|달)(?=에|의|엔|도)|그해|이듬해|"
    r"지난\s?\d{4}년|최근\s?몇|수년\s?전|\d+년\s?전(?![가-힣])|\d+년\s?전(?=에|의|인|부터|까지|엔|쯤)"
)
# ...and verb forms that tell it as past experience wherever they are.
_BACKGROUND_VERB = re.compile(
    r"(?:체결|맺)(?:은|한)\s?(?:바|지\s|지$|이후|뒤로|후로)|(?:체결|맺)(?:했|었)(?:었|던)|"
    r"(?:체결|맺)(?:은|한)\s?지\s?\d|바\s?있|체결된\s?(?:바|이후)|" + _STANDING.pattern
)
# Explanatory columns speak to the reader ("협약들을 체결했죠", "맺었어요"): not news reports.
_SPOKEN = re.compile(r"(?:죠|어요|아요|해요|예요|이에요|대요)[.!?]?\s*$")
# Sentences that deny a signing ("체결한 적이 없었다") or call it fake.
_NEGATED = re.compile(
    r"(?:체결|맺)(?:한|은)\s?(?:적|사실)(?:이|도|은)?\s?없|허위|(?<![가-힣])위조|사칭|가짜\s?(?:MOU|협약)|"
    r"(?:사례|경우|곳|기관)(?:는|은|가|이)\s?(?:없|한\s?곳도\s?없)|미체결|"
    # ...or tells it as someone's claim or an allegation ("협약을 맺었다며 투자금을 받아 가로챈
    # 혐의", "MOU를 체결했다고 홍보한 뒤", "...했다는 의혹이 제기됐다").
    r"(?:체결|맺|서명)\S{0,3}다며|(?:체결|맺|서명)(?:했|었|하였)다고\s?(?:속|홍보|주장|과장|거짓)|"
    # ... "MOU 맺었다더니 실체 없었다", "체결했다던 협약": a claim the story goes on to doubt
    r"(?:체결|맺|서명)(?:했|었|하였)다(?:더니|던)|"
    r"다는\s?의혹|의혹이\s?(?:제기|불거)|"
    # ...or denies a report of one, or says it has not happened yet.
    r"사실무근|사실이\s?아니|사실\s?아(?:냐|님|니다)|(?<![가-힣])오보|아직\s?(?:이뤄지지|이루어지지|체결되지|서명되지|성사되지)|"
    # ...or answers a report of one ("체결했다는 일부 언론 보도에 대해", "MOU 보도 부인",
    # "협약 체결 사실 없다", "신규 협약 없어", "MOU 아닌 공급 계약"); a market story on the news of
    # a signing ("체결 소식에 강세") is no denial.
    r"다는\s?(?:\S+\s){0,3}?(?:보도|관측|소문|설|주장)\S{0,3}\s(?:\S+\s){0,2}?"
    r"(?:부인|반박|일축|해명|정정)|다는\s?(?:\S+\s){0,3}?(?:보도|관측|소문|풍문|설|주장)\S{0,3}\s?(?:대해|대한|관련)|"
    r"(?:보도|설)\S{0,2}\s?(?:을\s?|를\s?)?(?:부인|반박|일축)|"
    # ... "'A와 MOU' 보도에 '결정된 바 없다'": a report answered as undecided.
    r"(?:보도|설|풍문|소문)\S{0,3}\s(?:\S+\s){0,3}?\S{0,2}(?:결정된|확정된|정해진)\s?(?:바|사항|것)\S{0,2}\s?없|"
    r"(?:체결|서명)\s?사실\S{0,2}\s?(?:없|전혀)|(?:협약|MOU|양해각서|계약)(?:은|는|이|도)?\s?없(?:어|다|음|었)|"
    r"(?:MOU|협약|양해각서)(?:이|가)?\s?아닌\s?(?:\S+\s)?\S*(?:계약|공급|거래|납품)|"
    # ...or tells a rumour ("체결했다는 소문이", "MOU 체결설에 급등"), or that none was signed.
    r"다는\s?(?:\S+\s){0,3}?(?:소문|풍문|루머|관측|추측|설)(?:이|가|을|를|에|과|은|도)?(?![가-힣])|"
    r"(?:체결|서명)설|(?:체결|서명)(?:은|이|도)\s?없(?:었|다|어)|"
    r"(?:체결|서명)\s?(?:시점|일정|시기|날짜)\S{0,2}\s?(?:아직\s?)?(?:미정|정해지지|정하지|잡지|잡히지)|"
    # ...or tells a draft, or a signing that is all that is left ("서명만 남았다").
    r"초안\S{0,2}\s?(?:교환|전달|마련|작성)|(?:체결|서명)만\s?(?:남|앞두)"
)
# Words that tie a sentence to the news of the day (or, for a signing reported in passing in a
# story about something else, to the weeks before it: 최근, 이달, 지난주; LABELS.md).
_ANCHOR = re.compile(
    r"이날|오늘|전날|어제|현지\s?시간|이번|기간\s?중|"
    # "축제 기간 진주시는 … 협약도 체결했다": during the event the story is about
    rf"(?:축제|행사|박람회|전시회|엑스포|대회|순방|방한|포럼|페스티벌)\s?(?:기간(?:\s|에|동안)|개막일|첫날|폐막일)|최근|이달(?!\s?(?:{WITHIN}|말(?![가-힣])))|지난\s?주|"
    r"(?<!\d)(?<!\d\.)(\d{1,2})\s?일(?!\s?(?:간|동안|째|까지|부터))"
)
_YEAR = re.compile(r"((?:19|20)\d{2})\s?년")
_MONTH_DAY = re.compile(
    r"(?<![\d.])(?<!(?<![가-힣])오는)(?<!(?<![가-힣])오는 )(\d{1,2})\s?월(?:\s?(\d{1,2})\s?일)?"
)
_LAST_MONTH_DAY = re.compile(r"지난달\s?(\d{1,2})\s?일")
_LAST_MONTH_NAMED = re.compile(r"지난\s?(\d{1,2})\s?월(?:\s?(\d{1,2})\s?일)?")
_FUTURE_END = re.compile(r"(?:한다|된다|는다|린다)")
_PAST = re.compile(r"(?:했|였|었|됐|졌)다")


# Both sides named only by what kind of body they are ("기업이 … 대학과", "지자체들은 해외
# 지자체와"), right before the agreement: a description of how such deals go, not a signing.
_GENERIC_BODY = (
    r"(?<![가-힣])(?:기업|대학|학교|기관|지자체|지방자치단체|병원|업체|회사|단체|구단)들?"
)
# Each kind stands bare after a verb or a particle: "이 대학은", "국내 기업들이", "싱가포르 결제
# 기업과", "5개 대학과" and a sentence's first "회사는" name a body the story is about.
_AFTER_CLAUSE = r"(?<=[면서도한는된고게며해에이가은]\s)"
_GENERIC_SIDES = re.compile(
    rf"{_AFTER_CLAUSE}{_GENERIC_BODY}(?:이|가|은|는)\s(?:[^\s.]+\s){{0,8}}?{_AFTER_CLAUSE}"
    rf"(?:해외\s|외국\s)?{_GENERIC_BODY}(?:과|와)\s(?:[^\s.]+\s){{0,3}}$"
)


def _undone(masked: str, agreement: re.Match[str], title: bool) -> bool:
    """The agreement is cancelled, ended or put off right after its noun (not after a signing
    verb: "협약을 체결하고 연기됐던 사업을"); in a headline, also its aftermath."""
    # past an aside ("업무협약(MOU) 체결식이 … 연기됐다")
    aside = re.match(r"\s?\([^)]{0,20}\)", masked[agreement.end() :])
    start = agreement.end() + (aside.end() if aside else 0)
    after = masked[start : start + (60 if title else 20)]
    cancelled = _CANCELLED.search(after)
    if cancelled and not _FINITE.search(masked, agreement.start(), start + cancelled.start()):
        return True
    return title and _AFTERMATH.search(after) is not None


def generic_deal(sentence: str) -> bool:
    """Every agreement the sentence names is a kind of deal between kinds of bodies ("기업이
    대학과 협약을 맺어 개설하는 계약학과"), not one signed by named parties."""
    masked = NOT_AN_MOU.sub(" ", sentence)
    found = list(AGREEMENT.finditer(masked))
    return bool(found) and all(_GENERIC_SIDES.search(masked, 0, a.start()) for a in found)


def denied(sentence: str) -> bool:
    """The sentence denies a signing, calls it fake, or tells it as a claim or an allegation."""
    return _NEGATED.search(NOT_AN_MOU.sub(" ", sentence)) is not None


def undone(sentence: str, title: bool = False) -> bool:
    """Every agreement the sentence names is cancelled, ended or put off ("협약식이 취소됐다")."""
    masked = NOT_AN_MOU.sub(" ", sentence)
    found = list(AGREEMENT.finditer(masked))
    return bool(found) and all(_undone(masked, a, title) for a in found)


# Days within which a dated signing is still news (LABELS.md: "within about a month"). Chosen on
# the training pool among 21, 25, 28 and 31: 25 gains a signing told 23 days on (b290) and loses
# none; 28 and 31 also read a past MOU 27 days back, in a story about something else, as news.
RECENT_DAYS = 25
# "앞서" and "체결한 바 있다" tell a signing as background, unless the sentence dates it to the
# last few days ("앞서 서울시는 3일 오후 ... 협약을 맺었다" on the 3rd, "앞서 지난달 31일" on the
# 2nd); "앞서 ... 지난달 24일" in a story of the 12th stays background (the gold's convention).
DATED_RECENT_DAYS = 7
# A connective signing verb ("체결하고", "맺고"): what follows is what the parties agreed to do.
_CONNECTIVE = re.compile(r"(?:하고|하며|하면서|고|으며|으면서|뒤|후|해|어)\s?$")
# A signing clause that a retrospective "-던" closes describes the past of a noun ("협정을 맺고
# 관광객을 가장 먼저 맞았던 괌이 …").
_RETROSPECTIVE = re.compile(r"\s?(?:[^\s.,]+\s){0,5}?[가-힣]*(?:았|었|였|했|하|되)던\s")


class Tense(enum.Enum):
    SIGNED = "signed"
    PLANNED = "planned"
    BACKGROUND = "background"
    NONE = "none"


@dataclass(frozen=True)
class Reading:
    tense: Tense
    firm: bool = False
    """A finite past predicate or a headline (not a relative clause or a ceremony locative)."""
    anchored: bool = False
    """A time word (이날, N일, 현지시간...) ties the sentence to the news of the day."""


NONE = Reading(Tense.NONE)


def has_agreement(sentence: str) -> bool:
    return AGREEMENT.search(NOT_AN_MOU.sub(" ", sentence)) is not None


# "C와 협약을 맺은 데 이어 13일 B와 협약을 체결했다": two signings, each with its own time;
# "C와 맺은 협약을 해지하고 13일 B와 새 협약을 체결했다": one ended, one signed.
FOLLOWS_ON = re.compile(
    r"(?P<verb>체결|맺|서명)(?:한|은)\s?(?:데|것|(?:\S+\s)?(?:MOU|협약|양해각서)\S{0,4}?)\s?(?:에\s?)?"
    r"이어(?:서)?\s?|"
    # "… MOU를 체결했고, 다음 달에는 C와 협약을 추진한다": a signing, then another clause
    r"(?P<done>체결했|맺었|서명했)(?:고|으며|으나|지만),\s|"
    # "… 체결했다고 12일 밝혔으며, 이번 협약에 따라 …할 예정이다": the news, then the plan
    r"(?P<said>체결했|맺었|서명했)다고\s(?:\d{1,2}\s?일\s)?(?:밝혔|전했)(?:으며|고),\s|"
    r"(?P<end>해지|파기|종료|철회|취소)(?:하고|한\s?뒤|한\s?후|하며)\s"
)


def follow_on_parts(sentence: str) -> tuple[str, str] | None:
    """The two clauses of a sentence that tells one signing after another, the first one's
    verb made finite ("C와 협약을 맺은 데 이어" -> "C와 협약을 맺었다."), or None."""
    follow = FOLLOWS_ON.search(sentence)
    if follow is None:
        return None
    if follow.group("done"):
        return sentence[: follow.start()] + follow.group("done") + "다.", sentence[follow.end() :]
    if follow.group("said"):
        told = re.sub(r"(?:으며|고),\s$", "", sentence[follow.start() : follow.end()])
        return sentence[: follow.start()] + told + "다.", sentence[follow.end() :]
    verb = follow.group("verb") or follow.group("end")
    first = sentence[: follow.start()] + verb + ("었다." if verb == "맺" else "했다.")
    return first, sentence[follow.end() :]


def read(sentence: str, published: dt.datetime | None = None, title: bool = False) -> Reading:
    """How one sentence (or the headline) reports an agreement."""
    if title:
        sentence = HEADLINE_TAG.sub("", sentence)
    parts = None if title else follow_on_parts(sentence)
    if parts is not None:
        for part in (parts[1], parts[0]):
            clause = read(part, published)
            if clause.tense is Tense.SIGNED:
                return clause
    masked = NOT_AN_MOU.sub(" ", sentence)
    if _NEGATED.search(masked) or _SPOKEN.search(masked):
        return NONE
    for agreement in AGREEMENT.finditer(masked):
        if _undone(masked, agreement, title):
            continue  # "협약을 13일 해지했다", "MOU 체결 1년 만에 첫 수주": not a signing now
        if _GENERIC_SIDES.search(masked, 0, agreement.start()):
            continue  # "기업이 대학과 협약을 맺어 개설하는 계약학과": a kind of deal, no signing
        reading = _read_at(masked, agreement, published, title)
        if reading is not None:
            return reading
    if title and AGREEMENT.search(masked) is None and _HANDSHAKE.search(masked):
        return Reading(Tense.SIGNED, firm=True)  # "A사, B사와 맞손…": the headline of a deal
    before = _RELATIVE_BEFORE.search(masked)
    if (
        before is not None
        and not _CANCELLED.search(masked, before.end())
        and not _BACKGROUND_VERB.search(masked)
        and not _is_stale(masked[: before.end()], published)
        and _anchored(masked, published, strict=True)
    ):
        return Reading(Tense.SIGNED, anchored=True)  # "전날 양국이 체결한 ‘...양해각서’"
    return NONE


# A ceremony or agreement scheduled, before its noun ("예정된 협약식", "앞둔 MOU").
_SCHEDULED = re.compile(r"(?:예정(?:된|이던|됐던|되었던|인)|앞둔|앞두고\s?있던)\s(?:\S+\s){0,3}$")

# How far after the agreement noun its verb may stand ("양해각서(MOU)를 지난 5일 체결했다").
_VERB_WINDOW = 40


def _read_at(
    masked: str, agreement: re.Match[str], published: dt.datetime | None, title: bool
) -> Reading | None:
    """The reading of one agreement noun and the verb that follows it; None without a verb."""
    rest = masked[agreement.start() :]
    window = agreement.end() - agreement.start() + _VERB_WINDOW
    aside = re.match(r"[’”'\"]?\s?\([^)]{0,80}\)", masked[agreement.end() :])
    # "함정정비협약(MSRA, Master Ship Repair Agreement)을 공식 체결했다", also after the
    # quoted name: "‘챕터 380 경제 개발 협약’(Chapter 380 Business Expansion Agreement)을 체결했다"
    if aside:
        window += aside.end()
    near = rest[:window]
    if _SCHEDULED.search(masked, max(0, agreement.start() - 20), agreement.start()):
        return Reading(Tense.PLANNED)  # "15일로 예정된 분교 설립 협약식에": a ceremony scheduled
    finite = _FINITE.search(near)
    relative = _RELATIVE.search(near)
    nominal = (_NOMINAL_TITLE if title else _NOMINAL).search(near)
    planned = _PLANNED.search(near)
    headline = _HEADLINE_DEAL.search(masked) if title else None
    done = _first(finite, nominal, relative)
    base = agreement.start()
    if done is None and headline is not None:
        done, rest, base = headline, masked, 0
    if done is None and planned is None:
        if _BACKGROUND_VERB.search(near):
            return Reading(Tense.BACKGROUND)  # "양해각서를 체결한 바 있다"
        return None
    end = base + done.end() if done is not None else len(masked)
    if planned is not None and (done is None or planned.start() <= done.start()):
        end = base + planned.end()
    dated_recent = _dated_recent(masked[:end], published)
    # A signing told as done on a day of the last week: time words elsewhere in the sentence
    # describe a party or the deal ("지난해 매출 1조원을 올린 A는 13일", "1987년 설립된 B와",
    # "향후 5년간 투자하는 협약을 체결했다"), not when it was signed.
    today = done is finite and dated_this_week(masked[:end], published)
    stale = _is_stale(_last_listed(masked[:end], published), published, today)
    if (_BACKGROUND_VERB.search(masked) and not dated_recent) or stale:
        return Reading(Tense.BACKGROUND)
    if planned is not None and (done is None or planned.start() <= done.start()):
        return Reading(Tense.PLANNED)
    assert done is not None
    anchored = _anchored(masked, published)
    after = rest[done.end() :]
    # A guessing tail makes the whole report a guess, dated or not ("이날 방중해 ... MOU를
    # 체결하고 ... 논의할 것으로 알려졌다" is not yet signed: the gold's note).
    if (_FUTURE.search(masked[:end]) and not today) or _SPECULATIVE_TAIL.search(after):
        return Reading(Tense.PLANNED)
    if done is finite and _CONNECTIVE.search(done.group(0)) and _RETROSPECTIVE.match(after):
        return Reading(Tense.BACKGROUND)  # "팬데믹 기간 협정을 맺고 … 맞았던 괌이": a past told
    tail = _PLAN_TAIL.search(after)
    agreed = tail is not None and tail.group(0).startswith("기로")
    if (
        done is finite
        and not anchored
        and tail
        and not (agreed and _CONNECTIVE.search(done.group(0)))
    ):
        return Reading(
            Tense.PLANNED
        )  # "맺어 ... 설립할 계획이다"; "체결하고 ... 하기로 했다" is done
    if done is relative:
        if _AWARD.search(after):
            return NONE  # "...협약식’에서 우수기업으로 선정됐다": an award story, not a signing
        ceremony_ahead = "식" in done.group(0) and not _PAST.search(after)
        if ceremony_ahead and (_FUTURE_END.search(after) or _PLAN_TAIL.search(after)):
            return Reading(Tense.PLANNED)
        if not _anchored(masked, published, strict=True):
            return NONE
    quoted = _in_quote(masked, base + done.start())
    firm = (done is finite or done is nominal or done is headline or title) and not quoted
    return Reading(Tense.SIGNED, firm=firm, anchored=anchored and not quoted)


# "지난 4월 A와, 지난 12일에는 B와 … 체결했다": signings listed each with its own date.
_LISTED_PARTY = re.compile(r"(?:와|과),\s(?=[^,]*$)")


def _last_listed(before_verb: str, published: dt.datetime | None) -> str:
    """The part of the text before the verb that dates the signing: the last item of a list of
    partners when that item carries a date of the last weeks, else all of it."""
    listed = _LISTED_PARTY.search(before_verb)
    if listed is None:
        return before_verb
    last = before_verb[listed.end() :]
    return last if _anchored(last, published, strict=True) else before_verb


def _in_quote(text: str, pos: int) -> bool:
    """True when pos lies inside a “quotation” that is someone's claim, not an announcement
    ("“...체결했다”며 주장했다" is a claim; "“...체결했다”고 11일 밝혔다" is the news)."""
    if text.count("“", 0, pos) - text.count("”", 0, pos) <= 0:
        return False
    close = text.find("”", pos)
    if close < 0:
        return False  # a quotation going on past the sentence: the speaker's own account
    if _ANNOUNCED.match(text, close + 1) is not None:
        return False
    # "“지난주 B와 협약을 맺었다”며 … 말했다": the speaker tells the signing; "…체결했다”며
    # 투자를 권유했다", "…주장했다" stay a claim.
    said = _SAID.match(text, close + 1)
    return said is None or _CLAIMED.search(said.group(0)) is not None


_ANNOUNCED = re.compile(r"\s?(?:고|라고)\s?(?:\d{1,2}\s?일\s?)?(?:밝혔|전했|발표|알렸)")
_SAID = re.compile(
    # "…체결했다”고 했다", the papers' plain "said"
    r"\s?(?:고|라고)\s?했|"
    r"\s?(?:며|라며|면서|고|라고)\s?.{0,200}?(?:말했|고\s?했|설명했|강조했|덧붙였|밝혔|전했|답했|소개했|"
    r"자랑했|내다봤|기대했)"
)
_CLAIMED = re.compile(
    r"주장|속|홍보|과장|거짓|허위|권유|꾀|가로|편취|의혹|혐의|반발|비판|항의|지적"
)


def _first(*matches: re.Match[str] | None) -> re.Match[str] | None:
    found = [m for m in matches if m is not None]
    return min(found, key=lambda m: m.start()) if found else None


def _anchored(sentence: str, published: dt.datetime | None, strict: bool = False) -> bool:
    """A time word ties the sentence to the day's news; strict: a date, not "이번"."""
    for m in _ANCHOR.finditer(sentence):
        if m.group(1) is None:
            if not strict or m.group(0) in ("이날", "전날", "어제", "오늘") or "현지" in m.group(0):
                return True
        elif (
            published is None
            or _days_back(published, int(m.group(1)), _past(sentence, m, published)) <= RECENT_DAYS
        ):
            return True
    return False


def _days_back(published: dt.datetime, day: int, past: bool = False) -> int:
    """Days from a bare "N일" to publication: this month, or the last days of the previous one
    (a later day in an earlier article is more likely coming than weeks old, unless the text
    says it is past: "지난 25일" in a story of the 2nd is a week back)."""
    if day <= published.day:
        return published.day - day
    back = published.day + max(0, 31 - day)
    return back if back <= 7 or past else RECENT_DAYS + 1


def _past(text: str, day: re.Match[str], published: dt.datetime | None = None) -> bool:
    """The day is told as past: "지난 25일", or dated to the month before ("지난 2월 17일" in a
    story of 2 March)."""
    before = text[max(0, day.start() - 5) : day.start()]
    if re.search(r"(?<![가-힣])지난(?:달)?\s?$", before) is not None:
        return True
    month = re.search(r"(?<!\d)(\d{1,2})\s?월\s?$", text[max(0, day.start() - 6) : day.start()])
    return (
        month is not None
        and published is not None
        and int(month.group(1)) == (published.month - 2) % 12 + 1
    )


def is_stale(text: str, published: dt.datetime | None) -> bool:
    """True when a time word dates the text to an earlier month or year than the news."""
    return _is_stale(text, published)


def _is_stale(before_verb: str, published: dt.datetime | None, today: bool = False) -> bool:
    """`today`: the sentence tells a signing done on a day of the last week (`dated_this_week`);
    time words then date the signing only when a month follows them ("지난해 5월")."""
    dated_recent = _dated_recent(before_verb, published)
    # The date nearest the verb dates the signing: "지난 4월 문을 연 B 센터와 13일 협약을
    # 맺었다" was signed on the 13th; the earlier time describes the party.
    if today:
        before_verb = before_verb[_last_today_anchor(before_verb, published) :]
    for m in _BACKGROUND.finditer(before_verb):
        if dated_recent and m.group(0) == "앞서":
            continue
        if _last_december(before_verb, m.end(), published):
            continue
        if today and (not _MONTH_AFTER.match(before_verb, m.end()) or _founding(before_verb, m)):
            continue
        return True
    if published is None:
        return False
    for m in _LAST_MONTH_DAY.finditer(before_verb):
        if today and _founding(before_verb, m):
            continue
        if published.day + max(0, 31 - int(m.group(1))) > RECENT_DAYS:
            return True
    if re.search(r"지난달(?!\s?\d)", before_verb):
        return True
    for m in _YEAR.finditer(before_verb):
        if int(m.group(1)) < published.year and not _term(before_verb, m.end()):
            if int(m.group(1)) == published.year - 1 and _last_december(
                before_verb, m.end(), published
            ):
                continue
            if today and (
                not _MONTH_AFTER.match(before_verb, m.end()) or _founding(before_verb, m)
            ):
                continue  # "1987년 설립된 B와 13일 협약을 체결했다"
            return True
    for m in _MONTH_DAY.finditer(before_verb):
        if today and _founding(before_verb, m):
            continue
        if _months_back(published, int(m.group(1)), int(m.group(2) or 0)) > 0:
            return True
    for m in _LAST_MONTH_NAMED.finditer(before_verb):  # "지난 1월" is past, however far back
        if today and _founding(before_verb, m):
            continue
        month, day = int(m.group(1)), int(m.group(2) or 0)
        if month != published.month - 1 and not (month == 12 and published.month == 1):
            return True
        if not day or published.day + max(0, 31 - day) > RECENT_DAYS:
            return True
    return False


# When a party began: "지난 3월 문을 연 B 센터와", "2019년 5월 설립된 C와" (a time of the party).
_FOUNDED = re.compile(
    r"\s?(?:\d{1,2}\s?월\s?)?(?:\d{1,2}\s?일\s?)?(?:에\s?)?(?:새로\s?)?(?:문을\s?연|문\s?연|개원한|개관한|개소한|개장한|"
    r"설립된|설립한|출범한|창립한|창업한|준공된|준공한|완공된|취임한|부임한|선임된|오픈한|설치된|지정된)\s"
)


def _founding(text: str, time: re.Match[str]) -> bool:
    """The time word dates when a party began, not the signing."""
    return _FOUNDED.match(text, time.end()) is not None


_MONTH_AFTER = re.compile(r"\s?(\d{1,2})\s?월(?:\s?(\d{1,2})\s?일)?")


def dated_this_week(sentence: str, published: dt.datetime | None) -> bool:
    """The sentence names a day of the last week on its own ("13일", "이날", "전날"), not as
    part of an earlier month or year ("지난달 13일", "5월 13일", "지난해 13일")."""
    return _last_today_anchor(sentence, published) >= 0


def _last_today_anchor(sentence: str, published: dt.datetime | None) -> int:
    """Where the last day of the last week named on its own (`dated_this_week`) starts, or -1."""
    if published is None:
        return -1
    last = -1
    for m in _ANCHOR.finditer(sentence):
        if m.group(1) is None:
            if m.group(0) in ("이날", "전날", "어제", "오늘"):
                last = m.start()
            continue
        before = sentence[max(0, m.start() - 6) : m.start()]
        if re.search(r"(?:월|지난달|지난해|작년|년)\s?$", before):
            continue
        if _days_back(published, int(m.group(1)), _past(sentence, m)) <= DATED_RECENT_DAYS:
            last = m.start()
    return last


def _last_december(text: str, pos: int, published: dt.datetime | None) -> bool:
    """ "지난해 12월 30일" in a story of 3 January: last year, and still news."""
    m = _MONTH_AFTER.match(text, pos)
    if m is None or published is None or published.month != 1 or int(m.group(1)) != 12:
        return False
    return m.group(2) is not None and published.day + max(0, 31 - int(m.group(2))) <= RECENT_DAYS


def _term(text: str, pos: int) -> bool:
    """A year right before "까지" gives the agreement's term, not its signing date ("2030년까지
    협력하는 협약"); an earlier year before "부터" dates a standing deal ("2020년부터 ... 협약을
    맺고" is background)."""
    return re.match(r"\s?(?:\d{1,2}\s?월\s?)?(?:까지|말까지)", text[pos:]) is not None


def _months_back(published: dt.datetime, month: int, day: int) -> int:
    """Whole months between an "N월 (M일)" mention and publication; a signing on the last days
    of the previous month is still news."""
    if not 1 <= month <= 12:
        return 0
    back = (published.month - month) % 12
    if back == 0 or back > 6:
        return 0  # this month, or more likely a coming month than one half a year ago
    if back == 1 and day and published.day + max(0, 31 - day) <= RECENT_DAYS:
        return 0
    return back


def _dated_recent(text: str, published: dt.datetime | None) -> bool:
    """True when the text dates its signing to a day within DATED_RECENT_DAYS of publication
    ("지난 5일", "지난달 31일", "1월 28일") and to no earlier year or month."""
    if published is None:
        return False
    for m in _LAST_MONTH_DAY.finditer(text):
        if published.day + max(0, 31 - int(m.group(1))) <= DATED_RECENT_DAYS:
            return True
    for m in _MONTH_DAY.finditer(text):
        month, day = int(m.group(1)), int(m.group(2) or 0)
        if day and month == published.month and 0 <= published.day - day <= DATED_RECENT_DAYS:
            return True
    for m in _ANCHOR.finditer(text):
        if (
            m.group(1) is not None
            and _days_back(published, int(m.group(1)), _past(text, m)) <= DATED_RECENT_DAYS
        ):
            return True
    return False

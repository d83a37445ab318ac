"""Figures: money, counts, percentages and physical quantities claimed by a text.

Pure functions, no I/O. ``find_figures`` scans the matching view for number spans, reads the
unit, multiplier and qualifier words around each (before and after: 近20亿美元, 37億ドル超,
60-тан астам құжат) and keeps only numbers with a unit, a counted noun or a population
context, so that years, dates, durations, ordinals, list indices and citation markers never
become figures. Subject, entities and period come from the figure's sentence.

All patterns are compiled once at import; every pattern is anchored or bounded so that long
lines and runs of digits are scanned in linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from attache.dates import DateMention, find_dates, masked_spans
from attache.model import Figure
from attache.numbers import (
    EN_NUMBER_WORDS,
    RU_NUMBER_WORDS,
    parse_cjk,
    parse_digits,
    parse_number,
    scale_of,
)

_D = "[0-9０-９]"
_CJK_NUM = "[零〇一二三四五六七八九十百千万亿两兩萬億]"
_LETTER_BEFORE = "A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі"

# A number span: grouped digits, plain digits, a Chinese numeral, or an English number word.
# Digit runs are capped so that a megabyte of digits is one cheap, rejected match.
_CORE = re.compile(
    rf"(?<![0-9０-９{_LETTER_BEFORE}_.,/#№@＃])"
    rf"(?P<d>{_D}{{1,3}}(?:[,\u00a0\u202f\u2009 ]{_D}{{3}})+(?:[.,]{_D}+)?(?![0-9０-９])"
    rf"|{_D}+(?:[.,．]{_D}+)?)"
    rf"|(?P<c>{_CJK_NUM}+)"
    rf"|(?P<w>\b(?i:{'|'.join(EN_NUMBER_WORDS + RU_NUMBER_WORDS)})\b)"
)

# ---- right-hand side -----------------------------------------------------------------------

_CJK_REMAINDER = re.compile(r"([0-9０-９]{1,4})([千万萬]?)(?![0-9０-９.,])")
_MID_QUAL = re.compile(r"[余餘多](?=[十百千万萬亿億兆]|[^\s\d])")  # 60余份, 7000多万, 150余国
_CJK_MULT = re.compile(r"[十百千万萬亿億兆]+(?![瓦米克赫])")
_WORD_SCALE = re.compile(
    r"[ \u00a0\u202f]?(?:-\s?)?"
    r"(thousand|million|billion|trillion|mln|mn|bln|bn|tn|trn"
    r"|тыс\.?|тысяч[аи]?|млн\.?|миллион\w*|млрд\.?|миллиард\w*|трлн\.?|триллион\w*|мың\w*)"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
_GLUED_SCALE = re.compile(r"(k|m|b|bn|tn)(?![A-Za-z])", re.IGNORECASE)  # $5m, $2.7bn
_RANGE_SEP = re.compile(r"\s*(?:[-–—~～〜至到]|to|до|and|и)\s*", re.IGNORECASE)
# "from about $8 billion to around $9 billion": the second end may repeat qualifier and sign
_RANGE_SECOND = re.compile(
    r"(?:(?:about|around|approximately|roughly|nearly|almost|some|около|примерно|почти|约|約|近)"
    r"\s*)?(?:US\$|\$|€|£|¥|￥|₸|₽)?\s*",
    re.IGNORECASE,
)
_KK_CASE = re.compile(r"-?(?:[а-яәғқңөұүһі]{1,5})(?![а-яәғқңөұүһі])")  # 60-тан, 10-нан
_HYPHEN = re.compile(r"-(?=[A-Za-zА-Яа-я])")


@dataclass(frozen=True)
class _Unit:
    unit: str
    kind: str  # money, percent, count, people, physical
    factor: float = 1.0
    cjk_counter: bool = False


_UNIT_SPECS: list[tuple[str, _Unit]] = [
    # percentages and percentage points
    (r"个百分点|個百分點|percentage points?|п\.\s?п\.|процентн\w* пункт\w*", _Unit("other:pp", "percent")),
    (r"%|％|per\s?cent\b|pct\b|процент\w*|пайыз\w*|パーセント", _Unit("percent", "percent")),
    # money, longest names first (美元 before 元)
    (r"(?:US\s?|U\.S\.\s?|American\s)?dollars?\b|USD\b|米ドル|ドル|美元|美金|(?:АҚШ\s)?доллар\w*|долл\.",
     _Unit("USD", "money")),
    (r"日元|日圆|日圓|円|yen\b|JPY\b|иен\w*|йен\w*|иена\w*|йена\w*", _Unit("JPY", "money")),
    (r"tenge\b|KZT\b|теңге\w*|тенге\b|坚戈|堅戈|テンゲ|₸", _Unit("KZT", "money")),
    (r"欧元|歐元|ユーロ|euros?\b|EUR\b|евро\b|еуро\w*|€", _Unit("EUR", "money")),
    (r"卢布|盧布|ルーブル|r[o]?ubles?\b|RUB\b|рубл\w*|руб\.|₽", _Unit("RUB", "money")),
    (r"苏姆|蘇姆|(?:Uzbek\s)?so['‘’]?ums?\b|UZS\b|сум(?:ов|а|ы)?\b|スム", _Unit("UZS", "money")),
    (r"索姆|soms?\b|KGS\b|сом(?:ов|а|ы)?\b|ソム", _Unit("KGS", "money")),
    (r"英镑|英鎊|pounds? sterling|pounds?\b|GBP\b|фунт\w* стерлинг\w*|£", _Unit("GBP", "money")),
    (r"港元|港币|港幣|HKD\b", _Unit("HKD", "money")),
    (r"韩元|韓元|KRW\b|won\b", _Unit("KRW", "money")),
    (r"人民币|人民幣|人民元|元|yuan\b|renminbi\b|RMB\b|CNY\b|юан\w*", _Unit("CNY", "money")),
    # physical quantities
    (r"平方公里|平方千米|平方キロメートル|平方キロ|km2|km²|sq\.?\s?km\b|square kilomet(?:re|er)s?"
     r"|кв\.?\s?км\b|км2|км²|квадрат\w* километр\w*|шаршы километр\w*", _Unit("km2", "physical")),
    (r"公顷|公頃|ヘクタール|hectares?\b|гектар\w*|га\b", _Unit("other:hectare", "physical")),
    (r"立方米|立方メートル|cubic met(?:re|er)s?\b|m3\b|m³|кубометр\w*|куб\.\s?м\b|текше метр\w*",
     _Unit("other:m3", "physical")),
    (r"bcm\b", _Unit("other:m3", "physical", 1e9)),
    (r"公里|千米|キロメートル|kilomet(?:re|er)s?\b|km\b|километр\w*|км\b", _Unit("km", "physical")),
    (r"吨|噸|トン|(?:metric\s)?tonnes?\b|(?:metric\s)?tons?\b|тонн\w*|тонна\w*", _Unit("tonne", "physical")),
    (r"公斤|千克|kilograms?\b|kg\b|килограмм\w*|кг\b", _Unit("other:kg", "physical")),
    (r"桶|バレル|barrels?\b|bbl\b|баррел\w*", _Unit("other:barrel", "physical")),
    (r"吉瓦|ギガワット|GW\b|gigawatts?\b|ГВт\b|гигаватт\w*", _Unit("other:MW", "physical", 1e3)),
    (r"兆瓦|メガワット|MW\b|megawatts?\b|МВт\b|мегаватт\w*", _Unit("other:MW", "physical")),
    # people, then counted things (Chinese and Japanese counters come right after the number)
    (r"万人|萬人|人次|人(?!民)|名(?=[\u4e00-\u9fff])", _Unit("people", "people", 1.0, True)),
    (r"个(?!月|小时|小時|星期|世纪|世紀|年|工作日|季度|百分点|多月)|個(?!月|小時|星期|世紀|年|工作日|季度)"
     r"|份|项|項|家|国|國|台|臺|辆|輛|次|件|架|艘|座|所|款|场|場|轮|輪|条|條|批|套|处|處|枚|颗|顆"
     r"|本(?=の)|社|カ国|か国|ヶ国|ヵ国|ケ国|回|基|隻|機|校",
     _Unit("count", "count", 1.0, True)),
]
_UNIT_RE = re.compile(
    "|".join(f"(?P<u{i}>{pat})" for i, (pat, _) in enumerate(_UNIT_SPECS)),
)

# Counted nouns in alphabetic scripts, allowed one to three words after the number.
_PEOPLE_NOUNS = (
    r"people|persons|workers|engineers|employees|students|citizens|residents|tourists|specialists"
    r"|experts|visitors|migrants|soldiers|troops|officials|delegates|participants|scholars"
    r"|leaders|heads of state|ministers|лидер\w*|министр\w*|көшбасшы\w*"
    r"|человек|специалист\w*|инженер\w*|работник\w*|студент\w*|граждан\w*|турист\w*|сотрудник\w*"
    r"|мигрант\w*|жител\w*|адам\w*|маман\w*|қызметкер\w*|азамат\w*|жұмысш\w*"
)
_COUNT_NOUNS = (
    r"documents|agreements|accords|deals|contracts|memorand\w+|MoUs|projects|countries|nations"
    r"|states|companies|firms|enterprises|businesses|machines|vehicles|trucks|excavators|units"
    r"|aircraft|ships|meetings|jobs|schools|universities|plants|factories|investors|banks"
    r"|документ\w*|соглашени\w*|договор\w*|контракт\w*|меморандум\w*|проект\w*|стран\w*"
    r"|государств\w*|компани\w*|предприяти\w*|машин\w*|единиц\w*|автомобил\w*|грузовик\w*"
    r"|экскаватор\w*|самосвал\w*|встреч\w*|завод\w*|мест\b|рабочих мест|раз\b"
    r"|құжат\w*|келісім\w*|жоба\w*|ел\b|елде\w*|елдің|компания\w*|машина\w*|техника\w*|рет\b"
    r"|кездесу\w*|жұмыс орн\w*|зауыт\w*|кәсіпорын\w*"
)
_NOUN_AFTER = re.compile(
    rf"[\s\u00a0]*(?:-\s*)?(?:[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі][\w'-]*\s+){{0,3}}?"
    rf"(?:(?P<people>{_PEOPLE_NOUNS})|(?P<count>{_COUNT_NOUNS}))(?!\w)",
    re.IGNORECASE,
)
_EN_TIMES = re.compile(r"\s+times\b(?!\s+(?:more|less|larger|higher|bigger|greater|faster|as|the|over))",
                       re.IGNORECASE)

# Nouns for people right after a bare Chinese/Japanese number with a multiplier (30万工程师).
_CJK_PEOPLE_AFTER = re.compile(
    r"(?:名)?(?:工程师|工程師|专家|專家|学生|學生|员工|員工|工人|人才|游客|遊客|居民|劳动力|勞動力"
    r"|留学生|留學生|技术工人|公民|侨民|僑民|移民|士兵|职工|職工|技術者|労働者|エンジニア)"
)
_POPULATION_BEFORE = re.compile(
    r"(?:人口|总人口|總人口|population|населени\w*|халқ\w*|халық\w*|人口は|人口が)[^。！？.!?\n]{0,12}$",
    re.IGNORECASE,
)

# ---- qualifiers ----------------------------------------------------------------------------

_QUAL_WORDS: list[tuple[str, str]] = [
    # Chinese (both scripts) and Japanese
    ("approx", r"将近|將近|接近|大约|大約|约为|約為|约|約|近|およそ|ほぼ"),
    ("over", r"超过|超過|超出|超|逾|突破|多于|多於|高于|高於"),
    ("at_least", r"至少|不少于|不少於|不低于|不低於|最少|少なくとも|最低"),
    ("under", r"不到|不足|少于|少於|低于|低於|未满|未滿"),
    ("at_most", r"最多|不超过|不超過|至多|最大|最高|多くて"),
    # English
    ("approx", r"nearly|almost|about|around|approximately|roughly|some|an estimated|estimated"
               r"|close to|circa|approx\.|~"),
    ("over", r"more than|over|above|exceeding|in excess of|upwards of|just over|over and above"),
    ("at_least", r"at least|no less than|not less than|no fewer than|a minimum of|minimum of"),
    ("under", r"under|less than|fewer than|below|just under|short of"),
    ("at_most", r"up to|at most|no more than|not more than|a maximum of|maximum of|as many as"),
    # Russian
    ("approx", r"около|примерно|почти|порядка|приблизительно|почти что|ориентировочно"),
    ("over", r"более чем|более|свыше|больше|больше чем|превысил\w*|превышает"),
    ("at_least", r"не менее|не меньше|по меньшей мере|как минимум|минимум"),
    ("under", r"менее|меньше|чуть меньше|немногим менее"),
    ("at_most", r"не более|не больше|до|максимум|вплоть до"),
    # Kazakh
    ("approx", r"шамамен|шамасы|жуық|таяу"),
    ("at_least", r"кем дегенде|кемінде|ең кемі"),
    ("at_most", r"ең көбі|көп дегенде"),
]
_PREFIX_QUAL = re.compile(
    rf"(?<![{_LETTER_BEFORE}])(?:" + "|".join(f"(?P<q{i}>{pat})" for i, (_, pat) in enumerate(_QUAL_WORDS)) + ")"
    r"(?:\s*(?:了|达到|達到|达|達|到|为|為|是|有|可达|可達))?"
    r"\s*(?:[$€£¥￥₸₽]|US\$|USD|RMB)?\s*$",
    re.IGNORECASE,
)
# at_least/at_most words that stand before the verb: 至少可创造1万个, 最多将投入…
_DISTANT_QUAL = re.compile(
    r"(至少|不少于|不少於|最多|不超过|不超過|少なくとも|кем дегенде|кемінде)[^。！？!?；;，,\d]{0,8}$"
)
_POST_QUAL: list[tuple[str, re.Pattern[str]]] = [
    # 超/強/弱 after an amount are Japanese only (_JA_POST); を超える/を上回る are unambiguous
    ("over", re.compile(r"\s*(?:以上|余り|あまり|plus\b|を超え(?:る|た|て)?|を上回(?:る|り|った))")),
    ("approx", re.compile(r"\s*(?:左右|上下|前后|前後|近く|程度|ほど|or so\b)")),
    ("at_least", re.compile(r"\s*(?:or more\b|or above\b)")),
    ("under", re.compile(r"\s*(?:未満|足らず|に満たない)")),
    ("at_most", re.compile(r"\s*(?:以下|以内|以內|or less\b|or fewer\b)")),
    # Kazakh postpositions after a case ending: доллардан астам, долларға жуық
    # and their verbal and possessive forms: пайыздан астамы, доллардан асады, долларға жуықтады
    ("over", re.compile(r"[а-яәғқңөұүһі]{0,4}\s+(?:астам\w*|артық\w*|асады|асты|асып|асқан|аса)(?!\w)",
                        re.IGNORECASE)),
    ("approx", re.compile(r"[а-яәғқңөұүһі]{0,4}\s+(?:жуық\w*|шамасында|шамасы|шамалы|төңірегінде)(?!\w)",
                          re.IGNORECASE)),
    ("at_least", re.compile(r"[а-яәғқңөұүһі]{0,4}\s+кем емес\b", re.IGNORECASE)),
    ("at_most", re.compile(r"[а-яәғқңөұүһі]{0,4}\s+дейін\b", re.IGNORECASE)),
]
# 37億ドル超: in Japanese 超 and 強/弱 follow the amount; in Chinese 超 starts the next word
_JA_POST = re.compile(r"(超|強|弱)(?![過过えなし])")
_KK_MID_QUAL = re.compile(r"\s+(?:астам\w*|артық\w*|аса)(?!\w)", re.IGNORECASE)

# Kazakh partitive: "оның 14-і" (fourteen of them), "олардың екеуі"
_KK_PARTITIVE = re.compile(r"-(?:і|ы|сі|сы|еуі|ауы|уі)(?![а-яәғқңөұүһі])", re.IGNORECASE)
_KK_PARTITIVE_BEFORE = re.compile(r"(?:оның|олардың|соның|бұлардың|ішінде|ішінен)\s*$",
                                  re.IGNORECASE)
# Japanese "14の文書": a number, の, then a concrete counted noun
_JA_NO_NOUN = re.compile(
    r"の(?P<n>文書|協定|合意文書|合意|覚書|契約|協力文書|案件|プロジェクト|事業|企業|会社|国と地域|国・地域"
    r"|機関|大学|拠点|工場)"
)
# Tenths: 八成以上 (zh), 8割 (ja) = 80 percent; not 成为/成立/割合/割引…
_TENTHS = re.compile(r"(?:成(?![为為立功员員本果交长長都熟就型效绩績品分年人全千百万萬])"
                     r"|割(?![合りるれ安高当引]))")
_TENTHS_CONTEXT = re.compile(r"\s*(?:以上|以下|左右|多|强|強|弱|前後|程度|近く|超|の|的|が|は|を|，|,|。|、)")
# Earthquake magnitude: магнитудой 7,1, magnitude 7.1, マグニチュード7.1, 里氏7.1级
_MAGNITUDE_BEFORE = re.compile(
    r"(?:magnitude(?:\s+of)?|магнитуд\w*|магнитудасы|マグニチュード|里氏|芮氏(?:規模)?|震级|震級)\s*$",
    re.IGNORECASE,
)
_MAGNITUDE_AFTER = re.compile(r"(?:-|\s)?magnitude\b|级(?=地震|强震|强烈地震)|級(?=地震|強震)",
                              re.IGNORECASE)

_CURRENCY_PREFIX = re.compile(r"(US\$|C\$|A\$|\$|€|£|¥|￥|₸|₽|RMB|USD|EUR|JPY|CNY|KZT|RUB)\s*$")
_CURRENCY_CODES = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "₸": "KZT", "₽": "RUB",
                   "RMB": "CNY", "USD": "USD", "EUR": "EUR", "JPY": "JPY", "CNY": "CNY",
                   "KZT": "KZT", "RUB": "RUB", "C$": "CAD", "A$": "AUD"}

# ---- things that look like figures but are not ---------------------------------------------

_BAD_BEFORE = re.compile(
    r"(?:第|(?<![目此之以提])前|No\.?\s?|no\.\s?|№\s?|#|p\.\s?|pp\.\s?|стр\.\s?|Nr\.\s?|[Pp]age\s|[Ss]ection\s"
    r"|[Cc]hapter\s|[Aa]rticle\s|[Сс]тать\w+\s|[Гг]лав\w+\s|数|數|几|幾|若干|\^\[|[Tt]op\s)$"
)
_YEAR_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|from|during|until|of|for|before|after)|\b(?:в|с|до|к|по))\s*$",
    re.IGNORECASE,
)

_PUNCT = "。！？!?；;\n"
_ENTITY_CLAUSE_PUNCT = "，,；;：:。！？!?\n"
# a sentence whose owner is in the sentence before: 其中稀土储量…, Its reserves…, Оның үлесі…
_ANAPHOR_START = re.compile(
    r"\s*(?:其中|其|该国|該國|该公司|該公司|此外其|同国|同社|その|(?:Its|Their|Of (?:which|these|them))\b"
    r"|(?:Из них|Из которых|Его|Ее|Её|Их|Оның|Олардың|Соның)(?![а-яёәғқңөұүһі]))"
)
_CLAUSE_PUNCT = "，,、：:；;（）()「」“”\"《》【】[]。！？!?\n"

# ---- subjects ------------------------------------------------------------------------------

_SUBJECTS: list[tuple[str, str]] = [
    ("trade", r"贸易额|贸易|貿易額|貿易|进出口|進出口|товарооборот\w*|торгов\w*|\btrade\b"
              r"|тауар айналым\w*|сауда\w*"),
    ("investment", r"投资|投資|投じ|инвестиц\w*|инвестор\w*|invest\w*|вложени\w*|вложил\w*|салым\w*"
                   r"|инвестиция\w*|қаражат салған|қаржы салған"),
    ("exports", r"出口|輸出|экспорт\w*|\bexports?\b"),
    ("imports", r"进口|進口|輸入|импорт\w*|\bimports?\b"),
    ("memoranda", r"备忘录|備忘錄|覚書|меморандум\w*|memorand\w*|\bMoUs?\b"),
    ("contracts", r"合同|契约|契約|\bcontracts?\b|\bdeals?\b|контракт\w*|сдел(?:к|ок)\w*|келісімшарт\w*"),
    ("agreements", r"协议|協議|协定|協定|合意|соглашени\w*|\bagreements?\b|\baccords?\b|келісім\w*"),
    ("documents", r"文件|文书|文書|документ\w*|\bdocuments?\b|құжат\w*"),
    ("projects", r"项目|項目|プロジェクト|案件|проект\w*|\bprojects?\b|жоба\w*"),
    ("loans", r"贷款|貸款|融資|借款|кредит\w*|займ\w*|заем\w*|\bloans?\b|қарыз\w*|несие\w*"),
    ("aid", r"援助|помощ\w*|\baid\b|assistance|\bgrants?\b|\bODA\b|көмек\w*"),
    ("reserves", r"储量|儲量|埋蔵量|蕴藏|запас\w*|\breserves?\b|қоры\w*"),
    ("production", r"产量|產量|产能|產能|生产|生產|生産|добыч\w*|производств\w*|\boutput\b"
                   r"|\bproduction\b|өндіріс\w*"),
    ("population", r"人口|населени\w*|\bpopulation\b|халқ\w*|халық\w*"),
    ("jobs", r"岗位|崗位|就业|就業|雇用|рабоч\w* мест\w*|\bjobs?\b|жұмыс орн\w*"),
    ("specialists", r"工程师|工程師|专家|專家|技術者|инженер\w*|специалист\w*|\bengineers?\b"
                    r"|\bspecialists?\b|маман\w*"),
    ("vehicles", r"自卸车|自卸車|车辆|車輛|車両|トラック|\bvehicles?\b|\btrucks?\b|автомобил\w*"
                 r"|грузовик\w*|самосвал\w*|көлік\w*"),
    ("machines", r"设备|設備|机械|機械|挖掘机|挖掘機|建機|машин\w*|техник\w*|\bequipment\b"
                 r"|\bmachines?\b|\bmachinery\b|\bexcavators?\b"),
    ("countries", r"国家|國家|各国|各國|\bcountries\b|\bnations\b|\bстран\b|странах|странами"
                  r"|государств\b|государствах|елдер\w*"),
    ("budget", r"预算|預算|予算|\bbudget\b|бюджет\w*"),
    ("GDP", r"GDP|ВВП|国内生产总值|國內生產總值|ЖІӨ"),
    ("revenue", r"收益|收入|营收|營收|収益|収入|\brevenues?\b|\bincome\b|доход\w*|выручк\w*|кіріс\w*"),
    ("area", r"面积|面積|领土|領土|国土|國土|\bterritory\b|\barea\b|\bcovers\b|занимает|площад\w*|территори\w*|аумағ\w*"),
    ("shareholding", r"持股|股份|股权|股權|出資|\bstake\b|shareholding|дол[яию] участия|\bдол[яию]\b|үлес\w*"),
    ("capacity", r"载重|載重|容量|装机|裝機|capacity|мощност\w*|грузоподъ[её]мн\w*|қуат\w*"),
    ("energy", r"能源|エネルギー|энерг\w*|\benergy\b"),
    ("talks", r"会谈|會談|会晤|會晤|会談|\btalks\b|\bmeetings?\b|переговор\w*|встреч\w*|кездесу\w*"),
    ("freight", r"货运|貨運|货物运输|貨物運輸|運輸量|грузоперевоз\w*|грузопоток\w*|\bfreight\b|\bcargo\b"
                r"|жүк тасымал\w*|жүк айналым\w*"),
    ("earthquake", r"地震|землетрясени\w*|\bearthquakes?\b|\bquakes?\b|жер сілкіні\w*"),
    ("companies", r"企业|企業|公司|会社|\bcompanies\b|\bfirms\b|компани\w*|кәсіпорын\w*"),
]
_SUBJECT_RE = re.compile(
    "|".join(f"(?P<s{i}>{pat})" for i, (_, pat) in enumerate(_SUBJECTS)), re.IGNORECASE
)
_COUNTER_SUBJECT = {"国": "countries", "國": "countries", "カ国": "countries", "か国": "countries",
                    "ヶ国": "countries", "台": "machines", "臺": "machines", "辆": "vehicles",
                    "輛": "vehicles", "家": "companies", "社": "companies", "次": "times",
                    "回": "times"}

# what a counted word names (states, государств, елдер): its subject without a subject word
_COUNTER_SUBJECT_RE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:countries|nations|states|стран|государств|ел\b|елде)", re.IGNORECASE), "countries"),
    (re.compile(r"(?:leaders|лидер|көшбасшы|heads of state)", re.IGNORECASE), "leaders"),
)
# subjects that only a count can have (money is not "countries"), and the reverse
_COUNT_ONLY_SUBJECTS = frozenset({"countries", "machines", "vehicles", "specialists", "talks", "jobs",
                                  "population", "companies", "leaders"})
_VISIT_OUTCOMES = frozenset({"contracts", "agreements", "documents", "memoranda", "projects"})
_MONEY_ONLY_SUBJECTS = frozenset({"investment", "trade", "GDP", "budget", "revenue", "loans", "aid"})

_CONJUNCTION = re.compile(r"\s(?:and|or|и|или|а|және|мен|және де)\s", re.IGNORECASE)
_NOW_WORDS = re.compile(
    r"目前|当前|當前|现在|現在|此次|这次|這次|本次|访问期间|訪問期間|今回|現時点|currently|"
    r"\bnow\b|this visit|в настоящее время|сейчас|в ходе визита|қазір|осы сапар",
    re.IGNORECASE,
)
# said of the visit the article reports: its figures belong to the publication month
_VISIT_WORDS = re.compile(
    r"此次访问|此次訪問|访问期间|訪問期間|访问中|訪問中|今回の訪問|訪問に合わせ|during (?:the|this|his|her) visit"
    r"|this visit|в ходе визита|за время визита|во время визита|в рамках визита|в ходе поездки"
    r"|осы сапар|сапар(?:ы)? барысында|сапар(?:ы)? аясында|сапар кезінде",
    re.IGNORECASE,
)
# "1993年以降": a year the figure counts from, up to the publication year
_SINCE_AFTER = re.compile(r"\s*(?:以降|以来|以來|から現在|来)")
_FULL_YEAR = re.compile(r"全年|通年|full[- ]year|за (?:весь )?год|жыл бойы", re.IGNORECASE)
_AFTER_DATE = re.compile(r"\s*(?:后|後|以后|以後|之后|之後)")


@dataclass
class _Parse:
    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    qualifier: str
    counter: str | None


def _unit_of_match(m: re.Match[str]) -> _Unit:
    name = m.lastgroup or ""
    return _UNIT_SPECS[int(name[1:])][1]


def _qual_of_prefix(m: re.Match[str]) -> str:
    for name, val in m.groupdict().items():
        if val is not None and name.startswith("q"):
            return _QUAL_WORDS[int(name[1:])][0]
    return "exact"


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


@dataclass
class _Reading:
    """One figure being read, step by step, around the number span ``m``."""

    text: str
    m: re.Match[str]
    language: str
    lang: str  # the language the number is written in (Russian inside an English text …)
    kind: str  # "d" digits, "c" Chinese numerals, "w" number words
    left: str  # up to 40 characters before the number
    value: float
    p: int  # where reading goes on
    mult: float = 1.0
    has_mult: bool = False
    mid_qual: str | None = None
    value_max: float | None = None
    unit: _Unit | None = None
    counter: str | None = None
    pre_start: int | None = None  # a unit word written before the number (магнитудой 7,1)
    cur: re.Match[str] | None = None

    @property
    def s(self) -> int:
        return self.m.start()

    @property
    def e(self) -> int:
        return self.m.end()

    @property
    def core(self) -> str:
        return self.m.group()


def _parse_at(text: str, m: re.Match[str], language: str) -> _Parse | None:
    """Read one figure around the number span ``m``; None if it is not a figure."""
    r = _start_reading(text, m, language)
    if r is None:
        return None
    _read_scale(r)
    _read_range(r)
    r.value *= r.mult
    _read_kk_case(r)
    if not _read_unit(r):
        return None
    unit = r.unit
    assert unit is not None
    if unit.kind in ("count", "people") and r.counter is not None:
        if not _plausible_count(r.core, r.kind, r.value, r.counter, unit, r.left):
            return None
    elif r.kind == "c" and r.value < 10 and unit.unit != "percent":
        return None  # 一元化, 三吨半 …: small Chinese numerals with units are rarely claims
    r.value *= unit.factor
    if r.value_max is not None:
        r.value_max *= unit.factor
    qualifier, pq = _read_qualifier(r)
    start, end = _span(r, pq)
    return _Parse(start, end, r.value, r.value_max, unit.unit, qualifier, r.counter)


def _start_reading(text: str, m: re.Match[str], language: str) -> _Reading | None:
    s, e = m.span()
    core = m.group()
    kind = "d" if m.group("d") else "c" if m.group("c") else "w"
    if kind == "d" and len(core) > 24:
        return None  # serial numbers, hashes, runs of digits
    left = text[max(0, s - 40):s]
    if _BAD_BEFORE.search(left):
        return None
    lang = language
    if lang not in ("ru", "kk") and text[e:e + 1] == " " and _is_cyrillic(text[e + 1:e + 2]):
        lang = "ru"
    value = (parse_digits(core, lang) if kind == "d" else parse_cjk(core) if kind == "c"
             else parse_number(core, lang))
    if value is None:
        return None
    if kind == "c" and len(core) == 1 and core in "十百千万萬亿億" and not (
            re.search(r"(?:超|近|逾|约|約|上|过|過|突破)$", left)
            or text[e:e + 1] in ("余", "餘", "多")):
        return None  # 千崎, 万一, 数十家: a multiplier alone is a name or vague
    return _Reading(text, m, language, lang, kind, left, value, e)


def _scale_at(r: _Reading, rx: re.Pattern[str], group: int = 0) -> bool:
    """A scale word at the reading point (亿, billion, bn): multiply and move on."""
    mm = rx.match(r.text, r.p)
    f = scale_of(mm.group(group)) if mm else None
    if mm and f:
        r.mult, r.has_mult, r.p = f, True, mm.end()
        return True
    return False


def _read_scale(r: _Reading) -> None:
    """余/多 and the scale after the number: 60余份, 20亿, 3億5000万, 2.7 billion, $5m."""
    text = r.text
    mm = _MID_QUAL.match(text, r.p)
    if mm and r.kind != "w":
        r.mid_qual, r.p = "over", mm.end()
    if (r.kind == "d" or r.mid_qual) and _scale_at(r, _CJK_MULT):
        # 3億5000万, 1亿2000万: a smaller unit right after a larger one adds to it
        more = _CJK_REMAINDER.match(text, r.p)
        if more and r.kind == "d" and r.mid_qual is None:
            small = scale_of(more.group(2)) if more.group(2) else 1.0
            rest = parse_number(more.group(1), r.lang)
            if small and rest is not None and small < r.mult and rest * small < r.mult:
                r.value += rest * small / r.mult
                r.p = more.end()
    if not r.has_mult:
        _scale_at(r, _WORD_SCALE, 1)
    if not r.has_mult and _CURRENCY_PREFIX.search(r.left):
        _scale_at(r, _GLUED_SCALE, 1)
    if r.mid_qual is None and r.has_mult:
        mm = _MID_QUAL.match(text, r.p)
        if mm:
            r.mid_qual, r.p = "over", mm.end()


def _range_allowed(sep: str, left: str) -> bool:
    if sep in ("and", "и"):
        return bool(re.search(r"between\s+\S*$|между\s+\S*$", left, re.IGNORECASE))
    if sep == "до":
        return bool(re.search(r"\bот\s*$", left, re.IGNORECASE))
    return True


def _read_range(r: _Reading) -> None:
    """The second number of a range: 15–20亿, 1.5-2 billion, от 2 до 3 млрд."""
    text = r.text
    rm = _RANGE_SEP.match(text, r.p)
    if not rm or not _range_allowed(rm.group().strip().lower(), r.left):
        return
    r2 = _RANGE_SECOND.match(text, rm.end())
    m2 = _CORE.match(text, r2.end() if r2 else rm.end())
    if not (m2 and (m2.group("d") or m2.group("c"))):
        return
    v2 = parse_number(m2.group(), r.lang)
    if v2 is None or (m2.group("d") and len(m2.group()) > 24):
        return
    q = m2.end()
    mult2 = None
    mm = _CJK_MULT.match(text, q) if m2.group("d") else None
    if mm:
        mult2, q = scale_of(mm.group()), mm.end()
    else:
        mm = _WORD_SCALE.match(text, q)
        if mm:
            mult2, q = scale_of(mm.group(1)), mm.end()
    if mult2 is None and r.has_mult:
        mult2 = r.mult
    elif mult2 is not None and not r.has_mult:
        r.mult, r.has_mult = mult2, True
    v2 *= mult2 or 1.0
    if v2 > r.value * r.mult:
        r.value_max, r.p = v2, q


def _read_kk_case(r: _Reading) -> None:
    """A Kazakh case ending on the number (60-тан) and a qualifier postposition after it."""
    text, e = r.text, r.e
    if r.lang == "kk" or (text[e:e + 1] == "-" and _is_cyrillic(text[e + 1:e + 2])):
        km = _KK_CASE.match(text, r.p)
        if km and text[r.p:r.p + 1] == "-":
            r.p = km.end()
        km = _KK_MID_QUAL.match(text, r.p)
        if km:
            r.mid_qual, r.p = "over", km.end()


def _read_unit(r: _Reading) -> bool:
    """The unit, tried from the most to the least explicit; False when there is none or the
    number turns out to be a year."""
    r.cur = _CURRENCY_PREFIX.search(r.left)
    _unit_after(r)
    for step in (_unit_before, _unit_cjk_tenths, _unit_magnitude, _unit_kk_partitive):
        if r.unit is None:
            step(r)
    if r.unit is None and not _unit_noun(r):
        return False
    if r.unit is None and r.has_mult:
        pm = _CJK_PEOPLE_AFTER.match(r.text, r.p)
        if pm or _POPULATION_BEFORE.search(r.text[max(0, r.s - 30):r.s]):
            r.unit = _Unit("people", "people")
    return r.unit is not None


def _unit_after(r: _Reading) -> None:
    text = r.text
    hm = _HYPHEN.match(text, r.p)
    up = hm.end() if hm else r.p
    um = _UNIT_RE.match(text, up)
    if um is None and text[up:up + 1] in (" ", "\u00a0", "\u202f"):
        um = _UNIT_RE.match(text, up + 1)
    if um:
        u = _unit_of_match(um)
        if not (u.cjk_counter and um.start() != up):  # Chinese counters touch the number
            r.unit, r.counter, r.p = u, um.group(), um.end()


def _unit_before(r: _Reading) -> None:
    if r.cur:
        code = r.cur.group(1)
        if code in ("¥", "￥"):
            code = "JPY" if r.language in ("ja", "en") else "CNY"
        r.unit = _Unit(_CURRENCY_CODES.get(code, code), "money")
    elif re.search(r"百分之$", r.left) and r.kind == "c":
        r.unit = _Unit("percent", "percent")


def _unit_cjk_tenths(r: _Reading) -> None:
    """七成 (70 %) in Chinese and Japanese, or a Japanese count noun after の."""
    if r.language not in ("zh-Hans", "zh-Hant", "ja") or r.value_max is not None:
        return
    text, left, value = r.text, r.left, r.value
    tm = _TENTHS.match(text, r.p)
    if (tm and 1 <= value <= 9 and value == int(value) and not r.has_mult
            and (_TENTHS_CONTEXT.match(text, tm.end()) or _PREFIX_QUAL.search(left[-4:])
                 or re.search(r"[占近约約超逾达達有]$", left))):
        r.unit, r.counter, r.p = _Unit("percent", "percent", 10.0), None, tm.end()
        return
    jm = _JA_NO_NOUN.match(text, r.p) if r.language == "ja" and r.kind == "d" else None
    if jm and value >= 2:
        r.unit, r.counter, r.p = _Unit("count", "count"), jm.group("n"), jm.end()


def _unit_magnitude(r: _Reading) -> None:
    if not (0 < r.value < 10 and not r.has_mult and r.kind == "d"):
        return
    mb = _MAGNITUDE_BEFORE.search(r.left)
    ma = _MAGNITUDE_AFTER.match(r.text, r.p)
    if mb:
        r.unit, r.pre_start = _Unit("other:magnitude", "physical"), r.s - (len(r.left) - mb.start())
    elif ma:
        r.unit, r.p = _Unit("other:magnitude", "physical"), ma.end()


def _unit_kk_partitive(r: _Reading) -> None:
    if r.lang == "kk" and _KK_PARTITIVE_BEFORE.search(r.left):
        km = _KK_PARTITIVE.match(r.text, r.e)
        if km and r.value >= 2:
            r.unit, r.p = _Unit("count", "count"), max(r.p, km.end())


def _unit_noun(r: _Reading) -> bool:
    """A counted noun after the number (5 agreements, 3 раза); False when it is a year."""
    if r.kind == "c":
        return True
    nm = _NOUN_AFTER.match(r.text, r.p)
    if nm:
        if _looks_like_year(r.core, r.value, r.left, nm.group()):
            return False
        r.unit = _Unit("people", "people") if nm.group("people") else _Unit("count", "count")
        r.counter = (nm.group("people") or nm.group("count")).lower()
        r.p = nm.end()
        return True
    tm = _EN_TIMES.match(r.text, r.p)
    if tm:
        r.unit, r.counter, r.p = _Unit("count", "count"), "times", tm.end()
    return True


def _read_qualifier(r: _Reading) -> tuple[str, re.Match[str] | None]:
    """Range, then a word before the number, then after it, then 余/多/астам."""
    text, left, s = r.text, r.left, r.s
    qualifier = "exact"
    pq = _PREFIX_QUAL.search(left[-30:])
    if pq:
        qualifier = _qual_of_prefix(pq)
    else:
        dq = _DISTANT_QUAL.search(text[max(0, s - 14):s])
        if dq:
            qualifier = "at_most" if dq.group(1) in ("最多", "不超过", "不超過") else "at_least"
    for post_qual, rx in _POST_QUAL:
        pm2 = rx.match(text, r.p)
        if pm2:
            qualifier = post_qual if qualifier == "exact" else qualifier
            r.p = pm2.end()
            break
    if r.language == "ja" and qualifier == "exact":
        jm = _JA_POST.match(text, r.p)
        if jm:
            qualifier = "over" if jm.group(1) in ("超", "強") else "under"
            r.p = jm.end()
    if r.kind == "c" and qualifier == "exact" and left.endswith("上"):
        qualifier = "approx"  # 上千台: "a thousand or so"
    if r.mid_qual and qualifier == "exact":
        qualifier = r.mid_qual
    return ("range" if r.value_max is not None else qualifier), pq


def _span(r: _Reading, pq: re.Match[str] | None) -> tuple[int, int]:
    """The figure's text starts at the qualifier or currency sign when they touch it."""
    text, left, s = r.text, r.left, r.s
    start = s
    if pq and s - (len(left[-30:]) - pq.start()) >= 0:
        start = s - (len(left[-30:]) - pq.start())
    elif r.cur:
        start = s - (len(left) - r.cur.start())
    if r.value_max is not None:
        rs = re.search(r"(?:\b[Ff]rom|\b[Bb]etween|\b[Оо]т|从|從)\s*$", text[max(0, start - 10):start])
        if rs:
            start -= len(rs.group())
    if r.unit is not None and r.unit.unit == "percent" and r.kind == "c" \
            and left.endswith("百分之"):
        start = s - 3
    if r.pre_start is not None and r.pre_start < start:
        start = r.pre_start
    end = r.p
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _looks_like_year(core: str, value: float, left: str, noun_text: str) -> bool:
    if not re.fullmatch(r"[12][0-9]{3}", core) or not 1900 <= value <= 2100:
        return False
    # "in 2024 Japanese companies": a year followed by a noun phrase
    return bool(_YEAR_PREP_BEFORE.search(left)) or len(noun_text.split()) > 1


_DETERMINER_BEFORE = (r"(?:\b(?:the|these|those|both|all|our|their|its)"
                      r"|(?<![а-яё])(?:эти[хм]?|этих|обе|оба|обеих|обоих|все[хм]?|наши[хм]?))\s+$")


def _plausible_count(core: str, kind: str, value: float, counter: str, unit: _Unit,
                     left: str) -> bool:
    if value <= 0:
        return False
    if kind in ("c", "w") and value < 2:
        return False  # 一个, 一次, one of: an article, not a count
    small_cjk = kind == "c" and value < 10
    if counter in ("国", "國", "カ国", "か国", "ヶ国", "ヵ国", "ケ国") and value < 10:
        return False  # 中亚五国, 中亚5国, 两国, 七国集团, 中央アジア5カ国: ways of naming
    if kind == "w" and value == 2 and re.search(_DETERMINER_BEFORE, left, re.I):
        return False  # the two leaders, both two sides: the pair already named
    if value < 10 and re.match(r"(?:countries|nations|states|стран|государств|ел)", counter):
        # the two countries, these five states, двух стран: a way of naming, not a count;
        # "leaders of five Central Asian states", "лидеров пяти государств" are counts
        if (kind == "w" and value == 2) or re.search(_DETERMINER_BEFORE, left, re.I):
            return False
    if small_cjk and counter not in ("次", "份", "项", "項", "台", "臺", "辆", "輛", "架", "艘",
                                     "座", "件", "批", "套", "回", "本", "社"):
        return False  # 三个困境, 两位, 两人: not concrete enough to be a figure
    if unit.kind == "people" and counter in ("名",) and kind == "c" and value < 10:
        return False
    return True


# ---- context: sentence, subject, entities, period ------------------------------------------


def _sentence_of(text: str, start: int, end: int,
                 sentences: Sequence[tuple[int, int]]) -> tuple[int, int]:
    for s, e in sentences:
        if s <= start < e:
            return s, max(e, end)
    lo = max(0, start - 80)
    hi = min(len(text), end + 80)
    s = lo
    for i in range(start - 1, lo - 1, -1):
        ch = text[i]
        if ch in _PUNCT or (ch == "." and i + 1 < len(text) and text[i + 1] == " "):
            s = i + 1
            break
    e = hi
    for i in range(end, hi):
        ch = text[i]
        if ch in _PUNCT or (ch == "." and i + 1 < len(text) and text[i + 1] in " \n"):
            e = i + 1
            break
    return s, e


def _clause_bounds(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    cs = s
    for i in range(start - 1, s - 1, -1):
        if text[i] in _CLAUSE_PUNCT:
            cs = i + 1
            break
    ce = e
    for i in range(end, e):
        if text[i] in _CLAUSE_PUNCT:
            ce = i
            break
    # "500 million tenge and imports": after a conjunction comes the next item
    cm = _CONJUNCTION.search(text, end, ce)
    if cm:
        ce = cm.start()
    return cs, ce


def _subject_hits(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _SUBJECT_RE.finditer(text):
        name = m.lastgroup or ""
        out.append((m.start(), m.end(), _SUBJECTS[int(name[1:])][0]))
    return out


def _subject(text: str, s: int, e: int, f: _Parse, all_hits: list[tuple[int, int, str]],
             hit_starts: list[int], reach: int) -> str | None:
    """The nearest subject word in the figure's clause (the counter itself for 150余国),
    else the nearest one before it in the sentence."""
    is_count = f.unit in ("count", "people")
    is_money = not is_count and f.unit.isupper() and len(f.unit) == 3
    banned = _MONEY_ONLY_SUBJECTS if is_count else _COUNT_ONLY_SUBJECTS if is_money else frozenset()
    hits = [h for h in all_hits[bisect_left(hit_starts, s):bisect_left(hit_starts, e)]
            if h[1] <= e and not (f.start <= h[0] < f.end and not is_count) and h[2] not in banned]
    cs, ce = _clause_bounds(text, s, e, f.start, f.end)
    if is_count and f.counter in _COUNTER_SUBJECT and f.counter not in ("次", "回"):
        # 150余国, 近100辆: the counter says what is counted
        return _COUNTER_SUBJECT[f.counter]
    if is_count and f.counter:
        for rx, label in _COUNTER_SUBJECT_RE:
            if rx.match(f.counter):
                return label
    best: tuple[int, int, str] | None = None
    for hs, he, label in hits:
        if hs >= f.start and hs < ce:
            dist = max(0, hs - f.end)
            if dist > reach:
                continue
            key = (dist, 0 if is_count else 1, label)
        elif he <= f.start and hs >= cs:
            key = (f.start - he, 1 if is_count else 0, label)
        else:
            continue
        if best is None or key[:2] < best[:2]:
            best = key
    if best is not None:
        return best[2]
    if f.counter in _COUNTER_SUBJECT:
        return _COUNTER_SUBJECT[f.counter]
    # beyond the clause only what came before: a later clause is usually about something else
    left = [h for h in hits if h[1] <= f.start]
    return max(left)[2] if left else None


def _period(text: str, s: int, e: int, f: _Parse, dates: list[DateMention],
            starts: list[int], published: str | None) -> str | None:
    """The time a figure refers to: the nearest date before it in its sentence (or the first
    after it), a year only when 全年/full year stands between, the publication month for
    目前/this visit, else None."""
    lo = bisect_left(starts, s)
    hi = bisect_left(starts, e)
    inside = [d for d in dates[lo:hi]
              if d.end <= e and not _AFTER_DATE.match(text, d.end)]
    # a date in a parenthetical aside, "(в 2019–2022 годах город назывался …)", dates the aside
    before = [d for d in inside if d.end <= f.start and not _in_aside(text, s, d.start, d.end, f.start)]
    # "$2 billion last year and $800 million in the first half of this year": a date that
    # follows the figure closely, with no list separator between, is that figure's own.
    right_after = [d for d in inside if f.end <= d.start <= f.end + 25
                   and not _LIST_BREAK.search(text, f.end, d.start)]
    chosen = right_after[0] if right_after else (before[-1] if before else None)
    if chosen is None:
        after = [d for d in inside if d.start >= f.end]
        chosen = after[0] if after else None
    if chosen is not None:
        value = chosen.value
        if chosen.end <= f.start and _FULL_YEAR.search(text, chosen.end, f.start):
            value = value[:4]
        if (published and re.fullmatch(r"[12]\d{3}", value) and value < published[:4]
                and _SINCE_AFTER.match(text, chosen.end)):
            value = f"{value}/{published[:4]}"
        return value
    if published and (_NOW_WORDS.search(text, s, e) or _VISIT_WORDS.search(text, s, e)):
        return published[:7]
    prev = _previous_sentence(text, s) if published else ""
    if published and _VISIT_WORDS.search(prev) and re.search(r"[0-9０-９]", prev):
        # "During the visit 60 documents were signed. The deals are worth $3.7 billion.": the
        # deals of the next sentence are the visit's; a cumulative total or trade is not
        labels = {label for _, _, label in _subject_hits(text[s:e])}
        if labels & _VISIT_OUTCOMES and not labels & _MONEY_ONLY_SUBJECTS:
            return published[:7]
    return None


# Matched at the figure's start (re.match with a position: no ^ needed, none would work).
_RANKING = re.compile(
    r"\S*\s*(?:largest|biggest|leading|top|richest|most\s+important|major)\b|"
    r"\S*\s*(?:крупнейш|ведущ|важнейш)\w*|[^\s最]{0,3}?(?<!最)大(?!约|約|概|幅|量|型|批|使|会|會|学|學)|"
    r"\S*\s*(?:ірі|жетекші)\w*", re.IGNORECASE)
_LIST_BREAK = re.compile(r"[,;，；、。]|\band\b|\bи\b|\bжәне\b|[0-9０-９]")


def _in_aside(text: str, s: int, ds: int, de: int, fs: int) -> bool:
    """Whether the date at ``ds:de`` sits in brackets that close before the figure at ``fs``."""
    opened = max(text.rfind("(", s, ds), text.rfind("（", s, ds))
    if opened < 0 or max(text.rfind(")", opened, ds), text.rfind("）", opened, ds)) >= 0:
        return False
    return any(ch in ")）" for ch in text[de:fs])


def _previous_sentence(text: str, s: int) -> str:
    """The sentence before position ``s`` in the same paragraph (at most 300 characters)."""
    span = _previous_span(text, s)
    return text[span[0]:span[1]] if span else ""


def _previous_span(text: str, s: int, across_lines: bool = False) -> tuple[int, int] | None:
    """Bounds of the sentence before position ``s`` in the same paragraph (or, ``across_lines``,
    the last sentence of the paragraph before), at most 300 characters."""
    lo = max(0, s - 300)
    i = s - 1
    while i >= lo and (text[i] in " \t\u3000" or (across_lines and text[i] in "\r\n")):
        i -= 1
    if i < lo or text[i] not in "。！？!?.":
        return None
    j = i - 1
    while j >= lo:
        ch = text[j]
        if ch == "\n" or ch in "。！？!?" or (ch == "." and text[j + 1:j + 2] == " "):
            break
        j -= 1
    if j < lo and lo > 0:
        return None
    return j + 1, i + 1


def _entities_of(text: str, ss: int, se: int, f: _Parse,
                 mentions: Sequence[tuple[int, int, str]]) -> tuple[str, ...]:
    """The entities a figure is about: those in its clause (哈萨克斯坦稀土储量占全球12%以上 is
    Kazakhstan's, not the Japan of the next clause); for a clause opening on 其中/its/оның with
    no entity of its own, the first entity of the sentence before; else the whole sentence's."""
    cs, ce = ss, se
    for i in range(f.start - 1, ss - 1, -1):
        if text[i] in _ENTITY_CLAUSE_PUNCT:
            cs = i + 1
            break
    for i in range(f.end, se):
        if text[i] in _ENTITY_CLAUSE_PUNCT:
            ce = i
            break
    in_clause: list[str] = []
    in_sentence: list[str] = []
    for ms, me, name in mentions:
        if ss <= ms and me <= se and name not in in_sentence:
            in_sentence.append(name)
        if cs <= ms and me <= ce and name not in in_clause:
            in_clause.append(name)
    if _ANAPHOR_START.match(text, ss) and cs == ss:
        span = _previous_span(text, ss, across_lines=True)
        if span is not None:
            ps, pe = span
            before = [(ms, name) for ms, me, name in mentions if ps <= ms and me <= pe]
            if before:
                owner = min(before)[1]
                return (owner, *[n for n in in_clause if n != owner])
    if in_clause:
        return tuple(in_clause)
    return tuple(in_sentence)


def find_figures(text: str, original: str, language: str, published: str | None,
                 sentences: Sequence[tuple[int, int]] = (),
                 mentions: Sequence[tuple[int, int, str]] = (),
                 known_dates: Sequence[DateMention] | None = None) -> list[Figure]:
    """Find the figures a text claims.

    ``text`` is the matching view, aligned with ``original`` character by character; each
    ``Figure.text`` is ``original[start:end]``. ``sentences`` are sentence spans (a window cut
    at sentence punctuation is used without them); ``mentions`` are recognised entities as
    ``(start, end, canonical name)``, listed in ``Figure.entities`` when in the same sentence.
    ``known_dates`` are the text's date mentions when the caller has found them already.
    """
    if not text:
        return []
    # how far after a figure its noun may stand: 60余份双边文件 vs 12 percent of the reserves
    reach = 12 if language in ("zh-Hans", "zh-Hant", "ja") else 35
    if len(original) != len(text):
        original = text  # offsets must agree; fall back to the view rather than misquote
    masks = masked_spans(text)
    dates: list[DateMention] | None = None  # found once, on first need
    starts: list[int] = []
    # Subject words are looked up per sentence that holds a figure, not over the whole text.
    sentence_hits: dict[tuple[int, int], tuple[list[tuple[int, int, str]], list[int]]] = {}
    mi = 0
    out: list[Figure] = []
    consumed = 0
    for m in _CORE.finditer(text):
        s, e = m.span()
        if s < consumed:
            continue
        while mi < len(masks) and masks[mi][1] <= s:
            mi += 1
        if mi < len(masks) and masks[mi][0] < e and s < masks[mi][1]:
            continue
        if text[max(0, s - 1):s] == "[" and text[e:e + 1] == "]":
            continue  # citation markers [3]
        f = _parse_at(text, m, language)
        if f is None:
            continue
        if f.unit == "count" and _RANKING.match(text, f.start, min(len(text), f.end + 12)):
            consumed = f.end
            continue  # "ten largest investors", 前十大, десяти крупнейших: a rank, not a count
        consumed = f.end
        ss, se = _sentence_of(text, f.start, f.end, sentences)
        if dates is None:
            dates = (sorted(known_dates, key=lambda d: d.start) if known_dates is not None
                     else find_dates(text, language, published))
            starts = [d.start for d in dates]
        if (ss, se) not in sentence_hits:
            hits = [(a + ss, b + ss, label) for a, b, label in _subject_hits(text[ss:se])]
            sentence_hits[(ss, se)] = (hits, [h[0] for h in hits])
        subject_hits, hit_starts = sentence_hits[(ss, se)]
        ents = _entities_of(text, ss, se, f, mentions)
        out.append(Figure(
            text=original[f.start:f.end],
            value=f.value,
            value_max=f.value_max,
            unit=f.unit,
            qualifier=f.qualifier,
            subject=_subject(text, ss, se, f, subject_hits, hit_starts, reach),
            entities=tuple(ents),
            period=_period(text, ss, se, f, dates, starts, published),
            start=f.start,
            end=f.end,
        ))
    return out

"""The untouched set: twelve documents, two per language, MEASUREMENT ONLY.

Written from public facts (Korea, Turkey, India, the EU, Russia and China with Central Asia;
Caspian energy) and annotated by hand BEFORE the extractors were tuned in issue 8. Never read
these documents or their gold while changing the extractors; report their scores as they come.
If this set is ever used for tuning it stops measuring anything and must be replaced.
"""

from __future__ import annotations

from pathlib import Path

from tests.gold_build import Doc, write_set

NEWS = "news-agency"
DOCS = [
    Doc("en_u1_korea-turkmenistan.txt",
        "url: https://example.org/world/2024/06/11/yoon-ashgabat\n"
        "title: Yoon opens Central Asia tour in Ashgabat\n"
        "source: Eurasia Desk\n\n"
        "Yoon opens Central Asia tour in Ashgabat\n\n"
        "South Korean President Yoon Suk Yeol held talks with Turkmen President Serdar "
        "Berdimuhamedov in Ashgabat on Monday, the first stop of a tour that will also take him to "
        "Kazakhstan and Uzbekistan. The two leaders signed a joint statement and witnessed the "
        "exchange of six documents on energy and infrastructure. Seoul hopes Korean builders will "
        "win part of the next stage of the Galkynysh gas field, where Hyundai Engineering has "
        "worked since 2009. Korean trade with Turkmenistan remains small, at about $100 million a "
        "year.\n",
        "Yoon opens Central Asia tour in Ashgabat", "2024-06-11",
        {"name": "Eurasia Desk", "kind": "other", "country": None},
        "Published from the url header (/2024/06/11/). Monday -> 2024-06-10.",
        [("Yoon Suk Yeol", "person", ["Yoon Suk Yeol", "Yoon"]), ("South Korea", "country", ["South Korean", "Korean"]),
         ("Serdar Berdimuhamedov", "person", ["Serdar Berdimuhamedov"]), ("Turkmenistan", "country", ["Turkmen", "Turkmenistan"]),
         ("Ashgabat", "place", ["Ashgabat"]), ("Kazakhstan", "country", ["Kazakhstan"]), ("Uzbekistan", "country", ["Uzbekistan"]),
         ("Seoul", "place", ["Seoul"]), ("Galkynysh gas field", "place", ["Galkynysh gas field"]),
         ("Hyundai Engineering", "organization", ["Hyundai Engineering"])],
        [("six documents", 6, "count", "exact", "documents exchanged", "2024-06", None),
         ("about $100 million", 100e6, "USD", "approx", "Korea–Turkmenistan annual trade", None, None)],
        [("meeting", ["Yoon Suk Yeol", "Serdar Berdimuhamedov"], "2024-06-10", "Ashgabat", "held talks with Turkmen"),
         ("signing", ["Yoon Suk Yeol", "Serdar Berdimuhamedov"], "2024-06-10", "Ashgabat", "signed a joint statement")]),
    Doc("en_u2_india-central-asia-dialogue.txt",
        "NEW DELHI, June 6 — External Affairs Minister S. Jaishankar hosted the foreign ministers of "
        "Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan for the fourth India–Central "
        "Asia Dialogue on Friday. The ministers condemned the April attack in Pahalgam and discussed "
        "the Chabahar port and the International North–South Transport Corridor. The dialogue, "
        "launched in Samarkand in 2019, prepares the second India–Central Asia Summit, which has not "
        "met since the first, virtual summit in January 2022. India's trade with the five countries "
        "was about $2 billion last year, officials said.\n",
        "Fourth India–Central Asia Dialogue in New Delhi", None,
        {"name": "wire", "kind": NEWS, "country": None},
        "A wire dateline without a year: published is null in the gold, and so is the date of the "
        "meeting (the text does not allow more than June 6 of an unknown year).",
        [("S. Jaishankar", "person", ["S. Jaishankar"]), ("Kazakhstan", "country", ["Kazakhstan"]),
         ("Kyrgyzstan", "country", ["Kyrgyzstan"]), ("Tajikistan", "country", ["Tajikistan"]),
         ("Turkmenistan", "country", ["Turkmenistan"]), ("Uzbekistan", "country", ["Uzbekistan"]),
         ("India–Central Asia Dialogue", "event_series", ["India–Central Asia Dialogue"]),
         ("Pahalgam", "place", ["Pahalgam"]), ("Chabahar", "place", ["Chabahar"]),
         ("International North–South Transport Corridor", "other", ["International North–South Transport Corridor"]),
         ("Samarkand", "place", ["Samarkand"]), ("India–Central Asia Summit", "event_series", ["India–Central Asia Summit"]),
         ("India", "country", ["India"]), ("New Delhi", "place", ["NEW DELHI"])],
        [("about $2 billion", 2e9, "USD", "approx", "India–Central Asia trade", "2024", None)],
        [("meeting", ["S. Jaishankar", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"], None, "New Delhi", "hosted the foreign ministers"),
         ("summit", ["India", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"], "2022-01", None, "virtual summit in January 2022")]),
    Doc("ru_u1_putin-astana.txt",
        "АСТАНА, 27 ноября. /ТАСС/. Президент России Владимир Путин прибыл в Астану с "
        "государственным визитом. В Акорде его встретил президент Казахстана Касым-Жомарт Токаев. "
        "Лидеры проведут переговоры в узком и расширенном составе и подпишут декларацию о "
        "углублении союзнических отношений. По словам Токаева, товарооборот двух стран в прошлом "
        "году составил около 28 млрд долларов. В четверг Путин примет участие в сессии Совета "
        "коллективной безопасности ОДКБ.\n",
        "Путин прибыл в Астану", None,
        {"name": "ТАСС", "kind": NEWS, "country": "RU"},
        "Dateline without a year and no year in the text: published and event dates are null "
        "in the gold (the visit was in November 2024).",
        [("Vladimir Putin", "person", ["Владимир Путин", "Путин"]), ("Russia", "country", ["России"]),
         ("Astana", "place", ["Астану", "АСТАНА"]), ("Akorda", "place", ["Акорде"]),
         ("Kassym-Jomart Tokayev", "person", ["Касым-Жомарт Токаев", "Токаева"]),
         ("Kazakhstan", "country", ["Казахстана"]), ("TASS", "organization", ["ТАСС"]),
         ("Collective Security Treaty Organization", "organization", ["ОДКБ"])],
        [("около 28 млрд долларов", 28e9, "USD", "approx", "Russia–Kazakhstan trade", "2023", None)],
        [("visit", ["Vladimir Putin", "Kazakhstan"], None, "Astana", "прибыл в Астану"),
         ("meeting", ["Vladimir Putin", "Kassym-Jomart Tokayev"], None, "Astana", "встретил президент"),
         ("summit", ["Vladimir Putin", "Collective Security Treaty Organization"], None, "Astana", "сессии Совета")]),
    Doc("ru_u2_eu-kazakhstan-raw-materials.txt",
        "Источник: Евразийский вестник\nДата: 2022-11-08\n\n"
        "Евросоюз и Казахстан подписали меморандум о сырьевых материалах\n\n"
        "Вице-президент Еврокомиссии Марош Шефчович и премьер-министр Казахстана Алихан Смаилов "
        "подписали в Шарм-эш-Шейхе меморандум о стратегическом партнерстве в сфере сырьевых "
        "материалов, аккумуляторов и возобновляемого водорода. Документ подписан на полях "
        "климатической конференции COP27. Казахстан добывает 19 из 30 видов сырья, которые ЕС "
        "считает критически важными. Переговоры о дорожной карте партнерства планируется "
        "завершить в следующем году.\n",
        "Евросоюз и Казахстан подписали меморандум о сырьевых материалах", "2022-11-08",
        {"name": "Евразийский вестник", "kind": "other", "country": None},
        "Published from the Дата header.",
        [("European Union", "organization", ["Евросоюз", "ЕС"]), ("Kazakhstan", "country", ["Казахстан", "Казахстана"]),
         ("Maroš Šefčovič", "person", ["Марош Шефчович"]), ("European Commission", "organization", ["Еврокомиссии"]),
         ("Alikhan Smailov", "person", ["Алихан Смаилов"]), ("Sharm El Sheikh", "place", ["Шарм-эш-Шейхе"]),
         ("COP27", "event_series", ["COP27"])],
        [("19 из 30", 19, "count", "exact", "critical raw materials mined in Kazakhstan", None, None),
         ("30 видов сырья", 30, "count", "exact", "raw materials the EU calls critical", None, None)],
        [("signing", ["Maroš Šefčovič", "Alikhan Smailov"], "2022-11", "Sharm El Sheikh", "подписали в Шарм-эш-Шейхе")]),
    Doc("zh-Hans_u1_xi-astana.txt",
        "【新华网阿斯塔纳7月2日电】国家主席习近平2日乘专机抵达阿斯塔纳，应哈萨克斯坦总统托卡耶夫邀请"
        "对哈萨克斯坦进行国事访问，并出席7月3日至4日举行的上海合作组织成员国元首理事会第二十四次会议。这是习近平2024年首次出访中亚。托卡耶夫在机场"
        "为习近平举行隆重欢迎仪式。3日，两国元首举行会谈，并共同见证签署多项合作文件。据哈方统计，"
        "去年中哈贸易额约410亿美元，增长逾30%。\n",
        "习近平抵达阿斯塔纳", "2024-07-02",
        {"name": "新华网", "kind": NEWS, "country": "CN"},
        "Dateline 【新华网阿斯塔纳7月2日电】 has no year; the text's '2024年' gives it. 去年 -> 2023.",
        [("Xi Jinping", "person", ["习近平"]), ("Astana", "place", ["阿斯塔纳"]),
         ("Kazakhstan", "country", ["哈萨克斯坦", "哈方", "哈"]), ("Kassym-Jomart Tokayev", "person", ["托卡耶夫"]),
         ("Shanghai Cooperation Organisation", "organization", ["上海合作组织"]), ("China", "country", ["中"]),
         ("Xinhua", "organization", ["新华网"])],
        [("约410亿美元", 41e9, "USD", "approx", "China–Kazakhstan trade", "2023", None),
         ("逾30%", 30, "percent", "over", "growth of China–Kazakhstan trade", "2023", None)],
        [("visit", ["Xi Jinping", "Kazakhstan"], "2024-07-02", "Astana", "乘专机抵达"),
         ("summit", ["Xi Jinping", "Shanghai Cooperation Organisation"], "2024-07", "Astana", "乘专机抵达"),
         ("meeting", ["Xi Jinping", "Kassym-Jomart Tokayev"], "2024-07-03", "Astana", "两国元首举行会谈"),
         ("signing", ["Xi Jinping", "Kassym-Jomart Tokayev"], "2024-07-03", "Astana", "两国元首举行会谈")]),
    Doc("zh-Hans_u2_green-corridor.txt",
        "阿塞拜疆、哈萨克斯坦和乌兹别克斯坦三国签署绿色能源走廊协议\n\n"
        "在巴库举行的第29届联合国气候变化大会期间，阿塞拜疆总统阿利耶夫、哈萨克斯坦总统托卡耶夫和乌兹别克斯坦"
        "总统米尔济约耶夫签署了关于绿色能源生产和输送的战略伙伴关系协议。根据协议，三国将研究铺设一条经里海海底"
        "通往阿塞拜疆的输电线路，规划输送能力约为1.5吉瓦。分析人士认为，该项目需要欧洲买家的长期合同才能获得"
        "融资。\n",
        "三国签署绿色能源走廊协议", None,
        {"name": "unknown", "kind": "other", "country": None},
        "No date anywhere but 'COP29 in Baku' (Nov 2024): published null in gold. The signing is dated 2024-11 "
        "from the conference (the text itself gives no date, so a system that leaves it null misses it).",
        [("Azerbaijan", "country", ["阿塞拜疆"]), ("Kazakhstan", "country", ["哈萨克斯坦"]), ("Uzbekistan", "country", ["乌兹别克斯坦"]),
         ("Baku", "place", ["巴库"]), ("Ilham Aliyev", "person", ["阿利耶夫"]), ("Kassym-Jomart Tokayev", "person", ["托卡耶夫"]),
         ("Shavkat Mirziyoyev", "person", ["米尔济约耶夫"]), ("Caspian Sea", "place", ["里海"]),
         ("COP29", "event_series", ["第29届联合国气候变化大会"])],
        [],
        [("signing", ["Ilham Aliyev", "Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"], None, "Baku", "签署了关于绿色能源")]),
    Doc("zh-Hant_u1_turkey-ots.txt",
        "（中央社記者陳明安伊斯坦堡4日專電）土耳其總統艾爾多安今天表示，突厥國家組織（OTS）應加快建立共同"
        "投資基金。他是在阿斯塔納舉行的突厥國家組織第10屆高峰會上發表上述談話。哈薩克總統托卡葉夫主持會議，"
        "各國領袖通過了「阿斯塔納宣言」。土耳其與中亞五國的貿易額去年約為100億美元。\n",
        "艾爾多安：突厥國家組織應建立共同投資基金", None,
        {"name": "中央社", "kind": NEWS, "country": "TW"},
        "The dateline gives day 4 only; the summit was 3 Nov 2023 in Astana, reported 4 Nov. Published null in gold "
        "(not stated); events dated 2023-11 from knowledge of the summit.",
        [("Recep Tayyip Erdoğan", "person", ["艾爾多安"]), ("Turkey", "country", ["土耳其"]),
         ("Organization of Turkic States", "organization", ["突厥國家組織", "OTS"]), ("Astana", "place", ["阿斯塔納"]),
         ("Kassym-Jomart Tokayev", "person", ["托卡葉夫"]), ("Kazakhstan", "country", ["哈薩克"]),
         ("Istanbul", "place", ["伊斯坦堡"]), ("Central Asia", "place", ["中亞"]), ("Central News Agency", "organization", ["中央社"])],
        [("約為100億美元", 10e9, "USD", "approx", "Turkey–Central Asia trade", None, None)],
        [("statement", ["Recep Tayyip Erdoğan"], None, None, "土耳其總統艾爾多安今天表示"),
         ("summit", ["Organization of Turkic States", "Kassym-Jomart Tokayev"], None, "Astana", "第10屆高峰會")]),
    Doc("zh-Hant_u2_korea-uzbekistan.txt",
        "來源：亞洲經貿評論\n網址：https://example.tw/news/20240614/korea-uzbek\n\n"
        "南韓總統尹錫悅14日在撒馬爾罕與烏茲別克總統米爾濟約耶夫舉行會談，雙方同意在關鍵礦產和高速鐵路方面加強合作。"
        "兩國企業簽署了總額約56億美元的合作文件。尹錫悅此前已訪問土庫曼和哈薩克。南韓政府計畫明年在首爾主辦首屆"
        "韓國—中亞峰會。\n",
        "尹錫悅訪問烏茲別克", "2024-06-14",
        {"name": "亞洲經貿評論", "kind": "other", "country": "TW"},
        "Published from the date in the address (20240614). 明年 -> 2025 (planned summit).",
        [("Yoon Suk Yeol", "person", ["尹錫悅"]), ("South Korea", "country", ["南韓"]), ("Samarkand", "place", ["撒馬爾罕"]),
         ("Shavkat Mirziyoyev", "person", ["米爾濟約耶夫"]), ("Uzbekistan", "country", ["烏茲別克"]),
         ("Turkmenistan", "country", ["土庫曼"]), ("Kazakhstan", "country", ["哈薩克"]), ("Seoul", "place", ["首爾"]),
         ("Korea–Central Asia Summit", "event_series", ["韓國—中亞峰會"])],
        [("約56億美元", 5.6e9, "USD", "approx", "value of documents signed by companies", "2024-06", None)],
        [("meeting", ["Yoon Suk Yeol", "Shavkat Mirziyoyev"], "2024-06-14", "Samarkand", "舉行會談"),
         ("signing", ["South Korea", "Uzbekistan"], "2024-06", None, "兩國企業簽署"),
         ("summit", ["South Korea"], "2025", "Seoul", "首屆")]),
    Doc("ja_u1_japan-turkmenistan.txt",
        "【アシガバート時事】岸田文雄首相の特使として中央アジアを訪れている上川陽子外相は9日、トルクメニスタンの"
        "首都アシガバートでメレドフ外相と会談した。両外相はガス化学プラントなどでの協力拡大で一致した。"
        "日本企業はこれまでに同国で総額約1兆円規模の事業を受注している。上川氏は10日にウズベキスタンを訪問する。\n",
        "上川外相、トルクメン外相と会談", None,
        {"name": "時事通信", "kind": NEWS, "country": "JP"},
        "No year in the text (the trip is not one attache can know); published null. Events dated by day without year: "
        "gold leaves dates null.",
        [("Fumio Kishida", "person", ["岸田文雄"]), ("Central Asia", "place", ["中央アジア"]), ("Yoko Kamikawa", "person", ["上川陽子", "上川"]),
         ("Turkmenistan", "country", ["トルクメニスタン"]), ("Ashgabat", "place", ["アシガバート"]),
         ("Rashid Meredov", "person", ["メレドフ"]), ("Japan", "country", ["日本"]), ("Uzbekistan", "country", ["ウズベキスタン"]),
         ("Jiji Press", "organization", ["時事"])],
        [("約1兆円", 1e12, "JPY", "approx", "value of projects won by Japanese firms in Turkmenistan", None, None)],
        [("meeting", ["Yoko Kamikawa", "Rashid Meredov"], None, "Ashgabat", "メレドフ外相と会談した"),
         ("visit", ["Yoko Kamikawa", "Uzbekistan"], None, "Uzbekistan", "ウズベキスタンを訪問する")]),
    Doc("ja_u2_india-kazakhstan-uranium.txt",
        "source: アジア資源ニュース\ntitle: カザフ産ウラン、インドへの供給拡大\ndate: 2024-03-18\n\n"
        "カザフスタンの国営原子力企業カザトムプロムは、インド原子力省との間で2025年から2029年までの"
        "天然ウラン供給契約に署名した。供給量は約1万トンとみられる。両国は2009年にナザルバエフ大統領の"
        "訪印時に原子力協力協定を結んでいる。インドは原発の発電容量を2031年までに約2万2500メガワットに"
        "引き上げる計画だ。\n",
        "カザフ産ウラン、インドへの供給拡大", "2024-03-18",
        {"name": "アジア資源ニュース", "kind": "other", "country": "JP"},
        "Published from the date header. The 2009 agreement is a recalled past signing (dated 2009).",
        [("Kazakhstan", "country", ["カザフスタン", "カザフ"]), ("Kazatomprom", "organization", ["カザトムプロム"]),
         ("Department of Atomic Energy", "organization", ["インド原子力省"]), ("India", "country", ["インド"]),
         ("Nursultan Nazarbayev", "person", ["ナザルバエフ"])],
        [("約1万トン", 10000, "tonne", "approx", "uranium supply 2025–2029", None, None),
         ("約2万2500メガワット", 22500, "other:MW", "approx", "India's planned nuclear capacity", "2031", None)],
        [("signing", ["Kazatomprom", "Department of Atomic Energy"], "2024-03", None, "供給契約に署名した"),
         ("signing", ["Kazakhstan", "India"], "2009", None, "2009年にナザルバエフ")]),
    Doc("kk_u1_tokayev-erdogan.txt",
        "АНКАРА. ҚазАқпарат – Мемлекет басшысы Қасым-Жомарт Тоқаев Түркия Президенті Ређеп Тайып "
        "Ердоғанмен телефон арқылы сөйлесті. Тараптар екі ел арасындағы стратегиялық әріптестікті "
        "талқылады. Президенттер биылғы тауар айналымын 10 миллиард долларға жеткізу міндетін қойды. "
        "Ердоған Қазақстан Президентін Анкараға ресми сапармен келуге шақырды.\n",
        "Тоқаев Ердоғанмен телефон арқылы сөйлесті", None,
        {"name": "Kazinform", "kind": NEWS, "country": "KZ"},
        "No date anywhere: published null; the call is dated null.",
        [("Kassym-Jomart Tokayev", "person", ["Қасым-Жомарт Тоқаев"]), ("Turkey", "country", ["Түркия"]),
         ("Recep Tayyip Erdoğan", "person", ["Ердоғанмен", "Ердоған"]), ("Kazakhstan", "country", ["Қазақстан"]),
         ("Ankara", "place", ["Анкараға", "АНКАРА"]), ("Kazinform", "organization", ["ҚазАқпарат"])],
        [("10 миллиард долларға", 10e9, "USD", "exact", "Kazakhstan–Turkey trade target", None, None)],
        [("meeting", ["Kassym-Jomart Tokayev", "Recep Tayyip Erdoğan"], None, None, "телефон арқылы сөйлесті")]),
    Doc("kk_u2_eu-central-asia.txt",
        "Дереккөз: Egemen Qazaqstan\nКүні: 2025-04-05\n\n"
        "Самарқандта «Еуропалық одақ – Орталық Азия» алғашқы саммиті өтті. Саммитке Еуропалық кеңес "
        "төрағасы Антониу Кошта мен Еурокомиссия төрағасы Урсула фон дер Ляйен қатысты. Саммит "
        "қорытындысы бойынша тараптар стратегиялық әріптестік туралы бірлескен декларацияға қол қойды. "
        "Еуропалық одақ Global Gateway бағдарламасы аясында өңірге 12 миллиард еуро инвестиция "
        "салатынын мәлімдеді.\n",
        "Еуропалық одақ – Орталық Азия саммиті", "2025-04-05",
        {"name": "Egemen Qazaqstan", "kind": "newspaper", "country": "KZ"},
        "Published from the Күні header. The summit was on 4 April 2025, the article gives no day: events dated 2025-04.",
        [("Samarkand", "place", ["Самарқандта"]), ("European Union", "organization", ["Еуропалық одақ"]),
         ("Central Asia", "place", ["Орталық Азия"]), ("European Council", "organization", ["Еуропалық кеңес"]),
         ("Antonio Costa", "person", ["Антониу Кошта"]), ("European Commission", "organization", ["Еурокомиссия"]),
         ("Ursula von der Leyen", "person", ["Урсула фон дер Ляйен"]), ("Global Gateway", "other", ["Global Gateway"])],
        [("12 миллиард еуро", 12e9, "EUR", "exact", "EU Global Gateway investment in Central Asia", None, None)],
        [("summit", ["European Union", "Central Asia", "Antonio Costa", "Ursula von der Leyen"], "2025-04", "Samarkand", "алғашқы саммиті өтті"),
         ("signing", ["European Union", "Central Asia"], "2025-04", "Samarkand", "қол қойды"),
         ("statement", ["European Union"], "2025-04", None, "мәлімдеді")]),
]

if __name__ == "__main__":
    write_set(Path(__file__).resolve().parent, DOCS)

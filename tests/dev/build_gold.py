"""The development set: 36 documents, six per language, for TUNING the extractors.

Written from public facts about Eurasian subjects other than the sample corpus (Caspian energy,
China–Central Asia, EU–Central Asia, Russia–Kazakhstan, Korea, Turkey, India), in the shapes
real files come in: excerpts under ``source:``/``url:``/``date:``/``title:`` header lines in any
order, pages dated only by their address, wire datelines, and texts with no date at all. Quotes
and analysts are composed. Tune on this set; measure on tests/untouched and tests/heldout2.
"""

from __future__ import annotations

from pathlib import Path

from tests.gold_build import Doc, write_set

NEWS = "news-agency"
OTHER = {"name": "unknown", "kind": "other", "country": None}
C5 = ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"]

EN = [
    Doc("en_d1_cpc-exports.txt",
        "title: CPC exports hold steady despite Black Sea attacks\n"
        "source: Caspian Energy Review\n"
        "url: https://example.org/energy/cpc-exports\n"
        "date: 2025-01-09\n\n"
        "The Caspian Pipeline Consortium shipped about 63 million tonnes of oil through its "
        "Novorossiysk terminal last year, the consortium said on Wednesday. Most of the oil comes "
        "from Kazakhstan's Tengiz, Karachaganak and Kashagan fields. In 2022 the terminal was "
        "briefly halted after storm damage and a court order, and the consortium was later fined. "
        "Kazakh Energy Minister Almasadam Satkaliyev met CPC general director Nikolai Gorban in Astana "
        "on Tuesday to discuss a debottlenecking project worth $600 million.\n",
        "CPC exports hold steady despite Black Sea attacks", "2025-01-09",
        {"name": "Caspian Energy Review", "kind": "other", "country": None},
        "Header block with date last. last year -> 2024; Wednesday -> 2025-01-08; Tuesday -> 2025-01-07.",
        [("Caspian Pipeline Consortium", "organization", ["Caspian Pipeline Consortium", "CPC"]),
         ("Novorossiysk", "place", ["Novorossiysk"]), ("Kazakhstan", "country", ["Kazakhstan", "Kazakh"]),
         ("Tengiz", "place", ["Tengiz"]), ("Karachaganak", "place", ["Karachaganak"]), ("Kashagan", "place", ["Kashagan"]),
         ("Almasadam Satkaliyev", "person", ["Almasadam Satkaliyev"]), ("Nikolai Gorban", "person", ["Nikolai Gorban"]),
         ("Astana", "place", ["Astana"])],
        [("about 63 million tonnes", 63e6, "tonne", "approx", "CPC oil shipments", "2024", None),
         ("$600 million", 600e6, "USD", "exact", "CPC debottlenecking project", None, None)],
        [("statement", ["Caspian Pipeline Consortium"], "2025-01-08", None, "the consortium said on Wednesday"),
         ("meeting", ["Almasadam Satkaliyev", "Nikolai Gorban"], "2025-01-07", "Astana", "met CPC general director")]),
    Doc("en_d2_modi-putin-call.txt",
        "NEW DELHI, July 10 (wire) — Prime Minister Narendra Modi spoke with Russian President "
        "Vladimir Putin by telephone on Wednesday, a day after returning from Moscow, the Ministry "
        "of External Affairs said. The two leaders reviewed the outcome of the 22nd annual summit, "
        "held in Moscow on July 8-9, 2024, where they set a target of $100 billion in bilateral "
        "trade by 2030. India imported more than 40% of its crude oil from Russia in the first half "
        "of the year.\n",
        "Modi and Putin speak by phone", "2024-07-10",
        {"name": "wire", "kind": NEWS, "country": None},
        "Dateline without year; the year comes from 'July 8-9, 2024' in the text. Wednesday -> 2024-07-10.",
        [("Narendra Modi", "person", ["Narendra Modi"]), ("Vladimir Putin", "person", ["Vladimir Putin"]),
         ("Russia", "country", ["Russian", "Russia"]), ("Moscow", "place", ["Moscow"]),
         ("Ministry of External Affairs", "organization", ["Ministry of External Affairs"]), ("India", "country", ["India"]),
         ("New Delhi", "place", ["NEW DELHI"])],
        [("$100 billion", 100e9, "USD", "exact", "India–Russia trade target", "2030", None),
         ("more than 40%", 40, "percent", "over", "share of Russian crude in India's imports", "2024", None)],
        [("meeting", ["Narendra Modi", "Vladimir Putin"], "2024-07-10", None, "by telephone on Wednesday"),
         ("summit", ["Narendra Modi", "Vladimir Putin"], "2024-07-08", "Moscow", "22nd annual summit")]),
    Doc("en_d3_eu-connectivity-forum.txt",
        "EU pledges €10 billion for Central Asian transport links\n\n"
        "BRUSSELS, Jan. 30 — The European Union and its financial institutions pledged €10 billion "
        "for sustainable transport connectivity in Central Asia at the Global Gateway Investors Forum "
        "in Brussels on Monday and Tuesday. EU Commissioner Jutta Urpilainen "
        "opened the forum, which brought together ministers from Kazakhstan, Kyrgyzstan, "
        "Tajikistan, Turkmenistan and Uzbekistan. The World Bank estimates that the Trans-Caspian "
        "route could triple its volumes by 2030.\n",
        "EU pledges €10 billion for Central Asian transport links", None,
        {"name": "unknown", "kind": "other", "country": None},
        "Dateline without a year and no year but 2030: published null. The forum was 29–30 Jan 2024: gold date null.",
        [("European Union", "organization", ["European Union"]), ("Central Asia", "place", ["Central Asian", "Central Asia"]),
         ("Global Gateway", "other", ["Global Gateway"]), ("Brussels", "place", ["Brussels", "BRUSSELS"]),
         ("Jutta Urpilainen", "person", ["Jutta Urpilainen"]),
         ("Kazakhstan", "country", ["Kazakhstan"]), ("Kyrgyzstan", "country", ["Kyrgyzstan"]), ("Tajikistan", "country", ["Tajikistan"]),
         ("Turkmenistan", "country", ["Turkmenistan"]), ("Uzbekistan", "country", ["Uzbekistan"]), ("World Bank", "organization", ["World Bank"])],
        [("€10 billion", 10e9, "EUR", "exact", "EU pledges for Central Asian transport", None, "pledged €10 billion")],
        [("forum", ["European Union"] + C5, None, "Brussels", "Global Gateway Investors Forum")]),
    Doc("en_d4_korea-kazakhstan.txt",
        "https://example.org/news/2024/06/12/korea-kazakhstan-critical-minerals\n\n"
        "South Korea and Kazakhstan agree on critical minerals\n\n"
        "President Yoon Suk Yeol and President Kassym-Jomart Tokayev agreed in Astana to build a "
        "supply chain for critical minerals, after talks at the Akorda presidential palace. "
        "Kazakhstan produces 19 of the 33 minerals Seoul counts as critical, and the two sides signed "
        "a memorandum on the Kazakhstan–Korea critical minerals partnership. A Korea–Central Asia "
        "summit, first proposed in 2023, is to be held in Seoul next year. The Korea Meteorological "
        "Administration warned of heavy rain in Seoul the same day.\n",
        "South Korea and Kazakhstan agree on critical minerals", "2024-06-12",
        {"name": "unknown", "kind": "other", "country": None},
        "A page whose first line is its address, dated in the path. next year -> 2025. The weather agency is no actor.",
        [("South Korea", "country", ["South Korea", "Korea"]), ("Kazakhstan", "country", ["Kazakhstan"]),
         ("Yoon Suk Yeol", "person", ["Yoon Suk Yeol"]), ("Kassym-Jomart Tokayev", "person", ["Kassym-Jomart Tokayev"]),
         ("Astana", "place", ["Astana"]), ("Akorda", "place", ["Akorda"]), ("Seoul", "place", ["Seoul"]),
         ("Korea Meteorological Administration", "organization", ["Korea Meteorological Administration"]),
         ("Central Asia", "place", ["Central Asia"])],
        [("19 of the 33", 19, "count", "exact", "critical minerals produced by Kazakhstan", None, None),
         ("33 minerals", 33, "count", "exact", "minerals Korea counts as critical", None, None)],
        [("meeting", ["Yoon Suk Yeol", "Kassym-Jomart Tokayev"], "2024-06", "Astana", "after talks at the Akorda"),
         ("signing", ["South Korea", "Kazakhstan"], "2024-06", None, "the two sides signed"),
         ("summit", ["South Korea", "Central Asia"], "2025", "Seoul", "is to be held in Seoul next year")]),
    Doc("en_d5_turkey-uzbekistan.txt",
        "Erdogan and Mirziyoyev hold video call on trade\n\n"
        "Turkish President Recep Tayyip Erdogan and Uzbek President Shavkat Mirziyoyev held a video "
        "call to review preparations for the High-Level Strategic Cooperation Council. They agreed to "
        "raise bilateral trade to $5 billion. The council's meeting, planned for March in Tashkent, "
        "was postponed to a later date. Both leaders recalled the strategic partnership signed in "
        "2022.\n",
        "Erdogan and Mirziyoyev hold video call on trade", None, OTHER,
        "No date at all: published null, the call undated; the postponed council keeps March (year unknown); the 2022 "
        "signing is recalled (dated 2022).",
        [("Recep Tayyip Erdoğan", "person", ["Recep Tayyip Erdogan"]), ("Turkey", "country", ["Turkish"]),
         ("Shavkat Mirziyoyev", "person", ["Shavkat Mirziyoyev"]), ("Uzbekistan", "country", ["Uzbek"]),
         ("Tashkent", "place", ["Tashkent"])],
        [("$5 billion", 5e9, "USD", "exact", "Turkey–Uzbekistan trade target", None, None)],
        [("meeting", ["Recep Tayyip Erdoğan", "Shavkat Mirziyoyev"], None, None, "held a video"),
         ("meeting", [], None, "Tashkent", "was postponed"),
         ("signing", ["Turkey", "Uzbekistan"], "2022", None, "recalled the strategic partnership")]),
    Doc("en_d6_aktau-baku-ferry.txt",
        "Published: 14 March 2025\n\n"
        "Kazakhstan, Azerbaijan and Georgia to set up joint Middle Corridor operator\n\n"
        "AKTAU, Kazakhstan, March 13 — Kazakhstan Temir Zholy, Azerbaijan Railways and Georgian "
        "Railway signed an agreement on Thursday to form a joint venture that will run container "
        "trains along the Trans-Caspian International Transport Route. Cargo on the route rose 62% "
        "to 4.5 million tonnes in 2024, the companies said. Kazakh Prime Minister Olzhas Bektenov "
        "attended the ceremony.\n",
        "Kazakhstan, Azerbaijan and Georgia to set up joint Middle Corridor operator", "2025-03-14",
        {"name": "unknown", "kind": "other", "country": None},
        "A 'Published:' line gives the date; the dateline agrees (March 13).",
        [("Kazakhstan", "country", ["Kazakhstan", "Kazakh"]), ("Azerbaijan", "country", ["Azerbaijan"]), ("Georgia", "country", ["Georgia"]),
         ("Middle Corridor", "other", ["Middle Corridor"]), ("Aktau", "place", ["AKTAU"]),
         ("Kazakhstan Temir Zholy", "organization", ["Kazakhstan Temir Zholy"]), ("Azerbaijan Railways", "organization", ["Azerbaijan Railways"]),
         ("Georgian Railway", "organization", ["Georgian Railway"]),
         ("Trans-Caspian International Transport Route", "other", ["Trans-Caspian International Transport Route"]),
         ("Olzhas Bektenov", "person", ["Olzhas Bektenov"])],
        [("62%", 62, "percent", "exact", "growth of cargo on the Middle Corridor", "2024", None),
         ("4.5 million tonnes", 4.5e6, "tonne", "exact", "cargo on the Middle Corridor", "2024", None)],
        [("signing", ["Kazakhstan Temir Zholy", "Azerbaijan Railways", "Georgian Railway"], "2025-03-13", "Aktau", "signed an agreement on Thursday")]),
]

RU = [
    Doc("ru_d1_tokayev-putin-call.txt",
        "АСТАНА, 18 февраля. /Казинформ/. Президент Казахстана Касым-Жомарт Токаев провел "
        "телефонный разговор с президентом России Владимиром Путиным. Стороны обсудили ход "
        "строительства газопровода и поставки российского газа в Казахстан. В 2024 году "
        "товарооборот между странами составил 27,8 млрд долларов. Лидеры договорились о встрече "
        "в Москве в мае. Казгидромет тем временем предупредил о сильном ветре в столице.\n",
        "Токаев провел телефонный разговор с Путиным", "2025-02-18",
        {"name": "Kazinform", "kind": NEWS, "country": "KZ"},
        "Dateline without a year; the text's latest year is 2024, so the dateline (February) falls in 2025. "
        "Kazhydromet is no actor. Planned meeting in Moscow in May -> 2025-05.",
        [("Kassym-Jomart Tokayev", "person", ["Касым-Жомарт Токаев"]), ("Kazakhstan", "country", ["Казахстана", "Казахстан"]),
         ("Vladimir Putin", "person", ["Владимиром Путиным"]), ("Russia", "country", ["России"]),
         ("Moscow", "place", ["Москве"]), ("Kazhydromet", "organization", ["Казгидромет"]), ("Astana", "place", ["АСТАНА"]),
         ("Kazinform", "organization", ["Казинформ"])],
        [("27,8 млрд долларов", 27.8e9, "USD", "exact", "Kazakhstan–Russia trade", "2024", None)],
        [("meeting", ["Kassym-Jomart Tokayev", "Vladimir Putin"], "2025-02-18", None, "телефонный разговор с президентом"),
         ("meeting", ["Kassym-Jomart Tokayev", "Vladimir Putin"], "2025-05", "Moscow", "договорились о встрече")]),
    Doc("ru_d2_rosatom-npp.txt",
        "Заголовок: Росатом возглавит строительство первой АЭС Казахстана\n"
        "Источник: Энергетика Евразии\n"
        "Ссылка: https://example.ru/news/2025-06-14/rosatom-kz\n\n"
        "Агентство по атомной энергии Казахстана выбрало госкорпорацию «Росатом» лидером "
        "международного консорциума по строительству первой атомной электростанции в стране. "
        "Решение объявлено 14 июня. Станция мощностью 2,4 ГВт будет построена у села Улкен на "
        "берегу озера Балхаш. Строительство АЭС было одобрено на референдуме 6 октября 2024 года, "
        "за проголосовали более 71% участников. Китайская CNNC может возглавить второй проект.\n",
        "Росатом возглавит строительство первой АЭС Казахстана", "2025-06-14",
        {"name": "Энергетика Евразии", "kind": "other", "country": None},
        "Date from the address (/2025-06-14/). The referendum is recalled (2024-10-06), typed other.",
        [("Agency for Atomic Energy of Kazakhstan", "organization", ["Агентство по атомной энергии Казахстана"]),
         ("Rosatom", "organization", ["Росатом"]), ("Kazakhstan", "country", ["Казахстана"]),
         ("Ulken", "place", ["Улкен"]), ("Lake Balkhash", "place", ["Балхаш"]), ("CNNC", "organization", ["CNNC"])],
        [("2,4 ГВт", 2.4, "other:GW", "exact", "capacity of the nuclear plant", None, None),
         ("более 71%", 71, "percent", "over", "voters in favour of the nuclear plant", "2024-10-06", None)],
        [("statement", ["Agency for Atomic Energy of Kazakhstan"], "2025-06-14", None, "Решение объявлено"),
         ("other", ["Kazakhstan"], "2024-10-06", None, "на референдуме")]),
    Doc("ru_d3_eaeu-council.txt",
        "МИНСК, 26 декабря — РИА Новости. Заседание Высшего Евразийского экономического совета "
        "прошло в Санкт-Петербурге, сообщил Кремль. Путин, Лукашенко, Токаев, Жапаров и Пашинян "
        "обсудили создание общего рынка газа. Совместное заседание, запланированное на 2024 год в "
        "Ереване, было перенесено. Товарооборот внутри союза в 2023 году вырос на 7,5%.\n",
        "Заседание ВЕЭС прошло в Санкт-Петербурге", "2024-12-26",
        {"name": "РИА Новости", "kind": NEWS, "country": "RU"},
        "Dateline (December 26) with the year from the text's latest year 2024 (December is after all of it). "
        "RIA Novosti is the outlet, not a participant. The Yerevan meeting was postponed; it keeps 2024.",
        [("Supreme Eurasian Economic Council", "organization", ["Высшего Евразийского экономического совета"]),
         ("Saint Petersburg", "place", ["Санкт-Петербурге"]), ("Kremlin", "organization", ["Кремль"]),
         ("Vladimir Putin", "person", ["Путин"]), ("Alexander Lukashenko", "person", ["Лукашенко"]),
         ("Kassym-Jomart Tokayev", "person", ["Токаев"]), ("Sadyr Japarov", "person", ["Жапаров"]),
         ("Nikol Pashinyan", "person", ["Пашинян"]), ("Yerevan", "place", ["Ереване"]), ("Minsk", "place", ["МИНСК"]),
         ("RIA Novosti", "organization", ["РИА Новости"])],
        [("7,5%", 7.5, "percent", "exact", "growth of trade inside the EAEU", "2023", None)],
        [("summit", ["Vladimir Putin", "Alexander Lukashenko", "Kassym-Jomart Tokayev", "Sadyr Japarov", "Nikol Pashinyan"], "2024-12", "Saint Petersburg", "прошло в Санкт-Петербурге"),
         ("summit", [], "2024", "Yerevan", "было перенесено")]),
    Doc("ru_d4_india-kazakhstan.txt",
        "Индия и Казахстан провели межправкомиссию\n\n"
        "Министр иностранных дел Индии Субраманьям Джайшанкар встретился в Астане с министром "
        "иностранных дел Казахстана Муратом Нуртлеу. Министры обсудили транзит через порт Чабахар "
        "и поставки урана. Ранее, в 2019 году, Индия и Казахстан подписали контракт на поставку "
        "5000 тонн урана. Товарооборот двух стран превысил 1 млрд долларов.\n",
        "Индия и Казахстан провели межправкомиссию", None, OTHER,
        "No date: published null; the meeting undated; the 2019 signing recalled and dated 2019.",
        [("India", "country", ["Индии", "Индия"]), ("Kazakhstan", "country", ["Казахстан", "Казахстана"]),
         ("S. Jaishankar", "person", ["Субраманьям Джайшанкар"]), ("Astana", "place", ["Астане"]),
         ("Murat Nurtleu", "person", ["Муратом Нуртлеу"]), ("Chabahar", "place", ["Чабахар"])],
        [("5000 тонн", 5000, "tonne", "exact", "uranium supply contract", "2019", None),
         ("1 млрд долларов", 1e9, "USD", "over", "India–Kazakhstan trade", None, None)],
        [("meeting", ["S. Jaishankar", "Murat Nurtleu"], None, "Astana", "встретился в Астане"),
         ("signing", ["India", "Kazakhstan"], "2019", None, "подписали контракт")]),
    Doc("ru_d5_china-kyrgyzstan-railway.txt",
        "БИШКЕК, 27 декабря 2024 г. – Президент Киргизии Садыр Жапаров принял участие в церемонии "
        "начала строительства железной дороги Китай – Киргизия – Узбекистан в Джалал-Абаде. "
        "Соглашение о проекте было подписано в Пекине 6 июня 2024 года. Стоимость дороги "
        "оценивается в 4,7 млрд долларов, протяженность – около 523 км. Визит главы МИД Узбекистана "
        "Бахтиёра Саидова в Бишкек, намеченный на январь, отменен.\n",
        "Началось строительство железной дороги Китай – Киргизия – Узбекистан", "2024-12-27",
        {"name": "unknown", "kind": "other", "country": None},
        "Full dateline. The cancelled Saidov visit keeps its planned month (January 2025); a trip called off is typed other, as in the sample gold.",
        [("Kyrgyzstan", "country", ["Киргизии", "Киргизия"]), ("Sadyr Japarov", "person", ["Садыр Жапаров"]),
         ("China", "country", ["Китай"]), ("Uzbekistan", "country", ["Узбекистан", "Узбекистана"]),
         ("Jalal-Abad", "place", ["Джалал-Абаде"]), ("Beijing", "place", ["Пекине"]),
         ("Bakhtiyor Saidov", "person", ["Бахтиёра Саидова"]), ("Bishkek", "place", ["Бишкек", "БИШКЕК"])],
        [("4,7 млрд долларов", 4.7e9, "USD", "exact", "cost of the railway", None, None),
         ("около 523 км", 523, "other:km", "approx", "length of the railway", None, None)],
        [("other", ["Sadyr Japarov"], "2024-12-27", "Jalal-Abad", "церемонии"),
         ("signing", ["China", "Kyrgyzstan", "Uzbekistan"], "2024-06-06", "Beijing", "было подписано в Пекине"),
         ("other", ["Bakhtiyor Saidov", "Kyrgyzstan"], "2025-01", "Bishkek", "отменен")]),
    Doc("ru_d6_turkmen-gas-china.txt",
        "Дата: 12.04.2023\n\n"
        "Туркмения и Китай обсудили четвертую нитку газопровода\n\n"
        "Председатель Халк Маслахаты Туркменистана Гурбангулы Бердымухамедов провел в Ашхабаде "
        "переговоры с делегацией Китайской национальной нефтегазовой корпорации. Стороны обсудили "
        "строительство линии D газопровода Центральная Азия – Китай мощностью 30 млрд кубометров "
        "в год. В прошлом году Туркмения поставила в Китай около 32 млрд кубометров газа.\n",
        "Туркмения и Китай обсудили четвертую нитку газопровода", "2023-04-12",
        {"name": "unknown", "kind": "other", "country": None},
        "A 'Дата:' header line in day.month.year form. В прошлом году -> 2022.",
        [("Turkmenistan", "country", ["Туркмения", "Туркменистана"]), ("China", "country", ["Китай", "Китайской"]),
         ("Gurbanguly Berdimuhamedov", "person", ["Гурбангулы Бердымухамедов"]), ("Ashgabat", "place", ["Ашхабаде"]),
         ("China National Petroleum Corporation", "organization", ["Китайской национальной нефтегазовой корпорации"]),
         ("Halk Maslahaty", "organization", ["Халк Маслахаты"]),
         ("Central Asia–China Gas Pipeline", "other", ["газопровода Центральная Азия – Китай"])],
        [("30 млрд кубометров", 30e9, "other:m3", "exact", "capacity of Line D", None, None),
         ("около 32 млрд кубометров", 32e9, "other:m3", "approx", "Turkmen gas supplies to China", "2022", None)],
        [("meeting", ["Gurbanguly Berdimuhamedov", "China National Petroleum Corporation"], "2023-04", "Ashgabat", "провел в Ашхабаде")]),
]

ZH = [
    Doc("zh-Hans_d1_xi-tokayev-call.txt",
        "【新华网北京1月8日电】国家主席习近平8日同哈萨克斯坦总统托卡耶夫通电话。习近平指出，"
        "2024年中哈关系保持高水平发展。托卡耶夫表示，哈方愿同中方加强能源、交通和人文合作，"
        "期待今年6月在阿斯塔纳举行的第二届中国—中亚峰会取得成功。去年中哈贸易额达到438亿美元。\n",
        "习近平同托卡耶夫通电话", "2025-01-08",
        {"name": "新华网", "kind": NEWS, "country": "CN"},
        "Dateline 【新华网北京1月8日电】 without a year; the text's latest year is 2024, and January falls after it: 2025. "
        "今年6月 -> 2025-06; 去年 -> 2024.",
        [("Xi Jinping", "person", ["习近平"]), ("Kazakhstan", "country", ["哈萨克斯坦", "哈方", "中哈"]),
         ("Kassym-Jomart Tokayev", "person", ["托卡耶夫"]), ("China", "country", ["中方"]), ("Astana", "place", ["阿斯塔纳"]),
         ("China–Central Asia Summit", "event_series", ["中国—中亚峰会"]), ("Beijing", "place", ["北京"]), ("Xinhua", "organization", ["新华网"])],
        [("438亿美元", 43.8e9, "USD", "exact", "China–Kazakhstan trade", "2024", None)],
        [("meeting", ["Xi Jinping", "Kassym-Jomart Tokayev"], "2025-01-08", None, "通电话"),
         ("statement", ["Kassym-Jomart Tokayev"], "2025-01-08", None, "托卡耶夫表示"),
         ("summit", ["China", "Kazakhstan"], "2025-06", "Astana", "第二届中国—中亚峰会")]),
    Doc("zh-Hans_d2_china-central-asia-summit.txt",
        "来源：人民日报\n标题：第二届中国—中亚峰会在阿斯塔纳举行\n日期：2025-06-18\n\n"
        "第二届中国—中亚峰会17日在哈萨克斯坦首都阿斯塔纳举行。国家主席习近平同哈萨克斯坦总统托卡耶夫、"
        "吉尔吉斯斯坦总统扎帕罗夫、塔吉克斯坦总统拉赫蒙、土库曼斯坦总统别尔德穆哈梅多夫和乌兹别克斯坦总统"
        "米尔济约耶夫出席峰会。六国元首签署了《永久睦邻友好合作条约》。中方宣布今年向中亚国家提供15亿元人民币"
        "无偿援助。2024年中国同中亚五国贸易额达到948亿美元。\n",
        "第二届中国—中亚峰会在阿斯塔纳举行", "2025-06-18",
        {"name": "人民日报", "kind": "newspaper", "country": "CN"},
        "Chinese header block. 17日 -> 2025-06-17.",
        [("China–Central Asia Summit", "event_series", ["中国—中亚峰会"]), ("Kazakhstan", "country", ["哈萨克斯坦"]),
         ("Astana", "place", ["阿斯塔纳"]), ("Xi Jinping", "person", ["习近平"]), ("Kassym-Jomart Tokayev", "person", ["托卡耶夫"]),
         ("Kyrgyzstan", "country", ["吉尔吉斯斯坦"]), ("Sadyr Japarov", "person", ["扎帕罗夫"]),
         ("Tajikistan", "country", ["塔吉克斯坦"]), ("Emomali Rahmon", "person", ["拉赫蒙"]),
         ("Turkmenistan", "country", ["土库曼斯坦"]), ("Serdar Berdimuhamedow", "person", ["别尔德穆哈梅多夫"]),
         ("Uzbekistan", "country", ["乌兹别克斯坦"]), ("Shavkat Mirziyoyev", "person", ["米尔济约耶夫"]),
         ("China", "country", ["中方", "中国"]), ("Central Asia", "place", ["中亚", "中亚五国"])],
        [("六国", 6, "count", "exact", "heads of state signing the treaty", None, None),
         ("15亿元人民币", 1.5e9, "CNY", "exact", "Chinese grant aid to Central Asia", "2025", None),
         ("948亿美元", 94.8e9, "USD", "exact", "China–Central Asia trade", "2024", None)],
        [("summit", ["Xi Jinping", "Kassym-Jomart Tokayev", "Sadyr Japarov", "Emomali Rahmon", "Serdar Berdimuhamedow", "Shavkat Mirziyoyev"], "2025-06-17", "Astana", "17日在哈萨克斯坦首都"),
         ("signing", ["Xi Jinping", "Kassym-Jomart Tokayev", "Sadyr Japarov", "Emomali Rahmon", "Serdar Berdimuhamedow", "Shavkat Mirziyoyev"], "2025-06", "Astana", "六国元首签署了"),
         ("statement", ["China"], "2025-06", None, "中方宣布")]),
    Doc("zh-Hans_d3_korea-kazakh-visit.txt",
        "https://example.cn/world/2024-06-13/yoon-astana.html\n\n"
        "韩国总统尹锡悦访问哈萨克斯坦\n\n"
        "韩国总统尹锡悦12日抵达阿斯塔纳，开始对哈萨克斯坦进行国事访问。哈萨克斯坦总统托卡耶夫同尹锡悦举行会谈，"
        "双方签署了关于关键矿产供应链合作的谅解备忘录。韩联社报道说，两国企业还签署了约40亿美元的合作协议。"
        "哈萨克斯坦气象局当天发布了沙尘暴预警。\n",
        "韩国总统尹锡悦访问哈萨克斯坦", "2024-06-13",
        {"name": "unknown", "kind": "other", "country": "CN"},
        "The page's address is its first line (dated /2024-06-13/). Yonhap and the weather service are not actors.",
        [("South Korea", "country", ["韩国"]), ("Yoon Suk Yeol", "person", ["尹锡悦"]), ("Kazakhstan", "country", ["哈萨克斯坦"]),
         ("Astana", "place", ["阿斯塔纳"]), ("Kassym-Jomart Tokayev", "person", ["托卡耶夫"]),
         ("Yonhap", "organization", ["韩联社"]), ("Kazhydromet", "organization", ["哈萨克斯坦气象局"])],
        [("约40亿美元", 4e9, "USD", "approx", "value of company agreements", "2024-06", None)],
        [("visit", ["Yoon Suk Yeol", "Kazakhstan"], "2024-06-12", "Astana", "12日抵达阿斯塔纳"),
         ("meeting", ["Kassym-Jomart Tokayev", "Yoon Suk Yeol"], "2024-06", "Astana", "举行会谈"),
         ("signing", ["Kassym-Jomart Tokayev", "Yoon Suk Yeol"], "2024-06", "Astana", "举行会谈")]),
    Doc("zh-Hans_d4_india-central-asia.txt",
        "印度与中亚五国举行视频峰会\n\n"
        "印度总理莫迪与哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦、土库曼斯坦和乌兹别克斯坦总统举行首届印度—中亚峰会视频会议。"
        "各方同意每两年举行一次峰会。印度与中亚国家的贸易额约为20亿美元。印方提出的10亿美元信贷额度已于2012年宣布。\n",
        "印度与中亚五国举行视频峰会", None, OTHER,
        "No date: the virtual summit is undated (it was 27 Jan 2022). '已于2012年宣布' is a recalled statement dated 2012 "
        "(the credit line was in fact announced in 2020; the text is composed).",
        [("India", "country", ["印度", "印方"]), ("Narendra Modi", "person", ["莫迪"]), ("Kazakhstan", "country", ["哈萨克斯坦"]),
         ("Kyrgyzstan", "country", ["吉尔吉斯斯坦"]), ("Tajikistan", "country", ["塔吉克斯坦"]),
         ("Turkmenistan", "country", ["土库曼斯坦"]), ("Uzbekistan", "country", ["乌兹别克斯坦"]),
         ("Central Asia", "place", ["中亚", "中亚五国"]), ("India–Central Asia Summit", "event_series", ["印度—中亚峰会"])],
        [("约为20亿美元", 2e9, "USD", "approx", "India–Central Asia trade", None, None),
         ("10亿美元", 1e9, "USD", "exact", "Indian credit line", None, None)],
        [("summit", ["Narendra Modi"] + C5, None, None, "视频会议")]),
    Doc("zh-Hans_d5_caspian-pipeline.txt",
        "发布时间：2024-11-20 09:30\n来源：中亚能源观察\n\n"
        "跨里海天然气管道再获关注\n\n"
        "土库曼斯坦外长梅列多夫19日在巴库会见阿塞拜疆外长拜拉莫夫，双方讨论了跨里海天然气管道项目。"
        "该管道设计年输气能力为300亿立方米。欧盟曾于2011年启动与两国的谈判。原定本月在阿什哈巴德举行的三方部长级会议已推迟。\n",
        "跨里海天然气管道再获关注", "2024-11-20",
        {"name": "中亚能源观察", "kind": "other", "country": None},
        "发布时间 header with time. 19日 -> 2024-11-19. The 2011 talks are recalled (other, 2011). The postponed "
        "meeting keeps 2024-11.",
        [("Turkmenistan", "country", ["土库曼斯坦"]), ("Rashid Meredov", "person", ["梅列多夫"]), ("Baku", "place", ["巴库"]),
         ("Azerbaijan", "country", ["阿塞拜疆"]), ("Jeyhun Bayramov", "person", ["拜拉莫夫"]),
         ("Trans-Caspian Gas Pipeline", "other", ["跨里海天然气管道"]), ("European Union", "organization", ["欧盟"]),
         ("Ashgabat", "place", ["阿什哈巴德"])],
        [("300亿立方米", 30e9, "other:m3", "exact", "design capacity of the Trans-Caspian pipeline", None, None)],
        [("meeting", ["Rashid Meredov", "Jeyhun Bayramov"], "2024-11-19", "Baku", "会见阿塞拜疆外长"),
         ("other", ["European Union"], "2011", None, "启动与两国的谈判"),
         ("meeting", [], "2024-11", "Ashgabat", "已推迟")]),
    Doc("zh-Hans_d6_turkey-kazakh.txt",
        "阿斯塔纳讯 土耳其总统埃尔多安2024年7月3日在阿斯塔纳出席上合组织“上合+”会议期间会见了哈萨克斯坦总统托卡耶夫。"
        "两国元首同意将双边贸易额提高到100亿美元。埃尔多安此前曾于2022年5月访问哈萨克斯坦，双方当时签署了"
        "强化战略伙伴关系联合声明。\n",
        "埃尔多安会见托卡耶夫", None, OTHER,
        "No publication date (a 讯 line without date); the text states the date of the meeting. The 2022 visit and signing "
        "are recalled, dated 2022-05.",
        [("Turkey", "country", ["土耳其"]), ("Recep Tayyip Erdoğan", "person", ["埃尔多安"]), ("Astana", "place", ["阿斯塔纳"]),
         ("Shanghai Cooperation Organisation", "organization", ["上合组织"]), ("Kazakhstan", "country", ["哈萨克斯坦"]),
         ("Kassym-Jomart Tokayev", "person", ["托卡耶夫"])],
        [("100亿美元", 10e9, "USD", "exact", "Turkey–Kazakhstan trade target", None, None)],
        [("meeting", ["Recep Tayyip Erdoğan", "Kassym-Jomart Tokayev"], "2024-07-03", "Astana", "会见了哈萨克斯坦总统"),
         ("visit", ["Recep Tayyip Erdoğan", "Kazakhstan"], "2022-05", None, "曾于2022年5月访问"),
         ("signing", ["Recep Tayyip Erdoğan", "Kassym-Jomart Tokayev"], "2022-05", None, "曾于2022年5月访问")]),
]

ZHT = [
    Doc("zh-Hant_d1_japan-kyrgyz.txt",
        "（中央社記者林佳和東京8日專電）日本首相石破茂今天在東京與來訪的吉爾吉斯總統扎帕羅夫舉行會談，"
        "雙方簽署了關於稀土開發合作的備忘錄。日本將提供約50億日圓的無償資金協助。這是扎帕羅夫2024年11月以來首次訪日。\n",
        "石破茂與扎帕羅夫會談", None,
        {"name": "中央社", "kind": NEWS, "country": "TW"},
        "A CNA dateline with the day only; published null. '2024年11月以來' gives no event date for today.",
        [("Japan", "country", ["日本"]), ("Shigeru Ishiba", "person", ["石破茂"]), ("Tokyo", "place", ["東京"]),
         ("Kyrgyzstan", "country", ["吉爾吉斯"]), ("Sadyr Japarov", "person", ["扎帕羅夫"]), ("Central News Agency", "organization", ["中央社"])],
        [("約50億日圓", 5e9, "JPY", "approx", "Japanese grant aid to Kyrgyzstan", None, None)],
        [("meeting", ["Shigeru Ishiba", "Sadyr Japarov"], None, "Tokyo", "舉行會談"),
         ("signing", ["Shigeru Ishiba", "Sadyr Japarov"], None, "Tokyo", "雙方簽署了")]),
    Doc("zh-Hant_d2_eu-central-asia.txt",
        "標題：歐盟與中亞首屆峰會在撒馬爾罕舉行\n發布日期：2025年4月5日\n來源：歐亞觀察\n\n"
        "歐盟與中亞五國4日在烏茲別克撒馬爾罕舉行首屆峰會，歐洲理事會主席科斯塔與執委會主席范德賴恩出席。"
        "歐盟宣布將透過「全球門戶」計畫在該地區投資120億歐元。雙方同意將關係提升為戰略夥伴關係。\n",
        "歐盟與中亞首屆峰會在撒馬爾罕舉行", "2025-04-05",
        {"name": "歐亞觀察", "kind": "other", "country": None},
        "Traditional header block with a CJK date. 4日 -> 2025-04-04.",
        [("European Union", "organization", ["歐盟"]), ("Central Asia", "place", ["中亞", "中亞五國"]),
         ("Uzbekistan", "country", ["烏茲別克"]), ("Samarkand", "place", ["撒馬爾罕"]),
         ("European Council", "organization", ["歐洲理事會"]), ("Antonio Costa", "person", ["科斯塔"]),
         ("European Commission", "organization", ["執委會"]), ("Ursula von der Leyen", "person", ["范德賴恩"]),
         ("Global Gateway", "other", ["全球門戶"])],
        [("120億歐元", 12e9, "EUR", "exact", "EU Global Gateway investment in Central Asia", None, None)],
        [("summit", ["European Union", "Central Asia", "Antonio Costa", "Ursula von der Leyen"], "2025-04-04", "Samarkand", "舉行首屆峰會"),
         ("statement", ["European Union"], "2025-04", None, "歐盟宣布")]),
    Doc("zh-Hant_d3_russia-kazakh-call.txt",
        "https://example.tw/intl/2023/10/20/putin-tokayev\n\n"
        "普丁與托卡葉夫通電話\n\n"
        "俄羅斯總統普丁與哈薩克總統托卡葉夫通電話，討論普丁下月訪問哈薩克的安排。兩國元首將於11月在科斯塔奈出席"
        "地區合作論壇。俄哈兩國貿易額去年約為280億美元。哈薩克水文氣象局同日表示，北部將降雪。\n",
        "普丁與托卡葉夫通電話", "2023-10-20",
        {"name": "unknown", "kind": "other", "country": "TW"},
        "The address's first line dates the page (/2023/10/20/). 下月 -> 2023-11; 去年 -> 2022.",
        [("Russia", "country", ["俄羅斯", "俄"]), ("Vladimir Putin", "person", ["普丁"]), ("Kazakhstan", "country", ["哈薩克", "哈"]),
         ("Kassym-Jomart Tokayev", "person", ["托卡葉夫"]), ("Kostanay", "place", ["科斯塔奈"]),
         ("Kazhydromet", "organization", ["哈薩克水文氣象局"])],
        [("約為280億美元", 28e9, "USD", "approx", "Russia–Kazakhstan trade", "2022", None)],
        [("meeting", ["Vladimir Putin", "Kassym-Jomart Tokayev"], "2023-10", None, "通電話，討論"),
         ("visit", ["Vladimir Putin", "Kazakhstan"], "2023-11", None, "下月訪問"),
         ("forum", ["Vladimir Putin", "Kassym-Jomart Tokayev"], "2023-11", "Kostanay", "出席地區合作論壇")]),
    Doc("zh-Hant_d4_turkmen-gas.txt",
        "土庫曼天然氣出口多元化\n\n"
        "土庫曼外交部長梅列多夫表示，該國正研究經由裏海向歐洲出口天然氣的方案。土庫曼天然氣儲量居世界第四，"
        "約為13.6兆立方公尺。中國目前是其最大買家，每年進口超過300億立方公尺。土庫曼與中國早在2006年就簽署了"
        "天然氣購銷協議。\n",
        "土庫曼天然氣出口多元化", None, OTHER,
        "No date. The 2006 agreement is recalled (signing, 2006).",
        [("Turkmenistan", "country", ["土庫曼"]), ("Rashid Meredov", "person", ["梅列多夫"]),
         ("Caspian Sea", "place", ["裏海"]), ("Europe", "place", ["歐洲"]), ("China", "country", ["中國"])],
        [("約為13.6兆立方公尺", 13.6e12, "other:m3", "approx", "Turkmen gas reserves", None, None),
         ("超過300億立方公尺", 30e9, "other:m3", "over", "Chinese imports of Turkmen gas", None, None)],
        [("statement", ["Rashid Meredov"], None, None, "梅列多夫表示"),
         ("signing", ["Turkmenistan", "China"], "2006", None, "早在2006年")]),
    Doc("zh-Hant_d5_india-uzbek.txt",
        "日期：2024/09/30\n\n"
        "印度外長蘇杰生29日在塔什干會見烏茲別克外長賽義多夫，雙方同意加快簽署雙邊投資協定。兩國貿易額約為7億美元。"
        "蘇杰生原定10月訪問比什凱克的行程已取消。\n",
        "印度外長訪問塔什干", "2024-09-30",
        {"name": "unknown", "kind": "other", "country": None},
        "日期 header with slashes. 29日 -> 2024-09-29. The cancelled Bishkek trip keeps 2024-10 (typed other: it did not happen).",
        [("India", "country", ["印度"]), ("S. Jaishankar", "person", ["蘇杰生"]), ("Tashkent", "place", ["塔什干"]),
         ("Uzbekistan", "country", ["烏茲別克"]), ("Bakhtiyor Saidov", "person", ["賽義多夫"]), ("Bishkek", "place", ["比什凱克"])],
        [("約為7億美元", 700e6, "USD", "approx", "India–Uzbekistan trade", None, None)],
        [("meeting", ["S. Jaishankar", "Bakhtiyor Saidov"], "2024-09-29", "Tashkent", "會見烏茲別克外長"),
         ("other", ["S. Jaishankar"], "2024-10", "Bishkek", "已取消")]),
    Doc("zh-Hant_d6_korea-central-asia.txt",
        "南韓與中亞五國外長會議在首爾舉行\n\n"
        "首爾訊 南韓外交部長趙兌烈2024年11月20日在首爾主持第17屆韓國—中亞合作論壇，哈薩克、吉爾吉斯、塔吉克、"
        "土庫曼和烏茲別克外長出席。論壇自2007年起每年舉行。南韓承諾未來五年向中亞提供約1000萬美元的開發援助。\n",
        "南韓與中亞五國外長會議在首爾舉行", None, OTHER,
        "The body states the date, no publication date. The forum series since 2007 is background, not an event.",
        [("South Korea", "country", ["南韓"]), ("Cho Tae-yul", "person", ["趙兌烈"]), ("Seoul", "place", ["首爾"]),
         ("Korea–Central Asia Cooperation Forum", "event_series", ["韓國—中亞合作論壇"]),
         ("Kazakhstan", "country", ["哈薩克"]), ("Kyrgyzstan", "country", ["吉爾吉斯"]), ("Tajikistan", "country", ["塔吉克"]),
         ("Turkmenistan", "country", ["土庫曼"]), ("Uzbekistan", "country", ["烏茲別克"]), ("Central Asia", "place", ["中亞", "中亞五國"])],
        [("約1000萬美元", 10e6, "USD", "approx", "Korean development aid to Central Asia", None, None)],
        [("forum", ["Cho Tae-yul"] + C5, "2024-11-20", "Seoul", "主持第17屆")]),
]

JA = [
    Doc("ja_d1_korea-ja-summit.txt",
        "【ソウル時事】韓国の李在明大統領は30日、訪韓した石破茂首相とソウルの大統領府で会談した。両首脳は"
        "日韓関係の安定的な発展で一致し、共同発表文書に署名した。李氏は2025年6月の就任後、初めて日本の首相を"
        "迎えた。気象庁によると、同日の東京は猛暑日となった。\n",
        "日韓首脳が会談", None,
        {"name": "時事通信", "kind": NEWS, "country": "JP"},
        "No publication date (dateline with day only). The meeting is on the 30th of an unknown month: gold dates null. "
        "The weather agency is not an actor.",
        [("South Korea", "country", ["韓国"]), ("Lee Jae-myung", "person", ["李在明", "李"]), ("Shigeru Ishiba", "person", ["石破茂"]),
         ("Seoul", "place", ["ソウル"]), ("Japan", "country", ["日本"]), ("Japan Meteorological Agency", "organization", ["気象庁"]),
         ("Tokyo", "place", ["東京"]), ("Jiji Press", "organization", ["時事"])],
        [],
        [("meeting", ["Lee Jae-myung", "Shigeru Ishiba"], None, "Seoul", "大統領府で会談した"),
         ("signing", ["Lee Jae-myung", "Shigeru Ishiba"], None, "Seoul", "共同発表文書に署名した")]),
    Doc("ja_d2_japan-uzbek-call.txt",
        "タイトル：日ウズベク首脳が電話会談\n掲載日：2024年12月5日\n出典：アジア外交通信\n\n"
        "石破茂首相は4日、ウズベキスタンのミルジヨーエフ大統領と電話会談を行った。両首脳は来年東京で予定されている"
        "「中央アジア＋日本」対話の首脳会合に向けて緊密に連携することで一致した。日本はウズベキスタンに対し、"
        "これまでに約3000億円の円借款を供与している。\n",
        "日ウズベク首脳が電話会談", "2024-12-05",
        {"name": "アジア外交通信", "kind": "other", "country": "JP"},
        "Japanese header block. 4日 -> 2024-12-04. A 'summit telephone talk' would be a meeting; here the planned "
        "summit next year is a summit (2025).",
        [("Shigeru Ishiba", "person", ["石破茂"]), ("Uzbekistan", "country", ["ウズベキスタン"]),
         ("Shavkat Mirziyoyev", "person", ["ミルジヨーエフ"]), ("Tokyo", "place", ["東京"]),
         ("Central Asia plus Japan Dialogue", "event_series", ["「中央アジア＋日本」対話"]), ("Japan", "country", ["日本"])],
        [("約3000億円", 300e9, "JPY", "approx", "Japanese yen loans to Uzbekistan", None, None)],
        [("meeting", ["Shigeru Ishiba", "Shavkat Mirziyoyev"], "2024-12-04", None, "電話会談を行った"),
         ("summit", ["Japan", "Central Asia plus Japan Dialogue"], "2025", "Tokyo", "首脳会合に向けて")]),
    Doc("ja_d3_erdogan-kishida.txt",
        "https://example.jp/politics/20230518/kishida-erdogan\n\n"
        "岸田首相、トルコ大統領と電話首脳会談\n\n"
        "岸田文雄首相は17日夜、トルコのエルドアン大統領と電話で首脳会談を行い、2月の大地震からの復興支援を"
        "継続する考えを伝えた。日本政府はこれまでに総額約8500万ドルの緊急無償資金協力を表明している。"
        "エルドアン氏は2019年に大阪で開かれたG20サミットに出席するため来日した。\n",
        "岸田首相、トルコ大統領と電話首脳会談", "2023-05-18",
        {"name": "unknown", "kind": "other", "country": "JP"},
        "Dated by the address (20230518). 電話首脳会談 is a meeting, not a summit. 2019 G20 in Osaka is recalled (summit, 2019).",
        [("Fumio Kishida", "person", ["岸田文雄", "岸田"]), ("Turkey", "country", ["トルコ"]),
         ("Recep Tayyip Erdoğan", "person", ["エルドアン"]), ("Japan", "country", ["日本"]), ("Osaka", "place", ["大阪"]),
         ("G20", "organization", ["G20"])],
        [("約8500万ドル", 85e6, "USD", "approx", "Japanese emergency grant aid to Turkey", None, None)],
        [("meeting", ["Fumio Kishida", "Recep Tayyip Erdoğan"], "2023-05-17", None, "電話で首脳会談"),
         ("summit", ["Recep Tayyip Erdoğan", "G20"], "2019", "Osaka", "G20サミット")]),
    Doc("ja_d4_kazakh-japan-minerals.txt",
        "カザフスタンと日本、レアメタル開発で協力\n\n"
        "【アスタナ共同】カザフスタンを訪問中の武藤容治経済産業相は1日、カザフスタンのバクティヤール・サパルバエフ"
        "副首相と会談し、レアメタルの共同探査に関する覚書に署名した。日本の独立行政法人エネルギー・金属鉱物資源機構"
        "（JOGMEC）が調査費として約10億円を拠出する。\n",
        "カザフスタンと日本、レアメタル開発で協力", None,
        {"name": "共同通信", "kind": NEWS, "country": "JP"},
        "A Kyodo dateline (アスタナ＝共同) with no date: published null; the meeting's day without month: dates null.",
        [("Kazakhstan", "country", ["カザフスタン"]), ("Japan", "country", ["日本"]), ("Yoji Muto", "person", ["武藤容治"]),
         ("Astana", "place", ["アスタナ"]), ("Kyodo News", "organization", ["共同"]),
         ("JOGMEC", "organization", ["エネルギー・金属鉱物資源機構", "JOGMEC"])],
        [("約10億円", 1e9, "JPY", "approx", "JOGMEC survey funding", None, None)],
        [("meeting", ["Yoji Muto"], None, None, "副首相と会談し"),
         ("signing", ["Yoji Muto"], None, None, "副首相と会談し")]),
    Doc("ja_d5_india-japan-summit.txt",
        "【東京＝共同】2025年8月29日、来日したインドのモディ首相は石破茂首相と首相官邸で会談した。両首脳は今後10年で"
        "日本からインドへの民間投資を10兆円とする目標を掲げ、経済安全保障に関する共同声明に署名した。"
        "モディ氏は30日に宮城県を訪問する予定だ。\n",
        "日印首脳会談", "2025-08-29",
        {"name": "共同通信", "kind": NEWS, "country": "JP"},
        "The text states the date right after the Kyodo dateline; published 2025-08-29 (text). 30日 -> 2025-08-30.",
        [("Tokyo", "place", ["東京"]), ("India", "country", ["インド"]), ("Narendra Modi", "person", ["モディ"]),
         ("Shigeru Ishiba", "person", ["石破茂"]), ("Japan", "country", ["日本"]), ("Miyagi Prefecture", "place", ["宮城県"]),
         ("Kyodo News", "organization", ["共同"])],
        [("10兆円", 10e12, "JPY", "exact", "Japanese private investment target in India", None, None)],
        [("meeting", ["Narendra Modi", "Shigeru Ishiba"], "2025-08-29", "Tokyo", "首相官邸で会談した"),
         ("signing", ["Narendra Modi", "Shigeru Ishiba"], "2025-08-29", "Tokyo", "共同声明に署名した"),
         ("visit", ["Narendra Modi"], "2025-08-30", "Miyagi Prefecture", "宮城県を訪問する")]),
    Doc("ja_d6_caspian-tengiz.txt",
        "date: 2025-01-27\nsource: 資源エネルギー速報\n\n"
        "テンギス油田の増産計画が始動\n\n"
        "米シェブロンが主導するテンギスシェブロイル（TCO）は24日、カザフスタン西部のテンギス油田で将来成長計画（FGP）"
        "による生産を開始したと発表した。計画の総事業費は約480億ドルに膨らんだ。増産後の生産量は日量約100万バレルとなる。"
        "同計画は2016年に最終投資決定が下された。\n",
        "テンギス油田の増産計画が始動", "2025-01-27",
        {"name": "資源エネルギー速報", "kind": "other", "country": "JP"},
        "Header block with date first. 24日 -> 2025-01-24. The 2016 decision is recalled (other, 2016).",
        [("Chevron", "organization", ["シェブロン"]), ("Tengizchevroil", "organization", ["テンギスシェブロイル", "TCO"]),
         ("Kazakhstan", "country", ["カザフスタン"]), ("Tengiz", "place", ["テンギス油田"])],
        [("約480億ドル", 48e9, "USD", "approx", "cost of the Future Growth Project", None, None),
         ("約100万バレル", 1e6, "other:barrel", "approx", "Tengiz daily output after expansion", None, None)],
        [("statement", ["Tengizchevroil"], "2025-01-24", None, "発表した"),
         ("other", ["Tengizchevroil"], "2016", None, "最終投資決定")]),
]

KK = [
    Doc("kk_d1_tokayev-xi.txt",
        "АСТАНА. ҚазАқпарат – Мемлекет басшысы Қасым-Жомарт Тоқаев Қытай Төрағасы Си Цзиньпинмен "
        "кездесті. Кездесу 2025 жылғы 16 маусымда Ақордада өтті. Тараптар 20-дан астам келісімге "
        "қол қойды. Былтыр екі ел арасындағы тауар айналымы 43,8 миллиард долларды құрады. "
        "Қазгидромет Астанада жаңбыр жауатынын хабарлады.\n",
        "Тоқаев Си Цзиньпинмен кездесті", None,
        {"name": "Kazinform", "kind": NEWS, "country": "KZ"},
        "A Kazinform dateline with no date; published null. Kazhydromet is no actor. Былтыр -> 2024 (from the event year).",
        [("Kassym-Jomart Tokayev", "person", ["Қасым-Жомарт Тоқаев"]), ("China", "country", ["Қытай"]),
         ("Xi Jinping", "person", ["Си Цзиньпинмен"]), ("Akorda", "place", ["Ақордада"]), ("Astana", "place", ["Астанада", "АСТАНА"]),
         ("Kazhydromet", "organization", ["Қазгидромет"]), ("Kazinform", "organization", ["ҚазАқпарат"])],
        [("20-дан астам", 20, "count", "over", "agreements signed", "2025-06", None),
         ("43,8 миллиард долларды", 43.8e9, "USD", "exact", "Kazakhstan–China trade", "2024", None)],
        [("meeting", ["Kassym-Jomart Tokayev", "Xi Jinping"], "2025-06-16", "Astana", "кездесті"),
         ("signing", ["Kassym-Jomart Tokayev", "Xi Jinping"], "2025-06", "Astana", "келісімге")]),
    Doc("kk_d2_korea-visit.txt",
        "Дереккөз: Egemen Qazaqstan\nТақырып: Оңтүстік Корея Президенті Астанаға келді\nКүні: 12.06.2024\n\n"
        "Корея Республикасының Президенті Юн Сок Ёль Қазақстанға мемлекеттік сапармен келді. Ақордада "
        "Қасым-Жомарт Тоқаев пен Юн Сок Ёль келіссөз жүргізді. Екі ел сирек жер металдары саласындағы "
        "ынтымақтастық туралы меморандумға қол қойды. 2023 жылы тауар айналымы 6,5 миллиард долларға жетті.\n",
        "Оңтүстік Корея Президенті Астанаға келді", "2024-06-12",
        {"name": "Egemen Qazaqstan", "kind": "newspaper", "country": "KZ"},
        "Kazakh header block (Күні: 12.06.2024).",
        [("South Korea", "country", ["Оңтүстік Корея", "Корея Республикасының"]), ("Yoon Suk Yeol", "person", ["Юн Сок Ёль"]),
         ("Kazakhstan", "country", ["Қазақстанға"]), ("Akorda", "place", ["Ақордада"]),
         ("Kassym-Jomart Tokayev", "person", ["Қасым-Жомарт Тоқаев"]), ("Astana", "place", ["Астанаға"])],
        [("6,5 миллиард долларға", 6.5e9, "USD", "exact", "Kazakhstan–Korea trade", "2023", None)],
        [("visit", ["Yoon Suk Yeol", "Kazakhstan"], "2024-06", "Astana", "мемлекеттік сапармен келді"),
         ("meeting", ["Kassym-Jomart Tokayev", "Yoon Suk Yeol"], "2024-06", "Astana", "келіссөз жүргізді"),
         ("signing", ["Kazakhstan", "South Korea"], "2024-06", None, "меморандумға қол қойды")]),
    Doc("kk_d3_tokayev-putin-phone.txt",
        "https://example.kz/kk/news/2024/03/18/tokayev-putin\n\n"
        "Тоқаев Путинмен телефон арқылы сөйлесті\n\n"
        "Президент Қасым-Жомарт Тоқаев Ресей Президенті Владимир Путинмен телефон арқылы сөйлесіп, оны сайлаудағы "
        "жеңісімен құттықтады. Тараптар Қазақстан мен Ресей арасындағы стратегиялық серіктестікті талқылады. "
        "Тоқаев Путинді Астанада өтетін ШЫҰ саммитіне шақырды.\n",
        "Тоқаев Путинмен телефон арқылы сөйлесті", "2024-03-18",
        {"name": "unknown", "kind": "other", "country": "KZ"},
        "Dated by the address. The SCO summit in Astana (July 2024) is named without date: gold date null.",
        [("Kassym-Jomart Tokayev", "person", ["Қасым-Жомарт Тоқаев", "Тоқаев"]), ("Russia", "country", ["Ресей"]),
         ("Vladimir Putin", "person", ["Владимир Путинмен", "Путинді"]), ("Kazakhstan", "country", ["Қазақстан"]),
         ("Astana", "place", ["Астанада"]), ("Shanghai Cooperation Organisation", "organization", ["ШЫҰ"])],
        [],
        [("meeting", ["Kassym-Jomart Tokayev", "Vladimir Putin"], "2024-03", None, "телефон арқылы сөйлесіп"),
         ("summit", ["Shanghai Cooperation Organisation"], None, "Astana", "саммитіне")]),
    Doc("kk_d4_turkey-ots.txt",
        "Түркі мемлекеттері ұйымының саммиті\n\n"
        "Бішкекте Түркі мемлекеттері ұйымының кезекті саммиті өтті. Саммитке Қасым-Жомарт Тоқаев, Реджеп Тайып Ердоған, "
        "Шавкат Мирзиёев және Ильхам Әлиев қатысты. Көшбасшылар 2040 жылға дейінгі стратегияны талқылады. Ұйымның "
        "бейресми саммиті 2024 жылғы шілдеде Шушада өткен болатын. Ұйымның инвестициялық қоры 500 миллион доллар "
        "капиталмен құрылды.\n",
        "Түркі мемлекеттері ұйымының саммиті", None, OTHER,
        "No date: published null, the Bishkek summit undated (it was Nov 2024). The Shusha summit is recalled, dated 2024-07.",
        [("Organization of Turkic States", "organization", ["Түркі мемлекеттері ұйымының"]), ("Bishkek", "place", ["Бішкекте"]),
         ("Kassym-Jomart Tokayev", "person", ["Қасым-Жомарт Тоқаев"]), ("Recep Tayyip Erdoğan", "person", ["Реджеп Тайып Ердоған"]),
         ("Shavkat Mirziyoyev", "person", ["Шавкат Мирзиёев"]), ("Ilham Aliyev", "person", ["Ильхам Әлиев"]), ("Shusha", "place", ["Шушада"])],
        [("500 миллион доллар", 500e6, "USD", "exact", "capital of the Turkic Investment Fund", None, None)],
        [("summit", ["Kassym-Jomart Tokayev", "Recep Tayyip Erdoğan", "Shavkat Mirziyoyev", "Ilham Aliyev"], None, "Bishkek", "кезекті саммиті өтті"),
         ("summit", ["Organization of Turkic States"], "2024-07", "Shusha", "бейресми саммиті")]),
    Doc("kk_d5_india-kazakh.txt",
        "ЖАҢА ДЕЛИ, 15 қазан – Қазақстан Сыртқы істер министрі Мұрат Нұртілеу Үндістан Сыртқы істер министрі Субраманьям "
        "Джайшанкармен кездесті. Министрлер Чабахар порты арқылы транзитті талқылады. 2023 жылы екі ел арасындағы "
        "тауар айналымы 1,4 миллиард долларды құрады. Үндістан Премьер-министрі Нарендра Моди Қазақстанға 2015 жылы "
        "сапармен барған болатын.\n",
        "Нұртілеу Джайшанкармен кездесті", "2024-10-15",
        {"name": "unknown", "kind": "other", "country": "KZ"},
        "Dateline without year; the text's latest year is 2023, so October 15 falls in 2024. Modi's 2015 visit is recalled.",
        [("Kazakhstan", "country", ["Қазақстан", "Қазақстанға"]), ("Murat Nurtleu", "person", ["Мұрат Нұртілеу"]),
         ("India", "country", ["Үндістан"]), ("S. Jaishankar", "person", ["Субраманьям Джайшанкармен"]),
         ("Chabahar", "place", ["Чабахар"]), ("Narendra Modi", "person", ["Нарендра Моди"]), ("New Delhi", "place", ["ЖАҢА ДЕЛИ"])],
        [("1,4 миллиард долларды", 1.4e9, "USD", "exact", "Kazakhstan–India trade", "2023", None)],
        [("meeting", ["Murat Nurtleu", "S. Jaishankar"], "2024-10-15", "New Delhi", "кездесті"),
         ("visit", ["Narendra Modi", "Kazakhstan"], "2015", None, "сапармен барған")]),
    Doc("kk_d6_eu-kazakh-hydrogen.txt",
        "Жарияланды: 2024-11-25\n\n"
        "Қазақстан мен Еуропалық одақ сутегі жобасын талқылады\n\n"
        "Энергетика министрі Алмасадам Сәтқалиев Еуропалық одақтың Орталық Азиядағы арнайы өкілі Терхи Хакалаға "
        "жасыл сутегі жобасының барысын таныстырды. Маңғыстау облысындағы Hyrasia One жобасының құны 50 миллиард "
        "долларға бағаланады. Тараптардың Брюссельде желтоқсанда өтуге тиіс кездесуі кейінге шегерілді.\n",
        "Қазақстан мен Еуропалық одақ сутегі жобасын талқылады", "2024-11-25",
        {"name": "unknown", "kind": "other", "country": "KZ"},
        "Kazakh 'Жарияланды:' header. The postponed Brussels meeting keeps 2024-12.",
        [("Kazakhstan", "country", ["Қазақстан"]), ("European Union", "organization", ["Еуропалық одақ", "Еуропалық одақтың"]),
         ("Almasadam Satkaliyev", "person", ["Алмасадам Сәтқалиев"]), ("Central Asia", "place", ["Орталық Азиядағы"]),
         ("Terhi Hakala", "person", ["Терхи Хакалаға"]), ("Mangystau Region", "place", ["Маңғыстау облысындағы"]),
         ("Hyrasia One", "other", ["Hyrasia One"]), ("Brussels", "place", ["Брюссельде"])],
        [("50 миллиард долларға", 50e9, "USD", "exact", "cost of Hyrasia One", None, None)],
        [("meeting", ["Almasadam Satkaliyev", "Terhi Hakala"], "2024-11", None, "таныстырды"),
         ("meeting", [], "2024-12", "Brussels", "шегерілді")]),
]

DOCS = EN + RU + ZH + ZHT + JA + KK

if __name__ == "__main__":
    write_set(Path(__file__).resolve().parent, DOCS)

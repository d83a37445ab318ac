"""Builds gold.json for the second held-out set (hand annotation kept as Python for readability).

Run from anywhere: python tests/heldout2/build_gold.py. Checks that every alias and sentence is
verbatim in its document before writing.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def ent(name, typ, *aliases):
    return {"name": name, "type": typ, "aliases_in_text": list(aliases)}


def fig(text, value, unit, qualifier, subject, period, sentence, value_max=None):
    return {"text": text, "value": value, "value_max": value_max, "unit": unit, "qualifier": qualifier,
            "subject": subject, "period": period, "sentence": sentence}


def ev(typ, participants, date, place, sentence):
    return {"type": typ, "participants": participants, "date": date, "place": place, "sentence": sentence}


DOCS = []

# ---------------------------------------------------------------- zh-Hans
S1 = "本网阿斯塔纳7月4日电　上海合作组织成员国元首理事会会议4日在哈萨克斯坦首都阿斯塔纳举行。"
S2 = "哈萨克斯坦总统托卡耶夫主持会议，中国国家主席习近平、俄罗斯总统普京、巴基斯坦总理夏巴兹·谢里夫等与会。"
S3 = "印度外长苏杰生代表总理莫迪出席。"
S4 = "会议通过《阿斯塔纳宣言》，各方共签署和批准20余份文件，涉及能源、安全、金融和信息等领域。"
S5 = "会议还决定接纳白俄罗斯为正式成员国，上合组织成员国由此增至10个。"
S6 = "白俄罗斯总统卢卡申科在会上表示，明斯克将全面参与组织框架内的各项合作。"
S7 = "托卡耶夫在讲话中说，上合组织成员国人口合计超过30亿，组织应在维护地区安全稳定、打击恐怖主义方面发挥更大作用。"
S8 = "联合国秘书长古特雷斯和土耳其总统埃尔多安等出席了当天举行的“上合+”会议。"
S9 = "此前一天，习近平同托卡耶夫在阿克奥尔达总统府举行会谈，两国元首共同见证签署了多份合作文件。"
S10 = "据中国海关统计，去年中哈贸易额约410亿美元，同比增长约三成。"
S11 = "上海一家智库的中亚问题研究员周立成认为，白俄罗斯加入后，上合组织的版图首次延伸至欧洲，但扩员也会给组织的协商一致原则带来考验。"
S12 = "根据惯例，中国从哈方手中接任轮值主席国，下一届元首理事会会议将于明年在中国举行。"
SCO_MEMBERS_PRESENT = ["Kassym-Jomart Tokayev", "Xi Jinping", "Vladimir Putin", "Shehbaz Sharif"]
DOCS.append({
    "doc": "zh-Hans_sco-astana-summit.txt",
    "title": "上合组织阿斯塔纳峰会闭幕 白俄罗斯成为第十个成员国",
    "published": "2024-07-05",
    "language": "zh-Hans",
    "source": {"name": "丝路观察", "kind": "self-media", "country": "CN"},
    "notes": ("Written for held-out set 2 from public facts (SCO Council of Heads of State, Astana, "
              "4 July 2024; Belarus admitted as the 10th member; Xi–Tokayev talks at Akorda on 3 July; "
              "China–Kazakhstan trade about USD 41bn in 2023, up about 32%). The analyst 周立成 and his "
              "think tank are fictitious; '20余份' is hedged. Published from the '发布时间：2024年7月5日' "
              "header; the dateline '7月4日电' and '4日' -> 2024-07-04; 此前一天 -> 2024-07-03; 去年 -> 2023; "
              "明年 -> 2025. '第十个' in the headline is an ordinal, not a figure; '约三成' is 30 percent approx. "
              "'中哈' and '哈方' are abbreviations inside compounds and are not listed as aliases except "
              "where they stand for Kazakhstan alone ('哈方'). The next summit (in China, 2025) is a planned "
              "summit with the SCO as participant. 'SCO Plus' (上合+) kept as an event_series. The photo "
              "credit (哈萨克斯坦总统府) and source line (丝路观察) are boilerplate."),
    "entities": [
        ent("Shanghai Cooperation Organisation", "organization", "上海合作组织", "上合组织"),
        ent("Astana", "place", "阿斯塔纳"),
        ent("Kazakhstan", "country", "哈萨克斯坦", "哈方"),
        ent("Kassym-Jomart Tokayev", "person", "托卡耶夫"),
        ent("China", "country", "中国"),
        ent("Xi Jinping", "person", "习近平"),
        ent("Russia", "country", "俄罗斯"),
        ent("Vladimir Putin", "person", "普京"),
        ent("Pakistan", "country", "巴基斯坦"),
        ent("Shehbaz Sharif", "person", "夏巴兹·谢里夫"),
        ent("India", "country", "印度"),
        ent("Subrahmanyam Jaishankar", "person", "苏杰生"),
        ent("Narendra Modi", "person", "莫迪"),
        ent("Astana Declaration", "other", "阿斯塔纳宣言"),
        ent("Belarus", "country", "白俄罗斯"),
        ent("Alexander Lukashenko", "person", "卢卡申科"),
        ent("Minsk", "place", "明斯克"),
        ent("United Nations", "organization", "联合国"),
        ent("António Guterres", "person", "古特雷斯"),
        ent("Turkey", "country", "土耳其"),
        ent("Recep Tayyip Erdoğan", "person", "埃尔多安"),
        ent("SCO Plus", "event_series", "上合+"),
        ent("Akorda", "place", "阿克奥尔达总统府"),
        ent("General Administration of Customs of China", "organization", "中国海关"),
        ent("Zhou Licheng", "person", "周立成"),
        ent("Shanghai", "place", "上海"),
        ent("Central Asia", "place", "中亚"),
        ent("Europe", "place", "欧洲"),
    ],
    "figures": [
        fig("20余份", 20, "count", "over", "documents signed and approved at the SCO summit", "2024-07-04", S4),
        fig("10个", 10, "count", "exact", "SCO member states after Belarus joined", "2024-07-04", S5),
        fig("超过30亿", 3000000000, "people", "over", "combined population of SCO member states", None, S7),
        fig("约410亿美元", 41000000000, "USD", "approx", "China–Kazakhstan trade", "2023", S10),
        fig("约三成", 30, "percent", "approx", "year-on-year growth of China–Kazakhstan trade", "2023", S10),
    ],
    "events": [
        ev("summit", SCO_MEMBERS_PRESENT, "2024-07-04", "Astana", S2),
        ev("signing", ["Shanghai Cooperation Organisation"], "2024-07-04", "Astana", S4),
        ev("statement", ["Alexander Lukashenko"], "2024-07-04", "Astana", S6),
        ev("statement", ["Kassym-Jomart Tokayev"], "2024-07-04", "Astana", S7),
        ev("meeting", ["António Guterres", "Recep Tayyip Erdoğan"], "2024-07-04", "Astana", S8),
        ev("meeting", ["Xi Jinping", "Kassym-Jomart Tokayev"], "2024-07-03", "Astana", S9),
        ev("signing", ["Xi Jinping", "Kassym-Jomart Tokayev"], "2024-07-03", "Astana", S9),
        ev("statement", ["Zhou Licheng"], None, None, S11),
        ev("summit", ["Shanghai Cooperation Organisation"], "2025", "China", S12),
    ],
})
_unused = (S1, S3)

# ---------------------------------------------------------------- zh-Hant
T1 = ("【本報綜合報導】全球最大鈾生產國哈薩克的國營企業哈薩克原子能工業公司（Kazatomprom）上週五宣布，"
      "將2025年產量目標下調至2.5萬至2.65萬噸鈾，較原先與政府約定的水準減少約12%至17%。")
T2 = "消息公布後，國際現貨鈾價一度回升至每磅約80美元。"
T3 = "哈薩克的鈾產量約占全球四成，中國則是其最大買家之一。"
T4 = "據業界估計，去年哈國逾五成的鈾出口運往中國，一部分經鐵路直接運抵，其餘則經跨裏海國際運輸路線或俄羅斯聖彼得堡港轉運。"
T5 = "今年7月，中國國家主席習近平對哈薩克進行國事訪問期間，在阿斯塔納與哈薩克總統托卡耶夫會談，兩國元首見證簽署了能源等領域的一系列合作文件。"
T6 = "哈薩克能源部長薩特卡利耶夫上週表示，政府將優先保障已簽訂長期合同的履約，不會因減產而削減對主要合作夥伴的供應。"
T7 = "新加坡能源顧問林志安指出，中國目前有超過50座核電機組在運行，燃料需求持續增加，北京可能加快在非洲及中亞尋找替代貨源，以分散對單一供應國的依賴。"
T8 = "另據了解，原定於下月在阿斯塔納舉行的中哈核能合作協調會議，已延至年底舉行。"
DOCS.append({
    "doc": "zh-Hant_kazakh-uranium-china.txt",
    "title": "哈薩克下調明年鈾產量目標　中國買家密切關注",
    "published": "2024-08-26",
    "language": "zh-Hant",
    "source": {"name": "本報 (unnamed newspaper)", "kind": "newspaper", "country": None},
    "notes": ("Written for held-out set 2 from public facts (Kazatomprom's 23 Aug 2024 cut of its 2025 "
              "production guidance to 25,000–26,500 tU, 12–17% below subsoil-use levels, citing sulphuric "
              "acid shortages and delays at new deposits; Xi's state visit to Kazakhstan in July 2024). "
              "The '逾五成' share of exports to China is hedged as an industry estimate; the minister's "
              "remark, the analyst 林志安 and the postponed nuclear coordination meeting are composed. "
              "Published from the '2024年8月26日　星期一' header; 上週五 -> 2024-08-23; 上週 -> 2024-08 "
              "(week of 19–23 Aug); 去年 -> 2023; 今年7月 -> 2024-07; 下月 -> 2024-09 and 年底 -> the "
              "meeting is dated 2024 only. '2.5萬至2.65萬噸' and '約12%至17%' are ranges (value/value_max); "
              "'四成'/'逾五成' are 40/50 percent. The uranium price is per pound (USD 80 approx). "
              "'哈國' is an alias of Kazakhstan; '北京' (Beijing, metonymic) kept as its own place. "
              "Kazatomprom in the photo credit is boilerplate; it is annotated from the body text."),
    "entities": [
        ent("Kazakhstan", "country", "哈薩克", "哈國"),
        ent("Kazatomprom", "organization", "哈薩克原子能工業公司", "Kazatomprom"),
        ent("China", "country", "中國"),
        ent("China General Nuclear Power Group", "organization", "中國廣核集團"),
        ent("China National Nuclear Corporation", "organization", "中國核工業集團"),
        ent("Middle Corridor", "other", "跨裏海國際運輸路線"),
        ent("Russia", "country", "俄羅斯"),
        ent("Saint Petersburg", "place", "聖彼得堡"),
        ent("Xi Jinping", "person", "習近平"),
        ent("Astana", "place", "阿斯塔納"),
        ent("Kassym-Jomart Tokayev", "person", "托卡耶夫"),
        ent("Almasadam Satkaliyev", "person", "薩特卡利耶夫"),
        ent("Lin Zhi'an", "person", "林志安"),
        ent("Singapore", "country", "新加坡"),
        ent("Beijing", "place", "北京"),
        ent("Africa", "place", "非洲"),
        ent("Central Asia", "place", "中亞"),
    ],
    "figures": [
        fig("2.5萬至2.65萬噸", 25000, "tonne", "range", "Kazatomprom 2025 uranium production target", "2025", T1,
            value_max=26500),
        fig("約12%至17%", 12, "percent", "range", "cut against the previously agreed production level", "2025", T1,
            value_max=17),
        fig("約80美元", 80, "USD", "approx", "spot uranium price per pound", "2024-08", T2),
        fig("四成", 40, "percent", "approx", "Kazakhstan's share of world uranium production", None, T3),
        fig("逾五成", 50, "percent", "over", "share of Kazakhstan's uranium exports shipped to China", "2023", T4),
        fig("超過50座", 50, "count", "over", "nuclear power units operating in China", "2024-08", T7),
    ],
    "events": [
        ev("statement", ["Kazatomprom"], "2024-08-23", None, T1),
        ev("visit", ["Xi Jinping", "Kazakhstan"], "2024-07", "Kazakhstan", T5),
        ev("meeting", ["Xi Jinping", "Kassym-Jomart Tokayev"], "2024-07", "Astana", T5),
        ev("signing", ["Xi Jinping", "Kassym-Jomart Tokayev"], "2024-07", "Astana", T5),
        ev("statement", ["Almasadam Satkaliyev"], "2024-08", None, T6),
        ev("statement", ["Lin Zhi'an"], None, None, T7),
        ev("meeting", ["China", "Kazakhstan"], "2024", "Astana", T8),
    ],
})

# ---------------------------------------------------------------- en
E1 = ("HERAT, Afghanistan, Sept 11 – Turkmenistan and Afghanistan's Taliban administration on Wednesday launched "
      "work on the Afghan section of the Turkmenistan–Afghanistan–Pakistan–India (TAPI) gas pipeline, a project "
      "first mooted in the 1990s.")
E2 = ("Gurbanguly Berdimuhamedov, chairman of Turkmenistan's People's Council and father of President Serdar "
      "Berdimuhamedov, joined Taliban Prime Minister Mohammad Hassan Akhund at a ceremony near the border town "
      "of Serhetabat.")
E3 = ("The 1,814-km pipeline is designed to carry up to 33 billion cubic metres of gas a year from Turkmenistan's "
      "Galkynysh field, one of the largest in the world.")
E4 = "About 800 km of the route crosses Afghanistan, passing Herat and Kandahar."
E5 = "Under the original plan, Pakistan and India would each take 42% of the gas and Afghanistan 16%."
E6 = "The cost of the project has been estimated at about $10 billion."
E7 = ("During the visit, the two sides signed at least three agreements, including on a railway link to Herat "
      "and a power transmission line, Turkmen state media reported.")
E8 = "Pakistan's foreign ministry said on Wednesday that Islamabad remained committed to TAPI."
E9 = ("\"Security along the Herat–Kandahar corridor is still the main risk, and India will not put money in "
      "while its relations with Pakistan stay frozen,\" said Daniel Marsh, an energy analyst at the consultancy "
      "Caspian Frontier Research.")
E10 = ("A meeting of the four countries' steering committee, originally planned for October in Ashgabat, has "
       "been postponed until next year, two officials said.")
DOCS.append({
    "doc": "en_tapi-pipeline-herat.txt",
    "title": "TAPI gas pipeline breaks ground in Afghanistan after decades of delay",
    "published": "2024-09-12",
    "language": "en",
    "source": {"name": "unnamed wire (staff)", "kind": "news-agency", "country": None},
    "notes": ("Written for held-out set 2 from public facts (start of work on the Afghan section of TAPI "
              "near Serhetabat/Herat on 11 Sept 2024 with Gurbanguly Berdimuhamedov and Taliban PM "
              "Mohammad Hassan Akhund; 1,814 km, 33 bcm/yr, Galkynysh; 42/42/16% offtake split; ADB as "
              "transaction adviser). The 'at least three agreements', the Pakistani statement, the analyst "
              "Daniel Marsh and his consultancy, and the postponed steering-committee meeting are composed. "
              "Published from 'Published: 12 September 2024'; dateline 'Sept 11' and 'on Wednesday' -> "
              "2024-09-11; 'next year' -> 2025. '42%' is stated once for two countries and is one figure. "
              "'the 1990s' is a decade, not a figure. The ceremony is annotated twice: as 'other' (the launch, "
              "countries/Taliban) and as a 'meeting' of the two named leaders. Taliban is an organization; "
              "'Turkmen state media' is not a named entity; 'TDH' appears only in the photo credit and is not "
              "annotated. Islamabad and New Delhi (metonymic) are kept as places."),
    "entities": [
        ent("Herat", "place", "HERAT", "Herat"),
        ent("Afghanistan", "country", "Afghanistan", "Afghan"),
        ent("Turkmenistan", "country", "Turkmenistan", "Turkmen"),
        ent("Taliban", "organization", "Taliban"),
        ent("TAPI pipeline", "other", "TAPI gas pipeline",
            "Turkmenistan–Afghanistan–Pakistan–India (TAPI) gas pipeline", "TAPI"),
        ent("Pakistan", "country", "Pakistan"),
        ent("India", "country", "India"),
        ent("Gurbanguly Berdimuhamedov", "person", "Gurbanguly Berdimuhamedov"),
        ent("Halk Maslahaty", "organization", "People's Council"),
        ent("Serdar Berdimuhamedov", "person", "Serdar Berdimuhamedov"),
        ent("Mohammad Hassan Akhund", "person", "Mohammad Hassan Akhund"),
        ent("Serhetabat", "place", "Serhetabat"),
        ent("Galkynysh gas field", "place", "Galkynysh field"),
        ent("Kandahar", "place", "Kandahar"),
        ent("Asian Development Bank", "organization", "Asian Development Bank"),
        ent("Ministry of Foreign Affairs of Pakistan", "organization", "Pakistan's foreign ministry"),
        ent("Islamabad", "place", "Islamabad"),
        ent("New Delhi", "place", "New Delhi"),
        ent("Daniel Marsh", "person", "Daniel Marsh"),
        ent("Caspian Frontier Research", "organization", "Caspian Frontier Research"),
        ent("Ashgabat", "place", "Ashgabat"),
    ],
    "figures": [
        fig("1,814-km", 1814, "other:km", "exact", "length of the TAPI pipeline", None, E3),
        fig("up to 33 billion cubic metres", 33000000000, "other:m3", "at_most",
            "designed annual gas capacity of TAPI", None, E3),
        fig("About 800 km", 800, "other:km", "approx", "length of the route across Afghanistan", None, E4),
        fig("42%", 42, "percent", "exact", "share of TAPI gas for Pakistan and for India each", None, E5),
        fig("16%", 16, "percent", "exact", "share of TAPI gas for Afghanistan", None, E5),
        fig("about $10 billion", 10000000000, "USD", "approx", "estimated cost of TAPI", None, E6),
        fig("at least three agreements", 3, "count", "at_least",
            "agreements signed by Turkmenistan and Afghanistan during the visit", "2024-09-11", E7),
    ],
    "events": [
        ev("other", ["Turkmenistan", "Taliban"], "2024-09-11", "Herat", E1),
        ev("meeting", ["Gurbanguly Berdimuhamedov", "Mohammad Hassan Akhund"], "2024-09-11", "Serhetabat", E2),
        ev("signing", ["Turkmenistan", "Afghanistan"], "2024-09-11", None, E7),
        ev("statement", ["Ministry of Foreign Affairs of Pakistan"], "2024-09-11", None, E8),
        ev("statement", ["Daniel Marsh"], None, None, E9),
        ev("meeting", ["Turkmenistan", "Afghanistan", "Pakistan", "India"], "2025", "Ashgabat", E10),
    ],
})

# ---------------------------------------------------------------- ru
R1 = ("АСТАНА, 18 февраля 2025 г. — Казахстан внимательно следит за последствиями атаки беспилотников на "
      "нефтеперекачивающую станцию «Кропоткинская» Каспийского трубопроводного консорциума (КТК), заявили во "
      "вторник в Министерстве энергетики республики.")
R2 = "Накануне станцию в Краснодарском крае атаковали семь беспилотников, сообщили в консорциуме."
R3 = "По данным «Транснефти», прокачка нефти по системе КТК может сократиться примерно на 30% на срок до двух месяцев."
R4 = ("Трубопровод протяжённостью около 1500 км соединяет казахстанское месторождение Тенгиз с морским терминалом "
      "под Новороссийском.")
R5 = "Через него экспортируется около 80% казахстанской нефти."
R6 = "В прошлом году КТК отгрузил порядка 63 млн тонн нефти."
R7 = ("Акционерами консорциума являются Россия, Казахстан и ряд международных компаний: российская доля составляет "
      "31%, доля «КазМунайГаза» — 19%, американской Chevron — 15%.")
R8 = ("Министр энергетики Казахстана Алмасадам Саткалиев сообщил, что добыча на Тенгизе и Кашагане пока не "
      "снижена, однако правительство прорабатывает альтернативные маршруты экспорта, включая нефтепровод "
      "Атырау — Самара и поставки через Баку.")
R9 = ("В МИД Казахстана заявили, что рассчитывают на недопущение подобных инцидентов, поскольку КТК остаётся "
      "важнейшим маршрутом поставок для мировых рынков.")
R10 = ("Аналитик алматинской консалтинговой компании «Каспий Энерджи Ресерч» Тимур Искаков считает, что даже "
       "частичное сокращение прокачки обойдётся казахстанскому бюджету в сотни миллионов долларов.")
R11 = ("Запланированное на март заседание совета акционеров КТК в Москве, по информации источников, может быть "
       "перенесено на более поздний срок.")
DOCS.append({
    "doc": "ru_cpc-pipeline-drone-attack.txt",
    "title": "Атака беспилотников на станцию «Кропоткинская» КТК (no headline; first sentence)",
    "published": "2025-02-18",
    "language": "ru",
    "source": {"name": "unnamed outlet", "kind": "news-agency", "country": "KZ"},
    "notes": ("Written for held-out set 2 from public facts (drone attack on the CPC Kropotkinskaya pumping "
              "station, Krasnodar Krai, 17 Feb 2025; Transneft's estimate of up to ~30% lower flow; CPC "
              "carries about 80% of Kazakh oil exports; shareholder stakes Russia 31%, KazMunayGas 19%, "
              "Chevron 15%; 2024 shipments hedged as 'порядка 63 млн тонн'). The ministry and MFA wording, "
              "Satkaliyev's remark, the analyst Тимур Искаков and his firm, and the possibly postponed "
              "shareholders' meeting are composed. The document has no headline. Published from the "
              "dateline 'АСТАНА, 18 февраля 2025 г.'; 'во вторник' -> 2025-02-18; 'Накануне' -> 2025-02-17; "
              "'В прошлом году' -> 2024; 'на март' -> 2025-03. 'до двух месяцев' is a duration and 'сотни "
              "миллионов долларов' is too vague to be a figure. 'Каспийского трубопроводного консорциума' "
              "and 'КТК' are the CPC; 'консорциума'/'консорциуме' are generic references and not aliases. "
              "The adjectives 'алматинской' and 'американской' are not annotated as Almaty/United States. "
              "The photo credit (пресс-служба КТК) is boilerplate."),
    "entities": [
        ent("Astana", "place", "АСТАНА"),
        ent("Kazakhstan", "country", "Казахстан", "Казахстана"),
        ent("Caspian Pipeline Consortium", "organization", "Каспийского трубопроводного консорциума", "КТК"),
        ent("Kropotkinskaya pumping station", "place", "Кропоткинская"),
        ent("Ministry of Energy of Kazakhstan", "organization", "Министерстве энергетики республики"),
        ent("Krasnodar Krai", "place", "Краснодарском крае"),
        ent("Transneft", "organization", "Транснефти"),
        ent("Tengiz field", "place", "Тенгиз", "Тенгизе"),
        ent("Novorossiysk", "place", "Новороссийском"),
        ent("Russia", "country", "Россия", "России"),
        ent("KazMunayGas", "organization", "КазМунайГаза"),
        ent("Chevron", "organization", "Chevron"),
        ent("Almasadam Satkaliyev", "person", "Алмасадам Саткалиев"),
        ent("Kashagan field", "place", "Кашагане"),
        ent("Atyrau–Samara pipeline", "other", "Атырау — Самара"),
        ent("Baku", "place", "Баку"),
        ent("Ministry of Foreign Affairs of Kazakhstan", "organization", "МИД Казахстана"),
        ent("Caspian Energy Research", "organization", "Каспий Энерджи Ресерч"),
        ent("Timur Iskakov", "person", "Тимур Искаков"),
        ent("Moscow", "place", "Москве"),
    ],
    "figures": [
        fig("семь беспилотников", 7, "count", "exact", "drones that attacked the Kropotkinskaya station",
            "2025-02-17", R2),
        fig("примерно на 30%", 30, "percent", "approx", "possible reduction of CPC oil throughput", "2025", R3),
        fig("около 1500 км", 1500, "other:km", "approx", "length of the CPC pipeline", None, R4),
        fig("около 80%", 80, "percent", "approx", "share of Kazakh oil exported via CPC", None, R5),
        fig("порядка 63 млн тонн", 63000000, "tonne", "approx", "oil shipped by CPC", "2024", R6),
        fig("31%", 31, "percent", "exact", "Russia's stake in CPC", None, R7),
        fig("19%", 19, "percent", "exact", "KazMunayGas stake in CPC", None, R7),
        fig("15%", 15, "percent", "exact", "Chevron stake in CPC", None, R7),
    ],
    "events": [
        ev("statement", ["Ministry of Energy of Kazakhstan"], "2025-02-18", "Astana", R1),
        ev("statement", ["Caspian Pipeline Consortium"], "2025-02-17", None, R2),
        ev("statement", ["Transneft"], None, None, R3),
        ev("statement", ["Almasadam Satkaliyev"], None, None, R8),
        ev("statement", ["Ministry of Foreign Affairs of Kazakhstan"], None, None, R9),
        ev("statement", ["Timur Iskakov"], None, None, R10),
        ev("meeting", ["Caspian Pipeline Consortium"], "2025-03", "Moscow", R11),
    ],
})

# ---------------------------------------------------------------- ja
J1 = "【東京】公式訪問中のウズベキスタンのシャフカト・ミルジヨエフ大統領は19日、首相官邸で安倍晋三首相と会談した。"
J2 = "両首脳は、両国の戦略的パートナーシップを一層深化・拡大させるための共同声明に署名した。"
J3 = "安倍首相は、ミルジヨエフ政権が進める経済改革を日本として全面的に支援していく考えを伝えた。"
J4 = "首脳会談に合わせ、国際協力銀行（JBIC）や国際協力機構（JICA）とウズベク側の政府機関・企業との間で20件を超える文書が交わされた。"
J5 = "ウズベク側は、合意した案件の総額が約38億ドルに上ると発表した。"
J6 = "日本はこれまで、ウズベキスタンの火力発電所や鉄道の近代化などに円借款を供与しており、その累計額は2000億円を超える。"
J7 = "ウズベキスタンは人口約3300万人を抱える中央アジア最大の人口国で、昨年は約5％の経済成長を記録した。"
J8 = "安倍首相は2015年10月にタシケントを訪れ、当時のカリモフ大統領と会談している。"
J9 = "菅義偉官房長官は19日午後の記者会見で、「中央アジアの要であるウズベキスタンとの関係強化は、地域全体の安定に資する」と述べた。"
J10 = "両政府は、来年東京で開催予定の「中央アジア＋日本」対話の外相会合に向けても連携を確認した。"
J11 = ("中央アジア情勢に詳しい国際開発コンサルタントの田中浩一氏は「日本は中国やロシアと投資の規模で競うのは難しいが、"
       "人材育成や質の高いインフラで存在感を示せる」と分析している。")
DOCS.append({
    "doc": "ja_mirziyoyev-japan-visit.txt",
    "title": "ウズベキスタン大統領、就任後初の訪日　安倍首相と会談",
    "published": "2019-12-20",
    "language": "ja",
    "source": {"name": "unnamed newspaper", "kind": "newspaper", "country": "JP"},
    "notes": ("Written for held-out set 2 from public facts (Mirziyoyev's first visit to Japan as president, "
              "talks with Abe at the Kantei on 19 Dec 2019 and a joint statement on deepening the strategic "
              "partnership; Abe's Oct 2015 visit to Tashkent and talks with Karimov). The '20件を超える' "
              "documents, the USD 3.8bn total (attributed to the Uzbek side), the cumulative yen-loan figure, "
              "Abe's and Suga's wording, the planned Tokyo foreign ministers' meeting and the consultant "
              "田中浩一 (fictitious) are composed/hedged. Published from the first line '2019年12月20日'; "
              "19日 -> 2019-12-19; 昨年 -> 2018; 来年 -> 2020. The visit itself is dated 2019-12. 'ウズベク側' "
              "is an alias of Uzbekistan. 首相官邸 is recorded as a place ('Prime Minister's Office of Japan'); "
              "its occurrence in the photo credit is boilerplate. '就任後初' is not a figure."),
    "entities": [
        ent("Tokyo", "place", "東京"),
        ent("Uzbekistan", "country", "ウズベキスタン", "ウズベク"),
        ent("Shavkat Mirziyoyev", "person", "シャフカト・ミルジヨエフ", "ミルジヨエフ"),
        ent("Prime Minister's Office of Japan", "place", "首相官邸"),
        ent("Shinzo Abe", "person", "安倍晋三", "安倍"),
        ent("Japan", "country", "日本"),
        ent("Central Asia", "place", "中央アジア"),
        ent("JBIC", "organization", "国際協力銀行", "JBIC"),
        ent("JICA", "organization", "国際協力機構", "JICA"),
        ent("Tashkent", "place", "タシケント"),
        ent("Islam Karimov", "person", "カリモフ"),
        ent("Yoshihide Suga", "person", "菅義偉"),
        ent("Central Asia plus Japan Dialogue", "event_series", "「中央アジア＋日本」対話", "中央アジア＋日本"),
        ent("Koichi Tanaka", "person", "田中浩一"),
        ent("China", "country", "中国"),
        ent("Russia", "country", "ロシア"),
    ],
    "figures": [
        fig("20件を超える", 20, "count", "over", "documents exchanged alongside the summit", "2019-12-19", J4),
        fig("約38億ドル", 3800000000, "USD", "approx", "total value of agreed projects (Uzbek figure)", "2019-12", J5),
        fig("2000億円を超える", 200000000000, "JPY", "over", "cumulative Japanese yen loans to Uzbekistan", None, J6),
        fig("約3300万人", 33000000, "people", "approx", "population of Uzbekistan", "2019", J7),
        fig("約5％", 5, "percent", "approx", "Uzbekistan's economic growth", "2018", J7),
    ],
    "events": [
        ev("meeting", ["Shavkat Mirziyoyev", "Shinzo Abe"], "2019-12-19", "Tokyo", J1),
        ev("visit", ["Shavkat Mirziyoyev", "Japan"], "2019-12", "Japan", J1),
        ev("signing", ["Shavkat Mirziyoyev", "Shinzo Abe"], "2019-12-19", "Tokyo", J2),
        ev("statement", ["Shinzo Abe"], "2019-12-19", "Tokyo", J3),
        ev("signing", ["JBIC", "JICA", "Uzbekistan"], "2019-12-19", "Tokyo", J4),
        ev("statement", ["Uzbekistan"], "2019-12", None, J5),
        ev("visit", ["Shinzo Abe", "Uzbekistan"], "2015-10", "Tashkent", J8),
        ev("meeting", ["Shinzo Abe", "Islam Karimov"], "2015-10", "Tashkent", J8),
        ev("statement", ["Yoshihide Suga"], "2019-12-19", "Tokyo", J9),
        ev("meeting", ["Japan", "Uzbekistan"], "2020", "Tokyo", J10),
        ev("statement", ["Koichi Tanaka"], None, None, J11),
    ],
})

# ---------------------------------------------------------------- kk
K1 = ("Кеше Бішкек шаһарында Қазақстан, Қырғызстан және Өзбекстанның энергетика министрлері Нарын өзеніндегі "
      "Қамбар-Ата-1 су электр станциясының құрылысы жөнінде кездесу өткізді.")
K2 = ("Кездесуге Қазақстанның энергетика министрі Алмасадам Сәтқалиев, Қырғызстанның энергетика министрі "
      "Таалайбек Ибраев және Өзбекстанның энергетика министрі Жорабек Мырзамахмұдов қатысты.")
K3 = "Министрлер үшжақты келісімнің мәтінін талқылап, жобаны бірлесіп іске асыру туралы екі құжатқа қол қойды."
K4 = "Жоспар бойынша станцияның белгіленген қуаты 1860 МВт болады, ал бөгетінің биіктігі шамамен 256 метрге жетеді."
K5 = "Станцияның жылдық өндірісі шамамен 5,6 млрд кВт·сағ болады деп жоспарлануда."
K6 = "Жобаның құны 3 млрд доллардан асады деп бағаланып отыр."
K7 = "Техникалық-экономикалық негіздеме Дүниежүзілік банктің қолдауымен әзірленуде."
K8 = "Бастапқыда өткен жылдың желтоқсанына жоспарланған инвесторлар конференциясы биылғы сәуірге шегерілді."
K9 = "Қырғызстан Президенті Садыр Жапаров бұған дейін Қамбар-Ата-1 құрылысын республика үшін «ғасыр жобасы» деп атаған болатын."
K10 = ("Станция іске қосылса, Қырғызстан қыста электр энергиясын өзі өндіріп, жазда Тоқтоғұл су қоймасынан "
       "Қазақстан мен Өзбекстанға егіс алқаптарын суаруға көбірек су жібере алады.")
K11 = "Өткен жылы Қырғызстан тұтынған электр энергиясының шамамен 20%-ын импорттады."
K12 = "Құрылыс кезінде 3 мыңнан астам жұмыс орны ашылады деп күтілуде."
K13 = ("Энергетика сарапшысы Ерлан Жұмабаев: «Су мен энергия алмасуы – Орталық Азиядағы ең нәзік тақырыптардың бірі. "
       "Инвесторлар үш елдің нақты қаржылық міндеттемелерін күтіп отыр», – деді.")
MINISTERS = ["Almasadam Satkaliyev", "Taalaibek Ibraev", "Jurabek Mirzamakhmudov"]
DOCS.append({
    "doc": "kk_kambarata-hpp.txt",
    "title": "Қамбар-Ата-1 ГЭС: инвесторлар конференциясы көктемге шегерілді",
    "published": "2025-01-15",
    "language": "kk",
    "source": {"name": "unnamed outlet", "kind": "news-agency", "country": "KZ"},
    "notes": ("Written for held-out set 2 from public facts about the Kambarata-1 HPP on the Naryn "
              "(Kazakhstan–Kyrgyzstan–Uzbekistan project; 1,860 MW; dam about 256 m; about 5.6 bn kWh a year; "
              "World Bank support for the feasibility study; Japarov's backing). The Bishkek ministers' "
              "meeting of 14 Jan 2025, its two documents, the postponed investors' conference, the cost "
              "floor, the 20% import share, the 3,000 jobs and the analyst Ерлан Жұмабаев (fictitious) are "
              "composed/hedged. Published from the dateline 'Бішкек, 15 қаңтар 2025 ж.'; Кеше -> 2025-01-14; "
              "өткен жылдың желтоқсанына -> 2024-12 (original date); биылғы сәуірге -> 2025-04; Өткен жылы -> "
              "2024. Inflected forms (Қазақстанның, Өзбекстанға, Бішкек шаһарында, банктің, Азиядағы) are "
              "recorded as aliases where that is the surface form. 'үш елдің' / 'үшжақты' are not figures. "
              "MW, m and kWh are recorded as other:MW, other:m, other:kWh. The photo credit (Қырғызстан "
              "Энергетика министрлігі) is boilerplate."),
    "entities": [
        ent("Bishkek", "place", "Бішкек"),
        ent("Kambarata-1 Hydropower Plant", "other", "Қамбар-Ата-1 ГЭС", "Қамбар-Ата-1 су электр станциясының",
            "Қамбар-Ата-1"),
        ent("Kazakhstan", "country", "Қазақстан", "Қазақстанның"),
        ent("Kyrgyzstan", "country", "Қырғызстан", "Қырғызстанның"),
        ent("Uzbekistan", "country", "Өзбекстанның", "Өзбекстанға"),
        ent("Naryn River", "place", "Нарын өзеніндегі"),
        ent("Almasadam Satkaliyev", "person", "Алмасадам Сәтқалиев"),
        ent("Taalaibek Ibraev", "person", "Таалайбек Ибраев"),
        ent("Jurabek Mirzamakhmudov", "person", "Жорабек Мырзамахмұдов"),
        ent("World Bank", "organization", "Дүниежүзілік банктің"),
        ent("Sadyr Japarov", "person", "Садыр Жапаров"),
        ent("Toktogul Reservoir", "place", "Тоқтоғұл су қоймасынан"),
        ent("Yerlan Zhumabayev", "person", "Ерлан Жұмабаев"),
        ent("Central Asia", "place", "Орталық Азиядағы"),
    ],
    "figures": [
        fig("екі құжатқа", 2, "count", "exact", "documents signed by the three energy ministers", "2025-01-14", K3),
        fig("1860 МВт", 1860, "other:MW", "exact", "installed capacity of Kambarata-1", None, K4),
        fig("шамамен 256 метрге", 256, "other:m", "approx", "height of the Kambarata-1 dam", None, K4),
        fig("шамамен 5,6 млрд кВт·сағ", 5600000000, "other:kWh", "approx",
            "annual electricity output of Kambarata-1", None, K5),
        fig("3 млрд доллардан асады", 3000000000, "USD", "over", "estimated cost of Kambarata-1", None, K6),
        fig("шамамен 20%-ын", 20, "percent", "approx", "share of Kyrgyzstan's electricity consumption imported",
            "2024", K11),
        fig("3 мыңнан астам", 3000, "count", "over", "jobs expected during construction", None, K12),
    ],
    "events": [
        ev("meeting", MINISTERS, "2025-01-14", "Bishkek", K2),
        ev("signing", MINISTERS, "2025-01-14", "Bishkek", K3),
        ev("forum", [], "2025-04", None, K8),
        ev("statement", ["Sadyr Japarov"], None, None, K9),
        ev("statement", ["Yerlan Zhumabayev"], None, None, K13),
    ],
})
_unused_kk = (K1, K7, K10)


def check(docs):
    problems = []
    for g in docs:
        text = (HERE / g["doc"]).read_text("utf-8")
        names = {e["name"] for e in g["entities"]}
        for e in g["entities"]:
            for a in e["aliases_in_text"]:
                if a not in text:
                    problems.append((g["doc"], "alias", a))
        for x in g["figures"] + g["events"]:
            if x["sentence"] not in text:
                problems.append((g["doc"], "sentence", x["sentence"][:40]))
        for x in g["events"]:
            for p in x["participants"]:
                if p not in names:
                    problems.append((g["doc"], "participant not an entity", p))
    return problems


if __name__ == "__main__":
    bad = check(DOCS)
    for b in bad:
        print(b)
    assert not bad
    (HERE / "gold.json").write_text(json.dumps(DOCS, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"wrote {len(DOCS)} documents")

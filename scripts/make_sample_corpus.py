"""Regenerate attache's bundled sample corpus in ``attache/data/sample/``.

The sample corpus is a small set of short news items, a research brief, an AI
digest, a feed and a web capture about Japan - Central Asia (above all
Kazakhstan) relations 2022-2025.  Every text was written for attache in its
own words from publicly reported facts; people and organisations marked as
fictional in ``docs/sample-corpus.md`` are invented so that entity
discovery can be tested.  Nothing here is copied from the seed documents.

The script writes every corpus file (text files in their intended encodings,
Markdown, HTML, the RSS feed, the WARC capture and the PDF) plus
``MANIFEST.json``.  ``docs/sample-corpus.md`` is written by hand and is
not touched.  Output is deterministic: running the script twice gives
byte-identical files.

Usage::

    python scripts/make_sample_corpus.py            # write the folder
    python scripts/make_sample_corpus.py --check    # write, then verify

Requirements (only to regenerate, not to use the corpus):

* Python packages ``fpdf2`` (PDF) and ``warcio`` (WARC); ``--check`` also
  uses ``pypdf``, ``pdfminer.six``, ``feedparser`` and ``trafilatura``.
* A TrueType (glyf-outline) CJK font that also covers Latin letters, digits
  and CJK punctuation, for the PDF text layer.  The script uses
  ``/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc`` (face 0, "WenQuanYi Zen
  Hei") from the Debian package ``fonts-wqy-zenhei``
  (``apt-get install fonts-wqy-zenhei``); another TrueType file can be given
  with the environment variable ``ATTACHE_CJK_TTF``.  (DroidSansFallbackFull
  from ``fonts-droid-fallback`` is TrueType too but lacks ASCII digits and
  letters.)  Do not use an OpenType/CFF CJK font (e.g. Noto Sans
  CJK .otf): pdfminer.six then extracts no text and pypdf extracts
  NUL-interleaved garbage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "attache" / "data" / "sample"
FONT = os.environ.get(
    "ATTACHE_CJK_TTF", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
)

# Made-up grounding-redirect tokens for the AI digest (they resolve nowhere).
_REDIRECT = "https://vertexaisearch.cloud.google.com/grounding-api-redirect/"
R1 = _REDIRECT + "AUZIYQHq7Rk2xWm9TfaLcP0vNdE4bYs8GjUo1KiZr3QwXe5VyBn6MtHa2Lp-Cd7Fg0Ju4Ks9Oe1Wr_Qt8Yz"
R2 = _REDIRECT + "AUZIYQFm3Tc8Ny1Rv6Lb0XpKd5Wq2Hs9Ge4Za7Uj-Mo3Ci8Vt1Ey6Bn0Ql5Rw2Pk9Sd4Ah7Gf_Jx3Nz1Lc=="
R3 = _REDIRECT + "AUZIYQGw5Ks2Pd9Xe3Bn7Vm1Tq6Lh0Rj4Yc8Fa2Zu5No9Mi3Ge7Ob1Ws6Qt0Dk4Hl8Cp2Ef_Ry5Vx9Ua3Sb"
R4 = _REDIRECT + "AUZIYQEb8Nh3Qr6Tz1Wy4Kc9Pm2Ls7Xd0Vg5Ja8Ue3Fo6Ri1Mt4Hk9Bq2Yn7Cw0Za5Gs8Dv_Lp1Ex4Oj7"
R5 = _REDIRECT + "AUZIYQDt2Wp7Le4Hy9Rb0Nc3Sk6Mq1Zf8Vu5Xg2Ja7Oi4Td9Cs0Pw6Yh3Kn1Bm8Gv5El_Qr2Ux7Fz4Io9A="
R6 = _REDIRECT + "AUZIYQCk9Ze4Ma1Vr6Tn3Pw8Lb5Qy0Xs7Hd2Uf9Gj4Oc1Ri6Et3Wm8Kp5Yl0Bv7Nq2Ds_Fh9Cx4Jg1Ao6S"

# ---------------------------------------------------------------------------
# 1. zh-Hans, UTF-8, seed-style " date YYYY-MM-DD <title>" header line.
# ---------------------------------------------------------------------------
KAZINFORM_ZH = """\
 date 2025-12-20 托卡耶夫访日：从皇居到首相官邸

哈萨克斯坦总统托卡耶夫12月17日抵达东京，开始对日本进行正式访问，并将出席首届“中亚+日本”峰会。

12月18日，德仁天皇在皇居会见托卡耶夫。双方回顾了两国自1992年建交以来的交往，天皇还对哈萨克斯坦去年春季遭受的严重洪灾表示慰问，并同总统谈到了水资源问题。

Фото: Ақорда

当天晚些时候，托卡耶夫在首相官邸同日本首相高市早苗举行会谈。双方讨论了贸易投资、交通物流、能源和关键矿产等议题。会谈结束后，两国签署了14项政府间协议。

据哈方介绍，访问期间两国政府部门和企业共签署60余份文件，商业协议总额超过37亿美元，涉及采矿、机械制造、化工、医疗和数字化等领域。

托卡耶夫在会谈中说，日本是哈萨克斯坦在亚洲最重要的伙伴之一。自1993年以来，日本对哈直接投资累计超过85亿美元，目前约有60家日本企业在哈经营。去年两国贸易额接近20亿美元。

高市早苗表示，日本重视哈萨克斯坦作为中亚稳定力量的作用，愿在稀土等关键矿产供应链、铀和和平利用核能等领域扩大合作，并支持跨里海国际运输走廊的发展。

Фото: Ақорда

分析人士认为，托卡耶夫在峰会开幕前先行抵达，以双边会谈为峰会定调，说明哈方希望在“中亚+日本”框架内发挥牵头作用。今天（20日），首届“中亚+日本”峰会在东京举行。

【编译：阿依达娜·努尔兰】
"""

# ---------------------------------------------------------------------------
# 2. zh-Hans, GBK, seed-style 版次/日期/主题/来源 header block.  Story S1.
# ---------------------------------------------------------------------------
KYODO_ZH = """\
版次: 国际（v2）
日期: 2025-12-20
主题: 首届“中亚+日本”峰会在东京举行 通过《东京宣言》
来源: https://china.kyodonews.net/news/2025/12/central-asia-japan-summit-tokyo.html

# 首届“中亚+日本”峰会在东京举行

【共同社12月20日电】日本与中亚五国20日在东京举行首届“中亚+日本”首脑峰会，日本首相高市早苗主持会议。哈萨克斯坦总统托卡耶夫、吉尔吉斯斯坦总统扎帕罗夫、塔吉克斯坦总统拉赫蒙、土库曼斯坦总统谢尔达尔·别尔德穆哈梅多夫和乌兹别克斯坦总统米尔济约耶夫出席。

会议通过了《东京宣言》，各方同意在关键矿产、交通物流、人工智能和人才培养等领域加强合作。与会领导人商定，下届峰会将在哈萨克斯坦举行。

“中亚+日本”对话机制于2004年启动，此前主要以外长会议形式运作。去年8月，时任首相岸田文雄原计划在阿斯塔纳出席首次峰会，但日本气象厅发布南海海槽巨大地震注意信息后，行程临时取消。

托卡耶夫在峰会上发言说，亚欧之间陆路货运的八成以上经过哈萨克斯坦。他欢迎日本政府决定参与改善里海阿克套港的通关手续，并希望日本企业参与“中间走廊”沿线的铁路、港口和物流设施建设。他还提议在阿斯塔纳举办“中亚+日本”应用科学家会议。

峰会前，托卡耶夫于18日同高市早苗举行会谈，两国签署了14项政府间协议。据哈方统计，日本对哈累计投资已超过85亿美元。

峰会期间，日本经济产业省还举办了商务论坛，多家日本商社和制造企业参加。
"""

# ---------------------------------------------------------------------------
# 3. zh-Hant, Big5: reprint of story S1 with small edits (Liberty Times).
# ---------------------------------------------------------------------------
LTN_ZHT = """\
首屆「中亞+日本」峰會東京登場 通過《東京宣言》
自由時報 2025-12-21 國際新聞（轉載共同社）

〔國際新聞中心／綜合報導〕日本與中亞五國20日在東京舉行首屆「中亞+日本」首腦峰會，由日本首相高市早苗主持。哈薩克總統托卡耶夫、吉爾吉斯總統扎帕羅夫、塔吉克總統拉赫蒙、土庫曼總統謝爾達爾·別爾德穆哈梅多夫和烏茲別克總統米爾濟約耶夫出席。

會議通過《東京宣言》，各方同意在關鍵礦產、交通物流、人工智慧和人才培育等領域加強合作。與會領袖商定，下屆峰會將在哈薩克舉行。

「中亞+日本」對話機制於2004年啟動，此前主要以外長會議形式運作。去年8月，時任首相岸田文雄原計劃在阿斯塔納出席首次峰會，但日本氣象廳發布南海海槽巨大地震注意資訊後，行程臨時取消。

托卡耶夫在峰會上發言說，亞歐之間陸路貨運的八成以上經過哈薩克。他歡迎日本政府決定參與改善裡海阿克套港的通關手續，並希望日本企業參與「中間走廊」沿線的鐵路、港口和物流設施建設。

峰會前，托卡耶夫於18日與高市早苗會談，兩國簽署了14項政府間協議。據哈方統計，日本對哈累計投資已超過85億美元。

（本文轉載自共同社，內容不代表本報立場）
"""

# ---------------------------------------------------------------------------
# 4. ru, cp1251: TASS, Kishida's Central Asia trip called off (August 2024).
# ---------------------------------------------------------------------------
TASS_RU = """\
Кисида отменил поездку в Центральную Азию из-за угрозы мегаземлетрясения
ТОКИО, 8 августа 2024. /ТАСС/.

Премьер-министр Японии Фумио Кисида отказался от турне по Казахстану, Узбекистану и Монголии, которое было запланировано на 9–12 августа. Об этом премьер в четверг сообщил журналистам.

Решение принято после землетрясения магнитудой 7,1 у побережья префектуры Миядзаки. Вслед за толчками Японское метеорологическое агентство впервые выпустило предупреждение о повышенной вероятности мегаземлетрясения в районе желоба Нанкай, и премьер решил остаться в стране, чтобы руководить мерами по предотвращению ущерба. Генеральный секретарь кабинета министров Ёсимаса Хаяси призвал жителей прибрежных районов проверить запасы на случай бедствия.

В пятницу в Астане (в 2019–2022 годах город назывался Нур-Султан) должен был пройти первый саммит в формате «Центральная Азия + Япония» с участием лидеров пяти государств региона. Казахстан в этом году председательствует в диалоге, а договоренность о проведении встречи на высшем уровне министры иностранных дел Казахстана и Японии достигли в прошлом году на полях Генеральной Ассамблеи ООН. Параллельно с саммитом в казахстанской столице готовился деловой форум с участием японских компаний.

Ожидается, что Кисида свяжется с Токаевым по телефону, чтобы объяснить причины переноса визита. Новые сроки саммита пока не названы.

Отношения Казахстана с Японией в последние годы заметно оживились. По данным казахстанской стороны, объем японских инвестиций в экономику республики с 1993 года составляет около 8 млрд долларов. Токио проявляет интерес к казахстанскому урану и редкоземельным металлам, а также к Транскаспийскому международному транспортному маршруту, который позволяет доставлять грузы в Европу в обход России.
"""

# ---------------------------------------------------------------------------
# 5. ru, Markdown with YAML front matter: Kazinform, Tokayev - Takaichi talks.
# ---------------------------------------------------------------------------
KAZINFORM_RU_MD = """\
---
title: "Токаев и Такаити договорились о расширении сотрудничества в сфере критических минералов"
date: 2025-12-19
outlet: Kazinform
url: https://www.inform.kz/ru/tokaev-i-takaiti-dogovorilis-o-rasshirenii-sotrudnichestva
author: Айгерим Бекова
---

# Токаев и Такаити договорились о расширении сотрудничества в сфере критических минералов

![]()

Фото: Акорда

Президент Казахстана Касым-Жомарт Токаев провел в Токио переговоры с премьер-министром Японии Санаэ Такаити. Встреча прошла в четверг в резиденции главы правительства, сообщает [пресс-служба Акорды](https://www.akorda.kz/ru/news).

Стороны обсудили торговлю, инвестиции, транспорт и логистику, энергетику и добычу редкоземельных металлов. По итогам переговоров в присутствии лидеров было подписано 14 межправительственных соглашений. В Акорде отметили, что японская сторона высоко оценила переговоры с Токаевым.

Всего за время визита министерства и компании двух стран заключили более 60 документов. Общая стоимость коммерческих сделок превысила 3,7 млрд долларов.

Глава государства напомнил, что Япония входит в число крупнейших инвесторов Казахстана: с 1993 года японские компании вложили в экономику республики свыше 8,5 млрд долларов. В прошлом году товарооборот между Казахстаном и Японией составил 1,8 млрд долларов.

В тот же день Токаев был принят императором Нарухито.

По мнению директора алматинского аналитического центра «Евразийский мониторинг» Армана Жакупова, сотрудничество с Японией позволяет Казахстану диверсифицировать внешнеэкономические связи. «Для Токио речь идет о надежных поставках урана и редких металлов, для Астаны – о технологиях и инвестициях в переработку», – отметил эксперт.

В субботу Токаев примет участие в первом саммите «Центральная Азия + Япония», который пройдет в японской столице.

**Читайте также:**

- [Токаев прибыл с официальным визитом в Японию](https://www.inform.kz/ru/tokaev-pribyl-v-yaponiyu)
- [Казатомпром и японские партнеры обсудили поставки урана](https://www.inform.kz/ru/kazatomprom-yaponiya-uran)
- [Порт Актау: Япония поможет модернизировать таможню](https://www.inform.kz/ru/port-aktau-yaponiya)
"""

# ---------------------------------------------------------------------------
# 6. en, Markdown with YAML front matter: The Astana Times, Hayashi visit 2022.
# ---------------------------------------------------------------------------
ASTANATIMES_EN_MD = """\
---
title: "Tokayev and Japan's Foreign Minister Hayashi discuss wider economic ties"
date: 2022-04-30
outlet: The Astana Times
url: https://astanatimes.com/2022/04/tokayev-and-japans-foreign-minister-hayashi-discuss-wider-economic-ties/
author: Astana Times staff
---

![](https://astanatimes.com/wp-content/uploads/2022/04/tokayev-hayashi.jpg)

Photo: Akorda

NUR-SULTAN – President Kassym-Jomart Tokayev received Japan's Minister for Foreign Affairs Yoshimasa Hayashi in Nur-Sultan on April 29, the [Akorda press service](https://www.akorda.kz/en/events) reported.

The two sides focused on economic cooperation. Tokayev said the economy was the backbone of relations with Tokyo and called the 30th anniversary of diplomatic ties, marked this year, a milestone. He thanked Japan for its long-standing support and invited Japanese companies to take part in the country's reform programme.

Hayashi also held talks with Foreign Minister Mukhtar Tileuberdi. According to the [Kazakh Foreign Ministry](https://www.gov.kz/memleket/entities/mfa), the ministers discussed energy, rare metals, transport routes across the Caspian Sea and the situation in Ukraine.

Japan has invested about $7.7 billion in Kazakhstan since 1993, according to Kazakh figures. Trade between the two countries reached roughly $1.1 billion last year.

The visit came two months after Russia launched its invasion of Ukraine, and it drew attention in the region. "Tokyo is signalling that it wants to be present in Central Asia at a time when the old supply routes through Russia have become risky," said Nurlan Abdikarimov, a political analyst at the Almaty-based Steppe Policy Forum.

Hayashi also reaffirmed Japan's commitment to the [Central Asia plus Japan Dialogue](https://www.mofa.go.jp/region/europe/caj/index.html), launched in 2004.

![]()

**Read more:**

- [Kazakhstan and Japan mark 30 years of diplomatic relations](https://astanatimes.com/2022/01/kazakhstan-japan-30-years/)
- [JICA to expand training programmes for Kazakh engineers](https://astanatimes.com/2022/03/jica-training-kazakh-engineers/)
- [Trans-Caspian route gains momentum as shippers seek alternatives](https://astanatimes.com/2022/04/trans-caspian-route-momentum/)
"""

# ---------------------------------------------------------------------------
# 7. ja, UTF-8 WITH BOM: NHK, Hayashi's visit to Kazakhstan (April 2022).
# ---------------------------------------------------------------------------
NHK_JA = """\
林外相 カザフスタンのトカエフ大統領と会談 経済協力の拡大を確認
NHKニュース 2022年4月30日 6時12分

林外務大臣は、訪問先のカザフスタンの首都ヌルスルタンで昨日、トカエフ大統領と会談し、エネルギーや資源の分野を中心に経済協力を拡大していくことを確認しました。

会談で林大臣は、ことしが両国の外交関係樹立から30年の節目にあたることに触れ、「カザフスタンは中央アジアにおける重要なパートナーだ」と述べました。これに対しトカエフ大統領は、日本企業による投資の拡大に期待を示しました。

林大臣はまた、ティレウベルディ外相とも会談し、エネルギー分野の協力やカスピ海を経由する輸送路のほか、ロシアによるウクライナ侵攻をめぐる情勢についても意見を交わしました。

カザフスタン側によりますと、日本からの直接投資は1993年以降、累計でおよそ77億ドルにのぼります。カザフスタンはウランの世界最大の産出国で、レアメタルの供給先としても注目されています。

日本政府としては、2004年に始まった「中央アジア＋日本」対話の枠組みも活用しながら、ロシアや中国の影響力が強い地域との関係強化を図るねらいがあります。
"""

# ---------------------------------------------------------------------------
# 8. kk, UTF-8: Egemen Qazaqstan, the Tokyo summit (December 2025).
# ---------------------------------------------------------------------------
EGEMEN_KK = """\
Токио саммиті: Орталық Азия мен Жапония ынтымақтастығы жаңа деңгейге көтерілді
Egemen Qazaqstan | 21.12.2025

Мемлекет басшысы Қасым-Жомарт Тоқаев 20 желтоқсанда Токио шаһарында өткен «Орталық Азия + Жапония» диалогының тұңғыш саммитіне қатысты. Жиынға Жапония Премьер-министрі Санаэ Такаити төрағалық етті.

Саммит қорытындысы бойынша Токио декларациясы қабылданды. Келесі саммитті Қазақстанда өткізу туралы шешім қабылданды.

Президент өз сөзінде Азия мен Еуропа арасындағы құрлықтағы жүк тасымалының 80 пайыздан астамы Қазақстан аумағы арқылы өтетінін атап өтті. Ол Жапония үкіметінің Ақтау портындағы кеден рәсімдерін жетілдіруге қатысу туралы шешімін құптап, жапон компанияларын Транскаспий халықаралық көлік бағытын дамытуға шақырды.

Фото: Ақорда

Сапар барысында екі ел арасында 60-тан астам құжатқа қол қойылды, оның 14-і – үкіметаралық келісім. Коммерциялық келісімдердің жалпы құны 3,7 млрд доллардан асады.

Ресми деректерге сәйкес, өткен жылы Қазақстан мен Жапония арасындағы тауар айналымы 2 млрд долларға жуықтады. 1993 жылдан бері жапон инвесторлары ел экономикасына 8,5 млрд доллардан астам қаражат салған.

Саясаттанушы Ерлан Сәрсенбаев мұны әріптестік үшін маңызды кезең деп бағалайды. «Жапония үшін Қазақстан – уран мен сирек жер металдарының сенімді көзі. Ал біз үшін жапон технологиясы мен инвестициясы қажет», – дейді сарапшы.

Бұдан 21 жыл бұрын Тоқаев Сыртқы істер министрі ретінде «Орталық Азия + Жапония» форматындағы алғашқы министрлер кездесуін өткізген еді.

Редакция пікірі автор пікірімен сәйкес келмеуі мүмкін.
"""

# ---------------------------------------------------------------------------
# 9. en, Markdown, AI digest with grounding-redirect citations.
# ---------------------------------------------------------------------------
AI_DIGEST_EN = f"""\
# Japan and Central Asia ahead of the Tokyo summit: research digest

*Generated on 2025-12-15 by an AI research assistant. Sources were retrieved automatically.*

## Summary
- Japan will host the first summit of the "Central Asia plus Japan" Dialogue in Tokyo later this week, with all five Central Asian leaders expected [kazinform]({R1}) [nhk]({R2}).
- Kazakh President Kassym-Jomart Tokayev is due to pay an official visit to Japan before the summit and to meet Prime Minister Sanae Takaichi [akorda]({R3}) [kazinform]({R1}).
- Tokyo's main interests are critical minerals, uranium and transport routes that bypass Russia [nikkei]({R4}) [astanatimes]({R5}).

## Background
1.  **A format twenty years old:** The dialogue was launched in 2004 at Japan's initiative and has met mostly at foreign-minister level [mofa]({R6}).
2.  **The postponed summit:** A first summit was planned in Astana last year, but then-Prime Minister Fumio Kishida called off his trip in August after a megaquake advisory [nhk]({R2}) [kazinform]({R1}).
3.  **Kazakhstan's role:** Tokayev chaired the first ministerial meeting as foreign minister in 2004 and is expected to push for the next summit to be held in Kazakhstan [akorda]({R3}).

## Key figures
*   **Investment:** Reported cumulative Japanese investment in Kazakhstan ranges from about $8 billion to around $9 billion depending on the source and the date [astanatimes]({R5}) [kazinform]({R1}).
*   **Trade:** Bilateral trade in 2024 is given as $1.8 billion by some outlets and as nearly $2 billion by others [kazinform]({R1}) [astanatimes]({R5}).

## Open questions
*   Whether the summit will produce a standing secretariat or remain a declaration-based format.
*   How China and Russia will react to a Japanese push for critical minerals in the region.

## Data and citations
*   [kazinform]({R1})
*   [nhk]({R2})
*   [akorda]({R3})
*   [nikkei]({R4})
*   [astanatimes]({R5})
*   [mofa]({R6})
*   
*   

*This digest was generated automatically and may contain errors. Verify facts against the original sources.*
"""

# ---------------------------------------------------------------------------
# 10. ja, HTML page (Nikkei-style): Tokayev - Takaichi talks.
# ---------------------------------------------------------------------------
NIKKEI_JA_HTML = """\
<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>カザフ大統領と高市首相が会談 重要鉱物で協力、14文書に署名 - 日本経済新聞</title>
<meta name="description" content="高市早苗首相は18日、来日中のカザフスタンのトカエフ大統領と首相官邸で会談した。">
<meta property="og:site_name" content="日本経済新聞">
<meta property="og:type" content="article">
<meta property="og:title" content="カザフ大統領と高市首相が会談 重要鉱物で協力、14文書に署名">
<meta property="og:url" content="https://www.nikkei.com/article/DGXZQOUA180KZ0Y5A211C2000000/">
<meta property="article:published_time" content="2025-12-18T20:15:00+09:00">
<meta property="article:section" content="政治">
<link rel="canonical" href="https://www.nikkei.com/article/DGXZQOUA180KZ0Y5A211C2000000/">
<style>.ad{border:1px solid #ccc}.cookie{position:fixed;bottom:0}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}</script>
</head>
<body>
<div class="cookie" id="cookie-banner" role="dialog">
  <p>当サイトでは、利便性向上と広告配信のためにクッキー（Cookie）を使用しています。サイトの利用を続けることで、クッキーの使用に同意したものとみなします。</p>
  <button type="button">同意する</button> <a href="/privacy/cookie">詳細設定</a>
</div>
<header class="site-header">
  <a class="logo" href="/">日本経済新聞</a>
  <nav class="global-nav" aria-label="メインメニュー">
    <ul>
      <li><a href="/">トップ</a></li>
      <li><a href="/news/category/politics/">政治</a></li>
      <li><a href="/news/category/economy/">経済</a></li>
      <li><a href="/news/category/business/">企業</a></li>
      <li><a href="/news/category/markets/">マーケット</a></li>
      <li><a href="/news/category/world/">国際</a></li>
      <li><a href="/news/category/technology/">テック</a></li>
      <li><a href="/login">ログイン</a></li>
    </ul>
  </nav>
</header>
<div class="ad ad-top"><span>広告</span><a href="https://ads.example.jp/click?id=4711">法人向けクラウド会計、今なら3カ月無料</a></div>
<main>
<nav class="breadcrumb"><a href="/">トップ</a> &gt; <a href="/news/category/politics/">政治</a> &gt; <span>外交</span></nav>
<article class="article">
<h1>カザフ大統領と高市首相が会談 重要鉱物で協力、14文書に署名</h1>
<p class="byline"><time datetime="2025-12-18T20:15:00+09:00">2025年12月18日 20:15</time></p>
<figure><img src="/images/tokayev-takaichi-1218.jpg" alt="会談に臨むトカエフ大統領と高市首相"><figcaption>写真: Akorda</figcaption></figure>
<p>高市早苗首相は18日、来日中のカザフスタンのトカエフ大統領と首相官邸で会談した。レアアース（希土類）など重要鉱物のサプライチェーン強化や、ウランを含む原子力分野での協力を進めることで一致した。会談後、両政府は14の文書に署名した。</p>
<p>トカエフ氏は同日、皇居で天皇陛下と会見した。20日には東京で開かれる「中央アジア＋日本」対話の初の首脳会合に出席する。首脳会合は2024年8月にカザフスタンの首都アスタナで開く予定だったが、当時の岸田文雄首相が南海トラフ地震臨時情報の発表を受けて訪問を取りやめ、延期されていた。</p>
<p>カザフスタン側の説明によると、日本からの直接投資は1993年以降の累計で約80億ドルに達し、昨年の両国間の貿易額は約18億ドルだった。カザフスタンは世界最大のウラン生産国で、国営原子力企業カザトムプロムは日本の電力会社や商社と長年の取引がある。</p>
<p>資源分野では、エネルギー・金属鉱物資源機構（JOGMEC）がカザフスタン側とレアメタルの共同探査を進めている。小松製作所や豊田通商、三井物産なども現地での事業拡大を検討しているという。</p>
<p>物流では、カスピ海を横断する「中央回廊」（カスピ海横断国際輸送ルート）の整備が焦点となる。日本政府は国際協力機構（JICA）を通じ、カスピ海に面したアクタウ港の税関手続きの改善を支援する方針だ。</p>
<p>ユーラシア経済研究所の田村真一主任研究員は「ロシアを経由しない輸送路と重要鉱物の調達先を確保することは、日本の経済安全保障上の課題だ」と指摘している。</p>
</article>
<aside class="related">
  <h2>関連記事</h2>
  <ul>
    <li><a href="/article/DGXZQOUA1571C0V11C25A2000000/">中央アジア5カ国首脳、17日から順次来日</a></li>
    <li><a href="/article/DGXZQOGR09AUG24A8000000/">岸田首相、中央アジア訪問を中止　地震臨時情報受け</a></li>
    <li><a href="/article/DGXZQOUB2025KAZ000000000/">カザトムプロム、日本向けウラン供給を拡大へ</a></li>
  </ul>
</aside>
<div class="ad ad-inline"><span>PR</span><a href="https://ads.example.jp/click?id=8812">中央アジア進出セミナー　参加無料・オンライン</a></div>
<section class="comments" id="comments">
  <h2>コメント（3件）</h2>
  <div class="comment"><p class="comment-author">山田（商社勤務）</p><p>アクタウ港の通関改善は現場の実感としても急務です。期待しています。</p></div>
  <div class="comment"><p class="comment-author">匿名ユーザー</p><p>14文書の中身がもっと知りたい。具体的な金額は出ていないのか。</p></div>
  <div class="comment"><p class="comment-author">Kaz_watcher</p><p>投資額の数字は報道によってずいぶん違いますね。</p></div>
  <form class="comment-form"><textarea placeholder="コメントを書く"></textarea><button>投稿</button></form>
</section>
</main>
<footer class="site-footer">
  <ul>
    <li><a href="/about">会社概要</a></li>
    <li><a href="/privacy">プライバシーポリシー</a></li>
    <li><a href="/terms">利用規約</a></li>
    <li><a href="/contact">お問い合わせ</a></li>
  </ul>
  <p>&copy; Nikkei Inc. No reproduction without permission.</p>
</footer>
</body>
</html>
"""

# ---------------------------------------------------------------------------
# 11. zh-Hans PDF: research brief (two pages, running header, page numbers).
# ---------------------------------------------------------------------------
PDF_HEADER = "中亚经济观察 · 2025年第11期（总第46期）"
PDF_TITLE = "资源、通道与机制：日本—哈萨克斯坦合作的新阶段"
PDF_BYLINE = "林晓岚（中亚经济观察研究员）　2025年11月20日"
PDF_PARAGRAPHS = [
    "【摘要】本文梳理2022年以来日本与哈萨克斯坦在能源矿产、交通物流和多边机制三个方面的合作进展，"
    "并对下月在东京举行的首届“中亚+日本”峰会作简要展望。",
    "一、能源与关键矿产。哈萨克斯坦是世界最大的铀生产国，国家原子能工业公司"
    "（Kazatomprom）与日本电力企业和商社的合作已有二十余年历史。近年来，"
    "日本能源金属矿物资源机构（JOGMEC）同哈方地质部门签署备忘录，联合勘探"
    "稀土和其他稀有金属。三井物产、丰田通商等商社也在关注镓、锰等原料的长期供应。",
    "二、贸易与投资。据哈方统计，两国贸易额2021年约为11亿美元，2022年升至约19亿美元，"
    "2024年约为18亿美元。日本对哈直接投资自1993年以来累计约80亿美元，"
    "主要集中在采矿、冶金和能源领域。小松制作所等机械企业在哈设有服务网络，"
    "丰田通商参与了汽车组装项目。",
    "三、交通通道。俄乌冲突爆发后，经里海的跨里海国际运输走廊（“中间走廊”）受到重视。"
    "2022年4月，日本外务大臣林芳正访问努尔苏丹（今阿斯塔纳），与总统托卡耶夫和外长"
    "特列乌别尔季会谈时即涉及这一议题。日本国际协力机构（JICA）正研究协助阿克套港"
    "实现通关手续数字化。",
    "四、机制建设。“中亚+日本”对话于2004年启动。哈萨克斯坦作为2024年轮值主席国，"
    "原定去年8月在阿斯塔纳举办首届峰会，但时任首相岸田文雄因南海海槽巨大地震预警"
    "取消出访，峰会随之推迟。日本首相高市早苗就任后，日方把峰会定在今年12月于东京举行。",
    "五、展望。日本希望借峰会巩固关键矿产供应链，哈方则希望获得技术和加工环节的投资。"
    "需要注意的是，各方公布的投资和贸易数字口径不一，引用时应注明来源和统计年份。",
]

# ---------------------------------------------------------------------------
# 12. zh-Hans RSS 2.0 feed, two items (one Chinese-style pubDate).
# ---------------------------------------------------------------------------
FEED_ITEM1_TEXT = [
    "【新华网阿斯塔纳12月18日电】哈萨克斯坦总统托卡耶夫17日抵达东京，开始对日本进行正式访问。",
    "据哈总统府15日发布的消息，托卡耶夫访日期间将会见德仁天皇，同日本首相高市早苗举行会谈，并会见日本企业界代表。",
    "托卡耶夫还将出席20日在东京举行的首届“中亚+日本”峰会。这一峰会原定去年8月在阿斯塔纳举行，后因日本发布地震预警而推迟。",
    "哈方数据显示，日本是哈萨克斯坦前十大外国投资来源国之一，目前约有60家日本企业在哈经营，业务集中在采矿、能源和机械制造领域。",
]
FEED_ITEM2_TEXT = [
    "【新华网东京8月9日电】日本首相岸田文雄原定9日至12日访问哈萨克斯坦、乌兹别克斯坦和蒙古，并在阿斯塔纳出席首届“中亚+日本”峰会，但因国内地震风险决定推迟出访。",
    "8日，日本宫崎县附近海域发生7.1级地震。日本气象厅随后首次发布“南海海槽巨大地震注意信息”，提醒民众防范更大地震。",
    "岸田文雄9日晚同哈萨克斯坦总统托卡耶夫通电话，说明推迟出席峰会的原因。托卡耶夫表示理解，并表示愿继续推进两国关系。",
    "今年是“中亚+日本”对话机制启动20周年，哈萨克斯坦担任轮值主席国。与峰会配套的商务论坛此前也在阿斯塔纳筹备之中。",
]

# ---------------------------------------------------------------------------
# 13. en WARC capture: two HTML pages.
# ---------------------------------------------------------------------------
WARC_PAGE1_PARAS = [
    "ASTANA – Japan will support the digitalisation of customs procedures at the Caspian port of Aktau, Japanese Foreign Minister Takeshi Iwaya said after talks with Kazakh Deputy Prime Minister and Foreign Minister Murat Nurtleu in Astana on Monday.",
    "The ministers agreed to speed up preparations for a summit between Japan and the five Central Asian states. The meeting had been planned in Astana last August but was called off at the last minute after Japan issued a megaquake advisory.",
    "Iwaya announced a grant of about $6.8 million for modern medical equipment for areas affected by Soviet-era nuclear tests. The two sides signed an exchange of notes on the grant.",
    "Nurtleu said Japan ranks among Kazakhstan's ten largest investors, with cumulative direct investment of around $9 billion. Trade between the two countries reached $2 billion last year and about $800 million in the first half of this year, according to the Kazakh Foreign Ministry.",
    "Kazakhstan hopes that Japanese companies will use the Trans-Caspian International Transport Route, also known as the Middle Corridor, for cargo between Asia and Europe. \"Aktau is the gateway of the corridor, and faster customs means cheaper freight,\" said Daniyar Seitkali, head of research at the Caspian Freight Council, an industry association.",
]
WARC_PAGE2_PARAS = [
    "When President Kassym-Jomart Tokayev left Tokyo after the summit, his delegation took home more than 60 signed documents. Fourteen of them are intergovernmental agreements; the rest are deals and memoranda between ministries, regions and companies. The Kazakh side values the commercial agreements at over $3.7 billion.",
    "The largest block concerns mining and metals. Japanese trading houses, including Mitsui and Toyota Tsusho, are looking at long-term supplies of rare metals, while JOGMEC continues joint exploration for rare earths. Kazatomprom, the state uranium company, discussed supplies of uranium for Japanese reactors.",
    "Machinery is the second theme. Komatsu, whose equipment already works at many Kazakh mines, is considering wider service and assembly operations in the country. Japan's JICA will support work on customs procedures at the port of Aktau on the Middle Corridor.",
    "Officials in Astana put cumulative Japanese investment since 1993 at over $8.5 billion. Bilateral trade came to nearly $2 billion last year.",
    "\"The numbers matter less than the fact that Japan now sees Central Asia as a region in its own right,\" said Saule Omarova, director of the Astana-based consultancy Caspian Bridge Analytics. Leaders agreed in Tokyo that the next Central Asia plus Japan summit will be held in Kazakhstan.",
]


# ---------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------
def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _write_text(name: str, text: str, encoding: str) -> None:
    data = text.encode(encoding)  # raises if a character is not encodable
    (OUT / name).write_bytes(data)


def build_feed() -> bytes:
    def content(paras):
        return "".join(f"<p>{p}</p>" for p in paras)

    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>新华网 - 国际 - 中亚</title>
<link>http://www.news.cn/world/centralasia/</link>
<description>新华网中亚地区新闻</description>
<language>zh-cn</language>
<item>
<title>托卡耶夫抵达东京 开始对日本正式访问</title>
<link>http://www.news.cn/world/20251218/tokayev-arrives-tokyo.html</link>
<guid isPermaLink="false">xinhua-20251218-tokayev-tokyo</guid>
<dc:creator>新华网</dc:creator>
<pubDate>2025年12月18日 10:30</pubDate>
<description>{_esc(FEED_ITEM1_TEXT[0])}</description>
<content:encoded><![CDATA[{content(FEED_ITEM1_TEXT)}]]></content:encoded>
</item>
<item>
<title>岸田文雄推迟中亚之行 首届“中亚+日本”峰会延期</title>
<link>http://www.news.cn/world/20240809/kishida-postpones-central-asia.html</link>
<guid isPermaLink="false">xinhua-20240809-kishida-postpones</guid>
<dc:creator>新华网</dc:creator>
<pubDate>Fri, 09 Aug 2024 22:40:00 +0800</pubDate>
<description>{_esc(FEED_ITEM2_TEXT[0])}</description>
<content:encoded><![CDATA[{content(FEED_ITEM2_TEXT)}]]></content:encoded>
</item>
</channel>
</rss>
"""
    return xml.encode("utf-8")


def _warc_page(site: str, title: str, published: str, url: str, paras: list[str]) -> bytes:
    body = "\n".join(f"<p>{_esc(p)}</p>" for p in paras)
    html = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{_esc(title)} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{_esc(title)}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{published}">
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/politics/">Politics</a></li><li><a href="/economy/">Economy</a></li><li><a href="/world/">World</a></li><li><a href="/subscribe/">Subscribe</a></li></ul></nav></header>
<div class="advert">Advertisement</div>
<main>
<article>
<h1>{_esc(title)}</h1>
<p class="meta">{published[:10]}</p>
{body}
</article>
<aside><h3>Most read</h3><ul><li><a href="/1">Weather: cold snap expected in the north</a></li><li><a href="/2">Tenge steady against the dollar</a></li></ul></aside>
</main>
<footer><p>&copy; {site}. All rights reserved.</p><p><a href="/privacy">Privacy</a> | <a href="/contact">Contact</a></p></footer>
</body>
</html>
"""
    return html.encode("utf-8")


WARC_PAGES = [
    dict(
        site="Tengrinews",
        title="Japan to help digitalise customs at Aktau port as foreign ministers meet in Astana",
        published="2025-08-26T14:05:00+05:00",
        url="https://en.tengrinews.kz/politics/japan-to-help-digitalise-customs-at-aktau-port-2025-08-26.html",
        warc_date="2025-08-26T10:00:00Z",
        paras=WARC_PAGE1_PARAS,
    ),
    dict(
        site="The Astana Times",
        title="What Kazakhstan brought home from Tokyo: 60 documents and $3.7 billion in deals",
        published="2025-12-22T09:30:00+05:00",
        url="https://astanatimes.com/2025/12/what-kazakhstan-brought-home-from-tokyo/",
        warc_date="2025-12-22T06:00:00Z",
        paras=WARC_PAGE2_PARAS,
    ),
]


def build_warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    info = writer.create_warcinfo_record(
        "attache-sample.warc.gz",
        {"software": "attache scripts/make_sample_corpus.py", "format": "WARC File Format 1.0",
         "description": "Sample capture written for attache; pages are synthetic."},
    )
    info.rec_headers.replace_header("WARC-Date", "2025-12-22T06:00:00Z")
    info.rec_headers.replace_header("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000000>")
    writer.write_record(info)
    for i, page in enumerate(WARC_PAGES, start=1):
        html = _warc_page(page["site"], page["title"], page["published"], page["url"], page["paras"])
        req = StatusAndHeaders(
            "GET /" + page["url"].split("/", 3)[3] + " HTTP/1.1",
            [("Host", page["url"].split("/")[2]), ("User-Agent", "attache-sample/1.0")],
            is_http_request=True,
        )
        request = writer.create_warc_record(
            page["url"], "request", http_headers=req,
            warc_headers_dict={"WARC-Date": page["warc_date"],
                               "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-00000000{i:02d}01>"},
        )
        resp_headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(html)))],
            protocol="HTTP/1.1",
        )
        response = writer.create_warc_record(
            page["url"], "response", payload=io.BytesIO(html), http_headers=resp_headers,
            warc_headers_dict={"WARC-Date": page["warc_date"],
                               "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-00000000{i:02d}02>"},
        )
        request.rec_headers.replace_header(
            "WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
        writer.write_record(response)
        writer.write_record(request)
    return buf.getvalue()


def _wrap(text: str, width: int) -> list[str]:
    """Hard-wrap CJK text at ``width`` full-width cells (ASCII counts as half).

    Lines break anywhere between CJK characters, as in real PDFs, but never
    inside a run of Latin letters or digits (so 2022 or JOGMEC stay whole).
    """
    lines, cur, n = [], "", 0.0
    for tok in re.findall(r"[A-Za-z0-9]+|.", text):
        w = sum(0.5 if ord(ch) < 0x2E80 and ch not in "“”—·" else 1.0 for ch in tok)
        if n + w > width and cur:
            lines.append(cur)
            cur, n = "", 0.0
        cur += tok
        n += w
    if cur:
        lines.append(cur)
    return lines


def build_pdf() -> bytes:
    from fpdf import FPDF

    if not Path(FONT).exists():
        sys.exit(f"CJK TrueType font not found: {FONT} (apt-get install fonts-wqy-zenhei)")

    class Brief(FPDF):
        def header(self):
            self.set_font("cjk", size=9)
            self.cell(0, 6, PDF_HEADER, align="C", new_x="LMARGIN", new_y="NEXT")
            self.line(20, 18, 190, 18)
            self.ln(6)

        def footer(self):
            self.set_y(-15)
            self.set_font("cjk", size=9)
            self.cell(0, 8, f"— {self.page_no()} —", align="C")

    pdf = Brief(format="A4")
    pdf.set_creation_date(dt.datetime(2025, 11, 20, 9, 0, tzinfo=dt.UTC))
    pdf.set_title(PDF_TITLE)
    pdf.set_author("林晓岚")
    pdf.set_producer("attache make_sample_corpus.py (fpdf2)")
    pdf.set_creator("attache")
    pdf.set_margins(20, 15, 20)
    pdf.set_auto_page_break(False)
    pdf.add_font("cjk", fname=FONT, collection_font_number=0)
    pdf.add_page()
    pdf.set_font("cjk", size=16)
    for line in _wrap(PDF_TITLE, 26):
        pdf.cell(0, 10, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=10)
    pdf.cell(0, 8, PDF_BYLINE, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("cjk", size=14)
    line_h, bottom = 10, 297 - 45
    for para in PDF_PARAGRAPHS:
        for _j, line in enumerate(_wrap("　　" + para, 32)):
            if pdf.get_y() + line_h > bottom:
                pdf.add_page()
                pdf.set_font("cjk", size=14)
            pdf.cell(0, line_h, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if pdf.page_no() != 2:
        raise SystemExit(f"PDF should have 2 pages, has {pdf.page_no()}")
    out = pdf.output()
    # fpdf2 writes a random /ID; make it deterministic.
    return bytes(out)


# ---------------------------------------------------------------------------
# File table (drives both writing and MANIFEST.json)
# ---------------------------------------------------------------------------
TEXT_FILES = [
    # file, text, encoding, manifest fields
    ("zh-hans_kazinform_20251220_tokayev_visit.txt", KAZINFORM_ZH, "utf-8", dict(
        format="txt", language="zh-Hans", outlet="Kazinform", published="2025-12-20",
        title="托卡耶夫访日：从皇居到首相官邸",
        notes="Seed-style first line ' date 2025-12-20 <title>'. Relative dates 12月17日/12月18日 (no year) and 去年 "
              "(= 2024: spring floods; trade 'nearly $2 billion' = 2024). Figures: 14 intergovernmental agreements, "
              "60余份文件, commercial deals 超过37亿美元, investment since 1993 超过85亿美元, trade 近20亿美元 (2024), "
              "约60家 Japanese companies. Photo credit lines 'Фото: Ақорда' (Kazakh letters) and compiler line; "
              "compiler name is fictional.")),
    ("zh-hans_kyodo_20251220_summit.gbk.txt", KYODO_ZH, "gbk", dict(
        format="txt", language="zh-Hans", outlet="Kyodo News", published="2025-12-20",
        title="首届“中亚+日本”峰会在东京举行 通过《东京宣言》",
        notes="GBK without BOM. Seed-style header block 版次/日期/主题/来源. Story S1 (reprinted in Traditional script by "
              "zh-hant_ltn_20251221_summit_reprint.big5.txt). Events: summit 20 Dec 2025 in Tokyo (Tokyo Declaration, next "
              "summit in Kazakhstan), Tokayev-Takaichi talks on the 18th (14 agreements), August 2024 Astana summit "
              "cancelled (去年8月 = 2024-08). Figure: investment 超过85亿美元. Aktau port customs, Middle Corridor.")),
    ("zh-hant_ltn_20251221_summit_reprint.big5.txt", LTN_ZHT, "big5", dict(
        format="txt", language="zh-Hant", outlet="Liberty Times", published="2025-12-21",
        title="首屆「中亞+日本」峰會東京登場 通過《東京宣言》",
        notes="Big5 without BOM. Reprint of story S1 (zh-hans_kyodo_20251220_summit.gbk.txt) in Traditional characters "
              "with small edits (Taiwan place names 哈薩克/吉爾吉斯/塔吉克, new lead, last paragraph dropped); must count once. "
              "Header: title line, then 'outlet date section' line. Ends with a platform disclaimer line "
              "（本文轉載自共同社，內容不代表本報立場）.")),
    ("ru_tass_20240808_kishida_cancels.cp1251.txt", TASS_RU, "cp1251", dict(
        format="txt", language="ru", outlet="TASS", published="2024-08-08",
        title="Кисида отменил поездку в Центральную Азию из-за угрозы мегаземлетрясения",
        notes="cp1251 without BOM. Header: title line, then dateline 'ТОКИО, 8 августа 2024. /ТАСС/.'. Events: Kishida's "
              "9-12 Aug 2024 trip to Kazakhstan, Uzbekistan, Mongolia cancelled; Astana summit 'в пятницу' (= 2024-08-09) "
              "called off; megaquake advisory after M7.1 quake off Miyazaki. Relative: 'в прошлом году' (= 2023, agreement "
              "at UN General Assembly), 'в этом году'. Figure: investment since 1993 'около 8 млрд долларов'. Hayashi "
              "appears as Chief Cabinet Secretary (role differs from 2022). Old capital name Нур-Султан. Inflected forms: Токаевым, Казахстана, Японией.")),
    ("ja_nhk_20220430_hayashi_visit.txt", NHK_JA, "utf-8-sig", dict(
        format="txt", language="ja", outlet="NHK", published="2022-04-30",
        title="林外相 カザフスタンのトカエフ大統領と会談 経済協力の拡大を確認",
        notes="UTF-8 WITH BOM (the only BOM file). Header: title line, then 'NHKニュース 2022年4月30日 6時12分'. "
              "Event: Hayashi meets Tokayev in ヌルスルタン (Nur-Sultan) on 'yesterday' 昨日 (= 2022-04-29), also meets "
              "FM ティレウベルディ (Tileuberdi). Figure: investment since 1993 およそ77億ドル (= about $7.7 billion). "
              "Relative: ことし (= 2022, 30th anniversary).")),
    ("kk_egemen_20251221_tokyo_summit.txt", EGEMEN_KK, "utf-8", dict(
        format="txt", language="kk", outlet="Egemen Qazaqstan", published="2025-12-21",
        title="Токио саммиті: Орталық Азия мен Жапония ынтымақтастығы жаңа деңгейге көтерілді",
        notes="Kazakh (Cyrillic, uses ә ғ қ ң ө ұ ү һ і). Header: title line, then 'Egemen Qazaqstan | 21.12.2025'. "
              "Event: summit 20 желтоқсан (= 2025-12-20) in Tokyo, Tokyo Declaration, next summit in Kazakhstan. Figures: "
              "60-тан астам documents, 14 intergovernmental agreements, commercial deals 3,7 млрд доллардан асады, trade "
              "'өткен жылы' (= 2024) 2 млрд долларға жуық, investment since 1993 8,5 млрд доллардан астам. Relative: "
              "'Бұдан 21 жыл бұрын' (= 2004). Photo credit 'Фото: Ақорда'; editorial disclaimer line; analyst fictional.")),
    ("ru_kazinform_20251219_tokayev_takaichi.md", KAZINFORM_RU_MD, "utf-8", dict(
        format="md", language="ru", outlet="Kazinform", published="2025-12-19",
        title="Токаев и Такаити договорились о расширении сотрудничества в сфере критических минералов",
        notes="YAML front matter (title, date, outlet, url, author). Image placeholder '![]()', photo credit 'Фото: Акорда', "
              "inline link, 'Читайте также' link list. Events: talks 'в четверг' (= 2025-12-18), audience with Emperor "
              "Naruhito 'в тот же день', summit 'в субботу' (= 2025-12-20). Figures: 14 agreements, более 60 документов, deals "
              "свыше 3,7 млрд долларов, investment свыше 8,5 млрд долларов, trade 'в прошлом году' (= 2024) 1,8 млрд "
              "долларов (disagrees with 'nearly $2 billion'). Inflected forms: Токаевым, Казахстана, Японией, Армана "
              "Жакупова (fictional analyst).")),
    ("en_astanatimes_20220430_hayashi_visit.md", ASTANATIMES_EN_MD, "utf-8", dict(
        format="md", language="en", outlet="The Astana Times", published="2022-04-30",
        title="Tokayev and Japan's Foreign Minister Hayashi discuss wider economic ties",
        notes="YAML front matter (title, date, outlet, url, author); inline links; image placeholders '![](url)' and "
              "'![]()'; 'Photo: Akorda'; 'Read more' link list. Event: Tokayev receives FM Yoshimasa Hayashi in "
              "Nur-Sultan on April 29 (= 2022-04-29); Hayashi meets FM Mukhtar Tileuberdi. Figures: investment about "
              "$7.7 billion since 1993; trade roughly $1.1 billion 'last year' (= 2021). Fictional analyst Nurlan "
              "Abdikarimov (Steppe Policy Forum).")),
    ("en_ai_digest_20251215_tokyo_summit.md", AI_DIGEST_EN, "utf-8", dict(
        format="md", language="en", outlet=None, published="2025-12-15",
        title="Japan and Central Asia ahead of the Tokyo summit: research digest",
        notes="AI-digest style report, no front matter; date only in the line 'Generated on 2025-12-15'. Citations are "
              "made-up vertexaisearch grounding-api-redirect links; 'Data and citations' section of tag-only bullets and "
              "two empty bullets, then an AI-generated-content disclaimer line. Figures are ranges/summaries (investment about $8 billion to around $9 billion; 2024 "
              "trade $1.8 billion vs nearly $2 billion). Relative: 'last year' (= 2024), 'later this week'.")),
]


def manifest() -> list[dict]:
    rows = []
    for name, _text, enc, meta in TEXT_FILES:
        rows.append({"file": name, "format": meta["format"], "language": meta["language"],
                     "encoding": enc, "outlet": meta["outlet"], "published": meta["published"],
                     "title": meta["title"], "notes": meta["notes"]})
    rows.append({
        "file": "ja_nikkei_20251218_tokayev_takaichi.html", "format": "html", "language": "ja",
        "encoding": "utf-8", "outlet": "Nikkei", "published": "2025-12-18",
        "title": "カザフ大統領と高市首相が会談 重要鉱物で協力、14文書に署名",
        "notes": "HTML page with cookie banner, navigation menu, ads, breadcrumb, related links, comment section and "
                 "footer around the <article>; <meta charset>, og:site_name '日本経済新聞', article:published_time "
                 "2025-12-18T20:15:00+09:00, <title> with site suffix. Events: talks on 18日 (= 2025-12-18), 14 documents, "
                 "audience with the Emperor (天皇陛下), summit on 20日, August 2024 postponement. Figures: investment 約80億ドル "
                 "(rounded; disagrees with 'over $8.5 billion'), trade 昨年 (= 2024) 約18億ドル. Kazatomprom, JOGMEC, Komatsu "
                 "(小松製作所), Toyota Tsusho, Mitsui, JICA, Aktau, Middle Corridor. Fictional analyst 田村真一 "
                 "(ユーラシア経済研究所).",
    })
    rows.append({
        "file": "zh-hans_research_brief_20251120_resources.pdf", "format": "pdf", "language": "zh-Hans",
        "encoding": None, "outlet": "中亚经济观察", "published": "2025-11-20",
        "title": PDF_TITLE,
        "notes": "Two-page PDF generated by scripts/make_sample_corpus.py with a TrueType CJK font (text layer readable "
                 "by pypdf and pdfminer.six). Running header '" + PDF_HEADER + "' and page numbers '— n —' on each page; "
                 "hard line breaks inside sentences and a paragraph continuing across the page break. Date in the byline "
                 "(2025年11月20日) and PDF metadata. Figures: trade 2021 约11亿美元, 2022 约19亿美元, 2024 约18亿美元; "
                 "investment since 1993 约80亿美元. Events: Hayashi visit to 努尔苏丹 (April 2022), 去年8月 (= 2024-08) "
                 "summit cancelled, 下月 (= 2025-12) Tokyo summit. Kazatomprom, JOGMEC, Mitsui, Toyota Tsusho, Komatsu, "
                 "JICA, Aktau. Outlet and author (林晓岚) are fictional.",
    })
    rows.append({
        "file": "zh-hans_xinhua_feed.xml", "format": "rss", "language": "zh-Hans", "encoding": "utf-8",
        "outlet": "Xinhua", "published": None, "title": "新华网 - 国际 - 中亚",
        "notes": "RSS 2.0 feed with two items (description + content:encoded). Item 1 pubDate is Chinese-style "
                 "'2025年12月18日 10:30' (feedparser misreads it; the true date is 2025-12-18); item 2 pubDate is RFC 822 "
                 "'Fri, 09 Aug 2024 22:40:00 +0800'. Item 1: Tokayev arrives 17日, announced 15日, summit 20日, 去年 "
                 "(= 2024) postponement, ~60 Japanese companies. Item 2: Kishida postpones 9-12 Aug trip, M7.1 quake on "
                 "8日, phone call with Tokayev 9日晚, 今年 (= 2024) 20th anniversary of the dialogue.",
        "items": [
            {"title": "托卡耶夫抵达东京 开始对日本正式访问", "published": "2025-12-18", "language": "zh-Hans",
             "url": "http://www.news.cn/world/20251218/tokayev-arrives-tokyo.html"},
            {"title": "岸田文雄推迟中亚之行 首届“中亚+日本”峰会延期", "published": "2024-08-09", "language": "zh-Hans",
             "url": "http://www.news.cn/world/20240809/kishida-postpones-central-asia.html"},
        ],
    })
    rows.append({
        "file": "en_web_capture_2025.warc.gz", "format": "warc", "language": "en", "encoding": "utf-8",
        "outlet": None, "published": None, "title": None,
        "notes": "Gzipped WARC 1.0 generated with warcio: one warcinfo record, then for each page a response record "
                 "(HTML with nav, advert, aside, footer, og:site_name, article:published_time) and a request record. "
                 "Page 1 (Tengrinews, 2025-08-26): FM Iwaya in Astana, $6.8 million grant, investment around $9 billion, "
                 "trade $2 billion 'last year' (= 2024) and about $800 million in H1 2025, Aktau customs; fictional "
                 "Daniyar Seitkali. Page 2 (The Astana Times, 2025-12-22): 60+ documents, 14 intergovernmental "
                 "agreements, deals over $3.7 billion, investment over $8.5 billion, trade nearly $2 billion 'last year', "
                 "Mitsui, Toyota Tsusho, JOGMEC, Kazatomprom, Komatsu, JICA; fictional Saule Omarova.",
        "items": [
            {"title": p["title"], "published": p["published"][:10], "language": "en", "url": p["url"],
             "outlet": p["site"], "warc_date": p["warc_date"]}
            for p in WARC_PAGES
        ],
    })
    return rows


def write_all() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text, enc, _meta in TEXT_FILES:
        _write_text(name, text, enc)
    (OUT / "ja_nikkei_20251218_tokayev_takaichi.html").write_bytes(NIKKEI_JA_HTML.encode("utf-8"))
    (OUT / "zh-hans_xinhua_feed.xml").write_bytes(build_feed())
    (OUT / "en_web_capture_2025.warc.gz").write_bytes(build_warc())
    (OUT / "zh-hans_research_brief_20251120_resources.pdf").write_bytes(build_pdf())
    (OUT / "MANIFEST.json").write_text(
        json.dumps(manifest(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------
def check() -> None:
    import feedparser
    import trafilatura
    from pdfminer.high_level import extract_text as pdfminer_text
    from pypdf import PdfReader
    from warcio.archiveiterator import ArchiveIterator

    rows = manifest()
    files = {r["file"] for r in rows}
    present = {p.name for p in OUT.iterdir()} - {"README.md", "MANIFEST.json"}
    assert files == present, (files ^ present)
    for r in rows:
        raw = (OUT / r["file"]).read_bytes()
        if r["format"] in ("txt", "md"):
            if r["encoding"] != "utf-8-sig":
                assert not raw.startswith(b"\xef\xbb\xbf")
            text = open(OUT / r["file"], encoding=r["encoding"]).read()
            assert "\ufffd" not in text
            print(f"{r['file']}: decodes as {r['encoding']}, {len(text)} chars")
    total = sum(p.stat().st_size for p in OUT.iterdir())
    print(f"folder size: {total} bytes")
    assert total < 300_000

    feed = feedparser.parse((OUT / "zh-hans_xinhua_feed.xml").read_bytes())
    assert len(feed.entries) == 2, len(feed.entries)
    for e in feed.entries:
        print("feed entry:", e.title, "| raw date:", e.get("published"), "| parsed:", e.get("published_parsed"))

    with open(OUT / "en_web_capture_2025.warc.gz", "rb") as fh:
        responses = [(rec.rec_headers.get_header("WARC-Target-URI"), rec.rec_headers.get_header("WARC-Date"),
                      rec.content_stream().read())
                     for rec in ArchiveIterator(fh) if rec.rec_type == "response"]
    assert len(responses) == 2
    for uri, date, html in responses:
        text = trafilatura.extract(html) or ""
        print("warc response:", uri, date, "->", text[:80])
        assert "Kazakh" in text

    html = (OUT / "ja_nikkei_20251218_tokayev_takaichi.html").read_bytes()
    text = trafilatura.extract(html) or ""
    assert "高市早苗首相は18日" in text and "田村真一" in text, text
    assert "クッキー" not in text and "同意する" not in text
    print("html article text:", text[:120])

    pdf = OUT / "zh-hans_research_brief_20251120_resources.pdf"
    reader = PdfReader(pdf)
    assert len(reader.pages) == 2
    t1 = "\n".join(p.extract_text() for p in reader.pages)
    t2 = pdfminer_text(str(pdf))
    for label, t in (("pypdf", t1), ("pdfminer.six", t2)):
        assert "\x00" not in t and "稀土" in t and "托卡耶夫" in t and "Kazatomprom" in t, label
        assert t.count(PDF_HEADER) == 2 and "— 2 —" in t, label
        print(f"{label}: {t[:200]!r}")
    print("all checks passed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="verify the written files")
    args = ap.parse_args()
    write_all()
    print(f"wrote {len(manifest())} files to {OUT}")
    if args.check:
        check()


if __name__ == "__main__":
    main()

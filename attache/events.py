"""Event extraction: trigger words, the entities around them, a date and a place.

An event is stated by one sentence: a trigger (访问, met, подписал, 会談 …) plus the named
participants in that sentence. Dates come from the sentence's own date mentions; a sentence
that points back (此次, this visit, во время визита) takes the date of the paragraph so far; a
news report without any temporal anchor takes the publication month, and background claims
(曾, previously, ранее) stay undated rather than being dated wrongly.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Literal, Protocol

from attache.model import Entity, Event


class DateLike(Protocol):
    """What events need of a date mention (``attache.dates.DateMention``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def value(self) -> str: ...


Status = Literal["happened", "planned", "postponed", "cancelled"]

_ZH_TRIGGERS: dict[str, tuple[str, ...]] = {
    "visit": ("国事访问", "访问", "出访", "抵达", "到访", "访华", "访日", "抵日", "访哈", "参观",
              "降落", "来访"),
    "meeting": ("会见", "会晤", "会谈", "接见", "通话", "会面", "迎接", "谈判", "磋商"),
    "summit": ("首脑会议", "首脑峰会", "峰会"),
    "signing": ("签署", "签订", "敲定", "签约"),
    "forum": ("论坛", "博览会"),
    "statement": ("表示", "指出", "强调", "宣布", "声明", "评价", "澄清", "发言", "回应", "抗议",
                  "补充说", "说，", "说：", "说:", "说,", "说“", "称，", "称：", "保证"),
    "other": ("退出", "撤军", "成立", "投票", "弃权", "启动", "举办", "倡议", "晚宴", "欢迎仪式",
              "入侵", "开展", "转移", "介入"),
}
_EN_TRIGGERS: dict[str, tuple[str, ...]] = {
    "visit": ("visit", "arrived", "arrives", "arrive in", "toured"),
    "meeting": ("met ", "meets", "meeting with", "talks", "held talks", "phone call",
                "spoke by phone"),
    "summit": ("summit",),
    "signing": ("signed", "signs", "sign ", "signing"),
    "forum": ("forum",),
    "statement": ("said", "stated", "announced", "told", "declared", "noted", "stressed"),
    "other": ("withdrew", "withdrawal", "launched", "abstained", "voted", "established",
              "invaded", "invasion", "hosted"),
}
_RU_TRIGGERS: dict[str, tuple[str, ...]] = {
    "visit": ("визит", "посетил", "прибыл", "посещени"),
    "meeting": ("встреч", "встретил", "переговор", "телефонный разговор", "провел переговоры",
                "провёл переговоры"),
    "summit": ("саммит",),
    "signing": ("подписал", "подписан", "подписыван"),
    "forum": ("форум",),
    "statement": ("заявил", "сказал", "отметил", "подчеркнул", "сообщил", "заявлени"),
    "other": ("вышел из", "вывод войск", "учредил", "воздержал", "запустил", "провел", "провёл"),
}
_KK_TRIGGERS: dict[str, tuple[str, ...]] = {
    "visit": ("сапар", "барды", "келді", "ресми сапар"),
    "meeting": ("кездесу", "кездесті", "келіссөз", "телефон арқылы сөйлесті"),
    "summit": ("саммит",),
    "signing": ("қол қойды", "қол қойылды", "қол қою"),
    "forum": ("форум",),
    "statement": ("мәлімдеді", "атап өтті", "деді", "айтты", "мәлімдеме"),
    "other": ("құрылды", "іске қосты", "өткізді"),
}
_JA_TRIGGERS: dict[str, tuple[str, ...]] = {
    "visit": ("訪問", "訪日", "来日", "到着", "訪れ"),
    "meeting": ("会談", "会見", "面会", "電話会談", "協議"),
    "summit": ("首脳会議", "首脳会合", "サミット"),
    "signing": ("署名", "調印", "締結"),
    "forum": ("フォーラム",),
    "statement": ("述べた", "表明", "発表", "強調した", "語った"),
    "other": ("撤退", "設立", "発足", "開始", "棄権"),
}
_BY_LANG = {"zh-Hans": _ZH_TRIGGERS, "zh-Hant": _ZH_TRIGGERS, "en": _EN_TRIGGERS,
            "ru": _RU_TRIGGERS, "kk": _KK_TRIGGERS, "ja": _JA_TRIGGERS}
_PRIORITY = ("summit", "signing", "forum", "visit", "meeting", "statement", "other")


def _compile(table: dict[str, tuple[str, ...]], latin: bool) -> re.Pattern[str]:
    words = sorted({w for ws in table.values() for w in ws}, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w])(?:{alt})" if latin else f"(?:{alt})", re.IGNORECASE)


_PATTERNS = {lang: _compile(t, lang in ("en", "ru", "kk")) for lang, t in _BY_LANG.items()}
_TYPE_OF = {lang: {w.lower(): typ for typ in _PRIORITY for w in t[typ]}
            for lang, t in _BY_LANG.items()}

_BACKREF = re.compile(r"此次|本次|这次|這次|期间|期間|访问中|訪問中|会后|會後|随后|隨後|同时|同時|"
                      r"this visit|during the visit|the visit|во время визита|в ходе визита|"
                      r"今回|その際|сапар барысында", re.IGNORECASE)
_BACKGROUND = re.compile(r"曾经|曾|此前|以往|历史上|歷史上|过去|過去|早在|previously|in the past|"
                         r"ранее|в прошлом|かつて|бұрын", re.IGNORECASE)
_STATUS: tuple[tuple[Status, re.Pattern[str]], ...] = (
    ("cancelled", re.compile(r"取消|中止|отмен[её]н|cancel+ed|called off|キャンセル|тоқтатылды",
                             re.IGNORECASE)),
    ("postponed", re.compile(r"推迟|推遲|延期|отложен|перенес[её]н|postponed|delayed|кейінге",
                             re.IGNORECASE)),
    ("planned", re.compile(r"计划|計劃|将于|將於|拟于|擬於|拟|将|將|будет|планиру|plans? to|will |"
                           r"is to |予定|見通し|жоспарла|болады", re.IGNORECASE)),
)
_TITLES = re.compile(r"总统|總統|首相|总理|總理|外长|外長|外相|天皇|主席|President|Prime Minister|"
                     r"[Пп]резидент|[Пп]ремьер|大統領|Президенті")
_PRONOUNS = re.compile(r"^(?:他|她|He |She |Он |Она |彼は|彼女は)")
_PLACE_MARK = re.compile(r"(?:在|于|於|赴|抵达|抵達|访问|訪問|\bin |\bв |\bво |\bat )$")
_PARTICIPANT_TYPES = ("person", "organization", "country", "place")


def find_events(
    text: str,
    original: str,
    language: str,
    sentences: Sequence[tuple[int, int]],
    entities: Sequence[Entity],
    published: str | None,
    dates: Sequence[DateLike],
) -> list[Event]:
    """Events stated in one document, deduplicated by (type, participants, date)."""
    pattern = _PATTERNS.get(language, _PATTERNS["en"])
    type_of = _TYPE_OF.get(language, _TYPE_OF["en"])
    mentions = sorted((m.start, m.end, e) for e in entities for m in e.mentions)
    starts = [m[0] for m in mentions]
    date_list = sorted((d for d in dates if d.value), key=lambda d: d.start)
    date_starts = [d.start for d in date_list]
    titled: dict[str, str] = {}  # title word -> canonical name of the person who bears it
    last_subject: str | None = None
    carried: str | None = None
    events: list[Event] = []
    seen: set[tuple[str, frozenset[str], str | None]] = set()
    persons = {e.name for e in entities if e.type == "person"}
    counts = sorted(((len(e.mentions), e.name) for e in entities if e.type == "country"),
                    reverse=True)
    pair = [n for _, n in counts[:2]] if len(counts) >= 2 else []
    for s_start, s_end in sentences:
        subject: str | None = None
        sent = text[s_start:s_end]
        lo, hi = bisect_left(starts, s_start), bisect_left(starts, s_end)
        in_sent = [m for m in mentions[lo:hi] if m[1] <= s_end]
        for ms, me, e in in_sent:
            if e.type == "person":
                for t in _TITLES.finditer(text[ms:me]):
                    titled[t.group().lower()] = e.name
                around = text[max(0, ms - 12):ms] + "|" + text[me:me + 4]
                for t in _TITLES.finditer(around):
                    if t.end() == around.index("|") or t.start() == around.index("|") + 1:
                        titled[t.group().lower()] = e.name
        d_lo, d_hi = bisect_left(date_starts, s_start), bisect_left(date_starts, s_end)
        sent_dates = date_list[d_lo:d_hi]
        for trig in pattern.finditer(sent):
            typ = type_of.get(trig.group().lower())
            if typ is None or _nominal(sent, trig.start(), trig.end(), typ):
                continue
            t_pos = s_start + trig.start()
            if typ == "summit" and not _HELD.search(sent):
                continue  # a summit named as a topic, not one taking place
            if typ == "other" and not sent_dates and trig.group().lower() not in _STRONG_OTHER:
                continue  # weak verbs only count when the sentence dates them
            parts = _participants(typ, t_pos, text, s_start, in_sent, titled, last_subject, sent)
            if not parts and typ in ("meeting", "signing") and _BILATERAL.search(sent):
                parts = pair
            if not parts:
                continue
            date = _date_for(typ, t_pos, sent_dates, sent, carried, published)
            place = _place(text, in_sent, t_pos)
            if place in parts and len(parts) > 1:
                parts = [p for p in parts if p != place]
            key = (typ, frozenset(parts), date)
            if key in seen:
                continue
            seen.add(key)
            if typ in ("visit", "meeting", "summit", "signing") and date \
                    and _recent(date, published):
                carried = date
            if parts and typ != "statement":
                subject = next((p for p in parts if p in persons), subject)
            events.append(Event(type=typ, participants=tuple(parts), date=date, place=place,
                                start=s_start, end=s_end, status=_status(sent, trig.start()),
                                trigger=original[t_pos:t_pos + len(trig.group())]))
        if subject is None:
            subject = next((e.name for _, _, e in in_sent if e.type == "person"), None)
        last_subject = subject or last_subject
    return events


_HELD = re.compile(r"举行|舉行|召开|召開|出席|参加|參加|收尾|开幕|開幕|举办|舉辦|闭幕|閉幕|"
                   r"\bheld\b|hosted|took place|attend|opened|прош[её]л|состоял|пройд[её]т|"
                   r"примет|участ|開かれ|開催|出席|өтті|өтеді|қатыс", re.IGNORECASE)
_STRONG_OTHER = {"晚宴", "欢迎仪式", "歡迎儀式", "撤军", "撤軍", "弃权", "棄權", "退出", "withdrew",
                 "abstained", "invaded", "撤退", "棄権"}
_BILATERAL = re.compile(r"双方|雙方|两国|兩國|bilateral|both sides|стороны|обе страны|両国|екі ел|"
                        r"тараптар")
_NOMINAL_AFTER = ("前", "之前", "以前", "尚未", "后续", "後續", "的后续", "的後續")


_VISIT_BACKREF_BEFORE = re.compile(r"(?:此次|本次|这次|這次|during the |this |во время |в ходе )$",
                                   re.IGNORECASE)


def _nominal(sent: str, start: int, end: int, typ: str) -> bool:
    """A trigger used as a noun or a time reference (峰会前, 的评价, “一带一路”倡议)."""
    after = sent[end:end + 3]
    before = sent[start - 1:start] if start else ""
    if typ == "visit" and (_VISIT_BACKREF_BEFORE.search(sent[max(0, start - 12):start])
                           or after[:1] == "中" or after.startswith(("期间", "期間"))):
        return True  # "during this visit" refers back to a visit already stated
    if typ in ("summit", "forum") and after.startswith(_NOMINAL_AFTER):
        return True
    return typ in ("statement", "other") and (before in ("的", "”", "》", "」")
                                                or after.startswith("的"))


def _recent(date: str, published: str | None) -> bool:
    """Dates of the article's own story (within a quarter before publication) may be carried."""
    if not published or len(published) < 7 or len(date) < 7:
        return published is None
    y, m = int(published[:4]), int(published[5:7])
    dy, dm = int(date[:4]), int(date[5:7])
    return 0 <= (y - dy) * 12 + (m - dm) <= 3


def _participants(typ: str, t_pos: int, text: str, s_start: int,
                  in_sent: list[tuple[int, int, Entity]], titled: dict[str, str],
                  last_subject: str | None, sent: str) -> list[str]:
    names: list[str] = []
    if typ == "statement":
        # The speaker stands before the verb; names inside the quote are what was said.
        before = [e for ms, _, e in in_sent if ms < t_pos and e.type in _PARTICIPANT_TYPES[:3]]
        people = [e.name for e in before if e.type == "person"]
        names = people[-1:] if people else [e.name for e in before[-1:]]
        window = text[max(s_start, t_pos - 12):t_pos]
        if not names:
            names = [titled[t.group().lower()] for t in _TITLES.finditer(window)
                     if t.group().lower() in titled][-1:]
        if not names and last_subject and _PRONOUNS.match(sent):
            names = [last_subject]
        return names
    allowed = _PARTICIPANT_TYPES + (("event_series",) if typ in ("summit", "forum") else ())
    for _, _, e in in_sent:
        if e.type in allowed and e.name not in names:
            names.append(e.name)
    covered = {text[ms:me] for ms, me, _ in in_sent}
    for t in _TITLES.finditer(sent):
        holder = titled.get(t.group().lower())
        if holder and holder not in names and not any(t.group() in c for c in covered):
            names.insert(0, holder)
    if last_subject and last_subject not in names and _PRONOUNS.match(sent):
        names.insert(0, last_subject)
    return names


def _date_for(typ: str, t_pos: int, sent_dates: Sequence[DateLike], sent: str,
              carried: str | None, published: str | None) -> str | None:
    usable = [d for d in sent_dates if not (typ == "statement" and d.start > t_pos)]
    if usable:
        return min(usable, key=lambda d: abs(d.start - t_pos)).value
    if _BACKREF.search(sent) and carried:
        return carried
    if _BACKGROUND.search(sent):
        return None
    if carried:
        return carried
    return published[:7] if published and len(published) >= 7 else published


def _place(text: str, in_sent: list[tuple[int, int, Entity]], t_pos: int) -> str | None:
    best: tuple[int, str] | None = None
    for ms, me, e in in_sent:
        if e.type != "place":
            continue
        marked = bool(_PLACE_MARK.search(text[max(0, ms - 6):ms])) or text[me:me + 1] == "で"
        if marked:
            dist = abs(ms - t_pos)
            if best is None or dist < best[0]:
                best = (dist, e.name)
    return best[1] if best else None


def _status(sent: str, trig_start: int) -> Status:
    for status, rx in _STATUS:
        # Cancellation and postponement may come late in the sentence; plans sit near the verb.
        head = sent if status != "planned" else sent[max(0, trig_start - 25):trig_start + 12]
        if rx.search(head):
            return status
    return "happened"

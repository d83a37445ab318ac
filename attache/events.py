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
from dataclasses import dataclass, field
from typing import Literal, Protocol

from attache.anchors import dateline_span
from attache.lang.lexicon import languages, lexicon
from attache.model import Entity, Event


class DateLike(Protocol):
    """What events need of a date mention (``attache.dates.DateMention``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def value(self) -> str: ...


Status = Literal["happened", "planned", "postponed", "cancelled", "background"]

# Trigger words by language and event type live in the language files (attache/lang/*.json).
_BY_LANG = {code: dict(lexicon(code).event_triggers) for code in languages()}
_PRIORITY = ("summit", "signing", "forum", "visit", "meeting", "statement", "other")


def _compile(table: dict[str, tuple[str, ...]], latin: bool) -> re.Pattern[str]:
    words = sorted({w for ws in table.values() for w in ws}, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w])(?:{alt})" if latin else f"(?:{alt})", re.IGNORECASE)


_PATTERNS = {lang: _compile(t, not lang.startswith(("zh", "ja"))) for lang, t in _BY_LANG.items()}
_TYPE_OF = {lang: {w.lower(): typ for typ in _PRIORITY for w in t[typ]}
            for lang, t in _BY_LANG.items()}

_BACKREF = re.compile(r"此次|本次|这次|這次|期间|期間|访问中|訪問中|会后|會後|随后|隨後|同时|同時|"
                      r"this visit|during the visit|the visit|во время визита|в ходе визита|"
                      r"今回|その際|сапар барысында", re.IGNORECASE)
_BACKGROUND = re.compile(r"曾经|曾|此前|以往|历史上|歷史上|过去|過去|早在|previously|in the past|"
                         r"ранее|в прошлом|かつて|бұрын", re.IGNORECASE)
_STATUS: tuple[tuple[Status, re.Pattern[str]], ...] = (
    ("cancelled", re.compile(r"取消|中止|取りやめ|取り止め|見送|отмен[иеёя]|отказал[а-я]* от|"
                             r"cancel+ed|called off|calls off|долж(?:ен|на|но|ны)\s+был[аио]?|"
                             r"was (?:due|supposed) to|"
                             r"予定だった|キャンセル|тоқтатылды|тоқтатты|"
                             r"бас тартты", re.IGNORECASE)),
    ("postponed", re.compile(r"推迟|推遲|延期|原計劃|原计划|原定|"
                             r"отложен|отложил|перенес[её]н|перенос|перенесл|"
                             r"postponed|delayed|кейінге", re.IGNORECASE)),
    ("planned", re.compile(r"计划|計劃|将于|將於|拟于|擬於|拟|将|將|будет|планиру|plans? to|will |"
                           r"is to |予定|見通し|計画|planned for|scheduled|жоспарла|болады",
                           re.IGNORECASE)),
)
# Offices and the words that name them, from the language files: "the president" is
# remembered under one key whatever the language or form (Президенті, 國家元首, Head of State).
_TITLE_KEY = {form.lower(): key for code in languages()
              for key, forms in lexicon(code).titles.items() for form in forms}
_TITLES = re.compile("|".join(re.escape(f) for f in sorted(
    {form for code in languages() for forms in lexicon(code).titles.values() for form in forms},
    key=len, reverse=True)))


def _tkey(title: str) -> str:
    t = title.lower()
    return _TITLE_KEY.get(t, t)

_PRONOUNS = re.compile(r"^(?:他|她|He |She |Он |Она |彼は|彼女は)")
_PLACE_MARK = re.compile(r"(?:在|于|於|赴|抵达|抵達|访问|訪問|\bin |\bв |\bво |\bat )$")
_PARTICIPANT_TYPES = ("person", "organization", "country", "place")
# Telephone and video: a call between leaders is a meeting, never a summit.
_PHONE = re.compile(r"电话|電話|通话|通話|telephone|\bphone|телефон", re.IGNORECASE)
_VIDEO = re.compile(r"视频|視訊|video|видео|бейне|テレビ|オンライン", re.IGNORECASE)
# Weather services report the weather; they are never the actors of an event.
_WEATHER = re.compile(r"meteorolog|hydromet|weather|气象|氣象|気象|гидромет|метеоролог|"
                      r"Қазгидромет", re.IGNORECASE)


@dataclass
class _Story:
    """What one document's event extraction remembers from sentence to sentence."""

    text: str
    original: str
    language: str
    sentences: Sequence[tuple[int, int]]
    published: str | None
    pattern: re.Pattern[str]
    type_of: dict[str, str]
    by_sent: list[list[tuple[int, int, Entity]]]
    date_list: list[DateLike]
    persons: set[str]
    countries: set[str]
    places: set[str]
    pair: list[str]
    country_of: dict[str, str]
    titled: dict[str, str] = field(default_factory=dict)  # title word -> its bearer
    last_subject: str | None = None
    carried: str | None = None
    events: list[Event] = field(default_factory=list)
    seen: set[tuple[str, frozenset[str], str | None]] = field(default_factory=set)
    last_persons: dict[str, list[str]] = field(default_factory=dict)  # type -> its persons
    last_parts: dict[str, list[str]] = field(default_factory=dict)
    summit_parties: list[str] = field(default_factory=list)  # leaders of the last summit

    def sent_dates(self, s_start: int, s_end: int) -> list[DateLike]:
        starts = [d.start for d in self.date_list]
        return self.date_list[bisect_left(starts, s_start):bisect_left(starts, s_end)]


@dataclass
class _Trigger:
    """One trigger word in one sentence, and what is known of it so far."""

    s_idx: int
    s_start: int
    sent: str
    match: re.Match[str]
    typ: str
    status: Status
    sent_dates: list[DateLike]
    ahead: bool = False

    @property
    def pos(self) -> int:
        return self.s_start + self.match.start()


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
    story = _story(text, original, language, sentences, entities, published, dates)
    for s_idx in range(len(sentences)):
        _read_sentence(story, s_idx)
    return story.events


def _story(text: str, original: str, language: str, sentences: Sequence[tuple[int, int]],
           entities: Sequence[Entity], published: str | None, dates: Sequence[DateLike]
           ) -> _Story:
    if published is None:
        # "NEW YORK, September 19, 2023 —": a dateline stands in for the publication date
        published, dates = _dateline(text, language, sentences, dates)
    head = dateline_span(text) or (0, 0)
    mentions = sorted((m.start, m.end, e) for e in entities for m in e.mentions
                      if not _WEATHER.search(e.name) and not head[0] <= m.start < head[1])
    starts = [m[0] for m in mentions]
    by_sent: list[list[tuple[int, int, Entity]]] = []
    for s_start, s_end in sentences:
        lo, hi = bisect_left(starts, s_start), bisect_left(starts, s_end)
        by_sent.append([m for m in mentions[lo:hi] if m[1] <= s_end])
    counts = sorted(((len(e.mentions), e.name) for e in entities if e.type == "country"),
                    reverse=True)
    return _Story(
        text=text, original=original, language=language, sentences=sentences,
        published=published, pattern=_PATTERNS.get(language, _PATTERNS["en"]),
        type_of=_TYPE_OF.get(language, _TYPE_OF["en"]), by_sent=by_sent,
        date_list=sorted((d for d in dates if d.value), key=lambda d: d.start),
        persons={e.name for e in entities if e.type == "person"},
        countries={e.name for e in entities if e.type == "country"},
        places={e.name for e in entities if e.type == "place"},
        pair=[n for _, n in counts[:2]] if len(counts) >= 2 else [],
        country_of=_countries_of(text, sentences, by_sent))


def _learn_titles(story: _Story, s_start: int, in_sent: list[tuple[int, int, Entity]]) -> None:
    """Remember who bears which title ("President", "首相"), to resolve "the president" later."""
    text, titled = story.text, story.titled
    for ms, me, e in in_sent:
        if e.type != "person":
            continue
        for t in _TITLES.finditer(text[ms:me]):
            titled[_tkey(t.group())] = e.name
        around = text[max(0, ms - 12):ms] + "|" + text[me:me + 4]
        for t in _TITLES.finditer(around):
            if t.end() == around.index("|") or t.start() == around.index("|") + 1:
                titled[_tkey(t.group())] = e.name
        # "Премьер-министр Японии Фумио Кисида": title, country, then the name
        wide = text[max(s_start, ms - 32):ms]
        for t in _TITLES.finditer(wide):
            gap = wide[t.end():]
            if not _GAP_BREAK.search(gap) and len(gap.split()) <= 3:
                titled.setdefault(_tkey(t.group()), e.name)


def _read_sentence(story: _Story, s_idx: int) -> None:
    s_start, s_end = story.sentences[s_idx]
    sent = story.text[s_start:s_end]
    in_sent = story.by_sent[s_idx]
    _learn_titles(story, s_start, in_sent)
    sent_dates = story.sent_dates(s_start, s_end)
    subject: str | None = None
    for match in story.pattern.finditer(sent):
        typ = story.type_of.get(match.group().lower())
        if typ is None or _nominal(sent, match.start(), match.end(), typ):
            continue
        trig = _Trigger(s_idx, s_start, sent, match, typ,
                        _status(sent, match.start(), story.language), sent_dates)
        if _skip(story, trig):
            continue
        ev = _event(story, trig)
        if ev is not None:
            subject = _record(story, ev, subject)
    if subject is None:
        subject = next((e.name for _, _, e in in_sent if e.type == "person"), None)
    story.last_subject = subject or story.last_subject


def _skip(story: _Story, trig: _Trigger) -> bool:
    """Triggers that state no event: references back, topics, weak verbs without a date."""
    sent, start, end, typ = trig.sent, trig.match.start(), trig.match.end(), trig.typ
    word = trig.match.group().lower()
    trig.ahead = typ in ("summit", "meeting") and trig.status in ("planned", "postponed") and (
        bool(trig.sent_dates) or bool(_IN_YEARS.search(sent)))
    named = _NEXT.search(sent[max(0, start - 40):start])
    in_sent = story.by_sent[trig.s_idx]
    if (_reference(sent, start, end, typ, in_sent, trig.pos, trig.s_start)
            and not (trig.ahead and named)) \
            or (story.language == "ja" and _ja_nominal(sent, start, end, typ)):
        return True
    if typ == "summit" and _PHONE.search(sent):
        return True  # a "summit telephone talk" is a call; the call's own trigger states it
    if typ == "summit" and not _HELD.search(sent) and trig.status == "happened":
        return True  # a summit named as a topic, not one taking place
    if typ == "other" and not trig.sent_dates and word not in _STRONG_OTHER:
        return True  # weak verbs only count when the sentence dates them
    return typ == "other" and word in _WEAK_OTHER and any(
        story.type_of.get(m.group().lower()) not in (None, "other", "statement")
        for m in story.pattern.finditer(sent))  # "провел переговоры": the talks are the event


def _event(story: _Story, trig: _Trigger) -> Event | None:
    parts = _parties(story, trig)
    if not parts:
        return None
    date = _date_for(trig.typ, trig.pos, trig.sent_dates, trig.sent, story.carried,
                     story.published, trig.s_start)
    if trig.ahead:
        date = _ahead_date(trig.sent, trig.sent_dates, story.published) or date
    if trig.status == "planned" and story.published and date \
            and date[:7] < story.published[:len(date[:7])]:
        # "first proposed in 2023, is to be held next year": a plan is not dated in the past
        later = sorted((abs(d.start - trig.pos), d.value) for d in trig.sent_dates
                       if d.value[:7] > story.published[:7] and "/" not in d.value)
        date = later[0][1] if later else date
    date = _settle_status(story, trig, date)
    if trig.typ == "summit" and trig.status == "planned":
        parts = parts + [p for p in story.summit_parties if p not in parts]
    place = _place(story.text, story.by_sent[trig.s_idx], trig.pos)
    if place in parts and len(parts) > 1:
        parts = [p for p in parts if p != place]
    key = (trig.typ, frozenset(parts), date)
    if key in story.seen or _told(story, trig, parts, date):
        return None
    story.seen.add(key)
    s_end = story.sentences[trig.s_idx][1]
    return Event(type=trig.typ, participants=tuple(parts), date=date, place=place,
                 start=trig.s_start, end=s_end, status=trig.status,
                 trigger=story.original[trig.pos:trig.pos + len(trig.match.group())])


def _told(story: _Story, trig: _Trigger, parts: list[str], date: str | None) -> bool:
    """The same event already told by this sentence: one trip called off named twice, or a
    call stated by two triggers ("電話で首脳会談")."""
    for ev in story.events:
        if ev.type != trig.typ or ev.date != date:
            continue
        if ev.start != trig.s_start:
            # a summit told again by the next sentences ("…出席峰会"): same day, same leaders
            if trig.typ == "summit" and date and len(date) == 10 \
                    and len(set(ev.participants) & set(parts)) >= 2:
                return True
            continue
        both = set(ev.participants) & set(parts)
        if (trig.typ == "other" and trig.status != "happened" and both) or (
                both and (set(parts) <= set(ev.participants)
                          or set(ev.participants) <= set(parts))):
            return True
    return False


def _parties(story: _Story, trig: _Trigger) -> list[str]:
    """Who acted: named in the sentence, else the group, pair or subject the story implies."""
    sent, typ = trig.sent, trig.typ
    in_sent = story.by_sent[trig.s_idx]
    parts = _participants(typ, trig.pos, story.text, trig.s_start, in_sent, story.titled,
                          story.last_subject, sent)
    if typ == "statement" and parts and all(p in story.countries for p in parts):
        # "Российский лидер напомнил": the country's titled person, else nobody
        parts = _titled_of_country(sent[:trig.match.start()], parts, story.country_of,
                                   story.titled)
    if typ == "meeting" and _LEADERS.search(sent) and sum(
            p in story.countries for p in parts) >= 3 and not any(
            story.type_of.get(m.group().lower()) == "summit"
            for m in story.pattern.finditer(sent)):
        trig.typ = typ = "summit"  # "met the leaders of A, B, C …": a summit, whatever its noun
    if typ == "meeting" and _VIDEO.search(trig.match.group()) and any(
            story.type_of.get(m.group().lower()) == "summit"
            for m in story.pattern.finditer(sent)):
        trig.typ = typ = "summit"  # a video summit is a summit held online
    if typ == "summit":
        # the leaders: named here, or in the attendance sentences around it
        parts = parts + [n for n in _attendees(trig.s_idx, story.sentences, story.text,
                                               story.by_sent) if n not in parts]
    return _implied_parties(story, trig, parts)


def _implied_parties(story: _Story, trig: _Trigger, parts: list[str]) -> list[str]:
    sent, typ, pair = trig.sent, trig.typ, story.pair
    group = _group(sent, typ, story.last_persons)
    if group:
        parts = group + [p for p in parts if p not in group]
    if typ in ("signing", "summit") and _ALL_PARTIES.search(sent):
        # "各方签署", "Стороны подписали": the parties of the summit just told
        parts = parts + [p for p in story.summit_parties if p not in parts]
    if typ == "signing" and pair and _BILATERAL.search(
            sent[max(0, trig.match.start() - 16):trig.match.start()]):
        # "两国签署…": the two countries sign, whoever stood beside them
        parts = pair + [p for p in parts if p not in pair and p not in story.persons]
    if typ == "signing" and not pair and (_ALL_PARTIES.search(sent) or _BILATERAL.search(sent)) \
            and not any(p in story.persons or p in story.countries for p in parts):
        # "Тараптар … қол қойды" after a meeting: the parties are the two who just met
        parts = list(story.last_persons.get("meeting") or story.last_persons.get("visit") or [])
    if not any(p not in story.places for p in parts) and (
            typ == "signing" or typ == "meeting" and _BILATERAL.search(sent)):
        parts = pair + [p for p in parts if p not in pair]
    dest = _DESTINATION.get(trig.match.group())
    if dest and dest not in parts and parts:
        parts = parts + [dest]
    if story.language == "ja" and story.last_subject and typ in ("visit", "meeting", "summit") \
            and not any(p in story.persons for p in parts) and _JA_DROPPED.search(sent):
        parts = [story.last_subject] + parts  # Japanese drops a subject already known
    if typ in ("visit", "meeting", "summit", "forum") and trig.status == "cancelled":
        trig.typ = "other"  # a trip called off is not a visit that took place
    if trig.ahead and not any(e.name in parts and e.type in _ACTOR_TYPES
                              for _, _, e in story.by_sent[trig.s_idx]):
        # "the next summit is planned in two years": the parties of the last one
        parts = story.last_parts.get(typ) or story.last_parts.get("summit") or pair
    return parts


def _settle_status(story: _Story, trig: _Trigger, date: str | None) -> str | None:
    """Planned, postponed or recalled, once the date is known; returns the date to keep."""
    published, typ = story.published, trig.typ
    if date and published and date[:4] > published[:4] and trig.status == "happened":
        if typ in ("summit", "meeting", "visit", "forum"):
            trig.status = "planned"  # "第二届峰会于2025年举行" told in 2023: still ahead
        elif story.carried and _BACKREF.search(trig.sent):
            date = story.carried  # "峰会期间…签署": the date of the summit told before
    if trig.status == "postponed" and typ in ("visit", "meeting", "summit", "forum") and not (
            date and published and date >= published[:len(date)]):
        trig.typ = "other"  # put off from a date gone by; one moved to a date ahead stays
    if trig.status == "happened" and typ != "statement" and _recalled(date, published, trig):
        trig.status = "background"
    return date


def _recalled(date: str | None, published: str | None, trig: _Trigger) -> bool:
    """A past event the story recalls ("the dialogue launched in 2004"), not news of the day:
    dated half a year or more before publication, or marked as earlier (曾, previously)."""
    if date and published and len(published) >= 7:
        y, m = int(date[:4]), int(date[5:7]) if len(date) >= 7 else 12
        return (int(published[:4]) - y) * 12 + int(published[5:7]) - m >= 6
    return bool(_BACKGROUND.search(trig.sent[max(0, trig.match.start() - 16):trig.match.start()]))


def _record(story: _Story, ev: Event, subject: str | None) -> str | None:
    """Remember an event for the sentences after it; returns the story's subject so far."""
    story.events.append(ev)
    if ev.type in ("visit", "meeting", "summit", "signing") and ev.date \
            and _recent(ev.date, story.published):
        story.carried = ev.date
    parts = list(ev.participants)
    if ev.type == "statement":
        return subject
    subject = next((p for p in parts if p in story.persons), subject)
    who = [p for p in parts if p in story.persons]
    if len(who) >= 2 and ev.type in ("meeting", "summit", "visit"):
        story.last_persons[ev.type] = who
    if ev.status == "happened":
        story.last_parts[ev.type] = parts
    if ev.type == "summit" and ev.status == "happened":
        story.summit_parties = list(dict.fromkeys(
            parts + [story.country_of[p] for p in parts if p in story.country_of]))
    return subject


_NOT_CANCELLED = re.compile(r"(?:并未|並未|没有|沒有|未|不会|不會|not been |not be |not |не )"
                            r"(?:被)?(?:取消|cancel+ed|отмен[а-яё]*)", re.IGNORECASE)
_HELD = re.compile(r"主办|主辦|завершил|concluded|"
                   r"举行|舉行|召开|召開|出席|参加|參加|收尾|开幕|開幕|举办|舉辦|闭幕|閉幕|"
                   r"\bheld\b|hosted|took place|attend|opened|прош[её]л|состоял|пройд[её]т|"
                   r"примет|участ|開かれ|開催|出席|өтті|өтеді|қатыс", re.IGNORECASE)
_STRONG_OTHER = {"晚宴", "欢迎仪式", "歡迎儀式", "撤军", "撤軍", "弃权", "棄權", "退出", "withdrew",
                 "abstained", "invaded", "撤退", "棄権"}
_BILATERAL = re.compile(r"双方|雙方|两国|兩國|bilateral|both sides|two countries|стороны|"
                        r"обе страны|"
                        r"двух стран|двумя странами|両国|екі ел|тараптар")
_NOMINAL_AFTER = ("前", "之前", "以前", "尚未", "后续", "後續", "的后续", "的後續")


_VISIT_BACKREF_BEFORE = re.compile(r"(?:此次|本次|这次|這次|during the |this |во время |в ходе )$",
                                   re.IGNORECASE)


def _nominal(sent: str, start: int, end: int, typ: str) -> bool:
    """A trigger used as a noun or a time reference (峰会前, 的评价, “一带一路”倡议)."""
    after = sent[end:end + 3]
    before = sent[start - 1:start] if start else ""
    word = sent[start:end]
    if typ == "visit" and (_VISIT_BACKREF_BEFORE.search(sent[max(0, start - 12):start])
                           or (after[:1] == "中" and word not in ("来日", "訪日"))
                           or after.startswith(("期间", "期間"))):
        return True  # "during this visit" refers back to a visit already stated
    if typ in ("summit", "forum") and after.startswith(_NOMINAL_AFTER):
        return True
    return typ in ("statement", "other") and (before in ("的", "”", "》", "」")
                                                or after.startswith("的"))


_FORMER = re.compile(r"(?:then-|then |former |ex-|时任|時任|前任|前|当時の|元|бывш[а-я]+ |"
                     r"экс-)\s*$",
                     re.IGNORECASE)
_QUOTES = {"“": "”", "「": "」", "『": "』", "«": "»", '"': '"'}


def _quoted_spans(sent: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks: names there are what was said, not who said it."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(sent):
        close = _QUOTES.get(sent[i])
        if close:
            j = sent.find(close, i + 1)
            if j == -1:
                break
            out.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return out


def _ja_nominal(sent: str, start: int, end: int, typ: str) -> bool:
    """Japanese nouns that name an event rather than state it (会談で, 発表を受けて)."""
    after = sent[end:end + 2]
    if typ in ("meeting", "summit") and after.startswith(("で", "後", "の中", "に先立", "では")):
        return True
    return typ == "statement" and after[:1] in ("を", "の", "が", "は", "に")


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
        window = text[max(s_start, t_pos - 28):t_pos]
        quoted = _quoted_spans(sent)
        before = [e for ms, _, e in in_sent if ms < t_pos and e.type in _PARTICIPANT_TYPES[:3]
                  and not any(qs <= ms - s_start < qe for qs, qe in quoted)]
        people = [e.name for e in before if e.type == "person"]
        names = people[-1:] if people else [e.name for e in before[-1:]]
        rel = t_pos - s_start
        if re.search(r"[\"”»」』][\s,，–—-]*$", sent[max(0, rel - 6):rel]) or \
                re.search(r"[,，]\s*[\"”»」』]?\s*$", sent[max(0, rel - 3):rel]):
            # «…», – деді сарапшы / "…," said X: the speaker follows the verb
            after = [e for ms, _, e in in_sent if 0 <= ms - t_pos - len(sent[rel:].split()[0])
                     <= 3 and e.type in _PARTICIPANT_TYPES[:3]]
            names = [after[0].name] if after else []
        if not people:
            head = [t for t in _TITLES.finditer(sent[:rel]) if t.start() <= 3
                    and _tkey(t.group()) in titled]
            if head:  # "Президент өз сөзінде … атап өтті": the title is the subject
                names = [titled[_tkey(head[0].group())]]
        if not names:
            names = [titled[_tkey(t.group())] for t in _TITLES.finditer(window)
                     if _tkey(t.group()) in titled][-1:]
        if not names and last_subject and _PRONOUNS.match(sent):
            names = [last_subject]
        return names
    allowed = _PARTICIPANT_TYPES + (("event_series",) if typ in ("summit", "forum") else ())
    for _, _, e in in_sent:
        if e.type in allowed and e.name not in names:
            names.append(e.name)
    covered = {text[ms:me] for ms, me, _ in in_sent}
    for t in _TITLES.finditer(sent):
        holder = titled.get(_tkey(t.group()))
        if _FORMER.search(sent[max(0, t.start() - 8):t.start()]):
            continue  # "then-Prime Minister", 时任首相: not today's holder
        if holder and holder not in names and not any(t.group() in c for c in covered):
            names.insert(0, holder)
    if last_subject and last_subject not in names and _PRONOUNS.match(sent):
        names.insert(0, last_subject)
    return names


def _date_for(typ: str, t_pos: int, sent_dates: Sequence[DateLike], sent: str,
              carried: str | None, published: str | None, s_start: int = 0) -> str | None:
    usable = [d for d in sent_dates if not (typ == "statement" and d.start > t_pos)
              and not _aside(sent, d.start - s_start, d.end - s_start, t_pos - s_start)
              and not _names_document(sent, d.end - s_start)]
    if len(usable) > 1 and any("/" not in d.value for d in usable):
        usable = [d for d in usable if "/" not in d.value]  # a span of years dates nothing
    own = [d for d in usable if sent[d.end - s_start:d.end - s_start + 1] not in ("の", "的")]
    if own and len(own) < len(usable):
        usable = own  # "2月の大地震": a date that describes a noun, not the event
    if usable:
        best = min(usable, key=lambda d: abs(d.start - t_pos)).value
        years = {d.value for d in usable if len(d.value) == 4}
        if len(best) == 7 and published and best[:4] == published[:4] and len(years) == 1:
            # "in August" beside "last year": the month of that year
            (year,) = years
            best = year + best[4:]
        return best
    if _BACKREF.search(sent) and carried:
        return carried
    if _BACKGROUND.search(sent if typ != "statement" else sent[:t_pos - s_start]):
        return None
    if carried:
        return carried
    return published[:7] if published and len(published) >= 7 else published


_OPEN, _CLOSE = "(（[", ")）]"
_DOC_AFTER = re.compile(r"\s*(?:的)?\s*[《「『“\"«]|"
                        r"\s*(?:年)?\s*(?:行动计划|行動計劃|规划|規劃|计划|計劃|"
                        r"纲要|綱要|战略|戰略|路线图|路線圖|框架|協定|协定|宣言|声明|聲明)|"
                        r"\s*(?:-|–)?\s*(?:year\s+)?(?:[Aa]ction [Pp]lan|[Rr]oadmap|[Pp]rogramme|"
                        r"[Dd]eclaration|[Tt]reaty)|\s*(?:годы|гг\.)?\s*(?:[Пп]лан|[Дд]орожн|"
                        r"[Пп]рограмм|[Дд]екларац|[Дд]оговор)")


def _aside(sent: str, ds: int, de: int, tp: int) -> bool:
    """Whether a date stands in a parenthesis that does not hold the trigger (an aside)."""
    depth_open = max(sent.rfind(c, 0, ds) for c in _OPEN)
    if depth_open < 0:
        return False
    if any(sent.find(c, depth_open, ds) != -1 for c in _CLOSE):
        return False
    closes = [i for i in (sent.find(c, de) for c in _CLOSE) if i != -1]
    close = min(closes) if closes else len(sent)
    return not depth_open < tp < close


def _names_document(sent: str, de: int) -> bool:
    """A year that is part of a document's name (1972年《联合声明》, 2022-2023年行动计划)."""
    return bool(_DOC_AFTER.match(sent, de))


_GAP_BREAK = re.compile(r"[,.;:!?，。；：！？、\n]")
_DESTINATION = {"来日": "Japan", "訪日": "Japan", "访日": "Japan", "訪日中": "Japan",
                "抵日": "Japan", "访华": "China", "訪華": "China", "访哈": "Kazakhstan"}
_JA_DROPPED = re.compile(r"^[^、。]{0,30}(?:には|では|に|は)、?")
_NEXT = re.compile(r"(?:\bnext|\bupcoming|\bfuture|下一?届|下一?屆|下次|次回|次の|"
                   r"следующ[а-я]*|будущ[а-я]*|келесі)\s*(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_AFFILIATION = re.compile(r"(?:\b(?:at|of|from|with)\s+(?:the\s+)?(?:[\w-]+-based\s+)?)"
                          r"(?:[A-Z][\w&'-]*\s+){1,5}$")
_REF_DET = re.compile(r"(?:\b(?:the|this|that|his|her|its|their)\s+|此次|本次|这次|這次|该|該)$",
                      re.IGNORECASE)
_REF_OWN = re.compile(r"^\w*\s+(?:of|by|to|with|between|in)\b", re.IGNORECASE)


def _reference(sent: str, ts: int, te: int, typ: str, in_sent: list[tuple[int, int, Entity]],
               t_pos: int, s_start: int) -> bool:
    """A trigger that names an event rather than states one.

    "the next summit", the "Steppe Policy Forum" an analyst works at, and "The visit came two
    months after …" (a visit already told, without participants of its own) state nothing new.
    """
    before = sent[max(0, ts - 40):ts]
    word = sent[ts:te].lower()
    if typ in ("summit", "forum", "meeting", "visit") and _NEXT.search(before):
        return True
    for ms, me, e in in_sent:
        if ms <= t_pos < me and e.type in ("organization", "event_series") and typ == "forum":
            return True
    if typ == "forum" and sent[ts:ts + 1].isupper() and _AFFILIATION.search(before):
        return True
    if typ == "meeting" and re.search(r"\b(?:has|have|had)\s+$", before):
        return True  # "has met mostly at foreign-minister level": a habit, not a meeting
    if word == "received":
        # "X received Y": a meeting only when a person is received
        return not any(e.type == "person" and t_pos < ms < t_pos + 60 for ms, _, e in in_sent)
    if typ in ("visit", "meeting", "summit") and word.isascii() and word.isalpha() \
            and _REF_DET.search(before) and not _REF_OWN.match(sent[ts:ts + 30]):
        # "The visit came …", "his trip" without its own "to X" / "by X"
        own = [e for ms, _, e in in_sent if ms > t_pos and e.type in ("person", "country")]
        after = sent[te:te + 12].lower()
        if after.startswith((" came", " was", " is", " will", " has", " drew", " took")) \
                or not own:
            return word not in ("trip",) or not any(
                ms < t_pos and e.type == "person" for ms, _, e in in_sent)
    return False


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


_ASIDE = re.compile(r"[,，、][^,，、。.;；]{1,40}[,，、]")


def _status(sent: str, trig_start: int, language: str = "en") -> Status:
    sent = _NOT_CANCELLED.sub(" ", sent)
    for status, rx in _STATUS:
        # Cancellation and postponement may come late in the sentence; plans sit near the verb.
        # Verb-final languages (ja, kk) and Russian word order put the plan further on.
        reach = 30 if language in ("ja", "kk", "ru") else 12
        # An aside between commas ("summit, first proposed in 2023, is to be held") is skipped.
        after = _ASIDE.sub(" ", sent[trig_start:trig_start + 80])[:reach + 8]
        head = sent if status != "planned" else sent[max(0, trig_start - 25):trig_start] + after
        if rx.search(head):
            return status
    return "happened"


_ACTOR_TYPES = ("person", "organization", "country")
_WEAK_OTHER = {"провел", "провёл", "өткізді", "hosted", "举办", "舉辦", "开展", "開展"}
_ALL_PARTIES = re.compile(r"各方|[Сс]тороны|the parties|all sides|all parties|тараптар|各国|各國",
                          re.IGNORECASE)
_LEADERS = re.compile(r"leaders of|heads of state|元首|首脳たち|лидер(?:ами|ов|ы)\b|"
                      r"глав(?:ами|ы) государств|мемлекет басшылары", re.IGNORECASE)
# Who attended, chaired or joined: the sentences that name a summit's leaders.
_ATTEND = re.compile(r"出席|参加|參加|与会|與會|主持|attended|joined|took part|participated|"
                     r"chaired|"
                     r"hosted|участвовал|участие|принимающей стороной|председательствовал|"
                     r"қатысты|қатысқан|төрағалық", re.IGNORECASE)
# "the two leaders signed": the persons of the meeting just told
_TWO_LEADERS = re.compile(r"両首脳|两国元首|兩國元首|双方元首|雙方元首|两位领导人|兩位領導人|"
                          r"the two leaders|both leaders|оба лидера|лидеры двух стран|"

                          r"екі ел басшылары|екі мемлекет басшысы", re.IGNORECASE)
# "the six heads of state signed": the leaders of the summit just told
_ALL_LEADERS = re.compile(r"[六五四三七八九多各]国元首|[六五四三七八九多各]國元首|各国领导人|"
                          r"各國領導人|与会领导人|與會領袖|heads of state|the leaders|"
                          r"главы государств|лидеры стран|мемлекет басшылары|各国首脳|"
                          r"首脳たち", re.IGNORECASE)
_IN_YEARS = re.compile(r"через (два|три|четыре|пять|\d+) год|in (two|three|four|five|\d+) years|"
                       r"([两兩三四五\d])年后|([两兩三四五\d])年後|(\d)年後|"
                       r"(екі|үш|\d+) жылдан кейін", re.IGNORECASE)
_NUM_WORDS = {"два": 2, "три": 3, "четыре": 4, "пять": 5, "two": 2, "three": 3, "four": 4,
              "five": 5, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "екі": 2, "үш": 3}


def _dateline(text: str, language: str, sentences: Sequence[tuple[int, int]],
              dates: Sequence[DateLike]) -> tuple[str | None, Sequence[DateLike]]:
    """A full date at the head of the text ("САМАРКАНД, 4 апреля 2025 г.") as the anchor."""
    head = [d for d in dates if d.value and d.start < 120 and len(d.value) == 10]
    if not head:
        return None, dates
    anchor = min(head, key=lambda d: d.start).value
    from attache.dates import find_dates  # resolve relative dates against the dateline

    spans = list(sentences)
    redone = [d for d in find_dates(text, language, anchor)
              if any(s <= d.start < e for s, e in spans)]
    return anchor, redone


def _countries_of(text: str, sentences: Sequence[tuple[int, int]],
                  by_sent: Sequence[list[tuple[int, int, Entity]]]) -> dict[str, str]:
    """The country named just before a person ("Президент России Владимир Путин")."""
    out: dict[str, str] = {}
    for (s_start, _), in_sent in zip(sentences, by_sent, strict=False):
        for i, (ms, _me, e) in enumerate(in_sent):
            if e.type != "person" or e.name in out:
                continue
            for cs, ce, c in reversed(in_sent[:i]):
                if c.type == "country" and ms - ce <= 20 and cs >= s_start \
                        and not _GAP_BREAK.search(text[ce:ms]):
                    out[e.name] = c.name
                    break
    return out


def _titled_of_country(before: str, parts: list[str], country_of: dict[str, str],
                       titled: dict[str, str]) -> list[str]:
    """A statement by "the Russian leader": the titled person of that country, if known."""
    if not re.search(r"лидер|leader|领导人|領導人|首脳|президент|president|总统|總統|主席|"
                     r"大統領|首相|premier|prime minister|басшы", before, re.IGNORECASE):
        return []
    holders = set(titled.values())
    for country in parts:
        who = [p for p, c in country_of.items() if c == country and p in holders]
        if who:
            return who[:1]
    return []


def _attendees(s_idx: int, sentences: Sequence[tuple[int, int]], text: str,
               by_sent: Sequence[list[tuple[int, int, Entity]]]) -> list[str]:
    """Leaders of a summit: persons of attendance sentences beside the summit's own.

    The previous sentence counts when it is in the same paragraph; the next two count while
    they name who attended, chaired or joined (出席, attended, қатысты).
    """
    names: list[str] = []
    near: list[int] = []
    if s_idx > 0 and "\n" not in text[sentences[s_idx - 1][1]:sentences[s_idx][0]]:
        near.append(s_idx - 1)
    for j in (s_idx + 1, s_idx + 2):
        if j >= len(sentences):
            break
        near.append(j)
    for j in near:
        s, e = sentences[j]
        if not _ATTEND.search(text[s:e]):
            if j > s_idx:
                break
            continue
        for _, _, ent in by_sent[j]:
            if ent.type == "person" and ent.name not in names:
                names.append(ent.name)
    return names


def _group(sent: str, typ: str, last_persons: dict[str, list[str]]) -> list[str]:
    """Leaders named as a group ("両首脳", "六国元首", "heads of state") of the last event."""
    if typ not in ("signing", "meeting", "statement", "visit", "other"):
        return []
    if _TWO_LEADERS.search(sent):
        return list(last_persons.get("meeting") or last_persons.get("visit") or [])
    if _ALL_LEADERS.search(sent):
        return list(last_persons.get("summit") or [])
    return []


def _ahead_date(sent: str, sent_dates: Sequence[DateLike], published: str | None) -> str | None:
    """The date of a planned event: its own date, or "in two years" from publication."""
    if sent_dates:
        return None
    m = _IN_YEARS.search(sent)
    if not m or not published:
        return None
    word = next(g for g in m.groups() if g)
    n = int(word) if word.isdigit() else _NUM_WORDS.get(word.lower(), 0)
    return str(int(published[:4]) + n) if n else None

"""Property: whatever the text, every span attache extracts points into the original text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attache.analysis import analyze
from attache.extract import extract_analysed
from attache.model import Document, PublishedDate
from attache.tokens import segmenter_for

PIECES = [
    "哈萨克斯坦总统托卡耶夫", "哈薩克斯坦總統", "近20亿美元", "超过85亿美元", "60余份", "3億5000万ドル",
    "37億ドル超", "Tokayev met Takaichi", "$2.7 billion", "more than 60 documents",
    "Токаев встретился с Такаити", "около 2 млрд долларов", "Тоқаев Жапонияға барды",
    "8,5 млрд доллардан астам", "12月3日", "去年", "в прошлом году", "昨年", "20日", "周五",
    "Фото: Ақорда", "![]()", "【编译：某某】", "。", "，", ". ", "\n", "\n\n", " ", "(", ")", "«", "»",
    "《东京宣言》", "“", "”", "１２％", "ﬁ", "①", "\u200b", "\t", "0", "9", "-", "~", "%",
]
SEG = segmenter_for(())


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40),
       st.sampled_from([None, "2025-12-20", "2022-05"]))
def test_every_span_quotes_the_original(pieces: list[str], published: str | None) -> None:
    text = "".join(pieces)
    doc = Document(text=text, format="txt", location="prop.txt",
                   published=PublishedDate.of(published, "header") if published else None)
    a = analyze(doc, SEG, extract=False, tokens=False)
    ex = extract_analysed(doc, a.view, a.language, a.sentences)
    for s in a.sentences:
        assert 0 <= s.start < s.end <= len(text) and s.text == text[s.start:s.end]
    for e in ex.entities:
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text
    for f in ex.figures:
        assert 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.text
    for v in ex.events:
        assert 0 <= v.start <= v.end <= len(text)

"""HTML pages, RSS/Atom feeds and WARC archives."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from attache.errors import DecodeError, EmptyDocument, UnsupportedInput
from attache.model import Document
from attache.readers import read_bytes, read_path
from attache.readers.html import fragment_text, url_date

TEXTS: dict[str, str] = json.loads(
    (Path(__file__).parent / "golden" / "readers" / "texts.json").read_text("utf-8")
)


def page(body: str, head: str = "", title: str = "Japan and Kazakhstan") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>{head}</head>"
        "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
        "<li><a href='/login'>Log in</a></li></ul></nav>"
        f"<article>{body}</article>"
        "<div class='comments'><h3>Comments</h3><p>Great article, thanks!</p></div>"
        "<footer><p>(c) 2025 Example Media. All rights reserved. Subscribe to our newsletter."
        "</p></footer></body></html>"
    )


def paragraphs(text: str, sep: str) -> str:
    parts = [p + sep for p in text.split(sep) if p]
    return "".join(f"<p>{p}</p>" for p in parts)


EN_HTML = page(
    "<h1>Tokayev and Takaichi sign fourteen agreements</h1>"
    + paragraphs(TEXTS["EN"], ". ")
    + "<p>Details were published by <a href='https://www.akorda.kz/en'>Akorda</a>.</p>",
    head=(
        "<meta property='og:site_name' content='The Astana Times'>"
        "<meta property='article:published_time' content='2025-12-19T10:00:00+05:00'>"
    ),
)


def test_english_article() -> None:
    doc = read_bytes(EN_HTML.encode(), location="a.html",
                     url="https://astanatimes.com/2025/12/tokayev-tokyo/")[0]
    assert doc.format == "html"
    assert "President Kassym-Jomart Tokayev" in doc.text
    assert "Log in" not in doc.text and "All rights reserved" not in doc.text
    assert "Great article" not in doc.text
    assert doc.outlet == "The Astana Times"
    assert doc.published and (doc.published.value, doc.published.source) == (
        "2025-12-19", "meta")
    assert doc.title == "Tokayev and Takaichi sign fourteen agreements"
    assert [(lk.text, lk.url) for lk in doc.links] == [("Akorda", "https://www.akorda.kz/en")]
    assert all(doc.text[lk.start:lk.end] == lk.text for lk in doc.links)
    assert "\n\n" in doc.text  # paragraphs kept


def test_gbk_page_with_meta_charset_and_json_ld() -> None:
    ld = json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "datePublished": "2025年12月18日 10:30",
         "publisher": {"@type": "Organization", "name": "新华网"}}]}, ensure_ascii=False)
    html = page(paragraphs(TEXTS["ZH_HANS"], "。"),
                head=f"<script type='application/ld+json'>{ld}</script>", title="托卡耶夫访日")
    data = html.replace('charset="utf-8"', 'charset="gb2312"').encode("gbk")
    doc = read_bytes(data, location="zh.html")[0]
    assert doc.encoding == "gb18030"
    assert "托卡耶夫对日本进行国事访问" in doc.text
    assert doc.published and doc.published.value == "2025-12-18"
    assert doc.outlet == "新华网"


def test_header_charset_beats_meta_and_time_element() -> None:
    html = page(
        "<time datetime='2025-12-17'>17 декабря</time>" + paragraphs(TEXTS["RU"], ". "),
        title="Токаев в Токио",
    ).replace('charset="utf-8"', 'charset="utf-8"')
    data = html.encode("cp1251")  # the meta tag lies; the HTTP header is right
    doc = read_bytes(data, location="ru.html", content_type="text/html; charset=windows-1251")[0]
    assert "Касым-Жомарт Токаев" in doc.text
    assert doc.published and doc.published.value == "2025-12-17"


def test_date_from_url_and_http_fallback() -> None:
    html = page(paragraphs(TEXTS["JA"], "。"), title="トカエフ大統領が来日")
    doc = read_bytes(html.encode(), location="ja.html",
                     url="https://www.example.jp/news/2025/12/19/tokayev.html")[0]
    assert doc.published and (doc.published.value, doc.published.source) == ("2025-12-19", "url")
    doc = read_bytes(html.encode(), location="ja.html", url="https://www.example.jp/a",
                     http_date="Fri, 19 Dec 2025 08:00:00 GMT")[0]
    assert doc.published and (doc.published.value, doc.published.source) == ("2025-12-19", "http")
    assert url_date("https://x.kz/20251218/abc") is not None
    assert url_date("https://x.kz/news/abc") is None


def test_xhtml_with_xml_declaration() -> None:
    body = paragraphs(TEXTS["KK"], ". ")
    html = ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Қазақстан мен Жапония'
            f"</title></head><body><article>{body}</article></body></html>")
    doc = read_bytes(html.encode(), location="kk.xhtml")[0]
    assert "Қасым-Жомарт Тоқаев" in doc.text


def test_page_without_article_is_empty() -> None:
    html = ("<html><head><title>Index</title></head><body><nav><a href='/'>Home</a>"
            "<a href='/a'>A</a></nav><script>var x = 1;</script></body></html>")
    with pytest.raises(EmptyDocument, match="no article text"):
        read_bytes(html.encode(), location="index.html")


def test_fragment_text() -> None:
    assert fragment_text("<p>One.</p><p>Two<br>three</p><script>x()</script>") == (
        "One.\n\nTwo\nthree")
    assert fragment_text("plain") == "plain"


# ---- feeds --------------------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>中亚观察</title><link>https://example.cn/</link><description>d</description>
<item><title>托卡耶夫访问东京</title><link>https://example.cn/a/1</link>
<pubDate>2025年12月18日 10:30</pubDate>
<description>摘要</description>
<content:encoded><![CDATA[<p>{TEXTS["ZH_HANS"]}</p><p>第二段。</p>]]></content:encoded></item>
<item><title>Токаев в Токио</title><link>https://example.cn/a/2</link>
<pubDate>Thu, 18 Dec 2025 10:30:00 +0500</pubDate>
<description>&lt;p&gt;{TEXTS["RU"]}&lt;/p&gt;</description></item>
<item><title>No text</title><link>https://example.cn/a/3</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Japan Desk</title><id>urn:x</id>
<updated>2025-12-20T00:00:00Z</updated>
<entry><title>Takaichi meets Tokayev</title><id>urn:x:1</id>
<link href="https://example.org/1"/><published>2025-12-19T09:00:00+09:00</published>
<updated>2025-12-20T00:00:00Z</updated>
<content type="html">&lt;p&gt;{TEXTS["EN"]}&lt;/p&gt;</content></entry>
<entry><title>日本とカザフスタン</title><id>urn:x:2</id><link href="https://example.org/2"/>
<updated>2025-12-21</updated><summary type="text">{TEXTS["JA"]}</summary></entry>
</feed>"""


def test_rss_items_and_raw_dates() -> None:
    docs = read_bytes(RSS.encode(), location="feed.xml")
    assert len(docs) == 2  # the item without text is skipped
    zh, ru = docs
    assert zh.format == "feed" and zh.outlet == "中亚观察"
    assert zh.title == "托卡耶夫访问东京" and zh.url == "https://example.cn/a/1"
    # feedparser would read this as 2025-11-01; we re-parse the raw string.
    assert zh.published and (zh.published.value, zh.published.source) == ("2025-12-18", "feed")
    assert zh.text == TEXTS["ZH_HANS"] + "\n\n第二段。"
    assert ru.published and ru.published.value == "2025-12-18"
    assert ru.text == TEXTS["RU"]


def test_atom_feed() -> None:
    docs = read_bytes(ATOM.encode(), location="https://example.org/atom",
                      content_type="application/atom+xml")
    assert [d.title for d in docs] == ["Takaichi meets Tokayev", "日本とカザフスタン"]
    assert docs[0].published and docs[0].published.value == "2025-12-19"
    assert docs[1].published and docs[1].published.value == "2025-12-21"
    assert docs[0].text == TEXTS["EN"] and docs[1].text == TEXTS["JA"]
    assert docs[0].url == "https://example.org/1" and docs[0].outlet == "Japan Desk"


def test_not_a_feed() -> None:
    with pytest.raises((UnsupportedInput, DecodeError), match="not an RSS or Atom feed"):
        read_bytes(b"<?xml version='1.0'?><catalog><book>x</book></catalog>",
                   location="books.xml")
    with pytest.raises(EmptyDocument):
        read_bytes(b'<rss version="2.0"><channel><title>t</title></channel></rss>',
                   location="empty.rss")


# ---- WARC ---------------------------------------------------------------------------------

def warc_bytes(gzip: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)

    def response(uri: str, ctype: str, body: bytes, date: str, status: str = "200 OK") -> None:
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        # An explicit length keeps warcio from spooling to a temp file it never closes.
        rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                        length=len(body), http_headers=http,
                                        warc_headers_dict={"WARC-Date": date})
        writer.write_record(rec)

    zh = page(paragraphs(TEXTS["ZH_HANS"], "。"), title="托卡耶夫访日").replace(
        'charset="utf-8"', "")
    response("https://example.cn/news/a.html", "text/html; charset=GBK", zh.encode("gbk"),
             "2025-12-21T03:00:00Z")
    response("https://example.org/2025/12/19/en.html", "text/html", EN_HTML.encode(),
             "2025-12-22T03:00:00Z")
    response("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n", "2025-12-22")
    response("https://example.org/gone", "text/html", b"<html>gone</html>", "2025-12-22",
             "404 Not Found")
    get = b"GET /x HTTP/1.1\r\n\r\n"
    req = writer.create_warc_record("https://example.org/x", "request",
                                    payload=io.BytesIO(get), length=len(get))
    writer.write_record(req)
    return out.getvalue()


@pytest.mark.parametrize("gzip", [False, True])
def test_warc(gzip: bool, tmp_path: Path) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(warc_bytes(gzip))
    docs: list[Document] = read_path(path)
    assert [d.url for d in docs] == ["https://example.cn/news/a.html",
                                     "https://example.org/2025/12/19/en.html"]
    zh, en = docs
    assert zh.format == "warc"
    assert "托卡耶夫对日本进行国事访问" in zh.text
    assert zh.published and (zh.published.value, zh.published.source) == ("2025-12-21", "warc")
    assert en.published and (en.published.value, en.published.source) == ("2025-12-19", "meta")


def test_warc_without_html() -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://example.org/a.png", "response", payload=io.BytesIO(b"\x89PNG"), length=4,
        http_headers=http))
    with pytest.raises(EmptyDocument, match="no HTML response"):
        read_bytes(out.getvalue(), location="x.warc")


def test_corrupt_warc() -> None:
    data = warc_bytes(True)
    with pytest.raises((DecodeError, EmptyDocument)):
        read_bytes(data[:40], location="broken.warc.gz")

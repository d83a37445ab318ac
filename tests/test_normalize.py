from __future__ import annotations

import pytest

from attache.normalize import boilerplate_lines, fold_query, matching_view, to_simplified


def test_view_keeps_length_and_offsets() -> None:
    original = "哈薩克斯坦總統托卡耶夫率先抵日，一口氣敲定１４項雙邊協議。"
    view = matching_view(original)
    assert len(view.text) == len(original)
    assert view.text == "哈萨克斯坦总统托卡耶夫率先抵日,一口气敲定14项双边协议。"
    i = view.text.index("托卡耶夫")
    assert view.to_original(i, i + 4) == "托卡耶夫"


@pytest.mark.parametrize("text", [
    "Japan and Kazakhstan agreed to expand trade.",
    "Токаев встретился с премьер-министром Японии.",
    "Тоқаев Жапония премьер-министрімен кездесті.",
    "トカエフ大統領は高市首相と会談した。",
    "ﬁve ligatures and ① circled digits must not move offsets",
])
def test_view_is_length_safe_in_every_script(text: str) -> None:
    assert len(matching_view(text).text) == len(text)


def test_to_simplified_only_touches_han() -> None:
    assert to_simplified("Komatsu 小松製作所") == "Komatsu 小松制作所"


def test_fold_query_matches_both_scripts() -> None:
    assert fold_query("哈薩克斯坦") == fold_query("哈萨克斯坦")
    assert fold_query("KOMATSU") == "komatsu"


def kinds(text: str) -> dict[str, str]:
    return {text[s:e].strip(): k for s, e, k in boilerplate_lines(text)}


def test_boilerplate_lines_are_marked_not_deleted() -> None:
    text = (
        "托卡耶夫总统行程以天皇德仁接见开启。\n\nФото: Ақорда\n\n![]()\n"
        "Инфографика: Kazinform\nPhoto: Akorda press service\n"
        "【编译：木合塔尔·木拉提】\n"
        "特别声明:以上内容为自媒体平台用户上传并发布,本平台仅提供信息存储服务。\n"
        "阅读更多资讯：\n- 新闻述评一\n"
        "The talks covered energy and transport.\n"
        "[参考文献]\n[1] 某某:《书名》,2016。\n"
    )
    k = kinds(text)
    assert k["Фото: Ақорда"] == "credit"
    assert k["![]()"] == "image"
    assert k["Инфографика: Kazinform"] == "credit"
    assert k["Photo: Akorda press service"] == "credit"
    assert k["【编译：木合塔尔·木拉提】"] == "byline"
    assert k["阅读更多资讯："] == "links"
    assert k["[参考文献]"] == "reference"
    assert k["[1] 某某:《书名》,2016。"] == "reference"
    assert "托卡耶夫总统行程以天皇德仁接见开启。" not in k
    assert "The talks covered energy and transport." not in k
    assert any(v == "disclaimer" for v in k.values())


def test_link_list_lines_are_marked() -> None:
    text = "Body sentence here.\n- Read this story\n- And this one"
    links = [(text.index("Read"), text.index("Read") + 15), (text.index("And"), len(text))]
    marks = boilerplate_lines(text, links)
    assert [k for _, _, k in marks] == ["links", "links"]

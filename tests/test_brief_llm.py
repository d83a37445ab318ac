"""The optional LLM writer against the fake OpenAI-compatible server the package ships (loopback).

The writer's prose is kept only where code verifies it: every sentence cites quotes it was
given, and every number and name in it is in those quotes (or in the facts the code computed
from them). What fails is listed in the "not verified" appendix.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from attache.brief.fake_llm import FakeLLMServer, reply_for
from attache.brief.llm import (
    LLMOptions,
    LLMWriter,
    OpenAIChat,
    check_sentence,
    numbers,
    parse_reply,
)
from attache.citations import Citation
from attache.cli import cli
from attache.errors import ConfigError
from attache.evidence import EvidenceBase
from attache.kb import default_kb
from tests.brief_checks import assert_fully_cited
from tests.conftest import copy_db


def test_numbers_are_normalized_across_scripts() -> None:
    assert numbers("$7.7 billion") == [7.7e9]
    assert numbers("77亿美元") == [7.7e9]
    assert numbers("1,8 млрд долларов") == [1.8e9]
    assert numbers("1,800 companies and 60余家") == [1800, 60]


def test_a_sentence_must_hold_against_its_quotes() -> None:
    kb = default_kb()
    c = Citation("d", 0, 10, "去年两国贸易额近20亿美元，托卡耶夫说。")
    assert check_sentence("Trade reached 2 bn USD, Tokayev said.", [c], kb) is None
    assert "97" in (check_sentence("Trade reached 97 bn USD.", [c], kb) or "")
    assert "Mongolia" in (check_sentence("Mongolia traded 2 bn USD.", [c], kb) or "")
    assert check_sentence("Trade reached 2 bn USD.", [], kb) == "it cites no quote"
    # A year resolved from "last year" against the publication date counts as stated.
    assert check_sentence("In 2024 trade reached 2 bn USD.", [c], kb, years=["2024"]) is None


def test_reply_parsing() -> None:
    got = parse_reply("Tokayev visited Tokyo [Q1][Q2].\n托卡耶夫访问东京[Q3]。\nNo ids here.")
    assert got == [("Tokayev visited Tokyo.", ["Q1", "Q2"]), ("托卡耶夫访问东京。", ["Q3"]),
                   ("No ids here.", [])]
    assert reply_for([{"role": "user", "content": "hello"}]).startswith("I can only")


def test_llm_writer_keeps_verified_sentences_and_lists_the_rest(loaded: EvidenceBase) -> None:
    with FakeLLMServer(mistakes=True) as server:
        writer = LLMWriter(OpenAIChat(LLMOptions(url=server.url, model="fake")), loaded.kb)
        result = loaded.brief("Japan Kazakhstan", lang="en", fmt="md", writer=writer)
        assert server.requests and server.requests[0]["model"] == "fake"
    b = result.brief
    assert b.writer == "llm"
    assert_fully_cited(b, loaded.store)
    written = [c for c in b.claims() if c.key == "llm"]
    assert written and all(c.citations for c in written)
    reasons = " ".join(u.reason for u in b.unverified)
    texts = " ".join(u.text for u in b.unverified)
    assert "97" in texts and "Mongolia" in texts and "Q999" in reasons
    assert not [c for c in b.claims() if "97 bn" in c.text or "Mongolia also" in c.text]
    assert "## Not verified" in result.text


def test_llm_writer_in_chinese_and_from_the_command_line(loaded: EvidenceBase,
                                                         tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    copy_db(loaded, db)
    with FakeLLMServer() as server:
        res = CliRunner().invoke(cli, ["brief", "Japan", "Kazakhstan", "--db", str(db),
                                       "--lang", "zh", "--format", "json", "--writer", "llm",
                                       "--llm-url", server.url, "--llm-model", "fake"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["writer"] == "llm" and d["lang"] == "zh"
    llm = [c for s in d["sections"] for c in s["claims"] if c.get("key") == "llm"]
    assert llm and all("托卡耶夫" in c["text"] or c["citations"] for c in llm)


def test_unreachable_or_bad_endpoint_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="not an http"):
        OpenAIChat(LLMOptions(url="file:///etc/passwd"))
    with FakeLLMServer() as server:
        url = server.url
    chat = OpenAIChat(LLMOptions(url=url, timeout=5))
    with pytest.raises(ConfigError, match="did not answer"):
        chat.complete([{"role": "user", "content": "x"}])
    opts = LLMOptions.from_env(env={"ATTACHE_LLM_URL": "http://127.0.0.1:1/v1",
                                    "ATTACHE_LLM_MODEL": "m"})
    assert (opts.url, opts.model) == ("http://127.0.0.1:1/v1", "m")

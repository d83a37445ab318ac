"""The optional LLM writer: an OpenAI-compatible model phrases the prose, code checks every word.

``--writer llm`` sends, section by section, the statements the facts writer made and the quotes
they rest on (each with an id, ``Q1``, ``Q2`` …) to a chat-completions endpoint — a local
Ollama, llama.cpp or vLLM server — and asks for fluent prose in the reader's language in which
every sentence ends with the ids of the quotes it rests on. Each sentence that comes back is
checked by :func:`check_sentence`: its ids must exist, and every number, year and named entity
in it must be present in the quotes it cites (numbers normalized — "7.7 bn", "77亿", "7,7 млрд"
are one number; names matched across languages through the knowledge base). A sentence that
fails is dropped and listed, with the reason, in the brief's "not verified" appendix; a section
for which no sentence survives keeps the facts writer's statements. The facts writer stays the
default; nothing here runs unless asked for.

The endpoint is the one outside seam: :class:`ChatBackend`. :class:`OpenAIChat` speaks HTTP;
:mod:`attache.brief.fake_llm` ships a fake OpenAI-compatible server for tests and demos.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol
from urllib.parse import urlsplit

from attache.brief.model import Brief, Claim, Section, Unverified, evidence_key
from attache.brief.strings import lexicon
from attache.citations import Citation, unique
from attache.errors import ConfigError
from attache.kb import KnowledgeBase
from attache.topic import match_entities

ENV_URL = "ATTACHE_LLM_URL"
ENV_MODEL = "ATTACHE_LLM_MODEL"
ENV_KEY = "ATTACHE_LLM_API_KEY"
DEFAULT_URL = "http://127.0.0.1:11434/v1"  # Ollama's OpenAI-compatible API
DEFAULT_MODEL = "qwen2.5:7b-instruct"
# Sections whose statements the model may rephrase; limitations stay as the code wrote them.
REWRITTEN = ("summary", "background", "analysis", "conclusions")
MAX_REPLY_BYTES = 1_000_000
FACTS_BEGIN, FACTS_END = "<<<FACTS", "FACTS>>>"

_LANGUAGE = {"en": "English", "zh": "Simplified Chinese", "ru": "Russian"}


class ChatBackend(Protocol):
    """What the writer needs of a model: one chat completion."""

    def complete(self, messages: list[dict[str, str]]) -> str: ...


@dataclass(frozen=True)
class LLMOptions:
    url: str = DEFAULT_URL
    model: str = DEFAULT_MODEL
    api_key: str | None = None
    timeout: float = 120.0

    @classmethod
    def from_env(cls, url: str | None = None, model: str | None = None,
                 env: dict[str, str] | None = None) -> LLMOptions:
        """Options given, else ``ATTACHE_LLM_URL`` / ``ATTACHE_LLM_MODEL`` /
        ``ATTACHE_LLM_API_KEY``, else a local Ollama."""
        e = os.environ if env is None else env
        return cls(url=url or e.get(ENV_URL) or DEFAULT_URL,
                   model=model or e.get(ENV_MODEL) or DEFAULT_MODEL,
                   api_key=e.get(ENV_KEY) or None)


class OpenAIChat:
    """``POST {url}/chat/completions`` with temperature 0; errors become ConfigError."""

    def __init__(self, options: LLMOptions) -> None:
        parts = urlsplit(options.url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(f"LLM endpoint {options.url!r} is not an http(s) URL; give one "
                              f"like {DEFAULT_URL} with --llm-url or {ENV_URL}")
        self.options = options

    def complete(self, messages: list[dict[str, str]]) -> str:
        o = self.options
        body = json.dumps({"model": o.model, "messages": messages, "temperature": 0,
                           "stream": False}).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if o.api_key:
            headers["Authorization"] = f"Bearer {o.api_key}"
        req = urllib.request.Request(o.url.rstrip("/") + "/chat/completions", data=body,
                                     headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=o.timeout) as resp:  # noqa: S310
                raw = resp.read(MAX_REPLY_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise ConfigError(f"LLM endpoint {o.url} answered HTTP {exc.code} for model "
                              f"{o.model!r}; check --llm-model and the server's log") from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ConfigError(f"LLM endpoint {o.url} did not answer ({reason}); start the "
                              f"server or point --llm-url / {ENV_URL} at it") from exc
        if len(raw) > MAX_REPLY_BYTES:
            raise ConfigError(f"LLM endpoint {o.url} sent more than {MAX_REPLY_BYTES} bytes")
        try:
            return str(json.loads(raw)["choices"][0]["message"]["content"])
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise ConfigError(f"LLM endpoint {o.url} did not answer in the OpenAI "
                              f"chat-completions format") from exc


# --- checking a sentence against its spans ----------------------------------------------------

_NUM = re.compile(r"(?<![0-9A-Za-z.,])(\d{1,3}(?:[,\u00a0 ]\d{3})+|\d+)(?:[.,](\d+))?\s*"
                  r"(bn|billion|млрд\.?|миллиард\w*|tn|trillion|трлн\.?|m\b|million|млн\.?"
                  r"|миллион\w*|亿|億|万|萬|千|тыс\.?)?", re.IGNORECASE)
_SCALE = {"bn": 1e9, "billion": 1e9, "млрд": 1e9, "миллиард": 1e9, "tn": 1e12,
          "trillion": 1e12, "трлн": 1e12, "m": 1e6, "million": 1e6, "млн": 1e6,
          "миллион": 1e6, "亿": 1e8, "億": 1e8, "万": 1e4, "萬": 1e4, "千": 1e3, "тыс": 1e3}
_MARKER = re.compile(r"\[(Q\d+)\]")
_SENTENCE = re.compile(r"(.+?)((?:\s*\[Q\d+\])+)\s*([.。!?！？]?)", re.S)


def numbers(text: str) -> list[float]:
    """Every number in ``text`` with its scale word applied: "$7.7 billion" → 7.7e9,
    "77亿" → 7.7e9, "1,8 млрд" → 1.8e9, "60余家" → 60."""
    return [_value(m) for m in _NUM.finditer(text)]


def _value(m: re.Match[str]) -> float:
    whole, frac, scale = m.group(1), m.group(2), (m.group(3) or "").lower().rstrip(".")
    digits = re.sub(r"[,\u00a0 ]", "", whole)
    value = float(f"{digits}.{frac}") if frac else float(digits)
    for k, v in _SCALE.items():
        if scale.startswith(k):
            return value * v
    return value


def _matches(v: float, pool: Iterable[float]) -> bool:
    return any(abs(v - w) <= 0.011 * max(abs(v), abs(w), 1.0) for w in pool)


def check_sentence(text: str, cites: Sequence[Citation], kb: KnowledgeBase,
                   years: Iterable[str] = (), facts: Sequence[str] = ()) -> str | None:
    """Why a written sentence does not hold against the spans it cites (None when it holds).

    ``years`` are the publication years of the cited documents: a relative date in a span
    ("last year") was resolved against them, so the year it names counts as stated. ``facts``
    are the statements the code wrote from these same spans (counts of independent sources,
    an event's participants gathered from all its reports): what they state counts as stated.
    """
    if not cites:
        return "it cites no quote"
    spans = " ".join([*(c.quote for c in cites), *facts])
    pool = numbers(spans) + [float(y) for y in years if y.isdigit()]
    for m in _NUM.finditer(_MARKER.sub("", text)):
        if not _matches(_value(m), pool):
            return f"the number {m.group().strip()!r} is not in its cited quotes"
    cited_ids = {e.id for q in [*(c.quote for c in cites), *facts]
                 for _s, _e, e in match_entities(q, kb)}
    for _s, _e, entry in match_entities(_MARKER.sub("", text), kb):
        if entry.id not in cited_ids:
            return f"{entry.name} is not named in its cited quotes"
    return None


# --- the writer -------------------------------------------------------------------------------


@dataclass
class _Request:
    facts: list[dict[str, Any]]
    quotes: dict[str, Citation]


def _request(claims: Sequence[Claim]) -> _Request:
    ids: dict[tuple[str, int, int], str] = {}
    quotes: dict[str, Citation] = {}
    facts = []
    for i, c in enumerate(claims, start=1):
        qids = []
        for cite in c.citations:
            if cite.key not in ids:
                ids[cite.key] = f"Q{len(ids) + 1}"
                quotes[ids[cite.key]] = cite
            qids.append(ids[cite.key])
        facts.append({"id": f"F{i}", "text": c.text, "quotes": qids})
    return _Request(facts, quotes)


def prompt(lang: str, req: _Request) -> list[dict[str, str]]:
    payload = {"language": lang, "facts": req.facts,
               "quotes": [{"id": k, "text": c.quote} for k, c in req.quotes.items()]}
    language = _LANGUAGE.get(lang, lang)
    system = ("You are an analyst writing a brief on international relations. Rewrite the "
              f"facts as fluent, concise prose in {language}. Every sentence must end with the "
              "ids of the quotes it rests on, like [Q1][Q3]. Use only names, numbers and dates "
              "that appear in those quotes or in the facts; add nothing else. Write one "
              "sentence per line.")
    user = (f"{FACTS_BEGIN}\n{json.dumps(payload, ensure_ascii=False, indent=1)}\n{FACTS_END}")
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def parse_reply(reply: str) -> list[tuple[str, list[str]]]:
    """Sentences with the quote ids they end with; text without ids is returned with none."""
    out = []
    pos = 0
    for m in _SENTENCE.finditer(reply):
        text = (m.group(1).strip() + m.group(3)).strip()
        out.append((text, _MARKER.findall(m.group(2))))
        pos = m.end()
    rest = reply[pos:].strip()
    if rest:
        out.append((rest, []))
    return [(t, ids) for t, ids in out if t]


class LLMWriter:
    """Rewrites a brief's statements with a chat model and keeps only what code verifies."""

    name = "llm"

    def __init__(self, backend: ChatBackend, kb: KnowledgeBase) -> None:
        self.backend = backend
        self.kb = kb

    @classmethod
    def from_options(cls, kb: KnowledgeBase, url: str | None = None,
                     model: str | None = None) -> LLMWriter:
        return cls(OpenAIChat(LLMOptions.from_env(url, model)), kb)

    def rewrite(self, brief: Brief, years: dict[str, str] | None = None) -> Brief:
        """``years``: doc id → publication year, for dates resolved against it."""
        lexicon(brief.lang)
        dropped: list[Unverified] = []
        pub = years or {}

        def section(s: Section) -> Section:
            subs = tuple(section(x) for x in s.subsections)
            stmts = [c for c in s.claims if c.kind == "statement"]
            if not stmts:
                return replace(s, subsections=subs)
            req = _request(stmts)
            reply = self.backend.complete(prompt(brief.lang, req))
            written: list[Claim] = []
            for text, ids in parse_reply(reply):
                cites = unique(req.quotes[i] for i in ids if i in req.quotes)
                unknown = [i for i in ids if i not in req.quotes]
                related = [f["text"] for f in req.facts if set(f["quotes"]) & set(ids)]
                reason = (f"it cites {', '.join(unknown)}, which is not a quote it was given"
                          if unknown else
                          check_sentence(text, cites, self.kb,
                                         {pub[c.doc_id] for c in cites if c.doc_id in pub},
                                         related))
                if reason:
                    dropped.append(Unverified(text, reason))
                    continue
                evidence = tuple(e for c in stmts for e in c.evidence
                                 if {x.key for x in e.citations} & {x.key for x in cites})
                written.append(Claim(text=text, kind="statement", language=brief.lang,
                                     citations=cites, key="llm",
                                     evidence=tuple(dict.fromkeys(evidence))[:2]))
            if not written:
                return replace(s, subsections=subs)
            quotes = tuple(c for c in s.claims if c.kind != "statement")
            return replace(s, claims=tuple(written) + quotes, subsections=subs)

        secs = tuple(section(s) if s.key in REWRITTEN else s for s in brief.sections)
        out = replace(brief, sections=secs, unverified=brief.unverified + tuple(dropped),
                      writer=self.name)
        return replace(out, evidence_key=evidence_key(out))

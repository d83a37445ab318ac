"""A fake OpenAI-compatible chat server, shipped so the LLM writer can be tried and tested offline.

It listens on loopback only and answers ``POST /v1/chat/completions`` the way a dutiful model
would: it reads the facts the writer sent and returns each as one sentence ending with its quote
ids. Told to, it also makes the mistakes real models make — a sentence with an invented number,
one citing a quote id it was never given, one naming a country no quote names — so the checks
that drop them are exercised. ``GET /v1/models`` lists its one model.

    with FakeLLMServer(mistakes=True) as server:
        writer = LLMWriter(OpenAIChat(LLMOptions(url=server.url, model="fake")), kb)
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from attache.brief.llm import FACTS_BEGIN, FACTS_END

MODEL = "attache-fake"
MAX_BODY = 2_000_000
_MISTAKES = {
    "en": ["Trade between the two countries tripled to 97 bn USD.",
           "Mongolia also signed 14 agreements."],
    "zh": ["两国贸易额增至970亿美元。", "蒙古也签署了14项协议。"],
    "ru": ["Товарооборот вырос до 97 млрд долл. США.", "Монголия также подписала 14 соглашений."],
}


def reply_for(messages: list[dict[str, Any]], mistakes: bool = False) -> str:
    """The fake model's answer to the writer's prompt."""
    user = next((m.get("content", "") for m in messages if m.get("role") == "user"), "")
    if FACTS_BEGIN not in user or FACTS_END not in user:
        return "I can only rewrite facts sent by attache."
    payload = json.loads(user.split(FACTS_BEGIN, 1)[1].split(FACTS_END, 1)[0])
    lang = payload.get("language", "en")
    lines = []
    for f in payload.get("facts", []):
        ids = "".join(f"[{q}]" for q in f.get("quotes", []))
        text = str(f.get("text", "")).strip()
        end = text[-1:] if text[-1:] in ".。!?！？" else ""
        lines.append(f"{text[:len(text) - len(end)]} {ids}{end}".strip())
    if mistakes and payload.get("facts"):
        first = "".join(f"[{q}]" for q in payload["facts"][0].get("quotes", [])[:1])
        wrong_number, wrong_name = _MISTAKES.get(lang, _MISTAKES["en"])
        lines.append(f"{wrong_number} {first}")
        lines.append(f"{wrong_name} {first}")
        lines.append("The sources agree on everything. [Q999]")
    return "\n".join(lines)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return  # a test server keeps quiet

    def _send(self, code: int, body: dict[str, Any]) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802
        if self.path.rstrip("/") == "/v1/models":
            self._send(200, {"object": "list", "data": [{"id": MODEL, "object": "model"}]})
        else:
            self._send(404, {"error": {"message": "not found"}})

    def do_POST(self) -> None:  # noqa: N802
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._send(404, {"error": {"message": "not found"}})
            return
        size = int(self.headers.get("Content-Length") or 0)
        if size > MAX_BODY:
            self._send(413, {"error": {"message": "request too large"}})
            return
        try:
            req = json.loads(self.rfile.read(size))
            messages = list(req["messages"])
        except (ValueError, KeyError, TypeError):
            self._send(400, {"error": {"message": "expected a chat-completions request"}})
            return
        self.server.requests.append(req)
        content = reply_for(messages, self.server.mistakes)
        self._send(200, {"id": f"chatcmpl-{len(self.server.requests)}",
                         "object": "chat.completion", "model": req.get("model", MODEL),
                         "choices": [{"index": 0, "finish_reason": "stop",
                                      "message": {"role": "assistant", "content": content}}]})


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, mistakes: bool) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mistakes = mistakes
        self.requests: list[dict[str, Any]] = []


class FakeLLMServer:
    """The fake server on a free loopback port, run in a thread; a context manager."""

    def __init__(self, mistakes: bool = False) -> None:
        self._server = _Server(mistakes)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    @property
    def requests(self) -> list[dict[str, Any]]:
        return self._server.requests

    def __enter__(self) -> FakeLLMServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

"""What a server is started with, checked once: the bind address decides whether a token is
required, and a token is never optional off loopback."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path

from attache.errors import ConfigError

DEFAULT_UPLOAD_MB = 25.0
# Every request body other than an upload (JSON, forms) is small; refusing big ones early keeps
# a client from filling memory.
DEFAULT_BODY_BYTES = 64 * 1024
MIN_TOKEN_CHARS = 16


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ServerSettings:
    db: str = "attache.db"
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    allow_private: bool = False
    max_upload_bytes: int = int(DEFAULT_UPLOAD_MB * 1024 * 1024)
    max_body_bytes: int = DEFAULT_BODY_BYTES
    upload_dir: Path | None = None
    kb_paths: tuple[str, ...] = field(default=())
    outlet_paths: tuple[str, ...] = field(default=())
    # Host names the server answers to when it runs without a token (loopback names + --host).
    host_names: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")

    def answers_to(self) -> frozenset[str]:
        return frozenset(self.host_names) | {self.host.strip("[]")}

    def checked(self) -> ServerSettings:
        """These settings, or a ConfigError that says what to change."""
        token = self.token or None
        if not is_loopback(self.host) and not token:
            raise ConfigError(
                f"refusing to listen on {self.host}: a non-loopback address needs an API "
                f"token; pass --token or set ATTACHE_TOKEN (at least {MIN_TOKEN_CHARS} "
                "characters), or bind to 127.0.0.1")
        if token is not None and len(token) < MIN_TOKEN_CHARS:
            raise ConfigError(f"the API token is too short ({len(token)} characters); use at "
                              f"least {MIN_TOKEN_CHARS}, e.g. from "
                              "'python -c \"import secrets; print(secrets.token_urlsafe())\"'")
        if self.max_upload_bytes <= 0:
            raise ConfigError("the upload cap must be positive; pass --max-upload-mb")
        return self


def token_from_env(given: str | None) -> str | None:
    return given or os.environ.get("ATTACHE_TOKEN") or None

"""Citations: a stored span of a document, checked against the stored text before it is shown.

A brief never prints a quote it has not checked: :func:`verify` reads each cited document from
the store and keeps a citation only when ``text[start:end] == quote``. A citation that fails is
dropped and reported with the reason, so a stale or tampered brief cannot put words into a
source's mouth.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import PurePosixPath
from typing import Any, Protocol
from urllib.parse import quote as url_quote
from urllib.parse import urlsplit

from attache.errors import NotFound


class TextSource(Protocol):
    """The one store method verification needs (a SqlStore, or a dict-backed fake in tests)."""

    def text_of(self, doc_id: str) -> str: ...


@dataclass(frozen=True)
class Citation:
    """A span of a stored document: ``quote`` must equal the document's ``text[start:end]``.

    ``location`` is the path or URL the document was read from, ``url`` its canonical URL when
    the reader found one.
    """

    doc_id: str
    start: int
    end: int
    quote: str
    location: str = ""
    url: str | None = None

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.doc_id, self.start, self.end)

    def href(self) -> str:
        """Where a reader can open the source: its web URL, else a ``file:`` URI of its path.

        Only http(s) and file URIs are produced, because a location is untrusted input and a
        ``javascript:`` target must never become a link.
        """
        for cand in (self.url, self.location):
            if cand and urlsplit(cand).scheme.lower() in ("http", "https"):
                return cand
        path = self.location.split("#", 1)[0]
        if not path:
            return ""
        p = PurePosixPath(path)
        # A relative path stays relative (the brief is usually written beside the corpus);
        # quoting makes any character, a colon included, harmless inside an href.
        if p.is_absolute():
            return "file://" + url_quote(str(p), safe="/._-~")
        return "./" + url_quote(str(p), safe="/._-~")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Citation:
        return cls(doc_id=str(d["doc_id"]), start=int(d["start"]), end=int(d["end"]),
                   quote=str(d["quote"]), location=str(d.get("location") or ""),
                   url=d.get("url"))


@dataclass(frozen=True)
class DroppedCitation:
    """A citation that failed verification, with the reason in words."""

    citation: Citation
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.citation.to_dict(), "reason": self.reason}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DroppedCitation:
        return cls(Citation.from_dict(d), str(d.get("reason", "")))


def check(citation: Citation, text: str | None) -> str | None:
    """Why ``citation`` does not hold against ``text`` (None when it holds)."""
    if text is None:
        return "the document is not in the store"
    c = citation
    if c.start < 0 or c.end > len(text) or c.start >= c.end:
        return f"span {c.start}:{c.end} lies outside the document ({len(text)} characters)"
    if text[c.start:c.end] != c.quote:
        return "the quote does not match the stored text at this span"
    return None


def verify(citations: Iterable[Citation], store: TextSource,
           cache: dict[str, str | None] | None = None
           ) -> tuple[list[Citation], list[DroppedCitation]]:
    """Split citations into those whose quote matches the stored text and those dropped.

    ``cache`` lets a caller verifying a whole brief read each document once.
    """
    texts: dict[str, str | None] = cache if cache is not None else {}
    kept: list[Citation] = []
    dropped: list[DroppedCitation] = []
    for c in citations:
        if c.doc_id not in texts:
            try:
                texts[c.doc_id] = store.text_of(c.doc_id)
            except NotFound:
                texts[c.doc_id] = None
        reason = check(c, texts[c.doc_id])
        if reason is None:
            kept.append(c)
        else:
            dropped.append(DroppedCitation(c, reason))
    return kept, dropped


def unique(citations: Iterable[Citation]) -> tuple[Citation, ...]:
    """Citations in order with repeated spans removed."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for c in citations:
        if c.key not in seen:
            seen.add(c.key)
            out.append(c)
    return tuple(out)

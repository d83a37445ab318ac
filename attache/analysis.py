"""One document analysed: everything the store keeps about it, computed without I/O.

``analyze`` is a pure function of the document and the knowledge base, so the same code runs
in a loop on a laptop or on many workers; the store only writes what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from attache.dedup import Fingerprint, fingerprint, sentence_fingerprint
from attache.language import detect_language
from attache.model import Document, Extraction, PublishedDate, Sentence
from attache.normalize import View, boilerplate_lines, matching_view
from attache.sentences import split_sentences

if TYPE_CHECKING:
    from attache.kb import KnowledgeBase
    from attache.sources import OutletRegistry
    from attache.tokens import Segmenter


@dataclass(frozen=True)
class Analysis:
    document: Document
    view: View
    language: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[str, ...]  # per sentence, space-joined search tokens
    sentence_fps: tuple[str | None, ...]
    fingerprint: Fingerprint
    extraction: Extraction | None

    @property
    def doc_id(self) -> str:
        return self.document.id


def document_sentences(doc: Document, view: View, language: str) -> tuple[Sentence, ...]:
    """Sentences with their language and boilerplate kind (from the line they sit on)."""
    marks = boilerplate_lines(doc.text, [(lk.start, lk.end) for lk in doc.links])
    out: list[Sentence] = []
    mi = 0
    for i, (s, e) in enumerate(split_sentences(doc.text)):
        while mi < len(marks) and marks[mi][1] <= s:
            mi += 1
        kind = marks[mi][2] if mi < len(marks) and marks[mi][0] <= s < marks[mi][1] else None
        text = doc.text[s:e]
        lang = detect_language(view.text[s:e], default=language) if kind is None else language
        out.append(Sentence(index=i, start=s, end=e, text=text, language=lang, boilerplate=kind))
    return tuple(out)


def body_text(doc: Document, sentences: tuple[Sentence, ...]) -> str:
    """The prose of a document without its boilerplate lines, for language detection."""
    return "\n".join(s.text for s in sentences if s.boilerplate is None) or doc.text


def analyze(doc: Document, segmenter: Segmenter, *, extract: bool = True,
            tokens: bool = True, kb: KnowledgeBase | None = None,
            registry: OutletRegistry | None = None) -> Analysis:
    """Analyse one document; ``tokens=False`` skips what only the store needs."""
    view = matching_view(doc.text)
    first_guess = detect_language(view.text)
    sentences = document_sentences(doc, view, first_guess)
    language = detect_language(body_text(doc, sentences), default=first_guess)
    if language != first_guess:
        sentences = document_sentences(doc, view, language)
    # Search tokens and dedup fingerprints are only needed by the store, not by `extract`.
    toks = tuple(" ".join(segmenter.index_tokens(view.text[s.start:s.end])) if tokens else ""
                 for s in sentences)
    fps = tuple(
        sentence_fingerprint(view.text[s.start:s.end])
        if tokens and s.boilerplate is None else None
        for s in sentences
    )
    fp = (fingerprint("".join(view.text[s.start:s.end] for s in sentences
                              if s.boilerplate is None))
          if tokens else Fingerprint((), ()))
    extraction = None
    if extract:
        from attache.extract import extract_analysed

        extraction = extract_analysed(doc, view, language, sentences, kb, registry)
        if doc.published is None and extraction.published:
            # The store keeps the inferred date with its provenance, so briefs can say so.
            doc = replace(doc, published=PublishedDate(extraction.published, "inferred",
                                                       "month"))
    return Analysis(document=doc, view=view, language=language, sentences=sentences, tokens=toks,
                    sentence_fps=fps, fingerprint=fp, extraction=extraction)

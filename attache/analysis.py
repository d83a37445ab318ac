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


def document_sentences(doc: Document, language: str) -> tuple[Sentence, ...]:
    """Sentences with their language and boilerplate kind (from the line they sit on)."""
    marks = boilerplate_lines(doc.text, [(lk.start, lk.end) for lk in doc.links])
    out: list[Sentence] = []
    mi = 0
    for i, (s, e) in enumerate(split_sentences(doc.text)):
        while mi < len(marks) and marks[mi][1] <= s:
            mi += 1
        kind = marks[mi][2] if mi < len(marks) and marks[mi][0] <= s < marks[mi][1] else None
        text = doc.text[s:e]
        # On the original: the view has lost the Traditional/Simplified difference.
        lang = detect_language(text, default=language) if kind is None else language
        out.append(Sentence(index=i, start=s, end=e, text=text, language=lang, boilerplate=kind))
    return tuple(out)


def body_text(doc: Document, sentences: tuple[Sentence, ...]) -> str:
    """The prose of a document without its boilerplate lines, for language detection."""
    return "\n".join(s.text for s in sentences if s.boilerplate is None) or doc.text


def analyze(doc: Document, segmenter: Segmenter, *, extract: bool = True,
            tokens: bool = True, kb: KnowledgeBase | None = None,
            registry: OutletRegistry | None = None) -> Analysis:
    """Analyse one document; ``tokens=False`` skips what only the store needs."""
    first_guess = detect_language(doc.text)
    sentences = document_sentences(doc, first_guess)
    language = detect_language(body_text(doc, sentences), default=first_guess)
    if language != first_guess:
        sentences = document_sentences(doc, language)
    # Search folds every Han character to Simplified so any script finds any script; the
    # extractors see Japanese as written (t2s would turn 会談 into 会谈 and 大統領 into 大统领).
    view = search_view = matching_view(doc.text)
    if language == "ja":
        view = matching_view(doc.text, simplify=False)
    # Search tokens and dedup fingerprints are only needed by the store, not by `extract`.
    sv = search_view.text
    toks = tuple(" ".join(segmenter.index_tokens(sv[s.start:s.end])) if tokens else ""
                 for s in sentences)
    fps = tuple(
        sentence_fingerprint(sv[s.start:s.end])
        if tokens and s.boilerplate is None else None
        for s in sentences
    )
    fp = (fingerprint("".join(sv[s.start:s.end] for s in sentences if s.boilerplate is None))
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

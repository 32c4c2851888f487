"""read → analyse → review: fills one review record for one document (一事一审).

The engines (spaCy pipeline, Presidio analyzer) are built once in ``Reviewer.build`` and
passed down; nothing here keeps module-level state.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from gkreview import __version__
from gkreview.classify.model.predictor import DisclosureModel
from gkreview.classify.propose import propose
from gkreview.ingest.document import ExtractedDocument
from gkreview.ingest.metadata import DocumentMetadata, extract_metadata
from gkreview.ingest.reader import load_bytes, read_bytes
from gkreview.models import ner_model_dir
from gkreview.redact.analyzer import Detection, PersonalDataAnalyzer
from gkreview.redact.entities import label
from gkreview.redact.policy import GENERAL, KEEP, Policy, Treatment, load_policy, treatment_for
from gkreview.redact.profile_apply import apply_profile
from gkreview.redact.public_role import public_role
from gkreview.redact.salt import load_salt
from gkreview.review.record import (
    Disclosure,
    DocumentInfo,
    Evidence,
    Finding,
    Reason,
    Review,
    ReviewWarning,
    Secrecy,
)


def explain_detection(d: Detection, action: str) -> str:
    """One Chinese sentence saying why this was found and what is proposed."""
    found_by = "由姓名/住址识别模型找到" if d.recognizer == "ZhNerRecognizer" else "符合格式"
    parts = [f"{found_by}（{label(d.type)}）"]
    if d.validated:
        parts.append("校验位/日期校验通过")
    if d.context_word:
        parts.append(f"附近有提示词“{d.context_word}”")
    if action == "keep":
        parts.append("属于单位或公开信息，不是个人信息，予以保留")
    return "，".join(parts) + "。"


def make_findings(
    text: str, detections: list[Detection], policy: dict[str, Treatment]
) -> list[Finding]:
    findings: list[Finding] = []
    for d in detections:
        treatment = treatment_for(d.type, policy)
        if d.score < treatment.min_score:
            continue
        value = text[d.start : d.end]
        explanation = explain_detection(d, treatment.action)
        role = public_role(text, d.start, d.end) if d.type == "PERSON" else None
        if role is not None:  # an official in his public role: seen, deliberately kept
            treatment, explanation = KEEP, role
        findings.append(
            Finding(
                id=f"f{len(findings) + 1}",
                type=d.type,
                label=label(d.type),
                start=d.start,
                end=d.end,
                text=value,
                score=min(1.0, max(0.0, d.score)),
                action=treatment.action,
                replacement=treatment.replacement(value),
                recognizer=d.recognizer,
                explanation=explanation,
                context_word=d.context_word,
                validated=d.validated,
            )
        )
    return findings


def document_info(
    name: str, sha256: str, doc: ExtractedDocument, meta: DocumentMetadata
) -> DocumentInfo:
    secrecy = None
    if meta.secrecy is not None:
        s = meta.secrecy
        secrecy = Secrecy(level=s.level, period=s.period, text=s.text, start=s.start, end=s.end)
    return DocumentInfo(
        name=name,
        format=doc.format,
        sha256=sha256,
        chars=len(doc.text),
        pages=doc.pages,
        title=meta.title,
        doc_number=meta.doc_number,
        issuer=meta.issuer,
        date=meta.date,
        doc_type=meta.doc_type,
        secrecy=secrecy,
        copy_number=meta.copy_number,
        encoding=doc.encoding,
    )


def _reason(r: object) -> Reason:
    return Reason(
        code=r.code,  # type: ignore[attr-defined]
        article=r.article,  # type: ignore[attr-defined]
        explanation=r.explanation,  # type: ignore[attr-defined]
        evidence=[Evidence(e.start, e.end, e.text) for e in r.evidence],  # type: ignore[attr-defined]
        label=getattr(r, "label", None),
    )


_GENERAL_PROFILE = load_policy("general")


@dataclass(slots=True)
class Reviewer:
    analyzer: PersonalDataAnalyzer
    policy: dict[str, Treatment] = field(default_factory=lambda: dict(GENERAL))
    model_dir: Path | None = None
    disclosure_model: DisclosureModel | None = None
    profile: Policy | None = None  # the whole profile (party names, pseudonyms); None: general
    salt: bytes | None = None  # the pseudonyms' key; None: ``redact.salt.load_salt()`` on use

    @classmethod
    def build(
        cls,
        model_dir: Path | None = None,
        use_model: bool = True,
        policy: str | Path | Policy = "general",
    ) -> Reviewer:
        """Engines built once; the shipped NER from ``models/`` unless told otherwise."""
        if model_dir is None and use_model:
            model_dir = ner_model_dir()
        disclosure_model = DisclosureModel.load() if use_model else None
        profile = policy if isinstance(policy, Policy) else load_policy(policy)
        return cls(
            PersonalDataAnalyzer.build(model_dir),
            policy=dict(profile.treatments),
            model_dir=model_dir,
            disclosure_model=disclosure_model,
            profile=profile,
        )

    def _salt(self) -> bytes:
        if self.salt is None:
            self.salt = load_salt()
        return self.salt

    def review_path(self, path: Path) -> Review:
        data = load_bytes(path)
        doc = read_bytes(data, path.name)
        return self.review_extracted(doc, name=path.name, sha256=hashlib.sha256(data).hexdigest())

    def review_extracted(self, doc: ExtractedDocument, name: str, sha256: str) -> Review:
        meta = extract_metadata(doc.text)
        findings = make_findings(doc.text, self.analyzer.analyze(doc.text), self.policy)
        apply_profile(doc.text, findings, self.profile or _GENERAL_PROFILE, self._salt)
        prediction = (
            self.disclosure_model.predict(doc.text) if self.disclosure_model is not None else None
        )
        proposal = propose(doc.text, meta, findings, model=prediction)
        disclosure = Disclosure(
            attribute=proposal.attribute,
            label=proposal.label,
            marking=proposal.marking,
            confidence=round(float(proposal.confidence), 3),
            reasons=[_reason(r) for r in proposal.reasons],
            partial=proposal.partial,
            parts=[_reason(r) for r in proposal.parts],
            topic=proposal.topic,
            topic_confidence=proposal.topic_confidence,
        )
        return Review(
            review_id=uuid.uuid4().hex,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            document=document_info(name, sha256, doc, meta),
            disclosure=disclosure,
            findings=findings,
            warnings=[
                ReviewWarning(w.code, w.message, w.location, w.excerpt) for w in doc.warnings
            ],
            text=doc.text,
            generator={"name": "gkreview", "version": __version__},
        )

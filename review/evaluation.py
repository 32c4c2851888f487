"""``gkreview eval``'s measurements on the held-out split of the corpus.

Personal data is measured on what a user gets, the whole detection (NER, rules, public
role), not on the model alone; jieba's ``nr`` tags are measured beside it as the baseline the
model must beat.
"""

from __future__ import annotations

from collections.abc import Sequence

import jieba.posseg

from gkreview.redact.ner.corpus import LABELS, NerRecord
from gkreview.redact.ner.evaluate import SpanScores
from gkreview.review.pipeline import Reviewer, make_findings

PRIVATE_PERSON = "PERSON_PRIVATE_FLAGGED"


def evaluate_personal_data(reviewer: Reviewer, records: Sequence[NerRecord]) -> SpanScores:
    scores = SpanScores()
    for record in records:
        text = record.text
        findings = make_findings(text, reviewer.analyzer.analyze(text), reviewer.policy)
        predicted = [(f.start, f.end, f.type) for f in findings if f.type in LABELS]
        scores.add(record.entities, predicted, LABELS)
        public = set(record.public_role)
        private_gold = [
            (s, e, PRIVATE_PERSON)
            for s, e, label in record.entities
            if label == "PERSON" and (s, e) not in public
        ]
        flagged_people = [
            (f.start, f.end, PRIVATE_PERSON)
            for f in findings
            if f.type == "PERSON" and f.action != "keep"
        ]
        scores.add(private_gold, flagged_people, [PRIVATE_PERSON])
        personal = [
            (s, e)
            for s, e, label in record.entities
            if not (label == "PERSON" and (s, e) in public)
        ]
        scores.add_leak(personal, [(f.start, f.end) for f in findings if f.action != "keep"])
    return scores


def evaluate_jieba_nr(records: Sequence[NerRecord]) -> SpanScores:
    """PERSON as jieba's part-of-speech tagger sees it: every token tagged ``nr``."""
    scores = SpanScores()
    for record in records:
        predicted, offset = [], 0
        for pair in jieba.posseg.lcut(record.text):
            if pair.flag == "nr":
                predicted.append((offset, offset + len(pair.word), "PERSON"))
            offset += len(pair.word)
        gold = [s for s in record.entities if s[2] == "PERSON"]
        scores.add(gold, predicted, ["PERSON"])
    return scores

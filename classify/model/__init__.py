"""The trained disclosure classifier: attribute, not_public grounds and topic from the text.

Public API: :meth:`DisclosureModel.load` (the shipped ``models/disclosure/``, or None) and
:meth:`DisclosureModel.predict` → :class:`ModelPrediction`. Training lives in :mod:`.train`
(scikit-learn is imported only there); predicting with the shipped n-gram model needs numpy
alone, a spaCy-backed one (``spacy_textcat``) imports spaCy when it loads.
"""

from gkreview.classify.model.metrics import DisclosureGuess, DisclosureScores, score_disclosure
from gkreview.classify.model.predictor import DisclosureModel, ModelPrediction, default_model_dir

__all__ = [
    "DisclosureGuess",
    "DisclosureModel",
    "DisclosureScores",
    "ModelPrediction",
    "default_model_dir",
    "score_disclosure",
]

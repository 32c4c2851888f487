"""jieba's dictionary segmentation without its HMM, as a spaCy tokenizer.

jieba's HMM discovers "new words" by gluing unknown characters together, and names are
exactly such characters: it turns 张伟于 into one token, so the entity 张伟 has no token
boundary to end on. Without the HMM, characters jieba's dictionary does not know stay single
tokens and entity boundaries align. On the NER corpus 5.2% of the entities are misaligned
with the HMM and 0.45% without it, and segmentation is three times faster.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy import util
from spacy.lang.zh import ChineseTokenizer
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

TOKENIZER_NAME = "gkreview.zh_jieba_dict.v1"


class JiebaDictTokenizer(ChineseTokenizer):
    def __init__(self, vocab) -> None:  # type: ignore[no-untyped-def]
        super().__init__(vocab, segmenter="jieba")

    def __call__(self, text: str) -> Doc:
        words = [w for w in self.jieba_seg.cut(text, cut_all=False, HMM=False) if w]  # type: ignore[union-attr]
        words, spaces = util.get_words_and_spaces(words, text)
        return Doc(self.vocab, words=words, spaces=spaces)


@registry.tokenizers(TOKENIZER_NAME)
def create_jieba_dict_tokenizer() -> Callable[[Language], JiebaDictTokenizer]:
    def factory(nlp: Language) -> JiebaDictTokenizer:
        return JiebaDictTokenizer(nlp.vocab)

    return factory


SEGMENTERS = ("jieba_dict", "jieba", "char")


def tokenizer_config(segmenter: str) -> dict[str, str]:
    """The ``[nlp.tokenizer]`` block for one of ``SEGMENTERS``."""
    if segmenter == "jieba_dict":
        return {"@tokenizers": TOKENIZER_NAME}
    if segmenter in ("jieba", "char"):
        return {"@tokenizers": "spacy.zh.ChineseTokenizer", "segmenter": segmenter}
    raise ValueError(f"unknown segmenter {segmenter!r}; choose one of {', '.join(SEGMENTERS)}")

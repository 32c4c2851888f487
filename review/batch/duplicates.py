"""Duplicates in a batch, so that a reviewer decides once: the same bytes (sha256), and near
copies (a re-typed or lightly edited version) by MinHash over character shingles.

Each group's first path (in path order) is the original; the others get ``duplicate_of``.
"""

from __future__ import annotations

from collections.abc import Mapping

from datasketch import MinHash, MinHashLSH

SHINGLE = 5  # characters: long enough that shared phrases of government style do not match
THRESHOLD = 0.85  # estimated Jaccard similarity of the shingle sets
PERMUTATIONS = 64


def _minhash(text: str) -> MinHash:
    m = MinHash(num_perm=PERMUTATIONS, seed=1)
    compact = "".join(text.split())
    shingles = {compact[i : i + SHINGLE] for i in range(max(1, len(compact) - SHINGLE + 1))}
    m.update_batch([s.encode("utf-8") for s in shingles])  # numpy over all shingles at once
    return m


def find_duplicates(sha256: Mapping[str, str], texts: Mapping[str, str]) -> dict[str, str]:
    """path → the path it duplicates (exact first, then near)."""
    out: dict[str, str] = {}
    first_of: dict[str, str] = {}
    for path in sorted(sha256):
        digest = sha256[path]
        if digest in first_of:
            out[path] = first_of[digest]
        else:
            first_of[digest] = path
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
    for path in sorted(texts):
        if path in out or len("".join(texts[path].split())) < SHINGLE * 4:
            continue
        m = _minhash(texts[path])
        near = sorted(lsh.query(m))
        if near:
            out[path] = near[0]
        else:
            lsh.insert(path, m)
    return out

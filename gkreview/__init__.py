"""gkreview: disclosure review and de-identification of Chinese government documents.

The code lives in the top-level folders ``ingest/``, ``redact/``, ``classify/``, ``review/``
and ``models/``; the packaging maps them into this namespace (``gkreview.ingest`` and so on)
so that installed code never claims generic top-level names like ``review``.
"""

__version__ = "0.1.0"

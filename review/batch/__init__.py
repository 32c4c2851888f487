"""``gkreview batch``: every document under a folder reviewed, resumably, into a summary.

``walk`` lists the documents, ``state`` keeps each one's outcome in SQLite (WAL) so a run
killed at any moment resumes without losing or repeating a file, ``work`` reviews one file in
a worker process (one ``Reviewer`` per process), ``summary`` writes ``summary.csv`` from the
database, one row per input.
"""

"""Presidio recognizers for Chinese identifiers, one per file."""

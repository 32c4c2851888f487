"""Disclosure rules, one ground or public category per module."""

"""Readers: each turns a file into text plus an offset map back to the source."""

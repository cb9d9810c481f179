"""Extractors: actors, claims, dates. Plain functions over cleaned text and tokens; no I/O."""

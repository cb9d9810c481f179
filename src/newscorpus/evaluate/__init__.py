"""Evaluation against gold files: NER (token/BIO), claims and dates (JSON Lines)."""

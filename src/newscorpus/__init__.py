"""newscorpus: analyze corpora of Arabic news (actors, claims, dates) from the command line."""

__version__ = "0.1.0"

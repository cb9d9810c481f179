"""The Typer application (filled in by the lead)."""


def main() -> None:  # replaced when the CLI lands
    raise SystemExit("newscorpus: CLI not built yet")

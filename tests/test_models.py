"""The shared records: what a change to one keeps."""

from __future__ import annotations

from dataclasses import fields, replace

from newscorpus.models import Mention


def test_a_resolved_mention_changes_only_its_actor_and_resolution() -> None:
    mention = Mention(3, 8, "بوتين", "person", 1, "بوتين", None, "الرئيس", "rule", "")
    resolved = mention.resolved("فلاديمير بوتين", "lexicon")
    assert resolved == replace(mention, actor="فلاديمير بوتين", resolution="lexicon")
    assert len(fields(Mention)) == 10  # a new field must be carried by ``resolved`` too

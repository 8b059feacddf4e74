"""The ``clean`` stage."""

from __future__ import annotations

from ..models import Story
from ..pipeline import Context, register_stage
from .segment import segment_document


@register_stage("clean")
def clean_documents(story: Story, ctx: Context) -> Story:
    for doc in story.documents:
        segment_document(doc, title=doc.title)
    return story

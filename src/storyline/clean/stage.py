"""The ``clean`` stage."""

from __future__ import annotations

from ..models import Story
from ..pipeline import Context, register_stage
from .outlet import guess_outlet
from .segment import segment_document


@register_stage("clean", requires=("documents",), assigns=("blocks",))
def clean_documents(story: Story, ctx: Context) -> Story:
    for doc in story.documents:
        segment_document(doc, title=doc.title, dek=doc.dek)
        if doc.source is None:
            guess = guess_outlet(doc)
            if guess:
                doc.source, line = guess
                doc.source_why = f"inferred from the removed line {line!r}"
    return story

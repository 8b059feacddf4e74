"""story.md: a readable report."""
from __future__ import annotations

from ..models import Story


def render_markdown(story: Story) -> str:
    return "# story\n"

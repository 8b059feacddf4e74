"""story.html."""
from __future__ import annotations

from ..models import Story


def render_html(story: Story) -> str:
    return "<html></html>\n"

"""story.json: the SPEC contract, plus the project's own fields."""

from __future__ import annotations

import json
from typing import Any

from ..models import Story

__all__ = ["render_json", "story_dict", "story_schema"]


def story_dict(story: Story) -> dict[str, Any]:
    data = story.model_dump(mode="json", by_alias=True)
    return data


def render_json(story: Story) -> str:
    return json.dumps(story_dict(story), ensure_ascii=False, indent=1) + "\n"


def story_schema() -> dict[str, Any]:
    """The JSON Schema of story.json."""
    schema = Story.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://storyline.invalid/schema/story-1.json"
    schema["title"] = "storyline story"
    return schema

"""storyline: turn several outlets' articles about one story into a sourced situation report."""

from .api import BriefResult, brief, build_story, story_from_texts
from .errors import ConfigError, InputError, ModelError, ServiceError, StorylineError
from .models import Story
from .pipeline import Context, register_stage, run_pipeline
from .settings import Options, load_options

__all__ = [
    "BriefResult",
    "ConfigError",
    "Context",
    "InputError",
    "ModelError",
    "Options",
    "ServiceError",
    "Story",
    "StorylineError",
    "brief",
    "build_story",
    "load_options",
    "register_stage",
    "run_pipeline",
    "story_from_texts",
]

__version__ = "0.1.0"
